"""The site in a real browser: Debian's headless Chromium driven by Playwright, from file://.

Every test runs on a fresh page that records console errors, page errors, dialogs and
requests; the ``page`` fixture fails the test if any error was logged, any dialog opened
or any request left the site's own files.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from dmsummary import load_catalogue
from dmsummary.catalogue.citation import reference_line
from dmsummary.export.site import SiteResult

from .conftest import PageWatch

pytestmark = [pytest.mark.browser, pytest.mark.slow]

FIGURE = "figures/espp2026/higgs-portal-majorana.html"

# The pixel position of the point of trace `uid` farthest from every other curve, so that
# a real mouse hover there can only pick that curve.
ISOLATED_POINT = """(uid) => {
  const gd = document.getElementById("plot");
  const xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis;
  const px = (t, k) => [xa.d2p(t.x[k]) + xa._offset, ya.d2p(t.y[k]) + ya._offset];
  const lines = gd.data.filter(t => t.showlegend !== false);
  const target = lines.find(t => t.uid === uid);
  const others = lines.filter(t => t !== target).flatMap(
    t => t.x.map((x, k) => x === null ? null : px(t, k)).filter(p => p !== null));
  let best = null, bestDistance = -1;
  target.x.forEach((x, k) => {
    if (x === null) return;
    const [u, v] = px(target, k);
    if (u < xa._offset + 5 || u > xa._offset + xa._length - 5) return;
    if (v < ya._offset + 5 || v > ya._offset + ya._length - 5) return;
    const d = Math.min(...others.map(([a, b]) => Math.hypot(a - u, b - v)));
    if (d > bestDistance) { bestDistance = d; best = [u, v]; }
  });
  const box = gd.getBoundingClientRect();
  return [box.left + best[0], box.top + best[1], bestDistance];
}"""


def _open(page: PageWatch, path: Path) -> Any:
    page.page.goto(path.as_uri())
    if page.page.locator("#plot").count():
        page.page.wait_for_selector("#plot[data-ready=true]")
    return page.page


def _visible_rows(pg: Any) -> int:
    return int(pg.locator("#entries tbody tr:not([hidden])").count())


def test_index_opens_from_file_and_filters_entries(site: SiteResult, page: PageWatch) -> None:
    catalogue = load_catalogue()
    pg = _open(page, site.directory / "index.html")
    total = len(catalogue)
    assert _visible_rows(pg) == total
    assert pg.inner_text("#count") == f"{total} of {total} entries"

    pg.select_option("#f-plane", "si")
    n_si = len(catalogue.findall(plane="si"))
    assert _visible_rows(pg) == n_si
    pg.select_option("#f-status", "projection")
    expected = {e.id for e in catalogue.findall(plane="si", status="projection")}
    assert _visible_rows(pg) == len(expected)
    assert pg.inner_text("#count") == f"{len(expected)} of {total} entries"
    shown = set(pg.locator("#entries tbody tr:not([hidden]) code.id").all_inner_texts())
    assert shown == expected

    pg.click("#f-reset")
    pg.wait_for_function("document.querySelectorAll('#entries tbody tr[hidden]').length === 0")
    assert _visible_rows(pg) == total

    pg.select_option("#f-experiment", "LZ")
    pg.select_option("#f-year-min", "2024")
    pg.select_option("#f-year-max", "2024")
    expected = {e.id for e in catalogue if e.experiment == "LZ" and e.year == 2024}
    assert expected
    assert set(pg.locator("#entries tbody tr:not([hidden]) code.id").all_inner_texts()) == expected
    pg.click("#f-reset")

    pg.fill("#f-search", "2410.17036")  # LZ 2024's arXiv id
    shown = set(pg.locator("#entries tbody tr:not([hidden]) code.id").all_inner_texts())
    lz_paper = {e.id for e in catalogue if e.reference.get("arxiv") == "2410.17036"}
    assert lz_paper <= shown
    assert all("2410.17036" in reference_line(catalogue.get(i).reference) for i in shown)
    pg.fill("#f-search", "no such words anywhere")
    assert _visible_rows(pg) == 0
    assert pg.inner_text("#count") == f"0 of {total} entries"


def test_filters_are_kept_in_the_address(site: SiteResult, page: PageWatch) -> None:
    catalogue = load_catalogue()
    pg = page.page
    pg.goto(site.directory.joinpath("index.html").as_uri() + "#plane=sd-proton&status=observed")
    expected = len(catalogue.findall(plane="sd-proton", status="observed"))
    assert pg.input_value("#f-plane") == "sd-proton"
    assert _visible_rows(pg) == expected


def test_figure_page_toggle_hover_zoom(site: SiteResult, page: PageWatch) -> None:
    pg = _open(page, site.directory / "index.html")
    pg.click("ul.cards a[href$='higgs-portal-majorana.html']")
    pg.wait_for_selector("#plot[data-ready=true]")
    assert pg.url.endswith(FIGURE)

    # The static figure next to the interactive one is there and loads.
    assert pg.evaluate("document.querySelector('img.static').naturalWidth") > 500

    # Log axes with the recipe's ranges.
    axes = pg.evaluate(
        "(() => { const l = document.getElementById('plot')._fullLayout;"
        " return [l.xaxis.type, l.yaxis.type, l.yaxis.range]; })()"
    )
    assert axes[:2] == ["log", "log"]
    assert axes[2] == pytest.approx([-50, -39])

    # Click a legend entry: the curve (and its filled region) disappears; click again: back.
    drawn = "document.querySelectorAll('#plot .scatterlayer .trace').length"
    before = pg.evaluate(drawn)
    pg.locator("#plot .legend .traces", has_text="LZ (2024)").click()
    pg.wait_for_function(f"{drawn} < {before}")
    assert pg.evaluate(drawn) == before - 2  # the line and its excluded region
    state = pg.evaluate(
        "document.getElementById('plot').data.filter(t => t.legendgroup === 'lz-2024-si')"
        ".map(t => t.visible)"
    )
    assert state == ["legendonly", "legendonly"]
    pg.locator("#plot .legend .traces", has_text="LZ (2024)").click()
    pg.wait_for_function(f"{drawn} === {before}")

    # Hover the curve with the mouse: the tooltip names label, experiment, reference, CL, status.
    x, y, distance = pg.evaluate(ISOLATED_POINT, "lz-2024-si")
    assert distance > 8
    pg.mouse.move(x, y)
    tooltip = pg.wait_for_selector("#plot .hoverlayer .hovertext")
    text = tooltip.text_content()
    for expected in ("LZ (2024)", "LZ", "arXiv:2410.17036", "CL: 90 %", "status: observed"):
        assert expected in text, (expected, text)

    # Hover a derived collider curve: experiment and reference of its input, 95 % CL.
    x, y, _ = pg.evaluate(ISOLATED_POINT, "hinv-atlas-majorana")
    pg.mouse.move(x - 200, y - 200)
    pg.mouse.move(x, y)
    pg.wait_for_function(
        "(document.querySelector('#plot .hoverlayer .hovertext') || {}).textContent"
        "?.includes('ATLAS')"
    )
    text = pg.text_content("#plot .hoverlayer .hovertext")
    assert "arXiv:2301.10731" in text
    assert "CL: 95 %" in text

    # Zoom: drag a box on the plot; the x range shrinks. Reset restores the recipe's range.
    box = pg.locator("#plot .nsewdrag").first.bounding_box()
    x_range = "document.getElementById('plot')._fullLayout.xaxis.range.slice()"
    start = pg.evaluate(x_range)
    pg.mouse.move(box["x"] + 0.3 * box["width"], box["y"] + 0.3 * box["height"])
    pg.mouse.down()
    pg.mouse.move(box["x"] + 0.6 * box["width"], box["y"] + 0.7 * box["height"], steps=8)
    pg.mouse.up()
    pg.wait_for_function(f"{x_range}[1] - {x_range}[0] < {0.5 * (start[1] - start[0])}")
    pg.click("[data-action=reset]")
    pg.wait_for_function(f"Math.abs({x_range}[1] - {start[1]}) < 1e-9")


@pytest.mark.parametrize(("fmt", "magic"), [("svg", b"<svg"), ("png", b"\x89PNG")])
def test_figure_downloads(site: SiteResult, page: PageWatch, fmt: str, magic: bytes) -> None:
    pg = _open(page, site.directory / FIGURE)
    with pg.expect_download() as info:
        pg.click(f"[data-download={fmt}]")
    download = info.value
    assert download.suggested_filename == f"higgs-portal-majorana.{fmt}"
    assert Path(download.path()).read_bytes()[:4] == magic


def test_entry_page(site: SiteResult, page: PageWatch) -> None:
    pg = _open(page, site.directory / "entries" / "lz-2024-si.html")
    assert pg.inner_text("h1") == "LZ (2024)"
    n_points = load_catalogue().curve("lz-2024-si").n_points
    assert pg.evaluate("document.getElementById('plot').data[0].x.length") == n_points
    assert pg.locator("a[href='lz-2024-si.csv']").count() == 1
    assert pg.locator("a[href^='https://arxiv.org/abs/2410.17036']").count() == 1
    assert pg.locator("a[href^='https://raw.githubusercontent.com/']").count() >= 1
    assert pg.locator("a[href$='higgs-portal-majorana.html']").count() == 1
    with pg.expect_download() as info:
        pg.click("a[href='lz-2024-si.csv']")
    header = Path(info.value.path()).read_text().splitlines()[0]
    assert header == "segment,DM mass [GeV],SI DM-nucleon cross-section [cm^2]"


@pytest.mark.parametrize(
    "path", ["index.html", "figures/test/hostile.html", "entries/hostile-site.html"]
)
def test_hostile_text_is_shown_as_text(hostile_site: Path, page: PageWatch, path: str) -> None:
    pg = _open(page, hostile_site / path)
    if pg.locator("#plot").count():
        pg.hover("#plot .legend .traces") if pg.locator("#plot .legend").count() else None
    pg.wait_for_timeout(100)
    assert pg.evaluate("window.__pwned") is None
    # No element from the data: only the page's own scripts, no <img>/<iframe> injected.
    assert pg.locator("img[src=x], iframe, b[onmouseover]").count() == 0
    assert pg.locator("script:not([src]):not([type='application/json'])").count() == 0
    body = pg.inner_text("body")
    if path == "index.html":
        assert '<img src=x onerror=window.__pwned=5>"onerror= x' in body
    elif path.startswith("figures"):
        assert "<script>window.__pwned = 1</script>" in body  # the title, as text
        legend = pg.text_content("#plot .legend")
        assert '<img src=x onerror=window.__pwned=3>"onerror= χ %{x}' in legend
        annotation = pg.text_content("#plot .annotation")
        assert "</script><!-- <script>window.__pwned = 4</script> &amp;" in annotation
    else:
        assert "</pre><script>window.__pwned = 12</script>" in body
        assert "<b onmouseover=window.__pwned=7>Synthetic</b>" in body
