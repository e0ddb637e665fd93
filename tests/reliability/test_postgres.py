"""The concurrency and crash tests of the file store, on a PostgreSQL store (a real server: see
`tests.postgres`): reviewers marking at once from several processes, and reviewers' processes
killed at random moments, lose nothing that was acknowledged.
"""

from __future__ import annotations

import functools
import os
import random
import signal
import subprocess
import time
from pathlib import Path

import pytest

from factcheck.cli import main
from factcheck.core.store import Store
from factcheck.core.store.doctor import check_database
from tests.reliability.helpers import (
    Ack,
    Slot,
    kill_after,
    mark_slots,
    missing_acks,
    parse_acks,
    record,
    run_together,
    worker_command,
    worker_env,
    write_slots,
)

TRIALS = 30


@pytest.fixture
def big_pg(many_claims: tuple[Path, list[Slot]], pg_url: str) -> str:
    """The 210-claim store, copied into a database of its own."""
    assert main(["migrate-store", str(many_claims[0]), pg_url]) == 0
    return pg_url


def test_four_processes_mark_200_claims_each_at_once(
        big_pg: str, many_claims: tuple[Path, list[Slot]], tmp_path: Path) -> None:
    """Four reviewers mark the same 200 claims at the same moment: every mark is a
    read-modify-write of a review another process has just changed."""
    chosen: dict[str, str] = {}
    for claim_id, passage_id in many_claims[1]:
        chosen.setdefault(claim_id, passage_id)
    slots = list(chosen.items())[:200]
    file = write_slots(tmp_path / "slots.json", slots)
    reviewers = ("ann", "ben", "cat", "dan")
    outputs = run_together([worker_command("mark", big_pg, reviewer, str(file), "--wait")
                            for reviewer in reviewers], tmp_path, timeout=300)
    acks: list[Ack] = [ack for out in outputs for ack in parse_acks(out)]
    assert len(acks) == 800
    with Store.open(big_pg) as store:
        assert missing_acks(store, acks) == []
        marks = sum(len(by_reviewer) for review in store.raw("reviews").values()
                    for by_reviewer in review["marks"].values())
        assert marks == 800
        assert len([c for c in store.changes() if c.what == "mark"]) == 800
        assert len(store.reviews()) == 200
    assert [p for p in check_database(big_pg).problems if not p.notice] == []
    record("PostgreSQL: concurrent reviewers (4 processes x 200 marks)",
           marks_acknowledged=len(acks), marks_kept=len(acks) - len(missing_acks(
               Store.open(big_pg), acks)))


def test_kill_while_marking(big_pg: str, many_claims: tuple[Path, list[Slot]]) -> None:
    """SIGKILL a reviewer's process mid-work, over and over: the server rolls back the cut
    transaction, every acknowledged mark is kept, the next reviewer is never blocked by the
    dead one's lock."""
    rng = random.Random(os.environ.get("FACTCHECK_CRASH_SEED", "factcheck"))
    slots = many_claims[1]
    all_acks: list[Ack] = []
    for trial in range(TRIALS):
        worker = functools.partial(mark_slots, big_pg, f"r{trial}",
                                   rng.sample(slots, len(slots)))
        all_acks += parse_acks(kill_after(worker, rng.uniform(0.05, 0.4)))
        with Store.open(big_pg) as store:
            assert missing_acks(store, all_acks) == []
    assert all_acks
    with Store.open(big_pg) as store:
        store.reviews()  # every review still validates
        kept = len(all_acks) - len(missing_acks(store, all_acks))
    assert [p for p in check_database(big_pg).problems if not p.notice] == []
    record("PostgreSQL: SIGKILL while marking", trials=TRIALS,
           marks_acknowledged=len(all_acks), marks_kept=kept)
    assert kept == len(all_acks)


def test_kill_while_relinking_keeps_the_store_and_every_review(
        big_pg: str, many_claims: tuple[Path, list[Slot]], tmp_path: Path) -> None:
    """A re-link rewrites every claim in one transaction: killed at any moment, the database
    holds the old claims or the new ones, and the reviews made before are all there."""
    rng = random.Random("relink")
    slots = many_claims[1][:40]
    acks: list[Ack] = []
    mark_slots(big_pg, "ann", slots, lambda line: acks.extend(parse_acks(line + "\n")))
    assert len(acks) == 40
    for _ in range(5):
        proc = subprocess.Popen(
            [*worker_command()[:1], "-m", "factcheck", "link", "--db", big_pg],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=worker_env(tmp_path))
        time.sleep(rng.uniform(0.2, 1.5))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        with Store.open(big_pg) as store:
            assert store.claims()
            assert missing_acks(store, acks) == []
    assert [p for p in check_database(big_pg).problems if not p.notice] == []
