"""Sectors of cooperation (the spec's list), one SectorMention per sentence and sector.

Cues are data (data/sectors.tsv): English words with "*" endings, Russian words by lemma.
Where cues overlap the longest wins, so "agricultural machinery" counts for machinery only.
The document's sectors are the set of its mentions, counted only in the article's body (not in
headline lists, `newslist`), not where a cue names a cost ("logistics costs have grown",
«стоимость логистики»), and a sector known only from weak cues ("~" in the file: "components",
«фермеры») needs them in two sentences. Areas listed in the title of a treaty signed years
before («соглашение 2003 года о торгово-экономическом и культурном сотрудничестве») are weak too.
Phrases that hold a cue but name no area ("-none" rows: "municipal fleet", «на условиях
лизинга») hide it, and so does the quoted name of an exhibition («…строительная неделя»).
A known enterprise of the registry with a `sector` column names that sector (Grodno Azot ->
chemicals_fertilizers), found by the organizations stage that runs before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from coopwatch.data_files import data_records
from coopwatch.model import Document, Evidence, Extraction, SectorMention
from coopwatch.pipeline.newslist import body_bounds
from coopwatch.pipeline.orgfinders import is_menu_line
from coopwatch.pipeline.registry import organizations_by_key
from coopwatch.pipeline.textmatch import PhraseIndex, words

WEAK = "~"  # a cue marked so in sectors.tsv counts only when repeated
# the standard title of an old framework treaty lists areas by habit, not as the piece's
# subject: «в 2003 году подписано соглашение о торгово-экономическом, научно-техническом и
# культурном сотрудничестве» (a treaty signed now, or with no year, is news and counts)
OLD_YEARS = 2  # a treaty dated this many years before publication or more is background
YEAR = re.compile(r"\b(?:19|20)\d\d\b")
TREATY_TITLE = re.compile(
    r"\b(?:соглашени\w*|договор\w*|agreement|treaty)(?:\s+(?:между|between)\s[^.;!?\n]{0,120}?)?"
    r"\s+(?:о|об|on)\s+[^.;!?\n]{0,160}?"
    r"(?:сотрудничеств\w*|cooperation)", re.IGNORECASE)
NONE = "-none"  # phrases that hold a cue but name no sector ("municipal fleet"): found, dropped
# a cue inside the quoted name of an exhibition or forum names the event, not the cooperation:
# выставка «Белорусская строительная неделя», the "Agro Expo" fair
EVENT_NAME = re.compile(
    r"\b(?:выставк\w*|форум\w*|ярмарк\w*|салон\w*|exhibition|forum|fair|expo|show)\s+"
    r"(?:«[^»\n]{1,80}»|\"[^\"\n]{1,80}\"|“[^”\n]{1,80}”)", re.IGNORECASE)
COST_ROWS = ("-cost-before", "-cost-after")  # word stems that make a cue a cost, not a sector


@dataclass(frozen=True, slots=True)
class SectorHit:
    """A sector cue found in a text: offsets and the sector code."""

    start: int
    end: int
    sector: str
    weak: bool = False


def _hit(start: int, end: int, sector: str) -> SectorHit:
    return SectorHit(start, end, sector.lstrip(WEAK), sector.startswith(WEAK))


def _cues(lang: str) -> list[tuple[str, tuple[str, ...]]]:
    """Cue -> every sector it is listed under ("~sector" for a weak cue), in file order."""
    table: dict[str, list[str]] = {}
    for row in data_records("sectors.tsv"):
        if row["lang"] == lang and (row["sector"] == NONE or not row["sector"].startswith("-")):
            for cue in filter(None, (c.strip() for c in row["cues"].split("|"))):
                mark = WEAK if cue.startswith(WEAK) else ""
                table.setdefault(cue.lstrip(WEAK), []).append(mark + row["sector"])
    return [(cue, tuple(dict.fromkeys(sectors))) for cue, sectors in table.items()]


@lru_cache(maxsize=1)
def _cost_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Words just before / just after a cue that make it a cost ("costs", «стоимость»)."""
    stems: dict[str, list[str]] = {kind: [] for kind in COST_ROWS}
    for row in data_records("sectors.tsv"):
        if row["sector"] in stems:
            stems[row["sector"]] += [re.escape(c.strip()) for c in row["cues"].split("|")
                                     if c.strip()]
    before = "|".join(stems[COST_ROWS[0]]) or "(?!x)x"
    after = "|".join(stems[COST_ROWS[1]]) or "(?!x)x"
    return (re.compile(rf"\b(?:{before})\w*\s+(?:\w+\s+)?$", re.IGNORECASE),
            re.compile(rf"^\s+(?:{after})\w*\b", re.IGNORECASE))


def is_cost(text: str, start: int, end: int) -> bool:
    """A cue named as a cost or price: "logistics costs", «стоимость логистики».

    >>> text = "Logistics costs have grown."
    >>> is_cost(text, 0, 9), is_cost("Logistics centres opened.", 0, 9)
    (True, False)
    """
    before, after = _cost_patterns()
    return bool(before.search(text[max(0, start - 40):start])
                or after.match(text[end:end + 40]))


def _en_pattern(cue: str) -> str:
    return r"\b" + re.escape(cue).replace(r"\*", r"[\w\-]*") + r"(?![\w\-])"


_Group = tuple[re.Pattern[str], list[tuple[str, ...]]]


@lru_cache(maxsize=1)
def _english() -> dict[str, list[_Group]]:
    """Cues by their first two letters, each bucket one alternation (longest cue first);
    capitalised acronyms are matched case-sensitively, the rest not."""
    buckets: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for cue, sectors in sorted(_cues("en"), key=lambda c: -len(c[0])):
        buckets.setdefault(cue[:2].lower(), []).append((cue, sectors))
    table: dict[str, list[_Group]] = {}
    for key, cues in buckets.items():
        for sensitive in (True, False):
            chosen = [(c, s) for c, s in cues if (sum(ch.isupper() for ch in c) > 1) == sensitive]
            if chosen:
                pattern = re.compile("|".join(f"({_en_pattern(c)})" for c, _ in chosen),
                                     0 if sensitive else re.IGNORECASE)
                table.setdefault(key, []).append((pattern, [s for _, s in chosen]))
    return table


_WORD_START = re.compile(r"\b\w\w")


def _english_hits(text: str) -> list[SectorHit]:
    table = _english()
    hits: list[SectorHit] = []
    for start in _WORD_START.finditer(text):
        for pattern, sectors in table.get(start.group().lower(), []):
            m = pattern.match(text, start.start())
            if m:
                found = sectors[(m.lastindex or 1) - 1]
                hits.extend(_hit(m.start(), m.end(), sector) for sector in found)
    return hits


@lru_cache(maxsize=1)
def _russian() -> PhraseIndex[tuple[str, ...]]:
    return PhraseIndex(_cues("ru") + _cues("en"))


def find_sectors(text: str, lang: str) -> list[SectorHit]:
    """Sector cues in a text, non-overlapping, longest first.

    >>> text = "They discussed agricultural machinery and dairy farms."
    >>> [h.sector for h in find_sectors(text, "en")]
    ['agricultural_machinery', 'agriculture_food', 'agriculture_food']
    """
    if lang != "en":
        return [_hit(m.start, m.end, sector) for m in _russian().find(words(text))
                for sector in m.payload if sector != NONE]
    hits = _english_hits(text)
    hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
    kept: list[SectorHit] = []
    for hit in hits:
        if not kept or hit.start >= kept[-1].end or (hit.start, hit.end) == (kept[-1].start,
                                                                             kept[-1].end):
            kept.append(hit)
    return [hit for hit in kept if hit.sector != NONE]


def old_treaty_titles(text: str, year: int | None) -> list[tuple[int, int]]:
    """Spans of treaty titles in sentences that date them years before `year`.

    >>> text = "In 2003 they signed an agreement on trade and cultural cooperation."
    >>> old_treaty_titles(text, 2025), old_treaty_titles(text, 2004)
    ([(23, 66)], [])
    """
    spans = []
    for found in TREATY_TITLE.finditer(text):
        left = max(text.rfind(mark, 0, found.start()) for mark in ".!?\n") + 1
        right = min((i for i in (text.find(mark, found.end()) for mark in ".!?\n") if i >= 0),
                    default=len(text))
        years = [int(y) for y in YEAR.findall(text[left:right])]
        if years and (year is None or min(years) <= year - OLD_YEARS):
            spans.append((found.start(), found.end()))
    return spans


# a run of capitalised single words is a site menu ("Economics Politics Society Sport")
MENU_RUN = re.compile(r"(?:\b[A-ZА-ЯЁ][a-zа-яё]+\b[ \t]+){4,}[A-ZА-ЯЁ][a-zа-яё]+\b")
# a capitalised cue before a capitalised organization word is part of a name ("Tractor Plant")
NAME_HEAD = re.compile(
    r"(?:[ \t]+[A-Z][\w\-]*){0,2}?[ \t]+(?:Plant|Works|Factory|Mill|Combine|Company|Holding|"
    r"Corporation|Concern|Group|Bank|Association)\b")
SHORT_LINE = 2  # a line of this many words among short lines is a menu item
LIST_ITEM = re.compile(r"^[-•*–—]|[.,;:!?]$")  # a bulleted or punctuated item is the article's


def _line(text: str, offset: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return start, end if end >= 0 else len(text)


def _short_lines_around(text: str, start: int, end: int) -> bool:
    """The line is one or two words and a neighbouring line is short too (a menu column)."""
    line = text[start:end].strip()
    if len(line.split()) > SHORT_LINE or LIST_ITEM.search(line):
        return False
    before = text[:start].rstrip("\n").rsplit("\n", 1)[-1] if start else ""
    after = text[end:].lstrip("\n").split("\n", 1)[0]
    return any(0 < len(line.split()) <= SHORT_LINE + 1 for line in (before, after))


def is_clutter(text: str, hit: SectorHit) -> bool:
    """A cue in a site menu or inside a company's name is not a sector of cooperation.

    >>> text = "Economics Politics Society Regions Sport Friday"
    >>> is_clutter(text, SectorHit(34, 39, "culture_humanitarian"))
    True
    >>> text = "The Lipetsk Tractor Plant makes tractors."
    >>> [is_clutter(text, h) for h in find_sectors(text, "en")]
    [True, False]
    """
    start, end = _line(text, hit.start)
    line = text[start:end]
    if is_menu_line(line) or _short_lines_around(text, start, end):
        return True
    if any(m.start() <= hit.start - start < m.end() for m in MENU_RUN.finditer(line)):
        return True
    return text[hit.start:hit.start + 1].isupper() and bool(NAME_HEAD.match(text, hit.end))


def body_hits(text: str, lang: str, year: int | None = None) -> list[SectorHit]:
    """Cues in the article's body (not in headline lists) that do not name a cost; cues in the
    title of a treaty of years before `year` (publication, else the latest year named) are
    weak."""
    start, end = body_bounds(text)
    titles = old_treaty_titles(text, year)
    events = [(m.start(), m.end()) for m in EVENT_NAME.finditer(text)]
    return [SectorHit(h.start, h.end, h.sector, True)
            if any(s <= h.start < e for s, e in titles) else h
            for h in find_sectors(text, lang)
            if start <= h.start < end and not is_cost(text, h.start, h.end)
            and not is_clutter(text, h) and not any(s <= h.start < e for s, e in events)]


def _strong_enough(hits: list[tuple[SectorHit, int]]) -> set[str]:
    """Sectors with a strong cue, or weak cues in two different sentences."""
    strong = {h.sector for h, _ in hits if not h.weak}
    weak: dict[str, set[int]] = {}
    for hit, index in hits:
        weak.setdefault(hit.sector, set()).add(index)
    return strong | {sector for sector, seen in weak.items() if len(seen) >= 2}


def tag_sectors(doc: Document, found: Extraction) -> None:
    """Add one SectorMention per sentence and sector named in the article's body."""
    seen: set[tuple[int, str]] = set()
    hits = []
    named = [int(y) for y in YEAR.findall(doc.text)]
    year = doc.published.year if doc.published else max(named, default=None)
    for hit in body_hits(doc.text, doc.lang, year):
        sentence = doc.sentence_at(hit.start)
        hits.append((hit, sentence.index if sentence else -1))
    kept = _strong_enough(hits)
    for hit, index in hits:
        if hit.sector not in kept or (index, hit.sector) in seen:
            continue
        seen.add((index, hit.sector))
        found.sectors.append(SectorMention(
            sector=hit.sector, evidence=Evidence(sentence=index, start=hit.start, end=hit.end)))
    _add_organization_sectors(found)


def _add_organization_sectors(found: Extraction) -> None:
    """A known enterprise names its sector ("supplies from Grodno Azot" -> chemicals), once."""
    have = {mention.sector for mention in found.sectors}
    by_key = organizations_by_key()
    for org in found.organizations:
        entry = by_key.get(org.key or "")
        if entry is None or not entry.sector or entry.sector in have:
            continue
        have.add(entry.sector)
        found.sectors.append(SectorMention(sector=entry.sector, evidence=org.evidence))
