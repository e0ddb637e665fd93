"""The JSON export: the full data, in a shape other tools can rely on.

The shape is defined by the pydantic models below (field names were fixed by an earlier issue
and must be kept); ``schema.json`` beside this module is generated from them::

    python -c 'from factcheck.core.report import json_out; json_out.write_schema()'

and a test checks that the committed file is up to date. These models are the export's schema
and nothing more: the document is written from the read model's claims
(`factcheck.core.readmodel.ClaimView`, gathered by `factcheck.core.report.data.gather`) by
`claim_out`, the one conversion between the two (validating 10,000 claims through these models
would only slow the export down); a test validates exports against the schema.

Text is exact: a passage's ``text`` is ``Source.text[start:end]`` as stored, only JSON-escaped
(control, bidi and zero-width characters are written as ``\\uXXXX``, see
`factcheck.core.report.text.json_text`).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson
from pydantic import BaseModel, ConfigDict, Field

from factcheck.core.models import ConflictKind, Kind, LinkState, Normalized, Polarity, Role, Stance
from factcheck.core.readmodel import ClaimView, PassageView
from factcheck.core.report.data import Report
from factcheck.core.report.text import json_text

SCHEMA_PATH = Path(__file__).with_name("schema.json")
_INDENT = orjson.OPT_INDENT_2


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True)


class MarkOut(_Out):
    """One reviewer's mark on a passage."""

    reviewer: str
    stance: Stance
    at: str
    """When the mark was made (ISO 8601, UTC)."""


class PassageOut(_Out):
    """One outlet's passage in a tracked claim."""

    id: str
    source: str
    """Id of the source (see ``sources``)."""
    file: str
    """The ingested file's name."""
    outlet: str | None
    start: int
    """Offset of the first character in the cleaned article text."""
    end: int
    """Offset one past the last character."""
    text: str
    """The passage exactly as it stands in the cleaned article."""
    role: Role
    link: LinkState
    """How the passage came to be part of the claim."""
    suggested_stance: Stance
    """The tool's suggestion (not a reviewer's word)."""
    polarity: Polarity = Polarity.ASSERTED
    """``denied`` when the passage reports the claim being denied; a sentence that asserts a
    claim and reports its denial is two entries with the same ``id``, each with its own marks."""
    stance: Stance | None
    """The effective stance: the most recent reviewer mark; null when nobody marked it."""
    marks: list[MarkOut]
    """Every reviewer's mark, oldest first."""


class ConflictOut(_Out):
    """Passages of a claim that appear to disagree."""

    passages: list[str]
    kind: ConflictKind
    reason: str


class VerdictOut(_Out):
    """A claim's verdict."""

    label: str
    """Key of the verdict scale."""
    label_text: str
    """The label in the export's language."""
    rating: int | None = Field(ge=1, le=5)
    """ClaimReview rating of the label (1 worst to 5 best); null for a label not in the scale."""
    explanation: str
    reviewer: str
    at: str


class NoteOut(_Out):
    """A reviewer's note on a claim or on one passage of it."""

    id: str
    text: str
    author: str
    at: str
    passage_id: str | None


class ClaimOut(_Out):
    """A tracked claim."""

    id: str
    kind: Kind
    text: str
    normalized: Normalized
    reading: str
    """The normalized reading in a few words: what is counted or dated, the value, who says it
    ("dead: at least 11 (BNPB, as of 2023-12-04)"); empty for a statement."""
    score: float
    outlets: int
    """How many outlets carry the claim."""
    origins: int
    """How many independent origins those outlets amount to."""
    disputed: bool
    reviewed: bool
    """Has a verdict."""
    passages: list[PassageOut]
    conflicts: list[ConflictOut]
    verdict: VerdictOut | None
    notes: list[NoteOut]


class SourceOut(_Out):
    """One ingested article (without its text)."""

    id: str
    file: str
    outlet: str | None
    title: str | None
    published: str | None
    updated: str | None
    language: str | None
    byline: dict[str, str]
    sha256: str
    url: str | None
    version: int
    superseded_by: str | None
    credits: list[str]
    ingested_at: str | None


class PairAgreementOut(_Out):
    """Agreement of two reviewers over the passages both marked."""

    reviewers: list[str] = Field(min_length=2, max_length=2)
    passages: int
    agreed: int
    percent_agreement: float
    kappa: float | None
    """Cohen's kappa; null when undefined (both used one and the same stance throughout)."""


class AgreementOut(_Out):
    """Agreement between reviewers, pairwise, over passages of a claim both marked."""

    passages_compared: int
    pairs: list[PairAgreementOut]


class ProvenanceSourceOut(_Out):
    """A source file and its checksum."""

    id: str
    file: str
    sha256: str
    version: int


class ProvenanceOut(_Out):
    """Where the report comes from."""

    factcheck_version: str
    exported_at: str
    store_schema_version: int | None
    sources: list[ProvenanceSourceOut]
    reviewers: list[str]
    claims_in_store: int
    reviewed_in_store: int
    claims_exported: int
    reviewed_only: bool
    claim_ids: list[str]
    lang: str


class ExportOut(_Out):
    """A factcheck verification report as JSON."""

    model_config = ConfigDict(title="factcheck export")

    factcheck_version: str
    exported_at: str
    sources: list[SourceOut]
    claims: list[ClaimOut]
    agreement: AgreementOut
    reviewers: list[str]
    provenance: ProvenanceOut


def schema() -> dict[str, Any]:
    """The JSON Schema of the export, generated from `ExportOut`."""
    return ExportOut.model_json_schema()


def schema_text() -> str:
    """`schema` as the text of ``schema.json``."""
    return json.dumps(schema(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def claim_out(claim: ClaimView) -> dict[str, Any]:
    """A claim of the read model in the export's shape (`ClaimOut`), reviewers' names as
    reports show them."""
    verdict = claim.verdict
    return {
        "id": claim.id,
        "kind": claim.kind,
        "text": claim.text,
        "normalized": claim.normalized,
        "reading": claim.reading,
        "score": claim.score,
        "outlets": claim.outlets,
        "origins": claim.origins,
        "disputed": claim.disputed,
        "reviewed": claim.reviewed,
        "passages": [_passage_out(p) for p in claim.passages],
        "conflicts": [{"passages": list(c.passages), "kind": c.kind, "reason": c.reason}
                      for c in claim.conflicts],
        "verdict": None if verdict is None else {
            "label": verdict.label, "label_text": verdict.label_text, "rating": verdict.rating,
            "explanation": verdict.explanation, "reviewer": verdict.shown_reviewer,
            "at": verdict.at},
        "notes": [{"id": n.id, "text": n.text, "author": n.shown_author, "at": n.at,
                   "passage_id": n.passage_id} for n in claim.notes],
    }


def _passage_out(passage: PassageView) -> dict[str, Any]:
    return {
        "id": passage.id, "source": passage.source_id, "file": passage.file or "",
        "outlet": passage.outlet, "start": passage.start, "end": passage.end,
        "text": passage.text, "role": passage.role, "link": passage.link,
        "suggested_stance": passage.suggested_stance, "polarity": passage.polarity,
        "stance": passage.stance,
        "marks": [{"reviewer": m.shown_reviewer, "stance": m.stance, "at": m.at}
                  for m in passage.marks],
    }


def render(report: Report, progress: Callable[[int, int], None] | None = None) -> str:
    """The JSON document (2-space indented, UTF-8 text, exact passage texts)."""
    total = len(report.claims)
    parts: list[bytes] = []
    for done, claim in enumerate(report.claims, start=1):
        # Each claim is serialized alone so progress can be reported; nested two levels deep.
        written = orjson.dumps(claim_out(claim), option=_INDENT)
        parts.append(b"    " + written.replace(b"\n", b"\n    "))
        if progress is not None:
            progress(done, total)
    head = orjson.dumps({
        "factcheck_version": report.factcheck_version,
        "exported_at": report.exported_at,
        "sources": report.sources,
    }, option=_INDENT)
    tail = orjson.dumps({
        "agreement": report.agreement,
        "reviewers": report.reviewers,
        "provenance": report.provenance(),
    }, option=_INDENT)
    claims = b'"claims": [\n' + b",\n".join(parts) + b"\n  ]" if parts else b'"claims": []'
    # head ends with "\n}", tail starts with "{\n": splice the claims between them.
    document = head[:-2] + b",\n  " + claims + b",\n" + tail[2:]
    return json_text(document.decode("utf-8")) + "\n"


def write_schema(path: Path = SCHEMA_PATH) -> None:
    """(Re)write ``schema.json`` from the models."""
    path.write_text(schema_text(), encoding="utf-8")


if __name__ == "__main__":
    write_schema()
    print(f"wrote {SCHEMA_PATH}")
