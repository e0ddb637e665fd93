"""The file backend: crash-safe on disk, shared by several processes, fast to mark.

The on-disk store is two files:

* ``claims.json``: a TinyDB JSON document (``{table: {doc_id: document}}``) with a ``_meta``
  table that names the format, the schema version and a *generation* number. It is only ever
  replaced whole: written to a temporary file in the same folder, fsynced, then ``os.replace``d
  over the old one, so a crash leaves either the old or the new file, never half of one.
* ``claims.json.journal``: an append-only log beside it. Each line is one transaction
  (``{"g": generation, "ops": [[table, doc_id, document or null], ...]}``), written and fsynced
  before the change is acknowledged. Opening the store replays the lines of the current
  generation; a torn last line (a crash mid-append) was never acknowledged and is ignored.

A mark therefore costs one short append and one fsync whatever the size of the store, and the
big file is rewritten only when the journal has grown (``compact``). Every write happens under an
exclusive ``flock`` on ``claims.json.lock``; before writing, a process reads what the others
appended (or reloads, when another process compacted), so no update is lost.

The backends here implement `factcheck.core.store.backend.Backend`; they are also TinyDB
storages (``read`` hands TinyDB the live in-memory data), so the file stays in TinyDB's layout.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import shutil
import threading
from collections.abc import Hashable, Iterable, Iterator, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson
from tinydb.storages import Storage

from factcheck.core.memory import collector_paused
from factcheck.core.store.backend import (
    FORMAT_NAME,
    META_ID,
    META_TABLE,
    Backend,
    Data,
    Op,
    StoreError,
    apply_ops,
)


def _describe_os_error(path: Path, exc: OSError, doing: str) -> StoreError:
    if exc.errno == errno.ENOSPC:
        problem = "the disk is full"
    elif exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        problem = "permission denied (read-only file or folder?)"
    else:
        problem = exc.strerror or str(exc)
    return StoreError(f"{path}: cannot {doing}: {problem}; nothing stored was changed")


class MemoryBackend(Backend, Storage):
    """Live in-memory data plus the journal/compaction protocol.

    This base class keeps everything in memory (tests, scratch stores, snapshots for worker
    threads); `FileBackend` adds the files.
    """

    location = "store"

    def __init__(self, data: Data | None = None) -> None:
        self.data: Data = data if data is not None else {}
        self._thread_lock = threading.RLock()
        self._depth = 0
        self._writes = 0
        self.last_refresh_changed = False

    # TinyDB's interface --------------------------------------------------------------------
    def read(self) -> Data:
        """Return the live data (TinyDB reads tables from it)."""
        return self.data

    def write(self, data: Data) -> None:
        """Replace the data wholesale (TinyDB's bulk path); persisted by the next `compact`."""
        self.data = data

    # Reading --------------------------------------------------------------------------------
    def documents(self, table: str) -> Mapping[str, dict[str, Any]]:
        """Every document of ``table`` by id (the live dictionaries: do not modify)."""
        return self.data.get(table, {})

    def documents_of(self, table: str, source_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """The documents of ``table`` that belong to ``source_ids``."""
        wanted = set(source_ids)
        return {key: doc for key, doc in self.documents(table).items()
                if doc.get("source_id") in wanted}

    def source_text(self, source_id: str) -> str | None:
        """The text of one source."""
        text = self.data.get("sources", {}).get(source_id, {}).get("text")
        return text if isinstance(text, str) else None

    def table_names(self) -> list[str]:
        """The tables that hold documents."""
        return list(self.data)

    # Writing --------------------------------------------------------------------------------
    @contextlib.contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the write lock (re-entrant within a process)."""
        with self._thread_lock:
            self._depth += 1
            try:
                if self._depth == 1:
                    self._acquire()
                    try:
                        self.last_refresh_changed = self.refresh()
                    except BaseException:
                        self._release()
                        raise
                yield
            finally:
                if self._depth == 1:
                    self._release()
                self._depth -= 1

    def _acquire(self) -> None:
        """Take the inter-process lock (nothing to do in memory)."""

    def _release(self) -> None:
        """Release the inter-process lock."""

    def commit(self, ops: Sequence[Op]) -> None:
        """Make ``ops`` durable and apply them to the live data (caller holds the lock)."""
        self.append(list(ops))
        self._writes += 1

    def commit_bulk(self, ops: Sequence[Op]) -> None:
        """Apply ``ops`` in memory, then rewrite the main file atomically; on failure the live
        data is read back from disk and the error raised, leaving both as they were."""
        apply_ops(self.data, ops)
        self._rewrite()

    def replace_all(self, data: Data) -> None:
        """Replace every table, then rewrite the main file atomically."""
        self.data = data
        self._rewrite()

    def _rewrite(self) -> None:
        """Write the live data whole (`compact`); on failure read the durable state back."""
        self._writes += 1
        try:
            self.compact()
        except StoreError:
            self.reload()
            raise

    def append(self, ops: list[Op]) -> None:
        """Make ``ops`` durable and apply them to the live data (caller holds the lock)."""
        apply_ops(self.data, ops)

    # Other writers --------------------------------------------------------------------------
    def token(self) -> Hashable:
        """Changes with every write (only this process writes a memory store)."""
        return self._writes

    def refresh(self) -> bool:
        """Pick up changes other processes made; True when something changed."""
        return False

    def changed_elsewhere(self) -> bool:
        """Cheap check (no lock, no read) whether another process has written since."""
        return False

    def reload(self) -> None:
        """Discard the in-memory data and read the durable state again."""

    def _load_all(self) -> None:
        """Read the whole durable state (`_load_all_unguarded`) with the cycle collector
        paused, and keep the loaded data out of its sight (see `collector_paused`)."""
        with collector_paused(freeze=True):
            self._load_all_unguarded()

    def _load_all_unguarded(self) -> None:
        """Read the whole durable state into ``self.data`` (nothing to read in memory)."""

    # Durability -----------------------------------------------------------------------------
    def compact(self) -> None:
        """Fold the journal into the main file."""

    def needs_compaction(self) -> bool:
        """True when the journal has grown enough to be worth folding in."""
        return False

    def backup(self, target: Path) -> list[Path]:
        """Write the data as a store file at ``target``."""
        with self.locked():
            payload = orjson.dumps(self.data)
        try:
            atomic_write(target, payload)
        except OSError as exc:
            raise _describe_os_error(target, exc, "write the copy") from exc
        return [target]

    def close(self) -> None:
        """Nothing to release in memory."""


class FileBackend(MemoryBackend):
    """The on-disk storage: ``claims.json`` + journal + lock file (see the module docstring)."""

    COMPACT_MIN_BYTES = 4 * 1024 * 1024
    path: Path

    def __init__(self, path: str | os.PathLike[str]) -> None:
        super().__init__()
        # Resolve a symlinked store once, so compaction replaces the file it points to.
        self.path = Path(path).resolve() if Path(path).is_symlink() else Path(path)
        self.location = str(path)
        self.journal_path = self.path.with_name(self.path.name + ".journal")
        self.lock_path = self.path.with_name(self.path.name + ".lock")
        self._lock_fd: int | None = None
        self._main_ident: tuple[int, int, int] | None = None
        self._journal_offset = 0
        self._main_size = 0
        self.generation = 0
        self.loaded_from_disk = False
        with self._shared_lock():
            self._load_all()

    @contextlib.contextmanager
    def _shared_lock(self) -> Iterator[None]:
        """Hold a shared lock while loading, so a concurrent compaction is never half-seen.

        Where the lock file cannot be opened (a read-only folder), load without it: the main
        file is only ever replaced atomically, so the worst case is a slightly older view.
        """
        try:
            fd = os.open(self.lock_path, os.O_RDONLY)
        except OSError:
            yield
            return
        try:
            fcntl.flock(fd, fcntl.LOCK_SH)
            yield
        finally:
            os.close(fd)

    # Loading --------------------------------------------------------------------------------
    def _stat_main(self) -> tuple[int, int, int] | None:
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise _describe_os_error(self.path, exc, "read the store") from exc
        return (st.st_ino, st.st_mtime_ns, st.st_size)

    def _load_all_unguarded(self) -> None:
        ident = self._stat_main()
        data: Data = {}
        if ident is not None:
            if self.path.is_dir():
                raise StoreError(f"{self.path}: is a folder, not a factcheck store")
            try:
                raw = self.path.read_bytes()
            except OSError as exc:
                raise _describe_os_error(self.path, exc, "read the store") from exc
            data = parse_main(self.path, raw)
            self._main_size = len(raw)
            self.loaded_from_disk = True
        meta = data.get(META_TABLE, {}).get(META_ID, {})
        generation = meta.get("generation", 0) if isinstance(meta, dict) else 0
        if not isinstance(generation, int) or isinstance(generation, bool) or generation < 0:
            raise StoreError(f"{self.path}: damaged header (generation {generation!r}); "
                             "the file was left untouched (try `factcheck doctor`)")
        self.generation = generation
        self.data = data
        self._main_ident = ident
        self._journal_offset = 0
        self._replay_journal()

    def _replay_journal(self) -> bool:
        """Apply complete journal lines past our offset; True when any applied."""
        try:
            with open(self.journal_path, "rb") as handle:
                handle.seek(self._journal_offset)
                chunk = handle.read()
        except FileNotFoundError:
            return False
        except OSError as exc:
            raise _describe_os_error(self.journal_path, exc, "read the journal") from exc
        end = chunk.rfind(b"\n")
        if end < 0:
            return False
        changed = False
        for line in chunk[: end + 1].splitlines():
            if not line.strip():
                continue
            try:
                record = orjson.loads(line)
                if record.get("g") != self.generation:
                    continue
                apply_ops(self.data, record["ops"])
                changed = True
            except (orjson.JSONDecodeError, KeyError, TypeError, ValueError, AttributeError):
                # A damaged line was never acknowledged as a whole; skip it.
                continue
        self._journal_offset += end + 1
        return changed

    def reload(self) -> None:
        """Discard the in-memory data and read the durable state again."""
        self._load_all()

    def refresh(self) -> bool:
        """Reload after another process compacted, else replay what it appended."""
        ident = self._stat_main()
        if ident != self._main_ident:
            self._load_all()
            return True
        return self._replay_journal()

    # Locking --------------------------------------------------------------------------------
    def _acquire(self) -> None:
        try:
            fd = os.open(self.lock_path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise _describe_os_error(self.path, exc, "take the write lock") from exc
        fcntl.flock(fd, fcntl.LOCK_EX)
        self._lock_fd = fd

    def _release(self) -> None:
        if self._lock_fd is not None:
            fcntl.flock(self._lock_fd, fcntl.LOCK_UN)
            os.close(self._lock_fd)
            self._lock_fd = None

    # Writing --------------------------------------------------------------------------------
    def changed_elsewhere(self) -> bool:
        """True when the main file was replaced or the journal grew since we last read."""
        if self._stat_main() != self._main_ident:
            return True
        try:
            return os.stat(self.journal_path).st_size > self._journal_offset
        except FileNotFoundError:
            return False

    def token(self) -> Hashable:
        """The main file's identity and the journal's length: both change with every write."""
        try:
            journal = os.stat(self.journal_path).st_size
        except FileNotFoundError:
            journal = 0
        return (self._stat_main(), journal)

    def has_pending(self) -> bool:
        """True when the journal holds changes the main file does not."""
        return self._journal_offset > 0 or self._main_ident is None and bool(self.data)

    def backup(self, target: Path) -> list[Path]:
        """Write everything, journal folded in, to ``target`` (under the lock, so the copy is
        of one moment; others wait only while it is written)."""
        if Path(target).resolve() == self.path.resolve():
            raise StoreError(f"{target}: is the store itself; choose another path")
        with self.locked():
            payload = orjson.dumps(self.data)
            try:
                atomic_write(Path(target), payload)
            except OSError as exc:
                raise _describe_os_error(Path(target), exc, "write the copy") from exc
        return [Path(target)]

    def preserve(self, reason: str) -> str | None:
        """Copy the main file to ``claims.json.<reason>-<time>.bak``."""
        if not self.path.exists():
            return None
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
        backup = self.path.with_name(f"{self.path.name}.{reason}-{stamp}.bak")
        try:
            shutil.copy2(self.path, backup)
        except OSError as exc:
            raise StoreError(f"{self.path}: cannot back up before the {reason} upgrade: "
                             f"{exc}") from exc
        return str(backup)

    def _refuse_read_only(self, doing: str) -> None:
        """Refuse to write when the store file or its folder is read-only (for root too)."""
        for target in (self.path, self.path.parent):
            if target.exists() and not _writable(target):
                raise StoreError(f"{self.path}: cannot {doing}: {target} is read-only; "
                                 "nothing stored was changed")

    def append(self, ops: list[Op]) -> None:
        """Append one transaction to the journal, fsync it, then apply it in memory."""
        if not ops:
            return
        if self._depth == 0:
            raise RuntimeError("append() outside locked()")
        self._refuse_read_only("save the change")
        line = orjson.dumps({"g": self.generation, "ops": ops}) + b"\n"
        created = not self.journal_path.exists()
        try:
            fd = os.open(self.journal_path, os.O_WRONLY | os.O_CREAT, 0o644)
        except OSError as exc:
            raise _describe_os_error(self.journal_path, exc, "save the change") from exc
        if created:
            _fsync_dir(self.journal_path.parent)
        try:
            # Drop a torn line left by a crash: it was never acknowledged.
            os.ftruncate(fd, self._journal_offset)
            os.lseek(fd, self._journal_offset, os.SEEK_SET)
            view = memoryview(line)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
        except OSError as exc:
            with contextlib.suppress(OSError):
                os.ftruncate(fd, self._journal_offset)
            raise _describe_os_error(self.journal_path, exc, "save the change") from exc
        finally:
            os.close(fd)
        self._journal_offset += len(line)
        apply_ops(self.data, ops)

    def needs_compaction(self) -> bool:
        """True when there is no main file yet, or the journal outgrew a quarter of it (> 4 MB)."""
        if self._main_ident is None:
            return True
        return self._journal_offset > max(self.COMPACT_MIN_BYTES, self._main_size // 4)

    def compact(self) -> None:
        """Write the whole data to a new main file atomically, then empty the journal."""
        self._refuse_read_only("write the store")
        # We hold the exclusive lock: any temp file of this store is a killed compaction's.
        for stale in self.path.parent.glob(f".{self.path.name}.*.tmp"):
            with contextlib.suppress(OSError):
                stale.unlink()
        meta = dict(self.data.get(META_TABLE, {}).get(META_ID, {}))
        meta["generation"] = self.generation + 1
        self.data.setdefault(META_TABLE, {})[META_ID] = meta
        payload = orjson.dumps(self.data)
        try:
            atomic_write(self.path, payload)
        except OSError as exc:
            meta["generation"] = self.generation
            raise _describe_os_error(self.path, exc, "write the store") from exc
        self.generation += 1
        self._main_size = len(payload)
        self._main_ident = self._stat_main()
        try:
            with open(self.journal_path, "wb") as handle:
                handle.flush()
                os.fsync(handle.fileno())
        except FileNotFoundError:
            pass
        except OSError as exc:
            # The main file holds everything; stale journal lines carry an old generation.
            raise _describe_os_error(self.journal_path, exc, "empty the journal") from exc
        self._journal_offset = 0

    def close(self) -> None:
        """Release the lock if held."""
        self._release()


def _writable(path: Path) -> bool:
    """Whether ``path`` may be written: permission bits count even for root."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    if os.geteuid() == 0:
        return bool(mode & 0o222)
    return os.access(path, os.W_OK)


def atomic_write(path: Path, payload: bytes) -> None:
    """Write ``payload`` to ``path`` so that a crash leaves the old or the new file whole."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            with contextlib.suppress(OSError):
                os.chmod(tmp, os.stat(path).st_mode & 0o777)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    _fsync_dir(path.parent)


def _fsync_dir(folder: Path) -> None:
    """Make a new or renamed directory entry durable (best effort)."""
    with contextlib.suppress(OSError):
        dir_fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


def parse_main(path: Path, raw: bytes) -> Data:
    """Parse and check a main store file; raise `StoreError` naming the problem."""
    if not raw.strip():
        raise StoreError(f"{path}: empty file, not a factcheck store")
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise StoreError(
            f"{path}: not valid JSON ({exc.args[0] if exc.args else exc}); "
            "the file was left untouched (try `factcheck doctor`)"
        ) from exc
    meta = data.get(META_TABLE, {}).get(META_ID) if isinstance(data, dict) else None
    if (
        not isinstance(data, dict)
        or not isinstance(data.get(META_TABLE), dict)
        or not isinstance(meta, dict)
        or meta.get("format") != FORMAT_NAME
    ):
        raise StoreError(f"{path}: not a factcheck store (no factcheck header); left untouched")
    for table, rows in data.items():
        if not isinstance(rows, dict) or not all(isinstance(doc, dict) for doc in rows.values()):
            raise StoreError(f"{path}: table {table!r} is damaged (wrong types); left untouched")
    return data
