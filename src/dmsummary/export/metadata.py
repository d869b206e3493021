"""Metadata files of a Zenodo archive: ``.zenodo.json``, ``CITATION.cff``, RO-Crate.

All three are built from the same :class:`ArchiveContents` (the archive's own files,
the data files with their upstream URL, sha256 and licence, and the works cited), and
all are deterministic: the same contents and date give the same bytes.

References
----------
Zenodo deposit metadata: https://developers.zenodo.org/#representation;
Citation File Format 1.2.0: https://github.com/citation-file-format/citation-file-format;
RO-Crate 1.1: https://w3id.org/ro/crate/1.1 (written with the ``rocrate`` library).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

__all__ = [
    "ArchiveContents",
    "DataFile",
    "Work",
    "citation_cff",
    "ro_crate_metadata",
    "zenodo_json",
]

HOMEPAGE = "https://github.com/dmsummary/dmsummary"


@dataclass(frozen=True, slots=True)
class DataFile:
    """An upstream data file used by the archived figures.

    Attributes
    ----------
    path : str
        Mirror-relative path; inside the archive ``data/<path>`` when included.
    sha256 : str
        Pinned hex sha256.
    url : str
        Pinned upstream URL.
    licence : str
        Licence as stated upstream.
    entries : tuple of str
        Catalogue ids reading it.
    redistributable : bool
        Its licence allows copying it into an open archive
        (:func:`dmsummary.export.licences.redistributable`).
    included : bool
        Copied into the archive (else referenced by URL and hash only).
    """

    path: str
    sha256: str
    url: str
    licence: str
    entries: tuple[str, ...]
    redistributable: bool
    included: bool


@dataclass(frozen=True, slots=True)
class Work:
    """A cited work (paper, data record) behind at least one curve.

    Attributes
    ----------
    key : str
        BibTeX key (``arXiv:2410.17036``).
    title : str
        A title for the work (the catalogue's title of the result).
    authors : str
        Collaboration or experiment.
    reference : Mapping
        The catalogue entry's ``reference`` block.
    """

    key: str
    title: str
    authors: str
    reference: Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class ArchiveContents:
    """What an archive holds, as the metadata writers need it.

    Attributes
    ----------
    title, description : str
        Of the archive.
    creators : tuple of str
        ``"Family, Given"`` or a collaboration name.
    licence : str
        SPDX identifier of the archive's own content (figures, tables, metadata).
    version : str
        dmsummary version that wrote it.
    date : str
        Publication date, ``YYYY-MM-DD``.
    recipes : tuple of str
        Recipe ids of the figures.
    files : Mapping
        Archive path → (sha256, description) of every file the archive writes itself.
    data : tuple of DataFile
        Upstream data files.
    works : tuple of Work
        Cited works.
    """

    title: str
    description: str
    creators: tuple[str, ...]
    licence: str
    version: str
    date: str
    recipes: tuple[str, ...]
    files: Mapping[str, tuple[str, str]]
    data: tuple[DataFile, ...]
    works: tuple[Work, ...]


def _identifiers(reference: Mapping[str, Any]) -> list[tuple[str, str]]:
    """Return ``(scheme, identifier)`` pairs of a reference (arXiv, DOI, HEPData, ...)."""
    out = []
    if reference.get("arxiv"):
        out.append(("arxiv", f"arXiv:{reference['arxiv']}"))
    if reference.get("doi"):
        out.append(("doi", str(reference["doi"])))
    for field in ("hepdata", "zenodo"):
        value = str(reference.get(field) or "")
        if value.startswith("10."):
            out.append(("doi", value))
        elif value.startswith("https://"):
            out.append(("url", value))
        elif re.fullmatch(r"ins\d+", value):
            out.append(("url", f"https://www.hepdata.net/record/{value}"))
    if reference.get("inspire") and str(reference["inspire"]).isdigit():
        out.append(("url", f"https://inspirehep.net/literature/{reference['inspire']}"))
    return out


def zenodo_json(contents: ArchiveContents) -> str:
    """Return the ``.zenodo.json`` deposit metadata.

    Every cited work is a related identifier (``cites`` for papers, ``isDerivedFrom``
    for data records and the upstream data files), and dmsummary itself is
    ``isCompiledBy``.

    Parameters
    ----------
    contents : ArchiveContents
        The archive.

    Returns
    -------
    str
        JSON text (sorted keys, two-space indent, final newline).
    """
    related: set[tuple[str, str, str]] = set()
    for work in contents.works:
        for scheme, identifier in _identifiers(work.reference):
            data_record = "hepdata" in identifier or "zenodo" in identifier
            related.add((identifier, "isDerivedFrom" if data_record else "cites", scheme))
    for data in contents.data:
        related.add((data.url, "isDerivedFrom", "url"))
    related.add((HOMEPAGE, "isCompiledBy", "url"))
    document = {
        "upload_type": "dataset",
        "title": contents.title,
        "description": contents.description,
        "creators": [{"name": name} for name in contents.creators],
        "license": contents.licence.lower(),
        "access_right": "open",
        "publication_date": contents.date,
        "version": contents.version,
        "keywords": ["dark matter", "particle physics", "limits", "summary plots", "dmsummary"],
        "related_identifiers": [
            {"identifier": i, "relation": r, "scheme": s} for i, r, s in sorted(related)
        ],
        "notes": (
            "Built with dmsummary "
            + contents.version
            + ". Upstream data files keep their own licences; files whose licence does not "
            "allow redistribution are referenced by URL and sha256 only (see README.md)."
        ),
    }
    return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def _cff_person(name: str) -> dict[str, str]:
    if "," in name:
        family, given = (part.strip() for part in name.split(",", 1))
        return {"family-names": family, "given-names": given}
    return {"name": name}


def citation_cff(contents: ArchiveContents) -> str:
    """Return ``CITATION.cff`` (CFF 1.2.0) for the archive, with every cited work.

    Parameters
    ----------
    contents : ArchiveContents
        The archive.

    Returns
    -------
    str
        YAML text, valid per ``cffconvert --validate``.
    """
    import yaml

    references = []
    for work in contents.works:
        ref: dict[str, Any] = {
            "type": "article",
            "title": work.title,
            "authors": [{"name": work.authors}],
        }
        ids = _identifiers(work.reference)
        dois = [i for s, i in ids if s == "doi"]
        if dois:
            ref["doi"] = dois[0]
        if work.reference.get("arxiv"):
            ref["url"] = f"https://arxiv.org/abs/{work.reference['arxiv']}"
        if work.reference.get("journal"):
            ref["notes"] = str(work.reference["journal"])
        references.append(ref)
    document: dict[str, Any] = {
        "cff-version": "1.2.0",
        "message": (
            "If you use these figures, cite this archive and the works behind every curve "
            "(listed under references; BibTeX in references.bib)."
        ),
        "type": "dataset",
        "title": contents.title,
        "authors": [_cff_person(name) for name in contents.creators],
        "version": contents.version,
        "date-released": contents.date,
        "license": contents.licence,
        "keywords": ["dark matter", "particle physics", "limits", "summary plots"],
        "references": references,
    }
    text: str = yaml.safe_dump(document, sort_keys=False, allow_unicode=True, width=100)
    return text


def ro_crate_metadata(contents: ArchiveContents) -> str:
    """Return ``ro-crate-metadata.json`` (RO-Crate 1.1) describing every file.

    Each data file is a ``File`` entity with its upstream URL (``contentUrl``), its
    ``sha256`` and its licence; files not included are entities identified by their
    URL. The archive's own files carry their sha256 too.

    Parameters
    ----------
    contents : ArchiveContents
        The archive.

    Returns
    -------
    str
        JSON-LD text (sorted keys, final newline).
    """
    from rocrate.rocrate import ROCrate  # type: ignore[import-untyped]

    crate = ROCrate(version="1.1")
    crate.name = contents.title
    crate.description = contents.description
    crate.datePublished = contents.date
    crate.license = contents.licence
    for path, (sha256, description) in sorted(contents.files.items()):
        crate.add_file(
            dest_path=path, properties={"name": path, "description": description, "sha256": sha256}
        )
    for data in contents.data:
        properties = {
            "name": data.path.rsplit("/", 1)[-1],
            "description": "upstream data of catalogue entries " + ", ".join(data.entries),
            "contentUrl": data.url,
            "sha256": data.sha256,
            "license": data.licence,
        }
        if data.included:
            crate.add_file(dest_path=f"data/{data.path}", properties=properties)
        else:
            crate.add_file(data.url, fetch_remote=False, properties=properties)
    document = crate.metadata.generate()
    return json.dumps(document, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def __dir__() -> list[str]:
    return __all__
