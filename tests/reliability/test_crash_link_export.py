"""Kill a whole-store re-extraction and re-link, and an export, at random moments: every review
survives.

A store of the sample and dev pages carries reviewers' work (marks, notes, verdicts). Each trial
runs, in a forked worker, `extract_all` and `link_all` (bulk rewrites of every mention and
claim, as `factcheck extract` does) and then an export to a
file, and kills it at a random moment. After every kill the store must open with every review
as it was, `doctor` may only note leftovers of the interrupted write, and the export file is
either absent or a whole, valid document (it is replaced atomically).
"""

from __future__ import annotations

import functools
import json
import os
import random
import shutil
import signal
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from factcheck.core import pipeline
from factcheck.core.models import review_rows
from factcheck.core.report import export_report
from factcheck.core.review import add_note, mark, set_verdict
from factcheck.core.store import Store, atomic_write
from factcheck.core.store.doctor import check
from factcheck.settings import Settings
from tests.reliability.helpers import fork_worker, read_all, read_line, record

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"
TRIALS = 80
LEFTOVERS = {"torn-journal", "temp-file", "stale-journal"}


@pytest.fixture(scope="module")
def reviewed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    """A reviewed store of the sample and dev pages, and its reviews as stored."""
    if not (CORPUS / "dev" / "articles").is_dir():
        pytest.skip("no sample and dev corpus")
    db = tmp_path_factory.mktemp("reviewed") / "claims.json"
    store = Store.open(db)
    pipeline.ingest_paths(store, [CORPUS / "seeds", CORPUS / "dev" / "articles"])
    for n, (claim_id, claim) in enumerate(sorted(store.raw("claims").items())[::6]):
        for key, _ in review_rows(claim["evidence"])[:2]:
            mark(store, claim_id, key, "supports", "tess")
        add_note(store, claim_id, f"note {n}", "rina")
        set_verdict(store, claim_id, "true", "tess", f"checked {n}")
    store.compact()
    reviews = {k: v for k, v in store.raw("reviews").items()}
    store.close()
    return db, reviews


def _link_then_export(db: Path, out: Path, emit: Callable[[str], None]) -> None:
    store = Store.open(db)
    emit("READY")
    pipeline.extract_all(store)  # as `factcheck extract`: every mention rewritten, then re-linked
    pipeline.link_all(store)
    emit("LINKED")
    atomic_write(out, export_report(store, "json", Settings()).encode("utf-8"))
    emit("EXPORTED")


def test_kill_during_link_and_export(tmp_path: Path,
                                     reviewed: tuple[Path, dict[str, Any]]) -> None:
    template, reviews = reviewed
    rng = random.Random(os.environ.get("FACTCHECK_CRASH_SEED", "factcheck"))
    # How long each step takes uninterrupted: half the kills land in the re-link, half in
    # the export.
    times: list[float] = []
    warm = Path(shutil.copy(template, tmp_path / "warm.json"))
    _link_then_export(warm, tmp_path / "warm-export.json",
                      lambda line: times.append(time.monotonic()))
    link_time, export_time = times[1] - times[0], times[2] - times[1]
    finished = {"linked": 0, "exported": 0}
    for trial in range(TRIALS):
        db = tmp_path / f"t{trial}" / "claims.json"
        db.parent.mkdir()
        shutil.copy(template, db)
        out = db.parent / "report.json"
        pid, fd = fork_worker(functools.partial(_link_then_export, db, out))
        buffer = bytearray()
        assert read_line(fd, buffer) == "READY\n"
        if trial % 2:
            time.sleep(link_time + rng.uniform(0, export_time * 1.2))
        else:
            time.sleep(rng.uniform(0, link_time))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        output = read_all(fd, buffer)
        assert "ERROR" not in output, output
        finished["linked"] += "LINKED\n" in output
        finished["exported"] += "EXPORTED\n" in output
        with Store.open(db) as store:
            assert store.raw("reviews") == reviews  # every review, as it was
            assert set(reviews) <= set(store.raw("claims"))  # under its claim
        problems = [p for p in check(db).problems if not p.notice]
        assert {p.kind for p in problems} <= LEFTOVERS, [p.message for p in problems]
        if out.exists():
            document = json.loads(out.read_text(encoding="utf-8"))  # whole, never cut
            assert {c["id"] for c in document["claims"]} >= set(reviews)
    record("SIGKILL during re-link and export", trials=TRIALS, **finished)
    assert finished["linked"] < TRIALS  # kills landed inside the rewrites
