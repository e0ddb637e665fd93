"""Scoring a run of the pipeline against a gold file (``corpus/seeds-gold.json``).

Pure functions over plain data: the gold dict, and per article file name the cleaned
``Source.text`` with the extracted mentions (and, optionally, their passages). Definitions follow
the corpus README:

* a gold claim is found when some mention of the same article covers at least half of the gold
  sentence's characters and is at most three times its length -- the mention's own span or its
  passage's span; gold sentences are located in the cleaned text by `textnorm.fold` matching with
  any white space between words;
* precision is the share of mentions that cover some gold sentence of their article that way;
* per-kind recall groups gold claims by their gold kind (coverage, whatever kind the tool gave);
* a furniture leak is a gold ``boilerplate`` string inside any passage;
* a gold relation is found when both claims are matched by distinct mentions linked to the same
  tracked claim; a ``contradict`` pair also needs a conflict flagged between those two mentions.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from factcheck.core.models import Mention, Passage
from factcheck.core.textnorm import fold

MIN_COVER = 0.5
"""A mention must cover at least this share of a gold sentence's characters."""
MAX_LENGTH_RATIO = 3.0
"""... and be at most this many times the gold sentence's length."""


class ArticleRun(BaseModel):
    """What the tool produced for one article."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    text: str
    """The cleaned ``Source.text`` the offsets point into."""
    mentions: list[Mention] = Field(default_factory=list)
    passages: list[Passage] = Field(default_factory=list)


class KindRecall(BaseModel):
    """Recall of the gold claims of one kind."""

    model_config = ConfigDict(frozen=True)

    gold: int
    found: int
    recall: float


class Leak(BaseModel):
    """A boilerplate string found inside a passage."""

    model_config = ConfigDict(frozen=True)

    article: str
    boilerplate: str
    passage_id: str


class RelationScore(BaseModel):
    """Recall of the gold relations."""

    model_config = ConfigDict(frozen=True)

    gold: int
    found: int
    recall: float
    by_label: dict[str, KindRecall]
    missed: list[str]
    """``a~b`` for each gold pair not found."""


class EvaluationReport(BaseModel):
    """Scores of one run against the gold file."""

    model_config = ConfigDict(frozen=True)

    gold_claims: int
    found_claims: int
    recall: float
    mentions: int
    matched_mentions: int
    precision: float
    per_kind: dict[str, KindRecall]
    kind_agreement: float
    """Share of found gold claims matched by a mention of the gold kind."""
    missed: list[str]
    """Ids of the gold claims not found."""
    unmatched: list[str]
    """``article: text`` of mentions that match no gold sentence (the precision losses)."""
    unlocated: list[str]
    """Ids of gold claims whose sentence is not in the cleaned text at all."""
    leaks: list[Leak]
    relations: RelationScore | None = None


def load_gold(path: str | Path) -> dict[str, Any]:
    """Read a gold file."""
    with Path(path).open(encoding="utf-8") as handle:
        data: dict[str, Any] = json.load(handle)
    return data


def locate(sentence: str, text: str) -> tuple[int, int] | None:
    """Offsets of ``sentence`` in ``text``, matching folded and with any white space between
    words; None when it is not there."""
    words = fold(sentence).split()
    if not words:
        return None
    pattern = r"\s+".join(re.escape(w) for w in words)
    m = re.search(pattern, fold(text))
    return m.span() if m else None


def covers(span: tuple[int, int], gold: tuple[int, int]) -> bool:
    """True when ``span`` covers enough of ``gold`` without being far longer."""
    overlap = min(span[1], gold[1]) - max(span[0], gold[0])
    length = gold[1] - gold[0]
    return overlap >= MIN_COVER * length and (span[1] - span[0]) <= MAX_LENGTH_RATIO * length


def _spans(mention: Mention, passages: Mapping[str, Passage]) -> list[tuple[int, int]]:
    spans = [(mention.start, mention.end)]
    passage = passages.get(mention.passage_id)
    if passage is not None:
        spans.append((passage.start, passage.end))
    return spans


def _matches(
    gold: dict[str, Any], runs: Mapping[str, ArticleRun]
) -> tuple[dict[str, list[Mention]], list[str]]:
    """Gold claim id -> the mentions that cover its sentence; and the unlocated gold ids."""
    matched: dict[str, list[Mention]] = {}
    unlocated: list[str] = []
    for claim in gold.get("claims", []):
        run = runs.get(claim["article"])
        matched[claim["id"]] = []
        if run is None:
            continue
        where = locate(claim["sentence"], run.text)
        if where is None:
            unlocated.append(claim["id"])
            continue
        passages = {p.id: p for p in run.passages}
        matched[claim["id"]] = [
            m for m in run.mentions if any(covers(s, where) for s in _spans(m, passages))
        ]
    return matched, unlocated


def _leaks(gold: dict[str, Any], runs: Mapping[str, ArticleRun]) -> list[Leak]:
    leaks: list[Leak] = []
    for article, strings in gold.get("boilerplate", {}).items():
        run = runs.get(article)
        if run is None:
            continue
        for passage in run.passages:
            folded = fold(passage.text)
            leaks += [
                Leak(article=article, boilerplate=s, passage_id=passage.id)
                for s in strings
                if fold(s) in folded
            ]
    return leaks


def _recall(gold: int, found: int) -> KindRecall:
    return KindRecall(gold=gold, found=found, recall=found / gold if gold else 1.0)


def score_relations(
    gold: dict[str, Any],
    matched: Mapping[str, Sequence[Mention]],
    links: Mapping[str, str],
    conflicts: Iterable[tuple[str, str]] = (),
) -> RelationScore:
    """Relation recall given mention id -> tracked claim id and the conflicting mention pairs."""
    flagged = {frozenset(pair) for pair in conflicts}
    counts: dict[str, list[int]] = {}
    missed: list[str] = []
    for rel in gold.get("relations", []):
        label = rel["label"]
        pair_found = any(
            ma.id != mb.id
            and ma.id in links
            and links.get(mb.id) == links[ma.id]
            and (label != "contradict" or frozenset((ma.id, mb.id)) in flagged)
            for ma in matched.get(rel["a"], [])
            for mb in matched.get(rel["b"], [])
        )
        tally = counts.setdefault(label, [0, 0])
        tally[0] += 1
        tally[1] += int(pair_found)
        if not pair_found:
            missed.append(f"{rel['a']}~{rel['b']}")
    total = sum(c[0] for c in counts.values())
    found = sum(c[1] for c in counts.values())
    return RelationScore(
        gold=total, found=found, recall=found / total if total else 1.0,
        by_label={k: _recall(*v) for k, v in sorted(counts.items())}, missed=missed,
    )


def evaluate(
    gold: dict[str, Any],
    runs: Mapping[str, ArticleRun],
    *,
    links: Mapping[str, str] | None = None,
    conflicts: Iterable[tuple[str, str]] = (),
) -> EvaluationReport:
    """Score ``runs`` (article file name -> what the tool produced) against ``gold``.

    Args:
        gold: The gold dict (`load_gold`).
        runs: Per article file name, the cleaned text, mentions and passages.
        links: Mention id -> tracked claim id; relation recall is scored when given.
        conflicts: Pairs of mention ids the tool flags as possibly conflicting.
    """
    matched, unlocated = _matches(gold, runs)
    claims = gold.get("claims", [])
    found = [c for c in claims if matched[c["id"]]]
    by_kind: dict[str, list[int]] = {}
    for c in claims:
        tally = by_kind.setdefault(c["kind"], [0, 0])
        tally[0] += 1
        tally[1] += int(bool(matched[c["id"]]))
    agree = sum(1 for c in found if any(m.kind == c["kind"] for m in matched[c["id"]]))
    good = {m.id for ms in matched.values() for m in ms}
    gold_articles = {c["article"] for c in claims} | set(gold.get("articles", {}))
    mentions = [(a, m) for a, run in runs.items() if a in gold_articles for m in run.mentions]
    matched_mentions = sum(1 for _, m in mentions if m.id in good)
    return EvaluationReport(
        gold_claims=len(claims),
        found_claims=len(found),
        recall=len(found) / len(claims) if claims else 1.0,
        mentions=len(mentions),
        matched_mentions=matched_mentions,
        precision=matched_mentions / len(mentions) if mentions else 1.0,
        per_kind={k: _recall(*v) for k, v in sorted(by_kind.items())},
        kind_agreement=agree / len(found) if found else 1.0,
        missed=[c["id"] for c in claims if not matched[c["id"]]],
        unmatched=[f"{a}: {m.text[:100]}" for a, m in mentions if m.id not in good],
        unlocated=unlocated,
        leaks=_leaks(gold, runs),
        relations=score_relations(gold, matched, links, conflicts) if links is not None else None,
    )
