"""Pilot tests of the claim list: search, filter, sort, next unreviewed, the layout."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Checkbox, Select

from factcheck.core.models import Claim, Evidence, Kind
from factcheck.tui.screens.filter import FilterScreen
from factcheck.tui.screens.main import MainScreen
from factcheck.tui.widgets.claim_list import ClaimList
from tests.tui.helpers import app_for, drive, pane_text, passage_id, reopen, screen_text


def shown_ids(app: Any) -> list[str]:
    """Ids of the claims the list shows, top to bottom."""
    claims = app.screen.query_one(ClaimList)
    return [claims.view.row(i).id for i in range(len(claims.view))]


def add_accented_claim(path: Path) -> None:
    """A claim whose wording has accents (and capitals) to search for."""
    pid = passage_id(path, "berulang kali membantahnya")
    with reopen(path) as store, store.transaction() as tx:
        passage = store.raw("passages")[pid]
        tx.put("claims", Claim(
            id="c-accent", kind=Kind.QUOTE, text="Le Président a DÉMENTI la visite à Pyongyang",
            score=0.1, outlets=1, origins=1,
            evidence=[Evidence(mention_id="m-none", passage_id=pid,
                               source_id=passage["source_id"])]))


def test_search_is_incremental_and_ignores_case_and_accents(store_path: Path) -> None:
    add_accented_claim(store_path)
    app = app_for(store_path)
    seen: list[list[str]] = []

    async def steps(pilot: Pilot[Any]) -> None:
        await pilot.press("slash", *"WASH")
        seen.append(shown_ids(app))
        await pilot.press("backspace", "backspace", "backspace", "backspace", *"dementi")
        seen.append(shown_ids(app))
        assert "search: dementi" in screen_text(app)
        await pilot.press("enter")  # keep the search, back to the list
        assert app.screen.query_one(ClaimList).has_focus
        await pilot.press("slash", "escape")  # escape clears it
        seen.append(shown_ids(app))

    drive(app, steps)
    assert seen[0] == ["c-arms"]
    assert seen[1] == ["c-accent"]
    assert len(seen[2]) == 4


def test_filter_dialog_unreviewed_and_kind(store_path: Path) -> None:
    app = app_for(store_path)
    seen: list[Any] = []

    async def steps(pilot: Pilot[Any]) -> None:
        await pilot.press("f")
        assert isinstance(app.screen, FilterScreen)
        app.screen.query_one("#unreviewed", Checkbox).value = True
        await pilot.click("#apply")
        seen.append(shown_ids(app))
        seen.append(screen_text(app))
        await pilot.press("f")
        app.screen.query_one("#unreviewed", Checkbox).value = False
        app.screen.query_one("#kind", Select).value = "attribution"
        await pilot.click("#apply")
        seen.append(shown_ids(app))
        await pilot.press("f")
        await pilot.click("#reset")
        seen.append(shown_ids(app))

    drive(app, steps)
    assert seen[0] == ["c-hostile"]
    assert "filter: unreviewed" in seen[1] and "showing 1" in seen[1]
    assert seen[2] == ["c-arms"]
    assert len(seen[3]) == 3


def test_sort_cycles_and_next_unreviewed_jumps(store_path: Path) -> None:
    app = app_for(store_path)
    seen: list[Any] = []

    async def steps(pilot: Pilot[Any]) -> None:
        await pilot.press("right_square_bracket")
        assert isinstance(app.screen, MainScreen)
        seen.append(app.screen.highlighted_claim)
        await pilot.press("S", "S", "S")  # score -> kind -> outlets -> conflicts first
        seen.append(screen_text(app))
        await pilot.press("S")  # unreviewed first
        seen.append(shown_ids(app))

    drive(app, steps)
    assert seen[0] == "c-hostile"  # the only claim without a verdict or full marks
    assert "sort: conflicts first" in seen[1]
    assert seen[2][0] == "c-hostile"


@pytest.mark.parametrize("size", [(140, 40), (80, 24)], ids=["wide", "narrow"])
def test_wide_terminal_puts_panes_side_by_side_narrow_stacks_them(
        store_path: Path, size: tuple[int, int]) -> None:
    app = app_for(store_path)
    regions: dict[str, Any] = {}

    async def steps(pilot: Pilot[Any]) -> None:
        regions["list"] = app.screen.query_one("#list-pane").region
        regions["claim"] = app.screen.query_one("#claim-pane").region

    drive(app, steps, size=size)
    if size[0] >= 100:
        assert regions["claim"].x >= regions["list"].right
    else:
        assert regions["claim"].y >= regions["list"].bottom


def test_hostile_text_is_inert_and_long_text_is_cut(store_path: Path) -> None:
    hostile = ("\x1b[31mRED\x1b[0m [bold]boom[/bold] \u202eevil\u202c zero\u200bwidth "
               + "x" * 1_000_000)
    with reopen(store_path) as store, store.transaction() as tx:
        claim = dict(store.raw("claims")["c-hostile"])
        claim["text"] = hostile
        claim["score"] = 0.99
        tx.put("claims", claim, "c-hostile")
        pid = claim["evidence"][0]["passage_id"]
        passage = dict(store.raw("passages")[pid])
        passage["text"] = hostile
        tx.put("passages", passage, pid)
    app = app_for(store_path)
    seen: list[str] = []

    async def steps(pilot: Pilot[Any]) -> None:
        seen.append(screen_text(app))
        seen.append(pane_text(app, "#passages"))

    drive(app, steps)
    screen, passages = seen
    assert "[bold]boom[/bold]" in screen  # markup shown as typed, not applied
    assert "\x1b" not in screen and "\u202e" not in screen and "\u200b" not in screen
    assert "zerowidth" in screen and "RED [bold]" in screen and "[31m" not in screen
    assert len(passages) < 5_000 and "chars)" in passages  # a window, not a megabyte


def test_filter_by_story_shows_only_that_storys_claims(store_path: Path) -> None:
    from factcheck.core.models import Story

    with reopen(store_path) as store, store.transaction() as tx:
        claims = store.claims()
        for n, claim in enumerate(claims):
            tx.put("claims", claim.model_copy(update={"story_id": "st-b" if n else "st-a"}))
        tx.put("stories", Story(id="st-a", title="Floods in Sumberjaya", sources=[]))
        tx.put("stories", Story(id="st-b", title="Putin in Pyongyang", sources=[]))
        first = claims[0].id
    app = app_for(store_path)
    seen: list[Any] = []

    async def steps(pilot: Pilot[Any]) -> None:
        await pilot.press("f")
        story = app.screen.query_one("#story", Select)
        seen.append([str(title) for title, _sid in app.screen.stories])
        story.value = "st-a"
        await pilot.click("#apply")
        seen.append(shown_ids(app))
        seen.append(screen_text(app))

    drive(app, steps)
    assert seen[0] == [f"Putin in Pyongyang ({len(claims) - 1})", "Floods in Sumberjaya (1)"]
    assert seen[1] == [first]
    assert "story st-a" in seen[2]


def test_search_reads_passages_and_outlets(store_path: Path) -> None:
    """``/`` searched the claim's own wording only: "20 tahun" (another outlet's passage of
    the same claim) and an outlet's name found nothing."""
    app = app_for(store_path)
    seen: list[list[str]] = []
    with reopen(store_path) as store:
        claim = store.raw("claims")["c-visit"]
        texts = [store.raw("passages")[e["passage_id"]]["text"] for e in claim["evidence"]]
    assert "20 tahun" not in claim["text"] and any("20 tahun" in t for t in texts)

    async def steps(pilot: Pilot[Any]) -> None:
        await pilot.press("slash", *"20 tahun")
        seen.append(shown_ids(app))
        await pilot.press(*["backspace"] * 8, *"kabar harian")
        seen.append(shown_ids(app))

    drive(app, steps)
    assert "c-visit" in seen[0]
    assert "c-visit" in seen[1]


def _list_pane(store_path: Path, size: tuple[int, int]) -> str:
    """The claim list pane as the reviewer sees it at ``size`` (the screen's left part)."""
    app = app_for(store_path)
    seen: list[str] = []

    async def steps(pilot: Pilot[Any]) -> None:
        right = app.screen.query_one("#list-pane").region.right
        seen.append("\n".join(line[:right] for line in screen_text(app).splitlines()))

    drive(app, steps, size=size)
    return seen[0]


@pytest.mark.parametrize("size", [(100, 30), (160, 45)], ids=["100", "160"])
def test_claim_text_takes_the_width_the_list_has(store_path: Path,
                                                   size: tuple[int, int]) -> None:
    """At 100 columns the list pane is under 60 cells: the kind column (the claim pane shows
    the kind) gives its cells to the claim's wording; at 160 it is back."""
    listing = _list_pane(store_path, size)
    row = next(line for line in listing.splitlines() if "Putin akan" in line)
    shown = row[row.index("Putin akan"):].split("  ")[0].rstrip("…")
    if size[0] == 100:
        assert "kind" not in listing and "TIME" not in listing
        assert len(shown) >= 25, row
    else:
        assert "kind" in listing and "TIME" in listing
        assert len(shown) >= 40, row


def _two_stories(store_path: Path) -> None:
    from factcheck.core.models import Story

    with reopen(store_path) as store, store.transaction() as tx:
        for n, claim in enumerate(store.claims()):
            tx.put("claims", claim.model_copy(update={"story_id": "st-b" if n else "st-a"}))
        tx.put("stories", Story(id="st-a", title="Floods in Sumberjaya", sources=[]))
        tx.put("stories", Story(id="st-b", title="Putin in Pyongyang", sources=[]))


@pytest.mark.parametrize("size", [(160, 45), (100, 30)], ids=["160", "100"])
def test_a_story_column_names_each_claims_story_when_there_are_several(
        store_path: Path, size: tuple[int, int]) -> None:
    """Claims of several stories in one list: a wide list names each claim's story; a
    narrow one keeps its cells for the wording (the filter still has the stories)."""
    _two_stories(store_path)
    listing = _list_pane(store_path, size)
    rows = [line for line in listing.splitlines() if "/" in line and "│" in line]
    if size[0] == 160:
        assert " story" in listing
        assert sum("Putin in Pyong" in r for r in rows) == 2
        assert sum("Floods in Sumb" in r for r in rows) == 1
    else:
        assert "story" not in listing and "Putin in" not in listing


def test_one_story_needs_no_story_column(store_path: Path) -> None:
    app = app_for(store_path)
    seen: list[str] = []

    async def steps(pilot: Pilot[Any]) -> None:
        seen.append(screen_text(app))

    drive(app, steps, size=(160, 45))
    assert " story" not in seen[0]
