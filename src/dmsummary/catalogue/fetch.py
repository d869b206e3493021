"""Resolve an entry's upstream file to verified bytes on this machine.

Resolution order (DESIGN §4, STYLE P4):

1. an explicit local file (user entries, ``local=``);
2. the data mirror named by ``DMSUMMARY_DATA`` (CI points it at ``../shared/data``);
3. the user cache (``DMSUMMARY_CACHE`` or the platform cache directory);
4. a download from the entry's pinned ``url`` with :mod:`pooch` into the cache,
   unless offline (``DMSUMMARY_OFFLINE=1`` or ``--offline``), with a short
   connect timeout so that nothing hangs. ``dmsummary fetch`` downloads
   everything up front (e.g. on a connected machine before going offline).

Whatever the source, the bytes are **always** verified against the pinned
sha256; a mismatch raises :class:`~dmsummary.exceptions.IntegrityError` (never a
warning). This is the only module that imports pooch.
"""

from __future__ import annotations

import hashlib
import os
import sys
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from dmsummary.exceptions import DataFileNotFound, IntegrityError, InvalidEntry

__all__ = [
    "DataSource",
    "cache_dir",
    "download",
    "mirror_dir",
    "offline_mode",
    "resolve",
    "sha256_of",
]

CONNECT_TIMEOUT_S = 5.0
"""Seconds to wait for a connection before giving up (nothing may hang a build)."""
READ_TIMEOUT_S = 60.0
"""Seconds to wait between bytes of a download."""


def mirror_dir() -> Path | None:
    """Return the data mirror directory from ``DMSUMMARY_DATA``, or ``None``.

    Returns
    -------
    pathlib.Path or None
        The directory (not checked for existence here).
    """
    value = os.environ.get("DMSUMMARY_DATA", "").strip()
    return Path(value).expanduser() if value else None


def cache_dir() -> Path:
    """Return the download cache directory.

    ``DMSUMMARY_CACHE`` if set, else the platform's user cache directory for
    ``dmsummary`` (via :mod:`platformdirs`).

    Returns
    -------
    pathlib.Path
        The cache directory (created on first download).
    """
    value = os.environ.get("DMSUMMARY_CACHE", "").strip()
    if value:
        return Path(value).expanduser()
    import platformdirs

    return Path(platformdirs.user_cache_dir("dmsummary"))


def offline_mode() -> bool:
    """Return whether ``DMSUMMARY_OFFLINE`` forbids downloads.

    Returns
    -------
    bool
        True when the variable is ``1``, ``true``, ``yes`` or ``on``.
    """
    return os.environ.get("DMSUMMARY_OFFLINE", "").strip().lower() in {"1", "true", "yes", "on"}


def sha256_of(data: bytes) -> str:
    """Return the lower-case hex sha256 of ``data``."""
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True, slots=True)
class DataSource:
    """Where the bytes of a data file came from.

    Attributes
    ----------
    path : pathlib.Path
        The file that was read.
    kind : str
        ``"local"``, ``"mirror"``, ``"cache"`` or ``"download"``.
    """

    path: Path
    kind: str


def _safe_join(base: Path, relative: str, *, where: str) -> Path:
    rel = PurePosixPath(relative)
    if rel.is_absolute() or ".." in rel.parts or "\\" in relative or "\x00" in relative:
        msg = (
            f"{where}: data.file {relative!r} must be a relative path inside the data mirror "
            "(no leading '/', no '..', no backslash); fix the entry"
        )
        raise InvalidEntry(msg)
    candidate = (base / Path(*rel.parts)).resolve()
    if not candidate.is_relative_to(base.resolve()):
        msg = f"{where}: data.file {relative!r} resolves outside the data mirror {base}; fix the entry"
        raise InvalidEntry(msg)
    return candidate


def _cache_name(relative: str, sha256: str) -> str:
    return f"{sha256[:16]}-{PurePosixPath(relative).name}"


def _verified(path: Path, sha256: str, *, kind: str, where: str) -> bytes:
    try:
        data = path.read_bytes()
    except OSError as err:
        msg = f"{where}: cannot read {path} ({err.strerror}); check permissions"
        raise DataFileNotFound(msg) from err
    got = sha256_of(data)
    if got != sha256:
        msg = (
            f"{where}: sha256 mismatch for {path} ({kind}): expected {sha256}, got {got}. "
            "The file is corrupted, truncated or a different version than the entry pins. "
            "Restore the original file (or delete it from the cache and run `dmsummary fetch`); "
            "if upstream really changed, update the entry's url and sha256 after review."
        )
        raise IntegrityError(msg)
    return data


def resolve(
    relative: str,
    sha256: str,
    url: str,
    *,
    where: str,
    local: Path | None = None,
    mirror: Path | None = None,
    cache: Path | None = None,
    offline: bool | None = None,
    allow_download: bool = False,
) -> tuple[bytes, DataSource]:
    """Find a data file and return its verified bytes.

    Parameters
    ----------
    relative : str
        Mirror-relative path (the entry's ``data.file``).
    sha256 : str
        Pinned lower-case hex sha256.
    url : str
        Pinned upstream URL (used only to download).
    where : str
        Entry file and id, for messages.
    local : pathlib.Path, optional
        An explicit local file (user entries); tried first.
    mirror : pathlib.Path, optional
        Data mirror; defaults to ``DMSUMMARY_DATA``.
    cache : pathlib.Path, optional
        Cache directory; defaults to :func:`cache_dir`.
    offline : bool, optional
        Forbid downloads; defaults to ``DMSUMMARY_OFFLINE``.
    allow_download : bool, optional
        Download a missing file (never implicit).

    Returns
    -------
    bytes
        The file content, verified against ``sha256``.
    DataSource
        Which file was read.

    Raises
    ------
    IntegrityError
        If the file found does not match ``sha256``.
    DataFileNotFound
        If the file cannot be had; the message says how to provide it.
    InvalidEntry
        If ``relative`` would escape the mirror.
    """
    if local is not None and local.is_file():
        return _verified(local, sha256, kind="local", where=where), DataSource(local, "local")
    mirror = mirror if mirror is not None else mirror_dir()
    if mirror is not None:
        candidate = _safe_join(mirror, relative, where=where)
        if candidate.is_file():
            return _verified(candidate, sha256, kind="mirror", where=where), DataSource(
                candidate, "mirror"
            )
    else:
        _safe_join(Path("/nonexistent-mirror"), relative, where=where)
    cache = cache if cache is not None else cache_dir()
    cached = cache / _cache_name(relative, sha256)
    if cached.is_file():
        return _verified(cached, sha256, kind="cache", where=where), DataSource(cached, "cache")
    offline = offline_mode() if offline is None else offline
    if allow_download and not offline:
        path = download(relative, sha256, url, cache=cache, where=where)
        return _verified(path, sha256, kind="download", where=where), DataSource(path, "download")
    looked = [
        f"mirror {mirror / relative}" if mirror is not None else "no mirror (DMSUMMARY_DATA unset)"
    ]
    looked.append(f"cache {cached}")
    how = (
        "set DMSUMMARY_DATA to a directory holding the data mirror, or run "
        "`dmsummary fetch` on a machine with network access (downloads are verified by sha256)"
    )
    if offline:
        how += "; offline mode is on (DMSUMMARY_OFFLINE / --offline), so nothing was downloaded"
    msg = f"{where}: data file {relative!r} not found (looked in {'; '.join(looked)}); {how}"
    raise DataFileNotFound(msg)


class _RichBar:
    """A byte progress bar for pooch downloads, drawn with rich on stderr.

    pooch accepts any object with ``total``, ``update``, ``reset`` and ``close``.
    """

    def __init__(self, name: str) -> None:
        from rich.progress import DownloadColumn, Progress, TransferSpeedColumn

        self._progress = Progress(
            *Progress.get_default_columns(),
            DownloadColumn(),
            TransferSpeedColumn(),
            transient=True,
        )
        self._task = self._progress.add_task(f"downloading {name}", total=None)
        self._progress.start()
        self.total: int | None = None

    def update(self, n: int) -> None:
        self._progress.update(self._task, advance=n, total=self.total)

    def reset(self) -> None:
        self._progress.reset(self._task, total=self.total)

    def close(self) -> None:
        self._progress.stop()


def download(relative: str, sha256: str, url: str, *, cache: Path, where: str) -> Path:
    """Download ``url`` into ``cache`` with pooch, verifying ``sha256``.

    Parameters
    ----------
    relative : str
        Mirror-relative path (used to name the cached file).
    sha256 : str
        Pinned sha256; pooch refuses and deletes a mismatching download.
    url : str
        Pinned upstream URL.
    cache : pathlib.Path
        Cache directory.
    where : str
        Entry file and id, for messages.

    Returns
    -------
    pathlib.Path
        The cached file.

    Raises
    ------
    DataFileNotFound
        If the download fails (network, HTTP error).
    IntegrityError
        If the downloaded bytes do not match ``sha256``.
    """
    import pooch

    progress: bool | _RichBar = False
    if sys.stderr.isatty():
        progress = _RichBar(PurePosixPath(relative).name)
    downloader = pooch.HTTPDownloader(
        progressbar=progress, timeout=(CONNECT_TIMEOUT_S, READ_TIMEOUT_S)
    )
    try:
        fname = pooch.retrieve(
            url,
            known_hash=f"sha256:{sha256}",
            fname=_cache_name(relative, sha256),
            path=cache,
            downloader=downloader,
        )
    except ValueError as err:  # pooch raises ValueError on hash mismatch
        msg = f"{where}: download of {url} does not match the pinned sha256 ({err})"
        raise IntegrityError(msg) from err
    except Exception as err:
        msg = (
            f"{where}: cannot download {url} ({type(err).__name__}: {err}); check the network "
            "or provide the file through DMSUMMARY_DATA"
        )
        raise DataFileNotFound(msg) from err
    return Path(fname)


def __dir__() -> list[str]:
    return __all__
