"""Ids as people type them: a unique prefix names a claim, passage, source or story.

Stored ids are a type tag and a hash (``c-29f6a1e0b3c4d5e6``): long enough to never collide,
too long to read in a listing or type by hand. `resolve` takes any unique prefix of an id (an
exact id always wins, even when it is the prefix of another one); `short_ids` gives each id its
shortest unique prefix, with at least `MIN_HEX` characters after the tag so that a prefix seen
today still names one id after the next ingest adds a few more.
"""

from __future__ import annotations

from collections.abc import Iterable

MIN_HEX = 6
"""Characters after the type tag a short id keeps at least (16.7 million values)."""

SHOWN_MATCHES = 5
"""Matches an ambiguous-prefix message lists before "and N more"."""


class IdError(LookupError):
    """A key that names no id, or several; the message is one line for the user."""

    def __init__(self, message: str, matches: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.matches = matches
        """The ids an ambiguous key names (empty when it names none)."""


def resolve(key: str, ids: Iterable[str], kind: str = "id") -> str:
    """The one id that is ``key`` or starts with it.

    Args:
        key: What the user typed: a whole id or a prefix of one (spaces around it ignored).
        ids: Every id of that kind.
        kind: The word for the thing in messages ("claim", "passage", "source", "story").

    Raises:
        IdError: No id starts with ``key`` ("no claim 'c-zz'"), or several do; the message then
            lists them ("'c-2' names 3 claims: c-2a..., c-2b..., c-2c...; give more of the id").
    """
    wanted = key.strip()
    every = list(ids)
    if wanted in every:
        return wanted
    found = sorted(i for i in every if wanted and i.startswith(wanted))
    if not found and wanted != wanted.lower():  # ids are lower case; a pasted upper-case key
        wanted = wanted.lower()
        found = sorted(i for i in every if i.startswith(wanted))
    if len(found) == 1:
        return found[0]
    if not found:
        raise IdError(f"no {kind} {key!r}")
    raise IdError(f"{key!r} names {len(found)} {plural(kind)}: {listing(found)}; give more of "
                  "the id", tuple(found))


def listing(ids: list[str]) -> str:
    """Up to `SHOWN_MATCHES` ids, comma-separated, then how many more."""
    shown = ", ".join(ids[:SHOWN_MATCHES])
    more = len(ids) - SHOWN_MATCHES
    return shown + (f" and {more} more" if more > 0 else "")


def plural(kind: str) -> str:
    """``story`` -> ``stories``, ``claim`` -> ``claims``."""
    return kind[:-1] + "ies" if kind.endswith("y") else kind + "s"


def tag_length(identifier: str) -> int:
    """Length of the type tag of an id, dash included (``c-`` -> 2, ``st-`` -> 3; 0 without)."""
    dash = identifier.find("-")
    return dash + 1 if 0 < dash <= 3 else 0


def short_ids(ids: Iterable[str], min_hex: int = MIN_HEX) -> dict[str, str]:
    """Each id's shortest prefix that names it alone among ``ids`` (at least ``min_hex`` after
    its tag; the whole id when it is a prefix of another one, since an exact id wins).

    Sorting puts the ids sharing the longest prefix with an id next to it, so one pass over
    neighbours is enough (O(n log n) for 10k claims).
    """
    ordered = sorted(set(ids))
    short: dict[str, str] = {}
    for index, identifier in enumerate(ordered):
        shared = 0
        for other_index in (index - 1, index + 1):
            if 0 <= other_index < len(ordered):
                shared = max(shared, _common(identifier, ordered[other_index]))
        length = max(shared + 1, tag_length(identifier) + min_hex)
        short[identifier] = identifier[:length]
    return short


def _common(a: str, b: str) -> int:
    n = min(len(a), len(b))
    for i in range(n):
        if a[i] != b[i]:
            return i
    return n
