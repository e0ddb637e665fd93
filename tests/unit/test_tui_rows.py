"""How the claim list words a claim (`factcheck.tui.rows.row_text`)."""

from __future__ import annotations

import pytest

from factcheck.tui.rows import row_text


@pytest.mark.parametrize(("text", "speaker", "shown"), [
    # The list used to read "Ia mengatakan ..." / "He said ...": whose claim, nobody could tell.
    ("Ia mengatakan Moskow dapat mengembangkan kerja sama.", "Budi Santoso",
     "Budi Santoso mengatakan Moskow dapat mengembangkan kerja sama."),
    ("Dia juga membantah tuduhan itu.", "Yoko Tanaka", "Yoko Tanaka juga membantah tuduhan itu."),
    ("He said 50 missiles were sent.", "John Kirby", "John Kirby said 50 missiles were sent."),
    # Not a person's pronoun, or no speaker known: the wording as it is.
    ("Hal itu disampaikan Peskov.", "Dmitry Peskov", "Hal itu disampaikan Peskov."),
    ("He said 50 missiles were sent.", None, "He said 50 missiles were sent."),
    ("Hearings begin on Monday.", "Ann Lee", "Hearings begin on Monday."),
])
def test_a_pronoun_gives_way_to_the_speaker(text: str, speaker: str | None, shown: str) -> None:
    assert row_text({"text": text, "normalized": {"speaker": speaker}}) == shown


def test_a_pronoun_without_a_speaker_gives_way_to_the_subject() -> None:
    """An act, not a statement ("Ia juga sempat melintasi..."): the person extraction resolved
    the pronoun to; a speaker still wins over the subject."""
    doc = {"text": "Ia juga sempat melintasi perbatasan dua kali.",
           "normalized": {"subject": "Kim Jong Un", "speaker": None}}
    assert row_text(doc) == "Kim Jong Un juga sempat melintasi perbatasan dua kali."
    doc["normalized"]["speaker"] = "Yonhap"
    assert row_text(doc).startswith("Yonhap juga sempat")
