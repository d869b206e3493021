"""The environment record printed by ``dmsummary info`` (for bug reports and provenance).

Unlike :func:`dmsummary.build.environment` (the versions that determine the outputs, and
nothing that varies between machines), this record also says where things are: the
interpreter, the platform, the data mirror, the download cache and the catalogue.
"""

from __future__ import annotations

import os
import platform
import sys
from typing import Any

__all__ = ["PACKAGES", "environment_info", "format_info"]

PACKAGES = (
    "dmsummary",
    "numpy",
    "scipy",
    "matplotlib",
    "contourpy",
    "hepunits",
    "pyyaml",
    "jsonschema",
    "platformdirs",
    "pooch",
    "click",
    "rich",
    "plotly",
    "rocrate",
)
"""Distributions whose versions ``dmsummary info`` reports."""


def _directory(path: os.PathLike[str] | str | None) -> dict[str, Any]:
    from pathlib import Path

    if path is None:
        return {"path": None, "exists": False, "files": 0}
    p = Path(path)
    exists = p.is_dir()
    files = sum(1 for f in p.rglob("*") if f.is_file()) if exists else 0
    return {"path": str(p), "exists": exists, "files": files}


def environment_info() -> dict[str, Any]:
    """Return the environment record.

    Returns
    -------
    dict
        ``versions`` (distribution → version or ``"not installed"``), ``python``
        (version, implementation, executable), ``platform`` (``platform.platform()``,
        machine), ``data`` (the mirror: ``DMSUMMARY_DATA``, whether it exists, its file
        count and whether it holds ``MANIFEST.csv``), ``cache`` (directory, existence,
        file count), ``offline`` (bool), ``catalogue`` (built-in directory and extra
        directories from ``DMSUMMARY_CATALOGUE_PATH``).
    """
    from importlib import metadata

    from dmsummary.catalogue import builtin_catalogue_dir
    from dmsummary.catalogue.fetch import cache_dir, mirror_dir, offline_mode

    versions = {}
    for name in PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "not installed"
    mirror = mirror_dir()
    data = _directory(mirror)
    data["manifest_csv"] = bool(mirror is not None and (mirror / "MANIFEST.csv").is_file())
    extra = [p for p in os.environ.get("DMSUMMARY_CATALOGUE_PATH", "").split(os.pathsep) if p]
    return {
        "versions": versions,
        "python": {
            "version": platform.python_version(),
            "implementation": platform.python_implementation(),
            "executable": sys.executable,
        },
        "platform": {"system": platform.platform(), "machine": platform.machine()},
        "data": data,
        "cache": _directory(cache_dir()),
        "offline": offline_mode(),
        "catalogue": {"builtin": str(builtin_catalogue_dir()), "extra": extra},
    }


def format_info(info: dict[str, Any]) -> str:
    """Return the record as aligned plain text (one ``key: value`` per line).

    Parameters
    ----------
    info : dict
        As returned by :func:`environment_info`.

    Returns
    -------
    str
        Text ending in a newline.
    """
    lines = ["versions:"]
    lines += [f"  {name:13s} {version}" for name, version in info["versions"].items()]
    py = info["python"]
    lines.append(f"python:         {py['version']} ({py['implementation']}) {py['executable']}")
    lines.append(f"platform:       {info['platform']['system']} ({info['platform']['machine']})")
    data = info["data"]
    if data["path"] is None:
        lines.append("data mirror:    not set (DMSUMMARY_DATA)")
    else:
        state = f"{data['files']} files" if data["exists"] else "missing"
        manifest = ", MANIFEST.csv present" if data["manifest_csv"] else ""
        lines.append(f"data mirror:    {data['path']} ({state}{manifest})")
    cache = info["cache"]
    state = f"{cache['files']} files" if cache["exists"] else "not created yet"
    lines.append(f"download cache: {cache['path']} ({state})")
    lines.append(f"offline:        {'yes' if info['offline'] else 'no'}")
    lines.append(f"catalogue:      {info['catalogue']['builtin']}")
    lines += [f"  extra:        {path}" for path in info["catalogue"]["extra"]]
    return "\n".join(lines) + "\n"


def __dir__() -> list[str]:
    return __all__
