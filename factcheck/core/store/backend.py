"""The backend interface: every operation the store asks of the place its data lives.

`factcheck.core.store.Store` is the only user of a backend; the pipeline, the TUI, the CLI and
the reports talk to the `Store`. A backend keeps documents (JSON objects) in named tables, each
document under a string id, plus a header (``_meta`` / ``store``) that names the format, the
schema version and whatever the backend needs (the file backend's *generation*).

Two kinds of tables:

* **review tables** (`REVIEW_TABLES` and every other table not in `CORPUS_TABLES`): what a
  reviewer works on: claims, reviews, link and story decisions, the change log, stories and the
  sources' metadata. Small enough to read whole when a store opens.
* **corpus tables** (`CORPUS_TABLES`): what is bulky and read rarely: passages and mentions,
  and the text of each source (`CORPUS_FIELDS`). Every corpus document carries a ``source_id``;
  a backend may keep them apart and load them per source (`documents_of`, `source_text`) only
  when they are shown. Reading a whole corpus table (`documents`) is allowed, and is what
  linking and full reports do.

A write is a list of operations (`Op`): ``(table, doc_id, document)`` puts (inserts or
replaces) a whole document, ``(table, doc_id, None)`` deletes it. Documents are replaced, never
changed in place: a reader holding a document (or a `snapshot`) keeps a consistent value.

Atomicity every backend promises:

* `commit`: all operations of one call become durable together, or none do; when it returns,
  they survive a crash. Readers (in this and other processes) see all of them or none.
* `put_if`: one document written only when its stored value is still the one the caller saw.
* `replace_all` and `commit_bulk`: the same all-or-nothing promise for large changes (a
  migration, a repair, re-linking a whole store); cheaper per document than `commit`.
* `locked`: the one write lock of the store across processes and machines; every write happens
  under it, and on taking it the backend first reads what others wrote (so a read-modify-write
  inside it never loses an update).
* `backup`: a consistent copy (as of one moment) while others go on writing.

The backends: `factcheck.core.store.files.FileBackend` (``claims.json`` with its journal; it
keeps the review tables in memory and reads the corpus per source from the file),
`factcheck.core.store.postgres.PostgresBackend` (a PostgreSQL database a desk of several
machines shares) and `factcheck.core.store.files.MemoryBackend` (tests and scratch stores).
"""

from __future__ import annotations

import contextlib
from abc import ABC, abstractmethod
from collections.abc import Hashable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

Data = dict[str, dict[str, Any]]
"""Every table of a store: ``{table: {doc_id: document}}`` (TinyDB's JSON layout)."""

Op = tuple[str, str, dict[str, Any] | None]
"""One write: put ``document`` under ``doc_id`` in ``table``, or delete it (``None``)."""

META_TABLE = "_meta"
META_ID = "store"
FORMAT_NAME = "factcheck"

REVIEW_TABLES = ("reviews", "decisions", "changes", "story_decisions")
"""Reviewer work: never rewritten by the pipeline, never lost by a backend."""

CORPUS_TABLES = ("passages", "mentions")
"""Bulky machine output read per source; every document has a ``source_id``."""

CORPUS_FIELDS: dict[str, tuple[str, ...]] = {"sources": ("text",)}
"""Fields of review-table documents that belong to the corpus (read with `source_text`)."""


class StoreError(Exception):
    """A store that cannot be opened or written; the message names the place and the problem."""


class Backend(ABC):
    """Where a store's tables live. Subclasses implement the abstract methods; the others have
    working defaults built on them, which a backend may replace with faster ones."""

    location: str = "store"
    """How messages name the store (a path, or a database address without its password)."""

    path: Path | None = None
    """The main file of a file-based store (None for a database or memory)."""

    last_refresh_changed: bool = False
    """Whether the refresh done on the last `locked` entry found changes by others."""

    # Reading ---------------------------------------------------------------------------------
    @abstractmethod
    def documents(self, table: str) -> Mapping[str, dict[str, Any]]:
        """Every document of ``table`` by id, as stored (unvalidated). Callers must not modify
        them. For a corpus table this reads the whole corpus; review tables are cheap.

        Source documents come without their `CORPUS_FIELDS` (see `source_text`).
        """

    def document(self, table: str, doc_id: str) -> dict[str, Any] | None:
        """One document of ``table``, or None."""
        return self.documents(table).get(doc_id)

    @abstractmethod
    def documents_of(self, table: str, source_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """The documents of the corpus table ``table`` that belong to ``source_ids``, reading
        only those sources' part of the corpus."""

    @abstractmethod
    def source_text(self, source_id: str) -> str | None:
        """The cleaned text of one source (None when the source or its text is missing)."""

    def corpus(self) -> tuple[dict[str, dict[str, Any]], dict[str, dict[str, Any]],
                              dict[str, str]]:
        """The whole corpus in one read: every passage and every mention by id, and every
        source's text (a whole re-link, a report of every claim). The result belongs to the
        caller."""
        texts = {sid: text for sid in self.documents("sources")
                 if (text := self.source_text(sid)) is not None}
        return dict(self.documents("passages")), dict(self.documents("mentions")), texts

    @abstractmethod
    def table_names(self) -> list[str]:
        """The names of the tables that hold documents (including `META_TABLE`)."""

    def header(self) -> dict[str, Any] | None:
        """The store's header (format, schema_version...), or None for a new, empty store."""
        return self.document(META_TABLE, META_ID)

    def read_all(self) -> Data:
        """Every table in full, sources with their text: the whole store as one `Data`
        (doctor, migrations, `migrate-store`). The result belongs to the caller."""
        data: Data = {name: dict(self.documents(name)) for name in self.table_names()}
        for source_id, doc in list(data.get("sources", {}).items()):
            text = self.source_text(source_id)
            if text is not None:
                data["sources"][source_id] = {**doc, "text": text}
        return data

    def frozen(self) -> Backend:
        """A read-only copy of the data as it is now, for a worker thread: later writes here
        do not change it. (This default copies everything into memory; a backend may share
        what never changes in place, as the file backend shares its corpus file.)"""
        from factcheck.core.store.files import MemoryBackend

        return MemoryBackend(self.read_all())

    def snapshot(self) -> Data:
        """The review tables as they are now, copied one level deep, for a worker thread (the
        corpus is read through a backend of its own; see `factcheck.core.store.Store.snapshot`)."""
        return {name: dict(self.documents(name)) for name in self.table_names()
                if name not in CORPUS_TABLES}

    # Writing ---------------------------------------------------------------------------------
    @abstractmethod
    def locked(self) -> contextlib.AbstractContextManager[None]:
        """Hold the store's write lock (re-entrant within a process).

        Entering the outermost level takes the lock across processes, then refreshes (reads what
        others wrote) and sets `last_refresh_changed`. Every write method requires it.
        """

    @abstractmethod
    def commit(self, ops: Sequence[Op]) -> None:
        """Make one transaction durable and visible: all of ``ops`` or none.

        Must be called inside `locked`. When it returns the change survives a crash; when it
        raises `StoreError`, nothing of it was stored and the live view is unchanged. Puts of
        source documents may carry the source's text; the backend keeps it in the corpus.
        """

    @abstractmethod
    def commit_bulk(self, ops: Sequence[Op]) -> None:
        """Like `commit`, for a large change (re-linking or re-ingesting a whole store): the
        backend may rewrite its data instead of logging each operation."""

    @abstractmethod
    def replace_all(self, data: Data) -> None:
        """Replace the whole content of the store with ``data`` (every table, header included,
        sources with their text), atomically: after a crash the store holds the old or the new
        content. Used by migrations and repairs, inside `locked`."""

    def put_if(self, table: str, doc_id: str, doc: dict[str, Any] | None,
               expected: dict[str, Any] | None) -> bool:
        """Conditional write of one document: store ``doc`` (None deletes) only when the stored
        document still equals ``expected`` (None: absent). True when written.

        Atomic with respect to every other writer: takes the lock, compares, commits.
        """
        with self.locked():
            if self.document(table, doc_id) != expected:
                return False
            self.commit([(table, doc_id, doc)])
            return True

    # Change log ------------------------------------------------------------------------------
    def changes_of(self, target: str | None = None) -> list[dict[str, Any]]:
        """The change log (table ``changes``), of one claim or source, unordered. Changes are
        appended with `commit`, in the same transaction as what they log."""
        rows = self.documents("changes").values()
        return [doc for doc in rows if target is None or doc.get("target") == target]

    # Other writers ---------------------------------------------------------------------------
    @abstractmethod
    def token(self) -> Hashable:
        """A cheap value (no lock, no read of the data) that differs after any write by anyone:
        a watcher that keeps it can tell whether the store changed since (a server backend may
        return a counter its notifications advance)."""

    @abstractmethod
    def changed_elsewhere(self) -> bool:
        """Cheap check (no lock, no read of the data) whether another process has written
        since this one last read: the TUI polls it to know when to `refresh`."""

    @abstractmethod
    def refresh(self) -> bool:
        """Read what other processes wrote since; True when anything changed."""

    @abstractmethod
    def reload(self) -> None:
        """Forget the live view and read the durable state again (after a failed bulk write)."""

    # Durability and copies -------------------------------------------------------------------
    @abstractmethod
    def compact(self) -> None:
        """Fold pending writes into the backend's self-contained form (the file backend: the
        journal into ``claims.json``), inside `locked`. Nothing acknowledged may be lost."""

    def needs_compaction(self) -> bool:
        """True when pending writes have grown enough to be worth a `compact`."""
        return False

    def has_pending(self) -> bool:
        """True when some acknowledged writes are not yet in the self-contained form."""
        return False

    @abstractmethod
    def backup(self, target: Path) -> list[Path]:
        """Write a consistent, complete copy of the store to ``target`` (a file store that any
        factcheck opens) while others work; return the paths written."""

    def preserve(self, reason: str) -> str | None:
        """Keep a copy of the durable state before an upgrade or repair; return where it is
        (None when there is nothing to keep, as in memory)."""
        return None

    @abstractmethod
    def close(self) -> None:
        """Release locks, handles and connections."""

    # Helpers for subclasses ------------------------------------------------------------------
    @staticmethod
    def split_source(doc: dict[str, Any]) -> tuple[dict[str, Any], str | None]:
        """A source document without its corpus fields, and its text."""
        if "text" not in doc:
            return doc, None
        meta = {k: v for k, v in doc.items() if k != "text"}
        text = doc["text"]
        return meta, text if isinstance(text, str) else None


def apply_ops(data: Data, ops: Iterable[Op] | Iterable[list[Any]]) -> None:
    """Apply operations to in-memory tables: a document replaces, ``None`` deletes."""
    for table, doc_id, doc in ops:
        rows = data.setdefault(table, {})
        if doc is None:
            rows.pop(doc_id, None)
        else:
            rows[doc_id] = doc


@contextlib.contextmanager
def no_lock() -> Iterator[None]:
    """A lock that is not one (read-only snapshots)."""
    yield


__all__ = [
    "CORPUS_FIELDS",
    "CORPUS_TABLES",
    "FORMAT_NAME",
    "META_ID",
    "META_TABLE",
    "REVIEW_TABLES",
    "Backend",
    "Data",
    "Op",
    "StoreError",
    "apply_ops",
]
