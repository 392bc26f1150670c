"""Label lines ("作者：张三  电话：138…") in manuscript or mail body text → (kind, value, line) hits.

The label synonyms are those of DESIGN.md §5. A label counts only at the start of a
line (after an optional bracket) or after a space/punctuation mark inside a line that
already starts with one, so prose such as "记者从市委获悉" is never read as metadata.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from intake.extract.names import split_names
from intake.extract.units import is_unit
from intake.fields import FIELDS
from intake.text import HAN, clean_line

# kind → label synonyms: every field of intake.fields that has labels, plus photo credits and
# labels that are metadata but no field of ours (so their lines are not taken as body text)
_FIELD_LABELS = {f.key: f.labels for f in FIELDS if f.labels}
_CLAIMED = {label for labels in _FIELD_LABELS.values() for label in labels}
LABELS: dict[str, tuple[str, ...]] = {
    **_FIELD_LABELS,
    "photographer": ("摄影", "图片", "图"),
    "other": tuple(x for x in ("联系人", "电子邮箱", "邮箱", "通讯地址", "地址", "邮编") if x not in _CLAIMED),
}
_KIND = {label: kind for kind, labels in LABELS.items() for label in labels}
_SLASH_ONLY = frozenset({"文", "图", "图片"})  # "图：…"/"图片：…" are captions, "图/张三" is a credit
_SPACE_OK = frozenset({"通讯员", "记者"})  # "通讯员 张三 李四" is how credits are written
_SHORT_LINE = 30  # a space separator counts for any label only on lines this short
# "来 源：" / "作　者：": editors pad two-character labels with (full-width) spaces
_ALTS = "|".join(r"\s*".join(label) for label in sorted(_KIND, key=len, reverse=True))
_LABEL = re.compile(
    rf"(?:^|(?<=[\s，,；;|（(【]))(?:本报|本台|特约|见习)?(?P<label>{_ALTS})\s*(?P<sep>[：:/／]|\s+)"
)
_OPEN = "（(【["
_TRIM = " ，,；;|）)】]。"
_OPENER = {"）": "（", ")": "(", "】": "【", "]": "["}


def trim_value(value: str) -> str:
    """A labelled value without the punctuation around it, keeping a closing bracket that closes
    one opened inside the value: "青禾市民政局(办公室)" stays whole, "张三）" and "（张三）" lose theirs."""
    out = value.strip(_TRIM)
    end = len(value) - len(value.lstrip(_TRIM)) + len(out)
    for char in value[end:]:
        opener = _OPENER.get(char)
        if opener is None or out.count(opener) <= out.count(char):
            break
        out += char
    if len(out) > 2 and _OPENER.get(out[-1]) == out[0] and out[0] not in out[1:-1]:
        return trim_value(out[1:-1])  # wrapped whole: "（青禾市民政局）"
    return out
# "张三 摄" / "（李四 摄影）": a postfix photo credit
_NAMES = rf"[{HAN}·]{{2,4}}(?:[、，, ]+[{HAN}·]{{2,4}})*"
_POSTFIX_CREDIT = re.compile(
    rf"^(?:[（(](?P<a>{_NAMES})\s*[/／]?\s*摄影?[）)]|(?P<b>{_NAMES})(?:\s+|\s*[/／]\s*)摄影?)$"
)


# "本网讯（通讯员 萧瑾 何文彬）3月15日，…": the credit inside a lead paragraph (which stays body text)
_LEAD_CREDIT = re.compile(
    r"^(?:[^（(]{0,10}讯)?\s*[（(][^）)\s]{0,12}?(?P<credit>(?:本报|本台|本网|特约)?(?:通讯员|记者)[^）)]{1,40})[）)]"
)
_BRACKETED = re.compile(r"^[（(](?P<inner>[^（）()]+)[）)]$")
# A line can carry metadata only if it starts with a label (after brackets or 本报/特约/见习), a
# bracket, or ends like a postfix credit, or has a lead credit "…讯（" early on. Prose lines fail
# all four cheap tests and skip the regexes: they are most lines of an article.
_FIRST = frozenset(label[0] for label in _KIND) | frozenset("本特见" + _OPEN)
_CREDIT_END = frozenset("摄影）)稿")  # … or "XX局 供稿"
_CLOSING_END = frozenset("）)稿")
_LEAD_SPAN = 14


def _may_carry_metadata(line: str) -> bool:
    head = line[:_LEAD_SPAN]
    return line[0] in _FIRST or line[-1] in _CREDIT_END or "（" in head or "(" in head


@dataclass(frozen=True)
class Hit:
    """A labelled value: `kind` is a key of LABELS, `line` the index in the lines given.

    `inferred` marks a value read from an unlabelled closing credit ("（XX局供稿）", "（XX局 张三）",
    a unit line next to the label lines): its provenance says so, and labelled values win.
    """

    kind: str
    value: str
    line: int
    inferred: bool = False


# "……参加。（通讯员 蒋文 潘美玲）", "（东湖区市场监督管理局 孙晓燕）", "（南屏县统计局供稿）": a
# credit in brackets that closes a paragraph or stands on its own line
_TRAILING = re.compile(r"[（(](?P<inner>[^（）()]{2,60})[）)]\s*$")
# "通讯员 张三", "记者 李四 通讯员 王五", "县融媒体中心记者 张帆": the media unit before 记者 is no author
_CORRESPONDENT = re.compile(
    r"^(?:[^\s，,：:]{2,20}?)?(?P<credit>(?:本报|本台|本网|特约)?(?:通讯员|记者)\s*[：:]?\s*\S.*)$")
_ROLE = re.compile(r"^(?:本报|本台|本网|特约)?(?:通讯员|记者)\s*[：:]?\s*")
_SUPPLIED = re.compile(r"^(?P<unit>[^：:，,。；;]{2,40}?)\s*供稿$")
_UNIT_LABELS = frozenset({"供稿"})  # author labels whose value may be the supplying unit


def _closing_credit(text: str, index: int) -> list[Hit]:
    """Hits of an unlabelled credit (the bracket's inside, or a whole "XX局 供稿" line)."""
    text = text.strip()
    correspondent = _CORRESPONDENT.match(text)
    if correspondent and split_names(correspondent["credit"]):
        return [Hit("authors", correspondent["credit"], index, True)]
    supplied = _SUPPLIED.match(text)
    if supplied and is_unit(supplied["unit"]):
        return [Hit("source_unit", supplied["unit"].strip(), index, True)]
    head, _, rest = text.partition(" ") if " " in text else text.partition("\u3000")
    names = _ROLE.sub("", rest.strip())  # "（马桥镇人民政府 通讯员 吴小红）"
    people = split_names(names) if names and is_unit(head) else ()
    if people and len(people) == len(names.split()):
        return [Hit("source_unit", head, index, True), Hit("authors", names, index, True)]
    return []


def _label(match: re.Match[str]) -> str:
    return "".join(match["label"].split())  # "来 源" → "来源"


def _valid(match: re.Match[str], line: str) -> bool:
    label, sep = _label(match), match["sep"]
    if sep in "/／":
        return label in _SLASH_ONLY or label in ("摄影", "作者", "供稿")
    if label in _SLASH_ONLY:
        return False
    if sep in "：:":
        return True
    if _KIND.get(label) == "phone" and line[match.end():match.end() + 1].isdigit():
        return True  # "电话 138 0013 7118": a number after a phone label is its value
    return label in _SPACE_OK or len(line) <= _SHORT_LINE


@lru_cache(maxsize=4096)
def label_matches(line: str) -> list[re.Match[str]]:
    """Label matches of a label line (first one at the start), or [] for any other line."""
    start = len(line) - len(line.lstrip(_OPEN))
    first = _LABEL.match(line, start)
    if first is None or not _valid(first, line):  # most lines: prose, decided without scanning it all
        return []
    return [m for m in _LABEL.finditer(line, start) if _valid(m, line)]


def is_label_line(line: str) -> bool:
    line = clean_line(line)
    return bool(label_matches(line)) or bool(_POSTFIX_CREDIT.match(line))


def _line_hits(line: str, index: int) -> tuple[list[Hit], bool]:
    """Hits of one line and whether its last label wants its value from the next line."""
    matches = label_matches(line)
    hits: list[Hit] = []
    for n, m in enumerate(matches):
        end = matches[n + 1].start() if n + 1 < len(matches) else len(line)
        value = trim_value(line[m.end() : end])
        if value:
            label = _label(m)
            kind = _KIND[label]
            if kind == "authors" and is_unit(value) and (label in _UNIT_LABELS or len(value) >= 5):
                kind = "source_unit"  # "供稿：城西街道办事处" names the unit, not a person
            hits.append(Hit(kind, value, index))
        elif n + 1 == len(matches) and m["sep"] in "：:":
            return hits, True
    return hits, False


def find_hits(lines: list[str]) -> tuple[list[Hit], set[int]]:
    """Every labelled value in `lines` and the indexes of the lines that carry only metadata."""
    hits: list[Hit] = []
    used: set[int] = set()
    cleaned = [clean_line(x) for x in lines]
    for i, line in enumerate(cleaned):
        if i in used or not line or not _may_carry_metadata(line):
            continue
        credit = _POSTFIX_CREDIT.match(line)
        if credit and not label_matches(line):
            hits.append(Hit("photographer", credit["a"] or credit["b"], i))
            used.add(i)
            continue
        lead = _LEAD_CREDIT.match(line)
        if lead and len(line) > lead.end():
            hits.append(Hit("authors", lead["credit"], i))
            continue
        bracketed = _bracketed(line, i)
        if bracketed:
            hits.extend(bracketed)
            used.add(i)
            continue
        closing = _closing(line, i) if line[-1] in _CLOSING_END else []
        if closing:
            hits.extend(closing)
            if _TRAILING.fullmatch(line) or _SUPPLIED.match(line):
                used.add(i)  # a credit line of its own; a credit closing a paragraph stays in it
            continue
        line_hits, wants_next = _line_hits(line, i)
        if not line_hits and not wants_next:
            continue
        used.add(i)
        hits.extend(line_hits)
        if wants_next:
            nxt = _next_value(cleaned, i)
            if nxt is not None:
                kind = _KIND[_label(label_matches(line)[-1])]
                hits.append(Hit(kind, trim_value(cleaned[nxt]), nxt))
                used.add(nxt)
    return hits, used


CELL_SEPARATOR = " | "  # how table items join the cells of a row (rows are lines)
_CELL_NOTE = re.compile(r"[（(][^）)]*[）)]$")  # "联系电话（手机）"
_CELL_SUFFIXES = ("姓名", "名称")  # "作者姓名", "单位名称"


def _cell_label(cell: str) -> str | None:
    """The label a table cell holds ("作  者：", "*联系电话（手机）" → 作者, 联系电话), or None."""
    text = _CELL_NOTE.sub("", "".join(cell.split()).lstrip("*＊").rstrip("：:"))
    for candidate in (text, *(text.removesuffix(s) for s in _CELL_SUFFIXES if text.endswith(s))):
        if candidate in _KIND:
            return candidate
    return None


def table_label_lines(table: str) -> list[str]:
    """A 投稿信息表 as label lines: "作者 | 张三 | 电话 | 138…" → "作者：张三", "电话：138…".

    A label cell takes the cell to its right; a row of label cells takes the one row below it,
    column by column, unless more rows of values follow (a list of units and phones in the
    story is not a form). Cells that are not labels, and labels without a value, give nothing.
    """
    rows = [[cell.strip() for cell in row.split(CELL_SEPARATOR)] for row in table.split("\n")]
    labels = [[_cell_label(cell) for cell in cells] for cells in rows]
    lines: list[str] = []
    for r, cells in enumerate(rows):
        filled = [k for k, cell in enumerate(cells) if cell]
        if filled and all(labels[r][k] for k in filled):  # a header row: values in the next row
            below = rows[r + 1] if r + 1 < len(rows) else []
            ends = r + 2 >= len(rows) or any(labels[r + 2])  # the form goes on with label rows, or ends
            if len(below) == len(cells) and not any(labels[r + 1]) and ends:
                lines += [f"{labels[r][k]}：{below[k]}" for k in filled if below[k]]
            continue
        for k, label in enumerate(labels[r]):
            value = cells[k + 1] if k + 1 < len(cells) else ""
            if label and value and not labels[r][k + 1]:
                lines.append(f"{label}：{value}")
    return lines


def _closing(line: str, index: int) -> list[Hit]:
    trailing = _TRAILING.search(line)
    if trailing:
        return _closing_credit(trailing["inner"], index)
    return _closing_credit(line, index) if line.endswith("供稿") else []


def unit_next_to_labels(lines: list[str], used: set[int]) -> Hit | None:
    """"金桥社区居委会" on its own just above or below the label lines at the end: the unit."""
    start = max(3, len(lines) - 8)
    if not any(i in used for i in range(start - 1, len(lines))):
        return None  # no label lines at the end: nothing to stand beside
    for i in range(start, len(lines)):
        line = clean_line(lines[i])
        if i in used or not line or len(line) > 25 or not is_unit(line):
            continue
        if (i - 1 in used and clean_line(lines[i - 1])) or (i + 1 in used and i + 1 < len(lines)):
            return Hit("source_unit", line, i, True)
    return None


def _bracketed(line: str, index: int) -> list[Hit]:
    """"（云岭县交通运输局 文/周子涵）": a unit, then labels, all in brackets under the title."""
    m = _BRACKETED.match(line)
    if not m:
        return []
    inner = m["inner"].strip()
    first = next((x for x in _LABEL.finditer(inner) if _valid(x, inner) and x.start() > 0), None)
    if first is None:
        return []
    prefix = inner[: first.start()].strip()
    if not is_unit(prefix):
        return []
    hits, _ = _line_hits(inner[first.start() :], index)
    return [Hit("source_unit", prefix, index), *hits]


def _next_value(lines: list[str], i: int) -> int | None:
    """Index of the next non-empty line if it can be a label's value (short, not a label itself)."""
    for j in range(i + 1, min(i + 3, len(lines))):
        if lines[j]:
            ok = len(lines[j]) <= 40 and not is_label_line(lines[j])
            return j if ok else None
    return None
