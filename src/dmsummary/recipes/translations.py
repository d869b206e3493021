"""Translations a recipe may apply: named, validated wrappers around :mod:`dmsummary.physics`.

A derived layer names a translation, its catalogue inputs, its parameters and the
grid of the figure's x axis on which to evaluate it. Each translation declares
which plane each input must be on, which plane it produces, and which
parameters it accepts (with their allowed values), so a recipe error is caught
with a clear message before any physics runs.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    from dmsummary.catalogue import Curve

    FloatArray = npt.NDArray[np.float64]

__all__ = ["TRANSLATIONS", "Translation"]


@dataclass(frozen=True, slots=True)
class Translation:
    """A physics translation usable in recipes.

    Attributes
    ----------
    name : str
        Dotted name used in recipes (module.function of :mod:`dmsummary.physics`).
    inputs : Mapping[str, str]
        Input name → plane the input entry must be on.
    output_plane : str
        Plane of the produced curve.
    parameters : Mapping[str, tuple]
        Parameter name → allowed values: a tuple of choices (strings), or a
        ``(low, high)`` pair of floats for a number in the open interval.
    required : tuple of str
        Parameters that must be given.
    compute : callable
        ``compute(grid, inputs, parameters) -> y`` with ``grid`` the x values in internal
        units, ``inputs`` the input curves, and ``y`` in internal units (NaN outside the
        domain).
    summary : str
        Formula and reference, for the provenance report.
    """

    name: str
    inputs: Mapping[str, str]
    output_plane: str
    parameters: Mapping[str, tuple[Any, ...]]
    required: tuple[str, ...]
    compute: Callable[[FloatArray, Mapping[str, Curve], Mapping[str, Any]], FloatArray]
    summary: str
    convention_parameter: str | None = field(default=None)


def _point_value(curve: Curve) -> float:
    """Return the y value of a one-point (``kind: point``) input, internal units."""
    ((_, y),) = curve.segments
    return float(y[0])


def _higgs_portal(
    grid: FloatArray, inputs: Mapping[str, Curve], params: Mapping[str, Any]
) -> FloatArray:
    from dmsummary.physics import higgs_portal

    return higgs_portal.sigma_si_from_br_inv(
        _point_value(inputs["br_inv"]),
        grid,
        kind=str(params["kind"]),
        convention=str(params["convention"]),
        f_n=None if params.get("f_n") is None else float(params["f_n"]),
    )


TRANSLATIONS: Mapping[str, Translation] = {
    t.name: t
    for t in (
        Translation(
            name="higgs_portal.sigma_si_from_br_inv",
            inputs={"br_inv": "br-hinv"},
            output_plane="si",
            parameters={
                "kind": ("scalar", "fermion", "vector"),
                "convention": ("djouadi", "self-conjugate", "espp2026-notebook"),
                "f_n": (0.0, 1.0),
            },
            required=("kind", "convention"),
            compute=_higgs_portal,
            summary=(
                "sigma_SI = K(m_DM) Gamma_SM B/(1-B), Higgs-portal ratio K of arXiv:1205.3169 "
                "Eqs. (4)-(6); NaN for m_DM >= m_H/2 (docs/physics.md)"
            ),
            convention_parameter="convention",
        ),
    )
}
"""Registry of translations by name (read-only)."""


def __dir__() -> list[str]:
    return __all__
