"""The export dialog: format and path; the report is written by a worker with a progress bar."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, ProgressBar, Select, Static

from factcheck.core import report
from factcheck.core.report import ExportOptions
from factcheck.tui.keys import bind, key_label
from factcheck.tui.messages import ExportDone, ExportProgress
from factcheck.tui.work import ExportJob

EXTENSIONS: dict[str, str] = getattr(report, "EXTENSIONS", {})


def extension(fmt: str) -> str:
    """The usual file extension of a format."""
    return EXTENSIONS.get(fmt, f".{fmt}")



class MarkedCheckbox(Checkbox):
    """A checkbox that shows its state by a mark ("X" or blank), not by colour alone."""

    BUTTON_INNER = " "

    def watch_value(self) -> None:
        """Draw the mark of the new state (and tell the screen, as every checkbox does)."""
        self.BUTTON_INNER = "X" if self.value else " "
        super().watch_value()
        self.refresh()

class ExportScreen(ModalScreen[str | None]):
    """Choose format and path, then export; returns the path written, or None."""

    BINDINGS = [bind("close", "cancel", "Close")]

    def __init__(self, start: Callable[[ExportJob], object], *, shown: tuple[str, ...],
                 total: int, lang: str, cursor_blink: bool = True) -> None:
        super().__init__()
        self.start = start
        self.shown = shown
        self.total = total
        self.lang = lang
        self.cursor_blink = cursor_blink

    def compose(self) -> ComposeResult:
        """The fields and the progress bar."""
        with Vertical(classes="dialog export-dialog"):
            yield Static(Text("Export a report"), classes="dialog-title")
            with Horizontal(classes="field"):
                yield Label("Format")
                yield Select([(f, f) for f in report.FORMATS], id="format", allow_blank=False,
                             value=report.FORMATS[0])
            with Horizontal(classes="field"):
                yield Label("Path")
                yield Input(f"report{extension(report.FORMATS[0])}", id="path")
            yield MarkedCheckbox("Reviewed claims only", id="reviewed-only")
            shown = len(self.shown)
            yield MarkedCheckbox(f"Only the {shown:,} claim{'' if shown == 1 else 's'} shown "
                                 "in the list", id="shown-only", disabled=shown == self.total)
            yield ProgressBar(id="export-progress", show_eta=False)
            with Horizontal(classes="buttons"):
                yield Button("Export", variant="primary", id="export")
                yield Button("Close", id="close")
            yield Static(Text(f"{key_label(self.app, 'close')} close"), classes="dialog-keys")

    def on_mount(self) -> None:
        """Start on the format."""
        self.query_one("#path", Input).cursor_blink = self.cursor_blink
        self.query_one("#format", Select).focus()

    @on(Select.Changed, "#format")
    def _format_changed(self, event: Select.Changed) -> None:
        path = self.query_one("#path", Input)
        value: Any = event.value
        if isinstance(value, str):
            path.value = str(Path(path.value or "report").with_suffix(extension(value)))

    @on(Button.Pressed, "#export")
    @on(Input.Submitted, "#path")
    def _export(self) -> None:
        path = Path(self.query_one("#path", Input).value.strip() or "report").expanduser()
        fmt: Any = self.query_one("#format", Select).value
        options = ExportOptions(
            reviewed_only=self.query_one("#reviewed-only", Checkbox).value,
            claim_ids=self.shown if self.query_one("#shown-only", Checkbox).value else (),
            lang=self.lang,
        )
        self.query_one("#export", Button).disabled = True
        self.query_one(ProgressBar).update(total=None, progress=0)
        self.start(ExportJob(str(fmt), path, options, self))

    def on_screen_resume(self) -> None:
        """Back from an error dialog: allow another try."""
        self.query("#export").set(disabled=False)

    def on_export_progress(self, message: ExportProgress) -> None:
        """Move the bar."""
        self.query_one(ProgressBar).update(total=max(message.total, 1), progress=message.done)

    def on_export_done(self, message: ExportDone) -> None:
        """Say where the report went, and close."""
        self.notify(f"Report written to {message.path} ({message.size:,} characters)",
                    title="Exported", markup=False)
        self.dismiss(message.path)

    @on(Button.Pressed, "#close")
    def action_cancel(self) -> None:
        """Close the dialog."""
        self.dismiss(None)
