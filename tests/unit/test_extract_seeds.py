"""Extraction on the shared seed corpus: values, dates and speakers of gold claims (recall and
precision are held by ``factcheck eval`` in test_cli_eval.py).

The seeds are real Indonesian pages (ingested by `factcheck.core.ingest`); the rules under test are
general ones, so these thresholds also guard against tuning that helps one sentence and hurts
others. Kind agreement is reported but not required: coverage is.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from factcheck.core.evaluate import Gold, load_gold, norm
from factcheck.core.extract import extract_claims
from factcheck.core.ingest import ingest_file
from factcheck.core.models import Mention
from factcheck.core.textnorm import fold

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"
pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not beside checkout")


@cache
def _runs() -> dict[str, tuple[str, list[Mention]]]:
    """Each sample page's cleaned text and extracted mentions."""
    runs = {}
    for path in sorted((CORPUS / "seeds").glob("*.txt")):
        result = ingest_file(path)
        runs[path.name] = (result.source.text, extract_claims(result.source, result.passages))
    return runs


@cache
def _gold() -> Gold:
    return load_gold(CORPUS / "seeds-gold.json")


def test_no_page_furniture_in_claims():
    for article, strings in _gold().boilerplate.items():
        for mention in _runs()[article][1]:
            assert not any(fold(s) in fold(mention.text) for s in strings), mention.text


_SAME_LENGTH = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'",
                              "\u00a0": " ", "\u2013": "-", "\u2014": "-"})


def _locate(sentence: str, text: str) -> tuple[int, int] | None:
    """Where the gold sentence lies in the cleaned text (spaces and quotes folded)."""
    pattern = r"\s+".join(re.escape(word) for word in norm(sentence).split())
    hit = re.search(pattern, text.translate(_SAME_LENGTH))
    return (hit.start(), hit.end()) if hit else None


def _mention_for(claim_id: str, kind: str | None = None) -> Mention:
    """The mention (of ``kind`` if given) whose words lie in the gold claim's sentence."""
    claim = next(c for c in _gold().claims if c["id"] == claim_id)
    text, mentions = _runs()[claim["article"]]
    where = _locate(claim["sentence"], text)
    assert where is not None
    found = [m for m in mentions if where[0] <= m.start < where[1]]
    found = [m for m in found if kind is None or m.kind == kind]
    assert found, claim_id
    return found[0]


@pytest.mark.parametrize(
    ("claim_id", "value", "unit", "approximate"),
    [
        ("s0-visit24", 24, "years", None),
        ("s0-50-missiles", 50, "rudal", "about"),  # the counted noun as written; the slot names it
        ("s3-two-decades", 20, "years", "more than"),
        ("s0-last-2000", "2000-07", None, None),
        ("s1-1961", "1961", None, None),
        ("s4-angara", 42.7, "m", None),
        ("s4-handshake-40s", 40, "seconds", "about"),
        ("s4-18-months", 18, "months", "more than"),
        ("s4-seven-trips", 7, "times", None),
    ],
)
def test_normalized_values(claim_id: str, value: object, unit: str | None, approximate: str | None):
    n = _mention_for(claim_id).normalized
    assert (n.value, n.unit, n.approximate) == (value, unit, approximate)


def test_date_of_the_vostochny_meeting():
    assert _mention_for("s4-vostochny").normalized.date == "2023-09-13"


@pytest.mark.parametrize(
    ("claim_id", "speaker"),
    [
        ("s0-not-directed", "Yuri Ushakov"),  # "Ia mengatakan ...": the previous sentence's speaker
        ("s0-pact-expected", "Yuri Ushakov"),
        ("s2-all-fields", "Dmitry Peskov"),
        ("s3-no-date", "Dmitry Peskov"),  # "menurut dia"
        ("s3-kcna", "KCNA"),
        ("s1-f16", "Vladimir Putin"),  # "Presiden itu mengatakan"
        ("s0-us-arms", "Washington"),
    ],
)
def test_speakers(claim_id: str, speaker: str):
    assert _mention_for(claim_id).normalized.speaker == speaker


def test_assertion_and_denial_in_one_sentence():
    asserted = _mention_for("s0-us-arms", "attribution")
    denied = _mention_for("s0-deny", "denial")
    assert asserted.normalized.polarity.value == "asserted"
    assert denied.normalized.polarity.value == "denied"
    assert denied.normalized.speaker == "Pyongyang dan Moskow"
