"""Turn an upstream file plus a few facts into validated catalogue entries.

:func:`plan_additions` detects the format, fills every field the file states
(units, CL, observed/expected, HEPData DOI, digitiser calibration) or the data
mirror's ``MANIFEST.csv`` knows (pinned URL, source repository), takes the rest
from :class:`ResultInfo`, and checks the result the way the catalogue will read
it: schema, units against the plane, numbers (finite, positive, sorted,
plausible). :func:`write_additions` then writes each entry atomically (temp
file in the target directory, then rename) — only after *every* entry of the
request has passed, so a failure leaves the catalogue untouched.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import os
import re
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from dmsummary.catalogue.catalogue import check_numbers
from dmsummary.catalogue.entry import Entry
from dmsummary.catalogue.fetch import mirror_dir
from dmsummary.catalogue.formats import read_segments
from dmsummary.catalogue.ingest.detect import detect, read_limited
from dmsummary.catalogue.ingest.metadata import (
    MANIFEST_ORIGIN,
    ResultInfo,
    check_label,
    cl_fraction,
    dump_entry,
    id_fragment,
    manifest_row,
    mirror_relative,
    notes_text,
    reference_fields,
    result_year,
)
from dmsummary.catalogue.ingest.series import Series
from dmsummary.catalogue.planes import PLANES
from dmsummary.exceptions import DMSummaryError, InvalidEntry, ParseError, UnitError
from dmsummary.units import require_dimension

__all__ = [
    "REQUIRED_FIELDS",
    "Draft",
    "MissingFields",
    "plan_additions",
    "write_additions",
]

REQUIRED_FIELDS = ("plane", "experiment", "label", "status", "cl", "reference")
"""Facts ``catalogue add`` always needs (the file may state ``status`` and ``cl``)."""

_ID = re.compile(r"^[a-z0-9][a-z0-9.+_-]*$")


class MissingFields(DMSummaryError, ValueError):
    """Required facts that neither the file nor the options provide.

    Attributes
    ----------
    fields : tuple of str
        Option names (``plane``, ``x-unit``, ``url`` ...), every one that is missing.
    """

    def __init__(self, fields: Sequence[str], where: str) -> None:
        self.fields = tuple(fields)
        options = ", ".join(f"--{f}" for f in self.fields)
        super().__init__(f"{where}: missing required information: {options}")


@dataclass(frozen=True, slots=True)
class Draft:
    """One entry ready to be written.

    Attributes
    ----------
    id : str
        Entry id.
    path : pathlib.Path
        Where the entry YAML goes.
    document : dict
        The validated entry.
    text : str
        Its YAML (what is written, byte for byte).
    data_copy : tuple of (pathlib.Path, pathlib.Path) or None
        ``(source, destination)`` when the data file is kept beside the entry
        (files that are not in the data mirror).
    summary : str
        Points and ranges in the plane's display units, for the user.
    """

    id: str
    path: Path
    document: dict[str, Any]
    text: str
    data_copy: tuple[Path, Path] | None = None
    summary: str = field(default="")


def _check_numbers(entry: Entry, raw: bytes, where: str) -> str:
    """Read the numbers as the catalogue will; return a one-line summary."""
    fmt = entry.spec["data"]["format"]
    segments = read_segments(
        raw,
        fmt,
        x_dimension=entry.plane.x.dimension,
        y_dimension=entry.plane.y.dimension,
        sort_allowed=entry.kind == "curve",
        where=where,
    )
    check_numbers(entry, segments)
    for k, (x, _) in enumerate(segments):
        if entry.kind == "curve" and x.size > 1 and (np.diff(x) == 0).any():
            i = int(np.argmax(np.diff(x) == 0))
            shown = x[i] / entry.plane.x.factor
            msg = (
                f"{where}: segment {k} has the same x twice (points {i} and {i + 1}, x = "
                f"{shown:g} {entry.plane.x.unit}); remove the duplicate, or use --kind contour "
                "if the curve is a closed contour"
            )
            raise ParseError(msg)
    n = sum(x.size for x, _ in segments)
    parts = []
    for axis_name, index in (("x", 0), ("y", 1)):
        axis = getattr(entry.plane, axis_name)
        values = np.concatenate([s[index] for s in segments]) / axis.factor
        lo, hi = axis.bounds
        vmin, vmax = float(values.min()), float(values.max())
        if vmin < lo or vmax > hi:
            msg = (
                f"{where}: --{axis_name}-unit: {axis.quantity} spans {vmin:.3g}–{vmax:.3g} "
                f"{axis.unit}, outside the plausible range {lo:.3g}–{hi:.3g} {axis.unit} of plane "
                f"{entry.plane.name!r}; check the unit (keV vs GeV, pb vs cm^2) or the column"
            )
            raise UnitError(msg)
        parts.append(f"{axis_name} {vmin:.4g}–{vmax:.4g} {axis.unit}")
    return f"{n} points in {len(segments)} segment(s); " + "; ".join(parts)


def plan_additions(
    file: Path,
    info: ResultInfo,
    *,
    catalogue: Path,
    x_column: str | None = None,
    y_column: str | None = None,
    table: str | None = None,
    dataset: str | None = None,
    each: bool = False,
    mirror: Path | None = None,
    taken: Iterable[str] = (),
) -> list[Draft]:
    """Plan the entries for ``file``: detect, fill, validate, read the numbers.

    Nothing is written; :func:`write_additions` does that.

    Parameters
    ----------
    file : pathlib.Path
        The upstream file (CSV/text, HEPData YAML/JSON, WebPlotDigitizer CSV/JSON,
        DM WG JSON), at most :data:`~dmsummary.catalogue.ingest.MAX_INGEST_BYTES`.
    info : ResultInfo
        What the user says about the result.
    catalogue : pathlib.Path
        Target catalogue directory (entries go to ``<catalogue>/<id>.yaml``; a
        data file outside the mirror is copied to ``<catalogue>/data/<id>/``).
    x_column, y_column : str, optional
        Column index, header name, array key or HEPData variable name.
    table : str, optional
        HEPData table name (submissions with several tables).
    dataset : str, optional
        WebPlotDigitizer dataset name.
    each : bool
        One entry per y column / dependent variable / dataset (ids and labels
        get the variable name appended; status and statistic from its name).
    mirror : pathlib.Path, optional
        Data mirror (default ``DMSUMMARY_DATA``); a file inside it is referenced,
        not copied, and its MANIFEST row supplies url and source.
    taken : iterable of str
        Ids and aliases already in use (the ids must not collide).

    Returns
    -------
    list of Draft
        The validated entries.

    Raises
    ------
    MissingFields
        Listing every required option that the file does not supply either.
    ParseError, UnitError, InvalidEntry
        Bad file, unit or metadata; messages name the file, field and fix.
    """
    series_list = detect(file, x_column=x_column, y_column=y_column, table=table, dataset=dataset)
    where = str(file)
    if len(series_list) > 1 and not each:
        names = [s.name for s in series_list]
        msg = (
            f"{where}: the file holds {len(series_list)} curves {names}; choose one with "
            "--y-column NAME (or --dataset / --table), or pass --each for one entry per curve"
        )
        raise ParseError(msg)
    mirror = mirror if mirror is not None else mirror_dir()
    taken_ids = set(taken)
    drafts: list[Draft] = []
    for series in series_list:
        drafts.append(_draft(series, info, catalogue, mirror, each=each, taken=taken_ids))
        taken_ids.add(drafts[-1].id)
    return drafts


def _draft(
    series: Series,
    info: ResultInfo,
    catalogue: Path,
    mirror: Path | None,
    *,
    each: bool,
    taken: set[str],
) -> Draft:
    file = series.file
    where = str(file)
    raw = read_limited(file)
    missing: list[str] = []
    for name in ("plane", "experiment", "label", "reference"):
        if not getattr(info, name):
            missing.append(name)
    status = (series.status if each else None) or info.status or series.status
    conflict = info.status in ("observed", "expected") and series.status not in (None, info.status)
    if conflict and not each:
        msg = (
            f"{where}: --status {info.status} but the file says the curve {series.name!r} "
            f"is {series.status}; check the column (--y-column) or the status"
        )
        raise InvalidEntry(msg)
    if status is None:
        missing.append("status")
    user_cl = cl_fraction(info.cl)
    if user_cl is not None and series.cl is not None and not math.isclose(user_cl, series.cl):
        msg = (
            f"{where}: --cl {user_cl:g} but the file states CL {series.cl:g} for {series.name!r}; "
            "drop --cl or fix it"
        )
        raise InvalidEntry(msg)
    cl = user_cl if user_cl is not None else series.cl
    if cl is None and status not in ("target", "theory"):
        missing.append("cl")
    units: dict[str, tuple[str, str]] = {}
    for axis in ("x", "y"):
        given = getattr(info, f"{axis}_unit")
        stated = getattr(series, f"{axis}_unit")
        if given:
            how = "given" if stated in (None, given) else f"given; the file header says {stated}"
            units[axis] = (given, how)
        elif stated:
            units[axis] = (stated, "from the file header")
        else:
            missing.append(f"{axis}-unit")
    relative = mirror_relative(file, mirror)
    row = manifest_row(relative, mirror) if relative is not None and mirror is not None else None
    url = info.url or (
        f"https://raw.githubusercontent.com/{row['source_repo']}/{row['source_commit']}/{row['source_path']}"
        if row
        else None
    )
    if not url:
        missing.append("url")
    origin = info.origin or series.origin
    if origin == "unknown" and row is not None:
        origin = MANIFEST_ORIGIN.get(row.get("origin", "").strip().lower(), "unknown")
    if origin == "digitised":
        if not info.digitised_by:
            missing.append("digitised-by")
        if not (info.figure or series.reference.get("figure")):
            missing.append("figure")
    reference = reference_fields(info, series)
    year = result_year(info, reference)
    if year is None and info.reference:  # without a reference, it may still come from it
        missing.append("year")
    if missing:
        raise MissingFields(sorted(set(missing), key=missing.index), where)
    status = str(status)
    plane_name, experiment = str(info.plane), str(info.experiment)
    plane = PLANES.get(plane_name)
    if plane is None:
        msg = f"{where}: --plane {info.plane!r} is not a plane; valid planes: {', '.join(sorted(PLANES))}"
        raise InvalidEntry(msg)
    for axis, axis_plane in (("x", plane.x), ("y", plane.y)):
        require_dimension(
            units[axis][0],
            axis_plane.dimension,
            where=f"{where}: --{axis}-unit ({units[axis][1]})",
        )
    label = check_label(str(info.label), option="label", where=where)
    base = info.id or f"{id_fragment(experiment)}-{year}-{plane_name}"
    ident = f"{base}-{id_fragment(series.name)}" if each else base
    if each:
        label = check_label(f"{label} ({series.name})", option="label (with --each)", where=where)
    if not _ID.fullmatch(ident) or len(ident) > 100:
        msg = (
            f"{where}: --id {ident!r} is not a valid entry id: use lower-case letters, digits and "
            ". + _ - only (no path separators, no spaces), at most 100 characters"
        )
        raise InvalidEntry(msg)
    if ident in taken:
        msg = (
            f"{where}: id {ident!r} is already used by an entry or alias of the catalogues in use; "
            "choose another --id (to replace a result, give the new one --supersedes "
            f"{ident})"
        )
        raise InvalidEntry(msg)
    for old_id in info.supersedes:
        if old_id not in taken:
            msg = (
                f"{where}: --supersedes {old_id!r} is not an entry of the catalogues in use; "
                "check the id (`dmsummary catalogue list --all`) or add the catalogue that "
                "holds it with --catalogue"
            )
            raise InvalidEntry(msg)
    for alias in info.aliases:
        if alias in taken or alias == ident:
            msg = f"{where}: --alias {alias!r} is already an id or alias; choose another"
            raise InvalidEntry(msg)
    if info.digitised_on is not None:
        try:
            dt.date.fromisoformat(info.digitised_on)
        except ValueError:
            msg = f"{where}: --digitised-on {info.digitised_on!r} is not an ISO date (YYYY-MM-DD)"
            raise InvalidEntry(msg) from None
    target = catalogue / f"{ident}.yaml"
    if target.exists():
        msg = f"{where}: {target} already exists; choose another --id or remove that file"
        raise InvalidEntry(msg)
    data_copy = None
    if relative is None:
        relative = f"{base}/{file.name}"
        data_copy = (file, catalogue / "data" / base / file.name)
    fmt = {k: v for k, v in series.format.items() if k not in ("x", "y")}
    fmt["x"] = {**series.format["x"], "unit": units["x"][0]}
    fmt["y"] = {**series.format["y"], "unit": units["y"][0]}
    fmt = {"type": fmt.pop("type"), "x": fmt.pop("x"), "y": fmt.pop("y"), **fmt}
    if info.sort_x:
        fmt["sort_x"] = True
    statistic = info.statistic or series.statistic
    if statistic is None and status in ("observed", "expected"):
        statistic = "upper-limit"
    doc: dict[str, Any] = {
        "schema_version": "1.0.0",
        "id": ident,
        "label": label,
    }
    described = ""
    if info.title:
        doc["title"] = check_label(" ".join(info.title.split())[:400], option="title", where=where)
    elif series.title:
        try:
            doc["title"] = check_label(" ".join(series.title.split())[:400], option="", where="")
        except InvalidEntry:  # TeX/HTML in an upstream description: keep it as notes text
            described = "".join(c if c.isprintable() else " " for c in series.title)
    doc.update(
        experiment=experiment,
        year=year,
        plane=plane_name,
        kind=info.kind,
        status=status,
        cl=cl,
    )
    if statistic:
        doc["statistic"] = statistic
    doc["data"] = {
        "file": relative,
        "url": url,
        "sha256": hashlib.sha256(raw).hexdigest(),
        "format": fmt,
    }
    doc["licence"] = info.licence or ("CC0-1.0" if origin == "hepdata" else "none stated")
    doc["reference"] = reference
    if row is not None:
        doc["source"] = {
            "repo": row["source_repo"],
            "commit": row["source_commit"],
            "path": row["source_path"],
        }
    doc["origin"] = origin
    if origin == "digitised":
        digitisation = dict(series.digitisation or {"tool": "not stated"})
        if info.digitised_with:
            digitisation["tool"] = info.digitised_with
        digitisation["source_figure"] = info.figure or series.reference.get("figure", "")
        digitisation["by"] = check_label(
            info.digitised_by or "", option="digitised-by", where=where
        )
        digitisation["date"] = (
            info.digitised_on
            or dt.datetime.fromtimestamp(file.stat().st_mtime, tz=dt.UTC).date().isoformat()
        )
        doc["digitisation"] = {k: digitisation[k] for k in sorted(digitisation)}
    else:
        doc["digitisation"] = None
    doc["supersedes"] = list(info.supersedes)
    doc["aliases"] = list(info.aliases)
    doc["tags"] = list(info.tags)
    doc["notes"] = notes_text(info, series, file, units)
    if described:
        doc["notes"] += f"\nDescription in the file: {described}"
    text = dump_entry(doc)
    entry = Entry.from_bytes(text.encode("utf-8"), target)
    summary = _check_numbers(entry, raw, f"{where} [{ident}]")
    return Draft(
        id=ident, path=target, document=doc, text=text, data_copy=data_copy, summary=summary
    )


def _atomic_write(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        Path(tmp).replace(target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_additions(drafts: Sequence[Draft]) -> list[Path]:
    """Write planned entries (and data copies) atomically; refuse to overwrite.

    Parameters
    ----------
    drafts : sequence of Draft
        From :func:`plan_additions`.

    Returns
    -------
    list of pathlib.Path
        The entry files written.

    Raises
    ------
    InvalidEntry
        If an entry file appeared meanwhile, or a different data file already
        sits where the copy goes; nothing is written then.
    """
    copies: dict[Path, bytes] = {}
    for draft in drafts:
        if draft.path.exists():
            msg = f"{draft.path} already exists; nothing was written"
            raise InvalidEntry(msg)
        if draft.data_copy is not None:
            source, destination = draft.data_copy
            data = read_limited(source)
            if destination.exists() and destination.read_bytes() != data:
                msg = (
                    f"{destination} already exists with different content; nothing was written "
                    "(choose another --id)"
                )
                raise InvalidEntry(msg)
            copies[destination] = data
    for destination, data in copies.items():
        if not destination.exists():
            _atomic_write(destination, data)
    written = []
    for draft in drafts:
        _atomic_write(draft.path, draft.text.encode("utf-8"))
        written.append(draft.path)
    return written


def __dir__() -> list[str]:
    return __all__
