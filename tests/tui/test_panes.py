"""Pilot tests of the claim panes and the scrollbars the list and the passages draw themselves.

The panes keep their size from claim to claim (a cursor step never lays out the screen), keep
what they drew for claims seen recently (and drop it when the store changes), and scroll with
the wheel, the page keys and the scrollbar as Textual's own scrollable widgets do.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual import events
from textual.pilot import Pilot
from textual.widget import Widget

from factcheck.tui.app import make_app
from factcheck.tui.widgets.claim_list import ClaimList
from factcheck.tui.widgets.passages import Passages
from tests.tui.bigstore import big_store
from tests.tui.helpers import app_for, drive, pane_text, settings


def wheel_down(pilot: Pilot[Any], widget: Widget, x: int = 5, y: int = 3) -> None:
    """Turn the mouse wheel over ``widget`` (the event a terminal sends, at screen cells)."""
    region = widget.content_region
    pilot.app.post_message(events.MouseScrollDown(
        None, region.x + x, region.y + y, 0, 1, 0, False, False, False,
        screen_x=region.x + x, screen_y=region.y + y))


def test_panes_keep_their_size_from_claim_to_claim(store_path: Path) -> None:
    app = app_for(store_path)
    regions: list[tuple[Any, Any]] = []

    async def steps(pilot: Pilot[Any]) -> None:
        for key in ("", "j", "j", "k"):  # a long detail, another, a short one, back
            if key:
                await pilot.press(key)
            regions.append((app.screen.query_one("#detail").region,
                            app.screen.query_one("#passages").region))
            if len(regions) == 3:
                assert "Warga menulis" in pane_text(app, "#detail")

    drive(app, steps)
    assert len(set(regions)) == 1


def test_back_to_a_claim_shows_it_as_it_is_now(store_path: Path) -> None:
    app = app_for(store_path)
    seen: list[str] = []

    async def steps(pilot: Pilot[Any]) -> None:
        seen.append(pane_text(app, "#passages"))
        await pilot.press("j", "k")
        seen.append(pane_text(app, "#passages"))
        await pilot.press("tab", "a", "tab", "j", "k")  # mark a passage, away and back
        seen.append(pane_text(app, "#passages"))

    drive(app, steps)
    assert seen[0] == seen[1]
    assert "you: —" in seen[0].split("World Wire")[0]
    assert "you: supports" in seen[2].split("World Wire")[0]


def test_passages_scroll_with_wheel_keys_and_scrollbar(store_path: Path) -> None:
    app = app_for(store_path)
    tops: list[int] = []
    cursors: list[int] = []

    async def steps(pilot: Pilot[Any]) -> None:
        passages = app.screen.query_one(Passages)
        assert passages.line_count() > passages.size.height  # the first claim overflows
        tops.append(passages.first_line())
        wheel_down(pilot, passages)
        await pilot.pause()
        tops.append(passages.first_line())
        width, height = passages.size
        # The track below the thumb pages down; the pane takes the focus, as with Textual's
        # scrollbars, and the cursor stays (a scrollbar click is not a click on a passage).
        await pilot.click(passages, offset=(width, height))
        tops.append(passages.first_line())
        cursors.append(passages.cursor)
        assert passages.has_focus
        await pilot.press("home")
        tops.append(passages.first_line())
        await pilot.press("pagedown")
        tops.append(passages.first_line())
        cursors.append(passages.cursor)

    drive(app, steps)
    assert tops[0] == 0 and tops[1] == 2
    assert tops[2] > tops[1]
    assert tops[3] == 0 and tops[4] > 0
    assert cursors == [0, 0]


def test_long_list_scrollbar_pages_and_drags_without_moving_the_cursor() -> None:
    app = make_app(big_store(300), settings(), cursor_blink=False)
    seen: list[tuple[int, int]] = []

    async def steps(pilot: Pilot[Any]) -> None:
        claims = app.screen.query_one(ClaimList)
        width, height = claims.size
        wheel_down(pilot, claims)
        await pilot.pause()
        seen.append((claims.first_line(), claims.cursor))
        await pilot.click(claims, offset=(width - 1, height - 1))  # the track: a page down
        seen.append((claims.first_line(), claims.cursor))
        thumb = next(y for y in range(height)
                     if app.screen.get_style_at(claims.region.x + width - 1,
                                                claims.region.y + y).meta.get("@mouse.down")
                     == "grab")
        await pilot.mouse_down(claims, offset=(width - 1, thumb))
        await pilot.hover(claims, offset=(width - 1, thumb + 3))
        await pilot.mouse_up(claims, offset=(width - 1, thumb + 3))
        seen.append((claims.first_line(), claims.cursor))
        await pilot.press("j")
        seen.append((claims.first_line(), claims.cursor))

    drive(app, steps)
    assert seen[0] == (2, 0)
    assert seen[1][0] > 2 and seen[1][1] == 0
    assert seen[2][0] > seen[1][0] and seen[2][1] == 0
    assert seen[3] == (1, 1)  # the cursor moves on from where it was, back into view


def test_a_dispute_is_told_once(store_path: Path) -> None:
    """The detail states a conflict (outlets, dates, values) once; each passage of it says only
    that it is one of its sides (the reason was repeated under every passage)."""
    app = app_for(store_path)
    texts: dict[str, str] = {}

    async def steps(pilot: Pilot[Any]) -> None:
        for _ in range(10):
            data = app.screen.claim_data
            if data is not None and data.conflicts:
                break
            await pilot.press("j")
        data = app.screen.claim_data
        assert data is not None and data.conflicts
        texts["reason"] = data.conflicts[0].reason
        texts["detail"] = pane_text(app, "#detail")
        texts["passages"] = pane_text(app, "#passages")

    drive(app, steps)
    reason = texts["reason"]
    assert texts["detail"].count(reason) == 1
    assert reason not in texts["passages"]
    assert "a side of the" in texts["passages"]
