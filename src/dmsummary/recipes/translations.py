"""Translations a recipe may apply: named, validated wrappers around :mod:`dmsummary.physics`.

A derived layer names a translation, its catalogue inputs, its parameters and the
grid of the figure's x axis on which to evaluate it. Each translation declares
which plane each input must be on, which plane it produces, and which
parameters it accepts (with their allowed values), so a recipe error is caught
with a clear message before any physics runs.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    from dmsummary.catalogue import Curve

    FloatArray = npt.NDArray[np.float64]

__all__ = ["TRANSLATIONS", "Translation", "excluded_mediator_mass"]


@dataclass(frozen=True, slots=True)
class Translation:
    """A physics translation usable in recipes.

    Attributes
    ----------
    name : str
        Dotted name used in recipes (module.function of :mod:`dmsummary.physics`).
    inputs : Mapping[str, tuple of str]
        Input name → planes the input entry may be on.
    output_plane : str
        Plane of the produced curve.
    parameters : Mapping[str, tuple]
        Parameter name → allowed values: a tuple of choices (strings), or a
        ``(low, high)`` pair of floats for a number in the open interval.
    required : tuple of str
        Parameters that must be given.
    compute : callable
        ``compute(grid, inputs, parameters) -> y`` with ``grid`` the x values in internal
        units, ``inputs`` the input curves, and ``y`` in internal units (NaN outside the
        domain).
    summary : str
        Formula and reference, for the provenance report.
    convention_parameter : str or None
        The parameter that names the convention (recorded separately in provenance).
    grid_from : str or None
        When set, a recipe may omit ``grid``: the output is evaluated at the x values of
        this input, segment by segment.
    grid_map : callable or None
        ``grid_map(x, parameters) -> x'`` maps the ``grid_from`` input's x values (internal
        units) to the output's x axis, e.g. m_Z' → m_DM = r m_Z'; None keeps them.
    """

    name: str
    inputs: Mapping[str, tuple[str, ...]]
    output_plane: str
    parameters: Mapping[str, tuple[Any, ...]]
    required: tuple[str, ...]
    compute: Callable[[FloatArray, Mapping[str, Curve], Mapping[str, Any]], FloatArray]
    summary: str
    convention_parameter: str | None = field(default=None)
    grid_from: str | None = field(default=None)
    grid_map: Callable[[FloatArray, Mapping[str, Any]], FloatArray] | None = field(default=None)


def _point_value(curve: Curve) -> float:
    """Return the y value of a one-point (``kind: point``) input, internal units."""
    ((_, y),) = curve.segments
    return float(y[0])


def _higgs_portal(
    grid: FloatArray, inputs: Mapping[str, Curve], params: Mapping[str, Any]
) -> FloatArray:
    from dmsummary.physics import higgs_portal

    return higgs_portal.sigma_si_from_br_inv(
        _point_value(inputs["br_inv"]),
        grid,
        kind=str(params["kind"]),
        convention=str(params["convention"]),
        f_n=None if params.get("f_n") is None else float(params["f_n"]),
    )


def _loglog_interp(curve: Curve, x: FloatArray) -> FloatArray:
    """Interpolate a curve log-log at ``x`` (internal units); NaN outside every segment."""
    import numpy as np

    out = np.full(np.shape(x), np.nan)
    for xs, ys in curve.segments:
        inside = np.isnan(out) & (x >= xs.min()) & (x <= xs.max())
        order = np.argsort(xs)
        out[inside] = np.exp(np.interp(np.log(x[inside]), np.log(xs[order]), np.log(ys[order])))
    return out


def _dirac_from_majorana(
    grid: FloatArray, inputs: Mapping[str, Curve], params: Mapping[str, Any]
) -> FloatArray:
    from dmsummary.physics import simplified

    del params
    return simplified.dirac_sigmav_limit_from_majorana(_loglog_interp(inputs["sigmav"], grid))


def excluded_mediator_mass(mu_limit: Curve) -> float:
    """Return M*, the upper end of the excluded mediator-mass range of a μ-limit curve.

    The range starts at the lowest published mass; M* is where the limit first rises
    through μ = 1, interpolated log-linearly (internal energy units).

    Parameters
    ----------
    mu_limit : Curve
        Signal-strength upper limit vs mediator mass (plane ``mu-mmed``).

    Returns
    -------
    float
        M* [energy].

    Raises
    ------
    TranslationDomainError
        If the lowest mass is not excluded (μ ≥ 1 there): no collider exclusion exists.
    """
    import numpy as np

    from dmsummary.exceptions import TranslationDomainError

    x, y = (np.concatenate(a) for a in zip(*mu_limit.segments, strict=True))
    order = np.argsort(x)
    x, y = x[order], y[order]
    if y[0] >= 1.0:
        msg = (
            f"{mu_limit.entry.id}: the signal-strength limit is {y[0]:.3g} >= 1 at the lowest "
            "mediator mass, so these couplings are not excluded anywhere: no collider curve"
        )
        raise TranslationDomainError(msg)
    above = np.nonzero(y >= 1.0)[0]
    if above.size == 0:
        return float(x[-1])
    i = int(above[0])
    t = (1.0 - y[i - 1]) / (y[i] - y[i - 1])
    return float(np.exp(np.log(x[i - 1]) + t * (np.log(x[i]) - np.log(x[i - 1]))))


def _pseudoscalar_sigmav(
    grid: FloatArray, inputs: Mapping[str, Curve], params: Mapping[str, Any]
) -> FloatArray:
    import numpy as np

    from dmsummary.physics import simplified

    m_star = excluded_mediator_mass(inputs["mu_limit"])
    g_q, g_dm = float(params["g_q"]), float(params["g_dm"])
    width = simplified.total_width("pseudoscalar", m_star, grid, g_q, g_dm)
    sv = simplified.sigmav("pseudoscalar", m_star, grid, g_q, g_dm, width, quark="b")
    return np.where(2.0 * grid < m_star, sv, np.nan)


def _dark_photon_target(params: Mapping[str, Any]) -> Any:
    """Return the vector benchmark of a dark-photon layer: the preset with overrides."""
    from dmsummary.reinterpret import custom_benchmark, target_benchmark

    base = target_benchmark(str(params["benchmark"]))
    return custom_benchmark(
        base.model,
        g_q=None,
        g_dm=float(params.get("g_dm", base.g_dm)),
        g_l=base.g_l,
        m_dm_over_m_med=float(params.get("mdm_ratio", base.m_dm_over_m_med)),
    )


def _dark_photon(
    quantity: str, versus: str, *, relic: bool = False
) -> Callable[[FloatArray, Mapping[str, Curve], Mapping[str, Any]], FloatArray]:
    """Build the compute function of a dark-photon limit (or, with ``relic``, target) layer."""

    def compute(
        grid: FloatArray, inputs: Mapping[str, Curve], params: Mapping[str, Any]
    ) -> FloatArray:
        from dmsummary.reinterpret import dark_photon_values, relic_target_values

        target = _dark_photon_target(params)
        m_zp = grid / target.m_dm_over_m_med if versus == "mdm" else grid
        common: dict[str, Any] = {
            "quantity": quantity,
            "convention": str(params["convention"]),
            "width_inputs": str(params.get("width_inputs", "pdg2024")),
            "pole_window": float(params.get("pole_window", 0.1)),
        }
        if relic:
            return relic_target_values(inputs["sigmav"], m_zp, target, **common)
        ratio = float(params.get("max_width_ratio", 0.1))
        return dark_photon_values(inputs["gq_limit"], m_zp, target, max_width_ratio=ratio,
                                  **common)  # fmt: skip

    return compute


def _to_mdm(x: FloatArray, params: Mapping[str, Any]) -> FloatArray:
    """m_Z' → m_DM = r m_Z' of the layer's benchmark."""
    ratio: float = _dark_photon_target(params).m_dm_over_m_med
    return x * ratio


_DARK_PHOTON_PARAMETERS: Mapping[str, tuple[Any, ...]] = {
    "benchmark": ("minimal-dark-photon",),
    "method": ("dijet-br",),
    "convention": ("dmwg-2405.13778", "first-order-mixing"),
    "width_inputs": ("pdg2024", "dmwg-couplingscan"),
    "g_dm": (0.0, 12.6),
    "mdm_ratio": (0.0, 10.0),
    "max_width_ratio": (0.0, 1.0),
    "pole_window": (0.0, 1.0),
}
_DARK_PHOTON_SUMMARY = (
    "g_q limit rescaled per mass point (dijet BR method: root of the exclusion depth "
    "F_source(g_lim)/F_target(g_q) = 1, F = Gamma_qq^2/Gamma_tot, source model from the "
    "entry's model-parameter file, target = benchmark; arXiv:1703.05703, PHYSICS.md 4.4), "
    "Gamma/M <= max_width_ratio (default 0.1); then eps from g_q in the named convention "
    "(PHYSICS.md 5) and y = eps^2 alpha_D (m_DM/m_Z')^4, alpha_D = g_DM^2/(4 pi)"
)


_RELIC_SUMMARY = (
    "thermal target: the published <sigma v> (self-conjugate) x 2 for Dirac chi chi-bar "
    "(PHYSICS.md D4) at m_DM = r m_Z', matched by the benchmark's s-wave chi chi-bar -> q q-bar "
    "rate (arXiv:1703.05703 sec. 4) with self-consistent width, solved for g_q; quark "
    "channels only (g_l = 0), instantaneous freeze-out; then eps and y as for the limits"
)


def _dark_photon_translations() -> list[Translation]:
    out = []
    relic_parameters = {
        k: v for k, v in _DARK_PHOTON_PARAMETERS.items() if k not in {"method", "max_width_ratio"}
    }
    for quantity in ("epsilon", "y"):
        for versus in ("mzprime", "mdm"):
            out.append(
                Translation(
                    name=f"reinterpret.relic_{quantity}_vs_{versus}",
                    inputs={"sigmav": ("sigmav-total",)},
                    output_plane=f"{quantity}-{versus}",
                    parameters=relic_parameters,
                    required=("benchmark", "convention"),
                    compute=_dark_photon(quantity, versus, relic=True),
                    summary=_RELIC_SUMMARY,
                    convention_parameter="convention",
                )
            )
    for quantity, symbol in (("epsilon", "epsilon"), ("y", "y")):
        for versus, plane_x in (("mzprime", "mzprime"), ("mdm", "mdm")):
            out.append(
                Translation(
                    name=f"reinterpret.{quantity}_vs_{versus}",
                    inputs={"gq_limit": ("gq-mzprime",)},
                    output_plane=f"{symbol}-{plane_x}",
                    parameters=_DARK_PHOTON_PARAMETERS,
                    required=("benchmark", "method", "convention"),
                    compute=_dark_photon(quantity, versus),
                    summary=_DARK_PHOTON_SUMMARY
                    + ("; shown at m_DM = r m_Z' of the benchmark" if versus == "mdm" else ""),
                    convention_parameter="convention",
                    grid_from="gq_limit",
                    grid_map=_to_mdm if versus == "mdm" else None,
                )
            )
    return out


TRANSLATIONS: Mapping[str, Translation] = {
    t.name: t
    for t in (
        Translation(
            name="higgs_portal.sigma_si_from_br_inv",
            inputs={"br_inv": ("br-hinv",)},
            output_plane="si",
            parameters={
                "kind": ("scalar", "fermion", "vector"),
                "convention": ("djouadi", "self-conjugate", "espp2026-notebook"),
                "f_n": (0.0, 1.0),
            },
            required=("kind", "convention"),
            compute=_higgs_portal,
            summary=(
                "sigma_SI = K(m_DM) Gamma_SM B/(1-B), Higgs-portal ratio K of arXiv:1205.3169 "
                "Eqs. (4)-(6); NaN for m_DM >= m_H/2 (docs/physics.md)"
            ),
            convention_parameter="convention",
        ),
        Translation(
            name="simplified.dirac_sigmav_limit_from_majorana",
            inputs={"sigmav": ("sigmav-bb", "sigmav-total")},
            output_plane="sigmav-bb",
            parameters={},
            required=(),
            compute=_dirac_from_majorana,
            summary=(
                "<sigma v>_Dirac = 2 <sigma v>_self-conjugate: published indirect limits and relic "
                "targets assume self-conjugate DM; Dirac chi chi-bar annihilation needs twice the "
                "rate (PHYSICS.md D4)"
            ),
            grid_from="sigmav",
        ),
        Translation(
            name="simplified.sigmav_pseudoscalar_from_mu_limit",
            inputs={"mu_limit": ("mu-mmed",)},
            output_plane="sigmav-bb",
            parameters={"g_q": (0.0, 12.6), "g_dm": (0.0, 12.6)},
            required=("g_q", "g_dm"),
            compute=_pseudoscalar_sigmav,
            summary=(
                "pseudoscalar mediator, Dirac DM: the mediator masses excluded at m_DM = 1 GeV "
                "(mu < 1, up to M*) exclude <sigma v>(chi chi-bar -> b b-bar) above "
                "3 g_q^2 g_DM^2 m_b^2 m^2 beta_b / (2 pi v^2 [(M*^2-4m^2)^2 + M*^2 Gamma^2]) "
                "(arXiv:1703.05703 sec. 4), for m_DM < M*/2, assuming the monojet reach does "
                "not depend on m_DM below M*/2 (approximate; it falls near threshold)"
            ),
        ),
        *_dark_photon_translations(),
    )
}
"""Registry of translations by name (read-only)."""


def __dir__() -> list[str]:
    return __all__
