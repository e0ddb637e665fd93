"""What ``factcheck claims`` and ``show`` print: filters over listing rows, and a claim's JSON.

The rows and the claim in context are the read model's (`factcheck.core.readmodel`); this module
only filters them and writes the shape ``factcheck show --json`` has always printed.
"""

from __future__ import annotations

from typing import Any

from factcheck.core.readmodel import ClaimRow, ClaimView, PassageView
from factcheck.core.textnorm import UNSAFE, ascii_key, squash_spaces


def inert(text: object, limit: int | None = None) -> str:
    """Scraped text made safe to print: no control, bidi or zero-width characters, one line."""
    value = "" if text is None else str(text)
    value = UNSAFE.sub("", value.replace("\n", " ").replace("\t", " ").replace("\r", " "))
    if limit is not None and len(value) > limit:
        value = value[: max(limit - 1, 0)] + "…"
    return value


def filter_rows(rows: list[ClaimRow], *, kind: str | None = None, source: str | None = None,
                outlet: str | None = None, text: str | None = None, conflicts: bool = False,
                unreviewed: bool = False, verdict: str | None = None) -> list[ClaimRow]:
    """Rows that pass every given filter (text and outlet match accent-insensitively)."""
    needle = squash_spaces(text) if text else None
    outlet_key = ascii_key(outlet) if outlet else None
    result = []
    for row in rows:
        if kind and row.kind != kind:
            continue
        if source and source not in row.source_ids:
            continue
        if outlet_key and not any(outlet_key == ascii_key(o) for o in row.outlet_names):
            continue
        if needle and needle not in squash_spaces(f"{row.text} {row.speaker} {row.value}"):
            continue
        if conflicts and not row.conflicts:
            continue
        if unreviewed and row.reviewed:
            continue
        if verdict and row.verdict != verdict:
            continue
        result.append(row)
    return result


def claim_json(claim: ClaimView) -> dict[str, Any]:
    """``factcheck show --json``: the claim, its stored verdict, conflicts and notes, and its
    passages in context grouped by outlet."""
    return {
        "id": claim.id, "kind": claim.kind, "text": claim.text,
        "normalized": dict(claim.normalized), "outlets": claim.outlets,
        "origins": claim.origins, "disputed": claim.disputed,
        "conflicts": [dict(c.stored) for c in claim.conflicts],
        "verdict": dict(claim.verdict.stored) if claim.verdict else None,
        "notes": [dict(n.stored) for n in claim.notes],
        "by_outlet": {outlet: [_passage_json(p) for p in items]
                      for outlet, items in claim.by_outlet()},
    }


def _passage_json(passage: PassageView) -> dict[str, Any]:
    return {
        "passage_id": passage.id, "source_id": passage.source_id, "file": passage.file,
        "title": passage.title, "published": passage.published, "start": passage.start,
        "end": passage.end, "role": None if passage.missing else passage.role,
        "text": passage.text, "before": passage.before, "after": passage.after,
        "link": passage.link, "suggested_stance": passage.suggested_stance, "key": passage.key,
        "polarity": passage.polarity, "marks": dict(passage.by_reviewer),
    }
