"""The filter dialog: which claims the list shows, and in which order."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Label, Select, Static

from factcheck.tui.keys import bind, key_label
from factcheck.tui.rows import SORTS, ListFilter
from factcheck.tui.text import one_line


@dataclass(frozen=True)
class FilterChoice:
    """What the reviewer chose."""

    filter: ListFilter
    sort: str


def _value(select: Select[str]) -> str | None:
    value: Any = select.value
    return value if isinstance(value, str) and value else None


class FilterScreen(ModalScreen[FilterChoice | None]):
    """Kind, outlet, story, verdict, conflicts only, unreviewed only, and the sort order."""

    BINDINGS = [bind("close", "cancel", "Cancel")]

    def __init__(self, current: ListFilter, sort: str, *, kinds: list[str], outlets: list[str],
                 verdicts: list[tuple[str, str]],
                 stories: list[tuple[str, str]] | None = None) -> None:
        super().__init__()
        self.stories = stories or []
        self.current = current
        self.sort = sort
        self.kinds = kinds
        self.outlets = outlets
        self.verdicts = verdicts

    def compose(self) -> ComposeResult:
        """The fields."""
        flt = self.current
        with Vertical(classes="dialog filter-dialog"):
            yield Static(Text("Filter and sort"), classes="dialog-title")
            with Horizontal(classes="field"):
                yield Label("Kind")
                yield Select([(k, k) for k in self.kinds], prompt="any kind", id="kind",
                             value=flt.kind if flt.kind in self.kinds else Select.NULL)
            with Horizontal(classes="field"):
                yield Label("Outlet")
                yield Select([(Text(one_line(o, 40)), o) for o in self.outlets],
                             prompt="any outlet",
                             id="outlet",
                             value=flt.outlet if flt.outlet in self.outlets else Select.NULL)
            with Horizontal(classes="field"):
                yield Label("Story")
                ids = [sid for _title, sid in self.stories]
                yield Select([(Text(title), sid) for title, sid in self.stories],
                             prompt="any story", id="story",
                             value=flt.story if flt.story in ids else Select.NULL)
            with Horizontal(classes="field"):
                yield Label("Verdict")
                choices = [*self.verdicts, ("no verdict yet", "none")]
                yield Select(choices, prompt="any verdict", id="verdict",
                             value=flt.verdict if flt.verdict else Select.NULL)
            with Horizontal(classes="field"):
                yield Label("Sort")
                yield Select([(label, key) for key, label in SORTS.items()], id="sort",
                             allow_blank=False, value=self.sort)
            yield Checkbox("Conflicts only", flt.conflicts_only, id="conflicts")
            yield Checkbox("Unreviewed only", flt.unreviewed_only, id="unreviewed")
            with Horizontal(classes="buttons"):
                yield Button("Apply", variant="primary", id="apply")
                yield Button("Show all", id="reset")
                yield Button("Cancel", id="cancel")
            yield Static(Text(f"tab next field · {key_label(self.app, 'close')} cancel"),
                         classes="dialog-keys")

    def on_mount(self) -> None:
        """Start on the first field."""
        self.query_one("#kind", Select).focus()

    def _choice(self) -> FilterChoice:
        flt = ListFilter(
            kind=_value(self.query_one("#kind", Select)),
            outlet=_value(self.query_one("#outlet", Select)),
            story=_value(self.query_one("#story", Select)),
            verdict=_value(self.query_one("#verdict", Select)),
            conflicts_only=self.query_one("#conflicts", Checkbox).value,
            unreviewed_only=self.query_one("#unreviewed", Checkbox).value,
        )
        return FilterChoice(flt, _value(self.query_one("#sort", Select)) or "score")

    @on(Button.Pressed, "#apply")
    def _apply(self) -> None:
        """Apply the filter."""
        self.dismiss(self._choice())

    @on(Button.Pressed, "#reset")
    def _reset(self) -> None:
        self.dismiss(FilterChoice(ListFilter(), self._choice().sort))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        """Leave the list as it was."""
        self.dismiss(None)
