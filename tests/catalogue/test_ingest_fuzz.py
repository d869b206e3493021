"""Fuzzing the parsers and format detection: nothing but a DMSummaryError ever escapes.

Random bytes, and structurally valid but wrong documents (HEPData-, digitiser-
and DM WG-shaped JSON/YAML with random content), go through every parser of
:data:`dmsummary.catalogue.formats.FORMATS`, through format detection and
through a dry-run ``add``. Each either succeeds or raises a
:class:`~dmsummary.exceptions.DMSummaryError`; a bare ``KeyError``,
``TypeError``, ``IndexError``, ``RecursionError`` ... is a bug.
"""

from __future__ import annotations

import contextlib
import json
import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dmsummary.catalogue.formats import FORMATS, read_segments
from dmsummary.catalogue.ingest import ResultInfo, add_result, detect
from dmsummary.exceptions import DMSummaryError
from dmsummary.units import parse_unit

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FORMAT_OPTIONS: dict[str, dict[str, Any]] = {
    "text": {"x": {"column": 0, "unit": "GeV"}, "y": {"column": 1, "unit": "cm2"}},
    "hepdata-yaml": {"x": {"column": 0, "unit": "GeV"}, "y": {"column": 0, "unit": "cm2"}},
    "hepdata-json": {"x": {"column": 0, "unit": "GeV"}, "y": {"column": 0, "unit": "cm2"}},
    "ecsv": {"x": {"column": "m", "unit": "GeV"}, "y": {"column": "s", "unit": "cm2"}},
    "json-arrays": {"x": {"key": "x", "unit": "GeV"}, "y": {"key": "y", "unit": "cm2"}},
    "wpd-json": {"x": {"unit": "GeV"}, "y": {"unit": "cm2"}},
}
INFO = ResultInfo(
    plane="si",
    experiment="Fuzz",
    label="Fuzz",
    status="observed",
    cl=0.9,
    reference="arXiv:2601.00003",
    url="https://example.org/fuzz",
    x_unit="GeV",
    y_unit="cm2",
    digitised_by="fuzz",
    figure="Fig. 1",
)

scalars = st.none() | st.booleans() | st.integers(-10, 10**6) | st.floats() | st.text(max_size=8)
values = st.recursive(
    scalars,
    lambda children: (
        st.lists(children, max_size=5)
        | st.dictionaries(
            st.sampled_from(["name", "value", "values", "header", "x", "y", "units", "qualifiers"])
            | st.text(max_size=5),
            children,
            max_size=5,
        )
    ),
    max_leaves=30,
)
SHAPES = [
    ["headers", "values", "qualifiers", "description"],
    ["axesColl", "datasetColl"],
    ["wpd"],
    ["independent_variables", "dependent_variables"],
    ["mmed", "gq_limit", "input"],
]
documents = st.sampled_from(SHAPES).flatmap(
    lambda keys: st.fixed_dictionaries(dict.fromkeys(keys, values))
)


def _parse(raw: bytes, kind: str) -> None:
    fmt = {"type": kind, **FORMAT_OPTIONS[kind]}
    _, x_dim = parse_unit("GeV")
    _, y_dim = parse_unit("cm2")
    with contextlib.suppress(DMSummaryError):
        read_segments(raw, fmt, x_dimension=x_dim, y_dimension=y_dim, sort_allowed=True, where="f")


@SETTINGS
@given(raw=st.binary(max_size=400), kind=st.sampled_from(sorted(FORMATS)))
def test_parsers_survive_random_bytes(raw: bytes, kind: str) -> None:
    _parse(raw, kind)


@SETTINGS
@given(doc=documents, kind=st.sampled_from(sorted(FORMATS)), as_yaml=st.booleans())
def test_parsers_survive_wrong_structures(doc: dict[str, Any], kind: str, as_yaml: bool) -> None:
    text = yaml.safe_dump(doc) if as_yaml else json.dumps(doc, allow_nan=True)
    _parse(text.encode(), kind)


def _detect_and_add(raw: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"input{suffix}"
        path.write_bytes(raw)
        with contextlib.suppress(DMSummaryError):
            detect(path)
        with contextlib.suppress(DMSummaryError):
            add_result(path, INFO, catalogue=Path(tmp) / "cat", others=[], each=True, dry_run=True)
        assert not (Path(tmp) / "cat").exists()


@SETTINGS
@given(raw=st.binary(max_size=400))
def test_detection_survives_random_bytes(raw: bytes) -> None:
    _detect_and_add(raw, ".dat")


@SETTINGS
@given(doc=documents, as_yaml=st.booleans())
def test_detection_survives_wrong_structures(doc: dict[str, Any], as_yaml: bool) -> None:
    text = yaml.safe_dump(doc) if as_yaml else json.dumps(doc, allow_nan=True)
    _detect_and_add(text.encode(), ".yaml" if as_yaml else ".json")


@SETTINGS
@given(
    rows=st.lists(
        st.lists(st.text(alphabet="0123456789.eE+-naif, \t;#", max_size=8), max_size=4),
        max_size=8,
    )
)
def test_detection_survives_csv_like_text(rows: list[list[str]]) -> None:
    _detect_and_add("\n".join(",".join(r) for r in rows).encode(), ".csv")
