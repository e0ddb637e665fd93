"""The claim list's data: one compact row per tracked claim, and views over them.

Rows are built straight from the stored dictionaries (``Store.raw``): validating 100,000 claims
with pydantic would take seconds, and the list only needs a handful of fields. Filtering,
sorting and searching never copy rows: a `RowView` is a list of indexes into `RowModel.rows`.
Search keys and outlet sets are built on first use, so opening a big store does not pay for them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from factcheck.core.review import reviewed_claim_ids
from factcheck.core.store import Store
from factcheck.tui.text import fold, one_line

ROW_TEXT_LIMIT = 240
"""Characters of claim wording kept per row (a list line never shows more)."""

SORTS: dict[str, str] = {
    "score": "check-worthiness",
    "kind": "kind",
    "outlets": "most outlets",
    "conflicts": "conflicts first",
    "unreviewed": "unreviewed first",
}
"""Sort orders of the claim list: key -> what the reviewer sees."""


@dataclass(slots=True)
class Row:
    """One tracked claim as the list shows it."""

    id: str
    kind: str
    text: str
    outlets: int
    origins: int
    conflicts: int
    disputed: bool
    verdict: str | None
    reviewed: bool
    score: float


@dataclass(frozen=True)
class ListFilter:
    """Which claims the list shows."""

    kind: str | None = None
    outlet: str | None = None
    verdict: str | None = None
    """A verdict key, ``"none"`` for claims without a verdict, or None for any."""
    conflicts_only: bool = False
    unreviewed_only: bool = False

    def describe(self) -> str:
        """A short summary for the status line (empty when nothing is filtered)."""
        parts = [p for p in (self.kind, self.outlet and f"outlet {self.outlet}",
                             self.verdict and f"verdict {self.verdict}") if p]
        if self.conflicts_only:
            parts.append("conflicts")
        if self.unreviewed_only:
            parts.append("unreviewed")
        return ", ".join(parts)


def _is_reviewed(claim: Mapping[str, Any], review: Mapping[str, Any] | None) -> bool:
    # Same rule as `review.reviewed_claim_ids`, for one claim at a time.
    if not review:
        return False
    if review.get("verdict"):
        return True
    passages = {e.get("passage_id") for e in claim.get("evidence", [])}
    return bool(passages) and passages <= set(review.get("marks", {}))


def _row(claim_id: str, claim: Mapping[str, Any], review: Mapping[str, Any] | None,
         reviewed: bool) -> Row:
    verdict = (review or {}).get("verdict") or {}
    return Row(
        id=claim_id,
        kind=str(claim.get("kind", "other")),
        text=one_line(claim.get("text", ""), ROW_TEXT_LIMIT),
        outlets=int(claim.get("outlets") or 0),
        origins=int(claim.get("origins") or 0),
        conflicts=len(claim.get("conflicts") or ()),
        disputed=bool(claim.get("disputed")),
        verdict=verdict.get("label"),
        reviewed=reviewed,
        score=float(claim.get("score") or 0.0),
    )


class RowModel:
    """Every tracked claim of a store as a `Row`, kept in step with the store."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.rows: list[Row] = []
        self.index: dict[str, int] = {}
        self._search_keys: list[str] | None = None
        self._outlets: list[frozenset[str]] | None = None
        self.reload()

    def reload(self) -> None:
        """Rebuild every row from the store."""
        claims = self.store.raw("claims")
        reviews = self.store.raw("reviews")
        done = reviewed_claim_ids(self.store)
        self.rows = [_row(cid, doc, reviews.get(cid), cid in done) for cid, doc in claims.items()]
        self.index = {row.id: i for i, row in enumerate(self.rows)}
        self._search_keys = None
        self._outlets = None

    def update(self, claim_ids: Iterable[str]) -> bool:
        """Re-read the given claims (after a change); True when claims appeared or vanished."""
        claims = self.store.raw("claims")
        reviews = self.store.raw("reviews")
        structural = False
        for cid in claim_ids:
            doc = claims.get(cid)
            at = self.index.get(cid)
            if doc is None:
                structural = structural or at is not None
                continue
            review = reviews.get(cid)
            row = _row(cid, doc, review, _is_reviewed(doc, review))
            if at is None:
                structural = True
                continue
            self.rows[at] = row
            if self._search_keys is not None:
                self._search_keys[at] = self._search_key(row, doc)
            if self._outlets is not None:
                self._outlets[at] = self._outlets_of(doc)
        if structural or len(claims) != len(self.rows):
            self.reload()
            return True
        return False

    def get(self, claim_id: str) -> Row | None:
        """The row of one claim."""
        at = self.index.get(claim_id)
        return None if at is None else self.rows[at]

    @property
    def reviewed(self) -> int:
        """How many claims are reviewed (a verdict, or every passage marked)."""
        return sum(1 for row in self.rows if row.reviewed)

    def verdict_keys(self) -> list[str]:
        """Verdict keys in use."""
        return sorted({row.verdict for row in self.rows if row.verdict})

    def kinds(self) -> list[str]:
        """Claim kinds present."""
        return sorted({row.kind for row in self.rows})

    def outlet_names(self) -> list[str]:
        """Outlets of the current sources."""
        names = {one_line(doc.get("outlet") or doc.get("file"), 60)
                 for doc in self.store.raw("sources").values() if not doc.get("superseded_by")}
        return sorted(n for n in names if n)

    # Lazily built indexes ------------------------------------------------------------------
    @staticmethod
    def _search_key(row: Row, doc: Mapping[str, Any]) -> str:
        norm = doc.get("normalized") or {}
        extra = " ".join(str(norm.get(k) or "") for k in ("subject", "speaker", "value"))
        return fold(f"{row.text} {one_line(extra, 200)}")

    def search_keys(self) -> list[str]:
        """Folded text of each row (built on first search)."""
        if self._search_keys is None:
            claims = self.store.raw("claims")
            self._search_keys = [self._search_key(r, claims.get(r.id, {})) for r in self.rows]
        return self._search_keys

    def _outlets_of(self, doc: Mapping[str, Any]) -> frozenset[str]:
        sources = self.store.raw("sources")
        return frozenset(
            one_line(sources.get(e.get("source_id"), {}).get("outlet")
                     or sources.get(e.get("source_id"), {}).get("file"), 60)
            for e in doc.get("evidence", ()))

    def outlets(self) -> list[frozenset[str]]:
        """Outlet names of each row (built on first outlet filter)."""
        if self._outlets is None:
            claims = self.store.raw("claims")
            self._outlets = [self._outlets_of(claims.get(r.id, {})) for r in self.rows]
        return self._outlets


def _sort_key(name: str) -> Any:
    if name == "kind":
        return lambda r: (r.kind, -r.score, r.id)
    if name == "outlets":
        return lambda r: (-r.outlets, -r.origins, -r.score, r.id)
    if name == "conflicts":
        return lambda r: (not (r.conflicts or r.disputed), -r.score, r.id)
    if name == "unreviewed":
        return lambda r: (r.reviewed, -r.score, r.id)
    return lambda r: (-r.score, r.id)


@dataclass
class RowView:
    """A filtered, sorted and searched view of a `RowModel`: indexes into its rows."""

    model: RowModel
    sort: str = "score"
    filter: ListFilter = field(default_factory=ListFilter)
    search: str = ""
    exclude: frozenset[str] = frozenset()
    indexes: list[int] = field(default_factory=list)
    _order: list[int] | None = None

    def __post_init__(self) -> None:
        self.recompute()

    def __len__(self) -> int:
        return len(self.indexes)

    def row(self, position: int) -> Row:
        """The row shown at ``position``."""
        return self.model.rows[self.indexes[position]]

    def position_of(self, claim_id: str | None) -> int | None:
        """Where a claim is shown, or None."""
        at = self.model.index.get(claim_id or "")
        if at is None:
            return None
        try:
            return self.indexes.index(at)
        except ValueError:
            return None

    def invalidate(self) -> None:
        """Forget the sort order (after rows were rebuilt) and recompute."""
        self._order = None
        self.recompute()

    def recompute(self) -> None:
        """Apply sort, filter and search."""
        rows = self.model.rows
        if self._order is None:
            key = _sort_key(self.sort)
            self._order = sorted(range(len(rows)), key=lambda i: key(rows[i]))
        result = self._order
        flt = self.filter
        if flt.kind:
            result = [i for i in result if rows[i].kind == flt.kind]
        if flt.verdict:
            wanted = None if flt.verdict == "none" else flt.verdict
            result = [i for i in result if rows[i].verdict == wanted]
        if flt.conflicts_only:
            result = [i for i in result if rows[i].conflicts or rows[i].disputed]
        if flt.unreviewed_only:
            result = [i for i in result if not rows[i].reviewed]
        if flt.outlet:
            outlets = self.model.outlets()
            result = [i for i in result if flt.outlet in outlets[i]]
        if self.exclude:
            result = [i for i in result if rows[i].id not in self.exclude]
        needle = fold(self.search)
        if needle:
            keys = self.model.search_keys()
            result = [i for i in result if needle in keys[i]]
        self.indexes = list(result)

    def set_sort(self, sort: str) -> None:
        """Change the sort order."""
        self.sort = sort if sort in SORTS else "score"
        self.invalidate()
