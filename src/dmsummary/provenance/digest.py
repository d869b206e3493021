r"""Canonical JSON and ``sha256:<hex>`` digests (recipes, reports, build manifests).

The canonical form follows ``pyhf.utils.digest``: keys sorted, the most compact
separators, UTF-8. It is stricter in three ways, so that equal documents always have
equal digests and unequal ones never silently collide:

* only finite floats (NaN and ±inf are refused, not written as ``NaN``);
* only string keys (``{1: x}`` and ``{"1": x}`` would otherwise serialise alike);
* ``-0.0`` is written as ``0.0`` (they compare equal in Python).

Integers and integer-valued floats stay distinct (``1`` vs ``1.0``), as in pyhf.

Examples
--------
>>> from dmsummary.provenance import canonical_json, digest
>>> canonical_json({"b": 1, "a": [0.5, "σ"]})
b'{"a":[0.5,"\xcf\x83"],"b":1}'
>>> digest({"b": 1, "a": 2}) == digest({"a": 2, "b": 1})
True
>>> digest({"a": 1})
'sha256:015abd7f5cc57a2dd94b7590f04ad8084273905ee33ec5cebeae62276a97f862'
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Mapping, Sequence
from typing import Any

__all__ = ["canonical_json", "digest"]


def _plain(obj: Any, path: str) -> Any:
    """Return ``obj`` as plain JSON data (dict/list/str/int/float/bool/None), checked."""
    if obj is None or isinstance(obj, bool | str):
        if isinstance(obj, str):
            try:
                obj.encode("utf-8")
            except UnicodeEncodeError as err:
                msg = (
                    f"canonical_json: the string at {path} is not valid Unicode "
                    f"({err.reason} at index {err.start}); remove the lone surrogate"
                )
                raise ValueError(msg) from err
        return obj
    if isinstance(obj, int):
        return int(obj)
    if isinstance(obj, float):
        if not math.isfinite(obj):
            msg = (
                f"canonical_json: the value at {path} is {obj!r}; only finite numbers have "
                "a canonical JSON form (store a missing value as null)"
            )
            raise ValueError(msg)
        return 0.0 if obj == 0.0 else obj
    if isinstance(obj, Mapping):
        out: dict[str, Any] = {}
        for key, value in obj.items():
            if not isinstance(key, str):
                msg = (
                    f"canonical_json: the key {key!r} at {path} is a {type(key).__name__}; "
                    "only string keys have a canonical JSON form"
                )
                raise TypeError(msg)
            out[key] = _plain(value, f"{path}.{key}")
        return out
    if isinstance(obj, Sequence) and not isinstance(obj, bytes | bytearray):
        return [_plain(value, f"{path}[{i}]") for i, value in enumerate(obj)]
    item = getattr(obj, "item", None)  # numpy scalars (numpy is not imported here)
    if callable(item) and getattr(obj, "shape", None) == ():
        return _plain(item(), path)
    tolist = getattr(obj, "tolist", None)  # numpy arrays
    if callable(tolist):
        return _plain(tolist(), path)
    msg = (
        f"canonical_json: the value at {path} is a {type(obj).__name__}; expected a mapping, "
        "sequence, str, int, float, bool or None"
    )
    raise TypeError(msg)


def canonical_json(obj: Any) -> bytes:
    """Serialise ``obj`` to canonical JSON bytes.

    Parameters
    ----------
    obj : Any
        Plain data: mappings with string keys, sequences (lists, tuples, numpy arrays),
        str, int, finite float, bool, None. Mappings may be read-only views
        (``MappingProxyType``), as in catalogue entries.

    Returns
    -------
    bytes
        UTF-8 JSON with sorted keys, ``","``/``":"`` separators, no trailing newline.

    Raises
    ------
    ValueError
        A NaN or infinite float, or a string that is not valid Unicode (the message gives
        the JSON path, e.g. ``$.layers[2].cl``).
    TypeError
        A non-string key or a value of an unsupported type (e.g. a set, which has no
        order, or bytes).
    """
    plain = _plain(obj, "$")
    text = json.dumps(
        plain, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    )
    return text.encode("utf-8")


def digest(obj: Any) -> str:
    """Return the self-describing sha256 digest of ``obj``'s canonical JSON.

    Parameters
    ----------
    obj : Any
        Plain data, as for :func:`canonical_json`.

    Returns
    -------
    str
        ``"sha256:<64 lower-case hex digits>"`` (the pooch/pyhf hash-string form).

    Raises
    ------
    ValueError, TypeError
        As :func:`canonical_json`.
    """
    return "sha256:" + hashlib.sha256(canonical_json(obj)).hexdigest()


def __dir__() -> list[str]:
    return __all__
