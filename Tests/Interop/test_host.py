"""The host's connections, as `setlist servers` uses them: its own servers over stdio
(they speak both eras, the modern one first), and servers Setlist did not write: the
Python SDK's over Streamable HTTP and the reference time server (`mcp-server-time`) over
stdio, both modern, and a handshake-era server of a few lines."""

import json
import os
import socket
import subprocess
import sys
import time

import pytest

from conftest import SETLIST

PEER = os.path.join(os.path.dirname(__file__), "peers", "sse_server.py")
# Installed next to this Python by scripts/python-env (Tests/Interop/requirements.txt).
TIME_SERVER = os.path.join(os.path.dirname(sys.executable), "mcp-server-time")


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def python_peer():
    port = free_port()
    process = subprocess.Popen([sys.executable, PEER, str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.1)
    yield f"http://127.0.0.1:{port}/mcp"
    process.kill()
    process.wait()


def servers(tmp_path, config, env=None):
    """Runs `setlist servers` on `config`, with the eras it learns remembered under tmp_path."""
    path = tmp_path / "servers.json"
    path.write_text(json.dumps({"mcpServers": config}))
    env = {**os.environ, "CLOCK_ZONE": "Europe/Madrid", "XDG_CACHE_HOME": str(tmp_path / "cache"), **(env or {})}
    return subprocess.run([SETLIST, "servers", "--config", str(path)], capture_output=True, text=True, timeout=120, env=env)


def test_lists_servers_of_both_transports_and_names_bad_entries(tmp_path, python_peer):
    done = servers(tmp_path, {
        "clock": {"command": SETLIST, "args": ["serve", "clock"], "env": {"TZ": "${CLOCK_ZONE:-UTC}"}},
        "peer": {"type": "http", "url": python_peer},
        "typo": {"type": "websocket"},
        "gone": {"command": "/nonexistent/server"},
    })
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert any(line.startswith("  ✓ clock (stdio, MCP ") and "current_time" in line for line in lines), done.stdout
    assert any(line.startswith("  ✓ peer (http, MCP ") and "echo" in line for line in lines), done.stdout
    assert any("typo" in line and "unknown type" in line for line in lines), done.stdout
    assert any(line.startswith("  ✗ gone (stdio)") and "could not start" in line for line in lines), done.stdout


# A stdio server of the handshake era alone: initialize and tools/list, Method not found for the rest.
HANDSHAKE_ONLY = """
import json, sys
for line in sys.stdin:
    message = json.loads(line)
    if "id" not in message:
        continue
    if message["method"] == "initialize":
        answer = {"result": {"protocolVersion": "2025-06-18", "capabilities": {"tools": {}}, "serverInfo": {"name": "old", "version": "1"}}}
    elif message["method"] == "tools/list":
        answer = {"result": {"tools": []}}
    else:
        answer = {"error": {"code": -32601, "message": "Method not found"}}
    print(json.dumps({"jsonrpc": "2.0", "id": message["id"], **answer}), flush=True)
"""


def test_shows_the_era_each_server_speaks_and_remembers_it(tmp_path, python_peer):
    assert os.access(TIME_SERVER, os.X_OK), "run scripts/python-env .venv Tests/Interop/requirements.txt"
    old = tmp_path / "old_server.py"
    old.write_text(HANDSHAKE_ONLY)
    config = {
        "clock": {"command": SETLIST, "args": ["serve", "clock"]},
        "time": {"command": TIME_SERVER},
        "peer": {"type": "http", "url": python_peer},
        "old": {"command": sys.executable, "args": [str(old)]},
    }
    for _ in range(2):  # probed the first time, remembered the second
        done = servers(tmp_path, config)
        assert done.returncode == 0, done.stderr
        lines = done.stdout.splitlines()
        assert any(line.startswith("  ✓ clock (stdio, MCP 2026-07-28, modern era)") for line in lines), done.stdout
        assert any(
            line.startswith("  ✓ time (stdio, MCP 2026-07-28, modern era)") and "get_current_time" in line for line in lines
        ), done.stdout
        assert any(line.startswith("  ✓ peer (http, MCP 2026-07-28, modern era)") and "echo" in line for line in lines), done.stdout
        assert any(line.startswith("  ✓ old (stdio, MCP 2025-06-18, handshake era)") for line in lines), done.stdout
    remembered = json.loads((tmp_path / "cache" / "setlist" / "server-eras.json").read_text())["servers"]
    assert sorted(remembered.values()) == ["handshake", "modern", "modern", "modern"], remembered
    assert [era for key, era in remembered.items() if key.startswith("stdio old ")] == ["handshake"], remembered


# A handshake-era stdio server that names its tools after the environment it was given.
ENVIRONMENT_ECHO = """
import json, os, sys
names = [f"{key.lower()}_{os.environ.get(key, 'missing')}" for key in ("PROBE", "DEFAULTED", "SHADOWED", "INHERITED")]
for line in sys.stdin:
    message = json.loads(line)
    if "id" not in message:
        continue
    if message["method"] == "initialize":
        answer = {"result": {"protocolVersion": "2025-06-18", "capabilities": {"tools": {}}, "serverInfo": {"name": "env", "version": "1"}}}
    elif message["method"] == "tools/list":
        answer = {"result": {"tools": [{"name": name, "inputSchema": {"type": "object"}} for name in names]}}
    else:
        answer = {"error": {"code": -32601, "message": "Method not found"}}
    print(json.dumps({"jsonrpc": "2.0", "id": message["id"], **answer}), flush=True)
"""


def test_a_stdio_servers_env_reaches_its_process(tmp_path):
    script = tmp_path / "env_server.py"
    script.write_text(ENVIRONMENT_ECHO)
    config = {"env": {"command": sys.executable, "args": [str(script)], "env": {
        "PROBE": "${PROBE_VALUE}", "DEFAULTED": "${SETLIST_NEVER_SET:-fallback}", "SHADOWED": "from-config"}}}
    done = servers(tmp_path, config, env={"PROBE_VALUE": "arrived-42", "SHADOWED": "from-parent", "INHERITED": "kept"})
    assert done.returncode == 0, done.stderr
    line = next((line for line in done.stdout.splitlines() if line.startswith("  ✓ env (stdio, ")), None)
    assert line, done.stdout
    listed = set(line.split(" tools: ", 1)[1].split(", "))
    assert listed == {"probe_arrived-42", "defaulted_fallback", "shadowed_from-config", "inherited_kept"}, line


def test_a_file_that_is_not_json_says_so(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text("{ nope")
    done = subprocess.run([SETLIST, "servers", "--config", str(path)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0
    assert "is not JSON" in done.stdout
