"""Pilot tests: marks, notes, verdicts, undo and redo, checked on screen and in the store."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from factcheck.core.review import set_verdict
from factcheck.tui.screens.note import NoteScreen
from factcheck.tui.screens.verdict import VerdictScreen
from factcheck.tui.widgets.passages import Passages
from tests.tui.helpers import (
    REVIEWER,
    app_for,
    drive,
    pane_text,
    passage_id,
    reopen,
    screen_text,
)


def test_first_screen_shows_claims_detail_and_progress(store_path: Path) -> None:
    app = app_for(store_path)
    seen: dict[str, str] = {}

    async def steps(pilot: Pilot[Any]) -> None:
        seen["text"] = screen_text(app)
        seen["passages"] = pane_text(app, "#passages")

    drive(app, steps)
    text = seen["text"]
    assert "Reviewed 2 of 3" in text  # c-visit and c-arms have verdicts
    assert "Putin akan mengunjun" in text  # the list
    assert "value 24  unit years" in text  # normalized fields of the highest-scored claim
    assert "verdict True  by rina" in text
    assert "Tempo · 1 passage" in text
    assert "you: — · budi: supports · rina: supports" in seen["passages"]  # others' marks
    assert "link suggested · suggested: contradicts" in seen["passages"]


def test_mark_then_clear_is_saved_with_the_reviewer(store_path: Path) -> None:
    app = app_for(store_path)
    tempo = passage_id(store_path, "24 tahun")
    shown: list[str] = []

    async def steps(pilot: Pilot[Any]) -> None:
        await pilot.press("tab", "a")  # to the passages; mark Tempo's passage "supports"
        passages = app.screen.query_one(Passages)
        assert passages.current is not None
        assert passages.current.outlet == "World Wire"  # the cursor moved on
        await pilot.press("k")
        shown.append(pane_text(app, "#passages"))
        await pilot.press("x")  # change to contradicts
        await pilot.press("k", "backspace")  # and clear it
        shown.append(pane_text(app, "#passages"))

    drive(app, steps)
    assert "you: supports" in shown[0]
    assert "you: supports" not in shown[1] and "you: contradicts" not in shown[1]
    with reopen(store_path) as store:
        review = store.review("c-visit")
        assert review is not None
        assert REVIEWER not in review.marks.get(tempo, {})
        assert review.marks[tempo]["rina"].stance == "supports"  # others' marks untouched
        log = [(c.who, c.before, c.after) for c in store.changes("c-visit")
               if c.what == "mark" and c.who == REVIEWER]
    assert log == [(REVIEWER, None, "supports"), (REVIEWER, "supports", "contradicts"),
                   (REVIEWER, "contradicts", None)]


def test_mark_from_the_list_marks_the_highlighted_passage(store_path: Path) -> None:
    app = app_for(store_path)
    tempo = passage_id(store_path, "24 tahun")
    drive(app, lambda pilot: pilot.press("d"))
    with reopen(store_path) as store:
        review = store.review("c-visit")
        assert review is not None and review.marks[tempo][REVIEWER].stance == "denial"


def test_note_on_passage_and_on_claim(store_path: Path) -> None:
    app = app_for(store_path)
    wire = passage_id(store_path, "Vladimir Putin will visit")
    shown: list[str] = []

    async def steps(pilot: Pilot[Any]) -> None:
        await pilot.press("tab", "j", "n")  # passages focused: the note is on the passage
        assert isinstance(app.screen, NoteScreen)
        await pilot.press(*"Wire copy", "enter", *"second line")
        await pilot.press("ctrl+s")
        assert not isinstance(app.screen, NoteScreen)
        shown.append(pane_text(app, "#passages"))
        await pilot.press("tab", "n", *"whole claim", "ctrl+s")  # list focused: on the claim
        await pilot.press("n", *"never saved", "escape")  # escape cancels
        shown.append(pane_text(app, "#detail"))

    drive(app, steps)
    assert f"✎ {REVIEWER}" in shown[0] and "Wire copy" in shown[0]
    assert "whole claim" in shown[1] and "never saved" not in shown[1]
    with reopen(store_path) as store:
        review = store.review("c-visit")
        assert review is not None
        mine = {n.text: n.passage_id for n in review.notes if n.author == REVIEWER}
    assert mine == {"Wire copy\nsecond line": wire, "whole claim": None}


def test_verdict_picker_sets_the_verdict_in_the_settings_language(store_path: Path) -> None:
    app = app_for(store_path, language="id")
    shown: list[str] = []

    async def steps(pilot: Pilot[Any]) -> None:
        await pilot.press("v")
        assert isinstance(app.screen, VerdictScreen)
        shown.append(screen_text(app))
        await pilot.press("down", "down", "enter")  # True -> Partly true -> Misleading
        shown.append(screen_text(app))

    drive(app, steps)
    assert "Sebagian benar" in shown[0]  # Indonesian labels
    assert "verdict Menyesatkan  by tess" in shown[1]
    with reopen(store_path) as store:
        review = store.review("c-visit")
        assert review is not None and review.verdict is not None
        assert (review.verdict.label, review.verdict.reviewer) == ("misleading", REVIEWER)


def test_a_verdict_over_one_this_reviewer_has_not_seen_is_not_saved(store_path: Path) -> None:
    """Another reviewer's verdict arrived after this one opened the claim: choosing a verdict
    writes nothing and says who set what; once read, choosing again saves."""
    app = app_for(store_path, poll_seconds=3600)  # no poll: the screen still shows rina's
    shown: list[str] = []

    async def steps(pilot: Pilot[Any]) -> None:
        with reopen(store_path) as other:  # another reviewer, another process
            set_verdict(other, "c-visit", "false", "budi", "Checked the archive.")
        await pilot.press("v")  # the picker opened on what this reviewer saw (rina's True)
        await pilot.press("enter")
        await pilot.pause()
        shown.append(screen_text(app))
        with reopen(store_path) as store:
            verdict = store.review("c-visit").verdict  # type: ignore[union-attr]
            shown.append(f"{verdict.label} {verdict.reviewer}")  # type: ignore[union-attr]
        await pilot.press("v")  # now on budi's False
        await pilot.press("enter")
        await pilot.pause()

    drive(app, steps)
    assert "Verdict not saved" in shown[0] and "budi set the verdict to “False”" in shown[0]
    assert shown[1] == "false budi"  # budi's verdict was not overwritten
    with reopen(store_path) as store:
        last = [c for c in store.changes("c-visit") if c.what == "verdict"][-1]
        assert last.who == REVIEWER and not last.conflict
        assert last.before["reviewer"] == "budi"


def test_undo_and_redo_this_sessions_changes(store_path: Path) -> None:
    app = app_for(store_path)
    tempo = passage_id(store_path, "24 tahun")
    shown: list[str] = []

    async def steps(pilot: Pilot[Any]) -> None:
        await pilot.press("tab", "u", "k")  # mark unrelated, back to that passage
        await pilot.press("ctrl+z")
        shown.append(pane_text(app, "#passages"))
        await pilot.press("ctrl+y")
        shown.append(pane_text(app, "#passages"))
        await pilot.press("n", *"oops", "ctrl+s", "ctrl+z")  # a note, undone
        shown.append(pane_text(app, "#passages") + pane_text(app, "#detail"))

    drive(app, steps)
    assert "you: unrelated" not in shown[0]
    assert "you: unrelated" in shown[1]
    assert "oops" not in shown[2]
    with reopen(store_path) as store:
        review = store.review("c-visit")
        assert review is not None
        assert review.marks[tempo][REVIEWER].stance == "unrelated"
        assert not [n for n in review.notes if n.text == "oops"]


def test_another_process_change_is_noticed_and_the_cursor_stays(shared_store: Path | str) -> None:
    app = app_for(shared_store, poll_seconds=0.05)
    shown: list[str] = []

    async def steps(pilot: Pilot[Any]) -> None:
        await pilot.press("j")  # on c-arms
        with reopen(shared_store) as other:
            set_verdict(other, "c-hostile", "unverifiable", "budi")
        await pilot.pause(0.3)
        shown.append(screen_text(app))
        shown.append(pane_text(app, "#detail"))

    drive(app, steps)
    assert "Reviewed 3 of 3" in shown[0]
    assert "Unverifi" in shown[0]
    assert "Washington mengatakan Korea Utara telah memasok senjata" in shown[1]  # same claim


def test_the_reviewer_whose_verdict_was_replaced_is_told(shared_store: Path | str) -> None:
    app = app_for(shared_store, reviewer="rina", poll_seconds=0.05)  # rina set c-visit's verdict
    shown: list[str] = []

    async def steps(pilot: Pilot[Any]) -> None:
        with reopen(shared_store) as other:  # budi overrules from the command line (no `seen`)
            set_verdict(other, "c-visit", "false", "budi")
        await pilot.pause(0.4)
        shown.append(screen_text(app))

    drive(app, steps, size=(120, 30))
    assert "Verdict replaced" in shown[0]
    assert "budi replaced your verdict" in shown[0]


def test_a_mark_changed_in_another_window_is_not_taken_for_the_one_shown(
        shared_store: Path | str) -> None:
    """The same reviewer clears a mark in another window; within the poll interval the TUI
    still showed it, and pressing the mark's key again was dropped as "already so"."""
    from factcheck.core.review import mark as store_mark

    app = app_for(shared_store, poll_seconds=3600)  # no poll: only the key can notice
    tempo = passage_id(shared_store, "24 tahun")

    async def steps(pilot: Pilot[Any]) -> None:
        await pilot.press("tab")
        passages = app.screen.query_one(Passages)
        for _ in range(len(passages.shown)):
            if passages.current is not None and passages.current.id == tempo:
                break
            await pilot.press("j")
        await pilot.press("a")  # supports
        await pilot.pause()
        with reopen(shared_store) as other:  # the other window clears it
            store_mark(other, "c-visit", tempo, None, REVIEWER)
        await pilot.press("k")
        await pilot.press("a")  # supports again: must be stored, not skipped
        await pilot.pause()

    drive(app, steps)
    with reopen(shared_store) as store:
        review = store.review("c-visit")
    assert review is not None and review.marks[tempo][REVIEWER].stance == "supports"
