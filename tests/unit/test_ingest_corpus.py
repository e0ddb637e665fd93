"""Acceptance of the ingest stage on the five seed pages against their hand-made gold.

Run with ``-s`` to print every page's passages for eyeballing.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from factcheck.core.ingest import IngestResult, ingest_file
from factcheck.core.ingest.metadata import dateline_outlet
from factcheck.core.models import Role
from factcheck.core.textnorm import fold

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"
SEEDS = CORPUS / "seeds"
GOLD_FILE = CORPUS / "seeds-gold.json"
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")

pytestmark = pytest.mark.skipif(not GOLD_FILE.is_file(), reason="shared corpus not present")


def _gold() -> dict:
    return json.loads(GOLD_FILE.read_text(encoding="utf-8")) if GOLD_FILE.is_file() else {}


GOLD = _gold()
FILES = sorted(GOLD.get("articles", {}))
_RESULTS: dict[str, IngestResult] = {}


def ingested(name: str) -> IngestResult:
    """Ingest a seed once per test session."""
    if name not in _RESULTS:
        _RESULTS[name] = ingest_file(SEEDS / name)
    return _RESULTS[name]


@pytest.mark.parametrize("name", FILES)
def test_metadata_matches_gold(name: str) -> None:
    gold = GOLD["articles"][name]
    source = ingested(name).source
    assert source.outlet == gold["outlet"]
    assert source.title == gold["title"]
    assert source.published == gold["published"]
    if "updated" in gold:
        assert source.updated == gold["updated"]
    assert source.byline == gold["byline"]
    assert source.language == gold["language"]


@pytest.mark.parametrize("name", FILES)
def test_what_is_missing_is_warned_about(name: str) -> None:
    gold = GOLD["articles"][name]
    warnings = ingested(name).warnings
    assert ("no outlet found" in warnings) == (gold["outlet"] is None)
    assert ("no publication date found" in warnings) == (gold["published"] is None)


@pytest.mark.parametrize("name", FILES)
def test_no_boilerplate_reaches_text_or_passages(name: str) -> None:
    result = ingested(name)
    for junk in GOLD["boilerplate"].get(name, []):
        assert junk not in result.source.text, junk
        assert not [p.text for p in result.passages if junk in p.text], junk


@pytest.mark.parametrize("name", FILES)
def test_no_email_address_anywhere(name: str) -> None:
    result = ingested(name)
    dumped = json.dumps(result.source.model_dump(mode="json"), ensure_ascii=False)
    assert not EMAIL.search(dumped)
    assert not any(EMAIL.search(p.text) for p in result.passages)
    assert "protected]" not in dumped


@pytest.mark.parametrize("name", FILES)
def test_passages_point_into_the_cleaned_text(name: str) -> None:
    result = ingested(name)
    text = result.source.text
    ids = [p.id for p in result.passages]
    assert len(ids) == len(set(ids))
    for passage in result.passages:
        assert text[passage.start:passage.end] == passage.text
        assert passage.source_id == result.source.id
        assert passage.text == passage.text.strip()
    headlines = [p for p in result.passages if p.role == Role.HEADLINE]
    assert [p.text for p in headlines] == [result.source.title]
    assert text.startswith(result.source.title or "")


@pytest.mark.parametrize("name", FILES)
def test_captions_are_kept_once_and_never_as_body(name: str) -> None:
    result = ingested(name)
    captions = [fold(p.text) for p in result.passages if p.role == Role.CAPTION]
    assert len(captions) == len(set(captions))
    body = " ".join(p.text for p in result.passages if p.role == Role.BODY)
    for caption in captions:
        assert caption not in fold(body)


def _claims(name: str) -> list[dict]:
    return [c for c in GOLD.get("claims", []) if c["article"] == name]


@pytest.mark.parametrize("name", FILES)
def test_every_gold_sentence_is_one_passage(name: str) -> None:
    result = ingested(name)
    for claim in _claims(name):
        sentence = claim["sentence"]
        assert sentence in result.source.text, claim["id"]
        start = result.source.text.index(sentence)
        end = start + len(sentence)
        covering = [p for p in result.passages if p.start < end and start < p.end]
        assert covering and covering[0].start <= start and covering[-1].end >= end, claim["id"]
        # One passage: the sentence itself, or the sentence with its dateline kept in front
        # (gold for 000 leaves "TEMPO.CO, Jakarta - " out; the passage must keep it).
        assert len(covering) == 1, claim["id"]
        passage = covering[0].text
        assert passage == sentence or (
            passage.endswith(sentence) and dateline_outlet(passage) is not None
            and len(passage) - len(sentence) <= 30
        ), claim["id"]


@pytest.mark.parametrize("name", FILES)
def test_scorer_would_accept_each_gold_sentence(name: str) -> None:
    """The scorer's rule: some passage covers >= half the sentence and is <= 3x its length."""
    result = ingested(name)
    for claim in _claims(name):
        start = result.source.text.index(claim["sentence"])
        end = start + len(claim["sentence"])
        length = end - start
        assert any(
            min(end, p.end) - max(start, p.start) >= length / 2 and len(p.text) <= 3 * length
            for p in result.passages
        ), claim["id"]


FIRST_BODY_WORDS = {
    "000_77ba5b7580def428.txt": "TEMPO.CO, Jakarta - Presiden Rusia",
    "001_7439e9345601fd28.txt": "TEMPO.CO, Jakarta -\u00a0Presiden Rusia",
    "002_d2bd505937341d60.txt": "TEMPO.CO, Jakarta - Rusia sedang",
    "003_d941ebfd04aa38f2.txt": "Presiden Rusia Vladimir Putin menyambut",
    "004_3799ecc319dc09ac.txt": "SERAMBINEWS.COM, MOSKOW \u2013 Presiden Rusia",
}
LAST_BODY_WORDS = {
    "000_77ba5b7580def428.txt": "Rusia mengatakan bahwa pihaknya akan bekerja sama",
    "001_7439e9345601fd28.txt": "\u201cMemperdalam kerja sama antara Rusia dan DPRK",
    "002_d2bd505937341d60.txt": "Bagi Putin, yang mengatakan bahwa Rusia sedang",
    "003_d941ebfd04aa38f2.txt": "Hal itu tampak dari kebijakan terbaru",
    "004_3799ecc319dc09ac.txt": "Putin pekan lalu berjanji",
}


@pytest.mark.parametrize("name", FILES)
def test_body_runs_from_the_dateline_to_the_last_paragraph(name: str) -> None:
    result = ingested(name)
    body = [p for p in result.passages if p.role == Role.BODY]
    assert [p.start for p in body] == sorted(p.start for p in body)
    assert body[0].text.startswith(FIRST_BODY_WORDS[name])
    assert body[-1].text.startswith(LAST_BODY_WORDS[name])
    assert result.source.text.endswith(body[-1].text)


def test_print_passages_for_eyeballing() -> None:
    """Shows each page's passages when run with ``-s``."""
    for name in FILES:
        result = ingested(name)
        source = result.source
        print(f"\n=== {name}: {source.outlet} | {source.title} | {source.published} | "
              f"{source.byline} | credits {source.credits} | warnings {result.warnings}")
        for passage in result.passages:
            print(f"  [{passage.role.value:8} {passage.paragraph:2}] {passage.text}")
    assert all(ingested(name).passages for name in FILES)
