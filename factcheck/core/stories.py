"""Reviewers' story decisions: move an article to another story, split a story, merge two.

Linking groups articles into stories by what they share (`factcheck.core.link.stories`); a
reviewer can always overrule it. Each decision is stored per article (`StoryDecision`, keyed by
the article's origin, so it outlives new versions of the article), logged in the change log
(``story`` changes, before -> after) and can be undone by applying the old value again. After a
decision the stories it touched are re-linked at once, and nothing else: reviewed claims keep
their ids and reviews wherever their articles go.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from factcheck.core.ids import listing
from factcheck.core.models import Change, Source, Story, StoryDecision, utcnow
from factcheck.core.pipeline import link_all
from factcheck.core.review import Outcome, ReviewError, new_id
from factcheck.core.store import Store

WHAT = "story"
"""The ``Change.what`` of a story decision."""


def stories(store: Store) -> list[Story]:
    """Every story, largest first."""
    return sorted(store.all("stories"), key=lambda s: (-len(s.sources), s.title, s.id))


def story_of(store: Store, source_id: str) -> Story | None:
    """The story an article is in."""
    return next((s for s in store.all("stories") if source_id in s.sources), None)


def find_story(store: Store, key: str) -> Story:
    """A story by id or unique id prefix."""
    every = store.all("stories")
    exact = [s for s in every if s.id == key]
    found = exact or [s for s in every if s.id.startswith(key)]
    if len(found) != 1:
        raise ReviewError(f"no story {key!r}" if not found else
                          f"{key!r} names {len(found)} stories: "
                          f"{listing(sorted(s.id for s in found))}; give more of the id")
    return found[0]


def find_article(store: Store, key: str) -> Source:
    """A current article by source id, file name or unique prefix of either."""
    current = store.sources()
    found = [s for s in current if key in (s.id, s.file)]
    found = found or [s for s in current if s.id.startswith(key) or s.file.startswith(key)]
    if len(found) != 1:
        raise ReviewError(f"no article {key!r}" if not found else
                          f"{key!r} names {len(found)} articles: "
                          f"{listing(sorted(s.file for s in found))}; give more of its name")
    return found[0]


def new_story_id(seed: str) -> str:
    """The id of a story a reviewer made (split off)."""
    return "st-" + hashlib.sha1(f"{seed}\0split".encode()).hexdigest()[:12]


def move_articles(store: Store, files: Iterable[str], story_id: str | None, reviewer: str,
                  what: str = WHAT) -> Outcome:
    """Put articles (by origin file) in a story (None: let the tool decide again); re-link.

    The change log holds one entry per article, so undo restores each article's story.
    """
    files = list(dict.fromkeys(files))
    if not files:
        raise ReviewError("no article to move")
    current = {s.file: s for s in store.sources()}
    touched: set[str] = set()
    changes: list[Change] = []
    with store.transaction() as tx:
        for file in files:
            source = current.get(file)
            if source is None:
                raise ReviewError(f"no article {file!r}")
            before = story_of(store, source.id)
            touched.add(source.id)
            if before is not None:
                touched.update(before.sources)
            tx.put("story_decisions", StoryDecision(id=file, file=file, story_id=story_id,
                                                    reviewer=reviewer))
            change = Change(id=new_id("ch"), who=reviewer, at=utcnow(), what=what,
                            target=before.id if before else file, detail=file,
                            before=before.id if before else None, after=story_id)
            tx.put("changes", change)
            changes.append(change)
    if story_id is not None:
        target = next((s for s in store.all("stories") if s.id == story_id), None)
        if target is not None:
            touched.update(target.sources)
    link_all(store, touched)
    return Outcome(changes[0])


def move_article(store: Store, article: str, story_key: str | None, reviewer: str) -> Outcome:
    """``factcheck story move ARTICLE STORY``: one article into another story (or, with None,
    back to the tool's choice)."""
    source = find_article(store, article)
    story_id = find_story(store, story_key).id if story_key else None
    return move_articles(store, [source.file], story_id, reviewer)


def split_story(store: Store, story_key: str, articles: Iterable[str], reviewer: str) -> str:
    """Move some articles of a story into a new story; returns the new story's id."""
    story = find_story(store, story_key)
    sources = [find_article(store, a) for a in articles]
    outside = [s.file for s in sources if s.id not in story.sources]
    if outside:
        raise ReviewError(f"not in story {story.id}: {', '.join(outside)}")
    if len(sources) >= len(story.sources):
        raise ReviewError("a split must leave at least one article in the story")
    new = new_story_id(story.id + "\0" + "\0".join(sorted(s.id for s in sources)))
    move_articles(store, [s.file for s in sources], new, reviewer)
    return new


def merge_stories(store: Store, keep_key: str, other_key: str, reviewer: str) -> Outcome:
    """Move every article of story OTHER into story KEEP."""
    keep = find_story(store, keep_key)
    other = find_story(store, other_key)
    if keep.id == other.id:
        raise ReviewError("a story cannot be merged into itself")
    files = [s.file for sid in other.sources if (s := store.source(sid)) is not None]
    return move_articles(store, files, keep.id, reviewer)


def undo_story_change(store: Store, change: Change, reviewer: str) -> Outcome:
    """Put the article of a logged story change back where it was."""
    if change.what != WHAT:
        raise ReviewError(f"change {change.id} is not a story decision")
    return move_articles(store, [change.detail], change.before, reviewer)
