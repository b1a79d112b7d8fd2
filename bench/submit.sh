#!/usr/bin/env bash
# Submitting proposals with 8 speakers under 100 concurrent proposers, on SQLite and on a
# throwaway PostgreSQL cluster (the one the tests use), then one proposer alone for the
# unloaded latency.
set -euo pipefail
cd "$(dirname "$0")/.."
export CONVENE_BIN=$(realpath "${1:-build/convene}")
seconds=${2:-15}
pgdir=$(mktemp -d /tmp/convene-bench-pg.XXXXXX)
trap 'tests/support/postgres.sh stop "$pgdir"' EXIT
export CONVENE_TEST_POSTGRES=$(tests/support/postgres.sh start "$pgdir")
for engine in sqlite postgresql; do
    node bench/submit.mjs "$engine" "$seconds" 100
    node bench/submit.mjs "$engine" 5 1
done
# What synchronous=FULL (the default) costs SQLite against NORMAL.
echo "SQLite with synchronous=NORMAL:"
CONVENE_SQLITE_SYNCHRONOUS=NORMAL node bench/submit.mjs sqlite "$seconds" 100
CONVENE_SQLITE_SYNCHRONOUS=NORMAL node bench/submit.mjs sqlite 5 1
