"""Page dates: formats read, and text that must never yield a date."""

from __future__ import annotations

import pytest

from factcheck.core.ingest import ingest_bytes
from factcheck.core.ingest.dates import find_dates, is_date_line, parse_date


@pytest.mark.parametrize(("text", "iso"), [
    ("Rabu, 17 Januari 2024 21:02 WIB", "2024-01-17T21:02:00+07:00"),
    ("Januari 21, 2024", "2024-01-21"),
    ("2024-01-21T07:24:44Z", "2024-01-21T07:24:44Z"),
    ("2024-06-19T07:24:44+07:00", "2024-06-19T07:24:44+07:00"),
    ("January 21, 2024 7:24 AM EST", "2024-01-21T07:24:00-05:00"),
    ("Jan 5, 2024 10:30 AM EST", "2024-01-05T10:30:00-05:00"),
    ("Sept. 3rd, 2023 at 5:05 p.m. EDT", "2023-09-03T17:05:00-04:00"),
    ("21/01/2024 08:00", "2024-01-21T08:00:00"),
    ("Kompas.com - 05/02/2024, 14.30 WITA", "2024-02-05T14:30:00+08:00"),
    ("Senin, 5 Feb 2024 | 10:00 WIT", "2024-02-05T10:00:00+09:00"),
    ("5 June 2024 12:15 PM GMT", "2024-06-05T12:15:00Z"),
    ("June 19, 2024 7:24 AM GMT+7", "2024-06-19T07:24:00+07:00"),
    ("Published 19 Jun 2024 23:59 UTC", "2024-06-19T23:59:00Z"),
    ("Updated 7:24 AM EDT, Wed June 19, 2024", "2024-06-19T07:24:00-04:00"),
    ("10.30 WIB, Rabu 19 Juni 2024", "2024-06-19T10:30:00+07:00"),
    ("21-Jan-2024", "2024-01-21"),  # not a form the expressions know: dateparser reads it
])
def test_formats(text: str, iso: str) -> None:
    assert parse_date(text) == iso


@pytest.mark.parametrize("text", [
    "13 jam lalu",
    "2 days ago",
    "5 menit yang lalu",
    "Kunjungan Pertama dalam 20 Tahun",
    "Putin memerintahkan penambahan 180.000 personel",
    "31 Februari 2024",
    "pada 2024",
])
def test_no_date_is_invented(text: str) -> None:
    assert parse_date(text) is None


def test_last_updated_stamp_is_told_apart() -> None:
    hits = find_dates("Januari 21, 2024 Last Updated 2024-01-21T07:24:44Z")
    assert [(h.iso, h.updated) for h in hits] == [("2024-01-21", False),
                                                  ("2024-01-21T07:24:44Z", True)]


def test_date_lines_versus_sentences() -> None:
    assert is_date_line("Rabu, 17 Januari 2024 21:02 WIB")
    assert is_date_line("Diperbarui: Kamis, 18 Januari 2024 | 08:15 WIB")
    assert not is_date_line("Presiden menandatangani perjanjian itu pada Rabu, 19 Juni 2024, "
                            "di Pyongyang.")


def page(*lines: str) -> bytes:
    return "\n\n".join(lines).encode()


BODY = ("TEMPO.CO, Jakarta - Presiden Rusia Vladimir Putin menandatangani perjanjian kemitraan "
        "pada Rabu, 19 Juni 2024, di Pyongyang.")


def test_event_date_in_body_is_not_the_publication_date() -> None:
    result = ingest_bytes(page("Putin Teken Pakta dengan Kim", "Editor", "Ida Rosdalina", BODY),
                          "a.txt")
    assert result.source.published is None
    assert "no publication date found" in result.warnings


def test_a_page_without_a_date_that_names_today_is_dated_by_it() -> None:
    """A page whose only date stands after its word for today ("per hari ini, Sabtu
    (3/9/2022)") was published that day, said in a warning; two different "todays" date
    nothing."""
    rest = ("Harga Pertalite naik dari Rp7.650 menjadi Rp10.000 per liter. Menurut pemerintah, "
            "anggaran subsidi dan kompensasi energi tahun ini telah meningkat tiga kali lipat "
            "dan akan terus bertambah jika harga tidak disesuaikan.")
    today = ("Presiden Joko Widodo mengumumkan kenaikan harga bahan bakar minyak bersubsidi per "
             "hari ini, Sabtu (3/9/2022), di Istana Merdeka, Jakarta.")
    result = ingest_bytes(page("Harga BBM Naik", today, rest), "a.txt")
    assert result.source.language == "id"
    assert result.source.published == "2022-09-03"
    assert any("today" in w and "2022-09-03" in w for w in result.warnings)
    english = ingest_bytes(page(
        "Fuel prices rise",
        "The government raised the price of subsidised fuel today, Saturday 3 September 2022, "
        "the president said at the palace in Jakarta.",
        "The price of Pertalite rose from 7,650 rupiah to 10,000 rupiah a litre, and the budget "
        "for energy subsidies has tripled this year, the finance minister told reporters."),
        "b.txt")
    assert english.source.language == "en"
    assert english.source.published == "2022-09-03"
    other = "Hari ini, Minggu (4/9/2022), antrean kendaraan di sejumlah SPBU masih panjang."
    twice = ingest_bytes(page("Harga BBM Naik", today, other, rest), "c.txt")
    assert twice.source.published is None


def test_teaser_times_and_caption_dates_are_not_publication_dates() -> None:
    result = ingest_bytes(page(
        "Putin Teken Pakta dengan Kim",
        "Presiden Rusia tiba di Pyongyang, 19 Juni 2024. KCNA via REUTERS",
        BODY,
        "Berita terkait",
        "Kim Jong Un Sambut Putin",
        "13 jam lalu",
    ), "b.txt")
    assert result.source.published is None


def test_date_line_under_the_title_is_the_publication_date() -> None:
    result = ingest_bytes(page(
        "Putin Teken Pakta dengan Kim", "Rabu, 19 Juni 2024 21:02 WIB",
        "Diperbarui: Kamis, 20 Juni 2024 08:15 WIB", BODY), "c.txt")
    assert result.source.published == "2024-06-19T21:02:00+07:00"
    assert result.source.updated == "2024-06-20T08:15:00+07:00"
    assert "Rabu, 19 Juni 2024 21:02 WIB" not in result.source.text
