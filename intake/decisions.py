"""Reviewers act by replying to a review request: the first line says 通过 (approve) or 退回：原因 (return).

Only the reply's own text counts (the quoted review request is cut first), and only
its first non-empty line decides; the lines after a 退回 line are part of the reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from intake.quoting import strip_quoted

_APPROVE = re.compile(r"^(?:通过|采用|同意(?:刊发|采用)?|可以刊发|approved?|accept(?:ed)?)\b[。！!.\s]*", re.I)
_RETURN_WORDS = r"退回|退稿|不采用|不通过|暂不采用|修改后再投|returned?|reject(?:ed)?"
_RETURN = re.compile(rf"^(?:{_RETURN_WORDS})[\s：:，,。-]*(?P<reason>.*)$", re.I | re.S)


@dataclass(frozen=True)
class Decision:
    status: str  # "approved" | "returned"
    comment: str


def parse_decision(body: str) -> Decision | None:
    """The reviewer's decision, or None when the reply's first line is neither."""
    text = strip_quoted(body)
    lines = [line.strip() for line in text.splitlines()]
    while lines and not lines[0]:
        lines.pop(0)
    if not lines:
        return None
    first = lines[0]
    if _APPROVE.match(first):
        return Decision("approved", _APPROVE.sub("", first, count=1).strip(" ：:，,"))
    returned = _RETURN.match("\n".join(lines))
    if returned:
        return Decision("returned", returned.group("reason").strip())
    return None
