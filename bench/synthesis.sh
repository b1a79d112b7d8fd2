#!/usr/bin/env bash
# The synthesis page for 800 proposals (goal: p99 under 100 ms), 1 and 10 officers at
# once, on SQLite and on a throwaway PostgreSQL cluster (the one the tests use).
set -euo pipefail
cd "$(dirname "$0")/.."
export CONVENE_BIN=$(realpath "${1:-build/convene}")
seconds=${2:-10}
pgdir=$(mktemp -d /tmp/convene-bench-pg.XXXXXX)
trap 'tests/support/postgres.sh stop "$pgdir"' EXIT
export CONVENE_TEST_POSTGRES=$(tests/support/postgres.sh start "$pgdir")
for engine in sqlite postgresql; do
    node bench/synthesis.mjs "$engine" "$seconds" 1 800
    node bench/synthesis.mjs "$engine" "$seconds" 10 800
done
