"""The help screen: every key, generated from the bindings (after the settings' keymap)."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from factcheck.tui.keys import HELP, bind, key_label

Section = tuple[str, Sequence[BindingType]]
"""A heading and its bindings (or ``(key, action, what)`` rows written by hand)."""


class HelpScreen(ModalScreen[None]):
    """A table of every key, by where it applies."""

    BINDINGS = [
        bind("close", "close", "Close"),
        bind("help", "close", "Close", show=False),
        bind("quit", "close", "Close", show=False),
    ]

    def __init__(self, sections: Sequence[Section]) -> None:
        super().__init__()
        self.sections = sections

    def compose(self) -> ComposeResult:
        """The table."""
        with Vertical(classes="dialog help-dialog"):
            yield Static(Text("Keys"), classes="dialog-title")
            with VerticalScroll(id="help-scroll"):
                yield Static(self._table(), id="help-table")
            yield Static(Text(f"{key_label(self.app, 'close')} close · keys can be changed in "
                              "the settings file ([keys] action = \"key\")"),
                         classes="dialog-keys")

    def _table(self) -> Group:
        tables: list[Table] = []
        seen: set[str] = set()
        for title, bindings in self.sections:
            rows: list[tuple[str, str]] = []
            for item in bindings:
                if isinstance(item, Binding):
                    if item.id is None or item.id in seen:
                        continue
                    seen.add(item.id)
                    rows.append((key_label(self.app, item.id, first=False),
                                 HELP.get(item.id, item.description)))
                else:
                    rows.append((item[0], item[-1]))
            if not rows:
                continue
            table = Table(box=None, expand=True, show_header=False, padding=(0, 1),
                          title=Text(title), title_justify="left",
                          title_style="bold underline")
            table.add_column("key", style="bold", no_wrap=True, width=14)
            table.add_column("what", ratio=1)
            for key, what in rows:
                table.add_row(Text(key), Text(what))
            tables.append(table)
        return Group(*tables)

    def action_close(self) -> None:
        """Back to the review."""
        self.dismiss(None)
