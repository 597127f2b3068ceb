"""`setlist mix` end to end on the embedded sandbox (0 ms latency): wall time and peak
memory of 30-track mixes written to files, five runs, median printed. Each run's `--json`
result and written playlist must hold 30 tracks, or the benchmark stops and says why.
Target: under 2 s a mix. Usage: python3 Benchmarks/mix.py SETLIST_BINARY"""

import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

TRACKS = 30
RUNS = 5


def timed_mix(setlist, folder, env):
    """One mix's wall time, after checking it made TRACKS tracks."""
    started = time.perf_counter()
    done = subprocess.run([setlist, "mix", "rainy sunday, slow coffee", "--limit", str(TRACKS), "--json"],
                          cwd=folder, env=env, capture_output=True, text=True, timeout=120)
    wall = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"setlist mix failed (exit {done.returncode}):\n{done.stderr}")
    try:
        made = json.loads(done.stdout)
    except json.JSONDecodeError:
        sys.exit(f"setlist mix --json printed no JSON:\n{done.stdout}\n{done.stderr}")
    if made.get("destination") != "files" or made.get("tracks") != TRACKS:
        sys.exit(f"setlist mix made {made.get('tracks')} tracks to {made.get('destination')}, not {TRACKS} to files:\n{done.stdout}")
    with open(os.path.join(made["folder"], "playlist.json")) as written:
        held = len(json.load(written)["tracks"])
    if held != TRACKS:
        sys.exit(f"{made['folder']}/playlist.json holds {held} tracks, not {TRACKS}")
    return wall


def main():
    setlist = os.path.abspath(sys.argv[1])
    env = {key: value for key, value in os.environ.items() if not key.startswith(("SPOTIFY_", "SETLIST_SPOTIFY"))}
    walls = []
    with tempfile.TemporaryDirectory() as folder:
        env["XDG_DATA_HOME"] = os.path.join(folder, "data")
        for _ in range(RUNS):
            walls.append(timed_mix(setlist, folder, env))
    # The largest resident set of any process of the runs: setlist and the servers it started.
    peak_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    wall = statistics.median(walls)
    print(f"setlist mix, {TRACKS} tracks to files, embedded sandbox at 0 ms ({RUNS} runs, each checked for {TRACKS} tracks)")
    print(f"  median wall {wall:.2f} s   peak memory of one process {peak_mib:.1f} MiB   target < 2 s: {'met' if wall < 2 else 'MISSED'}")


if __name__ == "__main__":
    main()
