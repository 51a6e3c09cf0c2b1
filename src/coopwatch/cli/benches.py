"""`coopwatch bench ingest`: speed and memory of the ingest path (other benches live with
their areas: `bench extract` in cli/quality.py, `bench serve` in cli/serving.py)."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from coopwatch.cli.app import bench_app

console = Console()


@bench_app.command("ingest")
def bench_ingest(
    docs: Annotated[int, typer.Option(min=1, help="How many ~2 KB articles to generate.")] = 5000,
    html: Annotated[bool, typer.Option(help="Generate HTML pages; also time trafilatura.")] = False,
    no_extract: Annotated[bool, typer.Option(
        "--no-extract", help="Clean, split and store only.")] = False,
    workers: Annotated[int, typer.Option("--workers", "-w", min=1,
                                         help="Worker processes.")] = 1,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
) -> None:
    """Ingest a synthetic corpus into a temp database: documents/s and peak memory."""
    from coopwatch.bench import run_ingest_bench

    result = run_ingest_bench(docs, html, not no_extract, workers, progress=not as_json)
    if as_json:
        typer.echo(json.dumps(asdict(result), ensure_ascii=False, indent=2))
        return
    stages = "read + clean + split + " + ("extract + store" if not no_extract else "store")
    table = Table(title=f"bench ingest: {stages}", show_header=False)
    table.add_column("measure")
    table.add_column("value", justify="right")
    table.add_row("documents", f"{result.documents} ({'HTML' if html else 'plain text'})")
    table.add_row("workers", str(result.workers))
    table.add_row("reader", result.reader)
    table.add_row("seconds", f"{result.seconds:.1f}")
    budget = "  (budget >= 300)" if not html and no_extract else ""
    table.add_row("documents per second (wall clock)", f"{result.docs_per_s:,.0f}{budget}")
    if result.docs_per_cpu_s is not None:
        table.add_row("documents per CPU second (one core)",
                      f"{result.docs_per_cpu_s:,.0f}{budget}")
    if result.trafilatura_docs_per_s is not None:
        _html_rows(table, result)
    table.add_row("peak memory (RSS)", f"{result.peak_rss_mb:,.0f} MB  (budget < 500)")
    table.add_row("stored / near-duplicates / failed",
                  f"{result.ingested} / {result.near_duplicates} / {result.failed}")
    console.print(table)
    for note in result.notes:
        console.print(f"[red]failed[/] {escape(note)}", highlight=False)


def _html_rows(table: Table, result: Any) -> None:
    """The HTML step alone on the same pages: ours against trafilatura's own."""
    rows = [
        ("HTML step alone: coopwatch (text + title/date/url/site)",
         result.html_step_docs_per_s, result.html_step_docs_per_cpu_s),
        ("HTML step alone: trafilatura.extract (defaults, text only)",
         result.trafilatura_docs_per_s, result.trafilatura_docs_per_cpu_s),
        ("HTML step alone: trafilatura bare_extraction + metadata",
         result.trafilatura_metadata_docs_per_s, result.trafilatura_metadata_docs_per_cpu_s),
    ]
    for label, wall, cpu in rows:
        table.add_row(label, f"{wall or 0:,.0f} docs/s, {cpu or 0:,.0f} per CPU s")
    if result.html_step_docs_per_cpu_s and result.trafilatura_docs_per_cpu_s:
        ratio = result.html_step_docs_per_cpu_s / result.trafilatura_docs_per_cpu_s
        table.add_row("coopwatch / trafilatura.extract (per CPU s)", f"{ratio:.2f}x")
