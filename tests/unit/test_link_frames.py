"""Event frames: a count of shipments is the supply its denial denies; other events stay apart.

Sentences are written for these tests (Indonesian and English), none taken from the corpus.
"""

from __future__ import annotations

from factcheck.core.link.features import FeatureBuilder, Features
from factcheck.core.link.frames import Frame, compare
from factcheck.core.models import ConflictKind, Stance
from tests.unit.test_link_articles import Built, article, claim_of, run


def _features(*built: Built) -> dict[str, Features]:
    sources = {b.source.id: b.source for b in built}
    passages = {p.id: p for b in built for p in b.passages}
    mentions = [m for b in built for m in b.mentions]
    return {f.mention.id: f for f in FeatureBuilder(mentions, sources, passages).build()}


def _frame(features: Features, action: str) -> Frame:
    return next(f for f in features.frames if f.action == action)


def _pair(passages: list[str]) -> frozenset[str]:
    return frozenset(passages)


def test_doer_and_receiver_are_read_in_both_languages_and_voices() -> None:
    texts = article("frames.txt", "Warta", "id", [
        "Washington mengatakan Iran telah memasok pesawat nirawak ke Rusia.",
        "Pejabat Ukraina menghitung sekitar 400 drone yang dikirim ke Rusia oleh Iran.",
        "Sebuah pengiriman amunisi dari Iran ke Rusia terlihat di pelabuhan.",
    ])
    english = article("frames-en.txt", "Wire", "en", [
        "Officials say Iran supplied drones to Russia last year.",
        "About 400 drones were sent to Russia by Iran, officials said.",
    ])
    feats = _features(texts, english)
    for mention in texts.mentions + english.mentions:
        supply = _frame(feats[mention.id], "supply")
        assert supply.source == {"e:iran"}, mention.text
        assert supply.target == {"e:russia"}, mention.text
    assert "r:supply|e:russia" in feats[texts.mentions[0].id].own


def test_a_passive_verb_puts_what_it_was_done_to_before_it() -> None:
    built = article("found.txt", "Warta", "id", [
        "Presiden memuji Malaysia, yang didirikan pada 1963 dengan dukungan Inggris.",
    ])
    found = _frame(_features(built)[built.mentions[0].id], "found")
    assert found.target == {"e:malaysia"} and not found.source


def test_different_actions_or_parties_are_different_events() -> None:
    launch = (Frame("launch", frozenset({"e:iran"})),)
    supply = (Frame("supply", frozenset({"e:iran"}), frozenset({"e:russia"})),)
    other_supplier = (Frame("supply", frozenset({"e:belarus"}), frozenset({"e:russia"})),)
    unsaid = (Frame("supply", frozenset(), frozenset({"e:russia"})),)
    assert compare(launch, supply) == "different"
    assert compare(supply, other_supplier) == "different"
    assert compare(supply, unsaid) == "same"
    assert compare(supply, ()) == "unknown"


ACCUSES = article("post.txt", "The Post", "en", [
    "Washington says Iran has supplied drones to Russia for its war in Ukraine.",
], published="2024-03-01")
COUNTS = article("harian.txt", "Harian Kita", "id", [
    ("Pejabat Ukraina mengatakan mereka telah menghitung sekitar 400 drone yang dikirim ke Rusia "
     "oleh Iran.", {"value": 400, "unit": "drone", "approximate": "sekitar"}),
], published="2024-03-02")
DENIES = article("kabar.txt", "Kabar Pagi", "id", [
    "Amerika Serikat menuduh Iran memasok senjata ke Rusia.",
    ("Teheran dan Moskow membantah klaim tersebut.", {"polarity": "denied"}),
], published="2024-03-03")
LAUNCHES = article("malam.txt", "Kabar Malam", "id", [
    ("Rusia meluncurkan dua drone buatan Iran ke Kyiv semalam, kata angkatan udara Ukraina.",
     {"value": 2, "unit": "drone"}),
], published="2024-03-04")


def test_a_count_of_shipments_joins_the_supply_claim_and_meets_its_denial() -> None:
    claims = run(ACCUSES, COUNTS, DENIES, LAUNCHES)
    claim = claim_of(claims, ACCUSES.mentions[0])
    members = {e.mention_id for e in claim.evidence}
    assert {COUNTS.mentions[0].id, DENIES.mentions[0].id, DENIES.mentions[1].id} <= members
    denials = {_pair(c.passages) for c in claim.conflicts if c.kind == ConflictKind.DENIAL}
    assert _pair([COUNTS.passages[0].id, DENIES.passages[1].id]) in denials
    stances = {e.mention_id: e.suggested_stance for e in claim.evidence}
    assert stances[DENIES.mentions[1].id] == Stance.DENIAL


def test_figures_of_different_events_never_conflict() -> None:
    # Drones Russia launched at Kyiv and drones Iran sent to Russia share Iran, Russia, Ukraine
    # and a figure in drones, but not their event: no "2 vs 400 drones" discrepancy.
    counted = article("wire.txt", "Wire", "en", [
        ("Ukrainian officials say they have counted about 400 drones sent to Russia by Iran.",
         {"value": 400, "unit": "drones", "approximate": "about"}),
    ], published="2024-03-01")
    claims = run(counted, LAUNCHES)
    assert claim_of(claims, counted.mentions[0]).id != claim_of(claims, LAUNCHES.mentions[0]).id
    assert all(not c.conflicts for c in claims)
    features = _features(counted, LAUNCHES)
    frames = [features[b.mentions[0].id].frames for b in (counted, LAUNCHES)]
    assert compare(*frames) == "different"


def test_figures_of_one_event_still_conflict() -> None:
    first = article("a.txt", "Pos Timur", "id", [
        ("Iran mengirim 400 drone ke Rusia sepanjang tahun lalu, kata pejabat Ukraina.",
         {"value": 400, "unit": "drone"}),
    ], published="2024-03-01")
    second = article("b.txt", "Daily Wire", "en", [
        ("Iran sent 250 drones to Russia last year, Ukrainian officials said.",
         {"value": 250, "unit": "drones"}),
    ], published="2024-03-02")
    claims = run(first, second)
    claim = claim_of(claims, first.mentions[0])
    assert claim_of(claims, second.mentions[0]).id == claim.id
    assert [c.kind for c in claim.conflicts] == [ConflictKind.NUMBER]


def test_a_denial_by_pronoun_attaches_to_the_sentence_before_it() -> None:
    accusation = article("manila.txt", "Berita Manila", "id", [
        "Filipina menuduh China mengirim kapal perang ke perairan Filipina pekan lalu.",
        ("Beijing membantahnya.", {"polarity": "denied"}),
    ], published="2024-05-01")
    english = article("wire.txt", "Asia Wire", "en", [
        "The Philippines accused China of sending warships into Philippine waters.",
    ], published="2024-05-02")
    claims = run(accusation, english)
    claim = claim_of(claims, english.mentions[0])
    assert claim_of(claims, accusation.mentions[1]).id == claim.id
    assert claim.disputed
    denials = {_pair(c.passages) for c in claim.conflicts if c.kind == ConflictKind.DENIAL}
    assert _pair([english.passages[0].id, accusation.passages[1].id]) in denials


def test_years_since_a_stated_year_restate_that_year() -> None:
    anniversary = article("kl.txt", "Harian Selat", "id", [
        ("Perdana menteri mengucapkan selamat atas 60 tahun sejak berdirinya Malaysia pada tahun "
         "1963.", {"value": 60, "unit": "tahun"}),
    ], published="2023-09-16")
    founding = article("sg.txt", "Straits Post", "en", [
        ("Malaysia, which was founded in 1963 with British support, hosted the summit.",
         {"value": "1963"}),
    ], published="2024-01-10")
    other_count = article("x.txt", "Harian Selat", "id", [
        ("Sudah 10 tahun sejak banjir besar 1963 melanda kota itu.",
         {"value": 10, "unit": "tahun"}),
    ], published="2023-09-16")
    feats = _features(anniversary, founding, other_count)
    assert feats[anniversary.mentions[0].id].primary is None
    assert "n:year:60" not in feats[anniversary.mentions[0].id].own
    # Ten years since 1963 is not the time from 1963 to 2023: a figure of its own.
    assert feats[other_count.mentions[0].id].primary is not None
    claims = run(anniversary, founding)
    claim = claim_of(claims, anniversary.mentions[0])
    assert claim_of(claims, founding.mentions[0]).id == claim.id
    assert claim.conflicts == []
