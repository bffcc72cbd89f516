#!/usr/bin/env bash
# The soak: mixed ESIA logins (first and returning, every role) over HTTP with random ESIA and consent-service
# faults, against a real Keycloak, PostgreSQL and the ESIA emulator, for N minutes (default 30). Not part of CI.
# Reports outcomes by kind, heap after GC, threads, pool and connection figures at the start and the end
# (also in e2e-tests/target/soak-report.txt) and fails on an unexpected outcome or a leak.
# Usage: ./soak.sh [minutes]   (-Dsoak.seed=N on the Maven line repeats a run's choices)
set -euo pipefail
cd "$(dirname "$0")"
MINUTES="${1:-30}"
exec ./mvnw -B -pl e2e-tests -am verify -Dtest=SoakRun -Dsurefire.failIfNoSpecifiedTests=false \
  -Dsoak.minutes="$MINUTES" -Dsurefire.timeout=0 "${@:2}"
