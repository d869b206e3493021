"""``catalogue diff``: added, removed, superseded, metadata and number changes; git revisions."""

from __future__ import annotations

import hashlib
import json
import math
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from dmsummary.catalogue import builtin_catalogue_dir
from dmsummary.catalogue.diff import diff_catalogues, diff_revisions
from dmsummary.cli import main

GOOD = Path(__file__).parent / "fixtures" / "entries" / "good" / "synthetic-good.yaml"


def _edit(path: Path, **changes: object) -> None:
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    for dotted, value in changes.items():
        *parents, last = dotted.split("__")
        node = doc
        for key in parents:
            node = node[key]
        node[last] = value
    path.write_text(yaml.safe_dump(doc, sort_keys=False), encoding="utf-8")


def test_builtin_copy_with_one_entry_updated_shows_exactly_that(
    mirror: Path, tmp_path: Path
) -> None:
    copy = tmp_path / "catalogue"
    shutil.copytree(builtin_catalogue_dir(), copy)
    _edit(
        copy / "si" / "lz-2025-lowmass-si.yaml",
        data__format__y__column="median",
        label="LZ low mass (2025, median)",
    )
    result = diff_catalogues([builtin_catalogue_dir()], [copy], mirror=mirror)
    assert (result.added, result.removed, dict(result.superseded)) == ((), (), {})
    assert list(result.metadata) == ["lz-2025-lowmass-si"]
    assert [(c.field, c.old, c.new) for c in result.metadata["lz-2025-lowmass-si"]] == [
        ("data.format.y.column", "limit", "median"),
        ("label", "LZ low mass (2025)", "LZ low mass (2025, median)"),
    ]
    assert list(result.numbers) == ["lz-2025-lowmass-si"]
    change = result.numbers["lz-2025-lowmass-si"]
    # Independent check from the HEPData table: at 3 GeV limit 2.10996e-42, median 9.44988e-43.
    assert change.max_relative_change == pytest.approx(1 - 9.449878e-43 / 2.109961e-42, rel=1e-4)
    assert (change.at_x, change.x_unit, change.old_points, change.new_points) == (
        3.0,
        "GeV",
        13,
        13,
    )


def _pair(tmp_path: Path) -> tuple[Path, Path]:
    old, new = tmp_path / "old", tmp_path / "new"
    for d in (old, new):
        d.mkdir()
    shutil.copy(GOOD, old)
    shutil.copy(GOOD, old / "synthetic-gone.yaml")
    _edit(old / "synthetic-gone.yaml", id="synthetic-gone")
    shutil.copy(GOOD, new)
    shutil.copy(GOOD, new / "synthetic-next.yaml")
    _edit(new / "synthetic-next.yaml", id="synthetic-next", supersedes=["synthetic-good"])
    return old, new


def test_added_removed_superseded(fixtures: Path, tmp_path: Path) -> None:
    old, new = _pair(tmp_path)
    result = diff_catalogues([old], [new], mirror=fixtures / "mirror")
    assert result.added == ("synthetic-next",)
    assert result.removed == ("synthetic-gone",)
    assert dict(result.superseded) == {"synthetic-good": ["synthetic-next"]}
    assert not result.metadata
    assert not result.numbers
    table = result.table()
    assert "added (1)\n  synthetic-next" in table
    assert "superseded (1)\n  synthetic-good -> synthetic-next" in table


def test_numbers_on_a_different_grid_are_compared_by_interpolation(
    fixtures: Path, tmp_path: Path
) -> None:
    old, new = tmp_path / "old", tmp_path / "new"
    for d in (old, new):
        d.mkdir()
        shutil.copy(GOOD, d)
    # new data: same curve as good.txt at 1 and 1000 GeV, x2 at 10 GeV, new point at 31.6 GeV.
    (new / "data" / "synthetic").mkdir(parents=True)
    text = "1 1e-40\n10 2e-44\n31.6 3e-45\n1000 1e-44\n"
    (new / "data" / "synthetic" / "good.txt").write_text(text, encoding="utf-8")
    _edit(new / "synthetic-good.yaml", data__sha256=hashlib.sha256(text.encode()).hexdigest())
    result = diff_catalogues([old], [new], mirror=fixtures / "mirror")
    change = result.numbers["synthetic-good"]
    # Largest change at the old point 100 GeV (1e-45): the new curve there is the log-log
    # interpolation between (31.6, 3e-45) and (1000, 1e-44); log10(100/31.6)/log10(1000/31.6)
    # (about 1/3), so y_new = 3e-45 * (1e-44/3e-45)^that.
    lg = math.log10(31.6)
    y_new = 3e-45 * (1e-44 / 3e-45) ** ((2 - lg) / (3 - lg))
    assert change.max_relative_change == pytest.approx(y_new / 1e-45 - 1, rel=1e-9)
    assert change.at_x == 100.0
    assert (change.old_points, change.new_points) == (4, 4)
    assert [c.field for c in result.metadata["synthetic-good"]] == ["data.sha256"]


def _git(repo: Path, *args: str) -> None:
    env = {
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
        "PATH": "/usr/bin:/bin:/usr/local/bin",
        "HOME": str(repo),
    }
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, env=env)


def test_two_git_revisions(fixtures: Path, tmp_path: Path) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    repo = tmp_path / "repo"
    (repo / "cat").mkdir(parents=True)
    _git(repo, "init", "-q")
    shutil.copy(GOOD, repo / "cat")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "one")
    _edit(repo / "cat" / "synthetic-good.yaml", cl=0.95)
    _git(repo, "commit", "-qam", "two")
    result = diff_revisions("HEAD~1", "HEAD", repo=repo, path="cat", mirror=fixtures / "mirror")
    assert [(c.field, c.old, c.new) for c in result.metadata["synthetic-good"]] == [
        ("cl", 0.9, 0.95)
    ]
    assert not result.numbers  # data unchanged: numbers not even read


def test_cli_table_json_and_exit_codes(
    fixtures: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old, new = _pair(tmp_path)

    def run(*args: str) -> tuple[int, str, str]:
        with pytest.raises(SystemExit) as info:
            main(["--data", str(fixtures / "mirror"), "catalogue", "diff", *args])
        out, err = capsys.readouterr()
        code = info.value.code
        return (code if isinstance(code, int) else 1), out, err

    code, out, _ = run(str(old), str(new))
    assert code == 0
    assert "removed (1)\n  synthetic-gone" in out
    code, out, _ = run(str(old), str(new), "--json", "--exit-code")
    assert code == 1
    assert json.loads(out)["added"] == ["synthetic-next"]
    code, out, _ = run(str(old), str(old), "--exit-code")
    assert (code, out) == (0, "no differences\n")
    code, _, err = run(str(old), "HEAD")
    assert code == 2
    assert "two catalogue directories or two git revisions" in err
    code, _, err = run("no-such-revision-xyz", "HEAD", "--repo", str(tmp_path))
    assert code == 1
    assert "git rev-parse --show-toplevel failed" in err
    assert "not a git repository" in err
