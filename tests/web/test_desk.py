"""The editorial desk over HTTP (starlette's TestClient against the real app), on SQLite and PostgreSQL.

Submissions are ingested through the real pipeline (file outbox), accounts made with the real
argon2 code; every assertion is about what a browser would get back and what the database and
the outbox hold afterwards: who sees what, CSRF, the login limit, decisions (one mail per
decision, a stale form changes nothing), revisions' diffs, escaping, export, statistics, and the
shared decision service (reply, desk and CLI in one history).
"""

from __future__ import annotations

import email
import email.policy
import io
import re
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from email.message import EmailMessage
from pathlib import Path

import pytest
from sqlalchemy import inspect, select, text
from starlette.testclient import TestClient

from intake.runtime import Runtime
from intake.store.migrate import alembic_config, upgrade
from intake.tables import Event, Notice, Submission
from intake.web.app import create_app
from intake.web.auth import add_user
from tests.trust_support import ARTICLE, EDITOR, OWN, RuntimeFactory, ingest, make, runtime_factory

__all__ = ["runtime_factory"]  # the fixture, used by name

OTHER = "editor2@example.test"
ADMIN = "chief@example.test"
PASSWORD = "青禾 desk password 2026"
UNITS = ("青禾市财政局机关党委", "青禾市教育局", "云岭县农业农村局", "青禾市统计局")


def labels(unit: str, title: str) -> str:
    return f"{title}\n供稿单位：{unit}\n作者：张三 李四\n联系电话：13912345678\n"


@pytest.fixture
def runtime(runtime_factory: RuntimeFactory, tmp_path: Path) -> Runtime:
    """Two reviewers, round robin: each gets every other submission."""
    config = tmp_path / "intake.toml"
    config.write_text('[routing]\nmode = "round_robin"\n', encoding="utf-8")
    return runtime_factory(reviewers=f"{EDITOR},{OTHER}", config=str(config), web_login_attempts="3",
                           language="zh-CN")


@pytest.fixture
def seeded(runtime: Runtime) -> list[str]:
    """Four submissions from four units (tracking ids in order); the accounts."""
    ids = []
    for i, unit in enumerate(UNITS):
        raw = make(sender=f"投稿人{i} <c{i}@163.com>", msgid=f"<s{i}@163.com>", subject=f"投稿{i}",
                   manuscript=labels(unit, f"第{i}篇：{unit}开展读书活动") + ARTICLE + f"第{i}段。" * 20)
        result = ingest(runtime, raw)
        assert result["outcome"] == "accepted", result
        ids.append(result["tracking_id"])
    for address, role in ((EDITOR, "reviewer"), (OTHER, "reviewer"), (ADMIN, "admin")):
        add_user(runtime.store, address, role, PASSWORD)
    return ids


@pytest.fixture
def app(runtime: Runtime) -> Iterator[TestClient]:
    with TestClient(create_app(runtime), base_url="https://desk.test", follow_redirects=False) as client:
        yield client


def client_for(runtime: Runtime) -> TestClient:
    return TestClient(create_app(runtime), base_url="https://desk.test", follow_redirects=False)


def csrf_of(html: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', html)
    assert found, html[:500]
    return found.group(1)


def login(client: TestClient, address: str, password: str = PASSWORD, next_: str = "/") -> int:
    page = client.get("/login")
    response = client.post("/login", data={"csrf": csrf_of(page.text), "username": address, "password": password,
                                           "next": next_})
    return response.status_code


def listed(html: str) -> list[str]:
    return re.findall(r'data-tracking="([^"]+)"', html)


def status_of(runtime: Runtime, tracking_id: str) -> str:
    with runtime.store.session() as s:
        return s.scalars(select(Submission.status).where(Submission.tracking_id == tracking_id)).one()


def sent(runtime: Runtime, kind: str) -> list[EmailMessage]:
    """The mails of one kind in the file outbox (named <notice id>-<kind>.eml), oldest first."""
    folder = runtime.settings.data_dir / "outbox"
    files = sorted(folder.glob(f"*-{kind}.eml"), key=lambda p: int(p.name.split("-")[0]))
    return [email.message_from_bytes(p.read_bytes(), policy=email.policy.default)  # type: ignore[misc]
            for p in files]


def decisions_sent(runtime: Runtime, tracking_id: str) -> list[str]:
    return [str(m["To"]) for m in sent(runtime, "decision") if m["X-Intake-Tracking-Id"] == tracking_id]


def mine(runtime: Runtime, reviewer: str) -> list[str]:
    """The tracking ids whose review request went to `reviewer` (read from the outbox, not the desk)."""
    return sorted(str(m["X-Intake-Tracking-Id"]) for m in sent(runtime, "review_request") if m["To"] == reviewer)


def decide_form(client: TestClient, tracking_id: str) -> dict[str, str]:
    page = client.get(f"/s/{tracking_id}")
    assert page.status_code == 200, page.text[:300]
    version = re.search(r'name="version" value="([^"]+)"', page.text)
    assert version
    return {"csrf": csrf_of(page.text), "version": version.group(1)}


# --------------------------------------------------------------------------- logging in


def test_pages_need_a_login_and_come_back_after_it(app: TestClient, seeded: list[str]) -> None:
    response = app.get(f"/s/{seeded[0]}")
    assert response.status_code == 303
    assert response.headers["location"] == f"/login?next=%2Fs%2F{seeded[0]}"
    page = app.get("/login?next=/s/" + seeded[0])
    done = app.post("/login", data={"csrf": csrf_of(page.text), "username": ADMIN.upper(), "password": PASSWORD,
                                    "next": f"/s/{seeded[0]}"})
    assert done.status_code == 303 and done.headers["location"] == f"/s/{seeded[0]}"
    cookie = done.headers["set-cookie"]
    assert "HttpOnly" in cookie and "Secure" in cookie and "SameSite=lax" in cookie.replace("Lax", "lax")
    assert app.get(f"/s/{seeded[0]}").status_code == 200


def test_a_login_never_redirects_off_the_site(app: TestClient, seeded: list[str]) -> None:
    for target in ("//evil.example/x", "https://evil.example/", "/\\evil.example", "javascript:alert(1)"):
        with client_for_app(app) as client:
            page = client.get("/login")
            done = client.post("/login", data={"csrf": csrf_of(page.text), "username": ADMIN, "password": PASSWORD,
                                               "next": target})
            assert done.status_code == 303 and done.headers["location"] == "/", target


def client_for_app(app: TestClient) -> TestClient:
    return TestClient(app.app, base_url="https://desk.test", follow_redirects=False)


def test_a_login_without_the_forms_token_is_refused(app: TestClient, seeded: list[str]) -> None:
    app.get("/login")
    response = app.post("/login", data={"csrf": "forged", "username": ADMIN, "password": PASSWORD})
    assert response.status_code == 403
    fresh = client_for_app(app)  # no pre-login cookie at all, with a token copied from another browser
    token = csrf_of(app.get("/login").text)
    assert fresh.post("/login", data={"csrf": token, "username": ADMIN, "password": PASSWORD}).status_code == 403
    assert fresh.get("/").status_code == 303  # still not logged in


def test_failed_logins_are_limited_per_account_even_with_the_right_password_after(
    app: TestClient, runtime: Runtime, seeded: list[str]
) -> None:
    for _ in range(3):  # INTAKE_WEB_LOGIN_ATTEMPTS=3
        assert login(app, EDITOR, "wrong password!") == 401
    assert login(app, EDITOR) == 429
    assert "15 分钟" in app.post("/login", data={"csrf": csrf_of(app.get("/login").text), "username": EDITOR,
                                                "password": PASSWORD}).text
    assert login(app, ADMIN) == 429  # the same client address is limited too
    with runtime.store.session() as s:
        s.execute(text("UPDATE login_failures SET created_at = created_at - INTERVAL '16 minutes'")
                  if runtime.store.engine.dialect.name == "postgresql"
                  else text("UPDATE login_failures SET created_at = datetime(created_at, '-16 minutes')"))
    assert login(app, EDITOR) == 303  # the window has passed


def test_an_unknown_or_disabled_account_gets_the_same_answer_as_a_wrong_password(
    app: TestClient, runtime: Runtime, seeded: list[str]
) -> None:
    from intake.web.auth import disable_user

    wrong = app.post("/login", data={"csrf": csrf_of(app.get("/login").text), "username": EDITOR, "password": "x" * 12})
    nobody = app.post("/login", data={"csrf": csrf_of(app.get("/login").text), "username": "nobody@example.test",
                                      "password": "x" * 12})
    assert wrong.status_code == nobody.status_code == 401
    assert re.search(r'role="alert">([^<]+)', wrong.text).group(1) == re.search(  # type: ignore[union-attr]
        r'role="alert">([^<]+)', nobody.text).group(1)
    assert login(app, OTHER) == 303
    assert app.get("/").status_code == 200
    assert disable_user(runtime.store, OTHER)
    assert app.get("/").status_code == 303  # its session ended with it
    assert login(app, OTHER) == 401


def test_logout_needs_the_token_and_ends_the_session(app: TestClient, seeded: list[str]) -> None:
    assert login(app, ADMIN) == 303
    page = app.get("/")
    assert app.post("/logout", data={"csrf": "forged"}).status_code == 403
    assert app.get("/").status_code == 200
    assert app.post("/logout", data={"csrf": csrf_of(page.text)}).status_code == 303
    assert app.get("/").status_code == 303


def test_a_trusted_proxy_logs_its_user_in_and_nobody_else_can_claim_the_header(
    runtime_factory: RuntimeFactory, tmp_path: Path
) -> None:
    runtime = runtime_factory(web_proxy_user_header="X-Remote-User", web_trusted_proxies="testclient")
    ingest(runtime, make())
    add_user(runtime.store, ADMIN, "admin", None)  # no password: the proxy's login only
    with client_for(runtime) as client:
        first = client.get("/", headers={"X-Remote-User": ADMIN})
        assert first.status_code == 303 and first.headers["location"] == "https://desk.test/"
        assert "data-tracking" in client.get("/").text
        assert login(client_for(runtime), ADMIN, "") in (401, 403)  # no password to log in with
    other = runtime_factory(web_proxy_user_header="X-Remote-User", web_trusted_proxies="192.0.2.10")
    with client_for(other) as client:  # the header from an address that is not the proxy: ignored
        assert client.get("/", headers={"X-Remote-User": ADMIN}).status_code == 303
        assert client.get("/").status_code == 303


# --------------------------------------------------------------------------- the list


def test_a_reviewer_lists_only_what_was_sent_to_them_and_an_admin_everything(
    app: TestClient, runtime: Runtime, seeded: list[str]
) -> None:
    editor, other = mine(runtime, EDITOR), mine(runtime, OTHER)
    assert editor and other and not set(editor) & set(other)
    assert login(app, EDITOR) == 303
    assert sorted(listed(app.get("/").text)) == editor
    with client_for_app(app) as chief:
        assert login(chief, ADMIN) == 303
        page = chief.get("/").text
        assert sorted(listed(page)) == sorted(seeded)
        assert "共 4 篇" in page


def test_the_list_filters_by_state_unit_dates_and_text_with_counts(
    app: TestClient, runtime: Runtime, seeded: list[str]
) -> None:
    incomplete = ingest(runtime, make(msgid="<inc@163.com>", sender="<x@163.com>",
                                      manuscript=labels("青禾市教育局", "缺电话的稿件").replace(
                                          "联系电话：13912345678\n", "") + ARTICLE))
    assert incomplete["outcome"] == "incomplete"
    assert login(app, ADMIN) == 303
    assert sorted(listed(app.get("/?status=incomplete").text)) == [incomplete["tracking_id"]]
    by_unit = app.get("/?unit=教育局").text
    assert sorted(listed(by_unit)) == sorted([seeded[1], incomplete["tracking_id"]])
    assert re.search(r'data-count="pending_review">1<', by_unit) and re.search(r'data-count="incomplete">1<', by_unit)
    assert listed(app.get("/?q=云岭县").text) == [seeded[2]]
    assert listed(app.get(f"/?q={seeded[3].lower()}").text) == [seeded[3]]
    assert listed(app.get("/?q=100%25").text) == []  # LIKE wildcards are searched for, not obeyed
    today = seeded[0].split("-")[1]
    day = f"{today[:4]}-{today[4:6]}-{today[6:]}"
    assert len(listed(app.get(f"/?from={day}&to={day}").text)) == 5
    assert listed(app.get("/?from=2020-01-01&to=2020-01-31").text) == []
    assert len(listed(app.get("/?from=not-a-date&status=bogus").text)) == 5  # nonsense filters are ignored


# --------------------------------------------------------------------------- one submission


def test_another_reviewers_submission_is_not_found_anywhere(
    app: TestClient, runtime: Runtime, seeded: list[str]
) -> None:
    theirs = mine(runtime, OTHER)[0]
    assert login(app, EDITOR) == 303
    for path in (f"/s/{theirs}", f"/s/{theirs}/photo/1", f"/s/{theirs}/file/1", f"/s/{theirs}/export.zip"):
        response = app.get(path)
        assert response.status_code == 404, path
    assert app.get("/s/TG-20000101-0001").status_code == 404  # the same answer as for no such submission
    form = decide_form(app, mine(runtime, EDITOR)[0])  # a valid token of this reviewer's own
    refused = app.post(f"/s/{theirs}/decide", data={**form, "action": "approve"})
    assert refused.status_code == 404
    assert status_of(runtime, theirs) == "pending_review"
    assert decisions_sent(runtime, theirs) == []


def test_the_page_shows_the_draft_metadata_with_sources_files_and_history(
    app: TestClient, runtime: Runtime, seeded: list[str]
) -> None:
    assert login(app, ADMIN) == 303
    page = app.get(f"/s/{seeded[1]}")
    assert page.status_code == 200
    assert page.headers["content-security-policy"].startswith("default-src 'none'")
    assert page.headers["x-frame-options"] == "DENY"
    html = page.text
    article = html[html.index('id="article"'):html.index('id="metadata"')]
    assert "<h1>第1篇：青禾市教育局开展读书活动</h1>" in article
    assert "来源：青禾市教育局" in article
    row = re.search(r'data-field="source_unit">(.*?)</tr>', html, re.S)
    assert row and "青禾市教育局" in row.group(1) and "稿件" in row.group(1)  # where it was found
    assert "稿件.txt" in html and "/s/" + seeded[1] + "/file/" in html
    assert "进入待审核" in html and "生成通知邮件" in html


def test_hostile_text_is_escaped_and_originals_are_only_downloads(app: TestClient, runtime: Runtime) -> None:
    hostile = "<script>alert(1)</script><img src=x onerror=alert(2)>青禾市活动"
    result = ingest(runtime, make(msgid="<evil@163.com>", subject="投稿",
                                  manuscript=labels("青禾市<b>教育局</b>", hostile) + ARTICLE))
    add_user(runtime.store, ADMIN, "admin", PASSWORD)
    assert login(app, ADMIN) == 303
    html = app.get(f"/s/{result['tracking_id']}").text
    assert "<script>alert" not in html and "onerror=alert" not in html.replace("onerror=alert(2)&gt;", "")
    assert "&lt;script&gt;" in html
    assert "<b>教育局</b>" not in html
    file_id = re.search(rf"/s/{result['tracking_id']}/file/(\d+)", html)
    assert file_id
    download = app.get(f"/s/{result['tracking_id']}/file/{file_id.group(1)}")
    assert download.headers["content-type"] == "application/octet-stream"
    assert download.headers["content-disposition"].startswith("attachment;")
    assert "filename*=UTF-8''%E7%A8%BF%E4%BB%B6.txt" in download.headers["content-disposition"]


def test_a_revision_shows_its_text_diff(app: TestClient, runtime: Runtime, seeded: list[str]) -> None:
    tracking_id = seeded[0]
    revised = labels(UNITS[0], f"第0篇：{UNITS[0]}开展读书活动") + ARTICLE + "第0段。" * 20 + "\n修改稿新增的一段结尾。"
    result = ingest(runtime, make(sender="投稿人0 <c0@163.com>", msgid="<s0-v2@163.com>",
                                  subject=f"Re: {tracking_id} 修改稿", manuscript=revised))
    assert result["tracking_id"] == tracking_id
    add_user(runtime.store, ADMIN, "admin", PASSWORD)
    assert login(app, ADMIN) == 303
    html = app.get(f"/s/{tracking_id}").text
    assert "第 1 版 → 第 2 版" in html
    assert re.search(r'<div class="add">\+ 修改稿新增的一段结尾。</div>', html), html[html.find("revisions"):][:800]


# --------------------------------------------------------------------------- deciding


def test_approving_on_the_desk_tells_the_contributor_once_and_records_who(
    app: TestClient, runtime: Runtime, seeded: list[str]
) -> None:
    tracking_id = mine(runtime, EDITOR)[0]
    assert login(app, EDITOR) == 303
    form = decide_form(app, tracking_id)
    done = app.post(f"/s/{tracking_id}/decide", data={**form, "action": "approve", "comment": "写得好"})
    assert done.status_code == 303 and done.headers["location"] == f"/s/{tracking_id}?done=approved"
    assert status_of(runtime, tracking_id) == "approved"
    contributor = next(m for m in sent(runtime, "decision") if m["X-Intake-Tracking-Id"] == tracking_id)
    assert "采用" in str(contributor["Subject"])
    assert decisions_sent(runtime, tracking_id) == [
        next(str(m["To"]) for m in sent(runtime, "acknowledgement") if m["X-Intake-Tracking-Id"] == tracking_id)]
    again = app.post(f"/s/{tracking_id}/decide", data={**form, "action": "approve"})  # a second click
    assert again.status_code == 409
    assert len(decisions_sent(runtime, tracking_id)) == 1
    with runtime.store.session() as s:
        events = [(e.kind, e.actor, e.detail) for e in s.scalars(select(Event).join(
            Submission, Submission.id == Event.submission_id).where(Submission.tracking_id == tracking_id,
                                                                   Event.kind == "submission.approved"))]
    assert events == [("submission.approved", EDITOR, {"comment": "写得好", "via": "web"})]
    page = app.get(done.headers["location"]).text
    assert 'id="state">已采用<' in page and "编辑台" in page and "写得好" in page


def test_a_forged_or_missing_token_decides_nothing(app: TestClient, runtime: Runtime, seeded: list[str]) -> None:
    tracking_id = mine(runtime, EDITOR)[0]
    assert login(app, EDITOR) == 303
    form = decide_form(app, tracking_id)
    for data in ({**form, "csrf": "x" * 43, "action": "approve"}, {"version": form["version"], "action": "approve"}):
        assert app.post(f"/s/{tracking_id}/decide", data=data).status_code == 403
    with client_for_app(app) as stranger:  # another browser's session token is not this one's
        assert login(stranger, OTHER) == 303
        assert stranger.post(f"/s/{tracking_id}/decide", data={**form, "action": "approve"}).status_code in (403, 404)
    assert client_for_app(app).post(f"/s/{tracking_id}/decide", data={**form, "action": "approve"}).status_code == 403
    oversized = app.post(f"/s/{tracking_id}/decide", data={**form, "action": "approve", "comment": "长" * 40000})
    assert oversized.status_code == 403
    assert status_of(runtime, tracking_id) == "pending_review"
    assert decisions_sent(runtime, tracking_id) == []


def test_returning_needs_a_comment_and_rejecting_sends_no_invitation_to_revise(
    app: TestClient, runtime: Runtime, seeded: list[str]
) -> None:
    first, second = mine(runtime, EDITOR)[:2]
    assert login(app, EDITOR) == 303
    assert app.post(f"/s/{first}/decide", data={**decide_form(app, first), "action": "return"}).status_code == 400
    assert app.post(f"/s/{first}/decide", data={**decide_form(app, first), "action": "return",
                                                "comment": "请补充活动照片"}).status_code == 303
    assert app.post(f"/s/{second}/decide", data={**decide_form(app, second), "action": "reject",
                                                 "comment": "与本站栏目定位不符"}).status_code == 303
    assert (status_of(runtime, first), status_of(runtime, second)) == ("returned", "rejected")
    bodies = {str(m["X-Intake-Tracking-Id"]): m.get_body(("plain",)).get_content()  # type: ignore[union-attr]
              for m in sent(runtime, "decision")}
    assert "暂不采用" in bodies[first] and "请补充活动照片" in bodies[first] and "修改后再投" in bodies[first]
    assert "不予采用" in bodies[second] and "与本站栏目定位不符" in bodies[second]
    assert "修改后再投" not in bodies[second]


def test_a_decision_made_meanwhile_elsewhere_makes_the_open_form_stale(
    app: TestClient, runtime: Runtime, seeded: list[str]
) -> None:
    """The reviewer opened the page; the same submission is then approved from the command line: the
    form's reject changes nothing, and the page shows both ways in one history."""
    tracking_id = mine(runtime, EDITOR)[0]
    assert login(app, EDITOR) == 303
    form = decide_form(app, tracking_id)
    cli = intake_cli(runtime, "decide", tracking_id, "approve", "--by", EDITOR)
    assert cli.returncode == 0, cli.stderr
    assert tracking_id in cli.stdout
    stale = app.post(f"/s/{tracking_id}/decide", data={**form, "action": "reject", "comment": "不用"})
    assert stale.status_code == 409 and "未作任何更改" in stale.text
    assert status_of(runtime, tracking_id) == "approved"
    assert len(decisions_sent(runtime, tracking_id)) == 1
    assert "命令行" in app.get(f"/s/{tracking_id}").text
    assert intake_cli(runtime, "decide", tracking_id, "reject", "--by", EDITOR).returncode == 2  # no comment
    assert intake_cli(runtime, "decide", "TG-20000101-0009", "approve", "--by", EDITOR).returncode == 1


def intake_cli(runtime: Runtime, *args: str) -> subprocess.CompletedProcess[str]:
    settings = runtime.settings
    env = {"PATH": "/usr/bin:/bin", "INTAKE_DATA_DIR": str(settings.data_dir),
           "INTAKE_DATABASE_URL": settings.database_url, "INTAKE_SUBMISSION_ADDRESS": OWN,
           "INTAKE_REVIEWERS": f"{EDITOR},{OTHER}", "INTAKE_SECRET_KEY": "trust-routing-tests-" + "k" * 24,
           "INTAKE_LANGUAGE": "zh-CN"}
    return subprocess.run([sys.executable, "-m", "intake.cli", *args], env=env, capture_output=True, text=True,
                          timeout=120, check=False, cwd=Path(__file__).resolve().parents[2])


# --------------------------------------------------------------------------- export and statistics


def test_an_approved_submission_exports_as_a_zip_and_the_stats_download(
    app: TestClient, runtime: Runtime, seeded: list[str]
) -> None:
    tracking_id = mine(runtime, EDITOR)[0]
    assert login(app, EDITOR) == 303
    assert app.get(f"/s/{tracking_id}/export.zip").status_code == 409  # not approved yet
    app.post(f"/s/{tracking_id}/decide", data={**decide_form(app, tracking_id), "action": "approve"})
    exported = app.get(f"/s/{tracking_id}/export.zip")
    assert exported.status_code == 200 and exported.headers["content-type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(exported.content)) as archive:
        assert {"article.html", "article.json"} <= set(archive.namelist())
        assert "<h1>" in archive.read("article.html").decode()
    month = f"{tracking_id[3:7]}-{tracking_id[7:9]}"
    page = app.get(f"/stats?month={month}").text
    assert "采用率" in page and UNITS[0] in page
    csv = app.get(f"/stats?month={month}&format=csv")
    assert csv.content.startswith(b"\xef\xbb\xbf") and "attachment" in csv.headers["content-disposition"]
    assert app.get(f"/stats?month={month}&format=xlsx").content[:2] == b"PK"
    assert app.get("/stats?month=2026-13").status_code == 400


# --------------------------------------------------------------------------- the migration


def test_the_migration_assigns_earlier_review_requests_and_keeps_current_drafts(
    runtime: Runtime, seeded: list[str]
) -> None:
    engine = runtime.store.engine
    with engine.connect() as conn:
        before = sorted(conn.execute(text("SELECT submission_id, reviewer FROM assignments")).all())
        drafts = sorted(conn.execute(text("SELECT submission_id, revision FROM submission_revisions")).all())
    assert len(before) == 4 and len(drafts) == 4
    from alembic import command

    command.downgrade(alembic_config(engine), "0005_duplicate_bands")
    assert "assignments" not in inspect(engine).get_table_names()
    upgrade(engine)
    with engine.connect() as conn:
        assert sorted(conn.execute(text("SELECT submission_id, reviewer FROM assignments")).all()) == before
        assert sorted(conn.execute(text("SELECT submission_id, revision FROM submission_revisions")).all()) == drafts
    with runtime.store.session() as s:
        assert s.scalars(select(Notice).where(Notice.kind == "review_request")).first() is not None


def test_review_requests_link_to_the_desk_when_its_address_is_set(runtime_factory: RuntimeFactory) -> None:
    runtime = runtime_factory(web_url="https://tougao.example.gov.cn/desk/")
    tracking_id = ingest(runtime, make())["tracking_id"]
    request = sent(runtime, "review_request")[0]
    link = f"https://tougao.example.gov.cn/desk/s/{tracking_id}"
    assert link in request.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    assert f'href="{link}"' in request.get_body(("html",)).get_content()  # type: ignore[union-attr]
    assert link not in sent(runtime, "acknowledgement")[0].as_string()  # contributors never see the desk


@pytest.mark.parametrize("value", ["ftp://desk.example/", "desk.example.gov.cn", "https://"])
def test_a_desk_address_that_is_no_web_address_is_a_config_error(value: str, tmp_path: Path) -> None:
    from intake.config import ConfigError, load_settings

    with pytest.raises(ConfigError) as raised:
        load_settings({"INTAKE_DATA_DIR": str(tmp_path), "INTAKE_WEB_URL": value})
    assert raised.value.setting == "INTAKE_WEB_URL"


def test_a_manuscript_sent_after_a_rejection_is_a_new_submission(
    app: TestClient, runtime: Runtime, seeded: list[str]
) -> None:
    tracking_id = mine(runtime, EDITOR)[0]
    assert login(app, EDITOR) == 303
    assert app.post(f"/s/{tracking_id}/decide", data={**decide_form(app, tracking_id), "action": "reject",
                                                      "comment": "不符合栏目要求"}).status_code == 303
    decision = next(m for m in sent(runtime, "decision") if m["X-Intake-Tracking-Id"] == tracking_id)
    n = seeded.index(tracking_id)
    reply = make(sender=f"投稿人{n} <c{n}@163.com>", msgid="<after-reject@163.com>", subject="Re: " + str(
        decision["Subject"]), In_Reply_To=str(decision["Message-ID"]), References=str(decision["Message-ID"]),
        manuscript=labels(UNITS[n], "另一篇稿件：机关食堂开展节约粮食活动") + "机关食堂开展光盘行动，" * 30)
    result = ingest(runtime, reply)
    assert result["outcome"] == "accepted", result
    assert result["tracking_id"] not in (None, tracking_id)
    assert status_of(runtime, tracking_id) == "rejected"


def test_review_requests_can_leave_every_file_to_the_desk(runtime_factory: RuntimeFactory) -> None:
    """INTAKE_REVIEW_FILES=link: example 01 (a .docx with photos) reaches reviewers with the draft text,
    each photo as its name and caption, the originals listed, and no file attached; the desk serves them."""
    runtime = runtime_factory(web_url="https://desk.example.gov.cn", review_files="link")
    raw = (Path(__file__).resolve().parents[2] / "examples" / "01-docx-with-photos.eml").read_bytes()
    result = ingest(runtime, raw)
    assert result["outcome"] == "accepted"
    request = sent(runtime, "review_request")[0]
    assert [part.get_filename() for part in request.walk() if part.get_filename()] == []
    assert not any(part.get_content_maintype() == "image" for part in request.walk())
    text_part = request.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    html_part = request.get_body(("html",)).get_content()  # type: ignore[union-attr]
    assert "在编辑台下载" in text_part and "不随邮件发送" in text_part
    assert f"https://desk.example.gov.cn/s/{result['tracking_id']}" in text_part
    assert "cid:" not in html_part
    for image in result["draft"]["images"]:
        assert image["filename"] in html_part
        if image["caption"]:
            assert image["caption"] in html_part
    assert len(request.as_bytes()) < 60_000
    add_user(runtime.store, ADMIN, "admin", PASSWORD)
    with client_for(runtime) as client:
        assert login(client, ADMIN) == 303
        assert client.get(f"/s/{result['tracking_id']}/photo/1").headers["content-type"].startswith("image/")


def test_leaving_files_to_the_desk_needs_the_desks_address(tmp_path: Path) -> None:
    from intake.config import ConfigError, load_settings

    with pytest.raises(ConfigError) as raised:
        load_settings({"INTAKE_DATA_DIR": str(tmp_path), "INTAKE_REVIEW_FILES": "link"})
    assert raised.value.setting == "INTAKE_REVIEW_FILES"


def test_back_and_resubmit_after_a_decision_decides_and_mails_nothing_more(
    app: TestClient, runtime: Runtime, seeded: list[str]
) -> None:
    """Back reloads the page (no-store): a fresh form with a fresh version. The same decision again is
    refused; a different one still goes through."""
    tracking_id = mine(runtime, EDITOR)[0]
    assert login(app, EDITOR) == 303
    assert app.post(f"/s/{tracking_id}/decide", data={**decide_form(app, tracking_id),
                                                      "action": "approve"}).status_code == 303
    page = app.get(f"/s/{tracking_id}").text
    assert 'id="decided">已审核：已采用' in page
    again = app.post(f"/s/{tracking_id}/decide", data={**decide_form(app, tracking_id), "action": "approve"})
    assert again.status_code == 409 and "未再次通知投稿人" in again.text
    assert len(decisions_sent(runtime, tracking_id)) == 1
    changed = app.post(f"/s/{tracking_id}/decide", data={**decide_form(app, tracking_id), "action": "return",
                                                         "comment": "发现数据有误，请核实"})
    assert changed.status_code == 303 and status_of(runtime, tracking_id) == "returned"
    assert len(decisions_sent(runtime, tracking_id)) == 2


def test_the_desk_speaks_english_on_request_and_remembers_it(app: TestClient, seeded: list[str]) -> None:
    assert "登录编辑台" in app.get("/login").text
    english = app.get("/login?lang=en")
    assert "Log in to the editorial desk" in english.text and 'lang="en"' in english.text
    assert login(app, ADMIN) == 303
    listing = app.get("/").text  # the cookie keeps it
    assert "4 in all" in listing and "To review" in listing
    month = f"{seeded[0][3:7]}-{seeded[0][7:9]}"
    table = app.get(f"/stats?month={month}").text
    assert "Adoption rate" in table and "采用率" not in table
    refused = app.get(f"/s/{seeded[0]}/export.zip")
    assert refused.status_code == 409 and "Only an adopted submission can be exported." in refused.text
    assert "采用率" in app.get(f"/stats?month={month}&lang=zh-CN").text
    assert "只有已采用的稿件才能导出。" in app.get(f"/s/{seeded[0]}/export.zip").text


def test_behind_a_trusted_proxy_failures_count_per_browser_not_per_proxy(runtime_factory: RuntimeFactory) -> None:
    """Every request comes from the proxy's address; X-Forwarded-For (from the trusted proxy only) tells
    the browsers apart, so one browser's failures do not lock the others out."""
    runtime = runtime_factory(web_trusted_proxies="testclient", web_login_attempts="2")
    add_user(runtime.store, ADMIN, "admin", PASSWORD)
    add_user(runtime.store, EDITOR, "reviewer", PASSWORD)
    attacker = client_for(runtime)
    attacker.headers["X-Forwarded-For"] = "203.0.113.9"
    for address in ("a@example.test", "b@example.test"):
        assert login(attacker, address, "wrong password") == 401
    assert login(attacker, EDITOR) == 429  # this browser is limited
    office = client_for(runtime)
    office.headers["X-Forwarded-For"] = "198.51.100.20, 203.0.113.9"  # a spoofed first hop: the proxy's own counts
    assert login(office, ADMIN) == 429
    honest = client_for(runtime)
    honest.headers["X-Forwarded-For"] = "198.51.100.21"
    assert login(honest, ADMIN) == 303


def test_a_proxy_that_names_someone_else_ends_the_old_users_view(runtime_factory: RuntimeFactory) -> None:
    runtime = runtime_factory(web_proxy_user_header="X-Remote-User", web_trusted_proxies="testclient")
    ingest(runtime, make())
    add_user(runtime.store, ADMIN, "admin", None)
    add_user(runtime.store, OTHER, "reviewer", None)  # the review request went to EDITOR, not to them
    with client_for(runtime) as client:
        assert client.get("/", headers={"X-Remote-User": ADMIN}).status_code == 303
        assert "data-tracking" in client.get("/", headers={"X-Remote-User": ADMIN}).text
        switched = client.get("/", headers={"X-Remote-User": OTHER})
        assert switched.status_code == 303  # a new session for the reviewer
        page = client.get("/", headers={"X-Remote-User": OTHER}).text
        assert OTHER in page and "data-tracking" not in page


def test_a_post_with_a_bogus_length_or_no_form_is_refused_not_an_error(app: TestClient, seeded: list[str]) -> None:
    assert login(app, ADMIN) == 303
    for headers in ({"content-length": "abc"}, {"content-length": str(10**9)}):
        response = app.post(f"/s/{seeded[0]}/decide", content=b"csrf=x", headers=headers)
        assert response.status_code == 403, headers
    assert app.post(f"/s/{seeded[0]}/decide", content=b"\xff\xfe", headers={
        "content-type": "application/x-www-form-urlencoded"}).status_code == 403
