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

from factcheck.core.link.features import Features

MAX_COMMON_FOR_PAIRS = 6
MAX_KEYS = 10
"""A mention is indexed under (and looks candidates up by) its rarest keys only."""
MAX_SCAN = 32


class CandidateIndex:
    """Postings lists of selective keys, filled as mentions are linked."""

    def __init__(self, features: list[Features], max_postings: int, max_candidates: int) -> None:
        self.max_postings = max_postings
        self.max_candidates = max_candidates
        df: Counter[str] = Counter()
        for f in features:
            df.update(f.own)  # unit keys ("u:...") are counted but never indexed
        pair_df: Counter[str] = Counter()
        commons: list[list[str]] = []
        for f in features:
            common = sorted(
                (k for k in f.own if df[k] > max_postings and k[0] != "u"),
                key=lambda k: (df[k], k),
            )[:MAX_COMMON_FOR_PAIRS]
            pairs = ["|".join(p) for p in combinations(sorted(common), 2)]
            pair_df.update(pairs)
            commons.append(pairs)
        self.keys: list[list[str]] = []
        for f, pairs in zip(features, commons, strict=True):
            keys = [k for k in f.own if k[0] != "u" and 2 <= df[k] <= max_postings]
            keys += [p for p in pairs if 2 <= pair_df[p] <= max_postings]
            keys.sort(key=lambda k: (df.get(k) or pair_df[k], k))
            self.keys.append(keys[:MAX_KEYS])
        self.postings: dict[str, list[int]] = {}

    def add(self, index: int) -> None:
        """Index mention ``index`` (a position in the feature list)."""
        for key in self.keys[index]:
            self.postings.setdefault(key, []).append(index)

    def candidates(self, index: int) -> list[int]:
        """Earlier-indexed mentions sharing most selective keys with mention ``index``.

        Only the latest ``MAX_SCAN`` entries of each postings list are read: a story's recent
        coverage is as good a way into its claim as its first report, and the work per mention
        stays bounded however big the batch grows.
        """
        counts: Counter[int] = Counter()
        for key in self.keys[index]:
            posting = self.postings.get(key)
            if posting:
                counts.update(posting[-MAX_SCAN:])
        counts.pop(index, None)
        return [i for i, _ in counts.most_common(self.max_candidates)]
