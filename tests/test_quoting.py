"""intake.quoting.strip_quoted: a reply's own text, without the quoted original (our notice's examples)."""

from __future__ import annotations

import pytest

from intake.quoting import strip_quoted

ANSWER = "老师您好，补充信息如下：\n联系电话：13912345678\n供稿单位：青禾市财政局"
QUOTED = "请补充以下信息：\n联系电话：138 0000 0000\n供稿单位：（例：某某单位）"


@pytest.mark.parametrize(
    "separator",
    [
        '在 2026-11-26 11:00:00，"编辑部投稿邮箱" <tougao@localhost> 写道：',  # 163 / 126
        "------------------ 原始邮件 ------------------",  # QQ
        "-----Original Message-----",  # Outlook (old) / Foxmail
        "发件人: 编辑部投稿邮箱 <tougao@localhost>",  # Outlook (Chinese)
        "From: Editorial office <tougao@localhost>",  # Outlook (English)
        "On Thu, Nov 26, 2026 at 11:00 AM Editorial office <tougao@localhost> wrote:",  # Gmail
        "________________________________",  # Outlook's rule
    ],
    ids=["163", "qq", "original-message", "outlook-zh", "outlook-en", "gmail", "outlook-rule"],
)
def test_everything_from_the_quote_separator_on_is_dropped(separator: str) -> None:
    """The contributor's lines are kept; the separator and the quoted notice below it are not."""
    body = f"{ANSWER}\n\n{separator}\n{QUOTED}\n"
    assert strip_quoted(body) == ANSWER


def test_greater_than_quoted_lines_are_dropped_wherever_they_are() -> None:
    """'> ' lines (any depth, indented) are removed; the lines between them stay."""
    body = "> 请补充联系电话\n联系电话：13912345678\n  >> 联系电话：138 0000 0000\n谢谢"
    assert strip_quoted(body) == "联系电话：13912345678\n谢谢"


def test_a_body_without_quote_is_returned_trimmed() -> None:
    """No separator: the whole body, stripped of surrounding blank lines."""
    assert strip_quoted(f"\n\n{ANSWER}\n\n") == ANSWER


def test_a_label_line_mentioning_fajianren_inside_text_is_not_a_separator() -> None:
    """Only a line *starting* with 发件人: separates; a sentence containing it does not."""
    body = "本稿发件人：张三代为提交\n联系电话：13912345678"
    assert strip_quoted(body) == body


def test_163_separator_with_a_long_sender_name_and_address() -> None:
    """A 163 quote header naming a real site's sender (68 characters between 在 and 写道) still separates."""
    separator = '在 2026-11-26 11:00:00，"青海省直机关党建网投稿邮箱" <tougao@qinghai-dangjian.gov.cn> 写道：'
    assert strip_quoted(f"{ANSWER}\n\n{separator}\n{QUOTED}") == ANSWER
