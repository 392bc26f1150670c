"""Metadata as outsiders type it (issue 15's families, written afresh for these tests): names and
phones as typed, unlabelled closing credits with their provenance, generic subjects, caption
lists, files that only claim to be Word documents, inline decorations."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from intake.extract.captions import numbered_captions
from intake.extract.choose import is_noise, read_manuscript, sort_attachments
from intake.extract.content import ExtractError
from intake.extract.limits import ExtractLimits
from intake.extract.metadata import find_metadata
from intake.extract.names import normalise_phone, person, split_names
from intake.extract.units import parse_subject
from intake.models import Attachment, FieldValue

ARTICLE = "4月8日，柳岸镇组织开展春季植树活动，镇村干部和志愿者共80余人参加，栽下樱花、桂花等苗木600余株。"


@pytest.mark.parametrize(("typed", "names"), [
    ("朱  琳、韩　冰、司马云帆", ("朱琳", "韩冰", "司马云帆")),
    ("罗 丹 宋嘉怡 唐 宁", ("罗丹", "宋嘉怡", "唐宁")),
    ("许明；谭 雪；方一舟", ("许明", "谭雪", "方一舟")),
    ("孔令辉及钟雨", ("孔令辉", "钟雨")),
    ("莫凡与杜小曼", ("莫凡", "杜小曼")),
    ("陆 远，蔡 青/黎明辉", ("陆远", "蔡青", "黎明辉")),
    ("覃文 和 黎晓 电话", ("覃文", "黎晓")),  # a label word is never a name
    ("凌 峰 苏明月 及 钱 多", ("凌峰", "苏明月", "钱多")),  # "及" between spaces separates
])
def test_names_as_people_type_them(typed: str, names: tuple[str, ...]) -> None:
    assert split_names(typed) == names


@pytest.mark.parametrize(("typed", "phone"), [
    ("１３８ ００１３ ８２０１", "13800138201"),
    ("138一0013一8202", "13800138202"),
    ("138—0013—8203", "13800138203"),
    ("138～0013～8204", "13800138204"),
    ("（0571）8765 1205 转 8012", "0571-87651205-8012"),
    ("0571－87651206 分机 33", "0571-87651206-33"),
    ("0851-86551207-302", "0851-86551207-302"),
    ("Tel: +86 138 0013 8208", "13800138208"),
])
def test_phones_as_people_type_them(typed: str, phone: str) -> None:
    assert normalise_phone(typed) == phone


def test_a_sign_off_keeps_the_name_without_job_title() -> None:
    assert person("孟庆华（党组成员、副局长）") == "孟庆华"
    assert person("白 露") == "白露"
    assert person("陈主任") == "陈主任"  # no name left without the title: kept as written


def test_closing_credits_give_unit_and_authors_marked_as_inferred() -> None:
    m = find_metadata(["柳岸镇开展春季植树活动", ARTICLE + "（柳岸镇人民政府 通讯员 龚小雨）"], [], "", None)
    assert m.source_unit == FieldValue("柳岸镇人民政府", "manuscript:closing")
    assert m.authors == ("龚小雨",) and m.authors_found_in == "manuscript:closing"
    m = find_metadata(["柳岸镇开展春季植树活动", ARTICLE, "（柳岸镇农业服务中心供稿）", "作者：龚小雨"], [], "", None)
    assert m.source_unit == FieldValue("柳岸镇农业服务中心", "manuscript:closing")
    assert m.authors == ("龚小雨",) and m.authors_found_in == "manuscript"


def test_a_labelled_value_beats_an_inferred_one() -> None:
    m = find_metadata(["柳岸镇开展春季植树活动", "单位：柳岸镇人民政府", ARTICLE, "（柳岸镇林业站供稿）"], [], "", None)
    assert m.source_unit == FieldValue("柳岸镇人民政府", "manuscript")


def test_a_correspondent_credit_with_the_media_unit_in_front() -> None:
    m = find_metadata(["柳岸镇开展春季植树活动", ARTICLE + "（县融媒体中心记者 牛犇 通讯员 龚小雨）"], [], "", None)
    assert m.authors == ("牛犇", "龚小雨")


def test_a_lead_credit_with_the_newspaper_before_the_reporter() -> None:
    m = find_metadata(["柳岸镇开展春季植树活动", "本报讯（云溪日报记者 牛犇 通讯员 龚小雨）" + ARTICLE], [], "", None)
    assert m.authors == ("牛犇", "龚小雨")


def test_a_generic_first_line_is_no_title() -> None:
    m = find_metadata(["新闻稿", ARTICLE, "作者：龚小雨"], [], "稿件", None)
    assert m.title is None


def test_supplied_by_a_unit_is_the_unit_not_an_author() -> None:
    m = find_metadata(["柳岸镇开展春季植树活动", ARTICLE, "供稿：柳岸镇党政综合办公室", "撰稿：龚小雨"], [], "", None)
    assert m.source_unit == FieldValue("柳岸镇党政综合办公室", "manuscript") and m.authors == ("龚小雨",)


@pytest.mark.parametrize(("subject", "parsed"), [
    ("投稿", (None, None)),
    ("Fw: 稿件", (None, None)),
    ("回复：新闻稿", (None, None)),
    ("植树活动稿件及照片", (None, None)),
    ("柳岸镇人民政府投稿", ("柳岸镇人民政府", None)),
    ("信息报送：柳岸镇开展春季植树活动", (None, "柳岸镇开展春季植树活动")),
    ("柳岸镇人民政府+龚小雨+柳岸镇开展春季植树活动", ("柳岸镇人民政府", "柳岸镇开展春季植树活动")),
    ("柳岸镇林业站稿件20260408", ("柳岸镇林业站", None)),
])
def test_generic_subjects_name_no_title(subject: str, parsed: tuple[str | None, str | None]) -> None:
    assert parse_subject(subject) == parsed


def test_no_title_from_a_generic_subject_or_a_default_file_name() -> None:
    m = find_metadata([ARTICLE, "作者：龚小雨"], [], "投稿", "新建 Microsoft Word 文档.docx")
    assert m.title is None
    m = find_metadata([ARTICLE], [], "稿件", "植树.doc")
    assert m.title is None
    m = find_metadata(["标题：柳岸镇开展春季植树活动", "作者：龚小雨", ARTICLE], [], "", None)
    assert m.title == FieldValue("柳岸镇开展春季植树活动", "manuscript")


def test_an_abbreviated_unit_in_the_subject_yields_to_the_full_name_signed() -> None:
    m = find_metadata([ARTICLE], ["附件是稿件。", "柳岸镇农业综合服务中心", "龚小雨"], "农服中心稿件", None)
    assert m.source_unit == FieldValue("柳岸镇农业综合服务中心", "signature")


def test_caption_lists_in_the_body() -> None:
    assert numbered_captions(["附图说明：", "1.志愿者扶苗培土", "2、干部提水浇灌", "谢谢"]) == {
        1: "志愿者扶苗培土", 2: "干部提水浇灌"}
    assert numbered_captions(["附图：1.志愿者扶苗培土 2.干部提水浇灌"]) == {1: "志愿者扶苗培土", 2: "干部提水浇灌"}
    assert numbered_captions(["照片见附件。附图：1.志愿者扶苗培土 2.干部提水浇灌"]) == {
        1: "志愿者扶苗培土", 2: "干部提水浇灌"}
    assert numbered_captions(["照片1 志愿者扶苗培土", "第二张：干部提水浇灌"]) == {
        1: "志愿者扶苗培土", 2: "干部提水浇灌"}


@pytest.mark.parametrize(("name", "data"), [
    ("稿件.docx", b"\x8f\x13random bytes that are no zip" * 20),
    ("稿件.doc", b"\x00\x01\x02 neither OLE nor RTF" * 20),
    ("稿件.docx", b""),
    ("稿件.docx", b"<html><body>\xe9\x93\xbe\xe6\x8e\xa5\xe5\xb7\xb2\xe5\xa4\xb1\xe6\x95\x88</body></html>"),
])
def test_a_file_that_only_claims_to_be_a_word_document_is_unreadable(name: str, data: bytes) -> None:
    with pytest.raises(ExtractError) as failed:
        read_manuscript(Attachment(name, "application/octet-stream", data), ExtractLimits())
    assert failed.value.code == "unreadable_manuscript"


def _jpeg(size: tuple[int, int]) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (90, 140, 60)).save(out, "JPEG")
    return out.getvalue()


def test_a_small_inline_image_is_a_photo_unless_it_is_small_in_pixels() -> None:
    photo = Attachment("a.jpg", "image/jpeg", _jpeg((320, 240)), content_id="a", inline=True)
    logo = Attachment("logo.jpg", "image/jpeg", _jpeg((300, 80)), content_id="b", inline=True)
    sorted_ = sort_attachments((photo, logo), ExtractLimits())
    assert [a.filename for a in sorted_.photos] == ["a.jpg"]


def test_text_a_converter_made_of_random_bytes_is_noise() -> None:
    import random

    rng = random.Random(7)
    garbage = "".join(chr(rng.randrange(0x100, 0xFFFF)) for _ in range(400))
    assert is_noise(garbage)
    assert not is_noise(ARTICLE * 3)
    assert not is_noise("Spring tree planting in Liu'an town, 80 volunteers. " * 5)
    assert not is_noise("㐀 龚小雨、䶮小明 " + ARTICLE)  # a rare Extension A name does not make noise


def test_more_ways_to_name_the_unit_and_no_title() -> None:
    m = find_metadata([ARTICLE, "稿件来源：柳岸镇文化站", "作者：龚小雨"], [], "", None)
    assert m.source_unit == FieldValue("柳岸镇文化站", "manuscript")
    m = find_metadata([ARTICLE], ["领导好，稿子见附件。", "柳岸镇文化站 | 龚小雨 | 13800138209"], "投稿", None)
    assert m.source_unit == FieldValue("柳岸镇文化站", "signature")
    assert find_metadata([ARTICLE], [], "", "新建文本文档.txt").title is None


def test_the_line_under_an_inline_picture_is_its_caption() -> None:
    from intake.extract.html import picture_captions

    html = ("<div><p>柳岸镇开展春季植树活动</p><p>" + ARTICLE + "</p><p><img src=\"cid:a@x\"></p>"
            "<p>志愿者扶苗培土。</p><p>" + ARTICLE + "</p><img src=\"cid:b@x\"><div>" + ARTICLE + "</div>"
            "<p><img src=\"cid:c@x\"></p><p>作者：龚小雨</p></div>")
    assert picture_captions(html) == ["志愿者扶苗培土。", None, None]  # prose and labels are no captions
    assert picture_captions("<p>没有图片</p>") == []


# Variants found by blind batch 6 (written afresh here, not copied from it).

def test_roles_inside_a_credit_are_not_names() -> None:
    assert split_names("钟岚 实习生 房小雨") == ("钟岚", "房小雨")
    assert split_names("见习记者 邱明") == ("邱明",)


@pytest.mark.parametrize(("typed", "name"), [
    ("综合科科长 鲁晓峰", "鲁晓峰"),
    ("办公室副主任 温雅", "温雅"),
    ("鲁晓峰 科长", "鲁晓峰"),
])
def test_a_job_title_before_or_after_the_reviewers_name(typed: str, name: str) -> None:
    assert person(typed) == name


def test_a_caption_list_announced_at_the_end_of_a_sentence() -> None:
    lines = ["您好，稿子和三张照片都在附件里，图片说明：", "1. 党员在社区门口摆摊宣传。", "2. 群众领取宣传册。"]
    assert numbered_captions(lines) == {1: "党员在社区门口摆摊宣传。", 2: "群众领取宣传册。"}


def test_a_one_line_signature_with_single_spaces_gives_the_full_unit() -> None:
    from intake.extract.units import signature_unit

    assert signature_unit(["请查收。", "", "云溪县档案馆 贝晓 0851-88660077转12"]) == "云溪县档案馆"
    assert signature_unit(["请查收。", "", "我们 最近 活动很多"]) is None


def test_a_docx_whose_compressed_text_is_damaged_is_unreadable() -> None:
    import zipfile

    from extract_helpers import sample_docx

    good = sample_docx()
    with zipfile.ZipFile(io.BytesIO(good)) as zf:
        info = zf.getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    damaged = bytearray(good)
    for k in range(start + 10, start + min(info.compress_size, 400), 7):  # the directory stays whole
        damaged[k] ^= 0x5A
    with pytest.raises(ExtractError) as raised:
        read_manuscript(Attachment("稿件.docx", "application/octet-stream", bytes(damaged)), ExtractLimits())
    assert raised.value.code == "unreadable_manuscript"
