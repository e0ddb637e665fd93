"""A damaged document (a claim whose ``evidence`` is a string, a review whose ``marks`` is a
string) never stops the commands that read: they leave it out with one warning naming it, keep
every intact review, and commands that must rewrite every claim refuse with one line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck.cli import main
from factcheck.core.store import Store
from tests.factories import build_store


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "claims.json"
    build_store(Store.open(path)).close()
    return path


def _damage(db: Path, table: str, field: str) -> str:
    data = json.loads(db.read_text(encoding="utf-8"))
    # The store may keep recent writes in its journal: fold them in first.
    store = Store.open(db)
    store.compact()
    store.close()
    data = json.loads(db.read_text(encoding="utf-8"))
    doc_id = sorted(data[table])[0]
    data[table][doc_id][field] = "not a list"
    db.write_text(json.dumps(data), encoding="utf-8")
    return doc_id


@pytest.mark.parametrize(("table", "field"), [("claims", "evidence"), ("claims", "conflicts"),
                                              ("reviews", "marks"), ("reviews", "notes")])
@pytest.mark.parametrize("command", [["claims"], ["report"], ["export", "--format", "md"],
                                     ["export", "--format", "json"],
                                     ["export", "--format", "csv"],
                                     ["export", "--format", "html"]])
def test_readers_leave_a_damaged_document_out_with_one_warning(
        db: Path, tmp_path: Path, table: str, field: str, command: list[str],
        capsys: pytest.CaptureFixture[str]) -> None:
    doc_id = _damage(db, table, field)
    args = [*command, "--db", str(db)]
    if command[0] == "export":
        args += ["-o", str(tmp_path / "out")]
    assert main(args) == 0
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "damaged" in err and doc_id in err and "doctor" in err
    assert "Traceback" not in err


def test_intact_reviews_stay_in_the_export_when_another_is_damaged(
        db: Path, tmp_path: Path) -> None:
    store = Store.open(db)
    reviewed = sorted(store.sound("reviews"))
    store.close()
    assert len(reviewed) >= 2
    damaged = _damage(db, "reviews", "marks")
    out = tmp_path / "out.json"
    assert main(["export", "--format", "json", "--db", str(db), "-o", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    with_review = {c["id"] for c in data["claims"] if c["verdict"] or c["notes"] or any(
        p["marks"] for p in c["passages"])}
    assert set(reviewed) - {damaged} <= with_review


def test_relinking_a_store_with_a_damaged_claim_is_one_line(
        db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc_id = _damage(db, "claims", "evidence")
    assert main(["link", "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and f"'{doc_id}'" in err and "doctor" in err
