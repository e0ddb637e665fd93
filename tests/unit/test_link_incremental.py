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
                       monkeypatch: pytest.MonkeyPatch) -> list[tuple[dict, dict]]:
    with monkeypatch.context() as patch:
        if not incremental:
            patch.setattr(pipeline, "_grow", lambda store, only: pipeline._link_everything(
                store, only, grow=True))
        states = []
        for n, file in enumerate(files):
            pipeline.ingest_paths(store, [file], workers=1)
            if n == len(files) // 2:  # a reviewed claim in the middle: it must stay as it is
                claim_id, claim = sorted(store.raw("claims").items())[0]
                mark(store, claim_id, claim["evidence"][0]["passage_id"], "supports", "ann")
            states.append((dict(store.raw("claims")), dict(store.raw("stories"))))
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
    claims, stories = fast[-1]
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
