"""ClaimReview export: schema.org JSON-LD for fact-check publishers and search engines.

One ``ClaimReview`` object per claim with a verdict, in a JSON list. Fields follow schema.org's
ClaimReview and Google's fact-check markup guidance (required: ``claimReviewed``,
``reviewRating``, ``url`` where the organization publishes; recommended: ``author``,
``datePublished``, ``itemReviewed`` with the claim's author, appearances and first appearance).

Rating scale. ``reviewRating.ratingValue`` is the verdict's ``rating`` in the settings' verdict
scale, on ClaimReview's numeric scale from 1 (``worstRating``, least true) to 5 (``bestRating``,
most true). The default scale (`factcheck.settings.DEFAULT_VERDICTS`):

* ``true`` (True / Benar): 5
* ``partly_true`` (Partly true / Sebagian benar): 4
* ``disputed`` (Disputed / Diperdebatkan): 3
* ``unverifiable`` (Unverifiable / Tidak dapat diverifikasi): 3
* ``misleading`` (Misleading / Menyesatkan): 2
* ``false`` (False / Salah): 1

3, the middle, is used for verdicts that do not rank truth. ``alternateName`` carries the
label (in the export's language) and is what readers see; ``ratingExplanation`` carries the
reviewer's explanation. A verdict whose label is not in the configured scale keeps its
``alternateName`` and has no numeric rating.

``claimReviewed`` is the claim's sentence when it fits in 75 characters, else its normalized
reading ("dead: at least 11 (BNPB)", shown beside the claim in the Markdown and HTML reports
so the reviewer sees what will be published), else the sentence cut on a word boundary; the
whole sentence is always ``itemReviewed.text``.

A claim's author is its speaker (``Normalized.speaker``): a ``Person`` when the speaker looks like
a personal name, otherwise an ``Organization`` (governments, ministries, several parties); a claim
with no speaker is attributed to the outlet that published it first. Scraped text is cleaned of
control, bidi and zero-width characters.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from functools import cache
from typing import Any

import orjson

from factcheck.core.readmodel import ClaimView
from factcheck.core.report.data import Report, outlet_name
from factcheck.core.report.text import json_text, one_line, shorten
from factcheck.core.text.languages import load
from factcheck.settings import Settings

CLAIM_LIMIT = 75
"""Longest ``claimReviewed`` (Google's guidance); see `claim_reviewed`."""

_NOT_PERSON = {"and", "dan", "serta", "united", "states", "kingdom", "republic", "nations",
               "union", "kremlin", "pentagon", "istana", "house", "palace", "white", "tass",
               "reuters", "afp", "ap", "antara", "xinhua", "kcna", "yonhap"}


@cache
def _org_words() -> frozenset[str]:
    words = set(_NOT_PERSON)
    for lang in ("en", "id"):
        words.update(w.lower() for w in load(lang).get("role_words", []))
    return frozenset(words)


def speaker_type(name: str) -> str:
    """``Person`` when ``name`` looks like a personal name (2-4 capitalised words), else
    ``Organization``."""
    words = name.replace(",", " ").split()
    if not 2 <= len(words) <= 4 or any(not w[:1].isupper() for w in words):
        return "Organization"
    org = _org_words()
    return "Organization" if any(w.lower() in org for w in words) else "Person"


def _when(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _appearances(report: Report, claim: ClaimView) -> list[tuple[datetime | None, dict[str, Any]]]:
    found: dict[str, tuple[datetime | None, dict[str, Any]]] = {}
    for passage in claim.passages:
        if passage.source_id in found:
            continue
        source = report.source_by_id.get(passage.source_id, {})
        work: dict[str, Any] = {"@type": "NewsArticle"}
        url = one_line(source.get("url"))
        if url.lower().startswith(("http://", "https://")):
            work["url"] = url
        if source.get("title"):
            work["headline"] = one_line(source["title"])
        if source.get("published"):
            work["datePublished"] = one_line(source["published"])
        work["publisher"] = {"@type": "Organization", "name": one_line(outlet_name(passage))}
        found[passage.source_id] = (_when(source.get("published")), work)
    return list(found.values())


def claim_reviewed(claim: ClaimView) -> str:
    """What ``claimReviewed`` says: the claim's sentence when it fits in `CLAIM_LIMIT`
    characters; else its normalized reading (what, value, who, as of when: "dead: at least 11
    (BNPB)"), which the reports show beside the claim; else the sentence cut on a word
    boundary. The whole sentence is ``itemReviewed.text`` in every case."""
    said = one_line(claim.text)
    if len(said) <= CLAIM_LIMIT:
        return said
    return shorten(one_line(claim.reading) or said, CLAIM_LIMIT)


def claim_review(report: Report, claim: ClaimView, settings: Settings) -> dict[str, Any] | None:
    """The ClaimReview object of one claim; None when the claim has no verdict."""
    verdict = claim.verdict
    if verdict is None:
        return None
    rating: dict[str, Any] = {"@type": "Rating"}
    if verdict.rating is not None:
        rating.update(ratingValue=verdict.rating, bestRating=5, worstRating=1)
    rating["alternateName"] = one_line(verdict.label_text)
    if verdict.explanation:
        rating["ratingExplanation"] = one_line(verdict.explanation)

    appearances = _appearances(report, claim)
    dated = [(when, work) for when, work in appearances if when is not None]
    dated.sort(key=lambda a: a[0])
    first = dated[0][1] if dated else (appearances[0][1] if appearances else None)
    speaker = one_line(claim.normalized.get("speaker"))
    item: dict[str, Any] = {"@type": "Claim"}
    said = one_line(claim.text)
    if said:
        item["text"] = said  # the whole sentence; `claimReviewed` may state its reading
    if speaker:
        item["author"] = {"@type": speaker_type(speaker), "name": speaker}
    elif first is not None:
        item["author"] = dict(first["publisher"])
    if first is not None and "datePublished" in first:
        item["datePublished"] = first["datePublished"]
    if appearances:
        item["appearance"] = [work for _, work in appearances]
        item["firstAppearance"] = first

    organization = settings.organization
    author: dict[str, Any] = {"@type": "Organization", "name": one_line(organization.name)}
    review: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": claim_reviewed(claim),
        "reviewRating": rating,
        "itemReviewed": item,
        "author": author,
        "datePublished": one_line(verdict.at),
    }
    if organization.url:
        author["url"] = organization.url
        review["url"] = f"{organization.url.rstrip('#')}#{claim.id}"
    return review


def render(report: Report, settings: Settings,
           progress: Callable[[int, int], None] | None = None) -> str:
    """The JSON-LD document: a list of ClaimReview objects (reviewed claims with a verdict)."""
    reviews: list[dict[str, Any]] = []
    total = len(report.claims)
    for done, claim in enumerate(report.claims, start=1):
        review = claim_review(report, claim, settings)
        if review is not None:
            reviews.append(review)
        if progress is not None:
            progress(done, total)
    return script_safe(json_text(orjson.dumps(reviews, option=orjson.OPT_INDENT_2).decode(
        "utf-8"))) + "\n"


_SCRIPT_UNSAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                                "\u2028": "\\u2028", "\u2029": "\\u2029"})


def script_safe(document: str) -> str:
    """JSON that can be embedded as it is in ``<script type="application/ld+json">`` (the way
    publishers embed ClaimReview): ``<``, ``>`` and ``&`` only occur inside strings, where their
    ``\\uXXXX`` escapes read the same, so a scraped ``</script>`` cannot end the element."""
    return document.translate(_SCRIPT_UNSAFE)
