"""What a report shows, gathered from a store once and shared by every format.

`gather` reads the store's raw documents (``Store.raw``) rather than validating each one through
pydantic: a 10,000-claim store is gathered in well under a second. The rows it builds have the
field names of the JSON export (`factcheck.core.report.json_out` defines that shape as pydantic
models and ``schema.json``), so the JSON format is these rows as they are.

The *effective stance* of a passage is the most recent reviewer mark on it (ties in the mark's
second broken by the change log's order); the tool's suggestion is kept apart
(``suggested_stance``) and never presented as a reviewer's word.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, TypedDict

from pydantic import ValidationError

from factcheck import __version__
from factcheck.core.models import Slot, review_rows, utcnow
from factcheck.core.report.agreement import Agreement, agreement
from factcheck.core.review import reviewed_claim_ids
from factcheck.core.store import Store
from factcheck.core.timeline import Timeline, figure_timeline
from factcheck.core.values import reading
from factcheck.settings import Settings, reviewer_name

LANGUAGES = ("en", "id")


class ReportError(Exception):
    """A report that cannot be made as asked (unknown claim id, format or language)."""


@dataclass(frozen=True)
class ExportOptions:
    """What to put in an export."""

    reviewed_only: bool = False
    """Only claims that are reviewed (see `factcheck.core.review.reviewed_claim_ids`)."""
    claim_ids: tuple[str, ...] = ()
    """Only these claims (all when empty)."""
    lang: str = "en"
    """Language of labels and headings: ``en`` or ``id``."""


DEFAULT_OPTIONS = ExportOptions()


class MarkRow(TypedDict):
    """One reviewer's mark on a passage."""

    reviewer: str
    stance: str
    at: str


class PassageRow(TypedDict):
    """One outlet's passage in a tracked claim."""

    id: str
    source: str
    file: str
    outlet: str | None
    start: int
    end: int
    text: str
    role: str
    link: str
    suggested_stance: str
    polarity: str
    """``denied`` for the row of a sentence that reports the claim's denial."""
    stance: str | None
    marks: list[MarkRow]


class ConflictRow(TypedDict):
    """Passages of a claim that appear to disagree."""

    passages: list[str]
    kind: str
    reason: str


class VerdictRow(TypedDict):
    """A claim's verdict with its label and rating from the settings' scale."""

    label: str
    label_text: str
    rating: int | None
    explanation: str
    reviewer: str
    at: str


class NoteRow(TypedDict):
    """A reviewer's note."""

    id: str
    text: str
    author: str
    at: str
    passage_id: str | None


class ClaimRow(TypedDict):
    """A tracked claim with everything reviewers and the tool said about it."""

    id: str
    kind: str
    text: str
    normalized: dict[str, Any]
    reading: str
    """The normalized reading in a few words (`factcheck.core.values.reading`), or ``""``."""
    score: float
    outlets: int
    origins: int
    disputed: bool
    reviewed: bool
    passages: list[PassageRow]
    conflicts: list[ConflictRow]
    verdict: VerdictRow | None
    notes: list[NoteRow]


_SOURCE_FIELDS: dict[str, Any] = {
    "id": "", "file": "", "outlet": None, "title": None, "published": None, "updated": None,
    "language": None, "byline": {}, "sha256": "", "url": None, "version": 1,
    "superseded_by": None, "credits": [], "ingested_at": None,
}
"""The fields of a source that an export carries (not its text), with their defaults."""


@dataclass
class Report:
    """Everything a report shows."""

    factcheck_version: str
    exported_at: str
    options: ExportOptions
    sources: list[dict[str, Any]]
    """Current sources (and older versions that evidence still points to), ingest order."""
    claims: list[ClaimRow]
    agreement: Agreement
    reviewers: list[str]
    total_claims: int
    """Tracked claims in the store (not only the exported ones)."""
    reviewed_total: int
    """Reviewed claims in the store."""
    store_schema_version: int | None = None
    source_by_id: dict[str, dict[str, Any]] = field(default_factory=dict)
    verdict_order: list[str] = field(default_factory=list)
    """The verdict keys of the settings' scale, in its order."""
    truthless: frozenset[str] = frozenset()
    """Verdict keys that do not rank truth (disputed, unverifiable): the human-facing reports
    show no "rating n/5" for them (`VerdictOption.ranks_truth`)."""
    timelines: dict[str, Timeline] = field(default_factory=dict)
    """The figure timeline of each exported quantity claim that has one (`figure_timeline`)."""

    @property
    def lang(self) -> str:
        """Language of labels and headings."""
        return self.options.lang

    @property
    def outlets(self) -> list[str]:
        """The outlets of the report's sources (columns of the claim x outlet matrix)."""
        return list(dict.fromkeys(outlet_name(s) for s in self.sources))

    def provenance(self) -> dict[str, Any]:
        """Where the report comes from: version, time, source files and reviewers."""
        return {
            "factcheck_version": self.factcheck_version,
            "exported_at": self.exported_at,
            "store_schema_version": self.store_schema_version,
            "sources": [{"id": s["id"], "file": s["file"], "sha256": s["sha256"],
                         "version": s["version"]} for s in self.sources],
            "reviewers": list(self.reviewers),
            "claims_in_store": self.total_claims,
            "reviewed_in_store": self.reviewed_total,
            "claims_exported": len(self.claims),
            "reviewed_only": self.options.reviewed_only,
            "claim_ids": list(self.options.claim_ids),
            "lang": self.options.lang,
        }


@dataclass(frozen=True)
class Glance:
    """What an editor reads first: verdicts, disputes, disagreements, what is still open."""

    verdicts: list[tuple[str, int]]
    """(label, claims) of each verdict given, in the scale's order."""
    without_verdict: int
    disputed: list[tuple[str, str, str]]
    """(claim id, claim text, reason) of each disputed claim."""
    differing: list[tuple[str, str, str]]
    """(claim id, claim text, reason) of each claim whose outlets give different values."""
    open: list[tuple[str, str]]
    """(claim id, claim text) of the claims without a verdict, most check-worthy first."""


def glance(report: Report) -> Glance:
    """What an editor reads first about ``report`` (verdicts in the scale's order)."""
    counts: dict[str, tuple[str, int]] = {}
    for claim in report.claims:
        verdict = claim["verdict"]
        if verdict is not None:
            label, n = counts.get(verdict["label"], (verdict["label_text"], 0))
            counts[verdict["label"]] = (label, n + 1)
    rank = {key: i for i, key in enumerate(report.verdict_order)}
    verdicts = [counts[k] for k in sorted(counts, key=lambda k: (rank.get(k, len(rank)), k))]
    disputed, differing = [], []
    for claim in report.claims:
        for conflict in claim["conflicts"]:
            entry = (claim["id"], claim["text"], conflict["reason"])
            if conflict["kind"] == "denial":
                disputed.append(entry)
            elif conflict["kind"] in ("number", "date", "status", "update", "internal"):
                differing.append(entry)
    open_claims = sorted((c for c in report.claims if c["verdict"] is None),
                         key=lambda c: (-c["score"], -c["outlets"], c["id"]))
    return Glance(verdicts=verdicts, without_verdict=len(open_claims), disputed=disputed,
                  differing=differing, open=[(c["id"], c["text"]) for c in open_claims])


def outlet_name(row: dict[str, Any] | PassageRow) -> str:
    """The outlet of a source or passage row, or its file name when the outlet is unknown."""
    return row.get("outlet") or row.get("file") or "?"


def check_options(options: ExportOptions) -> None:
    """Raise `ReportError` for an unsupported language."""
    if options.lang not in LANGUAGES:
        raise ReportError(f"unknown language {options.lang!r}; choose one of: en, id")


def gather(store: Store, settings: Settings, options: ExportOptions = DEFAULT_OPTIONS) -> Report:
    """Collect what a report shows.

    Args:
        store: The store to report on.
        settings: The verdict scale (labels and ratings).
        options: Which claims, and the language of labels.

    Raises:
        ReportError: A requested claim id is not in the store, or the language is unknown.
    """
    check_options(options)
    claims_raw = store.sound("claims")
    missing = [c for c in options.claim_ids if c not in claims_raw]
    if missing:
        raise ReportError(f"no such claim: {', '.join(repr(c) for c in missing)} "
                          "(see `factcheck claims`)")
    reviewed = reviewed_claim_ids(store)
    wanted = set(options.claim_ids)
    chosen = [
        (cid, doc) for cid, doc in claims_raw.items()
        if (not wanted or cid in wanted) and (not options.reviewed_only or cid in reviewed)
    ]
    sources_raw = store.raw("sources")
    passages_raw = store.raw("passages")
    reviews_raw = store.sound("reviews")
    order = _mark_order(store) if reviews_raw else {}
    scale = {v.key: v for v in settings.verdicts}

    sources: dict[str, dict[str, Any]] = {}
    for sid, doc in sources_raw.items():
        if not doc.get("superseded_by"):
            sources[sid] = _source_row(sid, doc)
    claims: list[ClaimRow] = []
    items: list[dict[str, str]] = []
    for cid, doc in chosen:
        review = reviews_raw.get(cid) or {}
        row = _claim_row(cid, doc, review, cid in reviewed, sources_raw, passages_raw, order,
                         scale, options.lang, items)
        for passage in row["passages"]:
            sid = passage["source"]
            if sid not in sources and sid in sources_raw:
                sources[sid] = _source_row(sid, sources_raw[sid])
        claims.append(row)
    reviewers = sorted({
        *(m["reviewer"] for c in claims for p in c["passages"] for m in p["marks"]),
        *(c["verdict"]["reviewer"] for c in claims if c["verdict"]),
        *(n["author"] for c in claims for n in c["notes"]),
    })
    ordered = [sources[sid] for sid in sources_raw if sid in sources]
    timelines: dict[str, Timeline] = {}
    if any(doc.get("kind") == "quantity" for _, doc in chosen):
        mentions_raw = store.raw("mentions")
        for cid, doc in chosen:
            made = figure_timeline(doc, mentions_raw, sources_raw,
                                   (reviews_raw.get(cid) or {}).get("marks"))
            if made is not None:
                timelines[cid] = made
    header = store.header()
    return Report(
        factcheck_version=__version__,
        exported_at=utcnow(),
        options=options,
        sources=ordered,
        claims=claims,
        agreement=agreement(items),
        reviewers=reviewers,
        total_claims=len(claims_raw),
        reviewed_total=len(reviewed & set(claims_raw)),
        store_schema_version=header.get("schema_version"),
        source_by_id={s["id"]: s for s in ordered},
        timelines=timelines,
        verdict_order=[v.key for v in settings.verdicts],
        truthless=frozenset(v.key for v in settings.verdicts if not v.ranks_truth),
    )


def _mark_order(store: Store) -> dict[tuple[str, str, str], str]:
    """(claim, passage, reviewer) -> id of the latest mark change (ids are time-ordered)."""
    latest: dict[tuple[str, str, str], str] = {}
    for cid, change in store.raw("changes").items():
        if change.get("what") != "mark":
            continue
        key = (change.get("target", ""), change.get("detail", ""), change.get("who", ""))
        if cid > latest.get(key, ""):
            latest[key] = cid
    return latest


def _source_row(sid: str, doc: dict[str, Any]) -> dict[str, Any]:
    row = {name: doc.get(name, default) for name, default in _SOURCE_FIELDS.items()}
    row["id"] = sid
    return row


def _claim_row(
    cid: str,
    doc: dict[str, Any],
    review: dict[str, Any],
    reviewed: bool,
    sources_raw: Any,
    passages_raw: Any,
    order: dict[tuple[str, str, str], str],
    scale: dict[str, Any],
    lang: str,
    items: list[dict[str, str]],
) -> ClaimRow:
    marks_by_passage: dict[str, dict[str, Any]] = review.get("marks") or {}
    passages: list[PassageRow] = []
    for key, evidence in review_rows(doc.get("evidence", ())):
        pid = evidence.get("passage_id", "")
        passage = passages_raw.get(pid)
        if passage is None:
            continue  # a dangling reference: `factcheck doctor` reports it
        sid = passage.get("source_id") or evidence.get("source_id", "")
        source = sources_raw.get(sid) or {}
        marks = _marks(cid, key, marks_by_passage.get(key) or {}, order)
        if len(marks) > 1:
            items.append({m["reviewer"]: m["stance"] for m in marks})
        passages.append(PassageRow(
            id=pid,
            source=sid,
            file=source.get("file", ""),
            outlet=source.get("outlet"),
            start=passage.get("start", 0),
            end=passage.get("end", 0),
            text=passage.get("text", ""),
            role=passage.get("role", "body"),
            link=evidence.get("link", "auto"),
            suggested_stance=evidence.get("suggested_stance", "supports"),
            polarity=str(evidence.get("polarity", "asserted")),
            stance=marks[-1]["stance"] if marks else None,
            marks=marks,
        ))
    normalized = dict(doc.get("normalized") or {})
    verdict = review.get("verdict")
    verdict_row: VerdictRow | None = None
    if verdict:
        option = scale.get(verdict.get("label", ""))
        verdict_row = VerdictRow(
            label=verdict.get("label", ""),
            label_text=option.label(lang) if option else verdict.get("label", ""),
            rating=option.rating if option else None,
            explanation=verdict.get("explanation", ""),
            reviewer=shown_name(verdict.get("reviewer", "")),
            at=verdict.get("at", ""),
        )
    return ClaimRow(
        id=cid,
        kind=doc.get("kind", "other"),
        text=doc.get("text", ""),
        normalized=normalized,
        reading=_reading(doc.get("slot"), normalized.get("speaker")),
        score=doc.get("score", 0.0),
        outlets=doc.get("outlets", 0),
        origins=doc.get("origins", 0),
        disputed=bool(doc.get("disputed", False)),
        reviewed=reviewed,
        passages=passages,
        conflicts=[ConflictRow(passages=list(c.get("passages", [])), kind=c.get("kind", ""),
                               reason=c.get("reason", ""))
                   for c in doc.get("conflicts", ())],
        verdict=verdict_row,
        notes=[NoteRow(id=n.get("id", ""), text=n.get("text", ""),
                       author=shown_name(n.get("author", "")), at=n.get("at", ""),
                       passage_id=n.get("passage_id"))
               for n in review.get("notes", ())],
    )


def _reading(slot: Any, speaker: Any) -> str:
    if not isinstance(slot, dict):
        return ""
    try:
        return reading(Slot.model_validate(slot), speaker if isinstance(speaker, str) else None)
    except ValidationError:
        return ""  # a damaged slot: `factcheck doctor` reports it; the sentence still reads


def shown_name(name: Any) -> str:
    """A stored reviewer name as reports show and count it: the spelling `reviewer_name` gives
    (names stored before it existed: "alice " and "ali\u200bce" are "alice"); a name it
    refuses (mixed alphabets) is shown with its odd letters escaped, so it never passes for
    another reviewer."""
    text = str(name or "")
    try:
        return reviewer_name(text)
    except ValueError:
        return text.encode("ascii", "backslashreplace").decode("ascii") or "(no name)"


def _marks(cid: str, pid: str, by_reviewer: dict[str, Any],
           order: dict[tuple[str, str, str], str]) -> list[MarkRow]:
    """The marks on one passage, oldest first (so the last one is the effective stance)."""
    rows = [MarkRow(reviewer=shown_name(who), stance=m.get("stance", ""), at=m.get("at", ""))
            for who, m in by_reviewer.items()]
    if len(rows) > 1:
        rows.sort(key=lambda m: (m["at"], order.get((cid, pid, m["reviewer"]), "")))
    return rows


def matrix_cells(claim: ClaimRow, outlets: list[str]) -> list[list[tuple[str, bool]]]:
    """The claim x outlet matrix row: for each outlet, its passages' (stance, marked) pairs.

    ``marked`` is False for the tool's suggestion. A passage a reviewer marked *unrelated* does
    not count; an empty list means the outlet does not mention the claim.
    """
    cells: dict[str, list[tuple[str, bool]]] = {o: [] for o in outlets}
    for passage in claim["passages"]:
        cell = cells.get(outlet_name(passage))
        if cell is None:
            continue
        stance = passage["stance"]
        entry = (stance, True) if stance else (passage["suggested_stance"], False)
        if entry[0] != "unrelated" and entry not in cell:
            cell.append(entry)
    return [cells[o] for o in outlets]
