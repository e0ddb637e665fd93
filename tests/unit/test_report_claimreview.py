"""ClaimReview JSON-LD: every required and recommended field."""

from __future__ import annotations

import json
from typing import Any

import pytest

from factcheck.core.models import Bound, Claim, Kind, Slot
from factcheck.core.report import ExportOptions, export_report
from factcheck.core.report.claimreview import CLAIM_LIMIT, speaker_type
from factcheck.core.report.text import shorten
from factcheck.core.review import set_verdict
from factcheck.core.store import Store
from factcheck.settings import Organization, Settings
from tests.factories import build_store


@pytest.fixture
def store() -> Store:
    return build_store()


@pytest.fixture
def settings() -> Settings:
    return Settings(reviewer="tester",
                    organization=Organization(name="Cek Fakta Desk", url="https://cek.example"))


def reviews(store: Store, settings: Settings, **options: Any) -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = json.loads(
        export_report(store, "claimreview", settings, ExportOptions(**options)))
    return data


def set_url(store: Store, file: str, url: str) -> None:
    source = next(s for s in store.sources() if s.file == file)
    with store.transaction() as tx:
        tx.put("sources", source.model_copy(update={"url": url}))


def test_one_claimreview_per_claim_with_a_verdict(store: Store, settings: Settings) -> None:
    data = reviews(store, settings)
    assert isinstance(data, list) and len(data) == 2  # c-hostile has no verdict
    for review in data:
        assert review["@context"] == "https://schema.org"
        assert review["@type"] == "ClaimReview"


def test_required_and_recommended_fields(store: Store, settings: Settings) -> None:
    set_url(store, "wire.txt", "https://wire.example/putin")
    visit = reviews(store, settings)[0]
    claim = store.claim("c-visit")
    review = store.review("c-visit")
    assert claim is not None and review is not None and review.verdict is not None

    assert visit["claimReviewed"] == shorten(claim.text, CLAIM_LIMIT)
    assert len(visit["claimReviewed"]) <= 75 and visit["claimReviewed"].endswith("…")
    assert claim.text.startswith(visit["claimReviewed"][:-1])
    assert visit["claimReviewed"][:-1] + " " in claim.text + " "  # cut on a word boundary
    assert "True" not in visit["claimReviewed"]

    rating = visit["reviewRating"]
    assert rating == {"@type": "Rating", "ratingValue": 5, "bestRating": 5, "worstRating": 1,
                      "alternateName": "True",
                      "ratingExplanation": "The last visit was in July 2000: 24 years."}

    item = visit["itemReviewed"]
    assert item["@type"] == "Claim"
    assert item["author"] == {"@type": "Organization", "name": "Kremlin"}
    # Tempo 10:00+07:00 (03:00Z) is earlier than the wire's 08:00Z and Kabar's 18 June.
    assert item["datePublished"] == "2024-06-17T10:00:00+07:00"
    assert len(item["appearance"]) == 3
    for work in item["appearance"]:
        assert work["@type"] == "NewsArticle"
        assert work["headline"] and work["datePublished"]
        assert work["publisher"]["@type"] == "Organization"
    assert {w["publisher"]["name"] for w in item["appearance"]} == {
        "Tempo", "World Wire", "Kabar Harian"}
    wire = next(w for w in item["appearance"] if w["publisher"]["name"] == "World Wire")
    assert wire["url"] == "https://wire.example/putin"
    assert all("url" not in w for w in item["appearance"] if w is not wire)
    assert item["firstAppearance"]["publisher"]["name"] == "Tempo"

    assert visit["author"] == {"@type": "Organization", "name": "Cek Fakta Desk",
                               "url": "https://cek.example"}
    assert visit["datePublished"] == review.verdict.at
    assert visit["url"] == "https://cek.example#c-visit"


def test_ratings_follow_the_settings_scale(store: Store, settings: Settings) -> None:
    arms = reviews(store, settings, lang="id")[1]
    assert arms["reviewRating"]["ratingValue"] == 3
    assert arms["reviewRating"]["alternateName"] == "Diperdebatkan"
    set_verdict(store, "c-hostile", "false", "rina", "Nothing supports it.")
    hostile = reviews(store, settings, claim_ids=("c-hostile",))[0]
    assert hostile["reviewRating"]["ratingValue"] == 1
    assert hostile["reviewRating"]["alternateName"] == "False"
    # No speaker: attributed to the outlet that carried it.
    assert hostile["itemReviewed"]["author"] == {"@type": "Organization", "name": "Tempo"}


def test_url_is_omitted_without_an_organization_url(store: Store) -> None:
    data = reviews(store, Settings(reviewer="tester"))
    assert all("url" not in r for r in data)
    assert data[0]["author"] == {"@type": "Organization", "name": "factcheck desk"}


def test_speaker_type() -> None:
    assert speaker_type("Vladimir Putin") == "Person"
    assert speaker_type("Choe Son Hui") == "Person"
    assert speaker_type("Kremlin") == "Organization"
    assert speaker_type("United States") == "Organization"
    assert speaker_type("Pyongyang dan Moskow") == "Organization"
    assert speaker_type("Kementerian Luar Negeri") == "Organization"
    assert speaker_type("the foreign ministry") == "Organization"


def test_person_author_and_long_claims(store: Store, settings: Settings) -> None:
    words = " ".join(f"kata{i}" for i in range(40))
    with store.transaction() as tx:
        claim = store.claim("c-hostile")
        assert claim is not None
        tx.put("claims", claim.model_copy(update={
            "text": words, "normalized": claim.normalized.model_copy(
                update={"speaker": "Vladimir Putin"})}))
        tx.put("claims", Claim(id="c-empty", kind=Kind.OTHER, text="Tidak ada kutipan."))
    set_verdict(store, "c-hostile", "misleading", "rina")
    set_verdict(store, "c-empty", "unverifiable", "rina")
    hostile, empty = reviews(store, settings, claim_ids=("c-hostile", "c-empty"))
    assert hostile["itemReviewed"]["author"] == {"@type": "Person", "name": "Vladimir Putin"}
    assert len(hostile["claimReviewed"]) <= 75
    assert hostile["claimReviewed"].endswith("…")
    assert hostile["claimReviewed"][:-1].split() == words.split()[: len(
        hostile["claimReviewed"][:-1].split())]
    assert hostile["itemReviewed"]["text"] == words  # the whole claim, where it was shortened
    assert "ratingExplanation" not in hostile["reviewRating"]  # no explanation given
    assert empty["itemReviewed"] == {"@type": "Claim", "text": "Tidak ada kutipan."}
    assert empty["claimReviewed"] == "Tidak ada kutipan."  # it fits: the sentence itself


def test_empty_store(settings: Settings) -> None:
    assert json.loads(export_report(Store.memory(), "claimreview", settings)) == []


DEAD = Slot(kind=Kind.QUANTITY, measure="dead", unit="people", value=11.0, bound=Bound.AT_LEAST,
            step=1.0, as_of="2023-12-04")


def test_a_long_figure_claim_is_reviewed_as_its_reading(store: Store,
                                                          settings: Settings) -> None:
    """A sentence over 75 characters is not cut mid-thought: ``claimReviewed`` states what is
    counted, the value, who says it and as of when; the sentence is ``itemReviewed.text``, and
    the Markdown report shows the same reading beside the claim, so the reviewer sees what is
    published."""
    sentence = ("Badan Nasional Penanggulangan Bencana mengatakan sedikitnya 11 pendaki tewas "
                "dan 12 lainnya masih dicari setelah erupsi pada Minggu.")
    with store.transaction() as tx:
        claim = store.claim("c-hostile")
        assert claim is not None
        tx.put("claims", claim.model_copy(update={
            "text": sentence, "slot": DEAD, "normalized": claim.normalized.model_copy(
                update={"speaker": "BNPB"})}))
    set_verdict(store, "c-hostile", "true", "rina")
    (review,) = reviews(store, settings, claim_ids=("c-hostile",))
    assert review["claimReviewed"] == "dead: at least 11 people (BNPB, as of 2023-12-04)"
    assert review["itemReviewed"]["text"] == sentence
    document = export_report(store, "md", settings, ExportOptions(claim_ids=("c-hostile",)))
    assert "- Reading: dead: at least 11 people (BNPB, as of 2023-12-04)\n" in document
