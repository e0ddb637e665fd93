"""The news vocabulary: every concept has words in each language, and every word of it is
found in a sentence (a form that tokenization, casing or a multiword gap makes unreachable would
silently never count)."""

from __future__ import annotations

import pytest

from factcheck.core.text import languages
from factcheck.core.text.concepts import catalogue, find_concepts, vocabulary
from factcheck.core.text.words import tokens

FRAME = {"en": "The officials said that {} was reported again on Monday.",
         "id": "Para pejabat mengatakan bahwa {} kembali dilaporkan pada Senin."}


def _cases() -> list[tuple[str, str, str]]:
    cases = []
    for code in languages.languages():
        for key, forms in vocabulary(code).forms.items():
            for form in forms:
                if "..." not in form:  # a gap form ("belum ... ditemukan") has its own test
                    cases.append((code, key, form))
    return cases


def test_every_concept_has_words_in_every_language() -> None:
    for code in languages.languages():
        forms = vocabulary(code).forms
        missing = sorted(k for k in catalogue() if not forms.get(k))
        assert missing == [], f"{code}: concepts without words: {missing}"


@pytest.mark.parametrize(("code", "key", "form"), _cases(),
                         ids=lambda v: v if isinstance(v, str) else None)
def test_every_word_of_a_concept_is_found_in_a_sentence(code: str, key: str, form: str) -> None:
    text = FRAME[code].format(form)
    assert key in {h.key for h in find_concepts(tokens(text), code)}, (code, form)


@pytest.mark.parametrize(("code", "text", "key"), [
    ("id", "Sebanyak 12 pendaki belum juga ditemukan hingga Senin.", "missing"),
    ("id", "Hingga kini 12 pendaki belum pernah ditemukan, kata Basarnas.", "missing"),
])
def test_a_form_with_a_gap(code: str, text: str, key: str) -> None:
    assert key in {h.key for h in find_concepts(tokens(text), code)}
