"""Checks of the stored documents: validation, references between tables, offsets, duplicates.

`examine` works on the stored dictionaries and returns a `Plan`: the problems, and the changes
(journal-style operations) that fix the fixable ones. Each removal is also a quarantine entry,
so a repair never drops anything silently. Checks run in pipeline order (sources, passages,
mentions, claims, reviews) on a working copy from which removed documents are gone already, so
a passage taken out for a missing source is then missing for the mentions and claims that point
at it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from factcheck.core.models import passage_of_key
from factcheck.core.store import META_TABLE, TABLES, Data, Op
from factcheck.core.store.doctor.report import Problem

KEY_FIELD = {"reviews": "claim_id", "decisions": "mention_id"}
"""The field that holds a document's own id (``id`` in the other tables)."""


@dataclass
class Plan:
    """Problems found in the documents and the changes that fix the fixable ones."""

    live: dict[str, dict[str, Any]]
    """The working copy, by table: documents as they will be after the changes."""
    problems: list[Problem] = field(default_factory=list)
    ops: list[Op] = field(default_factory=list)
    quarantine: list[dict[str, Any]] = field(default_factory=list)
    actions: list[str] = field(default_factory=list)
    """Fixes that remove nothing (a passage's offsets put back), one line each."""

    def flag(self, kind: str, message: str, *, fixable: bool = False, notice: bool = False) -> None:
        """Record a problem."""
        self.problems.append(Problem(kind, message, fixable, notice))

    def drop(self, kind: str, table: str, doc_id: str, why: str) -> None:
        """Take a whole document out, into the quarantine."""
        doc = self.live[table].pop(doc_id)
        self.flag(kind, f"{table}/{doc_id}: {why}", fixable=True)
        self.quarantine.append({"table": table, "id": doc_id, "reason": why, "removed": doc})
        self.ops.append((table, doc_id, None))

    def take_out(self, kind: str, table: str, doc_id: str, part: str, value: Any,
                 why: str) -> None:
        """Record one reference taken out of a document (the caller rewrites the document)."""
        self.flag(kind, f"{table}/{doc_id}: {why}", fixable=True)
        self.quarantine.append({"table": table, "id": doc_id, "field": part, "reason": why,
                                "removed": value})

    def put(self, table: str, doc_id: str, doc: dict[str, Any]) -> None:
        """Write a fixed document."""
        self.live[table][doc_id] = doc
        self.ops.append((table, doc_id, doc))


def examine(data: Data) -> Plan:
    """Check every document and reference of ``data`` (not modified); plan the fixes."""
    plan = Plan({table: dict(data.get(table, {})) for table in TABLES})
    for table in data:
        if table not in TABLES and table != META_TABLE:
            plan.flag("unknown-table", f"table {table!r} is not a factcheck table (left alone)",
                      notice=True)
    for table, model in TABLES.items():
        for doc_id, doc in list(plan.live[table].items()):
            try:
                model.model_validate(doc)
            except ValidationError as exc:
                first = exc.errors()[0]
                where = ".".join(str(p) for p in first.get("loc", ()))
                plan.drop("invalid-document", table, doc_id,
                          f"fails validation ({where or 'document'}: {first['msg']})")
                continue
            own = doc.get(KEY_FIELD.get(table, "id"))
            if own != doc_id:
                _rekey(plan, table, doc_id, own)
    _examine_passages(plan)
    _examine_mentions(plan)
    _examine_claims(plan)
    _examine_reviews(plan)
    return plan


def _rekey(plan: Plan, table: str, doc_id: str, own: str) -> None:
    if own in plan.live[table]:
        plan.drop("duplicate-id", table, doc_id,
                  f"stored under {doc_id!r} but is {own!r}, which is stored too")
        return
    plan.flag("wrong-id", f"{table}/{doc_id}: stored under the wrong id (it is {own!r})",
              fixable=True)
    plan.actions.append(f"{table}/{doc_id}: moved to its own id {own!r}")
    plan.ops.append((table, doc_id, None))
    plan.put(table, own, plan.live[table].pop(doc_id))


def _offsets_problem(text: str, start: int, end: int, expected: str | None) -> str | None:
    if not 0 <= start <= end <= len(text):
        return f"offsets {start}:{end} are outside the source text ({len(text)} characters)"
    if expected is not None and text[start:end] != expected:
        return f"the source text at {start}:{end} is not the passage's text"
    return None


def _examine_passages(plan: Plan) -> None:
    sources, passages = plan.live["sources"], plan.live["passages"]
    for pid, p in list(passages.items()):
        source = sources.get(p["source_id"])
        if source is None:
            plan.drop("dangling-source", "passages", pid,
                      f"its source {p['source_id']} does not exist")
            continue
        text = source["text"]
        problem = _offsets_problem(text, p["start"], p["end"], p["text"])
        if problem is None:
            continue
        if p["text"] and text.count(p["text"]) == 1:
            # The text is in the source exactly once: its offsets are not a guess.
            start = text.index(p["text"])
            plan.flag("bad-offsets", f"passages/{pid}: {problem}", fixable=True)
            plan.actions.append(f"passages/{pid}: offsets {p['start']}:{p['end']} -> "
                                f"{start}:{start + len(p['text'])} (where its text is)")
            plan.put("passages", pid, {**p, "start": start, "end": start + len(p["text"])})
        else:
            plan.flag("bad-offsets", f"passages/{pid}: {problem}; re-ingest {source['file']!r}")


def _examine_mentions(plan: Plan) -> None:
    sources, passages = plan.live["sources"], plan.live["passages"]
    for mid, m in list(plan.live["mentions"].items()):
        if m["source_id"] not in sources:
            plan.drop("dangling-source", "mentions", mid,
                      f"its source {m['source_id']} does not exist")
        elif m["passage_id"] not in passages:
            plan.drop("orphan-mention", "mentions", mid, f"its passage {m['passage_id']} is gone")
        else:
            text = sources[m["source_id"]]["text"]
            problem = _offsets_problem(text, m["start"], m["end"], None)
            if problem:
                plan.flag("bad-offsets", f"mentions/{mid}: {problem}")


def _evidence_problem(live: dict[str, dict[str, Any]], item: dict[str, Any],
                      kept: list[dict[str, Any]], owner: dict[str, str]) -> tuple[str, str]:
    pid, sid, mid = item["passage_id"], item["source_id"], item["mention_id"]
    if pid not in live["passages"]:
        return "dangling-passage", f"evidence points at passage {pid}, which does not exist"
    if sid not in live["sources"]:
        return "dangling-source", f"evidence points at source {sid}, which does not exist"
    if mid not in live["mentions"]:
        return "dangling-mention", f"evidence points at mention {mid}, which does not exist"
    if any(k["passage_id"] == pid and k["mention_id"] == mid for k in kept):
        return "duplicate-evidence", f"lists passage {pid} (mention {mid}) twice"
    if mid in owner:
        return "duplicate-mention", f"mention {mid} is in claim {owner[mid]} too"
    return "", ""


def _examine_claims(plan: Plan) -> None:
    owner: dict[str, str] = {}
    for cid, claim in list(plan.live["claims"].items()):
        kept: list[dict[str, Any]] = []
        for item in claim.get("evidence", []):
            kind, why = _evidence_problem(plan.live, item, kept, owner)
            if kind:
                plan.take_out(kind, "claims", cid, "evidence", item, why)
                continue
            kept.append(item)
            owner[item["mention_id"]] = cid
        conflicts = []
        for conflict in claim.get("conflicts", []):
            gone = [p for p in conflict["passages"] if p not in plan.live["passages"]]
            if gone:
                plan.take_out("dangling-passage", "claims", cid, "conflicts", conflict,
                              f"a conflict points at passage(s) {', '.join(gone)}, which do "
                              "not exist")
                conflict = {**conflict,
                            "passages": [p for p in conflict["passages"] if p not in gone]}
                if len(conflict["passages"]) < 2:
                    continue  # one passage cannot disagree with itself
            conflicts.append(conflict)
        if kept != claim.get("evidence", []) or conflicts != claim.get("conflicts", []):
            plan.put("claims", cid, {**claim, "evidence": kept, "conflicts": conflicts})


def _examine_reviews(plan: Plan) -> None:
    for cid, review in list(plan.live["reviews"].items()):
        if cid not in plan.live["claims"]:
            plan.flag("orphan-review", f"reviews/{cid}: review of a claim that no longer exists "
                      "(kept: it is reviewers' work)", notice=True)
        marks = dict(review.get("marks", {}))
        for pid in [p for p in marks if passage_of_key(p) not in plan.live["passages"]]:
            plan.take_out("dangling-passage", "reviews", cid, f"marks.{pid}", marks.pop(pid),
                          f"marks on passage {pid}, which does not exist")
        notes = []
        for note in review.get("notes", []):
            pid = note.get("passage_id")
            if pid is not None and pid not in plan.live["passages"]:
                plan.take_out("dangling-passage", "reviews", cid, f"notes.{note['id']}",
                              {"passage_id": pid}, f"note {note['id']} is on passage {pid}, "
                              "which does not exist (the note is kept, on the claim)")
                note = {**note, "passage_id": None}
            notes.append(note)
        if marks != review.get("marks", {}) or notes != review.get("notes", []):
            plan.put("reviews", cid, {**review, "marks": marks, "notes": notes})
