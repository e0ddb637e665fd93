"""Character-level cleaning: invisible characters, white space, wrapped lines, redaction.

Everything here runs before any offset exists, so changing the length of the text is safe.
Curly quotes and non-breaking spaces are kept: `factcheck.core.textnorm.fold` maps them to a
same-length matching key later.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.core.textnorm import strip_invisible

EMAIL_MARK = "[e-mail]"
PHONE_MARK = "[phone]"

# A run of two or more horizontal white-space characters (not newlines).
_SPACE_RUN = re.compile(r"[^\S\n]{2,}")
_TERMINAL = ".!?:;\"'\u201d\u2019)\u2026"
# A dateline left alone on its line ("Jakarta, CNN Indonesia --", "jatimnow.com -"): it opens
# the next paragraph.
_BARE_DATELINE = re.compile(
    r"^(?:[A-Z][\w.,'() /-]{1,60}?|[a-z][\w-]*(?:\.[a-z]{2,}){1,2})\s(?:--|[-\u2013\u2014])$"
)
_AT = r"(?:\s?@\s?|\s?[\[({]\s?at\s?[\])}]\s?)"
_DOT = r"(?:\.|\s?[\[({]\s?dot\s?[\])}]\s?)"
_EMAIL = re.compile(
    rf"[\w.+-]{{1,64}}{_AT}[\w-]{{1,63}}(?:{_DOT}[\w-]{{1,63}}){{0,8}}{_DOT}[A-Za-z]{{2,24}}\b",
    re.IGNORECASE)
"""An address, also as people disguise it: ``budi [at] example [dot] com``, ``budi(at)x.com``,
``budi @ example.com``."""
_WIDE = str.maketrans({**{0xFF10 + d: str(d) for d in range(10)}, 0xFF20: "@", 0xFF0E: "."})
"""Full-width digits, at sign and full stop, read as ASCII before redaction."""
_CLOUDFLARE_EMAIL = re.compile(r"\[email[\s\u00a0]*protected\]", re.IGNORECASE)
# Candidate phone numbers; `_is_phone` decides on the digits.
_PHONE = re.compile(
    r"(?<![\w+/.,\u2010-\u2015-])(?:\+\s?)?\(?\d(?:[\s./\u2010-\u2015-]?\)?\s?\(?\d){7,16}"
    r"(?![\w/,]|\.\d)"
)
"""Candidate phone numbers: digits with one separator at most between two of them (space, dot,
slash, hyphen, en or em dash, brackets); `_is_phone` decides on the digits."""
_US_PHONE = re.compile(r"^\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}$")
_THOUSANDS = re.compile(r"^\d{1,3}(?:[.,\s]\d{3})+$")


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


def _is_phone(match: re.Match[str]) -> bool:
    candidate = match.group(0).strip()
    digits = "".join(c for c in candidate if c.isdigit())
    if not 9 <= len(digits) <= 15 or _THOUSANDS.match(candidate):
        return False
    if candidate.startswith(("+", "(", "0")):
        return True
    # Indonesian numbers written without their 0 or with the country code: 812..., 62812...
    if digits.startswith("8") and len(digits) <= 13 or digits.startswith("628"):
        return True
    return bool(_US_PHONE.match(candidate))


def redact(text: str) -> str:
    """Replace e-mail addresses and phone numbers with ``[e-mail]`` and ``[phone]`` (also
    disguised addresses, full-width characters and digits spaced or slashed apart)."""
    text = text.translate(_WIDE)
    low = text.lower()
    if "@" in text or "protected]" in low or "at" in low:
        text = _CLOUDFLARE_EMAIL.sub(EMAIL_MARK, _EMAIL.sub(EMAIL_MARK, text))
    return _PHONE.sub(lambda m: PHONE_MARK if _is_phone(m) else m.group(0), text)
