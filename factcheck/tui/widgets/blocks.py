"""A scrollable stack of text blocks drawn with the Line API, with an optional block cursor.

The detail and passage panes change with every step of the claim list's cursor, so showing a
claim must cost no screen layout (a layout costs a cursor step some 7 ms here). A `BlockView`
is therefore a plain widget whose size the stylesheet fixes, not a `ScrollView`: Textual lays
out the whole screen whenever a scrollable widget's content height changes or its scrollbar
comes or goes, and a widget sized to its content would relayout for every claim. It keeps its
own scroll position and draws its own scrollbar (`OwnScrollbar`).

Showing content is cheap: the blocks (Rich `Text`) are wrapped into line `Text`s once per
content and width, and a line becomes segments only when Textual asks for it, i.e. when it is
visible. Blocks and wrapped lines are kept for the last few contents (claims) shown, drawn
lines for the one shown, so returning to a claim costs little. Moving the block cursor
redraws the lines of two blocks.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.actions import SkipAction
from textual.binding import Binding
from textual.cache import LRUCache
from textual.geometry import Region
from textual.reactive import reactive
from textual.strip import Strip

from factcheck.tui.widgets.scrollbar import OwnScrollbar

CACHED_CONTENTS = 16
"""Contents (claims) whose blocks and wrapped lines a pane keeps (drawn lines are kept for
the content shown only: every object kept alive makes the cycle collector's full passes
longer)."""
_EMPTY = Text()


@dataclass(frozen=True)
class Block:
    """One block of text; ``selectable`` blocks can take the cursor."""

    text: Text
    selectable: bool = False
    heading: bool = False
    """Drawn as a full-width heading bar."""
    gap: bool = True
    """Leave an empty line after the block."""


@dataclass(eq=False)
class _Layout:
    """Blocks wrapped to one width."""

    lines: list[tuple[Text, int]]
    """Each line and the index of its block."""
    spans: list[tuple[int, int]]
    """Each block's first line and line count."""
    strips: dict[tuple[int, int], Strip] = field(default_factory=dict)
    """Drawn lines by (line, cursor state), without the scrollbar column."""


@dataclass(eq=False)
class _Content:
    """What one ``show`` call displays, kept for the next time it is shown."""

    owner: object
    blocks: list[Block]
    selectable: list[int]
    """Block index of each selectable block, in order."""
    layouts: dict[int, _Layout] = field(default_factory=dict)
    """Wrapped lines by text width."""


@dataclass(frozen=True)
class _Palette:
    base: Style
    heading: Style
    cursor: Style
    cursor_focused: Style


@dataclass(frozen=True)
class _Frame:
    """What every line of one redraw needs, read once."""

    width: int
    """Cells of a line without the scrollbar column."""
    height: int
    layout: _Layout
    palette: _Palette
    focused: bool
    scrollbar: list[Segment] | None


class BlockView(OwnScrollbar, can_focus=False):
    """Blocks of text, wrapped to the width, with a cursor over the selectable ones."""

    COMPONENT_CLASSES = {"blocks--cursor", "blocks--cursor-focused", "blocks--heading"}
    BINDINGS = [
        Binding("pageup", "scroll_page(-1)", "Page up", show=False),
        Binding("pagedown", "scroll_page(1)", "Page down", show=False),
        Binding("home", "scroll_edge(0)", "Top", show=False),
        Binding("end", "scroll_edge(1)", "Bottom", show=False),
    ]
    GUTTER = 2
    """Cells at the left of each line: the cursor bar and a space."""
    MORE = ""
    """Drawn at the end of the last visible line while more lines are below (for panes
    without a scrollbar)."""
    SCROLLBAR = False
    """Draw a scrollbar in the last column."""

    cursor: reactive[int] = reactive(0, init=False, repaint=False)
    """Position of the cursor among the selectable blocks."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.blocks: list[Block] = []
        self._content = _Content(None, [], [])
        self._contents: LRUCache[int, _Content] = LRUCache(maxsize=CACHED_CONTENTS)
        self._top = 0
        self._palette: _Palette | None = None
        self._styles_by_name: dict[str, Style] = {}
        self._frame: _Frame | None = None

    # Content ---------------------------------------------------------------------------------
    def show(self, owner: object, build: Callable[[], list[Block]], *,
             keep_scroll: bool = False) -> None:
        """Show the blocks of ``owner`` (made by ``build`` unless shown recently).

        Args:
            owner: What the blocks show (a claim's data): the same object gives the same
                blocks, so they are built and wrapped once.
            build: Makes the blocks.
            keep_scroll: Stay at the same line (the same content, changed); otherwise show
                the top. The cursor stays where it is, clamped.
        """
        content = self._contents.get(id(owner))
        if content is None or content.owner is not owner:
            blocks = build()
            content = _Content(owner, blocks, [i for i, b in enumerate(blocks) if b.selectable])
            self._contents[id(owner)] = content
        if content is not self._content:
            for layout in self._content.layouts.values():
                layout.strips.clear()  # drawn lines are kept for the content shown only
        self._content = content
        self.blocks = content.blocks
        self._top = self._clamped(self._top) if keep_scroll else 0
        self.refresh()

    def restyle(self) -> None:
        """Show the current content again after a theme change (subclasses rebuild it)."""

    def component_style(self, name: str) -> Style:
        """A component class's Rich style, kept until the theme or CSS changes (Textual's own
        cache of them is dropped at every refresh, i.e. for every claim shown)."""
        style = self._styles_by_name.get(name)
        if style is None:
            style = self._styles_by_name[name] = self.get_component_rich_style(name)
        return style

    def _layout(self, width: int | None = None) -> _Layout:
        """The content wrapped to the current width (``width``: the widget's)."""
        width = (self.size.width if width is None else width) - self.GUTTER - (
            1 if self.SCROLLBAR else 0)
        if width <= 0:
            return _Layout([], [])
        layouts = self._content.layouts
        layout = layouts.get(width)
        if layout is None:
            if len(layouts) > 3:  # a few widths (resizes), not every width ever seen
                layouts.clear()
            layout = layouts[width] = self._wrap(width)
        return layout

    def _wrap(self, width: int) -> _Layout:
        console = self.app.console
        lines: list[tuple[Text, int]] = []
        spans: list[tuple[int, int]] = []
        for index, block in enumerate(self.blocks):
            start = len(lines)
            lines.extend((line, index) for line in block.text.wrap(console, width))
            if block.gap:
                lines.append((_EMPTY, index))
            spans.append((start, len(lines) - start))
        return _Layout(lines, spans)

    def line_range(self, position: int) -> tuple[int, int]:
        """First line and line count of the selectable block at ``position``."""
        selectable = self._content.selectable
        if 0 <= position < len(selectable):
            spans = self._layout().spans
            block = selectable[position]
            return spans[block] if block < len(spans) else (0, 0)
        return (0, 0)

    # Scrolling -------------------------------------------------------------------------------
    def has_scrollbar(self) -> bool:
        """Whether the last column is a scrollbar (`SCROLLBAR`)."""
        return self.SCROLLBAR

    def first_line(self) -> int:
        """The first line shown."""
        return self._top

    def line_count(self) -> int:
        """Lines of the content at the current width."""
        return len(self._layout().lines)

    def _clamped(self, top: int) -> int:
        return max(0, min(top, len(self._layout().lines) - self.size.height))

    def scroll_to_line(self, line: int) -> bool:
        """Show line ``line`` first (as far as there are lines below); True when it moved."""
        top = self._clamped(line)
        if top == self._top:
            return False
        self._top = top
        self.refresh()
        return True

    def scroll_to_cursor(self) -> None:
        """Scroll so the cursor's block is visible (its start first, with the heading just
        above it, if any)."""
        start, count = self.line_range(self.cursor)
        selectable = self._content.selectable
        if selectable:
            block = selectable[self.cursor]
            if block > 0 and self.blocks[block - 1].heading:
                heading_start, heading_count = self._layout().spans[block - 1]
                start, count = heading_start, count + heading_count
        top = self._top
        height = self.size.height
        if start < top or (height and start + min(count, height) > top + height):
            self.scroll_to_line(start)

    def action_scroll_page(self, direction: int) -> None:
        """Page up or down (nothing to scroll: the key goes on to the screen)."""
        if not self.scroll_to_line(self._top + direction * self.size.height):
            raise SkipAction()

    def action_scroll_edge(self, end: int) -> None:
        """To the first or the last line."""
        if not self.scroll_to_line(len(self._layout().lines) if end else 0):
            raise SkipAction()

    # Cursor ----------------------------------------------------------------------------------
    def validate_cursor(self, value: int) -> int:
        """Keep the cursor on a selectable block."""
        return max(0, min(value, len(self._content.selectable) - 1))

    def watch_cursor(self, old: int, new: int) -> None:
        """Redraw the two blocks and bring the new one into view."""
        for position in (old, new):
            start, count = self.line_range(position)
            self.refresh(Region(0, start - self._top, self.size.width, count))
        self.scroll_to_cursor()

    # Events ----------------------------------------------------------------------------------
    def on_resize(self, event: events.Resize) -> None:
        """Keep the scroll position within the content wrapped to the new width."""
        self._top = self._clamped(self._top)
        self.refresh()

    def notify_style_update(self) -> None:
        """Theme or CSS changed: draw everything again with the new styles."""
        super().notify_style_update()
        self._palette = None
        self._styles_by_name.clear()
        self.scrollbar.clear()
        self._contents.clear()
        self._content.layouts.clear()
        if self.is_mounted:
            self.restyle()

    def on_focus(self) -> None:
        """The cursor shows brighter when focused."""
        self.refresh()

    def on_blur(self) -> None:
        """The cursor dims when the focus leaves."""
        self.refresh()

    def on_click(self, event: events.Click) -> None:
        """Click a selectable block to move the cursor there."""
        offset = event.get_content_offset(self)
        if offset is None or self.over_scrollbar(event):
            return
        lines = self._layout().lines
        line = offset.y + self._top
        if 0 <= line < len(lines):
            block = lines[line][1]
            if block in self._content.selectable:
                self.cursor = self._content.selectable.index(block)
                if self.can_focus:
                    self.focus()

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        """The wheel scrolls (by the app's scroll sensitivity)."""
        if not (event.ctrl or event.shift) and self.scroll_to_line(
                self._top + round(self.app.scroll_sensitivity_y)):
            event.stop()

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        """The wheel scrolls (by the app's scroll sensitivity)."""
        if not (event.ctrl or event.shift) and self.scroll_to_line(
                self._top - round(self.app.scroll_sensitivity_y)):
            event.stop()

    # Drawing ---------------------------------------------------------------------------------
    def _styles(self) -> _Palette:
        if self._palette is None:
            style = self.component_style
            self._palette = _Palette(self.rich_style, style("blocks--heading"),
                                     style("blocks--cursor"), style("blocks--cursor-focused"))
        return self._palette

    def _new_frame(self) -> _Frame:
        width, height = self.size
        layout = self._layout(width)
        bar = self.scrollbar.cells(self, height, len(layout.lines), self._top) \
            if self.SCROLLBAR else None
        return _Frame(width - (1 if bar is not None else 0), height, layout, self._styles(),
                      self.has_focus, bar)

    def render_lines(self, crop: Region) -> list[Strip]:
        """Read the geometry, the wrapped content and the styles once per redraw (Textual
        calls `render_line` for each line to draw)."""
        self._frame = self._new_frame()
        try:
            return super().render_lines(crop)
        finally:
            self._frame = None

    def render_line(self, y: int) -> Strip:
        """One line: gutter (cursor bar), text and, if drawn, the scrollbar's cell."""
        frame = self._frame or self._new_frame()
        width, palette, lines = frame.width, frame.palette, frame.layout.lines
        index = self._top + y
        strip = self._line(frame, index) if index < len(lines) else Strip.blank(width, palette.base)
        if self.MORE and y == frame.height - 1 and index + 1 < len(lines):
            more = Strip([Segment(self.MORE, palette.base + Style(dim=True, bold=True))])
            strip = Strip.join([strip.crop(0, width - more.cell_length), more])
        if frame.scrollbar is not None and y < frame.height:
            strip = Strip([*strip, frame.scrollbar[y]], width + 1)
        return strip

    def _line(self, frame: _Frame, index: int) -> Strip:
        layout, palette, width = frame.layout, frame.palette, frame.width
        text, block_index = layout.lines[index]
        selectable = self._content.selectable
        current = bool(selectable) and block_index == selectable[self.cursor]
        state = (2 if frame.focused else 1) if current else 0
        strip = layout.strips.get((index, state))
        if strip is not None:
            return strip
        block = self.blocks[block_index]
        base = palette.base
        segments: list[Segment] = list(text.render(self.app.console)) if text else []
        if block.heading:
            segments = list(Segment.apply_style(segments, palette.heading))
        fill = base
        gutter = Segment(" " * self.GUTTER, base)
        post: Style | None = None
        if current:
            cursor = palette.cursor_focused if state == 2 else palette.cursor
            post = Style(bgcolor=cursor.bgcolor)
            fill = base + post
            gutter = Segment("▌".ljust(self.GUTTER), base + Style(color=cursor.color))
        elif block.heading and segments:
            fill = base + palette.heading
            gutter = Segment(" " * self.GUTTER, fill)
        body = list(Segment.apply_style(segments, base, post))
        room = width - self.GUTTER - text.cell_len
        if room >= 0:  # the usual case: a wrapped line is never wider than the text width
            strip = Strip([gutter, *body, Segment(" " * room, fill)] if room else
                          [gutter, *body], width)
        else:
            strip = Strip([gutter, *body]).crop_extend(0, width, fill)
        layout.strips[(index, state)] = strip
        return strip
