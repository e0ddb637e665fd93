"""The one error the ingest stage raises."""

from __future__ import annotations


class IngestError(Exception):
    """A file that cannot be ingested; ``str(e)`` is one line naming the file and the problem."""

    def __init__(self, file: str, problem: str) -> None:
        self.file = file
        self.problem = problem
        super().__init__(f"{file}: {problem}")
