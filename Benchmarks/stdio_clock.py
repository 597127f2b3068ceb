"""Setlist's Clock server against the reference `mcp-server-time`, both over stdio,
in both protocol eras.

One driver speaks raw newline-delimited JSON-RPC to both servers, so neither is
measured through a client library. Both answer the same call,
`get_current_time {"timezone": "UTC"}`: in the handshake era after `initialize`, in the
modern era (2026-07-28) with no handshake and the protocol's `_meta` on every request.

Calls are measured two ways: one after another (each waits for the answer before the
next is sent, so the driver's own round trip is in every figure and caps the ratio),
and pipelined (the driver writes every request while a thread counts answer lines,
so the figure is the server's). Prints the figures and their ratios.
"""

import json
import statistics
import subprocess
import sys
import threading
import time

STARTS = 15
WARMUP = 300
CALLS = 3000
PIPELINED = 20000

MODERN_META = {
    "io.modelcontextprotocol/protocolVersion": "2026-07-28",
    "io.modelcontextprotocol/clientCapabilities": {},
    "io.modelcontextprotocol/clientInfo": {"name": "bench", "version": "1"},
}
INITIALIZE = json.dumps({
    "jsonrpc": "2.0", "id": 0, "method": "initialize",
    "params": {"protocolVersion": "2025-06-18", "capabilities": {},
               "clientInfo": {"name": "bench", "version": "1"}},
}) + "\n"
INITIALIZED = json.dumps({"jsonrpc": "2.0", "method": "notifications/initialized"}) + "\n"


def call(request_id, era):
    params = {"name": "get_current_time", "arguments": {"timezone": "UTC"}}
    if era == "modern":
        params["_meta"] = MODERN_META
    return json.dumps({"jsonrpc": "2.0", "id": request_id, "method": "tools/call", "params": params}) + "\n"


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


def open_in(process, era):
    """The era's opening: the handshake, or nothing at all."""
    if era == "handshake":
        process.stdin.write(INITIALIZE)
        answer(process, 0)
        process.stdin.write(INITIALIZED)


def stop(process):
    process.stdin.close()
    try:
        process.wait(timeout=5)
    except subprocess.TimeoutExpired:
        process.kill()


def time_to_first_answer(command, era):
    """Spawn to the initialize result (handshake era) or to the first tools/call answer (modern era)."""
    samples = []
    for _ in range(STARTS):
        started = time.perf_counter()
        process = spawn(command)
        if era == "handshake":
            process.stdin.write(INITIALIZE)
            answer(process, 0)
        else:
            process.stdin.write(call(1, era))
            message = answer(process, 1)
            assert message["result"].get("resultType") == "complete", message
        samples.append(time.perf_counter() - started)
        stop(process)
    return statistics.median(samples)


def resident_kib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def call_latencies(command, era):
    process = spawn(command)
    open_in(process, era)
    for request_id in range(1, WARMUP + 1):
        process.stdin.write(call(request_id, era))
        answer(process, request_id)
    latencies = []
    started = time.perf_counter()
    for request_id in range(WARMUP + 1, WARMUP + CALLS + 1):
        sent = time.perf_counter()
        process.stdin.write(call(request_id, era))
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


def pipelined_calls_per_s(command, era, count=PIPELINED):
    """Every request written at once (prepared beforehand) while a thread counts answer
    lines as bytes: the driver does next to nothing per call."""
    process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    if era == "handshake":
        process.stdin.write(INITIALIZE.encode())
        process.stdin.flush()
        process.stdout.readline()
        process.stdin.write(INITIALIZED.encode())
    requests = "".join(call(WARMUP + n, era) for n in range(count)).encode()
    done = threading.Event()
    answered = [0]

    def count_answers():
        while answered[0] < count:
            chunk = process.stdout.read1(1 << 16)
            if not chunk:
                break
            answered[0] += chunk.count(b"\n")
        done.set()

    reader = threading.Thread(target=count_answers, daemon=True)
    started = time.perf_counter()
    reader.start()
    process.stdin.write(requests)
    process.stdin.flush()
    done.wait(timeout=300)
    elapsed = time.perf_counter() - started
    if answered[0] < count:
        raise RuntimeError(f"only {answered[0]} of {count} pipelined calls were answered")
    process.stdin.close()
    process.wait(timeout=10)
    return count / elapsed


def measure(command, era):
    return {
        "first_ms": time_to_first_answer(command, era) * 1e3,
        **call_latencies(command, era),
        "pipelined_per_s": pipelined_calls_per_s(command, era),
    }


def main():
    setlist, reference = sys.argv[1], sys.argv[2]
    servers = {
        "setlist": [setlist, "serve", "clock"],
        "reference": [reference, "--local-timezone", "UTC"],
    }
    for era in ("handshake", "modern"):
        results = {name: measure(command, era) for name, command in servers.items()}
        s, r = results["setlist"], results["reference"]
        print(f"stdio, {era} era: Clock server (setlist) vs reference mcp-server-time, get_current_time(UTC)")
        print(f"  {'':26}{'setlist':>12}{'reference':>12}{'ratio':>10}{'target':>10}")
        first = "spawn->initialize ms" if era == "handshake" else "spawn->first call ms"
        rows = [
            (first, "first_ms", r["first_ms"] / s["first_ms"], 20, "x sooner"),
            ("call p50 ms", "p50_ms", r["p50_ms"] / s["p50_ms"], None, "x faster"),
            ("call p99 ms", "p99_ms", r["p99_ms"] / s["p99_ms"], None, "x faster"),
            ("calls/s, one at a time", "calls_per_s", s["calls_per_s"] / r["calls_per_s"], None, "x more"),
            ("calls/s, pipelined", "pipelined_per_s", s["pipelined_per_s"] / r["pipelined_per_s"], 10, "x more"),
            ("resident MiB", "rss_mib", r["rss_mib"] / s["rss_mib"], 3 if era == "handshake" else None, "x less"),
        ]
        for label, key, ratio, target, unit in rows:
            verdict = "" if target is None else ("  met" if ratio >= target else "  MISSED")
            goal = "" if target is None else f">={target}"
            print(f"  {label:26}{s[key]:>12.2f}{r[key]:>12.2f}{ratio:>9.1f}{unit[0]}{goal:>10}{verdict}")
        print()


if __name__ == "__main__":
    main()
