"""Words of a text and lists of phrases matched against them.

A sentence is split into words once (`tokens`, cached by text); a `Phrases` list (reporting verbs,
event verbs, hedges...) then finds its phrases with a dictionary keyed on first words and a set
test that skips texts holding none of them.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from functools import lru_cache

_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
"""A word: letters and digits, with inner hyphens and apostrophes (``satu-satunya``, ``jum'at``)."""


class Tokens:
    """The words of one text, lower-cased, with their offsets (computed when first asked for)."""

    __slots__ = ("_ends", "_starts", "low", "text", "vocab")

    def __init__(self, text: str) -> None:
        self.text = text
        lowered = text.lower()
        if len(lowered) != len(text):  # a few characters grow when lower-cased ("İ")
            lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
        self.low: tuple[str, ...] = tuple(_WORD.findall(lowered))
        self.vocab: frozenset[str] = frozenset(self.low)
        """The distinct words, for a quick "does any phrase start here at all" test."""
        self._starts: tuple[int, ...] | None = None
        self._ends: tuple[int, ...] = ()

    def _offsets(self) -> tuple[int, ...]:
        spans = list(map(re.Match.span, _WORD.finditer(self.text)))
        starts, ends = zip(*spans, strict=True) if spans else ((), ())
        self._starts, self._ends = starts, ends
        return starts

    @property
    def starts(self) -> tuple[int, ...]:
        """Start offset of each word."""
        return self._starts if self._starts is not None else self._offsets()

    @property
    def ends(self) -> tuple[int, ...]:
        """End offset of each word."""
        if self._starts is None:
            self._offsets()
        return self._ends

    def first_at(self, pos: int) -> int:
        """Index of the first word starting at or after ``pos``."""
        return bisect_left(self.starts, pos)


@lru_cache(maxsize=512)
def tokens(text: str) -> Tokens:
    """The words of ``text`` (cached: every stage of one sentence reuses them)."""
    return Tokens(text)


class Phrases:
    """A list of words and phrases matched as whole words, case-insensitively.

    Matching walks the text's words once with a dictionary keyed on first words, so a list of a
    hundred verbs costs a few dictionary look-ups per word rather than a hundred-way regex.
    """

    def __init__(self, phrases: Iterable[str]) -> None:
        index: dict[str, list[tuple[str, ...]]] = {}
        for phrase in phrases:
            words = tuple(w.lower() for w in _WORD.findall(phrase))
            if words and words not in index.get(words[0], []):
                index.setdefault(words[0], []).append(words)
        for candidates in index.values():
            candidates.sort(key=len, reverse=True)
        self._index = index
        self._firsts = frozenset(index)
        self._all = {w for ws in index.values() for w in ws}
        self._longest = max((len(w) for w in self._all), default=0)

    def spans(self, toks: Tokens, lo: int = 0, hi: int | None = None) -> list[tuple[int, int]]:
        """Character spans of the phrases in ``toks`` between offsets ``lo`` and ``hi``."""
        hits = self._firsts & toks.vocab
        if not hits:
            return []
        hi = len(toks.text) if hi is None else hi
        low, starts, ends = toks.low, toks.starts, toks.ends
        # Only the words starting in [lo, hi) are searched: a clause of a long sentence costs
        # its own length, not the sentence's.
        first, stop = bisect_left(starts, lo), bisect_left(starts, hi)
        found: list[tuple[int, int, int]] = []  # (first word, last word + 1, start offset)
        for word in hits:
            i = first - 1
            while True:
                try:
                    i = low.index(word, i + 1, stop)
                except ValueError:
                    break
                for words in self._index[word]:
                    k = len(words)
                    if low[i:i + k] == words and ends[i + k - 1] <= hi:
                        found.append((i, i + k, starts[i]))
                        break
        found.sort()
        out: list[tuple[int, int]] = []
        last = -1
        for i, j, _ in found:
            if i >= last:  # phrases do not overlap; the earlier one wins
                out.append((starts[i], ends[j - 1]))
                last = j
        return out

    def search(self, toks: Tokens, lo: int = 0, hi: int | None = None) -> tuple[int, int] | None:
        """The first phrase between ``lo`` and ``hi``, or None."""
        found = self.spans(toks, lo, hi)
        return found[0] if found else None

    def has(self, word: str) -> bool:
        """True when ``word`` (one word or a phrase) is in the list."""
        if (word.lower(),) in self._all:
            return True
        return tuple(w.lower() for w in _WORD.findall(word)) in self._all

    def words(self) -> frozenset[str]:
        """The one-word entries."""
        return frozenset(w[0] for w in self._all if len(w) == 1)

    def tail(self, words: Sequence[str]) -> int:
        """How many of the last ``words`` form a phrase of the list (0 when none)."""
        for k in range(min(self._longest, len(words)), 0, -1):
            if tuple(w.lower() for w in words[-k:]) in self._all:
                return k
        return 0


class TakenSpans:
    """Spans of a text already read (figures, dates), also kept as a mask over its characters:
    a test costs the length of the span tested, not the number of spans taken (a long run of
    text has thousands of figures and dates)."""

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        self._mask = bytearray()
        self._spans: list[tuple[int, int]] = []
        self._empty: list[tuple[int, int]] = []
        for span in spans:
            self.append(span)

    def append(self, span: tuple[int, int]) -> None:
        self._spans.append(span)
        a, b = max(0, span[0]), span[1]
        if b <= a:
            self._empty.append(span)
            return
        if len(self._mask) < b:
            self._mask.extend(bytes(b - len(self._mask)))
        self._mask[a:b] = b"\x01" * (b - a)

    def overlaps(self, start: int, end: int) -> bool:
        """True when a span taken overlaps ``[start, end)`` (``start < b and a < end``)."""
        if end <= start:  # an empty test span: inside a span taken, strictly (rare)
            return any(start < b and a < end for a, b in self._spans)
        if self._mask.find(1, max(0, start), end) >= 0:
            return True
        return any(start < b and a < end for a, b in self._empty)
