"""Two reviewers marking the same store at the same moment, from two processes: nothing is lost.

Both reviewers mark the *same* claims, so every mark is a read-modify-write of a review document
the other process has just changed: without the lock and the refresh under it, one reviewer's
marks would overwrite the other's.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from factcheck.core.store import Store
from factcheck.core.store.doctor import check
from tests.reliability.helpers import (
    Slot,
    missing_acks,
    parse_acks,
    record,
    run_together,
    worker_command,
    worker_env,
    write_slots,
)


def _first_passage_of_each_claim(slots: list[Slot], count: int) -> list[Slot]:
    chosen: dict[str, str] = {}
    for claim_id, passage_id in slots:
        chosen.setdefault(claim_id, passage_id)
    return list(chosen.items())[:count]


def test_two_processes_mark_200_claims_each_at_once(
        big_db: Path, many_claims: tuple[Path, list[Slot]], tmp_path: Path) -> None:
    slots = _first_passage_of_each_claim(many_claims[1], 200)
    assert len(slots) == 200
    file = write_slots(tmp_path / "slots.json", slots)
    outputs = run_together(
        [worker_command("mark", str(big_db), reviewer, str(file), "--wait")
         for reviewer in ("ann", "ben")], tmp_path)
    acks = [ack for out in outputs for ack in parse_acks(out)]
    assert len(acks) == 400
    store = Store.open(big_db)  # the file opens
    assert missing_acks(store, acks) == []
    marks = sum(len(by_reviewer) for review in store.raw("reviews").values()
                for by_reviewer in review["marks"].values())
    assert marks == 400
    assert len([c for c in store.changes() if c.what == "mark"]) == 400
    assert len(store.reviews()) == 200  # every review still validates
    assert check(big_db).problems == []
    record("concurrent reviewers (2 processes x 200 marks)", marks_acknowledged=len(acks),
           marks_kept=len(acks) - len(missing_acks(store, acks)))


def test_two_factcheck_mark_commands_at_once(
        big_db: Path, many_claims: tuple[Path, list[Slot]], tmp_path: Path) -> None:
    """``factcheck mark`` run over and over by two processes: each run opens the store anew."""
    slots = _first_passage_of_each_claim(many_claims[1], 40)
    file = write_slots(tmp_path / "slots.json", slots)
    outputs = run_together(
        [worker_command("cli-mark", str(big_db), reviewer, str(file), "--wait")
         for reviewer in ("ann", "ben")], tmp_path)
    acks = [ack for out in outputs for ack in parse_acks(out)]
    assert len(acks) == 80
    assert missing_acks(Store.open(big_db), acks) == []
    record("concurrent `factcheck mark` (2 processes x 40 commands)", marks_acknowledged=80,
           marks_kept=80 - len(missing_acks(Store.open(big_db), acks)))


def test_two_separate_factcheck_processes_at_once(
        big_db: Path, many_claims: tuple[Path, list[Slot]], tmp_path: Path) -> None:
    """The real console entry point, ``python -m factcheck mark``, 2 x 4 runs side by side."""
    slots = _first_passage_of_each_claim(many_claims[1], 4)
    env = worker_env(tmp_path)
    for claim_id, passage_id in slots:
        procs = [subprocess.Popen(
            [*worker_command()[:1], "-m", "factcheck", "mark", claim_id, passage_id, "supports",
             "--db", str(big_db), "--reviewer", reviewer],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
            for reviewer in ("ann", "ben")]
        for proc in procs:
            _, err = proc.communicate(timeout=60)
            assert proc.returncode == 0, err
    reviews = Store.open(big_db).raw("reviews")
    for claim_id, passage_id in slots:
        assert set(reviews[claim_id]["marks"][passage_id]) == {"ann", "ben"}


ROOT_CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"


def test_four_reviewers_300_changes_each_while_ingest_link_and_export_run(
        tmp_path: Path) -> None:
    """Four reviewers (processes) make 300 changes each on one store while a fifth process
    ingests 16 pages, re-links the whole store and exports it: every acknowledged change is in
    the change log exactly once, every reviewer's last mark of each row is what the store
    holds, the file opens and `doctor` finds nothing wrong."""
    import pytest

    from factcheck.cli import main
    from factcheck.core.models import review_rows

    if not (ROOT_CORPUS / "dev" / "articles").is_dir():
        pytest.skip("no sample and dev corpus")
    db = tmp_path / "claims.json"
    assert main(["ingest", str(ROOT_CORPUS / "seeds"), "--db", str(db)]) == 0
    with Store.open(db) as store:
        rows = [(cid, key) for cid, claim in sorted(store.raw("claims").items())
                for key, _ in review_rows(claim["evidence"])]
    reviewers = ("ann", "ben", "cat", "dan")
    commands = []
    for n, reviewer in enumerate(reviewers):
        mine = [rows[(n * 7 + i) % len(rows)] for i in range(300)]  # rows come round again
        file = write_slots(tmp_path / f"slots-{reviewer}.json", mine)
        commands.append(worker_command("mark", str(db), reviewer, str(file), "--wait"))
    env = worker_env(tmp_path)
    pipeline = subprocess.Popen(
        [*worker_command()[:1], "-c",
         "import sys; from factcheck.cli import main; db = sys.argv[1]; "
         "codes = [main(['ingest', sys.argv[2], '--db', db]), "
         "main(['link', '--db', db]), "
         "main(['export', '--format', 'json', '--db', db, '-o', sys.argv[3]])]; "
         "sys.exit(max(codes))",
         str(db), str(ROOT_CORPUS / "dev" / "articles"), str(tmp_path / "export.json")],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    outputs = run_together(commands, tmp_path, timeout=600)
    _, err = pipeline.communicate(timeout=600)
    assert pipeline.returncode == 0, err
    acks = [ack for out in outputs for ack in parse_acks(out)]
    assert len(acks) == 1200
    last = {(a.claim, a.passage, a.reviewer): a for a in acks}
    store = Store.open(db)
    lost = missing_acks(store, last.values())
    assert lost == []
    changes = [c for c in store.changes() if c.what == "mark"]
    for reviewer in reviewers:
        assert len([c for c in changes if c.who == reviewer]) == 300
    assert check(db).problems == []
    assert (tmp_path / "export.json").stat().st_size > 0
    record("concurrent reviewers with ingest, link and export (4 processes x 300 marks)",
           marks_acknowledged=len(acks), changes_logged=len(changes),
           final_marks_held=len(last) - len(lost))
