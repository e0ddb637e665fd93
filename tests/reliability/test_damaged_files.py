"""Damaged, foreign, read-only and full-disk stores through the command line.

Every command a reviewer runs on such a store must exit non-zero with an error that names the
file and the problem (never a traceback) and leave the file byte-for-byte as it was; a write that
fails (read-only, disk full) must lose nothing that was acknowledged before it.
"""

from __future__ import annotations

import errno
import json
import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from factcheck.cli import main
from factcheck.core.models import SCHEMA_VERSION
from factcheck.core.review import mark
from factcheck.core.store import FileBackend, Store, StoreError
from tests.reliability.doctoring import healthy_store, journal_of, run_doctor
from tests.reliability.helpers import (
    hand_over,
    has_traceback,
    run_unprivileged,
    unprivileged_dir,
)

HEADER = {"format": "factcheck", "schema_version": SCHEMA_VERSION, "generation": 1}
DAMAGED = {
    "truncated JSON": (b'{"_meta": {"store": {"format": "factcheck", "sch', "not valid JSON"),
    "binary junk": (bytes(range(256)), "not valid JSON"),
    "empty file": (b"", "empty file"),
    "not a factcheck store": (b'{"users": {"1": {"name": "x"}}}', "not a factcheck store"),
    "JSON but a list": (b"[1, 2, 3]", "not a factcheck store"),
    "a table of the wrong type": (
        json.dumps({"_meta": {"store": HEADER}, "claims": [1, 2]}).encode(), "damaged"),
    "newer schema": (
        json.dumps({"_meta": {"store": {**HEADER, "schema_version": SCHEMA_VERSION + 1}}})
        .encode(), "newer factcheck"),
}
PAGE = "page.txt"
"""A readable page beside the store, for ``ingest``."""
COPY = "copy.json"
"""Where ``backup`` writes, beside the store."""
STORE = "claims.json"
"""The store itself, for commands that name it as an argument (``migrate-store``)."""
LOCAL = (PAGE, COPY, STORE)
"""Arguments that name files in the test's folder."""
COMMANDS = {
    "attach": ["attach", "p-1", "c-visit"],
    "backup": ["backup", COPY],
    "candidates": ["candidates", "c-visit"],
    "claims": ["claims"],
    "confirm": ["confirm", "c-visit", "p-1"],
    "export": ["export", "--format", "json"],
    "extract": ["extract"],
    "history": ["history"],
    "ingest": ["ingest", PAGE],
    "link": ["link"],
    "mark": ["mark", "c-visit", "p-1", "supports", "--reviewer", "tess"],
    "merge": ["merge", "c-visit", "c-other"],
    "migrate-store": ["migrate-store", STORE, COPY],
    "note": ["note", "c-visit", "called the ministry", "--reviewer", "tess"],
    "reject": ["reject", "c-visit", "p-1"],
    "report": ["report"],
    "review": ["review"],
    "show": ["show", "c-visit"],
    "source": ["source", "s-1", "outlet", "Tempo"],
    "sources": ["sources"],
    "split": ["split", "c-visit", "p-1"],
    "stories": ["stories"],
    "story": ["story", "move", "a.txt", "st-1"],
    "unlink": ["unlink", "c-visit", "p-1"],
    "verdict": ["verdict", "c-visit", "true", "--reviewer", "tess"],
}
"""Every command that works on a store, with arguments that reach it."""
NOT_ON_A_STORE = {
    "doctor": "examines a damaged store and reports it (tests/reliability/test_doctor.py)",
    "eval": "scores a corpus in a store of its own",
}


def test_every_command_is_tried_on_damaged_stores() -> None:
    """A new command is added to `COMMANDS` (or says why it needs no store), so the damaged
    stores below meet every command."""
    import argparse

    from factcheck.cli import build_parser

    [sub] = [a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction)]
    assert set(COMMANDS) | set(NOT_ON_A_STORE) == set(sub.choices)


def squash(text: str) -> str:
    """``text`` without whitespace: the terminal may wrap a long error line anywhere."""
    return re.sub(r"\s+", "", text)


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """``factcheck ARGV``: exit code, stdout, stderr."""
    capsys.readouterr()
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def assert_clear_error(code: int, err: str, path: Path, problem: str) -> None:
    """Non-zero exit, one line on stderr naming the file and the problem, no traceback."""
    assert code != 0
    assert not has_traceback(err)
    assert err.startswith("error: ") and err.count("\n") == 1, err  # one line, even in a log
    assert str(path) in err, err
    assert squash(problem) in squash(err), err


@pytest.mark.parametrize("command", list(COMMANDS))
@pytest.mark.parametrize("damage", list(DAMAGED))
def test_damaged_or_foreign_file(tmp_path: Path, damage: str, command: str,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    content, problem = DAMAGED[damage]
    path = tmp_path / "claims.json"
    path.write_bytes(content)
    (tmp_path / PAGE).write_text("A page\n\nThe minister said 40 people were evacuated.\n")
    argv = [str(tmp_path / a) if a in LOCAL else a for a in COMMANDS[command]]
    code, _, err = run([*argv, "--db", str(path)], capsys)
    assert_clear_error(code, err, path, problem)
    assert path.read_bytes() == content


@pytest.mark.parametrize("damage", list(DAMAGED))
def test_doctor_repair_on_a_damaged_or_foreign_file(tmp_path: Path, damage: str,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    content, _ = DAMAGED[damage]
    path = tmp_path / "claims.json"
    path.write_bytes(content)
    capsys.readouterr()
    code = run_doctor(["--repair", "--db", str(path)])
    out = capsys.readouterr().out
    assert not has_traceback(out) and squash(str(path)) in squash(out)
    backups = list(tmp_path.glob("claims.json.*.bak"))
    if damage == "a table of the wrong type":  # repairable: the table goes to the quarantine
        assert code == 0 and [b.read_bytes() for b in backups] == [content]
        assert Store.open(path).claims() == []
        return
    assert code == 1
    assert path.read_bytes() == content
    if damage in ("truncated JSON", "binary junk"):  # nothing salvaged, but a copy is kept
        assert [b.read_bytes() for b in backups] == [content]
    else:
        assert backups == []


def test_store_path_is_a_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["claims", "--db", str(tmp_path)], capsys)
    assert_clear_error(code, err, tmp_path, "is a folder")


# Read-only file or folder -------------------------------------------------------------------
@pytest.fixture
def db(tmp_path: Path) -> Path:
    return healthy_store(tmp_path / "claims.json")


def _read_only(monkeypatch: pytest.MonkeyPatch, code: int = errno.EROFS) -> None:
    """Make every write fail as on a read-only file system (root ignores chmod)."""
    import builtins

    real_open, real_builtin_open = os.open, builtins.open

    def os_open(target: object, flags: int, *args: object) -> int:
        if flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC):
            raise OSError(code, os.strerror(code), str(target))
        return real_open(target, flags, *args)  # type: ignore[arg-type]

    def builtin_open(file: object, mode: str = "r", *args: object, **kwargs: object) -> object:
        if any(c in mode for c in "wax+"):
            raise OSError(code, os.strerror(code), str(file))
        return real_builtin_open(file, mode, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(os, "open", os_open)
    monkeypatch.setattr(builtins, "open", builtin_open)


@pytest.mark.parametrize("code", [errno.EROFS, errno.EACCES])
def test_read_only_store_gives_a_clear_error(db: Path, code: int,
                                             capsys: pytest.CaptureFixture[str],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    before = db.read_bytes()
    passage = Store.open(db).claim("c-visit").evidence[0].passage_id  # type: ignore[union-attr]
    _read_only(monkeypatch, code)
    result = run(["mark", "c-visit", passage, "denial", "--db", str(db), "--reviewer", "tess"],
                 capsys)
    monkeypatch.undo()
    assert_clear_error(result[0], result[2], db, "permission denied")
    assert db.read_bytes() == before
    assert "tess" not in Store.open(db).review("c-visit").marks[passage]  # type: ignore[union-attr]
    assert code and run(["claims", "--db", str(db)], capsys)[0] == 0  # reading still works


def test_doctor_repair_in_a_read_only_folder(db: Path, capsys: pytest.CaptureFixture[str],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    (db.parent / f".{db.name}.77.tmp").write_bytes(b"{}")  # something to repair
    before = db.read_bytes()
    _read_only(monkeypatch)
    capsys.readouterr()
    code = run_doctor(["--repair", "--db", str(db)])
    monkeypatch.undo()
    out = capsys.readouterr().out
    # A leftover is no damage: the store stays healthy, the repair says why it did nothing.
    assert code == 0 and not has_traceback(out)
    assert "cannot write a backup" in out and "nothing was changed" in out
    assert db.read_bytes() == before
    assert list(db.parent.glob("*.bak")) == []


def _cli_unprivileged(argv: list[str], folder: Path) -> tuple[int, str]:
    """``factcheck ARGV`` in a child for which file permissions hold (see `run_unprivileged`)."""
    def action() -> list[object]:
        import io
        import sys

        os.environ["XDG_CONFIG_HOME"] = str(folder / "config")
        sys.stdout, sys.stderr = io.StringIO(), io.StringIO()
        code = main(argv)
        return [code, sys.stderr.getvalue() + sys.stdout.getvalue()]

    code, text = run_unprivileged(action)  # type: ignore[misc]
    return code, text


@pytest.fixture
def shared_folder() -> Iterator[Path]:
    """A folder of a store that another user made read-only (real permissions, even as root)."""
    folder = unprivileged_dir()
    yield folder
    folder.chmod(0o755)
    shutil.rmtree(folder)


def test_real_read_only_folder_without_journal(shared_folder: Path) -> None:
    """A colleague's finished store, shared read-only: only ``claims.json`` is there."""
    store = healthy_store(shared_folder / "claims.json")
    journal_of(store).unlink()
    store.with_name("claims.json.lock").unlink()
    before = store.read_bytes()
    passage = Store.open(store).claim("c-visit").evidence[0].passage_id  # type: ignore[union-attr]
    hand_over(shared_folder)
    shared_folder.chmod(0o555)
    code, err = _cli_unprivileged(["mark", "c-visit", passage, "denial", "--db", str(store),
                                   "--reviewer", "tess"], shared_folder)
    assert_clear_error(code, err, store, "permission denied")
    code, out = _cli_unprivileged(["claims", "--db", str(store)], shared_folder)
    assert code == 0, out  # reading still works
    assert store.read_bytes() == before


def test_real_read_only_folder_doctor_repair(shared_folder: Path) -> None:
    store = healthy_store(shared_folder / "claims.json")
    (shared_folder / ".claims.json.77.tmp").write_bytes(b"{}")  # something to repair
    before = store.read_bytes()
    hand_over(shared_folder)
    shared_folder.chmod(0o555)

    def action() -> list[object]:
        from factcheck.core.store.doctor import repair

        report = repair(store)
        return [report.healthy, report.actions]

    healthy, actions = run_unprivileged(action)  # type: ignore[misc]
    assert healthy is True  # a leftover temp file is no damage
    assert any("cannot write a backup" in a and "nothing was changed" in a for a in actions)
    assert store.read_bytes() == before


# A full disk --------------------------------------------------------------------------------
def _full_disk(monkeypatch: pytest.MonkeyPatch, *, only: str | None = None,
               call: str = "fsync") -> None:
    """Make ``os.fsync`` (or ``os.write``) fail with ENOSPC, for files whose name has ``only``."""
    real = getattr(os, call)

    def failing(fd: int, *args: object) -> object:
        name = os.readlink(f"/proc/self/fd/{fd}")
        if only is None or only in name:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(fd, *args)

    monkeypatch.setattr(os, call, failing)


@pytest.mark.parametrize("call", ["fsync", "write"])
def test_full_disk_when_saving_a_mark(db: Path, call: str, capsys: pytest.CaptureFixture[str],
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    before = db.read_bytes()
    journal = journal_of(db).read_bytes() if journal_of(db).exists() else b""
    passage = Store.open(db).claim("c-visit").evidence[0].passage_id  # type: ignore[union-attr]
    _full_disk(monkeypatch, call=call)
    code, _, err = run(["mark", "c-visit", passage, "denial", "--db", str(db),
                        "--reviewer", "tess"], capsys)
    monkeypatch.undo()
    assert_clear_error(code, err, journal_of(db), "the disk is full")
    assert db.read_bytes() == before
    assert (journal_of(db).read_bytes() if journal_of(db).exists() else b"") == journal
    assert "tess" not in Store.open(db).review("c-visit").marks[passage]  # type: ignore[union-attr]


def test_full_disk_during_compaction_keeps_old_file_and_every_mark(
        db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = Store.open(db)
    claim = store.claim("c-arms")
    assert claim is not None
    for item in claim.evidence:  # acknowledged: in the journal
        mark(store, "c-arms", item.passage_id, "contradicts", "tess")
    before = db.read_bytes()
    _full_disk(monkeypatch, only=".tmp")
    with pytest.raises(StoreError, match="the disk is full"):
        store.compact()
    monkeypatch.undo()
    assert db.read_bytes() == before  # the old file, intact
    assert list(db.parent.glob(".*.tmp")) == []  # the half-written copy is gone
    for reopened in (store, Store.open(db)):
        marks = reopened.review("c-arms").marks  # type: ignore[union-attr]
        assert all(marks[e.passage_id]["tess"].stance == "contradicts" for e in claim.evidence)
    store.compact()  # once there is room again, compaction works and keeps everything
    marks = Store.open(db).review("c-arms").marks  # type: ignore[union-attr]
    assert all(marks[e.passage_id]["tess"].stance == "contradicts" for e in claim.evidence)


def test_full_disk_during_frequent_compactions_loses_no_acknowledged_mark(
        db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Marks go on while every compaction fails: what `mark` returned from is all kept."""
    monkeypatch.setattr(FileBackend, "COMPACT_MIN_BYTES", 1)
    store = Store.open(db)
    slots = [(cid, e["passage_id"]) for cid, c in store.raw("claims").items()
             for e in c["evidence"]]
    _full_disk(monkeypatch, only=".tmp")
    acknowledged, failed = [], 0
    for i in range(40):
        cid, pid = slots[i % len(slots)]
        stance = ("supports", "contradicts")[i // len(slots) % 2]
        try:
            mark(store, cid, pid, stance, "tess")
            acknowledged.append((cid, pid, stance))
        except StoreError as exc:
            assert "disk is full" in str(exc)
            failed += 1
    monkeypatch.undo()
    # The journal line is durable before compaction is tried: a failed compaction (the
    # disk is full for the new main file) never turns an acknowledged mark into an error.
    assert failed == 0 and len(acknowledged) == 40
    assert db.with_name(db.name + ".journal").stat().st_size > 0  # nothing was folded in
    reviews = Store.open(db).raw("reviews")
    latest = {(cid, pid): stance for cid, pid, stance in acknowledged}
    for (cid, pid), stance in latest.items():
        assert reviews[cid]["marks"][pid]["tess"]["stance"] == stance
