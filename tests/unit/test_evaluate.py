"""Scoring a JSON export against gold (`factcheck.core.evaluate`), on small hand-made exports."""

from __future__ import annotations

from typing import Any

from factcheck.core.evaluate import Gold, by_cluster, candidate_recall, clusters, norm, score_export

A = "Putin akan mengunjungi Korea Utara untuk pertama kalinya dalam 24 tahun terakhir."
B = "Washington mengatakan Korea Utara memasok senjata, meskipun Moskow membantahnya."
C = "Kunjungan Pertama dalam 20 Tahun"
TEXTS = {"a.txt": norm(f"Baca juga ini. {A} {B} Opini."), "b.txt": norm(f"Iklan. {C}")}

GOLD = Gold(
    claims=[
        {"id": "a1", "article": "a.txt", "sentence": A, "kind": "time"},
        {"id": "a2", "article": "a.txt", "sentence": B, "kind": "attribution"},
        {"id": "a3", "article": "a.txt", "sentence": B, "kind": "denial"},
        {"id": "b1", "article": "b.txt", "sentence": C, "kind": "time"},
    ],
    relations=[
        {"a": "a1", "b": "b1", "label": "contradict"},
        {"a": "a2", "b": "a3", "label": "contradict"},
    ],
    boilerplate={"a.txt": ["Baca juga"], "b.txt": ["Iklan"]},
)


def _passage(pid: str, file: str, text: str, link: str = "auto") -> dict[str, Any]:
    return {"id": pid, "file": file, "text": text, "link": link}


def _export(claims: list[dict[str, Any]]) -> dict[str, Any]:
    return {"sources": [{"id": "s-a", "file": "a.txt"}, {"id": "s-b", "file": "b.txt"}],
            "claims": claims}


def test_a_passage_stands_for_a_gold_claim_when_it_covers_half_and_is_not_too_long() -> None:
    half = A[: len(A) // 2 + 3]
    short = A[: len(A) // 2 - 2]
    export = _export([
        {"id": "c1", "kind": "time", "passages": [_passage("p1", "a.txt", half)]},
        {"id": "c2", "kind": "time", "passages": [_passage("p2", "a.txt", short)]},
    ])
    scoring = score_export(export, GOLD, TEXTS)
    assert [k[0] for k in scoring.found["a1"]] == ["c1"]
    long_export = _export([{"id": "c3", "kind": "time", "passages": [
        _passage("p3", "a.txt", f"Baca juga ini. {A} {B}")]}])
    # Within three times the sentence (plus 40 characters) it still counts; the furniture
    # inside the passage is a leak.
    scoring = score_export(long_export, GOLD, TEXTS)
    assert scoring.found["a1"] and scoring.leaks == [("a.txt", "Baca juga")]


def test_passages_are_located_by_their_text_with_quotes_and_spaces_folded() -> None:
    export = _export([
        {"id": "c1", "kind": "time", "passages": [_passage("p1", "a.txt", A.replace(" ", "\n  "))]},
        {"id": "c2", "kind": "other", "passages": [_passage("p2", "a.txt", "Tidak ada di sini.")]},
        {"id": "c3", "kind": "other", "passages": [_passage("p3", "b.txt", A)]},
    ])
    scoring = score_export(export, GOLD, TEXTS)
    assert scoring.passages_unlocated == 2  # an invented sentence; a sentence of another file
    assert scoring.found["a1"] and scoring.recall == 1 / 4
    assert scoring.precision == 1.0 and scoring.by_kind["time"] == (2, 1)


def test_recall_precision_kinds_and_agreement() -> None:
    export = _export([
        {"id": "c1", "kind": "time", "passages": [_passage("p1", "a.txt", A)]},
        {"id": "c2", "kind": "attribution", "passages": [_passage("p2", "a.txt", B)]},
        {"id": "c3", "kind": "quantity", "passages": [_passage("p3", "b.txt", C)]},
        {"id": "c4", "kind": "other", "passages": [_passage("p4", "a.txt", "Opini.")]},
    ])
    scoring = score_export(export, GOLD, TEXTS)
    assert scoring.recall == 1.0 and scoring.missed == []
    assert scoring.precision == 3 / 4  # "Opini." stands for no gold claim
    # a3 is a denial (the tool said attribution), b1 a time claim (the tool said quantity).
    assert scoring.kind_agreement == 2 / 4
    assert scoring.leaks == []


def test_relations_need_one_claim_and_contradictions_a_conflict_naming_both_sides() -> None:
    together = [
        {"id": "c1", "kind": "time", "passages": [_passage("p1", "a.txt", A),
                                                  _passage("p3", "b.txt", C, "suggested")]},
        {"id": "c2", "kind": "attribution", "passages": [_passage("p2", "a.txt", B)]},
    ]
    unflagged = score_export(_export(together), GOLD, TEXTS)
    assert unflagged.rel_recall == 0.0 and unflagged.linked_pairs == 1
    together[0]["conflicts"] = [{"passages": ["p1", "p3"]}]
    flagged = score_export(_export(together), GOLD, TEXTS)
    assert flagged.rel_recall == 0.5 and flagged.contra_recall == 0.5
    assert flagged.link_precision == 1.0
    # Suggestions count, unless only settled links are scored.
    assert score_export(_export(together), GOLD, TEXTS, settled_only=True).rel_recall == 0.0
    # A conflict that names passages of one side only does not flag the pair.
    together[0]["conflicts"] = [{"passages": ["p1"]}]
    assert score_export(_export(together), GOLD, TEXTS).rel_recall == 0.0


def test_link_precision_counts_cross_article_pairs_of_unrelated_gold_claims() -> None:
    export = _export([{"id": "c1", "kind": "event", "passages": [
        _passage("p2", "a.txt", B), _passage("p3", "b.txt", C)]}])
    scoring = score_export(export, GOLD, TEXTS)
    # One pair of passages (p2 stands for a2 and a3), and neither is related to b1.
    assert (scoring.linked_pairs, scoring.link_precision) == (1, 0.0)


def test_clusters_and_per_cluster_recall() -> None:
    gold = Gold(claims=GOLD.claims, relations=[*GOLD.relations,
                                               {"a": "b1", "b": "a2", "label": "agree"}])
    assert clusters(gold) == [["a1", "a2", "a3", "b1"]]
    assert clusters(GOLD) == [["a1", "b1"], ["a2", "a3"]]
    export = _export([
        {"id": "c1", "kind": "time", "passages": [_passage("p1", "a.txt", A),
                                                  _passage("p3", "b.txt", C)],
         "conflicts": [{"passages": ["p1", "p3"]}]},
    ])
    groups = by_cluster(GOLD, score_export(export, GOLD, TEXTS))
    assert [(g.relations, g.found) for g in groups] == [(1, 1), (1, 0)]


def test_candidate_recall_counts_a_partner_among_the_first_candidates() -> None:
    export = _export([
        {"id": "c1", "kind": "time", "passages": [_passage("p1", "a.txt", A)]},
        {"id": "c3", "kind": "time", "passages": [_passage("p3", "b.txt", C)]},
        {"id": "c2", "kind": "attribution", "passages": [_passage("p2", "a.txt", B)]},
    ])
    scoring = score_export(export, GOLD, TEXTS)
    shown = {"c1": [("p9", "a.txt")] * 5 + [("p3", "b.txt")], "c3": [("p1", "a.txt")]}
    # a1 sees b1 only sixth: not counted; b1 sees a1 first; a2/a3 share claim c2.
    assert candidate_recall(GOLD, scoring, shown, top=5) == (3, 4)
