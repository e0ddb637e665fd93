"""The measurements. Each function runs in its own process (see `bench.isolate`).

Arguments are plain (paths as strings, numbers) so they cross the process boundary; each
function returns a dict of figures. Modules under measurement are imported inside the
functions, so a module that does not import yet fails only its own stage.
"""

from __future__ import annotations

import gc
import hashlib
import os
import shutil
import statistics
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from bench.corpus import write_corpus


def corpus(folder: str, size: int, seed: int) -> dict[str, Any]:
    """Write (or reuse) the corpus; time the writing (wall clock and processor time)."""
    started, cpu = time.perf_counter(), time.process_time()
    write_corpus(Path(folder), size, seed)
    return {"seconds": time.perf_counter() - started, "cpu_s": time.process_time() - cpu,
            "articles": size}


class FsyncClock:
    """Counts the time spent in ``os.fsync`` in this process (the disk's share of a write)."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self.calls = 0
        self._real = os.fsync

    def __enter__(self) -> FsyncClock:
        def timed(fd: int) -> None:
            started = time.perf_counter()
            try:
                self._real(fd)
            finally:
                self.seconds += time.perf_counter() - started
                self.calls += 1

        os.fsync = timed  # type: ignore[assignment]
        return self

    def __exit__(self, *exc: object) -> None:
        os.fsync = self._real


def ingest(paths: list[str], store_path: str) -> dict[str, Any]:
    """`pipeline.ingest_paths(store, paths, link=False)` into a fresh store.

    Every file is its own transaction: one journal append and one fsync per article; the time
    spent in fsync is reported apart.
    """
    from factcheck.core.pipeline import ingest_paths
    from factcheck.core.store import Store

    for leftover in (store_path, store_path + ".journal"):  # a kept --workdir: start afresh
        Path(leftover).unlink(missing_ok=True)
    store = Store.open(store_path)
    with FsyncClock() as fsync:
        started = time.perf_counter()
        report = ingest_paths(store, [Path(p) for p in paths], link=False)
        seconds = time.perf_counter() - started
    store.close()
    files = [f for f in report.files if f.status != "error"]
    return {"seconds": seconds, "articles": len(files),
            "errors": len(report.files) - len(files) + len(report.errors),
            "claims": sum(f.claims for f in files),
            "passages": sum(f.passages for f in files),
            "fsync_s": fsync.seconds, "fsyncs": fsync.calls,
            "bytes": Path(store_path).stat().st_size}


def _read_one(path: str) -> tuple[dict[str, Any], list[dict[str, Any]], list[dict[str, Any]]]:
    from factcheck.core.extract import extract_claims
    from factcheck.core.ingest import ingest_file

    result = ingest_file(Path(path))
    mentions = extract_claims(result.source, result.passages)
    return (result.source.model_dump(mode="json"),
            [p.model_dump(mode="json") for p in result.passages],
            [m.model_dump(mode="json") for m in mentions])


def _input_key(files: list[Path]) -> str:
    """What a linking input depends on: the files, and the code of ingest and extraction."""
    import factcheck.core

    digest = hashlib.sha256()
    for file in files:
        digest.update(file.name.encode() + b"\0" + file.read_bytes())
    core = Path(factcheck.core.__file__).parent
    for code in sorted(core.rglob("*")):
        if code.suffix in (".py", ".json") and code.relative_to(core).parts[0] not in (
                "link", "report", "doctor"):
            digest.update(code.read_bytes())
    return digest.hexdigest()[:24]


def prepare_link_store(paths: list[str], store_path: str, workers: int = 2,
                       cache: str | None = None) -> dict[str, Any]:
    """Ingest and extract ``paths`` on ``workers`` processes; write one bulk transaction.

    This is the input of the linking benchmark, made faster than `ingest` (which measures the
    per-file path) by reading files in parallel and writing once. With ``cache`` (a folder),
    the store is kept there under a key of the files and of the ingest and extraction code, and
    reused while neither changes.
    """
    from factcheck.core.pipeline import collect_files
    from factcheck.core.store import Store

    files, _ = collect_files([Path(p) for p in paths])
    started = time.perf_counter()
    cached = Path(cache) / f"link-input-{_input_key(files)}.json" if cache else None
    if cached is not None and cached.exists():
        Path(store_path).unlink(missing_ok=True)
        shutil.copyfile(cached, store_path)
        with Store.open(store_path) as store:
            count = len(store.raw("mentions"))
        return {"seconds": time.perf_counter() - started, "articles": len(files),
                "mentions": count, "cached": True}
    context = get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        results = list(pool.map(_read_one, [str(f) for f in files], chunksize=25))
    Path(store_path).unlink(missing_ok=True)
    with Store.open(store_path) as store, store.transaction(bulk=True) as tx:
        for source, passages, mentions in results:
            tx.put("sources", source, doc_id=source["id"])
            for passage in passages:
                tx.put("passages", passage, doc_id=passage["id"])
            for mention in mentions:
                tx.put("mentions", mention, doc_id=mention["id"])
    if cached is not None:
        cached.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(store_path, cached)
        kept = sorted(cached.parent.glob("link-input-*.json"), key=lambda p: p.stat().st_mtime)
        for stale in kept[:-4]:  # inputs of older code: keep the cache small
            stale.unlink(missing_ok=True)
    return {"seconds": time.perf_counter() - started, "articles": len(results),
            "mentions": sum(len(m) for _, _, m in results), "cached": False}


def link(store_path: str) -> dict[str, Any]:
    """`pipeline.link_all` over a store of ingested articles."""
    from factcheck.core.pipeline import link_all
    from factcheck.core.store import Store

    store = Store.open(store_path)
    articles = len(store.raw("sources"))
    mentions = len(store.raw("mentions"))
    started = time.perf_counter()
    claims = link_all(store)
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "articles": articles, "mentions": mentions,
            "claims": len(claims), "conflicts": sum(bool(c.conflicts) for c in claims),
            "multi_outlet": sum(c.outlets > 1 for c in claims)}


def add_one(store_path: str, path: str) -> dict[str, Any]:
    """`pipeline.ingest_paths` of one new article into a linked store (its story re-linked)."""
    from factcheck.core.pipeline import ingest_paths
    from factcheck.core.store import Store

    store = Store.open(store_path)
    before = {s.id: set(s.sources) for s in store.all("stories")}
    started = time.perf_counter()
    report = ingest_paths(store, [Path(path)], workers=1)
    seconds = time.perf_counter() - started
    after = {s.id: set(s.sources) for s in store.all("stories")}
    changed = sum(1 for sid, members in after.items() if before.get(sid) != members)
    store.close()
    return {"seconds": seconds, "stored": len(report.files), "stories": changed,
            "all_stories": len(after)}


def build(store_path: str, claims: int, seed: int) -> dict[str, Any]:
    """Build a benchmark store of ``claims`` claims directly (`bench.stores.build_store`)."""
    from bench.stores import build_store

    started = time.perf_counter()
    counts = build_store(Path(store_path), claims, seed)
    return {"seconds": time.perf_counter() - started, **counts}


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def marks(store_path: str, count: int) -> dict[str, Any]:
    """`Store.open`, then ``count`` durable marks (`review.mark`), each timed."""
    from bench.stores import sample_marks
    from factcheck.core.review import mark
    from factcheck.core.store import Store

    size = 0 if store_path.startswith("postgresql://") else Path(store_path).stat().st_size
    started = time.perf_counter()
    store = Store.open(store_path)
    open_s = time.perf_counter() - started
    stances = ("supports", "contradicts", "denial", "unrelated")
    timings = []
    with FsyncClock() as fsync:
        for i, (claim_id, passage_id) in enumerate(sample_marks(store, count)):
            started = time.perf_counter()
            mark(store, claim_id, passage_id, stances[i % 4], "bench-marker")
            timings.append((time.perf_counter() - started) * 1000)
    store.close()
    return {"bytes": size, "open_s": open_s, "claims": count,
            "fsync_ms_mean": fsync.seconds * 1000 / max(1, fsync.calls),
            "mark_ms_median": statistics.median(timings),
            "mark_ms_p95": _percentile(timings, 0.95), "mark_ms_max": max(timings)}


def backup(store_path: str, copy_path: str) -> dict[str, Any]:
    """`Store.backup` (``factcheck backup``): a consistent, self-contained copy, and its size."""
    from factcheck.core.store import Store

    started = time.perf_counter()
    with Store.open(store_path) as store:
        opened = time.perf_counter()
        written = store.backup(Path(copy_path))
    done = time.perf_counter()
    size = sum(Path(p).stat().st_size for p in written)
    for path in written:
        Path(path).unlink()
    return {"seconds": done - opened, "open_s": opened - started, "bytes": size,
            "mb": size / 1024 / 1024}


def tinydb_updates(store_path: str, tinydb_path: str, count: int) -> dict[str, Any]:
    """Stock TinyDB (`JSONStorage`) upserting one review, on a file with the same documents.

    Each ``upsert`` reads and parses the whole file, then serialises and rewrites it (TinyDB's
    ``JSONStorage`` fsyncs too), so its cost grows with the file, not with the change.
    """
    from tinydb import Query, TinyDB

    from bench.stores import write_tinydb_copy

    review_ids = write_tinydb_copy(Path(store_path), Path(tinydb_path))
    claim_ids = list(review_ids)[:: max(1, len(review_ids) // count)][:count]
    db = TinyDB(tinydb_path)
    reviews = db.table("reviews")
    timings = []
    for claim_id in claim_ids:
        doc: dict[str, Any] = {"claim_id": claim_id, "marks": {}, "verdict": None, "notes": []}
        started = time.perf_counter()
        reviews.upsert(doc, Query().claim_id == claim_id)
        timings.append((time.perf_counter() - started) * 1000)
    db.close()
    return {"bytes": Path(tinydb_path).stat().st_size, "updates": len(timings),
            "update_ms_median": statistics.median(timings), "update_ms_max": max(timings)}


def tui(store_path: str, steps: int) -> dict[str, Any]:
    """`factcheck.tui.perf.measure_tui` on the store (opening the store timed apart)."""
    from factcheck.core.store import Store
    from factcheck.settings import Settings
    from factcheck.tui.perf import measure_tui

    started = time.perf_counter()
    store = Store.open(store_path)
    open_s = time.perf_counter() - started
    figures = dict(measure_tui(store, Settings(reviewer="bench"), steps=steps))
    figures["open_s"] = open_s
    return figures


def export(store_path: str, fmt: str) -> dict[str, Any]:
    """`factcheck.core.report.export_report` of every claim in format ``fmt``."""
    from factcheck.core import report
    from factcheck.core.store import Store
    from factcheck.settings import Settings

    store = Store.open(store_path)
    claims = len(store.raw("claims"))
    gc.collect()
    started = time.perf_counter()
    document = report.export_report(store, _format_name(report, fmt), Settings(reviewer="bench"),
                                    report.ExportOptions())
    seconds = time.perf_counter() - started
    size = len(document) if isinstance(document, str | bytes) else None
    return {"seconds": seconds, "claims": claims, "chars": size}


def _format_name(module: Any, fmt: str) -> str:
    """The name ``export_report`` takes for ``fmt`` (``markdown`` may be spelled ``md``)."""
    known = getattr(module, "FORMATS", ())
    aliases = {"markdown": ("markdown", "md"), "html": ("html",),
               "claimreview": ("claimreview", "claim_review", "jsonld")}
    return next((name for name in aliases.get(fmt, (fmt,)) if name in known), fmt)


def run_on(chars: int, language: str, folder: str) -> dict[str, Any]:
    """Ingest, extract and link one page whose body is a paragraph of ``chars`` characters
    without a full stop (`bench.runon`), into a fresh store, as ``factcheck ingest`` does."""
    from bench.runon import run_on as page
    from factcheck.core.pipeline import ingest_paths
    from factcheck.core.store import Store

    Path(folder).mkdir(parents=True, exist_ok=True)
    fresh = Path(tempfile.mkdtemp(prefix=f"run-on-{language}-", dir=folder))
    path = fresh / f"run-on-{language}.txt"
    path.write_text(page(chars, language), encoding="utf-8")
    store = Store.open(fresh / "claims.json")
    started, cpu = time.perf_counter(), time.process_time()
    report = ingest_paths(store, [path], workers=1)
    seconds, cpu_s = time.perf_counter() - started, time.process_time() - cpu
    store.close()
    files = [f for f in report.files if f.status != "error"]
    return {"seconds": seconds, "cpu_s": cpu_s, "chars": chars,
            "claims": sum(f.claims for f in files),
            "errors": len(report.files) - len(files) + len(report.errors)}


def migrate(source: str, destination: str) -> dict[str, Any]:
    """``factcheck migrate-store SOURCE DESTINATION`` (copied, read back, compared), timed."""
    from factcheck.cli import main

    started = time.perf_counter()
    code = main(["migrate-store", source, destination, "--replace"])
    if code != 0:
        raise RuntimeError(f"migrate-store exited {code}")
    return {"seconds": time.perf_counter() - started}


def _marker(store_path: str, reviewer: str, slots: list[tuple[str, str]], start: Any,
            done: Any) -> None:
    from factcheck.core.review import mark
    from factcheck.core.store import Store

    store = Store.open(store_path)
    start.wait()
    for i, (claim_id, passage_id) in enumerate(slots):
        mark(store, claim_id, passage_id, ("supports", "contradicts")[i % 2], reviewer)
    store.close()
    done.put(reviewer)


def concurrent_marks(store_path: str, processes: int, count: int) -> dict[str, Any]:
    """``processes`` reviewers (processes) mark the same ``count`` rows at once; the wall time
    from the common start to the last mark, and how many marks the store then holds."""
    import multiprocessing

    from bench.stores import sample_marks
    from factcheck.core.store import Store

    with Store.open(store_path) as store:
        slots = sample_marks(store, count)
    context = multiprocessing.get_context("fork")
    start, done = context.Event(), context.Queue()
    reviewers = [f"bench-{n}" for n in range(processes)]
    workers = [context.Process(target=_marker, args=(store_path, r, slots, start, done))
               for r in reviewers]
    for worker in workers:
        worker.start()
    time.sleep(1.0)  # every worker has opened the store
    started = time.perf_counter()
    start.set()
    finished = [done.get(timeout=600) for _ in workers]
    wall = time.perf_counter() - started
    for worker in workers:
        worker.join()
    with Store.open(store_path) as store:
        reviews = store.raw("reviews")
        kept = sum(1 for claim_id, passage_id in slots for r in reviewers
                   if r in reviews.get(claim_id, {}).get("marks", {}).get(passage_id, {}))
    return {"wall_s": wall, "marks": processes * count, "kept": kept,
            "marks_per_s": processes * count / wall, "finished": len(finished)}
