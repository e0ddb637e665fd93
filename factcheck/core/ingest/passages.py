"""Segmentation: assemble the cleaned text and cut it into citable passages.

The cleaned text is the headline, then each distinct caption, then the body paragraphs, joined
by blank lines. Every passage records its offsets in that text, so ``text[start:end]`` is the
passage exactly. Body paragraphs are cut into sentences; the headline and each caption are one
passage. Passage ids hash the file name, role, folded text and occurrence, not the offsets, so a
reviewer's marks survive a re-ingest of a changed version of the same file.
"""

from __future__ import annotations

import hashlib
import json
import re
from importlib import resources

from factcheck.core.models import Passage, Role
from factcheck.core.textnorm import fold

PARAGRAPH_SEPARATOR = "\n\n"

_WORDS = json.loads(
    (resources.files(__package__) / "segmentation.json").read_text(encoding="utf-8")
)
_ABBREVIATIONS = frozenset(_WORDS["abbreviations"])
_STARTERS = frozenset(_WORDS["starters_after_acronym"])
_MONTHS = frozenset(_WORDS["months"])
_BOUNDARY = re.compile(r"(?:[.!?]+|\u2026)[\"'\u201d\u2019\u00bb)\]]*(?=\s+\S)")
_OPENERS = "\"'\u201c\u2018\u00ab([\u2013\u2014-"
_TOKEN_BEFORE = re.compile(r"(\S+)$")
_DOTTED = re.compile(r"^(?:[A-Za-z]\.)+[A-Za-z]$")
_TRAILING_PARENTHETICAL = re.compile(r"^\([^()]{1,80}\)\s*$")
_LOOKAHEAD = 120
_WORD = re.compile(r"[\w']+")


def _ends_sentence(paragraph: str, match: re.Match[str]) -> bool:
    """Decide whether the punctuation matched at ``match`` ends a sentence."""
    # What follows the punctuation decides; a short window of it is enough (and keeps a huge
    # paragraph linear).
    rest = paragraph[match.end():match.end() + _LOOKAHEAD].lstrip()
    first = rest[:1]
    if first.islower():
        return False
    if not (first.isupper() or first.isdigit() or first in _OPENERS):
        return False
    if (first == "(" and match.end() + _LOOKAHEAD >= len(paragraph)
            and _TRAILING_PARENTHETICAL.match(rest)):
        return False  # a sign-off such as "(Serambinews.com/Agus Ramadhan)" stays attached
    punct = match.group(0)
    if punct != ".":
        return True
    # Only the word just before the period matters: look at a short window, not the paragraph.
    token = _TOKEN_BEFORE.search(paragraph, max(0, match.start() - 40), match.start())
    if token is None:
        return True
    word = token.group(1).lstrip(_OPENERS)
    if word.lower() in _ABBREVIATIONS:
        return False
    if first.isdigit() and word.lower() in _MONTHS:
        return False  # "on May. 6", "pada Jan. 5"
    if len(word) == 1 and word.isalpha() and word.isupper():
        return False  # an initial: "Joe R. Biden"
    if _DOTTED.match(word):
        next_word = _WORD.match(rest)
        return bool(next_word and next_word.group(0).lower() in _STARTERS)
    return True


def split_sentences(paragraph: str) -> list[tuple[int, int]]:
    """Spans (start, end) of the sentences of one paragraph, trimmed of white space."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _BOUNDARY.finditer(paragraph):
        if _ends_sentence(paragraph, match):
            spans.append((start, match.end()))
            start = match.end()
    spans.append((start, len(paragraph)))
    trimmed = []
    for begin, end in spans:
        piece = paragraph[begin:end]
        left = len(piece) - len(piece.lstrip())
        right = len(piece.rstrip())
        if right > left:
            trimmed.append((begin + left, begin + right))
    return trimmed


def passage_id(file: str, role: Role, text: str, occurrence: int) -> str:
    """The stable id of a passage (see the module docstring)."""
    return _hash_id(file, role, fold(text), occurrence)


def _hash_id(file: str, role: Role, folded: str, occurrence: int) -> str:
    key = f"{file}\0{role.value}\0{folded}\0{occurrence}"
    return "p-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def assemble(
    file: str,
    source_id: str,
    title: str | None,
    captions: list[str],
    body: list[str],
) -> tuple[str, list[Passage]]:
    """Build the cleaned text and its passages.

    Args:
        file: the file name (part of every passage id).
        source_id: the id of the source the passages belong to.
        title: the headline, if any.
        captions: distinct photo captions.
        body: body paragraphs in order.

    Returns:
        The cleaned text and its passages in reading order.
    """
    blocks: list[tuple[Role, str]] = []
    if title:
        blocks.append((Role.HEADLINE, title))
    blocks.extend((Role.CAPTION, caption) for caption in captions)
    blocks.extend((Role.BODY, paragraph) for paragraph in body)
    passages: list[Passage] = []
    seen: dict[tuple[Role, str], int] = {}
    offset = 0
    for index, (role, paragraph) in enumerate(blocks):
        spans = split_sentences(paragraph) if role == Role.BODY else [(0, len(paragraph))]
        folded = fold(paragraph)  # same length as the paragraph: slice it per sentence
        for begin, end in spans:
            text = paragraph[begin:end]
            key = (role, folded[begin:end])
            occurrence = seen.get(key, 0)
            seen[key] = occurrence + 1
            passages.append(Passage(
                id=_hash_id(file, role, key[1], occurrence),
                source_id=source_id,
                start=offset + begin,
                end=offset + end,
                text=text,
                role=role,
                paragraph=index,
            ))
        offset += len(paragraph) + len(PARAGRAPH_SEPARATOR)
    return PARAGRAPH_SEPARATOR.join(p for _, p in blocks), passages
