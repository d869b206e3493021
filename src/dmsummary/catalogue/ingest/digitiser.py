"""Detection for WebPlotDigitizer JSON project exports.

A project (File > Save Project) holds the axis calibration — four reference
points for an XY plot, each with its pixel position and its data value, and
whether each axis is logarithmic — and one or more datasets of digitised
points (pixel position and calibrated value). The calibration is recorded in
the entry (``digitisation.calibration``) so that a reviewer can check it
against the source figure; a project without calibration points is refused.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from dmsummary.catalogue.formats import wpd_project
from dmsummary.catalogue.ingest.series import Series, status_hint
from dmsummary.exceptions import ParseError

__all__ = ["wpd_json_series"]


def _calibration(axes: Mapping[str, Any], where: str) -> dict[str, Any]:
    name = str(axes.get("name"))
    kind = str(axes.get("type", ""))
    points = axes.get("calibrationPoints")
    if kind and kind != "XYAxes":
        msg = (
            f"{where}: axes {name!r} are of type {kind!r}; only XY plots (XYAxes) can become "
            "catalogue curves"
        )
        raise ParseError(msg)
    if not isinstance(points, list) or len(points) < 4:
        found = len(points) if isinstance(points, list) else 0
        msg = (
            f"{where}: axes {name!r} have {found} calibration point(s); an XY calibration needs 4 "
            "(x1, x2, y1, y2). Calibrate the axes in WebPlotDigitizer and save the project again"
        )
        raise ParseError(msg)
    calibrated = []
    for i, p in enumerate(points[:4]):
        if not isinstance(p, dict) or not {"px", "py", "dx", "dy"} <= set(p):
            msg = f"{where}: calibration point {i} of axes {name!r} lacks px/py/dx/dy"
            raise ParseError(msg)
        calibrated.append({k: p[k] for k in ("px", "py", "dx", "dy") if p[k] is not None})
    return {
        "axes": name,
        "type": kind or "XYAxes",
        "log_x": bool(axes.get("isLogX", False)),
        "log_y": bool(axes.get("isLogY", False)),
        "points": calibrated,
    }


def wpd_json_series(raw: bytes, *, file: Path, where: str, dataset: str | None) -> list[Series]:
    """Return the series (datasets) of a WebPlotDigitizer JSON project.

    Parameters
    ----------
    raw : bytes
        File content.
    file : pathlib.Path
        The file.
    where : str
        File, for messages.
    dataset : str, optional
        The dataset to use; all datasets when None.

    Returns
    -------
    list of Series
        One per dataset, each with its axes' calibration in ``digitisation``.

    Raises
    ------
    ParseError
        Not a project, no calibration, unknown dataset or axes.
    """
    project = wpd_project(raw, where)
    datasets = project["datasets"]
    if not datasets:
        msg = f"{where}: the WebPlotDigitizer project has no datasets"
        raise ParseError(msg)
    if dataset is not None and dataset not in datasets:
        msg = (
            f"{where}: --dataset {dataset!r}: no such dataset; the project has {sorted(datasets)}"
        )
        raise ParseError(msg)
    out = []
    for name, ds in sorted(datasets.items()):
        if dataset is not None and name != dataset:
            continue
        axes_name = ds.get("axesName")
        if axes_name is None and len(project["axes"]) == 1:
            axes_name = next(iter(project["axes"]))
        if axes_name not in project["axes"]:
            msg = (
                f"{where}: dataset {name!r} refers to axes {axes_name!r}, which the project lacks"
            )
            raise ParseError(msg)
        calibration = _calibration(project["axes"][axes_name], where)
        n = len(ds.get("data", []) or [])
        out.append(
            Series(
                name=name,
                format={"type": "wpd-json", "dataset": name, "x": {}, "y": {}},
                file=file,
                origin="digitised",
                status=status_hint(name),
                layout=(
                    f"WebPlotDigitizer project JSON; dataset {name!r} ({n} points) on axes "
                    f"{axes_name!r} (log x: {calibration['log_x']}, log y: {calibration['log_y']})"
                ),
                digitisation={"tool": "WebPlotDigitizer", "calibration": calibration},
            )
        )
    return out


def __dir__() -> list[str]:
    return __all__
