"""A project's identity across articles and languages: what it is (assembly, delivery, joint
production, construction, programme: data/projects.tsv), who does it (the registry keys of its
organizations, Belarusian ones first) and where (the Russian region). Two articles, English and
Russian, that speak of MAZ assembling buses in Vologda Oblast give the same key, so the store
can grow the project's status history.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from coopwatch.data_files import data_records
from coopwatch.model import Document, Extraction, Sentence
from coopwatch.pipeline.organizations import NOT_REPORTED_KINDS, find_registry_organizations
from coopwatch.pipeline.registry import region_name_en

KIND_WORDS = {
    "assembly": "assembly", "joint_production": "joint production", "construction":
    "construction", "programme": "programme", "delivery": "deliveries", "project": "project",
}


@dataclass(frozen=True)
class ProjectOrg:
    """An organization named in a project's sentence: its registry key, name and country."""

    key: str
    name: str
    country: str | None


@lru_cache(maxsize=1)
def kind_cues() -> list[tuple[str, str, re.Pattern[str]]]:
    """(kind, lang, regex) of data/projects.tsv in file order (the first that matches wins)."""
    return [(r["kind"], r["lang"], re.compile(r["pattern"], re.IGNORECASE))
            for r in data_records("projects.tsv")]


def project_kind(text: str, lang: str) -> str | None:
    """The kind of project a sentence speaks of, the same label in every language.

    >>> project_kind("MAZ will set up a bus assembly plant", "en")
    'assembly'
    >>> project_kind("Сборочный завод выпустил первые автобусы", "ru")
    'assembly'
    >>> project_kind("Стороны обсудили поставки удобрений", "ru"), project_kind("Hello", "en")
    ('delivery', None)
    """
    found = find_kind(text, lang)
    return found[0] if found else None


def find_kind(text: str, lang: str) -> tuple[str, re.Match[str]] | None:
    """The first kind cue (file order) of a sentence with where it matched."""
    lang = "en" if lang == "en" else "ru"
    for kind, cue_lang, pattern in kind_cues():
        m = pattern.search(text) if cue_lang == lang else None
        if m:
            return kind, m
    return None


def sentence_organizations(found: Extraction, sentence: Sentence) -> list[ProjectOrg]:
    """Every organization the sentence names (not only first mentions), in text order."""
    orgs: dict[str, ProjectOrg] = {}
    for match in sorted(find_registry_organizations(sentence.text), key=lambda m: m.start):
        entry, via_minister = match.payload
        if not via_minister and entry.kind not in NOT_REPORTED_KINDS:
            orgs.setdefault(entry.key, ProjectOrg(entry.key, entry.name_en, entry.country))
    low = sentence.text.lower()
    for org in found.organizations:
        names = [n for n in (org.name, org.ru) if n and len(n) > 2]
        if org.key and org.key not in orgs and any(n.lower() in low for n in names):
            orgs[org.key] = ProjectOrg(org.key, org.name, org.country)
    return list(orgs.values())


def main_region(doc: Document, found: Extraction, sentence: Sentence) -> str | None:
    """The Russian region of a project: named in its sentence, else the document's most named."""
    inside = [p.code for p in found.parties
              if p.code.startswith("RU-") and sentence.start <= p.start < sentence.end]
    if inside:
        return sorted(set(inside))[0] if len(set(inside)) > 1 else inside[0]
    counts = Counter(p.code for p in found.parties if p.code.startswith("RU-"))
    return counts.most_common(1)[0][0] if counts else None


def _org_part(orgs: list[ProjectOrg]) -> list[ProjectOrg]:
    """The organizations that identify a project: the Belarusian ones when any are named."""
    belarusian = [o for o in orgs if o.country == "BY"]
    return belarusian or orgs


def project_key(kind: str | None, orgs: list[ProjectOrg], region: str | None,
                sector: str | None) -> str | None:
    """'project:<kind>:<org keys or sector>:<region>'; None when neither org nor sector is known.

    >>> project_key("assembly", [ProjectOrg("maz", "MAZ", "BY")], "RU-VLG", "public_transport")
    'project:assembly:maz:RU-VLG'
    >>> project_key(None, [], "RU-TUL", "agriculture_food")
    'project:project:agriculture_food:RU-TUL'
    >>> project_key("delivery", [], "RU-TUL", None) is None
    True
    """
    main = _org_part(orgs)
    what = "+".join(sorted(o.key.removeprefix("org:") for o in main)) or sector
    if not what:
        return None
    return f"project:{kind or 'project'}:{what}:{region or '-'}"


def project_title(kind: str | None, orgs: list[ProjectOrg], region: str | None,
                  sector: str | None) -> str:
    """A readable name for a project: 'MAZ: assembly, Vologda Oblast'.

    >>> project_title("assembly", [ProjectOrg("maz", "MAZ", "BY")], "RU-VLG", None)
    'MAZ: assembly, Vologda Oblast'
    """
    who = ", ".join(o.name for o in _org_part(orgs)) or (sector or "").replace("_", " ")
    where = (region_name_en(region) or region) if region else None
    what = KIND_WORDS.get(kind or "project", kind or "project")
    return f"{who}: {what}" + (f", {where}" if where else "") if who else what + (
        f", {where}" if where else "")
