"""One internal unit system for dmsummary, built on :mod:`hepunits`.

Convention (STYLE P7): *multiply by a unit going in, divide by it going out*.
Internally every number is expressed in the hepunits (CLHEP) system, whose base
units are MeV (energy), mm (length), ns (time) and the positron charge. So a
mass of 10 GeV is stored as ``10 * GeV == 10000.0`` and a cross-section of
1e-45 cm² as ``1e-45 * cm2``; printing it in cm² is ``sigma / cm2``.

Natural units (ħ = c = 1) are used for masses: a "mass" axis carries energy
units (eV … TeV).

Catalogue files declare their axis units as strings; :func:`parse_unit` turns
such a string into a factor (to multiply by) and a physical dimension, so that
a wrong unit for an axis is caught at the boundary (:func:`require_dimension`).

Examples
--------
>>> from dmsummary.units import GeV, TeV, cm2, parse_unit
>>> float(2 * TeV / GeV)
2000.0
>>> factor, dim = parse_unit("cm^3/s")
>>> dim
Dimension(energy=0, length=3, time=-1)
"""

from __future__ import annotations

import re
from typing import NamedTuple

from hepunits import units as _u

from dmsummary.exceptions import UnitError

__all__ = [
    "AREA",
    "DIMENSIONLESS",
    "ENERGY",
    "RATE_VOLUME",
    "Dimension",
    "GeV",
    "MeV",
    "TeV",
    "barn",
    "cm",
    "cm2",
    "cm3",
    "eV",
    "fb",
    "format_unit",
    "keV",
    "parse_unit",
    "pb",
    "require_dimension",
    "s",
]

eV: float = _u.eV
"""Electronvolt (internal value)."""
keV: float = _u.keV
"""Kiloelectronvolt."""
MeV: float = _u.MeV
"""Megaelectronvolt (the internal energy unit, = 1)."""
GeV: float = _u.GeV
"""Gigaelectronvolt."""
TeV: float = _u.TeV
"""Teraelectronvolt."""
cm: float = _u.cm
"""Centimetre."""
cm2: float = _u.cm2
"""Square centimetre."""
cm3: float = _u.cm3
"""Cubic centimetre."""
s: float = _u.s
"""Second."""
barn: float = _u.barn
"""Barn (1e-24 cm²)."""
pb: float = _u.picobarn
"""Picobarn (1e-36 cm²)."""
fb: float = _u.femtobarn
"""Femtobarn (1e-39 cm²)."""


class Dimension(NamedTuple):
    """Physical dimension as exponents of (energy, length, time)."""

    energy: int = 0
    length: int = 0
    time: int = 0

    def __mul__(self, other: object) -> Dimension:  # type: ignore[override,unused-ignore]
        if not isinstance(other, Dimension):
            return NotImplemented
        return Dimension(*(a + b for a, b in zip(self, other, strict=True)))

    def __pow__(self, power: int) -> Dimension:
        return Dimension(*(a * power for a in self))

    def describe(self) -> str:
        """Return a human-readable name of the dimension, e.g. ``"area"``."""
        return _DIMENSION_NAMES.get(self, str(tuple(self)))


DIMENSIONLESS = Dimension()
ENERGY = Dimension(energy=1)
AREA = Dimension(length=2)
RATE_VOLUME = Dimension(length=3, time=-1)

_DIMENSION_NAMES = {
    DIMENSIONLESS: "dimensionless",
    ENERGY: "energy (mass in natural units)",
    AREA: "area (cross-section)",
    RATE_VOLUME: "volume per time (<sigma v>)",
    Dimension(energy=4, length=2): "area x energy^4",
}

# name -> (internal value, dimension). Aliases cover how physicists write units
# in data files ("cm2", "cm^2", "cm**2" are all handled by the power syntax).
_ATOMS: dict[str, tuple[float, Dimension]] = {
    "eV": (_u.eV, ENERGY),
    "keV": (_u.keV, ENERGY),
    "MeV": (_u.MeV, ENERGY),
    "GeV": (_u.GeV, ENERGY),
    "TeV": (_u.TeV, ENERGY),
    "cm": (_u.cm, Dimension(length=1)),
    "m": (_u.m, Dimension(length=1)),
    "s": (_u.s, Dimension(time=1)),
    "b": (_u.barn, AREA),
    "barn": (_u.barn, AREA),
    "pb": (_u.picobarn, AREA),
    "fb": (_u.femtobarn, AREA),
    "zb": (1e-21 * _u.barn, AREA),
}
_DIMENSIONLESS_WORDS = {"", "1", "dimensionless", "none", "-"}
_TOKEN = re.compile(r"^([A-Za-z]+)(?:\^|\*\*)?(-?\d+)?$")


def parse_unit(text: str) -> tuple[float, Dimension]:
    """Parse a unit string into an internal-unit factor and a dimension.

    Parameters
    ----------
    text : str
        A product of unit atoms with optional integer powers, separated by
        spaces, ``*`` or ``/``: ``"GeV"``, ``"cm2"``, ``"cm^2"``, ``"cm3/s"``,
        ``"cm^3 s^-1"``, ``"cm3s-1"`` (ECSV style), ``"pb"``,
        ``"dimensionless"``. Atoms: eV, keV, MeV, GeV, TeV, cm, m, s, b/barn,
        pb, fb, zb.

    Returns
    -------
    factor : float
        Multiply a number in this unit by ``factor`` to get internal units.
    dimension : Dimension
        Exponents of (energy, length, time).

    Raises
    ------
    UnitError
        If the string contains an unknown atom or malformed power.

    Examples
    --------
    >>> parse_unit("pb")[0] == pb
    True
    >>> parse_unit("GeV")[1].describe()
    'energy (mass in natural units)'
    """
    raw = text.strip()
    if raw.lower() in _DIMENSIONLESS_WORDS:
        return 1.0, DIMENSIONLESS
    # ECSV-style "cm3s-1" -> "cm3 s-1"
    spaced = re.sub(r"(?<=\d)(?=[A-Za-z])", " ", raw.replace("**", "^"))
    factor = 1.0
    dim = DIMENSIONLESS
    sign = 1
    for piece in re.split(r"(\s+|\*(?!\*)|/)", spaced):
        if not piece or piece.isspace() or piece == "*":
            continue
        if piece == "/":
            sign = -1
            continue
        match = _TOKEN.match(piece)
        if match is None or match.group(1) not in _ATOMS:
            msg = (
                f"cannot parse unit {text!r}: unknown or malformed part {piece!r}; "
                f"known units are {', '.join(sorted(_ATOMS))} with integer powers "
                "(e.g. 'cm^2', 'cm3/s') or 'dimensionless'"
            )
            raise UnitError(msg)
        value, atom_dim = _ATOMS[match.group(1)]
        power = sign * int(match.group(2) or 1)
        factor *= value**power
        dim = dim * atom_dim**power
        sign = 1
    return factor, dim


def require_dimension(text: str, expected: Dimension, *, where: str) -> float:
    """Parse ``text`` and check it has the ``expected`` dimension.

    Parameters
    ----------
    text : str
        Unit string (see :func:`parse_unit`).
    expected : Dimension
        The dimension the axis needs.
    where : str
        Where the unit was found (file and field), for the error message.

    Returns
    -------
    float
        The factor to multiply numbers in ``text`` by to get internal units.

    Raises
    ------
    UnitError
        If the unit cannot be parsed or has another dimension.
    """
    try:
        factor, dim = parse_unit(text)
    except UnitError as err:
        msg = f"{where}: {err}"
        raise UnitError(msg) from err
    if dim != expected:
        msg = (
            f"{where}: unit {text!r} has dimension {dim.describe()}, but this axis needs "
            f"{expected.describe()}; fix the unit string"
        )
        raise UnitError(msg)
    return factor


def format_unit(text: str) -> str:
    """Return a unit string in canonical plot form (``cm^2`` → ``cm$^2$``).

    Parameters
    ----------
    text : str
        Unit string as written in a plane definition.

    Returns
    -------
    str
        Matplotlib mathtext-friendly rendering.
    """
    return re.sub(r"\^(-?\d+)", r"$^{\1}$", text)


def __dir__() -> list[str]:
    return __all__
