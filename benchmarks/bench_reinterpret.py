"""Benchmark: the DM WG dark-photon chain for all four ATLAS TLA inputs, wall time.

    DMSUMMARY_DATA=../shared/data uv run python benchmarks/bench_reinterpret.py --repeats 5

One run = what the public tool's ``run_example.sh`` does for the same inputs (10 s wall on
2 cores, issue 4): rescale the J50/J100 observed/expected g_q limits to the
minimal-dark-photon benchmark, compute epsilon and y, write the results (JSON with
provenance), and draw the four dark-photon figures (``dmwg/dark-photon-*``, PDF + PNG).

Three timings: the numbers only (rescale + epsilon/y + JSON, inside one warm process), the
numbers plus the four figures (warm), and the whole run in a fresh Python process with an
empty cache (imports, catalogue index and matplotlib start-up included), which is what the
tool's wall time measures. The median is reported, with the speed-up over 10 s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TOOL_WALL_S = 10.0
INPUTS = [
    "atlas-2025-tla-j50-gq",
    "atlas-2025-tla-j50-gq-expected-median",
    "atlas-2025-tla-j100-gq",
    "atlas-2025-tla-j100-gq-expected-median",
]
FIGURES = [
    "dmwg/dark-photon-epsilon-vs-mzprime",
    "dmwg/dark-photon-epsilon-vs-mdm",
    "dmwg/dark-photon-y-vs-mzprime",
    "dmwg/dark-photon-y-vs-mdm",
]


def chain(out: Path, *, figures: bool = True) -> None:
    """Rescale + epsilon/y for the four inputs, JSON output, and the four figures."""
    from dmsummary import load_catalogue
    from dmsummary.recipes import load_recipe, resolve_recipe
    from dmsummary.reinterpret import dark_photon_limits, write_json
    from dmsummary.render import save

    cat = load_catalogue()
    curves = []
    for ident in INPUTS:
        limits = dark_photon_limits(ident, convention="dmwg-2405.13778", catalogue=cat,
                                    width_inputs="dmwg-couplingscan")  # fmt: skip
        curves += [limits.g_q, limits.epsilon, limits.y, limits.y_mdm]
    write_json(out / "dark-photon.json", curves)
    if not figures:
        return
    for name in FIGURES:
        save(resolve_recipe(load_recipe(name), cat), out, formats=("pdf", "png"))


def cold(repeats: int) -> list[float]:
    times = []
    for _ in range(repeats):
        with tempfile.TemporaryDirectory() as out, tempfile.TemporaryDirectory() as cache:
            env = {**os.environ, "DMSUMMARY_CACHE": cache, "DMSUMMARY_OFFLINE": "1"}
            t0 = time.perf_counter()
            subprocess.run([sys.executable, __file__, "--child", out], check=True, env=env)
            times.append(time.perf_counter() - t0)
    return times


def warm(repeats: int, *, figures: bool = True) -> list[float]:
    times = []
    with tempfile.TemporaryDirectory() as out:
        chain(Path(out))  # imports and the catalogue index, once
        for _ in range(repeats):
            t0 = time.perf_counter()
            chain(Path(out), figures=figures)
            times.append(time.perf_counter() - t0)
    return times


def warm_numbers(repeats: int) -> list[float]:
    return warm(repeats, figures=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--child", metavar="OUT", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        chain(Path(args.child))
        return
    runs = (
        ("rescale + eps/y + JSON only, warm", warm_numbers),
        ("+ 4 figures (pdf, png), warm", warm),
        ("+ 4 figures (pdf, png), cold process", cold),
    )
    for name, run in runs:
        times = run(args.repeats)
        median = statistics.median(times)
        print(
            f"dark-photon chain, 4 TLA inputs, {name}: median {median:.3f} s, "
            f"min {min(times):.3f} s over {len(times)} runs; public tool {TOOL_WALL_S:.0f} s "
            f"-> {TOOL_WALL_S / median:.1f}x faster"
        )


if __name__ == "__main__":
    main()
