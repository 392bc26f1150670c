"""Reviewers act by replying to the review request; the contributor is told the result."""

from __future__ import annotations

import time
from email.message import EmailMessage
from email.utils import formatdate
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from intake.config import load_settings
from intake.decisions import parse_decision
from intake.runtime import Runtime, build_runtime
from intake.tables import Submission

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.fixture(params=["zh-CN", "en"])
def runtime(request: pytest.FixtureRequest, tmp_path: Path, smtp_sink: Any) -> Runtime:
    return build_runtime(load_settings({
        "INTAKE_DATA_DIR": str(tmp_path), "INTAKE_SMTP_URL": smtp_sink.url, "INTAKE_LANGUAGE": request.param,
        "INTAKE_SUBMISSION_ADDRESS": "tougao@example.test", "INTAKE_REVIEWERS": "editor@example.test"}))


def ingest(runtime: Runtime, raw: bytes) -> dict[str, Any]:
    message_id, _ = runtime.store.record_message(raw, "test")
    return runtime.ingest(message_id)


def reply(to: EmailMessage, sender: str, first_line: str, n: int, headers: dict[str, str] | None = None) -> bytes:
    msg = EmailMessage()
    msg["From"], msg["To"] = sender, "tougao@example.test"
    msg["Subject"] = "回复：" + str(to["Subject"])
    msg["Message-ID"] = f"<decision-{n}@example.test>"
    msg["In-Reply-To"] = msg["References"] = str(to["Message-ID"])
    msg["Date"] = formatdate(localtime=True)
    for name, value in (headers or {}).items():
        msg[name] = value
    quote = "在 2026-11-26 10:00:00，\"投稿邮箱\" <tougao@example.test> 写道：\n> 各位编辑：\n"
    msg.set_content(f"{first_line}\n\n{quote}")
    return msg.as_bytes()


def status(runtime: Runtime) -> str:
    with runtime.store.session() as s:
        return s.scalars(select(Submission.status)).one()


def test_return_then_approve(runtime: Runtime, smtp_sink: Any) -> None:
    first = ingest(runtime, (EXAMPLES / "01-docx-with-photos.eml").read_bytes())
    review = [e.message for e in smtp_sink.wait_for(2)][1]
    contributor = "qh_zhangxl2026@163.com"

    returned = ingest(runtime, reply(review, "editor@example.test", "退回：图片不清晰，请补充原图。", 1))
    assert (returned["outcome"], returned["reason"]) == ("ignored", "review_decision")
    assert returned["notifications"] == [{"kind": "decision", "to": [contributor]}]
    notice = smtp_sink.wait_for(3)[2].message
    assert notice["To"] == contributor and notice["In-Reply-To"] == first["message_id"]
    assert first["tracking_id"] in str(notice["Subject"])
    assert "图片不清晰，请补充原图。" in notice.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    assert status(runtime) == "returned"

    ingest(runtime, reply(review, "editor@example.test", "通过", 2))
    approved = smtp_sink.wait_for(4)[3].message
    assert approved["To"] == contributor and status(runtime) == "approved"
    assert str(approved["Subject"]) != str(notice["Subject"])


def test_only_reviewers_decide_and_never_by_auto_reply(runtime: Runtime, smtp_sink: Any) -> None:
    ingest(runtime, (EXAMPLES / "01-docx-with-photos.eml").read_bytes())
    review = [e.message for e in smtp_sink.wait_for(2)][1]
    auto = ingest(runtime, reply(review, "editor@example.test", "通过", 1, {"Auto-Submitted": "auto-replied"}))
    assert auto["reason"] == "auto_reply"
    unclear = ingest(runtime, reply(review, "editor@example.test", "收到，周一再看", 2))
    assert (unclear["reason"], unclear["notifications"]) == ("reviewer_reply", [])
    stranger = ingest(runtime, reply(review, "someone@qq.com", "通过", 3))
    assert stranger["reason"] == "unverified_decision"  # the editor's token, not the editor: tests/test_trust.py
    assert status(runtime) == "pending_review"


@pytest.mark.parametrize(("text", "expected"), [
    ("通过", ("approved", "")),
    ("采用。安排周五刊发", ("approved", "安排周五刊发")),
    ("退回：缺少单位审核意见\n请补充后再投", ("returned", "缺少单位审核意见\n请补充后再投")),
    ("不采用", ("returned", "")),
    ("Approved", ("approved", "")),
    ("收到", None),
    ("", None),
    ("> 通过\n", None),  # only quoted text: not the reviewer's own words
])
def test_parse_decision(text: str, expected: tuple[str, str] | None) -> None:
    found = parse_decision(text)
    assert (None if found is None else (found.status, found.comment)) == expected


def test_a_revised_manuscript_after_a_return_goes_back_to_review(runtime: Runtime, smtp_sink: Any) -> None:
    from intake.mail import parse_mail

    ingest(runtime, (EXAMPLES / "01-docx-with-photos.eml").read_bytes())
    review = [e.message for e in smtp_sink.wait_for(2)][1]
    ingest(runtime, reply(review, "editor@example.test", "退回：请补充第三部分", 1))
    decision = smtp_sink.wait_for(3)[2].message
    manuscript = next(a for a in parse_mail((EXAMPLES / "01-docx-with-photos.eml").read_bytes()).attachments
                      if a.filename.endswith(".docx"))
    revised = EmailMessage()
    revised["From"], revised["To"] = "qh_zhangxl2026@163.com", "tougao@example.test"
    revised["Subject"] = "回复：" + str(decision["Subject"])
    revised["Message-ID"], revised["In-Reply-To"] = "<revised@163.com>", str(decision["Message-ID"])
    revised.set_content("您好，修改稿见附件。")
    revised.add_attachment(manuscript.payload, maintype="application", subtype="octet-stream",
                           filename="修改稿.docx")
    result = ingest(runtime, revised.as_bytes())
    assert result["outcome"] == "accepted" and result["draft"]["manuscript"] == "修改稿.docx"
    mails = [e.message for e in smtp_sink.wait_for(5)]
    assert {m["To"] for m in mails[3:]} == {"qh_zhangxl2026@163.com", "editor@example.test"}
    assert status(runtime) == "pending_review"


def _contributor_reply(to: EmailMessage, attachment_from: str, name: str, msgid: str) -> bytes:
    from intake.mail import parse_mail

    docx = next(a for a in parse_mail((EXAMPLES / attachment_from).read_bytes()).attachments
                if a.filename.endswith(".docx"))
    msg = EmailMessage()
    msg["From"], msg["To"] = "qh_zhangxl2026@163.com", "tougao@example.test"
    msg["Subject"] = "回复：" + str(to["Subject"])
    msg["Message-ID"], msg["In-Reply-To"] = msgid, str(to["Message-ID"])
    msg.set_content("您好，稿件见附件。")
    msg.add_attachment(docx.payload, maintype="application", subtype="octet-stream", filename=name)
    return msg.as_bytes()


def test_a_different_article_sent_as_a_reply_to_an_acknowledgement_is_a_new_submission(
    runtime: Runtime, smtp_sink: Any
) -> None:
    first = ingest(runtime, (EXAMPLES / "01-docx-with-photos.eml").read_bytes())
    ack = smtp_sink.wait_for(2)[0].message
    other = ingest(runtime, _contributor_reply(ack, "10-outlook-rfc2231-names.eml", "新稿.docx", "<new@163.com>"))
    assert other["outcome"] == "accepted" and other["tracking_id"] not in (None, first["tracking_id"])
    same = ingest(runtime, _contributor_reply(ack, "01-docx-with-photos.eml", "修改稿.docx", "<rev@163.com>"))
    assert same["tracking_id"] == first["tracking_id"]  # the same article again: a revision
    with runtime.store.session() as s:
        revisions = {tid: rev for tid, rev in s.execute(select(Submission.tracking_id, Submission.revision))}
    assert revisions == {first["tracking_id"]: 2, other["tracking_id"]: 1}


def test_a_revision_sent_as_a_reply_is_extracted_once(runtime: Runtime, smtp_sink: Any,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """Deciding whether a reply is a revision or a new article must not read the manuscript twice."""
    import intake.pipeline

    ingest(runtime, (EXAMPLES / "01-docx-with-photos.eml").read_bytes())
    ack = smtp_sink.wait_for(2)[0].message
    calls: list[str] = []
    real = intake.pipeline.extract
    monkeypatch.setattr(intake.pipeline, "extract", lambda mail, *a: (calls.append(mail.message_id), real(mail, *a))[1])
    same = ingest(runtime, _contributor_reply(ack, "01-docx-with-photos.eml", "修改稿.docx", "<rev1@163.com>"))
    assert same["outcome"] == "accepted" and len(calls) == 1


def test_the_same_decision_twice_tells_the_contributor_once(runtime: Runtime, smtp_sink: Any) -> None:
    """A second "通过" (a reviewer who forgot, a reply sent from two devices) is recorded and answers nobody;
    a second 退回 with a new reason is a new opinion and is sent."""
    ingest(runtime, (EXAMPLES / "01-docx-with-photos.eml").read_bytes())
    review = [e.message for e in smtp_sink.wait_for(2)][1]
    assert ingest(runtime, reply(review, "editor@example.test", "通过", 1))["reason"] == "review_decision"
    again = ingest(runtime, reply(review, "editor@example.test", "通过", 2))
    assert (again["outcome"], again["reason"], again["notifications"]) == ("ignored", "repeated_decision", [])
    assert ingest(runtime, reply(review, "editor@example.test", "退回：请补充原图", 3))["reason"] == "review_decision"
    assert ingest(runtime, reply(review, "editor@example.test", "退回：请补充原图", 4))["reason"] == "repeated_decision"
    assert ingest(runtime, reply(review, "editor@example.test", "退回：另请核实人名", 5))["reason"] == "review_decision"
    time.sleep(1.0)
    decisions = [e.message for e in smtp_sink.envelopes][2:]
    assert len(decisions) == 3, [str(m["Subject"]) for m in decisions]
    assert status(runtime) == "returned"
