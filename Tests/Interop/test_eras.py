"""Every Setlist server in both protocol eras, driven by the Python SDK's own `Client`.

In its default `auto` mode the client sends `server/discover` first and, when the
server answers it, speaks revision 2026-07-28: no handshake, each request carrying its
version and capabilities in `_meta`. In `legacy` mode it runs the `initialize`
handshake of 2025-11-25. Every tool is called both ways, with the same checks, and the
answers that do not depend on the moment are compared between the eras.
"""

import json
import subprocess
from contextlib import asynccontextmanager

import httpx2 as httpx
import pytest
from mcp import StdioServerParameters
from mcp.client.client import Client

import test_clock
import test_files
import test_spotify_server
from conftest import SETLIST, no_spotify_env, wait_until

MODERN = "2026-07-28"
MODES = ["auto", "legacy"]


def assert_era(client, mode, server):
    """Proof of the path the client took: a discover result and no handshake, or the reverse."""
    if mode == "auto":
        assert client.session.discover_result is not None and client.session.initialize_result is None
        assert client.protocol_version == MODERN
        assert MODERN in client.session.discover_result.supported_versions
        assert client.session.discover_result.result_type == "complete"
    else:
        assert client.session.initialize_result is not None and client.session.discover_result is None
        assert client.protocol_version == "2025-11-25"
    assert client.server_info.name == f"setlist-{server}"


@asynccontextmanager
async def connected(target, mode, server):
    async with Client(target, mode=mode) as client:
        assert_era(client, mode, server)
        yield client


def stdio(*args, env=None):
    return StdioServerParameters(command=SETLIST, args=list(args), env=env)


# MARK: - Every tool, both eras, stdio and HTTP


@pytest.mark.anyio
@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("transport", ["stdio", "http", "stateful http"])
async def test_the_clock(mode, transport, http_server):
    if transport == "stdio":
        target = stdio("serve", "clock")
    else:
        flags = ["--stateful"] if transport == "stateful http" else []
        target = http_server("serve", "clock", "--http", "127.0.0.1:0", *flags).base + "/mcp"
    async with connected(target, mode, "clock") as client:
        await test_clock.exercise_every_tool(client)


@pytest.mark.anyio
@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("transport", ["stdio", "http"])
async def test_the_files_server(mode, transport, tree, http_server):
    allowed = tree / "allow"
    if transport == "stdio":
        target = stdio("serve", "files", str(allowed))
    else:
        target = http_server("serve", "files", str(allowed), "--http", "127.0.0.1:0").base + "/mcp"
    async with connected(target, mode, "files") as client:
        await test_files.exercise_every_tool(client, allowed)


@pytest.mark.anyio
@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("transport", ["stdio", "http"])
async def test_the_spotify_server(mode, transport, sandbox, http_server, tmp_path):
    base, _ = sandbox
    env = no_spotify_env(tmp_path)
    if transport == "stdio":
        target = stdio("serve", "spotify", "--sandbox", base, env=env)
    else:
        target = http_server("serve", "spotify", "--sandbox", base, "--http", "127.0.0.1:0", env=env).base + "/mcp"
    async with connected(target, mode, "spotify") as client:
        await test_spotify_server.every_tool(client)


tree = test_files.tree


# MARK: - The same answers


async def steady_answers(target, mode, server, calls):
    """The structured answers to `calls`, which do not depend on the moment."""
    async with connected(target, mode, server) as client:
        answers = []
        for name, arguments in calls:
            result = await client.call_tool(name, arguments)
            assert not result.is_error, result.content
            answers.append(result.structured_content)
        return answers


@pytest.mark.anyio
async def test_both_eras_give_the_same_answers(sandbox, tmp_path):
    clock = [
        ("convert_time", {"source_timezone": "Europe/Madrid", "time": "18:30", "target_timezone": "America/Lima"}),
    ]
    answers = [await steady_answers(stdio("serve", "clock"), mode, "clock", clock) for mode in MODES]
    assert answers[0] == answers[1]
    base, _ = sandbox
    spotify = [
        ("analyze_mood", {"prompt": "música para entrenar fuerte"}),
        ("search_track", {"query": "genre:bolero", "limit": 5}),
        ("get_recommendations", {"mood": "rainy Sunday, slow coffee", "limit": 10}),
    ]
    target = stdio("serve", "spotify", "--sandbox", base, env=no_spotify_env(tmp_path))
    answers = [await steady_answers(target, mode, "spotify", spotify) for mode in MODES]
    assert answers[0] == answers[1]


# MARK: - The modern era over HTTP, on the wire


def modern_post(url, body, **headers):
    meta = {"io.modelcontextprotocol/protocolVersion": MODERN, "io.modelcontextprotocol/clientCapabilities": {}}
    message = {"jsonrpc": "2.0", "id": 1, **body}
    message.setdefault("params", {})["_meta"] = meta
    fields = {
        "Content-Type": "application/json", "Accept": "application/json, text/event-stream",
        "MCP-Protocol-Version": MODERN, "Mcp-Method": message["method"], **headers,
    }
    return httpx.post(url, json=message, headers={key: value for key, value in fields.items() if value is not None}, timeout=30)


@pytest.mark.parametrize("stateful", [False, True])
def test_modern_posts_are_answered_without_a_session(http_server, stateful):
    server = http_server("serve", "clock", "--http", "127.0.0.1:0", *(["--stateful"] if stateful else []))
    url = server.base + "/mcp"
    answer = modern_post(url, {"method": "tools/call", "params": {"name": "current_time"}}, **{"Mcp-Name": "current_time"})
    assert answer.status_code == 200 and "mcp-session-id" not in answer.headers
    result = answer.json()["result"]
    assert result["resultType"] == "complete"
    assert result["_meta"]["io.modelcontextprotocol/serverInfo"]["name"] == "setlist-clock"
    listed = modern_post(url, {"method": "tools/list"}, **{"Mcp-Session-Id": "not-a-session"}).json()["result"]
    assert listed["ttlMs"] > 0 and listed["cacheScope"] == "private"
    assert [tool["name"] for tool in listed["tools"]] == ["current_time", "get_current_time", "convert_time"]
    for method in ("GET", "DELETE"):
        refused = httpx.request(method, url, headers={"MCP-Protocol-Version": MODERN}, timeout=30)
        assert refused.status_code == 405 and refused.headers["allow"] == "POST"


@pytest.mark.parametrize(
    "body, headers, status, code",
    [
        # A header that says otherwise than the body.
        ({"method": "tools/call", "params": {"name": "current_time"}}, {"Mcp-Name": "convert_time"}, 400, -32020),
        ({"method": "tools/call", "params": {"name": "current_time"}}, {"Mcp-Name": None}, 400, -32020),
        ({"method": "tools/list"}, {"Mcp-Method": "prompts/list"}, 400, -32020),
        # Methods the revision removed, and ones never served.
        ({"method": "ping"}, {}, 404, -32601),
        ({"method": "logging/setLevel", "params": {"level": "info"}}, {}, 404, -32601),
        # The handshake, sent as a modern request.
        ({"method": "initialize", "params": {"protocolVersion": "2025-11-25"}}, {}, 400, -32022),
    ],
)
def test_modern_requests_are_checked_as_the_revision_says(http_server, body, headers, status, code):
    server = http_server("serve", "clock", "--http", "127.0.0.1:0")
    answer = modern_post(server.base + "/mcp", body, **headers)
    assert answer.status_code == status, answer.text
    assert answer.json()["error"]["code"] == code


def test_an_unsupported_version_names_the_one_to_use(http_server):
    server = http_server("serve", "clock", "--http", "127.0.0.1:0")
    message = {
        "jsonrpc": "2.0", "id": 7, "method": "tools/list",
        "params": {"_meta": {"io.modelcontextprotocol/protocolVersion": "2099-01-01", "io.modelcontextprotocol/clientCapabilities": {}}},
    }
    headers = {"Content-Type": "application/json", "MCP-Protocol-Version": "2099-01-01", "Mcp-Method": "tools/list"}
    answer = httpx.post(server.base + "/mcp", json=message, headers=headers, timeout=30)
    assert answer.status_code == 400
    error = answer.json()["error"]
    assert error["code"] == -32022 and error["data"] == {"supported": [MODERN], "requested": "2099-01-01"}


@pytest.mark.anyio
@pytest.mark.parametrize("stateful", [False, True])
async def test_a_long_build_reports_progress_on_its_own_stream(sandbox, http_server, tmp_path, stateful):
    """Over HTTP, the modern era has no session stream: progress travels as SSE on the
    POST of the request that reports it, ahead of its answer."""
    base, _ = sandbox
    flags = ["--stateful"] if stateful else []
    server = http_server("serve", "spotify", "--sandbox", base, "--http", "127.0.0.1:0", *flags, env=no_spotify_env(tmp_path))
    reports = []

    async def on_progress(progress, total, message):
        reports.append((progress, total))

    async with connected(server.base + "/mcp", "auto", "spotify") as client:
        ids = test_spotify_server.catalog_tracks()[:250]
        made = await client.call_tool("create_playlist_with_tracks", {"name": "Long", "track_ids": ids}, progress_callback=on_progress)
        assert not made.is_error and made.structured_content["added_count"] == 250
    assert reports == [(100, 250), (200, 250), (250, 250)]


def test_the_files_server_keeps_its_own_folders_for_the_modern_era(tmp_path):
    """Roots belong to the handshake era: a handshake client's roots replace the folders
    for its requests, while a modern request on the same process gets the folders the
    server was started with."""
    started, shared = tmp_path / "started", tmp_path / "shared"
    started.mkdir()
    shared.mkdir()
    process = subprocess.Popen([SETLIST, "serve", "files", str(started)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)

    def send(message):
        process.stdin.write(json.dumps({"jsonrpc": "2.0", **message}) + "\n")
        process.stdin.flush()

    def receive():
        return json.loads(process.stdout.readline())

    def allowed(number, meta=None):
        params = {"name": "list_allowed_directories", "arguments": {}}
        if meta:
            params["_meta"] = meta
        send({"id": number, "method": "tools/call", "params": params})
        return receive()["result"]["content"][0]["text"].splitlines()[1:]

    try:
        send({"id": 1, "method": "initialize", "params": {
            "protocolVersion": "2025-11-25", "capabilities": {"roots": {"listChanged": True}}, "clientInfo": {"name": "t", "version": "1"}}})
        assert receive()["result"]["protocolVersion"] == "2025-11-25"
        send({"method": "notifications/initialized"})
        asked = receive()
        assert asked["method"] == "roots/list"
        send({"id": asked["id"], "result": {"roots": [{"uri": shared.as_uri()}]}})
        assert wait_until(lambda: allowed(2) == [str(shared.resolve())], timeout=10)
        modern = {"io.modelcontextprotocol/protocolVersion": MODERN, "io.modelcontextprotocol/clientCapabilities": {}}
        assert allowed(3, modern) == [str(started.resolve())]
        assert allowed(4) == [str(shared.resolve())]
    finally:
        process.stdin.close()
        process.wait(timeout=30)
