"""Kill a reviewer's process at random moments: the store opens, every acknowledged mark is kept.

Each trial starts a worker that marks passages and prints ``ACK`` after each `mark` returns,
waits a random time, kills it with SIGKILL (no clean-up runs: like a power cut for the process)
and opens the store. Trials run on the same store one after another, so each worker also starts
on whatever the previous kill left (a torn journal line, a temporary file, a half-done
compaction), and every mark acknowledged in any earlier trial must still be there at the end.
"""

from __future__ import annotations

import functools
import os
import random
import signal
import subprocess
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from factcheck.core.store import Store
from factcheck.core.store.doctor import check, repair
from tests.reliability.helpers import (
    Ack,
    Slot,
    fork_worker,
    kill_after,
    mark_slots,
    missing_acks,
    parse_acks,
    read_all,
    record,
    worker_command,
    worker_env,
    write_slots,
)

TRIALS = 50
CRASH_LEFTOVERS = {"torn-journal", "temp-file", "stale-journal"}
"""What a kill may leave behind: harmless to the store, tidied by ``doctor --repair``."""


def _check_after_kill(db: Path, acks: list[Ack], leftovers: Counter[str], full: bool) -> None:
    store = Store.open(db)  # must open
    assert missing_acks(store, acks) == []
    if not full:
        return
    store.reviews()  # every review document still validates
    found = [p for p in check(db).problems if not p.notice]
    assert {p.kind for p in found} <= CRASH_LEFTOVERS, [p.message for p in found]
    leftovers.update(kind.replace("-", "_") for kind in {p.kind for p in found})


def _mark_worker(db: Path, reviewer: str, order: list[Slot], compact_min: int | None,
                 emit: Callable[[str], None]) -> None:
    mark_slots(db, reviewer, order, emit, compact_min=compact_min)


def _trials(db: Path, slots: list[Slot], name: str, *, compact_min: int | None = None,
            max_delay: float = 0.2) -> None:
    rng = random.Random(os.environ.get("FACTCHECK_CRASH_SEED", "factcheck"))
    all_acks: list[Ack] = []
    leftovers: Counter[str] = Counter()
    mid_compaction = 0
    for trial in range(TRIALS):
        order = rng.sample(slots, len(slots))
        reviewer = f"r{trial}"
        # With compactions on, every other kill aims at one: a random moment shortly after
        # a compaction starts.
        aim = compact_min is not None and trial % 2 == 1
        worker = functools.partial(_mark_worker, db, reviewer, order, compact_min)
        output = kill_after(worker, rng.uniform(0, 0.004 if aim else max_delay),
                             "COMPACT start" if aim else None)
        acks = parse_acks(output)
        all_acks.extend(acks)
        compactions = [line for line in output.splitlines() if line.startswith("COMPACT")]
        mid_compaction += bool(compactions) and compactions[-1] == "COMPACT start"
        _check_after_kill(db, all_acks, leftovers, full=trial % 5 == 4)
    final = Store.open(db)
    kept = len(all_acks) - len(missing_acks(final, all_acks))
    extra = {"compactions": final.header()["generation"],
             "killed_mid_compaction": mid_compaction} if compact_min is not None else {}
    record(name, trials=TRIALS, marks_acknowledged=len(all_acks), marks_kept=kept, **extra,
           **{f"{kind}_of_{TRIALS // 5}_doctor_checks": n for kind, n in leftovers.items()})
    assert kept == len(all_acks) > 0
    if compact_min is not None:
        assert mid_compaction > 0  # some kills did land inside a compaction
    report = repair(db)  # what kills leave behind, doctor tidies
    assert report.healthy, report.remaining
    assert missing_acks(Store.open(db), all_acks) == []


def test_kill_while_marking(big_db: Path, many_claims: tuple[Path, list[Slot]]) -> None:
    _trials(big_db, many_claims[1], "SIGKILL while marking")


def test_kill_while_marking_and_compacting(tmp_path: Path) -> None:
    """The journal is folded into the main file every few marks, so kills land in compactions."""
    from tests.reliability.helpers import build_many_claims

    db = tmp_path / "claims.json"
    slots = build_many_claims(db, copies=10)
    _trials(db, slots, "SIGKILL while marking, compacting every few marks", compact_min=1)


def test_kill_a_separate_interpreter(big_db: Path, many_claims: tuple[Path, list[Slot]],
                                     tmp_path: Path) -> None:
    """The same with ``python -m tests.reliability.workers`` (no fork): 5 trials."""
    rng = random.Random(7)
    all_acks: list[Ack] = []
    for trial in range(5):
        slots = write_slots(tmp_path / f"slots{trial}.json", rng.sample(many_claims[1], 300))
        proc = subprocess.Popen(worker_command("mark", str(big_db), f"p{trial}", str(slots)),
                                stdout=subprocess.PIPE, text=True, env=worker_env(tmp_path))
        assert proc.stdout is not None and proc.stdout.readline() == "READY\n"
        time.sleep(rng.uniform(0.05, 0.3))
        proc.send_signal(signal.SIGKILL)
        out, _ = proc.communicate(timeout=30)
        all_acks.extend(parse_acks(out))
        assert missing_acks(Store.open(big_db), all_acks) == []
    record("SIGKILL a separate interpreter", trials=5, marks_acknowledged=len(all_acks),
           marks_kept=len(all_acks) - len(missing_acks(Store.open(big_db), all_acks)))
    assert all_acks


@pytest.mark.parametrize("moment", ["before-replace", "after-replace"])
def test_kill_at_the_worst_moments_of_a_compaction(tmp_path: Path, moment: str) -> None:
    """Die just before ``os.replace`` (a full temp file is left) or just after it (the journal
    still holds lines of the old generation): neither may lose or double-apply anything."""
    from tests.reliability.helpers import build_many_claims

    db = tmp_path / "claims.json"
    slots = build_many_claims(db, copies=2)

    def worker(emit: Callable[[str], None]) -> None:
        store = Store.open(db)
        emit("READY")
        mark_slots(db, "ann", slots[:5], emit)
        real_replace = os.replace

        def dying_replace(src: object, dst: object) -> None:
            if moment == "after-replace":
                real_replace(src, dst)  # type: ignore[arg-type]
            os.kill(os.getpid(), signal.SIGKILL)

        os.replace = dying_replace  # type: ignore[assignment]
        store.compact()

    pid, fd = fork_worker(worker)
    _, status = os.waitpid(pid, 0)
    assert os.WIFSIGNALED(status)
    acks = parse_acks(read_all(fd, bytearray()))
    assert len(acks) == 5
    store = Store.open(db)
    assert missing_acks(store, acks) == []
    changes = [c for c in store.changes() if c.what == "mark"]
    assert len(changes) == 5  # nothing applied twice
    kinds = {p.kind for p in check(db).problems}
    assert kinds == ({"temp-file"} if moment == "before-replace" else {"stale-journal"})
    assert repair(db).healthy
    assert missing_acks(Store.open(db), acks) == []
