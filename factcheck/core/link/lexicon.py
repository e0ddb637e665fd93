"""The linker's bilingual word lists (``lexicon.json``), loaded once into lookup tables.

The JSON file holds words as data (Indonesian and English side by side); this module only turns
it into the shapes the matcher needs: phrase tables keyed by token tuples, sets, and compiled
patterns. Nothing here knows about a particular article.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from factcheck.core.textnorm import fold

WORD = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*", re.UNICODE)
"""A word: letters and digits, with inner hyphens or apostrophes ("Bangsa-Bangsa", "Jong-un")."""


def words(text: str) -> list[str]:
    """Split a (folded) text into words."""
    return WORD.findall(text)


def phrase_key(text: str) -> tuple[str, ...]:
    """The token tuple a phrase is looked up by: folded words, hyphens split."""
    return tuple(w for part in words(fold(text)) for w in part.split("-") if w)


@dataclass(frozen=True)
class Unit:
    """A unit of measure: its canonical key and the factor to that key's base unit."""

    key: str
    factor: float


@dataclass(frozen=True)
class Lexicon:
    """Lookup tables built from ``lexicon.json``."""

    stopwords: frozenset[str]
    titles: frozenset[str]
    entity_phrases: dict[tuple[str, ...], str]
    """Folded alias token tuple -> canonical entity (aliases matched on folded text)."""
    entity_exact: dict[tuple[str, ...], str]
    """Case-sensitive alias token tuple -> canonical entity (all-capital aliases: AS, US, UN)."""
    concept_phrases: dict[tuple[str, ...], str]
    """Folded word tuple -> concept key (single words and multi-word phrases)."""
    broader: dict[str, tuple[str, ...]]
    """Concept -> broader concepts also implied ("missile" -> "weapon")."""
    roots: frozenset[str]
    units: dict[tuple[str, ...], Unit]
    multipliers: dict[str, float]
    number_words: dict[str, float]
    tens: dict[str, float]
    hedges: dict[tuple[str, ...], str]
    denial_cues: tuple[tuple[str, ...], ...]
    concessive: frozenset[str]
    anaphora: frozenset[tuple[str, ...]]
    time_relations: dict[tuple[str, ...], str]
    months: dict[str, int]
    wires: dict[str, str]
    """Name as written (case-sensitive) -> wire key."""
    wires_needing_cue: frozenset[str]
    credit_cues: tuple[tuple[str, ...], ...]
    max_phrase: int
    entity_starts: frozenset[str]
    """Folded first words of the aliases (a word that starts none needs no lookup)."""
    exact_starts: frozenset[str]
    concept_starts: frozenset[str]
    """First words of the multi-word concept phrases."""
    common: frozenset[str]
    """Folded words that are never a name on their own (stopwords, titles, concept words)."""
    frames: FrameWords
    """Words that read event frames (see ``frames.py``)."""
    elapsed_cues: frozenset[str]
    """"since": "75 years since 1948" counts the time from a stated year."""


@dataclass(frozen=True)
class FrameWords:
    """The ``frames`` section of the lexicon."""

    actions: frozenset[str]
    """Concepts that name an event with a doer and a receiver (supply, launch, visit)."""
    reporting: frozenset[str]
    """Concepts of saying, accusing, denying or counting: they end a frame's clause."""
    roles: dict[str, str]
    """Folded preposition -> ``source``, ``target`` or ``other`` (the role it gives the entity
    that follows)."""
    boundaries: frozenset[str]
    """Words that end the clause a frame reads (conjunctions, reporting verbs, pronouns)."""
    passive_aux: frozenset[str]
    nominal_suffixes_en: tuple[str, ...]
    co_party_actions: frozenset[str]
    """Actions done *with* someone (meet, sign): a co-party preposition names the target."""
    co_party_preps: frozenset[str]
    kinship: frozenset[str]
    """"ayah Kim" / "Kim's sister": a name beside these words describes someone else."""


def _phrases(values: list[str]) -> list[tuple[str, ...]]:
    return [k for k in (phrase_key(v) for v in values) if k]


@cache
def _raw() -> dict[str, Any]:
    path = resources.files(__package__) / "lexicon.json"
    with path.open(encoding="utf-8") as handle:
        data: dict[str, Any] = json.load(handle)
    return data


@cache
def lexicon() -> Lexicon:
    """Return the lookup tables (built once per process)."""
    raw = _raw()
    entity_phrases: dict[tuple[str, ...], str] = {}
    entity_exact: dict[tuple[str, ...], str] = {}
    for canon, aliases in raw["entities"].items():
        for alias in aliases:
            letters = [c for c in alias if c.isalpha()]
            if letters and all(c.isupper() for c in letters) and len(letters) <= 5:
                entity_exact[tuple(p for w in WORD.findall(alias) for p in w.split("-"))] = canon
            else:
                entity_phrases[phrase_key(alias)] = canon
    concept_phrases: dict[tuple[str, ...], str] = {}
    for concept, forms in raw["concepts"].items():
        for key in _phrases(forms):
            concept_phrases.setdefault(key, concept)
    units: dict[tuple[str, ...], Unit] = {}
    for key, spec in raw["units"].items():
        unit = Unit(spec.get("to", key), float(spec["factor"]))
        for form in spec["forms"]:
            units[phrase_key(form) or (form,)] = unit
    hedges = {k: name for name, forms in raw["hedges"].items() for k in _phrases(forms)}
    time_relations = {
        k: name for name, forms in raw["time_relations"].items() for k in _phrases(forms)
    }
    wires: dict[str, str] = {}
    needing: set[str] = set()
    for key, spec in raw["wires"].items():
        for name in spec["names"]:
            wires[name] = key
        needing.update(spec.get("needs_cue", []))
    stopwords = frozenset(fold(w) for w in raw["stopwords"])
    titles = frozenset(fold(w) for w in raw["titles"])
    concept_words = frozenset(w for k in concept_phrases for w in k)
    max_phrase = max(
        len(k) for k in [*entity_phrases, *entity_exact, *concept_phrases, *hedges, *time_relations]
    )
    spec = raw["frames"]
    roles = {fold(w): "other" for w in spec["other_preps"]}
    roles |= {fold(w): "source" for w in spec["source_preps"]}
    roles |= {fold(w): "target" for w in spec["target_preps"]}
    frames = FrameWords(
        actions=frozenset(spec["actions"]),
        reporting=frozenset(spec["reporting"]),
        roles=roles,
        boundaries=frozenset(fold(w) for w in spec["boundaries"]),
        passive_aux=frozenset(fold(w) for w in spec["passive_aux"]),
        nominal_suffixes_en=tuple(spec["nominal_suffixes_en"]),
        co_party_actions=frozenset(spec["co_party_actions"]),
        co_party_preps=frozenset(fold(w) for w in spec["co_party_preps"]),
        kinship=frozenset(fold(w) for w in spec["kinship"]),
    )
    return Lexicon(
        stopwords=stopwords,
        titles=titles,
        entity_phrases=entity_phrases,
        entity_exact=entity_exact,
        concept_phrases=concept_phrases,
        broader={k: tuple(v) for k, v in raw.get("broader", {}).items()},
        roots=frozenset(raw["roots"]),
        units=units,
        multipliers={fold(k): float(v) for k, v in raw["multipliers"].items()},
        number_words={fold(k): float(v) for k, v in raw["number_words"].items()},
        tens={fold(k): float(v) for k, v in raw["tens"].items()},
        hedges=hedges,
        denial_cues=tuple(_phrases(raw["denial_cues"])),
        concessive=frozenset(fold(w) for w in raw["concessive"]),
        anaphora=frozenset(_phrases(raw["anaphora"])),
        time_relations=time_relations,
        months={fold(k): int(v) for k, v in raw["months"].items()},
        wires=wires,
        wires_needing_cue=frozenset(needing),
        credit_cues=tuple(_phrases(raw["credit_cues"])),
        max_phrase=max_phrase,
        entity_starts=frozenset(k[0] for k in entity_phrases),
        exact_starts=frozenset(k[0] for k in entity_exact),
        concept_starts=frozenset(k[0] for k in concept_phrases if len(k) > 1),
        common=stopwords | titles | concept_words | frozenset(fold(m) for m in raw["months"]),
        frames=frames,
        elapsed_cues=frozenset(fold(w) for w in raw["elapsed_cues"]),
    )
