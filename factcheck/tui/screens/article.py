"""The full article of a passage, with every claim it carries highlighted."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from factcheck.core.store import Store
from factcheck.tui.keys import bind, key_label
from factcheck.tui.text import clean, one_line, short_date

PARAGRAPH_LIMIT = 20_000
ARTICLE_LIMIT = 200_000
"""Characters shown (a scraped page can hold a megabyte in one paragraph)."""


def paragraphs(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each non-empty line of an article."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def highlighted(text: str, start: int, end: int, spans: list[tuple[int, int, Style]],
                limit: int = PARAGRAPH_LIMIT) -> Text:
    """``text[start:end]`` with the ``(start, end, style)`` spans styled; pieces are cleaned
    one by one so the offsets stay right even when the page holds control characters."""
    cut = min(end, start + limit)
    bounds = sorted({start, cut, *(max(start, min(cut, s)) for s, _, _ in spans),
                     *(max(start, min(cut, e)) for _, e, _ in spans)})
    result = Text()
    for a, b in zip(bounds, bounds[1:], strict=False):
        style = next((st for s, e, st in spans if s <= a and b <= e), None)
        result.append(clean(text[a:b]), style or "")
    if cut < end:
        result.append(f" …(+{end - cut:,} characters not shown)", "dim italic")
    return result


class ArticleScreen(ModalScreen[None]):
    """Read a passage in its article; the current claim's words stand out."""

    COMPONENT_CLASSES = {"article--current", "article--claim", "article--passage"}
    BINDINGS = [
        bind("close", "close", "Close"),
        bind("open_article", "close", "Close", show=False),
        bind("quit", "close", "Close", show=False),
    ]

    def __init__(self, store: Store, source_id: str, claim_id: str,
                 passage_id: str | None) -> None:
        super().__init__()
        self.store = store
        self.source_id = source_id
        self.claim_id = claim_id
        self.passage_id = passage_id
        self.target: Static | None = None

    def _header(self, source: Mapping[str, Any]) -> Text:
        text = Text()
        text.append(one_line(source.get("outlet") or source.get("file") or "unknown", 80),
                    "bold")
        if source.get("published"):
            text.append(f"  {short_date(source.get('published'))}", "dim")
        text.append("\n")
        text.append(one_line(source.get("title") or "(untitled)", 300), "bold")
        byline = source.get("byline") or {}
        if byline:
            names = ", ".join(f"{one_line(k, 20)}: {one_line(v, 40)}" for k, v in byline.items())
            text.append(f"\n{names}", "dim")
        where = source.get("url") or source.get("file")
        if where:
            text.append(f"\n{one_line(where, 200)}", "dim")
        return text

    def compose(self) -> ComposeResult:
        """Header and the article body (filled on mount, when styles are known)."""
        source = self.store.raw("sources").get(self.source_id, {})
        with Vertical(classes="article"):
            yield Static(self._header(source), id="article-header")
            yield VerticalScroll(id="article-body")
            yield Static(Text(f"{key_label(self.app, 'close')} back · highlighted: the claims "
                              "of this article; the current claim stands out"),
                         classes="dialog-keys")

    def _paragraphs(self) -> list[Static]:
        text = self.store.source_text(self.source_id)
        claim = self.store.sound_doc("claims", self.claim_id) or {}
        own = {e.get("mention_id") for e in claim.get("evidence", ())}
        current = self.get_component_rich_style("article--current")
        other = self.get_component_rich_style("article--claim")
        spans = sorted(
            ((int(m.get("start", 0)), int(m.get("end", 0)), current if mid in own else other)
             for mid, m in self.store.corpus_of("mentions", [self.source_id]).items()
             if m.get("source_id") == self.source_id), key=lambda s: (s[0], s[1]))
        passage = self.store.corpus_of("passages", [self.source_id]).get(
            self.passage_id or "", {})
        focus_at = passage.get("start")
        widgets: list[Static] = []
        shown = 0
        for start, end in paragraphs(text):
            if shown > ARTICLE_LIMIT:
                widgets.append(Static(Text(f"…(+{len(text) - start:,} characters not shown)",
                                           "dim italic")))
                break
            inside = [s for s in spans if s[1] > start and s[0] < end]
            widget = Static(highlighted(text, start, end, inside), classes="paragraph")
            if focus_at is not None and start <= focus_at <= end and self.target is None:
                widget.add_class("-current")
                self.target = widget
            shown += end - start
            widgets.append(widget)
        if not widgets:
            widgets.append(Static(Text("This article has no text.", "dim")))
        return widgets

    def on_mount(self) -> None:
        """Show the article and scroll to the passage the reviewer came from."""
        body = self.query_one("#article-body", VerticalScroll)
        body.mount_all(self._paragraphs())
        body.focus()
        if self.target is not None:
            self.call_after_refresh(self.target.scroll_visible, top=True, animate=False)

    def action_close(self) -> None:
        """Back to the review."""
        self.dismiss(None)
