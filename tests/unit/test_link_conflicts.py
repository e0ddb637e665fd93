"""Conflicts: figures, hedges, attribution-aware denials, inconsistencies inside one article."""

from __future__ import annotations

from factcheck.core.models import ConflictKind, Stance
from tests.unit.test_link_articles import article, claim_of, run

TEMPO = article("tempo.txt", "Tempo", "id", [
    ("Presiden Rusia Vladimir Putin akan mengunjungi Korea Utara untuk pertama kalinya dalam "
     "24 tahun terakhir, kata Kremlin.", {"value": 24, "unit": "tahun"}),
], published="2024-06-17")
KABAR = article("kabar.txt", "Kabar Harian", "id", [
    ("Ini akan menjadi kunjungan pertama Putin ke Korea Utara dalam 20 tahun.",
     {"value": 20, "unit": "tahun"}),
], published="2024-06-18")
WIRE = article("wire.txt", "World Wire", "en", [
    ("Russian President Vladimir Putin will visit North Korea for the first time in more than "
     "two decades, the Kremlin said.", {"value": 20, "unit": "years", "approximate": "more than"}),
], published="2024-06-17")


def _pair(conflict_passages: list[str]) -> frozenset[str]:
    return frozenset(conflict_passages)


def test_number_mismatch_is_flagged_naming_both_passages_and_outlets() -> None:
    claims = run(TEMPO, KABAR, WIRE)
    claim = claim_of(claims, TEMPO.mentions[0])
    assert claim_of(claims, KABAR.mentions[0]).id == claim.id
    numbers = [c for c in claim.conflicts if c.kind == ConflictKind.NUMBER]
    assert [_pair(c.passages) for c in numbers] == [
        _pair([TEMPO.passages[0].id, KABAR.passages[0].id])
    ]
    reason = numbers[0].reason
    assert "Tempo says 24 years" in reason and "Kabar Harian says 20 years" in reason
    # Against the earliest report (24 years), the 20-year passage is a contradiction.
    pair = claim_of(run(TEMPO, KABAR), TEMPO.mentions[0])
    stances = {e.mention_id: e.suggested_stance for e in pair.evidence}
    assert stances == {TEMPO.mentions[0].id: Stance.SUPPORTS,
                       KABAR.mentions[0].id: Stance.CONTRADICTS}


def test_an_agreeing_hedge_is_not_a_conflict() -> None:
    claims = run(TEMPO, WIRE)
    claim = claim_of(claims, TEMPO.mentions[0])
    assert claim_of(claims, WIRE.mentions[0]).id == claim.id
    assert claim.conflicts == []
    assert {e.suggested_stance for e in claim.evidence} == {Stance.SUPPORTS}


ASSERTS = article("post.txt", "The Post", "en", [
    "Washington says North Korea has supplied artillery shells and missiles to Russia for its "
    "war in Ukraine.",
], published="2024-06-10")
DENIES = article("kabar2.txt", "Kabar Harian", "id", [
    ("Rusia dan Korea Utara membantah tuduhan bahwa Pyongyang memasok senjata ke Moskow.",
     {"polarity": "denied"}),
], published="2024-06-11")
BOTH = article("warta.txt", "Warta", "id", [
    "Amerika Serikat menuduh Korea Utara memasok peluru artileri dan rudal ke Rusia.",
    ("Pyongyang dan Moskow berulang kali menepis tuduhan tersebut.", {"polarity": "denied"}),
], published="2024-06-12")


def test_assertion_against_denial_is_flagged_but_two_reported_denials_do_not_contradict() -> None:
    claims = run(ASSERTS, DENIES, BOTH)
    claim = claim_of(claims, ASSERTS.mentions[0])
    members = {e.mention_id for e in claim.evidence}
    assert {DENIES.mentions[0].id, BOTH.mentions[0].id, BOTH.mentions[1].id} <= members
    assert claim.disputed
    denial_pairs = {_pair(c.passages) for c in claim.conflicts if c.kind == ConflictKind.DENIAL}
    assert _pair([ASSERTS.passages[0].id, DENIES.passages[0].id]) in denial_pairs
    assert _pair([ASSERTS.passages[0].id, BOTH.passages[1].id]) in denial_pairs
    assert _pair([BOTH.passages[0].id, BOTH.passages[1].id]) in denial_pairs
    # Two outlets reporting the same denial never contradict each other.
    for conflict in claim.conflicts:
        assert _pair(conflict.passages) != _pair([DENIES.passages[0].id, BOTH.passages[1].id])
    stances = {e.mention_id: e.suggested_stance for e in claim.evidence}
    assert stances[DENIES.mentions[0].id] == Stance.DENIAL
    assert stances[BOTH.mentions[1].id] == Stance.DENIAL
    assert stances[ASSERTS.mentions[0].id] == Stance.SUPPORTS
    reason = next(c.reason for c in claim.conflicts
                  if _pair(c.passages) == _pair([ASSERTS.passages[0].id, DENIES.passages[0].id]))
    assert "The Post" in reason and "Kabar Harian" in reason and "membantah" in reason


def test_a_passage_stating_both_sides_is_not_in_conflict_with_another_denial() -> None:
    balanced = article("balanced.txt", "Harian", "id", [
        "Washington mengatakan Korea Utara telah memasok senjata ke Rusia, meskipun Pyongyang "
        "dan Moskow berulang kali membantahnya.",
    ])
    claims = run(balanced, DENIES)
    claim = claim_of(claims, balanced.mentions[0])
    assert claim_of(claims, DENIES.mentions[0]).id == claim.id
    assert claim.disputed
    assert claim.conflicts == []


def test_an_inconsistency_inside_one_article_is_flagged() -> None:
    report = article("herald.txt", "Herald", "en", [
        ("At the same time, the North Korean military fired two ballistic missiles.",
         {"value": 2, "unit": "missiles"}),
        "Putin showed Kim the launch pads of the new cosmodrome.",
        ("Hours before the summit, North Korea launched two short-range ballistic missiles into "
         "the sea.", {"value": 2, "unit": "missiles"}),
    ])
    claims = run(report)
    claim = claim_of(claims, report.mentions[0])
    assert claim_of(claims, report.mentions[2]).id == claim.id
    internal = [c for c in claim.conflicts if c.kind == ConflictKind.INTERNAL]
    assert [_pair(c.passages) for c in internal] == [
        _pair([report.passages[0].id, report.passages[2].id])
    ]
    assert "at the same time" in internal[0].reason and "hours before" in internal[0].reason


def test_different_explicit_dates_for_one_event_are_flagged() -> None:
    a = article("a.txt", "Antara Post", "id", [
        "Jerman dan Vietnam menandatangani perjanjian kerja sama energi pada 12 Februari 2024.",
    ])
    b = article("b.txt", "Daily", "en", [
        "Germany and Vietnam signed an energy cooperation agreement on February 14, 2024.",
    ])
    claims = run(a, b)
    claim = claim_of(claims, a.mentions[0])
    assert claim_of(claims, b.mentions[0]).id == claim.id
    dates = [c for c in claim.conflicts if c.kind == ConflictKind.DATE]
    assert len(dates) == 1 and "2024-02-12" in dates[0].reason and "2024-02-14" in dates[0].reason
