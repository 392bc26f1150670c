"""Health for ops: per mailbox last poll and lag, counts by state, queue depth, recent failures.

`collect()` reads everything once into a plain dict (the `intake status --json` document and
the source of the alarms and of `/metrics`); `print_status()` renders it for a terminal.

Exit codes of `intake status` (documented in `--help`):
  0  every mailbox is being polled and nothing failed in the last 24 hours;
  1  attention: a mailbox is stale, was never polled or reports an error, or a notice or a
     message failed permanently in the last 24 hours (older failures are listed, not counted);
  3  the configuration is invalid or the database cannot be reached.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import Any

from intake.checks import redact
from intake.clock import aware, local_text
from intake.config import Settings
from intake.i18n import t
from intake.states import MessageStatus
from intake.store import Store, reports
from intake.store.events import count_events
from intake.store.mailboxes import mailbox_state, waiting_in
from intake.tables import utcnow

log = logging.getLogger(__name__)
STALE_INTERVALS = 3
RECENT = timedelta(hours=24)
EXIT_OK, EXIT_ATTENTION = 0, 1


def _age(when: datetime | None) -> float | None:
    if when is None:
        return None
    return (utcnow() - aware(when)).total_seconds()


def stale_after(settings: Settings) -> float:
    """How long a mailbox may go without a successful poll or heartbeat: N of the poller's longest waits."""
    cycle = min(settings.idle_timeout, settings.heartbeat_interval)
    return STALE_INTERVALS * max(settings.poll_interval, cycle, 60.0)


def mailbox_health(store: Store, settings: Settings) -> list[dict[str, Any]]:
    """One entry per configured mailbox: last successful poll, its age, the poller's last error, lag."""
    limit = stale_after(settings)
    boxes = []
    with store.session() as s:
        for box in settings.mailboxes:
            state = mailbox_state(s, box.name)
            last = state.last_poll_at if state else None
            age = _age(last)
            waiting, oldest = waiting_in(s, box.name)
            boxes.append({
                "name": box.name, "url": redact(box.url),
                "last_poll_at": aware(last).isoformat() if last else None,
                "age_seconds": round(age, 1) if age is not None else None,
                "never_polled": last is None, "stale": age is None or age > limit,
                "last_error": state.last_error if state else None,
                "uidvalidity": state.uidvalidity if state else None, "last_uid": state.last_uid if state else None,
                "waiting": waiting, "lag_seconds": round(_age(oldest) or 0.0, 1) if oldest else 0.0,
            })
    return boxes


def warn_stale(store: Store, settings: Settings) -> list[str]:
    """Names of the mailboxes not polled lately or never (logged as a warning each)."""
    stale = []
    for box in mailbox_health(store, settings):
        if box["never_polled"]:
            log.warning("mailbox %s has never been polled%s", box["name"],
                        f" (last error: {box['last_error']})" if box["last_error"] else "")
        elif box["stale"]:
            log.warning("mailbox %s has not been polled for %.0f s", box["name"], box["age_seconds"])
        if box["stale"]:
            stale.append(box["name"])
    return stale


def _counts(rows: Any) -> dict[str, int]:
    return {str(k): int(v) for k, v in rows if k is not None}


def failures(store: Store, since: datetime | None = None, limit: int = 20) -> dict[str, list[dict[str, Any]]]:
    """Permanently failed notices and quarantined messages, newest first, with when they failed."""
    with store.session() as s:
        notices = [{"id": n.id, "kind": n.kind, "to": list(n.recipients), "error": n.last_error or "",
                    "attempts": n.attempts, "failed_at": aware(at).isoformat() if at else None,
                    "submission_id": n.submission_id, "message_id": n.message_id}
                   for n, at in reports.failed_notices(s, since, limit)]
        messages = [{"id": m.id, "sender": m.sender, "subject": m.subject[:200], "error": m.error or "",
                     "attempts": m.attempts, "failed_at": aware(at).isoformat() if at else None}
                    for m, at in reports.quarantined_messages(s, since, limit)]
    return {"notices": notices, "messages": messages}


def collect(store: Store, settings: Settings, queue_depth: int | None = None) -> dict[str, Any]:
    """Everything `intake status` shows, as one JSON-ready document."""
    from intake import __version__

    boxes = mailbox_health(store, settings)
    with store.session() as s:
        messages = _counts(reports.messages_by_status(s))
        outcomes = _counts(reports.messages_by_outcome(s))
        notices = _counts(reports.notices_by_status(s))
        submissions = _counts(reports.submissions_by_status(s))
        ignored = _counts(reports.ignored_by_reason(s))
        not_sent = count_events(s, "notice.rejection_not_sent")
        silent = reports.silent_submissions(s)
        retrying = reports.retrying_notices(s)
    recent = failures(store, since=utcnow() - RECENT)
    older = failures(store)
    problems = []
    for box in boxes:
        if box["never_polled"]:
            problems.append(f"mailbox_never_polled:{box['name']}")
        elif box["stale"]:
            problems.append(f"mailbox_stale:{box['name']}")
        if box["last_error"]:
            problems.append(f"mailbox_error:{box['name']}")
    if queue_depth is None and (settings.broker_url or "").startswith(("redis://", "rediss://")):
        problems.append("broker_unreachable")
    if recent["notices"]:
        problems.append("notices_failed_24h")
    if recent["messages"]:
        problems.append("messages_quarantined_24h")
    from intake.operations import alarm_states
    from intake.probe import last_probe

    alarms = sorted(key for key, raised in alarm_states(store).items() if raised)
    probe = last_probe(store, settings.probe_timeout) if settings.probe_interval > 0 else None
    if probe is not None and not probe["ok"]:
        problems.append("probe_failing")
    return {
        "alarms": alarms, "probe": probe,
        "version": __version__, "time": utcnow().isoformat(), "timezone": settings.timezone,
        "mailboxes": boxes, "messages": messages, "outcomes": outcomes, "notices": notices,
        "notices_retrying": int(retrying), "submissions": submissions, "queue_depth": queue_depth,
        "quarantined": messages.get(MessageStatus.FAILED, 0),
        "unanswered": {"ignored": ignored, "rejections_not_sent": int(not_sent), "silent_submissions": int(silent)},
        "failures_24h": recent, "failures": older,
        "problems": problems, "healthy": not problems,
    }


def exit_code(report: dict[str, Any]) -> int:
    return EXIT_OK if report["healthy"] else EXIT_ATTENTION


def _fmt(counts: dict[str, int]) -> str:
    return ", ".join(f"{k} {v}" for k, v in sorted(counts.items())) or "0"


def render(report: dict[str, Any], settings: Settings) -> str:
    tz = settings.tz
    lines = []
    for box in report["mailboxes"]:
        last = local_text(datetime.fromisoformat(box["last_poll_at"]), tz, "%Y-%m-%d %H:%M:%S") \
            if box["last_poll_at"] else t("never")
        error = f" ({box['last_error']})" if box["last_error"] else ""
        lines.append(t("status_mailbox", name=box["name"], last=last, uv=box["uidvalidity"] or "-",
                       uid=box["last_uid"] if box["last_uid"] is not None else "-", error=error))
        if box["never_polled"]:
            lines.append(t("status_never_polled", name=box["name"]))
        elif box["stale"]:
            lines.append(t("status_stale", name=box["name"], seconds=box["age_seconds"]))
        if box["waiting"]:
            lines.append(t("status_waiting", name=box["name"], count=box["waiting"], seconds=box["lag_seconds"]))
    lines.append(t("status_counts", messages=_fmt(report["messages"]), notices=_fmt(report["notices"])))
    lines.append(t("status_outcomes", outcomes=_fmt(report["outcomes"]), submissions=_fmt(report["submissions"])))
    depth = report["queue_depth"]
    lines.append(t("status_queue", depth="-" if depth is None else depth, retrying=report["notices_retrying"]))
    unanswered = report["unanswered"]
    lines.append(t("status_unanswered", ignored=_fmt(unanswered["ignored"]),
                   not_sent=unanswered["rejections_not_sent"], silent=unanswered["silent_submissions"]))
    recent_ids = {("n", n["id"]) for n in report["failures_24h"]["notices"]} | {
        ("m", m["id"]) for m in report["failures_24h"]["messages"]}
    for notice in report["failures"]["notices"]:
        key = "status_failed_notice" if ("n", notice["id"]) in recent_ids else "status_failed_notice_old"
        lines.append(t(key, id=notice["id"], kind=notice["kind"], to=", ".join(notice["to"]), error=notice["error"]))
    for msg in report["failures"]["messages"]:
        key = "status_failed_message" if ("m", msg["id"]) in recent_ids else "status_failed_message_old"
        lines.append(t(key, id=msg["id"], sender=msg["sender"], error=msg["error"]))
    probe = report.get("probe")
    if probe is not None:
        lines.append(t("status_probe", state=probe["state"], sent=local_text(
            datetime.fromisoformat(probe["sent_at"]), tz, "%Y-%m-%d %H:%M:%S"),
            seconds="-" if probe["roundtrip_seconds"] is None else f"{probe['roundtrip_seconds']:.1f}"))
    if report.get("alarms"):
        lines.append(t("status_alarms", alarms=", ".join(report["alarms"])))
    lines.append(t("status_ok") if report["healthy"] else t("status_attention", problems=", ".join(report["problems"])))
    return "\n".join(lines)


def print_status(store: Store, settings: Settings, queue_depth: int | None = None) -> int:
    report = collect(store, settings, queue_depth)
    print(render(report, settings))
    return exit_code(report)

