"""Where the article's body lies between a page's lists of unrelated headlines.

Scraped pages keep "recent news" blocks at the top or the bottom after their header line is
gone: at the bottom, runs of short lines that each start like a headline (a capital or a list
bullet) and end without a sentence mark; at the top (where a title and subtitle look the same)
runs of bulleted lines. Facts such as sectors should come only from the body between them.
"""

from __future__ import annotations

import re

from coopwatch.model import Document, Sentence

# a list bullet, or a news feed's time or date before a headline ("14:32 ...", "12.05 ...")
BULLET = re.compile(r"^\s*(?:[-•*·–—]|\d{1,2}:\d{2}|\d{1,2}[./]\d{1,2}(?:[./]\d{2,4})?)\s+\S")
SENTENCE_END = re.compile(r"[.!?;:»\"”…)]\s*$")
HEADLINE_MAX = 220
TAIL_RUN = 2  # this many headline lines at the end are a list, not the article's last words
HEAD_RUN = 2  # at the top titles and subtitles look alike: only bulleted lists count


def is_headline_line(line: str) -> bool:
    """A line that reads like an item of a headline list (bullet, or capital and no end mark).

    >>> is_headline_line("- EconomyTrade with Omsk grows"), is_headline_line("Trade grew.")
    (True, False)
    >>> is_headline_line("отношения поддерживаются почти со 120 странами")
    False
    >>> is_headline_line("14:32 В Гомеле открыли новый парк")
    True
    """
    text = line.strip()
    if not text or len(text) > HEADLINE_MAX or SENTENCE_END.search(text):
        return False
    return bool(BULLET.match(text)) or text[0].isupper()


def _runs(lines: list[str]) -> tuple[int, int]:
    """How many non-empty lines at the start are bulleted and at the end are headline lines."""
    filled = [line for line in lines if line.strip()]
    head = next((i for i, line in enumerate(filled)
                 if not (BULLET.match(line) and is_headline_line(line))), len(filled))
    tail = next((i for i, line in enumerate(reversed(filled)) if not is_headline_line(line)),
                len(filled))
    return head, tail


def body_bounds(text: str) -> tuple[int, int]:
    """(start, end) of the text without headline lists at its top and bottom.

    >>> text = "- A\\n- B\\nTitle here\\nTrade grew.\\n- One news\\n- Two news"
    >>> start, end = body_bounds(text)
    >>> text[start:end]
    'Title here\\nTrade grew.\\n'
    """
    lines = text.splitlines(keepends=True)
    head, tail = _runs(lines)
    if head == len([line for line in lines if line.strip()]):
        return 0, len(text)  # all headlines: nothing to tell apart
    skip_head = head if head >= HEAD_RUN else 0
    skip_tail = tail if tail >= TAIL_RUN else 0
    start, end, seen = 0, len(text), 0
    position = 0
    filled = sum(1 for line in lines if line.strip())
    for line in lines:
        if line.strip():
            if seen == skip_head:
                start = position if skip_head else 0
            if seen == filled - skip_tail:
                end = position
                break
            seen += 1
        position += len(line)
    return start, end


def body_sentences(doc: Document) -> list[Sentence]:
    """The sentences of the article itself: not the headline lists around it."""
    start, end = body_bounds(doc.text)
    return [s for s in doc.sentences if start <= s.start < end]
