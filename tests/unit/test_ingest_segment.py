"""Sentence segmentation on pages the rules were not written against: run-together sentences,
quotations over several sentences, datelines, lists and bullets, in both languages."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from factcheck.core.ingest import ingest_bytes
from factcheck.core.models import Role
from factcheck.core.text import languages as lexicons
from factcheck.core.text.segment import split_sentences


def sentences(paragraph: str) -> list[str]:
    return [paragraph[a:b] for a, b in split_sentences(paragraph)]


RUN_TOGETHER_PAGE = (
    "Leaders meet for talks in the capital\n\n"
    "By Jane Doe\n\n"
    "SEOUL (Reuters) - The president arrived on Monday for a two-day state visit.The two leaders "
    "signed 12 agreements on trade.Officials said 58.6 percent of the funds were paid.About 50 "
    "missiles were sent in 2023.The U.S. embassy said 3 diplomats attended.Mr. Kim thanked "
    "M. Sulthan Azzam of Tempo.co for the question.It was the first visit in 24 years.Trade "
    "rose 12% last year, the ministry said.\n"
)


def test_a_run_together_english_page_gives_one_passage_per_sentence() -> None:
    result = ingest_bytes(RUN_TOGETHER_PAGE.encode(), "run-together.txt")
    body = [p.text for p in result.passages if p.role == Role.BODY]
    assert body == [
        "SEOUL (Reuters) - The president arrived on Monday for a two-day state visit.",
        "The two leaders signed 12 agreements on trade.",
        "Officials said 58.6 percent of the funds were paid.",
        "About 50 missiles were sent in 2023.",
        "The U.S. embassy said 3 diplomats attended.",
        "Mr. Kim thanked M. Sulthan Azzam of Tempo.co for the question.",
        "It was the first visit in 24 years.",
        "Trade rose 12% last year, the ministry said.",
    ]


@pytest.mark.parametrize(("paragraph", "expected"), [
    ("Presiden tiba di Pyongyang pada Rabu.Ia disambut Kim Jong Un.",
     ["Presiden tiba di Pyongyang pada Rabu.", "Ia disambut Kim Jong Un."]),
    ("Harga naik pada 2022.Pemerintah menambah subsidi.",
     ["Harga naik pada 2022.", "Pemerintah menambah subsidi."]),
    ("He left.\u201cWe are done,\u201d he said.",
     ["He left.", "\u201cWe are done,\u201d he said."]),
])
def test_run_together_sentences_are_cut(paragraph: str, expected: list[str]) -> None:
    assert sentences(paragraph) == expected


@pytest.mark.parametrize("paragraph", [
    "Berita ini dimuat di Detik.Com dan Tempo.co pada Senin.",
    "WARTASULUH.COM, AGAM - Sebanyak 18 korban ditemukan.",
    "Hasilnya 58.6 persen, atau Rp7.650 per liter, kata M. Sulthan.",
    "The U.S.-led talks ended, the Dept. of State said.",
    "Mr.Kim and Dr.Lee met at 10 a.m. on Jan. 5.",
])
def test_domains_decimals_initials_and_abbreviations_stay_whole(paragraph: str) -> None:
    assert sentences(paragraph) == [paragraph]


@pytest.mark.parametrize(("paragraph", "expected"), [
    # Indonesian: a quotation of two sentences, then its attribution, is one passage.
    ('"Saat ini lagi proses evakuasi dari puncak ke bawah. Jadi total temuan hari ini berjumlah '
     '14 orang dan yang perlu dicari menjadi 12 orang," kata Abdul Malik. Tim SAR terus bekerja.',
     ['"Saat ini lagi proses evakuasi dari puncak ke bawah. Jadi total temuan hari ini berjumlah '
      '14 orang dan yang perlu dicari menjadi 12 orang," kata Abdul Malik.',
      "Tim SAR terus bekerja."]),
    # English, curly quotes, three sentences in the quotation.
    ("\u201cToday we searched the peak. We found 14 people. Three were alive,\u201d Abdul Malik "
     "told reporters. The search goes on.",
     ["\u201cToday we searched the peak. We found 14 people. Three were alive,\u201d Abdul Malik "
      "told reporters.", "The search goes on."]),
    # The attribution before the quotation.
    ("Kata Wafid: \u201cStatusnya naik. Warga diminta menjauh.\u201d Erupsi berlanjut.",
     ["Kata Wafid: \u201cStatusnya naik. Warga diminta menjauh.\u201d", "Erupsi berlanjut."]),
])
def test_a_quotation_over_several_sentences_is_one_passage(paragraph: str,
                                                           expected: list[str]) -> None:
    assert sentences(paragraph) == expected


def test_a_long_or_unclosed_quotation_is_still_cut_into_sentences() -> None:
    long_quote = "\u201cSatu. Dua. Tiga. Empat.\u201d Lima."
    assert sentences(long_quote) == ["\u201cSatu.", "Dua.", "Tiga.", "Empat.\u201d", "Lima."]
    # A quotation that runs on into the next paragraph has no closing mark here.
    unclosed = "\u201cWe will go on. We have no choice. The work is not done."
    assert sentences(unclosed) == ["\u201cWe will go on.", "We have no choice.",
                                   "The work is not done."]
    # An odd number of straight quote marks cannot be paired: sentences are cut as usual.
    stray = 'He said "nothing. Then he left. It rained.'
    assert sentences(stray) == ['He said "nothing.', "Then he left.", "It rained."]


@pytest.mark.parametrize("paragraph", [
    "KOTA BATU, OUTLET.CO.ID -- Wali Kota meresmikan jalan baru sepanjang 2,5 km.",
    "JAKARTA, Outlet.com - Harga cabai naik 10 persen pekan ini.",
    "CITY (Reuters) - The central bank held rates at 6%.",
    "INFOSEMARANG.COM -- Pada Senin, 4 Desember 2023, 11 pendaki dilaporkan meninggal dunia.",
    "Bisnis.com, JAKARTA \u2014 Badan Geologi menaikkan status Gunung Marapi.",
    "JAKARTA: Indonesia raised subsidised fuel prices by about 30 per cent on Saturday (Sep 3).",
    "jatimnow.com - Presiden Joko Widodo mengumumkan kenaikan harga BBM.",
])
def test_a_dateline_stays_with_the_sentence_it_opens(paragraph: str) -> None:
    assert sentences(paragraph) == [paragraph]


def test_datelines_on_a_page_open_the_first_passage() -> None:
    page = ("Harga BBM Naik Mulai Hari Ini\n\nEditor: Sofyan Cahyono\n\n"
            "jatimnow.com -\nPresiden Joko Widodo mengumumkan kenaikan harga BBM. Harga pertalite "
            "naik dari Rp7.650 menjadi Rp10.000 per liter.\n")
    result = ingest_bytes(page.encode(), "dateline.txt")
    body = [p.text for p in result.passages if p.role == Role.BODY]
    assert body == ["jatimnow.com - Presiden Joko Widodo mengumumkan kenaikan harga BBM.",
                    "Harga pertalite naik dari Rp7.650 menjadi Rp10.000 per liter."]
    assert result.source.outlet == "Jatimnow"


@pytest.mark.parametrize(("paragraph", "expected"), [
    ("1. Pertalite naik menjadi Rp10.000. 2. Solar naik menjadi Rp6.800.",
     ["1. Pertalite naik menjadi Rp10.000.", "2. Solar naik menjadi Rp6.800."]),
    ("The new prices: 1. Gasoline rose to 10,000 rupiah. 2. Diesel rose to 6,800 rupiah.",
     ["The new prices: 1. Gasoline rose to 10,000 rupiah.", "2. Diesel rose to 6,800 rupiah."]),
    ("\u2022 World \u2022 Indonesia \u2022 Marapi", ["\u2022 World", "\u2022 Indonesia",
                                                     "\u2022 Marapi"]),
    ("The count ended on May. 6. 2024 was an election year.",
     ["The count ended on May. 6.", "2024 was an election year."]),
])
def test_lists_and_bullets(paragraph: str, expected: list[str]) -> None:
    assert sentences(paragraph) == expected


def test_bullet_updates_on_a_page_are_one_passage_each() -> None:
    page = ("Update Erupsi Gunung Marapi Hari Ini\n\nPenulis: Budi Santoso\n\n"
            "Berikut perkembangan terbaru pencarian korban erupsi.\n"
            "- 07.00 WIB: Tim SAR menemukan 3 pendaki selamat.\n"
            "- 07.10 WIB: Jumlah korban meninggal menjadi 11 orang.\n"
            "\u2022 10.30 WIB: Pencarian dihentikan sementara karena erupsi susulan.\n")
    result = ingest_bytes(page.encode(), "updates.txt")
    body = [p.text for p in result.passages if p.role == Role.BODY]
    assert body == [
        "Berikut perkembangan terbaru pencarian korban erupsi.",
        "- 07.00 WIB: Tim SAR menemukan 3 pendaki selamat.",
        "- 07.10 WIB: Jumlah korban meninggal menjadi 11 orang.",
        "\u2022 10.30 WIB: Pencarian dihentikan sementara karena erupsi susulan.",
    ]


def test_segmentation_words_live_in_each_language_file() -> None:
    for lang in lexicons.languages():
        words = lexicons.load(lang)["segmentation"]
        assert words["abbreviations"] and words["starters_after_acronym"]
    package = resources.files("factcheck.core.ingest")
    assert not (package / "segmentation.json").is_file()
    # The Indonesian file alone knows "Kol." (kolonel); the English one alone "Gov.".
    assert "kol" in lexicons.load("id")["segmentation"]["abbreviations"]
    assert "gov" in lexicons.load("en")["segmentation"]["abbreviations"]
    assert sentences("Kol. Budi dan Gov. Smith hadir.") == ["Kol. Budi dan Gov. Smith hadir."]
    json.dumps(lexicons.load("id")["segmentation"])
