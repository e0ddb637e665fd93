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
from dataclasses import dataclass
from functools import cache

from factcheck.core.extract.sentence import Sentence
from factcheck.core.models import Bound, Kind, Polarity, Slot
from factcheck.core.text.concepts import (
    Concept,
    ConceptHit,
    catalogue,
    content_terms,
    find_concepts,
    fold,
)
from factcheck.core.text.dates import DateMention
from factcheck.core.text.lang import compiled, tokens
from factcheck.core.text.names import name_keys
from factcheck.core.text.numbers import Quantity

BOUNDS = {
    "about": Bound.ABOUT, "at least": Bound.AT_LEAST, "more than": Bound.MORE_THAN,
    "up to": Bound.AT_MOST, "less than": Bound.LESS_THAN, "nearly": Bound.NEARLY,
}
MEASURE_REACH = 8
"""Words between a figure and the measure word that says what it counts, at most."""
SUBJECT_REACH = 12
"""Words back from a figure in which the thing it is about is looked for."""
_CLAUSE_BREAK = re.compile(r";|:\s|\s[–—]\s|\s--\s|\(|\)")
_DIGITS = re.compile(r"\d[\d.,]*\d|\d")
_COUNT_UNITS = frozenset({"people", "families", "buildings", "times", "votes", "seats",
                          "provinces", "places", "parties"})
"""Catalogue units that count things (compatible with a figure without a unit)."""


@dataclass(frozen=True, slots=True)
class Figure:
    """A figure of a sentence that is a claim of its own."""

    quantity: Quantity
    clause: tuple[int, int]
    """The clause that carries it (offsets in the sentence text)."""


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


def clauses(sent: Sentence) -> list[tuple[int, int]]:
    """The clauses of a sentence: split at semicolons, dashes, brackets, and at a comma
    before a conjunction that starts a new statement ("..., while ...", "..., sementara ...")."""
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
    for a, b in spans:
        if a <= pos < b:
            return a, b
    return spans[-1]


def _aside(text: str, q: Quantity) -> bool:
    """A conversion or gloss in brackets right after another figure: "(US$0.67)", "(8 miles)"."""
    before = text[: q.start].rstrip()
    if not before.endswith("("):
        return False
    close = text.find(")", q.end)
    return close >= 0 and close - q.end <= 3 and bool(_DIGITS.search(before[-25:]))


_AGE = re.compile(r",\s*\d{1,3}\s*,")
_AGED = re.compile(r"\d+-year-old")


def _age(text: str, q: Quantity) -> bool:
    """An age: "Rani Radelani, 39, said", "72-year-old"."""
    around = text[max(0, q.start - 2): q.end + 2].strip()
    return bool(_AGE.fullmatch(around) or _AGED.match(text, q.start))


def figures(sent: Sentence) -> list[Figure]:
    """The figures of ``sent`` that are claims of their own, with their clauses."""
    spans = clauses(sent)
    lex = compiled(sent.lang)
    identifiers = tuple(w.lower() for w in lex.data.get("identifier_markers", []))
    out = []
    for q in sent.quantities:
        if q.start < sent.core or _aside(sent.text, q) or _age(sent.text, q):
            continue
        head = sent.text[max(0, q.start - 14): q.start].lower()
        if identifiers and head.rstrip().endswith(identifiers):
            continue  # "nomor urut 2", "No. 5"
        out.append(Figure(q, _clause_of(spans, q.start)))
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
    if unit is None or unit == "count" or unit in _COUNT_UNITS:
        return kind is None or kind in _COUNT_UNITS or kind in ("magnitude", "years")
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
    clause_tokens = [_token_span(sent, *f.clause) for f in figs]
    units = [base_unit(f.quantity.unit)[0] for f in figs]
    assigned: dict[int, list[tuple[int, ConceptHit]]] = {i: [] for i in range(len(figs))}
    for hit in hits:
        concept = cat.get(hit.key)
        if concept is None or concept.type not in ("measure", "event", "status"):
            continue
        best: tuple[int, int, int] | None = None  # (distance, after-figure first, figure)
        for i, (a, b) in enumerate(spans):
            lo, hi = clause_tokens[i]
            if not lo <= hit.first < hi:
                continue
            if concept.type == "measure" and not _compatible(concept, units[i]):
                continue
            distance = hit.first - b if hit.first >= b else a - hit.last
            if distance > MEASURE_REACH:
                continue
            rank = (max(0, distance), 0 if hit.first >= b else 1, i)
            if best is None or rank < best:
                best = rank
        if best is not None:
            assigned[best[2]].append((best[0], hit))
    out: dict[int, str | None] = {}
    for i in range(len(figs)):
        ranked = sorted(assigned[i], key=lambda t: (
            cat[t[1].key].type != "measure", t[0], t[1].first))
        key = ranked[0][1].key if ranked else None
        if key is None:  # a measure word shared by two figures ("96.214.691 suara atau 58,83")
            lo, hi = clause_tokens[i]
            near = [h for h in hits if lo <= h.first < hi and cat.get(h.key)
                    and cat[h.key].type == "measure" and _compatible(cat[h.key], units[i])]
            if near:
                a, b = spans[i]
                key = min(near, key=lambda h: abs(h.first - a)).key
        if key is not None and units[i] == "percent" and cat[key].unit != "percent":
            key += "%"
        out[i] = key
    return out


def _role(sent: Sentence, fig: Figure, figs: list[Figure]) -> str | None:
    """``before`` or ``after`` for a figure in a change: "dari X menjadi Y", "to Y from X"."""
    lex = compiled(sent.lang)
    change = lex.data.get("change_words", {})
    before_words = tuple(change.get("from", []))
    after_words = tuple(change.get("to", []))
    q = fig.quantity
    head = fold(sent.text[max(fig.clause[0], q.start - 12): q.start]).split()
    if head and head[-1] in before_words:
        return "before"
    if head and head[-1] in after_words:
        peers = [f for f in figs if f is not fig and f.clause == fig.clause
                 and base_unit(f.quantity.unit)[0] == base_unit(q.unit)[0]]
        if peers:
            return "after"
    tail = fold(sent.text[q.end: q.end + 14]).split()
    if tail and tail[0] in after_words and any(
        f.quantity.start > q.end and f.clause == fig.clause for f in figs
    ):
        return "before"
    return None


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
    names = [_Word(e.text, e.start, e.end) for e in sent.entities
             if lo <= e.start and e.end <= q.start]
    cat = catalogue()
    vocab_words = {i for h in hits for i in range(h.first, h.last)}
    lex = compiled(sent.lang)
    for hit in hits:
        if cat[hit.key].type != "measure" or not lo <= toks.starts[hit.first] < q.start:
            continue
        j = hit.last
        if j < len(toks.low) and toks.starts[j] < q.start and j not in vocab_words:
            word = toks.low[j]
            if word.isalpha() and word not in lex.function_words and len(word) > 3:
                names.append(_Word(sent.text[toks.starts[j]:toks.ends[j]],
                                   toks.starts[j], toks.ends[j]))
    if not names:
        return None
    return max(names, key=lambda e: e.end).text


@dataclass(frozen=True, slots=True)
class _Word:
    text: str
    start: int
    end: int


def _terms(sent: Sentence, lo: int, hi: int, hits: list[ConceptHit]) -> list[str]:
    toks = tokens(sent.text)
    skip = frozenset(
        i for i in range(len(toks.low))
        if any(q.start <= toks.starts[i] < q.end for q in sent.quantities)
        or any(d.start <= toks.starts[i] < d.end for d in sent.dates)
        or any(e.start <= toks.starts[i] < e.end for e in sent.entities)
        or not lo <= toks.starts[i] < hi
    )
    inside = [h for h in hits if lo <= h.start < hi]
    keys = content_terms(toks, sent.lang, inside, skip)
    for e in sent.entities:
        if lo <= e.start < hi:
            keys |= name_keys(e.text, sent.lang)
    return sorted(keys)


def sentence_concepts(sent: Sentence) -> list[ConceptHit]:
    """The vocabulary concepts of a sentence (read once, shared by all its slots)."""
    return find_concepts(tokens(sent.text), sent.lang)


def figure_slots(sent: Sentence, figs: list[Figure], hits: list[ConceptHit], *,
                 kind: dict[int, Kind], speaker: str | None, as_of: str | None) -> list[Slot]:
    """The slot of each figure of ``figs`` (see the module docstring)."""
    measures = _measures(sent, figs, hits)
    cat = catalogue()
    out = []
    for i, fig in enumerate(figs):
        q = fig.quantity
        unit, factor = base_unit(q.unit)
        measure = measures[i]
        concept = cat.get(measure.rstrip("%")) if measure else None
        subject = _subject(sent, fig, hits)
        value = q.value * factor
        out.append(Slot(
            kind=kind[i],
            measure=measure,
            unit=unit,
            value=value if math.isfinite(value) else None,
            bound=BOUNDS.get(q.approximate or "", Bound.EXACT),
            step=_step(q, sent.lang, factor),
            subject=subject,
            role=_role(sent, fig, figs),
            as_of=as_of,
            speaker=speaker,
            running=bool(concept and concept.running),
            terms=_terms(sent, *fig.clause, hits),
        ))
    return out


def event_dates(sent: Sentence, hits: list[ConceptHit]) -> list[tuple[DateMention, str]]:
    """Dates that stamp an event of the sentence ("erupted on Sunday"), each with the event's
    concept key; a date that only says when something was said ("officials said Monday") is
    not one."""
    cat = catalogue()
    spans = clauses(sent)
    toks = tokens(sent.text)
    out = []
    for d in sent.dates:
        if d.start < sent.core or (d.value is None and d.relative is None):
            continue
        clause = _clause_of(spans, d.start)
        first = toks.first_at(d.start)
        nearby = [h for h in hits if clause[0] <= h.start < clause[1]]
        said = [h for h in nearby if cat[h.key].type == "report" and 0 <= first - h.last <= 4]
        events = [h for h in nearby if cat[h.key].type == "event"]
        if said or not events:
            continue
        event = min(events, key=lambda h: abs(h.first - first))
        out.append((d, event.key))
    return out


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
    events = [h.key for h in hits if lo <= h.start < hi and cat[h.key].type == "event"]
    return Slot(kind=kind, event=events[0] if events else None, speaker=speaker,
                polarity=polarity, as_of=as_of, terms=_terms(sent, lo, hi, hits))
