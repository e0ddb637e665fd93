"""Reading a store's files for the doctor: main file, journal, temporary files, backups.

Unlike `factcheck.core.store.files`, which refuses a damaged file at the first problem, this
reads as much as it can and says what it found: the byte offset of broken JSON, each torn or damaged
journal line, tables and documents of the wrong type.
"""

from __future__ import annotations

import contextlib
import copy
import fcntl
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson

from factcheck.core.models import SCHEMA_VERSION
from factcheck.core.store import (
    FORMAT_NAME,
    META_ID,
    META_TABLE,
    Data,
    apply_ops,
    lined,
    migrations,
)
from factcheck.core.store.doctor.report import Problem


@dataclass
class StoredState:
    """A store as read from disk."""

    main: Data
    """The main file, without tables and documents of the wrong type."""
    live: Data
    """Main file plus the journal's current lines, upgraded to the current schema."""
    generation: int
    version: int
    structural: list[dict[str, Any]] = field(default_factory=list)
    """Tables and documents of the wrong type taken out of ``main`` (quarantine entries)."""
    journal: list[dict[str, Any]] = field(default_factory=list)
    """Journal lines the store ignores (torn, damaged, foreign): quarantine entries."""


@contextlib.contextmanager
def store_lock(path: Path, kind: int) -> Iterator[None]:
    """Hold the store's lock (``LOCK_SH`` to read, ``LOCK_EX`` to write) if there is one.

    Never taken while a `Store` of the same file holds its lock in this process: ``flock``
    locks taken through two open files exclude each other even within one process.
    """
    lock_path = path.with_name(path.name + ".lock")
    flags = (os.O_RDWR | os.O_CREAT) if kind == fcntl.LOCK_EX else os.O_RDONLY
    try:
        fd = os.open(lock_path, flags, 0o644)
    except OSError:
        fd = -1  # no lock file (or a read-only folder): nobody is writing through one
    try:
        if fd >= 0:
            fcntl.flock(fd, kind)
        yield
    finally:
        if fd >= 0:
            os.close(fd)


def load(path: Path, problems: list[Problem]) -> StoredState | None:
    """Read main file and journal, adding to ``problems``; None when the contents can't be judged.

    Takes no lock: callers hold `store_lock` or the store's own.
    """
    def fatal(kind: str, message: str) -> None:
        problems.append(Problem(kind, f"{path}: {message}"))

    if not path.exists():
        if not _journal_only(path, problems):
            fatal("missing", "no such store")
            return None
        state = StoredState(main={}, live={}, generation=0, version=SCHEMA_VERSION)
        _scan_journal(path, state, problems)
        return state
    if path.is_dir():
        fatal("not-a-store", "is a folder, not a factcheck store")
        return None
    try:
        raw = path.read_bytes()
    except OSError as exc:
        fatal("unreadable", f"cannot be read ({exc.strerror or exc})")
        return None
    if not raw.strip():
        fatal("not-a-store", "empty file, not a factcheck store")
        return None
    try:
        data = lined.logical(orjson.loads(raw))
    except orjson.JSONDecodeError as exc:
        fatal("invalid-json", f"not valid JSON at byte {byte_offset(raw, exc.pos)} ({exc.msg})")
        return None
    meta = data.get(META_TABLE, {}) if isinstance(data, dict) else None
    meta = meta.get(META_ID) if isinstance(meta, dict) else None
    if not isinstance(meta, dict) or meta.get("format") != FORMAT_NAME:
        fatal("not-a-store", "not a factcheck store (no factcheck header)")
        return None
    version, generation = meta.get("schema_version", 0), meta.get("generation", 0)
    if (type(version) is not int or type(generation) is not int
            or version < 0 or generation < 0):
        fatal("not-a-store", "damaged header (schema_version and generation must be whole "
              "numbers, not negative)")
        return None
    if version > SCHEMA_VERSION:
        fatal("newer-schema", f"written by a newer factcheck (schema {version}; this version "
              f"reads up to {SCHEMA_VERSION}): upgrade factcheck")
        return None
    state = StoredState(main=data, live={}, generation=generation, version=version)
    _take_out_wrong_types(state, problems)
    state.live = copy.deepcopy(state.main)
    _scan_journal(path, state, problems)
    if version < SCHEMA_VERSION:
        problems.append(Problem("older-schema", f"{path}: schema {version}; opening it upgrades "
                                f"it to {SCHEMA_VERSION} (after a backup)", notice=True))
        try:
            state.live = migrations.migrate(state.live, version)
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            fatal("not-a-store", f"schema {version} cannot be upgraded ({exc})")
            return None
    # Leftovers of an interrupted write are expected after a crash, not damage: noted (and
    # cleaned by --repair), the store is healthy.
    problems.extend(Problem("temp-file", f"{tmp}: temporary file left by an interrupted write "
                            "(the store does not need it; --repair removes it)", fixable=True,
                            notice=True)
                    for tmp in temp_files(path))
    return state


def _journal_only(path: Path, problems: list[Problem]) -> bool:
    """A crash between a new store's first change and its first compaction leaves only the
    journal: the store opens from it."""
    journal = path.with_name(path.name + ".journal")
    if not journal.is_file() or journal.stat().st_size == 0:
        return False
    problems.append(Problem("journal-only", f"{path}: not written yet: the store is all in "
                            f"{journal.name} (the next compaction writes it)", notice=True))
    return True


def byte_offset(raw: bytes, char_pos: int) -> int:
    """The byte offset of a character position (orjson reports characters; editors want bytes)."""
    try:
        return len(raw.decode("utf-8")[:char_pos].encode("utf-8"))
    except UnicodeDecodeError as exc:
        return exc.start


def temp_files(path: Path) -> list[Path]:
    """Temporary files `factcheck.core.store.files.atomic_write` leaves when interrupted."""
    return sorted(path.parent.glob(f".{path.name}.*.tmp"))


def _take_out_wrong_types(state: StoredState, problems: list[Problem]) -> None:
    """Tables and documents that are not JSON objects (the store refuses to open such a file)."""
    for table, rows in list(state.main.items()):
        if not isinstance(rows, dict):
            why = f"table {table!r} is not a table (a {type(rows).__name__})"
            problems.append(Problem("damaged-table", why, fixable=True))
            state.structural.append({"table": table, "reason": why, "removed": rows})
            del state.main[table]
            continue
        for doc_id, doc in list(rows.items()):
            if not isinstance(doc, dict):
                why = f"not a document (a {type(doc).__name__})"
                problems.append(Problem("invalid-document", f"{table}/{doc_id}: {why}",
                                        fixable=True))
                state.structural.append({"table": table, "id": doc_id, "reason": why,
                                         "removed": doc})
                del rows[doc_id]


def _scan_journal(path: Path, state: StoredState, problems: list[Problem]) -> None:
    """Apply the journal's current lines to ``state.live``; report (and keep) the others."""
    journal = path.with_name(path.name + ".journal")
    try:
        raw = journal.read_bytes()
    except FileNotFoundError:
        return
    except OSError as exc:
        problems.append(Problem("unreadable", f"{journal}: cannot be read ({exc.strerror})"))
        return

    def ignored(kind: str, at: int, why: str, line: bytes) -> None:
        # A torn last line is a write cut short by a crash, never acknowledged: a leftover.
        problems.append(Problem(kind, f"{journal}: {why}", fixable=True,
                                notice=kind == "torn-journal"))
        state.journal.append({"table": "journal", "byte": at, "reason": why,
                              "removed": line.decode("utf-8", errors="replace")})

    offset, stale = 0, 0
    for line in raw.splitlines(keepends=True):
        at, offset = offset, offset + len(line)
        if not line.strip():
            continue
        if not line.endswith(b"\n"):
            ignored("torn-journal", at, f"torn last line at byte {at} ({len(line)} bytes, "
                    "never acknowledged)", line)
            continue
        try:
            record = orjson.loads(line)
            gen, ops = record["g"], record["ops"]
            if gen == state.generation:
                apply_ops(state.live, ops)
        except (orjson.JSONDecodeError, KeyError, TypeError, ValueError, AttributeError):
            ignored("damaged-journal", at, f"damaged line at byte {at} (ignored by the store)",
                    line)
            continue
        if type(gen) is int and gen < state.generation:
            stale += 1  # written before the last compaction, which folded it in
        elif gen != state.generation:
            ignored("foreign-journal", at, f"line at byte {at} is of generation {gen}, the main "
                    f"file of {state.generation} (ignored by the store)", line)
    if stale:
        problems.append(Problem("stale-journal", f"{journal}: {stale} line(s) of an old "
                                "generation, already in the main file", fixable=True))


def new_stamp(path: Path) -> str:
    """A UTC time stamp for backup names, unique beside ``path``."""
    base = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    stamp, n = base, 0
    while path.with_name(f"{path.name}.{stamp}.bak").exists():
        n += 1
        stamp = f"{base}-{n}"
    return stamp


def backup(path: Path, stamp: str) -> list[Path]:
    """Copy the main file and journal to ``<name>.<stamp>.bak`` and ``<name>.<stamp>.journal.bak``.

    Raises:
        OSError: when a copy cannot be written; partial copies are removed.
    """
    journal = path.with_name(path.name + ".journal")
    pairs = [(path, path.with_name(f"{path.name}.{stamp}.bak"))]
    if journal.exists():
        pairs.append((journal, path.with_name(f"{path.name}.{stamp}.journal.bak")))
    done: list[Path] = []
    try:
        with store_lock(path, fcntl.LOCK_SH):
            for source, target in pairs:
                shutil.copy2(source, target)
                done.append(target)
    except OSError:
        for _, target in pairs:
            with contextlib.suppress(OSError):
                target.unlink()
        raise
    return done
