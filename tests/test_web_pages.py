"""The web pages over a small real database: overview, dossier (en/ru), fact explorer, exports,
article view (escaping, highlighting), conflicts, search, errors; every page is also JSON."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pyarrow.parquet as pq
import pytest
import web_corpus
from fastapi.testclient import TestClient

from coopwatch.settings import Settings
from coopwatch.web import create_app


@pytest.fixture(scope="module")
def ids(tmp_path_factory: pytest.TempPathFactory) -> dict[str, int]:
    path = tmp_path_factory.mktemp("web") / "kb.db"
    built = web_corpus.build(path)
    built["_path"] = path  # type: ignore[assignment]
    return built


@pytest.fixture(scope="module")
def client(ids: dict[str, int]) -> Iterator[TestClient]:
    app = create_app(Settings(db=Path(str(ids["_path"]))))
    with TestClient(app) as test_client:
        yield test_client


def test_overview_ranks_regions_and_maps_them(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200
    data = client.get("/?format=json").json()
    assert [r["code"] for r in data["by_turnover"]] == ["RU-TUL", "RU-LIP"]
    lipetsk = next(r for r in data["by_turnover"] if r["code"] == "RU-LIP")
    assert lipetsk["growth_pct"] == 40.0  # stated growth wins over the computed 25%
    tiles = {t["code"]: t for t in data["tiles"]}
    assert tiles["RU-TUL"]["shade"] > tiles["RU-LIP"]["shade"] > tiles["RU-MUR"]["shade"] == 0
    assert 'href="/regions/RU-TUL"' in page.text
    assert data["stats"]["documents"] == 5


def test_tile_map_has_one_square_per_cell(client: TestClient) -> None:
    tiles = client.get("/?format=json").json()["tiles"]
    cells = [(t["row"], t["col"]) for t in tiles]
    assert len(cells) == len(set(cells)) >= 80


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", ["Tula", "Annual figures", "People and their roles", "Dmitry Milyaev"]),
        ("ru", ["Тульская обл.", "Годовые данные", "Люди и их должности", "Дмитрий Миляев"]),
    ],
    ids=["english", "russian"],
)
def test_dossier_in_both_languages(client: TestClient, lang: str, expected: list[str]) -> None:
    page = client.get(f"/regions/RU-TUL?lang={lang}")
    assert page.status_code == 200
    for text in expected:
        assert text in page.text


def test_dossier_keeps_annual_and_part_year_apart(client: TestClient) -> None:
    data = client.get("/api/regions/RU-TUL").json()
    panels = {p["id"]: p for p in data["chart"]}
    annual = {t["name"]: t for t in panels["annual"]["traces"]}
    assert annual["turnover (USD)"]["x"] == ["2022", "2023"]
    part = {t["name"]: t for t in panels["part"]["traces"]}
    assert part["export 01..08 (USD)"]["y"] == [6e8]
    assert all("2024" not in t["x"] for t in annual.values())


def test_dossier_turns_a_region_report_around_to_belarus_side(client: TestClient) -> None:
    points = client.get("/api/regions/RU-TUL").json()["points"]
    turnover_2023 = next(
        p
        for p in points
        if p["period"] == "2023" and p["flow"] == "turnover" and p["measure"] == "value"
    )
    assert turnover_2023["values"] == [1.2e9, 1.3e9]  # BY-reported and RU-TUL-reported together
    assert {s["source"] for s in turnover_2023["sources"]} == {"BelTA", "Тульские вести"}
    assert all(s["link"].startswith("/documents/") for s in turnover_2023["sources"])


def test_dossier_lists_targets_people_timeline_projects(client: TestClient) -> None:
    data = client.get("/api/regions/RU-TUL").json()
    assert data["targets"][0]["value"] == 2e9 and data["targets"][0]["actual"]["period"] == "2023"
    assert data["persons"][0]["roles"]
    assert [e["kind"] for e in data["timeline"]] == ["agreement", "event"]
    assert data["projects"][0]["history"][0]["status"] == "agreed"
    assert data["sectors"][0]["sector"] == "agricultural_machinery"
    assert data["documents"]["total"] == 3


@pytest.mark.parametrize(
    "path",
    [
        "/regions/RU-XXX",
        "/regions/nonsense",
        "/api/regions/RU-ZZZ",
        "/documents/999",
        "/api/entities/999",
    ],
    ids=["unknown-code", "not-a-code", "api-unknown", "no-doc", "no-entity"],
)
def test_unknown_things_are_404(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert "Traceback" not in response.text


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("region=RU-TUL&flow=export", {"export"}),
        ("region=RU-LIP&measure=growth_pct", {"turnover"}),
        ("language=ru", {"turnover"}),
        ("year=2024", {"export", "import", "turnover"}),
    ],
    ids=["region-flow", "measure", "language", "year"],
)
def test_fact_filters(client: TestClient, query: str, expected: set[str]) -> None:
    data = client.get(f"/api/facts?{query}").json()
    assert data["total"] == len(data["facts"]) > 0
    assert {f["flow"] for f in data["facts"]} == expected


@pytest.mark.parametrize(
    "query",
    [
        "flow=sideways",
        "period=last-year",
        "size=0",
        "region=<b>",
        "published_from=yesterday",
        "sort=random",
        "bogus=1",
    ],
    ids=["flow", "period", "size", "region", "date", "sort", "unknown"],
)
def test_bad_filters_are_422_with_the_reason(client: TestClient, query: str) -> None:
    response = client.get(f"/api/facts?{query}")
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"]
    page = client.get(f"/facts?{query}")
    assert page.status_code == 422 and "Invalid parameters" in page.text


def test_facts_sort_and_paginate(client: TestClient) -> None:
    first = client.get("/api/facts?sort=-value&size=2&page=1").json()
    second = client.get("/api/facts?sort=-value&size=2&page=2").json()
    values = [f["value"] for f in first["facts"] + second["facts"]]
    assert values == sorted(values, reverse=True)
    assert first["pages"] == -(-first["total"] // 2)
    page = client.get("/facts?sort=-value&size=2&page=2")
    assert 'rel="next"' in page.text and 'rel="prev"' in page.text


def test_facts_link_to_their_sentence(client: TestClient, ids: dict[str, int]) -> None:
    fact = client.get("/api/facts?region=RU-LIP&measure=growth_pct").json()["facts"][0]
    assert fact["link"] == f"/documents/{ids['en-lipetsk.html']}?s=1#s-1"
    page = client.get(fact["link"].split("#")[0])
    assert '<mark id="s-1" class="sentence selected">' in page.text


def test_exports_parse(client: TestClient) -> None:
    rows = list(csv.DictReader(io.StringIO(client.get("/facts.csv?region=RU-TUL").text)))
    api = client.get("/api/facts?region=RU-TUL&size=1000").json()
    assert len(rows) == api["total"] and rows[0]["sentence_text"]
    lines = client.get("/facts.jsonl?region=RU-TUL").text.splitlines()
    assert [json.loads(line)["id"] for line in lines] == [int(r["id"]) for r in rows]
    table = pq.read_table(io.BytesIO(client.get("/facts.parquet?region=RU-TUL").content))
    assert table.num_rows == len(rows) and "value" in table.column_names
    same = client.get("/facts?region=RU-TUL&format=csv")
    assert (
        same.headers["content-type"].startswith("text/csv")
        and same.text == client.get("/facts.csv?region=RU-TUL").text
    )


def test_article_text_is_escaped_and_marked(client: TestClient, ids: dict[str, int]) -> None:
    page = client.get(f"/documents/{ids['en-lipetsk.html']}").text
    assert "<script>window" not in page and "<img src=x" not in page
    assert "&lt;script&gt;window.__xss" in page and "onerror=&#34;" in page
    assert '<mark class="fact fact-trade" title="trade">$500 million</mark>' in page
    assert 'class="ent ent-region"' in page
    assert "content-security-policy" in {k.lower() for k in client.get("/").headers}


def test_conflicts_find_all_three_kinds(client: TestClient) -> None:
    data = client.get("/api/conflicts").json()
    assert [(c["period"], c["low"], c["high"]) for c in data["values"]] == [("2023", 1.2e9, 1.3e9)]
    assert [(c["turnover"], c["exports_plus_imports"]) for c in data["sums"]] == [(9e8, 8.5e8)]
    assert [(c["stated"], c["computed"]) for c in data["growth"]] == [(40.0, 25.0)]
    page = client.get("/conflicts")
    assert page.status_code == 200 and "/documents/" in page.text


@pytest.mark.parametrize(
    ("query", "document", "entity"),
    [
        ("Тульской области", "ru-tula.txt", None),
        ("соглашение", "ru-tula.txt", None),
        ("Milyaev", None, "Dmitry Milyaev"),
        ("Миляев", None, "Dmitry Milyaev"),
        ("buses", "en-tula-8m.txt", None),
    ],
    ids=["ru-inflected", "ru-lemma", "en-name", "ru-name", "en-word"],
)
def test_search_in_both_languages(
    client: TestClient, ids: dict[str, int], query: str, document: str | None, entity: str | None
) -> None:
    data = client.get("/api/search", params={"q": query}).json()
    if document:
        assert ids[document] in [d["id"] for d in data["documents"]]
    if entity:
        assert entity in [e["name_en"] for e in data["entities"]]
    assert client.get("/search", params={"q": query}).status_code == 200


def test_search_finds_regions_by_name(client: TestClient) -> None:
    data = client.get("/api/search", params={"q": "Липецкая"}).json()
    assert [r["code"] for r in data["regions"]] == ["RU-LIP"]


def test_entity_page(client: TestClient) -> None:
    found = client.get("/api/entities", params={"q": "МАЗ"}).json()["entities"]
    maz = next(e for e in found if e["key"] == "org:maz")
    assert maz["documents"] == 3
    profile = client.get(f"/api/entities/{maz['id']}").json()
    assert len(profile["documents"]) == 3
    assert client.get(f"/entities/{maz['id']}?lang=ru").status_code == 200


@pytest.mark.parametrize(
    "path",
    ["/", "/regions/RU-TUL", "/facts", "/conflicts", "/search?q=MAZ", "/entities"],
    ids=lambda p: p,
)
def test_every_page_is_also_json(client: TestClient, path: str) -> None:
    response = client.get(path, headers={"Accept": "application/json"})
    assert response.headers["content-type"] == "application/json"
    assert isinstance(response.json(), dict)


def test_plotly_is_served_from_the_package(client: TestClient) -> None:
    script = client.get("/assets/plotly.min.js")
    assert script.status_code == 200 and b"plotly" in script.content[:2000].lower()
    page = client.get("/regions/RU-TUL").text
    assert 'src="/assets/plotly.min.js"' in page and "cdn" not in page.lower()


@pytest.mark.parametrize(("lang", "text"), [("en", "×2–3"), ("ru", "×2–3")], ids=["en", "ru"])
def test_a_target_range_stays_a_range(client: TestClient, lang: str, text: str) -> None:
    page = client.get(f"/facts?kind=target&region=RU-LIP&lang={lang}")
    assert page.status_code == 200 and text in page.text
    dossier = client.get("/api/regions/RU-LIP").json()
    assert dossier["targets"][0]["value"] == [2, 3]
