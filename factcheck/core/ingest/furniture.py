"""Page furniture: recognise the lines of a page that are not article text.

The rules are general (ad markers, share and login widgets, "read also" links, teaser
headings, relative times, markdown debris, photo credits), never keyed to one outlet; the words
themselves live in ``furniture.json`` so a new language or habit is a data change. Whether a
line ends the article body (a teaser heading, a comment disclaimer) or is dropped where it
stands is decided by `factcheck.core.ingest.layout`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from enum import StrEnum
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from factcheck.core.textnorm import fold


class Furniture(StrEnum):
    """What a non-article line is."""

    DROP = "drop"
    """Widget, ad marker, login box, "read also" link: dropped where it stands."""
    TEASER_HEADING = "teaser_heading"
    """Heading of a block that teases other articles ("Related", "Berita terkait")."""
    READ_ALSO = "read_also"
    """A "Baca juga" / "See also" heading alone on its line: the headlines under it go too."""
    RELATIVE_TIME = "relative_time"
    """A teaser's "13 jam lalu" / "2 days ago"."""
    DISCLAIMER = "disclaimer"
    """Comment disclaimer or copyright line: the article is over."""
    IMAGE = "image"
    """An image marker: the next line is a caption."""
    CREDIT = "credit"
    """A lone wire credit line ("REUTERS | TASS")."""
    CAPTION = "caption"
    """A photo caption (ends with a photo credit)."""


@cache
def data() -> dict[str, Any]:
    """The furniture lexicon (``furniture.json``)."""
    with (resources.files(__package__) / "furniture.json").open(encoding="utf-8") as handle:
        loaded: dict[str, Any] = json.load(handle)
    return loaded


def _anchored(patterns: list[str]) -> re.Pattern[str] | None:
    """The patterns that start with ``^``, as one regex tried at the start of a line only."""
    anchored = [p[1:] for p in patterns if p.startswith("^")]
    return re.compile("|".join(f"(?:{p})" for p in anchored)) if anchored else None


def _floating(groups: dict[str, list[str]]) -> re.Pattern[str]:
    """The other patterns of several sets, as one regex with a named group per set.

    They must start at a word or at "[": the word boundary is tested once for all of them. A
    plain alternation of ``\\b...`` patterns is tried at every position, and one search per
    set would scan each line several times; together they are several times faster.
    """
    parts = []
    for name, patterns in groups.items():
        floating = [p.removeprefix("\\b") for p in patterns if not p.startswith("^")]
        if floating:
            parts.append(f"(?P<{name}>" + "|".join(f"(?:{p})" for p in floating) + ")")
    return re.compile(r"(?<![\w\[])(?=[\w\[])(?:" + "|".join(parts) + ")")


@dataclass(frozen=True)
class _Rules:
    drop: frozenset[str]
    teaser: frozenset[str]
    read_also: frozenset[str]
    drop_start: re.Pattern[str] | None
    teaser_start: re.Pattern[str] | None
    disclaimer_start: re.Pattern[str] | None
    floating: re.Pattern[str]
    """Groups ``disclaimer``, ``drop``, ``login``, ``teaser``: patterns found anywhere in a line."""
    relative_time: re.Pattern[str]
    image: re.Pattern[str]
    agencies: dict[str, str]

    def found(self, key: str, sets: tuple[str, ...]) -> str | None:
        """The first of ``sets`` whose floating patterns occur in ``key``."""
        for match in self.floating.finditer(key):
            if match.lastgroup in sets:
                return match.lastgroup
        return None


@cache
def _rules() -> _Rules:
    lexicon = data()
    return _Rules(
        drop=frozenset(lexicon["drop_lines"]),
        teaser=frozenset(lexicon["teaser_headings"]),
        read_also=frozenset(lexicon["read_also_headings"]),
        drop_start=_anchored(lexicon["drop_patterns"]),
        teaser_start=_anchored(lexicon["teaser_heading_patterns"]),
        disclaimer_start=_anchored(lexicon["disclaimers"]),
        floating=_floating({
            "disclaimer": lexicon["disclaimers"],
            "drop": lexicon["drop_patterns"],
            "login": lexicon["login_patterns"],
            "teaser": lexicon["teaser_heading_patterns"],
        }),
        relative_time=re.compile(lexicon["relative_time"]),
        image=re.compile(lexicon["image_markers"]),
        agencies={fold(k): v for k, v in lexicon["agencies"].items()},
    )


_MOST_WORDS = (("disclaimer", 40), ("drop", 30), ("login", 20), ("teaser", 6))
# Markdown and table debris, image links, and lines of digits and punctuation only ("1 / 5").
_JUNK = re.compile(r"^[\s\d|!\[\]()\-:=_*#~`>+/.,]*$|!\[[^\]]*\]\(|^\|\s|\s\|$")
_EDGES = " \u00a0:.!|>\u00bb\u203a-\u2013\u2014\u2022\u00b7*#"
_CREDIT_SPLIT = re.compile(r"\s*(?:\||/|,|&|;|\band\b|\bdan\b)\s*", re.IGNORECASE)
# "AFP contributed to this report." credits AFP.
_CONTRIBUTED = re.compile(r"\s+contributed\b.*$", re.IGNORECASE)
_SOURCE_LABEL = re.compile(r"^(?:sumber(?: berita)?|sources?)\s*:\s*", re.IGNORECASE)
_WIDGET_SEPARATOR = re.compile(r"\s*[|\u00b7\u2022/]\s*|\s+-\s+")
_CAPTION_HINTS = ("/", "[", "via", "oto", "OTO", "hoto", "Getty", "AP", "Credit", "Image", "Do")
_WORD = r"[A-Z][\w'\u2019.&-]*"
_PHOTO_CREDIT = re.compile(
    r"(?:^|[.!?\"\u201d)]\s*)(?:"
    rf"(?:{_WORD}(?:\s{_WORD}){{0,3}}\s?/\s?)+{_WORD}(?:\s[\w'\u2019.-]+){{0,4}}"
    rf"|(?:{_WORD}\s){{1,3}}via\s(?:REUTERS|Reuters|AP|AFP|EPA|Getty Images)"
    r"|\((?:[^()]{0,60}?(?:via|/)\s?)?(?:AP|AFP|Reuters|REUTERS|EPA|Getty Images|ANTARA)"
    r"[^()]{0,40}\)"
    r"|\[[^\[\]]{0,60}(?:Photo|Foto|FOTO|/)[^\[\]]{0,40}\]"
    r"|Getty Images|AP Photo[^.]{0,40}"
    r"|\(?(?:Foto|FOTO|Photo|Dok|Doc|Credit|Image)\s?[:.]\s?[^.]{1,60}?\)?"
    r")\s*$"
)
_CAPTION_START = re.compile(
    r"^(?:foto|photo|gambar|image|caption|keterangan (?:foto|gambar)|image caption)\s*[:,]\s*\S",
    re.IGNORECASE,
)


@lru_cache(maxsize=8192)
def normalized(text: str) -> str:
    """The matching key of a whole line: folded, single-spaced, edge punctuation removed."""
    return " ".join(fold(text).split()).strip(_EDGES)


def _quick_key(text: str) -> str:
    return text.lower().replace("\u2019", "'").strip(_EDGES)


def furniture_kind(text: str) -> Furniture | None:
    """What kind of furniture the line ``text`` is, or None when it may be article text."""
    junk_like = "|" in text or "![" in text or "---" in text or not any(map(str.isalpha, text))
    if junk_like and _JUNK.search(text):
        return Furniture.DROP
    words = text.count(" ") + 1
    if words > 40:
        # Too long for a widget, heading, time or credit: only a caption can be this long.
        return Furniture.CAPTION if is_caption(text) else None
    rules = _rules()
    # Short lines get the full key (exact widget and heading names); for longer ones, only
    # patterns apply and lower case is enough (folding every long line costs more than all else).
    key = normalized(text) if words <= 8 else _quick_key(text)
    if not key or key in rules.drop:
        return Furniture.DROP
    if words <= 8 and _WIDGET_SEPARATOR.search(key):
        # "Advertisement · Scroll to continue", "Share | Tweet | Email"
        parts = [p.strip(_EDGES) for p in _WIDGET_SEPARATOR.split(key)]
        if all(not p or p in rules.drop for p in parts):
            return Furniture.DROP
    if key in rules.teaser:
        return Furniture.TEASER_HEADING
    if key in rules.read_also:
        return Furniture.READ_ALSO
    if words <= 8 and rules.relative_time.match(key):
        return Furniture.RELATIVE_TIME
    if (words <= 8 or _SOURCE_LABEL.match(text)) and credit_line(text):
        return Furniture.CREDIT
    # Headings are shorter than login boxes, login boxes than widgets, widgets than disclaimers.
    sets = tuple(name for name, most in _MOST_WORDS if words <= most)
    found = rules.found(key, sets)
    if found == "disclaimer" or rules.disclaimer_start and rules.disclaimer_start.match(key):
        return Furniture.DISCLAIMER
    if found == "teaser" or words <= 6 and rules.teaser_start and rules.teaser_start.match(key):
        return Furniture.TEASER_HEADING
    if found or words <= 30 and rules.drop_start and rules.drop_start.match(key):
        return Furniture.DROP
    if words <= 4 and rules.image.match(key):
        return Furniture.IMAGE
    if is_caption(text):
        return Furniture.CAPTION
    return None


def agency(name: str) -> str | None:
    """The canonical name of a wire service or agency (``"REUTERS"`` -> ``"Reuters"``)."""
    return _rules().agencies.get(normalized(name))


def credit_line(text: str) -> list[str]:
    """The agencies of a lone credit line ("REUTERS | TASS", "(AFP)"), else an empty list."""
    if len(text) > 80:
        return []
    body = _CONTRIBUTED.sub("", text).strip(" ()[]\u2014\u2013-*")
    labelled = _SOURCE_LABEL.match(body)
    if labelled:
        body = body[labelled.end():]
    parts = [p.strip(" ()[].") for p in _CREDIT_SPLIT.split(body) if p.strip(" ()[].")]
    if not parts:
        return []
    names = [agency(p) for p in parts]
    if all(names):
        return [n for n in names if n]
    if labelled and all(len(p.split()) <= 4 for p in parts):
        return [agency(p) or p for p in parts]
    return []


def is_caption(text: str) -> bool:
    """True when the line describes a photo: it ends with a photo credit or says "Foto:"."""
    if text.count(" ") < 3:
        return False
    if _CAPTION_START.match(text):
        return True
    # The credit closes the line: look at its tail only (the pattern is anchored at the end),
    # and only when the tail holds a sign of a credit.
    tail = max(0, len(text) - 160)
    if not any(hint in text[tail:] for hint in _CAPTION_HINTS):
        return False
    return _PHOTO_CREDIT.search(text, tail) is not None
