"""Hostile input to ``dmsummary catalogue add``: a clear error, exit 1, an untouched catalogue.

Each case is a file in ``fixtures/ingest/bad/`` (plus, for bad options, the
option values), the message it must produce (naming the file and the fix) and
the promise that the target catalogue — which already holds one entry — is
byte-for-byte unchanged afterwards.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from dmsummary.cli import main

BAD = Path(__file__).parent / "fixtures" / "ingest" / "bad"
GOOD_ENTRY = Path(__file__).parent / "fixtures" / "entries" / "good" / "synthetic-good.yaml"

DEFAULTS = {
    "--plane": "si",
    "--experiment": "Hostile",
    "--label": "Hostile (2026)",
    "--status": "observed",
    "--cl": "0.9",
    "--reference": "arXiv:2601.00002",
    "--url": "https://example.org/hostile",
    "--x-unit": "GeV",
    "--y-unit": "cm2",
}
NO_UNITS = {"--x-unit": None, "--y-unit": None}
NO_CL = {"--cl": None}

# case -> (file, option overrides (None removes a default), message regex)
CASES: dict[str, tuple[str, dict[str, str | None], str]] = {
    "empty": ("empty.csv", {}, r"empty\.csv: the file is empty"),
    "whitespace_only": ("whitespace_only.csv", {}, r"the file is empty"),
    "binary": (
        "figure-instead-of-data.png",
        {},
        r"figure-instead-of-data\.png: a binary file \(NUL bytes\)",
    ),
    "wrong_encoding": ("latin1.csv", {}, r"latin1\.csv: not UTF-8 text \(byte \d+.*re-save"),
    "utf16": ("utf16.csv", {}, r"utf16\.csv: a binary file"),
    "ragged_rows": ("ragged.csv", {}, r"ragged\.csv: cannot find a consistent column delimiter"),
    "single_point": ("single_point.csv", {}, r"fewer than 2 points"),
    "single_column": ("single_column.csv", {}, r"ragged rows or a single column"),
    "decreasing_x": ("decreasing_x.csv", {}, r"not sorted in x .*sort_x"),
    "duplicated_x": ("duplicate_x.csv", {}, r"same x twice \(points 1 and 2, x = 20 GeV\)"),
    "negative_y": ("negative_y.csv", {}, r"y = -1e-46 cm\^2 \(values must be finite and positive"),
    "zero_y": ("zero_y.csv", {}, r"y = 0 cm\^2 \(values must be finite and positive"),
    "nan_y": ("nan_y.csv", {}, r"y = nan cm\^2"),
    "inf_x": ("inf_x.csv", {}, r"x = inf GeV"),
    "zero_x_log_axis": ("zero_x.csv", {}, r"x = 0 GeV \(values must be finite and positive"),
    "header_only": ("header_only.csv", {}, r"a header but no data rows"),
    "comments_only": ("comments_only.csv", {}, r"no data rows"),
    "nonnumeric_cell": ("nonnumeric_cell.csv", {}, r"line 3, column 1: expected a number"),
    "unit_does_not_parse": ("good.csv", {"--y-unit": "furlongs"}, r"cannot parse unit 'furlongs'"),
    "unit_wrong_dimension": (
        "good.csv",
        {"--y-unit": "GeV"},
        r"--y-unit \(given; the file header says cm2\): unit 'GeV' has dimension energy",
    ),
    "header_unit_wrong_dimension": (
        "header_unit_wrong_dimension.csv",
        NO_UNITS,
        r"--y-unit \(from the file header\).*'GeV' has dimension energy",
    ),
    "header_unit_does_not_parse": (
        "unparseable_header_unit.csv",
        NO_UNITS,
        r"missing required information: --x-unit",
    ),
    "implausible_values_for_unit": (
        "implausible_units.csv",
        NO_UNITS,
        r"--y-unit: .* outside the plausible range .* check the unit",
    ),
    "hepdata_several_dependent_variables": (
        "hepdata_several_dependents.yaml",
        NO_CL,
        r"holds 2 curves \['limit', 'expected'\]; choose one with --y-column NAME .* --each",
    ),
    "hepdata_unknown_variable": (
        "hepdata_several_dependents.yaml",
        {"--y-column": "observed"},
        r"--y-column 'observed': no such dependent variable; the table has \['limit', 'expected'\]",
    ),
    "hepdata_no_independent_variables": (
        "hepdata_no_independent.yaml",
        {},
        r"without `independent_variables`",
    ),
    "hepdata_length_mismatch": ("hepdata_length_mismatch.yaml", NO_CL, r"3 x values but 4 y"),
    "hepdata_malformed_qualifiers": (
        "hepdata_bad_qualifiers.yaml",
        {},
        r"qualifiers of 'limit' must be a list",
    ),
    "hepdata_missing_header": ("hepdata_missing_header.yaml", {}, r"has no `header: \{name"),
    "hepdata_billion_laughs": (
        "hepdata_billion_laughs.yaml",
        {},
        r"YAML anchors/aliases are not allowed \(line 1\)",
    ),
    "hepdata_python_tag": (
        "hepdata_python_tag.yaml",
        {},
        r"YAML tag .*python/object.* not allowed",
    ),
    "hepdata_bad_yaml": ("hepdata_bad_yaml.yaml", {}, r"not valid YAML"),
    "hepdata_nonnumeric": (
        "hepdata_nonnumeric.yaml",
        NO_CL,
        r"row 1, y: expected a number, found '-'",
    ),
    "hepdata_not_a_table": (
        "hepdata_not_a_table.yaml",
        {},
        r"not a HEPData table \(no `dependent_variables`\)",
    ),
    "hepdata_cl_conflict": (
        "hepdata_cl_conflict.yaml",
        {},
        r"--cl 0\.9 but the file states CL 0\.95 for 'limit'; drop --cl or fix it",
    ),
    "hepdata_status_conflict": (
        "hepdata_status_conflict.yaml",
        NO_CL,
        r"--status observed but the file says the curve 'Expected limit' is expected",
    ),
    "submission_path_escape": (
        "submission_escape.yaml",
        {},
        r"data_file '\.\./\.\./\.\./\.\./etc/passwd' must be a file name beside the submission",
    ),
    "submission_missing_table_file": (
        "submission_missing_table.yaml",
        {},
        r"not-there\.yaml: cannot read",
    ),
    "submission_several_tables": (
        "submission_several_tables.yaml",
        {},
        r"submission with tables \['T1', 'T2'\]; choose one with --table NAME",
    ),
    "hepdata_json_malformed_rows": (
        "hepdata_json_bad_rows.json",
        {},
        r"HEPData JSON rows need `x` and `y` lists",
    ),
    "hepdata_json_unknown_column": (
        "hepdata_json_unknown_column.json",
        {"--y-column": "3"},
        r"--y-column 3: the table has 1 y column\(s\) \['limit \[cm2\]'\]",
    ),
    "hepdata_csv_several_tables": (
        "hepdata_csv_several_tables.csv",
        NO_CL,
        r"a HEPData CSV with 2 tables; download the one table you need",
    ),
    "json_invalid": ("json_invalid.json", {}, r"looks like JSON but is not valid JSON"),
    "json_deep_nesting": ("json_deep_nesting.json", {}, r"not valid JSON"),
    "json_top_level_list": ("json_top_level_list.json", {}, r"JSON list, expected an object"),
    "dmwg_one_array": ("dmwg_one_array.json", {}, r"needs at least two numeric arrays"),
    "dmwg_mismatched_arrays": ("dmwg_mismatched.json", {}, r"mismatched or non-list x/y arrays"),
    "wpd_json_without_calibration": (
        "wpd_no_calibration.json",
        {},
        r"axes 'XY' have 0 calibration point\(s\); an XY calibration needs 4",
    ),
    "wpd_json_polar_axes": ("wpd_polar_axes.json", {}, r"type 'PolarAxes'; only XY plots"),
    "wpd_json_points_without_values": (
        "wpd_no_values.json",
        {"--digitised-by": "x", "--figure": "Fig. 1"},
        r"dataset 'D', point 0: no calibrated `value`",
    ),
    "wpd_json_unknown_axes": ("wpd_unknown_axes.json", {}, r"refers to axes 'Other'"),
    "wpd_json_unknown_dataset": (
        "wpd_no_values.json",
        {"--dataset": "nope"},
        r"--dataset 'nope': no such dataset; the project has \['D'\]",
    ),
    "wpd_csv_several_datasets": (
        "wpd_multi_no_dataset.csv",
        {},
        r"holds 2 curves \['A', 'B'\]",
    ),
    "label_html": ("good.csv", {"--label": "<script>alert(1)</script>"}, r"contains an HTML tag"),
    "label_control_characters": ("good.csv", {"--label": "LZ\x1b[31m"}, r"control character"),
    "label_latex_command": (
        "good.csv",
        {"--label": "\\input{/etc/passwd}"},
        r"TeX command outside \$\.\.\.\$",
    ),
    "label_unbalanced_math": ("good.csv", {"--label": "$\\sigma"}, r"unbalanced '\$'"),
    "id_with_path_separator": (
        "good.csv",
        {"--id": "../../evil"},
        r"--id '\.\./\.\./evil' is not a valid entry id: .*no path separators",
    ),
    "id_with_backslash": ("good.csv", {"--id": "a\\b"}, r"is not a valid entry id"),
    "id_collision": (
        "good.csv",
        {"--id": "synthetic-good"},
        r"id 'synthetic-good' is already used",
    ),
    "supersedes_unknown_id": (
        "good.csv",
        {"--supersedes": "no-such-entry"},
        r"--supersedes 'no-such-entry' is not an entry of the catalogues in use",
    ),
    "alias_collision": (
        "good.csv",
        {"--alias": "synthetic-good"},
        r"--alias 'synthetic-good' is already an id or alias",
    ),
    "digitisation_date_not_iso": (
        "good.csv",
        {
            "--digitised-on": "15/01/2026",
            "--origin": "digitised",
            "--digitised-by": "x",
            "--figure": "1",
        },
        r"--digitised-on '15/01/2026' is not an ISO date",
    ),
    "unknown_plane": (
        "good.csv",
        {"--plane": "si-nonsense"},
        r"--plane 'si-nonsense' is not a plane",
    ),
    "not_a_file": (".", {}, r"not a regular file"),
    "missing_file": ("does-not-exist.csv", {}, r"does-not-exist\.csv: cannot read"),
}


def _snapshot(directory: Path) -> dict[str, str]:
    return {
        str(p.relative_to(directory)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(directory.rglob("*"))
        if p.is_file()
    }


def _run(
    target: Path, file: Path, overrides: dict[str, str | None], capsys: pytest.CaptureFixture[str]
) -> tuple[int, str]:
    options = {**DEFAULTS, **overrides}
    args = [a for k, v in options.items() if v is not None for a in (k, v)]
    with pytest.raises(SystemExit) as info:
        main(
            [
                "--no-builtin",
                "--catalogue",
                str(target),
                "catalogue",
                "add",
                str(file),
                *args,
                "--catalogue",
                str(target),
            ]
        )
    out, err = capsys.readouterr()
    code = info.value.code
    return (code if isinstance(code, int) else 1), out + err


@pytest.fixture
def target(tmp_path: Path) -> Path:
    """A user catalogue that already holds one entry."""
    directory = tmp_path / "catalogue"
    directory.mkdir()
    (directory / GOOD_ENTRY.name).write_bytes(GOOD_ENTRY.read_bytes())
    return directory


def test_there_are_at_least_forty_hostile_fixtures() -> None:
    files = {file for file, _, _ in CASES.values()} - {".", "does-not-exist.csv", "good.csv"}
    assert len(files) >= 40
    assert all((BAD / f).is_file() for f in files)
    assert len(CASES) >= 50


@pytest.mark.parametrize("case", sorted(CASES))
def test_hostile_input_is_refused_cleanly(
    case: str, target: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file, overrides, pattern = CASES[case]
    before = _snapshot(target)
    code, output = _run(target, BAD / file, overrides, capsys)
    expected_code = 2 if "missing required information" in pattern else 1
    assert code == expected_code, output
    assert "Traceback" not in output
    assert "internal error" not in output
    assert __import__("re").search(pattern, output), output
    assert _snapshot(target) == before


def test_huge_file_is_refused_unread(
    tmp_path: Path, target: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from dmsummary.catalogue.ingest import MAX_INGEST_BYTES

    huge = tmp_path / "huge.csv"
    with huge.open("wb") as handle:  # sparse: no disk space or time spent
        handle.truncate(MAX_INGEST_BYTES + 1)
    before = _snapshot(target)
    code, output = _run(target, huge, {}, capsys)
    assert code == 1
    assert f"huge.csv: {MAX_INGEST_BYTES + 1} bytes is larger than the 16 MiB limit" in output
    assert _snapshot(target) == before


def test_a_good_file_is_accepted_with_the_same_options(
    target: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, output = _run(target, BAD / "good.csv", {}, capsys)
    assert code == 0, output
    assert (target / "hostile-2026-si.yaml").is_file()
