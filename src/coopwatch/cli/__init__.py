"""The command line: thin wrappers over jobs, queries and the pipeline.

One module per group of commands, each owning its commands:
`corpus` (ingest, docs, show, search, stats), `quality` (extract, eval),
`knowledge` (entities, entity, projects), `serving` (serve) and `benches` (bench ...).
"""

from coopwatch.cli import benches, corpus, knowledge, quality, serving  # noqa: F401  (registers)
from coopwatch.cli.app import app

__all__ = ["app"]
