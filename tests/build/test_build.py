"""`dmsummary build`: every built-in figure, provenance, manifest, determinism, atomicity."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from dmsummary.build import build
from dmsummary.cli import main
from dmsummary.exceptions import RecipeError
from dmsummary.recipes import builtin_recipes

FIXTURES = Path(__file__).parents[1] / "recipes" / "fixtures"


def _digests(directory: Path) -> dict[str, str]:
    return {
        str(p.relative_to(directory)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(directory.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def full_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import os

    if not os.environ.get("DMSUMMARY_DATA"):
        pytest.skip("data mirror not available")
    out = tmp_path_factory.mktemp("build")
    build(directory=out, jobs=2)
    return out


@pytest.mark.slow
def test_every_builtin_recipe_is_built_with_provenance(full_build: Path) -> None:
    manifest = json.loads((full_build / "manifest.json").read_text())
    assert sorted(manifest["recipes"]) == builtin_recipes()
    for recipe_id, record in manifest["recipes"].items():
        stem = recipe_id.split("/")[-1]
        folder = full_build / recipe_id.rsplit("/", 1)[0]
        for ext in (
            "pdf",
            "png",
            "svg",
            "provenance.md",
            "provenance.tex",
            "provenance.csv",
            "provenance.json",
            "bib",
        ):
            path = folder / f"{stem}.{ext}"
            assert path.is_file(), path
            rel = str(path.relative_to(full_build))
            assert record["outputs"][rel] == hashlib.sha256(path.read_bytes()).hexdigest()
        assert record["recipe"]["digest"].startswith("sha256:")
        assert record["inputs"], recipe_id
        assert all(len(i["sha256"]) == 64 for i in record["inputs"])
    assert manifest["environment"]["dmsummary"]
    assert not list(full_build.glob(".staging-*"))


@pytest.mark.slow
def test_build_twice_is_byte_identical(full_build: Path, tmp_path: Path) -> None:
    build(directory=tmp_path, jobs=2)
    assert _digests(tmp_path) == _digests(full_build)


def test_bad_recipe_writes_nothing(mirror: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    with pytest.raises(RecipeError, match=r"plane_mismatch\.yaml: layers\[0\]\.entry"):
        build([str(FIXTURES / "good.yaml"), str(FIXTURES / "plane_mismatch.yaml")], out, jobs=1)
    assert not out.exists() or not any(out.rglob("*"))


def test_cli_build_one_recipe_and_exit_codes(
    mirror: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as info:
        main(
            [
                "build",
                str(FIXTURES / "good.yaml"),
                "-o",
                str(tmp_path),
                "--format",
                "png",
                "-j",
                "1",
            ]
        )
    assert info.value.code == 0
    assert (tmp_path / "test" / "good.png").is_file()
    assert (tmp_path / "test" / "good.provenance.md").is_file()
    assert "1 figure(s)" in capsys.readouterr().out
    with pytest.raises(SystemExit) as info:
        main(["build", "espp2026/no-such-figure", "-o", str(tmp_path / "x")])
    assert info.value.code == 1
    assert (
        "no built-in recipe and no file called 'espp2026/no-such-figure'"
        in capsys.readouterr().err
    )
    with pytest.raises(SystemExit) as info:
        main(["build", "--format", "jpg"])
    assert info.value.code == 2


def test_cli_provenance_and_cite(mirror: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["cite", "espp2026/higgs-portal-majorana"])
    assert info.value.code == 0
    bib = capsys.readouterr().out
    for key in ("arXiv:2301.10731", "arXiv:2303.01214", "arXiv:2410.17036", "arXiv:2109.03116"):
        assert f"{{{key}," in bib
    assert bib.count("@") == len({line for line in bib.splitlines() if line.startswith("@")})
    with pytest.raises(SystemExit) as info:
        main(["provenance", "espp2026/higgs-portal-majorana", "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    assert report["recipe"]["id"] == "espp2026/higgs-portal-majorana"
