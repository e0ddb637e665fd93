"""Messages that widgets and workers post up to the screens and the app."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message


@dataclass
class ClaimHighlighted(Message):
    """The claim list's cursor moved to a claim (None when the list is empty)."""

    claim_id: str | None


@dataclass
class ClaimChosen(Message):
    """The reviewer pressed enter (or double-clicked) on a claim of a list."""

    claim_id: str


@dataclass
class PassageHighlighted(Message):
    """The passage cursor moved."""

    passage_id: str | None


@dataclass
class ExportProgress(Message):
    """An export worker finished ``done`` of ``total`` claims (posted from the worker thread)."""

    done: int
    total: int


@dataclass
class ExportDone(Message):
    """An export worker wrote its report."""

    path: str
    size: int


@dataclass
class StoreIndexed(Message):
    """A worker made a big store's search keys, for the row model of ``generation``."""

    search_keys: list[str]
    generation: int
