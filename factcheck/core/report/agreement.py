"""Agreement between reviewers who marked the same passages.

The unit is one passage of one tracked claim (marks are per claim, so a passage shared by two
claims counts twice). For every pair of reviewers, only the passages *both* marked are compared:

* percent agreement ``p_o``: the share of those passages given the same stance;
* Cohen's kappa ``(p_o - p_e) / (1 - p_e)``, where ``p_e = sum_k (n_ak / n) * (n_bk / n)`` is the
  agreement expected by chance from each reviewer's own mix of stances. Kappa is undefined
  (``None``) when ``p_e`` is 1, that is when both reviewers used one and the same stance for
  every passage: there is then no variation to agree on beyond chance.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from itertools import combinations
from typing import TypedDict


class PairAgreement(TypedDict):
    """Agreement of two reviewers over the passages both marked."""

    reviewers: list[str]
    """The two reviewers, in alphabetical order."""
    passages: int
    """How many passages both marked."""
    agreed: int
    """On how many of them they gave the same stance."""
    percent_agreement: float
    """``100 * agreed / passages``."""
    kappa: float | None
    """Cohen's kappa; None when undefined (see the module docstring)."""


class Agreement(TypedDict):
    """Agreement between reviewers, pairwise."""

    passages_compared: int
    """Passages (of a claim) marked by two reviewers or more."""
    pairs: list[PairAgreement]


def cohen_kappa(first: list[str], second: list[str]) -> float | None:
    """Cohen's kappa of two equally long lists of labels; None when undefined or empty."""
    n = len(first)
    if n == 0 or n != len(second):
        return None
    observed = sum(a == b for a, b in zip(first, second, strict=True)) / n
    count_a, count_b = Counter(first), Counter(second)
    expected = sum(count_a[k] * count_b[k] for k in count_a) / (n * n)
    if expected >= 1.0:
        return None
    return (observed - expected) / (1.0 - expected)


def agreement(items: Iterable[Mapping[str, str]]) -> Agreement:
    """Pairwise agreement over ``items``: one ``{reviewer: stance}`` mapping per marked passage.

    Args:
        items: For each passage of a claim, the stance each reviewer gave it.

    Returns:
        The number of passages marked by several reviewers and, for every pair of reviewers
        who marked at least one passage in common, their agreement.
    """
    pairs: dict[tuple[str, str], tuple[list[str], list[str]]] = {}
    compared = 0
    for marks in items:
        if len(marks) < 2:
            continue
        compared += 1
        for a, b in combinations(sorted(marks), 2):
            left, right = pairs.setdefault((a, b), ([], []))
            left.append(marks[a])
            right.append(marks[b])
    result: list[PairAgreement] = []
    for (a, b), (left, right) in sorted(pairs.items()):
        agreed = sum(x == y for x, y in zip(left, right, strict=True))
        result.append(PairAgreement(
            reviewers=[a, b],
            passages=len(left),
            agreed=agreed,
            percent_agreement=100.0 * agreed / len(left),
            kappa=cohen_kappa(left, right),
        ))
    return Agreement(passages_compared=compared, pairs=result)
