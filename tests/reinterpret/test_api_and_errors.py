"""Public surface, bad input (clear errors, nothing half-written) and the CLI."""

from __future__ import annotations

import doctest
import json
from pathlib import Path

import numpy as np
import pytest

import dmsummary.reinterpret as ri
from dmsummary import Catalogue
from dmsummary.cli import main
from dmsummary.exceptions import DMSummaryError, TranslationDomainError
from dmsummary.physics.rescaling import CouplingScenario
from dmsummary.units import TeV

PUBLIC = [
    "DEFAULT_G_Q_RANGE", "WIDTH_INPUTS", "DarkPhotonLimits", "DepthMap",
    "depth_map_from_gq_limit", "depth_map_from_mu_grid", "depth_map_from_xsec_limits",
    "exclusion_contours", "rescale_depth_map", "DerivedCurve", "Derivation",
    "RescaledPoints", "SourceModel", "Unsolved", "benchmark_dict", "custom_benchmark",
    "dark_photon_limits", "dark_photon_values", "relic_target_values", "rescale_limit", "rescale_points", "source_model", "target_benchmark",
    "write_json",
]  # fmt: skip
J50 = "atlas-2025-tla-j50-gq"


def test_public_surface_is_pinned() -> None:
    assert sorted(dir(ri)) == sorted(PUBLIC)
    assert sorted(ri.__all__) == sorted(PUBLIC)


def test_docstring_example_runs(mirror: Path) -> None:
    result = doctest.testmod(ri, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0
    assert result.failed == 0


def test_presets_and_custom_benchmarks() -> None:
    assert ri.target_benchmark("v1").g_q == 0.25
    assert ri.target_benchmark("Minimal-Dark-Photon").m_dm_over_m_med == pytest.approx(1 / 3)
    with pytest.raises(
        TranslationDomainError, match="unknown benchmark 'B7'; presets are V1, V2, A1, A2, minimal"
    ):
        ri.target_benchmark("B7")
    for field, kw in [("g_dm", {"g_dm": 0.0}), ("g_dm", {"g_dm": -1.0}),
                      ("g_q", {"g_q": 0.0, "g_dm": 1.0}), ("g_l", {"g_dm": 1.0, "g_l": -0.1}),
                      ("m_dm_over_m_med", {"g_dm": 1.0, "m_dm_over_m_med": 0.0}),
                      ("g_dm", {"g_dm": float("nan")})]:  # fmt: skip
        kwargs = {"g_q": None, **kw}
        with pytest.raises(TranslationDomainError, match=f"'{field}'"):
            ri.custom_benchmark("vector", **kwargs)  # type: ignore[arg-type]


def test_wrong_plane_is_refused(cat: Catalogue) -> None:
    with pytest.raises(TranslationDomainError, match=r"lz-2024-si.*plane 'si'.*'gq-mzprime'"):
        ri.rescale_limit("lz-2024-si", catalogue=cat)


def test_target_errors(cat: Catalogue) -> None:
    with pytest.raises(TranslationDomainError, match="does not fix the DM mass; pass m_dm_target"):
        ri.rescale_limit(J50, "V1", catalogue=cat)
    with pytest.raises(TranslationDomainError, match="needs a vector target"):
        ri.dark_photon_limits(J50, "A1", convention="dmwg-2405.13778", catalogue=cat)
    with pytest.raises(TranslationDomainError, match="'convention' must be one of"):
        ri.dark_photon_limits(J50, convention="naive", catalogue=cat)
    with pytest.raises(TranslationDomainError, match="cannot rescale"):
        ri.rescale_limit(J50, "minimal-dark-photon", method="monox-propagator", catalogue=cat)
    with pytest.raises(TranslationDomainError, match="'width_inputs' must be one of"):
        ri.rescale_limit(J50, width_inputs="pdg1998", catalogue=cat)


def test_entry_without_model_file_asks_for_source(cat: Catalogue) -> None:
    with pytest.raises(TranslationDomainError, match="--source-model"):
        ri.rescale_limit("cms-2018-dijet-gq-leptophobic", catalogue=cat)
    quarks_only = CouplingScenario("vector", None, 0.0)  # leptophobic Z', no DM coupling
    with pytest.raises(TranslationDomainError, match="exactly one of a fixed m_dm"):
        ri.SourceModel(quarks_only, None, "test")
    source = ri.SourceModel(quarks_only, 1.0 * TeV, "test")
    curve = ri.rescale_limit("cms-2018-dijet-gq-leptophobic", source=source, catalogue=cat)
    assert curve.x.size + len(curve.unsolved) > 10
    assert curve.derivation.source_benchmark["g_dm"] == 0.0


def test_closed_dm_channel_is_noted(cat: Catalogue) -> None:
    heavy = ri.custom_benchmark("vector", g_q=None, g_dm=1.0, m_dm_over_m_med=0.6)
    curve = ri.rescale_limit(J50, heavy, catalogue=cat)
    assert any("invisible channel is closed" in n for n in curve.notes)
    # without DM decays the vector limit is the axial one scaled by sqrt(a_A/a_V) only
    assert np.all(curve.y < ri.rescale_limit(J50, catalogue=cat).y)


def test_write_json_is_atomic_and_deterministic(cat: Catalogue, tmp_path: Path) -> None:
    curve = ri.rescale_limit(J50, catalogue=cat)
    out = ri.write_json(tmp_path / "a.json", [curve])
    first = out.read_bytes()
    ri.write_json(tmp_path / "a.json", [curve])
    assert out.read_bytes() == first
    doc = json.loads(first)
    assert doc["curves"][0]["derivation"]["sources"] == [J50]
    bad = ri.DerivedCurve("x", "x", "gq-mzprime", "observed", 0.95,
                          ((np.array([1.0]), np.array([np.nan])),), curve.derivation)  # fmt: skip
    with pytest.raises(ValueError, match="Out of range float"):
        ri.write_json(tmp_path / "a.json", [bad])
    assert out.read_bytes() == first  # the old file is untouched
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.json"]  # no temp file left


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as info:
        main(args)
    out, err = capsys.readouterr()
    code = info.value.code
    return (code if isinstance(code, int) else 1), out, err


def test_cli_dark_photon_json(
    mirror: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "dp.json"
    code, out, _ = run(["reinterpret", "dark-photon", J50, "atlas-2025-tla-j100-gq",
                        "--convention", "dmwg-2405.13778", "--only", "y-mdm", "--only", "epsilon",
                        "-o", str(target)], capsys)  # fmt: skip
    assert code == 0, out
    assert "4 curve(s) written" in out
    doc = json.loads(target.read_text(encoding="utf-8"))
    assert [c["plane"] for c in doc["curves"]] == ["y-mdm", "epsilon-mzprime"] * 2  # --only order
    assert doc["writer_info"]["name"] == "dmsummary"


def test_cli_reports_unsolved_masses(mirror: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["reinterpret", "dark-photon", "atlas-2025-tla-j100-gq", "--convention",
            "dmwg-2405.13778", "--only", "y-mdm", "--max-width-ratio", "0.03"]  # fmt: skip
    code, out, _ = run([*args, "--json"], capsys)
    assert code == 0
    unsolved = json.loads(out)["curves"][0]["unsolved"]
    assert unsolved
    assert all(u["m_med"] >= 600 and u["reason"].startswith("Gamma/M") for u in unsolved)
    code, out, _ = run(args, capsys)
    assert code == 0
    assert f"no value at m_med = {unsolved[0]['m_med']:g} GeV: Gamma/M" in out


def test_cli_rescale_table_and_custom_target(
    mirror: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(["reinterpret", "rescale", J50, "--target", "V1", "--mdm", "200",
                        "--width-inputs", "dmwg-couplingscan"], capsys)  # fmt: skip
    assert code == 0
    assert "atlas-2025-tla-j50-gq@V1" in out
    assert "invisible channel is closed" in out
    code, out, _ = run(["reinterpret", "rescale", J50, "--gdm", "0.5", "--json"], capsys)
    assert code == 0
    assert json.loads(out)["curves"][0]["derivation"]["target_benchmark"]["g_dm"] == 0.5
    code, out, _ = run(["reinterpret", "benchmarks"], capsys)
    assert "minimal-dark-photon" in out
    assert code == 0


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["rescale", "lz-2024-si"], 1, "plane 'si'"),
        (["rescale", J50, "--gdm", "0"], 1, "'g_dm' must be a finite number > 0"),
        (["rescale", J50, "--target", "V1"], 1, "does not fix the DM mass"),
        (["rescale", "no-such-entry"], 1, "no catalogue entry"),
        (["rescale", J50, "--method", "monojet"], 2, "Invalid value for '--method'"),
        (["rescale", J50, "--max-width-ratio", "-1"], 2, "--max-width-ratio"),
        (["dark-photon", J50], 2, "Missing option '--convention'"),
        (["rescale"], 2, "Missing argument"),
        (["rescale", J50, "-o", "/no/such/dir/x.json"], 2, "does not exist"),
    ],
)
def test_cli_errors(
    mirror: Path, capsys: pytest.CaptureFixture[str], args: list[str], code: int, message: str
) -> None:
    got, _, err = run(["reinterpret", *args], capsys)
    assert got == code
    assert message in err
    assert "Traceback" not in err


def test_errors_are_dmsummary_errors() -> None:
    assert issubclass(TranslationDomainError, DMSummaryError)


DOC = Path(__file__).resolve().parents[2] / "docs" / "reinterpretation.md"


def test_docs_examples_run(mirror: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import re

    text = DOC.read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", text, flags=re.DOTALL)
    assert blocks
    for code in blocks:
        exec(compile(code, str(DOC), "exec"), {})  # noqa: S102 - our own docs
    assert "epsilon <" in capsys.readouterr().out
    for line in re.findall(r"^uv run dmsummary (.*)$", text, flags=re.MULTILINE):
        args = line.split()
        if "-o" in args:  # keep the run side-effect free: print instead of writing
            del args[args.index("-o") :]
        code, _, err = run(args, capsys)
        assert code == 0, (line, err)
