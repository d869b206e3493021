"""save(): atomic and byte-reproducible PDF, PNG and SVG."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from matplotlib.figure import Figure as MplFigure  # noqa: TID251

from dmsummary.recipes import Figure
from dmsummary.render import save

HERE = Path(__file__).resolve().parent

# Builds the synthetic figure in a fresh interpreter and saves it (hash salts differ).
SCRIPT = """
import importlib.util, sys
spec = importlib.util.spec_from_file_location("render_conftest", sys.argv[1])
module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(module)
from dmsummary.render import save
save(module.build_synthetic(output="fig"), sys.argv[2], dpi=100)
"""


def _digests(paths: dict[str, Path]) -> dict[str, str]:
    return {fmt: hashlib.sha256(p.read_bytes()).hexdigest() for fmt, p in paths.items()}


def test_save_writes_every_format(synthetic_figure: Callable[..., Figure], tmp_path: Path) -> None:
    out = save(synthetic_figure(output="demo"), tmp_path / "new" / "dir", dpi=100)
    assert sorted(out) == ["pdf", "png", "svg"]
    for fmt, path in out.items():
        assert path == tmp_path / "new" / "dir" / f"demo.{fmt}"
        assert path.stat().st_size > 1000
    assert sorted(p.name for p in (tmp_path / "new" / "dir").iterdir()) == [
        "demo.pdf",
        "demo.png",
        "demo.svg",
    ]
    assert out["png"].read_bytes().startswith(b"\x89PNG")
    assert out["pdf"].read_bytes().startswith(b"%PDF")


def test_same_inputs_same_bytes_in_process(
    synthetic_figure: Callable[..., Figure], tmp_path: Path
) -> None:
    first = save(synthetic_figure(), tmp_path / "a", dpi=100)
    second = save(synthetic_figure(), tmp_path / "b", dpi=100)
    assert _digests(first) == _digests(second)


def test_same_inputs_same_bytes_across_processes(tmp_path: Path) -> None:
    runs = []
    for seed, name in (("1", "a"), ("2", "b")):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        runs.append(
            subprocess.Popen(
                [sys.executable, "-c", SCRIPT, str(HERE / "conftest.py"), str(tmp_path / name)],
                env=env,
            )
        )
    assert [p.wait(timeout=120) for p in runs] == [0, 0]
    for fmt in ("pdf", "png", "svg"):
        a = (tmp_path / "a" / f"fig.{fmt}").read_bytes()
        b = (tmp_path / "b" / f"fig.{fmt}").read_bytes()
        assert a == b, fmt


def test_metadata_has_no_dates(synthetic_figure: Callable[..., Figure], tmp_path: Path) -> None:
    out = save(synthetic_figure(), tmp_path, dpi=100)
    pdf = out["pdf"].read_bytes()
    assert b"/CreationDate" not in pdf
    assert b"/ModDate" not in pdf
    assert b"dmsummary" in pdf
    svg = out["svg"].read_text(encoding="utf-8")
    assert "<dc:date>" not in svg
    assert "dmsummary" in svg
    png = out["png"].read_bytes()
    assert b"Software" in png
    assert b"dmsummary" in png


def test_failing_save_leaves_nothing_behind(
    synthetic_figure: Callable[..., Figure], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    existing = tmp_path / "synthetic.png"
    existing.write_bytes(b"old")
    original = MplFigure.savefig
    calls: list[str] = []

    def flaky(self: MplFigure, fname: object, **kwargs: object) -> None:
        calls.append(str(kwargs["format"]))
        if kwargs["format"] == "svg":
            msg = "disk full"
            raise OSError(msg)
        original(self, fname, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(MplFigure, "savefig", flaky)
    with pytest.raises(OSError, match="disk full"):
        save(synthetic_figure(), tmp_path, dpi=50)
    assert calls == ["pdf", "png", "svg"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["synthetic.png"]
    assert existing.read_bytes() == b"old"  # untouched: all formats or none


def test_formats_are_checked(synthetic_figure: Callable[..., Figure], tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"unsupported output format\(s\) \['jpg'\]"):
        save(synthetic_figure(), tmp_path, formats=("png", "jpg"))
    assert not any(tmp_path.iterdir())
    out = save(synthetic_figure(), tmp_path, formats=(".PNG",), dpi=50)
    assert list(out) == ["png"]


def test_output_name_falls_back_to_the_recipe_id(
    synthetic_figure: Callable[..., Figure], tmp_path: Path
) -> None:
    out = save(synthetic_figure(output="", recipe_id="espp/demo"), tmp_path, formats=("svg",))
    assert out["svg"].name == "espp-demo.svg"
