"""The Snakemake workflow: its plan (per figure: recipe, data files, outputs) and its runner.

``workflow/Snakefile`` reads the plan from ``workflow/plan.json`` (written by
``dmsummary workflow plan -o workflow/plan.json``) instead of importing dmsummary, because
on REANA the Snakefile is parsed by the workflow engine, where dmsummary is not installed;
only the rules run in the project's container. A test keeps the committed plan in step
with the recipes and the catalogue.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from dmsummary.exceptions import ExportError

__all__ = ["PLAN_SCHEMA", "plan_json", "run_workflow", "workflow_plan"]

PLAN_SCHEMA = "dmsummary-workflow-plan/1"
"""Value of the plan's ``schema`` field."""


def workflow_plan(
    recipes: Sequence[str] | None = None, *, formats: Sequence[str] | None = None
) -> dict[str, Any]:
    """Return the workflow plan of a set of recipes.

    Parameters
    ----------
    recipes : sequence of str, optional
        Built-in recipe ids or recipe files (default: every built-in recipe).
    formats : sequence of str, optional
        Figure formats (default: ``pdf``, ``png``, ``svg``, as ``dmsummary build``).

    Returns
    -------
    dict
        ``{"schema", "formats", "figures": {recipe id: {"recipe", "entries", "data",
        "outputs"}}}``: ``recipe`` is ``builtin`` or the recipe file, ``entries`` the
        catalogue ids whose data files the figure reads, ``data`` those files relative to
        the data mirror, ``outputs`` the files written relative to the build directory.

    Raises
    ------
    RecipeError, DMSummaryError
        If a recipe cannot be resolved (the data are read, as for a build).
    """
    from dmsummary.build import DEFAULT_FORMATS, figure_inputs, output_paths, recipe_source
    from dmsummary.recipes import builtin_recipes, load_recipe, resolve_recipe
    from dmsummary.render.output import check_formats

    fmts = check_formats(formats or DEFAULT_FORMATS)
    figures: dict[str, Any] = {}
    for name in recipes or builtin_recipes():
        recipe = load_recipe(name)
        figure = resolve_recipe(recipe)
        inputs = [i for i in figure_inputs(figure) if "file" in i]
        figures[recipe.id] = {
            "recipe": recipe_source(recipe),
            "entries": sorted({i["id"] for i in inputs}),
            "data": sorted({i["file"] for i in inputs}),
            "outputs": output_paths(figure, fmts),
        }
    return {"schema": PLAN_SCHEMA, "formats": list(fmts), "figures": figures}


def plan_json(plan: dict[str, Any]) -> str:
    """Return the plan as the deterministic JSON text committed in ``workflow/plan.json``."""
    return json.dumps(plan, indent=1, sort_keys=True) + "\n"


def run_workflow(
    snakefile: str | os.PathLike[str] = "workflow/Snakefile",
    *,
    cores: int = 2,
    config: Mapping[str, str] | None = None,
    extra: Sequence[str] = (),
) -> int:
    """Run ``workflow/Snakefile`` with Snakemake in the current directory.

    Parameters
    ----------
    snakefile : path
        The Snakefile (default ``workflow/Snakefile`` of a clone of the repository).
    cores : int
        ``--cores`` for Snakemake.
    config : mapping, optional
        ``--config`` key=value pairs (``out``, ``data``, ``recipes``, ``formats``,
        ``dmsummary``; see the Snakefile).
    extra : sequence of str
        Further Snakemake arguments, passed as they are.

    Returns
    -------
    int
        Snakemake's exit status.

    Raises
    ------
    ExportError
        If the Snakefile or the ``snakemake`` command is missing.
    """
    path = Path(snakefile)
    if not path.is_file():
        msg = (
            f"{path}: no Snakefile here; run from a clone of the dmsummary repository "
            "(the workflow is workflow/Snakefile) or pass --snakefile"
        )
        raise ExportError(msg)
    here = Path(sys.executable).parent / "snakemake"
    exe = str(here) if here.is_file() else shutil.which("snakemake")
    if exe is None:
        msg = (
            "snakemake is not installed (no `snakemake` on PATH); install the development "
            "tools with `uv sync` (snakemake is in the dev group) or `pipx install snakemake`"
        )
        raise ExportError(msg)
    args = [exe, "--snakefile", str(path), "--cores", str(cores)]
    if config:
        args += ["--config", *(f"{k}={v}" for k, v in config.items())]
    args += list(extra)
    # The executable is snakemake itself (resolved above); arguments are passed as a list.
    return subprocess.run(args, check=False).returncode  # noqa: S603


def __dir__() -> list[str]:
    return __all__
