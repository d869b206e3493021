"""Versioned JSON Schemas shipped with dmsummary, and validation against them.

The schemas live in ``dmsummary/schemas/<version>/<name>.json`` (package data,
STYLE P5). Validation happens once, when a catalogue entry or recipe is built;
everything downstream trusts its input.
"""

from __future__ import annotations

import functools
import json
import re
from importlib import resources
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import jsonschema

__all__ = ["SCHEMA_VERSION", "load_schema", "schema_errors"]

SCHEMA_VERSION = "1.0.0"
"""The schema version written by and accepted by this release."""


@functools.cache
def load_schema(name: str, version: str = SCHEMA_VERSION) -> dict[str, Any]:
    """Return the parsed JSON Schema ``name`` (e.g. ``"entry"``) of ``version``.

    Parameters
    ----------
    name : str
        Schema name without extension: ``"entry"``, ``"recipe"``.
    version : str, optional
        Schema version directory.

    Returns
    -------
    dict
        The schema document.

    Raises
    ------
    FileNotFoundError
        If no such schema ships with the package.
    """
    path = resources.files("dmsummary") / "schemas" / version / f"{name}.json"
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as err:
        msg = f"no schema {name!r} of version {version!r} ships with dmsummary ({path})"
        raise FileNotFoundError(msg) from err
    schema: dict[str, Any] = json.loads(text)
    return schema


@functools.cache
def _validator(name: str, version: str) -> jsonschema.protocols.Validator:
    import jsonschema

    schema = load_schema(name, version)
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    validator: jsonschema.protocols.Validator = cls(schema)
    return validator


def _path(error: Any) -> str:
    parts = [f"[{p}]" if isinstance(p, int) else f".{p}" for p in error.absolute_path]
    return "".join(parts).lstrip(".") or "(top level)"


_DOCS = {
    "entry": "the entry format is in docs/catalogue-format.md",
    "recipe": "the recipe format is in docs/recipes.md",
    "manifest": "the manifest format is in docs/reproducibility.md",
}


def _describe(error: Any, name: str) -> str:
    if error.validator == "required":
        where = _DOCS.get(name, f"see the {name} schema")
        return f"{error.message}; add it ({where})"
    if (
        error.validator == "type"
        and isinstance(error.instance, str)
        and re.fullmatch(r"[+-]?(\d+\.?\d*|\.\d+)[eE]\d+", error.instance)
    ):
        return (
            f"{error.message} (YAML 1.1 reads {error.instance} as text: write it with a "
            f"signed exponent, e.g. {error.instance.lower().replace('e', 'e+')})"
        )
    if error.validator == "additionalProperties":
        return f"{error.message} (check the spelling against the schema)"
    if error.validator in {"oneOf", "anyOf"} and error.context:
        reasons = sorted({c.message for c in error.context})
        return f"{error.message}; none matched: " + "; ".join(reasons[:4])
    return str(error.message)


def schema_errors(
    instance: Any, name: str, version: str = SCHEMA_VERSION
) -> list[tuple[str, str]]:
    """Validate ``instance`` and return every error as ``(field path, message)``.

    Parameters
    ----------
    instance : Any
        The parsed document (e.g. the mapping read from an entry YAML).
    name : str
        Schema name (``"entry"``, ``"recipe"``).
    version : str, optional
        Schema version.

    Returns
    -------
    list of (str, str)
        Empty when the document is valid; otherwise one pair per problem, sorted
        by field path, the path written like ``data.format.x.unit``.
    """
    validator = _validator(name, version)
    errors = sorted(validator.iter_errors(instance), key=lambda e: list(map(str, e.path)))
    return [(_path(e), _describe(e, name)) for e in errors]


def __dir__() -> list[str]:
    return __all__
