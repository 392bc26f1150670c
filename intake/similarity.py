"""Near-duplicate detection: a content hash, a 64-bit simhash and shingle Jaccard similarity.

The simhash finds candidates cheaply (Hamming distance); the exact Jaccard
similarity of 4-character shingles confirms them, so the 90% threshold means
what it says.
"""

from __future__ import annotations

import hashlib
import re

_NOISE = re.compile(r"[\s\u3000\W_]+", re.UNICODE)
SHINGLE = 4
SIMHASH_CANDIDATE_DISTANCE = 12


def normalise(text: str) -> str:
    return _NOISE.sub("", text).lower()


def content_hash(text: str) -> str:
    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()


def shingles(text: str) -> set[str]:
    norm = normalise(text)
    if len(norm) <= SHINGLE:
        return {norm} if norm else set()
    return {norm[i : i + SHINGLE] for i in range(len(norm) - SHINGLE + 1)}


def simhash(text: str) -> int:
    """64-bit simhash over shingles, as a signed value so it fits a BIGINT column."""
    weights = [0] * 64
    for sh in shingles(text):
        h = int.from_bytes(hashlib.blake2b(sh.encode("utf-8"), digest_size=8).digest(), "big")
        for bit in range(64):
            weights[bit] += 1 if h >> bit & 1 else -1
    value = sum(1 << bit for bit in range(64) if weights[bit] > 0)
    return value - (1 << 64) if value >= 1 << 63 else value


def hamming(a: int, b: int) -> int:
    return ((a ^ b) & ((1 << 64) - 1)).bit_count()


def jaccard(a: str, b: str) -> float:
    sa, sb = shingles(a), shingles(b)
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / len(sa | sb)
