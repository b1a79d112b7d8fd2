#!/usr/bin/env bash
# Every test, on a throwaway PostgreSQL cluster started once for the run:
# unit tests (release and ASan+UBSan builds), HTTP tests against the real server on
# SQLite and PostgreSQL, browser tests in Debian's Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build} asan_build=${2:-build-asan}
pgdir=$(mktemp -d /tmp/convene-pg.XXXXXX)
trap 'tests/support/postgres.sh stop "$pgdir"' EXIT
export CONVENE_TEST_POSTGRES=$(tests/support/postgres.sh start "$pgdir")
echo "PostgreSQL for tests: $CONVENE_TEST_POSTGRES"

echo "== unit tests"
ctest --test-dir "$build" --output-on-failure -j2
echo "== unit tests under AddressSanitizer and UndefinedBehaviorSanitizer"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 LSAN_OPTIONS=suppressions=$(realpath tests/lsan.supp) UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir "$asan_build" --output-on-failure -j2

echo "== HTTP and browser tests"
export CONVENE_BIN=$(realpath "$build/convene")
# Two files at a time: each starts its own servers and databases.
node --test --test-concurrency=2 tests/http/*.test.mjs tests/browser/*.test.mjs
