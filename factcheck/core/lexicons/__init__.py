"""Words of each language, kept as data: one JSON file per language (``id.json``, ``en.json``).

Adding a language is adding a file with the same keys. `load` reads a file once and caches it;
`detect_language` picks the language whose function words cover most of a text.
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
