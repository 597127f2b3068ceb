#!/usr/bin/env bash
# HTTP: the seed's current_time call on /mcp/jsonrpc, Setlist's Clock server vs
# the original FastAPI + Uvicorn server, each loaded by wrk with 32 connections.
# Usage: Benchmarks/http_clock.sh SETLIST_BINARY PYTHON
set -euo pipefail
setlist="$1"
python="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"
here="$(cd "$(dirname "$0")" && pwd)"
seconds="${BENCH_SECONDS:-10}"
setlist_port=18181
peer_port=18182

"$setlist" serve clock --http "127.0.0.1:$setlist_port" 2>/dev/null &
setlist_pid=$!
(cd "$here/peers" && exec "$python" -m uvicorn seed_remote:app --host 127.0.0.1 --port "$peer_port" --log-level warning) &
peer_pid=$!
trap 'kill $setlist_pid $peer_pid 2>/dev/null || true' EXIT

for port in $setlist_port $peer_port; do
    for _ in $(seq 100); do
        curl -sf "http://127.0.0.1:$port/mcp/jsonrpc" -H 'Content-Type: application/json' \
            -d '{"jsonrpc": "2.0", "id": 2, "method": "tools/call", "params": { "name": "current_time" }}' \
            | grep -q UTC && break
        sleep 0.1
    done
done

measure() {
    wrk -t 2 -c 32 -d 2s -s "$here/current_time.lua" "http://127.0.0.1:$1" >/dev/null  # warm up
    wrk -t 2 -c 32 -d "${seconds}s" -s "$here/current_time.lua" "http://127.0.0.1:$1" | grep '^RESULT'
}
setlist_result=$(measure $setlist_port)
peer_result=$(measure $peer_port)

"$python" - "$setlist_result" "$peer_result" <<'PY'
import sys
def parse(line):
    return {k: float(v) for k, v in (item.split("=") for item in line.split()[1:])}
s, p = parse(sys.argv[1]), parse(sys.argv[2])
srps, prps = s["requests"] / s["seconds"], p["requests"] / p["seconds"]
print("HTTP: current_time on /mcp/jsonrpc, 32 connections (wrk)")
print(f"  {'':22}{'setlist':>12}{'fastapi':>12}{'ratio':>10}{'target':>10}")
ratio = srps / prps
print(f"  {'requests/s':22}{srps:>12.0f}{prps:>12.0f}{ratio:>9.1f}x{'>=8':>10}  {'met' if ratio >= 8 else 'MISSED'}")
print(f"  {'p99 ms':22}{s['p99_us']/1e3:>12.2f}{p['p99_us']/1e3:>12.2f}{p['p99_us']/s['p99_us']:>9.1f}x")
print(f"  {'errors':22}{s['errors']:>12.0f}{p['errors']:>12.0f}")
PY
