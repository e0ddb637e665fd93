"""The passages pane: every passage of the claim, grouped by outlet, with a cursor.

Each passage shows the claim's words highlighted inside their sentence, the previous and next
passage of the same article (dimmed), the article's title and date, the link state, the
suggested stance (as a suggestion), the reviewer's own mark and other reviewers' marks,
conflicts and notes. Marks and link decisions act on the passage under the cursor.
"""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.reactive import reactive
from textual.widgets import Static

from factcheck.tui.claim_data import ClaimData, PassageData, grouped
from factcheck.tui.keys import bind
from factcheck.tui.messages import PassageHighlighted
from factcheck.tui.text import short_date
from factcheck.tui.widgets.claim_detail import note_line

STANCE_WORDS = {"denial": "reports a denial"}


def stance_word(stance: str) -> str:
    """How a stance reads on screen."""
    return STANCE_WORDS.get(stance, stance or "—")


class PassageCard(Vertical):
    """One passage (with its outlet's name above when it is the outlet's first); clicking it
    moves the cursor there. Cards are reused from claim to claim: only their text changes."""

    def __init__(self, position: int) -> None:
        super().__init__(classes="passage-card")
        self.position = position
        self.data: PassageData | None = None
        self.heading = Static(classes="outlet-heading")
        self.body = Static(classes="passage-body")

    def compose(self) -> ComposeResult:
        """Outlet heading and passage text."""
        yield self.heading
        yield self.body

    def show(self, data: PassageData, heading: Text | None, body: Text) -> None:
        """Show another passage."""
        self.data = data
        self.heading.display = heading is not None
        if heading is not None:
            self.heading.update(heading)
        self.body.update(body)

    def on_click(self, event: events.Click) -> None:
        """Click to move the passage cursor here."""
        parent = self.parent
        if isinstance(parent, Passages):
            parent.cursor = self.position
            parent.focus()


class Passages(VerticalScroll, can_focus=True):
    """The passages of the highlighted claim."""

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

    claim: reactive[ClaimData | None] = reactive(None, init=False)
    """The highlighted claim (bound to the screen's `claim_data`)."""
    cursor: reactive[int] = reactive(0, init=False)
    """Position of the passage under the cursor."""

    def __init__(self, reviewer: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.reviewer = reviewer
        self.cards: list[PassageCard] = []
        self.empty = Static("No passages.", classes="empty")

    @property
    def current(self) -> PassageData | None:
        """The passage under the cursor."""
        return self.cards[self.cursor].data if 0 <= self.cursor < len(self.cards) else None

    def compose(self) -> ComposeResult:
        """The empty-state line (cards are mounted as claims need them)."""
        yield self.empty

    def on_mount(self) -> None:
        """Show the claim's passages."""
        self.watch_claim(None, self.claim)

    def watch_claim(self, old: ClaimData | None, new: ClaimData | None) -> None:
        """Show the claim's passages, reusing the cards already mounted."""
        passages = new.passages if new else ()
        same_claim = old is not None and new is not None and old.claim_id == new.claim_id
        keep = self.current.passage_id if same_claim and self.current else None
        ids = [p.passage_id for p in passages]
        firsts = {items[0].passage_id: (outlet, len(items)) for outlet, items in grouped(passages)}
        with self.app.batch_update():
            while len(self.cards) > len(passages):
                self.cards.pop().remove()
            fresh = [PassageCard(i) for i in range(len(self.cards), len(passages))]
            self.cards.extend(fresh)
            if fresh:
                self.mount_all(fresh)
            self.empty.display = not passages
            for card, data in zip(self.cards, passages, strict=True):
                if card.data == data and not fresh:
                    continue
                first = firsts.get(data.passage_id)
                heading = None if first is None else Text(
                    f"{first[0]} · {first[1]} passage{'s' if first[1] > 1 else ''}")
                card.show(data, heading, self.describe(data))
        position = ids.index(keep) if keep in ids else 0
        if not same_claim:
            self.scroll_home(animate=False, immediate=True)
        if position != self.cursor:
            self.cursor = position
        else:
            self._show_cursor()

    def validate_cursor(self, value: int) -> int:
        """Keep the cursor on a passage."""
        return max(0, min(value, len(self.cards) - 1))

    def watch_cursor(self, old: int, new: int) -> None:
        """Move the highlight."""
        if 0 <= old < len(self.cards):
            self.cards[old].remove_class("-current")
        self._show_cursor()

    def _show_cursor(self) -> None:
        if 0 <= self.cursor < len(self.cards):
            card = self.cards[self.cursor]
            card.add_class("-current")
            if self.cursor > 0:
                self.call_after_refresh(card.scroll_visible, animate=False)
        self._announce()

    def _announce(self) -> None:
        current = self.current
        self.post_message(PassageHighlighted(current.passage_id if current else None))

    def action_cursor(self, step: int) -> None:
        """Move to the next or previous passage."""
        self.cursor += step

    def describe(self, data: PassageData) -> Text:
        """The text of one passage card."""
        style = self.get_component_rich_style
        meta = style("passages--meta")
        context = style("passages--context")
        text = Text()
        heading = data.title or "(untitled)"
        text.append(heading, "bold")
        if data.published:
            text.append(f"  {short_date(data.published)}", meta)
        if data.role != "body":
            text.append(f"  [{data.role}]", meta)
        if data.previous and data.previous != data.title:  # the headline is already shown
            text.append(f"\n{data.previous}", context)
        text.append("\n")
        if data.hidden[0]:
            text.append(f"…(+{data.hidden[0]:,} chars) ", meta)
        text.append(data.before)
        text.append(data.words, style("passages--words"))
        text.append(data.after)
        if data.hidden[1]:
            text.append(f" …(+{data.hidden[1]:,} chars)", meta)
        if data.following:
            text.append(f"\n{data.following}", context)
        text.append("\n")
        link_style = style("passages--suggested-link") if data.link == "suggested" else meta
        text.append(f"link {data.link}", link_style)
        text.append(f" · suggested: {stance_word(data.suggested)}", meta)
        mine = data.marks.get(self.reviewer)
        text.append(" · you: ", meta)
        text.append(stance_word(mine) if mine else "—", style("passages--mine") if mine else meta)
        for who, stance in sorted(data.marks.items()):
            if who != self.reviewer:
                text.append(f" · {who}: {stance_word(stance)}", meta)
        for kind, reason in data.conflicts:
            text.append(f"\n⚠ {kind} conflict: ", style("passages--conflict"))
            text.append(reason)
        for note in data.notes:
            text.append("\n")
            note_line(note, text, style("passages--note"))
        return text
