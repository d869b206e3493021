"""Figure models for the render tests: synthetic curves and real catalogue curves."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from dmsummary.recipes import Annotation, AxisSpec, Band, Figure, Layer, LayerProvenance

BASELINE_DIR = Path(__file__).resolve().parent / "baseline"

X_SI = AxisSpec(r"$m_\chi$ [GeV]", "GeV", (1.0, 1e4))
Y_SI = AxisSpec(r"$\sigma_\mathrm{SI}$ [cm$^2$]", "cm^2", (1e-50, 1e-38))

REAL_SI = (
    ("cresst-iii-2019-si", "direct-detection"),
    ("darkside-50-2022-si", "direct-detection"),
    ("pandax-4t-2024-si", "direct-detection"),
    ("xenonnt-2025-si", "direct-detection"),
    ("lz-2024-si", "direct-detection"),
    ("xlzd-1000ty-excl-si", "projection"),
    ("darwin-proj-si", "projection"),
    ("darkside-20k-proj-si", "projection"),
    ("nufog-n2-xe-si", "neutrino-fog"),
)


def synthetic_limit(m_min: float, scale: float, n: int = 80) -> tuple[np.ndarray, np.ndarray]:
    """A DD-like limit: steep at low mass, rising linearly at high mass (cm^2 vs GeV)."""
    m = np.geomspace(m_min, 1e4, n)
    return m, scale * (m / 30 + (m_min * 3 / m) ** 4)


def layer(
    lid: str,
    segments: tuple[tuple[np.ndarray, np.ndarray], ...],
    *,
    label: str | None = None,
    role: str = "direct-detection",
    status: str = "observed",
    **kwargs: object,
) -> Layer:
    return Layer(
        id=lid,
        label=label if label is not None else lid,
        role=role,
        status=status,
        cl=0.9,
        kind=str(kwargs.pop("kind", "curve")),
        segments=segments,
        provenance=LayerProvenance(),
        **kwargs,  # type: ignore[arg-type]
    )


def figure(layers: tuple[Layer, ...], **kwargs: object) -> Figure:
    kw: dict[str, object] = {
        "recipe_id": "test/synthetic",
        "title": "Synthetic",
        "plane": "si",
        "x": X_SI,
        "y": Y_SI,
        "output": "synthetic",
    }
    kw.update(kwargs)
    return Figure(layers=layers, **kw)  # type: ignore[arg-type]


def collider_band() -> tuple[Layer, Band]:
    m = np.geomspace(1.0, 60.0, 40)
    y = 2e-46 * (m / 10) ** 0.4
    band = Band(m, 0.4 * y, 2.5 * y, "f_N uncertainty")
    return layer(
        "collider-demo",
        ((m, y),),
        label="Collider (synthetic)",
        role="collider",
        status="observed",
        band=band,
    ), band


def build_synthetic(**kwargs: object) -> Figure:
    """Three synthetic DD-like limits, a projection, a collider band and two annotations."""
    layers = (
        layer("exp-a", (synthetic_limit(5.0, 1e-47),), label="Exp A (2024)", fill="above"),
        layer("exp-b", (synthetic_limit(2.0, 4e-47),), label="Exp B (2023)", fill="above"),
        layer("exp-c", (synthetic_limit(1.2, 3e-46),), label="Exp C (2022)", fill="above"),
        layer(
            "proj-a",
            (synthetic_limit(4.0, 5e-49),),
            label="Exp A upgrade (proj.)",
            status="projection",
        ),
        collider_band()[0],
    )
    notes = (
        Annotation("Scalar mediator\n$g_q = 0.25$, $g_\\chi = 1$", (0.04, 0.96)),
        Annotation("90% CL", (0.96, 0.04), "right"),
    )
    kw: dict[str, object] = {"annotations": notes}
    kw.update(kwargs)
    return figure(layers, **kw)


def build_real(**kwargs: object) -> Figure:
    """σ_SI vs m_DM from real catalogue curves (needs DMSUMMARY_DATA)."""
    from dmsummary import load_catalogue

    catalogue = load_catalogue()
    layers: list[Layer] = []
    for cid, role in REAL_SI:
        curve = catalogue.curve(cid)
        fx, fy = curve.entry.plane.x.factor, curve.entry.plane.y.factor
        layers.append(
            Layer(
                id=cid,
                label=curve.entry.label,
                role=role,
                status=curve.entry.status,
                cl=curve.entry.cl,
                kind="curve",
                segments=tuple((x / fx, y / fy) for x, y in curve.segments),
                provenance=LayerProvenance(entry=curve.entry),
                fill={"direct-detection": "above", "neutrino-fog": "below"}.get(role, "none"),
            )
        )
    layers.append(collider_band()[0])
    kw: dict[str, object] = {
        "recipe_id": "test/real-si",
        "output": "real-si",
        "annotations": (Annotation("90% CL", (0.97, 0.96), "right"),),
    }
    kw.update(kwargs)
    return figure(tuple(layers), **kw)


@pytest.fixture
def synthetic_figure() -> Callable[..., Figure]:
    """Builder of the synthetic figure (keyword arguments override Figure fields)."""
    return build_synthetic


@pytest.fixture
def real_si_figure(mirror: Path) -> Callable[..., Figure]:
    """Builder of the real σ_SI figure (skipped without the data mirror)."""
    return build_real


@pytest.fixture
def image_matches() -> Callable[..., None]:
    """``image_matches(png, name, tol=2.0)``: compare with ``tests/render/baseline/<name>.png``.

    Regenerate baselines with ``DMSUMMARY_REGENERATE_BASELINES=1``.
    """
    from dmsummary.render.testing import assert_image_matches

    def check(png: Path, name: str, *, tol: float = 2.0) -> None:
        assert_image_matches(png, name, baseline_dir=BASELINE_DIR, tol=tol)

    return check
