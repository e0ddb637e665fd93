"""Article metadata read from lines of the page: byline, dateline outlet, credits, sign-off.

Each reader looks at one line or one paragraph and returns what that text states, or nothing:
which lines to ask is decided by `factcheck.core.ingest.layout`. Nothing is guessed: a name is
taken only when it follows a byline label and looks like a name.
"""

from __future__ import annotations

import re
from functools import cache

from factcheck.core.ingest.dates import is_date_line
from factcheck.core.ingest.furniture import agency, data, normalized
from factcheck.core.textnorm import fold

_NAME_WORD = r"(?:[A-Z][\w'\u2019.-]*|bin|binti|van|von|der|de|da|al|el|di|dan|and|&)"
_NAME = re.compile(
    rf"^[A-Z][\w'\u2019.-]*(?:,?[\s\u00a0]+{_NAME_WORD}){{0,8}}$"
)
_PLACE = re.compile(r"\s+(?:in|di|from|dari)\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*")
_AFFILIATION = re.compile(
    r"(?:\s*[,|/-]\s*|\s+)(?:in|di|from|dari)\s+[A-Z][\w .-]*$|\s*[,|(/-]\s*[\w. ]+\)?$"
)
_SEGMENTS = re.compile(r"\s*[|;\u2022\u00b7]\s*")
_INITIALS = re.compile(
    r"(?:^|(?<=[.!?\"\u201d\u2019)])|\s)\s*(?:\[(?P<a>[A-Za-z]{1,5}(?:[/,.\s]+[A-Za-z]{1,5}){0,3})\]"
    r"|(?:^|(?<=[.!?\"\u201d]))\s*\((?P<b>[a-z]{2,4}(?:/[a-z]{2,4}){0,3})\))\s*$"
)
_DOMAIN = r"[A-Za-z][\w-]*(?:\.[A-Za-z]{2,}){1,2}"
_DASH = r"\s*[-\u2013\u2014]{1,2}(?=\s|$)"
_DATELINES = [
    re.compile(rf"^(?P<outlet>{_DOMAIN})\s*,\s*[A-Z][\w .'\u2019/-]{{1,40}}?{_DASH}"),
    re.compile(rf"^[A-Z][\w .'\u2019/-]{{1,40}}?,\s*(?P<outlet>{_DOMAIN}){_DASH}"),
    re.compile(
        rf"^(?:[A-Z][\w .,'\u2019/-]{{1,60}}?\s*)?\((?P<outlet>[A-Za-z][\w .&-]{{0,30}})\){_DASH}"
    ),
    re.compile(rf"^(?P<outlet>{_DOMAIN}){_DASH}"),
    # "Jakarta, CNN Indonesia --", "Lombok Barat, Radar Pesisir \u2014 Kebakaran ...": a place,
    # a short capitalised name, a dash and a new sentence (a dash inside a sentence is followed
    # by lower case: "Presiden Rusia, Vladimir Putin \u2014 yang ...").
    re.compile(
        r"^[A-Z][\w'.-]*(?:\s[A-Z][\w'.-]*){0,2},\s*"
        rf"(?P<plain>[A-Z][\w&'-]*(?:\s[A-Z][\w&'-]*){{0,3}}){_DASH}\s*[A-Z\"\u201c\u2018']"
    ),
]
_NOT_OUTLETS = re.compile(
    r"^(?:senin|selasa|rabu|kamis|jum'?at|sabtu|minggu|monday|tuesday|wednesday|thursday|"
    r"friday|saturday|sunday)\b|\d",
    re.IGNORECASE,
)
_SUFFIX = re.compile(
    r"\.(?:co\.id|co\.uk|com\.au|com\.sg|com\.my|com|co|id|net|org|news|tv|info|my|sg|ph|in)$",
    re.IGNORECASE,
)
# Credit phrases are found in the folded (lower-case, same-length) paragraph; the name after
# them is read, case and all, from the paragraph itself.
_CREDIT_VERB = re.compile(
    r"(?<!\w)(?:dikutip dari|dikutip oleh|seperti dikutip(?: oleh| dari)?|mengutip|melansir|"
    r"dilansir(?: dari| oleh)?|via|according to|reported by|quoted by|told|kepada|kantor berita|"
    r"news agency)\s+"
)
_CREDIT_NAME = re.compile(
    r"(?:(?:kantor berita|news agency|media|laman|situs|harian|the)\s+(?:[A-Za-z]+\s+){0,2}?)?"
    r"(?P<name>[A-Z][\w.&'\u2019-]*(?:\s+[A-Z][\w.&'\u2019-]*){0,3})"
)
_MORE_NAMES = re.compile(r"\s*(?:,|dan|and|&)\s+(?P<name>[A-Z][\w.&-]*(?:\s[A-Z][\w.&-]*)?)")
_OUTLET_VERBS = ("dikutip", "seperti dikutip", "mengutip", "melansir", "dilansir")
_PAREN_NAME = re.compile(r"\((?P<name>[A-Za-z][\w .&-]{1,30})\)")


def _roles() -> dict[str, str]:
    """Byline label (lower case) -> role, from ``furniture.json``."""
    roles: dict[str, str] = data()["byline_roles"]
    return roles


_LABEL = re.compile(
    r"^(?P<label>" + "|".join(re.escape(k) for k in sorted(_roles(), key=len, reverse=True))
    + r")\b\s*[:\-\u2013]?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
_LABEL_FIRST_WORDS = frozenset(label.split()[0] for label in _roles())
# "Editor : A   Reporter : B" (the spaces collapsed): a second "Label :" starts a new segment.
_NEXT_LABEL = re.compile(
    r"(?<=\S)\s+(?=(?:" + "|".join(re.escape(k) for k in sorted(_roles(), key=len, reverse=True))
    + r")\s*:)",
    re.IGNORECASE,
)
# Labels followed by a place or outlet before the name: "Kontributor Bandung, Agus Susanto".
_ROLE_WITH_PLACE = re.compile(r"kontributor|correspondent|laporan")


def byline_label(text: str) -> str | None:
    """The byline role a label-only line names ("Editor", "Penulis:"), else None."""
    if text.count(" ") > 3:
        return None
    return _roles().get(normalized(text))


def clean_name(text: str) -> str | None:
    """The person named by ``text`` (affiliation and place trimmed), or None if not a name."""
    name = _PLACE.sub("", text).strip(" :,-\u2013\u2014|")
    while "," in name and agency(name.rsplit(",", 1)[1]):
        name = name.rsplit(",", 1)[0].strip()
    if "," in name and "." in name.split(",", 1)[0]:
        name = name.split(",", 1)[1].strip()  # "Tribunnews.com, Ilham Rian Pratama"
    for _ in range(2):
        if _NAME.match(name) and len(name) <= 80:
            break
        name = _AFFILIATION.sub("", name).strip(" :,-")
    if not _NAME.match(name) or len(name) > 80 or agency(name):
        return None
    if byline_label(name):
        return None
    return name


def parse_byline(text: str) -> dict[str, str]:
    """Roles and names of a byline line ("Penulis: A | Editor: B", "By A", "Reporting by A").

    Returns an empty dict unless every segment of the line is a byline or a date.
    """
    if len(text) > 200:
        return {}
    if text.startswith("(") and text.endswith(")"):
        text = text[1:-1]  # "(Reporting by A; Editing by B)"
    found: dict[str, str] = {}
    first = text.split(None, 1)[0].lower().rstrip(":")
    if first not in _LABEL_FIRST_WORDS and not _SEGMENTS.search(text):
        return {}
    for segment in _SEGMENTS.split(_NEXT_LABEL.sub(" | ", text)):
        match = _LABEL.match(segment) if segment else None
        if match is None:
            if segment and not is_date_line(segment):
                return {}
            continue
        label = match.group("label").lower()
        rest = match.group("rest")
        if _ROLE_WITH_PLACE.match(label) and "," in rest:
            rest = rest.split(",", 1)[1]
        name = clean_name(rest) if rest else None
        if name is None:
            return {}
        found.setdefault(_roles()[label], name)
    return found


def dateline_outlet(paragraph: str) -> str | None:
    """The outlet named by a paragraph's dateline ("TEMPO.CO, Jakarta -" -> "Tempo")."""
    head = paragraph[:120]
    if not (" -" in head or "- " in head or "\u2013" in head or "\u2014" in head):
        return None
    for form in _DATELINES:
        match = form.match(paragraph)
        if match is None:
            continue
        groups = match.groupdict()
        if groups.get("outlet"):
            return outlet_name(groups["outlet"])
        if not _NOT_OUTLETS.search(groups["plain"]) and not _is_country(groups["plain"]):
            return outlet_name(groups["plain"])
    return None


@cache
def _country_names() -> frozenset[str]:
    """Country and region names in Indonesian and English (CLDR via babel), lower-cased."""
    from babel import Locale

    names: set[str] = set()
    for code in ("id", "en"):
        names.update(n.lower() for n in Locale.parse(code).territories.values())
    return frozenset(names)


def _is_country(name: str) -> bool:
    """True for "Rusia" in "Moskow, Rusia — ...": a place after a place, not an outlet."""
    return name.strip().lower() in _country_names()


def outlet_name(name: str) -> str | None:
    """A display name for an outlet: domain suffix removed, all-capital names title-cased."""
    name = _SUFFIX.sub("", name.strip()).strip(" .-")
    if not name:
        return None
    canonical = agency(name)
    if canonical:
        return canonical
    if (name.isupper() and len(name) > 4) or name.islower():
        return name[:1].upper() + name[1:].lower()
    return name


def credits_in(paragraph: str) -> list[str]:
    """Wire services and outlets a body paragraph credits ("Dikutip dari Reuters", "(AFP)")."""
    found: list[str] = []
    for verb in _CREDIT_VERB.finditer(fold(paragraph)):
        match = _CREDIT_NAME.match(paragraph, verb.end())
        if match is None:
            continue
        words = match.group("name").rstrip(".").split()
        spans = [(a, b) for a in range(len(words)) for b in range(len(words), a, -1)]
        name = next((agency(" ".join(words[a:b])) for a, b in spans
                     if agency(" ".join(words[a:b]))), None)
        if name is None and verb.group(0).startswith(_OUTLET_VERBS):
            name = " ".join(words)
        if name and name not in found:
            found.append(name)
        # "kantor berita Yonhap dan AFP": more agencies listed after the first.
        position = match.end()
        while (more := _MORE_NAMES.match(paragraph, position)) and agency(more.group("name")):
            extra = agency(more.group("name"))
            if extra and extra not in found:
                found.append(extra)
            position = more.end()
    for match in _PAREN_NAME.finditer(paragraph):
        name = agency(match.group("name"))
        if name and name not in found:
            found.append(name)
    return found


def split_initials(paragraph: str) -> tuple[str, str | None]:
    """Remove a trailing sign-off ("... Rusia. [SB]") and return it as initials."""
    match = _INITIALS.search(paragraph)
    if match is None:
        return paragraph, None
    initials = match.group("a") or match.group("b")
    return paragraph[: match.start()].rstrip(), initials
