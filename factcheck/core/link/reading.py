"""What one text says, read once per distinct text: tokens, names, figures, dates and cues.

`read_text` does everything about a mention's text that does not depend on the rest of the batch
(names are resolved later, against the whole batch, in ``features.py``); the extractor's own
``normalized`` value and unit are read by `normalized_parts`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from factcheck.core.link.dates import find_clock, find_dates
from factcheck.core.link.entities import Scan, dateline_end, scan
from factcheck.core.link.lexicon import lexicon, phrase_key
from factcheck.core.link.terms import (
    Number,
    Token,
    find_numbers,
    find_phrases,
    first_phrase,
    tokenize,
)
from factcheck.core.models import Mention
from factcheck.core.textnorm import fold

_ISO_DATE = re.compile(r"^\d{4}(?:-\d{2}){0,2}$")


@lru_cache(maxsize=4096)
def _unit_key(unit: str) -> tuple[str, float]:
    found = lexicon().units.get(phrase_key(unit))
    return (found.key, found.factor) if found else (fold(unit).strip(), 1.0)


def _hedge_key(approximate: str | None) -> str | None:
    if not approximate:
        return None
    key = phrase_key(approximate.replace("_", " "))
    return lexicon().hedges.get(key, approximate if approximate in (
        "about", "more_than", "at_least", "less_than", "at_most") else "about")


def normalized_parts(mention: Mention) -> tuple[Number | None, set[str]]:
    """The extractor's figure (in the base unit, with its hedge) and dates of a mention."""
    norm = mention.normalized
    dates: set[str] = set()
    number = None
    value = norm.value
    if isinstance(value, bool):
        value = None
    if isinstance(value, int | float):
        unit, factor = _unit_key(norm.unit) if norm.unit else ("", 1.0)
        number = Number(float(value) * factor, unit, _hedge_key(norm.approximate))
    elif isinstance(value, str):
        text = value.strip()
        if _ISO_DATE.match(text):
            dates.add(text)
        else:
            dates |= find_dates(fold(text))[0]
    if norm.date:
        text = norm.date.strip()[:10]
        dates |= {text} if _ISO_DATE.match(text) else find_dates(fold(text))[0]
    return number, dates


@dataclass(frozen=True, slots=True)
class Reading:
    """What one text says before names are resolved (computed once per distinct text)."""

    tokens: list[Token]
    found: Scan
    used: frozenset[int]
    """Indexes of the tokens that spell aliases and figures."""
    numbers: list[Number]
    dates: set[str]
    months: set[str]
    lows: list[str]
    denial_cue: int
    """Index of the first denial cue, or -1."""
    balanced: bool
    time_relations: dict[str, str]
    anaphoric: bool
    clock: tuple[int, str] | None


def read_text(text: str, language: str | None, headline: bool | None) -> Reading:
    """Tokens, aliases, names, figures, dates and cues of ``text`` (dateline removed)."""
    lex = lexicon()
    body = text[dateline_end(text) :]
    tokens = tokenize(body)
    found = scan(tokens, headline)
    used = set(found.used)
    numbers = find_numbers(tokens, used)
    folded = fold(body)
    dates, months = find_dates(folded)
    lows = [t.low for t in tokens]
    cue = first_phrase(lows, lex.denial_cues)
    return Reading(
        tokens=tokens, found=found, used=frozenset(used), numbers=numbers, dates=dates,
        months=months, lows=lows, denial_cue=cue,
        balanced=cue > 0 and any(w in lex.concessive for w in lows[:cue]),
        time_relations=find_phrases(lows, lex.time_relations),
        anaphoric=first_phrase(lows, lex.anaphora) >= 0,
        clock=find_clock(fold(text)),
    )
