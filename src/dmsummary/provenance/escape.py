r"""Escaping of untrusted text for the report writers (Markdown, LaTeX, CSV).

Labels, titles, notes and references come from catalogue files and recipes, which anyone
can write: every string is treated as *text*, never as markup. Each writer first
:func:`clean`\ s it (control characters dropped, line breaks and other white space turned
into single spaces), then applies its own escaping.

Examples
--------
>>> escape_markdown("<b>a|b</b>")
'&lt;b&gt;a\\|b&lt;/b&gt;'
>>> escape_latex(r"\input{x} 5% $a_b$")
'\\textbackslash{}input\\{x\\} 5\\% \\$a\\_b\\$'
>>> csv_cell("=HYPERLINK(1)")
"'=HYPERLINK(1)"
"""

from __future__ import annotations

import re

__all__ = ["clean", "csv_cell", "escape_latex", "escape_markdown"]

_SPACES = re.compile(r"\s+")

_MARKDOWN = {
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
    "|": r"\|",
    "\\": "\\\\",
    "`": r"\`",
    "*": r"\*",
    "_": r"\_",
    "[": r"\[",
    "]": r"\]",
    "#": r"\#",
    "~": r"\~",
    "$": r"\$",
}

_LATEX = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "$": r"\$",
    "&": r"\&",
    "%": r"\%",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
    "<": r"\textless{}",
    ">": r"\textgreater{}",
    "|": r"\textbar{}",
    # A cell starting with "[" right after "\\" would be read as the row-spacing argument.
    "[": "{[}",
    "]": "{]}",
    # Characters dmsummary itself writes (chains, ranges, labels), so pdfLaTeX needs no
    # Unicode set-up for them; other non-ASCII text is kept as is.
    "←": r"\ensuremath{\leftarrow}",
    "→": r"\ensuremath{\rightarrow}",
    "–": "--",
    "—": "---",
    "·": r"\textperiodcentered{}",
    "±": r"\ensuremath{\pm}",
    "×": r"\ensuremath{\times}",
    "≤": r"\ensuremath{\leq}",
    "≥": r"\ensuremath{\geq}",
    "σ": r"\ensuremath{\sigma}",
    "χ": r"\ensuremath{\chi}",
    "ν": r"\ensuremath{\nu}",
}

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def clean(text: object) -> str:
    """Return ``text`` as one line of printable characters.

    Parameters
    ----------
    text : object
        Any value; converted with :class:`str`.

    Returns
    -------
    str
        White space (including newlines, tabs, U+2028) collapsed to single spaces, other
        non-printable characters (controls, format characters, lone surrogates) removed,
        leading and trailing spaces stripped.
    """
    kept = []
    for ch in str(text):
        if ch.isprintable():
            kept.append(ch)
        elif ch.isspace():
            kept.append(" ")
    return _SPACES.sub(" ", "".join(kept)).strip()


def escape_markdown(text: object) -> str:
    r"""Escape text for a GitHub-flavoured Markdown table cell (no HTML, no markup).

    Parameters
    ----------
    text : object
        Untrusted text.

    Returns
    -------
    str
        :func:`clean`\ ed text with ``& < >`` as HTML entities and the Markdown
        punctuation ``| \ ` * _ [ ] # ~ $`` backslash-escaped.
    """
    return "".join(_MARKDOWN.get(ch, ch) for ch in clean(text))


def escape_latex(text: object) -> str:
    r"""Escape text for LaTeX body text (tables, captions).

    Parameters
    ----------
    text : object
        Untrusted text.

    Returns
    -------
    str
        :func:`clean`\ ed text with the ten LaTeX specials, ``< > |`` and square brackets
        replaced by their text-mode commands, so no command, group, math or comment can be
        opened by the input. The arrows, dashes and symbols dmsummary writes (``← → – ·``
        …) become LaTeX commands; other non-ASCII characters are kept (compile with
        LuaLaTeX/XeLaTeX, or pdfLaTeX with UTF-8 input).
    """
    return "".join(_LATEX.get(ch, ch) for ch in clean(text))


def csv_cell(text: object) -> str:
    r"""Prepare text for a CSV cell: one line, spreadsheet formulas defused.

    Parameters
    ----------
    text : object
        Untrusted text.

    Returns
    -------
    str
        :func:`clean`\ ed text; a cell starting with ``= + - @`` gets a leading ``'``
        (OWASP CSV-injection advice), so spreadsheets show it as text. Quoting is left to
        :mod:`csv`.
    """
    value = clean(text)
    return "'" + value if value.startswith(_FORMULA_START) else value


def __dir__() -> list[str]:
    return __all__
