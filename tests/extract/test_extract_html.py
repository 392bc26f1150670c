"""HTML bodies: visible text lines, and 163 / QQ large-attachment links."""

from __future__ import annotations

from intake.extract.html import html_lines, large_attachment_links

HTML_163 = """<html><body><div>老师好，稿件太大，用超大附件发送。</div>
<div style="margin-top:20px"><div><b>从网易163邮箱发来的超大附件</b></div>
<div class="att"><a href="https://mail.163.com/large-attachment-download/index.html?p=X8a2k&amp;file=abc">
东山镇春耕党建视频.mp4</a><span>(80.96M, 2026年8月17日 0:49 到期)</span></div>
<div class="att"><a href="https://dashi.163.com/html/cloud-attachment-download/index.html?key=k2">
春耕时节话党建.docx</a><span>(1.2M, 2026年8月18日 9:05 到期)</span></div></div></body></html>"""

HTML_QQ = """<div>请查收。</div><div id="QQMAILSTATIONERY">
<div class="bigatt_bt" title="春耕时节话党建.docx">春耕时节话党建.docx</div>
<div>文件大小：3.5M</div><div>到期时间：2026年12月20日 10:30</div>
<a href="https://wx.mail.qq.com/ftn/download?func=3&amp;k=abc">下载</a></div>"""


def test_html_block_elements_become_lines_and_scripts_vanish() -> None:
    html = "<div>第一行<br>第二行</div><p>第三行&nbsp;</p><script>alert(1)</script><style>p{}</style>"
    assert html_lines(html) == ["第一行", "第二行", "第三行"]


def test_163_large_attachments_with_size_and_expiry() -> None:
    links = large_attachment_links(HTML_163)
    assert [(x["provider"], x["filename"], x["size"], x["expires"]) for x in links] == [
        ("163", "东山镇春耕党建视频.mp4", "80.96M", "2026年8月17日 0:49"),
        ("163", "春耕时节话党建.docx", "1.2M", "2026年8月18日 9:05"),
    ]
    assert links[0]["url"] == "https://mail.163.com/large-attachment-download/index.html?p=X8a2k&file=abc"


def test_qq_transfer_station_link() -> None:
    (link,) = large_attachment_links(HTML_QQ)
    assert link == {"provider": "qq", "filename": "春耕时节话党建.docx", "size": "3.5M",
                    "expires": "2026年12月20日 10:30", "url": "https://wx.mail.qq.com/ftn/download?func=3&k=abc"}


def test_old_qq_link_in_a_plain_text_body() -> None:
    text = "超大附件：https://mail.qq.com/cgi-bin/ftnExs_download?k=7a1b&t=exs 文件大小：12M"
    (link,) = large_attachment_links("", text)
    assert (link["provider"], link["size"]) == ("qq", "12M")


def test_ordinary_links_are_not_large_attachments() -> None:
    assert large_attachment_links('<a href="https://www.example.cn/news/1.html">新闻</a>') == []
