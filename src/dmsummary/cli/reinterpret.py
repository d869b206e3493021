"""``dmsummary reinterpret``: DM WG coupling rescaling and dark-photon limits (thin skin).

Every command calls :mod:`dmsummary.reinterpret`; results print as a table or, with
``--json`` / ``-o FILE``, as JSON with full provenance (the file is written atomically).
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

if TYPE_CHECKING:
    from dmsummary.physics.rescaling import CouplingScenario
    from dmsummary.reinterpret import DerivedCurve, SourceModel

__all__ = ["reinterpret"]

_METHODS = ("dijet-br", "dilepton-br", "monox-propagator", "monox-parton")
_CONVENTIONS = ("dmwg-2405.13778", "first-order-mixing")
_WIDTH_INPUTS = ("pdg2024", "dmwg-couplingscan")
_MODELS = ("vector", "axial", "scalar", "pseudoscalar")
F = TypeVar("F", bound=Callable[..., Any])


@click.group()
def reinterpret() -> None:
    """Rescale published Z' coupling limits to other benchmarks; dark-photon limits.

    Benchmarks: A1, A2, V1, V2 (arXiv:1703.05703) and minimal-dark-photon (vector, g_DM = 1,
    g_l = 0, m_DM = m_Z'/3); override any coupling with --model/--gdm/--gl/--mdm-ratio.
    """


def _options(func: F) -> F:
    """Attach the target, method and source options shared by the chain commands."""
    decorators = [
        click.option("--target", default="minimal-dark-photon", show_default=True,
                     help="Target benchmark preset (A1, A2, V1, V2, minimal-dark-photon)."),
        click.option("--model", type=click.Choice(_MODELS),
                     help="Override the target's mediator type."),
        click.option("--gdm", type=float, help="Override the target's g_DM (> 0)."),
        click.option("--gl", type=float, help="Override the target's g_l (>= 0)."),
        click.option("--mdm-ratio", type=float, help="Target m_DM / m_med (> 0)."),
        click.option("--mdm", type=float, metavar="GEV",
                     help="Fixed target m_DM [GeV] (for A1/A2/V1/V2)."),
        click.option("--method", type=click.Choice(_METHODS), default="dijet-br",
                     show_default=True, help="Signal proxy of the rescaling."),
        click.option("--width-inputs", type=click.Choice(_WIDTH_INPUTS), default="pdg2024",
                     show_default=True,
                     help="Width inputs (dmwg-couplingscan reproduces the public tools)."),
        click.option("--max-width-ratio", type=float, default=0.1, show_default=True,
                     help="Reject solutions with Gamma/M above this (0 disables the cut)."),
        click.option("--source-model", type=click.Choice(_MODELS),
                     help="Source model, for entries without a model-parameter file."),
        click.option("--source-gdm", type=float, default=1.0, show_default=True,
                     help="Source g_DM (with --source-model; 0 = quarks only)."),
        click.option("--source-gl", type=float, default=0.0, show_default=True,
                     help="Source g_l (with --source-model)."),
        click.option("--source-mdm", type=float, metavar="GEV", default=10000.0,
                     show_default=True, help="Source m_DM [GeV] (with --source-model)."),
        click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table."),
        click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
                     help="Write JSON (with provenance) to this file, atomically."),
    ]  # fmt: skip
    return _decorate(func, decorators)


def _decorate(func: F, decorators: Sequence[Callable[[Any], Any]]) -> F:
    """Apply click option decorators in the order they are listed (first = top)."""
    for decorate in reversed(decorators):
        func = decorate(func)
    return func


def _target(opts: dict[str, Any]) -> CouplingScenario:
    from dmsummary.reinterpret import custom_benchmark, target_benchmark

    base = target_benchmark(opts["target"])
    overrides = {k: opts[k] for k in ("model", "gdm", "gl", "mdm_ratio") if opts[k] is not None}
    if not overrides:
        return base
    return custom_benchmark(
        overrides.get("model", base.model),
        g_q=None,
        g_dm=overrides.get("gdm", base.g_dm),
        g_l=overrides.get("gl", base.g_l),
        m_dm_over_m_med=overrides.get("mdm_ratio", base.m_dm_over_m_med),
    )


def _source(opts: dict[str, Any]) -> SourceModel | None:
    from dmsummary.physics.rescaling import CouplingScenario
    from dmsummary.reinterpret import SourceModel
    from dmsummary.units import GeV

    if opts["source_model"] is None:
        return None
    scenario = CouplingScenario(opts["source_model"], None, opts["source_gdm"], opts["source_gl"])
    return SourceModel(scenario, opts["source_mdm"] * GeV, origin="command-line options")


def _rescale_options(opts: dict[str, Any]) -> dict[str, Any]:
    from dmsummary.units import GeV

    ratio = opts["max_width_ratio"]
    if not math.isfinite(ratio) or ratio < 0:
        msg = f"must be a number >= 0 (0 disables the cut), got {ratio}"
        raise click.BadParameter(msg, param_hint="--max-width-ratio")
    return {
        "method": opts["method"],
        "width_inputs": opts["width_inputs"],
        "max_width_ratio": ratio or None,
        "source": _source(opts),
        "m_dm_target": None if opts["mdm"] is None else opts["mdm"] * GeV,
    }


def _catalogue() -> Any:
    from dmsummary.catalogue import load_catalogue
    from dmsummary.cli.catalogue import catalogue_dirs

    return load_catalogue(catalogue_dirs())


def _check_output(output: Path | None) -> None:
    if output is not None and not output.parent.is_dir():
        msg = f"directory {output.parent} does not exist"
        raise click.BadParameter(msg, param_hint="--output")


def _emit(curves: Sequence[DerivedCurve], *, as_json: bool, output: Path | None) -> None:
    from dmsummary.reinterpret import write_json

    if output is not None:
        write_json(output, curves)
        click.echo(f"{len(curves)} curve(s) written to {output}")
        return
    if as_json:
        doc = {"curves": [c.to_dict() for c in curves]}
        click.echo(json.dumps(doc, indent=1, sort_keys=True, ensure_ascii=False))
        return
    for curve in curves:
        click.echo(_table(curve))


def _table(curve: DerivedCurve) -> str:
    data = curve.to_dict()
    lines = [click.style(f"{curve.id}  [{curve.plane}, {curve.status}]", bold=True)]
    x_name = f"{data['x']['quantity']} [{data['x']['unit']}]"
    lines.append(f"  {x_name:>24}  {data['y']['quantity']}")
    if curve.plane == "mmed-mdm":  # contour lines: keep each line's order, one after another
        for k, seg in enumerate(data["segments"]):
            lines.append(f"  line {k + 1} ({len(seg['x'])} points)")
            lines += [f"  {x:>24.6g}  {y:.6g}" for x, y in zip(seg["x"], seg["y"], strict=True)]
    else:
        rows = [
            (x, f"{y:.6g}")
            for seg in data["segments"]
            for x, y in zip(seg["x"], seg["y"], strict=True)
        ]
        lines += [f"  {x:>24.6g}  {text}" for x, text in sorted(rows, key=lambda r: r[0])]
        lines += [
            f"  no value at m_med = {u['m_med']:g} GeV: {u['reason']}" for u in data["unsolved"]
        ]
    derivation = data["derivation"]
    lines.append(f"  method: {derivation['method']}; conventions: {derivation['conventions']}")
    lines.append(f"  source: {derivation['source_benchmark']}")
    lines.append(f"  target: {derivation['target_benchmark']}")
    lines += [f"  note: {note}" for note in data["notes"]]
    return "\n".join(lines)


@reinterpret.command()
def benchmarks() -> None:
    """List the benchmark presets."""
    from dmsummary.physics.rescaling import BENCHMARKS
    from dmsummary.reinterpret import benchmark_dict

    for name, scenario in BENCHMARKS.items():
        spec = benchmark_dict(scenario)
        g_q = "solved" if spec["g_q"] is None else f"{spec['g_q']:g}"
        m_dm = spec.get("m_dm", "free (pass --mdm)")
        click.echo(
            f"{name:<20} {spec['model']:<7} g_q={g_q:<7} g_DM={spec['g_dm']:g} "
            f"g_l={spec['g_l']:g} m_DM={m_dm}"
        )


@reinterpret.command()
@click.argument("sources", nargs=-1, required=True, metavar="SOURCE...")
@_options
def rescale(sources: tuple[str, ...], **opts: Any) -> None:
    """Rescale g_q limits (catalogue ids, plane gq-mzprime) to a target benchmark.

    Solved per mass point by root finding on the exclusion depth; masses without a
    solution are listed with the reason.
    """
    from dmsummary.reinterpret import rescale_limit

    target = _target(opts)
    kw = _rescale_options(opts)
    _check_output(opts["output"])
    cat = _catalogue()
    curves = [rescale_limit(s, target, catalogue=cat, **kw) for s in sources]
    _emit(curves, as_json=opts["as_json"], output=opts["output"])


@reinterpret.command("dark-photon")
@click.argument("sources", nargs=-1, required=True, metavar="SOURCE...")
@click.option("--convention", type=click.Choice(_CONVENTIONS), required=True,
              help="g_q -> epsilon convention (see docs/physics.md).")  # fmt: skip
@click.option("--pole-window", type=float, default=0.1, show_default=True,
              help="No epsilon where |m_Z'/m_Z - 1| is below this.")  # fmt: skip
@click.option("--only", type=click.Choice(["gq", "epsilon", "epsilon-mdm", "y", "y-mdm"]),
              multiple=True, help="Output only these curves (repeatable; default all).")  # fmt: skip
@_options
def dark_photon(
    sources: tuple[str, ...], convention: str, pole_window: float, only: tuple[str, ...],
    **opts: Any,
) -> None:  # fmt: skip
    """Rescale g_q limits to a vector benchmark and translate them to epsilon and y."""
    from dmsummary.reinterpret import dark_photon_limits

    target = _target(opts)
    kw = _rescale_options(opts)
    _check_output(opts["output"])
    cat = _catalogue()
    names = {"gq": "g_q", "epsilon": "epsilon", "epsilon-mdm": "epsilon_mdm", "y": "y",
             "y-mdm": "y_mdm"}  # fmt: skip
    wanted = [names[o] for o in (only or names)]
    curves = []
    for s in sources:
        limits = dark_photon_limits(s, target, convention=convention, catalogue=cat,
                                    pole_window=pole_window, **kw)  # fmt: skip
        curves += [getattr(limits, w) for w in wanted]
    _emit(curves, as_json=opts["as_json"], output=opts["output"])


def _mass_grid(value: str, option: str) -> Any:
    """Parse ``LO:HI:N`` (GeV, log-spaced) into an internal-unit grid."""
    import numpy as np

    from dmsummary.units import GeV

    try:
        lo, hi, n = value.split(":")
        low, high, count = float(lo), float(hi), int(n)
    except ValueError:
        msg = f"expected LO:HI:N in GeV (e.g. 10:1500:100), got {value!r}"
        raise click.BadParameter(msg, param_hint=option) from None
    if not (0 < low < high and math.isfinite(high) and 2 <= count <= 2000):
        msg = f"need 0 < LO < HI and 2 <= N <= 2000, got {value!r}"
        raise click.BadParameter(msg, param_hint=option)
    return np.geomspace(low, high, count) * GeV


def _grid_options(func: F) -> F:
    decorators = [
        click.option("--mmed", "mmed", default="100:3000:120", show_default=True,
                     help="Mediator-mass grid LO:HI:N [GeV], log-spaced."),
        click.option("--mdm", "mdm", default="1:1500:100", show_default=True,
                     help="DM-mass grid LO:HI:N [GeV], log-spaced."),
        click.option("--level", type=float, default=1.0, show_default=True,
                     help="Depth to contour (1 = the exclusion boundary)."),
        click.option("--width-inputs", type=click.Choice(_WIDTH_INPUTS), default="pdg2024",
                     show_default=True, help="Width inputs."),
        click.option("--with-map", is_flag=True,
                     help="Also output the depth map (NaN = no limit, written as null)."),
        click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table."),
        click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
                     help="Write JSON (with provenance) to this file, atomically."),
    ]  # fmt: skip
    return _decorate(func, decorators)


def _emit_map(depth_map: Any, opts: dict[str, Any]) -> None:
    from dmsummary.reinterpret import exclusion_contours, write_json

    curve = exclusion_contours(depth_map, level=opts["level"])
    if opts["output"] is None and not opts["as_json"]:
        click.echo(_table(curve))
        return
    doc: dict[str, Any] = {"curves": [curve.to_dict()]}
    if opts["with_map"]:
        doc["depth_map"] = depth_map.to_dict()
    if opts["output"] is not None:
        write_json(opts["output"], doc)
        click.echo(f"{len(curve.segments)} contour line(s) written to {opts['output']}")
    else:
        click.echo(json.dumps(doc, indent=1, sort_keys=True, ensure_ascii=False))


@reinterpret.group()
def contour() -> None:
    """Exclusion-depth maps in (m_med, m_DM) and their d = 1 contours (contourpy)."""


@contour.command("dijet")
@click.argument("source", metavar="SOURCE")
@click.option("--target", required=True, help="Benchmark with fixed g_q (A1, A2, V1, V2).")
@click.option("--gq", type=float, help="Override the target's g_q (> 0).")
@click.option("--max-width-ratio", type=float, default=0.1, show_default=True,
              help="No limit where the target's Gamma/M is above this (0: no cut).")  # fmt: skip
@_grid_options
def contour_dijet(source: str, target: str, gq: float | None, max_width_ratio: float,
                  **opts: Any) -> None:  # fmt: skip
    """Dijet (BR method) depth map of a target from a g_q limit (catalogue id)."""
    from dmsummary.reinterpret import custom_benchmark, depth_map_from_gq_limit, target_benchmark

    tgt = target_benchmark(target)
    if gq is not None:
        tgt = custom_benchmark(tgt.model, g_q=gq, g_dm=tgt.g_dm, g_l=tgt.g_l)
    mx, my = _mass_grid(opts["mmed"], "--mmed"), _mass_grid(opts["mdm"], "--mdm")
    _check_output(opts["output"])
    dmap = depth_map_from_gq_limit(
        source, tgt, mx, my, catalogue=_catalogue(), width_inputs=opts["width_inputs"],
        max_width_ratio=max_width_ratio or None,
    )  # fmt: skip
    _emit_map(dmap, opts)


@contour.command("monox")
@click.argument("source", metavar="SOURCE")
@click.option("--source-benchmark", required=True, help="Benchmark of the published grid.")
@click.option("--target", help="Rescale to this benchmark (propagator method, same model).")
@_grid_options
def contour_monox(source: str, source_benchmark: str, target: str | None, **opts: Any) -> None:
    """Mono-X depth map from the signal-strength grid attached to a contour entry."""
    from dmsummary.reinterpret import depth_map_from_mu_grid, rescale_depth_map

    mx, my = _mass_grid(opts["mmed"], "--mmed"), _mass_grid(opts["mdm"], "--mdm")
    _check_output(opts["output"])
    dmap = depth_map_from_mu_grid(source, source_benchmark, mx, my, catalogue=_catalogue())
    if target is not None:
        dmap = rescale_depth_map(dmap, target, method="monox-propagator",
                                 width_inputs=opts["width_inputs"])  # fmt: skip
    _emit_map(dmap, opts)


@contour.command("dilepton")
@click.option("--limit", "limits", multiple=True, required=True, metavar="WIDTH=ID",
              help="Gamma/M and the sigma x B limit entry for it (repeatable).")  # fmt: skip
@click.option("--theory", required=True, help="Theory sigma x B curve (catalogue id).")
@click.option("--theory-benchmark", required=True, help="Benchmark of the theory curve.")
@click.option("--theory-mdm", type=float, required=True, metavar="GEV",
              help="DM mass of the theory curve [GeV].")  # fmt: skip
@click.option("--target", required=True, help="Benchmark with fixed g_q and g_l > 0.")
@_grid_options
def contour_dilepton(limits: tuple[str, ...], theory: str, theory_benchmark: str,
                     theory_mdm: float, target: str, **opts: Any) -> None:  # fmt: skip
    """Dilepton (BR method) depth map from sigma x B limits at several widths."""
    from dmsummary.reinterpret import depth_map_from_xsec_limits
    from dmsummary.units import GeV

    by_width: dict[float, str] = {}
    for item in limits:
        width, sep, ident = item.partition("=")
        try:
            by_width[float(width)] = ident
        except ValueError:
            sep = ""
        if not sep or not ident:
            msg = f"expected WIDTH=ID (e.g. 0.03=atlas-2019-dilepton-xsec-width3), got {item!r}"
            raise click.BadParameter(msg, param_hint="--limit")
    mx, my = _mass_grid(opts["mmed"], "--mmed"), _mass_grid(opts["mdm"], "--mdm")
    _check_output(opts["output"])
    dmap = depth_map_from_xsec_limits(
        by_width, theory, theory_benchmark, theory_mdm * GeV, target, mx, my,
        catalogue=_catalogue(), width_inputs=opts["width_inputs"],
    )  # fmt: skip
    _emit_map(dmap, opts)


def __dir__() -> list[str]:
    return __all__
