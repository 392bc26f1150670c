"""Captions for separately attached photos: numbered caption lines (图1：…, 【图1】…) in the mail
body or the manuscript, else a descriptive file name; and photo credits inside captions.
"""

from __future__ import annotations

import re

from intake.text import HAN, clean_line, file_stem

_CN_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")}
_NUM = r"\d{1,2}|[一二三四五六七八九十]{1,3}"
_NUMBERED = re.compile(
    rf"^(?:【\s*(?:图片?|照片)\s*(?P<a>{_NUM})\s*】\s*[：:]?"
    rf"|(?:图片?|照片|附图)\s*(?P<b>{_NUM})\s*(?:[：:、.．]|\s)\s*"
    rf"|第\s*(?P<c>{_NUM})\s*张(?:照片|图片|图)?\s*[：:、.．]?\s*)(?P<text>\S.*)$"
)
# "附图说明：" / "照片说明：" on its own line, then "1.……" "2、……" "（3）……": a list of captions
_LIST_HEAD = re.compile(r"^(?:附图说明|图片说明|照片说明|附图|图注|图说|说明)\s*[：:]?$")
_LIST_ITEM = re.compile(rf"^(?:[（(]\s*(?P<n>{_NUM})\s*[）)]|(?P<m>{_NUM})\s*[.．、:：)）])\s*(?P<text>\S.*)$")
# unnumbered caption lines: "图为…" (kept whole), "图片说明：…" / "图注：…" (label dropped)
_UNNUMBERED = re.compile(r"^(?:(?:图片说明|图注|图说|照片说明)\s*[：:]\s*(?P<text>\S.*)|(?P<whole>图为\S.*))$")
_CAMERA = re.compile(
    r"^(?:IMG|DSC|DSCN|DCIM|P|PXL|VID|MVIMG|mmexport|wx_camera|Screenshot|微信图片|屏幕截图|截图|QQ图片|照片|图片)"
    r"[\s_\-]*[\dA-Za-z_\-\s().]*$",
    re.I,
)
_CJK = re.compile(rf"[{HAN}]")
_LEADING_NUMBER = re.compile(r"^(?:图片?|照片)?\s*(\d{1,2})(?:$|[\s_\-.、．）)])")
_NUMBER_PREFIX = re.compile(r"^(?:图片?|照片)?\s*\d{1,3}\s*[\s_\-.、．）)：:]*")
_CREDIT = re.compile(
    rf"[（(]\s*(?:摄影\s*[：:/／]?\s*)?(?P<a>[{HAN}·]{{2,4}}(?:[、\s]+[{HAN}·]{{2,4}})*)\s*摄影?\s*[）)]"
    rf"|(?:摄影|图)\s*[：:/／]\s*(?P<b>[{HAN}·]{{2,4}})"
)


def chinese_number(text: str) -> int:
    """"3" → 3, "十二" → 12, "二十" → 20."""
    if text.isdigit():
        return int(text)
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (_CN_DIGITS.get(tens, 1) if tens else 1) * 10 + (_CN_DIGITS.get(ones, 0) if ones else 0)
    return _CN_DIGITS.get(text, 0)


def numbered_caption(line: str) -> tuple[int, str] | None:
    m = _NUMBERED.match(clean_line(line))
    if not m:
        return None
    return chinese_number(m["a"] or m["b"] or m["c"]), m["text"].strip()


def caption_text(line: str) -> str | None:
    """The caption a caption line carries (numbered or not), or None for any other line."""
    hit = numbered_caption(line)
    if hit:
        return hit[1]
    m = _UNNUMBERED.match(clean_line(line))
    return (m["text"] or m["whole"]).strip() if m else None


def clean_caption(caption: str | None) -> str | None:
    """"图1：会场" → "会场"; "图为会场" stays as written."""
    return caption_text(caption) or caption if caption else caption


def unnumbered_captions(*sources: list[str]) -> list[str]:
    return [t for lines in sources for line in lines if not numbered_caption(line) and (t := caption_text(line))]


# "稿件和照片在附件，附图说明：" then the list: the heading at the end of a sentence
_LIST_HEAD_AFTER = re.compile(r"[，,。；;\s](?:附图说明|图片说明|照片说明|附图|图注|图说)\s*[：:]$")
_INLINE_LIST = re.compile(r"(?:附图说明|图片说明|照片说明|附图|图注|图说)\s*[：:]\s*(?P<rest>(?:1|一)\s*[.．、].+)$")
_INLINE_ITEM = re.compile(rf"(?:^|\s+|[；;])(?P<n>{_NUM})\s*[.．、]\s*")


def _listed(lines: list[str]) -> list[tuple[int, str]]:
    """Numbered items under a caption-list heading ("附图说明：" then "1.……", "2.……"), also on
    one line ("附图：1.…… 2.……")."""
    items: list[tuple[int, str]] = []
    in_list = False
    for raw in lines:
        line = clean_line(raw)
        inline = _INLINE_LIST.search(line) if "图" in line or "照片" in line else None
        if inline:
            marks = list(_INLINE_ITEM.finditer(inline["rest"]))
            for k, m in enumerate(marks):
                end = marks[k + 1].start() if k + 1 < len(marks) else len(inline["rest"])
                text = inline["rest"][m.end():end].strip(" ；;")
                if text:
                    items.append((chinese_number(m["n"]), text))
            continue
        if _LIST_HEAD.match(line) or _LIST_HEAD_AFTER.search(line):
            in_list = True
            continue
        item = _LIST_ITEM.match(line) if in_list else None
        if item:
            items.append((chinese_number(item["n"] or item["m"]), item["text"].strip()))
        elif line:
            in_list = False
    return items


def numbered_captions(*sources: list[str]) -> dict[int, str]:
    """{number: caption} from every numbered caption line or caption list; earlier sources win."""
    found: dict[int, str] = {}
    for lines in sources:
        hits = [hit for line in lines if (hit := numbered_caption(line))] + _listed(lines)
        for number, text in hits:
            if number not in found:
                found[number] = text
    return found


def photo_number(filename: str) -> int | None:
    """"图2.jpg", "02-会场.jpg" → 2."""
    m = _LEADING_NUMBER.match(filename.rsplit(".", 1)[0])
    return int(m[1]) if m else None


def filename_caption(filename: str) -> str | None:
    """The file name stem when it is descriptive Chinese text (not IMG_2031 / 微信图片_2026…)."""
    stem = clean_line(file_stem(filename))
    if _CAMERA.match(stem):
        return None
    stem = _NUMBER_PREFIX.sub("", stem).strip()
    return stem if len(_CJK.findall(stem)) >= 4 else None


def match_captions(filenames: list[str], body_lines: list[str], manuscript_lines: list[str],
                   embedded: list[str | None]) -> list[str | None]:
    """Caption per attached photo: numbered line (by file number, else order) > the embedded
    picture's caption at the same position (when counts match) > unnumbered caption lines
    ("图为…", "图片说明：…") in order > descriptive file name."""
    numbered = numbered_captions(body_lines, manuscript_lines)
    in_order = unnumbered_captions(body_lines, manuscript_lines)
    same_count = len(embedded) == len(filenames)
    captions: list[str | None] = []
    for position, name in enumerate(filenames, start=1):
        number = photo_number(name) or position
        caption = numbered.get(number) or (embedded[position - 1] if same_count else None)
        if caption is None and not numbered and position <= len(in_order):
            caption = in_order[position - 1]
        captions.append(caption or filename_caption(name))
    return captions


def credits_in(captions: list[str | None]) -> tuple[str, ...]:
    """Photographers credited inside captions ("（张三 摄）", "摄影：李四")."""
    names: list[str] = []
    for caption in captions:
        for m in _CREDIT.finditer(caption or ""):
            for name in re.split(r"[、\s]+", m["a"] or m["b"]):
                if name and name not in names:
                    names.append(name)
    return tuple(names)
