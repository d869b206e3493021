"""Parsers: each format on small synthetic inputs, with units, transforms and filters."""

from __future__ import annotations

import json
from typing import Any

import numpy as np
import pytest

from dmsummary.catalogue.formats import read_segments
from dmsummary.exceptions import ParseError, UnitError
from dmsummary.units import AREA, DIMENSIONLESS, ENERGY, GeV, MeV, TeV, cm2, eV, keV


def _read(raw: str | bytes, fmt: dict[str, Any], *, x=ENERGY, y=AREA, sort=True):  # type: ignore[no-untyped-def]
    data = raw.encode() if isinstance(raw, str) else raw
    return read_segments(data, fmt, x_dimension=x, y_dimension=y, sort_allowed=sort, where="test")


def test_text_header_by_name_and_units() -> None:
    raw = "# comment\nmass_kev,limit\n1,2e-40\n2,3e-40\n"
    fmt = {
        "type": "text",
        "delimiter": ",",
        "header": True,
        "x": {"column": "mass_kev", "unit": "keV"},
        "y": {"column": "limit", "unit": "pb"},
    }
    ((x, y),) = _read(raw, fmt)
    np.testing.assert_allclose(x / GeV, [1e-6, 2e-6])
    np.testing.assert_allclose(y / cm2, [2e-76, 3e-76])


def test_text_skip_rows_semicolon() -> None:
    raw = "source: x\nlabel: y\n10; 1e-45\n20; 2e-45\n"
    fmt = {
        "type": "text",
        "delimiter": ";",
        "skip_rows": 2,
        "x": {"column": 0, "unit": "GeV"},
        "y": {"column": 1, "unit": "cm^2"},
    }
    ((x, y),) = _read(raw, fmt)
    np.testing.assert_allclose(x / GeV, [10, 20])


def test_text_blocks_select_one_table() -> None:
    raw = "#: Quantile,Observed\nm,mu\n50,1.7\n100,1.5\n\n#: Quantile,Median expected\nm,mu\n50,1.1\n100,1.2\n"
    fmt = {
        "type": "text",
        "delimiter": ",",
        "header": True,
        "block": 1,
        "x": {"column": 0, "unit": "GeV"},
        "y": {"column": "mu", "unit": "dimensionless"},
    }
    ((x, y),) = _read(raw, fmt, y=DIMENSIONLESS)
    np.testing.assert_allclose(y, [1.1, 1.2])
    with pytest.raises(
        ParseError, match=r"data\.format\.block = 5 but the file has 2 blank-line-separated blocks"
    ):
        _read(raw, {**fmt, "block": 5}, y=DIMENSIONLESS)


def test_text_segments_by_column_and_blank_lines_are_kept_apart() -> None:
    raw = "graph_index,x,y\n0,1,10\n0,2,20\n1,5,50\n1,6,60\n"
    fmt = {
        "type": "text",
        "delimiter": ",",
        "header": True,
        "segment_column": "graph_index",
        "x": {"column": "x", "unit": "GeV"},
        "y": {"column": "y", "unit": "GeV"},
    }
    segs = _read(raw, fmt, y=ENERGY, sort=False)
    assert [s[0].size for s in segs] == [2, 2]
    raw2 = "1 10\n2 20\n\n5 50\n6 60\n"
    fmt2 = {
        "type": "text",
        "segment_on_blank": True,
        "x": {"column": 0, "unit": "GeV"},
        "y": {"column": 1, "unit": "GeV"},
    }
    assert len(_read(raw2, fmt2, y=ENERGY)) == 2
    fmt2["segment_on_blank"] = False
    assert len(_read(raw2, fmt2, y=ENERGY)) == 1


def test_filters_transform_and_sort() -> None:
    raw = "1 4e-20\n3 1\n2 9e-20\n1e16 1e-30\nnan 5\n"
    fmt = {
        "type": "text",
        "drop_y": [1.0],
        "x_range": [0, 1e4],
        "drop_nonfinite": True,
        "sort_x": True,
        "x": {"column": 0, "unit": "eV"},
        "y": {"column": 1, "unit": "dimensionless", "transform": "sqrt"},
    }
    ((x, y),) = _read(raw, fmt, y=DIMENSIONLESS)
    np.testing.assert_allclose(x / eV, [1, 2])
    np.testing.assert_allclose(y, [2e-10, 3e-10])


def test_hepdata_yaml_by_header_name() -> None:
    raw = (
        "independent_variables:\n- header: {name: mass}\n  values: [{value: 3.0}, {value: 4.0}]\n"
        "dependent_variables:\n- header: {name: limit}\n  values: [{value: 1e-42}, {value: 2e-42}]\n"
        "- header: {name: median}\n  values: [{value: 5e-43}, {value: 6e-43}]\n"
    )
    fmt = {
        "type": "hepdata-yaml",
        "x": {"column": 0, "unit": "GeV"},
        "y": {"column": "median", "unit": "cm2"},
    }
    ((x, y),) = _read(raw, fmt)
    np.testing.assert_allclose(y / cm2, [5e-43, 6e-43])
    with pytest.raises(
        ParseError,
        match=r"no variable with header name 'nope'; the table has \['limit', 'median'\]",
    ):
        _read(raw, {**fmt, "y": {"column": "nope", "unit": "cm2"}})


def test_hepdata_json_groups() -> None:
    doc = {
        "values": [
            {"x": [{"value": "600.0"}], "y": [{"value": "0.12"}, {"value": "0.10"}]},
            {"x": [{"value": "650.0"}], "y": [{"value": "0.09"}, {"value": "0.08"}]},
        ]
    }
    fmt = {
        "type": "hepdata-json",
        "x": {"column": 0, "unit": "GeV"},
        "y": {"column": 1, "unit": "dimensionless"},
    }
    ((x, y),) = _read(json.dumps(doc), fmt, y=DIMENSIONLESS)
    np.testing.assert_allclose(y, [0.10, 0.08])


ECSV = """# %ECSV 0.9
# ---
# datatype:
# - {name: mass, unit: TeV, datatype: float32}
# - {name: sigmav, unit: cm3s-1, datatype: float32}
# meta: !!omap
# - {reference: "x"}
mass sigmav
1.0 1e-24
10.0 1e-23
"""


def test_ecsv_units_checked_against_header() -> None:
    from dmsummary.units import RATE_VOLUME

    fmt = {
        "type": "ecsv",
        "x": {"column": "mass", "unit": "TeV"},
        "y": {"column": "sigmav", "unit": "cm^3/s"},
    }
    ((x, y),) = _read(ECSV, fmt, y=RATE_VOLUME)
    np.testing.assert_allclose(x / GeV, [1000, 10000])
    bad = {**fmt, "x": {"column": "mass", "unit": "GeV"}}
    with pytest.raises(
        UnitError,
        match=r"data\.format\.x\.unit is 'GeV' but the ECSV header says column 'mass' is in 'TeV'",
    ):
        _read(ECSV, bad, y=RATE_VOLUME)


def test_json_arrays_nested_segments() -> None:
    doc = {"mmed": [[600.0, 550.0], [400.0, 380.0, 375.0]], "eps": [[0.1, 0.2], [0.3, 0.2, 0.1]]}
    fmt = {
        "type": "json-arrays",
        "x": {"key": "mmed", "unit": "GeV"},
        "y": {"key": "eps", "unit": "dimensionless"},
    }
    segs = _read(json.dumps(doc), fmt, y=DIMENSIONLESS, sort=False)
    assert [s[0].size for s in segs] == [2, 3]
    assert segs[0][0][0] == pytest.approx(600 * GeV)
    with pytest.raises(
        ParseError,
        match=r"data\.format\.x\.key 'm' not in the JSON object \(keys: \['eps', 'mmed'\]\)",
    ):
        _read(json.dumps(doc), {**fmt, "x": {"key": "m", "unit": "GeV"}}, y=DIMENSIONLESS)


@pytest.mark.parametrize(
    ("raw", "fmt_type", "pattern"),
    [
        (b"\xff\xfe\x00binary", "text", r"not UTF-8 text"),
        (b"{not json", "json-arrays", r"not valid JSON"),
        (b"[1, 2]", "hepdata-json", r"not a HEPData JSON table"),
        (b"a: 1\n", "hepdata-yaml", r"not a HEPData table"),
        (b"mass sigmav\n1 2\n", "ecsv", r"not an ECSV file"),
    ],
)
def test_garbage_is_a_parse_error(raw: bytes, fmt_type: str, pattern: str) -> None:
    fmt = {
        "type": fmt_type,
        "x": {"column": 0, "key": "x", "unit": "GeV"},
        "y": {"column": 1, "key": "y", "unit": "cm2"},
    }
    with pytest.raises(ParseError, match=pattern):
        _read(raw, fmt)


def test_mev_is_internal_unit() -> None:
    assert MeV == 1.0
    assert TeV / GeV == pytest.approx(1000)
    assert keV / eV == pytest.approx(1000)


def test_x_clip_moves_stand_in_points_onto_the_floor() -> None:
    raw = "1e-30 1e-12\n1e-3 1e-12\n10 1e-13\n"
    fmt = {
        "type": "text",
        "x_clip": [1e-6, 1e6],
        "x": {"column": 0, "unit": "keV"},
        "y": {"column": 1, "unit": "dimensionless"},
    }
    ((x, y),) = _read(raw, fmt, y=DIMENSIONLESS)
    np.testing.assert_allclose(x / keV, [1e-6, 1e-3, 10])
    assert y.size == 3
