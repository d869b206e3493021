"""``dmsummary export --zenodo OUT.zip``: a citable archive of a figure set."""

from __future__ import annotations

import re
from pathlib import Path

import click

__all__ = ["export"]


def _date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    if value is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        msg = f"{value!r} is not a date YYYY-MM-DD"
        raise click.BadParameter(msg)
    return value


@click.command()
@click.argument("recipes", nargs=-1, metavar="[RECIPE]...")
@click.option(
    "--zenodo",
    "zenodo",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write a Zenodo/RO-Crate ZIP archive here.",
)
@click.option(
    "--include-restricted",
    is_flag=True,
    help="Also copy data files whose licence does not allow redistribution (private use).",
)
@click.option(
    "--creator",
    "creators",
    multiple=True,
    help='Archive creator, "Family, Given" or a collaboration (repeatable).',
)
@click.option("--licence", default="CC-BY-4.0", show_default=True, help="SPDX id of the archive.")
@click.option("--title", help="Archive title (default: from the recipe ids).")
@click.option(
    "--date",
    callback=_date,
    help="Publication date YYYY-MM-DD (default: SOURCE_DATE_EPOCH or today).",
)
@click.option(
    "-j", "--jobs", type=click.IntRange(min=1), help="Worker processes (default: all cores)."
)
def export(
    recipes: tuple[str, ...],
    zenodo: Path,
    *,
    include_restricted: bool,
    creators: tuple[str, ...],
    licence: str,
    title: str | None,
    date: str | None,
    jobs: int | None,
) -> None:
    """Build figures and write an archive: figures, recipes, data, provenance, metadata.

    RECIPE is a built-in recipe id or a recipe file (default: every built-in recipe).
    Data files whose upstream licence does not allow redistribution are referenced by
    URL and sha256 only, unless --include-restricted.
    """
    from dmsummary.export.zenodo import export_zenodo

    result = export_zenodo(
        zenodo,
        list(recipes) or None,
        include_restricted=include_restricted,
        creators=creators or ("The dmsummary developers",),
        licence=licence,
        title=title,
        date=date,
        jobs=jobs,
    )
    click.echo(
        f"{result.path}: {len(result.members)} files; {len(result.included)} data file(s) "
        f"included, {len(result.referenced)} referenced by URL and sha256 only (licence)"
    )


def __dir__() -> list[str]:
    return __all__
