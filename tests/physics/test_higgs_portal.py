"""Higgs portal: round trips, conventions, threshold behaviour and domain errors."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dmsummary import constants
from dmsummary.exceptions import TranslationDomainError
from dmsummary.physics import higgs_portal as hp
from dmsummary.units import GeV, cm2

FAST = settings(max_examples=40, deadline=None, database=None)
KINDS = ["scalar", "fermion", "vector"]
MASSES = np.array([0.1, 1.0, 10.0, 50.0, 62.0]) * GeV


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("convention", ["djouadi", "self-conjugate", "espp2026-notebook"])
def test_round_trip_br_sigma_br(kind: str, convention: str) -> None:
    br = np.array([1e-4, 0.02, 0.107, 0.5, 0.9])
    sigma = hp.sigma_si_from_br_inv(br, MASSES, kind=kind, convention=convention)
    back = hp.br_inv_from_sigma_si(sigma, MASSES, kind=kind, convention=convention)
    np.testing.assert_allclose(back, br, rtol=1e-12)


def test_round_trip_width() -> None:
    gamma = hp.invisible_width([0.0, 0.107, 0.5])
    np.testing.assert_allclose(hp.br_inv_from_invisible_width(gamma), [0.0, 0.107, 0.5])
    # PHYSICS.md §3.1: B = 0.5 doubles the total width.
    assert gamma[2] == pytest.approx(constants.GAMMA_H_SM)


@pytest.mark.parametrize("kind", KINDS)
def test_self_conjugate_is_twice_djouadi(kind: str) -> None:
    # PHYSICS.md §3.4: identical-particle factor 1/2 in the width -> sigma twice as large.
    d = hp.sigma_si_from_br_inv(0.1, MASSES, kind=kind, convention="djouadi")
    sc = hp.sigma_si_from_br_inv(0.1, MASSES, kind=kind, convention="self-conjugate")
    np.testing.assert_allclose(sc / d, 2.0, rtol=1e-14)


def test_notebook_factor_relative_to_djouadi() -> None:
    # PHYSICS.md §3.3: (246/174)^2 = 1.9988 at equal f_N and m_N.
    kw = {"kind": "scalar", "f_n": 0.326, "m_n": 0.939 * GeV}
    nb = hp.sigma_si_from_br_inv(0.1, 10 * GeV, convention="espp2026-notebook", **kw)
    d = hp.sigma_si_from_br_inv(0.1, 10 * GeV, convention="djouadi", **kw)
    assert float(nb / d) == pytest.approx(1.9988, abs=1e-4)
    # ... and within 0.12 % of self-conjugate with v = 246.22 GeV.
    sc = hp.sigma_si_from_br_inv(0.1, 10 * GeV, convention="self-conjugate", v=246.22 * GeV, **kw)
    assert float(nb / sc) == pytest.approx(1.0012, abs=1e-4)


def test_modern_inputs_scalar_example() -> None:
    # PHYSICS.md §3.5: B = 0.107, m = 10 GeV, f_N = 0.308, v = 246.22: scalar 4.005e-45 cm2.
    sigma = hp.sigma_si_from_br_inv(
        0.107, 10 * GeV, kind="scalar", convention="djouadi", v=246.22 * GeV
    )
    assert float(sigma / cm2) == pytest.approx(4.005e-45, rel=1e-3)


def test_f_n_band_scales_quadratically() -> None:
    low, high = constants.F_N_HIGGS_BAND
    assert (low, high) == pytest.approx((0.308 - 0.018, 0.308 + 0.018))
    s = [hp.sigma_si_from_br_inv(0.1, 20 * GeV, kind="fermion", convention="djouadi", f_n=f)
         for f in (low, constants.F_N_HIGGS, high)]  # fmt: skip
    assert float(s[2] / s[0]) == pytest.approx((high / low) ** 2)
    assert float(s[0]) < float(s[1]) < float(s[2])


@pytest.mark.parametrize("kind", KINDS)
def test_threshold_is_nan_and_diverges_below(kind: str) -> None:
    m_h = hp.CONVENTIONS["djouadi"].m_h
    masses = np.array([m_h / 2 - 1e-3 * GeV, m_h / 2, m_h / 2 + 1 * GeV, 100 * GeV])
    sigma = hp.sigma_si_from_br_inv(0.1, masses, kind=kind, convention="djouadi")
    assert np.isfinite(sigma[0])
    assert np.all(np.isnan(sigma[1:]))
    # Approaching m_H/2 the limit weakens without bound (1/beta or 1/beta^3).
    near = hp.sigma_si_from_br_inv(
        0.1, m_h / 2 * (1 - np.array([1e-2, 1e-4, 1e-6])), kind=kind, convention="djouadi"
    )
    assert np.all(np.diff(near) > 0)
    assert float(near[-1] / near[0]) > 10


def test_light_dm_limits() -> None:
    # m -> 0: scalar finite (m_N^4/(m+m_N)^2 -> m_N^2), fermion ~ m^2, vector ~ m^4.
    small = np.array([1e-3, 2e-3]) * GeV
    f = hp.sigma_si_from_br_inv(0.1, small, kind="fermion", convention="djouadi")
    v = hp.sigma_si_from_br_inv(0.1, small, kind="vector", convention="djouadi")
    assert float(f[1] / f[0]) == pytest.approx(4.0, rel=1e-2)
    assert float(v[1] / v[0]) == pytest.approx(16.0, rel=1e-2)
    zero = hp.sigma_si_from_br_inv(0.1, 0.0, kind="scalar", convention="djouadi")
    assert np.isfinite(zero)
    assert zero > 0


@FAST
@given(
    br=st.floats(1e-6, 0.99),
    m=st.floats(1e-3, 62.4),
    kind=st.sampled_from(KINDS),
    scale=st.floats(1.001, 10.0),
)
def test_sigma_positive_and_increasing_in_br(br: float, m: float, kind: str, scale: float) -> None:
    b2 = min(br * scale, 0.995)
    s1, s2 = (hp.sigma_si_from_br_inv(b, m * GeV, kind=kind, convention="djouadi")
              for b in (br, b2))  # fmt: skip
    assert s1 > 0
    assert s2 > s1


@FAST
@given(m1=st.floats(20.0, 62.0), m2=st.floats(20.0, 62.0))
def test_fermion_sigma_increases_with_mass_near_threshold(m1: float, m2: float) -> None:
    # Above m_N the fermion ratio ~ m^2/((m+m_N)^2 beta^3) grows monotonically.
    lo, hi = sorted((m1, m2))
    s = hp.sigma_si_per_invisible_width(np.array([lo, hi]) * GeV, kind="fermion",
                                        convention="djouadi")  # fmt: skip
    assert s[1] >= s[0]


def test_broadcasting_shape() -> None:
    out = hp.sigma_si_from_br_inv(
        np.array([[0.1], [0.2]]), MASSES, kind="vector", convention="djouadi"
    )
    assert out.shape == (2, MASSES.size)
    assert out.dtype == np.float64


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"kind": "majorana", "convention": "djouadi"}, "'kind' must be one of"),
        ({"kind": "scalar", "convention": "atlas"}, "'convention' must be one of.*self-conjugate"),
    ],
)
def test_unknown_choices_raise(kwargs: dict[str, str], match: str) -> None:
    with pytest.raises(TranslationDomainError, match=match):
        hp.sigma_si_from_br_inv(0.1, 10 * GeV, **kwargs)


@pytest.mark.parametrize("br", [-0.1, 1.0, 1.5])
def test_br_out_of_range_raises(br: float) -> None:
    with pytest.raises(TranslationDomainError, match="'br_inv'"):
        hp.sigma_si_from_br_inv(br, 10 * GeV, kind="scalar", convention="djouadi")


def test_negative_mass_raises() -> None:
    with pytest.raises(TranslationDomainError, match=r"'m_dm'.*>= 0"):
        hp.sigma_si_from_br_inv(0.1, -1 * GeV, kind="scalar", convention="djouadi")


def test_vev_from_fermi_constant_rejects_nonpositive() -> None:
    with pytest.raises(TranslationDomainError, match="'g_fermi'"):
        hp.vev_from_fermi_constant(0.0)
