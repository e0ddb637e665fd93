"""The pipeline over a store: ingest -> passages -> claims -> links.

`ingest_paths` reads files into the store (each file one durable transaction, so a crash keeps
every file already reported as stored), extracting claims as it goes; `extract_all` re-runs
extraction over stored sources; `link_all` re-groups every mention into tracked claims, obeying
reviewers' link decisions. Reviews live in their own table and are never touched here.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
import time
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from factcheck.core.extract import extract_claims
from factcheck.core.ingest import IngestError, IngestResult, ingest_file
from factcheck.core.link import link_claims
from factcheck.core.link.candidates import Candidate, rank_candidates
from factcheck.core.link.linker import Placed, place_articles, stories_to_relink
from factcheck.core.link.stories import (
    INDEX_ID,
    ArticleKeys,
    KeptStoryIndex,
    add_to_postings,
    article_keys_raw,
    assign_kept,
    fingerprint_count,
    ids_digest,
    keys_fingerprint,
    keys_from_record,
    keys_record,
    placing_order,
    postings_records,
)
from factcheck.core.memory import collector_paused
from factcheck.core.models import Claim, Mention, Passage, Source, Story, passage_of_key
from factcheck.core.store import Store, Transaction

ARTICLE_SUFFIXES = (".txt", ".html", ".htm")
BATCH_FILES = 64
"""Files written per transaction (one fsync) during ingest."""
BATCH_SECONDS = 1.0
"""... or fewer, so that no more than about a second of work waits to be stored."""
PARALLEL_MIN_FILES = 16
"""Below this many files, parsing in worker processes costs more than it saves."""

Progress = Callable[[str], None]


@dataclass
class FileOutcome:
    """What happened to one input file."""

    path: Path
    status: str
    """``new``, ``unchanged``, ``new version`` or ``error``."""
    source: Source | None = None
    passages: int = 0
    claims: int = 0
    warnings: list[str] = field(default_factory=list)
    error: str | None = None
    mention_ids: list[str] = field(default_factory=list, repr=False)
    """The ids of the claim mentions stored for a new or new-version source."""


@dataclass
class IngestReport:
    """The outcome of one ``ingest`` run."""

    files: list[FileOutcome] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    """Problems with the paths themselves (missing, empty folder)."""

    @property
    def failed(self) -> bool:
        """True when any file or path could not be ingested."""
        return bool(self.errors) or any(f.status == "error" for f in self.files)


def collect_files(paths: Iterable[Path]) -> tuple[list[Path], list[str]]:
    """Expand folders into their article files; report paths that cannot be used."""
    files: list[Path] = []
    errors: list[str] = []
    for path in paths:
        if not path.exists():
            errors.append(f"{path}: no such file or folder")
        elif path.is_dir():
            found = sorted(p for p in path.rglob("*")
                           if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES
                           and not p.name.startswith("."))
            if not found:
                errors.append(f"{path}: folder has no articles (.txt, .html, .htm)")
            files.extend(found)
        else:
            files.append(path)
    return files, errors


@dataclass
class Parsed:
    """One file read, cleaned and with its claims extracted (done in a worker process)."""

    path: Path
    result: IngestResult | None = None
    mentions: list[Mention] = field(default_factory=list)
    error: str | None = None


def parse_file(path: Path, outlet: str | None = None, url: str | None = None) -> Parsed:
    """Ingest and extract one file; never raises for a bad file (the error is recorded)."""
    try:
        result = ingest_file(path, outlet=outlet, url=url)
    except IngestError as exc:
        return Parsed(path, error=str(exc))
    return Parsed(path, result, extract_claims(result.source, result.passages))


def _parse_all(files: Sequence[Path], outlet: str | None, workers: int,
               url: str | None = None) -> Iterator[Parsed]:
    """Parse files in order, in worker processes when there are enough files to pay off."""
    if workers <= 1 or len(files) < PARALLEL_MIN_FILES:
        yield from (parse_file(path, outlet, url) for path in files)
        return
    try:
        context = multiprocessing.get_context("fork")
    except ValueError:  # no fork on this platform: stay sequential
        yield from (parse_file(path, outlet, url) for path in files)
        return
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        yield from pool.map(parse_file, files, itertools.repeat(outlet), itertools.repeat(url),
                            chunksize=4)


def ingest_paths(store: Store, paths: Sequence[Path], *, outlet: str | None = None,
                 progress: Progress | None = None, link: bool = True,
                 workers: int | None = None, url: str | None = None) -> IngestReport:
    """Ingest files and folders into ``store``; then re-link (unless ``link`` is False).

    ``outlet`` and ``url`` (the page's address, for a single file) are the user's word and win
    over what the pages say.

    Files are parsed in worker processes (one per core) and written in batches: each batch is
    one durable transaction, and ``progress`` is called for a file only once it is stored.
    """
    files, errors = collect_files(paths)
    report = IngestReport(errors=errors)
    index = _SourceIndex(store, {path.name or str(path) for path in files})
    batch: list[Parsed] = []
    started = time.monotonic()
    count = workers if workers is not None else (os.cpu_count() or 1)
    for parsed in _parse_all(files, outlet, count, url):
        if parsed.error is not None:
            report.files.append(FileOutcome(parsed.path, "error", error=parsed.error))
            if progress:
                progress(parsed.path.name)
            continue
        batch.append(parsed)
        if len(batch) >= BATCH_FILES or time.monotonic() - started > BATCH_SECONDS:
            report.files.extend(_store_batch(store, index, batch, progress))
            batch, started = [], time.monotonic()
    report.files.extend(_store_batch(store, index, batch, progress))
    changed = [f.source.id for f in report.files
               if f.status in ("new", "new version") and f.source is not None]
    if changed and link:
        first = not store.raw("stories")
        # Only new articles: their stories grow; a new version re-links its story.
        grow = not any(f.status == "new version" for f in report.files)
        link_all(store, None if first else changed, grow=grow, mentions={
            f.source.id: f.mention_ids for f in report.files if f.source is not None},
            current=index.ids)
    elif changed:
        store.compact()
    return report


class _Some(Mapping[str, dict[str, Any]]):
    """The documents of ``ids`` in ``docs``, each parsed when read (the current sources of a
    big store, of which adding an article reads a few)."""

    def __init__(self, docs: Mapping[str, dict[str, Any]], ids: Collection[str]) -> None:
        self._docs, self._ids = docs, ids

    def __getitem__(self, key: str) -> dict[str, Any]:
        if key not in self._ids:
            raise KeyError(key)
        return self._docs[key]

    def __contains__(self, key: object) -> bool:
        return key in self._ids and key in self._docs

    def __iter__(self) -> Iterator[str]:  # in the store's order
        return (key for key in self._docs if key in self._ids)

    def __len__(self) -> int:
        return sum(1 for _ in self)


FEW_FILES = 64
"""Ingesting at most this many files, the sources are not read whole (`_SourceIndex`)."""


class _SourceIndex:
    """Which current source holds each file name, and the ids of the current sources (none
    superseded), kept as articles are stored.

    Given the names of a few files (``names``: adding an article to a big store), only the
    sources holding those names and the superseded ones are read, found by searching the
    sources' lines for them (`Store.having`); otherwise every source is read once.
    """

    def __init__(self, store: Store, names: Collection[str] | None = None) -> None:
        self.current: dict[str, str] = {}
        sources = store.raw("sources")
        if names is None or len(names) > FEW_FILES:
            self.ids = {sid for sid, doc in sources.items() if doc.get("superseded_by") is None}
            found: Iterable[tuple[str, dict[str, Any]]] = sources.items()
        else:
            superseded = {sid for sid, doc in store.having_string("sources", "superseded_by")}
            self.ids = {sid for sid in sources if sid not in superseded}
            found = store.having("sources", "file", names)
        for sid, doc in found:
            if doc.get("superseded_by") is None:
                self.current[doc.get("file", "")] = sid


def _store_batch(store: Store, index: _SourceIndex, batch: list[Parsed],
                 progress: Progress | None) -> list[FileOutcome]:
    if not batch:
        return []
    with store.transaction() as tx:
        outcomes = [_store_one(store, tx, index, parsed) for parsed in batch]
    if progress:
        for parsed in batch:
            progress(parsed.path.name)
    return outcomes


def store_result(store: Store, path: Path, result: IngestResult) -> FileOutcome:
    """Write one ingested article (a new source, or a new version of one) with its claims."""
    parsed = Parsed(path, result, extract_claims(result.source, result.passages))
    return _store_batch(store, _SourceIndex(store, {result.source.file}), [parsed], None)[0]


def _store_one(store: Store, tx: Transaction, index: _SourceIndex,
               parsed: Parsed) -> FileOutcome:
    result = parsed.result
    assert result is not None
    source, path, mentions = result.source, parsed.path, parsed.mentions
    sources = store.raw("sources")
    if source.id in sources:
        return FileOutcome(path, "unchanged", store.source(source.id))
    if any(op[0] == "sources" and op[1] == source.id for op in tx.ops):
        return FileOutcome(path, "unchanged", source)  # the same bytes twice in one run
    previous_id = index.current.get(source.file)
    previous = sources.get(previous_id) if previous_id else None
    status = "new"
    warnings = list(result.warnings)
    if previous is not None:
        status = "new version"
        manual = dict(previous.get("manual", {}))
        carried = {k: previous.get(k) for k in manual}
        source = source.model_copy(update={"version": int(previous.get("version", 1)) + 1,
                                           "manual": manual, **carried})
        if {"published", "language"} & set(manual):
            mentions = extract_claims(source, result.passages)
        old = Source.model_validate({**previous, "text": store.source_text(previous_id or "")})
        tx.put("sources", old.model_copy(update={"superseded_by": source.id}))
        index.ids.discard(old.id)
        warnings.extend(_retire(store, tx, old.id, {p.id for p in result.passages}))
    index.current[source.file] = source.id
    index.ids.add(source.id)
    tx.put("sources", source)
    for passage in result.passages:
        tx.put("passages", passage)
    for mention in mentions:
        tx.put("mentions", mention)
    return FileOutcome(path, status, source, len(result.passages), len(mentions), warnings,
                       mention_ids=[m.id for m in mentions])


def _retire(store: Store, tx: Transaction, old_source: str, kept: set[str]) -> list[str]:
    """Drop the old version's passages and mentions; report reviews left without a passage."""
    gone = {pid for pid, p in store.corpus_of("passages", [old_source]).items()
            if p.get("source_id") == old_source and pid not in kept}
    for pid in gone:
        tx.delete("passages", pid)
    for mid, m in store.corpus_of("mentions", [old_source]).items():
        if m.get("source_id") == old_source:
            tx.delete("mentions", mid)
    warnings = []
    for claim_id, review in store.raw("reviews").items():
        lost = sorted({passage_of_key(k) for k in review.get("marks", {})} & gone)
        lost += sorted({n.get("passage_id") for n in review.get("notes", [])
                        if n.get("passage_id") in gone} - set(lost))
        for pid in lost:
            warnings.append(f"review of claim {claim_id} on passage {pid} kept, but that "
                            "passage is gone from the new version")
    return warnings


def extract_all(store: Store, progress: Progress | None = None) -> int:
    """Re-run extraction on every current source; returns the number of mentions."""
    total = 0
    for source in store.sources():
        if progress:
            progress(source.file)
        passages = store.passages(source.id)
        mentions = extract_claims(source, passages)
        with store.transaction() as tx:
            keep = {m.id for m in mentions}
            for mid, doc in store.corpus_of("mentions", [source.id]).items():
                if doc.get("source_id") == source.id and mid not in keep:
                    tx.delete("mentions", mid)
            for mention in mentions:
                tx.put("mentions", mention)
            if source.id in store.raw("article_keys"):
                tx.delete("article_keys", source.id)  # its mentions' slots may have changed
        total += len(mentions)
    store.compact()
    return total


def reviewed_claims(store: Store) -> frozenset[str]:
    """Ids of the claims a reviewer has touched: a mark, note or verdict, or a link decision."""
    touched = {
        cid for cid, review in store.raw("reviews").items()
        if review.get("marks") or review.get("notes") or review.get("verdict")
    }
    touched |= {d.claim_id for d in store.decisions() if d.claim_id}
    touched |= {r for d in store.decisions() for r in d.rejected}
    return frozenset(touched)


def link_all(store: Store, only: Iterable[str] | None = None, *, grow: bool = False,
             mentions: Mapping[str, Sequence[str]] | None = None,
             current: Collection[str] | None = None) -> list[Claim]:
    """Group the mentions of the current sources into stories and tracked claims; store them.

    With ``only`` (source ids), only the stories of those sources are re-linked: the claims of
    every other story are kept as they are. With ``grow`` too (``only`` names new articles),
    only what those stories hold is read and validated, and only the claims and stories that
    changed are written (one journal transaction): adding an article costs what its story
    costs. Its story is found on the kept key index (`KeptStoryIndex`: the postings of the
    keys it carries), or, when that index does not match the store, by reading every
    article's kept keys (and making the index anew). ``mentions``: the ids of the new
    articles' mentions, as the caller just stored them (else they are looked up); ``current``:
    the ids of the current sources, as the caller knows them (else every source is read).
    """
    # Reading thousands of documents as models makes millions of small acyclic objects: with
    # the collector running, each of its full passes scans the whole loaded store again (at 10k
    # articles, validating the mentions and passages took 3.7 s instead of 1.6 s).
    with collector_paused():
        if only is not None and grow:
            return _grow(store, frozenset(only), mentions, current)
        return _link_everything(store, only, grow=grow)


def _link_everything(store: Store, only: Iterable[str] | None = None, *, grow: bool = False
                     ) -> list[Claim]:
    """`link_all` reading and validating every document (a whole re-link; also the reference
    the incremental path is tested against)."""
    corpus = store.whole_corpus()  # one read of the whole corpus
    sources = {s.id: s for s in store.sources(texts=corpus.texts)}
    passages: dict[str, Passage] = {p.id: p for p in store.validated(
        "passages", (d for d in corpus.passages.values() if d.get("source_id") in sources))}
    docs = [d for d in corpus.mentions.values() if d.get("source_id") in sources]
    mentions: list[Mention] = store.validated("mentions", docs)
    stories: list[Story] = store.all("stories")
    previous_stories = {sid: story.id for story in stories for sid in story.sources}
    story_decisions = store.all("story_decisions")
    by_source: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for doc in docs:
        by_source[doc["source_id"]].append(doc)
    articles, fresh_keys, gone_keys = _article_keys(store, by_source)
    placed = place_articles(articles, {sid: s.file for sid, s in sources.items()},
                            previous_stories, story_decisions)
    result = link_claims(
        mentions, sources, passages, previous=store.claims(), decisions=store.decisions(),
        reviewed=reviewed_claims(store), previous_stories=previous_stories,
        story_decisions=story_decisions,
        only=frozenset(only) if only is not None else None, grow=grow, placed=placed,
    )
    with store.transaction(bulk=True) as tx:
        _keep_keys(tx, fresh_keys, gone_keys)
        _keep_postings(tx, store, articles)
        fresh = {c.id for c in result.claims}
        for claim_id in list(store.raw("claims")):
            if claim_id not in fresh:
                tx.delete("claims", claim_id)
        for claim in result.claims:
            tx.put("claims", claim)
        current = set(result.story_of.values())  # result.stories: those re-linked
        for story_id in list(store.raw("stories")):
            if story_id not in current:
                tx.delete("stories", story_id)
        for story in result.stories:
            tx.put("stories", story)
    return result.claims


def _grow(store: Store, new: frozenset[str],
          given: Mapping[str, Sequence[str]] | None = None,
          current_ids: Collection[str] | None = None) -> list[Claim]:
    """`link_all` for new articles: place every article from its stored keys, then link the
    stories that changed from their own documents only (see `link_all`). Returns the claims
    of those stories."""
    if current_ids is None:
        current_ids = _SourceIndex(store).ids
    current = _Some(store.raw("sources"), current_ids)  # each read when needed
    sources: Mapping[str, Source] = store.lazy("sources", current)  # the few needed are read
    stories_raw = store.raw("stories")
    previous_stories = {sid: story_id for story_id, doc in stories_raw.items()
                        for sid in doc.get("sources", ())}
    story_decisions = store.all("story_decisions")
    placing = None if story_decisions else _place_on_kept_index(store, current, new,
                                                                previous_stories, given)
    all_articles: list[ArticleKeys] = []
    if placing is None:  # the kept index does not match the store (or reviewers moved articles)
        all_articles, fresh_keys, gone_keys, read = _kept_article_keys(store, current, new)
        files = {sid: str(doc.get("file") or "") for sid, doc in current.items()}
        placing = _Placing(place_articles(all_articles, files, previous_stories,
                                          story_decisions).story_of,
                           {a.source_id: a for a in all_articles}, read, fresh_keys, gone_keys)
    story_of = placing.story_of
    chosen = stories_to_relink(story_of, previous_stories, new)
    members = {sid for sid, story in story_of.items() if story in chosen}
    placed = Placed([placing.articles[sid] for sid in sorted(members)], story_of)
    claims_raw = store.raw("claims")
    # A claim holds one story's passages: the claims of the stories re-linked, and of any
    # story one of their articles was in before, plus those a reviewer's link decision names
    # (a passage attached by hand from another story).
    decisions = store.decisions()
    stories = set(chosen) | {previous_stories[sid] for sid in members if sid in previous_stories}
    decided = {d.claim_id for d in decisions if d.claim_id} | {
        r for d in decisions for r in d.rejected}
    previous = store.validated("claims", (
        doc for _, doc in store.having("claims", "story_id", stories | {None}, decided)))
    mentions = _story_mentions(store, members, previous, placing.read)
    passages_raw = store.corpus_of("passages", {m.source_id for m in mentions})
    passages = {p.id: p for p in store.validated("passages", (
        passages_raw[pid] for pid in {m.passage_id for m in mentions} if pid in passages_raw))}
    held = {c.id for c in previous}
    result = link_claims(
        mentions, sources, passages, previous=previous, decisions=decisions,
        reviewed=reviewed_claims(store), previous_stories=previous_stories,
        story_decisions=story_decisions, only=new, grow=True, placed=placed,
        reserved=frozenset(cid for cid in claims_raw if cid not in held))
    with store.transaction() as tx:
        _keep_keys(tx, placing.fresh_keys, placing.gone_keys)
        if placing.index is None:
            _keep_postings(tx, store, all_articles)
        else:
            for key, record in placing.postings.items():
                tx.put("key_postings", record, doc_id=key)
            tx.put("story_index", placing.index, doc_id=INDEX_ID)
        fresh = {c.id for c in result.claims}
        for claim_id in held - fresh:
            tx.delete("claims", claim_id)
        for claim in result.claims:
            body = claim.model_dump(mode="json")
            if claims_raw.get(claim.id) != body:
                tx.put("claims", body, doc_id=claim.id)
        placed_in = set(placed.story_of.values())  # result.stories: those re-linked only
        for story_id in list(stories_raw):
            if story_id not in placed_in:
                tx.delete("stories", story_id)
        for story in result.stories:
            body = story.model_dump(mode="json")
            if stories_raw.get(story.id) != body:
                tx.put("stories", body, doc_id=story.id)
    return result.claims


def _mentions_by_source(store: Store, sources: Collection[str]
                        ) -> dict[str, list[dict[str, Any]]]:
    """The stored mention documents of each of ``sources`` that has any, as stored (only
    those sources' part of the corpus is read)."""
    by_source: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for doc in store.corpus_of("mentions", sources).values():
        if doc.get("source_id") in sources:
            by_source[doc["source_id"]].append(doc)
    return by_source


def _read_keys(sid: str, source: Mapping[str, Any], docs: Sequence[dict[str, Any]]
               ) -> tuple[ArticleKeys, dict[str, Any]]:
    """An article's story keys read from its mention documents, and the record that keeps
    them."""
    keys = article_keys_raw(sid, source, docs)
    return keys, keys_record(keys, keys_fingerprint(str(d.get("id")) for d in docs))


def _article_keys(store: Store, by_source: Mapping[str, list[dict[str, Any]]]) -> tuple[
        list[ArticleKeys], list[dict[str, Any]], list[str]]:
    """Every article's story keys: the kept ones whose article's mentions are unchanged, the
    others read again from its mentions. Returns them, the records to keep, and the ids of
    kept records whose article is gone."""
    kept = store.sound("article_keys")  # a record damaged by hand is read again, not trusted
    sources_raw = store.raw("sources")
    articles: list[ArticleKeys] = []
    fresh: list[dict[str, Any]] = []
    for sid, docs in by_source.items():
        source = sources_raw[sid]
        of = keys_fingerprint(str(d.get("id")) for d in docs)
        record = kept.get(sid)
        if record is not None and record.get("of") == of:
            articles.append(keys_from_record(record, source.get("published") or ""))
            continue
        keys, record = _read_keys(sid, source, docs)
        articles.append(keys)
        fresh.append(record)
    return articles, fresh, [sid for sid in store.raw("article_keys") if sid not in by_source]


@dataclass
class _Placing:
    """Where every article goes, and what placing it read and changed."""

    story_of: dict[str, str]
    articles: Mapping[str, ArticleKeys]
    """Every article's keys (read when looked up)."""
    read: dict[str, list[dict[str, Any]]]
    """The mention documents read, by article: the new articles' (those with mentions)."""
    fresh_keys: list[dict[str, Any]]
    gone_keys: list[str]
    """Kept key records to write, and to drop (their article is gone)."""
    postings: dict[str, dict[str, Any]] = field(default_factory=dict)
    index: dict[str, Any] | None = None
    """Key index records to write and the index's own record (`_keep_postings` when None)."""


def _place_on_kept_index(
    store: Store, current: Mapping[str, dict[str, Any]], new: frozenset[str],
    previous_stories: Mapping[str, str], given: Mapping[str, Sequence[str]] | None = None,
) -> _Placing | None:
    """Place new articles on the kept key index (`KeptStoryIndex`), reading only their own
    mentions and the kept keys of the articles they may join; None when the kept index was not
    made from exactly the articles placed before and its own key records (then every
    article's keys are read)."""
    stamp = store.raw("story_index").get(INDEX_ID)
    records = store.raw("article_keys")
    placed = [sid for sid in records if sid in current and sid not in new]
    postings = store.raw("key_postings")
    if (not isinstance(stamp, dict) or stamp.get("articles") != len(placed)
            or stamp.get("keys") != len(postings) or stamp.get("digest") != ids_digest(placed)
            or any(sid not in previous_stories for sid in placed)):
        return None
    wanted = [sid for sid in new if sid in current]
    if given is not None and all(sid in given for sid in wanted):  # just stored by the caller
        raw = store.corpus_of("mentions", wanted)
        docs = {sid: [raw[mid] for mid in given[sid] if mid in raw] for sid in wanted}
        read = {sid: mine for sid, mine in docs.items() if mine}  # no mentions: in no story
    else:
        read = dict(_mentions_by_source(store, set(wanted)))
    fresh, fresh_keys = [], []
    for sid, mine in read.items():
        keys, record = _read_keys(sid, current[sid], mine)
        fresh.append(keys)
        fresh_keys.append(record)
    articles = _KeptArticles(store, records, current, {a.source_id: a for a in fresh})
    index = KeptStoryIndex(postings, articles, {sid: previous_stories[sid] for sid in placed},
                           fresh)
    story_of = assign_kept(index, fresh)
    ordered = sorted(fresh, key=lambda a: placing_order(a.published, a.source_id))
    changed = add_to_postings(postings, ordered)
    return _Placing(
        story_of, articles, read, fresh_keys, [sid for sid in records if sid not in current],
        changed, {"id": INDEX_ID, "articles": len(placed) + len(fresh),
                  "keys": len(postings) + sum(1 for key in changed if key not in postings),
                  "digest": (int(stamp["digest"]) + ids_digest(read)) % (1 << 62)})


class _KeptArticles(Mapping[str, ArticleKeys]):
    """The keys of every placed article and of the new ones, read from the kept records when
    looked up (an article whose record is not shaped as one is read from its mentions)."""

    def __init__(self, store: Store, records: Mapping[str, dict[str, Any]],
                 current: Mapping[str, dict[str, Any]], fresh: Mapping[str, ArticleKeys]) -> None:
        self._store, self._records, self._current = store, records, current
        self._found: dict[str, ArticleKeys] = dict(fresh)

    def __getitem__(self, sid: str) -> ArticleKeys:
        found = self._found.get(sid)
        if found is None:
            if sid not in self._current or sid not in self._records:
                raise KeyError(sid)
            record, source = self._records[sid], self._current[sid]
            if _usable_keys(record):
                found = keys_from_record(record, source.get("published") or "")
            else:
                found, _ = _read_keys(sid, source, _mentions_by_source(self._store, {sid})[sid])
            self._found[sid] = found
        return found

    def __contains__(self, sid: object) -> bool:
        return sid in self._found or (sid in self._records and sid in self._current)

    def __iter__(self) -> Iterator[str]:
        return iter({*self._found, *(s for s in self._records if s in self._current)})

    def __len__(self) -> int:
        return sum(1 for _ in self)


def _keep_postings(tx: Transaction, store: Store, articles: Sequence[ArticleKeys]) -> None:
    """Write the key index of every article (see `KeptStoryIndex`), and what it was made of."""
    stored = store.raw("key_postings")
    keep: set[str] = set()
    records = postings_records(articles)
    for record in records:
        keep.add(record["id"])
        if stored.get(record["id"]) != record:
            tx.put("key_postings", record, doc_id=record["id"])
    for key in stored:
        if key not in keep:
            tx.delete("key_postings", key)
    tx.put("story_index", {"id": INDEX_ID, "articles": len(articles), "keys": len(records),
                           "digest": ids_digest(a.source_id for a in articles)}, doc_id=INDEX_ID)


def _story_mentions(store: Store, members: set[str], claims: Sequence[Claim],
                    read: Mapping[str, list[dict[str, Any]]]) -> list[Mention]:
    """The mentions of a story's articles: those already read (``read``: the new articles'),
    the others found through the story's claims, since every mention of a linked article is
    in one claim. An article whose claims hold another number of mentions than its kept keys
    were read from is read again whole."""
    raw = store.corpus_of("mentions", members)
    ids_of: dict[str, set[str]] = defaultdict(set)
    for claim in claims:
        for e in claim.evidence:
            if e.source_id in members and e.mention_id in raw:
                ids_of[e.source_id].add(e.mention_id)
    kept = store.raw("article_keys")
    docs: list[dict[str, Any]] = []
    unsure: set[str] = set()
    for sid in members:
        if sid in read:
            docs.extend(read[sid])
            continue
        record = kept.get(sid)
        found = ids_of.get(sid, set())
        if not isinstance(record, dict) or fingerprint_count(record.get("of")) != len(found):
            unsure.add(sid)
            continue
        mine = [raw[mid] for mid in found]
        if any(doc.get("source_id") != sid for doc in mine):
            unsure.add(sid)
            continue
        docs.extend(mine)
    for mine in _mentions_by_source(store, unsure).values() if unsure else ():
        docs.extend(mine)
    return store.validated("mentions", docs)


def _kept_article_keys(store: Store, current: Mapping[str, dict[str, Any]],
                       new: frozenset[str]) -> tuple[
        list[ArticleKeys], list[dict[str, Any]], list[str], dict[str, list[dict[str, Any]]]]:
    """`_article_keys` for adding articles: the kept records of the other articles are taken
    as they are, and only the new articles' mentions (and those of an article whose record is
    missing or damaged) are read: they are returned too, by article. Every path that changes
    an article's mentions drops its record (a new version is another article, `extract_all`
    drops them all); the whole re-link (`factcheck link`) checks each record against its
    article's mention ids."""
    kept = store.raw("article_keys")
    articles: list[ArticleKeys] = []
    stale: set[str] = set()
    for sid, source in current.items():
        record = kept.get(sid) if sid not in new else None
        if record is not None and _usable_keys(record):
            articles.append(keys_from_record(record, source.get("published") or ""))
        else:
            stale.add(sid)
    # No mentions: no keys, in no story (as a whole re-link has it).
    read = _mentions_by_source(store, stale) if stale else {}
    fresh: list[dict[str, Any]] = []
    for sid, mine in read.items():
        keys, record = _read_keys(sid, current[sid], mine)
        articles.append(keys)
        fresh.append(record)
    return articles, fresh, [sid for sid in kept if sid not in current], read


def _usable_keys(record: Any) -> bool:
    """A kept record placing can read: the shape of `ArticleKeysRecord`, checked shallowly
    (placing reads every record; a count that is not a number counts as none)."""
    return (type(record) is dict and type(record.get("of")) is str
            and type(record.get("counts", {})) is dict and type(record.get("names", {})) is dict
            and type(record.get("days", [])) is list)


def _keep_keys(tx: Transaction, fresh: Sequence[dict[str, Any]], gone: Iterable[str]) -> None:
    for record in fresh:
        tx.put("article_keys", record, doc_id=record["id"])
    for sid in gone:
        tx.delete("article_keys", sid)


def claim_candidates(store: Store, claim_id: str, limit: int = 10) -> list[Candidate]:
    """Mentions of the claim's story that may state the same fact, best first (see
    `factcheck.core.link.candidates`); empty for an unknown claim."""
    claim = store.claim(claim_id)
    if claim is None:
        return []
    current = {sid: doc for sid, doc in store.raw("sources").items()
               if not doc.get("superseded_by")}
    story_sources = _story_sources(store, claim, current)
    sources = {s.id: s for sid in story_sources if isinstance(s := store.source(sid), Source)}
    mentions = [m for sid in story_sources for m in store.mentions(source_id=sid)]
    passages = {p.id: p for sid in story_sources for p in store.passages(sid)}
    held = {m.id for m in mentions}
    claim_of = {e["mention_id"]: cid for cid, doc in store.sound("claims").items()
                for e in doc.get("evidence", ()) if e.get("mention_id") in held}
    return rank_candidates(claim, mentions, sources, passages, claim_of, limit)


def _story_sources(store: Store, claim: Claim, sources: Mapping[str, object]) -> list[str]:
    """The current sources of a claim's story (its own sources when it has no story)."""
    own = sorted({e.source_id for e in claim.evidence})
    if claim.story_id:
        story = store.get("stories", claim.story_id)
        if isinstance(story, Story):
            return [s for s in story.sources if s in sources] or own
    return own


def current_mentions(store: Store) -> list[Mention]:
    """Mentions of the current version of each source."""
    current = {s.id for s in store.sources()}
    return [m for m in store.mentions() if m.source_id in current]
