"""The read model of a claim in context (`factcheck.core.readmodel`): what it carries, how it
survives damaged documents, and that it is the only passage-in-claim and claim-row shape."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from factcheck.core.readmodel import (
    CONTEXT_CHARS,
    ClaimRow,
    PassageView,
    claim_rows,
    claim_view,
    claim_views,
)
from factcheck.core.report import json_out
from factcheck.core.store import Store
from factcheck.core.views import claim_json
from factcheck.settings import Settings
from tests.factories import build_store

PACKAGE = Path(__file__).resolve().parents[2] / "factcheck"


@pytest.fixture
def store() -> Store:
    return build_store()


def _passage(store: Store, needle: str) -> str:
    return next(p.id for p in store.passages() if needle in p.text and p.role == "body")


def _row(passages: tuple[PassageView, ...], passage_id: str) -> PassageView:
    return next(p for p in passages if p.id == passage_id)


def test_marks_by_two_reviewers_a_note_and_the_verdict(store: Store) -> None:
    p20 = _passage(store, "20 tahun")
    view = claim_view(store, "c-visit")
    assert view is not None and view.reviewed
    row = _row(view.passages, p20)
    assert [(m.reviewer, m.stance) for m in row.marks] == [
        ("rina", "contradicts"), ("budi", "supports")]
    assert row.by_reviewer == {"rina": "contradicts", "budi": "supports"}
    assert row.stance == "supports"  # budi's mark is the latest
    assert row.suggested_stance == "contradicts"  # the tool's word, kept apart
    assert [n.text for n in view.notes_on(p20)] == ["Kabar Harian rounds down to 20."]
    assert view.notes_on(None) == ()
    assert view.verdict is not None
    assert (view.verdict.label, view.verdict.reviewer) == ("true", "rina")
    assert view.verdict.explanation == "The last visit was in July 2000: 24 years."
    assert view.verdict.stored["label"] == "true"  # what `set_verdict(seen=...)` compares


def test_a_passage_in_context(store: Store) -> None:
    p20 = _passage(store, "20 tahun")
    view = claim_view(store, "c-visit")
    assert view is not None
    row = _row(view.passages, p20)
    source = store.source(row.source_id)
    assert source is not None
    assert (row.outlet, row.file, row.title) == (source.outlet, source.file, source.title)
    assert source.text[row.start:row.end] == row.text
    assert row.before == source.text[max(0, row.start - CONTEXT_CHARS):row.start]
    assert row.after == source.text[row.end:row.end + CONTEXT_CHARS]
    assert row.words is not None
    first, last = row.words
    assert 0 <= first < last <= len(row.text) and "20" in row.text[first:last]


def test_many_claims_read_the_scale_and_order_marks_like_one(store: Store) -> None:
    settings = Settings(reviewer="tester")
    scale = {v.key: v for v in settings.verdicts}
    views = {v.id: v for v in claim_views(store, scale=scale, lang="id")}
    assert list(views) == ["c-visit", "c-arms", "c-hostile"]
    verdict = views["c-arms"].verdict
    assert verdict is not None and (verdict.label_text, verdict.rating) == ("Diperdebatkan", 3)
    one = claim_view(store, "c-visit")
    assert one is not None
    assert [p.marks for p in views["c-visit"].passages] == [p.marks for p in one.passages]
    assert views["c-hostile"].verdict is None and not views["c-hostile"].reviewed


def _damage(store: Store, table: str, field: str) -> None:
    """Store ``c-visit``'s document of ``table`` with ``field`` of the wrong type."""
    doc = {**store.raw(table)["c-visit"], field: "not a list"}
    with store.transaction() as tx:
        tx.put(table, doc, doc_id="c-visit")


def test_a_damaged_review_is_left_out_not_a_crash(store: Store) -> None:
    _damage(store, "reviews", "marks")
    view = claim_view(store, "c-visit")
    assert view is not None
    assert view.verdict is None and view.notes == () and not view.reviewed
    assert all(p.marks == () and not p.by_reviewer for p in view.passages)
    listed = {r.id: r for r in claim_rows(store)}
    assert listed["c-visit"].verdict is None and not listed["c-visit"].reviewed


def test_a_damaged_claim_is_left_out_not_a_crash(store: Store) -> None:
    _damage(store, "claims", "evidence")
    assert claim_view(store, "c-visit") is None
    assert [v.id for v in claim_views(store)] == ["c-arms", "c-hostile"]
    assert "c-visit" not in {r.id for r in claim_rows(store)}


def test_a_missing_passage_is_a_placeholder(store: Store) -> None:
    p20 = _passage(store, "20 tahun")
    with store.transaction() as tx:
        tx.delete("passages", p20)
    view = claim_view(store, "c-visit")
    assert view is not None
    row = _row(view.passages, p20)
    assert row.missing and row.text == "" and (row.start, row.end) == (0, 0)
    assert row.stance == "supports"  # the marks on it are still shown
    shown = [p for items in claim_json(view)["by_outlet"].values() for p in items]
    assert next(p for p in shown if p["passage_id"] == p20)["role"] is None
    # A report quotes what is there: the dangling passage is left out.
    reported = next(v for v in claim_views(store) if v.id == "c-visit")
    assert p20 not in {p.id for p in reported.passages}
    assert len(reported.passages) == len(view.passages) - 1


def test_a_missing_source_is_a_placeholder(store: Store) -> None:
    p20 = _passage(store, "20 tahun")
    view = claim_view(store, "c-visit")
    assert view is not None
    gone = _row(view.passages, p20).source_id
    with store.transaction() as tx:
        tx.delete("sources", gone)
    view = claim_view(store, "c-visit")
    assert view is not None
    row = _row(view.passages, p20)
    assert (row.outlet, row.file, row.title, row.published) == (None, None, None, None)
    assert row.shown_outlet == "unknown outlet" and row.before == row.after == ""
    assert "unknown outlet" in claim_json(view)["by_outlet"]


def test_a_listing_row_has_what_the_lists_read(store: Store) -> None:
    rows = claim_rows(store)
    assert all(isinstance(r, ClaimRow) for r in rows)
    visit = next(r for r in rows if r.id == "c-visit")
    assert visit.verdict == "true" and visit.reviewed and visit.outlets == 3
    for name in ("id", "kind", "text", "outlets", "origins", "conflicts", "disputed", "verdict",
                 "reviewed", "score", "story"):
        assert hasattr(visit, name), name
    assert "story" not in visit.as_dict()  # `factcheck claims --json` keeps its shape


def test_the_export_converts_every_field_of_its_schema(store: Store) -> None:
    """`json_out.claim_out` is the one conversion from the read model to the export: it fills
    exactly the fields the schema (`ClaimOut`, `PassageOut`...) names, and the result passes it."""
    view = claim_view(store, "c-visit")
    assert view is not None
    out = json_out.claim_out(view)
    assert list(out) == list(json_out.ClaimOut.model_fields)
    assert list(out["passages"][0]) == list(json_out.PassageOut.model_fields)
    assert list(out["verdict"]) == list(json_out.VerdictOut.model_fields)
    assert list(out["notes"][0]) == list(json_out.NoteOut.model_fields)
    json_out.ClaimOut.model_validate(out)


# The shapes a claim in context or a listing row once had, each built by its own module.
_NAME = r"(\w*Row|\w*(?:Passage|Claim|Note|Mark|Verdict|Conflict)\w*(?:Data|View|Out|Item))"
_SHAPES = re.compile(rf"^\s*(?:class\s+{_NAME}\b|{_NAME}\s*=\s*(?:TypedDict|NamedTuple))",
                     re.MULTILINE)

_ALLOWED = {
    "factcheck/core/readmodel.py": None,  # the read model itself
    # The JSON export's schema: pydantic models that only declare the export's field names and
    # types for ``schema.json`` (kept byte-identical for the tools that read exports). Nothing is
    # built from the store with them; `claim_out` writes read-model claims in their shape.
    "factcheck/core/report/json_out.py": {"MarkOut", "PassageOut", "ConflictOut", "VerdictOut",
                                          "NoteOut", "ClaimOut", "SourceOut", "PairAgreementOut",
                                          "AgreementOut", "ProvenanceSourceOut", "ProvenanceOut",
                                          "ExportOut"},
}


def test_no_other_module_defines_a_claim_or_passage_shape() -> None:
    found: list[str] = []
    for path in sorted(PACKAGE.rglob("*.py")):
        name = path.relative_to(PACKAGE.parent).as_posix()
        allowed = _ALLOWED.get(name, set())
        if allowed is None:
            continue
        for match in _SHAPES.finditer(path.read_text(encoding="utf-8")):
            defined = match.group(1) or match.group(2)
            if defined not in allowed:
                found.append(f"{name}: {defined}")
    assert found == []


def test_the_shape_scan_finds_a_shape() -> None:
    """The scan above can fail: it sees the kinds of definition it looks for."""
    sample = "class PassageData:\n    pass\n\nNoteRow = TypedDict('NoteRow', {})\n"
    assert [m.group(1) or m.group(2) for m in _SHAPES.finditer(sample)] == [
        "PassageData", "NoteRow"]
