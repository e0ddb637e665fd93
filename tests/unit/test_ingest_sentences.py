"""Sentence splitting of Indonesian and English paragraphs, and passage assembly."""

from __future__ import annotations

import pytest

from factcheck.core.ingest.passages import assemble
from factcheck.core.models import Role
from factcheck.core.text.segment import split_sentences


def sentences(paragraph: str) -> list[str]:
    return [paragraph[a:b] for a, b in split_sentences(paragraph)]


@pytest.mark.parametrize("paragraph", [
    "\u201cSaya senang bertemu Anda,\u201d kata Putin sambil menjabat tangan Kim selama sekitar "
    "40 detik, dikutip dari Straits Times.",
    '"Putin berterima kasih kepada pemimpin Korea Utara Kim Jong-un atas undangannya untuk '
    'berkunjung," bunyi laporan itu.',
    '"Kami siap!" kata Peskov kepada wartawan.',
    '"Apakah ini akhir dari perang?" tanya dia.',
    "Roket Angara sepanjang 42,7 m meluncurkan 5.580 benda ke orbit rendah Bumi.",
    "Dr. Andi dan Prof. Budi bertemu di Jl. Sudirman No. 5 pada pukul 10.30 WIB.",
    "Kantor itu dipimpin Drs. H. Ahmad Yani, M.Si. dan Ir. Joko Widodo sejak 2019.",
    "The U.S. and U.K. officials met Mr. Kim at 10 a.m. Monday in St. Petersburg.",
    "Joe R. Biden met Kim at 5 p.m. on Jan. 5 in Washington.",
    "TEMPO.CO, Jakarta - Presiden Rusia Vladimir Putin tiba di Pyongyang.",
    "JAKARTA, KOMPAS.com - Harga naik 1,5 persen menjadi Rp 12.500 per kilogram.",
    "WASHINGTON (AP) \u2014 The president said the talks would go on.",
    "Perjanjian itu mencakup politik, ekonomi ... termasuk, tentu saja, isu keamanan.",
    "Bersamaan dengan itu militer Korea Utara menembakkan dua rudal balistik di dalam negeri",
    "Putin berjanji untuk \u201cmemperluas hubungan\u201d. (Serambinews.com/Agus Ramadhan)",
])
def test_one_sentence(paragraph: str) -> None:
    assert sentences(paragraph) == [paragraph]


@pytest.mark.parametrize(("paragraph", "expected"), [
    (
        "Putin terakhir kali mengunjungi Pyongyang pada Juli 2000. Kala itu, ia bertemu Kim "
        "Jong-il.",
        ["Putin terakhir kali mengunjungi Pyongyang pada Juli 2000.",
         "Kala itu, ia bertemu Kim Jong-il."],
    ),
    (
        'Menurut laporan KCNA, Putin bersedia datang. "Putin berterima kasih," bunyi laporan itu.',
        ["Menurut laporan KCNA, Putin bersedia datang.", '"Putin berterima kasih," bunyi laporan '
         "itu."],
    ),
    (
        "Ia mengaku senang. \u201cItulah sebabnya kami datang ke sini. Kami ingin belajar,\u201d "
        "ucapnya.",
        # A quotation of two sentences is one passage with its attribution.
        ["Ia mengaku senang.",
         "\u201cItulah sebabnya kami datang ke sini. Kami ingin belajar,\u201d ucapnya."],
    ),
    (
        "The talks ended in the U.S. The delegation left on Friday!  Was it a success? Nobody "
        "knows.",
        ["The talks ended in the U.S.", "The delegation left on Friday!", "Was it a success?",
         "Nobody knows."],
    ),
    (
        "Langkah ini dinilai Kim setara dengan sebuah \u201caliansi\u201d. Kerja sama itu datang "
        "pada 2024.",
        ["Langkah ini dinilai Kim setara dengan sebuah \u201caliansi\u201d.",
         "Kerja sama itu datang pada 2024."],
    ),
    (
        "The count ended on May. 6. 2024 was an election year.",
        ["The count ended on May. 6.", "2024 was an election year."],
    ),
    (
        "Jumlahnya 50 unit. 20 di antaranya rusak.",
        ["Jumlahnya 50 unit.", "20 di antaranya rusak."],
    ),
])
def test_several_sentences(paragraph: str, expected: list[str]) -> None:
    assert sentences(paragraph) == expected


def test_assemble_layout_offsets_and_roles() -> None:
    text, passages = assemble(
        "f.txt", "s-1",
        "Judul Berita",
        ["Foto pertama. REUTERS/Nama", "Foto kedua. TEMPO/Nama"],
        ["Kalimat satu. Kalimat dua.", "Subjudul", "Kalimat tiga."],
    )
    assert text == ("Judul Berita\n\nFoto pertama. REUTERS/Nama\n\nFoto kedua. TEMPO/Nama\n\n"
                    "Kalimat satu. Kalimat dua.\n\nSubjudul\n\nKalimat tiga.")
    assert [(p.role, p.paragraph, p.text) for p in passages] == [
        (Role.HEADLINE, 0, "Judul Berita"),
        (Role.CAPTION, 1, "Foto pertama. REUTERS/Nama"),
        (Role.CAPTION, 2, "Foto kedua. TEMPO/Nama"),
        (Role.BODY, 3, "Kalimat satu."),
        (Role.BODY, 3, "Kalimat dua."),
        (Role.BODY, 4, "Subjudul"),
        (Role.BODY, 5, "Kalimat tiga."),
    ]
    for passage in passages:
        assert text[passage.start:passage.end] == passage.text
        assert passage.source_id == "s-1"


def test_passage_ids_depend_on_file_role_and_folded_text_only() -> None:
    _, first = assemble("f.txt", "s-1", None, [], ["Ia \u201cdatang\u201d.\u00a0Ia pergi."])
    _, again = assemble("f.txt", "s-2", "Judul", [], ["Kalimat baru.", 'Ia "datang". Ia pergi.'])
    assert [p.id for p in first] == [p.id for p in again if p.text.startswith("Ia")]
    _, other = assemble("g.txt", "s-1", None, [], ["Ia \u201cdatang\u201d. Ia pergi."])
    assert not {p.id for p in first} & {p.id for p in other}
