"""Character-level cleaning: invisible characters, white space, wrapped lines.

Everything here runs before any offset exists, so changing the length of the text is safe.
Curly quotes and non-breaking spaces are kept: `factcheck.core.textnorm.fold` maps them to a
same-length matching key later.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.core.textnorm import strip_invisible

# A run of two or more horizontal white-space characters (not newlines).
_SPACE_RUN = re.compile(r"[^\S\n]{2,}")
_TERMINAL = ".!?:;\"'\u201d\u2019)\u2026"
# A dateline left alone on its line ("Jakarta, CNN Indonesia --", "jatimnow.com -"): it opens
# the next paragraph.
_BARE_DATELINE = re.compile(
    r"^(?:[A-Z][\w.,'() /-]{1,60}?|[a-z][\w-]*(?:\.[a-z]{2,}){1,2})\s(?:--|[-\u2013\u2014])$"
)
@dataclass
class Line:
    """One non-empty line of a page, cleaned, with its place in the page."""

    text: str
    index: int
    """Position among the page's non-empty lines."""
    blank_before: bool
    """True when an empty line separates it from the previous line."""


def clean_line(text: str) -> str:
    """Collapse runs of white space (keeping the first of each run) and trim the ends."""
    text = text.replace("\t", " ")
    return _SPACE_RUN.sub(lambda m: m.group(0)[0], text).strip()


def split_lines(text: str) -> list[Line]:
    """Split a page into cleaned, non-empty lines; join lines that a scraper broke apart.

    A line is joined to the next when it has no final punctuation, is long enough to be prose
    and the next line of the same block starts in lower case: that is a wrapped sentence, not
    a heading or a list. A dateline alone on its line is joined to the paragraph it opens.
    """
    parts: list[list[str]] = []  # the pieces of each line (a wrapped line has several)
    blanks: list[bool] = []
    blank = False
    for raw in strip_invisible(text).split("\n"):
        cleaned = clean_line(raw)
        if not cleaned:
            blank = True
            continue
        last = parts[-1][-1] if parts else ""
        wrapped = (not blank and len(last) >= 30 and last[-1] not in _TERMINAL
                   and cleaned[0].islower())
        opened = bool(parts) and len(parts[-1]) == 1 and _BARE_DATELINE.match(last) is not None
        if wrapped or opened:
            parts[-1].append(cleaned)
        else:
            parts.append([cleaned])
            blanks.append(blank or not blanks)
        blank = False
    return [Line(" ".join(p), i, b) for i, (p, b) in enumerate(zip(parts, blanks, strict=True))]
