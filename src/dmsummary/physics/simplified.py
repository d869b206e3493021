r"""LHC DM WG s-channel simplified models: mediator widths, DD cross-sections and ``<σv>``.

Models (Dirac DM χ, couplings universal in quark flavour; arXiv:1507.00966, arXiv:1703.05703):

- ``"vector"``: g_DM Z'χ̄γ^μχ + g_q Σ_q Z'q̄γ^μq + g_ℓ Σ_ℓ Z'ℓ̄γ^μℓ (+ g_ν = g_ℓ for ν_L)
- ``"axial"``: the same with γ^μγ⁵ everywhere (g_ν = -g_ℓ)
- ``"scalar"``: g_DM φχ̄χ + φ Σ_q g_q (m_q/v) q̄q, v = 246 GeV
- ``"pseudoscalar"``: i g_DM aχ̄γ⁵χ + i a Σ_q g_q (m_q/v) q̄γ⁵q

Widths follow arXiv:1507.00966 §2.1-2.2 (spin-1 and spin-0 minimal widths, gluon loop included
for spin 0) and arXiv:1703.05703 Eqs. (2.3)-(2.6) (leptons, neutrinos). DD translations follow
arXiv:1603.04156 §4, both exact and in the normalised forms (Eqs. 4.3, 4.6, 4.10 as cited by
the peer codes). Annihilation rates follow arXiv:1703.05703 (s-wave, Dirac χχ̄).

Numerical inputs (quark and lepton masses, α_s, v, number of neutrino flavours) are bundled in
a named :class:`WidthInputs` preset:

``"pdg2024"`` (default)
    PDG 2024 masses, α_s = α_s(m_Z) = 0.118 (fixed; a running α_s(M) would lower the gluon
    width), v = 246 GeV, **three** neutrino flavours (the physics-correct count).
``"dmwg-couplingscan"``
    The inputs hard-coded in LHC-DMWG/DMWG-couplingScan-code: its masses, α_s = 0.130, v = 246
    GeV and a **single** neutrino term (PHYSICS.md D6). Use it only to reproduce that code.

Domain policy: a channel below threshold (M < 2m) contributes zero; couplings are magnitudes
and must be ≥ 0, mediator masses > 0, otherwise
:class:`~dmsummary.exceptions.TranslationDomainError` is raised.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

import numpy as np
from numpy.typing import ArrayLike, NDArray

from dmsummary.constants import (
    ALPHA_S_MZ,
    C_LIGHT,
    DELTA_Q_PROTON,
    F_TQ_NUCLEON,
    HBARC_SQ,
    HIGGS_VEV_ROUNDED,
    LEPTON_MASSES_DMWG_COUPLINGSCAN,
    LEPTON_MASSES_PDG2024,
    M_NUCLEON,
    QUARK_MASSES_DMWG_COUPLINGSCAN,
    QUARK_MASSES_PDG2024,
    LeptonMasses,
    QuarkMasses,
)
from dmsummary.exceptions import TranslationDomainError
from dmsummary.physics._common import as_array, check_choice, check_nonnegative, check_positive
from dmsummary.units import GeV, TeV, cm2

__all__ = [
    "MODELS",
    "WIDTH_INPUTS",
    "WidthInputs",
    "dirac_sigmav_limit_from_majorana",
    "scalar_mediator_f_n",
    "sigma_sd_axial",
    "sigma_si_scalar",
    "sigma_si_vector",
    "sigmav",
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
_FORMS = ("exact", "dmwg-normalised")
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


def sigmav(
    model: str,
    m_med: ArrayLike,
    m_dm: ArrayLike,
    g_q: ArrayLike,
    g_dm: ArrayLike,
    width: ArrayLike,
    *,
    inputs: str | WidthInputs = "pdg2024",
    quark: str | None = None,
) -> NDArray[np.float64]:
    """Return the s-wave ``<σv>`` of Dirac χχ̄ → qq̄ through an s-channel mediator.

    With D = (M² - 4m²)² + M²Γ², β_q = √(1 - m_q²/m²), summed over open channels
    (arXiv:1703.05703 §4; re-derived in PHYSICS.md §4.3):

    - pseudoscalar: 3 g_q² g_DM² m_q² m² β_q / (2π v² D)
    - vector: 3 g_q² g_DM² β_q (2m² + m_q²) / (2π D)
    - axial: 3 g_q² g_DM² β_q m_q² (4m² - M²)² / (2π M⁴ D) (helicity suppressed)

    The scalar mediator annihilates in p-wave only and is rejected. **Dirac vs Majorana**:
    this is the χχ̄ rate of Dirac DM; compare it with published (self-conjugate) indirect
    limits through :func:`dirac_sigmav_limit_from_majorana` (PHYSICS.md D4).

    Parameters
    ----------
    model : {"vector", "axial", "pseudoscalar"}
        Mediator type.
    m_med : array_like
        Mediator mass [energy], > 0.
    m_dm : array_like
        Dark-matter mass [energy], > 0.
    g_q, g_dm : array_like
        Couplings (dimensionless), ≥ 0.
    width : array_like
        Total mediator width [energy], ≥ 0 (e.g. from :func:`total_width`).
    inputs : str or WidthInputs, optional
        Preset for quark masses and v; default ``"pdg2024"``.
    quark : {"u", "d", "s", "c", "b", "t"}, optional
        One channel (e.g. ``"b"`` for bb̄, ``"t"`` for tt̄); default: sum of open channels.

    Returns
    -------
    ndarray
        ``<σv>`` [volume/time] (divide by ``cm3 / s``); zero for closed channels.
    """
    model = check_choice(model, "model", ("vector", "axial", "pseudoscalar"))
    inp = _inputs(inputs)
    mm = check_positive(m_med, "m_med", "mediator mass, energy")
    md = check_positive(m_dm, "m_dm", "dark-matter mass, energy")
    gq = check_nonnegative(g_q, "g_q", "quark coupling")
    gd = check_nonnegative(g_dm, "g_dm", "DM coupling")
    gam = check_nonnegative(width, "width", "mediator width, energy")
    names = (
        QuarkMasses._fields
        if quark is None
        else (check_choice(quark, "quark", QuarkMasses._fields),)
    )
    denom = (mm**2 - 4.0 * md**2) ** 2 + mm**2 * gam**2
    total = np.zeros(np.broadcast_shapes(mm.shape, md.shape, gam.shape))
    for name in names:
        mq = getattr(inp.quark_masses, name)
        beta = np.sqrt(np.maximum(1.0 - (mq / md) ** 2, 0.0))
        if model == "pseudoscalar":
            term = mq**2 * md**2 * beta / inp.v**2
        elif model == "vector":
            term = (2.0 * md**2 + mq**2) * beta
        else:
            term = mq**2 * (4.0 * md**2 - mm**2) ** 2 / mm**4 * beta
        total = total + term
    natural = 3.0 * (gq * gd) ** 2 * total / (2.0 * _PI * denom)
    return as_array(natural * HBARC_SQ * C_LIGHT)


def dirac_sigmav_limit_from_majorana(sigmav_limit: ArrayLike) -> NDArray[np.float64]:
    """Return the ``<σv>`` limit for Dirac DM from a limit derived for self-conjugate DM.

    The annihilation rate per volume is ρ²<σv>/(2m²) for Majorana DM but ρ²<σv>/(4m²) for
    Dirac DM with equal χ and χ̄ densities, so the Dirac χχ̄ limit is **2×** the published
    (Majorana) limit (PHYSICS.md D4).

    Parameters
    ----------
    sigmav_limit : array_like
        Published ``<σv>`` upper limit assuming self-conjugate DM [volume/time], ≥ 0.

    Returns
    -------
    ndarray
        The equivalent limit on the Dirac χχ̄ ``<σv>`` of :func:`sigmav` [volume/time].
    """
    return as_array(2.0 * check_nonnegative(sigmav_limit, "sigmav_limit", "volume/time"))


def __dir__() -> list[str]:
    return __all__
