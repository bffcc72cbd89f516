#!/usr/bin/env bash
# Whole logins per second, ESIA against Keycloak's own OIDC broker, side by side (docs/performance.md, "Throughput"):
# one Keycloak in production mode on PostgreSQL, the emulator over ESIA and over its OIDC mode, returning people and
# first logins at each concurrency, short rounds of both identity providers alternating. Prints the table and writes
# throughput-benchmark/target/throughput.json, .csv and .png. Not part of CI; asserts nothing.
# Usage: throughput-benchmark/run-throughput.sh [concurrency list, default 1,2,4,8,16,32] [seconds per step, default 20]
#        further -D options after them: -Dnodes=2 (two cluster nodes, round-robin), -DroundSeconds=5, -Dseed=N
set -euo pipefail
cd "$(dirname "$0")/.."
CONCURRENCY="${1:-1,2,4,8,16,32}"
SECONDS_PER_STEP="${2:-20}"
exec ./mvnw -B -q -pl throughput-benchmark -am -Pthroughput package -DskipTests \
  -Dconcurrency="$CONCURRENCY" -Dseconds="$SECONDS_PER_STEP" "${@:3}"
