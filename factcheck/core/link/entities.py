"""Named entities of a claim: canonical states and institutions, and people's names.

Two sources of names, so linking does not hang on the extractor's quality:

* ``Mention.entities`` (strings as written, filled by the extractor), and
* capitalized spans of the claim's own text.

States, capitals used for their state, and common institutions are looked up in the alias table of
``lexicon.json`` (``Korea Utara`` / ``North Korea`` / ``DPRK`` / ``Pyongyang`` -> ``north_korea``).
The remaining capitalized runs are names of people and places. A `NameBook` gathers them over the
whole batch and folds spelling variants together with rapidfuzz (``Choe Son Hui`` / ``Choe
Sun-hui``), comparing only names that share a blocking key, and resolves a lone surname (``Kim``,
``Putin``) to the full name the same article uses.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz, process

from factcheck.core.link.lexicon import Lexicon, lexicon
from factcheck.core.link.terms import Token, stem
from factcheck.core.textnorm import ascii_key

NameKey = tuple[str, ...]

_DATELINE = re.compile(
    r"^\s*(?:[A-Z][A-Za-z]*[A-Z][A-Za-z.]*(?:\.[A-Za-z]+)?|[A-Z]{2,}[A-Za-z ]*\([A-Za-z]+\))"
    r"(?:,\s*[A-Za-z][A-Za-z .]{1,40}?)?\s*[-\u2013\u2014]\s+"
)
"""A leading dateline: ``TEMPO.CO, Jakarta -``, ``SERAMBINEWS.COM, MOSKOW –``,
``MOSCOW (Reuters) -``."""


def dateline_end(text: str) -> int:
    """Offset where the text starts after a leading dateline (0 when there is none)."""
    match = _DATELINE.match(text)
    return match.end() if match else 0


@dataclass(slots=True)
class Scan:
    """What one text yields: canonical aliases, candidate names, and the tokens they use."""

    aliases: set[str] = field(default_factory=set)
    names: list[tuple[NameKey, list[int], bool]] = field(default_factory=list)
    """(name key, token indexes, weak): weak runs (sentence-initial single words, headline case)
    count only if the batch knows the name from elsewhere."""
    used: set[int] = field(default_factory=set)
    spans: list[tuple[int, int, str]] = field(default_factory=list)
    """(first token, end token, canonical alias) of each alias found."""


def _name_capable(token: Token, lex: Lexicon) -> bool:
    if not token.text[:1].isupper() or not token.text.isalpha():
        return False
    low = token.low
    if low in lex.common or low in lex.months:
        return False
    root = stem(low)
    return not ((root,) in lex.concept_phrases or root in lex.stopwords)


@lru_cache(maxsize=200_000)
def _word_key(word: str) -> str:
    return ascii_key(word)


def name_key(parts: list[str]) -> NameKey:
    """The matching key of a name: ascii-folded sub-words ("Jong-un" -> ("jong", "un"))."""
    return tuple(k for k in map(_word_key, parts) if k)


def scan(tokens: list[Token], headline: bool | None = None) -> Scan:
    """Find aliases and name runs in ``tokens`` (a claim's text, dateline removed)."""
    lex = lexicon()
    out = Scan()
    lows = [t.low for t in tokens]
    texts = [t.text for t in tokens]
    i = 0
    while i < len(tokens):
        hit = None
        if texts[i] not in lex.exact_starts and (
            lows[i] not in lex.entity_starts or not texts[i][:1].isupper()
        ):
            i += 1
            continue
        for n in range(min(lex.max_phrase, len(tokens) - i), 0, -1):
            canon = lex.entity_exact.get(tuple(texts[i : i + n]))
            if canon is None and texts[i][:1].isupper():
                canon = lex.entity_phrases.get(tuple(lows[i : i + n]))
            if canon is not None:
                hit = (canon, n)
                break
        if hit:
            out.aliases.add(hit[0])
            out.spans.append((i, i + hit[1], hit[0]))
            out.used.update(range(i, i + hit[1]))
            i += hit[1]
        else:
            i += 1
    for i, token in enumerate(tokens):
        if token.text in lex.wires:
            out.used.add(i)  # a credit, not a subject of the claim
    if headline is None:
        capitals = sum([t.text[:1].isupper() for t in tokens])
        headline = capitals >= 3 and looks_like_headline(tokens, lex)
    run: list[int] = []
    for i in range(len(tokens) + 1):
        capable = (
            i < len(tokens) and i not in out.used and _name_capable(tokens[i], lex)
        ) or (
            # "Jong-un" continues a name; the possessive "'s" of "Kim Jong Un's" does not.
            i < len(tokens) and bool(run) and tokens[i].hyphen_before and i not in out.used
            and tokens[i].low != "s"
        )
        if capable and run and tokens[i].after_break:
            key = name_key([texts[j] for j in run])
            if key:
                out.names.append((key, list(run), headline or (run[0] == 0 and len(key) == 1)))
            run = []
        if capable:
            run.append(i)
            continue
        if run:
            key = name_key([texts[j] for j in run])
            if key:
                weak = headline or (run[0] == 0 and len(key) == 1)
                out.names.append((key, list(run), weak))
            run = []
    return out


def looks_like_headline(tokens: list[Token], lex: Lexicon) -> bool:
    """True for title-case text, where capitals do not mark names.

    Counts only ordinary words (stopwords and key terms, not titles, days or months): in a
    sentence they are lower case even when it names many people and places.
    """
    ordinary = [
        t for t in tokens
        if t.text.isalpha() and len(t.text) > 2 and t.low not in lex.titles
        and t.low not in lex.months and (t.low in lex.common or stem(t.low) in lex.common)
        and not lex.concept_phrases.get((t.low,), "").endswith("day")
    ]
    if len(ordinary) < 2:
        return False
    upper = sum(1 for t in ordinary if t.text[0].isupper())
    return upper / len(ordinary) >= 0.6


def alias_of(text: str, tokens: list[Token]) -> str | None:
    """The canonical alias of an entity string as a whole ("Korea Utara"), or None."""
    lex = lexicon()
    canon = lex.entity_exact.get(tuple(t.text for t in tokens))
    return canon or lex.entity_phrases.get(tuple(t.low for t in tokens))


class NameBook:
    """Every name of a batch, with spelling variants folded and lone surnames resolved."""

    def __init__(self) -> None:
        self._counts: dict[NameKey, int] = {}
        self._by_source: dict[str, dict[NameKey, int]] = defaultdict(dict)
        self._canon: dict[NameKey, NameKey] = {}
        self._resolved: dict[tuple[str, NameKey], NameKey | None] = {}
        self._fuller_by_source: dict[str, dict[str, tuple[int, NameKey]]] = {}

    def add(self, source_id: str, key: NameKey) -> None:
        """Record a (strong) name seen in a source."""
        counts = self._counts
        counts[key] = counts.get(key, 0) + 1
        mine = self._by_source[source_id]
        mine[key] = mine.get(key, 0) + 1

    def knows(self, key: NameKey) -> bool:
        """True when the name was seen as a strong name anywhere in the batch."""
        return key in self._counts

    def build(self) -> None:
        """Fold spelling variants (call once, after every `add`).

        `same_name` needs every aligned part to start with the same letter, so names are only
        compared inside blocks of one length and one tuple of initials (lossless blocking); a
        big block is screened in C with rapidfuzz's ``cdist`` before the exact test.
        """
        parent: dict[NameKey, NameKey] = {k: k for k in self._counts}

        def find(k: NameKey) -> NameKey:
            while parent[k] != k:
                parent[k] = parent[parent[k]]
                k = parent[k]
            return k

        def union(a: NameKey, b: NameKey) -> None:
            if find(a) != find(b) and same_name(a, b):
                parent[find(a)] = find(b)

        joined: dict[str, list[NameKey]] = defaultdict(list)
        blocks: dict[tuple[object, ...], list[NameKey]] = defaultdict(list)
        for key in self._counts:
            joined["".join(key)].append(key)
            if len(key) == 1:
                blocks[(1, key[0][:2])].append(key)
            else:
                blocks[(len(key), *(part[0] for part in key))].append(key)
        for members in joined.values():
            for other in members[1:]:
                union(members[0], other)
        for members in blocks.values():
            if len(members) < 2:
                continue
            if len(members) <= 12:
                for a_index, a in enumerate(members):
                    for b in members[a_index + 1 :]:
                        union(a, b)
                continue
            texts = [" ".join(k) for k in members]
            for a_index, text in enumerate(texts[:-1]):
                later = texts[a_index + 1 :]
                for _match, _score, offset in process.extract(
                    text, later, scorer=fuzz.token_sort_ratio, score_cutoff=85, limit=None
                ):
                    union(members[a_index], members[a_index + 1 + offset])
        groups: dict[NameKey, list[NameKey]] = defaultdict(list)
        for key in self._counts:
            groups[find(key)].append(key)
        for members in groups.values():
            best = min(members, key=lambda k: (-self._counts[k], k))
            for key in members:
                self._canon[key] = best
        self._resolved.clear()
        self._fuller_by_source.clear()

    def canonical(self, key: NameKey) -> NameKey:
        """The canonical spelling of a name (itself when unknown)."""
        return self._canon.get(key, key)

    def resolve(self, source_id: str, key: NameKey) -> NameKey | None:
        """Resolve a name as used in a source: a lone surname becomes the full name used there.

        Returns None for a lone word the batch does not know as a name.
        """
        memo = (source_id, key)
        if memo in self._resolved:
            return self._resolved[memo]
        found = self._resolve(source_id, key)
        self._resolved[memo] = found
        return found

    def _resolve(self, source_id: str, key: NameKey) -> NameKey | None:
        if len(key) == 1:
            fuller = self._fuller(source_id).get(key[0])
            if fuller:
                return self.canonical(fuller[1])
        if key in self._counts:
            return self.canonical(key)
        return None

    def _fuller(self, source_id: str) -> dict[str, tuple[int, NameKey]]:
        """First or last word -> the most used longer name of a source that has it."""
        found = self._fuller_by_source.get(source_id)
        if found is None:
            found = {}
            for k, count in self._by_source.get(source_id, {}).items():
                if len(k) > 1:
                    for word in {k[0], k[-1]}:
                        if word not in found or (count, k) > found[word]:
                            found[word] = (count, k)
            self._fuller_by_source[source_id] = found
        return found


def same_name(a: NameKey, b: NameKey) -> bool:
    """True when two name keys are spelling variants of one name.

    Every aligned part must be alike (so ``Kim Jong Un`` and ``Kim Jong Il`` stay apart) and the
    whole close (token-sort ratio on ascii keys).
    """
    if "".join(a) == "".join(b):
        return True
    if len(a) != len(b):
        return False
    if len(a) == 1:
        return len(a[0]) >= 5 and a[0][:2] == b[0][:2] and fuzz.ratio(a[0], b[0]) >= 85
    if any(x[0] != y[0] or fuzz.ratio(x, y) < 60 for x, y in zip(a, b, strict=True)):
        return False
    return fuzz.token_sort_ratio(" ".join(a), " ".join(b)) >= 85
