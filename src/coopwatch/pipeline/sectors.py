"""Sectors of cooperation (the spec's list), one SectorMention per sentence and sector.

Cues are data (data/sectors.tsv): English words with "*" endings, Russian words by lemma.
Where cues overlap the longest wins, so "agricultural machinery" counts for machinery only.
The document's sectors are the set of its mentions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from coopwatch.model import Document, Evidence, Extraction, SectorMention
from coopwatch.pipeline.registry import _rows
from coopwatch.pipeline.textmatch import PhraseIndex, words


@dataclass(frozen=True, slots=True)
class SectorHit:
    """A sector cue found in a text: offsets and the sector code."""

    start: int
    end: int
    sector: str


def _cues(lang: str) -> list[tuple[str, tuple[str, ...]]]:
    """Cue -> every sector it is listed under, in file order."""
    table: dict[str, list[str]] = {}
    for row in _rows("sectors.tsv"):
        if row["lang"] == lang:
            for cue in filter(None, (c.strip() for c in row["cues"].split("|"))):
                table.setdefault(cue, []).append(row["sector"])
    return [(cue, tuple(dict.fromkeys(sectors))) for cue, sectors in table.items()]


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
                hits.extend(SectorHit(m.start(), m.end(), sector) for sector in found)
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
        return [SectorHit(m.start, m.end, sector) for m in _russian().find(words(text))
                for sector in m.payload]
    hits = _english_hits(text)
    hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
    kept: list[SectorHit] = []
    for hit in hits:
        if not kept or hit.start >= kept[-1].end or (hit.start, hit.end) == (kept[-1].start,
                                                                             kept[-1].end):
            kept.append(hit)
    return kept


def tag_sectors(doc: Document, found: Extraction) -> None:
    """Add one SectorMention per sentence and sector named in it."""
    seen: set[tuple[int, str]] = set()
    for hit in find_sectors(doc.text, doc.lang):
        sentence = doc.sentence_at(hit.start)
        index = sentence.index if sentence else -1
        if (index, hit.sector) in seen:
            continue
        seen.add((index, hit.sector))
        found.sectors.append(SectorMention(
            sector=hit.sector, evidence=Evidence(sentence=index, start=hit.start, end=hit.end)))
