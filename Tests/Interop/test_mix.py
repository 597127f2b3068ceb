"""`setlist mix` as a person runs it: one prompt in, a playlist out, no LLM."""

import json
import os
import subprocess
import xml.dom.minidom

import pytest

from conftest import SETLIST, no_spotify_env, stdio_session

PROMPT = "rainy sunday, slow coffee"


def mix(tmp_path, *args):
    return subprocess.run([SETLIST, "mix", *args], cwd=tmp_path, env=no_spotify_env(tmp_path / "data"), capture_output=True, text=True, timeout=120)


def test_a_mix_from_a_clean_folder_writes_four_files_and_never_overwrites(tmp_path):
    first = mix(tmp_path, PROMPT, "--limit", "12", "--json")
    assert first.returncode == 0, first.stderr
    made = json.loads(first.stdout)
    assert made["destination"] == "files" and made["tracks"] == 12
    folder = tmp_path / "playlists" / "rainy-sunday-slow-coffee"
    assert made["folder"] == str(folder)
    assert sorted(os.listdir(folder)) == ["README.md", "mood.svg", "playlist.json", "playlist.m3u8"]
    xml.dom.minidom.parse(str(folder / "mood.svg"))
    playlist = json.loads((folder / "playlist.json").read_text())
    assert len(playlist["tracks"]) == 12 and playlist["prompt"] == PROMPT
    m3u = (folder / "playlist.m3u8").read_text().splitlines()
    assert m3u[0] == "#EXTM3U"
    assert [line for line in m3u if line.startswith("spotify:track:")] == [f"spotify:track:{t['id']}" for t in playlist["tracks"]]
    assert first.stderr == "", "--json prints the result alone"

    second = mix(tmp_path, PROMPT, "--limit", "12")
    assert second.returncode == 0, second.stderr
    assert "Reading the mood" in second.stderr and "Picking tracks" in second.stderr
    assert f"{folder}-2/playlist.m3u8" in second.stdout.splitlines()
    assert json.loads((folder / "playlist.json").read_text()) == playlist


@pytest.mark.anyio
async def test_the_mix_holds_what_the_recommender_recommends(tmp_path):
    done = mix(tmp_path, PROMPT, "--limit", "15", "--json")
    assert done.returncode == 0, done.stderr
    playlist = json.loads((tmp_path / "playlists" / "rainy-sunday-slow-coffee" / "playlist.json").read_text())
    async with stdio_session("serve", "spotify", env=no_spotify_env(tmp_path / "data")) as session:
        result = await session.call_tool("get_recommendations", {"mood": PROMPT, "limit": 15, "energy_arc": True})
    assert [track["id"] for track in result.structured_content["tracks"]] == [track["id"] for track in playlist["tracks"]]


@pytest.mark.parametrize("args, message", [
    (["rainy", "--limit", "0"], "--limit must be from 1 to 100"),
    (["   "], "Say what the mix is for"),
    (["rainy", "--to", "tape"], "--to"),
])
def test_bad_options_say_what_to_do(tmp_path, args, message):
    done = mix(tmp_path, *args)
    assert done.returncode != 0
    assert message in done.stderr
    assert not (tmp_path / "playlists").exists()


def test_a_traced_mix_reads_back_as_a_timeline(tmp_path):
    done = mix(tmp_path, PROMPT, "--limit", "5", "--trace", "mix.jsonl")
    assert done.returncode == 0, done.stderr
    entries = [json.loads(line) for line in (tmp_path / "mix.jsonl").read_text().splitlines()]
    assert {entry["server"] for entry in entries} == {"spotify", "files"}
    assert {entry["direction"] for entry in entries} == {"sent", "received"}
    shown = subprocess.run([SETLIST, "trace", "show", str(tmp_path / "mix.jsonl")], capture_output=True, text=True, timeout=30)
    assert shown.returncode == 0, shown.stderr
    assert "→ tools/call get_recommendations" in shown.stdout and "ms)" in shown.stdout
    assert "← answer: tools/call write_file" in shown.stdout
