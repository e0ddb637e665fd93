"""The Markdown report: readable as plain text, safe to render.

Layout: a header with progress, the claim x outlet matrix, agreement between reviewers, one
section per claim, and provenance at the end. Each claim follows the structure Indonesian
fact-checkers publish, in the export's language: *Berita* (the claim as reported), *Hasil Cek
Fakta* (every outlet's passage quoted verbatim with its stance, conflicts, notes), *Kesimpulan*
(the verdict and the reviewer's explanation) and *Rujukan* (the articles); in English: Claim,
Findings, Conclusion, References.

The document is ``templates/report.md.jinja`` (`factcheck.core.report.pages`); this module gives
it its escaping. Scraped text cannot inject markup: control, bidi and zero-width characters are
removed, and every character Markdown (or HTML inside Markdown) could read as syntax is
backslash-escaped, so ``<script>`` stays the text ``<script>`` when rendered and still reads as
it is in plain text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from markupsafe import Markup

from factcheck.core.report import pages
from factcheck.core.report.data import Report
from factcheck.core.report.text import clean, one_line

_ESCAPE = str.maketrans({c: "\\" + c for c in "\\`*_[]<>&|~#"})
_SPECIAL = re.compile(r"[\\`*_\[\]<>&|~#]")
_LINE_START = re.compile(r"^([ \t]*)([-+=]|\d+[.)])", re.MULTILINE)


def md(text: Any) -> str:
    """Scraped text as inline Markdown (never at the start of a line): cleaned, on one line,
    syntax escaped."""
    value = one_line(text)
    return value.translate(_ESCAPE) if _SPECIAL.search(value) else value


def md_quote(text: Any) -> str:
    """Scraped text as a Markdown block quote, line breaks kept, syntax escaped."""
    value = clean(text)
    value = _line_start(value.translate(_ESCAPE) if _SPECIAL.search(value) else value)
    return "\n".join("> " + line if line else ">" for line in value.split("\n"))


def _line_start(value: str) -> str:
    if not value:
        return value
    return _LINE_START.sub(_escape_marker, value)


def _escape_marker(match: re.Match[str]) -> str:
    indent, marker = match.group(1), match.group(2)
    return f"{indent}{marker[:-1]}\\{marker[-1]}"


def _value(value: Any) -> str:
    return value if isinstance(value, Markup) else md(value)


def _block(value: Any) -> Markup:
    return Markup(md_quote(value))


FORMAT = pages.Format("md", value=_value, block=_block, autoescape=False)
"""Markdown: `md` on every value (the engine's own escaping is HTML's, so it is off); Markup (a
block quote, a word escaped once, a macro's output marked ``|safe``) passes as it is."""


def render(report: Report, progress: Callable[[int, int], None] | None = None) -> str:
    """The whole Markdown document (``templates/report.md.jinja``)."""
    return pages.render(FORMAT, report, progress)
