"""Annihilation cross-sections (private; public names live in ``simplified``)."""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import ArrayLike, NDArray

from dmsummary.constants import (
    C_LIGHT,
    HBARC_SQ,
    QuarkMasses,
)
from dmsummary.physics._common import (
    as_array,
    check_choice,
    check_nonnegative,
    check_positive,
    lowest_root,
)
from dmsummary.physics.simplified._widths import WidthInputs, _inputs, total_width

__all__ = ["dirac_sigmav_limit_from_majorana", "gq_from_sigmav", "sigmav"]

_PI = math.pi


def sigmav(
    model: str,
    m_med: ArrayLike,
    m_dm: ArrayLike,
    g_q: ArrayLike,
    g_dm: ArrayLike,
    width: ArrayLike,
    *,
    inputs: str | WidthInputs = "pdg2024",
    quark: str | None = None,
) -> NDArray[np.float64]:
    """Return the s-wave ``<σv>`` of Dirac χχ̄ → qq̄ through an s-channel mediator.

    With D = (M² - 4m²)² + M²Γ², β_q = √(1 - m_q²/m²), summed over open channels
    (arXiv:1703.05703 §4; re-derived in PHYSICS.md §4.3):

    - pseudoscalar: 3 g_q² g_DM² m_q² m² β_q / (2π v² D)
    - vector: 3 g_q² g_DM² β_q (2m² + m_q²) / (2π D)
    - axial: 3 g_q² g_DM² β_q m_q² (4m² - M²)² / (2π M⁴ D) (helicity suppressed)

    The scalar mediator annihilates in p-wave only and is rejected. **Dirac vs Majorana**:
    this is the χχ̄ rate of Dirac DM; compare it with published (self-conjugate) indirect
    limits through :func:`dirac_sigmav_limit_from_majorana` (PHYSICS.md D4).

    Parameters
    ----------
    model : {"vector", "axial", "pseudoscalar"}
        Mediator type.
    m_med : array_like
        Mediator mass [energy], > 0.
    m_dm : array_like
        Dark-matter mass [energy], > 0.
    g_q, g_dm : array_like
        Couplings (dimensionless), ≥ 0.
    width : array_like
        Total mediator width [energy], ≥ 0 (e.g. from :func:`total_width`).
    inputs : str or WidthInputs, optional
        Preset for quark masses and v; default ``"pdg2024"``.
    quark : {"u", "d", "s", "c", "b", "t"}, optional
        One channel (e.g. ``"b"`` for bb̄, ``"t"`` for tt̄); default: sum of open channels.

    Returns
    -------
    ndarray
        ``<σv>`` [volume/time] (divide by ``cm3 / s``); zero for closed channels.
    """
    model = check_choice(model, "model", ("vector", "axial", "pseudoscalar"))
    inp = _inputs(inputs)
    mm = check_positive(m_med, "m_med", "mediator mass, energy")
    md = check_positive(m_dm, "m_dm", "dark-matter mass, energy")
    gq = check_nonnegative(g_q, "g_q", "quark coupling")
    gd = check_nonnegative(g_dm, "g_dm", "DM coupling")
    gam = check_nonnegative(width, "width", "mediator width, energy")
    names = (
        QuarkMasses._fields
        if quark is None
        else (check_choice(quark, "quark", QuarkMasses._fields),)
    )
    denom = (mm**2 - 4.0 * md**2) ** 2 + mm**2 * gam**2
    total = np.zeros(np.broadcast_shapes(mm.shape, md.shape, gam.shape))
    for name in names:
        mq = getattr(inp.quark_masses, name)
        beta = np.sqrt(np.maximum(1.0 - (mq / md) ** 2, 0.0))
        if model == "pseudoscalar":
            term = mq**2 * md**2 * beta / inp.v**2
        elif model == "vector":
            term = (2.0 * md**2 + mq**2) * beta
        else:
            term = mq**2 * (4.0 * md**2 - mm**2) ** 2 / mm**4 * beta
        total = total + term
    natural = 3.0 * (gq * gd) ** 2 * total / (2.0 * _PI * denom)
    return as_array(natural * HBARC_SQ * C_LIGHT)


def gq_from_sigmav(
    model: str,
    m_med: ArrayLike,
    m_dm: ArrayLike,
    g_dm: float,
    sigmav_target: ArrayLike,
    *,
    g_l: float = 0.0,
    inputs: str | WidthInputs = "pdg2024",
    g_q_bracket: tuple[float, float] = (1e-6, 4.0 * _PI),
) -> NDArray[np.float64]:
    """Return the smallest g_q whose s-wave ``<σv>`` (:func:`sigmav`) reaches a target.

    Solves sigmav(g_q; Γ_tot(g_q)) = ``sigmav_target`` per point, with the self-consistent
    total width (:func:`total_width`, including Γ_χχ and, for g_ℓ > 0, the leptons in Γ but
    not as annihilation channels). Used for thermal-relic targets: with a Dirac χχ̄ target
    (2× the self-conjugate value, :func:`dirac_sigmav_limit_from_majorana`) the result is the
    coupling at which quark channels alone give the observed relic density in the s-wave,
    instantaneous freeze-out approximation (not valid on the resonance, M ≈ 2m_DM).

    Parameters
    ----------
    model : {"vector", "axial", "pseudoscalar"}
        Mediator type.
    m_med : array_like
        Mediator mass [energy], > 0.
    m_dm : array_like
        DM mass [energy], > 0.
    g_dm : float
        DM coupling (dimensionless), ≥ 0.
    sigmav_target : array_like
        Target ``<σv>`` of Dirac χχ̄ [volume/time], > 0.
    g_l : float, optional
        Lepton coupling (enters the width only).
    inputs : str or WidthInputs, optional
        Width and quark-mass inputs.
    g_q_bracket : tuple of float, optional
        Range searched (dimensionless).

    Returns
    -------
    ndarray
        g_q (dimensionless); NaN where no g_q in the bracket reaches the target (the rate
        saturates because Γ_tot grows with g_q) or the target is not finite and positive.
    """
    mm = check_positive(m_med, "m_med", "mediator mass, energy")
    md = check_positive(m_dm, "m_dm", "dark-matter mass, energy")
    goal = as_array(sigmav_target)
    shape = np.broadcast_shapes(mm.shape, md.shape, goal.shape)
    mm_b, md_b, goal_b = (np.broadcast_to(a, shape).reshape(-1) for a in (mm, md, goal))

    def excess(log_g: NDArray[np.float64], rows: NDArray[np.intp]) -> NDArray[np.float64]:
        extra = (slice(None),) + (None,) * (log_g.ndim - 1)
        m, d, g = mm_b[rows][extra], md_b[rows][extra], np.exp(log_g)
        width = total_width(model, m, d, g, g_dm, g_l, inputs=inputs)
        rate = sigmav(model, m, d, g, g_dm, width, inputs=inputs)
        with np.errstate(divide="ignore"):
            return as_array(np.log(rate / goal_b[rows][extra]))

    lo, hi = (math.log(b) for b in g_q_bracket)
    return lowest_root(excess, lo, hi, goal_b).reshape(shape)


def dirac_sigmav_limit_from_majorana(sigmav_limit: ArrayLike) -> NDArray[np.float64]:
    """Return the ``<σv>`` limit for Dirac DM from a limit derived for self-conjugate DM.

    The annihilation rate per volume is ρ²<σv>/(2m²) for Majorana DM but ρ²<σv>/(4m²) for
    Dirac DM with equal χ and χ̄ densities, so the Dirac χχ̄ limit is **2×** the published
    (Majorana) limit (PHYSICS.md D4).

    Parameters
    ----------
    sigmav_limit : array_like
        Published ``<σv>`` upper limit assuming self-conjugate DM [volume/time], ≥ 0.

    Returns
    -------
    ndarray
        The equivalent limit on the Dirac χχ̄ ``<σv>`` of :func:`sigmav` [volume/time].
    """
    return as_array(2.0 * check_nonnegative(sigmav_limit, "sigmav_limit", "volume/time"))
