"""Redaction: personal e-mail addresses and phone numbers in every form people write them, and
never a figure of the news."""

from __future__ import annotations

import pytest

from factcheck.core.ingest.redact import EMAIL_MARK, PHONE_MARK, redact

EMAILS = ["budi@example.com", "budi [at] example [dot] com", "budi(at)example.com",
          "budi @ example.com", "budi\uff20example.com", "budi {at} mail.example.co.id",
          "Budi.Santoso+berita@Example.CO.ID"]
PHONES = ["62812345678", "812-3456-7890", "0812/3456/7890", "0812\u20133456\u20137890",
          "0812\u20143456\u20147890", "\uff10\uff18\uff11\uff12\uff13\uff14\uff15\uff16\uff17"
          "\uff18\uff19\uff10", "0 8 1 2 3 4 5 6 7 8 9 0", "+62 812 3456 7890",
          "(021) 555-1234", "0812.3456.7890", "+1 (202) 555-0143"]
FIGURES = ["Rp7.650", "Rp10.000 per liter", "96.214.691 suara", "58,59 persen", "2.891 meter",
           "40.971.906 suara", "Rp 502,4 triliun", "pukul 14:54 WIB, 3 Desember 2023",
           "Rp 1.000.000.000", "tahun 1945 dan 1998 serta 2004", "nomor urut 02",
           "1,5 juta orang", "ISBN 978-3-16-148410-0", "at the meeting at 10 am",
           "Look at example dot com"]


@pytest.mark.parametrize("address", EMAILS)
def test_every_form_of_an_address_is_redacted(address: str) -> None:
    assert redact(f"Kirim ke {address} sebelum Jumat.") == f"Kirim ke {EMAIL_MARK} sebelum Jumat."


@pytest.mark.parametrize("number", PHONES)
def test_every_form_of_a_phone_number_is_redacted_leaving_no_stray_digits(number: str) -> None:
    out = redact(f"Hubungi {number} untuk informasi.")
    assert out == f"Hubungi {PHONE_MARK} untuk informasi."
    assert not any(c.isdigit() for c in out)


@pytest.mark.parametrize("figure", FIGURES)
def test_figures_of_the_news_are_left_alone(figure: str) -> None:
    text = f"Menurut laporan, {figure}."
    assert redact(text) == text
