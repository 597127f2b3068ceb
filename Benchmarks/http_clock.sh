#!/usr/bin/env bash
# HTTP: Setlist's Clock server against two peers, each loaded by wrk (compiled, so
# the driver's cost is small beside a server's) with 32 connections:
# - the seed's current_time call on /mcp/jsonrpc against the original FastAPI +
#   Uvicorn server;
# - a current_time tools/call on /mcp against the Python SDK's own Streamable HTTP
#   server (MCPServer, stateless, JSON answers), in each protocol era: the handshake
#   era's request, and the modern era's (2026-07-28: _meta and its headers).
# The machines are shared, so each pair is measured in BENCH_ROUNDS rounds (default 3)
# of BENCH_SECONDS (default 5), Setlist and its peer taking turns, and each side's best
# round counts: a neighbour's burst then costs both sides alike.
# Usage: Benchmarks/http_clock.sh SETLIST_BINARY PYTHON
set -euo pipefail
setlist="$1"
python="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"
here="$(cd "$(dirname "$0")" && pwd)"
seconds="${BENCH_SECONDS:-5}"
rounds="${BENCH_ROUNDS:-3}"
setlist_port=18181
seed_port=18182
sdk_port=18183

"$setlist" serve clock --http "127.0.0.1:$setlist_port" 2>/dev/null &
setlist_pid=$!
(cd "$here/peers" && exec "$python" -m uvicorn seed_remote:app --host 127.0.0.1 --port "$seed_port" --log-level warning) &
seed_pid=$!
"$python" "$here/peers/sdk_clock.py" "$sdk_port" 2>/dev/null &
sdk_pid=$!
trap 'kill $setlist_pid $seed_pid $sdk_pid 2>/dev/null || true' EXIT

for port in $setlist_port $seed_port $sdk_port; do
    path=/mcp/jsonrpc
    [ "$port" = "$sdk_port" ] && path=/mcp
    for _ in $(seq 100); do
        curl -sf "http://127.0.0.1:$port$path" -H 'Content-Type: application/json' -H 'Accept: application/json, text/event-stream' \
            -d '{"jsonrpc": "2.0", "id": 2, "method": "tools/call", "params": { "name": "current_time", "arguments": {} }}' \
            | grep -q UTC && break
        sleep 0.1
    done
done

# run PORT SCRIPT [ERA]: one measured round; prints wrk's RESULT line.
run() {
    WRK_ERA="${3:-}" wrk -t 2 -c 32 -d "${seconds}s" -s "$here/$2" "http://127.0.0.1:$1" | grep '^RESULT'
}
# pair SETLIST_PORT PEER_PORT SCRIPT [ERA]: a warm-up of each, then rounds taken in
# turn; prints the best round of each side (most requests a second), Setlist's first.
pair() {
    for port in "$1" "$2"; do WRK_ERA="${4:-}" wrk -t 2 -c 32 -d 2s -s "$here/$3" "http://127.0.0.1:$port" >/dev/null; done
    local ours="" theirs=""
    for _ in $(seq "$rounds"); do
        ours="$ours$(run "$1" "$3" "${4:-}")"$'\n'
        theirs="$theirs$(run "$2" "$3" "${4:-}")"$'\n'
    done
    printf '%s' "$ours" | best
    printf '%s' "$theirs" | best
}
# best: of RESULT lines, the one with the most requests a second, with the errors of
# every round (a wrong answer in any round counts).
best() {
    awk '{ split($2, r, "="); split($3, s, "="); split($6, e, "="); errors += e[2]; rate = r[2] / s[2]
           if (rate > top) { top = rate; line = $2 " " $3 " " $4 " " $5 } }
         END { print "RESULT " line " errors=" errors }'
}
{ read -r seed_setlist; read -r seed_peer; } < <(pair $setlist_port $seed_port current_time.lua)
{ read -r handshake_setlist; read -r handshake_sdk; } < <(pair $setlist_port $sdk_port mcp_call.lua handshake)
{ read -r modern_setlist; read -r modern_sdk; } < <(pair $setlist_port $sdk_port mcp_call.lua modern)

"$python" - "$seed_setlist" "$seed_peer" "$handshake_setlist" "$handshake_sdk" "$modern_setlist" "$modern_sdk" <<'PY'
import sys

def parse(line):
    return {k: float(v) for k, v in (item.split("=") for item in line.split()[1:])}

def table(title, peer, s, p, target):
    s, p = parse(s), parse(p)
    srps, prps = s["requests"] / s["seconds"], p["requests"] / p["seconds"]
    ratio = srps / prps
    print(title)
    print(f"  {'':22}{'setlist':>12}{peer:>12}{'ratio':>10}{'target':>10}")
    print(f"  {'requests/s':22}{srps:>12.0f}{prps:>12.0f}{ratio:>9.1f}x{'>=' + str(target):>10}  {'met' if ratio >= target else 'MISSED'}")
    print(f"  {'p99 ms':22}{s['p99_us']/1e3:>12.2f}{p['p99_us']/1e3:>12.2f}{p['p99_us']/s['p99_us']:>9.1f}x")
    print(f"  {'errors':22}{s['errors']:>12.0f}{p['errors']:>12.0f}")

seed_s, seed_p, hs, hp, ms, mp = sys.argv[1:7]
table("HTTP: current_time on /mcp/jsonrpc, 32 connections (wrk)", "fastapi", seed_s, seed_p, 8)
table("HTTP, handshake era: tools/call current_time on /mcp, 32 connections (wrk)", "python-sdk", hs, hp, 20)
table("HTTP, modern era (2026-07-28): tools/call current_time on /mcp, 32 connections (wrk)", "python-sdk", ms, mp, 20)
PY
