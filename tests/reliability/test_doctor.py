"""``factcheck doctor``: each kind of damage is found, named on one line, and repaired safely.

Every repair must leave a byte-exact backup, put whatever it took out in the quarantine file,
keep every reviewer mark whose passage still exists, and leave a store that a fresh check
finds healthy (apart from what cannot be fixed without guessing, which stays reported).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson
import pytest

from factcheck.core.models import SCHEMA_VERSION
from factcheck.core.store import Store, lined
from factcheck.core.store.doctor import check, repair
from tests.reliability.doctoring import (
    Data,
    append_journal,
    edit,
    evidence,
    generation,
    healthy_store,
    journal_of,
    passage_of,
    run_doctor,
)


def _marks(path: Path) -> set[tuple[str, str, str, str]]:
    store = Store.open(path)
    return {(cid, pid, who, m["stance"]) for cid, r in store.raw("reviews").items()
            for pid, by in r["marks"].items() for who, m in by.items()}


def _moved(data: Data) -> None:
    data["claims"]["c-other"] = data["claims"].pop("c-arms")


def _damage_main(change: Callable[[Data], None]) -> Callable[[Path], None]:
    return lambda path: edit(path, change)


def _set(getter: Callable[[Data], dict[str, Any]], **values: Any) -> Callable[[Data], None]:
    return lambda data: getter(data).update(values)


CASES: dict[str, tuple[Callable[[Path], None], str, bool]] = {
    # name: (damage, expected problem kind, fully repairable)
    "evidence -> missing passage": (
        _damage_main(_set(lambda d: evidence(d, "c-visit", 1), passage_id="p-gone")),
        "dangling-passage", True),
    "mark on a missing passage": (
        _damage_main(lambda d: d["reviews"]["c-visit"]["marks"].update(
            {"p-gone": {"rina": {"stance": "supports", "reviewer": "rina", "at": "2024"}}})),
        "dangling-passage", True),
    "note on a missing passage": (
        _damage_main(_set(lambda d: d["reviews"]["c-visit"]["notes"][0], passage_id="p-gone")),
        "dangling-passage", True),
    "passage of a missing source": (
        _damage_main(_set(lambda d: passage_of(d, "c-hostile", 0), source_id="s-gone")),
        "dangling-source", True),
    "mention whose passage is gone": (
        _damage_main(lambda d: d["passages"].pop(evidence(d, "c-hostile", 0)["passage_id"])),
        "orphan-mention", True),
    "a claim lists a passage twice": (
        _damage_main(lambda d: d["claims"]["c-visit"]["evidence"].append(
            evidence(d, "c-visit", 0))),
        "duplicate-evidence", True),
    "one mention in two claims": (
        _damage_main(lambda d: d["claims"]["c-hostile"]["evidence"].append(
            evidence(d, "c-visit", 0))),
        "duplicate-mention", True),
    "offsets outside the source text": (
        _damage_main(_set(lambda d: passage_of(d, "c-visit", 0), start=10_000, end=10_050)),
        "bad-offsets", True),
    "passage text not at its offsets": (
        _damage_main(_set(lambda d: passage_of(d, "c-visit", 0), text="not in the source")),
        "bad-offsets", False),
    "document fails validation": (
        _damage_main(_set(lambda d: d["claims"]["c-hostile"], kind="nonsense")),
        "invalid-document", True),
    "document of the wrong type": (
        _damage_main(lambda d: d["sources"].update({"s-x": 5})), "invalid-document", True),
    "table of the wrong type": (
        _damage_main(lambda d: d.update({"decisions": [1, 2]})), "damaged-table", True),
    "document stored under another id": (_damage_main(_moved), "wrong-id", True),
    "torn journal line": (
        lambda p: append_journal(p, b'{"g": 1, "ops": [["sources", "s-x", {"id": "s-'),
        "torn-journal", True),
    "damaged journal line": (
        lambda p: append_journal(p, b"\x00\x00garbage\n"), "damaged-journal", True),
    "journal lines of an old generation": (
        lambda p: append_journal(p, orjson.dumps(
            {"g": generation(p) - 1, "ops": [["sources", "s-old", None]]}) + b"\n"),
        "stale-journal", True),
    "journal lines of an unknown generation": (
        lambda p: append_journal(p, orjson.dumps(
            {"g": generation(p) + 5, "ops": [["sources", "s-new", None]]}) + b"\n"),
        "foreign-journal", True),
    "leftover temp file": (
        lambda p: None if p.with_name(f".{p.name}.4242.tmp").write_bytes(b"{}") else None,
        "temp-file", True),
}


LEFTOVERS = frozenset({"torn journal line", "leftover temp file"})
"""What a crash mid-write leaves behind: the store ignores it, --repair cleans it."""


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return healthy_store(tmp_path / "claims.json")


def test_a_healthy_store_is_healthy(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert check(db).problems == []
    assert run_doctor(["--db", str(db)]) == 0
    assert "healthy" in capsys.readouterr().out
    before = db.read_bytes()
    report = repair(db)
    assert report.actions == ["nothing to repair"] and report.backups == []
    assert db.read_bytes() == before


@pytest.mark.parametrize("case", list(CASES))
def test_damage_is_found_and_named(db: Path, case: str,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    damage, kind, _ = CASES[case]
    damage(db)
    before = db.read_bytes()
    report = check(db)
    assert kind in {p.kind for p in report.problems}
    # Leftovers of an interrupted write are expected after a crash: noted, not damage.
    leftover = case in LEFTOVERS
    assert report.healthy is leftover
    assert db.read_bytes() == before  # a check changes nothing
    capsys.readouterr()
    assert run_doctor(["--db", str(db)]) == (0 if leftover else 1)
    out = capsys.readouterr().out
    line = next(p.message for p in report.problems if p.kind == kind)
    assert line in out.replace("\n", "") or line[:60] in out


@pytest.mark.parametrize("case", list(CASES))
def test_repair_backs_up_quarantines_and_heals(db: Path, case: str) -> None:
    damage, kind, repairable = CASES[case]
    marks = _marks(db)
    damage(db)
    main_before = db.read_bytes()
    journal_before = journal_of(db).read_bytes() if journal_of(db).exists() else None
    report = repair(db)
    assert report.backups and report.backups[0].read_bytes() == main_before
    if journal_before is not None:
        assert report.backups[1].read_bytes() == journal_before
    if report.quarantine:
        assert report.quarantine_file is not None
        kept = json.loads(report.quarantine_file.read_text())["items"]
        assert len(kept) == len(report.quarantine)
    assert report.healthy is repairable
    assert report.remaining is not None
    assert (kind in {p.kind for p in report.remaining}) is not repairable
    again = check(db)
    assert again.healthy is repairable
    store = Store.open(db)
    store.claims(), store.reviews(), store.passages(), store.sources()  # all validate
    lost = {m for m in marks - _marks(db) if m[1] in store.raw("passages")}
    assert lost == set()  # no mark on an existing passage was dropped


def test_repair_moves_a_passage_back_to_where_its_text_is(db: Path) -> None:
    data = lined.logical(json.loads(db.read_text()))
    pid = evidence(data, "c-visit", 0)["passage_id"]
    right = (data["passages"][pid]["start"], data["passages"][pid]["end"])
    edit(db, _set(lambda d: d["passages"][pid], start=3, end=9))
    repair(db)
    moved = Store.open(db).passage(pid)
    assert moved is not None and (moved.start, moved.end) == right


def test_repair_keeps_whats_taken_out_in_the_quarantine(db: Path) -> None:
    edit(db, lambda d: d["reviews"]["c-visit"]["marks"].update(
        {"p-gone": {"tess": {"stance": "denial", "reviewer": "tess", "at": "2024-06-18"}}}))
    report = repair(db)
    assert report.quarantine_file is not None
    items = json.loads(report.quarantine_file.read_text())["items"]
    assert items == [{"table": "reviews", "id": "c-visit", "field": "marks.p-gone",
                      "reason": "marks on passage p-gone, which does not exist",
                      "removed": {"tess": {"stance": "denial", "reviewer": "tess",
                                           "at": "2024-06-18"}}}]
    assert "p-gone" not in Store.open(db).review("c-visit").marks  # type: ignore[union-attr]


def test_a_note_on_a_missing_passage_is_kept_on_the_claim(db: Path) -> None:
    edit(db, _set(lambda d: d["reviews"]["c-visit"]["notes"][0], passage_id="p-gone"))
    repair(db)
    note = Store.open(db).review("c-visit").notes[0]  # type: ignore[union-attr]
    assert note.text == "Kabar Harian rounds down to 20." and note.passage_id is None


def test_torn_journal_line_is_reported_with_its_offset_and_truncated(db: Path) -> None:
    size = journal_of(db).stat().st_size if journal_of(db).exists() else 0
    append_journal(db, b'{"g": 1, "ops": [')
    [problem] = check(db).problems
    assert f"at byte {size}" in problem.message
    repair(db)
    assert journal_of(db).read_bytes() == b""


TRUNCATED = b'{"_meta": {"store": {"format": "factcheck", "schema_version": 1}}, "claims": {"c'
ACCENTED = '{"_meta": {"store": {"format": "factcheck"}}, "é": [1,, 2]}'.encode()


@pytest.mark.parametrize(
    ("content", "kind", "phrase"),
    [
        (TRUNCATED, "invalid-json", f"not valid JSON at byte {len(TRUNCATED)}"),
        # the offset counts bytes (é is two), not characters
        (ACCENTED, "invalid-json", f"not valid JSON at byte {ACCENTED.index(b',,') + 1}"),
        (b"", "not-a-store", "empty file"),
        (b'{"hello": "world"}', "not-a-store", "not a factcheck store"),
        (b"[1, 2]", "not-a-store", "not a factcheck store"),
        (b'{"_meta": {"store": {"format": "factcheck", "schema_version": "x"}}}', "not-a-store",
         "damaged header"),
        (json.dumps({"_meta": {"store": {"format": "factcheck",
                                         "schema_version": SCHEMA_VERSION + 1}}}).encode(),
         "newer-schema", "newer factcheck"),
    ],
)
def test_files_that_cannot_be_judged_are_left_untouched(
        tmp_path: Path, content: bytes, kind: str, phrase: str,
        capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "claims.json"
    path.write_bytes(content)
    [problem] = check(path).problems
    assert problem.kind == kind and phrase in problem.message and str(path) in problem.message
    report = repair(path)
    assert path.read_bytes() == content
    assert not report.healthy
    if kind == "invalid-json":  # repair says so and points at a byte-exact copy
        assert [b.read_bytes() for b in report.backups] == [content]
        assert any("nothing can be salvaged" in a and str(report.backups[0]) in a
                   for a in report.actions)
    else:
        assert report.backups == []
    capsys.readouterr()
    assert run_doctor(["--repair", "--db", str(path)]) == 1
    out = capsys.readouterr().out
    assert phrase in out and "Traceback" not in out
    assert path.read_bytes() == content


def test_missing_store_and_folder(tmp_path: Path) -> None:
    assert [p.kind for p in check(tmp_path / "nope.json").problems] == ["missing"]
    assert [p.kind for p in check(tmp_path).problems] == ["not-a-store"]


def test_json_report(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    CASES["a claim lists a passage twice"][0](db)
    capsys.readouterr()
    assert run_doctor(["--repair", "--json", "--db", str(db)]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["healthy"] is True
    assert [p["kind"] for p in report["problems"]] == ["duplicate-evidence"]
    assert report["remaining"] == [] and len(report["quarantine"]) == 1
    assert Path(report["backups"][0]).exists() and Path(report["quarantine_file"]).exists()


def test_repair_waits_for_and_keeps_another_reviewers_concurrent_mark(db: Path) -> None:
    """A reviewer's store object that was open during the repair still saves, and nothing of
    theirs is lost (the repair rewrote the file under the lock; the reviewer reloads)."""
    reviewer = Store.open(db)
    CASES["a claim lists a passage twice"][0](db)
    repair(db)
    from factcheck.core.review import mark

    claim = reviewer.claim("c-arms")
    assert claim is not None
    mark(reviewer, "c-arms", claim.evidence[0].passage_id, "supports", "tess")
    marks = Store.open(db).review("c-arms").marks  # type: ignore[union-attr]
    assert marks[claim.evidence[0].passage_id]["tess"].stance == "supports"
    assert check(db).healthy


def test_a_store_that_is_only_a_journal(tmp_path: Path) -> None:
    """A crash after a new store's first change but before its first compaction."""
    path = tmp_path / "claims.json"
    store = healthy_store(path)
    data = lined.logical(json.loads(path.read_text()))  # the tables as the store has them
    data["_meta"]["store"]["generation"] = 0
    ops = [[table, doc_id, doc] for table, rows in data.items() for doc_id, doc in rows.items()]
    journal_of(path).write_bytes(orjson.dumps({"g": 0, "ops": ops}) + b"\n")
    store.unlink()
    assert Store.open(path).claim("c-visit") is not None  # the store opens from its journal
    report = check(path)
    assert [p.kind for p in report.problems] == ["journal-only"] and report.healthy


def test_doctor_output_is_inert(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Ids and names in a damaged file may be scraped text: printed as plain, literal text."""
    hostile_id = "c-[bold red]x[/]\x1b]0;pwned\x07\u202e\n"
    edit(db, lambda d: d["claims"].update({hostile_id: {"id": hostile_id}}))
    capsys.readouterr()
    assert run_doctor(["--db", str(db)]) == 1
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\u202e" not in out and "\x07" not in out
    assert "c-[bold red]x[/]]0;pwned" in out
