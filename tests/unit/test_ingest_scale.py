"""Every stage reads a page in time that grows with its length: a paragraph that never ends
(no full stop in 200,000 characters, thousands of figures, dates, names and quotes) is ingested
and its claims extracted in bounded time, in both languages.

The bound is about ten times what ingest and extraction take on a 2-core machine (0.9-1.0 s of
processor time for each language): it catches a step that scans the whole sentence for each
figure (this text took 18-19 s before the lookups by bisection; at 100,000 characters 5 s, too
close to ten times the linear figure to tell), not a slow machine. The figures for a million
characters are in ``python -m bench``.

The bisection lookups of `factcheck.core.extract.window` must agree with a plain scan: they
are checked on every sentence of the sample and dev pages.
"""

from __future__ import annotations

import random
import time
from pathlib import Path

import pytest

from bench.runon import run_on
from factcheck.core.extract import extract_claims
from factcheck.core.extract.sentence import read_sentence
from factcheck.core.extract.slots import clauses, sentence_concepts
from factcheck.core.extract.window import (
    SpanSet,
    covers,
    first_word_in,
    last_word_in,
    span_at,
    starting_in,
)
from factcheck.core.ingest import ingest_bytes, ingest_file
from factcheck.core.models import Kind
from factcheck.core.text.words import TakenSpans

CHARS = 200_000
BOUND_S = 10.0
CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"


@pytest.mark.parametrize("language", ["id", "en"])
def test_a_200k_character_paragraph_without_a_full_stop_is_read_in_bounded_time(
        language: str) -> None:
    page = run_on(CHARS, language)
    assert page.count(".") - page.count(".000") - page.count(".500") < 5
    started = time.process_time()
    result = ingest_bytes(page.encode(), f"run-on-{language}.txt")
    mentions = extract_claims(result.source, result.passages)
    took = time.process_time() - started
    assert took < BOUND_S, f"{took:.1f} s of processor time for {CHARS:,} characters"
    # A claim per figure, each inside the text and the length of a clause, not the paragraph.
    figures = [m for m in mentions if m.kind == Kind.QUANTITY]
    assert len(figures) > CHARS // 100
    assert all(result.source.text[m.start:m.end] == m.text for m in mentions)
    assert max(m.end - m.start for m in figures) < 1000


def _sentences():  # type: ignore[no-untyped-def]
    for path in sorted([*CORPUS.glob("seeds/*.txt"), *CORPUS.glob("dev/articles/*.txt")]):
        result = ingest_file(path)
        for passage in result.passages:
            sent = read_sentence(passage, result.source.language or "id", None, frozenset())
            if sent is not None:
                yield sent


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared corpus is beside the checkout")
def test_lookups_by_bisection_agree_with_a_scan_on_every_corpus_sentence() -> None:
    checked = 0
    for sent in _sentences():
        hits = sentence_concepts(sent)
        stretches = [*clauses(sent), (0, len(sent.text)), (sent.core, sent.end)]
        for lo, hi in stretches:
            for items in (sent.quantities, sent.dates, sent.entities, hits):
                assert list(starting_in(items, lo, hi)) == [
                    x for x in items if lo <= x.start < hi]  # type: ignore[attr-defined]
        words = {i for h in hits for i in range(h.first, h.last)}
        last = max((h.last for h in hits), default=0) + 2
        for i in range(last):
            assert covers(hits, i) == (i in words)
            assert list(first_word_in(hits, i, i + 2)) == [h for h in hits if i <= h.first < i + 2]
            assert list(last_word_in(hits, i, i + 2)) == [h for h in hits if i <= h.last < i + 2]
        spans = clauses(sent)
        quoted = SpanSet(sent.quotes)
        for pos in range(0, len(sent.text) + 1, 3):
            assert span_at(spans, pos) == next(((a, b) for a, b in spans if a <= pos < b), None)
            assert (pos in quoted) == any(a <= pos < b for a, b in sent.quotes)
        checked += 1
    assert checked > 200


def test_spans_taken_and_quoted_characters_agree_with_a_scan() -> None:
    rng = random.Random(7)
    for _ in range(300):
        spans = [(a, a + rng.randint(0, 12)) for a in rng.sample(range(200), rng.randint(0, 20))]
        taken = TakenSpans(spans)
        disjoint: list[tuple[int, int]] = []
        for a, b in sorted(spans):
            if not disjoint or disjoint[-1][1] <= a:
                disjoint.append((a, b))
        quoted = SpanSet(disjoint)
        for _ in range(30):
            lo = rng.randint(0, 220)
            hi = lo + rng.randint(0, 15)
            assert taken.overlaps(lo, hi) == any(lo < b and a < hi for a, b in spans)
            assert quoted.covered(lo, hi) == sum(
                max(0, min(b, hi) - max(a, lo)) for a, b in disjoint)
