"""Entities, mentions and relations: one row per identity across languages (the same key from an
English and a Russian document is one entity), each mention and relation tied to its sentence.
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass, field

from coopwatch.data_files import region_names
from coopwatch.model import Extraction
from coopwatch.store.textindex import index_text

_TRANSLIT = dict(zip(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіў",
    "a b v g d e e zh z i y k l m n o p r s t u f kh ts ch sh shch _ y _ e yu ya i u".split(),
    strict=True,
))
_CODE = re.compile(r"^[A-Z]{2}(-[A-Z0-9]{1,3})?$")
_CYRILLIC = re.compile(r"[а-яёіў]", re.IGNORECASE)


def slug(name: str) -> str:
    """A name folded to lower-case ASCII words joined by '-', Cyrillic transliterated.

    >>> slug("Миляев"), slug("Minsk Automobile Plant"), slug("МАЗ")
    ('milyaev', 'minsk-automobile-plant', 'maz')
    """
    folded = "".join(_TRANSLIT.get(ch, ch) for ch in name.lower()).replace("_", "")
    return "-".join(re.findall(r"[a-z0-9]+", folded))


def person_key(name: str, key: str | None = None) -> str:
    """The identity of a person: the extractor's key, or 'person:<surname>:<first name>'.

    >>> person_key("Dmitry Milyaev"), person_key("Дмитрий Миляев"), person_key("X", "person:x")
    ('person:milyaev:dmitry', 'person:milyaev:dmitriy', 'person:x')
    """
    if key:
        return key if key.startswith("person:") else f"person:{key}"
    words = [slug(w) for w in name.split() if slug(w)]
    if len(words) < 2:
        return "person:" + "-".join(words)
    return f"person:{words[-1]}:{words[0]}"


def organization_key(name: str, key: str | None = None) -> str:
    """The identity of an organization: 'org:' + the registry key, or + the slug of its name.

    >>> organization_key("MAZ"), organization_key("МАЗ"), organization_key("Belaz", "belaz")
    ('org:maz', 'org:maz', 'org:belaz')
    """
    if key:
        return key if key.startswith("org:") else f"org:{key}"
    return f"org:{slug(name)}"


def party_key(code: str) -> str:
    """The identity of a country ('country:BY') or a first-level region ('region:RU-TUL').

    >>> party_key("BY"), party_key("RU-TUL")
    ('country:BY', 'region:RU-TUL')
    """
    return f"country:{code}" if "-" not in code else f"region:{code}"


def is_party_code(text: str) -> bool:
    """True for 'BY', 'RU-TUL'; False for names.

    >>> is_party_code("RU-TUL"), is_party_code("MAZ")
    (True, False)
    """
    return bool(_CODE.match(text))


NAME_KINDS = ("country", "region", "republic", "capital")  # the rows that name a party best


def party_names(code: str) -> tuple[str, str | None]:
    """The English and Russian names of a party code (the code itself when unknown).

    >>> party_names("RU-TUL")
    ('Tula Oblast', 'Тульская область')
    """
    return region_names("en", NAME_KINDS).get(code, code), region_names("ru", NAME_KINDS).get(code)


def party_entity(code: str) -> Entity:
    """The entity of a country or region code, named from the gazetteer."""
    key = party_key(code)
    en, ru = party_names(code)
    kind = "country" if key.startswith("country:") else "region"
    return Entity(key, kind, name_en=en, name_ru=ru, country=code[:2])


@dataclass
class Entity:
    """An entity about to be upserted: its key, kind and whatever names are known."""

    key: str
    kind: str
    name_en: str | None = None
    name_ru: str | None = None
    country: str | None = None
    data: dict[str, str] = field(default_factory=dict)


def split_names(name: str | None, ru: str | None) -> tuple[str | None, str | None]:
    """(English, Russian) names from a name and an optional Russian form.

    >>> split_names("МАЗ", None), split_names("MAZ", "МАЗ")
    ((None, 'МАЗ'), ('MAZ', 'МАЗ'))
    """
    if name and _CYRILLIC.search(name):
        return None, ru or name
    return name, ru


class EntityRegistry:
    """Upserts entities and keeps their ids for the session (cleared on rollback)."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._connection = connection
        self._known: dict[str, tuple[int, str | None, str | None]] = {}

    def forget(self) -> None:
        """Drop the cache: after a rollback, rows it names may no longer exist."""
        self._known.clear()

    def upsert(self, entity: Entity) -> int:
        """The entity's id, inserting it or filling a missing name or country."""
        cached = self._known.get(entity.key)
        if cached and _covered(cached, entity):
            return cached[0]
        row = self._connection.execute(
            """INSERT INTO entities (kind, key, name_en, name_ru, country, data)
               VALUES (?, ?, ?, ?, ?, ?)
               ON CONFLICT(key) DO UPDATE SET
                 name_en = COALESCE(entities.name_en, excluded.name_en),
                 name_ru = COALESCE(entities.name_ru, excluded.name_ru),
                 country = COALESCE(entities.country, excluded.country)
               RETURNING id, name_en, name_ru""",
            (entity.kind, entity.key, entity.name_en, entity.name_ru, entity.country,
             json.dumps(entity.data, ensure_ascii=False)),
        ).fetchone()
        entity_id, name_en, name_ru = int(row[0]), row[1], row[2]
        if cached is None or (name_en, name_ru) != cached[1:]:
            self._index(entity_id, entity.key, name_en, name_ru)
        self._known[entity.key] = (entity_id, name_en, name_ru)
        return entity_id

    def _index(self, entity_id: int, key: str, name_en: str | None, name_ru: str | None) -> None:
        names = " ".join(n for n in (name_en, name_ru, index_text(name_ru), key) if n)
        self._connection.execute("DELETE FROM entities_fts WHERE rowid = ?", (entity_id,))
        self._connection.execute(
            "INSERT INTO entities_fts (rowid, names) VALUES (?, ?)", (entity_id, names)
        )


def _covered(cached: tuple[int, str | None, str | None], entity: Entity) -> bool:
    """True when the stored row already has every name this entity brings."""
    return not (entity.name_en and not cached[1]) and not (entity.name_ru and not cached[2])


def extraction_entities(extraction: Extraction) -> dict[str, Entity]:
    """Every person, organization, region and country of an extraction, by key."""
    found: dict[str, Entity] = {}
    for party in extraction.parties:
        key = party_key(party.code)
        if key not in found:
            found[key] = party_entity(party.code)
    for person in extraction.persons:
        key = person_key(person.name, person.key)
        en, ru = split_names(person.name, person.ru)
        found.setdefault(key, Entity(key, "person", en, ru))
    for org in extraction.organizations:
        key = organization_key(org.name, org.key)
        en, ru = split_names(org.name, org.ru)
        data = {"kind": org.kind} if org.kind else {}
        found.setdefault(key, Entity(key, "organization", en, ru, org.country, data))
    return found


def name_lookup(extraction: Extraction) -> dict[str, str]:
    """Lower-cased names, Russian forms and keys of an extraction's entities -> entity key."""
    lookup: dict[str, str] = {}
    for person in extraction.persons:
        key = person_key(person.name, person.key)
        for name in (person.name, person.ru, person.key, person.name.split()[-1]):
            if name:
                lookup.setdefault(name.lower(), key)
    for org in extraction.organizations:
        key = organization_key(org.name, org.key)
        for name in (org.name, org.ru, org.key):
            if name:
                lookup.setdefault(name.lower(), key)
    return lookup


def resolve(name: str, lookup: dict[str, str]) -> str | None:
    """The entity key a free-text participant or party names, if it names one we know."""
    if is_party_code(name):
        return party_key(name)
    return lookup.get(name.lower())
