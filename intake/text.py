"""Small text helpers shared by extractors, rules and templates."""

from __future__ import annotations

import re
import unicodedata

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]")
_LATIN_WORD = re.compile(r"[A-Za-z0-9]+(?:[-'.][A-Za-z0-9]+)*")


def word_count(text: str) -> int:
    """CJK characters plus Latin words (the count editors use for 字数)."""
    cjk = len(_CJK.findall(text))
    latin = len(_LATIN_WORD.findall(_CJK.sub(" ", text)))
    return cjk + latin


def clean_line(text: str) -> str:
    """Normalise one line: NFKC-free trimming of all Unicode spaces, keep full-width punctuation."""
    text = text.replace("\u3000", " ").replace("\xa0", " ").replace("\u200b", "")
    return re.sub(r"[ \t]+", " ", text).strip()


def nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)
