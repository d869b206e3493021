"""Citations of catalogue entries: BibTeX records and one-line references."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from dmsummary.catalogue.entry import Entry

__all__ = ["bibtex", "bibtex_key", "reference_line"]

_LATEX_SPECIALS = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}


def _escape(text: str) -> str:
    """Escape text for a BibTeX field (no LaTeX injection from catalogue strings).

    Line breaks and tabs become single spaces (a multi-line YAML title stays readable);
    other control characters are dropped.
    """
    spaced = " ".join(text.split()) if any(ch in text for ch in "\n\r\t\v\f") else text
    cleaned = "".join(ch for ch in spaced if ch.isprintable())
    return "".join(_LATEX_SPECIALS.get(ch, ch) for ch in cleaned)


def bibtex_key(entry: Entry) -> str:
    """Return a stable BibTeX key for the work an entry cites.

    Entries citing the same arXiv id (or DOI) share a key, so a bibliography
    lists each work once.

    Parameters
    ----------
    entry : Entry
        The entry.

    Returns
    -------
    str
        ``arXiv:2410.17036``-style key, else a DOI- or id-based key.
    """
    ref = entry.reference
    if "arxiv" in ref:
        return f"arXiv:{ref['arxiv']}"
    if "doi" in ref:
        return "doi:" + re.sub(r"[^A-Za-z0-9./:-]", "_", str(ref["doi"]))
    return "dmsummary:" + entry.id


def reference_line(reference: Mapping[str, Any]) -> str:
    """Return a one-line human-readable reference (arXiv, journal, DOI, figure).

    Parameters
    ----------
    reference : Mapping
        An entry's ``reference`` mapping.

    Returns
    -------
    str
        e.g. ``arXiv:2410.17036; Phys. Rev. Lett. 135, 011802 (2025); Fig. 4``.
    """
    parts = []
    if "collaboration" in reference:
        parts.append(f"{reference['collaboration']} Collaboration")
    if "arxiv" in reference:
        parts.append(f"arXiv:{reference['arxiv']}")
    if "journal" in reference:
        parts.append(str(reference["journal"]))
    if "doi" in reference:
        parts.append(f"doi:{reference['doi']}")
    if "hepdata" in reference:
        parts.append(f"HEPData {reference['hepdata']}")
    if "citation" in reference:
        parts.append(str(reference["citation"]))
    if "figure" in reference:
        parts.append(str(reference["figure"]))
    return "; ".join(parts)


def bibtex(entry: Entry) -> str:
    """Return a BibTeX record for the work an entry cites.

    Only fields known from the entry are written (no invented authors); an
    arXiv id gives ``eprint``/``archivePrefix``, a DOI gives ``doi``.

    Parameters
    ----------
    entry : Entry
        The entry.

    Returns
    -------
    str
        One ``@article``/``@misc`` record.
    """
    ref = entry.reference
    fields: list[tuple[str, str]] = []
    title = entry.spec.get("title") or entry.label
    fields.append(("title", "{" + _escape(str(title)) + "}"))
    collab = ref.get("collaboration", entry.experiment)
    fields.append(("collaboration", _escape(str(collab))))
    if "arxiv" in ref:
        fields += [("eprint", str(ref["arxiv"])), ("archivePrefix", "arXiv")]
    if "doi" in ref:
        fields.append(("doi", _escape(str(ref["doi"]))))
    if "journal" in ref:
        fields.append(("journal", _escape(str(ref["journal"]))))
    fields.append(("year", str(entry.year)))
    notes = []
    if "hepdata" in ref:
        notes.append(f"HEPData {ref['hepdata']}")
    if "citation" in ref:
        notes.append(str(ref["citation"]))
    if notes:
        fields.append(("note", _escape("; ".join(notes))))
    kind = "article" if "journal" in ref else "misc"
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@{kind}{{{bibtex_key(entry)},\n{body}\n}}\n"


def __dir__() -> list[str]:
    return __all__
