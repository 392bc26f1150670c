"""The outgoing mail templates: every kind renders in both languages and says what it must."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from html.parser import HTMLParser
from typing import Any

import pytest
from template_cases import KINDS, LANGS, PARTS, Context, Render, make_env

ALL_TEMPLATES = [f"{lang}/{kind}.{part}.j2" for lang in LANGS for kind in KINDS for part in PARTS]
AUTO_LINE = {"zh-CN": "本邮件由投稿系统自动发送", "en": "sent automatically by the submission system"}
REASONS: dict[str, dict[str, Any]] = {
    "no_manuscript": {},
    "unsupported_attachment": {"filename": "稿件.pages"},
    "unreadable_manuscript": {"filename": "稿件.docx"},
    "too_large": {"size_bytes": 83_000_000, "limit_bytes": 52_428_800},
    "unsafe_attachment": {"filename": "稿件.exe"},
    "external_link": {"provider": "163", "filename": "原图.zip", "expires": "2026年12月26日 0:49"},
    "duplicate": {"first_tracking_id": "TG-20261120-0003", "first_received_at": "2026-11-20 09:15"},
    "rate_limited": {},
}
WARNINGS: dict[str, dict[str, Any]] = {
    "photo_too_small": {"filename": "图2.jpg", "width": 800, "height": 600, "size_bytes": 156_000},
    "photo_missing_caption": {"filename": "图2.jpg"},
    "caption_too_long": {"filename": "图3.jpg"},
    "photos_only_in_manuscript": {},
    "no_photo_credit": {},
    "external_link": {"filename": "原图.zip", "expires": "2026年12月26日 0:49"},
    "secrecy_marker": {"marker": "内部资料"},
    "near_duplicate": {"first_tracking_id": "TG-20261120-0003"},
}
VOID = {"meta", "br", "img", "hr", "input", "link"}


class _TagBalance(HTMLParser):
    """Collects tags that are closed out of order or never closed."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> with open {self.stack[-3:]}")
        else:
            self.stack.pop()


def _html_errors(html: str) -> list[str]:
    parser = _TagBalance()
    parser.feed(html)
    parser.close()
    return parser.errors + [f"<{tag}> never closed" for tag in parser.stack]


def _visible_text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def _all_kinds_context(make_context: Callable[..., Context], lang: str) -> Context:
    return make_context(
        lang,
        missing=["phone", "reviewer"],
        reason={"code": "external_link", "detail": "", "data": REASONS["external_link"]},
    )


@pytest.mark.parametrize("name", ALL_TEMPLATES)
def test_every_template_renders_a_full_context_without_none(
    name: str, render: Render, make_context: Callable[..., Context]
) -> None:
    """Every template renders the realistic context, and no Python `None` leaks into the text."""
    out = render(name, _all_kinds_context(make_context, name.split("/")[0]))
    assert out.strip()
    assert "None" not in out


@pytest.mark.parametrize("name", ALL_TEMPLATES)
def test_every_template_renders_an_empty_context(
    name: str, render: Render, empty_context: Callable[[str], Context]
) -> None:
    """With every value None or empty, templates still render, without `None` or empty brackets."""
    out = render(name, empty_context(name.split("/")[0]))
    assert "None" not in out
    assert "《》" not in out and "“”" not in out


@pytest.mark.parametrize("name", [n for n in ALL_TEMPLATES if n.endswith(".subject.j2")])
def test_subjects_are_one_line(name: str, render: Render, make_context: Callable[..., Context]) -> None:
    """A title with line breaks still gives a one-line subject without stray spaces."""
    context = _all_kinds_context(make_context, name.split("/")[0])
    context["draft"]["title"] = "市直机关\n工委举办\r\n读书分享会"
    subject = render(name, context)
    assert "\n" not in subject and "\r" not in subject
    assert subject == subject.strip() and "  " not in subject


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", ["acknowledgement", "incomplete", "review_request"])
def test_tracking_id_in_subject_text_and_html(
    lang: str, kind: str, render: Render, make_context: Callable[..., Context]
) -> None:
    """Acknowledgement, incomplete notice and review request carry the tracking id in every part."""
    context = _all_kinds_context(make_context, lang)
    for part in PARTS:
        assert "TG-20261126-0007" in render(f"{lang}/{kind}.{part}.j2", context)


def test_review_request_subject_names_title_and_unit(render: Render, make_context: Callable[..., Context]) -> None:
    """The editors' subject reads 【待审稿件】TG-… 《标题》— 来源单位."""
    subject = render("zh-CN/review_request.subject.j2", make_context())
    assert subject == "【待审稿件】TG-20261126-0007 《市直机关工委举办青年干部读书分享会》— 青禾市财政局机关党委"


@pytest.mark.parametrize("name", [n for n in ALL_TEMPLATES if n.endswith(".html.j2")])
def test_html_escapes_a_script_title(name: str, render: Render, make_context: Callable[..., Context]) -> None:
    """Contributor-controlled text (title, file names, captions, reason data) is escaped in HTML."""
    context = _all_kinds_context(make_context, name.split("/")[0])
    evil = "<script>alert(1)</script>"
    context["draft"]["title"] = evil
    context["draft"]["photos"][0]["caption"] = evil
    context["original_subject"] = evil
    context["contributor_name"] = evil
    context["files"][0]["filename"] = evil
    context["warnings"][0]["data"]["filename"] = evil
    context["reason"]["data"] = {**context["reason"]["data"], "filename": evil}
    context["metadata"][0]["value"] = evil
    context["attachments"][0]["filename"] = evil
    out = render(name, context)
    assert "<script" not in out
    assert "&lt;script&gt;" in out


@pytest.mark.parametrize("name", [n for n in ALL_TEMPLATES if n.endswith(".html.j2")])
def test_html_is_balanced_self_contained_and_narrow(
    name: str, render: Render, make_context: Callable[..., Context]
) -> None:
    """HTML parts have balanced tags, no external resources or <style> blocks, and a 680 px column."""
    out = render(name, _all_kinds_context(make_context, name.split("/")[0]))
    assert _html_errors(out) == []
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", out)
    assert "<style" not in out and "<link" not in out and "<script" not in out
    assert "max-width:680px" in out
    assert '<meta charset="utf-8">' in out


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("part", ["txt", "html"])
@pytest.mark.parametrize("kind", KINDS)
def test_every_mail_ends_with_the_automatic_notice(
    lang: str, part: str, kind: str, render: Render, make_context: Callable[..., Context]
) -> None:
    """Each mail is signed by the site's submission mailbox and says it was sent automatically."""
    out = render(f"{lang}/{kind}.{part}.j2", _all_kinds_context(make_context, lang))
    assert AUTO_LINE[lang] in out
    assert "tougao@qinghe.example.cn" in out
    assert out.rindex(AUTO_LINE[lang]) > out.rindex("TG-20261126-0007")


# --------------------------------------------------------------------------- acknowledgement


@pytest.mark.parametrize("part", ["txt", "html"])
def test_acknowledgement_lists_files_counts_and_suggestions(
    part: str, render: Render, make_context: Callable[..., Context]
) -> None:
    """The acknowledgement names the title, every file with its size, counts, next steps and warnings."""
    out = _visible_text(render(f"zh-CN/acknowledgement.{part}.j2", make_context()))
    for expected in (
        "市直机关工委举办青年干部读书分享会",
        "读书分享会.docx",
        "说明.xlsx",
        "3.3 MB",
        "1234",
        "3 张",
        "无需重复发送",
        "800×600",
        "图片“图2.jpg”没有图片说明",
    ):
        assert expected in out


def test_acknowledgement_for_a_body_manuscript_says_so(render: Render, make_context: Callable[..., Context]) -> None:
    """When the article was in the mail body, the acknowledgement says so instead of a file name."""
    context = make_context(files=[])
    context["draft"]["manuscript"] = None
    assert "取自邮件正文" in render("zh-CN/acknowledgement.txt.j2", context)


# --------------------------------------------------------------------------- incomplete


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("part", ["txt", "html"])
def test_incomplete_lists_exactly_the_missing_fields_with_examples(
    lang: str, part: str, render: Render, make_context: Callable[..., Context]
) -> None:
    """Only the missing fields are asked for, each with its example line; found ones are shown to check."""
    context = make_context(lang, missing=["phone", "reviewer"])
    context["draft"]["phone"] = None
    context["draft"]["authors"] = ["赵六"]
    out = render(f"{lang}/incomplete.{part}.j2", context)
    text = _visible_text(out)
    assert "联系电话：138 0000 0000" in text and "审核人：王五" in text
    assert "作者：张三、李四" not in text  # an example is only given for missing fields
    if lang == "zh-CN":
        assert "请直接回复本邮件补充以上信息（无需重新发送附件）" in text
        assert re.search(r"1\.? *联系电话", text) and re.search(r"2\.? *审核人", text)
        assert "来源单位" in text and "青禾市财政局机关党委" in text and "赵六" in text  # found: to check
    else:
        assert "no need to attach the files again" in text
        assert "Contact phone" in text and "Approved by" in text
        assert "Source (unit)" in text and "青禾市财政局机关党委" in text


# --------------------------------------------------------------------------- rejection


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("code", sorted(REASONS))
def test_rejection_explains_every_reason_without_fallback(
    lang: str, code: str, render: Render, make_context: Callable[..., Context]
) -> None:
    """Each known reason has its own explanation and fix, not the generic fallback."""
    context = make_context(
        lang, tracking_id=None, draft=None, reason={"code": code, "detail": "internal detail", "data": REASONS[code]}
    )
    fallback = make_context(
        lang, tracking_id=None, draft=None, reason={"code": "something_new", "detail": "", "data": {}}
    )
    for part in ("txt", "html"):
        out = render(f"{lang}/rejection.{part}.j2", context)
        generic = render(f"{lang}/rejection.{part}.j2", fallback)
        reason_lines = [line for line in out.splitlines() if line not in generic.splitlines()]
        assert reason_lines, f"{code} renders like the fallback"
        assert "internal detail" not in out  # details of known reasons stay internal
        assert "TG-20261126-0007" not in out
        assert ("稿件编号：" if lang == "zh-CN" else "Tracking number") not in out


@pytest.mark.parametrize("lang", LANGS)
def test_rejection_specifics(lang: str, render: Render, make_context: Callable[..., Context]) -> None:
    """Sizes are in MB, link expiry is named, a duplicate points to the first tracking id."""

    def rejection(code: str) -> str:
        context = make_context(lang, draft=None, reason={"code": code, "detail": "", "data": REASONS[code]})
        return render(f"{lang}/rejection.txt.j2", context)

    assert "79 MB" in rejection("too_large") and "50 MB" in rejection("too_large")
    assert "2026年12月26日 0:49" in rejection("external_link") and "原图.zip" in rejection("external_link")
    duplicate = rejection("duplicate")
    assert "TG-20261120-0003" in duplicate and "2026-11-20 09:15" in duplicate
    subject = render(
        f"{lang}/rejection.subject.j2",
        make_context(lang, tracking_id=None, reason={"code": "duplicate", "detail": "", "data": REASONS["duplicate"]}),
    )
    assert "TG-20261120-0003" in subject


@pytest.mark.parametrize("lang", LANGS)
def test_rejection_of_an_unknown_reason_shows_its_detail(
    lang: str, render: Render, make_context: Callable[..., Context]
) -> None:
    """A reason code the templates don't know falls back to generic wording plus the detail."""
    context = make_context(lang, reason={"code": "something_new", "detail": "扫描件无法识别", "data": None})
    assert "扫描件无法识别" in render(f"{lang}/rejection.txt.j2", context)
    assert "扫描件无法识别" in render(f"{lang}/rejection.html.j2", context)


# --------------------------------------------------------------------------- warnings


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("code", sorted(WARNINGS))
def test_every_warning_has_its_own_wording(
    lang: str, code: str, render: Render, make_context: Callable[..., Context]
) -> None:
    """Each known warning reads differently from the fallback and names its data."""

    def ack(warning_code: str, data: dict[str, Any]) -> str:
        context = make_context(lang, warnings=[{"code": warning_code, "detail": "", "data": data}])
        return render(f"{lang}/acknowledgement.txt.j2", context)

    out = ack(code, WARNINGS[code])
    assert out != ack("something_new", {})
    for value in WARNINGS[code].values():
        if isinstance(value, str):
            assert value in out


# --------------------------------------------------------------------------- review request


@pytest.mark.parametrize("lang", LANGS)
def test_review_request_html_has_metadata_files_and_inline_draft(
    lang: str, render: Render, make_context: Callable[..., Context]
) -> None:
    """Editors see a metadata table (missing in red), warnings, attachments and the draft with cid: photos."""
    out = render(f"{lang}/review_request.html.j2", make_context(lang))
    not_found = "未找到" if lang == "zh-CN" else "Not found"
    assert re.search(r"color:#c62828;[^>]*>" + not_found, out)
    assert ("稿件落款" if lang == "zh-CN" else "closing lines of the manuscript") in out
    assert "zhangsan@163.com" in out and "全部原图.zip" in out and "76.3 MB" in out
    assert "draft.html" in out
    assert 'src="cid:photo1@intake"' in out and "photos/1.jpg" not in out
    assert "800×600" in out


@pytest.mark.parametrize("lang", LANGS)
def test_review_request_text_has_the_article(lang: str, render: Render, make_context: Callable[..., Context]) -> None:
    """The plain-text part carries the metadata and the article text, photos as numbered placeholders."""
    out = render(f"{lang}/review_request.txt.j2", make_context(lang))
    assert "青年干部结合工作实际交流读书体会。" in out
    assert "图为读书分享会现场。张三 摄" in out
    assert ("【未找到】" if lang == "zh-CN" else "[NOT FOUND]") in out
    assert out.index("一、以书为媒") < out.index("图为读书分享会现场") < out.index("（一）分享心得")


@pytest.mark.parametrize("name", [n for n in ALL_TEMPLATES if n.endswith(".html.j2")])
def test_html_escapes_even_in_an_environment_without_autoescape(
    name: str, make_context: Callable[..., Context]
) -> None:
    """HTML parts switch autoescape on themselves (select_autoescape(["html"]) misses *.html.j2)."""
    env = make_env()
    env.autoescape = False
    context = _all_kinds_context(make_context, name.split("/")[0])
    context["draft"]["title"] = context["contributor_name"] = "<script>x</script>"
    context["warnings"][0]["data"]["filename"] = "<script>y</script>"
    out = env.get_template(name).render(**context)
    assert "<script" not in out and "&lt;script&gt;" in out


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("part", ["txt", "html"])
def test_review_request_of_an_unanswered_submission_says_so_first(
    lang: str, part: str, render: Render, make_context: Callable[..., Context]
) -> None:
    """A web form's submission: the note (nobody answered, which address) comes before the tracking id, escaped."""
    sender = "noreply<script>@form.example"
    out = render(f"{lang}/review_request.{part}.j2",
                 make_context(lang, answered_automatically=False, sender_addr=sender, contributor_addr=sender))
    note = "未向投稿人或任何人发送自动回复" if lang == "zh-CN" else "Nobody was answered automatically"
    text = html.unescape(_visible_text(out)) if part == "html" else out
    assert note in text and "noreply<script>@form.example" in text
    assert text.index(note) < text.index("TG-20261126-0007")
    assert "<script>" not in out or part == "txt"
    assert ("不会自动通知投稿人" if lang == "zh-CN" else "not told automatically") in text


@pytest.mark.parametrize("lang", LANGS)
def test_review_request_names_the_shared_mailbox_that_sent_for_the_author(
    lang: str, render: Render, make_context: Callable[..., Context]
) -> None:
    """Reply-To author, From a unit's shared mailbox: both are shown; no 'not answered' note."""
    out = render(f"{lang}/review_request.txt.j2",
                 make_context(lang, answered_automatically=True, sender_addr="bgs@163.com"))
    assert "bgs@163.com" in out and "zhangsan@163.com" in out
    assert "未向投稿人" not in out and "Nobody was answered" not in out
