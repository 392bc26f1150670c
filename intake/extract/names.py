"""People and phone values: split author lists, sort 文/图 credits, normalise phone numbers."""

from __future__ import annotations

import re

from intake.text import HAN

_ROLE_PREFIX = re.compile(r"^(?:本报|本台|特约|见习)?(?:通讯员|记者|作者|撰稿人?|执笔|拟稿人|文字)\s*[：:/／]?\s*")
_SEP = re.compile(r"[、，,;；/／\s]+")
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


def _tokens(value: str) -> list[str]:
    out: list[str] = []
    for raw in _SEP.split(value):
        token = _ROLE_PREFIX.sub("", raw).strip("（）()【】[]。.").removesuffix("等")
        if len(token) >= 5 and "和" in token[2:-1]:
            i = token.index("和", 2)
            out.extend([token[:i], token[i + 1 :]])
        elif token:
            out.append(token)
    return out


def split_names(value: str) -> tuple[str, ...]:
    """"张三、李四和王五" → ("张三", "李四", "王五"); anything that is not a name is dropped."""
    names: list[str] = []
    for token in _tokens(value):
        if _NAME.match(token) and token not in names:
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


def _landline(area: str, number: str) -> str | None:
    phone = f"{area}-{number}"
    return phone if re.fullmatch(r"0\d{2,3}-\d{7,8}", phone) else None


def normalise_phone(value: str) -> str | None:
    """First valid phone in `value`: mobiles as 11 digits, landlines as "0571-87654321"."""
    found: list[tuple[int, str]] = []
    m = _MOBILE.search(value)
    if m:
        found.append((m.start(), re.sub(r"\D", "", m[1])))
    m = _LANDLINE.search(value)
    if m and (phone := _landline(m[1] or m[2], re.sub(r"\D", "", m[3]))):
        found.append((m.start(), phone))
    m = _LANDLINE_PLAIN.search(value)
    if m:
        digits = m[1]
        area = 3 if digits[1] in "12" else 4  # 010 and 02x are the only three-digit area codes
        if phone := _landline(digits[:area], digits[area:]):
            found.append((m.start(), phone))
    return min(found)[1] if found else None
