"""Benchmark: the full built-in figure build (pdf+png+svg + provenance), cold, wall time.

    DMSUMMARY_DATA=../shared/data uv run python benchmarks/bench_build.py --repeats 3

Each repeat runs `dmsummary build` in a fresh process into an empty directory with an
empty cache (so the catalogue index is cold too). Target (issue 3): <= 8 s on 2 cores.
One untimed warm-up run first lets Python write its bytecode caches, as in any installed
environment (``PYTHONDONTWRITEBYTECODE`` is removed for the child processes); "cold" means
no dmsummary cache, index or output, and a fresh interpreter, not an uncompiled install.
Also prints the CPU time (user + sys) of the children, a figure that is less sensitive to
other load on the machine than the wall time.
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
    parser.add_argument("--warmup", type=int, default=1)
    parser.add_argument(
        "--set", default="", help="only the built-in recipes of this set (e.g. espp2026)"
    )
    args = parser.parse_args()
    exe = shutil.which("dmsummary")
    cmd = [exe] if exe else [sys.executable, "-m", "dmsummary"]
    names: list[str] = []
    if args.set:
        from dmsummary.recipes import builtin_recipes

        names = [n for n in builtin_recipes() if n.startswith(args.set + "/")]
    times, cpu = [], []
    base = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    for i in range(args.warmup + args.repeats):
        with tempfile.TemporaryDirectory() as out, tempfile.TemporaryDirectory() as cache:
            env = {**base, "DMSUMMARY_CACHE": cache, "DMSUMMARY_OFFLINE": "1"}
            before = os.times()
            t0 = time.perf_counter()
            subprocess.run(
                [*cmd, "build", *names, "-o", out, "-j", str(args.jobs)],
                check=True,
                env=env,
                stdout=subprocess.DEVNULL,
            )
            wall = time.perf_counter() - t0
            after = os.times()
            if i >= args.warmup:
                times.append(wall)
                cpu.append(
                    after.children_user
                    - before.children_user
                    + after.children_system
                    - before.children_system
                )
    print(
        f"{args.set or 'full'} build ({len(names) or 'all'} recipes), {args.jobs} jobs: wall median {statistics.median(times):.2f} s "
        f"(min {min(times):.2f} s), CPU median {statistics.median(cpu):.2f} s, "
        f"over {len(times)} runs"
    )


if __name__ == "__main__":
    main()
