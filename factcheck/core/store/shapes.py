"""What the readers of raw documents rely on: the structure checks of a table's documents
(`SHAPES`), and which fields a big table's lines end with (`TAILS`).

A document whose structure is damaged (a claim whose ``evidence`` is a string, a review whose
``marks`` is a list...) is left out of views and reports rather than stopping them
(`factcheck.core.store.store.Store.sound`); ``factcheck doctor`` names and mends it.

The file backend writes the fields of `TAILS` last on each line of a claim and of a review: the
claim list reads a claim without its evidence, and a review without its marks and notes, by
parsing each line only up to them (`factcheck.core.store.lined.Rows.passing`).
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import repeat
from typing import Any


def _dicts(value: Any) -> bool:
    # map() keeps the loop in C: this runs for every claim and review of a listing.
    return isinstance(value, list) and all(map(isinstance, value, repeat(dict)))


def sound_claim(doc: Any) -> bool:
    """Whether a stored claim has the structure readers rely on."""
    return (isinstance(doc, dict) and _dicts(doc.get("evidence", []))
            and _dicts(doc.get("conflicts", []))
            and isinstance(doc.get("normalized") or {}, dict)
            and isinstance(doc.get("text", ""), str))


def sound_review(doc: Any) -> bool:
    """Whether a stored review has the structure readers rely on."""
    if not isinstance(doc, dict):
        return False
    marks = doc.get("marks", {})
    if not isinstance(marks, dict):
        return False
    if marks and not (all(map(isinstance, marks.values(), repeat(dict)))
                      and all(all(map(isinstance, v.values(), repeat(dict)))
                              for v in marks.values())):
        return False
    return _dicts(doc.get("notes", [])) and isinstance(doc.get("verdict") or {}, dict)


def sound_article_keys(doc: Any) -> bool:
    """Whether a stored record of an article's keys has the structure linking relies on."""
    if not isinstance(doc, dict) or not isinstance(doc.get("of"), str):
        return False
    maps = [doc.get("counts", {}), doc.get("names", {})]
    days = doc.get("days", [])
    return (all(isinstance(m, dict) and all(isinstance(v, int) for v in m.values())
                for m in maps)
            and isinstance(days, list) and all(isinstance(d, str) for d in days))


SHAPES: dict[str, Callable[[Any], bool]] = {
    "claims": sound_claim, "reviews": sound_review, "article_keys": sound_article_keys}
"""Structure checks of the documents readers walk as raw dicts."""

TAILS: dict[str, tuple[str, ...]] = {"claims": ("evidence",), "reviews": ("marks", "notes")}
"""The fields a table's lines end with, in this order: the bulky ones a listing does not need
(a claim's evidence is four fifths of its line)."""


def tail_last(doc: dict[str, Any], tail: tuple[str, ...]) -> dict[str, Any]:
    """``doc`` with the fields of ``tail`` moved to its end (the same dict when they are)."""
    keys = list(doc)
    held = [key for key in tail if key in doc]
    if not held or keys[-len(held):] == held:
        return doc
    out = {key: value for key, value in doc.items() if key not in tail}
    out.update((key, doc[key]) for key in held)
    return out
