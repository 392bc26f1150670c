"""The metadata fields of a submission, each declared once.

Extraction (which labels name it, how a value is normalised), the draft and its stored form,
the JSON contract, the notices (wording and example in each language), the submissions table
and the validation of INTAKE_REQUIRED_FIELDS all read this table. Adding a field is one entry
here (plus its tests); a field with `column=True` also needs a column and a migration.

`shape` says how values are found and kept:
- "title": the manuscript's title line (then subject, file name): special rules in extract.
- "unit": a unit name, also from 落款, subject, signature and file name.
- "names": a list of people (作者 and credits), split on every separator people type.
- "phone": a phone number, normalised (mobile 11 digits, landline area-number[-extension]).
- "person": one person's name, without a job title or bracketed note (a sign-off).
- "text": the labelled value as written (a name, a date, an address …).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Shape = Literal["title", "unit", "names", "phone", "person", "text"]


@dataclass(frozen=True)
class Field:
    key: str
    shape: Shape
    labels: tuple[str, ...]  # label synonyms as contributors write them ("联系电话：…"), longest match wins
    zh: str  # the field's name in zh-CN mails
    en: str
    example_zh: str  # a line the extractor recognises, shown in the "what is missing" notice
    example_en: str
    required: bool = False  # part of the default INTAKE_REQUIRED_FIELDS
    column: bool = False  # also a column of `submissions` (lists, statistics)
    signature: bool = False  # may be taken, unlabelled, from the sender's signature block


FIELDS: tuple[Field, ...] = (
    Field("title", "title", ("稿件标题", "文章标题", "标题", "题目"), "标题", "Title",
          "标题：市直机关工委举办青年干部读书分享会", "标题：市直机关工委举办青年干部读书分享会",
          required=True, column=True),
    Field("source_unit", "unit",
          ("来源单位", "作者单位", "供稿单位", "报送单位", "拟稿单位", "投稿单位", "信息来源", "稿件来源", "新闻来源",
           "工作单位", "来源", "单位"),
          "来源单位", "Source (unit)", "来源单位：青禾市财政局机关党委", "来源单位：青禾市财政局机关党委",
          required=True, column=True, signature=True),
    Field("authors", "names", ("撰稿人", "拟稿人", "供稿人", "执笔人", "通讯员", "作者", "撰稿", "拟稿", "供稿", "记者",
                               "执笔", "文字", "文"),
          "作者", "Author(s)", "作者：张三、李四", "作者：张三、李四", required=True),
    Field("phone", "phone", ("联系电话", "联系方式", "联系手机", "手机号码", "电话号码", "移动电话", "办公电话",
                             "手机号", "电话", "手机", "座机", "Tel", "TEL", "tel", "Mobile"),
          "联系电话", "Contact phone", "联系电话：138 0000 0000", "联系电话：138 0000 0000",
          required=True, column=True, signature=True),
    Field("reviewer", "person", ("审核人", "审核", "审稿", "审签", "签发", "审定", "把关人"),
          "审核人", "Approved by", "审核人：王五", "审核人：王五", column=True),
)

BY_KEY: dict[str, Field] = {f.key: f for f in FIELDS}
KEYS: tuple[str, ...] = tuple(f.key for f in FIELDS)
DEFAULT_REQUIRED: tuple[str, ...] = tuple(f.key for f in FIELDS if f.required)
COLUMNS: tuple[str, ...] = tuple(f.key for f in FIELDS if f.column)
# Fields kept as one FieldValue in Draft.values (title, unit and names have their own slots)
VALUED: tuple[Field, ...] = tuple(f for f in FIELDS if f.shape in ("phone", "person", "text"))


def wording(lang: str) -> dict[str, dict[str, str]]:
    """Name and example of each field for the templates (`fields[key].label` / `.example`)."""
    en = lang == "en"
    return {f.key: {"label": f.en if en else f.zh, "example": f.example_en if en else f.example_zh}
            for f in FIELDS}
