"""Segmentation: assemble the cleaned text and cut it into citable passages.

The cleaned text is the headline, then each distinct caption, then the body paragraphs, joined
by blank lines. Every passage records its offsets in that text, so ``text[start:end]`` is the
passage exactly. Body paragraphs are cut into sentences; the headline and each caption are one
passage. Passage ids hash the file name, role, folded text and occurrence, not the offsets, so a
reviewer's marks survive a re-ingest of a changed version of the same file.
"""

from __future__ import annotations

import hashlib

from factcheck.core.models import Passage, Role
from factcheck.core.text.segment import split_sentences
from factcheck.core.textnorm import fold

PARAGRAPH_SEPARATOR = "\n\n"


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
