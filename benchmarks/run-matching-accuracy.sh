#!/usr/bin/env bash
# The accuracy benchmark of registry matching (docs/performance.md, "Matching accuracy"): a generated region of
# PEOPLE people (default 100000) from SEED, every first login played against the linker's matcher and the old contact
# rule; prints the table and writes benchmarks/target/matching-accuracy.json and .csv.
# Usage: benchmarks/run-matching-accuracy.sh [people] [seed]
set -euo pipefail
cd "$(dirname "$0")/.."
PEOPLE="${1:-100000}"
SEED="${2:-20260901}"
exec ./mvnw -B -q -pl benchmarks -am -Pmatching-accuracy process-classes -Dpeople="$PEOPLE" -Dseed="$SEED"
