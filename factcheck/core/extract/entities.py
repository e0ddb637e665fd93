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

from factcheck.core.extract.lang import Lang, compiled

_CAP = r"[A-Z][\w'’]*(?:[.-][\w'’]+)*\.?"
_TOKEN = re.compile(_CAP)
_DATELINE = re.compile(
    r"^\s*(?:[A-Z][A-Z0-9.]+(?:\.[A-Za-z]+)?,\s*)?[A-Z][\w .'-]{1,40}?\s[-–—]\s"
)
"""``TEMPO.CO, Jakarta - `` or ``SERAMBINEWS.COM, MOSKOW – `` at the start of a lead sentence."""
_LEAD = re.compile(r"^[\W\d_]*")


@dataclass(frozen=True, slots=True)
class Entity:
    """A name as written, with its offsets in the text it was found in."""

    text: str
    start: int
    end: int


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


def sentence_start(text: str) -> int:
    """Offset of the first word of a sentence (after a dateline, quotes and brackets)."""
    pos = dateline_end(text)
    return pos + _LEAD.match(text[pos:]).end()  # type: ignore[union-attr]


def _runs(text: str, lex: Lang) -> list[list[tuple[str, int, int]]]:
    """Runs of capitalised tokens (name connectors allowed between two of them)."""
    runs: list[list[tuple[str, int, int]]] = []
    current: list[tuple[str, int, int]] = []
    last_end = -1
    for m in _TOKEN.finditer(text):
        if m.start() > 0 and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "-'’"):
            continue  # the tail of "antar-Korea" or of a word
        word = m.group(0).rstrip(".") if m.group(0).count(".") == 1 else m.group(0)
        gap = text[last_end:m.start()] if current else ""
        joined = current and (
            re.fullmatch(r"[ \t\u00a0]", gap) is not None
            or (
                re.fullmatch(r"[ \t\u00a0]+(\S+)[ \t\u00a0]+", gap) is not None
                and gap.strip().lower() in lex.name_connectors
            )
        )
        if current and not joined:
            runs.append(current)
            current = []
        current.append((word, m.start(), m.start() + len(word)))
        last_end = m.start() + len(word)
    if current:
        runs.append(current)
    return runs


def _is_common(word: str, lex: Lang) -> bool:
    w = word.lower()
    return (
        w in lex.openers
        or w in lex.function_words
        or w in lex.pronouns
        or w in lex.determiners
        or w in lex.months
        or w in lex.weekdays
    )


def _split_place(tokens: list[tuple[str, int, int]], lex: Lang) -> list[list[tuple[str, int, int]]]:
    """Split a run after a place name that starts it and is followed by more of the name."""
    if lex.is_place(" ".join(t[0] for t in tokens)):
        return [tokens]
    for size in (3, 2, 1):
        if len(tokens) > size:
            name = " ".join(t[0] for t in tokens[:size])
            if lex.is_place(name):
                return [tokens[:size], *_split_place(tokens[size:], lex)]
    return [tokens]


def _known_parts(
    run: list[tuple[str, int, int]], known: set[str], lex: Lang
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
    known_set = set(known)
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
            or (run[0][1] == first and run[0][0] not in known_set and not lex.is_place(run[0][0]))
        ):
            run = run[1:]
        while run and (_is_common(run[-1][0], lex) or run[-1][0].lower() in lex.titles):
            run = run[:-1]
        if not run:
            continue
        for part in _split_place(run, lex):
            start, end = part[0][1], part[-1][2]
            name = text[start:end]
            if len(name) < 2 or name in seen:
                continue
            seen.add(name)
            out.append(Entity(name, start, end))
    return out


def capitalised_words(sentences: Iterable[str]) -> frozenset[str]:
    """Words written capitalised somewhere other than at the start of a sentence."""
    words: set[str] = set()
    for sentence in sentences:
        first = sentence_start(sentence)
        if sentence == sentence.upper():
            continue  # a credit line or shouting
        tokens = sentence.split()
        if len(tokens) >= 3 and sum(t[:1].isupper() for t in tokens) > 0.7 * len(tokens):
            continue  # a title-case heading says nothing about which words are names
        for m in _TOKEN.finditer(sentence):
            if m.start() > first and not sentence[m.start() - 1].isalnum():
                words.add(m.group(0).rstrip("."))
    return frozenset(words)
