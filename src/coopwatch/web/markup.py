"""An article's text as HTML with its sentences anchored (`id="s-N"`), the selected sentence in
`<mark>`, and every fact and entity span marked from its evidence offsets. Every piece of
article text goes through `escape`: the text is untrusted.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from markupsafe import Markup, escape


def spans_of(doc: dict[str, Any]) -> list[tuple[int, int, str, str]]:
    """(start, end, css class, title) for every fact and mention with offsets."""
    spans = []
    for fact in doc.get("facts", []):
        if fact.get("start") is not None and fact.get("end") is not None:
            spans.append((fact["start"], fact["end"], f"fact fact-{fact['kind']}", fact["kind"]))
    for mention in doc.get("mentions", []):
        if mention.get("start") is not None and mention.get("end") is not None:
            title = mention.get("name_en") or mention.get("name_ru") or mention.get("key") or ""
            if mention.get("role"):
                title += f" — {mention['role']}"
            spans.append((mention["start"], mention["end"], f"ent ent-{mention['kind']}", title))
    return spans


def annotate(doc: dict[str, Any], selected: int | None = None) -> Markup:
    """The document's text as safe HTML: sentences anchored, facts and entities marked.

    >>> doc = {"text": "A <b>. Tula grew.", "sentences": [{"idx": 0, "start": 0, "end": 6},
    ...        {"idx": 1, "start": 7, "end": 17}], "mentions": [], "facts": [
    ...        {"kind": "trade", "start": 7, "end": 11}]}
    >>> html = str(annotate(doc, selected=1))
    >>> html.split(" <mark")[0]
    '<span id="s-0" class="sentence">A &lt;b&gt;.</span>'
    >>> html.split("</span> ")[1].replace(' title="trade"', "").replace(" fact-trade", "")
    '<mark id="s-1" class="sentence selected"><mark class="fact">Tula</mark> grew.</mark>'
    """
    text: str = doc["text"]
    spans = [(max(0, s), min(len(text), e), c, t) for s, e, c, t in spans_of(doc) if s < e]
    cuts = {0, len(text)}
    starts: dict[int, list[tuple[int, int, str, str]]] = defaultdict(list)
    for span in spans:
        cuts.update(span[:2])
        starts[span[0]].append(span)
    sentence_at: dict[int, dict[str, Any]] = {}
    ends: set[int] = set()
    for sentence in doc.get("sentences", []):
        cuts.update((sentence["start"], sentence["end"]))
        sentence_at[sentence["start"]] = sentence
        ends.add(sentence["end"])
    points = sorted(c for c in cuts if 0 <= c <= len(text))
    out: list[str] = []
    active: list[tuple[int, int, str, str]] = []
    open_tag = ""
    for lo, hi in zip(points, points[1:], strict=False):
        if lo in ends and open_tag:
            out.append(open_tag)
            open_tag = ""
        if lo in sentence_at:
            idx = sentence_at[lo]["idx"]
            tag = "mark" if idx == selected else "span"
            css = "sentence selected" if idx == selected else "sentence"
            out.append(f'<{tag} id="s-{idx}" class="{css}">')
            open_tag = f"</{tag}>"
        active = [s for s in active if s[1] > lo] + starts.get(lo, [])
        out.append(_piece(text[lo:hi], active))
    if open_tag:
        out.append(open_tag)
    return Markup("".join(out))


def _piece(piece: str, active: list[tuple[int, int, str, str]]) -> str:
    html = str(escape(piece))
    for _, _, css, title in active:
        tag = "mark" if css.startswith("fact") else "span"
        html = f'<{tag} class="{escape(css)}" title="{escape(title)}">{html}</{tag}>'
    return html
