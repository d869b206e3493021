"""Fixtures for the physics tests: the shared reference folder and its test vectors.

The shared folder is ``$DMSUMMARY_SHARED`` if set, else ``<repo root>/../shared``. A missing
folder or file makes the tests that need it *fail* with a clear message (never skip).
"""

from __future__ import annotations

import csv
import os
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
TEST_VECTORS = Path("physics") / "test_vectors.csv"


def shared_dir() -> Path:
    """Return the shared reference directory (it may not exist)."""
    env = os.environ.get("DMSUMMARY_SHARED")
    return Path(env) if env else REPO_ROOT.parent / "shared"


def _missing_message(path: Path) -> str:
    return (
        f"reference file {path} not found; set DMSUMMARY_SHARED to the folder holding "
        "physics/test_vectors.csv and data/dmwg_dark_photon (default: <repo>/../shared)"
    )


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Parametrise ``vector_row`` with every row of ``test_vectors.csv``."""
    if "vector_row" not in metafunc.fixturenames:
        return
    path = shared_dir() / TEST_VECTORS
    if not path.is_file():
        # One parameter that fails the test loudly instead of silently collecting nothing.
        metafunc.parametrize(
            "vector_row", [{"__missing__": _missing_message(path)}], ids=["missing"]
        )
        return
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    metafunc.parametrize("vector_row", rows, ids=[row["id"] for row in rows])


@pytest.fixture
def shared() -> Path:
    """The shared reference directory; fails the test when it is missing."""
    path = shared_dir()
    if not path.is_dir():
        pytest.fail(_missing_message(path))
    return path
