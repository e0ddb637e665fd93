"""Linking survives paraphrase, translation and spelling variants; unrelated facts stay apart."""

from __future__ import annotations

from factcheck.core.link.dates import find_dates
from factcheck.core.link.entities import NameBook, same_name
from factcheck.core.link.match import numbers_agree
from factcheck.core.link.terms import (
    Number,
    concept_terms,
    find_numbers,
    stem,
    tokenize,
)
from factcheck.core.models import LinkState
from factcheck.core.textnorm import fold
from tests.unit.test_link_articles import article, claim_of, run

KOMPAS = article("kompas.txt", "Kompas", "id", [
    ("Kanselir Jerman Olaf Scholz mengunjungi Vietnam untuk pertama kalinya dalam 24 tahun, "
     "kata Kementerian Luar Negeri.", {"value": 24, "unit": "tahun"}),
    ("Jerman dan Vietnam menandatangani perjanjian kerja sama energi senilai 500 juta dolar "
     "pada Senin, 12 Februari 2024.", {"value": 500_000_000, "unit": "USD"}),
    ("Polisi menangkap 12 orang dalam unjuk rasa di depan kedutaan besar di Hanoi.",
     {"value": 12, "unit": "orang"}),
], published="2024-02-12")
DAILY = article("daily.txt", "Daily Herald", "en", [
    ("German Chancellor Olaf Scholz visits Vietnam for the first time in 24 years, the foreign "
     "ministry said.", {"value": 24, "unit": "years"}),
    ("Germany and Vietnam signed a $500 million energy cooperation agreement on February 12, "
     "2024.", {"value": 500_000_000, "unit": "USD"}),
    ("The central bank of Brazil raised interest rates to 6.25 percent.",
     {"value": 6.25, "unit": "percent"}),
], published="2024-02-13")


def test_indonesian_and_english_reports_of_one_event_link() -> None:
    claims = run(KOMPAS, DAILY)
    visit = claim_of(claims, KOMPAS.mention("Kanselir"))
    deal = claim_of(claims, KOMPAS.mention("Jerman dan Vietnam"))
    assert DAILY.mention("German Chancellor").id in {e.mention_id for e in visit.evidence}
    assert DAILY.mention("Germany and Vietnam").id in {e.mention_id for e in deal.evidence}
    assert visit.id != deal.id
    assert visit.outlets == 2
    assert all(e.link == LinkState.AUTO for e in visit.evidence)
    assert not visit.conflicts


def test_unrelated_claims_stand_alone() -> None:
    claims = run(KOMPAS, DAILY)
    for built, start in ((KOMPAS, "Polisi"), (DAILY, "The central bank")):
        assert len(claim_of(claims, built.mention(start)).evidence) == 1
    assert sorted(e.mention_id for c in claims for e in c.evidence) == sorted(
        m.id for m in KOMPAS.mentions + DAILY.mentions
    )


def test_spelling_variants_of_a_name_link() -> None:
    tempo = article("t.txt", "Tempo", "id", [
        "Presiden Rusia Vladimir Putin bertemu Menteri Luar Negeri Korea Utara Choe Son Hui di "
        "Kremlin pada Selasa.",
    ])
    other = article("o.txt", "Warta", "id", [
        "Putin menerima Menlu Korea Utara, Choe Sun-hui, di Moskow pekan lalu.",
    ])
    claims = run(tempo, other)
    assert claim_of(claims, tempo.mentions[0]).id == claim_of(claims, other.mentions[0]).id


def test_same_name_tells_variants_from_other_people() -> None:
    assert same_name(("choe", "son", "hui"), ("choe", "sun", "hui"))
    assert same_name(("kim", "jong", "un"), ("kim", "jongun"))
    assert not same_name(("kim", "jong", "un"), ("kim", "jong", "il"))
    assert not same_name(("kim", "yo", "jong"), ("kim", "jong", "un"))


def test_a_lone_surname_resolves_to_the_full_name_of_its_article() -> None:
    book = NameBook()
    book.add("a", ("kim", "jong", "un"))
    book.add("a", ("kim", "jong", "un"))
    book.add("a", ("kim", "hong", "kyun"))
    book.add("b", ("choe", "sun", "hui"))
    book.add("c", ("choe", "son", "hui"))
    book.add("c", ("choe", "son", "hui"))
    book.build()
    assert book.resolve("a", ("kim",)) == ("kim", "jong", "un")
    assert book.resolve("b", ("choe", "sun", "hui")) == ("choe", "son", "hui")
    assert book.resolve("x", ("nobody",)) is None


def test_indonesian_affixes_and_english_inflections_are_stripped() -> None:
    assert stem("membangun", "id") == stem("dibangun", "id") == stem("pembangunan", "id")
    assert stem("memukul", "id") == "pukul"
    assert stem("menulis", "id") == stem("ditulis", "id") == "tulis"
    assert stem("bombings", "en") == "bombing"


def test_key_terms_of_both_languages_map_to_one_concept() -> None:
    indonesian = concept_terms(tokenize("Korea Utara memasok rudal, kata pejabat"), set(), "id")
    english = concept_terms(tokenize("North Korea supplied missiles, officials said"), set(),
                            "en")
    assert {"t:supply", "t:missile", "t:weapon", "t:official"} <= indonesian & english


def test_figures_and_dates_are_read_from_text() -> None:
    numbers = find_numbers(tokenize("lawatan pertama dalam periode lebih dari dua dekade"))
    assert numbers == [Number(20.0, "year", "more_than")]
    numbers = find_numbers(tokenize("Officials counted about 50 missiles and 42,7 m rockets"))
    assert Number(50.0, "missile", "about") in numbers
    dates, _months = find_dates(fold("pada Rabu, 19 Juni 2024 dan terakhir pada Juli 2000"))
    assert dates == {"2024-06-19", "2000-07"}


def test_hedges_widen_tolerance() -> None:
    assert numbers_agree(Number(24, "year"), Number(20, "year", "more_than"))
    assert not numbers_agree(Number(24, "year"), Number(20, "year"))
    assert not numbers_agree(Number(300, "person"), Number(250, "person", "about"))
    assert numbers_agree(Number(260, "person"), Number(250, "person", "about"))
    assert numbers_agree(Number(3, "year"), Number(3, "percent"))
