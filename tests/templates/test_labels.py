"""The per-language label macros the mail templates (and the renderer) share."""

from __future__ import annotations

import jinja2
import pytest
from template_cases import FIELDS, LANGS


def _call(env: jinja2.Environment, lang: str, expression: str) -> str:
    source = "{% import '" + lang + "/_labels.j2' as labels %}{{ " + expression + " }}"
    return env.from_string(source).render()


@pytest.mark.parametrize(
    ("name", "label"),
    [
        ("title", "标题"),
        ("source_unit", "来源单位"),
        ("authors", "作者"),
        ("phone", "联系电话"),
        ("reviewer", "审核人"),
        ("other", "other"),
    ],
)
def test_zh_field_labels(env: jinja2.Environment, name: str, label: str) -> None:
    """Field names map to the labels contributors know; unknown names pass through."""
    assert _call(env, "zh-CN", f"labels.field_label('{name}')") == label


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", FIELDS)
def test_every_field_has_a_one_line_example(env: jinja2.Environment, lang: str, name: str) -> None:
    """Each example is one line in the "标签：值" form the extractor recognises."""
    example = _call(env, lang, f"labels.field_example('{name}')")
    assert "\n" not in example and "：" in example
    assert example.startswith(_call(env, "zh-CN", f"labels.field_label('{name}')"))


@pytest.mark.parametrize(
    ("code", "label"),
    [
        ("manuscript", "稿件正文开头/标注"),
        ("manuscript:first_lines", "稿件正文开头/标注"),
        ("manuscript:closing", "稿件落款（无标注，系统推断）"),
        ("body:closing", "邮件正文落款（无标注，系统推断）"),
        ("manuscript:table", "稿件中的信息表"),
        ("body", "邮件正文"),
        ("subject", "邮件主题"),
        ("signature", "邮件签名（无标注，系统推断）"),
        ("filename", "附件文件名"),
        ("ocr", "ocr"),
    ],
)
def test_zh_found_in_labels(env: jinja2.Environment, code: str, label: str) -> None:
    """Where a value was found reads as a place in the mail; unknown codes pass through."""
    assert _call(env, "zh-CN", f"labels.found_in_label('{code}')") == label


@pytest.mark.parametrize("lang", LANGS)
def test_reason_and_warning_texts_accept_missing_data(env: jinja2.Environment, lang: str) -> None:
    """Every macro copes with data=None (values may be absent) and never prints None."""
    for macro in ("reason_text", "reason_fix", "warning_text"):
        for code in ("too_large", "external_link", "duplicate", "photo_too_small", "secrecy_marker",
                     "multiple_manuscripts", "x"):
            out = _call(env, lang, f"labels.{macro}('{code}', none)")
            assert out and "None" not in out and "\n" not in out


@pytest.mark.parametrize(("lang", "reviewers", "wanted"), [
    ("zh-CN", False, "请将其余稿件分别单独发送"),
    ("zh-CN", True, "系统已请投稿人另发邮件投稿"),
    ("en", False, "please send each of the others in a message of its own"),
    ("en", True, "the contributor has been asked"),
])
def test_a_second_article_is_named_with_the_step_each_side_takes(
    env: jinja2.Environment, lang: str, reviewers: bool, wanted: str
) -> None:
    data = "{'filenames': ['读书月.docx', '通报.docx'], 'chosen': '春耕.docx'}"
    out = _call(env, lang, f"labels.warning_text('multiple_manuscripts', {data}, for_reviewers={reviewers})")
    assert wanted in out and "读书月.docx" in out and "通报.docx" in out and "\n" not in out
    assert ("2 份" if lang == "zh-CN" else "2 manuscript files") in out
