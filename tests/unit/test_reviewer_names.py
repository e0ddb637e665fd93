"""Reviewer names: one spelling per person, nothing a terminal would act on, no look-alikes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck.cli import main
from factcheck.core.report import export_report
from factcheck.core.store import Store
from factcheck.settings import Settings, reviewer_name
from tests.factories import build_store


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "claims.json"
    build_store(Store.open(path), reviewed=False).compact()
    return path


def _passage(db: Path) -> str:
    claim = Store.open(db).claim("c-visit")
    assert claim is not None
    return claim.evidence[0].passage_id


@pytest.mark.parametrize("typed", ["alice", "alice ", " alice", "ali\u200bce", "\uff41lice",
                                   "alice\u00ad", "al\x1bice"])
def test_spellings_of_one_name_are_one_reviewer(typed: str) -> None:
    assert reviewer_name(typed) == "alice"
    assert Settings(reviewer=typed).reviewer == "alice"


@pytest.mark.parametrize("typed", ["\u0430lice", "p\u0430ypal", "", " ", "\u200b", "x" * 81])
def test_look_alike_empty_and_overlong_names_are_refused(typed: str) -> None:
    with pytest.raises(ValueError):
        reviewer_name(typed)


def test_a_look_alike_name_is_refused_by_the_cli_in_one_line_and_stores_nothing(
        db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["mark", "c-visit", _passage(db), "supports", "--db", str(db),
                 "--reviewer", "\u0430lice"])
    err = capsys.readouterr().err
    assert code == 1 and err.count("\n") == 1 and "--reviewer" in err and "CYRILLIC" in err
    assert Store.open(db).review("c-visit") is None


@pytest.mark.parametrize("typed", ["[/bold]", "[red]x[/red]", "\x1b]52;c;SGVsbG8=\x1b\\evil",
                                   "\x1b[2Jmallory"])
def test_markup_and_escape_sequences_in_a_name_print_literally(
        db: Path, typed: str, capsys: pytest.CaptureFixture[str]) -> None:
    p0 = _passage(db)
    for argv in (["mark", "c-visit", p0, "supports"], ["note", "c-visit", "checked"],
                 ["verdict", "c-visit", "true"]):
        assert main([*argv, "--db", str(db), "--reviewer", typed]) == 0
    out = capsys.readouterr()
    assert "\x1b" not in out.out + out.err and "Traceback" not in out.err
    if typed.startswith("["):
        assert typed in out.out  # shown as typed, not read as markup


def test_names_stored_before_normalising_count_as_one_reviewer(db: Path) -> None:
    p0 = _passage(db)
    main(["mark", "c-visit", p0, "supports", "--db", str(db), "--reviewer", "bob"])
    store = Store.open(db)
    review = store.raw("reviews")["c-visit"]
    mark = dict(review["marks"][p0]["bob"])
    doc = json.loads(json.dumps(review))
    doc["marks"][p0] = {"alice": mark, "alice ": {**mark, "stance": "contradicts"},
                        "ali\u200bce": mark}
    with store.transaction() as tx:
        tx.put("reviews", doc, doc_id="c-visit")
    report = json.loads(export_report(store, "json", Settings(reviewer="tester")))
    assert report["reviewers"] == ["alice"]
