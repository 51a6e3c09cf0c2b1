"""Facts as rows: every list of an `Extraction` flattened to the `facts` table's filter columns
plus the whole fact as JSON, so analysts filter by column and read the exact fact from `data`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from coopwatch.model import Extraction

FACT_COLUMNS = (
    "kind", "label", "flow", "reporter", "partner", "period", "period_start", "period_end",
    "measure", "value", "currency", "qualifier", "start", "end",
)

_YEAR = re.compile(r"^(\d{4})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})(?:-\d{2})?$")
_SPAN = re.compile(r"^(\d{4}-\d{2})(?:-\d{2})?\.\.(\d{4}-\d{2})(?:-\d{2})?$")


def period_bounds(period: str | None) -> tuple[str | None, str | None]:
    """First and last month of a spec period, a date or a year; (None, None) otherwise.

    >>> period_bounds("2024-01..2024-08"), period_bounds("2023"), period_bounds("2023-05-16")
    (('2024-01', '2024-08'), ('2023-01', '2023-12'), ('2023-05', '2023-05'))
    >>> period_bounds("medium term")
    (None, None)
    """
    if not period:
        return None, None
    text = period.strip()
    if match := _SPAN.match(text):
        return match.group(1), match.group(2)
    if match := _YEAR.match(text):
        return f"{match.group(1)}-01", f"{match.group(1)}-12"
    if match := _MONTH.match(text):
        month = f"{match.group(1)}-{match.group(2)}"
        return month, month
    return None, None


@dataclass
class FactRow:
    """One row for `facts`, with the sentence index its evidence points to."""

    columns: dict[str, Any]
    sentence: int | None
    data: str
    links: list[str] = field(default_factory=list)  # names of organizations, regions, people


def fact_rows(extraction: Extraction) -> Iterator[FactRow]:
    """Every fact of an extraction as a row: trade, targets, agreements, events, projects,
    sectors and the document's partner regions."""
    for atom in extraction.trade:
        yield _row("trade", atom, flow=atom.flow, reporter=atom.reporter, partner=atom.partner,
                   period=atom.period, measure=atom.measure, value=atom.value,
                   currency=atom.currency, qualifier=atom.qualifier)
    for target in extraction.targets:
        value = target.value
        number = sum(value) / len(value) if isinstance(value, list) and value else value
        period = target.horizon if period_bounds(target.horizon)[0] else None
        yield _row("target", target, flow=target.flow, reporter=target.reporter,
                   partner=target.partner, period=period, measure=target.measure,
                   value=number, currency=target.currency, qualifier=target.qualifier)
    for agreement in extraction.agreements:
        yield _row("agreement", agreement, links=agreement.parties, label=agreement.kind,
                   period=agreement.date, value=agreement.count)
    for event in extraction.events:
        yield _row("event", event, links=event.participants, label=event.kind, period=event.date)
    for project in extraction.projects:
        partner = project.regions[0] if project.regions else None
        yield _row("project", project, links=project.organizations + project.regions,
                   label=project.status, partner=partner)
    for sector in extraction.sectors:
        yield _row("sector", sector, label=sector.sector)
    for code in dict.fromkeys(extraction.partners):
        yield FactRow(_columns("partner", partner=code), None, f'{{"partner": "{code}"}}')


def _row(kind: str, fact: BaseModel, links: list[str] | None = None, **values: Any) -> FactRow:
    evidence = getattr(fact, "evidence", None)
    columns = _columns(kind, **values)
    if evidence is not None:
        columns["start"], columns["end"] = evidence.start, evidence.end
    sentence = evidence.sentence if evidence is not None else None
    return FactRow(columns, sentence, fact.model_dump_json(), list(links or []))


def _columns(kind: str, **values: Any) -> dict[str, Any]:
    columns: dict[str, Any] = dict.fromkeys(FACT_COLUMNS)
    columns.update(values, kind=kind)
    columns["period_start"], columns["period_end"] = period_bounds(columns["period"])
    return columns
