"""Full validation of a catalogue: schema, hashes, parsing, units, plausibility.

:func:`validate_catalogue` reports **every** problem (not just the first), each
naming the entry file, the field and the fix. It is what ``dmsummary catalogue
validate`` runs.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from dmsummary.catalogue.catalogue import (
    Catalogue,
    Problem,
    builtin_catalogue_dir,
    entry_files,
    load_entries,
)
from dmsummary.catalogue.entry import Entry
from dmsummary.exceptions import DMSummaryError

__all__ = ["ValidationReport", "validate_catalogue"]


@dataclass(frozen=True, slots=True)
class ValidationReport:
    """Outcome of :func:`validate_catalogue`.

    Attributes
    ----------
    n_files : int
        Entry files read.
    n_entries : int
        Entries that passed the schema.
    n_curves : int
        Entries whose data were read and checked.
    problems : tuple of Problem
        Everything that is wrong.
    """

    n_files: int
    n_entries: int
    n_curves: int
    problems: tuple[Problem, ...]

    @property
    def ok(self) -> bool:
        """True when there are no problems."""
        return not self.problems


def _bounds_problems(entry: Entry, catalogue: Catalogue) -> list[Problem]:
    import numpy as np

    curve = catalogue.curve(entry.id)
    problems = []
    for axis_name, index in (("x", 0), ("y", 1)):
        axis = getattr(entry.plane, axis_name)
        values = np.concatenate([seg[index] for seg in curve.segments]) / axis.factor
        lo, hi = axis.bounds
        vmin, vmax = float(values.min()), float(values.max())
        if vmin < lo or vmax > hi:
            problems.append(
                Problem(
                    entry.where,
                    f"data.format.{axis_name}.unit",
                    f"{axis.quantity} spans {vmin:.3g}–{vmax:.3g} {axis.unit}, outside the plausible "
                    f"range {lo:.3g}–{hi:.3g} {axis.unit} of plane {entry.plane.name!r}; check the unit "
                    "(keV vs GeV, TeV, eps^2 vs eps) or drop extrapolated/sentinel points (x_range, drop_y)",
                )
            )
    return problems


def validate_catalogue(
    directories: Sequence[Path] | None = None,
    *,
    mirror: Path | None = None,
    offline: bool | None = None,
    check_data: bool = True,
    progress: Callable[[int, int], None] | None = None,
) -> ValidationReport:
    """Validate every entry of a catalogue and (optionally) its data.

    Parameters
    ----------
    directories : sequence of pathlib.Path, optional
        Catalogue directories (default: the built-in catalogue).
    mirror : pathlib.Path, optional
        Data mirror (default ``DMSUMMARY_DATA``).
    offline : bool, optional
        Forbid downloads while validating (default: ``DMSUMMARY_OFFLINE``);
        missing files are otherwise downloaded and verified.
    check_data : bool
        Resolve, hash-check and parse every data file.
    progress : callable, optional
        Called as ``progress(done, total)`` after each entry.

    Returns
    -------
    ValidationReport
        Counts and every problem found.
    """
    dirs = list(directories) if directories else [builtin_catalogue_dir()]
    n_files = len(entry_files(dirs))
    entries, problems = load_entries(dirs)
    ids = {e.id for e in entries} | {a for e in entries for a in e.aliases}
    for entry in entries:
        for old in entry.supersedes:
            if old not in ids:
                problems.append(
                    Problem(
                        entry.where, "supersedes", f"{old!r} is not an entry id; fix or remove it"
                    )
                )
            if old == entry.id:
                problems.append(
                    Problem(entry.where, "supersedes", "an entry cannot supersede itself")
                )
        for new in entry.superseded_by:
            if new not in ids:
                problems.append(
                    Problem(
                        entry.where,
                        "superseded_by",
                        f"{new!r} is not an entry id of the catalogues validated together; "
                        "fix it, remove it, or validate with the catalogue that holds it",
                    )
                )
            if new == entry.id:
                problems.append(
                    Problem(entry.where, "superseded_by", "an entry cannot supersede itself")
                )
    unique: dict[str, Entry] = {}
    for entry in entries:
        unique.setdefault(entry.id, entry)
    catalogue = Catalogue(entries=unique, mirror=mirror, offline=offline)
    n_curves = 0
    for done, entry in enumerate(unique.values(), start=1):
        if check_data:
            try:
                problems.extend(_bounds_problems(entry, catalogue))
                n_curves += 1
            except DMSummaryError as err:
                problems.append(Problem(entry.where, "", str(err)))
        if progress is not None:
            progress(done, len(unique))
    return ValidationReport(n_files, len(entries), n_curves, tuple(problems))


def __dir__() -> list[str]:
    return __all__
