"""The states rows move through and the severities of reasons, as StrEnums.

StrEnum members are the strings stored in the database and written into the JSON contract, so a
member compares equal to its value; code names the member, never the bare string.
"""

from __future__ import annotations

import enum


class MessageStatus(enum.StrEnum):
    RECEIVED = "received"  # stored, not yet evaluated (or handed back for another attempt)
    PROCESSED = "processed"  # evaluated; its notices are recorded
    FAILED = "failed"  # quarantined after the last attempt (`intake retry` hands it back)


class NoticeStatus(enum.StrEnum):
    PENDING = "pending"
    SENT = "sent"
    FAILED = "failed"


class SubmissionStatus(enum.StrEnum):
    INCOMPLETE = "incomplete"  # waiting for the contributor's missing metadata
    PENDING_REVIEW = "pending_review"
    HELD = "held"  # secrecy markers: a human decides
    APPROVED = "approved"
    RETURNED = "returned"  # sent back for revision
    REJECTED = "rejected"  # not to be published (the desk's 不予采用; a reply cannot revise it)


class Severity(enum.StrEnum):
    """What a reason does to the outcome (rules decide; see intake.pipeline's precedence)."""

    IGNORE = "ignore"  # never answer (auto-replies, bounces, loops, spam)
    REJECT = "reject"  # cannot proceed; the contributor is told why
    DUPLICATE = "duplicate"
    HOLD = "hold"  # a human must look first
    MISSING = "missing"  # a required field is absent; the contributor can complete it
    WARNING = "warning"  # reported to reviewers (and, where public, to the contributor)


class Role(enum.StrEnum):
    """What a mail is to us, decided once before anything is evaluated (intake.pipeline.route)."""

    PROBE = "probe"  # our own end-to-end probe: acknowledged, nothing else
    REVIEWER_REPLY = "reviewer_reply"  # a reviewer's (claimed) answer to a review request
    NEW = "new"  # a submission of its own
    FOLLOW_UP = "follow_up"  # a reply completing an incomplete submission: merged into it
    REVISION = "revision"  # files sent in reply to a submission under review or returned: its next revision
    NOT_FOR_US = "not_for_us"  # a reply to a submission that needs nothing from it: recorded, not answered
