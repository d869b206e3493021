"""notebooks/: paired with jupytext scripts, outputs stripped, executed headless (papermill)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))


def test_there_are_notebooks() -> None:
    assert "espp2026_heavy_dm.ipynb" in [p.name for p in NOTEBOOKS]


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.name)
def test_paired_with_its_script(notebook: Path) -> None:
    import jupytext

    script = notebook.with_suffix(".py")
    assert script.is_file(), f"{script} missing: run `uv run jupytext --sync {notebook}`"
    ours = jupytext.read(notebook)
    theirs = jupytext.read(script)
    assert [(c.cell_type, c.source) for c in ours.cells] == [
        (c.cell_type, c.source) for c in theirs.cells
    ], f"{notebook.name} and {script.name} differ: run `uv run jupytext --sync {notebook}`"


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.name)
def test_outputs_are_stripped(notebook: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "nbstripout", "--verify", str(notebook)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, f"run `uv run nbstripout {notebook}`: {result.stdout}"
    doc = json.loads(notebook.read_text(encoding="utf-8"))
    tagged = [c for c in doc["cells"] if "parameters" in c.get("metadata", {}).get("tags", [])]
    assert len(tagged) == 1, "exactly one cell tagged `parameters` (papermill, REANA)"


def _execute(notebook: Path, out: Path, parameters: dict[str, str]) -> dict[str, object]:
    env = {k: v for k, v in os.environ.items() if k != "MPLBACKEND"}
    env["JUPYTER_PLATFORM_DIRS"] = "1"
    args = [sys.executable, "-m", "papermill", str(notebook), str(out), "-k", "python3"]
    for key, value in parameters.items():
        args += ["-p", key, value]
    result = subprocess.run(
        args, capture_output=True, text=True, check=False, env=env, cwd=out.parent, timeout=900
    )
    assert result.returncode == 0, result.stderr[-4000:]
    executed: dict[str, object] = json.loads(out.read_text(encoding="utf-8"))
    return executed


def _outputs(executed: dict[str, object]) -> list[dict[str, object]]:
    cells = executed["cells"]
    assert isinstance(cells, list)
    return [o for c in cells for o in c.get("outputs", [])]


@pytest.mark.slow
def test_espp2026_notebook_executes(mirror: Path, tmp_path: Path) -> None:
    executed = _execute(
        REPO / "notebooks" / "espp2026_heavy_dm.ipynb",
        tmp_path / "out.ipynb",
        {"output_dir": str(tmp_path / "build")},
    )
    outputs = _outputs(executed)
    assert not [o for o in outputs if o.get("output_type") == "error"]
    images = [o for o in outputs if "image/png" in o.get("data", {})]  # type: ignore[operator]
    assert len(images) == 4  # one per heavy-DM figure
    tables = [
        o
        for o in outputs
        if "text/markdown" in o.get("data", {})  # type: ignore[operator]
        and "| # |" in "".join(o["data"]["text/markdown"])  # type: ignore[index]
    ]
    assert len(tables) == 4  # one provenance table per figure
    assert sorted(p.name for p in (tmp_path / "build" / "espp2026").glob("*.png")) == [
        "higgs-portal-majorana.png",
        "higgs-portal-scalar.png",
        "pseudoscalar-portal.png",
        "scalar-portal.png",
    ]


@pytest.mark.slow
def test_dmwg_dark_photon_notebook_executes(mirror: Path, tmp_path: Path) -> None:
    executed = _execute(
        REPO / "notebooks" / "dmwg_dark_photon.ipynb",
        tmp_path / "out.ipynb",
        {"output_dir": str(tmp_path / "out")},
    )
    outputs = _outputs(executed)
    assert not [o for o in outputs if o.get("output_type") == "error"]
    images = [o for o in outputs if "image/png" in o.get("data", {})]  # type: ignore[operator]
    assert len(images) == 2  # epsilon vs m_Z', y vs m_DM
    written = json.loads((tmp_path / "out" / "dmwg-dark-photon.json").read_text())
    ids = {curve["id"] for curve in written["curves"]}
    assert "atlas-2025-tla-j50-gq@minimal-dark-photon-epsilon" in ids
    assert "atlas-2025-tla-j100-gq@minimal-dark-photon-y-mdm" in ids
    for curve in written["curves"]:
        assert curve["derivation"]["conventions"], curve["id"]
    assert sorted(p.name for p in (tmp_path / "out").glob("*.p*")) == [
        "dmwg-dark-photon-epsilon.pdf",
        "dmwg-dark-photon-epsilon.png",
        "dmwg-dark-photon-y.pdf",
        "dmwg-dark-photon-y.png",
    ]
