"""Where the outlets behind one tracked claim disagree, said once per dispute, and each passage's
suggested stance.

Nothing here decides the truth; it flags for a reviewer, naming both values, both outlets and both
publication times ("ABC, 2023-12-04: 11; TIME, 2023-12-06: 23"):

* figures that cannot both be true (`values.figures_agree`: bounds and stated digits read);
  members stating the same value are one side, so a dispute between two values is one entry
  however many outlets repeat each;
* for a count that runs on while an event unfolds (casualties, a tally), a different figure
  published later is an **update** (`ConflictKind.UPDATE`), not a contradiction, and the reason
  reads in time order ("11 (ABC, 4 Dec) -> 23 (TIME, 6 Dec), an update");
* dates of one event that cannot name the same day;
* an assertion against a reported denial: the outlets that assert against those that report the
  denial, one entry;
* two passages of one article that disagree: an internal inconsistency.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from factcheck.core.link.compare import Item
from factcheck.core.models import Conflict, ConflictKind, ConflictSide, Slot, Source, Stance
from factcheck.core.values import dates_agree, describe, figures_agree

MAX_SIDES = 12
"""Distinct values of one claim compared with each other, at most."""


def outlet_name(source: Source | None) -> str:
    """How a reason names an outlet: its name, else the file it came from."""
    if source is None:
        return "an unknown source"
    return source.outlet or f"an unnamed outlet ({source.file})"


def _when(source: Source | None) -> str:
    return (source.published or "")[:10] if source else ""


def _side(members: Sequence[Item], sources: Mapping[str, Source], value: str) -> ConflictSide:
    """One side of a dispute: its passages, and the earliest outlet that states it."""
    first = min(members, key=lambda m: (_when(sources.get(m.source_id)) or "~", m.source_id))
    source = sources.get(first.source_id)
    return ConflictSide(
        passages=sorted({m.passage_id for m in members}),
        source_id=first.source_id,
        outlet=source.outlet if source else None,
        published=source.published if source else None,
        value=value,
    )


def _label(side: ConflictSide) -> str:
    name = side.outlet or "an unnamed outlet"
    when = (side.published or "")[:10]
    return f"{name}, {when}: {side.value}" if when else f"{name}: {side.value}"


def _value_key(slot: Slot) -> tuple[object, ...]:
    return (slot.value, slot.high, slot.bound, slot.date)


def find_conflicts(members: Sequence[Item], sources: Mapping[str, Source]) -> tuple[
        list[Conflict], bool]:
    """The conflicts among a claim's members, and whether the claim is disputed (asserted by
    some, reported denied by others)."""
    if len(members) < 2:
        return [], False
    out: list[Conflict] = []
    for family in ("figure", "time"):
        classes: dict[tuple[object, ...], list[Item]] = {}
        for m in members:
            if m.family == family and (family == "figure" or m.slot.date):
                classes.setdefault(_value_key(m.slot), []).append(m)
        sides = _compatible_sides(list(classes.values())[:MAX_SIDES], family)
        if len(sides) > 1:
            out += _disputes(sides, sources, family)
    denials, disputed = _denials(members, sources)
    return out + denials, disputed


def _agree(a: Item, b: Item, family: str) -> bool:
    if family == "figure":
        return figures_agree(a.slot, b.slot)
    return dates_agree(a.slot.date or "", b.slot.date or "")


def _compatible_sides(classes: list[list[Item]], family: str) -> list[list[Item]]:
    """Value classes gathered into sides whose values can all be true together ("at least 11"
    and "11" are one side; "23" another); the most repeated value first."""
    sides: list[list[list[Item]]] = []
    for cls in sorted(classes, key=lambda c: (-len(c), c[0].index)):
        home = next((side for side in sides
                     if all(_agree(cls[0], other[0], family) for other in side)), None)
        if home is None:
            sides.append([cls])
        else:
            home.append(cls)
    return [[m for cls in side for m in cls] for side in sides]


def _disputes(sides: list[list[Item]], sources: Mapping[str, Source],
              family: str) -> list[Conflict]:
    """One conflict for the values a claim's outlets cannot all be right about (sides in
    publication order), and one per article that states two of them itself. A running count
    that grows from day to day is an update, with a conflict for each day whose outlets give
    it differently."""
    first = sides[0][0].slot
    what = (first.measure or "figure") if family == "figure" else (
        (first.event or "event") + " date")
    values = [_side(side, sources, _values(side)) for side in sides]
    order = sorted(range(len(values)), key=lambda i: (values[i].published or "~", i))
    values = [values[i] for i in order]
    sides = [sides[i] for i in order]
    out: list[Conflict] = []
    articles = [{m.source_id for m in side} for side in sides]
    if len(set().union(*articles)) > 1:
        running = family == "figure" and all(m.slot.running for side in sides for m in side)
        dated = [(v.published or "")[:10] for v in values]
        days = sorted(set(dated))
        if running and all(dated) and len(days) > 1 and _grows(sides, sources):
            steps = " -> ".join("; ".join(_label(v) for v, d in zip(values, dated, strict=True)
                                          if d == day) for day in days)
            out.append(Conflict(passages=_passages(values), kind=ConflictKind.UPDATE,
                                reason=f"{what}: {steps}, an update of a running count",
                                sides=values))
            # Outlets of one day that give it differently still disagree with each other.
            for day in days:
                same = [v for v, d in zip(values, dated, strict=True) if d == day]
                if len({v.source_id for v in same}) > 1:
                    out.append(Conflict(passages=_passages(same), kind=ConflictKind.NUMBER,
                                        reason=f"{what}: " + "; ".join(map(_label, same)),
                                        sides=same))
        else:
            kind = ConflictKind.DATE if family == "time" else ConflictKind.NUMBER
            if first.unit == "status":
                kind = ConflictKind.STATUS
                what = what.removeprefix("status:")
            reason = f"{what}: " + "; ".join(map(_label, values))
            out.append(Conflict(passages=_passages(values), kind=kind, reason=reason,
                                sides=values))
    for source_id in sorted(set().union(*articles)):
        inside = [(v, [m for m in side if m.source_id == source_id])
                  for v, side in zip(values, sides, strict=True)]
        inside = [(v, ms) for v, ms in inside if ms]
        if len(inside) > 1:
            own = [_side(ms, sources, v.value) for v, ms in inside]
            reason = f"{what}: the same article states " + " and ".join(o.value for o in own)
            out.append(Conflict(passages=_passages(own), kind=ConflictKind.INTERNAL,
                                reason=reason, sides=own))
    return out


def _grows(sides: list[list[Item]], sources: Mapping[str, Source]) -> bool:
    """Every figure of a running count, read by the day its outlet published it, grows: none
    is above a later day's lowest (98 dead, then 95, is no update; nor are outlets that give
    the same few figures in any order across a month)."""
    span: dict[str, tuple[float, float]] = {}
    for side in sides:
        for m in side:
            day, value = _when(sources.get(m.source_id)), m.slot.value
            if not day or value is None:
                continue  # an undated outlet places its figure on no day
            low, high = span.get(day, (value, value))
            span[day] = (min(low, value), max(high, value))
    days = sorted(span)
    return all(span[b][0] >= span[a][1] for a, b in zip(days, days[1:], strict=False))


def _passages(values: list[ConflictSide]) -> list[str]:
    return sorted({p for v in values for p in v.passages})


def _values(side: list[Item]) -> str:
    """How a side reads: its values, most repeated first ("11; at least 11")."""
    seen: dict[str, int] = {}
    for m in side:
        text = describe(m.slot)
        seen[text] = seen.get(text, 0) + 1
    return " / ".join(sorted(seen, key=lambda t: -seen[t])[:3])


def _denials(members: Sequence[Item], sources: Mapping[str, Source]) -> tuple[
        list[Conflict], bool]:
    asserting = [m for m in members if not m.denies]
    denying = [m for m in members if m.denies]
    if not asserting or not denying:
        return [], False
    side_a = _side(asserting, sources, "asserts")
    side_b = _side(denying, sources, "reports a denial")
    n_a = len({m.source_id for m in asserting})
    n_b = len({m.source_id for m in denying})
    reason = (f"disputed: {n_a} article{'s' if n_a != 1 else ''} assert, {n_b} report"
              f"{'s' if n_b == 1 else ''} a denial ({_label(side_a)}; {_label(side_b)})")
    passages = sorted(set(side_a.passages) | set(side_b.passages))
    return [Conflict(passages=passages, kind=ConflictKind.DENIAL, reason=reason,
                     sides=[side_a, side_b])], True


def suggest_stance(member: Item, representative: Item) -> Stance:
    """The stance the tool suggests for a member, against the claim's headline mention."""
    if member.denies and not representative.denies:
        return Stance.DENIAL
    figures = member.family == "figure" and representative.family == "figure"
    if figures and not figures_agree(member.slot, representative.slot):
        return Stance.CONTRADICTS
    if member.family == "time" and member.slot.date and representative.slot.date and not (
            dates_agree(member.slot.date, representative.slot.date)):
        return Stance.CONTRADICTS
    return Stance.SUPPORTS
