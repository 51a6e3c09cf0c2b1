"""Who a trade figure is between: the parties its flow word names ("Russia's trade with
Belarus", «экспорт из Тулы»), else the sentence's, else the document's main pair; trade
between other parties (Belarus–China, a region with the world) is no atom. Trade between the
two countries is an atom only when the sentence names them and no region.
"""

from __future__ import annotations

import re

from coopwatch.model import PartyMention
from coopwatch.pipeline.context import CAPITALS, DocContext
from coopwatch.pipeline.figures import Figure
from coopwatch.pipeline.flows import (
    FlowMention,
    flow_roles,
    reporter_partner,
    side,
    turnover_parties,
)
from coopwatch.pipeline.lexicon import compiled, entries
from coopwatch.pipeline.parties import name_kind


def outside(parties: list[PartyMention], spans: list[tuple[int, int]]) -> list[PartyMention]:
    """The party mentions not inside a figure ("40bn Russian roubles" names no party)."""
    return [p for p in parties if not any(s <= p.start < e for s, e in spans)]


def tied(text: str, parties: list[PartyMention], flows: list[FlowMention]) -> list[PartyMention]:
    """Drop a country named away from every flow word ("turnover slipped, which the sides
    attribute to lower car sales in Russia"): a region named anywhere in the sentence stays."""

    def near(party: PartyMention) -> bool:
        for flow in flows:
            start, end = min(party.end, flow.end), max(party.start, flow.start)
            if end - start <= 80 and not re.search(CLAUSE_BREAK, text[start:end], re.I):
                return True
        return False

    return [
        p
        for p in parties
        if not is_dateline(p) and (("-" in p.code and p.code not in CAPITALS) or near(p))
    ]


CLAUSE_BREAK = r"\bwhich\b|\bwhere\b|,\s*что\b|;"


def share_holder(figure: Figure, parties: list[PartyMention]) -> str | None:
    """The party a share belongs to: «на X пришлось N%», "X accounted for N%"."""
    if figure.measure != "share_pct":
        return None
    left_start = figure.start - len(figure.left)
    for party in reversed(parties):
        if left_start <= party.start and party.end <= figure.start:
            lead = figure.left[: party.start - left_start][-12:]
            rest = figure.left[party.end - left_start :]
            if re.search(r"(?:на|на\s+долю)\s+$", lead, re.I) or re.match(
                r"\s*(?:accounted|accounts|accounting|account|made|makes|making)\b", rest, re.I
            ):
                return party.code
    return None


def possessive_country(text: str, parties: list[PartyMention]) -> list[PartyMention]:
    """ "Russia's Pskov Oblast", «белорусская Витебская область»: a country that only says
    whose region follows is no party of its own."""
    result = []
    for index, party in enumerate(parties):
        following = parties[index + 1] if index + 1 < len(parties) else None
        if (
            following is not None
            and "-" not in party.code
            and "-" in following.code
            and side(following.code) == party.code
            and re.fullmatch(r"(?:['’]s?)?\s{1,2}", text[party.end : following.start])
        ):
            continue
        result.append(party)
    return result


def as_whole(pair: tuple[str, str], text: str, lang: str) -> tuple[str, str]:
    """ "Belarus as a whole", «в целом по республике»: the country, not the piece's region.

    >>> as_whole(("BY-VI", "RU-PSK"), "Belarus as a whole accounted for 40%", "en")
    ('BY', 'RU-PSK')
    """
    for _, code, pattern in entries("whole_country", lang):
        if re.search(rf"(?<!\w)(?:{pattern})", text):
            return tuple(  # type: ignore[return-value]
                code if side(c) == code else c for c in pair
            )
    return pair


REGION_NOUN = (
    r"\s+(?:region|oblast|krai|province|republic|federal\s+subject|"
    r"регион\w*|област\w*|кра[йяюе]\w*|республик\w*|субъект\w*)"
)


def regional(text: str, parties: list[PartyMention], context: DocContext) -> list[PartyMention]:
    """ "The Russian region", «с российским регионом»: the document's region, not Russia."""
    result = []
    for party in parties:
        if (
            party.code == "RU"
            and context.main_ru != "RU"
            and re.match(REGION_NOUN, text[party.end : party.end + 30], re.IGNORECASE)
        ):
            party = party.model_copy(update={"code": context.main_ru})
        result.append(party)
    return result


def other_republic(parties: list[PartyMention], code: str, context: DocContext
                   ) -> list[PartyMention]:
    """«Поставки из республики в Татарстан»: "the republic" that would make a flow run from a
    party to itself is the other side (Belarus here), not the republic named last."""
    return [p.model_copy(update={"code": context.counterpart(code)})
            if p.code == code and name_kind(p.surface) == "context" else p for p in parties]


def is_dateline(party: PartyMention) -> bool:
    """ "VITEBSK, 28 July (BelTA) –": the place a piece was filed from is no party to trade."""
    return party.surface.isupper() and len(party.surface) > 3


def nearest_flow(flows: list[FlowMention], figure: Figure, flow: str) -> FlowMention | None:
    """The flow word of that kind the figure was tied to (for who-sends-to-whom)."""
    before = [f for f in flows if f.end <= figure.start and f.flow == flow]
    after = [f for f in flows if f.start >= figure.end and f.flow == flow]
    return before[-1] if before else (after[0] if after else None)


def two_regions(
    pair: tuple[str, str], text: str, context: DocContext, lang: str
) -> tuple[str, str]:
    """ "Trade between the two regions", «между нашими областями»: the document's Belarusian
    and Russian regions, whatever side names the sentence leaves out."""
    by_region = context.region_by or context.main_by
    if "-" not in by_region or context.main_ru == "RU":
        return pair
    if not compiled("two_regions", lang, r"(?<!\w)(?:{})").search(text):
        return pair
    return tuple(  # type: ignore[return-value]
        by_region if c == "BY" else context.main_ru if c == "RU" else c for c in pair
    )


PARTNER_LEAD = r"(?:with|between|and|to|from|с|со|между|и|в|из|з|са|паміж|і|у|ў)\s+(?:the\s+)?$"


def is_total(
    text: str, mention: FlowMention, parties: list[PartyMention], lang: str, limit: int
) -> bool:
    """ "The region's foreign trade reached $5 billion": one party's trade with the world,
    unless the sentence names a partner ("foreign trade with Belarus"); a share of it
    («на Беларусь пришлось 40%») is read on its own."""
    start, end = max(0, mention.start - 40), mention.end + 25
    start = max(start, text.rfind("\n", start, mention.start) + 1)  # not a headline's words
    window = text[start:end]
    if not compiled("total_trade", lang, r"(?<!\w)(?:{})").search(window):
        return False
    if compiled("bilateral", lang, r"(?<!\w)(?:{})").search(window):
        return False
    owned = compiled("total_owner", lang, r"(?<!\w)(?:{})").search(window) or any(
        start < p.end and p.start < end for p in parties
    )
    if not owned:
        return False  # «внешнеторговый оборот вырос»: the piece's pair, from the context
    return not any(
        re.search(PARTNER_LEAD, text[max(0, p.start - 12) : p.start], re.I)
        for p in parties
        if mention.start < p.start <= (limit if limit > mention.end else mention.end + 40)
    )


def pick(parties: list[PartyMention], country: str, main: str) -> str | None:
    """One party of a side named in the sentence: the document's main one, else a Russian
    region before Russia, else Belarus before a Belarusian region (often a dateline)."""
    codes = [p.code for p in parties if side(p.code) == country]
    if main in codes:
        return main
    regions = [c for c in codes if c != country and c not in ("BY-HM", "RU-MOW")]
    if country == "BY" and "BY" in codes:
        return "BY"
    return regions[0] if regions else (codes[0] if codes else None)


def parties_of(
    text: str,
    figure: Figure | None,
    flow: str,
    parties: list[PartyMention],
    flows: list[FlowMention],
    context: DocContext,
    lang: str,
) -> tuple[str, str] | None:
    """(reporter, partner) of a figure; None for trade between other parties."""
    by, ru = pick(parties, "BY", context.main_by), pick(parties, "RU", context.main_ru)
    others = [p for p in parties if side(p.code) not in ("BY", "RU")]
    if others and not ru:
        return None
    reporter = partner = None
    if flow == "turnover" and figure is not None:
        mention = nearest_flow(flows, figure, flow)
        named = turnover_parties(text, mention, parties, lang, figure.start) if mention else []
        sides = {side(c) for c in named}
        if {"BY", "RU"} <= sides:
            by = next(c for c in named if side(c) == "BY")
            ru = next(c for c in named if side(c) == "RU")
            if len([c for c in named if side(c) == "RU"]) > 1:
                ru = pick([p for p in parties if p.code in named], "RU", context.main_ru) or ru
        elif sides and sides <= {"BY", "RU"}:
            by = next((c for c in named if side(c) == "BY"), None)
            ru = next((c for c in named if side(c) == "RU"), None)
    if flow != "turnover" and figure is not None:
        mention = nearest_flow(flows, figure, flow)
        if mention:
            roles = flow_roles(text, mention, parties, lang, figure.start)
            reporter, partner = reporter_partner(flow, roles)
            if reporter is not None and reporter == partner:
                roles = flow_roles(text, mention, other_republic(parties, reporter, context),
                                   lang, figure.start)
                reporter, partner = reporter_partner(flow, roles)
    if reporter is None and partner is None:
        if flow == "turnover":
            reporter, partner = context.default_pair()
            if by and ru:
                reporter, partner = by, ru
            elif by:
                reporter, partner = by, context.counterpart(by)
            elif ru:
                reporter, partner = context.counterpart(ru), ru
        else:
            reporter = context.reporter or context.default_pair()[0]
    if reporter is None and partner is not None:
        reporter = context.counterpart(partner)
    if partner is None and reporter is not None:
        other = ru if side(reporter) == "BY" else by
        partner = other or context.counterpart(reporter)
    holder = share_holder(figure, parties) if figure is not None else None
    if holder and reporter and partner:  # «на Гомельскую область пришлось 40% поставок»
        if side(holder) == side(reporter):
            reporter = holder
        elif side(holder) == side(partner):
            partner = holder
    if reporter is not None and partner is not None and side(reporter) == side(partner):
        partner = context.counterpart(reporter)  # "the republic" read as the wrong one
    if reporter is None or partner is None or side(reporter) == side(partner):
        return None
    if {reporter, partner} == {"BY", "RU"} and not names_only_countries(parties):
        return None  # a region piece's figure whose region the sentence leaves unsaid
    return reporter, partner


def names_only_countries(parties: list[PartyMention]) -> bool:
    """Whether a sentence names Belarus and Russia and no region: trade between the countries
    ("trade between Belarus and Russia reached $50 billion") is a figure of its own."""
    codes = {p.code for p in parties}
    return {"BY", "RU"} <= codes and all("-" not in code for code in codes)


def nearest_region(
    pair: tuple[str, str], text: str, figure: Figure, parties: list[PartyMention]
) -> tuple[str, str]:
    """ "Moscow led with $5 billion, while Bryansk came second with $1.5 billion": when a
    sentence names several regions of one side, each figure takes the one said right after it
    ("$900 million for Smolensk"), else the last one in its own clause (since the figure before)."""
    for index, code in enumerate(pair):
        regions = {p.code for p in parties if side(p.code) == side(code) and "-" in p.code}
        if "-" not in code or len(regions) < 2:
            continue
        chosen = region_by_figure(text, figure, [p for p in parties if p.code in regions])
        if chosen and chosen not in pair:
            return (chosen, pair[1]) if index == 0 else (pair[0], chosen)
    return pair


def region_by_figure(text: str, figure: Figure, regions: list[PartyMention]) -> str | None:
    """The region said right after a figure ("for X", «у X»), else the last one in its clause."""
    for party in regions:
        gap = text[figure.end : party.start]
        if party.start >= figure.end and re.fullmatch(AFTER_FIGURE, gap, re.I):
            return party.code
    left_start = figure.start - len(figure.left)
    before = [p for p in regions if left_start <= p.start and p.end <= figure.start]
    return before[-1].code if before else None


AFTER_FIGURE = r"\s*(?:\w+\s+){0,2}?(?:for|by|in|of|from|у|для|в|из|на)\s+(?:the\s+)?"
