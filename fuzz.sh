#!/usr/bin/env bash
# The long fuzzing run of the parsers (jqwik properties, *Properties test classes) that CI runs bounded at
# 1000 tries per property. Usage: ./fuzz.sh [tries per property, default 100000]
# A failure prints the shrunk sample; jqwik keeps it in <module>/target/jqwik-database and tries it first next time.
set -euo pipefail
cd "$(dirname "$0")"
TRIES="${1:-100000}"
exec ./mvnw -B -pl esia-idp,school-registry,contact-authenticator -am test -Dtest='*Properties' -Dsurefire.failIfNoSpecifiedTests=false \
  -Djqwik.tries.default="$TRIES" -Djqwik.reporting.onlyfailures=false
