"""Group mentions into tracked claims, reviewer decisions first.

Mentions are taken in publication order. Each is compared with the earlier mentions the candidate
index offers (at most ``PER_GROUP`` members of any one group); the best group it may join wins.
Above the high threshold it joins automatically, between the thresholds it is placed there as a
suggestion, below the low threshold it starts a group of its own. Only settled members
(automatic or confirmed) attract new mentions: a suggestion waits for a reviewer and never chains
the group on to other facts. Two more guards keep unrelated sentences out:

* two sentences of one article join only when they say the same thing outright (no suggestion
  rests on a neighbouring sentence), except a denial of the sentence before it;
* a denial that names no event of its own ("both deny the claim, but pledge deeper ties") is a
  member through what it denies, never the way in for an assertion sharing its side remarks.

A second look, once every mention is indexed, lets a suggestion or a mention without a settled
companion move to a group that fits it better; a mention leaving a group may free that group's
first mention to move too, so the groups that changed get one more look. A group left with
suggestions only is led by its earliest mention.

Reviewer decisions are applied before anything else and never overridden: a mention linked by
hand sits in its claim as confirmed, a mention set apart stays alone, and a mention is never put
in a group holding mentions of a claim it was rejected from (nor, symmetrically, is a mention of
that claim put in the rejecting mention's group).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from factcheck.core.link.features import Features
from factcheck.core.link.index import CandidateIndex
from factcheck.core.link.match import similarity
from factcheck.core.models import Claim, LinkDecision, LinkState

SAME_ARTICLE_FACTOR = 0.85
"""Two mentions of one article (different passages) must be more alike to join: the same fact
across outlets is what tracking is for."""


MOVE_MARGIN = 0.02
PER_GROUP = 2
"""A mention is compared with at most this many members of one group: the candidates that
share most keys with it come first, so these are its best way into the group."""


@dataclass(slots=True)
class Group:
    """A tracked claim in the making."""

    members: list[int] = field(default_factory=list)
    links: dict[int, tuple[LinkState, float]] = field(default_factory=dict)
    fixed_id: str | None = None
    """The claim id a reviewer linked mentions to."""
    alone: bool = False
    """A reviewer set this group's only mention apart."""
    previous_ids: set[str] = field(default_factory=set)
    rejected: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class Decisions:
    """The reviewer decisions that apply to one batch, by mention id."""

    linked: dict[str, str]
    alone: set[str]
    rejected: dict[str, set[str]]

    @classmethod
    def of(cls, decisions: Sequence[LinkDecision]) -> Decisions:
        """Keep each mention's latest decision; rejections accumulate."""
        linked: dict[str, str] = {}
        alone: set[str] = set()
        rejected: dict[str, set[str]] = {}
        for decision in sorted(decisions, key=lambda d: d.at):
            rejected.setdefault(decision.mention_id, set()).update(decision.rejected)
            if decision.claim_id is None:
                alone.add(decision.mention_id)
                linked.pop(decision.mention_id, None)
            else:
                linked[decision.mention_id] = decision.claim_id
                alone.discard(decision.mention_id)
        for mention_id, claim_id in linked.items():
            rejected.get(mention_id, set()).discard(claim_id)
        return cls(linked, alone, rejected)


def previous_claim_of(previous: Sequence[Claim]) -> dict[str, str]:
    """Mention id -> the id of the previous claim that held it."""
    return {e.mention_id: claim.id for claim in previous for e in claim.evidence}


def group_mentions(
    features: list[Features],
    order: list[int],
    decisions: Decisions,
    previous_of: dict[str, str],
    high: float,
    low: float,
    index: CandidateIndex,
) -> list[Group]:
    """Group the mentions (positions in ``features``) taken in ``order``."""
    groups: list[Group] = []
    group_of: dict[int, int] = {}
    by_fixed: dict[str, int] = {}

    def place(i: int, g: int, link: LinkState, score: float) -> None:
        group = groups[g]
        group.members.append(i)
        group.links[i] = (link, score)
        mention_id = features[i].mention.id
        prev = decisions.linked.get(mention_id) or previous_of.get(mention_id)
        if prev:
            group.previous_ids.add(prev)
        group.rejected |= decisions.rejected.get(mention_id, set())
        group_of[i] = g

    step: dict[int, int] = {}  # when each mention entered the index

    def enter(i: int) -> None:
        index.add(i)
        step[i] = len(step)

    for i in order:
        mention_id = features[i].mention.id
        if mention_id in decisions.linked:
            claim_id = decisions.linked[mention_id]
            if claim_id not in by_fixed:
                by_fixed[claim_id] = len(groups)
                groups.append(Group(fixed_id=claim_id))
            place(i, by_fixed[claim_id], LinkState.CONFIRMED, 1.0)
            enter(i)
        elif mention_id in decisions.alone:
            groups.append(Group(alone=True))
            place(i, len(groups) - 1, LinkState.CONFIRMED, 1.0)
    suggested = LinkState.SUGGESTED

    def score_of(i: int, j: int) -> float:
        f, other = features[i], features[j]
        score = similarity(f, other)
        if other.source_id == f.source_id and other.passage_id != f.passage_id:
            score *= SAME_ARTICLE_FACTOR
            if score < high and not (f.reports_denial or other.reports_denial):
                # Two sentences of one article state two facts unless they say the same
                # thing outright: no suggestion rests on a neighbouring sentence (a denial of
                # the sentence before it is the exception).
                score = 0.0
        return score

    def best_group(i: int, exclude: int | None, after: int = -1) -> dict[int, float]:
        """Each group mention ``i`` may join -> its best score there.

        With ``after``, only mentions indexed after that step are compared (the others were
        already weighed when ``i`` was placed).
        """
        mention_id = features[i].mention.id
        asserting = not features[i].reports_denial
        rejected = decisions.rejected.get(mention_id)
        prev = previous_of.get(mention_id)
        best: dict[int, float] = {}
        tried: dict[int, int] = {}
        for j in index.candidates(i):
            g = group_of.get(j)
            if g is None or g == exclude or step[j] < after:
                continue
            group = groups[g]
            if group.links[j][0] is suggested:
                continue  # only settled members attract: suggestions never chain
            n = tried.get(g, 0)
            if n >= PER_GROUP:
                continue
            if asserting and features[j].reports_denial and not features[j].frames:
                # "Both deny the claim, but pledge deeper defence ties": a denial that names
                # no event of its own is a claim's member through what it denies, never the
                # way in for an assertion that only shares its side remarks.
                continue
            tried[g] = n + 1
            if not may_join(group, rejected, prev):
                continue
            score = score_of(i, j)
            if score > best.get(g, -1.0):
                best[g] = score
        return best

    def may_join(group: Group, rejected: set[str] | None, prev: str | None) -> bool:
        """Reviewer decisions allow a mention (its rejections, its previous claim) in."""
        if group.alone or (
            rejected and rejected & (group.previous_ids | {group.fixed_id or ""})
        ):
            return False
        return not (prev and prev in group.rejected)

    def pick(best: dict[int, float]) -> tuple[int, float] | None:
        return max(best.items(), key=lambda kv: (kv[1], -kv[0]), default=None)

    def state(score: float) -> LinkState:
        return LinkState.AUTO if score >= high else LinkState.SUGGESTED

    # Verbatim copies (same keys, frames, figure and context: wire copy) of a settled mention
    # join it directly, without a candidate search: nothing can match them better. Only
    # mentions the index could link at all: a stock phrase ("did not respond to a request for
    # comment") repeated by every outlet is no shared fact.
    twins: dict[tuple[object, ...], int] = {}
    for i in order:
        if i in group_of:
            continue
        f = features[i]
        twin_key = (f.keyset, f.frames, f.primary, f.reports_denial,
                    frozenset(f.context) if f.context else None)
        twin = twins.get(twin_key)
        if twin is not None and index.keys[i] and features[twin].source_id != f.source_id:
            g = group_of[twin]
            mention_id = f.mention.id
            if groups[g].links[twin][0] is not suggested and may_join(
                groups[g], decisions.rejected.get(mention_id), previous_of.get(mention_id)
            ):
                score = score_of(i, twin)
                if score >= high:
                    place(i, g, LinkState.AUTO, round(score, 4))
                    enter(i)
                    continue
        chosen = pick(best_group(i, None))
        if chosen is not None and chosen[1] >= low:
            place(i, chosen[0], state(chosen[1]), round(chosen[1], 4))
        else:
            groups.append(Group())
            place(i, len(groups) - 1, LinkState.AUTO, 1.0)
        enter(i)
        if groups[group_of[i]].links[i][0] is not suggested:
            twins.setdefault(twin_key, i)
    # Second look, now that every mention is indexed: a suggestion, or a mention with no
    # settled companion (alone, or holding only suggestions), moves to a group that fits it
    # better (an earlier mention could not see the later ones).
    # A mention that left a group may free its seed to move too: one more look at the mentions
    # of the groups that changed.
    revisit: list[int] | None = None
    for _round in range(2):
        changed: set[int] = set()
        for i in order if revisit is None else revisit:
            g0 = group_of[i]
            link, score0 = groups[g0].links[i]
            lone = all(groups[g0].links[m][0] == LinkState.SUGGESTED
                       for m in groups[g0].members if m != i)
            if link == LinkState.CONFIRMED or not (link == LinkState.SUGGESTED or lone):
                continue
            if revisit is None and not index.seen_later(i):
                continue  # the first look already compared it with everything it could meet
            chosen = pick(best_group(i, g0, step[i] if revisit is None else -1))
            floor = score0 if link == LinkState.SUGGESTED else low
            if chosen is not None and chosen[1] >= low and chosen[1] > floor + MOVE_MARGIN:
                groups[g0].members.remove(i)
                del groups[g0].links[i]
                place(i, chosen[0], state(chosen[1]), round(chosen[1], 4))
                changed |= {g0, chosen[0]}
        revisit = [i for i in order if group_of[i] in changed]
    _settle_leaderless(groups)
    _merge_into_decided_claims(groups, by_fixed, features, previous_of)
    return [g for g in groups if g.members]


def _settle_leaderless(groups: list[Group]) -> None:
    """A group left with suggestions only (its first mention moved on) is led by its earliest."""
    for group in groups:
        if group.members and all(group.links[m][0] == LinkState.SUGGESTED for m in group.members):
            first = group.members[0]
            group.links[first] = (LinkState.AUTO, 1.0)


def _merge_into_decided_claims(
    groups: list[Group], by_fixed: dict[str, int], features: list[Features],
    previous_of: dict[str, str],
) -> None:
    """A group made mostly of a claim a reviewer linked mentions to joins that claim.

    The reviewer's link pins one mention; the rest of the claim it was linked to stays with it.
    """
    for g, group in enumerate(groups):
        if group.fixed_id or group.alone or not group.members:
            continue
        counts = Counter(
            previous_of[features[i].mention.id] for i in group.members
            if features[i].mention.id in previous_of
        )
        if not counts:
            continue
        claim_id, n = counts.most_common(1)[0]
        target = by_fixed.get(claim_id)
        if target is None or n * 2 < len(group.members) or target == g:
            continue
        fixed = groups[target]
        if fixed.rejected & {previous_of.get(features[i].mention.id, "") for i in group.members}:
            continue
        for i in group.members:
            fixed.members.append(i)
            fixed.links[i] = group.links[i]
        group.members = []
        group.links = {}
