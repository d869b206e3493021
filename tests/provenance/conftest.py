"""Figures for the provenance tests: real catalogue entries plus synthetic (hostile) ones."""

from __future__ import annotations

from collections.abc import Callable
from types import MappingProxyType
from typing import Any

import numpy as np
import pytest

from dmsummary import load_catalogue
from dmsummary.catalogue import Catalogue, Entry, get_plane
from dmsummary.recipes import AxisSpec, Band, Figure, Layer, LayerProvenance, Unavailable

HOSTILE = (
    '<script>alert(1)</script>" onerror="x" | \\input{/etc/passwd} $ & % # _ { } ~ ^\n=cmd\x07'
)
"""Every kind of markup a label or note might smuggle in (HTML, LaTeX, CSV, newline, BEL)."""

SEGMENTS = ((np.array([10.0, 100.0]), np.array([1e-46, 1e-45])),)
X = AxisSpec(r"$m_\chi$ [GeV]", "GeV", (1.0, 1e4))
Y = AxisSpec(r"$\sigma_\mathrm{SI}$ [cm$^2$]", "cm2", (1e-50, 1e-40))
DIGEST = "sha256:" + "0123456789abcdef" * 4


@pytest.fixture(scope="session")
def catalogue() -> Catalogue:
    return load_catalogue()


def catalogue_layer(entry: Entry, role: str = "direct-detection", **kw: Any) -> Layer:
    """A layer drawing a catalogue entry as it is."""
    fields: dict[str, Any] = {
        "id": entry.id,
        "label": entry.label,
        "role": role,
        "status": entry.status,
        "cl": entry.cl,
        "kind": entry.kind,
        "segments": SEGMENTS,
        "provenance": LayerProvenance(entry=entry),
    }
    fields.update(kw)
    return Layer(**fields)


def value_entry() -> Entry:
    """A *value* entry (one number, no curve): BR(H -> inv) < 0.107 at 95 % CL.

    Built without the schema on purpose: value entries are not in schema 1.0.0 yet, and the
    report must read every entry uniformly through ``Entry.spec``.
    """
    spec = {
        "id": "atlas-2023-hinv-br",
        "label": "ATLAS H→inv",
        "experiment": "ATLAS",
        "year": 2023,
        "status": "observed",
        "cl": 0.95,
        "statistic": "upper-limit",
        "value": MappingProxyType({"quantity": "BR", "value": 0.107}),
        "licence": "CC-BY-4.0",
        "origin": "data-release",
        "reference": MappingProxyType(
            {"arxiv": "2301.10731", "journal": "Phys. Lett. B 842 (2023) 137963"}
        ),
        "notes": "Synthetic value entry for the tests.",
    }
    return Entry(id=spec["id"], plane=get_plane("si"), spec=MappingProxyType(spec))


def higgs_portal_layer() -> Layer:
    """A derived layer: the H -> inv limit translated to sigma_SI (Majorana, self-conjugate)."""
    provenance = LayerProvenance(
        translation="higgs_portal.sigma_si_from_br_inv",
        parameters={"kind": "fermion", "f_N": {"value": 0.308, "range": [0.29, 0.326]}},
        convention="self-conjugate",
        parents=(LayerProvenance(entry=value_entry()),),
        description="BR(H→inv) limit translated to σ_SI",
    )
    x, y = SEGMENTS[0]
    return Layer(
        id="higgs-portal-majorana",
        label="ATLAS H→inv (Majorana)",
        role="collider",
        status="observed",
        cl=0.95,
        kind="curve",
        segments=SEGMENTS,
        provenance=provenance,
        band=Band(x=x, low=y / 2, high=y * 2, description="f_N in [0.290, 0.326]"),
    )


def hostile_entry() -> Entry:
    """A schema-valid entry whose free-text fields are all hostile."""
    doc = {
        "schema_version": "1.0.0",
        "id": "hostile-si",
        "label": HOSTILE[:120],
        "title": HOSTILE,
        "experiment": HOSTILE,
        "year": 2026,
        "plane": "si",
        "kind": "curve",
        "status": "observed",
        "cl": 0.9,
        "statistic": "upper-limit",
        "data": {
            "file": "synthetic/good.txt",
            "url": "https://example.org/synthetic/good.txt",
            "sha256": "1ccbab4858efd25f7848928b0db92647c17102b1ae620c635b3f97012c77d096",
            "format": {
                "type": "text",
                "x": {"column": 0, "unit": "GeV"},
                "y": {"column": 1, "unit": "cm2"},
            },
        },
        "licence": HOSTILE,
        "reference": {"citation": HOSTILE, "figure": HOSTILE},
        "origin": "digitised",
        "notes": HOSTILE,
    }
    return Entry.from_mapping(doc, where="tests/provenance/conftest.py")


@pytest.fixture
def make_figure(catalogue: Catalogue) -> Callable[..., Figure]:
    """Build the reference figure: three DD curves (90 % CL) + the derived H->inv (95 % CL)."""

    def make(**kw: Any) -> Figure:
        layers = (
            catalogue_layer(catalogue.get("lz-2024-si")),
            catalogue_layer(catalogue.get("xenonnt-2025-si")),
            catalogue_layer(catalogue.get("xlzd-1000ty-excl-si"), role="projection"),
            higgs_portal_layer(),
        )
        fields: dict[str, Any] = {
            "recipe_id": "espp2026/higgs-portal-majorana",
            "title": "Higgs portal, Majorana DM",
            "plane": "si",
            "x": X,
            "y": Y,
            "layers": layers,
            "unavailable": (
                Unavailable("PandaX-xT projection", "not in the data mirror", "arXiv:2402.03596"),
            ),
            "recipe_digest": DIGEST,
            "output": "higgs-portal-majorana",
        }
        fields.update(kw)
        return Figure(**fields)

    return make
