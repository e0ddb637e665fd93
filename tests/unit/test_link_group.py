"""Which members of a tracked claim are linked automatically (`Grouping.state`)."""

from __future__ import annotations

from factcheck.core.link.compare import Pair
from factcheck.core.link.group import CORE_DISAGREE, CORE_SCORE, Group, Grouping
from factcheck.core.models import LinkState

HIGH = 0.6


def _grouping(group: Group, best: dict[int, float], scores: dict[tuple[int, int], float],
              source_of: dict[int, str],
              differ: frozenset[tuple[int, int]] = frozenset()) -> Grouping:
    def pair(i: int, j: int) -> Pair:
        key = (min(i, j), max(i, j))
        return Pair(scores.get(key, 0.0), agree=key not in differ)

    return Grouping([group], best, [], pair, source_of)


def test_a_chain_is_not_an_automatic_link() -> None:
    """A is like B and B like C, but A and C (two other outlets) are not alike on their own:
    C joined through B and is a suggestion, so automatic links never chain."""
    group = Group(members=[0, 1, 2])
    grouping = _grouping(group, {0: 0.9, 1: 0.9, 2: 0.8},
                         {(0, 1): 0.9, (1, 2): 0.8, (0, 2): CORE_SCORE / 2},
                         {0: "a", 1: "b", 2: "c"})
    states = [grouping.state(group, m, HIGH) for m in group.members]
    assert states == [LinkState.AUTO, LinkState.AUTO, LinkState.SUGGESTED]


def test_members_of_one_article_need_no_direct_likeness() -> None:
    group = Group(members=[0, 1, 2])
    grouping = _grouping(group, {0: 0.9, 1: 0.9, 2: 0.8},
                         {(0, 1): 0.9, (1, 2): 0.8, (0, 2): 0.0},
                         {0: "a", 1: "b", 2: "a"})
    assert {grouping.state(group, m, HIGH) for m in group.members} == {LinkState.AUTO}


def test_placed_by_a_reviewer_stays_confirmed_and_anchors_the_core() -> None:
    group = Group(members=[0, 1, 2], confirmed={2})
    grouping = _grouping(group, {0: 0.9, 1: 0.9, 2: 0.0},
                         {(0, 1): 0.9, (1, 2): 0.9, (0, 2): 0.1},
                         {0: "a", 1: "b", 2: "c"})
    states = [grouping.state(group, m, HIGH) for m in group.members]
    assert states == [LinkState.SUGGESTED, LinkState.AUTO, LinkState.CONFIRMED]


def test_different_values_need_a_strong_likeness_to_link_without_asking() -> None:
    """49 evacuated in one outlet and 57 in another, alike only in counting the evacuated (0.6):
    a suggestion with its difference shown, not an automatic link; the same values, or
    different values alike beyond the measure, link on their own."""
    group = Group(members=[0, 1, 2])
    middling = (CORE_SCORE + CORE_DISAGREE) / 2
    sources = {0: "a", 1: "b", 2: "c"}
    best = {0: 0.9, 1: 0.9, 2: 0.9}
    scores = {(0, 1): 0.9, (0, 2): middling, (1, 2): 0.9}
    differ = frozenset({(0, 2)})
    grouping = _grouping(group, best, scores, sources, differ)
    states = [grouping.state(group, m, HIGH) for m in group.members]
    assert states == [LinkState.AUTO, LinkState.AUTO, LinkState.SUGGESTED]
    same = _grouping(group, best, scores, sources)
    assert {same.state(group, m, HIGH) for m in group.members} == {LinkState.AUTO}
    strong = _grouping(group, best, {**scores, (0, 2): CORE_DISAGREE}, sources, differ)
    assert {strong.state(group, m, HIGH) for m in group.members} == {LinkState.AUTO}


def test_a_member_joining_a_large_claim_is_checked_against_a_bounded_number_of_members() -> None:
    """Joining a claim of 300 members compares the newcomer with the claim's first `MAX_SIDE`
    members (those that made it), not all 300: one by one, a claim of n members would cost
    n x n comparisons. A veto among those keeps the newcomer out."""
    from types import SimpleNamespace
    from typing import Any, cast

    from factcheck.core.link.group import MAX_SIDE, _compatible

    items = cast(Any, {i: SimpleNamespace(family="statement", passage_id=f"p{i}",
                                          source_id=f"s{i}") for i in range(301)})
    claim, newcomer = Group(members=list(range(300))), Group(members=[300])
    compared: list[tuple[int, int]] = []

    def pair(i: int, j: int) -> Pair:
        compared.append((i, j))
        return Pair(0.0, veto=True) if i == MAX_SIDE - 1 else Pair(0.5)

    assert not _compatible(claim, newcomer, items, pair)
    assert len(compared) == MAX_SIDE and {i for i, _ in compared} == set(range(MAX_SIDE))
