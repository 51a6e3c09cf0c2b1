"""Find every country and first-level region a text names, resolved to its ISO code.

The names live in `data/regions.tsv` (its header documents the format). A name is a sequence
of words; a text word matches a name word by its lower-case form or any of its pymorphy3
lemmas, so one nominative row covers every grammatical case. The text is split into words once,
lemma lookups are cached, and the gazetteer is indexed by the first word of each name.
A hyphenated word that is no name as a whole ("Belarus-Tula", «белорусско-тульский») is read
part by part; an abbreviation with two readings («РБ», «РТ») is resolved by the other names
of the text (resolve_alt).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from coopwatch.data_files import RegionRow, parse_region_rows, region_rows
from coopwatch.model import Document, Extraction, PartyMention
from coopwatch.nlp import Token, is_first_name, lemmas

LOOSE_KINDS = frozenset({"adj", "context"})  # may start with a lower-case letter
PREFIX_KEY_LEN = 3
START_LEN = 2  # a word and its lemma share their first two letters («Орла» -> «орёл»)
PLURAL_ENDINGS = ("ами", "ам", "ах", "амі")
CAPITAL_OF = {"BY-HM": "BY", "RU-MOW": "RU"}
COORDINATION = re.compile(r"\s*(?:,|[-–—]|,?\s*(?:and|as well as|и|а также|і))\s*", re.IGNORECASE)
OFFICIAL = re.compile(r"(?:official|официальн\w*|афіцыйн\w*)\s*$", re.IGNORECASE)
# Words (hyphenated ones whole: "Khanty-Mansi", «Ростове-на-Дону») and single marks; 20x
# faster than razdel and enough here, since names and text are split the same way.
WORD = re.compile(r"\w+(?:-\w+)*|[^\w\s]")
WORDS = re.compile(r"\w+(?:[-.]\w+)*")
# one plural region noun shared by coordinated adjectives: «Минская и Московская области»
SHARED_NOUN = re.compile(
    r"(?:oblasts|regions|provinces|област(?:и|ей|ям|ями|ях)|вобласці|абласц(?:ей|ям|ямі|ях))$",
    re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Entry:
    """One name of one party: its words as key sets (or prefixes ending in '*')."""

    code: str
    kind: str
    lang: str
    words: tuple[frozenset[str] | str, ...]  # a str is a prefix, a frozenset the keys
    namelike: bool = False
    alt: str | None = None  # an abbreviation's other reading («РБ»: RU-BA), see resolve_alt


@dataclass(frozen=True, slots=True)
class PartyMatch:
    """A name found in the text, with the kind of name it is (region, capital, adj ...)."""

    code: str
    kind: str
    start: int
    end: int
    surface: str
    alt: str | None = None


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """The names indexed by the keys of their first word and by the first letters of prefixes."""

    by_key: dict[str, tuple[Entry, ...]]
    by_prefix: dict[str, tuple[Entry, ...]]
    republics: frozenset[str]  # codes "the republic" may refer back to
    starts: frozenset[str]  # the first letters of every name word: other words need no lemmas


def tokenize(text: str) -> list[Token]:
    """Words and marks with their offsets, the way both names and texts are split.

    >>> [t.text for t in tokenize("Tula's Khanty-Mansi, St. Petersburg")]
    ['Tula', "'", 's', 'Khanty-Mansi', ',', 'St', '.', 'Petersburg']
    """
    return [Token(m.start(), m.end(), m.group()) for m in WORD.finditer(text)]


def fold(word: str) -> str:
    """Lower-case with ё read as е, the form every key is compared in.

    >>> fold("Могилёв")
    'могилев'
    """
    return word.lower().replace("ё", "е")


def has_cyrillic(word: str) -> bool:
    """True when a word has a Cyrillic letter (only those get lemmas)."""
    return any("\u0400" <= ch <= "\u04ff" for ch in word)


@lru_cache(maxsize=200_000)
def word_keys(word: str) -> frozenset[str]:
    """The folded form and every pymorphy3 lemma of a word: what name words match against.

    >>> sorted(word_keys("Тульской"))
    ['тульский', 'тульской']
    """
    keys = {fold(word)}
    if has_cyrillic(word):
        keys.update(fold(lemma) for lemma in lemmas(word))
    return frozenset(keys)


def parse_name(name: str) -> tuple[frozenset[str] | str, ...]:
    """A gazetteer name as word matchers: key sets, or prefixes for words ending in '*'.

    >>> parse_name("мінск* вобласц*")
    ('мінск', 'вобласц')
    """
    if "*" in name:
        return tuple(fold(w[:-1]) if w.endswith("*") else word_keys(w) for w in name.split())
    return tuple(word_keys(token.text) for token in tokenize(name))


@lru_cache(maxsize=4)
def load_gazetteer(path: str | None = None) -> Gazetteer:
    """Read regions.tsv once and index it (a `path` overrides the packaged file)."""
    if path is None:
        rows: Sequence[RegionRow] = region_rows()
    else:
        with open(path, encoding="utf-8") as handle:
            rows = parse_region_rows(handle.read())
    by_key: dict[str, list[Entry]] = {}
    by_prefix: dict[str, list[Entry]] = {}
    for entry in read_entries(rows):
        first = entry.words[0]
        if isinstance(first, str):
            by_prefix.setdefault(first[:PREFIX_KEY_LEN], []).append(entry)
        else:
            for key in first:
                by_key.setdefault(key, []).append(entry)
    every = [e for entries in by_key.values() for e in entries]
    every += [e for entries in by_prefix.values() for e in entries]
    return Gazetteer(
        {k: tuple(v) for k, v in by_key.items()},
        {k: tuple(v) for k, v in by_prefix.items()},
        frozenset(e.code for e in every if e.kind in ("republic", "context")),
        frozenset(key[:START_LEN] for e in every for word in e.words
                  for key in ([word] if isinstance(word, str) else word)),
    )


def read_entries(rows: Iterable[RegionRow]) -> list[Entry]:
    """The regions.tsv rows as entries, one per name; a bad name raises naming its line."""
    entries = []
    for row in rows:
        namelike = "namelike" in row.flags
        alt = next((f.split(":", 1)[1] for f in row.flags if f.startswith("else:")), None)
        for name in row.names:
            words = parse_name(name)
            if not words or (isinstance(words[0], str) and len(words[0]) < PREFIX_KEY_LEN):
                raise ValueError(f"regions.tsv line {row.line}: bad name {name!r}")
            entries.append(Entry(row.code, row.kind, row.lang, words, namelike, alt))
    return entries


def _word_matches(matcher: frozenset[str] | str, token: Token, keys: frozenset[str]) -> bool:
    if isinstance(matcher, str):  # a prefix covers one word, not «беларуска-расійскі» whole
        return fold(token.text).startswith(matcher) and ("-" in matcher or "-" not in token.text)
    return not matcher.isdisjoint(keys)


def _candidates(gaz: Gazetteer, token: Token, keys: frozenset[str]) -> list[Entry]:
    found: dict[int, Entry] = {}
    for key in keys:
        found.update((id(e), e) for e in gaz.by_key.get(key, ()))
    found.update((id(e), e) for e in gaz.by_prefix.get(fold(token.text)[:PREFIX_KEY_LEN], ()))
    return list(found.values())


def _is_capitalised(token: Token | None) -> bool:
    return token is not None and token.text[:1].isupper()


def _accept(entry: Entry, tokens: list[Token], i: int, n: int) -> bool:
    """Case and context checks that a name's words alone cannot express."""
    if entry.kind not in LOOSE_KINDS and not _is_capitalised(tokens[i]):
        return False
    after = tokens[i + n] if i + n < len(tokens) else None
    if entry.namelike and _is_capitalised(after) and after is not None and after.text.isalpha():
        return False  # "Vladimir Putin", «Киров Сергей»
    before = tokens[i - 1] if i > 0 else None
    if entry.namelike and before is not None and _is_capitalised(before) and is_first_name(
            before.text):
        return False  # «Владимир Владимиров»: a surname after a first name
    if entry.kind == "context":
        return _context_is_free(tokens, i, n)
    return True


def _context_is_free(tokens: list[Token], i: int, n: int) -> bool:
    """'the republic' alone, not «Республика Казахстан», «Чешская Республика»."""
    if fold(tokens[i + n - 1].text).endswith(PLURAL_ENDINGS):
        return False  # «с республиками»: several republics, not one spoken of before
    after = tokens[i + n] if i + n < len(tokens) else None
    if after is not None and (after.text.lower() in ("of", "о") or
                              (_is_capitalised(after) and after.text.isalpha())):
        return False
    before = tokens[i - 1] if i > 0 else None
    before2 = tokens[i - 2] if i > 1 else None
    sentence_start = before2 is None or before2.text in ".!?\n«\"“"
    return not (_is_capitalised(before) and before is not None and before.text.isalpha()
                and not sentence_start)


def _matches_at(gaz: Gazetteer, tokens: list[Token], keys: list[frozenset[str]], i: int,
                text: str, offset: int) -> list[PartyMatch]:
    found = []
    for entry in _candidates(gaz, tokens[i], keys[i]):
        n = len(entry.words)
        if i + n > len(tokens):
            continue
        if all(_word_matches(entry.words[j], tokens[i + j], keys[i + j]) for j in range(n)):
            if _accept(entry, tokens, i, n):
                start, end = tokens[i].start, tokens[i + n - 1].end
                found.append(PartyMatch(entry.code, entry.kind, start + offset, end + offset,
                                        text[start:end], entry.alt))
    return found


def _longest_first(matches: list[PartyMatch]) -> list[PartyMatch]:
    """Keep the longest of overlapping matches (then the earliest), in text order."""
    kept: list[PartyMatch] = []
    for match in sorted(matches, key=lambda m: (m.start - m.end, m.start, m.kind == "adj")):
        if all(match.end <= k.start or match.start >= k.end for k in kept):
            kept.append(match)
    return sorted(kept, key=lambda m: m.start)


def _resolve_context(gaz: Gazetteer, matches: list[PartyMatch]) -> list[PartyMatch]:
    """'The republic' names the republic spoken of last (Belarus when none was)."""
    last: str | None = None
    resolved = []
    for match in matches:
        if match.kind == "context":
            if last is not None:
                match = PartyMatch(last, match.kind, match.start, match.end, match.surface)
        elif match.code in gaz.republics:
            last = match.code
        resolved.append(match)
    return resolved


def resolve_alt(matches: list[PartyMatch]) -> list[PartyMatch]:
    """«РБ» is Belarus unless the text names its other reading (Bashkortostan) by a name and
    never names Belarus itself: then it is the other one (regions.tsv flag `else:`)."""
    named = {m.code for m in matches if m.alt is None and m.kind not in LOOSE_KINDS}
    return [PartyMatch(m.alt, m.kind, m.start, m.end, m.surface)
            if m.alt and m.alt in named and m.code not in named else m for m in matches]


def _resolve_metonymy(text: str, matches: list[PartyMatch], offset: int) -> list[PartyMatch]:
    """"Minsk and Moscow", «официальный Минск»: the capitals standing for their countries."""
    resolved = list(matches)
    for i, match in enumerate(matches):
        if match.code not in CAPITAL_OF or match.kind != "capital":
            continue
        before = text[max(0, match.start - offset - 20):match.start - offset]
        pair = [m for m in matches[max(0, i - 1):i + 2] if m is not match
                and m.code in CAPITAL_OF and m.code != match.code and m.kind == "capital"
                and COORDINATION.fullmatch(text[min(m.end, match.end) - offset:
                                                max(m.start, match.start) - offset])]
        if pair or OFFICIAL.search(before):
            resolved[i] = PartyMatch(CAPITAL_OF[match.code], "country", match.start, match.end,
                                     match.surface)
    return resolved


def part_keys(part: str, last: bool) -> frozenset[str]:
    """The keys of one part of a hyphenated word; a non-final Russian compound stem
    («белорусско-», «тульско-») also reads as its adjective.

    >>> "тульский" in part_keys("тульско", last=False)
    True
    """
    keys = word_keys(part)
    if not last and part.endswith("о") and has_cyrillic(part) and len(part) > 4:
        keys |= word_keys(part[:-1] + "ий")
    return keys


def _hyphen_parts(gaz: Gazetteer, token: Token, text: str, offset: int) -> list[PartyMatch]:
    """ "Belarus-Tula trade", «белорусско-тульский», "Belarusian-Russian": a hyphenated word
    that is no name as a whole may join two names, each a party of its own."""
    parts = [Token(token.start + m.start(), token.start + m.end(), m.group())
             for m in re.finditer(r"\w+", token.text)]
    keys = [part_keys(p.text, i == len(parts) - 1) for i, p in enumerate(parts)]
    found: list[PartyMatch] = []
    for i in range(len(parts)):
        found.extend(_matches_at(gaz, parts, keys, i, text, offset))
    return found


def find_matches(text: str, offset: int = 0) -> list[PartyMatch]:
    """Every party name in `text`, longest match first, offsets shifted by `offset`."""
    gaz = load_gazetteer()
    tokens = tokenize(text)
    keys = [word_keys(t.text) if fold(t.text)[:START_LEN] in gaz.starts else frozenset()
            for t in tokens]
    matches: list[PartyMatch] = []
    for i in range(len(tokens)):
        matches.extend(_matches_at(gaz, tokens, keys, i, text, offset))
    for token in tokens:
        if "-" in token.text and not any(
                m.start - offset < token.end and token.start < m.end - offset for m in matches):
            matches.extend(_hyphen_parts(gaz, token, text, offset))
    kept = resolve_alt(_longest_first(matches))
    return _resolve_metonymy(text, _resolve_context(gaz, kept), offset)


def find_parties(text: str, offset: int = 0) -> list[PartyMention]:
    """Countries and regions named in any text; `sentence` is -1 (not known here).

    >>> [(m.code, m.surface) for m in find_parties("Торговля Тульской области с Беларусью")]
    [('RU-TUL', 'Тульской области'), ('BY', 'Беларусью')]
    """
    return [PartyMention(code=m.code, start=m.start, end=m.end, surface=m.surface, sentence=-1)
            for m in find_matches(text, offset)]


@lru_cache(maxsize=20_000)
def name_kind(surface: str) -> str | None:
    """What kind of name a mention's words are (region, capital, adj ...), for later stages.

    >>> name_kind("Тульщине"), name_kind("Tula")
    ('alias', 'capital')
    """
    matches = find_matches(surface)
    return matches[0].kind if len(matches) == 1 else None


def tag_parties(doc: Document, found: Extraction) -> None:
    """Stage: every country and region named in the document, with its sentence; names
    coordinated before one plural region noun are each read as their oblast."""
    starts = [sentence.start for sentence in doc.sentences]
    mentions = []
    for match in find_matches(doc.text):
        index = bisect.bisect_right(starts, match.start) - 1
        sentence = doc.sentences[index].index if index >= 0 else -1
        mentions.append(PartyMention(code=match.code, start=match.start, end=match.end,
                                     surface=match.surface, sentence=sentence))
    found.parties.extend(shared_oblasts(doc.text, mentions))


def _oblast_code(surface: str) -> str | None:
    """The region a bare name stands for with a region noun added ('Минская' -> BY-MI).

    >>> _oblast_code("Минская"), _oblast_code("Minsk"), _oblast_code("Moscow")
    ('BY-MI', 'BY-MI', 'RU-MOS')
    """
    noun = ("вобласць" if re.search("[іўІЎ]", surface) else "область"
            if re.search("[а-яё]", surface, re.IGNORECASE) else "Oblast")
    found = find_parties(f"{surface} {noun}")
    return found[0].code if len(found) == 1 and "-" in found[0].code else None


def shared_oblasts(text: str, mentions: list[PartyMention]) -> list[PartyMention]:
    """Mentions coordinated before one plural region noun, each read as its oblast.

    >>> text = "Минская и Московская области"
    >>> [m.code for m in shared_oblasts(text, find_parties(text))]
    ['BY-MI', 'RU-MOS']
    """
    result = list(mentions)
    chain: list[int] = []
    for i, mention in enumerate(result):
        chain.append(i)
        follows = i + 1 < len(result) and COORDINATION.fullmatch(
            text[mention.end:result[i + 1].start])
        if follows:
            continue
        spaced = text[mention.end:mention.end + 1] == " "
        after = WORDS.match(text, mention.end + 1) if spaced else None
        last_words = WORDS.findall(mention.surface)[-1:] + ([after.group()] if after else [])
        if len(chain) > 1 and any(SHARED_NOUN.fullmatch(w) for w in last_words):
            for j in chain:
                if not SHARED_NOUN.fullmatch(WORDS.findall(result[j].surface)[-1]):
                    code = _oblast_code(result[j].surface)
                    if code:
                        result[j] = result[j].model_copy(update={"code": code})
        chain = []
    return result

