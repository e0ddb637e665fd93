"""Linking at scale: bounded work inside big claims, reproducible results, informal timings.

Speed targets live in the benchmark (``python -m bench``); nothing here asserts a time. Set
``FACTCHECK_LINK_SCALE=1`` and run with ``-s`` to print linking times for 1k and 10k synthetic
articles (about 15 mentions each) with the machine's load average:

    FACTCHECK_LINK_SCALE=1 python -m pytest tests/unit/test_link_scale.py -s -k timings
"""

from __future__ import annotations

import os
import time

import pytest

from factcheck.core.link import link_claims
from factcheck.core.link.conflicts import MAX_CONFLICTS
from factcheck.core.models import Claim
from tests.unit.test_link_articles import Built, article, synthetic_batch


def _link(batch: Built) -> list[Claim]:
    sources = {s.id: s for s in batch.sources}  # type: ignore[attr-defined]
    return link_claims(batch.mentions, sources, {p.id: p for p in batch.passages})


def test_the_same_batch_links_the_same_way_twice() -> None:
    batch = synthetic_batch(60, seed=11)
    first = [c.model_dump(mode="json") for c in _link(batch)]
    second = [c.model_dump(mode="json") for c in _link(batch)]
    assert first == second


def test_a_claim_reported_hundreds_of_times_with_many_figures_stays_bounded() -> None:
    # 240 outlets report one death toll, with 40 different figures: one claim, and a reviewer
    # gets at most MAX_CONFLICTS discrepancies rather than thousands of pairs.
    built: list[Built] = []
    for n in range(240):
        toll = 100 + 5 * (n % 40)
        built.append(article(f"flood-{n}.txt", f"Outlet {n}", "id" if n % 2 else "en", [
            (f"Banjir bandang di Sumberjaya menewaskan {toll} orang, kata Gubernur Ahmad "
             "Santoso." if n % 2 else
             f"Flash floods in Sumberjaya killed {toll} people, Governor Ahmad Santoso said.",
             {"value": toll, "unit": "orang" if n % 2 else "people"}),
        ], published=f"2024-02-{1 + n % 28:02d}"))
    sources = {b.source.id: b.source for b in built}
    passages = {p.id: p for b in built for p in b.passages}
    claims = link_claims([m for b in built for m in b.mentions], sources, passages)
    biggest = max(claims, key=lambda c: len(c.evidence))
    assert len(biggest.evidence) >= 200
    assert 0 < len(biggest.conflicts) <= MAX_CONFLICTS
    assert sorted(e.mention_id for c in claims for e in c.evidence) == sorted(
        m.id for b in built for m in b.mentions
    )


def _load() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "unknown"


@pytest.mark.slow
@pytest.mark.skipif(not os.environ.get("FACTCHECK_LINK_SCALE"),
                    reason="set FACTCHECK_LINK_SCALE=1 to print 1k/10k linking timings")
def test_print_linking_timings() -> None:
    """Informal: time 1k and 10k synthetic articles (no timed assert)."""
    results = {}
    for size in (1_000, 10_000):
        batch = synthetic_batch(size)
        load = _load()
        wall, cpu = time.perf_counter(), time.process_time()
        claims = _link(batch)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        results[size] = wall
        print(f"\n{size:,} articles, {len(batch.mentions):,} mentions -> {len(claims):,} claims: "
              f"{wall:.1f} s wall, {cpu:.1f} s CPU (load before: {load})")
    print(f"growth 1k -> 10k: x{results[10_000] / results[1_000]:.1f}")
    assert results[10_000] > 0
