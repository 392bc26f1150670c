"""Mail HTML bodies: visible text as lines (for a manuscript written in the body), and
large-attachment download links (163/126 超大附件, QQ 中转站) that stand in for MIME parts.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import parse_qs, urlsplit

import lxml.html
import nh3

from intake.text import clean_line

_BLOCKS = frozenset({
    "p", "div", "br", "li", "ul", "ol", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6",
    "blockquote", "pre", "section", "article", "header", "footer", "hr", "dd", "dt",
})
_PROVIDERS = (
    ("163", re.compile(r"mail\.(?:163|126)\.com/large-attachment-download|dashi\.163\.com/.*cloud-attachment-download"
                       r"|(?:163|126)\.com/.*large-attachment", re.I)),
    ("qq", re.compile(r"(?:wx\.)?mail\.qq\.com/(?:ftn/download|cgi-bin/ftnExs_download)|qq\.com/ftn/", re.I)),
)
_SIZE_163 = re.compile(r"[（(]\s*(?P<size>[\d.]+\s*[KMGT]i?B?)\s*[,，]\s*(?P<expires>[^()（）]*?)\s*到期\s*[)）]", re.I)
_SIZE_QQ = re.compile(r"文件大小[：:]\s*(?P<size>[\d.]+\s*[KMGT]?i?B?)", re.I)
_EXPIRES_QQ = re.compile(r"到期时间[：:]\s*(?P<expires>\d{4}年\d{1,2}月\d{1,2}日(?:\s*\d{1,2}:\d{2})?)")
_URL = re.compile(r"https?://[^\s\"'<>）)]+")
_FILE_LIKE = re.compile(r"\.[A-Za-z0-9]{1,5}$")


def html_lines(html: str) -> list[str]:
    """Visible text of an HTML body, one line per block element (sanitised with nh3 first)."""
    if not html.strip():
        return []
    safe = nh3.clean(html)
    root = lxml.html.fragment_fromstring(safe, create_parent="div")
    parts: list[str] = []
    _collect(root, parts)
    return [clean_line(x) for x in "".join(parts).split("\n") if clean_line(x)]


_PICTURE = "\ufffc"  # where an <img> stood, in the line stream of picture_captions
_MAX_HTML_CAPTION = 60  # longer lines after a picture are the article going on, not its caption


def picture_captions(html: str) -> list[str | None]:
    """For each inline picture of an HTML body, in order: the short line right after it, or None.

    Contributors who paste photos into the mail write the caption on the line under each one;
    `html_lines` keeps no trace of the pictures, so their places are read here.
    """
    if "<img" not in html.lower():
        return []
    root = lxml.html.fragment_fromstring(nh3.clean(html), create_parent="div")
    parts: list[str] = []
    _collect(root, parts, pictures=True)
    lines = [clean_line(x) for x in "".join(parts).split("\n") if clean_line(x)]
    captions: list[str | None] = []
    for i, line in enumerate(lines):
        if line != _PICTURE:
            continue
        after = lines[i + 1] if i + 1 < len(lines) else ""
        # a caption is one short description; a line of several clauses is the article going on
        ok = after and after != _PICTURE and len(after) <= _MAX_HTML_CAPTION and ":" not in after[:6] \
            and "：" not in after[:6] and after.count("，") + after.count(",") <= 1
        captions.append(after if ok else None)
    return captions


def _collect(element: Any, parts: list[str], pictures: bool = False) -> None:
    block = isinstance(element.tag, str) and element.tag.lower() in _BLOCKS
    if pictures and isinstance(element.tag, str) and element.tag.lower() == "img":
        parts.append(f"\n{_PICTURE}\n")
    if block:
        parts.append("\n")
    parts.append(element.text or "")
    for child in element:
        _collect(child, parts, pictures)
        parts.append(child.tail or "")
    if block:
        parts.append("\n")


def _provider(url: str) -> str | None:
    for name, pattern in _PROVIDERS:
        if pattern.search(url):
            return name
    return None


def _container(link: Any, links: list[Any]) -> Any:
    """The largest ancestor of `link` that holds no other large-attachment link."""
    box = link
    while box.getparent() is not None:
        parent = box.getparent()
        if any(other is not link and _is_inside(other, parent) for other in links):
            break
        box = parent
    return box


def _is_inside(element: Any, ancestor: Any) -> bool:
    return any(a is ancestor for a in element.iterancestors())


def _filename(link: Any, box: Any, url: str) -> str | None:
    for node in box.xpath(".//*[contains(concat(' ', normalize-space(@class), ' '), ' bigatt_bt ')]"):
        name = str(node.get("title") or node.text_content()).strip()
        if name:
            return name
    text = clean_line(link.text_content())
    if _FILE_LIKE.search(text):
        return text
    query = parse_qs(urlsplit(url).query)
    for key in ("file", "name"):
        if query.get(key):
            return query[key][0]
    title = link.get("title")
    return str(title) if title else (text or None)


def _details(provider: str, text: str) -> tuple[str | None, str | None]:
    if provider == "163":
        m = _SIZE_163.search(text)
        return (m["size"], clean_line(m["expires"])) if m else (None, None)
    size, expires = _SIZE_QQ.search(text), _EXPIRES_QQ.search(text)
    return (size["size"] if size else None), (expires["expires"] if expires else None)


def large_attachment_links(html: str, text: str = "") -> list[dict[str, str | None]]:
    """{provider, filename, size, expires, url} for each large-attachment link in the mail."""
    found: list[dict[str, str | None]] = []
    if html.strip():
        root = lxml.html.document_fromstring(html)
        links = [a for a in root.iter("a") if _provider(a.get("href") or "")]
        for link in links:
            url = link.get("href") or ""
            provider = _provider(url) or ""
            box = _container(link, links)
            size, expires = _details(provider, clean_line(box.text_content()))
            found.append({"provider": provider, "filename": _filename(link, box, url),
                          "size": size, "expires": expires, "url": url})
    seen = {d["url"] for d in found}
    for url in _URL.findall(text):
        text_provider = _provider(url)
        if text_provider and url not in seen:
            seen.add(url)
            size, expires = _details(text_provider, text)
            found.append({"provider": text_provider, "filename": None, "size": size, "expires": expires, "url": url})
    return found
