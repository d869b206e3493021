"""Recipes: validation, resolution into figures, derived layers, and bad input."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from dmsummary.exceptions import RecipeError
from dmsummary.recipes.recipe import builtin_recipes, load_recipe, resolve_recipe

FIXTURES = Path(__file__).parent / "fixtures"

BAD = {
    "unknown_entry": r"layers\[0\]\.entry: no catalogue entry with id or alias 'lz-2024-sii'; did you mean lz-2024-si",
    "plane_mismatch": r"layers\[0\]\.entry: 'lz-2024-sdp' is on plane 'sd-proton', but the recipe draws plane 'si'",
    "unknown_role": r"layers\[0\]\.role: 'dark-side' is not one of \['collider'",
    "unknown_style_key": r"layers\[0\]\.style: .*'colour' was unexpected",
    "malformed_yaml": r"malformed_yaml\.yaml: not valid YAML",
    "no_data_in_view": r"layers\[0\] \(lz-2024-si\): no data in view of the axes .*widen the axis ranges",
    "bad_parameter_value": r"layers\[1\]\.derived\.parameters\.convention: 'majorana-ish' is not one of",
    "missing_convention": r"layers\[1\]\.derived\.parameters: .* needs \['convention'\] \(explicit conventions",
    "unknown_translation": r"layers\[1\]\.derived\.translation: unknown translation 'higgs_portal\.magic'; available:",
    "wrong_input_plane": r"layers\[1\]\.derived\.inputs\.br_inv: entry 'lz-2024-si' is on plane 'si', but .* needs plane 'br-hinv'",
    "out_of_domain": r"layers\[1\]\.derived\.parameters\.f_n: -0\.3 is outside the domain \(0\.0, 1\.0\)",
    "bad_axis_unit": r"bad_axis_unit\.yaml: y\.unit: unit 'GeV' has dimension energy",
    "unknown_plane": r"plane: unknown plane 'sigma'; valid planes are",
    "python_tag": r"YAML tag 'tag:yaml\.org,2002:python/object/apply:os\.system' is not allowed",
}


@pytest.mark.parametrize(("case", "pattern"), sorted(BAD.items()), ids=sorted(BAD))
def test_bad_recipes_name_file_layer_and_field(mirror: Path, case: str, pattern: str) -> None:
    path = FIXTURES / f"{case}.yaml"
    with pytest.raises(RecipeError, match=pattern) as info:
        resolve_recipe(load_recipe(path))
    assert f"{case}.yaml" in str(info.value)


def test_yaml_float_pitfall_gets_a_hint(tmp_path: Path) -> None:
    text = (FIXTURES / "good.yaml").read_text().replace("[1.0, 1000.0]", "[1.0e0, 1.0e3]")
    path = tmp_path / "r.yaml"
    path.write_text(text)
    with pytest.raises(
        RecipeError,
        match=r"YAML 1\.1 reads 1\.0e3 as text: write it with a signed exponent, e\.g\. 1\.0e\+3",
    ):
        load_recipe(path)


def test_unknown_recipe_name_suggests(tmp_path: Path) -> None:
    with pytest.raises(RecipeError, match=r"did you mean espp2026/higgs-portal-majorana"):
        load_recipe("espp2026/higgs-portal-majorna")


def test_good_recipe_resolves_with_provenance(mirror: Path) -> None:
    figure = resolve_recipe(load_recipe(FIXTURES / "good.yaml"))
    lz, hinv = figure.layers
    assert lz.provenance.entry is not None
    assert lz.provenance.entry.id == "lz-2024-si"
    assert hinv.provenance.translation == "higgs_portal.sigma_si_from_br_inv"
    assert hinv.provenance.convention == "self-conjugate"
    assert [p.entry.id for p in hinv.provenance.parents if p.entry] == ["atlas-2023-hinv-br"]
    assert (hinv.status, hinv.cl) == ("observed", 0.95)
    assert [e.id for e in figure.entries] == ["lz-2024-si", "atlas-2023-hinv-br"]
    assert figure.recipe_digest.startswith("sha256:")
    # CL-mixing note added automatically
    assert any(
        "90% CL: direct detection" in a.text and "95% CL: collider" in a.text
        for a in figure.annotations
    )


def test_higgs_portal_layer_matches_published_reference_value(mirror: Path) -> None:
    """PHYSICS.md §3.5: B = 0.107, m = 10 GeV, f_N = 0.308: convention D fermion 5.261e-47 cm^2
    (v = 246.22 GeV); convention SC is twice that. The recipe uses v = 246 GeV (0.18 % effect)."""
    figure = resolve_recipe(load_recipe(FIXTURES / "good.yaml"))
    hinv = figure.layers[1]
    ((x, y),) = hinv.segments
    sigma_10 = float(np.exp(np.interp(np.log(10.0), np.log(x), np.log(y))))
    assert sigma_10 == pytest.approx(2 * 5.261e-47, rel=5e-3)
    assert x.max() < 62.5  # m_DM >= m_H/2 is outside the domain (NaN, dropped)


def test_digest_is_stable_and_sensitive(tmp_path: Path) -> None:
    a = load_recipe(FIXTURES / "good.yaml")
    b = load_recipe(FIXTURES / "good.yaml")
    assert a.digest == b.digest
    changed = tmp_path / "c.yaml"
    changed.write_text((FIXTURES / "good.yaml").read_text().replace("points: 50", "points: 51"))
    assert load_recipe(changed).digest != a.digest


@pytest.mark.parametrize("name", builtin_recipes())
def test_every_builtin_recipe_resolves(mirror: Path, name: str) -> None:
    figure = resolve_recipe(load_recipe(name))
    assert figure.layers
    assert figure.output
    ids = [layer.id for layer in figure.layers]
    assert len(ids) == len(set(ids))
