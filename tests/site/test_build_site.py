"""`dmsummary site`: structure, links, numbers, determinism, safety of the output directory."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path

import numpy as np
import pytest

from dmsummary import Catalogue, load_catalogue
from dmsummary.cli import main
from dmsummary.exceptions import OutputError, RecipeError
from dmsummary.export.site import SiteResult, build_site, curve_csv

from .conftest import FIXTURES, RECIPES


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, str, str]] = []  # (tag, attribute, value)
        self.scripts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in {"href", "src"} and value is not None:
                self.links.append((tag, name, value))


def _links(path: Path) -> list[tuple[str, str, str]]:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.links


def _digests(directory: Path) -> dict[str, str]:
    return {
        p.relative_to(directory).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(directory.rglob("*"))
        if p.is_file()
    }


@pytest.mark.slow
def test_site_layout(site: SiteResult) -> None:
    root = site.directory
    catalogue = load_catalogue()
    assert site.figures == RECIPES
    assert site.entries == len(catalogue)
    assert (root / "index.html").is_file()
    for name in ("site.css", "site.js", "plotly.min.js"):
        assert (root / "assets" / name).is_file(), name
    bundled = resources.files("plotly") / "package_data" / "plotly.min.js"
    assert (root / "assets" / "plotly.min.js").read_bytes() == bundled.read_bytes()
    for recipe in RECIPES:
        stem = root / "figures" / recipe
        for ext in ("html", "pdf", "png", "svg", "bib", "provenance.md", "provenance.json"):
            assert stem.with_name(f"{stem.name}.{ext}").is_file(), (recipe, ext)
    for entry in catalogue:
        assert (root / "entries" / f"{entry.id}.html").is_file(), entry.id
        assert (root / "entries" / f"{entry.id}.csv").is_file(), entry.id
    assert not list(root.parent.glob(".site-*")), "staging directories left behind"


@pytest.mark.slow
def test_manifest_lists_every_file_with_its_hash(site: SiteResult) -> None:
    root = site.directory
    manifest = json.loads((root / "manifest.json").read_text())
    assert manifest["schema"] == "dmsummary-site-manifest/1"
    files = _digests(root)
    del files["manifest.json"]
    assert manifest["files"] == files
    assert site.files == len(files) + 1


@pytest.mark.slow
def test_every_local_link_resolves_and_no_asset_is_remote(site: SiteResult) -> None:
    root = site.directory
    pages = sorted(root.rglob("*.html"))
    assert len(pages) == 1 + len(RECIPES) + site.entries
    checked = 0
    for page in pages:
        for tag, attribute, value in _links(page):
            if attribute == "src" or tag == "link":
                # Scripts, images and style sheets are bundled: never a remote URL.
                assert not re.match(r"^[a-z]+:|^//", value), (page, value)
            if re.match(r"^[a-z]+:", value) or value.startswith("#"):
                continue
            target = (page.parent / value.split("#", 1)[0]).resolve()
            assert target.is_file(), (page.relative_to(root), value)
            checked += 1
    assert checked > 5 * len(pages)


@pytest.mark.slow
def test_entry_csv_holds_the_numbers_in_display_units(site: SiteResult) -> None:
    catalogue = load_catalogue()
    for ident in ("lz-2024-si", "sensei-snolab-2024-electron-heavy", "atlas-2023-hinv-br"):
        curve = catalogue.curve(ident)
        text = (site.directory / "entries" / f"{ident}.csv").read_text(encoding="utf-8")
        rows = list(csv.reader(io.StringIO(text)))
        plane = curve.entry.plane
        assert rows[0] == [
            "segment",
            f"{plane.x.quantity} [{plane.x.unit}]",
            f"{plane.y.quantity} [{plane.y.unit}]",
        ]
        numbers = np.array([[float(v) for v in row] for row in rows[1:]])
        x, y = curve.xy()
        finite = np.isfinite(x)
        np.testing.assert_allclose(numbers[:, 1], x[finite], rtol=1e-11)
        np.testing.assert_allclose(numbers[:, 2], y[finite], rtol=1e-11)


def test_curve_csv_keeps_segments_apart(fixtures: Path) -> None:
    from dmsummary.catalogue import Curve

    catalogue = load_catalogue([fixtures / "entries" / "good"], mirror=fixtures / "mirror")
    curve = catalogue.curve("synthetic-good")
    (x, y), *_ = curve.segments
    split = Curve(curve.entry, ((x[:2], y[:2]), (x[2:], y[2:])), curve.sha256)
    rows = curve_csv(split).splitlines()
    assert rows[0] == "segment,DM mass [GeV],SI DM-nucleon cross-section [cm^2]"
    assert [r.split(",")[0] for r in rows[1:]] == ["0", "0", "1", "1"]
    plane = curve.entry.plane
    assert rows[1] == f"0,{x[0] / plane.x.factor:.12g},{y[0] / plane.y.factor:.12g}"


@pytest.mark.slow
def test_figure_page_embeds_every_layer(site: SiteResult) -> None:
    from dmsummary.recipes import load_recipe, resolve_recipe

    html = (site.directory / "figures" / "espp2026" / "higgs-portal-majorana.html").read_text()
    data = json.loads(re.search(r'id="plot-data">(.*?)</script>', html, re.DOTALL)[1])
    figure = resolve_recipe(load_recipe("espp2026/higgs-portal-majorana"))
    lines = [t for t in data["data"] if t.get("showlegend", True)]
    assert [t["uid"] for t in lines] == [layer.id for layer in figure.layers]
    assert data["layout"]["xaxis"]["type"] == "log"
    assert data["layout"]["xaxis"]["range"] == pytest.approx(np.log10(figure.x.range))
    assert data["layout"]["yaxis"]["range"] == pytest.approx(np.log10(figure.y.range))
    lz = next(t for t in lines if t["uid"] == "lz-2024-si")
    assert lz["meta"][:5] == ["LZ (2024)", "LZ", lz["meta"][2], "90 &#37;", "observed"]
    assert "arXiv:2410.17036" in lz["meta"][2]
    assert "hl-lhc" in html  # provenance table links the derived layers' inputs
    assert "@article{arXiv:2410.17036," in html.replace("&#x27;", "'")


def _hostile_catalogue() -> Catalogue:
    return load_catalogue([FIXTURES / "hostile_catalogue"])


@pytest.mark.slow
def test_build_is_deterministic(
    hostile_site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The same selection as the CLI's --no-builtin --catalogue (for figures and entries).
    monkeypatch.setenv("DMSUMMARY_CATALOGUE_PATH", str(FIXTURES / "hostile_catalogue"))
    monkeypatch.setenv("DMSUMMARY_NO_BUILTIN", "1")
    again = build_site(tmp_path / "again", recipes=[str(FIXTURES / "hostile.yaml")], jobs=1)
    assert _digests(again.directory) == _digests(hostile_site)


def test_cli_built_the_hostile_site_from_the_selected_catalogue(hostile_site: Path) -> None:
    assert sorted(p.name for p in (hostile_site / "entries").iterdir()) == [
        "hostile-site.csv",
        "hostile-site.html",
    ]
    assert (hostile_site / "figures" / "test" / "hostile.html").is_file()


def test_refuses_a_directory_it_did_not_write(tmp_path: Path) -> None:
    target = tmp_path / "mine"
    target.mkdir()
    (target / "thesis.tex").write_text("precious")
    with pytest.raises(OutputError, match=r"not a site written by dmsummary.*refusing"):
        build_site(target, recipes=[])
    assert [p.name for p in target.iterdir()] == ["thesis.tex"]
    file_target = tmp_path / "file"
    file_target.write_text("x")
    with pytest.raises(OutputError, match="must be a directory"):
        build_site(file_target, recipes=[])


def test_replaces_its_own_site_and_keeps_it_on_failure(mirror: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    build_site(target, recipes=[], catalogue=_hostile_catalogue())
    (target / "stale.html").write_text("left over")
    build_site(target, recipes=[], catalogue=_hostile_catalogue())
    assert not (target / "stale.html").exists()
    before = _digests(target)
    with pytest.raises(RecipeError, match="unknown_entry"):
        build_site(
            target,
            recipes=[str(FIXTURES.parents[1] / "recipes/fixtures/unknown_entry.yaml")],
            catalogue=_hostile_catalogue(),
        )
    assert _digests(target) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_cli_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "mine"
    target.mkdir()
    (target / "notes.txt").write_text("x")
    with pytest.raises(SystemExit) as exit_info:
        main(["site", "-o", str(target)])
    assert exit_info.value.code == 1
    assert "refusing to replace it" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_info:
        main(["site", "--jobs", "0"])
    assert exit_info.value.code == 2
