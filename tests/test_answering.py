"""Who is answered, end to end through the service on SQLite and PostgreSQL (DESIGN.md §6).

Spam is kept and visible to ops but never answered; a web form's manuscript reaches the
reviewers with nobody answered; a vacation reply is ignored; a shared mailbox's Reply-To
author gets the acknowledgement.
"""

from __future__ import annotations

from email.message import EmailMessage

import pytest
from sqlalchemy import select

from intake.runtime import Runtime
from intake.tables import Event, Message, Submission
from tests.trust_support import (
    ARTICLE,
    EDITOR,
    NO_PHONE,
    RuntimeFactory,
    ingest,
    kinds,
    make,
    outbox,
    runtime,
    runtime_factory,
    text_of,
)

__all__ = ["runtime", "runtime_factory"]  # fixtures


def test_spam_is_kept_for_ops_and_never_answered(runtime: Runtime) -> None:
    """X-Spam-Flag: YES on a mail without manuscript → ignored / spam, no mail out, the message processed."""
    result = ingest(runtime, make(manuscript=None, X_Spam_Flag="YES", X_Spam_Level="*********"))
    assert (result["outcome"], result["reason"], result["notifications"], result["tracking_id"]) == (
        "ignored", "spam", [], None)
    assert outbox(runtime) == []
    with runtime.store.session() as s:
        msg = s.scalars(select(Message)).one()
        assert (msg.status, msg.outcome, msg.reason) == ("processed", "ignored", "spam")
        events = [e.detail for e in s.scalars(select(Event).where(Event.kind == "message.processed"))]
        assert events == [{"outcome": "ignored", "reason": "spam"}]


def test_spam_with_a_manuscript_is_not_a_submission(runtime: Runtime) -> None:
    """A complete manuscript under a spam verdict (Microsoft 365 SFV:SPM) registers nothing."""
    result = ingest(runtime, make(X_Forefront_Antispam_Report="CIP:203.0.113.9;SCL:5;SFV:SPM;CAT:SPM;DIR:INB;"))
    assert (result["outcome"], result["reason"], result["draft"]) == ("ignored", "spam", None)
    with runtime.store.session() as s:
        assert s.scalars(select(Submission)).all() == []


def test_dmarc_fail_counts_only_from_the_trusted_server(runtime_factory: RuntimeFactory) -> None:
    """INTAKE_TRUSTED_AUTHSERV_ID=mx.qinghe.example: its dmarc=fail → spam; another server's → accepted."""
    rt = runtime_factory(trusted_authserv_id="mx.qinghe.example")
    ours = make(Authentication_Results="mx.qinghe.example; dmarc=fail (p=reject) header.from=163.com")
    theirs = make(msgid="<m2@163.com>", body="另一封",
                  Authentication_Results="relay.example.net; dmarc=fail header.from=163.com")
    assert ingest(rt, ours)["reason"] == "spam"
    assert ingest(rt, theirs)["outcome"] == "accepted"


def test_a_web_form_submission_reaches_the_reviewers_and_nobody_else(runtime: Runtime) -> None:
    """noreply@ + manuscript → accepted; only the review request, which says nobody was answered and from where."""
    result = ingest(runtime, make(sender="青禾党建网投稿系统 <noreply@form.qinghe.gov.example>",
                                  Auto_Submitted="auto-generated"))
    assert result["outcome"] == "accepted" and result["tracking_id"]
    assert "not_answered_automatic_sender" in result["warnings"]
    assert kinds(result) == [("review_request", [EDITOR])]
    [review] = outbox(runtime)
    text = text_of(review)
    assert "未向投稿人或任何人发送自动回复" in text and "noreply@form.qinghe.gov.example" in text
    assert text.index("未向投稿人") < text.index("稿件编号"), "said before anything else"
    assert "不会自动通知投稿人" in text
    with runtime.store.session() as s:
        sub = s.scalars(select(Submission)).one()
        assert (sub.status, sub.auto_answer, sub.sender_addr) == (
            "pending_review", False, "noreply@form.qinghe.gov.example")


def test_a_web_form_submission_with_a_missing_field_still_goes_to_review(runtime: Runtime) -> None:
    """Nobody can be asked for the phone: the reviewers get it with phone missing."""
    result = ingest(runtime, make(sender="noreply@oa.qinghe.gov.example", manuscript=NO_PHONE + ARTICLE))
    assert (result["outcome"], result["missing"]) == ("accepted", ["phone"])
    assert kinds(result) == [("review_request", [EDITOR])]
    assert "【未找到】" in text_of(outbox(runtime)[0])


def test_a_web_form_mail_without_manuscript_is_ignored(runtime: Runtime) -> None:
    """An automatic sender's mail with nothing to register: ignored, recorded, nothing sent."""
    raw = make(sender="noreply@form.qinghe.gov.example", manuscript=None, body="表单提交：见附件")
    result = ingest(runtime, raw)
    assert (result["outcome"], result["notifications"]) == ("ignored", [])


def test_a_vacation_reply_is_ignored(runtime: Runtime) -> None:
    """自动回复 without manuscript → ignored / auto_reply, nothing sent."""
    result = ingest(runtime, make(manuscript=None, subject="自动回复：稿件已收到", body="您好，我正在休假。",
                                  Auto_Submitted="auto-replied"))
    assert (result["outcome"], result["reason"], result["notifications"]) == ("ignored", "auto_reply", [])
    assert outbox(runtime) == []


def test_the_author_in_reply_to_gets_the_acknowledgement(runtime: Runtime) -> None:
    """Shared mailbox From, author Reply-To: the acknowledgement goes to the author; the submission keeps both."""
    result = ingest(runtime, make(sender="民政局办公室 <qh_mzj_bgs@163.com>", Reply_To="钟雨桐 <zhongyt@qq.com>"))
    assert kinds(result) == [("acknowledgement", ["zhongyt@qq.com"]), ("review_request", [EDITOR])]
    ack, review = outbox(runtime)
    assert ack["To"] == "zhongyt@qq.com" and "钟雨桐" in text_of(ack)
    assert "代发邮箱：qh_mzj_bgs@163.com" in text_of(review)
    with runtime.store.session() as s:
        sub = s.scalars(select(Submission)).one()
        assert (sub.contributor_addr, sub.sender_addr, sub.reply_to_addr, sub.contributor_name) == (
            "zhongyt@qq.com", "qh_mzj_bgs@163.com", "zhongyt@qq.com", "钟雨桐")


def test_a_reply_to_that_is_the_sender_changes_nothing(runtime: Runtime) -> None:
    """Reply-To equal to From: the acknowledgement goes to From, no Reply-To recorded."""
    result = ingest(runtime, make(Reply_To="a@163.com"))
    assert kinds(result)[0] == ("acknowledgement", ["a@163.com"])
    with runtime.store.session() as s:
        assert s.scalars(select(Submission.reply_to_addr)).one() is None


def test_a_reviewers_decision_on_a_web_form_submission_is_recorded_and_mailed_to_nobody(runtime: Runtime) -> None:
    """通过 on a web form's submission: approved, but no decision notice goes to noreply@ (or anyone)."""
    ingest(runtime, make(sender="noreply@form.qinghe.gov.example"))
    [review] = outbox(runtime)
    answer = EmailMessage()
    answer["From"] = EDITOR
    answer["To"] = str(review["Reply-To"] or review["From"])
    answer["Subject"] = "回复：" + str(review["Subject"])
    answer["Message-ID"] = "<decision-1@example.test>"
    answer["In-Reply-To"] = answer["References"] = str(review["Message-ID"])
    quoted = "\n".join("> " + line for line in text_of(review).splitlines())
    answer.set_content(f"通过\n\n在 2026-11-26 10:00:00，投稿邮箱 写道：\n{quoted}\n")
    result = ingest(runtime, answer.as_bytes())
    assert (result["outcome"], result["reason"], result["notifications"]) == ("ignored", "review_decision", [])
    assert len(outbox(runtime)) == 1
    with runtime.store.session() as s:
        assert s.scalars(select(Submission.status)).one() == "approved"


def test_intake_status_shows_what_was_kept_and_not_answered(
    runtime_factory: RuntimeFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    """Ops see spam and auto-replies kept, rejections not sent and silent submissions in `intake status`."""
    from intake.status import print_status

    runtime = runtime_factory(reject_unknown_senders="false")
    ingest(runtime, make(manuscript=None, X_Spam_Flag="YES"))
    ingest(runtime, make(sender="noreply@form.qinghe.gov.example", msgid="<w1@x>"))
    ingest(runtime, make(sender="s@spam.example", manuscript=None, body="请查收", msgid="<r1@x>"))
    print_status(runtime.store, runtime.settings)
    out = capsys.readouterr().out
    assert "已保存但未回复的邮件：spam 1；未发出的退稿通知：1；无人收到自动回复的投稿：1" in out


def test_a_reviewer_address_failing_dmarc_at_our_mx_decides_nothing(runtime_factory: RuntimeFactory) -> None:
    """A forged 通过 from a reviewer's address, dmarc=fail at INTAKE_TRUSTED_AUTHSERV_ID: nothing changes
    (intake.trust records it as unverified and warns the reviewer; it is never read as a submission)."""
    runtime = runtime_factory(trusted_authserv_id="mx.qinghe.example")
    ingest(runtime, make())
    review = outbox(runtime)[-1]
    forged = EmailMessage()
    forged["From"] = EDITOR
    forged["To"] = str(review["From"])
    forged["Subject"] = "回复：" + str(review["Subject"])
    forged["Message-ID"] = "<forged-1@example.net>"
    forged["In-Reply-To"] = str(review["Message-ID"])
    forged["Authentication-Results"] = "mx.qinghe.example; spf=fail smtp.mailfrom=example.test; dmarc=fail"
    forged.set_content("通过")
    result = ingest(runtime, forged.as_bytes())
    assert (result["outcome"], result["reason"]) == ("ignored", "unverified_decision")
    with runtime.store.session() as s:
        assert s.scalars(select(Submission.status)).one() == "pending_review"
