"""Atomic, byte-reproducible figure files (PDF, PNG, SVG)."""

from __future__ import annotations

import contextlib
import logging
import os
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from matplotlib.figure import Figure as MplFigure

__all__ = ["FORMATS", "METADATA", "check_formats", "write_atomically"]

FORMATS: tuple[str, ...] = ("pdf", "png", "svg")
"""Output formats :func:`~dmsummary.render.save` writes."""

_WRITER = "dmsummary (matplotlib)"

METADATA: dict[str, dict[str, Any]] = {
    # No dates anywhere: the same inputs give the same bytes.
    "pdf": {"Creator": _WRITER, "Producer": _WRITER, "CreationDate": None, "ModDate": None},
    "png": {"Software": _WRITER},
    "svg": {"Creator": _WRITER, "Date": None},
}
"""Fixed metadata per format (timestamps removed, writer strings fixed)."""


def write_atomically(
    fig: MplFigure,
    targets: Mapping[str, Path],
    *,
    dpi: float,
    metadata: Mapping[str, Mapping[str, Any]] | None = None,
) -> None:
    """Write a figure to several files, all or none.

    Each format is first written to a temporary file in the target's directory;
    only when every format has been written are they moved into place with
    :func:`os.replace` (atomic on POSIX and Windows). On any error the temporary
    files are removed and no target is created or modified.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
        The figure (call inside the style's ``rc_context``).
    targets : Mapping
        Format (``"pdf"``, ``"png"``, ``"svg"``) → final path.
    dpi : float
        Resolution in dots per inch (raster output, and rasterised parts of vectors).
    metadata : Mapping, optional
        Extra metadata per format, merged over :data:`METADATA`.
    """
    temps: dict[str, Path] = {}
    # fontTools warns that the PDF font subsets' fixed (reproducible) 'modified' stamp looks
    # low; the stamp is intended, so the warning is muted for the duration of the save.
    font_log = logging.getLogger("fontTools")
    previous_level = font_log.level
    font_log.setLevel(logging.ERROR)
    try:
        for fmt, path in targets.items():
            meta = {**METADATA.get(fmt, {}), **(metadata or {}).get(fmt, {})}
            handle, name = tempfile.mkstemp(
                dir=path.parent, prefix=f".{path.name}.", suffix=".tmp"
            )
            temps[fmt] = Path(name)
            with os.fdopen(handle, "wb") as stream:
                fig.savefig(stream, format=fmt, dpi=dpi, metadata=meta)
                stream.flush()
                os.fsync(stream.fileno())
        for fmt, path in targets.items():
            temps.pop(fmt).replace(path)
    finally:
        font_log.setLevel(previous_level)
        for leftover in temps.values():
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()


def check_formats(formats: Iterable[str]) -> tuple[str, ...]:
    """Return the formats as a tuple, checking each is supported.

    Parameters
    ----------
    formats : iterable of str
        Requested formats.

    Returns
    -------
    tuple of str
        The formats, duplicates removed, in the given order.

    Raises
    ------
    ValueError
        If a format is not one of :data:`FORMATS`.
    """
    out = tuple(dict.fromkeys(f.lower().lstrip(".") for f in formats))
    bad = [f for f in out if f not in FORMATS]
    if bad or not out:
        msg = f"unsupported output format(s) {bad or list(out)}; expected some of {list(FORMATS)}"
        raise ValueError(msg)
    return out


def __dir__() -> list[str]:
    return __all__
