"""Money amounts and percentages in English and Russian, with offsets, value and qualifier.

The grammar reads bottom-up: CURRENCY -> MULTIPLIER -> NUMERAL -> AMOUNT, each piece a
regex built from the lexicon (data/trade_lexicon.tsv), the normalisation in tiny functions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from coopwatch.pipeline.lexicon import alternation, entries, value_of

SPACES = " \u00a0\u2009\u202f"
NUMBER = rf"(?<![\w.,])(?:\d{{1,3}}(?:[{SPACES}]\d{{3}})+(?:[.,]\d+)?|\d+(?:[.,]\d+)*)(?![\d])"
DASH = r"\s*[-–—]\s*"
NUMERAL = rf"(?P<num>{NUMBER})(?:{DASH}(?P<num2>{NUMBER}))?"
PRE_CURRENCY = r"(?P<pre>US\$|\$|€|₽|USD|EUR|RUB|BYN|CNY)"
WORD_END = r"(?![\w])"


@dataclass(frozen=True, slots=True)
class Amount:
    """A sum of money: `value` in currency units (not millions); currency None when unsaid."""

    start: int
    end: int
    value: float
    currency: str | None
    qualifier: str = "exact"


@dataclass(frozen=True, slots=True)
class Percent:
    """A percentage as written ("37%", «8,4 процента»); ranges are their midpoint, approx."""

    start: int
    end: int
    value: float
    qualifier: str = "exact"


def parse_number(raw: str, scaled: bool = False) -> float:
    """A written number: with a multiplier word ',' and '.' are decimal marks, without one
    they group thousands when exactly three digits follow (spec: Separators).

    >>> parse_number("1,129", scaled=True), parse_number("20.000"), parse_number("217,2")
    (1.129, 20000.0, 217.2)
    >>> parse_number("1 234 567"), parse_number("380,000"), parse_number("1,250.5")
    (1234567.0, 380000.0, 1250.5)
    """
    digits = re.sub(f"[{SPACES}]", "", raw)
    if "," in digits and "." in digits:
        last = max(digits.rfind(","), digits.rfind("."))
        digits = re.sub(r"[.,]", "", digits[:last]) + "." + digits[last + 1 :]
    elif not scaled and re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", digits):
        digits = re.sub(r"[.,]", "", digits)
    else:
        digits = digits.replace(",", ".")
        if digits.count(".") > 1:
            head, _, tail = digits.rpartition(".")
            digits = head.replace(".", "") + "." + tail
    return float(digits)


def numeral_value(match: re.Match[str], scaled: bool) -> tuple[float, bool]:
    """The number of a NUMERAL match and whether it was a range (then its midpoint).

    >>> numeral_value(re.search(NUMERAL, "315-320"), True)
    (317.5, True)
    """
    low = parse_number(match.group("num"), scaled)
    if match.group("num2"):
        return (low + parse_number(match.group("num2"), scaled)) / 2, True
    return low, False


def words_value(words: str, lang: str) -> float | None:
    """Numbers written as words, summed («сто пятьдесят» = 150).

    >>> words_value("ста пятидесяти", "ru"), words_value("two", "en")
    (150.0, 2.0)
    """
    total = 0.0
    for word in words.split():
        value = value_of("number_word", word, lang)
        if value is None:
            return None
        total += float(value)
    return total or None


@lru_cache(maxsize=4)
def amount_patterns(lang: str) -> list[re.Pattern[str]]:
    """The AMOUNT grammar, most specific first: symbol before, words after, number words."""
    mult = rf"(?P<mult>{alternation('multiplier', lang)}){WORD_END}"
    post = rf"(?P<post>{alternation('currency', lang)}){WORD_END}"
    words = rf"(?P<words>(?:(?:{alternation('number_word', lang)})\s+)+)"
    half = rf"(?P<half>{alternation('half_multiplier', lang)}){WORD_END}"
    tail = r"(?=\s*(?:[.,;:)\]]|$|\s+(?:и|а|or|and|in|в|за|for|to|до)\b))"
    forms = [
        rf"{PRE_CURRENCY}\s?{NUMERAL}(?:\s*{mult})?(?:\s+{post})?",
        rf"{NUMERAL}\s*{mult}\s+(?:of\s+)?{post}",
        rf"{NUMERAL}\s*{post}",
        rf"(?<!\w){half}(?:\s+{post})?",
        rf"(?<!\w){words}{mult}(?:\s+(?:of\s+)?{post})?",
        rf"{NUMERAL}\s*{mult}{tail}",
    ]
    return [re.compile(form, re.IGNORECASE) for form in forms]


def currency_code(match: re.Match[str], lang: str) -> str | None:
    """The ISO code of a match's currency words, before or after the number."""
    for group in ("pre", "post"):
        text = match.groupdict().get(group)
        if text:
            return value_of("currency", text, lang)
    return None


def amount_value(match: re.Match[str], lang: str) -> tuple[float, bool] | None:
    """The amount in units and whether it was a range, or None if the words are no number."""
    groups = match.groupdict()
    factor = float(value_of("multiplier", groups["mult"], lang) or 1) if groups.get("mult") else 1
    if groups.get("half"):
        return 0.5 * float(value_of("half_multiplier", groups["half"], lang) or 0), False
    if groups.get("words"):
        value = words_value(groups["words"], lang)
        return (value * factor, False) if value else None
    number, ranged = numeral_value(match, scaled=bool(groups.get("mult")))
    return number * factor, ranged


def find_amounts(text: str, lang: str, offset: int = 0) -> list[Amount]:
    """Every money amount in `text`, offsets shifted by `offset`, non-overlapping.

    >>> text = "вырос до $217,2 млн и 1,2 млрд долларов США"
    >>> [(a.value, a.currency) for a in find_amounts(text, "ru")]
    [(217200000.0, 'USD'), (1200000000.0, 'USD')]
    >>> [(a.value, a.qualifier) for a in find_amounts("about $315-320 million", "en")]
    [(317500000.0, 'approx')]
    """
    found: list[Amount] = []
    taken: list[tuple[int, int]] = []
    for pattern in amount_patterns(lang):
        for match in pattern.finditer(text):
            if any(match.start() < e and s < match.end() for s, e in taken):
                continue
            parsed = amount_value(match, lang)
            if parsed is None:
                continue
            value, ranged = parsed
            qualifier = "approx" if ranged else qualifier_before(text[: match.start()], lang)
            end = match.end() - (1 if match.group(0).endswith(".") else 0)
            taken.append((match.start(), end))
            found.append(
                Amount(
                    offset + match.start(),
                    offset + end,
                    value,
                    currency_code(match, lang),
                    qualifier,
                )
            )
    return sorted(found, key=lambda a: a.start)


PERCENT = rf"{NUMERAL}\s*(?:%|per\s?cents?{WORD_END}|процент\w*|працэнт\w*)"


def find_percents(text: str, lang: str, offset: int = 0) -> list[Percent]:
    """Every percentage in `text` (not percentage points), ranges as midpoint + approx.

    >>> [(p.value, p.qualifier) for p in find_percents("на 6-7% и почти на 8,4 процента", "ru")]
    [(6.5, 'approx'), (8.4, 'under')]
    """
    found = []
    for match in re.finditer(PERCENT, text, re.IGNORECASE):
        value, ranged = numeral_value(match, scaled=True)
        qualifier = "approx" if ranged else qualifier_before(text[: match.start()], lang)
        found.append(Percent(offset + match.start(), offset + match.end(), value, qualifier))
    return found


FILLER = (
    r"(?:(?:the|a|an|bar|mark|level|of|reached|reaching|amounted|to|came|totaled|totalled|at|"
    r"by|on|threshold|milestone|на|в|за|через|отметку|уровень|уровня|рубеж|планку|порог|"
    r"достиг\w*|составил\w*|составля\w*|значение|"
    r"у|ў|адзнаку|[уў]зровень|дасягну\w*|склаў|склала|склалі|складае|складаў)\s+)*"
)


def qualifier_before(left: str, lang: str) -> str:
    """The spec qualifier said just before a figure ("more than", «почти на»), else exact.

    >>> qualifier_before("trade reached nearly ", "en")
    'under'
    >>> qualifier_before("вырос более чем на ", "ru")
    'over'
    """
    window = left[-60:]
    for qualifier, pattern in qualifier_patterns(lang):
        if pattern.search(window):
            return qualifier
    return "exact"


@lru_cache(maxsize=4)
def qualifier_patterns(lang: str) -> list[tuple[str, re.Pattern[str]]]:
    """One 'qualifier words, then filler, then the figure' pattern per qualifier."""
    patterns = []
    for qualifier in ("over", "under", "approx"):
        rows = [p for _, v, p in entries("qualifier", lang) if v == qualifier]
        alternatives = "|".join(f"(?:{p})" for p in rows)
        patterns.append(
            (qualifier, re.compile(rf"(?<!\w)(?:{alternatives})\s*{FILLER}$", re.IGNORECASE))
        )
    return patterns
