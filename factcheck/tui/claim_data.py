"""What the detail and passage panes show about one claim: the read model, made safe to show.

`load_claim` reads one claim in context (`factcheck.core.readmodel.claim_view`: its review, and
each passage with its outlet, the previous and next passage of the same article, the span of
the claim's words, link state, suggested stance, every reviewer's mark, conflicts and notes)
and cleans its text for the screen (`for_screen`); `passage_window` cuts a long passage to a
window around the claim's words, so widgets only lay it out.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Any

from factcheck.core.readmodel import ClaimView, PassageView, claim_view
from factcheck.core.store import Store
from factcheck.tui.text import clean, one_line, window

PASSAGE_LIMIT = 900
"""Characters of a passage shown around the claim's words."""
CONTEXT_LIMIT = 240
"""Characters of the previous and next passage shown as context."""
TEXT_LIMIT = 4000
"""Characters of a claim's wording or a note shown."""


Grouped = dict[str, tuple[list[int], list[str]]]
"""Source id -> (passage starts, passage ids), in text order."""

SYNC_SEARCH_LIMIT = 5_000
"""Up to this many claims their search keys are made on the first search; above, by a worker
as soon as the store opens (see the app)."""


def group_passages(items: Iterable[tuple[str, Mapping[str, Any]]]) -> Grouped:
    """Index ``(passage id, passage)`` pairs by source, in text order."""
    grouped: dict[str, list[tuple[int, str]]] = {}
    for pid, doc in items:
        grouped.setdefault(doc.get("source_id", ""), []).append((doc.get("start", 0), pid))
    result: Grouped = {}
    for sid, pairs in grouped.items():
        pairs.sort()
        result[sid] = ([start for start, _ in pairs], [pid for _, pid in pairs])
    return result


class PassageIndex:
    """Passages of each source in text order: the context shown around a passage. Each
    source's passages are read (`Store.corpus_of`) the first time one of them is shown, and
    kept until the store changes."""

    KEPT_SOURCES = 512

    def __init__(self) -> None:
        self._by_source: Grouped = {}

    def clear(self) -> None:
        """Forget what was read (after the store changed)."""
        self._by_source.clear()

    def neighbours(self, store: Store, source_id: str,
                   start: int) -> tuple[str | None, str | None]:
        """Ids of the passages just before and just after the one starting at ``start``."""
        found = self._by_source.get(source_id)
        if found is None:
            docs = store.corpus_of("passages", [source_id])
            found = group_passages(docs.items()).get(source_id, ([], []))
            if len(self._by_source) >= self.KEPT_SOURCES:
                self._by_source.clear()
            self._by_source[source_id] = found
        starts, ids = found
        at = bisect.bisect_left(starts, start)
        before = ids[at - 1] if at > 0 else None
        after_at = at + 1 if at < len(starts) and starts[at] == start else at
        after = ids[after_at] if after_at < len(ids) else None
        return before, after


def load_claim(store: Store, claim_id: str | None, index: PassageIndex) -> ClaimView | None:
    """Everything shown about ``claim_id`` (`for_screen`), or None when there is no such claim.
    """
    if not claim_id:
        return None
    view = claim_view(store, claim_id, context=False, timeline=True,
                      neighbours=lambda sid, start: index.neighbours(store, sid, start))
    return None if view is None else for_screen(view)


def for_screen(view: ClaimView) -> ClaimView:
    """``view`` with its scraped text made safe to show (no control, bidi or zero-width
    characters; names, titles and reasons on one line and cut), outlets named (the file name
    when the outlet is unknown), and passages grouped by outlet in order of first appearance."""
    notes = tuple(replace(n, author=one_line(n.author, 40), text=clean(n.text)[:TEXT_LIMIT])
                  for n in view.notes)
    conflicts = tuple(replace(c, reason=one_line(c.reason, 300)) for c in view.conflicts)
    passages = [replace(
        p,
        outlet=one_line(p.shown_outlet, 60),
        title=one_line(p.title, 200),
        published=one_line(p.published, 40),
        previous=one_line(p.previous, CONTEXT_LIMIT),
        following=one_line(p.following, CONTEXT_LIMIT),
        by_reviewer={one_line(who, 40): stance for who, stance in p.by_reviewer.items()},
    ) for p in view.passages]
    groups: dict[str, list[PassageView]] = {}
    for passage in passages:
        groups.setdefault(passage.shown_outlet, []).append(passage)
    return replace(view, text=clean(view.text)[:TEXT_LIMIT], notes=notes, conflicts=conflicts,
                   passages=tuple(p for group in groups.values() for p in group))


def passage_window(passage: PassageView) -> tuple[str, str, str, tuple[int, int]]:
    """The passage cut to about `PASSAGE_LIMIT` characters around the claim's words, cleaned:
    ``(before, words, after, (hidden before, hidden after))``; the passage is
    ``before + words + after`` and ``hidden`` counts the characters left out at each end."""
    text = passage.text
    start, end = passage.words or (0, len(text))
    before, words, after, hidden_before, hidden_after = window(text, start, end, PASSAGE_LIMIT)
    return clean(before), clean(words), clean(after), (hidden_before, hidden_after)
