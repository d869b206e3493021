r"""Higgs portal: invisible Higgs branching ratio ↔ spin-independent DM–nucleon cross-section.

For dark matter lighter than m_H/2 coupled only through the Higgs, the invisible width
Γ_inv = Γ(H → DM DM) and the DM–nucleon cross-section σ_SI are both fixed by the same coupling,
so their ratio K(m_DM) = σ_SI / Γ_inv is coupling-free:

.. math::

   K_S = \frac{c_S\, m_N^4 f_N^2}{m_H^3 v^2 \beta (m + m_N)^2},\quad
   K_F = \frac{c_F\, m^2 m_N^4 f_N^2}{m_H^5 v^2 \beta^3 (m + m_N)^2},\quad
   K_V = \frac{c_V\, m^4 m_N^4 f_N^2}{m_H^7 v^2 \beta (1 - 4r + 12 r^2)(m + m_N)^2},

with β = √(1 - 4r), r = m²/m_H², (Djouadi, Falkowski, Mambrini, Quevillon, arXiv:1205.3169
Eqs. (4)-(6); arXiv:1112.3299) and Γ_inv = Γ_SM B/(1 - B) for an invisible branching ratio B
with SM production and SM visible widths.

The *convention* (a required, named argument) fixes the coefficients (c_S, c_F, c_V) and the
default inputs:

``"djouadi"``
    (4, 8, 16), v = 246 GeV: what ATLAS and CMS use. These coefficients are the results for
    *non-self-conjugate* DM (complex scalar, Dirac fermion, complex vector), although the
    experiments label the fermion curve "Majorana" (PHYSICS.md §3.4, doubt D1).
``"self-conjugate"``
    (8, 16, 32), v = 246 GeV: real scalar, Majorana fermion, real vector, whose decay width
    carries the identical-particle factor 1/2 (PHYSICS.md §3.4, derived from the Lagrangians
    and cross-checked against a script built on Arcadi, Djouadi, Raidal arXiv:1903.03616).
    For a given BR limit it gives a σ_SI limit twice as weak as ``"djouadi"``.
``"espp2026-notebook"``
    (4, 8, 16) with v = 174 GeV, m_N = 0.93895 GeV, f_N = 0.326: the ESPP 2026 Briefing Book
    notebook (Zenodo 10.5281/zenodo.16544850, reconstructed in PHYSICS.md §3.3). It is larger
    than ``"djouadi"`` by (246/174)² = 1.9988, i.e. within 0.12 % of ``"self-conjugate"``. The
    fermion line (coefficient 8, β³) is inferred from fragments of the notebook.

Domain policy: m_DM ≥ m_H/2 is kinematically closed, there is no limit, and every function
returns **NaN** there (the notebook multiplies by a Heaviside step and returns 0; NaN keeps the
point off a log plot and is explicit). Negative masses or branching ratios outside [0, 1)
raise :class:`~dmsummary.exceptions.TranslationDomainError`.

Examples
--------
>>> from dmsummary.physics import higgs_portal
>>> from dmsummary.units import GeV, cm2
>>> sigma = higgs_portal.sigma_si_from_br_inv(
...     0.107, 10 * GeV, kind="fermion", convention="djouadi", v=246.22 * GeV)
>>> print(f"{float(sigma / cm2):.4g}")
5.261e-47
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

import numpy as np
from numpy.typing import ArrayLike, NDArray

from dmsummary.constants import (
    F_N_HIGGS,
    F_N_HIGGS_BAND,
    F_N_HIGGS_LATTICE,
    GAMMA_H_SM,
    HBARC_SQ,
    HIGGS_VEV_ROUNDED,
    M_NUCLEON,
)
from dmsummary.physics._common import (
    as_array,
    check_choice,
    check_nonnegative,
    check_positive,
    check_range,
)
from dmsummary.units import GeV

__all__ = [
    "CONVENTIONS",
    "KINDS",
    "HiggsPortalConvention",
    "br_inv_from_invisible_width",
    "br_inv_from_sigma_si",
    "invisible_width",
    "invisible_width_from_sigma_si",
    "sigma_si_from_br_inv",
    "sigma_si_from_invisible_width",
    "sigma_si_per_invisible_width",
    "vev_from_fermi_constant",
]

KINDS: tuple[str, ...] = ("scalar", "fermion", "vector")
"""Valid ``kind`` values: the spin of the dark-matter particle."""


@dataclass(frozen=True)
class HiggsPortalConvention:
    """Coefficients and default inputs of one Higgs-portal convention (internal units).

    Attributes
    ----------
    name : str
        The convention's name, as passed to ``convention=``.
    coefficients : tuple of float
        (c_S, c_F, c_V) multiplying the scalar, fermion and vector ratios K.
    v : float
        Default Higgs vev [energy].
    m_h : float
        Default Higgs mass [energy].
    gamma_sm : float
        Default SM Higgs width [energy].
    m_n : float
        Default nucleon mass [energy].
    f_n : float
        Default Higgs–nucleon coupling (dimensionless).
    f_n_band : tuple of float
        (low, high) f_N band that goes with ``f_n``.
    reference : str
        Where the convention comes from.
    """

    name: str
    coefficients: tuple[float, float, float]
    v: float
    m_h: float
    gamma_sm: float
    m_n: float
    f_n: float
    f_n_band: tuple[float, float]
    reference: str


CONVENTIONS: Mapping[str, HiggsPortalConvention] = MappingProxyType(
    {
        "djouadi": HiggsPortalConvention(
            name="djouadi",
            coefficients=(4.0, 8.0, 16.0),
            v=HIGGS_VEV_ROUNDED,
            m_h=125.0 * GeV,
            gamma_sm=GAMMA_H_SM,
            m_n=M_NUCLEON,
            f_n=F_N_HIGGS,
            f_n_band=F_N_HIGGS_BAND,
            reference="arXiv:1205.3169 Eqs. (4)-(6); ATLAS arXiv:2301.10731; CMS arXiv:2303.01214",
        ),
        "self-conjugate": HiggsPortalConvention(
            name="self-conjugate",
            coefficients=(8.0, 16.0, 32.0),
            v=HIGGS_VEV_ROUNDED,
            m_h=125.0 * GeV,
            gamma_sm=GAMMA_H_SM,
            m_n=M_NUCLEON,
            f_n=F_N_HIGGS,
            f_n_band=F_N_HIGGS_BAND,
            reference="arXiv:1903.03616 with the identical-particle factor 1/2 (PHYSICS.md §3.4)",
        ),
        "espp2026-notebook": HiggsPortalConvention(
            name="espp2026-notebook",
            coefficients=(4.0, 8.0, 16.0),
            v=174.0 * GeV,
            m_h=125.0 * GeV,
            gamma_sm=0.00407 * GeV,
            m_n=0.93895 * GeV,
            f_n=F_N_HIGGS_LATTICE,
            f_n_band=(0.260, 0.629),
            reference="ESPP 2026 Briefing Book notebook, Zenodo 10.5281/zenodo.16544850",
        ),
    }
)
"""The named conventions (read-only mapping ``name -> HiggsPortalConvention``)."""


def _convention(name: str) -> HiggsPortalConvention:
    return CONVENTIONS[check_choice(name, "convention", CONVENTIONS)]


def vev_from_fermi_constant(g_fermi: ArrayLike) -> NDArray[np.float64]:
    """Return the Higgs vev v = (√2 G_F)^(-1/2).

    Parameters
    ----------
    g_fermi : array_like
        Fermi constant [energy⁻²], e.g. ``1.1663788e-5 / GeV**2``. Must be > 0.

    Returns
    -------
    ndarray
        v [energy]; 246.2196 GeV for the PDG 2024 G_F.

    Raises
    ------
    TranslationDomainError
        If ``g_fermi`` is not positive.
    """
    g = check_positive(g_fermi, "g_fermi", "Fermi constant, energy^-2")
    return as_array((math.sqrt(2.0) * g) ** -0.5)


def invisible_width(br_inv: ArrayLike, *, gamma_sm: float = GAMMA_H_SM) -> NDArray[np.float64]:
    """Return the invisible Higgs width Γ_inv = Γ_SM B / (1 - B).

    Assumes SM Higgs production and SM visible partial widths (PHYSICS.md §3.1).

    Parameters
    ----------
    br_inv : array_like
        Invisible branching ratio B (dimensionless), 0 ≤ B < 1.
    gamma_sm : float, optional
        SM Higgs width [energy]; default 4.07 MeV (arXiv:1610.07922).

    Returns
    -------
    ndarray
        Γ_inv [energy].

    Raises
    ------
    TranslationDomainError
        If any B is outside [0, 1).
    """
    b = check_range(br_inv, "br_inv", "invisible branching ratio", low=0.0, high=1.0)
    return as_array(gamma_sm * b / (1.0 - b))


def br_inv_from_invisible_width(
    gamma_inv: ArrayLike, *, gamma_sm: float = GAMMA_H_SM
) -> NDArray[np.float64]:
    """Return B = Γ_inv / (Γ_SM + Γ_inv), the inverse of :func:`invisible_width`.

    Parameters
    ----------
    gamma_inv : array_like
        Invisible width [energy], ≥ 0.
    gamma_sm : float, optional
        SM Higgs width [energy]; default 4.07 MeV.

    Returns
    -------
    ndarray
        Invisible branching ratio (dimensionless).

    Raises
    ------
    TranslationDomainError
        If any width is negative.
    """
    g = check_nonnegative(gamma_inv, "gamma_inv", "invisible width, energy")
    return as_array(g / (gamma_sm + g))


def sigma_si_per_invisible_width(
    m_dm: ArrayLike,
    *,
    kind: str,
    convention: str,
    f_n: float | None = None,
    m_h: float | None = None,
    v: float | None = None,
    m_n: float | None = None,
) -> NDArray[np.float64]:
    """Return the coupling-free ratio K = σ_SI / Γ_inv (module docstring, arXiv:1205.3169).

    Parameters
    ----------
    m_dm : array_like
        Dark-matter mass [energy], ≥ 0.
    kind : {"scalar", "fermion", "vector"}
        Spin of the dark-matter particle.
    convention : {"djouadi", "self-conjugate", "espp2026-notebook"}
        Coefficients and default inputs (see :data:`CONVENTIONS`).
    f_n : float, optional
        Higgs–nucleon coupling; default from the convention (0.308 for ``"djouadi"`` and
        ``"self-conjugate"``, arXiv:1708.02245; 0.326 for the notebook).
    m_h, v, m_n : float, optional
        Higgs mass, vev and nucleon mass [energy]; defaults from the convention.

    Returns
    -------
    ndarray
        K [area / energy]; NaN where m_DM ≥ m_H/2.

    Raises
    ------
    TranslationDomainError
        For an unknown ``kind`` or ``convention``, or a negative mass.
    """
    conv = _convention(convention)
    check_choice(kind, "kind", KINDS)
    m = check_nonnegative(m_dm, "m_dm", "dark-matter mass, energy")
    fn = conv.f_n if f_n is None else f_n
    mh = conv.m_h if m_h is None else m_h
    vev = conv.v if v is None else v
    mn = conv.m_n if m_n is None else m_n
    c_s, c_f, c_v = conv.coefficients

    r = (m / mh) ** 2
    beta2 = 1.0 - 4.0 * r
    beta2 = np.where(beta2 > 0.0, beta2, np.nan)  # closed channel (m >= m_H/2) -> NaN
    beta = np.sqrt(beta2)
    common = (HBARC_SQ * mn**4 * fn**2 / (vev**2 * mh**3)) / (m + mn) ** 2
    if kind == "scalar":
        k = c_s * common / beta
    elif kind == "fermion":
        k = c_f * common * r / (beta * beta2)
    else:
        k = c_v * common * r**2 / (beta * (1.0 - 4.0 * r + 12.0 * r**2))
    return as_array(k)


def sigma_si_from_invisible_width(
    gamma_inv: ArrayLike,
    m_dm: ArrayLike,
    *,
    kind: str,
    convention: str,
    f_n: float | None = None,
    m_h: float | None = None,
    v: float | None = None,
    m_n: float | None = None,
) -> NDArray[np.float64]:
    """Return σ_SI = K(m_DM) Γ_inv (arXiv:1205.3169 Eqs. (4)-(6)).

    Parameters
    ----------
    gamma_inv : array_like
        Invisible width (upper limit) [energy], ≥ 0.
    m_dm : array_like
        Dark-matter mass [energy], ≥ 0; broadcast against ``gamma_inv``.
    kind, convention, f_n, m_h, v, m_n
        As in :func:`sigma_si_per_invisible_width`.

    Returns
    -------
    ndarray
        Spin-independent DM–nucleon cross-section [area]; NaN where m_DM ≥ m_H/2.
    """
    g = check_nonnegative(gamma_inv, "gamma_inv", "invisible width, energy")
    k = sigma_si_per_invisible_width(
        m_dm, kind=kind, convention=convention, f_n=f_n, m_h=m_h, v=v, m_n=m_n
    )
    return as_array(k * g)


def invisible_width_from_sigma_si(
    sigma_si: ArrayLike,
    m_dm: ArrayLike,
    *,
    kind: str,
    convention: str,
    f_n: float | None = None,
    m_h: float | None = None,
    v: float | None = None,
    m_n: float | None = None,
) -> NDArray[np.float64]:
    """Return Γ_inv = σ_SI / K(m_DM), the inverse of :func:`sigma_si_from_invisible_width`.

    Parameters
    ----------
    sigma_si : array_like
        Spin-independent DM–nucleon cross-section [area], ≥ 0.
    m_dm : array_like
        Dark-matter mass [energy], ≥ 0.
    kind, convention, f_n, m_h, v, m_n
        As in :func:`sigma_si_per_invisible_width`.

    Returns
    -------
    ndarray
        Invisible width [energy]; NaN where m_DM ≥ m_H/2. At m_DM = 0 the fermion and vector
        ratios vanish and the width is ``inf``.
    """
    sig = check_nonnegative(sigma_si, "sigma_si", "cross-section, area")
    k = sigma_si_per_invisible_width(
        m_dm, kind=kind, convention=convention, f_n=f_n, m_h=m_h, v=v, m_n=m_n
    )
    with np.errstate(divide="ignore", invalid="ignore"):  # 0/0 at m_DM = 0 -> NaN
        return as_array(sig / k)


def sigma_si_from_br_inv(
    br_inv: ArrayLike,
    m_dm: ArrayLike,
    *,
    kind: str,
    convention: str,
    f_n: float | None = None,
    m_h: float | None = None,
    v: float | None = None,
    gamma_sm: float | None = None,
    m_n: float | None = None,
) -> NDArray[np.float64]:
    """Translate an invisible-BR upper limit into a σ_SI upper limit.

    σ_SI = K(m_DM) Γ_SM B/(1 - B) (arXiv:1205.3169 Eqs. (4)-(6); PHYSICS.md §3).
    For direct-detection plots, pass the **90 % CL** BR limit (PHYSICS.md D5).

    Parameters
    ----------
    br_inv : array_like
        Invisible branching-ratio limit B (dimensionless), 0 ≤ B < 1.
    m_dm : array_like
        Dark-matter mass [energy], ≥ 0; broadcast against ``br_inv``.
    kind : {"scalar", "fermion", "vector"}
        Spin of the dark-matter particle.
    convention : {"djouadi", "self-conjugate", "espp2026-notebook"}
        See the module docstring; required so the choice is always explicit.
    f_n : float, optional
        Higgs–nucleon coupling; default from the convention. The band of the modern value is
        :data:`dmsummary.constants.F_N_HIGGS_BAND` = (0.290, 0.326) (arXiv:1708.02245).
    m_h, v, gamma_sm, m_n : float, optional
        Higgs mass, vev, SM Higgs width and nucleon mass [energy]; defaults from the convention.

    Returns
    -------
    ndarray
        σ_SI [area] (divide by ``cm2`` for cm²); NaN where m_DM ≥ m_H/2.

    Raises
    ------
    TranslationDomainError
        Unknown ``kind``/``convention``, negative mass, or B outside [0, 1).
    """
    conv = _convention(convention)
    gsm = conv.gamma_sm if gamma_sm is None else gamma_sm
    gamma = invisible_width(br_inv, gamma_sm=gsm)
    return sigma_si_from_invisible_width(
        gamma, m_dm, kind=kind, convention=convention, f_n=f_n, m_h=m_h, v=v, m_n=m_n
    )


def br_inv_from_sigma_si(
    sigma_si: ArrayLike,
    m_dm: ArrayLike,
    *,
    kind: str,
    convention: str,
    f_n: float | None = None,
    m_h: float | None = None,
    v: float | None = None,
    gamma_sm: float | None = None,
    m_n: float | None = None,
) -> NDArray[np.float64]:
    """Translate σ_SI into the invisible branching ratio, the inverse of :func:`sigma_si_from_br_inv`.

    B = Γ_inv / (Γ_SM + Γ_inv) with Γ_inv = σ_SI / K(m_DM).

    Parameters
    ----------
    sigma_si : array_like
        Spin-independent DM–nucleon cross-section [area], ≥ 0.
    m_dm : array_like
        Dark-matter mass [energy], ≥ 0.
    kind, convention, f_n, m_h, v, gamma_sm, m_n
        As in :func:`sigma_si_from_br_inv`.

    Returns
    -------
    ndarray
        Invisible branching ratio (dimensionless, in [0, 1]); NaN where m_DM ≥ m_H/2.
    """
    conv = _convention(convention)
    gsm = conv.gamma_sm if gamma_sm is None else gamma_sm
    gamma = invisible_width_from_sigma_si(
        sigma_si, m_dm, kind=kind, convention=convention, f_n=f_n, m_h=m_h, v=v, m_n=m_n
    )
    with np.errstate(invalid="ignore"):
        b = gamma / (gsm + gamma)
    return as_array(np.where(np.isinf(gamma), 1.0, b))


def __dir__() -> list[str]:
    return __all__
