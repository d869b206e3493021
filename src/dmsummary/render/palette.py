"""Visual language: colour-blind-safe colours and line styles by role and status.

Pure Python (no matplotlib). The rules, in order of precedence:

1. ``Layer.style`` overrides (``color``, ``linestyle``, ``linewidth``, ``zorder``,
   ``alpha``) always win.
2. The **role** picks a colour family: collider curves take warm colours,
   direct detection and projections cool ones, indirect detection purples;
   ``neutrino-fog`` is always grey (filled below, italic label) and
   ``relic-target`` black.
3. Layers of the same **experiment family** share one colour (LZ, its
   predecessor LUX and the XLZD projection; XENONnT and DARWIN; DarkSide-50 and
   DarkSide-20k …), so a projection is dashed in the colour of the experiment
   that proposes it. A family listed in :data:`HOUSE_COLORS` keeps its house
   colour in **every** figure (LZ is always green, XENON always reddish purple,
   ATLAS always vermillion …), unless an earlier family of the same figure
   already holds that colour. Other families then take, in drawing order, the
   first colour of their role's list not used by any family of the figure.
4. The **status** picks the dash pattern: observed solid, expected dash-dotted,
   projection dashed, target and theory dotted.

All colours come from Okabe & Ito (2008) and Petroff (2021, arXiv:2107.02270),
both designed for colour-vision deficiencies; yellow is left out (too light on
white).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from dmsummary.recipes.model import Layer

__all__ = [
    "COLORS",
    "FOG_COLOR",
    "HOUSE_COLORS",
    "ROLE_COLORS",
    "STATUS_LINESTYLES",
    "LayerStyle",
    "assign_styles",
    "experiment_family",
]

COLORS: dict[str, str] = {
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "green": "#009E73",
    "orange": "#E69F00",
    "reddish-purple": "#CC79A7",
    "sky-blue": "#56B4E9",
    "violet": "#832DB6",
    "brown": "#A96B59",
    "red": "#BD1F01",
    "slate": "#717581",
    "black": "#000000",
    "indigo": "#332288",
    "teal": "#44AA99",
    "wine": "#882255",
    "purple": "#AA4499",
    "olive": "#999933",
}
"""The colour-blind-safe colours used, by name: Okabe & Ito (2008), Petroff (2021,
arXiv:2107.02270) and, for the last five, Tol's "muted" scheme (P. Tol, *Colour
schemes*, SRON/EPS/TN/09-002, 2021)."""

_C = COLORS
ROLE_COLORS: dict[str, tuple[str, ...]] = {
    "collider": (_C["vermillion"], _C["orange"], _C["red"], _C["brown"], _C["reddish-purple"]),
    "direct-detection": (
        _C["blue"],
        _C["green"],
        _C["reddish-purple"],
        _C["orange"],
        _C["sky-blue"],
        _C["violet"],
        _C["brown"],
        _C["vermillion"],
        _C["slate"],
        _C["teal"],
        _C["indigo"],
        _C["red"],
    ),
    "indirect": (
        _C["violet"],
        _C["reddish-purple"],
        _C["green"],
        _C["sky-blue"],
        _C["brown"],
        _C["blue"],
        _C["wine"],
        _C["teal"],
    ),
    "astrophysics": (_C["brown"], _C["slate"], _C["orange"], _C["green"], _C["olive"]),
    "theory": (_C["black"], _C["slate"], _C["brown"], _C["violet"]),
}
"""Ordered colour lists per role group (first unused colour wins)."""

_ROLE_GROUP = {
    "collider": "collider",
    "direct-detection": "direct-detection",
    "projection": "direct-detection",
    "indirect": "indirect",
    "astrophysics": "astrophysics",
    "target": "theory",
    "theory": "theory",
    "relic-target": "theory",
    "neutrino-fog": "theory",
}

FOG_COLOR: str = "#8C8C8C"
"""Boundary colour of the neutrino fog (its fill is a lighter grey)."""

_FOG_FILL: str = "#BDBDBD"
_FOG_LABEL: str = "#505050"

STATUS_LINESTYLES: dict[str, str | tuple[float, tuple[float, ...]]] = {
    "observed": "solid",
    "expected": (0.0, (5.0, 1.6, 1.2, 1.6)),
    "projection": (0.0, (3.6, 1.8)),
    "target": (0.0, (1.0, 1.4)),
    "theory": (0.0, (1.0, 1.4)),
}
"""Dash pattern per status (in units of the line width, matplotlib convention)."""

_STATUS_WIDTH = {
    "observed": 1.0,
    "expected": 0.9,
    "projection": 0.95,
    "target": 1.1,
    "theory": 1.1,
}

_FAMILIES: tuple[tuple[str, str], ...] = (
    ("XLZD", "LZ"),
    ("LUX", "LZ"),
    ("LZ", "LZ"),
    ("DARWIN", "XENON"),
    ("XENON", "XENON"),
    ("PANDAX", "PandaX"),
    ("DARKSIDE", "DarkSide"),
    ("DS-", "DarkSide"),
    ("SUPERCDMS", "SuperCDMS"),
    ("CDMS", "SuperCDMS"),
    ("CRESST", "CRESST"),
    ("EDELWEISS", "EDELWEISS"),
    ("DAMIC", "DAMIC"),
    ("OSCURA", "DAMIC"),
    ("SENSEI", "SENSEI"),
    ("PICO", "PICO"),
    ("DEAP", "DEAP"),
    ("ATLAS", "ATLAS"),
    ("CMS", "CMS"),
    ("FERMI", "Fermi-LAT"),
    ("H.E.S.S", "H.E.S.S."),
    ("HESS", "H.E.S.S."),
    ("FCC", "FCC"),
)

HOUSE_COLORS: dict[str, str] = {
    # direct detection (nuclear and electron recoils, absorption)
    "LZ": _C["green"],
    "XENON": _C["reddish-purple"],
    "PandaX": _C["sky-blue"],
    "DarkSide": _C["violet"],
    "ARGO": _C["slate"],
    "CRESST": _C["brown"],
    "SuperCDMS": _C["orange"],
    "SENSEI": _C["blue"],
    "DAMIC": _C["teal"],
    "EDELWEISS": _C["red"],
    "DarkSPHERE": _C["brown"],
    "PICO": _C["orange"],
    # colliders
    "ATLAS": _C["vermillion"],
    "CMS": _C["orange"],
    "ILC": _C["indigo"],
    "FCC": _C["blue"],
    # indirect detection
    "Fermi-LAT": _C["violet"],
    "H.E.S.S.": _C["wine"],
    "MAGIC": _C["reddish-purple"],
    "VERITAS": _C["green"],
    "HAWC": _C["sky-blue"],
    "LHAASO": _C["brown"],
    "CTA": _C["blue"],
}
"""House colour of each experiment family, the same in every figure of a set.

Families that never share a figure may share a colour (SuperCDMS and CMS are both
orange). Within a figure the first family in drawing order keeps a contested colour;
a recipe's ``style: {color: …}`` always wins (used, for example, to tell two analyses
of one experiment apart)."""


@dataclass(frozen=True, slots=True)
class LayerStyle:
    """How one layer is drawn.

    Attributes
    ----------
    color : str
        Line (and label) colour.
    linestyle : str or tuple
        Matplotlib line style.
    linewidth : float
        Line width in points.
    zorder : float
        Drawing order of the line (fills and bands sit below it).
    alpha : float
        Line opacity.
    fill_color : str
        Colour of a ``fill`` region.
    fill_alpha : float
        Opacity of a ``fill`` region.
    band_alpha : float
        Opacity of a :class:`~dmsummary.recipes.model.Band`.
    label_color : str
        Colour of the inline label.
    label_fontstyle : str
        ``"normal"`` or ``"italic"``.
    """

    color: str
    linestyle: Any
    linewidth: float
    zorder: float
    alpha: float
    fill_color: str
    fill_alpha: float
    band_alpha: float
    label_color: str
    label_fontstyle: str


def experiment_family(layer: Layer) -> str:
    """Return the key that decides a layer's colour.

    Parameters
    ----------
    layer : Layer
        The layer.

    Returns
    -------
    str
        The experiment family (``"XENON"`` for XENONnT and DARWIN, ``"LZ"`` for LZ,
        LUX and XLZD, …), the experiment name's first word for other experiments,
        or the layer id for theory curves and layers without a catalogue entry.
    """
    entries = layer.provenance.entries
    if not entries or layer.role in {"theory", "target", "relic-target"}:
        return f"id:{layer.id}"
    name = entries[0].experiment
    if name.strip().lower() in {"astrophysics", "theory", "cosmology"}:
        return f"id:{layer.id}"  # a field, not an experiment: each curve is its own family
    upper = name.upper()
    for prefix, family in _FAMILIES:
        if upper.startswith(prefix):
            return family
    return re.split(r"[\s(\-]", name.strip(), maxsplit=1)[0] or name


def _auto(layer: Layer) -> bool:
    """Whether a layer's colour comes from its family (not fixed by role or recipe)."""
    return layer.role not in {"neutrino-fog", "relic-target"} and "color" not in layer.style


def _family_colors(layers: Sequence[Layer]) -> dict[str, str]:
    """Family → colour: house colours first, then the first free colour of the role."""
    used = {str(ly.style["color"]).upper() for ly in layers if "color" in ly.style}
    families: dict[str, str] = {}  # family -> role group of its first layer
    for layer in layers:
        if _auto(layer):
            families.setdefault(
                experiment_family(layer), _ROLE_GROUP.get(layer.role, "direct-detection")
            )
    out: dict[str, str] = {}
    for family in families:
        house = HOUSE_COLORS.get(family)
        if house is not None and house.upper() not in used:
            out[family] = house
            used.add(house.upper())
    for family, group in families.items():
        if family in out:
            continue
        choices = ROLE_COLORS[group]
        free = [c for c in choices if c.upper() not in used]
        out[family] = free[0] if free else choices[len(out) % len(choices)]
        used.add(out[family].upper())
    return out


def assign_styles(layers: Sequence[Layer], *, linewidth: float = 1.3) -> dict[str, LayerStyle]:
    """Assign a stable :class:`LayerStyle` to every layer of a figure.

    Parameters
    ----------
    layers : sequence of Layer
        In drawing order (the order decides who gets the first colour).
    linewidth : float
        Base line width in points (the style's ``lines.linewidth``).

    Returns
    -------
    dict
        Layer id → :class:`LayerStyle`.
    """
    # Many overlapping fills darken the excluded region: thinner with more of them.
    n_fills = sum(1 for ly in layers if ly.fill == "above")
    base_alpha = min(0.06, max(0.02, 0.25 / max(n_fills, 1)))
    family_color = _family_colors(layers)
    out: dict[str, LayerStyle] = {}
    for layer in layers:
        overrides = layer.style
        if layer.role == "neutrino-fog":
            color, label_color, fill_color = FOG_COLOR, _FOG_LABEL, _FOG_FILL
        elif "color" in overrides:
            color = str(overrides["color"])
            label_color = fill_color = color
        elif layer.role == "relic-target":
            color = label_color = fill_color = _C["black"]
        else:
            color = label_color = fill_color = family_color[experiment_family(layer)]
        status = layer.status if layer.status in STATUS_LINESTYLES else "observed"
        linestyle: Any = STATUS_LINESTYLES[status]
        width = _STATUS_WIDTH[status] * linewidth
        zorder = 2.0 if status == "observed" else 1.9
        fill_alpha = base_alpha if status == "observed" else 0.8 * base_alpha
        if layer.role == "neutrino-fog":
            linestyle, width, zorder, fill_alpha = "solid", 0.6 * linewidth, 1.1, 0.45
        out[layer.id] = LayerStyle(
            color=color,
            linestyle=overrides.get("linestyle", linestyle),
            linewidth=float(overrides.get("linewidth", width)),
            zorder=float(overrides.get("zorder", zorder)),
            alpha=float(overrides.get("alpha", 1.0)),
            fill_color=fill_color,
            fill_alpha=fill_alpha,
            band_alpha=0.22,
            label_color=label_color,
            label_fontstyle="italic" if layer.role == "neutrino-fog" else "normal",
        )
    return out


def __dir__() -> list[str]:
    return __all__
