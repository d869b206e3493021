"""Data resolution: mirror, cache, verified download (from a loopback server), offline."""

from __future__ import annotations

import functools
import hashlib
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from dmsummary.catalogue.fetch import resolve
from dmsummary.exceptions import DataFileNotFound, IntegrityError, InvalidEntry

CONTENT = b"1 1e-40\n10 1e-44\n"
SHA = hashlib.sha256(CONTENT).hexdigest()


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    """A loopback HTTP server serving ``tmp_path/served``."""
    root = tmp_path / "served"
    root.mkdir()
    (root / "curve.txt").write_bytes(CONTENT)
    (root / "tampered.txt").write_bytes(CONTENT + b"100 1e-45\n")

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    handler = functools.partial(Quiet, directory=str(root))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_mirror_first(tmp_path: Path) -> None:
    mirror = tmp_path / "mirror" / "si"
    mirror.mkdir(parents=True)
    (mirror / "c.txt").write_bytes(CONTENT)
    data, source = resolve(
        "si/c.txt",
        SHA,
        "https://example.invalid/c.txt",
        where="t",
        mirror=tmp_path / "mirror",
        cache=tmp_path / "cache",
        offline=True,
    )
    assert data == CONTENT
    assert source.kind == "mirror"


def test_download_then_cache(server: str, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    data, source = resolve(
        "si/curve.txt",
        SHA,
        f"{server}/curve.txt",
        where="t",
        mirror=tmp_path / "none",
        cache=cache,
        offline=False,
        allow_download=True,
    )
    assert (data, source.kind) == (CONTENT, "download")
    data, source = resolve(
        "si/curve.txt",
        SHA,
        f"{server}/curve.txt",
        where="t",
        mirror=tmp_path / "none",
        cache=cache,
        offline=True,
    )
    assert (data, source.kind) == (CONTENT, "cache")


def test_download_with_wrong_hash_is_fatal_and_leaves_nothing(server: str, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    with pytest.raises(
        IntegrityError, match=r"download of .*tampered\.txt does not match the pinned sha256"
    ):
        resolve(
            "si/tampered.txt",
            SHA,
            f"{server}/tampered.txt",
            where="t",
            mirror=None,
            cache=cache,
            offline=False,
            allow_download=True,
        )
    assert not any(cache.glob("*tampered*"))


def test_unreachable_download_names_the_fix(tmp_path: Path) -> None:
    with pytest.raises(
        DataFileNotFound,
        match=r"\[e1\]: cannot download http://127\.0\.0\.1:9/x\.txt .*DMSUMMARY_DATA",
    ):
        resolve(
            "si/x.txt",
            SHA,
            "http://127.0.0.1:9/x.txt",
            where="[e1]",
            mirror=None,
            cache=tmp_path / "cache",
            offline=False,
            allow_download=True,
        )


def test_offline_never_downloads(server: str, tmp_path: Path) -> None:
    with pytest.raises(DataFileNotFound, match=r"offline mode is on"):
        resolve(
            "si/curve.txt",
            SHA,
            f"{server}/curve.txt",
            where="t",
            mirror=None,
            cache=tmp_path / "cache",
            offline=True,
            allow_download=True,
        )


def test_corrupted_cache_is_an_integrity_error(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / f"{SHA[:16]}-c.txt").write_bytes(CONTENT[:-3])  # truncated
    with pytest.raises(IntegrityError, match=r"sha256 mismatch .*\(cache\)"):
        resolve(
            "si/c.txt",
            SHA,
            "https://example.invalid/c.txt",
            where="t",
            mirror=None,
            cache=cache,
            offline=True,
        )


@pytest.mark.parametrize("path", ["../../etc/passwd", "/etc/passwd", "si/../../x", "si\\..\\x"])
def test_paths_cannot_escape_the_mirror(tmp_path: Path, path: str) -> None:
    with pytest.raises(InvalidEntry, match=r"must be a relative path inside the data mirror"):
        resolve(
            path,
            SHA,
            "https://example.invalid/x",
            where="t",
            mirror=tmp_path,
            cache=tmp_path / "cache",
            offline=True,
        )


def test_symlink_escaping_the_mirror_is_refused(tmp_path: Path) -> None:
    mirror = tmp_path / "mirror"
    mirror.mkdir()
    (mirror / "link").symlink_to("/etc")
    with pytest.raises(InvalidEntry, match=r"resolves outside the data mirror"):
        resolve(
            "link/hostname",
            SHA,
            "https://example.invalid/x",
            where="t",
            mirror=mirror,
            cache=tmp_path / "cache",
            offline=True,
        )
