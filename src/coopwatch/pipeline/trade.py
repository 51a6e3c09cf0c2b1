"""The trade stage: every trade figure of a document as spec atoms, plus targets apart.

The cascade, per sentence:
1. find the figures (figures.py: amounts, percentages, factor changes, each read as a value,
   a growth or a share), the flow words (flows.py) and the periods (periods.py);
2. drop what is no atom: absolute changes, restated figures, balances, deals, one product's
   trade (skip_figure, flows.is_product_flow);
3. tie each figure to its flow ("$230 million of Belarusian exports", else the nearest flow
   word before it, else the paragraph's when the sentence points back: "It totaled…"), its
   parties (trade_parties.py: the flow word's, the sentence's, the document's main pair) and
   its period (trade_periods.py: right after it, before it, the paragraph's);
4. a figure under a plan word ("intend to", «намерены», "should") with no past period of its
   own is a target (targets.py), never also an atom.
Last, one atom per fact (dedupe.py): a rounded restatement gives way to the precise figure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from coopwatch.model import (
    Document,
    Evidence,
    Extraction,
    PartyMention,
    Sentence,
    Target,
    TradeAtom,
)
from coopwatch.pipeline.context import DocContext, build_context
from coopwatch.pipeline.dedupe import dedupe_atoms, dedupe_targets
from coopwatch.pipeline.figures import Figure, read_figures
from coopwatch.pipeline.flows import FlowMention, counts_before, is_product_flow, side
from coopwatch.pipeline.growth import CONJUNCTION, direction
from coopwatch.pipeline.lexicon import compiled, entries
from coopwatch.pipeline.periods import find_periods
from coopwatch.pipeline.targets import (
    DEMONSTRATIVE,
    has_target_cue,
    horizon,
    is_target,
    level_stated,
    level_year,
    multiplier_value,
)
from coopwatch.pipeline.trade_parties import (
    as_whole,
    is_total,
    nearest_flow,
    nearest_region,
    outside,
    parties_of,
    possessive_country,
    regional,
    share_holder,
    tied,
    two_regions,
)
from coopwatch.pipeline.trade_periods import (
    ParagraphState,
    growth_base,
    inferred_reference,
    is_past,
    later_period,
    next_paragraph,
    period_of,
    reference_from_comparison,
    update_state,
)
from coopwatch.pipeline.trade_tables import read_tables


@dataclass(slots=True)
class Found:
    """What the stage has read so far in a document."""

    atoms: list[TradeAtom] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    levels: list[tuple[Target, int]] = field(default_factory=list)  # "to the 2012 level"
    currency: str | None = None  # the last currency said, for "…, and 6.4 million"


@dataclass(slots=True)
class Place:
    """One sentence with what was found in it, as the per-figure steps need it."""

    doc: Document
    sentence: Sentence
    context: DocContext
    state: ParagraphState
    figures: list[Figure]

    @property
    def flows(self) -> list[FlowMention]:
        return self.context.flows.get(self.sentence.index, [])

    @property
    def parties(self) -> list[PartyMention]:
        return self.context.parties.get(self.sentence.index, [])


def tag_trade(doc: Document, found: Extraction) -> None:
    """Fill `found.trade` and `found.targets` from the document's sentences."""
    context = build_context(doc, found.parties)
    context.periods = {
        s.index: [p for p in find_periods(s.text, doc.lang, s.start) if not p.is_date]
        for s in doc.sentences
    }
    context.reference = (
        doc.published
        or inferred_reference(doc.text)
        or reference_from_comparison(list(context.periods.values()))
    )
    state = ParagraphState()
    read = Found()
    read.atoms, in_tables = read_tables(doc, context)
    for sentence in doc.sentences:
        if sentence.index in in_tables:
            continue
        paragraph = context.paragraphs[sentence.index] if context.paragraphs else 0
        if paragraph != state.number:
            state = next_paragraph(state, paragraph, doc, sentence.index)
        figures = read_figures(sentence.text, doc.lang, sentence.start)
        if sentence.index > 0:
            continue_growth(figures, doc.sentences[sentence.index - 1].text, doc.lang)
        read_sentence(Place(doc, sentence, context, state, figures), read)
    for target, year in read.levels:
        target.value = level_value(read.atoms, target, str(year)) or 0.0
    found.trade.extend(dedupe_atoms(read.atoms))
    found.targets.extend(dedupe_targets([t for t in read.targets if t.value]))


def read_sentence(place: Place, read: Found) -> None:
    """Atoms and targets of one sentence; updates the paragraph state for the next one."""
    goal_said = False
    for index, figure in enumerate(place.figures):
        if figure.currency:
            read.currency = figure.currency
        elif figure.kind == "amount":
            figure.currency = read.currency
        fact = read_figure(place, index)
        if isinstance(fact, TradeAtom):
            read.atoms.append(fact)
            place.state.flow = fact.flow
            place.state.pair = (fact.reporter, fact.partner)
        elif fact is not None:
            goal_said = True
            if isinstance(fact, Target):
                read.targets.append(fact)
                read.atoms.extend(level_atom(place, index, fact))
    if not goal_said:
        goal_by_reference(place, read)
    update_state(
        place.state,
        place.context.periods[place.sentence.index],
        place.flows,
        place.doc,
        place.context,
    )


def read_figure(place: Place, index: int) -> TradeAtom | Target | str | None:
    """One figure as an atom, a target ("goal" when a goal's figure cannot be read), or None."""
    doc, sentence, lang = place.doc, place.sentence, place.doc.lang
    figure, flows, parties = place.figures[index], place.flows, place.parties
    if skip_figure(figure, lang):
        return None
    points_back = (
        "continued" in figure.notes
        or bool(place.state.carried_flow and not flows)  # an answer: what the question asked
        or bool(compiled("anaphor", lang, r"(?<!\w)(?:{})(?!\w)").search(sentence.text))
    )
    flow = flow_of(doc.text, figure, flows, place.state if points_back else None)
    if flow is None and figure.kind == "amount" and place.context.trade_said_before(sentence):
        flow = goal_flow(sentence.text, lang, place.state)
    if flow is None or (
        figure.measure == "share_pct" and not flows and not share_holder(figure, parties)
    ):
        return None
    if "fraction" in figure.notes and figure.measure == "share_pct" and not any(
        figure.start - len(figure.left) <= p.start < figure.start for p in parties
    ):
        return None  # «половину оборота обеспечивают поставки …»: a product's part
    mention = nearest_flow(flows, figure, flow)
    if mention and is_product_flow(doc.text, mention, parties, lang):
        return None
    since = max((f.end for f in flows if f.end <= figure.start), default=sentence.start)
    if counts_before(doc.text[since : figure.start], lang):
        return None  # "…exports: it bought 150 buses, 15% more than…": one product's figures
    spans = [(f.start, f.end) for f in place.figures]
    mentions = possessive_country(doc.text, outside(parties, spans))
    named = tied(doc.text, regional(doc.text, mentions, place.context), flows)
    total = mention and is_total(doc.text, mention, named, lang, figure.start)
    if total and figure.measure != "share_pct":
        return None
    pair = parties_of(doc.text, figure, flow, named, flows, place.context, lang)
    if pair is None:
        return None
    if not named and place.state.pair:
        pair = carried_pair(pair, place.state.pair)
    pair = as_whole(two_regions(pair, sentence.text, place.context, lang), sentence.text, lang)
    if sum(f.measure == figure.measure for f in place.figures) > 1:  # "X led with $A, Y $B"
        pair = nearest_region(pair, doc.text, figure, named)
    periods = place.context.periods[sentence.index]
    period, own = period_of(doc, figure, periods, place.context, place.state)
    if period is None and not own:
        period = later_period(doc, sentence, place.context)
    evidence = Evidence(sentence=sentence.index, start=figure.start, end=figure.end)
    before = doc.text[sentence.start : figure.start]
    past = own and is_past(period, place.context.reference)
    if not past and is_target(before, figure.right, lang, own):
        target = make_target(place.figures, index, flow, pair, sentence.text, doc, evidence)
        return target or "goal"
    if "unread" in figure.notes or figure.measure == "multiplier" or period is None:
        return None
    atom = make_atom(figure, flow, pair, period, evidence)
    if atom.measure == "growth_pct":
        atom.base = growth_base(sentence.text, periods, period)
    return atom


def goal_flow(text: str, lang: str, state: ParagraphState) -> str | None:
    """ "Half a billion dollars: that is the bar for 2027": a goal for the piece's trade
    that leaves the flow word out; the paragraph's flow, else turnover."""
    if not has_target_cue(text, lang):
        return None
    if not compiled("goal_level", lang, r"(?<!\w)(?:{})").search(text):
        return None
    return state.flow or "turnover"


def level_atom(place: Place, index: int, target: Target) -> list[TradeAtom]:
    """ "Back to the 2022 level of $600 million": the goal's figure is also that past year's
    actual value."""
    figure = place.figures[index]
    if target.measure != "value" or figure.kind != "amount":
        return []
    before = place.doc.text[place.sentence.start : figure.start]
    year = level_stated(before, place.doc.lang)
    reference = place.context.reference
    if year is None or reference is None or year >= reference.year or not target.evidence:
        return []
    pair = (target.reporter, target.partner)
    return [make_atom(figure, target.flow, pair, str(year), target.evidence)]


def carried_pair(pair: tuple[str, str], before: tuple[str, str]) -> tuple[str, str]:
    """A figure whose sentence names no party ("In May it grew by 4%") is between the parties
    of the paragraph's last figure, in its own direction.

    >>> carried_pair(("BY-HO", "RU-BRY"), ("RU-BRY", "BY"))
    ('BY', 'RU-BRY')
    """
    by = next((c for c in before if side(c) == "BY"), None)
    ru = next((c for c in before if side(c) == "RU"), None)
    if by is None or ru is None:
        return pair
    return (by, ru) if side(pair[0]) == "BY" else (ru, by)


def goal_by_reference(place: Place, read: Found) -> None:
    """ "We can increase trade to the level of 2012": a goal whose value is a past figure."""
    doc, sentence = place.doc, place.sentence
    said = bool(place.flows) or place.context.trade_said_before(sentence)  # «вернуться к уровню»
    if not said or not has_target_cue(sentence.text, doc.lang):
        return
    year = level_year(sentence.text, doc.lang)
    pair = (
        parties_of(doc.text, None, "turnover", place.parties, place.flows, place.context, doc.lang)
        if year
        else None
    )
    if year and pair:
        evidence = Evidence(sentence=sentence.index, start=sentence.start, end=sentence.end)
        target = Target(
            flow="turnover",
            reporter=pair[0],
            partner=pair[1],
            measure="value",
            value=0.0,
            currency="USD",
            evidence=evidence,
        )
        read.targets.append(target)
        read.levels.append((target, year))


def continue_growth(figures: list[Figure], previous: str, lang: str) -> None:
    """ "We are slightly behind. By about 8%": a sentence that only adds "by N%" continues the
    growth word of the sentence before."""
    for figure in figures:
        if (
            figure.kind == "percent"
            and "unread" in figure.notes
            and re.fullmatch(r"\W*(?:by|на)\s+(?:\S+\s+){0,2}", figure.left, re.IGNORECASE)
        ):
            way = direction(previous, "", lang)
            if way:
                figure.notes.discard("unread")
                figure.notes.add("continued")
                figure.value = -figure.number() if way == "down" else figure.number()


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
        if kind == "ranking" and figure.measure in ("share_pct", "value"):
            continue
        if re.search(rf"(?<!\w)(?:{pattern})", left, re.IGNORECASE):
            return True
    return False


def flow_of(
    text: str,
    figure: Figure,
    flows: list[FlowMention],
    state: ParagraphState | None,
) -> str | None:
    """The flow a figure is about: "$230 million of Belarusian exports", else the nearest
    flow word before it, else the paragraph's last when the sentence points back to it
    ("It totaled $315 million"), else the next one in the sentence."""
    for flow in flows:
        if flow.start >= figure.end:
            gap = text[figure.end : flow.start]
            if re.fullmatch(OWN_FLOW_GAP, gap, re.IGNORECASE):
                return flow.flow
            break
    earlier = [f for f in flows if f.end <= figure.start]
    if earlier:
        return earlier[-1].flow
    if state and (state.flow or state.carried_flow):
        return state.flow or state.carried_flow
    after = [f for f in flows if f.start >= figure.end]
    return after[0].flow if after else None


# "$230 million of Belarusian exports": up to two words between a figure and its flow word,
# none of them a conjunction ("8% but imports…" starts another clause).
OWN_FLOW_GAP = (
    r"\s*(?:(?:of|in|worth\s+of)\s+)?"
    rf"(?:(?!(?:{CONJUNCTION})\s)[^\W\d]+['’]?s?\s+){{0,2}}"
)


def make_atom(
    figure: Figure, flow: str, pair: tuple[str, str], period: str | None, evidence: Evidence
) -> TradeAtom:
    """The spec atom of one figure."""
    share = figure.measure == "share_pct"
    return TradeAtom.model_validate(
        {
            "flow": flow,
            "reporter": pair[0],
            "partner": pair[1],
            "period": period,
            "measure": figure.measure,
            "value": figure.value,
            "currency": figure.currency if figure.measure == "value" else None,
            "qualifier": figure.qualifier,
            "of": share_whole(figure) if share else None,
            "evidence": evidence,
        }
    )


def share_whole(figure: Figure) -> str | None:
    """The whole a share is of: the words after "of"/«от» or the ones after the share word."""
    after = re.match(r"\s*(?:of|от|в)\s+([^.;,]{3,80})", figure.right)
    if after:
        return after.group(1).strip()
    before = re.search(
        r"(?:share|доля|долю|доли)\s+([^.;]{3,80}?)\s*(?:amount\w*|is|was|stands|составля\w*|"
        r"составил\w*|(?:около|более|почти|свыше)\s*$|$)",
        figure.left,
        re.I,
    )
    if not before:
        return None
    whole = re.split(r"\s(?:in|во|в)\s", before.group(1), maxsplit=1)  # «доля X во Y»: Y
    return whole[-1].strip()


def make_target(
    figures: list[Figure],
    index: int,
    flow: str,
    pair: tuple[str, str],
    text: str,
    doc: Document,
    evidence: Evidence,
) -> Target | None:
    """The goal a figure states: a value, a multiplier, or a growth in percent."""
    figure = figures[index]
    fields: dict[str, Any] = {
        "flow": flow,
        "reporter": pair[0],
        "partner": pair[1],
        "horizon": horizon(text, doc.lang, doc.published),
        "qualifier": figure.qualifier,
        "evidence": evidence,
    }
    if figure.kind == "amount":
        fields.update(measure="value", value=figure.value, currency=figure.currency)
    elif figure.kind == "change" and "fraction" not in figure.notes and figure.factor is not None:
        joined = figure.left.strip() in ("or", "или", "-", "–", "to")
        if index > 0 and figures[index - 1].kind == "change" and joined:
            return None  # the second half of "double or triple", read with the first
        fields.update(measure="multiplier", value=multiplier_value(figures, index))
    elif figure.kind == "percent" and figure.measure == "growth_pct":
        fields.update(measure="growth_pct", value=figure.value)
    else:
        return None
    return Target.model_validate(fields)


def level_value(atoms: list[TradeAtom], target: Target, period: str) -> float | None:
    """The value a goal refers to ("to the level of 2012"): the atom of that year."""
    for atom in atoms:
        if atom.period == period and atom.measure == "value" and atom.flow == target.flow:
            target.currency = atom.currency
            return atom.value
    return None
