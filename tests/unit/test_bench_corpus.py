"""The benchmark corpus generator, the direct store builder and a smoke run of the runner.

No timed assertions: speed figures live in ``python -m bench``.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from pathlib import Path

import pytest

from bench.corpus import describe, generate, iter_pages, write_corpus
from bench.isolate import run_isolated
from bench.stores import build_store
from bench.stories import Article
from factcheck.core.store import TABLES, Store

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "seeds"


@pytest.fixture(scope="module")
def articles() -> list[Article]:
    return generate(600)


@pytest.fixture(scope="module")
def pages() -> list[str]:
    return [page for _, page in iter_pages(600)]


def test_same_seed_same_pages_and_a_prefix_does_not_depend_on_the_size() -> None:
    first = [page for _, page in iter_pages(150)]
    again = [page for _, page in iter_pages(150)]
    longer = [page for _, page in iter_pages(400)]
    other = [page for _, page in iter_pages(150, seed=7)]
    assert first == again
    assert longer[:150] == first
    assert other != first


def test_write_corpus_writes_exactly_the_size_and_hands_back_what_to_ingest(
        tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "c", 120)
    files = sorted((tmp_path / "c").rglob("*.txt"))
    assert len(files) == 120
    assert len(corpus.paths(50)) == 50
    assert corpus.paths(50) == files[:50]
    assert write_corpus(tmp_path / "c", 120) == corpus  # reused, not rewritten
    write_corpus(tmp_path / "c", 30)
    assert len(list((tmp_path / "c").rglob("*.txt"))) == 30  # a smaller corpus leaves no extras


def test_both_languages_many_outlets_wire_copies_contradictions_and_denials(
        articles: list[Article]) -> None:
    counts = describe(articles)
    assert counts["id"] > counts["en"] > 0.1 * counts["articles"]
    assert counts["outlets"] >= 20
    assert counts["stories"] < counts["articles"] * 0.6  # stories are reported several times
    assert counts["wire_copies"] > 0
    assert counts["contradictions"] > 0
    assert counts["denials"] > 0


def test_some_stories_are_reported_in_both_languages(articles: list[Article]) -> None:
    languages: dict[int, set[str]] = defaultdict(set)
    for article in articles:
        languages[article.story].add(article.language)
    assert sum(langs == {"id", "en"} for langs in languages.values()) >= 20


def test_a_wire_copy_repeats_its_wire_story_and_credits_it(articles: list[Article]) -> None:
    by_origin = {a.origin: a for a in articles if a.outlet.layout == "wire"}
    copies = [a for a in articles if a.copy and a.origin in by_origin]
    assert copies
    for copy in copies:
        wire = by_origin[copy.origin]
        original = {s.text for s in wire.sentences()}
        kept = [s for s in copy.sentences() if s.text in original]
        assert len(kept) >= len(copy.sentences()) - 1
        assert copy.credits == (wire.outlet.name,)
        assert copy.outlet != wire.outlet


def test_contradicting_figures_are_between_outlets_of_one_story(
        articles: list[Article]) -> None:
    values: dict[tuple[int, str], dict[float | int, set[str]]] = defaultdict(
        lambda: defaultdict(set))
    for article in articles:
        for sentence in article.sentences():
            if sentence.fact and sentence.value is not None and not article.copy:
                values[(article.story, sentence.fact)][sentence.value].add(article.outlet.name)
    conflicts = [v for v in values.values() if len(v) > 1]
    assert conflicts
    for by_value in conflicts:
        outlets = set().union(*by_value.values())
        assert len(outlets) >= 2


def test_pages_carry_furniture_datelines_dates_and_indonesian_numbers(
        pages: list[str]) -> None:
    text = "\n".join(pages)
    for furniture in ("Iklan", "Advertisement", "Baca juga: ", "Berita terkait", "jam lalu",
                      "Lupa Kata Sandi?", "Scroll Untuk Melanjutkan", "Related stories",
                      "Penulis: ", "Last Updated", "Pilihan Editor: "):
        assert furniture in text, furniture
    assert re.search(r"^[A-Z][A-Z ]+, [A-Z]+\.(?:COM|ID|CO\.ID) - ", text, re.M)
    assert re.search(r"\((?:Reuters|AFP|AP|ANTARA)\) [-\u2014] ", text)
    assert re.search(r"^(?:Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu), \d{1,2} [A-Z][a-z]+ "
                     r"20\d\d \d\d:\d\d WIB$", text, re.M)
    assert re.search(r"^[A-Z][a-z]+ \d{1,2}, 20\d\d", text, re.M)
    assert re.search(r"\b\d{1,3}\.\d{3}\b", text)  # 5.580
    assert re.search(r"\b\d+,\d (?:juta|triliun|persen|kilogram)\b", text)  # 1,5 juta
    assert re.search(r"\b(?:dua|tiga|empat|lima) puluh\b", text)
    assert re.search(r"\b(?:kata|ujar) [A-Z]", text) and " said" in text
    assert "membantah" in text and "denied" in text


def test_no_sentence_of_the_sample_articles_is_copied(pages: list[str]) -> None:
    if not SEEDS.is_dir():
        pytest.skip("../shared/corpus/seeds is not beside the checkout")
    text = "\n".join(pages)
    for seed in SEEDS.glob("*.txt"):
        for line in seed.read_text(encoding="utf-8").splitlines():
            if len(line) > 80:
                assert line.strip() not in text


def test_built_store_has_valid_documents_conflicts_and_verdicts(tmp_path: Path) -> None:
    counts = build_store(tmp_path / "claims.json", 400)
    with Store.open(tmp_path / "claims.json") as store:
        for table in TABLES:
            store.all(table)  # every document validates against its model
        claims = store.claims()
        assert counts["claims"] == len(claims) >= 400
        assert any(c.conflicts for c in claims) and any(c.disputed for c in claims)
        assert any(c.outlets > 1 for c in claims)
        reviews = store.reviews()
        assert all(reviews[c.id].verdict is not None for c in claims)
        for claim in claims[:50]:
            for evidence in claim.evidence:
                passage = store.passage(evidence.passage_id)
                source = store.source(evidence.source_id)
                assert passage is not None and source is not None
                assert source.text[passage.start:passage.end] == passage.text


def test_replicated_store_reaches_the_size_with_distinct_ids(tmp_path: Path,
                                                             monkeypatch) -> None:
    monkeypatch.setattr("bench.stores.BASE_CLAIMS", 100)
    counts = build_store(tmp_path / "claims.json", 300)
    with Store.open(tmp_path / "claims.json") as store:
        claims = store.claims()
        assert len(claims) == counts["claims"] >= 290
        passages = {e.passage_id for c in claims for e in c.evidence}
        assert passages <= set(store.raw("passages"))


def test_a_stage_that_cannot_import_is_reported_not_raised() -> None:
    missing = run_isolated("bench.no_such_module:run", timeout=60)
    assert missing.error is not None and missing.error.startswith("n/a (")
    failing = run_isolated("bench.stages:corpus", timeout=60, folder="/dev/null/x", size=1,
                           seed=1)
    assert failing.error is not None and failing.error.startswith("error (")
    assert failing.peak_mb is not None


@pytest.mark.slow
def test_runner_smoke_run_writes_the_table_as_json(tmp_path: Path) -> None:
    from bench.run import main

    out = tmp_path / "results.json"
    main(["--quick", "--sizes", "20,40", "--claims", "200", "--quiet", "--no-cache",
          "--out", str(out), "--workdir", str(tmp_path / "work")])
    result = json.loads(out.read_text())
    assert result["machine"]["cores"] and result["machine"]["python"]
    stages = {row["stage"] for row in result["rows"]}
    assert stages >= {"corpus", "ingest + extract", "linking", "store", "TUI", "export"}
    for row in result["rows"]:
        assert row["value"] is not None or row["error"] or row["status"] == "n/a", row
        if row["error"]:
            assert row["error"].startswith(("n/a (", "error (")), row
    ours = [r for r in result["rows"] if r["stage"] == "corpus" or r["measure"] in (
        "build directly", "durable mark, median", "stock TinyDB upsert, median")]
    assert all(r["error"] is None for r in ours), ours
