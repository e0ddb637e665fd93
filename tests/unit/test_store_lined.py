"""The lined layout of ``claims.json``: the reviewer's tables first, the corpus one line per
source read only when shown, an index of where each part is; older files read whole and
upgraded on the next write, with a backup."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

import orjson
import pytest

from factcheck.core.review import mark
from factcheck.core.store import Store, StoreError, files, lined
from factcheck.settings import Settings
from factcheck.tui.app import make_app
from factcheck.tui.claim_data import PassageIndex, load_claim
from factcheck.tui.rows import RowModel
from tests.factories import build_store

BUNDLED = Path(__file__).resolve().parents[2] / "claims.json"


def _store(tmp_path: Path) -> Path:
    path = tmp_path / "claims.json"
    with Store.open(path) as store:
        build_store(store)
        store.compact()
    return path


def _logical(path: Path) -> dict[str, Any]:
    """What any JSON reader finds in the file, as the store's tables."""
    data = lined.logical(json.loads(path.read_bytes()))
    data.pop("_meta")
    return data  # type: ignore[no-any-return]


class _Reads:
    """Counts the corpus lines parsed (and of which sources)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.what: list[str] = []
        real = lined.read_range

        def counted(fd: int, where: tuple[int, int], path: object, what: str) -> Any:
            self.what.append(what)
            return real(fd, where, path, what)

        monkeypatch.setattr(lined, "read_range", counted)

    @property
    def corpus(self) -> list[str]:
        return [w for w in self.what if w.startswith("the corpus of source")]


def test_the_file_is_one_json_document_holding_every_table(tmp_path: Path) -> None:
    path = _store(tmp_path)
    with Store.open(path) as store:
        everything = store.backend.read_all()
        assert store.backend.lined  # type: ignore[attr-defined]
    everything.pop("_meta")
    assert _logical(path) == everything
    assert everything["passages"] and everything["mentions"]
    assert all(isinstance(s["text"], str) for s in everything["sources"].values())


def test_the_index_line_names_the_parts_a_full_scan_finds(tmp_path: Path) -> None:
    path = _store(tmp_path)
    fd = os.open(path, os.O_RDONLY)
    try:
        size = os.fstat(fd).st_size
        indexed, scanned = lined.read_index(fd, size), lined.scan(fd, size)
    finally:
        os.close(fd)
    assert indexed is not None and scanned is not None
    assert (indexed.tables, indexed.corpus) == (scanned.tables, scanned.corpus)
    assert indexed.unsound == {"sources": set(), "claims": set(), "reviews": set()}
    assert scanned.unsound is None  # a scan knows nothing of the lines' structure
    assert set(scanned.corpus) == set(json.loads(path.read_bytes())["sources"])


def test_an_index_that_no_longer_fits_the_file_is_not_trusted(tmp_path: Path) -> None:
    path = _store(tmp_path)
    with Store.open(path) as store:
        before = store.backend.read_all()
    data = json.loads(path.read_bytes())
    # A hand edit that makes a source's text longer shifts everything after it.
    sid = next(iter(data["corpus"]))
    data["corpus"][sid]["text"] += " (edited)"
    text = path.read_text(encoding="utf-8")
    old = json.dumps(data["corpus"][sid]["text"][: -len(" (edited)")], ensure_ascii=False,
                     separators=(",", ":"))
    edited = text.replace(old, old[:-1] + ' (edited)"', 1)
    assert edited != text
    path.write_text(edited, encoding="utf-8")
    fd = os.open(path, os.O_RDONLY)
    try:
        assert lined.read_index(fd, os.fstat(fd).st_size) is None
    finally:
        os.close(fd)
    with Store.open(path) as store:  # found by scanning the lines instead
        assert store.source_text(sid).endswith(" (edited)")
        after = store.backend.read_all()
    after["sources"][sid]["text"] = before["sources"][sid]["text"]
    assert after == before


def test_opening_and_listing_read_no_corpus_showing_a_claim_reads_its_sources(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _store(tmp_path)
    reads = _Reads(monkeypatch)
    store = Store.open(path)
    model = RowModel(store)
    assert len(model) > 1 and [model.row(i).text for i in range(len(model))]
    assert reads.corpus == []
    assert "table 'changes'" not in reads.what  # the change log waits until it is read
    claim = store.raw("claims")["c-visit"]
    loaded = load_claim(store, "c-visit", PassageIndex())
    assert loaded is not None and loaded.passages
    own = {e["source_id"] for e in claim["evidence"]}
    assert {w.split("'")[1] for w in reads.corpus} == own
    assert len(reads.corpus) == len(own)  # each source's line parsed once
    store.close()


def test_a_mark_before_the_change_log_is_read_is_logged_and_kept(tmp_path: Path) -> None:
    path = _store(tmp_path)
    with Store.open(path) as store:
        logged = len(store.raw("changes"))
    store = Store.open(path)
    evidence = store.raw("claims")["c-visit"]["evidence"]
    mark(store, "c-visit", evidence[0]["passage_id"], "contradicts", "rae")
    snapshot = store.snapshot()
    assert len(store.raw("changes")) == logged + 1
    assert len(snapshot.raw("changes")) == logged + 1
    store.compact()
    store.close()
    with Store.open(path) as again:
        assert [c.who for c in again.changes()].count("rae") == 1


def test_a_snapshot_keeps_the_corpus_it_saw(tmp_path: Path) -> None:
    path = _store(tmp_path)
    store = Store.open(path)
    sid = next(iter(store.raw("sources")))
    text = store.source_text(sid)
    snapshot = store.snapshot()
    with store.transaction() as tx:
        tx.put("sources", {**store.raw("sources")[sid], "text": "replaced"}, doc_id=sid)
    store.compact()
    assert store.source_text(sid) == "replaced"
    assert snapshot.source_text(sid) == text
    store.close()


def test_a_store_in_the_older_layout_opens_as_it_is_and_upgrades_on_write(
        tmp_path: Path) -> None:
    path = tmp_path / "claims.json"
    with Store.open(path) as store:
        build_store(store)
        data = store.backend.read_all()
    path.write_bytes(json.dumps(data).encode())  # one line, the corpus in its tables
    for extra in tmp_path.glob("claims.json.*"):
        extra.unlink()
    original = path.read_bytes()
    with Store.open(path) as store:
        assert store.backend.read_all() == data
    assert path.read_bytes() == original  # reading changes nothing
    store = Store.open(path)
    evidence = store.raw("claims")["c-visit"]["evidence"]
    mark(store, "c-visit", evidence[0]["passage_id"], "supports", "ida")
    store.settle()
    store.close()
    [backup] = tmp_path.glob("claims.json.layout1-*.bak")
    assert backup.read_bytes() == original
    upgraded = _logical(path)
    assert upgraded["passages"] == data["passages"]
    assert upgraded["mentions"] == data["mentions"]
    assert upgraded["sources"] == data["sources"]
    assert upgraded["reviews"]["c-visit"]["marks"][evidence[0]["passage_id"]]["ida"]
    with Store.open(path) as store:
        assert store.backend.lined  # type: ignore[attr-defined]


def test_a_file_rewritten_by_another_json_tool_keeps_its_corpus(tmp_path: Path) -> None:
    path = _store(tmp_path)
    before = _logical(path)
    path.write_text(json.dumps(json.loads(path.read_bytes()), indent=1), encoding="utf-8")
    with Store.open(path) as store:
        assert len(store.raw("passages")) == len(before["passages"])
        now = store.backend.read_all()
    now.pop("_meta")
    assert now == before


def test_a_damaged_corpus_line_hides_only_that_source(tmp_path: Path) -> None:
    path = _store(tmp_path)
    with Store.open(path) as store:
        sids = list(store.raw("sources"))
        texts = {sid: store.source_text(sid) for sid in sids}
    raw = path.read_bytes()
    fd = os.open(path, os.O_RDONLY)
    try:
        found = lined.read_index(fd, len(raw))
    finally:
        os.close(fd)
    assert found is not None
    offset, length = found.corpus[sids[0]]
    damaged = raw[:offset] + b"[" + raw[offset + 1:offset + length] + raw[offset + length:]
    path.write_bytes(damaged)
    with Store.open(path) as store:
        assert store.source_text(sids[0]) == ""
        assert store.corpus_of("passages", [sids[0]]) == {}
        assert all(store.source_text(sid) == texts[sid] for sid in sids[1:])
        RowModel(store)  # the listing opens


def test_the_bundled_store_is_lined() -> None:
    fd = os.open(BUNDLED, os.O_RDONLY)
    try:
        assert lined.read_index(fd, os.fstat(fd).st_size) is not None
    finally:
        os.close(fd)


def test_a_backup_is_one_file_that_opens_with_everything(tmp_path: Path) -> None:
    path = _store(tmp_path)
    store = Store.open(path)
    evidence = store.raw("claims")["c-visit"]["evidence"]
    mark(store, "c-visit", evidence[0]["passage_id"], "denial", "uma")  # in the journal
    written = store.backup(tmp_path / "copy.json")
    everything = store.backend.read_all()
    store.close()
    assert written == [tmp_path / "copy.json"]
    moved = tmp_path / "elsewhere" / "claims.json"
    moved.parent.mkdir()
    shutil.move(tmp_path / "copy.json", moved)
    with Store.open(moved) as copy:
        held = copy.backend.read_all()
    held.pop("_meta"), everything.pop("_meta")
    assert held == everything


def test_a_table_is_parsed_piece_by_piece_into_the_same_documents(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _store(tmp_path)
    whole = json.loads(path.read_bytes())
    monkeypatch.setattr(lined, "PARSE_BYTES", 64)  # a piece of a document or two
    fd = os.open(path, os.O_RDONLY)
    try:
        found = lined.read_index(fd, os.fstat(fd).st_size)
        assert found is not None
        for name in ("claims", "reviews", "changes", "sources"):
            assert lined.read_table(fd, found.tables[name], path, name) == whole[name], name
    finally:
        os.close(fd)


def test_a_damaged_document_names_its_table(tmp_path: Path) -> None:
    path = _store(tmp_path)
    text = path.read_text(encoding="utf-8")
    at = text.index('"c-visit":{')
    path.write_text(text[:at] + '"c-visit":{"id":' + text[at + len('"c-visit":{'):],
                    encoding="utf-8")
    with pytest.raises(StoreError, match="claims"):
        Store.open(path)


def test_rarely_read_tables_parse_only_the_documents_looked_up(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _store(tmp_path)
    store = Store.open(path)
    changes = store.raw("changes")
    assert isinstance(changes, lined.Rows) and len(changes) > 1
    parsed: list[bytes] = []
    real = lined.Rows._parse

    def counted(self: lined.Rows, raw: bytes, key: str | None = None) -> Any:
        if self._name == "changes":  # claims and reviews are parsed by lookup too
            parsed.append(raw)
        return real(self, raw, key)

    monkeypatch.setattr(lined.Rows, "_parse", counted)
    first = next(iter(changes))
    assert changes[first]["id"] == first
    assert len(parsed) == 1
    evidence = store.raw("claims")["c-visit"]["evidence"]
    mark(store, "c-visit", evidence[0]["passage_id"], "supports", "vic")
    store.compact()  # the lines not read are copied as they were
    assert len(parsed) == 1
    store.close()
    with Store.open(path) as again:
        assert [c.who for c in again.changes()].count("vic") == 1
        assert dict(again.raw("changes"))[first] == dict(changes)[first]


def test_a_damaged_document_of_a_rarely_read_table_is_named_when_read(tmp_path: Path) -> None:
    path = _store(tmp_path)
    with Store.open(path) as store:
        victim = next(iter(store.raw("changes")))
    text = path.read_text(encoding="utf-8")
    at = text.index(f'"{victim}":{{')
    path.write_text(text[:at] + f'"{victim}":[1]' + text[text.index("\n", at):],
                    encoding="utf-8")
    with Store.open(path) as store:  # opens: the change log is read when shown
        assert store.raw("claims")
        with pytest.raises(StoreError, match="changes"):
            store.changes()


def test_a_table_written_to_before_it_is_read_is_copied_line_by_line(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _store(tmp_path)
    with Store.open(path) as store:
        before = dict(store.raw("changes"))
    monkeypatch.setattr(lined, "PARSE_BYTES", 100)  # lines cut across many reads
    store = Store.open(path)
    evidence = store.raw("claims")["c-visit"]["evidence"]
    mark(store, "c-visit", evidence[0]["passage_id"], "denial", "wes")  # logged, not read
    assert isinstance(store.backend.data["changes"], files._Unread)  # type: ignore[attr-defined]
    store.compact()
    store.close()
    with Store.open(path) as again:
        after = dict(again.raw("changes"))
    added = {k: v for k, v in after.items() if k not in before}
    assert {k: v for k, v in after.items() if k in before} == before
    assert [doc["who"] for doc in added.values()] == ["wes"]


def test_claims_reviews_and_sources_are_parsed_when_read_and_not_kept(tmp_path: Path) -> None:
    path = _store(tmp_path)
    whole = json.loads(path.read_bytes())
    with Store.open(path) as store:
        for name in ("claims", "reviews", "sources"):
            rows = store.raw(name)
            assert isinstance(rows, lined.Rows) and not rows.keep, name
            first = next(iter(rows))
            assert rows[first] == whole[name][first]
            assert rows[first] is not rows[first]  # parsed again: nothing held
            assert dict(rows.items()) == whole[name]  # a whole pass, in bulk
            assert not rows._parsed, name
            assert all(isinstance(e, int) for e in rows._entries.values()), name


def test_a_written_document_is_held_and_seen_by_a_pass(tmp_path: Path) -> None:
    path = _store(tmp_path)
    store = Store.open(path)
    evidence = store.raw("claims")["c-visit"]["evidence"]
    mark(store, "c-visit", evidence[0]["passage_id"], "denial", "wes")
    reviews = store.raw("reviews")
    marks = dict(reviews.items())["c-visit"]["marks"]
    assert any("wes" in by for by in marks.values())
    assert reviews["c-visit"] is reviews["c-visit"]  # the written one, not a line
    store.close()


def test_rows_find_lines_whose_keys_need_escapes() -> None:
    raw = (b'{\n"plain":{"n":1}\n,' + json.dumps('say "hi"\\').encode() + b':{"n":2}'
           b'\n,"last":{"n":3}\n}')
    rows = lined.Rows(raw, "x", "t", keep=False)
    assert dict(rows.items()) == {"plain": {"n": 1}, 'say "hi"\\': {"n": 2}, "last": {"n": 3}}
    assert rows.line_of("last") == b'{"n":3}'


def test_a_damaged_line_in_a_file_as_written_is_named_when_read(tmp_path: Path) -> None:
    path = _store(tmp_path)
    text = path.read_text(encoding="utf-8")
    at = text.index('"c-visit":{') + len('"c-visit":')
    path.write_text(text[:at] + "[" + text[at + 1:], encoding="utf-8")  # same size: trusted
    with Store.open(path) as store:  # opens: the claims are parsed when read
        with pytest.raises(StoreError, match="c-visit.*claims"):
            store.sound_doc("claims", "c-visit")
        with pytest.raises(StoreError, match="claims"):
            RowModel(store)
        with pytest.raises(StoreError, match="c-visit"):  # before the terminal is taken
            make_app(store, Settings(reviewer="vic"))


def test_the_claim_list_keeps_no_evidence(tmp_path: Path) -> None:
    path = _store(tmp_path)
    with Store.open(path) as store:
        model = RowModel(store)
        assert model.ids == list(store.raw("claims"))
        assert all("evidence" not in doc for doc in model.docs)
        at = model.index["c-visit"]
        stored = store.raw("claims")["c-visit"]
        assert model.docs[at]["text"] == stored["text"]
        outlets = {store.raw("sources")[e["source_id"]]["outlet"] for e in stored["evidence"]}
        assert model.outlets()[at] == frozenset(outlets)


@pytest.mark.parametrize("where", ["file", "memory"])
def test_having_finds_the_documents_of_a_field_value_in_store_order(
        tmp_path: Path, where: str) -> None:
    store = Store.open(_store(tmp_path)) if where == "file" else build_store()
    claims = store.raw("claims")
    kinds = sorted({d["kind"] for d in claims.values()})
    assert len(kinds) > 1
    evidence = claims["c-visit"]["evidence"]
    mark(store, "c-visit", evidence[0]["passage_id"], "supports", "vic")  # a written review
    for field, values, ids in [("kind", {kinds[0]}, ()), ("kind", set(kinds[1:]), ()),
                               ("story_id", {None}, ()), ("kind", {"nothing"}, ("c-visit",))]:
        expected = [cid for cid, doc in claims.items()
                    if doc.get(field) in values or cid in ids]
        found = store.having("claims", field, values, ids)
        assert [cid for cid, _ in found] == expected, values
        assert expected
    reviews = dict(store.having("reviews", "claim_id", {"c-visit"}))
    assert set(reviews) == {"c-visit"} and reviews["c-visit"]["marks"]
    store.close()


def _table(path: Path, name: str) -> dict[str, Any]:
    return json.loads(path.read_bytes())[name]  # type: ignore[no-any-return]


def test_lines_end_with_their_bulky_fields_and_a_listing_parses_up_to_them(
        tmp_path: Path) -> None:
    path = _store(tmp_path)
    for name, tail in [("claims", ["evidence"]), ("reviews", ["marks", "notes"])]:
        for doc in _table(path, name).values():
            held = [key for key in tail if key in doc]
            assert list(doc)[-len(held):] == held, (name, list(doc))
    with Store.open(path) as store:
        for name, tail in [("claims", ["evidence"]), ("reviews", ["marks", "notes"])]:
            whole = dict(store.sound_items(name))
            heads = dict(store.sound_heads(name))
            assert list(heads) == list(whole) and whole
            assert heads == {key: {k: v for k, v in doc.items() if k not in tail}
                             for key, doc in whole.items()}, name


def test_a_tail_name_inside_an_earlier_field_reads_the_whole_line() -> None:
    raw = (b'{\n"a":{"n":{"m":0,"evidence":1},"evidence":[{"x":1}]}'
           b'\n,"b":{"n":{"evidence":2},"evidence":[]}\n,"c":{"n":3}\n}')
    rows = lined.Rows(raw, "x", "claims", keep=False)
    rows.record([])
    assert dict(rows.passing(sound=True, heads=True)) == {
        "a": {"n": {"m": 0, "evidence": 1}, "evidence": [{"x": 1}]},  # the cut failed: whole
        "b": {"n": {"evidence": 2}}, "c": {"n": 3}}


@pytest.mark.parametrize("how", ["another tool", "by hand"])
def test_a_damaged_claim_stays_out_of_the_list_once_factcheck_writes_the_file(
        tmp_path: Path, how: str) -> None:
    path = _store(tmp_path)
    if how == "another tool":
        data = json.loads(path.read_bytes())
        data["claims"]["c-visit"]["evidence"] = "not a list"
        path.write_text(json.dumps(data), encoding="utf-8")
    else:  # the lined file edited in place: its index no longer fits
        text = path.read_text(encoding="utf-8")
        line = next(ln for ln in text.splitlines() if ln.lstrip(",").startswith('"c-visit":'))
        cut = line.index(',"evidence":')
        path.write_text(text.replace(line, line[:cut] + ',"evidence":"not a list"}'),
                        encoding="utf-8")
    for written in (False, True):
        with Store.open(path) as store:
            assert store.raw("claims")["c-visit"]["evidence"] == "not a list"  # kept
            assert store.damaged("claims") == ["c-visit"]
            assert "c-visit" not in dict(store.sound_heads("claims"))
            assert "c-visit" not in RowModel(store).ids
            assert len(RowModel(store).ids) == len(store.raw("claims")) - 1
            if not written:
                store.compact()  # trusted from now on: the index records the damage
                assert "c-visit" not in dict(store.sound_heads("claims"))
                rows = store.raw("claims")  # lines read again from the file just written
                assert how == "another tool" or rows.ordered  # type: ignore[attr-defined]
    fd = os.open(path, os.O_RDONLY)
    try:
        found = lined.read_index(fd, os.fstat(fd).st_size)
    finally:
        os.close(fd)
    assert found is not None and found.unsound is not None
    assert found.unsound["claims"] == {"c-visit"}


def test_opening_takes_each_line_from_the_index_unless_it_does_not_fit(tmp_path: Path) -> None:
    path = _store(tmp_path)
    fd = os.open(path, os.O_RDONLY)
    try:
        found = lined.read_index(fd, os.fstat(fd).st_size)
        assert found is not None
        for name in sorted(lined.ROW_TABLES):
            offset, length = found.tables[name]
            raw = os.pread(fd, length, offset)
            searched = lined.Rows(raw, path, name)._entries
            listed = found.lines[name]
            assert lined.Rows(raw, path, name, lines=listed)._entries == searched and searched
            short = dict(listed)
            short.popitem()
            moved = {key: at + 1 for key, at in listed.items()}
            last = list(listed)[-2]  # not among the thousand spot-checked
            typed = {**listed, last: str(listed[last])}
            for wrong in (short, moved, typed):
                assert lined.Rows(raw, path, name, lines=wrong)._entries == searched, name
    finally:
        os.close(fd)


def test_a_listing_pass_over_many_lines_leaves_out_the_damaged_and_sees_the_written() -> None:
    docs = {f"c-{n:04d}": {"id": f"c-{n:04d}", "kind": "quantity", "score": n / 3000,
                           "conflicts": [], "evidence": [{"source_id": f"s-{n}"}]}
            for n in range(2500)}
    raw = b"{\n" + b"\n,".join(json.dumps(k).encode() + b":" + orjson.dumps(d)
                               for k, d in docs.items()) + b"\n}"
    rows = lined.Rows(raw, "x", "claims", keep=False)
    rows.record(["c-0007", "c-1500"])  # as the file's index says: damaged in structure
    rows["c-0999"] = {"id": "c-0999", "kind": "event", "evidence": []}  # written since
    rows["c-2001"] = {"id": "c-2001", "evidence": "not a list"}  # written damaged
    del rows["c-1234"]
    heads = dict(rows.passing(sound=True, heads=True))
    gone = {"c-0007", "c-1500", "c-2001", "c-1234"}
    assert list(heads) == [key for key in docs if key not in gone]
    assert heads["c-0999"] == {"id": "c-0999", "kind": "event", "evidence": []}  # as written
    assert heads["c-2499"] == {k: v for k, v in docs["c-2499"].items() if k != "evidence"}
    whole = dict(rows.passing(sound=True))
    assert list(whole) == list(heads) and whole["c-2499"] == docs["c-2499"]
