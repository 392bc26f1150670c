"""The draft preview: `render_draft` in _draft.j2 and the standalone draft.html page."""

from __future__ import annotations

import re
from collections.abc import Callable

import jinja2
from template_cases import TEMPLATES_DIR, Context, Render


def _render_draft(env: jinja2.Environment, context: Context, inline_images: bool) -> str:
    template = env.from_string('{% from "_draft.j2" import render_draft %}{{ render_draft(draft, inline) }}')
    return template.render(draft=context["draft"], inline=inline_images)


def test_blocks_render_in_order_with_captions_after_photos(
    env: jinja2.Environment, make_context: Callable[..., Context]
) -> None:
    """Headings map to h2/h3, paragraphs are indented, each caption follows its photo in grey."""
    out = _render_draft(env, make_context(), inline_images=True)
    assert re.search(r"<h1[^>]*>市直机关工委举办青年干部读书分享会</h1>", out)
    assert out.count("<h1") == 1 and ">市直机关工委举办青年干部读书分享会</p>" not in out  # no repeated title block
    assert "来源：青禾市财政局机关党委　时间：2026-11-26　作者：张三、李四" in out
    assert re.search(r"<h2[^>]*>一、以书为媒</h2>", out) and re.search(r"<h3[^>]*>（一）分享心得</h3>", out)
    assert re.search(r'<p style="[^"]*text-indent:2em;[^"]*">青年干部', out)
    photo, caption = out.index('src="cid:photo1@intake"'), out.index("图为读书分享会现场。张三 摄</p>")
    assert out.index("一、以书为媒") < photo < caption < out.index("（一）分享心得")
    assert re.search(r'<p style="[^"]*text-align:center;[^"]*color:#777777;">图为读书分享会现场', out)
    assert "white-space:pre-wrap" in out and "财政局\t12" in out


def test_a_photo_without_caption_has_no_caption_paragraph(
    env: jinja2.Environment, make_context: Callable[..., Context]
) -> None:
    """Photo 2 has no caption: the image is followed directly by the next block."""
    out = _render_draft(env, make_context(), inline_images=True)
    after = out[out.index('src="cid:photo2@intake"') :]
    next_p = re.search(r"<p [^>]*>(.*?)</p>", after[after.index("</p>") + 4 :], re.S)
    assert next_p is not None and next_p.group(1).startswith("单位")


def test_unplaced_photos_follow_the_text(env: jinja2.Environment, make_context: Callable[..., Context]) -> None:
    """A photo no block places (an attached original) is shown after the article, with its caption."""
    out = _render_draft(env, make_context(), inline_images=True)
    assert out.index("财政局\t12") < out.index('src="cid:photo3@intake"') < out.index("会后合影</p>")


def test_standalone_page_uses_src_and_is_a_full_document(render: Render, make_context: Callable[..., Context]) -> None:
    """draft.html is a whole page (charset, title) whose images point at `src`, not `cid:`."""
    out = render("draft.html.j2", make_context())
    assert out.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in out
    assert "<title>市直机关工委举办青年干部读书分享会</title>" in out
    assert 'src="photos/1.jpg"' in out and "cid:" not in out


def test_draft_escapes_contributor_text_even_without_autoescape(make_context: Callable[..., Context]) -> None:
    """render_draft escapes on its own, so a misconfigured environment cannot inject HTML."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES_DIR)), autoescape=False)
    env.filters["join_authors"] = lambda authors: "、".join(authors or ())
    context = make_context()
    context["draft"]["blocks"][1]["text"] = "<img src=x onerror=alert(1)>"
    context["draft"]["photos"][0]["caption"] = '"><script>'
    out = _render_draft(env, context, inline_images=False)
    assert "<img src=x" not in out and "<script>" not in out
    assert "&lt;img src=x onerror=alert(1)&gt;" in out


def test_standalone_page_without_draft(render: Render, empty_context: Callable[[str], Context]) -> None:
    """With no draft the page still renders, with a placeholder."""
    out = render("draft.html.j2", empty_context("zh-CN"))
    assert "None" not in out and "<title>draft</title>" in out
