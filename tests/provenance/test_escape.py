"""Hostile strings (HTML, LaTeX, CSV formulas, newlines, control characters) stay text."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable

import pytest

from dmsummary.provenance import ProvenanceReport, provenance_report
from dmsummary.provenance.escape import clean, csv_cell, escape_latex, escape_markdown
from dmsummary.recipes import Figure, Unavailable

from .conftest import HOSTILE, catalogue_layer, hostile_entry

MD_HOSTILE = (
    '&lt;script&gt;alert(1)&lt;/script&gt;" onerror="x" \\| \\\\input{/etc/passwd} '
    "\\$ &amp; % \\# \\_ { } \\~ ^ =cmd"
)
TEX_HOSTILE = (
    r"\textless{}script\textgreater{}alert(1)\textless{}/script\textgreater{}"
    r'" onerror="x" \textbar{} \textbackslash{}input\{/etc/passwd\} '
    r"\$ \& \% \# \_ \{ \} \textasciitilde{} \textasciicircum{} =cmd"
)


@pytest.fixture
def report(make_figure: Callable[..., Figure]) -> ProvenanceReport:
    entry = hostile_entry()
    layer = catalogue_layer(entry, id="hostile-si", label=HOSTILE)
    formula = catalogue_layer(entry, id="formula", label='=HYPERLINK("http://evil","x")')
    figure = make_figure()
    return provenance_report(
        make_figure(
            title=HOSTILE,
            layers=(*figure.layers, layer, formula),
            unavailable=(Unavailable(HOSTILE, "@SUM(A1)", "+1 -2"),),
        )
    )


def test_clean_removes_controls_and_line_breaks() -> None:
    assert clean("a\nb\r\n\tc\x07d\u2028e\x00 ") == "a b cd e"


def test_escape_functions_exact() -> None:
    assert escape_markdown(HOSTILE) == MD_HOSTILE
    assert escape_latex(HOSTILE) == TEX_HOSTILE
    assert escape_latex("[opt]") == "{[}opt{]}"
    for start in "=+-@":
        assert csv_cell(f"{start}1+1") == f"'{start}1+1"
    assert csv_cell("  =1") == "'=1"  # leading spaces are stripped first
    assert csv_cell("a=1") == "a=1"


def test_markdown_has_no_raw_html_and_an_intact_table(report: ProvenanceReport) -> None:
    md = report.to_markdown()
    assert "<script" not in md
    assert "<" not in md
    assert ">" not in md
    assert "\x07" not in md
    assert f"| 5 | hostile-si | {MD_HOSTILE} | {MD_HOSTILE} | observed |" in md
    assert md.startswith(f"# Provenance: {MD_HOSTILE}\n")
    # Every table line has exactly one cell per column: no unescaped "|" from the data.
    for line in md.splitlines():
        if line.startswith("|"):
            cells = re.split(r"(?<!\\)\|", line)
            assert len(cells) - 2 in (16, 4), line


def test_latex_has_no_command_from_the_data(report: ProvenanceReport) -> None:
    tex = report.to_latex()
    assert "\\input" not in tex
    assert "\x07" not in tex
    assert f"5 & {TEX_HOSTILE} & {TEX_HOSTILE} & observed" in tex
    body = [line for line in tex.splitlines() if not line.startswith("%")]
    for line in body:
        assert not re.search(r"(?<!\\)%", line), line  # no comment opened
        opened = len(re.findall(r"(?<!\\)\{", line))
        closed = len(re.findall(r"(?<!\\)\}", line))
        assert opened == closed, line
        if line.endswith(r" \\") and not line.startswith((r"\multicolumn", r"\caption", r"\#")):
            assert len(re.findall(r"(?<!\\)&", line)) == 7, line
    # the comment lines cannot be broken out of either
    assert all("\n" not in line for line in tex.splitlines())


def test_csv_cells_are_single_line_and_formulas_defused(report: ProvenanceReport) -> None:
    text = report.to_csv()
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert len(text.split("\r\n")) == len(rows) + 2  # header + rows + final empty
    hostile = rows[4]
    assert hostile["label"] == clean(HOSTILE)
    assert hostile["licence"] == clean(HOSTILE)
    assert rows[5]["label"] == '\'=HYPERLINK("http://evil","x")'
    assert rows[-1]["note"] == "'@SUM(A1)"
    assert rows[-1]["reference"] == "'+1 -2"
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@")), value


def test_json_keeps_the_text_and_is_html_safe(report: ProvenanceReport) -> None:
    text = report.to_json()
    assert "<" not in text
    assert "&" not in text
    data = json.loads(text)
    assert data["recipe"]["title"] == HOSTILE
    assert data["rows"][4]["label"] == HOSTILE
    assert data["entries"]["hostile-si"]["notes"] == HOSTILE


def test_bibtex_escapes_the_hostile_entry(report: ProvenanceReport) -> None:
    # citation.bibtex escapes the LaTeX specials (no command, group or comment from data).
    bib = report.bibtex
    assert "\\input" not in bib
    assert "\\textbackslash{}input\\{/etc/passwd\\} \\$ \\& \\% \\# \\_" in bib
    assert "\x07" not in bib
