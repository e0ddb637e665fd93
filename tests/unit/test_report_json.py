"""The JSON export: fixed shape, exact texts, committed schema."""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest

from factcheck.core.report import ExportOptions, export_report
from factcheck.core.report.json_out import SCHEMA_PATH, schema, schema_text
from factcheck.core.store import Store
from factcheck.settings import Settings
from tests.factories import build_store
from tests.unit.test_report_hostile import add_hostile

TOP = {"factcheck_version", "exported_at", "sources", "claims", "agreement", "reviewers",
       "provenance"}
SOURCE = {"id", "file", "outlet", "title", "published", "updated", "language", "byline",
          "sha256", "url"}
CLAIM = {"id", "kind", "text", "normalized", "reading", "score", "outlets", "origins", "disputed",
         "reviewed", "passages", "conflicts", "verdict", "notes"}
PASSAGE = {"id", "source", "file", "outlet", "start", "end", "text", "role", "link",
           "suggested_stance", "polarity", "stance", "marks"}
MARK = {"reviewer", "stance", "at"}
CONFLICT = {"passages", "kind", "reason"}
VERDICT = {"label", "label_text", "rating", "explanation", "reviewer", "at"}
NOTE = {"id", "text", "author", "at", "passage_id"}


@pytest.fixture
def store() -> Store:
    return build_store()


@pytest.fixture
def settings() -> Settings:
    return Settings(reviewer="tester")


def export(store: Store, settings: Settings, **options: Any) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        export_report(store, "json", settings, ExportOptions(**options)))
    return data


def test_shape_has_the_fixed_field_names(store: Store, settings: Settings) -> None:
    data = export(store, settings)
    assert set(data) == TOP
    for source in data["sources"]:
        assert set(source) >= SOURCE
    for claim in data["claims"]:
        assert set(claim) == CLAIM
        for passage in claim["passages"]:
            assert set(passage) == PASSAGE
            for mark in passage["marks"]:
                assert set(mark) == MARK
        for conflict in claim["conflicts"]:
            assert set(conflict) == CONFLICT
        assert claim["verdict"] is None or set(claim["verdict"]) == VERDICT
        for note in claim["notes"]:
            assert set(note) == NOTE


def test_texts_are_exact_and_files_named(store: Store, settings: Settings) -> None:
    data = export(store, settings)
    sources = {s.id: s for s in store.sources()}
    for claim in data["claims"]:
        for passage in claim["passages"]:
            source = sources[passage["source"]]
            assert passage["text"] == source.text[passage["start"]:passage["end"]]
            assert passage["file"] == source.file and passage["outlet"] == source.outlet


def test_reviews_agreement_and_provenance(store: Store, settings: Settings) -> None:
    data = export(store, settings)
    visit, arms, hostile = data["claims"]
    assert visit["verdict"]["label"] == "true" and visit["verdict"]["rating"] == 5
    assert visit["verdict"]["explanation"] == "The last visit was in July 2000: 24 years."
    assert arms["disputed"] is True and arms["verdict"]["label_text"] == "Disputed"
    assert hostile["verdict"] is None and hostile["reviewed"] is False
    assert [n["author"] for n in visit["notes"]] == ["rina"]
    assert visit["notes"][0]["passage_id"] == visit["passages"][2]["id"]
    assert visit["passages"][2]["suggested_stance"] == "contradicts"
    assert visit["passages"][2]["stance"] == "supports"
    assert [m["reviewer"] for m in visit["passages"][2]["marks"]] == ["rina", "budi"]
    assert data["agreement"]["pairs"][0]["kappa"] == 0.0
    assert data["reviewers"] == ["budi", "rina"]
    assert {s["sha256"] for s in data["provenance"]["sources"]} == {
        s.sha256 for s in store.sources()}


def test_filters_and_empty_store(store: Store, settings: Settings) -> None:
    assert [c["id"] for c in export(store, settings, reviewed_only=True)["claims"]] == [
        "c-visit", "c-arms"]
    assert [c["id"] for c in export(store, settings, claim_ids=("c-hostile",))["claims"]] == [
        "c-hostile"]
    empty = export(Store.memory(), settings)
    assert empty["claims"] == [] and empty["sources"] == []
    jsonschema.validate(empty, schema())


def test_committed_schema_is_up_to_date() -> None:
    # Regenerate: python -c 'from factcheck.core.report import json_out; json_out.write_schema()'
    assert SCHEMA_PATH.read_text(encoding="utf-8") == schema_text()
    assert json.loads(SCHEMA_PATH.read_text(encoding="utf-8")) == schema()


def test_exports_validate_against_the_committed_schema(store: Store, settings: Settings) -> None:
    committed = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(committed)
    validator.check_schema(committed)
    for options in ({}, {"lang": "id"}, {"reviewed_only": True}):
        validator.validate(export(store, settings, **options))
    validator.validate(export(add_hostile(build_store()), settings))


def test_the_schema_rejects_a_wrong_shape(store: Store, settings: Settings) -> None:
    validator = jsonschema.Draft202012Validator(schema())
    data = export(store, settings)
    del data["claims"][0]["passages"][0]["text"]
    assert not validator.is_valid(data)
    data = export(store, settings)
    data["claims"][0]["passages"][0]["stance"] = "maybe"
    assert not validator.is_valid(data)
    data = export(store, settings)
    data["claims"][0]["surprise"] = 1
    assert not validator.is_valid(data)
