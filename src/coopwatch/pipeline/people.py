"""People named with a role, one identity across languages (Миляев = Milyaev = Miliaev).

A name is a first name (first_names.txt) and a capitalised surname, or a known official
(persons.tsv). It counts when a role word (roles.tsv) stands next to it: before it
("Governor of Tula Oblast Dmitry Milyaev", «губернатора Липецкой области Игоря Артамонова»)
or after a comma ("Pavel Tatarenko, Minister of ..."); a known official counts when named in
full. Russian names come from natasha's PER spans in the nominative («Борисом Грызловым» ->
Борис Грызлов). Bylines and photo credits have no role next to them, so they are left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from coopwatch import nlp
from coopwatch.model import Document, Evidence, Extraction, PersonMention
from coopwatch.pipeline import roles
from coopwatch.pipeline.orgfinders import ner_spans
from coopwatch.pipeline.registry import PersonEntry, first_names, persons_by_surname
from coopwatch.pipeline.translit import fold, person_key, to_latin


@dataclass(frozen=True, slots=True)
class NameHit:
    """A person's name in the text: offsets, first name (may be empty), surname, Russian form."""

    start: int
    end: int
    first: str
    surname: str
    ru: str | None
    loose: bool = False  # first name not in first_names.txt: counts only with a role next to it


_EN_NAME = re.compile(r"(?=\b([A-ZŁ][a-zł]+)\s+([A-ZŁ][\w’'\-]*[a-zš])\b)")
_SHORT = re.compile(
    r"\b(?:Mr|Mrs|Ms|President|Governor)\.?\s+"
    r"([A-ZŁ][a-zšł]+(?:ov|ev|yov|in|ko|ka|ich|ik|sky|skiy|iy|uk|yuk|ets|ova|eva|ina|ya))\b"
)


# a surname shape that lets a first name missing from first_names.txt through ("Batu Khasikov")
_SURNAME_SHAPE = re.compile(r"[A-Z][a-z]+(?:ov|ev|yov|in|ko|ich|sky|skiy|uk|yuk|ets|ova|eva|ina)")
_NOT_SURNAMES = frozenset({"Oblast", "Region", "Krai", "Territory", "Republic", "Province",
                           "District", "Plant", "Works", "Street", "Avenue", "Square"})


def _english_names(doc: Document, found: Extraction) -> list[NameHit]:
    regions = [(p.start, p.end) for p in found.parties]
    hits: list[NameHit] = []
    for m in _EN_NAME.finditer(doc.text):
        if hits and m.start(1) < hits[-1].end or m.group(2) in _NOT_SURNAMES:
            continue
        if any(s < m.end(2) and m.start(1) < e for s, e in regions):
            continue
        if fold(m.group(1)) in first_names() or _known(m.group(1), m.group(2)):
            hits.append(NameHit(m.start(1), m.end(2), m.group(1), m.group(2), None))
        elif _SURNAME_SHAPE.fullmatch(m.group(2)):
            hits.append(NameHit(m.start(1), m.end(2), m.group(1), m.group(2), None, True))
    for m in _SHORT.finditer(doc.text):  # "President Putin" beats a loose pair
        hits = [h for h in hits if not (h.loose and h.start <= m.start(1) < h.end)]
        if not any(h.start <= m.start(1) < h.end for h in hits):
            hits.append(NameHit(m.start(1), m.end(1), "", m.group(1), None))
    return sorted(hits, key=lambda h: h.start)


def _russian_names(doc: Document) -> list[NameHit]:
    hits: list[NameHit] = []
    for span in ner_spans(doc.text):
        if span.type != "PER" or not span.text[:1].isupper():
            continue
        parts = (span.normal or span.text).split()
        if len(parts) >= 2 and fold(parts[0]) in first_names():
            written = span.text.split()
            if len(written) == len(parts):
                parts[-1] = nominative_surname(written[0], parts[0], written[-1], parts[-1])
            ru = f"{parts[0]} {parts[-1]}"
            hits.append(NameHit(span.start, span.stop, parts[0], parts[-1], ru))
        elif len(parts) == 2 and all(part[:1].isupper() for part in span.text.split()):
            ru = " ".join(parts)  # an uncommon first name («Бату Хасиков»): needs a role
            hits.append(NameHit(span.start, span.stop, parts[0], parts[-1], ru, True))
        elif len(parts) == 1 and fold(parts[0]) not in first_names() and len(parts[0]) > 3:
            hits.append(NameHit(span.start, span.stop, "", parts[0], None))
    return hits


def nominative_surname(first: str, first_normal: str, surname: str, normal: str) -> str:
    """The surname in the nominative where natasha left it as written but moved the first name.

    «Владиславом Шапшой» comes back as «Владислав Шапшой»: the surname is put in the
    nominative by pymorphy3 from a reading in the first name's case (and, for a Surn reading,
    its gender).

    >>> nominative_surname("Владиславом", "Владислав", "Шапшой", "Шапшой")
    'Шапша'
    >>> nominative_surname("Львом", "Лев", "Толстым", "Толстой")
    'Толстой'
    """
    if normal != surname or first == first_normal:
        return normal
    morph = nlp._morph()
    name = next((p for p in morph.parse(first.lower()) if "Name" in p.tag
                 and p.normal_form == first_normal.lower()), None)
    if name is None or name.tag.case == "nomn":
        return normal
    for parsed in morph.parse(surname.lower()):
        tag = parsed.tag
        if tag.POS != "NOUN" or tag.case != name.tag.case or tag.number == "plur":
            continue
        if "Surn" in tag and tag.gender != name.tag.gender:
            continue
        form = parsed.inflect({"nomn", name.tag.gender}) if "Surn" in tag else None
        word = str(form.word) if form else str(parsed.normal_form)
        return word[:1].upper() + word[1:]
    return normal


_BE_NAME = re.compile(  # a lookahead, so "Расіі Аляксандр Рогаў" still finds the pair
    r"(?<![\w-])(?=([А-ЯЁІЎ][а-яёіў]+)\s+([А-ЯЁІЎ][а-яёіў’'ʼ]+(?:-[А-ЯЁІЎ][а-яёіў]+)?))")


def _belarusian_names(doc: Document, found: Extraction) -> list[NameHit]:
    """«Дзмітрый Мілюеў»: a known first name and a capitalised word (natasha reads Russian only;
    pymorphy3 has no Belarusian, so the pair is kept as written)."""
    regions = [(p.start, p.end) for p in found.parties]
    hits: list[NameHit] = []
    for m in _BE_NAME.finditer(doc.text):
        if hits and m.start(1) < hits[-1].end or fold(m.group(1)) not in first_names() or any(
                s < m.end(2) and m.start(1) < e for s, e in regions):
            continue
        first, surname = m.group(1), m.group(2)
        hits.append(NameHit(m.start(1), m.end(2), first, surname, f"{first} {surname}"))
    return hits


def _known(first: str, surname: str) -> PersonEntry | None:
    """The registry person with this surname (and first initial when given)."""
    for person in persons_by_surname().get(fold(surname), []):
        names = (person.name_en, person.name_ru, *person.aliases)
        if not first or any(fold(n.split()[0])[:1] == fold(first)[:1] for n in names if " " in n):
            return person
    return None


@dataclass
class _Person:
    key: str
    hit: NameHit
    role: roles.Role | None
    known: PersonEntry | None


def tag_people(doc: Document, found: Extraction) -> None:
    """Add one PersonMention per person named with a role (or a known official named in full)."""
    hits = (_english_names(doc, found) if doc.lang == "en"
            else _belarusian_names(doc, found) if doc.lang == "be" else _russian_names(doc))
    ends = [h.end for h in hits]
    people: dict[str, _Person] = {}
    by_surname: dict[str, str] = {}
    for hit in hits:
        known = _known(hit.first, hit.surname)
        surname_key = fold(known.name_en.split()[-1]) if known else fold(hit.surname)
        key = by_surname.get(surname_key) if not hit.first else None
        key = key or person_key(known.name_en.split()[-1] if known else hit.surname,
                                (known.name_en.split()[0] if known else hit.first) or None)
        by_surname.setdefault(surname_key, key)
        role = (roles.role_before(doc, found, hit.start, ends)
                or roles.role_after(doc, found, hit.end))
        if hit.loose and role is None:
            continue
        person = people.get(key)
        if person is None:
            people[key] = _Person(key, hit, role, known)
        elif person.role is None and role is not None:
            person.role, person.hit = role, hit
        elif not person.hit.first and hit.first:
            person.hit = hit
    for person in people.values():
        mention = _mention(doc, person)
        if mention:
            found.persons.append(mention)


def _mention(doc: Document, person: _Person) -> PersonMention | None:
    """The person as reported: registry spelling where known, else a transliteration."""
    hit, known, role = person.hit, person.known, person.role
    if role is None and (known is None or not hit.first):
        return None
    if known:
        name, ru = known.name_en, known.name_ru
    elif hit.ru:
        name, ru = to_latin(hit.ru), hit.ru
    else:
        name, ru = f"{hit.first} {hit.surname}".strip(), None
    sentence = doc.sentence_at(hit.start)
    return PersonMention(
        name=name, key=person.key, ru=ru,
        role=role.title if role else (known.role_en if known else None),
        affiliation=(role.affiliation if role and role.affiliation
                     else (known.affiliation if known else None)),
        evidence=Evidence(sentence=sentence.index if sentence else -1,
                          start=role.start if role else hit.start, end=hit.end),
    )
