"""A dialog that shows an error in words a reviewer can act on."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from factcheck.tui.keys import bind
from factcheck.tui.text import clean


class ErrorScreen(ModalScreen[None]):
    """An error message with an OK button (enter or escape closes it)."""

    BINDINGS = [bind("close", "close", "Close")]

    def __init__(self, title: str, message: str) -> None:
        super().__init__()
        self.title_text = title
        self.message = message

    def compose(self) -> ComposeResult:
        """Title, message, button."""
        with Vertical(classes="dialog error-dialog"):
            yield Static(Text(clean(self.title_text)[:200]), classes="dialog-title")
            yield Static(Text(clean(self.message)[:4000]), id="error-message")
            yield Button("OK", variant="error", id="ok")

    def on_mount(self) -> None:
        """Focus the button so enter closes the dialog."""
        self.query_one("#ok", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Close."""
        self.dismiss(None)

    def action_close(self) -> None:
        """Close."""
        self.dismiss(None)
