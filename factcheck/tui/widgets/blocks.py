"""A scrollable stack of text blocks drawn with the Line API, with an optional block cursor.

The detail and passage panes change with every step of the claim list's cursor. Widgets that
are mounted, resized and laid out for each claim made a step cost a full screen layout; a
`BlockView` instead wraps its blocks (Rich `Text`) into lines once per content or width
change and draws only the lines Textual asks for. Moving the block cursor redraws the lines
of two blocks.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.geometry import Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip


@dataclass(frozen=True)
class Block:
    """One block of text; ``selectable`` blocks can take the cursor."""

    text: Text
    selectable: bool = False
    heading: bool = False
    """Drawn as a full-width heading bar."""
    gap: bool = True
    """Leave an empty line after the block."""


class BlockView(ScrollView, can_focus=False):
    """Blocks of text, wrapped to the width, with a cursor over the selectable ones."""

    COMPONENT_CLASSES = {"blocks--cursor", "blocks--cursor-focused", "blocks--heading"}
    GUTTER = 2
    """Cells at the left of each line: the cursor bar and a space."""
    MORE = ""
    """Drawn at the end of the last visible line while more lines are below (for panes
    without a scrollbar)."""

    cursor: reactive[int] = reactive(0, init=False, repaint=False)
    """Position of the cursor among the selectable blocks."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.blocks: list[Block] = []
        self._lines: list[tuple[list[Segment], int]] = []
        """Each line's segments and the index of its block."""
        self._spans: list[tuple[int, int]] = []
        """Each block's first line and line count."""
        self._selectable: list[int] = []
        """Block index of each selectable block, in order."""
        self._width = 0

    # Content ---------------------------------------------------------------------------------
    def set_blocks(self, blocks: list[Block], *, keep_scroll: bool = False) -> None:
        """Show new blocks (the cursor stays where it is, clamped)."""
        self.blocks = blocks
        self._selectable = [i for i, b in enumerate(blocks) if b.selectable]
        self._wrap()
        if not keep_scroll:
            self.scroll_to(y=0, animate=False, immediate=True)
        self.refresh()

    def _wrap(self) -> None:
        width = max(1, self.scrollable_content_region.width - self.GUTTER)
        self._width = width
        console = self.app.console
        options = console.options.update(width=width, min_width=width, max_width=width,
                                         height=None, highlight=False, no_wrap=False)
        heading = self.get_component_rich_style("blocks--heading")
        lines: list[tuple[list[Segment], int]] = []
        spans: list[tuple[int, int]] = []
        for index, block in enumerate(self.blocks):
            start = len(lines)
            rendered = console.render_lines(block.text, options, pad=False,
                                            style=heading if block.heading else None)
            lines.extend((segments, index) for segments in rendered)
            if block.gap:
                lines.append(([], index))
            spans.append((start, len(lines) - start))
        self._lines = lines
        self._spans = spans
        self.virtual_size = Size(width + self.GUTTER, len(lines))

    def line_range(self, position: int) -> tuple[int, int]:
        """First line and line count of the selectable block at ``position``."""
        if 0 <= position < len(self._selectable):
            return self._spans[self._selectable[position]]
        return (0, 0)

    # Cursor ----------------------------------------------------------------------------------
    def validate_cursor(self, value: int) -> int:
        """Keep the cursor on a selectable block."""
        return max(0, min(value, len(self._selectable) - 1))

    def watch_cursor(self, old: int, new: int) -> None:
        """Redraw the two blocks and bring the new one into view."""
        for position in (old, new):
            start, count = self.line_range(position)
            self.refresh_lines(start, count)
        self.scroll_to_cursor()

    def scroll_to_cursor(self) -> None:
        """Scroll so the cursor's block is visible (its start first, with the heading just
        above it, if any)."""
        start, count = self.line_range(self.cursor)
        if self._selectable:
            block = self._selectable[self.cursor]
            if block > 0 and self.blocks[block - 1].heading:
                heading_start, heading_count = self._spans[block - 1]
                start, count = heading_start, count + heading_count
        top = round(self.scroll_offset.y)
        height = self.scrollable_content_region.height
        if start < top or (height and start + min(count, height) > top + height):
            self.scroll_to(y=start, animate=False, immediate=True)

    # Events ----------------------------------------------------------------------------------
    def on_resize(self, event: events.Resize) -> None:
        """Wrap again for the new width."""
        if self.scrollable_content_region.width - self.GUTTER != self._width:
            self._wrap()
            self.refresh()

    def notify_style_update(self) -> None:
        """Theme changed: wrap again with the new styles."""
        super().notify_style_update()
        if self.is_mounted and self.blocks:
            self._wrap()

    def on_focus(self) -> None:
        """The cursor shows brighter when focused."""
        self.refresh()

    def on_blur(self) -> None:
        """The cursor dims when the focus leaves."""
        self.refresh()

    def on_click(self, event: events.Click) -> None:
        """Click a selectable block to move the cursor there."""
        offset = event.get_content_offset(self)
        if offset is None:
            return
        line = offset.y + round(self.scroll_offset.y)
        if 0 <= line < len(self._lines):
            block = self._lines[line][1]
            if block in self._selectable:
                self.cursor = self._selectable.index(block)
                if self.can_focus:
                    self.focus()

    # Drawing ---------------------------------------------------------------------------------
    def render_line(self, y: int) -> Strip:
        """One line: gutter (cursor bar) and text."""
        index = round(self.scroll_offset.y) + y
        width = self.scrollable_content_region.width
        base = self.rich_style
        if index >= len(self._lines):
            return Strip.blank(width, base)
        segments, block_index = self._lines[index]
        block = self.blocks[block_index]
        current = bool(self._selectable) and block_index == self._selectable[self.cursor]
        fill = base
        gutter = Segment(" " * self.GUTTER, base)
        post: Style | None = None
        if current:
            name = "blocks--cursor-focused" if self.has_focus else "blocks--cursor"
            cursor = self.get_component_rich_style(name)
            post = Style(bgcolor=cursor.bgcolor)
            fill = base + post
            gutter = Segment("▌".ljust(self.GUTTER), base + Style(color=cursor.color))
        elif block.heading and segments:
            fill = base + self.get_component_rich_style("blocks--heading")
            gutter = Segment(" " * self.GUTTER, fill)
        body = list(Segment.apply_style(segments, base, post))
        strip = Strip([gutter, *body]).crop_extend(0, width, fill)
        height = self.scrollable_content_region.height
        if self.MORE and y == height - 1 and index + 1 < len(self._lines):
            more = Strip([Segment(self.MORE, base + Style(dim=True, bold=True))])
            strip = Strip.join([strip.crop(0, width - more.cell_length), more])
        return strip
