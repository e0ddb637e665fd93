"""The verdict picker: the settings' verdict scale, in the reviewer's language."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from factcheck.settings import Settings
from factcheck.tui.keys import bind, key_label
from factcheck.tui.text import one_line

CLEAR = "-clear-"


class VerdictScreen(ModalScreen[str | None]):
    """Pick a verdict with the arrows and enter; returns its key, ``""`` to clear, None if
    cancelled. The explanation typed below the list is in `explanation` afterwards."""

    BINDINGS = [bind("close", "cancel", "Cancel")]

    def __init__(self, settings: Settings, claim_text: str, current: dict[str, Any] | None,
                 *, cursor_blink: bool = True) -> None:
        super().__init__()
        self.settings = settings
        self.claim_text = claim_text
        self.current = current
        self.cursor_blink = cursor_blink

    def compose(self) -> ComposeResult:
        """Title, the scale, the explanation box."""
        lang = self.settings.language
        options: list[Option] = []
        for verdict in self.settings.verdicts:
            prompt = Text(verdict.label(lang), style="bold")
            if verdict.description:
                prompt.append(f"  {one_line(verdict.description, 80)}", "dim")
            options.append(Option(prompt, id=verdict.key))
        if self.current:
            options.append(Option(Text("Clear the verdict", style="italic"), id=CLEAR))
        with Vertical(classes="dialog verdict-dialog"):
            yield Static(Text("Verdict"), classes="dialog-title")
            yield Static(Text(one_line(self.claim_text, 300)), classes="dialog-subtitle")
            yield OptionList(*options, id="verdicts")
            mine = (self.current or {}).get("reviewer") == self.settings.reviewer
            explanation = str((self.current or {}).get("explanation") or "") if mine else ""
            yield Input(explanation, placeholder="Explanation (optional, shown in reports)",
                        id="explanation")
            yield Static(Text(f"↑↓ choose · enter save · tab explanation · "
                              f"{key_label(self.app, 'close')} cancel"), classes="dialog-keys")

    def on_mount(self) -> None:
        """Highlight the current verdict; focus the list."""
        self.query_one("#explanation", Input).cursor_blink = self.cursor_blink
        options = self.query_one("#verdicts", OptionList)
        keys = [v.key for v in self.settings.verdicts]
        current = (self.current or {}).get("label")
        options.highlighted = keys.index(current) if current in keys else 0
        options.focus()

    @property
    def explanation(self) -> str:
        """The explanation the reviewer typed."""
        return self.query_one("#explanation", Input).value.strip()

    def _choose(self, key: str | None) -> None:
        if key is not None:
            self.dismiss("" if key == CLEAR else key)

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self._choose(event.option.id)

    @on(Input.Submitted)
    def _submitted(self) -> None:
        options = self.query_one("#verdicts", OptionList)
        if options.highlighted is not None:
            self._choose(options.get_option_at_index(options.highlighted).id)

    def action_cancel(self) -> None:
        """Leave without changing the verdict."""
        self.dismiss(None)
