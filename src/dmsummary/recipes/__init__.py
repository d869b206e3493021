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
from dmsummary.recipes.recipe import Recipe, builtin_recipes, load_recipe, resolve_recipe
from dmsummary.recipes.translations import TRANSLATIONS, Translation

__all__ = [
    "ROLES",
    "TRANSLATIONS",
    "Annotation",
    "AxisSpec",
    "Band",
    "Figure",
    "Layer",
    "LayerProvenance",
    "Recipe",
    "Translation",
    "Unavailable",
    "builtin_recipes",
    "load_recipe",
    "resolve_recipe",
]


def __dir__() -> list[str]:
    return __all__
