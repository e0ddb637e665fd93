"""A vertical scrollbar drawn by a Line-API widget in its own last column.

Textual's scrollbars are widgets of their own: each change of the scroll position renders the
bar again through Rich (about 2 ms for a 35-line list), and a scrollable widget whose content
height changes, or whose scrollbar comes or goes, costs a layout of the whole screen. The
claim list and the panes that change with every cursor step draw this column instead, with
Textual's `ScrollBarRender` and the widget's ``scrollbar-*`` styles, so it looks as Textual's
does: blank while everything fits, a thumb over a track otherwise. The cells carry Textual's
``@mouse.down`` actions (``grab`` on the thumb, ``scroll_up`` / ``scroll_down`` on the track),
which `OwnScrollbar` implements, with dragging and the hover colours.
"""

from __future__ import annotations

from typing import Any

from rich.color import Color
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.geometry import Region
from textual.scrollbar import ScrollBarRender
from textual.widget import Widget


class ScrollbarColumn:
    """The scrollbar cells of one widget, drawn again only when what they show changes."""

    def __init__(self) -> None:
        self._key: tuple[object, ...] = ()
        self._cells: list[Segment] = []
        self.hover = False
        """The mouse is over the column (drawn in the hover colours)."""
        self.grabbed: tuple[int, int] | None = None
        """While the thumb is dragged: the mouse's screen row and the first line shown at
        the grab."""

    def clear(self) -> None:
        """Forget the drawn cells (after a theme change)."""
        self._key = ()

    def cells(self, widget: Widget, height: int, total: int, top: int) -> list[Segment]:
        """One segment per row for ``height`` rows from line ``top`` of ``total`` lines
        (blank cells in the widget's background while everything fits, as Textual draws a
        scrollbar gutter)."""
        key = (height, total, top, self.hover, self.grabbed is not None)
        if key == self._key:
            return self._cells
        if total <= height:
            base_background, background = widget.background_colors
            blank = Style(bgcolor=(base_background + background).rich_color)
            cells = [Segment(" ", blank)] * height
        else:
            back, bar = self._colors(widget)
            drawn = ScrollBarRender.render_bar(
                size=height, virtual_size=total, window_size=height, position=top,
                thickness=1, vertical=True, back_color=back, bar_color=bar)
            # On the widget's style, as Textual draws a renderable (`Widget.post_render`).
            cells = list(Segment.apply_style(drawn.segments, widget.rich_style))
        self._key, self._cells = key, cells
        return cells

    def _colors(self, widget: Widget) -> tuple[Color, Color]:
        """Track and thumb colours, picked as Textual's `ScrollBar` picks them."""
        styles = widget.styles
        if self.grabbed is not None:
            background, color = styles.scrollbar_background_active, styles.scrollbar_color_active
        elif self.hover:
            background, color = styles.scrollbar_background_hover, styles.scrollbar_color_hover
        else:
            background, color = styles.scrollbar_background, styles.scrollbar_color
        if background.a < 1:
            base_background, _ = widget.background_colors
            background = base_background + background
        color = background + color
        return background.rich_color, color.rich_color


class OwnScrollbar(Widget):
    """A widget that draws a `ScrollbarColumn` in its last content column and answers the
    mouse on it as Textual's scrollbar does.

    As a second base (``class ClaimList(ScrollView, OwnScrollbar)``) it must come after the
    widget's own base: Textual's CSS follows the first base only.
    """

    def __init__(self, *children: Widget, **kwargs: Any) -> None:
        super().__init__(*children, **kwargs)
        self.scrollbar = ScrollbarColumn()

    # Provided by the widget -------------------------------------------------------------------
    def has_scrollbar(self) -> bool:
        """Whether the last column is a scrollbar."""
        return True

    def first_line(self) -> int:
        """The first line shown."""
        raise NotImplementedError

    def line_count(self) -> int:
        """Lines to scroll through."""
        raise NotImplementedError

    def scroll_to_line(self, line: int) -> bool:
        """Show ``line`` first (as far as there are lines); True when the view moved."""
        raise NotImplementedError

    # Drawing ----------------------------------------------------------------------------------
    def refresh_scrollbar(self) -> None:
        """Draw the column again."""
        if self.has_scrollbar():
            self.refresh(Region(self.size.width - 1, 0, 1, self.size.height))

    def over_scrollbar(self, event: events.MouseEvent) -> bool:
        """Whether a mouse event is over the scrollbar column."""
        offset = event.get_content_offset(self)
        return (self.has_scrollbar() and offset is not None
                and offset.x == self.size.width - 1)

    # The cells' ``@mouse.down`` actions -------------------------------------------------------
    def action_scroll_up(self) -> None:
        """Click on the track above the thumb: a page up."""
        self.scroll_to_line(self.first_line() - self.size.height)

    def action_scroll_down(self) -> None:
        """Click on the track below the thumb: a page down."""
        self.scroll_to_line(self.first_line() + self.size.height)

    def action_grab(self) -> None:
        """Mouse down on the thumb: drag it."""
        self.capture_mouse()

    # Dragging and hovering --------------------------------------------------------------------
    def on_mouse_capture(self, event: events.MouseCapture) -> None:
        """The thumb is grabbed."""
        self.scrollbar.grabbed = (event.mouse_position.y, self.first_line())
        self.refresh_scrollbar()

    def on_mouse_release(self, event: events.MouseRelease) -> None:
        """The thumb is let go."""
        self.scrollbar.grabbed = None
        self.refresh_scrollbar()

    def on_mouse_up(self, event: events.MouseUp) -> None:
        """End a drag of the thumb."""
        if self.scrollbar.grabbed is not None:
            self.release_mouse()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        """Drag the thumb; show the scrollbar in the hover colours under the mouse."""
        grabbed = self.scrollbar.grabbed
        if grabbed is not None:
            grab_y, grab_top = grabbed
            ratio = self.line_count() / max(1, self.size.height)
            self.scroll_to_line(round(grab_top + (event.screen_y - grab_y) * ratio))
            return
        hover = self.over_scrollbar(event)
        if hover != self.scrollbar.hover:
            self.scrollbar.hover = hover
            self.refresh_scrollbar()

    def on_leave(self, event: events.Leave) -> None:
        """The mouse left: the scrollbar is no longer hovered."""
        if self.scrollbar.hover:
            self.scrollbar.hover = False
            self.refresh_scrollbar()
