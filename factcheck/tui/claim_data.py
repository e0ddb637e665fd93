"""What the detail and passage panes show about one claim, read from the stored dictionaries.

`load_claim` gathers one claim, its review, and each passage in context (its outlet, the
previous and next passage of the same article, the span of the claim's words, link state,
suggested stance, every reviewer's mark, conflicts and notes). Text is cleaned here, and long
passages are cut to a window around the claim's words, so widgets only lay it out.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from factcheck.core.models import review_rows
from factcheck.core.store import Store
from factcheck.core.timeline import Timeline, figure_timeline
from factcheck.tui.text import clean, one_line, window

PASSAGE_LIMIT = 900
"""Characters of a passage shown around the claim's words."""
CONTEXT_LIMIT = 240
"""Characters of the previous and next passage shown as context."""


@dataclass(frozen=True)
class NoteData:
    """One note, ready to show."""

    author: str
    at: str
    text: str
    passage_id: str | None


@dataclass(frozen=True)
class PassageData:
    """One passage of a claim, in context."""

    passage_id: str
    source_id: str
    outlet: str
    title: str
    published: str
    role: str
    before: str
    words: str
    after: str
    """The passage is ``before + words + after``; ``words`` are the claim's words in it."""
    hidden: tuple[int, int]
    """Characters left out before and after (very long passages)."""
    previous: str
    following: str
    """The neighbouring passages of the same article (context, shown dimmed)."""
    link: str
    suggested: str
    marks: dict[str, str]
    """Reviewer -> stance."""
    conflicts: tuple[tuple[str, str], ...]
    """(kind, reason) of each conflict the passage takes part in."""
    notes: tuple[NoteData, ...]
    key: str = ""
    """The row's review key (`review_rows`): the passage id, or the passage id marked as the
    mention that reports a denial the same sentence also asserts."""
    denied: bool = False
    """This row is the sentence's report of the claim's denial."""

    @property
    def mark_key(self) -> str:
        return self.key or self.passage_id


@dataclass(frozen=True)
class ClaimData:
    """One tracked claim, everything the panes show."""

    claim_id: str
    kind: str
    text: str
    score: float
    outlets: int
    origins: int
    disputed: bool
    normalized: dict[str, Any]
    verdict: dict[str, Any] | None
    """The stored verdict (the dict the reviewer saw: passed as ``seen`` to `set_verdict`)."""
    notes: tuple[NoteData, ...]
    """Notes on the whole claim."""
    conflicts: tuple[tuple[str, str], ...]
    passages: tuple[PassageData, ...] = field(default_factory=tuple)
    timeline: Timeline | None = None
    """What each outlet reported of a tracked quantity, over publication time."""


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

    def neighbours(self, store: Store, source_id: str, start: int) -> tuple[str | None, ...]:
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


def _note(doc: Mapping[str, Any]) -> NoteData:
    return NoteData(author=one_line(doc.get("author"), 40), at=str(doc.get("at", "")),
                    text=clean(doc.get("text", ""))[:4000], passage_id=doc.get("passage_id"))


def _passage(store: Store, index: PassageIndex, key: str, item: Mapping[str, Any],
             review: Mapping[str, Any], conflicts: list[Mapping[str, Any]],
             notes: list[NoteData]) -> PassageData:
    pid = item.get("passage_id", "")
    sid = str(item.get("source_id", ""))
    passage = store.corpus_of("passages", [sid]).get(pid, {})
    source = store.raw("sources").get(sid, {})
    mention = store.corpus_of("mentions", [sid]).get(item.get("mention_id", ""), {})
    text = passage.get("text", "")
    offset = passage.get("start", 0)
    start = max(0, mention.get("start", offset) - offset)
    end = min(len(text), mention.get("end", offset + len(text)) - offset)
    if end <= start:
        start, end = 0, len(text)
    before, words, after, hidden_before, hidden_after = window(text, start, end, PASSAGE_LIMIT)
    prev_id, next_id = index.neighbours(store, item.get("source_id", ""), offset)
    passages = store.corpus_of("passages", [sid])
    marks = {one_line(who, 40): str(m.get("stance", ""))
             for who, m in (review.get("marks", {}).get(key) or {}).items()}
    return PassageData(
        passage_id=pid,
        source_id=item.get("source_id", ""),
        outlet=one_line(source.get("outlet") or source.get("file") or "unknown outlet", 60),
        title=one_line(source.get("title"), 200),
        published=one_line(source.get("published"), 40),
        role=str(passage.get("role", "body")),
        before=clean(before), words=clean(words), after=clean(after),
        hidden=(hidden_before, hidden_after),
        previous=one_line(passages.get(prev_id, {}).get("text") if prev_id else "", CONTEXT_LIMIT),
        following=one_line(passages.get(next_id, {}).get("text") if next_id else "",
                           CONTEXT_LIMIT),
        link=str(item.get("link", "auto")),
        suggested=str(item.get("suggested_stance", "")),
        marks=marks,
        conflicts=tuple((str(c.get("kind", "")), one_line(c.get("reason"), 300))
                        for c in conflicts if pid in c.get("passages", ())),
        notes=tuple(n for n in notes if n.passage_id == pid),
        key=key,
        denied=key != pid,
    )


def load_claim(store: Store, claim_id: str | None, index: PassageIndex) -> ClaimData | None:
    """Everything shown about ``claim_id``, or None when there is no such claim."""
    if not claim_id:
        return None
    claim = store.sound_doc("claims", claim_id)
    if claim is None:
        return None
    review = store.sound_doc("reviews", claim_id) or {}
    notes = [_note(n) for n in review.get("notes", ())]
    conflicts = list(claim.get("conflicts") or ())
    loaded = tuple(_passage(store, index, key, item, review, conflicts, notes)
                   for key, item in review_rows(claim.get("evidence", ())))
    passages = tuple(p for _, group in grouped(loaded) for p in group)
    verdict = review.get("verdict")
    return ClaimData(
        claim_id=claim_id,
        kind=str(claim.get("kind", "other")),
        text=clean(claim.get("text", ""))[:4000],
        score=float(claim.get("score") or 0.0),
        outlets=int(claim.get("outlets") or 0),
        origins=int(claim.get("origins") or 0),
        disputed=bool(claim.get("disputed")),
        normalized=dict(claim.get("normalized") or {}),
        verdict=dict(verdict) if verdict else None,
        notes=tuple(n for n in notes if n.passage_id is None),
        conflicts=tuple((str(c.get("kind", "")), one_line(c.get("reason"), 300))
                        for c in conflicts),
        passages=passages,
        timeline=figure_timeline(
            claim, store.corpus_of("mentions", {str(e.get("source_id", ""))
                                                for e in claim.get("evidence", ())}),
            store.raw("sources"), review.get("marks")),
    )


def grouped(passages: tuple[PassageData, ...]) -> list[tuple[str, list[PassageData]]]:
    """Passages grouped by outlet, outlets in order of first appearance."""
    groups: dict[str, list[PassageData]] = {}
    for item in passages:
        groups.setdefault(item.outlet, []).append(item)
    return list(groups.items())
