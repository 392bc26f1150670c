"""The HTML review request, rendered by headless Chromium, shows the metadata table and the draft with photos."""

from __future__ import annotations

import email
import re
import shutil
import subprocess
from email import policy
from pathlib import Path

import pytest
from sqlalchemy import select

from intake.config import load_settings
from intake.runtime import build_runtime
from intake.tables import Notice

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars", "--virtual-time-budget=5000"]
PROBE = """<script>window.addEventListener("load", () => {
  const ok = [...document.images].filter(i => i.complete && i.naturalWidth > 0).length;
  document.body.insertAdjacentHTML("beforeend", `<p id="probe">images-loaded:${ok}/${document.images.length}</p>`);
});</script>"""


def review_request_page(tmp_path: Path) -> tuple[Path, dict[str, object]]:
    """Ingest a sample; write its review request's HTML with the inline photos as files beside it."""
    runtime = build_runtime(load_settings({"INTAKE_DATA_DIR": str(tmp_path / "data")}))
    message_id, _ = runtime.store.record_message((EXAMPLES / "01-docx-with-photos.eml").read_bytes(), "test")
    result = runtime.ingest(message_id)
    with runtime.store.session() as s:
        notice = s.scalars(select(Notice).where(Notice.kind == "review_request")).one()
        raw = runtime.store.blobs.get(notice.raw_sha256)
    mail = email.message_from_bytes(raw, policy=policy.default)
    html = str(mail.get_body(("html",)).get_content())  # type: ignore[union-attr]
    page = tmp_path / "page"
    page.mkdir()
    for i, part in enumerate(p for p in mail.walk() if p.get("Content-ID")):
        cid = str(part["Content-ID"]).strip("<>")
        name = f"inline{i}.{part.get_content_subtype()}"
        (page / name).write_bytes(part.get_payload(decode=True))  # type: ignore[arg-type]
        html = html.replace(f"cid:{cid}", name)
    target = page / "review.html"
    target.write_text(html.replace("</body>", PROBE + "</body>"), encoding="utf-8")
    return target, result


@pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium package is not installed")
def test_review_request_renders_metadata_draft_photos_and_captions(tmp_path: Path) -> None:
    target, result = review_request_page(tmp_path)
    artifacts = Path("artifacts")
    artifacts.mkdir(exist_ok=True)
    shot = artifacts / "review_request.png"
    common = [str(CHROMIUM), *FLAGS, f"--user-data-dir={tmp_path / 'profile'}"]
    subprocess.run([*common, "--window-size=900,2600", f"--screenshot={shot.resolve()}", target.as_uri()],
                   capture_output=True, timeout=120, check=True)
    dom = subprocess.run([*common, "--dump-dom", target.as_uri()], capture_output=True, text=True,
                         timeout=120, check=True).stdout
    text = re.sub(r"<[^>]+>", " ", dom)
    draft = result["draft"]
    assert isinstance(draft, dict)
    for label in ("标题", "来源单位", "作者", "联系电话", "审核人"):
        assert label in text
    for value in (draft["title"], draft["source_unit"], draft["phone"], *draft["authors"]):
        assert value in text
    body = text.index(draft["title"])
    for image in draft["images"]:
        assert image["caption"] in text[body:]
    assert "images-loaded:2/2" in text
    assert shot.stat().st_size > 20_000
