r"""Rescaling of LHC limits between couplings and models (the LHC DM WG method).

The central quantity is the *exclusion depth* d = σ_limit/σ_theory at fixed (M, m_DM): a point
is excluded when d < 1. Rescaling keeps the experimental cross-section limit and changes only
the predicted signal, through a signal proxy F (PHYSICS.md §4.4; LHC-DMWG/DMWG-couplingScan-code
``rescaler.py``/``limitparsers.py``; arXiv:1703.05703):

``"dijet-br"``
    F = Γ_qq²/Γ_tot (production ∝ Γ_qq times BR(qq), narrow width). V↔A and S↔PS allowed.
``"dilepton-br"``
    F = Γ_qq Γ_ℓℓ/Γ_tot, spin-1 only. By default Γ_ℓℓ is the charged-lepton width (the
    signal); ``dilepton_final_state="charged+neutrinos"`` reproduces the peer code, which also
    counts the neutrino width there (PHYSICS.md D7).
``"monox-propagator"``
    F = g_q² g_DM² [π/2 + arctan((M² - 4m²)/(MΓ))]/(MΓ), the Breit–Wigner integrated above the
    pair threshold. Only within one model.
``"monox-parton"``
    F = g_q² g_DM² ∫_{4m²}^{s_max} w(s) ds/[(s - M²)² + M²Γ²] with w = β(s + 2m²) (vector) or
    sβ³ (axial), β = √(1 - 4m²/s): the parton-level LO shape of the peer code without PDFs
    (no LHAPDF). V↔A allowed. It is a crude proxy: the hadron-level ratio needs PDFs.

Then d_target = d_source F_source/F_target (:func:`rescale_exclusion_depth`). A 1D coupling
limit g_lim(M) obtained in a "source" scenario defines the excluded signal F_source(g_q = g_lim)
and hence a depth for any target (:func:`exclusion_depth_from_gq_limit`) or the coupling limit
in the target scenario by root finding (:func:`rescale_gq_limit`).

Deliberate differences from the public tools (PHYSICS.md §4.4, §7):

- the excluded source signal is evaluated *at* the limit coupling, F_source(g_lim), rather than
  as g_lim² F_source(1), which is only equal when Γ_tot ∝ g_q² (no open DM or lepton decays);
- target coupling limits are found per mass point by root finding on the exclusion depth
  (vectorised over all points: a coarse scan in ln g_q for the lowest crossing, then
  bisection to ~1e-15) over a wide bracket, not read off a fixed 151-point grid over
  g_q ∈ [0.05, 0.2] (the DM WG dark-photon tool), so there is no hard-coded window and no
  flat-line artefact when the limit leaves it; a point without a root is NaN;
- the width cut ``max_width_ratio`` is applied to each target point with its own Γ_tot/M and
  gives NaN (no limit) above it; outside the published mass range the limit is NaN
  (:func:`interpolate_limit`), not the "never excluded" value 10.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

import numpy as np
from numpy.typing import ArrayLike, NDArray
from scipy import integrate

from dmsummary.exceptions import TranslationDomainError
from dmsummary.physics import simplified
from dmsummary.physics._common import (
    as_array,
    check_choice,
    check_nonnegative,
    check_positive,
    lowest_root,
)
from dmsummary.units import TeV

__all__ = [
    "BENCHMARKS",
    "METHODS",
    "CouplingScenario",
    "exclusion_depth_from_gq_limit",
    "interpolate_limit",
    "rescale_exclusion_depth",
    "rescale_gq_limit",
    "select_limit_by_width",
    "signal_proxy",
]

METHODS: tuple[str, ...] = ("dijet-br", "dilepton-br", "monox-propagator", "monox-parton")
"""Valid rescaling ``method`` names."""

_SPIN1 = ("vector", "axial")
_CONVERSIONS: Mapping[str, tuple[tuple[str, ...], ...]] = MappingProxyType(
    {
        "dijet-br": (_SPIN1, ("scalar", "pseudoscalar")),
        "dilepton-br": (_SPIN1,),
        "monox-propagator": (("vector",), ("axial",)),
        "monox-parton": (_SPIN1,),
    }
)
_FINAL_STATES = ("charged", "charged+neutrinos")


@dataclass(frozen=True)
class CouplingScenario:
    """A simplified-model coupling scenario (benchmark).

    Attributes
    ----------
    model : {"vector", "axial", "scalar", "pseudoscalar"}
        Mediator type.
    g_q : float or None
        Quark coupling; ``None`` when it is the quantity being limited.
    g_dm : float
        DM coupling.
    g_l : float
        Lepton coupling (0 for spin-0 models).
    m_dm_over_m_med : float or None
        If set, the DM mass is tied to the mediator mass, m_DM = ratio × M.
    """

    model: str
    g_q: float | None
    g_dm: float
    g_l: float = 0.0
    m_dm_over_m_med: float | None = None

    def __post_init__(self) -> None:
        check_choice(self.model, "model", simplified.MODELS)
        for name in ("g_q", "g_dm", "g_l", "m_dm_over_m_med"):
            value = getattr(self, name)
            if value is not None:
                check_nonnegative(value, name, "CouplingScenario field")


BENCHMARKS: Mapping[str, CouplingScenario] = MappingProxyType(
    {
        "V1": CouplingScenario("vector", g_q=0.25, g_dm=1.0, g_l=0.0),
        "V2": CouplingScenario("vector", g_q=0.1, g_dm=1.0, g_l=0.01),
        "A1": CouplingScenario("axial", g_q=0.25, g_dm=1.0, g_l=0.0),
        "A2": CouplingScenario("axial", g_q=0.1, g_dm=1.0, g_l=0.1),
        "minimal-dark-photon": CouplingScenario(
            "vector", g_q=None, g_dm=1.0, g_l=0.0, m_dm_over_m_med=1.0 / 3.0
        ),
    }
)
"""LHC DM WG benchmarks (arXiv:1703.05703) and the DM WG dark-photon tool's
``minimal_dark_photon`` (vector, g_DM = 1, g_ℓ = 0, m_DM = m_Z'/3; g_q free)."""


def _check_method(method: str, source: str, target: str) -> str:
    method = check_choice(method, "method", METHODS)
    if not any(source in group and target in group for group in _CONVERSIONS[method]):
        groups = " or ".join("<->".join(g) for g in _CONVERSIONS[method])
        msg = (
            f"method {method!r} cannot rescale a {source!r} limit to a {target!r} model; "
            f"it allows {groups}; choose another method (see rescaling.METHODS)"
        )
        raise TranslationDomainError(msg)
    return method


def signal_proxy(
    method: str,
    model: str,
    m_med: ArrayLike,
    m_dm: ArrayLike,
    g_q: ArrayLike,
    g_dm: ArrayLike,
    g_l: ArrayLike = 0.0,
    *,
    inputs: str | simplified.WidthInputs = "pdg2024",
    dilepton_final_state: str = "charged",
    sqrt_s: float = 13.0 * TeV,
) -> NDArray[np.float64]:
    """Return the signal proxy F of one rescaling method (module docstring).

    Only ratios of F at the same (M, m_DM) and with the same method are meaningful.

    Parameters
    ----------
    method : {"dijet-br", "dilepton-br", "monox-propagator", "monox-parton"}
        Rescaling method.
    model : {"vector", "axial", "scalar", "pseudoscalar"}
        Mediator type.
    m_med : array_like
        Mediator mass [energy], > 0.
    m_dm : array_like
        DM mass [energy], ≥ 0.
    g_q, g_dm, g_l : array_like
        Couplings (dimensionless), ≥ 0.
    inputs : str or WidthInputs, optional
        Width inputs (see :mod:`dmsummary.physics.simplified`).
    dilepton_final_state : {"charged", "charged+neutrinos"}, optional
        Width counted as the dilepton signal (``"charged+neutrinos"`` = peer code).
    sqrt_s : float, optional
        Collider energy for ``"monox-parton"`` [energy]; s_max = sqrt_s².

    Returns
    -------
    ndarray
        F [energy] for the BR methods, [energy⁻²] for the mono-X methods.
    """
    method = check_choice(method, "method", METHODS)
    check_choice(dilepton_final_state, "dilepton_final_state", _FINAL_STATES)
    gamma = simplified.total_width(model, m_med, m_dm, g_q, g_dm, g_l, inputs=inputs)
    mm = as_array(m_med)
    if method == "dijet-br":
        gqq = simplified.width_to_quarks(model, mm, g_q, inputs=inputs)
        return as_array(gqq**2 / gamma)
    if method == "dilepton-br":
        gqq = simplified.width_to_quarks(model, mm, g_q, inputs=inputs)
        gll = simplified.width_to_charged_leptons(model, mm, g_l, inputs=inputs)
        if dilepton_final_state == "charged+neutrinos":
            gll = gll + simplified.width_to_neutrinos(model, mm, g_l, inputs=inputs)
        return as_array(gqq * gll / gamma)
    md = as_array(m_dm)
    coupling = as_array(g_q) ** 2 * as_array(g_dm) ** 2
    mg = mm * gamma
    if method == "monox-propagator":
        return as_array(coupling * (math.pi / 2 + np.arctan((mm**2 - 4 * md**2) / mg)) / mg)
    check_choice(model, "model", _SPIN1)
    shape = np.broadcast_shapes(mm.shape, md.shape, mg.shape)
    integral = np.empty(shape)
    for idx in np.ndindex(shape):
        integral[idx] = _parton_integral(
            model, float(np.broadcast_to(mm, shape)[idx]), float(np.broadcast_to(md, shape)[idx]),
            float(np.broadcast_to(mg, shape)[idx]), sqrt_s**2,
        )  # fmt: skip
    return as_array(coupling * integral)


def _parton_integral(model: str, m: float, mdm: float, mg: float, s_max: float) -> float:
    """∫ w(s) ds/[(s-M²)²+M²Γ²] over [4m², s_max] with s = M² + MΓ tan t (smooth in t)."""
    s_min = 4.0 * mdm**2
    if s_min >= s_max:
        return 0.0

    def integrand(t: float) -> float:
        s = m**2 + mg * math.tan(t)
        b2 = max(1.0 - s_min / s, 0.0)
        w = math.sqrt(b2) * (s + 0.5 * s_min) if model == "vector" else s * b2 * math.sqrt(b2)
        return w / mg

    t0 = math.atan((s_min - m**2) / mg)
    t1 = math.atan((s_max - m**2) / mg)
    value, _ = integrate.quad(integrand, t0, t1, limit=200, epsabs=0.0, epsrel=1e-10)
    return float(value)


def _mdm(scenario: CouplingScenario, m_med: NDArray[np.float64], m_dm: ArrayLike | None,
         name: str) -> NDArray[np.float64]:  # fmt: skip
    if scenario.m_dm_over_m_med is not None:
        if m_dm is not None:
            msg = (
                f"argument {name!r} must be None: the scenario fixes m_DM = "
                f"{scenario.m_dm_over_m_med} x M"
            )
            raise TranslationDomainError(msg)
        return as_array(scenario.m_dm_over_m_med * m_med)
    if m_dm is None:
        msg = f"argument {name!r} (DM mass, energy) is required for this scenario"
        raise TranslationDomainError(msg)
    return check_nonnegative(m_dm, name, "DM mass, energy")


def _gq(scenario: CouplingScenario, role: str) -> float:
    if scenario.g_q is None:
        msg = f"the {role} scenario needs a fixed g_q (got None); pass a CouplingScenario with g_q"
        raise TranslationDomainError(msg)
    return scenario.g_q


def _width_cut(
    values: NDArray[np.float64], scenario: CouplingScenario, m_med: NDArray[np.float64],
    m_dm: NDArray[np.float64], g_q: ArrayLike, inputs: str | simplified.WidthInputs,
    max_width_ratio: float | None,
) -> NDArray[np.float64]:  # fmt: skip
    if max_width_ratio is None:
        return values
    ratio = (
        simplified.total_width(
            scenario.model, m_med, m_dm, g_q, scenario.g_dm, scenario.g_l, inputs=inputs
        )
        / m_med
    )
    return as_array(np.where(ratio > max_width_ratio, np.nan, values))


def rescale_exclusion_depth(
    depth: ArrayLike,
    m_med: ArrayLike,
    m_dm: ArrayLike,
    *,
    source: CouplingScenario,
    target: CouplingScenario,
    method: str,
    inputs: str | simplified.WidthInputs = "pdg2024",
    max_width_ratio: float | None = None,
    dilepton_final_state: str = "charged",
    sqrt_s: float = 13.0 * TeV,
) -> NDArray[np.float64]:
    """Rescale an exclusion-depth map: d_target = d_source F_source/F_target at fixed (M, m_DM).

    Reproduces ``Rescaler.rescale_by_br_quarks``/``_leptons``/``_propagator`` of
    LHC-DMWG/DMWG-couplingScan-code (with ``inputs="dmwg-couplingscan"`` and, for dilepton,
    ``dilepton_final_state="charged+neutrinos"``).

    Parameters
    ----------
    depth : array_like
        Source exclusion depth σ_lim/σ_th (dimensionless), ≥ 0.
    m_med : array_like
        Mediator mass [energy], > 0.
    m_dm : array_like
        DM mass [energy], ≥ 0 (the same point for source and target).
    source, target : CouplingScenario
        Scenarios with fixed couplings (e.g. ``BENCHMARKS["A1"]``), without
        ``m_dm_over_m_med``.
    method : {"dijet-br", "dilepton-br", "monox-propagator", "monox-parton"}
        Signal proxy (module docstring); the allowed model conversions depend on it.
    inputs : str or WidthInputs, optional
        Width inputs; default ``"pdg2024"``.
    max_width_ratio : float, optional
        If given, points whose *target* Γ_tot/M exceeds it are NaN (no valid limit).
    dilepton_final_state : {"charged", "charged+neutrinos"}, optional
        For ``"dilepton-br"``.
    sqrt_s : float, optional
        For ``"monox-parton"`` [energy].

    Returns
    -------
    ndarray
        Target exclusion depth (dimensionless); NaN where the width cut fails.
    """
    method = _check_method(method, source.model, target.model)
    for scen, role in ((source, "source"), (target, "target")):
        if scen.m_dm_over_m_med is not None:
            msg = (
                f"the {role} scenario ties m_DM to M; a depth map is rescaled at fixed "
                "(M, m_DM), so pass a scenario without m_dm_over_m_med"
            )
            raise TranslationDomainError(msg)
    d = check_nonnegative(depth, "depth", "exclusion depth")
    mm = check_positive(m_med, "m_med", "mediator mass, energy")
    md = check_nonnegative(m_dm, "m_dm", "DM mass, energy")
    f_src, f_tgt = (
        signal_proxy(method, scen.model, mm, md, _gq(scen, role), scen.g_dm, scen.g_l,
                     inputs=inputs, dilepton_final_state=dilepton_final_state, sqrt_s=sqrt_s)
        for scen, role in ((source, "source"), (target, "target"))
    )  # fmt: skip
    with np.errstate(divide="ignore", invalid="ignore"):
        out = as_array(d * f_src / f_tgt)
    return _width_cut(out, target, mm, md, _gq(target, "target"), inputs, max_width_ratio)


def interpolate_limit(
    m_med: ArrayLike, m_points: ArrayLike, limit_points: ArrayLike
) -> NDArray[np.float64]:
    """Linearly interpolate a 1D limit curve in M; NaN outside the published mass range.

    The DM WG code returns 10 ("never excluded") outside the range; NaN says "no limit".

    Parameters
    ----------
    m_med : array_like
        Mediator masses to evaluate at [energy].
    m_points : array_like
        Published masses [energy], increasing.
    limit_points : array_like
        Published limits (any unit), same length as ``m_points``.

    Returns
    -------
    ndarray
        Interpolated limit, in the unit of ``limit_points``.
    """
    xp = as_array(m_points)
    if xp.ndim != 1 or np.any(np.diff(xp) <= 0):
        msg = "argument 'm_points' must be a 1D, strictly increasing array of masses"
        raise TranslationDomainError(msg)
    return as_array(np.interp(as_array(m_med), xp, as_array(limit_points), left=np.nan,
                              right=np.nan))  # fmt: skip


def select_limit_by_width(
    width_ratio: ArrayLike, widths: ArrayLike, limits: ArrayLike
) -> NDArray[np.float64]:
    """Pick the limit for each point's Γ/M from limits given for several widths.

    Linear interpolation in Γ/M; below the smallest width the smallest-width limit is used;
    above the largest width there is no limit (NaN) (PHYSICS.md §4.4; ``pick_appropriate_limit``
    of the DM WG code).

    Parameters
    ----------
    width_ratio : array_like
        Γ_tot/M of each point (dimensionless), shape (N,) or scalar.
    widths : array_like
        Γ/M values of the published curves, shape (K,), increasing.
    limits : array_like
        Limits, shape (K, N) (or (K,) for a single point), already evaluated at each point's M.

    Returns
    -------
    ndarray
        The selected limit, shape of ``width_ratio``.
    """
    w = as_array(width_ratio)
    ws = as_array(widths)
    lim = as_array(limits)
    if ws.ndim != 1 or np.any(np.diff(ws) <= 0) or lim.shape[0] != ws.size:
        msg = "argument 'widths' must be 1D increasing and match the first axis of 'limits'"
        raise TranslationDomainError(msg)
    lim2 = lim.reshape(ws.size, -1)
    flat = np.broadcast_to(w.reshape(-1), (lim2.shape[1],)) if w.size == 1 else w.reshape(-1)
    cols = np.arange(flat.size) if lim2.shape[1] == flat.size else np.zeros(flat.size, int)
    clipped = np.clip(flat, ws[0], ws[-1])
    hi = np.clip(np.searchsorted(ws, clipped), 1, max(ws.size - 1, 1))
    lo = hi - 1
    if ws.size == 1:
        out = lim2[0, cols].astype(np.float64)
    else:
        frac = (clipped - ws[lo]) / (ws[hi] - ws[lo])
        out = lim2[lo, cols] * (1 - frac) + lim2[hi, cols] * frac
    out = np.where(flat > ws[-1], np.nan, out)
    return as_array(out.reshape(w.shape))


def exclusion_depth_from_gq_limit(
    m_med: ArrayLike,
    gq_limit: ArrayLike,
    *,
    source: CouplingScenario,
    target: CouplingScenario,
    m_dm_source: ArrayLike | None = None,
    m_dm_target: ArrayLike | None = None,
    method: str = "dijet-br",
    inputs: str | simplified.WidthInputs = "pdg2024",
    max_width_ratio: float | None = 0.1,
    dilepton_final_state: str = "charged",
) -> NDArray[np.float64]:
    """Return the exclusion depth of a target scenario from a 1D g_q limit.

    d = F_source(g_lim)/F_target, by default with the dijet proxy F = Γ_qq²/Γ_tot
    (``CouplingLimit_Dijet`` of the DM WG code, which uses g_lim² F_source(1); identical when
    the source has no open DM or lepton decays, e.g. g_DM = 0 or m_DM = 10 TeV).

    Parameters
    ----------
    m_med : array_like
        Mediator mass [energy], > 0.
    gq_limit : array_like
        g_q upper limit at ``m_med`` in the source scenario (NaN = no limit), ≥ 0.
    source : CouplingScenario
        The scenario of the published plot (its ``g_q`` is ignored).
    target : CouplingScenario
        Scenario with fixed g_q (e.g. ``BENCHMARKS["A1"]``).
    m_dm_source, m_dm_target : array_like, optional
        DM masses [energy]; omit when the scenario sets ``m_dm_over_m_med``.
    method : {"dijet-br", "dilepton-br", "monox-propagator", "monox-parton"}, optional
        Signal proxy; default dijet.
    inputs : str or WidthInputs, optional
        Width inputs.
    max_width_ratio : float or None, optional
        Target points with Γ_tot/M above this are NaN; default 0.1, the DM WG validity of a
        single dijet limit curve. ``None`` disables the cut.
    dilepton_final_state : {"charged", "charged+neutrinos"}, optional
        For ``"dilepton-br"``.

    Returns
    -------
    ndarray
        Exclusion depth (dimensionless).
    """
    method = _check_method(method, source.model, target.model)
    mm = check_positive(m_med, "m_med", "mediator mass, energy")
    glim = check_nonnegative(gq_limit, "gq_limit", "coupling limit")
    md_s = _mdm(source, mm, m_dm_source, "m_dm_source")
    md_t = _mdm(target, mm, m_dm_target, "m_dm_target")
    g_t = _gq(target, "target")
    f_src = signal_proxy(method, source.model, mm, md_s, glim, source.g_dm, source.g_l,
                         inputs=inputs, dilepton_final_state=dilepton_final_state)  # fmt: skip
    f_tgt = signal_proxy(method, target.model, mm, md_t, g_t, target.g_dm, target.g_l,
                         inputs=inputs, dilepton_final_state=dilepton_final_state)  # fmt: skip
    with np.errstate(divide="ignore", invalid="ignore"):
        out = as_array(f_src / f_tgt)
    return _width_cut(out, target, mm, md_t, g_t, inputs, max_width_ratio)


def rescale_gq_limit(
    m_med: ArrayLike,
    gq_limit: ArrayLike,
    *,
    source: CouplingScenario,
    target: CouplingScenario,
    m_dm_source: ArrayLike | None = None,
    m_dm_target: ArrayLike | None = None,
    method: str = "dijet-br",
    inputs: str | simplified.WidthInputs = "pdg2024",
    max_width_ratio: float | None = 0.1,
    dilepton_final_state: str = "charged",
    g_q_bracket: tuple[float, float] = (1e-6, 4.0 * math.pi),
) -> NDArray[np.float64]:
    """Translate a g_q limit from a source to a target scenario by root finding per mass point.

    Solves F_target(g_q) = F_source(g_lim), i.e. target exclusion depth 1, in ln g_q over
    ``g_q_bracket`` for all points at once: a 65-point scan finds the *lowest* g_q where the
    target is excluded (the lower edge of the excluded band, also when F_target is not
    monotonic in g_q), then bisection refines it to ~1e-15 relative. For the dijet method with g_ℓ = 0 the solution has the closed form
    g_q² = g_lim² (a_X/a_Y)[1 + √(1 + 4Γ_χχ/(g_lim² a_X))]/2, a = Γ_qq(g_q = 1)
    (PHYSICS.md §4.4); the DM WG dark-photon tool reads it off a 151-point grid over
    [0.05, 0.2] instead.

    Parameters
    ----------
    m_med : array_like
        Mediator mass [energy], > 0.
    gq_limit : array_like
        Source g_q limit at ``m_med`` (NaN = no limit), ≥ 0.
    source : CouplingScenario
        Scenario of the published limit (``g_q`` ignored), e.g. axial with g_DM = 1,
        m_DM = 10 TeV for the ATLAS TLA dijet search.
    target : CouplingScenario
        Target scenario (``g_q`` ignored), e.g. ``BENCHMARKS["minimal-dark-photon"]``.
    m_dm_source, m_dm_target : array_like, optional
        DM masses [energy]; omit when the scenario sets ``m_dm_over_m_med``.
    method : {"dijet-br", "dilepton-br", "monox-propagator", "monox-parton"}, optional
        Signal proxy; default dijet.
    inputs : str or WidthInputs, optional
        Width inputs.
    max_width_ratio : float or None, optional
        NaN where the target's Γ_tot/M at the solved g_q exceeds it; default 0.1.
    dilepton_final_state : {"charged", "charged+neutrinos"}, optional
        For ``"dilepton-br"``.
    g_q_bracket : tuple of float, optional
        Search interval for the target g_q (dimensionless).

    Returns
    -------
    ndarray
        Target g_q limit (dimensionless); NaN without a root in the bracket, without a source
        limit, or above the width cut.
    """
    method = _check_method(method, source.model, target.model)
    mm = check_positive(m_med, "m_med", "mediator mass, energy")
    glim = check_nonnegative(gq_limit, "gq_limit", "coupling limit")
    md_s = _mdm(source, mm, m_dm_source, "m_dm_source")
    md_t = _mdm(target, mm, m_dm_target, "m_dm_target")
    lo, hi = g_q_bracket
    if not 0 < lo < hi or not math.isfinite(hi):
        msg = f"argument 'g_q_bracket' must be 0 < low < high < inf, got {g_q_bracket!r}"
        raise TranslationDomainError(msg)
    f_src = signal_proxy(method, source.model, mm, md_s, glim, source.g_dm, source.g_l,
                         inputs=inputs, dilepton_final_state=dilepton_final_state)  # fmt: skip
    shape = np.broadcast_shapes(mm.shape, f_src.shape, md_t.shape)
    mm_b, f_b, md_b = (np.broadcast_to(a, shape).reshape(-1) for a in (mm, f_src, md_t))

    def excess(log_g: NDArray[np.float64], rows: NDArray[np.intp]) -> NDArray[np.float64]:
        """ln(F_target(g_q)/F_goal) for each row's point; log_g has rows on its first axis."""
        extra = (slice(None),) + (None,) * (log_g.ndim - 1)
        f = signal_proxy(method, target.model, mm_b[rows][extra], md_b[rows][extra],
                         np.exp(log_g), target.g_dm, target.g_l, inputs=inputs,
                         dilepton_final_state=dilepton_final_state)  # fmt: skip
        with np.errstate(divide="ignore", invalid="ignore"):
            return as_array(np.log(f / f_b[rows][extra]))

    out = lowest_root(excess, math.log(lo), math.log(hi), f_b)
    return _width_cut(out.reshape(shape), target, mm, md_t, out.reshape(shape), inputs,
                      max_width_ratio)  # fmt: skip


def __dir__() -> list[str]:
    return __all__
