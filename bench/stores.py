"""Benchmark stores with N tracked claims, built directly (no ingest, no extraction, no linking).

The documents are what the pipeline stores: every sentence of every article is a `Passage`,
every sentence that states a story's fact is a `Mention`, the mentions of one fact (from every
outlet, both languages) form a `Claim` with conflicts where figures differ and a denial where
one is reported, and every claim carries a reviewer's verdict (marks and change-log entries
on some), so reports and ClaimReview have content. A base block of up to `BASE_CLAIMS` claims is
built from `bench.corpus` articles through the pydantic models, then replicated under new ids
up to N, and written with one bulk transaction (`Store.transaction(bulk=True)`).

`write_tinydb_copy` writes the same documents as a stock TinyDB file (integer document ids), for
the comparison with TinyDB's ``JSONStorage``.
"""

from __future__ import annotations

import hashlib
import random
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson

from bench.corpus import DEFAULT_SEED, iter_articles
from bench.stories import Article
from factcheck.core.memory import collector_paused
from factcheck.core.models import (
    Change,
    Claim,
    Conflict,
    ConflictKind,
    Evidence,
    Kind,
    Mark,
    Mention,
    Normalized,
    Polarity,
    Review,
    Role,
    Source,
    Stance,
    Verdict,
)
from factcheck.core.store import Store

BASE_CLAIMS = 10_000
REVIEWER = "bench"
Docs = dict[str, dict[str, dict[str, Any]]]


def _h(*parts: object) -> str:
    return hashlib.sha1("\0".join(map(str, parts)).encode()).hexdigest()[:16]


def _source_and_passages(article: Article) -> tuple[Source, list[tuple[dict[str, Any], Any]]]:
    """The cleaned text of ``article`` and a passage per headline and sentence.

    Passages are built as the dictionaries ``Passage.model_dump(mode="json")`` gives (there
    are a dozen per article; the models are checked in the tests).
    """
    sid = "s-" + _h("bench", article.number)
    pieces: list[tuple[str, str, int, Any]] = [(article.title, Role.HEADLINE.value, 0, None)]
    for i, sentences in enumerate(article.paragraphs, start=1):
        for j, sentence in enumerate(sentences):
            text = article.dateline + sentence.text if i == 1 and j == 0 else sentence.text
            pieces.append((text, Role.BODY.value, i, sentence))
    text_parts: list[str] = []
    passages: list[tuple[dict[str, Any], Any]] = []
    pos = 0
    for k, (text, role, paragraph, sentence) in enumerate(pieces):
        if k:
            sep = "\n\n" if paragraph != pieces[k - 1][2] else " "
            text_parts.append(sep)
            pos += len(sep)
        passages.append(({"id": f"p-{sid[2:]}{k:03x}", "source_id": sid, "start": pos,
                          "end": pos + len(text), "text": text, "role": role,
                          "paragraph": paragraph}, sentence))
        text_parts.append(text)
        pos += len(text)
    text = "".join(text_parts)
    source = Source(
        id=sid, file=article.file, path=f"corpus/{article.file}", outlet=article.outlet.name,
        title=article.title, published=article.published.isoformat(), byline=article.byline,
        language=article.language, credits=list(article.credits),
        sha256=hashlib.sha256(text.encode()).hexdigest(), text=text)
    return source, passages


def base_documents(claims: int, seed: int = DEFAULT_SEED) -> Docs:
    """Documents of the first stories of the corpus, up to (a story past) ``claims`` claims."""
    docs: Docs = defaultdict(dict)
    groups: dict[tuple[int, str], list[tuple[Mention, Article, Any]]] = defaultdict(list)
    story_seen = -1
    for article in iter_articles(seed):
        if article.story != story_seen:
            if len(groups) >= claims:
                break
            story_seen = article.story
        source, passages = _source_and_passages(article)
        docs["sources"][source.id] = source.model_dump(mode="json")
        for passage, sentence in passages:
            docs["passages"][passage["id"]] = passage
            if sentence is None or sentence.fact is None:
                continue
            mention = Mention(
                id="m-" + passage["id"][2:], source_id=source.id, passage_id=passage["id"],
                start=passage["start"], end=passage["end"], text=passage["text"],
                kind=Kind(sentence.kind),
                normalized=Normalized(value=sentence.value, unit=sentence.unit,
                                      polarity=Polarity.DENIED if sentence.denied
                                      else Polarity.ASSERTED),
                score=0.8, reasons=["number"] if sentence.value is not None else ["speaker"],
                language=article.language, entities=[article.place])
            docs["mentions"][mention.id] = mention.model_dump(mode="json")
            fact = "accusation" if sentence.fact == "denial" else sentence.fact
            groups[(article.story, fact)].append((mention, article, sentence))
    rng = random.Random(f"{seed}:reviews")
    for (story, fact), members in groups.items():
        claim = _claim(story, fact, members)
        docs["claims"][claim.id] = claim.model_dump(mode="json")
        review, changes = _review(claim, rng)
        docs["reviews"][claim.id] = review.model_dump(mode="json")
        for change in changes:
            docs["changes"][change.id] = change.model_dump(mode="json")
    return dict(docs)


def _claim(story: int, fact: str, members: list[tuple[Mention, Article, Any]]) -> Claim:
    values = Counter(m.normalized.value for m, _, s in members if not s.denied)
    usual = values.most_common(1)[0][0] if values else None
    evidence, conflicts = [], []
    first = next((m for m, _, s in members if not s.denied), members[0][0])
    for mention, article, sentence in members:
        stance = (Stance.DENIAL if sentence.denied
                  else Stance.CONTRADICTS if mention.normalized.value != usual else Stance.SUPPORTS)
        evidence.append(Evidence(mention_id=mention.id, passage_id=mention.passage_id,
                                 source_id=mention.source_id, score=0.9, suggested_stance=stance,
                                 origin=article.origin or mention.source_id))
        if stance is Stance.CONTRADICTS:
            conflicts.append(Conflict(
                passages=[first.passage_id, mention.passage_id], kind=ConflictKind.NUMBER,
                reason=f"{usual} {mention.normalized.unit or ''} vs {mention.normalized.value}"))
    denials = [m.passage_id for m, _, s in members if s.denied]
    if denials:
        conflicts.append(Conflict(passages=[first.passage_id, *denials],
                                  kind=ConflictKind.DENIAL, reason="asserted and denied"))
    outlets = {a.outlet.name for _, a, _ in members}
    origins = {a.origin or a.outlet.name for _, a, _ in members}
    return Claim(id="c-" + _h(story, fact), kind=first.kind, text=first.text,
                 normalized=first.normalized, evidence=evidence, conflicts=conflicts,
                 score=0.8, outlets=len(outlets), origins=len(origins), disputed=bool(denials))


def _review(claim: Claim, rng: random.Random) -> tuple[Review, list[Change]]:
    """A reviewer's verdict on ``claim`` (and, on half of them, a mark on each passage)."""
    label = ("disputed" if claim.disputed else "partly_true" if claim.conflicts
             else rng.choice(("true", "true", "false", "misleading", "unverifiable")))
    verdict = Verdict(label=label, explanation="Checked against the outlets' sources.",
                      reviewer=REVIEWER, at="2024-06-18T09:00:00Z")
    changes = [Change(id="ch-" + _h(claim.id, "v"), who=REVIEWER, at=verdict.at, what="verdict",
                      target=claim.id, after=verdict.model_dump(mode="json"))]
    marks: dict[str, dict[str, Mark]] = {}
    if rng.random() < 0.5:
        for ev in claim.evidence:
            stance = ev.suggested_stance
            mark = Mark(stance=stance, reviewer=REVIEWER, at="2024-06-18T08:59:00Z")
            marks[ev.passage_id] = {REVIEWER: mark}
            changes.append(Change(id="ch-" + _h(claim.id, ev.passage_id), who=REVIEWER,
                                  at=mark.at, what="mark", target=claim.id,
                                  detail=ev.passage_id, after=stance.value))
    return Review(claim_id=claim.id, marks=marks, verdict=verdict), changes


def _renamed(docs: Docs, k: int) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """Copy ``k`` of the base documents: every id (and reference to one) gets ``-k``."""
    def r(value: str) -> str:
        return f"{value}-{k}"

    for key, doc in docs.get("sources", {}).items():
        yield "sources", r(key), {**doc, "id": r(doc["id"]), "file": f"{k}-{doc['file']}"}
    for key, doc in docs.get("passages", {}).items():
        yield "passages", r(key), {**doc, "id": r(doc["id"]), "source_id": r(doc["source_id"])}
    for key, doc in docs.get("mentions", {}).items():
        yield "mentions", r(key), {**doc, "id": r(doc["id"]), "source_id": r(doc["source_id"]),
                                   "passage_id": r(doc["passage_id"])}
    for key, doc in docs.get("claims", {}).items():
        evidence = [{**e, "mention_id": r(e["mention_id"]), "passage_id": r(e["passage_id"]),
                     "source_id": r(e["source_id"]),
                     "origin": r(e["origin"]) if e["origin"] else None}
                    for e in doc["evidence"]]
        conflicts = [{**c, "passages": [r(p) for p in c["passages"]]} for c in doc["conflicts"]]
        yield "claims", r(key), {**doc, "id": r(doc["id"]), "evidence": evidence,
                                 "conflicts": conflicts}
    for key, doc in docs.get("reviews", {}).items():
        yield "reviews", r(key), {**doc, "claim_id": r(doc["claim_id"]),
                                  "marks": {r(p): m for p, m in doc["marks"].items()}}
    for key, doc in docs.get("changes", {}).items():
        yield "changes", r(key), {**doc, "id": r(doc["id"]), "target": r(doc["target"]),
                                  "detail": r(doc["detail"]) if doc["detail"] else ""}



def build_store(path: Path, claims: int, seed: int = DEFAULT_SEED) -> dict[str, int]:
    """Write a fresh store of about ``claims`` claims at ``path``; return its document counts."""
    for old in (path, path.with_name(path.name + ".journal")):
        old.unlink(missing_ok=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    with collector_paused():  # a million small acyclic dicts: halves the build time
        return _build(path, claims, seed)


def _build(path: Path, claims: int, seed: int) -> dict[str, int]:
    base = base_documents(min(claims, BASE_CLAIMS), seed)
    copies = max(1, round(claims / len(base["claims"])))
    with Store.open(path) as store, store.transaction(bulk=True) as tx:
        for table, rows in base.items():
            for key, doc in rows.items():
                tx.put(table, doc, doc_id=key)
        for k in range(1, copies):
            for table, key, doc in _renamed(base, k):
                tx.put(table, doc, doc_id=key)
    counts = {table: len(rows) * copies for table, rows in base.items()}
    counts["bytes"] = path.stat().st_size
    return counts


def write_tinydb_copy(store_path: Path, target: Path) -> dict[str, int]:
    """The same documents as a stock TinyDB JSON file; returns review claim id -> doc id."""
    data = orjson.loads(store_path.read_bytes())
    data.pop("_meta", None)
    review_ids: dict[str, int] = {}
    plain: dict[str, dict[str, Any]] = {}
    for table, rows in data.items():
        plain[table] = {}
        for i, (key, doc) in enumerate(rows.items(), start=1):
            plain[table][str(i)] = doc
            if table == "reviews":
                review_ids[key] = i
    target.write_bytes(orjson.dumps(plain))
    return review_ids


def sample_marks(store: Store, count: int, seed: int = 0) -> list[tuple[str, str]]:
    """(claim id, passage id) pairs to mark, spread over the store."""
    rng = random.Random(seed)
    claims = store.raw("claims")
    ids = rng.sample(list(claims), min(count, len(claims)))
    return [(cid, rng.choice(claims[cid]["evidence"])["passage_id"]) for cid in ids]
