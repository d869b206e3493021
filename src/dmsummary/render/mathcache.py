"""One mathtext layout cache shared by every matplotlib renderer of a save.

Matplotlib memoises the layout of each mathtext string (``$10^{-45}$``, axis labels,
inline labels) with a small ``functools.lru_cache`` on the *bound method*
``MathTextParser._parse_cached``: the parser instance is part of the key. Every
renderer (the layout pass, the PNG at 300 dpi, the PDF, the SVG) owns a new parser,
so the same strings are parsed again and again: about 140 parses per espp2026 figure,
a quarter of the CPU time of a full build.

:func:`shared_mathtext_cache` swaps in, for the duration of a ``with`` block, a
cache keyed on everything the result depends on (the parser's output type —
vector or raster — the string, dpi, font properties, antialiasing and glyph-loading
flags) but not on the parser instance. The result of a parse depends only on those
arguments (see ``matplotlib.mathtext.MathTextParser._parse_cached``), so the output
bytes are unchanged; only repeated work is skipped. The original method is restored
on exit, so matplotlib's behaviour outside dmsummary's own drawing is untouched.

This relies on a private matplotlib method. If a future matplotlib renames it, the
context manager does nothing (drawing stays correct, only slower); the render tests
compare images byte for byte, so a change of behaviour cannot go unnoticed.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from matplotlib.mathtext import MathTextParser

__all__ = ["shared_mathtext_cache"]

_ORIGINAL: Any = MathTextParser.__dict__.get("_parse_cached")
_RAW: Any = getattr(_ORIGINAL, "__wrapped__", None)
_PARSERS: dict[str, MathTextParser[Any]] = {}


@functools.lru_cache(maxsize=4096)
def _parse(output_type: str, s: str, dpi: float, prop: Any, antialiased: bool, flags: Any) -> Any:
    parser = _PARSERS.get(output_type)
    if parser is None:
        parser = MathTextParser("path" if output_type == "vector" else "agg")
        _PARSERS[output_type] = parser
    return _RAW(parser, s, dpi, prop, antialiased, flags)


def _shared(
    self: MathTextParser[Any], s: str, dpi: float, prop: Any, antialiased: bool, flags: Any
) -> Any:
    return _parse(self._output_type, s, dpi, prop, antialiased, flags)  # type: ignore[attr-defined]


@contextmanager
def shared_mathtext_cache() -> Iterator[None]:
    """Share mathtext layouts between all renderers inside the ``with`` block.

    Re-entrant; not thread-safe (it swaps a class attribute, as matplotlib's own
    global state is not thread-safe either).

    Yields
    ------
    None
    """
    if _RAW is None or MathTextParser.__dict__.get("_parse_cached") is not _ORIGINAL:
        yield  # private API changed, or already inside a shared block
        return
    MathTextParser._parse_cached = _shared  # type: ignore[attr-defined]
    try:
        yield
    finally:
        MathTextParser._parse_cached = _ORIGINAL  # type: ignore[attr-defined]


def __dir__() -> list[str]:
    return sorted(__all__)
