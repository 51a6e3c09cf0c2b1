"""PLACEHOLDER: to be written (see the issue). Each stage adds to `found`."""

from coopwatch.model import Document, Extraction


def tag_sectors(doc: Document, found: Extraction) -> None:
    """Not written yet: adds nothing."""
