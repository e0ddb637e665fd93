"""The status line: reviewer, progress (reviewed x of y), what the list shows."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.reactive import reactive
from textual.widgets import Static

from factcheck.tui.text import one_line


@dataclass(frozen=True)
class Status:
    """What the status line shows."""

    reviewer: str = ""
    reviewed: int = 0
    total: int = 0
    shown: int = 0
    sort: str = ""
    filter: str = ""
    search: str = ""


def bar(done: int, total: int, width: int = 10) -> str:
    """A small text progress bar."""
    filled = round(width * done / total) if total else 0
    return "━" * filled + "╌" * (width - filled)


class ReviewProgress(Static):
    """Always on screen: how far the review has come."""

    COMPONENT_CLASSES = {"review-progress--bar", "review-progress--label"}

    status: reactive[Status] = reactive(Status, init=False)
    """Bound to the screen's status."""

    def on_mount(self) -> None:
        """Draw the first status."""
        self.watch_status(self.status)

    def watch_status(self, status: Status) -> None:
        """Redraw."""
        label = self.get_component_rich_style("review-progress--label")
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append(f" {one_line(status.reviewer, 30)} ", label)
        text.append(f" Reviewed {status.reviewed:,} of {status.total:,} ")
        text.append(bar(status.reviewed, status.total),
                    self.get_component_rich_style("review-progress--bar"))
        shown = f"  showing {status.shown:,}" if status.shown != status.total else ""
        text.append(f"{shown}  sort: {status.sort}", "dim")
        if status.filter:
            text.append(f"  filter: {one_line(status.filter, 60)}", "dim")
        if status.search:
            text.append(f"  search: {one_line(status.search, 30)}", "dim")
        self.update(text)
