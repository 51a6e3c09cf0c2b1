"""The JSON API: its OpenAPI schema, validation errors, the ingest endpoint's token, size caps."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import web_corpus
from conftest_ingest_server import serve
from fastapi.testclient import TestClient

from coopwatch.settings import Settings
from coopwatch.web import create_app

TOKEN = "s3cret-token"
API_PATHS = {
    "/api/regions",
    "/api/regions/{code}",
    "/api/facts",
    "/api/documents/{document_id}",
    "/api/entities",
    "/api/entities/{entity_id}",
    "/api/search",
    "/api/conflicts",
    "/api/ingest",
}


def make_client(tmp_path: Path, raise_errors: bool = True, **settings: object) -> TestClient:
    path = tmp_path / "kb.db"
    if not path.exists():
        web_corpus.build(path)
    app = create_app(Settings(db=path, **settings))  # type: ignore[arg-type]
    return TestClient(app, raise_server_exceptions=raise_errors)


@pytest.fixture()
def client(tmp_path: Path) -> Iterator[TestClient]:
    with make_client(tmp_path, api_token=TOKEN, max_request_bytes=4000,
                     api_fetch_private_hosts=True) as test_client:
        yield test_client


def test_openapi_lists_every_endpoint(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    assert API_PATHS <= set(schema["paths"])
    facts = {p["name"] for p in schema["paths"]["/api/facts"]["get"]["parameters"]}
    assert {
        "region",
        "flow",
        "period",
        "measure",
        "language",
        "source",
        "published_from",
        "sort",
        "page",
        "size",
    } <= facts
    assert "post" in schema["paths"]["/api/ingest"]


def test_regions_api(client: TestClient) -> None:
    regions = {r["code"]: r for r in client.get("/api/regions").json()["regions"]}
    assert regions["RU-TUL"]["turnover"] == 1.3e9 and regions["RU-TUL"]["name_ru"]
    assert regions["RU-MUR"]["turnover"] is None


def test_document_api_has_offsets(client: TestClient) -> None:
    doc = client.get("/api/documents/1").json()
    fact = next(f for f in doc["facts"] if f["kind"] == "trade")
    assert doc["text"][fact["start"] : fact["end"]] == "$1.2 billion"
    assert {m["kind"] for m in doc["mentions"]} >= {"person", "organization", "region"}


ARTICLE = {
    "text": "Trade between Belarus and Tula Oblast grew by 15% in 2024 and reached $1.5 billion, "
    "Governor of Tula Oblast Dmitry Milyaev said in Minsk on 3 March 2025.",
    "title": "Tula trade grows",
    "published": "2025-03-04",
    "source": "Test Wire",
}


@pytest.mark.parametrize(
    ("headers", "status"),
    [({}, 401), ({"Authorization": "Bearer wrong"}, 401), ({"Authorization": "Basic x"}, 401)],
    ids=["no-token", "wrong-token", "wrong-scheme"],
)
def test_ingest_refuses_without_the_token(client: TestClient, headers: dict, status: int) -> None:
    response = client.post("/api/ingest", json=ARTICLE, headers=headers)
    assert response.status_code == status


def test_ingest_is_off_when_no_token_is_configured(tmp_path: Path) -> None:
    with make_client(tmp_path) as client:
        response = client.post(
            "/api/ingest", json=ARTICLE, headers={"Authorization": "Bearer anything"}
        )
    assert response.status_code == 403
    assert "COOPWATCH_API_TOKEN" in response.json()["detail"]


def test_ingest_stores_the_article_and_returns_its_facts(client: TestClient) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    first = client.post("/api/ingest", json=ARTICLE, headers=auth)
    assert first.status_code == 200, first.text
    body = first.json()
    assert body["outcome"]["status"] == "added"
    assert body["document"]["title"] == "Tula trade grows"
    assert "Dmitry Milyaev" in body["document"]["text"]
    assert client.get(f"/api/documents/{body['outcome']['document_id']}").status_code == 200
    again = client.post("/api/ingest", json=ARTICLE, headers=auth).json()
    assert again["outcome"]["status"] == "duplicate"


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"text": "a", "html": "<p>b</p>"},
        {"text": ""},
        {"url": "not a url"},
        {"text": "x", "published": "soon"},
        {"text": "x", "extra": 1},
    ],
    ids=["nothing", "two-inputs", "empty", "bad-url", "bad-date", "unknown-field"],
)
def test_ingest_validates_the_body(client: TestClient, body: dict) -> None:
    response = client.post("/api/ingest", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 422
    assert "Traceback" not in response.text


def test_ingest_body_over_the_cap_is_413(client: TestClient) -> None:
    big = {"text": "Tula " * 2000}
    response = client.post("/api/ingest", json=big, headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 413


def test_streamed_body_over_the_cap_is_413(client: TestClient) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"text": "'
        for _ in range(100):
            yield b"Tula " * 20
        yield b'"}'

    response = client.post(
        "/api/ingest",
        content=chunks(),
        headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"},
    )
    assert response.status_code == 413


def test_unexpected_errors_are_a_plain_500(tmp_path: Path) -> None:
    with make_client(tmp_path, raise_errors=False) as client:
        client.app.state.database.path = tmp_path / "missing" / "gone.db"  # type: ignore[attr-defined]
        client.app.state.database.close()  # type: ignore[attr-defined]
        response = client.get("/api/conflicts")
    assert response.status_code == 500
    assert response.json() == {"detail": "internal error"}


PAGE = (
    b"<!doctype html><html><head><title>Lipetsk and Belarus</title></head><body>"
    b"<nav>Home | News</nav><article><h1>Lipetsk and Belarus</h1><p>Trade between Belarus and "
    b"Lipetsk Oblast reached $610 million in 2024, the regional government said on Monday. "
    b"Belarusian tractors and lifts are assembled in the region.</p></article></body></html>"
)


def test_ingest_by_url_from_a_real_server(client: TestClient) -> None:
    routes = {"/news/lipetsk.html": (200, {"Content-Type": "text/html; charset=utf-8"}, PAGE)}
    auth = {"Authorization": f"Bearer {TOKEN}"}
    with serve(routes) as base:
        ok = client.post("/api/ingest", json={"url": f"{base}/news/lipetsk.html"}, headers=auth)
        missing = client.post("/api/ingest", json={"url": f"{base}/gone.html"}, headers=auth)
    assert ok.status_code == 200, ok.text
    assert "$610 million" in ok.json()["document"]["text"]
    assert missing.status_code == 422 and "404" in missing.json()["detail"]


def test_ingest_refuses_urls_on_the_servers_own_network(tmp_path: Path) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    with make_client(tmp_path, api_token=TOKEN) as guarded:
        for url in ("http://127.0.0.1:9/x.html", "http://localhost/x", "http://10.1.2.3/x"):
            refused = guarded.post("/api/ingest", json={"url": url}, headers=auth)
            assert refused.status_code == 422, url
            assert "non-public" in refused.json()["detail"]


def test_cached_pages_follow_new_documents(client: TestClient) -> None:
    before = client.get("/?format=json").json()["stats"]["documents"]
    response = client.post(
        "/api/ingest",
        json={**ARTICLE, "text": ARTICLE["text"] + " Again."},
        headers={"Authorization": f"Bearer {TOKEN}"},
    )
    assert response.status_code == 200
    assert client.get("/?format=json").json()["stats"]["documents"] == before + 1


def test_settings_are_a_dependency_tests_can_swap(tmp_path: Path) -> None:
    from coopwatch.web.deps import get_settings

    with make_client(tmp_path) as client:
        path = client.app.state.database.path  # type: ignore[attr-defined]
        client.app.dependency_overrides[get_settings] = lambda: Settings(db=path, api_token="t")  # type: ignore[attr-defined]
        response = client.post(
            "/api/ingest", json={"text": "x", "extra": 1}, headers={"Authorization": "Bearer t"}
        )
    assert response.status_code == 422  # past the token check: the body is what is refused
