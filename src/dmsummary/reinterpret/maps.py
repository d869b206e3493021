r"""Exclusion-depth maps in (m_med, m_DM) and their d = 1 contours (contourpy).

A :class:`DepthMap` holds d = σ_limit/σ_theory on a rectangular (m_med, m_DM) grid for one
benchmark; d < 1 is excluded, NaN means "no limit here" (outside the published mass range,
above the width cut, outside a published grid's hull) and is masked, never contoured
through. Three sources, one per DM WG method (arXiv:1703.05703; PHYSICS.md §4.4):

- **dijet** (:func:`depth_map_from_gq_limit`): a 1D g_q limit gives
  d = F_source(g_lim)/F_target with F = Γ_qq²/Γ_tot, at each (M, m_DM);
- **dilepton** (:func:`depth_map_from_xsec_limits`): σ×B limits published for several Γ/M
  and a theory curve for one benchmark give σ_th,target = σ_th,plot F_target/F_plot with
  F = Γ_qq Γ_ℓℓ/Γ_tot, and the limit at the target's own Γ/M (linear in Γ/M; NaN above the
  widest published width);
- **mono-X** (:func:`depth_map_from_mu_grid`, then :func:`rescale_depth_map` with
  ``"monox-propagator"``): a published signal-strength grid μ(M, m_DM) *is* a depth map; it
  is interpolated linearly onto the grid and rescaled by the propagator ratio.

:func:`exclusion_contours` extracts the d = 1 lines with contourpy (a catalogue-style
:class:`DerivedCurve` on plane ``mmed-mdm``, one segment per line).
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

import numpy as np

from dmsummary.exceptions import TranslationDomainError
from dmsummary.physics import rescaling, simplified
from dmsummary.reinterpret.benchmarks import benchmark_dict, source_model, target_benchmark
from dmsummary.reinterpret.results import Derivation, DerivedCurve

if TYPE_CHECKING:
    from dmsummary.catalogue import Catalogue, Curve, Entry
    from dmsummary.physics.rescaling import CouplingScenario
    from dmsummary.reinterpret.benchmarks import SourceModel
    from dmsummary.reinterpret.results import FloatArray

__all__ = [
    "DepthMap",
    "depth_map_from_gq_limit",
    "depth_map_from_mu_grid",
    "depth_map_from_xsec_limits",
    "exclusion_contours",
    "rescale_depth_map",
]


@dataclass(frozen=True, slots=True)
class DepthMap:
    """An exclusion-depth map d(m_med, m_DM) for one benchmark.

    Attributes
    ----------
    id, label : str
        Identifier and short label.
    status : str
        Status of the source (observed | expected | ...).
    cl : float or None
        Confidence level of the source.
    m_med : ndarray
        Mediator masses [energy], shape (nx,), increasing.
    m_dm : ndarray
        DM masses [energy], shape (ny,), increasing.
    depth : ndarray
        d = σ_limit/σ_theory, shape (ny, nx); NaN where there is no limit.
    scenario : CouplingScenario
        The benchmark the depth refers to (fixed g_q).
    derivation : Derivation
        Provenance.
    """

    id: str
    label: str
    status: str
    cl: float | None
    m_med: FloatArray
    m_dm: FloatArray
    depth: FloatArray
    scenario: CouplingScenario
    derivation: Derivation

    def __post_init__(self) -> None:
        nx, ny = self.m_med.size, self.m_dm.size
        if self.depth.shape != (ny, nx):
            msg = f"depth map {self.id!r}: depth has shape {self.depth.shape}, expected {(ny, nx)}"
            raise TranslationDomainError(msg)
        for name in ("m_med", "m_dm"):
            axis = getattr(self, name)
            if axis.ndim != 1 or axis.size < 2 or np.any(np.diff(axis) <= 0):
                msg = f"depth map {self.id!r}: {name} must be 1D, increasing, >= 2 points"
                raise TranslationDomainError(msg)
        for array in (self.m_med, self.m_dm, self.depth):
            array.setflags(write=False)

    def to_dict(self) -> dict[str, Any]:
        """Return the map as JSON-ready data in GeV; NaN depths (no limit) become ``None``."""
        from dmsummary.units import GeV

        return {
            "id": self.id,
            "label": self.label,
            "status": self.status,
            "cl": self.cl,
            "m_med_GeV": (self.m_med / GeV).tolist(),
            "m_dm_GeV": (self.m_dm / GeV).tolist(),
            "depth": [[None if np.isnan(v) else float(v) for v in row] for row in self.depth],
            "derivation": self.derivation.to_dict(),
        }


def _entry_map(
    entry: Entry,
    ident: str,
    axes: tuple[FloatArray, FloatArray],
    depth: FloatArray,
    scenario: CouplingScenario,
    derivation: Derivation,
) -> DepthMap:
    """Build a map labelled after the catalogue entry it comes from."""
    return DepthMap(ident, entry.label, entry.status, entry.cl, axes[0], axes[1], depth,
                    scenario, derivation)  # fmt: skip


def _check_target(target: str | CouplingScenario) -> CouplingScenario:
    tgt = target_benchmark(target)
    if tgt.g_q is None or tgt.m_dm_over_m_med is not None:
        msg = (
            f"a depth map needs a benchmark with a fixed g_q and a free m_DM (e.g. A1, V2), "
            f"got {benchmark_dict(tgt)}"
        )
        raise TranslationDomainError(msg)
    return tgt


def _grid(values: FloatArray, name: str) -> FloatArray:
    out = np.asarray(values, dtype=float)
    if out.ndim != 1 or out.size < 2 or np.any(np.diff(out) <= 0) or np.any(out <= 0):
        msg = f"argument {name!r} must be a 1D increasing grid of >= 2 positive masses (energy)"
        raise TranslationDomainError(msg)
    return out


def depth_map_from_gq_limit(
    entry_id: str,
    target: str | CouplingScenario,
    m_med: FloatArray,
    m_dm: FloatArray,
    *,
    catalogue: Catalogue | None = None,
    source: SourceModel | None = None,
    width_inputs: str = "pdg2024",
    max_width_ratio: float | None = 0.1,
) -> DepthMap:
    """Return the dijet depth map of a target benchmark from a 1D g_q limit.

    Parameters
    ----------
    entry_id : str
        Catalogue id of a g_q limit (plane ``gq-mzprime``).
    target : str or CouplingScenario
        Benchmark with fixed g_q and free m_DM (A1, A2, V1, V2 or custom).
    m_med, m_dm : ndarray
        Grid axes [energy], increasing.
    catalogue : Catalogue, optional
        Default: the built-in catalogue.
    source : SourceModel, optional
        Model of the source limit (default: the entry's model-parameter file).
    width_inputs : {"pdg2024", "dmwg-couplingscan"}, optional
        Width inputs.
    max_width_ratio : float or None, optional
        NaN where the target's Γ/M exceeds it (default 0.1).

    Returns
    -------
    DepthMap
        d(M, m_DM); NaN outside the published mass range and above the width cut.
    """
    from dmsummary.catalogue import load_catalogue
    from dmsummary.reinterpret.chain import _gq_entry, _interpolate_segments

    cat = catalogue if catalogue is not None else load_catalogue()
    entry = _gq_entry(cat, entry_id)
    tgt = _check_target(target)
    mx, my = _grid(m_med, "m_med"), _grid(m_dm, "m_dm")
    src = source if source is not None else source_model(
        entry, mirror=cat.mirror, cache=cat.cache, offline=cat.offline
    )  # fmt: skip
    glim = _interpolate_segments(cat.curve(entry.id), mx)
    mm, md = np.meshgrid(mx, my)
    depth = rescaling.exclusion_depth_from_gq_limit(
        mm, np.broadcast_to(glim, mm.shape), source=src.scenario, m_dm_source=src.m_dm,
        target=tgt, m_dm_target=md, inputs=width_inputs, max_width_ratio=max_width_ratio,
    )  # fmt: skip
    return _entry_map(
        entry,
        f"{entry.id}@{benchmark_dict(tgt).get('preset', 'custom')}-depth",
        (mx, my),
        depth,
        tgt,
        Derivation(
            sources=(entry.id,),
            method="dijet-br depth map",
            source_benchmark={**benchmark_dict(src.scenario, src.m_dm), "from": src.origin},
            target_benchmark=benchmark_dict(tgt),
            conventions={"width_inputs": width_inputs},
            parameters={"max_width_ratio": max_width_ratio},
            description="d = F_source(g_lim(M))/F_target(M, m_DM), F = Gamma_qq^2/Gamma_tot",
        ),
    )


def _mu_grid_aux(entry: Entry) -> Mapping[str, Any]:
    auxiliary: tuple[Mapping[str, Any], ...] = entry.spec["data"].get("auxiliary", ())
    for aux in auxiliary:
        role = str(aux.get("role", ""))
        if "signal-strength grid" in role and not role.startswith("related"):
            return aux
    msg = (
        f"{entry.where}: data.auxiliary has no signal-strength grid (a file whose role names "
        "a 'signal-strength grid'); choose a contour entry that carries its mu grid"
    )
    raise TranslationDomainError(msg)


def depth_map_from_mu_grid(
    entry_id: str,
    scenario: str | CouplingScenario,
    m_med: FloatArray,
    m_dm: FloatArray,
    *,
    catalogue: Catalogue | None = None,
) -> DepthMap:
    """Return the depth map of a published signal-strength grid μ(m_DM, M).

    The grid is the HEPData table attached to a ``mmed-mdm`` contour entry
    (``data.auxiliary``, sha256-verified; columns m_χ, m_med, μ). It is interpolated linearly
    in (ln M, ln m_DM) over its triangulation onto the requested grid; outside the published
    points' hull the depth is NaN (masked, never extrapolated).

    Parameters
    ----------
    entry_id : str
        Catalogue id of the contour entry, e.g. ``"atlas-2017-monophoton-mmed-mdm-a1"``.
    scenario : str or CouplingScenario
        The benchmark of the published grid (e.g. ``"A1"``).
    m_med, m_dm : ndarray
        Grid axes [energy], increasing.
    catalogue : Catalogue, optional
        Default: the built-in catalogue.

    Returns
    -------
    DepthMap
        d = μ on the grid.
    """
    from scipy.interpolate import LinearNDInterpolator

    from dmsummary.catalogue import load_catalogue
    from dmsummary.catalogue.fetch import resolve
    from dmsummary.units import GeV

    cat = catalogue if catalogue is not None else load_catalogue()
    entry = cat.get(entry_id)
    if entry.plane.name != "mmed-mdm":
        msg = f"{entry.where}: plane {entry.plane.name!r}; a mu grid belongs to a 'mmed-mdm' entry"
        raise TranslationDomainError(msg)
    tgt = _check_target(scenario)
    aux = _mu_grid_aux(entry)
    where = f"{entry.where}: data.auxiliary {aux['file']}"
    raw, _ = resolve(aux["file"], aux["sha256"], aux["url"], where=where, mirror=cat.mirror,
                     cache=cat.cache, offline=cat.offline)  # fmt: skip
    try:
        table = json.loads(raw.decode("utf-8"))
        points = np.array(
            [[float(v["x"][1]["value"]), float(v["x"][0]["value"]), float(v["y"][0]["value"])]
             for v in table["values"]]
        )  # fmt: skip
    except (KeyError, IndexError, ValueError, TypeError) as err:
        msg = f"{where}: not a HEPData (m_chi, m_med, mu) table ({err})"
        raise TranslationDomainError(msg) from err
    mx, my = _grid(m_med, "m_med"), _grid(m_dm, "m_dm")
    interp = LinearNDInterpolator(np.log(points[:, :2] * GeV), points[:, 2])
    mm, md = np.meshgrid(mx, my)
    depth = np.asarray(interp(np.log(mm), np.log(md)), dtype=float)
    return _entry_map(
        entry,
        f"{entry.id}-mu-grid",
        (mx, my),
        depth,
        tgt,
        Derivation(
            sources=(entry.id,),
            method="published signal-strength grid",
            source_benchmark=benchmark_dict(tgt),
            target_benchmark=benchmark_dict(tgt),
            parameters={"grid_file": aux["file"], "interpolation": "linear in (ln M, ln m_DM)"},
            description="d = mu(M, m_DM) of the published grid; NaN outside its hull",
        ),
    )


def rescale_depth_map(
    depth_map: DepthMap,
    target: str | CouplingScenario,
    *,
    method: str,
    width_inputs: str = "pdg2024",
    max_width_ratio: float | None = None,
) -> DepthMap:
    """Rescale a depth map to another benchmark: d_target = d F_source/F_target per point.

    Parameters
    ----------
    depth_map : DepthMap
        The source map (its ``scenario`` has the source couplings).
    target : str or CouplingScenario
        Target benchmark with fixed g_q.
    method : {"dijet-br", "dilepton-br", "monox-propagator", "monox-parton"}
        Signal proxy; ``"monox-propagator"`` stays within one model (A→A, V→V).
    width_inputs : {"pdg2024", "dmwg-couplingscan"}, optional
        Width inputs.
    max_width_ratio : float or None, optional
        NaN where the target's Γ/M exceeds it (default: no cut, as for mono-X).

    Returns
    -------
    DepthMap
        The rescaled map (same grid).
    """
    tgt = _check_target(target)
    mm, md = np.meshgrid(depth_map.m_med, depth_map.m_dm)
    with np.errstate(invalid="ignore"):
        depth = rescaling.rescale_exclusion_depth(
            np.where(np.isnan(depth_map.depth), 0.0, depth_map.depth), mm, md,
            source=depth_map.scenario, target=tgt, method=method, inputs=width_inputs,
            max_width_ratio=max_width_ratio,
        )  # fmt: skip
    depth = np.where(np.isnan(depth_map.depth), np.nan, depth)
    name = benchmark_dict(tgt).get("preset", "custom")
    return dataclasses.replace(
        depth_map,
        id=f"{depth_map.id}@{name}",
        depth=depth,
        scenario=tgt,
        derivation=dataclasses.replace(
            depth_map.derivation,
            method=f"{depth_map.derivation.method} + {method} rescaling",
            target_benchmark=benchmark_dict(tgt),
            conventions={**depth_map.derivation.conventions, "width_inputs": width_inputs},
            parameters={**depth_map.derivation.parameters, "max_width_ratio": max_width_ratio},
            description=(
                f"{depth_map.derivation.description}; then d_target = d F_source/F_target "
                f"({method}, PHYSICS.md 4.4)"
            ),
        ),
    )


def _loglog(curve: Curve, x: FloatArray) -> FloatArray:
    out = np.full(x.shape, np.nan)
    for xs, ys in curve.segments:
        order = np.argsort(xs)
        inside = np.isnan(out) & (x >= xs.min()) & (x <= xs.max())
        out[inside] = np.exp(np.interp(np.log(x[inside]), np.log(xs[order]), np.log(ys[order])))
    return out


def depth_map_from_xsec_limits(
    limits: Mapping[float, str],
    theory: str,
    theory_scenario: str | CouplingScenario,
    theory_m_dm: float,
    target: str | CouplingScenario,
    m_med: FloatArray,
    m_dm: FloatArray,
    *,
    catalogue: Catalogue | None = None,
    width_inputs: str = "pdg2024",
    dilepton_final_state: str = "charged",
) -> DepthMap:
    """Return the dilepton depth map of a target from σ×B limits at several widths.

    σ_th,target(M, m_DM) = σ_th,plot(M) F_target/F_plot (F = Γ_qq Γ_ℓℓ/Γ_tot, the theory
    curve's benchmark at ``theory_m_dm``); the limit is taken at the target point's own Γ/M
    (:func:`dmsummary.physics.rescaling.select_limit_by_width`: linear in Γ/M, the narrowest
    curve below the smallest width, NaN above the widest); d = σ_lim/σ_th,target. Curves are
    interpolated log-log in M, NaN outside their mass range.

    Parameters
    ----------
    limits : Mapping[float, str]
        Γ/M (dimensionless) → catalogue id of the σ×B limit (plane ``xsec-mzprime``).
    theory : str
        Catalogue id of the theory σ×B curve (plane ``xsec-mzprime``).
    theory_scenario : str or CouplingScenario
        Benchmark of the theory curve (e.g. ``"V2"``).
    theory_m_dm : float
        DM mass of the theory curve [energy].
    target : str or CouplingScenario
        Target benchmark with fixed g_q and g_ℓ > 0.
    m_med, m_dm : ndarray
        Grid axes [energy], increasing.
    catalogue : Catalogue, optional
        Default: the built-in catalogue.
    width_inputs : {"pdg2024", "dmwg-couplingscan"}, optional
        Width inputs.
    dilepton_final_state : {"charged", "charged+neutrinos"}, optional
        Width counted as the signal (``"charged+neutrinos"`` = the DM WG code).

    Returns
    -------
    DepthMap
        d(M, m_DM).
    """
    from dmsummary.catalogue import load_catalogue

    cat = catalogue if catalogue is not None else load_catalogue()
    entries = [cat.get(i) for i in (*limits.values(), theory)]
    for entry in entries:
        if entry.plane.name != "xsec-mzprime":
            msg = f"{entry.where}: plane {entry.plane.name!r}; dilepton maps need 'xsec-mzprime'"
            raise TranslationDomainError(msg)
    tgt = _check_target(target)
    plot = _check_target(theory_scenario)
    if tgt.g_l <= 0:
        msg = f"a dilepton depth map needs a target with g_l > 0, got {benchmark_dict(tgt)}"
        raise TranslationDomainError(msg)
    widths = np.array(sorted(limits))
    mx, my = _grid(m_med, "m_med"), _grid(m_dm, "m_dm")
    mm, md = np.meshgrid(mx, my)
    g_plot, g_tgt = float(plot.g_q or 0.0), float(tgt.g_q or 0.0)  # fixed by _check_target
    f_plot = rescaling.signal_proxy(
        "dilepton-br", plot.model, mx, theory_m_dm, g_plot, plot.g_dm, plot.g_l,
        inputs=width_inputs, dilepton_final_state=dilepton_final_state,
    )  # fmt: skip
    f_tgt = rescaling.signal_proxy(
        "dilepton-br", tgt.model, mm, md, g_tgt, tgt.g_dm, tgt.g_l,
        inputs=width_inputs, dilepton_final_state=dilepton_final_state,
    )  # fmt: skip
    sigma_th = _loglog(cat.curve(theory), mx) * f_tgt / f_plot
    per_width = np.array([_loglog(cat.curve(limits[w]), mx) for w in widths])  # (K, nx)
    ratio = simplified.total_width(
        tgt.model, mm, md, g_tgt, tgt.g_dm, tgt.g_l, inputs=width_inputs
    ) / mm  # fmt: skip
    limit = np.empty(mm.shape)
    for row in range(my.size):
        limit[row] = rescaling.select_limit_by_width(ratio[row], widths, per_width)
    with np.errstate(divide="ignore", invalid="ignore"):
        depth = limit / sigma_th
    return _entry_map(
        entries[0],
        f"{theory}@{benchmark_dict(tgt).get('preset', 'custom')}-dilepton-depth",
        (mx, my),
        np.where(np.isfinite(depth), depth, np.nan),
        tgt,
        Derivation(
            sources=tuple(e.id for e in entries),
            method="dilepton-br depth map",
            source_benchmark={**benchmark_dict(plot), "m_dm": f"{theory_m_dm:g} (internal)"},
            target_benchmark=benchmark_dict(tgt),
            conventions={
                "width_inputs": width_inputs,
                "dilepton_final_state": dilepton_final_state,
            },
            parameters={"widths": widths.tolist()},
            description=(
                "d = sigma_lim(M; Gamma/M of the target)/[sigma_th,plot(M) F_target/F_plot], "
                "F = Gamma_qq Gamma_ll/Gamma_tot"
            ),
        ),
    )


def exclusion_contours(depth_map: DepthMap, level: float = 1.0) -> DerivedCurve:
    """Return the d = ``level`` contour lines of a depth map (contourpy), plane ``mmed-mdm``.

    NaN cells are masked: a line ends where the limit ends, it is never drawn across a gap.
    Lines are computed in (ln M, ln m_DM), so they are straight between grid points on the
    usual log-log plane.

    Parameters
    ----------
    depth_map : DepthMap
        The map.
    level : float, optional
        The depth to contour (default 1: the exclusion boundary), > 0.

    Returns
    -------
    DerivedCurve
        One segment per contour line, in internal units (``kind`` contour on ``mmed-mdm``).

    Raises
    ------
    TranslationDomainError
        If ``level`` is not positive, or the map has no finite depth at all.
    """
    import contourpy

    if not level > 0:
        msg = f"argument 'level' must be > 0, got {level!r}"
        raise TranslationDomainError(msg)
    finite = np.isfinite(depth_map.depth)
    if not finite.any():
        msg = f"depth map {depth_map.id!r} has no finite depth: nothing to contour"
        raise TranslationDomainError(msg)
    z = np.ma.masked_array(
        np.log(np.clip(np.where(finite, depth_map.depth, 1.0), 1e-300, None)), mask=~finite
    )
    gen = contourpy.contour_generator(
        np.log(depth_map.m_med), np.log(depth_map.m_dm), z,
        line_type=contourpy.LineType.Separate, corner_mask=True,
    )  # fmt: skip
    lines = cast("list[FloatArray]", gen.lines(float(np.log(level))))
    segments = tuple((np.exp(line[:, 0]), np.exp(line[:, 1])) for line in lines if len(line) >= 2)
    return DerivedCurve(
        id=f"{depth_map.id}-contour",
        label=depth_map.label,
        plane="mmed-mdm",
        status=depth_map.status,
        cl=depth_map.cl,
        segments=segments,
        derivation=dataclasses.replace(
            depth_map.derivation,
            method=f"{depth_map.derivation.method} + d = {level:g} contour (contourpy)",
            parameters={
                **depth_map.derivation.parameters,
                "level": level,
                "grid": [depth_map.m_med.size, depth_map.m_dm.size],
            },
        ),
        notes=("NaN cells (no limit) are masked; lines end there",),
    )


def __dir__() -> list[str]:
    return __all__
