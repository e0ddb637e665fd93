"""The detail pane: the tracked claim, its normalized fields, verdict, conflicts and notes."""

from __future__ import annotations

from typing import Any

from rich.style import Style
from rich.text import Text
from textual.reactive import reactive

from factcheck.core.readmodel import ClaimView, NoteView
from factcheck.core.timeline import Timeline
from factcheck.settings import Settings
from factcheck.tui.text import one_line, short_date
from factcheck.tui.widgets.blocks import Block, BlockView

FIELDS = ("value", "unit", "approximate", "speaker", "date")


def _value(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:g}"
    return one_line(value, 80) if value not in (None, "") else "—"


def note_line(note: NoteView, text: Text, note_style: Style | str = "") -> None:
    """Append one note (author, time, first lines of text) to ``text``."""
    text.append("✎ ", note_style)
    text.append(note.author, "bold")
    text.append(f" {short_date(note.at)}: ", "dim")
    body = note.text if len(note.text) <= 600 else note.text[:599] + "…"
    text.append(body.strip())


BAR = 16
"""Cells of the longest bar of the figure timeline."""


def timeline_lines(timeline: Timeline, text: Text, label: Style | str = "") -> None:
    """The figure timeline as text: one line per outlet's figure in publication order, a bar
    as long as the value (bars start at zero: figures close together get bars of one length,
    their values beside them tell them apart), undated figures last; a suggested link's bar is
    hollow (░)."""
    values = timeline.values
    text.append("\nfigures over time ", label)
    text.append(f"{timeline.title} · "
                + (f"{len(values)} different values" if len(values) > 1 else "all agree"),
                "dim")
    low, high = timeline.low_high()
    bottom, top = min(0.0, low), max(high, 0.0)
    width = max((len(p.outlet[:16]) for p in timeline.points), default=0)
    for point in timeline.points:
        filled = 1 + round((BAR - 1) * (point.value - bottom) / ((top - bottom) or 1))
        when = one_line(point.published, 40)[:10] if point.published else "undated"
        text.append(f"\n  {when:<10} {point.outlet[:16]:<{width}} ")
        text.append(("░" if point.suggested else "█") * filled,
                    "dim" if point.suggested else "bold")
        text.append(" " * (BAR - filled) + f" {point.shown}")
        if point.suggested:
            text.append(" (suggested link)", "dim italic")


class ClaimDetail(BlockView):
    """What the reviewer decides about: the claim and everything said about it as a whole."""

    COMPONENT_CLASSES = {"claim-detail--label", "claim-detail--conflict",
                         "claim-detail--verdict", "claim-detail--note"}
    GUTTER = 1
    MORE = " ▼ more "

    claim: reactive[ClaimView | None] = reactive(None, init=False)
    """The highlighted claim (bound to the screen's `claim_data`)."""

    def __init__(self, settings: Settings, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.settings = settings

    def on_mount(self) -> None:
        """Show the claim (or the empty state)."""
        self.watch_claim(self.claim)

    def watch_claim(self, claim: ClaimView | None) -> None:
        """Show a claim (its text is made once per loaded claim, see `BlockView.show`)."""
        self.show(claim, lambda: [Block(self.describe(claim), gap=False)])

    def restyle(self) -> None:
        """The theme changed: describe the claim again in its colours."""
        self.watch_claim(self.claim)

    def verdict_label(self, key: str) -> str:
        """A verdict key in the reviewer's language."""
        option = self.settings.verdict(key)
        return option.label(self.settings.language) if option else one_line(key, 40)

    def describe(self, claim: ClaimView | None) -> Text:
        """The pane's text for ``claim``."""
        if claim is None:
            return Text("No claim to show. Change the filter or search, or ingest and link "
                        "articles first (factcheck ingest, factcheck link).", style="dim")
        label = self.component_style("claim-detail--label")
        conflict = self.component_style("claim-detail--conflict")
        text = Text()
        text.append(claim.kind.upper(), label)
        text.append(f"  score {claim.score:.2f} · {claim.outlets} outlets · "
                    f"{claim.origins} independent origins", "dim")
        if claim.conflicts:
            text.append("  ⚠ conflict", conflict)
        if claim.disputed:
            text.append("  ± disputed", conflict)
        text.append("\n")
        text.append(claim.text.strip(), "bold")
        text.append("\n")
        norm = claim.normalized
        for i, name in enumerate(FIELDS):
            text.append(("  " if i else "") + f"{name} ", label)
            text.append(_value(norm.get(name)))
        text.append("\n")
        text.append("verdict ", label)
        verdict = claim.verdict
        if verdict:
            text.append(self.verdict_label(verdict.label),
                        self.component_style("claim-detail--verdict"))
            text.append(f"  by {one_line(verdict.reviewer, 40)} "
                        f"{short_date(verdict.at)}", "dim")
            explanation = one_line(verdict.explanation, 600)
            if explanation:
                text.append(f"\n  {explanation}", "italic")
        else:
            text.append("none yet", "dim")
        for item in claim.conflicts:
            text.append(f"\n⚠ {item.kind}: ", conflict)
            text.append(item.reason)
        if claim.timeline is not None:
            timeline_lines(claim.timeline, text, label)
        note_style = self.component_style("claim-detail--note")
        for note in claim.notes_on(None):
            text.append("\n")
            note_line(note, text, note_style)
        return text
