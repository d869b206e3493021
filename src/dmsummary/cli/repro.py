"""``dmsummary verify``, ``dmsummary info`` and ``dmsummary workflow plan|merge|run``."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

__all__ = ["info", "verify", "workflow"]


@click.command()
@click.argument(
    "directory",
    default="build",
    required=False,
    type=click.Path(file_okay=False, path_type=Path),
)
@click.option(
    "-j", "--jobs", type=click.IntRange(min=1), help="Worker processes (default: all cores)."
)
@click.option("--json", "as_json", is_flag=True, help="Machine-readable report on stdout.")
def verify(directory: Path, jobs: int | None, *, as_json: bool) -> None:
    """Rebuild what DIRECTORY/manifest.json records and compare every output byte for byte.

    Prints per output `identical` or `differs` with the reason (a data file's sha256, a
    recipe digest, a package version, a file changed after the build). Exit 1 on any
    difference or on a missing, malformed or hand-edited manifest.
    """
    from dmsummary.repro import verify as run_verify

    report = run_verify(directory, jobs=jobs)
    if as_json:
        click.echo(json.dumps(report.to_dict(), indent=1, sort_keys=True))
    else:
        click.echo(report.to_text(), nl=False)
    if not report.ok:
        sys.exit(1)


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Machine-readable record on stdout.")
def info(*, as_json: bool) -> None:
    """Print package versions, platform, data mirror and cache locations (for bug reports)."""
    from dmsummary.repro import environment_info, format_info

    record = environment_info()
    if as_json:
        click.echo(json.dumps(record, indent=1, sort_keys=True))
    else:
        click.echo(format_info(record), nl=False)


@click.group()
def workflow() -> None:
    """Plan, merge and run the Snakemake workflow (workflow/Snakefile, reana.yaml)."""


@workflow.command()
@click.argument("recipes", nargs=-1, metavar="[RECIPE]...")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the plan here (atomically) instead of stdout, e.g. workflow/plan.json.",
)
def plan(recipes: tuple[str, ...], output: Path | None) -> None:
    """Print the workflow plan: per figure its recipe, data files and output files."""
    from dmsummary.build import atomic_write
    from dmsummary.repro import plan_json, workflow_plan

    text = plan_json(workflow_plan(list(recipes) or None))
    if output is None:
        click.echo(text, nl=False)
    else:
        atomic_write(output, text.encode("utf-8"))


@workflow.command()
@click.argument("parts", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The merged manifest, e.g. build/manifest.json.",
)
def merge(parts: tuple[Path, ...], output: Path) -> None:
    """Merge per-figure manifests (PARTS) into one build manifest."""
    from dmsummary.repro import merge_manifests

    merge_manifests(parts, output)


@workflow.command(context_settings={"ignore_unknown_options": True})
@click.option("--cores", default=2, show_default=True, type=click.IntRange(min=1))
@click.option(
    "--snakefile",
    default="workflow/Snakefile",
    show_default=True,
    type=click.Path(dir_okay=False, path_type=Path),
)
@click.argument("snakemake_args", nargs=-1, type=click.UNPROCESSED)
def run(cores: int, snakefile: Path, snakemake_args: tuple[str, ...]) -> None:
    """Run the workflow locally with Snakemake (extra arguments go to snakemake)."""
    from dmsummary.repro import run_workflow

    code = run_workflow(snakefile, cores=cores, extra=snakemake_args)
    if code:
        sys.exit(code)


def __dir__() -> list[str]:
    return __all__
