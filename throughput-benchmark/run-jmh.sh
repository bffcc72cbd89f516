#!/usr/bin/env bash
# JMH microbenchmarks of our own server work per ESIA login (docs/performance.md, "Our own work per login, in process"):
# the GOST signer and signature, the ESIA token checks, person parsing, the first login's match, the consent decision.
# Prints JMH's sample-time table (p0.50, p0.99), writes throughput-benchmark/target/jmh.json, then the parts with their
# counts per login and the sum "own server time per ESIA login" (jmh.OwnTimePerLogin). Shorter runs:
# run-jmh.sh -Djmh.warmups=2 -Djmh.iterations=3. Not part of CI.
set -euo pipefail
cd "$(dirname "$0")/.."
exec ./mvnw -B -q -pl throughput-benchmark -am -Pjmh package -DskipTests "$@"
