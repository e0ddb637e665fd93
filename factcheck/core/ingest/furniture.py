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
from enum import StrEnum
from functools import cache
from importlib import resources
from typing import Any

from factcheck.core.textnorm import fold


class Furniture(StrEnum):
    """What a non-article line is."""

    DROP = "drop"
    """Widget, ad marker, login box, "read also" link: dropped where it stands."""
    TEASER_HEADING = "teaser_heading"
    """Heading of a block that teases other articles ("Related", "Berita terkait")."""
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


def _alternation(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


@cache
def _rules() -> dict[str, Any]:
    lexicon = data()
    return {
        "drop": frozenset(lexicon["drop_lines"]),
        "teaser": frozenset(lexicon["teaser_headings"]),
        "drop_re": _alternation(lexicon["drop_patterns"]),
        "login_re": _alternation(lexicon["login_patterns"]),
        "teaser_re": _alternation(lexicon["teaser_heading_patterns"]),
        "disclaimer_re": _alternation(lexicon["disclaimers"]),
        "time_re": re.compile(lexicon["relative_time"], re.IGNORECASE),
        "image_re": re.compile(lexicon["image_markers"], re.IGNORECASE),
        "agencies": {fold(k): v for k, v in lexicon["agencies"].items()},
    }


_JUNK = re.compile(r"^[\s|!\[\]()\-:=_*#~`>+]*$|!\[[^\]]*\]\(|^\|\s|\s\|$")
_EDGES = " \u00a0:.!|>\u00bb\u203a-\u2013\u2014\u2022\u00b7*#"
_CREDIT_SPLIT = re.compile(r"\s*(?:\||/|,|&|;|\band\b|\bdan\b)\s*", re.IGNORECASE)
_SOURCE_LABEL = re.compile(r"^(?:sumber(?: berita)?|source[s]?|foto|teks)\s*:\s*", re.IGNORECASE)
_CAPTION_HINT = re.compile(r"/|\bvia\b|foto|photo|getty|\bAP\b|\bAFP\b|credit|\[", re.IGNORECASE)
_WORD = r"[A-Z][\w'\u2019.&-]*"
_PHOTO_CREDIT = re.compile(
    r"(?:^|[.!?\"\u201d)]\s*)(?:"
    rf"(?:{_WORD}(?:\s{_WORD}){{0,3}}\s?/\s?)+{_WORD}(?:\s[\w'\u2019.-]+){{0,4}}"
    rf"|(?:{_WORD}\s){{1,3}}via\s(?:REUTERS|Reuters|AP|AFP|EPA|Getty Images)"
    r"|\((?:[^()]{0,60}?(?:via|/)\s?)?(?:AP|AFP|Reuters|REUTERS|EPA|Getty Images|ANTARA)"
    r"[^()]{0,40}\)"
    r"|\[[^\[\]]{0,60}(?:Photo|Foto|FOTO|REUTERS|Reuters|AP|AFP)[^\[\]]{0,40}\]"
    r"|Getty Images|AP Photo[^.]{0,40}"
    r"|\(?(?:Foto|FOTO|Photo|Dok|Doc|Credit|Image)\s?[:.]\s?[^.]{1,60}?\)?"
    r")\s*$"
)
_CAPTION_START = re.compile(r"^(?:foto|photo|gambar|image|caption)\s*:\s*\S", re.IGNORECASE)


def normalized(text: str) -> str:
    """The matching key of a whole line: folded, single-spaced, edge punctuation removed."""
    return " ".join(fold(text).split()).strip(_EDGES)


def furniture_kind(text: str) -> Furniture | None:
    """What kind of furniture the line ``text`` is, or None when it may be article text."""
    rules = _rules()
    if _JUNK.search(text):
        return Furniture.DROP
    key = normalized(text)
    if not key or key in rules["drop"]:
        return Furniture.DROP
    if key in rules["teaser"]:
        return Furniture.TEASER_HEADING
    words = len(key.split())
    if len(text) <= 60 and rules["time_re"].search(key):
        return Furniture.RELATIVE_TIME
    if words <= 40 and rules["disclaimer_re"].search(key):
        return Furniture.DISCLAIMER
    if words <= 6 and rules["teaser_re"].search(key):
        return Furniture.TEASER_HEADING
    if words <= 30 and rules["drop_re"].search(key):
        return Furniture.DROP
    if words <= 20 and rules["login_re"].search(key):
        return Furniture.DROP
    if rules["image_re"].match(key):
        return Furniture.IMAGE
    if credit_line(text):
        return Furniture.CREDIT
    if is_caption(text):
        return Furniture.CAPTION
    return None


def agency(name: str) -> str | None:
    """The canonical name of a wire service or agency (``"REUTERS"`` -> ``"Reuters"``)."""
    result: str | None = _rules()["agencies"].get(normalized(name))
    return result


def credit_line(text: str) -> list[str]:
    """The agencies of a lone credit line ("REUTERS | TASS", "(AFP)"), else an empty list."""
    if len(text) > 80:
        return []
    body = text.strip(" ()[]\u2014\u2013-*")
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
    if len(text.split()) < 4:
        return False
    if _CAPTION_START.match(text):
        return True
    return bool(_CAPTION_HINT.search(text) and _PHOTO_CREDIT.search(text))
