"""Trade tables: a block of pipe- or tab-separated lines whose header names periods and maybe
a growth column ("| | 2023 | 2024 | Темп роста, % |") and whose rows name a flow
("| Экспорт | 500,1 | 520,3 | 104,0 |"). The unit ("млн долларов США", "USD million") is
said in the header, the row label or the line before the table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from coopwatch.model import Document, Evidence, PartyMention, Sentence, TradeAtom
from coopwatch.pipeline.amounts import NUMBER, parse_number
from coopwatch.pipeline.context import DocContext
from coopwatch.pipeline.flows import find_flows, side
from coopwatch.pipeline.lexicon import compiled, value_of
from coopwatch.pipeline.periods import find_periods, resolve
from coopwatch.pipeline.trade_parties import parties_of

SEPARATOR = re.compile(r"[|\t]")
RULE_ROW = re.compile(r"^[\s|:+\-–—=\t]*$")
CELL_NUMBER = re.compile(rf"^\s*(?P<sign>[+−-])?\s*(?P<num>{NUMBER})\s*%?\s*$")
# A growth column: an index ("Темп роста, %", "growth rate", "2024/2023, %") or a change.
INDEX_HEAD = re.compile(r"темп|индекс|рост\w*\s*,|growth\s+rate|index|%\s+(?:of|к)|/\s*\d{4}", re.I)
CHANGE_HEAD = re.compile(r"прирост|изменени|change|growth|\+/?-|рост", re.I)


@dataclass(slots=True)
class Cell:
    """One cell of a table row, with its offsets into the document text."""

    text: str
    start: int
    end: int


def cells_of(sentence: Sentence) -> list[Cell]:
    """The cells of a table line (empty edge cells of "| a | b |" dropped).

    >>> [c.text for c in cells_of(Sentence(index=0, start=0, end=13, text="| a | 1,5 |"))]
    ['a', '1,5']
    """
    cells, position = [], 0
    for piece in SEPARATOR.split(sentence.text):
        start = sentence.start + position + len(piece) - len(piece.lstrip())
        position += len(piece) + 1
        if piece.strip():
            cells.append(Cell(piece.strip(), start, start + len(piece.strip())))
    return cells


def table_blocks(doc: Document) -> list[list[Sentence]]:
    """Runs of at least two consecutive table lines (two or more separators each)."""
    blocks: list[list[Sentence]] = []
    current: list[Sentence] = []
    for sentence in doc.sentences:
        if len(SEPARATOR.findall(sentence.text)) >= 2 and "\n" not in sentence.text.strip():
            current.append(sentence)
            continue
        if len(current) >= 2:
            blocks.append(current)
        current = []
    if len(current) >= 2:
        blocks.append(current)
    return blocks


def unit_of(texts: list[str], lang: str) -> tuple[float, str | None]:
    """The multiplier and currency a table states anywhere in its header, label or caption."""
    factor, currency = 1.0, None
    for text in texts:
        mult = compiled("multiplier", lang, r"(?<!\w)(?:{})(?!\w)").search(text)
        if mult and factor == 1.0:
            factor = float(value_of("multiplier", mult.group(0), lang) or 1)
        money = compiled("currency", lang, r"(?<![^\W\d])(?:{})(?!\w)").search(text)
        if money and currency is None:
            currency = value_of("currency", money.group(0), lang)
    return factor, currency


def column_kinds(header: list[Cell], doc: Document, context: DocContext) -> list[str | None]:
    """Per header cell: its period ("2024"), "index" or "change" for a growth column, else None."""
    kinds: list[str | None] = []
    for cell in header:
        periods = [p for p in find_periods(cell.text, doc.lang) if not p.is_date]
        if INDEX_HEAD.search(cell.text):
            kinds.append("index")
        elif periods and len(periods) == 1:
            kinds.append(resolve(periods[0], context.reference, periods[0].year))
        elif CHANGE_HEAD.search(cell.text):
            kinds.append("change")
        else:
            kinds.append(None)
    return kinds
