"""The store: the one object every other module reads and writes through.

`Store` holds a `factcheck.core.store.backend.Backend` (the file backend by default) and adds
what does not depend on where the data lives: models, transactions, schema checks, migrations.
Machine output (sources, passages, mentions, claims) and reviewer work (reviews, link decisions,
the change log) live in separate tables, so re-running the pipeline can never overwrite a review.

Writes are transactions::

    with store.transaction() as tx:      # takes the lock, reads what other processes wrote
        review = store.review(claim_id)  # fresh data
        tx.put("reviews", claim_id, new_review)
    # on exit: one durable commit (the file backend: a fsynced journal line), applied in memory

Reads return pydantic models; `raw` gives the stored dictionaries for fast paths (the TUI list,
reports over a large store) without validating every document.
"""

from __future__ import annotations

import contextlib
import math
import os
from collections.abc import Collection, Hashable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

import orjson
from pydantic import BaseModel, ValidationError

from factcheck import __version__
from factcheck.core.models import (
    SCHEMA_VERSION,
    ArticleKeysRecord,
    Change,
    Claim,
    KeyPostingsRecord,
    LinkDecision,
    Mention,
    Passage,
    Review,
    Source,
    Story,
    StoryDecision,
    StoryIndexRecord,
    utcnow,
)
from factcheck.core.store import lined, migrations
from factcheck.core.store.backend import (
    FORMAT_NAME,
    META_ID,
    META_TABLE,
    Backend,
    Op,
    StoreError,
)
from factcheck.core.store.files import FileBackend, MemoryBackend
from factcheck.core.store.postgres import is_database_url, redact
from factcheck.core.store.shapes import SHAPES

DEFAULT_PATH = Path("claims.json")
ENV_VAR = "FACTCHECK_DB"

TABLES: dict[str, type[BaseModel]] = {
    "sources": Source,
    "passages": Passage,
    "mentions": Mention,
    "claims": Claim,
    "reviews": Review,
    "decisions": LinkDecision,
    "changes": Change,
    "stories": Story,
    "story_decisions": StoryDecision,
    "article_keys": ArticleKeysRecord,
    "key_postings": KeyPostingsRecord,
    "story_index": StoryIndexRecord,
}
"""Table name -> model of its documents."""

M = TypeVar("M", bound=BaseModel)


def default_location(explicit: str | os.PathLike[str] | None = None) -> Path | str:
    """The store: ``explicit`` (``--db``), else ``$FACTCHECK_DB``, else ``./claims.json``; a
    ``postgresql://`` address stays a string, anything else is a file path."""
    chosen = explicit or os.environ.get(ENV_VAR)
    if not chosen:
        return DEFAULT_PATH
    if is_database_url(chosen):
        return str(chosen)
    return Path(chosen)


def default_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The store's file path (see `default_location`; a database address is refused)."""
    location = default_location(explicit)
    if isinstance(location, str):
        raise StoreError(f"{redact(location)}: a PostgreSQL database, not a store file")
    return location


def _key(model: BaseModel) -> str:
    for attr in ("id", "mention_id", "claim_id"):
        value = getattr(model, attr, None)
        if isinstance(value, str):
            return value
    raise TypeError(f"{type(model).__name__} has no id")


class Transaction:
    """Changes collected inside `Store.transaction`, written as one journal line."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self.ops: list[Op] = []

    def put(
        self, table: str, doc: BaseModel | Mapping[str, Any], doc_id: str | None = None
    ) -> None:
        """Insert or replace one document (a model, or a dict with ``doc_id``)."""
        if isinstance(doc, BaseModel):
            key = doc_id or _key(doc)
            body = doc.model_dump(mode="json")
        else:
            if doc_id is None:
                raise TypeError("a dict document needs doc_id")
            key, body = doc_id, dict(doc)
            where = _not_finite(body)
            if where is not None:
                raise StoreError(f"{table}/{key}: {where} is not a finite number (JSON cannot "
                                 "hold it); nothing was written")
        self.ops.append((table, key, body))

    def delete(self, table: str, doc_id: str) -> None:
        """Remove one document (no error when it is absent)."""
        self.ops.append((table, doc_id, None))


class Store:
    """A factcheck store on disk (or in memory for tests)."""

    def __init__(self, backend: Backend, path: Path | None = None) -> None:
        self.path = path
        self.backend = backend
        self._sound: dict[str, tuple[Hashable, dict[str, dict[str, Any]]]] = {}
        self._check_and_migrate()

    # Opening --------------------------------------------------------------------------------
    @classmethod
    def open(cls, path: str | os.PathLike[str] | None = None) -> Store:
        """Open the store at ``path`` (a file, or a ``postgresql://`` database, whose tables
        are created on first use); see `default_location`."""
        target = default_location(path)
        if isinstance(target, str):
            from factcheck.core.store.postgres import PostgresBackend

            backend = PostgresBackend(target)
            try:
                return cls(backend)
            except BaseException:
                backend.close()
                raise
        if target.exists() and target.is_dir():
            raise StoreError(f"{target}: is a folder, not a factcheck store")
        return cls(FileBackend(target), target)

    @property
    def location(self) -> str:
        """How messages and titles name the store: its path, or its database address without
        the password."""
        return str(self.path) if self.path is not None else self.backend.location

    def identity(self) -> str | None:
        """Who the store itself says the user is (a database role), or None (a file)."""
        identity = getattr(self.backend, "identity", None)
        return identity() if callable(identity) else None

    @classmethod
    def memory(cls) -> Store:
        """A scratch store that lives only in memory."""
        return cls(MemoryBackend())

    def _check_and_migrate(self) -> None:
        meta = self.backend.header()
        if meta is None:
            return  # a new, empty store: the header is written with the first change
        where = self.location
        version = meta.get("schema_version", 0) if isinstance(meta, dict) else None
        if not isinstance(version, int) or isinstance(version, bool) or version < 0:
            raise StoreError(f"{where}: damaged header (schema_version {version!r}); "
                             "the file was left untouched (try `factcheck doctor`)")
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{where}: written by a newer factcheck (schema {version}; this version reads "
                f"up to {SCHEMA_VERSION}); upgrade factcheck. The file was left untouched"
            )
        if version < SCHEMA_VERSION:
            self._migrate(version)

    def _migrate(self, version: int) -> None:
        self.backend.preserve(f"v{version}")
        with self.backend.locked():
            data = self.backend.read_all()
            try:
                migrated = migrations.migrate(data, version)
            except ValueError as exc:
                raise StoreError(f"{self.location}: cannot upgrade: {exc}; "
                                 "the file was left untouched") from exc
            migrated[META_TABLE][META_ID]["schema_version"] = SCHEMA_VERSION
            self.backend.replace_all(migrated)

    # Transactions -----------------------------------------------------------------------------
    @contextlib.contextmanager
    def transaction(self, *, bulk: bool = False) -> Iterator[Transaction]:
        """Lock, refresh, collect changes, then make them durable.

        A normal transaction is one fsynced journal line. A ``bulk`` one (re-linking a whole
        store) is applied in memory and written by an atomic rewrite of the main file instead,
        so a large change is not written twice; if that write fails, the in-memory data is
        reloaded from disk and the error raised, leaving both as they were.
        """
        tx = Transaction(self)
        with self.backend.locked():
            yield tx
            if tx.ops:
                if self.backend.header() is None:
                    tx.ops.insert(0, (META_TABLE, META_ID, self._new_header()))
                if bulk:
                    self.backend.commit_bulk(tx.ops)
                else:
                    self.backend.commit(tx.ops)
                if not bulk and self.backend.needs_compaction():
                    # The change is already durable in the journal: a failed compaction (full
                    # disk, read-only file) must not report it as lost. It is retried later.
                    with contextlib.suppress(StoreError):
                        self.backend.compact()

    def _new_header(self) -> dict[str, Any]:
        return {
            "format": FORMAT_NAME,
            "schema_version": SCHEMA_VERSION,
            "created": utcnow(),
            "created_by": f"factcheck {__version__}",
            "generation": getattr(self.backend, "generation", 0),
        }

    def compact(self) -> None:
        """Fold the journal into the main file (after bulk work, or to tidy up)."""
        with self.backend.locked():
            if self.backend.header() is None:
                return
            self.backend.compact()

    def has_pending(self) -> bool:
        """True when acknowledged changes are still only in the journal (crash-safe, but a copy
        of ``claims.json`` alone would not hold them)."""
        return self.backend.has_pending()

    def settle(self) -> bool:
        """Fold the journal into ``claims.json`` so the file alone holds every review: after
        every command and when the review TUI is idle or quits. True when it folded; False when
        there was nothing to fold or the store cannot be written here (a read-only copy: the
        journal stays, nothing is lost)."""
        if not self.has_pending():
            return False
        try:
            self.compact()
        except StoreError:
            return False
        return True

    def backup(self, target: Path) -> list[Path]:
        """Write a consistent copy of the whole store, reviews included, to ``target`` (one
        self-contained ``claims.json`` any factcheck opens) while others go on working."""
        return self.backend.backup(Path(target))

    def refresh(self) -> bool:
        """Pick up changes made by other processes; True when there were any."""
        if not self.changed_elsewhere():
            return False
        with self.backend.locked():
            return self.backend.last_refresh_changed

    def changed_elsewhere(self) -> bool:
        """Cheap check (no lock, no read) whether another process has written since we last
        read: the TUI polls it."""
        return self.backend.changed_elsewhere()

    @property
    def last_refresh_changed(self) -> bool:
        """Whether the last write or refresh found changes by other processes."""
        return self.backend.last_refresh_changed

    def snapshot(self) -> Store:
        """A read-only, in-memory copy of the current data, for a worker thread.

        Tables are copied one level deep: a write always replaces a document, never changes it
        in place, so the copy stays consistent while the reviewer goes on working.
        """
        copy = Store(self.backend.frozen())
        copy.path = self.path
        return copy

    def close(self) -> None:
        """Fold pending changes into the self-contained form when that is cheap to do here,
        and release locks and handles."""
        self.backend.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # Reading --------------------------------------------------------------------------------
    def raw(self, table: str) -> Mapping[str, dict[str, Any]]:
        """The stored documents of ``table`` by id, without validation. Do not modify."""
        return self.backend.documents(table)

    def sound(self, table: str) -> dict[str, dict[str, Any]]:
        """The documents of ``table`` whose structure readers rely on is intact (claims,
        reviews): a damaged one (``evidence`` a string, ``marks`` a list...) is left out of
        views and reports rather than stopping them; `damaged` names it, `doctor` repairs it.

        Every document at once: a view that keeps only a little of each should walk
        `sound_items` instead (a big store's claims are parsed when read, not held)."""
        docs = self.raw(table)
        check = SHAPES.get(table)
        if check is None:
            return dict(docs)
        if not _held(docs):
            return dict(self.sound_items(table))
        stamp = (self.backend.token(), id(docs), len(docs))
        kept = self._sound.get(table)
        if kept is None or kept[0] != stamp:
            # Checked once per state of the store: a listing, its review counts and its
            # verdicts all ask for the same table (100,000 claims take a second to check).
            kept = self._sound[table] = (stamp, {key: doc for key, doc in docs.items()
                                                 if check(doc)})
        return dict(kept[1])

    def sound_items(self, table: str) -> Iterator[tuple[str, dict[str, Any]]]:
        """(id, document) of each document of ``table`` that `sound` keeps, one at a time (a
        big store's lines whose structure the file records as sound are not checked again)."""
        docs = self.raw(table)
        if isinstance(docs, lined.Rows):
            return docs.passing(sound=True)
        check = SHAPES.get(table)
        items = docs.items()
        return iter(items) if check is None else (item for item in items if check(item[1]))

    def sound_heads(self, table: str) -> Iterator[tuple[str, dict[str, Any]]]:
        """`sound_items`, where documents may lack their tail fields (`shapes.TAILS`: a
        claim's evidence, a review's marks and notes), for a listing that reads none of them:
        a big store's lines are parsed only up to them."""
        docs = self.raw(table)
        if isinstance(docs, lined.Rows):
            return docs.passing(sound=True, heads=True)
        return self.sound_items(table)

    def having(self, table: str, field: str, values: Collection[Any],
               ids: Collection[str] = ()) -> Iterator[tuple[str, dict[str, Any]]]:
        """(id, stored document), in the store's order, of the documents of ``table`` whose
        top-level ``field`` is one of ``values`` (strings or None), or whose id is in ``ids``.
        A big store's lines are searched for the field's value before any is parsed (the
        claims of a few stories among 100,000 are found without parsing the others)."""
        wanted = set(values)
        name = orjson.dumps(field)
        items = self._searched(table, [name + b":" + orjson.dumps(value) for value in wanted],
                               ids)
        return ((key, doc) for key, doc in items
                if doc.get(field) in wanted or key in ids)

    def having_string(self, table: str, field: str) -> Iterator[tuple[str, dict[str, Any]]]:
        """(id, stored document), in the store's order, of the documents of ``table`` whose
        top-level ``field`` is a string (the superseded sources among 100,000: their lines
        are found by searching for the field before any is parsed)."""
        items = self._searched(table, [orjson.dumps(field) + b':"'])
        return ((key, doc) for key, doc in items if isinstance(doc.get(field), str))

    def _searched(self, table: str, tokens: Collection[bytes],
                  ids: Collection[str] = ()) -> Iterator[tuple[str, dict[str, Any]]]:
        """(id, document) of ``table`` that may hold one of ``tokens`` (their JSON), or whose
        id is in ``ids``: a big store's lines are searched first (`lined.Rows.having`), other
        backends give every document. The caller checks what it wants of each."""
        docs = self.raw(table)
        return docs.having(tokens, ids) if isinstance(docs, lined.Rows) else iter(docs.items())

    def sound_doc(self, table: str, doc_id: str) -> dict[str, Any] | None:
        """One document of ``table`` if its structure is intact (see `sound`), else None."""
        doc = self.raw(table).get(doc_id)
        check = SHAPES.get(table)
        return doc if doc is not None and (check is None or check(doc)) else None

    def damaged(self, table: str) -> list[str]:
        """Ids of the documents of ``table`` that `sound` leaves out."""
        check = SHAPES.get(table)
        if check is None:
            return []
        return [key for key, doc in self.raw(table).items() if not check(doc)]

    def source_text(self, source_id: str) -> str:
        """The cleaned text of one source, read from the corpus alone ("" when the source or
        its text is missing). Offsets of passages and mentions point into it."""
        return self.backend.source_text(source_id) or ""

    def corpus_of(self, table: str, source_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """The stored documents of the corpus table ``table`` (``passages`` or ``mentions``)
        that belong to ``source_ids``, by id, reading only those sources' part of the corpus:
        what a view of one claim or one article should use instead of the whole table."""
        return self.backend.documents_of(table, source_ids)

    def whole_corpus(self) -> Corpus:
        """Every passage and mention (stored documents, by id) and every source's text, read
        in one pass: what a whole re-link or a report of every claim needs, instead of
        reading the corpus once per table."""
        return Corpus(*self.backend.corpus())

    def get(self, table: str, doc_id: str) -> BaseModel | None:
        """One document of ``table`` as its model, or None."""
        doc = self.raw(table).get(doc_id)
        return None if doc is None else self._validate(table, doc_id, doc)

    def all(self, table: str) -> list[Any]:
        """Every document of ``table`` as models (validates all: not for hot paths)."""
        return [self._validate(table, key, doc) for key, doc in self.raw(table).items()]

    def lazy(self, table: str, docs: Mapping[str, dict[str, Any]]) -> Mapping[str, Any]:
        """Stored documents of ``table`` (as `raw` gives them, by id) read as models only when
        looked up: a pass that needs a few of thousands validates those few."""
        return _Lazy(self, table, docs)

    def validated(self, table: str, docs: Iterable[dict[str, Any]]) -> list[Any]:
        """Some stored documents of ``table`` (as `raw` gives them) as models."""
        return [self._validate(table, str(doc.get("id") or doc.get("claim_id") or "?"), doc)
                for doc in docs]

    def _validate(self, table: str, doc_id: str, doc: dict[str, Any]) -> BaseModel:
        if table == "sources" and "text" not in doc:
            doc = {**doc, "text": self.source_text(doc_id)}  # kept in the corpus
        try:
            return TABLES[table].model_validate(doc)
        except ValidationError as exc:
            where = self.location
            first = exc.errors()[0]
            field = ".".join(str(p) for p in first.get("loc", ()))
            raise StoreError(
                f"{where}: document {doc_id!r} in {table!r} is damaged ({field}: {first['msg']}); "
                "run `factcheck doctor`"
            ) from exc

    def source(self, source_id: str) -> Source | None:
        """One source by id."""
        return self.get("sources", source_id)  # type: ignore[return-value]

    def sources(self, *, current_only: bool = True,
                texts: Mapping[str, str] | None = None) -> list[Source]:
        """Sources in ingest order; by default only the current version of each article.
        ``texts`` (from `whole_corpus`) saves reading each source's text again."""
        if texts is None:
            result: list[Source] = self.all("sources")
        else:
            result = [self._validate("sources", sid, {**doc, "text": texts.get(sid, "")}
                                     if "text" not in doc else doc)  # type: ignore[misc]
                      for sid, doc in self.raw("sources").items()]
        if current_only:
            result = [s for s in result if s.superseded_by is None]
        return result

    def passage(self, passage_id: str) -> Passage | None:
        """One passage by id."""
        return self.get("passages", passage_id)  # type: ignore[return-value]

    def passages(self, source_id: str | None = None) -> list[Passage]:
        """Passages of one source (in text order), or of all sources."""
        rows = self.corpus_of("passages", [source_id]) if source_id else self.raw("passages")
        docs = [(k, d) for k, d in rows.items() if not source_id or d.get("source_id") == source_id]
        models: list[Passage] = [self._validate("passages", k, d) for k, d in docs]  # type: ignore[misc]
        return sorted(models, key=lambda p: (p.source_id, p.start))

    def mentions(self, source_id: str | None = None,
                 source_ids: Iterable[str] | None = None) -> list[Mention]:
        """Extracted mentions: all, or those of one source or of some sources."""
        if source_id is None and source_ids is None:
            return self.all("mentions")
        wanted = {source_id} if source_id is not None else set(source_ids or ())
        return [
            m for mid, doc in self.corpus_of("mentions", wanted).items()
            if doc.get("source_id") in wanted
            and isinstance(m := self._validate("mentions", mid, doc), Mention)
        ]

    def claim(self, claim_id: str) -> Claim | None:
        """One tracked claim by id."""
        return self.get("claims", claim_id)  # type: ignore[return-value]

    def claims(self) -> list[Claim]:
        """All tracked claims."""
        return self.all("claims")

    def review(self, claim_id: str) -> Review | None:
        """The review of one claim, if any reviewer touched it."""
        return self.get("reviews", claim_id)  # type: ignore[return-value]

    def reviews(self) -> dict[str, Review]:
        """Reviews by claim id."""
        return {r.claim_id: r for r in self.all("reviews")}

    def decisions(self) -> list[LinkDecision]:
        """Reviewers' link decisions."""
        return self.all("decisions")

    def changes(self, target: str | None = None) -> list[Change]:
        """The change log (of one claim or source), oldest first."""
        rows = self.raw("changes")
        docs = [(k, d) for k, d in rows.items() if target is None or d.get("target") == target]
        models: list[Change] = [self._validate("changes", k, d) for k, d in docs]  # type: ignore[misc]
        return sorted(models, key=lambda c: (c.at, c.id))

    def header(self) -> dict[str, Any]:
        """The store's header (format, schema version, generation...)."""
        return dict(self.raw(META_TABLE).get(META_ID, {}))

    def is_empty(self) -> bool:
        """True when the store holds no sources."""
        return not self.raw("sources")


def _held(docs: Mapping[str, Any]) -> bool:
    """Whether a table's documents are held in memory (not a big store's lines parsed on
    every lookup, `lined.Rows` without ``keep``), so checking them once may be remembered."""
    return not isinstance(docs, lined.Rows) or docs.keep


class Corpus(NamedTuple):
    """The whole corpus as stored (`Store.whole_corpus`)."""

    passages: dict[str, dict[str, Any]]
    mentions: dict[str, dict[str, Any]]
    texts: dict[str, str]
    """Source id -> cleaned text."""


class _Lazy(Mapping[str, Any]):
    """`Store.lazy`: a read-only mapping of ids to models, each validated on first lookup."""

    def __init__(self, store: Store, table: str, docs: Mapping[str, dict[str, Any]]) -> None:
        self._store, self._table, self._docs = store, table, docs
        self._models: dict[str, Any] = {}

    def __getitem__(self, key: str) -> Any:
        found = self._models.get(key)
        if found is None:
            found = self._store._validate(self._table, key, self._docs[key])
            self._models[key] = found
        return found

    def __contains__(self, key: object) -> bool:
        return key in self._docs

    def __iter__(self) -> Iterator[str]:
        return iter(self._docs)

    def __len__(self) -> int:
        return len(self._docs)


def _not_finite(value: Any) -> str | None:
    """The path of the first NaN or infinity in a document (a model never holds one)."""
    return _path_of_not_finite(value) if _holds_not_finite(value) else None


def _holds_not_finite(value: Any) -> bool:
    """Whether a document holds a NaN or infinity (the common case, no: no paths are made)."""
    if isinstance(value, float):
        return not math.isfinite(value)
    if isinstance(value, dict):
        value = value.values()
    elif not isinstance(value, list | tuple):
        return False
    return any(_holds_not_finite(v) for v in value if not isinstance(v, _PLAIN))


_PLAIN = (str, int, bool, type(None))
"""What a document holds most and can never be a NaN."""


def _path_of_not_finite(value: Any, path: str = "") -> str | None:
    if isinstance(value, float):
        return None if math.isfinite(value) else (path or "value")
    if isinstance(value, dict):
        for k, v in value.items():
            found = _path_of_not_finite(v, f"{path}.{k}" if path else str(k))
            if found:
                return found
    elif isinstance(value, list | tuple):
        for n, v in enumerate(value):
            found = _path_of_not_finite(v, f"{path}[{n}]")
            if found:
                return found
    return None
