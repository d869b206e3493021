"""The static web catalogue: ``dmsummary site -o site/``.

A self-contained static site generated from the catalogue and the figure recipes:

- ``index.html``: the figure sets (with thumbnails) and every catalogue entry, filtered in
  the browser by plane, experiment, status, year range and free text;
- ``figures/<set>/<name>.html``: an interactive Plotly version of each figure (log axes,
  hover with label, experiment, reference, CL and status; click a legend entry to hide or
  show a curve; zoom; PNG/SVG download), the static PDF/PNG/SVG, the provenance table and
  the BibTeX;
- ``entries/<id>.html``: metadata, citation, a small plot, the numbers as CSV in the
  plane's display units and links to the upstream file and the reference.

Every asset (plotly.js, CSS, JavaScript) is bundled, so the site works offline from
``file://``; the output is deterministic (same inputs, same bytes). See ``docs/site.md``.
"""

from __future__ import annotations

from dmsummary.export.site.builder import SiteResult, build_site, curve_csv

__all__ = ["SiteResult", "build_site", "curve_csv"]


def __dir__() -> list[str]:
    return __all__
