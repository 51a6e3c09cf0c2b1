"""The trade stage: every trade figure of a document as spec atoms, plus targets apart.

Per sentence: find the figures (figures.py: amounts, percentages, changes, read as value,
growth or share), the flow words (flows.py) and periods (periods.py); then tie each figure to
the flow it is about (the word right after "X of exports", else the nearest before, else the
paragraph's last), its period (right after it, else before it, else the paragraph's), and
its two parties (the sentence's, else the document's main pair). Goals go to targets.
Last, one atom per fact: a rounded restatement gives way to the precise figure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from coopwatch.model import Document, Evidence, Extraction, PartyMention, Sentence, Target, TradeAtom
from coopwatch.pipeline.context import CAPITALS, DocContext, build_context
from coopwatch.pipeline.dedupe import dedupe_atoms, dedupe_targets
from coopwatch.pipeline.figures import Figure, read_figures
from coopwatch.pipeline.growth import direction
from coopwatch.pipeline.flows import (
    FlowMention,
    flow_roles,
    is_product_flow,
    reporter_partner,
    side,
    turnover_parties,
)
from coopwatch.pipeline.lexicon import compiled, entries
from coopwatch.pipeline.periods import PeriodMention, find_periods, resolve
from coopwatch.pipeline.targets import (
    DEMONSTRATIVE,
    has_target_cue,
    horizon,
    is_target,
    level_year,
    multiplier_value,
)


@dataclass(slots=True)
class ParagraphState:
    """What earlier sentences of the paragraph said: the period and flow figures inherit."""

    number: int = -1
    period: str | None = None
    any_year: str | None = None  # the last year named at all, for "back then"
    flow: str | None = None


def tag_trade(doc: Document, found: Extraction) -> None:
    """Fill `found.trade` and `found.targets` from the document's sentences."""
    context = build_context(doc, found.parties)
    context.reference = doc.published or inferred_reference(doc.text)
    context.periods = {
        s.index: [p for p in find_periods(s.text, doc.lang, s.start) if not p.is_date]
        for s in doc.sentences
    }
    state = ParagraphState()
    atoms: list[TradeAtom] = []
    targets: list[Target] = []
    levels: list[tuple[Target, int]] = []
    currency: list[str | None] = [None]
    for sentence in doc.sentences:
        paragraph = context.paragraphs[sentence.index] if context.paragraphs else 0
        if paragraph != state.number:
            state = ParagraphState(number=paragraph)
        read_sentence(doc, sentence, context, state, atoms, targets, levels, currency)
    for target, year in levels:
        target.value = level_value(atoms, target, str(year)) or 0.0
    found.trade.extend(dedupe_atoms(atoms))
    found.targets.extend(dedupe_targets([t for t in targets if t.value]))


def read_sentence(doc: Document, sentence: Sentence, context: DocContext, state: ParagraphState,
                  atoms: list[TradeAtom], targets: list[Target],
                  levels: list[tuple[Target, int]], currency: list[str | None]) -> None:
    """Atoms and targets of one sentence; updates the paragraph state for the next one."""
    lang = doc.lang
    periods = context.periods[sentence.index]
    flows = context.flows.get(sentence.index, [])
    parties = context.parties.get(sentence.index, [])
    figures = read_figures(sentence.text, lang, sentence.start)
    if sentence.index > 0:
        continue_growth(figures, doc.sentences[sentence.index - 1].text, lang)
    goal_said = False
    for index, figure in enumerate(figures):
        if figure.currency:
            currency[0] = figure.currency
        elif figure.kind == "amount":
            figure.currency = currency[0]
        if skip_figure(figure, lang):
            continue
        flow = flow_of(doc.text, figure, flows, state)
        if flow is None:
            continue
        mention = nearest_flow(flows, figure, flow)
        if mention and is_product_flow(doc.text, mention, parties, lang):
            continue
        spans = [(f.start, f.end) for f in figures]
        named = tied(doc.text, outside(parties, spans), flows)
        pair = parties_of(doc.text, figure, flow, named, flows, context, lang)
        if pair is None:
            continue
        before = doc.text[sentence.start : figure.start]
        period, own = period_of(doc, figure, periods, context, state)
        if period is None and not own:
            period = later_period(doc, sentence, context)
        evidence = Evidence(sentence=sentence.index, start=figure.start, end=figure.end)
        past = own and is_past(period, context.reference)
        if not past and is_target(before, figure.right, lang, own):
            goal_said = True
            target = make_target(figures, index, flow, pair, sentence.text, doc, evidence)
            if target:
                targets.append(target)
            continue
        if "unread" in figure.notes or figure.measure == "multiplier" or period is None:
            continue
        atom = make_atom(figure, flow, pair, period, evidence)
        if atom.measure == "growth_pct":
            atom.base = growth_base(sentence.text, periods, period)
        atoms.append(atom)
        state.flow = flow
    if not goal_said and has_target_cue(sentence.text, lang) and flows:
        year = level_year(sentence.text, lang)
        if year:
            pair = parties_of(doc.text, None, "turnover", parties, flows, context, lang)
            if pair:
                evidence = Evidence(sentence=sentence.index, start=sentence.start, end=sentence.end)
                target = Target(flow="turnover", reporter=pair[0], partner=pair[1],
                                measure="value", value=0.0, currency="USD", evidence=evidence)
                targets.append(target)
                levels.append((target, year))
    update_state(state, periods, flows, doc, context)


def continue_growth(figures: list[Figure], previous: str, lang: str) -> None:
    """"We are slightly behind. By about 8%": a sentence that only adds "by N%" continues the
    growth word of the sentence before."""
    for figure in figures:
        if figure.kind == "percent" and "unread" in figure.notes and re.fullmatch(
            r"\W*(?:by|на)\s+(?:\S+\s+){0,2}", figure.left, re.IGNORECASE
        ):
            way = direction(previous, "", lang)
            if way:
                figure.notes.discard("unread")
                figure.value = -float(figure.value) if way == "down" else float(figure.value)  # type: ignore[arg-type]


def skip_figure(figure: Figure, lang: str) -> bool:
    """Figures that are no atom: an absolute change ("grew by $5 million"), a restated one
    ("these half a billion"), a trade balance, an amount in no known currency."""
    left = figure.left
    if figure.kind == "amount":
        if not figure.currency:
            return True
        change = compiled("growth_up", lang, r"(?:{})\s+(?:\S+\s+){{0,8}}?(?:by|на)\s+\S*\s*$")
        down = compiled("growth_down", lang, r"(?:{})\s+(?:\S+\s+){{0,8}}?(?:by|на)\s+\S*\s*$")
        if change.search(left[-60:]) or down.search(left[-60:]):
            return True
        if re.search(DEMONSTRATIVE, left, re.I):
            return True
    for _, kind, pattern in entries("out_of_scope", lang):
        if kind == "ranking" and figure.measure == "share_pct":
            continue
        if re.search(rf"(?<!\w)(?:{pattern})", left, re.IGNORECASE):
            return True
    return False


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

    return [p for p in parties if not is_dateline(p) and (
        ("-" in p.code and p.code not in CAPITALS) or near(p))]


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
                r"\s*(?:accounted|accounts|account|made|makes)\b", rest, re.I
            ):
                return party.code
    return None


def is_dateline(party: PartyMention) -> bool:
    """"VITEBSK, 28 July (BelTA) –": the place a piece was filed from is no party to trade."""
    return party.surface.isupper() and len(party.surface) > 3


def flow_of(text: str, figure: Figure, flows: list[FlowMention], state: ParagraphState) -> str | None:
    """The flow a figure is about: "$230 million of Belarusian exports", else the nearest
    flow word before it, else the paragraph's last, else the next one in the sentence."""
    for flow in flows:
        if flow.start >= figure.end:
            gap = text[figure.end : flow.start]
            if re.fullmatch(r"\s*(?:(?:of|in|worth\s+of)\s+)?(?:[^\W\d]+['’]?s?\s+){0,2}", gap):
                return flow.flow
            break
    before = [f for f in flows if f.end <= figure.start]
    if before:
        return before[-1].flow
    if state.flow:
        return state.flow
    after = [f for f in flows if f.start >= figure.end]
    return after[0].flow if after else None


def nearest_flow(flows: list[FlowMention], figure: Figure, flow: str) -> FlowMention | None:
    """The flow word of that kind the figure was tied to (for who-sends-to-whom)."""
    before = [f for f in flows if f.end <= figure.start and f.flow == flow]
    after = [f for f in flows if f.start >= figure.end and f.flow == flow]
    return before[-1] if before else (after[0] if after else None)


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


def parties_of(text: str, figure: Figure | None, flow: str, parties: list[PartyMention],
               flows: list[FlowMention], context: DocContext, lang: str) -> tuple[str, str] | None:
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
    if {reporter, partner} == {"BY", "RU"}:
        return None
    return reporter, partner


def period_of(doc: Document, figure: Figure, periods: list[PeriodMention], context: DocContext,
              state: ParagraphState) -> tuple[str | None, bool]:
    """The period of a figure and whether the sentence itself said it (see module doc)."""
    reference = context.reference
    own = [p for p in periods if not p.base and not horizon_year(doc.text, p)]
    hint = year_hint(periods, figure, state, reference)
    for p in own:
        if p.start >= figure.end and re.fullmatch(
            r"\s*(?:(?:in|for|during|over|за|в|во|по\s+итогам)\s+)?", doc.text[figure.end : p.start]
        ):
            return resolve(p, reference, hint), True
    before = [p for p in own if p.end <= figure.start]
    if before:
        return resolve(before[-1], reference, hint), True
    after = [p for p in own if p.start >= figure.end]
    if after:
        return resolve(after[0], reference, hint), True
    clause = figure.left + figure.right[:40]
    if compiled("current_level", doc.lang, r"(?<!\w)(?:{})(?!\w)").search(clause):
        return (str(reference.year - 1) if reference else None), False
    if compiled("anaphor_time", doc.lang, r"(?<!\w)(?:{})(?!\w)").search(figure.left) and state.any_year:
        return state.any_year, False
    return state.period, False


def later_period(doc: Document, sentence: Sentence, context: DocContext) -> str | None:
    """The first period said later in the same paragraph (a share stated before its year)."""
    paragraph = context.paragraphs[sentence.index]
    for following in doc.sentences[sentence.index + 1 :]:
        if context.paragraphs[following.index] != paragraph:
            break
        for mention in context.periods[following.index]:
            if not mention.base and not horizon_year(doc.text, mention):
                return resolve(mention, context.reference, mention.year)
    return None


def is_past(period: str | None, reference: date | None) -> bool:
    """A period over before publication: its figure is a fact, not a goal.

    >>> is_past("2022", date(2023, 4, 3)), is_past("2023", date(2023, 4, 3))
    (True, False)
    """
    if not period or not reference:
        return False
    return int(period[-7:-3] if ".." in period else period) < reference.year


CURRENT_YEAR = (
    r"(?:текущ\w+|нынешн\w+|этого|этом|this|the\s+current)\s*,?\s*(?:year\s*,?\s*)?\(?"
    r"(?P<year>20\d\d)(?!\d)"
)


def inferred_reference(text: str) -> date | None:
    """With no publication date, the current year the text names ("текущего, 2023 года").

    >>> inferred_reference("по итогам текущего, 2023 года")
    datetime.date(2023, 12, 31)
    """
    match = re.search(CURRENT_YEAR, text, re.IGNORECASE)
    return date(int(match.group("year")), 12, 31) if match else None


def horizon_year(text: str, mention: PeriodMention) -> bool:
    """A year after "by"/«до»/«к» is when a goal is due, not a figure's period."""
    return bool(re.search(r"(?:by|until|до|к)\s+$", text[max(0, mention.start - 8) : mention.start], re.I))


def year_hint(periods: list[PeriodMention], figure: Figure, state: ParagraphState,
              reference: date | None) -> int | None:
    """A year said before a yearless span in the sentence ("In 2023 ... in the first quarter";
    «года нынешнего, за первый месяц»), else the paragraph's."""
    for mention in reversed([p for p in periods if not p.base and p.end <= figure.start]):
        if mention.year:
            return mention.year
        if mention.rel is not None and mention.months is None:
            return reference.year + mention.rel if reference else None
    if state.period and state.period[:4].isdigit():
        return int(state.period[:4])
    return None


def update_state(state: ParagraphState, periods: list[PeriodMention], flows: list[FlowMention],
                 doc: Document, context: DocContext) -> None:
    """Carry the sentence's last period, last year and last flow word to the next sentence."""
    own = [p for p in periods if not p.base and not horizon_year(doc.text, p)]
    if own:
        state.period = resolve(own[-1], context.reference, own[-1].year) or state.period
    years = [p for p in periods if p.year]
    if years:
        state.any_year = str(years[-1].year)
    if flows:
        state.flow = flows[-1].flow


def make_atom(figure: Figure, flow: str, pair: tuple[str, str], period: str | None,
              evidence: Evidence) -> TradeAtom:
    """The spec atom of one figure."""
    of = share_whole(figure) if figure.measure == "share_pct" else None
    return TradeAtom(
        flow=flow, reporter=pair[0], partner=pair[1], period=period,  # type: ignore[arg-type]
        measure=figure.measure, value=float(figure.value),  # type: ignore[arg-type]
        currency=figure.currency if figure.measure == "value" else None,
        qualifier=figure.qualifier, of=of, evidence=evidence,  # type: ignore[arg-type]
    )


BASE_SPAN = (
    r"(?:over|in|during|for)\s+(?:the\s+)?(?:last|past)\s+(?P<en>\w+)\s+years|"
    r"за\s+последние\s+(?P<ru>\S+)\s+(?:лет|года)|since\s+(?P<since>\d{4})|с\s+(?P<s>\d{4})\s+года"
)


def growth_base(text: str, periods: list[PeriodMention], period: str | None) -> str | None:
    """The base of a growth when it is not the same period a year earlier ("threefold since
    2015", «за последние три года»); None for the usual year-on-year growth."""
    span = re.search(BASE_SPAN, text, re.IGNORECASE)
    if span:
        return span.group(0)
    years = [p.year for p in periods if p.base and p.year]
    if not years or not period or not period[:4].isdigit():
        return None
    return str(years[0]) if years[0] != int(period[:4]) - 1 else None


def share_whole(figure: Figure) -> str | None:
    """The whole a share is of: the words after "of"/«от» or the ones after the share word."""
    after = re.match(r"\s*(?:of|от|в)\s+([^.;,]{3,80})", figure.right)
    if after:
        return after.group(1).strip()
    before = re.search(r"(?:share|доля|долю|доли)\s+([^.;]{3,80}?)\s*(?:amount|составил|$)",
                       figure.left, re.I)
    return before.group(1).strip() if before else None


def make_target(figures: list[Figure], index: int, flow: str, pair: tuple[str, str], text: str,
                doc: Document, evidence: Evidence) -> Target | None:
    """The goal a figure states: a value, a multiplier, or a growth in percent."""
    figure = figures[index]
    due = horizon(text, doc.lang, doc.published)
    common = dict(flow=flow, reporter=pair[0], partner=pair[1], horizon=due,
                  qualifier=figure.qualifier, evidence=evidence)
    if figure.kind == "amount":
        return Target(measure="value", value=float(figure.value),  # type: ignore[arg-type]
                      currency=figure.currency, **common)  # type: ignore[arg-type]
    if figure.kind == "change" and "fraction" not in figure.notes and figure.factor is not None:
        if index > 0 and figures[index - 1].kind == "change" and figures[index].left.strip() in (
            "or", "или", "-", "–", "to"):
            return None
        return Target(measure="multiplier", value=multiplier_value(figures, index), **common)  # type: ignore[arg-type]
    if figure.kind == "percent" and figure.measure == "growth_pct":
        return Target(measure="growth_pct", value=float(figure.value), **common)  # type: ignore[arg-type]
    return None


def level_value(atoms: list[TradeAtom], target: Target, period: str) -> float | None:
    """The value a goal refers to ("to the level of 2012"): the atom of that year."""
    for atom in atoms:
        if atom.period == period and atom.measure == "value" and atom.flow == target.flow:
            target.currency = atom.currency
            return atom.value
    return None
