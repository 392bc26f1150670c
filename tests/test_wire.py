"""Every notice kind, built from every corpus and example mail, is fit for a strict MTA (intake.wire).

The file outbox keeps the exact bytes SMTP would send, so checking them here covers the SMTP path;
tests/integration/test_postfix_relay.py sends them through a real Postfix as well.
"""

from __future__ import annotations

import email
import email.policy
from email.message import EmailMessage
from pathlib import Path

import pytest

from intake import wire
from intake.config import load_settings
from intake.runtime import Runtime, build_runtime

ROOT = Path(__file__).resolve().parents[1]
MAILS = sorted((ROOT / "tests" / "data" / "corpus").glob("*.eml")) + sorted((ROOT / "examples").glob("*.eml"))
LONG_NAME = ("关于全面推进机关党建工作高质量发展暨二〇二六年度基层党组织书记抓党建述职评议考核情况的报告"
             "（定稿，含附表一至附表六及典型案例材料汇编，请编辑部审核后择优刊发）.txt")


def runtime_for(tmp_path: Path) -> Runtime:
    rt = build_runtime(load_settings({
        "INTAKE_DATA_DIR": str(tmp_path), "INTAKE_REVIEWERS": "editor@example.test",
        "INTAKE_SUBMISSION_ADDRESS": "tougao@example.test", "INTAKE_SITE_NAME": "青禾党建网"}))
    return rt


def outbox(tmp_path: Path) -> list[bytes]:
    return [p.read_bytes().split(b"\r\n", 2)[2] for p in sorted((tmp_path / "outbox").glob("*.eml"))]


def test_the_checker_finds_what_a_strict_server_refuses() -> None:
    good = b"From: a@b.example\r\nSubject: x\r\n\r\nbody\r\n"
    assert wire.problems(good) == []
    assert wire.problems(good.replace(b"\r\nbody", b"\nbody"))
    assert wire.problems(good.replace(b"body", b"x" * 999))
    assert wire.problems(good.replace(b"Subject: x", "Subject: 中文".encode()))
    forwarded = (b"From: a@b.example\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=B\r\n\r\n"
                 b"--B\r\nContent-Type: message/rfc822\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                 b"U3ViamVjdDogeA0KDQp4\r\n"
                 b"--B--\r\n")
    assert any("composite" in p for p in wire.problems(forwarded))


@pytest.mark.parametrize("path", MAILS, ids=[p.name for p in MAILS])
def test_every_notice_built_from_a_corpus_mail_is_fit_to_send(path: Path, tmp_path: Path) -> None:
    rt = runtime_for(tmp_path)
    message_id, _ = rt.store.record_message(path.read_bytes(), "test")
    rt.ingest(message_id)
    for raw in outbox(tmp_path):
        assert wire.problems(raw) == [], path.name


def _forwarded_submission() -> bytes:
    """QQ mail's "forward as attachment": the submission travels as a message/rfc822 part."""
    inner = EmailMessage()
    inner["From"] = "王芳 <wangfang@qq.com>"
    inner["To"] = "office@example.test"
    inner["Subject"] = "投稿：社区服务站开展冬季送温暖活动"
    inner["Message-ID"] = "<inner.1@qq.com>"
    body = ("标题：社区服务站开展冬季送温暖活动\n来源：东湖街道党工委\n作者：王芳\n联系电话：13907311234\n\n"
            + "入冬以来，东湖街道组织党员志愿者走访辖区困难群众，送去棉被和米面油。" * 40 + "\n")
    inner.set_content(body.replace("\n", "\r\n"), cte="8bit")  # 8-bit, one very long line
    outer = EmailMessage()
    outer["From"] = "王芳 <wangfang@qq.com>"
    outer["To"] = "tougao@example.test"
    outer["Subject"] = "转发：投稿：社区服务站开展冬季送温暖活动"
    outer["Message-ID"] = "<outer.1@qq.com>"
    outer.set_content("请见附件中的原邮件。\n标题：社区服务站开展冬季送温暖活动\n来源：东湖街道党工委\n作者：王芳\n"
                      "联系电话：13907311234\n\n" + "入冬以来，东湖街道组织党员志愿者走访辖区困难群众。" * 20)
    outer.add_attachment(inner)
    manuscript = ("社区服务站开展冬季送温暖活动\r\n来源：东湖街道党工委\r\n作者：王芳\r\n联系电话：13907311234\r\n\r\n"
                  + "入冬以来，东湖街道组织党员志愿者走访辖区困难群众，送去棉被和米面油。\r\n" * 12)
    outer.add_attachment(manuscript.encode("gb18030"), maintype="text", subtype="plain", filename=LONG_NAME)
    return outer.as_bytes(policy=email.policy.SMTP)


def test_a_forwarded_submission_and_a_long_chinese_file_name_go_out_valid(tmp_path: Path) -> None:
    rt = runtime_for(tmp_path)
    message_id, _ = rt.store.record_message(_forwarded_submission(), "test")
    result = rt.ingest(message_id)
    mails = outbox(tmp_path)
    assert result["outcome"] == "accepted", result
    assert len(mails) == 2
    for raw in mails:
        assert wire.problems(raw) == []
    review = next(m for m in mails if b"editor@example.test" in m.split(b"\r\n\r\n")[0])
    parsed = email.message_from_bytes(review, policy=email.policy.default)
    names = [p.get_filename() for p in parsed.iter_attachments()]  # type: ignore[attr-defined]
    assert LONG_NAME in names
    original = next(p for p in parsed.iter_attachments() if (p.get_filename() or "").endswith(".eml"))  # type: ignore[attr-defined]
    assert b"<inner.1@qq.com>" in original.get_content()


def test_a_forwarded_mail_is_attached_under_its_subject(tmp_path: Path) -> None:
    from intake.mail import parse_mail

    [forwarded] = [a for a in parse_mail(_forwarded_submission()).attachments if a.content_type == "message/rfc822"]
    assert forwarded.filename == "投稿：社区服务站开展冬季送温暖活动.eml"


def _reply(review: bytes, sender: str, first_line: str, n: int) -> bytes:
    parsed = email.message_from_bytes(review, policy=email.policy.default)
    msg = EmailMessage()
    msg["From"], msg["To"] = sender, "tougao@example.test"
    msg["Subject"] = "回复：" + str(parsed["Subject"])
    msg["Message-ID"] = f"<wire-decision-{n}@example.test>"
    msg["In-Reply-To"] = msg["References"] = str(parsed["Message-ID"])
    msg.set_content(f"{first_line}\n\n在 2026-12-03 10:00，投稿邮箱 写道：\n> 各位编辑：\n")
    return msg.as_bytes()


@pytest.mark.parametrize("path", MAILS, ids=[p.name for p in MAILS])
def test_decision_notices_of_every_accepted_mail_are_fit_to_send(path: Path, tmp_path: Path) -> None:
    """The two kinds only a reviewer's reply produces: the decision, and the warning about a forged one."""
    rt = runtime_for(tmp_path)
    message_id, _ = rt.store.record_message(path.read_bytes(), "test")
    result = rt.ingest(message_id)
    if result.get("outcome") != "accepted":
        pytest.skip("no review request for this mail")
    answered = "not_answered_automatic_sender" not in result["warnings"]  # else decisions go to nobody
    review = next(m for m in outbox(tmp_path) if b"editor@example.test" in m.split(b"\r\n\r\n")[0])
    sent_before = {p.name for p in (tmp_path / "outbox").glob("*.eml")}
    replies = [("stranger@example.org", "通过"), ("editor@example.test", "退回：请补充图片说明")]
    for n, (sender, line) in enumerate(replies):
        reply_id, _ = rt.store.record_message(_reply(review, sender, line, n), "test")
        rt.ingest(reply_id)
    later = sorted(p for p in (tmp_path / "outbox").glob("*.eml") if p.name not in sent_before)
    kinds = {p.stem.split("-", 1)[1] for p in later}
    assert {"decision_unverified"} | ({"decision"} if answered else set()) <= kinds, kinds
    for p in later:
        assert wire.problems(p.read_bytes().split(b"\r\n", 2)[2]) == [], (path.name, p.name)
