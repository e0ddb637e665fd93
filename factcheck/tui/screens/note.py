"""The note editor: several lines of text on the claim or on one passage."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static, TextArea

from factcheck.tui.keys import bind, key_label
from factcheck.tui.text import one_line


class NoteScreen(ModalScreen[str | None]):
    """Write a note; ctrl+s returns the text, escape returns None."""

    BINDINGS = [
        bind("save_note", "save", "Save note", priority=True),
        bind("close", "cancel", "Cancel", priority=True),
    ]

    def __init__(self, about: str, *, cursor_blink: bool = True) -> None:
        super().__init__()
        self.about = about
        self.cursor_blink = cursor_blink

    def compose(self) -> ComposeResult:
        """Title, editor, keys."""
        with Vertical(classes="dialog note-dialog"):
            yield Static(Text("New note"), classes="dialog-title")
            yield Static(Text(one_line(self.about, 300)), classes="dialog-subtitle")
            yield TextArea(id="note-text", soft_wrap=True, show_line_numbers=False)
            yield Static(Text(self._keys_hint()), classes="dialog-keys")

    def _keys_hint(self) -> str:
        return (f"{key_label(self.app, 'save_note')} save · "
                f"{key_label(self.app, 'close')} cancel")

    def on_mount(self) -> None:
        """Focus the editor."""
        editor = self.query_one("#note-text", TextArea)
        editor.cursor_blink = self.cursor_blink
        editor.focus()

    def action_save(self) -> None:
        """Save the note once the editor has taken every key typed before ctrl+s.

        The save key is a priority binding, handled as soon as it arrives, while typed keys
        wait in the editor's queue: reading the text at once could cut off the end of a
        quickly typed (or pasted) note.
        """
        self.query_one("#note-text", TextArea).call_later(self._save)

    def _save(self) -> None:
        text = self.query_one("#note-text", TextArea).text
        if not text.strip():
            self.notify("The note is empty.", severity="warning", markup=False)
            return
        self.dismiss(text.strip())

    def action_cancel(self) -> None:
        """Leave without saving."""
        self.dismiss(None)
