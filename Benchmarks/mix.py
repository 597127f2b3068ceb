"""`setlist mix` end to end on the embedded sandbox (0 ms latency): wall time and peak
memory of 30-track mixes written to files, five runs, median printed.
Target: under 2 s a mix. Usage: python3 Benchmarks/mix.py SETLIST_BINARY"""

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time


def main():
    setlist = os.path.abspath(sys.argv[1])
    env = {key: value for key, value in os.environ.items() if not key.startswith(("SPOTIFY_", "SETLIST_SPOTIFY"))}
    walls = []
    with tempfile.TemporaryDirectory() as folder:
        env["XDG_DATA_HOME"] = os.path.join(folder, "data")
        for _ in range(5):
            started = time.perf_counter()
            subprocess.run([setlist, "mix", "rainy sunday, slow coffee", "--limit", "30", "--json"],
                           cwd=folder, env=env, check=True, capture_output=True, timeout=120)
            walls.append(time.perf_counter() - started)
    # The largest resident set of any process of the runs: setlist and the servers it started.
    peak_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    wall = statistics.median(walls)
    print("setlist mix, 30 tracks to files, embedded sandbox at 0 ms (5 runs)")
    print(f"  median wall {wall:.2f} s   peak memory of one process {peak_mib:.1f} MiB   target < 2 s: {'met' if wall < 2 else 'MISSED'}")


if __name__ == "__main__":
    main()
