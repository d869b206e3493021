"""``dmsummary catalogue list|show|validate|planes|add|diff`` and ``dmsummary fetch``."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:
    from rich.console import Console

    from dmsummary.catalogue import Catalogue

__all__ = ["add", "catalogue", "catalogue_dirs", "diff", "fetch"]

_STATUSES = ["observed", "expected", "projection", "target", "theory"]


def _console(stderr: bool = False) -> Console:
    from rich.console import Console

    return Console(stderr=stderr, width=None if sys.stdout.isatty() else 160, highlight=False)


def catalogue_dirs() -> list[Path]:
    """Return the catalogue directories selected on the command line."""
    from dmsummary.catalogue import builtin_catalogue_dir

    obj = click.get_current_context().find_root().obj or {}
    dirs = [builtin_catalogue_dir()] if obj.get("builtin", True) else []
    return dirs + list(obj.get("catalogue_dirs", []))


def _load() -> Catalogue:
    from dmsummary.catalogue import load_catalogue

    return load_catalogue(catalogue_dirs())


@click.group()
def catalogue() -> None:
    """Browse and check the curve catalogue."""


@catalogue.command("list")
@click.option("--plane", help="Only this plane (see `dmsummary catalogue planes`).")
@click.option("--experiment", help="Experiment name contains this text (case-insensitive).")
@click.option("--status", type=click.Choice(_STATUSES), help="Only this status.")
@click.option("--search", metavar="TEXT", help="Text in id, label, title, notes or reference.")
@click.option("--all", "all_", is_flag=True, help="Also list superseded entries.")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
def list_(
    plane: str | None,
    experiment: str | None,
    status: str | None,
    search: str | None,
    *,
    all_: bool,
    as_json: bool,
) -> None:
    """List catalogue entries matching the filters (superseded ones only with --all)."""
    from dmsummary.catalogue import PLANES

    if plane is not None and plane not in PLANES:
        msg = f"unknown plane {plane!r}; valid planes: {', '.join(sorted(PLANES))}"
        raise click.BadParameter(msg, param_hint="--plane")
    cat = _load()
    matching = cat.findall(plane=plane, experiment=experiment, status=status, search=search)
    successors = cat.superseded_by()
    entries = [e for e in matching if all_ or e.id not in successors]
    n_hidden = len(matching) - len(entries)
    if as_json:
        records = [
            {
                "id": e.id,
                "label": e.label,
                "plane": e.plane.name,
                "status": e.status,
                "cl": e.cl,
                "experiment": e.experiment,
                "year": e.year,
                "superseded_by": successors.get(e.id, []),
            }
            for e in entries
        ]
        click.echo(json.dumps(records, indent=1, sort_keys=True))
        return
    # A plain aligned table: rich's Table is too slow for ~500 rows (start-up budget).
    header = ("id", "label", "plane", "status", "CL", "experiment", "year")
    rows = [
        (
            e.id,
            _clip(e.label, 36),
            e.plane.name,
            e.status,
            "-" if e.cl is None else f"{100 * e.cl:g}%",
            _clip(e.experiment, 24),
            str(e.year),
        )
        for e in entries
    ]
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(header)]
    line = "  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)).rstrip()
    out = [click.style(line, bold=True), "  ".join("-" * w for w in widths)]
    out += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows]
    hidden = f" ({n_hidden} superseded not shown; --all lists them)" if n_hidden else ""
    out.append(f"{len(entries)} entries{hidden}")
    click.echo("\n".join(out))


def _clip(text: str, width: int) -> str:
    """Shorten ``text`` to ``width`` characters, printable characters only."""
    clean = "".join(ch if ch.isprintable() else "?" for ch in text)
    return clean if len(clean) <= width else clean[: width - 1] + "…"


@catalogue.command()
@click.argument("ident", metavar="ID")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
def show(ident: str, *, as_json: bool) -> None:
    """Show one entry: metadata, numeric ranges, provenance and BibTeX."""
    from dmsummary.catalogue.citation import bibtex, reference_line
    from dmsummary.exceptions import DataFileNotFound

    cat = _load()
    entry = cat.get(ident)
    try:
        curve = cat.curve(entry.id)
        (x0, x1), (y0, y1) = curve.ranges()
        numbers: dict[str, object] = {
            "points": curve.n_points,
            "segments": len(curve.segments),
            "x_range": [x0, x1],
            "y_range": [y0, y1],
        }
    except DataFileNotFound as err:
        numbers = {"unavailable": str(err)}
    if as_json:
        click.echo(
            json.dumps({"entry": entry.to_dict(), "numbers": numbers}, indent=1, sort_keys=True)
        )
        return
    from rich.markup import escape

    console = _console()
    spec = entry.spec
    plane = entry.plane
    cl = "n/a" if entry.cl is None else f"{100 * entry.cl:g}% CL"
    console.print(f"[bold]{escape(entry.id)}[/bold]  {escape(entry.label)}")
    if "title" in spec:
        console.print(escape(str(spec["title"])))
    console.print(
        f"experiment: {escape(entry.experiment)} ({entry.year})   status: {entry.status}   {cl}"
        f"   statistic: {spec.get('statistic', 'n/a')}"
    )
    console.print(
        escape(
            f"plane: {plane.name} — x: {plane.x.quantity} [{plane.x.unit}], "
            f"y: {plane.y.quantity} [{plane.y.unit}]   kind: {entry.kind}"
        )
    )
    console.print(f"reference: {escape(reference_line(entry.reference))}")
    fig = entry.reference.get("figure", "not stated")
    console.print(f"figure/table: {escape(str(fig))}")
    data = spec["data"]
    console.print(f"origin: {spec['origin']}   licence: {escape(str(spec['licence']))}")
    if "point" in data:
        quote = data["point"].get("quote", "")
        console.print(escape(f"data: a number quoted in the publication ({quote})"))
    else:
        console.print(f"data: {escape(data['file'])}  ({data['format']['type']})")
        console.print(f"url: {escape(data['url'])}")
        console.print(f"sha256: {data['sha256']}")
    if entry.supersedes:
        console.print(f"supersedes: {', '.join(entry.supersedes)}")
    later = cat.superseded_by().get(entry.id)
    if later:
        console.print(f"[yellow]superseded by: {', '.join(later)}[/yellow]")
    if "unavailable" in numbers:
        console.print(f"[yellow]numbers: {escape(str(numbers['unavailable']))}[/yellow]")
    else:
        xr, yr = numbers["x_range"], numbers["y_range"]
        console.print(
            escape(
                f"numbers: {numbers['points']} points in {numbers['segments']} segment(s); "
                f"x {xr[0]:.4g}–{xr[1]:.4g} {plane.x.unit}; y {yr[0]:.4g}–{yr[1]:.4g} {plane.y.unit}"  # type: ignore[index]
            )
        )
    console.print("notes:", escape(str(spec["notes"])).strip())
    console.print("\n[bold]BibTeX[/bold]")
    console.print(escape(bibtex(entry)), soft_wrap=True)


@catalogue.command()
@click.option("--no-data", is_flag=True, help="Check metadata only (no file hashes or numbers).")
def validate(*, no_data: bool) -> None:
    """Validate every entry: schema, sha256, parsing, units, plausibility.

    Reports every problem; exits 1 if there is any.
    """
    from rich.progress import Progress

    from dmsummary.catalogue import validate_catalogue

    err_console = _console(stderr=True)
    with Progress(console=err_console, transient=True, disable=not sys.stderr.isatty()) as bar:
        task = bar.add_task("validating", total=None)

        def step(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        report = validate_catalogue(catalogue_dirs(), check_data=not no_data, progress=step)
    for problem in report.problems:
        click.echo(f"problem: {problem}", err=True)
    summary = (
        f"{report.n_entries} entries in {report.n_files} files; "
        f"{report.n_curves} curves read and checked; {len(report.problems)} problem(s)"
    )
    click.echo(summary)
    if not report.ok:
        sys.exit(1)


@catalogue.command()
def planes() -> None:
    """List the named planes with their axes, units and plausibility bounds."""
    from dmsummary.catalogue import PLANES

    for plane in PLANES.values():
        click.echo(
            f"{plane.name:20s} x: {plane.x.quantity} [{plane.x.unit}] {plane.x.bounds}; "
            f"y: {plane.y.quantity} [{plane.y.unit}] {plane.y.bounds}"
        )


@click.command()
@click.argument("ids", nargs=-1, metavar="[IDS]...")
@click.option("--all", "all_", is_flag=True, help="Fetch the data files of every entry.")
def fetch(ids: tuple[str, ...], *, all_: bool) -> None:
    """Download missing data files into the cache (verified by sha256)."""
    from rich.progress import Progress

    from dmsummary.catalogue.catalogue import local_data_file
    from dmsummary.catalogue.fetch import resolve

    if not ids and not all_:
        msg = "name entry ids to fetch, or use --all"
        raise click.UsageError(msg)
    cat = _load()
    entries = list(cat) if all_ else [cat.get(i) for i in ids]
    files = {e.spec["data"]["file"]: e for e in entries if "file" in e.spec["data"]}
    counts: dict[str, int] = {}
    with Progress(console=_console(stderr=True)) as bar:
        task = bar.add_task("fetching", total=len(files))
        for entry in files.values():
            data = entry.spec["data"]
            _, source = resolve(
                data["file"],
                data["sha256"],
                data["url"],
                where=entry.where,
                local=local_data_file(entry),
                allow_download=True,
            )
            counts[source.kind] = counts.get(source.kind, 0) + 1
            bar.advance(task)
    click.echo(
        f"{len(files)} file(s) verified: "
        + ", ".join(f"{n} from {kind}" for kind, n in sorted(counts.items()))
    )


def __dir__() -> list[str]:
    return __all__


def _target_catalogue(explicit: Path | None) -> Path:
    if explicit is not None:
        return explicit
    obj = click.get_current_context().find_root().obj or {}
    extra = list(obj.get("catalogue_dirs", []))
    if extra:
        return Path(extra[-1])
    msg = (
        "name the catalogue directory to write to with `catalogue add --catalogue DIR` "
        "(or the global --catalogue / DMSUMMARY_CATALOGUE_PATH)"
    )
    raise click.UsageError(msg)


def _interactive() -> bool:
    """Return whether a terminal is attached (then missing information is asked for)."""
    return sys.stdin.isatty() and sys.stdout.isatty()


_PROMPTS = {
    "plane": "Plane (see `dmsummary catalogue planes`)",
    "experiment": "Experiment / collaboration",
    "label": "Legend label",
    "status": f"Status ({' | '.join(_STATUSES)})",
    "cl": "Confidence level (e.g. 0.9)",
    "reference": "Reference (arXiv:NNNN.NNNNN, doi:..., or citation)",
    "x-unit": "Unit of the x numbers in the file",
    "y-unit": "Unit of the y numbers in the file",
    "url": "Pinned https URL of the file",
    "digitised-by": "Who digitised the figure",
    "figure": "Figure or table of the publication",
    "year": "Year of the result",
}


@catalogue.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--plane", help="Named plane (see `dmsummary catalogue planes`).")
@click.option("--experiment", help="Experiment or collaboration.")
@click.option("--label", help="Legend label (plain text; mathtext in $...$).")
@click.option("--status", type=click.Choice(_STATUSES), help="Default: what the file says.")
@click.option("--cl", type=float, help="Confidence level, 0.9 or 90 (default: from the file).")
@click.option("--reference", help="arXiv:NNNN.NNNNN, doi:10..., inspire:NNNN or a citation.")
@click.option("--figure", help="Figure or table in the publication.")
@click.option("--doi", help="Journal DOI.")
@click.option("--url", help="Pinned https URL of the file (default: from the mirror MANIFEST).")
@click.option("--x-unit", help="Unit of the x numbers in the file (default: from headers).")
@click.option("--y-unit", help="Unit of the y numbers in the file (default: from headers).")
@click.option("--x-column", help="x column: 0-based index, header name or JSON key.")
@click.option("--y-column", help="y column: index, header name, JSON key or HEPData variable.")
@click.option("--table", help="HEPData table name (submissions with several tables).")
@click.option("--dataset", help="WebPlotDigitizer dataset name.")
@click.option("--each", is_flag=True, help="One entry per y column / variable / dataset.")
@click.option("--id", "ident", help="Entry id (default: <experiment>-<year>-<plane>).")
@click.option("--year", type=int, help="Year of the result (default: from the arXiv id).")
@click.option("--title", help="One-line description.")
@click.option("--licence", help="Licence of the file (default: CC0-1.0 for HEPData).")
@click.option(
    "--origin",
    type=click.Choice(["data-release", "hepdata", "digitised", "computed", "unknown"]),
    help="Default: from the format (HEPData, digitiser) or the mirror MANIFEST.",
)
@click.option("--statistic", help="upper-limit, sensitivity-median, band-edge, ...")
@click.option(
    "--kind", type=click.Choice(["curve", "contour"]), default="curve", show_default=True
)
@click.option("--sort-x", is_flag=True, help="Sort each curve by x when read.")
@click.option("--digitised-by", help="Who digitised the figure (digitiser exports).")
@click.option("--digitised-on", help="ISO date of the digitisation (default: file date).")
@click.option(
    "--digitised-with", help="Digitiser tool (default: WebPlotDigitizer for its exports)."
)
@click.option("--supersedes", multiple=True, help="Id this result replaces (repeatable).")
@click.option("--alias", "aliases", multiple=True, help="Other id for this entry (repeatable).")
@click.option("--tag", "tags", multiple=True, help="Keyword (repeatable).")
@click.option("--notes", help="Extra notes (caveats, corrections).")
@click.option(
    "--catalogue",
    "target",
    type=click.Path(file_okay=False, path_type=Path),
    help="Catalogue directory to write to (created if missing).",
)
@click.option("--dry-run", is_flag=True, help="Validate and print, write nothing.")
def add(file: Path, **options: object) -> None:
    """Add the result in FILE to a catalogue directory.

    FILE may be CSV/text (any delimiter), a HEPData submission or table
    (YAML/JSON), a WebPlotDigitizer CSV or JSON project, or a DM WG contour
    JSON. Units, CL and observed/expected are taken from the file when it
    states them. Missing required information is prompted for on a terminal;
    otherwise it is an error listing everything that is missing.
    """
    from dataclasses import replace

    from dmsummary.catalogue.ingest import MissingFields, ResultInfo, add_result

    target = _target_catalogue(options.pop("target"))  # type: ignore[arg-type]
    dry_run = bool(options.pop("dry_run"))
    picks = {k: options.pop(k) for k in ("x_column", "y_column", "table", "dataset", "each")}
    options["id"] = options.pop("ident")
    for key in ("supersedes", "aliases", "tags"):
        options[key] = tuple(options[key])  # type: ignore[arg-type]
    info = ResultInfo(**options)  # type: ignore[arg-type]
    others = [d for d in catalogue_dirs() if d.resolve() != target.resolve()]
    interactive = _interactive()
    while True:
        try:
            drafts = add_result(
                file,
                info,
                catalogue=target,
                others=others,
                dry_run=dry_run,
                **picks,  # type: ignore[arg-type]
            )
            break
        except MissingFields as err:
            if not interactive:
                msg = (
                    f"{err}\n(no terminal attached, so nothing was asked; give these options, "
                    "see `dmsummary catalogue add --help`)"
                )
                raise click.UsageError(msg) from None
            answers: dict[str, object] = {}
            for name in err.fields:
                value = click.prompt(_PROMPTS.get(name, name), type=_PROMPT_TYPES.get(name, str))
                answers[name.replace("-", "_")] = value
            info = replace(info, **answers)  # type: ignore[arg-type]
    for draft in drafts:
        verb = "would write" if dry_run else "wrote"
        click.echo(f"{verb} {draft.path}  ({draft.summary})")
        if draft.data_copy is not None:
            click.echo(f"  data copied to {draft.data_copy[1]}")
        if dry_run:
            click.echo(draft.text)


_PROMPT_TYPES: dict[str, Any] = {
    "cl": float,
    "year": int,
    "status": click.Choice(_STATUSES),
}


@catalogue.command()
@click.argument("old")
@click.argument("new")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.option(
    "--path",
    "cat_path",
    default="src/dmsummary/data/catalogue",
    show_default=True,
    help="Catalogue directory inside the repository (git revisions only).",
)
@click.option(
    "--repo",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path(),
    help="A directory in the git repository (git revisions only; default: here).",
)
@click.option("--no-numbers", is_flag=True, help="Compare metadata only.")
@click.option("--exit-code", is_flag=True, help="Exit 1 when there are differences.")
def diff(
    old: str,
    new: str,
    *,
    as_json: bool,
    cat_path: str,
    repo: Path,
    no_numbers: bool,
    exit_code: bool,
) -> None:
    """Show what changed between two catalogues, for review.

    OLD and NEW are two catalogue directories, or two git revisions of the
    repository (then --path names the catalogue directory in it). Reports the
    entries added, removed and newly superseded, metadata changes field by
    field, and the maximum relative change of every curve whose numbers changed.
    """
    from dmsummary.catalogue.diff import diff_catalogues, diff_revisions

    if Path(old).is_dir() and Path(new).is_dir():
        result = diff_catalogues([Path(old)], [Path(new)], numbers=not no_numbers)
    elif Path(old).is_dir() or Path(new).is_dir():
        msg = "give two catalogue directories or two git revisions, not one of each"
        raise click.UsageError(msg)
    else:
        result = diff_revisions(old, new, repo=repo, path=cat_path, numbers=not no_numbers)
    click.echo(result.to_json() if as_json else result.table(), nl=False)
    if exit_code and not result.empty:
        sys.exit(1)
