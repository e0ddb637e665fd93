"""Linking at scale: bounded work inside big claims, reproducible results.

Speed targets live in the benchmark (``python -m bench``); nothing here asserts a time.
"""

from __future__ import annotations

from factcheck.core.link import link_claims
from factcheck.core.link.conflicts import MAX_SIDES
from factcheck.core.models import Claim
from tests.unit.test_link_articles import Built, article, synthetic_batch


def _link(batch: Built) -> list[Claim]:
    sources = {s.id: s for s in batch.sources}  # type: ignore[attr-defined]
    return link_claims(batch.mentions, sources, {p.id: p for p in batch.passages}).claims


def test_the_same_batch_links_the_same_way_twice() -> None:
    batch = synthetic_batch(60, seed=11)
    first = [c.model_dump(mode="json") for c in _link(batch)]
    second = [c.model_dump(mode="json") for c in _link(batch)]
    assert first == second


def test_a_claim_reported_hundreds_of_times_with_many_figures_stays_bounded() -> None:
    # 240 outlets report one death toll, with 40 different figures: one claim, and a reviewer
    # gets one dispute with at most MAX_SIDES sides rather than thousands of pairs.
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
    claims = link_claims([m for b in built for m in b.mentions], sources, passages).claims
    biggest = max(claims, key=lambda c: len(c.evidence))
    assert len(biggest.evidence) >= 200
    assert len(biggest.conflicts) == 1
    assert 2 <= len(biggest.conflicts[0].sides) <= MAX_SIDES
    assert sorted(e.mention_id for c in claims for e in c.evidence) == sorted(
        m.id for b in built for m in b.mentions
    )
