#!/usr/bin/env bash
# wrk on loopback: Convene's cached public start page against Debian's nginx serving the
# same bytes as a static file, side by side, at 64 and 512 connections. Both servers get
# two workers (the machine has two cores) and both write an access log.
set -euo pipefail
bin=$(realpath "${1:-build/convene}")
duration=${BENCH_SECONDS:-10}
# BENCH_ENCODING="gzip, br" sends Accept-Encoding (nginx then compresses with gzip too).
encoding=${BENCH_ENCODING:-}
nginx_gzip=off; [ -n "$encoding" ] && nginx_gzip=on
dir=$(mktemp -d /tmp/convene-bench.XXXXXX)
chmod 755 "$dir"  # nginx workers run as an unprivileged user
cleanup() { kill $convene_pid 2>/dev/null || true; [ -f "$dir/nginx.pid" ] && kill "$(cat "$dir/nginx.pid")" 2>/dev/null || true; sleep 0.3; rm -rf "$dir"; }
trap cleanup EXIT
convene_port=18182 nginx_port=18183

"$bin" --database "sqlite:$dir/demo.db" demo --seed 1 >/dev/null
"$bin" --database "sqlite:$dir/demo.db" serve --listen 127.0.0.1:$convene_port --threads 2 >/dev/null 2>"$dir/convene-access.log" &
convene_pid=$!
wait_for() { for _ in $(seq 500); do curl -sf "$1" >/dev/null && return 0; sleep 0.02; done; echo "no answer from $1" >&2; exit 1; }
wait_for http://127.0.0.1:$convene_port/healthz

mkdir -p "$dir/www"
curl -s http://127.0.0.1:$convene_port/ >"$dir/www/index.html"
cat >"$dir/nginx.conf" <<CONF
worker_processes 2;
pid $dir/nginx.pid;
error_log $dir/nginx-error.log;
events { worker_connections 4096; }
http {
    access_log $dir/nginx-access.log;
    keepalive_requests 1000000;
    default_type text/html;
    gzip $nginx_gzip;
    server {
        listen 127.0.0.1:$nginx_port;
        root $dir/www;
    }
}
CONF
nginx -c "$dir/nginx.conf" -p "$dir" -g 'daemon on;'
wait_for http://127.0.0.1:$nginx_port/
echo "page: $(wc -c <"$dir/www/index.html") bytes; each run ${duration}s, wrk -t2${encoding:+, Accept-Encoding: $encoding}"

measure() {  # url connections -> "req/s p99"
    wrk -t2 -c"$2" -d"${duration}s" --latency ${encoding:+-H "Accept-Encoding: $encoding"} "$1" 2>/dev/null |
        awk 'function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
             /Requests\/sec/ {rps=$2} /^ +99%/ {p99=ms($2)} END {printf "%s %.2f\n", rps, p99}'
}
median() { sort -g | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
rounds=${BENCH_ROUNDS:-3}
echo "median of $rounds interleaved rounds (this machine is shared; single runs vary by 20%)"
printf "%-12s %14s %10s %14s %10s %8s\n" connections "convene req/s" "p99" "nginx req/s" "p99" ratio
for c in 64 512; do
    : >"$dir/c.txt"; : >"$dir/n.txt"
    for _ in $(seq "$rounds"); do
        measure http://127.0.0.1:$convene_port/ "$c" >>"$dir/c.txt"
        measure http://127.0.0.1:$nginx_port/ "$c" >>"$dir/n.txt"
    done
    crps=$(cut -d' ' -f1 "$dir/c.txt" | median); cp99=$(cut -d' ' -f2 "$dir/c.txt" | median)ms
    nrps=$(cut -d' ' -f1 "$dir/n.txt" | median); np99=$(cut -d' ' -f2 "$dir/n.txt" | median)ms
    ratio=$(awk -v a="$crps" -v b="$nrps" 'BEGIN { printf "%.2f", a / b }')
    printf "%-12s %14s %10s %14s %10s %8s\n" "$c" "$crps" "$cp99" "$nrps" "$np99" "$ratio"
done
