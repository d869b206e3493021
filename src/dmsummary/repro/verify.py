"""Verify a build: rebuild from the recorded recipes and data, compare every output.

:func:`verify` reads ``<directory>/manifest.json`` (refusing a hand-edited one), rebuilds
every recorded recipe into a temporary directory with the recorded formats, and compares
byte for byte: the file in the build directory, the sha256 the manifest recorded and the
fresh rebuild must all agree. When they do not, it says why — a data file whose pinned
sha256 changed (or whose bytes no longer match it), a recipe whose digest changed, a
package version that differs from the recorded environment, or a file changed after the
build.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dmsummary.exceptions import DMSummaryError

__all__ = ["DIFFERS", "IDENTICAL", "OutputCheck", "VerifyReport", "verify"]

IDENTICAL = "identical"
"""Status of an output whose file, recorded hash and rebuild agree."""
DIFFERS = "differs"
"""Status of any other output."""


@dataclass(frozen=True, slots=True)
class OutputCheck:
    """The verdict on one recorded output.

    Attributes
    ----------
    recipe_id : str
        The recipe that produced it.
    path : str
        Path relative to the build directory (``espp2026/alp-absorption.pdf``).
    status : str
        ``"identical"`` or ``"differs"``.
    reasons : tuple of str
        Why it differs (empty when identical).
    """

    recipe_id: str
    path: str
    status: str
    reasons: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class VerifyReport:
    """The outcome of :func:`verify`.

    Attributes
    ----------
    directory : pathlib.Path
        The build directory verified.
    checks : tuple of OutputCheck
        One per output (recorded or newly produced), sorted by path.
    environment : tuple of str
        Differences between the recorded and the current package versions
        (``"matplotlib: 3.10.0 (recorded) -> 3.10.1 (now)"``); informative when every
        output is identical, a likely cause otherwise.
    """

    directory: Path
    checks: tuple[OutputCheck, ...]
    environment: tuple[str, ...] = field(default=())

    @property
    def ok(self) -> bool:
        """True when every output is identical."""
        return all(check.status == IDENTICAL for check in self.checks)

    def to_text(self) -> str:
        """Return the report as plain text: one line per output, reasons indented."""
        lines = []
        for check in self.checks:
            lines.append(f"{check.status:9s}  {check.path}")
            lines.extend(f"           - {reason}" for reason in check.reasons)
        if self.environment:
            lines.append("environment differs from the recorded one:")
            lines.extend(f"  - {change}" for change in self.environment)
        n_bad = sum(check.status != IDENTICAL for check in self.checks)
        verdict = "verified" if self.ok else f"{n_bad} output(s) differ"
        lines.append(f"{len(self.checks)} output(s) checked in {self.directory}: {verdict}")
        return "\n".join(lines) + "\n"

    def to_dict(self) -> dict[str, Any]:
        """Return the report as plain JSON-ready data."""
        return {
            "directory": str(self.directory),
            "ok": self.ok,
            "environment": list(self.environment),
            "outputs": [
                {
                    "recipe": c.recipe_id,
                    "path": c.path,
                    "status": c.status,
                    "reasons": list(c.reasons),
                }
                for c in self.checks
            ],
        }


def _sha256(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except FileNotFoundError:
        return None


def _environment_changes(recorded: Mapping[str, str]) -> tuple[str, ...]:
    from dmsummary.build import environment

    now = environment()
    return tuple(
        f"{name}: {recorded.get(name, 'not recorded')} (recorded) -> "
        f"{now.get(name, 'not installed')} (now)"
        for name in sorted(set(recorded) | set(now))
        if recorded.get(name) != now.get(name)
    )


def _input_changes(
    recorded: Sequence[Mapping[str, Any]], current: Sequence[Mapping[str, Any]]
) -> list[str]:
    before = {item["id"]: item for item in recorded}
    after = {item["id"]: item for item in current}
    reasons = []
    for ident in sorted(set(before) | set(after)):
        if ident not in after:
            reasons.append(f"input {ident}: no longer used by the recipe")
        elif ident not in before:
            reasons.append(f"input {ident}: new input, not used at build time")
        elif before[ident]["sha256"] != after[ident]["sha256"]:
            what = before[ident].get("file", "quoted point")
            reasons.append(
                f"input {ident}: data sha256 changed ({what}: {before[ident]['sha256'][:12]}… "
                f"recorded, {after[ident]['sha256'][:12]}… now)"
            )
    return reasons


def _recipe_name(recipe_id: str, source: str) -> str:
    return recipe_id if source == "builtin" else source


def _diagnose(recipe_id: str, record: Mapping[str, Any]) -> tuple[str | None, list[str]]:
    """Return (name to rebuild or None, recipe-level reasons) for one recorded recipe."""
    from dmsummary.build import figure_inputs
    from dmsummary.recipes import load_recipe, resolve_recipe

    name = _recipe_name(recipe_id, record["recipe"]["source"])
    try:
        recipe = load_recipe(name)
    except DMSummaryError as err:
        return None, [f"recipe cannot be loaded any more: {err}"]
    reasons = []
    if recipe.id != recipe_id:
        reasons.append(f"recipe {name} now has id {recipe.id!r}")
    if recipe.digest != record["recipe"]["digest"]:
        reasons.append(
            f"recipe digest changed ({record['recipe']['digest'][:19]}… recorded, "
            f"{recipe.digest[:19]}… now; source {record['recipe']['source']})"
        )
    try:
        figure = resolve_recipe(recipe)
    except DMSummaryError as err:
        return None, [*reasons, f"cannot rebuild: {err}"]
    reasons += _input_changes(record["inputs"], figure_inputs(figure))
    return (name if recipe.id == recipe_id else None), reasons


def verify(
    directory: str | os.PathLike[str] = "build", *, jobs: int | None = None
) -> VerifyReport:
    """Rebuild what ``<directory>/manifest.json`` records and compare every output.

    Parameters
    ----------
    directory : path
        A build directory written by :func:`dmsummary.build.build` (or by the
        Snakemake workflow).
    jobs : int, optional
        Worker processes for the rebuild (default: all cores).

    Returns
    -------
    VerifyReport
        Per output ``identical`` or ``differs`` with the reasons; ``report.ok`` is true
        when everything is identical.

    Raises
    ------
    ManifestError
        If the manifest is missing, malformed or was edited after the build.
    """
    from dmsummary.build import build
    from dmsummary.repro.manifest import read_manifest

    out = Path(directory)
    manifest = read_manifest(out)
    env_changes = _environment_changes(manifest["environment"])
    recipe_reasons: dict[str, list[str]] = {}
    names: dict[str, str] = {}
    for recipe_id, record in sorted(manifest["recipes"].items()):
        name, reasons = _diagnose(recipe_id, record)
        recipe_reasons[recipe_id] = reasons
        if name is not None:
            names[recipe_id] = name
    rebuilt: dict[str, str | None] = {}
    produced: dict[str, list[str]] = {}
    with tempfile.TemporaryDirectory(prefix="dmsummary-verify-") as tmp:
        if names:
            result = build(
                list(names.values()),
                Path(tmp) / "build",
                formats=manifest["formats"],
                jobs=jobs,
                manifest=Path(tmp) / "manifest.json",
            )
            produced = result.outputs
            for files in produced.values():
                for rel in files:
                    rebuilt[rel] = _sha256(result.directory / rel)
    checks = []
    for recipe_id, record in sorted(manifest["recipes"].items()):
        expected: dict[str, str] = record["outputs"]
        for rel in sorted(set(expected) | set(produced.get(recipe_id, []))):
            reasons = []
            on_disk = _sha256(out / rel)
            if rel not in expected:
                reasons.append("the rebuild produces this file but the manifest does not list it")
            elif on_disk is None:
                reasons.append(f"missing from {out}")
            elif on_disk != expected[rel]:
                reasons.append(f"the file in {out} was changed after the build (sha256 differs)")
            if recipe_id not in names:
                reasons += ["not rebuilt", *recipe_reasons[recipe_id]]
            elif rel in expected and rebuilt.get(rel) != expected[rel]:
                why = recipe_reasons[recipe_id] or [
                    "no recorded input changed"
                    + ("; see the environment differences" if env_changes else "")
                ]
                reasons += [f"the rebuild differs: {why[0]}", *why[1:]]
            checks.append(
                OutputCheck(recipe_id, rel, DIFFERS if reasons else IDENTICAL, tuple(reasons))
            )
    return VerifyReport(
        directory=out,
        checks=tuple(sorted(checks, key=lambda c: c.path)),
        environment=env_changes,
    )


def __dir__() -> list[str]:
    return __all__
