"""Exports of built figure sets: Zenodo/RO-Crate archives and the static web site.

This package sits beside :mod:`dmsummary.render` and :mod:`dmsummary.provenance` in the
layering (``recipes -> render | provenance | export -> cli``).  Each exporter lives in its
own module and is imported lazily by the CLI; this module deliberately imports nothing.
"""

from __future__ import annotations
