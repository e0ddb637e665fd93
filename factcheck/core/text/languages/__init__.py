"""Words of each language, kept as data: one JSON file per language (``id.json``, ``en.json``).

Adding a language is adding a file with the same keys (`missing_keys` lists what a file lacks
next to the English one). `load` reads a file once and caches it; `detect_language` picks the
language whose function words cover most of a text.

Besides ``function_words`` a file holds, for claim extraction (`factcheck.core.extract`): number
words, separators, hedges and units (``numbers``, ``hedges``, ``units``), month, weekday and
relative-time words (``dates``), reporting and denial verbs and their speakers' shapes
(``reporting``, ``denial``), event verbs, superlatives, speculation and opinion words, titles,
role words, pronouns, places and institutions, and page-furniture prefixes (``furniture``).
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources
from typing import Any

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


@cache
def languages() -> tuple[str, ...]:
    """Codes of the languages that have a lexicon file."""
    files = resources.files(__package__)
    return tuple(sorted(p.name[:-5] for p in files.iterdir() if p.name.endswith(".json")))


@cache
def load(lang: str) -> dict[str, Any]:
    """Return the lexicon of ``lang`` (an ISO 639-1 code)."""
    path = resources.files(__package__) / f"{lang}.json"
    with path.open(encoding="utf-8") as handle:
        data: dict[str, Any] = json.load(handle)
    return data


def missing_keys(lang: str, reference: str = "en") -> list[str]:
    """Keys (nested ones as ``numbers.words``) that the ``reference`` lexicon has and ``lang``
    lacks; empty when ``lang`` is complete."""

    def paths(data: dict[str, Any], prefix: str = "") -> set[str]:
        found = set()
        for key, value in data.items():
            found.add(prefix + key)
            if isinstance(value, dict) and key not in _FREE_FORM:
                found |= paths(value, prefix + key + ".")
        return found

    return sorted(paths(load(reference)) - paths(load(lang)))


_FREE_FORM = frozenset({
    "words", "multipliers", "fractions", "vague", "scale_abbreviations", "hedges", "units",
    "currency_prefixes", "months", "weekdays", "relative_days", "periods", "ordinals",
})
"""Keys whose values map a language's own words: their entries differ between languages."""


@cache
def _function_words(lang: str) -> frozenset[str]:
    return frozenset(w.lower() for w in load(lang).get("function_words", []))


def detect_language(text: str, minimum_hits: int = 3) -> str | None:
    """Guess the language of ``text`` from its function words; None when too little evidence."""
    words = [w.lower() for w in _WORD.findall(text[:20000])]
    if not words:
        return None
    scores = {lang: sum(1 for w in words if w in _function_words(lang)) for lang in languages()}
    best = max(scores, key=lambda lang: scores[lang])
    ranked = sorted(scores.values(), reverse=True)
    if scores[best] < minimum_hits or (len(ranked) > 1 and ranked[0] == ranked[1]):
        return None
    return best
