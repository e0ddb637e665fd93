"""The read model: one typed view of a tracked claim in context, and of a listing row.

Every reader of claims (``factcheck claims``/``show``, the TUI's panes and claim list, every
report format) works on these types; this module is the one place that turns the stored
dictionaries (``Store.raw``, ``Store.sound``, ``Store.sound_doc``) into them.

* `ClaimView`: a claim with its normalized reading, conflicts, verdict, notes and passages.
* `PassageView`: one passage of a claim in context: its source's outlet, file, title and date,
  offsets, role, text, the article's text around it, the span of the claim's words, how it was
  linked, the suggested stance and every reviewer's mark.
* `ClaimRow`: what a listing shows of a claim (one line).

Builders: `claim_view` (one claim, for reading it: the article's text around each passage and
the claim's words are read from its sources alone), `claim_views` (many claims for a report:
each table is read once, so a 10,000-claim store is gathered in well under a second) and
`claim_rows` (a listing).

The views are frozen dataclasses rather than pydantic models: building 100,000 of them must
cost little, and they are never parsed from outside (the JSON export validates its own schema,
`factcheck.core.report.json_out`). Damaged documents never stop a reader: `Store.sound` leaves a
damaged claim or review out, a passage or source that is gone reads as an empty placeholder
(`PassageView.missing`), and items of ``evidence`` that are not objects are skipped.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from pydantic import ValidationError

from factcheck.core.models import Slot, review_rows
from factcheck.core.review import is_reviewed
from factcheck.core.store import Store
from factcheck.core.timeline import Timeline, figure_timeline
from factcheck.core.values import reading
from factcheck.settings import VerdictOption, reviewer_name

CONTEXT_CHARS = 160
"""Characters of the article shown before and after a passage (`PassageView.before`)."""

WHOLE_CORPUS_FROM = 500
"""A report on claims from more sources than this reads the whole corpus once; on fewer, only
their sources' part."""

Neighbours = Callable[[str, int], tuple[str | None, str | None]]
"""(source id, passage start) -> ids of the passages just before and after it in the article."""

MarkOrder = Mapping[tuple[str, str, str], str]
"""(claim, review key, reviewer) -> id of the latest mark change (ids are time-ordered)."""


@lru_cache(maxsize=4096)
def _shown(text: str) -> str:
    try:
        return reviewer_name(text)
    except ValueError:
        return text.encode("ascii", "backslashreplace").decode("ascii") or "(no name)"


def shown_name(name: Any) -> str:
    """A stored reviewer name as reports show and count it: the spelling `reviewer_name` gives
    (names stored before it existed: "alice " and "ali\u200bce" are "alice"); a name it
    refuses (mixed alphabets) is shown with its odd letters escaped, so it never passes for
    another reviewer."""
    return _shown(str(name or ""))  # a desk has a handful of names, marked thousands of times


@dataclass(frozen=True, slots=True)
class MarkView:
    """One reviewer's mark on a passage."""

    reviewer: str
    """The reviewer's name as the review stores it."""
    stance: str
    at: str
    """When the mark was made (ISO 8601, UTC)."""

    @property
    def shown_reviewer(self) -> str:
        """The reviewer's name as reports show and count it (`shown_name`)."""
        return shown_name(self.reviewer)


@dataclass(frozen=True, slots=True)
class NoteView:
    """A reviewer's note on a claim, or on one passage of it."""

    id: str
    text: str
    author: str
    """The author's name as the review stores it."""
    at: str
    passage_id: str | None
    stored: Mapping[str, Any] = field(default_factory=dict, compare=False, repr=False)
    """The note as stored (`factcheck show --json` prints it as it is)."""

    @property
    def shown_author(self) -> str:
        """The author's name as reports show and count it (`shown_name`)."""
        return shown_name(self.author)


@dataclass(frozen=True, slots=True)
class VerdictView:
    """A claim's verdict, with its label and rating in the verdict scale when one was given."""

    label: str
    """Key of the verdict scale."""
    label_text: str
    """The label in the asked language (the key itself when the scale does not know it)."""
    rating: int | None
    """ClaimReview rating of the label (1 worst to 5 best); None for a label not in the scale."""
    explanation: str
    reviewer: str
    """The reviewer's name as stored."""
    at: str
    stored: Mapping[str, Any] = field(default_factory=dict, compare=False, repr=False)
    """The verdict as stored: what a reviewer saw, passed as ``seen`` to `set_verdict`."""

    @property
    def shown_reviewer(self) -> str:
        """The reviewer's name as reports show and count it (`shown_name`)."""
        return shown_name(self.reviewer)


@dataclass(frozen=True, slots=True)
class ConflictView:
    """Passages of a claim that appear to disagree."""

    passages: tuple[str, ...]
    kind: str
    reason: str
    stored: Mapping[str, Any] = field(default_factory=dict, compare=False, repr=False)
    """The conflict as stored (with each side's value)."""


@dataclass(frozen=True, slots=True)
class PassageView:
    """One passage of a tracked claim, in context (one review row, see `review_rows`)."""

    id: str
    """The passage id."""
    source_id: str
    key: str
    """The row's review key: the passage id, or the passage id marked as the mention that
    reports a denial the same sentence also asserts."""
    mention_id: str
    outlet: str | None
    """The source's outlet as stored (None when unknown)."""
    file: str | None
    """The ingested file's name (None when the source is gone)."""
    title: str | None
    published: str | None
    start: int
    """Offset of the first character in the cleaned article text."""
    end: int
    text: str
    """The passage exactly as it stands in the cleaned article."""
    role: str
    link: str
    """How the passage came to be part of the claim (``auto``, ``suggested``, ``confirmed``...)."""
    score: float
    """Similarity to the claim when it was linked."""
    suggested_stance: str
    """The tool's suggestion (never a reviewer's word)."""
    polarity: str
    """``denied`` for the row of a sentence that reports the claim's denial."""
    origin: str | None
    """Key of the independent origin this passage echoes."""
    marks: tuple[MarkView, ...]
    """Every reviewer's mark, oldest first (ties broken by the change log when the builder
    read it), so the last is the effective stance."""
    by_reviewer: Mapping[str, str]
    """Reviewer (as stored) -> stance, in the review's own order."""
    before: str = ""
    after: str = ""
    """The article's text just before and after the passage (read by `claim_view` only)."""
    words: tuple[int, int] | None = None
    """Span of the claim's words within `text` (None when the builder read no mentions)."""
    previous: str = ""
    following: str = ""
    """The neighbouring passages of the same article (when the builder was given them)."""
    missing: bool = False
    """The passage document is gone (a dangling reference `factcheck doctor` reports): the view
    is a placeholder with an empty text."""

    @property
    def stance(self) -> str | None:
        """The effective stance: the most recent mark; None when nobody marked the passage."""
        return self.marks[-1].stance if self.marks else None

    @property
    def denied(self) -> bool:
        """This row is the sentence's report of the claim's denial."""
        return self.key != self.id

    @property
    def shown_outlet(self) -> str:
        """The outlet, else the file name, else ``unknown outlet``."""
        return self.outlet or self.file or "unknown outlet"


@dataclass(frozen=True, slots=True)
class ClaimView:
    """One tracked claim in context: everything reviewers and the tool said about it."""

    id: str
    kind: str
    text: str
    normalized: Mapping[str, Any]
    """The normalized fields as stored (value, unit, speaker, date...)."""
    reading: str
    """The normalized reading in a few words (`factcheck.core.values.reading`), or ``""``."""
    score: float
    outlets: int
    origins: int
    disputed: bool
    reviewed: bool
    """Has a verdict (`factcheck.core.review.is_reviewed`)."""
    story: str | None
    """Id of the claim's story."""
    conflicts: tuple[ConflictView, ...]
    verdict: VerdictView | None
    notes: tuple[NoteView, ...]
    passages: tuple[PassageView, ...]
    timeline: Timeline | None = None
    """What each outlet reported of a tracked quantity over time (when the builder was asked)."""

    def conflicts_of(self, passage_id: str) -> tuple[ConflictView, ...]:
        """The conflicts ``passage_id`` takes part in."""
        return tuple(c for c in self.conflicts if passage_id in c.passages)

    def notes_on(self, passage_id: str | None) -> tuple[NoteView, ...]:
        """Notes on one passage (``None``: notes on the whole claim)."""
        return tuple(n for n in self.notes if n.passage_id == passage_id)

    def by_outlet(self) -> list[tuple[str, list[PassageView]]]:
        """Passages grouped by `PassageView.shown_outlet`, outlets in order of appearance."""
        groups: dict[str, list[PassageView]] = {}
        for passage in self.passages:
            groups.setdefault(passage.shown_outlet, []).append(passage)
        return list(groups.items())


@dataclass(frozen=True, slots=True, kw_only=True)
class ClaimRow:
    """One line of a claim listing (``factcheck claims``, the TUI's claim list)."""

    id: str
    kind: str
    text: str
    """The claim's wording as the listing shows it."""
    outlets: int
    origins: int
    conflicts: int
    disputed: bool
    verdict: str | None
    """The verdict's key, None without one."""
    reviewed: bool
    score: float
    story: str = ""
    """The title of the claim's story (empty when it has none or the listing does not say)."""
    value: str = ""
    """The normalized value in a few words (``11 dead``, a date), or empty."""
    speaker: str = ""
    source_ids: tuple[str, ...] = ()
    outlet_names: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        """The JSON form ``factcheck claims --json`` prints (without the story)."""
        return {
            "id": self.id, "kind": self.kind, "text": self.text, "value": self.value,
            "speaker": self.speaker, "outlets": self.outlets, "origins": self.origins,
            "conflicts": self.conflicts, "disputed": self.disputed, "verdict": self.verdict,
            "reviewed": self.reviewed, "score": self.score,
            "source_ids": list(self.source_ids), "outlet_names": list(self.outlet_names),
        }


# Builders ----------------------------------------------------------------------------------


def claim_view(store: Store, claim_id: str, *, context: bool = True,
               neighbours: Neighbours | None = None, timeline: bool = False,
               scale: Mapping[str, VerdictOption] | None = None,
               lang: str = "en") -> ClaimView | None:
    """One claim in context, or None when there is no such (sound) claim.

    Reads the claim's own sources only: their passages and mentions (`Store.corpus_of`) and,
    with ``context``, their text (`Store.source_text`). A passage or source that is gone reads
    as a placeholder (`PassageView.missing`).

    Args:
        store: The store.
        claim_id: The claim.
        context: Read the article's text before and after each passage.
        neighbours: Where to find the passages next to each passage (the TUI's index).
        timeline: Also make the figure timeline of a tracked quantity.
        scale: The verdict scale by key (labels and ratings); the key stands for itself without.
        lang: Language of the verdict's label.
    """
    doc = store.sound_doc("claims", claim_id)
    if doc is None:
        return None
    review = store.sound_doc("reviews", claim_id) or {}
    items = review_rows(doc.get("evidence", ()))
    source_ids = list(dict.fromkeys(str(e.get("source_id", "")) for _, e in items))
    passages = store.corpus_of("passages", source_ids)
    mentions = store.corpus_of("mentions", source_ids)
    sources = store.raw("sources")
    texts: dict[str, str] = {}
    views = []
    for key, item in items:
        view = _passage(claim_id, key, item, review, passages, sources, {}, mentions)
        if context and not view.missing:
            text = texts.get(view.source_id)
            if text is None:
                text = texts[view.source_id] = store.source_text(view.source_id)
            view = replace(view, before=text[max(0, view.start - CONTEXT_CHARS):view.start],
                            after=text[view.end:view.end + CONTEXT_CHARS])
        if neighbours is not None:
            prev_id, next_id = neighbours(view.source_id, view.start)
            view = replace(view, previous=_text_of(passages, prev_id),
                            following=_text_of(passages, next_id))
        views.append(view)
    made = figure_timeline(doc, mentions, sources, review.get("marks")) if timeline else None
    return _claim(claim_id, doc, review, tuple(views), scale or {}, lang, made)


FEW_CLAIMS = 64
"""Up to this many claims, `claim_views` reads each by id; more, in one pass over the store."""


def claim_views(store: Store, claim_ids: Collection[str] | None = None, *,
                scale: Mapping[str, VerdictOption] | None = None, lang: str = "en",
                timelines: bool = False) -> list[ClaimView]:
    """Many claims for a report, each table read once; in the store's order.

    Dangling passages (`PassageView.missing`) are left out: a report quotes what is there.

    Args:
        store: The store.
        claim_ids: Only these claims (every sound claim when None).
        scale: The verdict scale by key (labels and ratings).
        lang: Language of the verdicts' labels.
        timelines: Also make the figure timeline of each tracked quantity.
    """
    chosen: list[tuple[str, dict[str, Any]]]
    reviews: Mapping[str, dict[str, Any]]
    if claim_ids is None or len(claim_ids) > FEW_CLAIMS:  # one pass over each table
        chosen = [(cid, doc) for cid, doc in store.sound_items("claims")
                  if claim_ids is None or cid in claim_ids]
        reviews = store.sound("reviews")
    else:  # only these are read (a big store's claims are parsed when read)
        wanted = set(claim_ids)
        found = ((cid, store.sound_doc("claims", cid)) for cid in store.raw("claims")
                 if cid in wanted)
        chosen = [(cid, doc) for cid, doc in found if doc is not None]
        reviews = {cid: review for cid, _ in chosen
                   if (review := store.sound_doc("reviews", cid)) is not None}
    order = mark_order(store) if reviews else {}
    held = {str(e.get("source_id", "")) for _, doc in chosen for e in doc.get("evidence", ())}
    stored = store.raw("sources")
    sources = {sid: doc for sid in held if (doc := stored.get(sid)) is not None}  # read once
    if len(held) > WHOLE_CORPUS_FROM:  # one read of the whole corpus
        passages, every_mention, _ = store.whole_corpus()
    else:
        passages = store.corpus_of("passages", held)
        every_mention = None
    mentions: Mapping[str, Any] | None = None
    if timelines and any(d.get("kind") == "quantity" for _, d in chosen):
        mentions = (every_mention if every_mention is not None
                    else store.corpus_of("mentions", held))
    views = []
    for cid, doc in chosen:
        review = reviews.get(cid) or {}
        rows = (_passage(cid, key, item, review, passages, sources, order, None)
                for key, item in review_rows(doc.get("evidence", ())))
        made = (figure_timeline(doc, mentions, sources, review.get("marks"))
                if mentions is not None else None)
        views.append(_claim(cid, doc, review, tuple(p for p in rows if not p.missing),
                            scale or {}, lang, made))
    return views


def claim_row(claim_id: str, claim: Mapping[str, Any], *, verdict: str | None,
              reviewed: bool, text: str | None = None, story: str = "",
              sources: Mapping[str, Mapping[str, Any]] | None = None) -> ClaimRow:
    """One claim as a listing row: the one place a row is made (`claim_rows`, the TUI's list).

    Args:
        claim_id: The claim.
        claim: Its stored (sound) document.
        verdict: The key of its verdict, or None.
        reviewed: Whether it counts as reviewed (`is_reviewed`).
        text: The wording to show (the stored text when None).
        story: The title of its story, when the listing names stories.
        sources: The stored sources, to name each claim's outlets (none named without).
    """
    norm = claim.get("normalized") or {}
    source_ids: tuple[str, ...] = ()
    outlets: tuple[str, ...] = ()
    if sources is not None:
        source_ids = tuple(dict.fromkeys(e.get("source_id", "")
                                         for e in claim.get("evidence", ())))
        outlets = tuple(dict.fromkeys(_outlet(sources.get(sid) or {}, sid) for sid in source_ids))
    counted = claim.get("outlets")
    return ClaimRow(
        id=claim_id, kind=str(claim.get("kind", "other")),
        text=claim.get("text", "") if text is None else text,
        value=_value(norm), speaker=norm.get("speaker") or "",
        outlets=int(counted) if counted is not None else len(outlets),
        origins=int(claim.get("origins") or 0), conflicts=len(claim.get("conflicts") or ()),
        disputed=bool(claim.get("disputed")), verdict=verdict, reviewed=reviewed,
        score=float(claim.get("score") or 0.0), story=story,
        source_ids=source_ids, outlet_names=outlets,
    )


def claim_rows(store: Store) -> list[ClaimRow]:
    """Every tracked claim as a listing row, best (highest score) first."""
    sources = store.raw("sources")
    reviews = store.sound("reviews")
    rows = []
    for claim_id, claim in store.sound("claims").items():
        review = reviews.get(claim_id)
        verdict = (review or {}).get("verdict") or {}
        rows.append(claim_row(claim_id, claim, verdict=verdict.get("label"),
                              reviewed=is_reviewed(claim, review), sources=sources))
    rows.sort(key=lambda r: (-r.score, -r.outlets, r.id))
    return rows


def mark_order(store: Store) -> dict[tuple[str, str, str], str]:
    """(claim, review key, reviewer) -> id of the latest mark change (ids are time-ordered)."""
    latest: dict[tuple[str, str, str], str] = {}
    for cid, change in store.raw("changes").items():
        if change.get("what") != "mark":
            continue
        key = (change.get("target", ""), change.get("detail", ""), change.get("who", ""))
        if cid > latest.get(key, ""):
            latest[key] = cid
    return latest


# Pieces ------------------------------------------------------------------------------------


def _text_of(passages: Mapping[str, Mapping[str, Any]], passage_id: str | None) -> str:
    if not passage_id:
        return ""
    return str((passages.get(passage_id) or {}).get("text") or "")


def _passage(claim_id: str, key: str, item: Mapping[str, Any], review: Mapping[str, Any],
             passages: Mapping[str, Mapping[str, Any]], sources: Mapping[str, Any],
             order: MarkOrder, mentions: Mapping[str, Any] | None) -> PassageView:
    pid = str(item.get("passage_id", ""))
    doc = passages.get(pid)
    passage: Mapping[str, Any] = doc or {}
    sid = str(passage.get("source_id") or item.get("source_id", ""))
    source = sources.get(sid) or {}
    stored_marks: Mapping[str, Any] = (review.get("marks") or {}).get(key) or {}
    marks = [MarkView(reviewer=str(who), stance=str(m.get("stance", "")), at=str(m.get("at", "")))
             for who, m in stored_marks.items()]
    if len(marks) > 1:
        marks.sort(key=lambda m: (m.at, order.get((claim_id, key, m.shown_reviewer), "")))
    text = str(passage.get("text", ""))
    start, end = int(passage.get("start", 0)), int(passage.get("end", 0))
    words: tuple[int, int] | None = None
    if mentions is not None:
        mention = mentions.get(str(item.get("mention_id", ""))) or {}
        first = max(0, int(mention.get("start", start)) - start)
        last = min(len(text), int(mention.get("end", start + len(text))) - start)
        words = (first, last) if last > first else (0, len(text))
    return PassageView(
        id=pid, source_id=sid, key=key, mention_id=str(item.get("mention_id", "")),
        outlet=source.get("outlet"), file=source.get("file") if source else None,
        title=source.get("title"), published=source.get("published"),
        start=start, end=end, text=text, role=str(passage.get("role", "body")),
        link=str(item.get("link", "auto")), score=float(item.get("score", 1.0)),
        suggested_stance=str(item.get("suggested_stance", "supports")),
        polarity=str(item.get("polarity", "asserted")), origin=item.get("origin"),
        marks=tuple(marks),
        by_reviewer={str(who): str(m.get("stance", "")) for who, m in stored_marks.items()},
        words=words, missing=doc is None,
    )


def _claim(cid: str, doc: Mapping[str, Any], review: Mapping[str, Any],
           passages: tuple[PassageView, ...], scale: Mapping[str, VerdictOption], lang: str,
           timeline: Timeline | None) -> ClaimView:
    normalized = dict(doc.get("normalized") or {})
    stored = review.get("verdict")
    verdict = None
    if stored:
        label = str(stored.get("label", ""))
        option = scale.get(label)
        verdict = VerdictView(
            label=label, label_text=option.label(lang) if option else label,
            rating=option.rating if option else None,
            explanation=str(stored.get("explanation", "")),
            reviewer=str(stored.get("reviewer", "")), at=str(stored.get("at", "")),
            stored=stored)
    return ClaimView(
        id=cid,
        kind=str(doc.get("kind", "other")),
        text=str(doc.get("text", "")),
        normalized=normalized,
        reading=_reading(doc.get("slot"), normalized.get("speaker")),
        score=float(doc.get("score") or 0.0),
        outlets=int(doc.get("outlets") or 0),
        origins=int(doc.get("origins") or 0),
        disputed=bool(doc.get("disputed", False)),
        reviewed=is_reviewed(doc, review),
        story=doc.get("story_id"),
        conflicts=tuple(ConflictView(passages=tuple(c.get("passages", ())),
                                     kind=str(c.get("kind", "")), reason=str(c.get("reason", "")),
                                     stored=c)
                        for c in doc.get("conflicts") or ()),
        verdict=verdict,
        notes=tuple(NoteView(id=str(n.get("id", "")), text=str(n.get("text", "")),
                             author=str(n.get("author", "")), at=str(n.get("at", "")),
                             passage_id=n.get("passage_id"), stored=n)
                    for n in review.get("notes", ())),
        passages=passages,
        timeline=timeline,
    )


def _reading(slot: Any, speaker: Any) -> str:
    if not isinstance(slot, dict):
        return ""
    try:
        return reading(Slot.model_validate(slot), speaker if isinstance(speaker, str) else None)
    except ValidationError:
        return ""  # a damaged slot: `factcheck doctor` reports it; the sentence still reads


def _outlet(source: Mapping[str, Any], source_id: str) -> str:
    return str(source.get("outlet") or source.get("file") or source_id)


def _value(norm: Mapping[str, Any]) -> str:
    value = norm.get("value")
    if value is None:
        return str(norm.get("date") or "")
    text = f"{value:g}" if isinstance(value, float) else str(value)
    if norm.get("unit"):
        text += f" {norm['unit']}"
    if norm.get("approximate"):
        text = f"{norm['approximate']} {text}"
    return text
