"""Every built-in recipe is an image test (STYLE P10): rendered at 100 dpi and compared with
a committed baseline. Regenerate on purpose with DMSUMMARY_REGENERATE_BASELINES=1."""

from __future__ import annotations

from pathlib import Path

import pytest

from dmsummary.recipes import builtin_recipes, load_recipe, resolve_recipe
from dmsummary.render import save
from dmsummary.render.testing import assert_image_matches

BASELINES = Path(__file__).parent / "baseline"


@pytest.mark.slow
@pytest.mark.parametrize("name", builtin_recipes())
def test_builtin_recipe_image(mirror: Path, tmp_path: Path, name: str) -> None:
    figure = resolve_recipe(load_recipe(name))
    png = save(figure, tmp_path, formats=("png",), dpi=100)["png"]
    assert_image_matches(png, name.replace("/", "--"), baseline_dir=BASELINES, tol=2.0)
