"""Kill ``ingest`` of many files at random moments: every file reported stored is there, whole.

Each trial ingests a fresh batch of articles (the sample corpus pages, each made distinct) one
file at a time, as ``ingest_paths`` does, printing ``ACK <file>`` after each file's transaction,
then re-links the store (a bulk rewrite of the main file). The worker is killed at a random
moment; the store must open, hold every acknowledged file with its passages, and be consistent.
"""

from __future__ import annotations

import functools
import os
import random
import signal
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from factcheck.core.store import Store
from factcheck.core.store.doctor import check
from tests.reliability.helpers import fork_worker, read_all, read_line, record

pipeline = pytest.importorskip("factcheck.core.pipeline", exc_type=ImportError)

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "seeds"
TRIALS = 15
FILES_PER_TRIAL = 6


def _articles(folder: Path, trial: int) -> list[Path]:
    seeds = sorted(CORPUS.glob("*.txt"))
    if not seeds:
        pytest.skip(f"the sample corpus is not at {CORPUS}")
    folder.mkdir()
    files = []
    for i in range(FILES_PER_TRIAL):
        seed = seeds[i % len(seeds)]
        path = folder / f"t{trial}-{i}-{seed.name}"
        # A distinct last line makes each file a new source (its own sha256).
        path.write_text(seed.read_text(encoding="utf-8") + f"\n\nCatatan redaksi {trial}.{i}.\n",
                        encoding="utf-8")
        files.append(path)
    return files


def _ingest(db: Path, files: list[Path], emit: Callable[[str], None]) -> None:
    store = Store.open(db)
    emit("READY")
    for path in files:
        report = pipeline.ingest_paths(store, [path], link=False)
        assert not report.failed, report
        emit(f"ACK {path.name}")
    pipeline.link_all(store)
    emit("LINKED")


def test_kill_during_ingest_of_many_files(tmp_path: Path) -> None:
    db = tmp_path / "claims.json"
    rng = random.Random(os.environ.get("FACTCHECK_CRASH_SEED", "factcheck"))
    acked: list[str] = []
    linked = 0
    # Warm up here, so each forked worker starts with the lazy imports (dateparser) done.
    pipeline.ingest_paths(Store.open(tmp_path / "warm.json"), _articles(tmp_path / "warm", -1))
    for trial in range(TRIALS):
        files = _articles(tmp_path / f"batch{trial}", trial)
        pid, fd = fork_worker(functools.partial(_ingest, db, files))
        buffer = bytearray()
        assert read_line(fd, buffer) == "READY\n"
        time.sleep(rng.uniform(0, 0.7))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        output = read_all(fd, buffer)
        assert "ERROR" not in output, output
        acked += [line.split()[1] for line in output.splitlines(keepends=True)
                  if line.startswith("ACK ") and line.endswith("\n")]
        linked += "LINKED\n" in output
        store = Store.open(db)
        stored = {s.file: s for s in store.sources()}
        missing = [name for name in acked if name not in stored]
        assert missing == []
        for name in acked:
            assert store.passages(stored[name].id), name  # the file's passages came with it
    problems = [p for p in check(db).problems if not p.notice]
    assert {p.kind for p in problems} <= {"torn-journal", "temp-file", "stale-journal"}, \
        [p.message for p in problems]
    kept = sum(name in {s.file for s in Store.open(db).sources()} for name in acked)
    record("SIGKILL during ingest", trials=TRIALS, files_acknowledged=len(acked),
           files_kept=kept, trials_that_finished_linking=linked)
    assert kept == len(acked) > 0
