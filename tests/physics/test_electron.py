"""DM-electron and absorption conventions."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dmsummary import constants
from dmsummary.exceptions import TranslationDomainError
from dmsummary.physics import electron as el
from dmsummary.units import GeV, MeV, cm2, keV

FAST = settings(max_examples=40, deadline=None, database=None)


def test_reduced_mass_error_of_replacing_by_m_e() -> None:
    # PHYSICS.md §6: replacing mu_chi_e by m_e is a 1 % error at 50 MeV, 5 % at 10 MeV.
    for m, err in ((50 * MeV, 0.010), (10 * MeV, 0.049)):
        mu = el.reduced_mass(m, constants.M_ELECTRON)
        assert float(1 - mu / constants.M_ELECTRON) == pytest.approx(err, abs=1e-3)


def test_heavy_dark_photon_matches_yield_form() -> None:
    eps, alpha_d, m_chi = 1e-5, 0.5, 100 * MeV
    m_ap = 3 * m_chi
    y = eps**2 * alpha_d * (m_chi / m_ap) ** 4
    full = el.sigma_e_dark_photon(eps, alpha_d, m_chi, m_ap)
    heavy = el.sigma_e_from_yield(y, m_chi)
    assert float(full / heavy) == pytest.approx(1.0, rel=1e-8)
    # PHYSICS.md §6: m_chi = 100 MeV, y = 1e-10 gives 3.69e-41 cm^2.
    assert float(el.sigma_e_from_yield(1e-10, 100 * MeV) / cm2) == pytest.approx(
        3.69e-41, rel=1e-3
    )


def test_form_factor() -> None:
    q0 = el.reference_momentum()
    assert q0 / keV == pytest.approx(3.7289, rel=1e-4)
    assert float(el.form_factor_dm(q0, mediator="light")) == pytest.approx(1.0)
    np.testing.assert_array_equal(el.form_factor_dm([q0, 5 * q0], mediator="heavy"), [1, 1])
    with pytest.raises(TranslationDomainError, match="'mediator'"):
        el.form_factor_dm(q0, mediator="massless")


def test_xenon_isospin_factor() -> None:
    # PHYSICS.md §6 / D11: (A/Z)^2 = 5.91 for xenon.
    assert float(el.proton_only_sigma_from_isospin_limit(1.0, 131.29, 54)) == pytest.approx(
        5.91, abs=0.01
    )


def test_sigma_p_scales_with_reduced_mass() -> None:
    a = el.sigma_p_dark_photon(1e-4, 0.5, 1 * GeV, 10 * GeV)
    b = el.sigma_p_dark_photon(1e-4, 0.5, 1e3 * GeV, 10 * GeV)
    mu_a = el.reduced_mass(1 * GeV, constants.M_PROTON)
    mu_b = el.reduced_mass(1e3 * GeV, constants.M_PROTON)
    assert float(b / a) == pytest.approx(float((mu_b / mu_a) ** 2))


@FAST
@given(g=st.floats(1e-16, 1e-9), m=st.floats(1e-3, 1e3))
def test_absorption_round_trip_and_mass_scaling(g: float, m: float) -> None:
    kappa = el.kappa_from_gae_equal_rate(g, m * keV)
    assert kappa > 0
    assert float(el.gae_from_kappa_equal_rate(kappa, m * keV)) == pytest.approx(g, rel=1e-12)
    assert float(el.kappa_from_gae_equal_rate(g, 2 * m * keV) / kappa) == pytest.approx(2.0)


def test_negative_inputs_raise() -> None:
    with pytest.raises(TranslationDomainError, match="'y'"):
        el.sigma_e_from_yield(-1.0, 1 * GeV)
