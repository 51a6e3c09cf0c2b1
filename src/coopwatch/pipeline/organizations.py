"""Organizations named in a document, one identity across names and languages.

Cascade: (1) registry names and aliases (organizations.tsv) in any case form, including
"the Economy Minister" -> the ministry; (2) unknown names by patterns (orgfinders.py):
English "X Plant", "company X", "NPO X", Russian legal forms and quoted names, natasha ORG
spans with an organization word. News agencies, photo credits and bodies that stand for a
party itself (governments, executive committees, embassies, parliaments) are not reported
as organizations: the gold counts companies, plants, ministries, committees, chambers,
institutes.
"""

from __future__ import annotations

import re
from functools import lru_cache

from coopwatch.model import Document, Evidence, Extraction, OrganizationMention
from coopwatch.pipeline import orgfinders
from coopwatch.pipeline.registry import OrgEntry, organizations
from coopwatch.pipeline.textmatch import Match, PhraseIndex, words
from coopwatch.pipeline.translit import fold

NOT_REPORTED_KINDS = frozenset(
    {"media", "government", "embassy", "executive_committee", "administration",
     "parliament", "international"}
)
_REGION_AFTER = re.compile(
    r"\s+(of|in)\s+(the\s+)?[A-Z]\w+\s+(Oblast|Region|region|Krai|Territory)"
)
_MINISTER_FORMS = [
    (re.compile(r"\bMinistry\b"), "Minister"),
    (re.compile(r"\bМинистерство\b", re.IGNORECASE), "министр"),
]


def _minister_aliases(name: str) -> list[str]:
    """'Ministry of Economy' -> 'Minister of Economy': a minister named implies the ministry."""
    return [pattern.sub(repl, name) for pattern, repl in _MINISTER_FORMS if pattern.search(name)]


@lru_cache(maxsize=1)
def registry_index() -> PhraseIndex[tuple[OrgEntry, bool]]:
    """Every registry name and alias (and a ministry's minister title) -> (entry, via_minister)."""
    phrases: list[tuple[str, tuple[OrgEntry, bool]]] = []
    for entry in organizations():
        for name in (entry.name_en, entry.name_ru, *entry.aliases):
            phrases.append((name, (entry, False)))
            if entry.kind == "ministry":
                phrases += [(alias, (entry, True)) for alias in _minister_aliases(name)]
    return PhraseIndex(phrases)


def find_registry_organizations(text: str) -> list[Match[tuple[OrgEntry, bool]]]:
    """Registry organizations in a text, longest names first."""
    return registry_index().find(words(text))


def _regional(doc: Document, found: Extraction, end: int) -> bool:
    """A minister of a region («министр экономики Тульской области») is not a national ministry."""
    for party in found.parties:
        if "-" in party.code and 0 <= party.start - end <= 4:
            return True
    tail = doc.text[end:end + 40]
    return bool(_REGION_AFTER.match(tail))


def _mention(doc: Document, entry: OrgEntry, start: int, end: int) -> OrganizationMention | None:
    sentence = doc.sentence_at(start)
    return OrganizationMention(
        name=entry.name_en, key=entry.key, ru=entry.name_ru or None, kind=entry.kind or None,
        country=entry.country, evidence=Evidence(sentence=sentence.index if sentence else -1,
                                                 start=start, end=end),
    )


def tag_organizations(doc: Document, found: Extraction) -> None:
    """Add one OrganizationMention per organization (first mention), registry names first."""
    seen: set[str] = set()
    taken: list[tuple[int, int]] = []
    for match in find_registry_organizations(doc.text):
        entry, via_minister = match.payload
        taken.append((match.start, match.end))
        if entry.key in seen or entry.kind in NOT_REPORTED_KINDS:
            continue
        if entry.kind == "ministry" and _regional(doc, found, match.end):
            continue
        mention = _mention(doc, entry, match.start, match.end)
        if mention:
            seen.add(entry.key)
            found.organizations.append(mention)
    for hit in orgfinders.find_unknown(doc, found.parties):
        if any(s < hit.end and hit.start < e for s, e in taken):
            continue
        key = "org:" + fold(hit.name)
        if key in seen or not key[4:]:
            continue
        seen.add(key)
        sentence = doc.sentence_at(hit.start)
        found.organizations.append(OrganizationMention(
            name=hit.name, key=key, ru=hit.name if doc.lang != "en" else None, kind=hit.kind,
            evidence=Evidence(sentence=sentence.index if sentence else -1,
                              start=hit.start, end=hit.end),
        ))
