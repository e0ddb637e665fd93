"""Page dates: recognise the date lines of a page and turn them into ISO 8601 strings.

Only short candidate lines reach this module (a date line near the title, a "Last Updated"
stamp), never body sentences: an event date in the body is not the publication date. The
common forms are parsed by the regular expressions below, which is fast and never invents a
part the page does not give. `dateparser` is the fallback for short lines that clearly hold a
day, a month and a year in a form the expressions do not know.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

_MONTHS = {
    "januari": 1, "january": 1, "jan": 1, "februari": 2, "pebruari": 2, "february": 2, "feb": 2,
    "maret": 3, "march": 3, "mar": 3, "april": 4, "apr": 4, "mei": 5, "may": 5, "juni": 6,
    "june": 6, "jun": 6, "juli": 7, "july": 7, "jul": 7, "agustus": 8, "august": 8, "agu": 8,
    "agt": 8, "ags": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9, "oktober": 10,
    "october": 10, "okt": 10, "oct": 10, "november": 11, "nopember": 11, "nov": 11,
    "desember": 12, "december": 12, "des": 12, "dec": 12,
}
_ZONES = {
    "wib": 7, "wita": 8, "wit": 9, "gmt": 0, "utc": 0, "z": 0, "est": -5, "edt": -4, "cst": -6,
    "cdt": -5, "mst": -7, "mdt": -6, "pst": -8, "pdt": -7, "bst": 1, "cet": 1, "cest": 2,
    "eet": 2, "eest": 3, "msk": 3, "ist": 5.5, "sgt": 8, "myt": 8, "hkt": 8, "jst": 9, "kst": 9,
    "aest": 10, "aedt": 11,
}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_ZONE = r"(?:(?:GMT|UTC)\s?[+-]\s?\d{1,2}(?::?\d{2})?|" + "|".join(
    z.upper() for z in sorted(_ZONES, key=len, reverse=True)
) + r")\b"
_TIME = (
    r"(?:\s*(?:,|\||-|\u2013|\u2022|\u00b7|@|at|pukul|pkl\.?|jam)?\s*"
    r"(?P<h>\d{1,2})[:.](?P<mi>\d{2})(?:[:.](?P<s>\d{2}))?(?!\d)"
    r"(?:\s*(?P<ampm>[ap]\.?m\.?)(?![a-z]))?(?:\s*\(?(?P<tz>" + _ZONE + r")\)?)?)?"
)
_DATE_FORMS = [
    re.compile(
        r"\b(?P<y>\d{4})-(?P<mo>\d{2})-(?P<d>\d{2})(?:[T ](?P<h>\d{2}):(?P<mi>\d{2})"
        r"(?::(?P<s>\d{2})(?:\.\d+)?)?\s*(?P<tz>Z|[+-]\d{2}:?\d{2}|" + _ZONE + r")?)?",
        re.IGNORECASE,
    ),
    re.compile(
        r"\b(?P<d>\d{1,2})\s+(?P<mon>" + _MONTH + r")\.?,?\s+(?P<y>\d{4})\b" + _TIME,
        re.IGNORECASE,
    ),
    re.compile(
        r"\b(?P<mon>" + _MONTH + r")\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})\b"
        + _TIME,
        re.IGNORECASE,
    ),
    re.compile(
        r"\b(?P<d>\d{1,2})[/.-](?P<mo>\d{1,2})[/.-](?P<y>\d{4})\b" + _TIME, re.IGNORECASE
    ),
]
_WEEKDAYS = (
    r"senin|selasa|rabu|kamis|jum'?at|sabtu|minggu|ahad|monday|tuesday|wednesday|thursday|"
    r"friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun"
)
# A time written before its date: "7:24 AM EDT, Wed June 19, 2024".
_TIME_BEFORE = re.compile(
    r"(?<!\d)(?P<h>\d{1,2})[:.](?P<mi>\d{2})(?:[:.](?P<s>\d{2}))?"
    r"(?:\s*(?P<ampm>[ap]\.?m\.?)(?![a-z]))?(?:\s*\(?(?P<tz>" + _ZONE + r")\)?)?"
    r"[\s,|\u2022\u00b7-]*(?:(?:" + _WEEKDAYS + r")\.?,?\s*)?$",
    re.IGNORECASE,
)
_PUBLISHED = re.compile(
    r"\b(?:published|diterbitkan|dipublikasikan|terbit|tayang|dimuat|posted|diposting)\b",
    re.IGNORECASE,
)
_UPDATED = re.compile(
    r"\b(?:last updated|updated|update|diperbarui|diperbaharui|pembaruan|modified|edited)\b",
    re.IGNORECASE,
)
_NOISE = re.compile(
    r"\b(?:" + _WEEKDAYS + r"|last|updated|update|"
    r"diperbarui|diperbaharui|published|diterbitkan|dipublikasikan|terbit|tayang|dimuat|posted|"
    r"on|at|pukul|pkl|jam|tanggal|date|waktu|time|wib|wita|wit)\b|[\W\d_]+",
    re.IGNORECASE,
)
# A date stamp whose values the scraper lost ("Posted , updated", "Updated: | Originally
# published:").
_LABELS_ONLY = re.compile(
    r"^(?:(?:originally\s+|last\s+|first\s+)?(?:published|posted|updated|diterbitkan|"
    r"dipublikasikan|diperbarui|diperbaharui|terbit|tayang|dimuat|diposting)"
    r"(?:\s+(?:on|at|pada))?[\s:|,\u2022\u00b7-]*)+$",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_MONTH_WORD = re.compile(r"\b(?:" + _MONTH + r")\b|\b\d{1,2}[/.-]\d{1,2}[/.-]\d{4}\b", re.I)


@dataclass(frozen=True)
class DateHit:
    """A date found in a line."""

    iso: str
    start: int
    end: int
    updated: bool
    """True when a label such as "Last Updated" or "Diperbarui" introduces it."""
    labelled: bool = False
    """True when any date label ("Published", "Diterbitkan", "Updated") introduces it."""


def _offset(tz: str | None) -> timezone | None:
    if not tz:
        return None
    key = tz.lower().replace(" ", "")
    if key in _ZONES:
        return timezone(timedelta(hours=_ZONES[key]))
    match = re.fullmatch(r"(?:gmt|utc)?([+-])(\d{1,2}):?(\d{2})?", key)
    if match is None:
        return None
    sign = -1 if match.group(1) == "-" else 1
    minutes = int(match.group(2)) * 60 + int(match.group(3) or 0)
    return timezone(sign * timedelta(minutes=minutes))


def _iso(parts: dict[str, str | None]) -> str | None:
    """Build the ISO string of a match's parts; None when they make no valid date."""
    try:
        year = int(parts["y"] or "")
        month = int(parts["mo"] or 0) if parts.get("mo") else _MONTHS[(parts["mon"] or "").lower()]
        day_ = int(parts["d"] or "")
        if parts.get("h") is None:
            return date(year, month, day_).isoformat()
        hour, minute = int(parts["h"] or 0), int(parts["mi"] or 0)
        ampm = (parts.get("ampm") or "").replace(".", "").lower()
        if ampm and not 1 <= hour <= 12:
            return None
        if ampm == "pm" and hour != 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
        zone = _offset(parts.get("tz"))
        stamp = datetime(year, month, day_, hour, minute, int(parts.get("s") or 0), tzinfo=zone)
    except (ValueError, KeyError):
        return None
    text = stamp.isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def find_dates(line: str) -> list[DateHit]:
    """Every date the line states, in order, each marked as an update stamp or not."""
    hits: list[tuple[int, int, str]] = []
    if not _YEAR.search(line):
        return []
    for form in _DATE_FORMS:
        for match in form.finditer(line):
            if any(s < match.end() and match.start() < e for s, e, _ in hits):
                continue
            parts, start = match.groupdict(), match.start()
            if parts.get("h") is None:
                earlier = _TIME_BEFORE.search(line, max(0, start - 40), start)
                if earlier is not None and not any(earlier.start() < e for _, e, _ in hits
                                                   if e <= start):
                    parts.update(earlier.groupdict())
                    start = earlier.start()
            if form is _DATE_FORMS[3] and int(parts["d"] or 0) <= 12 < int(parts["mo"] or 0):
                parts["d"], parts["mo"] = parts["mo"], parts["d"]  # US month/day/year
            iso = _iso(parts)
            if iso is not None:
                hits.append((start, match.end(), iso))
    hits.sort()
    result: list[DateHit] = []
    previous_end = 0
    for start, end, iso in hits:
        label = line[previous_end:start]
        updated = bool(_UPDATED.search(label))
        result.append(DateHit(iso, start, end, updated, updated or bool(_PUBLISHED.search(label))))
        previous_end = end
    return result


def is_date_line(line: str, hits: list[DateHit] | None = None) -> bool:
    """True when the line is a date stamp: dates, weekdays, labels and at most a few words."""
    if len(line) > 120:
        return False
    hits = find_dates(line) if hits is None else hits
    if not hits:
        return False
    rest = "".join(
        line[end:start] for end, start in zip([0] + [h.end for h in hits],
                                              [h.start for h in hits] + [len(line)], strict=True)
    )
    return len(_NOISE.sub(" ", rest).split()) <= 3


def is_empty_date_stamp(line: str) -> bool:
    """True for a date stamp that lost its values ("Posted , updated"): a header line, no title."""
    return len(line) <= 80 and _LABELS_ONLY.match(line) is not None


def parse_date(text: str) -> str | None:
    """The first date of a short text as ISO 8601, or None.

    Falls back on `dateparser` only when the text holds a four-digit year and a month, so a
    text without a date never gets one.
    """
    hits = find_dates(text)
    if hits:
        return hits[0].iso
    return fallback_date(text)


def fallback_date(text: str) -> str | None:
    """Ask `dateparser` about a short text that clearly states a full date; None otherwise."""
    if len(text) > 80 or not _YEAR.search(text) or not _MONTH_WORD.search(text):
        return None
    import dateparser  # slow to import and to run: only for the rare line the forms miss

    parsed = dateparser.parse(
        text,
        languages=["id", "en"],
        settings={
            "RETURN_AS_TIMEZONE_AWARE": False,
            "PREFER_DATES_FROM": "past",
            "STRICT_PARSING": True,
            "REQUIRE_PARTS": ["day", "month", "year"],
        },
    )
    if parsed is None or str(parsed.year) not in text:
        return None
    if re.search(r"\d{1,2}[:.]\d{2}", text):
        return parsed.replace(microsecond=0).isoformat()
    return parsed.date().isoformat()
