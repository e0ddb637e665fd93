"""Claims from a cleaned article: which sentences carry check-worthy claims, of what kind, said by
whom, and with what checkable value.

Captions are skipped by default (they describe a photo; ``include_captions=True`` reads them with a
score penalty). Headlines and body sentences are read. A sentence yields one mention, or two when it
asserts something and reports its denial (``Washington mengatakan ... , meskipun Pyongyang dan
Moskow membantahnya``): the assertion covers its clause, the denial the whole sentence (it refers
back to what is denied).

Kind precedence, one primary kind per mention:
``denial > quantity > time > quote > attribution > event > other``, where

* quantity: a count or measure (``sekitar 50 rudal``), or a length of time measured for its own sake
  (``selama sekitar 40 detik``);
* time: a date that is the checkable core (a year or month, a scheduled future day, a ``sejak``/
  ``since`` date) or a span back from now (``untuk pertama kalinya dalam 24 tahun terakhir``);
* quote: mostly a direct quotation, with its speaker known;
* event: an event verb, or a day-precise date stamping what happened.

Pronoun speakers (``Ia``, ``katanya``, ``Presiden itu``, ``He``) resolve to the person speaking or
acting in the one to three sentences before; surnames expand to the full name the article gives
(``Peskov`` -> ``Dmitry Peskov``) when only one name ends that way.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from factcheck.core.extract.score import CHECKWORTHY, score
from factcheck.core.extract.sentence import Sentence, read_sentence, signals, subject_predicate
from factcheck.core.extract.slots import (
    Figure,
    clauses,
    event_dates,
    figure_slots,
    figures,
    sentence_concepts,
    statement_slot,
    status_slots,
    time_slot,
)
from factcheck.core.extract.speakers import (
    clean_speaker,
    noun_phrase_before,
    phrase_after,
)
from factcheck.core.extract.window import span_at, starting_in
from factcheck.core.models import (
    Kind,
    Mention,
    Normalized,
    Passage,
    Polarity,
    Role,
    Slot,
    Source,
)
from factcheck.core.text.concepts import ConceptHit, catalogue
from factcheck.core.text.lang import (
    Lang,
    Phrases,
    compiled,
    language_of,
    reference_date,
    squash,
    tokens,
)
from factcheck.core.text.names import capitalised_words
from factcheck.core.textnorm import fold
from factcheck.core.values import describe

PRONOUN_WINDOW = 3
"""How many sentences back a pronoun speaker may refer to."""
QUOTE_SHARE = 0.3
"""A mention at least this much inside quotation marks (with a speaker) is a quote."""
_PREDICATE_WORDS = 6
_SUBJECT_REACH = 4
_OBJECT_WINDOW = 40
"""Characters after ``menolak``/``rejected`` in which a claim noun makes it a denial."""


def mention_id(passage_id: str, kind: str, polarity: str, offset: int) -> str:
    """Stable id of a mention: its passage, kind, polarity and offset within the passage."""
    key = f"{passage_id}\0{kind}\0{polarity}\0{offset}"
    return "m-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class _Denial:
    start: int
    end: int
    clause: int
    """Start of the clause that holds the denial."""
    speaker: str | None


def extract_claims(
    source: Source,
    passages: Sequence[Passage],
    *,
    include_captions: bool = False,
    include_headline: bool = False,
    threshold: float = CHECKWORTHY,
) -> list[Mention]:
    """The check-worthy claims of one article, in text order.

    Claims come from the body: a headline restates (and often shortens) the body's claims, and
    a caption describes a photo; either can be read on request.

    Args:
        source: The cleaned article (its language and publication date are used).
        passages: Its passages (offsets into ``source.text``).
        include_captions: Also read photo captions (scored lower).
        include_headline: Also read the headline (scored lower; kept only when no body claim
            restates it).
        threshold: Keep mentions scoring at least this (see `score.CHECKWORTHY`).

    Returns:
        The mentions, sorted by offset; a sentence that asserts something and reports its
        denial gives two (the assertion's clause, then the whole sentence as the denial).
    """
    lang = language_of(source.text, source.language)
    lex = compiled(lang)
    ref = reference_date(source.published)
    ordered = sorted(passages, key=lambda p: p.start)
    roles = ({Role.BODY} | ({Role.HEADLINE} if include_headline else set())
             | ({Role.CAPTION} if include_captions else set()))
    known = capitalised_words(p.text for p in ordered if p.role == Role.BODY)
    sentences = [
        s for p in ordered if p.role in roles
        if (s := read_sentence(p, lang, ref, known)) is not None
    ]
    names = _full_names(sentences, lex)
    history: list[Sentence] = []
    mentions: list[Mention] = []
    headlines: list[Mention] = []
    for sent in sentences:
        _resolve_speaker(sent, history, names, lex)
        for mention in _mentions(source, sent, history, names, lex, threshold, ref):
            if sent.passage.role == Role.HEADLINE:
                headlines.append(mention)
            else:
                mentions.append(mention)
        if sent.passage.role == Role.BODY:
            history.append(sent)
    mentions += [h for h in headlines if not any(_restates(m, h) for m in mentions)]
    mentions.sort(key=lambda m: (m.start, m.end))
    return mentions


def _restates(body: Mention, headline: Mention) -> bool:
    """True when a body claim carries everything a headline claim says: its names and its value.
    The body sentence is the one to cite; the headline adds nothing to check."""
    if body.kind != Kind.DENIAL and headline.kind == Kind.DENIAL:
        return False
    text = fold(body.text)
    if not headline.entities or not all(fold(e) in text for e in headline.entities):
        return False
    value = headline.normalized.value
    return value is None or (value == body.normalized.value
                             and headline.normalized.unit == body.normalized.unit)


def _full_names(sentences: list[Sentence], lex: Lang) -> dict[str, str]:
    """Surname -> full name, for surnames only one person in the article carries."""
    by_last: dict[str, set[str]] = {}
    for sent in sentences:
        for e in sent.entities:
            if e.person:
                by_last.setdefault(e.text.split()[-1], set()).add(e.text)
    return {last: next(iter(full)) for last, full in by_last.items() if len(full) == 1}


def _expand(name: str | None, names: dict[str, str]) -> str | None:
    """``Peskov`` -> ``Dmitry Peskov`` when the article names only one such person."""
    if name and " " not in name:
        return names.get(name, name)
    return name


def _person(name: str | None, lex: Lang) -> bool:
    if not name:
        return False
    tokens = name.split()
    return (
        all(t[:1].isupper() for t in tokens)
        and not lex.is_place(name)
        and not (len(tokens) == 1 and tokens[0].isupper())
    )


def _antecedent(history: list[Sentence], lex: Lang, persons_only: bool) -> str | None:
    for prev in reversed(history[-PRONOUN_WINDOW:]):
        if prev.speaker and (not persons_only or _person(prev.speaker, lex)):
            return prev.speaker
        if prev.subject:
            return prev.subject
    return None


def _resolve_speaker(
    sent: Sentence, history: list[Sentence], names: dict[str, str], lex: Lang
) -> None:
    att = sent.attribution
    if att is not None:
        if att.anaphoric:
            pronoun = len(att.phrase.split()) == 1
            sent.speaker = _antecedent(history, lex, persons_only=pronoun)
        else:
            sent.speaker = _expand(att.speaker, names)
    # The person the sentence is about: whom an opening pronoun stands for ("Dia juga
    # mengucapkan selamat kepada Kim": the sentences before name him, Kim is the object), else
    # the first person named in its main clause.
    if _opens_with_pronoun(sent.text, sent.core, len(sent.text), lex):
        sent.subject = _antecedent(history, lex, persons_only=True)
        return
    main = sent.core
    head = sent.text[sent.core:]
    first = head.split(None, 1)[0] if head.split() else ""
    if squash(first) in lex.openers and "," in head[:80]:
        main = sent.core + head.index(",") + 1
    for e in sent.entities:
        if e.start >= main and not sent.in_quotes(e.start) and _person(e.text, lex):
            sent.subject = _expand(e.text, names)
            break


def _opens_with_pronoun(text: str, lo: int, hi: int, lex: Lang) -> bool:
    """Whether ``text[lo:hi]`` opens with a singular personal pronoun ("Dia", "He")."""
    words = text[lo:hi].split(None, 1)
    return bool(words) and words[0].strip(",").lower() in lex.pronouns


def _find_denial(sent: Sentence, lex: Lang, history: list[Sentence], names: dict[str, str]
                 ) -> _Denial | None:
    text = sent.text
    toks = tokens(text)
    verb = lex.denial_verb.search(toks, sent.core)
    if verb is None:
        verb = next((
            v for v in lex.denial_object_verb.spans(toks, sent.core)
            if lex.denial_object.search(toks, v[1], v[1] + _OBJECT_WINDOW)
        ), None)
    if verb is None:
        said = lex.denial_phrase.search(toks, sent.core)  # "X mengatakan laporan itu tidak benar"
        if said is None:
            said = _negated_allegation(sent, lex)  # "tidak terdapat indikasi kecurangan"
        if said is None:
            return None
        return _Denial(said[0], said[1], sent.core, sent.speaker)
    clause = sent.core
    for c in lex.concessive.spans(toks, sent.core, verb[0]):
        clause = c[0]
    nxt = toks.first_at(verb[1])
    if nxt < len(toks.low) and lex.passive_agent.has(toks.low[nxt]):  # "dibantah oleh X"
        where = phrase_after(text, toks.ends[nxt], sent.lang)
    else:
        lo = clause + (len(text[clause:].split(None, 1)[0]) if clause > sent.core else 0)
        where = noun_phrase_before(text, verb[0], sent.lang, lo=lo)
        if where is None and 0 < len(text[lo:verb[0]].split()) <= _SUBJECT_REACH:
            # "namun sejumlah ekonom menyangkal ...": the words between connective and verb.
            segment = text[lo:verb[0]]
            where = (lo + len(segment) - len(segment.lstrip()), lo + len(segment.rstrip()))
    speaker = None
    if where is not None and "," in text[where[1]:verb[0]]:
        where = None  # "..., Zulkifli said on Monday, dismissing reports": the sentence's subject
    if where is not None:
        phrase = text[where[0]:where[1]]
        speaker = clean_speaker(phrase, sent.lang)
        if speaker is None:
            speaker = _antecedent(history, lex, persons_only=len(phrase.split()) == 1)
    return _Denial(verb[0], verb[1], clause, _expand(speaker, names) or sent.speaker)


_ALLEGATIONS = frozenset({"fraud", "corruption", "violate", "crime", "allege"})
"""What a negation in front of it turns into a denial: "no fraud", "tidak ada pelanggaran"."""
NEGATION_REACH = 4


def _negated_allegation(sent: Sentence, lex: Lang) -> tuple[int, int] | None:
    """A negation shortly before an allegation word, outside a question: "tidak terdapat
    indikasi kecurangan", "there was no fraud"."""
    toks = tokens(sent.text)
    negations = Phrases(lex.data["denial"].get("negations", []))
    spans = negations.spans(toks, sent.core)
    if not spans:
        return None
    for hit in sentence_concepts(sent):
        if hit.key not in _ALLEGATIONS:
            continue
        for a, b in spans:
            if b <= hit.start and toks.first_at(hit.start) - toks.first_at(b) <= NEGATION_REACH:
                return a, hit.end
    return None


def _kind(sent: Sentence, lo: int, hi: int, lex: Lang, speaker: str | None) -> Kind:
    """The primary kind of ``sent.text[lo:hi]`` (denials are decided by the caller)."""
    toks = tokens(sent.text)
    quantities = [q for q in sent.quantities if lo <= q.start < hi]
    dates = [d for d in sent.dates if lo <= d.start < hi]
    span_marker = lex.span.search(toks, lo, hi) is not None
    if any(not q.duration or not span_marker for q in quantities):
        return Kind.QUANTITY
    scheduled = lex.future.search(toks, lo, hi) is not None
    since = lex.since.search(toks, lo, hi) is not None
    if quantities or any(
        d.explicit and (d.precision in ("month", "year") or scheduled or since) for d in dates
    ):
        return Kind.TIME
    quoted = sent.quoted(lo, hi)
    att = sent.attribution
    if speaker and quoted >= QUOTE_SHARE * (hi - lo):
        return Kind.QUOTE
    if att is not None and lo <= att.start < hi and speaker:
        return Kind.ATTRIBUTION
    events = [e for e in lex.event.spans(toks, lo, hi) if not sent.in_quotes(e[0])]
    if events or any(d.explicit for d in dates):
        return Kind.EVENT
    return Kind.OTHER


def _normalized(
    sent: Sentence, lo: int, hi: int, kind: Kind, lex: Lang, *,
    speaker: str | None, polarity: Polarity = Polarity.ASSERTED,
) -> Normalized:
    quantities = starting_in(sent.quantities, lo, hi)
    dates = starting_in(sent.dates, lo, hi)
    # The checkable core: a hedged figure ("roughly 40 seconds") before a plain count ("two
    # leaders"), a count before a duration ("tujuh kali dalam 12 tahun").
    ranked = sorted(quantities, key=lambda q: (
        q.approximate is None, q.duration if kind == Kind.QUANTITY else False, q.start
    ))
    quantity = next(iter(ranked), None)
    best = sorted(dates, key=lambda d: (not d.explicit, {"day": 0, "month": 1}.get(d.precision, 2)))
    when = best[0] if best else None
    att = sent.attribution
    if att is not None and lo <= att.start < hi and att.content_end > att.content_start:
        c_lo, c_hi = max(lo, att.content_start), min(hi, att.content_end)
    else:
        c_lo, c_hi = lo, hi
    subject, predicate = subject_predicate(sent.text, c_lo, c_hi, lex)
    if subject is None and sent.subject and _opens_with_pronoun(sent.text, c_lo, c_hi, lex):
        subject = sent.subject  # who "Dia" / "He" is, as the sentences before name them
    value: float | int | str | None = None
    unit = approximate = None
    if quantity is not None and kind in (Kind.QUANTITY, Kind.TIME):
        value, unit, approximate = quantity.value, quantity.unit, quantity.approximate
    elif when is not None and kind in (Kind.TIME, Kind.EVENT):
        value = when.value or when.relative
    return Normalized(
        subject=subject, predicate=predicate, value=value, unit=unit, approximate=approximate,
        speaker=speaker, polarity=polarity,
        date=when.value if when else None, relative=when.relative if when else None,
    )


def _as_of(sent: Sentence, ref: date | None, clause: tuple[int, int] | None = None
           ) -> str | None:
    """The date a sentence's figures (or one clause's) are given for: a year other than the
    publication year ("in 1979, killing at least 60"), else the first day or month it states."""
    years = set()
    days = []
    lo, hi = clause or (sent.core, sent.end)
    data = compiled(sent.lang).data
    since = set(data.get("since_words", []))
    # a figure's baseline: "than in 2023", "dibanding Mei 2023", and the start of a change,
    # "rose 2.86% from a year earlier to $22.33 billion"
    than = [fold(w) for w in [*data.get("baseline_words", []),
                              *data.get("change_words", {}).get("from", [])]]
    dates = starting_in(sent.dates, lo, hi)
    for d in dates:
        if not d.value or d.value.startswith("--"):
            continue
        if _after_since(sent.text, lo, d.start, since):
            continue  # "since elections began in 2004": where a span starts, not the figure's date
        if _compared_with(sent.text, lo, d.start, than):
            continue  # "three times as many as in the same period of 2023": the baseline
        if d.precision in ("day", "month"):
            days.append(d.value[:10])
        if d.precision == "year":
            years.add(d.value[:4])
    for d in dates:
        if (d.precision == "year" and d.value in years
                and not _named_year(sent.text, d.start)
                and (ref is None or d.value != str(ref.year))):
            return d.value  # a year of its own beats "before Sunday": another event
    return days[0] if days else None


SINCE_REACH = 10
"""Words between "since"/"sejak" and the date that starts the span."""


QUARTER_REACH = 8
"""Words between a figure and the quarter of a year it is given for, at most."""


def _quarters(sent: Sentence, ref: date | None) -> list[tuple[int, str]]:
    """The quarters of a year the sentence names, as (token index, ``2024-Q2``): "kuartal II
    2024", "the second quarter", "the April-June quarter", "Q2". A quarter without its year
    is the latest one up to the publication date."""
    data = compiled(sent.lang).data.get("quarters")
    if not data:
        return []
    low = tokens(sent.text).low
    words, ordinals, short = set(data["words"]), data["ordinals"], data.get("short", "q")
    out = []
    for i, word in enumerate(low):
        head, _, tail = word.rpartition("-")
        if tail in words and head in ordinals:  # "second-quarter"
            number, at = ordinals[head], i
        elif word in words and i > 0 and low[i - 1] in ordinals:
            number, at = ordinals[low[i - 1]], i
        elif word in words and i + 1 < len(low) and low[i + 1] in ordinals:
            number, at = ordinals[low[i + 1]], i + 1
        elif len(word) == 2 and word[0] == short and word[1] in "1234":
            number, at = int(word[1]), i
        else:
            continue
        year = next((int(t) for t in low[at + 1:at + 4] if t.isdigit() and len(t) == 4
                     and 1900 < int(t) < 2100), None)
        if year is None and ref is not None:
            year = ref.year if number <= (ref.month - 1) // 3 + 1 else ref.year - 1
        if year is not None:
            out.append((i, f"{year}-Q{number}"))
    return out


def _quarter_of(sent: Sentence, fig: Figure, quarters: list[tuple[int, str]]) -> str | None:
    """The quarter nearest a figure, within `QUARTER_REACH` words."""
    if not quarters:
        return None
    toks = tokens(sent.text)
    first, last = toks.first_at(fig.quantity.start), toks.first_at(fig.quantity.end)
    near = [(min(abs(i - first), abs(i - last)), q) for i, q in quarters]
    distance, quarter = min(near)
    return quarter if distance <= QUARTER_REACH else None


def _compared_with(text: str, lo: int, pos: int, than: list[str]) -> bool:
    """A date in the comparison of a figure ("than in 2023", "as in the same period of 2023",
    "dibanding periode yang sama tahun lalu"): the baseline, not the date the figure is for."""
    head = " " + fold(text[max(lo, pos - 60):pos].split(",")[-1]) + " "
    return any(f" {w} " in head for w in than)


def _after_since(text: str, lo: int, pos: int, since: set[str]) -> bool:
    """A date that says where a span of time starts ("since direct elections began in 2004")."""
    head = text[max(lo, pos - 80):pos].split(",")[-1]
    words = [w.strip(".;:()\"'").lower() for w in head.split()][-SINCE_REACH:]
    return any(w in since for w in words)


def _named_year(text: str, pos: int) -> bool:
    """A year that is part of a name ("Pemilu 2024", "(Pilpres) 2024")."""
    head = text[max(0, pos - 24): pos].split()
    return bool(head) and (head[-1][:1].isupper() or head[-1].endswith(")"))


def _statement(
    source: Source, sent: Sentence, lo: int, hi: int, kind: Kind | None, lex: Lang,
    hits: list[ConceptHit], *, speaker: str | None, threshold: float,
    denial: _Denial | None = None, ref: date | None = None, apart: bool = True,
) -> Mention | None:
    """The mention of ``sent.text[lo:hi]`` as one statement (of ``kind``, or the kind `_kind`
    gives), or None when it scores below ``threshold``. ``apart``: the sentence's figures and
    dates are mentions of their own (else a dated statement is a time claim)."""
    p = sent.passage
    while hi > lo and sent.text[hi - 1].isspace():
        hi -= 1
    value, reasons = score(signals(sent, lo, hi, denial=denial is not None, speaker=bool(speaker)))
    if value < threshold:
        return None
    kind = kind or _kind(sent, lo, hi, lex, speaker)
    if kind in (Kind.QUANTITY, Kind.TIME) and (apart or not _historical(sent, lo, hi, ref)):
        # Its figures and dates are mentions of their own: as a statement, the sentence is
        # what it reports or what happens.
        kind = _statement_kind(sent, lo, hi, speaker)
    polarity = Polarity.DENIED if denial else Polarity.ASSERTED
    normalized = _normalized(sent, lo, hi, kind, lex, speaker=speaker, polarity=polarity)
    if denial is not None:
        predicate = sent.text[denial.start:hi].split(",", 1)[0].split()[:_PREDICATE_WORDS]
        normalized = normalized.model_copy(
            update={"subject": speaker, "predicate": " ".join(predicate).strip(" .") or None}
        )
    slot = statement_slot(sent, lo, hi, kind, hits, speaker=speaker, polarity=polarity,
                          as_of=_as_of(sent, ref))
    return Mention(
        id=mention_id(p.id, kind.value, polarity.value, lo),
        source_id=source.id, passage_id=p.id, start=p.start + lo, end=p.start + hi,
        text=source.text[p.start + lo:p.start + hi], kind=kind, normalized=normalized,
        score=value, reasons=reasons, language=sent.lang,
        entities=[e.text for e in starting_in(sent.entities, lo, hi)], slot=slot,
    )


def _historical(sent: Sentence, lo: int, hi: int, ref: date | None) -> bool:
    """The statement dates something in another year than the news (``pada Agustus 1945``),
    or counts time back: a time claim rather than an event of the day."""
    if any(q.duration for q in sent.quantities if lo <= q.start < hi):
        return True
    years = [int(d.value[:4]) for d in sent.dates
             if lo <= d.start < hi and d.explicit and d.value and d.value[:4].isdigit()]
    return ref is not None and any(y != ref.year for y in years)


def _statement_kind(sent: Sentence, lo: int, hi: int, speaker: str | None) -> Kind:
    quoted = sent.quoted(lo, hi)
    if speaker and quoted >= QUOTE_SHARE * (hi - lo):
        return Kind.QUOTE
    att = sent.attribution
    if att is not None and lo <= att.start < hi and speaker:
        return Kind.ATTRIBUTION
    return Kind.EVENT


BORROWED = "ctx:"
"""A denial's term naming the passage whose content it borrowed (linking may pair the two)."""
DENIED_OBJECT_REACH = 3
"""Words after a denial verb in which "the claims", "kritik tersebut" says what it denies."""


OWN_CONTENT_WORDS = 5
"""Words after a denial verb from which the denial states what it denies itself ("denied his
client had received any money"), rather than pointing back ("denied it", "menepis kritik
tersebut")."""


def _refers_back(sent: Sentence, denial: _Denial, slot: Slot, lex: Lang) -> bool:
    """A denial that points back ("membantahnya", "menepis kritik tersebut", "denied the
    claims") or names no event of its own denies what the sentence before it says."""
    data = lex.data["denial"]
    toks = tokens(sent.text)
    verb = sent.text[denial.start:denial.end].lower()
    suffix = data.get("refers_back_suffix")
    if suffix and verb.endswith(suffix):
        return True
    first = toks.first_at(denial.end)
    clause_words = set(data.get("clause_words", []))
    for at in range(first, min(first + 2, len(toks.low))):
        # "denied that the bank had spent...", "membantah kabar bahwa BI telah...": a clause of
        # its own says what is denied (a "that" with no clause after it points back)
        if toks.low[at] in clause_words and len(toks.low) - at > 4:
            return False
    after = " ".join(toks.low[first:first + DENIED_OBJECT_REACH])
    if any(f" {w} " in f" {after} " for w in data.get("refers_back", [])):
        return True
    stop = bisect_left(toks.starts, sent.end)
    if stop - first >= OWN_CONTENT_WORDS:
        return False  # "denied his client had received any money": a proposition of its own
    kinds = catalogue()
    return not any(t.startswith("t:") and (c := kinds.get(t[2:])) is not None
                   and c.type == "event" for t in slot.terms)


def _figure_kind(sent: Sentence, fig: Figure, lex: Lang, speaker: str | None) -> Kind:
    """A figure inside a direct quotation with a known speaker is a quote; a span of time
    counted back ("the first in 24 years", "since 2011") a time claim; else a quantity."""
    q = fig.quantity
    if speaker and sent.in_quotes(q.start):
        return Kind.QUOTE
    if q.duration and lex.span.search(tokens(sent.text), *fig.clause) is not None:
        return Kind.TIME
    return Kind.QUANTITY


def _clause_mention(source: Source, sent: Sentence, lo: int, hi: int, anchor: int, kind: Kind,
                    slot: Slot, lex: Lang, *, speaker: str | None) -> Mention:
    """A mention whose words are one clause of the sentence (a figure's, a date's)."""
    p = sent.passage
    while hi > lo and sent.text[hi - 1] in " ,;":
        hi -= 1
    value, reasons = score(signals(sent, lo, hi, speaker=bool(speaker)))
    normalized = _normalized(sent, lo, hi, kind, lex, speaker=speaker)
    if slot.unit == "status":
        normalized = normalized.model_copy(update={"value": describe(slot), "unit": None})
    elif slot.value is not None and slot.kind != Kind.TIME:
        normalized = normalized.model_copy(update={"value": _plain(slot, sent, anchor)})
    return Mention(
        id=mention_id(p.id, kind.value, Polarity.ASSERTED.value, anchor),
        source_id=source.id, passage_id=p.id, start=p.start + lo, end=p.start + hi,
        text=source.text[p.start + lo:p.start + hi], kind=kind, normalized=normalized,
        score=max(value, CHECKWORTHY), reasons=reasons, language=sent.lang,
        entities=[e.text for e in starting_in(sent.entities, lo, hi)], slot=slot,
    )


def _plain(slot: Slot, sent: Sentence, anchor: int) -> float | int | str | None:
    """The figure as written in its own unit (the slot holds it in the base unit)."""
    for q in starting_in(sent.quantities, anchor, anchor + 1):
        return q.value
    return slot.value


def _mentions(source: Source, sent: Sentence, history: list[Sentence], names: dict[str, str],
              lex: Lang, threshold: float, ref: date | None) -> list[Mention]:
    hits = sentence_concepts(sent)
    figs = figures(sent)
    out: list[Mention] = []
    speaker = sent.speaker
    strong = False
    if figs:
        kinds = {i: _figure_kind(sent, f, lex, speaker) for i, f in enumerate(figs)}
        before = sentence_concepts(history[-1]) if history else []
        quarters = _quarters(sent, ref)
        slots = figure_slots(sent, figs, hits, kind=kinds, speaker=speaker,
                             as_of=[_quarter_of(sent, f, quarters) or _as_of(sent, ref, f.clause)
                                    for f in figs], context=before)
        for i, (fig, slot) in enumerate(zip(figs, slots, strict=True)):
            if _weak(slot):
                continue  # "two other candidates", "tiga pasangan": no figure to check
            strong = True
            out.append(_clause_mention(source, sent, *fig.clause, fig.quantity.start, kinds[i],
                                       slot, lex, speaker=speaker))
    for hit, clause, slot in status_slots(sent, hits, speaker=speaker, as_of=_as_of(sent, ref)):
        out.append(_clause_mention(source, sent, *clause, hit.start, Kind.OTHER, slot, lex,
                                   speaker=speaker))
    for d, event in event_dates(sent, hits, ref):
        clause = span_at(clauses(sent), d.start) or (sent.core, sent.end)
        slot = time_slot(sent, d, event, hits, speaker=speaker)
        out.append(_clause_mention(source, sent, *clause, d.start, Kind.TIME, slot, lex,
                                   speaker=speaker))
    lo, hi = sent.core, sent.end
    denial = _find_denial(sent, lex, history, names)
    if denial is not None:
        one = _statement(source, sent, lo, hi, Kind.DENIAL, lex, hits, speaker=denial.speaker,
                         threshold=threshold, denial=denial, ref=ref)
        if (one is not None and one.slot is not None and history
                and _refers_back(sent, denial, one.slot, lex)):
            # "Both deny the claims", "menepis kritik tersebut": what is denied is in the
            # sentence before; its content terms come with the denial.
            prev = history[-1]
            borrowed = statement_slot(prev, prev.core, prev.end, Kind.OTHER,
                                      sentence_concepts(prev), speaker=None,
                                      polarity=Polarity.ASSERTED, as_of=None).terms
            terms = sorted(set(one.slot.terms) | set(borrowed) | {BORROWED + prev.passage.id})
            one = one.model_copy(update={"slot": one.slot.model_copy(update={"terms": terms})})
        if one is not None:
            out.append(one)
        if denial.clause > lo and not figs:
            # The clause before "meskipun"/"although" asserts what the rest of the sentence
            # denies.
            main_hi = denial.clause
            while main_hi > lo and sent.text[main_hi - 1] in " ,;":
                main_hi -= 1
            att = sent.attribution
            if att is not None and att.start < main_hi and speaker:
                main = _statement(source, sent, lo, main_hi, None, lex, hits, speaker=speaker,
                                  threshold=threshold, ref=ref)
                if main is not None:
                    out.append(main)
    elif not out or (strong and _says_more(sent, hits)):
        one = _statement(source, sent, lo, hi, None, lex, hits, speaker=speaker,
                         threshold=threshold, ref=ref, apart=bool(out))
        if one is not None:
            out.append(one)
    return out


WEAK_FIGURE = 3
"""A count up to this, without a measure word or unit, is part of a statement, not a claim."""


def _weak(slot: Slot) -> bool:
    return (slot.value is not None and abs(slot.value) <= WEAK_FIGURE and slot.measure is None
            and slot.unit in (None, "count", "people") and slot.high is None)


def _says_more(sent: Sentence, hits: list[ConceptHit]) -> bool:
    """A sentence whose figures do not say all it claims: an allegation, a denial, a court,
    protest or other event of its own ("alleged fraud", "vowed to contest the result")."""
    kinds = catalogue()
    figure_words = {i for q in sent.quantities for i in range(q.start, q.end)}
    return any(
        (c := kinds.get(h.key)) is not None and c.type == "event"
        and h.key in _STATEMENT_EVENTS and h.start not in figure_words
        for h in hits
    )


_STATEMENT_EVENTS = frozenset({
    "allege", "deny", "sue", "rule", "protest", "declare", "win", "lose", "concede", "appoint",
    "resign", "arrest", "charge", "sentence", "attack", "promise", "warn", "condemn", "ban",
    "approve", "reject", "suspend", "cancel", "investigate", "sign", "agree", "meet", "visit",
})
"""Events a sentence can claim beside its figures."""
