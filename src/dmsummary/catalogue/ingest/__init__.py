"""Ingest new results into a catalogue: ``dmsummary catalogue add``.

:func:`add_result` reads an upstream file (plain/CSV text with any delimiter,
HEPData submission YAML and table YAML/JSON downloads, WebPlotDigitizer CSV and
JSON project exports, DM WG contour JSON), detects its format, takes units,
CL and status from the file where it states them, fills the rest from a
:class:`ResultInfo`, validates the entry (schema, units against the plane,
numbers: finite, positive, sorted, plausible), computes the sha256 and writes
the entry YAML atomically into a catalogue directory. Files larger than
:data:`MAX_INGEST_BYTES` are refused unread.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from dmsummary.catalogue.ingest.add import (
    REQUIRED_FIELDS,
    Draft,
    MissingFields,
    write_additions,
)
from dmsummary.catalogue.ingest.detect import MAX_INGEST_BYTES, detect
from dmsummary.catalogue.ingest.metadata import ResultInfo
from dmsummary.catalogue.ingest.series import Series

__all__ = [
    "MAX_INGEST_BYTES",
    "REQUIRED_FIELDS",
    "Draft",
    "MissingFields",
    "ResultInfo",
    "Series",
    "add_result",
    "detect",
]


def add_result(
    file: Path | str,
    info: ResultInfo,
    *,
    catalogue: Path | str,
    others: Sequence[Path] | None = None,
    x_column: str | None = None,
    y_column: str | None = None,
    table: str | None = None,
    dataset: str | None = None,
    each: bool = False,
    mirror: Path | None = None,
    dry_run: bool = False,
) -> list[Draft]:
    """Add the result in ``file`` to the catalogue directory ``catalogue``.

    Parameters
    ----------
    file : path
        The upstream file (at most :data:`MAX_INGEST_BYTES`).
    info : ResultInfo
        What the user says about the result (plane, experiment, label, status,
        CL, reference ...); fields the file states may be omitted.
    catalogue : path
        Target catalogue directory (created if missing).
    others : sequence of pathlib.Path, optional
        Catalogue directories the new ids must not collide with (default: the
        built-in catalogue). The target directory is always checked.
    x_column, y_column, table, dataset, each
        Which curve(s) of the file to take; see :func:`plan_additions`.
    mirror : pathlib.Path, optional
        Data mirror (default ``DMSUMMARY_DATA``).
    dry_run : bool
        Validate and return the drafts without writing anything.

    Returns
    -------
    list of Draft
        The entries (written unless ``dry_run``).

    Raises
    ------
    MissingFields
        Listing every missing required option.
    DMSummaryError
        Any bad input (file, unit, metadata); the catalogue is left untouched.

    Examples
    --------
    Not run here (it needs an upstream file); ``tests/catalogue/test_ingest.py``
    runs the same calls on fixtures::

        from dmsummary.catalogue.ingest import ResultInfo, add_result

        info = ResultInfo(plane="si", experiment="LZ", label="LZ (2025)",
                          status="observed", cl=0.9, reference="arXiv:2512.08065",
                          x_unit="GeV", y_unit="cm2", url="https://...")
        drafts = add_result("limit.csv", info, catalogue="my-catalogue")
        print(drafts[0].path, drafts[0].summary)
    """
    from dmsummary.catalogue.catalogue import builtin_catalogue_dir, entry_files, load_entries
    from dmsummary.catalogue.ingest.add import plan_additions as plan

    target = Path(catalogue)
    dirs = [Path(d) for d in (others if others is not None else [builtin_catalogue_dir()])]
    if target.is_dir() and target.resolve() not in {d.resolve() for d in dirs if d.is_dir()}:
        dirs.append(target)
    dirs = [d for d in dirs if d.is_dir()]
    entries, _ = load_entries(dirs) if dirs else ([], [])
    taken = {e.id for e in entries} | {a for e in entries for a in e.aliases}
    taken |= {p.stem for p in entry_files(dirs)}
    drafts = plan(
        Path(file),
        info,
        catalogue=target,
        x_column=x_column,
        y_column=y_column,
        table=table,
        dataset=dataset,
        each=each,
        mirror=mirror,
        taken=taken,
    )
    if not dry_run:
        write_additions(drafts)
    return drafts


def __dir__() -> list[str]:
    return __all__
