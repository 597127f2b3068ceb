"""The host's connections, as `setlist servers` uses them: its own servers over stdio,
and a server Setlist did not write (the Python SDK's) over Streamable HTTP with SSE."""

import json
import os
import socket
import subprocess
import sys
import time

import pytest

from conftest import SETLIST

PEER = os.path.join(os.path.dirname(__file__), "peers", "sse_server.py")


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


def servers(tmp_path, config):
    path = tmp_path / "servers.json"
    path.write_text(json.dumps({"mcpServers": config}))
    env = {**os.environ, "CLOCK_ZONE": "Europe/Madrid"}
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


def test_a_file_that_is_not_json_says_so(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text("{ nope")
    done = subprocess.run([SETLIST, "servers", "--config", str(path)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0
    assert "is not JSON" in done.stdout
