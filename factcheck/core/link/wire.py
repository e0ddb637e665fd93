"""Independence of the outlets behind a claim: wire copy, echoes and credits.

Ten outlets running the same Reuters story are one origin, not ten confirmations. A passage's
origin is, in order:

1. the wire service or outlet its own text credits ("via REUTERS", "Dikutip dari Reuters",
   "(AFP)", "seperti dikutip TASS", "according to Reuters", "kata ... kepada Reuters");
2. for near-duplicate passages of different outlets (verbatim copies found by their text; near
   copies by rapidfuzz ratio, compared only within a claim, only when they share a
   shingle-sketch key, and only with a few representatives of that key, never all pairs), the
   origin any of them credits, else the earliest of them;
3. the wire services the source credits as a whole (``Source.credits``);
4. the outlet that published it (``outlet:<name>``: two articles of one outlet are not two
   independent confirmations), or the source itself (``source:<id>``) when the outlet is unknown.
"""

from __future__ import annotations

import json
import re
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Protocol

from rapidfuzz import fuzz

from factcheck.core.models import Mention, Passage, Source
from factcheck.core.text import languages
from factcheck.core.textnorm import ascii_key, fold, squash_spaces

NEAR_DUPLICATE_RATIO = 88.0
MIN_DUPLICATE_CHARS = 40
SKETCH_SIZE = 4
MAX_REPRESENTATIVES = 8
"""Distinct texts a passage is compared with in one sketch bucket."""
SHINGLE = 4
_OPEN_CREDIT = re.compile(
    r"(?:dikutip dari|dilansir dari|dilansir|melansir|seperti dikutip(?: oleh)?|mengutip"
    r"|seperti dilaporkan|reported by|quoted by)\s+((?:[A-Z][\w.&'-]*\s?){1,4})"
)


class Member(Protocol):
    """What origin assignment needs of a claim's member."""

    index: int
    mention: Mention
    passage_id: str
    source_id: str


@dataclass(frozen=True)
class _Wires:
    names: dict[str, str]
    """Name as written -> wire key."""
    needing_cue: frozenset[str]
    """Names that are only a credit next to a cue ("AP" alone is a word)."""
    credit_cues: tuple[tuple[str, ...], ...]


@cache
def _wires() -> _Wires:
    from importlib import resources

    path = resources.files("factcheck.core.text") / "vocabulary.json"
    with path.open(encoding="utf-8") as handle:
        table = json.load(handle)["wires"]
    names = {n: key for key, d in table.items() for n in d["names"]}
    needing = frozenset(n for d in table.values() for n in d.get("needs_cue", []))
    cues = {tuple(fold(c).split()) for code in languages.languages()
            for c in languages.load(code).get("credit_cues", [])}
    return _Wires(names, needing, tuple(sorted(cues)))


@cache
def _wire_pattern() -> re.Pattern[str]:
    names = sorted(_wires().names, key=len, reverse=True)
    return re.compile(r"(?<![\w])(" + "|".join(re.escape(n) for n in names) + r")(?![\w])")


def _cued(text: str, start: int, end: int) -> bool:
    before = fold(text[max(0, start - 40) : start]).rstrip(" ,(")
    after = text[end : end + 2]
    if text[max(0, start - 1) : start] == "(" and after[:1] == ")":
        return True
    if after[:1] == "/" or after.strip().startswith(("-", "\u2013", "\u2014")):
        return True
    words = before.split()
    tail = tuple(words[-3:])
    return any(tail[-len(cue) :] == cue for cue in _wires().credit_cues)


@lru_cache(maxsize=16384)
def passage_credit(text: str) -> str | None:
    """The origin key a passage's own words credit ("wire:reuters", "outlet:straitstimes")."""
    wires = _wires()
    for match in _wire_pattern().finditer(text):
        name = match.group(1)
        if name in wires.needing_cue and not _cued(text, match.start(), match.end()):
            continue
        return "wire:" + wires.names[name]
    opened = _OPEN_CREDIT.search(text)
    if opened:
        key = ascii_key(opened.group(1))
        if key:
            return "outlet:" + key
    return None


def source_credit(source: Source | None) -> str | None:
    """The origin key of the first wire or outlet a source credits as a whole."""
    if source is None:
        return None
    for credit in source.credits:
        found = passage_credit(credit) or passage_credit(credit.title())
        if found:
            return found
        key = ascii_key(credit)
        if key:
            return "outlet:" + key
    return None


@lru_cache(maxsize=16384)
def _squashed(text: str) -> str:
    return squash_spaces(text)


@lru_cache(maxsize=16384)
def _sketch(text: str) -> tuple[int, ...]:
    words = text.split()
    shingles = {" ".join(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    # crc32 is stable across runs (unlike hash()) and much cheaper than a cryptographic digest.
    return tuple(sorted(zlib.crc32(s.encode()) for s in shingles)[:SKETCH_SIZE])


def own_origin(source: Source | None, source_id: str) -> str:
    """The origin of an uncredited, unduplicated passage: its outlet, else its source."""
    key = ascii_key(source.outlet) if source and source.outlet else ""
    return "outlet:" + key if key else "source:" + source_id


def _order_key(source: Source | None, source_id: str) -> tuple[str, str]:
    return ((source.published or "~") if source else "~", source_id)


def assign_origins(
    members: Sequence[Member], sources: Mapping[str, Source], passages: Mapping[str, Passage]
) -> dict[int, str]:
    """Origin key of each member (by feature index)."""
    if len({f.source_id for f in members}) == 1:
        # One article: no copy between outlets to look for.
        source_id = members[0].source_id
        source = sources.get(source_id)
        fallback = source_credit(source) or own_origin(source, source_id)
        by_passage: dict[str, str] = {}
        for f in members:
            if f.passage_id not in by_passage:
                passage = passages.get(f.passage_id)
                text = passage.text if passage else f.mention.text
                by_passage[f.passage_id] = passage_credit(text) or fallback
        return {f.index: by_passage[f.passage_id] for f in members}
    texts: dict[str, str] = {}
    owner: dict[str, str] = {}
    for f in members:
        passage = passages.get(f.passage_id)
        texts[f.passage_id] = passage.text if passage else f.mention.text
        owner[f.passage_id] = f.source_id
    parent = {pid: pid for pid in texts}

    def find(pid: str) -> str:
        while parent[pid] != pid:
            parent[pid] = parent[parent[pid]]
            pid = parent[pid]
        return pid

    folded = {pid: _squashed(t) for pid, t in texts.items()}
    # Verbatim copies first, by their text; then near-duplicates, comparing each passage only
    # with the few representatives of a sketch bucket (never all pairs of a big claim).
    same_text: dict[str, list[str]] = {}
    for pid, text in folded.items():
        same_text.setdefault(text, []).append(pid)
    buckets: dict[int, list[str]] = {}
    for text, pids in same_text.items():
        if len({owner[p] for p in pids}) > 1:
            for pid in pids[1:]:
                parent[find(pid)] = find(pids[0])
        if len(text) >= MIN_DUPLICATE_CHARS:
            for h in _sketch(text):
                buckets.setdefault(h, []).append(pids[0])
    for bucket in buckets.values():
        representatives: list[str] = []
        for pid in bucket:
            for rep in representatives:
                if find(rep) == find(pid):
                    break
                if owner[rep] != owner[pid] and (
                    fuzz.ratio(folded[rep], folded[pid], score_cutoff=NEAR_DUPLICATE_RATIO)
                ):
                    parent[find(pid)] = find(rep)
                    break
            else:
                if len(representatives) < MAX_REPRESENTATIVES:
                    representatives.append(pid)
    credit = {pid: passage_credit(t) for pid, t in texts.items()}
    by_source: dict[str, str | None] = {}

    def source_credited(source_id: str) -> str | None:
        if source_id not in by_source:
            by_source[source_id] = source_credit(sources.get(source_id))
        return by_source[source_id]

    groups: dict[str, list[str]] = {}
    for pid in texts:
        groups.setdefault(find(pid), []).append(pid)
    origin_of_passage: dict[str, str] = {}
    for pids in groups.values():
        own: list[str] = [c for p in pids if (c := credit[p])]
        if len(pids) == 1:
            pid = pids[0]
            sid = owner[pid]
            origin_of_passage[pid] = credit[pid] or source_credited(sid) or own_origin(
                sources.get(sid), sid
            )
            continue
        wires: list[str] = own or [c for p in pids if (c := source_credited(owner[p]))]
        origin: str
        if wires:
            origin = max(sorted(set(wires)), key=wires.count)
        else:
            first = min(pids, key=lambda p: _order_key(sources.get(owner[p]), owner[p]))
            origin = own_origin(sources.get(owner[first]), owner[first])
        for pid in pids:
            origin_of_passage[pid] = origin
    return {f.index: origin_of_passage[f.passage_id] for f in members}
