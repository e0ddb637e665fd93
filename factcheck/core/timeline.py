"""The figure timeline of a tracked quantity: the value each outlet reported, over publication time.

A reviewer looking at a death toll, a vote share or a price sees at once whether the outlets
disagree (several values at one time) or a count moved (the values climb as the days pass). The
TUI draws it as bars in the claim's detail (`factcheck.tui.widgets`), the HTML report as an
inline SVG chart (`factcheck.core.report.html`); both read the `Timeline` built here from the
stored documents.

What counts as a point: each outlet's figure of the claim's measure in its unit (a figure in
another unit, "23 %" beside "23 people", is left out), one point per outlet and value. Passages a
reviewer marked *unrelated* and sentences that report a denial are no points; a suggested link is
a point marked as such (the chart shows it hollow), since the reviewer has not confirmed it yet.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from factcheck.core.models import Bound, Slot, review_rows
from factcheck.core.values import describe

MIN_POINTS = 2
"""A timeline needs at least this many points (one figure is no timeline)."""


@dataclass(frozen=True)
class Point:
    """One outlet's figure."""

    source_id: str
    outlet: str
    published: str | None
    """Publication time as stored (ISO 8601), None when the page gave none."""
    value: float
    high: float | None
    bound: str
    shown: str
    """The figure as a reviewer reads it (``at least 11``)."""
    passage_id: str
    suggested: bool
    """Only a suggested link: not yet confirmed by a reviewer."""


@dataclass(frozen=True)
class Timeline:
    """The points of one tracked quantity, in publication order (undated points last)."""

    measure: str | None
    """What is counted (a concept key of the news vocabulary: ``dead``, ``votes``...)."""
    unit: str | None
    points: tuple[Point, ...]

    @property
    def dated(self) -> tuple[Point, ...]:
        """The points with a publication time."""
        return tuple(p for p in self.points if p.published)

    @property
    def values(self) -> list[float]:
        """The distinct values, smallest first."""
        return sorted({p.value for p in self.points})

    @property
    def moved(self) -> bool:
        """Whether the outlets gave more than one value."""
        return len(self.values) > 1

    @property
    def title(self) -> str:
        """What the chart shows: ``dead (people)``, ``share (percent)``."""
        what = (self.measure or "figure").removesuffix("%").replace("_", " ")
        return f"{what} ({self.unit})" if self.unit and self.unit != "count" else what

    def low_high(self) -> tuple[float, float]:
        """The range the chart's scale must hold (a range's high end included)."""
        ends = [p.value for p in self.points] + [p.high for p in self.points if p.high]
        return min(ends), max(ends)


def nice_step(raw: float) -> float:
    """The round step (1, 2, 2.5 or 5 times a power of ten) at or above ``raw``."""
    power = 10 ** math.floor(math.log10(raw)) if raw > 0 else 1.0
    return next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)


def value_axis(timeline: Timeline) -> tuple[float, float]:
    """The low and high end of the value scale a chart of ``timeline`` draws: from zero to a
    round value above the highest figure; but when the figures lie close together (58.6 % and
    58.83 %), from a round value just below the lowest, or their difference would vanish."""
    low, high = timeline.low_high()
    if low > 0 and 0 < high - low < 0.25 * high:
        step = nice_step((high - low) * 1.6 / 4)
        bottom = max(0.0, math.floor(low / step - 0.5) * step)
        top = bottom + 4 * step
        while top < high + step * 0.3:
            top += step
        return bottom, top
    return (0.0 if low >= 0 else -_round_up(-low)), _round_up(max(high, 0.0))


def _round_up(value: float) -> float:
    """A round number at or above ``value`` (25 for 23, 600 for 502): the top of a scale."""
    if value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    return next(m * power for m in (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10) if m * power >= value)


def figure_timeline(claim: Mapping[str, Any], mentions: Mapping[str, Any],
                    sources: Mapping[str, Any], marks: Mapping[str, Any] | None = None,
                    ) -> Timeline | None:
    """The timeline of a stored claim (its raw document), or None when it is no quantity or
    has fewer than `MIN_POINTS` figures of one unit.

    Args:
        claim: The claim document (``Store.raw("claims")[id]``).
        mentions: The mentions table (or the claim's mentions) by id.
        sources: The sources table by id.
        marks: The claim's review ``marks`` (review key -> reviewer -> mark), to leave out
            passages a reviewer marked unrelated.
    """
    if claim.get("kind") != "quantity":
        return None
    found: list[tuple[Point, str | None, str | None]] = []
    for key, item in review_rows(claim.get("evidence", ())):
        if key != item.get("passage_id") or item.get("polarity", "asserted") != "asserted":
            continue  # the report of a denial
        if _marked_unrelated((marks or {}).get(key)):
            continue
        mention = mentions.get(item.get("mention_id", ""))
        raw = mention.get("slot") if isinstance(mention, Mapping) else None
        if not isinstance(raw, Mapping) or raw.get("value") is None:
            continue
        try:
            slot = Slot.model_validate(raw)
        except ValueError:
            continue  # a damaged document: `factcheck doctor` names it
        if slot.value is None or slot.unit == "status":
            continue
        source = sources.get(item.get("source_id", "")) or {}
        found.append((Point(
            source_id=str(item.get("source_id", "")),
            outlet=str(source.get("outlet") or source.get("file") or "unknown outlet"),
            published=source.get("published") or None,
            value=float(slot.value),
            high=float(slot.high) if slot.high is not None else None,
            bound=slot.bound.value if isinstance(slot.bound, Bound) else str(slot.bound),
            shown=describe(slot),
            passage_id=str(item.get("passage_id", "")),
            suggested=item.get("link") == "suggested",
        ), slot.unit, slot.measure))
    if not found:
        return None
    unit = Counter(u for _, u, _ in found).most_common(1)[0][0]
    measures = Counter(m for _, u, m in found if u == unit and m)
    points: dict[tuple[str, float, str], Point] = {}
    for point, point_unit, _ in found:
        if point_unit == unit:
            same = (point.source_id, point.value, point.bound)
            kept = points.get(same)
            if kept is None or (kept.suggested and not point.suggested):
                points[same] = point
    ordered = sorted(points.values(),
                     key=lambda p: (p.published is None, p.published or "", p.outlet, p.value))
    if len(ordered) < MIN_POINTS:
        return None
    return Timeline(measure=measures.most_common(1)[0][0] if measures else None, unit=unit,
                    points=tuple(ordered))


def _marked_unrelated(by_reviewer: Any) -> bool:
    """Whether the latest mark on a row says *unrelated*."""
    if not isinstance(by_reviewer, Mapping) or not by_reviewer:
        return False
    latest = max((m for m in by_reviewer.values() if isinstance(m, Mapping)),
                 key=lambda m: str(m.get("at", "")), default=None)
    return latest is not None and latest.get("stance") == "unrelated"
