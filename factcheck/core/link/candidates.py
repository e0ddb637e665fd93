"""Possibly the same claim in other outlets: a ranked list for a reviewer, below the thresholds
too.

Linking only groups what it is sure enough of; a reviewer looking at one claim wants to see what
else in its story could be the same fact, best first, with the reasons, and attach it with one
key. `rank_candidates` compares every mention of the claim's story that is not already in the
claim with the claim's own mentions (the same comparison linking uses, `compare.compare`) and
keeps the best score of each; vetoed pairs (a different measure, a different year) are left
out.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from factcheck.core.link.compare import Item, compare
from factcheck.core.link.linker import story_items, story_weights
from factcheck.core.models import Claim, Mention, Passage, Source

DEFAULT_LIMIT = 10


@dataclass(frozen=True)
class Candidate:
    """A mention that may state the same fact as a claim."""

    claim_id: str | None
    """The claim the mention is in now (None when it is in none)."""
    mention_id: str
    passage_id: str
    source_id: str
    file: str
    outlet: str | None
    text: str
    """The passage, as the article gives it."""
    score: float
    why: tuple[str, ...]


def rank_candidates(
    claim: Claim,
    story_mentions: Sequence[Mention],
    sources: Mapping[str, Source],
    passages: Mapping[str, Passage],
    claim_of: Mapping[str, str],
    limit: int = DEFAULT_LIMIT,
) -> list[Candidate]:
    """The best candidates for ``claim`` among ``story_mentions``, best first.

    Args:
        claim: The claim a reviewer is looking at.
        story_mentions: Every mention of the claim's story.
        sources: Sources by id.
        passages: Passages by id (for the candidates' text).
        claim_of: Mention id -> the claim it is in now.
        limit: How many to return.
    """
    items = story_items(story_mentions, sources)
    weight = story_weights(items)
    own_ids = {e.mention_id for e in claim.evidence}
    own = [i for i in items if i.mention.id in own_ids]
    best: dict[str, tuple[float, tuple[str, ...], Item]] = {}
    for other in items:
        if other.mention.id in own_ids:
            continue
        for mine in own:
            if mine.passage_id == other.passage_id and mine.family == other.family == "figure":
                continue
            pair = compare(mine, other, weight)
            if pair.veto or pair.score <= 0:
                continue
            key = other.mention.id
            if key not in best or pair.score > best[key][0]:
                best[key] = (pair.score, pair.why, other)
    ranked = sorted(best.values(), key=lambda t: (-t[0], t[2].mention.id))[:limit]
    out = []
    for score, why, item in ranked:
        source = sources.get(item.source_id)
        passage = passages.get(item.passage_id)
        out.append(Candidate(
            claim_id=claim_of.get(item.mention.id),
            mention_id=item.mention.id,
            passage_id=item.passage_id,
            source_id=item.source_id,
            file=source.file if source else "",
            outlet=source.outlet if source else None,
            text=passage.text if passage else item.mention.text,
            score=round(score, 4),
            why=why,
        ))
    return out
