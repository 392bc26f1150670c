"""Metadata: labels, credits, phones, 落款, subject patterns, signature, precedence and found_in."""

from __future__ import annotations

from email.message import EmailMessage

import pytest

from intake.extract.labels import table_label_lines
from intake.extract.metadata import Metadata, find_metadata
from intake.extract.names import normalise_phone, split_credits, split_names
from intake.extract.units import parse_subject
from intake.fields import FIELDS, Field
from intake.mail import parse_mail
from intake.models import Block, Draft, FieldValue
from intake.pipeline import followup_extraction


def meta(lines: list[str], body: list[str] | None = None, subject: str = "", filename: str | None = None) -> Metadata:
    return find_metadata(lines, body or [], subject, filename)


def test_values_on_the_same_line_with_full_width_colons() -> None:
    m = meta(["春耕时节话党建", "作者：周立群", "单位：东山镇党委", "联系电话：13800138000", "审核人：陈国庆"])
    assert m.title == FieldValue("春耕时节话党建", "manuscript")
    assert m.authors == ("周立群",)
    assert m.source_unit == FieldValue("东山镇党委", "manuscript")
    assert m.phone == FieldValue("13800138000", "manuscript")
    assert m.reviewer == FieldValue("陈国庆", "manuscript")
    assert m.used_lines == {1, 2, 3, 4}


def test_value_on_the_next_line() -> None:
    m = meta(["供稿单位：", "西湾社区党委", "撰稿人:", "林小燕"])
    assert m.source_unit == FieldValue("西湾社区党委", "manuscript")
    assert m.authors == ("林小燕",)
    assert m.used_lines == {0, 1, 2, 3}


def test_several_labels_on_one_line() -> None:
    m = meta(["作者：周立群  手机：138-0013-8000  审核：陈国庆"])
    assert (m.authors, m.phone, m.reviewer) == (
        ("周立群",), FieldValue("13800138000", "manuscript"), FieldValue("陈国庆", "manuscript"))


@pytest.mark.parametrize("value", ["周立群、林小燕和郑凯", "周立群，林小燕，郑凯", "周立群 林小燕 郑凯"])
def test_several_authors_are_split(value: str) -> None:
    assert meta([f"作者：{value}"]).authors == ("周立群", "林小燕", "郑凯")


def test_a_given_name_with_he_is_not_split() -> None:
    assert split_names("张和平、李四") == ("张和平", "李四")


@pytest.mark.parametrize("line", ["文/周立群 图/郑凯", "文 / 周立群  图 / 郑凯", "（文/周立群 图/郑凯）"])
def test_text_and_photo_credits(line: str) -> None:
    m = meta([line])
    assert m.authors == ("周立群",)
    assert m.photographers == ("郑凯",)


def test_annotated_credit_names_text_and_photo_authors() -> None:
    assert split_credits("周立群（文字作者）、郑凯（摄影作者）") == (("周立群",), ("郑凯",))


def test_reporter_and_correspondent_lists() -> None:
    m = meta(["通讯员 林小燕 郑凯 本报记者 周立群"])
    assert m.authors == ("林小燕", "郑凯", "周立群")


def test_postfix_photo_credit_line() -> None:
    m = meta(["（郑凯 摄）"])
    assert m.photographers == ("郑凯",)
    assert m.used_lines == {0}


def test_prose_starting_with_a_label_word_is_not_metadata() -> None:
    m = meta(["记者从市委组织部获悉，全市今年新发展党员工作已全面完成。"])
    assert m.authors == ()
    assert m.used_lines == set()


@pytest.mark.parametrize(("raw", "phone"), [
    ("138 0013 8000", "13800138000"),
    ("+86 138-0013-8000", "13800138000"),
    ("0571-87654321", "0571-87654321"),
    ("（0571）87654321", "0571-87654321"),
    ("057187654321", "0571-87654321"),
    ("01087654321", "010-87654321"),
    ("12345", None),
])
def test_phones_are_normalised_and_validated(raw: str, phone: str | None) -> None:
    assert normalise_phone(raw) == phone


def test_closing_line_unit_and_date_on_one_line() -> None:
    m = meta(["正文很长的一段话，不是标题也不是落款。", "东山镇人民政府 2026年11月20日"])
    assert m.source_unit == FieldValue("东山镇人民政府", "manuscript:closing")
    assert 1 in m.used_lines


def test_closing_unit_and_date_on_separate_lines() -> None:
    m = meta(["正文很长的一段话，不是标题也不是落款。", "中共东山镇委员会", "二〇二六年十一月二十日"])
    assert m.source_unit == FieldValue("中共东山镇委员会", "manuscript:closing")
    assert {1, 2} <= m.used_lines


@pytest.mark.parametrize(("subject", "unit", "title"), [
    ("【东山镇党委】春耕时节话党建", "东山镇党委", "春耕时节话党建"),
    ("东山镇党委：春耕时节话党建", "东山镇党委", "春耕时节话党建"),
    ("东山镇党委+春耕时节话党建", "东山镇党委", "春耕时节话党建"),
    ("东山镇党委+周立群+《春耕时节话党建》", "东山镇党委", "春耕时节话党建"),
    ("投稿：春耕时节话党建", None, "春耕时节话党建"),
    ("回复：投稿-春耕时节话党建", None, "春耕时节话党建"),
    ("【投稿】春耕时节话党建", None, "春耕时节话党建"),
    ("春耕时节话党建", None, "春耕时节话党建"),
])
def test_subject_patterns(subject: str, unit: str | None, title: str) -> None:
    assert parse_subject(subject) == (unit, title)


def test_precedence_manuscript_label_over_body_over_closing_over_subject() -> None:
    lines = ["一段正文，说明本次活动的情况。", "西湾社区党委 2026年11月20日"]
    assert meta(lines, ["来源：北岭街道"], "【东山镇党委】标题").source_unit == FieldValue("北岭街道", "body")
    assert meta(lines, [], "【东山镇党委】标题").source_unit == FieldValue("西湾社区党委", "manuscript:closing")
    assert meta(["来源：南浦村委会", *lines], ["来源：北岭街道"]).source_unit == FieldValue("南浦村委会", "manuscript")
    assert meta(["一段正文，说明本次活动的情况。"], [], "【东山镇党委】标题").source_unit == FieldValue(
        "东山镇党委", "subject")


def test_signature_gives_unit_and_phone_last() -> None:
    body = ["老师您好，附件是我单位的稿件，请审阅。", "--", "林小燕", "西湾社区党委", "13800138000"]
    m = meta(["一段正文，说明本次活动的情况。"], body)
    assert m.source_unit == FieldValue("西湾社区党委", "signature")
    assert m.phone == FieldValue("13800138000", "signature")


def test_title_falls_back_to_subject_then_file_name() -> None:
    long_first = ["这是一段很长的正文开头，没有单独的标题行，直接进入了叙述，说明了活动的时间地点和人物。"]
    assert meta(long_first, [], "投稿：春耕时节话党建").title == FieldValue("春耕时节话党建", "subject")
    assert meta(long_first, [], "", "东山镇党委+春耕时节话党建.docx").title == FieldValue("春耕时节话党建", "filename")


@pytest.mark.parametrize(("table", "lines"), [
    ("作者 | 丁一、马二 | 联系电话 | 13800138021\n单位 | 青禾市审计局 | 审核人 | 陈主任",
     ["作者：丁一、马二", "联系电话：13800138021", "单位：青禾市审计局", "审核人：陈主任"]),
    ("作者姓名 | 单位名称 | 联系电话（手机）\n丁一 | 青禾市审计局 | 13800138021",  # labels over their values
     ["作者：丁一", "单位：青禾市审计局", "联系电话：13800138021"]),
    ("*作  者： | 丁一 | 电话： | ", ["作者：丁一"]),  # required-field stars, padding, no value
    ("姓名 | 职务 | 电话\n周立群 | 书记 | 13800138000", []),  # a data table, not a form
    ("作者 | 电话", []),  # a header row with nothing below
    ("单位 | 电话\n审计局办公室 | 0571-86015327\n审计局法规科 | 0571-86015328", []),  # a list, not a form
    ("作者 | 单位\n丁一 | 审计局\n联系电话 | 13800138021", ["作者：丁一", "单位：审计局", "联系电话：13800138021"]),
])
def test_table_label_lines(table: str, lines: list[str]) -> None:
    assert table_label_lines(table) == lines


def test_text_labels_come_before_the_table() -> None:
    m = find_metadata(["春耕时节话党建", "作者：周立群"], [], "", None, ["作者：丁一", "联系电话：13800138021"])
    assert m.authors == ("周立群",) and m.authors_found_in == "manuscript"
    assert m.phone == FieldValue("13800138021", "manuscript:table")
    assert m.used_table_lines == frozenset({0, 1})


def _value(draft_or_meta: Draft | Metadata, key: str) -> str | None:
    if key == "authors":
        return "、".join(draft_or_meta.authors) or None
    if isinstance(draft_or_meta, Draft):
        found = draft_or_meta.value(key)
    else:
        found = {"title": draft_or_meta.title, "source_unit": draft_or_meta.source_unit}.get(key) \
            or draft_or_meta.values.get(key)
    return found.value.replace(" ", "") if found else None


@pytest.mark.parametrize("field", FIELDS, ids=lambda f: f.key)
def test_the_example_a_notice_gives_is_understood_in_a_manuscript(field: Field) -> None:
    """The "what is missing" notice shows an example line per field; written so in a manuscript, it is read."""
    for example in {field.example_zh, field.example_en}:
        lines = [example] if field.key == "title" else ["市直机关工委举办青年干部读书分享会", example]
        assert _value(find_metadata(lines, [], "", None), field.key) == example.split("：", 1)[1].replace(" ", "")


@pytest.mark.parametrize("field", FIELDS, ids=lambda f: f.key)
def test_the_example_a_notice_gives_completes_a_draft_in_a_reply(field: Field) -> None:
    """A reply to the incomplete notice whose body is the example line fills that field of the draft."""
    base = Draft(title=None, source_unit=None, authors=(), authors_found_in=None, blocks=(Block("paragraph", "正文"),),
                 photos=(), manuscript="稿件.docx", manuscript_format="docx")
    for example in {field.example_zh, field.example_en}:
        reply = EmailMessage()
        reply["From"], reply["To"], reply["Subject"] = "a@163.com", "tougao@example.test", "Re: 请补充稿件信息"
        reply.set_content(f"{example}\n")
        merged = followup_extraction(parse_mail(reply.as_bytes()), base).draft
        assert merged is not None
        assert _value(merged, field.key) == example.split("：", 1)[1].replace(" ", ""), example


@pytest.mark.parametrize(("written", "kept"), [
    ("青禾市民政局(办公室)", "青禾市民政局(办公室)"), ("青禾市民政局（办公室）", "青禾市民政局（办公室）"),
    ("青禾市民政局（办公室））。", "青禾市民政局（办公室）"), ("（青禾市民政局）", "青禾市民政局"),
    ("青禾市民政局，", "青禾市民政局"),
])
def test_a_unit_keeps_the_bracket_that_closes_its_own(written: str, kept: str) -> None:
    """A labelled unit ending in a bracketed part keeps its closing bracket; stray punctuation goes."""
    meta = find_metadata(["市直机关工委举办青年干部读书分享会", f"供稿单位：{written}", "作者：张三"], [], "", None)
    assert meta.source_unit is not None and meta.source_unit.value == kept
