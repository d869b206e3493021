"""The render public surface is small and pinned (STYLE P3)."""

from __future__ import annotations

import importlib

import pytest

PUBLIC = {
    "dmsummary.render": ["LayerArtists", "RenderedPlot", "preload", "render", "save"],
    "dmsummary.render.mathcache": ["shared_mathtext_cache"],
    "dmsummary.render.artists": ["LayerArtists", "RenderedPlot"],
    "dmsummary.render.styles": [
        "DEFAULT",
        "LATEX",
        "PAPER",
        "SIZES",
        "STYLES",
        "TALK",
        "resolve_style",
    ],
    "dmsummary.render.palette": [
        "COLORS",
        "FOG_COLOR",
        "HOUSE_COLORS",
        "ROLE_COLORS",
        "STATUS_LINESTYLES",
        "LayerStyle",
        "assign_styles",
        "experiment_family",
    ],
    "dmsummary.render.labels": ["Placement", "place_labels", "visible_runs"],
    "dmsummary.render.draw": ["draw", "style_context"],
    "dmsummary.render.output": ["FORMATS", "METADATA", "check_formats", "write_atomically"],
    "dmsummary.render.testing": ["REGENERATE_ENV", "assert_image_matches"],
}


@pytest.mark.parametrize("module_name", sorted(PUBLIC))
def test_dir_is_pinned(module_name: str) -> None:
    module = importlib.import_module(module_name)
    assert sorted(dir(module)) == sorted(PUBLIC[module_name])
    assert sorted(module.__all__) == sorted(PUBLIC[module_name])
    for name in module.__all__:
        assert getattr(module, name) is not None, name


def test_styles_are_plain_dicts_and_variants_merge() -> None:
    from dmsummary.render.styles import DEFAULT, LATEX, PAPER, TALK, resolve_style

    assert DEFAULT == PAPER
    assert TALK["font.size"] > PAPER["font.size"]
    assert PAPER["text.usetex"] is False
    merged = resolve_style({**PAPER, **LATEX})
    assert merged["text.usetex"] is True
    assert resolve_style({"lines.linewidth": 2.5})["lines.linewidth"] == 2.5
    assert resolve_style(None) is not DEFAULT  # a copy: constants are never mutated


def test_docstring_example_runs() -> None:
    import doctest

    import dmsummary.render

    result = doctest.testmod(dmsummary.render, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0
    assert result.failed == 0
