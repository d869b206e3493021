r"""The DM WG reinterpretation chain: rescale a g_q limit, then translate it to a dark photon.

1. :func:`rescale_limit`: a published g_q(M) limit (catalogue plane ``gq-mzprime``), obtained
   in a *source* model (read from the entry's model-parameter file, or given), is translated
   to a *target* benchmark by solving, **per mass point**, for the g_q at which the target's
   exclusion depth d = F_source(g_lim)/F_target(g_q) equals 1
   (:func:`dmsummary.physics.rescaling.rescale_gq_limit`; F is the method's signal proxy).
2. :func:`dark_photon_limits`: the rescaled vector g_q limit becomes the kinetic mixing
   ε(m_Z') (:func:`dmsummary.physics.dark_photon.epsilon_from_gq`, an explicit convention) and
   the yield y = ε² α_D (m_DM/m_Z')⁴, shown against m_Z' and against m_DM.

Masses without a solution are reported in :attr:`DerivedCurve.unsolved` with the reason and
split the curve into disconnected segments; nothing is clipped to a scan window.
"""

from __future__ import annotations

import dataclasses
import math
from typing import TYPE_CHECKING, NamedTuple

import numpy as np

from dmsummary.exceptions import TranslationDomainError
from dmsummary.physics import dark_photon, rescaling, simplified
from dmsummary.reinterpret.benchmarks import (
    SourceModel,
    benchmark_dict,
    source_model,
    target_benchmark,
)
from dmsummary.reinterpret.results import Derivation, DerivedCurve, Unsolved

if TYPE_CHECKING:
    from dmsummary.catalogue import Catalogue, Curve, Entry
    from dmsummary.physics.rescaling import CouplingScenario
    from dmsummary.reinterpret.results import FloatArray

__all__ = [
    "DEFAULT_G_Q_RANGE",
    "WIDTH_INPUTS",
    "DarkPhotonLimits",
    "RescaledPoints",
    "dark_photon_limits",
    "dark_photon_values",
    "relic_target_values",
    "rescale_limit",
    "rescale_points",
]

DEFAULT_G_Q_RANGE: tuple[float, float] = (1e-6, 4.0 * math.pi)
"""Physical range searched for the target g_q: up to the perturbativity bound 4π."""

WIDTH_INPUTS: tuple[str, ...] = ("pdg2024", "dmwg-couplingscan")
"""Width-input presets (:data:`dmsummary.physics.simplified.WIDTH_INPUTS`) by name."""


class RescaledPoints(NamedTuple):
    """Target g_q limits at given masses, with the reason wherever there is none.

    Attributes
    ----------
    m_med : ndarray
        Mediator masses [energy].
    g_q : ndarray
        Target g_q limit (dimensionless), NaN where there is no solution.
    reasons : tuple of str
        Empty string where solved, else why not.
    """

    m_med: FloatArray
    g_q: FloatArray
    reasons: tuple[str, ...]


def rescale_points(
    m_med: FloatArray,
    gq_limit: FloatArray,
    *,
    source: SourceModel,
    target: CouplingScenario,
    m_dm_target: float | None = None,
    method: str = "dijet-br",
    width_inputs: str = "pdg2024",
    max_width_ratio: float | None = 0.1,
    g_q_range: tuple[float, float] = DEFAULT_G_Q_RANGE,
    dilepton_final_state: str = "charged",
) -> RescaledPoints:
    """Rescale g_q limits at the given masses and say why wherever no solution exists.

    Parameters
    ----------
    m_med : ndarray
        Mediator masses [energy], > 0.
    gq_limit : ndarray
        Source g_q limits (NaN = none).
    source : SourceModel
        Model of the source limit.
    target : CouplingScenario
        Target benchmark (its ``g_q`` is ignored: it is solved for).
    m_dm_target : float, optional
        Fixed target DM mass [energy] when the target does not tie m_DM to M.
    method : {"dijet-br", "dilepton-br", "monox-propagator", "monox-parton"}, optional
        Signal proxy (:mod:`dmsummary.physics.rescaling`).
    width_inputs : {"pdg2024", "dmwg-couplingscan"}, optional
        Width inputs; ``"dmwg-couplingscan"`` reproduces the public tools.
    max_width_ratio : float or None, optional
        Target Γ_tot/M above which a solution is rejected (default 0.1, the validity of a
        narrow-resonance limit); None disables the cut.
    g_q_range : (float, float), optional
        Physical range of the target g_q (default 1e-6 to 4π).
    dilepton_final_state : {"charged", "charged+neutrinos"}, optional
        For ``"dilepton-br"``.

    Returns
    -------
    RescaledPoints
        Limits and reasons.
    """
    target = dataclasses.replace(target, g_q=None)
    common = {
        "source": source.scenario,
        "m_dm_source": source.m_dm,
        "target": target,
        "m_dm_target": m_dm_target,
        "method": method,
        "inputs": width_inputs,
        "dilepton_final_state": dilepton_final_state,
    }
    g = rescaling.rescale_gq_limit(m_med, gq_limit, max_width_ratio=None, g_q_bracket=g_q_range,
                                   **common)  # type: ignore[arg-type]  # fmt: skip
    reasons = [""] * g.size
    missing = np.flatnonzero(~np.isfinite(g))
    if missing.size:
        no_source = ~np.isfinite(gq_limit[missing])
        top = dataclasses.replace(target, g_q=g_q_range[1])
        with np.errstate(invalid="ignore"):
            depth_top = rescaling.exclusion_depth_from_gq_limit(
                m_med[missing], np.where(no_source, 0.0, gq_limit[missing]),
                max_width_ratio=None, **{**common, "target": top},  # type: ignore[arg-type]
            )  # fmt: skip
        for i, nos, d in zip(missing, no_source, depth_top, strict=True):
            if nos:
                reasons[i] = "no source limit at this mass"
            elif d > 1.0:
                reasons[i] = f"not excluded for any g_q <= {g_q_range[1]:.3g} (physical range)"
            else:
                reasons[i] = f"excluded already at g_q = {g_q_range[0]:.3g} (below the range)"
    if max_width_ratio is not None:
        m_dm = target.m_dm_over_m_med * m_med if m_dm_target is None else m_dm_target  # type: ignore[operator]
        solved = np.isfinite(g)
        ratio = np.full(g.shape, np.nan)
        ratio[solved] = simplified.total_width(
            target.model, m_med[solved], np.broadcast_to(m_dm, g.shape)[solved], g[solved],
            target.g_dm, target.g_l, inputs=width_inputs,
        ) / m_med[solved]  # fmt: skip
        for i in np.flatnonzero(solved & (ratio > max_width_ratio)):
            reasons[i] = f"Gamma/M = {ratio[i]:.3g} > {max_width_ratio:g} at the solution"
            g[i] = np.nan
    return RescaledPoints(m_med, g, tuple(reasons))


def _gq_entry(catalogue: Catalogue, entry_id: str) -> Entry:
    entry = catalogue.get(entry_id)
    if entry.plane.name != "gq-mzprime":
        msg = (
            f"{entry.where}: entry {entry.id!r} is on plane {entry.plane.name!r}, but a coupling "
            "rescaling needs a g_q limit (plane 'gq-mzprime'); see "
            "`dmsummary catalogue list --plane gq-mzprime`"
        )
        raise TranslationDomainError(msg)
    return entry


def _segments(
    xs: FloatArray, ys: FloatArray, bounds: list[tuple[int, int]]
) -> tuple[tuple[FloatArray, FloatArray], ...]:
    """Split each source segment [start, stop) at non-finite y; keep every finite run."""
    out: list[tuple[FloatArray, FloatArray]] = []
    for start, stop in bounds:
        ok = np.isfinite(ys[start:stop])
        run: list[int] = []
        for j, good in enumerate([*ok.tolist(), False]):
            if good:
                run.append(start + j)
            elif run:
                out.append((xs[run].copy(), ys[run].copy()))
                run = []
    return tuple(out)


def rescale_limit(
    entry_id: str,
    target: str | CouplingScenario = "minimal-dark-photon",
    *,
    catalogue: Catalogue | None = None,
    method: str = "dijet-br",
    width_inputs: str = "pdg2024",
    max_width_ratio: float | None = 0.1,
    g_q_range: tuple[float, float] = DEFAULT_G_Q_RANGE,
    source: SourceModel | None = None,
    m_dm_target: float | None = None,
    dilepton_final_state: str = "charged",
) -> DerivedCurve:
    """Rescale a catalogue g_q limit to a target benchmark, per mass point by root finding.

    Parameters
    ----------
    entry_id : str
        Catalogue id of a g_q limit (plane ``gq-mzprime``), e.g. ``"atlas-2025-tla-j50-gq"``.
    target : str or CouplingScenario, optional
        Preset name (A1, A2, V1, V2, ``minimal-dark-photon``; default) or a scenario from
        :func:`~dmsummary.reinterpret.custom_benchmark`.
    catalogue : Catalogue, optional
        Default: the built-in catalogue.
    method, width_inputs, max_width_ratio, g_q_range, dilepton_final_state
        See :func:`rescale_points`.
    source : SourceModel, optional
        Model of the source limit; default: read from the entry's model-parameter file.
    m_dm_target : float, optional
        Fixed target DM mass [energy], required when the target does not tie m_DM to M
        (the A/V presets).

    Returns
    -------
    DerivedCurve
        On plane ``gq-mzprime``; the masses without a solution are in ``unsolved``.

    Raises
    ------
    TranslationDomainError
        Entry on another plane, unknown preset, invalid couplings, a conversion the method
        does not allow, or a missing target DM mass.
    """
    from dmsummary.catalogue import load_catalogue
    from dmsummary.physics._common import check_choice
    from dmsummary.units import GeV

    cat = catalogue if catalogue is not None else load_catalogue()
    entry = _gq_entry(cat, entry_id)
    width_inputs = check_choice(width_inputs, "width_inputs", WIDTH_INPUTS)
    tgt = target_benchmark(target)
    if tgt.m_dm_over_m_med is None and m_dm_target is None:
        msg = (
            f"target benchmark {benchmark_dict(tgt)} does not fix the DM mass; pass "
            "m_dm_target (energy; CLI --mdm GeV) or a benchmark with m_dm_over_m_med"
        )
        raise TranslationDomainError(msg)
    src = source if source is not None else source_model(
        entry, mirror=cat.mirror, cache=cat.cache, offline=cat.offline
    )  # fmt: skip
    curve = cat.curve(entry.id)
    bounds, start = [], 0
    for x, _ in curve.segments:
        bounds.append((start, start + x.size))
        start += x.size
    m = np.concatenate([x for x, _ in curve.segments])
    glim = np.concatenate([y for _, y in curve.segments])
    points = rescale_points(
        m, glim, source=src, target=tgt, m_dm_target=m_dm_target, method=method,
        width_inputs=width_inputs, max_width_ratio=max_width_ratio, g_q_range=g_q_range,
        dilepton_final_state=dilepton_final_state,
    )  # fmt: skip
    notes = []
    if tgt.m_dm_over_m_med is not None and tgt.m_dm_over_m_med >= 0.5:
        notes.append("m_DM >= m_med/2: the invisible channel is closed at every mass")
    elif m_dm_target is not None and np.any(m < 2 * m_dm_target):
        notes.append(
            f"m_DM = {m_dm_target / GeV:g} GeV >= m_med/2 below m_med = {2 * m_dm_target / GeV:g}"
            " GeV: the invisible channel is closed there"
        )
    name = benchmark_dict(tgt).get("preset", "custom")
    derivation = Derivation(
        sources=(entry.id,),
        method=f"{method} rescaling",
        source_benchmark={**benchmark_dict(src.scenario, src.m_dm), "from": src.origin},
        target_benchmark={**benchmark_dict(dataclasses.replace(tgt, g_q=None), m_dm_target)},
        conventions={"width_inputs": width_inputs}
        | ({"dilepton_final_state": dilepton_final_state} if method == "dilepton-br" else {}),
        parameters={"max_width_ratio": max_width_ratio, "g_q_range": list(g_q_range)},
        description=(
            "per mass point, the target g_q with exclusion depth F_source(g_lim)/F_target(g_q) "
            "= 1 (lowest crossing in g_q_range; arXiv:1703.05703, PHYSICS.md 4.4)"
        ),
    )
    return DerivedCurve(
        id=f"{entry.id}@{name}",
        label=f"{entry.label} → {name}",
        plane="gq-mzprime",
        status=entry.status,
        cl=entry.cl,
        segments=_segments(m, points.g_q, bounds),
        derivation=derivation,
        unsolved=tuple(
            Unsolved(float(mi), r) for mi, r in zip(m, points.reasons, strict=True) if r
        ),
        notes=tuple(notes),
    )


class DarkPhotonLimits(NamedTuple):
    """The dark-photon curves of one source limit (all :class:`DerivedCurve`).

    Attributes
    ----------
    g_q : DerivedCurve
        The rescaled vector g_q limit (plane ``gq-mzprime``).
    epsilon : DerivedCurve
        ε vs m_Z' (plane ``epsilon-mzprime``).
    epsilon_mdm : DerivedCurve
        ε vs m_DM (plane ``epsilon-mdm``).
    y : DerivedCurve
        y vs m_Z' (plane ``y-mzprime``).
    y_mdm : DerivedCurve
        y vs m_DM (plane ``y-mdm``).
    """

    g_q: DerivedCurve
    epsilon: DerivedCurve
    epsilon_mdm: DerivedCurve
    y: DerivedCurve
    y_mdm: DerivedCurve


def dark_photon_limits(
    entry_id: str,
    target: str | CouplingScenario = "minimal-dark-photon",
    *,
    convention: str,
    catalogue: Catalogue | None = None,
    pole_window: float = 0.1,
    **rescale_options: object,
) -> DarkPhotonLimits:
    """Rescale a g_q limit to a vector benchmark and translate it to ε and y.

    Parameters
    ----------
    entry_id : str
        Catalogue id of the source g_q limit (plane ``gq-mzprime``).
    target : str or CouplingScenario, optional
        A *vector* benchmark that ties m_DM to m_Z' (default ``minimal-dark-photon``: g_DM = 1,
        g_ℓ = 0, m_DM = m_Z'/3) and has g_DM > 0 (α_D = g_DM²/4π).
    convention : {"dmwg-2405.13778", "first-order-mixing"}
        The g_q → ε convention (required; see :mod:`dmsummary.physics.dark_photon`).
    catalogue : Catalogue, optional
        Default: the built-in catalogue.
    pole_window : float, optional
        |m_Z'/m_Z - 1| below which ε is not defined (reported as unsolved); default 0.1.
    **rescale_options
        Passed to :func:`rescale_limit` (``method``, ``width_inputs``, ``max_width_ratio``,
        ``g_q_range``, ``source``).

    Returns
    -------
    DarkPhotonLimits
        g_q, ε(m_Z'), ε(m_DM), y(m_Z'), y(m_DM).

    Raises
    ------
    TranslationDomainError
        A non-vector target, a target without m_DM/m_Z', an unknown convention, and every
        error of :func:`rescale_limit`.
    """
    from dmsummary.physics._common import check_choice

    convention = check_choice(convention, "convention", dark_photon.CONVENTIONS)
    tgt = target_benchmark(target)
    if tgt.model != "vector" or tgt.m_dm_over_m_med is None:
        msg = (
            f"a dark-photon translation needs a vector target that ties m_DM to m_Z' "
            f"(e.g. 'minimal-dark-photon'), got {benchmark_dict(tgt)}"
        )
        raise TranslationDomainError(msg)
    gq = rescale_limit(entry_id, tgt, catalogue=catalogue, **rescale_options)  # type: ignore[arg-type]
    ratio = tgt.m_dm_over_m_med
    alpha_d = float(dark_photon.alpha_dark(tgt.g_dm))
    m = gq.x
    eps = dark_photon.epsilon_from_gq(m, gq.y, convention=convention, pole_window=pole_window)
    y = dark_photon.yield_parameter(eps, ratio * m, m, alpha_d=alpha_d)
    bounds, start = [], 0
    for x, _ in gq.segments:
        bounds.append((start, start + x.size))
        start += x.size
    pole = tuple(
        Unsolved(float(mi), f"|m_Z'/m_Z - 1| < {pole_window:g}: first-order mixing invalid")
        for mi, e in zip(m, eps, strict=True)
        if not np.isfinite(e)
    )
    unsolved = tuple(sorted(gq.unsolved + pole, key=lambda u: u.m_med))
    notes = (*gq.notes, f"alpha_D = g_DM^2/(4 pi) = {alpha_d:.4g}")
    eps_segments = _segments(m, eps, bounds)
    y_segments = _segments(m, y, bounds)

    def derived(suffix: str, plane: str, segments: tuple[tuple[FloatArray, FloatArray], ...],
                what: str) -> DerivedCurve:  # fmt: skip
        return DerivedCurve(
            id=f"{gq.id}-{suffix}",
            label=gq.label,
            plane=plane,
            status=gq.status,
            cl=gq.cl,
            segments=segments,
            derivation=dataclasses.replace(
                gq.derivation,
                method=f"{gq.derivation.method} + dark photon ({what})",
                conventions={**gq.derivation.conventions, "epsilon": convention},
                parameters={
                    **gq.derivation.parameters,
                    "pole_window": pole_window,
                    "alpha_d": alpha_d,
                },
                description=(
                    f"{gq.derivation.description}; then eps = g_q / (g_q/eps)(m_Z') "
                    f"[{convention}], y = eps^2 alpha_D (m_DM/m_Z')^4 with m_DM = "
                    f"{benchmark_dict(tgt)['m_dm']}"
                ),
            ),
            unsolved=unsolved,
            notes=notes,
        )

    return DarkPhotonLimits(
        g_q=gq,
        epsilon=derived("epsilon", "epsilon-mzprime", eps_segments, "epsilon vs m_Z'"),
        epsilon_mdm=derived(
            "epsilon-mdm",
            "epsilon-mdm",
            tuple((ratio * x, e) for x, e in eps_segments),
            "epsilon vs m_DM",
        ),
        y=derived("y", "y-mzprime", y_segments, "y vs m_Z'"),
        y_mdm=derived("y-mdm", "y-mdm", tuple((ratio * x, v) for x, v in y_segments), "y vs m_DM"),
    )


def _interpolate_segments(curve: Curve, m: FloatArray) -> FloatArray:
    """Return a curve's y at ``m``, linear in M within each segment; NaN outside them."""
    out = np.full(m.shape, np.nan)
    for xs, ys in curve.segments:
        order = np.argsort(xs)
        if xs.size == 1:
            inside = np.isnan(out) & (m == xs[0])
            out[inside] = ys[0]
            continue
        value = rescaling.interpolate_limit(m, xs[order], ys[order])
        out = np.where(np.isnan(out), value, out)
    return out


def dark_photon_values(
    limit: Curve,
    m_zp: FloatArray,
    target: str | CouplingScenario = "minimal-dark-photon",
    *,
    quantity: str,
    convention: str,
    width_inputs: str = "pdg2024",
    max_width_ratio: float | None = 0.1,
    pole_window: float = 0.1,
    source: SourceModel | None = None,
) -> FloatArray:
    """Return ε or y of a g_q limit curve at given Z' masses (the kernel of the recipe layers).

    The same chain as :func:`dark_photon_limits` (dijet rescaling per mass point, then the
    g_q → ε convention), evaluated at arbitrary masses: the source limit is interpolated
    linearly in M within each of its segments (NaN outside), so at the published masses the
    result is exactly that of :func:`dark_photon_limits`.

    Parameters
    ----------
    limit : Curve
        Source g_q limit (plane ``gq-mzprime``); its entry gives the source model unless
        ``source`` is given.
    m_zp : ndarray
        Z' masses [energy], > 0.
    target : str or CouplingScenario, optional
        Vector benchmark tying m_DM to m_Z' (default ``minimal-dark-photon``).
    quantity : {"epsilon", "y"}
        What to return.
    convention : {"dmwg-2405.13778", "first-order-mixing"}
        g_q → ε convention.
    width_inputs, max_width_ratio, pole_window, source
        As in :func:`dark_photon_limits`.

    Returns
    -------
    ndarray
        ε or y (dimensionless); NaN where there is no solution.
    """
    from dmsummary.physics._common import check_choice

    quantity = check_choice(quantity, "quantity", ("epsilon", "y"))
    convention = check_choice(convention, "convention", dark_photon.CONVENTIONS)
    tgt = target_benchmark(target)
    if tgt.model != "vector" or tgt.m_dm_over_m_med is None:
        msg = f"a dark-photon translation needs a vector target tied to m_Z', got {tgt}"
        raise TranslationDomainError(msg)
    if limit.entry.plane.name != "gq-mzprime":
        msg = f"{limit.entry.where}: plane {limit.entry.plane.name!r} is not 'gq-mzprime'"
        raise TranslationDomainError(msg)
    src = source if source is not None else source_model(limit.entry)
    m = np.asarray(m_zp, dtype=float)
    points = rescale_points(
        m, _interpolate_segments(limit, m), source=src, target=tgt,
        width_inputs=check_choice(width_inputs, "width_inputs", WIDTH_INPUTS),
        max_width_ratio=max_width_ratio,
    )  # fmt: skip
    eps = dark_photon.epsilon_from_gq(m, points.g_q, convention=convention,
                                      pole_window=pole_window)  # fmt: skip
    if quantity == "epsilon":
        return eps
    alpha_d = dark_photon.alpha_dark(tgt.g_dm)
    return dark_photon.yield_parameter(eps, tgt.m_dm_over_m_med * m, m, alpha_d=alpha_d)


def relic_target_values(
    sigmav: Curve,
    m_zp: FloatArray,
    target: str | CouplingScenario = "minimal-dark-photon",
    *,
    quantity: str,
    convention: str,
    width_inputs: str = "pdg2024",
    pole_window: float = 0.1,
) -> FloatArray:
    """Return g_q, ε or y at which the benchmark gives the observed relic density.

    The thermal target ``<σv>`` (a catalogue curve on plane ``sigmav-total``, published for
    self-conjugate DM) is doubled for Dirac χχ̄ (PHYSICS.md D4), interpolated log-log at
    m_DM = r m_Z', and matched by the s-wave χχ̄ → qq̄ rate of the benchmark
    (:func:`dmsummary.physics.simplified.gq_from_sigmav`, self-consistent width). The g_q
    found is then translated like a limit. Quark channels only (the benchmark has g_ℓ = 0),
    instantaneous freeze-out, no thermal averaging across the resonance: a target, not a
    precision relic calculation.

    Parameters
    ----------
    sigmav : Curve
        Thermal-relic ``<σv>`` vs m_DM (plane ``sigmav-total``), e.g.
        ``steigman-2012-thermal-relic-sigmav``.
    m_zp : ndarray
        Z' masses [energy], > 0.
    target : str or CouplingScenario, optional
        Vector benchmark tying m_DM to m_Z' (default ``minimal-dark-photon``).
    quantity : {"g_q", "epsilon", "y"}
        What to return.
    convention : {"dmwg-2405.13778", "first-order-mixing"}
        g_q → ε convention (unused for ``"g_q"``).
    width_inputs : {"pdg2024", "dmwg-couplingscan"}, optional
        Width and quark-mass inputs.
    pole_window : float, optional
        As in :func:`dark_photon_limits`.

    Returns
    -------
    ndarray
        The target (dimensionless); NaN outside the ``<σv>`` curve's mass range or where no
        coupling reaches it.
    """
    from dmsummary.physics._common import check_choice

    quantity = check_choice(quantity, "quantity", ("g_q", "epsilon", "y"))
    convention = check_choice(convention, "convention", dark_photon.CONVENTIONS)
    tgt = target_benchmark(target)
    if tgt.m_dm_over_m_med is None or (quantity != "g_q" and tgt.model != "vector"):
        msg = (
            "a relic target along m_Z' needs a benchmark with m_DM tied to m_Z' (and, for "
            f"epsilon or y, a vector mediator), got {benchmark_dict(tgt)}"
        )
        raise TranslationDomainError(msg)
    if sigmav.entry.plane.name != "sigmav-total":
        msg = f"{sigmav.entry.where}: plane {sigmav.entry.plane.name!r} is not 'sigmav-total'"
        raise TranslationDomainError(msg)
    m = np.asarray(m_zp, dtype=float)
    m_dm = tgt.m_dm_over_m_med * m
    majorana = np.full(m.shape, np.nan)
    for xs, ys in sigmav.segments:
        order = np.argsort(xs)
        inside = np.isnan(majorana) & (m_dm >= xs.min()) & (m_dm <= xs.max())
        majorana[inside] = np.exp(
            np.interp(np.log(m_dm[inside]), np.log(xs[order]), np.log(ys[order]))
        )
    dirac = simplified.dirac_sigmav_limit_from_majorana(majorana)  # NaN passes through
    g = simplified.gq_from_sigmav(
        tgt.model, m, m_dm, tgt.g_dm, dirac, g_l=tgt.g_l,
        inputs=check_choice(width_inputs, "width_inputs", WIDTH_INPUTS),
    )  # fmt: skip
    if quantity == "g_q":
        return g
    eps = dark_photon.epsilon_from_gq(m, g, convention=convention, pole_window=pole_window)
    if quantity == "epsilon":
        return eps
    alpha_d = dark_photon.alpha_dark(tgt.g_dm)
    return dark_photon.yield_parameter(eps, m_dm, m, alpha_d=alpha_d)


def __dir__() -> list[str]:
    return __all__
