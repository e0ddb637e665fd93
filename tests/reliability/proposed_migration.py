"""The schema 0 -> 1 upgrade, proposed for `factcheck.core.migrations` (owned by the lead).

The function below is meant to be copied verbatim into ``factcheck/core/migrations.py``, with
``MIGRATIONS[0] = migrate_v0_to_v1``. Until it is there, the migration tests install this copy;
once it is, they test the real one. Delete this file then.
"""

from __future__ import annotations

from typing import Any

Data = dict[str, dict[str, Any]]


def migrate_v0_to_v1(data: Data) -> Data:
    """Schema 0 -> 1: marks were one per passage, now one per passage per reviewer.

    Schema 0 kept ``Review.marks`` as ``{passage_id: mark}``, so a second reviewer's mark
    replaced the first; schema 1 keeps ``{passage_id: {reviewer: mark}}``. Each mark moves under
    its reviewer (``unknown`` when it names none). The 0 header has no ``schema_version`` and no
    ``generation``; the store sets the version, and compaction the generation, after this step.
    """
    for review in data.get("reviews", {}).values():
        marks = review.get("marks") or {}
        review["marks"] = {
            passage: {mark.get("reviewer") or "unknown":
                      {**mark, "reviewer": mark.get("reviewer") or "unknown"}}
            if "stance" in mark else mark  # already per reviewer
            for passage, mark in marks.items()
        }
    return data
