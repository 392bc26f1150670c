"""Rejections to senders never seen before are capped (backscatter: spam forges its sender).

A sender is known when some submission names the address (contributor, sender or
Reply-To). Every rejection sent to an unknown address is recorded as an event;
together they may not exceed INTAKE_UNKNOWN_SENDER_REJECTIONS_PER_HOUR (0 = no cap),
and INTAKE_REJECT_UNKNOWN_SENDERS=false sends none. A capped rejection keeps its
outcome and reason; only the mail is not sent, and a warning says why.
Two workers deciding at the same instant may each send the last allowed one: the
cap is a brake against floods, not an exact quota.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from intake.config import Settings
from intake.models import Reason
from intake.states import Severity
from intake.store import Tx
from intake.store.events import count_events
from intake.store.limits import address_in_submissions
from intake.tables import Event

UNKNOWN_SENDER_REJECTION = "notice.rejection_to_unknown_sender"


@dataclass(frozen=True)
class Gate:
    unknown: bool  # the recipient was never seen before
    blocked: Reason | None  # why the rejection is not sent, or None


def known_sender(session: Tx, address: str, settings: Settings) -> bool:
    return address in settings.reviewers or address_in_submissions(session, address)


def rejection_gate(session: Tx, settings: Settings, recipient: str, now: datetime) -> Gate:
    """May a rejection go to `recipient`?"""
    if known_sender(session, recipient, settings):
        return Gate(False, None)
    if not settings.reject_unknown_senders:
        return Gate(True, Reason("rejection_not_sent_unknown_sender", Severity.WARNING,
                                 "INTAKE_REJECT_UNKNOWN_SENDERS is false", {"recipient": recipient}))
    per_hour = settings.unknown_sender_rejections_per_hour
    if per_hour > 0:
        sent = count_events(session, UNKNOWN_SENDER_REJECTION, since=now - timedelta(hours=1))
        if sent >= per_hour:
            return Gate(True, Reason("rejection_not_sent_rate_limited", Severity.WARNING,
                                     f"{sent} rejections to unknown senders in the last hour",
                                     {"recipient": recipient, "per_hour": per_hour}))
    return Gate(True, None)


def record_unknown_rejection(session: Tx, message_id: int, recipient: str, now: datetime) -> None:
    session.add(Event(message_id=message_id, kind=UNKNOWN_SENDER_REJECTION, detail={"recipient": recipient},
                      created_at=now))
