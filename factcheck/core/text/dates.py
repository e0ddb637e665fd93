"""Dates as news text writes them, resolved against the article's publication date.

Calendar forms (``Rabu, 19 Juni 2024``, ``June 19, 2024``, ``(13/9/2023)``, ``(21/1)``,
``Juli 2000``, ``pada 1961``, ``19-20 Juni``, ISO) and relative ones (``kemarin``, ``pekan lalu``,
``September lalu``, ``pada Selasa``, ``3 hari lalu``, ``last week``, ``on Tuesday``) are found with
the patterns of `datepatterns` (built from the lexicon's month, weekday and period words) and
resolved here: a day to ``2024-06-19``, a
month to ``2000-07``, a year to ``1961``, a week to ``2024-W02``, a range to
``2024-06-19/2024-06-20``. Without a publication date a relative expression stays as written
(`DateMention.relative`) and a day without a year becomes ``--06-19``. Relative days count back
from publication unless the clause speaks of the future (``akan``, ``will``).

`dateparser` reads what the patterns do not know, in `parse_date` only: it is too slow to run on
every sentence of every article.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

from factcheck.core.text.datepatterns import (
    DIGIT,
    DIGIT_FIRST,
    DIGITS,
    WINDOW_REACH,
    extend,
    patterns,
)
from factcheck.core.text.lang import Tokens, compiled, squash, tokens
from factcheck.core.text.words import TakenSpans

_FALLBACK_MAX_CHARS = 40
"""`parse_date` hands texts up to this long to dateparser when no pattern matches."""


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression found in text."""

    value: str | None
    """ISO 8601 (``2024-06-19``, ``2000-07``, ``1961``, ``2024-W02``, a ``start/end`` range,
    ``--06-19`` for a day without a known year); None when it could not be resolved."""
    relative: str | None
    """The expression as written when it is relative and could not be resolved."""
    start: int
    end: int
    text: str
    precision: str
    """``day``, ``week``, ``month`` or ``year``."""
    explicit: bool
    """True for a calendar date written out; False for a relative one (``kemarin``)."""


def _shift_months(year: int, month: int, delta: int) -> tuple[int, int]:
    y, m = divmod(year * 12 + month - 1 + delta, 12)
    return y, m + 1


def _iso_week(day: date) -> str:
    y, w, _ = day.isocalendar()
    return f"{y}-W{w:02d}"


def _valid(y: int, m: int, d: int) -> bool:
    try:
        date(y, m, d)
    except ValueError:
        return False
    return True


def _day_in_year(m: int, d: int, ref: date, future: bool) -> date | None:
    """The date of day ``d`` month ``m`` nearest ``ref`` on the side the tense points to."""
    if not _valid(2000, m, d):  # 2000 is a leap year: 29 February passes
        return None
    year = ref.year
    if not _valid(year, m, d):
        year -= 1
    day = date(year, m, d)
    if future and day < ref - timedelta(days=7):
        day = date(year + 1, m, d) if _valid(year + 1, m, d) else day
    elif not future and day > ref + timedelta(days=7):
        day = date(year - 1, m, d) if _valid(year - 1, m, d) else day
    return day


def _day(y: int | None, m: int, d: int, ref: date | None, future: bool) -> str | None:
    if y is not None:
        return date(y, m, d).isoformat() if _valid(y, m, d) else None
    if ref is None:
        return f"--{m:02d}-{d:02d}" if _valid(2000, m, d) else None
    day = _day_in_year(m, d, ref, future)
    return day.isoformat() if day else None


def _year(raw: str | None) -> int | None:
    if not raw:
        return None
    y = int(raw)
    return y + 2000 if y < 100 else y


class _Resolver:
    """Turns one regex match into a `DateMention`."""

    def __init__(self, code: str, ref: date | None, future: bool) -> None:
        self.lex = compiled(code)
        self.pats = patterns(code)
        self.ref = ref
        self.future = future

    def month(self, word: str) -> int:
        """The number of a month name or abbreviation (``Juli``, ``Sept.``)."""
        return self.lex.months[squash(word).rstrip(".")]

    def direction(self, word: str | None) -> int:
        """-1 for a past marker (``lalu``, ``last``), 1 for a future one, 0 otherwise."""
        d = self.lex.data["dates"]
        w = squash(word or "")
        if w in {squash(x) for x in d["past_after"] + d["past_before"]}:
            return -1
        if w in {squash(x) for x in d["future_after"] + d["future_before"]}:
            return 1
        return 0

    def resolve(
        self, kind: str, g: dict[str, str], text: str, end: int
    ) -> tuple[str | None, str, bool] | None:
        """(value, precision, explicit) for a match, or None when it is not a date after all."""
        ref = self.ref
        if kind == "iso":
            y, mo, d = int(g["y"]), int(g["m"]), int(g["d"])
            return (date(y, mo, d).isoformat(), "day", True) if _valid(y, mo, d) else None
        if kind in ("dmy", "mdy"):
            mo, year = self.month(g["mon"]), _year(g["y"])
            first = _day(year, mo, int(g["d1"]), ref, self.future)
            if first is None:
                return None
            if g.get("d2"):
                last = _day(year, mo, int(g["d2"]), ref, self.future)
                if last is None or int(g["d2"]) <= int(g["d1"]):
                    return None
                return f"{first}/{last}", "day", True
            return first, "day", True
        if kind == "num":
            year = _year(g["y"])
            if year is None and not ((g.get("open") and g["close"]) or g.get("wd")):
                return None  # "1/3" alone may be a fraction
            a, b = int(g["a"]), int(g["b"])
            day_first = self.lex.data["dates"]["numeric_order"] == "DMY"
            d, mo = (a, b) if day_first else (b, a)
            if mo > 12 and d <= 12:
                d, mo = mo, d
            value = _day(year, mo, d, ref, self.future) if 1 <= mo <= 12 else None
            return (value, "day", True) if value else None
        if kind == "my":
            return f"{int(g['y']):04d}-{self.month(g['mon']):02d}", "month", True
        if kind == "year":
            if self.pats.unit_after.match(text, end):
                return None  # "2000 orang": a quantity
            y2 = g["y2"]
            if y2:
                end = int(y2) if len(y2) == 4 else int(g["y"][:2] + y2)
                if end <= int(g["y"]):
                    return None
                return f"{g['y']}/{end}", "year", True
            return g["y"], "year", True
        if ref is None:
            return None, _PRECISION.get(kind, "day"), False
        return self.relative(kind, g, ref)

    def relative(self, kind: str, g: dict[str, str], ref: date) -> tuple[str, str, bool] | None:
        """Resolve a relative expression against the publication date ``ref``."""
        if kind == "month_rel":
            mo = self.month(g["mon"] or g["mon2"] or "")
            step = self.direction(g["post"] or g["pre"]) or (1 if self.future else -1)
            y = ref.year
            if step < 0 and mo >= ref.month:
                y -= 1
            elif step > 0 and mo <= ref.month:
                y += 1
            return f"{y:04d}-{mo:02d}", "month", False
        if kind == "period":
            return self.period(g, ref)
        if kind == "day_rel":
            days = self.lex.data["dates"]["relative_days"]
            offset = {squash(k): v for k, v in days.items()}[squash(g["0"])]
            return (ref + timedelta(days=int(offset))).isoformat(), "day", False
        # weekday
        wd = self.lex.weekdays[squash(g["wd"] or "")]
        step = self.direction(g["post"] or g["pre"]) or (1 if self.future else -1)
        delta = (wd - ref.weekday()) % 7 if step > 0 else -((ref.weekday() - wd) % 7)
        if g["post"] or g["pre"]:
            delta = delta or 7 * step
        return (ref + timedelta(days=delta)).isoformat(), "day", False

    def period(self, g: dict[str, str], ref: date) -> tuple[str, str, bool] | None:
        """``pekan lalu``, ``3 hari lalu``, ``next month``: a shift of whole periods (None for
        a shift past the calendar: "104303 pekan lalu" names no date)."""
        try:
            found = self._period(g, ref)
        except (OverflowError, ValueError):
            return None
        return found if _CALENDAR_YEAR.match(found[0]) else None

    def _period(self, g: dict[str, str], ref: date) -> tuple[str, str, bool]:
        periods = {squash(k): v for k, v in self.lex.data["dates"]["periods"].items()}
        unit = periods[squash(g["p"] or g["p2"] or "")]
        rel = g["post"] or g["pre"]
        step = self.direction(rel)
        raw = g["n"]
        n = 1 if g["se"] or not raw else int(raw) if raw.isdigit() else int(
            self.pats.numbers.get(squash(raw), 1)
        )
        delta = step * n
        if unit == "year":
            return f"{ref.year + delta:04d}", "year", False
        if unit == "month":
            y, mo = _shift_months(ref.year, ref.month, delta)
            return f"{y:04d}-{mo:02d}", "month", False
        if unit == "week":
            return _iso_week(ref + timedelta(weeks=delta)), "week", False
        if unit == "day":
            return (ref + timedelta(days=delta)).isoformat(), "day", False
        return ref.isoformat(), "day", False  # hours and minutes ago: the day of publication


_CALENDAR_YEAR = re.compile(r"(?!0000)\d{4}(?:-|$)")
"""The year an ISO value opens with, when the calendar has it (0001 to 9999)."""
_NEEDS = {"iso": "-", "num": "/"}
"""Characters without which a pattern cannot match (a cheap test before the regex)."""
_PRECISION = {"month_rel": "month", "period": "day", "day_rel": "day", "weekday": "day"}


def _windows(toks: Tokens, cues: set[str]) -> list[tuple[int, int]]:
    """Stretches of text around the cue words, widened to whole words and merged: a pattern
    led by a word list only needs to be tried near one of its words."""
    text = toks.text
    out: list[tuple[int, int]] = []
    for i, word in enumerate(toks.low):
        if word not in cues:
            continue
        lo = max(0, toks.starts[i] - WINDOW_REACH)
        hi = text.find(" ", min(len(text), toks.ends[i] + WINDOW_REACH))
        hi = len(text) if hi < 0 else hi
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(hi, out[-1][1]))
        else:
            out.append((lo, hi))
    return out


def find_dates(
    text: str,
    lang: str,
    reference: date | None,
    *,
    future: bool | None = None,
    exclude: Sequence[tuple[int, int]] = (),
) -> list[DateMention]:
    """All date expressions in ``text``, in order.

    Args:
        text: A sentence or any short text.
        lang: Language code (month, weekday and period words).
        reference: The publication date relative expressions count from, or None.
        future: Whether the clause speaks of the future; None: look for a future marker in
            ``text`` (``akan``, ``will``).
        exclude: Spans not to read (page furniture, codes).
    """
    lex = compiled(lang)
    toks = tokens(text)
    if future is None:
        future = lex.future.search(toks) is not None
    resolver = _Resolver(lex.code, reference, future)
    taken = TakenSpans(exclude)
    found: list[DateMention] = []
    cues = set(toks.vocab & lex.date_words)
    if DIGIT.search(text):
        cues.add(DIGITS)
    if not cues:
        return []
    for kind, pattern in resolver.pats.ordered:
        kind_cues = cues & resolver.pats.cues[kind]
        if not kind_cues or _NEEDS.get(kind, "") not in text:
            continue
        windows = [(0, len(text))] if DIGITS in kind_cues else _windows(toks, kind_cues)
        matches = (m for lo, hi in windows for m in pattern.finditer(text, lo, hi))
        for m in matches:
            start, end = m.span()
            groups = {k: v or "" for k, v in m.groupdict().items()}
            if kind in DIGIT_FIRST:
                extended = extend(kind, text, start, groups, resolver.pats)
                if extended is None:
                    continue
                start = extended
            if not text[start:end].strip() or taken.overlaps(start, end):
                continue
            groups["0"] = text[start:end]
            out = resolver.resolve(kind, groups, text, end)
            if out is None:
                continue
            value, precision, explicit = out
            found.append(DateMention(
                value=value,
                relative=None if value else text[start:end],
                start=start, end=end, text=text[start:end],
                precision=precision, explicit=explicit,
            ))
            taken.append((start, end))
    found.sort(key=lambda d: d.start)
    return found


def parse_date(text: str, lang: str, reference: date | None) -> DateMention | None:
    """Read the first date expression in ``text``.

    Examples: ``parse_date("Rabu (13/9/2023)", "id", None).value == "2023-09-13"``;
    ``parse_date("pekan lalu", "id", date(2024, 1, 21)).value == "2024-W02"``; without a
    reference a relative expression comes back with ``value=None`` and ``relative`` set.

    Returns:
        The date, or None when ``text`` holds none.
    """
    found = find_dates(text, lang, reference)
    if found:
        return found[0]
    if len(text) <= _FALLBACK_MAX_CHARS and any(c.isalnum() for c in text):
        value = _dateparser(text.strip(), lang, reference)
        if value:
            return DateMention(value, None, 0, len(text), text, "day", reference is None)
    return None


@lru_cache(maxsize=4096)
def _dateparser(text: str, lang: str, reference: date | None) -> str | None:
    import dateparser  # slow to import and to call: only for what the patterns miss

    settings: dict[str, object] = {"PREFER_DATES_FROM": "past", "REQUIRE_PARTS": ["day", "month"]}
    if reference is not None:
        settings["RELATIVE_BASE"] = datetime(reference.year, reference.month, reference.day)
    try:
        parsed = dateparser.parse(text, languages=[lang], settings=settings)  # type: ignore[arg-type]
    except Exception:  # noqa: BLE001 - dateparser raises on odd input; no date then
        return None
    return parsed.date().isoformat() if parsed else None
