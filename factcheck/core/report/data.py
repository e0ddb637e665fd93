"""What a report shows, gathered from a store once and shared by every format.

The claims are the read model's (`factcheck.core.readmodel.claim_views`: each table read once,
a 10,000-claim store is gathered in well under a second); the JSON export writes them in the
shape `factcheck.core.report.json_out` defines.

The *effective stance* of a passage is the most recent reviewer mark on it (ties in the mark's
second broken by the change log's order); the tool's suggestion is kept apart
(``suggested_stance``) and never presented as a reviewer's word.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from factcheck import __version__
from factcheck.core.models import utcnow
from factcheck.core.readmodel import ClaimView, PassageView, claim_views
from factcheck.core.report.agreement import Agreement, agreement
from factcheck.core.review import reviewed_claim_ids
from factcheck.core.store import Store
from factcheck.core.timeline import Timeline
from factcheck.settings import Settings

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
    claims: list[ClaimView]
    """The exported claims in context (`factcheck.core.readmodel`), in the store's order."""
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
        verdict = claim.verdict
        if verdict is not None:
            label, n = counts.get(verdict.label, (verdict.label_text, 0))
            counts[verdict.label] = (label, n + 1)
    rank = {key: i for i, key in enumerate(report.verdict_order)}
    verdicts = [counts[k] for k in sorted(counts, key=lambda k: (rank.get(k, len(rank)), k))]
    disputed, differing = [], []
    for claim in report.claims:
        for conflict in claim.conflicts:
            entry = (claim.id, claim.text, conflict.reason)
            if conflict.kind == "denial":
                disputed.append(entry)
            elif conflict.kind in ("number", "date", "status", "update", "internal"):
                differing.append(entry)
    open_claims = sorted((c for c in report.claims if c.verdict is None),
                         key=lambda c: (-c.score, -c.outlets, c.id))
    return Glance(verdicts=verdicts, without_verdict=len(open_claims), disputed=disputed,
                  differing=differing, open=[(c.id, c.text) for c in open_claims])


def outlet_name(row: Mapping[str, Any] | PassageView) -> str:
    """The outlet of a source or passage, or its file name when the outlet is unknown."""
    if isinstance(row, PassageView):
        return row.outlet or row.file or "?"
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
    scale = {v.key: v for v in settings.verdicts}
    claims = claim_views(store, {cid for cid, _ in chosen}, scale=scale, lang=options.lang,
                         timelines=True)
    sources: dict[str, dict[str, Any]] = {}
    for sid, doc in sources_raw.items():
        if not doc.get("superseded_by"):
            sources[sid] = _source_row(sid, doc)
    items: list[dict[str, str]] = []
    for claim in claims:
        for passage in claim.passages:
            sid = passage.source_id
            if sid not in sources and sid in sources_raw:
                sources[sid] = _source_row(sid, sources_raw[sid])
            if len(passage.marks) > 1:
                items.append({m.shown_reviewer: m.stance for m in passage.marks})
    reviewers = sorted({
        *(m.shown_reviewer for c in claims for p in c.passages for m in p.marks),
        *(c.verdict.shown_reviewer for c in claims if c.verdict),
        *(n.shown_author for c in claims for n in c.notes),
    })
    ordered = [sources[sid] for sid in sources_raw if sid in sources]
    timelines = {c.id: c.timeline for c in claims if c.timeline is not None}
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


def _source_row(sid: str, doc: dict[str, Any]) -> dict[str, Any]:
    row = {name: doc.get(name, default) for name, default in _SOURCE_FIELDS.items()}
    row["id"] = sid
    return row


def matrix_cells(claim: ClaimView, outlets: list[str]) -> list[list[tuple[str, bool]]]:
    """The claim x outlet matrix row: for each outlet, its passages' (stance, marked) pairs.

    ``marked`` is False for the tool's suggestion. A passage a reviewer marked *unrelated* does
    not count; an empty list means the outlet does not mention the claim.
    """
    cells: dict[str, list[tuple[str, bool]]] = {o: [] for o in outlets}
    for passage in claim.passages:
        cell = cells.get(outlet_name(passage))
        if cell is None:
            continue
        stance = passage.stance
        entry = (stance, True) if stance else (passage.suggested_stance, False)
        if entry[0] != "unrelated" and entry not in cell:
            cell.append(entry)
    return [cells[o] for o in outlets]
