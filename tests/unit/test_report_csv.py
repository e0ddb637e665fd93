"""The CSV export: one row per claim x passage, RFC 4180, spreadsheet-safe."""

from __future__ import annotations

import csv
import io

import pytest

from factcheck.core.models import Claim, Kind
from factcheck.core.report import ExportOptions, export_report
from factcheck.core.report.csv_out import COLUMNS, cell
from factcheck.core.store import Store
from factcheck.settings import Settings
from tests.factories import HOSTILE, build_store


@pytest.fixture
def store() -> Store:
    return build_store()


@pytest.fixture
def settings() -> Settings:
    return Settings(reviewer="tester")


def rows(document: str) -> list[dict[str, str]]:
    assert document.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(document[1:], newline="")))


def test_one_row_per_claim_and_passage(store: Store, settings: Settings) -> None:
    document = export_report(store, "csv", settings)
    assert document[1:].split("\r\n", 1)[0] == ",".join(COLUMNS)
    table = rows(document)
    assert [(r["claim_id"], r["passage_id"]) for r in table] == [
        (c.id, e.passage_id) for c in store.claims() for e in c.evidence]
    passages = {p.id: p for p in store.passages()}
    for row in table:
        passage = passages[row["passage_id"]]
        assert row["passage_text"] == passage.text
        assert (int(row["start"]), int(row["end"])) == (passage.start, passage.end)


def test_verdicts_stances_and_labels(store: Store, settings: Settings) -> None:
    table = rows(export_report(store, "csv", settings, ExportOptions(lang="id")))
    visit = [r for r in table if r["claim_id"] == "c-visit"]
    assert {(r["verdict"], r["verdict_label"], r["rating"]) for r in visit} == {
        ("true", "Benar", "5")}
    kabar = next(r for r in visit if r["outlet"] == "Kabar Harian")
    assert (kabar["suggested_stance"], kabar["stance"]) == ("contradicts", "supports")
    assert kabar["marks"].startswith("rina: contradicts (") and "; budi: supports (" in \
        kabar["marks"]
    assert kabar["conflicts"] == "number: Tempo says 24 years; Kabar Harian says 20 years"
    assert kabar["notes"] == "rina: Kabar Harian rounds down to 20."
    hostile = next(r for r in table if r["claim_id"] == "c-hostile")
    assert hostile["passage_text"] == HOSTILE and hostile["reviewed"] == "no"
    assert hostile["verdict"] == "" and hostile["stance"] == ""


def test_quoting_follows_rfc_4180(settings: Settings) -> None:
    store = build_store()
    claim = store.claim("c-hostile")
    assert claim is not None
    with store.transaction() as tx:
        tx.put("claims", claim.model_copy(update={"text": 'Line one, "quoted"\nline two'}))
    document = export_report(store, "csv", settings, ExportOptions(claim_ids=("c-hostile",)))
    assert '"Line one, ""quoted""\nline two"' in document
    assert document.endswith("\r\n")
    assert rows(document)[0]["claim_text"] == 'Line one, "quoted"\nline two'


def test_formula_injection_is_neutralised() -> None:
    for start in "=+-@":
        assert cell(start + "1+1") == "'" + start + "1+1"
    assert cell("\tcmd") == "'\tcmd"
    assert cell("safe = text") == "safe = text"
    # A spreadsheet skips blanks before a formula and reads full-width signs as ASCII ones.
    for hidden in (" =1+1", "\n=cmd", "\u00a0@SUM(A1)", "\u3000+1", "\uff1dHYPERLINK(1)",
                   "\uff20cmd", "\uff0d1"):
        assert cell(hidden) == "'" + hidden, hidden
    assert cell("  58.6 %") == "  58.6 %"
    assert cell(-3) == -3 and cell(None) == "" and cell(True) == "yes"


def test_filters_and_empty_store(store: Store, settings: Settings) -> None:
    only = rows(export_report(store, "csv", settings, ExportOptions(reviewed_only=True)))
    assert {r["claim_id"] for r in only} == {"c-visit", "c-arms"}
    empty = export_report(Store.memory(), "csv", settings)
    assert empty == "\ufeff" + ",".join(COLUMNS) + "\r\n"


def test_a_claim_without_passages_still_gets_a_row(store: Store, settings: Settings) -> None:
    with store.transaction() as tx:
        tx.put("claims", Claim(id="c-alone", kind=Kind.OTHER, text="@everyone look"))
    table = rows(export_report(store, "csv", settings, ExportOptions(claim_ids=("c-alone",))))
    assert len(table) == 1
    assert table[0]["claim_id"] == "c-alone" and table[0]["passage_id"] == ""
    assert table[0]["claim_text"] == "'@everyone look"
