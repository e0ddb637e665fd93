"""The review TUI: `make_app` builds the app the CLI runs and the tests drive."""

from __future__ import annotations

import gc
import time

from textual.screen import Screen

from factcheck.core.store import MemoryBackend, Store
from factcheck.settings import Settings
from factcheck.tui.keys import bind, keymap, keymap_to_install
from factcheck.tui.rows import RowModel
from factcheck.tui.screens.main import MainScreen
from factcheck.tui.work import WorkingApp


class FactcheckApp(WorkingApp):
    """Review tracked claims: mark passages, set verdicts, write notes, decide links."""

    CSS_PATH = "app.tcss"
    TITLE = "factcheck"
    BINDINGS = [bind("quit", "quit", "Quit")]

    def __init__(self, store: Store, settings: Settings, *, cursor_blink: bool = True) -> None:
        super().__init__()
        self.store = store
        self.settings = settings
        self.cursor_blink = cursor_blink
        self.keymap_in_use = keymap(settings)
        self.set_keymap(keymap_to_install(settings))
        if store.location != MemoryBackend.location:  # a file or a database, not scratch
            self.sub_title = store.location
        self.ready_at: float | None = None
        """When the first screen was drawn (`perf.measure_tui` reads it)."""
        self.rows = RowModel(store)
        """Every claim of the list, read before the terminal is taken: a damaged document of
        the store stops the app with one line naming it, not a traceback."""

    def on_ready(self) -> None:
        """Note when the first screen was drawn."""
        self.ready_at = time.perf_counter()

    def on_unmount(self) -> None:
        """Quitting: fold this session's journal into ``claims.json``, so the file alone holds
        every review (a copy of it loses nothing)."""
        self.store.settle()

    def get_default_screen(self) -> Screen[None]:
        """The main screen over the store."""
        return MainScreen(self.store, self.settings, self.rows, cursor_blink=self.cursor_blink)


def make_app(store: Store, settings: Settings, *, cursor_blink: bool = True) -> FactcheckApp:
    """The review app over ``store`` (``cursor_blink=False`` makes screenshots deterministic)."""
    # The store's data, loaded already, lives as long as the app: moving it out of the cycle
    # collector's reach keeps every later collection from scanning it (seconds on a big store).
    gc.freeze()
    return FactcheckApp(store, settings, cursor_blink=cursor_blink)


def run_app(store: Store, settings: Settings) -> int:
    """Run the review TUI until the reviewer quits; every change is already saved."""
    result = make_app(store, settings).run()
    return int(result or 0)
