from __future__ import annotations

import hashlib
import json
import math
from types import MappingProxyType

import numpy as np
import pytest

from dmsummary.provenance import canonical_json, digest


def test_known_value_matches_pyhf_style_sha256() -> None:
    expected = hashlib.sha256(b'{"a":1,"b":[1,2]}').hexdigest()
    assert digest({"b": [1, 2], "a": 1}) == f"sha256:{expected}"


def test_key_order_does_not_matter_at_any_depth() -> None:
    one = {"layers": [{"id": "a", "cl": 0.9}], "axes": {"x": 1, "y": 2}, "title": "t"}
    two = {"title": "t", "axes": {"y": 2, "x": 1}, "layers": [{"cl": 0.9, "id": "a"}]}
    assert canonical_json(one) == canonical_json(two)
    assert digest(one) == digest(two)


def test_list_order_matters() -> None:
    assert digest([1, 2]) != digest([2, 1])


def test_canonical_form_is_compact_sorted_utf8() -> None:
    assert canonical_json({"b": "σ", "a": [1.5, None, True]}) == (
        '{"a":[1.5,null,true],"b":"σ"}'.encode()
    )


def test_read_only_mappings_tuples_and_numpy_are_plain_data() -> None:
    frozen = MappingProxyType({"x": (1.0, 2.0), "n": np.int64(3), "a": np.array([0.5, 1.0])})
    assert canonical_json(frozen) == canonical_json({"x": [1.0, 2.0], "n": 3, "a": [0.5, 1.0]})


def test_negative_zero_is_zero() -> None:
    assert digest({"v": -0.0}) == digest({"v": 0.0})


def test_int_and_float_stay_distinct() -> None:
    assert digest(1) != digest(1.0)


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf, np.float64("nan")])
def test_non_finite_floats_are_refused_with_the_path(bad: float) -> None:
    with pytest.raises(ValueError, match=r"\$\.layers\[0\]\.cl .*only finite numbers"):
        canonical_json({"layers": [{"cl": bad}]})


def test_non_string_keys_are_refused() -> None:
    with pytest.raises(TypeError, match="only string keys"):
        canonical_json({1: "a"})


def test_unordered_and_binary_values_are_refused() -> None:
    with pytest.raises(TypeError, match=r"\$\.tags is a set"):
        canonical_json({"tags": {"a", "b"}})
    with pytest.raises(TypeError, match="bytes"):
        canonical_json(b"abc")


def test_lone_surrogate_is_refused() -> None:
    with pytest.raises(ValueError, match="not valid Unicode"):
        canonical_json({"label": "a\ud800"})


def test_round_trip() -> None:
    doc = {"a": [1, 2.5, "x"], "b": {"c": None}}
    assert json.loads(canonical_json(doc)) == doc
