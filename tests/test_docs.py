"""The README documents every command registered on the CLI, and no command that is gone."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import typer.main

from coopwatch.cli import app

README = Path(__file__).resolve().parent.parent / "README.md"


def command_paths(command: Any, prefix: str = "") -> Iterator[str]:
    """'ingest', 'bench ingest', ...: every leaf command of the (click-style) command tree."""
    if hasattr(command, "commands"):
        for name, sub in command.commands.items():
            yield from command_paths(sub, f"{prefix} {name}".strip())
    elif prefix:
        yield prefix


def documented() -> set[str]:
    section = README.read_text(encoding="utf-8").split("## Commands", 1)[-1]
    return set(re.findall(r"^### `coopwatch ([a-z][a-z -]*?)`", section, re.MULTILINE))


def registered() -> set[str]:
    return set(command_paths(typer.main.get_command(app)))


def suggested_section(path: str) -> str:
    """A README section drafted from the command's own help, to paste and trim."""
    command: Any = typer.main.get_command(app)
    for name in path.split():
        command = command.commands[name]
    context = command.make_context(path, [], resilient_parsing=True)
    usage = " ".join(command.collect_usage_pieces(context))
    return f"### `coopwatch {path}`\n\n```bash\ncoopwatch {path} {usage}\n```\n{command.help}\n"


def test_every_registered_command_has_a_readme_section() -> None:
    missing = sorted(registered() - documented())
    drafts = "\n".join(suggested_section(path) for path in missing)
    assert not missing, f"README.md lacks sections for {missing}; drafts:\n{drafts}"


def test_the_readme_documents_no_command_that_does_not_exist() -> None:
    stale = sorted(documented() - registered())
    assert not stale, f"README.md documents commands the CLI no longer has: {stale}"
