"""The items of a sentence that lie in one stretch of it, found by bisection.

A sentence's quantities, dates and names are kept in text order (by ``start``); its concept
hits are in text order and never overlap, so their word indexes (``first``, ``last``) are in
order too. Looking up the items of a clause by bisection keeps the work for one figure bounded
by its clause rather than by its sentence: a paragraph of a million characters without a full
stop is one sentence with thousands of figures, and a scan of the whole sentence for each of
them made reading it quadratic.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from itertools import accumulate
from typing import Protocol, TypeVar


class _Placed(Protocol):
    @property
    def start(self) -> int: ...


class _Worded(Protocol):
    @property
    def first(self) -> int: ...

    @property
    def last(self) -> int: ...


P = TypeVar("P", bound=_Placed)
W = TypeVar("W", bound=_Worded)


def _start(item: _Placed) -> int:
    return item.start


def _first(item: _Worded) -> int:
    return item.first


def _last(item: _Worded) -> int:
    return item.last


def starting_in(items: Sequence[P], lo: int, hi: int) -> Sequence[P]:
    """The items (in order of ``start``) that start at an offset in ``[lo, hi)``."""
    return items[bisect_left(items, lo, key=_start): bisect_left(items, hi, key=_start)]


def first_word_in(hits: Sequence[W], first: int, last: int) -> Sequence[W]:
    """The hits (in text order) whose first word index is in ``[first, last)``."""
    return hits[bisect_left(hits, first, key=_first): bisect_left(hits, last, key=_first)]


def last_word_in(hits: Sequence[W], first: int, last: int) -> Sequence[W]:
    """The hits (in text order) whose end word index (exclusive) is in ``[first, last)``."""
    return hits[bisect_left(hits, first, key=_last): bisect_left(hits, last, key=_last)]


def covers(hits: Sequence[W], word: int) -> bool:
    """True when a hit (in text order, never overlapping) covers the word index ``word``.

    Only the last hit starting at or before ``word`` can: the hits before it end where it starts
    or earlier (hits of several concepts over the same words share its span).
    """
    i = bisect_right(hits, word, key=_first)
    return i > 0 and hits[i - 1].last > word


def span_at(spans: Sequence[tuple[int, int]], pos: int) -> tuple[int, int] | None:
    """The span (of ``spans``, in order, never overlapping) that holds offset ``pos``, if any.

    Only the last span starting at or before ``pos`` can hold it.
    """
    i = bisect_right(spans, pos, key=_head)
    return spans[i - 1] if i and pos < spans[i - 1][1] else None


def _head(span: tuple[int, int]) -> int:
    return span[0]


class SpanSet:
    """Spans (in any order, overlapping or not) read as the characters they cover: asked
    whether they hold an offset, or how many characters of a stretch they cover, by bisection
    (a long text has a quoted span per pair of quote marks)."""

    __slots__ = ("_before", "_ends", "_starts")

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for a, b in sorted(spans):
            if b <= a:
                continue
            if merged and a <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        self._starts = [a for a, _ in merged]
        self._ends = [b for _, b in merged]
        self._before = [0, *accumulate(b - a for a, b in merged)]
        """Characters covered before each merged span (and in all of them, last)."""

    def __contains__(self, pos: int) -> bool:
        """True when a span ``(a, b)`` has ``a <= pos < b``."""
        i = bisect_right(self._starts, pos)
        return i > 0 and self._ends[i - 1] > pos

    def covered(self, lo: int, hi: int) -> int:
        """How many characters of ``[lo, hi)`` the spans cover."""
        if hi <= lo:
            return 0
        return self._upto(hi) - self._upto(lo)

    def _upto(self, pos: int) -> int:
        """Characters covered before ``pos``."""
        i = bisect_right(self._starts, pos)
        if not i:
            return 0
        return self._before[i - 1] + min(pos, self._ends[i - 1]) - self._starts[i - 1]
