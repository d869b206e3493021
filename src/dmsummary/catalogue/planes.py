"""Named planes: the axes every catalogue curve is drawn on.

A plane fixes, for each axis, the physical quantity, its display unit (the unit
numbers are shown in; internally they are hepunits values) and plausibility
bounds used by ``catalogue validate`` to catch unit mistakes (keV vs GeV, TeV
masses, ε² vs ε). Bounds are deliberately generous: they catch errors of
orders of magnitude, not physics.
"""

from __future__ import annotations

from dataclasses import dataclass

from dmsummary.exceptions import InvalidEntry
from dmsummary.units import Dimension, parse_unit

__all__ = ["PLANES", "Axis", "Plane", "get_plane"]


@dataclass(frozen=True, slots=True)
class Axis:
    r"""One axis of a plane.

    Attributes
    ----------
    quantity : str
        Plain-text name, e.g. ``"DM mass"``.
    label : str
        Matplotlib mathtext label without unit, e.g. ``"$m_\\chi$"``.
    unit : str
        Display unit string (parsable by :func:`dmsummary.units.parse_unit`).
    bounds : tuple of float
        Plausible (min, max) in display units.
    """

    quantity: str
    label: str
    unit: str
    bounds: tuple[float, float]

    @property
    def factor(self) -> float:
        """Internal value of one display unit (divide internal numbers by it)."""
        return parse_unit(self.unit)[0]

    @property
    def dimension(self) -> Dimension:
        """Physical dimension of the axis."""
        return parse_unit(self.unit)[1]


@dataclass(frozen=True, slots=True)
class Plane:
    """A named pair of axes (see :data:`PLANES`)."""

    name: str
    description: str
    x: Axis
    y: Axis


def _mass(unit: str, lo: float, hi: float, label: str = r"$m_\chi$") -> Axis:
    return Axis("DM mass", label, unit, (lo, hi))


def _xsec(what: str, label: str, lo: float = 1e-52, hi: float = 1e-20) -> Axis:
    return Axis(what, label, "cm^2", (lo, hi))


def _coupling(what: str, label: str, lo: float = 1e-5, hi: float = 20.0) -> Axis:
    return Axis(what, label, "dimensionless", (lo, hi))


_MED = Axis("mediator mass", r"$M_\mathrm{med}$", "GeV", (1.0, 1e5))
_ZP = Axis("Z' mass", r"$m_{Z'}$", "GeV", (1.0, 1e5))
_SIGMAV = Axis(
    "velocity-averaged annihilation cross-section",
    r"$\langle\sigma v\rangle$",
    "cm^3/s",
    (1e-32, 1e-15),
)
_MA = Axis("pseudoscalar mass", r"$m_a$", "GeV", (1.0, 1e5))
_TANB = Axis("tan beta", r"$\tan\beta$", "dimensionless", (0.01, 1e3))

_ALL = [
    Plane(
        "si",
        "Spin-independent DM-nucleon cross-section vs DM mass",
        _mass("GeV", 1e-3, 1e8),
        _xsec("SI DM-nucleon cross-section", r"$\sigma_\mathrm{SI}$"),
    ),
    Plane(
        "sd-proton",
        "Spin-dependent DM-proton cross-section vs DM mass",
        _mass("GeV", 1e-3, 1e8),
        _xsec("SD DM-proton cross-section", r"$\sigma_\mathrm{SD}^{p}$", hi=1e-15),
    ),
    Plane(
        "sd-neutron",
        "Spin-dependent DM-neutron cross-section vs DM mass",
        _mass("GeV", 1e-3, 1e8),
        _xsec("SD DM-neutron cross-section", r"$\sigma_\mathrm{SD}^{n}$", hi=1e-15),
    ),
    Plane(
        "si-light-mediator",
        "SI cross-section for a light mediator, quoted as sigma x m_phi^4 reference",
        _mass("GeV", 1e-3, 1e8),
        Axis(
            "light-mediator SI reference cross-section",
            r"$\sigma_\mathrm{SI}\,m_\phi^4$",
            "cm^2 MeV^4",
            (1e-60, 1e-20),
        ),
    ),
    Plane(
        "si-mddm-n1",
        "Momentum-dependent SI DM (q^2 dependence, n=1): reference cross-section",
        _mass("GeV", 1e-3, 1e8),
        _xsec("reference cross-section (n=1)", r"$\bar\sigma_{n=1}$", 1e-60, 1e-20),
    ),
    Plane(
        "si-mddm-n2",
        "Momentum-dependent SI DM (q^4 dependence, n=2): reference cross-section",
        _mass("GeV", 1e-3, 1e8),
        _xsec("reference cross-section (n=2)", r"$\bar\sigma_{n=2}$", 1e-60, 1e-20),
    ),
    Plane(
        "electron-heavy",
        "DM-electron scattering, heavy mediator (F_DM = 1)",
        _mass("MeV", 1e-3, 1e7),
        _xsec("DM-electron cross-section", r"$\bar\sigma_e$", 1e-52, 1e-20),
    ),
    Plane(
        "electron-light",
        "DM-electron scattering, light mediator (F_DM = (alpha m_e / q)^2)",
        _mass("MeV", 1e-3, 1e7),
        _xsec("DM-electron cross-section", r"$\bar\sigma_e$", 1e-52, 1e-20),
    ),
    Plane(
        "kappa-mdm",
        "Kinetic mixing of a light dark-photon mediator vs DM mass (freeze-in targets)",
        _mass("MeV", 1e-3, 1e7),
        _coupling("kinetic mixing", r"$\kappa$", 1e-18, 1e-1),
    ),
    Plane(
        "alp-electron",
        "Axion-like-particle DM absorption: axion-electron coupling vs ALP mass",
        Axis("ALP mass", r"$m_a$", "keV", (1e-9, 1e6)),
        _coupling("axion-electron coupling", r"$g_{ae}$", 1e-22, 1e-4),
    ),
    Plane(
        "dark-photon-kappa",
        "Dark-photon DM absorption: kinetic mixing vs dark-photon mass",
        Axis("dark-photon mass", r"$m_{A'}$", "eV", (1e-6, 1e8)),
        _coupling("kinetic mixing", r"$\kappa$", 1e-20, 1.0),
    ),
    Plane(
        "sigmav-bb",
        "Annihilation cross-section into b bbar vs DM mass",
        _mass("GeV", 1e-2, 1e9),
        _SIGMAV,
    ),
    Plane(
        "sigmav-total",
        "Total annihilation cross-section vs DM mass (thermal-relic targets)",
        _mass("GeV", 1e-4, 1e9),
        _SIGMAV,
    ),
    Plane(
        "mmed-mdm",
        "Simplified-model plane: mediator mass vs DM mass (exclusion and relic contours)",
        _MED,
        _mass("GeV", 1e-2, 1e5),
    ),
    Plane(
        "mu-mmed",
        "Signal-strength upper limit vs mediator mass",
        _MED,
        _coupling("signal strength", r"$\mu$", 1e-4, 1e6),
    ),
    Plane(
        "gq-mzprime", "Quark-coupling limit vs Z' mass", _ZP, _coupling("quark coupling", "$g_q$")
    ),
    Plane(
        "br-hinv",
        "Invisible Higgs branching ratio limit at the Higgs mass (kind: point entries)",
        Axis("Higgs boson mass", "$m_H$", "GeV", (100.0, 150.0)),
        _coupling("invisible branching ratio", r"$\mathcal{B}(H\to\mathrm{inv})$", 1e-5, 1.0),
    ),
    Plane(
        "gchi-mmed",
        "DM-coupling limit vs mediator mass",
        _MED,
        _coupling("DM coupling", r"$g_\chi$", 1e-5, 100.0),
    ),
    Plane(
        "xsec-mzprime",
        "Resonance cross-section (times branching ratio / acceptance) vs mass",
        Axis("resonance mass", "$m$", "GeV", (1.0, 1e5)),
        Axis(r"cross-section x BR", r"$\sigma\times B$", "pb", (1e-12, 1e9)),
    ),
    Plane(
        "epsilon-mzprime",
        "Dark-photon kinetic mixing vs Z' (dark-photon) mass",
        _ZP,
        _coupling("kinetic mixing", r"$\epsilon$", 1e-6, 100.0),
    ),
    Plane(
        "epsilon-mdm",
        "Dark-photon kinetic mixing vs DM mass (benchmark with m_DM tied to m_Z')",
        _mass("GeV", 1e-3, 1e5),
        _coupling("kinetic mixing", r"$\epsilon$", 1e-6, 100.0),
    ),
    Plane(
        "y-mzprime",
        "Dark-photon yield y = eps^2 alpha_D (m_DM/m_Z')^4 vs Z' mass",
        _ZP,
        _coupling("yield variable", "$y$", 1e-20, 10.0),
    ),
    Plane(
        "y-mdm",
        "Dark-photon yield y = eps^2 alpha_D (m_DM/m_Z')^4 vs DM mass",
        _mass("GeV", 1e-3, 1e5),
        _coupling("yield variable", "$y$", 1e-20, 10.0),
    ),
    Plane(
        "thdma-ma-mA",
        "2HDM+a: pseudoscalar mass vs heavy-Higgs mass",
        _MA,
        Axis("heavy Higgs mass", "$m_A$", "GeV", (1.0, 1e5)),
    ),
    Plane("thdma-ma-tanbeta", "2HDM+a: pseudoscalar mass vs tan beta", _MA, _TANB),
    Plane("thdma-ma-mdm", "2HDM+a: pseudoscalar mass vs DM mass", _MA, _mass("GeV", 1e-2, 1e5)),
    Plane("thdma-mdm-tanbeta", "2HDM+a: DM mass vs tan beta", _mass("GeV", 1e-2, 1e5), _TANB),
    Plane(
        "thdma-omega-mdm",
        "2HDM+a: relic density vs DM mass",
        _mass("GeV", 1e-2, 1e5),
        _coupling("relic density", r"$\Omega h^2$", 1e-8, 1e8),
    ),
]

PLANES: dict[str, Plane] = {p.name: p for p in _ALL}
"""Registry of named planes, keyed by name (read-only by convention)."""


def get_plane(name: str, *, where: str = "") -> Plane:
    """Return the plane called ``name``.

    Parameters
    ----------
    name : str
        Plane name, e.g. ``"si"``.
    where : str, optional
        Context (file and field) for the error message.

    Returns
    -------
    Plane
        The plane definition.

    Raises
    ------
    InvalidEntry
        If no plane has that name; the message lists the valid names.
    """
    try:
        return PLANES[name]
    except KeyError:
        prefix = f"{where}: " if where else ""
        msg = f"{prefix}unknown plane {name!r}; valid planes are: {', '.join(sorted(PLANES))}"
        raise InvalidEntry(msg) from None


def __dir__() -> list[str]:
    return __all__
