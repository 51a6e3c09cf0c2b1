"""Flows of trade (turnover, exports, imports) and from whose side they are seen.

"Belarus' exports to the region", «экспорт из Тулы», «импорт белорусской продукции в регион»:
a party just before the flow word owns it, one after "from"/«из» is the source, one after
"to"/«в» the destination, and one in the genitive after the word is the source of the goods.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from coopwatch.model import PartyMention
from coopwatch.pipeline.lexicon import by_lang, compiled, entries


@dataclass(frozen=True, slots=True)
class FlowMention:
    """A word naming a flow of trade, with offsets into the document text."""

    start: int
    end: int
    flow: str  # turnover, export, import


def find_flows(text: str, lang: str, offset: int = 0) -> list[FlowMention]:
    """Every flow word in `text`, non-overlapping, export/import before turnover.

    >>> [(f.flow) for f in find_flows("Объём экспорта вырос, товарооборот тоже", "ru")]
    ['export', 'turnover']
    """
    found: list[FlowMention] = []
    for flow, pattern in flow_patterns(lang):
        for match in pattern.finditer(text):
            if any(
                match.start() < f.end - offset and f.start - offset < match.end() for f in found
            ):
                continue
            found.append(FlowMention(offset + match.start(), offset + match.end(), flow))
    return sorted(found, key=lambda f: f.start)


@lru_cache(maxsize=4)
def flow_patterns(lang: str) -> list[tuple[str, re.Pattern[str]]]:
    """One compiled pattern per flow, export and import first (they are the more specific)."""
    patterns = []
    for flow in ("export", "import", "turnover"):
        rows = [p for _, v, p in entries("flow", lang) if v == flow]
        alternatives = "|".join(f"(?:{p})" for p in rows)
        patterns.append((flow, re.compile(rf"(?<!\w)(?:{alternatives})", re.IGNORECASE)))
    return patterns


FROM = {
    "en": r"(?:from|of)\s+(?:the\s+)?$",
    "ru": r"(?:из|от)\s+$",
    "be": r"(?:з|са|ад|из|от)\s+$",
}
TO = {
    "en": r"(?:to|into|in)\s+(?:the\s+)?$",
    "ru": r"(?:в|во|на)\s+$",
    "be": r"(?:у|ў|ва|на|в)\s+$",
}


@dataclass(frozen=True, slots=True)
class Roles:
    """Who owns, sends and receives a flow, as far as the words around it say."""

    owner: str | None = None
    source: str | None = None
    destination: str | None = None


def flow_roles(
    text: str, flow: FlowMention, parties: list[PartyMention], lang: str, limit: int
) -> Roles:
    """The parties named around a flow word, up to offset `limit` (the figure), by role.

    `text` is the document text; `parties` those of the flow's sentence.
    """
    owner = source = destination = None
    for party in parties:
        if party.end <= flow.start:
            gap = text[party.end : flow.start]
            if len(gap) <= 3 or re.fullmatch(
                r"['’]s?\s*|\s*(?:side['’]?s?|\w+['’]s)\s*|\s+[^\W\d]+\s+", gap
            ):
                lead = text[max(0, party.start - 8) : party.start]
                if re.search(by_lang(TO, lang), lead, re.I):
                    destination = destination or party.code
                elif re.search(by_lang(FROM, lang), lead, re.I):
                    source = source or party.code
                else:
                    owner = owner or party.code
        elif flow.end <= party.start <= (limit if limit > flow.end else flow.end + 40):
            between = text[flow.end : party.start]
            if re.search(r"[.;!?]|\b(?:and|а|и)\b", between):
                continue
            if re.search(by_lang(FROM, lang), between[-12:], re.I):
                source = source or party.code
            elif re.search(by_lang(TO, lang), between[-12:], re.I) or (
                lang != "en" and re.search(DATIVE, party.surface, re.I)
            ):
                destination = destination or party.code
            elif len(between.split()) <= 2 or re.search(r"[–—:-]\s*$", between.split(",")[-1]):
                owner = owner or party.code if flow.flow != "import" else owner
                source = source or (party.code if flow.flow == "import" else None)
    for party in parties:  # «экспорт: белорусский – на 75%, калужский – на 23%»
        lead = text[max(0, party.start - 8) : party.start]
        if (
            flow.end <= party.start
            and party.end <= limit
            and re.fullmatch(r"\s*[-–—:]\s*(?:\S+\s+){0,3}", text[party.end : limit])
            and not re.search(by_lang(TO, lang) + "|" + by_lang(FROM, lang), lead, re.I)
        ):
            owner = party.code
    return Roles(owner, source, destination)


def reporter_partner(flow: str, roles: Roles) -> tuple[str | None, str | None]:
    """(reporter, partner) of an export or import from the roles said around it.

    >>> reporter_partner("export", Roles(owner="BY", destination="RU-TUL"))
    ('BY', 'RU-TUL')
    >>> reporter_partner("import", Roles(source="BY"))
    (None, 'BY')
    """
    if flow == "export":
        return roles.owner or roles.source, roles.destination
    if flow == "import":
        return roles.owner or roles.destination, roles.source
    return roles.owner, None


def side(code: str) -> str:
    """The country a party belongs to: 'BY', 'RU' or the code itself.

    >>> side("RU-TUL"), side("BY"), side("CN")
    ('RU', 'BY', 'CN')
    """
    return code.split("-")[0]


# «отгрузили брянским партнёрам», «поставляют смоленским потребителям»: a plural adjective in
# the dative after the flow verb names who receives the goods.
DATIVE = r"(?:ск|цк)им$"

TIE = {
    "en": r"(?:with|between|and|&)\s+(?:the\s+)?$",
    "ru": r"(?:с|со|между|и)\s+$",
    "be": r"(?:з|са|паміж|і|с|со|между|и)\s+$",
}


def turnover_parties(
    text: str, flow: FlowMention, parties: list[PartyMention], lang: str, limit: int
) -> list[str]:
    """The parties a turnover word names: "Russia's trade with Belarus", «товарооборот
    Беларуси с Краснодарским краем», "trade between Belarus and Tula"."""
    codes = []
    for party in parties:
        if party.end <= flow.start:
            gap = text[party.end : flow.start]
            if re.fullmatch(r"(?:['’]s?)?\s*(?:[^\W\d]+\s+){0,2}|\s+and\s+[^\W\d]+['’]s?\s+", gap):
                codes.append(party.code)
        elif party.start <= (limit if limit > flow.end else flow.end + 60):
            between = text[flow.end : party.start]
            if re.search(r"[.;!?]", between) or len(between) > 70:
                continue
            tie = by_lang(TIE, lang).replace("$", r"(?:\S+['’]s\s+)?$")  # "with Russia's Kaluga"
            if re.search(tie, between[-25:], re.I) or len(between.split()) <= 1:
                codes.append(party.code)
    regions = {side(c) for c in codes if "-" in c}
    return [c for c in codes if "-" in c or c not in regions]


def is_product_flow(text: str, flow: FlowMention, parties: list[PartyMention], lang: str) -> bool:
    """ "Tractor exports grew 265 times": one product's trade, out of scope (English)."""
    if counts_units(text, flow.end, lang):
        return True
    if lang != "en":
        return is_russian_product(text, flow.end, parties)
    if not re.search(NOUN_FLOW, text[flow.start : flow.end], re.I):
        return False
    if is_english_goods_after(text, flow.end, parties):
        return True
    # the word just before, on the same line (a headline's last word names no product)
    before = re.search(r"([A-Za-z][\w'’-]*)[^\S\n]+$", text[max(0, flow.start - 30) : flow.start])
    if not before or any(p.start <= flow.start - len(before.group(0)) < p.end for p in parties):
        return False
    word = before.group(1)
    if word.endswith(("'s", "s'", "’s", "s’")):
        return False
    return not any(compiled(kind, lang, r"(?:{})").fullmatch(word) for kind in MODIFIER_KINDS)


def is_english_goods_after(text: str, position: int, parties: list[PartyMention]) -> bool:
    """ "Exports of medicines to Tula": goods named after "of" are one product's trade."""
    after = re.match(
        r"\s+of\s+([A-Za-z][\w-]*)((?:\s+[A-Za-z][\w-]*){0,2})", text[position : position + 60]
    )
    if not after:
        return False
    word = after.group(1)
    party = any(p.start <= position + after.start(1) < p.end for p in parties)
    if party or re.fullmatch(EN_GENERAL_GOODS, word, re.I):
        following = after.group(2).split()  # "of Belarusian dairy products": a product
        return bool(
            (party or re.fullmatch(EN_ORIGIN, word, re.I))
            and following
            and re.fullmatch(r"[a-z][\w-]*", following[0])
            and not re.fullmatch(EN_GENERAL_GOODS, following[0], re.I)
            and len(following) > 1
            and re.fullmatch(EN_GENERAL_GOODS, following[1], re.I)
        )
    return not any(compiled(kind, "en", r"(?:{})").fullmatch(word) for kind in MODIFIER_KINDS)


EN_GENERAL_GOODS = (
    r"goods|products?|produce|commodit\w+|merchandise|services|trade|Belarus\w*|Russia\w*"
)
EN_ORIGIN = r"Belarus\w+|Russian"  # "of Belarusian goods", but "of Belarusian dairy products"


# «экспорт тракторов», «поставки белорусского продовольствия»: a noun in the genitive right
# after the flow word (party adjectives skipped) names one product.
RU_PLURAL_GOODS = r"(?:ов|ев|ей|ия|ии|ий|ств|аў|яў|іі)$"  # Belarusian endings too
RU_ADJECTIVE = r"(?:ых|их|ого|его|ой|ай|ага|ых|іх)$"  # «белорусских тракторов»: skip to the noun
RU_GENERAL_GOODS = (
    r"товаров|продуктов|грузов|изделий|сторон|регионов|областей|стран|предприятий|компаний|"
    r"продукции|республики|федерации|россии|беларуси|белоруссии|"
    r"тавараў|прадуктаў|грузаў|вырабаў|бакоў|рэгіёнаў|абласцей|краін|прадпрыемстваў|кампаній|"
    r"прадукцыі|рэспублікі|федэрацыі|расіі|беларусі"
)


def is_russian_product(text: str, position: int, parties: list[PartyMention]) -> bool:
    """Whether the words after a Russian flow word name one product, not goods in general."""
    kind = False  # an adjective that says which goods («молочной»)
    for _ in range(3):
        word = re.match(r"\s+([а-яёіў]+)", text[position : position + 40])
        if not word:
            return False
        start, end = position + word.start(1), position + word.end(1)
        party = any(p.start <= start < p.end for p in parties)
        if party or re.search(RU_ADJECTIVE, word.group(1)):
            kind = kind or (not party and not re.match(RU_GENERAL_ADJECTIVE, word.group(1)))
            position = end
            continue
        noun = word.group(1)
        if re.fullmatch(RU_GENERAL_GOODS, noun):
            return kind and re.match(RU_GOODS_NOUN, noun) is not None  # «молочной продукции»
        return len(noun) >= 4 and bool(re.search(RU_PLURAL_GOODS, noun))
    return False


# Adjectives that leave goods general: «белорусской продукции», «отечественных товаров».
RU_GENERAL_ADJECTIVE = (
    r"белорусск|беларуск|российск|расійск|отечественн|айчынн|собственн|уласн|наш|нашых|"
    r"готов|гатов|взаимн|узаемн|несырьев|несыравінн|неэнергетическ|товарн|тавар|эт|гэт|всей|"
    r"всех|усіх|общ|агульн|основн|асноўн|друг|іншы"
)
RU_GOODS_NOUN = r"товар|продук|прадук|тавар|издел|выраб"


NOUN_FLOW = r"(?:exports?|imports?|trade|turnover|shipments?|supplies)$"
MODIFIER_KINDS = (
    "flow_modifier", "times", "growth_up", "growth_down", "target_cue", "qualifier", "month"
)


def counts_units(text: str, position: int, lang: str) -> bool:
    """ "Bought 1,200 tractors", «закупила 300 автобусов»: a flow word followed by a count of
    things (no money, no percent) is one product's trade, and so are its figures.

    >>> counts_units(" 1,200 Belarusian tractors last year", 0, "en")
    True
    >>> counts_units(" $1,200 million", 0, "en"), counts_units(" 1.2 billion dollars", 0, "en")
    (False, False)
    """
    match = re.match(UNITS, text[position : position + 60], re.IGNORECASE)
    if not match:
        return False
    word = match.group("word")
    return not compiled("not_units", lang, r"^(?:{})").match(word)


UNITS = (
    r"\s+(?:(?:about|some|over|more\s+than|around|nearly|almost|up\s+to|около|более|свыше|почти|"
    r"порядка|каля|больш\s+за|амаль)\s+)?\d[\d\s\u00a0,.]*\s*(?P<word>[^\W\d]\S*)"
)


def counts_before(text: str, lang: str) -> bool:
    """ "The region bought 150 buses, 15% more…", «приобрел 150 единиц техники, что на 15%
    больше»: a clause with no flow word of its own that counts things is about a product.

    >>> counts_before("The region took 150 MAZ buses, ", "en"), counts_before("On 5 May, ", "en")
    (True, False)
    """
    for match in re.finditer(COUNT, text):
        word, number = match.group("word"), re.sub(r"\D", "", match.group("num"))
        if re.fullmatch(r"(?:19|20)\d\d", number):
            continue  # a year: "In 2023 it amounted to…"
        if not any(
            compiled(kind, lang, template).match(word)
            for kind, template in (
                ("not_units", r"^(?:{})"),
                ("month", r"^(?:{})$"),
                ("anaphor", r"^(?:{})$"),
                ("not_units_word", r"^(?:{})$"),
            )
        ):
            return True
    return False


# A whole number (a count) and the word after it, three letters at least.
COUNT = (
    r"(?<![\w$€₽.,])(?P<num>\d{1,3}(?:[\u00a0 ,]\d{3})+|\d+)(?![.,]?\d)\s+"
    r"(?P<word>[^\W\d]\w{2,})"
)
