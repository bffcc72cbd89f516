#!/usr/bin/env bash
# JMH microbenchmarks of our own server work per ESIA login (docs/performance.md, "Throughput"): building the GOST
# signer from PEM, one request signature, parsing the person. Prints JMH's sample-time table (p0.50, p0.99) and writes
# throughput-benchmark/target/jmh.json. Not part of CI.
set -euo pipefail
cd "$(dirname "$0")/.."
exec ./mvnw -B -q -pl throughput-benchmark -am -Pjmh package -DskipTests "$@"
