"""Records which functions of `setlist` its servers run, and writes them as a linker order.

Usage: hot_functions.py BINARY ORDER_FILE

Runs scripted sessions of the servers under Valgrind's callgrind, which sees every
function executed, on every thread, including the Swift runtime's. The order file
lists the binary's own functions session by session (stdio Clock, stdio Files,
HTTP Clock), each function once, so the linker (`--symbol-ordering-file`) places
them side by side at the start of the text.

BINARY must carry a symbol table; callgrind names functions from it.
"""

import json
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

HEADER = """\
# Functions the Setlist servers run, in the order the linker places them.
# Written by scripts/record-hot-functions; see Linker/README.md.
"""


# MARK: - Sessions

class StdioSession:
    """Speaks newline-delimited JSON-RPC to a stdio server."""

    def __init__(self, command):
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.DEVNULL, text=True, bufsize=1)
        self.next_id = 0

    def request(self, method, params=None):
        self.next_id += 1
        message = {"jsonrpc": "2.0", "id": self.next_id, "method": method}
        if params is not None:
            message["params"] = params
        self.process.stdin.write(json.dumps(message) + "\n")
        while True:
            line = self.process.stdout.readline()
            if not line:
                raise RuntimeError(f"the server closed its output during {method}")
            answer = json.loads(line)
            if answer.get("id") == self.next_id:
                return answer

    def notify(self, method):
        self.process.stdin.write(json.dumps({"jsonrpc": "2.0", "method": method}) + "\n")

    def call(self, name, arguments):
        return self.request("tools/call", {"name": name, "arguments": arguments})

    def open(self):
        self.request("initialize", {"protocolVersion": "2025-06-18", "capabilities": {},
                                    "clientInfo": {"name": "hot-functions", "version": "1"}})
        self.notify("notifications/initialized")
        self.request("tools/list")
        self.request("ping")

    def close(self):
        self.process.stdin.close()
        if self.process.wait(timeout=120) != 0:
            raise RuntimeError(f"the server exited with {self.process.returncode}")


def clock_stdio(profiled):
    session = StdioSession(profiled(["serve", "clock"]))
    session.open()
    for _ in range(3):
        session.call("current_time", {})
        session.call("get_current_time", {"timezone": "UTC"})
        session.call("get_current_time", {"timezone": "Europe/Madrid"})
        session.call("convert_time", {"source_timezone": "UTC", "time": "16:30",
                                      "target_timezone": "Asia/Kathmandu"})
    session.call("get_current_time", {"timezone": "Mars/Olympus"})
    session.call("convert_time", {"source_timezone": "UTC", "time": "25:00",
                                  "target_timezone": "UTC"})
    session.close()


def files_stdio(profiled):
    with tempfile.TemporaryDirectory() as folder:
        session = StdioSession(profiled(["serve", "files", folder]))
        session.open()
        notes = os.path.join(folder, "notes.md")
        session.call("list_allowed_directories", {})
        session.call("write_file", {"path": notes, "content": "# Rainy Sunday\nslow coffee\n"})
        session.call("read_text_file", {"path": notes})
        session.call("read_text_file", {"path": notes, "head": 1})
        session.call("edit_file", {"path": notes, "edits": [{"oldText": "slow coffee",
                                                             "newText": "slow coffee, warm light"}]})
        session.call("create_directory", {"path": os.path.join(folder, "mixes", "2026")})
        session.call("move_file", {"source": notes,
                                   "destination": os.path.join(folder, "mixes", "notes.md")})
        session.call("read_multiple_files", {"paths": [os.path.join(folder, "mixes", "notes.md"),
                                                       os.path.join(folder, "missing.md")]})
        session.call("list_directory", {"path": folder})
        session.call("list_directory_with_sizes", {"path": folder, "sortBy": "size"})
        session.call("directory_tree", {"path": folder})
        session.call("search_files", {"path": folder, "pattern": "**/*.md"})
        session.call("get_file_info", {"path": folder})
        session.call("read_text_file", {"path": "/etc/passwd"})
        session.close()


def clock_http(profiled):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(profiled(["serve", "clock", "--http", f"127.0.0.1:{port}"]),
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while True:
        try:
            urllib.request.urlopen(f"{base}/healthz", timeout=5).read()
            break
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                server.kill()
                raise RuntimeError("the HTTP server did not come up")
            time.sleep(0.2)
    seed = [{"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {}},
            {"jsonrpc": "2.0", "id": 2, "method": "tools/call", "params": {"name": "current_time"}}]
    for path in ("/mcp/jsonrpc", "/mcp"):
        for _ in range(3):
            for message in seed:
                request = urllib.request.Request(f"{base}{path}", data=json.dumps(message).encode(),
                                                 headers={"Content-Type": "application/json"})
                urllib.request.urlopen(request, timeout=30).read()
    server.send_signal(signal.SIGTERM)
    if server.wait(timeout=120) != 0:
        raise RuntimeError(f"the HTTP server exited with {server.returncode}")


SESSIONS = [clock_stdio, files_stdio, clock_http]


# MARK: - Callgrind

def executed_functions(profile, binary):
    """The functions of `binary` that ran, in the order callgrind lists them."""
    objects, functions, current, found = {}, {}, None, []
    binary = os.path.realpath(binary)
    for line in open(profile, encoding="utf-8", errors="replace"):
        line = line.rstrip("\n")
        match = re.match(r"^(c?ob)=\((\d+)\)(?: (.*))?$", line)
        if match:
            kind, key, name = match.groups()
            if name:
                objects[key] = name
            if kind == "ob":
                current = objects.get(key)
            continue
        match = re.match(r"^(c?fn)=\((\d+)\)(?: (.*))?$", line)
        if match:
            kind, key, name = match.groups()
            if name:
                functions[key] = name
            if kind == "fn" and current == binary:
                # callgrind tells apart functions of one name with a suffix: 'swift_release'2
                found.append(re.sub(r"'\d+$", "", functions[key]))
    return found


def main():
    binary, order_file = sys.argv[1], sys.argv[2]
    ordered, seen = [], set()
    with tempfile.TemporaryDirectory() as scratch:
        for number, session in enumerate(SESSIONS):
            profile = os.path.join(scratch, f"{session.__name__}.callgrind")

            def profiled(arguments):
                return ["valgrind", "--quiet", "--tool=callgrind", "--demangle=no",
                        f"--callgrind-out-file={profile}", binary, *arguments]

            session(profiled)
            names = executed_functions(profile, binary)
            fresh = [name for name in dict.fromkeys(names) if name not in seen]
            seen.update(fresh)
            ordered.extend(fresh)
            print(f"{session.__name__}: {len(names)} functions, {len(fresh)} new", file=sys.stderr)
    with open(order_file, "w", encoding="utf-8") as output:
        output.write(HEADER)
        output.writelines(name + "\n" for name in ordered)
    print(f"wrote {len(ordered)} functions to {order_file}", file=sys.stderr)


if __name__ == "__main__":
    main()
