"""Regression tests for bugs the reliability work found (each was first a failing test)."""

from __future__ import annotations

import errno
import io
import json
import os
import shutil
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest

from factcheck.cli import commands, main
from factcheck.core.decisions import confirm_link
from factcheck.core.models import Claim, Kind
from factcheck.core.review import set_verdict
from factcheck.core.store import FileBackend, Store, StoreError, migrations
from tests.factories import build_store
from tests.reliability.doctoring import healthy_store
from tests.reliability.helpers import (
    fork_worker,
    hand_over,
    has_traceback,
    run_unprivileged,
    unprivileged_dir,
)
from tests.reliability.hostile import HOSTILE_LINE, UNSAFE, hostile_store


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return healthy_store(tmp_path / "claims.json")


def test_link_decisions_of_two_passages_of_one_claim_are_both_kept(db: Path) -> None:
    store = Store.open(db)
    claim = store.claim("c-visit")
    assert claim is not None
    first, second = claim.evidence[2], claim.evidence[1]
    confirm_link(store, "c-visit", first.passage_id, "rina")
    confirm_link(store, "c-visit", second.passage_id, "rina")
    assert {first.mention_id, second.mention_id} <= set(Store.open(db).raw("decisions"))


def test_exit_code_tells_whether_the_mark_was_saved(db: Path, capsys: pytest.CaptureFixture[str],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    passage = Store.open(db).claim("c-arms").evidence[0].passage_id  # type: ignore[union-attr]
    monkeypatch.setattr(FileBackend, "needs_compaction", lambda self: True)
    real_fsync = os.fsync

    def full_for_new_files(fd: int) -> None:
        if ".tmp" in os.readlink(f"/proc/self/fd/{fd}"):
            raise OSError(errno.ENOSPC, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", full_for_new_files)
    code = main(["mark", "c-arms", passage, "denial", "--db", str(db), "--reviewer", "tess"])
    monkeypatch.undo()
    saved = "tess" in Store.open(db).review("c-arms").marks.get(passage, {})  # type: ignore[union-attr]
    assert (code == 0) == saved


@pytest.mark.parametrize("header", [{"schema_version": "one"}, {"generation": "x"},
                                    {"schema_version": -1}, {"schema_version": 0}])
def test_a_damaged_or_unupgradable_header_is_a_clear_error(
        tmp_path: Path, header: dict[str, object], capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(migrations, "MIGRATIONS", {})  # schema 0 with no step to upgrade it
    path = tmp_path / "claims.json"
    path.write_text(json.dumps({"_meta": {"store": {"format": "factcheck", **header}}}))
    code = main(["claims", "--db", str(path)])
    err = capsys.readouterr().err
    assert code != 0 and str(path) in err.replace("\n", "") and not has_traceback(err)


@pytest.mark.parametrize("value", [float("nan"), float("inf"), float("-inf")])
def test_a_number_json_cannot_hold_is_refused_or_survives_reopening(tmp_path: Path,
                                                                     value: float) -> None:
    # Straight to the store, as a document (a model would refuse it before the store sees it).
    path = tmp_path / "claims.json"
    store = Store.open(path)
    doc = Claim(id="c-1", kind=Kind.OTHER, text="x", score=0.5).model_dump(mode="json")
    doc["score"] = value
    try:
        with store.transaction() as tx:
            tx.put("claims", doc, doc_id="c-1")
    except (ValueError, StoreError):
        pass  # refused with a clear error: fine, as long as the store still opens
    store.close()
    reopened = Store.open(path)
    assert [c.id for c in reopened.claims()] in ([], ["c-1"])
    store2 = Store.open(path)
    store2.compact()  # folding the journal into the main file must not break it either
    assert [c.id for c in Store.open(path).claims()] in ([], ["c-1"])


@pytest.fixture
def shared_folder() -> Iterator[Path]:
    folder = unprivileged_dir()
    yield folder
    folder.chmod(0o755)
    shutil.rmtree(folder)


def test_a_real_read_only_store_file_is_not_changed(shared_folder: Path) -> None:
    store = healthy_store(shared_folder / "claims.json")
    passage = Store.open(store).claim("c-visit").evidence[0].passage_id  # type: ignore[union-attr]
    before = store.read_bytes()
    hand_over(shared_folder)
    store.chmod(0o444)

    def action() -> list[object]:
        import sys

        os.environ["XDG_CONFIG_HOME"] = str(shared_folder / "config")
        sys.stdout, sys.stderr = io.StringIO(), io.StringIO()
        code = main(["mark", "c-visit", passage, "denial", "--db", str(store),
                     "--reviewer", "tess"])
        try:
            Store.open(store).compact()
        except StoreError as exc:
            return [code, sys.stderr.getvalue(), str(exc)]
        return [code, sys.stderr.getvalue(), "compacted"]

    code, err, compaction = run_unprivileged(action)  # type: ignore[misc]
    assert store.read_bytes() == before
    assert code != 0 and "read-only" in err
    assert "read-only" in compaction


def test_a_real_read_only_folder_refuses_marks(shared_folder: Path) -> None:
    store = healthy_store(shared_folder / "claims.json")  # journal and lock file exist
    hand_over(shared_folder)
    shared_folder.chmod(0o555)

    def action() -> str:
        try:
            set_verdict(Store.open(store), "c-arms", "false", "rina")
        except StoreError as exc:
            return str(exc)
        return "saved"

    assert "read-only" in str(run_unprivileged(action))


def test_a_crashed_compaction_leaves_no_temp_file_after_the_next_one(db: Path) -> None:
    def die_before_replace(emit: object) -> None:
        os.replace = lambda *a: os.kill(os.getpid(), signal.SIGKILL)  # type: ignore[assignment]
        Store.open(db).compact()

    pid, fd = fork_worker(die_before_replace)  # type: ignore[arg-type]
    os.waitpid(pid, 0)
    os.close(fd)
    Store.open(db).compact()
    assert list(db.parent.glob(".claims.json.*.tmp")) == []


def test_a_symlinked_store_stays_a_symlink(tmp_path: Path) -> None:
    (tmp_path / "synced").mkdir()
    target = healthy_store(tmp_path / "synced" / "claims.json")
    link = tmp_path / "claims.json"
    link.symlink_to(target)
    store = Store.open(link)
    set_verdict(store, "c-arms", "false", "tess")
    store.compact()
    assert link.is_symlink()
    assert Store.open(target).review("c-arms").verdict.label == "false"  # type: ignore[union-attr]


def test_show_prints_reviewer_names_inert(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "claims.json"
    hostile_store(Store.open(path), reviewer="rina " + HOSTILE_LINE)
    assert main(["show", "c-hostile-0", "--db", str(path)]) == 0
    assert UNSAFE.findall(capsys.readouterr().out) == []


def test_emoji_codes_in_scraped_text_are_shown_literally(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    from factcheck.core.models import Source

    path = tmp_path / "claims.json"
    store = Store.open(path)
    with store.transaction() as tx:
        tx.put("sources", Source(id="s-1", file="a.txt", sha256="0" * 64, text="t",
                                 title="Harga :thumbs_up: naik :warning:"))
    monkeypatch.setattr(commands.console, "width", 300)  # the real console, only wider
    assert main(["sources", "--db", str(path)]) == 0
    assert "Harga :thumbs_up: naik :warning:" in capsys.readouterr().out


def test_arabic_letter_mark_is_removed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from factcheck.core.ingest import ingest_bytes

    text = ingest_bytes("Judul\n\nPutin berkata \u061c24\u061c tahun.\n".encode(), "a.txt")
    assert "\u061c" not in text.source.text
    path = tmp_path / "claims.json"
    store = build_store(Store.open(path), reviewed=False)
    with store.transaction() as tx:
        claim = store.claim("c-arms")
        assert claim is not None
        tx.put("claims", claim.model_copy(update={"text": "Putin \u061c24\u061c tahun"}))
    assert main(["claims", "--db", str(path)]) == 0
    assert "\u061c" not in capsys.readouterr().out
