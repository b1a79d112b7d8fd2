#!/usr/bin/env bash
# `convene assign` on generated instances: 1,000 proposals x 60 evaluators x k=5 (goal
# under 1 s) and 10,000 x 6,000 x k=3 (goal under 3 s); wall time and peak memory.
set -euo pipefail
bin=$(realpath "${1:-build/convene}")
dir=$(mktemp -d /tmp/convene-assign.XXXXXX)
trap 'rm -rf "$dir"' EXIT
run() {
    local n=$1 m=$2 k=$3 groups=$4
    node "$(dirname "$0")/assign_instance.mjs" "$n" "$m" "$k" "$groups" 1 >"$dir/in.json"
    /usr/bin/time -f "%e %M" -o "$dir/time" "$bin" assign --in "$dir/in.json" --out "$dir/out.json"
    read -r seconds kib <"$dir/time"
    node -e "const o=require('$dir/out.json').objective; const u=require('$dir/out.json').unfilled.length;
      console.log('assign $n proposals x $m evaluators, k=$k, $groups issue-area groups: ' +
      '$seconds s, peak $((kib / 1024)) MiB; filled ' + o.filled + ' of ' + ($n * $k) + ', load squares ' + o.load_squares + ', preference ' + o.preference + ', ' + u + ' proposals short')"
}
run 1000 60 5 4
run 10000 6000 3 20
