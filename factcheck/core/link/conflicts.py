"""Where the passages of one tracked claim appear to disagree, and each passage's stance.

Nothing here decides the truth; it flags for a reviewer:

* figures in the same unit that cannot both be true (hedges read: "more than two decades" agrees
  with 24 years, "about 250" does not with 300);
* different dates, or a different relative timing ("at the same time" vs "hours before") for the
  same event;
* an assertion against a reported denial. Attribution matters: an outlet that writes "Moscow
  denies it" reports a denial and does not contradict another outlet reporting the same denial,
  and a passage that states both sides ("Washington says ..., though Moscow denies it") is in
  conflict only with passages that assert without mentioning the denial.

Figures, dates and timings conflict only between mentions of the same event: two passages whose
frames (frames.py) tell apart different actions, or one action by or to different parties, may
both be right ("fired two missiles" and "sent about 50 missiles"). Members are compared class by
class (one figure, one date), within a bounded budget, never all pairs of a big claim.

Disagreements between two passages of one article are flagged as internal inconsistencies.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator, Mapping
from functools import lru_cache
from itertools import combinations
from typing import TypeVar

from factcheck.core.link.features import Features
from factcheck.core.link.frames import compare
from factcheck.core.link.lexicon import lexicon
from factcheck.core.link.match import dates_agree, numbers_agree
from factcheck.core.link.terms import Number, first_phrase, tokenize
from factcheck.core.models import Conflict, ConflictKind, Source, Stance

MAX_CONFLICTS = 100
MAX_PER_CLASS = 12
"""Members of one class (one figure, one date) compared with another class."""
PAIR_BUDGET = 1_500
"""Comparisons one claim's figure, date and timing checks may make each."""
K = TypeVar("K", bound=Hashable)
_HEDGE_WORDS = {"about": "about ", "more_than": "more than ", "at_least": "at least ",
                "less_than": "less than ", "at_most": "at most "}


def outlet_name(source: Source | None) -> str:
    """How a reason names an outlet: its name, else the file it came from."""
    if source is None:
        return "an unknown source"
    return source.outlet or f"an unnamed outlet ({source.file})"


def describe(number: Number) -> str:
    """A figure in words: ``more than 20 years``."""
    value = f"{number.value:,.2f}".rstrip("0").rstrip(".")
    unit = number.unit
    if unit == "percent":
        text = f"{value}%"
    elif unit:
        text = f"{value} {unit}{'' if number.value == 1 or len(unit) <= 2 else 's'}"
    else:
        text = value
    return _HEDGE_WORDS.get(number.hedge or "", "") + text


def is_denial(f: Features) -> bool:
    """The mention itself reports a denial (not only mentions one in a concessive clause)."""
    return f.reports_denial


@lru_cache(maxsize=8192)
def denial_excerpt(text: str, width: int = 90) -> str:
    """The words around the denial cue, for a reason."""
    tokens = tokenize(text)
    at = first_phrase([t.low for t in tokens], lexicon().denial_cues)
    if at < 0:
        return text[:width]
    start = max(0, tokens[at].start - width // 2)
    snippet = " ".join(text[start : start + width].split())
    return ("..." if start else "") + snippet + ("..." if start + width < len(text) else "")


class ConflictFinder:
    """Collects the conflicts of one tracked claim."""

    def __init__(
        self, members: list[Features], sources: Mapping[str, Source],
        settled: set[int] | None = None,
    ) -> None:
        self.members = members
        self.sources = sources
        # Figures and dates are compared among settled members only: a suggested link may be
        # another fact, and a false discrepancy costs a reviewer more than a late one. A
        # suggested denial still marks the claim disputed and is flagged.
        self.settled = [f for f in members if settled is None or f.index in settled]
        self.conflicts: dict[tuple[str, str, ConflictKind], Conflict] = {}

    def _names(self, a: Features, b: Features) -> tuple[str, str]:
        na = outlet_name(self.sources.get(a.source_id))
        nb = outlet_name(self.sources.get(b.source_id))
        if na == nb and a.source_id != b.source_id:
            sa, sb = self.sources.get(a.source_id), self.sources.get(b.source_id)
            na += f" ({sa.file})" if sa else ""
            nb += f" ({sb.file})" if sb else ""
        return na, nb

    @property
    def full(self) -> bool:
        """True once the claim has as many conflicts as a reviewer can use."""
        return len(self.conflicts) >= MAX_CONFLICTS

    def _add(self, a: Features, b: Features, kind: ConflictKind, reason: str) -> None:
        if a.passage_id == b.passage_id or self.full:
            return
        if a.source_id == b.source_id and kind != ConflictKind.DENIAL:
            kind = ConflictKind.INTERNAL
        key = (*sorted((a.passage_id, b.passage_id)), kind)
        if key not in self.conflicts:
            self.conflicts[key] = Conflict(  # type: ignore[index]
                passages=[a.passage_id, b.passage_id], kind=kind, reason=reason
            )

    def _pairs(
        self, classes: dict[K, list[Features]], disagree: Callable[[K, K], bool]
    ) -> Iterator[tuple[K, Features, K, Features]]:
        """Members of disagreeing classes that may describe the same event.

        Members are grouped by what they state (a figure, a date), so a claim with hundreds of
        members compares classes, not all pairs; the pairs tried are bounded, and a pair whose
        frames tell two events apart ("fired two missiles" / "sent 50 missiles") never
        conflicts: numbers of different events are not a discrepancy.
        """
        budget = PAIR_BUDGET
        for (ka, fa), (kb, fb) in combinations(classes.items(), 2):
            budget -= 1
            if budget < 0 or self.full:
                return
            if not disagree(ka, kb):
                continue
            for a in fa[:MAX_PER_CLASS]:
                for b in fb[:MAX_PER_CLASS]:
                    budget -= 1
                    if budget < 0 or self.full:
                        return
                    if a.passage_id != b.passage_id and same_event(a, b):
                        yield ka, a, kb, b

    def numbers(self) -> None:
        """Figures in the same unit that cannot both be true."""
        classes: dict[Number, list[Features]] = {}
        for f in self.settled:
            if f.primary is not None and f.primary.unit:
                classes.setdefault(f.primary, []).append(f)

        def disagree(na: Number, nb: Number) -> bool:
            return na.unit == nb.unit and not numbers_agree(na, nb)

        for na, a, nb, b in self._pairs(classes, disagree):
            self._number_conflict(a, na, b, nb)

    def _number_conflict(self, a: Features, na: Number, b: Features, nb: Number) -> None:
        if a.source_id == b.source_id:
            name = outlet_name(self.sources.get(a.source_id))
            reason = f"{name} says {describe(na)} in one passage and {describe(nb)} in another"
        else:
            name_a, name_b = self._names(a, b)
            reason = f"{name_a} says {describe(na)}; {name_b} says {describe(nb)}"
        self._add(a, b, ConflictKind.NUMBER, reason)

    def dates(self) -> None:
        """Different dates, or a different relative timing, for the same event."""
        by_date: dict[str, list[Features]] = {}
        for f in self.settled:
            if d := event_date(f):
                by_date.setdefault(d, []).append(f)
        for da, a, db, b in self._pairs(by_date, lambda x, y: not dates_agree(x, y)):
            name_a, name_b = self._names(a, b)
            self._add(a, b, ConflictKind.DATE, f"{name_a} gives the date {da}; {name_b} gives {db}")
        by_clock: dict[tuple[str, tuple[int, str]], list[Features]] = {}
        for f in self.settled:
            if f.clock:
                by_clock.setdefault((event_date(f) or "", f.clock), []).append(f)

        def clocks_differ(x: tuple[str, tuple[int, str]], y: tuple[str, tuple[int, str]]) -> bool:
            same_day = not x[0] or not y[0] or dates_agree(x[0], y[0])
            return same_day and _clock_differs(x[1], y[1])

        for _ca, a, _cb, b in self._pairs(by_clock, clocks_differ):
            name_a, name_b = self._names(a, b)
            self._add(a, b, ConflictKind.DATE,
                      f"{name_a} gives the time {_hhmm(a)}; {name_b} gives {_hhmm(b)}")
        by_timing: dict[frozenset[str], list[Features]] = {}
        for f in self.settled:
            if f.time_relations:
                by_timing.setdefault(frozenset(f.time_relations), []).append(f)
        for _ka, a, _kb, b in self._pairs(by_timing, lambda x, y: not x & y):
            self._timing_conflict(a, b)

    def _timing_conflict(self, a: Features, b: Features) -> None:
        phrase_a = next(iter(a.time_relations.values()))
        phrase_b = next(iter(b.time_relations.values()))
        if a.source_id == b.source_id:
            name = outlet_name(self.sources.get(a.source_id))
            reason = (f'{name} says "{phrase_a}" in one passage and "{phrase_b}" in another '
                      "about the same event")
        else:
            name_a, name_b = self._names(a, b)
            reason = f'{name_a} says "{phrase_a}"; {name_b} says "{phrase_b}"'
        self._add(a, b, ConflictKind.DATE, reason)

    def denials(self) -> bool:
        """Assertions against reported denials; returns True when the claim is disputed."""
        by_passage: dict[str, list[Features]] = {}
        for f in self.members:
            by_passage.setdefault(f.passage_id, []).append(f)
        asserting: list[Features] = []
        denying: list[Features] = []
        for items in by_passage.values():
            asserts = any(not is_denial(f) for f in items)
            reports_denial = any(is_denial(f) or f.balanced for f in items)
            if asserts and not reports_denial:
                asserting.append(items[0])
            elif reports_denial:
                denying.append(next((f for f in items if is_denial(f) or f.balanced), items[0]))
        excerpts = {d.index: denial_excerpt(d.mention.text) for d in denying[:MAX_CONFLICTS]}
        for a in asserting:
            for d in denying[:MAX_CONFLICTS]:
                if self.full:
                    break
                name_a, name_d = self._names(a, d)
                excerpt = excerpts[d.index]
                self._add(a, d, ConflictKind.DENIAL,
                          f'{name_a} reports the claim; {name_d} reports a denial: "{excerpt}"')
        balanced = any(f.balanced for f in self.members)
        return bool(denying) and (bool(asserting) or balanced)

    def run(self) -> tuple[list[Conflict], bool]:
        """All conflicts of the claim, and whether it is disputed."""
        disputed = self.denials()
        self.numbers()
        self.dates()
        return list(self.conflicts.values()), disputed


def event_date(f: Features) -> str | None:
    """The date the mention's own words put the event on, when they state exactly one.

    Only explicit calendar dates count: a relative expression the extractor resolved ("pekan
    lalu", "on Tuesday") is too uncertain to accuse an outlet of a discrepancy.
    """
    if not f.text_dates:
        return None
    precise = [d for d in f.text_dates if len(d) >= 7]
    return precise[0] if len(precise) == 1 else None


def _hhmm(f: Features) -> str:
    minutes, zone = f.clock or (0, "")
    return f"{minutes // 60:02d}:{minutes % 60:02d}" + (f" {zone.upper()}" if zone else "")


def _clock_differs(a: tuple[int, str], b: tuple[int, str]) -> bool:
    return a[1] == b[1] and abs(a[0] - b[0]) >= 60


def same_event(a: Features, b: Features) -> bool:
    """False when the two mentions' frames tell different events apart (frames.py)."""
    return compare(a.frames, b.frames) != "different"


def suggest_stance(f: Features, representative: Features) -> Stance:
    """How a mention relates to its claim, as a suggestion for the reviewer."""
    if is_denial(f) and not is_denial(representative):
        return Stance.DENIAL
    if f is representative:
        return Stance.SUPPORTS
    rp, fp = representative.primary, f.primary
    if rp is not None and fp is not None and rp.unit and rp.unit == fp.unit:
        return Stance.SUPPORTS if numbers_agree(rp, fp) else Stance.CONTRADICTS
    rd, fd = event_date(representative), event_date(f)
    if rd and fd:
        return Stance.SUPPORTS if dates_agree(rd, fd) else Stance.CONTRADICTS
    if rp is not None and rp.unit and not any(n.unit == rp.unit for n in f.numbers):
        return Stance.MENTIONS
    return Stance.SUPPORTS
