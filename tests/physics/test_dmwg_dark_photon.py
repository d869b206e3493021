"""Reproduce the committed outputs of the LHC DM WG dark-photon tool from its inputs.

Inputs: ATLAS TLA dijet g_q limits for an axial Z' (g_DM = 1, g_ℓ = 0, m_DM = 10 TeV;
``TLADijetRun2_limit_params.json``). Outputs: the tool's g_q contour for the vector
``minimal_dark_photon`` benchmark (``*_rescaledVector.json``) and its ε, y
(``*_darkPhoton.json``), all from mamerl/DMWG-dark-photon-tools (see shared/data/MANIFEST.csv).
The tool extracts a depth = 1 contour on a 151-point g_q grid, so its g_q carries a grid
interpolation error of a few 1e-5; we compare at the input masses to 1e-3.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from dmsummary.physics import dark_photon, rescaling
from dmsummary.units import GeV

TOOL = Path("data") / "dmwg_dark_photon" / "mamerl-DMWG-dark-photon-tools"
TAGS = ["J50_observed", "J50_expected", "J100_observed", "J100_expected"]


def _load(path: Path) -> Any:
    if not path.is_file():
        pytest.fail(f"reference file {path} not found (set DMSUMMARY_SHARED)")
    with path.open(encoding="utf-8") as handle:
        return json.load(handle)


@pytest.mark.parametrize("tag", TAGS)
def test_rescaled_vector_limit_matches_tool(shared: Path, tag: str) -> None:
    limit = _load(shared / TOOL / "inputs" / f"TLADijetRun2_{tag}_limit.json")
    params = _load(shared / TOOL / "inputs" / "TLADijetRun2_limit_params.json")
    output = _load(shared / TOOL / "outputs" / f"TLADijetRun2_{tag}_rescaledVector.json")
    assert output["benchmark"] == "minimal_dark_photon"
    assert not params["mdm_is_fraction"]

    source = rescaling.CouplingScenario(params["coupling"], None, params["gdm"], params["gl"])
    mmed = np.array(limit["mmed"])
    ours = rescaling.rescale_gq_limit(
        mmed * GeV,
        limit["gq_limit"],
        source=source,
        m_dm_source=params["mdm"] * GeV,
        target=rescaling.BENCHMARKS["minimal-dark-photon"],
        inputs="dmwg-couplingscan",
    )
    contour_m = np.concatenate([np.array(c) for c in output["mmed_contours"]])
    contour_g = np.concatenate([np.array(c) for c in output["gq_contours"]])
    compared = 0
    for m, g in zip(mmed, ours, strict=True):
        at_mass = contour_g[np.isclose(contour_m, m, rtol=1e-9, atol=0)]
        assert at_mass.size >= 1, f"{tag}: tool contour has no point at M = {m} GeV"
        # The lower edge of the excluded band is the limit (the contour closes at the top).
        assert np.min(at_mass) == pytest.approx(g, rel=1e-3), f"{tag}: M = {m} GeV"
        compared += 1
    assert compared == len(mmed)


@pytest.mark.parametrize("tag", TAGS)
def test_dark_photon_outputs_match_tool(shared: Path, tag: str) -> None:
    vector = _load(shared / TOOL / "outputs" / f"TLADijetRun2_{tag}_rescaledVector.json")
    dark = _load(shared / TOOL / "outputs" / f"TLADijetRun2_{tag}_darkPhoton.json")
    alpha_d = dark_photon.alpha_dark(1.0)
    for m, g, eps_ref, y_ref in zip(
        vector["mmed_contours"], vector["gq_contours"], dark["epsilon_limit"], dark["y_limit"],
        strict=True,
    ):  # fmt: skip
        m_zp = np.array(m) * GeV
        eps = dark_photon.epsilon_from_gq(m_zp, g, convention="dmwg-2405.13778")
        y = dark_photon.yield_parameter(eps, m_zp / 3, m_zp, alpha_d=alpha_d)
        np.testing.assert_allclose(eps, eps_ref, rtol=1e-9)
        np.testing.assert_allclose(y, y_ref, rtol=1e-9)
