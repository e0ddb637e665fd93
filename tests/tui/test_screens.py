"""Pilot tests of the other screens: help, history, article, export, palette, rebound keys."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input, Select

from factcheck.core.review import add_note, set_verdict
from factcheck.settings import DEFAULT_KEYS
from factcheck.tui.keys import HELP
from factcheck.tui.screens.article import ArticleScreen
from factcheck.tui.screens.error import ErrorScreen
from factcheck.tui.screens.export import ExportScreen
from factcheck.tui.screens.help import HelpScreen
from factcheck.tui.screens.history import HistoryScreen
from factcheck.tui.screens.main import MainScreen
from tests.tui.helpers import REVIEWER, app_for, drive, passage_id, reopen, screen_text


def test_help_lists_every_key_of_the_settings(store_path: Path) -> None:
    app = app_for(store_path, keys={**DEFAULT_KEYS, "supports": "z"})
    seen: list[str] = []

    async def steps(pilot: Pilot[Any]) -> None:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        seen.append(screen_text(app))
        await pilot.press("escape")
        await pilot.press("z")  # the rebound key marks "supports"...
        await pilot.press("k", "a")  # ...and the old one does nothing any more

    drive(app, steps, size=(140, 100))
    help_text = seen[0]
    for action in DEFAULT_KEYS:
        assert HELP[action] in help_text, action
    assert " z  " in help_text
    with reopen(store_path) as store:
        review = store.review("c-visit")
        assert review is not None
        mine = [m[REVIEWER].stance for m in review.marks.values() if REVIEWER in m]
    assert mine == ["supports"]


def test_command_palette_offers_the_review_actions(store_path: Path) -> None:
    app = app_for(store_path)
    seen: list[str] = []

    async def steps(pilot: Pilot[Any]) -> None:
        await pilot.press("ctrl+p", *"verdict")
        await pilot.pause(0.3)
        seen.append(screen_text(app))
        await pilot.press("enter")
        await pilot.pause()
        seen.append(type(app.screen).__name__)

    drive(app, steps)
    assert "Verdict (v)" in seen[0]
    assert seen[1] == "VerdictScreen"


def test_history_shows_who_when_and_conflicts(store_path: Path) -> None:
    with reopen(store_path) as store:
        set_verdict(store, "c-visit", "false", "budi")  # without `seen`: replaces rina's
        set_verdict(store, "c-visit", "misleading", "rina")
        add_note(store, "c-visit", "[bold]not bold[/bold] [link=http://x]no link[/link]", "budi")
    app = app_for(store_path)
    seen: list[str] = []

    async def steps(pilot: Pilot[Any]) -> None:
        await pilot.press("h")
        assert isinstance(app.screen, HistoryScreen)
        seen.append(screen_text(app))

    drive(app, steps, size=(140, 40))
    text = seen[0]
    assert "rina" in text and "budi" in text and "2024-06-20 09:30" in text
    assert "True" in text and "→ False" in text and "→ Misleading" in text
    assert "⚠ replaced budi's verdict" in text
    assert "[bold]not bold[/bold] [link=http://x]no" in text  # notes are text, not markup


def test_article_view_shows_the_whole_article(store_path: Path) -> None:
    app = app_for(store_path)
    seen: list[str] = []

    async def steps(pilot: Pilot[Any]) -> None:
        await pilot.press("o")
        assert isinstance(app.screen, ArticleScreen)
        seen.append(screen_text(app))
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)

    drive(app, steps)
    text = seen[0]
    assert "Tempo" in text and "editor: Ida" in text
    assert "Washington mengatakan" in text  # the other claims of the article
    assert "<script>alert(1)</script>" in text  # hostile text shown as text


def test_export_runs_in_a_worker_and_failures_show_a_dialog(store_path: Path,
                                                           tmp_path: Path) -> None:
    target = tmp_path / "out" / "report.json"
    app = app_for(store_path)

    async def steps(pilot: Pilot[Any]) -> None:
        await pilot.press("e")
        assert isinstance(app.screen, ExportScreen)
        app.screen.query_one("#format", Select).value = "json"
        app.screen.query_one("#path", Input).value = str(target)
        await pilot.click("#export")  # the folder does not exist: the worker fails
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ErrorScreen)
        assert "report.json" in screen_text(app)
        await pilot.press("enter")
        assert isinstance(app.screen, ExportScreen)
        target.parent.mkdir()
        await pilot.click("#export")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)

    drive(app, steps)
    report = json.loads(target.read_text(encoding="utf-8"))
    assert "c-visit" in json.dumps(report)


def test_quit_never_asks_and_everything_is_saved(store_path: Path) -> None:
    app = app_for(store_path)
    tempo = passage_id(store_path, "24 tahun")

    async def steps(pilot: Pilot[Any]) -> None:
        await pilot.press("a", "q")

    drive(app, steps)
    assert app.return_code == 0 and not app.is_running
    with reopen(store_path) as store:
        review = store.review("c-visit")
        assert review is not None and review.marks[tempo][REVIEWER].stance == "supports"


def test_mouse_and_themes(store_path: Path) -> None:
    app = app_for(store_path)
    seen: list[Any] = []

    async def steps(pilot: Pilot[Any]) -> None:
        await pilot.click("#claims", offset=(10, 2))  # the third claim
        assert isinstance(app.screen, MainScreen)
        for _ in range(40):  # the panes follow the list once input settles
            if app.screen.highlighted_claim == "c-hostile":
                break
            await pilot.pause(0.05)
        seen.append(app.screen.highlighted_claim)
        await pilot.click("#passages", offset=(10, 3))  # its only passage, and the focus
        seen.append(app.screen.query_one("#passages").has_focus)
        app.theme = "nord"
        await pilot.pause()
        seen.append(screen_text(app))

    drive(app, steps)
    assert seen[0] == "c-hostile"
    assert seen[1] is True
    assert "Warga menulis" in seen[2]


def test_footer_shows_link_keys_only_for_suggestions(store_path: Path) -> None:
    app = app_for(store_path)
    footers: list[str] = []

    def footer() -> str:
        return " ".join(b.binding.description for b in app.screen.active_bindings.values()
                        if b.binding.show and b.enabled)

    async def steps(pilot: Pilot[Any]) -> None:
        footers.append(footer())  # the list has the focus
        await pilot.press("tab")
        footers.append(footer())  # Tempo's passage: linked automatically
        await pilot.press("j", "j")
        footers.append(footer())  # Kabar Harian's passage: a suggestion

    drive(app, steps)
    assert "Verdict" in footers[0] and "Supports" not in footers[0]
    assert "Supports" in footers[1] and "Confirm link" not in footers[1]
    assert "Confirm link" in footers[2] and "Reject link" in footers[2]


def test_export_dialog_marks_its_checkboxes_and_counts_in_words(store_path: Path) -> None:
    """A checked box shows an X (not only another colour), and one claim is "1 claim"."""
    from factcheck.tui.screens.export import MarkedCheckbox

    app = app_for(store_path)
    seen: list[tuple[str, str, str]] = []

    async def steps(pilot: Pilot[Any]) -> None:
        await pilot.press("slash", *"WASH", "enter")  # one claim left in the list
        await pilot.press("e")
        await pilot.pause()
        box = app.screen.query_one("#reviewed-only", MarkedCheckbox)
        before = box.render().plain
        box.value = True
        await pilot.pause()
        seen.append((before, box.render().plain,
                     app.screen.query_one("#shown-only", MarkedCheckbox).render().plain))

    drive(app, steps)
    before, after, shown = seen[0]
    assert "X" not in before and "X" in after
    assert "Only the 1 claim shown" in shown


def test_history_names_claims_and_shows_where_in_full(store_path: Path) -> None:
    """A rejected link named the claims by raw id, and "where" was cut at 30 characters."""
    from factcheck.core.decisions import reject_link

    with reopen(store_path) as store:
        claim = store.raw("claims")["c-visit"]
        passage = claim["evidence"][-1]["passage_id"]
        text = store.raw("passages")[passage]["text"]
        reject_link(store, "c-visit", passage, "budi")
    app = app_for(store_path)
    seen: list[str] = []

    async def steps(pilot: Pilot[Any]) -> None:
        await pilot.press("h")
        seen.append(pane_text_of_history(app))

    drive(app, steps, size=(160, 45))
    shown = seen[0]
    assert "claim “" in shown and "c-visit →" not in shown
    assert text[:45] in " ".join(shown.split())  # well beyond the 30 characters it was cut at


def pane_text_of_history(app: Any) -> str:
    """All the text of the history table (wrapped cells joined)."""
    from rich.console import Console

    screen = app.screen
    console = Console(width=200, record=True, file=io.StringIO())
    console.print(screen._table(screen.store.changes(screen.claim_id)))
    return console.export_text()
