"""Fixtures of the reinterpretation tests: one warm catalogue per module."""

from __future__ import annotations

from pathlib import Path

import pytest

from dmsummary import Catalogue, load_catalogue


@pytest.fixture(scope="module")
def _module_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("reinterpret-cache")


@pytest.fixture(autouse=True)
def _warm_index(monkeypatch: pytest.MonkeyPatch, _module_cache: Path) -> None:
    """A private cache shared by a module's tests, so the catalogue index is built once.

    Still offline and away from the user's cache (the session isolation stays in force).
    """
    monkeypatch.setenv("DMSUMMARY_CACHE", str(_module_cache))


@pytest.fixture(scope="module")
def cat() -> Catalogue:
    """The built-in catalogue, loaded once per module."""
    return load_catalogue()
