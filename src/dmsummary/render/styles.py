"""Styles: plain rcParams dictionaries, applied in a :func:`matplotlib.rc_context`.

A style is a ``dict`` of matplotlib rcParams; variants are built by dict merge
(``{**PAPER, "lines.linewidth": 2.0}``), never by :func:`matplotlib.pyplot.style.use`
and never by touching the global ``rcParams``. This module does not import
matplotlib.

Fonts are DejaVu Sans and the DejaVu mathtext set, which ship with matplotlib, so
output is identical on every platform. LaTeX is optional: merge :data:`LATEX`
(it needs a TeX installation and is off by default).

Figure sizes are not part of a style: they follow ``Figure.size`` through
:data:`SIZES` (inches), so a recipe looks the same in every style apart from
fonts and line widths.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

__all__ = [
    "DEFAULT",
    "LATEX",
    "PAPER",
    "SIZES",
    "STYLES",
    "TALK",
    "resolve_style",
]

SIZES: dict[str, tuple[float, float]] = {
    "single": (3.4, 2.9),
    "double": (7.0, 4.4),
}
"""Figure size (width, height) in inches for ``Figure.size`` (single/double column)."""

PAPER: dict[str, Any] = {
    # Fonts: bundled with matplotlib, so baselines survive platform changes.
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans"],
    "mathtext.fontset": "dejavusans",
    "mathtext.default": "it",
    "text.usetex": False,
    "font.size": 8.0,
    "axes.labelsize": 8.5,
    "axes.titlesize": 9.0,
    "xtick.labelsize": 7.5,
    "ytick.labelsize": 7.5,
    "legend.fontsize": 6.5,
    "legend.title_fontsize": 7.0,
    "legend.frameon": True,
    "legend.framealpha": 0.85,
    "legend.edgecolor": "0.8",
    "legend.fancybox": False,
    "legend.handlelength": 2.2,
    "legend.borderaxespad": 0.6,
    "legend.columnspacing": 1.2,
    "legend.labelspacing": 0.35,
    # Axes and ticks: inward ticks on all four sides, HEP style.
    "axes.linewidth": 0.7,
    "axes.labelpad": 2.5,
    "axes.prop_cycle": "cycler(color=['0072B2', 'D55E00', '009E73', 'CC79A7', 'E69F00', "
    "'56B4E9', '000000'])",
    "xtick.direction": "in",
    "ytick.direction": "in",
    "xtick.top": True,
    "ytick.right": True,
    "xtick.major.size": 3.5,
    "ytick.major.size": 3.5,
    "xtick.minor.size": 1.8,
    "ytick.minor.size": 1.8,
    "xtick.major.width": 0.6,
    "ytick.major.width": 0.6,
    "xtick.minor.width": 0.45,
    "ytick.minor.width": 0.45,
    "xtick.major.pad": 3.0,
    "ytick.major.pad": 2.5,
    "lines.linewidth": 1.3,
    "lines.solid_capstyle": "round",
    "lines.dash_capstyle": "butt",
    "patch.linewidth": 0.5,
    # Output: reproducible bytes.
    "figure.dpi": 150.0,
    "savefig.dpi": 300.0,
    "figure.constrained_layout.h_pad": 0.03,
    "figure.constrained_layout.w_pad": 0.03,
    "pdf.fonttype": 42,
    "ps.fonttype": 42,
    "svg.fonttype": "path",
    "svg.hashsalt": "dmsummary",
    "path.simplify": True,
}
"""Publication style: 8 pt text at single/double-column width, thin lines."""

DEFAULT: dict[str, Any] = {**PAPER}
"""The default style (same as :data:`PAPER`)."""

TALK: dict[str, Any] = {
    **PAPER,
    "font.size": 10.0,
    "axes.labelsize": 11.0,
    "axes.titlesize": 11.0,
    "xtick.labelsize": 9.5,
    "ytick.labelsize": 9.5,
    "legend.fontsize": 8.0,
    "axes.linewidth": 0.9,
    "lines.linewidth": 1.8,
    "xtick.major.width": 0.8,
    "ytick.major.width": 0.8,
}
"""Slides: larger fonts and thicker lines (best with ``size="double"``)."""

LATEX: dict[str, Any] = {
    "text.usetex": True,
    "font.family": "serif",
    "text.latex.preamble": r"\usepackage{amsmath}",
}
"""Overlay that switches text to LaTeX (needs a TeX install): ``{**PAPER, **LATEX}``."""

STYLES: dict[str, dict[str, Any]] = {"default": DEFAULT, "paper": PAPER, "talk": TALK}
"""Named styles accepted by ``render(..., style="paper")``."""


def resolve_style(style: str | Mapping[str, Any] | None) -> dict[str, Any]:
    """Return the rcParams dictionary for a style name, a dictionary, or None.

    Parameters
    ----------
    style : str, mapping or None
        A name from :data:`STYLES`, an rcParams mapping (merged over
        :data:`DEFAULT`), or None for :data:`DEFAULT`.

    Returns
    -------
    dict
        A new rcParams dictionary (the module constants are never mutated).

    Raises
    ------
    RecipeError
        If the name is not one of :data:`STYLES`.
    """
    if style is None:
        return dict(DEFAULT)
    if isinstance(style, str):
        try:
            return dict(STYLES[style])
        except KeyError:
            from dmsummary.exceptions import RecipeError

            msg = (
                f"unknown style {style!r}; expected one of {sorted(STYLES)} or a dict of rcParams"
            )
            raise RecipeError(msg) from None
    return {**DEFAULT, **style}


def __dir__() -> list[str]:
    return __all__
