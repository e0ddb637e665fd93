"""The file backend: crash-safe on disk, shared by several processes, fast to mark.

The on-disk store is two files:

* ``claims.json``: one JSON document (``{table: {doc_id: document}}``, TinyDB's layout) with a
  ``_meta`` table that names the format, the schema version and a *generation* number, written
  in the lined layout (`factcheck.core.store.lined`): the reviewer's tables one per line, the
  corpus one line per source, and an index of where each part is. Opening the store parses the
  reviewer's tables; a source's text, passages and mentions are parsed when something of that
  source is shown (`FileBackend.content`), the change log and the key index when first read.
  The file is only ever replaced whole: written to a temporary file in the same folder,
  fsynced, then ``os.replace``d over the old one, so a crash leaves either the old or the new
  file, never half of one; the corpus lines of sources that did not change are copied as they
  are, never parsed.
* ``claims.json.journal``: an append-only log beside it. Each line is one transaction
  (``{"g": generation, "ops": [[table, doc_id, document or null], ...]}``), written and fsynced
  before the change is acknowledged. Opening the store replays the lines of the current
  generation; a torn last line (a crash mid-append) was never acknowledged and is ignored.

A mark therefore costs one short append and one fsync whatever the size of the store, and the
big file is rewritten only when the journal has grown (``compact``). Every write happens under an
exclusive ``flock`` on ``claims.json.lock``; before writing, a process reads what the others
appended (or reloads, when another process compacted), so no update is lost.

The backends here implement `factcheck.core.store.backend.Backend`; they are also TinyDB
storages (``read`` hands TinyDB the live in-memory data of the reviewer's tables).
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import shutil
import threading
import weakref
from collections import OrderedDict
from collections.abc import Hashable, ItemsView, Iterable, Iterator, Mapping, Sequence, ValuesView
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, cast

import orjson
from tinydb.storages import Storage

from factcheck.core.memory import collector_paused
from factcheck.core.store import lined
from factcheck.core.store.backend import (
    CORPUS_TABLES,
    FORMAT_NAME,
    META_ID,
    META_TABLE,
    Backend,
    Data,
    Op,
    StoreError,
    apply_ops,
)
from factcheck.core.store.lined import Content


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
        """Bumped by every change to ``data``."""
        self._by_source: dict[str, tuple[Hashable, dict[Any, dict[str, dict[str, Any]]]]] = {}
        self.last_refresh_changed = False

    # TinyDB's interface --------------------------------------------------------------------
    def read(self) -> Data:
        """Return the live data (TinyDB reads tables from it)."""
        return self.data

    def write(self, data: Data) -> None:
        """Replace the data wholesale (TinyDB's bulk path); persisted by the next `compact`."""
        self.data = data
        self._writes += 1

    # Reading --------------------------------------------------------------------------------
    def documents(self, table: str) -> Mapping[str, dict[str, Any]]:
        """Every document of ``table`` by id (the live dictionaries: do not modify)."""
        return self.data.get(table, {})

    def documents_of(self, table: str, source_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """The documents of ``table`` that belong to ``source_ids`` (grouped by source once
        per state of the table, so a view reading source after source does not scan it
        whole each time)."""
        rows = self.documents(table)
        stamp = (id(rows), len(rows), self._writes)
        kept = self._by_source.get(table)
        if kept is None or kept[0] != stamp:
            grouped: dict[Any, dict[str, dict[str, Any]]] = {}
            for key, doc in rows.items():
                grouped.setdefault(doc.get("source_id"), {})[key] = doc
            kept = self._by_source[table] = (stamp, grouped)
        result: dict[str, dict[str, Any]] = {}
        for sid in dict.fromkeys(source_ids):
            result.update(kept[1].get(sid, {}))
        return result

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
        self.apply(ops)
        self._rewrite()

    def replace_all(self, data: Data) -> None:
        """Replace every table, then rewrite the main file atomically."""
        self.data = data
        self._writes += 1
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
        self.apply(ops)

    def apply(self, ops: Iterable[Op] | Iterable[list[Any]]) -> None:
        """Apply operations to the live data."""
        apply_ops(self.data, ops)
        self._writes += 1

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


class _Unread:
    """A table of the main file not parsed yet: where its JSON is, and the writes made to it
    since (applied when it is parsed: a mark appends to the change log without reading it)."""

    __slots__ = ("pending", "where")

    def __init__(self, where: tuple[int, int]) -> None:
        self.where = where
        self.pending: list[tuple[str, dict[str, Any] | None]] = []


class CorpusView(Mapping[str, dict[str, Any]]):
    """The logical ``passages`` or ``mentions`` table of a file store, read per source.

    Looking one up by id finds its source in ``corpus_ids`` and parses that source's line only;
    iterating reads every source (linking, whole reports).
    """

    SCATTERED = 2 * 256
    """After lookups in this many sources, the rest are served from the whole table, read
    once (a report or a pass over every claim looks passages up in every source)."""

    def __init__(self, backend: FileBackend, table: str) -> None:
        self._backend = backend
        self._table = table
        self._seen: set[str] = set()
        self._whole: dict[str, dict[str, Any]] | None = None

    def __getitem__(self, key: str) -> dict[str, Any]:
        if self._whole is not None:
            return self._whole[key]
        sid = self._backend.source_id_of(self._table, key)
        if sid is None:
            raise KeyError(key)
        self._seen.add(sid)
        if len(self._seen) > self.SCATTERED:
            self._whole = dict(self.items())
            return self._whole[key]
        content = self._backend.content(sid)
        if content is None:
            raise KeyError(key)
        doc: dict[str, Any] = content[self._table][key]
        return doc

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.get(key) is not None

    def __iter__(self) -> Iterator[str]:
        for docs in self.by_source():
            yield from docs

    def __len__(self) -> int:
        return self._backend.corpus_count(self._table)

    def items(self) -> ItemsView[str, dict[str, Any]]:
        """(id, document) of every source's documents, each source read once."""
        return _CorpusItems(self)

    def values(self) -> ValuesView[dict[str, Any]]:
        """Every document, each source read once."""
        return _CorpusValues(self)

    def by_source(self) -> Iterator[dict[str, dict[str, Any]]]:
        """The documents of each source in turn."""
        if self._whole is not None:
            yield self._whole
            return
        for _, content in self._backend.contents():
            yield content[self._table]


class _CorpusItems(ItemsView[str, dict[str, Any]]):
    _mapping: CorpusView

    def __iter__(self) -> Iterator[tuple[str, dict[str, Any]]]:
        for docs in self._mapping.by_source():
            yield from docs.items()


class _CorpusValues(ValuesView[dict[str, Any]]):
    _mapping: CorpusView

    def __iter__(self) -> Iterator[dict[str, Any]]:
        for docs in self._mapping.by_source():
            yield from docs.values()


class FileBackend(MemoryBackend):
    """The on-disk storage: ``claims.json`` + journal + lock file (see the module docstring).

    The reviewer's tables live in ``self.data`` (sources without their text); the corpus stays
    in the main file, read per source (`content`), except the sources changed since the main
    file was written (``_overlay``: their whole corpus, in memory until the next compaction).
    """

    COMPACT_MIN_BYTES = 4 * 1024 * 1024
    CACHE_SOURCES = 256
    """How many sources' parsed corpus lines are kept (the ones shown last)."""
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
        self._fd: int | None = None
        """The main file as loaded: corpus lines and unread tables are read from it."""
        self._base: dict[str, tuple[int, int]] = {}
        """Where each source's corpus line is in the main file."""
        self._overlay: dict[str, Content | None] = {}
        """Sources whose corpus changed since the main file was written (None: removed)."""
        self._ids: dict[str, dict[str, str]] | None = None
        """Passage and mention id -> source id (built on first lookup by id)."""
        self._ids_where: tuple[int, int] | None = None
        self._cache: OrderedDict[str, Content] = OrderedDict()
        self.lined = False
        """Whether the main file is in the lined layout (an older one is rewritten on write)."""
        self._preserved = False
        """Whether the main file was copied aside by this process (before an upgrade)."""
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

    def _forget_file(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
        self._base, self._overlay, self._ids, self._ids_where = {}, {}, None, None
        self._cache.clear()
        self.lined = False

    def _load_all_unguarded(self) -> None:
        ident = self._stat_main()
        if ident is not None and self.path.is_dir():
            raise StoreError(f"{self.path}: is a folder, not a factcheck store")
        fd, trusted = None, False
        if ident is not None:
            try:
                fd = os.open(self.path, os.O_RDONLY)
                size = os.fstat(fd).st_size
                found = lined.read_index(fd, size)
                trusted = found is not None
                found = found or lined.scan(fd, size)
            except OSError as exc:
                if fd is not None:
                    os.close(fd)
                raise _describe_os_error(self.path, exc, "read the store") from exc
        try:
            data = self._read_main(fd, size, found, trusted) if fd is not None else {}
        except BaseException:
            if fd is not None:
                os.close(fd)
            raise
        meta = data.get(META_TABLE, {}).get(META_ID, {})
        generation = meta.get("generation", 0) if isinstance(meta, dict) else 0
        if not isinstance(generation, int) or isinstance(generation, bool) or generation < 0:
            if fd is not None:
                os.close(fd)
            raise StoreError(f"{self.path}: damaged header (generation {generation!r}); "
                             "the file was left untouched (try `factcheck doctor`)")
        old_fd, self._fd = self._fd, None
        self._forget_file()
        if old_fd is not None:
            os.close(old_fd)
        if fd is not None and found is not None:
            self._fd = fd
            self._base = dict(found.corpus)
            self._ids_where = found.tables.get(lined.CORPUS_IDS)
            self.lined = True
        else:
            if fd is not None:
                os.close(fd)
            data, contents = lined.split(data)
            self._overlay = dict(contents)
        self.loaded_from_disk = ident is not None
        self._main_size = ident[2] if ident is not None else 0
        self.generation = generation
        self.data = data
        self._main_ident = ident
        self._journal_offset = 0
        self._replay_journal()

    def _read_main(self, fd: int, size: int, found: lined.Scan | None, trusted: bool) -> Data:
        """The reviewer's tables of the main file (unread ones as `_Unread`); the whole file
        when it is not lined. A file whose last line does not fit it (``trusted`` False: edited
        by hand or by another tool) has every document of its claims, reviews and sources
        parsed once now, so a damaged one stops the opening as it would in a file read whole."""
        if found is None:
            try:
                raw = os.pread(fd, size, 0)
            except OSError as exc:
                raise _describe_os_error(self.path, exc, "read the store") from exc
            return lined.logical(parse_main(self.path, raw))  # type: ignore[no-any-return]
        data: dict[str, Any] = {}
        for name, where in found.tables.items():
            if name == lined.CORPUS_IDS:
                continue
            if name in lined.LAZY_TABLES:
                data[name] = _Unread(where)
                continue
            if name in lined.ROW_TABLES:
                data[name] = rows = lined.read_rows(
                    fd, where, self.path, name, keep=False,
                    lines=found.lines.get(name) if trusted else None)
                if not trusted:
                    rows.check()
                elif found.unsound is not None and name in found.unsound:
                    rows.record(found.unsound[name])
                continue
            rows = lined.read_table(fd, where, self.path, f"table {name!r}")
            data[name] = _checked_table(self.path, name, rows)
        meta = data.get(META_TABLE, {}).get(META_ID) if isinstance(data.get(META_TABLE),
                                                                  dict) else None
        if not isinstance(meta, dict) or meta.get("format") != FORMAT_NAME:
            raise StoreError(f"{self.path}: not a factcheck store (no factcheck header); "
                             "left untouched")
        return data

    def _main_fd(self) -> int:
        """The main file as loaded, opened again after `close` (the store may be used after
        it: a command's last compaction). Were it replaced meanwhile, it is read anew."""
        if self._fd is None:
            if self._stat_main() != self._main_ident:
                self._load_all()
            if self._fd is None:
                try:
                    self._fd = os.open(self.path, os.O_RDONLY)
                except OSError as exc:
                    raise _describe_os_error(self.path, exc, "read the store") from exc
        return self._fd

    def _table(self, table: str) -> dict[str, dict[str, Any]]:
        """A reviewer's table, parsed now if it was not yet."""
        rows = self.data.get(table)
        if isinstance(rows, _Unread):
            parsed = lined.read_rows(self._main_fd(), rows.where, self.path, table)
            for doc_id, doc in rows.pending:
                if doc is None:
                    parsed.pop(doc_id, None)
                else:
                    parsed[doc_id] = doc
            rows = self.data[table] = cast(Any, parsed)
        return rows if rows is not None else {}

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
                ops = [(str(t), str(i), d if isinstance(d, dict) else None)
                       for t, i, d in record["ops"]]
            except (orjson.JSONDecodeError, KeyError, TypeError, ValueError, AttributeError):
                # A damaged line was never acknowledged as a whole; skip it.
                continue
            self._apply(ops)
            changed = True
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

    def read(self) -> Data:
        """The reviewer's tables, every one parsed (TinyDB's interface)."""
        return {name: self._table(name) for name in list(self.data)}

    # The corpus -----------------------------------------------------------------------------
    def content(self, source_id: str) -> Content | None:
        """One source's corpus (text, passages, mentions), or None when it has none. Callers
        must not modify it."""
        if source_id in self._overlay:
            return self._overlay[source_id]
        cached = self._cache.get(source_id)
        if cached is not None:
            self._cache.move_to_end(source_id)
            return cached
        content = self._read_content(source_id)
        if content is not None:
            self._cache[source_id] = content
            if len(self._cache) > self.CACHE_SOURCES:
                self._cache.popitem(last=False)
        return content

    def _read_content(self, source_id: str) -> Content | None:
        where = self._base.get(source_id)
        if where is None:
            return None
        try:
            doc = lined.read_range(self._main_fd(), where, self.path,
                                   f"the corpus of source {source_id!r}")
        except StoreError:
            return None  # `factcheck doctor` names it; views show the source as missing
        return lined.checked_content(doc)

    def contents(self) -> Iterator[tuple[str, Content]]:
        """Every source's corpus, in the main file's order then the new ones (not cached)."""
        for sid in self._base:
            if sid in self._overlay:
                content = self._overlay[sid]
            else:
                content = self._cache.get(sid) or self._read_content(sid)
            if content is not None:
                yield sid, content
        for sid, content in list(self._overlay.items()):
            if sid not in self._base and content is not None:
                yield sid, content

    def _index(self) -> dict[str, dict[str, str]]:
        """Passage and mention ids -> source id, built on first use."""
        if self._ids is not None:
            return self._ids
        ids: dict[str, dict[str, str]] = {"passages": {}, "mentions": {}}
        listed = self._listed_ids()
        for sid in self._base:
            if sid in self._overlay:
                continue
            held = _ids_entry(listed, sid)
            if held is None:
                content = self._read_content(sid)
                held = lined.ids_of(content) if content is not None else {}
            for table in ("passages", "mentions"):
                names = held.get(table) or ()
                ids[table].update(dict.fromkeys(names, sid))
        for sid, content in self._overlay.items():
            if content is not None:
                for table in ("passages", "mentions"):
                    ids[table].update(dict.fromkeys(content[table], sid))
        self._ids = ids
        return ids

    def _listed_ids(self) -> lined.Rows | None:
        """The ``corpus_ids`` table of the main file, each source's entry parsed when looked up
        (None when missing or damaged)."""
        if self._ids_where is None:
            return None
        try:
            return lined.read_rows(self._main_fd(), self._ids_where, self.path, "corpus_ids")
        except StoreError:
            return None

    def source_id_of(self, table: str, doc_id: str) -> str | None:
        """The source a passage or mention belongs to, or None when there is no such one."""
        return self._index()[table].get(doc_id)

    def corpus_count(self, table: str) -> int:
        """How many passages or mentions the store holds."""
        return len(self._index()[table])

    def _editable(self, source_id: str) -> Content:
        """A source's corpus to change: its own copy in the overlay."""
        current = self._overlay.get(source_id)
        if current is not None:
            return current
        base = None if source_id in self._overlay else self._read_content(source_id)
        content = lined.empty_content()
        if base is not None:
            content = {"text": base["text"], "passages": dict(base["passages"]),
                       "mentions": dict(base["mentions"])}
        self._overlay[source_id] = content
        self._cache.pop(source_id, None)
        return content

    def _apply(self, ops: Iterable[Op]) -> None:
        """Apply operations to the live view: the reviewer's tables, the corpus overlay."""
        for table, doc_id, doc in ops:
            if table in lined.INTERNAL_TABLES:
                continue  # the file's own index: never a table of documents
            if table in CORPUS_TABLES:
                self._apply_corpus(table, doc_id, doc)
            elif table == "sources":
                rows = self._table("sources")
                self.data.setdefault("sources", rows)
                if doc is None:
                    rows.pop(doc_id, None)
                    if self.content(doc_id) is not None:
                        self._editable(doc_id)["text"] = None
                    continue
                meta, text = self.split_source(doc)
                rows[doc_id] = meta
                if "text" in doc:
                    self._editable(doc_id)["text"] = text
            else:
                unread = self.data.get(table)
                if isinstance(unread, _Unread):
                    unread.pending.append((doc_id, doc))
                    continue
                rows = self._table(table)
                self.data.setdefault(table, rows)
                if doc is None:
                    rows.pop(doc_id, None)
                else:
                    rows[doc_id] = doc

    def _apply_corpus(self, table: str, doc_id: str, doc: dict[str, Any] | None) -> None:
        index = self._ids[table] if self._ids is not None else None
        held = index.get(doc_id) if index is not None else None
        if doc is None:
            if held is None and index is None:
                held = self.source_id_of(table, doc_id)
                index = self._ids[table] if self._ids is not None else None
            if held is not None:
                self._editable(held)[table].pop(doc_id, None)
                if index is not None:
                    index.pop(doc_id, None)
            return
        sid = lined.source_of(doc)
        if held is not None and held != sid:
            self._editable(held)[table].pop(doc_id, None)
        self._editable(sid)[table][doc_id] = doc
        if index is not None:
            index[doc_id] = sid

    # Reading --------------------------------------------------------------------------------
    def documents(self, table: str) -> Mapping[str, dict[str, Any]]:
        """Every document of ``table`` by id: the corpus tables read per source
        (`CorpusView`), sources without their text."""
        if table in CORPUS_TABLES:
            return CorpusView(self, table)
        return self._table(table)

    def documents_of(self, table: str, source_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """The passages or mentions of some sources, reading only their corpus lines."""
        result: dict[str, dict[str, Any]] = {}
        for sid in dict.fromkeys(source_ids):
            content = self.content(sid)
            if content is not None:
                result.update(content[table])
        return result

    def source_text(self, source_id: str) -> str | None:
        """The text of one source, from its corpus line."""
        content = self.content(source_id)
        text = content.get("text") if content is not None else None
        return text if isinstance(text, str) else None

    def corpus(self) -> tuple[dict[str, dict[str, Any]], dict[str, dict[str, Any]],
                              dict[str, str]]:
        """The whole corpus, each source's line read once."""
        passages: dict[str, dict[str, Any]] = {}
        mentions: dict[str, dict[str, Any]] = {}
        texts: dict[str, str] = {}
        for sid, content in self.contents():
            passages.update(content["passages"])
            mentions.update(content["mentions"])
            if isinstance(content.get("text"), str):
                texts[sid] = content["text"]
        return passages, mentions, texts

    def table_names(self) -> list[str]:
        """The logical tables that hold documents."""
        names = list(self.data)
        if self._base or any(c is not None for c in self._overlay.values()):
            names += [t for t in CORPUS_TABLES if t not in names]
        return names

    def read_all(self) -> Data:
        """Every logical table in full, sources with their text (reads the whole corpus)."""
        review = {name: dict(self._table(name)) for name in list(self.data)}
        return lined.join(review, list(self.contents()))

    def frozen(self) -> Backend:
        """A read-only view of the data as it is now, for a worker thread: the reviewer's
        tables copied one level deep, the corpus read from the same file (kept open)."""
        copy = _FrozenFile.__new__(_FrozenFile)
        copy.__dict__.update(self.__dict__)
        copy.data = {name: _copy_table(rows) for name, rows in self.data.items()}
        copy._overlay = {sid: None if c is None else
                         {"text": c["text"], "passages": dict(c["passages"]),
                          "mentions": dict(c["mentions"])}
                         for sid, c in self._overlay.items()}
        copy._fd = os.dup(self._main_fd()) if self.lined else None
        copy._ids = None
        copy._cache = OrderedDict()
        copy._thread_lock = threading.RLock()
        copy._depth = 0
        copy._lock_fd = None
        copy.closing = (weakref.finalize(copy, _close_quietly, copy._fd)
                        if copy._fd is not None else None)  # snapshots are rarely closed
        return copy

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

    def commit_bulk(self, ops: Sequence[Op]) -> None:
        """Apply ``ops`` to the live view, then rewrite the main file atomically; on failure
        the durable state is read back and the error raised."""
        self._apply(ops)
        self._rewrite()

    def replace_all(self, data: Data) -> None:
        """Replace every table (logical tables), then rewrite the main file atomically."""
        review, contents = lined.split(data)
        self.data = review
        self._overlay = dict(contents)
        self._overlay.update({sid: None for sid in self._base if sid not in contents})
        self._ids = None
        self._cache.clear()
        self._rewrite()

    def backup(self, target: Path) -> list[Path]:
        """Write everything, journal folded in, to ``target``: one self-contained store file
        (under the lock, so the copy is of one moment; others wait only while it is
        written)."""
        if Path(target).resolve() == self.path.resolve():
            raise StoreError(f"{target}: is the store itself; choose another path")
        with self.locked():
            try:
                self._write_file(Path(target), self.data)
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
        self._preserved = True
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
        self._apply(ops)

    def needs_compaction(self) -> bool:
        """True when there is no main file yet, or it is in the older layout, or the journal
        outgrew a quarter of it (> 4 MB)."""
        if self._main_ident is None or not self.lined:
            return True
        return self._journal_offset > max(self.COMPACT_MIN_BYTES, self._main_size // 4)

    def compact(self) -> None:
        """Write the whole data to a new main file atomically, then empty the journal. A file
        in the older layout is kept as ``claims.json.layout1-<time>.bak`` first."""
        self._refuse_read_only("write the store")
        # We hold the exclusive lock: any temp file of this store is a killed compaction's.
        for stale in self.path.parent.glob(f".{self.path.name}.*.tmp"):
            with contextlib.suppress(OSError):
                stale.unlink()
        if self._main_ident is not None and not self.lined and not self._preserved:
            self.preserve("layout1")
        meta = dict(self._table(META_TABLE).get(META_ID, {}))
        meta["generation"] = self.generation + 1
        meta["layout"] = lined.LAYOUT
        self.data.setdefault(META_TABLE, {})[META_ID] = meta
        try:
            written = self._write_file(self.path, self.data)
        except OSError as exc:
            meta["generation"] = self.generation
            raise _describe_os_error(self.path, exc, "write the store") from exc
        self.generation += 1
        self._adopt(written)
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

    def _adopt(self, written: lined.Scan) -> None:
        """Read the corpus and unread tables from the file just written from now on."""
        fd = os.open(self.path, os.O_RDONLY)
        old, self._fd = self._fd, fd
        if old is not None:
            os.close(old)
        for name in list(self.data):
            if name in lined.LAZY_TABLES:  # parsed again only when next needed
                self.data[name] = cast(Any, _Unread(written.tables[name]))
            rows = self.data[name]
            unsound = (written.unsound or {}).get(name)
            if isinstance(rows, lined.Rows) and unsound is not None:
                if not rows.ordered:  # its lines were reordered: read the new ones
                    rows = self.data[name] = cast(Any, lined.read_rows(
                        fd, written.tables[name], self.path, name, keep=rows.keep,
                        lines=written.lines.get(name)))
                rows.record(unsound)
        self._base = dict(written.corpus)
        self._ids_where = written.tables.get(lined.CORPUS_IDS)
        self._overlay = {}
        self._cache.clear()
        self.lined = True
        self._main_ident = self._stat_main()
        self._main_size = self._main_ident[2] if self._main_ident else 0

    def _write_file(self, path: Path, data: Data) -> lined.Scan:
        """Write the live view as a lined store file at ``path`` (atomically); where its parts
        are."""
        at = lined.Scan()
        listed = _IdsLines(self._main_fd(), self._ids_where, self.path) \
            if self._ids_where is not None and any(sid not in self._overlay
                                                   for sid in self._base) else None

        def tables() -> Iterator[tuple[str, lined.Members | bytes]]:
            for name in [META_TABLE, *(n for n in data if n != META_TABLE)]:
                rows = data.get(name)
                if isinstance(rows, _Unread) and rows.pending:
                    yield name, lined.stream_members(self._main_fd(), rows.where, self.path,
                                                     name, dict(rows.pending))
                    continue
                if isinstance(rows, _Unread):
                    yield name, os.pread(self._main_fd(), rows.where[1], rows.where[0])
                elif rows is not None:
                    yield name, lined.members(rows, name, at)

        def corpus() -> Iterator[tuple[str, bytes, dict[str, Any] | bytes]]:
            for sid, where in self._base.items():
                if sid in self._overlay:
                    continue
                held: dict[str, Any] | bytes | None = (
                    listed.line_of(sid) if listed is not None else None)
                if held is None:
                    content = self._read_content(sid)
                    held = lined.ids_of(content) if content is not None else None
                if held is None:
                    continue  # a damaged line: `factcheck doctor` reported it
                yield sid, os.pread(self._main_fd(), where[1], where[0]), held
            for sid, content in self._overlay.items():
                if content is not None and not lined.is_empty(content):
                    yield sid, orjson.dumps(content), lined.ids_of(content)

        atomic_write_chunks(path, lined.stream(tables(), corpus(), at))
        return at

    def close(self) -> None:
        """Release the lock if held, and the main file."""
        self._release()
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


class _FrozenFile(FileBackend):
    """A read-only copy of a file store's live view (`FileBackend.frozen`)."""

    closing: Any
    """Closes the copy's own handle of the main file, when closed or collected (once)."""

    def close(self) -> None:
        """Release the copy's handle of the main file."""
        if self.closing is not None:
            self.closing()
        self._fd = None

    @contextlib.contextmanager
    def locked(self) -> Iterator[None]:
        """A snapshot is never written."""
        raise StoreError(f"{self.location}: a read-only snapshot cannot be written")
        yield  # pragma: no cover

    def refresh(self) -> bool:
        """A snapshot does not follow the store."""
        return False

    def changed_elsewhere(self) -> bool:
        """A snapshot does not follow the store."""
        return False


class _IdsLines:
    """The ``corpus_ids`` lines of the main file read in the order they were written (the
    corpus's order), a megabyte at a time, so a copy of the store never holds them all; a
    source out of that order is looked up in the whole table."""

    def __init__(self, fd: int, where: tuple[int, int], path: Path) -> None:
        self._fd, self._where, self._path = fd, where, path
        self._lines = lined.stream_members(fd, where, path, "corpus_ids", {})
        self._rows: lined.Rows | None = None

    def line_of(self, sid: str) -> bytes | None:
        """The JSON of ``sid``'s entry, or None."""
        if self._rows is None:
            for key, payload in self._lines:
                if key == sid:
                    return payload
            try:
                self._rows = lined.read_rows(self._fd, self._where, self._path, "corpus_ids")
            except StoreError:
                return None
        return self._rows.line_of(sid)


def _ids_entry(listed: lined.Rows | None, sid: str) -> dict[str, Any] | None:
    """One source's ``corpus_ids`` entry, or None (missing, or not an object)."""
    try:
        held = listed.get(sid) if listed is not None else None
    except StoreError:
        return None
    return held if isinstance(held, dict) else None


def _close_quietly(fd: int) -> None:
    with contextlib.suppress(OSError):
        os.close(fd)


def _copy_table(rows: Any) -> Any:
    """A table copied one level deep (one not read yet stays unread, with its writes)."""
    if isinstance(rows, _Unread):
        copy = _Unread(rows.where)
        copy.pending = list(rows.pending)
        return copy
    if isinstance(rows, lined.Rows):
        return rows.copy()
    return dict(rows)


def _checked_table(path: Path, name: str, rows: Any) -> dict[str, dict[str, Any]]:
    if not isinstance(rows, dict) or not all(isinstance(doc, dict) for doc in rows.values()):
        raise StoreError(f"{path}: table {name!r} is damaged (wrong types); left untouched")
    return rows


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
    atomic_write_chunks(path, (payload,))


def atomic_write_chunks(path: Path, chunks: Iterable[bytes]) -> None:
    """Write ``chunks`` one after the other to ``path`` so that a crash leaves the old or the
    new file whole (a big store is never held in memory as one piece)."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "wb") as handle:
            for chunk in chunks:
                handle.write(chunk)
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
