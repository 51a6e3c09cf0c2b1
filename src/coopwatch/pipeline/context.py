"""What the whole document says that one sentence may leave out: which two parties it is
about, which paragraph a sentence is in, and from whose side undirected exports are seen.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from coopwatch.model import Document, PartyMention, Sentence
from coopwatch.pipeline.flows import FlowMention, find_flows, flow_roles, reporter_partner, side
from coopwatch.pipeline.partners import pick_partners, score_regions
from coopwatch.pipeline.periods import PeriodMention

CAPITALS = frozenset({"BY-HM", "RU-MOW"})  # usually stand for the two governments


@dataclass(slots=True)
class DocContext:
    """The document-wide facts the trade stage falls back on."""

    main_by: str = "BY"
    main_ru: str = "RU"
    region_by: str | None = None  # the Belarusian region a region-to-region piece is about
    reporter: str | None = None  # the side undirected exports/imports are seen from
    paragraphs: list[int] = field(default_factory=list)  # paragraph number per sentence
    parties: dict[int, list[PartyMention]] = field(default_factory=dict)  # per sentence
    flows: dict[int, list[FlowMention]] = field(default_factory=dict)  # per sentence
    periods: dict[int, list[PeriodMention]] = field(default_factory=dict)  # per sentence
    reference: date | None = None  # publication date, or the current year the text names

    def counterpart(self, code: str) -> str:
        """The party on the other side: a Russian region trades with Belarus; Russia as a
        whole with the document's Belarusian region, if it is about one."""
        if side(code) == "BY":
            return self.main_ru
        if code == "RU":
            return self.main_by
        if code == self.main_ru and self.region_by:
            return self.region_by
        return "BY"

    def trade_said_before(self, sentence: Sentence) -> bool:
        """Whether an earlier sentence (or this one) named a flow of trade at all."""
        return any(self.flows.get(i) for i in range(sentence.index + 1))

    def default_pair(self) -> tuple[str, str]:
        """The two parties a sentence that names none is about."""
        if self.main_ru != "RU":
            return self.region_by or "BY", self.main_ru
        return self.main_by, "RU"


def main_party(counts: Counter[str], country: str) -> str:
    """The most named party of one side, regions before the country, capitals last."""
    regions = [(n, c) for c, n in counts.items() if side(c) == country and c != country]
    plain = [(n, c) for n, c in regions if c not in CAPITALS]
    if country == "BY":
        return max(plain, default=(0, country))[1]
    return max(plain or regions, default=(0, country))[1]


def paragraph_numbers(doc: Document) -> list[int]:
    """The paragraph of each sentence: a blank line, or a line break after a full stop."""
    numbers, current, last_end = [], 0, 0
    for sentence in doc.sentences:
        gap = doc.text[last_end : sentence.start]
        if re.search(
            r"\n\s*\n|[.!?»”\"]\s*\n", doc.text[max(0, last_end - 1) : sentence.start]
        ) or ("\n" in gap and last_end):
            current += 1
        numbers.append(current)
        last_end = sentence.end
    return numbers


def sentence_parties(doc: Document, parties: list[PartyMention]) -> dict[int, list[PartyMention]]:
    """Party mentions grouped by sentence index (by offsets when the index is unknown)."""
    grouped: dict[int, list[PartyMention]] = {}
    for party in parties:
        index = party.sentence
        if index < 0:
            found: Sentence | None = doc.sentence_at(party.start)
            index = found.index if found else -1
        grouped.setdefault(index, []).append(party)
    return grouped


def build_context(doc: Document, parties: list[PartyMention]) -> DocContext:
    """The document's two main parties, paragraphs, flows and default export side."""
    counts = Counter(p.code for p in parties)
    context = DocContext(main_by=main_party(counts, "BY"), main_ru=main_party(counts, "RU"))
    context.region_by = salient_by_region(doc, parties, counts)
    context.paragraphs = paragraph_numbers(doc)
    context.parties = sentence_parties(doc, parties)
    for sentence in doc.sentences:
        context.flows[sentence.index] = find_flows(sentence.text, doc.lang, sentence.start)
    context.reporter = first_explicit_reporter(doc, context)
    return context


def salient_by_region(
    doc: Document, parties: list[PartyMention], counts: Counter[str]
) -> str | None:
    """The Belarusian region a piece is between with a Russian one ("Gomel and Bryansk"):
    a partner named in the lead, at least as often as Belarus itself; else None."""
    scores = score_regions(doc, parties)
    chosen = pick_partners(scores)
    sides = {side(code) for code in chosen}
    if sides != {"BY", "RU"}:
        return None
    best = max(
        (c for c in chosen if side(c) == "BY" and c not in CAPITALS),
        key=lambda c: scores[c].rank(),
        default=None,
    )
    if best is None or not scores[best].lead or scores[best].count < counts.get("BY", 0):
        return None
    return best


def first_explicit_reporter(doc: Document, context: DocContext) -> str | None:
    """The reporter of the first export or import whose side the words say."""
    for sentence in doc.sentences:
        for flow in context.flows.get(sentence.index, []):
            if flow.flow == "turnover":
                continue
            roles = flow_roles(
                doc.text, flow, context.parties.get(sentence.index, []), doc.lang, flow.end + 40
            )
            reporter, partner = reporter_partner(flow.flow, roles)
            if reporter:
                return reporter
            if partner:
                return context.counterpart(partner)
    return None
