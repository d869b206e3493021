"""The built-in catalogue: complete, consistent with the mirror manifest, valid."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
import yaml

from dmsummary.catalogue import builtin_catalogue_dir, load_catalogue, validate_catalogue


def _manifest(mirror: Path) -> dict[str, dict[str, str]]:
    with (mirror / "MANIFEST.csv").open(newline="", encoding="utf-8") as handle:
        return {row["file"]: row for row in csv.DictReader(handle)}


def _unused() -> dict[str, str]:
    path = builtin_catalogue_dir().parent / "unused.yaml"
    doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {"files": []}
    return {item["file"]: item["reason"] for item in doc["files"]}


def test_builtin_catalogue_loads_and_is_large() -> None:
    catalogue = load_catalogue()
    assert len(catalogue) >= 250


def test_every_manifest_file_is_used_or_listed_as_unused(mirror: Path) -> None:
    catalogue = load_catalogue()
    used: set[str] = set()
    for entry in catalogue:
        data = entry.spec["data"]
        if "point" in data:
            continue
        used.add(data["file"])
        used.update(aux["file"] for aux in data.get("auxiliary", ()))
    unused = _unused()
    for file, reason in unused.items():
        assert len(reason) > 20, f"{file}: give a real reason"
        assert file not in used, f"{file} is listed as unused but an entry uses it"
    missing = sorted(set(_manifest(mirror)) - used - set(unused))
    assert not missing, f"manifest files used by no entry: {missing}"


def test_entries_pin_the_manifest_url_and_hash(mirror: Path) -> None:
    manifest = _manifest(mirror)
    for entry in load_catalogue():
        data = entry.spec["data"]
        if "point" in data:
            continue
        for item in (data, *data.get("auxiliary", ())):
            row = manifest.get(item["file"])
            assert row is not None, f"{entry.id}: {item['file']} is not in the manifest"
            url = (
                f"https://raw.githubusercontent.com/{row['source_repo']}/"
                f"{row['source_commit']}/{row['source_path']}"
            )
            assert item["sha256"] == row["sha256"], entry.id
            assert item["url"] == url, entry.id


@pytest.mark.slow
def test_full_validation_passes(mirror: Path) -> None:
    report = validate_catalogue(mirror=mirror, offline=True)
    assert report.problems == ()
    assert report.n_curves == report.n_entries >= 250


def test_si_plane_has_the_briefing_book_curves() -> None:
    catalogue = load_catalogue()
    si = catalogue.findall(plane="si")
    experiments = " ".join(e.experiment for e in si)
    for name in (
        "LZ",
        "XENONnT",
        "PandaX-4T",
        "DarkSide-50",
        "CRESST-III",
        "XLZD",
        "DARWIN",
        "DarkSide-20k",
    ):
        assert name in experiments, name
    assert catalogue.get("lz-2024-si").status == "observed"


def test_every_entry_cites_and_states_figure_or_reason() -> None:
    for entry in load_catalogue():
        ref = entry.reference
        assert any(k in ref for k in ("arxiv", "doi", "journal", "citation")), entry.id
        if entry.cl is None:
            assert entry.spec["notes"].strip(), entry.id


def test_point_entries_hold_one_quoted_number() -> None:
    catalogue = load_catalogue()
    curve = catalogue.curve("atlas-2023-hinv-br")
    ((x, y),) = curve.segments
    assert x.size == y.size == 1
    assert float(y[0]) == 0.107
    assert curve.entry.kind == "point"
    assert curve.entry.cl == 0.95
    assert len(curve.sha256) == 64
    for entry in catalogue.findall(plane="br-hinv"):
        assert entry.kind == "point"
        assert "quote" in entry.spec["data"]["point"]
