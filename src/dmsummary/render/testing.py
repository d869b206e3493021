"""Image-regression helper for tests (like pytest-mpl, without the dependency).

Baselines are PNG files committed to the repository (``tests/render/baseline/``).
Set ``DMSUMMARY_REGENERATE_BASELINES=1`` to (re)write them from the current output
instead of comparing; do that on Linux with the locked environment
(``uv sync``), then review and commit the new PNGs.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

__all__ = ["REGENERATE_ENV", "assert_image_matches"]

REGENERATE_ENV = "DMSUMMARY_REGENERATE_BASELINES"
"""Environment variable: ``1`` rewrites baselines instead of comparing."""


def assert_image_matches(
    actual: str | os.PathLike[str],
    name: str,
    *,
    baseline_dir: str | os.PathLike[str],
    tol: float = 2.0,
) -> None:
    """Compare a PNG with its committed baseline (or regenerate the baseline).

    Parameters
    ----------
    actual : path
        The freshly rendered PNG.
    name : str
        Baseline name: the baseline is ``<baseline_dir>/<name>.png``.
    baseline_dir : path
        Directory of committed baselines.
    tol : float
        Largest accepted RMS difference (0–255 grey levels), as in
        :func:`matplotlib.testing.compare.compare_images`.

    Raises
    ------
    AssertionError
        If the baseline is missing, or the images differ by more than ``tol``;
        the message names the diff image written next to ``actual``.
        (A size mismatch raises matplotlib's ``ImageComparisonFailure``, also an
        ``AssertionError``.)
    """
    actual = Path(actual)
    baseline = Path(baseline_dir) / f"{name}.png"
    if os.environ.get(REGENERATE_ENV) == "1":
        baseline.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(actual, baseline)
        return
    if not baseline.is_file():
        msg = f"no baseline {baseline}; create it with {REGENERATE_ENV}=1 and commit it"
        raise AssertionError(msg)
    from matplotlib.testing.compare import compare_images

    result = compare_images(str(baseline), str(actual), tol=tol, in_decorator=True)
    if result is not None:
        msg = (
            f"{actual} differs from {baseline}: RMS {result['rms']:.2f} > tol {tol}; "
            f"diff image {result['diff']}. If the change is intended, rerun with "
            f"{REGENERATE_ENV}=1 and commit the new baseline."
        )
        raise AssertionError(msg)


def __dir__() -> list[str]:
    return __all__
