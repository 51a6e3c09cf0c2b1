"""Write one document's extraction: facts, entities, mentions and relations, all inside the
caller's transaction, each tied to the document and its sentence.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from typing import Any

from coopwatch.model import Evidence, Extraction
from coopwatch.store.entities import (
    Entity,
    EntityRegistry,
    extraction_entities,
    is_party_code,
    name_lookup,
    organization_key,
    party_entity,
    party_key,
    person_key,
    resolve,
)
from coopwatch.store.facts import FACT_COLUMNS, fact_rows

LINK_KINDS = {"agreement": "agreement_party", "event": "participant", "project": "project_party"}

_INSERT_FACT = (
    f"INSERT INTO facts (document_id, story_id, sentence_id, data, {', '.join(FACT_COLUMNS)}) "
    f"VALUES (?, ?, ?, ?, {', '.join('?' for _ in FACT_COLUMNS)})"
)


class ExtractionWriter:
    """Inserts one extraction's rows for one document; sentence indexes become sentence ids."""

    def __init__(
        self,
        connection: sqlite3.Connection,
        registry: EntityRegistry,
        document_id: int,
        story_id: int,
        published: date | None,
        sentence_ids: dict[int, int],
    ) -> None:
        self.connection = connection
        self.registry = registry
        self.document_id = document_id
        self.story_id = story_id
        self.valid_on = published.isoformat() if published else None
        self.sentence_ids = sentence_ids

    def write(self, extraction: Extraction) -> None:
        """Insert the facts, entities, mentions and relations of `extraction`."""
        ids = {key: self.registry.upsert(e) for key, e in extraction_entities(extraction).items()}
        lookup = name_lookup(extraction)
        self._write_facts(extraction, ids, lookup)
        self._write_mentions(extraction, ids)
        self._write_roles(extraction, ids)
        self._write_sectors(extraction, ids)

    def _sentence(self, index: int | None) -> int | None:
        return self.sentence_ids.get(index) if index is not None else None

    def _evidence(self, evidence: Evidence | None) -> tuple[int | None, int | None, int | None]:
        if evidence is None:
            return None, None, None
        return self._sentence(evidence.sentence), evidence.start, evidence.end

    def _write_facts(
        self, extraction: Extraction, ids: dict[str, int], lookup: dict[str, str]
    ) -> None:
        for row in fact_rows(extraction):
            sentence_id = self._sentence(row.sentence)
            cursor = self.connection.execute(
                _INSERT_FACT,
                (self.document_id, self.story_id, sentence_id, row.data,
                 *(row.columns[c] for c in FACT_COLUMNS)),
            )
            relation = LINK_KINDS.get(row.columns["kind"])
            if relation is None:
                continue
            for name in dict.fromkeys(row.links):
                key = resolve(name, lookup)
                if key is None:
                    continue
                subject = ids.get(key) or self._party_entity(key, name)
                self._relation(relation, subject, None, sentence_id, fact_id=cursor.lastrowid,
                               data={"name": name})

    def _party_entity(self, key: str, code: str) -> int:
        return self.registry.upsert(party_entity(code))

    def _write_mentions(self, extraction: Extraction, ids: dict[str, int]) -> None:
        rows: list[tuple[Any, ...]] = []
        for party in extraction.parties:
            sentence = self._sentence(party.sentence) if party.sentence >= 0 else None
            rows.append((ids[party_key(party.code)], sentence, party.start, party.end,
                         party.surface, None))
        for person in extraction.persons:
            rows.append((ids[person_key(person.name, person.key)],
                         *self._evidence(person.evidence), person.name, person.role))
        for org in extraction.organizations:
            rows.append((ids[organization_key(org.name, org.key)],
                         *self._evidence(org.evidence), org.name, None))
        self.connection.executemany(
            "INSERT INTO mentions (entity_id, document_id, sentence_id, start, end, surface, role)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(r[0], self.document_id, *r[1:]) for r in rows],
        )

    def _write_roles(self, extraction: Extraction, ids: dict[str, int]) -> None:
        for person in extraction.persons:
            if not (person.role or person.affiliation):
                continue
            subject = ids[person_key(person.name, person.key)]
            target = None
            if person.affiliation:
                key = (party_key(person.affiliation) if is_party_code(person.affiliation)
                       else organization_key(person.affiliation, person.affiliation))
                target = ids.get(key)
            sentence = self._evidence(person.evidence)[0]
            self._relation("holds_role", subject, target, sentence,
                           data={"role": person.role, "affiliation": person.affiliation})
        for org in extraction.organizations:
            if org.country and is_party_code(org.country):
                country = ids.get(party_key(org.country)) or self._party_entity(
                    party_key(org.country), org.country)
                subject = ids[organization_key(org.name, org.key)]
                self._relation("based_in", subject, country, self._evidence(org.evidence)[0])

    def _write_sectors(self, extraction: Extraction, ids: dict[str, int]) -> None:
        regions = [code for code in dict.fromkeys(extraction.partners) if is_party_code(code)]
        seen: set[tuple[str, str]] = set()
        for mention in extraction.sectors:
            sector = self.registry.upsert(
                Entity(f"sector:{mention.sector}", "sector", name_en=mention.sector))
            for code in regions:
                if (code, mention.sector) in seen:
                    continue
                seen.add((code, mention.sector))
                region = ids.get(party_key(code)) or self._party_entity(party_key(code), code)
                self._relation("cooperates_in", region, sector,
                               self._evidence(mention.evidence)[0])

    def _relation(
        self,
        kind: str,
        subject: int,
        target: int | None,
        sentence_id: int | None,
        fact_id: int | None = None,
        data: dict[str, object] | None = None,
    ) -> None:
        clean = {k: v for k, v in (data or {}).items() if v is not None}
        self.connection.execute(
            "INSERT INTO relations (kind, subject_id, object_id, fact_id, document_id,"
            " sentence_id, valid_on, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (kind, subject, target, fact_id, self.document_id, sentence_id, self.valid_on,
             json.dumps(clean, ensure_ascii=False)),
        )
