"""Possibly the same claim in other outlets: the ranked candidates of the claim's story."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from factcheck.core.link.candidates import Candidate
from factcheck.tui.keys import bind, key_label
from factcheck.tui.text import one_line


class CandidatesScreen(ModalScreen[str | None]):
    """The candidates best first (below the linking thresholds too), each with its outlet,
    score and reasons; enter attaches the highlighted passage to the claim (returns its
    passage id), escape leaves."""

    BINDINGS = [bind("close", "cancel", "Cancel")]

    def __init__(self, about: str, candidates: list[Candidate]) -> None:
        super().__init__()
        self.about = about
        self.candidates = candidates

    def compose(self) -> ComposeResult:
        """Title, the claim, the ranked list."""
        with Vertical(classes="dialog link-dialog"):
            yield Static(Text("Possibly the same claim in other outlets"),
                         classes="dialog-title")
            yield Static(Text(one_line(self.about, 300)), classes="dialog-subtitle")
            if not self.candidates:
                yield Static(Text("No candidate in this claim's story."), id="no-candidates")
            options = []
            for c in self.candidates:
                line = Text()
                line.append(f"{c.score:.2f} ", style="bold")
                line.append(one_line(c.outlet or c.file, 24) + ": ")
                line.append(one_line(c.text, 160))
                if c.why:
                    line.append("  (" + one_line(", ".join(c.why), 80) + ")", style="dim")
                options.append(Option(line, id=c.passage_id))
            yield OptionList(*options, id="candidates")
            yield Static(Text(f"↑↓ choose · enter attach to this claim · "
                              f"{key_label(self.app, 'close')} cancel"), classes="dialog-keys")

    def on_mount(self) -> None:
        """Start on the best candidate."""
        self.query_one(OptionList).focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        """Leave without attaching."""
        self.dismiss(None)
