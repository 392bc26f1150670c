"""Follow-ups from every clue, on SQLite and PostgreSQL (DESIGN.md §9).

A reply completes a submission when it names the tracking id, or when any id in
In-Reply-To or References is one of our notices or one of the submission's own
messages, and only when it comes from one of the submission's addresses.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from intake.runtime import Runtime
from intake.tables import Notice, Submission
from tests.trust_support import (
    ARTICLE,
    NO_PHONE,
    ingest,
    kinds,
    make,
    runtime,
    runtime_factory,
)

__all__ = ["runtime", "runtime_factory"]  # fixtures
PHONE = "您好，补充联系电话：139 1234 5678。"


def incomplete(runtime: Runtime, **headers: str) -> dict[str, Any]:
    result = ingest(runtime, make(manuscript=NO_PHONE + ARTICLE, **headers))
    assert (result["outcome"], result["missing"]) == ("incomplete", ["phone"])
    return result


def notice_id(runtime: Runtime) -> str:
    """Our first 'please complete' notice's Message-ID."""
    with runtime.store.session() as s:
        return s.scalars(select(Notice.message_id_header).where(Notice.kind == "incomplete")
                         .order_by(Notice.id)).first() or ""


def submission(runtime: Runtime) -> Submission:
    with runtime.store.session() as s:
        return s.scalars(select(Submission)).one()


def test_a_reply_to_the_contributors_own_sent_mail_completes_it(runtime: Runtime) -> None:
    """In-Reply-To is the submission's own Message-ID (replied from 已发送), no tracking id: completed."""
    first = incomplete(runtime)
    result = ingest(runtime, make(manuscript=None, body=PHONE, subject="回复：投稿：读书分享会", msgid="<m2@163.com>",
                                  In_Reply_To="<m1@163.com>", References="<m1@163.com>"))
    assert (result["outcome"], result["tracking_id"]) == ("accepted", first["tracking_id"])
    assert submission(runtime).phone == "13912345678" and submission(runtime).revision == 2


def test_a_client_that_keeps_only_references_is_followed(runtime: Runtime) -> None:
    """No In-Reply-To; our notice's id sits in the middle of a References chain: completed."""
    first = incomplete(runtime)
    chain = f"<older@163.com> {notice_id(runtime)} <draft-42@163.com>"
    result = ingest(runtime, make(manuscript=None, body=PHONE, subject="补充", msgid="<m3@163.com>", References=chain))
    assert (result["outcome"], result["tracking_id"]) == ("accepted", first["tracking_id"])


def test_the_submissions_own_id_deep_in_references_is_followed(runtime: Runtime) -> None:
    """References holds the original mail's id first and unknown ids after it: completed."""
    first = incomplete(runtime)
    result = ingest(runtime, make(manuscript=None, body=PHONE, subject="补充", msgid="<m4@163.com>",
                                  In_Reply_To="<unknown@163.com>", References="<m1@163.com> <unknown@163.com>"))
    assert result["tracking_id"] == first["tracking_id"] and result["outcome"] == "accepted"


def test_a_stranger_citing_the_submission_is_not_a_follow_up(runtime: Runtime) -> None:
    """Somebody else replying to the contributor's mail changes nothing in the submission."""
    first = incomplete(runtime)
    result = ingest(runtime, make(sender="b@qq.com", manuscript=None, body=PHONE, subject="回复：投稿",
                                  msgid="<x1@qq.com>", In_Reply_To="<m1@163.com>"))
    assert result["tracking_id"] != first["tracking_id"]
    sub = submission(runtime)
    assert (sub.status, sub.phone, sub.revision) == ("incomplete", None, 1)


def test_a_stranger_naming_the_tracking_id_is_not_a_follow_up(runtime: Runtime) -> None:
    """The tracking id in a stranger's subject is no key to the submission."""
    first = incomplete(runtime)
    ingest(runtime, make(sender="b@qq.com", manuscript=None, body=PHONE, subject=f"补充 {first['tracking_id']}",
                         msgid="<x2@qq.com>"))
    assert submission(runtime).status == "incomplete"


def test_either_address_of_a_shared_mailbox_submission_may_follow_up(runtime: Runtime) -> None:
    """Sent by the shared mailbox for the Reply-To author: the author's reply and the mailbox's both count."""
    first = incomplete(runtime, **{"sender": "民政局办公室 <bgs@163.com>", "Reply_To": "钟雨桐 <zyt@qq.com>"})
    assert kinds(first) == [("incomplete", ["zyt@qq.com"])]
    by_mailbox = ingest(runtime, make(sender="bgs@163.com", manuscript=None, body="审核人：王五", subject="补充",
                                      msgid="<b2@163.com>", In_Reply_To="<m1@163.com>"))
    assert (by_mailbox["outcome"], by_mailbox["tracking_id"]) == ("incomplete", first["tracking_id"])
    assert submission(runtime).reviewer == "王五"
    by_author = ingest(runtime, make(sender="zyt@qq.com", manuscript=None, body=PHONE, subject="补充",
                                     msgid="<z1@qq.com>", References=notice_id(runtime)))
    assert (by_author["outcome"], by_author["tracking_id"]) == ("accepted", first["tracking_id"])
    assert kinds(by_author)[0] == ("acknowledgement", ["zyt@qq.com"])
    assert submission(runtime).revision == 3
