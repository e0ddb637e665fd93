"""What the doctor found and did: `Problem` lines and the `DoctorReport`."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from factcheck.core.views import inert

FATAL = frozenset({"missing", "unreadable", "invalid-json", "not-a-store", "newer-schema"})
"""Problems that stop the check: the contents cannot be judged, or must not be touched."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a store, as one line."""

    kind: str
    """A short code: ``invalid-json``, ``dangling-passage``, ``torn-journal``..."""
    message: str
    """Where (a file, or ``table/id``) and what."""
    fixable: bool = False
    """True when `repair` can fix it without guessing."""
    notice: bool = False
    """Worth knowing, but the store is healthy (an older schema, a review of a gone claim)."""

    def __post_init__(self) -> None:
        # Ids and names in the message come from the file: keep the line one inert line.
        object.__setattr__(self, "message", inert(self.message))

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {"kind": self.kind, "message": self.message, "fixable": self.fixable,
                "notice": self.notice}


@dataclass
class DoctorReport:
    """What `check` found and, after `repair`, what was done and what is left."""

    path: Path | str
    """The store file (or the database address, without its password)."""
    problems: list[Problem] = field(default_factory=list)
    actions: list[str] = field(default_factory=list)
    """What `repair` did (or why it did nothing), one line each."""
    backups: list[Path] = field(default_factory=list)
    quarantine_file: Path | None = None
    quarantine: list[dict[str, Any]] = field(default_factory=list)
    """Everything `repair` took out of the store: table, id, reason and the removed value."""
    remaining: list[Problem] | None = None
    """After `repair`: what a fresh check finds (None when no repair ran)."""

    @property
    def healthy(self) -> bool:
        """True when no problem (other than notices) is left."""
        found = self.problems if self.remaining is None else self.remaining
        return not any(not p.notice for p in found)

    def fatal(self) -> Problem | None:
        """The problem that stopped the check, if any."""
        return next((p for p in self.problems if p.kind in FATAL), None)

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form (``factcheck doctor --json``)."""
        return {
            "store": str(self.path),
            "healthy": self.healthy,
            "problems": [p.as_dict() for p in self.problems],
            "actions": self.actions,
            "backups": [str(b) for b in self.backups],
            "quarantine_file": str(self.quarantine_file) if self.quarantine_file else None,
            "quarantine": self.quarantine,
            "remaining": None if self.remaining is None else [p.as_dict() for p in self.remaining],
        }
