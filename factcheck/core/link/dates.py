"""Explicit dates and times of day in a claim's text.

Only what the words state counts ("19 Juni 2024", "July 2000", "(13/9/2023)", "pukul 10.30 WIB"):
relative expressions stay with the extractor, which resolves them against the publication date.
"""

from __future__ import annotations

import re
from functools import cache

from factcheck.core.link.lexicon import lexicon

_DMY = re.compile(r"\b(\d{1,2})\s+([a-z]{3,9})\.?,?\s+(\d{4})\b")
_MDY = re.compile(r"\b([a-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})\b")
_MY = re.compile(r"\b([a-z]{3,9})\s+(\d{4})\b")
_SLASH = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")
_ISO = re.compile(r"\b(\d{4})-(\d{2})(?:-(\d{2}))?\b")
_YEAR = re.compile(r"\b(19\d\d|20\d\d)\b")
_DIGIT = re.compile(r"\d")


def find_dates(folded: str) -> tuple[set[str], set[str]]:
    """Explicit dates in a folded text as ISO strings (day, month or year), and bare months.

    Returns ``(dates, months)``; months are month numbers ("09") named without a year.
    """
    months = lexicon().months
    dates: set[str] = set()
    if not _DIGIT.search(folded):
        return dates, {f"{months[m.group(1)]:02d}" for m in _month_names().finditer(folded)}
    spans: list[tuple[int, int]] = []

    def add(iso: str, match: re.Match[str]) -> None:
        dates.add(iso)
        spans.append(match.span())

    for m in _DMY.finditer(folded):
        if m.group(2) in months and 1 <= int(m.group(1)) <= 31:
            add(f"{m.group(3)}-{months[m.group(2)]:02d}-{int(m.group(1)):02d}", m)
    for m in _MDY.finditer(folded):
        if m.group(1) in months and 1 <= int(m.group(2)) <= 31:
            add(f"{m.group(3)}-{months[m.group(1)]:02d}-{int(m.group(2)):02d}", m)
    for m in _SLASH.finditer(folded):
        day, month = int(m.group(1)), int(m.group(2))
        if 1 <= day <= 31 and 1 <= month <= 12:
            add(f"{m.group(3)}-{month:02d}-{day:02d}", m)
    for m in _ISO.finditer(folded):
        if 1 <= int(m.group(2)) <= 12:
            add(m.group(0), m)
    for m in _MY.finditer(folded):
        if m.group(1) in months and not _inside(m.span(), spans):
            add(f"{m.group(2)}-{months[m.group(1)]:02d}", m)
    for m in _YEAR.finditer(folded):
        if not _inside(m.span(), spans):
            dates.add(m.group(1))
    bare = {f"{months[m.group(1)]:02d}" for m in _month_names().finditer(folded)}
    return dates, bare


@cache
def _month_names() -> re.Pattern[str]:
    """Month names of four letters or more ("may"/"mei" are ordinary words too)."""
    names = sorted((m for m in lexicon().months if len(m) >= 4 and m not in ("may", "mei")),
                   key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(re.escape(n) for n in names) + r")\b")


def _inside(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(s <= span[0] and span[1] <= e for s, e in spans)


_CLOCK = re.compile(
    r"\b(?:pukul|jam|at)\s+(\d{1,2})(?:[.:](\d{2}))?\s*(wib|wita|wit|gmt|utc|a\.?m\.?|p\.?m\.?)?"
    r"|\b(\d{1,2})(?:[.:](\d{2}))?\s*(wib|wita|wit|gmt|utc|a\.m\.|p\.m\.)"
)


def find_clock(folded: str) -> tuple[int, str] | None:
    """The first explicit time of day in a folded text ("pukul 10.30 WIB", "3 p.m.")."""
    match = _CLOCK.search(folded)
    if match is None:
        return None
    hour_s, minute_s, zone = (match.group(1), match.group(2), match.group(3)) if match.group(
        1
    ) else (match.group(4), match.group(5), match.group(6))
    if match.group(0).startswith("at") and not minute_s and not zone:
        return None  # "at 3 sites" is not a time
    hour, minute = int(hour_s), int(minute_s or 0)
    zone = (zone or "").replace(".", "")
    if zone == "pm" and hour < 12:
        hour += 12
    if zone in ("am", "pm"):
        zone = ""
    if hour > 23 or minute > 59:
        return None
    return hour * 60 + minute, zone
