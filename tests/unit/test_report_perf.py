"""Export timings on a 10,000-claim store (printed, not asserted: see STYLE.md).

Run with ``python -m pytest tests/unit/test_report_perf.py -q -s`` to see the numbers. Target:
HTML and Markdown within about 5 s each on 2 cores.
"""

from __future__ import annotations

import time
from typing import Any

import pytest

from factcheck.core.report import FORMATS, export_report
from factcheck.core.store import Store
from factcheck.settings import Settings
from tests.factories import build_store


def _suffixed(value: str, suffix: str) -> str:
    return value + suffix


def build_large_store(claims: int = 10_000) -> Store:
    """A store with about ``claims`` tracked claims: `build_store` replicated with new ids.

    Each copy has its own sources (three outlets' articles), passages, claims and reviews, so
    the report has ``claims`` claims over as many articles, with marks, verdicts, notes,
    conflicts and a hostile passage in every third claim.
    """
    base = build_store()
    tables = {name: dict(base.raw(name)) for name in ("sources", "passages", "claims",
                                                      "reviews")}
    store = Store.memory()
    copies = -(-claims // len(tables["claims"]))
    made = 0
    with store.transaction() as tx:
        for copy in range(copies):
            sfx = f"-{copy}"
            for sid, doc in tables["sources"].items():
                tx.put("sources", {**doc, "id": sid + sfx, "file": f"{copy}-{doc['file']}"},
                       doc_id=sid + sfx)
            for pid, doc in tables["passages"].items():
                tx.put("passages", {**doc, "id": pid + sfx,
                                    "source_id": doc["source_id"] + sfx}, doc_id=pid + sfx)
            for cid, doc in tables["claims"].items():
                if made == claims:
                    break
                made += 1
                tx.put("claims", _copy_claim(doc, cid + sfx, sfx), doc_id=cid + sfx)
                review = tables["reviews"].get(cid)
                if review is not None:
                    tx.put("reviews", _copy_review(review, cid + sfx, sfx), doc_id=cid + sfx)
    return store


def _copy_claim(doc: dict[str, Any], cid: str, sfx: str) -> dict[str, Any]:
    evidence = [{**e, "mention_id": e["mention_id"] + sfx, "passage_id": e["passage_id"] + sfx,
                 "source_id": e["source_id"] + sfx} for e in doc["evidence"]]
    conflicts = [{**c, "passages": [p + sfx for p in c["passages"]]} for c in doc["conflicts"]]
    return {**doc, "id": cid, "evidence": evidence, "conflicts": conflicts}


def _copy_review(doc: dict[str, Any], cid: str, sfx: str) -> dict[str, Any]:
    marks = {pid + sfx: by for pid, by in doc["marks"].items()}
    notes = [{**n, "passage_id": n["passage_id"] + sfx if n["passage_id"] else None}
             for n in doc["notes"]]
    return {**doc, "claim_id": cid, "marks": marks, "notes": notes}


def test_large_store_builder() -> None:
    store = build_large_store(10)
    assert len(store.raw("claims")) == 10
    assert len(store.claims()) == 10  # every copied document is valid
    report = export_report(store, "json", Settings(reviewer="tester"))
    assert report.count('"reviewed": true') == 7  # c-visit and c-arms of each copy


@pytest.mark.slow
def test_export_timings_on_10k_claims(capsys: pytest.CaptureFixture[str]) -> None:
    started = time.perf_counter()
    store = build_large_store(10_000)
    built = time.perf_counter() - started
    settings = Settings(reviewer="tester")
    timings: dict[str, tuple[float, float]] = {}
    sizes: dict[str, int] = {}
    for fmt in FORMATS:
        started, cpu = time.perf_counter(), time.process_time()
        document = export_report(store, fmt, settings)
        timings[fmt] = (time.perf_counter() - started, time.process_time() - cpu)
        sizes[fmt] = len(document)
    with capsys.disabled():
        print(f"\n10,000-claim store built in {built:.2f} s")
        for fmt in FORMATS:
            wall, cpu = timings[fmt]
            print(f"  export {fmt:<12} {wall:6.2f} s wall {cpu:6.2f} s CPU "
                  f"{sizes[fmt] / 1e6:6.1f} M chars")
    assert sizes["html"] > 0 and sizes["md"] > 0
