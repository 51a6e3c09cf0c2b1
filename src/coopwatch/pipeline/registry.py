"""The entity registries users extend: organizations.tsv, persons.tsv, roles.tsv,
first_names.txt (read once, cached), and English region names from regions.tsv.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from coopwatch.data_files import data_records, data_text, region_names
from coopwatch.pipeline.translit import fold


@dataclass(frozen=True, slots=True)
class OrgEntry:
    """One organization: its key, short names in both languages, aliases, kind, country."""

    key: str
    name_en: str
    name_ru: str
    aliases: tuple[str, ...]
    kind: str
    country: str | None
    sector: str = ""  # the spec sector its name alone implies ("Grodno Azot" -> chemicals)


@dataclass(frozen=True, slots=True)
class PersonEntry:
    """A known official: English press spelling, Russian name, aliases and usual role."""

    name_en: str
    name_ru: str
    aliases: tuple[str, ...]
    role_en: str | None
    affiliation: str | None


def _split(aliases: str) -> tuple[str, ...]:
    return tuple(a.strip() for a in aliases.split("|") if a.strip())


@lru_cache(maxsize=1)
def organizations() -> tuple[OrgEntry, ...]:
    """Every row of organizations.tsv (key, name_en, name_ru, aliases, kind, country, sector)."""
    return tuple(
        OrgEntry(r["key"], r["name_en"], r["name_ru"], _split(r.get("aliases", "")),
                 r.get("kind", ""), r.get("country") or None, r.get("sector") or "")
        for r in data_records("organizations.tsv")
    )


@lru_cache(maxsize=1)
def organizations_by_key() -> dict[str, OrgEntry]:
    """The registry indexed by key."""
    return {o.key: o for o in organizations()}


@lru_cache(maxsize=1)
def persons() -> tuple[PersonEntry, ...]:
    """Every row of persons.tsv."""
    return tuple(
        PersonEntry(r["name_en"], r["name_ru"], _split(r.get("aliases", "")),
                    r.get("role_en") or None, r.get("affiliation") or None)
        for r in data_records("persons.tsv")
    )


@lru_cache(maxsize=1)
def persons_by_surname() -> dict[str, list[PersonEntry]]:
    """Known persons under every folded surname they are written with."""
    table: dict[str, list[PersonEntry]] = {}
    for person in persons():
        for name in (person.name_en, person.name_ru, *person.aliases):
            table.setdefault(fold(name.split()[-1]), []).append(person)
    return table


@lru_cache(maxsize=2)
def role_cues(lang: str) -> dict[str, str]:
    """Role words of one language (lower-case phrase or lemma) -> English title."""
    return {r["cue"]: r["title_en"] for r in data_records("roles.tsv") if r["lang"] == lang}


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """Folded first names in every spelling: a capitalised pair starting with one is a name."""
    names = {fold(w) for ln in data_text("first_names.txt").splitlines()
             if not ln.startswith("#") for w in ln.split()}
    for person in persons():
        names.update(fold(n.split()[0]) for n in (person.name_en, person.name_ru, *person.aliases)
                     if len(n.split()) > 1)
    return frozenset(names)


_COUNTRY_EN = {"BY": "Belarus", "RU": "Russia"}


@lru_cache(maxsize=1)
def _region_names() -> dict[str, str]:
    """A region's own name, else the capital that stands for it; the two countries."""
    return {**region_names("en", ("region", "republic", "capital")), **_COUNTRY_EN}


def region_name_en(code: str) -> str | None:
    """The English name of a party code, for role titles ("Governor of Tula Oblast")."""
    return _region_names().get(code)
