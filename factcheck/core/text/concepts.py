"""Concepts of the news vocabulary found in text, in any language, as one language-neutral key.

The catalogue (``vocabulary.json``) says what each concept is (a measure a figure can count, an
event, a reporting or denial cue, a status, a qualifier, a topic, an institution or role, a generic
place head); each language file lists its words for it under ``concepts``. A form is a word or a
phrase; ``...`` in a phrase lets up to two words sit between its neighbours ("belum ...
ditemukan" matches "belum berhasil ditemukan"). A word of the text matches a form's word as
written (lower-cased, accents folded) or through its light stem (`stem`), so "dievakuasi" finds
"evakuasi" and "killed" finds "kill".

`find_concepts` returns the hits of one text, longest phrase first and never overlapping;
`content_terms` turns a text into the language-neutral keys linking compares: concept keys for
what the vocabulary knows, stems for the other content words.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from factcheck.core.text import languages
from factcheck.core.text.words import Tokens

GAP = "..."
GAP_REACH = 2
EXACT_TYPES = frozenset({"status", "role", "place", "direction", "institution"})
"""Concept types matched on words as written, never through a stem."""
"""How many words a ``...`` in a phrase may stand for."""
_VOWELS = frozenset("aeiou")


@dataclass(frozen=True, slots=True)
class Concept:
    """One entry of the catalogue."""

    key: str
    type: str
    """``measure``, ``event``, ``report``, ``deny``, ``status``, ``qualifier``, ``topic``,
    ``institution``, ``role``, ``place`` or ``direction``."""
    running: bool = False
    """A count that grows while an event unfolds (a later, different figure is an update)."""
    unit: str | None = None
    """The kind of unit a measure takes (``people``, ``currency``, ``percent``, ``m``...)."""
    weak: bool = False
    """A measure another measure word near the same figure overrides ("found" before "dead")."""
    broader: str | None = None
    """A concept this one is a kind of ("missile" -> "weapons"): its key is a term too."""
    group: str | None = None
    """For a status: the state it is one value of (``subsidy``, ``alert_level``)."""
    value: float | None = None
    """For a status: its value in the group ("nonsubsidi" is 0, "waspada" is level 2)."""


@dataclass(frozen=True, slots=True)
class ConceptHit:
    """One concept found in a text: which, and which words (token indexes, end exclusive).

    A form that belongs to several concepts ("erupsi" is an event and, after a number, what is
    counted) gives one hit per concept over the same words.
    """

    key: str
    first: int
    last: int
    start: int
    """Character offset of its first word."""
    end: int


def fold(word: str) -> str:
    """Lower-case ``word`` and strip accents (``Asy’ari`` -> ``asy’ari``, ``é`` -> ``e``)."""
    word = word.lower()
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@cache
def catalogue() -> dict[str, Concept]:
    """Every concept of the vocabulary, by key."""
    path = resources.files(__package__) / "vocabulary.json"
    with path.open(encoding="utf-8") as handle:
        raw: dict[str, Any] = json.load(handle)
    return {
        key: Concept(key, str(d["type"]), bool(d.get("running", False)), d.get("unit"),
                     bool(d.get("weak", False)), d.get("broader"), d.get("group"),
                     d.get("value"))
        for key, d in raw["concepts"].items()
    }


def concept(key: str) -> Concept | None:
    """The catalogue entry of ``key``, or None."""
    return catalogue().get(key)


class Vocabulary:
    """The concept forms of one language, indexed by first word for a single pass over a text."""

    def __init__(self, code: str) -> None:
        self.code = code
        data = languages.load(code)
        self.forms: dict[str, list[str]] = dict(data.get("concepts", {}))
        self.function_words = frozenset(fold(w) for w in data.get("function_words", []))
        self.stopwords = self.function_words | frozenset(
            fold(w) for w in data.get("stopwords", [])
        )
        keys_of: dict[tuple[str, ...], list[str]] = {}
        known: set[str] = set()
        for key, forms in self.forms.items():
            for form in forms:
                # Folded as the text's words are: "G." (Gunung) is read as the word "g".
                words = tuple(w if w == GAP else fold(w).rstrip(".") or fold(w)
                              for w in form.split())
                if not words or words[0] == GAP:
                    continue
                if key not in keys_of.setdefault(words, []):
                    keys_of[words].append(key)
                known.update(w for w in words if w != GAP)
        index: dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]] = {}
        for words, keys in keys_of.items():
            index.setdefault(words[0], []).append((words, tuple(keys)))
        for entries in index.values():
            entries.sort(key=lambda e: -len(e[0]))
        self._index = index
        self.known = frozenset(known)
        kinds = catalogue()
        self.exact = frozenset(k for k in self.forms if (c := kinds.get(k)) is not None
                               and c.type in EXACT_TYPES)

    def stem(self, word: str) -> str:
        """The light stem of a folded word in this language (see `stem`)."""
        return stem(word, self.code, self.known)

    def find(self, toks: Tokens) -> list[ConceptHit]:
        """The concepts of ``toks``, in text order, longest phrase first, never overlapping.

        A word matches through its stem only forms of concepts whose words inflect (events,
        measures, topics...); a status, role, place or direction must be written as listed
        ("mengawasi", to supervise, is no "awas" alert level).
        """
        low = [fold(w) for w in toks.low]
        stems = [self.stem(w) if len(w) > 3 and w.isalpha() else w for w in low]
        hits: list[ConceptHit] = []
        i = 0
        n = len(low)
        while i < n:
            best: tuple[int, tuple[str, ...]] | None = None
            for first in dict.fromkeys((low[i], stems[i])):
                for words, keys in self._index.get(first, ()):
                    end = _match(words, low, stems, i)
                    if end is not None and (best is None or end > best[0]):
                        best = (end, keys)
                if best is not None:
                    break
            if best is None:
                i += 1
                continue
            end, keys = best
            if stems[i] != low[i] and low[i] not in self.known:
                keys = tuple(k for k in keys if k not in self.exact)
                if not keys:
                    i += 1
                    continue
            hits.extend(ConceptHit(key, i, end, toks.starts[i], toks.ends[end - 1])
                        for key in keys)
            i = end
        return hits


def _match(words: tuple[str, ...], low: list[str], stems: list[str], i: int) -> int | None:
    """Index one past the last word of ``words`` matched at ``i``, or None."""
    j = i
    k = 0
    while k < len(words):
        w = words[k]
        if w == GAP:
            nxt = words[k + 1]
            for skip in range(GAP_REACH + 1):
                if j + skip < len(low) and nxt in (low[j + skip], stems[j + skip]):
                    j += skip
                    break
            else:
                return None
            k += 1
            continue
        if j >= len(low) or w not in (low[j], stems[j]):
            return None
        j += 1
        k += 1
    return j


@cache
def vocabulary(code: str) -> Vocabulary:
    """The compiled concept forms of language ``code``."""
    return Vocabulary(code)


def find_concepts(toks: Tokens, code: str) -> list[ConceptHit]:
    """The concepts of a text in language ``code`` (see `Vocabulary.find`)."""
    return vocabulary(code).find(toks)


def content_terms(toks: Tokens, code: str, hits: list[ConceptHit] | None = None,
                  skip: frozenset[int] = frozenset(),
                  window: tuple[int, int] | None = None) -> set[str]:
    """Language-neutral keys of a text's content: ``t:<concept>`` and ``w:<stem>``.

    Words inside a concept phrase count as the concept only; function words, numbers and the
    token indexes in ``skip`` (names, figures, dates already read) are left out; with
    ``window`` (first, last token index), only the words in it are read.
    """
    vocab = vocabulary(code)
    hits = vocab.find(toks) if hits is None else hits
    out = {"t:" + h.key for h in hits}
    kinds = catalogue()
    for h in hits:
        concept = kinds.get(h.key)
        if concept is not None and concept.broader:
            out.add("t:" + concept.broader)
    covered = {i for h in hits for i in range(h.first, h.last)}
    first, last = window if window is not None else (0, len(toks.low))
    for i in range(first, last):
        word = toks.low[i]
        if i in covered or i in skip:
            continue
        w = fold(word)
        if len(w) < 3 or not w.replace("-", "").isalpha() or w in vocab.stopwords:
            continue
        out.add("w:" + vocab.stem(w))
    return out


def _strip_suffix(word: str, allow_i: bool) -> list[str]:
    out = [word]
    for suffix in ("kan", "an") + (("i",) if allow_i else ()):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            out.append(word[: -len(suffix)])
    return out


def _prefix_candidates(w: str) -> list[str]:
    """Roots an Indonesian prefixed word may come from, most likely first."""
    out: list[str] = []
    if w.startswith("meny") and len(w) > 5 and w[4] in _VOWELS:
        out += ["s" + w[4:]]
    elif w.startswith(("memper", "diper")):
        out += [w[w.index("per") + 3:], w[w.index("per") + 1:]]
    elif w.startswith("meng") and len(w) > 5:
        out += [w[4:], "k" + w[4:]] if w[4] in _VOWELS else [w[4:]]
    elif w.startswith("mem") and len(w) > 4:
        out += ["p" + w[3:], w[3:]] if w[3] in _VOWELS else [w[3:]]
    elif w.startswith("men") and len(w) > 4:
        out += ["t" + w[3:], w[2:]] if w[3] in _VOWELS else [w[3:]]
    elif w.startswith("me") and len(w) > 4 and w[2] in "lmnrwy":
        out += [w[2:]]
    elif w.startswith("peny") and len(w) > 5 and w[4] in _VOWELS:
        out += ["s" + w[4:]]
    elif w.startswith("peng") and len(w) > 5:
        out += [w[4:], "k" + w[4:]]
    elif w.startswith("pem") and len(w) > 4:
        out += ["p" + w[3:], w[3:]] if w[3] in _VOWELS else [w[3:]]
    elif w.startswith("pen") and len(w) > 4:
        out += ["t" + w[3:], w[3:]] if w[3] in _VOWELS else [w[3:]]
    for prefix in ("di", "ter", "ber", "per", "ke", "pe", "be", "se"):
        if w.startswith(prefix) and len(w) - len(prefix) >= 4:
            out.append(w[len(prefix):])
    return out


@lru_cache(maxsize=200_000)
def stem(word: str, code: str | None, known: frozenset[str] = frozenset()) -> str:
    """A light stem of a folded word.

    Indonesian: particles (-lah, -kah, -nya), prefixes (me-, mem-, men-, meng-, meny-, ber-, di-,
    ter-, pe-, per-, ke-, se-) and suffixes (-kan, -an, -i), preferring a root the vocabulary
    knows (``memasok`` -> ``pasok``); English: inflections (-s, -es, -ies, -ed, -ing).
    """
    if word in known or len(word) <= 3 or not word.isalpha():
        return word
    if code == "en":
        return _stem_en(word, known)
    base = word
    for particle in ("lah", "kah", "nya"):
        if base.endswith(particle) and len(base) - len(particle) >= 5:
            base = base[: -len(particle)]
            break
    if base in known:
        return base
    prefixed = _prefix_candidates(base)
    allow_i = bool(prefixed)
    for cand in (c for p in [base, *prefixed] for c in _strip_suffix(p, allow_i)):
        if cand in known:
            return cand
    # An unknown root: strip only the verbal prefixes (me-, di-, ber-), which are never part of
    # a name or a loanword; "pertalite" or "sekolah" stay whole.
    verbal = base.startswith(("me", "di", "ber"))
    root = prefixed[0] if verbal and prefixed and len(prefixed[0]) >= 4 else base
    for suffix in ("kan", "an", "i") if allow_i else ("kan", "an"):
        if root.endswith(suffix) and len(root) - len(suffix) >= 4:
            return root[: -len(suffix)]
    return root


def _stem_en(word: str, known: frozenset[str]) -> str:
    for suffix, repl in (("ies", "y"), ("ied", "y"), ("sses", "ss"), ("es", ""), ("s", ""),
                         ("ing", ""), ("ed", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            if suffix == "s" and word.endswith(("ss", "us", "is")):
                continue
            cand = word[: -len(suffix)] + repl
            if suffix == "es" and cand not in known and not word.endswith(
                ("ches", "shes", "xes", "sses", "zes")
            ):
                cand = word[:-1]
            if suffix in ("ing", "ed") and cand not in known and cand + "e" in known:
                cand += "e"
            return cand
    return word
