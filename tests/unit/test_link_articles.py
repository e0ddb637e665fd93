"""Builders for the linking tests: articles written in the test, and synthetic batches.

`article` turns a few sentences into a `Source`, its `Passage`s and the `Mention`s the real
extractor reads in them, so linking is tested on the slots it gets in use, without ingest.
`synthetic_batch` makes N articles' mentions about a pool of events, Indonesian and English
mixed (speed targets live in benchmarks, not in asserts).
"""

from __future__ import annotations

import hashlib
import random
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from factcheck.core.extract import extract_claims
from factcheck.core.link import LinkSettings, link_claims
from factcheck.core.models import (
    Claim,
    Kind,
    LinkDecision,
    Mention,
    Passage,
    Polarity,
    Source,
)


def _h(*parts: str) -> str:
    return hashlib.sha1("\0".join(parts).encode()).hexdigest()[:12]


@dataclass
class Built:
    """One article as the linker sees it."""

    source: Source
    passages: list[Passage]
    mentions: list[Mention]
    by_text: dict[str, Mention] = field(default_factory=dict)

    def figure(self, n: int = 0) -> Mention:
        """The mention of the figure (a quantity or a span of time) of the ``n``-th passage."""
        return next(m for m in self.mentions if m.passage_id == self.passages[n].id
                    and m.kind in (Kind.QUANTITY, Kind.TIME))

    def mention(self, start_of_text: str, kind: Kind | None = None) -> Mention:
        """The first mention (of ``kind``, if given) of the passage whose text starts with
        ``start_of_text``."""
        passage = next(p for p in self.passages if p.text.startswith(start_of_text))
        return next(m for m in self.mentions
                    if m.passage_id == passage.id and (kind is None or m.kind == kind))


def article(
    file: str,
    outlet: str | None,
    language: str,
    sentences: Sequence[str | tuple[str, dict[str, Any]]],
    published: str | None = None,
    credits: Sequence[str] = (),
) -> Built:
    """Build a source whose body is ``sentences`` (one passage each) and read its claims with
    the real extractor, so linking sees the slots it sees in use.

    A sentence may come as ``(text, fields)``: the fields say what the extractor is expected to
    read (``value``, ``polarity``), and the builder checks it did, so a test never links claims
    the extractor would not produce.
    """
    texts = [s if isinstance(s, str) else s[0] for s in sentences]
    body = "\n\n".join(texts)
    sid = "s-" + _h(file)
    source = Source(id=sid, file=file, outlet=outlet, language=language, published=published,
                    credits=list(credits), sha256=_h(body), text=body)
    passages: list[Passage] = []
    offset = 0
    for n, text in enumerate(texts):
        pid = f"p-{_h(file, str(n))}"
        passages.append(Passage(id=pid, source_id=sid, start=offset, end=offset + len(text),
                                text=text, paragraph=n))
        offset += len(text) + 2
    mentions = extract_claims(source, passages, threshold=0.0)
    for item, passage in zip(sentences, passages, strict=True):
        expected = {} if isinstance(item, str) else item[1]
        mine = [m for m in mentions if m.passage_id == passage.id]
        assert mine or not expected, f"no claim read in {passage.text!r}"
        if "value" in expected:
            assert any(m.normalized.value == expected["value"] for m in mine), passage.text
        if expected.get("polarity") == "denied":
            assert any(m.normalized.polarity == Polarity.DENIED for m in mine), passage.text
    return Built(source, passages, mentions)


def run(
    *articles: Built,
    previous: Sequence[Claim] = (),
    decisions: Sequence[LinkDecision] = (),
    settings: LinkSettings | None = None,
) -> list[Claim]:
    """Link the mentions of ``articles``."""
    sources = {a.source.id: a.source for a in articles}
    passages = {p.id: p for a in articles for p in a.passages}
    mentions = [m for a in articles for m in a.mentions]
    return link_claims(mentions, sources, passages, previous=previous, decisions=decisions,
                       settings=settings or LinkSettings()).claims


def claim_of(claims: Sequence[Claim], mention: Mention) -> Claim:
    """The claim holding ``mention``."""
    return next(c for c in claims if any(e.mention_id == mention.id for e in c.evidence))


_PLACES = [a + b + c for a in ("Suka", "Tanjung", "Karang", "Mekar", "Sumber", "Wono", "Rejo",
                                "Banyu") for b in ("jaya", "sari", "mulya", "rejo", "makmur",
                                                   "asri") for c in ("", "wangi", "agung")]
_FIRST = ["Ahmad", "Budi", "Citra", "Dewi", "Eko", "Fajar", "Gita", "Hadi", "Indra", "Joko",
          "Kurnia", "Lestari", "Maya", "Nanda", "Oki", "Putri", "Rina", "Sari", "Tono", "Wati"]
_LAST = ["Santoso", "Wijaya", "Pratama", "Saputra", "Hidayat", "Nugroho", "Kusuma", "Halim",
         "Siregar", "Lubis", "Tanjung", "Harahap", "Sitompul", "Rahman", "Hakim", "Yusuf"]
_FACTS = [
    ("{p} mengunjungi {c} untuk pertama kalinya dalam {n} tahun.",
     "{p} visits {c} for the first time in {n} years.", "year"),
    ("Banjir di {c} menewaskan {n} orang, kata {p}.",
     "Floods in {c} killed {n} people, {p} said.", "person"),
    ("Harga beras di {c} naik {n} persen bulan ini, menurut {p}.",
     "Rice prices in {c} rose {n} percent this month, according to {p}.", "percent"),
    ("Polisi menangkap {n} orang dalam unjuk rasa di {c}, kata {p}.",
     "Police arrested {n} people at a protest in {c}, {p} said.", "person"),
    ("{p} membantah tuduhan korupsi proyek jalan di {c}.",
     "{p} denied corruption allegations over a road project in {c}.", ""),
    ("Gempa berkekuatan {n} mengguncang {c} pada pagi hari, kata {p}.",
     "A magnitude {n} earthquake struck {c} in the morning, {p} said.", ""),
]
_NOISE = [
    "Warga {c} berharap pemerintah segera bertindak.",
    "Residents of {c} hope the government will act soon.",
    "Situasi di {c} dilaporkan kondusif pada sore hari.",
    "{p} tidak menjawab pertanyaan wartawan.",
    "The ministry did not respond to a request for comment.",
]


def synthetic_batch(n_articles: int, seed: int = 7) -> Built:
    """Mentions of ``n_articles`` synthetic articles (about 15 each) on a pool of events.

    Each event (a fact template, a place, a person, a figure) is reported by a few outlets in
    Indonesian or English, sometimes with a different figure; the rest is filler.
    """
    rng = random.Random(seed)
    n_events = max(10, n_articles * 2)
    events = [
        (rng.randrange(len(_FACTS)), rng.choice(_PLACES),
         f"{rng.choice(_FIRST)} {rng.choice(_LAST)} {rng.choice(_LAST)}", rng.randrange(2, 900))
        for _ in range(n_events)
    ]
    sources: list[Source] = []
    passages: list[Passage] = []
    mentions: list[Mention] = []
    for a in range(n_articles):
        language = rng.choice(["id", "en"])
        sentences: list[tuple[str, dict[str, Any]]] = []
        for _ in range(12):
            fact, place, person, value = events[rng.randrange(n_events)]
            if rng.random() < 0.1:
                value += rng.randrange(1, 5)
            template = _FACTS[fact][0 if language == "id" else 1]
            unit = _FACTS[fact][2]
            text = template.format(p=person, c=place, n=value)
            norm: dict[str, Any] = {"value": value, "unit": unit} if unit else {}
            if "membantah" in template or "denied" in template:
                norm = {"polarity": "denied"}
            sentences.append((text, norm))
        for _ in range(3):
            noise = rng.choice(_NOISE).format(c=rng.choice(_PLACES), p=rng.choice(_FIRST))
            sentences.append((noise, {}))
        built = article(f"synthetic-{a}.txt", f"Outlet {a % 97}", language, sentences,
                        published=f"2024-{1 + a % 12:02d}-{1 + a % 28:02d}")
        sources.append(built.source)
        passages += built.passages
        mentions += built.mentions
    merged = Built(sources[0], passages, mentions)
    merged.by_text = {}
    merged.sources = sources  # type: ignore[attr-defined]
    return merged


def time_linking(n_articles: int) -> tuple[float, int, int]:
    """Seconds to link a synthetic batch, the number of mentions, the number of claims."""
    batch = synthetic_batch(n_articles)
    sources = {s.id: s for s in batch.sources}  # type: ignore[attr-defined]
    passages = {p.id: p for p in batch.passages}
    start = time.perf_counter()
    claims = link_claims(batch.mentions, sources, passages).claims
    return time.perf_counter() - start, len(batch.mentions), len(claims)


def test_builder_offsets_point_into_the_source() -> None:
    built = article("a.txt", "Tempo", "id", ["Kalimat pertama.", ("Kalimat kedua.", {})])
    for passage in built.passages:
        assert built.source.text[passage.start : passage.end] == passage.text


def test_synthetic_batch_links_every_mention_once() -> None:
    batch = synthetic_batch(30)
    sources = {s.id: s for s in batch.sources}  # type: ignore[attr-defined]
    claims = link_claims(batch.mentions, sources, {p.id: p for p in batch.passages}).claims
    linked = [e.mention_id for c in claims for e in c.evidence]
    assert sorted(linked) == sorted(m.id for m in batch.mentions)
    # The same event reported by several synthetic outlets ends in shared claims.
    assert any(c.outlets >= 2 for c in claims)
