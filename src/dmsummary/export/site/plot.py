"""Plotly figure specifications (plain JSON data) for figures and catalogue entries.

The interactive figures are drawn in the browser by the bundled plotly.js from the data
built here: one ``scatter`` trace per curve (disconnected segments separated by ``null``,
never joined), light ``toself`` fills for excluded regions and bands below every line,
colours and dash patterns from :mod:`dmsummary.render.palette` so that the web figure
matches the static PDF/PNG. Every string from a catalogue entry or recipe is converted by
:func:`~dmsummary.export.site.text.math_html` (escaped text plus ``<sub>``/``<sup>``)
before it reaches Plotly; hover texts are passed through the trace's ``meta`` so that a
label can never be read as a ``%{...}`` template by Plotly.

Numbers are in the figure's display units (entries: the plane's display units) and are
rounded to 7 significant digits for the page (the CSV downloads keep 12).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from dmsummary.export.site.text import math_html

if TYPE_CHECKING:
    from dmsummary.catalogue import Curve
    from dmsummary.provenance import ProvenanceReport
    from dmsummary.recipes import AxisSpec, Figure, Layer
    from dmsummary.render.palette import LayerStyle

__all__ = ["HOVER_TEMPLATE", "entry_plot", "figure_plot"]

HOVER_TEMPLATE = (
    "<b>%{meta[0]}</b><br>%{meta[1]}<br>%{meta[2]}<br>CL: %{meta[3]} · status: %{meta[4]}"
    "<br>x = %{x:.4~g} %{meta[5]}, y = %{y:.4~g} %{meta[6]}<extra></extra>"
)
"""Hover text of every curve: label, experiment, reference, CL, status, the point's x, y."""

_PX_PER_PT = 96 / 72
_DASH_NAMES = {
    "solid": "solid",
    "-": "solid",
    "dashed": "dash",
    "--": "dash",
    "dotted": "dot",
    ":": "dot",
    "dashdot": "dashdot",
    "-.": "dashdot",
}


def _round(value: float) -> float | None:
    if not math.isfinite(value):
        return None
    return float(f"{value:.7g}")


def _dash(linestyle: Any, width_px: float) -> str:
    """Matplotlib line style → Plotly ``line.dash`` (named or ``"4px,2px"`` list)."""
    if isinstance(linestyle, str):
        return _DASH_NAMES.get(linestyle, "solid")
    _, pattern = linestyle
    return ",".join(f"{max(1.0, on * width_px):.1f}px" for on in pattern)


def _rgba(color: str, alpha: float) -> str:
    """``#RRGGBB`` + opacity → ``rgba(r,g,b,a)``."""
    value = color.lstrip("#")
    if len(value) != 6:  # named colours from a recipe: let the browser blend
        return color
    r, g, b = (int(value[k : k + 2], 16) for k in (0, 2, 4))
    return f"rgba({r},{g},{b},{alpha:.3f})"


def _runs(x: Any, y: Any, log_x: bool, log_y: bool) -> list[tuple[list[float], list[float]]]:
    """Split one segment where it is not drawable (NaN, or non-positive on a log axis)."""
    runs: list[tuple[list[float], list[float]]] = []
    xs: list[float] = []
    ys: list[float] = []
    for a, b in zip(x.tolist(), y.tolist(), strict=True):
        good = math.isfinite(a) and math.isfinite(b) and not (log_x and a <= 0)
        good = good and not (log_y and b <= 0)
        if good:
            xs.append(a)
            ys.append(b)
        elif xs:
            runs.append((xs, ys))
            xs, ys = [], []
    if xs:
        runs.append((xs, ys))
    return runs


def _joined(runs: Sequence[tuple[list[float], list[float]]]) -> tuple[list[Any], list[Any]]:
    """All runs in one list, a ``None`` between them (Plotly leaves a gap there)."""
    xs: list[Any] = []
    ys: list[Any] = []
    for k, (x, y) in enumerate(runs):
        if k:
            xs.append(None)
            ys.append(None)
        xs.extend(_round(v) for v in x)
        ys.extend(_round(v) for v in y)
    return xs, ys


def _axis(axis: AxisSpec, *, title: str) -> dict[str, Any]:
    log = axis.scale == "log"
    low, high = axis.range
    return {
        "type": "log" if log else "linear",
        "range": [math.log10(low), math.log10(high)] if log else [low, high],
        "title": {"text": title},
        "exponentformat": "power",
        "showline": True,
        "mirror": "ticks",
        "linecolor": "#333",
        "ticks": "inside",
        "gridcolor": "#ececec",
        "zeroline": False,
    }


def _fill_polygons(
    layer: Layer, runs: Sequence[tuple[list[float], list[float]]], figure: Figure
) -> tuple[list[Any], list[Any]]:
    """Return the closed polygons (joined by ``None``) of the region a layer excludes."""
    low, high = figure.y.range
    # Reach beyond the axis range so panning never shows the polygon's edge.
    top, bottom = (high * 1e3, low / 1e3) if figure.y.scale == "log" else (high, low)
    polygons = []
    for x, y in runs:
        if layer.kind == "contour":
            polygons.append((x, y))
        else:
            edge = top if layer.fill == "above" else bottom
            polygons.append(([*x, x[-1], x[0]], [*y, edge, edge]))
    return _joined(polygons)


def _hover_meta(layer: Layer, report_row: Any, figure: Figure) -> list[str]:
    experiment = report_row.experiment if report_row is not None else ""
    reference = report_row.reference if report_row is not None else ""
    if report_row is not None and report_row.figure:
        reference = f"{reference}, {report_row.figure}" if reference else report_row.figure
    cl = "" if layer.cl is None else f"{round(layer.cl * 100, 6):g} %"
    return [
        math_html(layer.label or layer.id),
        math_html(experiment or "—"),
        math_html(reference or "reference not stated"),
        math_html(cl or "n/a"),
        math_html(layer.status),
        _unit_html(figure.x.unit),
        _unit_html(figure.y.unit),
    ]


def _layer_traces(
    layer: Layer, style: LayerStyle, figure: Figure, row: Any
) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """(fill and band traces, line trace) of one layer."""
    log_x, log_y = figure.x.scale == "log", figure.y.scale == "log"
    runs = [r for x, y in layer.segments for r in _runs(x, y, log_x, log_y)]
    below: list[dict[str, Any]] = []
    common = {"legendgroup": layer.id, "showlegend": False, "hoverinfo": "skip"}
    if layer.fill != "none" and runs:
        fx, fy = _fill_polygons(layer, runs, figure)
        below.append(
            {
                "type": "scatter",
                "mode": "lines",
                "x": fx,
                "y": fy,
                "fill": "toself",
                "fillcolor": _rgba(style.fill_color, style.fill_alpha),
                "line": {"width": 0},
                "name": f"{layer.id} (excluded region)",
                **common,
            }
        )
    if layer.band is not None:
        band_runs = _runs(layer.band.x, layer.band.low, log_x, log_y)
        high_runs = _runs(layer.band.x, layer.band.high, log_x, log_y)
        polygons = [
            ([*xl, *reversed(xh)], [*yl, *reversed(yh)])
            for (xl, yl), (xh, yh) in zip(band_runs, high_runs, strict=False)
        ]
        bx, by = _joined(polygons)
        below.append(
            {
                "type": "scatter",
                "mode": "lines",
                "x": bx,
                "y": by,
                "fill": "toself",
                "fillcolor": _rgba(style.color, style.band_alpha),
                "line": {"width": 0},
                "name": f"{layer.id} (band: {math_html(layer.band.description)})",
                **common,
            }
        )
    x, y = _joined(runs)
    width = max(1.0, style.linewidth * _PX_PER_PT)
    single = sum(len(r[0]) for r in runs) == 1
    line = {
        "type": "scatter",
        "mode": "markers" if single else "lines",
        "x": x,
        "y": y,
        "name": math_html(layer.label or layer.id),
        "legendgroup": layer.id,
        "uid": layer.id,
        "connectgaps": False,
        "line": {
            "color": style.color,
            "width": round(width, 2),
            "dash": _dash(style.linestyle, width),
        },
        "marker": {"color": style.color, "size": 8},
        "opacity": style.alpha,
        "meta": _hover_meta(layer, row, figure),
        "hovertemplate": HOVER_TEMPLATE,
        "hoverlabel": {"bordercolor": style.color},
    }
    return below, line


def figure_plot(figure: Figure, report: ProvenanceReport | None = None) -> dict[str, Any]:
    """Return the Plotly specification (``data``, ``layout``) of a resolved figure.

    Parameters
    ----------
    figure : Figure
        The resolved figure (numbers in display units).
    report : ProvenanceReport, optional
        Its provenance report, for the experiment and reference shown on hover (built
        with :func:`dmsummary.provenance.provenance_report` when not given).

    Returns
    -------
    dict
        ``{"data": [...], "layout": {...}}``: fills and bands first (drawn below), then
        one line trace per layer in drawing order, named by its label; all strings are
        escaped HTML.
    """
    from dmsummary.render.palette import assign_styles

    if report is None:
        from dmsummary.provenance import provenance_report

        report = provenance_report(figure)
    rows = {row.layer: row for row in report.rows}
    styles = assign_styles(figure.layers)
    fills: list[dict[str, Any]] = []
    lines: list[dict[str, Any]] = []
    for layer in figure.layers:
        below, line = _layer_traces(layer, styles[layer.id], figure, rows.get(layer.id))
        fills.extend(below)
        lines.append(line)
    annotations = [
        {
            "text": math_html(a.text),
            "xref": "paper",
            "yref": "paper",
            "x": a.position[0],
            "y": a.position[1],
            "xanchor": "right" if a.align == "right" else "left",
            "yanchor": "top" if a.position[1] > 0.5 else "bottom",
            "showarrow": False,
            "font": {"size": 12, "color": "#333"},
        }
        for a in figure.annotations
    ]
    layout = {
        "xaxis": _axis(figure.x, title=math_html(figure.x.label)),
        "yaxis": _axis(figure.y, title=math_html(figure.y.label)),
        "annotations": annotations,
        "hovermode": "closest",
        "hoverlabel": {"bgcolor": "white", "font": {"color": "#222", "size": 12}, "align": "left"},
        "legend": {"groupclick": "togglegroup", "font": {"size": 12}, "tracegroupgap": 2},
        "margin": {"l": 80, "r": 20, "t": 20, "b": 60},
        "plot_bgcolor": "white",
        "paper_bgcolor": "white",
        "font": {"family": "DejaVu Sans, Arial, sans-serif", "size": 13, "color": "#222"},
    }
    return {"data": [*fills, *lines], "layout": layout}


def entry_plot(curve: Curve) -> dict[str, Any]:
    """Return the Plotly specification of one catalogue curve (the entry page's small plot).

    Parameters
    ----------
    curve : Curve
        The entry's numbers.

    Returns
    -------
    dict
        ``{"data": [one trace], "layout": {...}}`` in the plane's display units; log axes
        unless the plane's plausible range spans less than two decades.
    """
    import numpy as np

    entry = curve.entry
    plane = entry.plane
    x_title, log_x = _axis_title(plane.x)
    y_title, log_y = _axis_title(plane.y)
    runs = []
    for x, y in curve.segments:
        runs.extend(
            _runs(np.asarray(x) / plane.x.factor, np.asarray(y) / plane.y.factor, log_x, log_y)
        )
    xs, ys = _joined(runs)
    single = curve.n_points == 1
    label = math_html(entry.label)
    trace = {
        "type": "scatter",
        "mode": "markers" if single else "lines",
        "x": xs,
        "y": ys,
        "name": label,
        "uid": entry.id,
        "connectgaps": False,
        "line": {"color": "#0072B2", "width": 2},
        "marker": {"color": "#0072B2", "size": 9},
        "meta": [label, _unit_html(plane.x.unit), _unit_html(plane.y.unit)],
        "hovertemplate": (
            "<b>%{meta[0]}</b><br>x = %{x:.4~g} %{meta[1]}<br>y = %{y:.4~g} %{meta[2]}"
            "<extra></extra>"
        ),
    }

    def decades(values: list[Any]) -> float:
        finite = [v for v in values if v is not None]
        return math.log10(max(finite) / min(finite)) if finite else 0.0

    def axis(title: str, log: bool, span: float) -> dict[str, Any]:
        # Decade ticks only once the data spans two decades (else Plotly's 2-5 labels help).
        extra = {"dtick": 1} if log and span >= 2 else {}
        return {
            **extra,
            "type": "log" if log else "linear",
            "title": {"text": title},
            "exponentformat": "power",
            "showline": True,
            "mirror": "ticks",
            "linecolor": "#333",
            "ticks": "inside",
            "gridcolor": "#ececec",
            "zeroline": False,
        }

    layout = {
        "xaxis": axis(x_title, log_x, decades(xs)),
        "yaxis": axis(y_title, log_y, decades(ys)),
        "hovermode": "closest",
        "hoverlabel": {"bgcolor": "white", "font": {"color": "#222"}},
        "showlegend": False,
        "margin": {"l": 70, "r": 20, "t": 10, "b": 55},
        "plot_bgcolor": "white",
        "paper_bgcolor": "white",
        "font": {"family": "DejaVu Sans, Arial, sans-serif", "size": 12, "color": "#222"},
    }
    return {"data": [trace], "layout": layout}


def _unit_html(unit: str) -> str:
    """``cm^2 MeV^4`` → ``cm<sup>2</sup> MeV<sup>4</sup>``; ``dimensionless`` → ``""``."""
    if unit == "dimensionless":
        return ""
    from dmsummary.units import format_unit

    return math_html(format_unit(unit))


def _axis_title(axis: Any) -> tuple[str, bool]:
    """(title HTML, log?) of a plane axis: log unless its plausible range spans < 2 decades."""
    low, high = axis.bounds
    unit = _unit_html(axis.unit)
    title = math_html(axis.label) + (f" [{unit}]" if unit else "")
    return title, high / low >= 100


def __dir__() -> list[str]:
    return __all__
