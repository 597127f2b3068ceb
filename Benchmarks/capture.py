"""`setlist capture analyze --json` against tshark on the same captures, in the same run:
HTTP/1.1 MCP traffic (BENCH_CAPTURE_MB, default 100 MiB) and the same over TLS 1.3 with
its key log (BENCH_TLS_CAPTURE_MB, default 50 MiB), both written by `capture_files.py`.

tshark extracts the same facts in one pass: the HTTP bodies (`-Y http -T fields -e
http.file_data`) and the TCP conversations (`-z conv,tcp`), with `-o
tls.keylog_file:KEYLOG` for HTTPS. Both write their output to a file; best wall time of
BENCH_RUNS (default 3) each. Then the counts: connections (the report's against
tshark's conversations) and JSON-RPC pairs (the report's requests answered in a JSON
body against tshark's bodies: request ids that a response body also has). tshark does
not read SSE, so the pairs answered by an SSE event are shown apart.
Target: at least 10x faster than tshark on each capture, with the same counts.
Usage: python3 Benchmarks/capture.py SETLIST_BINARY [TSHARK]"""

import json
import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import capture_files  # noqa: E402


def best_time(command, output, runs):
    best = None
    for _ in range(runs):
        with open(output, "wb") as out:
            started = time.perf_counter()
            subprocess.run(command, stdout=out, stderr=subprocess.DEVNULL, check=True)
            elapsed = time.perf_counter() - started
        best = elapsed if best is None else min(best, elapsed)
    return best


def setlist_counts(report_path):
    with open(report_path) as file:
        report = json.load(file)
    connections = report["connections"]
    messages = [message for connection in connections for message in connection["jsonrpc"]]
    answers = [m for m in messages if m["kind"] in ("result", "error") and m.get("pairedFrame") is not None]
    return {
        "connections": len(connections),
        "json_pairs": sum(1 for m in answers if m["carrier"] == "JSON body"),
        "sse_pairs": sum(1 for m in answers if m["carrier"] == "SSE event"),
        "undecrypted": sum((c.get("tls") or {}).get("undecryptedRecords", 0) for c in connections),
    }


def json_values(line):
    """The JSON values of one output line: a frame that completes several HTTP
    messages has their bodies joined by commas."""
    decoder = json.JSONDecoder()
    values, index = [], 0
    while index < len(line):
        try:
            value, index = decoder.raw_decode(line, index)
        except json.JSONDecodeError:
            break
        values.append(value)
        while index < len(line) and line[index] in ", ":
            index += 1
    return values


def tshark_counts(output_path):
    conversations = 0
    requests, responses = set(), set()
    with open(output_path, errors="replace") as file:
        for line in file:
            if "<->" in line:
                conversations += 1
                continue
            for value in json_values(line.strip()):
                for message in value if isinstance(value, list) else [value]:
                    if not isinstance(message, dict) or "id" not in message:
                        continue
                    if "method" in message:
                        requests.add(json.dumps(message["id"]))
                    elif "result" in message or "error" in message:
                        responses.add(json.dumps(message["id"]))
    return {"connections": conversations, "json_pairs": len(requests & responses)}


def compare(label, setlist, tshark, capture, keylog, folder, runs, facts):
    keylog_setlist = ["--keylog", keylog] if keylog else []
    keylog_tshark = ["-o", f"tls.keylog_file:{keylog}"] if keylog else []
    report, fields = os.path.join(folder, "setlist.json"), os.path.join(folder, "tshark.txt")
    setlist_time = best_time([setlist, "capture", "analyze", capture, "--json", *keylog_setlist], report, runs)
    tshark_time = best_time([tshark, "-r", capture, *keylog_tshark, "-Y", "http", "-T", "fields", "-e", "http.file_data",
                             "-z", "conv,tcp"], fields, runs)
    ours, theirs = setlist_counts(report), tshark_counts(fields)
    ratio = tshark_time / setlist_time
    size = os.path.getsize(capture) / 1_048_576
    print(f"{label}: {size:.0f} MiB, {facts['frames']} frames, {facts['connections']} connections, "
          f"{facts['requests_with_id']} requests with an id ({facts['sse_answers']} answered by SSE)")
    print(f"  setlist capture analyze --json {setlist_time:7.2f} s   tshark {tshark_time:7.2f} s   (best of {runs})")
    print(f"  {ratio:.1f}x faster   target >= 10x: {'met' if ratio >= 10 else 'MISSED'}")
    same_connections = ours["connections"] == theirs["connections"]
    same_pairs = ours["json_pairs"] == theirs["json_pairs"]
    print(f"  connections: setlist {ours['connections']}, tshark {theirs['connections']}: {'same' if same_connections else 'DIFFERENT'}")
    print(f"  JSON-RPC pairs in JSON bodies: setlist {ours['json_pairs']}, tshark {theirs['json_pairs']}: "
          f"{'same' if same_pairs else 'DIFFERENT'}   (setlist also pairs {ours['sse_pairs']} by SSE, "
          f"of {facts['sse_answers']} written)")
    if keylog:
        print(f"  TLS records setlist could not decrypt: {ours['undecrypted']}")
    return ratio >= 10 and same_connections and same_pairs


def main():
    setlist = os.path.abspath(sys.argv[1])
    tshark = sys.argv[2] if len(sys.argv) > 2 else "tshark"
    runs = int(os.environ.get("BENCH_RUNS", "3"))
    http_mb = float(os.environ.get("BENCH_CAPTURE_MB", "100"))
    tls_mb = float(os.environ.get("BENCH_TLS_CAPTURE_MB", "50"))
    version = subprocess.run([tshark, "--version"], capture_output=True, text=True).stdout.splitlines()[0]
    print(f"setlist capture analyze against {version}")
    with tempfile.TemporaryDirectory() as folder:
        http, https, keylog = (os.path.join(folder, name) for name in ("http.pcap", "https.pcap", "https.keys"))
        started = time.perf_counter()
        http_facts = capture_files.write_capture(http, http_mb, seed=1)
        https_facts = capture_files.write_tls_capture(https, keylog, tls_mb, seed=2)
        print(f"  captures written in {time.perf_counter() - started:.1f} s")
        compare("HTTP", setlist, tshark, http, None, folder, runs, http_facts)
        compare("HTTPS (TLS 1.3, key log)", setlist, tshark, https, keylog, folder, runs, https_facts)


if __name__ == "__main__":
    main()
