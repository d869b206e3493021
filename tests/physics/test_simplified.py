"""s-channel simplified models: widths, DD cross-sections and <sigma v>."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dmsummary import constants
from dmsummary.exceptions import TranslationDomainError
from dmsummary.physics import simplified as sm
from dmsummary.units import GeV, TeV, cm2, cm3, s

FAST = settings(max_examples=40, deadline=None, database=None)
CS = "dmwg-couplingscan"


@pytest.mark.parametrize(("model", "ratio"), [("vector", 0.0563), ("axial", 0.0539)])
def test_benchmark_width_over_mass(model: str, ratio: float) -> None:
    # PHYSICS.md §4.2: V1/A1 at (M, m_DM) = (1000, 100) GeV.
    width = sm.total_width(model, 1 * TeV, 100 * GeV, 0.25, 1.0, inputs=CS)
    assert float(width / TeV) == pytest.approx(ratio, abs=5e-5)


def test_neutrino_count_differs_between_presets() -> None:
    args = ("vector", 1 * TeV, 100 * GeV, 0.1, 1.0, 0.1)
    diff = sm.total_width(*args, inputs="pdg2024") - sm.total_width(*args, inputs=CS)
    nu = 0.1**2 * 1 * TeV / (24 * math.pi)
    # Two more neutrino flavours, plus tiny mass-input differences in q and l widths.
    assert float(diff) == pytest.approx(2 * nu, rel=2e-3)


def test_spin1_light_fermion_limit() -> None:
    # M >> all masses, no DM decay: Gamma = (6 quarks * 3 g_q^2 + 3 g_l^2 + n_nu g_l^2 / 2) M/(12 pi)
    m = 1e6 * GeV
    for model in ("vector", "axial"):
        width = sm.total_width(model, m, 1e7 * GeV, 0.3, 1.0, 0.2)
        expected = (18 * 0.3**2 + 3 * 0.2**2 + 1.5 * 0.2**2) * m / (12 * math.pi)
        assert float(width) == pytest.approx(expected, rel=1e-6)  # m_t^2/M^2 = 3e-8


@pytest.mark.parametrize(("model", "heavy_top"), [("scalar", 2 / 3), ("pseudoscalar", 1.0)])
def test_gluon_loop_heavy_top_limit(model: str, heavy_top: float) -> None:
    # |f_S| -> 2/3 and |f_P| -> 1 for m_t -> infinity (tau -> infinity).
    m = 1 * GeV
    width = sm.width_to_gluons(model, m, 1.0, inputs=CS)
    inp = sm.WIDTH_INPUTS[CS]
    pref = inp.alpha_s**2 * m**3 / (32 * math.pi**3 * inp.v**2)
    assert float(width / pref) == pytest.approx(heavy_top**2, rel=1e-4)


@pytest.mark.parametrize("model", ["scalar", "pseudoscalar"])
def test_gluon_width_continuous_at_top_threshold(model: str) -> None:
    m_t = constants.QUARK_MASSES_PDG2024.t
    # F(tau) has a square-root branch point at tau = 1: continuous, with an infinite slope.
    w = sm.width_to_gluons(model, 2 * m_t * np.array([1 - 1e-12, 1.0, 1 + 1e-12]), 1.0)
    np.testing.assert_allclose(w / w[1], 1.0, rtol=1e-4)
    # At tau = 1, F = pi^2/4, so f_P = pi^2/4 and f_S = 1.
    inp = sm.WIDTH_INPUTS["pdg2024"]
    pref = inp.alpha_s**2 * (2 * m_t) ** 3 / (32 * math.pi**3 * inp.v**2)
    f_expected = 1.0 if model == "scalar" else math.pi**2 / 4
    assert float(w[1] / pref) == pytest.approx(f_expected**2, rel=1e-12)


def test_per_channel_widths_sum_to_total() -> None:
    total = sm.width_to_quarks("scalar", 500 * GeV, 1.0)
    parts = sum(sm.width_to_quarks("scalar", 500 * GeV, 1.0, quark=q) for q in "udscbt")
    assert float(parts) == pytest.approx(float(total), rel=1e-14)
    assert float(sm.width_to_quarks("scalar", 300 * GeV, 1.0, quark="t")) == 0.0


def test_spin0_rejects_lepton_coupling() -> None:
    with pytest.raises(TranslationDomainError, match="'g_l' must be 0"):
        sm.total_width("scalar", 1 * TeV, 1 * GeV, 1.0, 1.0, 0.1)


@FAST
@given(
    model=st.sampled_from(sm.MODELS),
    m_med=st.floats(10.0, 5000.0),
    m_dm=st.floats(0.0, 3000.0),
    g_q=st.floats(0.01, 2.0),
    g_dm=st.floats(0.0, 2.0),
    factor=st.floats(1.01, 3.0),
)
def test_width_positive_and_increasing_in_couplings(
    model: str, m_med: float, m_dm: float, g_q: float, g_dm: float, factor: float
) -> None:
    args = (model, m_med * GeV, m_dm * GeV)
    w = sm.total_width(*args, g_q, g_dm)
    assert w > 0
    assert sm.total_width(*args, g_q * factor, g_dm) > w
    assert sm.total_width(*args, g_q, g_dm * factor) >= w


def test_sigma_si_exact_coefficient() -> None:
    # PHYSICS.md §4.3: exact vector coefficient 6.972e-41 cm^2 (vs 6.9e-41 normalised).
    sigma = sm.sigma_si_vector(1 * TeV, 1e9 * GeV, 0.25, 1.0, m_n=1 * GeV)  # mu -> 1 GeV
    assert float(sigma / cm2) == pytest.approx(6.972e-41, rel=2e-4)
    sd = sm.sigma_sd_axial(1 * TeV, 1e9 * GeV, 0.25, 1.0, m_n=1 * GeV)
    assert float(sd / cm2) == pytest.approx(2.380e-42, rel=5e-4)
    sc = sm.sigma_si_scalar(125 * GeV, 1e9 * GeV, 1.0, 1.0, m_n=1 * GeV)
    assert float(sc / cm2) == pytest.approx(6.827e-43 / 0.939**2, rel=1e-3)


@FAST
@given(
    g_q=st.floats(0.01, 1.0), g_dm=st.floats(0.01, 1.0), m_med=st.floats(2e3, 2e4),
    k=st.floats(0.2, 5.0),
)  # fmt: skip
def test_dd_scaling_laws(g_q: float, g_dm: float, m_med: float, k: float) -> None:
    # sigma propto (g_q g_dm)^2 / M^4 in every DD translation (heavy mediator, contact limit).
    for func in (sm.sigma_si_vector, sm.sigma_sd_axial, sm.sigma_si_scalar):
        ref = func(m_med * GeV, 50 * GeV, g_q, g_dm)
        scaled = func(m_med * GeV * k, 50 * GeV, g_q * k, g_dm)
        assert float(scaled / ref) == pytest.approx(k**2 / k**4, rel=1e-10)


def test_sd_proton_equals_neutron_for_universal_couplings() -> None:
    p = sm.sigma_sd_axial(1 * TeV, 10 * GeV, 0.25, 1.0, nucleon="proton")
    n = sm.sigma_sd_axial(1 * TeV, 10 * GeV, 0.25, 1.0, nucleon="neutron")
    assert float(p) == pytest.approx(float(n), rel=1e-14)


def test_scalar_f_n() -> None:
    assert sm.scalar_mediator_f_n() == pytest.approx(0.30381, abs=1e-5)


def test_sigmav_bottom_dominates_below_top_threshold() -> None:
    width = sm.total_width("pseudoscalar", 500 * GeV, 100 * GeV, 1.0, 1.0)
    total = sm.sigmav("pseudoscalar", 500 * GeV, 100 * GeV, 1.0, 1.0, width)
    bb = sm.sigmav("pseudoscalar", 500 * GeV, 100 * GeV, 1.0, 1.0, width, quark="b")
    assert float(bb / total) > 0.9
    assert float(sm.sigmav("pseudoscalar", 500 * GeV, 100 * GeV, 1.0, 1.0, width, quark="t")) == 0


def test_sigmav_heavy_mediator_vector_limit() -> None:
    # Contact limit: sum_q 3 g^4 (2m^2 + m_q^2) beta_q / (2 pi M^4), here m >> m_q: 6 flavours.
    m_med, m_dm = 1e6 * GeV, 1e3 * GeV
    got = sm.sigmav("vector", m_med, m_dm, 0.5, 1.0, 0.0)
    expected = 6 * 3 * 0.5**2 * 2 * m_dm**2 / (2 * math.pi * m_med**4)
    assert float(got / (cm3 / s)) == pytest.approx(
        expected * (constants.HBARC_SQ * constants.C_LIGHT) / (cm3 / s), rel=1e-3
    )


def test_dirac_limit_factor() -> None:
    assert float(sm.dirac_sigmav_limit_from_majorana(3e-26)) == pytest.approx(6e-26)


def test_sigmav_rejects_scalar() -> None:
    with pytest.raises(TranslationDomainError, match="'model' must be one of"):
        sm.sigmav("scalar", 1 * TeV, 1 * GeV, 1.0, 1.0, 1 * GeV)


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda: sm.total_width("tensor", 1.0, 1.0, 1.0, 1.0), "'model' must be one of"),
        (lambda: sm.total_width("vector", 1.0, 1.0, -0.1, 1.0), "'g_q'.*>= 0"),
        (lambda: sm.total_width("vector", 0.0, 1.0, 0.1, 1.0), "'m_med'.*> 0"),
        (lambda: sm.total_width("vector", 1.0, 1.0, 0.1, 1.0, inputs="pdg2022"), "'inputs'"),
        (lambda: sm.sigma_si_vector(1.0, 1.0, 1.0, 1.0, form="normalised"), "'form'"),
    ],
)
def test_domain_errors(call: object, match: str) -> None:
    with pytest.raises(TranslationDomainError, match=match):
        call()  # type: ignore[operator]


def test_total_width_block_evaluation_matches_pointwise() -> None:
    # total_width evaluates large inputs in blocks; the result must not depend on it.
    rng = np.random.default_rng(7)
    m_med = rng.uniform(10.0, 5000.0, (3, 7000)) * GeV
    m_dm = rng.uniform(0.0, 3000.0, 7000) * GeV
    for model in sm.MODELS:
        g_l = 0.05 if model in ("vector", "axial") else 0.0
        big = sm.total_width(model, m_med, m_dm, 0.3, 1.0, g_l)
        assert big.shape == (3, 7000)
        small = np.stack([sm.total_width(model, row, m_dm, 0.3, 1.0, g_l) for row in m_med])
        np.testing.assert_allclose(big, small, rtol=1e-15)
        pointwise = sm.total_width(model, m_med[1, 123], m_dm[123], 0.3, 1.0, g_l)
        assert float(big[1, 123]) == pytest.approx(float(pointwise), rel=1e-15)
