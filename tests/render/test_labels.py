"""Inline labels: next to their curves, inside the axes, never overlapping each other."""

from __future__ import annotations

import itertools
from collections.abc import Callable

import numpy as np
import pytest

from dmsummary.recipes import Figure
from dmsummary.render import RenderedPlot, render

from .conftest import figure, layer, synthetic_limit


def _label_boxes(plot: RenderedPlot) -> dict[str, object]:
    plot.figure.draw_without_rendering()
    renderer = plot.figure.canvas.get_renderer()  # type: ignore[attr-defined]
    return {
        k: a.label.get_window_extent(renderer)
        for k, a in plot.layers.items()
        if a.label is not None
    }


def _assert_clean(plot: RenderedPlot) -> None:
    boxes = _label_boxes(plot)
    axes_box = plot.ax.get_window_extent()
    for name, box in boxes.items():
        assert axes_box.x0 <= box.x0, name
        assert box.x1 <= axes_box.x1, name
        assert axes_box.y0 <= box.y0, name
        assert box.y1 <= axes_box.y1, name
    for (a, box_a), (b, box_b) in itertools.combinations(boxes.items(), 2):
        assert not box_a.overlaps(box_b), (a, b)
    renderer = plot.figure.canvas.get_renderer()  # type: ignore[attr-defined]
    for note in plot.annotations:
        for name, box in boxes.items():
            assert not box.overlaps(note.get_window_extent(renderer)), name
    # Every layer is named somewhere: inline or, as a fallback, in the legend.
    for name, art in plot.layers.items():
        assert (art.label is not None) != art.in_legend, name


@pytest.mark.parametrize("size", ["single", "double"])
def test_synthetic_labels_do_not_overlap(
    synthetic_figure: Callable[..., Figure], size: str
) -> None:
    plot = render(synthetic_figure(size=size))
    _assert_clean(plot)
    assert all(a.label is not None for a in plot.layers.values())


@pytest.mark.parametrize("size", ["single", "double"])
def test_real_labels_do_not_overlap(real_si_figure: Callable[..., Figure], size: str) -> None:
    plot = render(real_si_figure(size=size))
    _assert_clean(plot)
    placed = sum(a.label is not None for a in plot.layers.values())
    assert placed >= (8 if size == "single" else 10)


def test_labels_take_the_line_colour_and_a_white_halo(
    synthetic_figure: Callable[..., Figure],
) -> None:
    plot = render(synthetic_figure())
    for art in plot.layers.values():
        assert art.label is not None
        assert art.label.get_color() == art.style.color
        assert art.label.get_path_effects()


def test_label_follows_the_slope_of_its_curve() -> None:
    # A straight line at 45° in display space: the label is rotated along it.
    x = np.geomspace(1, 1e4, 20)
    f = figure(
        (layer("diag", ((x, 1e-50 * x**3),), label="A long label along the curve"),),
        size="double",
    )
    plot = render(f)
    label = plot.layers["diag"].label
    assert label is not None
    ax = plot.ax
    (x0, y0), (x1, y1) = ax.transData.transform([(1, 1e-50), (1e4, 1e-38)])
    slope = np.degrees(np.arctan2(y1 - y0, x1 - x0))
    assert label.get_rotation() == pytest.approx(slope, abs=3)


def test_label_at_hint_is_honoured(synthetic_figure: Callable[..., Figure]) -> None:
    f = synthetic_figure()
    hinted = tuple(
        lay if lay.id != "exp-c" else type(lay)(**{**_fields(lay), "label_at": (300.0, 1e-40)})
        for lay in f.layers
    )
    plot = render(type(f)(**{**_fields(f), "layers": hinted}))
    label = plot.layers["exp-c"].label
    assert label is not None
    assert label.get_position() == pytest.approx((300.0, 1e-40))
    _assert_clean(plot)


def test_label_that_cannot_fit_falls_back_to_a_legend() -> None:
    # Many parallel curves packed a few pixels apart: not all labels fit inline.
    m = np.geomspace(1, 1e4, 40)
    layers = tuple(
        layer(f"c{i}", ((m, 1e-45 * (1 + 0.04 * i) * np.ones_like(m)),), label=f"Curve {i}")
        for i in range(12)
    )
    plot = render(figure(layers))
    fallback = [k for k, a in plot.layers.items() if a.in_legend]
    assert fallback
    assert plot.legend is not None
    assert len(plot.legend.get_texts()) == len(fallback)
    _assert_clean(plot)


def test_hidden_curve_gets_no_label() -> None:
    m, y = synthetic_limit(5.0, 1e-30)  # entirely above the axes
    plot = render(figure((layer("gone", ((m, y),)),)))
    art = plot.layers["gone"]
    assert art.label is None
    assert art.in_legend  # still named, in the fallback legend


def _fields(obj: object) -> dict[str, object]:
    return {name: getattr(obj, name) for name in obj.__slots__}  # type: ignore[attr-defined]
