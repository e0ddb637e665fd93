"""The claim list's data: one compact row per tracked claim, and views over them.

Rows are built straight from the stored dictionaries (``Store.raw``): validating 100,000 claims
with pydantic would take seconds, and the list only needs a handful of fields. Filtering,
sorting and searching never copy rows: a `RowView` is a list of indexes into the `RowModel`.
Search keys and outlet sets are built on first use, so opening a big store does not pay for them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from factcheck.core.memory import collector_paused
from factcheck.core.readmodel import ClaimRow, claim_row
from factcheck.core.review import is_reviewed
from factcheck.core.store import Store
from factcheck.tui.text import fold, one_line

ROW_TEXT_LIMIT = 240
"""Characters of claim wording kept per row (a list line never shows more)."""
PASSAGE_KEY_LIMIT = 600
"""Characters of each passage a search reads."""

SORTS: dict[str, str] = {
    "score": "check-worthiness",
    "kind": "kind",
    "outlets": "most outlets",
    "conflicts": "conflicts first",
    "unreviewed": "unreviewed first",
}
"""Sort orders of the claim list: key -> what the reviewer sees."""


@dataclass(frozen=True)
class ListFilter:
    """Which claims the list shows."""

    kind: str | None = None
    outlet: str | None = None
    story: str | None = None
    """A story id: only the claims tracked in that story."""
    verdict: str | None = None
    """A verdict key, ``"none"`` for claims without a verdict, or None for any."""
    conflicts_only: bool = False
    unreviewed_only: bool = False

    def describe(self) -> str:
        """A short summary for the status line (empty when nothing is filtered)."""
        parts = [p for p in (self.kind, self.outlet and f"outlet {self.outlet}",
                             self.story and f"story {self.story}",
                             self.verdict and f"verdict {self.verdict}") if p]
        if self.conflicts_only:
            parts.append("conflicts")
        if self.unreviewed_only:
            parts.append("unreviewed")
        return ", ".join(parts)


@cache
def _pronouns() -> frozenset[str]:
    from factcheck.core.text.lang import compiled
    from factcheck.core.text.languages import languages

    return frozenset(p for code in languages() for p in compiled(code).pronouns)


def row_text(doc: Mapping[str, Any]) -> str:
    """A claim's wording as the list shows it: a sentence that opens with a pronoun ("Dia juga
    mengatakan...", "He said...") names its speaker instead (or, for what is not a statement,
    whom the sentences before name: "Ia juga sempat melintasi..."), so a list of claims can be
    read without opening each one."""
    text = one_line(doc.get("text", ""), ROW_TEXT_LIMIT)
    norm = doc.get("normalized") or {}
    who = one_line(norm.get("speaker") or norm.get("subject"), 60)
    first, _, rest = text.partition(" ")
    if who and rest and first.lower().strip(",") in _pronouns():
        return f"{who} {rest}"
    return text


def search_key(doc: Mapping[str, Any], passages: Mapping[str, Any] | None = None,
               sources: Mapping[str, Any] | None = None) -> str:
    """What a search matches in a claim, folded: its wording, subject, speaker and value, and
    the text and outlet of each of its passages (so ``/50`` finds "about 50 missiles" wherever
    an outlet wrote it)."""
    norm = doc.get("normalized") or {}
    extra = " ".join(str(norm.get(k) or "") for k in ("subject", "speaker", "value"))
    parts = [one_line(doc.get("text"), ROW_TEXT_LIMIT), one_line(extra, 200)]
    seen: set[str] = set()  # passages and outlets each read once
    outlets: set[str] = set()
    for item in doc.get("evidence") or ():
        if not isinstance(item, Mapping):
            continue
        pid, sid = str(item.get("passage_id", "")), str(item.get("source_id", ""))
        if passages is not None and pid not in seen:
            seen.add(pid)
            parts.append(one_line((passages.get(pid) or {}).get("text"), PASSAGE_KEY_LIMIT))
        if sources is not None and sid not in outlets:
            outlets.add(sid)
            parts.append(one_line((sources.get(sid) or {}).get("outlet"), 60))
    return fold(" ".join(p for p in parts if p))


def search_keys(store: Store, claims: Sequence[tuple[str, Mapping[str, Any]]]) -> list[str]:
    """The `search_key` of each claim, given as (id, its `listing` or stored document): the
    stored claim is read for its passages. A big store's corpus is read per source
    (`Store.corpus_of`): claims are taken story by story, so the sources a story's claims
    share are read once, and no claim or passage text is held beyond its key."""
    sources = store.raw("sources")
    stored = store.raw("claims")
    keys = [""] * len(claims)
    for at in sorted(range(len(claims)), key=lambda i: str(claims[i][1].get("story_id") or "")):
        cid, listed = claims[at]
        doc = stored.get(cid) or listed
        held = {str(e.get("source_id", "")) for e in doc.get("evidence") or ()
                if isinstance(e, Mapping)}
        keys[at] = search_key(doc, store.corpus_of("passages", held), sources)
    return keys


LISTED = ("kind", "text", "normalized", "score", "outlets", "origins", "story_id", "disputed",
          "conflicts")
"""What the claim list reads of a stored claim (`listing`)."""


def listing(doc: Mapping[str, Any]) -> Mapping[str, Any]:
    """What the claim list keeps of a stored claim (`LISTED`: not its evidence, which is most
    of it: at 100,000 claims the stored documents took some 350 MB). The rest is read again
    when a claim is opened, searched or filtered by outlet. A claim read without its evidence
    (`Store.sound_heads`) is kept as it is."""
    if "evidence" not in doc:
        return doc
    return {key: doc[key] for key in LISTED if key in doc}


class RowModel:
    """Every tracked claim of a store, kept in step with the store.

    Building it reads each claim and review once, keeping what the list needs (`listing`),
    the verdicts and which claims are reviewed; a `ClaimRow` is made when a line is drawn.
    """

    def __init__(self, store: Store) -> None:
        self.store = store
        self.ids: list[str] = []
        self.docs: list[Mapping[str, Any]] = []
        """The `listing` of each claim."""
        self.index: dict[str, int] = {}
        self.reviewed_ids: set[str] = set()
        self.verdicts: dict[str, str] = {}
        self.generation = 0
        """Bumped on every change, so views know to sort again."""
        self._search_keys: list[str] | None = None
        self._outlets: list[frozenset[str]] | None = None
        self.story_titles: dict[str, str] = {}
        self.several_stories = False
        """Whether the claims belong to more than one story (the list then names each one's)."""
        self.reload()

    def reload(self) -> None:
        """Rebuild from the store."""
        ids: list[str] = []
        docs: list[Mapping[str, Any]] = []
        with collector_paused():
            for cid, doc in self.store.sound_heads("claims"):
                ids.append(cid)
                docs.append(listing(doc))
            self.ids, self.docs = ids, docs
            self.index = dict(zip(ids, range(len(ids)), strict=True))
            self.reviewed_ids, self.verdicts = set(), {}
            for cid, review in self.store.sound_heads("reviews"):  # one pass for both
                verdict = review.get("verdict")
                if isinstance(verdict, dict):
                    self.verdicts[cid] = str(verdict.get("label"))
                at = self.index.get(cid)
                if at is not None and is_reviewed(docs[at], review):
                    self.reviewed_ids.add(cid)
        self.story_titles = {sid: one_line(doc.get("title") or sid, 50)
                             for sid, doc in self.store.raw("stories").items()}
        held = {doc.get("story_id") for doc in self.docs}
        self.several_stories = len(held - {None}) > 1
        self._search_keys = None
        self._outlets = None
        self.generation += 1

    def update(self, claim_ids: Iterable[str]) -> bool:
        """Re-read the given claims (after a change); True when claims appeared or vanished."""
        for cid in claim_ids:
            doc = self.store.sound_doc("claims", cid)
            at = self.index.get(cid)
            if (doc is None) != (at is None):
                self.reload()
                return True
            if doc is None or at is None:
                continue
            self.docs[at] = listing(doc)
            review = self.store.sound_doc("reviews", cid)
            self.reviewed_ids.discard(cid)
            if is_reviewed(doc, review):
                self.reviewed_ids.add(cid)
            verdict = (review or {}).get("verdict")
            if isinstance(verdict, dict):
                self.verdicts[cid] = str(verdict.get("label"))
            else:
                self.verdicts.pop(cid, None)
            if self._search_keys is not None:
                self._search_keys[at] = search_keys(self.store, [(cid, doc)])[0]
            if self._outlets is not None:
                self._outlets[at] = self._outlets_of(doc)
        if len(self.store.raw("claims")) != len(self.ids):
            self.reload()
            return True
        self.generation += 1
        return False

    def __len__(self) -> int:
        return len(self.ids)

    def row(self, at: int) -> ClaimRow:
        """The row of the claim at index ``at``."""
        doc, cid = self.docs[at], self.ids[at]
        return claim_row(cid, doc, verdict=self.verdicts.get(cid),
                         reviewed=cid in self.reviewed_ids, text=row_text(doc),
                         story=self.story_titles.get(str(doc.get("story_id")), ""))

    def get(self, claim_id: str) -> ClaimRow | None:
        """The row of one claim."""
        at = self.index.get(claim_id)
        return None if at is None else self.row(at)

    @property
    def reviewed(self) -> int:
        """How many claims are reviewed (a verdict, or every passage marked)."""
        return sum(1 for cid in self.reviewed_ids if cid in self.index)

    def stories(self) -> list[tuple[str, str]]:
        """(title, id) of the stories that hold claims, the largest first."""
        sizes: dict[str, int] = {}
        for doc in self.docs:
            story = doc.get("story_id")
            if isinstance(story, str):
                sizes[story] = sizes.get(story, 0) + 1
        return [(f"{self.story_titles.get(sid, sid)} ({n})", sid)
                for sid, n in sorted(sizes.items(), key=lambda kv: (-kv[1], kv[0]))]

    def kinds(self) -> list[str]:
        """Claim kinds present."""
        return sorted({str(doc.get("kind", "other")) for doc in self.docs})

    def outlet_names(self) -> list[str]:
        """Outlets of the current sources."""
        names = {one_line(doc.get("outlet") or doc.get("file"), 60)
                 for doc in self.store.raw("sources").values() if not doc.get("superseded_by")}
        return sorted(n for n in names if n)

    # Lazily built indexes ------------------------------------------------------------------
    def search_keys(self) -> list[str]:
        """Folded text of each claim (built on first search, or by a worker beforehand)."""
        if self._search_keys is None:
            self._search_keys = search_keys(self.store, self.listed())
        return self._search_keys

    def listed(self) -> list[tuple[str, Mapping[str, Any]]]:
        """(id, `listing`) of every claim, for `search_keys`."""
        return list(zip(self.ids, self.docs, strict=True))

    def set_search_keys(self, keys: list[str], generation: int) -> None:
        """Use search keys made by a worker (ignored when the rows changed since)."""
        if generation == self.generation and len(keys) == len(self.docs):
            self._search_keys = keys

    def _outlets_of(self, doc: Mapping[str, Any],
                    names: dict[str, str] | None = None) -> frozenset[str]:
        """A claim's outlet names (``names``: the outlet of each source met so far, so each
        source is read once in a pass over every claim)."""
        sources = self.store.raw("sources")
        names = {} if names is None else names
        found = set()
        for e in doc.get("evidence") or ():
            if not isinstance(e, Mapping):
                continue
            sid = str(e.get("source_id", ""))
            name = names.get(sid)
            if name is None:
                source = sources.get(sid) or {}
                name = names[sid] = one_line(source.get("outlet") or source.get("file"), 60)
            found.add(name)
        return frozenset(found)

    def outlets(self) -> list[frozenset[str]]:
        """Outlet names of each claim (built on first outlet filter)."""
        if self._outlets is None:
            names: dict[str, str] = {}
            stored = self.store.raw("claims")
            self._outlets = [self._outlets_of(stored.get(cid) or doc, names)
                             for cid, doc in zip(self.ids, self.docs, strict=True)]
        return self._outlets


def _order(model: RowModel, sort: str) -> list[int]:
    """Indexes of the model's claims in ``sort`` order (ties keep the store's order)."""
    docs, ids = model.docs, model.ids
    scores = [-float(d.get("score") or 0.0) for d in docs]
    order = sorted(range(len(docs)), key=scores.__getitem__)
    if sort == "kind":
        kinds = [str(d.get("kind", "")) for d in docs]
        order.sort(key=kinds.__getitem__)
    elif sort == "outlets":
        outlets = [-(int(d.get("outlets") or 0) * 1000 + int(d.get("origins") or 0))
                   for d in docs]
        order.sort(key=outlets.__getitem__)
    elif sort == "conflicts":
        order.sort(key=lambda i: not (docs[i].get("conflicts") or docs[i].get("disputed")))
    elif sort == "unreviewed":
        done = model.reviewed_ids
        order.sort(key=lambda i: ids[i] in done)
    return order


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

    def row(self, position: int) -> ClaimRow:
        """The row shown at ``position``."""
        return self.model.row(self.indexes[position])

    def position_of(self, claim_id: str | None) -> int | None:
        """Where a claim is shown, or None."""
        at = self.model.index.get(claim_id or "")
        if at is None:
            return None
        try:
            return self.indexes.index(at)
        except ValueError:
            return None

    def is_reviewed(self, position: int) -> bool:
        """Whether the claim shown at ``position`` is reviewed."""
        return self.model.ids[self.indexes[position]] in self.model.reviewed_ids

    def invalidate(self) -> None:
        """Forget the sort order (after claims appeared or vanished) and recompute."""
        self._order = None
        self.recompute()

    def recompute(self) -> None:
        """Apply sort, filter and search."""
        model = self.model
        docs, ids = model.docs, model.ids
        if self._order is None:
            self._order = _order(model, self.sort)
        result = self._order
        flt = self.filter
        if flt.kind:
            result = [i for i in result if docs[i].get("kind") == flt.kind]
        if flt.story:
            result = [i for i in result if docs[i].get("story_id") == flt.story]
        if flt.verdict:
            wanted = None if flt.verdict == "none" else flt.verdict
            result = [i for i in result if model.verdicts.get(ids[i]) == wanted]
        if flt.conflicts_only:
            result = [i for i in result if docs[i].get("conflicts") or docs[i].get("disputed")]
        if flt.unreviewed_only:
            result = [i for i in result if ids[i] not in model.reviewed_ids]
        if flt.outlet:
            outlets = model.outlets()
            result = [i for i in result if flt.outlet in outlets[i]]
        if self.exclude:
            result = [i for i in result if ids[i] not in self.exclude]
        needle = fold(self.search)
        if needle:
            keys = self.model.search_keys()
            result = [i for i in result if needle in keys[i]]
        self.indexes = list(result)

    def set_sort(self, sort: str) -> None:
        """Change the sort order."""
        self.sort = sort if sort in SORTS else "score"
        self.invalidate()
