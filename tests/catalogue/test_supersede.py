"""Stable ids: ``supersedes`` / ``superseded_by`` links, hidden listings, recipe warnings."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from dmsummary.catalogue import load_catalogue, validate_catalogue
from dmsummary.exceptions import SupersededEntryWarning
from dmsummary.recipes.recipe import Recipe, resolve_recipe


def _catalogue(tmp_path: Path, fixtures: Path, **links: list[str]) -> Path:
    """A user catalogue: the good fixture plus a newer copy linked by ``links``."""
    directory = tmp_path / "cat"
    directory.mkdir()
    good = fixtures / "entries" / "good" / "synthetic-good.yaml"
    shutil.copy(good, directory)
    doc = yaml.safe_load(good.read_text(encoding="utf-8"))
    doc.update(id="synthetic-new", label="Synthetic (2027)", year=2027)
    doc.update(links)
    (directory / "synthetic-new.yaml").write_text(yaml.safe_dump(doc), encoding="utf-8")
    return directory


def _recipe(entry: str) -> Recipe:
    doc = {
        "schema_version": "1.0.0",
        "id": "test/superseded",
        "title": "t",
        "plane": "si",
        "x": {"range": [1.0, 1000.0]},
        "y": {"range": [1e-46, 1e-39]},
        "layers": [{"entry": entry, "role": "direct-detection"}],
    }
    return Recipe.from_mapping(doc, where="superseded.yaml")


def test_supersedes_link(tmp_path: Path, fixtures: Path) -> None:
    directory = _catalogue(tmp_path, fixtures, supersedes=["synthetic-good"])
    cat = load_catalogue([directory], mirror=fixtures / "mirror")
    assert cat.superseded_by() == {"synthetic-good": ["synthetic-new"]}
    assert cat.successors("synthetic-good") == ["synthetic-new"]
    assert cat.successors("synthetic-new") == []
    assert [e.id for e in cat.findall(include_superseded=False)] == ["synthetic-new"]
    assert [e.id for e in cat.findall()] == ["synthetic-good", "synthetic-new"]


def test_superseded_by_link_in_the_older_entry(tmp_path: Path, fixtures: Path) -> None:
    directory = _catalogue(tmp_path, fixtures)
    old = directory / "synthetic-good.yaml"
    doc = yaml.safe_load(old.read_text(encoding="utf-8"))
    doc["superseded_by"] = ["synthetic-new"]
    old.write_text(yaml.safe_dump(doc), encoding="utf-8")
    cat = load_catalogue([directory], mirror=fixtures / "mirror")
    assert cat.successors("synthetic-good") == ["synthetic-new"]
    assert validate_catalogue([directory], mirror=fixtures / "mirror").ok


def test_validate_flags_a_dangling_superseded_by(tmp_path: Path, fixtures: Path) -> None:
    directory = _catalogue(tmp_path, fixtures, superseded_by=["no-such-entry"])
    report = validate_catalogue([directory], mirror=fixtures / "mirror")
    (problem,) = report.problems
    assert problem.field == "superseded_by"
    assert "'no-such-entry' is not an entry id" in problem.message


def test_recipe_with_superseded_entry_builds_but_warns(tmp_path: Path, fixtures: Path) -> None:
    directory = _catalogue(tmp_path, fixtures, supersedes=["synthetic-good"])
    cat = load_catalogue([directory], mirror=fixtures / "mirror")
    with pytest.warns(
        SupersededEntryWarning,
        match=r"layers\[0\]\.entry: entry 'synthetic-good' is superseded by synthetic-new",
    ):
        figure = resolve_recipe(_recipe("synthetic-good"), cat)
    assert [layer.id for layer in figure.layers] == ["synthetic-good"]
    # The successor itself draws without a warning (pytest turns warnings into errors).
    resolve_recipe(_recipe("synthetic-new"), cat)


def test_cli_list_hides_superseded_unless_all(
    tmp_path: Path, fixtures: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from click.testing import CliRunner

    from dmsummary.cli import cli

    directory = _catalogue(tmp_path, fixtures, supersedes=["synthetic-good"])
    monkeypatch.setenv("DMSUMMARY_DATA", str(fixtures / "mirror"))
    runner = CliRunner()
    base = ["--no-builtin", "--catalogue", str(directory), "catalogue", "list"]
    shown = runner.invoke(cli, base)
    assert shown.exit_code == 0, shown.output
    assert "synthetic-new" in shown.output
    assert "synthetic-good" not in shown.output
    assert "1 entries (1 superseded not shown; --all lists them)" in shown.output
    everything = runner.invoke(cli, [*base, "--all", "--json"])
    records = {r["id"]: r for r in json.loads(everything.output)}
    assert records["synthetic-good"]["superseded_by"] == ["synthetic-new"]
    assert records["synthetic-new"]["superseded_by"] == []


def test_cli_prints_the_superseded_warning_plainly(
    tmp_path: Path,
    fixtures: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from dmsummary.cli import main

    directory = _catalogue(tmp_path, fixtures, supersedes=["synthetic-good"])
    recipe = tmp_path / "old.yaml"
    recipe.write_text(
        "schema_version: 1.0.0\nid: test/old\ntitle: t\nplane: si\n"
        "x: {range: [1.0, 1000.0]}\ny: {range: [1.0e-46, 1.0e-39]}\n"
        "layers:\n  - {entry: synthetic-good, role: direct-detection}\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("DMSUMMARY_DATA", str(fixtures / "mirror"))
    with pytest.raises(SystemExit) as info:
        main(["--catalogue", str(directory), "provenance", str(recipe), "--format", "csv"])
    out, err = capsys.readouterr()
    assert info.value.code in (0, None), err
    assert "synthetic-good" in out
    assert err.startswith("warning: ")
    assert "entry 'synthetic-good' is superseded by synthetic-new" in err
    assert "recipe.py" not in err
