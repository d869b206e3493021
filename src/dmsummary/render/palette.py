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
   that proposes it. Colours are handed out in drawing order, each family
   taking the first colour of its role's list not yet used by another family.
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
}
"""The colour-blind-safe colours used (Okabe–Ito and Petroff 10), by name."""

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
    ),
    "indirect": (_C["violet"], _C["reddish-purple"], _C["green"], _C["sky-blue"], _C["brown"]),
    "astrophysics": (_C["brown"], _C["slate"], _C["orange"], _C["green"]),
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
)


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
    upper = name.upper()
    for prefix, family in _FAMILIES:
        if upper.startswith(prefix):
            return family
    return re.split(r"[\s(\-]", name.strip(), maxsplit=1)[0] or name


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
    used: set[str] = set()
    # Many overlapping fills darken the excluded region: thinner with more of them.
    n_fills = sum(1 for ly in layers if ly.fill == "above")
    base_alpha = min(0.06, max(0.02, 0.25 / max(n_fills, 1)))
    family_color: dict[str, str] = {}
    out: dict[str, LayerStyle] = {}
    for layer in layers:
        group = _ROLE_GROUP.get(layer.role, "direct-detection")
        overrides = layer.style
        if layer.role == "neutrino-fog":
            color, label_color, fill_color = FOG_COLOR, _FOG_LABEL, _FOG_FILL
        elif "color" in overrides:
            color = str(overrides["color"])
            label_color = fill_color = color
        elif layer.role == "relic-target":
            color = label_color = fill_color = _C["black"]
        else:
            family = experiment_family(layer)
            if family not in family_color:
                choices = ROLE_COLORS[group]
                free = [c for c in choices if c not in used]
                family_color[family] = (
                    free[0] if free else choices[len(family_color) % len(choices)]
                )
                used.add(family_color[family])
            color = label_color = fill_color = family_color[family]
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
