"""render(): artists per layer, styles by status and role, fills, bands, legends, errors."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from dataclasses import replace

import matplotlib as mpl  # noqa: TID251
import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: TID251
from matplotlib.figure import Figure as MplFigure  # noqa: TID251

from dmsummary.exceptions import RecipeError
from dmsummary.recipes import Annotation, Figure
from dmsummary.render import render
from dmsummary.render.palette import FOG_COLOR, ROLE_COLORS

from .conftest import figure, layer, synthetic_limit


def test_import_is_lazy() -> None:
    code = (
        "import sys, dmsummary.render, dmsummary.render.styles, dmsummary.render.palette\n"
        "assert 'matplotlib' not in sys.modules, 'imported too early'\n"
        "import numpy as np\n"
        "from dmsummary.recipes import AxisSpec, Figure, Layer, LayerProvenance\n"
        "x = np.geomspace(10, 1e3, 5)\n"
        "f = Figure('r', 't', 'si', AxisSpec('x', 'GeV', (1, 1e4)), AxisSpec('y', 'cm^2', "
        "(1e-50, 1e-40)), (Layer('a', 'A', 'direct-detection', 'observed', 0.9, 'curve', "
        "((x, x * 1e-48),), LayerProvenance()),))\n"
        "dmsummary.render.render(f)\n"
        "assert 'matplotlib' in sys.modules\n"
        "assert 'matplotlib.pyplot' not in sys.modules, 'pyplot must never be imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_segments_are_drawn_separately() -> None:
    m1, y1 = synthetic_limit(5.0, 1e-47)
    island = (np.array([200.0, 400.0, 800.0]), np.array([1e-44, 5e-45, 1e-44]))
    y_gap = y1.copy()
    y_gap[40] = np.nan  # a NaN inside a segment is a gap, not a join
    f = figure((layer("a", ((m1, y_gap), island), fill="above"),))
    plot = render(f)
    art = plot.layers["a"]
    assert len(art.lines) == 2
    np.testing.assert_array_equal(art.lines[1].get_xdata(), island[0])
    assert np.isnan(np.asarray(art.lines[0].get_ydata(), dtype=float)[40])
    # Fills: two runs of the first segment (split at the NaN) plus the island.
    assert len(art.fills) == 3
    assert len(plot.ax.get_lines()) == 2


@pytest.mark.parametrize(
    ("status", "dashed"),
    [("observed", False), ("expected", True), ("projection", True), ("theory", True)],
)
def test_line_style_by_status(status: str, dashed: bool) -> None:
    f = figure((layer("a", (synthetic_limit(5.0, 1e-47),), status=status),))
    line = render(f).layers["a"].lines[0]
    assert (line.get_linestyle() != "-") is dashed
    if status == "expected":
        assert len(line._dash_pattern[1]) == 4  # dash-dot
    if status == "theory":
        on, off = line._dash_pattern[1][:2]
        assert on < off  # dotted


def test_projection_shares_its_experiment_colour_and_roles_pick_families(
    real_si_figure: Callable[..., Figure],
) -> None:
    plot = render(real_si_figure())
    colour = {k: a.style.color for k, a in plot.layers.items()}
    assert colour["xlzd-1000ty-excl-si"] == colour["lz-2024-si"]
    assert colour["darwin-proj-si"] == colour["xenonnt-2025-si"]
    assert colour["darkside-20k-proj-si"] == colour["darkside-50-2022-si"]
    assert colour["nufog-n2-xe-si"] == FOG_COLOR
    assert colour["collider-demo"] == ROLE_COLORS["collider"][0]
    observed = [
        colour[k] for k in colour if k.endswith(("2019-si", "2022-si", "2024-si", "2025-si"))
    ]
    assert len(set(observed)) == len(observed)
    fog = plot.layers["nufog-n2-xe-si"]
    assert fog.label is not None
    assert fog.label.get_fontstyle() == "italic"


def test_style_overrides_win() -> None:
    f = figure(
        (
            layer(
                "a",
                (synthetic_limit(5.0, 1e-47),),
                style={"color": "#123456", "linestyle": "dotted", "linewidth": 3.0, "zorder": 7},
            ),
        )
    )
    line = render(f).layers["a"].lines[0]
    assert mpl.colors.to_hex(line.get_color()) == "#123456"
    assert line.get_linewidth() == 3.0
    assert line.get_zorder() == 7


def test_fill_above_reaches_the_top_and_fog_fills_below() -> None:
    m, y = synthetic_limit(5.0, 1e-47)
    fog_x = np.geomspace(1, 1e4, 30)
    f = figure(
        (
            layer("a", ((m, y),), fill="above"),
            layer(
                "fog",
                ((fog_x, 1e-49 * np.ones_like(fog_x)),),
                label="ν fog",
                role="neutrino-fog",
                status="theory",
                fill="below",
            ),
        )
    )
    plot = render(f)
    (above,) = plot.layers["a"].fills
    verts = above.get_xy()
    assert verts[:, 1].max() == pytest.approx(1e-38)
    assert 0 < above.get_alpha() <= 0.1
    (below,) = plot.layers["fog"].fills
    assert below.get_xy()[:, 1].min() == pytest.approx(1e-50)
    r, g, b, _ = below.get_facecolor()
    assert r == g == b  # grey
    assert below.get_zorder() < above.get_zorder()


def test_band_is_translucent_around_its_curve(synthetic_figure: Callable[..., Figure]) -> None:
    plot = render(synthetic_figure())
    art = plot.layers["collider-demo"]
    assert art.band is not None
    assert 0 < art.band.get_alpha() < 0.5
    assert mpl.colors.to_hex(art.band.get_facecolor()[0]) == mpl.colors.to_hex(
        art.lines[0].get_color()
    )
    assert art.band.get_zorder() < art.lines[0].get_zorder()


def test_legend_modes(synthetic_figure: Callable[..., Figure]) -> None:
    inline = render(synthetic_figure())
    assert inline.legend is None
    assert all(a.label is not None for a in inline.layers.values())

    boxed = render(synthetic_figure(legend="legend"))
    assert boxed.legend is not None
    assert [t.get_text() for t in boxed.legend.get_texts()] == [
        "Exp A (2024)",
        "Exp B (2023)",
        "Exp C (2022)",
        "Exp A upgrade (proj.)",
        "Collider (synthetic)",
    ]
    assert all(a.label is None and a.in_legend for a in boxed.layers.values())
    fig = boxed.figure
    fig.draw_without_rendering()
    renderer = fig.canvas.get_renderer()
    inside = boxed.ax.get_window_extent(renderer)
    legend_box = boxed.legend.get_window_extent(renderer)
    assert inside.x0 <= legend_box.x0
    assert legend_box.x1 <= inside.x1
    for note in boxed.annotations:  # the legend avoids the annotations
        assert not legend_box.overlaps(note.get_window_extent(renderer))

    for size in ("single", "double"):
        outside = render(synthetic_figure(legend="legend-outside", size=size))
        assert outside.legend is not None
        outside.figure.draw_without_rendering()
        renderer = outside.figure.canvas.get_renderer()
        box = outside.legend.get_window_extent(renderer)
        axes_box = outside.ax.get_window_extent(renderer)
        assert not box.overlaps(axes_box)
        fig_box = outside.figure.bbox
        assert fig_box.x0 <= box.x0
        assert box.x1 <= fig_box.x1
        assert fig_box.y0 <= box.y0
        assert box.y1 <= fig_box.y1


def test_annotations_and_title(synthetic_figure: Callable[..., Figure]) -> None:
    plot = render(synthetic_figure(show_title=True, title="A title"))
    assert plot.title is not None
    assert plot.title.get_text() == "A title"
    texts = [t.get_text() for t in plot.annotations]
    assert texts[1] == "90% CL"
    assert plot.annotations[1].get_transform() == plot.ax.transAxes
    assert plot.annotations[1].get_horizontalalignment() == "right"
    assert render(synthetic_figure()).title is None


def test_axes_follow_the_axis_specs(synthetic_figure: Callable[..., Figure]) -> None:
    plot = render(synthetic_figure())
    ax = plot.ax
    assert ax.get_xscale() == "log"
    assert ax.get_yscale() == "log"
    assert ax.get_xlim() == pytest.approx((1.0, 1e4))
    assert ax.get_ylim() == pytest.approx((1e-50, 1e-38))
    assert ax.get_xlabel() == r"$m_\chi$ [GeV]"
    assert len(ax.xaxis.get_minorticklocs()) > 10
    labels = [t.get_text() for t in ax.xaxis.get_ticklabels()]
    assert r"$\mathdefault{10^{2}}$" in labels


def test_size_sets_the_width(synthetic_figure: Callable[..., Figure]) -> None:
    assert render(synthetic_figure()).figure.get_size_inches()[0] == pytest.approx(3.4)
    assert render(synthetic_figure(size="double")).figure.get_size_inches()[0] == pytest.approx(
        7.0
    )


def test_render_on_given_axes_keeps_global_state(synthetic_figure: Callable[..., Figure]) -> None:
    before = dict(mpl.rcParams)
    fig = MplFigure(figsize=(5, 4))
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    plot = render(synthetic_figure(), ax=ax, style="talk")
    assert plot.ax is ax
    assert plot.figure is fig
    assert dict(mpl.rcParams) == before


@pytest.mark.parametrize(
    ("change", "match"),
    [
        ({"legend": "side"}, "legend='side'"),
        ({"size": "poster"}, "size='poster'"),
    ],
)
def test_invalid_figures_raise(
    synthetic_figure: Callable[..., Figure], change: dict[str, str], match: str
) -> None:
    with pytest.raises(RecipeError, match=match):
        render(synthetic_figure(**change))


def test_invalid_layer_and_style_raise(synthetic_figure: Callable[..., Figure]) -> None:
    f = synthetic_figure()
    bad = replace(f, layers=(replace(f.layers[0], fill="left"),))
    with pytest.raises(RecipeError, match="fill='left'"):
        render(bad)
    dup = replace(f, layers=(f.layers[0], f.layers[0]))
    with pytest.raises(RecipeError, match="more than once"):
        render(dup)
    with pytest.raises(RecipeError, match="unknown style 'neon'"):
        render(f, style="neon")


def test_annotation_only_figure_renders() -> None:
    f = figure((), annotations=(Annotation("nothing yet", (0.5, 0.5)),))
    plot = render(f)
    assert plot.layers == {}
    assert plot.legend is None


def test_house_colour_goes_to_the_first_family_that_claims_it() -> None:
    from dmsummary.render.palette import HOUSE_COLORS, _family_colors

    a = layer("a", (synthetic_limit(5.0, 1e-47),))
    b = layer("b", (synthetic_limit(6.0, 1e-46),), style={"color": HOUSE_COLORS["LZ"]})
    colours = _family_colors((a, b))
    # layers without catalogue entries are families of their own, with role colours
    assert colours["id:a"] == ROLE_COLORS["direct-detection"][0]
    assert "id:b" not in colours  # fixed by the recipe
    # a recipe colour is never reused by a palette colour
    c = layer(
        "c", (synthetic_limit(5.0, 1e-47),), style={"color": ROLE_COLORS["direct-detection"][0]}
    )
    colours = _family_colors((c, a))
    assert colours["id:a"] == ROLE_COLORS["direct-detection"][1]
