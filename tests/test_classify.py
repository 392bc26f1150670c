"""intake.classify: mail that must never be answered (DESIGN §6, RFC 3834) gets an ignore reason; the rest None."""

from __future__ import annotations

import base64
from email.header import Header

import pytest

from intake.classify import classify
from intake.mail import parse_mail
from intake.models import ParsedMail

OWN = "tougao@localhost"


def mail(headers: str = "", sender: str = "qh_zhangxl2026@163.com", subject: str = "投稿：读书分享会",
         content_type: str = "text/plain; charset=utf-8") -> ParsedMail:
    """A normal 163 submission, with extra header lines spliced in."""
    raw = (
        "Received: from mua.example by mx.localhost; Mon, 02 Mar 2026 09:12:02 +0800\r\n"
        f"From: {Header('张晓琳', 'utf-8').encode()} <{sender}>\r\n"
        "To: tougao@localhost\r\n"
        f"Subject: {Header(subject, 'utf-8').encode()}\r\n"
        "Message-ID: <121f8bd5.b29d@163.com>\r\n"
        "X-Mailer: Coremail Webmail Server Version XT5.0.14\r\n"
        f"{headers}"
        "MIME-Version: 1.0\r\n"
        f"Content-Type: {content_type}\r\n"
        "Content-Transfer-Encoding: base64\r\n\r\n"
        f"{base64.b64encode('编辑老师您好，附件是稿件。'.encode()).decode()}\r\n"
    )
    return parse_mail(raw.encode("ascii"))


def code(m: ParsedMail) -> str | None:
    reason = classify(m, OWN)
    if reason is not None:
        assert reason.severity == "ignore"
    return reason.code if reason else None


def test_a_normal_163_submission_may_be_answered() -> None:
    """An ordinary contributor mail is not classified."""
    assert code(mail()) is None


def test_auto_submitted_no_may_be_answered() -> None:
    """`Auto-Submitted: no` is the explicit "a human sent this" (RFC 3834 §5)."""
    assert code(mail("Auto-Submitted: no\r\n")) is None


@pytest.mark.parametrize(
    "headers",
    ["Auto-Submitted: auto-replied\r\n", "Auto-Submitted: auto-generated\r\n",
     "Auto-Submitted: auto-replied; owner-email=\"x@163.com\"\r\n",
     "Precedence: bulk\r\n", "Precedence: list\r\n", "Precedence: junk\r\n", "Precedence: Auto_Reply\r\n",
     "X-Autoreply: yes\r\n", "X-Auto-Response-Suppress: All\r\n"],
)
def test_auto_reply_headers_are_never_answered(headers: str) -> None:
    """Auto-Submitted other than no, Precedence bulk/list/junk/auto_reply, X-Autoreply → auto_reply."""
    assert code(mail(headers)) == "auto_reply"


@pytest.mark.parametrize("subject", ["自动回复：投稿：读书分享会", "Automatic reply: 投稿", "Out of Office: 周一返回"])
def test_auto_reply_subjects_are_never_answered(subject: str) -> None:
    """An out-of-office subject (自动回复, Automatic reply, Out of Office) → auto_reply."""
    assert code(mail(subject=subject)) == "auto_reply"


def test_multipart_report_is_a_bounce() -> None:
    """A DSN (multipart/report) is a bounce even from an ordinary-looking sender."""
    assert code(mail(content_type="multipart/report; report-type=delivery-status; boundary=X")) == "bounce"


@pytest.mark.parametrize("sender", ["MAILER-DAEMON@163.com", "postmaster@qq.com"])
def test_mailer_daemon_and_postmaster_are_bounces(sender: str) -> None:
    """Mail from MAILER-DAEMON or postmaster → bounce."""
    assert code(mail(sender=sender)) == "bounce"


def test_empty_return_path_is_a_bounce() -> None:
    """`Return-Path: <>` (null sender) → bounce, even with an innocent subject."""
    assert code(mail("Return-Path: <>\r\n")) == "bounce"


def test_a_real_return_path_does_not_make_a_bounce() -> None:
    """A normal Return-Path leaves the mail answerable."""
    assert code(mail("Return-Path: <qh_zhangxl2026@163.com>\r\n")) is None


@pytest.mark.parametrize("value", [OWN, "TouGao@LocalHost", "submission-intake"])
def test_x_loop_of_ours_is_a_loop(value: str) -> None:
    """X-Loop naming our address (any case) or our tag → loop, checked before everything else."""
    assert code(mail(f"X-Loop: {value}\r\nAuto-Submitted: auto-replied\r\n")) == "loop"


def test_x_loop_of_another_system_is_not_a_loop() -> None:
    """Somebody else's X-Loop is not ours to act on."""
    assert code(mail("X-Loop: list@lists.example.org\r\n")) is None


def test_list_id_is_list_mail() -> None:
    """Mailing-list traffic (List-Id) → list_mail."""
    assert code(mail("List-Id: <news.lists.example.org>\r\n")) == "list_mail"


def test_mail_from_our_own_address_is_a_loop() -> None:
    """A mail From the submission address itself (any case) → loop, a code of the JSON contract (DESIGN §4)."""
    assert code(mail(sender="TouGao@localhost")) == "loop"


@pytest.mark.parametrize("sender", ["noreply@service.example", "no-reply@mail.example", "do-not-reply@x.example",
                                    "donotreply@x.example", "notifications@github.example"])
def test_noreply_senders_are_never_answered(sender: str) -> None:
    """Senders that do not accept replies (noreply, do-not-reply, notifications) are not answered."""
    assert code(mail(sender=sender)) == "auto_reply"


def test_a_sender_merely_containing_noreply_may_be_answered() -> None:
    """Only the local part's start counts: `zhang.noreply.fan@163.com` is a person."""
    assert code(mail(sender="zhangnoreply@163.com")) is None


def test_a_mail_without_sender_address_is_not_answered() -> None:
    """No From address → nobody to answer."""
    raw = b"To: tougao@localhost\r\nSubject: x\r\n\r\nbody\r\n"
    reason = classify(parse_mail(raw), OWN)
    assert reason is not None and reason.code == "auto_reply"


@pytest.mark.parametrize("subject", ["外出务工青年返乡创业记", "休假制度落实情况调研报告"])
def test_a_news_title_starting_with_waichu_or_xiujia_is_answered(subject: str) -> None:
    """A submission titled "外出务工…" or "休假制度…" is a manuscript, not an out-of-office reply."""
    assert code(mail(subject=subject)) is None


# --------------------------------------------------------------------------- two questions (DESIGN §6)


@pytest.mark.parametrize(("headers", "sender"), [
    ("", "noreply@form.qinghe.gov.example"),
    ("Auto-Submitted: auto-generated\r\n", "oa@qinghe.gov.example"),
    ("Precedence: bulk\r\n", "qh_zhangxl2026@163.com"),
    ("List-Id: <tougao-forward.qinghe.gov.example>\r\n", "qh_zhangxl2026@163.com"),
    ("X-Auto-Response-Suppress: All\r\n", "qh_zhangxl2026@163.com"),
], ids=["noreply", "auto-generated", "bulk", "list", "suppress"])
def test_automatic_senders_are_read_but_not_answered(headers: str, sender: str) -> None:
    """Web forms, OA systems, lists and bulk mail may be submissions: only the answer is refused."""
    from intake.classify import no_auto_answer, not_a_submission

    m = mail(headers, sender=sender)
    assert not_a_submission(m, OWN) is None
    reason = no_auto_answer(m)
    assert reason is not None and reason.data["kind"] == "automatic"


@pytest.mark.parametrize(("headers", "subject"), [
    ("Auto-Submitted: auto-replied\r\n", "投稿：读书分享会"),
    ("", "自动回复：投稿：读书分享会"),
    ("X-Autoreply: yes\r\n", "休假中"),
], ids=["auto-replied", "subject", "x-autoreply"])
def test_vacation_replies_are_replies(headers: str, subject: str) -> None:
    """Responses to another mail are kind "reply": only an attached manuscript could make them a submission."""
    from intake.classify import no_auto_answer

    reason = no_auto_answer(mail(headers, subject=subject))
    assert reason is not None and (reason.code, reason.data["kind"]) == ("auto_reply", "reply")


@pytest.mark.parametrize("sender", ["TouGao@localhost", "MAILER-DAEMON@163.com"])
def test_our_own_mail_and_bounces_are_never_submissions(sender: str) -> None:
    """Loops and DSNs are not read at all, manuscript or not."""
    from intake.classify import not_a_submission

    assert not_a_submission(mail(sender=sender), OWN) is not None
