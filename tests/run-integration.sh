#!/usr/bin/env bash
# HTTP tests against the real server on SQLite and on a throwaway PostgreSQL, then the
# browser tests in Debian's Chromium. Node's test runner prints the totals.
set -euo pipefail
cd "$(dirname "$0")/.."
export CONVENE_BIN=$(realpath "${1:-build/convene}")
pgdir=$(mktemp -d /tmp/convene-pg.XXXXXX)
trap 'tests/support/postgres.sh stop "$pgdir"' EXIT
export CONVENE_TEST_POSTGRES=$(tests/support/postgres.sh start "$pgdir")
echo "PostgreSQL for tests: $CONVENE_TEST_POSTGRES"
node --test --test-concurrency=1 tests/http/*.test.mjs tests/browser/*.test.mjs
