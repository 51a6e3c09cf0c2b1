"""Choose the document's partner regions from the party mentions found earlier.

A partner is a region (not a country) named as taking part in the cooperation the piece is
about. The cascade, with cue words from `data/partner_cues.tsv`:

1. Drop mentions that cannot be a partner: countries, datelines ("MINSK, 1 June"), anything
   after a "Recent news"/«Читайте также» line, a city named as an office's seat («отделение
   посольства в Смоленске»), a comparison or birthplace cue just before ("as large as Grodno
   Oblast", "a native of Omsk"), and the capitals
   Minsk and Moscow unless the words say the city itself ("Minsk City", «мэр Москвы») or list
   them with other regions, since they usually stand for the two governments.
2. Lead: the page title (when the text does not repeat it) and the first two sentences with
   words, unless such a sentence names more than three regions (a menu or a list).
3. The main region: most lead mentions, then most mentions in cooperation sentences, then most
   mentions. It is a partner when named in the lead or with a cooperation cue. A region named
   only as the place of an event ("the forum in Ufa") cannot be the main region.
4. Another region is a partner when it is named in the lead, or listed with other regions as
   partners ("the leading partners are Moscow, Tula and Kaluga"), or named at least twice with
   a cooperation cue, or named in one sentence with a partner of the other side ("talks
   between Bryansk and Mogilev Oblasts"), or coordinated with a partner ("with the
   Vitebsk and Mogilev Oblasts"). Coordinated names before one plural noun («Минская и
   Московская области») are each read as the oblast; a region named only as a border
   ("bordering", «граничит с») is not a partner. A region named as the next stop of a
   visit or the place of planned talks ("will then travel to Grodno Oblast", «следующее
   заседание пройдет в Гомеле») is a partner.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from coopwatch.model import Document, Extraction, PartyMention
from coopwatch.pipeline.parties import COORDINATION, WORDS, find_parties, fold, name_kind

COUNTRY_CAPITALS = frozenset({"BY-HM", "RU-MOW"})
LEAD_SENTENCES = 2
LEAD_MIN_WORDS = 3  # a "date 2024-01-17" line or a bare dateline is not a lead sentence
OFFICE_WINDOW = 8  # words before a city where an office word makes it the office's seat

MAX_LEAD_REGIONS = 3  # a lead "sentence" naming more regions is a menu or a list, not a subject
PLACE_PREPOSITIONS = frozenset({"in", "to", "from", "в", "во", "из", "на", "у"})
NEGATIVE_WINDOW = 4
PLAN_WINDOW = 10  # "the next meeting will be held in": a planned stop names a partner
CLAUSE_BREAK = re.compile(r"[,;:()\[\]«»\"“”—–.!?\n]")


@lru_cache(maxsize=1)
def load_cues() -> dict[str, re.Pattern[str]]:
    """The cue stems of data/partner_cues.tsv, one regex per kind over space-joined words."""
    text = resources.files("coopwatch.data").joinpath("partner_cues.tsv").read_text("utf-8")
    stems: dict[str, list[str]] = defaultdict(list)
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, _lang, names = line.split("\t")[:3]
        stems[kind].extend(_stem_pattern(stem) for stem in names.split("|") if stem.strip())
    return {kind: re.compile(r"(?<!\S)(?:" + "|".join(parts) + ")")
            for kind, parts in stems.items()}


def _stem_pattern(stem: str) -> str:
    """'дорожн карт' -> words starting so, in a row; 'met$' -> the whole word; '*' any word."""
    words = []
    for word in fold(stem.strip()).split():
        if word == "*":
            words.append("\\S+")
            continue
        whole = word.endswith("$")
        words.append(re.escape(word.rstrip("$")) + ("(?!\\S)" if whole else "\\S*"))
    return " ".join(words)


def has_cue(words: list[str], kind: str) -> bool:
    """True when the folded `words` contain a cue of `kind` (see partner_cues.tsv).

    >>> has_cue(["торговое", "сотрудничество"], "coop"), has_cue(["the", "weather"], "coop")
    (True, False)
    """
    pattern = load_cues().get(kind)
    return bool(pattern and pattern.search(" ".join(words)))


@dataclass
class SentenceView:
    """A sentence's words (folded) with their offsets, made once per sentence."""

    start: int
    text: str
    spans: list[tuple[int, int]] = field(init=False)
    words: list[str] = field(init=False)

    def __post_init__(self) -> None:
        found = list(WORDS.finditer(self.text))
        self.spans = [(self.start + m.start(), self.start + m.end()) for m in found]
        self.words = [fold(m.group()) for m in found]

    def words_before(self, offset: int, window: int) -> list[str]:
        """The folded words up to `window` before a character offset of the document."""
        index = bisect.bisect_right([end for _, end in self.spans], offset)
        return self.words[max(0, index - window):index]

    def word_after(self, offset: int) -> str:
        """The folded word right after a character offset of the document ('' at the end)."""
        index = bisect.bisect_left([start for start, _ in self.spans], offset)
        return self.words[index] if index < len(self.words) else ""


@dataclass
class RegionScore:
    """What the usable mentions of one region add up to."""

    lead: int = 0
    coop: int = 0
    count: int = 0
    listed: int = 0  # mentions in a sentence that lists two or more regions as partners
    peers: set[str] = field(default_factory=set)  # coordinated with it: "Vitebsk and Mogilev"
    venue: int = 0  # mentions of its capital as a place only: "talks in Kazan"
    planned: int = 0  # named as the next stop or place of planned talks ("will then travel to")
    sentences: set[int] = field(default_factory=set)

    def only_venue(self) -> bool:
        """Named only as the place of an event ("talks in Kazan"), never as a party."""
        return 0 < self.count == self.venue

    def rank(self) -> tuple[int, int, int]:
        """Ordering for the main region: lead, then cooperation, then plain mentions."""
        return (self.lead, self.coop, self.count)


def side(code: str) -> str:
    """The country a region belongs to ('RU-TUL' -> 'RU').

    >>> side("BY-HR")
    'BY'
    """
    return code.split("-", 1)[0]


def tail_start(doc: Document) -> int:
    """Where an appended "Recent news"/«Читайте также» section begins (len(text) if none)."""
    position = 0
    for line in doc.text.splitlines(keepends=True):
        words = [fold(w) for w in WORDS.findall(line)] if len(line) < 80 else []
        if position > 0 and 0 < len(words) <= 6 and has_cue(words[:3], "tail"):
            return position
        position += len(line)
    return len(doc.text)


def lead_sentences(doc: Document) -> set[int]:
    """The first sentences that have real words: a title and a first sentence, usually."""
    lead: list[int] = []
    for sentence in doc.sentences:
        if sum(1 for w in WORDS.findall(sentence.text) if w.isalpha()) >= LEAD_MIN_WORDS:
            lead.append(sentence.index)
        if len(lead) == LEAD_SENTENCES:
            break
    return set(lead)


class MentionJudge:
    """Decides, mention by mention, whether it can speak for a partner (cascade step 1)."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.tail = tail_start(doc)
        self.views: dict[int, SentenceView] = {}
        self.listed_capitals: set[int] = set()  # "Moscow, St Petersburg and Tula": the city

    def view(self, mention: PartyMention) -> SentenceView:
        """The mention's sentence (or a window of text around it when not known)."""
        if mention.sentence not in self.views:
            sentence = next((s for s in self.doc.sentences if s.index == mention.sentence), None)
            start = sentence.start if sentence else max(0, mention.start - 200)
            end = sentence.end if sentence else mention.end + 200
            self.views[mention.sentence] = SentenceView(start, self.doc.text[start:end])
        return self.views[mention.sentence]

    def usable(self, mention: PartyMention) -> bool:
        """False for countries, datelines, tails, office seats, comparisons, capital cities."""
        if "-" not in mention.code or mention.start >= self.tail or self.is_dateline(mention):
            return False
        view = self.view(mention)
        before = view.words_before(mention.start, OFFICE_WINDOW)
        if has_cue(self.clause_before(mention), "negative"):
            return False
        if name_kind(mention.surface) == "capital" and has_cue(before, "office"):
            return False
        if mention.code in COUNTRY_CAPITALS:
            return mention.start in self.listed_capitals or self.names_city(mention, view, before)
        return True

    def is_venue(self, mention: PartyMention) -> bool:
        """'talks in Kazan': a capital named as the place where something happened."""
        before = self.view(mention).words_before(mention.start, 1)
        return name_kind(mention.surface) == "capital" and before[-1:] in (["in"], ["в"], ["во"])

    def clause_before(self, mention: PartyMention, window: int = NEGATIVE_WINDOW) -> list[str]:
        """The last few words before a mention, back to the nearest comma or bracket."""
        text = self.doc.text[max(0, mention.start - 12 * window):mention.start]
        clause = CLAUSE_BREAK.split(text)[-1]
        return [fold(w) for w in WORDS.findall(clause)][-window:]

    def is_dateline(self, mention: PartyMention) -> bool:
        """'MINSK, 1 June (BelTA)': the place a piece was filed from."""
        return mention.surface.isupper() and self.doc.text[mention.end:mention.end + 1] == ","

    @staticmethod
    def names_city(mention: PartyMention, view: SentenceView, before: list[str]) -> bool:
        """'Minsk City', «мэр Москвы»: the city itself, not the country's government."""
        own = [fold(w) for w in WORDS.findall(mention.surface)]
        near = before[-2:] if before[-1:] and before[-1] not in PLACE_PREPOSITIONS else []
        return has_cue(own + near + [view.word_after(mention.end)], "city")


def score_regions(doc: Document, mentions: list[PartyMention]) -> dict[str, RegionScore]:
    """Lead, cooperation, listing and plain mention counts of every region that can be a partner."""
    judge = MentionJudge(doc)
    regions = [m for m in mentions if "-" in m.code]
    judge.listed_capitals = {
        m.start for pair in coordinated_pairs(doc.text, regions) for m in pair
        if m.code in COUNTRY_CAPITALS and any(o.code not in COUNTRY_CAPITALS for o in pair)}
    usable = [m for m in regions if judge.usable(m)]
    codes_in: dict[int, set[str]] = defaultdict(set)
    for mention in usable:
        codes_in[mention.sentence].add(mention.code)
    lead = {i for i in lead_sentences(doc) if len(codes_in[i]) <= MAX_LEAD_REGIONS}
    scores: dict[str, RegionScore] = defaultdict(RegionScore)
    for first, second in coordinated_pairs(doc.text, usable):
        scores[first.code].peers.add(second.code)
        scores[second.code].peers.add(first.code)
    for code in title_regions(doc):
        scores[code].lead += 1
    for mention in usable:
        score = scores[mention.code]
        words = judge.view(mention).words
        score.count += 1
        score.venue += judge.is_venue(mention)
        score.sentences.add(mention.sentence)
        score.lead += mention.sentence in lead
        score.coop += has_cue(words, "coop")
        score.planned += has_cue(judge.clause_before(mention, PLAN_WINDOW), "plan")
        score.listed += len(codes_in[mention.sentence]) > 1 and has_cue(words, "list")
    return dict(scores)


def coordinated_pairs(text: str, mentions: list[PartyMention]) -> list[tuple[PartyMention, ...]]:
    """Neighbouring mentions joined only by "and" or a comma: «Витебской и Могилевской областями».

    >>> from coopwatch.pipeline.parties import find_parties
    >>> text = "Брестской и Гродненской областями"
    >>> [(a.code, b.code) for a, b in coordinated_pairs(text, find_parties(text))]
    [('BY-BR', 'BY-HR')]
    """
    return [(a, b) for a, b in zip(mentions, mentions[1:], strict=False)
            if a.code != b.code and COORDINATION.fullmatch(text[a.end:b.start])]


def title_regions(doc: Document) -> set[str]:
    """Regions named in a page title that the text itself does not start with."""
    title = (doc.title or "").strip()
    if not title or doc.text.lstrip().startswith(title[:40]):
        return set()
    return {m.code for m in find_parties(title)
            if "-" in m.code and m.code not in COUNTRY_CAPITALS}


def pick_partners(scores: dict[str, RegionScore]) -> list[str]:
    """The main region, the others named in the lead, listed, or with cooperation, and pairs."""
    if not scores:
        return []
    named = {code: s for code, s in scores.items() if not s.only_venue()}
    chosen = {code for code, s in scores.items() if s.listed or s.planned}
    if named:
        main = max(sorted(named), key=lambda code: named[code].rank())
        chosen |= {main} if named[main].lead or named[main].coop else set()
        chosen.update(code for code, s in named.items() if s.lead or (s.count >= 2 and s.coop))
    grown = bool(chosen)
    while grown:
        paired = {
            code for code, s in scores.items() if code not in chosen and any(
                (side(other) != side(code) and s.sentences & scores[other].sentences)
                or other in s.peers for other in chosen)
        }
        chosen |= paired
        grown = bool(paired)
    return sorted(chosen)


def trading_regions(found: Extraction) -> set[str]:
    """Regions with a trade figure of their own with the other side ("With Omsk trade is
    smaller, almost $90 million"): trading makes them partners.

    >>> from coopwatch.model import TradeAtom
    >>> atom = TradeAtom(flow="turnover", reporter="BY", partner="RU-OMS", period="2024",
    ...                  measure="value", value=9e7, currency="USD")
    >>> trading_regions(Extraction(doc="d.txt", lang="en", trade=[atom]))
    {'RU-OMS'}
    """
    regions = set()
    for atom in found.trade:
        for region, other in ((atom.reporter, atom.partner), (atom.partner, atom.reporter)):
            if "-" in region and {side(region), side(other)} == {"BY", "RU"}:
                regions.add(region)
    return regions


def choose_partners(doc: Document, found: Extraction) -> None:
    """Stage (last): the document's partner regions from `found.parties` and trade figures."""
    chosen = set(pick_partners(score_regions(doc, found.parties)))
    found.partners = sorted(chosen | trading_regions(found))
