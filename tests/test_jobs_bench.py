"""`coopwatch bench ingest` runs end to end on a small synthetic corpus (figures not checked:
speed is measured by running the bench, never by tests)."""

from __future__ import annotations

import json
import random

import pytest
from typer.testing import CliRunner

from coopwatch import dedup
from coopwatch.bench import synthetic_article
from coopwatch.cli import app


@pytest.mark.parametrize("options", [["--no-extract"], ["--html", "--no-extract"]],
                         ids=["plain-text", "html"])
def test_bench_ingest_stores_every_synthetic_article(options: list[str]) -> None:
    result = CliRunner().invoke(app, ["bench", "ingest", "--docs", "12", "--json", *options])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    assert (figures["ingested"], figures["near_duplicates"], figures["failed"]) == (12, 0, 0)
    assert figures["docs_per_s"] > 0 and figures["peak_rss_mb"] > 0
    assert (figures["trafilatura_docs_per_s"] is not None) == ("--html" in options)
    assert (figures["html_step_docs_per_cpu_s"] is not None) == ("--html" in options)


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_synthetic_articles_are_about_2kb_and_not_near_copies(lang: str) -> None:
    rng = random.Random(1)
    articles = [synthetic_article(rng, i, lang)[1] for i in range(20)]
    assert all(1900 <= len(text) <= 2600 for text in articles)
    first = dedup.signature(articles[0])
    assert first is not None
    assert max(first.jaccard(dedup.signature(text)) for text in articles[1:]) < 0.3
