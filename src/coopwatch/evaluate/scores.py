"""Counting blocks of the scorer: precision/recall/F1 counts and one-to-one matching."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

G = TypeVar("G")
P = TypeVar("P")


@dataclass
class Counts:
    """True positives, false positives and false negatives: micro-averaging adds these up.

    >>> c = Counts(tp=3, fp=1, fn=2)
    >>> round(c.precision, 3), round(c.recall, 3), round(c.f1, 3)
    (0.75, 0.6, 0.667)
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        """Share of predicted items that are right; 1.0 when nothing was predicted."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        """Share of gold items found; 1.0 when the gold has none."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Counts) -> None:
        """Add another count in place (micro-averaging)."""
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def to_dict(self) -> dict[str, float | int]:
        """Counts and rounded scores, for JSON output."""
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass
class Accuracy:
    """Right answers out of a total: for the published date and the qualifier."""

    right: int = 0
    total: int = 0

    @property
    def value(self) -> float:
        """The share right; 1.0 on an empty total (nothing to get wrong)."""
        return self.right / self.total if self.total else 1.0

    def add(self, other: Accuracy) -> None:
        """Add another accuracy count in place."""
        self.right += other.right
        self.total += other.total

    def to_dict(self) -> dict[str, float | int]:
        """Counts and the rounded share, for JSON output."""
        return {"right": self.right, "total": self.total, "accuracy": round(self.value, 4)}


def match_one_to_one(
    gold: Sequence[G],
    predicted: Sequence[P],
    compatible: Callable[[G, P], bool],
    closeness: Callable[[G, P], float] | None = None,
) -> list[tuple[int, int]]:
    """A maximum one-to-one matching (augmenting paths), closest candidates tried first.

    Each predicted item matches at most one gold item and the reverse, so a figure
    predicted twice scores one hit and one false hit.

    >>> match_one_to_one([1, 2], [2, 1, 1], lambda g, p: g == p)
    [(0, 1), (1, 0)]
    >>> match_one_to_one(["a"], ["b"], lambda g, p: g == p)
    []
    """
    options: list[list[int]] = []
    for g in gold:
        candidates = [j for j, p in enumerate(predicted) if compatible(g, p)]
        if closeness is not None:
            candidates.sort(key=lambda j, g=g: closeness(g, predicted[j]))  # type: ignore[misc]
        options.append(candidates)
    owner: dict[int, int] = {}  # predicted index -> gold index

    def augment(i: int, seen: set[int]) -> bool:
        for j in options[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(gold)):
        augment(i, set())
    return sorted((i, j) for j, i in owner.items())
