"""Knowledge-base commands: `entities`, `entity NAME` (a person, organization or region in either
language) and `projects` — the same read queries as the web pages, as tables or `--json`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from coopwatch.cli.app import app
from coopwatch.cli.corpus import open_db, print_json
from coopwatch.labels import figure, find_regions, region_name, tiles
from coopwatch.store.analytics_docs import entity_profile, find_entity_ids, list_entities
from coopwatch.store.analytics_dossier import region_dossier
from coopwatch.store.analytics_projects import all_projects

console = Console()
DB_HELP = "The database file (default: $COOPWATCH_DB or ./coopwatch.db)."
JSON_HELP = "Print JSON instead of a table."
KINDS = ("person", "organization", "region", "country", "sector")


@app.command()
def entities(
    kind: Annotated[
        str | None, typer.Option("--kind", help=f"Only one kind: {', '.join(KINDS)}.")
    ] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, help="How many to list.")] = 100,
    db: Annotated[Path | None, typer.Option("--db", help=DB_HELP)] = None,
    as_json: Annotated[bool, typer.Option("--json", help=JSON_HELP)] = False,
) -> None:
    """People, organizations, regions and sectors, by how many articles name them."""
    if kind is not None and kind not in KINDS:
        console.print(f"[red]unknown kind {escape(kind)!r}[/]: use one of {', '.join(KINDS)}")
        raise typer.Exit(2)
    with open_db(db) as store:
        rows = list_entities(store.connection, kind, limit=limit)
    if as_json:
        print_json(rows)
        return
    table = Table(title=f"Entities ({len(rows)})")
    for column in ("id", "kind", "name", "Russian", "articles"):
        table.add_column(column, justify="right" if column in ("id", "articles") else "left")
    for r in rows:
        table.add_row(
            str(r["id"]),
            r["kind"],
            escape(r["name_en"] or r["key"]),
            escape(r["name_ru"] or ""),
            str(r["documents"]),
        )
    console.print(table)


@app.command()
def entity(
    name: Annotated[
        str, typer.Argument(help="A name in English or Russian, a key, or a region code.")
    ],
    db: Annotated[Path | None, typer.Option("--db", help=DB_HELP)] = None,
    as_json: Annotated[bool, typer.Option("--json", help=JSON_HELP)] = False,
) -> None:
    """Everything known about one person, organization or region; exits 1 when none matches."""
    with open_db(db) as store:
        conn = store.connection
        codes = region_codes_known(name) or find_regions(name)
        if codes:
            data: dict[str, Any] = {
                "kind": "region",
                "code": codes[0],
                "name_en": region_name(codes[0], "en"),
                "name_ru": region_name(codes[0], "ru"),
                **region_dossier(conn, codes[0]),
            }
        else:
            ids = find_entity_ids(conn, name)
            if not ids:
                console.print(f"[red]no entity matches {escape(name)!r}[/]")
                raise typer.Exit(1)
            best = max(ids, key=lambda i: len((entity_profile(conn, i) or {}).get("documents", [])))
            data = entity_profile(conn, best) or {}
            data["other_matches"] = [i for i in ids if i != best]
    if as_json:
        print_json(data)
    elif data["kind"] == "region":
        _print_region(data)
    else:
        _print_entity(data)


def region_codes_known(name: str) -> list[str]:
    """The name itself when it is a region code on the map ("RU-TUL")."""
    return [name.upper()] if name.upper() in tiles() else []


def _print_entity(data: dict[str, Any]) -> None:
    title = " / ".join(n for n in (data.get("name_en"), data.get("name_ru")) if n)
    console.print(f"[bold]{escape(title or data['key'])}[/] ({data['kind']}, {data['key']})")
    for role in data["roles"]:
        console.print(f"  role: {escape(role['role'])} (last seen {role['last_seen']})")
    for rel in data["relations"]:
        other = rel.get("other_en") or rel.get("other_ru") or ""
        console.print(
            f"  {rel['kind']}: {escape(other)} {escape(str(rel['data'].get('role') or ''))}"
        )
    table = Table(title="Articles")
    for column in ("id", "published", "source", "title"):
        table.add_column(column)
    for d in data["documents"]:
        table.add_row(
            str(d["id"]), d["published"] or "", escape(d["source"] or ""), escape(d["title"] or "")
        )
    console.print(table)


def _print_region(data: dict[str, Any]) -> None:
    console.print(f"[bold]{data['name_en']} / {data['name_ru']}[/] ({data['code']})")
    table = Table(title="Trade (seen from Belarus)")
    for column in ("period", "flow", "figure", "stories"):
        table.add_column(column)
    for p in data["points"]:
        table.add_row(
            p["period"] or "",
            p["flow"] or "",
            figure(p["value"], p["measure"], p["currency"]),
            str(p["stories"]),
        )
    console.print(table)
    for label, key in (("people", "persons"), ("organizations", "organizations")):
        names = [escape(e["name_en"] or e["name_ru"] or e["key"]) for e in data[key]]
        console.print(f"{label}: {', '.join(names) or '-'}")
    console.print(f"articles: {data['documents']['total']}")


@app.command()
def projects(
    region: Annotated[
        str | None, typer.Option("--region", help="Only one region's (RU-LIP).")
    ] = None,
    db: Annotated[Path | None, typer.Option("--db", help=DB_HELP)] = None,
    as_json: Annotated[bool, typer.Option("--json", help=JSON_HELP)] = False,
) -> None:
    """Projects (deliveries, joint production, assembly), one per project across articles and
    languages, each with its status history: what was promised and what came of it."""
    with open_db(db) as store:
        rows = all_projects(store.connection, region.upper() if region else None)
    if as_json:
        print_json(rows)
        return
    table = Table(title=f"Projects ({len(rows)})")
    for column in ("project", "regions", "status history (as reported)", "articles"):
        table.add_column(column)
    for p in rows:
        table.add_row(
            escape(p["title"] or ""),
            ", ".join(p["regions"]),
            escape(_history(p["history"])),
            str(p["documents"]),
        )
    console.print(table)


def _history(history: list[dict[str, Any]]) -> str:
    """'2025-09-16 agreed [12] -> 2026-04-14 delivered [13]'; a step back is marked '(!)'."""
    steps = []
    for step in history:
        status = (step["status"] or "mentioned").replace("_", " ")
        mark = " (!)" if step["earlier_stage"] else ""
        steps.append(f"{step['published'] or '?'} {status}{mark} [{step['document_id']}]")
    return " -> ".join(steps)
