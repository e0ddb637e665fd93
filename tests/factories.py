"""Builders of small, realistic stores for tests (no dependency on ingest or extraction).

`build_store` fills a store with three outlets' articles on one event: an agreeing pair, a
number conflict (24 vs 20 years), an assertion with a denial reported by two outlets (a
disputed claim), a claim marked by two reviewers, an unreviewed claim, and a hostile passage.
"""

from __future__ import annotations

import hashlib

from factcheck.core.models import (
    Claim,
    Conflict,
    ConflictKind,
    Evidence,
    Kind,
    LinkState,
    Mention,
    Normalized,
    Passage,
    Polarity,
    Role,
    Source,
    Stance,
)
from factcheck.core.review import add_note, mark, set_verdict
from factcheck.core.store import Store

HOSTILE = 'Warga menulis <script>alert(1)</script> dan <img src=x onerror="alert(2)"> di sini.'

ARTICLES = {
    "tempo.txt": (
        "Tempo",
        "Putin Kunjungi Korea Utara untuk Pertama Kali dalam 24 Tahun",
        "2024-06-17T10:00:00+07:00",
        "id",
        [
            "Putin akan mengunjungi Korea Utara untuk pertama kalinya dalam 24 tahun terakhir, "
            "kata Kremlin.",
            "Washington mengatakan Korea Utara telah memasok senjata ke Rusia.",
            "Pyongyang dan Moskow berulang kali membantahnya.",
            HOSTILE,
        ],
    ),
    "kabar.txt": (
        "Kabar Harian",
        "Kunjungan Pertama dalam 20 Tahun",
        "2024-06-18",
        "id",
        [
            "Ini akan menjadi kunjungan pertama Putin ke Korea Utara dalam 20 tahun.",
            "Korea Utara dan Rusia telah berulang kali menepis tuduhan pasokan senjata.",
        ],
    ),
    "wire.txt": (
        "World Wire",
        "Putin to visit North Korea for first time in 24 years",
        "2024-06-17T08:00:00Z",
        "en",
        [
            "Russian President Vladimir Putin will visit North Korea for the first time in "
            "24 years, the Kremlin said.",
            "The United States says North Korea has supplied arms to Russia.",
        ],
    ),
}


def _h(*parts: str) -> str:
    return hashlib.sha1("\0".join(parts).encode()).hexdigest()[:16]


def build_sources() -> tuple[list[Source], list[Passage]]:
    """Sources and their sentence passages (offsets consistent with ``Source.text``)."""
    sources: list[Source] = []
    passages: list[Passage] = []
    for file, (outlet, title, published, lang, sentences) in ARTICLES.items():
        text = title + "\n\n" + "\n\n".join(sentences)
        sid = "s-" + _h(file)
        sources.append(Source(id=sid, file=file, outlet=outlet, title=title, published=published,
                              language=lang, sha256=_h(text) * 4, text=text,
                              byline={"editor": "Ida"}))
        passages.append(Passage(id="p-" + _h(file, "h"), source_id=sid, start=0, end=len(title),
                                text=title, role=Role.HEADLINE, paragraph=0))
        pos = len(title) + 2
        for i, sentence in enumerate(sentences, start=1):
            passages.append(Passage(id="p-" + _h(file, sentence), source_id=sid, start=pos,
                                    end=pos + len(sentence), text=sentence, paragraph=i))
            pos += len(sentence) + 2
    return sources, passages


def _passage(passages: list[Passage], needle: str) -> Passage:
    return next(p for p in passages if needle in p.text and p.role == Role.BODY)


def build_claims(passages: list[Passage]) -> tuple[list[Mention], list[Claim]]:
    """Mentions and tracked claims over `build_sources` passages."""
    def mention(needle: str, kind: Kind, **norm: object) -> Mention:
        p = _passage(passages, needle)
        return Mention(id="m-" + _h(p.id), source_id=p.source_id, passage_id=p.id, start=p.start,
                       end=p.end, text=p.text, kind=kind, normalized=Normalized(**norm),
                       score=0.8, reasons=["number"])

    m24 = mention("24 tahun", Kind.TIME, subject="Putin", value=24, unit="years",
                  predicate="first visit to North Korea in", speaker="Kremlin")
    m20 = mention("20 tahun", Kind.TIME, subject="Putin", value=20, unit="years")
    m24en = mention("24 years", Kind.TIME, subject="Vladimir Putin", value=24, unit="years",
                    speaker="Kremlin")
    arms = mention("memasok senjata", Kind.ATTRIBUTION, subject="Korea Utara",
                   speaker="Washington")
    arms_en = mention("supplied arms", Kind.ATTRIBUTION, subject="North Korea",
                      speaker="United States")
    deny1 = mention("membantahnya", Kind.DENIAL, speaker="Pyongyang dan Moskow",
                    polarity=Polarity.DENIED)
    deny2 = mention("menepis", Kind.DENIAL, speaker="Korea Utara dan Rusia",
                    polarity=Polarity.DENIED)
    hostile = mention("<script>", Kind.OTHER)
    mentions = [m24, m20, m24en, arms, arms_en, deny1, deny2, hostile]

    def ev(m: Mention, stance: Stance, link: LinkState = LinkState.AUTO,
           origin: str | None = None) -> Evidence:
        return Evidence(mention_id=m.id, passage_id=m.passage_id, source_id=m.source_id,
                        link=link, suggested_stance=stance, origin=origin or m.source_id)

    visit = Claim(
        id="c-visit", kind=Kind.TIME, text=m24.text, normalized=m24.normalized, score=0.9,
        evidence=[ev(m24, Stance.SUPPORTS), ev(m24en, Stance.SUPPORTS),
                  ev(m20, Stance.CONTRADICTS, LinkState.SUGGESTED)],
        conflicts=[Conflict(passages=[m24.passage_id, m20.passage_id], kind=ConflictKind.NUMBER,
                            reason="Tempo says 24 years; Kabar Harian says 20 years")],
        outlets=3, origins=3,
    )
    arms_claim = Claim(
        id="c-arms", kind=Kind.ATTRIBUTION, text=arms.text, normalized=arms.normalized,
        score=0.8,
        evidence=[ev(arms, Stance.SUPPORTS), ev(arms_en, Stance.SUPPORTS),
                  ev(deny1, Stance.DENIAL), ev(deny2, Stance.DENIAL)],
        conflicts=[Conflict(passages=[arms.passage_id, deny1.passage_id, deny2.passage_id],
                            kind=ConflictKind.DENIAL,
                            reason="Washington asserts it; Pyongyang and Moscow deny it")],
        outlets=3, origins=3, disputed=True,
    )
    hostile_claim = Claim(id="c-hostile", kind=Kind.OTHER, text=hostile.text, score=0.3,
                          evidence=[ev(hostile, Stance.SUPPORTS)], outlets=1, origins=1)
    return mentions, [visit, arms_claim, hostile_claim]


def build_store(store: Store | None = None, *, reviewed: bool = True) -> Store:
    """A store with sources, passages, mentions, claims and (optionally) reviews."""
    store = store or Store.memory()
    sources, passages = build_sources()
    mentions, claims = build_claims(passages)
    with store.transaction() as tx:
        for table, docs in (("sources", sources), ("passages", passages),
                            ("mentions", mentions), ("claims", claims)):
            for doc in docs:
                tx.put(table, doc)
    if reviewed:
        visit = claims[0]
        p24, p24en, p20 = (e.passage_id for e in visit.evidence)
        mark(store, "c-visit", p24, Stance.SUPPORTS, "rina")
        mark(store, "c-visit", p24en, Stance.SUPPORTS, "rina")
        mark(store, "c-visit", p20, Stance.CONTRADICTS, "rina")
        mark(store, "c-visit", p24, Stance.SUPPORTS, "budi")
        mark(store, "c-visit", p20, Stance.SUPPORTS, "budi")
        set_verdict(store, "c-visit", "true", "rina",
                    "The last visit was in July 2000: 24 years.")
        add_note(store, "c-visit", "Kabar Harian rounds down to 20.", "rina", passage_id=p20)
        add_note(store, "c-arms", "Both sides deny; no independent evidence yet.", "budi")
        set_verdict(store, "c-arms", "disputed", "budi", "Asserted by the US, denied by both.")
    return store
