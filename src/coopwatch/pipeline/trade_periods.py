"""When a trade figure was: the period said next to it, else before it in the sentence, else
the paragraph's, else (for a current or annual level) the last full year; plus the base of a
growth that is not year-on-year, and the reference year when no publication date is known.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from coopwatch.model import Document, Sentence
from coopwatch.pipeline.context import DocContext
from coopwatch.pipeline.figures import Figure
from coopwatch.pipeline.flows import FlowMention
from coopwatch.pipeline.lexicon import compiled, entries
from coopwatch.pipeline.periods import PeriodMention, resolve


@dataclass(slots=True)
class ParagraphState:
    """What earlier sentences of the paragraph said: the period and flow figures inherit."""

    number: int = -1
    period: str | None = None
    any_year: str | None = None  # the last year named at all, for "back then"
    flow: str | None = None
    pair: tuple[str, str] | None = None  # the parties of the paragraph's last atom
    carried_flow: str | None = None  # the last flow word of the paragraph before (a Q&A)
    listed: bool = False  # an item of a list whose lead ("Results of 2024:") gave the period
    last_period: str | None = None  # the last period named in the piece, for "over the period"


def next_paragraph(
    state: ParagraphState, number: int, doc: Document, index: int
) -> ParagraphState:
    """A new paragraph starts afresh, except that an answer keeps the question's flow, the
    items of a list keep the period of its lead ("In 2024:" / «Итоги 2024 года:»), and one
    that goes on with the speaker («По его словам», "He added") keeps period and parties."""
    previous = doc.sentences[index - 1].text.rstrip() if index > 0 else ""
    asked = is_question(previous)
    listed = previous.endswith(":") or (state.listed and is_list_item(previous))
    going_on = bool(
        compiled("continuation", doc.lang, r"^\W*(?:{})(?!\w)").search(doc.sentences[index].text)
    )
    return ParagraphState(
        number=number,
        carried_flow=state.flow if asked else None,
        period=state.period if listed or going_on else None,
        pair=state.pair if going_on else None,
        listed=listed,
        last_period=state.last_period,
    )


def is_list_item(text: str) -> bool:
    """A short line of a list ("- exports: $48 million;", «Экспорт – 21,4 млн»).

    >>> is_list_item("- exports: $48.5 million;"), is_list_item("The sides met in May and talked.")
    (True, False)
    """
    return bool(re.match(r"\s*(?:[-–—•*·]|\d+[.)])\s", text)) or (
        len(text) < 80 and bool(re.search(r"[:–—-]\s*\S*\d", text))
    )


def is_question(text: str) -> bool:
    """An interviewer's question: the answer after it may leave out what it asked about.

    >>> is_question("How is trade with Belarus developing?"), is_question("Trade grew.")
    (True, False)
    """
    return text.rstrip(" »”\"'").endswith("?")


def period_of(
    doc: Document,
    figure: Figure,
    periods: list[PeriodMention],
    context: DocContext,
    state: ParagraphState,
) -> tuple[str | None, bool]:
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
    back = compiled("period_anaphor", doc.lang, r"(?<!\w)(?:{})(?!\w)").search(clause)
    if back and (state.period or state.last_period):
        return state.period or state.last_period, True  # «за указанный период»
    if figure.measure == "share_pct" and reference:
        now = share_now(clause, doc.lang)
        if now == "now":
            return str(reference.year), False
        if now and not state.period:
            return str(reference.year - 1), False
    if compiled("current_level", doc.lang, r"(?<!\w)(?:{})(?!\w)").search(clause):
        return (str(reference.year - 1) if reference else None), False
    if (
        compiled("anaphor_time", doc.lang, r"(?<!\w)(?:{})(?!\w)").search(figure.left)
        and state.any_year
    ):
        return state.any_year, False
    return state.period, False


def share_now(clause: str, lang: str) -> str | None:
    """ "now" when a share is said to hold now, "present" when only its verb is present.

    >>> share_now("Belarus now accounts for ", "en"), share_now("доля составляет ", "ru")
    ('now', 'present')
    """
    for _, value, pattern in entries("share_now", lang):
        if re.search(rf"(?<!\w)(?:{pattern})(?!\w)", clause, re.IGNORECASE):
            return value
    return None


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


def reference_from_comparison(sentences: list[list[PeriodMention]]) -> date | None:
    """With no publication date: "last year, compared with 2012, trade fell" says last year
    was 2013 (growth is year-on-year unless said otherwise), so the piece is from 2014."""
    for mentions in sentences:
        last_year = [m for m in mentions if m.rel == -1 and not m.base and m.months is None]
        bases = [m for m in mentions if m.base and m.year]
        if last_year and bases:
            after = [b for b in bases if b.start > last_year[0].start] or bases
            return date(after[0].year + 2, 12, 31)  # type: ignore[operator]
    return None


def horizon_year(text: str, mention: PeriodMention) -> bool:
    """A year after "by"/«до»/«к» is when a goal is due, not a figure's period."""
    return bool(
        re.search(
            r"(?:by|until|до|к|на)\s+$", text[max(0, mention.start - 8) : mention.start], re.I
        )
    )


def year_hint(
    periods: list[PeriodMention], figure: Figure, state: ParagraphState, reference: date | None
) -> int | None:
    """A year said before a yearless span in the sentence ("In 2023 ... in the first quarter";
    «года нынешнего, за первый месяц»), else the paragraph's span of months ("In
    January-May 2024 … In May alone"); after a whole year's figure a month with no year is
    the latest such month (spec)."""
    for mention in reversed([p for p in periods if not p.base and p.end <= figure.start]):
        if mention.year:
            return mention.year
        if mention.rel is not None and mention.months is None:
            return reference.year + mention.rel if reference else None
    if state.period and ".." in state.period:
        return int(state.period[:4])
    if state.period and state.period.isdigit() and reference is None:
        return int(state.period)
    return None


def update_state(
    state: ParagraphState,
    periods: list[PeriodMention],
    flows: list[FlowMention],
    doc: Document,
    context: DocContext,
) -> None:
    """Carry the sentence's last period, last year and last flow word to the next sentence."""
    own = [p for p in periods if not p.base and not horizon_year(doc.text, p)]
    if own:
        state.period = resolve(own[-1], context.reference, own[-1].year) or state.period
        state.last_period = state.period
    years = [p for p in periods if p.year]
    if years:
        state.any_year = str(years[-1].year)
    if flows:
        state.flow = flows[-1].flow


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
