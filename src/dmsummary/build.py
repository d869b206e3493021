"""Build figure sets: resolve recipes, render figures, write provenance and a manifest.

This module sits at the level of ``render``/``provenance``/``export`` in the layer
chain (it orchestrates them; the CLI only calls :func:`build`). A build is
all-or-nothing per invocation: every recipe is resolved first (so recipe and data
errors surface before anything is written), figures are rendered in parallel
processes into a staging directory inside the output directory, and only when
every figure succeeded are the files moved into place and ``manifest.json``
written. The same inputs give byte-identical outputs and manifest.
"""

from __future__ import annotations

import copyreg
import hashlib
import json
import os
import platform
import shutil
import tempfile
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from dmsummary.recipes.model import Figure

__all__ = ["MANIFEST_NAME", "BuildResult", "build", "environment"]

MANIFEST_NAME = "manifest.json"
"""Name of the build manifest written at the top of the output directory."""
DEFAULT_FORMATS = ("pdf", "png", "svg")
PROVENANCE_FORMATS = ("md", "tex", "csv", "json", "bib")


@dataclass(frozen=True, slots=True)
class BuildResult:
    """What a build produced.

    Attributes
    ----------
    directory : pathlib.Path
        Output directory.
    manifest : pathlib.Path
        The manifest written.
    outputs : dict
        Recipe id → list of files written (relative to ``directory``).
    """

    directory: Path
    manifest: Path
    outputs: dict[str, list[str]]


def environment() -> dict[str, str]:
    """Return the package versions that determine the outputs (no host, no time).

    Returns
    -------
    dict
        ``dmsummary``, ``python``, ``numpy``, ``scipy``, ``matplotlib``, ``hepunits``,
        ``pyyaml``, ``jsonschema`` versions and the platform's machine type.
    """
    from importlib import metadata

    versions = {"python": platform.python_version(), "machine": platform.machine()}
    for name in ("dmsummary", "numpy", "scipy", "matplotlib", "hepunits", "pyyaml", "jsonschema"):
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "not installed"
    return versions


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _subdir(recipe_id: str) -> str:
    return recipe_id.rsplit("/", 1)[0] if "/" in recipe_id else ""


def _mappingproxy(items: dict[str, Any]) -> MappingProxyType[str, Any]:
    return MappingProxyType(items)


def _reduce_mappingproxy(proxy: MappingProxyType[str, Any]) -> tuple[Any, tuple[Any, ...]]:
    return _mappingproxy, (dict(proxy),)


# Resolved figures (catalogue entries are frozen into read-only mappings) are sent to the
# worker processes as they are, so workers neither reload the catalogue nor recompute
# derived curves: a mappingproxy pickles as the plain dict it wraps.
copyreg.pickle(MappingProxyType, _reduce_mappingproxy)


def _warm_worker() -> None:
    """Worker initialiser: import the renderer while the parent resolves recipes."""
    import dmsummary.provenance.writers  # noqa: F401
    from dmsummary.render import preload

    preload()


def _render_one(args: tuple[Figure, str, tuple[str, ...]]) -> tuple[str, list[str]]:
    """Worker: render one resolved figure and write its provenance into ``stage``."""
    figure, stage, formats = args
    from dmsummary.provenance import provenance_report
    from dmsummary.provenance.writers import write
    from dmsummary.render import save

    target = Path(stage) / _subdir(figure.recipe_id)
    written = list(save(figure, target, formats=formats).values())
    written += list(write(provenance_report(figure), target, formats=PROVENANCE_FORMATS))
    return figure.recipe_id, sorted(str(p.relative_to(stage)) for p in written)


def build(
    recipes: Sequence[str] | None = None,
    directory: str | os.PathLike[str] = "build",
    *,
    formats: Sequence[str] = DEFAULT_FORMATS,
    jobs: int | None = None,
    progress: Callable[[str], None] | None = None,
) -> BuildResult:
    """Build figures, provenance reports and the manifest.

    Parameters
    ----------
    recipes : sequence of str, optional
        Built-in recipe ids or recipe files; default: every built-in recipe.
    directory : path
        Output directory (``build/`` by default). Figures go to
        ``<directory>/<set>/<output>.<format>`` next to ``<output>.provenance.*`` and
        ``<output>.bib``.
    formats : sequence of str
        Figure formats among ``pdf``, ``png``, ``svg``.
    jobs : int, optional
        Worker processes (default: all cores, at most one per recipe).
    progress : callable, optional
        Called with the recipe id after each figure is done.

    Returns
    -------
    BuildResult
        The files written and the manifest path.

    Raises
    ------
    RecipeError, DMSummaryError
        On any bad recipe or data problem; nothing is written then.
    """
    from dmsummary.recipes import builtin_recipes, load_recipe, resolve_recipe
    from dmsummary.render.output import check_formats

    fmts = check_formats(formats)
    names = list(recipes) if recipes else builtin_recipes()
    workers = max(1, min(jobs or os.cpu_count() or 1, len(names)))
    # Workers start importing matplotlib now, while this process resolves the recipes.
    pool = None
    if workers > 1:
        pool = ProcessPoolExecutor(max_workers=workers, initializer=_warm_worker)
    try:
        if pool is not None:
            pool.submit(_warm_worker)  # starts the worker processes
        # Resolve everything first: recipe and data errors surface before any file is written.
        loaded = {name: load_recipe(name) for name in names}
        resolved = {name: resolve_recipe(recipe) for name, recipe in loaded.items()}
        out = Path(directory)
        out.mkdir(parents=True, exist_ok=True)
        stage = Path(tempfile.mkdtemp(prefix=".staging-", dir=out))
    except BaseException:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
        raise
    try:
        # The figures with most layers take longest: start them first to balance workers.
        ordered = sorted(resolved.values(), key=lambda f: -len(f.layers))
        tasks = [(figure, str(stage), fmts) for figure in ordered]
        outputs: dict[str, list[str]] = {}
        results: Iterator[tuple[str, list[str]]]
        results = map(_render_one, tasks) if pool is None else pool.map(_render_one, tasks)
        for recipe_id, files in results:
            outputs[recipe_id] = files
            if progress is not None:
                progress(recipe_id)
        manifest = _manifest(loaded, resolved, outputs, stage)
        for files in outputs.values():
            for rel in files:
                (out / rel).parent.mkdir(parents=True, exist_ok=True)
                (stage / rel).replace(out / rel)
        manifest_path = out / MANIFEST_NAME
        tmp = stage / MANIFEST_NAME
        tmp.write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        tmp.replace(manifest_path)
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
        shutil.rmtree(stage, ignore_errors=True)
    return BuildResult(directory=out, manifest=manifest_path, outputs=outputs)


def _manifest(
    loaded: dict[str, Any], resolved: dict[str, Any], outputs: dict[str, list[str]], stage: Path
) -> dict[str, Any]:
    recipes: dict[str, Any] = {}
    for name, recipe in loaded.items():
        figure = resolved[name]
        inputs = []
        for entry in figure.entries:
            data = entry.spec["data"]
            item = {"id": entry.id, "kind": entry.kind}
            if "file" in data:
                item.update({"file": data["file"], "url": data["url"], "sha256": data["sha256"]})
            else:
                point = json.dumps(dict(data["point"]), sort_keys=True, separators=(",", ":"))
                item["sha256"] = hashlib.sha256(point.encode()).hexdigest()
            inputs.append(item)
        builtin = recipe.path is not None and "/recipes/builtin/" in recipe.path.as_posix()
        recipes[recipe.id] = {
            "recipe": {
                "digest": recipe.digest,
                "source": "builtin" if builtin else str(recipe.path),
            },
            "inputs": inputs,
            "outputs": {rel: _sha256(stage / rel) for rel in outputs[recipe.id]},
        }
    return {
        "schema": "dmsummary-build-manifest/1",
        "environment": environment(),
        "recipes": recipes,
    }


def __dir__() -> list[str]:
    return __all__
