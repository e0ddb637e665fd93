"""Who says what: reporting verbs, their speakers, and quoted spans.

Three shapes, all driven by the lexicon's word lists:

* verb then speaker after a comma or closing quote: ``..., kata X``, ``..." ujar X``, ``demikian
  ungkap X``, ``..., said X``; passive agents: ``dinilai X``;
* a preposition: ``menurut X``, ``according to X``;
* speaker then verb: ``X mengatakan (bahwa)``, ``X said``, ``X told reporters`` -- the speaker is
  the noun phrase right before the verb (auxiliaries such as ``telah``, ``berulang kali``, ``has``
  skipped).

A speaker phrase is cleaned to a name where the text makes it clear (``juru bicara Kremlin Dmitry
Peskov`` -> ``Dmitry Peskov``; ``penasihat ... Putin, Yuri Ushakov`` -> ``Yuri Ushakov``) and kept
as written otherwise (``militer Korea Selatan dan pemerintah Jepang``). Pronouns and anaphora
(``Ia``, ``katanya``, ``Presiden itu``, ``He``, ``the president``) come back as anaphoric: the
claims stage resolves them against earlier sentences.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.core.extract.window import SpanSet
from factcheck.core.text.lang import Lang, compiled, tokens
from factcheck.core.text.names import capitalised, person_name

_TOKENS = re.compile(r"(?:[A-Z]\.){2,}|[\w'’-]+(?:\.[\w'’-]+)*|[^\w\s]")
_SEGMENT = re.compile(r"[^,.;:()\[\]“”\"«»!?\n]+")
_NAME_RUN = re.compile(r"[A-Z][\w'’.-]*(?:[ \t][A-Z][\w'’.-]*)*")
_MAX_SPEAKER_WORDS = 10
_COMPLEMENTIZER_REACH = 4
_INITIALS = 2
"""All-capital words up to this long can be initials in a name (``ST Burhanuddin``)."""
_CLAUSE_END = re.compile(r"\s*(?:[.,;!]|$)")
_CLAUSE_FINAL_WORDS = 5
"""``menyatakan keprihatinannya bahwa ...``: "bahwa"/"that" may come a few words after the verb."""
_WORDS = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
_QUOTE_MARKS = re.compile(r"[“”«»\u201e\"]")
_OPEN_QUOTES = "“«\u201e"
_CLOSE_QUOTES = "”»"


@dataclass(frozen=True, slots=True)
class Attribution:
    """A reporting verb and its speaker in one sentence."""

    speaker: str | None
    """The cleaned speaker; None when the phrase is a pronoun or anaphora (resolve it)."""
    phrase: str
    """The speaker phrase as written."""
    start: int
    end: int
    verb: str
    anaphoric: bool
    content_start: int
    """Start of what is reported (after ``bahwa``/``that`` or the sentence start)."""
    content_end: int


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Spans of direct quotations (the quote marks included); an unclosed quote runs to the end,
    a closing quote without an opening one starts at the beginning (a quote split across
    sentences)."""
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    for m in _QUOTE_MARKS.finditer(text):
        c, i = m.group(0), m.start()
        if c in _OPEN_QUOTES or (c == '"' and open_at is None):
            if open_at is None:
                open_at = i
        else:
            spans.append((0 if open_at is None else open_at, i + 1))
            open_at = None
    if open_at is not None:
        spans.append((open_at, len(text)))
    return spans


def _inside(pos: int, spans: SpanSet) -> bool:
    return pos in spans


def strip_auxiliaries(text: str, lex: Lang) -> str:
    """``text`` without the auxiliaries and adverbs that end it (``telah berulang kali``)."""
    text = text.rstrip()
    found = list(_WORDS.finditer(text))
    while found and found[-1].end() == len(text):
        k = lex.auxiliaries.tail([m.group(0) for m in found])
        if not k:
            break
        text = text[: found[-k].start()].rstrip()
        found = found[:-k]
    return text


PHRASE_REACH = 240
"""Characters before a verb in which its speaker's noun phrase is looked for."""
SEGMENT_REACH = 400
"""Characters after a verb in which its speaker's phrase must end (a phrase of ten words at
most): a text without punctuation is not read to its end for every verb in it."""


def noun_phrase_before(text: str, pos: int, lang: str, lo: int = 0) -> tuple[int, int] | None:
    """The noun phrase (a speaker or subject) that ends right before ``pos``."""
    lex = compiled(lang)
    if pos - lo > PHRASE_REACH:
        # A speaker is a few words: read back a bounded stretch, from a word boundary, so the
        # work does not grow with a sentence that never ends.
        start = text.find(" ", pos - PHRASE_REACH)
        lo = start + 1 if 0 <= start < pos else pos - PHRASE_REACH
    # "juru bicara Kremlin, Dmitry Peskov, telah mengkonfirmasi": the comma closes an apposition.
    prefix = strip_auxiliaries(text[lo:pos], lex).rstrip(",")
    tokens = list(_TOKENS.finditer(prefix))
    if tokens and tokens[-1].group(0).lower() in lex.relativizers:
        # "Bagi Putin, yang mengatakan ...": the speaker is the phrase before ", yang".
        before = prefix[: tokens[-1].start()].rstrip().rstrip(",")
        return noun_phrase_before(text, lo + len(before), lang, lo) if before else None
    taken: list[re.Match[str]] = []
    for tok in reversed(tokens):
        word = tok.group(0)
        low = word.lower()
        if not word[0].isalnum():
            break
        if not taken and (low in lex.pronouns or low in lex.plural_pronouns):
            taken = [tok]
            break
        if not taken and low in lex.anaphora_after:
            taken.append(tok)
            continue
        if capitalised(word):
            if low in lex.openers and low not in lex.titles and low not in lex.role_words:
                break
            taken.append(tok)
            continue
        if low in lex.role_words or low in lex.titles or low in lex.name_connectors:
            taken.append(tok)
            continue
        if low in lex.determiners or low in lex.anaphora_before:
            taken.append(tok)
        break
    taken.reverse()
    while taken and taken[0].group(0).lower() in lex.conjunctions:
        taken = taken[1:]
    if not taken or len(taken) > _MAX_SPEAKER_WORDS:
        return None
    return lo + taken[0].start(), lo + taken[-1].end()


def _clause_final_subject(text: str, verb_start: int, verb_end: int) -> tuple[int, int] | None:
    """``..., the statistics bureau said.``: a verb that ends its clause has as speaker the few
    words between the comma or quote before it and the verb."""
    if not _CLAUSE_END.match(text, verb_end):
        return None
    # The few words sit within a bounded stretch before the verb: no need to look further back.
    reach = max(0, verb_start - PHRASE_REACH)
    start = max(text.rfind(c, reach, verb_start) for c in ",;:”\"")
    segment = text[start + 1:verb_start]
    if start < 0 or not 0 < len(segment.split()) <= _CLAUSE_FINAL_WORDS:
        return None
    lead = len(segment) - len(segment.lstrip())
    return start + 1 + lead, verb_start - (len(segment) - len(segment.rstrip()))


def _apposed_name(text: str, verb_start: int, verb_end: int, lex: Lang
                  ) -> tuple[int, int] | None:
    """``"...," John Smith, the agency's spokesman, said.``; ``Jokowi, as the president is
    known, said``: a verb that ends its clause right after an aside set off by commas has as
    speaker the name before the aside."""
    if not _CLAUSE_END.match(text, verb_end):
        return None
    offset = max(0, verb_start - PHRASE_REACH)
    before = text[offset:verb_start].rstrip()
    if not before.endswith(","):
        return None
    comma = before.rfind(",", 0, len(before) - 1)
    if comma < 0 or not 0 < len(before[comma + 1:-1].split()) <= _ASIDE_WORDS:
        return None
    start = max(before.rfind(c, 0, comma) for c in ",;:”\"")
    segment = before[start + 1:comma]
    name = segment.strip()
    if start < 0 or not name or not _is_name(name, lex) or len(name.split()) > _NAME_WORDS:
        return None
    lead = len(segment) - len(segment.lstrip())
    return offset + start + 1 + lead, offset + start + 1 + lead + len(name)


_ASIDE_WORDS = 8
_NAME_WORDS = 4


def phrase_after(text: str, pos: int, lang: str) -> tuple[int, int] | None:
    """The speaker phrase that starts at ``pos`` (``kata X``), up to punctuation or a clause word;
    a role followed by an apposed name (``penasihat Putin, Yuri Ushakov``) gives the name."""
    lex = compiled(lang)
    span = _name_run(text, pos, lex) or _segment(text, pos, lex)
    if span is None:
        return None
    start, end = span
    words = text[start:end].split()
    is_role = not capitalised(words[0]) or any(w.lower() in lex.titles for w in words)
    if is_role and end < len(text) and text[end] == ",":
        nxt = _segment(text, end + 1, lex)
        if nxt and _is_name(text[nxt[0]:nxt[1]], lex):
            return nxt  # "penasihat ... Putin, Yuri Ushakov"; "Ketua Umum Perpadi, Sutarto"
    return span


def _name_run(text: str, pos: int, lex: Lang) -> tuple[int, int] | None:
    """A capitalised name starting at ``pos`` (titles and name connectors allowed inside:
    ``Kremlin spokesman Dmitry Peskov``); None when ``pos`` does not start with a capital."""
    tokens = list(_TOKENS.finditer(text, pos, min(len(text), pos + 200)))
    if not tokens or not tokens[0].group(0)[:1].isupper():
        return None
    end = None
    for i, tok in enumerate(tokens[:_MAX_SPEAKER_WORDS]):
        word = tok.group(0)
        if text[tokens[i - 1].end():tok.start()].strip() if i else False:
            break  # punctuation between the words
        if capitalised(word) and word[0].isalpha():
            end = tok.end()
            continue
        low = word.lower()
        if low in lex.role_words:
            end = tok.end()  # "according to Ukrainian officials"
            continue
        if (low in lex.titles and low not in lex.function_words) or low in lex.name_connectors:
            continue  # not "dalam" in lower case: "ujar Jokowi dalam konferensi pers" ends
        break
    return (tokens[0].start(), end) if end is not None else None


def _segment(text: str, pos: int, lex: Lang) -> tuple[int, int] | None:
    m = _SEGMENT.match(text, pos, pos + SEGMENT_REACH)
    if not m or m.end() == pos + SEGMENT_REACH < len(text):
        return None  # no punctuation for hundreds of characters: no speaker phrase
    start = m.start() + len(m.group(0)) - len(m.group(0).lstrip())
    end = m.end()
    for a, _ in lex.clause_stop.spans(tokens(text), start, end):
        if a > start and not text[a].isupper():
            end = a
            break
    while end > start and text[end - 1].isspace():
        end -= 1
    words = text[start:end].split()
    if not words or len(words) > _MAX_SPEAKER_WORDS:
        return None
    return start, end


def _is_name(phrase: str, lex: Lang) -> bool:
    words = phrase.split()
    return 0 < len(words) <= 5 and all(
        capitalised(w) or w.lower() in lex.name_connectors for w in words
    )


def is_anaphoric(phrase: str, lang: str) -> bool:
    """True for a pronoun or a definite description (``Ia``, ``Presiden itu``, ``the
    president``)."""
    lex = compiled(lang)
    words = [w.lower() for w in phrase.split()]
    if not words:
        return False
    if len(words) == 1:
        w = words[0]
        return w in lex.pronouns or w in lex.plural_pronouns or w in lex.reporting_pronouns
    if words[-1] in lex.anaphora_after and all(
        w in lex.titles or w in lex.role_words for w in words[:-1]
    ):
        return True
    original = phrase.split()
    # "the president": a title with a definite article (not "the statistics bureau").
    return words[0] in lex.anaphora_before and all(
        w in lex.titles and not o[:1].isupper()
        for w, o in zip(words[1:], original[1:], strict=True)
    )


def _strip_known_prefix(tokens: list[str], lex: Lang) -> list[str]:
    """Drop a leading place, institution or acronym (``Kremlin Dmitry Peskov`` -> ``Dmitry
    Peskov``, ``DKI Jakarta Heru Budi Hartono`` -> ``Heru Budi Hartono``) when a name of two words
    or more is left."""
    size = lex.is_org_prefix(tokens)
    return tokens[size:] if size and len(tokens) - size >= 2 else tokens


def clean_speaker(phrase: str, lang: str) -> str | None:
    """The speaker's name where the phrase makes it clear, else the phrase (minus determiners);
    None for pronouns and anaphora."""
    lex = compiled(lang)
    if is_anaphoric(phrase, lang):
        return None
    words = phrase.split()
    while words and words[0].lower() in lex.determiners and len(words) > 1:
        words = words[1:]
    if not words:
        return None
    if any(w.lower() in lex.conjunctions for w in words):
        return " ".join(words)
    i = len(words)
    while i > 0 and (capitalised(words[i - 1]) or words[i - 1].lower() in lex.name_connectors):
        i -= 1
    head, run = words[:i], words[i:]
    if not run:
        return " ".join(words)
    # Titles written capitalised inside the run: keep what follows the last one if it is a name.
    titles = [k for k, w in enumerate(run) if w.lower() in lex.titles]
    if titles:
        after = run[titles[-1] + 1:]
        # "Kepala BNPB Suharyanto", "Gubernur Sumatera Barat Mahyeldi", "Presiden Jokowi": after
        # a title and the agency or place it heads, one word is the person's name.
        size = lex.is_org_prefix(after) if len(after) > 1 else 0
        if size == 1 and len(after[0]) < _AGENCY_LETTERS and after[0].isupper():
            size = 0  # "Jaksa Agung ST Burhanuddin": two capitals are initials
        rest = after[size:]
        if len(rest) == 1 and _one_word_name(rest[0], lex):
            return rest[0]
        after = _strip_known_prefix(after, lex)
        if person_name(after, lex):
            return " ".join(after)
    name = _strip_known_prefix(run, lex)
    if head and not person_name(name, lex):
        return " ".join(words)  # "juru bicara Kremlin", "pejabat Ukraina": the role is the speaker
    return " ".join(name)


_AGENCY_LETTERS = 3
"""Letters of the shortest acronym read as an agency before a name (BNPB, KPU; not "ST")."""


def _one_word_name(word: str, lex: Lang) -> bool:
    """A single capitalised word that can be a person's name (not an acronym, a title, a place
    or a word of the vocabulary)."""
    low = word.lower()
    return (capitalised(word) and word[0].isalpha() and not word.isupper()
            and low not in lex.titles and low not in lex.role_words
            and low not in lex.function_words and not lex.is_place(word))


def find_attribution(
    text: str, lang: str, quotes: list[tuple[int, int]] | None = None
) -> Attribution | None:
    """The sentence's reporting verb and speaker, or None.

    An explicit speaker wins over a pronoun; among explicit ones the order is: after the verb
    (``kata X``), after a preposition (``menurut X``), a passive agent, before the verb.
    """
    lex = compiled(lang)
    toks = tokens(text)
    if lex.reporting_cues.isdisjoint(toks.vocab):
        return None
    quoted = SpanSet(quote_spans(text) if quotes is None else quotes)
    found: list[tuple[int, Attribution]] = []

    def add(rank: int, verb: str, span: tuple[int, int] | None, content: tuple[int, int]) -> None:
        if span is None:
            return
        phrase = text[span[0]:span[1]]
        speaker = clean_speaker(phrase, lang)
        anaphoric = speaker is None
        found.append((rank + (10 if anaphoric else 0), Attribution(
            speaker=speaker, phrase=phrase, start=span[0], end=span[1], verb=verb,
            anaphoric=anaphoric, content_start=content[0], content_end=content[1],
        )))

    for m in lex.reporting_post.finditer(text):
        if not _inside(m.start("verb"), quoted):
            add(0, m.group("verb"), phrase_after(text, m.end("verb"), lang), (0, m.start()))
    for a, b in lex.reporting_prep.spans(toks):
        if not _inside(a, quoted):
            span = phrase_after(text, b, lang)
            add(1, text[a:b], span, (span[1] if span else b, len(text)))
    passive = not lex.passive_verbs.isdisjoint(toks.vocab)
    for m in lex.reporting_passive.finditer(text) if passive else ():
        name = _NAME_RUN.match(text, m.end())
        if name and not _inside(m.start(), quoted):
            # "... disampaikan Kepala Basarnas Abdul Malik.": the full stop ends the sentence,
            # not the name (an initial's dot inside it stays).
            end = name.end() - 1 if text[name.end() - 1] == "." and name.end() >= len(
                text.rstrip()) else name.end()
            add(2, m.group("verb"), (name.start(), end), (0, len(text)))
    for a, b in lex.reporting_after.spans(toks):
        i = toks.first_at(a)
        if _inside(a, quoted) or (i and toks.low[i - 1] in lex.determiners):
            continue  # "the claims", "the reports": a noun, not a verb
        content = b
        i = toks.first_at(b)
        for j in range(i, min(i + _COMPLEMENTIZER_REACH, len(toks.low))):
            if lex.complementizer.has(toks.low[j]):
                content = toks.ends[j]
                break
        span = (_apposed_name(text, a, b, lex) or noun_phrase_before(text, a, lang)
                or _clause_final_subject(text, a, b))
        add(3, text[a:b], span, (content, len(text)))
    suffixed = lex.reporting_pronouns & toks.vocab
    for word, a, b in zip(toks.low, toks.starts, toks.ends, strict=True) if suffixed else ():
        if word in suffixed and not _inside(a, quoted):
            k = a  # the end of the text before the word, white space left out
            while k and text[k - 1].isspace():
                k -= 1
            if not k or text[k - 1] in ",;:”\"’":
                add(4, text[a:b], (a, b), (0, k))
    if not found:
        return None
    found.sort(key=lambda pair: (pair[0], pair[1].start))
    return found[0][1]
