"""Benchmark: the full built-in figure build (pdf+png+svg + provenance), cold, wall time.

    DMSUMMARY_DATA=../shared/data uv run python benchmarks/bench_build.py --repeats 3

Each repeat runs `dmsummary build` in a fresh process into an empty directory with an
empty cache (so the catalogue index is cold too). Target (issue 3): <= 8 s on 2 cores.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    exe = shutil.which("dmsummary")
    cmd = [exe] if exe else [sys.executable, "-m", "dmsummary"]
    times = []
    for _ in range(args.repeats):
        with tempfile.TemporaryDirectory() as out, tempfile.TemporaryDirectory() as cache:
            env = {**os.environ, "DMSUMMARY_CACHE": cache, "DMSUMMARY_OFFLINE": "1"}
            t0 = time.perf_counter()
            subprocess.run([*cmd, "build", "-o", out, "-j", str(args.jobs)], check=True, env=env)
            times.append(time.perf_counter() - t0)
    print(
        f"full build, {args.jobs} jobs: median {statistics.median(times):.2f} s, min {min(times):.2f} s over {len(times)} runs"
    )


if __name__ == "__main__":
    main()
