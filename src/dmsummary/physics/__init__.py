"""Physics translations: pure, vectorised NumPy functions in the internal unit system.

Submodules (loaded on first access, so ``import dmsummary.physics`` stays cheap):

- :mod:`~dmsummary.physics.higgs_portal`: BR(H → inv) ↔ σ_SI for scalar, fermion, vector DM
- :mod:`~dmsummary.physics.simplified`: s-channel mediator widths, σ_SI/σ_SD, ``<σv>``
- :mod:`~dmsummary.physics.rescaling`: LHC DM WG coupling/model rescaling of limits
- :mod:`~dmsummary.physics.dark_photon`: g_q → kinetic mixing ε and yield y
- :mod:`~dmsummary.physics.electron`: DM–electron and absorption conventions
- :mod:`~dmsummary.physics.confidence`: approximate 90 % ↔ 95 % CL factors

Every function takes and returns internal-unit arrays (multiply by a unit going in, divide
going out) and has no I/O or global state. See ``docs/physics.md``.

Examples
--------
>>> from dmsummary.physics import simplified
>>> from dmsummary.units import GeV
>>> width = simplified.total_width("vector", 1000 * GeV, 100 * GeV, 0.25, 1.0)
>>> print(f"{float(width / GeV):.1f}")
56.3
"""

from __future__ import annotations

import importlib
from types import ModuleType

from dmsummary.physics._common import ApproximationWarning

__all__ = [
    "ApproximationWarning",
    "confidence",
    "dark_photon",
    "electron",
    "higgs_portal",
    "rescaling",
    "simplified",
]

_SUBMODULES = frozenset(__all__) - {"ApproximationWarning"}


def __getattr__(name: str) -> ModuleType:
    if name in _SUBMODULES:
        return importlib.import_module(f"{__name__}.{name}")
    msg = f"module {__name__!r} has no attribute {name!r}"
    raise AttributeError(msg)


def __dir__() -> list[str]:
    return __all__
