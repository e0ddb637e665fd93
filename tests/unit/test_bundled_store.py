"""The claims.json shipped at the top of the repository is the sample corpus, built fresh."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from factcheck.core.pipeline import ingest_paths
from factcheck.core.store import Store

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"
BUNDLED = ROOT / "claims.json"
VOLATILE = {"ingested_at", "path"}
TABLES = ("sources", "passages", "mentions", "claims")

pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason="sample corpus not beside the repo")


def _content(store: Store) -> dict[str, Any]:
    return {
        table: {key: {k: v for k, v in doc.items() if k not in VOLATILE}
                for key, doc in store.raw(table).items()}
        for table in TABLES
    }


def test_bundled_store_has_not_drifted_from_the_corpus(tmp_path: Path) -> None:
    copy = tmp_path / "bundled.json"
    shutil.copy(BUNDLED, copy)  # tests never touch the real file
    bundled = Store.open(copy)
    fresh = Store.open(tmp_path / "fresh.json")
    report = ingest_paths(fresh, [SEEDS])
    assert not report.failed
    assert _content(bundled) == _content(fresh), (
        "claims.json is out of date: rebuild it with "
        "`rm claims.json && factcheck ingest ../shared/corpus/seeds`"
    )
    assert not bundled.raw("reviews"), "the bundled store must ship unreviewed"


def test_bundled_store_holds_no_email_address() -> None:
    import re

    text = BUNDLED.read_text(encoding="utf-8")
    assert not re.search(r"[\w.+-]+@[\w-]+\.[\w.-]+", text)
