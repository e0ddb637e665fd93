"""The passages pane: every passage of the claim, grouped by outlet, with a cursor.

Each passage shows the claim's words highlighted inside their sentence, the previous and next
passage of the same article (dimmed), the article's title and date, the link state, the
suggested stance (as a suggestion), the reviewer's own mark and other reviewers' marks,
conflicts and notes. Marks and link decisions act on the passage under the cursor.
"""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive

from factcheck.core.readmodel import ClaimView, PassageView
from factcheck.tui.claim_data import passage_window
from factcheck.tui.keys import bind
from factcheck.tui.messages import PassageHighlighted
from factcheck.tui.text import short_date
from factcheck.tui.widgets.blocks import Block, BlockView
from factcheck.tui.widgets.claim_detail import note_line

STANCE_WORDS = {"denial": "reports a denial"}


def stance_word(stance: str) -> str:
    """How a stance reads on screen."""
    return STANCE_WORDS.get(stance, stance or "—")


class Passages(BlockView, can_focus=True):
    """The passages of the highlighted claim."""

    SCROLLBAR = True

    COMPONENT_CLASSES = {"passages--words", "passages--context", "passages--meta",
                         "passages--mine", "passages--suggested-link", "passages--conflict",
                         "passages--note"}
    BINDINGS = [
        bind("cursor_down", "cursor(1)", "Next passage", show=False),
        bind("cursor_up", "cursor(-1)", "Previous passage", show=False),
        bind("supports", "screen.mark('supports')", "Supports"),
        bind("contradicts", "screen.mark('contradicts')", "Contradicts"),
        bind("denial", "screen.mark('denial')", "Denial"),
        bind("unrelated", "screen.mark('unrelated')", "Unrelated"),
        bind("clear", "screen.mark('')", "Clear mark"),
        bind("confirm_link", "screen.confirm_link", "Confirm link"),
        bind("reject_link", "screen.reject_link", "Reject link"),
        bind("link", "screen.link", "Link to…", show=False),
        bind("unlink", "screen.unlink", "Unlink", show=False),
        bind("split", "screen.split", "Split off", show=False),
    ]

    claim: reactive[ClaimView | None] = reactive(None, init=False)
    """The highlighted claim (bound to the screen's `claim_data`)."""

    def __init__(self, reviewer: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.reviewer = reviewer
        self.shown: tuple[PassageView, ...] = ()
        """The passages in the order they are shown (the cursor's order)."""

    @property
    def current(self) -> PassageView | None:
        """The passage under the cursor."""
        return self.shown[self.cursor] if 0 <= self.cursor < len(self.shown) else None

    def on_mount(self) -> None:
        """Show the claim's passages."""
        self.watch_claim(None, self.claim)

    def watch_claim(self, old: ClaimView | None, new: ClaimView | None) -> None:
        """Show the claim's passages; the cursor stays on the same passage of the same claim."""
        same_claim = old is not None and new is not None and old.id == new.id
        keep = self.current.key if same_claim and self.current else None
        self.shown = new.passages if new else ()
        self.show(new, lambda: self.make_blocks(new), keep_scroll=same_claim)
        ids = [p.key for p in self.shown]
        if keep in ids:
            position = ids.index(keep)
        else:  # a new claim starts at the top; a passage that left leaves the cursor in place
            position = min(self.cursor, len(ids) - 1) if same_claim else 0
        if position != self.cursor:
            self.cursor = position
        else:
            self._announce()

    def restyle(self) -> None:
        """The theme changed: describe the passages again in its colours."""
        self.watch_claim(self.claim, self.claim)

    def make_blocks(self, claim: ClaimView | None) -> list[Block]:
        """A heading per outlet, then a block per passage."""
        blocks: list[Block] = []
        if claim is None:
            return [Block(Text("No passages.", style="dim"))]
        for outlet, items in claim.by_outlet():
            plural = "s" if len(items) > 1 else ""
            blocks.append(Block(Text(f"{outlet} · {len(items)} passage{plural}"), heading=True,
                                gap=False))
            blocks.extend(Block(self.describe(claim, data), selectable=True) for data in items)
        if not blocks:
            blocks.append(Block(Text("No passages.", style="dim")))
        return blocks

    def watch_cursor(self, old: int, new: int) -> None:
        """Move the highlight and tell the screen."""
        super().watch_cursor(old, new)
        self._announce()

    def _announce(self) -> None:
        current = self.current
        self.post_message(PassageHighlighted(current.id if current else None))

    def action_cursor(self, step: int) -> None:
        """Move to the next or previous passage."""
        self.cursor += step

    def describe(self, claim: ClaimView, data: PassageView) -> Text:
        """The text of one passage of ``claim``."""
        style = self.component_style
        meta = style("passages--meta")
        context = style("passages--context")
        text = Text()
        text.append(data.title or "(untitled)", "bold")
        if data.published:
            text.append(f"  {short_date(data.published)}", meta)
        if data.role != "body":
            text.append(f"  [{data.role}]", meta)
        if data.denied:
            # The same sentence also asserts the claim: this row is its report of the denial,
            # marked on its own.
            text.append("  [reports the denial]", meta)
        if data.previous and data.previous != data.title:  # the headline is already shown
            text.append(f"\n{data.previous}", context)
        text.append("\n")
        before, words, after, hidden = passage_window(data)
        if hidden[0]:
            text.append(f"…(+{hidden[0]:,} chars) ", meta)
        text.append(before)
        text.append(words, style("passages--words"))
        text.append(after)
        if hidden[1]:
            text.append(f" …(+{hidden[1]:,} chars)", meta)
        if data.following:
            text.append(f"\n{data.following}", context)
        text.append("\n")
        link_style = style("passages--suggested-link") if data.link == "suggested" else meta
        text.append(f"link {data.link}", link_style)
        text.append(f" · suggested: {stance_word(data.suggested_stance)}", meta)
        mine = data.by_reviewer.get(self.reviewer)
        text.append(" · you: ", meta)
        text.append(stance_word(mine) if mine else "—", style("passages--mine") if mine else meta)
        for who, stance in sorted(data.by_reviewer.items()):
            if who != self.reviewer:
                text.append(f" · {who}: {stance_word(stance)}", meta)
        for kind in dict.fromkeys(c.kind for c in claim.conflicts_of(data.id)):
            # The dispute is told once, in the claim's detail; here only that this passage is
            # one of its sides.
            text.append(f"\n⚠ a side of the {kind} conflict (see the claim)",
                        style("passages--conflict"))
        for note in claim.notes_on(data.id):
            text.append("\n")
            note_line(note, text, style("passages--note"))
        return text
