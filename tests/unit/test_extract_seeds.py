"""Extraction on the shared seed corpus, scored against its gold file (acceptance).

The seeds are real Indonesian pages (ingested by `factcheck.core.ingest`); the rules under test are
general ones, so these thresholds also guard against tuning that helps one sentence and hurts
others. Kind agreement is reported but not required: coverage is.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from factcheck.core.evaluate import ArticleRun, EvaluationReport, evaluate, load_gold, locate
from factcheck.core.extract import extract_claims
from factcheck.core.extract.bench import long_article, time_extraction
from factcheck.core.ingest import ingest_file
from factcheck.core.models import Mention, Role
from factcheck.core.textnorm import fold

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"
pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not beside checkout")


@cache
def _runs() -> dict[str, ArticleRun]:
    runs = {}
    for path in sorted((CORPUS / "seeds").glob("*.txt")):
        result = ingest_file(path)
        mentions = extract_claims(result.source, result.passages)
        runs[path.name] = ArticleRun(
            text=result.source.text, mentions=mentions, passages=result.passages
        )
    return runs


@cache
def _gold() -> dict[str, object]:
    return load_gold(CORPUS / "seeds-gold.json")


@cache
def _report() -> EvaluationReport:
    return evaluate(_gold(), _runs())  # type: ignore[arg-type]


def test_claim_recall_and_precision():
    report = _report()
    print(f"\nrecall {report.recall:.3f} ({report.found_claims}/{report.gold_claims}), "
          f"precision {report.precision:.3f} ({report.matched_mentions}/{report.mentions}), "
          f"kind agreement {report.kind_agreement:.2f}")
    for kind, score in report.per_kind.items():
        print(f"  {kind:12} {score.found}/{score.gold}")
    assert report.unlocated == []
    assert report.recall >= 0.95, report.missed
    assert report.precision >= 0.80, report.unmatched


@pytest.mark.parametrize("kind", ["quantity", "time", "denial"])
def test_recall_per_kind(kind: str):
    assert _report().per_kind[kind].recall >= 0.90


def test_no_page_furniture_in_claims():
    gold = _gold()
    for article, strings in gold["boilerplate"].items():  # type: ignore[attr-defined]
        for mention in _runs()[article].mentions:
            assert not any(fold(s) in fold(mention.text) for s in strings), mention.text


def _mention_for(claim_id: str, kind: str | None = None) -> Mention:
    """The mention (of ``kind`` if given) whose words lie in the gold claim's sentence."""
    claim = next(c for c in _gold()["claims"] if c["id"] == claim_id)  # type: ignore[attr-defined]
    run = _runs()[claim["article"]]
    where = locate(claim["sentence"], run.text)
    assert where is not None
    found = [m for m in run.mentions if where[0] <= m.start < where[1]]
    found = [m for m in found if kind is None or m.kind == kind]
    assert found, claim_id
    return found[0]


@pytest.mark.parametrize(
    ("claim_id", "value", "unit", "approximate"),
    [
        ("s0-visit24", 24, "years", None),
        ("s0-50-missiles", 50, "missiles", "about"),
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


def test_timing_printout():
    bodies = [[p.text for p in ingest_file(path).passages if p.role == Role.BODY]
              for path in sorted((CORPUS / "seeds").glob("*.txt"))]
    source, passages = long_article(bodies)
    ms = time_extraction(source, passages, rounds=3, runs=3)
    words = sum(len(p.text.split()) for p in passages)
    print(f"\nextraction: {ms:.2f} ms CPU for a {words}-word article ({len(passages)} sentences)")
    assert words >= 1000 and extract_claims(source, passages)
