"""Helpers for the TUI tests: a deterministic store, settings, and the screen as text."""

from __future__ import annotations

import asyncio
import html
import re
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from factcheck.core.store import Store
from factcheck.settings import Settings
from factcheck.tui.app import FactcheckApp, make_app
from tests.factories import build_store

FIXED_AT = "2024-06-20T09:30:00Z"
REVIEWER = "tess"
CELL = 12.2
"""Width of one cell in Textual's SVG screenshots."""

_TEXT = re.compile(r'<text class="[^"]*" x="([\d.]+)" y="[\d.]+" textLength="[\d.]+" '
                   r'clip-path="url\(#[\w-]+-line-(\d+)\)">(.*?)</text>')


def _fix_times(doc: Any) -> Any:
    if isinstance(doc, dict):
        return {k: (FIXED_AT if k in ("at", "ingested_at", "created") and isinstance(v, str)
                    else _fix_times(v)) for k, v in doc.items()}
    if isinstance(doc, list):
        return [_fix_times(v) for v in doc]
    return doc


def fixed_store(path: Path) -> Store:
    """`tests.factories.build_store` in a file, every time stamp set to `FIXED_AT`."""
    store = build_store(Store.open(path))
    with store.transaction() as tx:
        for table in ("reviews", "changes", "sources", "decisions"):
            for doc_id, doc in list(store.raw(table).items()):
                tx.put(table, _fix_times(doc), doc_id)
    store.compact()
    return store


def settings(reviewer: str = REVIEWER, **changes: Any) -> Settings:
    """Settings with a fixed reviewer (and quick polling for the tests)."""
    return Settings(reviewer=reviewer, **changes)


def app_for(path: Path | str, reviewer: str = REVIEWER, **changes: Any) -> FactcheckApp:
    """The app a user gets, on the store at ``path``, cursor blink off."""
    return make_app(Store.open(path), settings(reviewer, **changes), cursor_blink=False)


def screen_text(app: FactcheckApp) -> str:
    """What the terminal shows, as plain text (read from the SVG screenshot)."""
    svg = app.export_screenshot()
    width = app.size.width
    lines: dict[int, list[str]] = {}
    for match in _TEXT.finditer(svg):
        column = round(float(match.group(1)) / CELL)
        row = lines.setdefault(int(match.group(2)), [" "] * width)
        for i, char in enumerate(html.unescape(match.group(3)).replace("\xa0", " ")):
            if column + i < width:
                row[column + i] = char
    return "\n".join("".join(lines[n]).rstrip() for n in sorted(lines))


def drive(app: FactcheckApp, steps: Callable[[Pilot[Any]], Awaitable[None]],
          size: tuple[int, int] = (100, 30)) -> None:
    """Run ``app`` headless at ``size`` and let ``steps`` press keys (no pytest-asyncio here)."""

    async def main() -> None:
        async with app.run_test(size=size, notifications=True) as pilot:
            await pilot.pause()
            await steps(pilot)
            await pilot.pause()

    asyncio.run(main())


def passage_id(path: Path | str, needle: str) -> str:
    """The id of the body passage of the store at ``path`` whose text contains ``needle``."""
    with Store.open(path) as store:
        return next(pid for pid, doc in store.raw("passages").items()
                    if needle in doc["text"] and doc.get("role") == "body")


def reopen(path: Path | str) -> Store:
    """The store as another process sees it after the app exited."""
    return Store.open(path)


def pane_text(app: FactcheckApp, selector: str) -> str:
    """All the text of a detail or passages pane (also what is scrolled out of view)."""
    from factcheck.tui.widgets.blocks import BlockView

    pane = app.screen.query_one(selector, BlockView)
    return "\n".join(block.text.plain for block in pane.blocks)
