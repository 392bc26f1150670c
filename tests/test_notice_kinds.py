"""Every notice kind, sent through a real SMTP server, carries the right headers and says the right things."""

from __future__ import annotations

from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest

from intake.config import load_settings
from intake.runtime import Runtime, build_runtime

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.fixture
def runtime(tmp_path: Path, smtp_sink: Any) -> Runtime:
    settings = load_settings({
        "INTAKE_DATA_DIR": str(tmp_path), "INTAKE_SMTP_URL": smtp_sink.url,
        "INTAKE_SUBMISSION_ADDRESS": "tougao@example.test", "INTAKE_REVIEWERS": "editor@example.test",
        "INTAKE_SITE_NAME": "青禾党建网",
    })
    return build_runtime(settings)


def ingest(runtime: Runtime, raw: bytes) -> dict[str, Any]:
    message_id, _ = runtime.store.record_message(raw, "test")
    return runtime.ingest(message_id)


def received(sink: Any, count: int) -> list[EmailMessage]:
    return [e.message for e in sink.wait_for(count, timeout=10)]


def assert_threaded_reply(mail: EmailMessage, original: dict[str, Any], to: str) -> None:
    assert mail["To"] == to
    assert mail["Auto-Submitted"] == "auto-replied"
    assert mail["In-Reply-To"] == original["message_id"]
    assert original["message_id"] in str(mail["References"])
    assert str(mail["Message-ID"]).endswith("@example.test>")
    assert "青禾党建网" in str(mail["From"])


def text_of(mail: EmailMessage) -> str:
    return str(mail.get_body(("plain",)).get_content())  # type: ignore[union-attr]


def html_of(mail: EmailMessage) -> str:
    return str(mail.get_body(("html",)).get_content())  # type: ignore[union-attr]


def test_acknowledgement_and_review_request(runtime: Runtime, smtp_sink: Any) -> None:
    result = ingest(runtime, (EXAMPLES / "01-docx-with-photos.eml").read_bytes())
    ack, review = received(smtp_sink, 2)
    tracking = result["tracking_id"]
    assert_threaded_reply(ack, result, "qh_zhangxl2026@163.com")
    assert str(ack["Subject"]).startswith("【来稿已收到】") and tracking in str(ack["Subject"])
    assert tracking in text_of(ack) and result["draft"]["title"] in text_of(ack)

    assert review["To"] == "editor@example.test" and review["Auto-Submitted"] == "auto-generated"
    assert str(review["Subject"]).startswith("【待审稿件】") and tracking in str(review["Subject"])
    html = html_of(review)
    for label in ("标题", "来源单位", "作者", "联系电话", "审核人"):
        assert label in html
    for image in result["draft"]["images"]:
        assert image["caption"] in html
    inline = [p for p in review.walk() if p.get("Content-ID")]
    assert len(inline) == len(result["draft"]["images"]) == 2
    names = [p.get_filename() for p in review.iter_attachments()]
    assert "draft.html" in names and result["draft"]["manuscript"] in names


def test_incomplete_lists_exactly_the_missing_fields_with_examples(runtime: Runtime, smtp_sink: Any) -> None:
    result = ingest(runtime, (EXAMPLES / "05-missing-phone.eml").read_bytes())
    [mail] = received(smtp_sink, 1)
    assert result["missing"] == ["phone"]
    assert_threaded_reply(mail, result, "luoxinran_dag@163.com")
    assert str(mail["Subject"]).startswith("【请补充稿件信息】") and result["tracking_id"] in str(mail["Subject"])
    body = text_of(mail)
    assert "联系电话" in body and "回复本邮件" in body
    assert "138 0000 0000" in body  # the example of how to write the missing field
    assert result["draft"]["source_unit"] in body  # what was found, so the contributor can check it


def test_rejection_says_why_and_how_to_fix(runtime: Runtime, smtp_sink: Any) -> None:
    result = ingest(runtime, (EXAMPLES / "09-no-manuscript.eml").read_bytes())
    [mail] = received(smtp_sink, 1)
    assert result["outcome"] == "rejected" and result["tracking_id"] is None
    assert_threaded_reply(mail, result, "1876620395@qq.com")
    assert str(mail["Subject"]).startswith("【来稿未能受理】")
    assert "附件" in text_of(mail)


def test_duplicate_is_answered_politely_with_the_first_tracking_id(runtime: Runtime, smtp_sink: Any) -> None:
    raw = (EXAMPLES / "01-docx-with-photos.eml").read_bytes()
    first = ingest(runtime, raw)
    again = ingest(runtime, raw.replace(b"Message-ID: <", b"Message-ID: <resent."))
    mails = received(smtp_sink, 3)
    assert again["outcome"] == "duplicate" and again["reason"] == "duplicate"
    notice = mails[2]
    assert first["tracking_id"] in str(notice["Subject"]) + text_of(notice)


def test_auto_replies_and_bounces_get_no_mail(runtime: Runtime, smtp_sink: Any) -> None:
    for name in ("07-auto-reply.eml", "08-bounce.eml"):
        assert ingest(runtime, (EXAMPLES / name).read_bytes())["outcome"] == "ignored"
    with pytest.raises(TimeoutError):
        smtp_sink.wait_for(1, timeout=1)


def test_a_near_duplicate_from_another_sender_is_recognised(runtime: Runtime, smtp_sink: Any) -> None:
    from email.message import EmailMessage as Mail

    from intake.mail import parse_mail

    raw = (EXAMPLES / "03-body-only-article.eml").read_bytes()
    first = ingest(runtime, raw)
    assert first["outcome"] == "accepted"
    text = parse_mail(raw).text_body
    sentences = text.split("。")
    sentences[2] = sentences[2][:-4] + "有关情况"  # one sentence reworded
    copy = Mail()
    copy["From"], copy["To"], copy["Subject"] = "another@qq.com", "tougao@example.test", "投稿：同一篇稿件"
    copy["Message-ID"] = "<near-duplicate@qq.com>"
    copy.set_content("。".join(sentences))
    again = ingest(runtime, copy.as_bytes())
    assert again["outcome"] == "duplicate" and again["tracking_id"] is None
    notice = received(smtp_sink, 3)[2]
    assert notice["To"] == "another@qq.com" and first["tracking_id"] in text_of(notice)


def test_english_notices_when_configured(tmp_path: Path, smtp_sink: Any) -> None:
    settings = load_settings({
        "INTAKE_DATA_DIR": str(tmp_path), "INTAKE_SMTP_URL": smtp_sink.url, "INTAKE_LANGUAGE": "en",
        "INTAKE_SUBMISSION_ADDRESS": "tougao@example.test"})
    runtime = build_runtime(settings)
    result = ingest(runtime, (EXAMPLES / "05-missing-phone.eml").read_bytes())
    [mail] = received(smtp_sink, 1)
    assert str(mail["Subject"]).startswith(f"[{result['tracking_id']}] Please complete your submission")
    body = text_of(mail)
    assert "phone" in body.lower() and "reply" in body.lower()
