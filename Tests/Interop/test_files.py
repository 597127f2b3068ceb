"""The Files server, as any MCP client sees it: every tool, roots, and escapes."""

import base64
import json
import os
import subprocess

import anyio
import pytest
from mcp import types

from conftest import listed_tools, SETLIST, http_session, stdio_session

pytestmark = pytest.mark.anyio

TOOLS = {
    "read_text_file", "read_file", "read_media_file", "read_multiple_files", "write_file", "edit_file",
    "create_directory", "list_directory", "list_directory_with_sizes", "directory_tree", "move_file",
    "search_files", "get_file_info", "list_allowed_directories",
}


@pytest.fixture
def tree(tmp_path):
    root = tmp_path.resolve()
    allowed = root / "allow"
    (allowed / "music").mkdir(parents=True)
    (allowed / "notes.txt").write_text("one\ntwo\nthree\n")
    (root / "allow_evil").mkdir()
    (root / "allow_evil" / "bait.txt").write_text("evil\n")
    (root / "outside").mkdir()
    (root / "outside" / "secret.txt").write_text("the secret\n")
    return root


def text(result):
    assert not result.is_error, result.content[0].text
    return result.content[0].text


async def exercise_every_tool(session, allowed):
    tools = await listed_tools(session, TOOLS)
    assert tools["read_text_file"].annotations.read_only_hint is True
    assert tools["write_file"].annotations.destructive_hint is True
    assert tools["edit_file"].input_schema["properties"]["dryRun"]["default"] is False

    call = session.call_tool
    assert text(await call("list_allowed_directories", {})) == f"Allowed directories:\n{allowed}"
    assert text(await call("create_directory", {"path": "albums/2026"})) == "Successfully created directory albums/2026"
    assert text(await call("write_file", {"path": "albums/2026/mix.m3u", "content": "#EXTM3U\nsong.mp3\n"}))
    assert text(await call("read_text_file", {"path": "albums/2026/mix.m3u"})) == "#EXTM3U\nsong.mp3\n"
    assert text(await call("read_file", {"path": "notes.txt", "head": 1})) == "one"
    assert text(await call("read_text_file", {"path": "notes.txt", "tail": 1})) == "three"

    (allowed / "cover.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    media = await call("read_media_file", {"path": "cover.png"})
    assert media.content[0].type == "image" and media.content[0].mime_type == "image/png"
    assert base64.b64decode(media.content[0].data) == b"\x89PNG\r\n\x1a\n"

    many = text(await call("read_multiple_files", {"paths": ["notes.txt", "nope.txt"]}))
    assert "notes.txt:\none" in many and "nope.txt: Error" in many

    diff = text(await call("edit_file", {"path": "notes.txt", "edits": [{"oldText": "two", "newText": "2"}]}))
    assert "-two\n+2" in diff
    assert (allowed / "notes.txt").read_text() == "one\n2\nthree\n"

    listing = text(await call("list_directory", {"path": "."}))
    assert listing.splitlines() == ["[DIR] albums", "[FILE] cover.png", "[DIR] music", "[FILE] notes.txt"]
    sized = text(await call("list_directory_with_sizes", {"path": ".", "sortBy": "size"}))
    assert sized.splitlines()[-2] == "Total: 2 files, 2 directories"
    tree_json = json.loads(text(await call("directory_tree", {"path": "albums"})))
    assert tree_json == [{"name": "2026", "type": "directory", "children": [{"name": "mix.m3u", "type": "file"}]}]

    assert text(await call("move_file", {"source": "albums/2026/mix.m3u", "destination": "music/mix.m3u"}))
    refused = await call("move_file", {"source": "notes.txt", "destination": "music/mix.m3u"})
    assert refused.is_error and "already exists" in refused.content[0].text

    found = text(await call("search_files", {"path": ".", "pattern": "**/*.m3u"}))
    assert found == str(allowed / "music" / "mix.m3u")
    info = await call("get_file_info", {"path": "notes.txt"})
    assert info.structured_content["isFile"] is True and info.structured_content["size"] == 12

    invalid = await call("read_text_file", {"path": "notes.txt", "head": "three"})
    assert invalid.is_error and "`head`" in invalid.content[0].text


async def test_every_tool_over_stdio(tree):
    allowed = tree / "allow"
    async with stdio_session("serve", "files", str(allowed)) as session:
        assert session.initialize_result.server_info.name == "setlist-files"
        await exercise_every_tool(session, allowed)


async def test_every_tool_over_http(tree, http_server):
    allowed = tree / "allow"
    server = http_server("serve", "files", str(allowed), "--http", "127.0.0.1:0")
    async with http_session(server.base + "/mcp") as session:
        await exercise_every_tool(session, allowed)


@pytest.mark.parametrize(
    "tool, arguments",
    [
        ("read_text_file", {"path": "../outside/secret.txt"}),
        ("read_text_file", {"path": "{root}/allow_evil/bait.txt"}),
        ("read_text_file", {"path": "door/secret.txt"}),
        ("write_file", {"path": "door/planted.txt", "content": "x"}),
        ("create_directory", {"path": "door/made"}),
        ("move_file", {"source": "notes.txt", "destination": "{root}/outside/notes.txt"}),
        ("read_text_file", {"path": "notes.txt\u0000"}),
    ],
)
async def test_escapes_are_refused_over_stdio(tree, tool, arguments):
    allowed = tree / "allow"
    (allowed / "door").symlink_to(tree / "outside")
    before = sorted(os.listdir(tree / "outside")), sorted(os.listdir(tree / "allow_evil"))
    arguments = {key: value.replace("{root}", str(tree)) for key, value in arguments.items()}
    async with stdio_session("serve", "files", str(allowed)) as session:
        result = await session.call_tool(tool, arguments)
    assert result.is_error
    assert "the secret" not in result.content[0].text
    assert (sorted(os.listdir(tree / "outside")), sorted(os.listdir(tree / "allow_evil"))) == before
    assert (tree / "outside" / "secret.txt").read_text() == "the secret\n"


async def test_client_roots_replace_the_directories_and_follow_changes(tree):
    first, second = tree / "allow", tree / "outside"
    offered = [first]

    async def list_roots(context):
        return types.ListRootsResult(roots=[types.Root(uri=path.as_uri(), name=path.name) for path in offered])

    async def allowed_now(session):
        return text(await session.call_tool("list_allowed_directories", {})).splitlines()[1:]

    async with stdio_session("serve", "files", str(tree / "allow_evil"), list_roots_callback=list_roots) as session:
        with anyio.fail_after(10):
            while await allowed_now(session) != [str(first)]:
                await anyio.sleep(0.05)
        offered[:] = [second]
        await session.send_roots_list_changed()
        with anyio.fail_after(10):
            while await allowed_now(session) != [str(second)]:
                await anyio.sleep(0.05)
        secret = await session.call_tool("read_text_file", {"path": str(second / "secret.txt")})
        assert text(secret) == "the secret\n"
        refused = await session.call_tool("read_text_file", {"path": str(first / "notes.txt")})
        assert refused.is_error


async def test_client_roots_reach_a_stateful_http_server_over_its_stream(tree, http_server):
    # The server asks for roots on the session's SSE stream; the client answers by POST.
    server = http_server("serve", "files", str(tree / "allow_evil"), "--http", "127.0.0.1:0", "--stateful")
    offered = tree / "allow"

    async def list_roots(context):
        return types.ListRootsResult(roots=[types.Root(uri=offered.as_uri(), name="allow")])

    async with http_session(server.base + "/mcp", list_roots_callback=list_roots) as session:
        with anyio.fail_after(10):
            while text(await session.call_tool("list_allowed_directories", {})).splitlines()[1:] != [str(offered)]:
                await anyio.sleep(0.05)


@pytest.mark.parametrize("stateful", [False, True])
async def test_text_shaped_like_a_data_url_is_written_as_sent(tree, http_server, stateful):
    server = http_server("serve", "files", str(tree / "allow"), "--http", "127.0.0.1:0", *(["--stateful"] if stateful else []))
    async with http_session(server.base + "/mcp") as session:
        for content in ["data:,hello", "data:text/plain;base64,aGVsbG8=", "data:image/png;base64,iVBORw0KGgo="]:
            text(await session.call_tool("write_file", {"path": "d.txt", "content": content}))
            assert (tree / "allow" / "d.txt").read_text() == content


def test_stdout_carries_protocol_messages_only(tree):
    requests = [
        {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {}},
        {"jsonrpc": "2.0", "method": "notifications/initialized"},
        {"jsonrpc": "2.0", "id": 2, "method": "tools/call", "params": {"name": "list_directory", "arguments": {"path": "."}}},
        {"jsonrpc": "2.0", "id": 3, "method": "tools/call", "params": {"name": "read_text_file", "arguments": {"path": "/etc/passwd"}}},
        {"jsonrpc": "2.0", "id": 4, "method": "tools/call", "params": {"name": "no_such_tool"}},
    ]
    lines = "\n".join(json.dumps(r) for r in requests) + "\nnot json\n"
    done = subprocess.run(
        [SETLIST, "serve", "files", str(tree / "allow")], input=lines, capture_output=True, text=True, timeout=30,
        env={**os.environ, "SETLIST_LOG_LEVEL": "debug"},
    )
    messages = [json.loads(line) for line in done.stdout.splitlines()]
    by_id = {message.get("id"): message for message in messages}
    assert set(by_id) == {1, 2, 3, 4, None}
    assert by_id[3]["result"]["isError"] is True
    assert by_id[4]["error"]["code"] == -32602
    assert by_id[None]["error"]["code"] == -32700
    assert done.stderr, "logs belong on stderr"


async def test_other_media_types_come_as_an_embedded_resource(tree):
    allowed = tree / "allow"
    (allowed / "mix 1.bin").write_bytes(b"\x00\x01\x02")
    async with stdio_session("serve", "files", str(allowed)) as session:
        await listed_tools(session, TOOLS)  # the client checks structured content against this schema
        result = await session.call_tool("read_media_file", {"path": "mix 1.bin"})
    assert not result.is_error
    block = result.content[0]
    assert block.type == "resource"
    assert str(block.resource.uri) == f"file://{allowed}/mix%201.bin"
    assert block.resource.mime_type == "application/octet-stream"
    assert base64.b64decode(block.resource.blob) == b"\x00\x01\x02"
    assert result.structured_content == {"content": [{"type": "resource", "resource": {
        "uri": f"file://{allowed}/mix%201.bin", "mimeType": "application/octet-stream", "blob": "AAEC"}}]}


async def test_sizes_are_rounded_as_the_reference_rounds_them(tree):
    allowed = tree / "allow"
    (allowed / "notes.txt").write_bytes(b"x" * 1152)
    async with stdio_session("serve", "files", str(allowed)) as session:
        sized = text(await session.call_tool("list_directory_with_sizes", {"path": "."}))
    assert sized.splitlines()[-1] == "Combined size: 1.13 KB"


@pytest.mark.parametrize("allowed_name, sibling_name", [("caf\u00e9", "cafe\u0301"), ("\u00c5", "\u212b")])
@pytest.mark.parametrize(
    "tool, arguments",
    [
        ("read_text_file", {"path": "{sibling}/secret.txt"}),
        ("write_file", {"path": "{sibling}/planted.txt", "content": "x"}),
        ("edit_file", {"path": "{sibling}/secret.txt", "edits": [{"oldText": "secret", "newText": "x"}]}),
        ("list_directory", {"path": "{sibling}"}),
        ("search_files", {"path": "{sibling}", "pattern": "**"}),
        ("move_file", {"source": "{sibling}/secret.txt", "destination": "stolen.txt"}),
    ],
)
async def test_a_canonically_equivalent_sibling_is_another_directory(tmp_path, allowed_name, sibling_name, tool, arguments):
    root = tmp_path.resolve()
    allowed, sibling = root / allowed_name, root / sibling_name
    allowed.mkdir()
    sibling.mkdir()
    (sibling / "secret.txt").write_text("the secret\n")
    assert sorted(os.listdir(root)) == sorted([allowed_name, sibling_name]), "the file system sees two names"
    arguments = {key: value.replace("{sibling}", str(sibling)) if isinstance(value, str) else value
                 for key, value in arguments.items()}
    async with stdio_session("serve", "files", str(allowed)) as session:
        result = await session.call_tool(tool, arguments)
    assert result.is_error and result.content[0].text.startswith("Access denied")
    assert "the secret" not in result.content[0].text
    assert os.listdir(sibling) == ["secret.txt"] and (sibling / "secret.txt").read_text() == "the secret\n"
    assert os.listdir(allowed) == []


async def test_leftovers_of_killed_writes_are_removed_at_start(tree):
    allowed = tree / "allow"
    leftover = allowed / ".setlist-0123456789abcdef.tmp"
    leftover.write_bytes(b"x" * 4096)
    os.utime(leftover, (0, 0))
    (allowed / ".setlist-notes.tmp").write_text("mine")
    async with stdio_session("serve", "files", str(allowed)) as session:
        listing = text(await session.call_tool("list_directory", {"path": "."}))
    assert ".setlist-0123456789abcdef.tmp" not in listing and "[FILE] .setlist-notes.tmp" in listing
    assert not leftover.exists() and (allowed / ".setlist-notes.tmp").read_text() == "mine"


def run_files_server(*directories, requests=()):
    lines = "".join(json.dumps(r) + "\n" for r in requests)
    return subprocess.run(
        [SETLIST, "serve", "files", *map(str, directories)], input=lines, capture_output=True, text=True, timeout=30
    )


def test_a_file_or_a_missing_path_is_skipped_with_a_warning(tree):
    allowed = tree / "allow"
    requests = [
        {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {}},
        {"jsonrpc": "2.0", "id": 2, "method": "tools/call", "params": {"name": "list_allowed_directories"}},
    ]
    done = run_files_server(allowed / "notes.txt", tree / "missing", allowed, requests=requests)
    assert done.returncode == 0, done.stderr
    answers = {message["id"]: message for message in map(json.loads, done.stdout.splitlines())}
    assert answers[2]["result"]["content"][0]["text"] == f"Allowed directories:\n{allowed}"
    assert f"{allowed / 'notes.txt'} is not a directory, skipping" in done.stderr
    assert f"Cannot access directory {tree / 'missing'}, skipping" in done.stderr


def test_no_accessible_directory_is_an_error_before_serving(tree):
    done = run_files_server(tree / "allow" / "notes.txt", tree / "missing")
    assert done.returncode == 1
    assert done.stdout == ""
    assert "Error: None of the specified directories are accessible" in done.stderr
