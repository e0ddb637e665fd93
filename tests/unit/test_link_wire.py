"""Independence: wire copy and credits fold outlets into origins."""

from __future__ import annotations

from factcheck.core.link.wire import passage_credit
from tests.unit.test_link_articles import article, claim_of, run

REUTERS_TEXT = (
    "SEOUL (Reuters) - North Korea fired two short-range ballistic missiles into the sea off its "
    "east coast on Thursday, South Korea's military said, hours before the summit in Moscow."
)


def test_two_outlets_carrying_one_wire_story_count_as_one_origin() -> None:
    first = article("one.txt", "Jakarta Globe", "en", [(REUTERS_TEXT, {"value": 2,
                                                                       "unit": "missiles"})])
    second = article("two.txt", "Manila Times", "en", [(
        REUTERS_TEXT.replace("on Thursday", "on Thursday morning"),
        {"value": 2, "unit": "missiles"},
    )])
    claims = run(first, second)
    claim = claim_of(claims, first.figure(0))
    assert claim_of(claims, second.figure(0)).id == claim.id
    assert claim.outlets == 2 and claim.origins == 1
    assert {e.origin for e in claim.evidence} == {"wire:reuters"}


def test_an_outlets_own_report_beside_wire_copy_is_a_second_origin() -> None:
    first = article("one.txt", "Jakarta Globe", "en", [(REUTERS_TEXT, {"value": 2})])
    second = article("two.txt", "Manila Times", "en", [(
        REUTERS_TEXT.replace("on Thursday", "on Thursday morning"), {"value": 2})])
    original = article("three.txt", "Kompas", "id", [(
        "Korea Utara meluncurkan dua rudal balistik jarak pendek ke laut lepas pantai timurnya "
        "pada Kamis, kata militer Korea Selatan.",
        {"value": 2, "unit": "rudal"},
    )])
    claims = run(first, second, original)
    claim = claim_of(claims, original.figure(0))
    assert {first.figure(0).id, second.figure(0).id} <= {e.mention_id for e in claim.evidence}
    assert claim.outlets == 3 and claim.origins == 2


def test_near_duplicates_without_credit_fold_into_the_earliest_outlet() -> None:
    text = ("Banjir bandang di Kabupaten Sukamaju menewaskan sedikitnya 14 orang dan merusak "
            "ratusan rumah warga, kata kepala badan penanggulangan bencana setempat.")
    early = article("early.txt", "Harian Pagi", "id", [(text, {"value": 14, "unit": "orang"})],
                    published="2024-03-01T06:00:00+07:00")
    copy = article("copy.txt", "Portal Kita", "id", [(text.replace("ratusan", "puluhan"),
                                                      {"value": 14, "unit": "orang"})],
                   published="2024-03-01T09:00:00+07:00")
    claims = run(copy, early)
    claim = claim_of(claims, early.figure(0))
    assert claim.origins == 1
    assert {e.origin for e in claim.evidence} == {"outlet:harianpagi"}


def test_credits_in_the_passage_text_are_read() -> None:
    assert passage_credit("Dikutip dari Reuters, Putin bertemu Choe.") == "wire:reuters"
    assert passage_credit("kata Putin, seperti dikutip Reuters.") == "wire:reuters"
    assert passage_credit("PARIS (AFP) - France said on Monday...") == "wire:afp"
    assert passage_credit("Kementerian mengatakan kepada Reuters bahwa...") == "wire:reuters"
    assert passage_credit("the ministry said, according to Reuters.") == "wire:reuters"
    assert passage_credit("kata Putin, dikutip dari Straits Times.") == "outlet:straitstimes"
    assert passage_credit("Rapat digelar di antara dua gedung AP kantor.") is None


def test_source_credits_fold_paraphrases_of_the_same_wire() -> None:
    a = article("a.txt", "Tempo", "id", [
        ("Polisi menangkap 30 orang dalam unjuk rasa di Sukamaju pada Minggu.",
         {"value": 30, "unit": "orang"}),
    ], credits=["Reuters"])
    b = article("b.txt", "Daily", "en", [
        ("Police arrested 30 people at a protest in Sukamaju on Sunday.",
         {"value": 30, "unit": "people"}),
    ], credits=["REUTERS"])
    claims = run(a, b)
    claim = claim_of(claims, a.figure(0))
    assert claim_of(claims, b.figure(0)).id == claim.id
    assert claim.outlets == 2 and claim.origins == 1


def test_independent_origins_never_exceed_outlets() -> None:
    from factcheck.core.link.linker import count_origins

    outlet_of = {0: "tempo", 1: "tempo", 2: "kompas", 3: "antara"}
    # Tempo carries Reuters copy and its own report; Kompas runs the same Reuters story.
    origins = {0: "wire:reuters", 1: "outlet:tempo", 2: "wire:reuters", 3: "outlet:antara"}
    assert count_origins(origins, outlet_of) == 2
    assert count_origins({0: "outlet:tempo", 1: "outlet:tempo"}, {0: "tempo", 1: "tempo"}) == 1
    assert count_origins({0: "outlet:a", 1: "outlet:b"}, {0: "a", 1: "b"}) == 2
