from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

import dmsummary
from dmsummary.catalogue import Catalogue
from dmsummary.catalogue.citation import bibtex_key
from dmsummary.provenance import figure_bibtex, provenance_report
from dmsummary.provenance.cite import DMSUMMARY_BIBTEX_KEY, dmsummary_bibtex
from dmsummary.recipes import Figure, LayerProvenance

from .conftest import X, Y, catalogue_layer

REPO = Path(__file__).resolve().parents[2]


def keys(bib: str) -> list[str]:
    return re.findall(r"^@\w+\{([^,]+),$", bib, flags=re.MULTILINE)


def test_every_drawn_work_once_then_dmsummary(make_figure: Callable[..., Figure]) -> None:
    bib = figure_bibtex(make_figure())
    assert keys(bib) == [
        "arXiv:2410.17036",
        "arXiv:2502.18005",
        "arXiv:2410.17137",
        "arXiv:2301.10731",  # the parent of the derived layer
        DMSUMMARY_BIBTEX_KEY,
    ]
    assert "2402.03596" not in bib  # unavailable curves are not drawn, not cited


def test_entries_citing_one_work_share_one_record(catalogue: Catalogue) -> None:
    lz = catalogue.get("lz-2024-si")
    ddp = catalogue.get("lz-2024-si-ddp")
    assert bibtex_key(lz) == bibtex_key(ddp)
    derived = catalogue_layer(
        lz,
        id="lz-rescaled",
        provenance=LayerProvenance(translation="x.y", parents=(LayerProvenance(entry=lz),)),
    )
    figure = Figure(
        "t/dup", "Dup", "si", X, Y, (catalogue_layer(lz), catalogue_layer(ddp), derived)
    )
    bib = figure_bibtex(figure)
    assert keys(bib) == ["arXiv:2410.17036", DMSUMMARY_BIBTEX_KEY]
    assert bib.count("@") == 2
    assert provenance_report(figure).cite_keys == ("arXiv:2410.17036",)


def test_report_bibtex_is_figure_bibtex(make_figure: Callable[..., Figure]) -> None:
    figure = make_figure()
    assert provenance_report(figure).bibtex == figure_bibtex(figure)


def test_empty_figure_cites_only_dmsummary() -> None:
    assert keys(figure_bibtex(Figure("t/empty", "Empty", "si", X, Y, ()))) == ["dmsummary"]


def test_dmsummary_record_agrees_with_citation_cff() -> None:
    cff = yaml.safe_load((REPO / "CITATION.cff").read_text(encoding="utf-8"))
    record = dmsummary_bibtex()
    fields = dict(re.findall(r"^  (\w+) = \{(.*)\},?$", record, flags=re.MULTILINE))
    assert fields["title"] == "{" + cff["title"] + "}"
    assert fields["author"] == "{" + " and ".join(a["name"] for a in cff["authors"]) + "}"
    assert fields["version"] == dmsummary.__version__ == str(cff["version"])
    assert fields["year"] == str(cff["date-released"])[:4]
    assert fields["license"] == cff["license"]


@pytest.mark.slow
def test_every_catalogue_key_is_safe_for_cite(catalogue: Catalogue) -> None:
    # \cite{...} and BibTeX keys must not need escaping; the schema patterns guarantee it.
    for entry in catalogue:
        assert re.fullmatch(r"[A-Za-z0-9./:_+-]+", bibtex_key(entry)), entry.id


def test_bibtex_field_turns_line_breaks_into_spaces() -> None:
    from dmsummary.catalogue.citation import _escape

    assert _escape("Dark matter\nsearch with\tLZ") == "Dark matter search with LZ"
    assert _escape("A\u0007B & 50%") == r"AB \& 50\%"
