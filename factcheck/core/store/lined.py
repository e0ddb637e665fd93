"""The lined layout of ``claims.json``: one JSON document any JSON reader parses whole, written
so that factcheck can find each part by its line and parse only what it needs.

::

    {"_meta":{
    "store":{"format":"factcheck","layout":2,...}
    }
    ,"claims":{
    "c-5e1a...":{...}                     every table: one document per line
    ,"c-77f0...":{...}
    }
    ,"reviews":{ ... }
    ,"corpus":{
    "s-0f3c...":{"text":"...","passages":{...},"mentions":{...}}
    ,"s-9a1e...":{...}                    the corpus: one line per source
    }
    ,"corpus_ids":{ ... }                 which passage and mention ids each source holds
    ,"_index":{"at":{...},"size":{...}}   where each table and each source's line is
    }

When the store opens, the small tables a reviewer works on (decisions, stories...) are parsed,
a megabyte of lines at a time (`read_table`); of the big ones (claims, reviews, the sources'
metadata: `ROW_TABLES`) only where each document's line starts is found, and a document is
parsed each time it is read, none kept (`Rows`), so a store of 100,000 claims holds their
lines' bytes rather than several times that as Python objects. What is bulky and read rarely,
the corpus, is one line per source: a source's line is parsed only when something of that
source is shown. ``corpus_ids`` finds the source of a passage known by its id alone. Tables
read rarely (`LAZY_TABLES`: the change log, the key index) are parsed on first use and kept.
The last line lists where every part is (`read_index`); when it does not fit the file (a hand
edit), the lines are scanned instead (`scan`) and every claim, review and source is parsed
once at opening, so a damaged one is named then.

The *logical* tables the rest of factcheck sees are unchanged: ``passages`` and ``mentions`` by
id, and ``sources`` whose documents hold ``text``; `split` and `join` convert between the two.
A file in the older layout (one line, corpus inside ``passages``/``mentions``/``sources``) or
rewritten by another JSON tool is read whole, and written in lines by the next write (after a
backup).
"""

from __future__ import annotations

import bisect
import os
import re
from collections.abc import (
    Collection,
    ItemsView,
    Iterable,
    Iterator,
    Mapping,
    MutableMapping,
    ValuesView,
)
from dataclasses import dataclass, field
from itertools import repeat
from typing import Any, cast

import orjson

from factcheck.core.store.backend import META_TABLE, Backend, Data, StoreError
from factcheck.core.store.shapes import SHAPES, TAILS, tail_last

LAYOUT = 2
"""The ``layout`` the header of a lined file names (absent: the older one-line layout)."""

CORPUS = "corpus"
CORPUS_IDS = "corpus_ids"
INDEX = "_index"
INTERNAL_TABLES = (CORPUS, CORPUS_IDS, INDEX)
"""Tables of the file that are not logical tables (the corpus, by source)."""

LAZY_TABLES = frozenset({"changes", "article_keys", "key_postings", CORPUS_IDS})
"""Tables not read when the store opens; on first use their documents are found, and each is
parsed when looked up (`Rows`)."""

ROW_TABLES = frozenset({"sources", "claims", "reviews"})
"""Tables whose documents are found when the store opens, each parsed when looked up and not
kept (`Rows` without ``keep``): what a reviewer works on costs the bytes of its lines, and a
view parses the few documents it shows (at 100,000 claims the parsed claims, reviews and
sources took some 650 MB, their lines 180 MB)."""

Content = dict[str, Any]
"""One source's corpus: ``{"text": str | None, "passages": {id: doc}, "mentions": {id: doc}}``."""

ORPHANS = ""
"""The corpus key of passages and mentions whose ``source_id`` is not a string."""


def empty_content() -> Content:
    """The corpus of a source that has none yet."""
    return {"text": None, "passages": {}, "mentions": {}}


def is_empty(content: Content) -> bool:
    """True when a source's corpus holds nothing."""
    return content.get("text") is None and not content.get("passages") \
        and not content.get("mentions")


def source_of(doc: Any) -> str:
    """The corpus key of a passage or mention document."""
    sid = doc.get("source_id") if isinstance(doc, dict) else None
    return sid if isinstance(sid, str) else ORPHANS


def split(data: Data) -> tuple[Data, dict[str, Content]]:
    """Logical tables -> (the reviewer's tables, sources without their text; each source's
    corpus). The input is not changed; documents are shared, not copied."""
    review: Data = {name: rows for name, rows in data.items()
                    if name not in ("passages", "mentions", *INTERNAL_TABLES)}
    contents: dict[str, Content] = {}
    sources = data.get("sources")
    if isinstance(sources, dict):
        stripped: dict[str, Any] = {}
        for sid, doc in sources.items():
            if isinstance(doc, dict) and "text" in doc:
                stripped[sid], text = Backend.split_source(doc)
                contents.setdefault(sid, empty_content())["text"] = text
            else:
                stripped[sid] = doc
        review["sources"] = stripped
    for table in ("passages", "mentions"):
        for doc_id, doc in (data.get(table) or {}).items():
            contents.setdefault(source_of(doc), empty_content())[table][doc_id] = doc
    return review, contents


def join(review: Data, contents: Iterable[tuple[str, Content]]) -> Data:
    """The inverse of `split`: logical tables, sources with their text. A new dictionary of
    new tables (documents shared)."""
    data: Data = {name: dict(rows) for name, rows in review.items()}
    passages: dict[str, Any] = {}
    mentions: dict[str, Any] = {}
    sources = data.setdefault("sources", {})
    for sid, content in contents:
        passages.update(content.get("passages") or {})
        mentions.update(content.get("mentions") or {})
        text = content.get("text")
        if isinstance(text, str) and isinstance(sources.get(sid), dict):
            sources[sid] = {**sources[sid], "text": text}
    if passages:
        data["passages"] = passages
    if mentions:
        data["mentions"] = mentions
    if not sources:
        del data["sources"]
    return data


def logical(data: Any) -> Any:
    """A whole store file as parsed -> its logical tables (`join`); a file in the older layout
    (or not a store at all) is returned as it is."""
    if not isinstance(data, dict) or not isinstance(data.get(CORPUS), dict):
        return data
    review = {name: rows for name, rows in data.items() if name not in INTERNAL_TABLES}
    contents = [(sid, content) for sid, doc in data[CORPUS].items()
                if (content := checked_content(doc)) is not None]
    return join(review, contents)


def checked_content(doc: Any) -> Content | None:
    """A parsed corpus line as a `Content` (None when it is not one)."""
    if not isinstance(doc, dict):
        return None
    text = doc.get("text")
    content: Content = {"text": text if isinstance(text, str) else None}
    for table in ("passages", "mentions"):
        rows = doc.get(table)
        content[table] = ({k: v for k, v in rows.items() if isinstance(v, dict)}
                          if isinstance(rows, dict) else {})
    return content


def ids_of(content: Content) -> dict[str, list[str]]:
    """The ``corpus_ids`` document of one source."""
    return {"passages": list(content.get("passages") or ()),
            "mentions": list(content.get("mentions") or ())}


@dataclass
class Scan:
    """Where each part of a lined file is: byte ranges ``(offset, length)`` of each table's
    JSON and of each source's corpus line."""

    tables: dict[str, tuple[int, int]] = field(default_factory=dict)
    corpus: dict[str, tuple[int, int]] = field(default_factory=dict)
    unsound: dict[str, set[str]] | None = field(default_factory=dict)
    """Of each of `ROW_TABLES` written with its `TAILS` last, the ids of the documents whose
    structure is damaged (None: a file whose index does not record it)."""
    lines: dict[str, dict[str, int]] = field(default_factory=dict)
    """Of each of `ROW_TABLES`, where each document's line starts in the table's JSON (so
    opening a big table need not search it for them; `Rows`)."""


# Writing ------------------------------------------------------------------------------------
Members = Iterable[tuple[str, bytes]]
"""A table as (document id, JSON of the document) pairs."""


class _Out:
    """Pieces of the file being written, gathered into writes of about a megabyte, and the
    offset reached."""

    def __init__(self) -> None:
        self.offset = 0
        self._pieces: list[bytes] = []
        self._held = 0

    def add(self, piece: bytes) -> None:
        self._pieces.append(piece)
        self.offset += len(piece)
        self._held += len(piece)

    def ready(self) -> bool:
        return self._held >= 1 << 20

    def take(self) -> bytes:
        out = b"".join(self._pieces)
        self._pieces, self._held = [], 0
        return out


def members(rows: Mapping[str, Any], name: str = "", at: Scan | None = None) -> Members:
    """A table as (id, JSON) pairs (a document given as bytes is its JSON already). Given the
    `Scan` of the file being written, a table of `ROW_TABLES` has its documents' `TAILS`
    written last and the ids of its damaged ones recorded in ``at.unsound``."""
    if at is not None and at.unsound is not None and name in ROW_TABLES:
        unsound = at.unsound.setdefault(name, set())
        if isinstance(rows, Rows):
            return rows.members(unsound)
        return _row_members(rows, name, unsound)
    if isinstance(rows, Rows):
        return rows.members()
    return ((key, doc if isinstance(doc, bytes) else orjson.dumps(doc))
            for key, doc in rows.items())


def _row_members(rows: Mapping[str, Any], name: str, unsound: set[str]) -> Members:
    for key, doc in rows.items():
        yield key, _row_json(name, key, doc, unsound)


def _row_json(name: str, key: str, doc: Any, unsound: set[str]) -> bytes:
    """The JSON of one document of `ROW_TABLES` as a file is written: its `TAILS` last, its
    id added to ``unsound`` when its structure is damaged (`SHAPES`)."""
    check = SHAPES.get(name)
    if check is not None and not check(doc):
        unsound.add(key)
    return orjson.dumps(tail_last(doc, TAILS.get(name, ())) if isinstance(doc, dict) else doc)


def stream(tables: Iterable[tuple[str, Members | bytes]],
           corpus: Iterable[tuple[str, bytes, dict[str, Any] | bytes]],
           at: Scan) -> Iterator[bytes]:
    """The pieces of a lined file, recording in ``at`` where each part goes.

    Args:
        tables: (name, its documents, or the JSON of the table as it was), the header first.
            Each document goes on a line of its own.
        corpus: (source id, JSON of its corpus, its ``corpus_ids`` document or its JSON).
        at: Filled with the byte range of each table's and each corpus line's JSON.
    """
    out = _Out()
    ids: dict[str, Any] = {}

    def corpus_members() -> Members:
        for sid, payload, held in corpus:
            ids[sid] = held
            yield sid, payload

    def table(name: str, value: Members | bytes, record: dict[str, tuple[int, int]] | None,
              ) -> Iterator[bytes]:
        out.add((b"\n," if out.offset else b"{") + orjson.dumps(name) + b":")
        start = out.offset
        if isinstance(value, bytes):
            out.add(value)
        else:
            lead = b"{\n"
            lines: dict[str, int] | None = {} if name in ROW_TABLES else None
            for key, payload in value:
                out.add(lead + orjson.dumps(key) + b":")
                if record is not None:
                    record[key] = (out.offset, len(payload))
                if lines is not None:
                    lines[key] = out.offset - start
                out.add(payload)
                lead = b"\n,"
                if out.ready():
                    yield out.take()
            out.add(b"{}" if lead == b"{\n" else b"\n}")
            if lines:
                at.lines[name] = lines
        at.tables[name] = (start, out.offset - start)

    for name, value in tables:
        yield from table(name, value, None)
    yield from table(CORPUS, corpus_members(), at.corpus)
    del at.tables[CORPUS]
    yield from table(CORPUS_IDS, members(ids), None)
    index = orjson.dumps({"tables": {k: list(v) for k, v in at.tables.items()},
                          "corpus": {k: list(v) for k, v in at.corpus.items()}})
    rows = orjson.dumps({"tails": TAILS, "unsound": {k: sorted(v) for k, v in
                                                     (at.unsound or {}).items()},
                         "lines": at.lines})
    last = (b"\n," + orjson.dumps(INDEX) + b":{\"at\":" + index + b",\"rows\":" + rows
            + b",\"size\":{\"bytes\":")
    # The size counts itself: its digits are fixed by trying (one more digit at most).
    size = out.offset + len(last)
    while True:
        closing = str(size).encode() + b"}}\n}\n"
        if out.offset + len(last) + len(closing) == size:
            break
        size = out.offset + len(last) + len(closing)
    out.add(last + closing)
    yield out.take()


def dump(data: Data) -> Iterator[bytes]:
    """Logical tables as a lined file, piece by piece."""
    review, contents = split(data)
    names = [META_TABLE, *(n for n in review if n != META_TABLE)]
    at = Scan()
    tables = ((name, members(review[name], name, at)) for name in names if name in review)
    corpus = ((sid, orjson.dumps(c), ids_of(c)) for sid, c in contents.items()
              if not is_empty(c))
    return stream(tables, corpus, at)


# Reading ------------------------------------------------------------------------------------
CHUNK = 8 * 1024 * 1024


def _iter_lines(fd: int, size: int) -> Iterator[tuple[int, bytes, int]]:
    """(offset, line without its newline) of the file, reading it in chunks. Long lines (a
    table) are not kept whole: only their first 256 bytes and their length matter here."""
    offset = 0
    pending_at, head, length = 0, b"", 0
    while offset < size:
        chunk = os.pread(fd, min(CHUNK, size - offset), offset)
        if not chunk:
            break
        pos = 0
        while True:
            nl = chunk.find(b"\n", pos)
            if nl < 0:
                if length == 0:
                    pending_at = offset + pos
                if len(head) < 256:
                    head += chunk[pos:pos + 256 - len(head)]
                length += len(chunk) - pos
                break
            if length == 0:
                pending_at = offset + pos
            if len(head) < 256:
                head += chunk[pos:min(nl, pos + 256 - len(head))]
            length += nl - pos
            yield pending_at, head, length
            head, length = b"", 0
            pos = nl + 1
        offset += len(chunk)
    if length:
        yield pending_at, head, length


def _key(head: bytes, start: int) -> tuple[str, int] | None:
    """The JSON string key at ``head[start:]`` and the offset just past its colon."""
    end = head.find(b'":', start + 1)
    if end < 0 or head[start:start + 1] != b'"':
        return None
    try:
        key = orjson.loads(head[start:end + 1])
    except orjson.JSONDecodeError:
        return None
    return (key, end + 2) if isinstance(key, str) else None


def scan(fd: int, size: int) -> Scan | None:
    """The parts of a lined file, or None when the file is not in that layout (read it whole
    then: a file another tool rewrote, or the older layout)."""
    found = Scan(unsound=None)  # nothing recorded: the lines are checked
    table: tuple[str, int] | None = None
    """The table whose documents are being read (its name and where its JSON starts)."""
    ended = False
    for at, head, length in _iter_lines(fd, size):
        if ended:
            if head.strip():
                return None
            continue
        if table is not None:
            if head == b"}" and length == 1:
                found.tables[table[0]] = (table[1], at + 1 - table[1])
                table = None
                continue
            if table[0] == CORPUS:
                key = _key(head, 1 if head.startswith(b",") else 0)
                if key is None:
                    return None
                found.corpus[key[0]] = (at + key[1], length - key[1])
            continue
        if head == b"}" and length == 1:
            ended = True
            continue
        if not head.startswith((b"{", b",")):
            return None
        key = _key(head, 1)
        if key is None:
            return None
        name, past = key
        if name == INDEX:
            continue
        if length == past + 1:  # "name":{ then one document per line
            table = (name, at + past)
            continue
        found.tables[name] = (at + past, length - past)
    found.tables.pop(CORPUS, None)
    if not ended or table is not None or META_TABLE not in found.tables:
        return None
    return found


def read_index(fd: int, size: int) -> Scan | None:
    """The parts of a lined file as its last line lists them, or None when that line is
    missing, damaged or does not fit the file (then `scan` finds them)."""
    tail = os.pread(fd, min(size, 1 << 16), max(0, size - (1 << 16)))
    start = tail.rfind(b"\n," + orjson.dumps(INDEX) + b":")
    want = 1 << 16
    while start < 0 and want < size:
        want = min(size, want * 8)
        tail = os.pread(fd, want, size - want)
        start = tail.rfind(b"\n," + orjson.dumps(INDEX) + b":")
    if start < 0 or not tail.endswith(b"\n}\n"):
        return None
    try:
        doc = orjson.loads(tail[start + len(INDEX) + 5:-3])
        tables = {str(k): (int(v[0]), int(v[1])) for k, v in doc["at"]["tables"].items()}
        corpus = {str(k): (int(v[0]), int(v[1])) for k, v in doc["at"]["corpus"].items()}
        fits = doc["size"]["bytes"] == size
        rows = doc.get("rows") or {}
        unsound = ({str(k): {str(i) for i in v} for k, v in rows["unsound"].items()}
                   if rows.get("tails") == {k: list(v) for k, v in TAILS.items()} else None)
        lines = {str(k): v for k, v in (rows.get("lines") or {}).items()
                 if isinstance(v, dict)}
    except (orjson.JSONDecodeError, KeyError, TypeError, ValueError, IndexError,
            AttributeError):
        return None
    if not fits or META_TABLE not in tables:
        return None
    found = Scan(tables, corpus, unsound, lines)
    for offset, length in [tables[META_TABLE], *list(corpus.values())[:1]]:
        if length < 2 or os.pread(fd, 1, offset) != b"{":
            return None
    return found


def _fits(raw: bytes, lines: Mapping[str, Any]) -> bool:
    """Whether ``lines`` (where the file's index says each document of a table starts) fit
    the table's JSON ``raw``: a thousand of them, spread over the table, are each just past
    their key's colon at the start of a line (checking all would cost what searching the
    table for them does; the index is trusted only when it fits the file's size)."""
    listed = list(lines.items())
    size = len(raw)
    if len(listed) != raw.count(b"\n") - 1 or set(map(type, lines.values())) != {int}:
        return False  # one offset per line: none left out
    for key, at in listed[::max(1, len(listed) // 1000)] + listed[-1:]:
        name = orjson.dumps(key) + b":"
        if not 0 < at < size or \
                raw[at - 1 - len(name):at] not in (b"\n" + name, b"," + name):
            return False
    return True


_LINE_KEY = re.compile(rb'\n,?"([^"\\\n]*)":')
"""The start of a document's line in a table's JSON (a key without escapes)."""


class Rows(MutableMapping[str, dict[str, Any]]):
    """A table of a lined file whose documents are parsed one by one, when looked up: opening
    it only finds where each document's line is. Written documents replace their lines.

    With ``keep`` (the rarely read tables: the change log, the key index) a parsed document is
    kept, and a whole pass (`items`, `values`) parses and keeps every line. Without it (the
    claims, reviews and sources of a big store) nothing parsed is kept: a lookup parses the
    line again (a few microseconds for a claim), and a whole pass holds one document at a
    time, so the table costs its bytes, not several times their size as Python objects."""

    def __init__(self, raw: bytes, path: object, name: str, *, keep: bool = True,
                 lines: Mapping[str, Any] | None = None) -> None:
        self._raw = raw
        self._path, self._name = path, name
        self.keep = keep
        self._entries: dict[str, int | dict[str, Any]] = {}
        """Id -> where its line's JSON starts in ``raw``, or the document (written, or kept)."""
        self._parsed: dict[int, dict[str, Any]] = {}
        """Documents parsed from their lines, shared with copies (the bytes never change)."""
        self._tail = TAILS.get(name, ())
        self._markers = [orjson.dumps(key) + b":" for key in self._tail]
        self._check = SHAPES.get(name)
        self.ordered = False
        """Whether every line ends with the table's `TAILS` fields (the file's index says so)."""
        self.unsound: set[str] | None = None
        """Ids of the lines whose structure is damaged (`SHAPES`), when known: from the
        file's index, or from `check`. Written documents are checked when read."""
        if lines is not None and _fits(raw, lines):
            self._entries = cast(dict[str, "int | dict[str, Any]"], dict(lines))
            return
        found = {m[1].decode(): m.end() for m in _LINE_KEY.finditer(raw, 1, len(raw) - 1)}
        if len(found) == raw.count(b"\n") - 1:
            self._entries = cast(dict[str, "int | dict[str, Any]"], found)
        else:  # a key with escapes (or a repeated key): line by line
            self._index_lines()

    def _index_lines(self) -> None:
        raw = self._raw
        pos, end = 2, len(raw) - 2
        while pos < end:
            cut = raw.find(b"\n", pos, end)
            cut = end if cut < 0 else cut
            start = pos + 1 if raw[pos:pos + 1] == b"," else pos
            colon = raw.find(b'":', start, cut)
            if colon < 0 or b"\\" in raw[start:colon] or raw[start:start + 1] != b'"':
                self._entries.update(self._parse(b"{" + raw[start:cut] + b"}"))
            else:
                self._entries[raw[start + 1:colon].decode()] = colon + 2
            pos = cut + 1

    def _parse(self, raw: bytes, key: str | None = None) -> Any:
        what = f"table {self._name!r}" if key is None else \
            f"document {key!r} of table {self._name!r}"
        return parse(raw, self._path, what)

    def _document(self, key: str, start: int) -> dict[str, Any]:
        """The document on the line at ``start``, parsed; `StoreError` naming it if damaged."""
        doc = self._parse(self._line(start), key)
        if not isinstance(doc, dict):
            raise self._not_object(key)
        return doc

    def _not_object(self, key: str) -> StoreError:
        return StoreError(f"{self._path}: document {key!r} of table {self._name!r} is damaged "
                          "(not an object); run `factcheck doctor`")

    def _line(self, start: int) -> bytes:
        end = self._raw.find(b"\n", start)
        return self._raw[start:end if end >= 0 else len(self._raw)]

    def __getitem__(self, key: str) -> dict[str, Any]:
        entry = self._entries[key]
        if not isinstance(entry, int):
            return entry
        doc = self._parsed.get(entry)
        if doc is None:
            doc = self._document(key, entry)
            if self.keep:
                self._parsed[entry] = doc
        return doc

    def __setitem__(self, key: str, doc: dict[str, Any]) -> None:
        self._entries[key] = doc

    def __delitem__(self, key: str) -> None:
        del self._entries[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, key: object) -> bool:
        return key in self._entries

    def items(self) -> ItemsView[str, dict[str, Any]]:
        """Every (id, document). Kept: the lines not read yet parsed together, a megabyte at a
        time (a whole pass: the change log of a report). Not kept: each parsed as the pass
        reaches it, and let go."""
        if not self.keep:
            return _PassItems(self)
        self._read_all()
        return cast(ItemsView[str, dict[str, Any]], self._entries.items())

    def values(self) -> ValuesView[dict[str, Any]]:
        """Every document (see `items`)."""
        if not self.keep:
            return _PassValues(self)
        self._read_all()
        return cast(ValuesView[dict[str, Any]], self._entries.values())

    def record(self, unsound: Iterable[str]) -> None:
        """Take what the file's index says of the lines: they end with their `TAILS` fields,
        and ``unsound`` are the ids of those whose structure is damaged."""
        self.ordered, self.unsound = True, set(unsound)

    def passing(self, *, sound: bool = False,
                heads: bool = False) -> Iterator[tuple[str, dict[str, Any]]]:
        """Every (id, document), the lines parsed a thousand at a time and none kept.

        Args:
            sound: Leave out the documents whose structure is damaged (`SHAPES`): lines known
                to be (`unsound`) and written documents that are; when the lines' damage is
                not known, every document is checked.
            heads: Parse a line only up to its `TAILS` fields when the lines end with them
                (a claim's evidence is four fifths of its line): such documents lack them.
        """
        check = self._check if sound else None
        unsound = self.unsound if check is not None else set()
        cut = heads and self.ordered and unsound is not None and bool(self._tail)
        entries = list(self._entries.items())
        for at in range(0, len(entries), 1000):
            part = entries[at:at + 1000]
            lines = [(key, entry) for key, entry in part
                     if isinstance(entry, int) and not (unsound and key in unsound)]
            if len(lines) == len(part) and (check is None or unsound is not None):
                yield from self._parsed_all(cast(list[tuple[str, int]], lines), cut)
                continue
            parsed = dict(self._parsed_all(cast(list[tuple[str, int]], lines), cut))
            for key, entry in part:
                if isinstance(entry, int):
                    doc = parsed.get(key)
                    if doc is None or (unsound is None and check is not None
                                       and not check(doc)):
                        continue
                    yield key, doc
                elif check is None or check(entry):
                    yield key, entry

    def having(self, tokens: Collection[bytes],
               ids: Collection[str] = ()) -> Iterator[tuple[str, dict[str, Any]]]:
        """(id, document), in order, of the documents whose line holds one of ``tokens`` or
        whose id is in ``ids``, and of every written one: a prefilter that parses only the
        lines that may match (the caller checks what it wants of each document). The table's
        bytes are searched once, not line by line."""
        starts = sorted(e for e in self._entries.values() if isinstance(e, int))
        hits: set[int] = set()
        if tokens and starts:
            found = re.compile(b"|".join(re.escape(token) for token in tokens))
            for match in found.finditer(self._raw):
                at = bisect.bisect_right(starts, match.start()) - 1
                if at >= 0:  # (a hit in a key counts for the line before: checked anyway)
                    hits.add(starts[at])
        for key, entry in list(self._entries.items()):
            if not isinstance(entry, int):
                yield key, entry
            elif entry in hits or key in ids:
                yield key, self._document(key, entry)

    def _parsed_all(self, lines: list[tuple[str, int]],
                    cut: bool = False) -> Iterator[tuple[str, dict[str, Any]]]:
        """(id, document) of the given lines, parsed in one go (``cut``: up to their tails)."""
        if not lines:
            return iter(())
        texts = [self._head(at) if cut else self._line(at) for _, at in lines]
        try:
            docs = self._parse(b"[" + b",".join(texts) + b"]")
        except StoreError:  # name the document
            docs = [self._one(key, at, text) for (key, at), text in zip(lines, texts,
                                                                       strict=True)]
        if not all(map(isinstance, docs, repeat(dict))):
            raise self._not_object(next(key for (key, _), doc in zip(lines, docs, strict=True)
                                        if not isinstance(doc, dict)))
        return zip([key for key, _ in lines], docs, strict=True)

    def _head(self, start: int) -> bytes:
        """The line at ``start`` up to its first `TAILS` field, closed (the whole line when
        it has none). Where a tail's name is also a key inside an earlier field, the cut
        leaves a brace open and the parse fails: `_one` then parses the whole line."""
        raw = self._raw
        end = raw.find(b"\n", start)
        end = len(raw) if end < 0 else end
        cuts = [at for marker in self._markers
                if (at := raw.find(b"," + marker, start, end)) >= 0]
        return raw[start:min(cuts)] + b"}" if cuts else raw[start:end]

    def _one(self, key: str, start: int, text: bytes) -> Any:
        """The line at ``start`` parsed from ``text`` (its head, or all of it)."""
        try:
            return orjson.loads(text)
        except orjson.JSONDecodeError:
            return self._parse(self._line(start), key)

    def _read_all(self) -> None:
        unread = [(key, entry) for key, entry in self._entries.items()
                  if isinstance(entry, int)]
        for start in range(0, len(unread), 2000):
            part = unread[start:start + 2000]
            for (key, entry), (_, doc) in zip(part, self._parsed_all(part), strict=True):
                self._parsed[entry] = doc
                self._entries[key] = doc

    def check(self) -> None:
        """Parse every document once (keeping none): `StoreError` naming the first that is
        not JSON; the ids of those whose structure is damaged become `unsound`."""
        check = self._check
        unsound = set()
        for key, doc in self.passing():
            if check is not None and not check(doc):
                unsound.add(key)
        self.unsound = unsound

    def line_of(self, key: str) -> bytes | None:
        """The JSON of one document as its line holds it (written ones serialized), or None."""
        entry = self._entries.get(key)
        if entry is None:
            return None
        return self._line(entry) if isinstance(entry, int) else orjson.dumps(entry)

    def members(self, unsound: set[str] | None = None) -> Members:
        """(id, JSON) of every document: a line not read is copied as it is.

        Given ``unsound`` (a file being written records it), every document goes out with its
        `TAILS` fields last and the ids of those whose structure is damaged are added to it:
        lines already in that order and checked are still copied; others are parsed (a line
        that is not JSON is copied as it is, to be named when read)."""
        tail, check = self._tail, self._check
        known = set() if not tail and check is None else self.unsound if self.ordered else None
        for key, entry in self._entries.items():
            if isinstance(entry, int):
                if unsound is None or known is not None:
                    if unsound is not None and key in cast(set[str], known):
                        unsound.add(key)
                    yield key, self._line(entry)
                    continue
                start = entry
                try:
                    entry = self._document(key, start)
                except StoreError:
                    yield key, self._line(start)
                    continue
            yield key, (orjson.dumps(entry) if unsound is None
                        else _row_json(self._name, key, entry, unsound))

    def copy(self) -> Rows:
        """A copy one level deep (documents and the file's bytes shared)."""
        twin = Rows.__new__(Rows)
        twin._raw, twin._path, twin._name = self._raw, self._path, self._name
        twin.keep = self.keep
        twin._tail, twin._markers, twin._check = self._tail, self._markers, self._check
        twin.ordered = self.ordered
        twin.unsound = None if self.unsound is None else set(self.unsound)
        twin._entries = dict(self._entries)
        twin._parsed = self._parsed
        return twin


class _PassItems(ItemsView[str, dict[str, Any]]):
    """`Rows.items` of a table whose documents are not kept: a pass parses lines in bulk."""

    _mapping: Rows

    def __iter__(self) -> Iterator[tuple[str, dict[str, Any]]]:
        return self._mapping.passing()


class _PassValues(ValuesView[dict[str, Any]]):
    """`Rows.values` of a table whose documents are not kept (see `_PassItems`)."""

    _mapping: Rows

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return (doc for _, doc in self._mapping.passing())


def stream_members(fd: int, where: tuple[int, int], path: object, name: str,
                   changes: Mapping[str, dict[str, Any] | None]) -> Members:
    """The documents of the table at ``where`` with ``changes`` made (a document, or None to
    drop it), read a megabyte at a time: a table is copied into a new file without being held
    or parsed whole (only the lines of changed documents are left out)."""
    offset, length = where
    head = os.pread(fd, 2, offset)
    if head != b"{\n":
        rows = read_rows(fd, where, path, name)
        rows.update({k: v for k, v in changes.items() if v is not None})
        for key in [k for k, v in changes.items() if v is None]:
            rows.pop(key, None)
        yield from rows.members()
        return
    end = offset + length - 2  # before "\n}"
    pos, carry = offset + 2, b""

    def kept(lines: list[bytes]) -> Members:
        for line in lines:
            body = line[1:] if line.startswith(b",") else line
            if not body:
                continue
            colon = body.find(b'":')
            if colon < 0 or b"\\" in body[:colon]:
                for key, doc in parse(b"{" + body + b"}", path, f"table {name!r}").items():
                    if key not in changes:
                        yield key, orjson.dumps(doc)
                continue
            key = body[1:colon].decode()
            if key not in changes:
                yield key, body[colon + 2:]

    while pos < end:
        chunk = os.pread(fd, min(PARSE_BYTES, end - pos), pos)
        if not chunk:
            break
        pos += len(chunk)
        lines = (carry + chunk).split(b"\n")
        carry = lines.pop()  # a line cut by the chunk's end (or the table's last line)
        yield from kept(lines)
    yield from kept([carry])
    for key, doc in changes.items():
        if doc is not None:
            yield key, orjson.dumps(doc)


def parse(raw: bytes, path: object, what: str) -> Any:
    """Parse ``raw`` (``what`` of the store at ``path``); `StoreError` naming it if damaged."""
    try:
        return orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise StoreError(f"{path}: {what} is damaged ({exc.args[0] if exc.args else exc}); "
                         "run `factcheck doctor`") from exc


def read_rows(fd: int, where: tuple[int, int], path: object, name: str, *,
              keep: bool = True, lines: Mapping[str, Any] | None = None) -> Rows:
    """The table at ``where`` as `Rows` (a one-line table is parsed at once; ``lines``: where
    its documents start, as the file's index says)."""
    offset, length = where
    raw = os.pread(fd, length, offset)
    if len(raw) == length and raw.startswith(b"{\n") and raw.endswith(b"\n}"):
        return Rows(raw, path, name, keep=keep, lines=lines)
    rows = Rows(b"{\n\n}", path, name, keep=keep)
    parsed = read_range(fd, where, path, f"table {name!r}", raw)
    if not isinstance(parsed, dict):
        raise StoreError(f"{path}: table {name!r} is damaged (wrong types); left untouched")
    rows.update(parsed)
    return rows


PARSE_BYTES = 1 << 20
"""A table is parsed this many bytes at a time: parsing a big table at once costs several
times its size in memory for a moment."""


def read_table(fd: int, where: tuple[int, int], path: object, what: str) -> Any:
    """Parse the table whose JSON is at ``where``, a megabyte of its lines at a time;
    `StoreError` naming ``what`` if damaged."""
    offset, length = where
    raw = os.pread(fd, length, offset)
    if len(raw) != length or not raw.startswith(b"{\n") or not raw.endswith(b"\n}"):
        return read_range(fd, where, path, what, raw)
    rows: dict[str, Any] = {}
    pos, end = 2, len(raw) - 2
    while pos < end:
        cut = raw.find(b"\n", min(pos + PARSE_BYTES, end))
        cut = end if cut < 0 or cut > end else cut
        piece = raw[pos + 1:cut] if raw[pos:pos + 1] == b"," else raw[pos:cut]
        rows.update(parse(b"{" + piece + b"}", path, what))
        pos = cut + 1
    return rows


def read_range(fd: int, where: tuple[int, int], path: object, what: str,
               raw: bytes | None = None) -> Any:
    """Parse the JSON at ``where`` in the open file (``raw``: its bytes, already read);
    `StoreError` naming ``what`` if damaged."""
    offset, length = where
    raw = os.pread(fd, length, offset) if raw is None else raw
    if len(raw) != length:
        raise StoreError(f"{path}: {what} is damaged (the file is shorter than its index); "
                         "run `factcheck doctor`")
    return parse(raw, path, what)
