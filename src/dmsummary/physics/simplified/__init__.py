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

from dmsummary.physics.simplified._annihilation import (
    dirac_sigmav_limit_from_majorana,
    gq_from_sigmav,
    sigmav,
)
from dmsummary.physics.simplified._direct_detection import (
    scalar_mediator_f_n,
    sigma_sd_axial,
    sigma_si_scalar,
    sigma_si_vector,
)
from dmsummary.physics.simplified._widths import (
    MODELS,
    WIDTH_INPUTS,
    WidthInputs,
    total_width,
    width_to_charged_leptons,
    width_to_dm,
    width_to_gluons,
    width_to_neutrinos,
    width_to_quarks,
)

__all__ = [
    "MODELS",
    "WIDTH_INPUTS",
    "WidthInputs",
    "dirac_sigmav_limit_from_majorana",
    "gq_from_sigmav",
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


def __dir__() -> list[str]:
    return __all__
