"""`dmsummary export --zenodo`: archive contents, checksums, metadata validity, licences."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from dmsummary.cli import main
from dmsummary.exceptions import ExportError, RecipeError
from dmsummary.export.licences import redistributable
from dmsummary.export.zenodo import export_zenodo

FIXTURES = Path(__file__).parents[1] / "recipes" / "fixtures"
RECIPES = [str(FIXTURES / "good.yaml"), "espp2026/alp-absorption"]


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _rows(unpacked: Path) -> list[dict[str, str]]:
    text = (unpacked / "data" / "files.csv").read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text)))


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not os.environ.get("DMSUMMARY_DATA"):
        pytest.skip("data mirror not available")
    out = tmp_path_factory.mktemp("zenodo") / "figures.zip"
    export_zenodo(out, RECIPES, creators=["Doe, Jane", "LZ Collaboration"], date="2026-11-24")
    return out


@pytest.fixture(scope="module")
def unpacked(archive: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("unpacked")
    with zipfile.ZipFile(archive) as zf:
        zf.extractall(target)
    return target


def test_layout(archive: Path) -> None:
    with zipfile.ZipFile(archive) as zf:
        names = zf.namelist()
        assert names == sorted(names)
        assert all(info.date_time == (1980, 1, 1, 0, 0, 0) for info in zf.infolist())
    for name in (
        "README.md",
        ".zenodo.json",
        "CITATION.cff",
        "ro-crate-metadata.json",
        "references.bib",
        "build/manifest.json",
        "build/test/good.pdf",
        "build/test/good.provenance.md",
        "build/espp2026/alp-absorption.svg",
        "build/espp2026/alp-absorption.bib",
        "recipes/test/good.yaml",
        "recipes/espp2026/alp-absorption.yaml",
        "data/files.csv",
        "data/si/apapaefs-twosingletDM/hepdata-si-v2.yaml",  # CC0-1.0: included
    ):
        assert name in names, name
    with zipfile.ZipFile(archive) as zf:
        assert zf.read("recipes/test/good.yaml") == (FIXTURES / "good.yaml").read_bytes()


def test_every_checksum_rechecked_inside_the_archive(unpacked: Path) -> None:
    rows = _rows(unpacked)
    assert rows
    included = [r for r in rows if r["included"] == "yes"]
    referenced = [r for r in rows if r["included"] == "no"]
    assert included
    assert referenced  # the ALP figure reads files with no stated licence
    for row in included:
        assert _sha((unpacked / "data" / row["path"]).read_bytes()) == row["sha256"], row
        assert redistributable(row["licence"])
    for row in referenced:
        assert not (unpacked / "data" / row["path"]).exists(), row
        assert not redistributable(row["licence"])
        assert row["url"].startswith("https://")
    manifest = json.loads((unpacked / "build" / "manifest.json").read_text())
    for record in manifest["recipes"].values():
        for rel, sha in record["outputs"].items():
            assert _sha((unpacked / "build" / rel).read_bytes()) == sha, rel
        for item in record["inputs"]:
            if "file" in item:
                assert any(
                    r["path"] == item["file"] and r["sha256"] == item["sha256"] for r in rows
                )


def test_ro_crate_parses_back(unpacked: Path) -> None:
    from rocrate.rocrate import ROCrate

    crate = ROCrate(unpacked)
    doc = json.loads((unpacked / "ro-crate-metadata.json").read_text())
    assert doc["@context"] == "https://w3id.org/ro/crate/1.1/context"
    rows = {r["path"]: r for r in _rows(unpacked)}
    seen = set()
    for entity in crate.get_by_type("File"):
        props = entity.properties()
        assert len(props["sha256"]) == 64, entity.id
        if "contentUrl" in props:  # an upstream data file
            path = next(p for p, r in rows.items() if r["url"] == props["contentUrl"])
            assert props["sha256"] == rows[path]["sha256"]
            assert props["license"] == rows[path]["licence"]
            if rows[path]["included"] == "yes":
                assert entity.id == f"data/{path}"
                assert _sha((unpacked / entity.id).read_bytes()) == props["sha256"]
            else:
                assert entity.id == props["contentUrl"]
            seen.add(path)
        else:  # a file the archive wrote itself
            assert _sha((unpacked / entity.id).read_bytes()) == props["sha256"], entity.id
    assert seen == set(rows)


def test_zenodo_json(unpacked: Path) -> None:
    meta = json.loads((unpacked / ".zenodo.json").read_text())
    assert meta["creators"] == [{"name": "Doe, Jane"}, {"name": "LZ Collaboration"}]
    assert meta["license"] == "cc-by-4.0"
    assert meta["publication_date"] == "2026-11-24"
    related = {(r["identifier"], r["relation"]) for r in meta["related_identifiers"]}
    assert ("arXiv:2410.17036", "cites") in related  # LZ 2024
    assert ("10.17182/hepdata.155182.v2/t1", "isDerivedFrom") in related  # its HEPData table
    for row in _rows(unpacked):
        assert (row["url"], "isDerivedFrom") in related
    bib = (unpacked / "references.bib").read_text()
    for identifier, relation in related:
        if identifier.startswith("arXiv:") and relation == "cites":
            assert f"{{{identifier}," in bib, identifier


def test_readme_says_which_data_are_referenced(unpacked: Path) -> None:
    readme = (unpacked / "README.md").read_text()
    assert "are **not included** because their upstream licence" in readme
    assert "cajohare-DirectDetectionPlots/Axion/XENONnT.txt` | none stated |" in readme
    assert "dmsummary verify build/" in readme
    assert "do not publish it openly" not in readme


@pytest.mark.slow
def test_citation_cff_is_valid_per_cffconvert(unpacked: Path) -> None:
    uvx = shutil.which("uvx")
    if uvx is None:
        pytest.skip("uvx not on PATH (cffconvert runs isolated)")
    env = {k: v for k, v in os.environ.items() if k != "VIRTUAL_ENV"}
    result = subprocess.run(
        [uvx, "cffconvert", "--validate", "-i", str(unpacked / "CITATION.cff")],
        capture_output=True,
        text=True,
        check=False,
        env=env,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "valid according to schema version 1.2.0" in result.stdout + result.stderr


@pytest.mark.slow
def test_archive_verifies_and_is_reproducible(
    archive: Path, unpacked: Path, tmp_path: Path, mirror: Path
) -> None:
    from dmsummary.repro import verify

    report = verify(unpacked / "build", jobs=2)
    assert report.ok, report.to_text()
    again = tmp_path / "again.zip"
    export_zenodo(again, RECIPES, creators=["Doe, Jane", "LZ Collaboration"], date="2026-11-24")
    assert again.read_bytes() == archive.read_bytes()


@pytest.mark.slow
def test_include_restricted_copies_everything_and_warns(mirror: Path, tmp_path: Path) -> None:
    result = export_zenodo(
        tmp_path / "private.zip", ["espp2026/alp-absorption"], include_restricted=True
    )
    assert not result.referenced
    with zipfile.ZipFile(result.path) as zf:
        readme = zf.read("README.md").decode()
        for path in result.included:
            assert f"data/{path}" in zf.namelist()
    assert "Every data file is included." in readme
    assert "this archive is for private use; do not publish it openly" in readme


def test_licence_policy() -> None:
    assert redistributable("CC0-1.0")
    assert redistributable("cc-by-4.0")
    assert redistributable("GPL-3.0-only")
    assert not redistributable("CC-BY-NC-SA-3.0")
    assert not redistributable("CC-BY-ND-4.0")
    assert not redistributable("none stated")
    assert not redistributable("not applicable (a number quoted in a publication)")
    assert not redistributable("")
    assert not redistributable(None)


# --------------------------------------------------------------------------- bad input
def test_unwritable_targets_are_refused_before_building(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "file").write_text("x")
    with pytest.raises(ExportError, match=r"directory .*missing does not exist"):
        export_zenodo(tmp_path / "missing" / "a.zip", ["espp2026/no-such-recipe"])
    with pytest.raises(ExportError, match=r"is a directory; give the path of the ZIP"):
        export_zenodo(tmp_path, ["espp2026/no-such-recipe"])
    with pytest.raises(ExportError, match=r"file does not exist; create it first"):
        export_zenodo(tmp_path / "file" / "a.zip", ["espp2026/no-such-recipe"])
    with pytest.raises(SystemExit) as info:
        main(["export", "--zenodo", str(tmp_path / "missing" / "a.zip")])
    assert info.value.code == 1
    assert "error: " in capsys.readouterr().err
    with pytest.raises(SystemExit) as info:
        main(["export"])
    assert info.value.code == 2
    with pytest.raises(SystemExit) as info:
        main(["export", "--zenodo", str(tmp_path / "a.zip"), "--date", "24.11.2026"])
    assert info.value.code == 2
    assert list(tmp_path.iterdir()) == [tmp_path / "file"]


def test_no_half_written_archive(
    mirror: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "a.zip"
    target.write_bytes(b"previous archive")
    with pytest.raises(RecipeError, match=r"plane_mismatch\.yaml"):
        export_zenodo(target, [str(FIXTURES / "plane_mismatch.yaml")])
    calls = {"n": 0}
    original = zipfile.ZipFile.writestr

    def failing(self: zipfile.ZipFile, *args: object, **kwargs: object) -> None:
        calls["n"] += 1
        if calls["n"] == 5:
            raise OSError(28, "No space left on device")
        original(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(zipfile.ZipFile, "writestr", failing)
    with pytest.raises(ExportError, match=r"cannot write the archive \(No space left"):
        export_zenodo(target, [str(FIXTURES / "good.yaml")], date="2026-11-24")
    assert target.read_bytes() == b"previous archive"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.zip"]
