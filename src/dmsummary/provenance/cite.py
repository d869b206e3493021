"""BibTeX for a figure: every work behind the curves drawn, plus dmsummary itself.

Records come from :func:`dmsummary.catalogue.citation.bibtex` (one per distinct
:func:`~dmsummary.catalogue.citation.bibtex_key`, so entries citing the same arXiv id share
one record), in drawing order, parents of derived layers included; curves listed as
*unavailable* are not drawn and are not cited. The last record cites dmsummary.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dmsummary.catalogue.citation import bibtex, bibtex_key

if TYPE_CHECKING:
    from dmsummary.catalogue import Entry
    from dmsummary.recipes.model import Figure

__all__ = ["DMSUMMARY_BIBTEX_KEY", "dmsummary_bibtex", "figure_bibtex", "figure_cite_keys"]

DMSUMMARY_BIBTEX_KEY = "dmsummary"
"""BibTeX key of the dmsummary software record."""

# As in CITATION.cff at the repository root (the installed package cannot read it);
# tests/provenance/test_cite.py checks that the two agree.
_TITLE = "dmsummary: reproducible, citable dark-matter summary plots"
_AUTHORS = "The dmsummary developers"
_YEAR = "2026"
_LICENSE = "BSD-3-Clause"
_URL = "https://github.com/dmsummary/dmsummary"


def dmsummary_bibtex() -> str:
    """Return the BibTeX record of the installed dmsummary version.

    Returns
    -------
    str
        One ``@software`` record with key :data:`DMSUMMARY_BIBTEX_KEY`.
    """
    from dmsummary import __version__

    fields = [
        ("title", "{" + _TITLE + "}"),
        ("author", "{" + _AUTHORS + "}"),
        ("version", __version__),
        ("year", _YEAR),
        ("url", _URL),
        ("license", _LICENSE),
        ("note", f"Version {__version__}"),
    ]
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@software{{{DMSUMMARY_BIBTEX_KEY},\n{body}\n}}\n"


def _cited(figure: Figure) -> list[tuple[str, Entry]]:
    """Return (key, first entry citing it) for every distinct work, in drawing order."""
    seen: dict[str, Entry] = {}
    for entry in figure.entries:
        seen.setdefault(bibtex_key(entry), entry)
    return list(seen.items())


def figure_cite_keys(figure: Figure) -> tuple[str, ...]:
    """Return the BibTeX keys of the works drawn, in drawing order, each once.

    Parameters
    ----------
    figure : Figure
        The resolved figure.

    Returns
    -------
    tuple of str
        Keys as used in :func:`figure_bibtex` (without the dmsummary key).
    """
    return tuple(key for key, _ in _cited(figure))


def figure_bibtex(figure: Figure) -> str:
    """Return the BibTeX of a figure: the works drawn, then dmsummary.

    Parameters
    ----------
    figure : Figure
        The resolved figure.

    Returns
    -------
    str
        Records separated by blank lines, deterministic for a given figure and dmsummary
        version. Catalogue strings are LaTeX-escaped by
        :func:`~dmsummary.catalogue.citation.bibtex`.

    Examples
    --------
    >>> from dmsummary.recipes import AxisSpec, Figure
    >>> axis = AxisSpec("x", "GeV", (1.0, 10.0))
    >>> empty = Figure("demo", "Demo", "si", axis, axis, layers=())
    >>> print(figure_bibtex(empty).splitlines()[0])
    @software{dmsummary,
    """
    records = [bibtex(entry) for _, entry in _cited(figure)]
    records.append(dmsummary_bibtex())
    return "\n".join(records)


def __dir__() -> list[str]:
    return __all__
