"""Numbers as news text writes them: digits with the language's separators, number words, scales,
hedges and units.

The separators come from the lexicon: Indonesian writes ``5.580`` for 5580 and ``1,5`` for 1.5,
English the other way round. A number is read with its hedge before it (``sekitar``, ``more than``)
and its unit after it (``tahun`` -> years, ``dekade`` -> years x 10, ``%`` -> percent); an unknown
noun after a number is kept as written. What is not a quantity: years (``1948``, see `dates`), model
and team codes (``F-16``, ``U-17``, ``G7``), ordinals (``ke-5``), scores and ranges (``7-0``),
clock times and phone-like digit strings.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from factcheck.core.text.lang import Lang, Phrases, Tokens, alternation, compiled, squash, tokens
from factcheck.core.text.words import TakenSpans

_DIGIT = re.compile(r"\d")
MAX_VALUE = 1e18
"""Larger values (and infinities from endless digit strings) are not read as quantities."""
_NOT_BEFORE = "_.,/:-"
"""A number right after one of these (or a letter or digit) is part of something else."""
_CURRENCY_REACH = 5
_BARE_WORD_MINIMUM = 100
"""A number word below this without a unit after it ("one", "dua") is not read as a quantity."""
YEAR_RANGE = (1000, 2199)
"""Bare four-digit integers in this range are years, not quantities."""

_MAX_BARE_DIGITS = 7
"""Longer digit strings without separators are ids or phone numbers unless a unit follows."""


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number found in text, normalized."""

    value: int | float
    unit: str | None = None
    """Canonical unit (``years``, ``missiles``, ``percent``, ``USD``) or the word as written."""
    approximate: str | None = None
    """Normalized hedge: ``about``, ``at least``, ``more than``, ``less than``, ``nearly``..."""
    start: int = 0
    """Offset of the expression (hedge included) in the text it was found in."""
    end: int = 0
    text: str = ""
    duration: bool = False
    """True when the unit is a unit of time (a span such as 24 years or 40 seconds)."""
    spelled: bool = False
    """True when the number is written in words (``dua``, ``two decades``)."""


@dataclass(frozen=True)
class _Patterns:
    digits: re.Pattern[str]
    currency_before: re.Pattern[str]
    identifier: re.Pattern[str]
    vague: Phrases
    masked: Phrases
    scale: re.Pattern[str]
    unit_long: re.Pattern[str]
    unit_short: re.Pattern[str]
    unit_any: re.Pattern[str]
    decimal: str
    group: str
    word_values: dict[str, float]
    multipliers: dict[str, float]
    teen: str
    articles: frozenset[str]
    one_prefix: str
    prefixed_words: frozenset[str]
    abbreviations: dict[str, float]
    vague_values: dict[str, float]
    stop_units: frozenset[str]
    vocabulary: frozenset[str]

    def is_number_word(self, word: str) -> bool:
        """True for a number word, or a hyphenated compound of them (``twenty-four``)."""
        return all(
            p in self.word_values or p in self.multipliers or p == self.teen
            for p in word.split("-")
        )


@cache
def _patterns(code: str) -> _Patterns:
    lex = compiled(code)
    num = lex.data["numbers"]
    dec, grp = num["decimal_mark"], num["group_mark"]
    other = "," if dec == "." else "."
    d, g, o = re.escape(dec), re.escape(grp), re.escape(other)
    currency = alternation(lex.data["currency_prefixes"])
    # The pattern starts with a digit so the regex engine can skip to digits; what comes before a
    # number (a currency sign, or a letter that makes it a code) is checked by `_before`.
    digits = re.compile(
        rf"(?P<num>\d{{1,3}}(?:{g}\d{{3}})+(?:{d}\d+)?(?![\d])|\d+{o}\d{{1,2}}(?!\d)|\d+(?:{d}\d+)?)"
        rf"(?P<att>%|[A-Za-z]{{1,2}}(?![\w]))?(?![\w]|[.,:/]\d|-\d)"
    )
    currency_before = re.compile(rf"(?:^|(?<=[^\w$€£]))(?P<cur>{currency})\s?$")
    markers = alternation(lex.data.get("identifier_markers", [])) or "(?!x)x"
    identifier = re.compile(rf"(?<![\w-])(?:{markers})\.?\s*#?\s*$", re.IGNORECASE)
    multipliers = {squash(k): float(v) for k, v in num["multipliers"].items()}
    word_values = {squash(k): float(v) for k, v in num["words"].items()}
    fractions = {squash(k): float(v) for k, v in num["fractions"].items()}
    long_units = [u for u in lex.data["units"] if len(u) > 2]
    short_units = [u for u in lex.data["units"] if len(u) <= 2 and u != "%"]
    joiners = alternation(num.get("unit_joiners", []))
    join = rf"(?:\s+(?:{joiners}))?" if joiners else ""
    skips = alternation(num.get("unit_skips", []))
    if skips:  # "50 such missiles", "tiga buah rudal": a word between the number and its unit
        join += rf"(?:\s+(?:{skips})(?=\s))?"
    big = {k: v for k, v in multipliers.items() if v >= 1000}
    stop = lex.function_words | lex.openers | set(lex.hedges) | set(word_values) | set(multipliers)
    stop |= set(lex.months) | set(lex.weekdays)
    return _Patterns(
        digits=digits,
        currency_before=currency_before,
        identifier=identifier,
        vague=Phrases(num["vague"]),
        masked=Phrases(num["not_numbers"]),
        scale=re.compile(rf"\s+({alternation(big)})(?![\w-])", re.IGNORECASE),
        unit_long=re.compile(
            rf"{join}(?:\s+|-)({alternation(long_units)})(?![\w-])|\s?(%)", re.IGNORECASE
        ),
        unit_short=re.compile(rf"\s+({alternation(short_units)})(?![\w-])"),
        unit_any=re.compile(rf"{join}\s+([a-z][a-z-]{{2,}})(?![\w])"),
        decimal=dec,
        group=grp,
        word_values=word_values | {k: v for k, v in fractions.items() if " " not in k},
        multipliers=multipliers,
        teen=squash(num.get("teen_word", "")),
        articles=frozenset(squash(a) for a in num.get("one_articles", [])),
        one_prefix=num.get("one_prefix", ""),
        prefixed_words=frozenset(
            num["one_prefix"] + k
            for k, v in lex.units.items()
            if num.get("one_prefix") and v[0] in lex.time_units and " " not in k
        ),
        abbreviations={k: float(v) for k, v in num.get("scale_abbreviations", {}).items()},
        vague_values={squash(k): float(v) for k, v in num["vague"].items()},
        stop_units=frozenset(stop | lex.titles | lex.determiners | lex.pronouns),
        vocabulary=frozenset(word_values) | frozenset(multipliers) | frozenset(fractions),
    )


def _digits_value(raw: str, pats: _Patterns) -> float:
    other = "," if pats.decimal == "." else "."
    if pats.group in raw and re.fullmatch(rf"\d{{1,3}}(?:{re.escape(pats.group)}\d{{3}})+.*", raw):
        raw = raw.replace(pats.group, "")
    elif other in raw:  # the other mark with one or two digits after it: a decimal point
        raw = raw.replace(other, ".")
    return float(raw.replace(pats.decimal, "."))


def _words_value(phrase: str, pats: _Patterns) -> float | None:
    """Value of a run of number words (``dua puluh lima``, ``twenty-four``, ``setengah juta``)."""
    total = current = seg = 0.0
    seen = False
    for tok in re.split(r"[\s-]+", squash(phrase)):
        if tok in pats.word_values:
            seg += pats.word_values[tok]
        elif tok == pats.teen:
            seg += 10
        elif tok in pats.multipliers:
            m = pats.multipliers[tok]
            if m < 1000:
                current += (seg or 1) * m
            else:
                total += ((current + seg) or 1) * m
                current = 0
            seg = 0
        else:
            continue  # an article ("a hundred")
        seen = True
    return total + current + seg if seen else None


def _clean(value: float) -> int | float:
    return int(value) if float(value).is_integer() else round(value, 6)


def _unit_after(text: str, pos: int, lex: Lang, pats: _Patterns) -> tuple[str | None, float, int]:
    """The unit right after ``pos``: (canonical unit, factor, end offset)."""
    m = pats.unit_long.match(text, pos) or pats.unit_short.match(text, pos)
    if m:
        word = m.group(1) or m.group(2)
        unit, factor = lex.units.get(squash(word), (word, 1.0))
        return unit, factor, m.end()
    m = pats.unit_any.match(text, pos)
    if m and squash(m.group(1)) not in pats.stop_units:
        return m.group(1), 1.0, m.end()
    return None, 1.0, pos


def _word_runs(toks: Tokens, pats: _Patterns) -> list[tuple[int, int]]:
    """Spans of runs of number words (``dua puluh lima``, ``a hundred``), joined by spaces."""
    if pats.vocabulary.isdisjoint(toks.vocab) and not (
        "-" in toks.text and any(pats.is_number_word(w) for w in toks.vocab if "-" in w)
    ):
        return []
    runs: list[tuple[int, int]] = []
    start: int | None = None
    end = 0
    n = len(toks.low)
    for i, word in enumerate(toks.low):
        gap = toks.text[end:toks.starts[i]]
        joined = start is not None and gap.strip() == ""
        number = pats.is_number_word(word) or (
            word in pats.articles and i + 1 < n and toks.low[i + 1] in pats.multipliers
        )
        if number and (joined or start is None):
            start = toks.starts[i] if start is None else start
            end = toks.ends[i]
            continue
        if start is not None:
            runs.append((start, end))
            start = None
        if number:
            start, end = toks.starts[i], toks.ends[i]
    if start is not None:
        runs.append((start, end))
    return runs


def _overlaps(start: int, end: int, spans: TakenSpans) -> bool:
    return spans.overlaps(start, end)


def _part_of_a_total(text: str, b: int, lex: Lang, pats: _Patterns) -> bool:
    """A number word followed by "of the nine", "dari sembilan", "of 38": the part of a total
    ("seven of the nine factions", "tujuh dari sembilan fraksi"), a count of its own."""
    words = squash(text[b:b + 40]).split()
    part_of = set(lex.data.get("part_of", []))
    if not words or words[0] not in part_of:
        return False
    rest = [w for w in words[1:4] if w not in lex.determiners]
    return bool(rest) and (rest[0][:1].isdigit() or rest[0] in pats.word_values)


def _in_a_name(text: str, a: int, b: int) -> bool:
    """A capitalised number word ending a run of capitalised words mid-sentence ("Kepulauan
    Seribu pada Sabtu", "the Seven Sisters hills")."""
    word = text[a:b]
    if not word[:1].isupper():
        return False
    before = text[max(0, a - 40):a].rstrip()
    if not before or before[-1] in ".!?:\"“'(\n":
        return False  # the first word of a sentence or a quotation is capitalised anyway
    previous = before.split()[-1] if before.split() else ""
    following = text[b:b + 40].split()
    if following and following[0][:1].isupper():
        return False  # a title-case headline ("Banjir Tewaskan Lima Orang"), not a name
    return previous[:1].isupper() and previous.isalpha()


_SPACED_SCALE = re.compile(r" ([A-Za-z]{1,2})(?![\w-])")
"""A scale abbreviation one space after a currency amount ("Rp 502,4 T")."""


def find_quantities(
    text: str,
    lang: str,
    exclude: Sequence[tuple[int, int]] = (),
    *,
    lone: bool = False,
) -> list[Quantity]:
    """All quantities in ``text``, in order.

    Args:
        text: A sentence or any short text.
        lang: Language code of the text (its separators and words).
        exclude: Spans already taken (dates): numbers inside them are skipped.
        lone: Read ``text`` as one number expression (`parse_number`): keep bare years and
            number words without a unit.
    """
    lex = compiled(lang)
    pats = _patterns(lex.code)
    taken = TakenSpans([*exclude, *pats.masked.spans(tokens(text))])
    found: list[Quantity] = []

    def add(start: int, end: int, value: float, unit: str | None, hedge: str | None,
            spelled: bool) -> None:
        if not abs(value) < MAX_VALUE:
            return  # an overflowing digit string is not a figure anyone wrote to be read
        h = lex.hedge_before.search(text, max(0, start - 30), start)
        if h and not _overlaps(h.start(), start, taken):
            hedge = lex.hedges.get(squash(h.group(1)), hedge)
            start = h.start()
        found.append(Quantity(
            value=_clean(value), unit=unit, approximate=hedge, start=start, end=end,
            text=text[start:end], duration=unit in lex.time_units, spelled=spelled,
        ))
        taken.append((start, end))

    for m in pats.digits.finditer(text) if _DIGIT.search(text) else ():
        if _overlaps(m.start("num"), m.end(), taken):
            continue
        raw, att = m.group("num"), m.group("att")
        c = pats.currency_before.search(text, max(0, m.start() - _CURRENCY_REACH), m.start())
        cur = c.group("cur") if c else None
        if cur is None and m.start() > 0 and (
            text[m.start() - 1].isalnum() or text[m.start() - 1] in _NOT_BEFORE
        ):
            continue  # F-16, G7, ke-5, 3.14 read from the middle
        if pats.identifier.search(text, max(0, m.start() - _CURRENCY_REACH * 2), m.start()):
            continue  # "Nomor 12", "No. 5", "flight 370": an identifier
        value = _digits_value(raw, pats)
        end = m.end()
        unit: str | None = None
        factor = 1.0
        if att == "%":
            unit = lex.units["%"][0]
        elif att:
            if cur and att in pats.abbreviations:
                value *= pats.abbreviations[att]
            elif att.lower() in lex.units:
                unit, factor = lex.units[att.lower()]
            else:
                continue  # 5G, 3D, 16th: a code or an ordinal
        s = pats.scale.match(text, end)
        if s and not att:
            value *= pats.multipliers[squash(s.group(1))]
            end = s.end()
        elif cur and not att and (short := _SPACED_SCALE.match(text, end)) and (
                short.group(1) in pats.abbreviations):
            value *= pats.abbreviations[short.group(1)]  # "Rp 502,4 T", "Rp 12 jt"
            end = short.end()
        if cur:
            unit = lex.data["currency_prefixes"][cur]
        elif unit is None:
            unit, factor, end = _unit_after(text, end, lex, pats)
        plain = raw.isdigit()
        if plain and not (cur or s or att) and (unit is None or unit in lex.time_units):
            if not lone and YEAR_RANGE[0] <= int(raw) <= YEAR_RANGE[1]:
                continue  # a year: the dates module reads it
            if len(raw) >= _MAX_BARE_DIGITS and unit is None:
                continue
        start = c.start("cur") if c else m.start("num")
        add(start, end, value * factor, unit, None, False)

    toks = tokens(text)
    vague_hedge = str(lex.data.get("vague_hedge", "at least"))
    for a, b in pats.vague.spans(toks):
        if not _overlaps(a, b, taken):
            unit, factor, end = _unit_after(text, b, lex, pats)
            value = pats.vague_values[squash(text[a:b])]
            add(a, end, value * factor, unit, vague_hedge, True)

    for a, b in _word_runs(toks, pats):
        if _overlaps(a, b, taken):
            continue
        if _in_a_name(text, a, b):
            continue  # "Kepulauan Seribu", "Seven Sisters": a number word of a proper name
        spelled = _words_value(text[a:b], pats)
        if spelled is None:
            continue
        unit, factor, end = _unit_after(text, b, lex, pats)
        if unit is None and spelled < _BARE_WORD_MINIMUM and not lone and not _part_of_a_total(
                text, b, lex, pats):
            continue  # "one", "dua" alone: too often not a count of anything
        add(a, end, spelled * factor, unit, None, True)

    if not pats.prefixed_words.isdisjoint(toks.vocab):  # "setahun", "sebulan"
        for i, word in enumerate(toks.low):
            a, b = toks.starts[i], toks.ends[i]
            if word in pats.prefixed_words and not _overlaps(a, b, taken):
                unit, factor = lex.units[word[len(pats.one_prefix):]]
                add(a, b, factor, unit, None, True)

    found.sort(key=lambda q: q.start)
    return found


def parse_number(text: str, lang: str) -> Quantity | None:
    """Read the first number expression in ``text`` (hedge, value, scale and unit).

    Examples (``lang="id"``): ``"5.580"`` -> 5580, ``"1,5 juta"`` -> 1500000, ``"42,7 m"`` ->
    42.7 m, ``"sekitar 50 rudal"`` -> 50 missiles about, ``"lebih dari dua dekade"`` -> 20 years
    more than. A lone year (``"1948"``) is read as a number here; in running text
    `find_quantities` leaves years to the dates module.

    Returns:
        The quantity, or None when ``text`` holds no number.
    """
    found = find_quantities(text, lang, lone=True)
    return found[0] if found else None
