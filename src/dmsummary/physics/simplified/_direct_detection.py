"""Direct-detection translations (private; public names live in ``simplified``)."""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import ArrayLike, NDArray

from dmsummary.constants import (
    DELTA_Q_PROTON,
    F_TQ_NUCLEON,
    HBARC_SQ,
    HIGGS_VEV_ROUNDED,
    M_NUCLEON,
)
from dmsummary.physics._common import as_array, check_choice, check_nonnegative, check_positive
from dmsummary.units import GeV, TeV, cm2

__all__ = ["scalar_mediator_f_n", "sigma_sd_axial", "sigma_si_scalar", "sigma_si_vector"]

_FORMS = ("exact", "dmwg-normalised")
_PI = math.pi


def _reduced_mass(m_dm: NDArray[np.float64], m_n: float) -> NDArray[np.float64]:
    return as_array(m_dm * m_n / (m_dm + m_n))


def _form(form: str) -> str:
    return check_choice(form, "form", _FORMS)


def sigma_si_vector(
    m_med: ArrayLike,
    m_dm: ArrayLike,
    g_q: ArrayLike,
    g_dm: ArrayLike,
    *,
    m_n: float = M_NUCLEON,
    form: str = "exact",
) -> NDArray[np.float64]:
    """Return σ_SI per nucleon for the vector mediator (Dirac DM).

    ``"exact"``: σ = 9 g_q² g_DM² μ²/(π M⁴) (proton and neutron couplings 2g_u + g_d =
    g_u + 2g_d = 3g_q). ``"dmwg-normalised"``: 6.9e-41 cm² (g_q g_DM/0.25)² (1 TeV/M)⁴
    (μ/1 GeV)², Eq. (4.3) of arXiv:1603.04156 as implemented by the peer codes; 1.0 % below
    the exact result. μ = m_n m_DM/(m_n + m_DM).

    Parameters
    ----------
    m_med : array_like
        Mediator mass [energy], > 0.
    m_dm : array_like
        Dark-matter mass [energy], ≥ 0.
    g_q, g_dm : array_like
        Couplings (dimensionless), ≥ 0.
    m_n : float, optional
        Nucleon mass [energy]; default 0.939 GeV (LHC DM WG convention).
    form : {"exact", "dmwg-normalised"}, optional
        Which formula.

    Returns
    -------
    ndarray
        σ_SI [area]. For Majorana DM the vector coupling vanishes: do not use this.
    """
    f = _form(form)
    mm = check_positive(m_med, "m_med", "mediator mass, energy")
    md = check_nonnegative(m_dm, "m_dm", "dark-matter mass, energy")
    gq = check_nonnegative(g_q, "g_q", "quark coupling")
    gd = check_nonnegative(g_dm, "g_dm", "DM coupling")
    mu = _reduced_mass(md, m_n)
    if f == "exact":
        return as_array(9.0 * (gq * gd * mu) ** 2 / (_PI * mm**4) * HBARC_SQ)
    return as_array(6.9e-41 * cm2 * (gq * gd / 0.25) ** 2 * (TeV / mm) ** 4 * (mu / GeV) ** 2)


def sigma_sd_axial(
    m_med: ArrayLike,
    m_dm: ArrayLike,
    g_q: ArrayLike,
    g_dm: ArrayLike,
    *,
    nucleon: str = "proton",
    delta_q: tuple[float, float, float] = DELTA_Q_PROTON,
    m_n: float = M_NUCLEON,
    form: str = "exact",
) -> NDArray[np.float64]:
    """Return σ_SD per proton or neutron for the axial-vector mediator (Dirac DM).

    ``"exact"``: σ = 3 a² g_DM² μ²/(π M⁴) with a = g_q(Δu + Δd + Δs); for the neutron Δu and
    Δd are swapped (isospin), which leaves the sum, and σ, unchanged for universal couplings.
    ``"dmwg-normalised"``: 2.4e-42 cm² (g_q g_DM/0.25)² (1 TeV/M)⁴ (μ/1 GeV)² (Eq. (4.10) of
    arXiv:1603.04156 per the peer codes; the exact form with ΣΔ = 0.32 gives 2.380e-42).

    Parameters
    ----------
    m_med : array_like
        Mediator mass [energy], > 0.
    m_dm : array_like
        Dark-matter mass [energy], ≥ 0.
    g_q, g_dm : array_like
        Couplings (dimensionless), ≥ 0.
    nucleon : {"proton", "neutron"}, optional
        Target nucleon.
    delta_q : tuple of float, optional
        Proton (Δu, Δd, Δs); default (0.84, -0.43, -0.09) (PHYSICS.md §1).
    m_n : float, optional
        Nucleon mass [energy]; default 0.939 GeV.
    form : {"exact", "dmwg-normalised"}, optional
        Which formula.

    Returns
    -------
    ndarray
        σ_SD [area].
    """
    f = _form(form)
    check_choice(nucleon, "nucleon", ("proton", "neutron"))
    mm = check_positive(m_med, "m_med", "mediator mass, energy")
    md = check_nonnegative(m_dm, "m_dm", "dark-matter mass, energy")
    gq = check_nonnegative(g_q, "g_q", "quark coupling")
    gd = check_nonnegative(g_dm, "g_dm", "DM coupling")
    mu = _reduced_mass(md, m_n)
    du, dd, ds = delta_q
    if nucleon == "neutron":
        du, dd = dd, du
    if f == "exact":
        a = gq * (du + dd + ds)
        return as_array(3.0 * (a * gd * mu) ** 2 / (_PI * mm**4) * HBARC_SQ)
    return as_array(2.4e-42 * cm2 * (gq * gd / 0.25) ** 2 * (TeV / mm) ** 4 * (mu / GeV) ** 2)


def scalar_mediator_f_n(f_tq: tuple[float, float, float] = F_TQ_NUCLEON) -> float:
    """Return f_N^S = Σ_{u,d,s} f_Tq + 3 (2/27) f_TG with f_TG = 1 - Σ f_Tq.

    Heavy quarks (c, b, t) are integrated out via m_Q⟨N|Q̄Q|N⟩ = (2/27) m_N f_TG
    (Shifman, Vainshtein, Zakharov); 0.30381 for the default inputs (arXiv:1506.04142,
    arXiv:1301.1114).

    Parameters
    ----------
    f_tq : tuple of float, optional
        (f_Tu, f_Td, f_Ts), dimensionless.

    Returns
    -------
    float
        f_N^S (dimensionless).
    """
    light = float(sum(f_tq))
    return light + 3.0 * (2.0 / 27.0) * (1.0 - light)


def sigma_si_scalar(
    m_med: ArrayLike,
    m_dm: ArrayLike,
    g_q: ArrayLike,
    g_dm: ArrayLike,
    *,
    f_tq: tuple[float, float, float] = F_TQ_NUCLEON,
    v: float = HIGGS_VEV_ROUNDED,
    m_n: float = M_NUCLEON,
    form: str = "exact",
) -> NDArray[np.float64]:
    """Return σ_SI per nucleon for the scalar mediator (Dirac DM).

    ``"exact"``: σ = (μ²/π) [g_q g_DM m_n f_N^S/(v M²)]² with f_N^S from
    :func:`scalar_mediator_f_n` (arXiv:1603.04156 §4; arXiv:1407.8257).
    ``"dmwg-normalised"``: 6.9e-43 cm² (g_q g_DM)² (125 GeV/M)⁴ (μ/1 GeV)² (Eq. (4.6) of
    arXiv:1603.04156 as implemented by iDMEu/Overlaid-DD-Collider-SimplifiedModels); 1.1 %
    above the exact form with the default f_Tq.

    Parameters
    ----------
    m_med : array_like
        Mediator mass [energy], > 0.
    m_dm : array_like
        Dark-matter mass [energy], ≥ 0.
    g_q, g_dm : array_like
        Couplings (dimensionless), ≥ 0.
    f_tq : tuple of float, optional
        (f_Tu, f_Td, f_Ts).
    v : float, optional
        Vev of the coupling definition [energy]; default 246 GeV.
    m_n : float, optional
        Nucleon mass [energy]; default 0.939 GeV.
    form : {"exact", "dmwg-normalised"}, optional
        Which formula.

    Returns
    -------
    ndarray
        σ_SI [area].
    """
    f = _form(form)
    mm = check_positive(m_med, "m_med", "mediator mass, energy")
    md = check_nonnegative(m_dm, "m_dm", "dark-matter mass, energy")
    gq = check_nonnegative(g_q, "g_q", "quark coupling")
    gd = check_nonnegative(g_dm, "g_dm", "DM coupling")
    mu = _reduced_mass(md, m_n)
    if f == "exact":
        amp = gq * gd * m_n * scalar_mediator_f_n(f_tq) / (v * mm**2)
        return as_array(mu**2 / _PI * amp**2 * HBARC_SQ)
    return as_array(6.9e-43 * cm2 * (gq * gd) ** 2 * (125.0 * GeV / mm) ** 4 * (mu / GeV) ** 2)
