"""Every row of ``shared/physics/test_vectors.csv``, dispatched on its ``translation`` column.

The expected values are independent references (peer codes, own computations documented in
PHYSICS.md §8). A row whose translation has no handler fails loudly. Inputs that a function
takes from a preset (quark masses, m_Z, sin²θ_W, ...) are checked against the preset, so a
row with different inputs fails instead of passing by accident.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from typing import Any

import numpy as np
import pytest

from dmsummary import constants
from dmsummary.physics import (
    ApproximationWarning,
    confidence,
    dark_photon,
    electron,
    higgs_portal,
    rescaling,
    simplified,
)
from dmsummary.units import GeV, cm2, cm3, parse_unit, s

CS = "dmwg-couplingscan"


class Inputs:
    """Parsed ``key=value;...`` inputs of one row (parenthesis-aware), plus flag words."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.values: dict[str, str] = {}
        self.flags: list[str] = []
        for part in _split(text, ";"):
            eq, paren = part.find("="), part.find("(")
            if eq < 0 or (0 <= paren < eq):
                self.flags.append(part.strip())
            else:
                self.values[part[:eq].strip()] = part[eq + 1 :].strip()

    def str(self, key: str) -> str:
        if key not in self.values:
            pytest.fail(f"input {key!r} missing from {self.text!r}")
        return self.values[key]

    def q(self, key: str) -> float:
        """A number with an optional unit, converted to internal units."""
        return quantity(self.str(key))


def _split(text: str, sep: str) -> list[str]:
    parts, depth, current = [], 0, ""
    for char in text:
        depth += (char == "(") - (char == ")")
        if char == sep and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += char
    parts.append(current)
    return [p for p in parts if p.strip()]


def quantity(text: str) -> float:
    match = re.fullmatch(r"\s*([-+0-9.eE]+)(?:/([0-9.eE]+))?\s*(.*?)\s*", text)
    if match is None:
        pytest.fail(f"cannot parse quantity {text!r}")
    value = float(match.group(1)) / float(match.group(2) or 1.0)
    return value * parse_unit(match.group(3))[0] if match.group(3) else value


def expected_unit(unit: str) -> float:
    unit = unit.split("(", maxsplit=1)[0].strip()
    if unit in ("", "dimensionless", "exclusion depth"):
        return 1.0
    return parse_unit(unit.replace("GeV-2", "GeV^-2"))[0]


def check_preset_masses(inputs: Inputs, preset: constants.QuarkMasses) -> None:
    """The row's quark-mass list must be the preset's (so the row tests what we run)."""
    match = re.search(r"u,d,s,c,b,t=([0-9.,]+)", inputs.text) or re.search(
        r"mu=([0-9.e-]+),md=([0-9.e-]+),ms=([0-9.e-]+),mc=([0-9.e-]+),mb=([0-9.e-]+),mt=([0-9.e-]+)",
        inputs.text,
    )
    if match is None:
        assert "quark masses as couplingscan" in inputs.text
        return
    numbers = (
        match.group(1).strip(",").split(",") if match.lastindex == 1 else list(match.groups())
    )
    assert np.allclose([float(n) * GeV for n in numbers], preset, rtol=1e-12), inputs.text


def scenario(text: str) -> rescaling.CouplingScenario:
    """Parse 'A1', 'A1(axial gq=0.25 gDM=1 gl=0)', 'axial(gq=0.1 gDM=1.0 gl=0.0)'."""
    name, _, rest = text.partition("(")
    couplings = dict(re.findall(r"(gq|gDM|gl)=([0-9.]+)", rest))
    if name in rescaling.BENCHMARKS:
        bench = rescaling.BENCHMARKS[name]
        listed = {"gq": bench.g_q, "gDM": bench.g_dm, "gl": bench.g_l}
        for key, value in couplings.items():
            assert float(value) == listed[key], f"{text}: preset {name} has {key}={listed[key]}"
        return bench
    return rescaling.CouplingScenario(
        name.strip(), float(couplings["gq"]), float(couplings["gDM"]), float(couplings["gl"])
    )


# --- handlers: each returns the value in internal units -----------------------------------------


def hp_sigma(i: Inputs) -> Any:
    conv = i.str("convention")
    convention = next(
        c for key, c in (("djouadi", "djouadi"), ("selfconj", "self-conjugate"),
                         ("espp2026-notebook", "espp2026-notebook")) if conv.startswith(key)
    )  # fmt: skip
    return higgs_portal.sigma_si_from_br_inv(
        i.q("BRinv"), i.q("mDM"), kind=i.str("kind"), convention=convention, f_n=i.q("fN"),
        m_h=i.q("mH"), v=i.q("v"), gamma_sm=i.q("GammaSM"), m_n=i.q("mN"),
    )  # fmt: skip


def hp_gamma(i: Inputs) -> Any:
    return higgs_portal.invisible_width(i.q("BRinv"), gamma_sm=i.q("GammaSM"))


def dd(func: Callable[..., Any], form: str) -> Callable[[Inputs], Any]:
    def handler(i: Inputs) -> Any:
        kwargs: dict[str, Any] = {"m_n": i.q("mn"), "form": form}
        if func is simplified.sigma_sd_axial and form == "exact":
            assert sum(constants.DELTA_Q_PROTON) == pytest.approx(i.q("Du+Dd+Ds"))
        if func is simplified.sigma_si_scalar and form == "exact":
            kwargs |= {"v": i.q("v"), "f_tq": (i.q("fu"), i.q("fd"), i.q("fs"))}
        return func(i.q("Mmed"), i.q("mDM"), i.q("gq"), i.q("gDM"), **kwargs)

    return handler


def sigmav_ps(i: Inputs) -> Any:
    check_preset_masses(i, constants.QUARK_MASSES_PDG2024)
    assert i.q("v") == simplified.WIDTH_INPUTS["pdg2024"].v
    assert "Dirac DM" in i.flags
    return simplified.sigmav(
        "pseudoscalar", i.q("Mmed"), i.q("mDM"), i.q("gq"), i.q("gDM"), i.q("Gamma_med")
    )


def width(model: str) -> Callable[[Inputs], Any]:
    def handler(i: Inputs) -> Any:
        check_preset_masses(i, constants.QUARK_MASSES_DMWG_COUPLINGSCAN)
        if model in ("scalar", "pseudoscalar"):
            assert i.q("alpha_s") == simplified.WIDTH_INPUTS[CS].alpha_s
            assert i.q("v") == simplified.WIDTH_INPUTS[CS].v
        gl = i.q("gl") if "gl" in i.values else 0.0
        return simplified.total_width(
            model, i.q("Mmed"), i.q("mDM"), i.q("gq"), i.q("gDM"), gl, inputs=CS
        )

    return handler


def rescale(method: str) -> Callable[[Inputs], Any]:
    def handler(i: Inputs) -> Any:
        check_preset_masses(i, constants.QUARK_MASSES_DMWG_COUPLINGSCAN)
        assert "one neutrino term" in i.flags
        extra = {"dilepton_final_state": "charged+neutrinos"} if method == "dilepton-br" else {}
        return rescaling.rescale_exclusion_depth(
            i.q("reference_depth"), i.q("Mmed"), i.q("mDM"), source=scenario(i.str("reference")),
            target=scenario(i.str("target")), method=method, inputs=CS, **extra,
        )  # fmt: skip

    return handler


def gq_depth(i: Inputs) -> Any:
    check_preset_masses(i, constants.QUARK_MASSES_DMWG_COUPLINGSCAN)
    src = re.fullmatch(
        r"dijet gq limit ([0-9.]+) at Mmed=(.+?) \((\w+), gDM=([0-9.]+), gl=([0-9.]+), mDM=(.+)\)",
        i.str("input"),
    )
    tgt = re.fullmatch(r"(\w+) at mDM=(.+)", i.str("target"))
    assert src is not None, i.text
    assert tgt is not None, i.text
    source = rescaling.CouplingScenario(src[3], None, float(src[4]), float(src[5]))
    return rescaling.exclusion_depth_from_gq_limit(
        quantity(src[2]), float(src[1]), source=source, m_dm_source=quantity(src[6]),
        target=scenario(tgt[1]), m_dm_target=quantity(tgt[2]), inputs=CS,
    )  # fmt: skip


def gq_closed_form(i: Inputs) -> Any:
    check_preset_masses(i, constants.QUARK_MASSES_DMWG_COUPLINGSCAN)
    src = re.fullmatch(
        r"input gq limit=([0-9.]+) at Mmed=(.+?) for (\w+) \(gDM=([0-9.]+), gl=([0-9.]+), "
        r"mDM=(.+)\)",
        i.text.split(";")[0],
    )
    assert src is not None, i.text
    assert i.str("target") == "vector gDM=1 gl=0 mDM=Mmed/3"
    target = rescaling.BENCHMARKS["minimal-dark-photon"]
    source = rescaling.CouplingScenario(src[3], None, float(src[4]), float(src[5]))
    return rescaling.rescale_gq_limit(
        quantity(src[2]), float(src[1]), source=source, m_dm_source=quantity(src[6]),
        target=target, inputs=CS,
    )  # fmt: skip


def dp_check(i: Inputs) -> None:
    assert i.q("mZ") == pytest.approx(constants.M_Z, rel=1e-12)
    assert i.q("sin2thetaW") == constants.SIN2_THETA_W_MSBAR
    assert i.q("alpha") == pytest.approx(constants.ALPHA_EM, rel=1e-12)
    assert (i.str("<Q2>"), i.str("<Y2>")) == ("1/3", "13/18")


def dp_epsilon(i: Inputs) -> Any:
    dp_check(i)
    return dark_photon.epsilon_from_gq(i.q("mZp"), i.q("gq"), convention="dmwg-2405.13778")


def dp_yield(i: Inputs) -> Any:
    dp_check(i)
    assert i.str("mDM") == "mZp/3"
    assert i.str("gDM").startswith("1 ")
    eps = dark_photon.epsilon_from_gq(i.q("mZp"), i.q("gq"), convention="dmwg-2405.13778")
    return dark_photon.yield_parameter(
        eps, i.q("mZp") / 3, i.q("mZp"), alpha_d=dark_photon.alpha_dark(1.0)
    )


def el_fdm(i: Inputs) -> Any:
    assert i.str("q") == "2*alpha*me"
    return electron.form_factor_dm(2 * electron.reference_momentum(), mediator="light")


def cl(model: str) -> Callable[[Inputs], Any]:
    def handler(i: Inputs) -> Any:
        with pytest.warns(ApproximationWarning, match="idealised"):
            return confidence.cl_ratio(cl_from=0.95, cl_to=0.90, model=model)

    return handler


HANDLERS: dict[str, Callable[[Inputs], Any]] = {
    "higgs_portal_BRinv_to_sigmaSI": hp_sigma,
    "higgs_BRinv_to_Gammainv": hp_gamma,
    "schannel_vector_to_sigmaSI": dd(simplified.sigma_si_vector, "exact"),
    "schannel_vector_to_sigmaSI_normalised": dd(simplified.sigma_si_vector, "dmwg-normalised"),
    "schannel_axial_to_sigmaSD": dd(simplified.sigma_sd_axial, "exact"),
    "schannel_axial_to_sigmaSD_normalised": dd(simplified.sigma_sd_axial, "dmwg-normalised"),
    "schannel_scalar_to_sigmaSI": dd(simplified.sigma_si_scalar, "exact"),
    "schannel_scalar_to_sigmaSI_normalised": dd(simplified.sigma_si_scalar, "dmwg-normalised"),
    "schannel_pseudoscalar_to_sigmav": sigmav_ps,
    "mediator_total_width_vector": width("vector"),
    "mediator_total_width_axial": width("axial"),
    "mediator_total_width_scalar": width("scalar"),
    "mediator_total_width_pseudoscalar": width("pseudoscalar"),
    "rescale_dijet_BR": rescale("dijet-br"),
    "rescale_dilepton_BR": rescale("dilepton-br"),
    "rescale_monoX_propagator": rescale("monox-propagator"),
    "gq_limit_to_exclusion_depth_dijet": gq_depth,
    "scalar_mediator_fN": lambda i: simplified.scalar_mediator_f_n(
        (i.q("fu"), i.q("fd"), i.q("fs"))
    ),
    "rescale_dijet_gq_limit_closed_form": gq_closed_form,
    "darkphoton_gq_to_epsilon": dp_epsilon,
    "darkphoton_yield_y": dp_yield,
    "dm_electron_qref": lambda i: electron.reference_momentum(m_e=i.q("me"), alpha=i.q("alpha")),
    "dm_electron_reduced_mass": lambda i: electron.reduced_mass(i.q("mchi"), i.q("me")),
    "dm_electron_FDM_light": el_fdm,
    "dm_electron_sigma_e_from_y": lambda i: electron.sigma_e_from_yield(i.q("y"), i.q("mchi")),
    "dm_electron_sigma_e_from_eps": lambda i: electron.sigma_e_dark_photon(
        i.q("eps"), i.q("alphaD"), i.q("mchi"), i.q("mAp")
    ),
    "absorption_gae_to_kappa_equal_rate": lambda i: electron.kappa_from_gae_equal_rate(
        i.q("g_ae"), i.q("m")
    ),
    "unit_GeVm2_to_cm2": lambda i: quantity(i.text) * constants.HBARC_SQ,
    "unit_pb_to_cm2": lambda i: quantity(i.text),
    "unit_GeVm2_to_cm3s": lambda i: (
        quantity(i.text.split("(")[0]) * constants.HBARC_SQ * constants.C_LIGHT
    ),
    "unit_cm3s_to_GeVm2": lambda i: quantity(i.text) / (constants.HBARC_SQ * constants.C_LIGHT),
    "unit_vev_from_GF": lambda i: higgs_portal.vev_from_fermi_constant(i.q("G_F")),
    "cl_gauss_90_over_95": cl("gaussian"),
    "cl_poisson_90_over_95": cl("poisson"),
}


def test_vector(vector_row: dict[str, str]) -> None:
    if "__missing__" in vector_row:
        pytest.fail(vector_row["__missing__"])
    translation = vector_row["translation"]
    if translation not in HANDLERS:
        pytest.fail(
            f"{vector_row['id']}: no handler for translation {translation!r}; add one to "
            "HANDLERS (rows must never be skipped)"
        )
    got = float(HANDLERS[translation](Inputs(vector_row["inputs"])))
    got /= expected_unit(vector_row["unit"])
    expected = float(vector_row["expected_output"])
    if math.isnan(expected):
        assert math.isnan(got), f"{vector_row['id']}: expected NaN, got {got}"
        return
    tol = float(vector_row["rel_tolerance"])
    assert got == pytest.approx(expected, rel=tol, abs=0), (
        f"{vector_row['id']} ({vector_row['truth_source']}): got {got!r}, expected {expected!r} "
        f"within {tol}"
    )


def test_unit_handlers_use_internal_units() -> None:
    # Guards the unit parsing used by the handlers above.
    assert quantity("3e-26 cm3/s") == pytest.approx(3e-26 * cm3 / s)
    assert expected_unit("cm2") == cm2
    assert quantity("1/137.035999084") == pytest.approx(constants.ALPHA_EM, rel=1e-15)
