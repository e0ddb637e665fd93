"""How fast extraction runs: ``python -m factcheck.core.extract.bench [corpus_dir]``.

Ingests the articles of a corpus folder (default: the shared seeds beside the checkout), builds
one article of about 1,000 words from their body sentences and prints the CPU time extraction
takes on it, best of a few rounds, after a warm-up run. A printout, not a test: speed targets are
checked by people, on quiet machines.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Sequence
from pathlib import Path

from factcheck.core.extract.claims import extract_claims
from factcheck.core.models import Passage, Role, Source
from factcheck.core.text.lang import tokens
from factcheck.core.text.names import sentence_start

DEFAULT_CORPUS = Path(__file__).resolve().parents[4] / "shared" / "corpus" / "seeds"
TARGET_WORDS = 1000


def long_article(bodies: Sequence[Sequence[str]], words: int = TARGET_WORDS) -> tuple[
    Source, list[Passage]
]:
    """One article of about ``words`` words made of the given body sentences, in turn."""
    text, passages, count = "", [], 0
    sentences = [s for body in bodies for s in body]
    i = 0
    while count < words and sentences:
        sentence = sentences[i % len(sentences)]
        start = len(text)
        text += sentence
        passages.append(Passage(id=f"p{i}", source_id="bench", start=start, end=len(text),
                                text=sentence, role=Role.BODY))
        text += "\n\n"
        count += len(sentence.split())
        i += 1
    source = Source(id="bench", file="bench.txt", sha256="0", text=text, language="id",
                    published="2024-06-18")
    return source, passages


def time_extraction(source: Source, passages: list[Passage], rounds: int = 7,
                    runs: int = 5) -> float:
    """Best CPU milliseconds per extraction of the article (caches cleared before each run)."""
    extract_claims(source, passages)  # warm-up: lexicons, regexes, babel
    best = float("inf")
    for _ in range(rounds):
        started = time.process_time()
        for _ in range(runs):
            tokens.cache_clear()
            sentence_start.cache_clear()
            extract_claims(source, passages)
        best = min(best, (time.process_time() - started) / runs * 1000)
    return best


def main(argv: Sequence[str] | None = None) -> int:
    """Print extraction time per 1,000-word article for the corpus in ``argv[0]``."""
    from factcheck.core.ingest import ingest_file  # the stage before: only for sample text

    args = list(sys.argv[1:] if argv is None else argv)
    folder = Path(args[0]) if args else DEFAULT_CORPUS
    bodies = []
    for path in sorted(folder.glob("*.txt")):
        result = ingest_file(path)
        bodies.append([p.text for p in result.passages if p.role == Role.BODY])
    source, passages = long_article(bodies)
    ms = time_extraction(source, passages)
    words = sum(len(p.text.split()) for p in passages)
    print(f"extraction: {ms:.2f} ms CPU for {words} words in {len(passages)} sentences "
          f"({1000 / ms:.0f} articles/s on one core)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
