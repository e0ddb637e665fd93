"""Bugs found by the reliability work in modules it does not own, each as a failing test.

Every test is ``xfail(strict=True)``: the suite stays green while the bug is there, and the test
turns red (XPASS) the day it is fixed, so whoever fixes it removes the marker. The reason names
the file and the fix.
"""

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
from factcheck.core import migrations
from factcheck.core.decisions import confirm_link
from factcheck.core.models import Claim, Kind
from factcheck.core.review import set_verdict
from factcheck.core.storage import FileStorage, StoreError
from factcheck.core.store import Store
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


def bug(where: str) -> pytest.MarkDecorator:
    return pytest.mark.xfail(strict=True, reason=where)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return healthy_store(tmp_path / "claims.json")


@bug("store.py `_key` picks `claim_id` before `mention_id`, so decisions.py `_decide` stores a "
     "LinkDecision under its claim id (and reads it back by mention id): confirming a second "
     "passage of a claim overwrites the first decision. Fix: put decisions with "
     "doc_id=mention_id (or key by table)")
def test_link_decisions_of_two_passages_of_one_claim_are_both_kept(db: Path) -> None:
    store = Store.open(db)
    claim = store.claim("c-visit")
    assert claim is not None
    first, second = claim.evidence[2], claim.evidence[1]
    confirm_link(store, "c-visit", first.passage_id, "rina")
    confirm_link(store, "c-visit", second.passage_id, "rina")
    assert {first.mention_id, second.mention_id} <= set(Store.open(db).raw("decisions"))


@bug("store.py `Store.transaction`: when the compaction that follows a durable journal append "
     "fails (disk full, read-only folder), the error escapes, so `mark` and `factcheck mark` "
     "report a failure ('nothing stored was changed') for a mark that was saved. Fix: after "
     "the append, treat a failed compaction as a warning (retry later), not a failure")
def test_exit_code_tells_whether_the_mark_was_saved(db: Path, capsys: pytest.CaptureFixture[str],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    passage = Store.open(db).claim("c-arms").evidence[0].passage_id  # type: ignore[union-attr]
    monkeypatch.setattr(FileStorage, "needs_compaction", lambda self: True)
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


@bug("store.py `_check_and_migrate` (`int(meta.get('schema_version'))`), `_migrate` "
     "(`migrations.migrate` raises ValueError) and storage.py `_load_all` "
     "(`int(meta.get('generation'))`) let ValueError escape: the CLI shows a traceback. Fix: "
     "raise StoreError naming the file ('damaged header', 'cannot upgrade schema N')")
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


@bug("models.py / store.py: a float that is not finite (a NaN similarity score) is accepted by "
     "the models and `Transaction.put`, kept as NaN in memory but written as JSON null, so the "
     "claim is 'damaged' on the next open. Fix: ConfigDict(allow_inf_nan=False) on the models "
     "(refused when made), or refuse non-finite floats in `Transaction.put`")
def test_a_nan_score_is_refused_or_survives_reopening(tmp_path: Path) -> None:
    path = tmp_path / "claims.json"
    store = Store.open(path)
    try:
        claim = Claim(id="c-1", kind=Kind.OTHER, text="x", score=float("nan"))
        with store.transaction() as tx:
            tx.put("claims", claim)
    except (ValueError, StoreError):
        return  # refused with a clear error: fine
    Store.open(path).claims()


@pytest.fixture
def shared_folder() -> Iterator[Path]:
    folder = unprivileged_dir()
    yield folder
    folder.chmod(0o755)
    shutil.rmtree(folder)


@bug("storage.py never checks that claims.json is writable: marks go to the journal and the "
     "next compaction `os.replace`s the read-only file (keeping its read-only mode). A reviewer "
     "who made a finished store read-only sees it changed. Fix: refuse to write (StoreError "
     "'permission denied') when `os.access(path, os.W_OK)` is false")
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
        Store.open(store).compact()
        return [code, sys.stderr.getvalue()]

    code, err = run_unprivileged(action)  # type: ignore[misc]
    assert store.read_bytes() == before
    assert code != 0 and "permission denied" in err


@bug("storage.py: in a read-only folder whose journal already exists, marks are appended to it "
     "(no error) and only compaction fails, later, with 'nothing stored was changed'. "
     "tests/unit/test_store.py::test_read_only_folder_gives_a_clear_error fails the same way "
     "when run as a normal user (it is skipped as root, so it never ran here). Fix: check the "
     "folder is writable before appending")
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

    assert "permission denied" in str(run_unprivileged(action))


@bug("storage.py `atomic_write`: a crash between writing the temporary file and `os.replace` "
     "leaves `.claims.json.<pid>.tmp`, a full copy of the store, and nothing ever removes it "
     "(50 kill trials left 49 of them). Fix: remove `.claims.json.*.tmp` of dead processes "
     "when compacting under the lock (doctor --repair does it meanwhile)")
def test_a_crashed_compaction_leaves_no_temp_file_after_the_next_one(db: Path) -> None:
    def die_before_replace(emit: object) -> None:
        os.replace = lambda *a: os.kill(os.getpid(), signal.SIGKILL)  # type: ignore[assignment]
        Store.open(db).compact()

    pid, fd = fork_worker(die_before_replace)  # type: ignore[arg-type]
    os.waitpid(pid, 0)
    os.close(fd)
    Store.open(db).compact()
    assert list(db.parent.glob(".claims.json.*.tmp")) == []


@bug("storage.py `atomic_write` replaces the path it is given: a claims.json that is a symlink "
     "(into a synced folder) becomes a regular file and the real file stops getting changes. "
     "Fix: resolve the path once in FileStorage (`Path(path).resolve()`)")
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


@bug("cli/commands.py `cmd_show`: reviewers' names in the 'marks:' line are printed without "
     "`inert` (`history` does use `safe(c.who)`), so a name with escape sequences reaches the "
     "terminal. Fix: inert(r) there")
def test_show_prints_reviewer_names_inert(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "claims.json"
    hostile_store(Store.open(path), reviewer="rina " + HOSTILE_LINE)
    assert main(["show", "c-hostile-0", "--db", str(path)]) == 0
    assert UNSAFE.findall(capsys.readouterr().out) == []


@bug("cli/common.py: the consoles render emoji codes, so a scraped ':warning:' or "
     "':thumbs_up:' in a title is shown as an emoji, not as the text the page had. Fix: "
     "Console(emoji=False) (or escape ':' codes in `safe`)")
def test_emoji_codes_in_scraped_text_are_shown_literally(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from rich.console import Console

    from factcheck.core.models import Source

    path = tmp_path / "claims.json"
    store = Store.open(path)
    with store.transaction() as tx:
        tx.put("sources", Source(id="s-1", file="a.txt", sha256="0" * 64, text="t",
                                 title="Harga :thumbs_up: naik :warning:"))
    wide = Console(file=io.StringIO(), width=300, highlight=False)
    monkeypatch.setattr(commands, "console", wide)
    assert main(["sources", "--db", str(path)]) == 0
    assert "Harga :thumbs_up: naik :warning:" in wide.file.getvalue()  # type: ignore[attr-defined]


@bug("core/views.py `inert` (and core/textnorm.py `strip_invisible`) miss U+061C ARABIC "
     "LETTER MARK, a bidi control (Unicode Bidi_Control: U+061C, U+200E-F, U+202A-E, "
     "U+2066-9). Fix: add \\u061c to both character classes")
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
