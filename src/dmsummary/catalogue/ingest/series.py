"""What format detection finds in one upstream file: the series it can read.

A :class:`Series` is one readable (x, y) column pair of a file, with the
``data.format`` mapping that reads it and every hint the file itself gives:
units from headers, confidence level and observed/expected from HEPData
qualifiers, provenance (HEPData DOI, figure) and digitisation metadata. The
helpers here turn header text into such hints; they never guess silently — a
hint the file does not give stays ``None`` and must come from the user.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dmsummary.exceptions import UnitError
from dmsummary.units import parse_unit

__all__ = [
    "Series",
    "cl_from_text",
    "column_choice",
    "statistic_hint",
    "status_hint",
    "unit_from_name",
]


@dataclass(frozen=True, slots=True)
class Series:
    """One readable curve in an upstream file, as found by format detection.

    Attributes
    ----------
    name : str
        Name of the y variable (header, HEPData dependent variable, dataset);
        used for ids and labels when one entry per variable is made.
    format : Mapping
        The entry's ``data.format`` without units (``type``, ``x``/``y`` column
        or key, options).
    file : pathlib.Path
        The file that holds the numbers (for a HEPData submission, the table
        file it references).
    x_unit, y_unit : str or None
        Units stated by the file (headers, HEPData ``units``), if any.
    cl : float or None
        Confidence level stated by the file (qualifier or description), as a fraction.
    status : str or None
        ``observed`` or ``expected`` when the file says so.
    statistic : str or None
        E.g. ``sensitivity-median``, ``band-edge``, ``discovery-3sigma``, when the
        name says so.
    origin : str
        ``hepdata``, ``digitised``, ``data-release`` or ``unknown``.
    layout : str
        One-line description of the file layout, for the entry's notes.
    reference : Mapping
        Reference fields the file states (``hepdata`` DOI, ``figure``).
    title : str or None
        A description stated by the file (HEPData table description).
    digitisation : Mapping or None
        Digitiser metadata (tool, axis calibration points and scales).
    """

    name: str
    format: Mapping[str, Any]
    file: Path
    x_unit: str | None = None
    y_unit: str | None = None
    cl: float | None = None
    status: str | None = None
    statistic: str | None = None
    origin: str = "unknown"
    layout: str = ""
    reference: Mapping[str, str] = field(default_factory=dict)
    title: str | None = None
    digitisation: Mapping[str, Any] | None = None


_CANONICAL = {
    atom.lower(): atom
    for atom in ("eV", "keV", "MeV", "GeV", "TeV", "cm", "m", "s", "pb", "fb", "zb", "barn")
}
_UNIT_IN_BRACKETS = re.compile(r"[\[(]\s*([A-Za-z0-9^*/ .\-]+?)\s*[\])]\s*$")


def _normalise_unit(text: str) -> str | None:
    """Return ``text`` as a unit string :func:`parse_unit` accepts, or None."""
    cleaned = text.strip().replace("$", "").replace("{", "").replace("}", "").replace("\\", "")
    if not cleaned:
        return None
    tokens = re.split(r"(\s+|\*|/|\^-?\d+|-?\d+)", cleaned)
    out = "".join(_CANONICAL.get(t.lower(), t) for t in tokens)
    try:
        parse_unit(out)
    except UnitError:
        return None
    return out


def unit_from_name(name: str) -> str | None:
    r"""Return the unit a column name states, or None.

    Recognised: a trailing ``[unit]`` or ``(unit)`` (``"M [GEV]"``,
    ``"$m_\\chi$ [GeV]"``) and a trailing ``_unit`` token (``dm_mass_gev``,
    ``upper_limit_cm2``). Atom case is normalised (``GEV`` -> ``GeV``).

    Parameters
    ----------
    name : str
        Column or variable name.

    Returns
    -------
    str or None
        A unit string accepted by :func:`dmsummary.units.parse_unit`.
    """
    match = _UNIT_IN_BRACKETS.search(name)
    if match:
        return _normalise_unit(match.group(1))
    tokens = [t for t in re.split(r"[_ ]+", name.strip()) if t]
    if len(tokens) < 2:
        return None
    if len(tokens) >= 3:
        pair = _normalise_unit(" ".join(tokens[-2:]))
        if pair is not None and _normalise_unit(tokens[-2]) is not None:
            return pair
    return _normalise_unit(tokens[-1])


_CL_TEXT = re.compile(
    r"(\d{2}(?:\.\d+)?)\s*%\s*(?:C\.?\s?L\.?|confidence)|C\.?L\.?\s*[=:]\s*(\d{2}(?:\.\d+)?)\s*%",
    re.IGNORECASE,
)


def cl_from_text(value: Any) -> float | None:
    """Return a confidence level stated as ``"90%"``, ``"95% CL"``, ``0.9`` or ``90``.

    Parameters
    ----------
    value : Any
        A qualifier value or a description.

    Returns
    -------
    float or None
        The CL as a fraction in (0, 1), or None when none is stated.
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        number = float(value)
    else:
        text = str(value).strip()
        match = _CL_TEXT.search(text) or re.fullmatch(r"(\d{1,2}(?:\.\d+)?)\s*%?", text)
        if match is None:
            match = re.fullmatch(r"(0?\.\d+)", text)
        if match is None:
            return None
        number = float(next(g for g in match.groups() if g is not None))
    fraction = number / 100 if number > 1 else number
    return fraction if 0 < fraction < 1 else None


def status_hint(*texts: str) -> str | None:
    """Return ``observed`` or ``expected`` when the texts say so unambiguously."""
    words = " ".join(texts).lower()
    band = re.search(r"(^|[^a-z])[-+±]?\d\s*(sigma|σ)", words) is not None
    expected = band or any(k in words for k in ("expected", "median", "sensitivity", "±"))
    observed = "observed" in words
    if expected == observed:
        return None
    return "expected" if expected else "observed"


def statistic_hint(name: str) -> str | None:
    """Return the statistic a variable name states (``median``, ``-1sigma``, ``3sigma disco``)."""
    low = name.lower()
    if "disco" in low:
        for n in ("3", "5"):
            if f"{n}sigma" in low.replace(" ", "") or f"{n} sigma" in low:
                return f"discovery-{n}sigma"
        return None
    if "median" in low or "sensitivity" in low:
        return "sensitivity-median"
    if re.search(r"(^|[^a-z])[-+±]?\d\s*(sigma|σ)", low) or "±" in low:
        return "band-edge"
    if "limit" in low or "observed" in low or "expected" in low:
        return "upper-limit"
    return None


def column_choice(value: str | None) -> int | str | None:
    """Turn a ``--x-column`` / ``--y-column`` value into a 0-based index or a name."""
    if value is None:
        return None
    text = value.strip()
    return int(text) if text.isdigit() else text


def __dir__() -> list[str]:
    return __all__
