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
        keys = list(classes)[:MAX_SIDES]
        for x in range(len(keys)):
            for y in range(x + 1, len(keys)):
                a, b = classes[keys[x]], classes[keys[y]]
                sa, sb = a[0].slot, b[0].slot
                agree = (figures_agree(sa, sb) if family == "figure"
                         else dates_agree(sa.date or "", sb.date or ""))
                if not agree:
                    out.append(_dispute(a, b, sources, family))
    denials, disputed = _denials(members, sources)
    return out + denials, disputed


def _dispute(a: list[Item], b: list[Item], sources: Mapping[str, Source],
             family: str) -> Conflict:
    side_a = _side(a, sources, describe(a[0].slot))
    side_b = _side(b, sources, describe(b[0].slot))
    if (side_b.published or "~") < (side_a.published or "~"):
        side_a, side_b = side_b, side_a
    one_article = {m.source_id for m in a} == {m.source_id for m in b} and len(
        {m.source_id for m in a}) == 1
    what = (a[0].slot.measure or "figure") if family == "figure" else (
        (a[0].slot.event or "event") + " date")
    running = family == "figure" and a[0].slot.running and b[0].slot.running
    later = bool(side_a.published and side_b.published
                 and side_a.published[:10] < side_b.published[:10])
    if one_article:
        kind = ConflictKind.INTERNAL
        reason = f"{what}: the same article states {side_a.value} and {side_b.value}"
    elif running and later:
        kind = ConflictKind.UPDATE
        reason = f"{what}: {_label(side_a)} -> {_label(side_b)}, an update of a running count"
    else:
        kind = ConflictKind.DATE if family == "time" else ConflictKind.NUMBER
        if a[0].slot.unit == "status":
            kind = ConflictKind.STATUS
            what = what.removeprefix("status:")
        reason = f"{what}: {_label(side_a)}; {_label(side_b)}"
    passages = sorted(set(side_a.passages) | set(side_b.passages))
    return Conflict(passages=passages, kind=kind, reason=reason, sides=[side_a, side_b])


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
