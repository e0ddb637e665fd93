"""The benchmark runner: ``python -m bench [--sizes 1000,10000] [--big] [--quick] [--out F]``.

Writes the corpus, then measures, each in a fresh process (`bench.isolate`): ingest +
extraction of the first size, linking at every size, and on stores of 10k (and with ``--big``
100k) tracked claims: opening, durable marks beside stock TinyDB, the TUI, and exports. Prints
one table (progress goes to stderr) and writes it as JSON.
"""

from __future__ import annotations

import argparse
import math
import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from rich.console import Console

from bench.corpus import DEFAULT_SEED, Corpus
from bench.isolate import Outcome, run_isolated
from bench.tables import Row, machine_info, render, write_json

MARK_TARGET_MS = {10_000: 20.0, 100_000: 50.0}
FIRST_SCREEN_TARGET_S = {10_000: 1.0, 100_000: 3.0}
STEP_TARGET_MS = 16.0
INGEST_TARGET = 100.0
RUN_ON_CHARS = 1_000_000
RUN_ON_TARGET_S = 10.0
"""A paragraph of a million characters without a full stop is ingested within this."""
LINK_TARGET_S = 60.0
LINK_GROWTH_PER_SIZE = 1.2
"""Allowed growth of linking time per unit of size growth (12x for 10x the articles)."""
ADD_ONE_GROWTH = 2.0
"""Adding one article to a store 10x larger may cost at most this many times as much."""
EXPORT_TARGET_S = 5.0
MEMORY_TARGET_MB = 1024.0
EXPORT_FORMATS = ("html", "markdown", "claimreview")
DEFAULT_OUT = Path(__file__).with_name("results.json")
DEFAULT_CACHE = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "factcheck-bench"


@dataclass
class Config:
    """What to measure."""

    sizes: list[int] = field(default_factory=lambda: [1000, 10_000])
    """Article counts: ingest runs at the first, linking at each."""
    claims: list[int] = field(default_factory=lambda: [10_000])
    """Tracked-claim counts of the stores for marks, TUI and (at the first) exports."""
    marks: int = 50
    tinydb_updates: int = 5
    tui_steps: int = 50
    seed: int = DEFAULT_SEED
    workdir: Path | None = None
    keep: bool = False
    out: Path = field(default_factory=lambda: DEFAULT_OUT)
    cache: Path | None = field(default_factory=lambda: DEFAULT_CACHE)
    """Where linking inputs are kept between runs (None: no cache)."""
    postgres: str | None = None
    """A PostgreSQL database the bench may fill (``--postgres``): the store rows again on it."""
    concurrent: tuple[int, int] = (4, 200)
    """Processes x marks of the concurrent-reviewers row."""
    repeat: int = 3
    """Runs of each linking stage; the best counts."""


def _copy_at_rest(source: Path, target: Path) -> None:
    """Copy a store and flush the copy to disk, as factcheck leaves every file it writes: the
    timed stage that follows must not pay for the copy's writeback (its first fsync, of the
    journal's folder, waited for the whole unflushed copy: 0.2 s for a 10k-article store)."""
    shutil.copyfile(source, target)
    fd = os.open(target, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _scale_target(table: dict[int, float], size: int) -> float:
    """The target of the nearest size at or above ``size`` (small sizes use the 10k one)."""
    return next((v for k, v in sorted(table.items()) if size <= k), max(table.values()))


class Runner:
    """Runs the stages in order and collects rows."""

    def __init__(self, config: Config, work: Path, log: Callable[[str], None]) -> None:
        self.config = config
        self.work = work
        self.log = log
        self.rows: list[Row] = []
        self.big_peaks: list[float] = []

    def stage(self, label: str, target: str, timeout: float = 1800, **kwargs: object) -> Outcome:
        """Run one stage in its own process and log how it went."""
        self.log(f"{label} \u2026")
        outcome = run_isolated(f"bench.stages:{target}", timeout=timeout, **kwargs)
        status = "ok" if outcome.ok else outcome.error
        self.log(f"{label}: {status} ({outcome.wall_s:.1f} s wall)")
        return outcome

    def add(self, outcome: Outcome, stage: str, measure: str, size: str, key: str | None,
            **row: object) -> Row:
        """Add a row for figure ``key`` of ``outcome`` (or its error)."""
        value = outcome.figures.get(key) if key and outcome.ok else None
        made = Row(stage, measure, size, value=value, peak_mb=outcome.peak_mb,
                   error=outcome.error, **row)  # type: ignore[arg-type]
        self.rows.append(made)
        return made

    def run(self) -> list[Row]:
        """Every stage, in order."""
        corpus = self.corpus()
        self.ingest(corpus)
        self.run_on()
        self.linking(corpus)
        for claims in self.config.claims:
            self.store(claims, export=claims == self.config.claims[0])
        if any(c >= 100_000 for c in self.config.claims):
            peak = max(self.big_peaks, default=None)
            self.rows.append(Row("memory", "peak RSS of any 100k stage", "100k claims",
                                 value=peak, unit="MiB", target=MEMORY_TARGET_MB,
                                 note="max over open+marks, TUI"))
        return self.rows

    def corpus(self) -> Corpus:
        size = max(self.config.sizes) + 1  # one more page: the article added to a linked store
        folder = self.work / "corpus"
        out = self.stage(f"corpus: {size:,} articles", "corpus", folder=str(folder), size=size,
                         seed=self.config.seed)
        target = 5.0 * size / 10_000 if size >= 10_000 else None
        cpu = f"{out.figures['cpu_s']:.1f} s of processor time; " if out.ok else ""
        self.add(out, "corpus", "generate + write pages", f"{size:,} articles", "seconds",
                 unit="s", target=target, note=f"{cpu}seed {self.config.seed}")
        return Corpus(folder, size, self.config.seed)

    def ingest(self, corpus: Corpus) -> None:
        size = self.config.sizes[0]
        paths = [str(p) for p in corpus.paths(size)]
        store = self.work / "ingest" / "claims.json"
        store.parent.mkdir(parents=True, exist_ok=True)
        out = self.stage(f"ingest: {size:,} articles", "ingest", paths=paths,
                         store_path=str(store))
        f = out.figures
        seconds = f.get("seconds") or 0.0
        if out.ok and seconds:
            f["articles_per_s"] = f["articles"] / seconds
            f["claims_per_s"] = f["claims"] / seconds
        note = (f"{f['articles']:,} articles, {f['claims']:,} claims, {f['errors']} errors in "
                f"{seconds:.1f} s, of which fsync {f['fsync_s']:.1f} s ({f['fsyncs']:,} calls: "
                "one journal line per file)" if out.ok else "")
        label = f"{size:,} articles"
        self.add(out, "ingest + extract", "articles/s", label, "articles_per_s",
                 unit="art/s", target=INGEST_TARGET, higher_is_better=True, note=note)
        self.add(out, "ingest + extract", "claims/s", label, "claims_per_s", unit="claims/s")

    def run_on(self) -> None:
        """One page whose body never ends (`bench.runon`), in each language."""
        chars = RUN_ON_CHARS if self.config.sizes[0] >= 1000 else RUN_ON_CHARS // 10
        for language in ("id", "en"):
            out = self.stage(f"run-on paragraph: {chars:,} characters ({language})", "run_on",
                             chars=chars, language=language, folder=str(self.work / "run-on"))
            f = out.figures
            note = (f"{f['claims']:,} claims, {f['cpu_s']:.1f} s of processor time; ingest + "
                    "extract + link, one paragraph without a full stop" if out.ok else "")
            self.add(out, "ingest + extract", f"run-on paragraph ({language})",
                     f"{chars:,} chars", "seconds", unit="s",
                     target=RUN_ON_TARGET_S if chars == RUN_ON_CHARS else None, note=note)

    def linking(self, corpus: Corpus) -> None:
        """link_all and adding one article at each size, the best of `Config.repeat` runs each
        (a fresh process and a fresh copy of the input each time): on a shared machine one run
        can be a fifth slower than the next, and the growth rows divide two such figures."""
        seconds: dict[int, float] = {}
        add_seconds: dict[int, float | None] = {}
        repeat = max(1, self.config.repeat)
        for size in self.config.sizes:
            store = self.work / "link" / str(size) / "claims.json"
            store.parent.mkdir(parents=True, exist_ok=True)
            runs: list[Outcome] = []
            out: Outcome | None = None
            prep: Outcome | None = None
            for n in range(repeat):
                prep = self.stage(f"link input: {size:,} articles", "prepare_link_store",
                                  paths=[str(p) for p in corpus.paths(size)],
                                  store_path=str(store),
                                  cache=str(self.config.cache) if self.config.cache else None)
                out = prep if not prep.ok else self.stage(
                    f"link_all: {size:,} articles (run {n + 1} of {repeat})", "link",
                    store_path=str(store))
                if not out.ok or out is prep:
                    break
                runs.append(out)
            assert out is not None and prep is not None
            linked = bool(runs) and len(runs) == repeat
            best = min(runs, key=lambda o: o.figures["seconds"]) if linked else out
            f = best.figures
            note = (f"{f['mentions']:,} mentions → {f['claims']:,} claims, "
                    f"{f['multi_outlet']:,} across outlets, {f['conflicts']:,} with conflicts; "
                    f"best of {repeat}" if linked else "")
            self.add(best, "linking", "link_all", f"{size:,} articles", "seconds", unit="s",
                     target=LINK_TARGET_S if size == 10_000 else None, note=note)
            if not linked:
                continue
            seconds[size] = f["seconds"]
            extra = sorted(corpus.folder.glob("part-*/*.txt"))[size]
            linked_copy = store.with_name("linked.json")
            shutil.copyfile(store, linked_copy)
            adds: list[Outcome] = []
            for n in range(repeat):
                for stale in store.parent.glob("claims.json.*"):
                    stale.unlink()
                _copy_at_rest(linked_copy, store)
                added = self.stage(f"add one article: {size:,} articles (run {n + 1})",
                                   "add_one", store_path=str(store), path=str(extra))
                if not added.ok:
                    adds = [added]
                    break
                adds.append(added)
            fastest = min(adds, key=lambda o: o.figures.get("seconds", math.inf))
            add_seconds[size] = fastest.figures.get("seconds") if fastest.ok else None
            note = (f"ingest + extract + re-link its story ({fastest.figures['stories']} "
                    f"re-linked of {fastest.figures['all_stories']:,}); best of {len(adds)}"
                    if fastest.ok else "")
            self.add(fastest, "linking", "add one article", f"to {size:,} articles",
                     "seconds", unit="s", note=note)
        first, last = self.config.sizes[0], self.config.sizes[-1]
        if len(self.config.sizes) > 1:
            growth = seconds[last] / seconds[first] if first in seconds and last in seconds \
                else None
            self.rows.append(Row("linking", "growth", f"{first:,} \u2192 {last:,}",
                                 value=growth, unit="\u00d7",
                                 target=LINK_GROWTH_PER_SIZE * last / first,
                                 note=f"{last / first:.0f}\u00d7 the articles"))
            one, other = add_seconds.get(first), add_seconds.get(last)
            self.rows.append(Row("linking", "add one article, growth", f"{first:,} \u2192 {last:,}",
                                 value=other / one if one and other else None, unit="\u00d7",
                                 target=ADD_ONE_GROWTH,
                                 note="adding an article re-links its own story only"))

    def store(self, claims: int, export: bool) -> None:
        label = f"{claims:,} claims"
        path = self.work / "stores" / str(claims) / "claims.json"
        built = self.stage(f"build store: {label}", "build", store_path=str(path), claims=claims,
                           seed=self.config.seed)
        f = built.figures
        note = (f"{f['sources']:,} articles, {f['passages']:,} passages, {f['mentions']:,} "
                f"mentions, {f['reviews']:,} reviews (one bulk transaction)" if built.ok else "")
        self.add(built, "store", "build directly", label, "seconds", unit="s", note=note)
        if not built.ok:
            return
        big = claims > 10_000
        out = self.stage(f"open + {self.config.marks} marks: {label}", "marks",
                         store_path=str(path), count=self.config.marks)
        if out.ok:
            out.figures["mb"] = out.figures["bytes"] / 1024 / 1024
        self.add(out, "store", "file size", label, "mb", unit="MB")
        self.add(out, "store", "Store.open", label, "open_s", unit="s")
        target = _scale_target(MARK_TARGET_MS, claims)
        fsync = f"; fsync {out.figures['fsync_ms_mean']:.1f} ms on average" if out.ok else ""
        for key, name in (("mark_ms_median", "median"), ("mark_ms_p95", "p95")):
            self.add(out, "store", f"durable mark, {name}", label, key, unit="ms", target=target,
                     note=f"over {self.config.marks} marks{fsync}")
        copy = self.stage(f"backup: {label}", "backup", store_path=str(path),
                          copy_path=str(path.with_name("backup.json")))
        self.add(copy, "store", "what a copy holds", label, "mb", unit="MB",
                 note="`factcheck backup`: one self-contained file, every review and the corpus")
        self.add(copy, "store", "backup (consistent copy)", label, "seconds", unit="s",
                 note="under the write lock; others wait only while it is written")
        updates = 3 if big else self.config.tinydb_updates
        tiny = self.stage(f"stock TinyDB: {label}", "tinydb_updates", store_path=str(path),
                          tinydb_path=str(path.with_name("tinydb.json")), count=updates)
        self.add(tiny, "store", "stock TinyDB upsert, median", label, "update_ms_median",
                 unit="ms", note=f"JSONStorage, {updates} updates; rewrites the whole file")
        ratio = None
        if out.ok and tiny.ok:
            ratio = tiny.figures["update_ms_median"] / out.figures["mark_ms_median"]
        self.rows.append(Row("store", "TinyDB / journal mark", label, value=ratio, unit="\u00d7",
                             note="how many times slower stock TinyDB is"))
        tui = self.stage(f"TUI: {label}", "tui", timeout=900, store_path=str(path),
                         steps=self.config.tui_steps)
        if tui.ok:
            tui.figures["total_s"] = tui.figures["open_s"] + tui.figures["first_screen_s"]
        note = (f"Store.open {tui.figures['open_s']:.2f} s + app "
                f"{tui.figures['first_screen_s']:.2f} s" if tui.ok else "")
        self.add(tui, "TUI", "first full screen", label, "total_s", unit="s",
                 target=_scale_target(FIRST_SCREEN_TARGET_S, claims), note=note)
        for key, name in (("step_ms_median", "median"), ("step_ms_max", "max")):
            self.add(tui, "TUI", f"cursor step, {name}", label, key, unit="ms",
                     target=STEP_TARGET_MS, note=f"{self.config.tui_steps} steps, CPU time")
        if big:
            self.big_peaks += [o.peak_mb for o in (out, tui) if o.peak_mb is not None]
        if export:
            self.shared(path, label)
            for fmt in EXPORT_FORMATS:
                done = self.stage(f"export {fmt}: {label}", "export", store_path=str(path),
                                  fmt=fmt)
                chars = done.figures.get("chars")
                self.add(done, "export", fmt, label, "seconds", unit="s",
                         target=EXPORT_TARGET_S,
                         note=f"{chars / 1024 / 1024:.1f} MB" if chars else "")


    def shared(self, path: Path, label: str) -> None:
        """Reviewers on many machines: concurrent marks on the file, then the same store on
        PostgreSQL (copied there with migrate-store): durable mark, TUI, concurrent marks."""
        processes, count = self.config.concurrent
        what = f"{processes} processes x {count} marks"
        spare = path.with_name("shared.json")
        shutil.copy2(path, spare)
        done = self.stage(f"concurrent marks (file): {label}", "concurrent_marks",
                          store_path=str(spare), processes=processes, count=count)
        self._concurrent_rows(done, "store", what, label)
        url = self.config.postgres
        if not url:
            self.rows.append(Row("PostgreSQL", "(not run)", label,
                                 error="n/a (no --postgres URL given)"))
            return
        moved = self.stage(f"migrate-store to PostgreSQL: {label}", "migrate",
                           source=str(path), destination=url)
        self.add(moved, "PostgreSQL", "migrate-store file -> database", label, "seconds",
                 unit="s", note="copied, read back and compared")
        if not moved.ok:
            return
        out = self.stage(f"PostgreSQL open + {self.config.marks} marks: {label}", "marks",
                         store_path=url, count=self.config.marks)
        self.add(out, "PostgreSQL", "Store.open", label, "open_s", unit="s")
        target = _scale_target(MARK_TARGET_MS, int(label.split()[0].replace(",", "")))
        for key, name in (("mark_ms_median", "median"), ("mark_ms_p95", "p95")):
            self.add(out, "PostgreSQL", f"durable mark, {name}", label, key, unit="ms",
                     target=target, note=f"over {self.config.marks} marks; one transaction "
                     "each, local socket")
        tui = self.stage(f"PostgreSQL TUI: {label}", "tui", timeout=900, store_path=url,
                         steps=self.config.tui_steps)
        if tui.ok:
            tui.figures["total_s"] = tui.figures["open_s"] + tui.figures["first_screen_s"]
        self.add(tui, "PostgreSQL", "TUI first full screen", label, "total_s", unit="s",
                 target=1.0 if "10,000" in label else None)
        self.stage(f"migrate-store back: {label}", "migrate", source=str(path),
                   destination=url)
        done = self.stage(f"concurrent marks (PostgreSQL): {label}", "concurrent_marks",
                          store_path=url, processes=processes, count=count)
        self._concurrent_rows(done, "PostgreSQL", what, label)

    def _concurrent_rows(self, done: Outcome, stage: str, what: str, label: str) -> None:
        kept = (f"{done.figures['kept']:,} of {done.figures['marks']:,} marks kept"
                if done.ok else "")
        self.add(done, stage, f"concurrent reviewers, {what}", label, "wall_s", unit="s",
                 note=kept)
        self.add(done, stage, "concurrent reviewers, marks/s", label, "marks_per_s",
                 unit="marks/s", higher_is_better=True)


def parse_args(argv: list[str] | None = None) -> tuple[Config, bool]:
    """The command line (see the module docstring); returns the config and ``--quiet``."""
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--sizes", help="article counts, comma-separated (default 1000,10000)")
    parser.add_argument("--claims", help="claim counts of the stores (default 10000)")
    parser.add_argument("--big", action="store_true", help="also a 100k-claim store")
    parser.add_argument("--quick", action="store_true",
                        help="tiny sizes (50/200 articles, 1k claims): proves the runner works")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--workdir", type=Path, help="keep corpus and stores here")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--quiet", action="store_true", help="no progress lines on stderr")
    parser.add_argument("--no-cache", action="store_true",
                        help=f"re-ingest the linking inputs (cached in {DEFAULT_CACHE})")
    parser.add_argument("--repeat", type=int, metavar="N",
                        help="runs of each linking stage, the best counts (default 3; 1 with "
                        "--quick)")
    parser.add_argument("--postgres", metavar="URL",
                        help="a PostgreSQL database the bench may overwrite: the store rows "
                        "(durable mark, TUI, concurrent marks) again on it")
    args = parser.parse_args(argv)
    config = Config(seed=args.seed, workdir=args.workdir, keep=args.workdir is not None,
                    out=args.out, cache=None if args.no_cache else DEFAULT_CACHE,
                    postgres=args.postgres)
    if args.quick:
        config.sizes, config.claims = [50, 200], [1000]
        config.marks, config.tinydb_updates, config.tui_steps = 10, 3, 5
        config.concurrent = (2, 20)
        config.repeat = 1
    if args.repeat:
        config.repeat = args.repeat
    if args.sizes:
        config.sizes = _counts(args.sizes)
    if args.claims:
        config.claims = _counts(args.claims)
    if args.big and 100_000 not in config.claims:
        config.claims.append(100_000)
    return config, args.quiet


def _counts(text: str) -> list[int]:
    return [int(part.strip().replace("_", "")) for part in text.split(",") if part.strip()]


def main(argv: list[str] | None = None) -> list[Row]:
    """Run the benchmark, print the table, write the JSON; returns the rows."""
    config, quiet = parse_args(argv)
    progress = Console(stderr=True, log_path=False)
    work = config.workdir or Path(tempfile.mkdtemp(prefix="factcheck-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    machine = machine_info(work)

    def log(message: str) -> None:
        if not quiet:
            progress.log(message)

    try:
        rows = Runner(config, work, log).run()
    finally:
        if not config.keep:
            log(f"removing {work}")
            shutil.rmtree(work, ignore_errors=True)
    machine["load_after"] = machine_info(Path("."))["load_before"]
    notes = [
        "Each stage ran in a fresh process; peak RSS is that process's ru_maxrss.",
        "The machine may be shared: the load average before and after is in the caption.",
        "Durable mark = review.mark: one journal line (review + change-log entry), fsynced.",
        "Stock TinyDB = JSONStorage upsert of one review on a file holding the same documents.",
        "TUI first screen = Store.open + factcheck.tui.perf.measure_tui's first_screen_s; "
        "steps are processor time per key.",
    ]
    out = Console()
    if not out.is_terminal:
        out = Console(width=170)  # a log file or pipe: do not squeeze the table into 80 columns
    out.print(render(rows, machine, "factcheck benchmarks"))
    write_json(config.out, rows, machine, notes)
    if not quiet:
        progress.log(f"results written to {config.out}")
    return rows
