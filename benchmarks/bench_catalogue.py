"""Benchmark: CLI start-up and full-catalogue load + validate.

Run from the repository root (with the data mirror available):

    DMSUMMARY_DATA=../shared/data uv run python benchmarks/bench_catalogue.py

Prints medians over several repeats. Targets (issue 2): `dmsummary --help` and
`dmsummary catalogue list` start-up <= 0.25 s.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time


def wall(cmd: list[str], repeats: int) -> list[float]:
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        done = subprocess.run(
            cmd, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        if done.returncode:
            print(f"warning: {cmd[1:]} exited {done.returncode}", file=sys.stderr)
        times.append(time.perf_counter() - t0)
    return times


def in_process_validate(repeats: int) -> tuple[list[float], list[float], list[float], int]:
    import tempfile

    from dmsummary.catalogue import load_catalogue, validate_catalogue

    cold, warm, validate_times = [], [], []
    n = 0
    for _ in range(repeats):
        with tempfile.TemporaryDirectory() as cache:
            os.environ["DMSUMMARY_CACHE"] = cache  # empty cache: YAML parse + JSON Schema
            t0 = time.perf_counter()
            catalogue = load_catalogue()
            cold.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            load_catalogue()  # the index written by the cold load
            warm.append(time.perf_counter() - t0)
            n = len(catalogue)
            t0 = time.perf_counter()
            report = validate_catalogue(offline=True)
            validate_times.append(time.perf_counter() - t0)
        if not report.ok:
            print(f"warning: {len(report.problems)} validation problems", file=sys.stderr)
    return cold, warm, validate_times, n


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeats", type=int, default=7)
    args = parser.parse_args()
    exe = shutil.which("dmsummary") or sys.executable
    base = [exe] if exe.endswith("dmsummary") else [sys.executable, "-m", "dmsummary"]
    os.environ.setdefault("DMSUMMARY_OFFLINE", "1")
    python_only = wall([sys.executable, "-c", "pass"], args.repeats)
    rows = [
        ("python -c pass (interpreter floor)", python_only),
        ("dmsummary --help", wall([*base, "--help"], args.repeats)),
        ("dmsummary catalogue list", wall([*base, "catalogue", "list"], args.repeats)),
    ]
    cold, warm, validate, n = in_process_validate(max(3, args.repeats // 2))
    rows += [
        (f"load_catalogue() cold ({n} entries: YAML + JSON Schema)", cold),
        ("load_catalogue() with the on-disk index", warm),
        ("validate_catalogue() (hash + parse + checks, all data)", validate),
    ]
    width = max(len(name) for name, _ in rows)
    print(f"{'benchmark':<{width}}  median [s]   min [s]")
    for name, times in rows:
        print(f"{name:<{width}}  {statistics.median(times):9.3f}  {min(times):8.3f}")


if __name__ == "__main__":
    main()
