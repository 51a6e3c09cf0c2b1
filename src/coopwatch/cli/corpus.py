"""Corpus commands: ingest, reextract, docs, show, search, stats — thin wrappers over
`coopwatch.jobs` and `coopwatch.store.queries`; every data command also speaks `--json`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from coopwatch.cli.app import app
from coopwatch.settings import get_settings
from coopwatch.store import Store, open_store, queries, store_path

console = Console()
DB_HELP = "The database file (default: $COOPWATCH_DB or ./coopwatch.db)."
JSON_HELP = "Print JSON instead of a table."
DbOption = Annotated[Path | None, typer.Option("--db", help=DB_HELP)]
JsonOption = Annotated[bool, typer.Option("--json", help=JSON_HELP)]


def open_db(db: Path | None, must_exist: bool = True) -> Store:
    """The store named by --db or the settings; a clear error when a read finds no database."""
    path = store_path(db if db is not None else get_settings().db)
    if must_exist and not path.exists():
        console.print(f"[red]no database at {path}[/]: run `coopwatch ingest ... --db {path}`")
        raise typer.Exit(1)
    return open_store(path)


def print_json(data: Any) -> None:
    """JSON on stdout, UTF-8 kept readable."""
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


@app.command()
def ingest(
    inputs: Annotated[list[str], typer.Argument(
        metavar="PATH_OR_URL...", help="Files, folders or http(s) URLs to read.")],
    db: DbOption = None,
    workers: Annotated[int, typer.Option("--workers", "-w", min=1,
                                         help="Worker processes.")] = 1,
    no_extract: Annotated[bool, typer.Option("--no-extract",
                                             help="Store text only, no facts.")] = False,
    as_json: JsonOption = False,
) -> None:
    """Read articles into the knowledge base; exits 1 when any input failed."""
    from coopwatch import jobs

    with open_db(db, must_exist=False) as store:
        report = jobs.ingest(inputs, store, get_settings(), progress=not as_json,
                             workers=workers, extract=not no_extract)
    if as_json:
        print_json(report.to_dict())
    else:
        _print_report(report)
    if report.failed:
        raise typer.Exit(1)


def _print_report(report: Any) -> None:
    table = Table(title=f"Ingest summary ({report.seconds:.1f} s)", show_header=False)
    table.add_column("outcome")
    table.add_column("documents", justify="right")
    for label, value in (("ingested", report.ingested), ("duplicates", report.duplicates),
                         ("near-duplicates (joined a story)", report.near_duplicates),
                         ("skipped", len(report.skipped)), ("failed", len(report.failed))):
        table.add_row(label, str(value))
    console.print(table)
    for item in report.skipped:
        console.print(f"[yellow]skipped[/] {escape(str(item))}", highlight=False)
    for item in report.failed:
        console.print(f"[red]failed[/] {escape(str(item))}", highlight=False)


@app.command()
def reextract(
    documents: Annotated[list[str] | None, typer.Argument(
        help="Document ids or names (default: all).")] = None,
    db: DbOption = None,
) -> None:
    """Extract facts again from stored documents after the extractor improved."""
    from coopwatch import jobs

    with open_db(db) as store:
        ids = [_document_id(store, ref) for ref in documents] if documents else store.document_ids()
        done, failures = jobs.reextract(store, ids)
    console.print(f"re-extracted {done} document(s)")
    for failure in failures:
        console.print(f"[red]failed[/] {escape(str(failure))}", highlight=False)
    if failures:
        raise typer.Exit(1)


def _document_id(store: Store, ref: str) -> int:
    found = store.find_document(ref)
    if found is None:
        console.print(f"[red]no document[/] {ref!r} (give an id or a name from `coopwatch docs`)")
        raise typer.Exit(1)
    return found


@app.command()
def docs(
    lang: Annotated[str | None, typer.Option(help="en, ru or be.")] = None,
    since: Annotated[str | None, typer.Option(help="Published on or after (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option(help="Published on or before (YYYY-MM-DD).")] = None,
    source: Annotated[str | None, typer.Option(help="The outlet, e.g. BelTA.")] = None,
    limit: Annotated[int, typer.Option(min=1, help="At most this many.")] = 50,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """List stored documents, newest first."""
    with open_db(db) as store:
        rows = queries.list_documents(store.connection, lang, since, until, source, limit)
    if as_json:
        print_json(rows)
        return
    table = Table()
    for column in ("id", "name", "lang", "published", "source", "story", "facts"):
        width = 10 if column == "published" else len(column)
        table.add_column(column, no_wrap=True, min_width=width,
                         max_width={"name": 30, "source": 12}.get(column),
                         justify="right" if column in ("id", "story", "facts") else "left")
    table.add_column("title", no_wrap=True, overflow="ellipsis",
                     max_width=max(10, console.width - 100))
    for r in rows:
        table.add_row(str(r["id"]), r["name"], r["lang"], r["published"] or "", r["source"] or "",
                      str(r["story_id"]), str(r["facts"]), (r["title"] or "")[:60])
    console.print(table)


@app.command()
def show(
    document: Annotated[str, typer.Argument(metavar="DOC", help="A document id or name.")],
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Show one document: metadata, numbered sentences and the facts read from each."""
    with open_db(db) as store:
        detail = queries.document_detail(store.connection, _document_id(store, document))
    assert detail is not None
    if as_json:
        print_json(detail)
        return
    console.print(f"[bold]{escape(detail['title'] or detail['name'])}[/]", highlight=False)
    for key in ("id", "name", "origin", "url", "lang", "published", "published_from", "source",
                "story_id"):
        if detail[key] is not None:
            console.print(f"  {key}: {escape(str(detail[key]))}", highlight=False)
    for copy in detail["story_documents"]:
        console.print(f"  same story: #{copy['id']} {escape(copy['name'])}", highlight=False)
    console.print("\n[bold]Sentences[/]")
    for sentence in detail["sentences"]:
        console.print(f"[dim]{sentence['idx']:>3}[/] {escape(sentence['text'])}", highlight=False)
    console.print(f"\n[bold]Facts[/] ({len(detail['facts'])})")
    for fact in detail["facts"]:
        console.print(f"  [cyan]{fact['kind']}[/] {escape(_fact_line(fact))}", highlight=False)


def _fact_line(fact: dict[str, Any]) -> str:
    data = {k: v for k, v in fact["data"].items() if v not in (None, [], "") and k != "evidence"}
    where = f"(sentence {fact['sentence']}) " if fact["sentence"] is not None else ""
    return where + json.dumps(data, ensure_ascii=False)


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="Words to find; Russian words in any form.")],
    limit: Annotated[int, typer.Option(min=1, help="At most this many hits.")] = 20,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Full-text search over documents («Тульской» finds «Тульская область»)."""
    with open_db(db) as store:
        hits = queries.search_documents(store.connection, query, limit)
    if as_json:
        print_json(hits)
        return
    if not hits:
        console.print(f"nothing found for {query!r}")
        return
    for hit in hits:
        title = escape(f"{hit['name']}  {hit['title'] or ''}")
        console.print(f"[bold]#{hit['id']}[/] {title}", highlight=False)
        text = Text("    " + hit["snippet"])
        for start, end in hit["marks"]:
            text.stylize("bold yellow", start + 4, end + 4)
        console.print(text)


@app.command()
def stats(
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Summarise the knowledge base: documents, stories, sentences, facts and entities."""
    with open_db(db) as store:
        data = queries.corpus_stats(store.connection)
    if as_json:
        print_json(data)
        return
    table = Table(title="coopwatch knowledge base", show_header=False)
    table.add_column("what")
    table.add_column("count", justify="right")
    table.add_row("documents", str(data["documents"]))
    for lang, n in data["documents_by_lang"].items():
        table.add_row(f"  in {lang}", str(n))
    table.add_row("stories (near-duplicates merged)", str(data["stories"]))
    table.add_row("sentences", str(data["sentences"]))
    for kind, n in data["facts_by_kind"].items():
        table.add_row(f"facts: {kind} (once per story)", str(n))
    for kind, n in data["entities_by_kind"].items():
        table.add_row(f"entities: {kind}", str(n))
    span = f"{data['published_from'] or '?'} .. {data['published_to'] or '?'}"
    table.add_row("published", span)
    console.print(table)
