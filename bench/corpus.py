"""The synthetic newsroom corpus: deterministic scraped pages, in Indonesian and English.

``write_corpus(folder, 10_000)`` writes 10,000 ``.txt`` pages in a few seconds: several outlets
report each story (wire copies credited "REUTERS" or "(AFP)", figures that disagree, denials),
wrapped in page furniture (see `bench.pages`). Pages go into ``part-000``, ``part-001``... of
1,000 each, so the 1k corpus is the first part of the 10k one. The corpus is streamed: 100k
pages never sit in memory at once.

Command line: ``python -m bench.corpus OUT [--size N] [--seed S]``.
"""

from __future__ import annotations

import argparse
import json
import shutil
import time
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from bench.pages import render_page
from bench.stories import Article, make_story, story_articles

DEFAULT_SEED = 20240617
PART_SIZE = 1000
GENERATOR_VERSION = 1
"""Bumped when the generator's output changes, so cached corpora are rewritten."""


@dataclass(frozen=True)
class Corpus:
    """A corpus on disk."""

    folder: Path
    size: int
    seed: int

    def paths(self, articles: int | None = None) -> list[Path]:
        """What to ingest for the first ``articles`` pages (all by default).

        Whole part folders where ``articles`` is a multiple of the part size (as a user would
        name a folder), else the files themselves.
        """
        count = min(articles or self.size, self.size)
        if count % PART_SIZE == 0:
            return [self.folder / f"part-{i:03d}" for i in range(count // PART_SIZE)]
        files = sorted(p for p in self.folder.glob("part-*/*.txt"))
        return files[:count]


def iter_articles(seed: int = DEFAULT_SEED) -> Iterator[Article]:
    """Articles of the corpus ``seed``, story after story, without end."""
    story_index = number = 0
    while True:
        articles = story_articles(make_story(seed, story_index), seed, number)
        yield from articles
        number += len(articles)
        story_index += 1


def generate(size: int, seed: int = DEFAULT_SEED) -> list[Article]:
    """The first ``size`` articles of the corpus ``seed``."""
    return list(islice(iter_articles(seed), size))


def iter_pages(size: int, seed: int = DEFAULT_SEED) -> Iterator[tuple[Article, str]]:
    """The first ``size`` articles with their rendered pages."""
    for article in islice(iter_articles(seed), size):
        yield article, render_page(article, seed)


def write_corpus(folder: Path, size: int, seed: int = DEFAULT_SEED) -> Corpus:
    """Write ``size`` pages into ``folder`` (reused when a matching corpus is already there)."""
    folder = Path(folder)
    manifest = folder / "corpus.json"
    wanted = {"size": size, "seed": seed, "version": GENERATOR_VERSION}
    corpus = Corpus(folder, size, seed)
    try:
        if json.loads(manifest.read_text()) == wanted:
            return corpus
    except (OSError, ValueError):
        pass
    for stale in folder.glob("part-*"):
        shutil.rmtree(stale)
    manifest.unlink(missing_ok=True)
    for article, page in iter_pages(size, seed):
        part = folder / f"part-{article.number // PART_SIZE:03d}"
        if article.number % PART_SIZE == 0:
            part.mkdir(parents=True, exist_ok=True)
        (part / article.file).write_text(page, encoding="utf-8")
    manifest.write_text(json.dumps(wanted))
    return corpus


def describe(articles: list[Article]) -> dict[str, int]:
    """Counts that show what a corpus exercises (languages, wire copies, conflicts, denials)."""
    by_story_fact: dict[tuple[int, str], set[float | int]] = {}
    counts = {"articles": len(articles), "stories": len({a.story for a in articles}),
              "id": 0, "en": 0, "wire_copies": 0, "credited": 0, "denials": 0,
              "contradictions": 0, "outlets": len({a.outlet.name for a in articles})}
    for article in articles:
        counts[article.language] += 1
        counts["wire_copies"] += article.copy
        counts["credited"] += bool(article.credits)
        for sentence in article.sentences():
            counts["denials"] += sentence.denied
            if sentence.fact and sentence.value is not None:
                by_story_fact.setdefault((article.story, sentence.fact), set()).add(
                    sentence.value)
    counts["contradictions"] = sum(len(values) > 1 for values in by_story_fact.values())
    return counts


def main(argv: list[str] | None = None) -> None:
    """Write a corpus from the command line."""
    parser = argparse.ArgumentParser(prog="python -m bench.corpus", description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--size", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    write_corpus(args.out, args.size, args.seed)
    print(f"{args.size} articles in {args.out} ({time.perf_counter() - started:.1f} s)")


if __name__ == "__main__":
    main()
