"""LHC DM WG reinterpretation: coupling rescaling chains and dark-photon limits.

Library behind ``dmsummary reinterpret`` (see ``docs/reinterpretation.md``). It sits between
the catalogue and the recipes: it reads catalogue curves, applies
:mod:`dmsummary.physics.rescaling` and :mod:`dmsummary.physics.dark_photon`, and returns
:class:`DerivedCurve` results that carry their full provenance.

Examples
--------
>>> from dmsummary.reinterpret import dark_photon_limits
>>> from dmsummary.units import GeV
>>> limits = dark_photon_limits("atlas-2025-tla-j50-gq", "minimal-dark-photon",
...                             convention="dmwg-2405.13778", width_inputs="dmwg-couplingscan")
>>> m, eps = limits.epsilon.segments[0]
>>> print(f"m_Z' = {m[0] / GeV:.0f} GeV: g_q < {limits.g_q.y[0]:.4f}, epsilon < {eps[0]:.4f}")
m_Z' = 375 GeV: g_q < 0.1079, epsilon < 0.2941
"""

from __future__ import annotations

from dmsummary.reinterpret.benchmarks import (
    SourceModel,
    benchmark_dict,
    custom_benchmark,
    source_model,
    target_benchmark,
)
from dmsummary.reinterpret.chain import (
    DEFAULT_G_Q_RANGE,
    WIDTH_INPUTS,
    DarkPhotonLimits,
    RescaledPoints,
    dark_photon_limits,
    dark_photon_values,
    relic_target_values,
    rescale_limit,
    rescale_points,
)
from dmsummary.reinterpret.maps import (
    DepthMap,
    depth_map_from_gq_limit,
    depth_map_from_mu_grid,
    depth_map_from_xsec_limits,
    exclusion_contours,
    rescale_depth_map,
)
from dmsummary.reinterpret.results import Derivation, DerivedCurve, Unsolved, write_json

__all__ = [
    "DEFAULT_G_Q_RANGE",
    "WIDTH_INPUTS",
    "DarkPhotonLimits",
    "DepthMap",
    "Derivation",
    "DerivedCurve",
    "RescaledPoints",
    "SourceModel",
    "Unsolved",
    "benchmark_dict",
    "custom_benchmark",
    "dark_photon_limits",
    "dark_photon_values",
    "depth_map_from_gq_limit",
    "depth_map_from_mu_grid",
    "depth_map_from_xsec_limits",
    "exclusion_contours",
    "relic_target_values",
    "rescale_depth_map",
    "rescale_limit",
    "rescale_points",
    "source_model",
    "target_benchmark",
    "write_json",
]


def __dir__() -> list[str]:
    return __all__
