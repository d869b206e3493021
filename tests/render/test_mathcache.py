"""The shared mathtext cache skips repeated parses without changing a single byte."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest
from matplotlib.font_manager import FontProperties  # noqa: TID251
from matplotlib.mathtext import MathTextParser  # noqa: TID251

from dmsummary.recipes.model import Figure
from dmsummary.render import save
from dmsummary.render.mathcache import _parse, shared_mathtext_cache


def test_parsers_share_layouts_inside_the_block_only() -> None:
    original = MathTextParser.__dict__["_parse_cached"]
    prop = FontProperties(family="DejaVu Sans", size=7.25)
    text = r"$\sigma_\mathrm{SI}^{(n)} \approx 10^{-47}$"
    with shared_mathtext_cache():
        assert MathTextParser.__dict__["_parse_cached"] is not original
        before = _parse.cache_info()
        first = MathTextParser("agg").parse(text, 123, prop)
        second = MathTextParser("agg").parse(text, 123, prop)  # a new parser instance
        after = _parse.cache_info()
        with shared_mathtext_cache():  # re-entrant
            MathTextParser("path").parse(text, 72, prop)
        assert MathTextParser.__dict__["_parse_cached"] is not original
    assert MathTextParser.__dict__["_parse_cached"] is original
    assert second is first
    assert after.hits - before.hits >= 1
    # vector and raster layouts are different objects: the output type is in the key
    vector = MathTextParser("path").parse(text, 123, prop)
    assert type(vector).__name__ == "VectorParse"
    assert type(first).__name__ == "RasterParse"


def test_restored_after_an_error() -> None:
    original = MathTextParser.__dict__["_parse_cached"]
    with pytest.raises(KeyError), shared_mathtext_cache():
        raise KeyError(0)
    assert MathTextParser.__dict__["_parse_cached"] is original


def test_same_bytes_with_and_without_sharing(
    tmp_path: Path, synthetic_figure: Callable[..., Figure], monkeypatch: pytest.MonkeyPatch
) -> None:
    import dmsummary.render.mathcache as mc

    figure = synthetic_figure()
    shared = save(figure, tmp_path / "shared", formats=("png", "svg", "pdf"))
    monkeypatch.setattr(mc, "_RAW", None)  # disables sharing
    plain = save(figure, tmp_path / "plain", formats=("png", "svg", "pdf"))
    for fmt in ("png", "svg", "pdf"):
        a = hashlib.sha256(shared[fmt].read_bytes()).hexdigest()
        b = hashlib.sha256(plain[fmt].read_bytes()).hexdigest()
        assert a == b, fmt
