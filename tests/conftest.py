"""Shared test fixtures: the data mirror, isolation from the network and the user cache."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def shared_dir() -> Path:
    """Return ``../shared`` (or ``DMSUMMARY_SHARED``): physics references and the data mirror."""
    value = os.environ.get("DMSUMMARY_SHARED")
    return Path(value) if value else REPO.parent / "shared"


def mirror_dir() -> Path | None:
    """Return the data mirror if one is available (``DMSUMMARY_DATA`` or ``../shared/data``)."""
    value = os.environ.get("DMSUMMARY_DATA")
    candidate = Path(value) if value else shared_dir() / "data"
    return candidate if (candidate / "MANIFEST.csv").is_file() else None


def isolate(monkeypatch: pytest.MonkeyPatch, cache: Path) -> None:
    """Set the environment every test runs in: offline, private cache, the shared mirror."""
    monkeypatch.setenv("DMSUMMARY_OFFLINE", "1")
    monkeypatch.setenv("DMSUMMARY_CACHE", str(cache))
    # Set (not deleted) so that a value the CLI sets during a test is undone afterwards.
    monkeypatch.setenv("DMSUMMARY_CATALOGUE_PATH", "")
    monkeypatch.setenv("DMSUMMARY_NO_BUILTIN", "")
    mirror = mirror_dir()
    if mirror is not None:
        monkeypatch.setenv("DMSUMMARY_DATA", str(mirror))
    else:
        monkeypatch.delenv("DMSUMMARY_DATA", raising=False)


@pytest.fixture(scope="session", autouse=True)
def _isolated_session(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Session-wide isolation, so that module- and session-scoped fixtures are covered too."""
    with pytest.MonkeyPatch.context() as monkeypatch:
        isolate(monkeypatch, tmp_path_factory.mktemp("session-cache"))
        yield


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    """No test downloads anything or touches the user's cache."""
    isolate(monkeypatch, tmp_path_factory.mktemp("cache"))


@pytest.fixture
def mirror() -> Path:
    """The shared data mirror; tests that need it are skipped (with the reason) without it."""
    path = mirror_dir()
    if path is None:
        pytest.skip("data mirror not available: set DMSUMMARY_DATA (CI uses ../shared/data)")
    return path


@pytest.fixture
def fixtures() -> Path:
    """Directory of the catalogue test fixtures (synthetic entries and a tiny mirror)."""
    return REPO / "tests" / "catalogue" / "fixtures"
