"""One passage read once: its dates, numbers, quotes, speaker, names and check-worthiness signals.

`read_sentence` does all the pattern work on one passage; `factcheck.core.extract.claims` then
decides which claims the sentence carries. Nothing here looks at other sentences except through
the ``known`` capitalised words handed in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any

from factcheck.core.extract.score import Signals
from factcheck.core.extract.speakers import Attribution, find_attribution, quote_spans
from factcheck.core.extract.window import SpanSet, starting_in
from factcheck.core.models import Passage, Role
from factcheck.core.text.dates import DateMention, find_dates
from factcheck.core.text.lang import Lang, compiled, tokens
from factcheck.core.text.names import Entity, find_entities, is_title_case, sentence_start
from factcheck.core.text.numbers import Quantity, find_quantities

_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
_CREDIT = re.compile(r"^[\W\d]*[A-Z][A-Z0-9 .&|/,-]*[\W\d]*$|^\s*[\[(][^\])]*[\])]\s*$")
"""All-capitals credit lines (``REUTERS``, ``REUTERS | TASS``) and bracketed ones (``[SB]``)."""
_SENTENCE_END = re.compile(r"[.!?…\"”’)]\s*$")
_MIN_PREFIXED_VERB = 6
_SUBJECT_WORDS = 8
_PREDICATE_WORDS = 8
MIN_WORDS = 4
"""Fewer words than this (outside a number or date) is a fragment, not a sentence."""


@dataclass
class Sentence:
    """What one passage says, with offsets relative to the passage text."""

    passage: Passage
    text: str
    core: int
    """Start of the sentence's own words (after a dateline such as ``TEMPO.CO, Jakarta -``)."""
    end: int
    lang: str
    quotes: list[tuple[int, int]] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    attribution: Attribution | None = None
    entities: list[Entity] = field(default_factory=list)
    speaker: str | None = None
    """The attribution's speaker, resolved when it was a pronoun (set by the claims stage)."""
    subject: str | None = None
    """A person the sentence is about, for resolving pronouns in the next ones."""
    read_already: frozenset[int] | None = None
    """Word indexes inside its figures, dates and names (filled once by the slots stage)."""
    clause_spans: list[tuple[int, int]] | None = None
    """Its clauses (filled once by the slots stage)."""
    concept_hits: list[Any] | None = None
    """Its vocabulary concepts (filled once by the slots stage)."""

    def in_quotes(self, pos: int) -> bool:
        """True when ``pos`` is inside a direct quotation."""
        return pos in self._quoted

    def quoted(self, lo: int, hi: int) -> int:
        """How many characters of ``text[lo:hi]`` are inside direct quotations."""
        return self._quoted.covered(lo, hi)

    @cached_property
    def _quoted(self) -> SpanSet:
        return SpanSet(self.quotes)


def is_furniture(text: str, lex: Lang) -> bool:
    """True for lines that are page furniture, teasers or credits rather than sentences."""
    stripped = text.strip()
    if not stripped or lex.furniture_prefix.match(stripped) or lex.age_line.match(stripped):
        return True
    if lex.photo_dateline.search(stripped):
        return True  # a wire photo caption run into the text
    if _CREDIT.match(stripped) and stripped == stripped.upper():
        return True
    return bool(re.fullmatch(r"[\[(][^\])]{0,60}[\])]", stripped))


def is_question(text: str, quotes: list[tuple[int, int]]) -> bool:
    """True when the sentence asks rather than states (a ``?`` outside quotes)."""
    i = text.find("?")
    while i >= 0:
        if not any(a <= i < b for a, b in quotes):
            return True
        i = text.find("?", i + 1)
    return False


def words(text: str) -> int:
    """Number of words in ``text``."""
    return len(_WORD.findall(text))


def words_between(text: str, lo: int, hi: int) -> int:
    """Number of words of ``text`` starting between ``lo`` and ``hi`` (from its cached tokens)."""
    toks = tokens(text)
    return toks.first_at(hi) - toks.first_at(lo)


def read_sentence(
    passage: Passage,
    lang: str,
    reference: date | None,
    known: frozenset[str],
) -> Sentence | None:
    """Read one passage; None when it is furniture, a question or a fragment."""
    lex = compiled(lang)
    text = passage.text
    if is_furniture(text, lex):
        return None
    end = len(text.rstrip())
    core = sentence_start(text)
    if core > 0 and text[core - 1] in "\"“‘'«":
        core -= 1  # keep an opening quote mark with the quotation
    quotes = quote_spans(text)
    if is_question(text[core:end], [(a - core, b - core) for a, b in quotes]):
        return None
    sent = Sentence(passage, text, core, end, lex.code, quotes=quotes)
    future = lex.future.search(tokens(text)) is not None
    sent.dates = find_dates(text, lang, reference, future=future, exclude=[(0, core)])
    sent.quantities = find_quantities(
        text, lang, exclude=[(0, core), *[(d.start, d.end) for d in sent.dates]]
    )
    n_words = len(tokens(text).low) - words(text[:core])
    bare = n_words - sum(words(d.text) for d in sent.dates)
    if bare < MIN_WORDS and not sent.quantities:
        return None  # a dateline, a time stamp, a tag
    title_case = is_title_case(text[core:end], lang)
    heading = title_case and not sent.quantities and not _SENTENCE_END.search(text)
    if heading and passage.role == Role.BODY:
        return None  # a tag list or a section heading without content
    sent.attribution = find_attribution(text, lang, quotes)
    sent.entities = find_entities(text, lang, known, title_case=title_case)
    return sent


def signals(
    sent: Sentence,
    lo: int,
    hi: int,
    *,
    denial: bool = False,
    speaker: bool = False,
) -> Signals:
    """The check-worthiness signals of the words ``sent.text[lo:hi]``."""
    lex = compiled(sent.lang)
    toks = tokens(sent.text)
    span = sent.text[lo:hi]
    quoted = sent.quoted(lo, hi)
    att = sent.attribution
    reporting = att is not None and lo <= att.start < hi
    indirect = False
    if reporting and att is not None:
        c_lo, c_hi = max(lo, att.content_start), min(hi, att.content_end)
        inside = sent.quoted(c_lo, c_hi)
        indirect = (
            words_between(sent.text, c_lo, c_hi) >= MIN_WORDS and inside < 0.5 * (c_hi - c_lo)
        )
    quantities = starting_in(sent.quantities, lo, hi)
    dates = starting_in(sent.dates, lo, hi)
    names = starting_in(sent.entities, lo, hi)
    comparative = False
    if not lex.comparative_cues.isdisjoint(toks.vocab):
        masked = _blank(span, [(q.start - lo, q.end - lo) for q in quantities])
        comparative = lex.comparative.search(masked) is not None
    return Signals(
        quantities=len(quantities),
        explicit_dates=sum(1 for d in dates if d.explicit),
        relative_dates=sum(1 for d in dates if not d.explicit),
        denial=denial,
        reporting=reporting,
        indirect=indirect,
        speaker=speaker,
        quote_ratio=quoted / max(1, hi - lo),
        entities=len(names),
        persons=sum(1 for e in names if e.person),
        event=any(not sent.in_quotes(a) for a, _ in lex.event.spans(toks, lo, hi)),
        superlative=_superlative(sent, lo, hi, lex),
        comparative=comparative,
        hedge=any(q.approximate for q in quantities),
        speculation=any(
            not (sent.text[a].isupper() and sent.text[a:b].lower() in lex.months)  # "in May"
            for a, b in lex.speculation.spans(toks, lo, hi)
        ),
        opinion=lex.opinion.search(toks, lo, hi) is not None,
        words=words_between(sent.text, lo, hi),
        role=sent.passage.role,
    )


def _superlative(sent: Sentence, lo: int, hi: int, lex: Lang) -> bool:
    """A first/only/last word that is not part of a title (``pemimpin tertinggi``) or of an
    idiom the lexicon excludes (``tidak hanya``, ``at least``). Inside a quotation a degree word
    ("the most pressing", "paling mendesak") is the speaker's emphasis, not a record to check;
    "the last option", "the first time" are."""
    toks = tokens(sent.text)
    excluded = lex.superlative_exclusion.spans(toks, lo, hi)
    degree = lex.degree_words
    return any(
        sent.text[a:b].lower() not in lex.titles
        and not (sent.in_quotes(a) and sent.text[a:b].lower() in degree)
        and not any(x <= a < y for x, y in excluded)
        for a, b in lex.superlative.spans(toks, lo, hi)
    )


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    chars = list(text)
    for a, b in spans:
        for i in range(max(0, a), min(len(chars), b)):
            chars[i] = " "
    return "".join(chars)


def verb_like(word: str, lex: Lang) -> bool:
    """A rough test for a verb or auxiliary, used to cut subject from predicate: a word the
    lexicon lists as a verb, auxiliary or copula, or one with a verbal prefix (``me-``, ``di-``)
    that is not a title, role, sentence opener or determiner."""
    if not word[:1].islower():
        return False
    low = word.lower()
    if low in lex.verbs:
        return True
    if (
        low in lex.role_words or low in lex.titles or low in lex.openers
        or low in lex.anaphora_after or lex.superlative.has(low)
    ):
        return False
    prefixes = lex.data.get("predicate_verb_prefixes", [])
    return len(low) >= _MIN_PREFIXED_VERB and any(low.startswith(p) for p in prefixes)


def subject_predicate(text: str, lo: int, hi: int, lex: Lang) -> tuple[str | None, str | None]:
    """A short subject and predicate of ``text[lo:hi]`` (words as written): the predicate starts
    at the first verb or auxiliary that is not inside a relative clause or an infinitive."""
    toks = tokens(text)
    first, last = toks.first_at(lo), toks.first_at(hi)
    cut = None
    for i in range(first + 1, last):
        word = text[toks.starts[i]:toks.ends[i]]
        before = toks.low[i - 1]
        if before in lex.relativizers or before in lex.infinitive_markers:
            continue
        if verb_like(word, lex):
            cut = toks.starts[i]
            break
    if cut is None:
        return None, None
    parts = [p for p in text[lo:cut].split(", ") if p.strip()]
    # The clause right before the verb, unless it is a relative clause ("X, which was founded").
    clauses = [p for p in parts if p.split()[0].lower() not in lex.relativizers]
    head = (clauses or parts or [""])[-1]
    head_words = [w for w in head.split() if w.strip(",")]
    while head_words and head_words[0].lower() in lex.openers | lex.determiners:
        head_words = head_words[1:]
    subject = " ".join(head_words[:_SUBJECT_WORDS]).strip(" ,;:\"“”") or None
    tail = text[cut:hi].split(", ", 1)[0]
    predicate = " ".join(tail.split()[:_PREDICATE_WORDS]).strip(" .;:\"“”") or None
    return subject, predicate
