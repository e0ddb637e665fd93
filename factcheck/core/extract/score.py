"""Check-worthiness: a transparent additive score over the signals a fact-checker looks for.

A claim earns points for what can be checked (a number, a date, a named party, a denial, a
reported statement with its speaker, an event, a first/only/most) and loses points for what
cannot (speculation, evaluative words, a quotation that is mostly opinion, a fragment). The sum
is clamped to [0, 1]; `CHECKWORTHY` is the cut. The weights are set by hand so that each reason can
be read off the list a reviewer sees (`Mention.reasons`), not fitted to any article.
"""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.core.models import Role

CHECKWORTHY = 0.5
"""Mentions scoring below this are not kept as claims."""

WEIGHTS: dict[str, float] = {
    "number": 0.45,
    "date": 0.3,
    "relative date": 0.15,
    "denial verb": 0.6,
    "reporting verb": 0.2,
    "indirect speech": 0.15,
    "speaker": 0.15,
    "named entity": 0.1,
    "named person": 0.1,
    "event verb": 0.2,
    "first/only/most superlative": 0.2,
    "comparison": 0.1,
    "hedge": 0.05,
    "quote": 0.0,
    # Penalties.
    "speculation": -0.15,
    "opinion": -0.15,
    "direct quote without checkable content": -0.45,
    "fragment": -0.3,
    "headline": -0.1,
    "caption": -0.4,
}
"""Points per reason. ``named entity`` counts per name up to `MAX_ENTITIES`, ``named person`` per
full personal name (two words or more) up to `MAX_PERSONS`."""

MAX_ENTITIES = 3
MAX_PERSONS = 2
BASE = 0.05
"""What any sentence that reached scoring starts with."""

SHORT_WORDS = 6
"""A claim with fewer words than this is a fragment unless it has a number or a date."""


@dataclass(frozen=True, slots=True)
class Signals:
    """What the extractor found in one claim's words."""

    quantities: int = 0
    explicit_dates: int = 0
    relative_dates: int = 0
    denial: bool = False
    reporting: bool = False
    indirect: bool = False
    """The reporting verb introduces reported (not quoted) content: ``X mengatakan bahwa ...``."""
    speaker: bool = False
    quote_ratio: float = 0.0
    entities: int = 0
    persons: int = 0
    event: bool = False
    superlative: bool = False
    comparative: bool = False
    hedge: bool = False
    speculation: bool = False
    opinion: bool = False
    words: int = 0
    role: Role = Role.BODY


def score(s: Signals) -> tuple[float, list[str]]:
    """The check-worthiness of a claim in [0, 1] and the reasons that made it."""
    reasons: list[str] = []
    if s.quantities:
        reasons.append("number")
    if s.explicit_dates:
        reasons.append("date")
    elif s.relative_dates:
        reasons.append("relative date")
    if s.denial:
        reasons.append("denial verb")
    if s.reporting:
        reasons.append("reporting verb")
    if s.indirect:
        reasons.append("indirect speech")
    if s.speaker:
        reasons.append("speaker")
    if s.quote_ratio >= 0.3:
        reasons.append("quote")
    if s.event:
        reasons.append("event verb")
    if s.superlative:
        reasons.append("first/only/most superlative")
    if s.comparative:
        reasons.append("comparison")
    if s.hedge:
        reasons.append("hedge")
    if s.speculation:
        reasons.append("speculation")
    if s.opinion:
        reasons.append("opinion")
    checkable = s.quantities or s.explicit_dates or s.denial or s.superlative or s.comparative
    if s.quote_ratio >= 0.5 and not checkable:
        reasons.append("direct quote without checkable content")
    if s.words < SHORT_WORDS and not (s.quantities or s.explicit_dates):
        reasons.append("fragment")
    if s.role == Role.HEADLINE:
        reasons.append("headline")
    elif s.role == Role.CAPTION:
        reasons.append("caption")
    total = BASE + sum(WEIGHTS[r] for r in reasons)
    if s.persons:
        reasons.insert(0, "named person")
        total += WEIGHTS["named person"] * min(s.persons, MAX_PERSONS)
    if s.entities:
        reasons.insert(0, "named entity")
        total += WEIGHTS["named entity"] * min(s.entities, MAX_ENTITIES)
    return round(min(1.0, max(0.0, total)), 3), reasons
