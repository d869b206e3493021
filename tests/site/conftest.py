"""Sites built once per session for the site tests, and a headless Chromium to browse them."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from dmsummary.cli import main
from dmsummary.export.site import SiteResult, build_site

HERE = Path(__file__).parent
FIXTURES = HERE / "fixtures"
RECIPES = ("espp2026/higgs-portal-majorana",)
"""Figures of the session site (derived collider layers with bands, fills, annotations)."""

HOSTILE_ARGS = ["--no-builtin", "--catalogue", str(FIXTURES / "hostile_catalogue")]
"""Global CLI options selecting the hostile catalogue."""

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu"]


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> SiteResult:
    """A site with two figures and every built-in catalogue entry."""
    if not os.environ.get("DMSUMMARY_DATA"):
        pytest.skip("data mirror not available: set DMSUMMARY_DATA (CI uses ../shared/data)")
    return build_site(tmp_path_factory.mktemp("site") / "site", recipes=RECIPES, jobs=2)


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A site built by the CLI from a hostile recipe and a hostile catalogue entry only."""
    if not os.environ.get("DMSUMMARY_DATA"):
        pytest.skip("data mirror not available: set DMSUMMARY_DATA (CI uses ../shared/data)")
    out = tmp_path_factory.mktemp("hostile") / "site"
    # The CLI exports --catalogue/--no-builtin to the environment (for build's workers):
    # restore it afterwards so that the selection does not leak into other tests.
    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.setenv("DMSUMMARY_CATALOGUE_PATH", "")
        monkeypatch.setenv("DMSUMMARY_NO_BUILTIN", "")
        with pytest.raises(SystemExit) as exit_info:
            main(
                [*HOSTILE_ARGS, "site", str(FIXTURES / "hostile.yaml"), "-o", str(out), "-j", "1"]
            )
    assert exit_info.value.code == 0
    return out


def chromium_or_skip() -> str:
    """Return the Chromium path; skip without it locally, fail without it in CI."""
    if Path(CHROMIUM).is_file() or shutil.which("chromium"):
        return CHROMIUM if Path(CHROMIUM).is_file() else str(shutil.which("chromium"))
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail("CI=true but Chromium is not installed (.ci/run installs Debian's chromium)")
    pytest.skip("Chromium not installed (apt-get install chromium)")
    raise AssertionError  # unreachable; pytest.skip raises


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's headless Chromium driven by Playwright (no `playwright install`)."""
    executable = chromium_or_skip()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            yield instance
        finally:
            instance.close()


class PageWatch:
    """A browser page that records console errors, page errors, dialogs and requests."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        page.on("console", self._console)
        page.on("pageerror", lambda err: self.errors.append(f"pageerror: {err}"))
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("dialog", self._dialog)

    def _console(self, message: Any) -> None:
        if message.type in {"error", "warning"}:
            self.errors.append(f"console.{message.type}: {message.text}")

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def external_requests(self) -> list[str]:
        """Requests that left the page's files (anything but file:, data:, blob:)."""
        local = ("file:", "data:", "blob:", "about:")
        return [url for url in self.requests if not url.startswith(local)]


@pytest.fixture
def page(browser: Any) -> Iterator[PageWatch]:
    """A fresh page per test; after the test: no console errors, no network, no dialogs."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    watch = PageWatch(context.new_page())
    try:
        yield watch
    finally:
        context.close()
    assert watch.errors == [], watch.errors
    assert watch.external_requests() == [], watch.external_requests()
    assert watch.dialogs == [], watch.dialogs
