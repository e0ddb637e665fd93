"""Undo and redo never overwrite what another reviewer did since (`review.revert`/`reapply`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.core.review import ReviewError, mark, reapply, revert, set_verdict
from factcheck.core.store import Store
from tests.factories import build_store


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store.open(tmp_path / "claims.json")
    build_store(s, reviewed=False)
    return s


def test_undo_after_another_reviewer_changed_the_verdict_keeps_theirs(store: Store) -> None:
    """ctrl+z after another reviewer's verdict erased it (the log said `tess true -> None`)."""
    mine = set_verdict(store, "c-visit", "true", "tess").change
    set_verdict(store, "c-visit", "false", "rina")
    with pytest.raises(ReviewError, match="rina set it to false"):
        revert(store, mine, "tess")
    review = store.review("c-visit")
    assert review is not None and review.verdict is not None
    assert (review.verdict.label, review.verdict.reviewer) == ("false", "rina")


def test_undo_and_redo_of_my_own_change_still_work(store: Store) -> None:
    passage = store.raw("claims")["c-visit"]["evidence"][0]["passage_id"]
    change = mark(store, "c-visit", passage, "supports", "tess").change
    revert(store, change, "tess")
    review = store.review("c-visit")
    assert review is not None and passage not in review.marks
    reapply(store, change, "tess")
    review = store.review("c-visit")
    assert review is not None and review.marks[passage]["tess"].stance == "supports"


def test_redo_after_the_mark_changed_elsewhere_is_refused(store: Store, tmp_path: Path) -> None:
    passage = store.raw("claims")["c-visit"]["evidence"][0]["passage_id"]
    change = mark(store, "c-visit", passage, "supports", "tess").change
    revert(store, change, "tess")
    other = Store.open(tmp_path / "claims.json")  # the same reviewer in another window
    mark(other, "c-visit", passage, "contradicts", "tess")
    with pytest.raises(ReviewError, match="now contradicts"):
        reapply(store, change, "tess")
    review = store.review("c-visit")
    assert review is not None and review.marks[passage]["tess"].stance == "contradicts"
