"""Recipes: validated declarative figure specifications, and their resolution.

A recipe (YAML, ``schemas/1.0.0/recipe.json``) names a plane, axis ranges and
scales, the layers (catalogue ids or derived curves), label placement,
annotations and the output name. :func:`resolve_recipe` turns it into a
:class:`~dmsummary.recipes.model.Figure`: curves converted to the axis display
units, derived curves computed through :mod:`dmsummary.recipes.translations`,
each layer carrying its provenance. Errors name the recipe file, the layer and
the field.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dmsummary.exceptions import DMSummaryError, EntryNotFound, RecipeError
from dmsummary.recipes.model import (
    Annotation,
    AxisSpec,
    Band,
    Figure,
    Layer,
    LayerProvenance,
    Unavailable,
)

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    from dmsummary.catalogue import Catalogue, Curve, Plane

    FloatArray = npt.NDArray[np.float64]

__all__ = ["Recipe", "builtin_recipe_dir", "builtin_recipes", "load_recipe", "resolve_recipe"]

MAX_RECIPE_BYTES = 256 * 1024


def builtin_recipe_dir() -> Path:
    """Return the directory of the built-in recipes (package data)."""
    return Path(str(resources.files("dmsummary.recipes") / "builtin"))


def builtin_recipes() -> list[str]:
    """Return the ids of the built-in recipes, sorted (e.g. ``espp2026/higgs-portal-scalar``)."""
    base = builtin_recipe_dir()
    return sorted(p.relative_to(base).with_suffix("").as_posix() for p in base.rglob("*.yaml"))


def _canonical_digest(doc: Any) -> str:
    text = json.dumps(
        doc, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    )
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Recipe:
    """A validated recipe document.

    Attributes
    ----------
    id : str
        Recipe id (``espp2026/higgs-portal-majorana``).
    spec : Mapping
        The validated document.
    path : pathlib.Path or None
        File it was read from.
    digest : str
        ``sha256:<hex>`` of the canonical JSON of the document.
    """

    id: str
    spec: Mapping[str, Any] = field(repr=False)
    path: Path | None = field(default=None, repr=False)
    digest: str = ""

    @classmethod
    def from_mapping(cls, doc: Any, *, where: str, path: Path | None = None) -> Recipe:
        """Validate a parsed recipe against the recipe schema.

        Parameters
        ----------
        doc : Any
            Parsed YAML.
        where : str
            File name for messages.
        path : pathlib.Path, optional
            Source file.

        Returns
        -------
        Recipe
            The validated recipe.

        Raises
        ------
        RecipeError
            Listing every schema problem with its field path.
        """
        from dmsummary.schema import schema_errors

        if not isinstance(doc, dict):
            msg = f"{where}: a recipe must be a YAML mapping, found {type(doc).__name__}"
            raise RecipeError(msg)
        problems = schema_errors(doc, "recipe")
        if problems:
            lines = "\n".join(f"  - {f}: {m}" for f, m in problems)
            msg = f"{where} (recipe {doc.get('id', '?')!r}) does not match the recipe schema:\n{lines}"
            raise RecipeError(msg)
        return cls(id=doc["id"], spec=doc, path=path, digest=_canonical_digest(doc))

    @classmethod
    def from_file(cls, path: Path) -> Recipe:
        """Read (safe YAML only) and validate a recipe file.

        Parameters
        ----------
        path : pathlib.Path
            The recipe file.

        Returns
        -------
        Recipe
            The validated recipe.

        Raises
        ------
        RecipeError
            If the file is unreadable, too large, not safe YAML or invalid.
        """
        from dmsummary.catalogue.entry import read_yaml_safely
        from dmsummary.exceptions import InvalidEntry

        where = str(path)
        try:
            raw = path.read_bytes()
        except OSError as err:
            msg = f"{where}: cannot read the recipe ({err.strerror})"
            raise RecipeError(msg) from err
        if len(raw) > MAX_RECIPE_BYTES:
            msg = f"{where}: {len(raw)} bytes is too large for a recipe (max {MAX_RECIPE_BYTES})"
            raise RecipeError(msg)
        try:
            doc = read_yaml_safely(raw.decode("utf-8"), where=where)
        except UnicodeDecodeError as err:
            msg = f"{where}: recipes must be UTF-8 text"
            raise RecipeError(msg) from err
        except InvalidEntry as err:
            raise RecipeError(str(err)) from err
        return cls.from_mapping(doc, where=where, path=path)

    @property
    def where(self) -> str:
        """Recipe file (or id) for messages."""
        return str(self.path) if self.path is not None else f"<recipe {self.id}>"


def load_recipe(name: str | Path) -> Recipe:
    """Load a built-in recipe by id, or a recipe file by path.

    Parameters
    ----------
    name : str or pathlib.Path
        A built-in id (``espp2026/higgs-portal-majorana``) or a path to a YAML file.

    Returns
    -------
    Recipe
        The validated recipe.

    Raises
    ------
    RecipeError
        If neither a built-in recipe nor a file has that name (with suggestions).
    """
    text = str(name)
    if text in builtin_recipes():
        return Recipe.from_file(builtin_recipe_dir() / f"{text}.yaml")
    path = Path(text)
    if path.is_file():
        return Recipe.from_file(path)
    close = difflib.get_close_matches(text, builtin_recipes(), n=4, cutoff=0.4)
    hint = f"; did you mean {', '.join(close)}?" if close else ""
    msg = f"no built-in recipe and no file called {text!r}{hint} (built-in: {', '.join(builtin_recipes())})"
    raise RecipeError(msg)


# --------------------------------------------------------------------------- resolution


def _axis(spec: Mapping[str, Any], plane_axis: Any, *, where: str) -> tuple[AxisSpec, float]:
    from dmsummary.exceptions import UnitError
    from dmsummary.units import format_unit, require_dimension

    unit = str(spec.get("unit", plane_axis.unit))
    try:
        factor = require_dimension(unit, plane_axis.dimension, where=f"{where}.unit")
    except UnitError as err:
        raise RecipeError(str(err)) from err
    lo, hi = (float(v) for v in spec["range"])
    scale = str(spec.get("scale", "log"))
    if not lo < hi or (scale == "log" and lo <= 0):
        msg = f"{where}.range: {[lo, hi]} must be increasing (and positive on a log axis)"
        raise RecipeError(msg)
    name = str(spec.get("label", plane_axis.label))
    shown_unit = "" if unit in {"", "dimensionless", "1"} else f" [{format_unit(unit)}]"
    return AxisSpec(label=f"{name}{shown_unit}", unit=unit, range=(lo, hi), scale=scale), factor


def _split_finite(x: FloatArray, y: FloatArray) -> list[tuple[FloatArray, FloatArray]]:
    """Split (x, y) at non-finite y (e.g. a translation's NaN outside its domain)."""
    import numpy as np

    good = np.isfinite(y) & (y > 0)
    pieces: list[tuple[FloatArray, FloatArray]] = []
    start = None
    for i, ok in enumerate([*good.tolist(), False]):
        if ok and start is None:
            start = i
        elif not ok and start is not None:
            if i - start >= 2:
                pieces.append((x[start:i], y[start:i]))
            start = None
    return pieces


def _in_view(segments: Sequence[tuple[FloatArray, FloatArray]], x: AxisSpec, y: AxisSpec) -> bool:
    import numpy as np

    for xs, ys in segments:
        inside = (xs >= x.range[0]) & (xs <= x.range[1]) & (ys >= y.range[0]) & (ys <= y.range[1])
        if np.any(inside):
            return True
    return False


def _catalogue_get(catalogue: Catalogue, ident: str, *, where: str) -> Any:
    """Return the entry ``ident``; warn (with the successor's id) when it is superseded."""
    import warnings

    from dmsummary.exceptions import SupersededEntryWarning

    try:
        entry = catalogue.get(ident)
    except EntryNotFound as err:
        msg = f"{where}: {err}"
        raise RecipeError(msg) from err
    successors = catalogue.successors(entry.id)
    if successors:
        msg = (
            f"{where}: entry {entry.id!r} is superseded by {', '.join(successors)}; the figure "
            f"still draws {entry.id!r} — replace it in the recipe unless the older result is "
            "wanted on purpose"
        )
        warnings.warn(SupersededEntryWarning(msg), stacklevel=3)
    return entry


def _check_parameter(allowed: tuple[Any, ...], value: Any, *, where: str) -> None:
    """Check a translation parameter against its choices or its open (low, high) interval."""
    if allowed and all(isinstance(a, str) for a in allowed):
        if value not in allowed:
            msg = f"{where}: {value!r} is not one of {list(allowed)}"
            raise RecipeError(msg)
    elif allowed:
        low, high = allowed
        if isinstance(value, bool) or not isinstance(value, int | float) or not low < value < high:
            msg = f"{where}: {value!r} is outside the domain ({low}, {high}) of this parameter"
            raise RecipeError(msg)


def _derived_layer(
    spec: Mapping[str, Any],
    catalogue: Catalogue,
    plane: Plane,
    fx: float,
    fy: float,
    *,
    where: str,
) -> tuple[list[tuple[FloatArray, FloatArray]], Band | None, LayerProvenance, Any]:
    import numpy as np

    from dmsummary.recipes.translations import TRANSLATIONS

    name = spec["translation"]
    if name not in TRANSLATIONS:
        msg = f"{where}.translation: unknown translation {name!r}; available: {', '.join(sorted(TRANSLATIONS))}"
        raise RecipeError(msg)
    tr = TRANSLATIONS[name]
    if tr.output_plane != plane.name:
        msg = f"{where}.translation: {name} produces plane {tr.output_plane!r}, but the recipe draws {plane.name!r}"
        raise RecipeError(msg)
    given = dict(spec["inputs"])
    if set(given) != set(tr.inputs):
        msg = f"{where}.inputs: {name} needs exactly the inputs {sorted(tr.inputs)}, got {sorted(given)}"
        raise RecipeError(msg)
    curves: dict[str, Curve] = {}
    parents = []
    first_entry = None
    for key, ident in sorted(given.items()):
        entry = _catalogue_get(catalogue, ident, where=f"{where}.inputs.{key}")
        if entry.plane.name not in tr.inputs[key]:
            wanted = " or ".join(repr(p) for p in tr.inputs[key])
            msg = (
                f"{where}.inputs.{key}: entry {ident!r} is on plane {entry.plane.name!r}, but "
                f"{name} needs plane {wanted}"
            )
            raise RecipeError(msg)
        curves[key] = catalogue.curve(ident)
        parents.append(LayerProvenance(entry=entry))
        first_entry = first_entry or entry
    params = dict(spec.get("parameters", {}))
    for key, value in params.items():
        if key not in tr.parameters:
            msg = f"{where}.parameters.{key}: {name} takes no parameter {key!r}; it takes {sorted(tr.parameters)}"
            raise RecipeError(msg)
        _check_parameter(tr.parameters[key], value, where=f"{where}.parameters.{key}")
    missing = [k for k in tr.required if k not in params]
    if missing:
        msg = f"{where}.parameters: {name} needs {missing} (explicit conventions are required)"
        raise RecipeError(msg)
    if "grid" in spec:
        grid_spec = dict(spec["grid"])
        lo, hi = (float(v) for v in grid_spec["range"])
        n = int(grid_spec["points"])
        scale = grid_spec.get("scale", "log")
        grids = [np.geomspace(lo, hi, n) if scale == "log" else np.linspace(lo, hi, n)]
    elif tr.grid_from is not None:
        grid_spec = {"from": f"x values of input {tr.grid_from!r}"}
        grids = [
            (x if tr.grid_map is None else tr.grid_map(x, params)) / fx
            for x, _ in curves[tr.grid_from].segments
        ]
    else:
        msg = f"{where}.grid: {name} needs a grid (range, points) on the x axis"
        raise RecipeError(msg)

    def evaluate(p: Mapping[str, Any], grid: FloatArray) -> FloatArray:
        try:
            return tr.compute(grid * fx, curves, p) / fy
        except DMSummaryError as err:
            msg = f"{where}: translation {name} failed: {err}"
            raise RecipeError(msg) from err

    segments = [piece for grid in grids for piece in _split_finite(grid, evaluate(params, grid))]
    band = None
    if "band" in spec:
        b = spec["band"]
        if b["parameter"] not in tr.parameters:
            msg = f"{where}.band.parameter: {name} takes no parameter {b['parameter']!r}"
            raise RecipeError(msg)
        for v in b["values"]:
            _check_parameter(tr.parameters[b["parameter"]], v, where=f"{where}.band.values")
        grid = np.concatenate(grids)
        edges = [evaluate({**params, b["parameter"]: v}, grid) for v in b["values"]]
        low, high = np.fmin(edges[0], edges[1]), np.fmax(edges[0], edges[1])
        ok = np.isfinite(low) & np.isfinite(high)
        band = Band(x=grid[ok], low=low[ok], high=high[ok], description=str(b["description"]))
    recorded = {**params, "grid": grid_spec}
    if "band" in spec:
        recorded["band"] = dict(spec["band"])
    provenance = LayerProvenance(
        translation=name,
        parameters=recorded,
        convention=None
        if tr.convention_parameter is None
        else params.get(tr.convention_parameter),
        parents=tuple(parents),
        description=tr.summary,
    )
    return segments, band, provenance, first_entry


def resolve_recipe(recipe: Recipe, catalogue: Catalogue | None = None) -> Figure:
    """Resolve a recipe into a :class:`Figure` (numbers in display units, full provenance).

    Parameters
    ----------
    recipe : Recipe
        The validated recipe.
    catalogue : Catalogue, optional
        The catalogue to take curves from (default: :func:`dmsummary.load_catalogue`).

    Returns
    -------
    Figure
        The drawable, provenanced figure model.

    Raises
    ------
    RecipeError
        Unknown plane, unknown entry (with close ids), plane mismatch, unknown translation
        or parameter, axis unit of the wrong dimension, a layer with no data in view.
    DMSummaryError
        Data problems of an entry (missing file, hash mismatch, ...), naming the entry.
    """
    from dmsummary.catalogue import get_plane, load_catalogue
    from dmsummary.exceptions import InvalidEntry

    spec = recipe.spec
    where = recipe.where
    try:
        plane = get_plane(spec["plane"], where=f"{where}: plane")
    except InvalidEntry as err:
        raise RecipeError(str(err)) from err
    cat = catalogue if catalogue is not None else load_catalogue()
    x_axis, fx = _axis(spec["x"], plane.x, where=f"{where}: x")
    y_axis, fy = _axis(spec["y"], plane.y, where=f"{where}: y")
    layers: list[Layer] = []
    seen: set[str] = set()
    for i, lspec in enumerate(spec["layers"]):
        lwhere = f"{where}: layers[{i}]"
        band = None
        if "entry" in lspec:
            entry = _catalogue_get(cat, lspec["entry"], where=f"{lwhere}.entry")
            if entry.plane.name != plane.name:
                msg = (
                    f"{lwhere}.entry: {entry.id!r} is on plane {entry.plane.name!r}, but the recipe "
                    f"draws plane {plane.name!r}; choose an entry of plane {plane.name!r}"
                )
                raise RecipeError(msg)
            curve = cat.curve(entry.id)
            segments = [(x / fx, y / fy) for x, y in curve.segments]
            provenance = LayerProvenance(entry=entry)
            layer_id, source = entry.id, entry
        else:
            dspec = lspec["derived"]
            segments, band, provenance, source = _derived_layer(
                dspec, cat, plane, fx, fy, where=f"{lwhere}.derived"
            )
            layer_id = dspec["id"]
        if layer_id in seen:
            msg = f"{lwhere}: layer id {layer_id!r} appears twice in the recipe"
            raise RecipeError(msg)
        seen.add(layer_id)
        if not segments or not _in_view(segments, x_axis, y_axis):
            msg = (
                f"{lwhere} ({layer_id}): no data in view of the axes "
                f"(x {x_axis.range} {x_axis.unit}, y {y_axis.range} {y_axis.unit}); widen the "
                "axis ranges or remove the layer"
            )
            raise RecipeError(msg)
        label = str(lspec.get("label", source.label if "entry" in lspec else layer_id))
        label_at = tuple(float(v) for v in lspec["label_at"]) if "label_at" in lspec else None
        layers.append(
            Layer(
                id=layer_id,
                label=label,
                role=str(lspec["role"]),
                status=source.status,
                cl=source.cl,
                kind="contour" if source.kind == "contour" else "curve",
                segments=tuple(segments),
                provenance=provenance,
                band=band,
                fill=str(lspec.get("fill", "none")),
                label_at=label_at,  # type: ignore[arg-type]
                style=dict(lspec.get("style", {})),
            )
        )
    annotations = [
        Annotation(
            text=a["text"],
            position=(a["position"][0], a["position"][1]),
            align=a.get("align", "left"),
        )
        for a in spec.get("annotations", [])
    ]
    cl_roles: dict[float, set[str]] = {}
    for layer in layers:
        if layer.cl is not None:
            cl_roles.setdefault(layer.cl, set()).add(layer.role.replace("-", " "))
    if spec.get("cl_note", True) and len(cl_roles) > 1:
        text = "; ".join(
            f"{100 * cl:g}% CL: {', '.join(sorted(roles))}"
            for cl, roles in sorted(cl_roles.items())
        )
        annotations.append(Annotation(text=text, position=(0.98, 0.02), align="right"))
    unavailable = tuple(
        Unavailable(label=u["label"], reason=u["reason"], reference=u.get("reference", ""))
        for u in spec.get("unavailable", [])
    )
    if any(not math.isfinite(v) for v in (*x_axis.range, *y_axis.range)):
        msg = f"{where}: axis ranges must be finite"
        raise RecipeError(msg)
    return Figure(
        recipe_id=recipe.id,
        title=str(spec["title"]),
        plane=plane.name,
        x=x_axis,
        y=y_axis,
        layers=tuple(layers),
        annotations=tuple(annotations),
        legend=str(spec.get("legend", "inline")),
        size=str(spec.get("size", "single")),
        unavailable=unavailable,
        recipe_digest=recipe.digest,
        output=str(spec.get("output", recipe.id.rsplit("/", 1)[-1])),
        show_title=bool(spec.get("show_title", False)),
    )


def __dir__() -> list[str]:
    return __all__
