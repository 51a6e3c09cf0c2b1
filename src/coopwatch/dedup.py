"""Exact and near-duplicate detection, so a story syndicated by several outlets is stored once.

Exact duplicates are caught by `RawDocument.content_hash` (UNIQUE in the store). Near-duplicates
(the same story re-wrapped: other boilerplate, line breaks, headline, a paragraph added or
dropped) are caught with MinHash + LSH (datasketch) over word shingles of the cleaned text:

- shingles: `SHINGLE_WORDS` = 4 consecutive lower-cased words (punctuation and line breaks
  ignored, so re-wrapping changes nothing; 4 words make two different stories about the same
  region and partners share few shingles even when they share stock phrases);
- shingles hashed by mixing the CRC-32 of their words (`shingle_hashes`, vectorised);
  `NUM_PERM` = 64 permutations; the LSH proposes candidates from `LSH_THRESHOLD` = 0.3 (so
  few real copies are missed), and a candidate is a copy when its stored signature estimates
  a Jaccard similarity of at least `THRESHOLD` = 0.5. Measured on the test texts:
  other headline and boilerplate 0.84-0.87, re-wrapped lines 1.0, a paragraph of five dropped
  0.68-0.75 or added 0.84; a different story on the same region 0.0.
- texts under `MIN_SHINGLES` shingles are never matched: too short to tell a copy from a
  coincidence.
"""

from __future__ import annotations

import inspect
import re
import zlib
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

import numpy as np
from datasketch import MinHash, MinHashLSH

SHINGLE_WORDS = 4
NUM_PERM = 64
THRESHOLD = 0.5
LSH_THRESHOLD = 0.3  # datasketch picks 21 bands of 3 rows: finds 94% of pairs at 0.5, 99% at 0.6
MIN_SHINGLES = 8

SCHEME = "affine32"
_MIX = 0x01000193  # the FNV prime: mixes word hashes into a shingle hash

_WORD = re.compile(r"\w+", re.UNICODE)
_HAS_SCHEME = "scheme" in inspect.signature(MinHash.__init__).parameters


def shingle_hashes(text: str, size: int = SHINGLE_WORDS) -> list[int]:
    """The distinct 32-bit hashes of a text's `size`-word shingles (lower-cased words,
    punctuation and layout ignored), computed at once with numpy.

    >>> shingle_hashes("Trade grew,\\n by 5%!", 2) == shingle_hashes("trade  grew by 5", 2)
    True
    >>> len(shingle_hashes("one two three two three", 2))  # 'two three' counted once
    3
    """
    words = np.array([_word_hash(w) for w in _WORD.findall(text.lower())], dtype=np.uint64)
    count = len(words) - size + 1
    if count <= 0:
        return []
    hashes = np.zeros(count, dtype=np.uint64)
    for k in range(size):  # a polynomial rolling of the word hashes, wrapped to 32 bits
        hashes = (hashes * np.uint64(_MIX) + words[k : k + count]) & np.uint64(0xFFFFFFFF)
    return [int(h) for h in np.unique(hashes)]


@lru_cache(maxsize=100_000)
def _word_hash(word: str) -> int:
    return zlib.crc32(word.encode("utf-8"))


def signature(text: str) -> MinHash | None:
    """The MinHash of a text's shingles, or None when the text is too short to compare."""
    hashes = shingle_hashes(text)
    if len(hashes) < MIN_SHINGLES:
        return None
    minhash = _minhash()
    minhash.update_batch(hashes)
    return minhash


def to_bytes(minhash: MinHash) -> bytes:
    """A signature as bytes for the `documents.minhash` column."""
    return bytes(np.asarray(minhash.hashvalues, dtype=np.uint32).tobytes())


def from_bytes(blob: bytes) -> MinHash:
    """A signature read back from `documents.minhash`."""
    values = np.frombuffer(blob, dtype=np.uint32)
    return _minhash(hashvalues=values)


def _hash32(value: int) -> int:
    """Shingles arrive hashed already (`shingle_hashes`): CRC-32 of each word, mixed."""
    return value


@lru_cache(maxsize=1)
def _permutations() -> Any:
    """The permutations, computed once (datasketch would redo them for every MinHash)."""
    return _new_minhash().permutations


def _new_minhash(**kwargs: Any) -> MinHash:
    if _HAS_SCHEME:
        kwargs["scheme"] = SCHEME  # pinned: stored signatures stay comparable across versions
    return MinHash(num_perm=NUM_PERM, hashfunc=_hash32, **kwargs)


def _minhash(**kwargs: Any) -> MinHash:
    """A MinHash with our hash function, permutations and hashing scheme."""
    return _new_minhash(permutations=_permutations(), **kwargs)


class NearDuplicateIndex:
    """An LSH index of document signatures; `match` finds the closest earlier copy.

    Memory grows with the store: about 7 KB per stored document (datasketch's buckets plus a
    256-byte signature), 70 MB for 10,000 documents. Past ~50,000 documents the bands belong
    in a database table instead.
    """

    def __init__(self) -> None:
        self._lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
        self._signatures: dict[int, np.ndarray] = {}

    def __len__(self) -> int:
        return len(self._signatures)

    def add(self, document_id: int, minhash: MinHash) -> None:
        """Remember a stored document's signature."""
        if document_id in self._signatures:
            return
        self._lsh.insert(document_id, minhash, check_duplication=False)
        self._signatures[document_id] = np.array(minhash.hashvalues, dtype=np.uint32)

    def add_all(self, rows: Iterable[tuple[int, bytes]]) -> None:
        """Load (document_id, signature bytes) pairs, e.g. from the store on open."""
        for document_id, blob in rows:
            self.add(document_id, from_bytes(blob))

    def match(self, minhash: MinHash) -> tuple[int, float] | None:
        """The stored document most similar to `minhash` (id, estimated Jaccard), if a copy."""
        best: tuple[int, float] | None = None
        values = np.asarray(minhash.hashvalues, dtype=np.uint32)
        for document_id in self._lsh.query(minhash):
            score = float(np.count_nonzero(values == self._signatures[document_id])) / len(values)
            if score >= THRESHOLD and (best is None or score > best[1]):
                best = (int(document_id), score)
        return best
