"""Secrecy markings (秘密, 机密, 绝密, 内部资料, 内部文件, 注意保密): such material is held for a human."""

from __future__ import annotations

import re
from collections.abc import Iterable

from intake.models import Finding

MARKERS = ("绝密", "机密", "秘密", "内部资料", "内部文件", "注意保密")
# Phrases that name secrets in ordinary prose (an article on 保密 education) rather than mark the
# material itself; removing them first still leaves a real marking such as "机密★1年" visible.
_PROSE = ("国家秘密", "商业秘密", "工作秘密", "国家机密", "商业机密")


_FILLER = r"[\s★☆·、，,。：:（）()\d年月日个]*"
_MARKING_LINE = re.compile(rf"^{_FILLER}(?:(?:{'|'.join(MARKERS)}){_FILLER})+$")


def is_marking_line(line: str) -> bool:
    """A line that is only a marking ("内部资料 注意保密", "机密★1年"), not a title or body text."""
    return bool(_MARKING_LINE.match(line.strip()))


def find_markers(texts: Iterable[tuple[str, str]]) -> list[Finding]:
    """One "hold" Finding per marker found in (where, text) pairs, e.g. ("filename", "机密-通报.docx")."""
    found: dict[str, str] = {}
    for where, text in texts:
        for phrase in _PROSE:
            text = text.replace(phrase, "")
        for marker in MARKERS:
            if marker in text and marker not in found and not any(marker in f for f in found):
                found[marker] = where
    return [Finding("secrecy_marker", f"{marker} ({where})", {"marker": marker, "where": where})
            for marker, where in found.items()]
