"""Unit parsing at the catalogue boundary."""

from __future__ import annotations

import pytest

from dmsummary.exceptions import UnitError
from dmsummary.units import (
    AREA,
    DIMENSIONLESS,
    ENERGY,
    RATE_VOLUME,
    Dimension,
    GeV,
    cm,
    cm2,
    parse_unit,
    require_dimension,
    s,
)


@pytest.mark.parametrize(
    ("text", "value", "dimension"),
    [
        ("GeV", GeV, ENERGY),
        ("TeV", 1000 * GeV, ENERGY),
        ("cm2", cm2, AREA),
        ("cm^2", cm2, AREA),
        ("cm**2", cm2, AREA),
        ("pb", 1e-36 * cm2, AREA),
        ("fb", 1e-39 * cm2, AREA),
        ("cm3/s", cm**3 / s, RATE_VOLUME),
        ("cm^3 s^-1", cm**3 / s, RATE_VOLUME),
        ("cm3s-1", cm**3 / s, RATE_VOLUME),
        ("dimensionless", 1.0, DIMENSIONLESS),
        ("", 1.0, DIMENSIONLESS),
        ("cm^2 MeV^4", cm2, Dimension(energy=4, length=2)),
    ],
)
def test_parse_unit(text: str, value: float, dimension: Dimension) -> None:
    factor, dim = parse_unit(text)
    assert factor == pytest.approx(value, rel=1e-12)
    assert dim == dimension


@pytest.mark.parametrize("text", ["GeVV", "cm^x", "kg", "cm^2^2", "1e3 GeV"])
def test_bad_units(text: str) -> None:
    with pytest.raises(UnitError, match=r"cannot parse unit .*known units are"):
        parse_unit(text)


def test_require_dimension_names_the_place() -> None:
    with pytest.raises(
        UnitError, match=r"entry\.yaml: data\.format\.y\.unit: unit 'GeV' has dimension energy"
    ):
        require_dimension("GeV", AREA, where="entry.yaml: data.format.y.unit")
