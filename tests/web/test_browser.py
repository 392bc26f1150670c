"""The editorial desk in a real browser: `intake web` in its own process, driven by Debian's Chromium.

Real components on SQLite and PostgreSQL: six example mails (.docx with photos, separate photos, a zip,
a PDF, …; six units) are ingested through the pipeline with the SMTP sink as the outbox, routed round
robin to two reviewers; the accounts are made with `intake user add` (password on standard input);
`intake web` serves the desk. Playwright's sync API drives /usr/bin/chromium headless: logging in
through the form, filtering the list, reading a draft (each photo loads, its caption follows it),
deciding, and what a forged token, another reviewer's submission or a second click get. Every
decision is checked where it lands: the page, the database and the mail in the sink. Screenshots
go to artifacts/<test id>/ (and, with INTAKE_UPDATE_SCREENSHOTS=1, to docs/img/ for the README).
"""

from __future__ import annotations

import email.policy
import email.utils
import json
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from email import message_from_bytes
from email.message import EmailMessage
from pathlib import Path
from typing import Any, Protocol

import httpx
import pytest
import servers
from playwright.sync_api import Browser, BrowserContext, Page, Route, ViewportSize, expect, sync_playwright

from intake.config import load_settings
from intake.runtime import Runtime, build_runtime
from intake.store.submissions import submission_by_tracking_id

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = [pytest.mark.integration, pytest.mark.skipif(
    not CHROMIUM.exists(), reason=f"{CHROMIUM} is missing (Debian: apt-get install chromium): the desk's browser "
                                  "tests drive it through Playwright, which downloads no browser here")]

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples"
EXPECTED: dict[str, dict[str, Any]] = json.loads((EXAMPLES / "expected.json").read_text(encoding="utf-8"))
DOCX = "01-docx-with-photos.eml"  # a .docx with headings and two captioned photos
SEEDED = (DOCX, "02-separate-photos-captions-in-body.eml", "10-outlook-rfc2231-names.eml", "15-zip-gbk-names.eml",
          "04-gbk-txt-manuscript.eml", "14-pdf-manuscript.eml")
OWN = "tougao@example.test"
REVIEWERS = ("editor@example.test", "editor2@example.test")
ADMIN = "chief@example.test"
PASSWORD = "青禾 desk password 2026"
SECRET = "desk-browser-tests-" + "k" * 24
HOST = "127.0.0.1"
VIEWPORT: ViewportSize = {"width": 1280, "height": 900}


class Sink(Protocol):
    """What these tests use of conftest's `smtp_sink` (tests/servers.py SmtpSink)."""

    @property
    def url(self) -> str: ...

    def messages(self) -> list[EmailMessage]: ...

    def wait_for(self, count: int, timeout: float = 10.0) -> list[Any]: ...


@dataclass(frozen=True)
class Desk:
    """A running `intake web` on a seeded database, and where to look at its effects."""

    url: str
    runtime: Runtime  # the seeding runtime: the same settings and database, for reading states back
    sink: Sink
    ids: dict[str, str]  # example file → tracking id
    assigned: dict[str, list[str]]  # reviewer → tracking ids, from the review requests in the sink
    seeded_mails: int  # mails in the sink once seeding was done

    def reviewer_of(self, tracking_id: str) -> str:
        return next(r for r, ids in self.assigned.items() if tracking_id in ids)

    def example_of(self, tracking_id: str) -> str:
        return next(name for name, tid in self.ids.items() if tid == tracking_id)

    def status(self, tracking_id: str) -> str:
        with self.runtime.store.session() as s:
            sub = submission_by_tracking_id(s, tracking_id)
            assert sub is not None
            return sub.status

    def decisions(self, tracking_id: str) -> list[EmailMessage]:
        """Mails about `tracking_id` sent since seeding (only a decision sends one)."""
        return [m for m in self.sink.messages()[self.seeded_mails:] if m["X-Intake-Tracking-Id"] == tracking_id]


def contributor(example: str) -> str:
    raw = (EXAMPLES / example).read_bytes()
    sender = message_from_bytes(raw, policy=email.policy.default)["From"]
    return email.utils.parseaddr(str(sender))[1].lower()


def intake_env(database_url: str, data_dir: Path, config: Path, smtp_url: str) -> dict[str, str]:
    """The settings of the seeding runtime and of every `intake` process (the same mapping)."""
    return {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8",
            "INTAKE_DATA_DIR": str(data_dir), "INTAKE_DATABASE_URL": database_url, "INTAKE_SUBMISSION_ADDRESS": OWN,
            "INTAKE_REVIEWERS": ",".join(REVIEWERS), "INTAKE_CONFIG": str(config), "INTAKE_SMTP_URL": smtp_url,
            "INTAKE_SECRET_KEY": SECRET, "INTAKE_RATE_LIMIT_PER_HOUR": "0", "INTAKE_LANGUAGE": "zh-CN"}


def ingest(runtime: Runtime, raw: bytes) -> dict[str, Any]:
    message_id, _ = runtime.store.record_message(raw, "test")
    return runtime.ingest(message_id)


def add_accounts(env: dict[str, str], folder: Path) -> list[tuple[str, str, subprocess.Popen[str]]]:
    """`intake user add` for the admin and both reviewers, started at once (argon2 takes a while)."""
    secret = folder / "password.txt"
    secret.write_text(PASSWORD + "\n", encoding="utf-8")  # standard input, not a terminal: its first line
    started = []
    for address, role in ((ADMIN, "admin"), *((r, "reviewer") for r in REVIEWERS)):
        with open(secret, encoding="utf-8") as stdin:
            started.append((address, role, subprocess.Popen(
                [sys.executable, "-m", "intake.cli", "user", "add", address, "--role", role], stdin=stdin,
                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=REPO)))
    return started


def accounts_added(started: list[tuple[str, str, subprocess.Popen[str]]]) -> None:
    for address, role, proc in started:
        out, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err
        assert f"已添加账号 {address}（{role}）" in out, out


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """One headless Debian Chromium for the module; every test has contexts (cookie jars) of its own."""
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"], headless=True)
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    made = browser.new_context(viewport=VIEWPORT, locale="zh-CN")
    try:
        yield made
    finally:
        made.close()


@pytest.fixture
def desk(database_url: str, smtp_sink: Sink, tmp_path: Path, test_artifacts: Path) -> Iterator[Desk]:
    """Six submissions from six units, round robin over two reviewers; three accounts; `intake web` running."""
    config = tmp_path / "intake.toml"
    config.write_text('[routing]\nmode = "round_robin"\n', encoding="utf-8")
    env = intake_env(database_url, tmp_path / "data", config, smtp_sink.url)
    runtime = build_runtime(load_settings(env), migrate=True)
    accounts = add_accounts(env, tmp_path)  # the accounts and the server start while the mails are ingested
    port = servers.free_port()
    with open(test_artifacts / "web.log", "wb") as log:
        proc = subprocess.Popen([sys.executable, "-m", "intake.cli", "web", "--host", HOST, "--port", str(port)],
                                stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT, env=env, cwd=REPO)
    try:
        ids: dict[str, str] = {}
        for name in SEEDED:
            result = ingest(runtime, (EXAMPLES / name).read_bytes())
            assert result["outcome"] == "accepted", (name, result)
            ids[name] = result["tracking_id"]
        seeded = len(smtp_sink.wait_for(2 * len(SEEDED)))  # an acknowledgement and a review request each
        assigned: dict[str, list[str]] = {r: [] for r in REVIEWERS}
        for mail in smtp_sink.messages():
            if str(mail["To"]) in assigned:
                assigned[str(mail["To"])].append(str(mail["X-Intake-Tracking-Id"]))
        assert sorted(map(len, assigned.values())) == [3, 3], assigned  # round robin: each gets every other one
        accounts_added(accounts)
        servers.wait_port(HOST, port, timeout=30.0, proc=proc)
        yield Desk(f"http://{HOST}:{port}", runtime, smtp_sink, ids, assigned, seeded)
    finally:
        for _, _, started in accounts:
            if started.poll() is None:
                started.kill()
                started.wait(5)
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)
        runtime.store.dispose()


# --------------------------------------------------------------------------- helpers


def log_in(page: Page, desk: Desk, address: str) -> None:
    """Through the login form, as a person would."""
    page.goto(f"{desk.url}/login")
    page.fill("input[name=username]", address)
    page.fill("input[name=password]", PASSWORD)
    with page.expect_navigation():
        page.click("main button[type=submit]")
    expect(page).to_have_url(f"{desk.url}/")
    expect(page.locator("header .who")).to_contain_text(address)


def listed(page: Page) -> list[str]:
    return [str(row.get_attribute("data-tracking")) for row in page.locator("#submissions tbody tr").all()]


def filter_list(page: Page, **fields: str) -> None:
    """Fill the list's filter form (unit=, q=, …; the others emptied) and submit it."""
    for name in ("unit", "from", "to", "q"):
        page.fill(f"form.filters input[name={name}]", fields.get(name, ""))
    with page.expect_navigation():
        page.click("form.filters button[type=submit]")


def decision_form(page: Page) -> dict[str, str]:
    """The hidden fields of the open page's decision form."""
    return {name: str(page.locator(f"#decide input[name={name}]").get_attribute("value"))
            for name in ("csrf", "version")}


def text_of(mail: EmailMessage) -> str:
    body = mail.get_body(("plain",))
    assert body is not None
    return str(body.get_content())


PHOTOS_JS = """imgs => imgs.map(i => ({
  src: i.getAttribute("src"), width: i.naturalWidth, complete: i.complete, parent: i.parentElement.tagName,
  caption: i.nextElementSibling && i.nextElementSibling.tagName === "FIGCAPTION" ? i.nextElementSibling.textContent
                                                                                  : null}))"""
OUTLINE_JS = "els => els.map(e => [e.tagName.toLowerCase(), e.textContent])"


# --------------------------------------------------------------------------- tests


def test_a_reviewer_filters_reads_and_approves_a_draft(desk: Desk, context: BrowserContext) -> None:
    tracking_id = desk.ids[DOCX]
    expected = EXPECTED[DOCX]
    reviewer = desk.reviewer_of(tracking_id)
    own = desk.assigned[reviewer]
    page = context.new_page()
    log_in(page, desk, reviewer)

    assert sorted(listed(page)) == sorted(own)  # only what was sent to this reviewer
    expect(page.locator("#total")).to_have_text(f"共 {len(own)} 篇")
    filter_list(page, unit="机关事务")  # part of 青禾市机关事务管理局
    assert "unit=" in page.url and listed(page) == [tracking_id]
    expect(page.locator("#total")).to_have_text("共 1 篇")
    other_own = next(t for t in own if t != tracking_id)
    filter_list(page, q=EXPECTED[desk.example_of(other_own)]["title"])
    assert listed(page) == [other_own]
    theirs = next(t for t in desk.ids.values() if t not in own)
    filter_list(page, unit=EXPECTED[desk.example_of(theirs)]["source_unit"])  # a unit only the other reviewer has
    assert listed(page) == []
    expect(page.locator("main")).to_contain_text("没有符合条件的稿件。")
    with page.expect_navigation():
        page.click("form.filters >> text=清除")
    assert sorted(listed(page)) == sorted(own)

    with page.expect_navigation():
        page.click(f'tr[data-tracking="{tracking_id}"] td:nth-child(2) a')
    expect(page).to_have_url(f"{desk.url}/s/{tracking_id}")
    expect(page.locator("#state")).to_have_text("待审核")
    article = page.locator("#article")
    expect(article.locator("h1")).to_have_text(expected["title"])
    outline = article.locator("h1, h2:not(:first-child), h3, figcaption").evaluate_all(OUTLINE_JS)
    assert outline == [
        ["h1", expected["title"]],
        ["figcaption", expected["captions"][0]],
        ["h2", "一、摸清家底，建立能耗台账"],
        ["figcaption", expected["captions"][1]],
        ["h2", "二、突出重点，推进节能改造"], ["h3", "（一）推广节能灯具"], ["h3", "（二）规范空调使用"],
        ["h2", "三、强化宣传，营造节约氛围"],
    ]
    photos = article.locator("img").evaluate_all(PHOTOS_JS)
    assert [p["src"] for p in photos] == [f"/s/{tracking_id}/photo/1", f"/s/{tracking_id}/photo/2"]
    assert all(p["complete"] and p["width"] > 0 for p in photos), photos  # each photo loaded (CSP img-src 'self')
    assert [p["caption"] for p in photos] == expected["captions"]  # each caption right after its photo
    assert all(p["parent"] == "FIGURE" for p in photos)

    page.fill("#decide textarea[name=comment]", "写得很好，予以采用。")
    with page.expect_navigation():
        page.click("#decide button[value=approve]")
    expect(page).to_have_url(f"{desk.url}/s/{tracking_id}?done=approved")
    expect(page.locator("#state")).to_have_text("已采用")
    expect(page.locator("p.ok[role=status]")).to_have_text("已记录：已采用。已通知投稿人。")
    assert desk.status(tracking_id) == "approved"

    desk.sink.wait_for(desk.seeded_mails + 1)
    [mail] = desk.decisions(tracking_id)
    assert email.utils.parseaddr(str(mail["To"]))[1].lower() == contributor(DOCX)
    assert "采用" in str(mail["Subject"]) and tracking_id in str(mail["Subject"])
    body = text_of(mail)
    assert "审核结果：采用" in body and "写得很好，予以采用。" in body
    history = page.locator("#history tr", has_text=reviewer).filter(has_text="编辑台")  # not the review request
    expect(history).to_have_count(1)
    expect(history).to_contain_text("采用")
    expect(history).to_contain_text("编辑台")
    expect(history).to_contain_text("写得很好，予以采用。")


def test_a_forged_missing_or_cross_site_token_decides_nothing(
    desk: Desk, browser: Browser, context: BrowserContext
) -> None:
    reviewer = desk.reviewer_of(desk.ids[DOCX])
    tracking_id = next(t for t in desk.assigned[reviewer] if t != desk.ids[DOCX])
    page = context.new_page()
    log_in(page, desk, reviewer)
    page.goto(f"{desk.url}/s/{tracking_id}")
    form = decision_form(page)
    target = f"{desk.url}/s/{tracking_id}/decide"

    forged = page.request.post(target, form={**form, "csrf": "x" * 43, "action": "approve"}, max_redirects=0)
    assert forged.status == 403 and "页面已过期或请求来源无法确认" in forged.text()
    missing = page.request.post(target, form={"version": form["version"], "action": "approve"}, max_redirects=0)
    assert missing.status == 403

    stranger = browser.new_context()  # no session at all, the real token and version
    try:
        response = stranger.request.post(target, form={**form, "action": "approve"}, max_redirects=0)
        assert response.status == 403 or (
            response.status == 303 and response.headers["location"].startswith("/login")), response.status
    finally:
        stranger.close()

    # Another site's page in the reviewer's own browser, posting the real token: the SameSite=Lax
    # session cookie is not sent with a cross-site POST, so the desk sees nobody.
    evil = context.new_page()
    inputs = "".join(f'<input type="hidden" name="{k}" value="{v}">' for k, v in {**form, "action": "approve"}.items())

    def attacker(route: Route) -> None:
        route.fulfill(status=200, content_type="text/html; charset=utf-8",
                      body=f'<form method="post" action="{target}">{inputs}<button>抽奖</button></form>')

    evil.route("http://evil.test/**", attacker)
    evil.goto("http://evil.test/prize")
    with evil.expect_response(target) as answered:
        evil.click("button")
    assert answered.value.status == 403

    page.reload()
    expect(page.locator("#state")).to_have_text("待审核")
    assert desk.status(tracking_id) == "pending_review"
    assert desk.decisions(tracking_id) == []

    done = page.request.post(target, form={**form, "action": "approve"}, max_redirects=0)  # the control
    assert done.status == 303 and done.headers["location"] == f"/s/{tracking_id}?done=approved"
    assert desk.status(tracking_id) == "approved" and len(desk.decisions(tracking_id)) == 1


def test_a_reviewer_cannot_open_another_reviewers_submission_and_the_admin_sees_all(
    desk: Desk, browser: Browser, context: BrowserContext
) -> None:
    reviewer = desk.reviewer_of(desk.ids[DOCX])
    other = next(r for r in REVIEWERS if r != reviewer)
    theirs = next(t for t in desk.assigned[other] if EXPECTED[desk.example_of(t)]["photo_count"])
    page = context.new_page()
    log_in(page, desk, reviewer)
    assert theirs not in listed(page)
    filter_list(page, q=theirs)
    assert listed(page) == []

    opened = page.goto(f"{desk.url}/s/{theirs}")
    assert opened is not None and opened.status == 404
    expect(page.locator("main")).to_contain_text("没有这篇稿件，或您无权查看。")
    unknown = page.goto(f"{desk.url}/s/TG-20000101-9999")
    assert unknown is not None and unknown.status == 404  # the same answer as for no such submission
    expect(page.locator("main")).to_contain_text("没有这篇稿件，或您无权查看。")
    for path in (f"/s/{theirs}/photo/1", f"/s/{theirs}/export.zip"):
        assert page.request.get(desk.url + path, max_redirects=0).status == 404, path
    mine = page.request.get(f"{desk.url}/s/{desk.ids[DOCX]}/photo/1")
    assert mine.status == 200 and mine.headers["content-type"] == "image/jpeg"
    page.goto(f"{desk.url}/s/{desk.ids[DOCX]}")
    own_form = decision_form(page)  # a valid token of this reviewer's own session
    refused = page.request.post(f"{desk.url}/s/{theirs}/decide", form={**own_form, "action": "approve"},
                                max_redirects=0)
    assert refused.status == 404
    assert desk.status(theirs) == "pending_review" and desk.decisions(theirs) == []

    chief = browser.new_context(viewport=VIEWPORT)
    try:
        admin = chief.new_page()
        log_in(admin, desk, ADMIN)
        assert sorted(listed(admin)) == sorted(desk.ids.values())
        expect(admin.locator("#total")).to_have_text(f"共 {len(SEEDED)} 篇")
        shown = admin.goto(f"{desk.url}/s/{theirs}")
        assert shown is not None and shown.status == 200
        expect(admin.locator("#article h1")).to_have_text(EXPECTED[desk.example_of(theirs)]["title"])
        widths = admin.locator("#article img").evaluate_all("imgs => imgs.map(i => i.naturalWidth)")
        assert len(widths) == EXPECTED[desk.example_of(theirs)]["photo_count"] and all(widths), widths
    finally:
        chief.close()


def test_a_second_submit_of_the_same_form_is_refused_and_mails_once(desk: Desk, context: BrowserContext) -> None:
    reviewer = desk.reviewer_of(desk.ids[DOCX])
    other = next(r for r in REVIEWERS if r != reviewer)
    first, second = desk.assigned[other][:2]
    page = context.new_page()
    log_in(page, desk, other)

    page.goto(f"{desk.url}/s/{first}")
    form = decision_form(page)
    with page.expect_navigation():
        page.click("#decide button[value=approve]")
    expect(page.locator("#state")).to_have_text("已采用")
    again = page.request.post(f"{desk.url}/s/{first}/decide", form={**form, "action": "approve"}, max_redirects=0)
    assert again.status == 409 and "未作任何更改" in again.text()
    page.reload()
    expect(page.locator("#history tr", has_text=other).filter(has_text="编辑台")).to_have_count(1)
    assert desk.status(first) == "approved" and len(desk.decisions(first)) == 1

    # Four clicks at the same moment (the form's version, the session's cookie): one decision.
    page.goto(f"{desk.url}/s/{second}")
    form = decision_form(page)
    cookies = {str(c["name"]): str(c["value"]) for c in context.cookies() if c.get("name") == "intake_desk"}
    barrier, statuses = threading.Barrier(4), []

    def click() -> None:
        with httpx.Client(base_url=desk.url, cookies=cookies, timeout=30) as client:
            barrier.wait()
            statuses.append(client.post(f"/s/{second}/decide", data={**form, "action": "approve"}).status_code)

    threads = [threading.Thread(target=click) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert sorted(statuses) == [303, 409, 409, 409]
    assert desk.status(second) == "approved" and len(desk.decisions(second)) == 1
    page.reload()
    expect(page.locator("#history tr", has_text=other).filter(has_text="编辑台")).to_have_count(1)


def test_screenshots_of_the_list_and_a_draft(desk: Desk, context: BrowserContext, test_artifacts: Path) -> None:
    docs = REPO / "docs" / "img"
    page = context.new_page()
    log_in(page, desk, ADMIN)
    expect(page.locator("#submissions tbody tr")).to_have_count(len(SEEDED))
    page.screenshot(path=str(test_artifacts / "desk-list.png"))
    page.goto(f"{desk.url}/s/{desk.ids[DOCX]}")
    widths = page.locator("#article img").evaluate_all("imgs => imgs.map(i => i.complete && i.naturalWidth)")
    assert len(widths) == 2 and all(widths), widths
    page.screenshot(path=str(test_artifacts / "desk-draft.png"), full_page=True)
    for name in ("desk-list.png", "desk-draft.png"):
        assert (test_artifacts / name).stat().st_size > 10_000
        if os.environ.get("INTAKE_UPDATE_SCREENSHOTS") == "1":  # the README's pictures, refreshed on purpose
            shutil.copy(test_artifacts / name, docs / name)


