"""Candidate pairs inside one story: mentions that share a blocking key, never all pairs.

Keys say what two mentions could have in common: a figure's measure, its value (exact, and
rounded to two significant digits so that 58.6 % meets 58.59 %), its subject; a date's event
and month; a statement's rarest terms and its speaker. A date of an event also meets the
statements of that event which state a date of their own ("met X on Tuesday" / "when he met X
in Moscow last week"). Each mention is compared with at most
``limit`` others from other articles, those sharing most keys first.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence

from factcheck.core.link.compare import Item, Pair, statement_reading
from factcheck.core.models import Kind
from factcheck.core.text.concepts import catalogue

BORROWED = "ctx:"
"""The term a denial carries for the passage it borrowed its content from."""
RARE_TERMS = 6
"""A statement is indexed by this many of its rarest language-neutral terms."""
MAX_POSTING = 500
"""A key shared by more mentions than this finds no candidates."""


def _round2(value: float) -> str:
    if value == 0 or not math.isfinite(value):
        return "0"
    digits = 1 - int(math.floor(math.log10(abs(value))))
    return f"{round(value, digits):g}"


def blocking_keys(item: Item, weight: Mapping[str, float]) -> set[str]:
    """The keys a mention is indexed by (see the module docstring)."""
    slot = item.slot
    family = item.family
    keys: set[str] = set()
    if family == "figure":
        if slot.measure:
            keys.add("m:" + slot.measure)
        unit = slot.unit or "count"
        if slot.value is not None:
            keys.add(f"v:{unit}:{slot.value:g}")
            keys.add(f"r:{unit}:{_round2(slot.value)}")
        keys.update("s:" + k for k in item.subject)
    elif family == "time":
        if slot.event:
            keys.add("e:" + slot.event)
        if slot.date:
            keys.add("d:" + slot.date[:7])
    else:
        # Ties broken by the key itself: a set's order changes with the hash seed.
        neutral = sorted((t for t in item.terms if t.startswith(("t:", "n:"))),
                         key=lambda t: (-weight.get(t, 1.0), t))
        keys.update("w:" + t for t in neutral[:RARE_TERMS])
        if slot.event:
            keys.add(f"w:t:{slot.event}")  # what it tells of, however common in the story
        keys.update("p:" + k for k in item.speaker)
    out = {item.family[0] + "|" + k for k in keys}
    if family == "figure" and slot.measure and slot.kind == Kind.QUANTITY:
        concept = catalogue().get(slot.measure.rstrip("%+"))
        if concept is not None and concept.type == "event":
            # A count of an event ("about 50 missiles sent") meets statements of the event.
            out.add(f"s|w:t:{concept.key}")
    if family == "time" and slot.event:
        out.add(f"s|w:t:{slot.event}")  # the date of an event meets statements of the event
    elif family == "statement" and item.mention.normalized.date:
        out.update("s|w:" + t for t in statement_reading(item.terms)[0])  # its events
    return out


def candidate_pairs(
    items: Sequence[Item],
    weight: Mapping[str, float],
    score: Callable[[Item, Item], Pair],
    limit: int,
    among: set[int] | None = None,
) -> dict[tuple[int, int], Pair]:
    """Scored pairs of mentions of different articles that share a key (``(i, j)``, i < j);
    with ``among`` (item indices), only the pairs one of those items is part of."""
    postings: dict[str, list[int]] = defaultdict(list)
    keys_of: list[set[str]] = []
    for item in items:
        keys = blocking_keys(item, weight)
        keys_of.append(keys)
        for key in keys:
            postings[key].append(item.index)
    out: dict[tuple[int, int], Pair] = {}
    by_passage: dict[str, list[int]] = defaultdict(list)
    for item in items:
        by_passage[item.passage_id].append(item.index)
    chosen = items if among is None else [items[i] for i in sorted(among)]
    for item in chosen:
        # A denial that borrowed what it denies from the sentence before ("Both deny the
        # claims") is compared with that sentence's mentions, in the same article.
        for term in item.terms:
            if term.startswith(BORROWED):
                for other in by_passage.get(term[len(BORROWED):], []) + by_passage[
                        item.passage_id]:
                    if other != item.index and items[other].denies != item.denies:
                        pair = (min(item.index, other), max(item.index, other))
                        out.setdefault(pair, score(items[pair[0]], items[pair[1]]))
    source_of = [it.source_id for it in items]
    if len(set(source_of)) < 2:
        return out  # one article (a run-on page, say): no pairs across articles
    for item in chosen:
        shared: Counter[int] = Counter()
        for key in keys_of[item.index]:
            posting = postings[key]
            if len(posting) <= MAX_POSTING:
                # Counted in C: in a big story a key's posting holds hundreds of mentions.
                shared.update(posting)
        for other in [o for o in shared if source_of[o] == item.source_id]:
            del shared[other]  # its own article's mentions are no candidates
        for other, _n in heapq.nsmallest(limit, shared.items(), key=lambda kv: (-kv[1], kv[0])):
            pair = (item.index, other) if item.index < other else (other, item.index)
            if pair not in out:
                out[pair] = score(items[pair[0]], items[pair[1]])
    return out
