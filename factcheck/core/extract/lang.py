"""A language's lexicon compiled for extraction: word sets and the regexes built from them.

Every word the extractor knows comes from ``factcheck/core/lexicons/{lang}.json``; this module
only turns those lists into sets and alternations once per language (`compiled` is cached).
Phrases match with any run of white space between their words and whole words only.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache
from typing import Any

from factcheck.core import lexicons

DEFAULT_LANGUAGE = "en"
_ACRONYM_MAX = 6
"""Used when a source has no language and none can be detected."""


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words`` (longest first, escaped, any white space inside)."""
    unique = sorted({w for w in words if w}, key=lambda w: (-len(w), w))
    return "|".join(r"\s+".join(re.escape(part) for part in w.split()) for w in unique)


def word_regex(words: Iterable[str], flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """A regex matching any of ``words`` as whole words."""
    alt = alternation(words) or r"(?!x)x"
    return re.compile(rf"(?<![\w-])(?:{alt})(?![\w-])", flags)


def title_forms(words: Iterable[str]) -> list[str]:
    """``words`` capitalised and upper-cased (names of months and days are written that way)."""
    out: list[str] = []
    for w in words:
        out += [w[:1].upper() + w[1:], w.upper()]
    return out


def squash(text: str) -> str:
    """Lower-case ``text`` with runs of white space collapsed (a lookup key for phrases)."""
    return " ".join(text.lower().split())


_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
"""A word: letters and digits, with inner hyphens and apostrophes (``satu-satunya``, ``jum'at``)."""


class Tokens:
    """The words of one text, lower-cased, with their offsets (computed when first asked for)."""

    __slots__ = ("_ends", "_positions", "_starts", "low", "text", "vocab")

    def __init__(self, text: str) -> None:
        self.text = text
        lowered = text.lower()
        if len(lowered) != len(text):  # a few characters grow when lower-cased ("İ")
            lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
        self.low: tuple[str, ...] = tuple(_WORD.findall(lowered))
        self.vocab: frozenset[str] = frozenset(self.low)
        """The distinct words, for a quick "does any phrase start here at all" test."""
        self._starts: tuple[int, ...] | None = None
        self._ends: tuple[int, ...] = ()
        self._positions: dict[str, list[int]] | None = None

    @property
    def positions(self) -> dict[str, list[int]]:
        """Word -> the indexes where it occurs."""
        if self._positions is None:
            self._positions = {}
            for i, w in enumerate(self.low):
                self._positions.setdefault(w, []).append(i)
        return self._positions

    def _offsets(self) -> tuple[int, ...]:
        spans = [m.span() for m in _WORD.finditer(self.text)]
        self._starts = tuple(a for a, _ in spans)
        self._ends = tuple(b for _, b in spans)
        return self._starts

    @property
    def starts(self) -> tuple[int, ...]:
        """Start offset of each word."""
        return self._starts if self._starts is not None else self._offsets()

    @property
    def ends(self) -> tuple[int, ...]:
        """End offset of each word."""
        if self._starts is None:
            self._offsets()
        return self._ends

    def first_at(self, pos: int) -> int:
        """Index of the first word starting at or after ``pos``."""
        return bisect_left(self.starts, pos)


@lru_cache(maxsize=512)
def tokens(text: str) -> Tokens:
    """The words of ``text`` (cached: every stage of one sentence reuses them)."""
    return Tokens(text)


class Phrases:
    """A list of words and phrases matched as whole words, case-insensitively.

    Matching walks the text's words once with a dictionary keyed on first words, so a list of a
    hundred verbs costs a few dictionary look-ups per word rather than a hundred-way regex.
    """

    def __init__(self, phrases: Iterable[str]) -> None:
        index: dict[str, list[tuple[str, ...]]] = {}
        for phrase in phrases:
            words = tuple(w.lower() for w in _WORD.findall(phrase))
            if words and words not in index.get(words[0], []):
                index.setdefault(words[0], []).append(words)
        for candidates in index.values():
            candidates.sort(key=len, reverse=True)
        self._index = index
        self._firsts = frozenset(index)
        self._all = {w for ws in index.values() for w in ws}
        self._longest = max((len(w) for w in self._all), default=0)

    def spans(self, toks: Tokens, lo: int = 0, hi: int | None = None) -> list[tuple[int, int]]:
        """Character spans of the phrases in ``toks`` between offsets ``lo`` and ``hi``."""
        hits = self._firsts & toks.vocab
        if not hits:
            return []
        hi = len(toks.text) if hi is None else hi
        low, starts, ends = toks.low, toks.starts, toks.ends
        found: list[tuple[int, int, int]] = []  # (first word, last word + 1, start offset)
        for word in hits:
            for i in toks.positions[word]:
                if starts[i] < lo or starts[i] >= hi:
                    continue
                for words in self._index[word]:
                    k = len(words)
                    if low[i:i + k] == words and ends[i + k - 1] <= hi:
                        found.append((i, i + k, starts[i]))
                        break
        found.sort()
        out: list[tuple[int, int]] = []
        last = -1
        for i, j, _ in found:
            if i >= last:  # phrases do not overlap; the earlier one wins
                out.append((starts[i], ends[j - 1]))
                last = j
        return out

    def search(self, toks: Tokens, lo: int = 0, hi: int | None = None) -> tuple[int, int] | None:
        """The first phrase between ``lo`` and ``hi``, or None."""
        found = self.spans(toks, lo, hi)
        return found[0] if found else None

    def has(self, word: str) -> bool:
        """True when ``word`` (one word or a phrase) is in the list."""
        if (word.lower(),) in self._all:
            return True
        return tuple(w.lower() for w in _WORD.findall(word)) in self._all

    def words(self) -> frozenset[str]:
        """The one-word entries."""
        return frozenset(w[0] for w in self._all if len(w) == 1)

    def tail(self, words: Sequence[str]) -> int:
        """How many of the last ``words`` form a phrase of the list (0 when none)."""
        for k in range(min(self._longest, len(words)), 0, -1):
            if tuple(w.lower() for w in words[-k:]) in self._all:
                return k
        return 0


@dataclass(frozen=True)
class Lang:
    """Word sets, phrase lists and regexes of one language."""

    code: str
    data: Mapping[str, Any]
    function_words: frozenset[str]
    openers: frozenset[str]
    titles: frozenset[str]
    role_words: frozenset[str]
    determiners: frozenset[str]
    conjunctions: frozenset[str]
    relativizers: frozenset[str]
    infinitive_markers: frozenset[str]
    pronouns: frozenset[str]
    plural_pronouns: frozenset[str]
    anaphora_after: frozenset[str]
    anaphora_before: frozenset[str]
    name_connectors: frozenset[str]
    institutions: frozenset[str]
    places: frozenset[str]
    months: Mapping[str, int]
    weekdays: Mapping[str, int]
    units: Mapping[str, tuple[str, float]]
    hedges: Mapping[str, str]
    time_units: frozenset[str]
    reporting_before: frozenset[str]
    passive_verbs: frozenset[str]
    pronoun_suffixes: tuple[str, ...]
    comparative_cues: frozenset[str]
    date_words: frozenset[str]
    """Month, weekday, period and relative-day words: a sentence without any (and without
    digits) has no date, and the date patterns are not run on it."""
    # Phrase lists.
    future: Phrases
    since: Phrases
    span: Phrases
    denial_verb: Phrases
    denial_object_verb: Phrases
    denial_object: Phrases
    denial_phrase: Phrases
    concessive: Phrases
    event: Phrases
    superlative: Phrases
    superlative_exclusion: Phrases
    speculation: Phrases
    opinion: Phrases
    auxiliaries: Phrases
    reporting_after: Phrases
    reporting_prep: Phrases
    complementizer: Phrases
    clause_stop: Phrases
    passive_agent: Phrases
    # Regexes (anchored, or with a cheap first character).
    comparative: re.Pattern[str]
    hedge_before: re.Pattern[str]
    question_start: re.Pattern[str]
    furniture_prefix: re.Pattern[str]
    age_line: re.Pattern[str]
    reporting_post: re.Pattern[str]
    reporting_passive: re.Pattern[str]

    def is_place(self, name: str) -> bool:
        """True for a country or region name (CLDR, via babel), a place the lexicon lists or a
        known institution."""
        return name in self.places or name in self.institutions

    def is_org_prefix(self, tokens: Sequence[str]) -> int:
        """How many leading ``tokens`` name a place, an institution or an acronym that comes
        before a person's name (``Kremlin``, ``DKI Jakarta``, ``BPBD Jawa Tengah``); 0 if none."""
        size = 0
        if tokens and tokens[0].isupper() and 2 <= len(tokens[0]) <= _ACRONYM_MAX:
            size = 1  # an acronym: an agency or a region
        for k in (3, 2, 1):
            if len(tokens) > size + k and self.is_place(" ".join(tokens[size:size + k])):
                return size + k
        return size

    @property
    def reporting_pronouns(self) -> frozenset[str]:
        """Reporting verbs with a pronoun suffix (``katanya``, ``ucapnya``)."""
        return _suffixed(self.code)

    @property
    def verbs(self) -> frozenset[str]:
        """One-word verbs and auxiliaries the lexicon knows (to cut subject from predicate)."""
        return _verbs(self.code)

    @property
    def reporting_cues(self) -> frozenset[str]:
        """Words without which a sentence has no reporting verb or preposition."""
        return _reporting_cues(self.code)


def _places(code: str) -> frozenset[str]:
    """Country and region names in ``code`` from CLDR (via babel), plus the English ones."""
    try:
        from babel import Locale  # babel comes with dateparser; CLDR names every country

        names: set[str] = set()
        for loc in {code, "en"}:
            names.update(str(v) for v in Locale.parse(loc).territories.values())
        return frozenset(names)
    except Exception:  # noqa: BLE001 - an unknown locale only loses place names
        return frozenset()


def _comparative(d: Mapping[str, Any]) -> re.Pattern[str]:
    """``lebih pendek dari``, ``more costly than``, ``shorter than``: a comparison, not a hedge."""
    words, than = alternation(d["comparative_words"]), alternation(d["comparative_than"])
    parts = [rf"(?<![\w-])(?:{words})\s+(?:[\w-]+\s+){{1,3}}(?:{than})(?![\w-])"]
    parts += [rf"(?<![\w-])\w{{2,}}{re.escape(s)}\s+(?:{than})(?![\w-])"
              for s in d.get("comparative_suffixes", [])]
    return re.compile("|".join(parts), re.IGNORECASE)


@cache
def _suffixed(code: str) -> frozenset[str]:
    lex = compiled(code)
    return frozenset(v + s for v in lex.reporting_before for s in lex.pronoun_suffixes)


@cache
def _verbs(code: str) -> frozenset[str]:
    lex = compiled(code)
    lists = (lex.future, lex.auxiliaries, lex.event, lex.reporting_after, lex.denial_verb)
    copulas = frozenset(w.lower() for w in lex.data["copulas"])
    return copulas.union(*(p.words() for p in lists))


@cache
def _reporting_cues(code: str) -> frozenset[str]:
    lex = compiled(code)
    rep = lex.data["reporting"]
    firsts = {p.split()[0].lower() for key in ("after_speaker", "prepositions") for p in rep[key]}
    return frozenset(firsts | lex.reporting_before | lex.passive_verbs | _suffixed(code))


def _set(values: Iterable[str]) -> frozenset[str]:
    return frozenset(squash(v) for v in values)


@cache
def compiled(code: str | None) -> Lang:
    """The compiled lexicon of ``code`` (falls back to `DEFAULT_LANGUAGE`)."""
    if not code or code not in lexicons.languages():
        code = DEFAULT_LANGUAGE
    d = lexicons.load(code)
    rep = d["reporting"]
    den = d["denial"]
    dates = d["dates"]
    furniture = d["furniture"]
    units = {squash(k): (str(v[0]), float(v[1])) for k, v in d["units"].items()}
    time_words = list(dates["periods"]) + [k for k, v in units.items() if v[0] in d["time_units"]]
    post_verbs = alternation(rep["before_speaker"])
    lead_ins = alternation(rep["speaker_lead_ins"]) or "(?!x)x"
    date_words = {*dates["months"], *dates["weekdays"], *dates["periods"]}
    date_words |= {w for phrase in dates["relative_days"] for w in phrase.split()}
    prefix = d["numbers"].get("one_prefix", "")
    date_words |= {prefix + p for p in dates["periods"]} if prefix else set()  # "setahun lalu"
    return Lang(
        code=code,
        data=d,
        function_words=_set(d["function_words"]),
        openers=_set(d["openers"]),
        titles=_set(d["titles"]),
        role_words=_set(d["role_words"]),
        determiners=_set(d["determiners"]),
        conjunctions=_set(d["conjunctions"]),
        relativizers=_set(d["relativizers"]),
        infinitive_markers=_set(d["infinitive_markers"]),
        pronouns=_set(d["pronouns"]),
        plural_pronouns=_set(d["plural_pronouns"]),
        anaphora_after=_set(d["anaphora_after"]),
        anaphora_before=_set(d["anaphora_before"]),
        name_connectors=_set(d["name_connectors"]),
        institutions=frozenset(d["institutions"]),
        places=_places(code) | frozenset(d.get("places", [])),
        months={squash(k): int(v) for k, v in dates["months"].items()},
        weekdays={squash(k): int(v) for k, v in dates["weekdays"].items()},
        units=units,
        hedges={squash(k): v for k, v in d["hedges"].items()},
        time_units=frozenset(d["time_units"]),
        reporting_before=_set(rep["before_speaker"]),
        passive_verbs=_set(rep["passive_before_speaker"]),
        pronoun_suffixes=tuple(rep.get("pronoun_suffixes", [])),
        comparative_cues=_set(
            w for p in (*d["comparative_words"], *d["comparative_than"]) for w in p.split()
        ),
        date_words=_set(date_words),
        future=Phrases(d["future_markers"]),
        since=Phrases(d["since_words"]),
        span=Phrases(d["span_markers"]),
        denial_verb=Phrases(den["verbs"]),
        denial_object_verb=Phrases(den["object_verbs"]),
        denial_object=Phrases(den["objects"]),
        denial_phrase=Phrases(den["phrases"]),
        concessive=Phrases(d["concessive"]),
        event=Phrases(d["events"]),
        superlative=Phrases(d["superlatives"]),
        superlative_exclusion=Phrases(d["superlative_exclusions"]),
        speculation=Phrases(d["speculation"]),
        opinion=Phrases(d["opinion"]),
        auxiliaries=Phrases(d["auxiliaries"]),
        reporting_after=Phrases(rep["after_speaker"]),
        reporting_prep=Phrases(rep["prepositions"]),
        complementizer=Phrases(rep["complementizers"]),
        clause_stop=Phrases(d["clause_stops"]),
        passive_agent=Phrases(rep["passive_agent"]),
        comparative=_comparative(d),
        hedge_before=re.compile(rf"(?<![\w-])({alternation(d['hedges'])})\s+$", re.IGNORECASE),
        question_start=re.compile(rf"^\W*(?:{alternation(d['question_words'])})\b", re.I),
        furniture_prefix=re.compile(
            rf"^\W*(?:{alternation(furniture['prefixes'])})(?:\W|$)", re.IGNORECASE
        ),
        age_line=re.compile(
            rf"^\s*\d+\s+(?:{alternation(time_words)})\s+"
            rf"(?:{alternation(furniture['age_suffixes'])})\s*$",
            re.IGNORECASE,
        ),
        reporting_post=re.compile(
            rf"[,;:”\"’']\s*(?:(?:{lead_ins})\s+)?(?P<verb>{post_verbs})(?![\w-])",
            re.IGNORECASE,
        ),
        reporting_passive=re.compile(
            rf"(?<![\w-])(?P<verb>{alternation(rep['passive_before_speaker']) or '(?!x)x'})"
            rf"\s+(?=[A-Z])",
        ),
    )


def language_of(text: str, declared: str | None) -> str:
    """The language code to extract ``text`` with: the declared one, else a detected one."""
    if declared and declared in lexicons.languages():
        return declared
    return lexicons.detect_language(text) or DEFAULT_LANGUAGE


def reference_date(published: str | None) -> date | None:
    """The calendar date of an ISO 8601 publication time as the page states it (no time zones)."""
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None
