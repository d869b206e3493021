"""Generate the static site: figures, pages, assets and a manifest, all or nothing.

The site is written into a staging directory next to the target and moved into place only
when every file has been written, so a failed build never leaves half a site (and never
touches an existing one). An existing target is replaced only if it is empty or is a site
dmsummary wrote before (recognised by its ``manifest.json``); anything else is refused.

The static figures come from one :func:`dmsummary.build.build` run (rendered once, in
parallel); the interactive versions are the same resolved figures as Plotly data.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dmsummary.exceptions import OutputError

if TYPE_CHECKING:
    from dmsummary.catalogue import Catalogue, Curve

__all__ = ["SITE_MANIFEST_SCHEMA", "SiteResult", "build_site", "curve_csv"]

SITE_MANIFEST_SCHEMA = "dmsummary-site-manifest/1"
"""``schema`` value of the site's ``manifest.json`` (also how a previous site is recognised)."""

_ASSETS = ("site.css", "site.js")
_FIGURE_FORMATS = ("pdf", "png", "svg")


@dataclass(frozen=True, slots=True)
class SiteResult:
    """What :func:`build_site` wrote.

    Attributes
    ----------
    directory : pathlib.Path
        The site directory (open ``index.html``).
    figures : tuple of str
        Recipe ids with a figure page.
    entries : int
        Number of entry pages.
    files : int
        Number of files in the site.
    """

    directory: Path
    figures: tuple[str, ...]
    entries: int
    files: int


def _plotly_js() -> bytes:
    """Read the plotly.js bundle shipped inside the ``plotly`` Python package (MIT licence)."""
    path = resources.files("plotly") / "package_data" / "plotly.min.js"
    try:
        return path.read_bytes()
    except OSError as err:
        msg = (
            f"cannot read the plotly.js bundle at {path}: the site needs the `plotly` Python "
            "package with its package data (reinstall it: `uv sync` or `pip install plotly`)"
        )
        raise OutputError(msg) from err


def curve_csv(curve: Curve) -> str:
    r"""Return an entry's numbers as CSV in the plane's display units.

    Parameters
    ----------
    curve : Curve
        The entry's numbers.

    Returns
    -------
    str
        RFC 4180 CSV (``\r\n`` line ends) with a header naming quantities and units,
        ``segment,<x quantity> [<unit>],<y quantity> [<unit>]``, then one row per point
        (12 significant digits; segments numbered from 0, never joined).

    Examples
    --------
    >>> from dmsummary import load_catalogue
    >>> print(curve_csv(load_catalogue().curve("lz-2024-si")).splitlines()[0])
    segment,DM mass [GeV],SI DM-nucleon cross-section [cm^2]
    """
    plane = curve.entry.plane
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(
        ["segment", f"{plane.x.quantity} [{plane.x.unit}]", f"{plane.y.quantity} [{plane.y.unit}]"]
    )
    for k, (x, y) in enumerate(curve.segments):
        for a, b in zip((x / plane.x.factor).tolist(), (y / plane.y.factor).tolist(), strict=True):
            writer.writerow([k, f"{a:.12g}", f"{b:.12g}"])
    return buffer.getvalue()


def _check_target(target: Path) -> None:
    if target.exists() and not target.is_dir():
        msg = f"{target}: the site output must be a directory; choose another path with -o"
        raise OutputError(msg)
    if not target.is_dir() or not any(target.iterdir()):
        return
    manifest = target / "manifest.json"
    try:
        schema = json.loads(manifest.read_text(encoding="utf-8")).get("schema")
    except (OSError, ValueError, AttributeError):
        schema = None
    if schema != SITE_MANIFEST_SCHEMA:
        msg = (
            f"{target} is not empty and is not a site written by dmsummary (no {manifest.name} "
            f"with schema {SITE_MANIFEST_SCHEMA!r}); refusing to replace it. Choose an empty "
            "or new directory with -o, or remove it first"
        )
        raise OutputError(msg)


def _write(path: Path, text: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, str):
        path.write_text(text, encoding="utf-8", newline="")
    else:
        path.write_bytes(text)


def build_site(
    directory: str | os.PathLike[str] = "site",
    *,
    recipes: Sequence[str] | None = None,
    catalogue: Catalogue | None = None,
    jobs: int | None = None,
    progress: Callable[[str], None] | None = None,
) -> SiteResult:
    """Build the static web catalogue.

    Parameters
    ----------
    directory : path
        Output directory (``site/`` by default); replaced as a whole (see the module
        docstring). Open ``<directory>/index.html`` from disk or serve it statically.
    recipes : sequence of str, optional
        Built-in recipe ids or recipe files to give figure pages (default: every built-in
        recipe; an empty sequence builds the catalogue pages only).
    catalogue : Catalogue, optional
        Catalogue whose entries get pages (default: :func:`dmsummary.load_catalogue`, i.e.
        the built-in catalogue plus ``DMSUMMARY_CATALOGUE_PATH``, without the built-in one
        when ``DMSUMMARY_NO_BUILTIN`` is set). Figures are always resolved against that
        default catalogue, as by ``dmsummary build``.
    jobs : int, optional
        Worker processes for the static figures (default: all cores).
    progress : callable, optional
        Called with a short message after each stage.

    Returns
    -------
    SiteResult
        The directory and what it holds.

    Raises
    ------
    OutputError
        The target is a file, or a non-empty directory dmsummary did not write.
    RecipeError, DMSummaryError
        A bad recipe or missing/corrupt data (nothing is written then).
    """
    from dmsummary import __version__
    from dmsummary.build import build
    from dmsummary.catalogue import load_catalogue
    from dmsummary.export.site.pages import (
        FigureLink,
        entry_href,
        entry_page,
        figure_page,
        index_page,
    )
    from dmsummary.export.site.plot import entry_plot, figure_plot
    from dmsummary.provenance import provenance_report
    from dmsummary.provenance.writers import FORMATS as REPORT_SUFFIXES
    from dmsummary.recipes import builtin_recipes, load_recipe, resolve_recipe

    def say(message: str) -> None:
        if progress is not None:
            progress(message)

    target = Path(directory)
    _check_target(target)
    cat = catalogue if catalogue is not None else load_catalogue()
    names = builtin_recipes() if recipes is None else list(recipes)
    # Everything that can fail on input is read before anything is written.
    figures = [resolve_recipe(load_recipe(name)) for name in names]
    reports = [provenance_report(f) for f in figures]
    entries = list(cat)
    curves = {entry.id: cat.curve(entry.id) for entry in entries}
    say(f"resolved {len(figures)} figures and {len(entries)} catalogue entries")

    target.parent.mkdir(parents=True, exist_ok=True)
    stage = Path(tempfile.mkdtemp(prefix=f".{target.name}-staging-", dir=target.parent))
    try:
        if names:
            build(names, stage / "figures", formats=_FIGURE_FORMATS, jobs=jobs)
        say("static figures built")
        links: list[FigureLink] = []
        uses: dict[str, list[FigureLink]] = {}
        known = {e.id for e in entries}
        for figure, report in zip(figures, reports, strict=True):
            folder, _, _ = figure.recipe_id.rpartition("/")
            stem = report.output
            base = f"figures/{folder}/{stem}" if folder else f"figures/{stem}"
            files = {fmt: f"{stem}.{fmt}" for fmt in _FIGURE_FORMATS}
            files.update({fmt: stem + suffix for fmt, suffix in REPORT_SUFFIXES.items()})
            link = FigureLink(
                recipe_id=figure.recipe_id,
                title=figure.title,
                href=f"{base}.html",
                thumbnail=f"{base}.png",
                plane=figure.plane,
                n_curves=len(figure.layers),
            )
            links.append(link)
            for entry in figure.entries:
                uses.setdefault(entry.id, []).append(link)
            html = figure_page(
                report,
                figure_plot(figure, report),
                files=files,
                known_entries=known,
                version=__version__,
            )
            _write(stage / f"{base}.html", html)
        say("figure pages written")
        superseded = cat.superseded_by()
        for entry in entries:
            page_path = stage / entry_href(entry.id)
            csv_name = f"{entry.id}.csv"
            _write(page_path.with_name(csv_name), curve_csv(curves[entry.id]))
            html = entry_page(
                entry,
                entry_plot(curves[entry.id]),
                csv_name=csv_name,
                figures=uses.get(entry.id, []),
                superseded_by=superseded.get(entry.id, []),
                known_entries=known,
                version=__version__,
            )
            _write(page_path, html)
        say("entry pages written")
        _write(stage / "index.html", index_page(links, entries, version=__version__))
        assets = resources.files("dmsummary.export.site") / "assets"
        for name in _ASSETS:
            _write(stage / "assets" / name, (assets / name).read_bytes())
        _write(stage / "assets" / "plotly.min.js", _plotly_js())
        files_written = _write_manifest(stage, __version__)
        _swap(stage, target)
    finally:
        shutil.rmtree(stage, ignore_errors=True)
    say(f"site written to {target}")
    return SiteResult(
        directory=target,
        figures=tuple(f.recipe_id for f in figures),
        entries=len(entries),
        files=files_written,
    )


def _write_manifest(stage: Path, version: str) -> int:
    """Write ``manifest.json``: every file of the site with its sha256 (sorted, no time)."""
    files = {
        p.relative_to(stage).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(stage.rglob("*"))
        if p.is_file()
    }
    doc: dict[str, Any] = {"schema": SITE_MANIFEST_SCHEMA, "dmsummary": version, "files": files}
    _write(stage / "manifest.json", json.dumps(doc, indent=1, sort_keys=True) + "\n")
    return len(files) + 1


def _swap(stage: Path, target: Path) -> None:
    """Move the finished site into place; an old site is removed only afterwards."""
    old: Path | None = None
    if target.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}-old-", dir=target.parent))
        target.replace(old / "site")
    try:
        stage.replace(target)
    except OSError:
        if old is not None:
            (old / "site").replace(target)
        raise
    finally:
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)


def __dir__() -> list[str]:
    return __all__
