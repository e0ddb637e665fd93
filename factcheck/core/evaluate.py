"""Scoring a run of the pipeline against gold claims and relations, as the corpus README defines
it (and as its reference scorer, ``corpus/score.py``, computes it).

The input is what a user exports (``factcheck export --format json``): every tracked claim with its
passages (id, text, article file, link state) and its conflicts. Passages are located in the
article by their text, not by the tool's offsets, exactly as the reference scorer does:

* a gold claim is found when a passage of the same article covers at least half of the gold
  sentence and is at most three times its length (plus 40 characters);
* precision is the share of distinct located passages that stand for some gold claim that way;
* a gold relation is found when passages standing for both claims sit in one tracked claim
  (suggested links count); a ``contradict`` pair also needs a conflict of that claim naming a
  passage of each side;
* link precision: of the pairs of passages of different articles inside one tracked claim that
  both stand for gold claims, the share whose gold claims are related;
* a furniture leak is a gold ``boilerplate`` string inside any passage.

Both gold layouts are read: ``seeds-gold.json`` (claims, relations, boilerplate in one file) and
the list layout (``dev/gold.json``, a list of claims, with ``dev/relations.json``). Beyond the
reference figures this module breaks relation recall down per story and per fact cluster (the
connected groups of related gold claims) and scores the candidates a reviewer is shown.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

_QUOTES = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'",
                         "\u00a0": " ", "\u2013": "-", "\u2014": "-", "\u00ad": ""})
SOURCE_LINE = "# source:"
"""Lines of a corpus file that hold its address, not its text."""
COVER = 0.5
LENGTH_RATIO = 3
LENGTH_SLACK = 40


def norm(text: str) -> str:
    """Text as the scorer compares it: NFC, straight quotes and dashes, single spaces."""
    text = unicodedata.normalize("NFC", text).translate(_QUOTES)
    return re.sub(r"\s+", " ", text).strip()


@dataclass
class Gold:
    """Gold claims, relations and page furniture of one corpus."""

    claims: list[dict[str, Any]]
    relations: list[dict[str, Any]] = field(default_factory=list)
    boilerplate: dict[str, list[str]] = field(default_factory=dict)


def load_gold(path: str | Path, relations: str | Path | None = None) -> Gold:
    """Read a gold file in either layout, and a separate relations file if given."""
    raw = json.loads(Path(path).read_text(encoding="utf-8"))
    if isinstance(raw, dict):
        gold = Gold(list(raw.get("claims", [])), list(raw.get("relations", [])),
                    dict(raw.get("boilerplate", {})))
    elif isinstance(raw, list):
        gold = Gold(list(raw))
    else:
        raise ValueError("expected a gold object or a list of claims")
    if relations is not None:
        rel = json.loads(Path(relations).read_text(encoding="utf-8"))
        gold.relations = list(rel if isinstance(rel, list) else rel.get("relations", []))
    for claim in gold.claims:
        if not {"id", "article", "sentence"} <= set(claim):
            raise ValueError("every gold claim needs an id, an article and a sentence")
    return gold


def corpus_texts(folder: str | Path) -> dict[str, str]:
    """Each corpus file's text as the scorer reads it (address lines removed, normalized)."""
    out = {}
    for path in sorted(Path(folder).iterdir()):
        if path.is_file():
            text = path.read_text(encoding="utf-8", errors="replace")
            lines = (line for line in text.splitlines() if not line.startswith(SOURCE_LINE))
            out[path.name] = norm("\n".join(lines))
    return out


def _spans(text: str, needle: str) -> list[tuple[int, int]]:
    out, i = [], text.find(needle)
    while i >= 0 and needle:
        out.append((i, i + len(needle)))
        i = text.find(needle, i + 1)
    return out


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


PassageKey = tuple[str, str, str]
"""(tracked claim id, passage id, article file)."""


@dataclass
class Scoring:
    """The figures of one scoring (the reference scorer's last line, and more)."""

    claims_tool: int
    passages_located: int
    passages_unlocated: int
    recall: float
    precision: float
    leaks: list[tuple[str, str]]
    relations: int
    rel_recall: float
    agree_recall: float
    contra_recall: float
    link_precision: float
    linked_pairs: int
    by_kind: dict[str, tuple[int, int]]
    """Gold kind -> (gold claims, found)."""
    missed: list[str]
    relation_hits: dict[int, bool]
    """Index of each gold relation -> found."""
    found: dict[str, list[PassageKey]]
    """Gold claim id -> the passages that stand for it."""
    kind_agreement: float = 0.0

    def line(self) -> str:
        """The reference scorer's summary line."""
        figures = {
            "claims_tool": self.claims_tool, "passages_located": self.passages_located,
            "passages_unlocated": self.passages_unlocated, "recall": round(self.recall, 3),
            "precision": round(self.precision, 3), "leaks": len(self.leaks),
            "relations": self.relations, "rel_recall": round(self.rel_recall, 3),
            "agree_recall": round(self.agree_recall, 3),
            "contra_recall": round(self.contra_recall, 3),
            "link_precision": round(self.link_precision, 3), "linked_pairs": self.linked_pairs,
        }
        return " ".join(f"{k}={v}" for k, v in figures.items())


def score_export(export: Mapping[str, Any], gold: Gold, texts: Mapping[str, str], *,
                 settled_only: bool = False) -> Scoring:
    """Score a JSON export (see the module docstring).

    Args:
        export: ``factcheck export --format json`` as a dict.
        gold: The gold claims, relations and furniture.
        texts: `corpus_texts` of the corpus the export was built from.
        settled_only: Count only automatic and confirmed links (suggestions left out).
    """
    files = {s.get("id"): Path(str(s.get("file") or "")).name for s in export.get("sources", [])}
    loc: dict[PassageKey, tuple[str, tuple[int, int]] | None] = {}
    claim_pass: dict[str, list[PassageKey]] = {}
    all_passages: list[tuple[PassageKey, str]] = []
    kinds: dict[str, str] = {}
    unlocated = 0
    for c in export.get("claims", []):
        keys = []
        kinds[c.get("id")] = c.get("kind", "")
        for p in c.get("passages", []):
            if settled_only and p.get("link") == "suggested":
                continue
            f = Path(p["file"]).name if p.get("file") else files.get(p.get("source"), "")
            key = (c.get("id"), p.get("id"), f)
            t = norm(p.get("text", ""))
            located = _spans(texts.get(f, ""), t) if f in texts and t else []
            loc[key] = (f, located[0]) if located else None
            unlocated += not located
            keys.append(key)
            all_passages.append((key, t))
        claim_pass[c.get("id")] = keys

    def covers(key: PassageKey, g: Mapping[str, Any]) -> bool:
        where = loc.get(key)
        if where is None or where[0] != g["article"]:
            return False
        f, ps = where
        for gsp in _spans(texts.get(f, ""), norm(g["sentence"])):
            glen = gsp[1] - gsp[0]
            if (_overlap(ps, gsp) >= COVER * glen
                    and ps[1] - ps[0] <= LENGTH_RATIO * glen + LENGTH_SLACK):
                return True
        return False

    found = {g["id"]: [k for k in loc if covers(k, g)] for g in gold.claims}
    by_kind: dict[str, tuple[int, int]] = {}
    for g in gold.claims:
        n, hit = by_kind.get(g.get("kind", "other"), (0, 0))
        by_kind[g.get("kind", "other")] = (n + 1, hit + bool(found[g["id"]]))
    distinct: dict[tuple[str, tuple[int, int]], PassageKey] = {}
    for key, _t in all_passages:
        where = loc[key]
        if where is not None:
            distinct[where] = key
    good = sum(1 for (f, _s), key in distinct.items()
               if any(covers(key, g) for g in gold.claims if g["article"] == f))
    leaks = [(f, s) for f, strings in gold.boilerplate.items() for s in strings
             if any(s in t for _k, t in all_passages)]
    hits, n_agree, n_contra, hit_agree, hit_contra = _relations(export, gold, found,
                                                              claim_pass)
    pairs_all, pairs_right = _link_precision(gold, found, claim_pass)
    found_claims = [g for g in gold.claims if found[g["id"]]]
    agreeing = sum(1 for g in found_claims
                   if any(kinds.get(k[0]) == g.get("kind") for k in found[g["id"]]))
    n_rel = len(gold.relations)
    return Scoring(
        claims_tool=len(export.get("claims", [])), passages_located=len(distinct),
        passages_unlocated=unlocated,
        recall=len(found_claims) / max(1, len(gold.claims)),
        precision=good / max(1, len(distinct)), leaks=leaks, relations=n_rel,
        rel_recall=sum(hits.values()) / max(1, n_rel),
        agree_recall=hit_agree / max(1, n_agree), contra_recall=hit_contra / max(1, n_contra),
        link_precision=pairs_right / pairs_all if pairs_all else 1.0, linked_pairs=pairs_all,
        by_kind=dict(sorted(by_kind.items())),
        missed=[g["id"] for g in gold.claims if not found[g["id"]]],
        relation_hits=hits, found=found,
        kind_agreement=agreeing / len(found_claims) if found_claims else 1.0,
    )


def _relations(export: Mapping[str, Any], gold: Gold, found: Mapping[str, list[PassageKey]],
               claim_pass: Mapping[str, list[PassageKey]]
               ) -> tuple[dict[int, bool], int, int, int, int]:
    conf: dict[str, list[set[str]]] = {}
    for c in export.get("claims", []):
        for cf in c.get("conflicts", []):
            conf.setdefault(c.get("id"), []).append(set(cf.get("passages") or []))
    hits: dict[int, bool] = {}
    n_agree = n_contra = hit_agree = hit_contra = 0
    for n, r in enumerate(gold.relations):
        ka, kb = set(found.get(str(r.get("a")), [])), set(found.get(str(r.get("b")), []))
        ok = False
        for cid, keys in claim_pass.items():
            ia = [k for k in keys if k in ka]
            ib = [k for k in keys if k in kb]
            if not ia or not ib:
                continue
            if r.get("label") == "contradict":
                pa, pb = {k[1] for k in ia}, {k[1] for k in ib}
                ok = any((ids & pa and ids & pb) or not ids for ids in conf.get(cid, []))
            else:
                ok = True
            if ok:
                break
        hits[n] = ok
        if r.get("label") == "contradict":
            n_contra += 1
            hit_contra += ok
        else:
            n_agree += 1
            hit_agree += ok
    return hits, n_agree, n_contra, hit_agree, hit_contra


def _link_precision(gold: Gold, found: Mapping[str, list[PassageKey]],
                    claim_pass: Mapping[str, list[PassageKey]]) -> tuple[int, int]:
    related = set()
    for r in gold.relations:
        related.add((r.get("a"), r.get("b")))
        related.add((r.get("b"), r.get("a")))
    gold_of: dict[PassageKey, set[str]] = {}
    for gid, keys in found.items():
        for k in keys:
            gold_of.setdefault(k, set()).add(gid)
    pairs_all = pairs_right = 0
    for keys in claim_pass.values():
        ks = [k for k in keys if k in gold_of]
        for i in range(len(ks)):
            for j in range(i + 1, len(ks)):
                if ks[i][2] == ks[j][2]:
                    continue
                pairs_all += 1
                if any((a, b) in related for a in gold_of[ks[i]] for b in gold_of[ks[j]]):
                    pairs_right += 1
    return pairs_all, pairs_right


def clusters(gold: Gold) -> list[list[str]]:
    """The fact clusters of the gold relations: connected groups of related claims."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for r in gold.relations:
        parent[find(r["a"])] = find(r["b"])
    groups: dict[str, list[str]] = {}
    for x in list(parent):
        groups.setdefault(find(x), []).append(x)
    return sorted((sorted(g) for g in groups.values()), key=lambda g: g[0])


@dataclass
class GroupScore:
    """Relation recall inside one story or one fact cluster."""

    name: str
    relations: int
    found: int


def by_cluster(gold: Gold, scoring: Scoring) -> list[GroupScore]:
    """Relation recall per fact cluster, named by its first claim's predicate."""
    by_id = {g["id"]: g for g in gold.claims}
    out = []
    for members in clusters(gold):
        inside = set(members)
        idx = [n for n, r in enumerate(gold.relations) if r["a"] in inside]
        first = by_id.get(members[0], {}).get("normalized", {})
        name = str(first.get("predicate") or first.get("subject") or members[0])[:48]
        out.append(GroupScore(f"{members[0]}: {name}", len(idx),
                              sum(scoring.relation_hits[n] for n in idx)))
    return out


def by_story(gold: Gold, scoring: Scoring, story_of_article: Mapping[str, str]) -> list[
        GroupScore]:
    """Relation recall per story of the tool (the story of each relation's first claim)."""
    articles = {g["id"]: g["article"] for g in gold.claims}
    groups: dict[str, list[int]] = {}
    for n, r in enumerate(gold.relations):
        story = story_of_article.get(articles.get(r["a"], ""), "(no story)")
        groups.setdefault(story, []).append(n)
    return [GroupScore(name, len(idx), sum(scoring.relation_hits[n] for n in idx))
            for name, idx in sorted(groups.items())]


def candidate_recall(gold: Gold, scoring: Scoring,
                     shown: Mapping[str, Sequence[tuple[str, str]]], top: int = 5
                     ) -> tuple[int, int]:
    """How many gold claims that have a relation see a related claim among what a reviewer is
    shown: the claim itself or its first ``top`` candidates (``shown``: tracked claim id ->
    candidate (passage id, article file) pairs, best first).

    Returns (claims that see one, claims with a relation).
    """
    partners: dict[str, set[str]] = {}
    for r in gold.relations:
        partners.setdefault(r["a"], set()).add(r["b"])
        partners.setdefault(r["b"], set()).add(r["a"])
    by_id = {g["id"]: g for g in gold.claims}
    keys_of_passage: dict[tuple[str, str], set[str]] = {}
    for gid, keys in scoring.found.items():
        for claim_id, pid, f in keys:
            keys_of_passage.setdefault((pid, f), set()).add(gid)
            keys_of_passage.setdefault((claim_id, ""), set()).add(gid)
    seen = total = 0
    for gid, others in partners.items():
        if gid not in by_id:
            continue
        total += 1
        tool_claims = {k[0] for k in scoring.found.get(gid, [])}
        ok = False
        for claim_id in tool_claims:
            if others & keys_of_passage.get((claim_id, ""), set()):
                ok = True  # already linked in the same claim
                break
            for pid, f in list(shown.get(claim_id, ()))[:top]:
                if others & keys_of_passage.get((pid, f), set()):
                    ok = True
                    break
            if ok:
                break
        seen += ok
    return seen, total


def summary_figures(items: Iterable[GroupScore]) -> list[tuple[str, str, str]]:
    """Rows (name, recall, found/relations) for a table."""
    return [(g.name, f"{g.found / g.relations:.3f}" if g.relations else "-",
             f"{g.found}/{g.relations}") for g in items]
