"""`setlist mix` as a person runs it: one prompt in, a playlist out, no LLM."""

import json
import os
import subprocess
import xml.dom.minidom

import httpx2 as httpx
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
    assert f"  A mix for this prompt already exists in {folder}: this one goes to {folder}-2." in second.stderr.splitlines(), second.stderr
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
    (["rainy", "--to", "files", "--play"], "--play applies to Spotify playlists only, and --to files writes files: drop --play, or use --to spotify."),
    (["rainy", "--to", "files", "--public"], "--public applies to Spotify playlists only"),
    (["rainy", "--public", "--to", "files", "--play"], "--play and --public apply to Spotify playlists only"),
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


def test_out_and_name_put_the_mix_where_asked_under_that_name(tmp_path):
    done = mix(tmp_path, PROMPT, "--limit", "6", "--out", "mixes/sunday", "--name", "Lluvia y café", "--json")
    assert done.returncode == 0, done.stderr
    folder = tmp_path / "mixes" / "sunday" / "rainy-sunday-slow-coffee"
    made = json.loads(done.stdout)
    assert made["name"] == "Lluvia y café" and made["folder"] == str(folder)
    assert sorted(os.listdir(folder)) == ["README.md", "mood.svg", "playlist.json", "playlist.m3u8"]
    assert json.loads((folder / "playlist.json").read_text())["name"] == "Lluvia y café"
    assert "#PLAYLIST:Lluvia y café" in (folder / "playlist.m3u8").read_text().splitlines()
    assert not (tmp_path / "playlists").exists()


def trace_calls(path):
    """Each tools/call in a trace: its name, arguments, and the structured answer, by request id."""
    calls, answers = {}, {}
    for line in path.read_text().splitlines():
        message = json.loads(line)["message"]
        if message.get("method") == "tools/call":
            calls[message["id"]] = message["params"]
        elif "id" in message and ("result" in message or "error" in message):
            answers[message["id"]] = message
    return [(params["name"], params.get("arguments", {}), answers.get(key)) for key, params in calls.items()]


def test_to_spotify_public_and_playing_on_the_embedded_sandbox(tmp_path):
    done = mix(tmp_path, PROMPT, "--limit", "9", "--to", "spotify", "--public", "--play", "--json", "--trace", "mix.jsonl")
    assert done.returncode == 0, done.stderr
    made = json.loads(done.stdout)
    assert made["destination"] == "spotify" and made["tracks"] == 9 and made["added"] == 9 and made["remaining"] == 0
    assert made["playlist_id"] and made["url"].endswith(f"/playlist/{made['playlist_id']}")
    assert made["playing_on"]
    assert not (tmp_path / "playlists").exists()

    # The sandbox lived inside the server, gone now: what it answered is in the trace.
    calls = {name: (arguments, answer) for name, arguments, answer in trace_calls(tmp_path / "mix.jsonl")}
    recommended = [track["id"] for track in calls["get_recommendations"][1]["result"]["structuredContent"]["tracks"]]
    arguments, answer = calls["create_playlist_with_tracks"]
    assert arguments["public"] is True and arguments["track_ids"] == recommended
    created = answer["result"]["structuredContent"]
    assert not answer["result"].get("isError")
    assert created["playlist_id"] == made["playlist_id"] and created["url"] == made["url"]
    assert created["added"] == recommended and len(set(created["added"])) == 9
    arguments, answer = calls["start_playback"]
    assert arguments == {"playlist_id": made["playlist_id"]}
    assert not answer["result"].get("isError")
    assert answer["result"]["structuredContent"]["status"] == "playing"
    assert answer["result"]["structuredContent"]["device"] == made["playing_on"]


def logged_in_env(base, data_home):
    """The environment of a listener logged in to the sandbox at `base`, by the browser flow."""
    env = {**no_spotify_env(data_home), "SPOTIFY_CLIENT_ID": "sandbox-client", "SETLIST_SPOTIFY_BASE": base}
    login = subprocess.Popen([SETLIST, "auth", "login", "--no-browser"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True, env=env)
    link = next(line.strip() for line in login.stdout if line.strip().startswith("http"))
    assert httpx.get(link, follow_redirects=True, timeout=10).status_code == 200
    _, err = login.communicate(timeout=30)
    assert login.returncode == 0, err
    return env


def test_a_logged_in_mix_is_a_public_playlist_of_the_picks_playing_in_spotify(sandbox, tmp_path):
    base, _ = sandbox
    env = logged_in_env(base, tmp_path / "data")
    done = subprocess.run([SETLIST, "mix", PROMPT, "--limit", "11", "--public", "--play", "--json", "--trace", "mix.jsonl"],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    made = json.loads(done.stdout)
    assert made["destination"] == "spotify" and made["added"] == 11
    recommended = next(answer["result"]["structuredContent"]["tracks"]
                       for name, _, answer in trace_calls(tmp_path / "mix.jsonl") if name == "get_recommendations")

    # Read back from the sandbox itself, as the listener.
    token = subprocess.run([SETLIST, "sandbox", "token", "--url", base], capture_output=True, text=True, timeout=30)
    assert token.returncode == 0, token.stderr
    with httpx.Client(base_url=base, headers={"Authorization": f"Bearer {token.stdout.strip()}"}, timeout=10) as spotify:
        playlist = spotify.get(f"/v1/playlists/{made['playlist_id']}").json()
        items = spotify.get(f"/v1/playlists/{made['playlist_id']}/items", params={"limit": 50}).json()["items"]
        player = spotify.get("/v1/me/player")
    assert playlist["public"] is True and playlist["name"] == made["name"]
    assert playlist["external_urls"]["spotify"] == made["url"]
    held = [item["item"]["id"] for item in items]
    assert held == [track["id"] for track in recommended] and len(set(held)) == 11
    assert player.status_code == 200, f"the player reports nothing: {player.status_code}"
    player = player.json()
    assert player["is_playing"] is True and player["context"]["uri"] == f"spotify:playlist:{made['playlist_id']}"
    assert player["device"]["name"] == made["playing_on"]


def test_spotify_only_options_are_told_unused_when_the_mix_goes_to_files(tmp_path):
    done = mix(tmp_path, PROMPT, "--limit", "4", "--play", "--public", "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["destination"] == "files"
    assert done.stderr.splitlines() == [
        "! --play and --public were not used: the mix went to files, as Setlist is not logged in to Spotify (setlist auth login)."]
    assert (tmp_path / "playlists" / "rainy-sunday-slow-coffee" / "playlist.json").exists()
    plain = mix(tmp_path, "quiet night", "--limit", "4", "--json")
    assert plain.returncode == 0 and plain.stderr == ""
