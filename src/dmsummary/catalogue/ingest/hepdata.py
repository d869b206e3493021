"""Detection for HEPData tables: submission YAML (single- or multi-file) and table downloads.

* **Table YAML** (``independent_variables`` / ``dependent_variables``; the
  format of HEPData submissions and of the YAML table download).
* **Submission YAML** (``submission.yaml``): several YAML documents; each table
  document has ``name``, ``description``, ``location``, ``keywords`` and either
  the variables inline (single-file submission) or ``data_file:`` naming the
  table file beside it.
* **Table JSON download** (``headers``, ``qualifiers``, ``values`` rows with
  ``x`` and ``y`` lists).

Units come from ``header.units`` (YAML) or ``[unit]`` in header names (JSON);
the CL and observed/expected from qualifiers (``CL: 90%``, ``Limit: Observed``)
or the table description. Every dependent variable is a candidate series.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path, PurePosixPath
from typing import Any

from dmsummary.catalogue.formats import hepdata_table, load_yaml_documents
from dmsummary.catalogue.ingest.series import (
    Series,
    cl_from_text,
    statistic_hint,
    status_hint,
    unit_from_name,
)
from dmsummary.exceptions import ParseError

__all__ = ["hepdata_json_series", "hepdata_yaml_series"]

_CL_NAMES = {"cl", "c.l.", "confidence level", "confidence_level"}


def _qualifier_hints(
    qualifiers: Sequence[tuple[str, Any]], description: str
) -> tuple[float | None, str]:
    """Return (CL, text for observed/expected hints) from qualifiers and a description."""
    cl = None
    words = []
    for name, value in qualifiers:
        if name.strip().lower() in _CL_NAMES:
            cl = cl_from_text(value)
        else:
            text = f"{name} {value}"
            cl = cl if cl is not None else cl_from_text(text if "%" in text else "")
            words.append(text)
    if cl is None:
        cl = cl_from_text(description)
    return cl, " ".join(words)


def _chosen(choice: int | str | None, names: Sequence[str], what: str, where: str) -> list[int]:
    """Return the indices of the y variables picked by ``--y-column`` (index, name, or all)."""
    if choice is None:
        return list(range(len(names)))
    if isinstance(choice, int):
        if choice >= len(names):
            msg = f"{where}: --y-column {choice}: the table has {len(names)} {what}(s) {names}"
            raise ParseError(msg)
        return [choice]
    if choice not in names:
        msg = f"{where}: --y-column {choice!r}: no such {what}; the table has {list(names)}"
        raise ParseError(msg)
    return [list(names).index(choice)]


def _variable_name(var: Any, what: str, where: str) -> tuple[str, str | None]:
    header = var.get("header") if isinstance(var, dict) else None
    if not isinstance(header, dict) or "name" not in header:
        msg = f"{where}: a HEPData {what} variable has no `header: {{name: ...}}`"
        raise ParseError(msg)
    name = str(header["name"])
    units = header.get("units")
    unit = unit_from_name(f"[{units}]") if units not in (None, "") else unit_from_name(name)
    return name, unit


def _table_series(
    table: Mapping[str, Any],
    *,
    file: Path,
    where: str,
    fmt_extra: Mapping[str, Any],
    meta: Mapping[str, Any],
    y_column: int | str | None,
) -> list[Series]:
    independents = table.get("independent_variables")
    dependents = table.get("dependent_variables")
    if not isinstance(independents, list) or not independents:
        msg = f"{where}: HEPData table without `independent_variables` (nothing to use as x)"
        raise ParseError(msg)
    if not isinstance(dependents, list) or not dependents:
        msg = f"{where}: HEPData table without `dependent_variables`"
        raise ParseError(msg)
    x_name, x_unit = _variable_name(independents[0], "independent", where)
    names = [_variable_name(v, "dependent", where)[0] for v in dependents]
    chosen = _chosen(y_column, names, "dependent variable", where)
    description = str(meta.get("description", "") or table.get("description", "") or "")
    n_rows = len(independents[0].get("values", []) or [])
    out = []
    for k in chosen:
        var = dependents[k]
        name, y_unit = _variable_name(var, "dependent", where)
        raw_qualifiers = var.get("qualifiers", []) or []
        if not isinstance(raw_qualifiers, list):
            msg = f"{where}: qualifiers of {name!r} must be a list of {{name, value}}"
            raise ParseError(msg)
        quals = [
            (str(q.get("name", "")), q.get("value", ""))
            for q in raw_qualifiers
            if isinstance(q, dict)
        ]
        cl, words = _qualifier_hints(quals, description)
        y_key: int | str = name if names.count(name) == 1 else k
        reference = {}
        if meta.get("location"):
            reference["figure"] = str(meta["location"])
        if meta.get("doi"):
            reference["hepdata"] = str(meta["doi"])
        out.append(
            Series(
                name=name,
                format={
                    "type": "hepdata-yaml",
                    **fmt_extra,
                    "x": {"column": 0},
                    "y": {"column": y_key},
                },
                file=file,
                x_unit=x_unit,
                y_unit=y_unit,
                cl=cl,
                status=status_hint(name, words),
                statistic=statistic_hint(name),
                origin="hepdata",
                layout=(
                    f"HEPData table YAML{' (' + repr(meta['name']) + ')' if meta.get('name') else ''}: "
                    f"independent variable {x_name!r} ({n_rows} rows), dependent variables {names}; "
                    f"y = {name!r}; qualifiers: "
                    + (", ".join(f"{n}={v}" for n, v in quals) or "none")
                ),
                reference=reference,
                title=description or None,
            )
        )
    return out


def hepdata_yaml_series(
    raw: bytes,
    *,
    file: Path,
    where: str,
    table: str | None,
    y_column: int | str | None,
    read_table: Any,
) -> list[Series]:
    """Return the series of a HEPData table YAML or submission YAML.

    Parameters
    ----------
    raw : bytes
        File content.
    file : pathlib.Path
        The file.
    where : str
        File, for messages.
    table : str, optional
        Table name (submissions with several tables).
    y_column : int or str, optional
        Dependent variable (index or header name); all when None.
    read_table : callable
        ``read_table(path) -> bytes`` for a submission's ``data_file`` (size-checked).

    Returns
    -------
    list of Series
        One per dependent variable chosen.

    Raises
    ------
    ParseError
        Unsafe or invalid YAML, no table, an unknown table or variable.
    """
    docs = load_yaml_documents(raw, where)
    referenced = [d for d in docs if isinstance(d, dict) and "data_file" in d]
    inline = [d for d in docs if isinstance(d, dict) and "dependent_variables" in d]
    if referenced and not inline:
        names = [str(d.get("name", "")) for d in referenced]
        if table is None and len(referenced) > 1:
            msg = (
                f"{where}: a HEPData submission with tables {names}; choose one with --table NAME"
            )
            raise ParseError(msg)
        if table is not None and table not in names:
            msg = f"{where}: --table {table!r}: no such table; the submission has {names}"
            raise ParseError(msg)
        meta = referenced[names.index(table) if table is not None else 0]
        rel = PurePosixPath(str(meta["data_file"]))
        if rel.is_absolute() or ".." in rel.parts or "\\" in str(rel):
            msg = f"{where}: data_file {str(rel)!r} must be a file name beside the submission"
            raise ParseError(msg)
        target = file.parent / Path(*rel.parts)
        table_raw = read_table(target)
        table_doc = hepdata_table(load_yaml_documents(table_raw, str(target)), None, str(target))
        return _table_series(
            table_doc, file=target, where=str(target), fmt_extra={}, meta=meta, y_column=y_column
        )
    names = [str(d.get("name", "")) for d in inline]
    if len(inline) > 1 or table is not None:
        chosen = hepdata_table(inline, table, where) if table is not None else None
        if chosen is None:
            msg = f"{where}: a single-file HEPData submission with tables {names}; choose one with --table NAME"
            raise ParseError(msg)
        return _table_series(
            chosen,
            file=file,
            where=where,
            fmt_extra={"table": table},
            meta=chosen,
            y_column=y_column,
        )
    chosen = hepdata_table(docs, None, where)
    return _table_series(
        chosen, file=file, where=where, fmt_extra={}, meta=chosen, y_column=y_column
    )


def hepdata_json_series(
    doc: Mapping[str, Any],
    *,
    file: Path,
    where: str,
    y_column: int | str | None,
) -> list[Series]:
    """Return the series of a HEPData table downloaded as JSON.

    Parameters
    ----------
    doc : Mapping
        Parsed JSON (``headers``, ``qualifiers``, ``values``).
    file : pathlib.Path
        The file.
    where : str
        File, for messages.
    y_column : int or str, optional
        Dependent column (index into each row's ``y`` list, or header name).

    Returns
    -------
    list of Series
        One per dependent column chosen.

    Raises
    ------
    ParseError
        Malformed table or unknown column.
    """
    headers = doc.get("headers")
    values = doc.get("values")
    if not isinstance(headers, list) or not isinstance(values, list) or not values:
        msg = f"{where}: HEPData JSON table needs `headers` and non-empty `values`"
        raise ParseError(msg)
    names = [str(h.get("name", "")) if isinstance(h, dict) else "" for h in headers]
    first = values[0]
    if (
        not isinstance(first, dict)
        or not isinstance(first.get("x"), list)
        or not isinstance(first.get("y"), list)
    ):
        msg = f"{where}: HEPData JSON rows need `x` and `y` lists"
        raise ParseError(msg)
    n_x = len(first["x"])
    n_y = len(first["y"])
    if n_x < 1 or n_y < 1:
        msg = f"{where}: HEPData JSON rows have no x or no y values"
        raise ParseError(msg)
    x_name = names[0] if names else "x"
    y_names = (
        (names[n_x:] + [f"y{i}" for i in range(n_y)])[:n_y]
        if len(names) > n_x
        else [names[-1] if names else "y"] * n_y
    )
    chosen = _chosen(y_column, y_names, "y column", where)
    qualifiers = doc.get("qualifiers", {})
    description = str(doc.get("description", ""))
    reference = {}
    if doc.get("location"):
        reference["figure"] = str(doc["location"])
    if doc.get("doi"):
        reference["hepdata"] = str(doc["doi"])
    out = []
    for k in chosen:
        quals: list[tuple[str, Any]] = []
        if isinstance(qualifiers, dict):
            for qname, items in qualifiers.items():
                if isinstance(items, list):
                    for item in items:
                        if isinstance(item, dict) and item.get("group", k) == k:
                            quals.append((str(qname), item.get("value", "")))
        cl, words = _qualifier_hints(quals, description)
        name = y_names[k]
        out.append(
            Series(
                name=name,
                format={"type": "hepdata-json", "x": {"column": 0}, "y": {"column": k}},
                file=file,
                x_unit=unit_from_name(x_name),
                y_unit=unit_from_name(name),
                cl=cl,
                status=status_hint(name, words),
                statistic=statistic_hint(f"{name} {words}"),
                origin="hepdata",
                layout=(
                    f"HEPData table JSON {str(doc.get('name', ''))!r}: headers {names}, "
                    f"{len(values)} rows; y = column {k} ({name!r}); qualifiers: "
                    + (", ".join(f"{n}={v}" for n, v in quals) or "none")
                ),
                reference=reference,
                title=description or None,
            )
        )
    return out


def __dir__() -> list[str]:
    return __all__
