"""Which notices an outcome produces, to whom, and with what template context and files.

Pure: takes values, returns planned notices. `intake.outbox` renders and
stores them. Idempotency keys are `(scope, kind, recipient, revision)`, the
unique key of DESIGN.md §3.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from intake.config import Settings
from intake.drafts import FIELDS, template_context
from intake.models import Attachment, Draft, NoticeKind, Outcome, ParsedMail, Photo, Reason
from intake.notices import Envelope, FilePart, render_draft_page
from intake.secret import reply_address, reply_token, require_secret
from intake.states import Severity

CONTRIBUTOR_KINDS = {
    Outcome.ACCEPTED: NoticeKind.ACKNOWLEDGEMENT,
    Outcome.HELD: NoticeKind.ACKNOWLEDGEMENT,
    Outcome.INCOMPLETE: NoticeKind.INCOMPLETE,
    Outcome.REJECTED: NoticeKind.REJECTION,
    Outcome.DUPLICATE: NoticeKind.REJECTION,
}
REVIEW_OUTCOMES = (Outcome.ACCEPTED, Outcome.HELD)
_PRIVATE_WARNINGS = ("secrecy_marker", "not_answered_automatic_sender", "rejection_not_sent_rate_limited",
                     "rejection_not_sent_unknown_sender")
REVIEWER_KINDS = (NoticeKind.REVIEW_REQUEST, NoticeKind.DECISION_UNVERIFIED)


@dataclass(frozen=True)
class Planned:
    kind: NoticeKind
    envelope: Envelope
    context: dict[str, Any]
    files: tuple[FilePart, ...] = ()

    @property
    def rate_limited_recipient(self) -> str | None:
        """Contributor notices count against the per-sender limit; reviewer notices never do."""
        return None if self.kind in REVIEWER_KINDS else self.envelope.recipients[0]


@dataclass(frozen=True)
class Subject:
    """What the notices are about."""

    mail: ParsedMail
    outcome: Outcome
    reason: Reason | None
    reasons: tuple[Reason, ...]
    draft: Draft | None
    tracking_id: str | None
    scope: str  # "sub:<tracking id>" or "msg:<message row id>"
    revision: int
    received_at: str
    reviewers: tuple[str, ...]
    answer_to: str | None = None  # whom contributor notices go to (None: From)
    answer_name: str | None = None
    answer: bool = True  # False: nobody is answered automatically (web form, capped rejection …)
    # Files an earlier mail of the same submission brought (a reply that completes the metadata
    # carries no manuscript; the reviewers still need it).
    earlier_files: tuple[Attachment, ...] = ()

    @property
    def contributor(self) -> str:
        return self.answer_to or self.mail.from_addr


def _other_rejections(subject: Subject) -> list[Reason]:
    if subject.reason is None or subject.reason.severity != Severity.REJECT:
        return []
    seen = {(subject.reason.code, repr(sorted(subject.reason.data.items())))}
    out = []
    for r in subject.reasons:
        key = (r.code, repr(sorted(r.data.items())))
        if r.severity == Severity.REJECT and key not in seen:
            seen.add(key)
            out.append(r)
    return out


def _reason_dict(reason: Reason) -> dict[str, Any]:
    return {"code": reason.code, "detail": reason.detail, "data": dict(reason.data)}


def _files_received(mail: ParsedMail, draft: Draft | None) -> list[dict[str, Any]]:
    manuscript = draft.manuscript if draft else None
    out = []
    for att in mail.attachments:
        out.append({"filename": att.filename, "size_bytes": len(att.payload), "kind": att.kind(manuscript)})
    return out


def base_context(subject: Subject, settings: Settings) -> dict[str, Any]:
    draft = subject.draft
    return {
        "tracking_id": subject.tracking_id,
        "contributor_name": subject.answer_name if subject.answer_name is not None else subject.mail.from_name,
        "contributor_addr": subject.contributor,
        "sender_addr": subject.mail.from_addr,  # From, when it differs from contributor_addr (Reply-To)
        "answered_automatically": subject.answer,
        "original_subject": subject.mail.subject,
        "received_at": subject.received_at,
        "site_name": settings.site_name,
        "submission_address": settings.submission_address,
        "draft": template_context(draft, subject.received_at[:10]) if draft else None,
        "files": _files_received(subject.mail, draft),
        "missing": [r.code for r in subject.reasons if r.severity == Severity.MISSING],
        "required_fields": list(settings.required_fields),
        "reason": _reason_dict(subject.reason) if subject.reason else None,
        # every other reason that rejects on its own: one reply tells the contributor all of them
        "other_reasons": [_reason_dict(r) for r in _other_rejections(subject)],
        "warnings": [_reason_dict(r) for r in subject.reasons if r.severity in (Severity.WARNING, Severity.HOLD)],
    }


def _sender_name(settings: Settings) -> str:
    return f"{settings.site_name}投稿邮箱" if settings.language == "zh-CN" else settings.site_name


def _envelope(subject: Subject, settings: Settings, kind: NoticeKind, to: str, version: str | None = None) -> Envelope:
    """Addressing and threading; `version` is the last part of the idempotency key (default: the revision)."""
    extra: dict[str, str] = {}
    if kind == NoticeKind.REVIEW_REQUEST and subject.tracking_id and settings.review_reply_token_address:
        # The reviewer's reply goes to a plus address only we can make (DESIGN.md §9).
        token = reply_token(require_secret(settings), subject.tracking_id, to)
        extra["Reply-To"] = reply_address(settings.submission_address, token)
    return Envelope(
        sender=settings.submission_address,
        sender_name=_sender_name(settings),
        recipients=(to,),
        idempotency_key=f"{subject.scope}:{kind.value}:{to}:{version or subject.revision}",
        tracking_id=subject.tracking_id,
        in_reply_to=subject.mail.message_id or None,
        references=subject.mail.references,
        auto_submitted="auto-replied" if kind != NoticeKind.REVIEW_REQUEST else "auto-generated",
        extra_headers=extra,
        secret=require_secret(settings),
    )


def unverified_envelope(settings: Settings, tracking_id: str, reviewer: str, hour: str,
                        review_request: str | None) -> Envelope:
    """The warning to a reviewer; with the clock hour in its key, at most one exists per reviewer, submission and hour.

    It answers the review request sent to that reviewer, never the unverified mail (whose
    return path may be the forger's).
    """
    return Envelope(
        sender=settings.submission_address, sender_name=_sender_name(settings), recipients=(reviewer,),
        idempotency_key=f"sub:{tracking_id}:{NoticeKind.DECISION_UNVERIFIED.value}:{reviewer}:{hour}",
        tracking_id=tracking_id, in_reply_to=review_request, auto_submitted="auto-generated",
        secret=require_secret(settings),
    )


def decision_envelope(subject: Subject, settings: Settings, to: str, decision_key: str) -> Envelope:
    """The decision notice answers the contributor's first mail; one per decision (`decision_key`:
    msg<reply row id> for a reply, web<event>/cli<event> for the desk and the CLI)."""
    return _envelope(subject, settings, NoticeKind.DECISION, to, decision_key)


def _review_files(
    subject: Subject, settings: Settings, context: dict[str, Any], photo_bytes: Callable[[Photo], bytes]
) -> tuple[tuple[FilePart, ...], list[dict[str, Any]]]:
    draft = subject.draft
    assert draft is not None
    if settings.review_files == "link":  # the desk serves photos and files: nothing attached
        return (), [{"filename": a.filename, "size_bytes": len(a.payload), "attached": False, "on_desk": True}
                    for a in _originals(subject.mail, subject.earlier_files)]
    held = subject.outcome == Outcome.HELD
    files: list[FilePart] = []
    inline: set[str] = set()  # sha256 of each photo the draft shows
    for photo, ctx in zip(draft.photos, context["draft"]["photos"], strict=True):
        data = photo_bytes(photo)
        inline.add(hashlib.sha256(data).hexdigest())
        files.append(FilePart(photo.filename, photo.content_type, data, content_id=ctx["cid"]))
    page = render_draft_page({**context, "inline_images": False})
    files.append(FilePart("draft.html", "text/html", page.encode("utf-8")))
    budget = 0 if held else settings.max_review_attachment_bytes
    listed: list[dict[str, Any]] = []
    for att in _originals(subject.mail, subject.earlier_files):
        if hashlib.sha256(att.payload).hexdigest() in inline:
            # The same bytes are in the mail already, inline in the draft: not attached a second
            # time (an original that differs, a HEIC the draft shows as JPEG, still is).
            listed.append({"filename": att.filename, "size_bytes": len(att.payload), "attached": True})
            continue
        fits = len(att.payload) <= budget
        budget -= len(att.payload) if fits else 0
        listed.append({"filename": att.filename, "size_bytes": len(att.payload), "attached": fits})
        if fits:
            files.append(FilePart(att.filename, att.content_type, att.payload))
    return tuple(files), listed


def _originals(mail: ParsedMail, earlier: tuple[Attachment, ...] = ()) -> list[Attachment]:
    """This mail's files, then those of earlier mails of the submission it does not replace."""
    current = [a for a in mail.attachments if a.payload]
    names = {a.filename for a in current}
    return current + [a for a in earlier if a.payload and a.filename not in names]


def plan(subject: Subject, settings: Settings, photo_bytes: Callable[[Photo], bytes]) -> list[Planned]:
    """The notices for one decided message, contributor first, then reviewers."""
    planned: list[Planned] = []
    context = base_context(subject, settings)
    kind = CONTRIBUTOR_KINDS.get(subject.outcome)
    if kind is not None and subject.answer and subject.contributor:
        public = {**context, "warnings": [w for w in context["warnings"] if w["code"] not in _PRIVATE_WARNINGS]}
        planned.append(Planned(kind, _envelope(subject, settings, kind, subject.contributor), public))
    if subject.outcome in REVIEW_OUTCOMES and subject.draft is not None:
        draft = subject.draft
        metadata = [{"field": name, "value": draft.field(name), "found_in": draft.found_in(name)}
                    for name in FIELDS]
        files, listed = _review_files(subject, settings, context, photo_bytes)
        if settings.review_files == "link":  # photos shown as their name and caption; the desk has them
            context = {**context, "draft": {**context["draft"], "photos": [
                {**p, "cid": None} for p in context["draft"]["photos"]]}}
        notes = [w for w in context["warnings"] if w["code"] != "not_answered_automatic_sender"]  # said on top
        review_ctx = {**context, "warnings": notes, "metadata": metadata, "attachments": listed,
                      "held": subject.outcome == Outcome.HELD, "files_on_desk": settings.review_files == "link",
                      "desk_url": f"{settings.web_url}/s/{subject.tracking_id}" if settings.web_url else None}
        for reviewer in subject.reviewers:
            env = _envelope(subject, settings, NoticeKind.REVIEW_REQUEST, reviewer)
            planned.append(Planned(NoticeKind.REVIEW_REQUEST, env, review_ctx, files))
    return planned

