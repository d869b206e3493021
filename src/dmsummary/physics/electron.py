r"""DM–electron scattering and bosonic-DM absorption conventions, for common axes.

**DM–electron scattering** (Essig, Mardon, Volansky arXiv:1108.5383 Eqs. (2)-(4); Essig et al.
arXiv:1509.01598): the reference cross-section
σ̄_e = μ_χe² |M(q₀)|²/(16π m_χ² m_e²) is quoted at q₀ = α m_e (3.7289 keV) with the DM form
factor F_DM(q) = M(q)/M(q₀) = 1 (heavy mediator) or (α m_e/q)² (light mediator). Limits are
comparable only for the same F_DM. Use the exact reduced mass μ_χe (replacing it by m_e is a
5 % error at m_χ = 10 MeV). For a dark-photon mediator
σ̄_e = 16π α ε² α_D μ_χe²/(m_A'² + α² m_e²)², whose heavy limit is
σ̄_e = 16π α y μ_χe²/m_χ⁴ with y = ε² α_D (m_χ/m_A')⁴.

**Absorption** (Pospelov, Ritz, Voloshin arXiv:0807.3279; Derevianko et al. arXiv:1007.1833;
Bloch et al. arXiv:1608.02123): non-relativistic ALP absorption is
σ_ae v/(σ_pe(m) c) = 3 m² g_ae²/(16π α m_e²), dark-photon absorption (in-medium effects
neglected) σ_V v = κ² σ_pe(m) c, so equal rates at equal mass need
κ = g_ae (m/m_e) √(3/(16πα)). This is a guide only: experiments quote dark-photon limits
with in-medium corrections, which matter below about 100 eV and near absorption edges.
Some papers call κ "ε".
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import ArrayLike, NDArray

from dmsummary.constants import ALPHA_EM, HBARC_SQ, M_ELECTRON, M_PROTON
from dmsummary.physics._common import as_array, check_choice, check_nonnegative, check_positive

__all__ = [
    "form_factor_dm",
    "gae_from_kappa_equal_rate",
    "kappa_from_gae_equal_rate",
    "proton_only_sigma_from_isospin_limit",
    "reduced_mass",
    "reference_momentum",
    "sigma_e_dark_photon",
    "sigma_e_from_yield",
    "sigma_p_dark_photon",
]

_MEDIATORS = ("heavy", "light")


def reduced_mass(m_1: ArrayLike, m_2: ArrayLike) -> NDArray[np.float64]:
    """Return μ = m₁m₂/(m₁ + m₂).

    Parameters
    ----------
    m_1, m_2 : array_like
        Masses [energy], ≥ 0, not both zero.

    Returns
    -------
    ndarray
        Reduced mass [energy].
    """
    a = check_nonnegative(m_1, "m_1", "mass, energy")
    b = check_nonnegative(m_2, "m_2", "mass, energy")
    return as_array(a * b / (a + b))


def reference_momentum(*, m_e: float = M_ELECTRON, alpha: float = ALPHA_EM) -> float:
    """Return the DM–electron reference momentum transfer q₀ = α m_e (arXiv:1108.5383).

    Parameters
    ----------
    m_e : float, optional
        Electron mass [energy]; default PDG 2024.
    alpha : float, optional
        Fine-structure constant.

    Returns
    -------
    float
        q₀ [energy]; 3.7289 keV.
    """
    return alpha * m_e


def form_factor_dm(q: ArrayLike, *, mediator: str) -> NDArray[np.float64]:
    """Return the DM form factor F_DM(q) of arXiv:1108.5383.

    Parameters
    ----------
    q : array_like
        Momentum transfer [energy], > 0.
    mediator : {"heavy", "light"}
        ``"heavy"``: F_DM = 1 (contact interaction); ``"light"``: F_DM = (α m_e/q)².

    Returns
    -------
    ndarray
        F_DM (dimensionless).
    """
    check_choice(mediator, "mediator", _MEDIATORS)
    qq = check_positive(q, "q", "momentum transfer, energy")
    if mediator == "heavy":
        return as_array(np.ones_like(qq))
    return as_array((reference_momentum() / qq) ** 2)


def sigma_e_from_yield(y: ArrayLike, m_chi: ArrayLike) -> NDArray[np.float64]:
    """Return σ̄_e = 16π α y μ_χe²/m_χ⁴ for a heavy dark photon (F_DM = 1).

    Parameters
    ----------
    y : array_like
        Yield ε² α_D (m_χ/m_A')⁴ (dimensionless), ≥ 0.
    m_chi : array_like
        DM mass [energy], > 0.

    Returns
    -------
    ndarray
        σ̄_e [area]; 3.69e-41 cm² for m_χ = 100 MeV, y = 1e-10.
    """
    yy = check_nonnegative(y, "y", "yield")
    m = check_positive(m_chi, "m_chi", "DM mass, energy")
    mu = reduced_mass(m, M_ELECTRON)
    return as_array(16.0 * math.pi * ALPHA_EM * yy * mu**2 / m**4 * HBARC_SQ)


def sigma_e_dark_photon(
    epsilon: ArrayLike, alpha_d: ArrayLike, m_chi: ArrayLike, m_ap: ArrayLike
) -> NDArray[np.float64]:
    """Return σ̄_e = 16π α ε² α_D μ_χe²/(m_A'² + α² m_e²)² (arXiv:1108.5383 Eq. (4)).

    The propagator is evaluated at the reference momentum q₀ = α m_e.

    Parameters
    ----------
    epsilon : array_like
        Kinetic mixing (dimensionless), ≥ 0.
    alpha_d : array_like
        Dark fine-structure constant, ≥ 0.
    m_chi : array_like
        DM mass [energy], > 0.
    m_ap : array_like
        Dark-photon mass [energy], ≥ 0 (0 gives the light-mediator reference value).

    Returns
    -------
    ndarray
        σ̄_e [area].
    """
    eps = check_nonnegative(epsilon, "epsilon", "kinetic mixing")
    ad = check_nonnegative(alpha_d, "alpha_d", "dark fine-structure constant")
    m = check_positive(m_chi, "m_chi", "DM mass, energy")
    ma = check_nonnegative(m_ap, "m_ap", "dark-photon mass, energy")
    mu = reduced_mass(m, M_ELECTRON)
    prop = ma**2 + reference_momentum() ** 2
    return as_array(16.0 * math.pi * ALPHA_EM * eps**2 * ad * mu**2 / prop**2 * HBARC_SQ)


def sigma_p_dark_photon(
    epsilon: ArrayLike, alpha_d: ArrayLike, m_chi: ArrayLike, m_ap: ArrayLike
) -> NDArray[np.float64]:
    """Return the DM–proton cross-section 16π α ε² α_D μ_χp²/m_A'⁴ of a heavy dark photon.

    The dark photon couples to protons only: compare with an isospin-conserving per-nucleon
    limit through :func:`proton_only_sigma_from_isospin_limit` (PHYSICS.md §6, D11).

    Parameters
    ----------
    epsilon : array_like
        Kinetic mixing (dimensionless), ≥ 0.
    alpha_d : array_like
        Dark fine-structure constant, ≥ 0.
    m_chi : array_like
        DM mass [energy], > 0.
    m_ap : array_like
        Dark-photon mass [energy], > 0.

    Returns
    -------
    ndarray
        σ_p [area].
    """
    eps = check_nonnegative(epsilon, "epsilon", "kinetic mixing")
    ad = check_nonnegative(alpha_d, "alpha_d", "dark fine-structure constant")
    m = check_positive(m_chi, "m_chi", "DM mass, energy")
    ma = check_positive(m_ap, "m_ap", "dark-photon mass, energy")
    mu = reduced_mass(m, M_PROTON)
    return as_array(16.0 * math.pi * ALPHA_EM * eps**2 * ad * mu**2 / ma**4 * HBARC_SQ)


def proton_only_sigma_from_isospin_limit(
    sigma_n_limit: ArrayLike, mass_number: float, atomic_number: float
) -> NDArray[np.float64]:
    """Return the proton-only limit σ_p = σ_N (A/Z)² from an isospin-conserving SI limit.

    Parameters
    ----------
    sigma_n_limit : array_like
        Per-nucleon SI limit assuming f_p = f_n [area], ≥ 0.
    mass_number : float
        Target A (e.g. 131.29 for natural xenon).
    atomic_number : float
        Target Z (54 for xenon), > 0.

    Returns
    -------
    ndarray
        σ_p limit [area]; (A/Z)² = 5.91 for xenon.
    """
    sig = check_nonnegative(sigma_n_limit, "sigma_n_limit", "cross-section, area")
    check_positive(atomic_number, "atomic_number", "target Z")
    check_positive(mass_number, "mass_number", "target A")
    return as_array(sig * (mass_number / atomic_number) ** 2)


def kappa_from_gae_equal_rate(g_ae: ArrayLike, m: ArrayLike) -> NDArray[np.float64]:
    """Return the dark-photon mixing κ absorbed at the same rate as an ALP with coupling g_ae.

    κ = g_ae (m/m_e) √(3/(16πα)) (module docstring; in-medium effects neglected).

    Parameters
    ----------
    g_ae : array_like
        Axion–electron coupling (dimensionless), ≥ 0.
    m : array_like
        Boson mass [energy], ≥ 0.

    Returns
    -------
    ndarray
        κ (dimensionless).
    """
    g = check_nonnegative(g_ae, "g_ae", "axion-electron coupling")
    mm = check_nonnegative(m, "m", "boson mass, energy")
    return as_array(g * mm / M_ELECTRON * math.sqrt(3.0 / (16.0 * math.pi * ALPHA_EM)))


def gae_from_kappa_equal_rate(kappa: ArrayLike, m: ArrayLike) -> NDArray[np.float64]:
    """Return g_ae absorbed at the same rate as a dark photon with mixing κ.

    Inverse of :func:`kappa_from_gae_equal_rate`.

    Parameters
    ----------
    kappa : array_like
        Dark-photon kinetic mixing (dimensionless), ≥ 0.
    m : array_like
        Boson mass [energy], > 0.

    Returns
    -------
    ndarray
        g_ae (dimensionless).
    """
    k = check_nonnegative(kappa, "kappa", "kinetic mixing")
    mm = check_positive(m, "m", "boson mass, energy")
    return as_array(k * M_ELECTRON / mm / math.sqrt(3.0 / (16.0 * math.pi * ALPHA_EM)))


def __dir__() -> list[str]:
    return __all__
