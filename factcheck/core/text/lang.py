"""A language's lexicon compiled for extraction: word sets, phrase lists and a few regexes.

Every word the extractor knows comes from ``factcheck/core/text/languages/{lang}.json``; this module
turns those lists into sets, `Phrases` and regexes once per language (`compiled` is cached).
A sentence is split into words once (`tokens`, cached); phrase lists are then matched against
its words with dictionary look-ups, which is much cheaper than a regex alternation of a hundred
words per list, and lets a stage skip work when none of its cue words is in the sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from factcheck.core.text import languages as lexicons
from factcheck.core.text.words import Phrases, Tokens, tokens

__all__ = [
    "Lang", "Phrases", "Tokens", "alternation", "compiled", "squash", "title_forms", "tokens",
]

DEFAULT_LANGUAGE = "en"
_ACRONYM_MAX = 6
"""Used when a source has no language and none can be detected."""


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words`` (longest first, escaped, any white space inside)."""
    unique = sorted({w for w in words if w}, key=lambda w: (-len(w), w))
    return "|".join(r"\s+".join(re.escape(part) for part in w.split()) for w in unique)


def title_forms(words: Iterable[str]) -> list[str]:
    """``words`` capitalised and upper-cased (names of months and days are written that way)."""
    out: list[str] = []
    for w in words:
        out += [w[:1].upper() + w[1:], w.upper()]
    return out


def squash(text: str) -> str:
    """Lower-case ``text`` with runs of white space collapsed (a lookup key for phrases)."""
    return " ".join(text.lower().split())


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
    furniture_prefix: re.Pattern[str]
    age_line: re.Pattern[str]
    photo_dateline: re.Pattern[str]
    degree_words: frozenset[str]
    """Superlative words that only grade ("most", "paling"), unlike "first" or "last"."""
    """The close of a wire photo caption: ", Jakarta, Indonesia, Saturday, Sept. 3, 2022."."""
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
    if d.get("multiplier_words"):
        # "the budget has tripled", "naik dua kali lipat": a change by a factor
        parts.append(rf"(?<![\w-])(?:{alternation(d['multiplier_words'])})(?![\w-])")
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
            w for p in (*d["comparative_words"], *d["comparative_than"],
                        *d.get("multiplier_words", [])) for w in p.split()
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
        furniture_prefix=re.compile(
            rf"^\W*(?:{alternation(furniture['prefixes'])})(?:\W|$)", re.IGNORECASE
        ),
        degree_words=_set(d.get("degree_words", [])),
        photo_dateline=re.compile(
            rf",\s+(?:{alternation(list(dates['weekdays']))}),\s+"
            rf"(?:{alternation(list(dates['months']))})\.?\s+\d{{1,2}},\s+\d{{4}}\.?\s*$",
            re.IGNORECASE,
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
            rf"(?:\s+(?:{alternation(rep['passive_agent']) or '(?!x)x'}))?\s+(?=[A-Z])",
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
