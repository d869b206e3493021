"""Throughput of the physics kernels on 1e6-point arrays (points per second, one core).

Run with ``uv run python benchmarks/bench_physics.py``. Reports the median of several repeats;
the target is >= 1e7 points/s for the Higgs-portal and width kernels.
"""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable

# Pin BLAS/OpenMP pools to one thread (NumPy ufuncs are single-threaded anyway).
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import numpy as np

from dmsummary.physics import higgs_portal, simplified
from dmsummary.units import GeV

N = 1_000_000
REPEATS = 7
TARGET = 1e7


def bench(func: Callable[[], object]) -> float:
    func()  # warm-up
    times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return N / statistics.median(times)


def main() -> None:
    rng = np.random.default_rng(1)
    m_dm = rng.uniform(0.1, 70.0, N) * GeV  # ~10 % above m_H/2 (NaN branch exercised)
    br = rng.uniform(0.0, 0.5, N)
    m_med = rng.uniform(50.0, 5000.0, N) * GeV
    m_chi = rng.uniform(1.0, 2000.0, N) * GeV
    g_q = rng.uniform(0.01, 1.0, N)

    cases: dict[str, Callable[[], object]] = {
        "higgs_portal.sigma_si_from_br_inv (fermion)": lambda: higgs_portal.sigma_si_from_br_inv(
            br, m_dm, kind="fermion", convention="djouadi"
        ),
        "higgs_portal.sigma_si_from_br_inv (vector)": lambda: higgs_portal.sigma_si_from_br_inv(
            br, m_dm, kind="vector", convention="djouadi"
        ),
        "higgs_portal.br_inv_from_sigma_si (scalar)": lambda: higgs_portal.br_inv_from_sigma_si(
            1e-45 * br, m_dm, kind="scalar", convention="self-conjugate"
        ),
        "simplified.total_width (vector, 6q+3l+3nu+DM)": lambda: simplified.total_width(
            "vector", m_med, m_chi, g_q, 1.0, 0.01
        ),
        "simplified.total_width (axial)": lambda: simplified.total_width(
            "axial", m_med, m_chi, g_q, 1.0, 0.1
        ),
        "simplified.total_width (pseudoscalar, incl. gg loop)": lambda: simplified.total_width(
            "pseudoscalar", m_med, m_chi, g_q, 1.0
        ),
        "simplified.width_to_quarks (vector)": lambda: simplified.width_to_quarks(
            "vector", m_med, g_q
        ),
    }
    print(f"{N:.0e} points, median of {REPEATS} repeats, target {TARGET:.0e} points/s")
    width = max(len(name) for name in cases)
    for name, func in cases.items():
        rate = bench(func)
        flag = "ok" if rate >= TARGET else "below target"
        print(f"{name:<{width}}  {rate:12.3e} points/s  {flag}")


if __name__ == "__main__":
    main()
