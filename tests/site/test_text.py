"""Escaping for the site: HTML text, mathtext, JSON in <script>, links."""

from __future__ import annotations

import doctest
import json

import pytest

from dmsummary.export.site import layout, text
from dmsummary.export.site.layout import external_link, reference_links
from dmsummary.export.site.text import html_text, math_html, math_text, script_json

HOSTILE = '<script>alert(1)</script>" onerror="x" \' & </script><!-- -->'


def test_docstring_examples_run() -> None:
    result = doctest.testmod(text)
    assert result.attempted > 0
    assert result.failed == 0


def test_html_text_escapes_markup_and_quotes() -> None:
    escaped = html_text(HOSTILE)
    assert "<" not in escaped
    assert ">" not in escaped
    assert '"' not in escaped
    assert "'" not in escaped
    assert "&lt;script&gt;" in escaped


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (r"$m_\chi$ [GeV]", "m<sub>χ</sub> [GeV]"),
        (r"$\sigma_\mathrm{SI}$ [cm$^{2}$]", "σ<sub>SI</sub> [cm<sup>2</sup>]"),
        (r"$\bar\sigma_e$", "σ\u0304<sub>e</sub>"),
        (r"$\langle\sigma v\rangle$ [cm$^{3}$/s]", "⟨σ v⟩ [cm<sup>3</sup>/s]"),
        (r"ATLAS $\mathcal{B}_{inv}<0.107$", "ATLAS ℬ<sub>inv</sub>&lt;0.107"),
        (r"$m_{A'}$ [eV]", "m<sub>A′</sub> [eV]"),
        (r"$f_N = 0.308 \pm 0.018$", "f<sub>N</sub> = 0.308 ± 0.018"),
        ("XLZD 1000 t·yr (proj.)", "XLZD 1000 t·yr (proj.)"),
        ("costs $5", "costs &#36;5"),  # an unmatched $ is literal (and never reaches MathJax)
        (r"$\unknowncommand{x}$", "unknowncommandx"),
    ],
)
def test_math_html(source: str, expected: str) -> None:
    assert math_html(source) == expected


@pytest.mark.parametrize(
    "hostile",
    [
        HOSTILE,
        f"${HOSTILE}$",
        r"$<img src=x onerror=alert(1)>_{<b>}$",
        r"$\mathrm{<script>}$",
        r"$\<script>$",
    ],
)
def test_math_html_emits_only_sub_and_sup_tags(hostile: str) -> None:
    html = math_html(hostile)
    stripped = html.replace("<sub>", "").replace("</sub>", "")
    stripped = stripped.replace("<sup>", "").replace("</sup>", "")
    assert "<" not in stripped
    assert ">" not in stripped
    assert '"' not in stripped


def test_math_text_is_plain() -> None:
    assert math_text(r"$\sigma_\mathrm{SI}$ [cm$^{2}$]") == "σSI [cm2]"


@pytest.mark.parametrize(
    "value",
    [
        "</script><script>alert(1)</script>",
        "<!-- <script>",
        "</SCRIPT >",
        "a\u2028b\u2029c & <>",
        {"</script>": ["<!--", 1.5, None]},
    ],
)
def test_script_json_cannot_close_the_block_and_round_trips(value: object) -> None:
    encoded = script_json(value)
    for forbidden in ("<", ">", "&", "\u2028", "\u2029"):
        assert forbidden not in encoded
    assert json.loads(encoded) == value


def test_script_json_is_canonical_and_maps_non_finite_to_null() -> None:
    assert script_json({"b": [float("nan"), float("inf")], "a": 1}) == '{"a":1,"b":[null,null]}'


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "//evil.example/x",
        "vbscript:x",
    ],
)
def test_external_link_only_links_http(url: str) -> None:
    html = external_link(url)
    assert "<a " not in html
    assert "<" not in html.replace("&lt;", "")


def test_external_link_escapes_the_url() -> None:
    html = external_link('https://example.org/a"onmouseover="x<y>')
    assert html.startswith('<a href="https://example.org/a&quot;onmouseover=&quot;x&lt;y&gt;"')


def test_reference_links() -> None:
    links = reference_links(
        {
            "arxiv": "2410.17036",
            "doi": "10.1103/PhysRevLett.135.011802",
            "inspire": "2841863",
            "hepdata": "10.17182/hepdata.155182.v2/t1",
            "zenodo": "1234567",
        }
    )
    assert links == [
        '<a href="https://arxiv.org/abs/2410.17036" rel="noopener noreferrer">arXiv:2410.17036</a>',
        (
            '<a href="https://doi.org/10.1103/PhysRevLett.135.011802" rel="noopener noreferrer">'
            "doi:10.1103/PhysRevLett.135.011802</a>"
        ),
        (
            '<a href="https://inspirehep.net/literature/2841863" rel="noopener noreferrer">'
            "INSPIRE 2841863</a>"
        ),
        (
            '<a href="https://doi.org/10.17182/hepdata.155182.v2/t1" rel="noopener noreferrer">'
            "HEPData 10.17182/hepdata.155182.v2/t1</a>"
        ),
        '<a href="https://zenodo.org/records/1234567" rel="noopener noreferrer">Zenodo 1234567</a>',
    ]


def test_page_assets_are_local_and_relative() -> None:
    html = layout.page(title="<t>", body="", depth=2, kind="figure", plotly=True)
    assert '<script src="../../assets/plotly.min.js"></script>' in html
    assert '<link rel="stylesheet" href="../../assets/site.css">' in html
    assert "<title>&lt;t&gt; · dmsummary</title>" in html
    assert "cdn" not in html.lower()
