"""Benchmarks of a reinterpretation: the named target presets and the source limit's model.

A *target* is a :class:`~dmsummary.physics.rescaling.CouplingScenario`: a preset name
(:data:`~dmsummary.physics.rescaling.BENCHMARKS`: A1, A2, V1, V2, ``minimal-dark-photon``) or
custom couplings. A *source* is the model a published limit was obtained in; for the ATLAS TLA
dijet inputs it is read from the model-parameter file attached to the catalogue entry
(``data.auxiliary``, sha256-verified like every data file).
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from dmsummary.exceptions import TranslationDomainError
from dmsummary.physics import simplified
from dmsummary.physics.rescaling import BENCHMARKS, CouplingScenario

if TYPE_CHECKING:
    from pathlib import Path

    from dmsummary.catalogue import Entry

__all__ = ["SourceModel", "benchmark_dict", "custom_benchmark", "source_model", "target_benchmark"]

_PARAMS_ROLE = "model parameters"
_PARAM_MODELS = {"axial": "axial", "vector": "vector", "axial-vector": "axial"}


@dataclass(frozen=True, slots=True)
class SourceModel:
    """The model a published coupling limit was obtained in.

    Attributes
    ----------
    scenario : CouplingScenario
        Mediator type and couplings (``g_q`` None: it is the limited quantity).
    m_dm : float or None
        Fixed DM mass [energy], or None when ``scenario.m_dm_over_m_med`` ties it to M.
    origin : str
        Where the parameters come from (file and entry), for provenance.

    A source may have g_DM = 0 (a quarks-only Z'): unlike a target it needs no DM signal.
    """

    scenario: CouplingScenario
    m_dm: float | None
    origin: str

    def __post_init__(self) -> None:
        tied = self.scenario.m_dm_over_m_med is not None
        if tied == (self.m_dm is not None):
            msg = (
                f"source model from {self.origin}: give exactly one of a fixed m_dm (energy) "
                "and scenario.m_dm_over_m_med"
            )
            raise TranslationDomainError(msg)
        if self.m_dm is not None and not (math.isfinite(self.m_dm) and self.m_dm >= 0):
            msg = f"source model from {self.origin}: m_dm must be >= 0, got {self.m_dm!r}"
            raise TranslationDomainError(msg)


def custom_benchmark(
    model: str,
    *,
    g_q: float | None,
    g_dm: float,
    g_l: float = 0.0,
    m_dm_over_m_med: float | None = None,
) -> CouplingScenario:
    """Return a custom target benchmark, rejecting couplings that make no DM signal.

    Parameters
    ----------
    model : {"vector", "axial", "scalar", "pseudoscalar"}
        Mediator type.
    g_q : float or None
        Quark coupling (> 0), or None when it is solved for (a rescaled g_q limit).
    g_dm : float
        DM coupling (> 0): with g_DM = 0 there is no DM and no dark-photon yield.
    g_l : float, optional
        Lepton coupling (≥ 0; 0 = leptophobic).
    m_dm_over_m_med : float, optional
        m_DM / M (> 0). At ≥ 0.5 the invisible channel is closed everywhere: allowed, and
        recorded as a note by :func:`~dmsummary.reinterpret.rescale_limit`.

    Returns
    -------
    CouplingScenario
        The validated benchmark.

    Raises
    ------
    TranslationDomainError
        For a zero, negative or non-finite coupling or mass ratio, naming the field.
    """
    fields = {"g_q": g_q, "g_dm": g_dm, "m_dm_over_m_med": m_dm_over_m_med}
    for name, value in fields.items():
        if value is None:
            continue
        if not (math.isfinite(value) and value > 0):
            msg = (
                f"benchmark field {name!r} must be a finite number > 0, got {value!r} "
                "(a zero coupling gives no DM signal; omit g_q to solve for it)"
            )
            raise TranslationDomainError(msg)
    if not (math.isfinite(g_l) and g_l >= 0):
        msg = f"benchmark field 'g_l' must be a finite number >= 0, got {g_l!r}"
        raise TranslationDomainError(msg)
    return CouplingScenario(model, g_q, g_dm, g_l, m_dm_over_m_med)


def target_benchmark(name: str | CouplingScenario) -> CouplingScenario:
    """Return a target benchmark from a preset name, or check a given scenario.

    Parameters
    ----------
    name : str or CouplingScenario
        One of ``A1``, ``A2``, ``V1``, ``V2``, ``minimal-dark-photon`` (case-insensitive for
        the letters), or a scenario (checked like :func:`custom_benchmark`).

    Returns
    -------
    CouplingScenario
        The benchmark.

    Raises
    ------
    TranslationDomainError
        Unknown preset (the message lists them) or invalid couplings.
    """
    if isinstance(name, CouplingScenario):
        return custom_benchmark(
            name.model, g_q=name.g_q, g_dm=name.g_dm, g_l=name.g_l,
            m_dm_over_m_med=name.m_dm_over_m_med,
        )  # fmt: skip
    key = name.upper() if name.upper() in BENCHMARKS else name.lower()
    if key not in BENCHMARKS:
        msg = f"unknown benchmark {name!r}; presets are {', '.join(BENCHMARKS)} (or custom couplings)"
        raise TranslationDomainError(msg)
    return BENCHMARKS[key]


def benchmark_dict(scenario: CouplingScenario, m_dm: float | None = None) -> dict[str, Any]:
    """Return a plain, JSON-ready description of a benchmark (for provenance).

    Parameters
    ----------
    scenario : CouplingScenario
        The benchmark.
    m_dm : float, optional
        Fixed DM mass [energy], written in GeV.

    Returns
    -------
    dict
        ``model``, ``g_q`` (None if solved for), ``g_dm``, ``g_l``, and ``m_dm`` (a string
        such as ``"m_med/3"`` or ``"10000 GeV"``) when known.
    """
    from dmsummary.units import GeV

    out: dict[str, Any] = {
        "model": scenario.model,
        "g_q": scenario.g_q,
        "g_dm": scenario.g_dm,
        "g_l": scenario.g_l,
    }
    for name, preset in BENCHMARKS.items():
        if preset == scenario:
            out["preset"] = name
    if scenario.m_dm_over_m_med is not None:
        ratio = scenario.m_dm_over_m_med
        inverse = 1.0 / ratio
        out["m_dm"] = (
            f"m_med/{inverse:g}" if abs(inverse - round(inverse)) < 1e-9 else f"{ratio:g} m_med"
        )
    elif m_dm is not None:
        out["m_dm"] = f"{m_dm / GeV:g} GeV"
    return out


def _params_file(entry: Entry) -> Mapping[str, Any] | None:
    auxiliary: tuple[Mapping[str, Any], ...] = entry.spec["data"].get("auxiliary", ())
    for aux in auxiliary:
        if str(aux.get("role", "")).startswith(_PARAMS_ROLE):
            return aux
    return None


def source_model(
    entry: Entry,
    *,
    mirror: Path | None = None,
    cache: Path | None = None,
    offline: bool | None = None,
) -> SourceModel:
    """Read the model of a published g_q limit from its entry's model-parameter file.

    The file is the entry's ``data.auxiliary`` item whose role starts with
    ``"model parameters"`` (JSON with ``coupling``, ``gdm``, ``gl``, ``mdm``,
    ``mdm_is_fraction``; the format of mamerl/DMWG-dark-photon-tools). It is resolved like
    every data file (mirror, cache; never downloaded here) and verified by sha256.

    Parameters
    ----------
    entry : Entry
        A catalogue entry on plane ``gq-mzprime``.
    mirror, cache : pathlib.Path, optional
        Data mirror and cache (default: ``DMSUMMARY_DATA`` and the user cache).
    offline : bool, optional
        Forbid downloads (default ``DMSUMMARY_OFFLINE``).

    Returns
    -------
    SourceModel
        The source scenario and DM mass.

    Raises
    ------
    TranslationDomainError
        If the entry has no model-parameter file (pass the source model explicitly) or the
        file lacks a field or has an invalid value (naming the file and the field).
    DataFileNotFound, IntegrityError
        If the file cannot be found or does not match its sha256.
    """
    from dmsummary.catalogue.fetch import resolve
    from dmsummary.units import GeV

    aux = _params_file(entry)
    if aux is None:
        msg = (
            f"{entry.where}: data.auxiliary has no '{_PARAMS_ROLE}' file, so the model of this "
            "limit is unknown; give the source model explicitly (library: source=..., "
            "m_dm_source=...; CLI: --source-model, --source-gdm, --source-gl, --source-mdm)"
        )
        raise TranslationDomainError(msg)
    where = f"{entry.where}: data.auxiliary {aux['file']}"
    raw, _ = resolve(aux["file"], aux["sha256"], aux["url"], where=where, mirror=mirror,
                     cache=cache, offline=offline)  # fmt: skip
    try:
        params = json.loads(raw.decode("utf-8"))
        coupling = _PARAM_MODELS[str(params["coupling"]).lower()]
        g_dm, g_l, mdm = (float(params[k]) for k in ("gdm", "gl", "mdm"))
        fraction = bool(params["mdm_is_fraction"])
    except KeyError as err:
        msg = f"{where}: model-parameter field {err} is missing or has an unknown value"
        raise TranslationDomainError(msg) from err
    except (ValueError, TypeError, UnicodeDecodeError) as err:
        msg = f"{where}: cannot read the model parameters ({err})"
        raise TranslationDomainError(msg) from err
    if coupling not in simplified.MODELS:  # pragma: no cover - _PARAM_MODELS maps to MODELS
        msg = f"{where}: field 'coupling' {coupling!r} is not a known mediator"
        raise TranslationDomainError(msg)
    scenario = CouplingScenario(coupling, None, g_dm, g_l, mdm if fraction else None)
    return SourceModel(
        scenario, None if fraction else mdm * GeV, origin=f"{aux['file']} ({entry.id})"
    )


def __dir__() -> list[str]:
    return __all__
