"""Precision rules: what must *not* be linked, and the few exceptions that must.

Sentences are written for these tests (Indonesian and English), none taken from the corpus.
"""

from __future__ import annotations

from collections.abc import Sequence

from factcheck.core.link.cluster import Group, _settle_leaderless
from factcheck.core.link.frames import compare
from factcheck.core.models import Claim, LinkDecision, LinkState, Mention
from tests.unit.test_link_articles import article, claim_of, run
from tests.unit.test_link_frames import _features


def _together(claims: Sequence[Claim], a: Mention, b: Mention) -> bool:
    return claim_of(claims, a).id == claim_of(claims, b).id


def test_two_sentences_of_one_article_are_not_suggested_as_one_fact() -> None:
    # Same outlet, same people, shared words, two facts: no suggestion rests on a neighbouring
    # sentence of one article.
    report = article("harian.txt", "Harian Timur", "id", [
        "Presiden Brasil Lula da Silva menerima undangan Presiden Indonesia Prabowo Subianto "
        "untuk berkunjung ke Jakarta.",
        "Selain menerima undangan itu, Lula juga berterima kasih atas dukungan Prabowo terhadap "
        "Brasil di PBB.",
    ])
    claims = run(report)
    assert not _together(claims, report.mentions[0], report.mentions[1])


def test_a_denial_of_the_sentence_before_still_joins_it() -> None:
    report = article("warta.txt", "Warta Kota", "id", [
        "Jaksa menuduh Menteri Perdagangan menerima suap dari importir gula.",
        ("Sang menteri membantahnya.", {"polarity": "denied"}),
    ])
    claims = run(report)
    claim = claim_of(claims, report.mentions[0])
    assert _together(claims, report.mentions[0], report.mentions[1])
    assert claim.disputed


def test_a_figure_of_another_event_does_not_pull_a_sentence_into_a_claim() -> None:
    visit = article("a.txt", "Kabar Barat", "id", [
        ("Kanselir Jerman Olaf Scholz akan mengunjungi Vietnam untuk pertama kalinya dalam 24 "
         "tahun.", {"value": 24, "unit": "tahun"}),
    ], published="2024-02-01")
    aside = article("b.txt", "Asia Daily", "en", [
        ("Vietnam has had no active military cooperation with Germany over the past year.",
         {"value": 1, "unit": "year"}),
    ], published="2024-02-02")
    claims = run(visit, aside)
    assert not _together(claims, visit.mentions[0], aside.mentions[0])


def test_a_name_that_describes_someone_else_is_no_party_to_the_event() -> None:
    then = article("a.txt", "Wire", "en", [
        "In 2001, Putin met with Kim Jong Un's father, Kim Jong Il, in Moscow.",
    ])
    now = article("b.txt", "Kabar", "id", [
        "Putin bertemu dengan ayah Kim Jong Un, Kim Jong Il, di Moskow.",
        "Putin bertemu dengan Kim Jong Un di Vladivostok.",
    ])
    feats = _features(then, now)
    father_en, father_id, son = (feats[m.id].frames for m in (*then.mentions, *now.mentions))
    assert compare(father_en, father_id) == "same"
    assert compare(father_id, son) == "different"
    assert compare(father_en, son) == "different"


def test_a_claim_left_with_suggestions_only_is_led_by_its_earliest_mention() -> None:
    # Its first mention moved to a claim that fits it better: the claim a reviewer sees still
    # has a settled mention, never only "suggested" links.
    group = Group(members=[4, 9], links={4: (LinkState.SUGGESTED, 0.41),
                                         9: (LinkState.SUGGESTED, 0.39)})
    settled = Group(members=[1, 2], links={1: (LinkState.AUTO, 1.0), 2: (LinkState.SUGGESTED, 0.4)})
    _settle_leaderless([group, settled])
    assert group.links == {4: (LinkState.AUTO, 1.0), 9: (LinkState.SUGGESTED, 0.39)}
    assert settled.links[2] == (LinkState.SUGGESTED, 0.4)


def test_verbatim_wire_copies_join_their_original_unless_a_reviewer_rejected_one() -> None:
    text = ("Gempa bermagnitudo 6,1 mengguncang Kabupaten Sukamaju pada Senin pagi, kata "
            "Badan Meteorologi.")
    copies = [article(f"copy-{n}.txt", f"Outlet {n}", "id", [text],
                      published=f"2024-03-0{n + 1}") for n in range(4)]
    claims = run(*copies)
    claim = claim_of(claims, copies[0].mentions[0])
    assert {e.mention_id for e in claim.evidence} == {c.mentions[0].id for c in copies}
    assert all(e.link == LinkState.AUTO for e in claim.evidence)
    rejected = LinkDecision(mention_id=copies[3].mentions[0].id, claim_id=None,
                            rejected=[claim.id], reviewer="ana")
    again = run(*copies, previous=claims, decisions=[rejected])
    assert claim_of(again, copies[0].mentions[0]).id == claim.id
    assert len(claim_of(again, copies[0].mentions[0]).evidence) == 3
    assert claim_of(again, copies[3].mentions[0]).id != claim.id
