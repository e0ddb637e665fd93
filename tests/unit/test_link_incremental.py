"""Adding an article reads only its story: the incremental path gives exactly what re-linking
from every document gives, article after article.

`pipeline.link_all(store, new, grow=True)` (what ingest runs for new pages) places every article
from its stored keys and then validates, links and writes only the stories that changed;
`pipeline._link_everything` does the same linking from every validated document. Both must
leave the same claims (ids, evidence, conflicts) and the same stories after every article.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.corpus import write_corpus
from factcheck.core import pipeline
from factcheck.core.review import mark
from factcheck.core.store import Store


def _ingest_one_by_one(store: Store, files: list[Path], *, incremental: bool,
                       monkeypatch: pytest.MonkeyPatch) -> list[tuple[dict, ...]]:
    with monkeypatch.context() as patch:
        if not incremental:
            patch.setattr(pipeline, "_grow", lambda store, only, *_: pipeline._link_everything(
                store, only, grow=True))
        states = []
        for n, file in enumerate(files):
            pipeline.ingest_paths(store, [file], workers=1)
            if n == len(files) // 2:  # a reviewed claim in the middle: it must stay as it is
                claim_id, claim = sorted(store.raw("claims").items())[0]
                mark(store, claim_id, claim["evidence"][0]["passage_id"], "supports", "ann")
            states.append((dict(store.raw("claims")), dict(store.raw("stories")),
                           dict(store.raw("key_postings")), dict(store.raw("story_index"))))
        return states


def test_adding_articles_one_by_one_matches_relinking_from_every_document(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = write_corpus(tmp_path / "corpus", 90)
    files = corpus.paths(90)
    fast = _ingest_one_by_one(Store.open(tmp_path / "a.json"), files, incremental=True,
                              monkeypatch=monkeypatch)
    slow = _ingest_one_by_one(Store.open(tmp_path / "b.json"), files, incremental=False,
                              monkeypatch=monkeypatch)
    differing = [n for n, (a, b) in enumerate(zip(fast, slow, strict=True)) if a != b]
    assert differing == []
    claims, stories, postings, index = fast[-1]
    assert len(postings) > 100 and index["archive"]["articles"] == 90
    assert len(stories) > 5 and sum(len(c["evidence"]) > 1 for c in claims.values()) > 20


def test_the_incremental_path_writes_only_what_changed(tmp_path: Path) -> None:
    """Placing a new article must not rewrite the claims of the other stories (the journal
    line holds the new story's claims, not the store)."""
    corpus = write_corpus(tmp_path / "corpus", 60)
    files = corpus.paths(60)
    store = Store.open(tmp_path / "c.json")
    pipeline.ingest_paths(store, files[:-1], workers=1)
    store.compact()
    before = dict(store.raw("claims"))
    pipeline.ingest_paths(store, files[-1:], workers=1)
    journal = (tmp_path / "c.json.journal").read_bytes()
    after = store.raw("claims")
    unchanged = [cid for cid, doc in before.items() if after.get(cid) == doc]
    assert unchanged, "the new article changed every claim"
    assert not any(cid.encode() in journal for cid in unchanged)


def test_each_articles_keys_are_kept_and_read_again_when_its_mentions_change(
        tmp_path: Path) -> None:
    """Placing a new article reads every article's story keys: they are kept in the store
    (`article_keys`), one record per current article, and a record whose article's mentions
    changed is read again rather than trusted."""
    from factcheck.core.link.stories import article_keys_raw

    corpus = write_corpus(tmp_path / "corpus", 12)
    store = Store.open(tmp_path / "c.json")
    pipeline.ingest_paths(store, corpus.paths(12), workers=1)
    kept = dict(store.raw("article_keys"))
    current = {doc["source_id"] for doc in store.raw("mentions").values()}
    assert set(kept) == current

    by_source = pipeline._mentions_by_source(store, store.raw("sources"))
    one, other = sorted(current)[:2]
    articles, fresh, gone = pipeline._article_keys(store, by_source)
    assert fresh == [] and gone == []  # every record matches its article
    by_id = {a.source_id: a for a in articles}
    expected = article_keys_raw(one, store.raw("sources")[one], by_source[one])
    assert by_id[one].counts == expected.counts and by_id[one].days == expected.days

    # The article's mentions changed: its record no longer matches and is read again.
    with store.transaction() as tx:
        tx.put("article_keys", {**kept[one], "counts": {"n:stale": 1}}, doc_id=one)
        mention_id = next(m for m, d in store.raw("mentions").items() if d["source_id"] == one)
        tx.delete("mentions", mention_id)
    by_source = pipeline._mentions_by_source(store, store.raw("sources"))
    articles, fresh, _ = pipeline._article_keys(store, by_source)
    assert [r["id"] for r in fresh] == [one]
    assert "n:stale" not in {a.source_id: a for a in articles}[one].counts

    # A record damaged by hand (its "of" intact) is read again, not trusted.
    with store.transaction() as tx:
        tx.put("article_keys", {**kept[other], "counts": ["n:a", "n:b"], "days": "2024"},
               doc_id=other)
    by_source = pipeline._mentions_by_source(store, store.raw("sources"))
    articles, fresh, _ = pipeline._article_keys(store, by_source)
    assert other in [r["id"] for r in fresh]
    assert {a.source_id: a for a in articles}[other].counts == kept[other]["counts"]

    # Re-extracting keeps mention ids but may change their slots: the record goes.
    pipeline.extract_all(store)
    assert one not in store.raw("article_keys") and other not in store.raw("article_keys")


def test_adding_an_article_reads_its_own_mentions_and_no_other_articles(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Adding an article takes the other articles' kept keys as they are (the whole re-link
    checks them against their mentions): only the new article's mentions are read, and those
    of an article whose record is missing or not shaped as a record. A count damaged by hand
    counts as none rather than stopping the ingest."""
    corpus = write_corpus(tmp_path / "corpus", 12)
    files = corpus.paths(12)
    store = Store.open(tmp_path / "c.json")
    pipeline.ingest_paths(store, files[:-1], workers=1)
    kept = dict(store.raw("article_keys"))
    one, other, third = sorted(kept)[:3]
    with store.transaction() as tx:
        tx.put("article_keys", {**kept[one], "counts": ["n:a"]}, doc_id=one)
        tx.put("article_keys", {**kept[other], "counts": {"n:x": "many", "n:y": -1}},
               doc_id=other)
        tx.delete("article_keys", third)
    read: list[str] = []
    real = pipeline.article_keys_raw
    monkeypatch.setattr(pipeline, "article_keys_raw",
                        lambda sid, *rest: read.append(sid) or real(sid, *rest))
    report = pipeline.ingest_paths(store, files[-1:], workers=1)
    [new] = [f.source.id for f in report.files if f.source is not None]
    assert sorted(read) == sorted([new, one, third])
    assert {new, one, third} <= set(store.raw("article_keys"))
    assert store.raw("article_keys")[other]["counts"] == {"n:x": "many", "n:y": -1}


def test_a_new_article_is_placed_on_the_kept_key_index(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With the kept key index in step with the store, adding an article reads its own
    mentions and the kept keys of the few articles it may join, not every article's; when the
    index is missing (or does not match the articles placed), every article's keys are read
    and the index is made anew, so the next article is placed on it again."""
    from factcheck.cli import main

    corpus = write_corpus(tmp_path / "corpus", 41)
    files = corpus.paths(41)
    store = Store.open(tmp_path / "c.json")
    pipeline.ingest_paths(store, files[:39], workers=1)
    mentioned: list[str] = []
    records: list[str] = []
    raw, kept = pipeline.article_keys_raw, pipeline.keys_from_record
    monkeypatch.setattr(pipeline, "article_keys_raw",
                        lambda sid, *rest: mentioned.append(sid) or raw(sid, *rest))
    monkeypatch.setattr(pipeline, "keys_from_record",
                        lambda record, published: records.append(record["id"]) or kept(
                            record, published))
    report = pipeline.ingest_paths(store, files[39:40], workers=1)
    [new] = [f.source.id for f in report.files if f.source is not None]
    assert mentioned == [new] and len(set(records)) < 39 // 2
    assert store.raw("story_index")["archive"]["articles"] == 40

    # A publication date fixed by hand reorders the archive: the index is made anew.
    some = sorted(store.raw("sources"))[0]
    store.close()
    assert main(["--db", str(tmp_path / "c.json"), "source", some, "published",
                 "2020-01-01"]) == 0
    store = Store.open(tmp_path / "c.json")
    assert "archive" not in store.raw("story_index")
    records.clear()
    pipeline.ingest_paths(store, files[40:], workers=1)
    assert len(set(records)) == 40  # every article's kept keys read once more
    assert store.raw("story_index")["archive"]["articles"] == 41

    # A key record gone (removed by hand, or by a repair): the index is made anew too.
    with store.transaction() as tx:
        tx.delete("key_postings", sorted(store.raw("key_postings"))[0])
    records.clear()
    extra = write_corpus(tmp_path / "more", 42).paths(42)[41:]
    pipeline.ingest_paths(store, extra, workers=1)
    assert len(set(records)) == 41
    index = store.raw("story_index")["archive"]
    assert index["articles"] == 42 and index["keys"] == len(store.raw("key_postings"))


def test_kept_key_records_damaged_by_hand_do_not_stop_an_ingest(tmp_path: Path) -> None:
    """Key records edited into nonsense read as missing (the next whole re-link writes them
    again): the new article is placed and stored, with no traceback."""
    corpus = write_corpus(tmp_path / "corpus", 12)
    files = corpus.paths(12)
    store = Store.open(tmp_path / "c.json")
    pipeline.ingest_paths(store, files[:-1], workers=1)
    with store.transaction() as tx:
        for n, key in enumerate(sorted(store.raw("key_postings"))):
            damaged = ({"id": key, "df": "many", "lo": "x", "latest": "y"} if n % 2 else
                       {"id": key, "df": 3, "latest": [[1, 2], ["a"], None]})
            tx.put("key_postings", damaged, doc_id=key)
    report = pipeline.ingest_paths(store, files[-1:], workers=1)
    [new] = [f.source.id for f in report.files if f.source is not None]
    assert any(new in doc["sources"] for doc in store.raw("stories").values())
    assert store.raw("story_index")["archive"]["articles"] == 12
