"""Health check and repair of a store file (``factcheck doctor``).

`check` reads a store without changing it and lists its problems, one line each: a file that is
not JSON (with the byte offset), not a factcheck store or written by a newer version; documents
that fail validation; evidence, marks, notes and mentions pointing at passages, sources or
mentions that do not exist; a claim listing a passage twice, or a mention two claims share;
offsets outside the source text or not matching the passage; torn, damaged or stale journal
lines; temporary files left by a crash.

`repair` first copies the store and its journal to ``claims.json.<time>.bak`` (and
``claims.json.<time>.journal.bak``), then fixes what can be fixed without guessing. Whatever it
removes (invalid documents, dangling references, duplicate evidence, unreadable journal lines)
goes into ``claims.json.<time>.quarantine.json`` and the report: nothing is dropped silently.
Writes go through `Store` (one bulk transaction, then compaction), so they are atomic and wait
for other processes' locks. A file that is not JSON is left untouched: nothing can be salvaged
automatically, and the report points at the backup.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path

import orjson

from factcheck.core.store import Store, StoreError, atomic_write, lined
from factcheck.core.store.doctor import files
from factcheck.core.store.doctor.documents import examine
from factcheck.core.store.doctor.report import FATAL, DoctorReport, Problem
from factcheck.core.store.files import atomic_write_chunks

__all__ = ["FATAL", "DoctorReport", "Problem", "check", "check_database", "repair"]


def check(store_path: str | os.PathLike[str]) -> DoctorReport:
    """Read the store at ``store_path`` and report its problems; changes nothing."""
    path = Path(store_path)
    report = DoctorReport(path)
    try:
        with files.store_lock(path, fcntl.LOCK_SH):
            state = files.load(path, report.problems)
    except OSError as exc:  # e.g. a folder on the way that we may not enter
        report.problems.append(Problem("unreadable", f"{path}: cannot be read ({_why(exc)})"))
        return report
    if state is not None:
        report.problems.extend(examine(state.live).problems)
    return report


def check_database(url: str) -> DoctorReport:
    """Check every document and reference of a PostgreSQL store; changes nothing. (The
    database keeps its own files whole; what can be damaged is what was written into it.)"""
    from factcheck.core.store.postgres import PostgresBackend

    backend = PostgresBackend(url, create=False)
    try:
        report = DoctorReport(backend.location)
        report.problems.extend(examine(backend.read_all()).problems)
    finally:
        backend.close()
    return report


def repair(store_path: str | os.PathLike[str]) -> DoctorReport:
    """Back the store up, then fix what can be fixed safely (see the module docstring)."""
    path = Path(store_path)
    found = check(path)
    report = DoctorReport(path, problems=found.problems, remaining=found.problems)
    fatal = found.fatal()
    if fatal is not None and fatal.kind != "invalid-json":
        report.actions.append(f"left untouched: {fatal.message}")
        return report
    if fatal is None and found.healthy and not any(p.fixable for p in found.problems):
        report.actions.append("nothing to repair")
        return report
    stamp = files.new_stamp(path)
    try:
        report.backups = files.backup(path, stamp)
    except OSError as exc:
        report.actions.append(f"cannot write a backup beside {path} ({_why(exc)}); nothing was "
                              "changed")
        return report
    report.actions.append(f"backup: {', '.join(str(p) for p in report.backups)}")
    if fatal is not None:
        report.actions.append(
            f"{path}: nothing can be salvaged automatically from a file that is not JSON; it was "
            f"left untouched. Fix it by hand at the byte given, or restore an earlier copy "
            f"(this one is {report.backups[0]})")
        return report
    try:
        _set_aside(path, report, stamp)
        _repair_documents(path, report, stamp)
    except StoreError as exc:
        report.actions.append(f"repair stopped: {exc}; the backup is {report.backups[0]}")
    report.remaining = check(path).problems
    return report


def _why(exc: OSError) -> str:
    return exc.strerror or str(exc)


def _set_aside(path: Path, report: DoctorReport, stamp: str) -> None:
    """Quarantine the journal lines the store ignores, and remove tables and documents of the
    wrong type from the main file (the store refuses to open it with them).

    Done before `Store` opens the file, which may compact it (an upgrade) and so empty the
    journal. `Store` cannot open a file with wrong types, so that one write goes through
    `factcheck.core.store.files.atomic_write` directly, under the store's lock.
    """
    with files.store_lock(path, fcntl.LOCK_EX):
        state = files.load(path, [])
        if state is None:
            return
        report.quarantine.extend([*state.journal, *state.structural])
        if not state.structural:
            return
        _write_quarantine(path, report, stamp)
        try:
            atomic_write_chunks(path, lined.dump(state.main))
        except OSError as exc:
            raise StoreError(f"{path}: cannot write the store ({_why(exc)})") from exc
    report.actions.append(f"{path}: took {len(state.structural)} table(s) or document(s) of the "
                          "wrong type out")


def _repair_documents(path: Path, report: DoctorReport, stamp: str) -> None:
    """Fix the documents and fold the journal in, all under the store's own lock."""
    store = Store.open(path)  # upgrades an older schema, after its own backup
    try:
        with store.backend.locked():  # fresh data: another process may have written since
            plan = examine(store.backend.read_all())
            report.quarantine.extend(plan.quarantine)
            if report.quarantine:
                _write_quarantine(path, report, stamp)
            with store.transaction(bulk=True) as tx:
                for table, doc_id, doc in plan.ops:
                    if doc is None:
                        tx.delete(table, doc_id)
                    else:
                        tx.put(table, doc, doc_id)
            if not plan.ops:
                store.compact()  # drops torn, damaged and stale journal lines
            report.actions.extend(plan.actions)
            report.actions.append(f"{path}: {len(report.quarantine)} item(s) quarantined, "
                                  f"{len(plan.ops)} change(s) written, journal folded in")
            for tmp in files.temp_files(path):
                tmp.unlink(missing_ok=True)
                report.actions.append(f"{tmp}: removed")
    finally:
        store.close()


def _write_quarantine(path: Path, report: DoctorReport, stamp: str) -> None:
    target = path.with_name(f"{path.name}.{stamp}.quarantine.json")
    body = {"store": str(path), "backups": [str(b) for b in report.backups],
            "items": report.quarantine}
    try:
        atomic_write(target, orjson.dumps(body, option=orjson.OPT_INDENT_2))
    except OSError as exc:
        raise StoreError(f"{target}: cannot write the quarantine file ({_why(exc)}); the store "
                         "was not changed") from exc
    report.quarantine_file = target
