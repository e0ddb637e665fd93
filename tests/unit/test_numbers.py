"""Numbers as Indonesian and English news write them (`factcheck.core.text.numbers`)."""

from __future__ import annotations

import pytest

from factcheck.core.text.numbers import find_quantities, parse_number


@pytest.mark.parametrize(
    ("text", "value", "unit", "approximate"),
    [
        ("5.580", 5580, None, None),
        ("137.000", 137000, None, None),
        ("1,5 juta", 1_500_000, None, None),
        ("42,7 m", 42.7, "m", None),
        ("2,5 miliar", 2_500_000_000, None, None),
        ("Rp 3,2 triliun", 3_200_000_000_000, "IDR", None),
        ("50%", 50, "percent", None),
        ("50 persen", 50, "percent", None),
        ("satu", 1, None, None),
        ("sepuluh orang", 10, "people", None),
        ("sebelas", 11, None, None),
        ("dua belas orang", 12, "people", None),
        ("dua puluh", 20, None, None),
        ("dua puluh lima tahun", 25, "years", None),
        ("seratus", 100, None, None),
        ("dua ratus lima puluh rudal", 250, "rudal", None),
        ("ratusan orang", 100, "people", "at least"),
        ("ribuan warga", 1000, "residents", "at least"),
        ("setengah juta", 500_000, None, None),
        ("seperempat abad", 25, "years", None),
        ("dua dekade", 20, "years", None),
        ("lebih dari dua dekade", 20, "years", "more than"),
        ("sekitar 50 rudal semacam itu", 50, "rudal", "about"),
        ("selama sekitar 40 detik", 40, "seconds", "about"),
        ("setidaknya satu rudal balistik", 1, "rudal", "at least"),
        ("hampir 3.000 orang", 3000, "people", "nearly"),
        ("kurang dari 10 km", 10, "km", "less than"),
        ("hingga 50 persen", 50, "percent", "up to"),
        ("Rp 502,4 T", 502_400_000_000_000, "IDR", None),  # triliun and miliar, abbreviated
        ("Rp5M", 5_000_000_000, "IDR", None),
        ("RM500 juta", 500_000_000, "MYR", None),  # the region's currencies: ringgit, ...
        ("S$2 miliar", 2_000_000_000, "SGD", None),  # ... Singapore dollars
        ("selama setahun terakhir", 1, "years", None),
        ("tiga buah rudal", 3, "rudal", None),
        ("200 benur", 200, "benur", None),
    ],
)
def test_indonesian_numbers(text: str, value: float, unit: str | None, approximate: str | None):
    q = parse_number(text, "id")
    assert q is not None
    assert (q.value, q.unit, q.approximate) == (value, unit, approximate)


@pytest.mark.parametrize(
    ("text", "value", "unit", "approximate"),
    [
        ("1,500", 1500, None, None),
        ("1.5", 1.5, None, None),
        ("1.5 million", 1_500_000, None, None),
        ("two decades", 20, "years", None),
        ("half", 0.5, None, None),
        ("about 50", 50, None, "about"),
        ("a dozen eggs", 12, "eggs", None),
        ("twenty-four hours", 24, "hours", None),
        ("hundreds of people", 100, "people", "at least"),
        ("hundreds of thousands of people", 100_000, "people", "at least"),
        ("more than 18 months", 18, "months", "more than"),
        ("nearly 3,000 people", 3000, "people", "nearly"),
        ("up to 50 percent", 50, "percent", "up to"),
        ("as high as 3 kilometres", 3, "km", "up to"),  # an ash column's height: a bound
        ("as many as 20 people", 20, "people", "up to"),
        ("Rp. 12,000", 12_000, "IDR", None),  # English pages write the rupiah sign with a dot too
        ("S$2 billion", 2_000_000_000, "SGD", None),
        ("RM500 million", 500_000_000, "MYR", None),
        ("$5bn", 5_000_000_000, "USD", None),
        ("a 3-day visit", 3, "days", None),
        ("about 50 such missiles", 50, "missiles", "about"),
        ("roughly 40 seconds", 40, "seconds", "about"),
        ("at least seven people", 7, "people", "at least"),
    ],
)
def test_english_numbers(text: str, value: float, unit: str | None, approximate: str | None):
    q = parse_number(text, "en")
    assert q is not None
    assert (q.value, q.unit, q.approximate) == (value, unit, approximate)


def test_separators_follow_the_language():
    assert parse_number("1.500 orang", "id").value == 1500  # type: ignore[union-attr]
    assert parse_number("1,5 orang", "id").value == 1.5  # type: ignore[union-attr]
    assert parse_number("1,500 people", "en").value == 1500  # type: ignore[union-attr]
    assert parse_number("1.5 people", "en").value == 1.5  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("pesawat tempur F-16 ke Ukraina", "id"),
        ("Piala Asia Putri U-17", "id"),
        ("para pemimpin G7 bertemu", "id"),
        ("masa jabatan ke-5", "id"),
        ("menang 7-0 atas lawannya", "id"),
        ("hubungi 021-5551234 sekarang", "id"),
        ("didirikan pada 1948 dengan dukungan", "id"),
        ("perjanjian 1961 dengan Uni Soviet", "id"),
        ("satu-satunya negara", "id"),
        ("salah satu negara", "id"),
        ("Peraturan Presiden Nomor 12 Tahun 2024", "id"),
        ("pukul 21:02 WIB", "id"),
        ("one of the leaders", "en"),
        ("in July 2000 the leaders met", "en"),
        ("flight 370 disappeared", "en"),
    ],
)
def test_codes_years_and_idioms_are_not_quantities(text: str, lang: str):
    assert find_quantities(text, lang) == []


def test_a_year_followed_by_a_count_unit_is_a_quantity():
    [q] = find_quantities("sebanyak 2000 orang hadir", "id")
    assert (q.value, q.unit) == (2000, "people")


def test_offsets_cover_hedge_value_and_unit():
    text = "Para pejabat menghitung sekitar 50 rudal semacam itu."
    [q] = find_quantities(text, "id")
    assert text[q.start : q.end] == "sekitar 50 rudal" == q.text
    assert q.duration is False
    [span] = find_quantities("dalam 24 tahun terakhir", "id")
    assert span.duration is True and span.value == 24


def test_several_quantities_in_order():
    found = find_quantities(
        "Kim hanya melakukan perjalanan sebanyak tujuh kali dalam 12 tahun kekuasaannya.", "id"
    )
    assert [(q.value, q.unit) for q in found] == [(7, "times"), (12, "years")]


def test_no_number_gives_none():
    assert parse_number("tidak ada angka di sini", "id") is None
    assert parse_number("", "en") is None


def test_overflowing_digit_strings_are_not_quantities():
    assert parse_number("1" + ".000" * 120, "id") is None
    assert find_quantities("9" * 400 + " orang", "id") == []
