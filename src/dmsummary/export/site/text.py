r"""Untrusted text on web pages: HTML escaping, mathtext, and JSON inside ``<script>``.

Labels, titles, notes and references come from catalogue files and recipes, which anyone
can write. On the site every such string is *text*, never markup:

- :func:`html_text` escapes it for HTML element content and attribute values;
- :func:`math_html` additionally turns matplotlib mathtext (``$\sigma_\mathrm{SI}$``) into
  escaped text with ``<sub>``/``<sup>`` (the only tags it ever emits; Plotly understands
  them too), so axis labels look as on the static figures without a TeX engine;
- :func:`script_json` serialises data for a ``<script type="application/json">`` block:
  ``<``, ``>`` and ``&`` are written as ``\u003c``… so neither ``</script>`` nor ``<!--``
  can end or change the block, and the output is canonical (sorted keys).

Examples
--------
>>> html_text('<script>alert(1)</script> "onerror=')
'&lt;script&gt;alert(1)&lt;/script&gt; &quot;onerror='
>>> math_html(r"$\sigma_\mathrm{SI}$ [cm$^{2}$]")
'σ<sub>SI</sub> [cm<sup>2</sup>]'
>>> math_text(r"$m_{A'}$ [eV]")
'mA′ [eV]'
>>> script_json({"b": "</script>", "a": 1})
'{"a":1,"b":"\\u003c/script\\u003e"}'
"""

from __future__ import annotations

import html
import json
import math
from typing import Any

__all__ = ["html_text", "math_html", "math_text", "script_json"]

_SYMBOLS = {
    # Greek (lower case)
    "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ϵ",
    "varepsilon": "ε", "zeta": "ζ", "eta": "η", "theta": "θ", "iota": "ι", "kappa": "κ",
    "lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ", "pi": "π", "rho": "ρ", "sigma": "σ",
    "tau": "τ", "upsilon": "υ", "phi": "ϕ", "varphi": "φ", "chi": "χ", "psi": "ψ",
    "omega": "ω",
    # Greek (upper case)
    "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π",
    "Sigma": "Σ", "Upsilon": "Υ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
    # operators and delimiters
    "langle": "⟨", "rangle": "⟩", "times": "×", "pm": "±", "mp": "∓", "cdot": "·",
    "leq": "≤", "le": "≤", "geq": "≥", "ge": "≥", "lesssim": "≲", "gtrsim": "≳",
    "sim": "∼", "simeq": "≃", "approx": "≈", "propto": "∝", "neq": "≠", "infty": "∞",
    "to": "→", "rightarrow": "→", "leftarrow": "←", "ell": "ℓ", "hbar": "ℏ",
    "partial": "∂", "odot": "⊙", "prime": "′", "circ": "∘", "deg": "°",
    "tan": "tan", "sin": "sin", "cos": "cos", "log": "log", "ln": "ln", "exp": "exp",
    # spacing
    ",": "\u2009", ":": "\u2005", ";": "\u2004", " ": " ", "!": "", "quad": "\u2003",
    "qquad": "\u2003\u2003",
    # escaped specials
    "%": "%", "$": "$", "_": "_", "&": "&", "#": "#", "{": "{", "}": "}",
}  # fmt: skip
"""Mathtext commands → Unicode (commands not listed keep their name, without ``\\``)."""

_FONTS = {"mathrm", "mathit", "mathbf", "mathsf", "mathtt", "text", "textrm", "rm", "it", "bf"}
_CALLIGRAPHIC = {"B": "ℬ", "L": "ℒ", "H": "ℋ", "E": "ℰ", "F": "ℱ", "M": "ℳ", "R": "ℛ", "I": "ℐ"}
_ACCENTS = {"bar": "\u0304", "overline": "\u0305", "tilde": "\u0303", "hat": "\u0302",
            "dot": "\u0307", "vec": "\u20d7"}  # fmt: skip


_PLOTLY_SAFE = str.maketrans({'"': "&#34;", "'": "&#39;", "%": "&#37;", "$": "&#36;"})


def _escape(text: str) -> str:
    """Escape for HTML *and* Plotly text.

    Plotly decodes numeric character references and ``&amp; &lt; &gt;`` but shows ``&quot;``
    literally, fills ``%{...}`` templates in names and passes ``$...$`` to MathJax: quotes,
    ``%`` and ``$`` are therefore written as numeric references (valid HTML too).
    """
    return html.escape(text, quote=False).translate(_PLOTLY_SAFE)


def html_text(value: object) -> str:
    """Return ``value`` as HTML text (element content or a quoted attribute value).

    Parameters
    ----------
    value : object
        Anything; converted with ``str``.

    Returns
    -------
    str
        The text with ``& < > " '`` escaped.
    """
    return html.escape(str(value), quote=True)


class _Math:
    """A tiny recursive-descent reader of the mathtext subset used in labels."""

    def __init__(self, source: str, *, tags: bool) -> None:
        self.s = source
        self.i = 0
        self.tags = tags

    def group(self) -> str:
        """One argument: ``{...}``, a command, or a single character (already converted)."""
        while self.i < len(self.s) and self.s[self.i] == " ":
            self.i += 1
        if self.i >= len(self.s):
            return ""
        char = self.s[self.i]
        if char == "{":
            self.i += 1
            return self.until("}")
        if char == "\\":
            return self.command()
        self.i += 1
        return self.char(char)

    def char(self, char: str) -> str:
        if char == "'":
            return "′"
        return _escape(char) if self.tags else char

    def command(self) -> str:
        self.i += 1  # the backslash
        start = self.i
        while self.i < len(self.s) and self.s[self.i].isalpha():
            self.i += 1
        name = self.s[start : self.i]
        if not name and self.i < len(self.s):  # \, \; \! \% …
            name = self.s[self.i]
            self.i += 1
        if name in _FONTS:
            return self.group()
        if name == "mathcal":
            inner = self.group()
            return _CALLIGRAPHIC.get(inner, inner)
        if name in _ACCENTS:
            inner = self.group()
            return inner + _ACCENTS[name] if len(inner) == 1 else inner
        if name in {"left", "right", "big", "Big", "bigl", "bigr"}:
            return ""
        text = _SYMBOLS.get(name, name)
        return _escape(text) if self.tags else text

    def script(self, tag: str) -> str:
        inner = self.group()
        return f"<{tag}>{inner}</{tag}>" if self.tags else inner

    def until(self, stop: str | None) -> str:
        out: list[str] = []
        while self.i < len(self.s):
            char = self.s[self.i]
            if stop is not None and char == stop:
                self.i += 1
                break
            if char == "{":
                self.i += 1
                out.append(self.until("}"))
            elif char == "\\":
                out.append(self.command())
            elif char in "_^":
                self.i += 1
                out.append(self.script("sub" if char == "_" else "sup"))
            else:
                self.i += 1
                out.append(self.char(char))
        return "".join(out)


def _convert(text: str, *, tags: bool) -> str:
    pieces = text.split("$")
    if len(pieces) % 2 == 0:  # an unmatched "$" is literal text
        pieces[-2:] = ["$".join(pieces[-2:])]
    out = []
    for k, piece in enumerate(pieces):
        if k % 2:
            out.append(_Math(piece, tags=tags).until(None))
        else:
            out.append(_escape(piece) if tags else piece)
    return "".join(out)


def math_html(text: object) -> str:
    r"""Return mathtext as safe HTML: escaped text plus ``<sub>``/``<sup>`` only.

    Parameters
    ----------
    text : object
        A label that may contain ``$...$`` mathtext (converted with ``str``).

    Returns
    -------
    str
        HTML, safe in element content and attribute values and as Plotly text;
        ``\chi`` → χ, ``\mathrm{SI}`` → SI, ``_x`` → ``<sub>x</sub>``, ``^{2}`` →
        ``<sup>2</sup>``; unknown commands keep their name; ``& < > " ' % $`` are escaped.
    """
    return _convert(str(text), tags=True)


def math_text(text: object) -> str:
    """Return mathtext as plain Unicode text (no markup, not escaped).

    Parameters
    ----------
    text : object
        A label that may contain ``$...$`` mathtext.

    Returns
    -------
    str
        The label with commands replaced by symbols and sub/superscripts inlined
        (for ``<title>``, file names and search; escape it before putting it in HTML).
    """
    return _convert(str(text), tags=False)


def _plain(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def script_json(data: Any) -> str:
    r"""Return canonical JSON that is safe inside ``<script type="application/json">``.

    Parameters
    ----------
    data : Any
        JSON-serialisable data; non-finite floats become ``null`` (gaps in Plotly lines).

    Returns
    -------
    str
        Compact JSON with sorted keys, UTF-8 text kept, and ``<``, ``>``, ``&``, U+2028,
        U+2029 written as ``\uXXXX`` escapes (``JSON.parse`` reads them back unchanged).
    """
    text = json.dumps(
        _plain(data), sort_keys=True, ensure_ascii=False, separators=(",", ":"), allow_nan=False
    )
    for char, escaped in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(char, escaped)
    return text


def __dir__() -> list[str]:
    return __all__
