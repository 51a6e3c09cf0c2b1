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


def _cues(lang: str) -> list[tuple[str, str]]:
    return [(cue.strip(), row["sector"]) for row in _rows("sectors.tsv") if row["lang"] == lang
            for cue in row["cues"].split("|") if cue.strip()]


def _en_pattern(cue: str) -> str:
    return r"\b" + re.escape(cue).replace(r"\*", r"[\w\-]*") + r"(?![\w\-])"


@lru_cache(maxsize=1)
def _english() -> list[tuple[re.Pattern[str], dict[str, str]]]:
    """Two alternations (capitalised acronyms case-sensitive, the rest not), longest cue first."""
    cues = sorted(_cues("en"), key=lambda c: -len(c[0]))
    groups: list[tuple[re.Pattern[str], dict[str, str]]] = []
    for sensitive in (True, False):
        chosen = [(c, s) for c, s in cues if (sum(ch.isupper() for ch in c) > 1) == sensitive]
        flags = 0 if sensitive else re.IGNORECASE
        pattern = re.compile("|".join(f"({_en_pattern(c)})" for c, _ in chosen), flags)
        groups.append((pattern, {f"g{i}": s for i, (_, s) in enumerate(chosen)}))
    return groups


@lru_cache(maxsize=1)
def _russian() -> PhraseIndex[str]:
    return PhraseIndex(_cues("ru") + _cues("en"))


def find_sectors(text: str, lang: str) -> list[SectorHit]:
    """Sector cues in a text, non-overlapping, longest first.

    >>> [h.sector for h in find_sectors("They discussed agricultural machinery and dairy farms.", "en")]
    ['agricultural_machinery', 'agriculture_food', 'agriculture_food']
    """
    if lang != "en":
        return [SectorHit(m.start, m.end, m.payload) for m in _russian().find(words(text))]
    hits: list[SectorHit] = []
    for pattern, sectors in _english():
        for m in pattern.finditer(text):
            index = (m.lastindex or 1) - 1
            hits.append(SectorHit(m.start(), m.end(), sectors[f"g{index}"]))
    hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
    kept: list[SectorHit] = []
    for hit in hits:
        if not kept or hit.start >= kept[-1].end:
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
