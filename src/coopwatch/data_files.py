"""The package's data files (src/coopwatch/data/), read and parsed in one place.

Pipeline, store and web all read the same user-extendable tables; one reader keeps their
parsing (comments, tabs, the regions.tsv format) identical. It imports no coopwatch module, so
any layer may import it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

REGION_KINDS = ("country", "region", "republic", "capital", "alias", "adj", "context")


@dataclass(frozen=True, slots=True)
class RegionRow:
    """One regions.tsv row: a party code's names of one kind in one language."""

    line: int  # 1-based line number, for error messages
    code: str
    kind: str
    lang: str
    names: tuple[str, ...]  # as written between "|", stripped
    flags: tuple[str, ...] = ()


def data_text(name: str) -> str:
    """The text of a packaged data file (found the same way in a checkout and a wheel)."""
    return resources.files("coopwatch").joinpath(f"data/{name}").read_text("utf-8")


def _content_lines(text: str) -> list[tuple[int, str]]:
    """(line number, line) of every line that is neither blank nor a '#' comment."""
    return [(number, line) for number, line in enumerate(text.splitlines(), 1)
            if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=64)
def data_rows(name: str) -> tuple[tuple[str, ...], ...]:
    """The tab-separated cells of a data file's lines, comments and blank lines left out.

    Cached and immutable: every caller shares one parse.
    """
    return tuple(tuple(line.split("\t")) for _, line in _content_lines(data_text(name)))


def data_records(name: str) -> list[dict[str, str]]:
    """The rows of a data file with a header line as dicts; cells stripped, missing ones "".

    A fresh list each call, so callers may keep or change what they get.
    """
    rows = data_rows(name)
    if not rows:
        return []
    header, body = rows[0], rows[1:]
    return [{key: (row[i].strip() if i < len(row) else "") for i, key in enumerate(header)}
            for row in body]


def parse_region_rows(text: str) -> list[RegionRow]:
    """The rows of a regions.tsv text; a malformed row raises ValueError naming its line.

    >>> parse_region_rows("# c\\nRU-TUL\\tregion\\ten\\tTula Oblast|Tula region\\n")[0].names
    ('Tula Oblast', 'Tula region')
    """
    rows = []
    for number, line in _content_lines(text):
        fields = line.split("\t")
        if len(fields) < 4 or fields[1] not in REGION_KINDS:
            raise ValueError(f"regions.tsv line {number}: expected code, kind "
                             f"({', '.join(REGION_KINDS)}), lang, names separated by tabs")
        flags = tuple(fields[4].split()) if len(fields) > 4 else ()
        names = tuple(n.strip() for n in fields[3].split("|"))
        rows.append(RegionRow(number, fields[0], fields[1], fields[2], names, flags))
    return rows


@lru_cache(maxsize=1)
def region_rows() -> tuple[RegionRow, ...]:
    """The packaged regions.tsv, parsed once."""
    return tuple(parse_region_rows(data_text("regions.tsv")))


@lru_cache(maxsize=16)
def region_names(lang: str, kinds: tuple[str, ...]) -> dict[str, str]:
    """Code -> first name of its best row in `lang`, `kinds` ranked best first, then file order.

    >>> region_names("en", ("region", "republic"))["RU-TUL"]
    'Tula Oblast'
    """
    best: dict[str, tuple[int, str]] = {}
    for row in region_rows():
        if row.lang == lang and row.kind in kinds:
            rank = kinds.index(row.kind)
            if row.code not in best or rank < best[row.code][0]:
                best[row.code] = (rank, row.names[0])
    return {code: name for code, (_, name) in best.items()}
