"""Words, numbers and dates of a claim, in a form that survives paraphrase and translation.

* `Token` streams keep the text's case (names need it) next to the folded form (matching needs it).
* `stem` is a light stemmer: Indonesian affixes (me-/mem-/men-/meng-/meny-/ber-/di-/ter-/pe-/per-/
  ke-, -kan/-an/-i/-nya/-lah) and English inflections (-s/-es/-ies/-ed/-ing). Where an Indonesian
  prefix hides the first consonant of the root (``memasok`` <- ``pasok``) the candidate roots are
  checked against the lexicon.
* `concept_terms` maps words and phrases of either language to one concept key (``rudal`` and
  ``missile`` -> ``missile``); other content words stay as their stems.
* `find_numbers` reads figures ("sekitar 50 rudal", "more than two decades") and `find_phrases`
  relative timing ("at the same time", "beberapa jam menjelang"); dates are in ``dates.py``.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from factcheck.core.link.lexicon import WORD, Lexicon, lexicon
from factcheck.core.textnorm import fold

VOWELS = frozenset("aeiou")


class Token(NamedTuple):
    """One word of a text: as written, folded, and where it starts."""

    text: str
    low: str
    start: int
    hyphen_before: bool = False
    """True when the token was joined to the previous one by a hyphen ("Jong-un")."""
    after_break: bool = False
    """True when punctuation other than a hyphen separates it from the previous token."""


@dataclass(frozen=True, slots=True)
class Number:
    """A figure stated in a claim: value in the base unit, unit key, and hedge."""

    value: float
    unit: str
    hedge: str | None = None


_new_token = tuple.__new__
"""Builds a `Token` from a full tuple without the keyword-handling constructor (hot path)."""
_TOKEN = re.compile(r"\d+(?:[.,]\d+)+|%|" + WORD.pattern, re.UNICODE)


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into tokens; hyphenated words become several tokens."""
    folded = fold(text)
    out: list[Token] = []
    previous_end = 0
    for match in _TOKEN.finditer(text):
        start = match.start()
        gap = text[previous_end:start]
        broken = bool(gap.strip()) and gap.strip() not in ("-",)
        previous_end = match.end()
        word = match.group()
        if "-" not in word and "'" not in word:
            out.append(_new_token(Token, (word, folded[start:previous_end], start, False, broken)))
            continue
        first = True
        for part in re.split(r"([-'])", word):
            if part in ("-", "'"):
                start += 1
                continue
            if part:
                low = folded[start : start + len(part)]
                out.append(_new_token(Token, (part, low, start, not first, broken and first)))
                first = False
            start += len(part)
    return out


def _known(word: str, lex: Lexicon) -> bool:
    return (word,) in lex.concept_phrases or word in lex.roots


def _strip_suffix(word: str, allow_i: bool) -> list[str]:
    out = [word]
    for suffix in ("kan", "an") + (("i",) if allow_i else ()):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            out.append(word[: -len(suffix)])
    return out


def _prefix_candidates(word: str) -> list[str]:
    """Roots an Indonesian prefixed word may come from, most likely first."""
    w = word
    out: list[str] = []
    if w.startswith("meny") and len(w) > 5 and w[4] in VOWELS:
        out += ["s" + w[4:]]
    elif w.startswith(("memper", "diper")):
        out += [w[w.index("per") + 3 :], w[w.index("per") + 1 :]]
    elif w.startswith("meng") and len(w) > 5:
        out += [w[4:], "k" + w[4:]] if w[4] in VOWELS else [w[4:]]
    elif w.startswith("mem") and len(w) > 4:
        out += ["p" + w[3:], w[3:]] if w[3] in VOWELS else [w[3:]]
    elif w.startswith("men") and len(w) > 4:
        out += ["t" + w[3:], w[2:]] if w[3] in VOWELS else [w[3:]]
    elif w.startswith("me") and len(w) > 4 and w[2] in "lmnrwy":
        out += [w[2:]]
    elif w.startswith("peny") and len(w) > 5 and w[4] in VOWELS:
        out += ["s" + w[4:]]
    elif w.startswith("peng") and len(w) > 5:
        out += [w[4:], "k" + w[4:]]
    elif w.startswith("pem") and len(w) > 4:
        out += ["p" + w[3:], w[3:]] if w[3] in VOWELS else [w[3:]]
    elif w.startswith("pen") and len(w) > 4:
        out += ["t" + w[3:], w[3:]] if w[3] in VOWELS else [w[3:]]
    for prefix in ("di", "ter", "ber", "per", "ke", "pe", "be", "se"):
        if w.startswith(prefix) and len(w) - len(prefix) >= 4:
            out.append(w[len(prefix) :])
    return out


@lru_cache(maxsize=200_000)
def stem(word: str, language: str | None = None) -> str:
    """Return a light stem of a folded word (see the module docstring)."""
    lex = lexicon()
    if _known(word, lex) or len(word) <= 3 or not word.isalpha():
        return word
    if language == "en":
        return _stem_en(word, lex)
    base = word
    for particle in ("lah", "kah", "nya"):
        if base.endswith(particle) and len(base) - len(particle) >= 5:
            base = base[: -len(particle)]
            break
    if _known(base, lex):
        return base
    prefixed = _prefix_candidates(base)
    allow_i = bool(prefixed)
    ordered = [c for p in [base, *prefixed] for c in _strip_suffix(p, allow_i)]
    for cand in ordered:
        if _known(cand, lex):
            return cand
    if language is None:
        english = _stem_en(word, lex)
        if _known(english, lex):
            return english
    # Default: the first prefix rule and the longest suffix, never below 4 letters.
    root = prefixed[0] if prefixed and len(prefixed[0]) >= 4 else base
    for suffix in ("kan", "an", "i") if allow_i else ("kan", "an"):
        if root.endswith(suffix) and len(root) - len(suffix) >= 4:
            return root[: -len(suffix)]
    return root


def _stem_en(word: str, lex: Lexicon) -> str:
    for suffix, repl in (("ies", "y"), ("ied", "y"), ("sses", "ss"), ("es", ""), ("s", ""),
                         ("ing", ""), ("ed", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            if suffix == "s" and word.endswith(("ss", "us", "is")):
                continue
            cand = word[: -len(suffix)] + repl
            if suffix == "es" and not _known(cand, lex) and not word.endswith(
                ("ches", "shes", "xes", "sses", "zes")
            ):
                cand = word[:-1]
            return cand
    return word


def concept_terms(tokens: list[Token], skip: set[int], language: str | None) -> set[str]:
    """Concept keys (``t:visit``) and stems (``w:stem``) of the content words of ``tokens``.

    ``skip`` holds the indexes of tokens already used by an entity or a number.
    """
    lex = lexicon()
    out: set[str] = set()
    lows = [t.low for t in tokens]
    i = 0
    while i < len(tokens):
        if i in skip:
            i += 1
            continue
        widths = range(min(4, len(tokens) - i), 1, -1) if lows[i] in lex.concept_starts else ()
        for n in widths:
            concept = lex.concept_phrases.get(tuple(lows[i : i + n]))
            if concept is not None and not any(j in skip for j in range(i, i + n)):
                out.add("t:" + concept)
                i += n
                break
        else:
            low = lows[i]
            i += 1
            if low in lex.stopwords or len(low) < 3 or not low.isalpha() or low in lex.months:
                continue
            concept = lex.concept_phrases.get((low,))
            if concept is None:
                root = stem(low, language)
                if root in lex.stopwords:
                    continue
                concept = lex.concept_phrases.get((root,))
                out.add("t:" + concept if concept else "w:" + root)
            else:
                out.add("t:" + concept)
    for key in [k for k in out if k[2:] in lex.broader and k.startswith("t:")]:
        out.update("t:" + b for b in lex.broader[key[2:]])
    return out


def token_concepts(tokens: list[Token], language: str | None) -> list[str | None]:
    """The concept each token starts (a multi-word phrase names it at its first token only).

    Words inside a phrase get None, so "juru bicara" is a spokesman and no "bicara" (talk).
    """
    lex = lexicon()
    lows = [t.low for t in tokens]
    out: list[str | None] = [None] * len(lows)
    i = 0
    while i < len(lows):
        low = lows[i]
        if low in lex.concept_starts:
            for n in range(min(4, len(lows) - i), 1, -1):
                concept = lex.concept_phrases.get(tuple(lows[i : i + n]))
                if concept is not None:
                    out[i] = concept
                    i += n
                    break
            else:
                concept = None
            if concept is not None:
                continue
        concept = lex.concept_phrases.get((low,))
        if concept is None and low.isalpha() and len(low) > 3:
            concept = lex.concept_phrases.get((stem(low, language),))
        out[i] = concept
        i += 1
    return out


_NUM = re.compile(r"^\d+(?:[.,]\d+)*$")


def parse_number(text: str) -> float | None:
    """Parse "24", "42,7" (decimal comma), "5.580" / "5,580" (thousands) or "3.5"."""
    if not _NUM.match(text):
        return None
    parts = re.split(r"([.,])", text)
    if len(parts) == 1:
        return float(text)
    groups = parts[2::2]
    if all(len(g) == 3 for g in groups) and len(set(parts[1::2])) == 1:
        return float("".join(parts[0::2]))
    if len(parts) == 3:
        return float(parts[0] + "." + parts[2])
    return None


def _word_number(lows: list[str], i: int, lex: Lexicon) -> tuple[float, int] | None:
    value = lex.number_words.get(lows[i])
    if value is None:
        return None
    if i + 1 < len(lows) and lows[i + 1] in lex.tens:
        # "dua puluh" = 20, "dua belas" = 12
        return (value * 10 if lows[i + 1] == "puluh" else value + 10), 2
    return value, 1


def _unit_at(lows: list[str], i: int, lex: Lexicon) -> tuple[str, float, int] | None:
    for n in (2, 1):
        unit = lex.units.get(tuple(lows[i : i + n]))
        if unit is not None:
            return unit.key, unit.factor, n
    return None


def _hedge_before(lows: list[str], i: int, lex: Lexicon) -> str | None:
    for n in (3, 2, 1):
        if i - n >= 0:
            hedge = lex.hedges.get(tuple(lows[i - n : i]))
            if hedge is not None:
                return hedge
    return None


def find_numbers(tokens: list[Token], used: set[int] | None = None) -> list[Number]:
    """Figures with a unit found in the text ("24 tahun", "sekitar 50 rudal", "two decades").

    Indexes of the tokens that spell the value are added to ``used`` when given (unit words
    stay: "50 rudal" still says "missile").
    """
    lex = lexicon()
    lows = [t.low for t in tokens]
    out: list[Number] = []
    i = 0
    while i < len(tokens):
        low = lows[i]
        value: float | None = None
        width = 1
        if low[0].isdigit():
            value = parse_number(tokens[i].text)
            if value is not None and 1900 <= value <= 2100 and "." not in tokens[i].text:
                unit_here = _unit_at(lows, i + 1, lex)
                if unit_here is None:
                    i += 1
                    continue  # a year, read by find_dates
        else:
            parsed = _word_number(lows, i, lex)
            if parsed is not None:
                value, width = parsed
            elif low.startswith("se") and (low[2:],) in lex.units and len(low) > 4:
                unit = lex.units[(low[2:],)]
                out.append(Number(unit.factor, unit.key, _hedge_before(lows, i, lex)))
                if used is not None:
                    used.add(i)
                i += 1
                continue
        if value is None:
            i += 1
            continue
        j = i + width
        if j < len(lows) and lows[j] in lex.multipliers:
            value *= lex.multipliers[lows[j]]
            j += 1
        unit_found = None
        for skip in range(0, 3):
            if j + skip < len(lows):
                unit_found = _unit_at(lows, j + skip, lex)
                if unit_found or (skip == 0 and not lows[j].isalpha()):
                    break
        if unit_found is None:
            i = j
            continue
        key, factor, n = unit_found
        out.append(Number(value * factor, key, _hedge_before(lows, i, lex)))
        if used is not None:
            used.update(range(i, j))
        i = j + skip + n
    return out


def find_phrases(lows: list[str], table: dict[tuple[str, ...], str]) -> dict[str, str]:
    """Values of ``table`` whose phrase occurs in ``lows`` (folded tokens) -> the phrase found."""
    starts, widths = _phrase_shape(table)
    found: dict[str, str] = {}
    for i, low in enumerate(lows):
        if low not in starts:
            continue
        for n in widths:
            value = table.get(tuple(lows[i : i + n]))
            if value is not None:
                found.setdefault(value, " ".join(lows[i : i + n]))
                break
    return found


def first_phrase(lows: list[str], phrases: Collection[tuple[str, ...]]) -> int:
    """Index of the first occurrence of any of ``phrases`` in ``lows``, or -1."""
    starts, widths = _phrase_shape(phrases)
    wanted = _phrase_set(phrases)
    for i, low in enumerate(lows):
        if low in starts:
            for n in widths:
                if tuple(lows[i : i + n]) in wanted:
                    return i
    return -1


_SHAPES: dict[int, tuple[object, frozenset[str], tuple[int, ...]]] = {}
_SETS: dict[int, tuple[object, frozenset[tuple[str, ...]]]] = {}


def _phrase_shape(phrases: Collection[tuple[str, ...]]) -> tuple[frozenset[str], tuple[int, ...]]:
    """First words and lengths (longest first) of a phrase table, computed once per table."""
    cached = _SHAPES.get(id(phrases))
    if cached is None or cached[0] is not phrases:
        keys = list(phrases)
        cached = (phrases, frozenset(k[0] for k in keys if k),
                  tuple(sorted({len(k) for k in keys}, reverse=True)))
        _SHAPES[id(phrases)] = cached
    return cached[1], cached[2]


def _phrase_set(phrases: Collection[tuple[str, ...]]) -> frozenset[tuple[str, ...]]:
    cached = _SETS.get(id(phrases))
    if cached is None or cached[0] is not phrases:
        cached = (phrases, frozenset(phrases))
        _SETS[id(phrases)] = cached
    return cached[1]
