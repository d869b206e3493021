"""Catalogue entries and curves.

An :class:`Entry` is the validated metadata of one curve (read from one YAML
file); a :class:`Curve` is an entry together with its numbers, converted once
to internal (hepunits) units, kept as disconnected segments.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from dmsummary.catalogue.planes import Plane, get_plane
from dmsummary.exceptions import InvalidEntry
from dmsummary.schema import schema_errors

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    FloatArray = npt.NDArray[np.float64]

__all__ = ["Curve", "Entry", "read_yaml_safely"]

MAX_ENTRY_BYTES = 256 * 1024
"""Largest entry YAML accepted (entries are metadata; bigger files are refused)."""


def read_yaml_safely(text: str, *, where: str) -> Any:
    """Parse YAML with the safe loader, refusing tags, anchors and aliases.

    Catalogue entries and recipes are plain data: explicit tags (``!!python/…``)
    and anchors/aliases (the "billion laughs" expansion) are refused before
    anything is constructed.

    Parameters
    ----------
    text : str
        YAML document.
    where : str
        File name, for messages.

    Returns
    -------
    Any
        The parsed document.

    Raises
    ------
    InvalidEntry
        On a YAML syntax error, a tag, an anchor or an alias.
    """
    import yaml  # lazy: keeps CLI start-up fast

    # libyaml's C parser when available (10x faster); both are *safe* loaders.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    def line(event: yaml.Event) -> int:
        return event.start_mark.line + 1 if event.start_mark is not None else 0

    try:
        for event in yaml.parse(text, Loader=loader):
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                msg = (
                    f"{where}: YAML anchors/aliases are not allowed in dmsummary files "
                    f"(line {line(event)}); write the value out"
                )
                raise InvalidEntry(msg)
            tag = getattr(event, "tag", None)
            implicit = getattr(event, "implicit", True)
            explicit = tag is not None and (implicit is False or implicit == (False, False))
            if explicit:
                msg = (
                    f"{where}: YAML tag {tag!r} is not allowed (line {line(event)}); "
                    "use plain values"
                )
                raise InvalidEntry(msg)
        # Equivalent to yaml.safe_load, but with libyaml's C safe loader when present.
        safe = loader(text)
        try:
            return safe.get_single_data()
        finally:
            safe.dispose()
    except yaml.YAMLError as err:
        msg = f"{where}: not valid YAML: {err}"
        raise InvalidEntry(msg) from err


def _freeze(value: Any) -> Any:
    if isinstance(value, Mapping):
        return MappingProxyType({k: _freeze(v) for k, v in value.items()})
    if isinstance(value, list | tuple):
        return tuple(_freeze(v) for v in value)
    return value


@dataclass(frozen=True, slots=True)
class Entry:
    """Validated metadata of one catalogue curve.

    Construct with :meth:`from_mapping` or :meth:`from_file`; both validate the
    document against the entry schema and the plane registry.

    Attributes
    ----------
    id : str
        Stable identifier.
    plane : Plane
        The named plane (axes, units, bounds).
    spec : Mapping
        The whole validated document (read-only), as written in the YAML file.
    path : pathlib.Path or None
        The YAML file it came from.
    """

    id: str
    plane: Plane
    spec: Mapping[str, Any] = field(repr=False)
    path: Path | None = field(default=None, repr=False, compare=False)

    @classmethod
    def from_mapping(
        cls, doc: Any, *, where: str, path: Path | None = None, _trusted: bool = False
    ) -> Entry:
        """Validate ``doc`` (a parsed entry) and build an :class:`Entry`.

        Parameters
        ----------
        doc : Any
            Parsed YAML document.
        where : str
            File name, for messages.
        path : pathlib.Path, optional
            File the document came from.
        _trusted : bool
            Internal: skip the JSON-Schema check for a document that was
            validated before, byte for byte (the catalogue index cache).

        Returns
        -------
        Entry
            The validated entry.

        Raises
        ------
        InvalidEntry
            Listing every schema problem with its field path, or an unknown plane.
        """
        if not isinstance(doc, dict):
            msg = f"{where}: an entry must be a YAML mapping, found {type(doc).__name__}"
            raise InvalidEntry(msg)
        problems = [] if _trusted else schema_errors(doc, "entry")
        if problems:
            lines = "\n".join(f"  - {field}: {message}" for field, message in problems)
            ident = doc.get("id", "?")
            msg = f"{where} (entry {ident!r}) does not match the entry schema:\n{lines}"
            raise InvalidEntry(msg)
        plane = get_plane(doc["plane"], where=f"{where}: plane")
        if path is not None and path.stem != doc["id"]:
            msg = f"{where}: id {doc['id']!r} must equal the file name; rename the file to {doc['id']}.yaml"
            raise InvalidEntry(msg)
        return cls(id=doc["id"], plane=plane, spec=_freeze(doc), path=path)

    @classmethod
    def from_file(cls, path: Path) -> Entry:
        """Read and validate one entry YAML file.

        Parameters
        ----------
        path : pathlib.Path
            The entry file.

        Returns
        -------
        Entry
            The validated entry.

        Raises
        ------
        InvalidEntry
            If the file is too large, not UTF-8, not safe YAML or not a valid entry.
        """
        return cls.from_bytes(path.read_bytes(), path)

    @classmethod
    def parse_bytes(cls, raw: bytes, path: Path) -> Any:
        """Decode and safely parse the bytes of an entry file (no validation).

        Parameters
        ----------
        raw : bytes
            File content.
        path : pathlib.Path
            The file, for messages.

        Returns
        -------
        Any
            The parsed YAML document.

        Raises
        ------
        InvalidEntry
            If the file is too large, not UTF-8 or not safe YAML.
        """
        where = str(path)
        if len(raw) > MAX_ENTRY_BYTES:
            msg = f"{where}: {len(raw)} bytes is too large for an entry (max {MAX_ENTRY_BYTES})"
            raise InvalidEntry(msg)
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as err:
            msg = f"{where}: entries must be UTF-8 text ({err.reason} at byte {err.start})"
            raise InvalidEntry(msg) from err
        return read_yaml_safely(text, where=where)

    @classmethod
    def from_bytes(cls, raw: bytes, path: Path) -> Entry:
        """Parse and validate the bytes of an entry file.

        Parameters
        ----------
        raw : bytes
            File content.
        path : pathlib.Path
            The file (its stem must equal the id).

        Returns
        -------
        Entry
            The validated entry.

        Raises
        ------
        InvalidEntry
            As :meth:`parse_bytes` and :meth:`from_mapping`.
        """
        doc = cls.parse_bytes(raw, path)
        return cls.from_mapping(doc, where=str(path), path=path)

    # Convenience accessors (read-only views of the spec) -------------------
    @property
    def label(self) -> str:
        """Legend label."""
        return str(self.spec["label"])

    @property
    def experiment(self) -> str:
        """Experiment or collaboration."""
        return str(self.spec["experiment"])

    @property
    def status(self) -> str:
        """Observed | expected | projection | target | theory."""
        return str(self.spec["status"])

    @property
    def kind(self) -> str:
        """``curve`` (y of x), ``contour`` (ordered path) or ``point`` (one quoted number)."""
        return str(self.spec["kind"])

    @property
    def cl(self) -> float | None:
        """Confidence level as a fraction, or None when not applicable."""
        value = self.spec["cl"]
        return None if value is None else float(value)

    @property
    def year(self) -> int:
        """Year of the result."""
        return int(self.spec["year"])

    @property
    def reference(self) -> Mapping[str, Any]:
        """Reference mapping (arxiv, doi, journal, figure, ...)."""
        ref: Mapping[str, Any] = self.spec["reference"]
        return ref

    @property
    def aliases(self) -> tuple[str, ...]:
        """Other ids resolving to this entry."""
        return tuple(self.spec.get("aliases", ()))

    @property
    def supersedes(self) -> tuple[str, ...]:
        """Ids of results this one replaces."""
        return tuple(self.spec.get("supersedes", ()))

    @property
    def superseded_by(self) -> tuple[str, ...]:
        """Ids this entry itself names as its replacements (``superseded_by`` field)."""
        return tuple(self.spec.get("superseded_by", ()))

    @property
    def where(self) -> str:
        """File and id, for messages."""
        return f"{self.path or '<memory>'} [{self.id}]"

    def to_dict(self) -> dict[str, Any]:
        """Return a plain (mutable, JSON-serialisable) copy of the spec."""

        def thaw(value: Any) -> Any:
            if isinstance(value, Mapping):
                return {k: thaw(v) for k, v in value.items()}
            if isinstance(value, tuple):
                return [thaw(v) for v in value]
            return value

        result: dict[str, Any] = thaw(self.spec)
        return result


@dataclass(frozen=True, slots=True)
class Curve:
    """An entry's numbers in internal units, as disconnected segments.

    Attributes
    ----------
    entry : Entry
        The metadata.
    segments : tuple of (ndarray, ndarray)
        Read-only ``(x, y)`` arrays in internal (hepunits) units; islands are
        kept apart, never joined.
    sha256 : str
        Checksum of the file the numbers were read from.
    """

    entry: Entry
    segments: tuple[tuple[FloatArray, FloatArray], ...]
    sha256: str

    def __post_init__(self) -> None:
        for x, y in self.segments:
            x.setflags(write=False)
            y.setflags(write=False)

    def __iter__(self) -> Iterator[tuple[FloatArray, FloatArray]]:
        return iter(self.segments)

    @property
    def n_points(self) -> int:
        """Total number of points over all segments."""
        return sum(x.size for x, _ in self.segments)

    def xy(
        self, x_unit: str | None = None, y_unit: str | None = None
    ) -> tuple[FloatArray, FloatArray]:
        """Return all segments joined by NaN separators, in display units.

        Parameters
        ----------
        x_unit, y_unit : str, optional
            Output units (default: the plane's display units).

        Returns
        -------
        x, y : ndarray
            Concatenated arrays with a NaN between segments (matplotlib draws
            gaps there), divided by the output units.
        """
        import numpy as np

        from dmsummary.units import parse_unit

        fx = parse_unit(x_unit or self.entry.plane.x.unit)[0]
        fy = parse_unit(y_unit or self.entry.plane.y.unit)[0]
        xs: list[FloatArray] = []
        ys: list[FloatArray] = []
        for i, (x, y) in enumerate(self.segments):
            if i:
                xs.append(np.array([np.nan]))
                ys.append(np.array([np.nan]))
            xs.append(x / fx)
            ys.append(y / fy)
        if not xs:
            return np.array([]), np.array([])
        return np.concatenate(xs), np.concatenate(ys)

    def ranges(self) -> tuple[tuple[float, float], tuple[float, float]]:
        """Return ((x_min, x_max), (y_min, y_max)) in the plane's display units."""
        import numpy as np

        x, y = self.xy()
        return (float(np.nanmin(x)), float(np.nanmax(x))), (
            float(np.nanmin(y)),
            float(np.nanmax(y)),
        )


def __dir__() -> list[str]:
    return __all__
