"""Whom we answer: Reply-To when it names a person other than From, else From (DESIGN.md §6).

A unit's shared mailbox often sends on behalf of the author with `Reply-To: <author>`;
the acknowledgement belongs to the author. Reply-To is not taken when it is the sender
itself, our own address, or an address nobody reads (noreply@, mailer-daemon@ …).
"""

from __future__ import annotations

from dataclasses import dataclass

from intake.classify import automatic_address
from intake.models import ParsedMail


@dataclass(frozen=True)
class Addresses:
    """The addresses of one contributor's mail: who sent it and whom we answer."""

    sender: str  # From
    answer: str  # Reply-To when personal and different from From, else From
    answer_name: str
    reply_to: str | None  # the personal Reply-To taken, if any


def personal_address(address: str, own_address: str) -> bool:
    local, _, domain = address.partition("@")
    return bool(local and domain and "@" not in domain) and address != own_address.lower() and (
        not automatic_address(address))


def addresses_of(mail: ParsedMail, own_address: str) -> Addresses:
    for name, address in mail.reply_to:
        if address == mail.from_addr:
            break  # Reply-To names the sender itself: nothing to redirect
        if personal_address(address, own_address):
            return Addresses(mail.from_addr, address, name, address)  # From's name is the mailbox's, not the author's
    return Addresses(mail.from_addr, mail.from_addr, mail.from_name, None)
