"""The backend interface: what every backend promises, run on the memory, the file and the
PostgreSQL backend (the last on a real server: see `tests.postgres`).

Another backend runs the same tests by adding itself to the ``backend`` fixture.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from factcheck.core.store import (
    META_ID,
    META_TABLE,
    Backend,
    FileBackend,
    MemoryBackend,
    Store,
    StoreError,
)
from factcheck.core.store.postgres import PostgresBackend

HEADER = {"format": "factcheck", "schema_version": 1, "generation": 0}


def _open(kind: str, request: pytest.FixtureRequest, tmp_path: Path) -> Backend:
    if kind == "memory":
        return MemoryBackend()
    if kind == "file":
        return FileBackend(tmp_path / "claims.json")
    return PostgresBackend(request.getfixturevalue("pg_url"))


@pytest.fixture(params=["memory", "file", "postgres"])
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Backend]:
    made = _open(request.param, request, tmp_path)
    with made.locked():
        made.commit([(META_TABLE, META_ID, dict(HEADER))])
    yield made
    made.close()


def _source(n: int) -> dict[str, object]:
    return {"id": f"s-{n}", "file": f"{n}.txt", "sha256": "x" * 64, "text": f"Text {n}."}


def test_commit_puts_and_deletes_all_operations(backend: Backend) -> None:
    with backend.locked():
        backend.commit([("sources", "s-1", _source(1)), ("sources", "s-2", _source(2))])
        backend.commit([("sources", "s-1", None)])
    assert sorted(backend.documents("sources")) == ["s-2"]
    assert backend.source_text("s-2") == "Text 2."
    assert backend.document("sources", "s-1") is None


def test_documents_of_reads_one_source(backend: Backend) -> None:
    passages = [("passages", f"p-{n}", {"id": f"p-{n}", "source_id": f"s-{n % 2}"})
                for n in range(4)]
    with backend.locked():
        backend.commit(passages)
    assert sorted(backend.documents_of("passages", ["s-1"])) == ["p-1", "p-3"]
    assert len(backend.documents("passages")) == 4


def test_put_if_refuses_a_write_over_what_the_caller_did_not_see(backend: Backend) -> None:
    first = {"claim_id": "c-1", "notes": []}
    assert backend.put_if("reviews", "c-1", first, None)
    assert not backend.put_if("reviews", "c-1", {"claim_id": "c-1", "notes": [1]}, None)
    assert backend.document("reviews", "c-1") == first
    assert backend.put_if("reviews", "c-1", None, first)
    assert backend.document("reviews", "c-1") is None


def test_bulk_and_replace_all(backend: Backend) -> None:
    with backend.locked():
        backend.commit_bulk([("claims", f"c-{n}", {"id": f"c-{n}"}) for n in range(50)])
    assert len(backend.documents("claims")) == 50
    data = backend.read_all()
    data["claims"] = {"c-x": {"id": "c-x"}}
    with backend.locked():
        backend.replace_all(data)
    assert list(backend.documents("claims")) == ["c-x"]
    assert backend.header() == data[META_TABLE][META_ID]


def test_token_moves_with_every_write(backend: Backend) -> None:
    before = backend.token()
    with backend.locked():
        backend.commit([("changes", "ch-1", {"id": "ch-1", "target": "c-1"})])
    assert backend.token() != before
    assert [c["id"] for c in backend.changes_of("c-1")] == ["ch-1"]
    assert backend.changes_of("c-2") == []


def test_backup_is_a_complete_store(backend: Backend, tmp_path: Path) -> None:
    with backend.locked():
        backend.commit([("sources", "s-1", _source(1)),
                        ("reviews", "c-1", {"claim_id": "c-1", "notes": []})])
    written = backend.backup(tmp_path / "copy.json")
    assert written[0] == tmp_path / "copy.json"
    copy = Store.open(tmp_path / "copy.json")
    assert copy.raw("reviews")["c-1"]["claim_id"] == "c-1"
    assert copy.backend.source_text("s-1") == "Text 1."


@pytest.mark.parametrize("kind", ["file", "postgres"])
def test_a_backend_sees_what_another_process_wrote(kind: str, request: pytest.FixtureRequest,
                                                   tmp_path: Path) -> None:
    first, second = _open(kind, request, tmp_path), _open(kind, request, tmp_path)
    with first.locked():
        first.commit([(META_TABLE, META_ID, dict(HEADER)), ("claims", "c-1", {"id": "c-1"}),
                      ("claims", "c-2", {"id": "c-2"})])
    assert second.changed_elsewhere()
    assert second.refresh()
    assert sorted(second.documents("claims")) == ["c-1", "c-2"]
    assert not second.changed_elsewhere()
    with second.locked():  # a deletion and a replacement reach the other process too
        second.commit([("claims", "c-1", None), ("claims", "c-2", {"id": "c-2", "v": 2})])
    assert first.refresh()
    assert dict(first.documents("claims")) == {"c-2": {"id": "c-2", "v": 2}}
    data = first.read_all()
    data["claims"] = {"c-9": {"id": "c-9"}}
    with first.locked():  # the whole store replaced: the other reads it anew
        first.replace_all(data)
    assert second.refresh()
    assert list(second.documents("claims")) == ["c-9"]
    first.close()
    second.close()


def test_documents_come_back_in_the_order_they_were_first_written(backend: Backend) -> None:
    """A reopened store lists documents as the store that wrote them did (exports, the TUI
    list and reports keep their order whatever the backend)."""
    ids = [f"c-{n}" for n in (5, 1, 9, 3, 7)]
    with backend.locked():
        backend.commit([("claims", key, {"id": key}) for key in ids])
        backend.commit([("claims", "c-1", {"id": "c-1", "changed": True})])  # keeps its place
    backend.reload()
    assert list(backend.documents("claims")) == ids


def test_file_backend_refuses_a_backup_over_itself(tmp_path: Path) -> None:
    backend = FileBackend(tmp_path / "c.json")
    with backend.locked():
        backend.commit([(META_TABLE, META_ID, dict(HEADER))])
    with pytest.raises(StoreError, match="is the store itself"):
        backend.backup(tmp_path / "c.json")
