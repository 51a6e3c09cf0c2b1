"""PLACEHOLDER: to be written (see the issue). Each stage adds to `found`."""

from coopwatch.model import Document, Extraction


def tag_events(doc: Document, found: Extraction) -> None:
    """Not written yet: adds nothing."""


def tag_agreements(doc: Document, found: Extraction) -> None:
    """Not written yet: adds nothing."""


def tag_projects(doc: Document, found: Extraction) -> None:
    """Not written yet: adds nothing."""
