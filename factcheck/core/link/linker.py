"""Cross-outlet claim tracking: `link_claims` turns mentions into stories and tracked claims.

Pure functions over models, no store access: the caller loads mentions, sources, passages, the
previous claims and stories, the reviewers' decisions, and saves what comes back.

1. Stories (`stories.py`): each article joins the story of the articles it resembles; an
   article keeps its story when others arrive.
2. Inside each story, candidate pairs of mentions (`index.py`) are compared by their slots
   (`compare.py`) and grouped strongest first (`group.py`); claims are tracked inside a story,
   so a new article re-links its story and nothing else (``only``).
3. Each group becomes a `Claim`: its headline mention, its evidence (link state, suggested
   stance, independent origin), and its conflicts said once per dispute (`conflicts.py`).

Reviews survive anything that arrives later: a claim a reviewer has touched (``reviewed``)
keeps its id, headline and kind; its mentions stay in it; new mentions may join it; two such
claims are never merged silently. Other claim ids are stable too: a group takes the id of the
previous claim it shares most mentions with; a brand-new group gets ``"c-" + sha1(seed)``.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from factcheck.core.link.compare import Item, Pair, StoryWeights, compare, make_item
from factcheck.core.link.conflicts import find_conflicts, suggest_stance
from factcheck.core.link.group import Constraints, Group, Grouping, group_items
from factcheck.core.link.index import candidate_pairs
from factcheck.core.link.stories import (
    ArticleKeys,
    article_keys,
    assign_stories,
    build_stories,
)
from factcheck.core.link.wire import assign_origins
from factcheck.core.memory import collector_paused
from factcheck.core.models import (
    Claim,
    Evidence,
    LinkDecision,
    LinkState,
    Mention,
    Passage,
    Slot,
    Source,
    Story,
    StoryDecision,
)
from factcheck.core.text.dates import find_dates


@dataclass(frozen=True)
class LinkSettings:
    """Thresholds and bounds of linking.

    Two thresholds, as Meedan Check uses: a mention whose best direct score with a member of a
    group reaches ``high`` joins it automatically; between ``low`` and ``high`` it joins as a
    suggestion for a reviewer to confirm or reject; below ``low`` it stays apart.
    """

    high: float = 0.6
    low: float = 0.4
    max_candidates: int = 25
    """At most this many other mentions are compared with each mention (those sharing most
    keys first). On the dev and sample pages every figure is the same from 12 up; in a story of
    hundreds of articles a mention has more like-keyed partners than it needs compared."""


@dataclass
class LinkResult:
    """What linking produced."""

    claims: list[Claim]
    stories: list[Story]
    """Every story; when the caller placed the articles and named the sources to re-link, only
    the stories re-linked (the caller keeps the others as stored)."""
    story_of: dict[str, str] = field(default_factory=dict)
    """Source id -> story id."""
    relinked: set[str] = field(default_factory=set)
    """The stories whose claims were rebuilt (the others' claims are returned unchanged)."""


def new_claim_id(seed_mention_id: str) -> str:
    """The id of a brand-new claim, derived from its first mention."""
    return "c-" + hashlib.sha1(seed_mention_id.encode("utf-8")).hexdigest()[:16]


def link_claims(
    mentions: Sequence[Mention],
    sources: Mapping[str, Source],
    passages: Mapping[str, Passage],
    previous: Sequence[Claim] = (),
    decisions: Sequence[LinkDecision] = (),
    *,
    reviewed: frozenset[str] = frozenset(),
    previous_stories: Mapping[str, str] | None = None,
    story_decisions: Sequence[StoryDecision] = (),
    only: frozenset[str] | None = None,
    grow: bool = False,
    settings: LinkSettings = LinkSettings(),  # noqa: B008 - frozen, safe as a default
    placed: Placed | None = None,
    reserved: frozenset[str] = frozenset(),
) -> LinkResult:
    """Group mentions into stories and tracked claims; see the module docstring.

    Args:
        mentions: Every mention of the current sources.
        sources: Sources by id (outlet, publication date, credits).
        passages: Passages by id (texts compared for wire copy).
        previous: The claims of the previous run (stable ids; reviewed claims kept).
        decisions: Reviewer link decisions; they always win.
        reviewed: Ids of claims a reviewer has touched (marks, notes, verdict, decisions).
        previous_stories: Source id -> story id of the previous run.
        story_decisions: Reviewers' story decisions.
        only: Source ids whose stories need re-linking; None re-links every story. Claims of
            the other stories are returned as they were.
        grow: ``only`` names new articles only (an ingest): a story they join whose claims are
            all intact keeps its claims and links just the new mentions to them (the cost of
            an added article does not grow with the story).
        settings: Thresholds and bounds.
        placed: Every article's keys and story, worked out by the caller (`place_articles`)
            from the stored documents; then ``mentions``, ``passages`` and ``previous`` need
            only hold those of the stories to re-link (`stories_to_relink`), and the claims of every
            other story are left out of the result (the caller keeps them as stored).
        reserved: Ids of stored claims left out of ``previous``: no new claim may take one.
    """
    # A claim a reviewer linked a passage into, or set one apart from, is reviewed material.
    reviewed = reviewed | {d.claim_id for d in decisions if d.claim_id} | {
        r for d in decisions for r in d.rejected}
    with collector_paused():
        return _link(mentions, sources, passages, previous, decisions, reviewed,
                     previous_stories or {}, story_decisions, only, grow, settings, placed,
                     reserved)


@dataclass(frozen=True)
class Placed:
    """Every article's keys and the story each article is in."""

    articles: list[ArticleKeys]
    story_of: dict[str, str]


def place_articles(articles: list[ArticleKeys], files: Mapping[str, str],
                   previous_stories: Mapping[str, str],
                   story_decisions: Sequence[StoryDecision]) -> Placed:
    """Put every article in its story (see `factcheck.core.link.stories`); ``files``: source
    id -> the article's origin (`Source.file`), which story decisions name."""
    return Placed(articles, assign_stories(articles, previous_stories, story_decisions, files))


def stories_to_relink(story_of: Mapping[str, str], previous_stories: Mapping[str, str],
                      only: frozenset[str] | None) -> set[str]:
    """The stories to re-link: every one, or those of the sources ``only`` names and those
    that gained or lost an article."""
    if only is None:
        return set(story_of.values())
    chosen = {story_of[s] for s in only if s in story_of}
    # A story that lost or gained an article by a reviewer's decision is re-linked too.
    chosen |= {story_of[s] for s, st in previous_stories.items()
               if s in story_of and story_of[s] != st}
    chosen |= {previous_stories[s] for s in previous_stories if s not in story_of}
    return chosen


def _link(
    mentions: Sequence[Mention], sources: Mapping[str, Source], passages: Mapping[str, Passage],
    previous: Sequence[Claim], decisions: Sequence[LinkDecision], reviewed: frozenset[str],
    previous_stories: Mapping[str, str], story_decisions: Sequence[StoryDecision],
    only: frozenset[str] | None, grow: bool, settings: LinkSettings,
    placed: Placed | None = None, reserved: frozenset[str] = frozenset(),
) -> LinkResult:
    # Given the placement, the caller keeps what is stored for the stories not re-linked.
    partial = placed is not None and only is not None
    if placed is None:
        by_source: dict[str, list[Mention]] = defaultdict(list)
        for m in mentions:
            by_source[m.source_id].append(m)
        articles = [article_keys(sources[sid], ms) for sid, ms in by_source.items()
                    if sid in sources]
        placed = place_articles(articles, {sid: s.file for sid, s in sources.items()},
                                previous_stories, story_decisions)
    story_of = placed.story_of
    targets = stories_to_relink(story_of, previous_stories, only)
    stories = build_stories(story_of, placed.articles, targets if partial else None)
    previous_by_id = {c.id: c for c in previous}
    kept = [c for c in previous if c.story_id is not None and c.story_id not in targets
            and all(e.source_id in story_of for e in c.evidence)]
    kept_ids = {c.id for c in kept}
    linked_mentions = {e.mention_id for c in kept for e in c.evidence}
    in_story: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        story = story_of.get(m.source_id)
        if story in targets and m.id not in linked_mentions:
            in_story[story].append(m)
    used_ids = set(kept_ids) | reserved
    previous_of = {e.mention_id: c.id for c in previous for e in c.evidence
                   if c.id not in kept_ids}
    claims = list(kept)
    growing: dict[str, list[Claim]] = {}
    if grow and only is not None:
        for c in previous:
            if c.story_id in in_story and c.id not in kept_ids:
                growing.setdefault(c.story_id, []).append(c)
        for story, old in list(growing.items()):
            members = {sid for sid, st in previous_stories.items() if st == story}
            intact = all(e.source_id in story_of and story_of[e.source_id] == story
                         for c in old for e in c.evidence)
            if not intact or any(story_of.get(sid) != story for sid in members):
                del growing[story]  # an article left or changed: the story is linked anew
    for story in sorted(in_story):
        if story in growing:
            claims += _grow_story(story, in_story[story], growing[story], only or frozenset(),
                                  sources, passages, decisions, reviewed, used_ids, settings)
            continue
        claims += _link_story(story, in_story[story], sources, passages, previous_by_id,
                              previous_of, decisions, reviewed, used_ids, settings)
    # A reviewed claim whose every mention is gone (its article changed) is kept as it was,
    # so its reviews stay in every view and export.
    present = {e.mention_id for c in claims for e in c.evidence}
    for c in previous:
        if c.id in reviewed and c.id not in used_ids and not any(
                e.mention_id in present for e in c.evidence):
            claims.append(c)
            used_ids.add(c.id)
    return LinkResult(claims, stories, story_of, set(targets))


def story_weights(items: Sequence[Item]) -> StoryWeights:
    """Inverse document frequency of each term among a story's mentions (rare terms weigh
    more when two mentions are compared)."""
    df: Counter[str] = Counter()
    for item in items:
        df.update(item.terms)
    n = len(items) or 1
    return StoryWeights({t: math.log(1 + n / c) for t, c in df.items()})


def _link_story(
    story: str, mentions: Sequence[Mention], sources: Mapping[str, Source],
    passages: Mapping[str, Passage], previous_by_id: Mapping[str, Claim],
    previous_of: Mapping[str, str], decisions: Sequence[LinkDecision],
    reviewed: frozenset[str], used_ids: set[str], settings: LinkSettings,
) -> list[Claim]:
    items = story_items(mentions, sources)
    if not items:
        return []
    weight = story_weights(items)

    def scored(a: Item, b: Item) -> Pair:
        return compare(a, b, weight)

    pairs = candidate_pairs(items, weight, scored, settings.max_candidates)
    constraints = _constraints(items, decisions, previous_of, reviewed)
    grouping = group_items(items, pairs, scored, constraints, settings.low)
    ids = _assign_ids(grouping.groups, items, previous_of, used_ids)
    return [
        _build_claim(ids[g], story, group, grouping, items, sources, passages,
                     previous_by_id.get(ids[g]) if ids[g] in reviewed else None, settings)
        for g, group in enumerate(grouping.groups)
    ]


def _grow_story(
    story: str, mentions: Sequence[Mention], old: Sequence[Claim], fresh_sources: frozenset[str],
    sources: Mapping[str, Source], passages: Mapping[str, Passage],
    decisions: Sequence[LinkDecision], reviewed: frozenset[str], used_ids: set[str],
    settings: LinkSettings,
) -> list[Claim]:
    """Link the mentions of new articles into a story whose claims stay as they are: each
    joins the claim it matches (or starts one); only the claims that gained a member are
    rebuilt."""
    items = story_items(mentions, sources)
    weight = story_weights(items)
    previous_of = {e.mention_id: c.id for c in old for e in c.evidence}
    fresh = {it.index for it in items if it.source_id in fresh_sources
             and it.mention.id not in previous_of}

    def scored(a: Item, b: Item) -> Pair:
        return compare(a, b, weight)

    pairs = candidate_pairs(items, weight, scored, settings.max_candidates, among=fresh)
    constraints = _constraints(items, decisions, previous_of, reviewed)
    fixed = dict(constraints.fixed)
    for it in items:
        if it.index not in fresh and it.mention.id in previous_of:
            fixed.setdefault(it.index, previous_of[it.mention.id])
    constraints = replace(constraints, fixed=fixed)
    grouping = group_items(items, pairs, scored, constraints, settings.low)
    by_id = {c.id: c for c in old}
    evidence_of = {e.mention_id: e for c in old for e in c.evidence}
    for group in grouping.groups:
        for i in group.members:
            before = evidence_of.get(items[i].mention.id)
            if before is None or i in fresh:
                continue
            if before.link == LinkState.CONFIRMED:
                group.confirmed.add(i)
            elif before.link == LinkState.AUTO:
                grouping.best[i] = max(before.score, settings.high)
            else:
                grouping.best[i] = min(before.score, settings.high - 1e-6)
    ids = _assign_ids(grouping.groups, items, previous_of, used_ids)
    out: list[Claim] = []
    for g, group in enumerate(grouping.groups):
        unchanged = by_id.get(ids[g])
        if unchanged is not None and not fresh & set(group.members) and len(
                group.members) == len(unchanged.evidence):
            out.append(unchanged)
            continue
        out.append(_build_claim(ids[g], story, group, grouping, items, sources, passages,
                                unchanged if ids[g] in reviewed else None, settings))
    return out


def story_items(mentions: Sequence[Mention], sources: Mapping[str, Source]) -> list[Item]:
    """The linking view of a story's mentions, in publication order; an undated article reads
    its years and weekdays against the story's date."""
    items: list[Item] = []
    reference = _story_date(mentions, sources)
    for m in sorted(mentions, key=lambda m: _order(m, sources)):
        source = sources.get(m.source_id)
        language = m.language or (source.language if source else "") or "en"
        published = source.published if source else None
        item = make_item(len(items), m, language, published or reference)
        if published is None and reference and item.family == "time" and not item.slot.date:
            item.slot = _resolved(item, reference)
        items.append(item)
    return items


def _story_date(mentions: Sequence[Mention], sources: Mapping[str, Source]) -> str | None:
    """The earliest publication date of a story's dated articles: undated articles of the story
    read their weekdays ("on Sunday") and years against it."""
    dates = sorted({s.published[:10] for m in mentions
                    if (s := sources.get(m.source_id)) is not None and s.published
                    and len(s.published) >= 10})
    return dates[0] if dates else None


def _resolved(item: Item, reference: str) -> Slot:
    """A time slot whose relative date ("on Sunday") is read against the story's date."""
    try:
        ref = date.fromisoformat(reference[:10])
    except ValueError:
        return item.slot
    for found in find_dates(item.mention.text, item.language, ref):
        if found.value:
            return item.slot.model_copy(update={"date": found.value})
    return item.slot


def _order(m: Mention, sources: Mapping[str, Source]) -> tuple[str, str, int, str]:
    source = sources.get(m.source_id)
    return ((source.published or "~") if source else "~", m.source_id, m.start, m.id)


def _constraints(items: Sequence[Item], decisions: Sequence[LinkDecision],
                 previous_of: Mapping[str, str], reviewed: frozenset[str]) -> Constraints:
    latest: dict[str, LinkDecision] = {}
    rejected: dict[str, set[str]] = defaultdict(set)
    for d in sorted(decisions, key=lambda d: d.at):
        latest[d.mention_id] = d
        rejected[d.mention_id].update(d.rejected)
    fixed: dict[int, str] = {}
    confirmed: set[int] = set()
    pinned: set[int] = set()
    alone: set[int] = set()
    rej: dict[int, frozenset[str]] = {}
    prev: dict[int, str] = {}
    for item in items:
        mid = item.mention.id
        before = previous_of.get(mid)
        if before:
            prev[item.index] = before
        decision = latest.get(mid)
        if decision is not None and decision.claim_id is None:
            alone.add(item.index)
        elif decision is not None:
            fixed[item.index] = decision.claim_id  # type: ignore[assignment]
            confirmed.add(item.index)
        elif before in reviewed and before not in rejected.get(mid, set()):
            fixed[item.index] = before  # type: ignore[assignment]
            pinned.add(item.index)
        if rejected.get(mid):
            keep = {fixed.get(item.index)}
            rej[item.index] = frozenset(rejected[mid] - keep)
    return Constraints(fixed, frozenset(confirmed), frozenset(pinned), frozenset(alone), rej,
                       prev)


def _assign_ids(groups: Sequence[Group], items: Sequence[Item], previous_of: Mapping[str, str],
                used: set[str]) -> list[str]:
    """A stable id per group: a reviewer's claim id, else the previous claim it shares most
    mentions with, else a new id from its first mention."""
    ids: list[str | None] = [g.claim_id for g in groups]
    used.update(i for i in ids if i)
    overlaps: list[tuple[int, int, str]] = []
    for g, group in enumerate(groups):
        if group.claim_id:
            continue
        counts = Counter(previous_of[m] for i in group.members
                         if (m := items[i].mention.id) in previous_of)
        overlaps += [(-n, g, claim_id) for claim_id, n in counts.items()]
    for _n, g, claim_id in sorted(overlaps):
        if ids[g] is None and claim_id not in used:
            ids[g] = claim_id
            used.add(claim_id)
    out: list[str] = []
    for g, group in enumerate(groups):
        known = ids[g]
        if known is None:
            seed = items[min(group.members)].mention.id
            known = new_claim_id(seed)
            n = 1
            while known in used:
                known = new_claim_id(f"{seed}#{n}")
                n += 1
            used.add(known)
        out.append(known)
    return out


def count_origins(origins: Mapping[int, str], outlet_of: Mapping[int, str]) -> int:
    """Independent origins behind a claim: one per outlet, never more than the outlets.

    An outlet whose passages echo a wire service counts as that service (several outlets
    running the same wire story are one origin); otherwise as itself.
    """
    by_outlet: dict[str, set[str]] = {}
    for index, origin in origins.items():
        by_outlet.setdefault(outlet_of[index], set()).add(origin)
    picked = set()
    for keys in by_outlet.values():
        wires = sorted(k for k in keys if not k.startswith(("outlet:", "source:")))
        picked.add(wires[0] if wires else min(keys))
    return len(picked)


def _build_claim(
    claim_id: str, story: str, group: Group, grouping: Grouping, items: Sequence[Item],
    sources: Mapping[str, Source], passages: Mapping[str, Passage], before: Claim | None,
    settings: LinkSettings,
) -> Claim:
    members = [items[i] for i in sorted(group.members)]
    states = {m.index: grouping.state(group, m.index, settings.high) for m in members}
    representative = _representative(
        [m for m in members if states[m.index] != LinkState.SUGGESTED] or members, before)
    origins = assign_origins(members, sources, passages)
    settled = [m for m in members if states[m.index] != LinkState.SUGGESTED]
    conflicts, disputed = find_conflicts(settled if len(settled) > 1 else members, sources)
    if len({m.source_id for m in members}) > 1 and len(settled) < len(members):
        more, more_disputed = find_conflicts(members, sources)
        for c in more:
            # The same dispute read over every member (suggestions too) replaces its reading
            # over the settled ones: one dispute, one entry.
            wider = [i for i, k in enumerate(conflicts)
                     if k.kind == c.kind and set(k.passages) <= set(c.passages)]
            if wider:
                conflicts[wider[0]] = c
            elif all(tuple(k.passages) != tuple(c.passages) for k in conflicts):
                conflicts.append(c)
        disputed = disputed or more_disputed
    evidence = [
        Evidence(
            mention_id=m.mention.id, passage_id=m.passage_id, source_id=m.source_id,
            link=states[m.index], score=round(grouping.best.get(m.index, 1.0), 4),
            suggested_stance=suggest_stance(m, representative), origin=origins[m.index],
            polarity=m.slot.polarity,
        )
        for m in members
    ]
    outlet_of = {
        m.index: (s.outlet.casefold() if (s := sources.get(m.source_id)) and s.outlet
                  else "id:" + m.source_id)
        for m in members
    }
    rep = representative.mention
    return Claim(
        id=claim_id,
        story_id=story,
        slot=rep.slot,
        kind=before.kind if before else rep.kind,
        text=before.text if before else rep.text,
        normalized=before.normalized if before else rep.normalized,
        evidence=evidence,
        conflicts=conflicts,
        score=max(m.mention.score for m in members),
        outlets=len(set(outlet_of.values())),
        origins=count_origins(origins, outlet_of),
        disputed=disputed,
    )


def _representative(members: Sequence[Item], before: Claim | None) -> Item:
    """The headline mention (among settled members): the reviewed claim's own, else the
    best-scoring asserting one."""
    if before is not None:
        for m in members:
            if m.mention.text == before.text:
                return m
    asserting = [m for m in members if not m.denies] or list(members)
    # A claim that holds an event's date and statements of the event is the event, told with
    # its date ("KPU set the result on 20 March"), not a bare date.
    return max(asserting, key=lambda m: (m.family != "time", m.mention.score, -m.index))
