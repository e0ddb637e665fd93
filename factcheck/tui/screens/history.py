"""The change log of one claim: who changed what, when, before -> after; conflicts stand out."""

from __future__ import annotations

from typing import Any

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from factcheck.core.models import DENIED_SUFFIX, Change, passage_of_key
from factcheck.core.store import Store
from factcheck.settings import Settings
from factcheck.tui.keys import bind, key_label
from factcheck.tui.text import one_line, short_date


def describe_value(what: str, value: Any, settings: Settings) -> str:
    """A stored before/after value in a few words."""
    if value is None or value == "":
        return "—"
    if isinstance(value, dict):
        if what == "verdict" or "label" in value:
            option = settings.verdict(str(value.get("label")))
            label = option.label(settings.language) if option else str(value.get("label"))
            explanation = one_line(value.get("explanation"), 40)
            return f"{label} ({explanation})" if explanation else label
        if "text" in value:
            return "“" + one_line(value.get("text"), 50) + "”"
        return one_line(", ".join(f"{k}={v}" for k, v in value.items()), 60)
    return one_line(value, 60)



WHERE_CHARS = 60
"""Characters of the passage a change was made on (was 30: too few to tell two apart)."""
CLAIM_VALUED = frozenset({"reject", "unlink", "attach", "confirm", "merge", "split"})
"""Link decisions: their before and after name claims."""

class HistoryScreen(ModalScreen[None]):
    """The change log of a claim, oldest first."""

    BINDINGS = [
        bind("close", "close", "Close"),
        bind("history", "close", "Close", show=False),
        bind("quit", "close", "Close", show=False),
    ]

    def __init__(self, store: Store, settings: Settings, claim_id: str, claim_text: str) -> None:
        super().__init__()
        self.store = store
        self.settings = settings
        self.claim_id = claim_id
        self.claim_text = claim_text

    def compose(self) -> ComposeResult:
        """Title and the table."""
        with Vertical(classes="dialog history-dialog"):
            yield Static(Text("Change log"), classes="dialog-title")
            yield Static(Text(one_line(self.claim_text, 300)), classes="dialog-subtitle")
            with VerticalScroll(id="history-scroll"):
                yield Static(self._table(self.store.changes(self.claim_id)), id="history-table")
            yield Static(Text(f"{key_label(self.app, 'close')} close"), classes="dialog-keys")

    def _where(self, detail: str) -> str:
        passage = self.store.raw("passages").get(passage_of_key(detail))
        if passage is None:
            return one_line(detail, WHERE_CHARS)
        source = self.store.raw("sources").get(passage.get("source_id", ""), {})
        outlet = one_line(source.get("outlet") or source.get("file"), 40)
        row = " (its report of the denial)" if detail.endswith(DENIED_SUFFIX) else ""
        return f"{outlet}: " + one_line(passage.get("text"), WHERE_CHARS) + row

    def _value(self, what: str, value: object) -> str:
        """A value as the reviewer reads it: a claim by the start of its wording, not its id."""
        if what in CLAIM_VALUED and isinstance(value, str):
            claim = self.store.raw("claims").get(value)
            if isinstance(claim, dict):
                return f"claim “{one_line(claim.get('text'), 50)}”"
        return describe_value(what, value, self.settings)

    def _table(self, changes: list[Change]) -> Table | Text:
        if not changes:
            return Text("No changes yet.", style="dim")
        table = Table(box=None, expand=True, padding=(0, 1))
        table.add_column("when", no_wrap=True)
        table.add_column("who", no_wrap=True)
        table.add_column("what", no_wrap=True)
        table.add_column("where", ratio=1)
        table.add_column("before → after", ratio=2)
        for change in changes:
            before = self._value(change.what, change.before)
            after = self._value(change.what, change.after)
            cells = Text(f"{before} → {after}")
            style = ""
            if change.conflict:
                replaced = (change.before or {}).get("reviewer", "another reviewer") \
                    if isinstance(change.before, dict) else "another reviewer"
                cells.append(f"\n⚠ replaced {one_line(replaced, 30)}'s verdict saved meanwhile",
                             "bold")
                style = f"bold {self.app.current_theme.error or 'red'}"
            table.add_row(Text(short_date(change.at)), Text(one_line(change.who, 20)),
                          Text(one_line(change.what, 20)), Text(self._where(change.detail)),
                          cells, style=style)
        return table

    def action_close(self) -> None:
        """Back to the review."""
        self.dismiss(None)
