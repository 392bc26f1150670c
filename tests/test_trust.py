"""Only a reviewer of the submission, answering our review request, decides (DESIGN.md §9).

Forged decisions (no token, a wrong token, another submission's token, the right token from a
non-reviewer, DKIM failing under our trusted server) change nothing, are recorded as
`decision.unverified` with their reason and make the real reviewer get one warning; genuine
replies written the way QQ mail, 163 webmail and Outlook write them decide. On SQLite and PostgreSQL.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from email.message import EmailMessage
from email.utils import formatdate
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from intake.config import load_settings
from intake.runtime import Runtime, build_runtime
from intake.secret import reply_address, reply_token, require_secret
from intake.tables import Event, Submission

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
EDITOR, CHIEF, CONTRIBUTOR = "editor@example.test", "chief@example.test", "qh_zhangxl2026@163.com"
MX = "mx.example.test"


@pytest.fixture(params=["sqlite", "postgresql"])
def runtime(request: pytest.FixtureRequest, tmp_path: Path, smtp_sink: Any) -> Iterator[Runtime]:
    env = {"INTAKE_DATA_DIR": str(tmp_path), "INTAKE_SMTP_URL": smtp_sink.url,
           "INTAKE_SUBMISSION_ADDRESS": "tougao@example.test", "INTAKE_REVIEWERS": f"{EDITOR},{CHIEF}",
           "INTAKE_TRUSTED_AUTHSERV_ID": MX, "INTAKE_REVIEW_REPLY_TOKEN_ADDRESS": "true"}
    if request.param == "postgresql":
        env |= {"INTAKE_DATABASE_URL": request.getfixturevalue("postgres_url"),
                "INTAKE_SECRET_KEY": secrets.token_urlsafe(32)}
    built = build_runtime(load_settings(env), migrate=True)
    yield built
    built.store.dispose()


def ingest(runtime: Runtime, raw: bytes) -> dict[str, Any]:
    message_id, _ = runtime.store.record_message(raw, "test")
    return runtime.ingest(message_id)


def submit(runtime: Runtime, smtp_sink: Any, example: str = "01-docx-with-photos.eml") -> dict[str, EmailMessage]:
    """A submission and its review requests, by reviewer."""
    before = len(smtp_sink.envelopes)
    ingest(runtime, (EXAMPLES / example).read_bytes())
    mails = [e.message for e in smtp_sink.wait_for(before + 3)[before:]]
    return {str(m["To"]): m for m in mails if m["To"] in (EDITOR, CHIEF)}


def reply(review: EmailMessage, sender: str, text: str, n: int, *, threaded: bool = True,
          to: str | None = None, headers: dict[str, str] | None = None, charset: str = "utf-8",
          subject: str | None = None) -> bytes:
    """A reply the way most clients write it: In-Reply-To/References, to the Reply-To, the request quoted."""
    msg = EmailMessage()
    msg["From"], msg["To"] = sender, to or str(review["Reply-To"] or review["From"])
    msg["Subject"] = subject or "回复：" + str(review["Subject"])
    msg["Message-ID"], msg["Date"] = f"<reply-{n}@example.test>", formatdate(localtime=True)
    if threaded:
        msg["In-Reply-To"] = msg["References"] = str(review["Message-ID"])
    for name, value in (headers or {}).items():
        msg[name] = value
    msg.set_content(text, charset=charset)
    return msg.as_bytes()


def quoted(review: EmailMessage) -> str:
    return "\n".join("> " + line for line in review.get_body(("plain",)).get_content().splitlines()[:8])  # type: ignore[union-attr]


def state(runtime: Runtime, tracking_id: str) -> tuple[str, list[str]]:
    """The submission's status and the reason codes of its unverified decisions."""
    with runtime.store.session() as s:
        sub = s.scalars(select(Submission).where(Submission.tracking_id == tracking_id)).one()
        events = s.scalars(select(Event).where(Event.submission_id == sub.id, Event.kind == "decision.unverified"))
        return sub.status, [e.detail["reason"] for e in events]


def assert_unverified(runtime: Runtime, smtp_sink: Any, result: dict[str, Any], reason: str,
                      warned: str = EDITOR) -> None:
    assert (result["outcome"], result["reason"]) == ("ignored", "unverified_decision")
    assert result["notifications"] == [{"kind": "decision_unverified", "to": [warned]}]
    status, reasons = state(runtime, result["tracking_id"])
    assert status == "pending_review" and reasons[-1] == reason
    warning = smtp_sink.envelopes[-1]
    assert warning.rcpt_tos == [warned] and warning.message["To"] == warned
    assert result["tracking_id"] in str(warning.message["Subject"])
    assert all(e.message["To"] != CONTRIBUTOR for e in smtp_sink.envelopes[3:]), "the contributor heard nothing"


# --------------------------------------------------------------------------- forged


def test_a_decision_without_a_token_changes_nothing_and_warns_the_reviewer(runtime: Runtime, smtp_sink: Any) -> None:
    """From: the reviewer, the tracking id in the subject, 通过 — but it answers no review request."""
    review = submit(runtime, smtp_sink)[EDITOR]
    result = ingest(runtime, reply(review, EDITOR, "通过", 1, threaded=False, to="tougao@example.test",
                                   headers={"Return-Path": "<forger@evil.example>"}))
    assert_unverified(runtime, smtp_sink, result, "no_token")
    warning = smtp_sink.envelopes[-1].message
    assert warning["In-Reply-To"] == review["Message-ID"], "threaded to our request, not to the forged mail"
    text = warning.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    assert "未予采纳" in str(warning["Subject"]) and "没有采纳" in text and "无法验证" in str(warning["Subject"])
    assert all("evil.example" not in rcpt for e in smtp_sink.envelopes for rcpt in e.rcpt_tos)


@pytest.mark.parametrize("how", ["message_id", "plus_address"])
def test_a_wrong_token_changes_nothing(runtime: Runtime, smtp_sink: Any, how: str) -> None:
    """A made-up Message-ID of ours in In-Reply-To, or a made-up plus address: bad_token."""
    review = submit(runtime, smtp_sink)[EDITOR]
    if how == "message_id":
        raw = reply(review, EDITOR, "通过", 1, threaded=False, to="tougao@example.test",
                    headers={"In-Reply-To": "<intake.0123456789abcdef0123456789abcdef@example.test>"})
    else:
        fake = reply_address("tougao@example.test", "a" * 24)
        raw = reply(review, EDITOR, "通过", 1, threaded=False, to=fake, headers={"Delivered-To": fake})
    assert_unverified(runtime, smtp_sink, ingest(runtime, raw), "bad_token")


def test_another_submissions_token_does_not_decide_this_one(runtime: Runtime, smtp_sink: Any) -> None:
    """A genuine reply to B's review request, with A's tracking id put in the subject: other_submission."""
    review_a = submit(runtime, smtp_sink)[EDITOR]
    review_b = submit(runtime, smtp_sink, "10-outlook-rfc2231-names.eml")[EDITOR]
    tracking_a = str(review_a["X-Intake-Tracking-Id"])
    raw = reply(review_b, EDITOR, "退回：不采用", 1, subject=f"回复：【待审稿件】{tracking_a}")
    before = len(smtp_sink.envelopes)
    result = ingest(runtime, raw)
    assert result["tracking_id"] == tracking_a
    assert result["reason"] == "unverified_decision"
    assert state(runtime, tracking_a) == ("pending_review", ["other_submission"])
    assert state(runtime, str(review_b["X-Intake-Tracking-Id"]))[0] == "pending_review"
    assert [e.rcpt_tos for e in smtp_sink.wait_for(before + 1)[before:]] == [[EDITOR]]


def test_the_right_token_from_a_non_reviewer_warns_the_reviewer_it_was_sent_to(
    runtime: Runtime, smtp_sink: Any
) -> None:
    """The editor's review request forwarded to a colleague, who answers 通过: not_reviewer; the editor is told."""
    review = submit(runtime, smtp_sink)[EDITOR]
    result = ingest(runtime, reply(review, "colleague@qq.com", "通过", 1))
    assert_unverified(runtime, smtp_sink, result, "not_reviewer", warned=EDITOR)
    assert all(e.rcpt_tos != ["colleague@qq.com"] for e in smtp_sink.envelopes)


def test_another_reviewers_request_is_not_this_reviewers_token(runtime: Runtime, smtp_sink: Any) -> None:
    """The chief answers the editor's review request (forwarded): that token is the editor's, not the chief's."""
    review = submit(runtime, smtp_sink)[EDITOR]
    result = ingest(runtime, reply(review, CHIEF, "通过", 1, to="tougao@example.test"))
    assert_unverified(runtime, smtp_sink, result, "bad_token", warned=CHIEF)


@pytest.mark.parametrize("results", [
    f"{MX}; dkim=fail header.d=example.test; dmarc=fail header.from=example.test",
    f"{MX}; dkim=pass header.d=evil.example; spf=pass smtp.mailfrom=evil.example",  # signed, by someone else
    f"{MX}; none",
])
def test_dkim_failing_under_the_trusted_server_changes_nothing(
    runtime: Runtime, smtp_sink: Any, results: str
) -> None:
    """The right token, the reviewer's From, but our server found no aligned DKIM or DMARC pass: dkim_fail."""
    review = submit(runtime, smtp_sink)[EDITOR]
    forged_below = f"{MX}; dkim=pass header.d=example.test"  # a copy the sender wrote under ours: not believed
    raw = reply(review, EDITOR, "通过", 1)
    raw = f"Authentication-Results: {results}\r\nAuthentication-Results: {forged_below}\r\n".encode() + raw
    assert_unverified(runtime, smtp_sink, ingest(runtime, raw), "dkim_fail")


def test_warnings_are_rate_limited_to_one_per_reviewer_submission_and_hour(
    runtime: Runtime, smtp_sink: Any
) -> None:
    """A forger sending ten forged decisions makes the reviewer get one warning; each attempt is recorded."""
    review = submit(runtime, smtp_sink)[EDITOR]
    results = [ingest(runtime, reply(review, EDITOR, "通过", n, threaded=False, to="tougao@example.test"))
               for n in range(10)]
    assert [r["reason"] for r in results] == ["unverified_decision"] * 10
    assert [bool(r["notifications"]) for r in results] == [True] + [False] * 9
    assert len(smtp_sink.envelopes) == 4
    assert state(runtime, results[0]["tracking_id"]) == ("pending_review", ["no_token"] * 10)


# --------------------------------------------------------------------------- genuine


def qq_reply(review: EmailMessage, n: int) -> bytes:
    """QQ mail: GB18030 body, the request quoted under ------------------ 原始邮件 ------------------."""
    body = ("通过\n\n------------------ 原始邮件 ------------------\n"
            "发件人: \"青禾党建网投稿邮箱\"<tougao@example.test>;\n"
            f"发送时间: 2026年12月2日(星期三) 上午10:00\n收件人: \"editor\"<{EDITOR}>;\n"
            f"主题: {review['Subject']}\n\n{quoted(review)}\n")
    return reply(review, EDITOR, body, n, charset="gb18030", headers={"X-Mailer": "QQMail 2.x"})


def netease_reply(review: EmailMessage, n: int) -> bytes:
    """163 webmail: GBK, the request quoted under 在 …，"…" <…> 写道：."""
    body = (f"退回：请补充单位审核意见\n后附领导签字页\n\n在 2026-12-02 10:00:00，\"青禾党建网投稿邮箱\" "
            f"<tougao@example.test> 写道：\n{quoted(review)}\n")
    return reply(review, EDITOR, body, n, charset="gbk",
                 headers={"X-Mailer": "Coremail Webmail Server Version XT5.0.13",
                          "Authentication-Results": f"{MX}; dkim=pass header.d=example.test; spf=pass"})


def outlook_reply(review: EmailMessage, n: int) -> bytes:
    """Outlook: 答复:, Thread-Index, the request under a rule and 发件人:/发送时间: lines."""
    return reply(review, EDITOR, (f"通过，安排周五刊发\n\n________________________________\n"
                                 f"发件人: 青禾党建网投稿邮箱 <tougao@example.test>\n发送时间: 2026年12月2日 10:00\n"
                                 f"收件人: {EDITOR}\n主题: {review['Subject']}\n\n各位编辑：\n"), n,
                headers={"Thread-Index": "AdtEXAMPLE==", "X-MS-Has-Attach": "",
                         "Authentication-Results": f"{MX}; dmarc=pass header.from=example.test"},
                 subject="答复: " + str(review["Subject"]))


@pytest.mark.parametrize(("client", "status"), [
    (qq_reply, "approved"), (netease_reply, "returned"), (outlook_reply, "approved")],
    ids=["qq", "163", "outlook"])
def test_a_reviewers_genuine_reply_decides(runtime: Runtime, smtp_sink: Any, client: Any, status: str) -> None:
    """A reply through the reviewer's own mail client, quoting the request its way, decides."""
    review = submit(runtime, smtp_sink)[EDITOR]
    token = reply_token(require_secret(runtime.settings), str(review["X-Intake-Tracking-Id"]), EDITOR)
    assert review["Reply-To"] == reply_address("tougao@example.test", token)
    result = ingest(runtime, client(review, 1))
    assert result["reason"] == "review_decision"
    assert result["notifications"] == [{"kind": "decision", "to": [CONTRIBUTOR]}]
    assert state(runtime, result["tracking_id"]) == (status, [])
    decision = smtp_sink.wait_for(4)[3].message
    assert decision["To"] == CONTRIBUTOR
    if status == "returned":
        assert "后附领导签字页" in decision.get_body(("plain",)).get_content()  # type: ignore[union-attr]


def test_a_reply_that_lost_its_threading_headers_decides_by_the_plus_address(
    runtime: Runtime, smtp_sink: Any
) -> None:
    """Some clients drop In-Reply-To; the Reply-To plus address they answered still proves the request."""
    reviews = submit(runtime, smtp_sink)
    review = reviews[CHIEF]
    plus = str(review["Reply-To"])
    result = ingest(runtime, reply(review, CHIEF, "通过", 1, threaded=False, to="tougao@example.test",
                                   headers={"Cc": plus.upper(), "Delivered-To": "tougao@example.test"}))
    assert result["reason"] == "review_decision"
    assert state(runtime, result["tracking_id"]) == ("approved", [])


# --------------------------------------------------------------------------- the warning itself


@pytest.mark.parametrize("lang", ["zh-CN", "en"])
@pytest.mark.parametrize("reason", ["not_reviewer", "dkim_fail", "other_submission", "bad_token", "no_token"])
def test_the_warning_renders_every_reason_and_escapes_what_the_forger_wrote(lang: str, reason: str) -> None:
    """One-line subject with the tracking id, never the forger's text; their subject and comment escaped in HTML."""
    from intake.notices import render

    context = {"tracking_id": "TG-20261202-0001", "site_name": "青禾党建网",
               "submission_address": "tougao@example.test", "title": "市直机关工委举办青年干部读书分享会",
               "attempt": {"reason": reason, "status": "approved", "comment": "<b>立即刊发</b>",
                           "from": EDITOR, "subject": "<script>alert(1)</script>", "received_at": "2026-12-02 10:00",
                           "authentication": False}}
    rendered = render("decision_unverified", lang, context)
    assert "TG-20261202-0001" in rendered.subject and "\n" not in rendered.subject
    assert "script" not in rendered.subject
    assert "<script>" not in rendered.html and "&lt;script&gt;" in rendered.html and "&lt;b&gt;" in rendered.html
    assert "<script>alert(1)</script>" in rendered.text and EDITOR in rendered.text
    reason_line = {"zh-CN": "未采纳的原因：", "en": "Why it was not accepted: "}[lang]
    assert reason_line + "\n" not in rendered.text and reason_line in rendered.text
    assert ("邮件未能通过系统的验证" not in rendered.text) and ("could not be verified" not in rendered.text)


def test_a_configured_reviewer_who_was_not_sent_this_submission_cannot_decide_it(
    tmp_path: Path, smtp_sink: Any
) -> None:
    """Round-robin routing sends the submission to one reviewer; the other one's 通过 is not_reviewer."""
    toml = tmp_path / "intake.toml"
    toml.write_text('[routing]\nmode = "round_robin"\n', encoding="utf-8")
    runtime = build_runtime(load_settings({
        "INTAKE_DATA_DIR": str(tmp_path / "data"), "INTAKE_SMTP_URL": smtp_sink.url, "INTAKE_CONFIG": str(toml),
        "INTAKE_SUBMISSION_ADDRESS": "tougao@example.test", "INTAKE_REVIEWERS": f"{EDITOR},{CHIEF}"}))
    ingest(runtime, (EXAMPLES / "01-docx-with-photos.eml").read_bytes())
    [review] = [e.message for e in smtp_sink.wait_for(2)[1:]]
    other = EDITOR if review["To"] == CHIEF else CHIEF
    result = ingest(runtime, reply(review, other, "通过", 1, threaded=False, to="tougao@example.test"))
    assert_unverified(runtime, smtp_sink, result, "not_reviewer", warned=str(review["To"]))
