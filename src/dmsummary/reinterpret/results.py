"""Results of a reinterpretation: derived curves with their provenance, and atomic output.

Every result is a :class:`DerivedCurve`: numbers in internal units as disconnected segments
on a named plane (never joined across a gap), plus a :class:`Derivation` that records the
source catalogue entries, the method, the source and target benchmarks, the conventions and
every parameter, and the masses where no solution exists (:class:`Unsolved`), reported rather
than clipped.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from dmsummary import __version__

FloatArray = npt.NDArray[np.float64]

__all__ = ["Derivation", "DerivedCurve", "Unsolved", "write_json"]


@dataclass(frozen=True, slots=True)
class Unsolved:
    """A mass at which the reinterpretation has no solution.

    Attributes
    ----------
    m_med : float
        Mediator (Z') mass [energy].
    reason : str
        Why, e.g. ``"no source limit"``, ``"not excluded for g_q <= 12.6"``,
        ``"Gamma/M = 0.14 > 0.1 at the solution"``.
    """

    m_med: float
    reason: str


@dataclass(frozen=True, slots=True)
class Derivation:
    """How a derived curve was obtained.

    Attributes
    ----------
    sources : tuple of str
        Catalogue entry ids the numbers come from.
    method : str
        The chain, e.g. ``"dijet-br rescaling"`` or ``"dijet-br rescaling + dark photon"``.
    source_benchmark, target_benchmark : Mapping
        Plain descriptions (:func:`~dmsummary.reinterpret.benchmark_dict`).
    conventions : Mapping
        Named conventions (width inputs, g_q → ε convention, dilepton final state).
    parameters : Mapping
        Every other setting (width cut, coupling range, Z-pole window, ...), plain values.
    description : str
        One-line formula/summary for reports.
    """

    sources: tuple[str, ...]
    method: str
    source_benchmark: Mapping[str, Any]
    target_benchmark: Mapping[str, Any]
    conventions: Mapping[str, Any] = field(default_factory=dict)
    parameters: Mapping[str, Any] = field(default_factory=dict)
    description: str = ""

    def to_dict(self) -> dict[str, Any]:
        """Return the derivation as plain JSON-ready data."""
        return {
            "sources": list(self.sources),
            "method": self.method,
            "source_benchmark": dict(self.source_benchmark),
            "target_benchmark": dict(self.target_benchmark),
            "conventions": dict(self.conventions),
            "parameters": dict(self.parameters),
            "description": self.description,
        }


@dataclass(frozen=True, slots=True)
class DerivedCurve:
    """A computed curve (a derived catalogue curve) with its full provenance.

    Attributes
    ----------
    id : str
        Identifier, e.g. ``"atlas-2025-tla-j50-gq@minimal-dark-photon"``.
    label : str
        Short label for figures.
    plane : str
        Named plane (``gq-mzprime``, ``epsilon-mzprime``, ``y-mdm``, ``mmed-mdm``, ...).
    status : str
        Status of the source (observed | expected | ...).
    cl : float or None
        Confidence level of the source.
    segments : tuple of (ndarray, ndarray)
        Disconnected pieces, internal units; a gap (a mass without a solution) splits them.
    derivation : Derivation
        Provenance.
    unsolved : tuple of Unsolved
        Masses where no solution exists, with the reason.
    notes : tuple of str
        Caveats that apply to this curve (e.g. a closed DM channel).
    """

    id: str
    label: str
    plane: str
    status: str
    cl: float | None
    segments: tuple[tuple[FloatArray, FloatArray], ...]
    derivation: Derivation
    unsolved: tuple[Unsolved, ...] = ()
    notes: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        for x, y in self.segments:
            x.setflags(write=False)
            y.setflags(write=False)

    @property
    def x(self) -> FloatArray:
        """All x values, segment after segment (internal units)."""
        return np.concatenate([x for x, _ in self.segments]) if self.segments else np.array([])

    @property
    def y(self) -> FloatArray:
        """All y values, segment after segment (internal units)."""
        return np.concatenate([y for _, y in self.segments]) if self.segments else np.array([])

    def to_dict(self) -> dict[str, Any]:
        """Return the curve in the plane's display units as plain JSON-ready data.

        Unsolved masses are given as the mediator mass ``m_med`` [GeV] whatever the plane's
        x axis (on an m_DM plane there is no m_DM without the solution's benchmark point).
        """
        from dmsummary.catalogue import get_plane

        plane = get_plane(self.plane)
        fx, fy = plane.x.factor, plane.y.factor
        return {
            "id": self.id,
            "label": self.label,
            "plane": self.plane,
            "x": {"quantity": plane.x.quantity, "unit": plane.x.unit},
            "y": {"quantity": plane.y.quantity, "unit": plane.y.unit},
            "status": self.status,
            "cl": self.cl,
            "segments": [
                {"x": (x / fx).tolist(), "y": (y / fy).tolist()} for x, y in self.segments
            ],
            "unsolved": [
                {"m_med": u.m_med / get_plane("gq-mzprime").x.factor, "reason": u.reason}
                for u in self.unsolved
            ],
            "notes": list(self.notes),
            "derivation": self.derivation.to_dict(),
        }


def write_json(path: Path, results: Sequence[DerivedCurve] | Mapping[str, Any]) -> Path:
    """Write results as JSON, atomically (temp file in the target directory, then rename).

    The output is deterministic: sorted keys, fixed float formatting (Python ``repr``) and a
    ``writer_info`` block with the dmsummary version.

    Parameters
    ----------
    path : pathlib.Path
        Output file; its directory must exist.
    results : sequence of DerivedCurve, or Mapping
        Curves (written under ``"curves"``) or an already plain document.

    Returns
    -------
    pathlib.Path
        ``path``.
    """
    doc: dict[str, Any] = (
        dict(results)
        if isinstance(results, Mapping)
        else {"curves": [r.to_dict() for r in results]}
    )
    doc["writer_info"] = {"name": "dmsummary", "version": __version__}
    text = json.dumps(doc, sort_keys=True, indent=1, ensure_ascii=False, allow_nan=False) + "\n"
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        Path(tmp).replace(path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            Path(tmp).unlink()
        raise
    return path


def __dir__() -> list[str]:
    return __all__
