"""How alike two mentions of one story are, read from their slots (pairwise, with reasons).

Every mention comes with a slot (`factcheck.core.models.Slot`) read once by extraction. Two
mentions are compared only within their family: figures with figures, dates of events with dates
of events, statements (quotes, attributions, denials, events) with statements.

Figures state the same fact when nothing tells them apart and something ties them together:

* apart (a veto): different units, different measures ("dead" / "missing"), different roles in a
  change ("from 7,650" / "to 10,000"), different years for a figure that does not run on, or
  different subjects ("Pertalite" / "Pertamax") together with different values;
* together: the same measure, the same subject, values that agree (the same value, stated the
  same way, ties two figures even when no measure word is near either: "75 climbers"), and the
  words around them (content terms weighted by how rare they are in the story).

A difference in value never keeps two figures apart on its own: that is what a conflict is.
Dates of events compare their event and their date; statements their content, speaker and event,
so an assertion and its denial meet (`Pair.denial`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from factcheck.core.models import Kind, Mention, Polarity, Slot
from factcheck.core.text.concepts import catalogue
from factcheck.core.text.names import name_keys, skeleton
from factcheck.core.values import dates_agree, figures_agree, same_figure

W_MEASURE = 0.3
W_RUNNING_MEASURE = 0.45
"""A count that runs on (the dead, the missing, votes) is usually one fact per story."""
W_SUBJECT = 0.25
W_VALUE = 0.25
W_SAME_VALUE = 0.1
W_TERMS = 0.5
W_EVENT = 0.3
W_DATE = 0.25
SAME_DAY = 0.1
OTHER_EVENT = 0.1
OTHER_DAY = 0.5
W_SPEAKER = 0.15
W_STATEMENT_TERMS = 0.3
W_STATEMENT_EVENT = 0.25
W_STATEMENT_NAMES = 0.3
W_STATEMENT_TOPIC = 0.15
SUBJECT_CLASH = 0.25
MEASURE_CLASH = 0.2
W_SPAN = 0.15
"""Two spans of time counted back from the same event."""
SPECIFIC_ENOUGH = 2.0
"""Figures stated with three significant digits or more (5,150; 96,214,691)."""
DISAGREE_SIMILARITY = 0.3
UNSUPPORTED_DISAGREEMENT = 0.6
INCREMENT_VS_TOTAL = 0.6
"""An added count ("three more") against a count without "more" and another value."""
SMALL_FIGURE = 5
"""Values up to this (two leaders, three days) say little about being the same fact."""
NEUTRAL_PREFIXES = ("t:", "n:")
"""Keys that mean the same in every language (concepts, name keys)."""


@dataclass(slots=True)
class Item:
    """One mention as linking sees it."""

    index: int
    mention: Mention
    slot: Slot
    source_id: str
    passage_id: str
    language: str
    published: str | None
    """The source's publication date (ISO), or None."""
    terms: frozenset[str] = field(default_factory=frozenset)
    subject: frozenset[str] = field(default_factory=frozenset)
    speaker: frozenset[str] = field(default_factory=frozenset)
    neutral: frozenset[str] = field(default_factory=frozenset)
    """The language-neutral part of ``terms`` (concepts and names): what meets across
    languages."""
    family: str = ""
    """``figure``, ``time`` or ``statement``: only one family is compared with itself (read
    from the slot; a slot replaced later keeps its value, kind and polarity)."""
    denies: bool = False
    """The mention reports that someone denies something."""

    def __post_init__(self) -> None:
        if self.terms and not self.neutral:
            self.neutral = frozenset(t for t in self.terms if t.startswith(NEUTRAL_PREFIXES))
        # Read once: a mention is compared with dozens of others of its story.
        slot = self.slot
        self.family = ("figure" if slot.value is not None
                       else "time" if slot.kind == Kind.TIME else "statement")
        self.denies = slot.polarity == Polarity.DENIED


def make_item(index: int, mention: Mention, language: str, published: str | None) -> Item:
    """The linking view of a mention. A mention without a slot (read by an older version)
    gets a bare one: it has nothing to compare, so it stands as a claim of its own rather
    than vanishing."""
    slot = mention.slot or Slot(kind=mention.kind, polarity=mention.normalized.polarity)
    subject = (frozenset().union(*(name_keys(part, language) for part in slot.subject.split(", ")))
               if slot.subject else frozenset())
    speaker = name_keys(slot.speaker, language) if slot.speaker else frozenset()
    return Item(index, mention, slot, mention.source_id, mention.passage_id, language,
                published, _spellings(slot.terms), frozenset(subject), frozenset(speaker))


@lru_cache(maxsize=65536)
def _spelled(term: str) -> tuple[str, ...]:
    if term.startswith("w:"):
        return ("w:" + skeleton(term[2:]),)
    if term.startswith("n:") and not term.startswith("n:@"):
        return (term, "w:" + term[2:])  # "Pertalite" here, "pertalite" there: one word
    return (term,)


def _spellings(terms: Sequence[str]) -> frozenset[str]:
    """Content terms with every word as its consonant skeleton, and each name also as a plain
    word, so a name one outlet capitalises and another writes in lower case still meets."""
    return frozenset(k for t in terms for k in _spelled(t))


@dataclass(frozen=True, slots=True)
class Pair:
    """The comparison of two mentions."""

    score: float
    veto: bool = False
    """Something tells the two apart: they never share a tracked claim."""
    why: tuple[str, ...] = ()
    agree: bool = True
    """For figures and dates: whether the two values can both be true."""
    denial: bool = False
    """One asserts what the other reports being denied."""


VETO = Pair(0.0, True)


def similarity(a: Item, b: Item, weight: Mapping[str, float]) -> float:
    """Weighted overlap of two mentions' content terms (cosine, rare terms weigh more).

    Between languages only language-neutral keys count (concepts and names), so an Indonesian
    sentence is not penalised for words that have no English twin in the vocabulary.
    """
    cross = a.language != b.language
    ta, tb = (a.neutral, b.neutral) if cross else (a.terms, b.terms)
    if not ta or not tb:
        return 0.0
    shared = ta & tb
    if not shared:
        return 0.0
    get = weight.get
    # Exact sums (math.fsum): a plain sum depends on the set's order, which changes with the
    # hash seed, and a last-digit difference can tip a score over a threshold.
    dot = math.fsum([get(t, 1.0) ** 2 for t in shared])
    return dot / math.sqrt(_norm(a, ta, cross, weight) * _norm(b, tb, cross, weight))


class StoryWeights(dict[str, float]):
    """Term weights of one story, with each mention's squared norm kept once computed (a
    mention is compared with many others of its story)."""

    __slots__ = ("norms",)

    def __init__(self, *args: object, **kwargs: float) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.norms: dict[tuple[int, bool], float] = {}


def _norm(item: Item, terms: frozenset[str], cross: bool, weight: Mapping[str, float]) -> float:
    norms = weight.norms if isinstance(weight, StoryWeights) else None
    key = (item.index, cross)
    if norms is not None and (found := norms.get(key)) is not None:
        return found
    get = weight.get
    value = math.fsum([get(t, 1.0) ** 2 for t in terms])
    if norms is not None:
        norms[key] = value
    return value


_PEOPLE = frozenset({"count", "people", "families"})
_COUNTED = _PEOPLE | {"votes", "provinces", "seats", "times", "buildings", "places", "parties"}


def _units_match(a: Slot, b: Slot) -> bool:
    """Same base unit; a figure without a unit ("sebanyak 96.214.691") matches any count, and
    counted nouns of people ("11 climbers", "12 orang") match each other."""
    ua, ub = a.unit, b.unit
    if ua == ub:
        return True
    if ua in (None, "count") or ub in (None, "count"):
        other = ub if ua in (None, "count") else ua
        if other == "times" and "count" in (ua, ub):
            return False  # "127 volcanoes" is a count of things, never a number of times
        if None in (ua, ub) and _currency(other) and a.measure and a.measure == b.measure:
            return True  # "16,330 per dollar" and "Rp16.320 per dolar": one exchange rate
        return other in _COUNTED
    return ua in _PEOPLE and ub in _PEOPLE


def _currency(unit: str | None) -> bool:
    """A currency code (``idr``, ``usd``): the base unit of money."""
    return unit is not None and len(unit) == 3 and unit.isalpha() and unit.islower()


def _measure(slot: Slot) -> str | None:
    return slot.measure


def _same_kind(ma: str, mb: str) -> str | None:
    """The narrower of two measures when the vocabulary files it under the other ("ash column"
    under "height": "ash as high as 3 km" and "an ash column of 9,800 ft" are one height), else
    None."""
    cat = catalogue()
    for narrow, wide in ((ma, mb), (mb, ma)):
        concept = cat.get(narrow.rstrip("%+"))
        if concept is not None and concept.broader == wide.rstrip("%+"):
            return narrow
    return None


def compare_figures(a: Item, b: Item, weight: Mapping[str, float]) -> Pair:
    """Two figures: see the module docstring."""
    sa, sb = a.slot, b.slot
    if not _units_match(sa, sb):
        return VETO
    why: list[str] = []
    ma, mb = _measure(sa), _measure(sb)
    agree = figures_agree(sa, sb)
    increment = 1.0
    score = 0.0
    if ma and mb and ma != mb and (sa.measure_guessed or sb.measure_guessed):
        ma = mb = None  # a measure taken from the sentence before says too little to part two
    if ma and mb and ma != mb and (narrow := _same_kind(ma, mb)):
        ma = mb = narrow  # "ash as high as 3 km" / "ash column 9,800 ft": one height
    if ma and mb and ma != mb:
        if ma.rstrip("+") != mb.rstrip("+"):
            if not (agree and _specificity(sa, sb) >= SPECIFIC_ENOUGH and sa.role == sb.role):
                return VETO
            # 5,150 and 6,800 rupiah, from and to, in one story: the same change, whatever
            # measure word each sentence happened to use ("harga", "subsidi").
            score -= MEASURE_CLASH
        if not same_figure(sa, sb):
            increment = INCREMENT_VS_TOTAL  # "three more survivors" against "52 survivors"
        ma = mb = ma.rstrip("+")
    if ma and mb:
        score += W_RUNNING_MEASURE if sa.running and sb.running else W_MEASURE
        why.append(f"both count {ma}")
    if sa.role and sb.role and sa.role != sb.role:
        return VETO
    if (sa.role == "forecast") != (sb.role == "forecast"):
        return VETO  # what was expected is not what was reported
    if sa.unit == "status" and not any(not k.startswith("n:@") for k in a.subject & b.subject):
        return VETO  # a status is said of something: of the same thing, or no link
    if _different_years(a, b):
        return VETO  # figures given for different years (the 1979 eruption, this one)
    qa, qb = _quarter(a.slot.as_of), _quarter(b.slot.as_of)
    if qa and qb and qa != qb and "Q" in f"{a.slot.as_of}{b.slot.as_of}":
        return VETO  # growth in the first and in the second quarter: two figures
    if (not agree and a.source_id == b.source_id and not (a.subject & b.subject)
            and (a.subject or b.subject)):
        # One article, two values of one measure, one of them said of something named ("Kota
        # Bandung ... 1.741 kasus" beside the province's 12.340): two scopes, not one fact.
        return VETO
    if a.subject and b.subject:
        if a.subject & b.subject:
            score += W_SUBJECT
            why.append("same subject")
        elif not agree:
            return VETO
        else:
            score -= SUBJECT_CLASH
    if agree:
        score += W_VALUE
        why.append("values agree")
        score += W_SAME_VALUE * _specificity(sa, sb)
    elif not (sa.running and sb.running):
        score -= 0.05
    sim = similarity(a, b, weight)
    score += W_TERMS * sim
    if sim >= 0.2:
        why.append("similar wording")
    spans = sa.kind == sb.kind == Kind.TIME and bool(ma and ma == mb)
    if spans:
        score += W_SPAN  # "the first visit in 24 years" / "... in 20 years": one span
    if not agree and not (sa.running and sb.running) and not spans and not (
            (a.subject & b.subject) or sim >= DISAGREE_SIMILARITY):
        # Two different values of a figure that does not run on are one fact only when
        # something beyond the measure says so: a false contradiction costs a reviewer dearly.
        score *= UNSUPPORTED_DISAGREEMENT
    score *= increment
    return Pair(round(min(1.0, max(0.0, score)), 4), False, tuple(why), agree)


def _different_years(a: Item, b: Item) -> bool:
    """The figures are given for different years; not when they are months apart across a New
    Year ("inflation in December 2024" and an article of January 2025 about December)."""
    year_a, year_b = _year(a), _year(b)
    if not (year_a and year_b) or year_a == year_b:
        return False
    month_a, month_b = _month(a), _month(b)
    return month_a is None or month_b is None or abs(month_a - month_b) > NEW_YEAR_MONTHS


NEW_YEAR_MONTHS = 3
"""Months apart across a New Year within which two figures may be about one period."""


_QUARTER = re.compile(r"(\d{4})-(?:Q([1-4])|(\d{2}))")


def _quarter(as_of: str | None) -> str | None:
    """The quarter of a year a figure is given for (``2024-Q2``; a month gives its quarter)."""
    found = _QUARTER.match(as_of or "")
    if found is None:
        return None
    year, quarter, month = found.groups()
    if quarter is None:
        if not 1 <= int(month) <= 12:
            return None
        quarter = str((int(month) - 1) // 3 + 1)
    return f"{year}-Q{quarter}"


def _month(item: Item) -> int | None:
    """Months since year 0 of the figure's date (its own, else its article's)."""
    when = item.slot.as_of or item.published
    if not when or len(when) < 7 or not when[:4].isdigit() or not when[5:7].isdigit():
        return None
    return int(when[:4]) * 12 + int(when[5:7])


def _year(item: Item) -> str | None:
    """The year a figure is given for: its own date, else its article's."""
    when = item.slot.as_of or item.published
    return when[:4] if when and when[:4].isdigit() else None


def _specificity(a: Slot, b: Slot) -> float:
    """How much agreeing values say about being one fact: 0 for small counts (2, 3), up to 2
    for figures stated with three or more digits (2,891 m; 96,214,691; 7,650)."""
    value = min(abs(a.value or 0.0), abs(b.value or 0.0))
    if value <= SMALL_FIGURE:
        return 0.0
    step = max(a.step or value, b.step or value)
    digits = math.log10(value / step) + 1 if step > 0 else 1.0
    return max(0.0, min(2.0, digits - 1))


def compare_times(a: Item, b: Item, weight: Mapping[str, float]) -> Pair:
    """Two dates of events: the same event, and dates that can name the same time."""
    sa, sb = a.slot, b.slot
    if sa.date and sb.date and sa.date[:4] != sb.date[:4] and sa.date[:4].isdigit() \
            and sb.date[:4].isdigit():
        return VETO  # another year: another event (the eruption of 1979, this one)
    why: list[str] = []
    score = 0.0
    if sa.event and sb.event:
        if sa.event == sb.event:
            score += W_EVENT
            why.append(f"both date {sa.event}")
        else:
            score -= OTHER_EVENT
    agree = True
    if sa.date and sb.date:
        agree = dates_agree(sa.date, sb.date)
        if agree:
            score += W_DATE
            why.append("dates agree")
            if len(sa.date) >= 10 and sa.date[-5:] == sb.date[-5:]:
                score += SAME_DAY
    sim = similarity(a, b, weight)
    score += W_TERMS * sim
    if sim >= 0.2:
        why.append("similar wording")
    if not agree:
        score *= OTHER_DAY  # events recur (an eruption on Sunday, another on Monday)
    return Pair(round(min(1.0, max(0.0, score)), 4), False, tuple(why), agree)


@lru_cache(maxsize=4096)
def statement_reading(terms: frozenset[str]
                      ) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """A statement's events, names and topics (concept types of its terms)."""
    kinds = catalogue()
    events, topics = set(), set()
    for t in terms:
        if t.startswith("t:") and (concept := kinds.get(t[2:])) is not None:
            if concept.type == "event":
                events.add(t)
            elif concept.type in ("topic", "institution", "status"):
                topics.add(t)
    names = frozenset(t for t in terms if t.startswith("n:"))
    return frozenset(events), names, frozenset(topics)


def _overlap(a: frozenset[str], b: frozenset[str], weight: Mapping[str, float]) -> float:
    """Weighted Jaccard overlap of two key sets (rare keys weigh more)."""
    shared = a & b
    if not shared:
        return 0.0
    union = a | b
    get = weight.get
    return math.fsum([get(t, 1.0) for t in shared]) / math.fsum([get(t, 1.0) for t in union])


def compare_statements(a: Item, b: Item, weight: Mapping[str, float]) -> Pair:
    """Two statements: the events they tell of, who takes part (names and places), what about
    (topics), who says it, and their wording.

    Between languages only the events, names and topics can meet, which is why they carry
    most of the score: "Washington says North Korea supplied weapons to Russia" and "Amerika
    Serikat menuduh Korea Utara menyediakan senjata ke Rusia" share a supply event, North Korea
    and Russia, and weapons.
    """
    ea, na, ta = statement_reading(a.terms)
    eb, nb, tb = statement_reading(b.terms)
    why: list[str] = []
    score = 0.0
    events = _overlap(ea, eb, weight)
    if events:
        score += W_STATEMENT_EVENT * events
        why.append("same event")
    names = _overlap(na, nb, weight)
    if names:
        score += W_STATEMENT_NAMES * names
        why.append("same names")
    score += W_STATEMENT_TOPIC * _overlap(ta, tb, weight)
    if a.speaker and b.speaker and a.speaker & b.speaker:
        score += W_SPEAKER
        why.append("same speaker")
    sim = similarity(a, b, weight)
    score += W_STATEMENT_TERMS * sim
    if sim >= 0.2:
        why.append("similar content")
    denial = a.denies != b.denies
    if denial:
        why.append("one reports a denial")
    return Pair(round(min(1.0, score), 4), False, tuple(why), not denial, denial)


CROSS_FAMILY = 0.9
"""A date of an event and a statement about it, or a figure and the denial of what it counts,
are compared as statements, a little less surely."""


W_COUNTED_EVENT = 0.25
"""A figure that counts an event ("about 50 missiles sent to Russia") and a statement of that
event ("North Korea supplied weapons", or its denial) with the same names: one fact."""


def _counts_the_event(figure: Item, statement: Item) -> bool:
    """The figure counts what the statement tells of (its measure is an event the statement
    names, or denies), and they share a name."""
    measure = (figure.slot.measure or "").rstrip("%+")
    if figure.slot.kind != Kind.QUANTITY:
        return False  # "the first visit in 24 years" dates the visit: a claim of its own
    concept = catalogue().get(measure) if measure else None
    if concept is None or concept.type != "event":
        return False
    told = statement.slot.event == measure or f"t:{measure}" in statement.terms
    names = {t for t in figure.terms if t.startswith("n:")}
    return told and bool(names & statement.terms)


W_DATED_STATEMENT = 0.15
"""A date of an event and a statement that tells of the same event on a date that agrees
("met Choe on Tuesday" / "met Choe in Moscow last week")."""


def _dated_statement(a: Item, b: Item, score: float,
                     why: tuple[str, ...]) -> tuple[float, tuple[str, ...]]:
    """A date of an event against a statement that states its own date: dates that agree on
    the same event add to the score, dates that cannot agree halve it."""
    time, statement = (a, b) if a.family == "time" else (b, a)
    told = statement.slot.date or statement.mention.normalized.date
    if not (time.slot.date and told):
        return score, why
    if not dates_agree(time.slot.date, told):
        return score * OTHER_DAY, why
    event = time.slot.event
    if event and (statement.slot.event == event or f"t:{event}" in statement.terms):
        return score + W_DATED_STATEMENT, (*why, "dates agree")
    return score, why


def compare(a: Item, b: Item, weight: Mapping[str, float]) -> Pair:
    """Compare two mentions of one story.

    Across families, a date of an event meets a statement about the event, and a figure meets
    a reported denial of it ("about 50 missiles" / "both deny the claims"); a figure and a
    date never meet.
    """
    family = a.family
    if family != b.family:
        pair = {family, b.family}
        counted = 0.0
        if pair == {"figure", "statement"}:
            figure, statement = (a, b) if family == "figure" else (b, a)
            if _counts_the_event(figure, statement):
                counted = W_COUNTED_EVENT
            elif not statement.denies:
                return VETO
        if pair == {"time", "statement"} or "figure" in pair and (counted or a.denies
                                                                    or b.denies):
            cross = compare_statements(a, b, weight)
            why = (*cross.why, "counts what is stated") if counted else cross.why
            score = cross.score * CROSS_FAMILY + counted
            if pair == {"time", "statement"}:
                score, why = _dated_statement(a, b, score, why)
            return Pair(round(min(1.0, score), 4), False, why, cross.agree, cross.denial)
        return VETO
    if family == "figure":
        return compare_figures(a, b, weight)
    if family == "time":
        return compare_times(a, b, weight)
    return compare_statements(a, b, weight)
