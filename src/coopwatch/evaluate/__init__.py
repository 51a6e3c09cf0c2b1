"""The scorer (spec: Scoring): gold dicts and predicted dicts in, scores and errors out. Pure.

Both sides are documents in the gold format (`Extraction.to_gold()`). Predicted atoms may
carry a `sentence` (the evidence text) and a predicted document a `sentences` map
(field -> item -> sentence) so that false hits can be shown with their sentence; the
scorer never uses either for matching.

- `trade`, `targets`: atoms matched one-to-one per document (`atoms.same_atom`),
  precision/recall/F1 micro-averaged over the corpus.
- `partners`, `persons` (by folded surname), `organizations` (alias-folded), `sectors`:
  sets per document, micro-averaged.
- `published`: exact-match accuracy (null == null is right).
- qualifier: accuracy over matched atoms, a missing qualifier read as `exact`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from coopwatch.evaluate.atoms import distance, qualifier, same_atom
from coopwatch.evaluate.names import organization_key, person_keys
from coopwatch.evaluate.scores import Accuracy, Counts, match_one_to_one

ATOM_FIELDS = ("trade", "targets")
SET_FIELDS = ("partners", "persons", "organizations", "sectors")
FIELDS = ATOM_FIELDS + SET_FIELDS
FindingKind = Literal["miss", "false_hit", "qualifier"]


@dataclass
class Finding:
    """One error to study: a gold item missed, a predicted item not in gold, a wrong qualifier."""

    doc: str
    lang: str
    field: str
    kind: FindingKind
    item: Any  # the gold item (miss) or the predicted item (false hit, qualifier)
    sentence: str | None = None  # the predicted item's evidence sentence, when known
    note: str | None = None  # the gold atom's note, or "gold: over" for a qualifier error

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON output."""
        return {
            "doc": self.doc,
            "lang": self.lang,
            "field": self.field,
            "kind": self.kind,
            "item": self.item,
            "sentence": self.sentence,
            "note": self.note,
        }


@dataclass
class DocumentScore:
    """The counts and errors of one document."""

    doc: str
    lang: str
    counts: dict[str, Counts] = field(default_factory=dict)
    qualifier: Accuracy = field(default_factory=Accuracy)
    published: Accuracy = field(default_factory=Accuracy)
    findings: list[Finding] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """This document's counts as plain data (errors are listed once, in the report)."""
        return {
            "doc": self.doc,
            "lang": self.lang,
            **{name: counts.to_dict() for name, counts in self.counts.items()},
            "qualifier": self.qualifier.to_dict(),
            "published": self.published.to_dict(),
        }


@dataclass
class Report:
    """Scores of a corpus: per document, summed by language and overall on demand."""

    documents: list[DocumentScore] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # gold docs without a prediction

    @property
    def langs(self) -> list[str]:
        """The languages present, sorted."""
        return sorted({d.lang for d in self.documents})

    def _docs(self, lang: str | None) -> list[DocumentScore]:
        return [d for d in self.documents if lang is None or d.lang == lang]

    def counts(self, name: str, lang: str | None = None) -> Counts:
        """Micro-averaged counts of one field, for one language or all."""
        total = Counts()
        for doc in self._docs(lang):
            total.add(doc.counts[name])
        return total

    def qualifier(self, lang: str | None = None) -> Accuracy:
        """Qualifier accuracy over matched atoms."""
        total = Accuracy()
        for doc in self._docs(lang):
            total.add(doc.qualifier)
        return total

    def published(self, lang: str | None = None) -> Accuracy:
        """Published-date accuracy over documents."""
        total = Accuracy()
        for doc in self._docs(lang):
            total.add(doc.published)
        return total

    @property
    def findings(self) -> list[Finding]:
        """Every miss, false hit and qualifier error, in document order."""
        return [f for d in self.documents for f in d.findings]

    def summary(self, lang: str | None = None) -> dict[str, Any]:
        """Scores of one language (or all) as plain data."""
        return {
            "documents": len(self._docs(lang)),
            **{name: self.counts(name, lang).to_dict() for name in FIELDS},
            "qualifier": self.qualifier(lang).to_dict(),
            "published": self.published(lang).to_dict(),
        }

    def to_dict(self) -> dict[str, Any]:
        """The whole report as plain data: overall, by language, errors, missing docs."""
        return {
            "overall": self.summary(),
            "by_lang": {lang: self.summary(lang) for lang in self.langs},
            "missing_documents": self.missing,
            "documents": [d.to_dict() for d in self.documents],
            "findings": [f.to_dict() for f in self.findings],
        }


def evaluate(
    gold: Iterable[dict[str, Any]],
    predicted: Mapping[str, dict[str, Any]],
    aliases: Mapping[str, str] | None = None,
) -> Report:
    """Score predictions (by doc name) against gold documents; docs with no prediction are listed.

    `aliases` (folded name -> key) replaces the organization registry, for tests.
    """
    report = Report()
    for gold_doc in gold:
        name = str(gold_doc["doc"])
        if name not in predicted:
            report.missing.append(name)
            continue
        report.documents.append(evaluate_document(gold_doc, predicted[name], aliases))
    return report


def evaluate_document(
    gold: dict[str, Any], predicted: dict[str, Any], aliases: Mapping[str, str] | None = None
) -> DocumentScore:
    """Score one predicted document against its gold document."""
    score = DocumentScore(doc=str(gold["doc"]), lang=str(gold.get("lang") or predicted.get("lang")))
    for name in ATOM_FIELDS:
        _score_atoms(score, name, gold.get(name) or [], predicted.get(name) or [])
    sentences = predicted.get("sentences") or {}
    keyers = set_keyers(aliases)
    for name in SET_FIELDS:
        _score_set(
            score,
            name,
            keyers[name],
            gold.get(name) or [],
            predicted.get(name) or [],
            sentences.get(name) or {},
        )
    right = _text_or_none(gold.get("published")) == _text_or_none(predicted.get("published"))
    score.published = Accuracy(right=int(right), total=1)
    return score


def _score_atoms(
    score: DocumentScore, name: str, gold: list[dict[str, Any]], predicted: list[dict[str, Any]]
) -> None:
    is_target = name == "targets"
    pairs = match_one_to_one(
        gold, predicted, lambda g, p: same_atom(g, p, target=is_target), distance
    )
    _record(score, name, gold, predicted, pairs, lambda atom: atom.get("sentence"))
    for i, j in pairs:
        right = qualifier(gold[i]) == qualifier(predicted[j])
        score.qualifier.add(Accuracy(right=int(right), total=1))
        if not right:
            note = f"gold qualifier: {qualifier(gold[i])}"
            found = _finding(
                score, name, "qualifier", predicted[j], predicted[j].get("sentence"), note
            )
            score.findings.append(found)


def _record(
    score: DocumentScore,
    name: str,
    gold: list[Any],
    predicted: list[Any],
    pairs: list[tuple[int, int]],
    sentence_of: Callable[[Any], Any],
) -> None:
    """Counts of one field from its matching, and a finding per unmatched item."""
    score.counts[name] = Counts(
        tp=len(pairs), fp=len(predicted) - len(pairs), fn=len(gold) - len(pairs)
    )
    matched_gold = {i for i, _ in pairs}
    matched_predicted = {j for _, j in pairs}
    for i, item in enumerate(gold):
        if i not in matched_gold:
            note = item.get("note") if isinstance(item, dict) else None
            score.findings.append(_finding(score, name, "miss", item, note=note))
    for j, item in enumerate(predicted):
        if j not in matched_predicted:
            score.findings.append(_finding(score, name, "false_hit", item, sentence_of(item)))


Keyer = Callable[[Any], frozenset[str]]


def set_keyers(aliases: Mapping[str, str] | None = None) -> dict[str, Keyer]:
    """How the items of each set field are compared; `aliases` overrides the org registry."""
    return {
        "partners": lambda item: frozenset({str(item).strip().upper()}),
        "persons": person_keys,
        "organizations": lambda item: frozenset({organization_key(_label(item), aliases)}),
        "sectors": lambda item: frozenset({str(item).strip().lower()}),
    }


def _score_set(
    score: DocumentScore,
    name: str,
    keyer: Keyer,
    gold: list[Any],
    predicted: list[Any],
    sentences: Mapping[str, str],
) -> None:
    gold = _distinct(gold, keyer)
    predicted = _distinct(predicted, keyer)
    gold_keys = [keyer(item) for item in gold]
    predicted_keys = [keyer(item) for item in predicted]
    pairs = match_one_to_one(gold_keys, predicted_keys, lambda g, p: bool(g & p))
    _record(score, name, gold, predicted, pairs, lambda item: sentences.get(_label(item)))


def _distinct(items: list[Any], keyer: Keyer) -> list[Any]:
    """A set keeps one of each: items with the same keys (two spellings of MAZ) count once."""
    seen: set[frozenset[str]] = set()
    kept = []
    for item in items:
        key = keyer(item)
        if key not in seen:
            seen.add(key)
            kept.append(item)
    return kept


def _finding(
    score: DocumentScore,
    name: str,
    kind: FindingKind,
    item: Any,
    sentence: Any = None,
    note: Any = None,
) -> Finding:
    if isinstance(item, dict):
        item = {k: v for k, v in item.items() if k not in ("sentence", "note")}
    return Finding(
        doc=score.doc,
        lang=score.lang,
        field=name,
        kind=kind,
        item=item,
        sentence=str(sentence) if sentence else None,
        note=str(note) if note else None,
    )


def _label(item: Any) -> str:
    """The name of a set item: a string, or a dict's `name`."""
    if isinstance(item, dict):
        return str(item.get("name") or "")
    return str(item)


def _text_or_none(value: Any) -> str | None:
    return str(value).strip()[:10] if value else None


__all__ = [
    "ATOM_FIELDS",
    "FIELDS",
    "SET_FIELDS",
    "DocumentScore",
    "Finding",
    "Report",
    "evaluate",
    "evaluate_document",
]
