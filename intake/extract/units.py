"""Source units and titles outside label lines: 落款 closing lines, the mail subject, the signature."""

from __future__ import annotations

import re
from functools import lru_cache

from intake.extract.names import split_names
from intake.text import HAN, clean_line

_SUFFIX = (
    "委员会|工作委员会|党委|党组|党工委|总支|支部|工委|纪委|监委|人大|政协|政府|办公室|办事处|街道|社区|"
    "中心|公司|集团|协会|学会|联合会|医院|大学|学院|中学|小学|法院|检察院|管委会|乡|镇|村|局|厅|部|委|办|"
    "院|校|所|站|队|处|科|馆|会|署|社|团"
)
UNIT = re.compile(rf"^[{HAN}（）()·]{{2,40}}(?:{_SUFFIX})(?:[（(][^）)]{{1,12}}[）)])?$")
_DATE = (
    r"(?:\d{4}|[〇○零一二三四五六七八九]{4})\s*年\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*"
    r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*日|\d{4}[-./]\d{1,2}[-./]\d{1,2}"
)
DATE_LINE = re.compile(rf"^(?:{_DATE})$")
_UNIT_DATE = re.compile(rf"^(?P<unit>.+?)\s*(?:{_DATE})$")
_REPLY = re.compile(r"^(?:(?:re|fw|fwd|回复|答复|转发)\s*[:：]\s*)+", re.I)
_SUBMIT = r"(?:投稿|来稿|供稿|稿件|报送)"
_BRACKET = re.compile(r"^[【\[](?P<head>[^】\]]+)[】\]]\s*(?P<rest>.+)$")
_SUBMIT_PREFIX = re.compile(rf"^{_SUBMIT}\s*[：:\-—－_ ]+\s*")
_COLON = re.compile(r"^(?P<head>[^：:]{2,40})[：:]\s*(?P<rest>.+)$")
_DASH = re.compile(r"^(?P<head>[^—\-－ ]{2,40})\s*(?:——|—|－|-| )\s*(?P<rest>.+)$")
_SIG_DELIM = re.compile(r"^(?:--\s*|——+|-{2,}|_{3,})$")
# what a subject says when it names no article: "投稿", "稿件", "新闻稿", "信息报送", "投稿-请审核",
# "宣传稿件（附照片）"; never a title
_GENERIC_WORD = (r"(?:投稿件?|来稿|供稿|稿件|稿子|新闻稿件?|宣传稿件?|通讯稿|信息稿?件?|简讯|新闻|文章|材料|报送|"
                 r"信息报送|工作信息|工作动态|动态|附件|照片|图片|请审核|请审阅|请查收|请审|审核|审阅|查收|一篇|一则|"
                 r"及|和|与|附|的|我单位|我局|我院|我校|我街道|我镇)")
_GENERIC = re.compile(rf"^(?:{_GENERIC_WORD}|[\s\-—_:：,，、.。!！()（）【】\[\]+＋])+$")
# the heading of a submission form at the top of a manuscript ("稿件报送单", "投稿信息表")
# a subject that describes the mail: "城北区税务局投稿", "消防演练稿件及照片", "报送信息：…"
_MAIL_WORD = (r"(?:投稿件?|来稿|供稿|稿件|稿子|新闻稿件?|宣传稿件?|通讯稿|信息稿件?|报送信息|信息报送|报送|"
              r"[及和与附]照片|[及和与附]图片)")
_GENERIC_PREFIX = re.compile(rf"^(?:{_MAIL_WORD}|新闻|信息)+\s*[：:\-—_ ]+\s*")
_GENERIC_SUFFIX = re.compile(rf"^(?P<head>.+?)[\s\-—_:：,，]*(?:[（(]?{_MAIL_WORD}[）)]?)+[\s\-_.（()）\d]*$")
FORM_HEADING = re.compile(
    r"^.{0,12}?(?:稿件|投稿|信息|新闻|宣传)(?:报送|投稿|登记|审核|审批|审签)?(?:单|表|卡|登记表|信息表)$")


# names word processors give a new file: "新建 Microsoft Word 文档", "新建 DOCX 文档 (2)", "文档1"
_DEFAULT_NAME = re.compile(
    r"^(?:新建\s*(?:Microsoft\s*(?:Office\s*)?Word|WPS\s*文字|DOCX?|RTF|文本)?\s*文档|文档\s*\d*|Document\s*\d*|Doc\d+)"
    r"\s*(?:[（(]\d+[）)]|-\s*副本|\s*副本)?$", re.I)


@lru_cache(maxsize=1024)
def is_generic(text: str) -> bool:
    """True for a subject, file name or line that only says "a submission" (投稿, 稿件, 新闻稿,
    新建 Microsoft Word 文档 …)."""
    text = clean_line(text)
    return not text or bool(_GENERIC.match(text) or FORM_HEADING.match(text) or _DEFAULT_NAME.match(text))


def is_unit(text: str) -> bool:
    return bool(UNIT.match(clean_line(text)))


def closing_unit(lines: list[str]) -> tuple[str, int] | None:
    """The unit of a 落款 among the last lines ("XX局 2026年11月20日" or unit then date), with its index."""
    tail: list[tuple[int, str]] = []
    for i in range(len(lines) - 1, -1, -1):  # the last four non-empty lines, from the end
        line = clean_line(lines[i])
        if line:
            tail.insert(0, (i, line))
            if len(tail) == 4:
                break
    for n in range(len(tail) - 1, -1, -1):
        i, line = tail[n]
        m = _UNIT_DATE.match(line)
        if m and is_unit(m["unit"]):
            return m["unit"].strip(), i
        if DATE_LINE.match(line) and n > 0 and is_unit(tail[n - 1][1]):
            return tail[n - 1][1], tail[n - 1][0]
    return None


def closing_lines(lines: list[str], found: tuple[str, int] | None) -> set[int]:
    """Indexes of the 落款 lines (unit and date) so they are not kept as body paragraphs
    (`found`: closing_unit(lines), which the caller has computed)."""
    if found is None:
        return set()
    unit_index = found[1]
    used = {unit_index}
    for j in range(unit_index + 1, min(unit_index + 3, len(lines))):
        if DATE_LINE.match(clean_line(lines[j])):
            used.add(j)
    return used


def _strip_title(text: str) -> str:
    return clean_line(text).strip("《》“”\"").strip()


@lru_cache(maxsize=1024)
def parse_subject(subject: str) -> tuple[str | None, str | None]:
    """(source_unit, title) from a subject: "【单位】标题", "单位：标题", "单位+标题", "投稿：标题"."""
    text = _REPLY.sub("", clean_line(subject)).strip()
    described = _GENERIC_PREFIX.sub("", _SUBMIT_PREFIX.sub("", text))
    if is_generic(described):
        return None, None
    if described != text and is_unit(described):  # "稿件 河西区文化馆": who sends, not a title
        return described, None
    text = described
    m = _GENERIC_SUFFIX.match(text)
    if m and not _BRACKET.match(text) and not re.search(r"[+＋]", text):  # the mail's description, no title
        head = m["head"].strip()
        return (head if is_unit(head) else None), None
    m = _BRACKET.match(text)
    if m:
        head = m["head"].strip()
        return (None if re.fullmatch(_SUBMIT, head) else head), _strip_title(m["rest"])
    parts = [p.strip() for p in re.split(r"[+＋]", text) if p.strip()]
    if len(parts) >= 2:  # "单位+标题" or "单位+作者+标题"
        return parts[0], _strip_title(parts[-1])
    for pattern in (_COLON, _DASH):
        m = pattern.match(text)
        if m and is_unit(m["head"]):
            return m["head"].strip(), _strip_title(m["rest"])
    title = _strip_title(text)
    return None, (title if title and not is_generic(title) else None)


def subject_authors(subject: str) -> tuple[str, ...]:
    """The author of a "单位+作者+标题" subject ("柘源县林业局+袁芳+柘源县启动…" → 袁芳)."""
    text = _REPLY.sub("", clean_line(subject)).strip()
    parts = [p.strip() for p in re.split(r"[+＋]", text) if p.strip()]
    if len(parts) != 3 or not is_unit(parts[0]):
        return ()
    names = split_names(parts[1])
    return names if names and len(names) == len(re.split(r"[、，,\s]+", parts[1])) else ()


def signature_lines(body_lines: list[str]) -> list[tuple[int, str]]:
    """The sender's signature: lines after a "--" delimiter, else the last five non-empty lines."""
    cleaned = [(i, clean_line(x)) for i, x in enumerate(body_lines)]
    for n in range(len(cleaned) - 1, -1, -1):
        if _SIG_DELIM.match(cleaned[n][1]):
            return [(i, x) for i, x in cleaned[n + 1 :] if x]
    return [(i, x) for i, x in cleaned if x][-5:]


def has_signature_delimiter(body_lines: list[str]) -> bool:
    return any(_SIG_DELIM.match(clean_line(x)) for x in body_lines)


_SIG_PARTS = re.compile(r"\s*[|｜/]\s*|\s{2,}|\s+(?=\S*\d{5})")


def signature_unit(body_lines: list[str]) -> str | None:
    """The unit line of the signature, or the unit part of a one-line "单位 | 姓名 | 电话" signature."""
    for _, line in signature_lines(body_lines):
        if is_unit(line):
            return line
        parts = [part.strip() for part in _SIG_PARTS.split(line) if part.strip()]
        for part in parts:
            if part != line and is_unit(part):
                return part
        if _PHONE_RUN.search(line):  # "椰澜县审计局 符丽 0898-66773030转805": single spaces between the parts
            for part in parts:
                for token in part.split():
                    if token != line and is_unit(token):
                        return token
    return None


_PHONE_RUN = re.compile(r"\d[\d\- ]{6,}\d")
