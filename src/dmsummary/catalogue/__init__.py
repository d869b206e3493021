"""The curve catalogue: entries, planes, data resolution and validation.

Public names: :class:`Catalogue`, :class:`Entry`, :class:`Curve`,
:func:`load_catalogue`, :func:`validate_catalogue`, :data:`PLANES`.
"""

from __future__ import annotations

from dmsummary.catalogue.catalogue import Catalogue, Problem, builtin_catalogue_dir, load_catalogue
from dmsummary.catalogue.entry import Curve, Entry
from dmsummary.catalogue.planes import PLANES, Plane, get_plane
from dmsummary.catalogue.validate import ValidationReport, validate_catalogue

__all__ = [
    "PLANES",
    "Catalogue",
    "Curve",
    "Entry",
    "Plane",
    "Problem",
    "ValidationReport",
    "builtin_catalogue_dir",
    "get_plane",
    "load_catalogue",
    "validate_catalogue",
]


def __dir__() -> list[str]:
    return __all__
