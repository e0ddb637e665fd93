"""The claim list: one line per tracked claim, drawn with Textual's Line API.

A `ScrollView` asks `render_line` for the visible lines only, so 100,000 claims open as fast
as 100 (Textual's DataTable measures every cell when rows are added). A cursor step re-renders
two lines: the one the cursor left and the one it reached; rendered lines are cached. When the
cursor leaves the view the list scrolls a line and every visible line is drawn again, from the
cache, with its scrollbar cell: the list draws its own scrollbar (`OwnScrollbar`), as
Textual's would be rendered again through Rich at every scroll.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rich.cells import set_cell_size
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widget import Widget

from factcheck.core.readmodel import ClaimRow
from factcheck.tui.keys import bind
from factcheck.tui.messages import ClaimChosen, ClaimHighlighted
from factcheck.tui.rows import RowView
from factcheck.tui.text import one_line
from factcheck.tui.widgets.scrollbar import OwnScrollbar

KIND_SHORT = {
    "quantity": "QTY", "time": "TIME", "event": "EVENT", "quote": "QUOTE",
    "attribution": "ATTR", "denial": "DENY", "other": "OTHER",
}
MARK_W, KIND_W, COUNT_W, FLAG_W = 2, 6, 6, 2


KIND_MIN_LIST = 60
"""Narrower lists (a 100-column terminal's list pane) leave the kind to the claim pane and
give its cells to the claim's wording."""
STORY_W, STORY_MIN_LIST = 16, 70
"""The story column: its cells, and the narrowest list that shows it (only when the claims
belong to more than one story)."""


def verdict_width(width: int) -> int:
    """Cells of the verdict column at a list width."""
    return 14 if width >= 70 else 9 if width >= 40 else 0


def kind_width(width: int) -> int:
    """Cells of the kind column at a list width."""
    return KIND_W if width >= KIND_MIN_LIST else 0


@dataclass(frozen=True)
class Columns:
    """The cells of each column of the claim list at one width."""

    kind: int
    text: int
    story: int
    verdict: int


def columns(width: int, several_stories: bool = False) -> Columns:
    """The list's columns at ``width`` cells (the story column only for several stories)."""
    kind, verdict = kind_width(width), verdict_width(width)
    story = STORY_W if several_stories and width >= STORY_MIN_LIST else 0
    text = max(8, width - MARK_W - kind - COUNT_W - FLAG_W - story - verdict)
    return Columns(kind=kind, text=text, story=story, verdict=verdict)


class ClaimListHeader(Widget):
    """Column titles above a `ClaimList` (same columns, same widths)."""

    def render(self) -> Text:
        """The titles for the current width."""
        width = self.size.width - 1  # the list's scrollbar column
        lists = self.parent.query(ClaimList) if self.parent is not None else None
        claim_list = lists.first() if lists else None
        cols = columns(width, claim_list is not None and claim_list.several_stories)
        text = Text(no_wrap=True, overflow="crop")
        text.append("✓ ".ljust(MARK_W))
        if cols.kind:
            text.append("kind".ljust(cols.kind))
        text.append(set_cell_size("claim", cols.text))
        if cols.story:
            text.append(set_cell_size(" story", cols.story))
        text.append("out/or".rjust(COUNT_W) + " !")
        if cols.verdict:
            text.append(" verdict")
        return text


class ClaimList(ScrollView, OwnScrollbar, can_focus=True):
    """The list of claims of a `RowView`, with a cursor."""

    COMPONENT_CLASSES = {
        "claim-list--cursor",
        "claim-list--cursor-blurred",
        "claim-list--kind",
        "claim-list--reviewed",
        "claim-list--conflict",
        "claim-list--verdict",
        "claim-list--muted",
    }
    BINDINGS = [
        bind("cursor_down", "cursor(1)", "Next claim", show=False),
        bind("cursor_up", "cursor(-1)", "Previous claim", show=False),
        bind("page_down", "page(1)", "Page down", show=False),
        bind("page_up", "page(-1)", "Page up", show=False),
        bind("first", "to(0)", "First claim", show=False),
        bind("last", "to(-1)", "Last claim", show=False),
        bind("choose", "choose", "Choose claim", show=False),
    ]

    cursor: reactive[int] = reactive(0, repaint=False, init=False)
    """Position of the highlighted claim in the view."""

    def __init__(self, view: RowView, verdict_label: Callable[[str | None], str], *,
                 id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.view = view
        self.verdict_label = verdict_label
        self._lines: LRUCache[tuple[int, bool, bool, int], Strip] = LRUCache(maxsize=128)
        self._frame: tuple[int, int, bool, list[Segment]] | None = None
        """First row shown, width of a row, focus and scrollbar cells: read once per
        redraw."""
        self._styles: dict[str, Style] = {}

    # Data ------------------------------------------------------------------------------------
    @property
    def highlighted(self) -> ClaimRow | None:
        """The row under the cursor."""
        return self.view.row(self.cursor) if 0 <= self.cursor < len(self.view) else None

    def set_view(self, view: RowView, keep: str | None = None) -> None:
        """Show ``view``; keep the cursor on claim ``keep`` when it is still shown."""
        self.view = view
        self.rows_changed()
        position = view.position_of(keep)
        target = position if position is not None else 0
        if target == self.cursor:
            self._cursor_moved(target)
        else:
            self.cursor = target

    @property
    def several_stories(self) -> bool:
        """Whether the claims belong to more than one story (a story column is shown)."""
        return self.view.model.several_stories

    def rows_changed(self) -> None:
        """Row contents changed (a mark, a refresh): draw again."""
        self._lines.clear()
        self.virtual_size = Size(self.size.width, len(self.view))
        if self.cursor >= len(self.view):
            self.cursor = max(0, len(self.view) - 1)
        self.refresh()

    def select_claim(self, claim_id: str) -> bool:
        """Move the cursor to a claim; False when the view does not show it."""
        position = self.view.position_of(claim_id)
        if position is None:
            return False
        self.cursor = position
        return True

    # Cursor ----------------------------------------------------------------------------------
    def validate_cursor(self, value: int) -> int:
        """Keep the cursor on a row."""
        return max(0, min(value, len(self.view) - 1))

    def watch_cursor(self, old: int, new: int) -> None:
        """Redraw the two lines that changed and tell the screen."""
        self.refresh_line(old)
        self._cursor_moved(new)

    def _cursor_moved(self, position: int) -> None:
        self.refresh_line(position)
        height = self.scrollable_content_region.height
        top = round(self.scroll_offset.y)
        if position < top:
            self.scroll_to(y=position, animate=False, immediate=True)
        elif height and position >= top + height:
            self.scroll_to(y=position - height + 1, animate=False, immediate=True)
        row = self.highlighted
        self.post_message(ClaimHighlighted(row.id if row else None))

    def action_cursor(self, step: int) -> None:
        """Move the cursor by ``step`` lines."""
        self.cursor += step

    def action_page(self, direction: int) -> None:
        """Move the cursor by a page."""
        self.cursor += direction * max(1, self.scrollable_content_region.height - 1)

    def action_to(self, position: int) -> None:
        """Jump to a position (-1: the last claim)."""
        self.cursor = position if position >= 0 else len(self.view) - 1

    def action_choose(self) -> None:
        """Enter: tell the screen this claim was chosen."""
        if (row := self.highlighted) is not None:
            self.post_message(ClaimChosen(row.id))

    # Events ----------------------------------------------------------------------------------
    def on_resize(self, event: events.Resize) -> None:
        """Columns depend on the width."""
        self.rows_changed()
        self._cursor_moved(self.cursor)

    def on_focus(self) -> None:
        """The cursor looks brighter when the list has the focus."""
        self.refresh_line(self.cursor)

    def on_blur(self) -> None:
        """The cursor dims when the focus leaves."""
        self.refresh_line(self.cursor)

    def on_click(self, event: events.Click) -> None:
        """Click a claim to highlight it; double-click to choose it (not on the scrollbar)."""
        offset = event.get_content_offset(self)
        if offset is None or self.over_scrollbar(event):
            return
        position = offset.y + round(self.scroll_offset.y)
        if position < len(self.view):
            self.cursor = position
            if event.chain >= 2:
                self.action_choose()

    def notify_style_update(self) -> None:
        """Theme or CSS changed: forget cached lines and styles."""
        super().notify_style_update()
        self._lines.clear()
        self._styles.clear()

    def _style(self, name: str) -> Style:
        """A component class's Rich style (``""``: the list's own), kept until the theme or
        CSS changes (Textual forgets its own copies at every refresh, i.e. every step)."""
        style = self._styles.get(name)
        if style is None:
            style = self.rich_style if not name else self.get_component_rich_style(name)
            self._styles[name] = style
        return style

    # Scrollbar -------------------------------------------------------------------------------
    def first_line(self) -> int:
        """The first row shown."""
        return round(self.scroll_offset.y)

    def line_count(self) -> int:
        """Rows in the list."""
        return len(self.view)

    def scroll_to_line(self, line: int) -> bool:
        """Show row ``line`` first (as far as there are rows below)."""
        top = self.first_line()
        self.scroll_to(y=max(0, min(line, len(self.view) - self.size.height)), animate=False,
                       immediate=True)
        return self.first_line() != top

    # Drawing ---------------------------------------------------------------------------------
    def render_lines(self, crop: Region) -> list[Strip]:
        """Read the geometry once per redraw (Textual calls `render_line` for each line to
        draw)."""
        self._frame = self._new_frame()
        try:
            return super().render_lines(crop)
        finally:
            self._frame = None

    def _new_frame(self) -> tuple[int, int, bool, list[Segment]]:
        width, height = self.size
        top = self.first_line()
        bar = self.scrollbar.cells(self, height, len(self.view), top)
        return top, width - 1, self.has_focus, bar

    def render_line(self, y: int) -> Strip:
        """One line of the list: the row (cached) and the scrollbar's cell."""
        top, width, focused, bar = self._frame or self._new_frame()
        position = top + y
        view = self.view
        if position >= len(view):
            strip = Strip.blank(width, self._style(""))
        else:
            is_cursor = position == self.cursor
            key = (view.indexes[position], is_cursor, is_cursor and focused, width)
            cached = self._lines.get(key)
            if cached is None:
                cached = self._lines[key] = self._render_row(view.row(position), width,
                                                             is_cursor)
            strip = cached
        return Strip([*strip, bar[y]], width + 1) if y < len(bar) else strip

    def _render_row(self, row: ClaimRow, width: int, is_cursor: bool) -> Strip:
        style = self._style
        text = Text(no_wrap=True, overflow="crop", end="")
        text.append("✓ " if row.reviewed else "  ", style("claim-list--reviewed"))
        cols = columns(width, self.several_stories)
        if cols.kind:
            kind = KIND_SHORT.get(row.kind) or one_line(row.kind, KIND_W - 1).upper()
            text.append(kind.ljust(cols.kind), style("claim-list--kind"))
        text.append(set_cell_size(row.text, cols.text))
        if cols.story:
            text.append(" " + set_cell_size(row.story, cols.story - 1), style("claim-list--muted"))
        counts = f"{row.outlets}/{row.origins}"
        text.append(counts.rjust(COUNT_W), style("claim-list--muted"))
        flag = " ⚠" if row.conflicts else " ±" if row.disputed else "  "
        text.append(flag, style("claim-list--conflict"))
        verdict_w = cols.verdict
        if verdict_w:
            label = self.verdict_label(row.verdict) if row.verdict else "·"
            text.append(" " + set_cell_size(label, verdict_w - 1), style("claim-list--verdict"))
        text.stylize_before(style(""))
        fill = style("")
        if is_cursor:
            name = "claim-list--cursor" if self.has_focus else "claim-list--cursor-blurred"
            cursor = style(name)
            text.stylize(Style(bgcolor=cursor.bgcolor, color=cursor.color, bold=cursor.bold))
            fill = fill + Style(bgcolor=cursor.bgcolor)
        strip = Strip(text.render(self.app.console), text.cell_len)
        return strip.crop_extend(0, width, fill)
