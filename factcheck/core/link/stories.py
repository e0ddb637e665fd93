"""Stories: the articles about one event, in any language, grouped from what news in general
shares (the names and places they name, the vocabulary concepts of what happens, the rare terms).

An article's keys are the language-neutral keys of its mentions (`Slot.terms`: name keys such
as ``n:mrp`` for "Marapi" / "Merapi", concept keys such as ``t:erupt``), weighted by how rare
they are among all articles (inverse document frequency). An article joins the story whose
closest article it resembles most (cosine of the weighted keys, compared only with stories that
share one of its rarer keys), when that resemblance reaches `JOIN`; otherwise it starts a story.

Assignment is incremental and stable: an article keeps its story when new articles arrive, so
linking a new article re-links its story only. Reviewers' decisions (`StoryDecision`: move an
article, split or merge stories) always win.
"""

from __future__ import annotations

import hashlib
import itertools
import math
import zlib
from collections import Counter, defaultdict
from collections.abc import Container, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any

from factcheck.core.models import Mention, Source, Story, StoryDecision
from factcheck.core.text.concepts import catalogue

JOIN = 0.25
"""Resemblance an article needs with a story to join it (see `StoryIndex.similarity`)."""
SAME_TIME_DAYS = 30
TIME_DECAY_DAYS = 60
"""Past `SAME_TIME_DAYS` from every article of a story, resemblance decays with this scale."""
OTHER_EVENT_DAYS = 0.5
"""Two articles that each date what they report to a day, and share no such day, tell of
different events as likely as not (two earthquakes of one province): their resemblance counts
this much."""
SMALL_STORY = 2
"""Stories of up to this many articles started in one run get a second look."""
NEAREST = 3
"""A story is joined through this many of its articles (or all, when it has fewer)."""
STORY_KEYS = 12
"""An article looks for stories through this many of its heaviest keys."""
MAX_STORIES_PER_KEY = 10
"""A key whose latest articles belong to more stories than this finds no candidates (a
province, a ministry: it tells no event apart)."""
STORY_KEY_TYPES = frozenset({"topic", "event", "institution", "measure"})
"""Concept types that say what a story is about (roles, qualifiers and cues do not)."""
COMMON_MIN = 50
COMMON_SHARE = 0.02
COMMON_SPAN_DAYS = 90
"""A name in more than ``max(COMMON_MIN, COMMON_SHARE x articles)`` articles spread over more
than ``COMMON_SPAN_DAYS`` days tells no story from another."""
MAX_POSTINGS = 150
"""An article is compared with at most this many of the latest articles sharing each key."""
TITLE_NAMES = 3


@dataclass
class ArticleKeys:
    """What one article is about, as weighted keys."""

    source_id: str
    published: str
    counts: Mapping[str, int] = field(default_factory=Counter)
    names: Mapping[str, int] = field(default_factory=Counter)
    """Names as written, for a readable story title."""
    days: set[str] = field(default_factory=set)
    """The days (ISO) its figures and events are dated to."""


def article_keys(source: Source, mentions: Iterable[Mention]) -> ArticleKeys:
    """The keys of one article (see the module docstring)."""
    return _keys(source.id, source.published or "", (
        (m.slot.terms, m.slot.value, m.slot.unit, m.slot.date, m.slot.as_of, m.entities)
        for m in mentions if m.slot is not None))


def article_keys_raw(source_id: str, source: Mapping[str, Any],
                     mentions: Iterable[Mapping[str, Any]]) -> ArticleKeys:
    """`article_keys` read from stored documents as they are (no validation): placing one new
    article among thousands reads every article's keys, and this is what keeps that cheap."""
    items = []
    for m in mentions:
        slot = m.get("slot")
        if isinstance(slot, Mapping):
            items.append((slot.get("terms") or (), slot.get("value"), slot.get("unit"),
                          slot.get("date"), slot.get("as_of"), m.get("entities") or ()))
    return _keys(source_id, source.get("published") or "", items)


KEYS_FORMAT = 2
"""Bumped when what `article_keys` reads changes: kept keys of another format are read again."""


def keys_fingerprint(mention_ids: Iterable[str]) -> str:
    """What an article's kept keys were read from: the keys format, how many mentions, and
    their ids."""
    ids = sorted(mention_ids)
    digest = hashlib.sha1("\n".join(ids).encode("utf-8")).hexdigest()[:20]
    return f"{KEYS_FORMAT}:{len(ids)}:{digest}"


def fingerprint_count(fingerprint: object) -> int | None:
    """How many mentions a `keys_fingerprint` was made of (None for another format)."""
    if not isinstance(fingerprint, str):
        return None
    head, _, rest = fingerprint.partition(":")
    count, _, _ = rest.partition(":")
    return int(count) if head == str(KEYS_FORMAT) and count.isdigit() else None


def keys_record(keys: ArticleKeys, fingerprint: str) -> dict[str, Any]:
    """The stored form of an article's keys (`ArticleKeysRecord`)."""
    return {"id": keys.source_id, "of": fingerprint, "counts": dict(keys.counts),
            "names": dict(keys.names), "days": sorted(keys.days)}


def keys_from_record(record: Mapping[str, Any], published: str) -> ArticleKeys:
    """An article's keys from their stored form (read as stored, without validation)."""
    # Read in place, not copied: placing one article reads every article's record.
    return ArticleKeys(record["id"], published, record.get("counts") or Counter(),
                       record.get("names") or Counter(), set(record.get("days") or ()))


_STORY_TERMS: dict[str, bool] = {}
"""Whether a slot term is a story key (names without digits, concepts of `STORY_KEY_TYPES`),
remembered per term: the same few thousand terms recur in every article."""


def _story_term(term: str) -> bool:
    known = _STORY_TERMS.get(term)
    if known is None:
        if term.startswith("n:"):
            known = not any(ch.isdigit() for ch in term)  # "M6.2" is a magnitude, not a name
        elif term.startswith("t:"):
            concept = catalogue().get(term[2:])
            known = concept is not None and concept.type in STORY_KEY_TYPES
        else:
            known = False
        _STORY_TERMS[term] = known
    return known


def _keys(source_id: str, published: str, items: Iterable[tuple[Any, ...]]) -> ArticleKeys:
    counts: Counter[str] = Counter()
    names: Counter[str] = Counter()
    keys = ArticleKeys(source_id, published, counts, names)
    keep = _story_term
    for terms, value, unit, dated, as_of, entities in items:
        counts.update([t for t in terms if keep(t)])
        if isinstance(value, int | float) and unit != "s" and _specific(value):
            # 96,214,691 votes, Rp 7,650: a story's own (a span of "2 days" is nobody's)
            counts[f"v:{value:g}"] += 1
        for day in (dated, as_of):
            if day and len(day) >= 7 and day[:1].isdigit():
                counts["d:" + day[:7]] += 1
                if len(day) >= 10:
                    keys.days.add(day[:10])
        names.update(e for e in entities if len(e) > 2)
    return keys


def _specific(value: float) -> bool:
    """A figure with three significant digits or more (2,891; 7,650; 58.59)."""
    digits = f"{abs(value):.6g}".replace(".", "").strip("0")
    return len(digits) >= 3


def _common_cap(articles: int) -> int:
    """How many articles must carry a name before it may be generic (`COMMON_MIN`)."""
    return max(COMMON_MIN, int(COMMON_SHARE * articles))


def _generic(key: str, df: int, cap: int, lo: int | None, hi: int | None) -> bool:
    """A name or figure carried by more than ``cap`` articles whose days (first ``lo``, last
    ``hi``) span more than `COMMON_SPAN_DAYS`: it tells no story from another."""
    return (key[:2] != "t:" and df > cap and lo is not None and hi is not None
            and hi - lo > COMMON_SPAN_DAYS)


def story_id(seed_source: str) -> str:
    """The id of a story started by ``seed_source``."""
    return "st-" + hashlib.sha1(seed_source.encode("utf-8")).hexdigest()[:12]


def _days(iso: str) -> int | None:
    """Days since the epoch of an ISO date (month precision counts as the 15th)."""
    return _day_number(iso[:10] if len(iso) >= 10 else iso)


@lru_cache(maxsize=8192)
def _day_number(day: str) -> int | None:
    """`_days` of a date without its time: thousands of articles share a few hundred days."""
    try:
        if len(day) == 10:
            return date.fromisoformat(day).toordinal()
        if len(day) == 7:
            return date.fromisoformat(day + "-15").toordinal()
    except ValueError:
        return None
    return None


class StoryIndex:
    """Articles, their weighted keys and their stories; assigns new articles incrementally.

    An article is compared with a story through the story's articles nearest to it, in three
    ways: what it names (names, places, figures of its own: which event) and what kind of event
    it tells (vocabulary concepts: a flood is no fire, even in the same town), as the geometric
    mean of the two cosines, so neither alone makes a story; and when (an article months away
    from every article of a story is less likely its sequel). A
    story grows around what its articles share rather than along a chain of resemblances, which
    would put every flood of one province into one story.
    """

    articles: Mapping[str, ArticleKeys]
    df: Mapping[str, int]
    """How many articles carry each key (0 for a key none carries)."""
    generic: Container[str]
    days: Mapping[str, int | None]

    def __init__(self, articles: Sequence[ArticleKeys]) -> None:
        df: Counter[str] = Counter(itertools.chain.from_iterable(a.counts for a in articles))
        days = {a.source_id: _days(a.published) for a in articles}
        cap = _common_cap(len(articles))
        common = {k for k, d in df.items() if d > cap and k[:2] != "t:"}
        spread: dict[str, tuple[int, int]] = {}
        if common:
            on_day: dict[int, list[Mapping[str, int]]] = defaultdict(list)
            for a in articles:
                day = days[a.source_id]
                if day is not None:
                    on_day[day].append(a.counts)
            for day in sorted(on_day):  # the keys of a day's articles, gathered in C
                for k in common.intersection(set().union(*on_day[day])):
                    spread[k] = (spread[k][0] if k in spread else day, day)
        # Names an archive carries in many articles over many months (a country, a statistics
        # bureau) name no event, so they are left out of the vectors. A name as common inside
        # a few weeks is a big story's own and stays.
        generic = frozenset(k for k, (lo, hi) in spread.items()
                            if _generic(k, df[k], cap, lo, hi))
        self._start({a.source_id: a for a in articles}, len(articles), df, generic, days)

    def _start(self, articles: Mapping[str, ArticleKeys], n: int, df: Mapping[str, int],
               generic: Container[str], days: Mapping[str, int | None]) -> None:
        """The index over ``articles`` (``n`` of them), none placed yet."""
        self.articles, self.n, self.df, self.generic, self.days = (
            articles, max(1, n), df, generic, days)
        self._vectors: dict[str, dict[str, float]] = {}
        self.story_of: dict[str, str] = {}
        self.members: dict[str, list[str]] = defaultdict(list)
        self._placed: list[str] = []
        """Articles in the order they were placed (oldest first)."""
        self._articles_of: dict[str, list[str]] = {}
        """Key -> the placed articles that hold it, in placing order (names and figures whose
        vectors may hold them): made the first time an article looks for stories
        (`_postings`), then kept up to date as articles are placed."""
        self._indexed = False

    def idf(self, key: str) -> float:
        """How rare a key is among the articles (inverse document frequency)."""
        d = self.df.get(key, 0)
        return math.log(1 + self.n / d) if d else 1.0

    def vector(self, source_id: str) -> dict[str, float]:
        """An article's weighted keys, made when first needed: adding one article to an
        archive reads the vectors of the few articles it may join, not of every one."""
        found = self._vectors.get(source_id)
        if found is None:
            article = self.articles.get(source_id)
            found = self._vector(article) if article is not None else {}
            self._vectors[source_id] = found
        return found

    def _vector(self, a: ArticleKeys) -> dict[str, float]:
        # A key no other article has cannot tie this one to a story; left in, it would only
        # dilute the keys that can (an article names many people once).
        idf = self.idf
        vec = {k: (1 + math.log(c)) * idf(k) for k, c in a.counts.items()
               if self.df[k] > 1 and k not in self.generic
               and type(c) is int and c > 0}  # a kept record is read as stored
        out: dict[str, float] = {}
        for part in (False, True):  # names and figures, then concepts: each of unit length
            keys = [k for k in vec if (k[:2] == "t:") == part]
            norm = math.sqrt(math.fsum(vec[k] ** 2 for k in keys)) or 1.0
            out.update((k, vec[k] / norm) for k in keys)
        return out

    def place(self, source_id: str, story: str) -> None:
        """Put an article in a story."""
        old = self.story_of.get(source_id)
        if old == story:
            return
        if old is not None:
            self.members[old].remove(source_id)
        else:
            self._placed.append(source_id)
            article = self.articles.get(source_id)
            if article is not None and self._indexed:
                self._post(source_id, article)
        self.story_of[source_id] = story
        self.members[story].append(source_id)

    def place_placed(self, placed: Sequence[tuple[str, str]]) -> None:
        """Put articles not placed yet in their stories (source id, story id), oldest first:
        `place` for each, in one pass."""
        if self.story_of or self._indexed:
            for source_id, story in placed:
                self.place(source_id, story)
            return
        members = self.members
        for source_id, story in placed:
            members[story].append(source_id)
        self.story_of.update(placed)
        self._placed.extend(source_id for source_id, _ in placed)

    def _post(self, source_id: str, article: ArticleKeys) -> None:
        """Add an article to the postings of every key its vector can hold (`_vector`)."""
        df, generic, postings = self.df, self.generic, self._articles_of
        for k in article.counts:
            if k[:2] != "t:" and df[k] > 1 and k not in generic:
                postings.setdefault(k, []).append(source_id)

    def _postings(self, keys: Sequence[str]) -> list[list[str]]:
        """The placed articles holding each of ``keys``, oldest placed first (every placed
        article's keys are posted the first time an article looks for stories)."""
        if not self._indexed:
            self._indexed = True
            for sid in self._placed:
                article = self.articles.get(sid)
                if article is not None:
                    self._post(sid, article)
        return [self._articles_of.get(k, []) for k in keys]

    def _nearest_articles(self, vec: Mapping[str, float]) -> dict[str, float]:
        """Placed articles that share one of the heaviest names or figures of ``vec``, with
        their resemblance (`_resemblance`): found through the key postings, not story by story."""
        keys = sorted((k for k in vec if k[:2] != "t:"), key=lambda k: -vec[k])[:STORY_KEYS]
        found: set[str] = set()
        for posting in self._postings(keys):
            # The latest articles carrying the key (articles are placed oldest first): a story
            # is found through its recent articles, and a key thousands of articles share costs
            # no more than a rare one.
            latest = posting[-MAX_POSTINGS:]
            if len({self.story_of.get(a) for a in latest}) <= MAX_STORIES_PER_KEY:
                found.update(latest)  # else a province or a ministry every other story names
        return {other: _resemblance(vec, self.vector(other)) for other in found}

    def story_scores(self, vec: dict[str, float], day: int | None,
                     exclude: str | None = None, event_days: frozenset[str] = frozenset()
                     ) -> dict[str, float]:
        """How much an article (its vector and day) resembles each story it shares a name
        with: the mean of its resemblance to the `NEAREST` articles of the story most like it
        (so a story is joined through several of its articles, never one), each the geometric
        mean of the names and the concepts cosines, decayed with the time between the two
        articles (a story that ran for months is joined near its own articles' days, not
        anywhere in its span)."""
        by_story: dict[str, list[float]] = defaultdict(list)
        for other, score in self._nearest_articles(vec).items():
            story = self.story_of.get(other)
            if story is None or story == exclude or score <= 0.0:
                continue
            other_day = self.days.get(other)
            if day is not None and other_day is not None:
                gap = abs(day - other_day)
                if gap > SAME_TIME_DAYS:
                    score *= math.exp(-(gap - SAME_TIME_DAYS) / TIME_DECAY_DAYS)
            if event_days and (theirs := self.articles[other].days) and not (
                    event_days & theirs):
                score *= OTHER_EVENT_DAYS
            by_story[story].append(score)
        out: dict[str, float] = {}
        for story, found in by_story.items():
            top = sorted(found, reverse=True)[:NEAREST]
            top += [0.0] * (min(NEAREST, len(self.members[story])) - len(top))
            out[story] = sum(top) / len(top)
        return out

    def closest(self, vec: dict[str, float], day: int | None, exclude: str | None = None,
                event_days: frozenset[str] = frozenset()) -> tuple[str | None, float]:
        """The story that resembles ``vec`` most, and how much."""
        best: tuple[str | None, float] = (None, 0.0)
        for story, score in sorted(self.story_scores(vec, day, exclude, event_days).items()):
            if score > best[1]:
                best = (story, score)
        return best

    def _event_days(self, source_id: str) -> frozenset[str]:
        article = self.articles.get(source_id)
        return frozenset(article.days) if article is not None else frozenset()

    def assign_new(self, fresh: Sequence[str]) -> None:
        """Place new articles, oldest first, each in the story it resembles most (or a new one);
        then an article that started a story of its own in this run and stayed alone looks
        again, now that the later articles are placed (it may have been the first of its
        story). Two stories are never merged here: a reviewer merges stories."""
        created: list[str] = []
        for source_id in fresh:
            story, score = self.closest(self.vector(source_id),
                                        self.days.get(source_id), None,
                                        self._event_days(source_id))
            if story is None or score < JOIN:
                story = story_id(source_id)
                created.append(story)
            self.place(source_id, story)
        # Small stories started in this run look again, now that every article is placed:
        # an event's articles can arrive in an order that split them.
        for story in sorted(created, key=lambda st: (len(self.members[st]), st)):
            members = list(self.members[story])
            if not members or len(members) > SMALL_STORY:
                continue
            scores: dict[str, list[float]] = defaultdict(list)
            for source_id in members:
                vec = self.vector(source_id)
                for other, score in self.story_scores(
                        vec, self.days.get(source_id), exclude=story,
                        event_days=self._event_days(source_id)).items():
                    scores[other].append(score)
            # Its best article decides: a wire story and the outlet that rewrote it may start a
            # story of two that only one of them ties to the rest.
            ranked = [(max(v), other) for other, v in scores.items()]
            if ranked:
                score, other = max(ranked)
                if score >= JOIN:
                    for source_id in members:
                        self.place(source_id, other)


def _resemblance(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Geometric mean of the names and the concepts cosines of two article vectors (each part
    of unit length, so a cosine is a dot product; an article without concepts is compared by
    its names)."""
    if len(b) < len(a):
        a, b = b, a
    names = kinds = 0.0
    has_a = has_b = False
    for k, w in a.items():
        other = b.get(k)
        if k[:2] == "t:":
            has_a = True
            if other is not None:
                kinds += w * other
        elif other is not None:
            names += w * other
    if names <= 0.0:
        return 0.0
    has_b = any(k[:2] == "t:" for k in b)
    if not (has_a and has_b):
        kinds = names
    return math.sqrt(names * max(kinds, 0.0))


def assign_stories(
    articles: Sequence[ArticleKeys],
    previous: Mapping[str, str],
    decisions: Sequence[StoryDecision],
    files: Mapping[str, str],
) -> dict[str, str]:
    """Source id -> story id for every article.

    Args:
        articles: The keys of every current article.
        previous: Source id -> story id of the last run (kept: assignment is stable).
        decisions: Reviewers' story decisions; the latest per article wins.
        files: Source id -> the article's origin (``Source.file``), which decisions name.
    """
    index = StoryIndex(articles)
    decided: dict[str, str | None] = {}
    for d in sorted(decisions, key=lambda d: d.at):
        decided[d.file] = d.story_id
    order = sorted(articles, key=lambda a: placing_order(a.published, a.source_id))
    fresh = []
    if not decided:  # the common case, in one pass: every article placed before stays put
        index.place_placed([(a.source_id, previous[a.source_id]) for a in order
                            if a.source_id in previous])
        index.assign_new([a.source_id for a in order if a.source_id not in previous])
        return dict(index.story_of)
    for a in order:
        forced = decided.get(files.get(a.source_id, ""))
        if forced:
            index.place(a.source_id, forced)
        elif a.source_id in previous and files.get(a.source_id, "") not in decided:
            index.place(a.source_id, previous[a.source_id])
        else:
            fresh.append(a.source_id)
    index.assign_new(fresh)
    return dict(index.story_of)


def build_stories(assignment: Mapping[str, str], articles: Sequence[ArticleKeys],
                  only: Iterable[str] | None = None) -> list[Story]:
    """The `Story` records of an assignment, each with a readable title and its keys (with
    ``only``, of those stories only)."""
    wanted = set(only) if only is not None else None
    by_story: dict[str, list[ArticleKeys]] = defaultdict(list)
    for a in articles:
        story = assignment.get(a.source_id)
        if story is not None and (wanted is None or story in wanted):
            by_story[story].append(a)
    out = []
    for sid, found in by_story.items():
        # In placing order, whatever order the caller keeps the articles in: ties between
        # equally common names fall the same way on every path.
        members = sorted(found, key=lambda a: placing_order(a.published, a.source_id))
        spread: Counter[str] = Counter()
        names: Counter[str] = Counter()
        for a in members:
            spread.update(a.counts.keys())
            names.update(list(a.names))  # each name once per article, in a fixed order
        shared = [k for k, n in spread.most_common(8) if n >= min(2, len(members))]
        common = [n for n, c in names.most_common(12) if c >= min(2, len(members))]
        title = ", ".join(_distinct(common)[:TITLE_NAMES]) or ", ".join(
            k[2:] for k in shared[:TITLE_NAMES]) or sid
        out.append(Story(id=sid, title=title, sources=sorted(a.source_id for a in members),
                         keys=shared))
    return sorted(out, key=lambda s: s.id)


def _distinct(names: list[str]) -> list[str]:
    """Names without the ones contained in a longer one kept before ("Marapi" in "Mount
    Marapi")."""
    out: list[str] = []
    for name in names:
        low = name.lower()
        if any(low in kept.lower() or kept.lower() in low for kept in out):
            continue
        out.append(name)
    return out


# The kept key index ---------------------------------------------------------------------------
# Placing one article among thousands needs, for the keys it carries, how many articles carry
# each (rarity), over which days (a name common for months is generic), and the latest articles
# carrying each; and the keys of the few articles it may join. Kept in the store
# (`KeyPostingsRecord`, `StoryIndexRecord`) and brought up to date as articles are added, these
# let `KeptStoryIndex` place a new article exactly as `StoryIndex` over every article would.

INDEX_ID = "archive"
"""The id of the one `StoryIndexRecord`."""


def placing_order(published: str | None, source_id: str) -> tuple[str, str]:
    """The order articles are placed in (`assign_stories`): oldest first, undated last."""
    return (published or "~", source_id)


def ids_digest(source_ids: Iterable[str]) -> int:
    """An order-free checksum of a set of article ids (what the kept postings were made of)."""
    return sum(zlib.crc32(sid.encode("utf-8")) for sid in source_ids) % (1 << 62)


def postings_records(articles: Sequence[ArticleKeys]) -> list[dict[str, Any]]:
    """The kept key index of ``articles`` (every current article), one record per key."""
    df: Counter[str] = Counter()
    lo: dict[str, int] = {}
    hi: dict[str, int] = {}
    latest: dict[str, list[list[str]]] = defaultdict(list)
    for a in sorted(articles, key=lambda a: placing_order(a.published, a.source_id)):
        df.update(a.counts.keys())
        day = _days(a.published)
        stamp = list(placing_order(a.published, a.source_id))  # one list, shared by its keys
        for k in a.counts:
            if day is not None:
                lo[k] = min(lo.get(k, day), day)
                hi[k] = max(hi.get(k, day), day)
            if k[:2] != "t:":
                latest[k].append(stamp)
    return [{"id": k, "df": n, "lo": lo.get(k), "hi": hi.get(k),
             "latest": latest[k][-MAX_POSTINGS:] if k in latest else []}
            for k, n in df.items()]


def add_to_postings(postings: Mapping[str, Mapping[str, Any]], articles: Sequence[ArticleKeys]
                    ) -> dict[str, dict[str, Any]]:
    """The records of ``postings`` that change when ``articles`` (new ones) are added."""
    out: dict[str, dict[str, Any]] = {}
    for a in articles:
        day = _days(a.published)
        stamp = list(placing_order(a.published, a.source_id))
        for k in a.counts:
            before = out.get(k) or _sound_posting(k, postings.get(k))
            record = {**before, "df": before["df"] + 1}
            if day is not None:
                record["lo"] = day if before["lo"] is None else min(before["lo"], day)
                record["hi"] = day if before["hi"] is None else max(before["hi"], day)
            if k[:2] != "t:":
                latest = sorted([*before["latest"], stamp])
                record["latest"] = latest[-MAX_POSTINGS:]
            out[k] = record
    return out


def _number(value: object) -> int | None:
    return value if type(value) is int else None


def _sound_posting(key: str, record: object) -> dict[str, Any]:
    """A kept key record as `add_to_postings` and `KeptStoryIndex` read it: what a hand edit
    damaged reads as missing (the next whole re-link writes it again)."""
    doc = record if isinstance(record, Mapping) else {}
    latest = doc.get("latest")
    return {"id": key, "df": max(0, _number(doc.get("df")) or 0),
            "lo": _number(doc.get("lo")), "hi": _number(doc.get("hi")),
            "latest": [list(p) for p in latest if isinstance(p, list | tuple) and len(p) == 2
                       and all(isinstance(x, str) for x in p)]
            if isinstance(latest, list) else []}


class _KeptCounts(Mapping[str, int]):
    """How many articles carry each key: the kept count plus the new articles'."""

    def __init__(self, postings: Mapping[str, Mapping[str, Any]], fresh: Counter[str]) -> None:
        self._postings, self._fresh = postings, fresh

    def __getitem__(self, key: str) -> int:
        record = self._postings.get(key)
        kept = _number(record.get("df")) if isinstance(record, Mapping) else None
        return max(0, kept or 0) + self._fresh.get(key, 0)

    def get(self, key: str, default: Any = None) -> Any:
        return self[key]

    def __iter__(self) -> Iterator[str]:
        return iter({*self._postings, *self._fresh})

    def __len__(self) -> int:
        return len({*self._postings, *self._fresh})


class _KeptGeneric:
    """`StoryIndex.generic` read from the kept postings and the new articles (`_generic`)."""

    def __init__(self, index: KeptStoryIndex, fresh: Sequence[ArticleKeys]) -> None:
        self._index = index
        self._cap = _common_cap(index.n)
        self._days: dict[str, list[int]] = defaultdict(list)
        for a in fresh:
            day = _days(a.published)
            if day is not None:
                for k in a.counts:
                    self._days[k].append(day)
        self._known: dict[str, bool] = {}

    def __contains__(self, key: object) -> bool:
        if not isinstance(key, str):
            return False
        found = self._known.get(key)
        if found is None:
            record = self._index.stored.get(key)
            kept = record if isinstance(record, Mapping) else {}
            days = [d for d in (_number(kept.get("lo")), _number(kept.get("hi")))
                    if d is not None] + self._days.get(key, [])
            found = bool(days) and _generic(key, self._index.df[key], self._cap, min(days),
                                            max(days))
            self._known[key] = found
        return found


class KeptStoryIndex(StoryIndex):
    """A `StoryIndex` read from the kept key index: placing new articles reads the postings of
    their keys and the keys of the articles they may join, not every article.

    ``articles`` maps a source id to its keys (read when looked up); ``previous`` is every
    placed article's story; ``fresh`` are the new articles, not placed yet."""

    def __init__(self, postings: Mapping[str, Mapping[str, Any]],
                 articles: Mapping[str, ArticleKeys], previous: Mapping[str, str],
                 fresh: Sequence[ArticleKeys]) -> None:
        self.stored = postings
        df = _KeptCounts(postings, Counter(itertools.chain.from_iterable(
            a.counts for a in fresh)))
        self._start(articles, len(previous) + len(fresh), df, frozenset(), _LazyDays(articles))
        self.generic = _KeptGeneric(self, fresh)
        self.story_of = dict(previous)
        for source_id, story in previous.items():
            self.members[story].append(source_id)
        self._fresh_of: dict[str, list[str]] = defaultdict(list)
        """Key -> the new articles placed so far that hold it, in placing order."""

    def place(self, source_id: str, story: str) -> None:
        if source_id not in self.story_of:
            for k in self.articles[source_id].counts:
                self._fresh_of[k].append(source_id)
        super().place(source_id, story)

    def _postings(self, keys: Sequence[str]) -> list[list[str]]:
        for k in keys:
            if k not in self._articles_of:
                self._articles_of[k] = [
                    p[1] for p in _sound_posting(k, self.stored.get(k))["latest"]]
        return [self._articles_of[k] + self._fresh_of.get(k, []) for k in keys]


class _LazyDays(Mapping[str, int | None]):
    """Publication day of each article, read when looked up."""

    def __init__(self, articles: Mapping[str, ArticleKeys]) -> None:
        self._articles = articles

    def __getitem__(self, key: str) -> int | None:
        return _days(self._articles[key].published)

    def get(self, key: str, default: Any = None) -> Any:
        return self[key] if key in self._articles else default

    def __iter__(self) -> Iterator[str]:
        return iter(self._articles)

    def __len__(self) -> int:
        return len(self._articles)


def assign_kept(index: KeptStoryIndex, fresh: Sequence[ArticleKeys]) -> dict[str, str]:
    """`assign_stories` for new articles only, on a kept index (no story decisions)."""
    order = sorted(fresh, key=lambda a: placing_order(a.published, a.source_id))
    index.assign_new([a.source_id for a in order])
    return dict(index.story_of)
