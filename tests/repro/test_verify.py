"""`dmsummary verify`: rebuild from the manifest and say, per output, identical or why not."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from dmsummary.build import build, manifest_digest, write_manifest
from dmsummary.cli import main
from dmsummary.exceptions import ManifestError
from dmsummary.repro import merge_manifests, read_manifest, verify

FIXTURES = Path(__file__).parents[1] / "recipes" / "fixtures"
DATA_FILE = "si/apapaefs-twosingletDM/hepdata-si-v2.yaml"  # lz-2024-si, drawn by good.yaml


@pytest.fixture(scope="module")
def small_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A PNG-only build of a copy of the small test recipe, against a one-file mirror."""
    if not os.environ.get("DMSUMMARY_DATA"):
        pytest.skip("data mirror not available")
    shared = Path(os.environ["DMSUMMARY_DATA"])
    root = tmp_path_factory.mktemp("small")
    (root / "mirror" / DATA_FILE).parent.mkdir(parents=True)
    shutil.copy(shared / DATA_FILE, root / "mirror" / DATA_FILE)
    shutil.copy(FIXTURES / "good.yaml", root / "good.yaml")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("DMSUMMARY_DATA", str(root / "mirror"))
        build([str(root / "good.yaml")], root / "build", formats=["png"], jobs=1)
    return root


@pytest.fixture
def work(small_build: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private copy of the small build (tests edit it), with its mirror as DMSUMMARY_DATA."""
    root = tmp_path / "w"
    shutil.copytree(small_build, root)
    # The manifest records the recipe file by the path it was built from: rewrite it to the
    # copy and re-stamp the digest, as a build from the copy would have written it.
    manifest = json.loads((root / "build" / "manifest.json").read_text())
    manifest["recipes"]["test/good"]["recipe"]["source"] = str(root / "good.yaml")
    write_manifest(manifest, root / "build" / "manifest.json")
    monkeypatch.setenv("DMSUMMARY_DATA", str(root / "mirror"))
    return root


def _by_path(report: object) -> dict[str, object]:
    return {c.path: c for c in report.checks}  # type: ignore[attr-defined]


def test_untouched_build_verifies(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = verify(work / "build", jobs=1)
    assert report.ok
    assert sorted(_by_path(report)) == [
        "test/good.bib",
        "test/good.png",
        "test/good.provenance.csv",
        "test/good.provenance.json",
        "test/good.provenance.md",
        "test/good.provenance.tex",
    ]
    with pytest.raises(SystemExit) as info:
        main(["verify", str(work / "build"), "-j", "1"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    assert "identical  test/good.png" in out
    assert "6 output(s) checked" in out
    assert "verified" in out


def test_file_changed_or_removed_after_the_build(
    work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (work / "build" / "test" / "good.png").write_bytes(b"not a png")
    (work / "build" / "test" / "good.bib").unlink()
    report = verify(work / "build", jobs=1)
    checks = _by_path(report)
    assert not report.ok
    assert checks["test/good.png"].status == "differs"  # type: ignore[attr-defined]
    assert "changed after the build" in checks["test/good.png"].reasons[0]  # type: ignore[attr-defined]
    assert "missing from" in checks["test/good.bib"].reasons[0]  # type: ignore[attr-defined]
    assert checks["test/good.provenance.md"].status == "identical"  # type: ignore[attr-defined]
    with pytest.raises(SystemExit) as info:
        main(["verify", str(work / "build"), "-j", "1", "--json"])
    assert info.value.code == 1
    doc = json.loads(capsys.readouterr().out)
    assert doc["ok"] is False
    assert {o["path"] for o in doc["outputs"] if o["status"] == "differs"} == {
        "test/good.png",
        "test/good.bib",
    }


def test_changed_recipe_is_named(work: Path) -> None:
    recipe = work / "good.yaml"
    recipe.write_text(recipe.read_text().replace("A small test figure", "Another title"))
    report = verify(work / "build", jobs=1)
    assert not report.ok
    md = _by_path(report)["test/good.provenance.md"]
    assert md.status == "differs"  # type: ignore[attr-defined]
    assert md.reasons[0].startswith("the rebuild differs: recipe digest changed")  # type: ignore[attr-defined]


def test_changed_data_file_is_named(work: Path) -> None:
    data = work / "mirror" / DATA_FILE
    data.write_bytes(data.read_bytes().replace(b"values", b"values ", 1))
    report = verify(work / "build", jobs=1)
    assert not report.ok
    for check in report.checks:
        assert check.status == "differs"
        assert check.reasons[0] == "not rebuilt"
        assert "cannot rebuild" in check.reasons[1]
        assert "lz-2024-si" in check.reasons[1]
        assert "sha256 mismatch" in check.reasons[1]


def test_environment_difference_is_reported_but_identical_outputs_pass(work: Path) -> None:
    path = work / "build" / "manifest.json"
    manifest = read_manifest(path)
    manifest["environment"]["matplotlib"] = "0.0"
    write_manifest(manifest, path)
    report = verify(work / "build", jobs=1)
    assert report.ok
    assert len(report.environment) == 1
    assert report.environment[0].startswith("matplotlib: 0.0 (recorded) -> ")
    assert "environment differs" in report.to_text()


# --------------------------------------------------------------------------- bad manifests
def test_missing_manifest(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(ManifestError, match=r"no build manifest here; run `dmsummary build"):
        verify(tmp_path)
    with pytest.raises(SystemExit) as info:
        main(["verify", str(tmp_path)])
    assert info.value.code == 1
    assert "manifest.json: no build manifest here" in capsys.readouterr().err


def test_hand_edited_manifest_is_refused(work: Path) -> None:
    path = work / "build" / "manifest.json"
    text = path.read_text()
    doc = json.loads(text)
    old = doc["recipes"]["test/good"]["outputs"]["test/good.png"]
    path.write_text(text.replace(old, "0" * 64))
    with pytest.raises(ManifestError, match=r"manifest\.json: the manifest was changed after"):
        verify(work / "build")


def test_malformed_manifests(work: Path) -> None:
    path = work / "build" / "manifest.json"
    good = path.read_text()
    path.write_text(good[:-20])
    with pytest.raises(ManifestError, match=r"not valid JSON \(line \d+, column \d+"):
        read_manifest(path)
    doc = json.loads(good)
    del doc["formats"]
    doc["digest"] = manifest_digest(doc)
    path.write_text(json.dumps(doc))
    with pytest.raises(
        ManifestError, match=r"(?s)not a dmsummary build manifest.*'formats' is a required"
    ):
        read_manifest(work / "build")
    doc = json.loads(good)
    doc["recipes"]["test/good"]["outputs"] = {"../../etc/passwd": "0" * 64}
    doc["digest"] = manifest_digest(doc)
    path.write_text(json.dumps(doc))
    with pytest.raises(ManifestError, match=r"recipes\.test/good\.outputs"):
        read_manifest(path)


# --------------------------------------------------------------------------- merging
def test_merged_parts_equal_one_build(work: Path, tmp_path: Path) -> None:
    recipe = str(work / "good.yaml")
    one = tmp_path / "one"
    build([recipe], one, formats=["png"], jobs=1)
    parts = tmp_path / "parts"
    build([recipe], parts, formats=["png"], jobs=1, manifest=parts / ".parts" / "good.json")
    merged = merge_manifests([parts / ".parts" / "good.json"], parts / "manifest.json")
    assert merged.read_bytes() == (one / "manifest.json").read_bytes()


def test_merge_refuses_parts_of_different_environments(work: Path, tmp_path: Path) -> None:
    part = read_manifest(work / "build")
    other = {**part, "environment": {**part["environment"], "numpy": "0.0"}}
    write_manifest(other, tmp_path / "other.json")
    with pytest.raises(ManifestError, match=r"other\.json: field 'environment' differs"):
        merge_manifests(
            [work / "build" / "manifest.json", tmp_path / "other.json"], tmp_path / "m"
        )
    assert not (tmp_path / "m").exists()
