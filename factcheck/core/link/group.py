"""Group the mentions of one story into tracked claims: strongest direct evidence first.

Candidate pairs (mentions sharing a blocking key: a measure, a value, a subject, an event, a rare
term) are scored (`compare.compare`) and taken from the strongest down. A pair at or above the low
threshold joins its two groups when

* nothing in one group is told apart from anything in the other (every cross pair is compared:
  one veto keeps them apart, so a chain of "similar" links never puts "dead" with "missing");
* the groups hold no two figures of one sentence (each figure of a sentence is its own claim);
* the two groups are, on average, alike enough (`MIN_AVERAGE`), so a large claim does not grow by
  its weakest link;
* no reviewer decision forbids it: a mention is never put in a claim it was rejected from, a
  mention set apart stays alone, and two claims a reviewer has worked on are never merged
  silently (the pair becomes a candidate for the reviewer instead).

A member is linked automatically when its best direct score in the group reaches the high
threshold, and is a suggestion otherwise; members a reviewer placed are confirmed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from factcheck.core.link.compare import VETO, Item, Pair
from factcheck.core.models import LinkState

MIN_AVERAGE = 0.25
"""Average cross score two groups need to merge (pairs never compared count as zero)."""
CORE_SCORE = 0.5
"""Score every two automatic members of a claim from different articles reach directly."""
CORE_DISAGREE = 0.7
"""The same, for two members whose values differ (49 evacuated here, 57 there): one count
told twice, or two counts? The difference is shown either way (as an update or a conflict);
only a strong likeness beyond the measure links it without asking the reviewer."""
MAX_GROUP_PAIRS = 4000
"""Cross pairs checked for vetoes when two groups merge, at most (larger groups sample)."""
MAX_SIDE = 50
"""Members of each group those cross pairs are drawn from, at most."""


@dataclass(slots=True)
class Group:
    """A tracked claim in the making."""

    members: list[int] = field(default_factory=list)
    claim_id: str | None = None
    """The claim a reviewer worked on (or linked mentions to): its id is kept."""
    alone: bool = False
    """A reviewer set this group's only mention apart."""
    confirmed: set[int] = field(default_factory=set)
    """Members a reviewer placed (linked by hand or confirmed)."""
    pinned: set[int] = field(default_factory=set)
    """Members of a reviewed claim: they stay, whatever new mentions arrive."""


@dataclass(frozen=True)
class Constraints:
    """What reviewers decided, in the terms of one story's items."""

    fixed: Mapping[int, str] = field(default_factory=dict)
    """Item -> the claim id it must belong to (linked by hand, confirmed, or pinned)."""
    confirmed: frozenset[int] = frozenset()
    pinned: frozenset[int] = frozenset()
    alone: frozenset[int] = frozenset()
    rejected: Mapping[int, frozenset[str]] = field(default_factory=dict)
    """Item -> claim ids it must never join."""
    previous: Mapping[int, str] = field(default_factory=dict)
    """Item -> the claim it was in before (for rejections that name a claim id)."""


@dataclass
class Grouping:
    """The groups of a story and the strongest direct score of each member."""

    groups: list[Group]
    best: dict[int, float]
    held_back: list[tuple[int, int, float]]
    """Pairs that would have merged two claims reviewers worked on: kept as candidates."""
    pair: Callable[[int, int], Pair] | None = None
    source_of: Mapping[int, str] = field(default_factory=dict)
    _cores: dict[int, frozenset[int]] = field(default_factory=dict)

    def state(self, group: Group, member: int, high: float) -> LinkState:
        """How ``member`` came to be in ``group``."""
        if member in group.confirmed:
            return LinkState.CONFIRMED
        if member in group.pinned or len(group.members) == 1:
            return LinkState.AUTO
        return LinkState.AUTO if member in self.core(group, high) else LinkState.SUGGESTED

    def core(self, group: Group, high: float) -> frozenset[int]:
        """The members linked automatically: each reaches ``high`` with some member, and every
        two of them from different articles are alike on their own (`CORE_SCORE`, or
        `CORE_DISAGREE` when their values differ), not only through a chain of others. The rest
        of the group are suggestions."""
        found = self._cores.get(id(group))
        if found is not None:
            return found
        core: list[int] = [m for m in group.members if m in group.confirmed or m in group.pinned]
        ranked = sorted((m for m in group.members if m not in core),
                        key=lambda m: (-self.best.get(m, 0.0), m))
        for m in ranked:
            if self.best.get(m, 0.0) < high:
                continue
            if self.pair is None or all(
                    self.source_of.get(c) == self.source_of.get(m)
                    or _core_pair(self.pair(c, m)) for c in core):
                core.append(m)
        found = frozenset(core)
        self._cores[id(group)] = found
        return found


def _core_pair(pair: Pair) -> bool:
    return pair.score >= (CORE_SCORE if pair.agree else CORE_DISAGREE)


def group_items(
    items: Sequence[Item],
    pairs: Mapping[tuple[int, int], Pair],
    compare: Callable[[Item, Item], Pair],
    constraints: Constraints,
    low: float,
) -> Grouping:
    """Group ``items`` (see the module docstring); ``pairs`` holds the scored candidates."""
    by_index = {item.index: item for item in items}
    group_of: dict[int, int] = {}
    groups: list[Group] = []
    by_claim: dict[str, int] = {}
    for item in items:
        i = item.index
        claim_id = constraints.fixed.get(i)
        if claim_id is not None:
            if claim_id not in by_claim:
                by_claim[claim_id] = len(groups)
                groups.append(Group(claim_id=claim_id))
            g = by_claim[claim_id]
        else:
            g = len(groups)
            groups.append(Group(alone=i in constraints.alone))
        groups[g].members.append(i)
        if i in constraints.confirmed or i in constraints.alone:
            groups[g].confirmed.add(i)
        if i in constraints.pinned:
            groups[g].pinned.add(i)
        group_of[i] = g

    cache: dict[tuple[int, int], Pair] = dict(pairs)

    def pair(i: int, j: int) -> Pair:
        key = (i, j) if i < j else (j, i)
        found = cache.get(key)
        if found is None:
            found = compare(by_index[key[0]], by_index[key[1]])
            cache[key] = found
        return found

    def forbidden(a: Group, b: Group) -> bool:
        if a.alone or b.alone:
            return True
        ids = {g.claim_id for g in (a, b) if g.claim_id}
        for x, other in ((a, b), (b, a)):
            for i in x.members:
                rejected = constraints.rejected.get(i)
                if rejected and (rejected & ({other.claim_id} if other.claim_id else set())
                                 or any(constraints.previous.get(j) in rejected
                                        for j in other.members)):
                    return True
        return len(ids) > 1

    best: dict[int, float] = {}
    held_back: list[tuple[int, int, float]] = []
    incompatible: set[tuple[int, int, int, int]] = set()
    ordered = sorted(((p.score, i, j) for (i, j), p in pairs.items()
                      if not p.veto and p.score >= low), reverse=True)
    for score, i, j in ordered:
        gi, gj = group_of[i], group_of[j]
        if gi == gj:
            best[i] = max(best.get(i, 0.0), score)
            best[j] = max(best.get(j, 0.0), score)
            continue
        a, b = groups[gi], groups[gj]
        if a.claim_id and b.claim_id and a.claim_id != b.claim_id:
            held_back.append((i, j, score))
            continue
        if forbidden(a, b):
            continue
        # Two groups found incompatible stay so until one of them grows: many candidate pairs
        # join the same two groups, and in a big story each would check them again.
        state = (gi, gj, len(a.members), len(b.members)) if gi < gj else (
            gj, gi, len(b.members), len(a.members))
        if state in incompatible:
            continue
        if not _compatible(a, b, by_index, pair):
            incompatible.add(state)
            continue
        # Merge the smaller group into the larger (a claim a reviewer worked on keeps its id).
        keep, gone = (gi, gj) if (a.claim_id or len(a.members) >= len(b.members)) else (gj, gi)
        if groups[gone].claim_id:
            keep, gone = gone, keep
        target, source = groups[keep], groups[gone]
        for m in source.members:
            group_of[m] = keep
        target.members.extend(source.members)
        target.confirmed |= source.confirmed
        target.pinned |= source.pinned
        source.members = []
        best[i] = max(best.get(i, 0.0), score)
        best[j] = max(best.get(j, 0.0), score)
    return Grouping([g for g in groups if g.members], best, held_back, pair,
                    {item.index: item.source_id for item in items})


def _compatible(a: Group, b: Group, by_index: Mapping[int, Item],
                pair: Callable[[int, int], Pair]) -> bool:
    """No veto across the two groups, no two figures of one sentence, and enough likeness.

    What a reviewer placed by hand is their call: it does not keep new arrivals out of a group
    that has members of its own."""
    passages_a = {by_index[i].passage_id for i in a.members if by_index[i].family == "figure"}
    if any(by_index[j].passage_id in passages_a for j in b.members
           if by_index[j].family == "figure"):
        return False
    # A member joining a claim of hundreds is checked against its first `MAX_SIDE` members
    # (those that made it, strongest pairs first), not every one: one by one, a claim of n
    # members would cost n x n comparisons.
    own_a = ([i for i in a.members if i not in a.confirmed] or a.members)[:MAX_SIDE]
    own_b = ([j for j in b.members if j not in b.confirmed] or b.members)[:MAX_SIDE]
    total = 0.0
    n = 0
    source_b = [by_index[j].source_id for j in own_b]
    for i in own_a:
        source_i = by_index[i].source_id
        for j, source_j in zip(own_b, source_b, strict=True):
            if n >= MAX_GROUP_PAIRS:
                return total / n >= MIN_AVERAGE
            p = pair(i, j)
            if p is VETO or p.veto:
                return False
            if source_i != source_j:
                total += p.score
                n += 1
    return n == 0 or total / n >= MIN_AVERAGE
