"""What the poller does for ops besides polling: alarms to INTAKE_OPS_ADDRESS and the probe.

`Operations.tick()` runs on the poller's sweep loop. Alarms are evaluated every ALARM_SECONDS:
- `mailbox:<name>`: not polled for three intervals (or never, once the poller has run that long);
- `notices_failing`: INTAKE_ALARM_FAILED_NOTICES or more notices failed for good in the last hour;
- `quarantine`: messages quarantined after their last attempt (until replayed);
- `probe`: the end-to-end probe was not answered within INTAKE_PROBE_TIMEOUT.
Each alarm mails ops once when it starts and once when it clears; the state is kept as events
in the database (`alarm.raised` / `alarm.cleared`), so a restarted poller neither repeats nor
forgets one. A mail that cannot be sent is tried again on the next evaluation.
"""

from __future__ import annotations

import logging
import time
from datetime import datetime, timedelta
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import formatdate, make_msgid
from typing import Any

from intake import probe, report
from intake.clock import local_text
from intake.states import MessageStatus
from intake.status import mailbox_health, stale_after
from intake.store.events import count_events, event_details
from intake.store.messages import count_messages
from intake.tables import Event, utcnow

log = logging.getLogger(__name__)
ALARM_SECONDS = 30.0


def conditions(runtime: Any, running_for: float) -> dict[str, tuple[bool, str]]:
    """Every alarm key with (active, what ops should read)."""
    settings, store = runtime.settings, runtime.store
    found: dict[str, tuple[bool, str]] = {}
    grace = stale_after(settings)
    for box in mailbox_health(store, settings):
        if box["never_polled"]:
            active = running_for > grace
            detail = f"mailbox {box['name']} has never been polled" + (
                f": {box['last_error']}" if box["last_error"] else "")
        else:
            active = bool(box["stale"])
            detail = f"mailbox {box['name']} not polled for {box['age_seconds']:.0f} s" + (
                f": {box['last_error']}" if box["last_error"] else "")
        found[f"mailbox:{box['name']}"] = (active, detail)
    since = utcnow() - timedelta(hours=1)
    with store.session() as s:
        failed = count_events(s, "notice.failed", since=since)
        quarantined = count_messages(s, MessageStatus.FAILED)
    found["notices_failing"] = (failed >= settings.alarm_failed_notices,
                                f"{failed} notices failed for good in the last hour (intake status; "
                                "intake notices retry --failed)")
    found["quarantine"] = (quarantined > 0, f"{quarantined} messages quarantined (intake status; intake replay)")
    if settings.probe_interval > 0:
        last = probe.last_probe(store, settings.probe_timeout)
        if last is not None:
            found["probe"] = (not last["ok"], f"end-to-end probe {last['token']} sent {last['sent_at']}: "
                                               f"{last['state']}")
    return found


def alarm_states(store: Any) -> dict[str, bool]:
    """The recorded state of every alarm key (True: raised and not cleared)."""
    with store.session() as s:
        states: dict[str, bool] = {}
        for kind, detail in event_details(s, ("alarm.raised", "alarm.cleared")):
            states[str((detail or {}).get("key"))] = kind == "alarm.raised"
    return states


def alarm_mail(settings: Any, key: str, raised: bool, detail: str) -> bytes:
    mail = EmailMessage()
    mail["From"] = f"{settings.site_name} <{settings.submission_address}>"
    mail["To"] = settings.ops_address
    state_zh, state_en = ("告警", "ALARM") if raised else ("恢复", "RECOVERED")
    mail["Subject"] = f"【投稿系统{state_zh}】{key} / [intake {state_en}] {key}"
    mail["Date"] = formatdate(localtime=False)
    mail["Message-ID"] = make_msgid("alarm", settings.submission_address.split("@")[-1])
    mail["Auto-Submitted"] = "auto-generated"
    mail["X-Loop"] = settings.submission_address
    when = local_text(utcnow(), settings.tz, "%Y-%m-%d %H:%M:%S")
    zh = (f"投稿系统于 {when}（{settings.timezone}）{'发现问题' if raised else '已恢复正常'}：\n\n"
          f"    {detail}\n\n请运行 intake status 查看详情。问题解除时会再发一封恢复通知。\n")
    en = (f"The submission system {'found a problem' if raised else 'is back to normal'} at {when}:\n\n"
          f"    {detail}\n\nRun intake status for details. A recovery mail follows when it clears.\n")
    mail.set_content(zh + "\n----\n" + en)
    return mail.as_bytes(policy=SMTP)


class Operations:
    def __init__(self, runtime: Any) -> None:
        self.runtime = runtime
        self.started = time.monotonic()
        self.next_alarm = time.monotonic() + min(ALARM_SECONDS, 5.0)
        self.next_probe = time.monotonic() + (runtime.settings.probe_interval or 0)

    def tick(self) -> None:
        now = time.monotonic()
        settings = self.runtime.settings
        if settings.probe_interval > 0 and now >= self.next_probe:
            self.next_probe = now + settings.probe_interval
            try:
                probe.send(self.runtime.store, settings, self.runtime.transport)
            except Exception as exc:  # an unsendable probe is a failed probe; the alarm tells ops
                log.warning("probe not sent: %s", exc)
        if now >= self.next_alarm:
            self.next_alarm = now + ALARM_SECONDS
            self.alarms(now - self.started)
            try:
                report.monthly(self.runtime, datetime.now(settings.tz))
            except Exception as exc:  # tried again on the next evaluation
                log.warning("monthly statistics not mailed (tried again in %.0f s): %s", ALARM_SECONDS, exc)

    def alarms(self, running_for: float) -> list[str]:
        """Raise or clear each alarm whose state changed; returns the keys that changed."""
        store, settings = self.runtime.store, self.runtime.settings
        recorded = alarm_states(store)
        changed = []
        for key, (active, detail) in conditions(self.runtime, running_for).items():
            if active == recorded.get(key, False):
                continue
            if settings.ops_address:
                try:
                    raw = alarm_mail(settings, key, active, detail)
                    self.runtime.transport.send(raw, settings.submission_address, (settings.ops_address,),
                                                f"alarm-{key.replace(':', '-')}")
                except Exception as exc:
                    log.warning("alarm mail for %s not sent (tried again in %.0f s): %s", key, ALARM_SECONDS, exc)
                    continue
            (log.error if active else log.warning)("alarm %s %s: %s", key, "raised" if active else "cleared", detail)
            with store.session() as s:
                s.add(Event(kind="alarm.raised" if active else "alarm.cleared", actor="poller",
                            detail={"key": key, "detail": detail, "mailed": bool(settings.ops_address)}))
            changed.append(key)
        return changed
