"""Fixtures for driving Setlist's servers with the independent Python MCP client.

Every server runs as a real `setlist` process: over stdio, or over HTTP on a
loopback port it picks itself and reports on stderr.
"""

import os
import re
import signal
import subprocess
import threading
import time
from contextlib import asynccontextmanager
from dataclasses import dataclass, field

import jsonschema
import pytest
from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client
from mcp.client.streamable_http import streamable_http_client

SETLIST = os.environ.get("SETLIST_BIN", ".build/debug/setlist")
LISTENING = re.compile(r"on http://(\S+?):(\d+)/mcp")
SANDBOX_ADDRESS = re.compile(r"Spotify sandbox on (http://\S+?:\d+)")


@pytest.fixture
def anyio_backend():
    return "asyncio"


async def listed_tools(session, expected_names):
    """The session's tools by name, after checking the names and that every schema is valid JSON Schema."""
    listed = await session.list_tools()
    tools = {tool.name: tool for tool in listed.tools}
    assert set(tools) == set(expected_names)
    for tool in tools.values():
        jsonschema.Draft202012Validator.check_schema(tool.input_schema)
        jsonschema.Draft202012Validator.check_schema(tool.output_schema)
    return tools


@asynccontextmanager
async def stdio_session(*args, list_roots_callback=None, env=None):
    """An initialized client session with `setlist ARGS...` over stdio."""
    params = StdioServerParameters(command=SETLIST, args=list(args), env=env)
    async with stdio_client(params) as (read, write):
        async with ClientSession(read, write, list_roots_callback=list_roots_callback) as session:
            await session.initialize()
            yield session


@asynccontextmanager
async def http_session(url, list_roots_callback=None):
    """An initialized client session over Streamable HTTP."""
    async with streamable_http_client(url) as streams:
        read, write = streams[0], streams[1]
        async with ClientSession(read, write, list_roots_callback=list_roots_callback) as session:
            await session.initialize()
            yield session


@dataclass
class ServerProcess:
    """A `setlist serve ... --http` process and what it printed on stderr."""

    process: subprocess.Popen
    host: str
    port: int
    stderr_lines: list = field(default_factory=list)

    @property
    def base(self):
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    def stop(self, sig=signal.SIGTERM, timeout=10):
        if self.process.poll() is None:
            self.process.send_signal(sig)
        return self.process.wait(timeout=timeout)


def start_http_server(*args, env=None, expect_host=None):
    """Starts `setlist ARGS...` and waits until it says where it listens."""
    process = subprocess.Popen(
        [SETLIST, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, **(env or {})},
    )
    lines = []
    found = threading.Event()
    where = {}

    def pump():
        for line in process.stderr:
            lines.append(line)
            match = LISTENING.search(line)
            if match and not found.is_set():
                where["host"], where["port"] = match.group(1), int(match.group(2))
                found.set()
        found.set()

    threading.Thread(target=pump, daemon=True).start()
    if not found.wait(timeout=60) or "port" not in where:
        process.kill()
        raise RuntimeError("server did not start:\n" + "".join(lines))
    host = where["host"].strip("[]")
    return ServerProcess(process, host, where["port"], lines)


@pytest.fixture
def http_server():
    """Starts HTTP servers for a test and stops them after it."""
    started = []

    def start(*args, env=None):
        server = start_http_server(*args, env=env)
        started.append(server)
        return server

    yield start
    for server in started:
        if server.process.poll() is None:
            server.process.kill()
            server.process.wait()


def wait_until(predicate, timeout=10.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return False


def no_spotify_env(data_home):
    """The environment without a Spotify app, with tokens and data under `data_home`."""
    env = {key: value for key, value in os.environ.items() if not key.startswith(("SPOTIFY_", "SETLIST_SPOTIFY"))}
    env["XDG_DATA_HOME"] = str(data_home)
    return env


def start_sandbox(*args):
    """Starts `setlist sandbox ARGS...` on a free port; returns (base URL, process)."""
    process = subprocess.Popen([SETLIST, "sandbox", "--port", "0", *args], stderr=subprocess.PIPE, text=True)
    found, where = threading.Event(), {}

    def pump():
        for line in process.stderr:
            match = SANDBOX_ADDRESS.search(line)
            if match and not found.is_set():
                where["base"] = match.group(1)
                found.set()
        found.set()

    threading.Thread(target=pump, daemon=True).start()
    if not found.wait(60) or "base" not in where:
        process.kill()
        raise RuntimeError("the sandbox did not start")
    return where["base"], process


@pytest.fixture
def sandbox():
    """A `setlist sandbox` for a test, stopped after it."""
    base, process = start_sandbox()
    yield base, process
    if process.poll() is None:
        process.kill()
        process.wait()
