"""The bundled sample corpus keeps its shape: enough articles in both languages, many regions,
the odd encodings and formats it exists to exercise, and gold lines that follow the spec."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from coopwatch.settings import SAMPLES_DIR

GOLD = SAMPLES_DIR / "gold.jsonl"
NOT_DOCUMENTS = {"gold.jsonl", "README.md"}
DOC_KEYS = [
    "doc", "lang", "published", "partners", "persons", "organizations", "sectors",
    "trade", "targets", "agreements",
]
SECTORS = {
    "agriculture_food", "agricultural_machinery", "automotive_vehicles", "machine_tools",
    "machine_building", "metallurgy", "chemicals_fertilizers", "defense_industry", "energy",
    "electric_transport", "public_transport", "municipal_equipment", "construction",
    "forestry_timber", "healthcare_pharma", "science_education", "it_microelectronics",
    "uav_aviation", "logistics", "consumer_goods", "light_industry", "emergency_firefighting",
    "tourism", "culture_humanitarian", "investment_finance",
}
QUALIFIERS = {"exact", "approx", "over", "under"}
FLOWS = {"turnover", "export", "import"}
ATOM_KEYS = {
    "flow", "reporter", "partner", "period", "measure", "value", "currency", "qualifier",
    "of", "base",
}
TARGET_KEYS = {
    "flow", "reporter", "partner", "measure", "value", "currency", "qualifier", "horizon",
}
CODE = re.compile(r"^(BY|RU)(-[A-Z]{2,3})?$")
PERIOD = re.compile(r"^(\d{4})$|^(\d{4})-(\d{2})\.\.(\d{4})-(\d{2})$")
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
CURRENCY = re.compile(r"^[A-Z]{3}$")
REGIONS_TSV = SAMPLES_DIR.parent / "regions.tsv"


def load_gold() -> list[dict[str, Any]]:
    """The gold lines, in file order."""
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line]


GOLD_DOCS = load_gold()


def by_doc(doc: str) -> dict[str, Any]:
    """One gold line by its `doc`."""
    return next(item for item in GOLD_DOCS if item["doc"] == doc)


def known_codes() -> set[str] | None:
    """Party codes of the gazetteer, when it is there to check against."""
    if not REGIONS_TSV.is_file():
        return None
    rows = REGIONS_TSV.read_text(encoding="utf-8").splitlines()
    return {row.split("\t", 1)[0] for row in rows if row and not row.startswith("#")}


def all_codes(item: dict[str, Any]) -> set[str]:
    """Every party code a gold line uses: partners, atoms and targets."""
    codes = set(item["partners"])
    for atom in item["trade"] + item["targets"]:
        codes |= {atom["reporter"], atom["partner"]}
    return codes


def document_exists(doc: str) -> bool:
    """A gold `doc` is a file, a JSONL line with text, or a feed item of this folder."""
    if "#item" in doc:
        name, number = doc.split("#item")
        items = ET.parse(SAMPLES_DIR / name).getroot().iter("item")
        return 1 <= int(number) <= sum(1 for _ in items)
    if re.search(r"\.jsonl:\d+$", doc):
        name, number = doc.rsplit(":", 1)
        lines = (SAMPLES_DIR / name).read_text(encoding="utf-8").splitlines()
        return 1 <= int(number) <= len(lines) and bool(json.loads(lines[int(number) - 1])["text"])
    return (SAMPLES_DIR / doc).is_file()


def test_corpus_is_large_enough_and_balanced() -> None:
    langs = Counter(item["lang"] for item in GOLD_DOCS)
    assert len(GOLD_DOCS) >= 24
    assert set(langs) == {"en", "ru"}
    assert abs(langs["en"] - langs["ru"]) <= 2, langs


def test_docs_are_unique_and_every_one_exists() -> None:
    docs = [item["doc"] for item in GOLD_DOCS]
    assert len(docs) == len(set(docs))
    assert [doc for doc in docs if not document_exists(doc)] == []


def test_every_file_is_annotated_and_file_names_are_unique() -> None:
    files = [
        p for p in SAMPLES_DIR.rglob("*") if p.is_file() and p.name not in NOT_DOCUMENTS
    ]
    annotated = {re.split(r"#item|:(?=\d+$)", item["doc"])[0] for item in GOLD_DOCS}
    assert {p.relative_to(SAMPLES_DIR).as_posix() for p in files} == annotated
    assert len({p.name for p in files}) == len(files)


def test_many_regions_of_both_countries_take_part() -> None:
    codes = set().union(*(all_codes(item) for item in GOLD_DOCS))
    assert len({c for c in codes if c.startswith("RU-")}) >= 10
    assert len({c for c in codes if c.startswith("BY-")}) >= 3


@pytest.mark.parametrize(
    ("name", "encoding"),
    [("ru-tatarstan-turchin-2025-cp1251.txt", "cp1251"),
     ("ru-sverdlovsk-grodno-2024-koi8r.txt", "koi8-r")],
)
def test_legacy_encodings_are_real(name: str, encoding: str) -> None:
    data = (SAMPLES_DIR / name).read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert "Беларус" in data.decode(encoding)


def test_formats_the_corpus_exists_to_exercise() -> None:
    suffixes = Counter(Path(re.split(r"#item|:(?=\d+$)", item["doc"])[0]).suffix
                       for item in GOLD_DOCS)
    assert suffixes[".html"] >= 4
    assert suffixes[".jsonl"] >= 2 and suffixes[".rss"] >= 2
    syndicated = [item for item in GOLD_DOCS if item["doc"].startswith("syndicated/")]
    assert len(syndicated) == 2
    first, second = ({k: v for k, v in item.items() if k != "doc"} for item in syndicated)
    assert first == second


def test_some_pieces_have_no_trade_figures() -> None:
    assert sum(1 for item in GOLD_DOCS if not item["trade"] and not item["targets"]) >= 2


def test_jsonl_published_agrees_with_gold() -> None:
    for item in GOLD_DOCS:
        if ".jsonl:" in item["doc"]:
            name, number = item["doc"].rsplit(":", 1)
            line = (SAMPLES_DIR / name).read_text(encoding="utf-8").splitlines()[int(number) - 1]
            assert json.loads(line)["published"][:10] == item["published"], item["doc"]


@pytest.mark.parametrize("item", GOLD_DOCS, ids=[item["doc"] for item in GOLD_DOCS])
def test_gold_line_follows_the_spec(item: dict[str, Any]) -> None:
    assert list(item) == DOC_KEYS
    assert item["lang"] in {"en", "ru"}
    assert item["published"] is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", item["published"])
    assert all(set(p) == {"name", "ru", "role"} and p["name"] and p["role"]
               for p in item["persons"])
    assert all(isinstance(o, str) and o for o in item["organizations"])
    assert set(item["sectors"]) <= SECTORS
    assert all(set(a) == {"count", "date"} and (a["date"] is None or DATE.match(a["date"]))
               for a in item["agreements"])
    codes = known_codes()
    for code in all_codes(item):
        assert CODE.match(code), code
        assert codes is None or code in codes, code
    for atom in item["trade"]:
        check_atom(atom)
    for target in item["targets"]:
        check_target(target)


def check_atom(atom: dict[str, Any]) -> None:
    """One trade atom: known keys, a real period, a measure with what it needs."""
    assert set(atom) <= ATOM_KEYS and atom["flow"] in FLOWS, atom
    assert atom["reporter"] != atom["partner"], atom
    assert atom.get("qualifier", "exact") in QUALIFIERS, atom
    check_period(atom["period"])
    measure, value = atom["measure"], atom["value"]
    assert isinstance(value, int | float), atom
    if measure == "value":
        assert CURRENCY.match(atom["currency"]) and value > 0, atom
    elif measure == "growth_pct":
        assert "currency" not in atom and value >= -100, atom
    else:
        assert measure == "share_pct" and atom["of"] and 0 < value <= 100, atom


def check_period(period: str) -> None:
    """A calendar year, or a span of months that runs forward within real months."""
    match = PERIOD.match(period)
    assert match, period
    if match.group(1) is None:
        start = (int(match.group(2)), int(match.group(3)))
        end = (int(match.group(4)), int(match.group(5)))
        assert 1 <= start[1] <= 12 and 1 <= end[1] <= 12 and start <= end, period


def check_target(target: dict[str, Any]) -> None:
    """One target: known keys, a horizon key, and a value fitting its measure."""
    assert set(target) <= TARGET_KEYS and "horizon" in target, target
    assert target["flow"] in FLOWS, target
    if target["measure"] == "value":
        assert CURRENCY.match(target["currency"]) and target["value"] > 0, target
    elif target["measure"] == "multiplier":
        values = target["value"] if isinstance(target["value"], list) else [target["value"]]
        assert all(v > 1 for v in values), target
    else:
        assert target["measure"] == "growth_pct", target


def test_the_comparison_region_is_not_a_partner() -> None:
    item = by_doc("en-yaroslavl-engines-2025.txt")
    text = (SAMPLES_DIR / item["doc"]).read_text(encoding="utf-8")
    assert "Vitebsk Oblast" in text and "BY-VI" not in all_codes(item)
