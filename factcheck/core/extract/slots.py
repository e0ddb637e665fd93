"""What each mention of a sentence is about: its slot (`factcheck.core.models.Slot`).

A sentence is read once (`factcheck.core.extract.sentence`); this module turns that reading into
the language-neutral slots linking compares:

* every check-worthy figure gets its own slot: the measure it counts (the nearest measure word of
  the news vocabulary in its clause, each measure word going to the figure nearest to it, so in
  "11 climbers dead and 12 others missing" 11 counts the dead and 12 the missing), its unit in a
  base unit, its bound ("at least", "nearly"), the last digit it states (`Slot.step`), what it is
  about (the nearest name before it, or the word after a measure word: "harga pertalite"), its
  role in a change ("from 7,650 to 10,000") and the date it is given for;
* a date that stamps an event ("erupted on Sunday") gets a time slot with the event's concept;
* a statement (quote, attribution, denial, event) gets its speaker, event and content terms.

Figures that are not claims of their own are skipped: a conversion in brackets ("(US$0.67)"),
an age ("Rani, 39,"), a list or ballot number ("nomor urut 2").
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache

from factcheck.core.extract.sentence import Sentence
from factcheck.core.extract.window import (
    covers,
    first_word_in,
    last_word_in,
    span_at,
    starting_in,
)
from factcheck.core.models import Bound, Kind, Polarity, Slot
from factcheck.core.text.concepts import (
    Concept,
    ConceptHit,
    catalogue,
    content_terms,
    find_concepts,
    fold,
    vocabulary,
)
from factcheck.core.text.dates import DateMention
from factcheck.core.text.lang import Tokens, compiled, tokens
from factcheck.core.text.names import name_keys
from factcheck.core.text.numbers import Quantity

BOUNDS = {
    "about": Bound.ABOUT, "at least": Bound.AT_LEAST, "more than": Bound.MORE_THAN,
    "up to": Bound.AT_MOST, "less than": Bound.LESS_THAN, "nearly": Bound.NEARLY,
}
MEASURE_REACH = 8
"""Words between a figure and the measure word that says what it counts, at most."""
EVENT_REACH = 10
"""Words between a date and the event word it dates, at most."""
NEIGHBOUR = 3
"""Words between two figures that say one thing twice ("96.214.691 suara atau 58,83 persen")."""
ADJACENT = 4
"""Words between a figure and the "to" word of its change ("Rp7.650 per liter jadi")."""
COMMA_COST = 4
"""A comma between a figure and a measure word counts as this many more words."""
SUBJECT_REACH = 12
"""Words back from a figure in which the thing it is about is looked for."""
_CLAUSE_BREAK = re.compile(r";|:\s|\s[–—]\s|\s--\s")
_DIGITS = re.compile(r"\d[\d.,]*\d|\d")
_COUNT_UNITS = frozenset({"people", "families", "buildings", "times", "votes", "seats",
                          "provinces", "places", "parties"})
"""Catalogue units that count things."""
_NOUN_COUNTS = _COUNT_UNITS - {"times"}
"""What a figure with a counted noun ("11 climbers", "75 orang") can count."""


@dataclass(frozen=True, slots=True)
class Figure:
    """A figure of a sentence that is a claim of its own."""

    quantity: Quantity
    clause: tuple[int, int]
    """The clause that carries it (offsets in the sentence text)."""
    high: float | None = None
    """The high end of a range ("between 18 seconds and 4 minutes"), in ``high_unit``."""
    high_unit: str | None = None


@cache
def _units() -> dict[str, tuple[str, float]]:
    import json
    from importlib import resources

    path = resources.files("factcheck.core.text") / "vocabulary.json"
    with path.open(encoding="utf-8") as handle:
        table = json.load(handle)["units"]
    return {k: (str(v[0]), float(v[1])) for k, v in table.items() if k != "about"}


def base_unit(unit: str | None) -> tuple[str | None, float]:
    """A figure's unit as the base unit it is compared in, and the factor to it.

    Time spans become seconds, lengths metres, masses kilograms; a currency keeps its code
    (``idr``); any other counted noun ("climbers", "pendaki") is a ``count``.
    """
    if not unit:
        return None, 1.0
    known = _units().get(unit)
    if known:
        return known
    if len(unit) == 3 and unit.isupper():
        return unit.lower(), 1.0
    if unit in _COUNT_UNITS:
        return unit, 1.0
    return "count", 1.0


CLAUSE_CHARS = 600
"""A clause longer than this (a run of text without punctuation) is read in pieces of about
this size, cut between words, so that the work per figure does not grow with the sentence."""


def clauses(sent: Sentence) -> list[tuple[int, int]]:
    """The clauses of a sentence: split at semicolons, dashes, brackets, and at a comma
    before a conjunction that starts a new statement ("..., while ...", "..., sementara ...");
    an overlong one in pieces of about `CLAUSE_CHARS`. Read once per sentence."""
    if sent.clause_spans is None:
        spans = []
        for a, b in _clauses(sent):
            while b - a > CLAUSE_CHARS:
                cut = sent.text.rfind(" ", a + CLAUSE_CHARS // 2, a + CLAUSE_CHARS)
                cut = cut if cut > a else a + CLAUSE_CHARS
                spans.append((a, cut))
                a = cut + 1
            spans.append((a, b))
        sent.clause_spans = spans
    return sent.clause_spans


def _clauses(sent: Sentence) -> list[tuple[int, int]]:
    lex = compiled(sent.lang)
    text = sent.text
    cuts = {m.start() for m in _CLAUSE_BREAK.finditer(text, sent.core, sent.end)}
    words = lex.data.get("clause_conjunctions", [])
    if words:
        joined = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
        for m in re.finditer(rf",\s+(?:{joined})\b", text[: sent.end], re.IGNORECASE):
            if m.start() >= sent.core:
                cuts.add(m.start())
    bounds = [sent.core, *sorted(cuts), sent.end]
    out = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        while a < b and not text[a].isalnum() and text[a] not in "\"“‘'":
            a += 1
        if b > a:
            out.append((a, b))
    return out or [(sent.core, sent.end)]


def _clause_of(spans: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    return span_at(spans, pos) or spans[-1]


def _aside(text: str, q: Quantity) -> bool:
    """A conversion or gloss in brackets right after another figure: "(US$0.67)", "(8 miles)"."""
    k = q.start  # the end of the text before the figure, white space left out
    while k and text[k - 1].isspace():
        k -= 1
    if not k or text[k - 1] != "(":
        return False
    close = text.find(")", q.end, q.end + 4)
    return close >= 0 and bool(_DIGITS.search(text[max(0, k - 25): k]))


_AGE = re.compile(r",\s*\d{1,3}\s*,")
_AGED = re.compile(r"\d+-year-old")


def _age(text: str, q: Quantity) -> bool:
    """An age: "Rani Radelani, 39, said", "72-year-old"."""
    around = text[max(0, q.start - 2): q.end + 2].strip()
    return bool(_AGE.fullmatch(around) or _AGED.match(text, q.start))


_CLOCK = re.compile(r"\d{1,2}(?:[.:]\d{2})?$")
_HHMM = re.compile(r"(?:[01]\d|2[0-3])[0-5]\d$")


def _clock(text: str, q: Quantity, lang: str) -> bool:
    """A time of day: "pukul 07.00 WIB", "14:54", "8 a.m.", "14:00 GMT"."""
    if q.unit and q.unit not in ("count",):
        return False
    raw = _DIGITS.search(q.text)
    if raw is None:
        return False
    clock = compiled(lang).data.get("clock", {})
    head = fold(text[max(0, q.start - 12): q.start]).split()
    tail = fold(text[q.end: q.end + 14]).strip()
    zoned = any(tail.startswith(z) for z in clock.get("zones", []))
    if _HHMM.match(raw.group()) and zoned:
        return True  # "(0740 GMT)": hours and minutes written as four digits
    if not _CLOCK.match(raw.group()):
        return False
    if ":" in raw.group() or zoned:
        return True
    return "." in raw.group() and bool(head) and head[-1] in clock.get("before", [])


def _merge_spans(text: str, quantities: list[Quantity], lang: str
                 ) -> list[tuple[Quantity, Quantity | None]]:
    """Join what is one figure written in parts: "4 menit 41 detik" (a duration in two units)
    and "between 18 seconds and 4 minutes" (a range: its low figure with its high one)."""
    from dataclasses import replace

    out: list[tuple[Quantity, Quantity | None]] = []
    ranges = compiled(lang).data.get("ranges", {})
    for q in quantities:
        prev = out[-1][0] if out else None
        gap = text[prev.end: q.start] if prev else ""
        if (prev is not None and prev.duration and q.duration and gap.strip() in ("", "dan", "and")
                and base_unit(prev.unit)[1] > base_unit(q.unit)[1]):
            total = prev.value * base_unit(prev.unit)[1] + q.value * base_unit(q.unit)[1]
            out[-1] = (replace(prev, value=total / base_unit(q.unit)[1], unit=q.unit, end=q.end,
                               text=text[prev.start: q.end]), None)
            continue
        joined = fold(gap.strip()) in ranges.get("join", [])
        if prev is not None and out[-1][1] is None and joined:
            head = fold(text[max(0, prev.start - 24): prev.start]).split()
            opened = {" ".join(head[-k:]) for k in (1, 2, 3)}
            opened |= {" ".join(head[-k:-1]) for k in (2, 3)}  # "ranged from about"
            if opened & set(ranges.get("open", [])):
                out[-1] = (prev, q)
                continue
        out.append((q, None))
    return out


def figures(sent: Sentence) -> list[Figure]:
    """The figures of ``sent`` that are claims of their own, with their clauses."""
    spans = clauses(sent)
    lex = compiled(sent.lang)
    identifiers = tuple(w.lower() for w in lex.data.get("identifier_markers", []))
    out = []
    for q, high in _merge_spans(sent.text, sent.quantities, sent.lang):
        if q.start < sent.core or _aside(sent.text, q) or _age(sent.text, q):
            continue
        if _clock(sent.text, q, sent.lang):
            continue
        head = sent.text[max(0, q.start - 14): q.start].lower()
        if identifiers and head.rstrip().endswith(identifiers):
            continue  # "nomor urut 2", "No. 5"
        out.append(Figure(q, _clause_of(spans, q.start), high.value if high else None,
                          high.unit if high else None))
    return out


def _step(q: Quantity, lang: str, factor: float) -> float | None:
    """The value of the last digit the figure states, in the base unit."""
    if q.approximate and q.spelled and q.value in (10, 11, 100, 1000, 1e6, 1e9):
        return None  # "puluhan", "dozens": no stated digit
    m = _DIGITS.search(q.text)
    if m is None or q.spelled:
        return 1.0 * factor
    raw = m.group()
    lex = compiled(lang)
    dec = lex.data["numbers"]["decimal_mark"]
    group = lex.data["numbers"]["group_mark"]
    grouped = re.fullmatch(rf"\d{{1,3}}(?:{re.escape(group)}\d{{3}})+", raw)
    if grouped:
        decimals, digits = 0, float(raw.replace(group, ""))
    elif dec in raw or (group in raw and re.fullmatch(rf"\d+{re.escape(group)}\d{{1,2}}", raw)):
        mark = dec if dec in raw else group
        whole, frac = raw.rsplit(mark, 1)
        decimals = len(frac)
        digits = float(whole.replace(group, "").replace(dec, "") + "." + frac)
    else:
        decimals, digits = 0, float(raw)
    scale = q.value / digits if digits else 1.0
    return 10.0 ** -decimals * scale * factor


def _token_span(sent: Sentence, start: int, end: int) -> tuple[int, int]:
    toks = tokens(sent.text)
    first = toks.first_at(start)
    last = max(first + 1, toks.first_at(end))
    return first, last


def _compatible(measure: Concept, unit: str | None) -> bool:
    """Whether a measure can be counted in a figure's base unit."""
    kind = measure.unit
    if unit is None:
        # a bare figure: a count, a magnitude, or an amount whose currency the measure word
        # carries ("16,300 per dollar": an exchange rate)
        return kind is None or kind in _COUNT_UNITS or kind in ("magnitude", "years", "currency")
    if unit == "count":
        return kind is None or kind in _NOUN_COUNTS
    if unit in _COUNT_UNITS:
        return kind == unit or (kind == "people" and unit == "families")
    if unit == "percent":
        return True
    if kind == "currency":
        return len(unit) == 3 and unit.isalpha() and unit.islower()
    return {"seconds": "s", "years": "s", "m": "m", "mm": "m", "km/h": "knots",
            "tonnes": "kg", "ha": "hectares"}.get(kind or "", kind) == unit


def _measures(sent: Sentence, figs: list[Figure], hits: list[ConceptHit]
              ) -> dict[int, str | None]:
    """Figure index -> the concept key of what it counts (see the module docstring)."""
    cat = catalogue()
    spans = [_token_span(sent, f.quantity.start, f.quantity.end) for f in figs]
    part_of = set(compiled(sent.lang).data.get("part_of", []))
    conjunctions = set(compiled(sent.lang).data.get("conjunctions", []))
    toks_start = [f.quantity.start for f in figs]
    toks_end = [f.quantity.end for f in figs]
    clause_tokens = [_token_span(sent, *f.clause) for f in figs]
    units = [base_unit(f.quantity.unit)[0] for f in figs]
    # A figure with a fractional part counts nothing ("a magnitude 6.2 earthquake" is not six
    # point two earthquakes; "6,1 orang" is no one): its noun is what it is a measure of.
    whole = [_whole(f.quantity.value) for f in figs]
    units = [None if u == "count" and not whole[i] else u for i, u in enumerate(units)]
    for i in range(len(figs) - 1):
        if units[i] is None and _total_of(sent, figs, i + 1):
            units[i] = units[i + 1]  # "57 dari 75 pendaki": 57 climbers too
    assigned: dict[int, list[tuple[int, ConceptHit]]] = {i: [] for i in range(len(figs))}
    ordered = all(spans[i][1] <= spans[i + 1][0] for i in range(len(spans) - 1))
    ends = [b for _, b in spans]
    starts = [a for a, _ in spans]
    for hit in hits:
        concept = cat.get(hit.key)
        if concept is None or concept.type not in ("measure", "event", "status"):
            continue
        best: tuple[int, int, int] | None = None  # (distance, after-figure first, figure)
        # Only figures within reach can take the hit: those ending at most MEASURE_REACH
        # words before it and starting at most MEASURE_REACH words after it.
        near = (range(bisect_left(ends, hit.first - MEASURE_REACH),
                      bisect_right(starts, hit.last + MEASURE_REACH))
                if ordered else range(len(spans)))
        for i in near:
            a, b = spans[i]
            lo, hi = clause_tokens[i]
            if not lo <= hit.first < hi:
                continue
            if concept.type == "measure" and not _compatible(concept, units[i]):
                continue
            if not whole[i] and units[i] is None and (
                    concept.type == "event" or concept.unit in _COUNT_UNITS):
                continue  # 6.1 is no number of dead, of earthquakes or of times
            distance = hit.first - b if hit.first >= b else a - hit.last
            if distance > MEASURE_REACH:
                continue
            if concept.type != "measure" and units[i] not in ("percent", "times", "count", "s",
                                                              None):
                continue  # an event says what a share, a count or a rate is of; not a length
            between = sent.text[min(toks_end[i], hit.start): max(toks_start[i], hit.end)]
            if "," in between:
                distance += COMMA_COST
            words = fold(sent.text[toks_end[i]:hit.start]).split() if hit.first >= b else []
            if any(w in conjunctions for w in words):
                # "14 orang dan yang perlu dicari menjadi 12 orang": after "and" the words
                # say what the next figure counts
                distance += COMMA_COST
            if words and words[0] in part_of and len(words) <= 2:
                # "11 of the dead had been identified": the dead are the whole the 11 are part
                # of; what the 11 are comes later ("identified").
                distance += COMMA_COST
            after = hit.first >= b
            rank = (max(0, distance) - (1 if after else 0), 0 if after else 1, i)
            if best is None or rank < best:
                best = rank
        if best is not None:
            assigned[best[2]].append((best[0], hit))
    out: dict[int, str | None] = {}
    taken = {id(h): j for j, pairs in assigned.items() for _, h in pairs}
    for i in range(len(figs)):
        ranked = sorted(assigned[i], key=lambda t: (
            cat[t[1].key].type != "measure", cat[t[1].key].weak, t[0], t[1].first))
        key = ranked[0][1].key if ranked else None
        if key is None:
            key = _shared_measure(i, spans, clause_tokens[i], hits, taken, units[i], figs)
        if key is None and units[i] == "s" and _span(sent, figs[i]):
            key = _nearest_event(sent, figs[i], hits)  # "the first visit in 24 years"
        if key is None or cat[key.rstrip("%+")].type == "event":
            key = _measure_of_change(sent, figs[i], hits, clause_tokens[i], units[i]) or key
        if _total_of(sent, figs, i):
            if key is not None and i > 0 and out.get(i - 1) is None and key != "present":
                out[i - 1] = key  # "tujuh dari sembilan fraksi menyetujui": the part approved
            key = "present"  # "57 dari 75 pendaki", "36 of 38 provinces": the total
        if units[i] == "m" and any(cat[h.key].type == "direction" for h in first_word_in(
                hits, spans[i][1], spans[i][1] + 2)):
            key = "distance"  # "40 km south of Palu", "40 kilometer selatan": how far, not deep
        if key is not None and units[i] == "percent" and cat[key].unit != "percent":
            key += "%"
        if key is not None and _increment(sent, figs[i], hits):
            key += "+"  # "three more survivors", "another 49": added to an earlier count
        out[i] = key
    return out


def _measure_of_change(sent: Sentence, fig: Figure, hits: list[ConceptHit],
                       clause: tuple[int, int], unit: str | None) -> str | None:
    """"The death toll from the sinking of an overloaded boat rose to 17", "jumlah korban ...
    bertambah menjadi 12": a figure a change ends at is a value of what the clause says
    changed, however far back that was said."""
    if not _after_change_to(sent, fig):
        return None
    cat = catalogue()
    toks = tokens(sent.text)
    first = toks.first_at(fig.quantity.start)
    near = first_word_in(hits, clause[0], first)
    verbs = [h for h in near if h.key in ("raise", "lower")]
    if not verbs:
        return None
    measures = [h for h in near if h.first < verbs[-1].first
                and cat[h.key].type == "measure" and _compatible(cat[h.key], unit)]
    return measures[0].key if measures else None


def _whole(value: float | None) -> bool:
    """Whether a figure can count things (no fractional part)."""
    return value is None or float(value).is_integer()


def _increment(sent: Sentence, fig: Figure, hits: list[ConceptHit]) -> bool:
    """True when a figure is added to an earlier one ("three more", "another 49", "lagi")."""
    toks = tokens(sent.text)
    first = toks.first_at(fig.quantity.start)
    last = toks.first_at(fig.quantity.end)
    # "another 49", "three more survivors" (the word can sit inside the figure's span, between
    # the number and its noun), "tiga orang lagi"
    more = [h for h in first_word_in(hits, first - 2, last + 2) if h.key == "more"]
    # "more than $10 billion", "lebih dari 300", "more than five hours": a bound (read into the
    # figure), not "more"
    digit = next((m.start() for m in _DIGITS.finditer(sent.text, fig.quantity.start,
                                                      fig.quantity.end)), fig.quantity.end)
    if more and fig.quantity.approximate and all(
            fig.quantity.start <= h.start < digit for h in more):
        return False
    # "bertambah menjadi 12 orang", "has risen to 15": a new total, not 12 more
    return bool(more) and not _after_change_to(sent, fig)


def _after_change_to(sent: Sentence, fig: Figure) -> bool:
    """The figure is where a change ends: right after "to", "menjadi", "hingga"."""
    change = compiled(sent.lang).data.get("change_words", {})
    head = fold(sent.text[max(0, fig.quantity.start - 16):fig.quantity.start]).split()
    return bool(head) and head[-1] in {*change.get("to", ()), *change.get("to_weak", ())}


def _span(sent: Sentence, fig: Figure) -> bool:
    """A span of time counted back from an event ("untuk pertama kalinya dalam 24 tahun")."""
    return compiled(sent.lang).span.search(tokens(sent.text), *fig.clause) is not None


def _nearest_event(sent: Sentence, fig: Figure, hits: list[ConceptHit]) -> str | None:
    cat = catalogue()
    toks = tokens(sent.text)
    at = toks.first_at(fig.quantity.start)
    events = [h for h in starting_in(hits, *fig.clause) if cat[h.key].type == "event"]
    return min(events, key=lambda h: abs(h.first - at)).key if events else None


def _total_of(sent: Sentence, figs: list[Figure], i: int) -> bool:
    """True for the second figure of "X of Y" / "X dari Y": the whole that X is part of."""
    if i == 0:
        return False
    prev, q = figs[i - 1].quantity, figs[i].quantity
    gap = fold(sent.text[prev.end: q.start]).split()
    lex = compiled(sent.lang)
    words = lex.data.get("part_of", [])
    return (len(gap) <= 2 and bool(gap) and gap[0] in words
            and all(w in words or w in lex.determiners for w in gap[1:]))


def _shared_measure(i: int, spans: list[tuple[int, int]], clause: tuple[int, int],
                    hits: list[ConceptHit], taken: dict[int, int], unit: str | None,
                    figs: list[Figure] | None = None) -> str | None:
    """A measure for a figure no measure word is nearest to: a free measure word of its
    clause, or one its neighbour holds when the two are one figure said twice ("96.214.691
    suara atau 58,83 persen")."""
    cat = catalogue()
    a, b = spans[i]
    best: tuple[int, str] | None = None
    for h in first_word_in(hits, *clause):
        concept = cat.get(h.key)
        if concept is None or concept.type != "measure":
            continue
        if not _compatible(concept, unit):
            continue
        owner = taken.get(id(h))
        if owner is not None and owner != i:
            oa, ob = spans[owner]
            if min(abs(a - ob), abs(oa - b)) > NEIGHBOUR:
                continue
            if figs is not None and _other_nouns(figs[i], figs[owner]):
                continue  # "193 rumah rusak dan 19 jembatan putus": bridges are no houses
        distance = min(abs(h.first - b), abs(a - h.last))
        if best is None or distance < best[0]:
            best = (distance, h.key)
    return best[1] if best else None


def _other_nouns(a: Figure, b: Figure) -> bool:
    """Two figures each counting a noun of its own, not the same one ("193 rumah", "19
    jembatan"): two things counted, not one figure said twice."""
    ua, ub = a.quantity.unit, b.quantity.unit
    counted = {"count", *_COUNT_UNITS}
    return (bool(ua) and bool(ub) and ua != ub
            and base_unit(ua)[0] in counted and base_unit(ub)[0] in counted)


def _role(sent: Sentence, fig: Figure, figs: list[Figure]) -> str | None:
    """``before`` or ``after`` for a figure in a change: "dari X menjadi Y", "to Y from X".

    A figure is in a change only when its clause holds another figure of the same unit joined
    to it by a "to" word ("Rp 5.150 menjadi Rp 6.800") or a "from" word ("raised to 10,000
    from 7,650"); "57 dari 75 pendaki" (57 of 75) is no change.
    """
    lex = compiled(sent.lang)
    change = lex.data.get("change_words", {})
    from_words = set(change.get("from", []))
    to_words = set(change.get("to", []))
    q = fig.quantity
    unit = base_unit(q.unit)[0]
    peers = [f for f in figs if f is not fig and f.clause == fig.clause
             and base_unit(f.quantity.unit)[0] == unit]
    if not peers or unit is None:
        return None
    changing = any(h.key in ("raise", "lower")
                   for h in starting_in(sentence_concepts(sent), *fig.clause))
    clause_words = set(fold(sent.text[fig.clause[0]:fig.clause[1]]).split())
    if clause_words & to_words:
        changing = True
    if changing:
        to_words |= set(change.get("to_weak", []))

    def word_before(pos: int) -> str:
        head = fold(sent.text[max(fig.clause[0], pos - 12): pos]).split()
        return head[-1] if head else ""

    def word_span(peer: Figure) -> list[str]:
        """The words right after an earlier peer (where "menjadi" would follow it)."""
        return fold(sent.text[peer.quantity.end: peer.quantity.end + 24]).split()[:ADJACENT]

    mine = word_before(q.start)
    tail = fold(sent.text[q.end: q.end + 24]).split()[:ADJACENT]
    for peer in peers:
        other = word_before(peer.quantity.start)
        if peer.quantity.start > q.end:  # the peer comes after this figure
            if mine in from_words and other in to_words:
                return "before"
            if other in to_words and other in tail:
                return "before"  # "Rp 5.150 menjadi Rp 6.800"
        else:
            if mine in to_words and (other in from_words or mine in word_span(peer)):
                return "after"
            if mine in from_words and changing:
                return "before"  # "raised to 10,000 ... from 7,650"
    return None


FORECAST_REACH = 6
"""Words before a figure in which an expectation word makes it a forecast or a target."""


def _forecast(sent: Sentence, fig: Figure) -> str | None:
    """``forecast`` for a figure someone expects or aims at ("analysts had expected a surplus
    of $2.72 billion", "we target 95% coverage", "ditargetkan 5,2 persen"): not what happened,
    so never the same fact as a figure that was reported."""
    words = set(compiled(sent.lang).data.get("forecast_words", []))
    if not words:
        return None
    head = fold(sent.text[max(fig.clause[0], fig.quantity.start - 60):fig.quantity.start])
    return "forecast" if words & set(head.split()[-FORECAST_REACH:]) else None


def _respectively(sent: Sentence, fig: Figure, figs: list[Figure]) -> str | None:
    """In "Anies and Ganjar trailed with 25 and 17 per cent, respectively", the n-th name
    before the figures goes with the n-th figure."""
    words = compiled(sent.lang).data.get("respectively", [])
    clause = sent.text[fig.clause[0]:fig.clause[1]].lower()
    if not any(w in clause for w in words):
        return None
    mine = [f for f in figs if f.clause == fig.clause]
    first = min(f.quantity.start for f in mine)
    names = [e for e in starting_in(sent.entities, fig.clause[0], first) if e.end <= first]
    if len(names) < len(mine) or len(mine) < 2:
        return None
    return names[len(names) - len(mine) + mine.index(fig)].text


def _subject(sent: Sentence, fig: Figure, hits: list[ConceptHit]) -> str | None:
    """What a figure is about: the nearest name before it in its clause (inside the reported
    content when the sentence reports speech), or the word right after a measure word."""
    q = fig.quantity
    lo = fig.clause[0]
    att = sent.attribution
    if att is not None and att.content_start <= q.start < att.content_end:
        lo = max(lo, att.content_start)
    toks = tokens(sent.text)
    floor = toks.starts[max(0, toks.first_at(q.start) - SUBJECT_REACH)] if toks.low else lo
    lo = max(lo, floor)
    cat = catalogue()
    locatives = set(compiled(sent.lang).data.get("locatives", []))
    names = [_Word(e.text, e.start, e.end) for e in starting_in(sent.entities, lo, q.start)
             if e.end <= q.start and not _event_name(name_keys(e.text, sent.lang), cat)
             and not _after_locative(sent.text, e.start, locatives)]
    lex = compiled(sent.lang)
    plain = vocabulary(sent.lang).stopwords | lex.date_words | set(lex.hedges)
    linking = set(lex.data.get("measure_of", []))
    for hit in first_word_in(hits, toks.first_at(lo), toks.first_at(q.start)):
        if cat[hit.key].type != "measure":
            continue
        j = hit.last
        if j + 1 < len(toks.low) and toks.low[j] in linking:
            j += 1  # "the price of pertalite"
        if j < len(toks.low) and toks.starts[j] < q.start and not covers(hits, j):
            word = toks.low[j]
            if word.isalpha() and fold(word) not in plain and len(word) > 3:
                names.append(_Word(sent.text[toks.starts[j]:toks.ends[j]],
                                   toks.starts[j], toks.ends[j]))
    # "BNPB mencatat 15 orang meninggal", "the agency recorded 12 deaths": a name followed by a
    # reporting verb is who gives the figure (its speaker), not what the figure is about.
    last_report = max((h.start for h in first_word_in(hits, toks.first_at(lo),
                                                       toks.first_at(q.start))
                       if cat[h.key].type == "report" and h.start < q.start), default=-1)
    names = [n for n in names if n.end > last_report]
    if not names:
        return None
    return max(names, key=lambda e: e.end).text


def _after_locative(text: str, start: int, locatives: set[str]) -> bool:
    """A name right after "in", "off", "di": where something happened ("capsized off Buton
    island in Southeast Sulawesi, killing 15"), not what a figure is about."""
    head = fold(text[max(0, start - 12):start]).split()
    return bool(head) and head[-1] in locatives


def _event_name(keys: frozenset[str], cat: Mapping[str, Concept]) -> bool:
    """A name made of concept words only, or the name of an event ("Pemilu Legislatif",
    "Pilpres 2024"): what a figure is about is who or where, not the event it belongs to."""
    if all(k.startswith("t:") for k in keys):
        return True
    return any(k.startswith("t:") and (c := cat.get(k[2:])) is not None
               and c.type in ("event", "topic") for k in keys)


@dataclass(frozen=True, slots=True)
class _Word:
    text: str
    start: int
    end: int


def _terms(sent: Sentence, lo: int, hi: int, hits: list[ConceptHit]) -> list[str]:
    toks = tokens(sent.text)
    starts = toks.starts
    window = (bisect_left(starts, lo), bisect_left(starts, hi))
    inside = list(starting_in(hits, lo, hi))
    keys = content_terms(toks, sent.lang, inside, _read_already(sent, toks), window)
    for e in starting_in(sent.entities, lo, hi):
        keys |= name_keys(e.text, sent.lang)
    return sorted(keys)


def _read_already(sent: Sentence, toks: Tokens) -> frozenset[int]:
    """Word indexes inside the sentence's figures, dates and names (read once a sentence: a
    sentence of thousands of words has thousands of slots)."""
    if sent.read_already is None:
        starts = toks.starts
        out: set[int] = set()
        spans: list[tuple[int, int]] = [(x.start, x.end) for x in sent.quantities]
        spans += [(x.start, x.end) for x in sent.dates]
        spans += [(x.start, x.end) for x in sent.entities]
        for start, end in spans:
            out.update(range(bisect_left(starts, start), bisect_left(starts, end)))
        sent.read_already = frozenset(out)
    return sent.read_already


def sentence_concepts(sent: Sentence) -> list[ConceptHit]:
    """The vocabulary concepts of a sentence (read once, shared by all its slots)."""
    if sent.concept_hits is None:
        sent.concept_hits = find_concepts(tokens(sent.text), sent.lang)
    return sent.concept_hits


def status_slots(sent: Sentence, hits: list[ConceptHit], *, speaker: str | None,
                 as_of: str | None) -> list[tuple[ConceptHit, tuple[int, int], Slot]]:
    """A status a sentence gives something ("Pertamax nonsubsidi", "berada pada status level
    II"): one slot per status word, with what it is said of (the names and unknown words of its
    clause) as the subject."""
    cat = catalogue()
    spans = clauses(sent)
    toks = tokens(sent.text)
    plain = vocabulary(sent.lang).stopwords | compiled(sent.lang).date_words
    in_vocab = {i for h in hits for i in range(h.first, h.last)}
    out = []
    for hit in hits:
        concept = cat.get(hit.key)
        if concept is None or concept.group is None or concept.value is None:
            continue
        clause = _clause_of(spans, hit.start)
        things = [e.text for e in starting_in(sent.entities, *clause)
                  if not all(k.startswith("t:") for k in name_keys(e.text, sent.lang))]
        for i in range(toks.first_at(clause[0]), toks.first_at(clause[1])):
            word = toks.low[i]
            if (i not in in_vocab and word.isalpha() and len(word) > 3 and fold(word) not in plain
                    and sent.text[toks.starts[i]].islower()):
                things.append(word)
        if not things:
            continue
        out.append((hit, clause, Slot(
            kind=Kind.OTHER, measure="status:" + concept.group, unit="status",
            value=float(concept.value), step=STATUS_STEP, subject=", ".join(dict.fromkeys(things)),
            as_of=as_of, speaker=speaker, terms=_terms(sent, *clause, hits),
        )))
    return out


STATUS_STEP = 0.5
"""Statuses are exact: two different values never agree."""


def figure_slots(sent: Sentence, figs: list[Figure], hits: list[ConceptHit], *,
                 kind: dict[int, Kind], speaker: str | None, as_of: list[str | None],
                 context: Sequence[ConceptHit] = ()) -> list[Slot]:
    """The slot of each figure of ``figs`` (see the module docstring)."""
    measures = _measures(sent, figs, hits)
    # The figures of each clause: what one figure is compared with (a long sentence has
    # thousands of figures, a clause a few).
    same: dict[tuple[int, int], list[int]] = {}
    for i, fig in enumerate(figs):
        same.setdefault(fig.clause, []).append(i)
    peers = [[figs[j] for j in same[fig.clause]] for fig in figs]
    roles = [_role(sent, fig, peers[i]) or _forecast(sent, fig) for i, fig in enumerate(figs)]
    for i, fig in enumerate(figs):
        if measures[i] is None and roles[i] in ("before", "after"):
            # The two ends of a change count the same thing ("raised to 10,000 ... from 7,650").
            partner = next((measures[j] for j in same[fig.clause] if j != i
                            and roles[j] in ("before", "after") and roles[j] != roles[i]
                            and measures[j]), None)
            measures[i] = partner
    cat = catalogue()
    guessed = [False] * len(figs)
    for i, fig in enumerate(figs):
        if measures[i] is None:
            guessed[i] = True
            # "... menuturkan sejumlah perubahan harga BBM. Pertalite dari Rp 7.600 menjadi
            # Rp 10.000": a measure named in the sentence before, in a compatible unit.
            unit = base_unit(fig.quantity.unit)[0]
            measures[i] = next((h.key for h in context if (c := cat.get(h.key)) is not None
                                and c.type == "measure" and not c.weak
                                and unit not in (None, "count") and _compatible(c, unit)), None)
    out = []
    for i, fig in enumerate(figs):
        q = fig.quantity
        unit, factor = base_unit(q.unit)
        measure = measures[i]
        concept = cat.get(measure.rstrip("%+")) if measure else None
        if unit is None and concept is not None and concept.unit in _NOUN_COUNTS and not (
                measure or "").endswith("%"):
            unit = concept.unit  # "sebanyak 96.214.691" after "perolehan suara": votes
        subject = _respectively(sent, fig, peers[i]) or _subject(sent, fig, hits)
        value = q.value * factor
        high = None
        if fig.high is not None:
            high = fig.high * base_unit(fig.high_unit or q.unit)[1]
        out.append(Slot(
            kind=kind[i],
            measure=measure,
            measure_guessed=guessed[i] and measure is not None,
            unit=unit,
            value=value if math.isfinite(value) else None,
            high=high,
            bound=BOUNDS.get(q.approximate or "", Bound.EXACT),
            step=_step(q, sent.lang, factor),
            subject=subject,
            role=roles[i],
            as_of=as_of[i],
            speaker=speaker,
            running=bool(concept and concept.running),
            terms=_terms(sent, *fig.clause, hits),
        ))
    return out


def _after_name(text: str, pos: int) -> bool:
    """True when a year follows a capitalised word ("Pilpres 2024", "Pemilu 2024")."""
    head = text[max(0, pos - 20): pos].split()
    return bool(head) and head[-1][:1].isupper()


def _names_a_thing(d: DateMention, hits: list[ConceptHit], toks: Tokens, text: str) -> bool:
    """A year right after or before a topic noun names it ("pemilu presiden (Pilpres) 2024",
    "the 2022 budget") rather than dating an event ("didirikan pada 1948" dates one)."""
    cat = catalogue()
    first, last = toks.first_at(d.start), toks.first_at(d.end)
    # Only hits ending right before the year or starting right after it can name it.
    for h in (*last_word_in(hits, first - 1, first + 1), *first_word_in(hits, last, last + 1)):
        if cat[h.key].type not in ("topic", "measure"):
            continue
        gap = text[h.end:d.start] if h.last <= first else text[d.end:h.start]
        if (h.last == first or h.first == last) and not gap.strip(" ()"):
            return True
        if h.last == first - 1 and gap.strip().startswith("(") is False and ")" in gap:
            return True
    return False


def event_dates(sent: Sentence, hits: list[ConceptHit], reference: date | None = None
                ) -> list[tuple[DateMention, str]]:
    """Dates that stamp an event of the sentence ("erupted on Sunday"), each with the event's
    concept key; a date that only says when something was said ("officials said Monday") is
    not one."""
    cat = catalogue()
    spans = clauses(sent)
    toks = tokens(sent.text)
    as_of_words = set(compiled(sent.lang).data.get("as_of_words", []))
    before_words = [fold(w) for w in compiled(sent.lang).data.get("before_words", [])]
    baseline_words = [fold(w) for w in compiled(sent.lang).data.get("baseline_words", [])]
    named = {i for e in sent.entities
             for i in range(toks.first_at(e.start) + 1, toks.first_at(e.end))}
    out = []
    for d in sent.dates:
        if d.start < sent.core or (d.value is None and d.relative is None):
            continue
        if d.precision == "year" and (
            (reference is not None and d.value == str(reference.year))
            or _after_name(sent.text, d.start) or _names_a_thing(d, hits, toks, sent.text)
        ):
            continue  # "Pemilu 2024", "the 2024 election": a name, not a date of an event
        clause = _clause_of(spans, d.start)
        first, last = toks.first_at(d.start), toks.first_at(d.end)
        head = fold(sent.text[max(clause[0], d.start - 10): d.start]).split()
        if head and head[-1] in as_of_words:
            continue  # "hingga kemarin", "as of Tuesday": when a count was given
        if any(" ".join(head[-len(w.split()):]) == w for w in before_words):
            continue  # "Before Sunday, its last eruption was in 1979": a bound, not its date
        wide = fold(sent.text[max(clause[0], d.start - 30): d.start]).split()
        if any(" ".join(wide[-len(w.split()):]) == w for w in baseline_words):
            continue  # "naik 2,86 persen dibandingkan Mei 2023": the baseline, not the event's date
        nearby = [h for h in starting_in(hits, *clause)
                  if (cat[h.key].type in ("event", "measure")
                       or (cat[h.key].type == "report" and h.start < d.start))]
        if not nearby:
            continue
        reach = {id(h): min(_words(h.first, last, named), _words(first, h.last, named))
                 for h in nearby}
        said = [h for h in nearby if cat[h.key].type == "report" and reach[id(h)] <= 3]
        events = [h for h in nearby
                  if cat[h.key].type == "event" and reach[id(h)] <= EVENT_REACH]
        since = set(compiled(sent.lang).data.get("since_words", []))
        if not events and not said and not (head and head[-1] in since):
            # "X raised the price of subsidized fuel (BBM) for pertalite, diesel and pertamax, on
            # Saturday": a date closing its clause dates the clause's one event, however long
            # the object between them ("45 times since Sunday" starts a period: no date).
            # Not when a reporting verb comes between ("..., said the spokesman to reporters
            # on Wednesday": the date is when it was said).
            before = [h for h in nearby if cat[h.key].type == "event" and h.last < first]
            if (len({h.key for h in before}) == 1 and reach[id(before[0])] <= 2 * EVENT_REACH
                    and not any(cat[h.key].type == "report" and before[0].last < h.first < first
                                for h in hits)):
                events = before
        if said or not events:
            continue  # the date says when something was said or counted, not an event
        out.append((d, min(events, key=lambda h: reach[id(h)]).key))
    return out


def _words(a: int, b: int, named: set[int]) -> int:
    """Words between two token positions, a name of several words counting as one."""
    lo, hi = min(a, b), max(a, b)
    return hi - lo - sum(1 for i in range(lo, hi) if i in named)


def time_slot(sent: Sentence, d: DateMention, event: str, hits: list[ConceptHit], *,
              speaker: str | None) -> Slot:
    """The slot of a date that stamps an event."""
    clause = _clause_of(clauses(sent), d.start)
    return Slot(kind=Kind.TIME, date=d.value, event=event, speaker=speaker,
                terms=_terms(sent, *clause, hits))


def statement_slot(sent: Sentence, lo: int, hi: int, kind: Kind, hits: list[ConceptHit], *,
                   speaker: str | None, polarity: Polarity, as_of: str | None) -> Slot:
    """The slot of a quote, attribution, denial, event or other statement."""
    cat = catalogue()
    events = [h.key for h in starting_in(hits, lo, hi) if cat[h.key].type == "event"]
    return Slot(kind=kind, event=events[0] if events else None, speaker=speaker,
                polarity=polarity, as_of=as_of, terms=_terms(sent, lo, hi, hits))
