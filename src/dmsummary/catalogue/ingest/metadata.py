"""What the user says about a result, and the entry fields made from it.

:class:`ResultInfo` holds the facts given on the command line (or in Python);
the helpers turn them — with what the file and the data mirror's
``MANIFEST.csv`` state — into entry fields: reference, year, id fragments,
checked labels, notes, and the deterministic YAML text of an entry.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dmsummary.catalogue.ingest.series import Series
from dmsummary.exceptions import InvalidEntry

__all__ = [
    "KEY_ORDER",
    "MANIFEST_ORIGIN",
    "ResultInfo",
    "check_label",
    "cl_fraction",
    "dump_entry",
    "id_fragment",
    "manifest_row",
    "mirror_relative",
    "notes_text",
    "reference_fields",
    "result_year",
]

KEY_ORDER = [
    "schema_version",
    "id",
    "label",
    "title",
    "experiment",
    "year",
    "plane",
    "kind",
    "status",
    "cl",
    "statistic",
    "data",
    "licence",
    "reference",
    "source",
    "origin",
    "digitisation",
    "supersedes",
    "superseded_by",
    "aliases",
    "tags",
    "notes",
]


@dataclass(frozen=True, slots=True)
class ResultInfo:
    """What the user says about a result (everything optional; see :data:`REQUIRED_FIELDS`).

    Attributes
    ----------
    plane, experiment, label, status : str, optional
        Entry fields (``status``: observed | expected | projection | target | theory).
    cl : float, optional
        Confidence level as a fraction (0.9) — or percent (90), converted.
    reference : str, optional
        ``arXiv:2512.08065``, ``doi:10.…``, ``inspire:1234567`` or free citation text.
    id : str, optional
        Entry id (default: ``<experiment>-<year>-<plane>``; no path separators).
    year : int, optional
        Year of the result (default: from the arXiv id).
    title, figure, doi, url, licence, origin, statistic, notes : str, optional
        Further entry fields; ``url`` is the pinned upstream URL of the file
        (found in the mirror's MANIFEST when the file is from the mirror).
    x_unit, y_unit : str, optional
        Units of the numbers *in the file* (default: from the file's headers).
    kind : str
        ``curve`` (default) or ``contour``.
    sort_x : bool
        Sort each curve by x when read (say why in ``notes``).
    digitised_by, digitised_on : str, optional
        Who digitised the figure and when (ISO date; default: the export's
        modification date).
    digitised_with : str, optional
        The digitiser tool (default: WebPlotDigitizer for its exports, else
        "not stated").
    supersedes, aliases, tags : tuple of str
        Stable-id links and keywords.
    """

    plane: str | None = None
    experiment: str | None = None
    label: str | None = None
    status: str | None = None
    cl: float | None = None
    reference: str | None = None
    id: str | None = None
    year: int | None = None
    title: str | None = None
    figure: str | None = None
    doi: str | None = None
    url: str | None = None
    licence: str | None = None
    origin: str | None = None
    statistic: str | None = None
    notes: str | None = None
    x_unit: str | None = None
    y_unit: str | None = None
    kind: str = "curve"
    sort_x: bool = False
    digitised_by: str | None = None
    digitised_on: str | None = None
    digitised_with: str | None = None
    supersedes: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()


def check_label(text: str, *, option: str, where: str) -> str:
    """Check a user-supplied label or title: printable plain text with optional mathtext.

    Parameters
    ----------
    text : str
        The label.
    option : str
        Option name for messages (``label``).
    where : str
        File, for messages.

    Returns
    -------
    str
        The label, stripped.

    Raises
    ------
    InvalidEntry
        Control characters, HTML tags, unbalanced ``$`` or TeX commands outside
        ``$...$`` (they would be interpreted by renderers, not shown).
    """
    value = text.strip()
    bad = [c for c in value if not c.isprintable()]
    if bad:
        msg = f"{where}: --{option} contains control character(s) {bad[:3]!r}; use plain text"
        raise InvalidEntry(msg)
    if re.search(r"<\s*[A-Za-z/!?]", value):
        msg = f"{where}: --{option} {value!r} contains an HTML tag; use plain text"
        raise InvalidEntry(msg)
    dollars = len(re.findall(r"(?<!\\)\$", value))
    if dollars % 2:
        msg = f"{where}: --{option} {value!r} has an unbalanced '$' (mathtext needs $...$ pairs; write \\$ for a dollar sign)"
        raise InvalidEntry(msg)
    outside = re.sub(r"(?<!\\)\$.*?(?<!\\)\$", "", value)
    if re.search(r"\\[A-Za-z]", outside):
        msg = f"{where}: --{option} {value!r} has a TeX command outside $...$; put math in $...$"
        raise InvalidEntry(msg)
    return value


def reference_fields(info: ResultInfo, series: Series) -> dict[str, str]:
    """Return the entry's ``reference`` mapping.

    ``--reference`` is parsed (``arXiv:``, ``doi:``/``10.``, ``inspire:``, a bare
    arXiv id, else free citation text); then ``--doi``, the HEPData DOI and figure
    the file states, and ``--figure`` (which wins over the file's location).
    """
    ref: dict[str, str] = {}
    text = (info.reference or "").strip()
    low = text.lower()
    if low.startswith("arxiv:"):
        ref["arxiv"] = text.split(":", 1)[1].strip()
    elif low.startswith("doi:"):
        ref["doi"] = text.split(":", 1)[1].strip()
    elif low.startswith("10."):
        ref["doi"] = text
    elif low.startswith("inspire:"):
        ref["inspire"] = text.split(":", 1)[1].strip()
    elif re.fullmatch(r"[0-9]{4}\.[0-9]{4,5}", text):
        ref["arxiv"] = text
    elif text:
        ref["citation"] = text
    if info.doi:
        ref["doi"] = info.doi.removeprefix("doi:")
    for key, value in series.reference.items():
        ref.setdefault(key, value)
    if info.figure:
        ref["figure"] = info.figure
    return ref


def id_fragment(text: str) -> str:
    """Return ``text`` as a lower-case id fragment (``-1sigma`` -> ``m1sigma``, ``+1`` -> ``p1``)."""
    text = re.sub(r"(^|[\s_(])-(?=\d)", r"\1m", text.strip())
    text = re.sub(r"(^|[\s_(])\+(?=\d)", r"\1p", text)
    return re.sub(r"-+", "-", re.sub(r"[^a-z0-9.+]+", "-", text.lower())).strip("-.+")


def manifest_row(relative: str, mirror: Path) -> dict[str, str] | None:
    """Return the data mirror's ``MANIFEST.csv`` row of a mirror-relative file, or None."""
    manifest = mirror / "MANIFEST.csv"
    if not manifest.is_file():
        return None
    with manifest.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row.get("file") == relative:
                return row
    return None


def mirror_relative(path: Path, mirror: Path | None) -> str | None:
    """Return ``path`` relative to the data mirror (POSIX form), or None when outside it."""
    if mirror is None:
        return None
    try:
        rel = path.resolve().relative_to(mirror.resolve())
    except ValueError:
        return None
    return rel.as_posix()


MANIFEST_ORIGIN = {"hepdata": "hepdata", "data release": "data-release", "digitized": "digitised"}


def result_year(info: ResultInfo, reference: Mapping[str, str]) -> int | None:
    """Return ``--year``, else the year of the arXiv id (``2512.08065`` -> 2025), else None."""
    if info.year is not None:
        return info.year
    arxiv = reference.get("arxiv", "")
    match = re.fullmatch(r"([0-9]{2})([0-9]{2})\.[0-9]{4,5}", arxiv)
    if match:
        return 2000 + int(match.group(1))
    return None


def cl_fraction(value: float | None) -> float | None:
    """Return a confidence level as a fraction (``90`` -> 0.9; ``0.9`` unchanged)."""
    if value is None:
        return None
    return value / 100 if value >= 1 else value


def dump_entry(doc: Mapping[str, Any]) -> str:
    """Return the YAML text of an entry document (deterministic; documented key order).

    Keys follow the order of ``docs/catalogue-format.md``; multi-line strings
    (``notes``) are written as literal blocks.

    Parameters
    ----------
    doc : Mapping
        The entry.

    Returns
    -------
    str
        YAML text.
    """
    import yaml

    class Dumper(yaml.SafeDumper):
        pass

    def text(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
        style = "|" if "\n" in value else None
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)

    Dumper.add_representer(str, text)
    ordered = {k: doc[k] for k in KEY_ORDER if k in doc}
    ordered.update({k: v for k, v in doc.items() if k not in ordered})
    return yaml.dump(ordered, Dumper=Dumper, sort_keys=False, allow_unicode=True, width=100)


def notes_text(
    info: ResultInfo, series: Series, file: Path, units: Mapping[str, tuple[str, str]]
) -> str:
    """Return the generated ``notes``: file, layout, where each unit came from, user notes."""
    lines = [f"Added with `dmsummary catalogue add` from {file.name}."]
    lines.append(f"Layout: {series.layout}.")
    lines.append(
        "Units: "
        + "; ".join(f"{axis} in {unit} ({how})" for axis, (unit, how) in units.items())
        + "."
    )
    if info.sort_x:
        lines.append("sort_x: the file is not ordered in x (set by --sort-x).")
    if info.notes:
        lines.append(info.notes.strip())
    return "\n".join(lines)


def __dir__() -> list[str]:
    return __all__
