"""Named artists returned by :func:`dmsummary.render.render` (no matplotlib import)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.collections import PolyCollection
    from matplotlib.figure import Figure as MplFigure
    from matplotlib.legend import Legend
    from matplotlib.lines import Line2D
    from matplotlib.patches import Polygon
    from matplotlib.text import Text

    from dmsummary.render.palette import LayerStyle

__all__ = ["LayerArtists", "RenderedPlot"]


@dataclass(frozen=True, slots=True)
class LayerArtists:
    """The matplotlib artists of one layer.

    Attributes
    ----------
    lines : tuple of Line2D
        One line per segment of the layer (segments are never joined).
    fills : tuple of PolyCollection or Polygon
        The ``fill`` regions, one per finite run of each segment (a closed
        polygon per segment for contours).
    band : PolyCollection or None
        The translucent :class:`~dmsummary.recipes.model.Band`, if any.
    label : Text or None
        The inline label (None in legend mode or when it fell back to the legend).
    leader : Line2D or None
        A thin line from the curve to its inline label, when the label had to sit
        away from the curve.
    in_legend : bool
        Whether the layer is listed in a legend (legend mode, or inline fallback).
    style : LayerStyle
        The resolved colours and line style.
    """

    lines: tuple[Line2D, ...]
    fills: tuple[PolyCollection | Polygon, ...]
    band: PolyCollection | None
    label: Text | None
    leader: Line2D | None
    in_legend: bool
    style: LayerStyle


@dataclass(frozen=True, slots=True)
class RenderedPlot:
    """What :func:`~dmsummary.render.render` drew.

    Attributes
    ----------
    figure : matplotlib.figure.Figure
        The matplotlib figure (new, or the one owning the given Axes).
    ax : matplotlib.axes.Axes
        The axes drawn on.
    layers : Mapping
        Layer id → :class:`LayerArtists`, in drawing order.
    annotations : tuple of Text
        The figure's annotations, in model order.
    legend : Legend or None
        The legend (legend modes, or inline labels that did not fit).
    title : Text or None
        The title, when ``show_title`` is set.
    """

    figure: MplFigure
    ax: Axes
    layers: Mapping[str, LayerArtists]
    annotations: tuple[Text, ...]
    legend: Legend | None
    title: Text | None


def __dir__() -> list[str]:
    return __all__
