"""Read-only views over a store for listings: claim rows, filters, one claim in context.

Built from the stored dictionaries (``Store.raw``) without validating every document, so a
listing of 100,000 claims stays fast. Used by ``factcheck claims``/``show``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from factcheck.core.models import review_rows
from factcheck.core.review import reviewed_claim_ids
from factcheck.core.store import Store
from factcheck.core.textnorm import UNSAFE, ascii_key, squash_spaces

CONTEXT_CHARS = 160


def inert(text: object, limit: int | None = None) -> str:
    """Scraped text made safe to print: no control, bidi or zero-width characters, one line."""
    value = "" if text is None else str(text)
    value = UNSAFE.sub("", value.replace("\n", " ").replace("\t", " ").replace("\r", " "))
    if limit is not None and len(value) > limit:
        value = value[: max(limit - 1, 0)] + "…"
    return value


@dataclass(frozen=True)
class ClaimRow:
    """One line of a claim listing."""

    id: str
    kind: str
    text: str
    value: str
    speaker: str
    outlets: int
    origins: int
    conflicts: int
    disputed: bool
    verdict: str | None
    reviewed: bool
    score: float
    source_ids: tuple[str, ...]
    outlet_names: tuple[str, ...]

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        data = asdict(self)
        data["source_ids"] = list(self.source_ids)
        data["outlet_names"] = list(self.outlet_names)
        return data


def _value(norm: dict[str, Any]) -> str:
    value = norm.get("value")
    if value is None:
        return norm.get("date") or ""
    text = f"{value:g}" if isinstance(value, float) else str(value)
    if norm.get("unit"):
        text += f" {norm['unit']}"
    if norm.get("approximate"):
        text = f"{norm['approximate']} {text}"
    return text


def claim_rows(store: Store) -> list[ClaimRow]:
    """Every tracked claim as a row, best (highest score) first."""
    sources = store.raw("sources")
    reviews = store.sound("reviews")
    done = reviewed_claim_ids(store)
    rows = []
    for claim_id, claim in store.sound("claims").items():
        norm = claim.get("normalized") or {}
        evidence = claim.get("evidence", [])
        source_ids = tuple(dict.fromkeys(e.get("source_id", "") for e in evidence))
        outlets = tuple(dict.fromkeys(
            sources.get(sid, {}).get("outlet") or sources.get(sid, {}).get("file") or sid
            for sid in source_ids))
        verdict = (reviews.get(claim_id) or {}).get("verdict") or {}
        rows.append(ClaimRow(
            id=claim_id, kind=claim.get("kind", "other"), text=claim.get("text", ""),
            value=_value(norm), speaker=norm.get("speaker") or "",
            outlets=int(claim.get("outlets", len(outlets))),
            origins=int(claim.get("origins", 0)), conflicts=len(claim.get("conflicts", [])),
            disputed=bool(claim.get("disputed")), verdict=verdict.get("label"),
            reviewed=claim_id in done, score=float(claim.get("score", 0.0)),
            source_ids=source_ids, outlet_names=outlets,
        ))
    rows.sort(key=lambda r: (-r.score, -r.outlets, r.id))
    return rows


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


def claim_view(store: Store, claim_id: str) -> dict[str, Any] | None:
    """One claim with its passages in context, grouped by outlet (JSON-ready)."""
    claim = store.sound_doc("claims", claim_id)
    if claim is None:
        return None
    sources = store.raw("sources")
    passages = store.raw("passages")
    review = store.sound_doc("reviews", claim_id) or {}
    marks = review.get("marks", {})
    by_outlet: dict[str, list[dict[str, Any]]] = {}
    for key, item in review_rows(claim.get("evidence", [])):
        passage = passages.get(item["passage_id"], {})
        source = sources.get(item.get("source_id", ""), {})
        text = store.source_text(item.get("source_id", ""))
        start, end = passage.get("start", 0), passage.get("end", 0)
        outlet = source.get("outlet") or source.get("file") or "unknown outlet"
        by_outlet.setdefault(outlet, []).append({
            "passage_id": item["passage_id"], "source_id": item.get("source_id"),
            "file": source.get("file"), "title": source.get("title"),
            "published": source.get("published"), "start": start, "end": end,
            "role": passage.get("role"), "text": passage.get("text", ""),
            "before": text[max(0, start - CONTEXT_CHARS):start],
            "after": text[end:end + CONTEXT_CHARS],
            "link": item.get("link"), "suggested_stance": item.get("suggested_stance"),
            "key": key, "polarity": item.get("polarity", "asserted"),
            "marks": {r: m.get("stance") for r, m in marks.get(key, {}).items()},
        })
    return {
        "id": claim_id, "kind": claim.get("kind"), "text": claim.get("text"),
        "normalized": claim.get("normalized") or {}, "outlets": claim.get("outlets", 0),
        "origins": claim.get("origins", 0), "disputed": bool(claim.get("disputed")),
        "conflicts": claim.get("conflicts", []), "verdict": review.get("verdict"),
        "notes": review.get("notes", []), "by_outlet": by_outlet,
    }
