"""Named entities as written: runs of capitalised words, with titles and sentence openers taken off.

No model: a name is a run of capitalised words (``Kim Jong Un``, ``Perserikatan Bangsa-Bangsa``,
``KCNA``), joined by the lexicon's name connectors (``bin``, ``of``). A run loses its leading
titles (``Presiden``, ``Menteri Luar Negeri``) and is split after a country or region name that
starts it (``Rusia Vladimir Putin`` -> ``Rusia``, ``Vladimir Putin``; CLDR names via babel). The
first word of a sentence is only a name if the article writes it capitalised mid-sentence too, or it
is a known place: that keeps ``Kedekatan``, ``Setelah`` or ``Meanwhile`` out without a dictionary.
Another stage canonicalizes the names; here they stay as the article writes them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

from factcheck.core.text.lang import Lang, alternation, compiled

_CAP = r"[A-Z][\w'’]*(?:[.-][\w'’]+)*\.?"
_TOKEN = re.compile(_CAP)
_OPENING_RUN = re.compile(rf"{_CAP}(?:[ \t\u00a0]{_CAP})*")
_WORD_START = re.compile(r"[A-Z](?<![\w][A-Z])[\w'’]*(?:[.-][\w'’]+)*\.?")
"""A capitalised word that does not continue another word."""
_DATELINE = re.compile(
    r"^\s*(?:[A-Z][A-Z0-9.]+(?:\.[A-Za-z]+)?,\s*)?[A-Z][\w .'-]{1,40}?\s[-–—]\s"
)
"""``TEMPO.CO, Jakarta - `` or ``SERAMBINEWS.COM, MOSKOW – `` at the start of a lead sentence."""
_LEAD = re.compile(r"^(?:\d{1,2}[.)]\s+)?[\W_]*")
"""Quote marks, brackets and a list number ("1. ", "2) ") before a sentence's first word."""
_OPENING_MARKS = "\"“‘'(["
_POSSESSIVE = re.compile(r"['’]s$")
"""``Prabowo’s`` is ``Prabowo``."""
_INITIALS = 2
"""All-capital words up to this long can be initials in a name (``ST Burhanuddin``)."""
_TITLE_SHARE = 0.7
_LOWER_CONTENT = 2
"""Content words in lower case that make a capitalised sentence prose rather than a heading."""


@dataclass(frozen=True, slots=True)
class Entity:
    """A name as written, with its offsets in the text it was found in."""

    text: str
    start: int
    end: int
    person: bool = False
    """Looks like a person's full name (`speakers.person_name`)."""


def dateline_end(text: str) -> int:
    """Length of a dateline at the start of ``text`` (0 when there is none)."""
    m = _DATELINE.match(text)
    if not m:
        return 0
    head = m.group(0)
    # A dateline is short and its place is capitalised; a sentence with a dash is not one.
    words = head.split()
    if len(words) > 6 or not all(w[:1].isupper() or not w[:1].isalpha() for w in words):
        return 0
    return m.end()


@lru_cache(maxsize=512)
def sentence_start(text: str) -> int:
    """Offset of the first word of a sentence (after a dateline, quotes and brackets)."""
    pos = dateline_end(text)
    return pos + _LEAD.match(text[pos:]).end()  # type: ignore[union-attr]


@cache
def _patterns(code: str) -> tuple[re.Pattern[str], frozenset[str]]:
    """The run regex of a language and its words that are never names on their own."""
    lex = compiled(code)
    connectors = alternation(lex.name_connectors) or "(?!x)x"
    first = r"[A-Z](?<![\w'’-][A-Z])[\w'’]*(?:[.-][\w'’]+)*\.?"
    run = re.compile(
        rf"{first}(?:[ \t\u00a0](?:(?:{connectors})[ \t\u00a0]+)?{_CAP})*"
    )
    common = (
        lex.openers | lex.function_words | lex.pronouns | lex.determiners
        | frozenset(lex.months) | frozenset(lex.weekdays)
    )
    return run, common


def _runs(text: str, lex: Lang) -> list[list[tuple[str, int, int]]]:
    """Runs of capitalised words (name connectors allowed between two of them)."""
    run_re, _ = _patterns(lex.code)
    runs: list[list[tuple[str, int, int]]] = []
    for r in run_re.finditer(text):
        run: list[tuple[str, int, int]] = []
        pos = r.start()
        for word in r.group(0).split():
            start = text.index(word, pos)
            pos = start + len(word)
            if not word[0].isupper():
                continue  # a name connector ("bin", "of")
            if _money(word, text, pos, lex):
                if run:
                    runs.append(run)
                run = []
                continue
            if word.count(".") == 1:
                word = word.rstrip(".")
            run.append((word, start, start + len(word)))
        if run:
            runs.append(run)
    return runs


def _money(word: str, text: str, end: int, lex: Lang) -> bool:
    """A capitalised word that is part of an amount, not a name: ``Rp7.650``, ``US`` of
    ``US$0.67``, ``IDR`` of ``IDR 7,650``."""
    prefixes = lex.data["currency_prefixes"]
    after = text[end:end + 2].lstrip(" \u00a0")[:1]
    if word in prefixes or word.rstrip(".") in prefixes:
        return after.isdigit() or not after
    if (word + text[end:end + 1]) in prefixes:
        return True  # "US" then "$"
    return any(word.startswith(p) and word[len(p):len(p) + 1].isdigit() for p in prefixes)


def capitalised(word: str) -> bool:
    """True for a word written with a capital (``Putin``, ``McCain``), not for a number."""
    return word[:1].isupper() or (word[:1].isdigit() is False and any(c.isupper() for c in word))


def person_name(tokens: list[str], lex: Lang) -> bool:
    """True when ``tokens`` look like a person's name: two to five capitalised words, no title,
    role word, acronym or place among them."""
    return (
        2 <= len(tokens) <= 5
        and all(capitalised(t) for t in tokens)
        and not any(t.lower() in lex.titles or t.lower() in lex.role_words for t in tokens)
        and not any(t.isupper() and len(t) > _INITIALS for t in tokens)
        and not lex.is_place(" ".join(tokens))
        and not lex.is_place(tokens[-1])
    )


@lru_cache(maxsize=4096)
def _is_person(name: str, code: str) -> bool:
    return person_name(name.split(), compiled(code))


def _is_common(word: str, lex: Lang) -> bool:
    return word.lower() in _patterns(lex.code)[1]


def _split_place(tokens: list[tuple[str, int, int]], lex: Lang) -> list[list[tuple[str, int, int]]]:
    """Split a run after a place, institution or acronym that starts it and is followed by a
    person's name (``Rusia Vladimir Putin``, ``DKI Jakarta Heru Budi Hartono``)."""
    words = [t[0] for t in tokens]
    if lex.is_place(" ".join(words)):
        return [tokens]
    size = lex.is_org_prefix(words)
    if size and (len(tokens) - size >= 2 or lex.is_place(" ".join(words[:size]))):
        return [tokens[:size], *_split_place(tokens[size:], lex)]
    return [tokens]


def _capitalised_only_here(
    run: list[tuple[str, int, int]], known: set[str] | frozenset[str], lex: Lang
) -> bool:
    """The first word of a sentence that the article never capitalises elsewhere, and that does
    not start a name on its own (``Kedekatan Putin``: yes; ``Kim Jong Un``: no)."""
    word = run[0][0]
    if word in known or lex.is_place(word):
        return False
    rest = [t[0] for t in run[1:]]
    return not rest or any(w in known or lex.is_place(w) for w in rest)


def _known_parts(
    run: list[tuple[str, int, int]], known: set[str] | frozenset[str], lex: Lang
) -> list[list[tuple[str, int, int]]]:
    """The stretches of a title-case run made of words known to be names."""
    parts: list[list[tuple[str, int, int]]] = [[]]
    for token in run:
        if token[0] in known or lex.is_place(token[0]):
            parts[-1].append(token)
        elif parts[-1]:
            parts.append([])
    return [p for p in parts if p]


def find_entities(
    text: str,
    lang: str,
    known: Iterable[str] = (),
    *,
    title_case: bool = False,
) -> list[Entity]:
    """Names in ``text`` (one sentence), deduplicated, in order of first appearance.

    Args:
        text: The sentence.
        lang: Its language code.
        known: Words the article writes capitalised mid-sentence (see `capitalised_words`).
        title_case: The text is a title-case headline: keep only ``known`` words and places.
    """
    lex = compiled(lang)
    known_set: set[str] | frozenset[str] = (
        known if isinstance(known, set | frozenset) else set(known)
    )
    first = sentence_start(text)
    out: list[Entity] = []
    seen: set[str] = set()
    runs = _runs(text, lex)
    if title_case:
        runs = [part for run in runs for part in _known_parts(run, known_set, lex)]
    for run in runs:
        if run[0][1] < first and dateline_end(text):
            run = [t for t in run if t[1] >= first]
        while run and (
            _is_common(run[0][0], lex)
            or run[0][0].lower() in lex.titles
            or (run[0][1] == first and _capitalised_only_here(run, known_set, lex))
        ):
            run = run[1:]
        while run and _is_common(run[-1][0], lex):
            run = run[:-1]
        if not run:
            continue
        for part in _split_place(run, lex):
            start, end = part[0][1], part[-1][2]
            possessive = _POSSESSIVE.search(text, start, end)
            if possessive:
                end = possessive.start()
            name = text[start:end]
            if len(name) < 2 or name in seen or name in lex.data["currency_prefixes"]:
                continue
            if name.lower() in _zones(lex.code):
                continue  # "pukul 07.10 WIB", "0740 GMT": a time zone names nobody
            seen.add(name)
            out.append(Entity(name, start, end, _is_person(name, lex.code)))
    return out


@cache
def _zones(code: str) -> frozenset[str]:
    """The language's time zone words (lower case)."""
    return frozenset(z.lower() for z in compiled(code).data.get("clock", {}).get("zones", ()))


def is_title_case(text: str, lang: str | None = None) -> bool:
    """True for a title-case heading (most words capitalised). Given the language, a sentence
    that leaves two or more content words in lower case is no heading however many names it
    holds ("... disampaikan Peskov setelah pertemuan Presiden Rusia Vladimir Putin ...")."""
    words = [w.lstrip(_OPENING_MARKS) for w in text.split()]
    letters = [w[0] for w in words if w[:1].isalpha()]
    capitalised = sum(map(str.isupper, letters))
    if not (capitalised >= 2 and capitalised >= _TITLE_SHARE * len(letters)):
        return False
    if lang is None:
        return True
    from factcheck.core.text.concepts import fold, vocabulary

    small = vocabulary(lang).function_words
    plain = [w for w in words if w[:1].islower() and w.isalpha() and fold(w) not in small]
    return len(plain) < _LOWER_CONTENT


def capitalised_words(sentences: Iterable[str]) -> frozenset[str]:
    """Words written capitalised somewhere other than in the run of capitalised words that starts
    a sentence (``Kedekatan Putin``, ``Kim Jong Un``: nothing is learnt from either)."""
    words: set[str] = set()
    for sentence in sentences:
        if sentence == sentence.upper():
            continue  # a credit line or shouting
        if is_title_case(sentence):
            continue  # a title-case heading says nothing about which words are names
        opening = _OPENING_RUN.match(sentence, sentence_start(sentence))
        after = opening.end() if opening else sentence_start(sentence)
        words.update(_POSSESSIVE.sub("", w.rstrip("."))
                     for w in _WORD_START.findall(sentence, after))
    return frozenset(words)


_VOWELS_Y = frozenset("aeiouy")
_KEY_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_MIN_SKELETON = 3
"""Shorter consonant skeletons collide too often: such words are keyed as written."""


def skeleton(word: str) -> str:
    """A spelling-tolerant key of a folded word: its first letter, then its consonants, with
    doubled letters collapsed (``sumatera`` and ``sumatra`` -> ``smtr``; ``dijwandono`` and
    ``djiwandono`` -> ``djwndn``)."""
    out = [word[0]]
    for ch in word[1:]:
        if ch in _VOWELS_Y or ch == out[-1]:
            continue
        out.append(ch)
    key = "".join(out)
    return key if len(key) >= _MIN_SKELETON else word


@cache
def _countries() -> dict[str, str]:
    """Folded country and region names in every language file's locale (CLDR), and the capitals
    news uses for their country ("Washington says"), -> ISO code."""
    import json
    from importlib import resources

    from factcheck.core.text import languages
    from factcheck.core.text.concepts import fold

    out: dict[str, str] = {}
    path = resources.files("factcheck.core.text") / "vocabulary.json"
    with path.open(encoding="utf-8") as handle:
        capitals = json.load(handle).get("capitals", {})
    for iso, names in capitals.items():
        if iso != "about":
            out.update((fold(n), iso) for n in names)
    try:
        from babel import Locale

        for code in languages.languages():
            for iso, name in Locale.parse(code).territories.items():
                if iso.isalpha():
                    out.setdefault(fold(str(name)), iso)
    except Exception:  # noqa: BLE001 - without CLDR, countries are keyed word by word
        return {}
    return out


@lru_cache(maxsize=20_000)
def name_keys(name: str, code: str) -> frozenset[str]:
    """Language-neutral keys of a name, for matching it across outlets and languages.

    A country is its ISO code (``Korea Utara`` and ``North Korea`` -> ``n:@KP``). Words the
    vocabulary knows become their concept (``Gunung`` and ``Mount`` -> ``t:mountain``, ``KPU``
    and ``Election Commission`` -> ``t:election_commission``), titles are dropped, and every other
    word becomes its consonant skeleton (`skeleton`), so ``Prabowo`` matches ``Probowo`` and
    ``Sumatera`` matches ``Sumatra``.
    """
    from factcheck.core.text.concepts import catalogue, find_concepts, fold
    from factcheck.core.text.words import tokens as word_tokens

    folded = fold(" ".join(name.split()))
    iso = _countries().get(folded)
    if iso:
        return frozenset({"n:@" + iso})
    lex = compiled(code)
    toks = word_tokens(name)
    hits = find_concepts(toks, code)
    keys: set[str] = set()
    covered: set[int] = set()
    kinds = catalogue()
    for hit in hits:
        if kinds[hit.key].type in ("place", "direction", "institution", "role", "topic"):
            keys.add("t:" + hit.key)
            covered.update(range(hit.first, hit.last))
    for i, word in enumerate(toks.low):
        if i in covered:
            continue
        for part in _KEY_WORD.findall(fold(word)):
            if part in lex.titles or part in lex.function_words or part.isdigit():
                continue
            if len(part) <= 6 and toks.text[toks.starts[i]:toks.ends[i]].isupper():
                keys.add("n:" + part)  # an acronym: KPU, BNPB
            elif len(part) >= 3:
                keys.add("n:" + skeleton(part))
    return frozenset(keys)
