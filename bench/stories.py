"""Stories and the articles that report them: the structure behind the synthetic corpus.

A `Story` is one event (a flood in Garut on a given day, with its numbers and names). Several
outlets report it, in Indonesian and English: each `Article` words the story's facts its own
way, except wire copies, which repeat a wire service's text almost word for word. Some stories
have an outlet that gets a figure wrong (24 years where the others say 20), and some carry an
accusation and its denial. Every sentence remembers which fact it states, so a benchmark store
can be built from the articles without running extraction.

Everything is drawn from `random.Random` seeded with the corpus seed and the story number, so a
corpus is the same on every machine and the first N articles do not depend on how many follow.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from functools import cache
from typing import Any

from bench import wording
from bench.events_civic import DRUGS, ECONOMY, ELECTION, ROAD, VISIT
from bench.events_hazard import DENGUE, FIRE, FLOOD, QUAKE
from bench.templates import CONTEXT, Event, Fact
from bench.vocab import (
    COUNTRIES,
    EN_OUTLETS,
    FIRST_NAMES,
    FOREIGN_NAMES,
    ID_OUTLETS,
    LAST_NAMES,
    PLACES,
    WIRES,
    Outlet,
)

EVENTS: tuple[Event, ...] = (FLOOD, QUAKE, ROAD, DENGUE, DRUGS, ECONOMY, VISIT, ELECTION, FIRE)
"""The kinds of story (order matters: the corpus draws from it by position)."""
WIB = timezone(timedelta(hours=7), "WIB")
FIRST_DAY = date(2023, 1, 1)
REPORT_COUNTS = (1, 2, 3, 4, 5, 6, 8, 10)
REPORT_WEIGHTS = (30, 20, 15, 11, 9, 7, 5, 3)


@dataclass(frozen=True)
class Sentence:
    """One sentence of an article body, with the fact it states (if any)."""

    text: str
    fact: str | None = None
    """Key of the story's fact (``dead``, ``accusation``...); None for filler."""
    kind: str | None = None
    value: float | int | None = None
    unit: str | None = None
    denied: bool = False


@dataclass(frozen=True)
class Story:
    """One event, reported by one or more outlets."""

    index: int
    event: Event
    day: date
    names: dict[str, str]
    numbers: dict[str, int]
    contested: str | None
    """The slot that one outlet reports differently, if any."""
    wrong: int | None
    disputed: bool
    """True when reports carry an accusation and its denial."""
    wire: Outlet | None
    """The wire service that broke the story, if one did."""


@dataclass
class Article:
    """One outlet's article about one story."""

    number: int
    story: int
    event: str
    outlet: Outlet
    place: str
    title: str
    published: datetime
    byline: dict[str, str]
    dateline: str
    paragraphs: list[list[Sentence]]
    credits: tuple[str, ...] = ()
    origin: str | None = None
    """``"<story>:<wire>"`` when the article copies or translates a wire story."""
    copy: bool = False
    """True for a near word-for-word wire copy."""
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def language(self) -> str:
        """ISO 639-1 code of the article's language."""
        return self.outlet.language

    @property
    def file(self) -> str:
        """The file name the article is written to."""
        slug = "".join(c for c in self.outlet.name.lower() if c.isalnum())
        return f"{self.number:06d}-{slug}.txt"

    def sentences(self) -> list[Sentence]:
        """Body sentences in order."""
        return [s for paragraph in self.paragraphs for s in paragraph]


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"


def make_story(seed: int | str, index: int) -> Story:
    """The story number ``index`` of the corpus ``seed``."""
    rng = random.Random(f"{seed}:{index}")
    event = rng.choice(EVENTS)
    place, province = rng.choice(PLACES)
    country_id, country_en = rng.choice(COUNTRIES)
    names = {
        "place": place, "province": province, "official": _person(rng),
        "person2": _person(rng), "candidate": _person(rng), "suspect": _person(rng),
        "last": rng.choice(LAST_NAMES), "leader": rng.choice(FOREIGN_NAMES),
        "country_id": country_id, "country_en": country_en,
    }
    numbers = {}
    for key, slot in event.slots.items():
        value = rng.randint(slot.low, slot.high)
        if slot.style == "big" and value >= 1_000_000:
            value = round(value, -5)
        numbers[key] = value
    contested = rng.choice(event.contested) if rng.random() < 0.25 else None
    wrong = _wrong_value(numbers[contested], rng) if contested else None
    return Story(index=index, event=event, day=FIRST_DAY + timedelta(days=rng.randrange(730)),
                 names=names, numbers=numbers, contested=contested, wrong=wrong,
                 disputed=rng.random() < 0.3,
                 wire=rng.choice(WIRES) if rng.random() < 0.3 else None)


def _wrong_value(value: int, rng: random.Random) -> int:
    """A different figure an outlet might print (24 -> 20, 5580 -> 4500)."""
    if value < 40:
        return value - rng.randint(2, max(2, value // 4)) if value > 4 else value + 3
    return round(value * rng.choice((0.8, 0.85, 1.2, 1.25)))


def _fill(story: Story, language: str, rng: random.Random, wrong: bool) -> dict[str, Any]:
    """Placeholder -> text for one article of ``story`` (and ``_raw_<slot>`` -> its number)."""
    event, names = story.event, story.names
    li = 0 if language == "id" else 1
    values: dict[str, Any] = dict(names)
    values["country"] = names["country_id"] if li == 0 else names["country_en"]
    values["role"] = event.role[li].format(**values)
    values["accuser"] = event.accuser[li].format(**values)
    values["accused"] = event.accused[li].format(**values)
    values["date"] = wording.event_date(story.day, language, rng)
    for key, slot in event.slots.items():
        raw = story.numbers[key]
        if wrong and key == story.contested and story.wrong is not None:
            raw = story.wrong
        values[key] = wording.number(raw, slot, language, rng)
        values["_raw_" + key] = raw
    return values


def _say(fact: Fact, story: Story, values: dict[str, Any], language: str,
         rng: random.Random) -> Sentence:
    variants = fact.id if language == "id" else fact.en
    text = rng.choice(variants).format(**values)
    text = text[0].upper() + text[1:]
    value = unit = None
    if fact.slot:
        slot = story.event.slots[fact.slot]
        value, unit = wording.value_of(values["_raw_" + fact.slot], slot), slot.unit
    return Sentence(text, fact.key, fact.kind, value, unit, denied=fact.kind == "denial")


def compose(story: Story, language: str, rng: random.Random, *, wrong: bool = False,
            must: frozenset[str] = frozenset()) -> tuple[str, list[list[Sentence]]]:
    """An outlet's own wording of ``story``: its title and body paragraphs."""
    event = story.event
    li = 0 if language == "id" else 1
    values = _fill(story, language, rng, wrong)
    lead = _say(event.facts[0], story, values, language, rng)
    rest = [_say(f, story, values, language, rng) for f in event.facts[1:]
            if f.key in must or f.slot in must or rng.random() < 0.55]
    fillers = event.filler[li]
    rest += [Sentence(s) for s in rng.sample(fillers, k=min(len(fillers), rng.randint(1, 3)))]
    rest += [Sentence(s.format(**values)) for s in rng.sample(CONTEXT[li], rng.randint(5, 10))]
    rng.shuffle(rest)
    if story.disputed and rng.random() < 0.85:
        pair = [_say(event.accusation, story, values, language, rng),
                _say(event.denial, story, values, language, rng)]
        at = rng.randint(0, len(rest))
        rest[at:at] = pair
    paragraphs: list[list[Sentence]] = [[lead]]
    i = 0
    while i < len(rest):
        size = rng.choice((1, 1, 2, 2, 3))
        if rest[i].fact == "accusation":
            size = max(size, 2)
        paragraphs.append(rest[i:i + size])
        i += size
    digits = {k: wording.number(values["_raw_" + k], slot, language, rng, words=False)
              for k, slot in event.slots.items()}
    title = rng.choice(event.headlines[li]).format(**{**values, **digits})
    return title, paragraphs


def _dateline(outlet: Outlet, place: str, day: date, rng: random.Random) -> str:
    if outlet.layout == "wire":
        return {
            "Reuters": f"{place.upper()}, Indonesia, {day.strftime('%b')} {day.day} (Reuters) - ",
            "AFP": f"{place} (AFP) - ",
            "AP": f"{place.upper()}, Indonesia (AP) \u2014 ",
        }.get(outlet.name, f"{place} (ANTARA) - ")
    if outlet.layout == "blog":
        return ""
    if outlet.language == "en":
        return rng.choice((f"{place.upper()}, Indonesia ({outlet.name}) - ",
                           f"{place} ({outlet.name}) \u2014 "))
    return rng.choice((f"{place.upper()}, {outlet.domain} - ", f"{outlet.domain}, {place} - ",
                       f"{place}, {outlet.name} \u2014 "))


def _byline(outlet: Outlet, rng: random.Random) -> dict[str, str]:
    if outlet.language == "en":
        return {"author": _person(rng)} if rng.random() < 0.8 else {}
    return {"reporter": _person(rng), "editor": _person(rng)}


def _outlets(story: Story, count: int, rng: random.Random) -> list[Outlet]:
    pool_id = list(ID_OUTLETS)
    pool_en = list(EN_OUTLETS)
    rng.shuffle(pool_id)
    rng.shuffle(pool_en)
    chosen = []
    for _ in range(count):
        pool = pool_en if (rng.random() < 0.25 and pool_en) or not pool_id else pool_id
        chosen.append(pool.pop())
    return chosen


def story_articles(story: Story, seed: int | str, first_number: int) -> list[Article]:
    """Every article reporting ``story``, numbered from ``first_number``."""
    rng = random.Random(f"{seed}:{story.index}:reports")
    count = rng.choices(REPORT_COUNTS, REPORT_WEIGHTS)[0]
    must = frozenset({story.contested}) if story.contested else frozenset()
    place = story.names["place"]
    published = datetime(story.day.year, story.day.month, story.day.day, rng.randint(6, 22),
                         rng.randrange(60), tzinfo=WIB)
    articles: list[Article] = []
    wire_article: Article | None = None
    if story.wire is not None:
        title, paragraphs = compose(story, story.wire.language, rng, must=must)
        wire_article = Article(
            first_number, story.index, story.event.name, story.wire, place, title, published,
            {"reporter": _person(rng), "editor": _person(rng)},
            _dateline(story.wire, place, story.day, rng), paragraphs,
            credits=(story.wire.name,), origin=f"{story.index}:{story.wire.name}")
        articles.append(wire_article)
    outlets = _outlets(story, count - len(articles), rng)
    wrong_at = rng.randrange(len(outlets)) if story.contested and len(outlets) > 1 else -1
    for i, outlet in enumerate(outlets):
        number = first_number + len(articles)
        when = published + timedelta(minutes=rng.randint(20, 2000))
        byline = _byline(outlet, rng)
        if (wire_article is not None and outlet.language == wire_article.language
                and i != wrong_at and rng.random() < 0.7):
            articles.append(_wire_copy(wire_article, outlet, number, when, byline, rng))
            continue
        title, paragraphs = compose(story, outlet.language, rng, wrong=i == wrong_at, must=must)
        credits: tuple[str, ...] = ()
        origin = None
        if wire_article is not None and rng.random() < 0.6:
            credits, origin = (wire_article.outlet.name,), wire_article.origin
            said = ("Demikian dilaporkan kantor berita {}." if outlet.language == "id"
                    else "{} contributed to this report.")
            paragraphs.append([Sentence(said.format(wire_article.outlet.name))])
        articles.append(Article(number, story.index, story.event.name, outlet, place, title,
                                when, byline, _dateline(outlet, place, story.day, rng),
                                paragraphs, credits=credits, origin=origin))
    return articles


def _wire_copy(wire: Article, outlet: Outlet, number: int, when: datetime,
               byline: dict[str, str], rng: random.Random) -> Article:
    """An outlet's near word-for-word copy of a wire story (a sentence dropped, a line added)."""
    paragraphs = [list(p) for p in wire.paragraphs]
    if len(paragraphs) > 2 and rng.random() < 0.5:
        victim = rng.randrange(1, len(paragraphs))
        if paragraphs[victim][0].fact != "accusation":
            del paragraphs[victim][-1]
            paragraphs = [p for p in paragraphs if p]
    title = wire.title
    if outlet.language == "en" and rng.random() < 0.3:
        title = f"UPDATE 1-{title}"
    return Article(number, wire.story, wire.event, outlet, wire.place, title, when, byline,
                   wire.dateline, paragraphs, credits=(wire.outlet.name,), origin=wire.origin,
                   copy=True)


@cache
def teaser_pool(seed: int | str, language: str, size: int = 300) -> tuple[tuple[str, str], ...]:
    """Headline and summary of other stories, as "related article" blocks show them."""
    pool = []
    for i in range(size):
        story = make_story(f"{seed}-teaser", i)
        rng = random.Random(f"{seed}-teaser:{i}:{language}")
        title, paragraphs = compose(story, language, rng)
        pool.append((title, paragraphs[0][0].text))
    return tuple(pool)
