"""Approximate CL conversions always warn."""

from __future__ import annotations

import numpy as np
import pytest

from dmsummary.exceptions import TranslationDomainError
from dmsummary.physics import ApproximationWarning, confidence


def test_ratio_and_inverse() -> None:
    with pytest.warns(ApproximationWarning, match="gaussian"):
        down = confidence.cl_ratio(cl_from=0.95, cl_to=0.90, model="gaussian")
    with pytest.warns(ApproximationWarning):
        up = confidence.cl_ratio(cl_from=0.90, cl_to=0.95, model="gaussian")
    assert down * up == pytest.approx(1.0)
    assert down == pytest.approx(1.2816 / 1.6449, rel=1e-4)


def test_rescale_upper_limit_warns_once_with_factor() -> None:
    with pytest.warns(ApproximationWarning, match="0.7686") as record:
        out = confidence.rescale_upper_limit([0.107, 0.15], cl_from=0.95, cl_to=0.90,
                                             model="poisson")  # fmt: skip
    assert len(record) == 1
    np.testing.assert_allclose(out, np.array([0.107, 0.15]) * 2.302585 / 2.995732, rtol=1e-6)


@pytest.mark.parametrize("cl", [90.0, 0.5, 1.0])
def test_bad_cl_raises(cl: float) -> None:
    with pytest.raises(TranslationDomainError, match="confidence level"):
        confidence.cl_ratio(cl_from=cl, cl_to=0.9, model="gaussian")


def test_unknown_model() -> None:
    with pytest.raises(TranslationDomainError, match="'model' must be one of"):
        confidence.cl_ratio(cl_from=0.95, cl_to=0.9, model="cls")
