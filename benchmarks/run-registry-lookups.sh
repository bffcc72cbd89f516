#!/usr/bin/env bash
# The registry's lookups at region size (docs/performance.md, "Registry lookups at region size"): for each size in
# PEOPLE (default 300000,3000000) a generated region is bulk-loaded into a fresh embedded PostgreSQL and every finder a
# login uses (findBySnils, findByPhone, findByEmail, findByNameAndBirthDate, findLinked, findById) is timed through the
# real JDBC registry; prints p50/p95/p99/max per lookup, the sizes side by side and the EXPLAIN (ANALYZE, BUFFERS) of
# each statement; writes benchmarks/target/registry-lookups.{txt,csv,json} and registry-lookups-plans-<size>.txt.
# Usage: benchmarks/run-registry-lookups.sh [people list] [seed]
set -euo pipefail
cd "$(dirname "$0")/.."
PEOPLE="${1:-300000,3000000}"
SEED="${2:-20260901}"
export MAVEN_OPTS="${MAVEN_OPTS:-} -Xmx3g"
exec ./mvnw -B -q -pl benchmarks -am -Pregistry-lookups process-classes -Dpeople="$PEOPLE" -Dseed="$SEED"
