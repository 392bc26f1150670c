"""Process one stored message: load, route, evaluate, then record the decision and its notices.

The service decides nothing itself (intake.pipeline does); it loads what routing and the rules
need and saves what they decided. Notices are rendered and composed, and blobs written, before
the record transaction, which then locks only the message row (and a revised submission) for
the few statements that write them.

Idempotent by construction: a processed message returns its recorded result and only
re-dispatches notices still pending; the record transaction re-checks the message under its
lock, submissions are unique per first message and notices per idempotency key, so a
redelivered task changes nothing. A tracking id is reserved before rendering, in a transaction
of its own: a crash in between leaves a gap in the day's numbers, never a number used twice.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from intake import failpoints
from intake.addressing import Addresses, addresses_of
from intake.backscatter import Gate, record_unknown_rejection, rejection_gate
from intake.classify import no_auto_answer
from intake.clock import local_text
from intake.config import Settings
from intake.drafts import contract_json, from_stored, stored_body_text, to_stored
from intake.fields import COLUMNS
from intake.mail import parse_mail
from intake.metrics import observe_extraction
from intake.models import Attachment, Conflict, Draft, Extraction, NoticeKind, Outcome, ParsedMail, Photo
from intake.notify import CONTRIBUTOR_KINDS, Planned, Subject, plan
from intake.outbox import compose_notices, record_notices
from intake.pipeline import Evaluation, Thread, evaluate, read, route
from intake.probe import answer as answer_probe
from intake.probe import token_of as probe_token
from intake.review import ReviewerReply, already_processed, record_reply, reviewer_reply
from intake.routing import route_reviewers
from intake.rules.base import Candidate
from intake.similarity import band_keys, content_hash, simhash
from intake.states import MessageStatus, Role, SubmissionStatus
from intake.store import Store, Tx
from intake.store.desk import keep_revision
from intake.store.processing import duplicate_candidates, earlier_files, pending_notice_ids, replace_bands
from intake.tables import Event, Message, StoredFile, Submission, utcnow
from intake.threads import find_thread

log = logging.getLogger(__name__)

STATUS_OF = {Outcome.ACCEPTED: SubmissionStatus.PENDING_REVIEW, Outcome.INCOMPLETE: SubmissionStatus.INCOMPLETE,
             Outcome.HELD: SubmissionStatus.HELD}
_DUPLICATE_OF = (SubmissionStatus.PENDING_REVIEW, SubmissionStatus.HELD, SubmissionStatus.APPROVED)
_MERGING = (Role.FOLLOW_UP, Role.REVISION)


def rule_settings(settings: Settings) -> dict[str, Any]:
    """Rule options from the TOML [rules] table."""
    rules = settings.extra.get("rules") or {}
    return {"subject_pattern": rules.get("subject_pattern"), "subject_hint": rules.get("subject_hint", "单位+标题")}


def process_message(store: Store, settings: Settings, message_id: int) -> tuple[dict[str, Any], list[int]]:
    """Decide one stored message; return (the JSON-contract result, notice ids to send).

    Load what routing needs, route once, evaluate once (pure), save once. When another revision
    of the same submission is recorded meanwhile, the mail is routed again on the new state."""
    for attempt in range(3):
        try:
            return _process(store, settings, message_id)
        except Conflict as exc:
            log.info("message %s: %s; routing it again", message_id, exc)
            if attempt == 2:
                raise
    raise AssertionError("unreachable")


def _process(store: Store, settings: Settings, message_id: int) -> tuple[dict[str, Any], list[int]]:
    with store.session() as s:
        msg = s.get_one(Message, message_id)
        if msg.status == MessageStatus.PROCESSED:
            return already_processed(msg.result), pending_notice_ids(s, message_id)
        sha256, size_bytes, received_at = msg.sha256, msg.size_bytes, msg.received_at
    raw = store.blobs.get(sha256)
    size = max(len(raw), size_bytes)  # an over-limit mail is stored as its header only
    mail = parse_mail(raw)
    head = raw[:262144]  # headers for the reviewer-reply check; the whole raw mail need not stay alive
    del raw
    token = probe_token(mail, settings)
    reply: ReviewerReply | None = None
    thread: Thread | None = None
    if token is None:
        with store.session() as s:
            reply = reviewer_reply(s, settings, mail, head)
            if reply is None:
                thread = _thread(s, mail)
    role = route(probe=token is not None, reviewer_reply=reply is not None, thread=thread,
                 has_files=_has_files(mail))
    if token is not None:  # the end-to-end probe: acknowledged through the outbox, nothing else
        with store.session() as s:
            msg = s.get_one(Message, message_id, with_for_update=True)
            if msg.status == MessageStatus.PROCESSED:
                return already_processed(msg.result), pending_notice_ids(s, message_id)
            return answer_probe(s, store, settings, msg, token)
    if reply is not None:
        return record_reply(store, settings, message_id, mail, reply)
    started = time.perf_counter()
    own = read(mail, size, settings.submission_address, settings.max_message_bytes,
               settings.spam_level_threshold, settings.trusted_authserv_ids)
    wants_priors = role not in _MERGING or (role == Role.REVISION and thread is not None
                                             and thread.status == SubmissionStatus.PENDING_REVIEW)
    priors = _priors(store, settings, own) if wants_priors else ()
    ev = evaluate(mail, size, settings.submission_address, settings.required_fields, settings.max_message_bytes,
                  priors, role=role, thread=thread, **rule_settings(settings),
                  spam_level_threshold=settings.spam_level_threshold,
                  trusted_authserv_ids=settings.trusted_authserv_ids, extracted=own)
    if own is not None:
        observe_extraction(own.draft.manuscript_format if own.draft else "none", time.perf_counter() - started)
    return _persist(store, settings, message_id, mail, ev, thread, received_at)


def _thread(s: Tx, mail: ParsedMail) -> Thread | None:
    """The submission the mail follows up. An automatic sender (web form, OA system) never follows
    up: its mails are each their own."""
    if no_auto_answer(mail) is not None:
        return None
    found = find_thread(s, mail)
    if found is None:
        return None
    return Thread(found.id, found.status, from_stored(found.draft) if found.draft else None,
                  found.tracking_id, found.revision)


def _priors(store: Store, settings: Settings, own: Extraction | None) -> list[Candidate]:
    """The earlier submissions the mail's text may duplicate, as values for the duplicate rule."""
    if own is None or own.draft is None or not own.draft.body_text.strip():
        return []
    text = own.draft.body_text
    digest = content_hash(text)
    since = utcnow() - timedelta(days=settings.duplicate_window_days)
    with store.session() as s:
        rows = duplicate_candidates(s, digest, band_keys(text), since, _DUPLICATE_OF)
        return [Candidate(row.tracking_id, local_text(row.created_at, settings.tz), row.content_hash,
                          stored_body_text(row.draft) if row.draft and row.content_hash != digest else None)
                for row in rows]


def _has_files(mail: ParsedMail) -> bool:
    return any(not a.content_type.startswith("image/") for a in mail.attachments)


def _photo_bytes(store: Store) -> Callable[[Photo], bytes]:
    return lambda photo: photo.data or store.blobs.get(photo.sha256)


@dataclass(frozen=True)
class Target:
    """Where the decision lands, fixed before anything is rendered."""

    tracking_id: str | None  # None: nothing is stored as a submission
    revision: int
    merge_into: int | None  # the submission a follow-up or revision updates
    related: int | None  # the submission a message is recorded beside


def _target(store: Store, ev: Evaluation, thread: Thread | None) -> Target:
    """The tracking id and revision the notices will name: a thread's next revision, or a new id
    reserved in a transaction of its own (a crash before recording leaves a gap, never a repeat)."""
    if thread is not None and ev.role in _MERGING:
        return Target(thread.tracking_id, thread.revision + 1, thread.id, thread.id)
    related = thread.id if thread is not None and ev.role != Role.NEW else None
    if ev.draft is None or ev.outcome not in STATUS_OF:
        return Target(None, 1, None, related)
    with store.session() as s:
        return Target(store.next_tracking_id(s), 1, None, related)


def _store_blobs(store: Store, mail: ParsedMail, draft: Draft | None) -> dict[int, str]:
    """Attachments and body photos into the blob store before the record transaction (content
    addressed: a repeat writes nothing). Returns attachment index → sha256."""
    if draft is None:
        return {}
    for photo in draft.photos:
        if photo.data:
            store.blobs.put(photo.data)
    return {i: store.blobs.put(att.payload) for i, att in enumerate(mail.attachments)}


def _save_submission(
    s: Tx, msg: Message, mail: ParsedMail, ev: Evaluation, target: Target, who: Addresses, blobs: dict[int, str],
) -> Submission | None:
    if ev.draft is None or target.tracking_id is None:
        return None
    draft: Draft = ev.draft
    if target.merge_into is not None:
        sub = s.get_one(Submission, target.merge_into, with_for_update=True)
        if sub.revision != target.revision - 1:
            raise Conflict(f"{sub.tracking_id} is at revision {sub.revision}, not {target.revision - 1}")
        sub.revision = target.revision
    else:
        sub = Submission(tracking_id=target.tracking_id, first_message_id=msg.id, revision=1,
                         contributor_addr=who.answer, contributor_name=who.answer_name[:200],
                         sender_addr=mail.from_addr, reply_to_addr=who.reply_to, auto_answer=ev.answerable,
                         subject=mail.subject)
        s.add(sub)
    if ev.outcome in STATUS_OF:
        sub.status = STATUS_OF[ev.outcome]
    sub.outcome, sub.reason = ev.outcome.value, ev.reason.code if ev.reason else None
    for column in COLUMNS:  # title, source_unit, phone, reviewer
        setattr(sub, column, draft.field(column))
    sub.authors, sub.word_count, sub.manuscript = list(draft.authors), draft.word_count, draft.manuscript
    sub.content_hash, sub.simhash = content_hash(draft.body_text), simhash(draft.body_text)
    sub.missing, sub.warnings = ev.missing, [w.code for w in ev.warnings]
    sub.draft, sub.updated_at = to_stored(draft), utcnow()
    s.flush()
    keep_revision(s, sub.id, sub.revision, msg.id, sub.draft)
    replace_bands(s, sub.id, band_keys(draft.body_text))
    _save_files(s, sub, mail, draft, blobs)
    s.add(Event(submission_id=sub.id, message_id=msg.id, kind=f"submission.{sub.status}",
                detail={"revision": sub.revision, "missing": sub.missing}))
    return sub


def _earlier_files(store: Store, target: Target) -> tuple[Attachment, ...]:
    """The submission's files from earlier revisions (newest first, one per name), as sent."""
    if target.merge_into is None or target.revision <= 1:
        return ()
    with store.session() as s:  # photos reach reviewers with the draft already
        rows = [(r.filename, r.content_type, r.sha256) for r in earlier_files(s, target.merge_into, target.revision)]
    seen: set[str] = set()
    out: list[Attachment] = []
    for filename, content_type, sha256 in rows:
        if filename in seen:
            continue
        seen.add(filename)
        try:
            payload = store.blobs.get(sha256)
        except (OSError, KeyError):  # purged from the blob store: listed nowhere rather than failing the mail
            continue
        out.append(Attachment(filename=filename, content_type=content_type, payload=payload))
    return tuple(out)


def _save_files(s: Tx, sub: Submission, mail: ParsedMail, draft: Draft, blobs: dict[int, str]) -> None:
    for i, att in enumerate(mail.attachments):
        s.add(StoredFile(submission_id=sub.id, revision=sub.revision, kind=att.kind(draft.manuscript),
                         filename=att.filename[:500],
                         content_type=att.content_type[:200], sha256=blobs[i], size_bytes=len(att.payload)))
    for photo in draft.photos:
        if photo.source != "attachment":
            s.add(StoredFile(submission_id=sub.id, revision=sub.revision, kind="photo", filename=photo.filename,
                             content_type=photo.content_type, sha256=photo.sha256, size_bytes=photo.size_bytes,
                             width=photo.width, height=photo.height, caption=photo.caption))


def _sequence(tracking_id: str | None, message_id: int) -> int:
    """The round-robin turn: the tracking id's number (a revision keeps its reviewer)."""
    if tracking_id is None:
        return message_id
    return int(tracking_id.rsplit("-", 1)[1])


def _persist(
    store: Store, settings: Settings, message_id: int, mail: ParsedMail, ev: Evaluation, thread: Thread | None,
    received_at: datetime,
) -> tuple[dict[str, Any], list[int]]:
    """Render and compose every notice first, outside any transaction; then record the decision,
    the submission and the notices in one short transaction that locks only the rows it writes."""
    who = addresses_of(mail, settings.submission_address)
    target = _target(store, ev, thread)
    blobs = _store_blobs(store, mail, ev.draft if target.tracking_id else None)
    with store.session() as s:  # a look first; the record transaction asks again and has the last word
        ev, gate = _gate_rejection(s, settings, ev, who.answer)
    subject = Subject(
        mail=mail, outcome=ev.outcome, reason=ev.reason, reasons=ev.reasons, draft=ev.draft,
        tracking_id=target.tracking_id,
        scope=f"sub:{target.tracking_id}" if target.tracking_id else f"msg:{message_id}",
        revision=target.revision, received_at=local_text(received_at, settings.tz),
        reviewers=route_reviewers(settings, ev.draft, _sequence(target.tracking_id, message_id)),
        answer_to=who.answer, answer_name=who.answer_name, answer=ev.answerable and gate.blocked is None,
        earlier_files=_earlier_files(store, target),
    )
    planned = plan(subject, settings, _photo_bytes(store)) if ev.outcome != Outcome.IGNORED else []
    composed = compose_notices(store, settings, planned)
    failpoints.hit("before_record")  # rendered, nothing recorded: a crash here leaves only a tracking-id gap
    with store.session() as s:
        msg = s.get_one(Message, message_id, with_for_update=True)
        if msg.status == MessageStatus.PROCESSED:  # a concurrent delivery of the same task finished first
            return already_processed(msg.result), pending_notice_ids(s, message_id)
        sub = _save_submission(s, msg, mail, ev, target, who, blobs)
        if gate.blocked is None and gate.unknown:  # the cap may have been reached since the look
            ev, gate = _gate_rejection(s, settings, ev, who.answer)
            if gate.blocked is not None:
                composed = [c for c in composed if c.planned.kind != NoticeKind.REJECTION]
                planned = [c.planned for c in composed]
        if gate.blocked is not None:
            s.add(Event(message_id=message_id, kind="notice.rejection_not_sent",
                        detail={"recipient": who.answer, "why": gate.blocked.code}))
        created = record_notices(s, settings, composed, message_id, sub.id if sub else None)
        if gate.unknown and gate.blocked is None and subject.answer and planned \
                and who.answer not in created.rate_limited:
            record_unknown_rejection(s, message_id, who.answer, utcnow())
        result = _result(mail, ev, target.tracking_id if sub else None, planned, created.rate_limited)
        msg.status, msg.outcome, msg.reason = "processed", ev.outcome.value, ev.reason.code if ev.reason else None
        msg.submission_id, msg.result, msg.processed_at = (sub.id if sub else target.related), result, utcnow()
        msg.attempts += 1
        detail: dict[str, Any] = {"outcome": ev.outcome.value, "reason": msg.reason}
        if mail.defects:  # for ops: what parsing had to repair or leave (mailparser_failed, tnef_unreadable, …)
            detail["defects"] = sorted(set(mail.defects))
        s.add(Event(message_id=message_id, submission_id=msg.submission_id, kind="message.processed",
                    detail=detail))
        return result, [nid for nid in created.notice_ids if nid]


def _gate_rejection(s: Tx, settings: Settings, ev: Evaluation, recipient: str) -> tuple[Evaluation, Gate]:
    """Cap rejections to senders never seen before; a capped one keeps its outcome and gains a warning."""
    if not ev.answerable or CONTRIBUTOR_KINDS.get(ev.outcome) != NoticeKind.REJECTION or not recipient:
        return ev, Gate(False, None)
    gate = rejection_gate(s, settings, recipient, utcnow())
    if gate.blocked is not None:
        ev = replace(ev, reasons=(*ev.reasons, gate.blocked))
    return ev, gate


def _result(
    mail: ParsedMail, ev: Evaluation, tracking_id: str | None, planned: list[Planned], limited: list[str]
) -> dict[str, Any]:
    notifications = [
        {"kind": item.kind.value, "to": list(item.envelope.recipients)}
        for item in planned if item.rate_limited_recipient not in limited
    ]
    return {
        "message_id": mail.message_id,
        "tracking_id": tracking_id,
        "outcome": ev.outcome.value,
        "reason": ev.reason.code if ev.reason else None,
        "draft": contract_json(ev.draft) if ev.draft is not None and ev.outcome != Outcome.IGNORED else None,
        "missing": ev.missing,
        "warnings": [w.code for w in ev.warnings],
        "notifications": notifications,
    }


def record_failure(store: Store, message_id: int, error: str, final: bool) -> None:
    """An unexpected error: count the attempt; on the final one, quarantine (status failed, replayable)."""
    with store.session() as s:
        msg = s.get_one(Message, message_id)
        if msg.status == MessageStatus.PROCESSED:
            return
        msg.attempts += 1
        msg.error = error[:4000]
        if final:
            msg.status = MessageStatus.FAILED
        s.add(Event(message_id=message_id, kind="message.failed" if final else "message.error",
                    detail={"error": error[:1000]}))
