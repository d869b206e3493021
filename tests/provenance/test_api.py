"""The provenance surface is small, declared and pinned (STYLE P3)."""

from __future__ import annotations

import importlib
import subprocess
import sys

import pytest

PUBLIC = {
    "dmsummary.provenance": [
        "DerivationStep",
        "ProvenanceReport",
        "ProvenanceRow",
        "canonical_json",
        "digest",
        "figure_bibtex",
        "provenance_report",
    ],
    "dmsummary.provenance.digest": ["canonical_json", "digest"],
    "dmsummary.provenance.cite": [
        "DMSUMMARY_BIBTEX_KEY",
        "dmsummary_bibtex",
        "figure_bibtex",
        "figure_cite_keys",
    ],
    "dmsummary.provenance.escape": ["clean", "csv_cell", "escape_latex", "escape_markdown"],
    "dmsummary.provenance.report": [
        "ORIGINS",
        "DerivationStep",
        "ProvenanceReport",
        "ProvenanceRow",
        "format_cl",
        "format_parameter",
        "provenance_report",
        "writer_info",
    ],
    "dmsummary.provenance.writers": [
        "CSV_COLUMNS",
        "FORMATS",
        "REPORT_VERSION",
        "report_dict",
        "to_csv",
        "to_json",
        "to_latex",
        "to_markdown",
        "write",
    ],
}


@pytest.mark.parametrize("module_name", sorted(PUBLIC))
def test_dir_and_all_are_pinned(module_name: str) -> None:
    module = importlib.import_module(module_name)
    assert sorted(dir(module)) == sorted(PUBLIC[module_name])
    assert sorted(module.__all__) == sorted(PUBLIC[module_name])
    for name in module.__all__:
        assert getattr(module, name) is not None


def test_provenance_never_imports_render_cli_or_matplotlib() -> None:
    code = (
        "import sys, dmsummary.provenance as p, dmsummary.provenance.writers;"
        "print(sorted(m for m in sys.modules if m.startswith(('dmsummary.render',"
        " 'dmsummary.cli', 'matplotlib'))))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"
