"""Text as the full-text index sees it: Russian words lemmatized, so «Тульской» finds
«Тульская область»; the same function reads queries, and snippets come from the real text.
"""

from __future__ import annotations

import re
from functools import lru_cache

from coopwatch.nlp import lemma, lemmas

_WORD = re.compile(r"\w+", re.UNICODE)
_CYRILLIC = re.compile(r"[а-яёіў]", re.IGNORECASE)


@lru_cache(maxsize=100_000)
def word_forms(word: str) -> tuple[str, ...]:
    """A word's index forms: every possible lemma of a Cyrillic word (the likeliest first),
    the lower-cased word for the others.

    >>> word_forms("Тульской"), word_forms("Миляева"), word_forms("Tula")
    (('тульский',), ('миляева', 'миляев'), ('tula',))
    """
    if not _CYRILLIC.search(word):
        return (word.lower(),)
    first = lemma(word)
    return (first, *sorted(lemmas(word) - {first}))


def index_text(text: str | None) -> str:
    """The text to put in an FTS column: every word's index forms, in order.

    >>> index_text("Тульская область, Tula Oblast")
    'тульский область tula oblast'
    """
    if not text:
        return ""
    return " ".join(map(_index_word, _WORD.findall(text)))


@lru_cache(maxsize=100_000)
def _index_word(word: str) -> str:
    return " ".join(word_forms(word))


def query_terms(query: str) -> list[tuple[str, ...]]:
    """The index forms of a query's words, one group per word, without repeats.

    >>> query_terms("Тульской области Тульской")
    [('тульский',), ('область',)]
    """
    terms: list[tuple[str, ...]] = []
    for word in _WORD.findall(query):
        forms = word_forms(word)
        if forms not in terms:
            terms.append(forms)
    return terms


def fts_query(terms: list[tuple[str, ...]]) -> str:
    """An FTS5 MATCH expression: every word, in any of its forms (each quoted: no operator
    injection).

    >>> fts_query([('миляева', 'миляев'), ('or',)])
    '("миляева" OR "миляев") AND ("or")'
    """
    groups = (" OR ".join('"' + t.replace('"', '""') + '"' for t in forms) for forms in terms)
    return " AND ".join(f"({group})" for group in groups)


def snippet(
    text: str, terms: list[tuple[str, ...]], width: int = 240
) -> tuple[str, list[tuple[int, int]]]:
    """A window of the real text around the first matching word, with the matches' offsets.

    >>> snippet("Exports to Tula grew. Тульская область", [("тульский",)], width=20)
    ('…Тульская область', [(1, 9)])
    """
    wanted = {form for forms in terms for form in forms}
    hits = [m for m in _WORD.finditer(text) if wanted.intersection(word_forms(m.group()))]
    if not hits:
        return text[:width].replace("\n", " ") + ("…" if len(text) > width else ""), []
    start = max(0, hits[0].start() - width // 3)
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < hits[0].start() else start
    end = min(len(text), start + width)
    prefix = "…" if start else ""
    body = text[start:end].replace("\n", " ").replace("\t", " ")  # one line, same offsets
    window = prefix + body + ("…" if end < len(text) else "")
    shift = len(prefix) - start
    marks = [(m.start() + shift, m.end() + shift) for m in hits if m.end() <= end]
    return window, marks
