"""Exceptions raised by dmsummary.

Every exception inherits from :class:`DMSummaryError` (so callers can catch
"anything from us") *and* from the builtin it refines (so generic handlers keep
working). Messages say where (file, entry id, field path), what was expected,
what was found, and what to do about it.
"""

from __future__ import annotations

__all__ = [
    "DMSummaryError",
    "DataFileNotFound",
    "EntryNotFound",
    "ExportError",
    "IntegrityError",
    "InvalidEntry",
    "ManifestError",
    "OutputError",
    "ParseError",
    "RecipeError",
    "SupersededEntryWarning",
    "TranslationDomainError",
    "UnitError",
]


class DMSummaryError(Exception):
    """Base class of every error raised by dmsummary."""


class InvalidEntry(DMSummaryError, ValueError):
    """A catalogue entry is malformed (schema, plane, references, numbers)."""


class EntryNotFound(DMSummaryError, KeyError):
    """No catalogue entry has the requested id or alias."""

    def __str__(self) -> str:
        # KeyError quotes its argument; keep the message readable.
        return str(self.args[0]) if self.args else ""


class UnitError(DMSummaryError, ValueError):
    """A unit string cannot be parsed or has the wrong dimension for its axis."""


class ParseError(DMSummaryError, ValueError):
    """A data file cannot be read with the format its entry declares."""


class IntegrityError(DMSummaryError, ValueError):
    """A data file does not match the sha256 pinned in its catalogue entry."""


class DataFileNotFound(DMSummaryError, FileNotFoundError):
    """A data file is neither in the mirror, nor in the cache, nor downloadable."""


class RecipeError(DMSummaryError, ValueError):
    """A figure recipe is malformed or refers to something that does not exist."""


class SupersededEntryWarning(DMSummaryError, UserWarning):
    """A recipe draws an entry that a newer catalogue entry supersedes.

    The figure still builds (ids are stable; old results stay reproducible), but
    the message names the successor so that the recipe can be updated.
    """


class ManifestError(DMSummaryError, ValueError):
    """A build manifest is missing, malformed, or was edited after the build."""


class ExportError(DMSummaryError, OSError):
    """An archive or workflow cannot be written or run (target not writable, tool absent)."""


class TranslationDomainError(DMSummaryError, ValueError):
    """A physics translation was called with parameters outside its domain."""


class OutputError(DMSummaryError, OSError):
    """An output cannot be written where asked (e.g. it would replace files dmsummary did not write)."""


def __dir__() -> list[str]:
    return __all__
