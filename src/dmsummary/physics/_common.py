"""Private helpers shared by the physics modules (array coercion, domain checks, roots)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

import numpy as np
from numpy.typing import ArrayLike, NDArray

from dmsummary.exceptions import TranslationDomainError

__all__ = [
    "ApproximationWarning",
    "as_array",
    "check_choice",
    "check_nonnegative",
    "check_positive",
    "check_range",
    "lowest_root",
]


class ApproximationWarning(UserWarning):
    """A result rests on an approximation that is only valid for rough or expected-limit use.

    Emitted, for example, by the confidence-level rescalings of
    :mod:`dmsummary.physics.confidence`. Silence it deliberately with
    :func:`warnings.catch_warnings` once the approximation is accepted.
    """


def as_array(value: ArrayLike) -> NDArray[np.float64]:
    """Return ``value`` as a float64 array (no copy when already one)."""
    return np.asarray(value, dtype=np.float64)


def check_nonnegative(value: ArrayLike, name: str, what: str) -> NDArray[np.float64]:
    """Coerce to an array and raise if any element is negative (NaN passes through)."""
    arr = as_array(value)
    if np.any(arr < 0):
        msg = (
            f"argument {name!r} ({what}) must be >= 0; got a minimum of {np.nanmin(arr)!r}; "
            "pass non-negative values (NaN marks 'no value' and is propagated)"
        )
        raise TranslationDomainError(msg)
    return arr


def check_positive(value: ArrayLike, name: str, what: str) -> NDArray[np.float64]:
    """Coerce to an array and raise if any element is <= 0 (NaN passes through)."""
    arr = as_array(value)
    if np.any(arr <= 0):
        msg = (
            f"argument {name!r} ({what}) must be > 0; got a minimum of {np.nanmin(arr)!r}; "
            "pass strictly positive values"
        )
        raise TranslationDomainError(msg)
    return arr


def check_range(
    value: ArrayLike,
    name: str,
    what: str,
    *,
    low: float,
    high: float,
    high_inclusive: bool = False,
) -> NDArray[np.float64]:
    """Coerce to an array and raise unless ``low <= value < high`` (or ``<= high``)."""
    arr = as_array(value)
    above = arr > high if high_inclusive else arr >= high
    if np.any(arr < low) or np.any(above):
        bracket = "]" if high_inclusive else ")"
        msg = (
            f"argument {name!r} ({what}) must lie in [{low}, {high}{bracket}; got values from "
            f"{np.nanmin(arr)!r} to {np.nanmax(arr)!r}"
        )
        raise TranslationDomainError(msg)
    return arr


def check_choice(value: str, name: str, choices: Iterable[str]) -> str:
    """Return ``value`` if it is one of ``choices``; raise a helpful error otherwise."""
    valid = list(choices)
    if value not in valid:
        msg = (
            f"argument {name!r} must be one of {', '.join(repr(c) for c in valid)}; got {value!r}"
        )
        raise TranslationDomainError(msg)
    return value


def lowest_root(
    excess: Callable[[NDArray[np.float64], NDArray[np.intp]], NDArray[np.float64]],
    lo: float,
    hi: float,
    goal: NDArray[np.float64],
    *,
    n_scan: int = 65,
    n_bisect: int = 56,
) -> NDArray[np.float64]:
    """Return exp(x) at the lowest sign change (- to +) of ``excess`` in [lo, hi], per row.

    Vectorised over all rows: ``excess(x, rows)`` (x = ln g, one row per point, any trailing
    shape) is scanned on an ``n_scan``-point grid (so a function that is not monotonic in g
    still yields its *lowest* crossing, e.g. the edge of an excluded band), then each bracket
    is bisected ``n_bisect`` times (width Δx/2⁵⁶ ≈ 1e-17). Rows without a finite positive
    ``goal``, already positive at ``lo`` or never positive up to ``hi`` are NaN.
    """
    out = np.full(goal.shape, np.nan)
    rows = np.flatnonzero(np.isfinite(goal) & (goal > 0))
    if rows.size == 0:
        return out
    grid = np.linspace(lo, hi, n_scan)
    scan = excess(np.broadcast_to(grid, (rows.size, n_scan)), rows)
    above = scan >= 0.0
    first = np.argmax(above, axis=1)
    ok = above[np.arange(rows.size), first] & (first > 0)
    rows, first = rows[ok], first[ok]
    if rows.size == 0:
        return out
    a, b = grid[first - 1], grid[first]
    for _ in range(n_bisect):
        mid = 0.5 * (a + b)
        up = excess(mid, rows) >= 0.0
        b = np.where(up, mid, b)
        a = np.where(up, a, mid)
    out[rows] = np.exp(0.5 * (a + b))
    return out


def __dir__() -> list[str]:
    return __all__
