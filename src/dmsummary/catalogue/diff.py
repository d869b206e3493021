"""Compare two catalogues for review: what was added, removed, superseded, edited, re-measured.

:func:`diff_catalogues` compares two sets of catalogue directories;
:func:`diff_revisions` compares one catalogue directory at two git revisions
(extracted with ``git archive``, never by checking out). Metadata changes are
listed field by field (dotted paths such as ``data.format.y.column``). For an
entry present on both sides whose data (file, sha256, format) changed, the
numbers of both versions are read and compared: the **maximum relative change**
of y, ``max |y_new / y_old - 1|``, evaluated at the old points and at the new
points inside the x range both versions cover (log–log interpolation, the
natural scale of limit curves). Curves with identical data are not read.
"""

from __future__ import annotations

import json
import math
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from dmsummary.catalogue.catalogue import Catalogue, load_entries
from dmsummary.catalogue.entry import Entry
from dmsummary.exceptions import DMSummaryError, InvalidEntry

__all__ = [
    "CatalogueDiff",
    "FieldChange",
    "NumberChange",
    "diff_catalogues",
    "diff_revisions",
    "git_catalogue",
]


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One metadata field that differs.

    Attributes
    ----------
    field : str
        Dotted path (``reference.figure``, ``data.format.y.column``).
    old, new : Any
        The values (None when absent).
    """

    field: str
    old: Any
    new: Any


@dataclass(frozen=True, slots=True)
class NumberChange:
    """How much the numbers of one curve changed.

    Attributes
    ----------
    max_relative_change : float or None
        ``max |y_new / y_old - 1|`` over the common x range (None when it cannot
        be computed, e.g. contours with different point counts or no overlap).
    at_x : float or None
        x (in ``x_unit``) where the maximum occurs.
    old_points, new_points : int
        Number of points before and after.
    note : str
        Anything else the reviewer should know (x range changes, unreadable data).
    x_unit : str
        The plane's display unit of x.
    """

    max_relative_change: float | None
    at_x: float | None
    old_points: int
    new_points: int
    note: str = ""
    x_unit: str = ""


@dataclass(frozen=True, slots=True)
class CatalogueDiff:
    """Everything that differs between two catalogues.

    Attributes
    ----------
    added, removed : tuple of str
        Entry ids only in the new / only in the old catalogue.
    superseded : dict of str to list of str
        Ids that are superseded in the new catalogue but were not in the old one,
        with their successors.
    metadata : dict of str to tuple of FieldChange
        Per entry present on both sides: the fields that changed.
    numbers : dict of str to NumberChange
        Per entry present on both sides whose data changed.
    """

    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    superseded: Mapping[str, list[str]] = field(default_factory=dict)
    metadata: Mapping[str, tuple[FieldChange, ...]] = field(default_factory=dict)
    numbers: Mapping[str, NumberChange] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        """True when the catalogues are equivalent."""
        return not (self.added or self.removed or self.superseded or self.metadata or self.numbers)

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-serialisable dict (sorted, deterministic)."""
        return {
            "added": sorted(self.added),
            "removed": sorted(self.removed),
            "superseded": {k: sorted(v) for k, v in sorted(self.superseded.items())},
            "metadata": {
                ident: [{"field": c.field, "old": c.old, "new": c.new} for c in changes]
                for ident, changes in sorted(self.metadata.items())
            },
            "numbers": {
                ident: {
                    "max_relative_change": n.max_relative_change,
                    "at_x": n.at_x,
                    "old_points": n.old_points,
                    "new_points": n.new_points,
                    "note": n.note,
                    "x_unit": n.x_unit,
                }
                for ident, n in sorted(self.numbers.items())
            },
        }

    def to_json(self) -> str:
        """Return :meth:`to_dict` as indented JSON with sorted keys."""
        return json.dumps(self.to_dict(), indent=1, sort_keys=True, default=str) + "\n"

    def table(self) -> str:
        """Return a plain-text report for reviewers (one section per kind of change)."""
        if self.empty:
            return "no differences\n"
        lines: list[str] = []

        def section(title: str, rows: list[str]) -> None:
            if rows:
                lines.append(f"{title} ({len(rows)})")
                lines.extend(f"  {r}" for r in rows)

        section("added", sorted(self.added))
        section("removed", sorted(self.removed))
        section(
            "superseded",
            [f"{old} -> {', '.join(new)}" for old, new in sorted(self.superseded.items())],
        )
        rows = []
        for ident, changes in sorted(self.metadata.items()):
            for c in changes:
                rows.append(f"{ident}  {c.field}: {_short(c.old)} -> {_short(c.new)}")
        section("metadata changed", rows)
        rows = []
        for ident, n in sorted(self.numbers.items()):
            rel = "n/a" if n.max_relative_change is None else f"{100 * n.max_relative_change:.3g}%"
            at = "" if n.at_x is None else f" at x = {n.at_x:.4g} {n.x_unit}".rstrip()
            note = f"; {n.note}" if n.note else ""
            rows.append(
                f"{ident}  max relative change {rel}{at} ({n.old_points} -> {n.new_points} points){note}"
            )
        section("numbers changed", rows)
        return "\n".join(lines) + "\n"


def _short(value: Any) -> str:
    text = json.dumps(value, default=str, ensure_ascii=False)
    text = "".join(ch if ch.isprintable() else "?" for ch in text)
    return text if len(text) <= 60 else text[:59] + "…"


def _flatten(value: Any, prefix: str = "") -> dict[str, Any]:
    if isinstance(value, Mapping):
        out: dict[str, Any] = {}
        for key, item in value.items():
            out.update(_flatten(item, f"{prefix}.{key}" if prefix else str(key)))
        return out
    return {prefix: list(value) if isinstance(value, tuple) else value}


def _field_changes(old: Entry, new: Entry) -> tuple[FieldChange, ...]:
    a, b = _flatten(old.to_dict()), _flatten(new.to_dict())
    return tuple(
        FieldChange(key, a.get(key), b.get(key))
        for key in sorted(set(a) | set(b))
        if a.get(key) != b.get(key)
    )


def _load(directories: Sequence[Path], side: str, mirror: Path | None) -> Catalogue:
    entries, problems = load_entries(directories)
    if problems:
        listed = "\n".join(f"  - {p}" for p in problems)
        msg = f"the {side} catalogue has {len(problems)} problem(s):\n{listed}"
        raise InvalidEntry(msg)
    return Catalogue.from_entries(entries, mirror=mirror, offline=True)


def _joined(cat: Catalogue, ident: str) -> tuple[np.ndarray, np.ndarray]:
    curve = cat.curve(ident)
    plane = curve.entry.plane
    x = np.concatenate([s[0] for s in curve.segments]) / plane.x.factor
    y = np.concatenate([s[1] for s in curve.segments]) / plane.y.factor
    return x, y


def _compare_numbers(old: Catalogue, new: Catalogue, ident: str) -> NumberChange:
    from dataclasses import replace

    change = _number_change(old, new, ident)
    return replace(change, x_unit=new.entries[ident].plane.x.unit)


def _number_change(old: Catalogue, new: Catalogue, ident: str) -> NumberChange:
    try:
        x0, y0 = _joined(old, ident)
        x1, y1 = _joined(new, ident)
    except DMSummaryError as err:
        return NumberChange(None, None, 0, 0, note=f"numbers unavailable: {err}")
    notes = []
    if x0.size and x1.size and (x0.min() != x1.min() or x0.max() != x1.max()):
        notes.append(f"x range {x0.min():.4g}–{x0.max():.4g} -> {x1.min():.4g}–{x1.max():.4g}")
    if x0.shape == x1.shape and np.array_equal(x0, x1):
        rel = np.abs(y1 / y0 - 1)
        i = int(np.argmax(rel))
        return NumberChange(float(rel[i]), float(x0[i]), x0.size, x1.size, "; ".join(notes))
    sorted_both = bool(np.all(np.diff(x0) > 0) and np.all(np.diff(x1) > 0))
    if not sorted_both:
        notes.append("points moved (not comparable as y(x): contour or unsorted)")
        return NumberChange(None, None, x0.size, x1.size, "; ".join(notes))
    lo, hi = max(x0.min(), x1.min()), min(x0.max(), x1.max())
    best, at = -1.0, math.nan
    for xs, ys, xo, yo, on_old in ((x0, y0, x1, y1, True), (x1, y1, x0, y0, False)):
        inside = (xs >= lo) & (xs <= hi)
        if not inside.any():
            continue
        other = np.exp(np.interp(np.log(xs[inside]), np.log(xo), np.log(yo)))
        rel = np.abs(other / ys[inside] - 1) if on_old else np.abs(ys[inside] / other - 1)
        i = int(np.argmax(rel))
        if rel[i] > best:
            best, at = float(rel[i]), float(xs[inside][i])
    if best < 0:
        notes.append("no common x range")
        return NumberChange(None, None, x0.size, x1.size, "; ".join(notes))
    return NumberChange(best, at, x0.size, x1.size, "; ".join(notes))


def diff_catalogues(
    old: Sequence[Path | str],
    new: Sequence[Path | str],
    *,
    mirror: Path | None = None,
    numbers: bool = True,
) -> CatalogueDiff:
    """Compare two catalogues (each one or more directories).

    Parameters
    ----------
    old, new : sequence of path
        Catalogue directories before and after.
    mirror : pathlib.Path, optional
        Data mirror for reading numbers (default ``DMSUMMARY_DATA``); never downloads.
    numbers : bool
        Compare the numbers of entries whose data changed (default True).

    Returns
    -------
    CatalogueDiff
        The differences.

    Raises
    ------
    InvalidEntry
        If either side does not load (the message says which side).
    """
    a = _load([Path(d) for d in old], "old", mirror)
    b = _load([Path(d) for d in new], "new", mirror)
    ids_a, ids_b = set(a.entries), set(b.entries)
    before = a.superseded_by()
    superseded = {
        k: v for k, v in b.superseded_by().items() if sorted(before.get(k, [])) != sorted(v)
    }
    metadata: dict[str, tuple[FieldChange, ...]] = {}
    changed: dict[str, NumberChange] = {}
    for ident in sorted(ids_a & ids_b):
        ea, eb = a.entries[ident], b.entries[ident]
        fields = _field_changes(ea, eb)
        if fields:
            metadata[ident] = fields
        data_changed = ea.spec["data"] != eb.spec["data"] or ea.kind != eb.kind
        if numbers and data_changed:
            change = _compare_numbers(a, b, ident)
            if change.max_relative_change != 0.0 or change.note:
                changed[ident] = change
    return CatalogueDiff(
        added=tuple(sorted(ids_b - ids_a)),
        removed=tuple(sorted(ids_a - ids_b)),
        superseded=superseded,
        metadata=metadata,
        numbers=changed,
    )


def _git(repo: Path, *args: str) -> bytes:
    try:
        done = subprocess.run(  # noqa: S603 - fixed git invocation, no shell
            ["git", "-C", str(repo), *args],  # noqa: S607 - git from PATH
            check=True,
            capture_output=True,
            timeout=120,
        )
    except FileNotFoundError as err:
        msg = "git is not installed; compare two directories instead"
        raise InvalidEntry(msg) from err
    except subprocess.CalledProcessError as err:
        detail = err.stderr.decode("utf-8", "replace").strip()
        msg = f"git {' '.join(args[:2])} failed in {repo}: {detail}"
        raise InvalidEntry(msg) from err
    return done.stdout


@contextmanager
def git_catalogue(repo: Path, revision: str, path: str) -> Iterator[Path]:
    """Extract the catalogue directory ``path`` at git ``revision`` into a temporary directory.

    Parameters
    ----------
    repo : pathlib.Path
        A directory inside the git repository.
    revision : str
        Any git revision (branch, tag, commit, ``HEAD~1``).
    path : str
        Catalogue directory, relative to the repository root.

    Yields
    ------
    pathlib.Path
        The extracted directory (removed afterwards).

    Raises
    ------
    InvalidEntry
        Unknown revision, a path absent at that revision, or git missing.
    """
    if revision.startswith("-"):
        msg = f"{revision!r} is not a git revision"
        raise InvalidEntry(msg)
    top = Path(_git(repo, "rev-parse", "--show-toplevel").decode().strip())
    commit = _git(top, "rev-parse", "--verify", "--end-of-options", f"{revision}^{{commit}}")
    archive = _git(top, "archive", "--format=tar", commit.decode().strip(), "--", path)
    with tempfile.TemporaryDirectory(prefix="dmsummary-diff-") as tmp:
        tar_path = Path(tmp) / "catalogue.tar"
        tar_path.write_bytes(archive)
        with tarfile.open(tar_path) as tar:
            tar.extractall(Path(tmp) / "tree", filter="data")
        yield Path(tmp) / "tree" / path


def diff_revisions(
    old: str,
    new: str,
    *,
    repo: Path | str = ".",
    path: str = "src/dmsummary/data/catalogue",
    mirror: Path | None = None,
    numbers: bool = True,
) -> CatalogueDiff:
    """Compare a catalogue directory at two git revisions.

    Parameters
    ----------
    old, new : str
        Git revisions.
    repo : path
        A directory inside the repository (default: the current directory).
    path : str
        The catalogue directory relative to the repository root (default: the
        built-in catalogue).
    mirror : pathlib.Path, optional
        Data mirror for the numbers.
    numbers : bool
        Compare numbers of entries whose data changed.

    Returns
    -------
    CatalogueDiff
        The differences.
    """
    with (
        git_catalogue(Path(repo), old, path) as before,
        git_catalogue(Path(repo), new, path) as after,
    ):
        return diff_catalogues([before], [after], mirror=mirror, numbers=numbers)


def __dir__() -> list[str]:
    return __all__
