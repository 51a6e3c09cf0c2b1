"""The web app in a real headless Chromium against the real server on loopback: overview →
dossier (plotly draws its svg) → a fact's sentence highlighted; search; CSV download; and an
article carrying <script> and event handlers runs nothing. Screenshots go to screenshots/.
"""

from __future__ import annotations

import csv
import io
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn
import web_corpus

from coopwatch.settings import SAMPLES_DIR, Settings
from coopwatch.web import create_app

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
SCREENSHOTS = Path(__file__).resolve().parent.parent / "screenshots"

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
pytestmark = pytest.mark.skipif(
    shutil.which(CHROMIUM) is None and not Path(CHROMIUM).exists(),
    reason=f"no Chromium at {CHROMIUM}",
)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield chromium
        chromium.close()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    path = tmp_path_factory.mktemp("browser") / "kb.db"
    ids = web_corpus.build(path)
    if any(SAMPLES_DIR.glob("*")):
        from coopwatch import jobs
        from coopwatch.store import open_store

        with open_store(path) as store:
            jobs.ingest([str(SAMPLES_DIR)], store, Settings(db=path), progress=False)
    port = _free_port()
    app = create_app(Settings(db=path))
    uv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=uv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not uv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert uv.started, "server did not start"
    yield {"base": f"http://127.0.0.1:{port}", "ids": ids}
    uv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture()
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(accept_downloads=True, viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.dialogs = []  # any alert()/confirm() an article manages to open
    tab.on("dialog", lambda dialog: (tab.dialogs.append(dialog.message), dialog.dismiss()))
    tab.errors = []
    tab.on("pageerror", lambda error: tab.errors.append(str(error)))
    yield tab
    context.close()


def shot(page: Any, name: str) -> None:
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def test_overview_to_dossier_chart_to_highlighted_sentence(server: dict, page: Any) -> None:
    page.goto(server["base"] + "/")
    assert page.locator(".tilemap .tile").count() >= 80
    shot(page, "overview")
    page.locator("#by-turnover a.region-link", has_text="Tula").first.click()
    page.wait_for_url("**/regions/RU-TUL")
    page.wait_for_selector("#chart-annual svg.main-svg", timeout=15000)
    assert page.locator("#chart-part svg.main-svg").count() >= 1
    assert page.locator("#chart-annual .scatterlayer .trace").count() >= 1
    shot(page, "dossier")
    page.locator("#points a.source-link").first.click()
    page.wait_for_url("**/documents/**")
    selected = page.locator("mark.sentence.selected")
    assert selected.count() == 1
    assert page.url.endswith("#" + selected.get_attribute("id"))
    assert selected.locator("mark.fact").count() >= 1
    shot(page, "article")
    assert page.errors == []


def test_dossier_in_russian(server: dict, page: Any) -> None:
    page.goto(server["base"] + "/regions/RU-TUL?lang=ru")
    assert "Тульская обл." in page.locator("h1").inner_text()
    page.wait_for_selector("#chart-annual svg.main-svg", timeout=15000)
    shot(page, "dossier-ru")


@pytest.mark.parametrize(
    ("query", "expected"),
    [("Тульской", "Тула и Беларусь"), ("buses", "Tula: eight months")],
    ids=["ru", "en"],
)
def test_search_from_the_header(server: dict, page: Any, query: str, expected: str) -> None:
    page.goto(server["base"] + "/")
    page.fill("header input[name=q]", query)
    page.press("header input[name=q]", "Enter")
    page.wait_for_url("**/search?q=*")
    assert page.locator("#document-results a.result", has_text=expected).count() >= 1


def test_fact_explorer_filter_and_csv_download(server: dict, page: Any) -> None:
    page.goto(server["base"] + "/facts")
    page.fill("form.filters input[name=region]", "RU-TUL")
    page.select_option("form.filters select[name=flow]", "export")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**/facts?*region=RU-TUL*")
    with page.expect_download() as info:
        page.click("#export-csv")
    rows = list(csv.DictReader(io.StringIO(Path(info.value.path()).read_text(encoding="utf-8"))))
    assert rows and {r["flow"] for r in rows} == {"export"}
    assert all("RU-TUL" in (r["reporter"], r["partner"]) for r in rows)
    page.locator("table.facts a.fact-link").first.click()
    page.wait_for_url("**/documents/**")
    assert page.locator("mark.sentence.selected").count() == 1


@pytest.mark.parametrize(
    "path",
    [
        "/documents/{lipetsk}",
        "/documents/{lipetsk}?s=0",
        "/",
        "/facts?region=RU-LIP",
        "/search?q=Lipetsk",
        "/regions/RU-LIP",
    ],
    ids=["article", "article-selected", "overview", "facts", "search", "dossier"],
)
def test_untrusted_article_runs_nothing(server: dict, page: Any, path: str) -> None:
    page.goto(server["base"] + path.format(lipetsk=server["ids"]["en-lipetsk.html"]))
    page.wait_for_load_state("load")
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert page.dialogs == []
    assert page.locator("main img").count() == 0
    if path.startswith("/documents"):
        assert "<script>window.__xss=2</script>" in page.locator("#text").inner_text()
