"""Read, check and merge build manifests (``build/manifest.json``).

A manifest is written by :func:`dmsummary.build.build`. It carries its own digest (the
sha256 of the canonical JSON of every other field), so that a manifest edited by hand is
refused instead of making a stale build look verified. The format is the JSON Schema
``schemas/1.0.0/manifest.json``.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from dmsummary.exceptions import ManifestError

__all__ = ["merge_manifests", "read_manifest"]


def read_manifest(path: str | os.PathLike[str]) -> dict[str, Any]:
    """Read a build manifest and check its schema and its digest.

    Parameters
    ----------
    path : path
        The manifest file, or a build directory holding ``manifest.json``.

    Returns
    -------
    dict
        The manifest.

    Raises
    ------
    ManifestError
        If the file is missing, not JSON, does not match the manifest schema, or its
        digest does not match its content (edited after the build). The message names
        the file and says how to recover (rebuild).
    """
    from dmsummary.build import MANIFEST_NAME, manifest_digest
    from dmsummary.schema import schema_errors

    file = Path(path)
    if file.is_dir():
        file = file / MANIFEST_NAME
    rebuild = "rebuild with `dmsummary build -o DIR` to get a fresh manifest"
    try:
        text = file.read_text(encoding="utf-8")
    except FileNotFoundError as err:
        msg = f"{file}: no build manifest here; run `dmsummary build -o {file.parent}` first"
        raise ManifestError(msg) from err
    except (OSError, UnicodeDecodeError) as err:
        msg = f"{file}: cannot read the build manifest ({err}); {rebuild}"
        raise ManifestError(msg) from err
    try:
        document = json.loads(text)
    except json.JSONDecodeError as err:
        msg = (
            f"{file}: not valid JSON (line {err.lineno}, column {err.colno}: {err.msg}); "
            f"the manifest was damaged or edited by hand; {rebuild}"
        )
        raise ManifestError(msg) from err
    problems = schema_errors(document, "manifest")
    if problems:
        lines = "\n".join(f"  - {field}: {message}" for field, message in problems[:10])
        msg = f"{file}: not a dmsummary build manifest (schema 1.0.0/manifest.json):\n{lines}\n{rebuild}"
        raise ManifestError(msg)
    expected = manifest_digest(document)
    if document["digest"] != expected:
        msg = (
            f"{file}: the manifest was changed after the build (field 'digest' is "
            f"{document['digest']}, its content hashes to {expected}); a hand-edited "
            f"manifest cannot vouch for a build; {rebuild}"
        )
        raise ManifestError(msg)
    return dict(document)


def merge_manifests(
    parts: Sequence[str | os.PathLike[str]], output: str | os.PathLike[str]
) -> Path:
    """Merge partial manifests (one per figure) into one, as ``dmsummary build`` writes it.

    The Snakemake workflow builds each figure in its own job with
    ``dmsummary build RECIPE --manifest PART``; this joins the parts. The result is
    byte-identical to the manifest of one ``dmsummary build`` of the same recipes.

    Parameters
    ----------
    parts : sequence of path
        Partial manifests.
    output : path
        Manifest to write (atomically).

    Returns
    -------
    pathlib.Path
        ``output``.

    Raises
    ------
    ManifestError
        If a part is bad (see :func:`read_manifest`), if the parts were written in
        different environments or with different formats, or if two parts record the
        same recipe differently.
    """
    from dmsummary.build import write_manifest

    if not parts:
        msg = "merge_manifests: no partial manifests given"
        raise ManifestError(msg)
    first = read_manifest(parts[0])
    recipes: dict[str, Any] = {}
    for part in parts:
        document = read_manifest(part)
        for field in ("schema", "environment", "formats"):
            if document[field] != first[field]:
                msg = (
                    f"{part}: field {field!r} differs from {parts[0]} ({document[field]!r} vs "
                    f"{first[field]!r}); merge only parts of one build in one environment"
                )
                raise ManifestError(msg)
        for recipe_id, record in document["recipes"].items():
            if recipe_id in recipes and recipes[recipe_id] != record:
                msg = f"{part}: recipe {recipe_id!r} is recorded differently in another part"
                raise ManifestError(msg)
            recipes[recipe_id] = record
    merged = {k: first[k] for k in ("schema", "environment", "formats")}
    merged["recipes"] = recipes
    out = Path(output)
    out.parent.mkdir(parents=True, exist_ok=True)
    write_manifest(merged, out)
    return out


def __dir__() -> list[str]:
    return __all__
