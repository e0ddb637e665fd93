"""A store written by a schema-0 build opens: upgraded, backed up first, nothing lost.

``tests/fixtures/store-v0.json`` is the layout a 0.0.x build wrote: no ``schema_version`` and no
``generation`` in the header, and one mark per passage (``marks: {passage: {stance, reviewer,
at}}``) where schema 1 keeps one per reviewer (``marks: {passage: {reviewer: mark}}``).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from factcheck.core.models import SCHEMA_VERSION
from factcheck.core.store import Store
from factcheck.core.store.doctor import check

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "store-v0.json"


@pytest.fixture
def v0(tmp_path: Path) -> Path:
    return Path(shutil.copy(FIXTURE, tmp_path / "claims.json"))


def _v0_marks() -> list[dict[str, Any]]:
    data = json.loads(FIXTURE.read_text())
    return [{"claim": cid, "passage": pid, **mark}
            for cid, review in data["reviews"].items()
            for pid, mark in review["marks"].items()]


def test_fixture_is_schema_0() -> None:
    data = json.loads(FIXTURE.read_text())
    header = data["_meta"]["store"]
    assert header["format"] == "factcheck"
    assert "schema_version" not in header and "generation" not in header
    assert _v0_marks() and all("stance" in m for m in _v0_marks())


def test_v0_store_opens_upgraded_with_a_backup_and_nothing_lost(v0: Path) -> None:
    original = v0.read_bytes()
    before = json.loads(original)
    store = Store.open(v0)
    header = store.header()
    assert header["schema_version"] == SCHEMA_VERSION and header["generation"] >= 1
    [backup] = v0.parent.glob("claims.json.v0-*.bak")
    assert backup.read_bytes() == original
    reviews = store.reviews()  # every review validates in the new layout
    for mark in _v0_marks():
        kept = reviews[mark["claim"]].marks[mark["passage"]][mark["reviewer"]]
        assert (kept.stance.value, kept.at) == (mark["stance"], mark["at"])
    assert sum(len(by) for r in reviews.values() for by in r.marks.values()) == len(_v0_marks())
    for cid, review in before["reviews"].items():  # verdicts and notes as they were
        assert store.raw("reviews")[cid]["notes"] == review["notes"]
        assert store.raw("reviews")[cid]["verdict"] == review["verdict"]
    logical = store.backend.read_all()  # sources with their text, the whole corpus
    for table in ("sources", "passages", "mentions", "claims", "changes"):
        assert logical[table] == before[table], table
    on_disk = json.loads(v0.read_text())  # written back, not only upgraded in memory
    assert on_disk["_meta"]["store"]["schema_version"] == SCHEMA_VERSION
    assert check(v0).problems == []


def test_upgrade_happens_once(v0: Path) -> None:
    Store.open(v0)
    upgraded = v0.read_bytes()
    Store.open(v0)
    assert v0.read_bytes() == upgraded
    assert len(list(v0.parent.glob("claims.json.v0-*.bak"))) == 1


def test_doctor_reads_a_v0_store_without_changing_it(v0: Path) -> None:
    original = v0.read_bytes()
    report = check(v0)
    assert [p.kind for p in report.problems] == ["older-schema"] and report.healthy
    assert v0.read_bytes() == original


def test_v0_store_through_the_command_line(v0: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from factcheck.cli import main

    assert main(["history", "c-visit", "--json", "--db", str(v0)]) == 0
    assert json.loads(capsys.readouterr().out)
    passage = next(m["passage"] for m in _v0_marks() if m["reviewer"] == "budi")
    assert main(["mark", "c-visit", passage, "denial", "--db", str(v0), "--reviewer", "rina"]) == 0
    marks = Store.open(v0).review("c-visit").marks[passage]  # type: ignore[union-attr]
    assert {r: m.stance.value for r, m in marks.items()} == {"budi": "supports", "rina": "denial"}


def test_doctor_repair_of_a_v0_store_keeps_journal_lines_the_upgrade_would_drop(v0: Path) -> None:
    """The upgrade compacts (emptying the journal): lines the store ignores are quarantined
    first."""
    from factcheck.core.store.doctor import repair

    line = b'{"g": 7, "ops": [["reviews", "c-arms", null]]}\n'
    v0.with_name("claims.json.journal").write_bytes(line)
    report = repair(v0)
    assert report.healthy and report.quarantine_file is not None
    items = json.loads(report.quarantine_file.read_text())["items"]
    assert [item["removed"] for item in items] == [line.decode()]
    assert Store.open(v0).header()["schema_version"] == SCHEMA_VERSION
