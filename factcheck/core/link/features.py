"""Turn mentions into weighted feature sets (the linker's view of a claim).

A mention's features are keys with a weight:

* ``e:<state>`` canonical states and institutions, ``p:<name>`` people and places (entities.py);
* ``t:<concept>`` bilingual key terms and ``w:<stem>`` other content words (terms.py);
* ``n:<unit>:<value>`` figures and ``u:<unit>`` their units; ``d:<iso>``, ``y:<year>`` and
  ``m:<month>`` dates;
* ``r:<action>|<entity>`` an action and an entity of its frame (frames.py: "supplied ... to
  Russia" and "pengiriman ... ke Rusia" share ``r:supply|e:russia``).

Weights combine a per-type weight with a damped inverse document frequency computed over the batch.
A short mention that refers back ("menepis kritik tersebut", "denied it") also borrows, at half
weight, the features of the passage before it in the same article, so a denial can meet the
claim it denies.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from factcheck.core.link.entities import NameBook, NameKey, alias_of, dateline_end, scan
from factcheck.core.link.frames import Frame, find_frames, frame_keys
from factcheck.core.link.lexicon import lexicon
from factcheck.core.link.reading import Reading, normalized_parts, read_text
from factcheck.core.link.terms import Number, concept_terms, tokenize
from factcheck.core.models import Kind, Mention, Passage, Polarity, Role, Source

TYPE_WEIGHT = {"e": 1.0, "p": 1.3, "t": 1.0, "w": 0.8, "n": 1.6, "u": 0.4, "d": 1.5, "y": 1.2,
               "m": 0.6, "r": 1.0}
WEAK_TERMS = {"t:deny": 0.5, "t:year": 0.5, "t:country": 0.5, "t:president": 0.6,
              "t:leader": 0.6, "t:official": 0.6, "t:government": 0.6}
CONTEXT_WEIGHT = 0.5


@dataclass(slots=True)
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
    reports_denial: bool = False
    """The mention itself reports a denial (not only mentions one in a concessive clause)."""
    time_relations: dict[str, str] = field(default_factory=dict)
    """Relative timing the text states (``simultaneous``/``before``/``after``) -> words used."""
    vector: dict[str, float] = field(default_factory=dict)
    """Weights of the mention's own features."""
    context_vector: dict[str, float] = field(default_factory=dict)
    """Weights of the borrowed context features (used against other articles only)."""
    norm2: float = 0.0
    """Squared norm of ``vector`` (context features only ever add to a match)."""
    keyset: frozenset[str] = frozenset()
    """The keys of ``vector``, for fast intersections."""
    name_keys: frozenset[str] = frozenset()
    """The keys that name a state, institution, person or place (``e:``, ``p:``)."""
    frames: tuple[Frame, ...] = ()
    """Who does what to whom (frames.py)."""


def _language(mention: Mention, sources: Mapping[str, Source]) -> str | None:
    if mention.language:
        return mention.language
    source = sources.get(mention.source_id)
    return source.language if source else None


class FeatureBuilder:
    """Builds `Features` for a batch of mentions in two passes (names need the whole batch).

    Everything that depends only on a text (tokens, stems, aliases, figures, cues) is read once
    per distinct text, and the keys that also depend on the names a source resolves once per
    distinct (text, resolved names): wire copy repeats sentences verbatim across outlets.
    """

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
        self._reading_cache: dict[tuple[str, str | None, bool | None], Reading] = {}
        self._keys_cache: dict[tuple[object, ...], tuple[frozenset[str], tuple[Frame, ...]]] = {}
        self._position = {
            p.id: i for items in self._by_source.values() for i, p in enumerate(items)
        }

    def build(self) -> list[Features]:
        """Analyse every mention and weight its features."""
        raw = []
        for index, mention in enumerate(self.mentions):
            language = _language(mention, self.sources)
            passage = self.passages.get(mention.passage_id)
            headline = True if passage is not None and passage.role == Role.HEADLINE else None
            reading = self._read(mention.text, language, headline)
            for key, _indexes, weak in reading.found.names:
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
            raw.append((index, mention, language, headline, reading, extra_aliases, extra_names))
        self._read_other_passages()
        self.book.build()
        out = [self._features(*item) for item in raw]
        self._weigh(out)
        return out

    def _read_other_passages(self) -> None:
        """Names of the passages no mention covers (a lone surname resolves through them)."""
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

    def _features(
        self, index: int, mention: Mention, language: str | None, headline: bool | None,
        reading: Reading, extra_aliases: set[str], extra_names: list[NameKey],
    ) -> Features:
        feats = Features(index, mention, mention.source_id, mention.passage_id)
        keys, frames = self._keys(mention.source_id, language, reading,
                                  (mention.text, language, headline))
        feats.own = set(keys)
        feats.frames = frames
        feats.own |= {"e:" + a for a in extra_aliases}
        for key in extra_names:
            resolved = self.book.resolve(mention.source_id, key)
            if resolved:
                feats.own.add("p:" + " ".join(resolved))
        numbers = reading.numbers
        primary, norm_dates = normalized_parts(mention)
        if primary is not None and primary.hedge is None:
            # The extractor may drop the hedge the text states ("setidaknya satu rudal").
            same = [n for n in numbers if n.unit == primary.unit and n.value == primary.value]
            if same and same[0].hedge:
                primary = Number(primary.value, primary.unit, same[0].hedge)
        numbers = [n for n in numbers if not self._elapsed(mention, n, reading)]
        if primary is not None and self._elapsed(mention, primary, reading):
            primary = None
        feats.numbers = ([primary] if primary else []) + numbers
        # Only the extractor's value is the claim's figure: a figure read from the text may
        # belong to a side clause ("selama setahun terakhir").
        feats.primary = primary
        feats.dates = reading.dates | norm_dates
        feats.text_dates = reading.dates
        feats.clock = reading.clock
        feats.own |= {"d:" + d for d in norm_dates if len(d) > 4}
        feats.own |= {"y:" + d[:4] for d in norm_dates}
        for number in feats.numbers:
            if number.unit:
                feats.own |= {f"n:{number.unit}:{number.value:g}", "u:" + number.unit}
        feats.denial = (
            mention.normalized.polarity == Polarity.DENIED
            or mention.kind == Kind.DENIAL
            or reading.denial_cue >= 0
        )
        feats.balanced = reading.balanced
        feats.reports_denial = (
            mention.normalized.polarity == Polarity.DENIED or mention.kind == Kind.DENIAL
            or (feats.denial and not feats.balanced)
        )
        feats.time_relations = reading.time_relations
        if feats.denial or (reading.anaphoric and len(feats.own) <= 10):
            feats.context = self._context(mention, language) - feats.own
        return feats

    def _elapsed(self, mention: Mention, number: Number, reading: Reading) -> bool:
        """True for "75 years since 1948" published in 2023: the figure restates the year.

        A number of years since a year the text states, equal to the time from that year to
        the publication (when known), adds no fact of its own (another outlet writing a year
        later says 76).
        """
        dates = reading.dates
        if number.unit != "year" or number.hedge or not dates:
            return False
        if not lexicon().elapsed_cues.intersection(reading.lows):
            return False
        source = self.sources.get(mention.source_id)
        published = source.published if source else None
        if not published or not published[:4].isdigit():
            return True  # "N years since <year>" still counts from that year
        now = int(published[:4])
        return any(abs(now - int(d[:4]) - number.value) <= 1 for d in dates)

    def _keys(self, source_id: str, language: str | None, reading: Reading,
              text_key: tuple[object, ...]) -> tuple[frozenset[str], tuple[Frame, ...]]:
        names: list[tuple[list[int], str]] = []
        for key, indexes, weak in reading.found.names:
            resolved = self.book.resolve(source_id, key)
            if resolved is None or (weak and len(key) > 1 and not self.book.knows(key)):
                continue
            names.append((indexes, "p:" + " ".join(resolved)))
        cache_key = (*text_key, tuple(n for _, n in names))
        cached = self._keys_cache.get(cache_key)
        if cached is not None:
            return cached
        used = set(reading.used)
        keys = {"e:" + a for a in reading.found.aliases}
        spans = [(start, end, "e:" + alias) for start, end, alias in reading.found.spans]
        for indexes, name in names:
            keys.add(name)
            used.update(indexes)
            spans.append((min(indexes), max(indexes) + 1, name))
        keys |= concept_terms(reading.tokens, used, language)
        dates = reading.dates
        keys |= {"d:" + d for d in dates if len(d) > 4} | {"y:" + d[:4] for d in dates}
        keys |= {"m:" + m for m in reading.months} | {"m:" + d[5:7] for d in dates if len(d) >= 7}
        frames = find_frames(reading.tokens, spans, language)
        keys |= frame_keys(frames)
        result = (frozenset(keys), frames)
        self._keys_cache[cache_key] = result
        return result

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
        reading = self._read(previous.text, language, None)
        keys = set(self._keys(mention.source_id, language, reading,
                              (previous.text, language, None))[0])
        for number in reading.numbers:
            keys |= {f"n:{number.unit}:{number.value:g}", "u:" + number.unit}
        return keys

    def _read(self, text: str, language: str | None, headline: bool | None) -> Reading:
        """`read_text`, once per distinct text."""
        key = (text, language, headline)
        found = self._reading_cache.get(key)
        if found is None:
            found = self._reading_cache[key] = read_text(text, language, headline)
        return found

    @staticmethod
    def _weigh(features: list[Features]) -> None:
        df: Counter[str] = Counter()
        for f in features:
            df.update(f.own)
        total = max(len(features), 2)
        scale = math.log(1 + total)
        weights: dict[str, float] = {}

        def weight(key: str) -> float:
            found = weights.get(key)
            if found is None:
                idf = math.log(1 + total / max(df.get(key, 1), 1)) / scale
                found = TYPE_WEIGHT[key[0]] * (0.2 + 0.8 * idf) * WEAK_TERMS.get(key, 1.0)
                weights[key] = found
            return found

        # Mentions with the same keys (wire copy) share one read-only weighted vector.
        shared: dict[frozenset[str], tuple[dict[str, float], float, frozenset[str]]] = {}
        for f in features:
            keyset = frozenset(f.own)
            found = shared.get(keyset)
            if found is None:
                vector = {key: weight(key) for key in keyset}
                found = shared[keyset] = (
                    vector,
                    math.fsum([w * w for w in vector.values()]),
                    frozenset(k for k in keyset if k[0] in "ep"),
                )
            f.vector, f.norm2, f.name_keys = found
            f.keyset = keyset
            if f.context:
                f.context_vector = {key: weight(key) * CONTEXT_WEIGHT for key in f.context}
