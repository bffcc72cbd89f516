#!/usr/bin/env bash
# The bulk import benchmark (docs/performance.md, "Import"): a generated school file of ROWS rows (default 100000;
# Windows-1251, ';' as Russian Excel saves it) read by the real parser and imported by the real JDBC registry into an
# embedded PostgreSQL: prints seconds and rows/s for parse, dry run, apply and a second (idempotent) apply, and writes
# benchmarks/target/import-benchmark.txt and the file itself (import-benchmark.csv).
# Usage: benchmarks/run-import.sh [rows] [seed]
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS="${1:-100000}"
SEED="${2:-20260901}"
exec ./mvnw -B -q -pl benchmarks -am -Pimport process-classes -Drows="$ROWS" -Dseed="$SEED"
