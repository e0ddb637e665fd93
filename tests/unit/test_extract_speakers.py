"""Speakers, quotes and names (`factcheck.core.extract.speakers`, `.entities`)."""

from __future__ import annotations

import pytest

from factcheck.core.extract.speakers import clean_speaker, find_attribution, quote_spans
from factcheck.core.text.names import capitalised_words, find_entities


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Harga beras naik, kata Ketua Umum Perpadi, Sutarto Alimoeso.", "Sutarto Alimoeso"),
        ("Stok aman hingga Lebaran, ujar Arief Prasetyo Adi.", "Arief Prasetyo Adi"),
        ("“Kami siap,” ucap Retno Marsudi di Jakarta.", "Retno Marsudi"),
        ("Pasokan listrik pulih, tutur Darmawan Prasodjo kepada wartawan.", "Darmawan Prasodjo"),
        ("Tidak ada korban, jelas Kapolres Bogor AKBP Rio Wahyu Anggoro.", "Rio Wahyu Anggoro"),
        ("Vaksin itu aman, ungkap Budi Gunadi Sadikin.", "Budi Gunadi Sadikin"),
        ("Menurut Badan Pusat Statistik, inflasi turun.", "Badan Pusat Statistik"),
        ("Kementerian Keuangan mengatakan defisit masih terkendali.", "Kementerian Keuangan"),
        ("Bank Indonesia menyatakan suku bunga tetap 6 persen.", "Bank Indonesia"),
        ("Jaksa Agung ST Burhanuddin menegaskan kasus itu akan diusut.", "ST Burhanuddin"),
        ("Amerika Serikat menuduh Iran memasok drone ke Rusia.", "Amerika Serikat"),
        ("Para pejabat Ukraina mengatakan bahwa mereka menghitung 50 rudal.", "pejabat Ukraina"),
        (
            "Kesepakatan akan segera diteken, kata penasihat kebijakan luar negeri Putin, "
            "Yuri Ushakov.",
            "Yuri Ushakov",
        ),
        (
            "Rusia meningkatkan hubungan di semua bidang, kata juru bicara Kremlin Dmitry Peskov "
            "kepada wartawan.",
            "Dmitry Peskov",
        ),
        (
            "Kedua menteri membahas rencana itu, demikian ungkap kementerian luar negeri Seoul.",
            "kementerian luar negeri Seoul",
        ),
        ("Langkah ini dinilai Kim setara dengan sebuah aliansi.", "Kim"),
        # "dalam" is a title word only in a name ("Menteri Dalam Negeri"): in lower case it
        # ends the speaker (it read "Konferensi Persnya").
        ("“Harga akan disesuaikan,” ujar Jokowi dalam Konferensi Persnya di Istana Negara.",
         "Jokowi"),
        ("Anggaran cukup, kata Menteri Dalam Negeri Tito Karnavian.", "Tito Karnavian"),
        ("“Kami siap,” Budi Santoso, juru bicara BNPB, mengatakan.", "Budi Santoso"),
        # Passive reporting verbs, with or without "oleh"; the sentence's full stop is no part
        # of the name.
        ("Hal tersebut dikatakan oleh Ketua KPU Hasyim Asyari di Jakarta.", "Hasyim Asyari"),
        ("Keputusan itu diumumkan Presiden Jokowi di Istana.", "Jokowi"),
        ("Sebanyak 11 orang tewas, demikian disampaikan Abdul Malik.", "Abdul Malik"),
    ],
)
def test_indonesian_speaker_patterns(sentence: str, speaker: str):
    att = find_attribution(sentence, "id")
    assert att is not None
    assert att.speaker == speaker and not att.anaphoric


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("The pact covers defence, said Kremlin spokesman Dmitry Peskov.", "Dmitry Peskov"),
        ("Russian President Vladimir Putin said the pact covers defence.", "Vladimir Putin"),
        ("According to Ukrainian officials, about 50 missiles were fired.", "Ukrainian officials"),
        ('"We are ready," Peskov told reporters on Wednesday.', "Peskov"),
        ("The Kremlin says the visit will take place soon.", "Kremlin"),
        ("Inflation rose to 3.5%, the statistics bureau said.", "statistics bureau"),
        ("Police said at least 12 people were killed.", "Police"),
        # A name, then an aside set off by commas, then the verb: the name speaks.
        ('"This is our last option," Jokowi, as the president is known, said.', "Jokowi"),
        ('"We found 14 people," John Smith, the agency spokesman, said.', "John Smith"),
        # "told X": X is who was told, never the speaker.
        ("The toll rose to 23, Budi Santoso, a police spokesman, told reporters.",
         "Budi Santoso"),
        ("Three were alive, Abdul Malik told BenarNews.", "Abdul Malik"),
        ('"There is no fraud," Budi Santoso stressed.', "Budi Santoso"),
    ],
)
def test_english_speaker_patterns(sentence: str, speaker: str):
    att = find_attribution(sentence, "en")
    assert att is not None
    assert att.speaker == speaker and not att.anaphoric


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("Pyongyang and Moscow have repeatedly denied the claims.", "en"),
        ("The reports were published on Monday.", "en"),
        ("Harga beras naik 12 persen dalam sebulan.", "id"),
        ("Namun tidak jelas apakah ada pengiriman yang dilakukan.", "id"),
    ],
)
def test_no_reporting_verb(sentence: str, lang: str):
    assert find_attribution(sentence, lang) is None


@pytest.mark.parametrize(
    ("sentence", "lang", "phrase"),
    [
        ("Ia mengatakan bahwa kesepakatan itu tidak ditujukan kepada negara lain.", "id", "Ia"),
        ("Dia menegaskan pemerintah tidak akan mundur.", "id", "Dia"),
        ("“Ini kosmodrom baru kami,” sebutnya.", "id", "sebutnya"),
        ("“Kami sudah siap,” katanya.", "id", "katanya"),
        ("Presiden itu mengatakan pengiriman senjata melanggar perjanjian.", "id", "Presiden itu"),
        ("Namun, menurut dia, belum ada tanggal yang disepakati.", "id", "dia"),
        ("He said the deal would not target other countries.", "en", "He"),
        ("She added that talks would continue.", "en", "She"),
        ("The president said the deliveries violated agreements.", "en", "The president"),
    ],
)
def test_pronoun_and_anaphoric_speakers_are_left_to_resolve(sentence: str, lang: str, phrase: str):
    att = find_attribution(sentence, lang)
    assert att is not None
    assert att.anaphoric and att.speaker is None and att.phrase == phrase


def test_reporting_verbs_inside_quotes_do_not_count():
    assert find_attribution("“Rusia mengatakan akan membantu.”", "id") is None


def test_content_of_indirect_speech_starts_after_the_complementizer():
    text = "Kementerian itu menyatakan keprihatinannya bahwa kunjungan itu melanggar resolusi PBB."
    att = find_attribution(text, "id")
    assert att is not None
    assert text[att.content_start : att.content_end].strip().startswith("kunjungan itu")


@pytest.mark.parametrize(
    ("phrase", "lang", "clean"),
    [
        ("juru bicara Kremlin Dmitry Peskov", "id", "Dmitry Peskov"),
        ("juru bicara Kremlin", "id", "juru bicara Kremlin"),
        ("Presiden Rusia Vladimir Putin", "id", "Vladimir Putin"),
        ("Menteri Luar Negeri Korea Utara Choe Son Hui", "id", "Choe Son Hui"),
        ("Gubernur DKI Jakarta Heru Budi Hartono", "id", "Heru Budi Hartono"),
        ("militer Korea Selatan dan Jepang", "id", "militer Korea Selatan dan Jepang"),
        ("para analis", "id", "analis"),
        ("Ia", "id", None),
        ("Russian President Vladimir Putin", "en", "Vladimir Putin"),
        ("the president", "en", None),
        # One-word names after a title and the agency or place it heads (was the whole phrase,
        # or "Rusia Putin", so outlets naming the same person differently never met).
        ("Kepala BNPB Suharyanto", "id", "Suharyanto"),
        ("Gubernur Sumatera Barat Mahyeldi", "id", "Mahyeldi"),
        ("Presiden Rusia Putin", "id", "Putin"),
        ("Presiden Jokowi", "id", "Jokowi"),
        ("Presiden Rusia", "id", "Presiden Rusia"),
        ("Jaksa Agung ST Burhanuddin", "id", "ST Burhanuddin"),
        ("Governor Mahyeldi", "en", "Mahyeldi"),
    ],
)
def test_clean_speaker(phrase: str, lang: str, clean: str | None):
    assert clean_speaker(phrase, lang) == clean


def test_quote_spans_handle_quotes_split_across_sentences():
    assert quote_spans("“Satu. Dua,” katanya.") == [(0, 12)]
    assert quote_spans("“Dibuka tetapi tidak ditutup.") == [(0, 29)]
    assert quote_spans("Ditutup tanpa dibuka,” katanya.") == [(0, 22)]
    assert quote_spans('Kata "aliansi" dipakai.') == [(5, 14)]


def test_entities_strip_titles_and_split_places():
    text = (
        "Presiden Rusia Vladimir Putin bertemu Menteri Luar Negeri Korea Utara Choe Son Hui "
        "di Moskow."
    )
    names = [e.text for e in find_entities(text, "id", capitalised_words([text]))]
    assert names == ["Rusia", "Vladimir Putin", "Korea Utara", "Choe Son Hui", "Moskow"]


def test_sentence_openers_are_not_names():
    article = ["Kedekatan Putin dengan Kim membuat khawatir AS.", "Pertemuan itu dihadiri Putin."]
    known = capitalised_words(article)
    assert [e.text for e in find_entities(article[0], "id", known)] == ["Putin", "Kim", "AS"]
    english = "Meanwhile North Korea fired two missiles."
    assert [e.text for e in find_entities(english, "en", frozenset())] == ["North Korea"]


def test_a_name_opening_a_sentence_is_kept_whole():
    text = "Kim Jong Un has travelled abroad only seven times."
    assert [e.text for e in find_entities(text, "en", capitalised_words([text]))] == [
        "Kim Jong Un"
    ]


def test_time_zones_are_not_names() -> None:
    """"WIB" was a name every Indonesian article about the same morning shared, and tied
    unrelated figures of one story together."""
    found = find_entities("Petugas menemukan 14 orang hingga pukul 07.10 WIB di puncak Marapi.",
                          "id")
    assert [e.text for e in found] == ["Marapi"]
    english = find_entities("The quake struck at 0740 GMT near Padang, the agency said.", "en")
    assert [e.text for e in english] == ["Padang"]
