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

__all__ = [
    "MANIFEST_NAME",
    "MANIFEST_SCHEMA",
    "BuildResult",
    "atomic_write",
    "build",
    "environment",
    "figure_inputs",
    "manifest_digest",
    "output_paths",
    "recipe_source",
    "write_manifest",
]

MANIFEST_NAME = "manifest.json"
"""Name of the build manifest written at the top of the output directory."""
MANIFEST_SCHEMA = "dmsummary-build-manifest/1"
"""Value of the manifest's ``schema`` field (the format is ``schemas/1.0.0/manifest.json``)."""
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
    manifest: str | os.PathLike[str] | None = None,
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
    manifest : path, optional
        Where to write the manifest (default ``<directory>/manifest.json``). The
        Snakemake workflow writes one partial manifest per figure and merges them with
        :func:`dmsummary.repro.merge_manifests`.

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
        document = _manifest(loaded, resolved, outputs, stage, fmts)
        manifest_path = Path(manifest) if manifest is not None else out / MANIFEST_NAME
        manifest_path.parent.mkdir(parents=True, exist_ok=True)
        for files in outputs.values():
            for rel in files:
                (out / rel).parent.mkdir(parents=True, exist_ok=True)
                (stage / rel).replace(out / rel)
        write_manifest(document, manifest_path)
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
        shutil.rmtree(stage, ignore_errors=True)
    return BuildResult(directory=out, manifest=manifest_path, outputs=outputs)


def figure_inputs(figure: Any) -> list[dict[str, str]]:
    """Return the manifest's input records of a resolved figure.

    Parameters
    ----------
    figure : dmsummary.recipes.Figure
        A resolved figure.

    Returns
    -------
    list of dict
        One record per catalogue entry drawn or used: ``id``, ``kind`` and ``sha256``
        (of the upstream file, or of the canonical JSON of a quoted point), plus ``file``
        and ``url`` for file-backed entries.
    """
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
    return inputs


def output_paths(figure: Any, formats: Sequence[str] = DEFAULT_FORMATS) -> list[str]:
    """Return the files a build writes for a figure, relative to the build directory.

    Parameters
    ----------
    figure : dmsummary.recipes.Figure
        A resolved figure.
    formats : sequence of str
        Figure formats.

    Returns
    -------
    list of str
        Sorted POSIX paths: ``<set>/<output>.<format>`` for each figure format, then the
        provenance tables and the BibTeX, exactly as :func:`build` lists them.
    """
    stem = figure.output or figure.recipe_id.replace("/", "-")
    sub = _subdir(figure.recipe_id)
    prefix = f"{sub}/{stem}" if sub else stem
    names = [f"{prefix}.{fmt}" for fmt in formats]
    names += [f"{prefix}.provenance.{ext}" for ext in PROVENANCE_FORMATS if ext != "bib"]
    names.append(f"{prefix}.bib")
    return sorted(names)


def recipe_source(recipe: Any) -> str:
    """Return ``"builtin"`` for a built-in recipe, else the recipe file's path as given."""
    builtin = recipe.path is not None and "/recipes/builtin/" in recipe.path.as_posix()
    return "builtin" if builtin else str(recipe.path)


def manifest_digest(document: dict[str, Any]) -> str:
    """Return the ``sha256:<hex>`` digest of a manifest, computed without its ``digest`` field.

    The digest is stored in the manifest itself, so that a hand-edited manifest is
    recognised by :func:`dmsummary.repro.verify` (editing a hash without rebuilding
    would otherwise make a stale build look verified).

    Parameters
    ----------
    document : dict
        The manifest (with or without its ``digest`` field).

    Returns
    -------
    str
        ``sha256:<hex>`` of the canonical JSON of the other fields.
    """
    from dmsummary.provenance import digest

    return digest({k: v for k, v in document.items() if k != "digest"})


def atomic_write(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write ``data`` to a temporary file beside ``path``, then rename it into place.

    A reader never sees half a file, and on any error nothing is left behind.

    Parameters
    ----------
    path : path
        Target file (its directory must exist).
    data : bytes
        Content.

    Returns
    -------
    pathlib.Path
        ``path``.
    """
    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        Path(tmp).chmod(0o644)
        Path(tmp).replace(target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def write_manifest(document: dict[str, Any], path: Path) -> None:
    """Stamp ``document`` with its digest and write it atomically to ``path``."""
    document = {**document, "digest": manifest_digest(document)}
    atomic_write(path, (json.dumps(document, indent=1, sort_keys=True) + "\n").encode())


def _manifest(
    loaded: dict[str, Any],
    resolved: dict[str, Any],
    outputs: dict[str, list[str]],
    stage: Path,
    formats: Sequence[str],
) -> dict[str, Any]:
    recipes: dict[str, Any] = {}
    for name, recipe in loaded.items():
        recipes[recipe.id] = {
            "recipe": {"digest": recipe.digest, "source": recipe_source(recipe)},
            "inputs": figure_inputs(resolved[name]),
            "outputs": {rel: _sha256(stage / rel) for rel in outputs[recipe.id]},
        }
    return {
        "schema": MANIFEST_SCHEMA,
        "environment": environment(),
        "formats": list(formats),
        "recipes": recipes,
    }


def __dir__() -> list[str]:
    return __all__
