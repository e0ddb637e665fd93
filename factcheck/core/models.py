"""The data model of factcheck: what is stored, exported and shown.

Two kinds of records live in a store:

* machine output, rebuilt by the pipeline: `Source` (one version of one article), `Passage` (a
  citable sentence, headline or caption of a source), `Mention` (a check-worthy claim as one
  article states it) and `Claim` (a tracked claim: the mentions of every outlet that state the
  same fact, with suggested stances and conflict flags);
* reviewer work, never rewritten by the pipeline: `Review` (marks, verdict and notes on one
  tracked claim), `LinkDecision` (a reviewer's word on which claim a mention belongs to) and
  `Change` (the change log).

Values are frozen pydantic models, changed with ``model_copy(update=...)``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = 1
"""Version of the stored layout; bumped with a migration in `factcheck.core.store.migrations`."""


def utcnow() -> str:
    """Return the current time as an ISO 8601 string in UTC, to the second."""
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


class Value(BaseModel):
    """Base for the frozen value models."""

    model_config = ConfigDict(frozen=True, extra="forbid", allow_inf_nan=False)


class Role(StrEnum):
    """Where a passage stands in its article."""

    BODY = "body"
    HEADLINE = "headline"
    CAPTION = "caption"


class Kind(StrEnum):
    """What sort of check-worthy statement a claim is."""

    QUANTITY = "quantity"
    TIME = "time"
    EVENT = "event"
    QUOTE = "quote"
    ATTRIBUTION = "attribution"
    DENIAL = "denial"
    OTHER = "other"


class Polarity(StrEnum):
    """Whether a mention asserts its content or reports it being denied."""

    ASSERTED = "asserted"
    DENIED = "denied"


class Stance(StrEnum):
    """How a passage relates to a tracked claim (suggested by the tool or marked by a reviewer)."""

    SUPPORTS = "supports"
    CONTRADICTS = "contradicts"
    DENIAL = "denial"
    """The passage reports that someone denies the claim."""
    MENTIONS = "mentions"
    """The passage states the claim's subject without taking a side (suggestions only)."""
    UNRELATED = "unrelated"
    """A reviewer's word that the passage is not about this claim."""


class LinkState(StrEnum):
    """How a mention came to be part of a tracked claim."""

    AUTO = "auto"
    """Joined automatically: similarity above the high threshold."""
    SUGGESTED = "suggested"
    """Between the thresholds: waits for a reviewer to confirm or reject."""
    CONFIRMED = "confirmed"
    """A reviewer confirmed a suggestion or linked the mention by hand."""


class ConflictKind(StrEnum):
    """The reason two passages of one tracked claim appear to disagree."""

    NUMBER = "number"
    DATE = "date"
    DENIAL = "denial"
    INTERNAL = "internal"
    """Two passages of one article disagree with each other."""
    STATUS = "status"
    """Two passages give incompatible states ("subsidised" / "not subsidised", a level)."""
    UPDATE = "update"
    """A later figure of a count still under way (casualties, a tally): not a contradiction,
    but shown beside the earlier figure."""


class Bound(StrEnum):
    """How a figure is hedged: which values it allows."""

    EXACT = "exact"
    ABOUT = "about"
    AT_LEAST = "at least"
    MORE_THAN = "more than"
    AT_MOST = "up to"
    LESS_THAN = "less than"
    NEARLY = "nearly"
    """Read as an upper bound ("nearly 60 %" allows 57.7 %)."""


class Slot(Value):
    """What a mention is about, read once from its text in a language-neutral form.

    Linking compares slots instead of re-reading words: two mentions in one story with the same
    slot state the same fact, whatever the wording or language, and their values say whether
    the outlets agree.
    """

    kind: Kind
    measure: str | None = None
    """What a figure counts or measures, as a concept key of the news vocabulary
    (``dead``, ``missing``, ``price``, ``vote_share``...)."""
    measure_guessed: bool = False
    """The measure is not said beside the figure but taken from the sentence before ("... the
    price changes. Pertalite from Rp 7.600 to Rp 10.000"): a clash with it does not veto."""
    unit: str | None = None
    """The unit as a canonical key (``people``, ``percent``, ``idr``, ``km``, ``seconds``...)."""
    value: float | None = None
    """The figure in ``unit`` (the low end of a range)."""
    high: float | None = None
    """The high end of a range ("between 18 seconds and 4 minutes")."""
    bound: Bound = Bound.EXACT
    step: float | None = None
    """The last stated digit of the figure as a value (``58.6`` -> 0.1, ``96.2 million`` ->
    100,000): two figures agree when they differ by less than the coarser step."""
    subject: str | None = None
    """The key of what or who the figure is about (a named product, party, place)."""
    role: str | None = None
    """``before`` or ``after`` for a figure in a change ("from 7,650 to 10,000")."""
    as_of: str | None = None
    """The ISO date (or date-time) the figure is stated for, where the text gives one."""
    date: str | None = None
    """For a time claim: the ISO date (or date-time) it states."""
    event: str | None = None
    """The concept key of the event a date, an attribution or a denial is about."""
    speaker: str | None = None
    """The canonical key of who says it, for quotes, attributions and denials."""
    polarity: Polarity = Polarity.ASSERTED
    running: bool = False
    """A count still under way (casualties, a vote tally): a later, different figure is an
    update rather than a contradiction."""
    terms: list[str] = Field(default_factory=list)
    """Language-neutral content keys of the clause (concepts, names, rare words)."""


class Source(Value):
    """One version of one ingested article."""

    id: str
    """Stable id: derived from the sha256 of the raw bytes."""
    file: str
    """The ingested file's name (the article's origin)."""
    path: str = ""
    """The path the file was ingested from, as given."""
    version: int = 1
    """1 for the first ingest of this origin, then 2, 3... for changed files."""
    superseded_by: str | None = None
    """Id of the newer version of this article, if one was ingested."""
    outlet: str | None = None
    title: str | None = None
    published: str | None = None
    """ISO 8601 date or date-time (with offset where the page gives a time zone)."""
    updated: str | None = None
    byline: dict[str, str] = Field(default_factory=dict)
    """Role -> name: reporter, editor, author, initials..."""
    language: str | None = None
    """ISO 639-1 code: ``id`` or ``en``."""
    url: str | None = None
    credits: list[str] = Field(default_factory=list)
    """Wire services and outlets the page credits ("REUTERS", "TASS", "Dikutip dari Reuters")."""
    sha256: str
    encoding: str = "utf-8"
    text: str
    """The cleaned article text that every offset points into."""
    warnings: list[str] = Field(default_factory=list)
    ingested_at: str = Field(default_factory=utcnow)
    manual: dict[str, str] = Field(default_factory=dict)
    """Fields a person set by hand (field -> who): never overwritten by re-ingest."""


class Passage(Value):
    """A citable unit of a source: one sentence of the body, the headline or a caption."""

    id: str
    source_id: str
    start: int
    """Offset of the first character in ``Source.text``."""
    end: int
    """Offset one past the last character in ``Source.text``."""
    text: str
    """Exactly ``Source.text[start:end]``."""
    role: Role = Role.BODY
    paragraph: int = 0
    """Index of the paragraph (block) the passage belongs to."""


class Normalized(Value):
    """The checkable content of a claim in normalized form."""

    subject: str | None = None
    predicate: str | None = None
    value: float | int | str | None = None
    """A number, an ISO date (``2000-07``, ``2023-09-13``), a duration or a free value."""
    unit: str | None = None
    approximate: str | None = None
    """The hedge as written, normalized: ``about``, ``at least``, ``more than``, ``nearly``."""
    speaker: str | None = None
    polarity: Polarity = Polarity.ASSERTED
    date: str | None = None
    """The date the claim is about (ISO), where the text gives one."""
    relative: str | None = None
    """A relative time expression kept as written when it could not be resolved."""


class Mention(Value):
    """A check-worthy claim as one article states it."""

    id: str
    source_id: str
    passage_id: str
    start: int
    """Offset of the claim's words (a sentence, or a clause of it) in ``Source.text``."""
    end: int
    text: str
    kind: Kind
    normalized: Normalized = Field(default_factory=Normalized)
    score: float = 0.0
    """Check-worthiness in [0, 1]."""
    reasons: list[str] = Field(default_factory=list)
    language: str | None = None
    entities: list[str] = Field(default_factory=list)
    """Canonical names of the people, places and organisations in the claim."""
    slot: Slot | None = None
    """What the mention is about (see `Slot`); None in stores written before slots."""


class ConflictSide(Value):
    """One side of a conflict: what one outlet says, and when."""

    passages: list[str]
    source_id: str
    outlet: str | None = None
    published: str | None = None
    value: str
    """The value as the reviewer reads it: ``11 dead``, ``at least 11``, ``denies``."""


class Conflict(Value):
    """Two or more passages of one tracked claim that appear to disagree."""

    passages: list[str]
    """Ids of the passages involved."""
    kind: ConflictKind
    reason: str
    sides: list[ConflictSide] = Field(default_factory=list)
    """What each side says (each outlet's value, with its publication time)."""


class Evidence(Value):
    """One mention's place in a tracked claim."""

    mention_id: str
    passage_id: str
    source_id: str
    link: LinkState = LinkState.AUTO
    score: float = 1.0
    """Similarity to the claim when it was linked."""
    suggested_stance: Stance = Stance.SUPPORTS
    origin: str | None = None
    """Key of the independent origin (wire service or first outlet) this passage echoes."""
    polarity: Polarity = Polarity.ASSERTED
    """Whether this mention asserts the claim or reports its denial."""



DENIED_SUFFIX = "~denied"
"""Appended to a passage id in review keys for the mention that reports a denial, when the same
sentence also asserts the claim."""


def review_rows(evidence: Iterable[Any]) -> list[tuple[str, Mapping[str, Any]]]:
    """The rows a reviewer marks in one claim, each with its review key (``Review.marks``).

    A row is one passage of the claim; a sentence that asserts the claim and also reports its
    denial is two rows (the passage id, and the passage id with `DENIED_SUFFIX`), each marked
    on its own. Any other passage keeps its id as its key (so marks made before this rule stay
    where they were), and two mentions of one passage with the same polarity are one row.
    Items that are not objects (a damaged document) are skipped.
    """
    items = [e for e in evidence if isinstance(e, Mapping)]
    asserted = {e.get("passage_id") for e in items
                if e.get("polarity", Polarity.ASSERTED.value) == Polarity.ASSERTED.value}
    rows: list[tuple[str, Mapping[str, Any]]] = []
    seen: set[str] = set()
    for item in items:
        pid = str(item.get("passage_id", ""))
        denied = item.get("polarity", Polarity.ASSERTED.value) != Polarity.ASSERTED.value
        key = pid + DENIED_SUFFIX if denied and pid in asserted else pid
        if key not in seen:
            seen.add(key)
            rows.append((key, item))
    return rows


def passage_of_key(key: str) -> str:
    """The passage id of a review key."""
    return key.removesuffix(DENIED_SUFFIX)


class Claim(Value):
    """A tracked claim: one fact, with the passages of every outlet that states it."""

    id: str
    story_id: str | None = None
    """The story (group of articles about one event) the claim belongs to."""
    slot: Slot | None = None
    """The claim's slot: what it is about, in a language-neutral form."""
    kind: Kind
    text: str
    """The claim as worded by its first mention."""
    normalized: Normalized = Field(default_factory=Normalized)
    evidence: list[Evidence] = Field(default_factory=list)
    conflicts: list[Conflict] = Field(default_factory=list)
    score: float = 0.0
    outlets: int = 0
    """How many outlets carry the claim."""
    origins: int = 0
    """How many independent origins those outlets amount to (wire copies and echoes folded)."""
    disputed: bool = False
    """True when one party asserts the claim and another denies it."""


class Story(Value):
    """Articles about the same event, in any language: claims are tracked inside a story."""

    id: str
    title: str
    """A readable name: the most telling words its articles share."""
    sources: list[str] = Field(default_factory=list)
    """Ids of the current sources in the story."""
    keys: list[str] = Field(default_factory=list)
    """The names, places, dates and rare terms that hold the story together."""


class ArticleKeysRecord(Value):
    """What one article is about, as its story keys (`link.stories.ArticleKeys`), kept so that
    placing a new article among thousands does not read every article's mentions again."""

    id: str
    """The source id."""
    of: str
    """What the keys were read from (the format and the article's mention ids): keys whose
    ``of`` no longer matches are read again."""
    counts: dict[str, int] = Field(default_factory=dict)
    names: dict[str, int] = Field(default_factory=dict)
    days: list[str] = Field(default_factory=list)


class KeyPostingsRecord(Value):
    """One story key across the archive (`link.stories.postings_records`): kept so that placing
    a new article reads the keys it carries, not every article."""

    id: str
    """The key (``n:mrp``, ``t:erupt``, ``v:7650``)."""
    df: int
    """How many articles carry it."""
    lo: int | None = None
    hi: int | None = None
    """The first and last publication day (ordinal) of the dated articles that carry it."""
    latest: list[tuple[str, str]] = Field(default_factory=list)
    """Names and figures: the latest articles that carry it (at most `MAX_POSTINGS`), as
    (publication date, source id), oldest first."""


class StoryIndexRecord(Value):
    """What the kept key postings were made from: the articles placed, counted and summed."""

    id: str
    articles: int
    keys: int = 0
    """How many key records it wrote (one removed by hand or by a repair: made anew)."""
    digest: int
    """The sum of the articles' id checksums (`link.stories.ids_digest`)."""


class StoryDecision(Value):
    """A reviewer's word on which story an article belongs to (moves, splits and merges)."""

    id: str
    file: str
    """The article's origin (``Source.file``): the decision outlives new versions."""
    story_id: str | None
    """The story the article must belong to; None to let the tool decide again."""
    reviewer: str
    at: str = Field(default_factory=utcnow)


class Mark(Value):
    """One reviewer's stance on one passage of one claim."""

    stance: Stance
    reviewer: str
    at: str = Field(default_factory=utcnow)


class Verdict(Value):
    """A reviewer's verdict on a tracked claim."""

    label: str
    """A key of the verdict scale (``true``, ``partly_true``, ``misleading``, ``false``,
    ``disputed``, ``unverifiable`` in the default scale)."""
    explanation: str = ""
    reviewer: str
    at: str = Field(default_factory=utcnow)
    evidence: list[str] | None = None
    """The claim's evidence keys when the verdict was given: a claim whose passages changed
    since is flagged "changed since verdict" (None for verdicts given before this was kept)."""


class Note(Value):
    """A reviewer's note on a claim, or on one passage of it."""

    id: str
    text: str
    author: str
    at: str = Field(default_factory=utcnow)
    passage_id: str | None = None
    """Set when the note is about one passage rather than the whole claim."""


class Review(Value):
    """Everything reviewers did on one tracked claim (kept apart from machine output)."""

    claim_id: str
    marks: dict[str, dict[str, Mark]] = Field(default_factory=dict)
    """Passage id -> reviewer -> mark."""
    verdict: Verdict | None = None
    notes: list[Note] = Field(default_factory=list)


class LinkDecision(Value):
    """A reviewer's decision about which tracked claim a mention belongs to."""

    mention_id: str
    claim_id: str | None
    """The claim the mention must belong to, or None for "stands alone"."""
    rejected: list[str] = Field(default_factory=list)
    """Claims the mention must never be linked to again."""
    reviewer: str
    at: str = Field(default_factory=utcnow)


class Change(Value):
    """One entry of the change log."""

    id: str
    who: str
    at: str = Field(default_factory=utcnow)
    what: str
    """What was done: ``mark``, ``verdict``, ``note``, ``link``, ``set-source``..."""
    target: str
    """The claim (or source) the change is about."""
    detail: str = ""
    """Which passage or field, where it applies."""
    before: Any = None
    after: Any = None
    conflict: bool = False
    """True when this change overwrote a concurrent change by another reviewer."""
