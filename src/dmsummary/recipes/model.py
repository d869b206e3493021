"""The figure model: a recipe resolved into drawable, fully-provenanced layers.

A :class:`Figure` is what the renderer draws and what the provenance report
describes. It is plain data (no matplotlib): numbers are already in the axis
display units of the figure, every layer carries its :class:`LayerProvenance`
(catalogue entry, or translation + parameters + parents), and everything the
published figure shows but the data mirror lacks is listed in
``Figure.unavailable`` rather than invented.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    from dmsummary.catalogue import Entry

    FloatArray = npt.NDArray[np.float64]

__all__ = [
    "ROLES",
    "Annotation",
    "AxisSpec",
    "Band",
    "Figure",
    "Layer",
    "LayerProvenance",
    "Unavailable",
]

ROLES: tuple[str, ...] = (
    "collider",
    "direct-detection",
    "indirect",
    "projection",
    "neutrino-fog",
    "relic-target",
    "target",
    "astrophysics",
    "theory",
)
"""Layer roles a recipe may use; the renderer styles by role and status."""


@dataclass(frozen=True, slots=True)
class AxisSpec:
    """One axis of a figure (display units).

    Attributes
    ----------
    label : str
        Full axis label including the unit, mathtext allowed.
    unit : str
        Display unit (numbers in :class:`Layer` are in this unit).
    range : tuple of float
        (min, max) shown.
    scale : str
        ``"log"`` or ``"linear"``.
    """

    label: str
    unit: str
    range: tuple[float, float]
    scale: str = "log"


@dataclass(frozen=True, slots=True)
class LayerProvenance:
    """Where a layer's numbers come from.

    Attributes
    ----------
    entry : Entry or None
        The catalogue entry (for catalogue layers and for value inputs).
    translation : str or None
        Dotted name of the physics translation for a derived layer
        (e.g. ``"higgs_portal.sigma_si_from_br_inv"``), else None.
    parameters : Mapping
        Translation parameters as written in the recipe (plain values, units as strings).
    convention : str or None
        The named convention (e.g. ``"self-conjugate"``), if any.
    parents : tuple of LayerProvenance
        Provenance of the inputs of a derived layer (catalogue curves or values).
    description : str
        One-line human-readable description of the derivation (or empty).
    """

    entry: Entry | None = None
    translation: str | None = None
    parameters: Mapping[str, Any] = field(default_factory=dict)
    convention: str | None = None
    parents: tuple[LayerProvenance, ...] = ()
    description: str = ""

    @property
    def entries(self) -> tuple[Entry, ...]:
        """All catalogue entries this layer depends on (itself and its ancestors), in order."""
        out: list[Entry] = [] if self.entry is None else [self.entry]
        for parent in self.parents:
            out.extend(e for e in parent.entries if e not in out)
        return tuple(out)


@dataclass(frozen=True, slots=True)
class Band:
    """A shaded band around (or instead of) a curve, e.g. the f_N uncertainty.

    Attributes
    ----------
    x, low, high : ndarray
        Band edges in display units (same length).
    description : str
        What the band represents (shown in the provenance report).
    """

    x: FloatArray
    low: FloatArray
    high: FloatArray
    description: str


@dataclass(frozen=True, slots=True)
class Layer:
    """One drawable curve of a figure.

    Attributes
    ----------
    id : str
        Catalogue id or the derived layer's id (unique within the figure).
    label : str
        Text shown on the figure (inline or in the legend).
    role : str
        One of :data:`ROLES`.
    status : str
        observed | expected | projection | target | theory (drives the line style).
    cl : float or None
        Confidence level as a fraction.
    kind : str
        ``"curve"`` or ``"contour"``.
    segments : tuple of (ndarray, ndarray)
        Disconnected pieces in the figure's display units; never joined.
    provenance : LayerProvenance
        Catalogue entry or derivation chain.
    band : Band or None
        Optional shaded band.
    fill : str
        ``"above"`` (excluded region above the curve, lightly filled), ``"below"``, or
        ``"none"``.
    label_at : tuple of float or None
        Inline label position hint (x, y) in display units, or None for automatic.
    style : Mapping
        Explicit style overrides from the recipe (``color``, ``linestyle``, ``linewidth``,
        ``zorder``).
    """

    id: str
    label: str
    role: str
    status: str
    cl: float | None
    kind: str
    segments: tuple[tuple[FloatArray, FloatArray], ...]
    provenance: LayerProvenance
    band: Band | None = None
    fill: str = "none"
    label_at: tuple[float, float] | None = None
    style: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Annotation:
    """Free text on the figure (model, couplings, conventions, CL statement).

    Attributes
    ----------
    text : str
        The text (mathtext allowed).
    position : tuple of float
        (x, y) in axes fraction (0..1).
    align : str
        ``"left"`` or ``"right"``.
    """

    text: str
    position: tuple[float, float]
    align: str = "left"


@dataclass(frozen=True, slots=True)
class Unavailable:
    """A curve the published figure shows but the data mirror lacks.

    Attributes
    ----------
    label : str
        What is missing (e.g. ``"PandaX-xT projection"``).
    reason : str
        Why it is not drawn.
    reference : str
        Where it was published, if known.
    """

    label: str
    reason: str
    reference: str = ""


@dataclass(frozen=True, slots=True)
class Figure:
    """A resolved figure: everything needed to draw it and to report its provenance.

    Attributes
    ----------
    recipe_id : str
        E.g. ``"espp2026/higgs-portal-majorana"``.
    title : str
        Title (for reports and the web page; not drawn unless ``show_title``).
    plane : str
        Plane name.
    x, y : AxisSpec
        The axes.
    layers : tuple of Layer
        Drawing order: first drawn first.
    annotations : tuple of Annotation
        Text placed on the figure.
    legend : str
        ``"inline"`` (labels next to curves) or ``"legend"`` (a legend box) or
        ``"legend-outside"``.
    size : str
        ``"single"`` (single-column) or ``"double"`` (double-column) width.
    unavailable : tuple of Unavailable
        Curves of the published figure not available in the mirror.
    recipe_digest : str
        ``sha256:<hex>`` of the canonical recipe document.
    output : str
        Base name of the output files.
    show_title : bool
        Draw the title above the axes.
    """

    recipe_id: str
    title: str
    plane: str
    x: AxisSpec
    y: AxisSpec
    layers: tuple[Layer, ...]
    annotations: tuple[Annotation, ...] = ()
    legend: str = "inline"
    size: str = "single"
    unavailable: tuple[Unavailable, ...] = ()
    recipe_digest: str = ""
    output: str = ""
    show_title: bool = False

    @property
    def entries(self) -> tuple[Entry, ...]:
        """Every catalogue entry the figure depends on, in drawing order, once each."""
        out: list[Entry] = []
        for layer in self.layers:
            out.extend(e for e in layer.provenance.entries if e not in out)
        return tuple(out)

    @property
    def cls(self) -> tuple[float, ...]:
        """The distinct confidence levels of the layers drawn (sorted)."""
        return tuple(sorted({layer.cl for layer in self.layers if layer.cl is not None}))


def __dir__() -> list[str]:
    return __all__
