"""Pilot tests of link decisions: confirm, reject, unlink, split, link, merge."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from factcheck.tui.screens.link import LinkScreen
from factcheck.tui.widgets.passages import Passages
from tests.tui.helpers import REVIEWER, app_for, drive, pane_text, passage_id, reopen
from tests.tui.test_list import shown_ids


def evidence(path: Path, claim_id: str) -> dict[str, str]:
    """Passage id -> link state of a claim, as stored."""
    with reopen(path) as store:
        claim = store.claim(claim_id)
        return {} if claim is None else {e.passage_id: e.link.value for e in claim.evidence}


def test_confirm_a_suggested_link(store_path: Path) -> None:
    kabar = passage_id(store_path, "20 tahun")
    app = app_for(store_path)
    seen: list[str] = []

    async def steps(pilot: Pilot[Any]) -> None:
        await pilot.press("tab", "c")  # Tempo's passage is not a suggestion: nothing happens
        await pilot.press("j", "j")
        passages = app.screen.query_one(Passages)
        assert passages.current is not None and passages.current.link == "suggested"
        footer = " ".join(b.binding.description for b in app.screen.active_bindings.values()
                          if b.binding.show)
        assert "Confirm link" in footer and "Reject link" in footer
        await pilot.press("c")
        seen.append(pane_text(app, "#passages"))

    drive(app, steps)
    assert "link suggested" not in seen[0]
    links = evidence(store_path, "c-visit")
    assert links[kabar] == "confirmed"
    assert list(links.values()).count("confirmed") == 1  # only the suggestion changed
    with reopen(store_path) as store:
        change = store.changes("c-visit")[-1]
    assert (change.what, change.who, change.detail) == ("confirm", REVIEWER, kabar)


def test_reject_a_suggested_link_makes_the_passage_stand_alone(store_path: Path) -> None:
    kabar = passage_id(store_path, "20 tahun")
    app = app_for(store_path)
    seen: list[list[str]] = []

    async def steps(pilot: Pilot[Any]) -> None:
        await pilot.press("tab", "j", "j", "r")
        seen.append(shown_ids(app))

    drive(app, steps)
    assert kabar not in evidence(store_path, "c-visit")
    assert len(seen[0]) == 4  # the passage is a claim of its own, in the list
    with reopen(store_path) as store:
        alone = [cid for cid, doc in store.raw("claims").items()
                 if [e["passage_id"] for e in doc["evidence"]] == [kabar]]
    assert len(alone) == 1 and alone[0] in seen[0]


def test_split_and_unlink(store_path: Path) -> None:
    kabar_denies = passage_id(store_path, "menepis")
    wire = passage_id(store_path, "supplied arms")
    app = app_for(store_path)
    outlets: list[str] = []

    async def steps(pilot: Pilot[Any]) -> None:
        await pilot.press("j", "tab", "j", "j", "j")  # c-arms, its last passage (Kabar Harian)
        passages = app.screen.query_one(Passages)
        assert passages.current is not None
        outlets.append(passages.current.outlet)
        await pilot.press("s")  # split it off into a new claim
        assert passages.current is not None
        outlets.append(passages.current.outlet)
        await pilot.press("U")  # unlink the passage now under the cursor

    drive(app, steps)
    assert outlets == ["Kabar Harian", "World Wire"]
    assert set(evidence(store_path, "c-arms")) == {passage_id(store_path, "memasok senjata"),
                                                  passage_id(store_path, "membantahnya")}
    with reopen(store_path) as store:
        whats = [c.what for c in store.changes("c-arms")]
        alone = [[e["passage_id"] for e in doc["evidence"]]
                 for cid, doc in store.raw("claims").items() if cid.startswith("c-") and
                 cid not in ("c-arms", "c-visit", "c-hostile")]
    assert whats[-2:] == ["split", "reject"]
    assert sorted(alone) == sorted([[kabar_denies], [wire]])


def test_link_a_passage_into_another_claim_and_merge(store_path: Path) -> None:
    wire = passage_id(store_path, "supplied arms")
    app = app_for(store_path)

    async def steps(pilot: Pilot[Any]) -> None:
        await pilot.press("j", "tab", "j", "j", "l")  # c-arms, World Wire's passage: link it...
        assert isinstance(app.screen, LinkScreen)
        await pilot.press(*"warga", "enter")  # ...into the hostile claim, found by search
        await pilot.press("tab")  # back to the list (c-arms stays highlighted)
        await pilot.press("m")  # merge another claim into c-arms
        assert isinstance(app.screen, LinkScreen)
        await pilot.press(*"putin akan", "enter")
        await pilot.pause()

    drive(app, steps)
    assert wire in evidence(store_path, "c-hostile")
    merged = evidence(store_path, "c-arms")
    assert not evidence(store_path, "c-visit")  # merged away
    assert passage_id(store_path, "24 tahun") in merged


def test_candidates_of_a_claim_are_listed_and_enter_attaches_one(tmp_path: Path) -> None:
    from factcheck.core.pipeline import claim_candidates, link_all
    from factcheck.core.store import Store
    from factcheck.tui.screens.candidates import CandidatesScreen
    from tests.unit.test_link_articles import article

    pages = [
        article("a.txt", "Harian Pagi", "id", [
            "Banjir bandang di Sumberjaya menewaskan 14 orang, kata Gubernur Ahmad Santoso.",
            "Gubernur Ahmad Santoso meninjau pengungsian di Sumberjaya pada Senin."],
            published="2024-03-01"),
        article("b.txt", "Evening Post", "en", [
            "Flash floods in Sumberjaya killed 14 people, Governor Ahmad Santoso said.",
            "Governor Ahmad Santoso visited evacuation centres in Sumberjaya on Monday."],
            published="2024-03-02"),
    ]
    path = tmp_path / "claims.json"
    store = Store.open(path)
    with store.transaction() as tx:
        for page in pages:
            tx.put("sources", page.source)
            for p in page.passages:
                tx.put("passages", p)
            for m in page.mentions:
                tx.put("mentions", m)
    link_all(store)
    claim = next(c for c in store.claims() if c.text.startswith("Gubernur Ahmad Santoso"))
    outside = [c for c in claim_candidates(store, claim.id, 10)
               if c.passage_id not in {e.passage_id for e in claim.evidence}]
    store.close()
    assert outside, "the story offers no candidate to attach"
    app = app_for(path)
    seen: list[Any] = []

    async def steps(pilot: Pilot[Any]) -> None:
        await pilot.press("slash", *"meninjau", "enter")
        await pilot.press("p")
        assert isinstance(app.screen, CandidatesScreen)
        seen.append(app.screen.candidates)
        options = app.screen.query_one("#candidates")
        options.highlighted = next(i for i, c in enumerate(app.screen.candidates)
                                   if c.passage_id == outside[0].passage_id)
        await pilot.press("enter")
        await pilot.pause()

    drive(app, steps)
    assert seen[0] and seen[0][0].score >= seen[0][-1].score  # best first
    assert evidence(path, claim.id).get(outside[0].passage_id) == "confirmed"
