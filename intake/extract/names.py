"""People and phone values: split author lists, sort 文/图 credits, normalise phone numbers."""

from __future__ import annotations

import re
import unicodedata

from intake.fields import FIELDS
from intake.text import HAN

# label words are never names: "撰稿：覃文 和 黎晓 电话 138…" must not give an author "电话"
_LABEL_WORDS = frozenset(label for f in FIELDS for label in f.labels) | {"联系人", "邮箱", "地址", "摄影"}

_ROLE_PREFIX = re.compile(
    r"^(?:本报|本台|本网|特约|见习)?(?:通讯员|记者|作者|撰稿人?|执笔人?|拟稿人?|供稿人|文字)\s*[：:/／]?\s*")
# "记者 杨帆 实习生 卢晓", "本报记者 陈晓 见习记者 王宁": the roles inside a credit are never names
_ROLE_WORD = re.compile(r"(?:记者|通讯员|实习生|摄影师|编辑)$")
_SEP = re.compile(r"\s+[和与及]\s+|[、，,;；/／\s]+")  # " 及 " between spaces is a separator too
_NAME = re.compile(rf"^[{HAN}][{HAN}·•]{{1,7}}$|^[A-Za-z][A-Za-z.\-]{{1,30}}$")
_PHOTO_NOTE = re.compile(r"摄影|摄|图片|图")
# "张三（文字作者）" / "李四(摄影)": an annotation that says which credit a name has
_ANNOTATED = re.compile(r"(?P<name>[^、，,;；\s（(]+)\s*[（(](?P<note>[^）)]*)[）)]")
_CREDIT = re.compile(
    r"(?P<label>文|图片?|摄影|摄|作者|通讯员|记者)\s*[/／：:]\s*(?P<names>[^/／：:]+?)(?=\s+\S+\s*[/／：:]|$)"
)
_MOBILE = re.compile(r"(?<!\d)(?:\+?86[-\s]?)?(1[3-9]\d(?:[-\s]?\d){8})(?!\d)")
# with a visible area-code separator ("0571-8765 4321", "（0571）87654321"); bare digits below
_LANDLINE = re.compile(r"(?<!\d)(?:[（(](0\d{2,3})[）)]\s*|(0\d{2,3})(?:\s*[-—－]\s*|\s+))(\d{3,4}[-\s]?\d{4})(?!\d)")
_LANDLINE_PLAIN = re.compile(r"(?<!\d)(0\d{9,11})(?!\d)")


# "刘  畅"/"江　涛": a two-character name typed with padding, between separators or at either end
_PADDED = re.compile(rf"(?:^|(?<=[、,;/\s]))(?![和与及])([{HAN}])[ \t]+(?![和与及])([{HAN}])(?=$|[、,;/\s])")
_CONJUNCTION = re.compile(r"(?<=..)[和与及](?=..)")  # "张三和李四", "郑宇与冯倩", "刘宁及杨柳"


def nfkc(value: str) -> str:
    """Full-width letters, digits, spaces and punctuation as typed by Chinese IMEs → ASCII forms."""
    return value if value.isascii() else unicodedata.normalize("NFKC", value)


def _tokens(value: str) -> list[str]:
    out: list[str] = []
    value = nfkc(value)
    if " " in value or "\t" in value:
        value = _PADDED.sub(r"\1\2", _PADDED.sub(r"\1\2", value))  # twice: "张 三 李 四" overlaps
    for raw in _SEP.split(value):
        token = _ROLE_PREFIX.sub("", raw).strip("（）()【】[]。.").removesuffix("等")
        if len(token) >= 5 and _CONJUNCTION.search(token):
            out.extend(x for x in _CONJUNCTION.split(token) if x)
        elif token:
            out.append(token)
    return out


def split_names(value: str) -> tuple[str, ...]:
    """"张三、李四和王五" → ("张三", "李四", "王五"); anything that is not a name is dropped."""
    names: list[str] = []
    for token in _tokens(value):
        if _NAME.match(token) and token not in names and token not in _LABEL_WORDS and not _ROLE_WORD.search(token):
            names.append(token)
    return tuple(names)


def split_credits(value: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(authors, photographers) of a credit such as "文/张三 图/李四" or "张三（文字）、李四（摄影）"."""
    authors: list[str] = []
    photographers: list[str] = []
    credits = list(_CREDIT.finditer(value))
    if credits:
        for m in credits:
            target = photographers if _PHOTO_NOTE.fullmatch(m["label"]) else authors
            target.extend(split_names(m["names"]))
        return tuple(authors), tuple(photographers)
    annotated = list(_ANNOTATED.finditer(value))
    if annotated:
        for m in annotated:
            target = photographers if _PHOTO_NOTE.search(m["note"]) else authors
            target.extend(split_names(m["name"]))
        return tuple(authors), tuple(photographers)
    return split_names(value), ()


_EXTENSION = re.compile(r"^\s*(?:转|分机|ext\.?|x|-)\s*(\d{1,5})(?!\d)", re.I)
# dashes people type between digit groups: en/em dashes, the full-width hyphen, 一 (yi) and ～
_DIGIT_DASH = re.compile(r"(?<=\d)\s*[‐‑‒–—―一~～-]+\s*(?=\d)")


def _landline(area: str, number: str, rest: str) -> str | None:
    phone = f"{area}-{number}"
    if not re.fullmatch(r"0\d{2,3}-\d{7,8}", phone):
        return None
    ext = _EXTENSION.match(rest)
    return f"{phone}-{ext[1]}" if ext else phone


def normalise_phone(value: str) -> str | None:
    """First valid phone in `value`: mobiles as 11 digits, landlines as "0571-87654321", with an
    extension as "0571-87654321-8012". Full-width digits and any dash between digits are read."""
    if not value.isascii() or "~" in value:
        value = _DIGIT_DASH.sub("-", nfkc(value))
    found: list[tuple[int, str]] = []
    m = _MOBILE.search(value)
    if m:
        found.append((m.start(), re.sub(r"\D", "", m[1])))
    m = _LANDLINE.search(value)
    if m and (phone := _landline(m[1] or m[2], re.sub(r"\D", "", m[3]), value[m.end():])):
        found.append((m.start(), phone))
    m = _LANDLINE_PLAIN.search(value)
    if m:
        digits = m[1]
        area = 3 if digits[1] in "12" else 4  # 010 and 02x are the only three-digit area codes
        if phone := _landline(digits[:area], digits[area:], value[m.end():]):
            found.append((m.start(), phone))
    return min(found)[1] if found else None


_TITLE_WORDS = re.compile(
    r"(?:党组|党委)?(?:成员|书记|副?(?:局长|主任|部长|科长|处长|院长|校长|所长|站长|队长|镇长|乡长|区长|县长|主席|经理|总编)"
    r"|负责人|同志)$")


_TITLE_FIRST = re.compile(rf"\S{{0,10}}?(?:{_TITLE_WORDS.pattern.removesuffix('$')})\s+(?P<name>[{HAN}·]{{2,4}})")
_NOTE = re.compile(r"\s*[（(][^）)]*[）)]?\s*$")
_PLAIN_NAME = re.compile(rf"[{HAN}·]{{2,4}}")


def person(value: str) -> str:
    """One person's name as a sign-off gives it: "周建华（党组成员、副局长）", "王五 局长" → the name."""
    if _PLAIN_NAME.fullmatch(value) and not _TITLE_WORDS.search(value):
        return value  # the usual case: just the name
    name = _NOTE.sub("", nfkc(value).strip())
    titled = _TITLE_FIRST.fullmatch(name)  # "办公室主任 潘志刚", "科长 李明": the job title before the name
    if titled:
        return titled["name"]
    bare = _TITLE_WORDS.sub("", name).strip()
    name = bare if re.fullmatch(rf"[{HAN}·]{{2,6}}", bare) else name
    return _PADDED.sub(r"\1\2", name)
