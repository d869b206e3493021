"""``dmsummary catalogue add``: formats, metadata from files, user catalogues, done-when checks."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
import yaml
from click.testing import CliRunner

from dmsummary.catalogue import builtin_catalogue_dir, load_catalogue
from dmsummary.cli import cli, main

GOOD = Path(__file__).parent / "fixtures" / "ingest" / "good"

SI = ["--plane", "si", "--experiment", "Synthetic", "--label", "Synthetic (2026)"]
REF = ["--reference", "arXiv:2601.00001", "--url", "https://example.org/limit"]


Add = Callable[..., tuple[int, str]]


@pytest.fixture
def add(capsys: pytest.CaptureFixture[str]) -> Add:
    """Run ``dmsummary [--catalogue C]... catalogue add ARGS --catalogue TARGET`` via ``main``."""

    def run(target: Path, *args: str, catalogues: tuple[Path, ...] = ()) -> tuple[int, str]:
        extra = [a for c in catalogues for a in ("--catalogue", str(c))]
        with pytest.raises(SystemExit) as info:
            main([*extra, "catalogue", "add", *args, "--catalogue", str(target)])
        out, err = capsys.readouterr()
        code = info.value.code
        return (code if isinstance(code, int) else 1), out + err

    return run


def _doc(path: Path) -> dict[str, object]:
    doc: dict[str, object] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return doc


# --- done when: the mirror's LZ 2025 HEPData table and a XENONnT data-release CSV -------
SAME = ("plane", "kind", "status", "cl", "statistic", "experiment", "year", "origin", "licence")
REPRODUCE = {
    "lz-2025-lowmass-si": (
        "si/xjw44-QuantumDMLimits/HEPData-ins3091049-v2-SI_cross_section.yaml",
        ["--y-column", "limit", "--x-unit", "GeV", "--y-unit", "cm2"],
        ["--experiment", "LZ", "--label", "LZ low mass (2025)", "--reference", "arXiv:2512.08065"],
    ),
    "xenonnt-2024-si": (
        "si/XENONnT-light_wimp_data_release/XENONnT_2024_SI.csv",
        ["--x-column", "dm_mass_gev", "--y-column", "upper_limit_cm2"],
        [
            "--experiment",
            "XENONnT",
            "--label",
            "XENONnT (2024)",
            "--reference",
            "arXiv:2409.17868",
        ],
    ),
}


@pytest.mark.parametrize("ident", sorted(REPRODUCE))
def test_add_reproduces_the_builtin_entry(mirror: Path, tmp_path: Path, ident: str) -> None:
    file, picks, facts = REPRODUCE[ident]
    target = tmp_path / "cat"
    # --no-builtin: the built-in entry with this id must not count as a collision here.
    result = CliRunner().invoke(
        cli,
        [
            "--no-builtin",
            "--catalogue",
            str(tmp_path),
            "catalogue",
            "add",
            str(mirror / file),
            "--plane",
            "si",
            "--status",
            "observed",
            "--cl",
            "0.9",
            "--id",
            ident,
            *picks,
            *facts,
            "--catalogue",
            str(target),
        ],
    )
    assert result.exit_code == 0, result.output
    assert f"wrote {target / f'{ident}.yaml'}" in result.output
    ours = load_catalogue([target], mirror=mirror)
    builtin = load_catalogue([builtin_catalogue_dir()], mirror=mirror)
    new, old = ours.get(ident), builtin.get(ident)
    for key in SAME:
        assert new.spec.get(key) == old.spec.get(key), key
    for key in ("file", "url", "sha256"):
        assert new.spec["data"][key] == old.spec["data"][key], key
    for axis in ("x", "y"):
        assert new.spec["data"]["format"][axis] == old.spec["data"]["format"][axis]
    assert new.spec["source"] == old.spec["source"]
    assert new.reference["arxiv"] == old.reference["arxiv"]
    ours_curve, old_curve = ours.curve(ident), builtin.curve(ident)
    assert len(ours_curve.segments) == len(old_curve.segments)
    for (x1, y1), (x0, y0) in zip(ours_curve.segments, old_curve.segments, strict=True):
        np.testing.assert_array_equal(x1, x0)
        np.testing.assert_array_equal(y1, y0)


# --- every format ----------------------------------------------------------------------
def test_hepdata_table_units_cl_and_status_come_from_the_file(add: Add, tmp_path: Path) -> None:
    code, out = add(
        tmp_path, str(GOOD / "hepdata_table.yaml"), *SI, *REF, "--y-column", "Observed limit"
    )
    assert code == 0, out
    doc = _doc(tmp_path / "synthetic-2026-si.yaml")
    assert doc["cl"] == 0.9
    assert doc["status"] == "observed"
    assert doc["origin"] == "hepdata"
    assert doc["licence"] == "CC0-1.0"
    fmt = doc["data"]["format"]  # type: ignore[index]
    assert fmt["x"] == {"column": 0, "unit": "GeV"}
    assert fmt["y"] == {"column": "Observed limit", "unit": "cm**2"}
    curve = load_catalogue([tmp_path]).curve("synthetic-2026-si")
    x, y = curve.xy()
    assert x[0] == 10.0
    assert y[0] == pytest.approx(3e-46)


def test_each_makes_one_entry_per_dependent_variable(add: Add, tmp_path: Path) -> None:
    code, out = add(tmp_path, str(GOOD / "hepdata_table.yaml"), *SI, *REF, "--each")
    assert code == 0, out
    names = sorted(p.name for p in tmp_path.glob("*.yaml"))
    assert names == [
        "synthetic-2026-si-expected-limit-median.yaml",
        "synthetic-2026-si-observed-limit.yaml",
    ]
    expected = _doc(tmp_path / names[0])
    assert (expected["status"], expected["statistic"]) == ("expected", "sensitivity-median")
    assert expected["label"] == "Synthetic (2026) (Expected limit (median))"


def test_hepdata_submission_with_data_files(add: Add, tmp_path: Path) -> None:
    target = tmp_path / "cat"
    code, out = add(
        target,
        str(GOOD / "submission" / "submission.yaml"),
        *SI,
        *REF,
        "--table",
        "Table 1",
        "--y-column",
        "Observed limit",
    )
    assert code == 0, out
    doc = _doc(target / "synthetic-2026-si.yaml")
    assert doc["reference"]["figure"] == "Data from Figure 3"  # type: ignore[index]
    assert doc["title"] == "Synthetic observed 90% CL limit"
    # The numbers live in the table file the submission names; it is kept beside the entry.
    assert (target / "data" / "synthetic-2026-si" / "table1.yaml").is_file()
    assert load_catalogue([target]).curve("synthetic-2026-si").n_points == 7


def test_single_file_hepdata_submission_selects_the_table(add: Add, tmp_path: Path) -> None:
    code, out = add(
        tmp_path,
        str(GOOD / "hepdata_single_file_submission.yaml"),
        *SI,
        *REF,
        "--table",
        "Limit",
        "--y-column",
        "Observed limit",
    )
    assert code == 0, out
    doc = _doc(tmp_path / "synthetic-2026-si.yaml")
    assert doc["data"]["format"]["table"] == "Limit"  # type: ignore[index]
    assert doc["cl"] == 0.9  # qualifier wins over the description's "95% CL"
    assert load_catalogue([tmp_path]).curve("synthetic-2026-si").n_points == 7


def test_hepdata_json_download(add: Add, tmp_path: Path) -> None:
    code, out = add(tmp_path, str(GOOD / "hepdata_table.json"), *SI, *REF)
    assert code == 0, out
    doc = _doc(tmp_path / "synthetic-2026-si.yaml")
    assert (doc["cl"], doc["status"]) == (0.95, "observed")
    assert doc["reference"]["hepdata"] == "10.17182/hepdata.00000.v1/t9"  # type: ignore[index]
    assert load_catalogue([tmp_path]).curve("synthetic-2026-si").n_points == 7


DIGITISED = ["--origin", "digitised", "--digitised-by", "A. Physicist", "--figure", "Fig. 3"]


def test_webplotdigitizer_project_records_calibration(add: Add, tmp_path: Path) -> None:
    code, out = add(
        tmp_path,
        str(GOOD / "wpd_project.json"),
        *SI,
        *REF,
        "--status",
        "observed",
        "--cl",
        "90",
        "--x-unit",
        "GeV",
        "--y-unit",
        "cm2",
        "--digitised-by",
        "A. Physicist",
        "--figure",
        "Fig. 3",
        "--digitised-on",
        "2026-01-15",
    )
    assert code == 0, out
    doc = _doc(tmp_path / "synthetic-2026-si.yaml")
    assert doc["origin"] == "digitised"
    assert doc["cl"] == 0.9
    dig = doc["digitisation"]
    assert dig["tool"] == "WebPlotDigitizer"  # type: ignore[index]
    assert dig["by"] == "A. Physicist"  # type: ignore[index]
    assert dig["date"] == "2026-01-15"  # type: ignore[index]
    assert dig["source_figure"] == "Fig. 3"  # type: ignore[index]
    calibration = dig["calibration"]  # type: ignore[index]
    assert calibration["log_x"] is True
    assert len(calibration["points"]) == 4
    assert load_catalogue([tmp_path]).curve("synthetic-2026-si").n_points == 7


def test_webplotdigitizer_csv_multi_dataset(add: Add, tmp_path: Path) -> None:
    common = [*SI, *REF, "--status", "observed", "--cl", "0.9", "--x-unit", "GeV"]
    code, out = add(
        tmp_path,
        str(GOOD / "wpd_multi.csv"),
        *common,
        "--y-unit",
        "cm2",
        "--dataset",
        "Projection",
        "--status",
        "projection",
        *DIGITISED,
    )
    assert code == 0, out
    doc = _doc(tmp_path / "synthetic-2026-si.yaml")
    assert doc["data"]["format"]["x"]["column"] == 2  # type: ignore[index]
    assert load_catalogue([tmp_path]).curve("synthetic-2026-si").n_points == 5


def test_dmwg_contour_json_keeps_segments(add: Add, tmp_path: Path) -> None:
    code, out = add(
        tmp_path,
        str(GOOD / "dmwg_contour.json"),
        "--plane",
        "gq-mzprime",
        "--experiment",
        "Synthetic",
        "--label",
        "Synthetic",
        *REF,
        "--status",
        "observed",
        "--cl",
        "0.95",
        "--x-unit",
        "GeV",
        "--y-unit",
        "dimensionless",
        "--kind",
        "contour",
    )
    assert code == 0, out
    curve = load_catalogue([tmp_path]).curve("synthetic-2026-gq-mzprime")
    assert len(curve.segments) == 2


@pytest.mark.parametrize("name", ["semicolon.csv", "whitespace.dat", "wpd_single.csv"])
def test_plain_text_any_delimiter(add: Add, tmp_path: Path, name: str) -> None:
    units = [] if name == "semicolon.csv" else ["--x-unit", "GeV", "--y-unit", "cm2"]
    code, out = add(
        tmp_path, str(GOOD / name), *SI, *REF, "--status", "observed", "--cl", "0.9", *units
    )
    assert code == 0, out
    assert load_catalogue([tmp_path]).curve("synthetic-2026-si").n_points == 7


# --- behaviour ---------------------------------------------------------------------------
def test_missing_fields_are_all_listed_without_a_terminal(add: Add, tmp_path: Path) -> None:
    code, out = add(tmp_path, str(GOOD / "wpd_single.csv"), "--plane", "si")
    assert code == 2
    for option in ("--experiment", "--label", "--reference", "--status", "--cl", "--x-unit"):
        assert option in out
    assert "no terminal attached" in out
    assert not tmp_path.exists() or not any(tmp_path.iterdir())


def test_dry_run_writes_nothing(add: Add, tmp_path: Path) -> None:
    code, out = add(tmp_path / "cat", str(GOOD / "hepdata_table.json"), *SI, *REF, "--dry-run")
    assert code == 0, out
    assert "would write" in out
    assert "schema_version: 1.0.0" in out
    assert not (tmp_path / "cat").exists()


def test_same_input_gives_byte_identical_entries(add: Add, tmp_path: Path) -> None:
    for name in ("a", "b"):
        code, out = add(tmp_path / name, str(GOOD / "hepdata_table.json"), *SI, *REF)
        assert code == 0, out
    first = (tmp_path / "a" / "synthetic-2026-si.yaml").read_bytes()
    assert first == (tmp_path / "b" / "synthetic-2026-si.yaml").read_bytes()


def test_user_catalogue_entries_validate_and_draw_in_recipes(add: Add, tmp_path: Path) -> None:
    from dmsummary.catalogue import validate_catalogue
    from dmsummary.recipes.recipe import Recipe, resolve_recipe

    code, out = add(tmp_path, str(GOOD / "hepdata_table.json"), *SI, *REF)
    assert code == 0, out
    assert validate_catalogue([tmp_path]).ok
    doc = {
        "schema_version": "1.0.0",
        "id": "test/user-entry",
        "title": "t",
        "plane": "si",
        "x": {"range": [1.0, 1000.0]},
        "y": {"range": [1e-47, 1e-40]},
        "layers": [{"entry": "synthetic-2026-si", "role": "direct-detection"}],
    }
    figure = resolve_recipe(Recipe.from_mapping(doc, where="t.yaml"), load_catalogue([tmp_path]))
    assert [layer.id for layer in figure.layers] == ["synthetic-2026-si"]
    result = CliRunner().invoke(
        cli, ["--catalogue", str(tmp_path), "catalogue", "validate", "--no-data"]
    )
    assert result.exit_code == 0, result.output


def test_id_collision_with_the_builtin_catalogue(add: Add, tmp_path: Path) -> None:
    code, out = add(tmp_path, str(GOOD / "hepdata_table.json"), *SI, *REF, "--id", "lz-2024-si")
    assert code == 1
    assert "id 'lz-2024-si' is already used" in out
    assert "--supersedes lz-2024-si" in out


def test_figure_commands_draw_user_entries(
    add: Add, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cat = tmp_path / "cat"
    code, out = add(cat, str(GOOD / "hepdata_table.json"), *SI, *REF)
    assert code == 0, out
    recipe = tmp_path / "mine.yaml"
    recipe.write_text(
        "schema_version: 1.0.0\nid: test/mine\ntitle: t\nplane: si\n"
        "x: {range: [1.0, 1000.0]}\ny: {range: [1.0e-47, 1.0e-40]}\n"
        "layers:\n  - {entry: synthetic-2026-si, role: direct-detection}\n",
        encoding="utf-8",
    )
    with pytest.raises(SystemExit) as info:
        main(["--catalogue", str(cat), "provenance", str(recipe), "--format", "csv"])
    out, err = capsys.readouterr()
    assert info.value.code in (0, None), err
    assert "synthetic-2026-si" in out
    assert "10.17182/hepdata.00000.v1/t9" in out
    with pytest.raises(SystemExit) as info:
        main(["--no-builtin", "--catalogue", str(cat), "provenance", str(recipe)])
    out, err = capsys.readouterr()
    assert info.value.code in (0, None), err
    assert "synthetic-2026-si" in out


def test_missing_fields_are_asked_for_on_a_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import dmsummary.cli.catalogue as cli_catalogue

    monkeypatch.setattr(cli_catalogue, "_interactive", lambda: True)
    answers = ("Synthetic", "Synthetic (2026)", "arXiv:2601.00001", "observed", "0.9")
    answers += ("GeV", "cm2")
    result = CliRunner().invoke(
        cli,
        [
            "catalogue",
            "add",
            str(GOOD / "wpd_single.csv"),
            "--plane",
            "si",
            "--url",
            "https://example.org/limit",
            "--catalogue",
            str(tmp_path),
        ],
        input="".join(f"{a}\n" for a in answers),
    )
    assert result.exit_code == 0, result.output
    assert "Experiment / collaboration:" in result.output
    doc = _doc(tmp_path / "synthetic-2026-si.yaml")
    assert (doc["experiment"], doc["status"], doc["cl"]) == ("Synthetic", "observed", 0.9)
    assert doc["data"]["format"]["y"]["unit"] == "cm2"  # type: ignore[index]


def test_hepdata_csv_download(add: Add, tmp_path: Path) -> None:
    code, out = add(tmp_path, str(GOOD / "hepdata_table.csv"), *SI, *REF, "--status", "observed")
    assert code == 0, out
    doc = _doc(tmp_path / "synthetic-2026-si.yaml")
    assert (doc["origin"], doc["cl"], doc["licence"]) == ("hepdata", 0.9, "CC0-1.0")
    assert doc["reference"]["hepdata"] == "10.17182/hepdata.00001.v1/t1"  # type: ignore[index]
    assert doc["reference"]["figure"] == "Data from Figure 5"  # type: ignore[index]
    assert doc["data"]["format"]["x"]["unit"] == "GeV"  # type: ignore[index]
    assert load_catalogue([tmp_path]).curve("synthetic-2026-si").n_points == 7


def test_fetch_verifies_a_user_entry_from_its_local_copy(
    add: Add, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = add(tmp_path, str(GOOD / "hepdata_table.json"), *SI, *REF)
    assert code == 0, out
    with pytest.raises(SystemExit) as info:
        main(["--offline", "--catalogue", str(tmp_path), "fetch", "synthetic-2026-si"])
    out, err = capsys.readouterr()
    assert info.value.code in (0, None), err
    assert "1 file(s) verified: 1 from local" in out


def test_default_catalogue_dirs_follow_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dmsummary.catalogue.catalogue import default_catalogue_dirs
    from dmsummary.exceptions import InvalidEntry

    assert default_catalogue_dirs() == [builtin_catalogue_dir()]
    monkeypatch.setenv("DMSUMMARY_CATALOGUE_PATH", str(tmp_path))
    assert default_catalogue_dirs() == [builtin_catalogue_dir(), tmp_path]
    monkeypatch.setenv("DMSUMMARY_NO_BUILTIN", "1")
    assert default_catalogue_dirs() == [tmp_path]
    monkeypatch.setenv("DMSUMMARY_CATALOGUE_PATH", str(tmp_path / "missing"))
    with pytest.raises(InvalidEntry, match=r"missing, which is not a directory"):
        default_catalogue_dirs()
    monkeypatch.setenv("DMSUMMARY_CATALOGUE_PATH", "")
    with pytest.raises(InvalidEntry, match=r"names no catalogue directory"):
        default_catalogue_dirs()


def test_year_is_missing_without_an_arxiv_id(add: Add, tmp_path: Path) -> None:
    args = ["--plane", "si", "--experiment", "S", "--label", "S", "--url", "https://e.org/x"]
    code, out = add(tmp_path, str(GOOD / "hepdata_table.json"), *args, "--reference", "doi:10.1/x")
    assert code == 2
    assert "missing required information: --year" in out


def test_tex_in_an_upstream_description_goes_to_notes(add: Add, tmp_path: Path) -> None:
    import json

    doc = json.loads((GOOD / "hepdata_table.json").read_text(encoding="utf-8"))
    doc["description"] = "Observed 95% CL limit at \\sqrt{s} = 13 TeV"
    source = tmp_path / "table.json"
    source.write_text(json.dumps(doc), encoding="utf-8")
    code, out = add(tmp_path / "cat", str(source), *SI, *REF)
    assert code == 0, out
    entry = _doc(tmp_path / "cat" / "synthetic-2026-si.yaml")
    assert "title" not in entry
    assert "Description in the file: Observed 95% CL limit at \\sqrt{s} = 13 TeV" in str(
        entry["notes"]
    )
