"""LHC DM WG rescaling: round trips, closed form, width cut, limit selection, errors."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dmsummary.exceptions import TranslationDomainError
from dmsummary.physics import rescaling as rs
from dmsummary.physics import simplified as sm
from dmsummary.units import GeV, TeV

FAST = settings(max_examples=30, deadline=None, database=None)
B = rs.BENCHMARKS
TLA = rs.CouplingScenario("axial", None, g_dm=1.0, g_l=0.0)  # ATLAS TLA dijet plot world
DP = B["minimal-dark-photon"]


def test_benchmark_presets() -> None:
    # arXiv:1703.05703 benchmarks and the dark-photon tool's minimal_dark_photon.
    assert (B["V1"].g_q, B["V1"].g_dm, B["V1"].g_l) == (0.25, 1.0, 0.0)
    assert (B["V2"].g_q, B["V2"].g_l) == (0.1, 0.01)
    assert (B["A2"].model, B["A2"].g_q, B["A2"].g_l) == ("axial", 0.1, 0.1)
    assert DP.m_dm_over_m_med == pytest.approx(1 / 3)
    assert DP.g_q is None


@pytest.mark.parametrize(
    ("method", "src", "tgt"),
    [("dijet-br", "A1", "V1"), ("dilepton-br", "A2", "V2"), ("monox-propagator", "A1", "A2"),
     ("monox-parton", "A1", "V1")],
)  # fmt: skip
def test_depth_round_trip(method: str, src: str, tgt: str) -> None:
    m_med = np.array([500.0, 1500.0, 3000.0]) * GeV
    m_dm = np.array([100.0, 400.0, 1600.0]) * GeV  # the last one is off-shell (M < 2 m_DM)
    depth = np.array([0.3, 1.0, 7.0])
    there = rs.rescale_exclusion_depth(depth, m_med, m_dm, source=B[src], target=B[tgt],
                                       method=method)  # fmt: skip
    back = rs.rescale_exclusion_depth(there, m_med, m_dm, source=B[tgt], target=B[src],
                                      method=method)  # fmt: skip
    np.testing.assert_allclose(back, depth, rtol=1e-9)


def test_dijet_closed_form() -> None:
    # PHYSICS.md §4.4: g^2 = g'^2 (a_X/a_Y) [1 + sqrt(1 + 4 Gamma_chichi/(g'^2 a_X))]/2.
    m = np.array([400.0, 900.0, 2500.0]) * GeV
    glim = np.array([0.03, 0.3, 0.9])  # 0.9 lies far outside the tool's [0.05, 0.2] grid
    got = rs.rescale_gq_limit(m, glim, source=TLA, m_dm_source=10 * TeV, target=DP,
                              max_width_ratio=None)  # fmt: skip
    a_x = sm.width_to_quarks("axial", m, 1.0)
    a_y = sm.width_to_quarks("vector", m, 1.0)
    g_chi = sm.width_to_dm("vector", m, m / 3, 1.0)
    g2 = glim**2 * (a_x / a_y) * (1 + np.sqrt(1 + 4 * g_chi / (glim**2 * a_x))) / 2
    np.testing.assert_allclose(got, np.sqrt(g2), rtol=1e-9)


@FAST
@given(m=st.floats(200.0, 5000.0), glim=st.floats(0.01, 1.5), ratio=st.floats(0.0, 2.0))
def test_rescaled_limit_has_unit_depth(m: float, glim: float, ratio: float) -> None:
    target = rs.CouplingScenario("vector", None, 1.0, 0.0, m_dm_over_m_med=ratio)
    g = rs.rescale_gq_limit(m * GeV, glim, source=TLA, m_dm_source=10 * TeV, target=target,
                            max_width_ratio=None)  # fmt: skip
    # Open DM decays only weaken the limit: g^2 >= g_lim^2 a_X/a_Y with a = Gamma_qq(g_q = 1).
    a_ratio = sm.width_to_quarks("axial", m * GeV, 1.0) / sm.width_to_quarks(
        "vector", m * GeV, 1.0
    )
    assert g >= glim * np.sqrt(a_ratio) * (1 - 1e-9)
    fixed = rs.CouplingScenario("vector", float(g), 1.0, 0.0)
    depth = rs.exclusion_depth_from_gq_limit(
        m * GeV, glim, source=TLA, m_dm_source=10 * TeV, target=fixed, m_dm_target=ratio * m * GeV,
        max_width_ratio=None,
    )  # fmt: skip
    assert float(depth) == pytest.approx(1.0, rel=1e-8)


def test_source_signal_evaluated_at_the_limit_coupling() -> None:
    # A source with open DM decays: depth of the source scenario itself at g_q = g_lim must be 1.
    # (The DM WG parser uses g_lim^2 F(g_q=1), which gives a depth != 1 here.)
    src = rs.CouplingScenario("vector", None, 1.0, 0.0)
    same = rs.CouplingScenario("vector", 0.1, 1.0, 0.0)
    depth = rs.exclusion_depth_from_gq_limit(
        1 * TeV, 0.1, source=src, m_dm_source=100 * GeV, target=same, m_dm_target=100 * GeV
    )
    assert float(depth) == pytest.approx(1.0, rel=1e-12)


def test_width_cut_is_honoured_per_target() -> None:
    m = np.array([1000.0, 1000.0]) * GeV
    wide = rs.CouplingScenario("vector", 1.5, 1.0)  # Gamma/M ~ 0.7
    narrow = rs.CouplingScenario("vector", 0.1, 1.0)
    kw = {"source": TLA, "m_dm_source": 10 * TeV, "m_dm_target": 100 * GeV}
    assert np.isnan(rs.exclusion_depth_from_gq_limit(m[0], 0.1, target=wide, **kw))
    assert np.isfinite(rs.exclusion_depth_from_gq_limit(m[0], 0.1, target=narrow, **kw))
    assert np.isfinite(
        rs.exclusion_depth_from_gq_limit(m[0], 0.1, target=wide, max_width_ratio=None, **kw)
    )
    # A coupling limit whose solution is wide is dropped, a narrow one kept.
    g = rs.rescale_gq_limit(m, [0.05, 1.2], source=TLA, m_dm_source=10 * TeV, target=DP)
    assert np.isfinite(g[0])
    assert np.isnan(g[1])
    depth = rs.rescale_exclusion_depth(
        1.0, 1 * TeV, 100 * GeV, source=B["V1"], target=wide, method="dijet-br",
        max_width_ratio=0.3,
    )  # fmt: skip
    assert np.isnan(depth)


def test_no_root_and_no_limit_give_nan() -> None:
    g = rs.rescale_gq_limit(
        [1 * TeV, 1 * TeV], [np.nan, 0.1], source=TLA, m_dm_source=10 * TeV, target=DP,
        g_q_bracket=(0.5, 1.0),
    )  # fmt: skip
    assert np.all(np.isnan(g))


def test_interpolate_limit_is_nan_outside_range() -> None:
    out = rs.interpolate_limit(np.array([100.0, 600.0, 650.0, 2000.0]) * GeV,
                               np.array([600.0, 700.0]) * GeV, [0.1, 0.2])  # fmt: skip
    np.testing.assert_allclose(out, [np.nan, 0.1, 0.15, np.nan])


def test_select_limit_by_width() -> None:
    widths = [0.01, 0.05, 0.10]
    limits = np.array([[1.0, 1.0, 1.0, 1.0], [2.0, 2.0, 2.0, 2.0], [4.0, 4.0, 4.0, 4.0]])
    out = rs.select_limit_by_width([0.001, 0.03, 0.075, 0.2], widths, limits)
    np.testing.assert_allclose(out, [1.0, 1.5, 3.0, np.nan])
    single = rs.select_limit_by_width(0.05, [0.1], [3.0])
    assert float(single) == 3.0


@pytest.mark.parametrize(
    ("method", "src", "tgt"),
    [("monox-propagator", "A1", "V1"), ("dilepton-br", "V1", "V1")],
)
def test_forbidden_conversions(method: str, src: str, tgt: str) -> None:
    source = B[src]
    target = B[tgt] if method != "dilepton-br" else rs.CouplingScenario("scalar", 1.0, 1.0)
    with pytest.raises(TranslationDomainError, match="cannot rescale"):
        rs.rescale_exclusion_depth(1.0, 1 * TeV, 1 * GeV, source=source, target=target,
                                   method=method)  # fmt: skip


def test_scenario_errors() -> None:
    with pytest.raises(TranslationDomainError, match="'g_dm'"):
        rs.CouplingScenario("vector", 0.1, -1.0)
    with pytest.raises(TranslationDomainError, match="'method' must be one of"):
        rs.signal_proxy("monojet", "vector", 1.0, 1.0, 1.0, 1.0)
    with pytest.raises(TranslationDomainError, match="'m_dm_target' must be None"):
        rs.rescale_gq_limit(1 * TeV, 0.1, source=TLA, m_dm_source=10 * TeV, target=DP,
                            m_dm_target=1 * GeV)  # fmt: skip
    with pytest.raises(TranslationDomainError, match="needs a fixed g_q"):
        rs.exclusion_depth_from_gq_limit(1 * TeV, 0.1, source=TLA, m_dm_source=10 * TeV,
                                         target=DP)  # fmt: skip


def test_propagator_signal_matches_parton_shape_ordering() -> None:
    # The parton-level proxy with a flat weight would equal the propagator; with physical
    # weights, heavier DM (closer to threshold) is suppressed more for axial than for vector.
    kw = {"m_med": 1 * TeV, "g_q": 0.25, "g_dm": 1.0}
    v = rs.signal_proxy("monox-parton", "vector", m_dm=400 * GeV, **kw)
    a = rs.signal_proxy("monox-parton", "axial", m_dm=400 * GeV, **kw)
    assert 0 < float(a) < float(v)
    assert math.isfinite(float(rs.signal_proxy("monox-propagator", "vector", m_dm=0.0, **kw)))
