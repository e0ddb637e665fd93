"""Reviewer actions: marks, verdicts and notes, each saved at once and logged.

Every action is one store transaction: it takes the write lock, reads the latest state (other
reviewers may have saved in the meantime), writes the new value and a `Change` entry (who, when,
before -> after). The CLI and the TUI call these same functions.

Marks are kept per reviewer (``Review.marks[passage][reviewer]``), so two reviewers marking the
same passage never overwrite each other: both marks stay, and reports measure their agreement.
A verdict is one field per claim, and writing it is conditional on what the reviewer saw
(``seen``, as the TUI passes it): when another reviewer saved a verdict after this reviewer last
saw the claim, nothing is written and `VerdictChanged` says who set what, so the reviewer reads
it before deciding again. A verdict written without ``seen`` (``factcheck verdict`` on the
command line, an explicit order) replaces another reviewer's; that change is logged with
``conflict=True``, so the replaced reviewer is told.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from factcheck.core.models import (
    DENIED_SUFFIX,
    Change,
    Mark,
    Note,
    Review,
    Stance,
    Verdict,
    passage_of_key,
    review_rows,
    utcnow,
)
from factcheck.core.store import Store, StoreError


class ReviewError(Exception):
    """An action that cannot be done (unknown claim or passage, bad verdict...)."""


class VerdictChanged(ReviewError):
    """Another reviewer changed the verdict since this reviewer saw it: nothing was written."""

    def __init__(self, claim_id: str, current: dict[str, Any] | None) -> None:
        self.claim_id = claim_id
        self.current = current
        super().__init__(f"{self.told(repr)} of {claim_id} after you opened it; nothing was "
                         "saved: read it, then decide again")

    def told(self, label_text: Callable[[str], str]) -> str:
        """Who did what to the verdict ("rina set the verdict to 'true'"), the label shown by
        ``label_text`` (the TUI passes its own labels)."""
        current = self.current or {}
        who = current.get("reviewer") or "another reviewer"
        label = current.get("label")
        return f"{who} " + (f"set the verdict to {label_text(label)}" if label
                            else "cleared the verdict")


_UNSET: Any = object()


@dataclass(frozen=True)
class Outcome:
    """What an action did."""

    change: Change
    conflict: Change | None = None
    """Set when the action replaced a value another reviewer saved concurrently."""


def new_id(prefix: str) -> str:
    """A unique, roughly time-ordered id."""
    seed = f"{time.time_ns()}-{os.getpid()}-{os.urandom(6).hex()}"
    return f"{prefix}-{time.time_ns():x}-{hashlib.sha1(seed.encode()).hexdigest()[:6]}"


def _require_claim(store: Store, claim_id: str) -> None:
    if claim_id not in store.raw("claims"):
        raise ReviewError(f"no claim {claim_id!r}")


def _require_passage(store: Store, claim_id: str, passage_id: str) -> None:
    claim = store.raw("claims").get(claim_id, {})
    if not any(e.get("passage_id") == passage_id for e in claim.get("evidence", [])
               if isinstance(e, dict)):
        raise ReviewError(f"passage {passage_id!r} is not part of claim {claim_id!r}")


def mark_key(store: Store, claim_id: str, passage_id: str, denial: bool = False) -> str:
    """The review key of one passage of a claim (see `review_rows`): with ``denial``, the row of
    the mention that reports a denial (when the sentence also asserts the claim)."""
    claim = store.raw("claims").get(claim_id, {})
    keys = [k for k, _ in review_rows(claim.get("evidence", []))
            if passage_of_key(k) == passage_id]
    if not keys:
        raise ReviewError(f"passage {passage_id!r} is not part of claim {claim_id!r}")
    if denial:
        denied = [k for k in keys if k.endswith(DENIED_SUFFIX)]
        if not denied:
            raise ReviewError(f"passage {passage_id!r} reports no denial in claim {claim_id!r} "
                              "besides asserting it: mark it without --denial")
        return denied[0]
    return passage_id if passage_id in keys else keys[0]


def _require_key(store: Store, claim_id: str, key: str) -> None:
    claim = store.raw("claims").get(claim_id, {})
    if key not in {k for k, _ in review_rows(claim.get("evidence", []))}:
        _require_passage(store, claim_id, passage_of_key(key))
        raise ReviewError(f"passage {passage_of_key(key)!r} reports no denial in claim "
                          f"{claim_id!r} besides asserting it")


def _log(what: str, who: str, target: str, detail: str, before: Any, after: Any,
         conflict: bool = False) -> Change:
    return Change(id=new_id("ch"), who=who, at=utcnow(), what=what, target=target,
                  detail=detail, before=before, after=after, conflict=conflict)


def mark(store: Store, claim_id: str, passage_id: str, stance: Stance | str | None,
         reviewer: str) -> Outcome:
    """Set (or clear, with None) ``reviewer``'s mark on one row of one claim: ``passage_id`` is
    the row's review key (`mark_key`: the passage id, or the passage id with `DENIED_SUFFIX` for
    the mention of a sentence that reports the denial of what it also asserts)."""
    value = Stance(stance) if stance is not None else None
    if value is Stance.MENTIONS:
        raise ReviewError("'mentions' is a suggestion, not a mark: use supports, contradicts, "
                          "denial or unrelated")
    with store.transaction() as tx:
        _require_claim(store, claim_id)
        _require_key(store, claim_id, passage_id)
        review = store.review(claim_id) or Review(claim_id=claim_id)
        by_reviewer = dict(review.marks.get(passage_id, {}))
        before = by_reviewer.get(reviewer)
        if value is None:
            by_reviewer.pop(reviewer, None)
        else:
            by_reviewer[reviewer] = Mark(stance=value, reviewer=reviewer)
        marks = dict(review.marks)
        if by_reviewer:
            marks[passage_id] = by_reviewer
        else:
            marks.pop(passage_id, None)
        tx.put("reviews", review.model_copy(update={"marks": marks}))
        change = _log("mark", reviewer, claim_id, passage_id,
                      before.stance.value if before else None, value.value if value else None)
        tx.put("changes", change)
    return Outcome(change)


def set_verdict(store: Store, claim_id: str, label: str | None, reviewer: str,
                explanation: str = "", *, valid_labels: set[str] | None = None,
                seen: Any = _UNSET) -> Outcome:
    """Set (or clear, with None) the verdict of a claim.

    Args:
        store: The store.
        claim_id: The tracked claim.
        label: A key of the verdict scale, or None to clear.
        reviewer: Who decides.
        explanation: The reviewer's explanation, shown in reports.
        valid_labels: The keys of the configured scale (checked when given).
        seen: The verdict (as a dict, or None) the reviewer saw before deciding; when another
            reviewer changed it since, nothing is written (`VerdictChanged`). Without it the
            verdict is written whatever is stored, and replacing another reviewer's verdict is
            logged as a conflict (the outcome carries it).

    Raises:
        VerdictChanged: ``seen`` is given and another reviewer's verdict is stored since.
    """
    if label is not None and valid_labels is not None and label not in valid_labels:
        raise ReviewError(f"unknown verdict {label!r}; choose one of: {', '.join(valid_labels)}")
    with store.transaction() as tx:
        _require_claim(store, claim_id)
        review = store.review(claim_id) or Review(claim_id=claim_id)
        current = review.verdict.model_dump(mode="json") if review.verdict else None
        verdict = (Verdict(label=label, explanation=explanation, reviewer=reviewer)
                   if label is not None else None)
        after = verdict.model_dump(mode="json") if verdict else None
        by_other = current is not None and current.get("reviewer") != reviewer
        if seen is not _UNSET and _differs(seen, current) and (by_other or current is None):
            raise VerdictChanged(claim_id, current)
        conflict = seen is _UNSET and by_other
        tx.put("reviews", review.model_copy(update={"verdict": verdict}))
        change = _log("verdict", reviewer, claim_id, "", current, after, conflict=conflict)
        tx.put("changes", change)
    other = None
    if conflict and current is not None:
        other = Change(id=change.id + "-seen", who=current["reviewer"], at=current["at"],
                       what="verdict", target=claim_id, before=None, after=current)
    return Outcome(change, other)


def _differs(seen: Any, current: Any) -> bool:
    if seen is None or current is None:
        return seen is not current
    keys = ("label", "reviewer", "at")
    return any(seen.get(k) != current.get(k) for k in keys)


def add_note(store: Store, claim_id: str, text: str, author: str,
             passage_id: str | None = None) -> Outcome:
    """Add a note to a claim, or to one passage of it."""
    if not text.strip():
        raise ReviewError("a note cannot be empty")
    with store.transaction() as tx:
        _require_claim(store, claim_id)
        if passage_id is not None:
            _require_passage(store, claim_id, passage_id)
        review = store.review(claim_id) or Review(claim_id=claim_id)
        note = Note(id=new_id("n"), text=text, author=author, passage_id=passage_id)
        tx.put("reviews", review.model_copy(update={"notes": [*review.notes, note]}))
        change = _log("note", author, claim_id, passage_id or "", None,
                      note.model_dump(mode="json"))
        tx.put("changes", change)
    return Outcome(change)


def delete_note(store: Store, claim_id: str, note_id: str, reviewer: str) -> Outcome:
    """Remove a note (kept in the change log)."""
    with store.transaction() as tx:
        review = store.review(claim_id)
        note = next((n for n in review.notes if n.id == note_id), None) if review else None
        if review is None or note is None:
            raise ReviewError(f"no note {note_id!r} on claim {claim_id!r}")
        notes = [n for n in review.notes if n.id != note_id]
        tx.put("reviews", review.model_copy(update={"notes": notes}))
        change = _log("note", reviewer, claim_id, note.passage_id or "",
                      note.model_dump(mode="json"), None)
        tx.put("changes", change)
    return Outcome(change)


def _restore_note(store: Store, claim_id: str, note: dict[str, Any], reviewer: str) -> Outcome:
    with store.transaction() as tx:
        review = store.review(claim_id) or Review(claim_id=claim_id)
        restored = Note.model_validate(note)
        if any(n.id == restored.id for n in review.notes):
            raise ReviewError("that note is already there")
        tx.put("reviews", review.model_copy(update={"notes": [*review.notes, restored]}))
        change = _log("note", reviewer, claim_id, restored.passage_id or "", None, note)
        tx.put("changes", change)
    return Outcome(change)


def revert(store: Store, change: Change, reviewer: str) -> Outcome:
    """Undo ``change`` by applying its ``before`` value (itself logged, so it can be redone).

    Only while what the change left is still there: when another reviewer (or this one,
    elsewhere) changed it since, nothing is overwritten and `ReviewError` says why."""
    with store.backend.locked():
        _require_unchanged(store, change, change.after, "undone")
        return _apply_value(store, change, change.before, reviewer)


def reapply(store: Store, change: Change, reviewer: str) -> Outcome:
    """Redo ``change`` by applying its ``after`` value again (only while the undo is what is
    stored; see `revert`)."""
    with store.backend.locked():
        _require_unchanged(store, change, change.before, "redone")
        return _apply_value(store, change, change.after, reviewer)


def _require_unchanged(store: Store, change: Change, expected: Any, what: str) -> None:
    """Refuse when the value ``change`` is about has moved on from ``expected``."""
    review = store.sound_doc("reviews", change.target) or {}
    if change.what == "mark":
        mark_doc = (review.get("marks") or {}).get(change.detail, {}).get(change.who) or {}
        current = mark_doc.get("stance") if isinstance(mark_doc, dict) else None
        if current != expected:
            raise ReviewError(f"not {what}: {change.who}'s mark was changed since "
                              f"(now {current or 'none'})")
    elif change.what == "verdict":
        current = review.get("verdict")
        if _differs(expected, current):
            now = (f"{current.get('reviewer')} set it to {current.get('label')}"
                   if isinstance(current, dict) else "it was cleared")
            raise ReviewError(f"not {what}: the verdict was changed since ({now})")


def _apply_value(store: Store, change: Change, value: Any, reviewer: str) -> Outcome:
    if change.what == "mark":
        return mark(store, change.target, change.detail, value, reviewer)
    if change.what == "verdict":
        if value is None:
            return set_verdict(store, change.target, None, reviewer)
        return set_verdict(store, change.target, value["label"], reviewer,
                           value.get("explanation", ""))
    if change.what == "note":
        if value is None:
            note_id = (change.after or change.before)["id"]
            return delete_note(store, change.target, note_id, reviewer)
        return _restore_note(store, change.target, value, reviewer)
    raise ReviewError(f"cannot undo a {change.what!r} change")


def is_reviewed(claim: Mapping[str, Any], review: Mapping[str, Any] | None) -> bool:
    """The project's rule: a claim is reviewed once it has a verdict. Marks on every passage
    are work towards one, not a sign-off: a claim whose passages are all marked but that has
    no verdict is still open (in the TUI's count, `]`, `--reviewed-only` and every report).

    Takes the stored documents (``Store.raw``) so listings can apply it cheaply one claim at a
    time.
    """
    return bool(review and review.get("verdict"))


def reviewed_claim_ids(store: Store) -> set[str]:
    """Ids of the claims that are reviewed (see `is_reviewed`)."""
    claims = store.sound("claims")
    return {claim_id for claim_id, review in store.sound("reviews").items()
            if is_reviewed(claims.get(claim_id) or {}, review)}


__all__ = [
    "Outcome",
    "ReviewError",
    "VerdictChanged",
    "StoreError",
    "add_note",
    "delete_note",
    "is_reviewed",
    "mark",
    "mark_key",
    "new_id",
    "reapply",
    "revert",
    "reviewed_claim_ids",
    "set_verdict",
]
