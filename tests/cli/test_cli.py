"""The command line: exit codes, messages, no tracebacks, filters."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from dmsummary.cli import main


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as info:
        main(args)
    out, err = capsys.readouterr()
    code = info.value.code
    return (code if isinstance(code, int) else 1), out, err


def fixture_args(fixtures: Path, case: str) -> list[str]:
    return [
        "--data",
        str(fixtures / "mirror"),
        "--no-builtin",
        "--catalogue",
        str(fixtures / "entries" / case),
    ]


def test_help_and_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["--help"], capsys)
    assert code == 0
    assert "catalogue" in out
    code, out, _ = run(["--version"], capsys)
    assert code == 0
    assert "dmsummary" in out


def test_usage_error_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["catalogue", "lst"], capsys)
    assert code == 2
    assert "No such command 'lst'" in err
    code, _, err = run(["fetch"], capsys)
    assert code == 2
    assert "--all" in err
    code, _, err = run(["catalogue", "list", "--plane", "nonsense"], capsys)
    assert code == 2
    assert "unknown plane 'nonsense'" in err


def test_validate_fixture_ok(fixtures: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run([*fixture_args(fixtures, "good"), "catalogue", "validate"], capsys)
    assert code == 0
    assert "1 entries in 1 files; 1 curves read and checked; 0 problem(s)" in out


@pytest.mark.parametrize(
    ("case", "needle"),
    [
        ("sha_mismatch", "sha256 mismatch"),
        ("missing_label", "'label' is a required property"),
        ("nan", "has y = nan"),
        ("yaml_python_tag", "YAML tag"),
        ("escape_parent", "data.file: '../../etc/passwd'"),
        ("absent_offline", "not found"),
    ],
)
def test_validate_failures_exit_1_without_traceback(
    fixtures: Path, capsys: pytest.CaptureFixture[str], case: str, needle: str
) -> None:
    code, out, err = run([*fixture_args(fixtures, case), "catalogue", "validate"], capsys)
    assert code == 1
    assert needle in err
    assert "Traceback" not in err + out
    assert "1 problem(s)" in out


def test_dmsummary_errors_exit_1_and_debug_shows_traceback(
    fixtures: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = [*fixture_args(fixtures, "good"), "catalogue", "show", "synthetic-godo"]
    code, _, err = run(args, capsys)
    assert code == 1
    assert err.startswith(
        "error: no catalogue entry with id or alias 'synthetic-godo'; did you mean synthetic-good?"
    )
    with pytest.raises(KeyError):
        main(["--debug", *args])


def test_broken_catalogue_is_reported_by_list(
    fixtures: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run([*fixture_args(fixtures, "duplicate_id"), "catalogue", "list"], capsys)
    assert code == 1
    assert "duplicate id" in err


def test_list_filters_and_json(fixtures: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base = fixture_args(fixtures, "good")
    code, out, _ = run(
        [*base, "catalogue", "list", "--json", "--plane", "si", "--status", "observed"], capsys
    )
    assert code == 0
    rows = json.loads(out)
    assert [r["id"] for r in rows] == ["synthetic-good"]
    code, out, _ = run([*base, "catalogue", "list", "--json", "--search", "no such text"], capsys)
    assert json.loads(out) == []
    code, out, _ = run([*base, "catalogue", "list", "--json", "--experiment", "SYNTH"], capsys)
    assert len(json.loads(out)) == 1


def test_show_prints_reference_figure_numbers_and_bibtex(
    fixtures: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(
        [*fixture_args(fixtures, "good"), "catalogue", "show", "synthetic-good"], capsys
    )
    assert code == 0
    assert "reference: arXiv:2401.00001; Fig. 1" in out
    assert "figure/table: Fig. 1" in out
    assert "numbers: 4 points in 1 segment(s); x 1–1000 GeV; y 1e-45–1e-40 cm^2" in out
    assert "@misc{arXiv:2401.00001," in out


def test_show_hostile_label_is_printed_literally(
    fixtures: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(
        [*fixture_args(fixtures, "hostile_label"), "catalogue", "show", "hostile-label"], capsys
    )
    assert code == 0
    assert "<script>alert(1)</script>" in out


def test_offline_flag_sets_environment(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("DMSUMMARY_OFFLINE")
    code, _, _ = run(["--offline", "catalogue", "planes"], capsys)
    assert code == 0
    assert os.environ["DMSUMMARY_OFFLINE"] == "1"


def test_installed_script_runs() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "dmsummary", "catalogue", "planes"],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "si " in result.stdout
    assert "cm^3/s" in result.stdout
