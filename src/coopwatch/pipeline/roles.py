"""The role next to a person's name: "Governor of Russia's Lipetsk Oblast" before it,
", Minister of Economic Development of Tula region" after it, «председатель Государственного
военно-промышленного комитета» before a Russian name, tied to its region or organization.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from coopwatch import nlp
from coopwatch.model import Document, Extraction
from coopwatch.pipeline.registry import organizations_by_key, region_name_en, role_cues
from coopwatch.pipeline.textmatch import normalize


@dataclass(frozen=True, slots=True)
class Role:
    """A role phrase: offsets, an English title and the region code or organization key."""

    start: int
    end: int
    title: str
    affiliation: str | None


_TOKEN = re.compile(r"[\wŁłšŠ][\w’'.\-]*|[^\w\s]")
_EN_CONNECTORS = frozenset({"of", "the", "to", "and", "for", "in", "on", "at", "’s", "'s"})
_EN_PLACES = frozenset({"region", "oblast", "province", "territory", "republic", "krai", "city",
                        "district", "state", "federation", "regional", "government",
                        "extraordinary",
                        "plenipotentiary", "first", "acting", "executive", "committee"})
_RU_KEEP = frozenset({",", "–", "—", "-", "«", "»", "\"", "“", "”"})
_RU_STOP = frozenset({"который", "что", "как", "о", "об", "на", "за", "к", "от", "у", "из", "до",
                      "а", "но", "это", "этот", "также", "сегодня", "вчера", "он", "она", "они",
                      "журналист", "корреспондент", "фото", "автор", "словам", "слово",
                      # Belarusian (pymorphy3 leaves its words as written)
                      "які", "якая", "што", "аб", "ад", "з", "са", "да", "гэта", "таксама",
                      "сёння", "учора", "ён", "яна", "яны", "словах", "фота", "аўтар"})
_RU_LEFT = frozenset({"первый", "чрезвычайный", "полномочный", "и", "временно", "исполнять",
                      "исполняющий", "обязанность"})
_VERB_POS = frozenset({"VERB", "INFN", "PRTS", "GRND", "ADVB", "CONJ", "PRCL", "INTJ", "NPRO"})
_RU_THROUGH = frozenset({"и"})


_EN_NOT_ALONE = frozenset({"of", "general", "state", "first"})  # in cues, but no role alone


def _en_cue_words() -> set[str]:
    return {w for cue in role_cues("en") for w in cue.split()} - _EN_NOT_ALONE


def _tokens(text: str, offset: int) -> list[tuple[int, int, str]]:
    return [(offset + m.start(), offset + m.end(), m.group()) for m in _TOKEN.finditer(text)]


def _sentence_start(doc: Document, offset: int) -> int:
    sentence = doc.sentence_at(offset)
    return sentence.start if sentence else max(0, offset - 300)


def role_before(doc: Document, found: Extraction, name_start: int,
                name_ends: Sequence[int]) -> Role | None:
    """The role phrase that ends right before a name (not reaching back past another name)."""
    start = max(_sentence_start(doc, name_start), max(
        (end for end in name_ends if end <= name_start), default=0))
    tokens = _tokens(doc.text[start:name_start], start)
    if doc.lang == "en":
        return _en_before(doc, found, tokens, name_start)
    return _ru_before(doc, found, tokens, name_start)


def _en_allowed(word: str, cues: set[str]) -> bool:
    low = word.lower()
    return (word[:1].isupper() or low in cues or low in _EN_CONNECTORS or low in _EN_PLACES
            or low in _EN_NOT_ALONE)


def _en_before(doc: Document, found: Extraction, tokens: list[tuple[int, int, str]],
               name_start: int) -> Role | None:
    cues = _en_cue_words()
    kept: list[tuple[int, int, str]] = []
    for i, token in enumerate(reversed(tokens)):
        word = token[2]
        if word == "," and i == 0:
            continue
        if not word[:1].isalnum() or not _en_allowed(word, cues) or len(kept) >= 14:
            break
        kept.insert(0, token)
    while kept and kept[0][2].lower() in _EN_CONNECTORS:
        kept.pop(0)
    if not any(t[2].lower() in cues for t in kept):
        return None
    start, end = kept[0][0], kept[-1][1]
    title = re.sub(r"\s+", " ", doc.text[start:end]).strip(" ,")
    return Role(start, end, title, _affiliation(found, doc, start, end))


def role_after(doc: Document, found: Extraction, name_end: int) -> Role | None:
    """A role in apposition after a name: "Pavel Tatarenko, Minister of Economy of ..."."""
    m = re.match(r"\s*,\s*(?:the\s+)?", doc.text[name_end:name_end + 4])
    if doc.lang != "en" or not m:
        return None
    begin = name_end + m.end()
    cues = _en_cue_words()
    kept = []
    for token in _tokens(doc.text[begin:begin + 200], begin):
        if not token[2][:1].isalnum() or not _en_allowed(token[2], cues):
            break
        kept.append(token)
    while kept and kept[-1][2].lower() in _EN_CONNECTORS:
        kept.pop()
    if not any(t[2].lower() in cues for t in kept[:3]):
        return None
    start, end = kept[0][0], kept[-1][1]
    return Role(start, end, doc.text[start:end], _affiliation(found, doc, start, end))


def _ru_before(doc: Document, found: Extraction, tokens: list[tuple[int, int, str]],
               name_start: int) -> Role | None:
    kept: list[tuple[int, int, str, str]] = []
    for token in reversed(tokens):
        word = token[2]
        if not word[:1].isalnum():
            if word not in _RU_KEEP:
                break
            kept.insert(0, (*token, word))
            continue
        lemma = normalize(word)
        verb_like = nlp.part_of_speech(word) in _VERB_POS and lemma not in _RU_THROUGH
        if lemma in _RU_STOP or verb_like or word.isdigit() or len(kept) >= 30:
            break
        kept.insert(0, (*token, lemma))
    cues = role_cues("ru") | (role_cues("be") if doc.lang == "be" else {})
    first = next((i for i, t in enumerate(kept) if t[3] in cues), None)
    if first is None:
        return None
    while first > 0 and kept[first - 1][3] in _RU_LEFT:
        first -= 1
    role_tokens = kept[first:]
    start, end = role_tokens[0][0], role_tokens[-1][1]
    titles = [cues[t[3]] for t in role_tokens if t[3] in cues]
    title = titles[0]
    if title in ("Deputy", "Acting", "Co-chair") and len(titles) > 1:
        title = f"{title} {titles[1]}"
    affiliation = _affiliation(found, doc, start, end)
    place = _affiliation_name(affiliation)
    title = f"{title} of {place}" if place else title
    countries = [p.code for p in found.parties if start <= p.start and p.end <= end]
    if title.startswith("Ambassador") and len(set(countries)) > 1:
        title += f" to {region_name_en(countries[-1]) or countries[-1]}"
    return Role(start, end, title, affiliation)


def _affiliation(found: Extraction, doc: Document, start: int, end: int) -> str | None:
    """The organization key or party code named inside a role phrase."""
    from coopwatch.pipeline.organizations import find_registry_organizations

    orgs = find_registry_organizations(doc.text[start:end])
    if orgs:
        return orgs[0].payload[0].key
    inside = [p.code for p in found.parties if start <= p.start and p.end <= end]
    regions = [c for c in inside if "-" in c]
    chosen = regions or inside
    return chosen[0] if chosen else None


def _affiliation_name(affiliation: str | None) -> str | None:
    if affiliation is None:
        return None
    entry = organizations_by_key().get(affiliation)
    return entry.name_en if entry else region_name_en(affiliation)
