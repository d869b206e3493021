"""The reinterpretation chain against the public DM WG dark-photon tool, and self-closure.

The tool (mamerl/DMWG-dark-photon-tools, outputs committed in ../shared/data) rescales the ATLAS
TLA dijet g_q limits (axial, g_DM = 1, m_DM = 10 TeV) to the vector ``minimal_dark_photon``
benchmark by extracting a depth = 1 contour on a 151-point g_q grid over [0.05, 0.2], then
computes epsilon and y. We solve per mass point and compare at the input masses (<= 1e-3).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from dmsummary import Catalogue
from dmsummary.physics import rescaling, simplified
from dmsummary.reinterpret import (
    SourceModel,
    custom_benchmark,
    dark_photon_limits,
    rescale_limit,
    rescale_points,
)
from dmsummary.units import GeV, TeV

TOOL = Path("dmwg_dark_photon") / "mamerl-DMWG-dark-photon-tools"
TAGS = ["J50_observed", "J50_expected", "J100_observed", "J100_expected"]


def _entry_id(tag: str) -> str:
    region, status = tag.lower().split("_")
    return f"atlas-2025-tla-{region}-gq" + ("" if status == "observed" else "-expected-median")


def _load(mirror: Path, *parts: str) -> Any:
    path = mirror.joinpath(TOOL, *parts)
    with path.open(encoding="utf-8") as handle:
        return json.load(handle)


@pytest.fixture(scope="module")
def tool_limits(cat: Catalogue) -> dict[str, Any]:
    """dark_photon_limits for every TLA input, with the tool's width inputs (computed once)."""
    return {
        tag: dark_photon_limits(_entry_id(tag), "minimal-dark-photon", catalogue=cat,
                                convention="dmwg-2405.13778", width_inputs="dmwg-couplingscan")
        for tag in TAGS
    }  # fmt: skip


@pytest.mark.parametrize("tag", TAGS)
def test_reproduces_tool_at_input_masses(
    mirror: Path, tool_limits: dict[str, Any], tag: str
) -> None:
    limit = _load(mirror, "inputs", f"TLADijetRun2_{tag}_limit.json")
    vector = _load(mirror, "outputs", f"TLADijetRun2_{tag}_rescaledVector.json")
    dark = _load(mirror, "outputs", f"TLADijetRun2_{tag}_darkPhoton.json")
    ours = tool_limits[tag]
    assert ours.g_q.unsolved == ()
    m_in = np.array(limit["mmed"])
    np.testing.assert_allclose(ours.g_q.x / GeV, m_in, rtol=0, atol=0)
    tool_m = np.concatenate([np.array(c) for c in vector["mmed_contours"]])
    tool_g = np.concatenate([np.array(c) for c in vector["gq_contours"]])
    tool_eps = np.concatenate([np.array(c) for c in dark["epsilon_limit"]])
    tool_y = np.concatenate([np.array(c) for c in dark["y_limit"]])
    for i, m in enumerate(m_in):
        at = np.flatnonzero(np.isclose(tool_m, m, rtol=1e-9, atol=0))
        assert at.size, f"{tag}: the tool has no point at m = {m} GeV"
        j = at[np.argmin(tool_g[at])]  # the lower edge of the excluded band is the limit
        assert ours.g_q.y[i] == pytest.approx(tool_g[j], rel=1e-3), f"{tag} g_q at {m} GeV"
        assert ours.epsilon.y[i] == pytest.approx(tool_eps[j], rel=1e-3), f"{tag} eps at {m}"
        assert ours.y.y[i] == pytest.approx(tool_y[j], rel=2e-3), f"{tag} y at {m} GeV"
        assert ours.y_mdm.x[i] == pytest.approx(m * GeV / 3, rel=1e-12)
        assert ours.y_mdm.y[i] == ours.y.y[i]
        assert ours.epsilon_mdm.y[i] == ours.epsilon.y[i]


def test_provenance_names_source_method_benchmarks_conventions(
    tool_limits: dict[str, Any],
) -> None:
    curve = tool_limits["J50_observed"].y_mdm
    d = curve.derivation.to_dict()
    assert d["sources"] == ["atlas-2025-tla-j50-gq"]
    assert d["method"].startswith("dijet-br rescaling + dark photon")
    assert d["source_benchmark"]["model"] == "axial"
    assert d["source_benchmark"]["m_dm"] == "10000 GeV"
    assert "TLADijetRun2_limit_params.json" in d["source_benchmark"]["from"]
    assert d["target_benchmark"] == {"model": "vector", "g_q": None, "g_dm": 1.0, "g_l": 0.0,
                                     "preset": "minimal-dark-photon", "m_dm": "m_med/3"}  # fmt: skip
    assert d["conventions"] == {"width_inputs": "dmwg-couplingscan", "epsilon": "dmwg-2405.13778"}
    assert d["parameters"]["max_width_ratio"] == 0.1
    assert curve.plane == "y-mdm"
    assert curve.status == "observed"
    assert tool_limits["J50_expected"].y.status == "expected"


DARK = custom_benchmark("vector", g_q=None, g_dm=1.0, g_l=0.0, m_dm_over_m_med=1 / 3)


@pytest.mark.parametrize("ratio", [1 / 3, 0.1, 0.45])
def test_self_closure_with_dm_decays_open(ratio: float) -> None:
    # A limit obtained in a model with open DM decays, rescaled to that same model, is itself.
    m = np.array([300.0, 500.0, 800.0, 1200.0, 1800.0]) * GeV
    glim = np.array([0.04, 0.07, 0.11, 0.16, 0.3])
    world = custom_benchmark("vector", g_q=None, g_dm=1.0, m_dm_over_m_med=ratio)
    assert np.all(simplified.width_to_dm("vector", m, ratio * m, 1.0) > 0)  # decays are open
    source = SourceModel(world, None, origin="test")
    out = rescale_points(m, glim, source=source, target=world, max_width_ratio=None)
    np.testing.assert_allclose(out.g_q, glim, rtol=1e-12)
    for mi, gi in zip(m, glim, strict=True):
        fixed = custom_benchmark("vector", g_q=float(gi), g_dm=1.0, m_dm_over_m_med=ratio)
        d = rescaling.exclusion_depth_from_gq_limit(mi, gi, source=world, target=fixed,
                                                    max_width_ratio=None)  # fmt: skip
        assert float(d) == pytest.approx(1.0, rel=1e-12)
        # The public tools' parser, g_lim^2 F(g_q = 1), does not close when DM decays are open.
        f1 = rescaling.signal_proxy("dijet-br", "vector", mi, ratio * mi, 1.0, 1.0)
        fg = rescaling.signal_proxy("dijet-br", "vector", mi, ratio * mi, gi, 1.0)
        assert abs(float(gi**2 * f1 / fg) - 1.0) > 0.05


def test_self_closure_of_a_catalogue_limit(cat: Catalogue) -> None:
    # Rescaling the TLA limit to its own benchmark through the catalogue returns the input.
    axial_tla = SourceModel(custom_benchmark("axial", g_q=None, g_dm=1.0), 10 * TeV, "test")
    same = rescale_limit("atlas-2025-tla-j100-gq", custom_benchmark("axial", g_q=None, g_dm=1.0),
                         source=axial_tla, m_dm_target=10 * TeV, catalogue=cat)  # fmt: skip
    original = cat.curve("atlas-2025-tla-j100-gq")
    np.testing.assert_allclose(same.y, original.segments[0][1], rtol=1e-12)


def test_limit_outside_any_former_scan_window_is_found() -> None:
    # The dark-photon tool reads the limit off g_q in [0.05, 0.2]; the coupling-scan code off
    # its own grid. Limits far below and far above are still found (closed form, PHYSICS.md 4.4).
    m = np.array([400.0, 700.0, 1500.0, 2500.0]) * GeV
    glim = np.array([0.004, 0.02, 0.6, 1.4])
    tla = SourceModel(custom_benchmark("axial", g_q=None, g_dm=1.0), 10 * TeV, "test")
    out = rescale_points(m, glim, source=tla, target=DARK, max_width_ratio=None)
    a_x = simplified.width_to_quarks("axial", m, 1.0)
    a_y = simplified.width_to_quarks("vector", m, 1.0)
    g_chi = simplified.width_to_dm("vector", m, m / 3, 1.0)
    closed = np.sqrt(glim**2 * (a_x / a_y) * (1 + np.sqrt(1 + 4 * g_chi / (glim**2 * a_x))) / 2)
    np.testing.assert_allclose(out.g_q, closed, rtol=1e-10)
    assert out.g_q[0] < 0.05
    assert out.g_q[-1] > 0.2
    assert out.reasons == ("", "", "", "")


def test_unsolved_masses_are_reported_not_clipped() -> None:
    tla = SourceModel(custom_benchmark("axial", g_q=None, g_dm=1.0), 10 * TeV, "test")
    m = np.array([500.0, 500.0, 500.0, 500.0]) * GeV
    glim = np.array([np.nan, 0.05, 3.0, 0.6])
    out = rescale_points(m, glim, source=tla, target=DARK, g_q_range=(0.01, 2.0))
    assert np.isnan(out.g_q[[0, 2, 3]]).all()
    assert np.isfinite(out.g_q[1])
    assert out.reasons[0] == "no source limit at this mass"
    assert out.reasons[2].startswith("not excluded for any g_q <= 2")
    assert out.reasons[3].startswith("Gamma/M = ")
    low = rescale_points(m[:1], glim[1:2], source=tla, target=DARK, g_q_range=(0.5, 2.0))
    assert low.reasons[0].startswith("excluded already at g_q = 0.5")


def test_gaps_split_segments(cat: Catalogue) -> None:
    # A width cut between the narrowest and the widest solution removes some masses: the
    # curve keeps its pieces apart (never joined across a gap) and lists every removed mass.
    free = rescale_limit("atlas-2025-tla-j100-gq", DARK, max_width_ratio=None, catalogue=cat)
    ratio = simplified.total_width("vector", free.x, free.x / 3, free.y, 1.0) / free.x
    cut = float(np.median(ratio))
    curve = rescale_limit("atlas-2025-tla-j100-gq", DARK, max_width_ratio=cut, catalogue=cat)
    kept = np.concatenate([x for x, _ in curve.segments])
    assert kept.size + len(curve.unsolved) == free.x.size
    assert len(curve.segments) >= 2
    assert all(u.reason.startswith("Gamma/M") for u in curve.unsolved)
    np.testing.assert_array_equal(np.sort(kept), free.x[ratio <= cut])
    for x, _ in curve.segments:  # each piece is a run of consecutive input masses
        idx = np.searchsorted(free.x, x)
        assert np.all(np.diff(idx) == 1)
