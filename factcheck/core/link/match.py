"""How alike two mentions are, and whether their figures and dates can both be true.

`similarity` blends the cosine of the two weighted feature sets, how much of the smaller one the
larger contains (a headline "Kunjungan Pertama dalam 20 Tahun" is contained in the body sentence
it summarises), and how much weighted evidence they share in absolute terms (two long sentences
stating the same fact among others). Two figures in the same unit fill the same slot of the claim:
they count as shared when they agree and as partly shared when they disagree, so "24 years" and
"20 years" of the same visit still meet (and the conflict is reported by conflicts.py).

Frames (frames.py) keep apart mentions that share words but not their event: "North Korea fired
two missiles" and "50 missiles were sent to Russia by North Korea" are a launch and a supply.

`numbers_agree` reads hedges: "about 250" widens the tolerance, "more than 20" accepts any larger
value, so 24 years and "more than two decades" agree.
"""

from __future__ import annotations

import math
from collections.abc import Set as AbstractSet

from factcheck.core.link.features import Features
from factcheck.core.link.frames import compare
from factcheck.core.link.terms import Number

EXACT_TOLERANCE = 0.005
ABOUT_TOLERANCE = 0.10
DISAGREEING_FIGURE_CREDIT = 0.6
DISJOINT_ENTITIES_FACTOR = 0.5
DIFFERENT_EVENT_FACTOR = 0.55
"""Two mentions of different actions, or of one action by or to different parties."""
EVIDENCE_HALF = 1.5
"""Shared evidence (dot product) at which the absolute part of the similarity is one half."""


def interval(number: Number) -> tuple[float, float]:
    """The range of values a (possibly hedged) figure allows."""
    v = number.value
    slack = abs(v) * EXACT_TOLERANCE
    hedge = number.hedge
    if hedge == "about":
        slack = max(abs(v) * ABOUT_TOLERANCE, 1.0 if v >= 5 else 0.0)
        return v - slack, v + slack
    if hedge in ("more_than", "at_least"):
        return v - slack, math.inf
    if hedge in ("less_than", "at_most"):
        return -math.inf, v + slack
    return v - slack, v + slack


def numbers_agree(a: Number, b: Number) -> bool:
    """True when two figures in the same unit can both be true (or are not comparable)."""
    if not a.unit or a.unit != b.unit:
        return True
    lo_a, hi_a = interval(a)
    lo_b, hi_b = interval(b)
    return max(lo_a, lo_b) <= min(hi_a, hi_b)


def dates_agree(a: str, b: str) -> bool:
    """True when two ISO dates (day, month or year precision) can name the same time."""
    return a.startswith(b) or b.startswith(a)


def _figure_credit(a: Features, b: Features, shared: AbstractSet[str]) -> float:
    """Extra dot product for figures in the same unit whose exact keys differ."""
    pa, pb = a.primary, b.primary
    if pa is None or pb is None or not pa.unit or pa.unit != pb.unit:
        return 0.0
    key_a = f"n:{pa.unit}:{pa.value:g}"
    key_b = f"n:{pb.unit}:{pb.value:g}"
    if key_a == key_b or key_a in shared or key_b in shared:
        return 0.0
    wa = a.vector.get(key_a, 0.0)
    wb = b.vector.get(key_b, 0.0)
    credit = 1.0 if numbers_agree(pa, pb) else DISAGREEING_FIGURE_CREDIT
    return credit * wa * wb


def similarity(a: Features, b: Features) -> float:
    """Similarity of two mentions in [0, 1].

    Borrowed context features count only between different articles (within one article the
    context is the neighbouring sentence itself) and only ever add to the match. Two mentions
    whose frames tell different events apart (frames.py) score much lower, and their figures
    are not credited as filling one slot.
    """
    if not a.norm2 or not b.norm2:
        return 0.0
    va, vb = a.vector, b.vector
    shared = a.keyset & b.keyset
    # fsum is exact, so the result does not depend on the (hash-seeded) order of a set.
    dot = math.fsum([va[k] * vb[k] for k in shared])
    support = float(len(shared))
    borrowed = 0.0
    # Between articles, a mention that refers back borrows its context; inside one article only
    # a denial does (it denies the sentence before it; any other back-reference is a new fact).
    if (a.context_vector or b.context_vector) and (
        a.source_id != b.source_id or a.denial or b.denial
    ):
        for ctx, own in ((a.context_vector, vb), (b.context_vector, va)):
            common = ctx.keys() & own.keys()
            borrowed += math.fsum([ctx[k] * own[k] for k in common])
            support += 0.5 * len(common)
    relation = compare(a.frames, b.frames) if a.frames and b.frames else "unknown"
    different = relation == "different"
    pa, pb = a.primary, b.primary
    # Two figures fill one slot only for one event: both frames agree, or neither has one
    # ("24 years" of a visit against "1 year" of an unrelated cooperation does not count).
    if (
        pa is not None and pb is not None and pa.unit and pa.unit == pb.unit
        and (relation == "same" or not (a.frames or b.frames))
        and sum(1 for k in shared if k[0] not in "nu") >= 2
    ):
        credit = _figure_credit(a, b, shared)
        if credit:
            dot += credit
            support += 1
    if not dot and not borrowed:
        return 0.0
    if a.name_keys and b.name_keys and shared.isdisjoint(a.name_keys):
        # Both name who or where, and no name is shared: most likely two different events
        # ("floods in Medan killed 12" vs "floods in Seoul killed 22").
        dot *= DISJOINT_ENTITIES_FACTOR
    # Borrowed context adds evidence but never makes a short sentence "contained" in another.
    smaller = a.norm2 if a.norm2 < b.norm2 else b.norm2
    contained = dot / smaller
    if contained > 1.0:
        contained = 1.0
    dot += borrowed
    cosine = dot / math.sqrt(a.norm2 * b.norm2)
    if cosine > 1.0:
        cosine = 1.0
    damp = support / 5 if support < 5 else 1.0
    relative = 0.5 * cosine + 0.5 * contained * damp
    # Long sentences carry several facts: much shared evidence counts even when the rest of
    # the two sentences differs.
    absolute = dot / (dot + EVIDENCE_HALF)
    score = 0.5 * relative + 0.5 * absolute
    if score > 1.0:
        score = 1.0
    return score * DIFFERENT_EVENT_FACTOR if different else score
