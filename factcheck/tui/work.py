"""Long work in thread workers, and the one handler that turns their failures into a dialog.

Workers never touch widgets: they read a snapshot of the store (TinyDB stays on the main
thread), post progress messages to the screen that asked, and return. `WorkingApp` is the base
of the app so every worker's failure reaches `on_worker_state_changed`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from textual import work
from textual.app import App
from textual.message_pump import MessagePump
from textual.worker import Worker, WorkerState

from factcheck.core.report import ExportOptions, export_report
from factcheck.core.store import Store, StoreError
from factcheck.settings import Settings
from factcheck.tui.messages import ExportDone, ExportProgress, StoreIndexed
from factcheck.tui.rows import search_keys
from factcheck.tui.screens.error import ErrorScreen


@dataclass(frozen=True)
class ExportJob:
    """One export: what, where, and who wants the progress messages."""

    fmt: str
    path: Path
    options: ExportOptions
    reply_to: MessagePump


def snapshot(store: Store) -> Store:
    """A read-only copy of the store's current data for a worker thread."""
    return store.snapshot()


def describe_error(error: BaseException | None) -> str:
    """A failure in words (the exception's message, with its type when it has none)."""
    if error is None:
        return "unknown error"
    if isinstance(error, OSError) and error.filename:
        return f"{error.filename}: {error.strerror or error}"
    text = str(error)
    return text if text else type(error).__name__


class WorkingApp(App[int]):
    """An app that runs long work in workers and reports their failures in a dialog."""

    @work(thread=True, exclusive=True, exit_on_error=False, group="export",
          description="Export")
    def export(self, job: ExportJob, data: Store, settings: Settings) -> None:
        """Write a report (in a thread, from a store snapshot)."""

        def progress(done: int, total: int) -> None:
            job.reply_to.post_message(ExportProgress(done, total))

        text = export_report(data, job.fmt, settings, job.options, progress=progress)
        job.path.write_text(text, encoding="utf-8")
        job.reply_to.post_message(ExportDone(str(job.path), len(text)))

    @work(thread=True, exclusive=True, exit_on_error=False, group="index",
          description="Indexing the store")
    def index_store(self, snapshot: Store, claims: list[tuple[str, Mapping[str, Any]]],
                    generation: int,
                    reply_to: MessagePump) -> None:
        """Make the claims' search keys (in a thread, from a snapshot of the store), so a
        search on a big store does not wait."""
        reply_to.post_message(StoreIndexed(search_keys(snapshot, claims), generation))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """Turn any worker's failure into an error dialog."""
        if event.state is WorkerState.ERROR:
            worker = event.worker
            what = worker.description or worker.name or "The task"
            prefix = "Could not save" if isinstance(worker.error, StoreError) else what
            self.push_screen(ErrorScreen(f"{prefix} failed", describe_error(worker.error)))
