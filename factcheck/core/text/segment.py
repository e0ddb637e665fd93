"""Sentence segmentation of news paragraphs, Indonesian and English.

`split_sentences` cuts one paragraph into sentence spans. A full stop, question or exclamation
mark or an ellipsis ends a sentence unless the words around it say otherwise:

* abbreviations, initials and month names (``Dr. Andi``, ``M. Sulthan``, ``Jan. 5``), dotted
  acronyms (``U.S.`` ends a sentence only before a word that starts one), decimals and domains
  (``58.6``, ``Tempo.co``, ``WARTASULUH.COM``), list numbers (``1. Pertalite ...``);
* a direct quotation of up to three sentences stays one passage with its attribution
  (``"Saat ini ... ke bawah. Jadi total ... 12 orang," kata Abdul Malik.``);
* sentences run together without a space (``...visit.The delegation``) are cut where a word
  in lower case is followed by a full stop and a capitalised word;
* bullets inside a paragraph (``• World • Indonesia``) start a new passage.

A dateline (``KOTA, OUTLET.CO.ID --``, ``CITY (Reuters) -``, ``Bisnis.com, JAKARTA --``,
``JAKARTA:``) never ends a sentence, so it stays with the first sentence it opens.

The words (abbreviations, words that start a sentence after an acronym, month names) live in
each language file under ``segmentation`` and ``dates``; a paragraph is cut with the words of
every language, as its language is known only once the whole article is read.

Every step looks at a bounded window around one candidate boundary, so a paragraph is cut in
time linear in its length (a 1,000,000-character paragraph with no full stop is one pass of one
regular expression).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cache

from factcheck.core.text import languages as lexicons

__all__ = ["split_sentences"]

_CLOSERS = "\"'\u201d\u2019\u00bb)\\]"
# A candidate boundary: sentence punctuation and the closers after it. Followed by white space
# and more text, or (run-together sentences) directly by a capitalised word or an opening quote.
_BOUNDARY = re.compile(
    rf"(?:[.!?]+|\u2026)[{_CLOSERS}]*(?=\s+\S|[A-Z][a-z]|[\"\u201c][A-Z])"
)
_OPENERS = "\"'\u201c\u2018\u00ab([\u2013\u2014-"
_TOKEN_BEFORE = re.compile(r"(\S+)$")
# Where a run-together sentence ends inside a token ("attended.Mr"): the word is what follows.
_RUN_INTO = re.compile(rf"[.!?][{_CLOSERS}]*(?=[A-Z][a-z])")
_DOTTED = re.compile(r"^(?:[A-Za-z]\.)+[A-Za-z]$")
_TRAILING_PARENTHETICAL = re.compile(r"^\([^()]{1,80}\)\s*$")
_LOOKAHEAD = 120
_LOOKBEHIND = 40
_WORD = re.compile(r"[\w']+")
_LETTERS = re.compile(r"[A-Za-z]+")
# Domain endings: "Detik.Com", "Tempo.Co" are one word, not two sentences run together.
_DOMAIN_ENDINGS = frozenset({
    "com", "co", "id", "net", "org", "news", "tv", "info", "go", "ac", "or", "my", "sg", "uk",
    "au", "ph", "in", "io", "biz", "asia", "online", "site", "web",
})
# A list number ("1.", "2.") at the start of a paragraph or after a colon, semicolon or bullet.
_LIST_NUMBER = re.compile(r"\(?\d{1,2}")
_LIST_LEAD = ":;\u2022\u25cf\u25aa\u2023"
_BULLET = re.compile(r"\s[\u2022\u25cf\u25aa\u2023]\s+(?=\S)")
_MAX_QUOTED_SENTENCES = 3
"""A direct quotation of up to this many sentences stays one passage with its attribution."""
_MAX_QUOTE = 2000
"""Characters: a longer "quotation" is a stray quote mark, not one."""
_STRAIGHT_QUOTE = '"'
_QUOTE_MARKS = re.compile(r'["\u201c\u201d\u00ab\u00bb]')
_OPEN_QUOTES = "\u201c\u00ab"
_CLOSE_QUOTES = "\u201d\u00bb"


@dataclass(frozen=True)
class _Words:
    abbreviations: frozenset[str]
    months: frozenset[str]
    starters: frozenset[str]


@cache
def _words() -> _Words:
    """The segmentation words of every language file."""
    abbreviations: set[str] = set()
    months: set[str] = set()
    starters: set[str] = set()
    for lang in lexicons.languages():
        data = lexicons.load(lang)
        words = data.get("segmentation", {})
        abbreviations.update(w.lower() for w in words.get("abbreviations", []))
        starters.update(w.lower() for w in words.get("starters_after_acronym", []))
        names = [m.lower() for m in data.get("dates", {}).get("months", {})]
        months.update(names)
        # "Jan.", "Sept.", "Okt.": a short form of a longer month name is an abbreviation.
        abbreviations.update(m for m in names if any(o != m and o.startswith(m) for o in names))
    return _Words(frozenset(abbreviations), frozenset(months), frozenset(starters))


def _ends_sentence(paragraph: str, match: re.Match[str], words: _Words) -> bool:
    """Decide whether the punctuation matched at ``match`` ends a sentence."""
    end = match.end()
    spaced = end < len(paragraph) and paragraph[end].isspace()
    # What follows the punctuation decides; a short window of it is enough (and keeps a huge
    # paragraph linear).
    rest = paragraph[end:end + _LOOKAHEAD].lstrip()
    first = rest[:1]
    if first.islower():
        return False
    if not (first.isupper() or first.isdigit() or first in _OPENERS):
        return False
    if (first == "(" and end + _LOOKAHEAD >= len(paragraph)
            and _TRAILING_PARENTHETICAL.match(rest)):
        return False  # a sign-off such as "(Serambinews.com/Agus Ramadhan)" stays attached
    punct = match.group(0)
    token = _TOKEN_BEFORE.search(paragraph, max(0, match.start() - _LOOKBEHIND), match.start())
    word = _RUN_INTO.split(token.group(1))[-1].lstrip(_OPENERS) if token else ""
    if not spaced and not _run_together(word, rest):
        return False
    if punct != ".":
        return True
    if not word:
        return True
    low = word.lower()
    if low in words.abbreviations:
        return False
    if first.isdigit() and low in words.months:
        return False  # "on May. 6", "pada Jan. 5"
    if len(word) == 1 and word.isalpha() and word.isupper():
        return False  # an initial: "Joe R. Biden", "M. Sulthan"
    if token is not None and _LIST_NUMBER.fullmatch(word):
        lead = paragraph[max(0, token.start() - _LOOKBEHIND):token.start()].rstrip()
        if _list_number(lead, token.start() <= _LOOKBEHIND, words):
            return False  # "1. Pertalite naik", "Rinciannya: 1. ...", "... naik. 2. Solar ..."
    if _DOTTED.match(word):
        next_word = _WORD.match(rest)
        return bool(next_word and next_word.group(0).lower() in words.starters)
    return True


def _list_number(lead: str, at_start: bool, words: _Words) -> bool:
    """True when a number followed by a full stop is a list number, given the text before it:
    nothing, a colon, semicolon or bullet, or the end of a sentence (not "May. 6.")."""
    if not lead:
        return at_start
    if lead[-1] in _LIST_LEAD:
        return True
    if lead[-1] not in ".!?":
        return False
    before = _TOKEN_BEFORE.search(lead)
    return before is None or before.group(1).rstrip(".").lower() not in words.months


def _run_together(word: str, rest: str) -> bool:
    """True for "visit.The": a word (not a domain or an acronym) run into a capitalised one."""
    ending = _LETTERS.match(rest.lstrip(_OPENERS))
    if ending is None or ending.group(0).lower() in _DOMAIN_ENDINGS:
        return False
    last = word.rstrip(_CLOSERS + ".!?")[-1:]
    return (last.islower() or last.isdigit()) and not any(c.isupper() for c in word[1:])


def _quotations(paragraph: str) -> list[tuple[int, int]]:
    """Spans of the closed direct quotations of a paragraph (quote marks included).

    Curly quotes open and close; straight quotes pair up in order, and are ignored when their
    count is odd (a stray mark or a quotation that runs on into the next paragraph).
    """
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    straight: list[int] = []
    for mark in _QUOTE_MARKS.finditer(paragraph):
        char, i = mark.group(0), mark.start()
        if char == _STRAIGHT_QUOTE:
            straight.append(i)
        elif char in _OPEN_QUOTES:
            opened = i
        elif char in _CLOSE_QUOTES and opened is not None:
            if i - opened <= _MAX_QUOTE:
                spans.append((opened, i + 1))
            opened = None
    if len(straight) % 2 == 0:
        for a, b in zip(straight[::2], straight[1::2], strict=True):
            if b - a <= _MAX_QUOTE:
                spans.append((a, b + 1))
    return spans


def _inside_quotations(paragraph: str, cuts: list[int]) -> set[int]:
    """Cuts inside a quotation of at most `_MAX_QUOTED_SENTENCES` sentences: not sentence ends."""
    if not cuts:
        return set()
    merged: set[int] = set()
    for start, end in _quotations(paragraph):
        # A cut right after the closing mark ends the quotation: it is not inside it.
        first, last = bisect_right(cuts, start), bisect_left(cuts, end)
        inner = cuts[first:last]
        if 0 < len(inner) < _MAX_QUOTED_SENTENCES:
            merged.update(inner)
    return merged


def split_sentences(paragraph: str) -> list[tuple[int, int]]:
    """Spans (start, end) of the sentences of one paragraph, trimmed of white space."""
    words = _words()
    cuts = [m.end() for m in _BOUNDARY.finditer(paragraph) if _ends_sentence(paragraph, m, words)]
    cuts.extend(m.start() + 1 for m in _BULLET.finditer(paragraph))
    cuts.sort()
    if any(c in paragraph for c in _OPEN_QUOTES) or _STRAIGHT_QUOTE in paragraph:
        inside = _inside_quotations(paragraph, cuts)
        cuts = [c for c in cuts if c not in inside]
    spans: list[tuple[int, int]] = []
    start = 0
    for cut in [*cuts, len(paragraph)]:
        piece = paragraph[start:cut]
        left = len(piece) - len(piece.lstrip())
        right = len(piece.rstrip())
        if right > left:
            spans.append((start + left, start + right))
        start = cut
    return spans
