"""PLACEHOLDER: commands to be written."""

from coopwatch.cli.app import app, bench_app  # noqa: F401
