"""What every report format shows: gathering, effective stances, filters, agreement."""

from __future__ import annotations

import subprocess
import sys

import pytest

from factcheck.core.models import Stance
from factcheck.core.report import FORMATS, ExportOptions, ReportError, export_report, gather
from factcheck.core.report.agreement import agreement, cohen_kappa
from factcheck.core.report.data import matrix_cells
from factcheck.core.review import mark, reviewed_claim_ids
from factcheck.core.store import Store
from factcheck.settings import Settings
from tests.factories import build_store


@pytest.fixture
def store() -> Store:
    return build_store()


@pytest.fixture
def settings() -> Settings:
    return Settings(reviewer="tester")


def _passage_id(store: Store, needle: str) -> str:
    return next(p.id for p in store.passages() if needle in p.text and p.role == "body")


def test_gather_has_every_claim_with_reviewed_flags(store: Store, settings: Settings) -> None:
    report = gather(store, settings)
    assert [c.id for c in report.claims] == ["c-visit", "c-arms", "c-hostile"]
    reviewed = {c.id: c.reviewed for c in report.claims}
    assert reviewed == {"c-visit": True, "c-arms": True, "c-hostile": False}
    assert {c for c, r in reviewed.items() if r} == reviewed_claim_ids(store)
    assert report.total_claims == 3 and report.reviewed_total == 2
    assert report.reviewers == ["budi", "rina"]


def test_passages_are_verbatim_with_offsets(store: Store, settings: Settings) -> None:
    report = gather(store, settings)
    passages = {p.id: p for p in store.passages()}
    sources = {s.id: s for s in store.sources()}
    for claim in report.claims:
        for row in claim.passages:
            passage = passages[row.id]
            assert row.text == passage.text
            assert (row.start, row.end) == (passage.start, passage.end)
            assert sources[row.source_id].text[row.start:row.end] == row.text
            assert row.file == sources[row.source_id].file


def test_effective_stance_is_the_latest_mark(store: Store, settings: Settings) -> None:
    p20 = _passage_id(store, "20 tahun")
    visit = gather(store, settings).claims[0]
    row = next(p for p in visit.passages if p.id == p20)
    # rina marked "contradicts", then budi "supports": budi's is the latest.
    assert [(m.shown_reviewer, m.stance) for m in row.marks] == [
        ("rina", "contradicts"), ("budi", "supports")]
    assert row.stance == "supports"
    assert row.suggested_stance == "contradicts"

    mark(store, "c-visit", p20, Stance.CONTRADICTS, "rina")  # rina changes her mind last
    row = next(p for p in gather(store, settings).claims[0].passages if p.id == p20)
    assert row.stance == "contradicts"
    assert [m.shown_reviewer for m in row.marks] == ["budi", "rina"]


def test_unmarked_passages_keep_only_the_suggestion(store: Store, settings: Settings) -> None:
    arms = gather(store, settings).claims[1]
    assert all(p.stance is None and p.marks == () for p in arms.passages)
    assert [p.suggested_stance for p in arms.passages] == [
        "supports", "supports", "denial", "denial"]


def test_verdict_labels_and_ratings_come_from_the_scale(store: Store, settings: Settings) -> None:
    claims = gather(store, settings, ExportOptions(lang="id")).claims
    assert claims[0].verdict is not None
    assert (claims[0].verdict.label_text, claims[0].verdict.rating) == ("Benar", 5)
    assert claims[1].verdict is not None
    assert (claims[1].verdict.label_text, claims[1].verdict.rating) == (
        "Diperdebatkan", 3)
    assert claims[2].verdict is None


def test_matrix_cells(store: Store, settings: Settings) -> None:
    report = gather(store, settings)
    assert report.outlets == ["Tempo", "Kabar Harian", "World Wire"]
    rows = {c.id: matrix_cells(c, report.outlets) for c in report.claims}
    assert rows["c-visit"] == [[("supports", True)], [("supports", True)], [("supports", True)]]
    assert rows["c-arms"] == [[("supports", False), ("denial", False)], [("denial", False)],
                              [("supports", False)]]
    assert rows["c-hostile"] == [[("supports", False)], [], []]


def test_a_passage_marked_unrelated_is_not_a_mention(store: Store, settings: Settings) -> None:
    mark(store, "c-hostile", _passage_id(store, "<script>"), Stance.UNRELATED, "rina")
    report = gather(store, settings)
    hostile = next(c for c in report.claims if c.id == "c-hostile")
    assert matrix_cells(hostile, report.outlets) == [[], [], []]


def test_agreement_on_the_fixture_computed_by_hand(store: Store, settings: Settings) -> None:
    # rina and budi both marked two passages of c-visit: 24 years (supports / supports) and
    # 20 years (contradicts / supports). p_o = 1/2. rina: 1 supports, 1 contradicts; budi:
    # 2 supports. p_e = (1/2)(2/2) + (1/2)(0/2) = 1/2. kappa = (1/2 - 1/2) / (1 - 1/2) = 0.
    result = gather(store, settings).agreement
    assert result["passages_compared"] == 2
    assert result["pairs"] == [{"reviewers": ["budi", "rina"], "passages": 2, "agreed": 1,
                                "percent_agreement": 50.0, "kappa": 0.0}]


def test_cohen_kappa_by_hand() -> None:
    # p_o = 4/5; a: 3 S, 2 C; b: 2 S, 3 C; p_e = (3*2 + 2*3) / 25 = 0.48;
    # kappa = (0.8 - 0.48) / 0.52.
    a = ["s", "s", "c", "c", "s"]
    b = ["s", "c", "c", "c", "s"]
    assert cohen_kappa(a, b) == pytest.approx(0.32 / 0.52)
    assert cohen_kappa(["s", "c"], ["s", "c"]) == pytest.approx(1.0)
    assert cohen_kappa(["s", "s"], ["s", "s"]) is None  # one category only: undefined
    assert cohen_kappa([], []) is None


def test_agreement_is_pairwise_over_passages_both_marked() -> None:
    items = [
        {"ana": "supports", "bob": "supports", "cia": "contradicts"},
        {"ana": "contradicts", "bob": "supports"},
        {"ana": "supports"},  # one reviewer only: not compared
        {"bob": "denial", "cia": "denial"},
    ]
    result = agreement(items)
    assert result["passages_compared"] == 3
    pairs = {tuple(p["reviewers"]): p for p in result["pairs"]}
    assert set(pairs) == {("ana", "bob"), ("ana", "cia"), ("bob", "cia")}
    assert (pairs[("ana", "bob")]["passages"], pairs[("ana", "bob")]["agreed"]) == (2, 1)
    assert (pairs[("ana", "cia")]["passages"], pairs[("ana", "cia")]["agreed"]) == (1, 0)
    assert pairs[("bob", "cia")]["percent_agreement"] == 50.0
    # bob/cia: (supports, contradicts), (denial, denial): p_o = 1/2,
    # p_e = (1*0 + 1*1 + 0*1) / 4 = 1/4, kappa = (1/2 - 1/4) / (3/4) = 1/3.
    assert pairs[("bob", "cia")]["kappa"] == pytest.approx(1 / 3)


def test_reviewed_only_and_claim_filters(store: Store, settings: Settings) -> None:
    only = gather(store, settings, ExportOptions(reviewed_only=True))
    assert [c.id for c in only.claims] == ["c-visit", "c-arms"]
    picked = gather(store, settings, ExportOptions(claim_ids=("c-hostile", "c-arms")))
    assert [c.id for c in picked.claims] == ["c-arms", "c-hostile"]
    both = gather(store, settings, ExportOptions(reviewed_only=True, claim_ids=("c-hostile",)))
    assert both.claims == []
    # The store-wide counts do not depend on the filter.
    assert (picked.total_claims, picked.reviewed_total) == (3, 2)


def test_unknown_claim_language_or_format_is_an_error(store: Store, settings: Settings) -> None:
    with pytest.raises(ReportError, match="no such claim: 'c-nope'"):
        export_report(store, "md", settings, ExportOptions(claim_ids=("c-visit", "c-nope")))
    with pytest.raises(ReportError, match="unknown language"):
        export_report(store, "md", settings, ExportOptions(lang="fr"))
    with pytest.raises(ReportError, match="unknown format"):
        export_report(store, "pdf", settings)


@pytest.mark.parametrize("fmt", FORMATS)
def test_progress_is_reported_per_claim(store: Store, settings: Settings, fmt: str) -> None:
    calls: list[tuple[int, int]] = []
    export_report(store, fmt, settings, progress=lambda done, total: calls.append((done, total)))
    assert calls == [(1, 3), (2, 3), (3, 3)]


def test_provenance_lists_every_source_file_and_reviewer(store: Store,
                                                          settings: Settings) -> None:
    provenance = gather(store, settings).provenance()
    assert {(s["file"], s["sha256"]) for s in provenance["sources"]} == {
        (s.file, s.sha256) for s in store.sources()}
    assert provenance["reviewers"] == ["budi", "rina"]
    assert provenance["factcheck_version"]
    assert provenance["exported_at"].endswith("Z")


def test_the_report_package_never_imports_textual() -> None:
    code = ("import sys, factcheck.core.report; "
            "sys.exit(any(m == 'textual' or m.startswith('textual.') for m in sys.modules))")
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
