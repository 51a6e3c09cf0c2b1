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
INDEX_HEAD = re.compile(r"темп|индекс|growth\s+rate|index|%\s+(?:of|к)|/\s*\d{4}", re.I)
CHANGE_HEAD = re.compile(r"прирост|изменени|change|\+/?[-−]", re.I)
GROWTH_HEAD = re.compile(r"рост|growth|динамик|dynamics|y-?o-?y|г/г", re.I)  # by the value


@dataclass(slots=True)
class Cell:
    """One cell of a table row, with its offsets into the document text."""

    text: str
    start: int
    end: int


def cells_of(sentence: Sentence) -> list[Cell]:
    """The cells of a table line; the empty edge cells of "| a | b |" dropped, inner empty
    cells kept so that columns line up.

    >>> [c.text for c in cells_of(Sentence(index=0, start=0, end=13, text="|  | 1,5 |"))]
    ['', '1,5']
    """
    cells, position = [], 0
    for piece in SEPARATOR.split(sentence.text):
        start = sentence.start + position + len(piece) - len(piece.lstrip())
        position += len(piece) + 1
        cells.append(Cell(piece.strip(), start, start + len(piece.strip())))
    if cells and not cells[0].text and sentence.text.lstrip().startswith("|"):
        cells = cells[1:]
    if cells and not cells[-1].text and sentence.text.rstrip().endswith("|"):
        cells = cells[:-1]
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
        elif GROWTH_HEAD.search(cell.text):
            kinds.append("growth")
        else:
            kinds.append(None)
    return kinds


def growth_value(raw: Cell, kind: str) -> float | None:
    """A growth cell as growth_pct: an index is its level less 100; a signed cell a change.

    >>> growth_value(Cell("107,1", 0, 5), "index"), growth_value(Cell("-3,2", 0, 4), "growth")
    (7.1, -3.2)
    """
    match = CELL_NUMBER.match(raw.text)
    if not match:
        return None
    number = parse_number(match.group("num"), scaled=True)
    if match.group("sign"):
        return -number if match.group("sign") in "-−" else number
    if kind == "index" or (kind == "growth" and number >= 50):
        return round(number - 100, 2)
    return number


def table_pair(
    doc: Document, flow: str, parties: list[PartyMention], context: DocContext
) -> tuple[str, str] | None:
    """Who a row is between: the caption's owner ("Trade of Tula Oblast with Belarus")
    reports its exports and imports; else as for any figure with no flow word around it."""
    sides = [p.code for p in parties if side(p.code) in ("BY", "RU")]
    if flow != "turnover" and sides:
        owner = sides[0]
        other = next((c for c in sides if side(c) != side(owner)), context.counterpart(owner))
        return owner, other
    return parties_of(doc.text, None, flow, parties, [], context, doc.lang)


def row_atoms(
    row: list[Cell], kinds: list[str | None], pair: tuple[str, str], flow: str, unit: tuple[float, str | None], index: int
) -> list[TradeAtom]:
    """The atoms of one table row: a value per period column, a growth per growth column."""
    periods = [k for k in kinds if k and k[:1].isdigit()]
    found = []
    for cell, kind in zip(row[1:], kinds[1:], strict=False):
        evidence = Evidence(sentence=index, start=cell.start, end=cell.end)
        base = {"flow": flow, "reporter": pair[0], "partner": pair[1], "evidence": evidence}
        if kind in ("index", "change", "growth") and periods:
            value = growth_value(cell, kind)
            if value is not None:
                found.append(TradeAtom.model_validate(
                    {**base, "period": periods[-1], "measure": "growth_pct", "value": value}
                ))
        elif kind and unit[1]:
            match = CELL_NUMBER.match(cell.text)
            if match and not match.group("sign"):
                value = round(parse_number(match.group("num"), scaled=unit[0] > 1) * unit[0], 2)
                found.append(TradeAtom.model_validate(
                    {**base, "period": kind, "measure": "value", "value": value,
                     "currency": unit[1]}
                ))
    return found


def read_tables(doc: Document, context: DocContext) -> tuple[list[TradeAtom], set[int]]:
    """The atoms of every trade table of a document and the sentences the tables take."""
    atoms: list[TradeAtom] = []
    taken: set[int] = set()
    for block in table_blocks(doc):
        rows = [cells_of(s) for s in block if not RULE_ROW.match(s.text)]
        lines = [s for s in block if not RULE_ROW.match(s.text)]
        kinds = column_kinds(rows[0], doc, context)
        if not any(k and k[:1].isdigit() for k in kinds):
            continue
        first = block[0].index
        caption = doc.sentences[first - 1] if first > 0 else None
        heads = [c.text for c in rows[0]] + ([caption.text] if caption else [])
        caption_parties = context.parties.get(caption.index, []) if caption else []
        for row, line in zip(rows[1:], lines[1:], strict=False):
            flows = find_flows(row[0].text, doc.lang)
            if not flows or len(row) < 2:
                continue
            parties = context.parties.get(line.index, []) + caption_parties
            pair = table_pair(doc, flows[0].flow, parties, context)
            if pair is None:
                continue
            unit = unit_of([row[0].text, *heads], doc.lang)
            atoms.extend(row_atoms(row, kinds, pair, flows[0].flow, unit, line.index))
        taken.update(s.index for s in block)
    return atoms, taken
