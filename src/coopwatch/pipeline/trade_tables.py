"""Trade tables: a block of pipe- or tab-separated lines whose header names periods and maybe
a growth column ("| | 2023 | 2024 | Темп роста, % |") and whose rows name a flow
("| Экспорт | 500,1 | 520,3 | 104,0 |"). The unit ("млн долларов США", "USD million") is
said in the header, the row label or the line before the table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from coopwatch.model import Document, Evidence, PartyMention, TradeAtom
from coopwatch.pipeline.amounts import NUMBER, parse_number
from coopwatch.pipeline.context import DocContext
from coopwatch.pipeline.figures import Figure
from coopwatch.pipeline.flows import find_flows, is_product_flow, side
from coopwatch.pipeline.lexicon import compiled, value_of
from coopwatch.pipeline.parties import find_parties
from coopwatch.pipeline.periods import find_periods, resolve
from coopwatch.pipeline.trade_parties import parties_of

SEPARATOR = re.compile(r"[|\t]")
RULE_ROW = re.compile(r"^[\s|:+\-–—=\t]*$")
CELL_NUMBER = re.compile(rf"^\s*(?P<sign>[+−-])?\s*(?P<num>{NUMBER})\s*%?\s*$")
# A growth column: an index ("Темп роста, %", "growth rate", "2024/2023, %") or a change.
INDEX_HEAD = re.compile(
    r"темп|индекс|growth\s+rate|index|%\s+(?:of|к)|/\s*\d{4}|\d{4}\s*(?:к|vs\.?|against)\s*\d{4}",
    re.I,
)
CHANGE_HEAD = re.compile(r"прирост|изменени|change|\+/?[-−]", re.I)
GROWTH_HEAD = re.compile(r"рост|growth|динамик|dynamics|y-?o-?y|г/г", re.I)  # by the value


@dataclass(slots=True)
class Cell:
    """One cell of a table row, with its offsets into the document text."""

    text: str
    start: int
    end: int


@dataclass(slots=True)
class Line:
    """One line of a table block: its text and where it starts in the document text."""

    text: str
    start: int


def cells_of(line: Line) -> list[Cell]:
    """The cells of a table line; the empty edge cells of "| a | b |" dropped, inner empty
    cells kept so that columns line up.

    >>> [c.text for c in cells_of(Line("|  | 1,5 |", 0))]
    ['', '1,5']
    """
    cells, position = [], 0
    for piece in SEPARATOR.split(line.text):
        start = line.start + position + len(piece) - len(piece.lstrip())
        position += len(piece) + 1
        cells.append(Cell(piece.strip(), start, start + len(piece.strip())))
    if cells and not cells[0].text and line.text.lstrip().startswith("|"):
        cells = cells[1:]
    if cells and not cells[-1].text and line.text.rstrip().endswith("|"):
        cells = cells[:-1]
    return cells


def table_blocks(text: str) -> list[list[Line]]:
    """Runs of at least two consecutive lines with two or more cell separators each (lines,
    not sentences: a sentence splitter breaks "млн долл. | 850,2" apart).

    >>> [len(b) for b in table_blocks("Intro.\\n| a | b |\\n| 1 | 2 |\\nEnd.")]
    [2]
    """
    blocks: list[list[Line]] = []
    current: list[Line] = []
    position = 0
    for raw in text.splitlines(keepends=True):
        if len(SEPARATOR.findall(raw.rstrip("\n"))) >= 2:
            current.append(Line(raw.rstrip("\r\n"), position))
        else:
            if len(current) >= 2:
                blocks.append(current)
            current = []
        position += len(raw)
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


Column = tuple[str | None, str | None]  # (value | index | change | growth | None, period)


def column_kinds(
    header: list[Cell], doc: Document, context: DocContext, heads: list[str]
) -> list[Column]:
    """Per header cell: what its column holds and the period it names ("2024", or a growth
    column's own year in "2024 к 2023, %"); a growth column with no year takes one later.
    Months said once for the table («за январь–сентябрь») go with each column's year."""
    kinds: list[Column] = []
    months = table_months(heads, doc.lang)
    for cell in header:
        periods = [p for p in find_periods(cell.text, doc.lang) if not p.is_date and not p.base]
        period = resolve(periods[0], context.reference, periods[0].year) if periods else None
        if period and period.isdigit() and months:
            period = f"{period}-{months[0]:02d}..{period}-{months[1]:02d}"
        if INDEX_HEAD.search(cell.text):
            kinds.append(("index", period))
        elif CHANGE_HEAD.search(cell.text):
            kinds.append(("change", period))
        elif GROWTH_HEAD.search(cell.text) or (period and "%" in cell.text):
            kinds.append(("growth", period))
        elif period and len(periods) == 1:
            kinds.append(("value", period))
        else:
            kinds.append((None, None))
    return kinds


def table_months(heads: list[str], lang: str) -> tuple[int, int] | None:
    """A span of months with no year in a table's caption or header ("January-September")."""
    for text in heads:
        for mention in find_periods(text, lang):
            if mention.months and mention.year is None and mention.rel is None:
                return mention.months
    return None


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
    doc: Document, label: Cell, caption: list[PartyMention], context: DocContext
) -> tuple[str, str] | None:
    """Who a row is between: the label's own words ("Exports to Bryansk Oblast"), else the
    caption's owner ("Trade of Tula Oblast with Belarus") for its exports and imports, else
    as for any figure with no party around it."""
    flows = find_flows(label.text, doc.lang, label.start)
    own = find_parties(label.text, label.start)
    end = Figure(label.end, label.end, "amount", "value", 0.0)
    if own:
        return parties_of(doc.text, end, flows[0].flow, own, flows, context, doc.lang)
    sides = [p.code for p in caption if side(p.code) in ("BY", "RU")]
    if flows[0].flow != "turnover" and sides:
        owner = sides[0]
        other = next((c for c in sides if side(c) != side(owner)), context.counterpart(owner))
        return owner, other
    return parties_of(doc.text, None, flows[0].flow, caption, [], context, doc.lang)


def row_atoms(
    row: list[Cell],
    kinds: list[Column],
    pair: tuple[str, str],
    flow: str,
    unit: tuple[float, str | None],
    index: int,
) -> list[TradeAtom]:
    """The atoms of one table row: a value per period column, a growth per growth column
    (for its own year, else the year of the value column before it, else the latest)."""
    periods = [p for k, p in kinds if k == "value" and p]
    found = []
    last = None
    for cell, (kind, period) in zip(row[1:], kinds[1:], strict=False):
        evidence = Evidence(sentence=index, start=cell.start, end=cell.end)
        base = {"flow": flow, "reporter": pair[0], "partner": pair[1], "evidence": evidence}
        match = CELL_NUMBER.match(cell.text)
        if kind == "value":
            last = period
            if match and unit[1] and not match.group("sign") and "%" not in cell.text:
                value = round(parse_number(match.group("num"), scaled=unit[0] > 1) * unit[0], 2)
                found.append(
                    TradeAtom.model_validate(
                        {
                            **base,
                            "period": period,
                            "measure": "value",
                            "value": value,
                            "currency": unit[1],
                        }
                    )
                )
        elif kind and (period or last or periods):
            growth = growth_value(cell, kind)
            if growth is not None:
                found.append(
                    TradeAtom.model_validate(
                        {
                            **base,
                            "period": period or last or periods[-1],
                            "measure": "growth_pct",
                            "value": growth,
                        }
                    )
                )
    return found


def read_tables(doc: Document, context: DocContext) -> tuple[list[TradeAtom], set[int]]:
    """The atoms of every trade table of a document and the sentences the tables take."""
    atoms: list[TradeAtom] = []
    taken: set[int] = set()
    for block in table_blocks(doc.text):
        lines = [line for line in block if not RULE_ROW.match(line.text)]
        start, end = block[0].start, block[-1].start + len(block[-1].text)
        inside = [s.index for s in doc.sentences if s.start < end and start < s.end]
        taken.update(inside)
        if len(lines) < 2:
            continue
        rows = [cells_of(line) for line in lines]
        caption = doc.sentences[inside[0] - 1] if inside and inside[0] > 0 else None
        heads = [c.text for c in rows[0]] + ([caption.text] if caption else [])
        kinds = column_kinds(rows[0], doc, context, heads[:1] + heads[len(rows[0]) :])
        if not any(kind == "value" for kind, _ in kinds):
            continue
        caption_parties = context.parties.get(caption.index, []) if caption else []
        labels = [r[0].text for r in rows[1:] if r]
        if not named_scope(heads + labels, caption_parties, doc.lang):
            continue  # whose trade a table shows must be said: a party or "mutual"
        for row in rows[1:]:
            flows = find_flows(row[0].text, doc.lang)
            if not flows or len(row) < 2 or is_product_label(row[0].text, doc.lang):
                continue
            if is_total_label(row[0].text, heads, caption_parties, doc.lang):
                continue
            sentence = doc.sentence_at(row[0].start)
            index = sentence.index if sentence else inside[0]
            pair = table_pair(doc, row[0], caption_parties, context)
            if pair is None:
                continue
            unit = unit_of([row[0].text, *heads, *labels], doc.lang)  # said once, in any label
            atoms.extend(row_atoms(row, kinds, pair, flows[0].flow, unit, index))
    return atoms, taken


def is_product_label(label: str, lang: str) -> bool:
    """ "Imports of tractors", «Экспорт удобрений», «Сальдо торговли»: a row about one product
    or a balance, no atom."""
    if compiled("out_of_scope", lang, r"(?<!\w)(?:{})").search(label):
        return True
    flows = find_flows(label, lang)
    return bool(flows) and is_product_flow(label, flows[0], find_parties(label), lang)


def is_total_label(label: str, heads: list[str], caption: list[PartyMention], lang: str) -> bool:
    """ "Foreign trade turnover" in a table that names no partner: the region's trade with
    the whole world, no bilateral atom."""
    if not compiled("total_trade", lang, r"(?<!\w)(?:{})").search(label):
        return False
    bilateral = compiled("bilateral", lang, r"(?<!\w)(?:{})")
    if any(bilateral.search(text) for text in [label, *heads]):
        return False
    return {side(p.code) for p in caption} < {"BY", "RU"}


def named_scope(texts: list[str], caption: list[PartyMention], lang: str) -> bool:
    """Whether a table says whose trade it shows: a party in its caption, header or labels,
    or a word for the two sides ("mutual trade", «взаимная торговля»)."""
    if caption or any(find_parties(text) for text in texts):
        return True
    bilateral = compiled("bilateral", lang, r"(?<!\w)(?:{})")
    return any(bilateral.search(text) for text in texts)
