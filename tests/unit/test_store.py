"""The store: transactions, journal, compaction, damaged and foreign files."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from factcheck.core.models import SCHEMA_VERSION, Source, Stance
from factcheck.core.review import VerdictChanged, mark, set_verdict
from factcheck.core.store import Store, StoreError
from tests.factories import build_store


@pytest.fixture(params=["memory", "file", "postgres"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Store:
    """A store on every storage, as tinydb's own tests do."""
    if request.param == "memory":
        return Store.memory()
    if request.param == "postgres":
        return Store.open(request.getfixturevalue("pg_url"))
    return Store.open(tmp_path / "claims.json")


@pytest.fixture(params=["file", "postgres"])
def place(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where a store that several processes share lives: a file, or a database."""
    if request.param == "postgres":
        return str(request.getfixturevalue("pg_url"))
    return str(tmp_path / "claims.json")


def _source(i: int) -> Source:
    return Source(id=f"s-{i}", file=f"{i}.txt", sha256=f"{i:064d}", text=f"text {i}")


def test_put_get_delete_round_trip(store: Store) -> None:
    with store.transaction() as tx:
        tx.put("sources", _source(1))
        tx.put("sources", _source(2))
    assert [s.id for s in store.sources()] == ["s-1", "s-2"]
    with store.transaction() as tx:
        tx.delete("sources", "s-1")
    assert [s.id for s in store.sources()] == ["s-2"]
    assert store.header()["schema_version"] == SCHEMA_VERSION


def test_changes_survive_reopen_with_and_without_compaction(tmp_path: Path) -> None:
    path = tmp_path / "claims.json"
    store = Store.open(path)
    with store.transaction() as tx:
        tx.put("sources", _source(1))
    store.compact()
    with store.transaction() as tx:
        tx.put("sources", _source(2))  # only in the journal
    assert path.with_name("claims.json.journal").stat().st_size > 0
    reopened = Store.open(path)
    assert {s.id for s in reopened.sources()} == {"s-1", "s-2"}
    reopened.compact()
    assert path.with_name("claims.json.journal").stat().st_size == 0
    assert {s.id for s in Store.open(path).sources()} == {"s-1", "s-2"}


def test_torn_journal_line_is_ignored_and_repaired(tmp_path: Path) -> None:
    path = tmp_path / "claims.json"
    build_store(Store.open(path))
    journal = path.with_name("claims.json.journal")
    with open(journal, "ab") as handle:
        handle.write(b'{"g": 1, "ops": [["sources", "s-x", {"id": "s-x"')  # crash mid-write
    reopened = Store.open(path)
    assert "s-x" not in reopened.raw("sources")
    passage = reopened.claim("c-visit").evidence[1].passage_id  # type: ignore[union-attr]
    mark(reopened, "c-visit", passage, Stance.CONTRADICTS, "tess")
    again = Store.open(path)
    assert again.review("c-visit").marks[passage]["tess"].stance is Stance.CONTRADICTS  # type: ignore[union-attr]


def test_two_store_objects_see_each_others_writes(place: str) -> None:
    path = place
    first = build_store(Store.open(path), reviewed=False)
    second = Store.open(path)
    passage = first.claim("c-visit").evidence[0].passage_id  # type: ignore[union-attr]
    mark(first, "c-visit", passage, Stance.SUPPORTS, "rina")
    mark(second, "c-visit", passage, Stance.CONTRADICTS, "budi")  # second refreshes under lock
    first.refresh()
    marks = first.review("c-visit").marks[passage]  # type: ignore[union-attr]
    assert {r: m.stance for r, m in marks.items()} == {"rina": Stance.SUPPORTS,
                                                       "budi": Stance.CONTRADICTS}


def test_refresh_after_other_process_compacted(place: str) -> None:
    path = place
    first = build_store(Store.open(path), reviewed=False)
    second = Store.open(path)
    set_verdict(second, "c-arms", "false", "budi")
    second.compact()
    assert first.changed_elsewhere()
    assert first.refresh() is True
    assert first.review("c-arms").verdict.label == "false"  # type: ignore[union-attr]


def test_a_verdict_over_one_not_seen_is_refused_and_an_order_is_logged(place: str) -> None:
    path = place
    first = build_store(Store.open(path), reviewed=False)
    second = Store.open(path)
    seen = None  # both reviewers saw no verdict
    set_verdict(first, "c-arms", "false", "rina", seen=seen)
    with pytest.raises(VerdictChanged, match="rina set the verdict to 'false'"):
        set_verdict(second, "c-arms", "disputed", "budi", seen=seen)
    assert [c.after["label"] for c in Store.open(path).changes("c-arms")] == ["false"]
    current = second.review("c-arms").verdict.model_dump(mode="json")  # type: ignore[union-attr]
    assert set_verdict(second, "c-arms", "disputed", "budi", seen=current).conflict is None
    outcome = set_verdict(first, "c-arms", "true", "rina")  # no `seen`: an order, logged
    assert outcome.conflict is not None and outcome.conflict.who == "budi"
    log = Store.open(path).changes("c-arms")
    assert [c.after["label"] for c in log] == ["false", "disputed", "true"]
    assert [c.conflict for c in log] == [False, False, True]


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"", "empty file"),
        (b'{"_meta": {"store": {"format": "factcheck"', "not valid JSON"),
        (b'{"hello": "world"}', "not a factcheck store"),
        (b"[1, 2, 3]", "not a factcheck store"),
        (b'{"_meta": {"store": {"format": "factcheck", "schema_version": 1}}, "claims": [1]}',
         "damaged"),
        (json.dumps({"_meta": {"store": {"format": "factcheck",
                                         "schema_version": SCHEMA_VERSION + 1}}}).encode(),
         "newer factcheck"),
    ],
)
def test_damaged_or_foreign_files_are_refused_untouched(tmp_path: Path, content: bytes,
                                                        problem: str) -> None:
    path = tmp_path / "claims.json"
    path.write_bytes(content)
    with pytest.raises(StoreError) as info:
        Store.open(path)
    assert problem in str(info.value)
    assert str(path) in str(info.value)
    assert path.read_bytes() == content


def test_wrong_types_inside_a_document_name_the_document(tmp_path: Path) -> None:
    path = tmp_path / "claims.json"
    store = build_store(Store.open(path), reviewed=False)
    store.compact()
    data = json.loads(path.read_text())
    data["claims"]["c-visit"]["evidence"] = "not a list"
    path.write_text(json.dumps(data))
    broken = Store.open(path)
    with pytest.raises(StoreError, match="c-visit"):
        broken.claims()


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
def test_read_only_folder_gives_a_clear_error(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    path = folder / "claims.json"
    build_store(Store.open(path), reviewed=False).compact()
    before = path.read_bytes()
    folder.chmod(0o555)
    try:
        store = Store.open(path)
        with pytest.raises(StoreError, match="permission denied"):
            set_verdict(store, "c-arms", "false", "rina")
    finally:
        folder.chmod(0o755)
    assert path.read_bytes() == before


def test_read_only_file_system_gives_a_clear_error(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    path = tmp_path / "claims.json"
    build_store(Store.open(path), reviewed=False).compact()
    before = path.read_bytes()
    store = Store.open(path)
    real_open = os.open

    def read_only(target: object, flags: int, *args: object) -> int:
        if flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
            raise OSError(errno.EROFS, "Read-only file system")
        return real_open(target, flags, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", read_only)
    with pytest.raises(StoreError, match="read-only"):
        set_verdict(store, "c-arms", "false", "rina")
    monkeypatch.setattr(os, "open", real_open)
    assert path.read_bytes() == before
    assert Store.open(path).review("c-arms") is None


def test_failed_journal_write_changes_nothing(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    path = tmp_path / "claims.json"
    store = build_store(Store.open(path), reviewed=False)
    real_fsync = os.fsync

    def full_disk(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(StoreError, match="disk is full"):
        set_verdict(store, "c-arms", "false", "rina")
    monkeypatch.setattr(os, "fsync", real_fsync)
    assert store.review("c-arms") is None  # memory unchanged
    assert Store.open(path).review("c-arms") is None  # disk unchanged


def test_the_memory_backend_reads_a_source_s_passages_as_they_are_now() -> None:
    store = Store.memory()
    with store.transaction() as tx:
        tx.put("passages", {"id": "p-1", "source_id": "s-a", "start": 0, "end": 1, "text": "x",
                            "role": "body", "paragraph": 0}, doc_id="p-1")
    assert list(store.corpus_of("passages", ["s-a"])) == ["p-1"]
    with store.transaction() as tx:  # moved to another source: the grouping is made anew
        tx.put("passages", {"id": "p-1", "source_id": "s-b", "start": 0, "end": 1, "text": "x",
                            "role": "body", "paragraph": 0}, doc_id="p-1")
    assert store.corpus_of("passages", ["s-a"]) == {}
    assert list(store.corpus_of("passages", ["s-b"])) == ["p-1"]
