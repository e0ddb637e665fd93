"""Names in a sentence (`factcheck.core.text.names`)."""

from __future__ import annotations

import pytest

from factcheck.core.text.names import find_entities, is_title_case

PROSE = ("Hal itu disampaikan Juru Bicara Santoso setelah pertemuan Presiden Rusia Budi Hartono "
         "dengan Menteri Luar Negeri Jepang Yoko Tanaka pada Selasa.")


@pytest.mark.parametrize(("text", "lang", "heading"), [
    (PROSE, "id", False),
    ("Gubernur Tiba di Kota Sumberjaya untuk Kunjungan Pertama dalam 24 Tahun", "id", True),
    ("Governor Arrives in Sumberjaya for First Official Visit in 24 Years", "en", True),
    ("Deputy Prime Minister Budi Hartono met Japanese Foreign Minister Yoko Tanaka in Tokyo on "
     "Tuesday, officials said.", "en", False),
])
def test_a_sentence_full_of_names_is_no_heading(text: str, lang: str, heading: bool) -> None:
    """A sentence of many names used to pass for a title-case heading, so only names the
    article capitalised elsewhere were kept: both ministers were lost to linking."""
    assert is_title_case(text, lang) is heading


def test_names_of_a_capitalised_sentence_are_found() -> None:
    names = [e.text for e in find_entities(PROSE, "id", title_case=is_title_case(PROSE, "id"))]
    assert "Budi Hartono" in names and "Yoko Tanaka" in names
