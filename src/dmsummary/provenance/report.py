"""The provenance report of a figure: one row per curve drawn, plus the figure's facts.

:func:`provenance_report` turns a resolved :class:`~dmsummary.recipes.model.Figure` into a
:class:`ProvenanceReport`: plain, frozen data with no formatting. The writers
(:meth:`ProvenanceReport.to_markdown`, ``to_latex``, ``to_csv``, ``to_json`` and
:meth:`ProvenanceReport.write`) live in :mod:`dmsummary.provenance.writers`.

Every field is read from the catalogue entries (``Entry.spec``) and the figure model; the
report never invents a value. An empty string means "not stated in the catalogue".
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from dmsummary.catalogue.citation import bibtex_key, reference_line
from dmsummary.provenance.cite import figure_bibtex, figure_cite_keys

if TYPE_CHECKING:
    from dmsummary.catalogue import Entry
    from dmsummary.recipes.model import AxisSpec, Figure, Layer, LayerProvenance, Unavailable

__all__ = [
    "ORIGINS",
    "DerivationStep",
    "ProvenanceReport",
    "ProvenanceRow",
    "format_cl",
    "format_parameter",
    "provenance_report",
    "writer_info",
]

ORIGINS: Mapping[str, str] = MappingProxyType(
    {
        "data-release": "data release",
        "hepdata": "HEPData",
        "digitised": "digitised",
        "computed": "computed",
        "unknown": "unknown",
    }
)
"""Display names of the catalogue ``origin`` values."""


# --------------------------------------------------------------------------- formatting
def format_cl(cl: float | None) -> str:
    """Return a confidence level as a percentage, e.g. ``"90 %"`` (empty for None).

    Parameters
    ----------
    cl : float or None
        Confidence level as a fraction.

    Returns
    -------
    str
        ``"90 %"``, ``"95 %"``, ``"68.3 %"``; ``""`` when ``cl`` is None.
    """
    return "" if cl is None else f"{round(cl * 100, 6):g} %"


def format_parameter(value: Any) -> str:
    """Return a translation parameter as compact text.

    Parameters
    ----------
    value : Any
        A plain recipe value: number, string, bool, None, a two-element range, or a mapping
        ``{value, range}`` / ``{value, low, high}`` (a central value with its band).

    Returns
    -------
    str
        E.g. ``"0.308"``, ``"fermion"``, ``"[0.29–0.326]"``, ``"0.308 [0.29–0.326]"``.
    """
    if value is None:
        return "none"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, Mapping):
        if "value" in value:
            text = format_parameter(value["value"])
            band = value.get("range", value.get("band"))
            if band is None and "low" in value and "high" in value:
                band = (value["low"], value["high"])
            if band is not None:
                text += " " + format_parameter(band)
            if value.get("unit"):
                text += f" {value['unit']}"
            return text
        inner = ", ".join(f"{k}={format_parameter(v)}" for k, v in value.items())
        return "{" + inner + "}"
    if isinstance(value, Sequence) and not isinstance(value, str):
        items = [format_parameter(v) for v in value]
        return "[" + ("–".join(items) if len(items) == 2 else ", ".join(items)) + "]"
    return str(value)


def _join(values: Iterable[str]) -> str:
    """Distinct non-empty values in order, joined by ``"; "``."""
    out: list[str] = []
    for value in values:
        if value and value not in out:
            out.append(value)
    return "; ".join(out)


def _reference(ref: Mapping[str, Any]) -> str:
    """ArXiv / journal / DOI (/ Zenodo) as one line; else the free-text citation or URL."""
    main = reference_line({k: ref[k] for k in ("arxiv", "journal", "doi") if k in ref})
    if "zenodo" in ref:
        main = _join([main, f"Zenodo {ref['zenodo']}"])
    return main or str(ref.get("citation", "")) or str(ref.get("url", ""))


def _primary_reference(ref: Mapping[str, Any]) -> str:
    """Return the single most specific handle of a work (for derivation chains)."""
    if "arxiv" in ref:
        return f"arXiv:{ref['arxiv']}"
    if "doi" in ref:
        return f"doi:{ref['doi']}"
    return str(ref.get("journal", ref.get("citation", "")))


_POINT_SYMBOLS = {"br-hinv": "BR(H→inv)"}


def _value_text(spec: Mapping[str, Any]) -> str:
    """``"BR < 0.107"`` for a value entry (a single number), ``""`` for a curve."""
    value = spec.get("value")
    point = spec.get("data", {}).get("point") if isinstance(spec.get("data"), Mapping) else None
    if value is None and point is not None:  # a ``kind: point`` entry (schema 1.0.0)
        unit = str(point.get("y_unit", ""))
        value = {
            "value": point["y"],
            "quantity": _POINT_SYMBOLS.get(str(spec.get("plane")), ""),
            "unit": unit,
        }
    if value is None:
        return ""
    name, unit, number = "", "", value
    if isinstance(value, Mapping):
        number = value.get("value")
        name = str(value.get("symbol", value.get("quantity", value.get("name", ""))))
        unit = str(value.get("unit", ""))
    op = {"upper-limit": "<", "lower-limit": ">"}.get(str(spec.get("statistic", "")), "=")
    text = f"{name} {op} {format_parameter(number)}".strip()
    return f"{text} {unit}" if unit and unit != "dimensionless" else text


def _data(entry: Entry) -> Mapping[str, Any]:
    data = entry.spec.get("data")
    return data if isinstance(data, Mapping) else {}


def _source(entry: Entry) -> str:
    source = entry.spec.get("source")
    if not isinstance(source, Mapping) or "repo" not in source:
        return ""
    return f"{source['repo']}@{source.get('commit', '')}:{source.get('path', '')}"


def _thaw(value: Any) -> Any:
    """Plain JSON-ready copy of read-only spec values."""
    if isinstance(value, Mapping):
        return {str(k): _thaw(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_thaw(v) for v in value]
    return value


# --------------------------------------------------------------------------- data model
@dataclass(frozen=True, slots=True)
class DerivationStep:
    """One node of a derivation chain: a translation, or a catalogue input.

    Attributes
    ----------
    entry : str or None
        Catalogue id of this node (a curve or value input), else None.
    summary : str
        This node alone: ``"atlas-2023-hinv-br (BR < 0.107, 95 % CL, arXiv:2301.10731)"``
        or ``"higgs_portal.sigma_si_from_br_inv(kind=fermion, convention=self-conjugate)"``.
    translation : str or None
        Dotted name of the translation, else None.
    parameters : Mapping
        Translation parameters as written in the recipe (plain values).
    convention : str or None
        Named convention, if any.
    description : str
        The recipe's one-line description (may be empty).
    parents : tuple of DerivationStep
        The inputs.
    """

    entry: str | None
    summary: str
    translation: str | None = None
    parameters: Mapping[str, Any] = field(default_factory=dict)
    convention: str | None = None
    description: str = ""
    parents: tuple[DerivationStep, ...] = ()

    @property
    def text(self) -> str:
        """The whole chain on one line: ``summary ← parent`` (``+`` between parents)."""
        if not self.parents:
            return self.summary
        parts = [f"({p.text})" if p.parents else p.text for p in self.parents]
        return f"{self.summary} ← {' + '.join(parts)}"

    def to_dict(self) -> dict[str, Any]:
        """Return the chain as plain JSON data (recursively)."""
        return {
            "entry": self.entry,
            "summary": self.summary,
            "translation": self.translation,
            "parameters": _thaw(self.parameters),
            "convention": self.convention,
            "description": self.description,
            "parents": [p.to_dict() for p in self.parents],
        }


@dataclass(frozen=True, slots=True)
class ProvenanceRow:
    """Provenance of one curve drawn (one figure layer).

    For a derived layer the catalogue fields (experiment, reference, URL, sha256, …) are
    those of its inputs, distinct values joined by ``"; "``; status and CL are the layer's.

    Attributes
    ----------
    index : int
        Drawing order, from 1.
    layer, label, role, kind : str
        Layer id, label shown, role and ``curve``/``contour``.
    experiment, status : str
        Experiment(s); observed | expected | projection | target | theory.
    cl : float or None
        Confidence level (fraction) of the layer as drawn.
    statistic, reference, figure, hepdata : str
        Statistic; arXiv/journal/DOI line; figure or table; HEPData record.
    origin : str
        data release | HEPData | digitised | computed | unknown (``computed`` for layers
        derived by a translation).
    url, sha256, licence, source : str
        Upstream file URL(s), pinned sha256(s), licence(s), ``repo@commit:path``.
    derivation : DerivationStep or None
        The chain of a derived layer, else None.
    band : str
        Description of the shaded band, if any.
    entries : tuple of str
        Catalogue ids the layer depends on (itself and its ancestors).
    cite_keys : tuple of str
        BibTeX keys of the works behind the layer (as in the figure's ``.bib``).
    """

    index: int
    layer: str
    label: str
    role: str
    kind: str
    experiment: str
    status: str
    cl: float | None
    statistic: str
    reference: str
    figure: str
    hepdata: str
    origin: str
    url: str
    sha256: str
    licence: str
    source: str
    derivation: DerivationStep | None
    band: str
    entries: tuple[str, ...]
    cite_keys: tuple[str, ...]

    @property
    def chain(self) -> str:
        """The derivation chain on one line (empty for catalogue layers)."""
        return "" if self.derivation is None else self.derivation.text

    def to_dict(self) -> dict[str, Any]:
        """Return the row as plain JSON data."""
        return {
            "index": self.index,
            "layer": self.layer,
            "label": self.label,
            "role": self.role,
            "kind": self.kind,
            "experiment": self.experiment,
            "status": self.status,
            "cl": self.cl,
            "statistic": self.statistic,
            "reference": self.reference,
            "figure": self.figure,
            "hepdata": self.hepdata,
            "origin": self.origin,
            "url": self.url,
            "sha256": self.sha256,
            "licence": self.licence,
            "source": self.source,
            "chain": self.chain,
            "derivation": None if self.derivation is None else self.derivation.to_dict(),
            "band": self.band,
            "entries": list(self.entries),
            "cite_keys": list(self.cite_keys),
        }


@dataclass(frozen=True, slots=True)
class ProvenanceReport:
    """Everything a reader needs to trace and cite a figure.

    Build with :func:`provenance_report`.

    Attributes
    ----------
    recipe_id, title, recipe_digest, output : str
        From the figure (``recipe_digest`` is ``sha256:<hex>``).
    plane : str
        Plane name.
    x, y : AxisSpec
        The axes (label, display unit, range, scale).
    rows : tuple of ProvenanceRow
        One per curve drawn, in drawing order.
    unavailable : tuple of Unavailable
        Curves of the published figure that are not drawn, with the reason.
    cls : tuple of float
        Distinct confidence levels drawn.
    cl_note : str
        The CL-mixing statement, or ``""`` when all layers share one CL.
    cite_keys : tuple of str
        BibTeX keys of every work drawn (drawing order), without dmsummary's.
    bibtex : str
        The figure's BibTeX (:func:`~dmsummary.provenance.figure_bibtex`).
    entries : Mapping
        Catalogue id → selected entry metadata (title, year, reference, data, source,
        digitisation, licence, notes) as plain data.
    writer_info : Mapping
        ``{"dmsummary", "python", "numpy"}`` versions (no time, no host).
    """

    recipe_id: str
    title: str
    recipe_digest: str
    output: str
    plane: str
    x: AxisSpec
    y: AxisSpec
    rows: tuple[ProvenanceRow, ...]
    unavailable: tuple[Unavailable, ...]
    cls: tuple[float, ...]
    cl_note: str
    cite_keys: tuple[str, ...]
    bibtex: str
    entries: Mapping[str, Any]
    writer_info: Mapping[str, str]

    def to_dict(self) -> dict[str, Any]:
        """Return the whole report as plain JSON data (what :meth:`to_json` writes)."""
        from dmsummary.provenance.writers import report_dict

        return report_dict(self)

    def to_markdown(self) -> str:
        """Return the report as Markdown (see :func:`~dmsummary.provenance.writers.to_markdown`)."""
        from dmsummary.provenance.writers import to_markdown

        return to_markdown(self)

    def to_latex(self) -> str:
        """Return the report as a LaTeX ``longtable`` (see ``writers.to_latex``)."""
        from dmsummary.provenance.writers import to_latex

        return to_latex(self)

    def to_csv(self) -> str:
        """Return the rows as RFC 4180 CSV (see ``writers.to_csv``)."""
        from dmsummary.provenance.writers import to_csv

        return to_csv(self)

    def to_json(self) -> str:
        """Return the report as canonical JSON (see ``writers.to_json``)."""
        from dmsummary.provenance.writers import to_json

        return to_json(self)

    def write(
        self,
        directory: Path | str,
        formats: Sequence[str] = ("md", "tex", "csv", "json", "bib"),
    ) -> tuple[Path, ...]:
        """Write ``<output>.provenance.<ext>`` and ``<output>.bib`` atomically.

        Parameters
        ----------
        directory : path
            Target directory (created if missing).
        formats : sequence of str
            Any of ``md``, ``tex``, ``csv``, ``json``, ``bib``.

        Returns
        -------
        tuple of pathlib.Path
            The files written, in the order of ``formats``.

        Raises
        ------
        ValueError
            An unknown format.
        RecipeError
            The figure's ``output`` is not a plain file name.
        """
        from dmsummary.provenance.writers import write

        return write(self, directory, formats)


# --------------------------------------------------------------------------- building
def _entry_step(entry: Entry) -> DerivationStep:
    spec = entry.spec
    details = [
        _value_text(spec),
        "" if entry.cl is None else f"{format_cl(entry.cl)} CL",
        _primary_reference(entry.reference),
    ]
    inner = ", ".join(d for d in details if d)
    return DerivationStep(entry=entry.id, summary=f"{entry.id} ({inner})" if inner else entry.id)


def _step(prov: LayerProvenance) -> DerivationStep:
    """Return the derivation tree of a layer provenance."""
    if prov.translation is None:
        if prov.entry is not None and not prov.parents:
            return _entry_step(prov.entry)
        summary = prov.entry.id if prov.entry is not None else (prov.description or "input")
        parents = tuple(_step(p) for p in prov.parents)
        return DerivationStep(
            entry=None if prov.entry is None else prov.entry.id,
            summary=summary,
            description=prov.description,
            parents=parents,
        )
    args = [f"{k}={format_parameter(v)}" for k, v in prov.parameters.items()]
    if prov.convention is not None:
        args.append(f"convention={prov.convention}")
    return DerivationStep(
        entry=None if prov.entry is None else prov.entry.id,
        summary=f"{prov.translation}({', '.join(args)})",
        translation=prov.translation,
        parameters=MappingProxyType(dict(prov.parameters)),
        convention=prov.convention,
        description=prov.description,
        parents=tuple(_step(p) for p in prov.parents),
    )


def _row(index: int, layer: Layer) -> ProvenanceRow:
    prov = layer.provenance
    entries = prov.entries
    derived = prov.translation is not None or bool(prov.parents)
    refs = [e.reference for e in entries]
    if prov.translation is not None:
        origin = "computed"
    else:
        origin = _join(ORIGINS.get(str(e.spec.get("origin")), "unknown") for e in entries)
    return ProvenanceRow(
        index=index,
        layer=layer.id,
        label=layer.label,
        role=layer.role,
        kind=layer.kind,
        experiment=_join(str(e.spec.get("experiment", "")) for e in entries),
        status=layer.status,
        cl=layer.cl,
        statistic=_join(str(e.spec.get("statistic", "")) for e in entries),
        reference=_join(_reference(r) for r in refs),
        figure=_join(str(r.get("figure", "")) for r in refs),
        hepdata=_join(str(r.get("hepdata", "")) for r in refs),
        origin=origin,
        url=_join(str(_data(e).get("url", "") or e.reference.get("url", "")) for e in entries),
        sha256=_join(str(_data(e).get("sha256", "")) for e in entries),
        licence=_join(str(e.spec.get("licence", "")) for e in entries),
        source=_join(_source(e) for e in entries),
        derivation=_step(prov) if derived else None,
        band="" if layer.band is None else layer.band.description,
        entries=tuple(e.id for e in entries),
        cite_keys=tuple(dict.fromkeys(bibtex_key(e) for e in entries)),
    )


def _cl_note(layers: Sequence[Layer]) -> str:
    """Return the CL-mixing statement (empty when at most one CL is drawn)."""
    by_cl: dict[float, list[str]] = {}
    for layer in layers:
        if layer.cl is not None:
            roles = by_cl.setdefault(layer.cl, [])
            role = layer.role.replace("-", " ")
            if role not in roles:
                roles.append(role)
    if len(by_cl) < 2:
        return ""
    parts = [f"{format_cl(cl)} CL ({', '.join(by_cl[cl])})" for cl in sorted(by_cl)]
    listed = ", ".join(parts[:-1]) + " and " + parts[-1]
    return f"This figure mixes {listed} limits; they are not converted."


def _entry_metadata(entry: Entry) -> dict[str, Any]:
    keys = (
        "label",
        "title",
        "experiment",
        "year",
        "status",
        "cl",
        "statistic",
        "value",
        "reference",
        "data",
        "licence",
        "source",
        "origin",
        "digitisation",
        "supersedes",
        "notes",
    )
    meta = {key: _thaw(entry.spec[key]) for key in keys if key in entry.spec}
    meta["bibtex_key"] = bibtex_key(entry)
    return meta


def writer_info() -> dict[str, str]:
    """Return the versions that wrote a report (deterministic for an environment).

    Returns
    -------
    dict
        ``{"dmsummary": …, "python": …, "numpy": …}``; no time stamp, no host name.
    """
    import platform

    import numpy as np

    from dmsummary import __version__

    return {"dmsummary": __version__, "python": platform.python_version(), "numpy": np.__version__}


def provenance_report(figure: Figure) -> ProvenanceReport:
    """Build the provenance report of a resolved figure.

    Parameters
    ----------
    figure : Figure
        The figure model (as drawn by the renderer).

    Returns
    -------
    ProvenanceReport
        One row per layer in drawing order, the unavailable curves, the CL-mixing note,
        the BibTeX and the writer info.
    """
    return ProvenanceReport(
        recipe_id=figure.recipe_id,
        title=figure.title,
        recipe_digest=figure.recipe_digest,
        output=figure.output,
        plane=figure.plane,
        x=figure.x,
        y=figure.y,
        rows=tuple(_row(i, layer) for i, layer in enumerate(figure.layers, start=1)),
        unavailable=figure.unavailable,
        cls=figure.cls,
        cl_note=_cl_note(figure.layers),
        cite_keys=figure_cite_keys(figure),
        bibtex=figure_bibtex(figure),
        entries=MappingProxyType({e.id: _entry_metadata(e) for e in figure.entries}),
        writer_info=MappingProxyType(writer_info()),
    )


def __dir__() -> list[str]:
    return __all__
