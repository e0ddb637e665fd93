"""Reviewer decisions win over suggestions; claim ids survive re-linking."""

from __future__ import annotations

from factcheck.core.link import new_claim_id
from factcheck.core.models import LinkDecision, LinkState
from tests.unit.test_link_articles import article, claim_of, run

A = article("a.txt", "Tempo", "id", [
    ("Presiden Rusia Vladimir Putin akan mengunjungi Korea Utara untuk pertama kalinya dalam 24 "
     "tahun.", {"value": 24, "unit": "tahun"}),
    ("Banjir di Kabupaten Sukamaju menewaskan 14 orang, kata badan bencana.",
     {"value": 14, "unit": "orang"}),
], published="2024-06-17")
B = article("b.txt", "Daily", "en", [
    ("Russian President Vladimir Putin will visit North Korea for the first time in 24 years.",
     {"value": 24, "unit": "years"}),
], published="2024-06-18")
C = article("c.txt", "Warta", "id", [
    ("Putin mengunjungi Korea Utara untuk pertama kalinya dalam 24 tahun, kata Kremlin.",
     {"value": 24, "unit": "tahun"}),
    ("Harga beras di Sukamaju naik 12 persen, menurut dinas perdagangan.",
     {"value": 12, "unit": "persen"}),
], published="2024-06-19")


def test_reviewer_decisions_win_and_survive_a_rerun() -> None:
    first = run(A, B)
    visit = claim_of(first, A.figure(0))
    flood = claim_of(first, A.figure(1))
    assert claim_of(first, B.figure(0)).id == visit.id
    decisions = [
        # The flood sentence is linked by hand to the visit claim (a reviewer's call)...
        LinkDecision(mention_id=A.figure(1).id, claim_id=visit.id, reviewer="ana"),
        # ...and the English report is set apart.
        LinkDecision(mention_id=B.figure(0).id, claim_id=None, rejected=[visit.id],
                     reviewer="ana"),
    ]
    second = run(A, B, previous=first, decisions=decisions)
    visit2 = claim_of(second, A.figure(0))
    assert visit2.id == visit.id
    links = {e.mention_id: e.link for e in visit2.evidence}
    assert links[A.figure(1).id] == LinkState.CONFIRMED
    alone = claim_of(second, B.figure(0))
    assert alone.id != visit.id and len(alone.evidence) == 1
    assert alone.evidence[0].link == LinkState.CONFIRMED
    # New articles arrive: decisions still hold, and new mentions of the fact still join.
    third = run(A, B, C, previous=second, decisions=decisions)
    visit3 = claim_of(third, A.figure(0))
    assert visit3.id == visit.id
    members = {e.mention_id for e in visit3.evidence}
    assert C.figure(0).id in members and A.figure(1).id in members
    assert B.figure(0).id not in members
    assert flood.id not in {c.id for c in third} or claim_of(third, A.figure(1)).id == visit.id


def test_a_decision_to_a_claim_that_no_longer_exists_recreates_it() -> None:
    decisions = [LinkDecision(mention_id=A.figure(1).id, claim_id="c-gone", reviewer="ana")]
    claims = run(A, B, decisions=decisions)
    claim = claim_of(claims, A.figure(1))
    assert claim.id == "c-gone"
    assert claim.evidence[0].link == LinkState.CONFIRMED


def test_rejected_claims_are_never_joined_again() -> None:
    first = run(A, C)
    visit = claim_of(first, A.figure(0))
    assert claim_of(first, C.figure(0)).id == visit.id
    decisions = [LinkDecision(mention_id=C.figure(0).id, claim_id=None, rejected=[visit.id],
                              reviewer="budi")]
    second = run(A, C, B, previous=first, decisions=decisions)
    assert claim_of(second, A.figure(0)).id == visit.id
    assert claim_of(second, C.figure(0)).id != visit.id
    assert claim_of(second, B.figure(0)).id == visit.id


def test_claim_ids_are_stable_when_new_articles_arrive() -> None:
    first = run(A, B)
    ids = {m.id: claim_of(first, m).id for m in A.mentions + B.mentions}
    second = run(A, B, C, previous=first)
    for mention_id, claim_id in ids.items():
        assert next(c for c in second if any(e.mention_id == mention_id for e in c.evidence)).id \
            == claim_id
    prices = claim_of(second, C.figure(1))
    assert prices.id == new_claim_id(C.figure(1).id)
    # Without history a re-run is deterministic too.
    assert [c.id for c in run(A, B)] == [c.id for c in first]


def test_every_mention_ends_in_exactly_one_claim_with_complete_evidence() -> None:
    claims = run(A, B, C)
    seen = [e.mention_id for c in claims for e in c.evidence]
    assert sorted(seen) == sorted(m.id for m in A.mentions + B.mentions + C.mentions)
    visit = claim_of(claims, A.figure(0))
    assert visit.text == A.figure(0).text
    assert visit.outlets == 3 and visit.score == A.figure(0).score
    for e in visit.evidence:
        assert e.origin and e.passage_id.startswith("p-") and e.source_id.startswith("s-")


def test_a_new_article_grows_its_story_and_leaves_every_other_claim_as_it_was() -> None:
    from factcheck.core.link import link_claims

    articles = (A, B)
    sources = {a.source.id: a.source for a in (A, B, C)}
    passages = {p.id: p for a in (A, B, C) for p in a.passages}
    first = link_claims([m for a in articles for m in a.mentions], sources, passages)
    previous_stories = {sid: st for sid, st in first.story_of.items()}
    grown = link_claims([m for a in (A, B, C) for m in a.mentions], sources, passages,
                        previous=first.claims, previous_stories=previous_stories,
                        only=frozenset({C.source.id}), grow=True)
    anew = link_claims([m for a in (A, B, C) for m in a.mentions], sources, passages,
                       previous=first.claims, previous_stories=previous_stories,
                       only=frozenset({C.source.id}))
    visit = claim_of(first.claims, A.figure(0))
    # The new report of the visit joins the visit claim, as a full re-link would have it.
    assert claim_of(grown.claims, C.figure(0)).id == visit.id == claim_of(anew.claims,
                                                                          C.figure(0)).id
    # A claim no new mention joined is the very same claim, not rebuilt.
    fresh = {m.id for m in C.mentions}
    joined = {c.id for c in grown.claims if any(e.mention_id in fresh for e in c.evidence)}
    untouched = [c for c in first.claims if c.id not in joined]
    assert untouched and all(c in grown.claims for c in untouched)
    assert sorted(e.mention_id for c in grown.claims for e in c.evidence) == sorted(
        m.id for a in (A, B, C) for m in a.mentions)
