"""The scriptable review commands: mark, note, verdict, link decisions, history, claims, show."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck.cli import main
from factcheck.core.models import Stance
from factcheck.core.store import Store
from tests.factories import build_store


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "claims.json"
    build_store(Store.open(path), reviewed=False).compact()
    return path


def _passages(db: Path, claim_id: str) -> list[str]:
    claim = Store.open(db).claim(claim_id)
    assert claim is not None
    return [e.passage_id for e in claim.evidence]


def test_mark_note_verdict_are_stored_with_the_reviewer(db: Path) -> None:
    p0 = _passages(db, "c-visit")[0]
    assert main(["mark", "c-visit", p0, "supports", "--db", str(db), "--reviewer", "tess"]) == 0
    assert main(["note", "c-visit", "Checked the Kremlin release.", "--db", str(db),
                 "--reviewer", "tess"]) == 0
    assert main(["verdict", "c-visit", "true", "-e", "Last visit July 2000.", "--db", str(db),
                 "--reviewer", "tess"]) == 0
    review = Store.open(db).review("c-visit")
    assert review is not None
    assert review.marks[p0]["tess"].stance is Stance.SUPPORTS
    assert review.notes[0].author == "tess"
    assert review.verdict is not None and review.verdict.label == "true"
    assert review.verdict.reviewer == "tess"
    assert main(["mark", "c-visit", p0, "clear", "--db", str(db), "--reviewer", "tess"]) == 0
    assert p0 not in Store.open(db).review("c-visit").marks  # type: ignore[union-attr]


def test_history_lists_before_and_after(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    p0 = _passages(db, "c-visit")[0]
    main(["mark", "c-visit", p0, "supports", "--db", str(db), "--reviewer", "tess"])
    main(["mark", "c-visit", p0, "contradicts", "--db", str(db), "--reviewer", "tess"])
    capsys.readouterr()
    assert main(["history", "c-visit", "--json", "--db", str(db)]) == 0
    log = json.loads(capsys.readouterr().out)
    assert [(c["before"], c["after"], c["who"]) for c in log] == [
        (None, "supports", "tess"), ("supports", "contradicts", "tess")]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["mark", "c-nope", "p-x", "supports"], "no claim 'c-nope'"),
        (["mark", "c-visit", "p-nope", "supports"], "no passage 'p-nope'"),
        (["verdict", "c-visit", "sortof"], "unknown verdict 'sortof'"),
        (["note", "c-visit", "   "], "a note cannot be empty"),
        (["show", "c-nope"], "no claim 'c-nope'"),
        (["merge", "c-visit", "c-visit"], "cannot merge a claim with itself"),
    ],
)
def test_bad_requests_give_one_line_errors(db: Path, argv: list[str], message: str,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    before = db.read_bytes()
    assert main([*argv, "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err
    assert db.read_bytes() == before


def test_missing_store_is_a_clear_error(tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["claims", "--db", str(tmp_path / "none.json")]) == 1
    assert "no such store" in capsys.readouterr().err
    assert not (tmp_path / "none.json").exists()


def test_link_decisions_by_command(db: Path) -> None:
    p20 = _passages(db, "c-visit")[2]
    assert main(["confirm", "c-visit", p20, "--db", str(db), "--reviewer", "tess"]) == 0
    assert Store.open(db).claim("c-visit").evidence[2].link.value == "confirmed"  # type: ignore[union-attr]
    assert main(["split", "c-visit", p20, "--db", str(db), "--reviewer", "tess"]) == 0
    store = Store.open(db)
    new = [c for c in store.claims() if p20 in {e.passage_id for e in c.evidence}]
    assert len(new) == 1 and new[0].id != "c-visit"
    assert main(["merge", "c-visit", new[0].id, "--db", str(db), "--reviewer", "tess"]) == 0
    assert p20 in _passages(db, "c-visit")
    assert main(["reject", "c-visit", p20, "--db", str(db), "--reviewer", "tess"]) == 0
    assert p20 not in _passages(db, "c-visit")
    decision = [d for d in Store.open(db).decisions() if "c-visit" in d.rejected]
    assert decision and decision[0].reviewer == "tess"
    assert main(["attach", p20, "c-visit", "--db", str(db), "--reviewer", "tess"]) == 0
    assert p20 in _passages(db, "c-visit")


def test_claims_filters_and_json(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["claims", "--conflicts", "--json", "--db", str(db)]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {r["id"] for r in rows} == {"c-visit", "c-arms"}
    assert main(["claims", "--text", "senjata", "--json", "--db", str(db)]) == 0
    assert [r["id"] for r in json.loads(capsys.readouterr().out)] == ["c-arms"]
    assert main(["claims", "--outlet", "world wire", "--kind", "time", "--json",
                 "--db", str(db)]) == 0
    assert [r["id"] for r in json.loads(capsys.readouterr().out)] == ["c-visit"]


def test_show_prints_passages_per_outlet_inertly(db: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", "c-visit", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    for outlet in ("Tempo", "Kabar Harian", "World Wire"):
        assert outlet in out
    assert "24 years; Kabar Harian says 20 years" in out
    assert "suggested: contradicts" in out
    assert main(["show", "c-hostile", "--db", str(db)]) == 0
    assert "<script>alert(1)</script>" in capsys.readouterr().out


def test_source_field_fixed_by_hand_is_logged(db: Path) -> None:
    source = Store.open(db).sources()[0]
    assert main(["source", source.file, "outlet", "Tempo Inggris", "--db", str(db),
                 "--reviewer", "tess"]) == 0
    store = Store.open(db)
    fixed = store.source(source.id)
    assert fixed is not None and fixed.outlet == "Tempo Inggris"
    assert fixed.manual == {"outlet": "tess"}
    assert store.changes(source.id)[-1].before == source.outlet
