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
from collections.abc import Sequence
from dataclasses import dataclass

from factcheck.core.extract.score import CHECKWORTHY, score
from factcheck.core.extract.sentence import Sentence, read_sentence, signals, subject_predicate
from factcheck.core.extract.speakers import (
    clean_speaker,
    noun_phrase_before,
    phrase_after,
)
from factcheck.core.models import Kind, Mention, Normalized, Passage, Polarity, Role, Source
from factcheck.core.text.lang import (
    Lang,
    compiled,
    language_of,
    reference_date,
    squash,
    tokens,
)
from factcheck.core.text.names import capitalised_words
from factcheck.core.textnorm import fold

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
    threshold: float = CHECKWORTHY,
) -> list[Mention]:
    """The check-worthy claims of one article, in text order.

    Args:
        source: The cleaned article (its language and publication date are used).
        passages: Its passages (offsets into ``source.text``).
        include_captions: Also read photo captions (scored lower).
        threshold: Keep mentions scoring at least this (see `score.CHECKWORTHY`).

    Returns:
        The mentions, sorted by offset; a sentence that asserts something and reports its
        denial gives two (the assertion's clause, then the whole sentence as the denial).
    """
    lang = language_of(source.text, source.language)
    lex = compiled(lang)
    ref = reference_date(source.published)
    ordered = sorted(passages, key=lambda p: p.start)
    roles = {Role.BODY, Role.HEADLINE} | ({Role.CAPTION} if include_captions else set())
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
        for mention in _mentions(source, sent, history, names, lex, threshold):
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
    # The person the sentence is about: the first person named in its main clause.
    main = sent.core
    head = sent.text[sent.core:]
    first = head.split(None, 1)[0] if head.split() else ""
    if squash(first) in lex.openers and "," in head[:80]:
        main = sent.core + head.index(",") + 1
    for e in sent.entities:
        if e.start >= main and not sent.in_quotes(e.start) and _person(e.text, lex):
            sent.subject = _expand(e.text, names)
            break


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
    if where is not None:
        phrase = text[where[0]:where[1]]
        speaker = clean_speaker(phrase, sent.lang)
        if speaker is None:
            speaker = _antecedent(history, lex, persons_only=len(phrase.split()) == 1)
    return _Denial(verb[0], verb[1], clause, _expand(speaker, names) or sent.speaker)


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
    quoted = sum(max(0, min(b, hi) - max(a, lo)) for a, b in sent.quotes)
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
    quantities = [q for q in sent.quantities if lo <= q.start < hi]
    dates = [d for d in sent.dates if lo <= d.start < hi]
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


def _mention(
    source: Source, sent: Sentence, lo: int, hi: int, kind: Kind | None, lex: Lang, *,
    speaker: str | None, threshold: float, denial: _Denial | None = None,
) -> Mention | None:
    """The mention of ``sent.text[lo:hi]`` (of ``kind``, or the kind `_kind` gives), or None
    when it scores below ``threshold``."""
    p = sent.passage
    while hi > lo and sent.text[hi - 1].isspace():
        hi -= 1
    value, reasons = score(signals(sent, lo, hi, denial=denial is not None, speaker=bool(speaker)))
    if value < threshold:
        return None
    kind = kind or _kind(sent, lo, hi, lex, speaker)
    polarity = Polarity.DENIED if denial else Polarity.ASSERTED
    normalized = _normalized(sent, lo, hi, kind, lex, speaker=speaker, polarity=polarity)
    if denial is not None:
        predicate = sent.text[denial.start:hi].split(",", 1)[0].split()[:_PREDICATE_WORDS]
        normalized = normalized.model_copy(
            update={"subject": speaker, "predicate": " ".join(predicate).strip(" .") or None}
        )
    return Mention(
        id=mention_id(p.id, kind.value, polarity.value, lo),
        source_id=source.id, passage_id=p.id, start=p.start + lo, end=p.start + hi,
        text=source.text[p.start + lo:p.start + hi], kind=kind, normalized=normalized,
        score=value, reasons=reasons, language=sent.lang,
        entities=[e.text for e in sent.entities if lo <= e.start < hi],
    )


def _mentions(source: Source, sent: Sentence, history: list[Sentence], names: dict[str, str],
              lex: Lang, threshold: float) -> list[Mention]:
    lo, hi = sent.core, sent.end
    denial = _find_denial(sent, lex, history, names)
    if denial is None:
        one = _mention(source, sent, lo, hi, None, lex, speaker=sent.speaker, threshold=threshold)
        return [one] if one else []
    found: list[Mention | None] = []
    if denial.clause > lo:
        # The clause before "meskipun"/"although" asserts what the rest of the sentence denies.
        main_hi = denial.clause
        while main_hi > lo and sent.text[main_hi - 1] in " ,;":
            main_hi -= 1
        att = sent.attribution
        asserted = att is not None and att.start < main_hi and sent.speaker
        if asserted or any(q.start < main_hi for q in sent.quantities):
            found.append(_mention(source, sent, lo, main_hi, None, lex, speaker=sent.speaker,
                                  threshold=threshold))
    found.append(_mention(source, sent, lo, hi, Kind.DENIAL, lex, speaker=denial.speaker,
                          threshold=threshold, denial=denial))
    return [m for m in found if m is not None]
