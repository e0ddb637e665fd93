"""Fuzzing with hypothesis: arbitrary input never crashes ingest, the parsers, store or doctor.

Sizes come from the profile (see ``conftest.py``): ``ci`` runs 150 cases per test, ``long``
10,000 (``HYPOTHESIS_PROFILE=long python -m pytest tests/reliability -k fuzz -s``). The number of
cases each test ran is printed in the "reliability figures" section.
"""

from __future__ import annotations

import math
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

import orjson
from hypothesis import given
from hypothesis import strategies as st

from factcheck.core import ingest
from factcheck.core.models import SCHEMA_VERSION, Passage, Source
from factcheck.core.store import Store
from factcheck.core.store.doctor import check, repair
from factcheck.core.text import dates, numbers
from tests.reliability.helpers import tally

# Hundreds of tiny stores: on tmpfs, fsync costs nothing (what is checked here is the logic).
SCRATCH = "/dev/shm" if Path("/dev/shm").is_dir() else None


JSON_SCALARS = (st.none() | st.booleans() | st.integers(-(2**63), 2**63 - 1)
                | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=20))
JSON = st.recursive(JSON_SCALARS, lambda inner: st.lists(inner, max_size=4)
                    | st.dictionaries(st.text(max_size=6), inner, max_size=4), max_leaves=12)
DOCUMENTS = st.dictionaries(st.text(max_size=8), JSON, max_size=5)
TABLES = st.sampled_from(["sources", "claims", "reviews", "notes of mine", "ü"])
IDS = st.text(min_size=1, max_size=6)

WORDS = ["sekitar", "lebih dari", "hampir", "juta", "miliar", "ribu", "persen", "%", "rudal",
         "tahun", "dekade", "about", "more than", "nearly", "million", "billion", "years", "dua",
         "two", "Rp", "US$", "km", "Senin", "Juni", "June", "2024", "13/9/2023", "pekan lalu",
         "kemarin", "last week", "pukul", "WIB", ",", ".", "-", "–", "/", " ", "\u00a0", "\n"]
NUMBERISH = st.lists(st.sampled_from(WORDS) | st.integers(0, 10**12).map(str)
                     | st.text(alphabet="0123456789.,-/ ", max_size=8), max_size=12).map("".join)
TEXT = st.text(max_size=200) | NUMBERISH
TAGS = ["<p>", "</p>", "<h1>", "</h1>", "<script>", "</script>", "<article>", "<title>",
        "</title>", "<meta property='og:title' content='", "'>", "<br>", "<!--", "-->", "&amp;",
        "&#x1b;", "<![CDATA[", "\x00", "\x1b[2J", "\u202e", "<html lang='id'>", "<body>"]
HTMLISH = st.lists(st.sampled_from(TAGS) | st.text(max_size=40) | NUMBERISH,
                   max_size=30).map("".join)


def _check_ingested(raw: bytes, name: str) -> None:
    try:
        result = ingest.ingest_bytes(raw, name)
    except ingest.IngestError as exc:
        assert str(exc).startswith(name) and "\n" not in str(exc)
        return
    source = result.source
    for passage in result.passages:
        assert passage.source_id == source.id
        assert 0 <= passage.start <= passage.end <= len(source.text)
        assert source.text[passage.start:passage.end] == passage.text
    assert len({p.id for p in result.passages}) == len(result.passages)
    # Storable: the JSON round trip gives the same records back.
    assert Source.model_validate(orjson.loads(orjson.dumps(source.model_dump(mode="json")))) \
        == source
    for passage in result.passages:
        assert Passage.model_validate(orjson.loads(orjson.dumps(passage.model_dump(mode="json"))))\
            == passage


@given(raw=st.binary(max_size=3000))
def test_fuzz_ingest_bytes(raw: bytes) -> None:
    tally("fuzz ingest_bytes (arbitrary bytes)")
    _check_ingested(raw, "fuzz.txt")


@given(text=HTMLISH | TEXT, encoding=st.sampled_from(["utf-8", "utf-16", "latin-1", "cp1252"]),
       suffix=st.sampled_from([".txt", ".html"]))
def test_fuzz_ingest_text_and_html(text: str, encoding: str, suffix: str) -> None:
    tally("fuzz ingest_bytes (text and HTML)")
    _check_ingested(text.encode(encoding, errors="replace"), "fuzz" + suffix)


@given(text=TEXT, lang=st.sampled_from(["id", "en"]))
def test_fuzz_parse_number(text: str, lang: str) -> None:
    tally("fuzz parse_number")
    found = numbers.parse_number(text, lang)
    if found is not None:
        assert isinstance(found.value, int | float) and not isinstance(found.value, bool)
        assert math.isfinite(found.value)
        assert 0 <= found.start <= found.end <= len(text)


@given(text=TEXT, lang=st.sampled_from(["id", "en"]),
       reference=st.none() | st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 1, 1)))
def test_fuzz_parse_date(text: str, lang: str, reference: date | None) -> None:
    tally("fuzz parse_date")
    found = dates.parse_date(text, lang, reference)
    if found is not None:
        assert 0 <= found.start <= found.end <= len(text)
        assert found.value is None or isinstance(found.value, str)
        assert found.value is not None or found.relative is not None
        assert found.precision in {"day", "week", "month", "year"}


@given(docs=st.dictionaries(st.tuples(TABLES, IDS), DOCUMENTS, max_size=8))
def test_fuzz_store_round_trip(docs: dict[tuple[str, str], dict[str, Any]]) -> None:
    tally("fuzz store round trip")
    with tempfile.TemporaryDirectory(dir=SCRATCH) as folder:
        path = Path(folder) / "claims.json"
        store = Store.open(path)
        with store.transaction() as tx:
            for (table, doc_id), doc in docs.items():
                tx.put(table, doc, doc_id)
        for reopened in (Store.open(path), _compacted(path)):
            for (table, doc_id), doc in docs.items():
                assert reopened.raw(table)[doc_id] == doc


def _compacted(path: Path) -> Store:
    Store.open(path).compact()
    return Store.open(path)


OPS = st.lists(st.one_of(
    st.tuples(st.just("put"), TABLES, IDS, DOCUMENTS),
    st.tuples(st.just("delete"), TABLES, IDS),
    st.tuples(st.just("compact")),
    st.tuples(st.just("reopen")),
), max_size=25)


@given(ops=OPS)
def test_fuzz_store_operations_match_a_dict(ops: list[tuple[Any, ...]]) -> None:
    """Random puts, deletes, compactions and reopenings: the store always equals a plain dict."""
    tally("fuzz store put/delete/compact sequences")
    model: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory(dir=SCRATCH) as folder:
        path = Path(folder) / "claims.json"
        store = Store.open(path)
        other = Store.open(path)  # a second reviewer's view of the same file
        for op in ops:
            if op[0] == "put":
                with store.transaction() as tx:
                    tx.put(op[1], op[3], op[2])
                model.setdefault(op[1], {})[op[2]] = op[3]
            elif op[0] == "delete":
                with store.transaction() as tx:
                    tx.delete(op[1], op[2])
                model.get(op[1], {}).pop(op[2], None)
            elif op[0] == "compact":
                other.compact()  # the other process compacts: ours must notice
            else:
                store = Store.open(path)
            for table, rows in model.items():
                assert dict(store.raw(table)) == rows
        other.refresh()
        for table, rows in model.items():
            assert dict(Store.open(path).raw(table)) == rows
            assert dict(other.raw(table)) == rows


HEADERS = st.fixed_dictionaries({"format": st.just("factcheck")}, optional={
    "schema_version": st.integers(0, SCHEMA_VERSION) | JSON_SCALARS,
    "generation": st.integers(0, 3) | JSON_SCALARS})
STORES = st.fixed_dictionaries(
    {"_meta": st.fixed_dictionaries({"store": HEADERS})},
    optional={t: st.dictionaries(IDS, DOCUMENTS | JSON, max_size=3) | JSON
              for t in ["sources", "passages", "mentions", "claims", "reviews", "changes"]})


@given(raw=st.binary(max_size=500) | STORES.map(orjson.dumps),
       journal=st.none() | st.binary(max_size=300))
def test_fuzz_doctor_never_crashes(raw: bytes, journal: bytes | None) -> None:
    """Any main file and journal: ``check`` and ``repair`` report, they never raise."""
    tally("fuzz doctor check + repair")
    with tempfile.TemporaryDirectory(dir=SCRATCH) as folder:
        path = Path(folder) / "claims.json"
        path.write_bytes(raw)
        if journal is not None:
            path.with_name("claims.json.journal").write_bytes(journal)
        found = check(path)
        assert all("\n" not in p.message for p in found.problems)
        report = repair(path)
        if report.healthy:  # a healthy store opens, and a fresh check agrees
            Store.open(path).claims()
            assert check(path).healthy
        elif found.fatal() is not None:
            assert path.read_bytes() == raw  # left untouched
