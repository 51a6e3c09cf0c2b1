"""`coopwatch serve` (the web app and API with uvicorn) and `coopwatch bench serve` (its load
benchmark on a synthetic knowledge base)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from coopwatch.cli.app import app, bench_app
from coopwatch.cli.corpus import print_json
from coopwatch.settings import get_settings

console = Console()
DB_HELP = "The database file (default: $COOPWATCH_DB or ./coopwatch.db)."
JSON_HELP = "Print JSON instead of a table."


@app.command()
def serve(
    db: Annotated[Path | None, typer.Option("--db", help=DB_HELP)] = None,
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[
        int, typer.Option("--port", min=1, max=65535, help="Port to listen on.")
    ] = 8000,
) -> None:
    """Serve the web app and the REST API (open http://HOST:PORT/)."""
    import uvicorn

    from coopwatch.web import create_app

    settings = get_settings()
    application = create_app(settings, db if db is not None else settings.db)
    console.print(
        f"coopwatch on http://{host}:{port}/ (database {application.state.database.path})"
    )
    uvicorn.run(application, host=host, port=port, log_level="warning")


@bench_app.command("serve")
def bench_serve(
    docs: Annotated[
        int, typer.Option("--docs", min=10, help="Synthetic articles in the database.")
    ] = 10_000,
    clients: Annotated[
        int, typer.Option("--clients", min=1, max=256, help="Concurrent clients.")
    ] = 8,
    requests: Annotated[
        int, typer.Option("--requests", min=10, help="Requests per endpoint.")
    ] = 2000,
    seconds: Annotated[
        float, typer.Option("--seconds", min=1.0, help="Time cap per endpoint.")
    ] = 30.0,
    cache: Annotated[
        Path | None, typer.Option("--cache", help="Where to keep the synthetic DB.")
    ] = None,
    no_cache: Annotated[
        bool,
        typer.Option("--no-cache", help="Serve with the result cache off: every request queries."),
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help=JSON_HELP)] = False,
) -> None:
    """Load-test the dossier page and a filtered facts query: requests/s, p50/p95, errors."""
    from coopwatch.web.loadtest import run_bench

    report = run_bench(
        docs, clients, requests, seconds, cache, progress=not as_json, result_cache=not no_cache
    )
    if as_json:
        print_json(report)
        return
    console.print(
        f"database: {report['database']} ({report['documents']} documents, "
        f"{report['facts']} facts; built in {report['build_seconds']:.1f} s); "
        f"result cache {'on' if report['result_cache'] else 'off'}; {report['clients']} clients"
    )
    for name, r in report["endpoints"].items():
        console.print(
            f"{name:8} {r['path']}\n         {r['requests']} requests, {r['rps']:.0f} req/s, "
            f"p50 {r['p50_ms']:.1f} ms, p95 {r['p95_ms']:.1f} ms, errors {r['errors']}; "
            f"CPU ms/request: server {r['server_cpu_ms_per_request']:.2f}, "
            f"load generator {r['client_cpu_ms_per_request']:.2f}; "
            f"first (cold) request {r['first_ms']:.0f} ms",
            highlight=False,
        )
    if report.get("load_average") is not None:
        console.print(f"machine load average (1 min) at the end: {report['load_average']:.2f}")
    if any(r["errors"] for r in report["endpoints"].values()):
        raise typer.Exit(1)
