"""``dmsummary export --zenodo``: a citable, self-verifying archive of a figure set.

The archive (one ZIP file, ready to upload to Zenodo) holds::

    README.md                  what is inside, how to rebuild and verify, which data are
                               referenced only (licences)
    build/                     figures (pdf/png/svg), provenance tables, per-figure BibTeX
                               and manifest.json, exactly as `dmsummary build` writes them
    recipes/<id>.yaml          the recipes, byte for byte
    data/<mirror path>         the upstream data files whose licence allows redistribution
    data/files.csv             every data file: path, sha256, URL, licence, entries, included
    references.bib             BibTeX of every work cited by any figure, plus dmsummary
    .zenodo.json               Zenodo deposit metadata (creators, licence, related ids)
    CITATION.cff               CFF 1.2.0, with every cited work under references
    ro-crate-metadata.json     RO-Crate 1.1: every file with its sha256, data with URL

After unzipping, ``DMSUMMARY_DATA=data dmsummary verify build/`` rebuilds and compares
(after ``dmsummary fetch`` of the referenced-only files). The ZIP is written to a
temporary file beside the target and renamed into place: never half an archive. The
same inputs and date give a byte-identical ZIP (fixed entry order, times and modes).
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
import tempfile
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dmsummary.exceptions import ExportError

__all__ = ["ZenodoExport", "export_zenodo"]

_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


@dataclass(frozen=True, slots=True)
class ZenodoExport:
    """What :func:`export_zenodo` wrote.

    Attributes
    ----------
    path : pathlib.Path
        The ZIP file.
    members : tuple of str
        Archive paths, in archive order.
    included : tuple of str
        Data files copied into the archive (mirror-relative).
    referenced : tuple of str
        Data files referenced by URL and sha256 only (licence).
    """

    path: Path
    members: tuple[str, ...]
    included: tuple[str, ...]
    referenced: tuple[str, ...]


def _check_target(out: Path) -> None:
    parent = out.parent if str(out.parent) else Path()
    if out.is_dir():
        msg = f"{out}: is a directory; give the path of the ZIP file to write, e.g. {out}/figures.zip"
        raise ExportError(msg)
    if not parent.is_dir():
        msg = f"{out}: directory {parent} does not exist; create it first"
        raise ExportError(msg)
    if not os.access(parent, os.W_OK | os.X_OK):
        msg = f"{out}: directory {parent} is not writable; choose another output path"
        raise ExportError(msg)
    if out.exists() and not os.access(out, os.W_OK):
        msg = f"{out}: exists and is not writable; remove it or choose another output path"
        raise ExportError(msg)


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _data_files(manifest: dict[str, Any], catalogue: Any, include_restricted: bool) -> list[Any]:
    from dmsummary.export.licences import redistributable
    from dmsummary.export.metadata import DataFile

    by_path: dict[str, dict[str, Any]] = {}
    for record in manifest["recipes"].values():
        for item in record["inputs"]:
            if "file" not in item:
                continue
            slot = by_path.setdefault(item["file"], {"item": item, "entries": set()})
            slot["entries"].add(item["id"])
    files = []
    for path, slot in sorted(by_path.items()):
        entries = sorted(slot["entries"])
        licences = sorted(
            {str(catalogue.get(e).spec.get("licence", "none stated")) for e in entries}
        )
        licence = "; ".join(licences)
        allowed = all(redistributable(name) for name in licences)
        files.append(
            DataFile(
                path=path,
                sha256=slot["item"]["sha256"],
                url=slot["item"]["url"],
                licence=licence,
                entries=tuple(entries),
                redistributable=allowed,
                included=allowed or include_restricted,
            )
        )
    return files


def _works(manifest: dict[str, Any], catalogue: Any) -> list[Any]:
    from dmsummary.catalogue.citation import bibtex_key
    from dmsummary.export.metadata import Work

    works: dict[str, Any] = {}
    ids = sorted({i["id"] for r in manifest["recipes"].values() for i in r["inputs"]})
    for ident in ids:
        entry = catalogue.get(ident)
        key = bibtex_key(entry)
        if key not in works:
            authors = str(entry.reference.get("collaboration") or entry.experiment)
            works[key] = Work(key, str(entry.spec["title"]), authors, entry.reference)
    return [works[k] for k in sorted(works)]


def _files_csv(data: Sequence[Any]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["path", "sha256", "url", "licence", "entries", "included"])
    for d in data:
        writer.writerow(
            [
                d.path,
                d.sha256,
                d.url,
                d.licence,
                " ".join(d.entries),
                "yes" if d.included else "no",
            ]
        )
    return buffer.getvalue()


def _bibtex(build_dir: Path) -> str:
    from dmsummary.provenance.cite import dmsummary_bibtex

    records: dict[str, str] = {}
    for bib in sorted(build_dir.rglob("*.bib")):
        for raw in bib.read_text(encoding="utf-8").split("\n@"):
            chunk = raw.strip()
            if chunk:
                record = chunk if chunk.startswith("@") else "@" + chunk
                records.setdefault(record.split("\n", 1)[0], record)
    own = dmsummary_bibtex().strip()
    records.setdefault(own.split("\n", 1)[0], own)
    return "\n\n".join(records[k] for k in sorted(records)) + "\n"


def _readme(title: str, recipes: Sequence[str], data: Sequence[Any], version: str) -> str:
    included = [d for d in data if d.included]
    referenced = [d for d in data if not d.included]
    restricted_included = [d for d in data if d.included and not d.redistributable]
    lines = [
        f"# {title}",
        "",
        f"Figures built with dmsummary {version} from {len(recipes)} recipe(s):",
        "",
        *[f"- `{r}`" for r in recipes],
        "",
        "## Contents",
        "",
        (
            "- `build/`: the figures (PDF, PNG, SVG), their provenance tables "
            "(`.provenance.md|tex|csv|json`), per-figure BibTeX and `manifest.json` "
            "(environment, recipe digests, input and output sha256)."
        ),
        "- `recipes/`: the recipe of every figure.",
        (
            "- `data/`: the upstream data files whose licence allows redistribution; "
            "`data/files.csv` lists every data file with its sha256, pinned URL and licence."
        ),
        "- `references.bib`: every work behind a curve, plus dmsummary.",
        "- `.zenodo.json`, `CITATION.cff`, `ro-crate-metadata.json`: metadata.",
        "",
        "## Rebuild and verify",
        "",
        "```bash",
        f"pip install dmsummary=={version}   # or: uv tool install dmsummary=={version}",
        "export DMSUMMARY_DATA=$PWD/data",
    ]
    if referenced:
        ids = sorted({e for d in referenced for e in d.entries})
        lines.append("dmsummary fetch " + " ".join(ids) + "   # the referenced-only files")
    lines += [
        "dmsummary verify build/",
        "```",
        "",
        (
            "`verify` rebuilds every figure from the recipes and data and compares each file "
            "byte for byte with `build/` and the sha256 recorded in `build/manifest.json`."
        ),
        "",
        "## Data files and licences",
        "",
        (
            f"{len(included)} data file(s) are included under `data/`, each under its upstream "
            "licence (listed in `data/files.csv`)."
        ),
        "",
    ]
    if referenced:
        lines += [
            (
                f"{len(referenced)} data file(s) are **not included** because their upstream "
                "licence does not allow redistribution in an open archive (non-commercial or "
                "no-derivatives terms, or no licence stated). They are referenced by pinned URL "
                "and sha256; `dmsummary fetch` downloads and verifies them:"
            ),
            "",
            "| file | licence | sha256 | URL |",
            "|---|---|---|---|",
            *[f"| `{d.path}` | {d.licence} | `{d.sha256}` | {d.url} |" for d in referenced],
            "",
        ]
    else:
        lines += ["Every data file is included.", ""]
    if restricted_included:
        lines += [
            (
                f"**{len(restricted_included)} included data file(s) have a licence that does "
                "not allow redistribution** (written with `--include-restricted`): this archive "
                "is for private use; do not publish it openly."
            ),
            "",
            *[f"- `{d.path}` ({d.licence})" for d in restricted_included],
            "",
        ]
    return "\n".join(lines)


def export_zenodo(
    output: str | os.PathLike[str],
    recipes: Sequence[str] | None = None,
    *,
    include_restricted: bool = False,
    creators: Sequence[str] = ("The dmsummary developers",),
    licence: str = "CC-BY-4.0",
    title: str | None = None,
    date: str | None = None,
    jobs: int | None = None,
) -> ZenodoExport:
    """Build figures and write a Zenodo/RO-Crate archive of them (see the module doc).

    Parameters
    ----------
    output : path
        The ZIP file to write (its directory must exist and be writable).
    recipes : sequence of str, optional
        Built-in recipe ids or recipe files (default: every built-in recipe).
    include_restricted : bool
        Also copy data files whose licence does not allow redistribution (for private
        archives; the README then says so).
    creators : sequence of str
        Creators of the archive, ``"Family, Given"`` or a collaboration name.
    licence : str
        SPDX identifier of the archive's own content (default ``CC-BY-4.0``); upstream
        data keep their own licences.
    title : str, optional
        Archive title (default: built from the recipe ids).
    date : str, optional
        Publication date ``YYYY-MM-DD`` (default: ``SOURCE_DATE_EPOCH`` if set, else
        today, UTC). Fix it for a byte-identical archive.
    jobs : int, optional
        Worker processes for the build.

    Returns
    -------
    ZenodoExport
        The archive path, its members, and which data files were included.

    Raises
    ------
    ExportError
        If the target is not writable (checked before anything is built).
    RecipeError, DMSummaryError
        On recipe or data problems; nothing is written then.
    """
    import datetime as dt

    from dmsummary import __version__, load_catalogue
    from dmsummary.build import build
    from dmsummary.catalogue.fetch import resolve
    from dmsummary.export.metadata import (
        ArchiveContents,
        citation_cff,
        ro_crate_metadata,
        zenodo_json,
    )
    from dmsummary.recipes import load_recipe
    from dmsummary.repro import read_manifest

    out = Path(output)
    _check_target(out)
    if date is None:
        epoch = os.environ.get("SOURCE_DATE_EPOCH")
        when = dt.datetime.fromtimestamp(int(epoch), dt.UTC) if epoch else dt.datetime.now(dt.UTC)
        date = when.date().isoformat()
    members: dict[str, bytes] = {}
    with tempfile.TemporaryDirectory(prefix="dmsummary-zenodo-") as tmp:
        result = build(recipes, Path(tmp) / "build", jobs=jobs)
        manifest = read_manifest(result.manifest)
        for path in sorted(result.directory.rglob("*")):
            if path.is_file():
                members[f"build/{path.relative_to(result.directory).as_posix()}"] = (
                    path.read_bytes()
                )
        members["references.bib"] = _bibtex(result.directory).encode()
    recipe_ids = sorted(manifest["recipes"])
    for recipe_id, record in manifest["recipes"].items():
        source = record["recipe"]["source"]
        recipe = load_recipe(recipe_id if source == "builtin" else source)
        if recipe.path is not None:  # always: recipes are loaded from files
            members[f"recipes/{recipe_id}.yaml"] = recipe.path.read_bytes()
    catalogue = load_catalogue()
    data = _data_files(manifest, catalogue, include_restricted)
    for d in data:
        if d.included:
            entry = catalogue.get(d.entries[0])
            raw, _ = resolve(d.path, d.sha256, d.url, where=entry.where)
            members[f"data/{d.path}"] = raw
    members["data/files.csv"] = _files_csv(data).encode()
    title = title or "Dark-matter summary figures: " + ", ".join(recipe_ids)
    members["README.md"] = _readme(title, recipe_ids, data, __version__).encode()
    own = [p for p in members if not p.startswith("data/") or p == "data/files.csv"]
    files = {path: (_sha(members[path]), _describe(path)) for path in own}
    contents = ArchiveContents(
        title=title,
        description=(
            "Dark-matter summary figures with their provenance tables, recipes, data "
            "references and build manifest, made with dmsummary "
            f"{__version__}. Figures: {', '.join(recipe_ids)}."
        ),
        creators=tuple(creators),
        licence=licence,
        version=__version__,
        date=date,
        recipes=tuple(recipe_ids),
        files=files,
        data=tuple(data),
        works=tuple(_works(manifest, catalogue)),
    )
    members[".zenodo.json"] = zenodo_json(contents).encode()
    members["CITATION.cff"] = citation_cff(contents).encode()
    members["ro-crate-metadata.json"] = ro_crate_metadata(contents).encode()
    _write_zip(out, members)
    return ZenodoExport(
        path=out,
        members=tuple(sorted(members)),
        included=tuple(d.path for d in data if d.included),
        referenced=tuple(d.path for d in data if not d.included),
    )


def _describe(path: str) -> str:
    suffixes = {
        ".pdf": "figure (PDF)",
        ".png": "figure (PNG)",
        ".svg": "figure (SVG)",
        ".provenance.md": "provenance table (Markdown)",
        ".provenance.tex": "provenance table (LaTeX)",
        ".provenance.csv": "provenance table (CSV)",
        ".provenance.json": "provenance report (JSON)",
        ".bib": "BibTeX of the works cited",
        ".yaml": "figure recipe",
        "manifest.json": "build manifest: environment, recipe digests, input and output sha256",
        "files.csv": "every upstream data file with sha256, URL, licence and inclusion",
        "README.md": "what the archive holds; licences of the data",
    }
    for suffix, text in suffixes.items():
        if path.endswith(suffix):
            return text
    return "archive file"


def _write_zip(out: Path, members: dict[str, bytes]) -> None:
    """Write ``members`` to a ZIP beside ``out``, then rename: all or nothing."""
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
    try:
        with os.fdopen(fd, "wb") as handle, zipfile.ZipFile(handle, "w") as archive:
            for name in sorted(members):
                info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                info.create_system = 3
                archive.writestr(info, members[name], compresslevel=9)
        Path(tmp).chmod(0o644)
        Path(tmp).replace(out)
    except OSError as err:
        Path(tmp).unlink(missing_ok=True)
        msg = f"{out}: cannot write the archive ({err.strerror or err}); nothing was written"
        raise ExportError(msg) from err
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def __dir__() -> list[str]:
    return __all__
