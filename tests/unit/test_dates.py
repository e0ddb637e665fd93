"""Dates as news text writes them, resolved against publication (`factcheck.core.text.dates`)."""

from __future__ import annotations

from datetime import date

import pytest

from factcheck.core.text.dates import find_dates, parse_date

JAN_21 = date(2024, 1, 21)  # a Sunday
JUN_17 = date(2024, 6, 17)  # a Monday


@pytest.mark.parametrize(
    ("text", "lang", "value", "precision"),
    [
        ("Rabu, 19 Juni 2024", "id", "2024-06-19", "day"),
        ("19 Juni 2024", "id", "2024-06-19", "day"),
        ("13/9/2023", "id", "2023-09-13", "day"),
        ("pada Rabu (13/9/2023).", "id", "2023-09-13", "day"),
        ("Juli 2000", "id", "2000-07", "month"),
        ("terakhir kali pada Juli 2000", "id", "2000-07", "month"),
        ("pada 1961", "id", "1961", "year"),
        ("perjanjian 1961 dengan Uni Soviet", "id", "1961", "year"),
        ("pada tahun 1948", "id", "1948", "year"),
        ("Perang Korea 1950-53", "id", "1950/1953", "year"),
        ("Januari 21, 2024", "id", "2024-01-21", "day"),
        ("June 19, 2024", "en", "2024-06-19", "day"),
        ("19 June 2024", "en", "2024-06-19", "day"),
        ("in July 2000", "en", "2000-07", "month"),
        ("on Wednesday, June 19, 2024", "en", "2024-06-19", "day"),
        ("2024-01-21T07:24:44Z", "en", "2024-01-21", "day"),
    ],
)
def test_calendar_dates_need_no_reference(text: str, lang: str, value: str, precision: str):
    d = parse_date(text, lang, None)
    assert d is not None
    assert (d.value, d.precision, d.explicit, d.relative) == (value, precision, True, None)


def test_day_without_year_takes_the_publication_year_or_stays_partial():
    assert parse_date("pada Minggu (21/1), Putin", "id", JAN_21).value == "2024-01-21"  # type: ignore[union-attr]
    assert parse_date("pada Minggu (21/1)", "id", None).value == "--01-21"  # type: ignore[union-attr]
    assert parse_date("Jan. 5", "en", JAN_21).value == "2024-01-05"  # type: ignore[union-attr]
    # Late December in an article of January is last year's.
    assert parse_date("Kamis (28/12)", "id", JAN_21).value == "2023-12-28"  # type: ignore[union-attr]


def test_day_ranges():
    assert parse_date("pada 19-20 Juni", "id", None).value == "--06-19/--06-20"  # type: ignore[union-attr]
    d = parse_date("Putin akan mengunjungi Vietnam pada 19-20 Juni", "id", JUN_17)
    assert d is not None and d.value == "2024-06-19/2024-06-20"


@pytest.mark.parametrize(
    ("text", "lang", "value", "precision"),
    [
        ("kemarin", "id", "2024-01-20", "day"),
        ("pekan lalu", "id", "2024-W02", "week"),
        ("bulan lalu", "id", "2023-12", "month"),
        ("tahun lalu", "id", "2023", "year"),
        ("September lalu", "id", "2023-09", "month"),
        ("pada bulan September lalu", "id", "2023-09", "month"),
        ("pada Selasa", "id", "2024-01-16", "day"),
        ("3 hari lalu", "id", "2024-01-18", "day"),
        ("dua tahun lalu", "id", "2022", "year"),
        ("setahun lalu", "id", "2023", "year"),
        ("yesterday", "en", "2024-01-20", "day"),
        ("last week", "en", "2024-W02", "week"),
        ("on Tuesday", "en", "2024-01-16", "day"),
        ("last September", "en", "2023-09", "month"),
        ("3 weeks ago", "en", "2023-W52", "week"),
        ("next month", "en", "2024-02", "month"),
    ],
)
def test_relative_dates_resolve_against_publication(
    text: str, lang: str, value: str, precision: str
):
    d = parse_date(text, lang, JAN_21)
    assert d is not None
    assert (d.value, d.precision, d.explicit) == (value, precision, False)


@pytest.mark.parametrize(
    ("text", "lang", "relative"),
    [
        ("pekan lalu", "id", "pekan lalu"),
        ("pada Selasa", "id", "Selasa"),
        ("bulan September lalu", "id", "bulan September lalu"),
        ("last week", "en", "last week"),
        ("yesterday", "en", "yesterday"),
    ],
)
def test_relative_dates_stay_as_written_without_publication(text: str, lang: str, relative: str):
    d = parse_date(text, lang, None)
    assert d is not None
    assert (d.value, d.relative) == (None, relative)


def test_future_tense_looks_forward():
    # Published on a Monday: "akan ... pada Selasa" is tomorrow, "pada Selasa" was last week.
    ahead = parse_date("Putin akan berkunjung pada Selasa", "id", JUN_17)
    behind = parse_date("Putin berkunjung pada Selasa", "id", JUN_17)
    assert ahead is not None and ahead.value == "2024-06-18"
    assert behind is not None and behind.value == "2024-06-11"
    will = parse_date("Putin will visit on Tuesday", "en", JUN_17)
    assert will is not None and will.value == "2024-06-18"


@pytest.mark.parametrize(
    "text",
    ["2000 orang hadir", "pesawat F-16 dan 1/3 anggaran", "dalam 24 tahun terakhir", "13 persen"],
)
def test_not_dates(text: str):
    assert find_dates(text, "id", JAN_21) == []


def test_offsets_and_order():
    text = "Setelah berkuasa pada 1999 — Putin mengunjungi Pyongyang pada Juli 2000."
    found = find_dates(text, "id", None)
    assert [(d.value, text[d.start : d.end]) for d in found] == [
        ("1999", "1999"),
        ("2000-07", "Juli 2000"),
    ]


def test_dateparser_reads_what_the_patterns_do_not():
    d = parse_date("2024/03/05", "en", None)
    assert d is not None and d.value == "2024-03-05"
    assert parse_date("tanpa tanggal", "id", None) is None


@pytest.mark.parametrize(("text", "lang"), [
    ("104303 PEKAN LALU", "id"),  # found by the fuzz test: a shift past the calendar raised
    ("99999 bulan lalu", "id"),
    ("5000 tahun lalu", "id"),
    ("9000 years from now", "en"),
    ("99999999 days ago", "en"),
])
def test_a_shift_past_the_calendar_names_no_date(text: str, lang: str) -> None:
    assert find_dates(text, lang, date(2000, 1, 1)) == []
