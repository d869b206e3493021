"""``dmsummary build``, ``dmsummary provenance`` and ``dmsummary cite``."""

from __future__ import annotations

import sys
from pathlib import Path

import click

__all__ = ["build", "cite", "provenance"]

_FIGURE_FORMATS = ("pdf", "png", "svg")
_REPORT_FORMATS = ("md", "tex", "csv", "json")


def _formats(value: str) -> tuple[str, ...]:
    formats = tuple(f.strip().lower() for f in value.split(",") if f.strip())
    bad = [f for f in formats if f not in _FIGURE_FORMATS]
    if bad or not formats:
        msg = f"unknown format(s) {bad or value!r}; choose from {', '.join(_FIGURE_FORMATS)}"
        raise click.BadParameter(msg, param_hint="--format")
    return formats


@click.command()
@click.argument("recipes", nargs=-1, metavar="[RECIPE]...")
@click.option(
    "-o",
    "--output",
    "output",
    default="build",
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Output directory.",
)
@click.option(
    "--format", "formats", default="pdf,png,svg", show_default=True, help="Figure formats."
)
@click.option(
    "-j", "--jobs", type=click.IntRange(min=1), help="Worker processes (default: all cores)."
)
@click.option(
    "--manifest",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the manifest here instead of OUTPUT/manifest.json (the Snakemake workflow "
    "writes one per figure and merges them with `dmsummary workflow merge`).",
)
def build(
    recipes: tuple[str, ...], output: Path, formats: str, jobs: int | None, manifest: Path | None
) -> None:
    """Build figures with provenance tables, BibTeX and build/manifest.json.

    RECIPE is a built-in recipe id (e.g. espp2026/higgs-portal-majorana) or a recipe
    file; without RECIPE every built-in recipe is built.
    """
    from rich.progress import Progress

    from dmsummary.build import build as run_build
    from dmsummary.recipes import builtin_recipes

    fmts = _formats(formats)
    names = list(recipes) or builtin_recipes()
    with Progress(transient=True, disable=not sys.stderr.isatty()) as bar:
        task = bar.add_task("building figures", total=len(names))
        result = run_build(
            names,
            output,
            formats=fmts,
            jobs=jobs,
            progress=lambda _: bar.advance(task),
            manifest=manifest,
        )
    n_files = sum(len(files) for files in result.outputs.values())
    click.echo(
        f"{len(result.outputs)} figure(s), {n_files} files in {result.directory}; manifest {result.manifest}"
    )


@click.command()
@click.argument("recipe", metavar="RECIPE")
@click.option(
    "--format", "fmt", type=click.Choice(_REPORT_FORMATS), default="md", show_default=True
)
def provenance(recipe: str, fmt: str) -> None:
    """Print the provenance report of a figure (every curve, reference, hash, derivation)."""
    from dmsummary.provenance import provenance_report, writers
    from dmsummary.recipes import load_recipe, resolve_recipe

    report = provenance_report(resolve_recipe(load_recipe(recipe)))
    render = {
        "md": writers.to_markdown,
        "tex": writers.to_latex,
        "csv": writers.to_csv,
        "json": writers.to_json,
    }
    click.echo(render[fmt](report), nl=False)


@click.command()
@click.argument("recipe", metavar="RECIPE")
def cite(recipe: str) -> None:
    """Print BibTeX for exactly the works a figure draws, plus dmsummary itself."""
    from dmsummary.provenance import figure_bibtex
    from dmsummary.recipes import load_recipe, resolve_recipe

    click.echo(figure_bibtex(resolve_recipe(load_recipe(recipe))), nl=False)


def __dir__() -> list[str]:
    return __all__
