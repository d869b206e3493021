"""Approximate confidence-level conversions of upper limits (90 % ↔ 95 %).

Direct and indirect detection quote 90 % CL; LHC searches quote 95 % CL (CLs), and the LHC DM WG
recommends 90 % CL collider limits when they are overlaid on DD planes (PHYSICS.md §2, D5).
**Use the 90 % CL numbers the collaborations publish.** The factors here hold only under
idealised statistics and are meant for expected limits or rough use; every call emits an
:class:`~dmsummary.physics.ApproximationWarning`.

Models:

``"gaussian"``
    One-sided Gaussian with best fit at zero: UL(CL) ∝ Φ⁻¹(CL); UL90/UL95 = 1.2816/1.6449 =
    0.7791.
``"poisson"``
    Zero observed events, zero background: UL(CL) = -ln(1 - CL) events; 2.303/2.996 = 0.7686.
"""

from __future__ import annotations

import math
import warnings
from statistics import NormalDist

import numpy as np
from numpy.typing import ArrayLike, NDArray

from dmsummary.exceptions import TranslationDomainError
from dmsummary.physics._common import ApproximationWarning, as_array, check_choice

__all__ = ["STATISTICAL_MODELS", "cl_ratio", "rescale_upper_limit"]

STATISTICAL_MODELS: tuple[str, ...] = ("gaussian", "poisson")
"""Valid ``model`` names."""


def _scale(cl: float, model: str) -> float:
    if model == "gaussian":
        return NormalDist().inv_cdf(cl)
    return -math.log1p(-cl)


def cl_ratio(*, cl_from: float, cl_to: float, model: str) -> float:
    """Return UL(cl_to)/UL(cl_from) under an idealised statistical model (approximate).

    Parameters
    ----------
    cl_from, cl_to : float
        Confidence levels as fractions in (0.5, 1) for ``"gaussian"``, (0, 1) for ``"poisson"``.
    model : {"gaussian", "poisson"}
        Statistical model (module docstring).

    Returns
    -------
    float
        The ratio; 0.7791 (Gaussian) or 0.7686 (Poisson) for 95 % → 90 %.

    Warns
    -----
    ApproximationWarning
        Always: observed limits must not be rescaled this way.
    """
    check_choice(model, "model", STATISTICAL_MODELS)
    low = 0.5 if model == "gaussian" else 0.0
    for name, cl in (("cl_from", cl_from), ("cl_to", cl_to)):
        if not low < cl < 1.0:
            msg = (
                f"argument {name!r} (confidence level as a fraction) must lie in ({low}, 1) for "
                f"the {model!r} model; got {cl!r} (pass 0.9, not 90)"
            )
            raise TranslationDomainError(msg)
    warnings.warn(
        f"CL conversion {cl_from} -> {cl_to} assumes an idealised {model} limit; it is only a "
        "rough guide for expected limits. Use the collaboration's own limit at the target CL.",
        ApproximationWarning,
        stacklevel=2,
    )
    return _scale(cl_to, model) / _scale(cl_from, model)


def rescale_upper_limit(
    limit: ArrayLike, *, cl_from: float, cl_to: float, model: str
) -> NDArray[np.float64]:
    """Rescale an upper limit from one CL to another (approximate; see :func:`cl_ratio`).

    Parameters
    ----------
    limit : array_like
        Upper limit on a quantity proportional to the signal yield (cross-section, BR, μ) in any
        unit.
    cl_from, cl_to : float
        Confidence levels as fractions.
    model : {"gaussian", "poisson"}
        Statistical model.

    Returns
    -------
    ndarray
        The rescaled limit, in the unit of ``limit``.

    Warns
    -----
    ApproximationWarning
        Always.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ApproximationWarning)
        ratio = cl_ratio(cl_from=cl_from, cl_to=cl_to, model=model)
    warnings.warn(
        f"upper limit rescaled from CL {cl_from} to {cl_to} with the idealised {model} factor "
        f"{ratio:.4f}; not valid for observed limits",
        ApproximationWarning,
        stacklevel=2,
    )
    return as_array(as_array(limit) * ratio)


def __dir__() -> list[str]:
    return __all__
