"""Physical constants and conventional inputs used by the physics translations.

Every value is stored in the internal (hepunits/CLHEP) unit system of
:mod:`dmsummary.units`: *multiply by a unit going in, divide going out*. Each
constant's docstring gives its value in conventional units, its source and,
where it matters, which curves depend on it. Unless stated otherwise the
source is the Review of Particle Physics, PDG 2024 (S. Navas et al.,
Phys. Rev. D 110 (2024) 030001), and the research note
``shared/physics/PHYSICS.md`` §1 of this project.

Natural units (ħ = c = 1) are used for masses, so a mass carries energy units.
A quantity computed in natural units as GeV⁻² becomes an area by multiplying
by :data:`HBARC_SQ` and a ``<σv>`` (volume per time) by
``HBARC_SQ * C_LIGHT``.

Examples
--------
>>> from dmsummary.constants import HBARC_SQ, C_LIGHT
>>> from dmsummary.units import GeV, cm2, cm3, s
>>> print(f"{(1 / GeV**2) * HBARC_SQ / cm2:.6e}")
3.893794e-28
>>> print(f"{(1 / GeV**2) * HBARC_SQ * C_LIGHT / (cm3 / s):.5e}")
1.16733e-17
"""

from __future__ import annotations

import math
from typing import NamedTuple

from hepunits import constants as _c

from dmsummary.units import GeV, cm3

__all__ = [
    "ALPHA_EM",
    "ALPHA_S_MZ",
    "C_LIGHT",
    "DELTA_Q_PROTON",
    "F_N_HIGGS",
    "F_N_HIGGS_BAND",
    "F_N_HIGGS_LATTICE",
    "F_N_HIGGS_LATTICE_BAND",
    "F_TQ_NUCLEON",
    "GAMMA_H_SM",
    "G_FERMI",
    "HBARC",
    "HBARC_SQ",
    "HIGGS_VEV",
    "HIGGS_VEV_ROUNDED",
    "LEPTON_MASSES_DMWG_COUPLINGSCAN",
    "LEPTON_MASSES_PDG2024",
    "M_ELECTRON",
    "M_H",
    "M_NEUTRON",
    "M_NUCLEON",
    "M_PROTON",
    "M_W",
    "M_Z",
    "QUARK_MASSES_DMWG_COUPLINGSCAN",
    "QUARK_MASSES_PDG2024",
    "RHO_DM_LOCAL",
    "SIN2_THETA_W_MSBAR",
    "LeptonMasses",
    "QuarkMasses",
]


class QuarkMasses(NamedTuple):
    """Masses of the six quarks (internal energy units), an immutable record.

    Fields are ``u, d, s, c, b, t``; iterate with ``zip(QuarkMasses._fields, masses)``.
    """

    u: float
    d: float
    s: float
    c: float
    b: float
    t: float


class LeptonMasses(NamedTuple):
    """Masses of the three charged leptons (internal energy units)."""

    e: float
    mu: float
    tau: float


# --- unit conversions through the internal system ---------------------------------------

HBARC: float = _c.hbarc
"""ħc = 0.1973269804 GeV fm (exact since the 2019 SI; PDG 2024 Table 1.1), from hepunits."""

HBARC_SQ: float = _c.hbarc**2
"""(ħc)² = 0.3893793721 GeV² mb. Multiply a natural-unit cross-section (energy⁻²) by this
to obtain an internal area: 1 GeV⁻² = 3.893793721e-28 cm² (PDG 2024 Table 1.1)."""

C_LIGHT: float = _c.c_light
"""Speed of light c = 2.99792458e10 cm/s (exact), from hepunits. ``HBARC_SQ * C_LIGHT``
turns a natural-unit ``<σv>`` (GeV⁻²) into volume per time: 1 GeV⁻² = 1.16733e-17 cm³/s."""

# --- electroweak ---------------------------------------------------------------------------

ALPHA_EM: float = 1 / 137.035999084
"""Fine-structure constant at q² = 0, α = 1/137.035999084 (PDG 2024, CODATA 2018).
CODATA 2022 (1/137.035999177) differs by < 1e-9."""

G_FERMI: float = 1.1663788e-5 / GeV**2
"""Fermi constant G_F = 1.1663788e-5 GeV⁻² (PDG 2024)."""

HIGGS_VEV: float = (math.sqrt(2.0) * G_FERMI) ** -0.5
"""Higgs vacuum expectation value v = (√2 G_F)^(-1/2) = 246.2196 GeV, derived from
:data:`G_FERMI`."""

HIGGS_VEV_ROUNDED: float = 246.0 * GeV
"""The 246 GeV shortcut for v used by ATLAS, CMS and the LHC DM WG (arXiv:1507.00966,
arXiv:1205.3169 as applied by the experiments). It defines the simplified-model
spin-0 couplings ``g_q m_q / v``."""

M_Z: float = 91.1880 * GeV
"""Z boson mass, 91.1880 ± 0.0020 GeV (PDG 2024)."""

M_W: float = 80.3692 * GeV
"""W boson mass, 80.3692 ± 0.0133 GeV (PDG 2024)."""

M_H: float = 125.20 * GeV
"""Higgs boson mass, 125.20 ± 0.11 GeV (PDG 2024). The Higgs-portal conventions use 125 GeV."""

GAMMA_H_SM: float = 4.07e-3 * GeV
"""SM Higgs width, 4.07 MeV at m_H = 125.0 GeV (LHC Higgs XS WG YR4, arXiv:1610.07922).
About 4.09 MeV at 125.09 GeV and 4.1 MeV at 125.2 GeV."""

SIN2_THETA_W_MSBAR: float = 0.23129
"""sin²θ_W in the MS-bar scheme at m_Z, 0.23129 ± 0.00004 (PDG 2024). Used by the DM WG
dark-photon tool. The on-shell value 1 - m_W²/m_Z² = 0.2232 is *not* the one to use there."""

ALPHA_S_MZ: float = 0.1180
"""Strong coupling α_s(m_Z) = 0.1180 ± 0.0009 (PDG 2024). The DM WG coupling-scan code
uses a fixed 0.130 in the spin-0 gluon width instead."""

# --- masses ---------------------------------------------------------------------------------

M_ELECTRON: float = 0.51099895000e-3 * GeV
"""Electron mass, 0.51099895000 MeV (PDG 2024)."""

M_PROTON: float = 0.93827208816 * GeV
"""Proton mass, 0.93827208816 GeV (PDG 2024)."""

M_NEUTRON: float = 0.93956542052 * GeV
"""Neutron mass, 0.93956542052 GeV (PDG 2024)."""

M_NUCLEON: float = 0.939 * GeV
"""Nucleon mass 0.939 GeV: the convention of ATLAS, CMS and the LHC DM WG translations
(arXiv:1603.04156). Not a measured constant."""

QUARK_MASSES_PDG2024: QuarkMasses = QuarkMasses(
    u=2.16e-3 * GeV,
    d=4.70e-3 * GeV,
    s=93.5e-3 * GeV,
    c=1.2730 * GeV,
    b=4.183 * GeV,
    t=172.57 * GeV,
)
"""Quark masses (PDG 2024): u, d, s MS-bar at 2 GeV (2.16, 4.70, 93.5 MeV); m_c(m_c) = 1.2730,
m_b(m_b) = 4.183 GeV; top from direct measurements, 172.57 ± 0.29 GeV. To be re-checked
against the PDG 2024 listings (PHYSICS.md §1 caveat)."""

QUARK_MASSES_DMWG_COUPLINGSCAN: QuarkMasses = QuarkMasses(
    u=0.0024 * GeV,
    d=0.0048 * GeV,
    s=0.104 * GeV,
    c=1.27 * GeV,
    b=4.2 * GeV,
    t=171.2 * GeV,
)
"""Quark masses hard-coded in LHC-DMWG/DMWG-couplingScan-code (``scan.py``): u 0.0024,
d 0.0048, s 0.104, c 1.27, b 4.2, t 171.2 GeV. Use them only to reproduce that code."""

LEPTON_MASSES_PDG2024: LeptonMasses = LeptonMasses(
    e=0.51099895000e-3 * GeV,
    mu=0.1056583755 * GeV,
    tau=1.77693 * GeV,
)
"""Charged-lepton masses (PDG 2024): 0.51099895 MeV, 105.6583755 MeV, 1.77693 GeV."""

LEPTON_MASSES_DMWG_COUPLINGSCAN: LeptonMasses = LeptonMasses(
    e=0.000511 * GeV,
    mu=0.105658 * GeV,
    tau=1.77682 * GeV,
)
"""Charged-lepton masses of LHC-DMWG/DMWG-couplingScan-code: 0.000511, 0.105658, 1.77682 GeV."""

# --- nucleon matrix elements ---------------------------------------------------------------

F_N_HIGGS: float = 0.308
"""Higgs-nucleon coupling f_N = 0.308 ± 0.018 (Hoferichter, Klos, Menéndez, Schwenk,
arXiv:1708.02245). Believed to be the value of ATLAS arXiv:2301.10731 and CMS
arXiv:2303.01214 (unverified, PHYSICS.md D12)."""

F_N_HIGGS_BAND: tuple[float, float] = (0.290, 0.326)
"""(low, high) = 0.308 ∓ 0.018: the 1σ band of :data:`F_N_HIGGS` (arXiv:1708.02245)."""

F_N_HIGGS_LATTICE: float = 0.326
"""Older lattice value f_N = 0.326 used by Djouadi et al. (arXiv:1112.3299, arXiv:1205.3169),
the CMS HIG-17-023 macro and the ESPP 2026 Briefing Book notebook."""

F_N_HIGGS_LATTICE_BAND: tuple[float, float] = (0.260, 0.629)
"""(low, high) band of f_N drawn by CMS HIG-17-023 around 0.326 (arXiv:1205.3169)."""

F_TQ_NUCLEON: tuple[float, float, float] = (0.0208, 0.0411, 0.043)
"""Light-quark scalar form factors (f_Tu, f_Td, f_Ts) of the proton: u, d from
arXiv:1506.04142, s from arXiv:1301.1114. Give f_N = 0.30381 for a scalar mediator
coupling ∝ m_q with heavy quarks integrated out."""

DELTA_Q_PROTON: tuple[float, float, float] = (0.84, -0.43, -0.09)
"""Proton spin fractions (Δu, Δd, Δs) = (0.84, -0.43, -0.09), summing to 0.32: the inputs that
reproduce the LHC DM WG σ_SD normalisation 2.4e-42 cm² (arXiv:1603.04156 §4; recalled,
PHYSICS.md D12). Other codes use (0.85, -0.42, -0.08), which gives a 20 % larger σ_SD."""

# --- astrophysics ----------------------------------------------------------------------------

RHO_DM_LOCAL: float = 0.3 * GeV / cm3
"""Local dark-matter density 0.3 GeV/cm³: the direct-detection convention (not a measurement)."""


def __dir__() -> list[str]:
    return __all__
