"""`coopwatch extract`, `coopwatch eval` and `coopwatch bench extract` on real files in tmp_path."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from coopwatch.cli import app

GOLD_KEYS = {
    "doc",
    "lang",
    "published",
    "partners",
    "persons",
    "organizations",
    "sectors",
    "trade",
    "targets",
    "agreements",
}
EN_TEXT = (
    "Minsk hosted a delegation from the Tula region on Monday. The governor met "
    "Belarusian plant managers to discuss supplies of buses and road machinery.\n"
)
RU_TEXT = (
    "Делегация Тульской области посетила Минск. Губернатор обсудил с руководителями "
    "белорусских предприятий поставки автобусов и дорожной техники.\n"
)
# No figure in the texts above, so this atom can only be missed: its note must be shown.
UNFINDABLE = {
    "flow": "turnover",
    "reporter": "BY",
    "partner": "RU-TUL",
    "period": "2019",
    "measure": "value",
    "value": 123_456_789,
    "currency": "EUR",
    "note": "our hand-made note",
}


def gold_line(name: str, lang: str, **fields: object) -> str:
    """One gold.jsonl line with empty facts except those given."""
    base: dict[str, object] = {key: [] for key in GOLD_KEYS}
    base.update(doc=name, lang=lang, published=None, **fields)
    return json.dumps(base, ensure_ascii=False)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A two-language corpus: one doc in gold with no file, one file not in gold."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "en-visit.txt").write_text(EN_TEXT, encoding="utf-8")
    (folder / "ru-visit.txt").write_text(RU_TEXT, encoding="utf-8")
    (folder / "not-in-gold.txt").write_text(EN_TEXT, encoding="utf-8")
    lines = [
        gold_line("en-visit.txt", "en", trade=[UNFINDABLE]),
        gold_line("ru-visit.txt", "ru"),
        gold_line("gone.txt", "en"),
    ]
    (folder / "gold.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


runner = CliRunner()


def test_eval_json_scores_gold_documents_and_lists_missing_files(corpus: Path) -> None:
    result = runner.invoke(app, ["eval", str(corpus), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["overall"]["documents"] == 2
    assert sorted(data["by_lang"]) == ["en", "ru"]
    assert data["missing_documents"] == ["gone.txt"]
    trade = data["overall"]["trade"]
    assert trade["tp"] == 0 and trade["fn"] == 1
    docs = {finding["doc"] for finding in data["findings"]}
    assert "not-in-gold.txt" not in docs
    assert len(data["digest"]) == 64


def test_eval_lang_keeps_one_language(corpus: Path) -> None:
    result = runner.invoke(app, ["eval", str(corpus), "--json", "--lang", "ru"])
    data = json.loads(result.stdout)
    assert data["overall"]["documents"] == 1 and list(data["by_lang"]) == ["ru"]


def test_eval_text_shows_scores_and_each_miss_with_its_note(corpus: Path) -> None:
    result = runner.invoke(app, ["eval", str(corpus)], terminal_width=200)
    assert result.exit_code == 0, result.output
    assert "MISS trade" in result.stdout and "our hand-made note" in result.stdout
    assert "organizations" in result.stdout and "published accuracy" in result.stdout
    assert "gone.txt" in result.output  # reported as missing


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        pytest.param(lambda d: None, "no gold file", id="no-gold"),
        pytest.param(
            lambda d: (d / "gold.jsonl").write_text('{"doc": "a.txt"}\n{oops\n'),
            "gold.jsonl:2: invalid JSON",
            id="bad-gold-line",
        ),
    ],
)
def test_eval_refuses_a_folder_it_cannot_score(tmp_path: Path, setup: object, message: str) -> None:
    setup(tmp_path)  # type: ignore[operator]
    result = runner.invoke(app, ["eval", str(tmp_path)])
    assert result.exit_code == 2
    assert message in result.output


def test_extract_json_prints_one_gold_object_per_document(corpus: Path) -> None:
    files = [str(corpus / "en-visit.txt"), str(corpus / "ru-visit.txt")]
    result = runner.invoke(app, ["extract", *files, "--json"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["doc"] for line in lines] == ["en-visit.txt", "ru-visit.txt"]
    assert all(set(line) == GOLD_KEYS for line in lines)
    assert [line["lang"] for line in lines] == ["en", "ru"]


def test_extract_names_a_bad_input_and_goes_on(corpus: Path) -> None:
    result = runner.invoke(
        app, ["extract", str(corpus / "absent.txt"), str(corpus / "en-visit.txt"), "--json"]
    )
    assert result.exit_code != 0
    assert "absent.txt" in result.output
    assert '"doc": "en-visit.txt"' in result.stdout


def test_extract_readable_view_names_each_document(corpus: Path) -> None:
    result = runner.invoke(app, ["extract", str(corpus / "ru-visit.txt")], terminal_width=200)
    assert result.exit_code == 0, result.output
    assert "ru-visit.txt" in result.stdout and "partners:" in result.stdout


def test_bench_extract_reports_speed_stages_and_ner(corpus: Path) -> None:
    result = runner.invoke(app, ["bench", "extract", "--corpus", str(corpus), "--json"])
    assert result.exit_code == 0, result.output
    (figures,) = json.loads(result.stdout)
    assert figures["documents"] == 2 and figures["ru_documents"] == 1
    assert figures["docs_per_second"] > 0 and figures["peak_rss_mb"] > 0
    assert {"clean", "trade", "parties"} <= set(figures["stages"])
    assert figures["ner_seconds"] is not None and figures["ner_seconds"] > 0


def test_eval_doc_keeps_named_documents_and_refuses_unknown_ones(corpus: Path) -> None:
    result = runner.invoke(app, ["eval", str(corpus), "--json", "--doc", "ru-visit.txt"])
    assert json.loads(result.stdout)["overall"]["documents"] == 1
    refused = runner.invoke(app, ["eval", str(corpus), "--doc", "nobody.txt"])
    assert refused.exit_code == 2 and "no gold for nobody.txt" in refused.output


def test_eval_compare_shows_changes_and_only_new_errors(corpus: Path, tmp_path: Path) -> None:
    earlier = json.loads(runner.invoke(app, ["eval", str(corpus), "--json"]).stdout)
    earlier["overall"]["trade"]["f1"] = 1.0  # as if the earlier run had found the atom
    earlier["findings"] = [f for f in earlier["findings"] if f["field"] != "trade"]
    earlier["findings"].append({"doc": "x.txt", "field": "trade", "kind": "miss", "item": {}})
    saved = tmp_path / "earlier.json"
    saved.write_text(json.dumps(earlier), encoding="utf-8")
    result = runner.invoke(app, ["eval", str(corpus), "--compare", str(saved)], terminal_width=200)
    assert result.exit_code == 0, result.output
    assert "1 errors fixed" in result.stdout and "MISS trade" in result.stdout
    assert "-1.000" in result.stdout
    assert "MISS" not in result.stdout.replace("MISS trade", "")  # old errors are not listed


def test_eval_compare_refuses_a_file_that_is_not_an_eval(corpus: Path, tmp_path: Path) -> None:
    (tmp_path / "other.json").write_text("[]", encoding="utf-8")
    result = runner.invoke(app, ["eval", str(corpus), "--compare", str(tmp_path / "other.json")])
    assert result.exit_code == 2 and "not an eval --json output" in result.output
