"""The date patterns of a language, built from its lexicon's month, weekday and period words.

`dates` runs them and resolves what they find. Patterns that start with a digit let the regex
engine skip to digits; what may come before such a date (a weekday, an opening bracket,
``tahun``) is read by `extend`. Each pattern has cue words: a text with none of them (and no
digits) is not searched at all, which keeps date finding cheap on most sentences.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from factcheck.core.text.lang import alternation, compiled, squash, title_forms

NEVER = r"(?!x)x"
DIGIT = re.compile(r"\d")
DIGITS = "\x00digits"
"""The cue standing for "the text has digits" among a text's words."""
DIGIT_FIRST = {"iso": "-_", "dmy": ".,/_", "num": "/._", "year": ".,/:-_"}
"""Date patterns that start with a digit, and the characters that may not come right before."""
BEFORE_REACH = 16
"""How far before a digit-first date a weekday or ``tahun`` is looked for."""
WINDOW_REACH = 32
"""How far around a cue word (a month, a weekday, ``lalu``) a word-led pattern is tried."""


@dataclass(frozen=True)
class Patterns:
    """The compiled date patterns of one language, in the order they are tried."""

    ordered: tuple[tuple[str, re.Pattern[str]], ...]
    before: dict[str, re.Pattern[str]]
    """Optional words before a date that starts with a digit (a weekday, ``tahun``): the main
    patterns start with a digit so the regex engine can skip straight to digits."""
    cues: dict[str, frozenset[str]]
    """Per pattern, the words one of which (or digits) must be in a text for it to match."""
    numbers: dict[str, float]
    unit_after: re.Pattern[str]


def alt(words: Sequence[str]) -> str:
    """A regex alternation of ``words`` that never matches when the list is empty."""
    return alternation(words) or NEVER


@cache
def patterns(code: str) -> Patterns:
    """The date patterns of ``code``, built once from its lexicon."""
    lex = compiled(code)
    d = lex.data["dates"]
    wd = alt(title_forms(d["weekdays"]))
    mon = alt(list(d["months"]))
    mon_title = alt(title_forms(d["months"]))
    mpre, ypre, wpre = alt(d["month_prefixes"]), alt(d["year_prefixes"]), alt(d["weekday_prefixes"])
    rng = alt(d["range_words"])
    past_a, fut_a, cur_a = alt(d["past_after"]), alt(d["future_after"]), alt(d["current_after"])
    past_b, fut_b, cur_b = alt(d["past_before"]), alt(d["future_before"]), alt(d["current_before"])
    periods = alt(list(d["periods"]))
    words = {squash(k): float(v) for k, v in lex.data["numbers"]["words"].items() if v < 100}
    for art in lex.data["numbers"].get("one_articles", []):
        words[squash(art)] = 1.0
    numw = alt(list(words))
    se = re.escape(lex.data["numbers"].get("one_prefix", "")) or NEVER
    weekday = rf"(?:(?P<wd>{wd})\s*,?\s+)?"
    non_time = [u for u, v in lex.units.items() if v[0] not in lex.time_units]
    big = [k for k, v in lex.data["numbers"]["multipliers"].items() if v >= 1000]
    ordered = (
        ("iso", re.compile(
            r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})"
            r"(?:T\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?(?!\d)")),
        ("dmy", re.compile(
            rf"(?P<d1>\d{{1,2}})(?:\s*(?:-|–|{rng})\s*(?P<d2>\d{{1,2}}))?"
            rf"\s+(?:(?:{mpre})\s+)?(?P<mon>(?i:{mon}))\.?(?:,?\s+(?P<y>\d{{4}}))?(?![\w])")),
        ("mdy", re.compile(
            rf"{weekday}(?<![\w])(?P<mon>(?i:{mon}))\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?"
            rf"(?:\s*(?:-|–)\s*(?P<d2>\d{{1,2}}))?(?:,?\s+(?P<y>\d{{4}}))?(?![\w]|[.,:]\d)")),
        ("num", re.compile(
            r"(?P<a>\d{1,2})/(?P<b>\d{1,2})"
            r"(?:/(?P<y>\d{4}|\d{2}))?(?![\d/])(?P<close>\))?")),
        ("my", re.compile(
            rf"(?<![\w])(?:(?:{mpre})\s+)?(?P<mon>(?i:{mon}))\.?\s+(?P<y>\d{{4}})(?![\w]|[.,]\d)")),
        ("month_rel", re.compile(
            rf"(?<![\w])(?:(?:{mpre})\s+)?(?P<mon>{mon_title})\s+(?P<post>{past_a}|{fut_a})(?![\w])"
            rf"|(?<![\w])(?P<pre>{past_b}|{fut_b})\s+(?P<mon2>{mon_title})(?![\w])")),
        ("period", re.compile(
            rf"(?<![\w-])(?:(?P<n>\d+|{numw})\s+|(?P<se>{se})(?=\w))?(?P<p>{periods})\s+"
            rf"(?P<post>{past_a}|{fut_a}|{cur_a})(?![\w-])"
            rf"|(?<![\w-])(?P<pre>{past_b}|{fut_b}|{cur_b})\s+(?P<p2>{periods})(?![\w-])",
            re.IGNORECASE)),
        ("day_rel", re.compile(rf"(?<![\w-])(?:{alt(d['relative_days'])})(?![\w-])", re.I)),
        ("weekday", re.compile(
            rf"(?<![\w])(?:(?P<pre>{past_b}|{fut_b})\s+)?(?:(?:{wpre})\s+)?(?P<wd>{wd})"
            rf"(?:\s+(?P<post>{past_a}|{fut_a}))?(?![\w])")),
        ("year", re.compile(
            r"(?P<y>1\d{3}|20\d{2}|21\d{2})"
            r"(?:\s*[-–]\s*(?P<y2>\d{4}|\d{2})(?!\d))?(?![\w]|[.,:/]\d|\s?%)")),
    )
    month_cues = frozenset(squash(m) for m in d["months"])
    weekday_cues = frozenset(squash(w) for w in d["weekdays"])
    period_cues = frozenset(squash(p) for p in d["periods"])
    period_cues |= frozenset(lex.data["numbers"].get("one_prefix", "") + p for p in period_cues)
    relative = frozenset(w for p in d["relative_days"] for w in squash(p).split())
    digits = frozenset({DIGITS})
    return Patterns(
        ordered=ordered,
        before={
            "dmy": re.compile(rf"(?P<wd>{wd})\s*,?\s+$"),
            "num": re.compile(rf"(?P<wd>{wd})\s*,?\s*$"),
            "year": re.compile(rf"(?<![\w-])(?:{ypre})\s+$", re.IGNORECASE),
        },
        cues={
            "iso": digits, "dmy": month_cues, "mdy": month_cues, "num": digits,
            "my": month_cues, "month_rel": month_cues, "period": period_cues, "day_rel": relative,
            "weekday": weekday_cues, "year": digits,
        },
        numbers=words,
        unit_after=re.compile(rf"\s+(?:{alt(non_time + big)})(?![\w-])", re.IGNORECASE),
    )


def extend(
    kind: str, text: str, start: int, groups: dict[str, str], pats: Patterns
) -> int | None:
    """Check what comes before a date that starts with a digit and take in a weekday, an
    opening bracket or ``tahun``; None when the digits belong to something else."""
    prev = text[start - 1] if start else ""
    if prev and (prev.isalnum() or prev in DIGIT_FIRST[kind]):
        return None
    if kind == "num" and prev == "(":
        start -= 1
        groups["open"] = "("
    before = pats.before.get(kind)
    b = before.search(text, max(0, start - BEFORE_REACH), start) if before else None
    if b is not None:
        groups.update({k: v for k, v in b.groupdict().items() if v})
        start = b.start()
    return start
