r"""Rendering: draw a :class:`~dmsummary.recipes.model.Figure` with matplotlib.

This is the only part of dmsummary that imports matplotlib, and it does so
lazily: ``import dmsummary.render`` is cheap; matplotlib is imported on the first
call of :func:`render` or :func:`save`. Everything is drawn on an explicit
Agg-backed :class:`matplotlib.figure.Figure` (or on Axes you pass in) inside a
:func:`matplotlib.rc_context`; global matplotlib state is never touched and
``pyplot`` is never used.

Examples
--------
>>> from dmsummary.recipes import AxisSpec, Figure, Layer, LayerProvenance
>>> import numpy as np
>>> x = np.geomspace(10, 1e4, 50)
>>> layer = Layer(id="demo", label="Demo (2025)", role="direct-detection",
...               status="observed", cl=0.9, kind="curve",
...               segments=((x, 1e-47 * x / 30 + 1e-44 / x**2),),
...               provenance=LayerProvenance(), fill="above")
>>> fig = Figure(recipe_id="demo", title="Demo", plane="si",
...              x=AxisSpec(r"$m_\chi$ [GeV]", "GeV", (1, 1e4)),
...              y=AxisSpec(r"$\sigma_\mathrm{SI}$ [cm$^2$]", "cm^2", (1e-50, 1e-40)),
...              layers=(layer,), output="demo")
>>> plot = render(fig)
>>> len(plot.layers["demo"].lines)
1
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dmsummary.render.artists import LayerArtists, RenderedPlot

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from dmsummary.recipes.model import Figure

__all__ = ["LayerArtists", "RenderedPlot", "preload", "render", "save"]

Style = str | Mapping[str, Any] | None


def render(figure: Figure, *, ax: Axes | None = None, style: Style = None) -> RenderedPlot:
    """Draw a figure model.

    Parameters
    ----------
    figure : Figure
        The figure model; layer numbers are in the axes' display units.
    ax : matplotlib.axes.Axes, optional
        Axes to draw on. By default a new Agg-backed matplotlib figure is made,
        ``SIZES[figure.size]`` inches (3.4 in wide for single column, 7.0 in for
        double), with its layout frozen once the labels are placed.
    style : str or Mapping, optional
        A style name from :data:`dmsummary.render.styles.STYLES`, or an rcParams
        dict merged over the default (e.g. ``{**PAPER, **LATEX}``).

    Returns
    -------
    RenderedPlot
        The matplotlib figure and axes and the artists of every layer, keyed by
        layer id (one line per segment, fills, band, inline label).

    Raises
    ------
    RecipeError
        If the figure model has an unknown legend mode, size, scale, fill or kind,
        a duplicate layer id, or the style name is unknown.
    """
    from dmsummary.render.draw import draw, style_context
    from dmsummary.render.mathcache import shared_mathtext_cache

    with style_context(style), shared_mathtext_cache():
        return draw(figure, ax)


def save(
    figure: Figure,
    directory: str | os.PathLike[str],
    *,
    formats: Iterable[str] = ("pdf", "png", "svg"),
    style: Style = None,
    dpi: float = 300.0,
) -> dict[str, Path]:
    """Render a figure model and write it to files, atomically and reproducibly.

    Files are named ``<directory>/<figure.output>.<format>`` (``figure.recipe_id``
    with ``/`` replaced by ``-`` if ``output`` is empty). The same inputs give
    byte-identical files: PDF and SVG dates are removed, writer strings and the
    SVG hash salt are fixed, PNG carries no timestamp. All formats are written to
    temporary files in ``directory`` first and moved into place only when every
    one succeeded; on error nothing is left behind.

    Parameters
    ----------
    figure : Figure
        The figure model.
    directory : path
        Output directory (created if missing).
    formats : iterable of str
        Any of ``"pdf"``, ``"png"``, ``"svg"``.
    style : str or Mapping, optional
        As for :func:`render`.
    dpi : float
        Resolution in dots per inch for PNG (default 300).

    Returns
    -------
    dict
        Format → path written.

    Raises
    ------
    ValueError
        If a format is not supported.
    RecipeError
        As for :func:`render`.
    """
    from dmsummary.render.draw import draw, style_context
    from dmsummary.render.mathcache import shared_mathtext_cache
    from dmsummary.render.output import check_formats, write_atomically

    fmts = check_formats(formats)
    out_dir = Path(directory)
    out_dir.mkdir(parents=True, exist_ok=True)
    stem = figure.output or figure.recipe_id.replace("/", "-") or "figure"
    targets = {fmt: out_dir / f"{stem}.{fmt}" for fmt in fmts}
    with style_context(style), shared_mathtext_cache():
        plot = draw(figure, None)
        write_atomically(plot.figure, targets, dpi=dpi)
    return targets


def preload() -> None:
    """Import matplotlib, the renderer and the PDF/SVG backends now.

    Importing them takes a few tenths of a second; :func:`dmsummary.build.build` calls
    this in each worker process while the parent process resolves the recipes.
    Calling it is never required.
    """
    import matplotlib.backends.backend_pdf
    import matplotlib.backends.backend_svg  # noqa: F401

    import dmsummary.render.draw
    import dmsummary.render.mathcache  # noqa: F401


def __dir__() -> list[str]:
    return __all__
