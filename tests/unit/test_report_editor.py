"""The report an editor signs off from: what it says first, and what "reviewed" means."""

from __future__ import annotations

import re

from factcheck.core.report import export_report
from factcheck.core.report.data import ExportOptions
from factcheck.core.review import is_reviewed, mark, reviewed_claim_ids, set_verdict
from factcheck.core.store import Store
from factcheck.settings import Settings
from tests.factories import build_store

SETTINGS = Settings(reviewer="tester")


def _all_marked_no_verdict() -> Store:
    """The sample store, with every passage of c-hostile marked but no verdict on it."""
    store = build_store()
    claim = store.raw("claims")["c-hostile"]
    for item in claim["evidence"]:
        mark(store, "c-hostile", item["passage_id"], "supports", "ann")
    return store


def test_a_claim_is_reviewed_only_once_it_has_a_verdict() -> None:
    store = _all_marked_no_verdict()
    review = store.raw("reviews")["c-hostile"]
    assert review["marks"] and not review.get("verdict")
    assert not is_reviewed(store.raw("claims")["c-hostile"], review)
    assert "c-hostile" not in reviewed_claim_ids(store)
    only = export_report(store, "md", SETTINGS, ExportOptions(reviewed_only=True))
    assert "c-hostile" not in only and "c-visit" in only
    set_verdict(store, "c-hostile", "false", "ann")
    assert "c-hostile" in reviewed_claim_ids(store)


def test_the_summary_comes_first_and_names_verdicts_disputes_differences_and_open_claims(
        ) -> None:
    store = _all_marked_no_verdict()
    for fmt in ("md", "html"):
        document = export_report(store, fmt, SETTINGS)
        text = re.sub(r"<[^>]+>", " ", document) if fmt == "html" else document
        text = " ".join(text.split())
        start = text.index("At a glance")
        assert start < text.index("Claims and outlets") < text.index("Provenance")
        glance = text[start:text.index("Claims and outlets")]
        counts = " ".join(glance.replace(":", " ").replace(",", " ").split())
        assert "True 1" in counts and "Disputed 1" in counts and "no verdict yet 1" in counts
        assert "Disputed: asserted by some, reported denied by others" in glance
        assert "c-arms" in glance and "Pyongyang and Moscow deny it" in glance
        assert "Tempo says 24 years; Kabar Harian says 20 years" in glance  # c-visit
        open_part = glance[glance.index("Still open"):]
        assert "c-hostile" in open_part and "c-visit" not in open_part


def test_each_claim_heading_carries_its_verdict() -> None:
    document = export_report(build_store(), "html", SETTINGS)
    heading = re.search(r'<h3>\d+\. c-visit:.*?</h3>', document)
    assert heading is not None and '<span class="badge">True</span>' in heading.group(0)
    open_heading = re.search(r'<h3>\d+\. c-hostile:.*?</h3>', document)
    assert open_heading is not None and "no verdict yet" in open_heading.group(0)
    markdown = export_report(build_store(), "md", SETTINGS)
    assert re.search(r"^### \d+\. c-visit: .* \[True\]$", markdown, re.M)


def test_a_verdict_that_ranks_no_truth_shows_no_rating() -> None:
    """"Disputed" and "Unverifiable" say nothing about how true a claim is: no "rating 3/5" in
    the reports people read (ClaimReview, which needs a number, keeps its 3)."""
    store = build_store()
    document = export_report(store, "html", SETTINGS)
    assert "Verdict: Disputed</strong>, by" in document
    assert "Verdict: True</strong> (rating 5/5)" in document
    import json

    reviews = json.loads(export_report(store, "claimreview", SETTINGS))
    disputed = [r for r in reviews if r["reviewRating"]["alternateName"] == "Disputed"]
    assert disputed and disputed[0]["reviewRating"]["ratingValue"] == 3
