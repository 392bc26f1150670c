"""The mail body as lines: plain text preferred, else the HTML's visible text; quoted replies cut."""

from __future__ import annotations

import re

from intake.extract.html import html_lines
from intake.extract.labels import is_label_line
from intake.extract.units import has_signature_delimiter, signature_lines
from intake.models import ParsedMail
from intake.text import clean_line

_QUOTE_START = re.compile(
    r"^(?:-{2,}\s*(?:原始邮件|Original Message|转发邮件|Forwarded message)\s*-{2,}|>+\s?|"
    r"在\s*\d{4}.{0,40}写道[：:]|On .{0,80} wrote:)",
    re.I,
)
_CJK = re.compile(r"[\u4e00-\u9fff]")
ARTICLE_MIN_CJK = 80


def mail_body_lines(mail: ParsedMail) -> list[str]:
    """Body lines up to the first quoted earlier message.

    The plain-text part is preferred, except when the HTML shows inline pictures: their
    captions often exist only in the HTML version.
    """
    inline_pictures = "cid:" in mail.html_body and any(a.content_id for a in mail.attachments)
    text = mail.text_body if mail.text_body.strip() and not inline_pictures else ""
    lines = text.replace("\r\n", "\n").split("\n") if text else html_lines(mail.html_body)
    out: list[str] = []
    for raw in lines:
        line = clean_line(raw)
        if _QUOTE_START.match(line):
            break
        out.append(line)
    return out


def reads_like_article(lines: list[str]) -> bool:
    """At least ~80 CJK characters of prose besides label lines and the signature."""
    signature = {i for i, _ in signature_lines(lines)} if has_signature_delimiter(lines) else set()
    prose = [x for i, x in enumerate(lines) if i not in signature and not is_label_line(x)]
    return len(_CJK.findall("".join(prose))) >= ARTICLE_MIN_CJK
