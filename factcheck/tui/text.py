"""Scraped text made inert and readable for the screen.

Everything a scraped page wrote (claim wording, passages, titles, outlet names) goes through
these helpers before it is shown: control, bidi and zero-width characters are removed, nothing
is ever parsed as Rich markup (callers build `rich.text.Text` with ``Text(...)``/``append``), and
very long text is cut to a window that keeps the interesting part visible.
"""

from __future__ import annotations

import re
import unicodedata

from factcheck.core.textnorm import UNSAFE

_CONTROL = UNSAFE
_ESCAPES = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])")
"""Terminal escape sequences (CSI, OSC and two-character ones): removed whole."""
_SPACES = re.compile(r"[\s\u00a0]+")
ELLIPSIS = "…"


def clean(text: object) -> str:
    """Remove control, bidi and zero-width characters; keep line breaks."""
    value = "" if text is None else str(text)
    if "\x1b" in value:
        value = _ESCAPES.sub("", value)
    return _CONTROL.sub("", value.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " "))


def one_line(text: object, limit: int | None = None) -> str:
    """``clean`` text folded onto one line (runs of white space become one space), cut at
    ``limit`` characters with an ellipsis."""
    value = "" if text is None else str(text)
    if limit is not None and len(value) > limit * 4:
        value = value[: limit * 4]  # never scan a megabyte to show 60 characters
    value = _SPACES.sub(" ", clean(value)).strip()
    if limit is not None and len(value) > limit:
        value = value[: max(limit - 1, 0)] + ELLIPSIS
    return value


def fold(text: str) -> str:
    """A search key: case-folded, accents removed, white space squashed."""
    if text.isascii():
        return " ".join(text.lower().split())
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SPACES.sub(" ", stripped.casefold()).strip()


def window(text: str, start: int, end: int, limit: int) -> tuple[str, str, str, int, int]:
    """Cut ``text`` around the span ``[start, end)`` so it fits about ``limit`` characters.

    Returns:
        ``(before, span, after, hidden_before, hidden_after)``: the three pieces to show and
        how many characters were left out at each end.
    """
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    span = text[start:end]
    room = max(limit - len(span), limit // 3)
    if len(span) > limit:
        span = span[: limit - 1] + ELLIPSIS
        room = limit // 3
    side = room // 2
    lead = max(0, start - side)
    tail = min(len(text), end + (room - (start - lead)))
    if tail - end < side and lead > 0:  # give unused room at the end to the start
        lead = max(0, start - (room - (tail - end)))
    return text[lead:start], span, text[end:tail], lead, len(text) - tail


def short_date(value: object) -> str:
    """``2024-06-17T10:00:00+07:00`` -> ``2024-06-17 10:00`` (dates stay dates)."""
    text = one_line(value, 40)
    if len(text) >= 16 and text[10] == "T":
        return f"{text[:10]} {text[11:16]}"
    return text
