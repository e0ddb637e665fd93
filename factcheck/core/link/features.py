"""Turn mentions into weighted feature sets (the linker's view of a claim).

A mention's features are keys with a weight:

* ``e:<state>`` canonical states and institutions, ``p:<name>`` people and places (entities.py);
* ``t:<concept>`` bilingual key terms and ``w:<stem>`` other content words (terms.py);
* ``n:<unit>:<value>`` figures and ``u:<unit>`` their units; ``d:<iso>``, ``y:<year>`` and
  ``m:<month>`` dates.

Weights combine a per-type weight with a damped inverse document frequency computed over the batch.
A short mention that refers back ("menepis kritik tersebut", "denied it") also borrows, at half
weight, the features of the passage before it in the same article, so a denial can meet the
claim it denies.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from factcheck.core.link.dates import find_clock, find_dates
from factcheck.core.link.entities import NameBook, NameKey, Scan, alias_of, dateline_end, scan
from factcheck.core.link.lexicon import lexicon, phrase_key
from factcheck.core.link.terms import (
    Number,
    Token,
    concept_terms,
    find_numbers,
    find_phrases,
    first_phrase,
    tokenize,
)
from factcheck.core.models import Kind, Mention, Passage, Polarity, Role, Source
from factcheck.core.textnorm import fold

TYPE_WEIGHT = {"e": 1.0, "p": 1.3, "t": 1.0, "w": 0.8, "n": 1.6, "u": 0.4, "d": 1.5, "y": 1.2,
               "m": 0.6}
WEAK_TERMS = {"t:deny": 0.5, "t:year": 0.5, "t:country": 0.5, "t:president": 0.6,
              "t:leader": 0.6, "t:official": 0.6, "t:government": 0.6}
CONTEXT_WEIGHT = 0.5
_ISO_DATE = re.compile(r"^\d{4}(?:-\d{2}){0,2}$")


@dataclass
class Features:
    """Everything the linker reads from one mention."""

    index: int
    mention: Mention
    source_id: str
    passage_id: str
    own: set[str] = field(default_factory=set)
    context: set[str] = field(default_factory=set)
    numbers: list[Number] = field(default_factory=list)
    primary: Number | None = None
    """The claim's figure: the extractor's normalized value and unit."""
    dates: set[str] = field(default_factory=set)
    text_dates: set[str] = field(default_factory=set)
    """Dates the mention's own words state explicitly."""
    clock: tuple[int, str] | None = None
    """An explicit time of day: minutes after midnight and the zone as written ("wib", "")."""
    denial: bool = False
    """The mention reports that someone denies something."""
    balanced: bool = False
    """The passage states an assertion and, in a concessive clause, its denial."""
    time_relations: dict[str, str] = field(default_factory=dict)
    """Relative timing the text states (``simultaneous``/``before``/``after``) -> words used."""
    vector: dict[str, float] = field(default_factory=dict)
    """Weights of the mention's own features."""
    context_vector: dict[str, float] = field(default_factory=dict)
    """Weights of the borrowed context features (used against other articles only)."""
    norm2: float = 0.0
    """Squared norm of ``vector`` (context features only ever add to a match)."""
    names_something: bool = False
    """The mention names a state, institution, person or place."""


def _unit_key(unit: str) -> tuple[str, float]:
    found = lexicon().units.get(phrase_key(unit))
    return (found.key, found.factor) if found else (fold(unit).strip(), 1.0)


def _hedge_key(approximate: str | None) -> str | None:
    if not approximate:
        return None
    key = phrase_key(approximate.replace("_", " "))
    return lexicon().hedges.get(key, approximate if approximate in (
        "about", "more_than", "at_least", "less_than", "at_most") else "about")


def _normalized_parts(mention: Mention) -> tuple[Number | None, set[str]]:
    norm = mention.normalized
    dates: set[str] = set()
    number = None
    value = norm.value
    if isinstance(value, bool):
        value = None
    if isinstance(value, int | float):
        unit, factor = _unit_key(norm.unit) if norm.unit else ("", 1.0)
        number = Number(float(value) * factor, unit, _hedge_key(norm.approximate))
    elif isinstance(value, str):
        text = value.strip()
        if _ISO_DATE.match(text):
            dates.add(text)
        else:
            dates |= find_dates(fold(text))[0]
    if norm.date:
        text = norm.date.strip()[:10]
        dates |= {text} if _ISO_DATE.match(text) else find_dates(fold(text))[0]
    return number, dates


def _language(mention: Mention, sources: Mapping[str, Source]) -> str | None:
    if mention.language:
        return mention.language
    source = sources.get(mention.source_id)
    return source.language if source else None


Analysis = tuple[list[Token], Scan, set[int], list[Number], set[str], set[str]]
"""Tokens, aliases and names, indexes of tokens used up, figures, dates, bare months."""


def _analyse_text(text: str, language: str | None, headline: bool | None) -> Analysis:
    body = text[dateline_end(text) :]
    tokens = tokenize(body)
    found = scan(tokens, headline)
    used = set(found.used)
    numbers = find_numbers(tokens, used)
    dates, months = find_dates(fold(body))
    return tokens, found, used, numbers, dates, months


class FeatureBuilder:
    """Builds `Features` for a batch of mentions in two passes (names need the whole batch)."""

    def __init__(
        self,
        mentions: Sequence[Mention],
        sources: Mapping[str, Source],
        passages: Mapping[str, Passage],
    ) -> None:
        self.mentions = mentions
        self.sources = sources
        self.passages = passages
        self.book = NameBook()
        self._by_source: dict[str, list[Passage]] = defaultdict(list)
        for passage in passages.values():
            self._by_source[passage.source_id].append(passage)
        for items in self._by_source.values():
            items.sort(key=lambda p: p.start)
        self._context_cache: dict[tuple[str, str], set[str]] = {}
        self._analysis_cache: dict[tuple[str, str | None, bool | None], Analysis] = {}
        self._position = {
            p.id: i for items in self._by_source.values() for i, p in enumerate(items)
        }

    def build(self) -> list[Features]:
        """Analyse every mention and weight its features."""
        lex = lexicon()
        raw = []
        for index, mention in enumerate(self.mentions):
            language = _language(mention, self.sources)
            passage = self.passages.get(mention.passage_id)
            headline = True if passage is not None and passage.role == Role.HEADLINE else None
            analysed = self._analysed(mention.text, language, headline)
            for key, _indexes, weak in analysed[1].names:
                if not weak:
                    self.book.add(mention.source_id, key)
            extra_aliases: set[str] = set()
            extra_names: list[NameKey] = []
            for entity in mention.entities:
                tokens = tokenize(entity)
                alias = alias_of(entity, tokens)
                if alias:
                    extra_aliases.add(alias)
                    continue
                # Read the extractor's string like text, so title-case words ("Kunjungan
                # Pertama") are not taken for a name.
                found = scan(tokens, headline=False)
                extra_aliases |= found.aliases
                for key, _indexes, _weak in found.names:
                    self.book.add(mention.source_id, key)
                    extra_names.append(key)
            raw.append((index, mention, language, analysed, extra_aliases, extra_names))
        seen: set[str] = set()
        mention_texts = {m.text for m in self.mentions}
        for mention in self.mentions:
            passage = self.passages.get(mention.passage_id)
            if passage is None or passage.id in seen or passage.role == Role.HEADLINE:
                continue
            seen.add(passage.id)
            if passage.text in mention_texts:
                continue  # already read as a mention
            text = passage.text[dateline_end(passage.text) :]
            for key, _indexes, weak in scan(tokenize(text)).names:
                if not weak:
                    self.book.add(mention.source_id, key)
        self.book.build()
        out: list[Features] = []
        for index, mention, language, analysed, extra_aliases, extra_names in raw:
            tokens, found, used, numbers, dates, months = analysed
            feats = Features(index, mention, mention.source_id, mention.passage_id)
            feats.own = self._keys(
                mention, language, tokens, found, set(used), numbers, dates, months
            )
            feats.own |= {"e:" + a for a in extra_aliases}
            for key in extra_names:
                resolved = self.book.resolve(mention.source_id, key)
                if resolved:
                    feats.own.add("p:" + " ".join(resolved))
            primary, norm_dates = _normalized_parts(mention)
            if primary is not None and primary.hedge is None:
                # The extractor may drop the hedge the text states ("setidaknya satu rudal").
                same = [n for n in numbers if n.unit == primary.unit and n.value == primary.value]
                if same and same[0].hedge:
                    primary = Number(primary.value, primary.unit, same[0].hedge)
            feats.numbers = ([primary] if primary else []) + numbers
            # Only the extractor's value is the claim's figure: a figure read from the text may
            # belong to a side clause ("selama setahun terakhir").
            feats.primary = primary
            feats.dates = dates | norm_dates
            feats.text_dates = dates
            feats.clock = find_clock(fold(mention.text))
            feats.own |= {"d:" + d for d in norm_dates if len(d) > 4}
            feats.own |= {"y:" + d[:4] for d in norm_dates}
            if primary and primary.unit:
                feats.own |= {f"n:{primary.unit}:{primary.value:g}", "u:" + primary.unit}
            lows = [t.low for t in tokens]
            cue = first_phrase(lows, lex.denial_cues)
            feats.denial = (
                mention.normalized.polarity == Polarity.DENIED
                or mention.kind == Kind.DENIAL
                or cue >= 0
            )
            feats.balanced = cue > 0 and any(w in lex.concessive for w in lows[:cue])
            feats.time_relations = find_phrases(lows, lex.time_relations)
            anaphoric = any(a in lex.anaphora for a in self._ngrams(lows))
            if feats.denial or (anaphoric and len(feats.own) <= 10):
                feats.context = self._context(mention, language) - feats.own
            out.append(feats)
        self._weigh(out)
        return out

    @staticmethod
    def _ngrams(lows: list[str]) -> set[tuple[str, ...]]:
        return {tuple(lows[i : i + n]) for n in (1, 2, 3) for i in range(len(lows) - n + 1)}

    def _keys(self, mention: Mention, language: str | None, tokens: list[Token], found: Scan,
              used: set[int], numbers: list[Number], dates: set[str],
              months: set[str]) -> set[str]:
        keys = {"e:" + a for a in found.aliases}
        for key, indexes, weak in found.names:
            resolved = self.book.resolve(mention.source_id, key)
            if resolved is None or (weak and len(key) > 1 and not self.book.knows(key)):
                continue
            keys.add("p:" + " ".join(resolved))
            used.update(indexes)
        keys |= concept_terms(tokens, used, language)
        for number in numbers:
            keys.add(f"n:{number.unit}:{number.value:g}")
            keys.add("u:" + number.unit)
        keys |= {"d:" + d for d in dates if len(d) > 4} | {"y:" + d[:4] for d in dates}
        keys |= {"m:" + m for m in months} | {"m:" + d[5:7] for d in dates if len(d) >= 7}
        return keys

    def _context(self, mention: Mention, language: str | None) -> set[str]:
        """Features of the passage before the mention's passage in the same article."""
        key = (mention.source_id, mention.passage_id)
        if key not in self._context_cache:
            self._context_cache[key] = self._read_context(mention, language)
        return self._context_cache[key]

    def _read_context(self, mention: Mention, language: str | None) -> set[str]:
        position = self._position.get(mention.passage_id)
        items = self._by_source.get(mention.source_id, [])
        if position is None or position == 0:
            return set()
        previous = items[position - 1]
        if previous.role != Role.BODY:
            return set()
        tokens, found, used, numbers, dates, months = self._analysed(previous.text, language, None)
        return self._keys(mention, language, tokens, found, set(used), numbers, dates, months)

    def _analysed(self, text: str, language: str | None, headline: bool | None) -> Analysis:
        """`_analyse_text`, once per distinct text (wire copy repeats sentences verbatim)."""
        key = (text, language, headline)
        found = self._analysis_cache.get(key)
        if found is None:
            found = self._analysis_cache[key] = _analyse_text(text, language, headline)
        return found

    @staticmethod
    def _weigh(features: list[Features]) -> None:
        df: Counter[str] = Counter()
        for f in features:
            df.update(f.own)
        total = max(len(features), 2)
        scale = math.log(1 + total)
        for f in features:
            for key in f.own | f.context:
                idf = math.log(1 + total / max(df.get(key, 1), 1)) / scale
                weight = TYPE_WEIGHT[key[0]] * (0.2 + 0.8 * idf) * WEAK_TERMS.get(key, 1.0)
                if key in f.own:
                    f.vector[key] = weight
                else:
                    f.context_vector[key] = weight * CONTEXT_WEIGHT
            f.norm2 = sum(w * w for w in f.vector.values())
            f.names_something = any(k[0] in "ep" for k in f.vector)
