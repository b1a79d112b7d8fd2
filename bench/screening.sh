#!/usr/bin/env bash
# Screening N proposals (default 5,000): offline with `convene screen` on JSON files, and
# through the API (POST /api/v1/editions/1/screening, which loads, screens and stores).
set -euo pipefail
bin=$(realpath "${1:-build/convene}")
n=${2:-5000}
dir=$(mktemp -d /tmp/convene-bench.XXXXXX)
trap 'kill $pid 2>/dev/null || true; rm -rf "$dir"' EXIT
"$bin" --database "sqlite:$dir/demo.db" demo --seed 1 --proposals "$n" >/dev/null
token=$("$bin" --database "sqlite:$dir/demo.db" user add --email bench@example.org --name Bench --role admin --token | awk '/API token/ {print $3}')
"$bin" --database "sqlite:$dir/demo.db" --log-level warn serve --listen 127.0.0.1:18184 >/dev/null 2>&1 &
pid=$!
until curl -sf http://127.0.0.1:18184/healthz >/dev/null; do sleep 0.02; done
curl -sf -H "authorization: Bearer $token" http://127.0.0.1:18184/api/v1/editions/1/proposals >"$dir/proposals.json"
echo '{"screening": {"require_gender_diversity": true, "min_onsite_speakers": 2, "require_onsite_moderator": true}}' >"$dir/edition.json"
ms() { local start=$(date +%s%N); "$@" >/dev/null; echo $(( ($(date +%s%N) - start) / 1000000 )); }
best_offline=999999 best_api=999999
for _ in 1 2 3; do
    t=$(ms "$bin" screen --edition "$dir/edition.json" --proposals "$dir/proposals.json"); [ "$t" -lt "$best_offline" ] && best_offline=$t
    t=$(ms curl -sf -X POST -H "authorization: Bearer $token" http://127.0.0.1:18184/api/v1/editions/1/screening); [ "$t" -lt "$best_api" ] && best_api=$t
done
echo "screening $n proposals, best of 3: offline (convene screen, incl. reading $(du -h "$dir/proposals.json" | cut -f1) of JSON) ${best_offline} ms; through the API on SQLite (load, screen, store) ${best_api} ms"
