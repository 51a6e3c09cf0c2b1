"""Reading a gold corpus for the scorer: gold lines, document ids, and evidence sentences."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from coopwatch.evaluate.corpus import (
    CorpusError,
    document_id,
    load_gold,
    predicted_dict,
    source_file,
)
from coopwatch.model import (
    Document,
    Evidence,
    Extraction,
    OrganizationMention,
    PartyMention,
    PersonMention,
    TradeAtom,
)

TEXT = (
    "Governor Ivan Petrov visited Minsk. "
    "Trade between Belarus and the Tula region grew to $300 million in 2023. "
    "He also met the managers of MAZ."
)


def test_predicted_atoms_and_names_carry_their_sentences(
    make_document: Callable[..., Document],
) -> None:
    doc = make_document(TEXT)
    second, third = doc.sentences[1], doc.sentences[2]
    found = Extraction(doc=doc.name, lang="en", partners=["RU-TUL"])
    found.trade.append(
        TradeAtom(
            flow="turnover",
            reporter="BY",
            partner="RU-TUL",
            period="2023",
            measure="value",
            value=300e6,
            currency="USD",
            evidence=Evidence(sentence=1, start=second.start, end=second.end),
        )
    )
    found.persons.append(
        PersonMention(name="Ivan Petrov", evidence=Evidence(sentence=0, start=0, end=5))
    )
    found.organizations.append(
        OrganizationMention(
            name="MAZ", evidence=Evidence(sentence=2, start=third.start, end=third.end)
        )
    )
    found.parties.append(
        PartyMention(
            code="RU-TUL",
            start=second.start + 30,
            end=second.start + 34,
            surface="Tula",
            sentence=1,
        )
    )
    predicted = predicted_dict(doc, found)
    assert predicted["trade"][0]["sentence"] == second.text
    assert predicted["sentences"]["persons"]["Ivan Petrov"] == doc.sentences[0].text
    assert predicted["sentences"]["organizations"]["MAZ"] == third.text
    assert predicted["sentences"]["partners"]["RU-TUL"] == second.text
    assert set(predicted) - {"sentences"} == set(found.to_gold())


@pytest.mark.parametrize(
    ("doc_id", "file"),
    [
        pytest.param("en-001.txt", "en-001.txt", id="file-name"),
        pytest.param("sub/ru-002.txt", "sub/ru-002.txt", id="nested-file"),
        pytest.param("wire.jsonl:3", "wire.jsonl", id="jsonl-line"),
        pytest.param("feed.rss#item2", "feed.rss", id="feed-item"),
    ],
)
def test_gold_ids_name_their_source_file(tmp_path: Path, doc_id: str, file: str) -> None:
    assert source_file(tmp_path, doc_id) == tmp_path / file
    assert document_id(tmp_path, str(tmp_path / doc_id)) == doc_id


@pytest.mark.parametrize(
    ("content", "message"),
    [
        pytest.param(
            '{"doc": "a.txt"}\n[1, 2]\n', "gold.jsonl:2: not a gold document", id="not-an-object"
        ),
        pytest.param('{"lang": "en"}\n', "gold.jsonl:1: not a gold document", id="no-doc-key"),
        pytest.param('{"doc": "a.txt"\n', "gold.jsonl:1: invalid JSON", id="broken-json"),
    ],
)
def test_bad_gold_lines_name_themselves(tmp_path: Path, content: str, message: str) -> None:
    (tmp_path / "gold.jsonl").write_text(content, encoding="utf-8")
    with pytest.raises(CorpusError, match=message):
        load_gold(tmp_path)


def test_blank_gold_lines_are_skipped(tmp_path: Path) -> None:
    (tmp_path / "gold.jsonl").write_text('\n{"doc": "a.txt"}\n\n', encoding="utf-8")
    assert [g["doc"] for g in load_gold(tmp_path)] == ["a.txt"]
