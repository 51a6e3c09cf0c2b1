"""Commands that show and measure extraction: `extract`, `eval` and `bench extract`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from coopwatch.cli.app import app, bench_app
from coopwatch.evaluate import ATOM_FIELDS, FIELDS, Finding, Report
from coopwatch.model import IngestError

console = Console(highlight=False)
errors = Console(stderr=True, highlight=False, soft_wrap=True)


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(help="Files, folders or http(s) URLs.")],
    as_json: Annotated[bool, typer.Option("--json", help="One gold-format JSON per line.")] = False,
) -> None:
    """Read articles and print the facts found in each, without storing anything."""
    from coopwatch.evaluate.corpus import predicted_dict, read_raw, try_process

    failed = False
    for raw in read_raw(paths):
        if isinstance(raw, IngestError):
            errors.print(f"[red]error[/red] {escape(raw.origin)}: {escape(raw.reason)}")
            failed = True
            continue
        processed = try_process(raw)
        if isinstance(processed, str):
            errors.print(f"[red]failed[/red] {escape(raw.origin)}: {escape(processed)}")
            failed = True
        elif as_json:
            print(json.dumps(processed[1].to_gold(), ensure_ascii=False))
        else:
            show_extraction(predicted_dict(*processed))
    if failed:
        raise typer.Exit(1)


def show_extraction(predicted: dict[str, Any]) -> None:
    """A readable view of one document's facts, each atom with its sentence."""
    console.rule(
        f"[bold]{escape(predicted['doc'])}[/bold]  {predicted['lang']}  "
        f"published {predicted['published'] or '—'}"
    )
    console.print(f"partners: {', '.join(predicted['partners']) or '—'}")
    for name in ATOM_FIELDS:
        for atom in predicted[name]:
            label = "target" if name == "targets" else name
            console.print(f"[cyan]{label}[/cyan] {describe(atom)}")
            if atom.get("sentence"):
                console.print(f"    [dim]{escape(atom['sentence'])}[/dim]")
    persons = [describe_person(p) for p in predicted["persons"]]
    for label, items in (
        ("persons", persons),
        ("organizations", predicted["organizations"]),
        ("sectors", predicted["sectors"]),
        ("agreements", [describe_agreement(a) for a in predicted["agreements"]]),
    ):
        console.print(f"{label}: {escape('; '.join(items)) or '—'}")


def describe(item: Any) -> str:
    """One line for an atom, target or set item: the figure first, then who and when."""
    if not isinstance(item, dict):
        return escape(str(item))
    if "flow" not in item:
        return escape(describe_person(item))
    arrow = "↔" if item["flow"] == "turnover" else "→" if item["flow"] == "export" else "←"
    value = item.get("value")
    shown = f"{value:,.0f}" if isinstance(value, int | float) and abs(value) >= 1000 else str(value)
    parts = [
        f"{item['flow']} {item.get('reporter')}{arrow}{item.get('partner')}",
        str(item.get("period") or item.get("horizon") or ""),
        f"{item.get('measure')}={shown}" + (f" {item['currency']}" if item.get("currency") else ""),
        item.get("qualifier") or "",
        f"base {item['base']}" if item.get("base") else "",
        f"of {item['of']}" if item.get("of") else "",
    ]
    return escape("  ".join(p for p in parts if p))


@app.command("eval")
def eval_command(
    corpus: Annotated[Path, typer.Argument(help="A folder of texts with their gold.jsonl.")],
    as_json: Annotated[bool, typer.Option("--json", help="Scores and errors as JSON.")] = False,
    lang: Annotated[str | None, typer.Option(help="Only documents in this language.")] = None,
    docs: Annotated[
        list[str] | None, typer.Option("--doc", help="Only these documents (gold `doc` ids).")
    ] = None,
    only: Annotated[
        list[str] | None, typer.Option("--field", help="Show errors of these fields only.")
    ] = None,
    show_errors: Annotated[
        bool, typer.Option("--errors/--no-errors", help="List misses and false hits.")
    ] = True,
    compare: Annotated[
        Path | None,
        typer.Option(help="An earlier `eval --json` output: show changes and new errors only."),
    ] = None,
) -> None:
    """Score extraction against a gold corpus: P/R/F1 by language, then every miss and false hit."""
    from coopwatch.evaluate.corpus import CorpusError, run_eval

    try:
        previous = load_previous(compare) if compare else None
        run = run_eval(corpus, lang, docs)
    except CorpusError as error:
        errors.print(f"[red]error[/red] {escape(str(error))}")
        raise typer.Exit(2) from error
    report = run.report
    if as_json:
        data = report.to_dict()
        data.update(corpus=str(corpus), digest=run.digest, failures=run.failures)
        print(json.dumps(data, ensure_ascii=False, indent=1))
    else:
        if show_errors:
            findings = [f for f in report.findings if not only or f.field in only]
            show_findings(findings if previous is None else new_findings(findings, previous))
        show_scores(report, previous)
        for name in report.missing:
            errors.print(f"[yellow]missing[/yellow] {escape(name)}: in gold, no file in {corpus}")
    for line in run.failures:
        errors.print(f"[red]failed[/red] {escape(line)}")
    if run.failures:
        raise typer.Exit(1)


def load_previous(path: Path) -> dict[str, Any]:
    """An earlier `eval --json` output to compare with."""
    from coopwatch.evaluate.corpus import CorpusError

    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise CorpusError(f"{path}: not an eval --json output ({error})") from error
    if not isinstance(data, dict) or "overall" not in data:
        raise CorpusError(f"{path}: not an eval --json output (no 'overall')")
    return data


def new_findings(findings: list[Finding], previous: dict[str, Any]) -> list[Finding]:
    """The errors that the earlier run did not have; says how many of its errors are gone."""

    def key(item: dict[str, Any]) -> str:
        fields = [item["doc"], item["field"], item["kind"], item["item"]]
        return json.dumps(fields, sort_keys=True, ensure_ascii=False)

    before = {key(item) for item in previous.get("findings", [])}
    now = {key(f.to_dict()) for f in findings}
    console.print(
        f"compared with the earlier run: {len(before - now)} errors fixed, "
        f"{len(now - before)} new (listed below)"
    )
    return [f for f in findings if key(f.to_dict()) not in before]


def delta(
    previous: dict[str, Any] | None, lang: str | None, name: str, metric: str, now: float
) -> str:
    """The change against the earlier run, coloured; blank when unchanged or not comparable."""
    scope = (
        (previous or {}).get("by_lang", {}).get(lang) if lang else (previous or {}).get("overall")
    )
    was = (scope or {}).get(name, {}).get(metric)
    if was is None or abs(now - was) < 0.0005:
        return ""
    return f"[green]{now - was:+.3f}[/green]" if now > was else f"[red]{now - was:+.3f}[/red]"


def show_scores(report: Report, previous: dict[str, Any] | None = None) -> None:
    """P/R/F1 per field, one row per language and one overall; then the accuracies."""
    langs = [*report.langs, None] if len(report.langs) > 1 else [None]
    table = Table(title=f"coopwatch eval: {len(report.documents)} documents")
    columns = ("field", "lang", "P", "R", "F1", "ΔF1", "tp", "fp", "fn")
    for column in columns if previous else [c for c in columns if c != "ΔF1"]:
        table.add_column(column, justify="left" if column in ("field", "lang") else "right")
    for name in FIELDS:
        for lang in langs:
            counts = report.counts(name, lang)
            style = "bold" if lang is None else None
            change = [delta(previous, lang, name, "f1", counts.f1)] if previous else []
            table.add_row(
                name if lang == langs[0] else "",
                lang or "all",
                f"{counts.precision:.3f}",
                f"{counts.recall:.3f}",
                f"{counts.f1:.3f}",
                *change,
                str(counts.tp),
                str(counts.fp),
                str(counts.fn),
                style=style,
            )
        table.add_section()
    for name in ("qualifier", "published"):
        for lang in langs:
            accuracy = report.qualifier(lang) if name == "qualifier" else report.published(lang)
            change = [delta(previous, lang, name, "accuracy", accuracy.value)] if previous else []
            table.add_row(
                f"{name} accuracy" if lang == langs[0] else "",
                lang or "all",
                "",
                "",
                f"{accuracy.value:.3f}",
                *change,
                f"{accuracy.right}/{accuracy.total}",
                "",
                "",
                style="bold" if lang is None else None,
            )
        table.add_section()
    console.print(table)


def describe_agreement(agreement: dict[str, Any]) -> str:
    """How many agreements were signed, and when: "11 signed 2023-05-16"."""
    return f"{agreement.get('count')} signed" + (
        f" {agreement['date']}" if agreement.get("date") else ""
    )


def describe_person(person: dict[str, Any]) -> str:
    """A person on one line: name (Russian name), role."""
    text = str(person.get("name") or "")
    if person.get("ru"):
        text += f" ({person['ru']})"
    return text + (f", {person['role']}" if person.get("role") else "")


KIND_LABELS = {
    "miss": "[red]MISS[/red]",
    "false_hit": "[yellow]FALSE[/yellow]",
    "qualifier": "[magenta]QUAL[/magenta]",
}


def show_findings(findings: list[Finding]) -> None:
    """Every error under its document: the item, then its sentence or the gold note."""
    current = None
    for finding in findings:
        if finding.doc != current:
            current = finding.doc
            console.rule(f"{escape(finding.doc)} ({finding.lang})", align="left")
        console.print(f"{KIND_LABELS[finding.kind]} {finding.field}: {describe(finding.item)}")
        if finding.sentence:
            console.print(f"    [dim]« {escape(finding.sentence.strip())} »[/dim]")
        if finding.note:
            console.print(f"    [dim]note: {escape(finding.note)}[/dim]")


@bench_app.command("extract")
def bench_extract_command(
    corpus: Annotated[
        list[Path] | None, typer.Option(help="Corpus folders (default: samples and dev).")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Figures as JSON.")] = False,
    repeat: Annotated[int, typer.Option(min=1, help="Passes per corpus; the best is kept.")] = 1,
) -> None:
    """Speed and memory of extraction on one core, beside natasha's own NER on the same texts."""
    from coopwatch.bench_extract import bench_corpora, default_corpora, show_bench

    folders = corpus or default_corpora()
    if not folders:
        errors.print("[red]error[/red] no corpus to measure: pass --corpus DIR")
        raise typer.Exit(2)
    results = bench_corpora(folders, repeat=repeat)
    if as_json:
        print(json.dumps([r.to_dict() for r in results], ensure_ascii=False, indent=1))
    else:
        show_bench(console, results)
