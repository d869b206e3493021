"""Parsers for the upstream file formats in the data mirror.

Each parser turns the *verified* bytes of one file plus the entry's
``data.format`` mapping into raw segments: a list of ``(x, y)`` float arrays in
the units of the file. :func:`read_segments` then applies the declared
transforms, filters and unit conversion, and checks the result.

Formats (``data.format.type``): ``text`` (whitespace/CSV with comments, header
rows, blocks), ``hepdata-yaml`` (HEPData submission table), ``hepdata-json``
(HEPData table download), ``ecsv`` (Astropy ECSV; header units are checked) and
``json-arrays`` (named arrays; nested lists are disconnected segments, as in
the LHC DM WG contour outputs) and ``wpd-json`` (a WebPlotDigitizer project
export; one named dataset). Disconnected segments are kept as they are:
they are never joined.
"""

from __future__ import annotations

import csv
import json
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt
import yaml

from dmsummary.exceptions import ParseError, UnitError
from dmsummary.units import Dimension, parse_unit

__all__ = [
    "FORMATS",
    "Segments",
    "hepdata_table",
    "load_yaml_documents",
    "read_segments",
    "wpd_project",
]

FloatArray = npt.NDArray[np.float64]
Segments = list[tuple[FloatArray, FloatArray]]
"""Disconnected pieces of one curve, each an ``(x, y)`` pair of equal-length arrays."""

_DELIMITERS = {"whitespace": None, ",": ",", ";": ";", "\t": "\t"}


def _decode(raw: bytes, where: str) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        msg = (
            f"{where}: not UTF-8 text (byte {err.start}: {raw[err.start : err.start + 1]!r}); "
            "is `data.format.type` right for this file?"
        )
        raise ParseError(msg) from err


def _number(cell: Any, where: str) -> float:
    if isinstance(cell, bool):
        msg = f"{where}: expected a number, found {cell!r}"
        raise ParseError(msg)
    if isinstance(cell, int | float):
        return float(cell)
    text = str(cell).strip().strip('"')
    try:
        return float(text)
    except ValueError:
        msg = (
            f"{where}: expected a number, found {text[:40]!r} (if such cells mark missing "
            "points, set `drop_nonnumeric: true` in data.format)"
        )
        raise ParseError(msg) from None


def _column_index(column: int | str, header: Sequence[str] | None, where: str) -> int:
    if isinstance(column, int):
        return column
    if header is None:
        msg = (
            f"{where}: column {column!r} is given by name but the format has no header; "
            "set `header: true` or give a 0-based column index"
        )
        raise ParseError(msg)
    names = [h.strip().strip('"') for h in header]
    if column not in names:
        msg = f"{where}: no column named {column!r}; the header has {names}"
        raise ParseError(msg)
    return names.index(column)


def _split(line: str, delimiter: str | None) -> list[str]:
    if delimiter is None:
        return line.split()
    return next(csv.reader([line], delimiter=delimiter))


def _text(raw: bytes, fmt: Mapping[str, Any], where: str) -> Segments:
    text = _decode(raw, where)
    delimiter = _DELIMITERS[fmt.get("delimiter", "whitespace")]
    comment = fmt.get("comment", "#")
    lines = text.splitlines()
    # Split into blank-line separated blocks, remembering 1-based line numbers.
    blocks: list[list[tuple[int, str]]] = [[]]
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            if blocks[-1]:
                blocks.append([])
            continue
        if line.lstrip().startswith(comment):
            continue
        blocks[-1].append((number, line))
    blocks = [b for b in blocks if b]
    if "block" in fmt:
        index = fmt["block"]
        if index >= len(blocks):
            msg = (
                f"{where}: data.format.block = {index} but the file has {len(blocks)} "
                "blank-line-separated blocks of data (0-based)"
            )
            raise ParseError(msg)
        blocks = [blocks[index]]
    elif not fmt.get("segment_on_blank", False):
        blocks = [[row for block in blocks for row in block]]
    skip = fmt.get("skip_rows", 0)
    if skip:
        blocks[0] = blocks[0][skip:]
    header: list[str] | None = None
    if fmt.get("header", False):
        if not blocks or not blocks[0]:
            msg = f"{where}: `header: true` but the file has no data lines"
            raise ParseError(msg)
        header = _split(blocks[0][0][1], delimiter)
        blocks = [blocks[0][1:], *blocks[1:]]
    xcol = _column_index(fmt["x"].get("column", 0), header, f"{where}: data.format.x.column")
    ycol = _column_index(fmt["y"].get("column", 1), header, f"{where}: data.format.y.column")
    segcol = None
    if "segment_column" in fmt:
        segcol = _column_index(
            fmt["segment_column"], header, f"{where}: data.format.segment_column"
        )
    segments: Segments = []
    for block in blocks:
        xs: list[float] = []
        ys: list[float] = []
        previous_key: str | None = None
        for number, line in block:
            cells = _split(line, delimiter)
            needed = max(xcol, ycol, segcol if segcol is not None else 0)
            if len(cells) <= needed:
                msg = (
                    f"{where}, line {number}: needs column {needed} (0-based) but the row has "
                    f"{len(cells)} cell(s): {line[:60]!r}; check data.format.x/y.column and "
                    "data.format.delimiter"
                )
                raise ParseError(msg)
            if segcol is not None:
                key = cells[segcol].strip()
                if previous_key is not None and key != previous_key and xs:
                    segments.append((np.asarray(xs), np.asarray(ys)))
                    xs, ys = [], []
                previous_key = key
            try:
                x = _number(cells[xcol], f"{where}, line {number}, column {xcol}")
                y = _number(cells[ycol], f"{where}, line {number}, column {ycol}")
            except ParseError:
                if fmt.get("drop_nonnumeric", False):
                    continue
                raise
            xs.append(x)
            ys.append(y)
        if xs:
            segments.append((np.asarray(xs, dtype=float), np.asarray(ys, dtype=float)))
    return segments


def _hepdata_pick(variables: Sequence[Mapping[str, Any]], column: int | str, where: str) -> Any:
    if isinstance(column, int):
        if column >= len(variables):
            msg = f"{where}: index {column} but the table has {len(variables)} such variable(s)"
            raise ParseError(msg)
        return variables[column]
    names = [
        str(v["header"].get("name", ""))
        if isinstance(v, dict) and isinstance(v.get("header"), dict)
        else ""
        for v in variables
    ]
    if column not in names:
        msg = f"{where}: no variable with header name {column!r}; the table has {names}"
        raise ParseError(msg)
    return variables[names.index(column)]


def load_yaml_documents(raw: bytes, where: str) -> list[Any]:
    """Parse every document of a YAML stream safely (no tags, anchors or aliases).

    Upstream YAML (HEPData tables and submissions) is plain data: an explicit
    tag or an anchor/alias (the "billion laughs" expansion) is refused before
    anything is constructed.

    Parameters
    ----------
    raw : bytes
        File content (UTF-8).
    where : str
        File, for messages.

    Returns
    -------
    list
        The parsed documents (a single-document file gives a one-element list).

    Raises
    ------
    ParseError
        Not UTF-8, not valid YAML, or a tag/anchor/alias.
    """
    text = _decode(raw, where)
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        for event in yaml.parse(text, Loader=loader):
            mark = event.start_mark.line + 1 if event.start_mark is not None else 0
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                msg = f"{where}: YAML anchors/aliases are not allowed (line {mark}); write values out"
                raise ParseError(msg)
            tag = getattr(event, "tag", None)
            implicit = getattr(event, "implicit", True)
            if tag is not None and (implicit is False or implicit == (False, False)):
                msg = f"{where}: YAML tag {tag!r} is not allowed (line {mark}); use plain values"
                raise ParseError(msg)
        # yaml.safe_load_all, with libyaml's C safe loader when present (10x faster on
        # HEPData tables, which are the largest files the catalogue reads).
        safe = loader(text)
        try:
            documents = []
            while safe.check_data():
                documents.append(safe.get_data())
            return documents
        finally:
            safe.dispose()
    except yaml.YAMLError as err:
        msg = f"{where}: not valid YAML ({err}); a HEPData table needs safe YAML"
        raise ParseError(msg) from err
    except RecursionError as err:
        msg = f"{where}: YAML nested too deeply to be a data table"
        raise ParseError(msg) from err


def hepdata_table(docs: Sequence[Any], table: str | None, where: str) -> Mapping[str, Any]:
    """Pick the HEPData table from the documents of a table or submission YAML file.

    Parameters
    ----------
    docs : sequence
        Parsed YAML documents (:func:`load_yaml_documents`).
    table : str, optional
        Table ``name`` in a single-file submission (several documents); not
        needed for a file holding one table.
    where : str
        File, for messages.

    Returns
    -------
    Mapping
        The table (with ``independent_variables`` and ``dependent_variables``).

    Raises
    ------
    ParseError
        No table, or an ambiguous / unknown table name (the message lists the names).
    """
    tables = [
        d for d in docs if isinstance(d, dict) and isinstance(d.get("dependent_variables"), list)
    ]
    if table is not None:
        names = [str(d.get("name", "")) for d in tables]
        if table not in names:
            msg = f"{where}: data.format.table: no table named {table!r}; the file has {names}"
            raise ParseError(msg)
        return tables[names.index(table)]
    if len(tables) == 1:
        return tables[0]
    if not tables:
        msg = f"{where}: not a HEPData table (no `dependent_variables`)"
        raise ParseError(msg)
    names = [str(d.get("name", "")) for d in tables]
    msg = f"{where}: the file holds {len(tables)} tables {names}; set data.format.table"
    raise ParseError(msg)


def _hepdata_yaml(raw: bytes, fmt: Mapping[str, Any], where: str) -> Segments:
    doc = hepdata_table(load_yaml_documents(raw, where), fmt.get("table"), where)
    if not isinstance(doc.get("independent_variables", []), list):
        msg = f"{where}: `independent_variables` must be a list"
        raise ParseError(msg)
    xv = _hepdata_pick(
        doc.get("independent_variables", []), fmt["x"].get("column", 0), f"{where}: data.format.x"
    )
    yv = _hepdata_pick(
        doc["dependent_variables"], fmt["y"].get("column", 0), f"{where}: data.format.y"
    )
    if not isinstance(xv, dict) or not isinstance(yv, dict):
        msg = f"{where}: HEPData variables must be mappings with `header` and `values`"
        raise ParseError(msg)
    xs_raw, ys_raw = xv.get("values", []), yv.get("values", [])
    if not isinstance(xs_raw, list) or not isinstance(ys_raw, list):
        msg = f"{where}: HEPData `values` must be lists"
        raise ParseError(msg)
    if len(xs_raw) != len(ys_raw):
        msg = f"{where}: {len(xs_raw)} x values but {len(ys_raw)} y values"
        raise ParseError(msg)
    return _hepdata_cells(zip(xs_raw, ys_raw, strict=True), fmt, where)


def _hepdata_json(raw: bytes, fmt: Mapping[str, Any], where: str) -> Segments:
    try:
        doc = json.loads(_decode(raw, where))
    except (json.JSONDecodeError, RecursionError) as err:
        msg = f"{where}: not valid JSON ({err})"
        raise ParseError(msg) from err
    if not isinstance(doc, dict) or "values" not in doc:
        msg = f"{where}: not a HEPData JSON table (no `values`)"
        raise ParseError(msg)
    xcol = fmt["x"].get("column", 0)
    ycol = fmt["y"].get("column", 0)
    if not isinstance(xcol, int) or not isinstance(ycol, int):
        msg = (
            f"{where}: hepdata-json columns must be 0-based indices into each row's x and y lists"
        )
        raise ParseError(msg)
    if not isinstance(doc["values"], list):
        msg = f"{where}: HEPData JSON `values` must be a list of rows"
        raise ParseError(msg)
    pairs = []
    for i, row in enumerate(doc["values"]):
        try:
            pairs.append((row["x"][xcol], row["y"][ycol]))
        except (KeyError, IndexError, TypeError):
            msg = f"{where}, row {i}: no x[{xcol}] / y[{ycol}]; check data.format.x/y.column"
            raise ParseError(msg) from None
    return _hepdata_cells(pairs, fmt, where)


def _hepdata_cells(
    pairs: Iterable[tuple[Any, Any]], fmt: Mapping[str, Any], where: str
) -> Segments:
    """Read HEPData (x, y) cells (``{value: …}`` mappings or bare numbers) into one segment.

    Bins use their ``low`` edge when they have no ``value``; a non-numeric cell is an error
    unless ``drop_nonnumeric`` is set, then its row is skipped.
    """
    xs: list[float] = []
    ys: list[float] = []
    for i, (xc, yc) in enumerate(pairs):
        try:
            x = _number(
                xc.get("value", xc.get("low")) if isinstance(xc, dict) else xc,
                f"{where}, row {i}, x",
            )
            y = _number(yc.get("value") if isinstance(yc, dict) else yc, f"{where}, row {i}, y")
        except ParseError:
            if fmt.get("drop_nonnumeric", False):
                continue
            raise
        xs.append(x)
        ys.append(y)
    return [(np.asarray(xs, dtype=float), np.asarray(ys, dtype=float))]


def _ecsv(raw: bytes, fmt: Mapping[str, Any], where: str) -> Segments:
    text = _decode(raw, where)
    lines = text.splitlines()
    if not lines or not lines[0].startswith("# %ECSV"):
        msg = f"{where}: not an ECSV file (first line must start with '# %ECSV')"
        raise ParseError(msg)
    header_lines = [
        ln[2:] if ln.startswith("# ") else ln[1:] for ln in lines if ln.startswith("#")
    ]
    # Keep only the YAML part (after '---'); drop %-directives and the astropy !!omap tag.
    try:
        start = next(i for i, ln in enumerate(header_lines) if ln.strip() == "---")
    except StopIteration:
        msg = f"{where}: ECSV header has no '---' line"
        raise ParseError(msg) from None
    yaml_text = "\n".join(
        ln.replace("!!omap", "") for ln in header_lines[start + 1 :] if not ln.startswith("%")
    )
    try:
        header = yaml.safe_load(yaml_text) or {}
    except yaml.YAMLError as err:
        msg = f"{where}: ECSV header is not valid YAML ({err})"
        raise ParseError(msg) from err
    if not isinstance(header, dict):
        msg = f"{where}: ECSV header must be a YAML mapping with `datatype`"
        raise ParseError(msg)
    datatype = header.get("datatype", [])
    if not isinstance(datatype, list):
        msg = f"{where}: ECSV header `datatype` must be a list of columns"
        raise ParseError(msg)
    units = {str(c.get("name")): str(c.get("unit", "")) for c in datatype if isinstance(c, dict)}
    for axis in ("x", "y"):
        name = fmt[axis].get("column")
        declared = fmt[axis]["unit"]
        found = units.get(str(name))
        if found and fmt[axis].get("transform", "none") == "none":
            f_found, d_found = _safe_unit(found)
            f_decl, d_decl = parse_unit(declared)
            if d_found is not None and (
                d_found != d_decl or not math.isclose(f_found, f_decl, rel_tol=1e-9)
            ):
                msg = (
                    f"{where}: data.format.{axis}.unit is {declared!r} but the ECSV header says "
                    f"column {name!r} is in {found!r}; make them agree"
                )
                raise UnitError(msg)
    body = [ln for ln in lines if ln.strip() and not ln.startswith("#")]
    delimiter = header.get("delimiter", " ")
    if delimiter not in (" ", ",", ";", "\t"):
        msg = f"{where}: ECSV delimiter {delimiter!r} is not supported (space, comma, semicolon, tab)"
        raise ParseError(msg)
    sub = {
        "type": "text",
        "header": True,
        "delimiter": "whitespace" if delimiter == " " else delimiter,
    }
    sub_fmt = {**fmt, **sub}
    return _text("\n".join(body).encode(), sub_fmt, where)


def _safe_unit(text: str) -> tuple[float, Dimension | None]:
    try:
        return parse_unit(text)
    except UnitError:
        return 1.0, None


def _json_arrays(raw: bytes, fmt: Mapping[str, Any], where: str) -> Segments:
    try:
        doc = json.loads(_decode(raw, where))
    except (json.JSONDecodeError, RecursionError) as err:
        msg = f"{where}: not valid JSON ({err})"
        raise ParseError(msg) from err
    arrays = []
    for axis in ("x", "y"):
        key = fmt[axis].get("key")
        if not isinstance(doc, dict) or key not in doc:
            keys = sorted(doc) if isinstance(doc, dict) else []
            msg = f"{where}: data.format.{axis}.key {key!r} not in the JSON object (keys: {keys})"
            raise ParseError(msg)
        arrays.append(doc[key])
    xa, ya = arrays
    if not isinstance(xa, list) or not isinstance(ya, list):
        msg = f"{where}: the x and y entries must be JSON arrays"
        raise ParseError(msg)
    nested = bool(xa) and isinstance(xa[0], list)
    xs_list = xa if nested else [xa]
    ys_list = ya if nested else [ya]
    if len(xs_list) != len(ys_list):
        msg = f"{where}: {len(xs_list)} x segments but {len(ys_list)} y segments"
        raise ParseError(msg)
    segments: Segments = []
    for k, (xs, ys) in enumerate(zip(xs_list, ys_list, strict=True)):
        if not isinstance(xs, list) or not isinstance(ys, list) or len(xs) != len(ys):
            msg = f"{where}: segment {k} has mismatched or non-list x/y arrays"
            raise ParseError(msg)
        x = np.asarray([_number(v, f"{where}, segment {k}, x") for v in xs], dtype=float)
        y = np.asarray([_number(v, f"{where}, segment {k}, y") for v in ys], dtype=float)
        segments.append((x, y))
    return segments


def wpd_project(raw: bytes, where: str) -> Mapping[str, Any]:
    """Parse a WebPlotDigitizer JSON project export (version 4 layout, or the older ``wpd`` wrapper).

    Parameters
    ----------
    raw : bytes
        File content.
    where : str
        File, for messages.

    Returns
    -------
    Mapping
        ``{"axes": {name: axes}, "datasets": {name: dataset}}``; each dataset has
        ``axesName`` and ``data`` (a list of ``{"x": px, "y": py, "value": [x, y]}``).

    Raises
    ------
    ParseError
        Not JSON, or not a WebPlotDigitizer project.
    """
    try:
        doc = json.loads(_decode(raw, where))
    except (json.JSONDecodeError, RecursionError) as err:
        msg = f"{where}: not valid JSON ({err})"
        raise ParseError(msg) from err
    if isinstance(doc, dict) and isinstance(doc.get("wpd"), dict):
        doc = doc["wpd"]
    datasets = doc.get("datasetColl", doc.get("dataSeries")) if isinstance(doc, dict) else None
    axes = doc.get("axesColl") if isinstance(doc, dict) else None
    if not isinstance(datasets, list) or not isinstance(axes, list):
        msg = (
            f"{where}: not a WebPlotDigitizer project (needs `axesColl` and `datasetColl`); "
            "export with File > Save Project (JSON) in WebPlotDigitizer"
        )
        raise ParseError(msg)
    out: dict[str, dict[str, Any]] = {"axes": {}, "datasets": {}}
    for kind, items in (("axes", axes), ("datasets", datasets)):
        for item in items:
            if not isinstance(item, dict) or not isinstance(item.get("name"), str):
                msg = f"{where}: every WebPlotDigitizer {kind} item needs a `name`"
                raise ParseError(msg)
            out[kind][item["name"]] = item
    return out


def _wpd_json(raw: bytes, fmt: Mapping[str, Any], where: str) -> Segments:
    project = wpd_project(raw, where)
    datasets = project["datasets"]
    name = fmt.get("dataset")
    if name is None:
        if len(datasets) != 1:
            msg = f"{where}: data.format.dataset: the project has datasets {sorted(datasets)}; name one"
            raise ParseError(msg)
        name = next(iter(datasets))
    if name not in datasets:
        msg = f"{where}: data.format.dataset: no dataset {name!r}; the project has {sorted(datasets)}"
        raise ParseError(msg)
    points = datasets[name].get("data")
    if not isinstance(points, list):
        msg = f"{where}: dataset {name!r} has no `data` list"
        raise ParseError(msg)
    xs: list[float] = []
    ys: list[float] = []
    for i, point in enumerate(points):
        value = point.get("value") if isinstance(point, dict) else None
        if not isinstance(value, list) or len(value) < 2:
            msg = f"{where}: dataset {name!r}, point {i}: no calibrated `value` [x, y]"
            raise ParseError(msg)
        xs.append(_number(value[0], f"{where}: dataset {name!r}, point {i}, x"))
        ys.append(_number(value[1], f"{where}: dataset {name!r}, point {i}, y"))
    return [(np.asarray(xs, dtype=float), np.asarray(ys, dtype=float))]


FORMATS: dict[str, Callable[[bytes, Mapping[str, Any], str], Segments]] = {
    "text": _text,
    "hepdata-yaml": _hepdata_yaml,
    "hepdata-json": _hepdata_json,
    "ecsv": _ecsv,
    "json-arrays": _json_arrays,
    "wpd-json": _wpd_json,
}
"""Parser per ``data.format.type``."""

_TRANSFORMS: dict[str, Callable[[FloatArray], FloatArray]] = {
    "none": lambda a: a,
    "sqrt": np.sqrt,
    "square": np.square,
}


def read_segments(
    raw: bytes,
    fmt: Mapping[str, Any],
    *,
    x_dimension: Dimension,
    y_dimension: Dimension,
    sort_allowed: bool,
    where: str,
) -> Segments:
    """Read the curve segments of one file, in internal units.

    Parameters
    ----------
    raw : bytes
        File content, already verified against its sha256.
    fmt : Mapping
        The entry's ``data.format`` (schema-validated).
    x_dimension, y_dimension : Dimension
        Dimensions the plane needs; the declared units must have them.
    sort_allowed : bool
        Whether ``sort_x`` may be honoured (curves yes, contours no).
    where : str
        Entry file and id, for error messages.

    Returns
    -------
    Segments
        Non-empty segments with finite values in internal (hepunits) units.

    Raises
    ------
    ParseError
        If the file cannot be read as declared.
    UnitError
        If a unit string is unknown or has the wrong dimension.
    """
    from dmsummary.units import require_dimension

    factors = {
        "x": require_dimension(
            fmt["x"]["unit"], x_dimension, where=f"{where}: data.format.x.unit"
        ),
        "y": require_dimension(
            fmt["y"]["unit"], y_dimension, where=f"{where}: data.format.y.unit"
        ),
    }
    segments = FORMATS[fmt["type"]](raw, fmt, where)
    drop_y = np.asarray(fmt.get("drop_y", []), dtype=float)
    lo, hi = fmt.get("x_range", (-math.inf, math.inf))
    out: Segments = []
    for x_raw, y_raw in segments:
        keep = (x_raw >= lo) & (x_raw <= hi)
        if drop_y.size:
            keep &= ~np.isin(y_raw, drop_y)
        if fmt.get("drop_nonfinite", False):
            keep &= np.isfinite(x_raw) & np.isfinite(y_raw)
        if not keep.any():
            continue
        x_kept = x_raw[keep]
        if "x_clip" in fmt:
            x_kept = np.clip(x_kept, *fmt["x_clip"])
        with np.errstate(invalid="ignore"):
            x = _TRANSFORMS[fmt["x"].get("transform", "none")](x_kept) * fmt["x"].get("scale", 1.0)
            y = _TRANSFORMS[fmt["y"].get("transform", "none")](y_raw[keep]) * fmt["y"].get(
                "scale", 1.0
            )
        if sort_allowed and fmt.get("sort_x", False):
            order = np.argsort(x, kind="stable")
            x, y = x[order], y[order]
        out.append((x * factors["x"], y * factors["y"]))
    return out


def __dir__() -> list[str]:
    return __all__
