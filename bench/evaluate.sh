#!/usr/bin/env bash
# MAG members' list page, evaluation form and draft saves under 200 concurrent
# evaluators (reading for about a second between requests, then with no pause at all),
# on SQLite and on a throwaway PostgreSQL cluster (the one the tests use).
set -euo pipefail
cd "$(dirname "$0")/.."
export CONVENE_BIN=$(realpath "${1:-build/convene}")
seconds=${2:-15}
pgdir=$(mktemp -d /tmp/convene-bench-pg.XXXXXX)
trap 'tests/support/postgres.sh stop "$pgdir"' EXIT
export CONVENE_TEST_POSTGRES=$(tests/support/postgres.sh start "$pgdir")
for engine in sqlite postgresql; do
    node bench/evaluate.mjs "$engine" "$seconds" 200 1000
    node bench/evaluate.mjs "$engine" "$seconds" 200 0
done
