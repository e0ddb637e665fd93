"""The candidate index: which earlier mentions a mention is worth comparing with.

An inverted index over selective keys (figures with their unit, dates, canonical entities, rare
terms). A key found in more than ``max_postings`` mentions carries no signal and is not indexed;
instead, the pairs of such common keys a mention holds (``e:russia|t:visit``) are indexed when
the pair itself is rare enough. A mention is then compared only with the earlier mentions that
share at least one indexed key, best-sharing first, at most ``max_candidates`` of them: the work
per mention is bounded, so linking time grows about linearly with the number of mentions.
"""

from __future__ import annotations

from collections import Counter
from itertools import combinations
from operator import itemgetter

from factcheck.core.link.features import Features

MAX_COMMON_FOR_PAIRS = 6
MAX_KEYS = 10
"""A mention is indexed under (and looks candidates up by) its rarest keys only."""
MAX_SCAN = 32
SCAN_BUDGET = 128
WEAK_SHARE = 3
_COUNT = itemgetter(1)


class CandidateIndex:
    """Postings lists of selective keys, filled as mentions are linked."""

    def __init__(self, features: list[Features], max_postings: int, max_candidates: int) -> None:
        self.max_postings = max_postings
        self.max_candidates = max_candidates
        df: Counter[str] = Counter()
        for f in features:
            df.update(f.keyset)  # unit keys ("u:...") are counted but never indexed
        # Mentions with the same keys (wire copy) share their pairs and index keys.
        pairs_of: dict[frozenset[str], list[str]] = {}
        pair_df: Counter[str] = Counter()
        for f in features:
            pairs = pairs_of.get(f.keyset)
            if pairs is None:
                common = sorted(
                    (k for k in f.keyset if df[k] > max_postings and k[0] != "u"),
                    key=lambda k: (df[k], k),
                )[:MAX_COMMON_FOR_PAIRS]
                pairs = pairs_of[f.keyset] = [
                    "|".join(p) for p in combinations(sorted(common), 2)
                ]
            pair_df.update(pairs)
        keys_of: dict[frozenset[str], list[str]] = {}
        self.keys: list[list[str]] = []
        for f in features:
            keys = keys_of.get(f.keyset)
            if keys is None:
                keys = [k for k in f.keyset if k[0] != "u" and 2 <= df[k] <= max_postings]
                keys += [p for p in pairs_of[f.keyset] if 2 <= pair_df[p] <= max_postings]
                keys.sort(key=lambda k: (df.get(k) or pair_df[k], k))
                keys = keys_of[f.keyset] = keys[:MAX_KEYS]
            self.keys.append(keys)
        self.postings: dict[str, list[int]] = {}

    def add(self, index: int) -> None:
        """Index mention ``index`` (a position in the feature list)."""
        for key in self.keys[index]:
            self.postings.setdefault(key, []).append(index)

    def seen_later(self, index: int) -> bool:
        """True when a mention indexed after ``index`` shares one of its keys."""
        postings = self.postings
        return any(postings[key][-1] != index for key in self.keys[index] if key in postings)

    def candidates(self, index: int) -> list[int]:
        """Earlier-indexed mentions sharing most selective keys with mention ``index``.

        Keys are read rarest first, and only the latest ``MAX_SCAN`` entries of each postings
        list, at most ``SCAN_BUDGET`` entries in all: a story's recent coverage is as good a way
        into its claim as its first report, and the work per mention stays the same however
        big the batch grows.
        """
        counts: Counter[int] = Counter()
        budget = SCAN_BUDGET
        postings = self.postings
        for key in self.keys[index]:
            posting = postings.get(key)
            if posting:
                take = min(MAX_SCAN, budget)
                counts.update(posting[-take:])
                budget -= take
                if budget <= 0:
                    break
        counts.pop(index, None)
        if not counts:
            return []
        # sorted() is stable: ties keep the order the postings were read in.
        ranked = sorted(counts.items(), key=_COUNT, reverse=True)[: self.max_candidates]
        # A candidate sharing far fewer keys than the best one is not worth a full comparison.
        floor = ranked[0][1] / WEAK_SHARE
        return [i for i, n in ranked if n >= floor]
