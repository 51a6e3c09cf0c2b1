"""Ministries of Russia's regions, named with their region: not the national ministries.

«министерство промышленности и торговли Татарстана», "Tatarstan's Ministry of Industry and
Trade", "the Ministry of Agriculture of Omsk Oblast": each is reported as one organization,
"Ministry of <what> of <region>", in English (the subject from data/ministry_subjects.tsv, the
region's first English name from data/regions.tsv). A regional minister alone ("Minister of
Economic Development of Tula region") names a person's role, not an organization, and is not
read as the national ministry either (`organizations._regional`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from coopwatch.data_files import data_records, region_names
from coopwatch.model import PartyMention

RU_BEFORE = re.compile(
    r"\bминистерств[оаеуы]\w*\s+((?:[а-яё\-]+,?\s+){0,6})$",
    re.IGNORECASE)
REGION_KINDS = ("region", "republic")


@dataclass(frozen=True, slots=True)
class RegionalBody:
    """A regional ministry: its offsets (name and region together) and English name."""

    start: int
    end: int
    name: str


@lru_cache(maxsize=1)
def subjects() -> dict[str, str]:
    """Russian genitive subject -> English ("промышленности и торговли" -> Industry and Trade)."""
    return {r["ru"].replace("ё", "е"): r["en"] for r in data_records("ministry_subjects.tsv")}


@lru_cache(maxsize=1)
def english_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """"Ministry of <subject> of [the]" before a region, "['s] Ministry of <subject>" after."""
    known = "|".join(re.escape(s) for s in sorted(set(subjects().values()), key=len, reverse=True))
    after = re.compile(rf"\bMinistry\s+(?:of|for)\s+({known})\s+of\s+(?:the\s+)?$")
    before = re.compile(rf"(?:[’']s)?\s+Ministry\s+(?:of|for)\s+({known})\b")
    return after, before


def _english_name(subject: str, code: str) -> str | None:
    region = region_names("en", REGION_KINDS).get(code)  # not a country or a capital
    return f"Ministry of {subject} of {region}" if region else None


def _russian(text: str, party: PartyMention) -> RegionalBody | None:
    found = RU_BEFORE.search(text[max(0, party.start - 90):party.start])
    if not found:
        return None
    subject = " ".join(found.group(1).lower().replace("ё", "е").split())
    english = subjects().get(subject.rstrip(","))
    name = _english_name(english, party.code) if english else None
    start = party.start - len(found.group(0))
    return RegionalBody(start, party.end, name) if name else None


def _english(text: str, party: PartyMention) -> RegionalBody | None:
    en_after, en_before = english_patterns()
    after = en_after.search(text[max(0, party.start - 90):party.start])
    if after:
        name = _english_name(" ".join(after.group(1).split()), party.code)
        return RegionalBody(party.start - len(after.group(0)), party.end, name) if name else None
    before = en_before.match(text, party.end)
    if before:
        name = _english_name(" ".join(before.group(1).split()), party.code)
        return RegionalBody(party.start, before.end(), name) if name else None
    return None


def find_regional_ministries(text: str, parties: list[PartyMention]) -> list[RegionalBody]:
    """Regional ministries named around the Russian regions mentioned in a text.

    >>> from coopwatch.pipeline.parties import find_parties
    >>> text = "Министерство промышленности и торговли Татарстана сообщило"
    >>> [b.name for b in find_regional_ministries(text, find_parties(text))]
    ['Ministry of Industry and Trade of Tatarstan']
    """
    bodies = []
    for party in parties:
        if party.code.startswith("RU-"):
            body = _russian(text, party) or _english(text, party)
            if body:
                bodies.append(body)
    return bodies
