#!/usr/bin/env bash
# `convene assign` on generated instances: 1,000 proposals x 60 evaluators x k=5 (goal
# under 1 s) and 10,000 x 6,000 x k=3 in 20 issue areas (goal under 3 s), the latter both
# with each evaluator in one area (independent parts, solved apart and in parallel, and
# once more as one whole instance, which must reach the same objective) and with half the
# evaluators in a second area (one connected instance); wall time and peak memory.
set -euo pipefail
bin=$(realpath "${1:-build/convene}")
dir=$(mktemp -d /tmp/convene-assign.XXXXXX)
trap 'rm -rf "$dir"' EXIT
run() {
    local n=$1 m=$2 k=$3 groups=$4 two=$5 label=$6
    shift 6
    node "$(dirname "$0")/assign_instance.mjs" "$n" "$m" "$k" "$groups" 1 "$two" >"$dir/in.json"
    /usr/bin/time -f "%e %M" -o "$dir/time" "$bin" assign --in "$dir/in.json" --out "$dir/out.json" "$@"
    read -r seconds kib <"$dir/time"
    node -e "const o=require('$dir/out.json').objective; const u=require('$dir/out.json').unfilled.length;
      console.log('assign $n proposals x $m evaluators, k=$k, $groups issue areas, $label: ' +
      '$seconds s, peak $((kib / 1024)) MiB; filled ' + o.filled + ' of ' + ($n * $k) + ', load squares ' + o.load_squares + ', preference ' + o.preference + ', ' + u + ' proposals short')"
    node -e "console.log(JSON.stringify(require('$dir/out.json').objective))" >"$dir/objective.$label"
}
run 1000 60 5 4 0.5 "half in two areas (small)"
run 10000 6000 3 20 0 "one area each, parts apart"
run 10000 6000 3 20 0 "one area each, solved whole" --whole
if ! cmp -s "$dir/objective.one area each, parts apart" "$dir/objective.one area each, solved whole"; then
    echo "the parts' objective differs from the whole instance's" >&2
    exit 1
fi
run 10000 6000 3 20 0.5 "half in two areas"
