"""`dmsummary info`: the environment record for bug reports and provenance."""

from __future__ import annotations

import json
from importlib import metadata
from pathlib import Path

import pytest

from dmsummary.cli import main
from dmsummary.repro import environment_info


def test_record_names_versions_mirror_and_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "mirror" / "si").mkdir(parents=True)
    (tmp_path / "mirror" / "MANIFEST.csv").write_text("file,sha256\n")
    (tmp_path / "mirror" / "si" / "a.txt").write_text("1 2\n")
    monkeypatch.setenv("DMSUMMARY_DATA", str(tmp_path / "mirror"))
    monkeypatch.setenv("DMSUMMARY_CACHE", str(tmp_path / "no-cache-yet"))
    info = environment_info()
    assert info["versions"]["numpy"] == metadata.version("numpy")
    assert info["versions"]["matplotlib"] == metadata.version("matplotlib")
    assert info["data"] == {
        "path": str(tmp_path / "mirror"),
        "exists": True,
        "files": 2,
        "manifest_csv": True,
    }
    assert info["cache"] == {"path": str(tmp_path / "no-cache-yet"), "exists": False, "files": 0}
    assert info["offline"] is True  # the test session is offline


def test_cli_text_and_json(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("DMSUMMARY_DATA")
    monkeypatch.setenv("DMSUMMARY_CACHE", str(tmp_path))
    with pytest.raises(SystemExit) as exit_info:
        main(["info"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert f"  numpy         {metadata.version('numpy')}\n" in out
    assert "data mirror:    not set (DMSUMMARY_DATA)" in out
    assert f"download cache: {tmp_path} (0 files)" in out
    assert "offline:        yes" in out
    with pytest.raises(SystemExit):
        main(["--data", str(tmp_path / "nowhere"), "info", "--json"])
    doc = json.loads(capsys.readouterr().out)
    assert doc["data"]["path"] == str(tmp_path / "nowhere")
    assert doc["data"]["exists"] is False
    assert set(doc) == {"versions", "python", "platform", "data", "cache", "offline", "catalogue"}
