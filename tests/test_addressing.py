"""intake.addressing: the acknowledgement goes to Reply-To when it names a person other than From."""

from __future__ import annotations

import pytest

from intake.addressing import addresses_of
from intake.mail import parse_mail
from intake.models import ParsedMail

OWN = "tougao@localhost"


def mail(reply_to: str | None) -> ParsedMail:
    extra = f"Reply-To: {reply_to}\r\n" if reply_to is not None else ""
    raw = (f"From: =?utf-8?b?5Yqe5YWs5a6k?= <BGS_mzj@163.com>\r\nTo: {OWN}\r\n{extra}Subject: x\r\n"
           "Message-ID: <r1@163.com>\r\n\r\nbody\r\n")
    return parse_mail(raw.encode("ascii"))


def test_a_personal_reply_to_is_whom_we_answer() -> None:
    """Shared mailbox From, author in Reply-To: answer the author under the author's name; keep both."""
    who = addresses_of(mail("=?utf-8?b?6ZKf6Zuo5qGQ?= <ZhongYT@qq.com>"), OWN)
    assert (who.sender, who.answer, who.answer_name, who.reply_to) == (
        "bgs_mzj@163.com", "zhongyt@qq.com", "钟雨桐", "zhongyt@qq.com")


def test_a_bare_reply_to_does_not_borrow_the_mailbox_name() -> None:
    """Without a display name in Reply-To, the shared mailbox's name (办公室) is not the author's."""
    assert addresses_of(mail("zhongyt@qq.com"), OWN).answer_name == ""


@pytest.mark.parametrize("reply_to", [None, "bgs_mzj@163.com", "noreply@qinghe.gov.example", OWN, "not-an-address"],
                         ids=["none", "same-as-from", "noreply", "our-own", "garbage"])
def test_otherwise_we_answer_from(reply_to: str | None) -> None:
    """No Reply-To, the sender itself, an address nobody reads, our own address or garbage → From."""
    who = addresses_of(mail(reply_to), OWN)
    assert (who.answer, who.reply_to) == ("bgs_mzj@163.com", None)


def test_the_first_personal_address_of_several_wins() -> None:
    """Reply-To: noreply@…, author@… → the author."""
    assert addresses_of(mail("noreply@x.example, author@163.com"), OWN).answer == "author@163.com"
