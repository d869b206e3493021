"""dmsummary: reproducible, citable dark-matter summary plots.

The public surface is small: the catalogue (:class:`Catalogue`, :class:`Entry`,
:class:`Curve`, :func:`load_catalogue`) and the error base class. Physics
translations live in :mod:`dmsummary.physics`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = [
    "Catalogue",
    "Curve",
    "DMSummaryError",
    "Entry",
    "__version__",
    "load_catalogue",
]

if TYPE_CHECKING:
    from dmsummary.catalogue import Catalogue, Curve, Entry, load_catalogue
    from dmsummary.exceptions import DMSummaryError

_LAZY = {
    "Catalogue": "dmsummary.catalogue",
    "Curve": "dmsummary.catalogue",
    "Entry": "dmsummary.catalogue",
    "load_catalogue": "dmsummary.catalogue",
    "DMSummaryError": "dmsummary.exceptions",
}


def __getattr__(name: str) -> Any:
    # Lazy imports keep `dmsummary --help` fast (numpy/jsonschema load on demand).
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    msg = f"module 'dmsummary' has no attribute {name!r}"
    raise AttributeError(msg)


def __dir__() -> list[str]:
    return __all__
