"""workflow/Snakefile, reana.yaml and the Containerfile: what can be run here is run."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from dmsummary.build import build
from dmsummary.cli import main
from dmsummary.exceptions import ExportError
from dmsummary.recipes import builtin_recipes
from dmsummary.repro import plan_json, run_workflow, workflow_plan

REPO = Path(__file__).resolve().parents[2]
SNAKEFILE = REPO / "workflow" / "Snakefile"
SMALL = ["espp2026/alp-absorption"]  # one figure keeps the test short; the rules are alike


def _digests(directory: Path) -> dict[str, str]:
    return {
        p.relative_to(directory).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(directory.rglob("*"))
        if p.is_file() and ".parts" not in p.parts
    }


# --------------------------------------------------------------------------- the plan
@pytest.mark.slow
def test_committed_plan_is_current(mirror: Path) -> None:
    committed = (REPO / "workflow" / "plan.json").read_text(encoding="utf-8")
    assert committed == plan_json(workflow_plan()), (
        "workflow/plan.json is stale: run `uv run dmsummary workflow plan -o workflow/plan.json`"
    )


def test_plan_lists_recipe_data_and_outputs(mirror: Path) -> None:
    plan = workflow_plan(["espp2026/alp-absorption"], formats=["png"])
    figure = plan["figures"]["espp2026/alp-absorption"]
    assert figure["recipe"] == "builtin"
    assert all((mirror / f).is_file() for f in figure["data"])
    assert len(figure["entries"]) == len(figure["data"])
    assert figure["outputs"] == [
        "espp2026/alp-absorption.bib",
        "espp2026/alp-absorption.png",
        "espp2026/alp-absorption.provenance.csv",
        "espp2026/alp-absorption.provenance.json",
        "espp2026/alp-absorption.provenance.md",
        "espp2026/alp-absorption.provenance.tex",
    ]
    assert sorted(json.loads((REPO / "workflow" / "plan.json").read_text())["figures"]) == (
        builtin_recipes()
    )


# --------------------------------------------------------------------------- snakemake
@pytest.mark.slow
def test_snakefile_outputs_are_byte_identical_to_build(mirror: Path, tmp_path: Path) -> None:
    """`snakemake --cores 2` on a small recipe set == `dmsummary build`, manifest included."""
    snakemake = Path(sys.executable).parent / "snakemake"
    if not snakemake.is_file():
        pytest.skip("snakemake is not installed in this environment (dev group)")
    command = f"{shlex.quote(sys.executable)} -m dmsummary"
    result = subprocess.run(
        [
            str(snakemake),
            "--snakefile",
            str(SNAKEFILE),
            "--cores",
            "2",
            "--directory",
            str(tmp_path / "smk"),
            "--config",
            f"recipes={','.join(SMALL)}",
            f"dmsummary={command}",
            f"data={mirror}",
            "out=build",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Rule: figure_espp2026_alp_absorption" in result.stderr
    build(SMALL, tmp_path / "ref", jobs=1)
    ours = _digests(tmp_path / "smk" / "build")
    assert ours == _digests(tmp_path / "ref")
    assert "manifest.json" in ours
    assert len(ours) == 9  # pdf, png, svg, 4 provenance tables, bib, manifest


def test_unknown_recipe_in_config_is_refused(tmp_path: Path) -> None:
    snakemake = Path(sys.executable).parent / "snakemake"
    if not snakemake.is_file():
        pytest.skip("snakemake is not installed in this environment (dev group)")
    result = subprocess.run(
        [
            *(str(snakemake), "-s", str(SNAKEFILE), "-n", "--directory", str(tmp_path)),
            *("--config", "recipes=espp2026/nope", "data=/nonexistent"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "unknown recipe id(s) espp2026/nope" in result.stderr + result.stdout


def test_snakemake_absent_or_no_snakefile(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(ExportError, match=r"no Snakefile here; run from a clone"):
        run_workflow(tmp_path / "Snakefile")
    (tmp_path / "Snakefile").write_text("rule all:\n    input: []\n")
    monkeypatch.setattr(sys, "executable", str(tmp_path / "python"))
    monkeypatch.setattr(shutil, "which", lambda _name: None)
    with pytest.raises(ExportError, match=r"snakemake is not installed .*uv sync"):
        run_workflow(tmp_path / "Snakefile")
    with pytest.raises(SystemExit) as info:
        main(["workflow", "run", "--snakefile", str(tmp_path / "Snakefile")])
    assert info.value.code == 1
    assert "error: snakemake is not installed" in capsys.readouterr().err


# --------------------------------------------------------------------------- REANA
# Lines the validation prints that are not about our specification: snakemake's own
# progress messages re-logged at warning level while reana-client builds the DAG, and
# reana-commons' own pkg_resources deprecation warning (silenced through PYTHONWARNINGS).
_NOISE = {"[WARNING] Building DAG of jobs...", "[WARNING] Job stats:"}


@pytest.mark.slow
def test_reana_yaml_validates_with_the_real_client() -> None:
    uvx = shutil.which("uvx")
    if uvx is None:
        pytest.skip("uvx not on PATH (needed to run reana-client isolated)")
    env = {
        **os.environ,
        "PYTHONWARNINGS": "ignore:pkg_resources is deprecated as an API:UserWarning",
    }
    env.pop("VIRTUAL_ENV", None)
    result = subprocess.run(
        [uvx, "--from", "reana-client<0.10", "reana-client", "validate", "-f", "reana.yaml"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
        env=env,
        timeout=600,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    complaints = [
        line
        for line in output.splitlines()
        if re.search(r"warn|error|fail", line, flags=re.IGNORECASE) and line.strip() not in _NOISE
    ]
    assert not complaints, output
    assert output.count("-> SUCCESS") == 4, output


# --------------------------------------------------------------------------- container
CONTAINERFILE = REPO / "Containerfile"


def _containerfile() -> str:
    return CONTAINERFILE.read_text(encoding="utf-8")


def test_containerfile_is_locked_non_root_and_mounts_data() -> None:
    text = _containerfile()
    syncs = re.findall(r"^RUN (uv sync .*)$", text, flags=re.MULTILINE)
    assert len(syncs) == 2
    assert all("--locked" in s and "--no-dev" in s for s in syncs)
    assert "COPY pyproject.toml uv.lock" in text
    users = re.findall(r"^USER (\S+)$", text, flags=re.MULTILINE)
    assert users, "no USER line"
    assert users[-1] not in {"root", "0"}
    assert "DMSUMMARY_DATA=/data" in text
    assert 'VOLUME ["/data"]' in text
    version = re.search(r"^FROM \S+/python:(\d+\.\d+)\.\d+-", text, flags=re.MULTILINE)
    assert version is not None
    assert version.group(1) == "3.11"


@pytest.mark.slow
def test_container_install_commands_work_in_a_clean_environment(tmp_path: Path) -> None:
    """Run the Containerfile's `uv sync` lines on a copy of the sources into a fresh venv."""
    uv = shutil.which("uv")
    if uv is None:
        pytest.skip("uv not on PATH")
    src = tmp_path / "src-copy"
    src.mkdir()
    for name in ("pyproject.toml", "uv.lock", "README.md", "LICENSE"):
        shutil.copy(REPO / name, src / name)
    shutil.copytree(REPO / "src", src / "src", ignore=shutil.ignore_patterns("__pycache__"))
    venv = tmp_path / "venv"
    env = {
        **{k: v for k, v in os.environ.items() if k != "VIRTUAL_ENV"},
        "UV_PROJECT_ENVIRONMENT": str(venv),
        "UV_PYTHON": sys.executable,
        "UV_LINK_MODE": "copy",
    }
    for line in re.findall(r"^RUN (uv sync .*)$", _containerfile(), flags=re.MULTILINE):
        args = shlex.split(line)
        result = subprocess.run(
            [uv, *args[1:]], cwd=src, env=env, capture_output=True, text=True, check=False
        )
        assert result.returncode == 0, (line, result.stderr[-2000:])
    info = subprocess.run(
        [str(venv / "bin" / "dmsummary"), "info", "--json"],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    versions = json.loads(info.stdout)["versions"]
    assert versions["dmsummary"] != "not installed"
    assert (
        versions["matplotlib"]
        == json.loads(
            subprocess.run(
                [sys.executable, "-m", "dmsummary", "info", "--json"],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
        )["versions"]["matplotlib"]
    )
    assert (venv / "bin" / "jupyterhub-singleuser").is_file()
    assert not (venv / "bin" / "pytest").exists()  # no dev tools in the image
