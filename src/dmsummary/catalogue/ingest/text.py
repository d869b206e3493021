"""Detection for plain text / CSV files, WebPlotDigitizer CSV and DM WG contour JSON.

HEPData CSV table downloads are text too: their ``#: name:``, ``#: table_doi:``,
``#: location:`` and ``#: description:`` header lines give the origin, the
HEPData DOI, the figure and (from the description) the CL.

Plain text: any delimiter (comma, semicolon, tab, whitespace), comment lines
(``#``, ``%``, ``//``), an optional header row (column names, units read from
``[unit]`` or ``_unit`` suffixes). WebPlotDigitizer "export all datasets" CSV:
a row of dataset names, a row of ``X,Y`` labels, then the columns of each
dataset (shorter datasets leave blank cells). DM WG contour JSON: a JSON object
of numeric arrays (a list of lists is one disconnected segment per inner list),
as written by the LHC DM WG tools.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from dmsummary.catalogue.ingest.series import (
    Series,
    cl_from_text,
    statistic_hint,
    status_hint,
    unit_from_name,
)
from dmsummary.exceptions import ParseError

__all__ = ["json_arrays_series", "text_series"]

_COMMENTS = ("#", "%", "//")


def _hepdata_csv_meta(text: str, where: str) -> dict[str, str]:
    """Return the ``#: key: value`` header of a HEPData CSV table download (empty if none)."""
    meta: dict[str, str] = {}
    names = 0
    for line in text.splitlines():
        if not line.startswith("#:"):
            continue
        key, sep, value = line[2:].partition(":")
        if not sep:
            continue
        key = key.strip().lower()
        names += key == "name"
        meta.setdefault(key, value.strip())
    if names > 1:
        msg = (
            f"{where}: a HEPData CSV with {names} tables; download the one table you need "
            "(or use the YAML submission with --table NAME)"
        )
        raise ParseError(msg)
    return meta if {"table_doi", "data_file", "name"} & set(meta) else {}


def _is_number(cell: str) -> bool:
    try:
        float(cell.strip().strip('"'))
    except ValueError:
        return False
    return True


def _split(line: str, delimiter: str | None) -> list[str]:
    if delimiter is None:
        return line.split()
    return next(csv.reader(io.StringIO(line), delimiter=delimiter), [])


def _data_lines(text: str) -> tuple[str, list[str]]:
    lines = [ln for ln in text.splitlines() if ln.strip()]
    comment = "#"
    for prefix in _COMMENTS:
        if any(ln.lstrip().startswith(prefix) for ln in lines):
            comment = prefix
            break
    return comment, [ln for ln in lines if not ln.lstrip().startswith(comment)]


def _delimiter(lines: Sequence[str], where: str) -> str | None:
    sample = lines[1:60] if len(lines) > 1 else lines
    for delimiter in (",", ";", "\t", None):
        counts = {len(_split(ln, delimiter)) for ln in sample}
        if len(counts) == 1 and counts.pop() >= 2:
            return delimiter
    widths = sorted({len(_split(ln, ",")) for ln in sample} | {len(ln.split()) for ln in sample})
    msg = (
        f"{where}: cannot find a consistent column delimiter (rows have {widths} cells); "
        "the file has ragged rows or a single column — fix the file (every row needs an x and "
        "a y value)"
    )
    raise ParseError(msg)


def _wpd_csv(lines: Sequence[str], where: str, file: Path, dataset: str | None) -> list[Series]:
    names_row = _split(lines[0], ",")
    names = [names_row[i].strip() for i in range(0, len(names_row), 2)]
    if dataset is not None and dataset not in names:
        msg = f"{where}: no dataset {dataset!r}; the WebPlotDigitizer export has {names}"
        raise ParseError(msg)
    out = []
    for k, name in enumerate(names):
        if dataset is not None and name != dataset:
            continue
        fmt = {
            "type": "text",
            "delimiter": ",",
            "skip_rows": 2,
            "x": {"column": 2 * k},
            "y": {"column": 2 * k + 1},
            "drop_nonnumeric": True,
        }
        out.append(
            Series(
                name=name,
                format=fmt,
                file=file,
                origin="digitised",
                layout=(
                    f"WebPlotDigitizer CSV export of {len(names)} dataset(s) (row 1 dataset "
                    f"names, row 2 X/Y); dataset {name!r} in columns {2 * k} and {2 * k + 1}; "
                    "blank cells of shorter datasets are skipped"
                ),
                digitisation={"tool": "WebPlotDigitizer"},
                status=status_hint(name),
            )
        )
    return out


def text_series(
    text: str,
    *,
    file: Path,
    where: str,
    x_column: int | str | None,
    y_column: int | str | None,
    dataset: str | None,
) -> list[Series]:
    """Detect the layout of a text/CSV file and return its candidate series.

    Parameters
    ----------
    text : str
        Decoded file content.
    file : pathlib.Path
        The file.
    where : str
        File, for messages.
    x_column, y_column : int or str, optional
        Column index or header name chosen by the user.
    dataset : str, optional
        WebPlotDigitizer dataset name (multi-dataset CSV exports).

    Returns
    -------
    list of Series
        One series per y column (all of them unless ``y_column`` is given).

    Raises
    ------
    ParseError
        Ragged rows, no data rows, an unknown column.
    """
    hepdata = _hepdata_csv_meta(text, where)
    comment, lines = _data_lines(text)
    if not lines:
        msg = f"{where}: no data rows (only blank or comment lines)"
        raise ParseError(msg)
    if len(lines) >= 3:
        second = [c.strip().upper() for c in _split(lines[1], ",")]
        if second and len(second) % 2 == 0 and set(second) <= {"X", "Y"}:
            return _wpd_csv(lines, where, file, dataset)
    delimiter = _delimiter(lines, where)
    first = [c.strip().strip('"') for c in _split(lines[0], delimiter)]
    header = None if all(_is_number(c) for c in first) else first
    body = lines[1:] if header is not None else lines
    if not body:
        msg = f"{where}: a header but no data rows"
        raise ParseError(msg)
    width = len(first)
    names = header if header is not None else [str(i) for i in range(width)]

    def index(choice: int | str, axis: str) -> int:
        if isinstance(choice, int):
            if choice >= width:
                msg = f"{where}: --{axis}-column {choice} but rows have {width} columns (0-based)"
                raise ParseError(msg)
            return choice
        if choice not in names:
            msg = f"{where}: --{axis}-column {choice!r}: no such column; the header has {names}"
            raise ParseError(msg)
        return names.index(choice)

    xi = index(x_column, "x") if x_column is not None else 0
    if y_column is not None:
        y_indices = [index(y_column, "y")]
    else:
        y_indices = [i for i in range(width) if i != xi]
    delim_name = {None: "whitespace", ",": ",", ";": ";", "\t": "\t"}[delimiter]
    reference = {}
    if hepdata.get("table_doi"):
        reference["hepdata"] = hepdata["table_doi"]
    if hepdata.get("location"):
        reference["figure"] = hepdata["location"]
    out = []
    for yi in y_indices:
        fmt: dict[str, Any] = {"type": "text"}
        if delim_name != "whitespace":
            fmt["delimiter"] = delim_name
        if comment != "#":
            fmt["comment"] = comment
        use_names = header is not None and len(set(header)) == len(header)
        if header is not None:
            fmt["header"] = True
        fmt["x"] = {"column": names[xi] if use_names else xi}
        fmt["y"] = {"column": names[yi] if use_names else yi}
        out.append(
            Series(
                name=names[yi] if header is not None else f"column {yi}",
                format=fmt,
                file=file,
                x_unit=unit_from_name(names[xi]) if header is not None else None,
                y_unit=unit_from_name(names[yi]) if header is not None else None,
                status=status_hint(names[yi]) if header is not None else None,
                statistic=statistic_hint(names[yi]) if header is not None else None,
                origin="hepdata" if hepdata else "unknown",
                cl=cl_from_text(hepdata.get("description", "")) if hepdata else None,
                reference=reference,
                title=hepdata.get("description") or None,
                layout=(
                    ("HEPData CSV table download; " if hepdata else "")
                    + f"{'comma' if delimiter == ',' else delim_name}-separated text, "
                    f"{len(body)} data rows, {width} columns"
                    + (f", header row {first}" if header is not None else ", no header")
                    + f"; x = column {names[xi]!r}, y = column {names[yi]!r}"
                ),
            )
        )
    return out


def json_arrays_series(
    doc: Mapping[str, Any],
    *,
    file: Path,
    where: str,
    x_column: int | str | None,
    y_column: int | str | None,
) -> list[Series]:
    """Return the series of a DM WG contour JSON object (named numeric arrays).

    Parameters
    ----------
    doc : Mapping
        The parsed JSON object.
    file : pathlib.Path
        The file.
    where : str
        File, for messages.
    x_column, y_column : str, optional
        Array names (keys) chosen by the user; without ``x_column`` the first
        array is x.

    Returns
    -------
    list of Series
        One per y array.

    Raises
    ------
    ParseError
        No numeric arrays, or an unknown key.
    """

    def numeric(value: Any) -> bool:
        if not isinstance(value, list) or not value:
            return False
        inner = value[0] if isinstance(value[0], list) else value
        return bool(inner) and all(
            isinstance(v, int | float) and not isinstance(v, bool) for v in inner[:5]
        )

    keys = [k for k, v in doc.items() if numeric(v)]
    if len(keys) < 2:
        msg = (
            f"{where}: a JSON object but not a DM WG contour file: it needs at least two "
            f"numeric arrays (found keys {sorted(doc)[:20]})"
        )
        raise ParseError(msg)
    for choice, axis in ((x_column, "x"), (y_column, "y")):
        if choice is not None and choice not in keys:
            msg = f"{where}: --{axis}-column {choice!r}: no such numeric array; arrays: {keys}"
            raise ParseError(msg)
    x_key = str(x_column) if x_column is not None else keys[0]
    y_keys = [str(y_column)] if y_column is not None else [k for k in keys if k != x_key]
    nested = isinstance(doc[x_key][0], list)
    return [
        Series(
            name=key,
            format={"type": "json-arrays", "x": {"key": x_key}, "y": {"key": key}},
            file=file,
            x_unit=unit_from_name(x_key),
            y_unit=unit_from_name(key),
            status=status_hint(key, file.name),
            layout=(
                f"DM WG JSON with arrays {keys}; x = {x_key!r}, y = {key!r}"
                + (f" ({len(doc[x_key])} disconnected segment(s))" if nested else "")
            ),
        )
        for key in y_keys
    ]


def __dir__() -> list[str]:
    return __all__
