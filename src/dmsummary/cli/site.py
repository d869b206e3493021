"""``dmsummary site``: the static web catalogue."""

from __future__ import annotations

import sys
from pathlib import Path

import click

__all__ = ["site"]


@click.command()
@click.argument("recipes", nargs=-1, metavar="[RECIPE]...")
@click.option(
    "-o",
    "--output",
    "output",
    default="site",
    show_default=True,
    type=click.Path(path_type=Path),
    help="Site directory (replaced as a whole; must be new, empty or a previous site).",
)
@click.option(
    "-j", "--jobs", type=click.IntRange(min=1), help="Worker processes (default: all cores)."
)
def site(recipes: tuple[str, ...], output: Path, jobs: int | None) -> None:
    """Build the static web catalogue: figures (interactive + static) and every entry.

    RECIPE is a built-in recipe id or a recipe file; without RECIPE every built-in
    recipe gets a figure page. Every catalogue entry (with --catalogue/--no-builtin:
    those catalogues) gets a page. Open OUTPUT/index.html from disk or host the
    directory (GitHub/GitLab Pages, EOS, a Zenodo archive): every asset is bundled.
    """
    from dmsummary.export.site import build_site

    def say(message: str) -> None:
        if sys.stderr.isatty():
            click.echo(message, err=True)

    result = build_site(output, recipes=list(recipes) or None, jobs=jobs, progress=say)
    click.echo(
        f"{len(result.figures)} figure page(s), {result.entries} entry page(s), "
        f"{result.files} files in {result.directory}; open {result.directory / 'index.html'}"
    )


def __dir__() -> list[str]:
    return __all__
