"""The SQLite store: schema and migrations, one transaction per document, facts, entities,
relations, re-extraction and crash safety, on real database files."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import pytest

from coopwatch.model import (
    AgreementMention,
    EventMention,
    Evidence,
    Extraction,
    OrganizationMention,
    PartyMention,
    PersonMention,
    ProjectMention,
    SectorMention,
    Target,
    TradeAtom,
)
from coopwatch.store import Store, open_store, store_path
from coopwatch.store.schema import MIGRATIONS
from tests.conftest import build_document

EN_TEXT = (
    "Governor of Tula Oblast Dmitry Milyaev visited Minsk. "
    "Trade between Belarus and Tula Oblast reached $500 million in January-August 2024. "
    "MAZ will supply 40 buses to the region."
)
RU_TEXT = (
    "Губернатор Тульской области Дмитрий Миляев посетил Минск. "
    "Товарооборот Беларуси и Тульской области в 2023 году вырос на 12%. "
    "МАЗ поставит региону 40 автобусов."
)


def ev(sentence: int, start: int = 0, end: int = 5) -> Evidence:
    return Evidence(sentence=sentence, start=start, end=end)


def en_extraction() -> Extraction:
    return Extraction(
        doc="en.txt", lang="en",
        parties=[PartyMention(code="RU-TUL", start=12, end=23, surface="Tula Oblast", sentence=0),
                 PartyMention(code="BY", start=84, end=91, surface="Belarus", sentence=1)],
        trade=[TradeAtom(flow="turnover", reporter="BY", partner="RU-TUL",
                         period="2024-01..2024-08", measure="value", value=5e8, currency="USD",
                         evidence=ev(1, 55, 135))],
        targets=[Target(flow="turnover", reporter="BY", partner="RU-TUL", measure="multiplier",
                        value=[2, 3], horizon="medium term", evidence=ev(1))],
        persons=[PersonMention(name="Dmitry Milyaev", role="Governor of Tula Oblast",
                               affiliation="RU-TUL", evidence=ev(0, 24, 38))],
        organizations=[OrganizationMention(name="MAZ", key="maz", country="BY",
                                           evidence=ev(2, 138, 141))],
        events=[EventMention(kind="visit", date="2024-09-02", participants=["Dmitry Milyaev"],
                             evidence=ev(0))],
        agreements=[AgreementMention(count=3, date="2024-09-02", parties=["RU-TUL", "BY"],
                                     evidence=ev(1))],
        projects=[ProjectMention(description="40 buses", organizations=["MAZ"],
                                 regions=["RU-TUL"], status="agreed", evidence=ev(2))],
        sectors=[SectorMention(sector="public_transport", evidence=ev(2))],
        partners=["RU-TUL"],
    )


def ru_extraction() -> Extraction:
    return Extraction(
        doc="ru.txt", lang="ru",
        parties=[PartyMention(code="RU-TUL", start=11, end=27, surface="Тульской области",
                              sentence=0)],
        trade=[TradeAtom(flow="turnover", reporter="BY", partner="RU-TUL", period="2023",
                         measure="growth_pct", value=12, evidence=ev(1))],
        persons=[PersonMention(name="Dmitry Milyaev", ru="Дмитрий Миляев", role="Губернатор",
                               affiliation="RU-TUL", evidence=ev(0))],
        organizations=[OrganizationMention(name="МАЗ", key="maz", evidence=ev(2))],
        partners=["RU-TUL"],
    )


def count(store: Store, table: str) -> int:
    return int(store.connection.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])


def test_open_creates_a_migrated_wal_database(db_path: Path) -> None:
    with open_store(db_path) as store:
        db = store.connection
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    with open_store(f"sqlite:///{db_path}") as again:  # reopening migrates nothing twice
        assert again.connection.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)


@pytest.mark.parametrize("url", ["postgresql://host/db", "mysql://x"], ids=["postgres", "mysql"])
def test_unsupported_database_urls_are_refused_by_name(url: str) -> None:
    with pytest.raises(ValueError, match="unsupported database URL"):
        store_path(url)


def test_add_document_stores_document_sentences_and_facts(store: Store) -> None:
    doc = build_document(EN_TEXT, "en.txt", published=date(2024, 9, 3), source="BelTA")
    outcome = store.add_document(doc, en_extraction())
    assert outcome.status == "added"
    assert count(store, "sentences") == 3
    rows = {r["kind"]: dict(r) for r in store.connection.execute("SELECT * FROM facts")}
    assert set(rows) == {"trade", "target", "event", "agreement", "project", "sector", "partner"}
    trade = rows["trade"]
    assert (trade["period_start"], trade["period_end"]) == ("2024-01", "2024-08")
    assert (trade["value"], trade["currency"], trade["start"]) == (5e8, "USD", 55)
    sentence = store.connection.execute(
        "SELECT idx FROM sentences WHERE id = ?", (trade["sentence_id"],)).fetchone()[0]
    assert sentence == 1
    assert rows["target"]["value"] == 2.5  # a range of multipliers: midpoint, list kept in data
    assert '"value":[2.0,3.0]' in rows["target"]["data"]
    assert (rows["sector"]["label"], rows["project"]["label"]) == ("public_transport", "agreed")


def test_relations_tie_people_organizations_regions_and_sectors(store: Store) -> None:
    doc = build_document(EN_TEXT, "en.txt", published=date(2024, 9, 3))
    store.add_document(doc, en_extraction())
    rows = store.connection.execute(
        """SELECT r.kind, s.key AS subject, o.key AS object, r.valid_on FROM relations r
           JOIN entities s ON s.id = r.subject_id LEFT JOIN entities o ON o.id = r.object_id"""
    ).fetchall()
    found = {(r["kind"], r["subject"], r["object"]) for r in rows}
    assert ("holds_role", "person:milyaev:dmitry", "region:RU-TUL") in found
    assert ("based_in", "org:maz", "country:BY") in found
    assert ("cooperates_in", "region:RU-TUL", "sector:public_transport") in found
    assert ("project_party", "org:maz", None) in found
    assert ("participant", "person:milyaev:dmitry", None) in found
    assert ("agreement_party", "region:RU-TUL", None) in found
    assert {r["valid_on"] for r in rows} == {"2024-09-03"}


def test_same_entity_from_english_and_russian_documents_is_one_row(store: Store) -> None:
    store.add_document(build_document(EN_TEXT, "en.txt"), en_extraction())
    store.add_document(build_document(RU_TEXT, "ru.txt", lang="ru"), ru_extraction())
    rows = {r["key"]: r for r in store.connection.execute("SELECT * FROM entities")}
    assert (rows["person:milyaev:dmitry"]["name_en"], rows["person:milyaev:dmitry"]["name_ru"]) \
        == ("Dmitry Milyaev", "Дмитрий Миляев")
    assert (rows["org:maz"]["name_en"], rows["org:maz"]["name_ru"]) == ("MAZ", "МАЗ")
    region = rows["region:RU-TUL"]
    assert (region["kind"], region["name_en"], region["name_ru"]) == (
        "region", "Tula Oblast", "Тульская область")
    mentions = store.connection.execute(
        "SELECT COUNT(DISTINCT document_id) FROM mentions m JOIN entities e ON e.id = m.entity_id"
        " WHERE e.key = 'region:RU-TUL'").fetchone()[0]
    assert mentions == 2


def test_reingesting_the_same_content_changes_nothing(store: Store) -> None:
    doc = build_document(EN_TEXT, "en.txt")
    first = store.add_document(doc, en_extraction())
    before = [count(store, t) for t in ("documents", "facts", "mentions", "relations")]
    again = store.add_document(doc, en_extraction())
    assert (again.status, again.document_id) == ("duplicate", first.document_id)
    assert [count(store, t) for t in ("documents", "facts", "mentions", "relations")] == before


def reject_partner(store: Store, code: str) -> None:
    """A real insert failure: SQLite refuses facts about one partner code."""
    store.connection.execute(
        f"""CREATE TRIGGER reject_bad BEFORE INSERT ON facts WHEN NEW.partner = '{code}'
            BEGIN SELECT RAISE(ABORT, 'rejected partner'); END""")


def test_a_document_whose_facts_fail_to_insert_is_rolled_back_whole(store: Store) -> None:
    store.add_document(build_document(RU_TEXT, "ru.txt", lang="ru"), ru_extraction())
    reject_partner(store, "XX-BAD")
    bad = en_extraction()
    bad.trade[0].partner = "XX-BAD"
    with pytest.raises(sqlite3.IntegrityError, match="rejected partner"):
        store.add_document(build_document(EN_TEXT, "en.txt"), bad)
    names = [r[0] for r in store.connection.execute("SELECT name FROM documents")]
    assert names == ["ru.txt"]
    assert count(store, "sentences") == 3 and count(store, "stories") == 1
    assert count(store, "documents_fts") == 1
    assert store.add_document(build_document(EN_TEXT, "en.txt"), en_extraction()).status == "added"


def test_a_crash_mid_document_loses_nothing_stored_and_leaves_no_half_document(
    db_path: Path,
) -> None:
    script = textwrap.dedent(f"""
        import os
        from coopwatch.store import open_store
        from coopwatch.store.write import ExtractionWriter
        from tests.conftest import build_document
        from tests.test_store import en_extraction, ru_extraction, EN_TEXT, RU_TEXT
        store = open_store({str(db_path)!r})
        store.add_document(build_document(RU_TEXT, "ru.txt", lang="ru"), ru_extraction())
        ExtractionWriter.write = lambda self, extraction: os._exit(3)  # dies mid-transaction
        store.add_document(build_document(EN_TEXT, "en.txt"), en_extraction())
    """)
    done = subprocess.run([sys.executable, "-c", script], cwd=Path(__file__).parent.parent)
    assert done.returncode == 3
    with open_store(db_path) as store:
        assert [r[0] for r in store.connection.execute("SELECT name FROM documents")] == ["ru.txt"]
        assert count(store, "sentences") == 3 and count(store, "facts") == 2


def test_replace_extraction_swaps_facts_mentions_and_relations(store: Store) -> None:
    outcome = store.add_document(build_document(EN_TEXT, "en.txt"), en_extraction())
    better = Extraction(doc="en.txt", lang="en", trade=[
        TradeAtom(flow="export", reporter="BY", partner="RU-TUL", period="2024",
                  measure="value", value=3e8, currency="USD", evidence=ev(1))])
    store.replace_extraction(outcome.document_id, better)
    kinds = [r[0] for r in store.connection.execute("SELECT kind FROM facts")]
    assert kinds == ["trade"]
    assert (count(store, "mentions"), count(store, "relations"), count(store, "sentences")) \
        == (0, 0, 3)


def test_load_document_gives_back_what_was_stored(store: Store) -> None:
    doc = build_document(RU_TEXT, "ru.txt", lang="ru", published=date(2024, 1, 5), title="T")
    outcome = store.add_document(doc, None)
    loaded = store.load_document(outcome.document_id)
    assert loaded.model_dump() == doc.model_dump()
    assert store.find_document("ru.txt") == store.find_document(str(outcome.document_id))


@pytest.mark.parametrize(("query", "key"), [
    pytest.param("Тульской", "region:RU-TUL", id="ru-region-inflected"),
    pytest.param("tula oblast", "region:RU-TUL", id="en-region"),
    pytest.param("Миляева", "person:milyaev:dmitry", id="ru-person-genitive"),
    pytest.param("MAZ", "org:maz", id="en-organization"),
])
def test_entity_names_are_searchable_in_both_languages(store: Store, query: str, key: str) -> None:
    from coopwatch.store.queries import search_entities

    store.add_document(build_document(EN_TEXT, "en.txt"), en_extraction())
    store.add_document(build_document(RU_TEXT, "ru.txt", lang="ru"), ru_extraction())
    assert [e["key"] for e in search_entities(store.connection, query)][:1] == [key]


def test_a_database_of_an_older_version_is_migrated_on_open(db_path: Path) -> None:
    from coopwatch.store.migrate import _split

    old = sqlite3.connect(db_path, isolation_level=None)
    for statement in _split(MIGRATIONS[0]):
        old.execute(statement)
    old.execute("PRAGMA user_version = 1")
    old.close()
    with open_store(db_path) as store:
        columns = [r[1] for r in store.connection.execute("PRAGMA table_info(facts)")]
        assert "label" in columns
        assert store.connection.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)


def test_a_database_from_a_newer_coopwatch_is_refused(db_path: Path) -> None:
    with open_store(db_path):
        pass
    newer = sqlite3.connect(db_path)
    newer.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    newer.close()
    with pytest.raises(RuntimeError, match="newer than this coopwatch"):
        open_store(db_path)
