"""Which upstream data files an archive may redistribute, by their stated licence.

The catalogue records each upstream file's licence as stated upstream (field ``licence``).
An archive copies a data file only when that licence grants redistribution to anyone,
for any purpose, with attribution at most: the public-domain dedications, the
permissive software licences, CC BY, and the copyleft licences (CC BY-SA, GPL), whose
terms travel with the file (the archive's README names each file's licence).

Everything else is *restricted* and only referenced by URL and sha256: non-commercial
or no-derivatives Creative Commons licences (the archive itself is openly licensed and
may be reused commercially), and files with no stated licence — without a licence,
copyright law reserves redistribution to the author, whatever the file's visibility.

References
----------
Creative Commons licence conditions (NC, ND, SA): https://creativecommons.org/licenses/;
SPDX identifiers: https://spdx.org/licenses/.
"""

from __future__ import annotations

import re

__all__ = ["OPEN_LICENCES", "redistributable"]

OPEN_LICENCES = (
    "CC0-1.0",
    "PDDL-1.0",
    "CC-BY-3.0",
    "CC-BY-4.0",
    "CC-BY-SA-3.0",
    "CC-BY-SA-4.0",
    "ODC-BY-1.0",
    "ODbL-1.0",
    "MIT",
    "BSD-2-Clause",
    "BSD-3-Clause",
    "Apache-2.0",
    "GPL-2.0-only",
    "GPL-2.0-or-later",
    "GPL-3.0-only",
    "GPL-3.0-or-later",
    "LGPL-3.0-only",
    "LGPL-3.0-or-later",
    "MPL-2.0",
)
"""SPDX identifiers of licences that let an archive copy the file (case-insensitive)."""

_OPEN = {name.lower() for name in OPEN_LICENCES}


def redistributable(licence: str | None) -> bool:
    """Return whether a data file under ``licence`` may be copied into an open archive.

    Parameters
    ----------
    licence : str or None
        The entry's ``licence`` field: an SPDX identifier, or free text such as
        ``"none stated"``.

    Returns
    -------
    bool
        True only for the SPDX identifiers in :data:`OPEN_LICENCES`; False for
        non-commercial (``NC``) or no-derivatives (``ND``) licences, for "none stated"
        and for anything not recognised (the safe side: reference, do not copy).

    Examples
    --------
    >>> redistributable("CC-BY-4.0"), redistributable("CC-BY-NC-SA-3.0")
    (True, False)
    >>> redistributable("none stated")
    False
    """
    if not licence:
        return False
    text = licence.strip().lower()
    if re.search(r"(^|-)(nc|nd)(-|$)", text):
        return False
    return text in _OPEN


def __dir__() -> list[str]:
    return __all__
