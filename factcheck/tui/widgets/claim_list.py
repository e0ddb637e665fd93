"""The claim list: one line per tracked claim, drawn with Textual's Line API.

A `ScrollView` asks `render_line` for the visible lines only, so 100,000 claims open as fast
as 100 (Textual's DataTable measures every cell when rows are added). A cursor step re-renders
two lines: the one the cursor left and the one it reached; rendered lines are cached.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.cells import set_cell_size
from rich.style import Style
from rich.text import Text
from textual import events
from textual.cache import LRUCache
from textual.geometry import Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widget import Widget

from factcheck.tui.keys import bind
from factcheck.tui.messages import ClaimChosen, ClaimHighlighted
from factcheck.tui.rows import Row, RowView
from factcheck.tui.text import one_line

KIND_SHORT = {
    "quantity": "QTY", "time": "TIME", "event": "EVENT", "quote": "QUOTE",
    "attribution": "ATTR", "denial": "DENY", "other": "OTHER",
}
MARK_W, KIND_W, COUNT_W, FLAG_W = 2, 6, 6, 2


def verdict_width(width: int) -> int:
    """Cells of the verdict column at a list width."""
    return 14 if width >= 70 else 9 if width >= 40 else 0


def text_width(width: int) -> int:
    """Cells left for the claim's wording."""
    return max(8, width - MARK_W - KIND_W - COUNT_W - FLAG_W - verdict_width(width))


class ClaimListHeader(Widget):
    """Column titles above a `ClaimList` (same columns, same widths)."""

    def render(self) -> Text:
        """The titles for the current width."""
        width = self.size.width - 1  # the list's scrollbar column
        text = Text(no_wrap=True, overflow="crop")
        text.append("✓ ".ljust(MARK_W) + "kind".ljust(KIND_W))
        text.append(set_cell_size("claim", text_width(width)))
        text.append("out/or".rjust(COUNT_W) + " !")
        if verdict_width(width):
            text.append(" verdict")
        return text


class ClaimList(ScrollView, can_focus=True):
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
        self._lines: LRUCache[tuple[int, bool, bool, int], Strip] = LRUCache(maxsize=400)

    # Data ------------------------------------------------------------------------------------
    @property
    def highlighted(self) -> Row | None:
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
        """Click a claim to highlight it; double-click to choose it."""
        offset = event.get_content_offset(self)
        if offset is None:
            return
        position = offset.y + round(self.scroll_offset.y)
        if position < len(self.view):
            self.cursor = position
            if event.chain >= 2:
                self.action_choose()

    def notify_style_update(self) -> None:
        """Theme or CSS changed: forget cached lines."""
        super().notify_style_update()
        self._lines.clear()

    # Drawing ---------------------------------------------------------------------------------
    def render_line(self, y: int) -> Strip:
        """One line of the list."""
        position = round(self.scroll_offset.y) + y
        width = self.scrollable_content_region.width
        if position >= len(self.view):
            return Strip.blank(width, self.rich_style)
        is_cursor = position == self.cursor
        key = (self.view.indexes[position], is_cursor, is_cursor and self.has_focus, width)
        strip = self._lines.get(key)
        if strip is None:
            strip = self._render_row(self.view.row(position), width, is_cursor)
            self._lines[key] = strip
        return strip

    def _render_row(self, row: Row, width: int, is_cursor: bool) -> Strip:
        style = self.get_component_rich_style
        text = Text(no_wrap=True, overflow="crop", end="")
        text.append("✓ " if row.reviewed else "  ", style("claim-list--reviewed"))
        kind = KIND_SHORT.get(row.kind) or one_line(row.kind, KIND_W - 1).upper()
        text.append(kind.ljust(KIND_W), style("claim-list--kind"))
        text.append(set_cell_size(row.text, text_width(width)))
        counts = f"{row.outlets}/{row.origins}"
        text.append(counts.rjust(COUNT_W), style("claim-list--muted"))
        flag = " ⚠" if row.conflicts else " ±" if row.disputed else "  "
        text.append(flag, style("claim-list--conflict"))
        verdict_w = verdict_width(width)
        if verdict_w:
            label = self.verdict_label(row.verdict) if row.verdict else "·"
            text.append(" " + set_cell_size(label, verdict_w - 1), style("claim-list--verdict"))
        text.stylize_before(self.rich_style)
        fill = self.rich_style
        if is_cursor:
            name = "claim-list--cursor" if self.has_focus else "claim-list--cursor-blurred"
            cursor = style(name)
            text.stylize(Style(bgcolor=cursor.bgcolor, color=cursor.color, bold=cursor.bold))
            fill = fill + Style(bgcolor=cursor.bgcolor)
        strip = Strip(text.render(self.app.console), text.cell_len)
        return strip.crop_extend(0, width, fill)
