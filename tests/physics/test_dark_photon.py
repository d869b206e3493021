"""Dark photon: limits of the tool formula, the derived convention, pole mask, round trip."""

from __future__ import annotations

import math

import numpy as np
import pytest

from dmsummary import constants
from dmsummary.exceptions import TranslationDomainError
from dmsummary.physics import dark_photon as dp
from dmsummary.units import GeV, TeV

E = math.sqrt(4 * math.pi * constants.ALPHA_EM)
C2 = 1 - constants.SIN2_THETA_W_MSBAR
TOOL = "dmwg-2405.13778"


def test_tool_low_and_high_mass_limits() -> None:
    # PHYSICS.md §5: eps -> sqrt(3) g_q/e (photon-like) and g_q c_W^2/(e sqrt(13/18)).
    low = dp.epsilon_from_gq(1e-3 * GeV, 0.01, convention=TOOL)
    high = dp.epsilon_from_gq(1e4 * TeV, 0.01, convention=TOOL)
    assert float(low) == pytest.approx(math.sqrt(3) * 0.01 / E, rel=1e-6)
    assert float(high) == pytest.approx(0.01 * C2 / (E * math.sqrt(13 / 18)), rel=1e-6)


def test_first_order_over_tool_ratio_table() -> None:
    # PHYSICS.md §5 table of eps_derived / eps_code (two or three significant figures).
    masses = np.array([10, 50, 80, 150, 375, 1000, 1800]) * GeV
    table = [1.03, 1.99, 4.0, 3.3, 2.17, 2.02, 2.01]
    ratio = dp.epsilon_from_gq(masses, 0.1, convention="first-order-mixing", pole_window=0.0)
    ratio /= dp.epsilon_from_gq(masses, 0.1, convention=TOOL, pole_window=0.0)
    np.testing.assert_allclose(ratio, table, rtol=0.02)


def test_pole_window_masks_z_region() -> None:
    masses = np.array([80.0, 85.0, 91.188, 97.0, 105.0]) * GeV
    eps = dp.epsilon_from_gq(masses, 0.05, convention=TOOL)
    np.testing.assert_array_equal(np.isnan(eps), [False, True, True, True, False])
    assert np.all(np.isfinite(dp.epsilon_from_gq(masses[:1], 0.05, convention=TOOL)))


@pytest.mark.parametrize("convention", dp.CONVENTIONS)
def test_round_trip(convention: str) -> None:
    m = np.array([10.0, 500.0, 1800.0]) * GeV
    eps = dp.epsilon_from_gq(m, [0.01, 0.1, 0.3], convention=convention)
    np.testing.assert_allclose(dp.gq_from_epsilon(m, eps, convention=convention),
                               [0.01, 0.1, 0.3], rtol=1e-13)  # fmt: skip


def test_yield_definition() -> None:
    # y = eps^2 alpha_D (m_DM/m_A')^4 with alpha_D = g^2/(4 pi): 1e-4 * 0.5 / 81.
    assert float(dp.alpha_dark(1.0)) == pytest.approx(1 / (4 * math.pi))
    y = dp.yield_parameter(0.01, 1 * GeV, 3 * GeV, alpha_d=0.5)
    assert float(y) == pytest.approx(1e-4 * 0.5 / 81)


def test_errors() -> None:
    with pytest.raises(TranslationDomainError, match="'convention' must be one of"):
        dp.epsilon_from_gq(1 * TeV, 0.1, convention="dmwg")
    with pytest.raises(TranslationDomainError, match="'g_q'"):
        dp.epsilon_from_gq(1 * TeV, -0.1, convention=TOOL)
