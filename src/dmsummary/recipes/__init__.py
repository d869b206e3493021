"""Figure recipes: declarative specifications resolved into :class:`Figure` models."""

from __future__ import annotations

from dmsummary.recipes.model import (
    ROLES,
    Annotation,
    AxisSpec,
    Band,
    Figure,
    Layer,
    LayerProvenance,
    Unavailable,
)

__all__ = [
    "ROLES",
    "Annotation",
    "AxisSpec",
    "Band",
    "Figure",
    "Layer",
    "LayerProvenance",
    "Unavailable",
]


def __dir__() -> list[str]:
    return __all__
