"""``docs/how-to-add-a-result.md`` is followed verbatim.

Every ``$ ...`` line of its ``console`` blocks runs, in order, in an empty
directory: ``dmsummary`` commands through :func:`dmsummary.cli.main`, the one
``cp -r`` with :func:`shutil.copytree`. The files the reader would download
or save are provided under the names the page uses: the HEPData table is the
mirror's copy of that table, the WebPlotDigitizer project a synthetic fixture.
"""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import pytest

from dmsummary.cli import main

REPO = Path(__file__).resolve().parents[2]
HOWTO = REPO / "docs" / "how-to-add-a-result.md"
HEPDATA = "si/xjw44-QuantumDMLimits/HEPData-ins3091049-v2-SI_cross_section.yaml"
WPD = Path(__file__).parent / "fixtures" / "ingest" / "good" / "wpd_project.json"


def _commands() -> list[list[str]]:
    text = HOWTO.read_text(encoding="utf-8")
    blocks = re.findall(r"```console\n(.*?)```", text, flags=re.DOTALL)
    return [shlex.split(ln[2:]) for b in blocks for ln in b.splitlines() if ln.startswith("$ ")]


def test_howto_is_followed_verbatim(
    mirror: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DMSUMMARY_DATA")  # a new result is not in the mirror
    shutil.copy(mirror / HEPDATA, tmp_path / Path(HEPDATA).name)
    shutil.copy(WPD, tmp_path / "fig3-project.json")
    commands = _commands()
    assert len(commands) >= 7
    outputs = []
    for words in commands:
        if words[:2] == ["cp", "-r"]:
            shutil.copytree(words[2], words[3])
            continue
        assert words[0] == "dmsummary", words
        with pytest.raises(SystemExit) as info:
            main(words[1:])
        out, err = capsys.readouterr()
        assert info.value.code in (0, None), (words, out, err)
        outputs.append(out)
    cat = tmp_path / "my-catalogue"
    assert sorted(p.name for p in cat.glob("*.yaml")) == [
        "example-2026-si-journal.yaml",
        "example-2026-si.yaml",
        "my-lz-2025-lowmass-si.yaml",
    ]
    assert (cat / "data" / "my-lz-2025-lowmass-si" / Path(HEPDATA).name).is_file()
    listing = outputs[-2]
    assert "example-2026-si-journal" in listing
    assert "example-2026-si " not in listing
    assert "1 superseded not shown" in listing
    review = outputs[-1]
    assert "added (1)\n  example-2026-si-journal" in review
    assert "superseded (1)\n  example-2026-si -> example-2026-si-journal" in review
