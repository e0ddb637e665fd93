"""How quick the review TUI is on a store: time to the first full screen and per cursor step.

`measure_tui` drives the real app (`make_app`) headless. A step is one ``down`` key in the
claim list, from the first claim on (so once past the first screenful every step also scrolls
the list). It is counted in *processor* time, which leaves out sleeping and waiting for the
next frame, from the moment the key is posted to the app, as the terminal driver posts it,
until the screen is fully updated for the new position: the list has moved its cursor, the
claim is loaded into the detail and passages panes, and the screen has drawn every change
(nothing is left to paint). That is all the work the app does for the key, including any
cycle collection that happens to fall in the step; the only harness work counted is a few
callbacks that find out when the screen is done.

Not counted: writing the drawn lines to a terminal (a headless app renders every change but
sends nothing; a real terminal adds the encoding and writing of some 40 changed lines), and
`Pilot`'s waiting: `Pilot.press` and `Pilot.pause` schedule a callback on every widget, poll
the processor until it is idle and force an extra screen update, some 4-6 ms of processor
time per key here, which earlier versions of this measurement counted as part of the step.

One key is sent at a time and the step ends when its result is on screen, so the panes are
updated at every step. While keys come faster than the app handles them (a held arrow key)
the list moves at once and the panes follow when the keys stop (see `MainScreen`).
"""

from __future__ import annotations

import asyncio
import statistics
import time
from typing import cast

from textual import events

from factcheck.core.store import Store
from factcheck.settings import Settings
from factcheck.tui.app import FactcheckApp, make_app
from factcheck.tui.screens.main import MainScreen


async def _step_down(app: FactcheckApp) -> bool:
    """Send ``down`` as the terminal driver does; return once its result is on screen (False
    when the cursor was on the last claim already)."""
    screen = cast(MainScreen, app.screen)
    claims = screen.claims
    target = claims.cursor + 1
    if target >= len(claims.view):
        return False
    app.post_message(events.Key("down", None))
    # `wait_for_refresh` returns once the screen has handled its messages and has nothing
    # left to paint, which may be before the app has even read the key: hence the loop.
    while True:
        await screen.wait_for_refresh()
        row = claims.highlighted
        if claims.cursor == target and row is not None and screen.highlighted_claim == row.id:
            break
    await screen.wait_for_refresh()  # what changed just before the check is painted too
    return True


async def _measure(store: Store, settings: Settings, steps: int,
                   size: tuple[int, int]) -> dict[str, float]:
    started = time.perf_counter()
    app = make_app(store, settings, cursor_blink=False)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        first_screen = (app.ready_at or time.perf_counter()) - started
        await app.workers.wait_for_complete()  # a big store is indexed in the background
        await pilot.pause()
        await asyncio.sleep(0.1)  # let startup's last callbacks run
        step_ms: list[float] = []
        for _ in range(steps):
            cpu = time.process_time()
            if not await _step_down(app):
                break
            step_ms.append((time.process_time() - cpu) * 1000)
        await pilot.press("q")
    return {
        "first_screen_s": first_screen,
        "step_ms_median": statistics.median(step_ms) if step_ms else 0.0,
        "step_ms_max": max(step_ms) if step_ms else 0.0,
    }


def measure_tui(store: Store, settings: Settings, steps: int = 50,
                size: tuple[int, int] = (120, 40)) -> dict[str, float]:
    """Open the TUI on ``store`` and time it (see the module's docstring for what a step
    counts).

    Args:
        store: An open store (the time to open it is not counted).
        settings: Settings (reviewer, keys...).
        steps: How many cursor steps down the claim list to time (from the first claim, so
            once past the first screenful every step also scrolls the list).
        size: Terminal size (columns, rows).

    Returns:
        ``first_screen_s`` (seconds from building the app to its first full screen: the
        app's ``Ready`` event, sent after the first screen is composed and drawn),
        ``step_ms_median`` and ``step_ms_max`` (milliseconds of processor time per step).
    """
    return asyncio.run(_measure(store, settings, steps, size))
