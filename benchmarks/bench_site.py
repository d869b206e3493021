"""Benchmark: `dmsummary site` (every built-in figure + every catalogue entry), cold, wall time.

    DMSUMMARY_DATA=../shared/data uv run python benchmarks/bench_site.py --repeats 3

Each repeat runs `dmsummary site` in a fresh process into a new directory with an empty
cache (so the catalogue index is cold, as in a fresh clone). Target (issue 6): < 30 s.
The static figures are rendered once by `dmsummary build` (in parallel); the figure and
entry pages, the CSV files and the assets add the rest, reported separately below.
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


def _run(cmd: list[str], env: dict[str, str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, env=env, stdout=subprocess.DEVNULL)
    return time.perf_counter() - t0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    exe = shutil.which("dmsummary")
    cmd = [exe] if exe else [sys.executable, "-m", "dmsummary"]
    site, build = [], []
    for _ in range(args.repeats):
        with tempfile.TemporaryDirectory() as out, tempfile.TemporaryDirectory() as cache:
            env = {**os.environ, "DMSUMMARY_CACHE": cache, "DMSUMMARY_OFFLINE": "1"}
            site.append(_run([*cmd, "site", "-o", f"{out}/site", "-j", str(args.jobs)], env))
        with tempfile.TemporaryDirectory() as out, tempfile.TemporaryDirectory() as cache:
            env = {**os.environ, "DMSUMMARY_CACHE": cache, "DMSUMMARY_OFFLINE": "1"}
            build.append(_run([*cmd, "build", "-o", out, "-j", str(args.jobs)], env))
    print(
        f"site, {args.jobs} jobs: median {statistics.median(site):.2f} s, "
        f"min {min(site):.2f} s over {len(site)} runs "
        f"(of which the figure build alone: median {statistics.median(build):.2f} s)"
    )


if __name__ == "__main__":
    main()
