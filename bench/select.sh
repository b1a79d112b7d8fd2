#!/usr/bin/env bash
# `convene select` on generated instances with 40 constraints: 1,000 proposals for 100
# and for 300 slots (goal: optimal in under 5 s); wall time and peak memory.
set -euo pipefail
bin=$(realpath "${1:-build/convene}")
dir=$(mktemp -d /tmp/convene-select.XXXXXX)
trap 'rm -rf "$dir"' EXIT
run() {
    local n=$1 slots=$2
    node "$(dirname "$0")/select_instance.mjs" "$n" "$slots" 1 >"$dir/in.json"
    /usr/bin/time -f "%e %M" -o "$dir/time" "$bin" select --in "$dir/in.json" --out "$dir/out.json" || true
    read -r seconds kib <"$dir/time"
    node -e "const o=require('$dir/out.json'); const c=require('$dir/in.json').constraints.length;
      console.log('select $n proposals, $slots slots, ' + c + ' constraints: $seconds s, peak $((kib / 1024)) MiB; ' +
      (o.infeasible ? 'infeasible: ' + o.infeasible.length + ' conflicting' :
       o.selected.length + ' selected, total ' + o.total_score + ', ' + o.binding.length + ' binding, ' + o.versus_cutoff.entered.length + ' entered / ' + o.versus_cutoff.left.length + ' left versus the cut-off'))"
}
run 1000 100
run 1000 300
