"""Bytes to text: refuse binary files, then UTF-8, then charset-normalizer's best guess."""

from __future__ import annotations

import hashlib

MAGIC = [
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF8", "GIF"),
    (b"%PDF", "PDF"),
    (b"PK\x03\x04", "zip"),
    (b"PK\x05\x06", "zip"),
    (b"\x1f\x8b", "gzip"),
    (b"BZh", "bzip2"),
    (b"\xfd7zXZ\x00", "xz"),
    (b"7z\xbc\xaf\x27\x1c", "7z"),
    (b"Rar!", "RAR"),
    (b"\x7fELF", "ELF"),
    (b"SQLite format 3\x00", "SQLite"),
    (b"RIFF", "RIFF"),
    (b"\x00\x00\x01\x00", "ICO"),
]
BOMS = [
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
]


WIDE_ENCODINGS = ["utf_16", "utf_16_le", "utf_16_be", "utf_32", "utf_32_le", "utf_32_be"]


TRUSTED_LENGTH = 400  # below this, charset-normalizer confuses Cyrillic code pages
CYRILLIC_CODEPAGES = ["cp1251", "koi8_r"]


class DecodeError(ValueError):
    """Bytes that are not text we can read; the message is the one-line reason."""


def binary_kind(data: bytes) -> str | None:
    """The kind of a binary file by its magic bytes or NUL bytes, or None for text.

    >>> binary_kind(b"\\x89PNG\\r\\n\\x1a\\n...."), binary_kind("Привет".encode())
    ('PNG', None)
    """
    for magic, kind in MAGIC:
        if data.startswith(magic):
            return kind
    if any(data.startswith(bom) for bom, _ in BOMS):
        return None
    if b"\x00" in data[:8192]:
        return "NUL bytes"
    return None


def decode_bytes(data: bytes) -> tuple[str, str]:
    """(text, encoding) of `data`; raises DecodeError with the reason.

    >>> decode_bytes("Товарооборот вырос".encode("cp1251"))
    ('Товарооборот вырос', 'cp1251')
    """
    if not data.strip():
        raise DecodeError("empty file")
    kind = binary_kind(data)
    if kind:
        raise DecodeError(f"binary file ({kind})")
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return data.decode(encoding), encoding
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    return _guess(data)


def _guess(data: bytes) -> tuple[str, str]:
    """A guessed encoding whose text is in our alphabets (Latin, Cyrillic), else an error."""
    text, encoding = _guess_any(data)
    if our_alphabet_share(text) < 0.7:
        raise DecodeError("undecodable bytes (no text encoding fits)")
    return text, encoding


def our_alphabet_share(text: str) -> float:
    """Share of letters that are Latin or Cyrillic: coopwatch reads en, ru and be only.

    >>> our_alphabet_share("Trade и торговля"), our_alphabet_share("걤걤")
    (1.0, 0.0)
    """
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return 0.0
    ours = sum(1 for ch in letters if ch < "\u0250" or "\u0400" <= ch <= "\u04ff")
    return ours / len(letters)


def _guess_any(data: bytes) -> tuple[str, str]:
    """charset-normalizer's guess; short Cyrillic texts by the letter-case test instead."""
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_exclusion=WIDE_ENCODINGS).best()
    if best is not None and best.chaos <= 0.3 and len(data) >= TRUSTED_LENGTH:
        return data.decode(best.encoding), best.encoding
    cyrillic = _best_cyrillic(data)
    if cyrillic:
        return cyrillic
    if best is None or best.chaos > 0.3:
        raise DecodeError("undecodable bytes (no text encoding fits)")
    return data.decode(best.encoding), best.encoding


def case_sanity(text: str) -> float:
    """Share of letters after a lower-case letter that are lower case too (1.0 = normal text).

    A wrong Cyrillic code page swaps cases inside words: «тНБЮПННАНПНР».

    >>> case_sanity("Товарооборот вырос"), case_sanity("тНБЮПННАНПНР")
    (1.0, 0.0)
    """
    pairs = lower = 0
    for left, right in zip(text, text[1:], strict=False):
        if left.islower() and right.isalpha():
            pairs += 1
            lower += right.islower()
    return lower / pairs if pairs else 0.0


def _best_cyrillic(data: bytes) -> tuple[str, str] | None:
    scored = []
    for encoding in CYRILLIC_CODEPAGES:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if any("\u0400" <= ch <= "\u04ff" for ch in text):
            scored.append((case_sanity(text), encoding, text))
    if not scored:
        return None
    score, encoding, text = max(scored)
    return (text, encoding) if score >= 0.8 else None


def content_hash(text: str) -> str:
    """sha256 of the decoded content: the same article re-read is recognised."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
