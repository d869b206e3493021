"""Format detection: which upstream format a file is, and which curves it holds.

Detection looks at the *content*, never only the file name:

* JSON: a HEPData table download (``headers`` + ``values``), a WebPlotDigitizer
  project (``axesColl`` + ``datasetColl``), or a DM WG contour file (an object
  of numeric arrays);
* YAML with ``dependent_variables`` or ``data_file``: a HEPData table or
  submission;
* ``# %ECSV``: Astropy ECSV;
* anything else that is UTF-8 text: a delimited table (WebPlotDigitizer CSV
  exports included).

Every file is refused, with a message naming it, when it is larger than
:data:`MAX_INGEST_BYTES`, empty, binary (NUL bytes) or not UTF-8.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from dmsummary.catalogue.ingest.digitiser import wpd_json_series
from dmsummary.catalogue.ingest.hepdata import hepdata_json_series, hepdata_yaml_series
from dmsummary.catalogue.ingest.series import Series, column_choice
from dmsummary.catalogue.ingest.text import json_arrays_series, text_series
from dmsummary.exceptions import ParseError

__all__ = ["MAX_INGEST_BYTES", "detect", "read_limited"]

MAX_INGEST_BYTES = 16 * 1024 * 1024
"""Largest upstream file ``catalogue add`` reads (16 MiB). Limit curves are
kilobytes; anything bigger is refused unread rather than parsed into memory."""


def read_limited(path: Path) -> bytes:
    """Read a file, refusing one above :data:`MAX_INGEST_BYTES` before reading it.

    Parameters
    ----------
    path : pathlib.Path
        The file.

    Returns
    -------
    bytes
        Its content.

    Raises
    ------
    ParseError
        Missing, not a regular file, unreadable, too large or empty.
    """
    try:
        size = path.stat().st_size
        if not path.is_file():
            msg = f"{path}: not a regular file"
            raise ParseError(msg)
        if size > MAX_INGEST_BYTES:
            msg = (
                f"{path}: {size} bytes is larger than the {MAX_INGEST_BYTES // 2**20} MiB "
                "limit for a limit-curve file; is this the right file?"
            )
            raise ParseError(msg)
        with path.open("rb") as handle:
            raw = handle.read(MAX_INGEST_BYTES + 1)
    except OSError as err:
        msg = f"{path}: cannot read ({err.strerror or err}); check the path and permissions"
        raise ParseError(msg) from err
    if len(raw) > MAX_INGEST_BYTES:
        msg = f"{path}: larger than the {MAX_INGEST_BYTES // 2**20} MiB limit"
        raise ParseError(msg)
    if not raw.strip():
        msg = f"{path}: the file is empty"
        raise ParseError(msg)
    return raw


def _text(raw: bytes, where: str) -> str:
    if b"\x00" in raw[:65536]:
        msg = f"{where}: a binary file (NUL bytes), not a text, CSV, YAML or JSON table"
        raise ParseError(msg)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        msg = (
            f"{where}: not UTF-8 text (byte {err.start}: {raw[err.start : err.start + 1]!r}); "
            "re-save the file as UTF-8"
        )
        raise ParseError(msg) from err


def detect(
    path: Path,
    *,
    x_column: str | None = None,
    y_column: str | None = None,
    table: str | None = None,
    dataset: str | None = None,
) -> list[Series]:
    """Detect the format of ``path`` and return the curves it holds.

    Parameters
    ----------
    path : pathlib.Path
        The upstream file.
    x_column, y_column : str, optional
        Column (0-based index or name / key / HEPData header name).
    table : str, optional
        HEPData table name (submissions).
    dataset : str, optional
        WebPlotDigitizer dataset name.

    Returns
    -------
    list of Series
        Every candidate curve (one per y column / dependent variable / dataset
        unless ``y_column`` or ``dataset`` picks one).

    Raises
    ------
    ParseError
        The file cannot be read or is no recognised format; the message names
        the file and says what to fix.
    """
    raw = read_limited(path)
    where = str(path)
    text = _text(raw, where)
    xc, yc = column_choice(x_column), column_choice(y_column)
    stripped = text.lstrip()
    if stripped.startswith(("{", "[")):
        try:
            doc = json.loads(text)
        except (json.JSONDecodeError, RecursionError) as err:
            msg = f"{where}: looks like JSON but is not valid JSON ({err})"
            raise ParseError(msg) from err
        if not isinstance(doc, dict):
            msg = f"{where}: JSON {type(doc).__name__}, expected an object (HEPData table, WebPlotDigitizer project or DM WG arrays)"
            raise ParseError(msg)
        if "values" in doc and "headers" in doc:
            return hepdata_json_series(doc, file=path, where=where, y_column=yc)
        if "axesColl" in doc or "datasetColl" in doc or "wpd" in doc:
            return wpd_json_series(raw, file=path, where=where, dataset=dataset)
        return json_arrays_series(doc, file=path, where=where, x_column=xc, y_column=yc)
    if stripped.startswith("# %ECSV"):
        msg = (
            f"{where}: ECSV files are read by the catalogue (type: ecsv) but not yet detected by "
            "`catalogue add`; export the table as CSV with a header row"
        )
        raise ParseError(msg)
    if re.search(r"^(dependent_variables|data_file)\s*:", text, flags=re.MULTILINE):
        return hepdata_yaml_series(
            raw, file=path, where=where, table=table, y_column=yc, read_table=read_limited
        )
    return text_series(text, file=path, where=where, x_column=xc, y_column=yc, dataset=dataset)


def __dir__() -> list[str]:
    return __all__
