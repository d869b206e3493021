"""Mediator partial and total widths (private; public names live in ``simplified``)."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

import numpy as np
from numpy.typing import ArrayLike, NDArray

from dmsummary.constants import (
    ALPHA_S_MZ,
    HIGGS_VEV_ROUNDED,
    LEPTON_MASSES_DMWG_COUPLINGSCAN,
    LEPTON_MASSES_PDG2024,
    QUARK_MASSES_DMWG_COUPLINGSCAN,
    QUARK_MASSES_PDG2024,
    LeptonMasses,
    QuarkMasses,
)
from dmsummary.exceptions import TranslationDomainError
from dmsummary.physics._common import as_array, check_choice, check_nonnegative, check_positive

__all__ = [
    "MODELS",
    "WIDTH_INPUTS",
    "WidthInputs",
    "total_width",
    "width_to_charged_leptons",
    "width_to_dm",
    "width_to_gluons",
    "width_to_neutrinos",
    "width_to_quarks",
]

MODELS: tuple[str, ...] = ("vector", "axial", "scalar", "pseudoscalar")
"""Valid mediator ``model`` names."""

_SPIN1 = ("vector", "axial")
_CHUNK = 8192  # block size of total_width on large arrays
_PI = math.pi


@dataclass(frozen=True)
class WidthInputs:
    """Numerical inputs of the width and annihilation formulas (internal units).

    Attributes
    ----------
    name : str
        Preset name.
    quark_masses : QuarkMasses
        u, d, s, c, b, t masses [energy].
    lepton_masses : LeptonMasses
        e, μ, τ masses [energy].
    alpha_s : float
        Strong coupling in the spin-0 gluon width.
    v : float
        Vev in the spin-0 couplings g_q m_q / v [energy].
    n_neutrino_flavours : int
        Number of neutrino terms g_ℓ² M/(24π) in spin-1 widths.
    """

    name: str
    quark_masses: QuarkMasses
    lepton_masses: LeptonMasses
    alpha_s: float
    v: float
    n_neutrino_flavours: int


WIDTH_INPUTS: Mapping[str, WidthInputs] = MappingProxyType(
    {
        "pdg2024": WidthInputs(
            "pdg2024", QUARK_MASSES_PDG2024, LEPTON_MASSES_PDG2024, ALPHA_S_MZ,
            HIGGS_VEV_ROUNDED, 3,
        ),
        "dmwg-couplingscan": WidthInputs(
            "dmwg-couplingscan", QUARK_MASSES_DMWG_COUPLINGSCAN,
            LEPTON_MASSES_DMWG_COUPLINGSCAN, 0.130, HIGGS_VEV_ROUNDED, 1,
        ),
    }
)  # fmt: skip
"""Named :class:`WidthInputs` presets (read-only mapping)."""


def _inputs(inputs: str | WidthInputs) -> WidthInputs:
    if isinstance(inputs, WidthInputs):
        return inputs
    return WIDTH_INPUTS[check_choice(inputs, "inputs", WIDTH_INPUTS)]


def _model(model: str) -> str:
    return check_choice(model, "model", MODELS)


def _fermion_factor(model: str, z: NDArray[np.float64]) -> NDArray[np.float64]:
    """Threshold factor of a fermion pair with z = m²/M²: (1+2z)β, β³ (spin 1) or β³, β (spin 0).

    Written with in-place operations: this is the inner loop of every width (bench_physics.py).
    """
    beta2 = np.multiply(z, -4.0, out=np.empty(np.shape(z)))
    beta2 += 1.0
    np.maximum(beta2, 0.0, out=beta2)
    beta = np.sqrt(beta2)
    if model == "vector":
        factor = z * 2.0
        factor += 1.0
        beta *= factor
        return beta
    if model in ("axial", "scalar"):
        beta *= beta2
    return beta


def width_to_dm(
    model: str, m_med: ArrayLike, m_dm: ArrayLike, g_dm: ArrayLike
) -> NDArray[np.float64]:
    """Return Γ(mediator → χχ̄) for Dirac DM.

    Vector g²M/(12π)(1+2z)β, axial g²M β³/(12π), scalar g²M β³/(8π), pseudoscalar g²M β/(8π),
    with z = m_DM²/M², β = √(1-4z) (arXiv:1507.00966 Eqs. (2.3), (2.9)); zero below threshold.

    Parameters
    ----------
    model : {"vector", "axial", "scalar", "pseudoscalar"}
        Mediator type.
    m_med : array_like
        Mediator mass M [energy], > 0.
    m_dm : array_like
        Dark-matter mass [energy], ≥ 0.
    g_dm : array_like
        DM coupling (dimensionless), ≥ 0.

    Returns
    -------
    ndarray
        Partial width [energy].
    """
    model = _model(model)
    mm = check_positive(m_med, "m_med", "mediator mass, energy")
    md = check_nonnegative(m_dm, "m_dm", "dark-matter mass, energy")
    g = check_nonnegative(g_dm, "g_dm", "DM coupling")
    norm = 12.0 * _PI if model in _SPIN1 else 8.0 * _PI
    return as_array(g**2 * mm / norm * _fermion_factor(model, (md / mm) ** 2))


def width_to_quarks(
    model: str,
    m_med: ArrayLike,
    g_q: ArrayLike,
    *,
    inputs: str | WidthInputs = "pdg2024",
    quark: str | None = None,
) -> NDArray[np.float64]:
    """Return Γ(mediator → qq̄), summed over flavours or for one ``quark``.

    Spin 1: 3g_q²M/(12π)(1+2z)β (vector), 3g_q²M β³/(12π) (axial); spin 0:
    3g_q² m_q² M β³/(8πv²) (scalar), 3g_q² m_q² M β/(8πv²) (pseudoscalar)
    (arXiv:1507.00966 Eqs. (2.3), (2.9)); zero below threshold.

    Parameters
    ----------
    model : {"vector", "axial", "scalar", "pseudoscalar"}
        Mediator type.
    m_med : array_like
        Mediator mass [energy], > 0.
    g_q : array_like
        Universal quark coupling (dimensionless), ≥ 0.
    inputs : str or WidthInputs, optional
        Preset name (``"pdg2024"``, ``"dmwg-couplingscan"``) or custom inputs.
    quark : {"u", "d", "s", "c", "b", "t"}, optional
        A single channel; default is the sum over all six.

    Returns
    -------
    ndarray
        Partial width [energy].
    """
    model = _model(model)
    inp = _inputs(inputs)
    mm = check_positive(m_med, "m_med", "mediator mass, energy")
    g = check_nonnegative(g_q, "g_q", "quark coupling")
    names = (
        QuarkMasses._fields
        if quark is None
        else (check_choice(quark, "quark", QuarkMasses._fields),)
    )
    inv_m2 = 1.0 / mm**2
    total = np.zeros(mm.shape)
    for name in names:
        mq = getattr(inp.quark_masses, name)
        f = _fermion_factor(model, mq**2 * inv_m2)
        if model not in _SPIN1:
            f *= (mq / inp.v) ** 2
        total += f
    norm = 4.0 * _PI if model in _SPIN1 else 8.0 * _PI / 3.0
    return as_array(g**2 * mm / norm * total)


def width_to_charged_leptons(
    model: str,
    m_med: ArrayLike,
    g_l: ArrayLike,
    *,
    inputs: str | WidthInputs = "pdg2024",
) -> NDArray[np.float64]:
    """Return Γ(mediator → ℓ⁺ℓ⁻) summed over e, μ, τ (spin-1 mediators only).

    g_ℓ²M/(12π)(1+2z)β (vector) or g_ℓ²M β³/(12π) (axial) per flavour (arXiv:1703.05703
    Eqs. (2.3)-(2.4)). Spin-0 mediators have no lepton couplings in these models: zero.

    Parameters
    ----------
    model : {"vector", "axial", "scalar", "pseudoscalar"}
        Mediator type.
    m_med : array_like
        Mediator mass [energy], > 0.
    g_l : array_like
        Lepton coupling (dimensionless), ≥ 0.
    inputs : str or WidthInputs, optional
        Preset or custom inputs (lepton masses).

    Returns
    -------
    ndarray
        Partial width [energy].
    """
    model = _model(model)
    inp = _inputs(inputs)
    mm = check_positive(m_med, "m_med", "mediator mass, energy")
    g = check_nonnegative(g_l, "g_l", "lepton coupling")
    if model not in _SPIN1:
        return as_array(np.zeros(np.broadcast_shapes(mm.shape, g.shape)))
    inv_m2 = 1.0 / mm**2
    total = np.zeros(mm.shape)
    for ml in inp.lepton_masses:
        total += _fermion_factor(model, ml**2 * inv_m2)
    return as_array(g**2 * mm / (12.0 * _PI) * total)


def width_to_neutrinos(
    model: str,
    m_med: ArrayLike,
    g_l: ArrayLike,
    *,
    inputs: str | WidthInputs = "pdg2024",
) -> NDArray[np.float64]:
    """Return Γ(mediator → νν̄) = n_ν g_ℓ² M/(24π) (spin-1 only; arXiv:1703.05703 Eq. (2.5)).

    ``n_ν`` is ``inputs.n_neutrino_flavours``: 3 for ``"pdg2024"``, 1 for
    ``"dmwg-couplingscan"``, which counts one term only (PHYSICS.md D6).

    Parameters
    ----------
    model : {"vector", "axial", "scalar", "pseudoscalar"}
        Mediator type; zero for spin 0.
    m_med : array_like
        Mediator mass [energy], > 0.
    g_l : array_like
        Lepton coupling (dimensionless), ≥ 0; |g_ν| = g_ℓ.
    inputs : str or WidthInputs, optional
        Preset or custom inputs.

    Returns
    -------
    ndarray
        Partial width [energy].
    """
    model = _model(model)
    inp = _inputs(inputs)
    mm = check_positive(m_med, "m_med", "mediator mass, energy")
    g = check_nonnegative(g_l, "g_l", "lepton coupling")
    n = inp.n_neutrino_flavours if model in _SPIN1 else 0
    return as_array(n * g**2 * mm / (24.0 * _PI))


def _loop_f(tau: NDArray[np.float64]) -> NDArray[np.complex128]:
    """F(τ) = arcsin²(1/√τ) for τ ≥ 1, -(1/4)[ln((1+√(1-τ))/(1-√(1-τ))) - iπ]² for τ < 1."""
    above = np.arcsin(np.sqrt(1.0 / np.maximum(tau, 1.0))) ** 2
    root = np.sqrt(np.clip(1.0 - tau, 0.0, None))
    with np.errstate(divide="ignore"):
        log = np.log((1.0 + root) / (1.0 - root))
    below = -0.25 * (log - 1j * _PI) ** 2
    return np.where(tau >= 1.0, above + 0j, below)


def width_to_gluons(
    model: str,
    m_med: ArrayLike,
    g_q: ArrayLike,
    *,
    inputs: str | WidthInputs = "pdg2024",
) -> NDArray[np.float64]:
    """Return the top-loop width Γ(mediator → gg) for spin-0 mediators.

    Γ = α_s² g_q² M³/(32π³v²) |f(τ)|², τ = 4m_t²/M², f_S = τ[1 + (1-τ)F(τ)], f_P = τF(τ)
    (arXiv:1507.00966 Eq. (2.10)); F as in the module source, continued below τ = 1.
    Zero for spin-1 mediators.

    Parameters
    ----------
    model : {"vector", "axial", "scalar", "pseudoscalar"}
        Mediator type.
    m_med : array_like
        Mediator mass [energy], > 0.
    g_q : array_like
        Quark coupling (dimensionless), ≥ 0.
    inputs : str or WidthInputs, optional
        Preset or custom inputs (α_s, v, m_t).

    Returns
    -------
    ndarray
        Partial width [energy].
    """
    model = _model(model)
    inp = _inputs(inputs)
    mm = check_positive(m_med, "m_med", "mediator mass, energy")
    g = check_nonnegative(g_q, "g_q", "quark coupling")
    if model in _SPIN1:
        return as_array(np.zeros(np.broadcast_shapes(mm.shape, g.shape)))
    tau = 4.0 * inp.quark_masses.t**2 / mm**2
    big_f = _loop_f(as_array(tau))
    f = tau * (1.0 + (1.0 - tau) * big_f) if model == "scalar" else tau * big_f
    pref = inp.alpha_s**2 * g**2 * mm**3 / (32.0 * _PI**3 * inp.v**2)
    return as_array(pref * np.abs(f) ** 2)


def total_width(
    model: str,
    m_med: ArrayLike,
    m_dm: ArrayLike,
    g_q: ArrayLike,
    g_dm: ArrayLike,
    g_l: ArrayLike = 0.0,
    *,
    inputs: str | WidthInputs = "pdg2024",
) -> NDArray[np.float64]:
    """Return the minimal total mediator width (arXiv:1507.00966 §2; arXiv:1703.05703 §2).

    Sum of :func:`width_to_dm`, :func:`width_to_quarks`, :func:`width_to_charged_leptons`,
    :func:`width_to_neutrinos` and :func:`width_to_gluons`.

    Parameters
    ----------
    model : {"vector", "axial", "scalar", "pseudoscalar"}
        Mediator type.
    m_med : array_like
        Mediator mass [energy], > 0.
    m_dm : array_like
        Dark-matter mass [energy], ≥ 0.
    g_q, g_dm : array_like
        Quark and DM couplings (dimensionless), ≥ 0.
    g_l : array_like, optional
        Lepton coupling, ≥ 0; must be 0 for spin-0 mediators (no lepton couplings).
    inputs : str or WidthInputs, optional
        ``"pdg2024"`` (default) or ``"dmwg-couplingscan"`` (reproduces that code), or custom.

    Returns
    -------
    ndarray
        Total width [energy].

    Raises
    ------
    TranslationDomainError
        Unknown model/inputs, negative couplings or masses, or g_l ≠ 0 for a spin-0 mediator.
    """
    model = _model(model)
    gl = check_nonnegative(g_l, "g_l", "lepton coupling")
    if model not in _SPIN1 and np.any(gl != 0):
        msg = (
            f"argument 'g_l' must be 0 for the {model!r} mediator (the spin-0 simplified models "
            "of arXiv:1507.00966 have no lepton couplings); got a non-zero value"
        )
        raise TranslationDomainError(msg)
    args = [as_array(a) for a in (m_med, m_dm, g_q, g_dm, gl)]
    shape = np.broadcast_shapes(*(a.shape for a in args))
    size = math.prod(shape)
    if size > _CHUNK:
        # Evaluate cache-sized blocks: the many temporaries then stay in cache (about 2x
        # faster on 1e6 points); each block is validated again by the recursive call.
        flat = [np.broadcast_to(a, shape).reshape(-1) for a in args]
        out = np.empty(size)
        for start in range(0, size, _CHUNK):
            block = slice(start, start + _CHUNK)
            out[block] = total_width(model, *(a[block] for a in flat), inputs=inputs)
        return out.reshape(shape)
    width = width_to_dm(model, m_med, m_dm, g_dm) + width_to_quarks(
        model, m_med, g_q, inputs=inputs
    )
    if model in _SPIN1:
        width = (
            width
            + width_to_charged_leptons(model, m_med, gl, inputs=inputs)
            + width_to_neutrinos(model, m_med, gl, inputs=inputs)
        )
    else:
        width = width + width_to_gluons(model, m_med, g_q, inputs=inputs)
    return as_array(width)
