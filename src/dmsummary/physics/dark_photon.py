r"""Dark photon from a Z' quark-coupling limit: kinetic mixing ε(g_q, m_Z') and the yield y.

A universal vector quark coupling g_q of a Z' is mapped onto a kinetic mixing ε of a dark
photon of the same mass, and a DM mass and dark coupling onto the yield
y = ε² α_D (m_DM/m_Z')⁴ (Essig et al.; the ``y`` of the thermal-target plots).

Conventions (required, named argument ``convention``):

``"dmwg-2405.13778"``
    The formula of the LHC DM WG dark-photon tool (mamerl/DMWG-dark-photon-tools,
    ``modules/dark_photon.py``, which cites arXiv:2206.03456 and arXiv:2405.13778 §2.1.1.3),
    reproduced exactly so that its published outputs are recovered:
    ε = g_q c_W² |1 - δ| / { e [c_W² √⟨Q²⟩ + δ √⟨Y²⟩] }, δ = (m_Z'/m_Z)², ⟨Q²⟩ = 1/3,
    ⟨Y²⟩ = 13/18, e = √(4πα), with m_Z = 91.1880 GeV, sin²θ_W(MS-bar) = 0.23129,
    α = 1/137.035999084.
``"first-order-mixing"``
    An independent first-order derivation (PHYSICS.md §5, **not** checked against a
    publication): kinetic mixing (ε/2c_W) B_μν X^μν with Z–X mass mixing diagonalised gives
    chiral couplings ε e (c_W² Q - δ Y)/(c_W²(1 - δ)); averaging g² over chiralities and over a
    u:d = 2:1 mix gives ε = g_q c_W² |1 - δ| / (e √(c_W⁴/3 - (7/18) c_W² δ + (13/72) δ²)).

Open doubts (PHYSICS.md §5 and D9), kept visible rather than silently "fixed":

(a) 13/18 is ⟨Y²⟩ for the Q = T₃ + Y/2 normalisation; the coupling formula needs 13/72, so
    the tool's hypercharge term is 2× too large and ε ≈ 2× too small for m_Z' ≫ m_Z
    (y ≈ 4× too strong). (b) The tool adds the Y term with a + sign; the derivation gives a
    relative minus sign. (c) The tool adds rms values linearly and drops ⟨QY⟩ = 7/36.
    Net ratio ε(first-order)/ε(tool) ≈ 1.03, 1.99, 4.0, 3.3, 2.17, 2.02, 2.01 at
    m_Z' = 10, 50, 80, 150, 375, 1000, 1800 GeV. (d) First-order mixing fails near m_Z' ≈ m_Z
    (the tool's ε → 0 at δ = 1 is an artefact): points with |m_Z'/m_Z - 1| < ``pole_window``
    are returned as NaN. (e) The rescaling behind g_q uses g_ℓ = 0, but a dark photon also
    decays to leptons, lowering BR(qq). (f) ε is relative to the photon; ε_Y = ε / c_W.
    (g) y depends on α_D; this benchmark has α_D = 1/(4π), the DD/relic literature 0.5.
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import ArrayLike, NDArray

from dmsummary.constants import ALPHA_EM, M_Z, SIN2_THETA_W_MSBAR
from dmsummary.physics._common import as_array, check_choice, check_nonnegative, check_positive

__all__ = [
    "CONVENTIONS",
    "alpha_dark",
    "epsilon_from_gq",
    "gq_from_epsilon",
    "yield_parameter",
]

CONVENTIONS: tuple[str, ...] = ("dmwg-2405.13778", "first-order-mixing")
"""Valid ``convention`` names for the g_q ↔ ε map."""


def _gq_per_epsilon(
    m_zp: NDArray[np.float64],
    convention: str,
    pole_window: float,
    sin2_theta_w: float,
    m_z: float,
    alpha: float,
) -> NDArray[np.float64]:
    """Return g_q/ε (dimensionless), NaN inside the Z-pole window."""
    check_choice(convention, "convention", CONVENTIONS)
    delta = (m_zp / m_z) ** 2
    c2 = 1.0 - sin2_theta_w
    e = math.sqrt(4.0 * math.pi * alpha)
    if convention == "dmwg-2405.13778":
        mix = c2 * math.sqrt(1.0 / 3.0) + delta * math.sqrt(13.0 / 18.0)
    else:
        mix = np.sqrt(c2**2 / 3.0 - (7.0 / 18.0) * c2 * delta + (13.0 / 72.0) * delta**2)
    with np.errstate(divide="ignore"):  # delta = 1 exactly: masked below unless window = 0
        ratio = e * mix / (c2 * np.abs(1.0 - delta))
    return as_array(np.where(np.abs(m_zp / m_z - 1.0) < pole_window, np.nan, ratio))


def epsilon_from_gq(
    m_zp: ArrayLike,
    g_q: ArrayLike,
    *,
    convention: str,
    pole_window: float = 0.1,
    sin2_theta_w: float = SIN2_THETA_W_MSBAR,
    m_z: float = M_Z,
    alpha: float = ALPHA_EM,
) -> NDArray[np.float64]:
    """Return the kinetic mixing ε equivalent to a universal quark coupling g_q.

    Parameters
    ----------
    m_zp : array_like
        Z' / dark-photon mass [energy], > 0.
    g_q : array_like
        Universal vector quark coupling (dimensionless), ≥ 0, e.g. a rescaled dijet limit.
    convention : {"dmwg-2405.13778", "first-order-mixing"}
        See the module docstring; ``"dmwg-2405.13778"`` reproduces the DM WG tool.
    pole_window : float, optional
        Points with |m_Z'/m_Z - 1| < ``pole_window`` are NaN (first-order mixing invalid);
        default 0.1 (a choice of this project; 0 disables the mask).
    sin2_theta_w : float, optional
        sin²θ_W; default MS-bar 0.23129 (PDG 2024), as in the tool.
    m_z : float, optional
        Z mass [energy]; default 91.1880 GeV.
    alpha : float, optional
        Fine-structure constant; default 1/137.035999084.

    Returns
    -------
    ndarray
        ε (dimensionless, relative to the photon coupling); NaN near the Z pole.
    """
    m = check_positive(m_zp, "m_zp", "dark-photon mass, energy")
    g = check_nonnegative(g_q, "g_q", "quark coupling")
    ratio = _gq_per_epsilon(m, convention, pole_window, sin2_theta_w, m_z, alpha)
    return as_array(g / ratio)


def gq_from_epsilon(
    m_zp: ArrayLike,
    epsilon: ArrayLike,
    *,
    convention: str,
    pole_window: float = 0.1,
    sin2_theta_w: float = SIN2_THETA_W_MSBAR,
    m_z: float = M_Z,
    alpha: float = ALPHA_EM,
) -> NDArray[np.float64]:
    """Return the universal quark coupling g_q equivalent to ε; inverse of :func:`epsilon_from_gq`.

    Parameters
    ----------
    m_zp : array_like
        Dark-photon mass [energy], > 0.
    epsilon : array_like
        Kinetic mixing (dimensionless), ≥ 0.
    convention, pole_window, sin2_theta_w, m_z, alpha
        As in :func:`epsilon_from_gq`.

    Returns
    -------
    ndarray
        g_q (dimensionless); NaN near the Z pole.
    """
    m = check_positive(m_zp, "m_zp", "dark-photon mass, energy")
    eps = check_nonnegative(epsilon, "epsilon", "kinetic mixing")
    ratio = _gq_per_epsilon(m, convention, pole_window, sin2_theta_w, m_z, alpha)
    return as_array(eps * ratio)


def alpha_dark(g_dm: ArrayLike) -> NDArray[np.float64]:
    """Return α_D = g_DM²/(4π).

    Parameters
    ----------
    g_dm : array_like
        Dark coupling (dimensionless), ≥ 0.

    Returns
    -------
    ndarray
        α_D (dimensionless); 1/(4π) = 0.0796 for the DM WG benchmark g_DM = 1.
    """
    g = check_nonnegative(g_dm, "g_dm", "dark coupling")
    return as_array(g**2 / (4.0 * math.pi))


def yield_parameter(
    epsilon: ArrayLike, m_dm: ArrayLike, m_zp: ArrayLike, *, alpha_d: ArrayLike
) -> NDArray[np.float64]:
    """Return the yield y = ε² α_D (m_DM/m_Z')⁴ (arXiv:1108.5383 conventions; DM WG tool).

    Collider limits on y do not scale simply with α_D (g_DM changes the width): compare
    only at the same α_D (PHYSICS.md §5 (g)).

    Parameters
    ----------
    epsilon : array_like
        Kinetic mixing (dimensionless), ≥ 0.
    m_dm : array_like
        DM mass [energy], ≥ 0.
    m_zp : array_like
        Dark-photon mass [energy], > 0.
    alpha_d : array_like
        Dark fine-structure constant α_D, ≥ 0 (see :func:`alpha_dark`).

    Returns
    -------
    ndarray
        y (dimensionless).
    """
    eps = check_nonnegative(epsilon, "epsilon", "kinetic mixing")
    md = check_nonnegative(m_dm, "m_dm", "DM mass, energy")
    mz = check_positive(m_zp, "m_zp", "dark-photon mass, energy")
    ad = check_nonnegative(alpha_d, "alpha_d", "dark fine-structure constant")
    return as_array(eps**2 * ad * (md / mz) ** 4)


def __dir__() -> list[str]:
    return __all__
