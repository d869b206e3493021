"""Provenance and citation of figures: reports, BibTeX and canonical digests.

Every figure ships with a provenance report (one row per curve drawn: reference,
figure/table, HEPData record, origin, upstream URL, data sha256, licence and, for derived
curves, the derivation chain) and a BibTeX file citing exactly the works drawn plus
dmsummary.

Examples
--------
>>> from dmsummary.provenance import digest
>>> digest({"b": [1, 2], "a": "x"}) == digest({"a": "x", "b": [1, 2]})
True
"""

from __future__ import annotations

from dmsummary.provenance.cite import figure_bibtex
from dmsummary.provenance.digest import canonical_json, digest
from dmsummary.provenance.report import (
    DerivationStep,
    ProvenanceReport,
    ProvenanceRow,
    provenance_report,
)

__all__ = [
    "DerivationStep",
    "ProvenanceReport",
    "ProvenanceRow",
    "canonical_json",
    "digest",
    "figure_bibtex",
    "provenance_report",
]


def __dir__() -> list[str]:
    return __all__
