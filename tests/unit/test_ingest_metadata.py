"""Readers of one line or paragraph: datelines, bylines, credits and sign-offs."""

from __future__ import annotations

import pytest

from factcheck.core.ingest.metadata import (
    credits_in,
    dateline_outlet,
    outlet_name,
    parse_byline,
    split_initials,
)


@pytest.mark.parametrize(("paragraph", "outlet"), [
    ("TEMPO.CO, Jakarta - Presiden Rusia tiba.", "Tempo"),
    ("TEMPO.CO, Jakarta -\u00a0Presiden Rusia tiba.", "Tempo"),
    ("SERAMBINEWS.COM, MOSKOW \u2013 Presiden Rusia tiba.", "Serambinews"),
    ("JAKARTA, KOMPAS.com - Presiden Rusia tiba.", "Kompas"),
    ("Liputan6.com, Jakarta - Harga naik.", "Liputan6"),
    ("KOMPAS.com - Harga naik.", "Kompas"),
    ("(Reuters) - Russia said on Monday.", "Reuters"),
    ("MOSCOW, June 17 (Reuters) - Russia said on Monday.", "Reuters"),
    ("WASHINGTON (AP) \u2014 The president said.", "AP"),
    ("Jakarta (ANTARA) - Presiden berkata.", "Antara"),
    ("Jakarta, CNN Indonesia -- Presiden berkata.", "CNN Indonesia"),
    ("Lombok Barat, Radar Pesisir \u2014 Kebakaran menghanguskan kios.", "Radar Pesisir"),
    ("Presiden Rusia, Vladimir Putin \u2014 yang tiba kemarin \u2014 berkata.", None),
    ("Jakarta, Senin - Presiden berkata.", None),
    ("Jakarta - Presiden berkata.", None),
    ("Harga naik-turun sepanjang pekan, kata pedagang.", None),
])
def test_dateline_outlet(paragraph: str, outlet: str | None) -> None:
    assert dateline_outlet(paragraph) == outlet


@pytest.mark.parametrize(("name", "display"), [
    ("TEMPO.CO", "Tempo"), ("detik.com", "Detik"), ("SINARHARIAN.co.id", "Sinarharian"),
    ("CNN", "CNN"), ("REUTERS", "Reuters"), ("Jakarta Post", "Jakarta Post"),
])
def test_outlet_name(name: str, display: str) -> None:
    assert outlet_name(name) == display


@pytest.mark.parametrize(("line", "byline"), [
    ("Penulis: Agus Ramadhan | Editor: Ansari Hasyim",
     {"author": "Agus Ramadhan", "editor": "Ansari Hasyim"}),
    ("Reporter : Nabiila Azzahra", {"reporter": "Nabiila Azzahra"}),
    ("Oleh: Siti Aminah", {"author": "Siti Aminah"}),
    ("By Guy Faulconbridge and Ju-min Park", {"author": "Guy Faulconbridge and Ju-min Park"}),
    ("By Jane Doe, Reuters | January 21, 2024", {"author": "Jane Doe"}),
    ("Writer: John Roe", {"author": "John Roe"}),
    ("Reporting by Guy Faulconbridge in Moscow; Editing by Andrew Osborn",
     {"reporter": "Guy Faulconbridge", "editor": "Andrew Osborn"}),
    ("(Reporting by Jane Doe; Editing by John Roe)",
     {"reporter": "Jane Doe", "editor": "John Roe"}),
    ("Kontributor Bandung, Agus Susanto", {"reporter": "Agus Susanto"}),
    ("Laporan Wartawan Tribunnews.com, Ilham Rian Pratama", {"reporter": "Ilham Rian Pratama"}),
    ("Oleh karena itu, pemerintah menaikkan harga.", {}),
    ("By the end of the year prices rose.", {}),
    ("Editor majalah itu, Budi, menolak berkomentar.", {}),
    ("Presiden Rusia Vladimir Putin", {}),
])
def test_parse_byline(line: str, byline: dict[str, str]) -> None:
    assert parse_byline(line) == byline


@pytest.mark.parametrize(("paragraph", "credits"), [
    ("Dikutip dari Reuters, kesediaan Putin disampaikan pekan lalu.", ["Reuters"]),
    ("\u201cKami siap,\u201d katanya, seperti dikutip oleh kantor berita Rusia TASS.", ["TASS"]),
    ("Seperti dilansir kantor berita Yonhap dan AFP, pesawat itu mendarat.", ["Yonhap", "AFP"]),
    ("Putin menjabat tangan Kim, dikutip dari Straits Times.", ["Straits Times"]),
    ("The photo was released via REUTERS on Monday.", ["Reuters"]),
    ("PARIS (AFP) - The minister said.", ["AFP"]),
    ("The official told Reuters on Monday that talks would resume.", ["Reuters"]),
    ("According to Peskov, the talks went well.", []),
    ("Menurut laporan media Korea Utara, KCNA, Putin bersedia datang.", []),
])
def test_credits_in_body_text(paragraph: str, credits: list[str]) -> None:
    assert credits_in(paragraph) == credits


@pytest.mark.parametrize(("paragraph", "rest", "initials"), [
    ("Turis pertama adalah asal Rusia. [SB]", "Turis pertama adalah asal Rusia.", "SB"),
    ("[SB]", "", "SB"),
    ("(nvc/nvc)", "", "nvc/nvc"),
    ("Harga naik lagi, kata dia. (ant)", "Harga naik lagi, kata dia.", "ant"),
    ("Presiden berdiri di sebelah kanan (kiri)", "Presiden berdiri di sebelah kanan (kiri)", None),
    ("Ia menyebut [Korea Utara] sahabat.", "Ia menyebut [Korea Utara] sahabat.", None),
])
def test_split_initials(paragraph: str, rest: str, initials: str | None) -> None:
    assert split_initials(paragraph) == (rest, initials)


def test_a_country_after_the_city_is_not_an_outlet() -> None:
    from factcheck.core.ingest.metadata import dateline_outlet

    assert dateline_outlet("Moskow, Rusia \u2014 Presiden Vladimir Putin bertemu Kim.") is None
    assert dateline_outlet("Jakarta, CNN Indonesia -- Presiden tiba pagi ini.") == "CNN Indonesia"
