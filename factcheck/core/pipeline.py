"""The pipeline over a store: ingest -> passages -> claims -> links.

`ingest_paths` reads files into the store (each file one durable transaction, so a crash keeps
every file already reported as stored), extracting claims as it goes; `extract_all` re-runs
extraction over stored sources; `link_all` re-groups every mention into tracked claims, obeying
reviewers' link decisions. Reviews live in their own table and are never touched here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from factcheck.core.extract import extract_claims
from factcheck.core.ingest import IngestError, IngestResult, ingest_file
from factcheck.core.link import link_claims
from factcheck.core.models import Claim, Mention, Passage, Source
from factcheck.core.store import Store, Transaction

ARTICLE_SUFFIXES = (".txt", ".html", ".htm")

Progress = Callable[[str], None]


@dataclass
class FileOutcome:
    """What happened to one input file."""

    path: Path
    status: str
    """``new``, ``unchanged``, ``new version`` or ``error``."""
    source: Source | None = None
    passages: int = 0
    claims: int = 0
    warnings: list[str] = field(default_factory=list)
    error: str | None = None


@dataclass
class IngestReport:
    """The outcome of one ``ingest`` run."""

    files: list[FileOutcome] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    """Problems with the paths themselves (missing, empty folder)."""

    @property
    def failed(self) -> bool:
        """True when any file or path could not be ingested."""
        return bool(self.errors) or any(f.status == "error" for f in self.files)


def collect_files(paths: Iterable[Path]) -> tuple[list[Path], list[str]]:
    """Expand folders into their article files; report paths that cannot be used."""
    files: list[Path] = []
    errors: list[str] = []
    for path in paths:
        if not path.exists():
            errors.append(f"{path}: no such file or folder")
        elif path.is_dir():
            found = sorted(p for p in path.rglob("*")
                           if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES
                           and not p.name.startswith("."))
            if not found:
                errors.append(f"{path}: folder has no articles (.txt, .html, .htm)")
            files.extend(found)
        else:
            files.append(path)
    return files, errors


def ingest_paths(store: Store, paths: Sequence[Path], *, outlet: str | None = None,
                 progress: Progress | None = None, link: bool = True) -> IngestReport:
    """Ingest files and folders into ``store``; then re-link (unless ``link`` is False)."""
    files, errors = collect_files(paths)
    report = IngestReport(errors=errors)
    changed = False
    for path in files:
        if progress:
            progress(path.name)
        try:
            result = ingest_file(path, outlet=outlet)
        except IngestError as exc:
            report.files.append(FileOutcome(path, "error", error=str(exc)))
            continue
        outcome = store_result(store, path, result)
        changed = changed or outcome.status != "unchanged"
        report.files.append(outcome)
    if changed and link:
        link_all(store)
    if changed:
        store.compact()
    return report


def store_result(store: Store, path: Path, result: IngestResult) -> FileOutcome:
    """Write one ingested article (a new source, or a new version of one) with its claims."""
    source = result.source
    with store.transaction() as tx:
        sources = store.raw("sources")
        if source.id in sources:
            existing = store.source(source.id)
            return FileOutcome(path, "unchanged", existing, warnings=[])
        previous = next(
            (s for s in sources.values()
             if s.get("file") == source.file and s.get("superseded_by") is None),
            None,
        )
        status = "new"
        warnings = list(result.warnings)
        if previous is not None:
            status = "new version"
            manual = dict(previous.get("manual", {}))
            carried = {k: previous.get(k) for k in manual}
            source = source.model_copy(update={"version": int(previous.get("version", 1)) + 1,
                                               "manual": manual, **carried})
            old = Source.model_validate(previous)
            tx.put("sources", old.model_copy(update={"superseded_by": source.id}))
            warnings.extend(_retire(store, tx, old.id, {p.id for p in result.passages}))
        mentions = extract_claims(source, result.passages)
        tx.put("sources", source)
        for passage in result.passages:
            tx.put("passages", passage)
        for mention in mentions:
            tx.put("mentions", mention)
    return FileOutcome(path, status, source, len(result.passages), len(mentions), warnings)


def _retire(store: Store, tx: Transaction, old_source: str, kept: set[str]) -> list[str]:
    """Drop the old version's passages and mentions; report reviews left without a passage."""
    gone = {pid for pid, p in store.raw("passages").items()
            if p.get("source_id") == old_source and pid not in kept}
    for pid in gone:
        tx.delete("passages", pid)
    for mid, m in store.raw("mentions").items():
        if m.get("source_id") == old_source:
            tx.delete("mentions", mid)
    warnings = []
    for claim_id, review in store.raw("reviews").items():
        lost = sorted(set(review.get("marks", {})) & gone)
        lost += sorted({n.get("passage_id") for n in review.get("notes", [])
                        if n.get("passage_id") in gone} - set(lost))
        for pid in lost:
            warnings.append(f"review of claim {claim_id} on passage {pid} kept, but that "
                            "passage is gone from the new version")
    return warnings


def extract_all(store: Store, progress: Progress | None = None) -> int:
    """Re-run extraction on every current source; returns the number of mentions."""
    total = 0
    for source in store.sources():
        if progress:
            progress(source.file)
        passages = store.passages(source.id)
        mentions = extract_claims(source, passages)
        with store.transaction() as tx:
            keep = {m.id for m in mentions}
            for mid, doc in store.raw("mentions").items():
                if doc.get("source_id") == source.id and mid not in keep:
                    tx.delete("mentions", mid)
            for mention in mentions:
                tx.put("mentions", mention)
        total += len(mentions)
    store.compact()
    return total


def link_all(store: Store) -> list[Claim]:
    """Group every mention of the current sources into tracked claims and store them."""
    sources = {s.id: s for s in store.sources()}
    passages: dict[str, Passage] = {p.id: p for p in store.passages() if p.source_id in sources}
    mentions = [m for m in store.mentions() if m.source_id in sources]
    claims = link_claims(mentions, sources, passages, previous=store.claims(),
                         decisions=store.decisions())
    with store.transaction(bulk=True) as tx:
        fresh = {c.id for c in claims}
        for claim_id in list(store.raw("claims")):
            if claim_id not in fresh:
                tx.delete("claims", claim_id)
        for claim in claims:
            tx.put("claims", claim)
    return claims


def current_mentions(store: Store) -> list[Mention]:
    """Mentions of the current version of each source."""
    current = {s.id for s in store.sources()}
    return [m for m in store.mentions() if m.source_id in current]
