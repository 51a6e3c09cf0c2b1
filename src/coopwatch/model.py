"""The data objects every stage passes along; field names are the spec's JSON keys.

Read this module first: ingest produces `RawDocument`, the pipeline turns it into a
`Document` (cleaned text + sentences with offsets) and then an `Extraction` (facts that
each carry `Evidence` pointing into `Document.text`). The store saves both.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, Field

Lang = Literal["en", "ru", "be"]
Flow = Literal["turnover", "export", "import"]
TradeMeasure = Literal["value", "growth_pct", "share_pct"]
TargetMeasure = Literal["value", "multiplier", "growth_pct"]
Qualifier = Literal["exact", "approx", "over", "under"]


class RawDocument(BaseModel):
    """One input exactly as read, decoded to text or HTML, before any cleaning."""

    origin: str  # where it came from: a path, a URL, or "file.jsonl:12" (line number)
    name: str  # a short id: the file name ("en-001.txt") or the URL's last segment
    text: str | None = None  # decoded plain text (txt, md, a feed item, a JSONL "text")
    html: str | None = None  # decoded HTML when the input is a page
    url: str | None = None
    title: str | None = None
    published: date | None = None  # from metadata (JSONL, feed, HTML meta) when given
    source: str | None = None  # the outlet ("BelTA"), when known
    encoding: str | None = None  # the encoding the bytes were decoded from
    content_hash: str  # sha256 of the decoded content: re-ingesting it is a no-op


class IngestError(BaseModel):
    """An input that could not be read: named, with a one-line reason; the batch goes on."""

    origin: str  # the path, URL, or "file.jsonl:12"
    reason: str  # "empty file", "binary file (PNG)", "HTTP 404", "invalid JSON: ..."


class Sentence(BaseModel):
    """A sentence of `Document.text`; `start`/`end` are character offsets into it."""

    index: int
    start: int
    end: int
    text: str


class Document(BaseModel):
    """A cleaned document: the text every later fact points into."""

    name: str
    origin: str
    url: str | None = None
    title: str | None = None
    source: str | None = None
    content_hash: str
    raw_text: str  # the original text (decoded; for HTML the extracted main text + title)
    text: str  # boilerplate removed; all offsets point here
    lang: Lang
    published: date | None = None
    published_from: str | None = None  # how it was found: metadata, banner, dateline, text
    dateline_place: str | None = None  # "MINSK" from "MINSK, 1 June (BelTA)"
    sentences: list[Sentence] = Field(default_factory=list)

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence that holds character `offset` of `text`."""
        for sentence in self.sentences:
            if sentence.start <= offset < sentence.end:
                return sentence
        return None


class Evidence(BaseModel):
    """Where a fact was read: the sentence, and the characters of `Document.text`."""

    sentence: int  # Sentence.index
    start: int
    end: int


class PartyMention(BaseModel):
    """A country or first-level region named in the text, resolved to its code."""

    code: str  # "BY", "RU", "RU-TUL", "BY-HM"
    start: int
    end: int
    surface: str  # the words as written ("Тульской области")
    sentence: int


class TradeAtom(BaseModel):
    """One number about one flow of trade over one period (spec: Trade atoms)."""

    flow: Flow
    reporter: str
    partner: str
    period: str | None  # "2023" or "2024-01..2024-08"
    measure: TradeMeasure
    value: float
    currency: str | None = None  # ISO 4217, only for measure == "value"
    qualifier: Qualifier = "exact"
    base: str | None = None  # growth against another base than a year earlier
    of: str | None = None  # for share_pct: the whole it is a share of
    evidence: Evidence | None = None


class Target(BaseModel):
    """A plan or goal for trade, kept apart from actual figures (spec: Targets)."""

    flow: Flow
    reporter: str
    partner: str
    measure: TargetMeasure
    value: float | list[float]
    currency: str | None = None
    qualifier: Qualifier = "exact"
    horizon: str | None = None  # "2025", "medium term", "this year"
    evidence: Evidence | None = None


class PersonMention(BaseModel):
    """A person named with a role; `name` in the English press spelling."""

    name: str  # "Dmitry Milyaev"
    key: str | None = None  # one identity across languages ("person:miliaev:d")
    ru: str | None = None  # "Дмитрий Миляев", nominative
    role: str | None = None  # "Governor of Tula Oblast"
    affiliation: str | None = None  # the region code or organization key the role belongs to
    evidence: Evidence | None = None


class OrganizationMention(BaseModel):
    """A company, plant, ministry or other body; `name` is its best-known short name."""

    name: str  # "MAZ"
    key: str | None = None  # registry id, the same across languages ("maz")
    ru: str | None = None  # "МАЗ"
    kind: str | None = None  # company, plant, ministry, chamber, bank, agency, executive_committee
    country: str | None = None  # "BY", "RU"
    evidence: Evidence | None = None


class EventMention(BaseModel):
    """A meeting, visit, forum, exhibition or working-group session."""

    kind: Literal["meeting", "visit", "forum", "exhibition", "working_group", "talks", "other"]
    date: str | None = None  # ISO date or period
    place: str | None = None
    participants: list[str] = Field(default_factory=list)  # people, organizations, delegations
    evidence: Evidence | None = None


class AgreementMention(BaseModel):
    """Agreements signed or planned: how many, of what kind, between whom, when."""

    count: int | None = None
    kind: str | None = None  # agreement, contract, memorandum, roadmap, plan_of_events
    date: str | None = None
    parties: list[str] = Field(default_factory=list)
    subject: str | None = None
    evidence: Evidence | None = None


class ProjectMention(BaseModel):
    """A delivery, joint production, assembly plant or programme, with its status."""

    description: str
    organizations: list[str] = Field(default_factory=list)
    regions: list[str] = Field(default_factory=list)
    sector: str | None = None
    quantity: str | None = None
    status: (
        Literal["proposed", "under_discussion", "agreed", "signed", "in_progress", "delivered"]
        | None
    ) = None
    key: str | None = None  # one project across articles, languages: "project:assembly:maz:RU-VLG"
    title: str | None = None  # a readable name ("MAZ: assembly, Vologda Oblast")
    evidence: Evidence | None = None


class SectorMention(BaseModel):
    """A sector of cooperation (spec list) named in one sentence."""

    sector: str
    evidence: Evidence | None = None


class Extraction(BaseModel):
    """Every fact read from one document; `to_gold()` gives the spec's gold-format dict."""

    doc: str
    lang: Lang
    published: date | None = None
    partners: list[str] = Field(default_factory=list)
    parties: list[PartyMention] = Field(default_factory=list)
    trade: list[TradeAtom] = Field(default_factory=list)
    targets: list[Target] = Field(default_factory=list)
    persons: list[PersonMention] = Field(default_factory=list)
    organizations: list[OrganizationMention] = Field(default_factory=list)
    events: list[EventMention] = Field(default_factory=list)
    agreements: list[AgreementMention] = Field(default_factory=list)
    projects: list[ProjectMention] = Field(default_factory=list)
    sectors: list[SectorMention] = Field(default_factory=list)

    def to_gold(self) -> dict[str, Any]:
        """The document as one line of gold.jsonl: exactly the spec's keys."""
        def atom(item: BaseModel) -> dict[str, Any]:
            return item.model_dump(exclude={"evidence"}, exclude_none=True)

        return {
            "doc": self.doc,
            "lang": self.lang,
            "published": self.published.isoformat() if self.published else None,
            "partners": sorted(set(self.partners)),
            "persons": _unique(
                {"name": p.name, "ru": p.ru, "role": p.role} for p in self.persons
            ),
            "organizations": sorted({o.name for o in self.organizations}),
            "sectors": sorted({s.sector for s in self.sectors}),
            "trade": [atom(a) for a in self.trade],
            "targets": [atom(t) for t in self.targets],
            "agreements": _unique(
                {"count": a.count, "date": a.date} for a in self.agreements if a.count
            ),
        }


def _unique(items: Any) -> list[dict[str, Any]]:
    seen: list[dict[str, Any]] = []
    for item in items:
        if item not in seen:
            seen.append(item)
    return seen
