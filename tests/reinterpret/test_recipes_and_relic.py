"""The dmwg recipes (derived layers with provenance) and the thermal-relic target."""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pytest

from dmsummary import Catalogue, load_catalogue
from dmsummary.exceptions import RecipeError
from dmsummary.physics import simplified
from dmsummary.recipes import Recipe, builtin_recipes, load_recipe, resolve_recipe
from dmsummary.reinterpret import dark_photon_limits, relic_target_values
from dmsummary.units import GeV, cm3, s

DMWG = [
    "dmwg/dark-photon-epsilon-vs-mdm",
    "dmwg/dark-photon-epsilon-vs-mzprime",
    "dmwg/dark-photon-y-vs-mdm",
    "dmwg/dark-photon-y-vs-mzprime",
]
SOURCES = {
    "tla-j50-obs": "atlas-2025-tla-j50-gq",
    "tla-j50-exp": "atlas-2025-tla-j50-gq-expected-median",
    "tla-j100-obs": "atlas-2025-tla-j100-gq",
    "tla-j100-exp": "atlas-2025-tla-j100-gq-expected-median",
}


def test_the_four_dark_photon_recipes_are_built_in() -> None:
    assert [r for r in builtin_recipes() if r.startswith("dmwg/dark-photon")] == DMWG


@pytest.mark.parametrize("name", DMWG)
def test_recipe_layers_match_the_library(cat: Catalogue, name: str) -> None:
    figure = resolve_recipe(load_recipe(name), cat)
    quantity = "epsilon" if "epsilon" in name else "y"
    versus_mdm = name.endswith("mdm")
    layers = {layer.id: layer for layer in figure.layers}
    assert set(layers) == {"relic-target", *SOURCES}
    for lid, entry in SOURCES.items():
        layer = layers[lid]
        prov = layer.provenance
        assert (
            prov.translation == f"reinterpret.{quantity}_vs_{'mdm' if versus_mdm else 'mzprime'}"
        )
        assert prov.convention == "dmwg-2405.13778"
        assert prov.parameters["benchmark"] == "minimal-dark-photon"
        assert prov.parameters["method"] == "dijet-br"
        assert [e.id for e in prov.entries] == [entry]
        assert layer.status == ("expected" if lid.endswith("exp") else "observed")
        assert layer.role == "collider"
        limits = dark_photon_limits(entry, convention="dmwg-2405.13778", catalogue=cat)
        ref = {
            ("epsilon", False): limits.epsilon, ("epsilon", True): limits.epsilon_mdm,
            ("y", False): limits.y, ("y", True): limits.y_mdm,
        }[quantity, versus_mdm]  # fmt: skip
        x = np.concatenate([xs for xs, _ in layer.segments])
        y = np.concatenate([ys for _, ys in layer.segments])
        np.testing.assert_allclose(x, ref.x / GeV, rtol=1e-12)
        np.testing.assert_allclose(y, ref.y, rtol=1e-9)
    relic = layers["relic-target"]
    assert relic.role == "relic-target"
    assert [e.id for e in relic.provenance.entries] == ["steigman-2012-thermal-relic-sigmav"]
    assert any("minimal-dark-photon" in a.text or "m_{Z'}/3" in a.text for a in figure.annotations)


def test_relic_coupling_reproduces_the_dmwg_v1_relic_contour(mirror: Path) -> None:
    # Independent reference: the LHC DM WG Omega h^2 = 0.12 contour for V1 (g_q = 0.25, g_DM = 1;
    # MadDM, arXiv:1703.05703) in (M, m_DM). Our s-wave, quarks-only coupling that gives the
    # Steigman et al. (2012) <sigma v> (x2 for Dirac) at those points must be ~0.25.
    path = mirror / "relic" / "LHC-DMWG-RelicDensityCurves" / "Relic_1703.05703" / "relic_V1.csv"
    with path.open(encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle) if float(r["y"]) >= 20.0][::10]
    m_med = np.array([float(r["x"]) for r in rows]) * GeV
    m_dm = np.array([float(r["y"]) for r in rows]) * GeV
    steigman = load_catalogue().curve("steigman-2012-thermal-relic-sigmav")
    xs, ys = steigman.segments[0]
    target = simplified.dirac_sigmav_limit_from_majorana(
        np.exp(np.interp(np.log(m_dm), np.log(xs), np.log(ys)))
    )
    g = simplified.gq_from_sigmav("vector", m_med, m_dm, 1.0, target)
    assert len(rows) > 10
    np.testing.assert_allclose(g, 0.25, rtol=0.06)


def test_gq_from_sigmav_round_trip_and_saturation() -> None:
    m = np.array([400.0, 900.0, 1800.0]) * GeV
    goal = np.array([4.4e-26, 1e-25, 3e-26]) * cm3 / s
    g = simplified.gq_from_sigmav("vector", m, m / 3, 1.0, goal)
    width = simplified.total_width("vector", m, m / 3, g, 1.0)
    np.testing.assert_allclose(
        simplified.sigmav("vector", m, m / 3, g, 1.0, width), goal, rtol=1e-12
    )
    # an unreachable rate (the width grows with g_q, so <sigma v> saturates) has no solution
    assert np.isnan(simplified.gq_from_sigmav("vector", m[0], m[0] / 3, 1.0, 1e-15 * cm3 / s))


def test_relic_target_values_are_consistent(cat: Catalogue) -> None:
    sv = cat.curve("steigman-2012-thermal-relic-sigmav")
    m = np.array([375.0, 1000.0]) * GeV
    g = relic_target_values(sv, m, quantity="g_q", convention="dmwg-2405.13778")
    y = relic_target_values(sv, m, quantity="y", convention="dmwg-2405.13778")
    assert np.all((g > 0.01) & (g < 0.1))
    assert np.all(y > 0)
    # Below the published limits: the thermal target is not excluded by TLA at these masses.
    limits = dark_photon_limits(
        "atlas-2025-tla-j100-gq", convention="dmwg-2405.13778", catalogue=cat
    )
    assert np.all(relic_target_values(sv, limits.g_q.x, quantity="g_q", convention="dmwg-2405.13778")
                  < limits.g_q.y)  # fmt: skip


def test_relic_target_errors(cat: Catalogue) -> None:
    from dmsummary.exceptions import TranslationDomainError
    from dmsummary.reinterpret import custom_benchmark

    sv = cat.curve("steigman-2012-thermal-relic-sigmav")
    m = np.array([500.0]) * GeV
    axial = custom_benchmark("axial", g_q=None, g_dm=1.0, m_dm_over_m_med=1 / 3)
    # axial s-wave annihilation is helicity suppressed (m_q^2; the top is closed at m_DM =
    # 167 GeV): no coupling up to 4 pi reaches the thermal rate, so there is no target (NaN)
    axial_g = relic_target_values(sv, m, axial, quantity="g_q", convention="dmwg-2405.13778")
    assert np.isnan(axial_g).all()
    with pytest.raises(TranslationDomainError, match="vector mediator"):
        relic_target_values(sv, m, axial, quantity="y", convention="dmwg-2405.13778")
    with pytest.raises(TranslationDomainError, match="m_DM tied to m_Z'"):
        relic_target_values(sv, m, "V1", quantity="g_q", convention="dmwg-2405.13778")
    with pytest.raises(TranslationDomainError, match="is not 'sigmav-total'"):
        relic_target_values(cat.curve("lz-2024-si"), m, quantity="y", convention="dmwg-2405.13778")


def test_recipe_with_a_wrong_input_plane_is_refused(cat: Catalogue) -> None:
    doc = {
        "schema_version": "1.0.0", "id": "test/bad", "title": "bad", "plane": "y-mdm",
        "x": {"range": [100.0, 700.0]}, "y": {"range": [1e-6, 1e-2]},
        "layers": [{"role": "collider", "derived": {
            "id": "bad", "translation": "reinterpret.y_vs_mdm",
            "inputs": {"gq_limit": "lz-2024-si"},
            "parameters": {"benchmark": "minimal-dark-photon", "method": "dijet-br",
                           "convention": "dmwg-2405.13778"}}}],
    }  # fmt: skip
    with pytest.raises(RecipeError, match=r"plane 'si', but reinterpret\.y_vs_mdm needs plane"):
        resolve_recipe(Recipe.from_mapping(doc, where="bad.yaml"), cat)
    doc["layers"][0]["derived"]["inputs"] = {"gq_limit": "atlas-2025-tla-j50-gq"}  # type: ignore[index]
    del doc["layers"][0]["derived"]["parameters"]["convention"]  # type: ignore[index]
    with pytest.raises(RecipeError, match=r"needs \['convention'\]"):
        resolve_recipe(Recipe.from_mapping(doc, where="bad.yaml"), cat)
