"""Meetings, visits, forums and exhibitions; agreements signed; projects and their status.
One mention per sentence, read from the cue lexicon (data/events.tsv), tied to the people,
organizations and regions already found in the same sentence.
"""

from __future__ import annotations

import re

from coopwatch.model import (
    AgreementMention,
    Document,
    EventMention,
    Evidence,
    Extraction,
    ProjectMention,
    Sentence,
)
from coopwatch.pipeline.eventcues import count_before, cues, first_cue, resolve_date
from coopwatch.pipeline.newslist import body_sentences
from coopwatch.pipeline.projects import (
    find_kind,
    main_region,
    project_key,
    project_title,
    sentence_organizations,
)
from coopwatch.pipeline.registry import region_name_en
from coopwatch.pipeline.sectors import find_sectors

_DELEGATION = re.compile(
    r"\b(?:representatives of \d+[\w\s-]{0,40}?(?:enterprises|companies|organizations)|"
    r"(?:[A-Z]\w+\s+)?delegation(?: of [A-Z][\w\s]{0,30}?(?=[,.]| (?:is|was|has|will|visited)))?|"
    r"представител\w* \d+[\w\s-]{0,40}?(?:предприяти\w*|компани\w*|организаци\w*)|"
    r"(?:\w+ская\s+)?делегаци\w*)", re.IGNORECASE)
_QUANTITY = re.compile(r"\b(\d[\d,. ]*)\s+((?:units?|единиц\w*)(?: of [\w-]+)?|"
                       r"[\w-]+\s+(?:[\w-]+\s+)?"
                       r"(?:vehicles|tractors|buses|trolleybuses|trams|machines|elevators|"
                       r"трактор\w*|автобус\w*|троллейбус\w*|машин\w*|лифт\w*|техник\w*)|"
                       r"(?:vehicles|tractors|buses|trolleybuses|trams|machines|elevators|"
                       r"трактор\w*|автобус\w*|троллейбус\w*|машин\w*|лифт\w*))", re.IGNORECASE)


def _evidence(sentence: Sentence, start: int, end: int) -> Evidence:
    return Evidence(sentence=sentence.index, start=start, end=end)


def _in_sentence(found: Extraction, sentence: Sentence) -> tuple[list[str], list[str], list[str]]:
    """Person names, organization names and region codes found inside one sentence."""
    def inside(ev: Evidence | None) -> bool:
        return ev is not None and sentence.start <= ev.start < sentence.end
    people = [p.name for p in found.persons if inside(p.evidence)]
    orgs = [o.name for o in found.organizations if inside(o.evidence)]
    regions = sorted({p.code for p in found.parties
                      if "-" in p.code and sentence.start <= p.start < sentence.end})
    return people, orgs, regions


def tag_events(doc: Document, found: Extraction) -> None:
    """Add one EventMention per sentence naming a meeting, visit, forum, exhibition or session."""
    for sentence in body_sentences(doc):
        cue = first_cue("event", sentence.text, doc.lang)
        if cue is None:
            continue
        kind, m = cue
        people, orgs, _ = _in_sentence(found, sentence)
        delegations = [d.group(0).strip() for d in _DELEGATION.finditer(sentence.text)]
        place = next((region_name_en(p.code) or p.surface for p in found.parties
                      if sentence.start <= p.start < sentence.end
                      and re.search(r"\b(?:in|в|во)\s*$", doc.text[max(0, p.start - 4):p.start])),
                     None)
        found.events.append(EventMention(
            kind=kind,  # type: ignore[arg-type]
            date=resolve_date(sentence.text, doc.published), place=place,
            participants=people + orgs + delegations,
            evidence=_evidence(sentence, sentence.start + m.start(), sentence.start + m.end()),
        ))


def tag_agreements(doc: Document, found: Extraction) -> None:
    """Add agreements signed (not planned): how many, which kind, when, between whom."""
    published = doc.published.isoformat() if doc.published else None
    for sentence in body_sentences(doc):
        text = sentence.text
        signed = first_cue("signed", text, doc.lang)
        if not signed or first_cue("not_done", text, doc.lang):
            continue
        nouns = _agreement_nouns(text, doc.lang)
        if not nouns:
            continue
        kind, m = min(nouns, key=lambda n: abs(n[1].start() - signed[1].start()))
        _, orgs, regions = _in_sentence(found, sentence)
        found.agreements.append(AgreementMention(
            count=_agreement_count(text, m, signed[1].group(0)), kind=kind,
            date=resolve_date(text, doc.published) or published, parties=orgs + regions,
            subject=_subject(text, m.end()),
            evidence=_evidence(sentence, sentence.start + m.start(), sentence.start + m.end()),
        ))


def _agreement_nouns(text: str, lang: str) -> list[tuple[str, re.Match[str]]]:
    """Every agreement noun of a sentence with its kind."""
    lang = "en" if lang == "en" else "ru"
    return [(value, m) for value, cue_lang, pattern in cues()["agreement"] if cue_lang == lang
            for m in pattern.finditer(text)]


_UNCOUNTED = re.compile(r"\b(?:a number of|several|ряд\w*|несколько)\s+(?:\w+\s+)?$", re.I)
_PLURAL_VERB = re.compile(r"^(?:подписаны|заключены|подписали|заключили)$|were|have", re.I)


def _agreement_count(text: str, m: re.Match[str], verb: str) -> int | None:
    """A number before the noun; one for a singular; none for "a number of" or a bare plural.

    >>> import re
    >>> text = "11 agreements were signed"
    >>> _agreement_count(text, re.search("agreements", text), "signed")
    11
    """
    number = count_before(text, m.start())
    if number is not None:
        return number
    if _UNCOUNTED.search(text[:m.start()]):
        return None
    word = m.group(0).lower()
    if re.search(r"[а-яё]", word):
        around = text[max(0, m.start() - 30):m.end() + 30]
        plural = any(_PLURAL_VERB.match(w) for w in [verb, *re.findall(r"[а-яё]+", around, re.I)])
    else:
        plural = word.endswith("s") or bool(re.search(r"\b(?:were|have been)\b", text, re.I))
    return None if plural else 1


def _subject(text: str, end: int) -> str | None:
    m = re.match(r"\s+(?:on|о|об|в сфере|in the field of)\s+([^.;,]{3,80})", text[end:])
    return m.group(1).strip() if m else None


def tag_projects(doc: Document, found: Extraction) -> None:
    """Add one ProjectMention per sentence naming a project, delivery or joint production,
    keyed by what, who and where (pipeline/projects.py) so later articles extend its history."""
    for sentence in body_sentences(doc):
        status = first_cue("status", sentence.text, doc.lang)
        kind = find_kind(sentence.text, doc.lang)
        cue = first_cue("project", sentence.text, doc.lang) or (kind if status else None)
        if cue is None:
            continue
        _, orgs, regions = _in_sentence(found, sentence)
        named = sentence_organizations(found, sentence)
        sectors = find_sectors(sentence.text, doc.lang)
        sector = sectors[0].sector if sectors else None
        region = main_region(doc, found, sentence)
        what = kind[0] if kind else None
        quantity = _QUANTITY.search(sentence.text)
        found.projects.append(ProjectMention(
            description=sentence.text.strip()[:300],
            organizations=list(dict.fromkeys(orgs + [o.name for o in named])), regions=regions,
            sector=sector, quantity=quantity.group(0) if quantity else None,
            status=status[0] if status else None,  # type: ignore[arg-type]
            key=project_key(what, named, region, sector),
            title=project_title(what, named, region, sector),
            evidence=_evidence(sentence, sentence.start + cue[1].start(),
                               sentence.start + cue[1].end()),
        ))
