"""One experiment, one colour: across every built-in figure, and distinct within each."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest

from dmsummary.recipes import builtin_recipes, load_recipe, resolve_recipe
from dmsummary.recipes.model import Figure
from dmsummary.render.palette import HOUSE_COLORS, assign_styles, experiment_family


@pytest.fixture
def figures(mirror: Path) -> dict[str, Figure]:
    return {name: resolve_recipe(load_recipe(name)) for name in builtin_recipes()}


def _auto_colours(figure: Figure) -> dict[str, set[str]]:
    """Family -> colours of the layers whose colour the palette chose."""
    styles = assign_styles(figure.layers)
    out: dict[str, set[str]] = defaultdict(set)
    for layer in figure.layers:
        if "color" in layer.style or layer.role in {"neutrino-fog", "relic-target"}:
            continue
        out[experiment_family(layer)].add(styles[layer.id].color.upper())
    return out


def test_house_families_keep_their_colour_in_every_figure(figures: dict[str, Figure]) -> None:
    seen: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for name, figure in figures.items():
        for family, colours in _auto_colours(figure).items():
            for colour in colours:
                seen[family][colour].add(name)
    wrong = {
        family: {c: sorted(names) for c, names in by_colour.items()}
        for family, by_colour in seen.items()
        if family in HOUSE_COLORS and set(by_colour) != {HOUSE_COLORS[family].upper()}
    }
    assert not wrong, f"families off their house colour: {wrong}"
    # the check is not vacuous: the main experiments appear in several figures
    for family in ("LZ", "XENON", "PandaX", "DarkSide", "SuperCDMS", "SENSEI"):
        assert sum(len(n) for n in seen[family].values()) >= 2, family


def test_families_are_distinct_within_each_figure(figures: dict[str, Figure]) -> None:
    for name, figure in figures.items():
        colours = _auto_colours(figure)
        flat = [c for cs in colours.values() for c in cs]
        assert all(len(cs) == 1 for cs in colours.values()), (name, colours)
        assert len(flat) == len(set(flat)), (name, colours)
        fixed = {str(ly.style["color"]).upper() for ly in figure.layers if "color" in ly.style}
        assert not fixed & set(flat), (name, fixed & set(flat))
