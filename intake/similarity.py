"""Near-duplicate detection: a content hash, a 64-bit simhash and shingle Jaccard similarity.

The simhash finds candidates cheaply (Hamming distance); the exact Jaccard
similarity of 4-character shingles confirms them, so the 90% threshold means
what it says.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache

_NOISE = re.compile(r"[\s\u3000\W_]+", re.UNICODE)
SHINGLE = 4
SIMHASH_CANDIDATE_DISTANCE = 12


def normalise(text: str) -> str:
    return _NOISE.sub("", text).lower()


def content_hash(text: str) -> str:
    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()


@lru_cache(maxsize=16)
def shingles(text: str) -> frozenset[str]:
    norm = normalise(text)
    if len(norm) <= SHINGLE:
        return frozenset({norm} if norm else ())
    return frozenset(norm[i : i + SHINGLE] for i in range(len(norm) - SHINGLE + 1))


_LANE = 20  # bits per counter lane: up to a million shingles without overflow
_SPREAD = [sum(((byte >> bit) & 1) << (bit * _LANE) for bit in range(8)) for byte in range(256)]


def _spread(h: int) -> int:
    """Put bit i of a 64-bit hash at the bottom of lane i, so adding spread hashes counts every bit at once."""
    out = 0
    for k in range(8):
        out |= _SPREAD[(h >> (8 * k)) & 0xFF] << (8 * k * _LANE)
    return out


@lru_cache(maxsize=16)
def simhash(text: str) -> int:
    """64-bit simhash over shingles, as a signed value so it fits a BIGINT column.

    Bit counts are summed in 64 lanes of one big integer (bit-sliced), about 8x faster
    than a loop over 64 counters per shingle. Cached: the rules and the store ask twice.
    """
    grams = shingles(text)
    total = 0
    for sh in grams:
        total += _spread(int.from_bytes(hashlib.blake2b(sh.encode("utf-8"), digest_size=8).digest(), "big"))
    mask, half = (1 << _LANE) - 1, len(grams) / 2
    value = sum(1 << bit for bit in range(64) if (total >> (bit * _LANE)) & mask > half)
    return value - (1 << 64) if value >= 1 << 63 else value


def hamming(a: int, b: int) -> int:
    return ((a ^ b) & ((1 << 64) - 1)).bit_count()


def jaccard(a: str, b: str) -> float:
    sa, sb = shingles(a), shingles(b)
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / len(sa | sb)
