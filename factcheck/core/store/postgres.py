"""The PostgreSQL backend: one store in a server database, for a desk of reviewers on many machines.

Open it with ``--db postgresql://USER@HOST/DATABASE`` (or ``FACTCHECK_DB``); any libpq address
works (``postgresql:///factcheck?host=/var/run/postgresql`` for a local socket, a password from
``~/.pgpass`` or ``PGPASSWORD``). Two SQL tables hold the store, in the connection's schema:

* ``factcheck_documents (tbl, id, doc, seq, pos)``: every document of every store table, its
  JSON as text (kept byte for byte: no key reordering, no lost precision), the number of the
  transaction that wrote it last, and its place in its table (documents are read back in the
  order they were first written, as from the file). A deleted document stays as a row with
  ``doc`` NULL until the next `compact`, so that other processes see the deletion;
* ``factcheck_state``: one row, the SQL layout's version, the *generation* (advanced when the
  whole store is replaced, which makes every reader reload) and the number of the last
  transaction.

Each `commit` (a mark, a note, a verdict, a link decision: one change and its log entry) is one
SQL transaction; writes are serialized by an advisory lock (`locked`), and whoever takes it first
reads the rows others wrote since (``seq`` greater than the last it saw), so a read-modify-write
never loses an update. A client killed mid-transaction leaves nothing: the server rolls it back.
Other processes' changes reach an open TUI through the same cheap check (`changed_elsewhere`
reads the one state row), so no notification channel has to stay open.

The reviewer's name defaults to the database role (`identity`): a desk gives each reviewer a
login role, and an editor a role that may only read (see the README).
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Hashable, Iterator, Sequence
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import orjson

from factcheck.core.store.backend import Data, Op, StoreError
from factcheck.core.store.files import MemoryBackend

SQL_VERSION = 1
"""Version of the SQL layout below (the documents inside have their own schema_version)."""

DOCS = "factcheck_documents"
STATE = "factcheck_state"

CREATE_SQL = f"""
CREATE TABLE IF NOT EXISTS {DOCS} (
    tbl text NOT NULL,
    id text NOT NULL,
    doc text,
    seq bigint NOT NULL,
    pos bigserial NOT NULL,
    PRIMARY KEY (tbl, id)
);
CREATE INDEX IF NOT EXISTS {DOCS}_seq ON {DOCS} (seq);
CREATE TABLE IF NOT EXISTS {STATE} (
    one boolean PRIMARY KEY DEFAULT true CHECK (one),
    sql_version integer NOT NULL,
    generation bigint NOT NULL,
    seq bigint NOT NULL
);
INSERT INTO {STATE} (sql_version, generation, seq) VALUES ({SQL_VERSION}, 1, 0)
    ON CONFLICT (one) DO NOTHING;
"""

SCHEMES = ("postgresql://", "postgres://")


def is_database_url(location: object) -> bool:
    """Whether a ``--db`` value names a PostgreSQL database rather than a file."""
    return isinstance(location, str) and location.lower().startswith(SCHEMES)


def redact(url: str) -> str:
    """The address without its password (for messages and titles)."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return "postgresql://…"
    if parts.password is None:
        return url
    host = parts.hostname or ""
    netloc = f"{parts.username or ''}:***@{host}" + (f":{parts.port}" if parts.port else "")
    return urlunsplit(parts._replace(netloc=netloc))


def _problem(exc: BaseException) -> str:
    """The first line of a driver error, without its noise."""
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return re.sub(r"^(FATAL|ERROR):\s*", "", text)


class PostgresBackend(MemoryBackend):
    """A store in a PostgreSQL database (see the module docstring).

    The live data is kept in memory as by the file backend (the TUI and the stages read it
    directly); the database is the durable, shared copy that every write goes to first.
    """

    path = None

    def __init__(self, url: str, *, create: bool = True) -> None:
        super().__init__()
        self.url = url
        self.location = redact(url)
        self._generation = 0
        self._seq = 0
        try:
            import psycopg
        except ImportError as exc:  # pragma: no cover - a dependency of the package
            raise StoreError(f"{self.location}: the PostgreSQL driver (psycopg) is not "
                             "installed; `pip install 'psycopg[binary]'`") from exc
        self._psycopg = psycopg
        self._conn = self._connect()
        self._lock_key = 0
        with self._sql("open the store"):
            row = self._conn.execute(
                "SELECT to_regclass(%s) IS NOT NULL, to_regclass(%s) IS NOT NULL, "
                "hashtext('factcheck:' || coalesce(current_schema(), ''))",
                (DOCS, STATE)).fetchone()
            assert row is not None
            has_docs, has_state, self._lock_key = row
            if not (has_docs and has_state):
                if not create:
                    raise StoreError(f"{self.location}: no factcheck store in this database")
                with self._conn.transaction():
                    self._conn.execute("SELECT pg_advisory_xact_lock(%s)", (self._lock_key,))
                    self._conn.execute(CREATE_SQL)
            version = self._conn.execute(f"SELECT sql_version FROM {STATE}").fetchone()
            if version is None or version[0] > SQL_VERSION:
                raise StoreError(f"{self.location}: the database's factcheck tables are of a "
                                 f"newer version ({version and version[0]}); upgrade factcheck")
        self._load_all()

    # Talking to the server ------------------------------------------------------------------
    def _connect(self) -> Any:
        try:
            return self._psycopg.connect(self.url, autocommit=True, connect_timeout=10,
                                         application_name="factcheck")
        except (self._psycopg.Error, ValueError) as exc:
            raise StoreError(f"{self.location}: cannot connect: {_problem(exc)}") from exc

    def _reconnect_if_lost(self) -> None:
        """After the server restarted or the network dropped, connect again (only between
        operations: never while this process holds the lock, which the old session held)."""
        if self._conn.closed or self._conn.broken:
            with contextlib.suppress(self._psycopg.Error):
                self._conn.close()
            self._conn = self._connect()

    @contextlib.contextmanager
    def _sql(self, doing: str) -> Iterator[None]:
        """Turn driver errors into one-line `StoreError`s naming the database."""
        try:
            yield
        except self._psycopg.Error as exc:
            if isinstance(exc, self._psycopg.errors.InsufficientPrivilege):
                raise StoreError(f"{self.location}: cannot {doing}: permission denied (this "
                                 "database role may only read); nothing was changed") from exc
            raise StoreError(f"{self.location}: cannot {doing}: {_problem(exc)}; nothing "
                             "stored was changed") from exc

    def _state(self) -> tuple[int, int]:
        row = self._conn.execute(f"SELECT generation, seq FROM {STATE}").fetchone()
        if row is None:
            raise StoreError(f"{self.location}: the factcheck state row is missing "
                             "(a damaged database?)")
        return int(row[0]), int(row[1])

    def identity(self) -> str | None:
        """The database role this connection logged in as."""
        with self._sql("read the role"):
            row = self._conn.execute("SELECT current_user").fetchone()
        return str(row[0]) if row else None

    # Loading --------------------------------------------------------------------------------
    def _load_all_unguarded(self) -> None:
        loads = orjson.loads
        with self._sql("read the store"), self._conn.transaction():
            self._conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            generation, seq = self._state()
            data: Data = {}
            cursor = self._conn.execute(
                f"SELECT tbl, id, doc FROM {DOCS} WHERE doc IS NOT NULL ORDER BY pos")
            for table, doc_id, doc in cursor:
                rows = data.get(table)
                if rows is None:
                    rows = data[table] = {}
                try:
                    rows[doc_id] = loads(doc)
                except orjson.JSONDecodeError:
                    rows[doc_id] = self._decode(table, doc_id, doc)  # raises, naming it
        self.data, self._generation, self._seq = data, generation, seq
        self._writes += 1

    def _decode(self, table: str, doc_id: str, doc: str) -> Any:
        try:
            return orjson.loads(doc)
        except orjson.JSONDecodeError as exc:
            raise StoreError(f"{self.location}: {table}/{doc_id} is not JSON ({exc}); "
                             "nothing was changed") from exc

    def reload(self) -> None:
        """Read the whole store again."""
        self._load_all()

    def refresh(self) -> bool:
        """Apply what other processes committed since the last read; True when anything did."""
        with self._sql("read the store"):
            generation, seq = self._state()
            if generation == self._generation and seq == self._seq:
                return False
            rows: list[tuple[str, str, str | None]] = []
            if generation == self._generation:
                with self._conn.transaction():
                    self._conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
                    generation, seq = self._state()
                    if generation == self._generation:
                        rows = self._conn.execute(
                            f"SELECT tbl, id, doc FROM {DOCS} WHERE seq > %s ORDER BY seq, pos",
                            (self._seq,)).fetchall()
        if generation != self._generation:
            self._load_all()
            return True
        ops: list[Op] = [(table, doc_id, None if doc is None
                          else self._decode(table, doc_id, doc)) for table, doc_id, doc in rows]
        self.apply(ops)
        self._seq = seq
        return True

    # Locking --------------------------------------------------------------------------------
    def _acquire(self) -> None:
        self._reconnect_if_lost()
        with self._sql("lock the store"):
            self._conn.execute("SELECT pg_advisory_lock(%s)", (self._lock_key,))

    def _release(self) -> None:
        if self._conn.closed:
            return
        with contextlib.suppress(self._psycopg.Error):
            self._conn.execute("SELECT pg_advisory_unlock(%s)", (self._lock_key,))

    def token(self) -> Hashable:
        """The generation and the last transaction's number: both move with every write."""
        try:
            if self._depth == 0:
                self._reconnect_if_lost()
            return self._state()
        except (self._psycopg.Error, StoreError):
            return None

    def changed_elsewhere(self) -> bool:
        """Whether anyone committed since this process last read (one tiny query). A lost
        connection is made again here; when the server cannot be reached, False (the next
        write says why in one line)."""
        try:
            if self._depth == 0:
                self._reconnect_if_lost()
            return self._state() != (self._generation, self._seq)
        except (self._psycopg.Error, StoreError):
            return False

    # Writing --------------------------------------------------------------------------------
    def _write(self, ops: Sequence[Op], *, replace: bool, doing: str) -> None:
        """One SQL transaction: the ops (all or none), the state row advanced."""
        if self._depth == 0:
            raise RuntimeError("a write outside locked()")
        rows = [(table, doc_id, None if doc is None else orjson.dumps(doc).decode())
                for table, doc_id, doc in ops]
        with self._sql(doing), self._conn.transaction():
            seq = self._seq + 1
            generation = self._generation + (1 if replace else 0)
            if replace:
                self._conn.execute(f"DELETE FROM {DOCS}")
                rows = [row for row in rows if row[2] is not None]
            with self._conn.cursor() as cursor:
                cursor.executemany(
                    f"INSERT INTO {DOCS} (tbl, id, doc, seq) VALUES (%s, %s, %s, {seq}) "
                    "ON CONFLICT (tbl, id) DO UPDATE SET doc = EXCLUDED.doc, seq = EXCLUDED.seq",
                    rows)
            self._conn.execute(f"UPDATE {STATE} SET seq = %s, generation = %s", (seq, generation))
        self._seq, self._generation = seq, generation

    def commit(self, ops: Sequence[Op]) -> None:
        """One change, durable when the server acknowledges its transaction."""
        if not ops:
            return
        self._write(ops, replace=False, doing="save the change")
        self.apply(ops)

    def append(self, ops: list[Op]) -> None:
        """The file backend's name for `commit` (kept for callers of the memory backend)."""
        self.commit(ops)

    def commit_bulk(self, ops: Sequence[Op]) -> None:
        """A large change: still one transaction (rows are sent in one batch)."""
        self.commit(ops)

    def replace_all(self, data: Data) -> None:
        """Replace every document in one transaction; other processes reload."""
        ops: list[Op] = [(table, doc_id, doc) for table, docs in data.items()
                         for doc_id, doc in docs.items()]
        self._write(ops, replace=True, doing="replace the store")
        self.data = data
        self._writes += 1
        # Every old row is now dead: without fresh statistics the planner reads the whole
        # bloated table for each refresh of other reviewers (18 ms a mark instead of 1-2 ms).
        with contextlib.suppress(self._psycopg.Error):
            self._conn.execute(f"VACUUM (ANALYZE) {DOCS}")

    # Durability -----------------------------------------------------------------------------
    def compact(self) -> None:
        """Drop the rows of deleted documents; readers reload (the generation moves)."""
        with self._sql("compact the store"), self._conn.transaction():
            gone = self._conn.execute(f"DELETE FROM {DOCS} WHERE doc IS NULL").rowcount
            if gone:
                self._generation += 1
                self._seq += 1
                self._conn.execute(f"UPDATE {STATE} SET seq = %s, generation = %s",
                                   (self._seq, self._generation))

    def has_pending(self) -> bool:
        """Nothing waits: every change is in the database when acknowledged."""
        return False

    def preserve(self, reason: str) -> str | None:
        """Copy the documents table before an upgrade; return the copy's name."""
        stamp = datetime.now(UTC).strftime("%Y%m%dt%H%M%S")
        name = f"{DOCS}_{re.sub(r'[^a-z0-9]', '_', reason.lower())}_{stamp}"
        with self._sql(f"back up before the {reason} upgrade"):
            self._conn.execute(f'CREATE TABLE "{name}" AS TABLE {DOCS}')
        return name

    def close(self) -> None:
        """Release the lock and the connection."""
        if not self._conn.closed:
            self._release()
            self._conn.close()
