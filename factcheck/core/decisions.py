"""Reviewers' link decisions: confirm or reject a suggestion, link, unlink, merge and split.

Each decision changes the tracked claims at once (so the reviewer sees the result) and is
stored as a `LinkDecision` per mention, which `factcheck link` obeys on every later run: a
reviewer's word always wins over the linker's suggestions. Reviews follow the passages they
were made on: merging moves the other claim's marks and notes into the kept claim; splitting
moves the split passages' marks to the new claim.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from factcheck.core.models import (
    Change,
    Claim,
    Evidence,
    LinkDecision,
    LinkState,
    Note,
    Review,
    passage_of_key,
    utcnow,
)
from factcheck.core.review import Outcome, ReviewError, new_id
from factcheck.core.store import Store, Transaction


def _claim(store: Store, claim_id: str) -> Claim:
    claim = store.claim(claim_id)
    if claim is None:
        raise ReviewError(f"no claim {claim_id!r}")
    return claim


def _evidence(claim: Claim, passage_id: str) -> Evidence:
    for item in claim.evidence:
        if item.passage_id == passage_id:
            return item
    raise ReviewError(f"passage {passage_id!r} is not part of claim {claim.id!r}")


def refreshed(store: Store, claim: Claim, evidence: list[Evidence]) -> Claim:
    """``claim`` with new evidence and the figures derived from it brought up to date."""
    sources = store.raw("sources")
    outlets = {sources.get(e.source_id, {}).get("outlet") or e.source_id for e in evidence}
    origins = {e.origin or e.source_id for e in evidence}
    kept = {e.passage_id for e in evidence}
    conflicts = [c for c in claim.conflicts if sum(p in kept for p in c.passages) >= 2]
    return claim.model_copy(update={
        "evidence": evidence,
        "outlets": len(outlets),
        "origins": len(origins),
        "conflicts": conflicts,
        "disputed": claim.disputed and any(c.kind == "denial" for c in conflicts),
    })


def _standalone(store: Store, claim: Claim, item: Evidence) -> Claim:
    mention = store.raw("mentions").get(item.mention_id, {})
    seed = hashlib.sha1(f"{item.mention_id}\0manual".encode()).hexdigest()[:16]
    base = Claim(
        id=f"c-{seed}",
        kind=mention.get("kind", claim.kind),
        text=mention.get("text", claim.text),
        normalized=mention.get("normalized", claim.normalized),
        score=mention.get("score", claim.score),
    )
    return refreshed(store, base, [item.model_copy(update={"link": LinkState.CONFIRMED})])


def _decide(tx: Transaction, store: Store, mention_id: str, claim_id: str | None,
            reviewer: str, reject: str | None = None) -> None:
    old = store.raw("decisions").get(mention_id, {})
    rejected = list(old.get("rejected", []))
    if reject and reject not in rejected:
        rejected.append(reject)
    if claim_id in rejected:
        rejected.remove(claim_id)
    tx.put("decisions", LinkDecision(mention_id=mention_id, claim_id=claim_id, rejected=rejected,
                                     reviewer=reviewer))


def _log(tx: Transaction, what: str, reviewer: str, target: str, detail: str,
         before: object, after: object) -> Change:
    change = Change(id=new_id("ch"), who=reviewer, at=utcnow(), what=what, target=target,
                    detail=detail, before=before, after=after)
    tx.put("changes", change)
    return change


def _move_marks(store: Store, tx: Transaction, source_id: str, target_id: str,
                passage_ids: Iterable[str] | None = None) -> Review:
    """Move marks (and passage notes) on ``passage_ids`` (all when None) between reviews.

    Returns the target's review (already put in ``tx``) so a caller can amend it.
    """
    old = store.review(source_id)
    if old is None:
        return store.review(target_id) or Review(claim_id=target_id)
    wanted = ({passage_of_key(k) for k in old.marks} if passage_ids is None
              else set(passage_ids))
    new = store.review(target_id) or Review(claim_id=target_id)
    marks = dict(new.marks)
    moved = [k for k in old.marks if passage_of_key(k) in wanted]  # a denial's row goes along
    for key in moved:
        marks[key] = {**old.marks[key], **marks.get(key, {})}
    notes = list(new.notes)
    keep_notes: list[Note] = []
    for note in old.notes:
        moving = passage_ids is None or (note.passage_id is not None and note.passage_id in wanted)
        (notes if moving else keep_notes).append(note)
    target = new.model_copy(update={"marks": marks, "notes": notes})
    left = {k: v for k, v in old.marks.items() if k not in moved}
    if passage_ids is None:
        tx.delete("reviews", source_id)
        if old.verdict is not None and target.verdict is None:
            target = target.model_copy(update={"verdict": old.verdict})
    else:
        tx.put("reviews", old.model_copy(update={"marks": left, "notes": keep_notes}))
    tx.put("reviews", target)
    return target


def confirm_link(store: Store, claim_id: str, passage_id: str, reviewer: str) -> Outcome:
    """Confirm that a (suggested) passage belongs to the claim."""
    with store.transaction() as tx:
        claim = _claim(store, claim_id)
        item = _evidence(claim, passage_id)
        evidence = [e.model_copy(update={"link": LinkState.CONFIRMED}) if e is item else e
                    for e in claim.evidence]
        tx.put("claims", refreshed(store, claim, evidence))
        _decide(tx, store, item.mention_id, claim_id, reviewer)
        change = _log(tx, "confirm", reviewer, claim_id, passage_id, item.link.value, "confirmed")
    return Outcome(change)


def reject_link(store: Store, claim_id: str, passage_id: str, reviewer: str) -> Outcome:
    """The passage is not this claim: it leaves and stands as a claim of its own."""
    with store.transaction() as tx:
        claim = _claim(store, claim_id)
        item = _evidence(claim, passage_id)
        rest = [e for e in claim.evidence if e is not item]
        if not rest:
            raise ReviewError(f"passage {passage_id!r} is the only passage of {claim_id!r}")
        alone = _standalone(store, claim, item)
        tx.put("claims", refreshed(store, claim, rest))
        tx.put("claims", alone)
        _move_marks(store, tx, claim_id, alone.id, [passage_id])
        _decide(tx, store, item.mention_id, alone.id, reviewer, reject=claim_id)
        change = _log(tx, "reject", reviewer, claim_id, passage_id, claim_id, alone.id)
    return Outcome(change)


unlink = reject_link
"""Unlinking a passage is rejecting its place in the claim."""


def link_passage(store: Store, passage_id: str, claim_id: str, reviewer: str,
                 from_claim: str | None = None) -> Outcome:
    """Move a passage (its claim mention) into ``claim_id``."""
    with store.transaction() as tx:
        target = _claim(store, claim_id)
        if any(e.passage_id == passage_id for e in target.evidence):
            raise ReviewError(f"passage {passage_id!r} is already part of {claim_id!r}")
        source_claim = None
        if from_claim is not None:
            source_claim = _claim(store, from_claim)
        else:
            for cid, doc in store.raw("claims").items():
                if any(e.get("passage_id") == passage_id for e in doc.get("evidence", [])):
                    source_claim = _claim(store, cid)
                    break
        if source_claim is None:
            raise ReviewError(f"passage {passage_id!r} carries no claim to link")
        item = _evidence(source_claim, passage_id)
        rest = [e for e in source_claim.evidence if e is not item]
        moved = item.model_copy(update={"link": LinkState.CONFIRMED})
        tx.put("claims", refreshed(store, target, [*target.evidence, moved]))
        if rest:
            tx.put("claims", refreshed(store, source_claim, rest))
        else:
            tx.delete("claims", source_claim.id)
        _move_marks(store, tx, source_claim.id, claim_id, [passage_id])
        _decide(tx, store, item.mention_id, claim_id, reviewer)
        change = _log(tx, "link", reviewer, claim_id, passage_id, source_claim.id, claim_id)
    return Outcome(change)


def merge_claims(store: Store, keep_id: str, other_id: str, reviewer: str) -> Outcome:
    """Fold ``other_id`` into ``keep_id``: its passages, marks and notes move over."""
    if keep_id == other_id:
        raise ReviewError("cannot merge a claim with itself")
    with store.transaction() as tx:
        keep, other = _claim(store, keep_id), _claim(store, other_id)
        have = {e.passage_id for e in keep.evidence}
        moved = [e.model_copy(update={"link": LinkState.CONFIRMED})
                 for e in other.evidence if e.passage_id not in have]
        merged = refreshed(store, keep, [*keep.evidence, *moved])
        merged = merged.model_copy(update={
            "conflicts": [*merged.conflicts, *other.conflicts],
            "disputed": keep.disputed or other.disputed,
        })
        tx.put("claims", merged)
        tx.delete("claims", other_id)
        _move_marks(store, tx, other_id, keep_id)
        for item in moved:
            _decide(tx, store, item.mention_id, keep_id, reviewer)
        change = _log(tx, "merge", reviewer, keep_id, other_id, other_id, keep_id)
    return Outcome(change)


def split_claim(store: Store, claim_id: str, passage_ids: list[str], reviewer: str) -> Outcome:
    """Move ``passage_ids`` out of a claim into a new claim (its id is ``change.after``)."""
    with store.transaction() as tx:
        claim = _claim(store, claim_id)
        moving = [_evidence(claim, pid) for pid in passage_ids]
        rest = [e for e in claim.evidence if e not in moving]
        if not moving or not rest:
            raise ReviewError("a split must leave passages on both sides")
        first = _standalone(store, claim, moving[0])
        new_claim = refreshed(store, first, [e.model_copy(update={"link": LinkState.CONFIRMED})
                                             for e in moving])
        new_claim = new_claim.model_copy(update={"conflicts": [
            c for c in claim.conflicts if sum(p in passage_ids for p in c.passages) >= 2]})
        tx.put("claims", refreshed(store, claim, rest))
        tx.put("claims", new_claim)
        _move_marks(store, tx, claim_id, new_claim.id, passage_ids)
        for item in moving:
            _decide(tx, store, item.mention_id, new_claim.id, reviewer, reject=claim_id)
        change = _log(tx, "split", reviewer, claim_id, ",".join(passage_ids), claim_id,
                      new_claim.id)
    return Outcome(change)
