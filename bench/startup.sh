#!/usr/bin/env bash
# Start-up time and resident memory of `convene serve` on a demo database (300 proposals).
set -euo pipefail
bin=$(realpath "${1:-build/convene}")
dir=$(mktemp -d /tmp/convene-bench.XXXXXX)
trap 'kill $pid 2>/dev/null || true; rm -rf "$dir"' EXIT
"$bin" --database "sqlite:$dir/demo.db" demo --seed 1 >/dev/null
port=18181
runs=5 total=0
for i in $(seq $runs); do
    start=$(date +%s%N)
    "$bin" --database "sqlite:$dir/demo.db" --log-level warn serve --listen 127.0.0.1:$port >/dev/null 2>&1 &
    pid=$!
    until curl -sf http://127.0.0.1:$port/healthz >/dev/null; do sleep 0.005; done
    ms=$(( ($(date +%s%N) - start) / 1000000 ))
    total=$((total + ms))
    if [ "$i" = "$runs" ]; then
        rss_start=$(ps -o rss= -p $pid)
        for p in / /editions /editions/1 /api/v1/editions/1 /api/v1/countries; do
            for _ in $(seq 200); do curl -s -o /dev/null http://127.0.0.1:$port$p; done
        done
        rss_after=$(ps -o rss= -p $pid)
    fi
    kill $pid; wait $pid 2>/dev/null || true
done
echo "start-up to first /healthz answer, demo database (300 proposals): mean $((total / runs)) ms over $runs runs"
echo "resident memory: $((rss_start / 1024)) MiB after start, $((rss_after / 1024)) MiB after 1000 requests"
