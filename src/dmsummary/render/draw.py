"""Draw a :class:`~dmsummary.recipes.model.Figure` onto matplotlib Axes.

Imports matplotlib at module level: only :func:`dmsummary.render.render` imports
this module, lazily.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any

import matplotlib as mpl
import numpy as np
from matplotlib import patheffects
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure as MplFigure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Polygon
from matplotlib.ticker import (
    AutoMinorLocator,
    FixedLocator,
    LogFormatterSciNotation,
    LogLocator,
    NullFormatter,
)

from dmsummary.exceptions import RecipeError
from dmsummary.render.artists import LayerArtists, RenderedPlot
from dmsummary.render.labels import place_labels
from dmsummary.render.palette import assign_styles
from dmsummary.render.styles import SIZES, resolve_style

if TYPE_CHECKING:
    import numpy.typing as npt
    from matplotlib.artist import Artist
    from matplotlib.axes import Axes
    from matplotlib.axis import Axis
    from matplotlib.backend_bases import RendererBase
    from matplotlib.collections import PolyCollection
    from matplotlib.legend import Legend
    from matplotlib.text import Text

    from dmsummary.recipes.model import AxisSpec, Figure, Layer
    from dmsummary.render.palette import LayerStyle

    FloatArray = npt.NDArray[np.float64]

__all__ = ["draw", "style_context"]

_LEGENDS = ("inline", "legend", "legend-outside")
_FILLS = ("above", "below", "none")
_KINDS = ("curve", "contour")
_SCALES = ("log", "linear")


def style_context(style: str | Mapping[str, Any] | None) -> AbstractContextManager[None]:
    """Return a :func:`matplotlib.rc_context` for a style.

    Parameters
    ----------
    style : str, Mapping or None
        See :func:`dmsummary.render.styles.resolve_style`.

    Returns
    -------
    context manager
        Applies the style's rcParams on entry and restores them on exit.
    """
    rc: Any = resolve_style(style)
    return mpl.rc_context(rc)


def _check(figure: Figure) -> None:
    where = figure.recipe_id or figure.output or "<figure>"
    if figure.legend not in _LEGENDS:
        msg = f"{where}: legend={figure.legend!r}; expected one of {list(_LEGENDS)}"
        raise RecipeError(msg)
    if figure.size not in SIZES:
        msg = f"{where}: size={figure.size!r}; expected one of {sorted(SIZES)}"
        raise RecipeError(msg)
    for name, axis in (("x", figure.x), ("y", figure.y)):
        lo, hi = axis.range
        if axis.scale not in _SCALES or not lo < hi or (axis.scale == "log" and lo <= 0):
            msg = (
                f"{where}: {name} axis scale={axis.scale!r} range={axis.range!r}; expected "
                f"scale in {list(_SCALES)} and 0 < min < max for log axes"
            )
            raise RecipeError(msg)
    ids = [layer.id for layer in figure.layers]
    for layer in figure.layers:
        if ids.count(layer.id) > 1:
            msg = f"{where}: layer id {layer.id!r} is used more than once; ids must be unique"
            raise RecipeError(msg)
        if layer.fill not in _FILLS or layer.kind not in _KINDS:
            msg = (
                f"{where}: layer {layer.id!r} has fill={layer.fill!r} kind={layer.kind!r}; "
                f"expected fill in {list(_FILLS)} and kind in {list(_KINDS)}"
            )
            raise RecipeError(msg)


def _decade_ticks(axis: Axis, lo: float, hi: float, length_in: float, label_in: float) -> None:
    a, b = math.log10(lo), math.log10(hi)
    if b - a < 1.5:
        axis.set_major_locator(LogLocator(base=10))
        axis.set_minor_locator(LogLocator(base=10, subs="auto"))
        return
    fit = max(int(length_in / label_in), 2)
    step = next(k for k in (1, 2, 3, 4, 5, 10, 20) if (b - a) / k + 1 <= fit)
    first = math.floor(a / step) * step
    decades = np.arange(math.floor(a), math.ceil(b) + 1)
    major = [10.0**d for d in range(first, math.ceil(b) + 1, step)]
    minor = [10.0**d for d in decades if (d - first) % step]
    if b - a <= 6:
        minor += [m * 10.0**d for d in decades for m in range(2, 10)]
    axis.set_major_locator(FixedLocator(major))
    axis.set_minor_locator(FixedLocator(sorted(minor)))
    axis.set_major_formatter(LogFormatterSciNotation(base=10))
    axis.set_minor_formatter(NullFormatter())


def _setup_axes(ax: Axes, figure: Figure, size: tuple[float, float]) -> None:
    specs: tuple[tuple[AxisSpec, Axis, float, float], ...] = (
        (figure.x, ax.xaxis, 0.8 * size[0], 0.42),
        (figure.y, ax.yaxis, 0.8 * size[1], 0.2),
    )
    for spec, axis, length, label_in in specs:
        if axis is ax.xaxis:
            ax.set_xscale(spec.scale, **({"nonpositive": "mask"} if spec.scale == "log" else {}))
            ax.set_xlim(*spec.range)
            ax.set_xlabel(spec.label)
        else:
            ax.set_yscale(spec.scale, **({"nonpositive": "mask"} if spec.scale == "log" else {}))
            ax.set_ylim(*spec.range)
            ax.set_ylabel(spec.label)
        if spec.scale == "log":
            _decade_ticks(axis, *spec.range, length, label_in)
        else:
            axis.set_minor_locator(AutoMinorLocator())


def _runs(x: FloatArray, y: FloatArray, log_x: bool, log_y: bool) -> list[tuple[Any, Any]]:
    """Split one segment at NaN (and at non-positive values on log axes)."""
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    good = np.isfinite(x) & np.isfinite(y)
    if log_x:
        good &= x > 0
    if log_y:
        good &= y > 0
    edges = np.flatnonzero(np.diff(np.concatenate([[0], good.astype(int), [0]])))
    return [(x[s:e], y[s:e]) for s, e in zip(edges[::2], edges[1::2], strict=True) if e - s > 1]


def _draw_layer(ax: Axes, layer: Layer, style: LayerStyle, figure: Figure) -> LayerArtists:
    lines: list[Line2D] = []
    for x, y in layer.segments:
        (line,) = ax.plot(
            x,
            y,
            color=style.color,
            linestyle=style.linestyle,
            linewidth=style.linewidth,
            alpha=style.alpha,
            zorder=style.zorder,
            label="_nolegend_",
        )
        line.set_gid(f"{layer.id}/line{len(lines)}")
        lines.append(line)
    fills: list[Polygon] = []
    if layer.fill != "none":
        log_x, log_y = figure.x.scale == "log", figure.y.scale == "log"
        bottom, top = figure.y.range
        zorder = 0.5 if layer.role == "neutrino-fog" else 1.0
        for x, y in layer.segments:
            for rx, ry in _runs(x, y, log_x, log_y):
                if layer.kind == "contour":
                    verts = np.column_stack([rx, ry])
                else:
                    edge = top if layer.fill == "above" else bottom
                    cy = np.minimum(ry, top) if layer.fill == "above" else np.maximum(ry, bottom)
                    verts = np.column_stack([np.r_[rx, rx[-1], rx[0]], np.r_[cy, edge, edge]])
                patch = Polygon(
                    verts,
                    closed=True,
                    facecolor=style.fill_color,
                    alpha=style.fill_alpha,
                    edgecolor="none",
                    linewidth=0,
                    zorder=zorder,
                )
                ax.add_patch(patch)
                fills.append(patch)
    band: PolyCollection | None = None
    if layer.band is not None:
        band = ax.fill_between(
            layer.band.x,
            layer.band.low,
            layer.band.high,
            facecolor=style.color,
            alpha=style.band_alpha,
            linewidth=0,
            zorder=style.zorder - 0.5,
        )
    return LayerArtists(
        lines=tuple(lines),
        fills=tuple(fills),
        band=band,
        label=None,
        leader=None,
        in_legend=False,
        style=style,
    )


def _handle(layer: Layer, art: LayerArtists) -> Artist | tuple[Artist, ...]:
    s = art.style
    if layer.role == "neutrino-fog" or (not art.lines and art.fills):
        return Patch(facecolor=s.fill_color, edgecolor=s.color, alpha=max(s.fill_alpha, 0.3))
    if not art.lines:
        return Patch(facecolor=s.color, alpha=s.band_alpha)
    line = Line2D([], [], color=s.color, linestyle=s.linestyle, linewidth=s.linewidth)
    if art.band is not None:
        return (Patch(facecolor=s.color, alpha=s.band_alpha, linewidth=0), line)
    return line


def _legend(
    ax: Axes,
    fig: MplFigure,
    items: list[tuple[Artist | tuple[Artist, ...], str]],
    *,
    outside: bool,
    double: bool,
    owned: bool,
) -> Legend | None:
    if not items:
        return None
    handles: list[Any] = [h for h, _ in items]  # tuples are legend handles too (HandlerTuple)
    labels = [lab for _, lab in items]
    n = len(items)
    if outside and owned:
        if double:
            return fig.legend(handles, labels, loc="outside right upper", ncols=1)
        return fig.legend(handles, labels, loc="outside lower center", ncols=min(n, 2))
    if outside:
        return ax.legend(
            handles, labels, loc="upper left", bbox_to_anchor=(1.02, 1.0), borderaxespad=0
        )
    ncols = 1 if n <= (6 if double else 4) else (3 if double and n > 10 else 2)
    return ax.legend(handles, labels, loc="best", ncols=ncols)


_LEGEND_LOCS = (
    "best",
    "upper right",
    "upper left",
    "lower right",
    "lower left",
    "center right",
    "center left",
    "upper center",
    "lower center",
)


def _avoid(
    legend: Legend, renderer: RendererBase, boxes: Sequence[tuple[float, float, float, float]]
) -> None:
    """Move an in-axes legend to the first location that overlaps none of ``boxes``."""
    loc: Any
    for loc in _LEGEND_LOCS:
        legend.set_loc(loc)
        b = legend.get_window_extent(renderer)
        if not any(
            b.x0 < x1 and x0 < b.x1 and b.y0 < y1 and y0 < b.y1 for x0, y0, x1, y1 in boxes
        ):
            return
    legend.set_loc("best")


def _renderer(fig: MplFigure) -> RendererBase:
    get = getattr(fig.canvas, "get_renderer", None)
    if get is not None:
        renderer: RendererBase = get()
        return renderer
    from matplotlib.backends.backend_agg import RendererAgg

    w, h = fig.get_size_inches() * fig.dpi
    return RendererAgg(int(w), int(h), fig.dpi)  # type: ignore[no-untyped-call]


def _extent(artist: Artist, renderer: RendererBase) -> tuple[float, float, float, float]:
    box = artist.get_window_extent(renderer)
    return (box.x0, box.y0, box.x1, box.y1)


def _label_text(ax: Axes, layer: Layer, style: LayerStyle) -> Text:
    text = ax.text(
        0,
        0,
        layer.label,
        color=style.label_color,
        fontstyle=style.label_fontstyle,
        fontsize=float(mpl.rcParams["legend.fontsize"]),
        ha="center",
        va="center",
        rotation_mode="anchor",
        zorder=5,
        clip_on=False,
        path_effects=[patheffects.withStroke(linewidth=1.6, foreground="white")],
    )
    text.set_gid(f"{layer.id}/label")
    text.set_in_layout(False)
    return text


def _inline(
    ax: Axes,
    fig: MplFigure,
    figure: Figure,
    arts: dict[str, LayerArtists],
    listed: list[Layer],
    fixed: Sequence[Artist],
    *,
    owned: bool,
) -> tuple[dict[str, LayerArtists], Legend | None]:
    """Place inline labels; layers that do not fit go to a legend the labels then avoid.

    The legend is placed first where it overlaps no annotation, then all labels are
    placed around it; new failures join the legend, until nothing changes.
    """
    renderer = _renderer(fig)
    texts = {layer.id: _label_text(ax, layer, arts[layer.id].style) for layer in listed}
    boxes = [_extent(t, renderer) for t in fixed]
    members: list[str] = []
    legend: Legend | None = None
    for _ in range(4):
        extra = [_extent(legend, renderer)] if legend is not None else []
        active = {k: t for k, t in texts.items() if k not in members}
        placements = place_labels(
            ax, figure.layers, active, renderer=renderer, obstacles=boxes + extra
        )
        failed = [k for k, p in placements.items() if not p.placed]
        if not failed:
            break
        members += failed
        if legend is not None:
            legend.remove()
        fallback = [
            (_handle(layer, arts[layer.id]), layer.label)
            for layer in figure.layers
            if layer.id in members
        ]
        legend = _legend(
            ax, fig, fallback, outside=False, double=figure.size == "double", owned=owned
        )
        if legend is not None:
            _avoid(legend, renderer, boxes)
    for k in members:
        texts[k].remove()
    leaders: dict[str, Line2D] = {}
    for k, p in placements.items():
        if p.leader is not None:
            (a, b) = p.leader
            (leaders[k],) = ax.plot(
                [a[0], b[0]],
                [a[1], b[1]],
                color=arts[k].style.label_color,
                linewidth=0.5,
                zorder=4.9,
                label="_nolegend_",
            )
    placed = {k for k, p in placements.items() if p.placed}
    out = {
        k: _replace(
            a,
            label=texts[k] if k in placed else None,
            leader=leaders.get(k),
            in_legend=k in members,
        )
        for k, a in arts.items()
    }
    return out, legend


def draw(figure: Figure, ax: Axes | None = None) -> RenderedPlot:
    """Draw a figure model (call inside the style's ``rc_context``).

    Parameters
    ----------
    figure : Figure
        The figure model (numbers in display units).
    ax : Axes, optional
        Axes to draw on; by default a new Agg-backed matplotlib figure of the
        model's size (``SIZES[figure.size]``, inches) with constrained layout.

    Returns
    -------
    RenderedPlot
        The artists, keyed by layer id.
    """
    _check(figure)
    owned = ax is None
    size = SIZES[figure.size]
    outside = figure.legend == "legend-outside"
    if ax is None:
        figsize = size
        if outside and figure.size == "single":
            rows = math.ceil(len(figure.layers) / 2)
            line = float(mpl.rcParams["legend.fontsize"]) * 1.5 / 72
            figsize = (size[0], size[1] + rows * line + 0.25)
        fig = MplFigure(figsize=figsize, layout="constrained")
        FigureCanvasAgg(fig)
        ax = fig.add_subplot()
    else:
        fig = ax.get_figure(root=True)  # type: ignore[assignment]
    _setup_axes(ax, figure, size)
    styles = assign_styles(figure.layers, linewidth=float(mpl.rcParams["lines.linewidth"]))
    arts = {layer.id: _draw_layer(ax, layer, styles[layer.id], figure) for layer in figure.layers}
    note_size = 0.85 * float(mpl.rcParams["font.size"])
    halo = [patheffects.withStroke(linewidth=2.0, foreground="white")]
    annotations = tuple(
        ax.text(
            *a.position,
            a.text,
            transform=ax.transAxes,
            ha=a.align,
            va="top" if a.position[1] >= 0.5 else "bottom",
            fontsize=note_size,
            color="0.15",
            linespacing=1.3,
            zorder=6,
            path_effects=halo,
        )
        for a in figure.annotations
    )
    title = ax.set_title(figure.title) if figure.show_title else None
    legend: Legend | None = None
    listed = [
        layer
        for layer in figure.layers
        if layer.label and (arts[layer.id].lines or arts[layer.id].fills or arts[layer.id].band)
    ]
    if figure.legend != "inline":
        items = [(_handle(layer, arts[layer.id]), layer.label) for layer in listed]
        legend = _legend(
            ax, fig, items, outside=outside, double=figure.size == "double", owned=owned
        )
        ids = {layer.id for layer in listed}
        arts = {k: _replace(a, in_legend=k in ids) for k, a in arts.items()}
    if legend is not None and not outside:
        _avoid(legend, _renderer(fig), [_extent(t, _renderer(fig)) for t in annotations])
    fig.draw_without_rendering()  # final layout before measuring anything
    if owned:
        fig.set_layout_engine("none")  # freeze: labels are placed in this layout
    if figure.legend == "inline":
        obstacles: list[Artist] = [*annotations, *([title] if title is not None else [])]
        arts, legend = _inline(ax, fig, figure, arts, listed, obstacles, owned=owned)
    return RenderedPlot(
        figure=fig, ax=ax, layers=arts, annotations=annotations, legend=legend, title=title
    )


def _replace(art: LayerArtists, **changes: Any) -> LayerArtists:
    from dataclasses import replace

    return replace(art, **changes)


def __dir__() -> list[str]:
    return __all__
