"""A sentence that asserts a claim and reports its denial is two rows, each marked on its own
(`review_rows`): marking the denial used to overwrite the assertion's mark."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from factcheck.cli import main
from factcheck.core.models import DENIED_SUFFIX, review_rows
from factcheck.core.store import Store
from factcheck.tui.widgets.passages import Passages
from tests.tui.helpers import app_for, drive, pane_text

DATA = Path(__file__).parent.parent / "data"


@pytest.fixture(params=["assert_deny", "assert_deny_en"], ids=["id", "en"])
def db(tmp_path: Path, request: pytest.FixtureRequest) -> tuple[Path, str, str]:
    """A store of two pages (Indonesian, or English); the claim whose passage both asserts and
    reports a denial."""
    path = tmp_path / "claims.json"
    assert main(["ingest", str(DATA / request.param), "--db", str(path)]) == 0
    with Store.open(path) as store:
        for claim_id, claim in store.raw("claims").items():
            keys = [k for k, _ in review_rows(claim["evidence"])]
            both = [k for k in keys if k + DENIED_SUFFIX in keys]
            if both:
                return path, claim_id, both[0]
    raise AssertionError("no sentence asserts and reports a denial")


def test_rows_of_one_sentence_are_two_and_never_repeated() -> None:
    evidence = [{"passage_id": "p-1", "polarity": "asserted"},
                {"passage_id": "p-1", "polarity": "denied"},
                {"passage_id": "p-1", "polarity": "asserted"},  # another mention: same row
                {"passage_id": "p-2", "polarity": "denied"},  # a denial alone keeps the id
                "damaged"]
    assert [k for k, _ in review_rows(evidence)] == ["p-1", "p-1" + DENIED_SUFFIX, "p-2"]


def test_the_assertion_and_the_denial_keep_their_own_marks(
        db: tuple[Path, str, str], capsys: pytest.CaptureFixture[str]) -> None:
    path, claim_id, passage = db
    base = ["--db", str(path), "--reviewer", "tess"]
    assert main(["mark", claim_id, passage, "supports", *base]) == 0
    assert main(["mark", claim_id, passage, "denial", "--denial", *base]) == 0
    with Store.open(path) as store:
        review = store.review(claim_id)
    assert review is not None
    assert review.marks[passage]["tess"].stance == "supports"
    assert review.marks[passage + DENIED_SUFFIX]["tess"].stance == "denial"
    capsys.readouterr()
    assert main(["export", "--format", "json", *base]) == 0
    export = json.loads(capsys.readouterr().out)
    [claim] = [c for c in export["claims"] if c["id"] == claim_id]
    rows = {(p["id"], p["polarity"]): p["stance"] for p in claim["passages"]
            if p["id"] == passage}
    assert rows == {(passage, "asserted"): "supports", (passage, "denied"): "denial"}


def test_denial_flag_on_a_sentence_without_both_is_one_line(
        db: tuple[Path, str, str], capsys: pytest.CaptureFixture[str]) -> None:
    path, claim_id, passage = db
    with Store.open(path) as store:
        other = next(k for k, _ in review_rows(store.raw("claims")[claim_id]["evidence"])
                     if not k.startswith(passage))
    assert main(["mark", claim_id, other, "supports", "--denial", "--db", str(path)]) != 0
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "no denial" in err


def test_the_tui_marks_each_row_of_the_sentence(db: tuple[Path, str, str]) -> None:
    path, claim_id, passage = db
    app = app_for(path)
    seen: list[str] = []

    async def steps(pilot: Pilot[Any]) -> None:
        for _ in range(10):
            if app.screen.claim_data and app.screen.claim_data.id == claim_id:
                break
            await pilot.press("j")
        await pilot.press("tab")
        passages = app.screen.query_one(Passages)
        keys = [p.key for p in passages.shown]
        assert sorted(keys).count(passage) == 1 and passage + DENIED_SUFFIX in keys
        for _ in range(keys.index(passage)):
            await pilot.press("j")
        await pilot.press("a")  # the assertion: supports
        passages.cursor = keys.index(passage + DENIED_SUFFIX)
        await pilot.pause()
        await pilot.press("d")  # its report of the denial: denial
        await pilot.pause()
        seen.append(pane_text(app, "#passages"))

    drive(app, steps)
    assert "[reports the denial]" in seen[0]
    # each row shows its own mark
    assert "you: supports" in seen[0] and "you: reports a denial" in seen[0]
    with Store.open(path) as store:
        review = store.review(claim_id)
    assert review is not None
    marks = {k: {who: m.stance.value for who, m in v.items()} for k, v in review.marks.items()}
    assert marks[passage] == {"tess": "supports"}
    assert marks[passage + DENIED_SUFFIX] == {"tess": "denial"}
