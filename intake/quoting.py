"""Cut the quoted original out of a reply body (163, QQ, Outlook, Foxmail and '>' styles).

A contributor's reply to our "incomplete" notice quotes the notice, whose
example lines ("联系电话：138 0000 0000") must not be read as their answer.
"""

from __future__ import annotations

import re

_SEPARATORS = re.compile(
    r"^\s*(?:"
    r"-{2,}\s*(?:原始邮件|Original Message|回复的原邮件|原邮件)\s*-{2,}"  # QQ, Foxmail, Outlook (old)
    r"|在\s*\d{4}.{0,200}写道[：:]"  # 163/126: 在 2026-11-26 11:00:00，"投稿邮箱" <…> 写道：
    r"|On .{4,200} wrote:"  # Gmail / Apple Mail
    r"|发件人[：:].*"  # Outlook: 发件人: … 发送时间: …
    r"|From: .*@.*"  # Outlook (English)
    r"|_{10,}"  # Outlook's horizontal rule
    r")\s*$",
    re.IGNORECASE,
)


def strip_quoted(body: str) -> str:
    """The reply's own text: everything before the first quote separator, minus '>' lines."""
    kept: list[str] = []
    for line in body.splitlines():
        if _SEPARATORS.match(line):
            break
        if line.lstrip().startswith(">"):
            continue
        kept.append(line)
    return "\n".join(kept).strip()
