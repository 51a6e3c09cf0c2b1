"""The typer application objects; command modules register themselves on them."""

import typer

app = typer.Typer(
    help="coopwatch: news about Belarus–Russian-regions cooperation in, trusted facts out.",
    no_args_is_help=True,
    add_completion=False,
)
bench_app = typer.Typer(
    help="Measure speed and memory of ingest, extract and serve.", no_args_is_help=True
)
app.add_typer(bench_app, name="bench")
