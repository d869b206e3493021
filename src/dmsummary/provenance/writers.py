"""Writers of a :class:`~dmsummary.provenance.report.ProvenanceReport`: md, tex, csv, json, bib.

All writers are deterministic: the same report gives byte-identical output (no time
stamps, no host names; the only environment-dependent text is the dmsummary version, and
the Python/numpy versions in the JSON ``writer_info``). Every string from a catalogue
entry or recipe is escaped for its target (:mod:`dmsummary.provenance.escape`): no raw
HTML in Markdown, no LaTeX command from data, no spreadsheet formula in CSV, and JSON
that can be pasted into an HTML ``<script>`` block.
"""

from __future__ import annotations

import csv
import io
import os
import re
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dmsummary.exceptions import RecipeError
from dmsummary.provenance.digest import canonical_json
from dmsummary.provenance.escape import clean, csv_cell, escape_latex, escape_markdown
from dmsummary.provenance.report import format_cl

if TYPE_CHECKING:
    from dmsummary.provenance.report import ProvenanceReport
    from dmsummary.recipes.model import AxisSpec

__all__ = [
    "CSV_COLUMNS",
    "FORMATS",
    "REPORT_VERSION",
    "report_dict",
    "to_csv",
    "to_json",
    "to_latex",
    "to_markdown",
    "write",
]

REPORT_VERSION = "1.0.0"
"""Version of the JSON report layout (``report_version``)."""

FORMATS: dict[str, str] = {
    "md": ".provenance.md",
    "tex": ".provenance.tex",
    "csv": ".provenance.csv",
    "json": ".provenance.json",
    "bib": ".bib",
}
"""Format name → file suffix appended to the figure's output name."""

_OUTPUT_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._+-]*$")
_CITE_KEY = re.compile(r"^[A-Za-z0-9./:_+-]+$")
_NOT_AVAILABLE = "not available"


def _axis_text(axis: AxisSpec) -> str:
    low, high = axis.range
    return f"{clean(axis.label)} ({axis.scale}, {low:g}–{high:g} {clean(axis.unit)})"


def _axis_dict(axis: AxisSpec) -> dict[str, Any]:
    return {
        "label": axis.label,
        "unit": axis.unit,
        "range": list(axis.range),
        "scale": axis.scale,
    }


# --------------------------------------------------------------------------- JSON
def report_dict(report: ProvenanceReport) -> dict[str, Any]:
    """Return the whole report as plain JSON data.

    Parameters
    ----------
    report : ProvenanceReport
        The report.

    Returns
    -------
    dict
        ``report_version``, ``recipe`` (id, title, digest, output), ``plane``, ``axes``,
        ``rows`` (with the derivation trees), ``unavailable``, ``cls``, ``cl_note``,
        ``cite_keys``, ``entries`` (catalogue metadata by id) and ``writer_info``.
    """
    return {
        "report_version": REPORT_VERSION,
        "recipe": {
            "id": report.recipe_id,
            "title": report.title,
            "digest": report.recipe_digest,
            "output": report.output,
        },
        "plane": report.plane,
        "axes": {"x": _axis_dict(report.x), "y": _axis_dict(report.y)},
        "rows": [row.to_dict() for row in report.rows],
        "unavailable": [
            {"label": u.label, "reason": u.reason, "reference": u.reference}
            for u in report.unavailable
        ],
        "cls": list(report.cls),
        "cl_note": report.cl_note,
        "cite_keys": list(report.cite_keys),
        "entries": dict(report.entries),
        "writer_info": dict(report.writer_info),
    }


def to_json(report: ProvenanceReport) -> str:
    r"""Return the report as canonical JSON text.

    Parameters
    ----------
    report : ProvenanceReport
        The report.

    Returns
    -------
    str
        :func:`~dmsummary.provenance.digest.canonical_json` of :func:`report_dict`, with
        ``< > &`` and U+2028/U+2029 written as ``\uXXXX`` escapes (same data after
        ``json.loads``; safe inside an HTML ``<script>`` element). No trailing newline, so
        the file's sha256 is the report's :func:`~dmsummary.provenance.digest` after
        re-serialising.
    """
    text = canonical_json(report_dict(report)).decode("utf-8")
    # These characters can only occur inside JSON strings, where \uXXXX is equivalent.
    for char in "<>&\u2028\u2029":
        text = text.replace(char, f"\\u{ord(char):04x}")
    return text


# --------------------------------------------------------------------------- Markdown
_MD_COLUMNS = (
    "#",
    "Layer",
    "Label",
    "Experiment",
    "Status",
    "CL",
    "Statistic",
    "Reference",
    "Figure/table",
    "HEPData",
    "Origin",
    "Upstream URL",
    "Data sha256",
    "Licence",
    "Derivation",
    "BibTeX",
)


def _md_row(cells: Sequence[object]) -> str:
    return "| " + " | ".join(escape_markdown(c) or "—" for c in cells) + " |"


def to_markdown(report: ProvenanceReport) -> str:
    """Return the report as GitHub-flavoured Markdown.

    Parameters
    ----------
    report : ProvenanceReport
        The report.

    Returns
    -------
    str
        A heading, the figure facts (recipe, digest, plane and axes, writer), the
        CL-mixing note, a table with one row per curve drawn, a table of curves not
        available, and how to cite. Cells are escaped (``|``, Markdown punctuation, HTML
        as entities, line breaks as spaces); empty cells show ``—``.
    """
    esc = escape_markdown
    lines = [
        f"# Provenance: {esc(report.title) or esc(report.recipe_id)}",
        "",
        f"- **Recipe:** {esc(report.recipe_id)}",
        f"- **Recipe digest:** {esc(report.recipe_digest) or '—'}",
        f"- **Plane:** {esc(report.plane)}",
        f"- **x axis:** {esc(_axis_text(report.x))}",
        f"- **y axis:** {esc(_axis_text(report.y))}",
        f"- **Written by:** dmsummary {esc(report.writer_info.get('dmsummary', ''))}",
        "",
    ]
    if report.cl_note:
        lines += [f"**Confidence levels.** {esc(report.cl_note)}", ""]
    lines += [
        "## Curves drawn",
        "",
        "| " + " | ".join(_MD_COLUMNS) + " |",
        "|" + "|".join(["---:"] + ["---"] * (len(_MD_COLUMNS) - 1)) + "|",
    ]
    for row in report.rows:
        lines.append(
            _md_row(
                (
                    row.index,
                    row.layer,
                    row.label,
                    row.experiment,
                    row.status,
                    format_cl(row.cl),
                    row.statistic,
                    row.reference,
                    row.figure,
                    row.hepdata,
                    row.origin,
                    row.url,
                    row.sha256,
                    row.licence,
                    row.chain,
                    ", ".join(row.cite_keys),
                )
            )
        )
    lines.append("")
    if report.unavailable:
        lines += [
            "## Not available",
            "",
            "Shown in the published figure but not drawn here:",
            "",
            "| Curve | Status | Reason | Reference |",
            "|---|---|---|---|",
        ]
        lines += [
            _md_row((u.label, _NOT_AVAILABLE, u.reason, u.reference)) for u in report.unavailable
        ]
        lines.append("")
    keys = ", ".join(esc(key) for key in report.cite_keys) or "—"
    lines += [
        "## How to cite",
        "",
        (
            "Cite every work behind the curves (BibTeX keys of the figure's `.bib` file): "
            f"{keys}; and dmsummary (key dmsummary)."
        ),
        "",
    ]
    return "\n".join(lines)


# --------------------------------------------------------------------------- LaTeX
_TEX_BEGIN = (
    r"\begin{longtable}{@{}r p{0.15\linewidth} p{0.09\linewidth} p{0.08\linewidth} l"
    r" p{0.25\linewidth} p{0.08\linewidth} p{0.17\linewidth}@{}}"
)
_TEX_UNAVAILABLE = (
    r"\multicolumn{8}{@{}l}{\emph{Shown in the published figure but not drawn"
    r" (data not available):}} \\"
)
_TEX_HEADER = (
    r"\# & Curve & Experiment & Status & CL & Reference & Origin & Derivation \\" + "\n\\hline"
)


def _prefixed(prefix: str, text: str) -> str:
    return f"{prefix} {text}" if text else ""


def _cite(keys: Sequence[str]) -> str:
    safe = [key for key in keys if _CITE_KEY.match(key)]
    return f"\\cite{{{','.join(safe)}}}" if safe else ""


def to_latex(report: ProvenanceReport) -> str:
    r"""Return the rows as a LaTeX ``longtable`` (needs ``\usepackage{longtable}``).

    Parameters
    ----------
    report : ProvenanceReport
        The report.

    Returns
    -------
    str
        A ``longtable`` environment: caption (title, recipe, CL-mixing note), one row per
        curve with ``\cite{…}`` of its works (keys of the figure's ``.bib``), then the
        curves not available. Every string from the catalogue is escaped; non-ASCII
        characters are kept (LuaLaTeX/XeLaTeX, or pdfLaTeX with UTF-8 input).
    """
    esc = escape_latex
    caption = f"Provenance of the curves drawn in \\emph{{{esc(report.title)}}}"
    caption += f" (recipe \\texttt{{{esc(report.recipe_id)}}})."
    if report.cl_note:
        caption += " " + esc(report.cl_note)
    lines = [
        f"% Provenance table written by dmsummary {esc(report.writer_info.get('dmsummary', ''))}.",
        r"% Needs \usepackage{longtable}; cite keys refer to the figure's .bib file.",
        f"% Recipe digest: {esc(report.recipe_digest)}",
        _TEX_BEGIN,
        f"\\caption{{{caption}}}\\\\",
        r"\hline",
        _TEX_HEADER,
        r"\endfirsthead",
        r"\hline",
        _TEX_HEADER,
        r"\endhead",
        r"\hline",
        r"\endfoot",
    ]
    for row in report.rows:
        reference = "; ".join(
            part
            for part in (
                esc(row.reference),
                esc(row.figure),
                esc(_prefixed("HEPData", row.hepdata)),
            )
            if part
        )
        reference = " ".join(part for part in (_cite(row.cite_keys), reference) if part)
        cells = (
            str(row.index),
            esc(row.label),
            esc(row.experiment),
            esc(row.status),
            esc(format_cl(row.cl)).replace(" ", "~"),
            reference,
            esc(row.origin),
            esc(row.chain),
        )
        lines.append(" & ".join(cell or "---" for cell in cells) + r" \\")
    if report.unavailable:
        lines += [
            r"\hline",
            _TEX_UNAVAILABLE,
        ]
        for u in report.unavailable:
            cells = (
                "--",
                esc(u.label),
                "",
                _NOT_AVAILABLE,
                "",
                esc(u.reference),
                "",
                esc(u.reason),
            )
            lines.append(" & ".join(cell or "---" for cell in cells) + r" \\")
    lines += [r"\end{longtable}", ""]
    return "\n".join(lines)


# --------------------------------------------------------------------------- CSV
CSV_COLUMNS = (
    "index",
    "layer",
    "label",
    "role",
    "experiment",
    "status",
    "cl",
    "statistic",
    "reference",
    "figure",
    "hepdata",
    "origin",
    "url",
    "sha256",
    "licence",
    "source",
    "derivation",
    "band",
    "cite_keys",
    "note",
)


def to_csv(report: ProvenanceReport) -> str:
    """Return the rows as RFC 4180 CSV (CRLF line ends, header row).

    Parameters
    ----------
    report : ProvenanceReport
        The report.

    Returns
    -------
    str
        One row per curve drawn (``cl`` as a fraction), then one ``not available`` row per
        unavailable curve (the reason in ``note``). Cells are single-line and spreadsheet
        formulas are defused with a leading ``'``.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for row in report.rows:
        values: tuple[object, ...] = (
            row.index,
            row.layer,
            row.label,
            row.role,
            row.experiment,
            row.status,
            "" if row.cl is None else repr(row.cl),
            row.statistic,
            row.reference,
            row.figure,
            row.hepdata,
            row.origin,
            row.url,
            row.sha256,
            row.licence,
            row.source,
            row.chain,
            row.band,
            " ".join(row.cite_keys),
            "",
        )
        writer.writerow([csv_cell(v) for v in values])
    for u in report.unavailable:
        cells = dict.fromkeys(CSV_COLUMNS, "")
        cells.update(label=u.label, status=_NOT_AVAILABLE, reference=u.reference, note=u.reason)
        writer.writerow([csv_cell(cells[c]) for c in CSV_COLUMNS])
    return buffer.getvalue()


# --------------------------------------------------------------------------- files
def _atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file next to ``path``, then rename it into place."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        Path(tmp).chmod(0o644)
        Path(tmp).replace(path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write(
    report: ProvenanceReport,
    directory: Path | str,
    formats: Sequence[str] = ("md", "tex", "csv", "json", "bib"),
) -> tuple[Path, ...]:
    """Write the report files ``<output>.provenance.<ext>`` and ``<output>.bib``.

    Each file is written to a temporary file in ``directory`` and renamed into place
    (:func:`os.replace`), so readers never see a partial file.

    Parameters
    ----------
    report : ProvenanceReport
        The report.
    directory : path
        Target directory (created if missing).
    formats : sequence of str
        Any of :data:`FORMATS` (``md``, ``tex``, ``csv``, ``json``, ``bib``).

    Returns
    -------
    tuple of pathlib.Path
        The files written, in the order of ``formats``.

    Raises
    ------
    ValueError
        An unknown format (the message lists the valid ones).
    RecipeError
        The output name (the figure's ``output``, else its recipe id with ``/`` → ``-``)
        is not a plain file name.
    """
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        msg = f"unknown provenance format(s) {unknown}; choose from {sorted(FORMATS)}"
        raise ValueError(msg)
    name = report.output or report.recipe_id.replace("/", "-")
    if not _OUTPUT_NAME.match(name):
        msg = (
            f"recipe {report.recipe_id!r}: output name {name!r} is not a plain file name "
            "(letters, digits, '.', '_', '+', '-'; no path separators, not starting with '.'); "
            "fix `output` in the recipe"
        )
        raise RecipeError(msg)
    renderers: dict[str, Callable[[ProvenanceReport], str]] = {
        "md": to_markdown,
        "tex": to_latex,
        "csv": to_csv,
        "json": to_json,
        "bib": lambda r: r.bibtex,
    }
    target = Path(directory)
    target.mkdir(parents=True, exist_ok=True)
    paths = []
    for fmt in formats:
        path = target / (name + FORMATS[fmt])
        _atomic_write(path, renderers[fmt](report).encode("utf-8"))
        paths.append(path)
    return tuple(paths)


def __dir__() -> list[str]:
    return __all__
