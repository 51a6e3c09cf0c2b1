"""Organizations that are not in the registry, found by the shape of their names.

English: capitalised names ending in an organization word ("Tula Export Support Center",
"Minsk Motor Plant"), a place and a lower-case plant ("Lipetsk tractor plant"), a name next to
"company"/"holding" ("holding company Raritek"), legal forms ("NPO Militekh"), quoted names.
Russian: legal forms and quoted names («Кидма тек», «Белкард») unless the words before say it
is an exhibition, a programme, a newspaper, a product brand or a club; a quoted name with no
organization word or legal form must look like a name and stand in a sentence (not in a
headline line or quoted speech); natasha ORG spans holding an organization word. Nothing is
taken from the headline lists around the article (`newslist`) or menu lines.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from coopwatch import nlp
from coopwatch.model import Document, PartyMention
from coopwatch.pipeline.newslist import body_bounds
from coopwatch.pipeline.orgnames import (
    ABBREVIATION_AFTER,
    abbreviates,
    nominative_name,
    nominative_quoted,
)
from coopwatch.pipeline.registry import first_names, region_name_en
from coopwatch.pipeline.textmatch import normalize
from coopwatch.pipeline.translit import fold


@dataclass(frozen=True, slots=True)
class OrgHit:
    """An unknown organization: its offsets, cleaned name and a guessed kind."""

    start: int
    end: int
    name: str
    kind: str


_HEADS = {
    "Plant": "plant", "Works": "plant", "Factory": "plant", "Mill": "plant", "Combine": "plant",
    "Center": "agency", "Centre": "agency", "Park": "park", "Complex": "company",
    "Holding": "holding", "Company": "company", "Bank": "bank", "Institute": "institute",
    "University": "institute", "Academy": "academy", "Corporation": "corporation",
    "Concern": "concern", "Association": "association", "Agency": "agency",
    "Chamber of Commerce and Industry": "chamber", "Ministry": "ministry",
}
_CAP = r"(?:[A-Z][\w.’'\-]*|N\.N\.)"
_HEAD_RE = "|".join(sorted(_HEADS, key=len, reverse=True))
EN_NAMED = re.compile(rf"\b((?:{_CAP}\s+(?:(?:of|and|for)\s+)?){{1,6}})({_HEAD_RE})\b")
EN_CHAMBER_OF = re.compile(
    r"\bChamber of Commerce and Industry of (?:the\s+)?([A-Z][\w\-]+)"
    r"(?:\s+(?:Oblast|Region|Krai|Territory|Republic))?"
)
EN_MINISTRY = re.compile(r"\bMinistry of ((?:[A-Z]\w+)(?:\s+(?:and\s+)?[A-Z]\w+)*)")
_REGIONAL_TAIL = re.compile(r"\s+of\s+(the\s+)?\w+\s+(Oblast|Region|region|Krai|Territory)")
EN_PLACE_PLANT = re.compile(r"\b([A-Z][a-z]+)\s+((?:[a-z]+\s+){0,2}?)(plant|works|factory)\b")
EN_AFTER_WORD = re.compile(
    r"\b(?:holding company|company|holding|manufacturer|concern|corporation|steel mill|enterprise)"
    r"\s+[“\"«]?([A-Z][A-Za-z\-]{3,}(?:\s[A-Z][A-Za-z\-]+)?)[”\"»]?"
)
EN_BEFORE_WORD = re.compile(
    r"\b([A-Z][a-z]+[A-Za-z\-]{3,})\s+(?:holding company|holding|company|concern)\b"
)
EN_LEGAL = re.compile(
    r"\b(NPO|OAO|OJSC|JSC|CJSC|LLC|PJSC)\s+[“\"«]?([A-Z][\w\-]+(?:\s[A-Z][\w\-]+)?)[”\"»]?"
)
_LEADING = re.compile(
    r"^(?:(?:The|A|An|Our|This|That|Its|Their|Belarusian|Belarus[’']?|Russian|Russia[’']s|"
    r"Joint|New|Both|All|Two|Other)\s+)+"
)
_NOT_NAMES = frozenset({
    "The", "This", "That", "Union", "State", "President", "Governor", "Minister", "Prime",
    "Belarus", "Russia", "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December", "Also", "However",
})

RU_LEGAL = r"(?:ОАО|ООО|ЗАО|АО|ПАО|НПО|НПП|ОДО|СООО|ИООО|УП|РУП|ЧУП|ГП|ФГУП|ОсОО|СП)"
RU_QUOTED = re.compile(rf"(?:({RU_LEGAL})\s+)?[«„\"“]([А-ЯЁA-Z][^»“”\"«\n]{{1,40}}?)[»“”\"]")
_RU_ORG_WORDS = frozenset({
    "завод", "предприятие", "компания", "холдинг", "концерн", "комбинат", "фабрика", "банк",
    "объединение", "корпорация", "агрохолдинг", "производитель", "фирма", "общество",
    "палата", "университет", "институт", "академия", "центр", "организация", "министерство",
})
# quoted speech: «...» after a colon or a verb of saying
SPEECH_BEFORE = re.compile(
    r"(?::|\b(?:сказал\w*|заявил\w*|отметил\w*|подчеркнул\w*|говорит|считает)\s*[,:]?)\s*$")
HEADLINE_WORDS = 12  # a line this short with no sentence mark is a title or a headline
SENTENCE_MARK = re.compile(r"[.!?…:;]\s*$")
_RU_NOT_ORG_WORDS = frozenset({
    "трактор", "автомобиль", "грузовик", "автобус", "машина", "техника", "бренд",
    "клуб", "команда", "футбольный", "хоккейный", "матч", "болельщик", "игрок", "стадион",
    "интервью", "колонка", "заголовок", "статья", "материал", "спецпроект",
    "выставка", "форум", "ярмарка", "фестиваль", "ансамбль", "программа", "проект", "газета",
    "журнал", "канал", "телеграм-канал", "конкурс", "премия", "операция", "акция", "слет",
    "движение", "партия", "экспо", "праздник", "день", "марафон", "фильм", "песня", "книга",
    "передача", "сайт", "портал", "агентство", "издание", "спектакль", "турнир", "саммит",
    "конференция", "сессия", "мероприятие", "лагерь", "смена", "кампания", "сериал", "рубрика",
    "девиз", "лозунг", "слоган", "акт", "закон", "указ", "соглашение", "фонд", "корабль",
    "самолет", "марка", "модель", "сорт", "порода", "комплекс", "парк", "улица", "проспект",
})


def _overlaps_party(start: int, end: int, parties: list[PartyMention], whole: bool) -> bool:
    for p in parties:
        if whole and p.start <= start and end <= p.end:
            return True
        if not whole and p.start < end and start < p.end:
            return True
    return False


def _clean_en(name: str) -> str:
    name = _LEADING.sub("", name.strip())
    return re.sub(r"[’']s$", "", name).strip()


def _english(doc: Document, parties: list[PartyMention]) -> Iterator[OrgHit]:
    text = doc.text
    for m in EN_NAMED.finditer(text):
        for start, end in _split_pairs(m.start(), m.end(), text):
            name = _clean_en(text[start:end])
            if len(name.split()) >= 2 and name.split()[0] not in _NOT_NAMES:
                if not (_HEADS[m.group(2)] == "ministry" and "Ministry" not in name.split()[0]):
                    yield OrgHit(end - len(name), end, name, _HEADS[m.group(2)])
    for m in EN_CHAMBER_OF.finditer(text):
        name = f"{m.group(1)} Chamber of Commerce and Industry"
        yield OrgHit(m.start(), m.end(), name, "chamber")
    for m in EN_MINISTRY.finditer(text):
        if not _REGIONAL_TAIL.match(text[m.end():]):
            owner = ministry_owner(text, m.start(), m.end(), parties)
            name = f"{m.group(0)} of {owner}" if owner else m.group(0)
            yield OrgHit(m.start(), m.end(), name, "ministry")
    for m in EN_PLACE_PLANT.finditer(text):
        regional = [p for p in parties if "-" in p.code]
        if _overlaps_party(m.start(1), m.end(1), regional, whole=True):
            name = f"{m.group(1)} {m.group(2).title()}{m.group(3).title()}"
            yield OrgHit(m.start(), m.end(), re.sub(r"\s+", " ", name), "plant")
    for pattern, kind in ((EN_AFTER_WORD, "company"), (EN_BEFORE_WORD, "company")):
        for m in pattern.finditer(text):
            yield from _single_name(m.start(1), m.end(1), m.group(1), kind, parties)
    for m in EN_LEGAL.finditer(text):
        name = m.group(2) if m.group(1) not in ("NPO",) else f"NPO {m.group(2)}"
        yield OrgHit(m.start(), m.end(), name, "company")


EN_OWNER_BEFORE = re.compile(
    r"\b(Belarusian|Belarus[’']s?|Russian|Russia[’']s|regional|region[’']s|oblast[’']s|"
    r"republic[’']s|krai[’']s)\s+$", re.IGNORECASE)
EN_OWNER_AFTER = re.compile(
    r"\s+of\s+(?:the\s+)?(Republic\s+of\s+Belarus|Belarus|Russian\s+Federation|Russia)\b")


def main_region(parties: list[PartyMention]) -> str | None:
    """The Russian region a document names most (whose "regional ministry" it means)."""
    counts: dict[str, int] = {}
    for party in parties:
        if party.code.startswith("RU-"):
            counts[party.code] = counts.get(party.code, 0) + 1
    return max(sorted(counts), key=lambda code: counts[code]) if counts else None


def ministry_owner(text: str, start: int, end: int, parties: list[PartyMention]) -> str | None:
    """Whose ministry: "the Belarusian Ministry of ..." -> Belarus, "the regional Ministry of
    ..." -> the document's region, "... of the Russian Federation" -> Russia.

    >>> text = "the Belarusian Ministry of Foreign Affairs said"
    >>> ministry_owner(text, 15, 42, [])
    'Belarus'
    """
    before = EN_OWNER_BEFORE.search(text[max(0, start - 30):start])
    after = EN_OWNER_AFTER.match(text, end)
    word = (before.group(1) if before else after.group(1) if after else "").lower()
    if word.startswith("belarus") or word.endswith("belarus"):
        return "Belarus"
    if word.startswith("russia"):
        return "Russia"
    if word:
        return region_name_en(main_region(parties) or "")
    return None


def _split_pairs(start: int, end: int, text: str) -> list[tuple[int, int]]:
    """'X University and Y University' is two names: split at 'and' after an organization word."""
    heads = "|".join(sorted(_HEADS, key=len, reverse=True))
    m = re.search(rf"\b(?:{heads})\s+and\s+", text[start:end])
    if m is None:
        return [(start, end)]
    return [(start, start + m.end() - len(m.group(0).split()[-1]) - 2), (start + m.end(), end)]


def _single_name(start: int, end: int, name: str, kind: str,
                 parties: list[PartyMention]) -> Iterator[OrgHit]:
    """A one-word name next to 'company': not a place, a first name or a common word."""
    first = name.split()[0]
    if first in _NOT_NAMES or fold(first) in first_names():
        return
    if _overlaps_party(start, end, parties, whole=False):
        return
    yield OrgHit(start, end, name, kind)


def _russian(doc: Document, parties: list[PartyMention]) -> Iterator[OrgHit]:
    text = doc.text
    for m in RU_QUOTED.finditer(text):
        name = m.group(2).strip()
        if not _plausible_ru_name(name):
            continue
        window = text[max(0, m.start() - 60):m.start()]
        before = [normalize(w) for w in re.findall(r"[\w\-]+", window)][-3:]
        if m.group(1) or any(w in _RU_ORG_WORDS for w in before):
            yield OrgHit(m.start(), m.end(), _legal_name(m.group(1), _nominative(name)), "company")
        elif _bare_name_ok(text, m, name) and not any(w in _RU_NOT_ORG_WORDS for w in before):
            yield OrgHit(m.start(), m.end(), nominative_quoted(_nominative(name)), "company")
    for span in _ner(text):
        if span.type != "ORG" or not span.text[:1].isupper() or "«" in span.text:
            continue
        norms = [normalize(w) for w in span.text.split()]
        if len(norms) >= 2 and any(n in _RU_ORG_WORDS for n in norms):
            yield OrgHit(span.start, span.stop, _ner_name(text, span), "company")


def _headline_line(text: str, offset: int) -> bool:
    """A short line standing alone with no sentence mark (not a hard-wrapped sentence's part).

    >>> _headline_line("Intro.\\nНовости «Динамо» сегодня\\nNext line.", 12)
    True
    >>> _headline_line("Экспортирует валы гродненский «Белкард»,\\nа также генераторы.", 30)
    False
    """
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    end = len(text) if end < 0 else end
    line = text[start:end]
    if (len(line.split()) > HEADLINE_WORDS or SENTENCE_MARK.search(line)
            or line.rstrip().endswith(",")):
        return False
    before = text[:start].rstrip("\n").rsplit("\n", 1)[-1].strip()
    after = text[end:].lstrip("\n").split("\n", 1)[0].strip()
    return (not before or bool(SENTENCE_MARK.search(before))) and not after[:1].islower()


def _bare_name_ok(text: str, m: re.Match[str], name: str) -> bool:
    """A quoted name with no organization word or legal form next to it: a company only when
    it looks like a name (no lower-case words: «Мы вместе» is a headline), stands in a
    sentence (not a short headline line) and is not in quoted speech."""
    if any(w[:1].islower() for w in name.split()[1:]):
        return False
    if _headline_line(text, m.start()):
        return False
    if SPEECH_BEFORE.search(text[max(0, m.start() - 40):m.start()]):
        return False
    return text[:m.start()].count("«") - text[:m.start()].count("»") <= 0


def _ner_name(text: str, span: _Span) -> str:
    """A short name for a natasha ORG span: its abbreviation in brackets when it has one
    ("... общество (ВАСО)"), else its words up to the organization word in the nominative."""
    inner = re.search(r"\(([^()]+)\)\s*$", span.text)
    after = ABBREVIATION_AFTER.match(text, span.stop)
    abbreviation = after.group(1) if after else inner.group(1) if inner else None
    words = re.sub(r"\s*\(.*?\)\s*", " ", span.text).strip()
    if (abbreviation and ABBREVIATION_AFTER.fullmatch(f"({abbreviation})")
            and abbreviates(abbreviation, words)):
        return abbreviation
    return nominative_name(words, _RU_ORG_WORDS)


def _nominative(name: str) -> str:
    """A one-word quoted name in the nominative: «Строммашины» -> Строммашина.

    >>> _nominative("Нижнекамскнефтехимом"), _nominative("Алабуги"), _nominative("Белкард")
    ('Нижнекамскнефтехим', 'Алабуга', 'Белкард')
    """
    if not re.fullmatch(r"[А-ЯЁ][а-яё\-]{4,}", name):
        return name
    for ending, replacement in (("ом", ""), ("ем", ""), ("ой", "а"), ("ей", "я"), ("ы", "а"),
                                ("и", "а")):
        if name.endswith(ending):
            return name[: -len(ending)] + replacement
    return name


def _plausible_ru_name(name: str) -> bool:
    """A short capitalised name, not a quoted sentence."""
    return len(name.split()) <= 4 and not re.search(r"[.!?,:;]\s", name) and not name.endswith(".")


def _legal_name(form: str | None, name: str) -> str:
    return f"{form} {name}" if form in ("НПО", "НПП") else name


@dataclass(frozen=True, slots=True)
class _Span:
    start: int
    stop: int
    type: str
    text: str
    normal: str | None


@lru_cache(maxsize=8)
def _ner(text: str) -> tuple[_Span, ...]:
    """natasha NER once per Russian text (the costly step), shared by the stages of a document."""
    return tuple(_Span(s.start, s.end, s.type, s.text, s.normal) for s in nlp.named_entities(text))


def ner_spans(text: str) -> tuple[_Span, ...]:
    """The cached NER spans of a Russian text (people and organizations use the same run)."""
    return _ner(text)


MENU_SEPARATORS = re.compile(r"\s[|›»/·•>]\s")


def is_menu_line(line: str) -> bool:
    """A navigation line: short items between separators ("Home | News | Ministry of ...").

    >>> is_menu_line("Главная / Новости / Экономика"), is_menu_line("MAZ / BelAZ trucks sell")
    (True, False)
    """
    items = MENU_SEPARATORS.split(line.strip())
    return len(items) >= 3 and all(len(item.split()) <= 4 for item in items)


def _line_at(text: str, offset: int) -> str:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return text[start:end if end >= 0 else len(text)]


def _abbreviated(text: str, hit: OrgHit) -> OrgHit:
    """A long name followed by its abbreviation in brackets is known by the abbreviation."""
    after = ABBREVIATION_AFTER.match(text, hit.end)
    if after and len(hit.name.split()) >= 2 and abbreviates(after.group(1), hit.name):
        return OrgHit(hit.start, after.end(), after.group(1), hit.kind)
    return hit


def find_unknown(doc: Document, parties: list[PartyMention]) -> list[OrgHit]:
    """Unknown organizations of a document, in text order, none from a menu line."""
    finder = _english if doc.lang == "en" else _russian
    start, end = body_bounds(doc.text)
    hits = [_abbreviated(doc.text, hit) for hit in finder(doc, parties)
            if start <= hit.start < end and not is_menu_line(_line_at(doc.text, hit.start))]
    return sorted(hits, key=lambda h: (h.start, -(h.end - h.start)))
