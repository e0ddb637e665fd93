"""Claims from articles written for these tests, in Indonesian and English (`extract_claims`)."""

from __future__ import annotations

import re

import pytest

from factcheck.core.extract import CHECKWORTHY, extract_claims
from factcheck.core.models import Kind, Mention, Passage, Polarity, Role, Source


def article(
    sentences: list[str],
    lang: str,
    published: str | None = "2024-01-21",
    headline: str | None = None,
    captions: tuple[str, ...] = (),
) -> tuple[Source, list[Passage]]:
    """A cleaned article with one passage per sentence (offsets into ``Source.text``)."""
    items = [(headline, Role.HEADLINE)] if headline else []
    items += [(c, Role.CAPTION) for c in captions]
    items += [(s, Role.BODY) for s in sentences]
    text, passages = "", []
    for i, (sentence, role) in enumerate(items):
        start = len(text)
        text += sentence
        passages.append(
            Passage(id=f"p{i}", source_id="s1", start=start, end=len(text), text=sentence,
                    role=role)
        )
        text += "\n\n"
    source = Source(
        id="s1", file="a.txt", sha256="0", text=text, language=lang, published=published
    )
    return source, passages


def claims(sentences: list[str], lang: str, **kwargs: object) -> list[Mention]:
    source, passages = article(sentences, lang, **kwargs)  # type: ignore[arg-type]
    return extract_claims(source, passages)


def only(mentions: list[Mention]) -> Mention:
    assert len(mentions) == 1, [m.text for m in mentions]
    return mentions[0]


def one(mentions: list[Mention], kind: Kind) -> Mention:
    """The one mention of ``kind`` (a sentence gives a mention per figure, date and statement)."""
    found = [m for m in mentions if m.kind == kind]
    assert len(found) == 1, [(m.kind.value, m.text) for m in mentions]
    return found[0]


# Indonesian -----------------------------------------------------------------------------------


def test_quantity_with_hedge_unit_and_speaker():
    m = only(claims(["Badan SAR mengatakan sedikitnya 34 orang tewas akibat gempa di Cianjur."],
                    "id"))
    assert m.kind == Kind.QUANTITY
    n = m.normalized
    assert (n.value, n.unit, n.approximate, n.speaker) == (34, "people", "at least", "Badan SAR")
    assert "number" in m.reasons and "hedge" in m.reasons


def test_span_back_from_now_is_time():
    m = one(claims([
        "Presiden akan mengunjungi Jepang untuk pertama kalinya dalam 10 tahun terakhir, "
        "kata Kementerian Luar Negeri."
    ], "id"), Kind.TIME)
    assert (m.normalized.value, m.normalized.unit) == (10, "years")
    assert m.slot is not None and m.slot.measure == "visit"  # what the span dates
    assert m.normalized.speaker == "Kementerian Luar Negeri"


def test_more_than_two_decades():
    m = one(claims(["Ini akan menjadi lawatan pertama pemimpin Jepang ke Korea Utara dalam "
                    "periode lebih dari dua dekade."], "id"), Kind.TIME)
    n = m.normalized
    assert (m.kind, n.value, n.unit, n.approximate) == (Kind.TIME, 20, "years", "more than")


def test_measured_duration_is_a_quantity():
    m = only(claims(["Kedua pemimpin berjabat tangan selama sekitar 40 detik di depan wartawan "
                     "di Istana Merdeka."], "id"))
    n = m.normalized
    assert (m.kind, n.value, n.unit, n.approximate) == (Kind.QUANTITY, 40, "seconds", "about")


def test_historical_date_is_time_and_the_date_of_an_event_is_its_slot():
    historical, news = claims([
        "Indonesia memproklamasikan kemerdekaannya di Jakarta pada Agustus 1945.",
        "Kedua menteri menandatangani perjanjian dagang di Jakarta pada Rabu, 17 Januari 2024.",
    ], "id")
    assert (historical.kind, historical.normalized.value) == (Kind.TIME, "1945-08")
    assert news.normalized.date == "2024-01-17"
    assert news.slot is not None and (news.slot.event, news.slot.date) == ("sign", "2024-01-17")


@pytest.mark.parametrize(("sentence", "lang"), [
    ("The government raised the tariff of electricity for households, small factories, schools "
     "and hospitals on Monday, January 15, even though it had promised to hold it.", "en"),
    ("Pemerintah menaikkan tarif listrik untuk rumah tangga, pabrik kecil, sekolah dan rumah "
     "sakit pada Senin, 15 Januari 2024, meskipun sebelumnya berjanji tidak akan menaikkannya.",
     "id"),
])
def test_a_date_closing_its_clause_dates_the_clause_event_not_a_concession(sentence: str,
                                                                          lang: str) -> None:
    """A long object between the verb and the date does not hide the event it dates, and the
    concession after it ("even though it had promised") is another clause: the date is when the
    tariff was raised, not when anything was promised."""
    dated = one(claims([sentence], lang), Kind.TIME)
    assert dated.slot is not None
    assert (dated.slot.event, dated.slot.date) == ("raise", "2024-01-15")


@pytest.mark.parametrize(("sentence", "lang"), [
    ("The government raised the tariff of electricity for households, small factories, schools "
     "and hospitals, the minister told reporters on Monday.", "en"),
    ("The volcano has spewed ash, hot gas and rocks over the villages of the valley at least 40 "
     "times since Sunday.", "en"),
])
def test_no_event_date_from_afar_when_the_date_says_something_else(sentence: str,
                                                                    lang: str) -> None:
    """When it was said ("told reporters on Monday") or since when something goes on ("since
    Sunday") is no date of the event."""
    assert [m for m in claims([sentence], lang) if m.kind == Kind.TIME] == []


def test_relative_date_resolved_or_kept():
    sentence = "Gubernur Jawa Tengah meresmikan 25 pasar murah di Semarang pekan lalu."
    resolved = one(claims([sentence], "id"), Kind.TIME)
    assert resolved.normalized.date == "2024-W02"
    assert resolved.slot is not None and resolved.slot.event == "open"
    kept = claims([sentence], "id", published=None)
    assert kept and all(m.normalized.date is None for m in kept)
    assert "pekan lalu" in {m.normalized.relative for m in kept}


def test_attribution_and_pronoun_resolution():
    first, second = claims([
        "Menteri Keuangan Sri Mulyani Indrawati mengatakan bahwa defisit anggaran masih "
        "terkendali.",
        "Ia menegaskan bahwa pemerintah tidak akan menaikkan tarif pajak penghasilan.",
    ], "id")
    assert first.kind == second.kind == Kind.ATTRIBUTION
    assert first.normalized.speaker == "Sri Mulyani Indrawati"
    assert second.normalized.speaker == "Sri Mulyani Indrawati"


def test_pronoun_resolves_to_the_person_acting_in_the_previous_sentence():
    _, said = claims([
        "Pada kunjungan pertamanya ke Surabaya sejak Juli 2019, Prabowo Subianto meninjau "
        "pabrik kapal milik negara.",
        "Ia mengatakan pemerintah akan memesan 12 kapal patroli baru tahun ini.",
    ], "id")
    assert said.normalized.speaker == "Prabowo Subianto"


def test_surname_expands_to_the_full_name_the_article_gives():
    mentions = claims([
        "Juru bicara Kremlin Dmitry Peskov menolak berkomentar soal rencana kunjungan itu.",
        "Rusia akan meningkatkan kerja sama militer dengan Korea Utara, kata Peskov.",
    ], "id")
    assert mentions[-1].normalized.speaker == "Dmitry Peskov"


def test_assertion_and_its_denial_in_one_sentence():
    text = ("Polisi mengatakan tersangka telah mengakui perbuatannya di hadapan penyidik, "
            "meskipun kuasa hukumnya membantah hal tersebut.")
    source, passages = article([text], "id")
    asserted, denied = extract_claims(source, passages)
    assert asserted.kind == Kind.ATTRIBUTION
    assert asserted.normalized.polarity == Polarity.ASSERTED
    assert asserted.normalized.speaker == "Polisi"
    assert asserted.text.endswith("di hadapan penyidik")
    assert denied.kind == Kind.DENIAL
    assert denied.normalized.polarity == Polarity.DENIED
    assert denied.normalized.speaker == "kuasa hukumnya"
    assert denied.text == text  # the denial refers back to what is denied


def test_denial_alone():
    m = only(claims(["Kementerian Kesehatan membantah kabar bahwa vaksin tersebut berbahaya."],
                    "id"))
    assert (m.kind, m.normalized.polarity) == (Kind.DENIAL, Polarity.DENIED)
    assert m.normalized.speaker == "Kementerian Kesehatan"
    assert "denial verb" in m.reasons


def test_attributed_quote_with_checkable_content():
    m = only(claims(["“Daftar negara yang mau menerima kami lebih pendek dari sebelumnya,” kata "
                     "Retno Marsudi di Jakarta."], "id"))
    assert (m.kind, m.normalized.speaker) == (Kind.QUOTE, "Retno Marsudi")


def test_quote_of_opinion_only_is_not_a_claim():
    assert claims(["“Kami sangat senang dan bangga,” kata Retno Marsudi."], "id") == []


@pytest.mark.parametrize(
    "line",
    [
        "Apakah harga beras akan turun bulan depan?",
        "Baca juga: Harga Cabai Melonjak 40 Persen Jelang Ramadan",
        "13 jam lalu",
        "REUTERS",
        "[SB]",
        "Vladimir Putin",
        "Korea Utara",
        "Kebijakan ini sangat bagus dan penting.",
        "Menurut saya, kebijakan itu sangat bagus.",
    ],
)
def test_not_claims(line: str):
    assert claims([line], "id") == []


def test_captions_are_skipped_unless_asked_for():
    caption = "Presiden Joko Widodo meresmikan 12 bendungan di Jawa Tengah, 19 Juni 2024."
    source, passages = article(["Pemerintah menargetkan 61 bendungan selesai tahun ini."], "id",
                               captions=(caption,))
    assert all(m.passage_id != "p0" for m in extract_claims(source, passages))
    with_captions = extract_claims(source, passages, include_captions=True, threshold=0.0)
    from_caption = [m for m in with_captions if m.passage_id == "p0"]
    assert from_caption and all("caption" in m.reasons for m in from_caption)


def test_headlines_are_read_on_request_and_dropped_when_the_body_restates_them():
    body = ["Presiden Prabowo Subianto akan mengunjungi Jepang untuk pertama kalinya dalam 10 "
            "tahun terakhir, kata Kementerian Luar Negeri."]
    source, passages = article(body, "id", headline="Banjir Tewaskan 7 Orang di Semarang")
    assert {m.passage_id for m in extract_claims(source, passages)} == {"p1"}
    assert {m.passage_id for m in extract_claims(source, passages, include_headline=True)} == {
        "p0", "p1"}
    source, passages = article(body, "id", headline="Prabowo ke Jepang, Pertama dalam 10 Tahun")
    assert {m.passage_id for m in extract_claims(source, passages, include_headline=True)} == {
        "p1"}


# English -------------------------------------------------------------------------------------


def test_english_time_span_quantity_and_date():
    found = claims([
        "The Kremlin said Putin would visit North Korea for the first time in 24 years.",
        "Police said at least 12 people were killed in the blast on Tuesday.",
    ], "en", published="2024-06-20")
    span = one([m for m in found if m.passage_id == "p0"], Kind.TIME)
    deaths = one(found, Kind.QUANTITY)
    assert (span.kind, span.normalized.value, span.normalized.unit) == (Kind.TIME, 24, "years")
    assert span.normalized.speaker == "Kremlin"
    n = deaths.normalized
    assert (deaths.kind, n.value, n.unit) == (Kind.QUANTITY, 12, "people")
    assert n.approximate == "at least"
    assert (n.speaker, n.date) == ("Police", "2024-06-18")


def test_english_assertion_and_denial():
    asserted, denied = claims([
        "Washington says North Korea has supplied arms to Russia, although Pyongyang and Moscow "
        "have repeatedly denied it."
    ], "en")
    assert (asserted.kind, asserted.normalized.speaker) == (Kind.ATTRIBUTION, "Washington")
    assert (denied.kind, denied.normalized.speaker) == (Kind.DENIAL, "Pyongyang and Moscow")
    assert denied.normalized.polarity == Polarity.DENIED


def test_english_pronoun_and_according_to():
    said, added, fled = claims([
        "Interior Minister Jane Mwangi said the floods had destroyed 3,400 homes.",
        "She added that rescue teams would stay in the region until March.",
        "According to the United Nations, more than 1.5 million people have fled the region.",
    ], "en")
    assert said.normalized.speaker == added.normalized.speaker == "Jane Mwangi"
    assert (said.normalized.value, said.normalized.unit) == (3400, "houses")
    n = fled.normalized
    assert (n.value, n.unit, n.approximate) == (1_500_000, "people", "more than")
    assert n.speaker == "United Nations"


@pytest.mark.parametrize(
    "line",
    ["Will the talks succeed?", "Read more: Floods in Kenya", "It was a wonderful evening.",
     "AP Photo/John Doe"],
)
def test_english_not_claims(line: str):
    assert claims([line], "en") == []


# Invariants ----------------------------------------------------------------------------------


def _sample() -> tuple[Source, list[Passage]]:
    return article([
        "TEMPO.CO, Jakarta - Badan SAR mengatakan sedikitnya 34 orang tewas akibat gempa.",
        "Washington mengatakan bahwa Korea Utara telah memasok senjata ke Rusia, meskipun "
        "Pyongyang dan Moskow berulang kali membantahnya.",
        "Ia juga sempat melintasi perbatasan antar-Korea dua kali.",
    ], "id", headline="Gempa Cianjur Tewaskan 34 Orang")


def test_offsets_text_ids_and_scores():
    source, passages = _sample()
    by_id = {p.id: p for p in passages}
    mentions = extract_claims(source, passages)
    assert [m.kind for m in mentions] == [Kind.QUANTITY, Kind.ATTRIBUTION, Kind.DENIAL,
                                          Kind.QUANTITY]
    assert len({m.id for m in mentions}) == len(mentions)
    for m in mentions:
        p = by_id[m.passage_id]
        assert m.text == source.text[m.start : m.end]
        assert p.start <= m.start < m.end <= p.end
        assert re.fullmatch(r"m-[0-9a-f]{16}", m.id)
        assert CHECKWORTHY <= m.score <= 1 and m.reasons
        assert m.language == "id" and m.source_id == source.id
    # The dateline is not part of the claim's words.
    assert mentions[0].text.startswith("Badan SAR")
    assert [m.id for m in extract_claims(source, passages)] == [m.id for m in mentions]


def test_entities_are_names_as_written():
    source, passages = _sample()
    mentions = extract_claims(source, passages)
    denial = next(m for m in mentions if m.kind == Kind.DENIAL)
    assert denial.entities == ["Washington", "Korea Utara", "Rusia", "Pyongyang", "Moskow"]


def test_language_is_detected_when_not_declared():
    source, passages = article(
        ["Police said at least 12 people were killed in the blast on Tuesday."], None  # type: ignore[arg-type]
    )
    mentions = extract_claims(source, passages)
    assert mentions and {m.language for m in mentions} == {"en"}


def test_threshold_is_a_parameter():
    source, passages = article(["Kedua kunjungan ini sudah diperkirakan sebelumnya."], "id")
    assert extract_claims(source, passages) == []
    assert extract_claims(source, passages, threshold=0.0) != []


def test_a_year_that_starts_a_span_is_not_the_date_of_a_figure():
    found = claims(["Rival candidates trailed with about 25 per cent, according to pollsters "
                    "whose counts have been accurate since the country began direct voting in "
                    "2004."], "en", published="2024-02-15")
    figure = one(found, Kind.QUANTITY)
    assert figure.slot is not None and figure.slot.as_of is None


@pytest.mark.parametrize(("sentence", "lang", "value", "measure"), [
    # "of the dead" names the whole the 11 are part of; what they are comes later.
    ("By Friday evening only 14 of the dead had been identified, the police said.", "en", 14,
     "identified"),
    # The part of "X of Y climbers" counts climbers too: an event word ("erupsi") that says
    # what they fell victim to is no count of people.
    ("Sebanyak 42 dari 60 pendaki korban erupsi telah dievakuasi, kata Basarnas.", "id", 42,
     "evacuated"),
    ("Only 42 of the 60 climbers caught by the eruption were evacuated.", "en", 42,
     "evacuated"),
])
def test_what_a_part_counts(sentence: str, lang: str, value: float, measure: str) -> None:
    found = [m for m in claims([sentence], lang) if m.slot and m.slot.value == value]
    assert [m.slot.measure for m in found if m.slot] == [measure]


def test_a_date_after_before_is_no_date_of_the_event() -> None:
    """"Before Sunday, its last deadly eruption occurred in 1979": Sunday bounds the time; the
    sentence dated the 1979 eruption to Sunday and linked it with this week's eruption."""
    found = claims(["Before Sunday, its last deadly eruption occurred in 1979, killing at least "
                    "60 people."], "en", published="2024-03-12")
    dates = [m.slot.date for m in found if m.kind == Kind.TIME and m.slot and m.slot.date]
    assert dates and all(d.startswith("1979") for d in dates)


@pytest.mark.parametrize(("sentence", "lang", "expected"), [
    ("Tim menemukan 14 orang dan yang perlu dicari menjadi 12 orang, kata Basarnas.", "id",
     {14: "found", 12: "missing"}),
    ("Rescuers found 14 people and 12 are still missing, officials said.", "en",
     {14: "found", 12: "missing"}),
])
def test_a_measure_after_and_belongs_to_the_next_figure(
        sentence: str, lang: str, expected: dict[int, str]) -> None:
    found = {m.slot.value: m.slot.measure for m in claims([sentence], lang)
             if m.slot and m.slot.value in expected}
    assert found == {float(k): v for k, v in expected.items()}


@pytest.mark.parametrize(("sentence", "lang", "kept"), [
    # A change by a factor is checkable, inside a quotation too.
    ('"The budget for subsidies has tripled and will keep growing," Finance Minister Budi '
     'Santoso told reporters.', "en", True),
    ("“Anggaran subsidi sudah naik tiga kali lipat,” kata Menteri Keuangan Budi Santoso.", "id",
     True),
    # "The last option", "the first time": a record a reader can check, quoted or not.
    ('"This is the government\'s last option," President Budi Santoso told reporters.', "en",
     True),
    ("“Ini adalah pilihan terakhir pemerintah,” kata Presiden Budi Santoso.", "id", True),
    # A degree word in a quotation is the speaker's emphasis: no claim.
    ("“Kami membahas isu-isu yang paling mendesak,” kata Menteri Budi Santoso.", "id", False),
    ('"We discussed the most pressing issues," minister Budi Santoso said.', "en", False),
])
def test_what_a_quotation_holds_to_check(sentence: str, lang: str, kept: bool) -> None:
    assert bool(claims([sentence], lang)) is kept


def test_a_wire_photo_caption_run_into_the_text_is_no_claim() -> None:
    found = claims([
        "A vendor counts banknotes at a market in Jakarta, Indonesia, Saturday, Sept. 3, 2022.",
        "Fuel prices increased by about 30 percent across Indonesia on Saturday, officials said.",
    ], "en")
    assert found and all("vendor" not in m.text for m in found)


@pytest.mark.parametrize(("sentence", "lang", "value", "expected"), [
    # "Three more survivors": the word that makes a figure an increment sits between the number
    # and its noun; read as a total it became an update of the 52 survivors in all.
    ("Three more survivors were found on Monday, the rescue agency said.", "en", 3,
     ("survivors+", "count")),
    # Regions are places, not votes ("38 provinsi dan 128 wilayah" after "suara mayoritas").
    ("Pasangan itu memperoleh suara mayoritas di 38 provinsi dan 128 wilayah di luar negeri.",
     "id", 128, (None, "places")),
])
def test_what_a_figure_counts(sentence: str, lang: str, value: float,
                              expected: tuple[str | None, str]) -> None:
    [slot] = [m.slot for m in claims([sentence], lang) if m.slot and m.slot.value == value]
    assert slot is not None
    assert (slot.measure if expected[0] else None, slot.unit) == expected


@pytest.mark.parametrize(("sentence", "lang"), [
    ("Washington says Northland has supplied shells to Southland, which both countries deny.",
     "en"),
    ("Washington says Northland has supplied shells to Southland, a claim both countries have "
     "denied.", "en"),
    ("Washington menuding Northland memasok peluru ke Southland, tuduhan yang dibantah kedua "
     "negara.", "id"),
])
def test_an_assertion_and_the_denial_told_after_it_are_two_claims(sentence: str,
                                                                   lang: str) -> None:
    """", which both deny" told only the denial: the assertion was no claim of its own, so its
    row could not be marked and outlets that only assert it met nothing."""
    found = claims([sentence], lang)
    assert {m.normalized.polarity for m in found} == {Polarity.ASSERTED, Polarity.DENIED}
    asserted = next(m for m in found if m.normalized.polarity == Polarity.ASSERTED)
    assert asserted.text.rstrip(" ,").endswith(("Southland", "Southland,"))


@pytest.mark.parametrize(("sentence", "lang", "value"), [
    ("The death toll from the sinking of an overloaded boat off the island rose to 17 on "
     "Wednesday, officials said.", "en", 17),
    ("Jumlah korban meninggal dunia akibat tenggelamnya kapal motor di perairan itu bertambah "
     "menjadi 17 orang.", "id", 17),
])
def test_the_figure_a_change_ends_at_is_a_value_of_what_changed(sentence: str, lang: str,
                                                                 value: int) -> None:
    """What rose is said far before the figure ("the death toll from the sinking of ... rose
    to 17"): the figure is the toll, not a count of rises."""
    found = [m for m in claims([sentence], lang) if m.slot is not None
             and m.slot.value == value]
    assert found and found[0].slot is not None and found[0].slot.measure == "dead"


@pytest.mark.parametrize("lang, sentences, who", [
    ("id", ["Presiden Rusia Vladimir Putin bertemu pemimpin Korea Utara pada Rabu.",
            "Dia juga mengucapkan selamat kepada Kim Jong Un atas peringatan 75 tahun "
            "berdirinya negara itu."], "Vladimir Putin"),
    ("en", ["Prime Minister Jane Mwangi visited the flooded port of Kisumu on Monday.",
            "She also thanked Peter Otieno for the 40 boats his company sent."], "Jane Mwangi"),
])
def test_a_pronoun_subject_is_the_person_named_before_not_the_one_named_after(
        lang: str, sentences: list[str], who: str) -> None:
    """"Dia juga mengucapkan selamat kepada Kim": Kim is the object; the subject is whom the
    sentence before names (the claim list shows that name instead of the pronoun)."""
    *_, acted = claims(sentences, lang)
    assert acted.normalized.subject == who
    assert acted.normalized.speaker is None  # an act, not a statement: no speaker invented
