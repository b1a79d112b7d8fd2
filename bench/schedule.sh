#!/usr/bin/env bash
# `convene schedule` on generated IGF-size forums (300 sessions, 14 rooms, 4 days
# 09:00-19:00, the main hall in 3-hour windows, 2,000 people, a tenth online in other
# time zones, 30 tags, 5% fixed, 10 feeder chains): wall time, peak memory, sessions
# placed, total against the lower bound. Then a plain CBC model of the first forum (the
# full time-indexed program, nothing else) given the same time limit; CBC 2.10 checks its
# limit only after the root LP, so it is cut off by `timeout` after 20 times the limit.
# Usage: bench/schedule.sh [build/convene] [seconds] [seeds...]
set -euo pipefail
bin=$(realpath "${1:-build/convene}")
limit=${2:-5}
shift $(($# > 2 ? 2 : $#))
seeds=("${@:-1 2 3}")
dir=$(mktemp -d /tmp/convene-schedule.XXXXXX)
trap 'rm -rf "$dir"' EXIT
run() {  # run LABEL SEED SESSIONS EXTRA-FLAGS...
    local label=$1 seed=$2 sessions=$3
    shift 3
    "$bin" schedule --generate igf --seed "$seed" --sessions "$sessions" --out "$dir/in.json"
    rm -f "$dir/out.json"
    local status=0
    /usr/bin/time -f "%e %M" -o "$dir/time" timeout $((limit * 20)) \
        "$bin" schedule --in "$dir/in.json" --out "$dir/out.json" --time-limit "$limit" "$@" \
        2>"$dir/err" || status=$?
    local seconds kib
    read -r seconds kib < <(tail -1 "$dir/time")
    if [ "$status" != 0 ] || [ ! -s "$dir/out.json" ]; then
        echo "$label, $sessions sessions, forum $seed: no timetable after $seconds s (exit $status), peak $((kib / 1024)) MiB"
        return
    fi
    echo "$label, $sessions sessions, forum $seed: $seconds s, peak $((kib / 1024)) MiB; $(tail -1 "$dir/err")"
}
for seed in ${seeds[*]}; do run "convene schedule (--time-limit $limit)" "$seed" 300; done
run "plain CBC model (--plain-cbc --time-limit $limit)" "${seeds[0]%% *}" 300 --plain-cbc
# A forum of 80 sessions in 4 rooms, where the plain model's root LP is small enough.
run "convene schedule (--time-limit $limit)" "${seeds[0]%% *}" 80
run "plain CBC model (--plain-cbc --time-limit $limit)" "${seeds[0]%% *}" 80 --plain-cbc
