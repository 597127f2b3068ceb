"""The Clock server, as any MCP client sees it: over stdio and over HTTP."""

import json
import re
import signal
import socket
import time
from datetime import datetime, timezone
from pathlib import Path

import httpx2 as httpx
import pytest

from conftest import listed_tools, http_session, stdio_session

pytestmark = pytest.mark.anyio

SEED = Path(__file__).resolve().parents[2] / ".." / "shared" / "seed" / "remote-requests.jsonl"
SEED_REQUESTS = [
    '{"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {}}',
    '{"jsonrpc": "2.0", "id": 2, "method": "tools/call", "params": { "name": "current_time" }}',
]
DOCKERFILE = Path(__file__).resolve().parents[2] / "Dockerfile"
UTC_FORMAT = re.compile(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC$")
TOOLS = {"current_time", "get_current_time", "convert_time"}


async def exercise_every_tool(session):
    tools = await listed_tools(session, TOOLS)
    assert all(tool.annotations.read_only_hint is True for tool in tools.values())
    assert tools["convert_time"].input_schema["required"] == ["source_timezone", "time", "target_timezone"]

    now = await session.call_tool("current_time", {})
    assert not now.is_error
    assert UTC_FORMAT.match(now.content[0].text)
    assert now.structured_content["result"] == now.content[0].text
    parsed = datetime.strptime(now.content[0].text, "%Y-%m-%d %H:%M:%S UTC").replace(tzinfo=timezone.utc)
    assert abs(parsed.timestamp() - datetime.now(timezone.utc).timestamp()) < 10
    assert now.structured_content["unix"] == int(parsed.timestamp())

    tokyo = await session.call_tool("get_current_time", {"timezone": "Asia/Tokyo"})
    assert not tokyo.is_error
    assert tokyo.structured_content["timezone"] == "Asia/Tokyo"
    assert tokyo.structured_content["datetime"].endswith("+09:00")
    assert json.loads(tokyo.content[0].text) == tokyo.structured_content

    converted = await session.call_tool(
        "convert_time", {"source_timezone": "UTC", "time": "12:00", "target_timezone": "Asia/Kolkata"}
    )
    assert not converted.is_error
    assert converted.structured_content["time_difference"] == "+5.5h"
    assert converted.structured_content["target"]["datetime"].endswith("T17:30:00+05:30")

    bad_zone = await session.call_tool("get_current_time", {"timezone": "Nowhere/Land"})
    assert bad_zone.is_error
    assert "Invalid timezone" in bad_zone.content[0].text

    bad_argument = await session.call_tool("get_current_time", {"timezone": 42})
    assert bad_argument.is_error
    assert "`timezone`" in bad_argument.content[0].text


async def test_every_tool_over_stdio():
    async with stdio_session("serve", "clock") as session:
        assert session.initialize_result.server_info.name == "setlist-clock"
        await exercise_every_tool(session)


async def test_every_tool_over_stateless_http(http_server):
    server = http_server("serve", "clock", "--http", "127.0.0.1:0")
    async with http_session(server.base + "/mcp") as session:
        await exercise_every_tool(session)


async def test_every_tool_over_stateful_http(http_server):
    server = http_server("serve", "clock", "--http", "127.0.0.1:0", "--stateful")
    async with http_session(server.base + "/mcp") as session:
        await exercise_every_tool(session)


async def test_unknown_tool_is_a_jsonrpc_error():
    async with stdio_session("serve", "clock") as session:
        with pytest.raises(Exception, match="Unknown tool"):
            await session.call_tool("no_such_tool", {})


def test_seed_file_matches_the_requests_tested_here():
    if SEED.exists():
        assert [json.loads(line) for line in SEED.read_text().splitlines() if line.strip()] == [
            json.loads(request) for request in SEED_REQUESTS
        ]


@pytest.mark.parametrize("path", ["/mcp/jsonrpc", "/mcp"])
def test_seed_requests_with_only_a_content_type(http_server, path):
    server = http_server("serve", "clock", "--http", "127.0.0.1:0")
    headers = {"Content-Type": "application/json"}
    with httpx.Client() as client:
        initialize = client.post(server.base + path, content=SEED_REQUESTS[0], headers=headers)
        assert initialize.status_code == 200
        result = initialize.json()["result"]
        assert result["serverInfo"]["name"] == "setlist-clock"
        assert result["protocolVersion"]
        assert "tools" in result["capabilities"]

        call = client.post(server.base + path, content=SEED_REQUESTS[1], headers=headers)
        assert call.status_code == 200
        answer = call.json()
        assert answer["id"] == 2 and "error" not in answer
        text = answer["result"]["content"][0]["text"]
        assert UTC_FORMAT.match(text)
        assert answer["result"]["structuredContent"]["result"] == text


def test_dns_rebinding_is_refused(http_server):
    server = http_server("serve", "clock", "--http", "127.0.0.1:0")
    body = SEED_REQUESTS[1]
    with httpx.Client() as client:
        rebound = client.post(
            server.base + "/mcp", content=body,
            headers={"Content-Type": "application/json", "Host": f"attacker.example:{server.port}"},
        )
        assert rebound.status_code == 421
        foreign = client.post(
            server.base + "/mcp", content=body,
            headers={"Content-Type": "application/json", "Origin": "http://attacker.example"},
        )
        assert foreign.status_code == 403
        assert "--allow-host" in foreign.json()["error"]["message"]
        local = client.post(
            server.base + "/mcp", content=body,
            headers={"Content-Type": "application/json", "Origin": f"http://localhost:{server.port}"},
        )
        assert local.status_code == 200


def test_allow_host_admits_a_deployed_name(http_server):
    server = http_server("serve", "clock", "--http", "127.0.0.1:0", "--allow-host", "clock.example.run.app")
    headers = {"Content-Type": "application/json", "Host": "clock.example.run.app",
               "Origin": "https://clock.example.run.app"}
    with httpx.Client() as client:
        assert client.post(server.base + "/mcp", content=SEED_REQUESTS[1], headers=headers).status_code == 200


def test_bearer_token_from_the_environment(http_server):
    server = http_server(
        "serve", "clock", "--http", "127.0.0.1:0", "--token-env", "CLOCK_TOKEN", env={"CLOCK_TOKEN": "t0ps3cret"}
    )
    with httpx.Client() as client:
        refused = client.post(server.base + "/mcp", content=SEED_REQUESTS[1],
                              headers={"Content-Type": "application/json"})
        assert refused.status_code == 401
        accepted = client.post(server.base + "/mcp", content=SEED_REQUESTS[1],
                               headers={"Content-Type": "application/json", "Authorization": "Bearer t0ps3cret"})
        assert accepted.status_code == 200
    server.stop()
    assert "t0ps3cret" not in "".join(server.stderr_lines)


def test_sigterm_finishes_and_exits_zero(http_server):
    server = http_server("serve", "clock", "--http", "127.0.0.1:0")
    with httpx.Client() as client:
        assert client.get(server.base + "/healthz").text == "ok"
    assert server.stop(signal.SIGTERM) == 0


def test_sigterm_lets_a_request_in_flight_finish(http_server):
    server = http_server("serve", "clock", "--http", "127.0.0.1:0")
    body = SEED_REQUESTS[1].encode()
    with socket.create_connection((server.host, server.port)) as connection:
        connection.sendall(
            b"POST /mcp/jsonrpc HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            + f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n".encode() + body[:10]
        )
        time.sleep(0.3)
        server.process.send_signal(signal.SIGTERM)
        time.sleep(0.5)
        assert server.process.poll() is None, "the server left before answering the request in flight"
        connection.sendall(body[10:])
        answer = b""
        while chunk := connection.recv(65536):
            answer += chunk
    assert answer.startswith(b"HTTP/1.1 200")
    assert b"UTC" in answer
    assert server.process.wait(timeout=10) == 0


def initialize_session(server):
    """Opens a session on a --stateful server and returns its id."""
    response = httpx.post(server.base + "/mcp", content=SEED_REQUESTS[0],
                          headers={"Content-Type": "application/json", "Accept": "application/json, text/event-stream"})
    assert response.status_code == 200
    return response.headers["mcp-session-id"]


def test_sigterm_completes_with_open_streams_idle_sockets_and_odd_requests(http_server):
    server = http_server("serve", "clock", "--http", "127.0.0.1:0", "--stateful")
    session = initialize_session(server)
    held = []
    stream = socket.create_connection((server.host, server.port))
    stream.sendall(f"GET /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\nMcp-Session-Id: {session}\r\n\r\n".encode())
    assert stream.recv(4096).startswith(b"HTTP/1.1 200")
    held.append(stream)
    for body in [b'{"jsonrpc":"2.0","id":true,"method":"ping"}', b'{"jsonrpc":"2.0","id":3,"method":"ping","result":{}}']:
        odd = socket.create_connection((server.host, server.port))
        odd.sendall(b"POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + f"Mcp-Session-Id: {session}\r\nContent-Length: {len(body)}\r\n\r\n".encode() + body)
        assert b'"code":-32600' in odd.recv(4096)
        held.append(odd)
    held += [socket.create_connection((server.host, server.port)) for _ in range(50)]
    started = time.monotonic()
    assert server.stop(signal.SIGTERM, timeout=15) == 0
    assert time.monotonic() - started < 10
    for connection in held:
        connection.close()


def test_a_session_keeps_no_memory_per_request(http_server):
    server = http_server("serve", "clock", "--http", "127.0.0.1:0", "--stateful")
    session = initialize_session(server)
    body = b'{"jsonrpc":"2.0","id":1,"method":"ping"}'
    request = (b"POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
               + f"Mcp-Session-Id: {session}\r\nContent-Length: {len(body)}\r\n\r\n".encode() + body)

    def send(count, connection):
        answered = 0
        for start in range(0, count, 200):
            batch = min(200, count - start)
            connection.sendall(request * batch)
            received = b""
            while received.count(b'"result":{}') < batch:
                received += connection.recv(1 << 20)
            answered += received.count(b'"result":{}')
        return answered

    def resident_kib():
        status = Path(f"/proc/{server.process.pid}/status").read_text()
        return int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmRSS:")))

    with socket.create_connection((server.host, server.port)) as connection:
        assert send(3_000, connection) == 3_000
        before = resident_kib()
        assert send(20_000, connection) == 20_000
        after = resident_kib()
    # A store of every answer (as an event store for resumption keeps) would grow ~9 MiB here.
    assert after - before < 3 * 1024, f"resident memory grew {after - before} KiB over 20,000 requests"


def test_port_comes_from_the_environment_as_in_the_image(http_server):
    # The Dockerfile runs `setlist serve clock --http 0.0.0.0`; Cloud Run sets $PORT and the
    # deployment sets $SETLIST_ALLOW_HOSTS to the service's public name.
    image_command = next(
        json.loads(line.split("CMD", 1)[1]) for line in DOCKERFILE.read_text().splitlines() if line.startswith("CMD")
    )
    assert image_command == ["serve", "clock", "--http", "0.0.0.0"]
    server = http_server(*image_command, env={"PORT": "0", "SETLIST_ALLOW_HOSTS": "setlist-clock-abc.a.run.app"})
    with httpx.Client() as client:
        url = f"http://127.0.0.1:{server.port}/mcp/jsonrpc"
        response = client.post(url, content=SEED_REQUESTS[1], headers={"Content-Type": "application/json",
                                                                        "Host": "setlist-clock-abc.a.run.app"})
        assert response.status_code == 200
        elsewhere = client.post(url, content=SEED_REQUESTS[1], headers={"Content-Type": "application/json",
                                                                         "Host": "other.example"})
        assert elsewhere.status_code == 421
    assert server.stop(signal.SIGTERM) == 0


LOCAL_ZONE = re.compile(r"Use '([^']+)' as local timezone")


async def suggested_local_zone(server):
    async with http_session(server.base + "/mcp") as session:
        tools = await listed_tools(session, TOOLS)
        zone = LOCAL_ZONE.search(tools["get_current_time"].input_schema["properties"]["timezone"]["description"])[1]
        answer = await session.call_tool("get_current_time", {"timezone": zone})
        assert not answer.is_error, f"the descriptions suggest {zone!r}, which the tools refuse"
        return zone


@pytest.mark.parametrize("tz", ["Invalid/Zone", "CET-1CEST,M3.5.0,M10.5.0/3", ":/nowhere/zoneinfo/Mars"])
async def test_a_tz_that_names_no_zone_is_passed_over_and_logged(http_server, tz):
    server = http_server("serve", "clock", "--http", "127.0.0.1:0", env={"TZ": tz})
    await suggested_local_zone(server)
    log = "".join(server.stderr_lines)
    assert f"TZ={tz.lstrip(':')}" in log and "Set TZ to an IANA name" in log


@pytest.mark.parametrize("tz", ["Asia/Tokyo", ":Asia/Tokyo", ":/usr/share/zoneinfo/Asia/Tokyo"])
async def test_a_tz_that_names_a_zone_is_suggested(http_server, tz):
    server = http_server("serve", "clock", "--http", "127.0.0.1:0", env={"TZ": tz})
    assert await suggested_local_zone(server) == "Asia/Tokyo"
    assert "Set TZ" not in "".join(server.stderr_lines)
