"""The three kinds of page: the index, one page per figure, one page per catalogue entry.

Each function returns the HTML text of one page; :mod:`dmsummary.export.site.build`
writes them. Every string from a catalogue entry or recipe goes through
:func:`~dmsummary.export.site.text.html_text` or
:func:`~dmsummary.export.site.text.math_html`; the plot data is embedded with
:func:`~dmsummary.export.site.text.script_json`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from dmsummary.export.site.layout import (
    definition_list,
    external_link,
    page,
    reference_links,
    table,
)
from dmsummary.export.site.text import html_text, math_html, math_text, script_json

if TYPE_CHECKING:
    from dmsummary.catalogue import Entry
    from dmsummary.provenance import ProvenanceReport

__all__ = ["FigureLink", "entry_href", "entry_page", "figure_page", "index_page"]

STATUSES = ("observed", "expected", "projection", "target", "theory")


@dataclass(frozen=True, slots=True)
class FigureLink:
    """A figure as the index and the entry pages link to it.

    Attributes
    ----------
    recipe_id : str
        E.g. ``espp2026/higgs-portal-majorana``.
    title : str
        Figure title (plain text from the recipe).
    href : str
        Page path relative to the site root (``figures/espp2026/higgs-portal-majorana.html``).
    thumbnail : str
        Static PNG path relative to the site root.
    plane : str
        Plane name.
    n_curves : int
        Number of curves drawn.
    """

    recipe_id: str
    title: str
    href: str
    thumbnail: str
    plane: str
    n_curves: int


def entry_href(entry_id: str) -> str:
    """Return the path of an entry page relative to the site root.

    Parameters
    ----------
    entry_id : str
        Catalogue id.

    Returns
    -------
    str
        ``entries/<id>.html`` (percent-encoded).
    """
    return f"entries/{quote(entry_id)}.html"


def _cl(cl: float | None) -> str:
    return "" if cl is None else f"{round(cl * 100, 6):g} %"


def _badge(kind: str, text: str) -> str:
    return f'<span class="badge {html_text(kind)}">{html_text(text)}</span>'


# --------------------------------------------------------------------------- index
def _search_text(entry: Entry) -> str:
    from dmsummary.catalogue.citation import reference_line

    parts = [
        entry.id,
        math_text(entry.label),
        str(entry.spec.get("title", "")),
        entry.experiment,
        entry.plane.name,
        reference_line(entry.reference),
        *map(str, entry.spec.get("tags", ())),
        *entry.aliases,
    ]
    return " ".join(parts).lower()


def index_page(
    figures: Sequence[FigureLink], entries: Sequence[Entry], *, version: str = ""
) -> str:
    """Return the index: figure sets (with thumbnails) and the filterable catalogue table.

    Parameters
    ----------
    figures : sequence of FigureLink
        The figures built, in recipe order.
    entries : sequence of Entry
        Every catalogue entry (sorted by id).
    version : str
        dmsummary version for the footer.

    Returns
    -------
    str
        The HTML document. The table is complete without JavaScript; ``site.js`` filters
        its rows by plane, experiment, status, year range and free text.
    """
    from dmsummary.catalogue.citation import reference_line
    from dmsummary.catalogue.planes import PLANES

    sets: dict[str, list[FigureLink]] = {}
    for fig in figures:
        sets.setdefault(fig.recipe_id.rsplit("/", 1)[0], []).append(fig)
    cards = []
    for name, figs in sets.items():
        items = "".join(
            f'<li><a href="{html_text(f.href)}"><img src="{html_text(f.thumbnail)}" '
            f'alt="{html_text(f.title)}" loading="lazy"><span class="title">'
            f"{html_text(f.title)}</span>"
            f'<span class="sub">{html_text(f.recipe_id)} · {f.n_curves} curves</span></a></li>'
            for f in figs
        )
        cards.append(f'<h3>{html_text(name)}</h3><ul class="cards">{items}</ul>')
    planes = sorted({e.plane.name for e in entries})
    experiments = sorted({e.experiment for e in entries}, key=str.lower)
    years = sorted({e.year for e in entries})
    statuses = [s for s in STATUSES if any(e.status == s for e in entries)]

    def options(
        values: Sequence[Any], everything: str, labels: Mapping[Any, str] | None = None
    ) -> str:
        first = f'<option value="">{html_text(everything)}</option>'
        return first + "".join(
            f'<option value="{html_text(v)}">{html_text((labels or {}).get(v, v))}</option>'
            for v in values
        )

    plane_labels = {p: f"{p} — {PLANES[p].description}" if p in PLANES else p for p in planes}

    def control(ident: str, label: str, values: Sequence[Any], everything: str, **kw: Any) -> str:
        return (
            f'<label>{html_text(label)} <select id="{html_text(ident)}">'
            f"{options(values, everything, kw.get('labels'))}</select></label>"
        )

    filters = "".join(
        [
            '<form id="filters" class="filters" role="search" onsubmit="return false">',
            (
                '<label class="wide">Search <input type="search" id="f-search" '
                'placeholder="label, id, experiment, arXiv, tag…" autocomplete="off"></label>'
            ),
            control("f-plane", "Plane", planes, "all planes", labels=plane_labels),
            control("f-experiment", "Experiment", experiments, "all experiments"),
            control("f-status", "Status", statuses, "any status"),
            control("f-year-min", "Year from", years, "any"),
            control("f-year-max", "to", years, "any"),
            '<button type="reset" id="f-reset">Clear</button></form>',
        ]
    )
    rows = []
    attributes = []
    for entry in entries:
        rows.append(
            [
                (
                    f'<a href="{html_text(entry_href(entry.id))}">{math_html(entry.label)}</a>'
                    f'<br><code class="id">{html_text(entry.id)}</code>'
                ),
                html_text(entry.experiment),
                f'<span title="{html_text(entry.plane.description)}">{html_text(entry.plane.name)}</span>',
                _badge(entry.status, entry.status),
                html_text(_cl(entry.cl)),
                html_text(entry.year),
                html_text(reference_line(entry.reference)),
            ]
        )
        attributes.append(
            {
                "plane": entry.plane.name,
                "experiment": entry.experiment,
                "status": entry.status,
                "year": str(entry.year),
                "search": _search_text(entry),
            }
        )
    catalogue = table(
        ["Entry", "Experiment", "Plane", "Status", "CL", "Year", "Reference"],
        rows,
        css="entries",
        row_attributes=attributes,
        table_id="entries",
    )
    n_sets = len(sets)
    body = (
        "<h1>Dark-matter limits: figures and catalogue</h1>"
        f'<p class="lead">{len(figures)} figures in {n_sets} set{"s" if n_sets != 1 else ""} '
        f"and {len(entries)} catalogue entries on {len(planes)} planes. Every curve links to "
        "its numbers (CSV), its upstream file (pinned by sha256) and the work to cite.</p>"
        f'<section id="figures"><h2>Figures</h2>{"".join(cards)}</section>'
        '<section id="catalogue"><h2>Catalogue</h2>'
        f'{filters}<p id="count" class="count" aria-live="polite">{len(entries)} of '
        f"{len(entries)} entries</p>{catalogue}</section>"
    )
    return page(title="Figures and catalogue", body=body, depth=0, kind="index", version=version)


# --------------------------------------------------------------------------- figure page
def _split_links(text: str) -> str:
    """Links to the upstream files of a row (``"; "``-joined), named by their file names."""
    return "<br>".join(
        external_link(u, u.rstrip("/").rsplit("/", 1)[-1] or u) for u in text.split("; ") if u
    )


def _short_hashes(text: str) -> str:
    return "<br>".join(
        f'<code title="{html_text(h)}">{html_text(h[:12])}…</code>' for h in text.split("; ") if h
    )


def figure_page(
    report: ProvenanceReport,
    plot: Mapping[str, Any],
    *,
    files: Mapping[str, str],
    known_entries: set[str],
    version: str = "",
) -> str:
    """Return the page of one figure.

    Parameters
    ----------
    report : ProvenanceReport
        The figure's provenance report (title, rows, BibTeX, CL note, unavailable curves).
    plot : Mapping
        Plotly specification from :func:`~dmsummary.export.site.plot.figure_plot`.
    files : Mapping
        Format (``pdf``, ``png``, ``svg``, ``md``, ``tex``, ``csv``, ``json``, ``bib``) →
        file name next to the page.
    known_entries : set of str
        Catalogue ids that have an entry page (others are shown unlinked).
    version : str
        dmsummary version for the footer.

    Returns
    -------
    str
        The HTML document (two levels below the site root).
    """
    from dmsummary.provenance.report import ORIGINS

    root = "../../"
    stem = report.output

    def entry_links(ids: Sequence[str]) -> str:
        return " ".join(
            f'<a href="{root}{html_text(entry_href(i))}"><code>{html_text(i)}</code></a>'
            if i in known_entries
            else f"<code>{html_text(i)}</code>"
            for i in ids
        )

    rows = [
        [
            html_text(row.index),
            f"{math_html(row.label)}<br>{entry_links(row.entries)}",
            html_text(row.experiment),
            _badge(row.status, row.status),
            html_text(_cl(row.cl)),
            html_text(row.reference) + (f"<br>{html_text(row.figure)}" if row.figure else ""),
            html_text(ORIGINS.get(row.origin, row.origin)),
            _split_links(row.url) + (f"<br>{_short_hashes(row.sha256)}" if row.sha256 else ""),
            html_text(row.chain)
            + (f"<br><em>band:</em> {html_text(row.band)}" if row.band else ""),
        ]
        for row in report.rows
    ]
    provenance = table(
        [
            "#",
            "Curve",
            "Experiment",
            "Status",
            "CL",
            "Reference",
            "Origin",
            "Data (sha256)",
            "Derivation",
        ],
        rows,
        css="provenance",
    )
    unavailable = ""
    if report.unavailable:
        items = "".join(
            f"<li><strong>{math_html(u.label)}</strong>: {html_text(u.reason)}"
            + (f" ({html_text(u.reference)})" if u.reference else "")
            + "</li>"
            for u in report.unavailable
        )
        unavailable = f"<h3>Shown in the published figure but not drawn</h3><ul>{items}</ul>"
    cl_note = f'<p class="note">{html_text(report.cl_note)}</p>' if report.cl_note else ""

    def download(fmt: str, text: str) -> str:
        if fmt not in files:
            return ""
        return f'<a class="button" href="{html_text(files[fmt])}" download>{html_text(text)}</a>'

    statics = " ".join(download(f, f.upper()) for f in ("pdf", "png", "svg"))
    reports = " ".join(
        download(f, t)
        for f, t in (("md", "Markdown"), ("tex", "LaTeX"), ("csv", "CSV"), ("json", "JSON"))
    )
    image = (
        f'<img class="static" src="{html_text(files["png"])}" alt="{html_text(report.title)} '
        '(static figure)">'
        if "png" in files
        else ""
    )
    set_name, _, name = report.recipe_id.rpartition("/")
    body = (
        f'<p class="crumbs"><a href="{root}index.html#figures">Figures</a> / '
        f"{html_text(set_name)} / {html_text(name)}</p>"
        f"<h1>{html_text(report.title)}</h1>"
        f'<p class="lead"><code>{html_text(report.recipe_id)}</code> · plane '
        f"<code>{html_text(report.plane)}</code> · {len(report.rows)} curves · recipe digest "
        f'<code title="{html_text(report.recipe_digest)}">{html_text(report.recipe_digest[:19])}…</code></p>'
        '<section class="interactive"><h2>Interactive figure</h2>'
        '<p class="hint">Hover a curve for its label, experiment, reference, CL and status. '
        "Click a legend entry to hide or show that curve (double-click: show it alone). "
        "Drag to zoom; double-click the plot to reset.</p>"
        '<div class="toolbar"><button type="button" data-download="png">Download PNG</button>'
        '<button type="button" data-download="svg">Download SVG</button>'
        '<button type="button" data-action="reset">Reset view</button></div>'
        f'<div id="plot" class="plot figure-plot" data-filename="{html_text(stem)}"></div>'
        f'<script type="application/json" id="plot-data">{script_json(plot)}</script>'
        "<noscript><p>The interactive figure needs JavaScript; the static figure is below.</p></noscript>"
        "</section>"
        f'<section class="static"><h2>Static figure</h2>{image}<p class="downloads">{statics}</p></section>'
        f'<section class="provenance"><h2>Provenance</h2>{cl_note}{provenance}{unavailable}'
        f'<p class="downloads">Provenance table: {reports}</p></section>'
        f'<section class="bibtex"><h2>BibTeX</h2><p>Cite the works behind every curve drawn '
        f"and dmsummary: {download('bib', 'Download .bib')}</p>"
        f"<pre><code>{html_text(report.bibtex)}</code></pre></section>"
    )
    return page(
        title=report.title, body=body, depth=2, kind="figure", plotly=True, version=version
    )


# --------------------------------------------------------------------------- entry page
def _source_link(source: Mapping[str, Any]) -> str:
    repo, commit, path = (str(source.get(k, "")) for k in ("repo", "commit", "path"))
    text = f"{repo}@{commit[:12]}:{path}"
    if not (repo and commit and path):
        return html_text(text)
    url = f"https://github.com/{quote(repo)}/blob/{quote(commit)}/{quote(path)}"
    return external_link(url, text)


def entry_page(
    entry: Entry,
    plot: Mapping[str, Any],
    *,
    csv_name: str,
    figures: Sequence[FigureLink],
    superseded_by: Sequence[str],
    known_entries: set[str],
    version: str = "",
) -> str:
    """Return the page of one catalogue entry.

    Parameters
    ----------
    entry : Entry
        The entry.
    plot : Mapping
        Plotly specification from :func:`~dmsummary.export.site.plot.entry_plot`.
    csv_name : str
        File name of the numbers (next to the page).
    figures : sequence of FigureLink
        Figures that draw this entry (directly or through a derivation).
    superseded_by : sequence of str
        Ids of entries that supersede this one.
    known_entries : set of str
        Ids with an entry page.
    version : str
        dmsummary version for the footer.

    Returns
    -------
    str
        The HTML document (one level below the site root).
    """
    from dmsummary.catalogue.citation import bibtex, reference_line
    from dmsummary.units import format_unit

    spec = entry.spec
    data = spec.get("data", {})
    plane = entry.plane

    def ids(values: Sequence[str]) -> str:
        return ", ".join(
            f'<a href="../{html_text(entry_href(i))}"><code>{html_text(i)}</code></a>'
            if i in known_entries
            else f"<code>{html_text(i)}</code>"
            for i in values
        )

    def axis(ax: Any) -> str:
        unit = "" if ax.unit == "dimensionless" else f" [{math_html(format_unit(ax.unit))}]"
        return f"{html_text(ax.quantity)}, {math_html(ax.label)}{unit}"

    digitisation = spec.get("digitisation") or {}
    fmt = data.get("format", {}) if isinstance(data, Mapping) else {}
    file_units = ""
    if isinstance(fmt, Mapping) and isinstance(fmt.get("x"), Mapping):
        file_units = f"x in {fmt['x'].get('unit', '?')}, y in {fmt.get('y', {}).get('unit', '?')}"
    meta = definition_list(
        [
            ("Id", f"<code>{html_text(entry.id)}</code>"),
            ("Experiment", html_text(entry.experiment)),
            ("Year", html_text(entry.year)),
            ("Plane", f"<code>{html_text(plane.name)}</code> — {html_text(plane.description)}"),
            ("x axis", axis(plane.x)),
            ("y axis", axis(plane.y)),
            ("Kind", html_text(entry.kind)),
            ("Status", _badge(entry.status, entry.status)),
            ("Confidence level", html_text(_cl(entry.cl)) or "not applicable"),
            ("Statistic", html_text(spec.get("statistic", ""))),
            ("Origin", html_text(spec.get("origin", ""))),
            (
                "Digitisation",
                html_text("; ".join(f"{k}: {v}" for k, v in sorted(digitisation.items()) if v)),
            ),
            (
                "Data file",
                f"<code>{html_text(data.get('file', ''))}</code>" if "file" in data else "",
            ),
            ("Upstream file", external_link(data["url"]) if "url" in data else ""),
            (
                "sha256",
                f"<code>{html_text(data.get('sha256', ''))}</code>" if "sha256" in data else "",
            ),
            ("Units in the file", html_text(file_units)),
            (
                "Source",
                _source_link(spec["source"]) if isinstance(spec.get("source"), Mapping) else "",
            ),
            ("Licence", html_text(spec.get("licence", ""))),
            ("Tags", " ".join(_badge("tag", str(t)) for t in spec.get("tags", ()))),
            ("Aliases", ids(entry.aliases)),
            ("Supersedes", ids(entry.supersedes)),
            ("Superseded by", ids(superseded_by)),
        ]
    )
    used = "".join(
        f'<li><a href="../{html_text(f.href)}">{html_text(f.title)}</a> '
        f"<code>{html_text(f.recipe_id)}</code></li>"
        for f in figures
    )
    used_html = f"<ul>{used}</ul>" if used else "<p>Not drawn in a built-in figure.</p>"
    notes = spec.get("notes")
    notes_html = (
        f'<section><h2>Notes</h2><pre class="notes">{html_text(notes)}</pre></section>'
        if notes
        else ""
    )
    links = " · ".join(reference_links(entry.reference))
    title = spec.get("title")
    body = (
        f'<p class="crumbs"><a href="../index.html#catalogue">Catalogue</a> / '
        f"{html_text(plane.name)} / {html_text(entry.id)}</p>"
        f"<h1>{math_html(entry.label)}</h1>"
        + (f'<p class="lead">{html_text(title)}</p>' if title else "")
        + '<div class="columns"><section class="numbers"><h2>Numbers</h2>'
        f'<div id="plot" class="plot entry-plot" data-filename="{html_text(entry.id)}"></div>'
        f'<script type="application/json" id="plot-data">{script_json(plot)}</script>'
        f'<p class="downloads"><a class="button" href="{html_text(csv_name)}" download>'
        f"Download CSV</a> numbers in the plane's display units "
        f"(x in {html_text(plane.x.unit)}, y in {html_text(plane.y.unit)}); "
        + (external_link(data["url"], "upstream file") if "url" in data else "quoted in the paper")
        + "</p></section>"
        f'<section class="metadata"><h2>Metadata</h2>{meta}</section></div>'
        f'<section class="citation"><h2>Citation</h2><p>{html_text(reference_line(entry.reference))}</p>'
        f'<p class="links">{links}</p><pre><code>{html_text(bibtex(entry))}</code></pre></section>'
        f"<section><h2>Figures drawing this entry</h2>{used_html}</section>"
        f"{notes_html}"
    )
    return page(
        title=f"{math_text(entry.label)} ({entry.id})",
        body=body,
        depth=1,
        kind="entry",
        plotly=True,
        version=version,
    )


def __dir__() -> list[str]:
    return __all__
