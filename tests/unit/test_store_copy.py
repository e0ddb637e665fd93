"""``claims.json`` alone holds every review after each command and after the review TUI: a
copy of that one file (a backup, an e-mail attachment, a commit) loses nothing. (Reviews used to
live in ``claims.json.journal`` until the journal grew large: ``cp claims.json backup.json``
kept none of them.)"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from factcheck.cli import main
from factcheck.core.review import mark
from factcheck.core.store import Store
from tests.factories import build_store
from tests.tui.helpers import app_for, drive


def _store(tmp_path: Path) -> Path:
    path = tmp_path / "store" / "claims.json"
    path.parent.mkdir()
    store = Store.open(path)
    build_store(store, reviewed=False)
    store.compact()
    store.close()
    return path


def _copy_alone(path: Path, tmp_path: Path) -> Store:
    """The main file only, copied elsewhere, opened."""
    target = tmp_path / "copy" / "claims.json"
    target.parent.mkdir()
    shutil.copy(path, target)
    return Store.open(target)


def test_a_copy_of_claims_json_after_cli_reviews_holds_them_all(tmp_path: Path) -> None:
    path = _store(tmp_path)
    with Store.open(path) as store:
        evidence = store.raw("claims")["c-visit"]["evidence"]
        passage, other = evidence[0]["passage_id"], evidence[-1]["passage_id"]
    base = ["--db", str(path), "--reviewer", "tess"]
    assert main(["mark", "c-visit", passage, "supports", *base]) == 0
    assert main(["note", "c-visit", "called the ministry", *base]) == 0
    assert main(["verdict", "c-visit", "true", "-e", "checked", *base]) == 0
    assert main(["reject", "c-visit", other, *base]) == 0
    copy = _copy_alone(path, tmp_path)
    review = copy.review("c-visit")
    assert review is not None
    assert review.marks[passage]["tess"].stance == "supports"
    assert [n.text for n in review.notes] == ["called the ministry"]
    assert review.verdict is not None and review.verdict.label == "true"
    assert [d.rejected for d in copy.decisions()] == [["c-visit"]]
    assert len([c for c in copy.changes() if c.who == "tess"]) >= 3


def test_a_copy_of_claims_json_after_a_tui_session_holds_its_marks(tmp_path: Path) -> None:
    path = _store(tmp_path)
    app = app_for(path)

    async def steps(pilot: Pilot[Any]) -> None:
        await pilot.press("tab", "a")  # mark the first passage of the first claim
        await pilot.press("q")

    drive(app, steps)
    copy = _copy_alone(path, tmp_path)
    marks = [m for review in copy.reviews().values() for by in review.marks.values()
             for m in by.values() if m.reviewer == "tess"]
    assert len(marks) == 1


def test_backup_copies_what_is_still_in_the_journal(tmp_path: Path,
                                                    capsys: Any) -> None:
    """Another reviewer's TUI has marked but not folded yet: `factcheck backup` still copies
    every review, while the other session goes on."""
    path = _store(tmp_path)
    other = Store.open(path)
    passage = other.raw("claims")["c-visit"]["evidence"][0]["passage_id"]
    mark(other, "c-visit", passage, "contradicts", "rina")
    assert other.has_pending()
    target = tmp_path / "backup.json"
    assert main(["backup", str(target), "--db", str(path)]) == 0
    assert "backup.json" in capsys.readouterr().out
    with Store.open(target) as copy:
        review = copy.review("c-visit")
    assert review is not None and review.marks[passage]["rina"].stance == "contradicts"
    other.close()


def test_an_idle_tui_folds_its_journal_in(tmp_path: Path, monkeypatch: Any) -> None:
    """A reviewer who marks and then leaves the TUI open: once it has been idle a while, a copy
    of ``claims.json`` taken meanwhile holds the mark."""
    from factcheck.tui.screens import main as main_screen

    monkeypatch.setattr(main_screen, "IDLE_SECONDS", 0.0)
    path = _store(tmp_path)
    app = app_for(path, poll_seconds=0.2)
    counts: list[int] = []

    async def steps(pilot: Pilot[Any]) -> None:
        await pilot.press("tab", "a")
        await pilot.pause(0.8)  # a few polls with nothing pressed
        copy = _copy_alone(path, tmp_path)
        counts.append(sum(1 for review in copy.reviews().values()
                          for by in review.marks.values() for m in by.values()
                          if m.reviewer == "tess"))

    drive(app, steps)
    assert counts == [1]
