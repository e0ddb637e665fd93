"""Scoring against a gold file (`factcheck.core.evaluate`), on small hand-made runs."""

from __future__ import annotations

from factcheck.core.evaluate import ArticleRun, covers, evaluate, locate
from factcheck.core.models import Kind, Mention, Passage, Polarity

A = "Putin akan mengunjungi Korea Utara untuk pertama kalinya dalam 24 tahun terakhir."
B = "Washington mengatakan Korea Utara memasok senjata, meskipun Moskow membantahnya."
C = "Kunjungan Pertama dalam 20 Tahun"

GOLD = {
    "articles": {"a.txt": {}, "b.txt": {}},
    "claims": [
        {"id": "a1", "article": "a.txt", "sentence": A, "kind": "time"},
        {"id": "a2", "article": "a.txt", "sentence": B, "kind": "attribution"},
        {"id": "a3", "article": "a.txt", "sentence": B, "kind": "denial"},
        {"id": "b1", "article": "b.txt", "sentence": C, "kind": "time"},
    ],
    "relations": [
        {"a": "a1", "b": "b1", "label": "contradict"},
        {"a": "a2", "b": "a3", "label": "contradict"},
    ],
    "boilerplate": {"a.txt": ["Baca juga"], "b.txt": ["Iklan"]},
}


def _passage(pid: str, text: str, sentence: str) -> Passage:
    start = text.index(sentence)
    return Passage(id=pid, source_id="s", start=start, end=start + len(sentence), text=sentence)


def _mention(mid: str, p: Passage, kind: Kind, lo: int = 0, hi: int | None = None,
             polarity: Polarity = Polarity.ASSERTED) -> Mention:
    hi = len(p.text) if hi is None else hi
    return Mention(id=mid, source_id="s", passage_id=p.id, start=p.start + lo, end=p.start + hi,
                   text=p.text[lo:hi], kind=kind)


def _runs() -> dict[str, ArticleRun]:
    # Article a: a non-breaking space and curly quotes in the cleaned text still locate the gold.
    spaced = A.replace(" akan", "\xa0akan")
    text_a = f"Judul\n\n{spaced}\n\n{B}\n\nBaca juga: lainnya\n\nOpini."
    pa1 = _passage("pa1", text_a, spaced)
    pa2 = _passage("pa2", text_a, B)
    pa3 = _passage("pa3", text_a, "Baca juga: lainnya")
    pa4 = _passage("pa4", text_a, "Opini.")
    text_b = f"{C}\n\nIklan tengah."
    pb1 = _passage("pb1", text_b, C)
    clause = B.index(", meskipun")
    mentions_a = [
        _mention("m1", pa1, Kind.TIME),
        _mention("m2", pa2, Kind.ATTRIBUTION, 0, clause),
        _mention("m3", pa2, Kind.DENIAL, polarity=Polarity.DENIED),
        _mention("m4", pa4, Kind.OTHER),  # matches no gold sentence
    ]
    return {
        "a.txt": ArticleRun(text=text_a, mentions=mentions_a, passages=[pa1, pa2, pa3, pa4]),
        "b.txt": ArticleRun(text=text_b, mentions=[_mention("m5", pb1, Kind.QUANTITY)],
                            passages=[pb1]),
    }


def test_locate_folds_quotes_spaces_and_case():
    text = "Ia berkata: “Kami siap.”\u00a0Lalu pergi."
    assert locate('ia berkata: "kami siap." lalu', text) == (0, 29)
    assert locate("tidak ada", text) is None


def test_covers_needs_half_the_sentence_and_at_most_three_times_its_length():
    assert covers((0, 50), (0, 100)) and not covers((0, 49), (0, 100))
    assert covers((0, 300), (0, 100)) and not covers((0, 301), (0, 100))


def test_recall_precision_kinds_and_leaks():
    report = evaluate(GOLD, _runs())
    assert (report.gold_claims, report.found_claims, report.recall) == (4, 4, 1.0)
    assert (report.mentions, report.matched_mentions) == (5, 4)
    assert report.precision == 4 / 5
    assert report.unmatched == ["a.txt: Opini."]
    assert report.per_kind["time"].recall == 1.0 and report.per_kind["denial"].gold == 1
    assert report.kind_agreement == 3 / 4  # b1 is time, the tool said quantity
    assert [(leak.article, leak.boilerplate) for leak in report.leaks] == [("a.txt", "Baca juga")]
    assert report.relations is None and report.missed == [] and report.unlocated == []


def test_a_missing_article_and_an_unlocated_sentence_count_as_misses():
    runs = _runs()
    del runs["b.txt"]
    gold = {**GOLD, "claims": [*GOLD["claims"],  # type: ignore[list-item]
                               {"id": "a4", "article": "a.txt", "sentence": "Tidak ada.",
                                "kind": "other"}]}
    report = evaluate(gold, runs)
    assert report.missed == ["b1", "a4"] and report.unlocated == ["a4"]
    assert report.per_kind["time"].found == 1 and report.recall == 3 / 5


def test_a_clause_is_matched_through_its_passage():
    runs = _runs()
    run = runs["a.txt"]
    p = run.passages[1]
    tail = _mention("m3", p, Kind.DENIAL, B.index("meskipun"), len(B), Polarity.DENIED)
    runs["a.txt"] = ArticleRun(text=run.text, mentions=[tail], passages=run.passages)
    assert evaluate(GOLD, runs).per_kind["denial"].recall == 1.0
    runs["a.txt"] = ArticleRun(text=run.text, mentions=[tail], passages=[])  # span alone: too short
    assert evaluate(GOLD, runs).per_kind["denial"].recall == 0.0


def test_relations_need_a_shared_claim_and_a_flag_for_contradictions():
    runs = _runs()
    linked = {"m1": "c1", "m5": "c1", "m2": "c2", "m3": "c2"}
    unflagged = evaluate(GOLD, runs, links=linked).relations
    assert unflagged is not None and unflagged.found == 0
    assert unflagged.missed == ["a1~b1", "a2~a3"]
    flagged = evaluate(GOLD, runs, links=linked, conflicts=[("m5", "m1"), ("m2", "m3")]).relations
    assert flagged is not None and (flagged.found, flagged.recall) == (2, 1.0)
    assert flagged.by_label["contradict"].found == 2
    apart = evaluate(GOLD, runs, links={**linked, "m5": "c9"}, conflicts=[("m1", "m5")]).relations
    assert apart is not None and apart.missed == ["a1~b1", "a2~a3"]
