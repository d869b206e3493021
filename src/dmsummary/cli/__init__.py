"""The ``dmsummary`` command line: a thin skin over the library (STYLE P13).

Exit codes: 0 success; 1 a validation failure or any dmsummary error (the
message names the file, the field and the fix); 2 a usage error. No traceback
is shown unless ``--debug`` is given. Heavy libraries are imported inside the
commands so that ``dmsummary --help`` starts fast.
"""

from __future__ import annotations

import os
import sys
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

import click

from dmsummary import __version__
from dmsummary.exceptions import DMSummaryError, SupersededEntryWarning

__all__ = ["cli", "main"]


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="dmsummary")
@click.option("--debug", is_flag=True, help="Show full tracebacks on errors.")
@click.option(
    "--offline",
    is_flag=True,
    help="Never download (same as DMSUMMARY_OFFLINE=1).",
)
@click.option(
    "--data",
    "data_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Data mirror directory (overrides DMSUMMARY_DATA).",
)
@click.option(
    "--catalogue",
    "catalogues",
    multiple=True,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Extra catalogue directory merged over the built-in one (repeatable; also "
    "DMSUMMARY_CATALOGUE_PATH, os.pathsep-separated). Ids must not collide.",
)
@click.option("--no-builtin", is_flag=True, help="Use only the --catalogue directories.")
@click.pass_context
def cli(
    ctx: click.Context,
    *,
    debug: bool,
    offline: bool,
    data_dir: Path | None,
    catalogues: tuple[Path, ...],
    no_builtin: bool,
) -> None:
    """Reproducible, citable dark-matter summary plots.

    The data mirror is found through DMSUMMARY_DATA (or --data); missing files
    are downloaded only by `dmsummary fetch`, always verified by sha256.
    """
    del debug  # handled in main()
    extra = [
        Path(p) for p in os.environ.get("DMSUMMARY_CATALOGUE_PATH", "").split(os.pathsep) if p
    ]
    extra += list(catalogues)
    extra = list({p.resolve(): p for p in extra}.values())  # each directory once
    if no_builtin and not extra:
        msg = "--no-builtin needs at least one --catalogue directory"
        raise click.UsageError(msg)
    ctx.obj = {"catalogue_dirs": extra, "builtin": not no_builtin}
    if extra:
        # Figure commands (and build's worker processes) load the default catalogue,
        # which is the built-in one plus DMSUMMARY_CATALOGUE_PATH.
        os.environ["DMSUMMARY_CATALOGUE_PATH"] = os.pathsep.join(str(p) for p in extra)
    if no_builtin:
        os.environ["DMSUMMARY_NO_BUILTIN"] = "1"
    if offline:
        os.environ["DMSUMMARY_OFFLINE"] = "1"
    if data_dir is not None:
        os.environ["DMSUMMARY_DATA"] = str(data_dir)


def _register() -> None:
    from dmsummary.cli.catalogue import catalogue, fetch
    from dmsummary.cli.export import export
    from dmsummary.cli.figures import build, cite, provenance
    from dmsummary.cli.reinterpret import reinterpret
    from dmsummary.cli.repro import info, verify, workflow
    from dmsummary.cli.site import site

    cli.add_command(build)
    cli.add_command(catalogue)
    cli.add_command(cite)
    cli.add_command(fetch)
    cli.add_command(provenance)
    cli.add_command(export)
    cli.add_command(reinterpret)
    cli.add_command(info)
    cli.add_command(verify)
    cli.add_command(workflow)
    cli.add_command(site)


_register()


def _warning_printer(fallback: Callable[..., None]) -> Callable[..., None]:
    """Return a ``warnings.showwarning`` that prints dmsummary warnings as ``warning: ...``."""

    def show(
        message: Warning | str,
        category: type[Warning],
        filename: str,
        lineno: int,
        file: TextIO | None = None,
        line: str | None = None,
    ) -> None:
        if issubclass(category, DMSummaryError):
            click.echo(f"warning: {message}", err=True)
        else:
            fallback(message, category, filename, lineno, file, line)

    return show


def main(argv: list[str] | None = None) -> None:
    """Run the command line and exit with its status.

    Parameters
    ----------
    argv : list of str, optional
        Arguments (default: ``sys.argv[1:]``).
    """
    args = sys.argv[1:] if argv is None else argv
    debug = "--debug" in args
    try:
        with warnings.catch_warnings():
            # Our warnings (e.g. a recipe drawing a superseded entry) are messages for the
            # user: shown once each as "warning: ...", without a source line.
            warnings.simplefilter("default", SupersededEntryWarning)
            warnings.showwarning = _warning_printer(warnings.showwarning)
            code = cli.main(args=args, prog_name="dmsummary", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(1)
    except click.ClickException as err:
        err.show()
        sys.exit(err.exit_code)
    except Exception as err:
        if debug:
            raise
        if isinstance(err, DMSummaryError):
            click.echo(f"error: {err}", err=True)
        else:
            click.echo(f"internal error: {type(err).__name__}: {err} (run with --debug)", err=True)
        sys.exit(1)
    sys.exit(code if isinstance(code, int) else 0)


def __dir__() -> list[str]:
    return __all__
