"""The catalogue: a validated collection of entries and the curves they describe."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from dmsummary.catalogue.entry import Curve, Entry
from dmsummary.catalogue.fetch import resolve
from dmsummary.exceptions import EntryNotFound, InvalidEntry, ParseError

if TYPE_CHECKING:
    import numpy as np

__all__ = [
    "Catalogue",
    "Problem",
    "builtin_catalogue_dir",
    "default_catalogue_dirs",
    "entry_files",
    "load_catalogue",
    "local_data_file",
]


def builtin_catalogue_dir() -> Path:
    """Return the directory of the built-in catalogue entries (package data)."""
    return Path(str(resources.files("dmsummary.data") / "catalogue"))


def default_catalogue_dirs() -> list[Path]:
    """Return the built-in catalogue plus the user catalogues in ``DMSUMMARY_CATALOGUE_PATH``.

    ``DMSUMMARY_CATALOGUE_PATH`` holds extra catalogue directories separated by
    ``os.pathsep``; the command line's ``--catalogue DIR`` options are added to it,
    so every command (and ``build``'s worker processes) sees the same catalogue.
    ``DMSUMMARY_NO_BUILTIN=1`` (set by ``--no-builtin``) leaves the built-in
    catalogue out.

    Returns
    -------
    list of pathlib.Path
        The directories, built-in first.

    Raises
    ------
    InvalidEntry
        If the variable names something that is not a directory.
    """
    import os

    no_builtin = os.environ.get("DMSUMMARY_NO_BUILTIN", "").strip().lower() in {"1", "true", "yes"}
    dirs = [] if no_builtin else [builtin_catalogue_dir()]
    for item in os.environ.get("DMSUMMARY_CATALOGUE_PATH", "").split(os.pathsep):
        if not item.strip():
            continue
        path = Path(item).expanduser()
        if not path.is_dir():
            msg = f"DMSUMMARY_CATALOGUE_PATH names {path}, which is not a directory; fix the variable"
            raise InvalidEntry(msg)
        dirs.append(path)
    if not dirs:
        msg = (
            "DMSUMMARY_NO_BUILTIN is set but DMSUMMARY_CATALOGUE_PATH names no catalogue directory"
        )
        raise InvalidEntry(msg)
    return dirs


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem found while loading or validating the catalogue.

    Attributes
    ----------
    where : str
        File (and entry id when known).
    field : str
        Field path, e.g. ``data.sha256``.
    message : str
        What is wrong and how to fix it.
    """

    where: str
    field: str
    message: str

    def __str__(self) -> str:
        if not self.field:
            return self.message
        return f"{self.where}: {self.field}: {self.message}"


DATA_DIR = "data"
"""Folder name for data files kept beside user entries; YAML below it is not an entry."""


def entry_files(directories: Sequence[Path]) -> list[Path]:
    """Return the entry files of catalogue directories (``*.yaml``, sorted, data folders skipped).

    Parameters
    ----------
    directories : sequence of pathlib.Path
        Catalogue directories.

    Returns
    -------
    list of pathlib.Path
        Entry files, directory by directory.

    Raises
    ------
    FileNotFoundError
        If a directory does not exist.
    """
    return _entry_files(directories)


def _entry_files(directories: Sequence[Path]) -> list[Path]:
    files: list[Path] = []
    seen: set[Path] = set()
    for directory in directories:
        if directory.resolve() in seen:  # the same directory named twice is read once
            continue
        seen.add(directory.resolve())
        if not directory.is_dir():
            msg = f"catalogue directory {directory} does not exist"
            raise FileNotFoundError(msg)
        files.extend(
            sorted(
                p
                for p in directory.rglob("*.yaml")
                if p.is_file() and DATA_DIR not in p.relative_to(directory).parts[:-1]
            )
        )
    return files


@dataclass(slots=True)
class Catalogue:
    """A collection of catalogue entries, indexed by id and alias.

    Use :func:`load_catalogue` to build one. Curves are read lazily
    (:meth:`curve`) and cached *per catalogue instance* — there is no
    module-level mutable state.

    Parameters
    ----------
    entries : iterable of Entry
        The entries; ids and aliases must be unique.
    mirror : pathlib.Path, optional
        Data mirror directory (default: ``DMSUMMARY_DATA``).
    cache : pathlib.Path, optional
        Download cache (default: platform cache dir or ``DMSUMMARY_CACHE``).
    offline : bool, optional
        Forbid downloads (default: ``DMSUMMARY_OFFLINE``).
    allow_download : bool
        Download missing files (verified by sha256, short connect timeout) when
        loading curves, unless offline (default True; offline mode always wins).
    """

    entries: dict[str, Entry]
    mirror: Path | None = None
    cache: Path | None = None
    offline: bool | None = None
    allow_download: bool = True
    _aliases: dict[str, str] = field(default_factory=dict, repr=False)
    _curves: dict[str, Curve] = field(default_factory=dict, repr=False)
    _superseded: dict[str, list[str]] | None = field(default=None, repr=False)

    @classmethod
    def from_entries(cls, entries: Iterable[Entry], **options: object) -> Catalogue:
        """Build a catalogue, checking that ids and aliases are unique.

        Parameters
        ----------
        entries : iterable of Entry
            The entries.
        **options
            ``mirror``, ``cache``, ``offline``, ``allow_download``.

        Returns
        -------
        Catalogue
            The catalogue.

        Raises
        ------
        InvalidEntry
            On a duplicate id or an alias that clashes with an id or another alias.
        """
        problems = _index_problems(list(entries))
        if problems:
            msg = "catalogue is inconsistent:\n" + "\n".join(f"  - {p}" for p in problems)
            raise InvalidEntry(msg)
        by_id = {e.id: e for e in entries}
        aliases = {a: e.id for e in by_id.values() for a in e.aliases}
        return cls(entries=by_id, _aliases=aliases, **options)  # type: ignore[arg-type]

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[Entry]:
        return iter(sorted(self.entries.values(), key=lambda e: e.id))

    def __contains__(self, ident: object) -> bool:
        return ident in self.entries or ident in self._aliases

    def get(self, ident: str) -> Entry:
        """Return the entry with id (or alias) ``ident``.

        Parameters
        ----------
        ident : str
            Entry id or alias.

        Returns
        -------
        Entry
            The entry.

        Raises
        ------
        EntryNotFound
            With the closest existing ids as suggestions.
        """
        key = self._aliases.get(ident, ident)
        try:
            return self.entries[key]
        except KeyError:
            close = difflib.get_close_matches(ident, list(self.entries) + list(self._aliases), n=5)
            hint = f"; did you mean {', '.join(close)}?" if close else ""
            msg = f"no catalogue entry with id or alias {ident!r}{hint} (see `dmsummary catalogue list`)"
            raise EntryNotFound(msg) from None

    def superseded_by(self) -> dict[str, list[str]]:
        """Map each superseded id to the ids of the entries that replace it.

        Both directions of the link count: ``supersedes: [old]`` in the newer entry
        and ``superseded_by: [new]`` in the older one (useful when the newer entry
        lives in a user catalogue and the older one is built in). Only ids present
        in this catalogue are listed as successors.

        Returns
        -------
        dict of str to list of str
            Superseded id -> sorted successor ids.
        """
        if self._superseded is None:
            links: dict[str, set[str]] = {}
            for entry in self:
                for old in entry.supersedes:
                    links.setdefault(self._aliases.get(old, old), set()).add(entry.id)
                for new in entry.superseded_by:
                    if new in self:
                        links.setdefault(entry.id, set()).add(self._aliases.get(new, new))
            self._superseded = {old: sorted(new) for old, new in sorted(links.items())}
        return {old: list(new) for old, new in self._superseded.items()}

    def successors(self, ident: str) -> list[str]:
        """Return the ids of the entries that supersede ``ident`` (empty if current).

        Parameters
        ----------
        ident : str
            Entry id or alias.

        Returns
        -------
        list of str
            Successor ids, sorted; empty when the entry is not superseded.
        """
        return self.superseded_by().get(self.get(ident).id, [])

    def findall(
        self,
        *,
        plane: str | None = None,
        experiment: str | None = None,
        status: str | None = None,
        search: str | None = None,
        include_superseded: bool = True,
    ) -> list[Entry]:
        """Return the entries matching every given criterion (sorted by id).

        Parameters
        ----------
        plane : str, optional
            Exact plane name.
        experiment : str, optional
            Case-insensitive substring of the experiment.
        status : str, optional
            Exact status.
        search : str, optional
            Case-insensitive substring of id, label, title, experiment, notes or
            reference fields.
        include_superseded : bool
            Keep entries that a newer entry supersedes (default True; ``catalogue
            list`` hides them unless ``--all``).

        Returns
        -------
        list of Entry
            Matching entries.
        """
        out = []
        needle = search.lower() if search else None
        hidden = set() if include_superseded else set(self.superseded_by())
        for entry in self:
            if entry.id in hidden:
                continue
            if plane is not None and entry.plane.name != plane:
                continue
            if experiment is not None and experiment.lower() not in entry.experiment.lower():
                continue
            if status is not None and entry.status != status:
                continue
            if needle is not None:
                hay = " ".join(
                    [
                        entry.id,
                        entry.label,
                        str(entry.spec.get("title", "")),
                        entry.experiment,
                        str(entry.spec.get("notes", "")),
                        *map(str, entry.reference.values()),
                    ]
                ).lower()
                if needle not in hay:
                    continue
            out.append(entry)
        return out

    def curve(self, ident: str) -> Curve:
        """Return the numbers of entry ``ident`` (verified, internal units).

        Parameters
        ----------
        ident : str
            Entry id or alias.

        Returns
        -------
        Curve
            The curve, cached on this catalogue.

        Raises
        ------
        EntryNotFound, DataFileNotFound, IntegrityError, ParseError, UnitError
            As appropriate; messages name the entry file and field.
        """
        from dmsummary.catalogue.formats import read_segments

        entry = self.get(ident)
        cached = self._curves.get(entry.id)
        if cached is not None:
            return cached
        data = entry.spec["data"]
        if entry.kind == "point":
            curve = _point_curve(entry)
            self._curves[entry.id] = curve
            return curve
        raw, _ = resolve(
            data["file"],
            data["sha256"],
            data["url"],
            where=entry.where,
            local=local_data_file(entry),
            mirror=self.mirror,
            cache=self.cache,
            offline=self.offline,
            allow_download=self.allow_download,
        )
        segments = read_segments(
            raw,
            data["format"],
            x_dimension=entry.plane.x.dimension,
            y_dimension=entry.plane.y.dimension,
            sort_allowed=entry.kind == "curve",
            where=entry.where,
        )
        check_numbers(entry, segments)
        curve = Curve(entry=entry, segments=tuple(segments), sha256=data["sha256"])
        self._curves[entry.id] = curve
        return curve


def local_data_file(entry: Entry) -> Path | None:
    """Return where a user entry may keep its own copy of its data file.

    A file that is not in the data mirror (e.g. a new digitisation added with
    ``dmsummary catalogue add``) is kept beside its entry, as
    ``<entry directory>/data/<data.file>``; it is tried before the mirror and,
    like every source, verified against the pinned sha256.

    Parameters
    ----------
    entry : Entry
        A file-backed entry (``kind`` curve or contour).

    Returns
    -------
    pathlib.Path or None
        The candidate path (which may not exist), or None for an in-memory entry.
    """
    if entry.path is None or "file" not in entry.spec["data"]:
        return None
    return entry.path.parent / DATA_DIR / Path(*PurePosixPath(entry.spec["data"]["file"]).parts)


def _point_curve(entry: Entry) -> Curve:
    """Build the one-point curve of a ``kind: point`` entry (a number quoted in a paper)."""
    import hashlib
    import json

    import numpy as np

    from dmsummary.units import require_dimension

    point = entry.spec["data"]["point"]
    fx = require_dimension(
        point["x_unit"], entry.plane.x.dimension, where=f"{entry.where}: data.point.x_unit"
    )
    fy = require_dimension(
        point["y_unit"], entry.plane.y.dimension, where=f"{entry.where}: data.point.y_unit"
    )
    segments = [(np.array([point["x"] * fx]), np.array([point["y"] * fy]))]
    check_numbers(entry, segments)
    canonical = json.dumps(dict(point), sort_keys=True, separators=(",", ":")).encode()
    return Curve(
        entry=entry, segments=tuple(segments), sha256=hashlib.sha256(canonical).hexdigest()
    )


def check_numbers(entry: Entry, segments: Sequence[tuple[np.ndarray, np.ndarray]]) -> None:
    """Check that a curve's numbers are usable: non-empty, finite, positive, sorted.

    Parameters
    ----------
    entry : Entry
        The entry (for messages and kind).
    segments : sequence of (ndarray, ndarray)
        The parsed segments in internal units.

    Raises
    ------
    ParseError
        Naming the entry, the field to fix and the first offending point.
    """
    import numpy as np

    where = entry.where
    minimum = 1 if entry.kind == "point" else 2
    if not segments or sum(x.size for x, _ in segments) < minimum:
        msg = (
            f"{where}: data: the curve has fewer than {minimum} points after filtering; check "
            "data.format (columns, block, x_range, drop_y)"
        )
        raise ParseError(msg)
    for k, (x, y) in enumerate(segments):
        for axis, values in (("x", x), ("y", y)):
            bad = ~np.isfinite(values) | (values <= 0)
            if bad.any():
                i = int(np.argmax(bad))
                plane_axis = getattr(entry.plane, axis)
                shown = f"{values[i] / plane_axis.factor:g} {plane_axis.unit}"
                msg = (
                    f"{where}: data.format.{axis}: segment {k}, point {i} has {axis} = {shown} "
                    "(values must be finite and positive for log axes); fix the file selection or "
                    "use drop_nonfinite / drop_y / x_range"
                )
                raise ParseError(msg)
        if entry.kind == "curve" and x.size > 1 and (np.diff(x) < 0).any():
            i = int(np.argmax(np.diff(x) < 0))
            msg = (
                f"{where}: data.format: segment {k} is not sorted in x (point {i + 1} < point {i}); "
                "set `sort_x: true` (with a note why) or `kind: contour` if the curve curls back"
            )
            raise ParseError(msg)


def _index_problems(entries: Sequence[Entry]) -> list[Problem]:
    problems: list[Problem] = []
    seen: dict[str, Entry] = {}
    for entry in entries:
        if entry.id in seen:
            problems.append(
                Problem(
                    entry.where,
                    "id",
                    f"duplicate id, also in {seen[entry.id].where}; choose a unique id",
                )
            )
        else:
            seen[entry.id] = entry
    alias_owner: dict[str, Entry] = {}
    for entry in entries:
        for alias in entry.aliases:
            if alias in seen:
                problems.append(
                    Problem(
                        entry.where,
                        "aliases",
                        f"alias {alias!r} clashes with the id of {seen[alias].where}; remove or rename it",
                    )
                )
            elif alias in alias_owner and alias_owner[alias] is not entry:
                problems.append(
                    Problem(
                        entry.where,
                        "aliases",
                        f"alias {alias!r} is also an alias of {alias_owner[alias].where}",
                    )
                )
            else:
                alias_owner[alias] = entry
    return problems


def load_entries(directories: Sequence[Path]) -> tuple[list[Entry], list[Problem]]:
    """Read every ``*.yaml`` entry below ``directories``, collecting problems.

    Parameters
    ----------
    directories : sequence of pathlib.Path
        Catalogue directories.

    Returns
    -------
    entries : list of Entry
        The entries that validated.
    problems : list of Problem
        One per file that did not (and per duplicate id / alias clash).
    """
    from dmsummary.catalogue import index

    files = _entry_files(directories)
    contents = [path.read_bytes() for path in files]
    digest = index.digest(files, contents)
    entries: list[Entry] = []
    problems: list[Problem] = []
    docs = index.load(digest)
    if docs is not None and len(docs) == len(files):
        for path, doc in zip(files, docs, strict=True):
            try:
                entries.append(Entry.from_mapping(doc, where=str(path), path=path, _trusted=True))
            except InvalidEntry as err:  # e.g. a plane removed from the registry
                problems.append(Problem(str(path), "", str(err)))
    else:
        parsed = []
        for path, raw in zip(files, contents, strict=True):
            try:
                doc = Entry.parse_bytes(raw, path)
                entries.append(Entry.from_mapping(doc, where=str(path), path=path))
                parsed.append(doc)
            except InvalidEntry as err:
                problems.append(Problem(str(path), "", str(err)))
        if not problems:
            index.store(digest, parsed)
    problems.extend(_index_problems(entries))
    return entries, problems


def load_catalogue(
    directories: Sequence[Path | str] | None = None,
    *,
    mirror: Path | str | None = None,
    offline: bool | None = None,
    allow_download: bool = True,
) -> Catalogue:
    """Load and validate a catalogue (the built-in one by default).

    Parameters
    ----------
    directories : sequence of path, optional
        Catalogue directories; default: the built-in catalogue plus the user
        catalogues in ``DMSUMMARY_CATALOGUE_PATH`` (:func:`default_catalogue_dirs`).
    mirror : path, optional
        Data mirror (default ``DMSUMMARY_DATA``).
    offline : bool, optional
        Forbid downloads (default ``DMSUMMARY_OFFLINE``).
    allow_download : bool
        Download missing data files when curves are loaded (unless offline).

    Returns
    -------
    Catalogue
        The validated catalogue.

    Raises
    ------
    InvalidEntry
        Listing every malformed entry file.
    """
    dirs = [Path(d) for d in directories] if directories else default_catalogue_dirs()
    entries, problems = load_entries(dirs)
    if problems:
        msg = f"{len(problems)} catalogue problem(s):\n" + "\n".join(f"  - {p}" for p in problems)
        raise InvalidEntry(msg)
    return Catalogue.from_entries(
        entries,
        mirror=Path(mirror) if mirror is not None else None,
        offline=offline,
        allow_download=allow_download,
    )


def __dir__() -> list[str]:
    return __all__
