"""What the user typed, made into stored keys: id prefixes and verdict names.

Every command that takes a claim, passage, source or story id takes a unique prefix of it
(`factcheck show c-29f6`); listings print the shortest unique prefixes (`short_ids`). A verdict
is named by its key (``partly_true``), its English label ("Partly true", as the TUI shows it) or
its Indonesian one ("sebagian benar"), in any case, with or without accents, spaces, dashes
or underscores.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from typing import Any

from factcheck.cli.common import UserError
from factcheck.core.ids import IdError, resolve, short_ids
from factcheck.core.store import Store
from factcheck.core.views import inert
from factcheck.settings import Settings, VerdictOption


def _resolve(key: str, ids: Iterable[str], kind: str, hint: str = "") -> str:
    try:
        return resolve(key, ids, kind)
    except IdError as exc:
        raise UserError(str(exc) + (hint if not exc.matches else "")) from exc


def claim_id(store: Store, key: str) -> str:
    """The claim ``key`` names (an id or a unique prefix of one)."""
    return _resolve(key, store.raw("claims"), "claim", " (see `factcheck claims`)")


def history_target(store: Store, key: str) -> str:
    """A claim, or anything else the change log names (a merged-away claim, a source)."""
    targets = {change.get("target", "") for change in store.raw("changes").values()}
    return _resolve(key, set(store.raw("claims")) | targets, "claim",
                    " (see `factcheck claims`)")


def passage_id(store: Store, key: str, claim: str | None = None) -> str:
    """The passage ``key`` names; a prefix is first looked for among ``claim``'s passages.

    A passage of another claim is returned as it is, so that the review action can say that
    it is not part of this claim.
    """
    if claim is not None:
        evidence = store.raw("claims").get(claim, {}).get("evidence", [])
        own = [e.get("passage_id", "") for e in evidence if isinstance(e, dict)]
        try:
            return resolve(key, own, "passage")
        except IdError as exc:
            if exc.matches:
                raise UserError(str(exc)) from exc
    return _resolve(key, store.raw("passages"), "passage",
                    f" (see `factcheck show {claim}`)" if claim else "")


def source_id(store: Store, key: str) -> str:
    """The source ``key`` names: a source id, its file name, or a unique prefix of either.

    Ids are looked for among every version; file names among current versions only (a file
    name stands for its latest version).
    """
    sources = store.raw("sources")
    if key in sources:
        return key
    current = {sid: doc for sid, doc in sources.items() if doc.get("superseded_by") is None}
    by_file = [sid for sid, doc in current.items() if doc.get("file") == key]
    if len(by_file) == 1:
        return by_file[0]
    try:
        return resolve(key, sources, "source")
    except IdError as exc:
        if exc.matches:
            raise UserError(str(exc)) from exc
    files = {str(doc.get("file", "")): sid for sid, doc in current.items()}
    try:
        return files[resolve(key, files, "source")]
    except IdError as exc:
        raise UserError(str(exc) + ("" if exc.matches else
                                          " (see `factcheck sources`)")) from exc


def short_claim_ids(store: Store) -> dict[str, str]:
    """Claim id -> its shortest unique prefix among every claim of the store."""
    return short_ids(store.raw("claims"))


def short_passage_ids(store: Store) -> dict[str, str]:
    """Passage id -> its shortest unique prefix among every passage of the store."""
    return short_ids(store.raw("passages"))


def short_source_ids(store: Store) -> dict[str, str]:
    """Source id -> its shortest unique prefix among every source version of the store."""
    return short_ids(store.raw("sources"))


def short_story_ids(store: Store) -> dict[str, str]:
    """Story id -> its shortest unique prefix among the stories of the store."""
    return short_ids(store.raw("stories"))


def fold(name: str) -> str:
    """A verdict name as it is compared: case, accents, ``_``/``-`` and spacing do not count."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    letters = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(letters.replace("_", " ").replace("-", " ").split())


def verdict_names(option: VerdictOption) -> list[str]:
    """The names a verdict answers to: its key, English label and Indonesian label."""
    return list(dict.fromkeys([option.key, option.en, option.id]))


def scale_help(verdicts: Iterable[VerdictOption]) -> str:
    """The scale in its own order: ``true (True, Benar), partly_true (Partly true, ...)``."""
    return ", ".join(f"{option.key} ({', '.join(verdict_names(option)[1:]) or option.en})"
                     for option in verdicts)


def verdict_key(settings: Settings, name: str) -> str:
    """The key of the verdict step ``name`` names (key or label, either language).

    Raises:
        UserError: No step has that name; the message lists the scale in its order.
    """
    wanted = fold(name)
    found: dict[str, Any] = {}
    for option in settings.verdicts:
        if any(fold(n) == wanted for n in verdict_names(option)):
            found.setdefault(option.key, option)
    if len(found) == 1:
        return next(iter(found))
    if found:  # a custom scale whose labels repeat: the keys tell them apart
        raise UserError(f"verdict {inert(name)!r} is the label of {', '.join(found)}; give the "
                        "key")
    raise UserError(f"unknown verdict {inert(name, 60)!r}; choose one of: "
                    f"{scale_help(settings.verdicts)}")
