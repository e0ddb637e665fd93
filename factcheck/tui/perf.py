"""How quick the review TUI is on a store: time to the first full screen and per cursor step.

`measure_tui` drives the real app (`make_app`) headless with Textual's Pilot. A step is one
``down`` key: the list moves its cursor, the claim is loaded, detail and passages are redrawn
and the screen is composed. Pilot waits for the app to go idle after each key (it sleeps
about 20 ms to find out), so a step is measured in *processor* time, which leaves the sleeping
out and counts the work done for the key.
"""

from __future__ import annotations

import asyncio
import statistics
import time

from factcheck.core.store import Store
from factcheck.settings import Settings
from factcheck.tui.app import make_app


async def _measure(store: Store, settings: Settings, steps: int,
                   size: tuple[int, int]) -> dict[str, float]:
    started = time.perf_counter()
    app = make_app(store, settings, cursor_blink=False)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        first_screen = (app.ready_at or time.perf_counter()) - started
        await app.workers.wait_for_complete()  # a big store is indexed in the background
        await pilot.pause()
        step_ms: list[float] = []
        for _ in range(steps):
            cpu = time.process_time()
            await pilot.press("down")
            await pilot.pause()
            step_ms.append((time.process_time() - cpu) * 1000)
        await pilot.press("q")
    return {
        "first_screen_s": first_screen,
        "step_ms_median": statistics.median(step_ms) if step_ms else 0.0,
        "step_ms_max": max(step_ms) if step_ms else 0.0,
    }


def measure_tui(store: Store, settings: Settings, steps: int = 50,
                size: tuple[int, int] = (120, 40)) -> dict[str, float]:
    """Open the TUI on ``store`` and time it.

    Args:
        store: An open store (the time to open it is not counted).
        settings: Settings (reviewer, keys...).
        steps: How many cursor steps down the claim list to time.
        size: Terminal size (columns, rows).

    Returns:
        ``first_screen_s`` (seconds from building the app to its first full screen: the
        app's ``Ready`` event, sent after the first screen is composed and drawn),
        ``step_ms_median`` and ``step_ms_max`` (milliseconds of processor time per step).
    """
    return asyncio.run(_measure(store, settings, steps, size))
