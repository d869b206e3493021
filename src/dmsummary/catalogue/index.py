"""On-disk index of validated catalogue entries (start-up speed).

Parsing ~400 YAML files and validating them against the JSON Schema takes
about half a second; the command line must start in well under that. After a
catalogue has validated cleanly, its parsed documents are stored as one JSON
file in the cache directory, keyed by a digest of *every byte* of every entry
file (and of the package and schema versions). The next load reads the files,
recomputes the digest and, when it matches, skips YAML parsing and schema
validation: the documents are exactly those that validated before. Any edit to
any entry changes the digest, so a stale index is never used. Writes are
atomic; an unwritable cache only costs speed.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from dmsummary import __version__
from dmsummary.catalogue.fetch import cache_dir
from dmsummary.schema import SCHEMA_VERSION

__all__ = ["digest", "load", "store"]


def digest(files: Sequence[Path], contents: Sequence[bytes]) -> str:
    """Return the sha256 of package/schema version, file paths and contents.

    Parameters
    ----------
    files : sequence of pathlib.Path
        Entry files, in load order.
    contents : sequence of bytes
        Their contents.

    Returns
    -------
    str
        Hex digest.
    """
    h = hashlib.sha256(f"dmsummary {__version__} schema {SCHEMA_VERSION}\0".encode())
    for path, raw in zip(files, contents, strict=True):
        h.update(str(path).encode("utf-8", "surrogateescape") + b"\0")
        h.update(hashlib.sha256(raw).digest())
    return h.hexdigest()


def _path(key: str) -> Path:
    return cache_dir() / "index" / f"catalogue-{key}.json"


def load(key: str) -> list[Any] | None:
    """Return the stored documents for ``key``, or None when absent or unreadable.

    Parameters
    ----------
    key : str
        Digest from :func:`digest`.

    Returns
    -------
    list or None
        The parsed entry documents, in load order.
    """
    try:
        with _path(key).open(encoding="utf-8") as handle:
            stored = json.load(handle)
    except (OSError, ValueError):
        return None
    if not isinstance(stored, dict) or stored.get("key") != key:
        return None
    docs = stored.get("documents")
    return docs if isinstance(docs, list) else None


def store(key: str, documents: Sequence[Any]) -> None:
    """Store validated documents under ``key`` (atomically; errors are ignored).

    Parameters
    ----------
    key : str
        Digest from :func:`digest`.
    documents : sequence
        Parsed, validated entry documents, in load order.
    """
    target = _path(key)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".index-", suffix=".json")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump({"key": key, "documents": list(documents)}, handle, default=str)
        Path(tmp).replace(target)
    except OSError:
        return


def __dir__() -> list[str]:
    return __all__
