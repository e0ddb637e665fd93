"""Event frames: who does what to whom, so reports of different events stay apart.

"North Korea fired two missiles" and "about 50 missiles were sent to Russia by North Korea" share
most of their words (North Korea, missile, a figure) but not their event: one is a launch, the
other a supply. A `Frame` is read around each action word (a concept listed under
``frames.actions`` in ``lexicon.json``):

* before an active verb ("Korea Utara *memasok*", "North Korea *supplied*"), the entities of its
  clause are the doer (``source``); before a passive one ("Korea Utara, yang *didirikan*") they
  are what it was done to (``target``); a noun ("*pengiriman* rudal") looks only ahead;
* after the action word, the preposition in front of an entity gives its role: ``oleh``/``dari``/
  ``by``/``from`` the source, ``ke``/``kepada``/``to``/``into`` the target, ``di``/``in``/``with``
  no role (but ``bertemu dengan``/``met with`` names the other party); a bare entity is the
  object of an active verb, the doer after a passive one;
* a name that only describes someone else ("ayah Kim Jong-un", "Kim's sister") takes no role.

The clause ends at a conjunction, a reporting verb or a pronoun (``bahwa``, ``said``, ``dia``).
Two mentions describe the same event when they share an action whose doers and receivers, where
both state them, overlap; `compare` says ``same``, ``different`` (no shared action, or the same
action by or to different entities) or ``unknown`` (one has no frame).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from factcheck.core.link.lexicon import Lexicon, lexicon
from factcheck.core.link.terms import Token, token_concepts

BACKWARD = 8
FORWARD = 10
_ID_PREFIXES = ("di", "ter", "me", "ber", "pe")
_INFINITIVE = frozenset({"untuk", "to", "guna"})
"""An action word after these has no subject of its own ("undangan Kim untuk berkunjung")."""
_ARTICLES = frozenset({"the", "a", "an", "its", "his", "her", "their", "our", "s"})

Relation = Literal["same", "different", "unknown"]


@dataclass(frozen=True, slots=True)
class Frame:
    """One action and the entities around it, by role (feature keys: ``e:russia``)."""

    action: str
    source: frozenset[str] = frozenset()
    target: frozenset[str] = frozenset()
    other: frozenset[str] = frozenset()

    @property
    def entities(self) -> frozenset[str]:
        """Every entity of the frame, whatever its role."""
        return self.source | self.target | self.other


def _voice(lows: list[str], i: int, language: str | None, lex: Lexicon) -> str:
    """``active``, ``passive`` or ``nominal`` for the action word at ``i``."""
    low = lows[i]
    if language == "id" or (language != "en" and low.startswith(_ID_PREFIXES)):
        if low.startswith(("di", "ter")):
            return "passive"
        if low.endswith(("nya", "an")) and not low.startswith("me"):
            return "nominal"
        if low.startswith("pe") and not low.startswith("per"):
            return "nominal"
        return "active"
    previous = lows[i - 1] if i else ""
    if previous in _ARTICLES or low.endswith(lex.frames.nominal_suffixes_en):
        return "nominal"
    if previous in lex.frames.passive_aux or (i > 1 and lows[i - 2] in lex.frames.passive_aux
                                              and previous.endswith("ly")):
        return "passive"
    return "active"


def find_frames(
    tokens: list[Token], entity_spans: list[tuple[int, int, str]], language: str | None
) -> tuple[Frame, ...]:
    """The frames of a text, given its tokens and its entities' token spans."""
    lex = lexicon()
    words = lex.frames
    lows = [t.low for t in tokens]
    span_at: dict[int, tuple[int, int, str]] = {}
    for span in entity_spans:
        for j in range(span[0], span[1]):
            span_at[j] = span
    described = {span for span in entity_spans if _kin(tokens, span, words.kinship)}
    concepts = token_concepts(tokens, language)
    frames: list[Frame] = []
    for i, concept in enumerate(concepts):
        if concept is None or concept not in words.actions or tokens[i].hyphen_before:
            continue  # "Iranian-made drones": a compound adjective, not an event
        voice = _voice(lows, i, language, lex)
        roles: dict[str, set[str]] = {"source": set(), "target": set(), "other": set()}
        if voice != "nominal" and (i == 0 or lows[i - 1] not in _INFINITIVE):
            before = "source" if voice == "active" else "target"
            j = i - 1
            while j >= 0 and i - j <= BACKWARD:
                behind = span_at.get(j)
                if behind is not None:
                    preposition = lows[behind[0] - 1] if behind[0] else ""
                    if preposition not in words.roles and behind not in described:
                        roles[before].add(behind[2])
                    if tokens[behind[0]].after_break and roles[before]:
                        break  # "Setelah Korea Utara, Putin akan ...": the subject is found
                    j = behind[0] - 1
                    continue
                c = concepts[j]
                if lows[j] in words.boundaries or c in words.actions or c in words.reporting:
                    break
                j -= 1
        role: str | None = None
        j = i + 1
        while j < len(lows) and j - i <= FORWARD:
            ahead = span_at.get(j)
            if ahead is not None:
                if ahead not in described:
                    bare = {"active": "target", "passive": "source", "nominal": "other"}[voice]
                    roles[role or bare].add(ahead[2])
                j = ahead[1]
                continue
            c = concepts[j]
            if lows[j] in words.boundaries or c in words.actions or c in words.reporting:
                break
            if concept in words.co_party_actions and lows[j] in words.co_party_preps:
                role = "target"  # "bertemu dengan Kim": the other party
            else:
                role = words.roles.get(lows[j], role)
            j += 1
        frames.append(Frame(concept, frozenset(roles["source"]), frozenset(roles["target"]),
                            frozenset(roles["other"])))
    return tuple(frames)


def _kin(tokens: list[Token], span: tuple[int, int, str], kinship: frozenset[str]) -> bool:
    """True for a name that only describes someone else ("ayah Kim", "Kim's sister").

    A name set off by a comma after the kinship word is that relative ("his father, Kim").
    """
    start, end, _key = span
    if start and tokens[start - 1].low in kinship and not tokens[start].after_break:
        return True
    after = [t.low for t in tokens[end : end + 2]]
    if after and after[0] == "s":  # "Kim's sister"
        after = after[1:]
    return bool(after) and after[0] in kinship


def frame_keys(frames: tuple[Frame, ...]) -> set[str]:
    """Feature keys tying each action to its entities, whatever their role."""
    return {f"r:{f.action}|{entity}" for f in frames for entity in f.entities}


def _clash(a: Frame, b: Frame) -> bool:
    if a.source and b.source and not a.source & b.source:
        return True
    return bool(a.target and b.target and not a.target & b.target)


def compare(a: tuple[Frame, ...], b: tuple[Frame, ...]) -> Relation:
    """Whether two mentions' frames describe the same event (see the module docstring)."""
    if not a or not b:
        return "unknown"
    for fa in a:
        for fb in b:
            if fa.action == fb.action and not _clash(fa, fb):
                return "same"
    return "different"
