"""Setlist's Clock server against the reference `mcp-server-time`, both over stdio.

One driver speaks raw newline-delimited JSON-RPC to both servers, so neither is
measured through a client library. Both answer the same call,
`get_current_time {"timezone": "UTC"}`. Prints the figures and their ratios.
"""

import json
import os
import statistics
import subprocess
import sys
import time

STARTS = 15
WARMUP = 300
CALLS = 3000

INITIALIZE = json.dumps({
    "jsonrpc": "2.0", "id": 0, "method": "initialize",
    "params": {"protocolVersion": "2025-06-18", "capabilities": {},
               "clientInfo": {"name": "bench", "version": "1"}},
}) + "\n"
INITIALIZED = json.dumps({"jsonrpc": "2.0", "method": "notifications/initialized"}) + "\n"


def call(request_id):
    return json.dumps({
        "jsonrpc": "2.0", "id": request_id, "method": "tools/call",
        "params": {"name": "get_current_time", "arguments": {"timezone": "UTC"}},
    }) + "\n"


def spawn(command):
    return subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True, bufsize=1)


def answer(process, request_id):
    while True:
        line = process.stdout.readline()
        if not line:
            raise RuntimeError("server closed its output")
        message = json.loads(line)
        if message.get("id") == request_id:
            if "error" in message or message["result"].get("isError"):
                raise RuntimeError(f"server failed: {line}")
            return message


def stop(process):
    process.stdin.close()
    try:
        process.wait(timeout=5)
    except subprocess.TimeoutExpired:
        process.kill()


def time_to_initialize(command):
    samples = []
    for _ in range(STARTS):
        started = time.perf_counter()
        process = spawn(command)
        process.stdin.write(INITIALIZE)
        answer(process, 0)
        samples.append(time.perf_counter() - started)
        stop(process)
    return statistics.median(samples)


def resident_kib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def call_latencies(command):
    process = spawn(command)
    process.stdin.write(INITIALIZE)
    answer(process, 0)
    process.stdin.write(INITIALIZED)
    for request_id in range(1, WARMUP + 1):
        process.stdin.write(call(request_id))
        answer(process, request_id)
    latencies = []
    started = time.perf_counter()
    for request_id in range(WARMUP + 1, WARMUP + CALLS + 1):
        sent = time.perf_counter()
        process.stdin.write(call(request_id))
        answer(process, request_id)
        latencies.append(time.perf_counter() - sent)
    elapsed = time.perf_counter() - started
    memory = resident_kib(process.pid)
    stop(process)
    latencies.sort()
    return {
        "p50_ms": latencies[len(latencies) // 2] * 1e3,
        "p99_ms": latencies[int(len(latencies) * 0.99)] * 1e3,
        "calls_per_s": CALLS / elapsed,
        "rss_mib": memory / 1024,
    }


def main():
    setlist, reference = sys.argv[1], sys.argv[2]
    servers = {
        "setlist": [setlist, "serve", "clock"],
        "reference": [reference, "--local-timezone", "UTC"],
    }
    results = {}
    for name, command in servers.items():
        results[name] = {"initialize_ms": time_to_initialize(command) * 1e3, **call_latencies(command)}

    s, r = results["setlist"], results["reference"]
    print("stdio: Clock server (setlist) vs reference mcp-server-time, get_current_time(UTC)")
    print(f"  {'':22}{'setlist':>12}{'reference':>12}{'ratio':>10}{'target':>10}")
    rows = [
        ("spawn->initialize ms", "initialize_ms", r["initialize_ms"] / s["initialize_ms"], 20, "x sooner"),
        ("call p50 ms", "p50_ms", r["p50_ms"] / s["p50_ms"], None, "x faster"),
        ("call p99 ms", "p99_ms", r["p99_ms"] / s["p99_ms"], None, "x faster"),
        ("calls/s", "calls_per_s", s["calls_per_s"] / r["calls_per_s"], 10, "x more"),
        ("resident MiB", "rss_mib", r["rss_mib"] / s["rss_mib"], 3, "x less"),
    ]
    for label, key, ratio, target, unit in rows:
        verdict = "" if target is None else ("  met" if ratio >= target else "  MISSED")
        goal = "" if target is None else f">={target}"
        print(f"  {label:22}{s[key]:>12.2f}{r[key]:>12.2f}{ratio:>9.1f}{unit[0]}{goal:>10}{verdict}")


if __name__ == "__main__":
    main()
