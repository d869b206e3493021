from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from dmsummary.catalogue import Catalogue
from dmsummary.exceptions import RecipeError
from dmsummary.provenance import ProvenanceReport, provenance_report
from dmsummary.recipes import Figure, LayerProvenance

from .conftest import X, Y, catalogue_layer, higgs_portal_layer

CHAIN = (
    "higgs_portal.sigma_si_from_br_inv(kind=fermion, f_N=0.308 [0.29–0.326], "
    "convention=self-conjugate) ← atlas-2023-hinv-br (BR < 0.107, 95 % CL, arXiv:2301.10731)"
)


@pytest.fixture
def report(make_figure: Callable[..., Figure]) -> ProvenanceReport:
    return provenance_report(make_figure())


def test_one_row_per_layer_in_drawing_order(report: ProvenanceReport) -> None:
    assert [r.layer for r in report.rows] == [
        "lz-2024-si",
        "xenonnt-2025-si",
        "xlzd-1000ty-excl-si",
        "higgs-portal-majorana",
    ]
    assert [r.index for r in report.rows] == [1, 2, 3, 4]


def test_catalogue_row_fields(report: ProvenanceReport) -> None:
    lz = report.rows[0]
    assert lz.label == "LZ (2024)"
    assert lz.experiment == "LZ"
    assert (lz.status, lz.cl, lz.statistic) == ("observed", 0.9, "upper-limit")
    assert lz.reference == "arXiv:2410.17036; Phys. Rev. Lett. 135, 011802 (2025)"
    assert lz.figure == "HEPData record 155182 v2, table 1"
    assert lz.hepdata == "10.17182/hepdata.155182.v2/t1"
    assert lz.origin == "HEPData"
    assert lz.url.startswith("https://raw.githubusercontent.com/apapaefs/twosingletDM/34beddb7")
    assert lz.sha256 == "cdcb151339937e9bb1e27fe858359e3c4eb5f14ae4ff82c8538eaba1a8d5a870"
    assert lz.licence == "CC0-1.0"
    assert lz.source.startswith("apapaefs/twosingletDM@34beddb7")
    assert lz.derivation is None
    assert lz.chain == ""
    assert lz.cite_keys == ("arXiv:2410.17036",)
    assert report.rows[1].origin == "unknown"
    assert report.rows[2].status == "projection"


def test_derived_row_carries_the_chain(report: ProvenanceReport) -> None:
    row = report.rows[3]
    assert row.chain == CHAIN
    assert row.origin == "computed"
    assert (row.cl, row.status, row.role) == (0.95, "observed", "collider")
    assert row.experiment == "ATLAS"
    assert row.reference == "arXiv:2301.10731; Phys. Lett. B 842 (2023) 137963"
    assert row.entries == ("atlas-2023-hinv-br",)
    assert row.cite_keys == ("arXiv:2301.10731",)
    assert row.band == "f_N in [0.290, 0.326]"
    assert row.derivation is not None
    assert row.derivation.translation == "higgs_portal.sigma_si_from_br_inv"
    assert row.derivation.convention == "self-conjugate"
    assert row.derivation.description == "BR(H→inv) limit translated to σ_SI"
    assert [p.entry for p in row.derivation.parents] == ["atlas-2023-hinv-br"]


def test_nested_and_multi_parent_chains(catalogue: Catalogue) -> None:
    lz = LayerProvenance(entry=catalogue.get("lz-2024-si"))
    xe = LayerProvenance(entry=catalogue.get("xenonnt-2025-si"))
    rescaled = LayerProvenance(
        translation="rescaling.scale", parameters={"factor": 2}, parents=(lz,)
    )
    envelope = LayerProvenance(translation="envelope.minimum", parents=(rescaled, xe))
    layer = catalogue_layer(catalogue.get("lz-2024-si"), id="env", provenance=envelope)
    figure = Figure("t/nested", "Nested", "si", X, Y, (layer,))
    row = provenance_report(figure).rows[0]
    assert row.chain == (
        "envelope.minimum() ← (rescaling.scale(factor=2) ← lz-2024-si (90 % CL, arXiv:2410.17036))"
        " + xenonnt-2025-si (90 % CL, arXiv:2502.18005)"
    )
    assert row.entries == ("lz-2024-si", "xenonnt-2025-si")
    assert row.experiment == "LZ; XENONnT"
    assert row.cite_keys == ("arXiv:2410.17036", "arXiv:2502.18005")


def test_figure_facts(report: ProvenanceReport) -> None:
    assert report.recipe_id == "espp2026/higgs-portal-majorana"
    assert report.recipe_digest.startswith("sha256:")
    assert report.plane == "si"
    assert report.x.unit == "GeV"
    assert report.y.scale == "log"
    assert report.cls == (0.9, 0.95)
    assert set(report.writer_info) == {"dmsummary", "python", "numpy"}


def test_cl_note_when_cls_differ(report: ProvenanceReport) -> None:
    assert report.cl_note == (
        "This figure mixes 90 % CL (direct detection, projection) and 95 % CL (collider) "
        "limits; they are not converted."
    )
    assert report.cl_note.replace("_", "\\_") in report.to_markdown()
    assert "95 \\% CL (collider)" in report.to_latex()


def test_no_cl_note_when_cls_agree(make_figure: Callable[..., Figure]) -> None:
    figure = make_figure()
    same = make_figure(layers=figure.layers[:3])
    report = provenance_report(same)
    assert report.cl_note == ""
    assert "mixes" not in report.to_markdown()
    assert "mixes" not in report.to_latex()
    assert "mixes" not in report.to_json()


def test_cl_none_does_not_count_as_a_cl(
    make_figure: Callable[..., Figure], catalogue: Catalogue
) -> None:
    figure = make_figure()
    theory = catalogue_layer(catalogue.get("lz-2024-si"), id="theory", cl=None, role="theory")
    report = provenance_report(make_figure(layers=(*figure.layers[:1], theory)))
    assert report.cl_note == ""


def test_three_cls_are_listed_in_order(make_figure: Callable[..., Figure]) -> None:
    figure = make_figure()
    lz = figure.layers[0]
    odd = catalogue_layer(lz.provenance.entry, id="odd", cl=0.683, role="indirect")  # type: ignore[arg-type]
    report = provenance_report(make_figure(layers=(*figure.layers, odd)))
    assert report.cl_note.startswith(
        "This figure mixes 68.3 % CL (indirect), 90 % CL (direct detection, projection) "
        "and 95 % CL (collider) limits"
    )


def test_unavailable_rows(report: ProvenanceReport) -> None:
    md = report.to_markdown()
    assert "## Not available" in md
    assert (
        "| PandaX-xT projection | not available | not in the data mirror | arXiv:2402.03596 |"
        in md
    )
    assert "-- & PandaX-xT projection & --- & not available & --- & arXiv:2402.03596" in (
        report.to_latex()
    )
    csv_lines = report.to_csv().split("\r\n")
    assert ",,PandaX-xT projection,,,not available,,,arXiv:2402.03596," in csv_lines[-2]
    assert csv_lines[-2].endswith(",not in the data mirror")
    data = json.loads(report.to_json())
    assert data["unavailable"] == [
        {
            "label": "PandaX-xT projection",
            "reason": "not in the data mirror",
            "reference": "arXiv:2402.03596",
        }
    ]


def test_no_unavailable_section_when_nothing_is_missing(
    make_figure: Callable[..., Figure],
) -> None:
    report = provenance_report(make_figure(unavailable=()))
    assert "Not available" not in report.to_markdown()
    assert "not available" not in report.to_csv()


def test_markdown_rows(report: ProvenanceReport) -> None:
    md = report.to_markdown()
    assert md.startswith("# Provenance: Higgs portal, Majorana DM\n")
    assert "- **Recipe digest:** sha256:0123456789abcdef" in md
    assert "- **x axis:** \\$m\\_\\\\chi\\$ \\[GeV\\] (log, 1–10000 GeV)" in md
    assert (
        "| 1 | lz-2024-si | LZ (2024) | LZ | observed | 90 % | upper-limit | "
        "arXiv:2410.17036; Phys. Rev. Lett. 135, 011802 (2025) | "
        "HEPData record 155182 v2, table 1 | 10.17182/hepdata.155182.v2/t1 | HEPData | "
    ) in md
    chain_md = (
        "higgs\\_portal.sigma\\_si\\_from\\_br\\_inv(kind=fermion, f\\_N=0.308 \\[0.29–0.326\\], "
        "convention=self-conjugate) ← atlas-2023-hinv-br (BR &lt; 0.107, 95 % CL, arXiv:2301.10731)"
    )
    assert f"| {chain_md} | arXiv:2301.10731 |" in md
    table = [line for line in md.splitlines() if line.startswith("| ")]
    assert len(table) == 1 + 4 + 1 + 1  # header, rows, unavailable header + row


def test_latex_rows_cite_the_bibtex_keys(report: ProvenanceReport) -> None:
    tex = report.to_latex()
    assert tex.splitlines()[3].startswith(r"\begin{longtable}")
    assert tex.rstrip().endswith(r"\end{longtable}")
    assert (
        r"1 & LZ (2024) & LZ & observed & 90~\% & \cite{arXiv:2410.17036} arXiv:2410.17036" in tex
    )
    assert (
        r"higgs\_portal.sigma\_si\_from\_br\_inv(kind=fermion, f\_N=0.308 {[}0.29--0.326{]}, "
        r"convention=self-conjugate) \ensuremath{\leftarrow} atlas-2023-hinv-br "
        r"(BR \textless{} 0.107, 95 \% CL, arXiv:2301.10731) \\"
    ) in tex
    for key in report.cite_keys:
        assert f"\\cite{{{key}}}" in tex


def test_csv_is_rfc4180(report: ProvenanceReport) -> None:
    import csv
    import io

    text = report.to_csv()
    assert text.endswith("\r\n")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert len(rows) == 5
    assert rows[0]["layer"] == "lz-2024-si"
    assert rows[0]["cl"] == "0.9"
    assert rows[0]["reference"] == "arXiv:2410.17036; Phys. Rev. Lett. 135, 011802 (2025)"
    assert rows[3]["derivation"] == CHAIN
    assert rows[3]["cite_keys"] == "arXiv:2301.10731"


def test_json_round_trip(report: ProvenanceReport) -> None:
    data = json.loads(report.to_json())
    assert data == report.to_dict()
    assert data["report_version"] == "1.0.0"
    assert data["recipe"]["id"] == "espp2026/higgs-portal-majorana"
    assert data["cls"] == [0.9, 0.95]
    assert [r["layer"] for r in data["rows"]][-1] == "higgs-portal-majorana"
    derivation = data["rows"][3]["derivation"]
    assert derivation["parameters"] == {
        "kind": "fermion",
        "f_N": {"value": 0.308, "range": [0.29, 0.326]},
    }
    assert derivation["parents"][0]["entry"] == "atlas-2023-hinv-br"
    assert data["rows"][3]["chain"] == CHAIN
    assert data["entries"]["atlas-2023-hinv-br"]["value"] == {"quantity": "BR", "value": 0.107}
    assert data["entries"]["lz-2024-si"]["data"]["sha256"].startswith("cdcb1513")
    assert set(data["writer_info"]) == {"dmsummary", "python", "numpy"}
    # JSON is canonical: sorted keys, compact; "<" is written as \u003c (HTML-safe).
    assert "\\u003c" in report.to_json()
    assert "<" not in report.to_json()


def test_outputs_are_byte_identical_for_the_same_figure(
    make_figure: Callable[..., Figure], tmp_path: Path
) -> None:
    one, two = provenance_report(make_figure()), provenance_report(make_figure())
    for method in ("to_markdown", "to_latex", "to_csv", "to_json"):
        assert getattr(one, method)() == getattr(two, method)()
    assert one.bibtex == two.bibtex
    first = [p.read_bytes() for p in one.write(tmp_path / "a")]
    second = [p.read_bytes() for p in two.write(tmp_path / "b")]
    assert first == second


def test_write_all_formats_atomically(report: ProvenanceReport, tmp_path: Path) -> None:
    paths = report.write(tmp_path / "out")
    assert [p.name for p in paths] == [
        "higgs-portal-majorana.provenance.md",
        "higgs-portal-majorana.provenance.tex",
        "higgs-portal-majorana.provenance.csv",
        "higgs-portal-majorana.provenance.json",
        "higgs-portal-majorana.bib",
    ]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(p.name for p in paths)
    assert paths[0].read_text(encoding="utf-8") == report.to_markdown()
    assert paths[2].read_bytes() == report.to_csv().encode()  # CRLF kept
    assert paths[3].read_text(encoding="utf-8") == report.to_json()
    assert paths[4].read_text(encoding="utf-8") == report.bibtex


def test_write_selected_formats_and_default_name(
    make_figure: Callable[..., Figure], tmp_path: Path
) -> None:
    report = provenance_report(make_figure(output=""))
    (path,) = report.write(tmp_path, formats=("json",))
    assert path.name == "espp2026-higgs-portal-majorana.provenance.json"


def test_write_refuses_unknown_formats(report: ProvenanceReport, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"unknown provenance format\(s\) \['pdf'\]; choose from"):
        report.write(tmp_path, formats=("md", "pdf"))
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("output", ["../escape", "/etc/passwd", ".hidden", "a/b", "a\nb"])
def test_write_refuses_paths_as_output_names(
    make_figure: Callable[..., Figure], tmp_path: Path, output: str
) -> None:
    report = provenance_report(make_figure(output=output))
    with pytest.raises(RecipeError, match="is not a plain file name"):
        report.write(tmp_path)


def test_layer_without_any_provenance_is_reported_empty(catalogue: Catalogue) -> None:
    layer = catalogue_layer(catalogue.get("lz-2024-si"), id="bare", provenance=LayerProvenance())
    report = provenance_report(Figure("t/bare", "Bare", "si", X, Y, (layer,)))
    row = report.rows[0]
    assert (row.experiment, row.reference, row.sha256, row.chain) == ("", "", "", "")
    assert "| 1 | bare | LZ (2024) | — | observed |" in report.to_markdown()


def test_higgs_portal_layer_alone_has_one_cl() -> None:
    report = provenance_report(Figure("t/hp", "HP", "si", X, Y, (higgs_portal_layer(),)))
    assert report.cls == (0.95,)
    assert report.cl_note == ""
