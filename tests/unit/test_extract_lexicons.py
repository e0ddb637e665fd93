"""Words live in the lexicon files: completeness, a language added as data, and robustness."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.core.extract import extract_claims
from factcheck.core.models import Kind, Passage, Source
from factcheck.core.text import languages as lexicons
from factcheck.core.text.lang import compiled


def test_both_lexicons_have_every_key():
    assert lexicons.languages() == ("en", "id")
    assert lexicons.missing_keys("id") == []
    assert lexicons.missing_keys("en", reference="id") == []


@pytest.mark.parametrize("lang", ["en", "id"])
def test_lexicon_lists_are_filled(lang: str):
    data = lexicons.load(lang)
    for key in ("function_words", "events", "superlatives", "titles", "openers", "auxiliaries"):
        assert data[key], key
    for key in ("verbs", "phrases"):
        assert data["denial"][key], key
    assert set(data["dates"]["months"].values()) == set(range(1, 13))
    assert set(data["dates"]["weekdays"].values()) == set(range(7))


def test_a_language_is_a_file(monkeypatch: pytest.MonkeyPatch):
    """A third language made of data only (English words renamed) works without code."""
    xx: dict[str, Any] = copy.deepcopy(lexicons.load("en"))
    xx["language"] = "xx"
    xx["reporting"]["after_speaker"] = ["zagt"]
    xx["denial"]["verbs"] = ["ontkent"]
    xx["units"]["raketten"] = ["missiles", 1]
    real_load = lexicons.load
    monkeypatch.setattr(lexicons, "languages", lambda: ("en", "id", "xx"))
    monkeypatch.setattr(lexicons, "load", lambda lang: xx if lang == "xx" else real_load(lang))
    compiled.cache_clear()
    try:
        text = "The Kremlin zagt about 50 raketten were sent, although Pyongyang ontkent it."
        source = Source(id="s", file="x", sha256="0", text=text, language="xx")
        passage = Passage(id="p", source_id="s", start=0, end=len(text), text=text)
        kinds = {m.kind: m for m in extract_claims(source, [passage])}
        assert kinds[Kind.QUANTITY].normalized.unit == "missiles"
        assert kinds[Kind.QUANTITY].normalized.speaker == "Kremlin"
        assert kinds[Kind.DENIAL].normalized.speaker == "Pyongyang"
    finally:
        compiled.cache_clear()


def test_lexicon_files_are_valid_json_with_string_words():
    for lang in lexicons.languages():
        data = json.loads(json.dumps(lexicons.load(lang)))
        assert all(isinstance(w, str) and w == w.strip() for w in data["events"])


@settings(max_examples=60, deadline=None)
@given(
    sentences=st.lists(
        st.text(
            alphabet=st.characters(blacklist_categories=("Cs",)), min_size=0, max_size=120
        ).filter(lambda s: s.strip() == s),
        min_size=1,
        max_size=6,
    ),
    lang=st.sampled_from(["id", "en", None]),
    published=st.sampled_from([None, "2024-01-21", "2024-02-29T10:00:00+07:00", "garbage"]),
)
def test_never_crashes_and_offsets_hold(sentences: list[str], lang: str | None,
                                        published: str | None):
    text, passages = "", []
    for i, sentence in enumerate(sentences):
        start = len(text)
        text += sentence
        passages.append(Passage(id=f"p{i}", source_id="s", start=start, end=len(text),
                                text=sentence))
        text += "\n"
    source = Source(id="s", file="x", sha256="0", text=text, language=lang, published=published)
    for m in extract_claims(source, passages, threshold=0.0):
        assert m.text == source.text[m.start : m.end]
        assert 0.0 <= m.score <= 1.0


def test_never_crashes_on_awkward_sentences():
    awkward = [
        "“", "”", "(21/1)", "13/13/2023", "31 Februari 2024", "99 99 99", "- - -", "1.2.3.4.5",
        "Rp", "$", "%", "Kata", "kata kata kata", "menurut", "said said said", "İstanbul İzmir",
        "1948-1949-1950", "0,5 %", "1/0", "Senin, Selasa, Rabu, Kamis, Jumat, Sabtu, Minggu",
    ]
    for lang in ("id", "en"):
        text = "\n".join(awkward)
        passages, pos = [], 0
        for i, line in enumerate(awkward):
            passages.append(Passage(id=f"p{i}", source_id="s", start=pos, end=pos + len(line),
                                    text=line))
            pos += len(line) + 1
        source = Source(id="s", file="x", sha256="0", text=text, language=lang,
                        published="2024-01-21")
        for m in extract_claims(source, passages, threshold=0.0):
            assert m.text == text[m.start : m.end]
