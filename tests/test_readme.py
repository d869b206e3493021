"""Everything that looks like an example in the README runs (STYLE P11)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

README = Path(__file__).resolve().parents[1] / "README.md"


def _blocks(language: str) -> list[str]:
    return re.findall(
        rf"```{language}\n(.*?)```", README.read_text(encoding="utf-8"), flags=re.DOTALL
    )


@pytest.mark.parametrize("code", _blocks("python"))
def test_python_examples_run(code: str, mirror: Path, capsys: pytest.CaptureFixture[str]) -> None:
    exec(compile(code, str(README), "exec"), {})  # noqa: S102 - our own README
    assert capsys.readouterr().out.strip()


def test_quick_start_is_two_commands() -> None:
    text = README.read_text(encoding="utf-8")
    quick = text.split("## Quick start", 1)[1].split("##", 1)[0]
    commands = [
        ln
        for block in re.findall(r"```bash\n(.*?)```", quick, flags=re.DOTALL)
        for ln in block.splitlines()
        if ln.strip()
    ]
    assert len(commands) == 2
    assert commands[1].split("#")[0].strip() == "uv run pytest"
    assert commands[0].startswith("uv run dmsummary ")


def test_documented_cli_commands_exist() -> None:
    from click.testing import CliRunner

    from dmsummary.cli import cli

    for block in _blocks("bash"):
        for raw in block.splitlines():
            line = raw.split("#")[0].strip()
            if not line.startswith("uv run dmsummary"):
                continue
            words = [w for w in line.split()[3:] if not w.startswith("-")][:2]
            result = CliRunner().invoke(
                cli, [*words[:1], *(words[1:2] if words[0] == "catalogue" else []), "--help"]
            )
            assert result.exit_code == 0, (line, result.output)
