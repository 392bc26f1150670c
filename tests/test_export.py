"""`intake export`: an approved submission handed to the CMS as article.html, article.json and photos/.

Real components on SQLite and PostgreSQL: a .docx manuscript with headings and two captioned photos
is ingested, a reviewer approves it by an authenticated reply to the review request, and the
`intake export` command writes it out. The fragment is then opened in Debian's Chromium: every
photo must load and every caption must follow its photo.
"""

from __future__ import annotations

import html
import io
import json
import re
import shutil
import subprocess
import sys
import zipfile
from email.message import EmailMessage
from email.utils import formatdate
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import docx
import pytest
from PIL import Image

from intake.clock import local_text
from intake.drafts import contract_json, from_stored
from intake.export import photo_file_name
from intake.mail import parse_mail
from intake.runtime import Runtime
from intake.store.submissions import submission_by_tracking_id
from tests.trust_support import EDITOR, OWN, ingest, outbox, runtime_factory
from tests.trust_support import RuntimeFactory as RuntimeFactory

__all__ = ["runtime_factory"]  # the fixture, used by name

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
MX = "mx.example.test"
CONTRIBUTOR = "qh_zhangxl2026@163.com"
HOSTILE_TITLE = "青禾市<script>alert(1)</script>开展“节能 & 降碳”活动"
HOSTILE_UNIT = "青禾市机关事务管理局 & 节能办"
HOSTILE_CAPTION = "图为<script>alert(2)</script>志愿者 & 干部职工交流。"
HOSTILE_PHOTO_NAME = "../../<img src=x onerror=alert(3)>夜景.jpg"
SAFE_NAME = re.compile(r"^\d{2}-[A-Za-z0-9_-]+\.[a-z0-9]+$")


@pytest.fixture
def runtime(runtime_factory: RuntimeFactory) -> Runtime:
    """Reviewers' replies are believed only with DKIM passing under our own MX (INTAKE_TRUSTED_AUTHSERV_ID)."""
    return runtime_factory(trusted_authserv_id=MX)


# --------------------------------------------------------------------------- helpers


def intake(runtime: Runtime, *args: str) -> subprocess.CompletedProcess[str]:
    """The real command, in its own process, on this runtime's database and blob store (Chinese messages)."""
    settings = runtime.settings
    env = {"PATH": "/usr/bin:/bin", "INTAKE_DATA_DIR": str(settings.data_dir),
           "INTAKE_DATABASE_URL": settings.database_url, "INTAKE_SUBMISSION_ADDRESS": OWN,
           "INTAKE_REVIEWERS": EDITOR, "INTAKE_SECRET_KEY": "trust-routing-tests-" + "k" * 24,
           "INTAKE_LANGUAGE": "zh-CN"}
    return subprocess.run([sys.executable, "-m", "intake.cli", *args], env=env, capture_output=True, text=True,
                          timeout=120, check=False, cwd=Path(__file__).resolve().parents[1])


def approve(runtime: Runtime, tracking_id: str) -> None:
    """The reviewer answers our review request "通过" from their own, DKIM-signed mailbox."""
    review = next(m for m in outbox(runtime) if m["To"] == EDITOR and m["X-Intake-Tracking-Id"] == tracking_id)
    msg = EmailMessage()
    msg["Authentication-Results"] = f"{MX}; dkim=pass header.d=example.test; spf=pass smtp.mailfrom=example.test"
    msg["From"], msg["To"] = EDITOR, str(review["Reply-To"] or review["From"])
    msg["Subject"] = "回复：" + str(review["Subject"])
    msg["Message-ID"], msg["Date"] = f"<approve-{tracking_id}@example.test>", formatdate(localtime=True)
    msg["In-Reply-To"] = msg["References"] = str(review["Message-ID"])
    msg.set_content("通过\n\n> 各位编辑：\n")
    result = ingest(runtime, msg.as_bytes())
    assert result["reason"] == "review_decision", result
    assert status_of(runtime, tracking_id) == "approved"


def status_of(runtime: Runtime, tracking_id: str) -> str:
    with runtime.store.session() as s:
        sub = submission_by_tracking_id(s, tracking_id)
        assert sub is not None
        return sub.status


def hostile_mail() -> bytes:
    """Example 01's manuscript with markup and & in the title, the unit and a caption, plus a photo
    attached under a name that is a path with markup in it."""
    manuscript = next(a for a in parse_mail((EXAMPLES / "01-docx-with-photos.eml").read_bytes()).attachments
                      if a.filename.endswith(".docx"))
    document = docx.Document(io.BytesIO(manuscript.payload))
    document.paragraphs[0].runs[0].text = HOSTILE_TITLE
    document.paragraphs[1].runs[0].text = "来源：" + HOSTILE_UNIT
    assert document.paragraphs[7].text.startswith("图为")
    document.paragraphs[7].runs[0].text = HOSTILE_CAPTION
    saved = io.BytesIO()
    document.save(saved)
    photo = io.BytesIO()
    Image.new("RGB", (800, 600), (30, 90, 160)).save(photo, "JPEG")
    msg = EmailMessage()
    msg["From"], msg["To"] = f"张晓岚 <{CONTRIBUTOR}>", OWN
    msg["Subject"] = "投稿：" + HOSTILE_TITLE
    msg["Message-ID"], msg["Date"] = "<hostile@163.com>", "Thu, 26 Nov 2026 10:00:00 +0800"
    msg.set_content("编辑老师好，稿件见附件。")
    msg.add_attachment(saved.getvalue(), maintype="application",
                       subtype="vnd.openxmlformats-officedocument.wordprocessingml.document", filename="稿件.docx")
    msg.add_attachment(photo.getvalue(), maintype="image", subtype="jpeg", filename=HOSTILE_PHOTO_NAME)
    return msg.as_bytes()


class Fragment(HTMLParser):
    """The elements of article.html in order: (tag, attributes, text)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None], str]] = []
        self.open: list[int] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs), ""))
        if tag not in ("img", "br"):
            self.open.append(len(self.elements) - 1)

    def handle_endtag(self, tag: str) -> None:
        if tag not in ("img", "br"):
            self.open.pop()

    def handle_data(self, data: str) -> None:
        if self.open:
            tag, attrs, text = self.elements[self.open[-1]]
            self.elements[self.open[-1]] = (tag, attrs, text + data)


def parse(fragment: str) -> list[tuple[str, dict[str, str | None], str]]:
    parser = Fragment()
    parser.feed(fragment)
    parser.close()
    return parser.elements


def assert_inert(fragment: str) -> None:
    """No scripts, no event handlers, no styles, no URL leaving the folder."""
    elements = parse(fragment)
    assert {tag for tag, _, _ in elements} <= {"h1", "h2", "h3", "h4", "p", "br", "figure", "img", "figcaption"}
    for _, attrs, _ in elements:
        assert set(attrs) <= {"src", "alt"}, attrs
        src = attrs.get("src")
        assert src is None or (src.startswith("photos/") and ":" not in src and ".." not in src)
    assert "<script" not in fragment.lower() and "http" not in fragment.lower()


def exported_files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


# --------------------------------------------------------------------------- Chromium


CHROMIUM = shutil.which("chromium")
WRAPPER = """<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><base href="{base}"><title>loading</title>
<style>body{{max-width:760px;margin:24px auto;font-family:'Noto Sans CJK SC',sans-serif;line-height:1.8}}
img{{max-width:100%;height:auto;display:block}}figure{{margin:16px 0;text-align:center}}
figcaption{{color:#666;font-size:14px}}</style></head>
<body>
{fragment}
<script>
window.addEventListener("load", function () {{
  var images = Array.prototype.map.call(document.querySelectorAll("img"), function (img) {{
    var next = img.nextElementSibling;
    return {{src: img.getAttribute("src"), width: img.naturalWidth, alt: img.getAttribute("alt"),
            parent: img.parentElement.tagName.toLowerCase(),
            caption: next && next.tagName === "FIGCAPTION" ? next.textContent : null}};
  }});
  var captions = Array.prototype.map.call(document.querySelectorAll("figcaption"), function (c) {{
    return c.textContent;
  }});
  document.title = JSON.stringify({{images: images, captions: captions,
                                    scripts: document.scripts.length, alerted: !!window.alerted}});
}});
window.alert = function () {{ window.alerted = true; }};
</script>
</body></html>
"""


def chromium_view(folder: Path, work: Path, screenshot: Path) -> dict[str, Any]:
    """Open article.html (inside a wrapper whose <base> is the export folder) in headless Chromium:
    the load handler's JSON from document.title, and a screenshot of the page."""
    if CHROMIUM is None:
        pytest.skip("chromium is not installed (Debian: apt-get install chromium)")
    wrapper = work / "wrapper.html"
    wrapper.write_text(WRAPPER.format(base=folder.as_uri() + "/",
                                      fragment=(folder / "article.html").read_text(encoding="utf-8")),
                       encoding="utf-8")
    flags = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--allow-file-access-from-files",
             f"--user-data-dir={work / 'chromium-profile'}", "--no-first-run", "--disable-extensions"]
    dom = subprocess.run([*flags, "--virtual-time-budget=5000", "--dump-dom", wrapper.as_uri()],
                         capture_output=True, text=True, timeout=90, check=False)
    assert dom.returncode == 0, dom.stderr[-2000:]
    found = re.search(r"<title>(.*?)</title>", dom.stdout, re.S)
    assert found is not None, dom.stdout[:2000]
    shot = subprocess.run([*flags, "--hide-scrollbars", "--window-size=900,2600", f"--screenshot={screenshot}",
                           wrapper.as_uri()], capture_output=True, text=True, timeout=90, check=False)
    assert shot.returncode == 0 and screenshot.stat().st_size > 0, shot.stderr[-2000:]
    view: dict[str, Any] = json.loads(html.unescape(found.group(1)))
    return view


# --------------------------------------------------------------------------- tests


def test_an_approved_submission_exports_for_the_cms(runtime: Runtime, tmp_path: Path, test_artifacts: Path) -> None:
    first = ingest(runtime, (EXAMPLES / "01-docx-with-photos.eml").read_bytes())
    tracking_id = first["tracking_id"]
    approve(runtime, tracking_id)

    done = intake(runtime, "export", tracking_id.lower(), "--out", str(tmp_path / "cms"), "--zip")
    assert done.returncode == 0, done.stderr
    folder = tmp_path / "cms" / tracking_id
    assert str(folder) in done.stdout and "2 张图片" in done.stdout
    files = exported_files(folder)
    assert sorted(files) == ["article.html", "article.json", "photos/01-image1.jpg", "photos/02-image2.jpg"]

    with runtime.store.session() as s:
        sub = submission_by_tracking_id(s, tracking_id)
        assert sub is not None and sub.draft is not None
        draft, registered = from_stored(sub.draft), local_text(sub.created_at, runtime.settings.tz, "%Y-%m-%d")
    for photo, name in zip(draft.photos, ["photos/01-image1.jpg", "photos/02-image2.jpg"], strict=True):
        assert files[name] == runtime.store.blobs.get(photo.sha256)

    document = json.loads(files["article.json"])
    assert document["tracking_id"] == tracking_id and document["status"] == "approved"
    assert document["draft"] == contract_json(draft) == first["draft"]
    assert document["photos"] == ["photos/01-image1.jpg", "photos/02-image2.jpg"]

    fragment = files["article.html"].decode("utf-8")
    assert_inert(fragment)
    elements = parse(fragment)
    outline = [(tag, text) for tag, _, text in elements if tag in ("h1", "h2", "h3", "figcaption")]
    assert outline == [
        ("h1", "青禾市机关事务管理局开展“节能宣传周”系列活动"),
        ("figcaption", "图为党员志愿者在机关大院向干部职工发放节能宣传手册。"),
        ("h2", "一、摸清家底，建立能耗台账"),
        ("figcaption", "图为工作人员演示智能照明控制系统。"),
        ("h2", "二、突出重点，推进节能改造"), ("h3", "（一）推广节能灯具"), ("h3", "（二）规范空调使用"),
        ("h2", "三、强化宣传，营造节约氛围"),
    ]
    # 时间: the registration date in office time (Asia/Shanghai), as on the review request
    assert elements[1] == ("p", {}, f"来源：青禾市机关事务管理局　时间：{registered}　作者：张晓岚、李明哲")
    assert fragment.count("<figure>") == 2
    assert '<figure><img src="photos/01-image1.jpg" alt="图为党员志愿者在机关大院向干部职工发放节能宣传手册。">' \
           "<figcaption>图为党员志愿者在机关大院向干部职工发放节能宣传手册。</figcaption></figure>" in fragment

    with zipfile.ZipFile(tmp_path / "cms" / f"{tracking_id}.zip") as archive:
        assert archive.testzip() is None
        assert sorted(archive.namelist()) == sorted(files)
        assert {name: archive.read(name) for name in archive.namelist()} == files
    assert sorted(p.name for p in (tmp_path / "cms").iterdir()) == [tracking_id, f"{tracking_id}.zip"]

    view = chromium_view(folder, tmp_path, test_artifacts / "article.png")
    assert [i["src"] for i in view["images"]] == ["photos/01-image1.jpg", "photos/02-image2.jpg"]
    assert all(i["width"] == 1600 for i in view["images"]), view  # each photo loaded (naturalWidth)
    assert [i["caption"] for i in view["images"]] == [p.caption for p in draft.photos]  # right after its photo
    assert view["captions"] == [p.caption for p in draft.photos]
    assert all(i["parent"] == "figure" for i in view["images"])


def test_markup_in_the_title_and_captions_arrives_escaped_and_names_are_safe(
    runtime: Runtime, tmp_path: Path, test_artifacts: Path
) -> None:
    first = ingest(runtime, hostile_mail())
    assert first["outcome"] == "accepted", first
    assert first["draft"]["title"] == HOSTILE_TITLE and first["draft"]["source_unit"] == HOSTILE_UNIT
    tracking_id = first["tracking_id"]
    approve(runtime, tracking_id)

    done = intake(runtime, "export", tracking_id, "--out", str(tmp_path / "cms"), "--zip")
    assert done.returncode == 0, done.stderr
    folder = tmp_path / "cms" / tracking_id
    files = exported_files(folder)
    photos = sorted(name for name in files if name.startswith("photos/"))
    assert [name.removeprefix("photos/") for name in photos] == [
        "01-image1.jpg", "02-image2.jpg", "03-img-src-x-onerror-alert-3.jpg"]
    assert all(SAFE_NAME.match(name.removeprefix("photos/")) for name in photos)
    assert all(p.resolve().is_relative_to(folder) for p in folder.rglob("*"))

    fragment = files["article.html"].decode("utf-8")
    assert_inert(fragment)
    assert "<h1>青禾市&lt;script&gt;alert(1)&lt;/script&gt;开展“节能 &amp; 降碳”活动</h1>" in fragment
    assert "来源：青禾市机关事务管理局 &amp; 节能办" in fragment
    assert ("<figcaption>图为&lt;script&gt;alert(2)&lt;/script&gt;志愿者 &amp; 干部职工交流。</figcaption>"
            in fragment)
    assert 'alt="图为&lt;script&gt;alert(2)&lt;/script&gt;志愿者 &amp; 干部职工交流。"' in fragment
    assert "onerror=" not in fragment and "夜景" not in fragment  # the hostile name survives only sanitised
    elements = parse(fragment)
    assert elements[0] == ("h1", {}, HOSTILE_TITLE)  # escaped once: the reader sees exactly what was written
    # the attached photo, placed by no block, follows the text; it has no caption, so no <figcaption>
    assert [attrs.get("src") for tag, attrs, _ in elements if tag == "img"] == photos
    assert elements[-2:] == [("figure", {}, ""), ("img", {"src": photos[2], "alt": ""}, "")]
    document = json.loads(files["article.json"])
    assert document["draft"]["title"] == HOSTILE_TITLE
    with zipfile.ZipFile(tmp_path / "cms" / f"{tracking_id}.zip") as archive:
        assert sorted(archive.namelist()) == sorted(files)
        assert all(SAFE_NAME.match(n.removeprefix("photos/")) for n in archive.namelist() if n.startswith("photos/"))

    view = chromium_view(folder, tmp_path, test_artifacts / "hostile.png")
    assert view["scripts"] == 1 and view["alerted"] is False  # only the wrapper's own script exists and ran
    assert all(i["width"] > 0 for i in view["images"]), view
    assert [i["caption"] for i in view["images"]] == [HOSTILE_CAPTION, "图为工作人员演示智能照明控制系统。", None]
    assert view["images"][0]["alt"] == HOSTILE_CAPTION


def test_only_an_approved_submission_exports_unless_forced(runtime: Runtime, tmp_path: Path) -> None:
    first = ingest(runtime, (EXAMPLES / "01-docx-with-photos.eml").read_bytes())
    tracking_id, out = first["tracking_id"], tmp_path / "cms"
    assert status_of(runtime, tracking_id) == "pending_review"

    refused = intake(runtime, "export", tracking_id, "--out", str(out), "--zip")
    assert refused.returncode == 1
    assert f"投稿 {tracking_id} 尚未审核通过（当前状态：pending_review），不能导出" in refused.stderr
    assert not out.exists() or not any(out.iterdir())

    unknown = intake(runtime, "export", "TG-20000101-9999", "--out", str(out))
    assert unknown.returncode == 1 and "找不到投稿：TG-20000101-9999" in unknown.stderr

    forced = intake(runtime, "export", tracking_id, "--out", str(out), "--force")
    assert forced.returncode == 0, forced.stderr
    assert json.loads((out / tracking_id / "article.json").read_text())["status"] == "pending_review"
    assert not (out / f"{tracking_id}.zip").exists()

    approve(runtime, tracking_id)
    (out / tracking_id / "stale.txt").write_text("from an earlier export")
    again = intake(runtime, "export", tracking_id, "--out", str(out))
    assert again.returncode == 1 and "目标已存在且不为空" in again.stderr
    assert (out / tracking_id / "stale.txt").exists()
    replaced = intake(runtime, "export", tracking_id, "--out", str(out), "--force")
    assert replaced.returncode == 0, replaced.stderr
    assert sorted(exported_files(out / tracking_id)) == [
        "article.html", "article.json", "photos/01-image1.jpg", "photos/02-image2.jpg"]  # replaced whole
    assert json.loads((out / tracking_id / "article.json").read_text())["status"] == "approved"
    assert sorted(p.name for p in out.iterdir()) == [tracking_id]  # no staging folder left behind


@pytest.mark.parametrize(("name", "content_type", "expected"), [
    ("image1.jpg", "image/jpeg", "01-image1.jpg"),
    ("../../etc/passwd", "image/png", "01-passwd.png"),
    ("C:\\Users\\张三\\Desktop\\活动 照片(1).JPG", "image/jpeg", "01-1.jpg"),
    ("活动现场.heic", "image/jpeg", "01-photo.jpg"),
    ("<img src=x onerror=alert(1)>.gif", "image/gif", "01-img-src-x-onerror-alert-1.gif"),
    ("..", "application/octet-stream", "01-photo.bin"),
    ("photo.tar.gz;rm -rf ~", "image/webp", "01-photo-tar.webp"),
    ("a\r\nb.png", "image/png", "01-a-b.png"),
])
def test_photo_file_names_are_safe_and_never_a_path(name: str, content_type: str, expected: str) -> None:
    made = photo_file_name(0, name, content_type)
    assert made == expected and SAFE_NAME.match(made)


def test_a_photo_no_longer_stored_refuses_the_export_and_leaves_nothing(runtime: Runtime, tmp_path: Path) -> None:
    """An approved submission is finished work: `intake purge` may have deleted its photos' bytes."""
    first = ingest(runtime, (EXAMPLES / "01-docx-with-photos.eml").read_bytes())
    tracking_id = first["tracking_id"]
    approve(runtime, tracking_id)
    with runtime.store.session() as s:
        sub = submission_by_tracking_id(s, tracking_id)
        assert sub is not None and sub.draft is not None
        photo = from_stored(sub.draft).photos[1]
    assert runtime.store.blobs.delete(photo.sha256)
    out = tmp_path / "cms"
    done = intake(runtime, "export", tracking_id, "--out", str(out), "--zip")
    assert done.returncode == 1 and f"图片原件已不在存储中（可能已被清理）：{photo.filename}" in done.stderr
    assert not out.exists() or list(out.iterdir()) == []
