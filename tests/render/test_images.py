"""Image regression against committed baselines (``tests/render/baseline/*.png``).

Regenerate with ``DMSUMMARY_REGENERATE_BASELINES=1 uv run pytest tests/render`` (Linux,
locked environment), look at the new PNGs, and commit them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from dmsummary.recipes import Figure
from dmsummary.render import save
from dmsummary.render.testing import REGENERATE_ENV, assert_image_matches

CASES = {
    "synthetic-single-inline": {},
    "synthetic-double-legend": {"size": "double", "legend": "legend"},
    "synthetic-single-outside": {"legend": "legend-outside", "show_title": True},
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_synthetic_images(
    synthetic_figure: Callable[..., Figure],
    image_matches: Callable[..., None],
    tmp_path: Path,
    name: str,
) -> None:
    out = save(synthetic_figure(output=name, **CASES[name]), tmp_path, formats=("png",), dpi=100)
    image_matches(out["png"], name)


@pytest.mark.parametrize("size", ["single", "double"])
def test_real_si_images(
    real_si_figure: Callable[..., Figure],
    image_matches: Callable[..., None],
    tmp_path: Path,
    size: str,
) -> None:
    name = f"real-si-{size}-inline"
    out = save(real_si_figure(output=name, size=size), tmp_path, formats=("png",), dpi=100)
    image_matches(out["png"], name)


def test_a_different_image_fails(
    synthetic_figure: Callable[..., Figure],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(REGENERATE_ENV, raising=False)
    base = tmp_path / "base"
    first = save(synthetic_figure(output="x"), tmp_path / "a", formats=("png",), dpi=60)
    base.mkdir()
    (base / "x.png").write_bytes(first["png"].read_bytes())
    assert_image_matches(first["png"], "x", baseline_dir=base)  # identical: passes
    other = save(
        synthetic_figure(output="x", legend="legend"), tmp_path / "b", formats=("png",), dpi=60
    )
    with pytest.raises(AssertionError, match="differs from"):
        assert_image_matches(other["png"], "x", baseline_dir=base)
    with pytest.raises(AssertionError, match="no baseline"):
        assert_image_matches(other["png"], "missing", baseline_dir=base)


def test_regenerate_writes_the_baseline(
    synthetic_figure: Callable[..., Figure],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(REGENERATE_ENV, "1")
    out = save(synthetic_figure(output="y"), tmp_path / "a", formats=("png",), dpi=40)
    assert_image_matches(out["png"], "y", baseline_dir=tmp_path / "new")
    assert (tmp_path / "new" / "y.png").read_bytes() == out["png"].read_bytes()
