"""`setlist sandbox catalog --json`, as a script or a notebook would read it."""

import json
import re
import statistics
import subprocess

from conftest import SETLIST


def catalog(*args):
    done = subprocess.run([SETLIST, "sandbox", "catalog", "--json", *args], capture_output=True, timeout=60, check=True)
    return json.loads(done.stdout)


def test_prints_the_whole_catalog_with_features():
    data = catalog()
    assert data["seed"] == 2026
    assert len(data["tracks"]) >= 3000 and len(data["artists"]) >= 300 and len(data["genres"]) >= 20
    first = data["tracks"][0]
    assert set(first) == {"track", "genre", "features"}
    assert first["track"]["uri"] == "spotify:track:" + first["track"]["id"]
    assert first["track"]["external_ids"]["isrc"].startswith("ZZSBX")
    assert 0 <= first["features"]["energy"] <= 1
    energy = {g: statistics.mean(t["features"]["energy"] for t in data["tracks"] if t["genre"] == g)
              for g in ("metal", "ambient")}
    assert energy["metal"] > energy["ambient"] + 0.5
    assert data["listener"]["profile"]["display_name"] == "Sandbox Listener"
    assert set(data["listener"]) == {
        "profile", "favourite_genres", "top_track_ids", "top_artist_ids", "recently_played", "saved"
    }
    assert set(data["listener"]["top_track_ids"]) <= {t["track"]["id"] for t in data["tracks"]}


def keys(value):
    if isinstance(value, dict):
        for key, inner in value.items():
            yield key
            yield from keys(inner)
    elif isinstance(value, list):
        for inner in value[:3]:
            yield from keys(inner)


def test_every_key_reads_as_words():
    # Snake-casing an acronym splits it into letters (`top_track_i_ds`); no key may look like that.
    mangled = {key for key in keys(catalog()) if not re.fullmatch(r"[a-z][a-z0-9]*(_[a-z0-9]{2,})*", key)}
    assert not mangled


def test_the_same_seed_prints_the_same_catalog():
    assert catalog("--seed", "99") == catalog("--seed", "99")
    assert catalog("--seed", "99")["tracks"][0] != catalog()["tracks"][0]
