"""Pick a target claim (to link a passage into, or to merge into the current claim)."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from factcheck.tui.keys import bind, key_label
from factcheck.tui.messages import ClaimChosen, ClaimHighlighted
from factcheck.tui.rows import RowModel, RowView
from factcheck.tui.text import one_line
from factcheck.tui.widgets.claim_list import ClaimList, ClaimListHeader


class LinkScreen(ModalScreen[str | None]):
    """Search the claims, move with the arrows, enter picks; returns the claim id or None."""

    BINDINGS = [
        bind("close", "cancel", "Cancel"),
        bind("cursor_down", "focus_list", "To the list", show=False),
    ]

    def __init__(self, title: str, about: str, model: RowModel, exclude: str,
                 verdict_label: Callable[[str | None], str], *, cursor_blink: bool = True) -> None:
        super().__init__()
        self.title_text = title
        self.about = about
        self.view = RowView(model, exclude=frozenset({exclude}))
        self.verdict_label = verdict_label
        self.cursor_blink = cursor_blink
        self.picked: str | None = None

    def compose(self) -> ComposeResult:
        """Title, search box, list."""
        with Vertical(classes="dialog link-dialog"):
            yield Static(Text(self.title_text), classes="dialog-title")
            yield Static(Text(one_line(self.about, 300)), classes="dialog-subtitle")
            yield Input(placeholder="Search claims…", id="link-search")
            yield ClaimListHeader(classes="list-header")
            yield ClaimList(self.view, self.verdict_label, id="link-claims")
            yield Static(Text(f"type to search · ↓ list · enter pick · "
                              f"{key_label(self.app, 'close')} cancel"), classes="dialog-keys")

    def on_mount(self) -> None:
        """Start in the search box."""
        search = self.query_one("#link-search", Input)
        search.cursor_blink = self.cursor_blink
        search.focus()
        claims = self.query_one(ClaimList)
        claims.set_view(self.view)

    @on(Input.Changed)
    def _search(self, event: Input.Changed) -> None:
        claims = self.query_one(ClaimList)
        self.view.search = event.value
        self.view.recompute()
        claims.set_view(self.view, keep=self.picked)

    @on(Input.Submitted)
    def _submit(self) -> None:
        if self.picked:
            self.dismiss(self.picked)

    @on(ClaimHighlighted)
    def _highlighted(self, event: ClaimHighlighted) -> None:
        event.stop()
        self.picked = event.claim_id

    @on(ClaimChosen)
    def _chosen(self, event: ClaimChosen) -> None:
        event.stop()
        self.dismiss(event.claim_id)

    def action_focus_list(self) -> None:
        """Down from the search box goes to the list."""
        self.query_one(ClaimList).focus()

    def action_cancel(self) -> None:
        """Leave without choosing."""
        self.dismiss(None)
