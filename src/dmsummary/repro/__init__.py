"""Reproducible execution: build manifests, verification, the workflow plan, the environment.

Public names: :func:`verify` (rebuild and compare, per output), :func:`read_manifest`
and :func:`merge_manifests` (``build/manifest.json``), :func:`workflow_plan` (what
``workflow/Snakefile`` runs) and :func:`environment_info` (what ``dmsummary info``
prints). See ``docs/reproducibility.md``.
"""

from __future__ import annotations

from dmsummary.repro.info import environment_info, format_info
from dmsummary.repro.manifest import merge_manifests, read_manifest
from dmsummary.repro.verify import OutputCheck, VerifyReport, verify
from dmsummary.repro.workflow import plan_json, run_workflow, workflow_plan

__all__ = [
    "OutputCheck",
    "VerifyReport",
    "environment_info",
    "format_info",
    "merge_manifests",
    "plan_json",
    "read_manifest",
    "run_workflow",
    "verify",
    "workflow_plan",
]


def __dir__() -> list[str]:
    return __all__
