"""The incremental search box above the claim list."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message
from textual.widgets import Input

from factcheck.tui.keys import bind


class SearchBar(Input):
    """Typing filters the list at once; enter keeps the search, escape clears it."""

    BINDINGS = [bind("close", "cancel", "Clear search")]

    @dataclass
    class Cancelled(Message):
        """The reviewer left the search with escape."""

    def action_cancel(self) -> None:
        """Clear the search and say so."""
        self.value = ""
        self.post_message(self.Cancelled())
