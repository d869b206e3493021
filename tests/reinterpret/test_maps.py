"""Exclusion-depth maps and d = 1 contours (dijet, dilepton, mono-X propagator)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from dmsummary import Catalogue
from dmsummary.exceptions import TranslationDomainError
from dmsummary.physics import rescaling
from dmsummary.reinterpret import (
    DepthMap,
    Derivation,
    custom_benchmark,
    depth_map_from_gq_limit,
    depth_map_from_mu_grid,
    depth_map_from_xsec_limits,
    exclusion_contours,
    rescale_depth_map,
    source_model,
    target_benchmark,
)
from dmsummary.units import GeV

DILEPTON = {
    0.0: "atlas-2019-dilepton-xsec-width0",
    0.005: "atlas-2019-dilepton-xsec-width0.5",
    0.012: "atlas-2019-dilepton-xsec-width1.2",
    0.03: "atlas-2019-dilepton-xsec-width3",
    0.06: "atlas-2019-dilepton-xsec-width6",
    0.10: "atlas-2019-dilepton-xsec-width10",
}
NO_DERIVATION = Derivation((), "test", {}, {})


def _synthetic(depth: np.ndarray, mx: np.ndarray, my: np.ndarray) -> DepthMap:
    return DepthMap("synthetic", "synthetic", "observed", 0.95, mx, my, depth,
                    target_benchmark("A1"), NO_DERIVATION)  # fmt: skip


def test_contour_of_a_known_map_is_the_circle() -> None:
    # d = exp(rho - 1) with rho the distance from (ln 300, ln 30) in units of ln(3):
    # the d = 1 contour is the circle rho = 1, i.e. a "circle" on the log-log plane.
    mx, my = np.geomspace(50, 2000, 181) * GeV, np.geomspace(5, 200, 171) * GeV
    lx, ly = np.meshgrid(np.log(mx / (300 * GeV)), np.log(my / (30 * GeV)))
    rho = np.hypot(lx, ly) / np.log(3.0)
    curve = exclusion_contours(_synthetic(np.exp(rho - 1.0), mx, my))
    assert len(curve.segments) == 1
    x, y = curve.segments[0]
    radius = np.hypot(np.log(x / (300 * GeV)), np.log(y / (30 * GeV))) / np.log(3.0)
    np.testing.assert_allclose(radius, 1.0, atol=1e-3)
    assert x[0] == pytest.approx(x[-1])  # closed
    assert y[0] == pytest.approx(y[-1])
    assert curve.plane == "mmed-mdm"
    assert "contourpy" in curve.derivation.method


def test_nan_cells_are_masked_not_contoured_through() -> None:
    mx, my = np.geomspace(50, 2000, 101) * GeV, np.geomspace(5, 200, 91) * GeV
    lx, ly = np.meshgrid(np.log(mx / (300 * GeV)), np.log(my / (30 * GeV)))
    depth = np.exp(np.hypot(lx, ly) / np.log(3.0) - 1.0)
    depth[:, mx > 400 * GeV] = np.nan  # no limit above 400 GeV
    curve = exclusion_contours(_synthetic(depth, mx, my))
    assert curve.segments
    for x, _ in curve.segments:
        assert np.all(x <= 400 * GeV * 1.0001)
    x, y = curve.segments[0]
    assert not (x[0] == pytest.approx(x[-1]) and y[0] == pytest.approx(y[-1]))  # now open


def test_contour_errors() -> None:
    mx, my = np.array([1.0, 2.0]) * GeV, np.array([1.0, 2.0]) * GeV
    with pytest.raises(TranslationDomainError, match="no finite depth"):
        exclusion_contours(_synthetic(np.full((2, 2), np.nan), mx, my))
    with pytest.raises(TranslationDomainError, match="'level' must be > 0"):
        exclusion_contours(_synthetic(np.ones((2, 2)), mx, my), level=0.0)
    with pytest.raises(TranslationDomainError, match="expected \\(2, 2\\)"):
        _synthetic(np.ones((3, 2)), mx, my)
    with pytest.raises(TranslationDomainError, match="increasing"):
        _synthetic(np.ones((2, 2)), mx[::-1], my)


def test_dijet_map_matches_pointwise_depth_and_its_contour(cat: Catalogue) -> None:
    # An axial g_q = 0.1 target: excluded while BR(qq) is high; open DM decays (m_DM < M/2)
    # dilute the dijet signal and un-exclude it, so d = 1 runs along the DM threshold region.
    target = custom_benchmark("axial", g_q=0.1, g_dm=1.0)
    mx, my = np.geomspace(600, 1800, 61) * GeV, np.geomspace(50, 1500, 57) * GeV
    dmap = depth_map_from_gq_limit("atlas-2025-tla-j100-gq", target, mx, my, catalogue=cat)
    src = source_model(cat.get("atlas-2025-tla-j100-gq"))
    x, g = cat.curve("atlas-2025-tla-j100-gq").segments[0]
    i, j = 17, 40
    expected = rescaling.exclusion_depth_from_gq_limit(
        mx[i], np.interp(mx[i], x, g), source=src.scenario, m_dm_source=src.m_dm,
        target=target, m_dm_target=my[j],
    )  # fmt: skip
    assert dmap.depth[j, i] == pytest.approx(float(expected), rel=1e-12)
    assert np.nanmin(dmap.depth) < 1 < np.nanmax(dmap.depth)
    curve = exclusion_contours(dmap)
    assert curve.segments
    # every contour point lies where the (log-)interpolated depth is 1
    from scipy.interpolate import RegularGridInterpolator

    interp = RegularGridInterpolator(
        (np.log(my), np.log(mx)), np.log(dmap.depth), bounds_error=False, fill_value=None
    )
    for xs, ys in curve.segments:
        np.testing.assert_allclose(interp(np.column_stack([np.log(ys), np.log(xs)])), 0.0,
                                   atol=1e-9)  # fmt: skip
    assert curve.derivation.sources == ("atlas-2025-tla-j100-gq",)
    assert curve.derivation.target_benchmark["g_q"] == 0.1


def test_monox_propagator_rescaling_reproduces_atlas_a2(cat: Catalogue) -> None:
    # The ATLAS monophoton A1 mu grid, rescaled to A2 by the propagator method, against the
    # A2 contour ATLAS published (arXiv:1704.03848 Fig. 4b): same mediator-mass reach and
    # the same maximal DM mass to a few per cent (the DM WG coupling-scan validation).
    mx, my = np.geomspace(10, 1200, 160) * GeV, np.geomspace(10, 500, 120) * GeV
    a1 = depth_map_from_mu_grid("atlas-2017-monophoton-mmed-mdm-a1", "A1", mx, my, catalogue=cat)
    ours_a1 = exclusion_contours(a1)
    a2 = exclusion_contours(rescale_depth_map(a1, "A2", method="monox-propagator"))
    for ours, published in ((ours_a1, "atlas-2017-monophoton-mmed-mdm-a1"),
                            (a2, "atlas-2017-monophoton-mmed-mdm-a2")):  # fmt: skip
        pub = cat.curve(published)
        main = max(ours.segments, key=lambda s: s[0].size)
        assert main[0].max() == pytest.approx(np.concatenate([x for x, _ in pub]).max(), rel=0.02)
        assert main[1].max() == pytest.approx(np.concatenate([y for _, y in pub]).max(), rel=0.05)
    assert a2.derivation.method.endswith("monox-propagator rescaling + d = 1 contour (contourpy)")
    with pytest.raises(TranslationDomainError, match="cannot rescale"):
        rescale_depth_map(a1, "V1", method="monox-propagator")


def test_dilepton_map_closes_on_its_own_benchmark(cat: Catalogue) -> None:
    mx, my = np.geomspace(450, 1800, 40) * GeV, np.array([2.5, 10.0, 100.0]) * GeV
    dmap = depth_map_from_xsec_limits(
        DILEPTON, "atlas-2019-dilepton-v2-xsec-theory-approx", "V2", 2.5 * GeV, "V2", mx, my,
        catalogue=cat,
    )  # fmt: skip
    # At the theory curve's own benchmark (V2, m_DM = 2.5 GeV) d = sigma_lim(Gamma/M)/sigma_th.
    v2 = target_benchmark("V2")
    from dmsummary.physics import simplified

    ratio = simplified.total_width("vector", mx, 2.5 * GeV, 0.1, 1.0, 0.01) / mx
    limits = np.array([np.interp(np.log(mx), *_loglog_xy(cat, DILEPTON[w])) for w in DILEPTON])
    limit = rescaling.select_limit_by_width(ratio, np.array(list(DILEPTON)), np.exp(limits))
    theory = np.exp(
        np.interp(np.log(mx), *_loglog_xy(cat, "atlas-2019-dilepton-v2-xsec-theory-approx"))
    )
    np.testing.assert_allclose(dmap.depth[0], limit / theory, rtol=1e-10)
    assert v2.g_l > 0
    with pytest.raises(TranslationDomainError, match="g_l > 0"):
        depth_map_from_xsec_limits(DILEPTON, "atlas-2019-dilepton-v2-xsec-theory-approx", "V2",
                                   2.5 * GeV, "V1", mx, my, catalogue=cat)  # fmt: skip
    with pytest.raises(TranslationDomainError, match="'xsec-mzprime'"):
        depth_map_from_xsec_limits({0.0: "lz-2024-si"}, "atlas-2019-dilepton-v2-xsec-theory-approx",
                                   "V2", 2.5 * GeV, "V2", mx, my, catalogue=cat)  # fmt: skip


def _loglog_xy(cat: Catalogue, ident: str) -> tuple[np.ndarray, np.ndarray]:
    x, y = cat.curve(ident).segments[0]
    order = np.argsort(x)
    return np.log(x[order]), np.log(y[order])


def test_map_input_errors(cat: Catalogue) -> None:
    mx, my = np.geomspace(600, 1800, 5) * GeV, np.geomspace(50, 500, 4) * GeV
    with pytest.raises(TranslationDomainError, match="fixed g_q and a free m_DM"):
        depth_map_from_gq_limit("atlas-2025-tla-j100-gq", "minimal-dark-photon", mx, my,
                                catalogue=cat)  # fmt: skip
    with pytest.raises(TranslationDomainError, match="'m_dm' must be a 1D increasing grid"):
        depth_map_from_gq_limit("atlas-2025-tla-j100-gq", "A1", mx, my[::-1], catalogue=cat)
    with pytest.raises(TranslationDomainError, match="plane 'gq-mzprime'"):
        depth_map_from_gq_limit("lz-2024-si", "A1", mx, my, catalogue=cat)
    with pytest.raises(TranslationDomainError, match="no signal-strength grid"):
        depth_map_from_mu_grid("cms-2018-dijet-mmed-mdm-a1-piece1", "A1", mx, my, catalogue=cat)


def test_cli_contours(mirror: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from dmsummary.cli import main

    def run(args: list[str]) -> tuple[int, str, str]:
        with pytest.raises(SystemExit) as info:
            main(["reinterpret", "contour", *args])
        out, err = capsys.readouterr()
        return int(info.value.code or 0), out, err

    target = tmp_path / "a2.json"
    code, out, _ = run(["monox", "atlas-2017-monophoton-mmed-mdm-a1", "--source-benchmark", "A1",
                        "--target", "A2", "--mmed", "10:1200:60", "--mdm", "10:500:40",
                        "--with-map", "-o", str(target)])  # fmt: skip
    assert code == 0, out
    doc = json.loads(target.read_text(encoding="utf-8"))
    assert doc["curves"][0]["plane"] == "mmed-mdm"
    assert len(doc["depth_map"]["depth"]) == 40
    assert any(v is None for row in doc["depth_map"]["depth"] for v in row)  # masked, not NaN
    code, out, _ = run(["dijet", "atlas-2025-tla-j100-gq", "--target", "A1", "--gq", "0.1",
                        "--mmed", "600:1800:30", "--mdm", "50:1500:30"])  # fmt: skip
    assert code == 0
    assert "line 1" in out
    code, out, _ = run(["dilepton", "--limit", "0=atlas-2019-dilepton-xsec-width0",
                        "--limit", "0.1=atlas-2019-dilepton-xsec-width10",
                        "--theory", "atlas-2019-dilepton-v2-xsec-theory-approx",
                        "--theory-benchmark", "V2", "--theory-mdm", "2.5", "--target", "V2",
                        "--mmed", "450:1800:30", "--mdm", "1:1000:30", "--json"])  # fmt: skip
    assert code == 0
    assert json.loads(out)["curves"][0]["derivation"]["method"].startswith("dilepton-br")
    for args, message in (
        (["dijet", "atlas-2025-tla-j100-gq", "--target", "A1", "--mmed", "1:2"], "LO:HI:N"),
        (["dijet", "atlas-2025-tla-j100-gq", "--target", "A1", "--mmed", "5:1:10"], "0 < LO < HI"),
        (["dilepton", "--limit", "x", "--theory", "a", "--theory-benchmark", "V2",
          "--theory-mdm", "1", "--target", "V2"], "WIDTH=ID"),
    ):  # fmt: skip
        code, _, err = run(args)
        assert code == 2
        assert message in err
    code, _, err = run(["dijet", "atlas-2025-tla-j100-gq", "--target", "minimal-dark-photon"])
    assert code == 1
    assert "fixed g_q and a free m_DM" in err
