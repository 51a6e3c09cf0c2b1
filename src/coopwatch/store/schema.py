"""The database schema as ordered, versioned migrations; `PRAGMA user_version` records the last
one applied. Append a migration to change the schema: never edit one that has shipped.

Shape of the knowledge base:
- `stories` group near-duplicate `documents` (syndicated copies): facts are counted once per
  story and cited by every document of it.
- `sentences` keep offsets into `documents.text`; every fact links to its sentence.
- `facts` hold every extracted fact (`kind`: trade, target, agreement, event, project, sector),
  the columns analysts filter on, plus the whole fact as JSON in `data`.
- `entities` are people, organizations, regions and countries, one row per identity across
  languages (`key`: "person:milyaev", "org:maz", "region:RU-TUL"); `mentions` tie them to
  sentences, `relations` tie entities to each other (person-role-organization, ...), each with
  the document it came from.
- `documents_fts` indexes title and text, Russian words in lemmatized form (filled by the
  store, so the FTS table holds `index_text`, never the raw text).
"""

from __future__ import annotations

MIGRATIONS: list[str] = [
    # 1: documents, stories, sentences, facts, entities, full-text search
    """
    CREATE TABLE sources (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE
    );
    CREATE TABLE stories (
        id INTEGER PRIMARY KEY,
        title TEXT,
        first_published TEXT,
        created_at TEXT NOT NULL
    );
    CREATE TABLE documents (
        id INTEGER PRIMARY KEY,
        story_id INTEGER NOT NULL REFERENCES stories(id),
        source_id INTEGER REFERENCES sources(id),
        name TEXT NOT NULL,
        origin TEXT NOT NULL,
        url TEXT,
        title TEXT,
        lang TEXT NOT NULL,
        published TEXT,
        published_from TEXT,
        dateline_place TEXT,
        content_hash TEXT NOT NULL UNIQUE,
        minhash BLOB,
        raw_text TEXT NOT NULL,
        text TEXT NOT NULL,
        ingested_at TEXT NOT NULL
    );
    CREATE INDEX documents_story ON documents(story_id);
    CREATE INDEX documents_lang_published ON documents(lang, published);
    CREATE TABLE sentences (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        text TEXT NOT NULL,
        UNIQUE (document_id, idx)
    );
    CREATE TABLE facts (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        story_id INTEGER NOT NULL REFERENCES stories(id),
        sentence_id INTEGER REFERENCES sentences(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        flow TEXT,
        reporter TEXT,
        partner TEXT,
        period TEXT,
        period_start TEXT,
        period_end TEXT,
        measure TEXT,
        value REAL,
        currency TEXT,
        qualifier TEXT,
        start INTEGER,
        end INTEGER,
        data TEXT NOT NULL
    );
    CREATE INDEX facts_kind_partner ON facts(kind, partner, flow, period);
    CREATE INDEX facts_document ON facts(document_id);
    CREATE INDEX facts_story ON facts(story_id);
    CREATE TABLE entities (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        key TEXT NOT NULL UNIQUE,
        name_en TEXT,
        name_ru TEXT,
        country TEXT,
        data TEXT NOT NULL DEFAULT '{}'
    );
    CREATE TABLE mentions (
        id INTEGER PRIMARY KEY,
        entity_id INTEGER NOT NULL REFERENCES entities(id),
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        sentence_id INTEGER REFERENCES sentences(id) ON DELETE CASCADE,
        start INTEGER,
        end INTEGER,
        surface TEXT,
        role TEXT
    );
    CREATE INDEX mentions_entity ON mentions(entity_id);
    CREATE INDEX mentions_document ON mentions(document_id);
    CREATE TABLE relations (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        subject_id INTEGER NOT NULL REFERENCES entities(id),
        object_id INTEGER REFERENCES entities(id),
        fact_id INTEGER REFERENCES facts(id) ON DELETE CASCADE,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        sentence_id INTEGER REFERENCES sentences(id) ON DELETE CASCADE,
        valid_on TEXT,
        data TEXT NOT NULL DEFAULT '{}'
    );
    CREATE INDEX relations_subject ON relations(subject_id, kind);
    CREATE INDEX relations_object ON relations(object_id, kind);
    CREATE VIRTUAL TABLE documents_fts USING fts5(title, body, tokenize = 'unicode61');
    CREATE VIRTUAL TABLE entities_fts USING fts5(names, tokenize = 'unicode61');
    """,
    # 2: a label per fact (sector code, event/agreement kind, project status), lookups by name,
    # and `story_facts`: each fact once per story (syndicated copies cite it, count it once)
    """
    ALTER TABLE facts ADD COLUMN label TEXT;
    CREATE INDEX facts_kind_label ON facts(kind, label);
    CREATE INDEX documents_name ON documents(name);
    CREATE INDEX documents_published ON documents(published);
    CREATE INDEX sentences_document ON sentences(document_id, idx);
    CREATE INDEX relations_document ON relations(document_id);
    CREATE VIEW story_facts AS
        SELECT MIN(id) AS id, story_id, kind, label, flow, reporter, partner, period,
               period_start, period_end, measure, value, currency, qualifier,
               COUNT(DISTINCT document_id) AS documents
        FROM facts
        GROUP BY story_id, kind, label, flow, reporter, partner, period, measure, value,
                 currency, qualifier;
    """,
    # 3 (web, helper 8): a region's facts from either side (dossier, fact explorer), mentions
    # by entity then document (a region's people and organizations)
    """
    CREATE INDEX facts_reporter_kind ON facts(reporter, kind);
    CREATE INDEX facts_partner_kind ON facts(partner, kind);
    CREATE INDEX mentions_entity_document ON mentions(entity_id, document_id);
    """,
    # 4 (knowledge base, helper 14): one project across articles and languages — its facts by
    # `ProjectMention.key` (stored in `data`), for the status history of a project
    """
    CREATE INDEX facts_project_key ON facts(json_extract(data, '$.key')) WHERE kind = 'project';
    """,
    # 5 (web, helper 15): an uncached dossier reads its region's figures from covering indexes.
    # `facts.published` copies the article's date (filled by a trigger for every writer), so a
    # point's newest sources, a region's articles and the fact explorer's sort need no join.
    """
    ALTER TABLE facts ADD COLUMN published TEXT;
    UPDATE facts SET published = (SELECT d.published FROM documents d
                                  WHERE d.id = facts.document_id);
    CREATE TRIGGER facts_published AFTER INSERT ON facts WHEN NEW.published IS NULL BEGIN
        UPDATE facts SET published = (SELECT published FROM documents WHERE id = NEW.document_id)
        WHERE id = NEW.id;
    END;
    CREATE TRIGGER documents_published AFTER UPDATE OF published ON documents BEGIN
        UPDATE facts SET published = NEW.published WHERE document_id = NEW.id;
    END;
    DROP INDEX facts_partner_kind;
    DROP INDEX facts_reporter_kind;
    CREATE INDEX facts_partner_points ON facts(partner, kind, flow, period, measure, currency,
        value, story_id, document_id, published, qualifier);
    CREATE INDEX facts_reporter_points ON facts(reporter, kind, flow, period, measure, currency,
        value, story_id, document_id, published, qualifier, partner);
    CREATE INDEX facts_partner_recent ON facts(partner, kind, flow, period, measure, currency,
        published, document_id, value);
    CREATE INDEX facts_partner_documents ON facts(partner, document_id, published);
    CREATE INDEX facts_reporter_documents ON facts(reporter, document_id, published);
    CREATE INDEX facts_document_kind ON facts(document_id, kind, label, period, published);
    CREATE INDEX mentions_document_entity ON mentions(document_id, entity_id, role);
    ANALYZE;
    """,
]
