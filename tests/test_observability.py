"""Metrics scraped from running processes, JSON logs, alarms to ops and the end-to-end probe."""

from __future__ import annotations

import json
import mailbox
import os
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, update

from intake import probe
from intake.config import load_settings
from intake.operations import Operations, alarm_states
from intake.runtime import Runtime, build_runtime
from intake.tables import MailboxState, Message, Notice, utcnow
from tests.servers import free_port

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
SECRET = "test-only-secret-0123456789abcdefghij"


def clean_env(**values: str) -> dict[str, str]:
    return {**{k: v for k, v in os.environ.items() if not k.startswith("INTAKE_")}, **values}


def scrape(port: int) -> str:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5) as response:
        return str(response.read().decode())


def value(text: str, name: str, **labels: str) -> float | None:
    for line in text.splitlines():
        if line.startswith("#") or not line.startswith(name):
            continue
        metric, _, number = line.rpartition(" ")
        found = dict(re.findall(r'(\w+)="([^"]*)"', metric))
        if metric.split("{")[0] == name and all(found.get(k) == v for k, v in labels.items()):
            return float(number)
    return None


def wait_for(check: Any, timeout: float = 60.0) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            got = check()
        except OSError:
            got = None
        if got:
            return got
        time.sleep(0.3)
    raise TimeoutError("condition not met")


def scrape_until(port: int, ready: Any, timeout: float = 60.0) -> str:
    """Scrape until `ready(text)` holds; return that scrape."""
    result: str = wait_for(lambda: (lambda text: text if ready(text) else None)(scrape(port)), timeout)
    return result


def stop(proc: subprocess.Popen[str]) -> str:
    proc.send_signal(signal.SIGTERM)
    try:
        _out, err = proc.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        proc.kill()
        _out, err = proc.communicate()
    return err


def test_metrics_of_intake_run_move_as_mail_flows(tmp_path: Path) -> None:
    port = free_port()
    env = clean_env(INTAKE_DATA_DIR=str(tmp_path), INTAKE_METRICS_PORT=str(port), INTAKE_POLL_INTERVAL="0.2")
    proc = subprocess.Popen([sys.executable, "-m", "intake.cli", "run"], env=env, cwd=REPO, text=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        before = wait_for(lambda: scrape(port))
        assert value(before, "intake_database_up") == 1.0
        assert value(before, "intake_messages_total", outcome="accepted") is None
        inbox = mailbox.Maildir(tmp_path / "Maildir", create=True)
        inbox.add((EXAMPLES / "01-docx-with-photos.eml").read_bytes())
        inbox.add((EXAMPLES / "05-missing-phone.eml").read_bytes())
        after = scrape_until(port, lambda t: value(t, "intake_messages_total", outcome="accepted") == 1
                             and value(t, "intake_messages_total", outcome="incomplete") == 1)
        assert (value(after, "intake_extraction_seconds_count", format="docx") or 0) >= 1
        assert (value(after, "intake_mailbox_last_poll_timestamp_seconds", mailbox="default") or 0) > time.time() - 60
        assert value(after, "intake_quarantined_messages") == 0
        # The notices are sent one after the other: wait for both, not only the first.
        sent = scrape_until(port, lambda t: value(t, "intake_notices_total", kind="acknowledgement", status="sent")
                            == 1 and value(t, "intake_notices_total", kind="review_request", status="sent") is not None)
        assert value(sent, "intake_notices_total", kind="acknowledgement", status="sent") == 1
        assert value(sent, "intake_notices_total", kind="review_request", status="sent") == 1
    finally:
        stop(proc)


@pytest.mark.integration
def test_a_prefork_workers_metrics_include_its_pool_processes_timings(tmp_path: Path, redis_url: str) -> None:
    port = free_port()
    env = clean_env(INTAKE_DATA_DIR=str(tmp_path), INTAKE_BROKER_URL=redis_url, INTAKE_SECRET_KEY=SECRET,
                    INTAKE_METRICS_PORT=str(port))
    subprocess.run([sys.executable, "-m", "intake.cli", "db", "upgrade"], env=env, cwd=REPO, check=True,
                   capture_output=True, timeout=120)
    worker = subprocess.Popen([sys.executable, "-m", "intake.cli", "worker", "--", "--pool=prefork",
                               "--concurrency=2"], env=env, cwd=REPO, text=True, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE)
    try:
        wait_for(lambda: scrape(port))
        mailbox.Maildir(tmp_path / "Maildir", create=True).add((EXAMPLES / "03-body-only-article.eml").read_bytes())
        polled = subprocess.run([sys.executable, "-m", "intake.cli", "poll", "--once"], env=env, cwd=REPO,
                                capture_output=True, text=True, timeout=120)
        assert polled.returncode == 0, polled.stderr
        text = scrape_until(port, lambda t: value(t, "intake_extraction_seconds_count", format="body"))
        assert value(text, "intake_messages_total", outcome="accepted") == 1
        assert value(text, "intake_queue_depth") is not None
    finally:
        stop(worker)


def test_json_logs_carry_the_mail_they_are_about(tmp_path: Path) -> None:
    mailbox.Maildir(tmp_path / "Maildir", create=True).add((EXAMPLES / "01-docx-with-photos.eml").read_bytes())
    env = clean_env(INTAKE_DATA_DIR=str(tmp_path), INTAKE_LOG_FORMAT="json")
    done = subprocess.run([sys.executable, "-m", "intake.cli", "-v", "run", "--once"], env=env, cwd=REPO,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    records = [json.loads(line) for line in done.stderr.splitlines() if line.strip()]
    assert records and all({"time", "level", "logger", "message"} <= set(r) for r in records)
    about = [r for r in records if r.get("message_id") == 1]
    assert about, records[-5:]  # the worker-side lines name the mail they are about
    bad = subprocess.run([sys.executable, "-m", "intake.cli", "status"], env={**env, "INTAKE_LOG_FORMAT": "xml"},
                         cwd=REPO, capture_output=True, text=True, timeout=60)
    assert bad.returncode == 3 and "INTAKE_LOG_FORMAT" in bad.stderr


@pytest.fixture
def ops_runtime(tmp_path: Path, database_url: str, smtp_sink: Any) -> Runtime:
    settings = load_settings({"INTAKE_DATA_DIR": str(tmp_path), "INTAKE_DATABASE_URL": database_url,
                              "INTAKE_SECRET_KEY": SECRET, "INTAKE_SMTP_URL": smtp_sink.url,
                              "INTAKE_OPS_ADDRESS": "ops@example.test",
                              "INTAKE_SUBMISSION_ADDRESS": "tougao@example.test"})
    return build_runtime(settings, migrate=True)


def test_an_alarm_mails_ops_once_when_it_starts_and_once_when_it_clears(ops_runtime: Runtime, smtp_sink: Any) -> None:
    ops = Operations(ops_runtime)
    grace = 10_000.0
    assert ops.alarms(running_for=1.0) == []  # a poller just started: not yet polled is not an alarm
    assert ops.alarms(running_for=grace) == ["mailbox:default"]
    mail = smtp_sink.wait_for(1)[0]
    assert mail.rcpt_tos == ["ops@example.test"] and "告警" in str(mail.message["Subject"])
    assert ops.alarms(running_for=grace) == []  # once
    assert len(smtp_sink.envelopes) == 1
    with ops_runtime.store.session() as s:
        s.add(MailboxState(mailbox="default", last_uid=0, last_poll_at=utcnow()))
    restarted = Operations(ops_runtime)  # the state lives in the database, not in the process
    assert restarted.alarms(running_for=grace) == ["mailbox:default"]
    recovered = smtp_sink.wait_for(2)[1]
    assert "恢复" in str(recovered.message["Subject"]) and alarm_states(ops_runtime.store)["mailbox:default"] is False


def test_quarantine_and_failing_notices_raise_alarms(ops_runtime: Runtime, smtp_sink: Any) -> None:
    with ops_runtime.store.session() as s:
        s.add(MailboxState(mailbox="default", last_uid=0, last_poll_at=utcnow()))
    message_id, _ = ops_runtime.store.record_message((EXAMPLES / "03-body-only-article.eml").read_bytes(), "default")
    smtp_sink.fail_next(2, 550)
    ops_runtime.ingest(message_id)  # acknowledgement and review request refused for good
    bad, _ = ops_runtime.store.record_message(b"Subject: x\r\n\r\nbroken", "default")
    with ops_runtime.store.session() as s:
        s.execute(update(Message).where(Message.id == bad).values(status="failed"))
    changed = Operations(ops_runtime).alarms(running_for=1.0)
    assert sorted(changed) == ["notices_failing", "quarantine"]
    subjects = sorted(str(e.message["Subject"]) for e in smtp_sink.wait_for(2))
    assert all("告警" in x for x in subjects)


def test_the_probe_goes_through_the_whole_path_and_is_measured(tmp_path: Path) -> None:
    from intake.cli import watch

    settings = load_settings({"INTAKE_DATA_DIR": str(tmp_path), "INTAKE_PROBE_INTERVAL": "60"})
    runtime = build_runtime(settings)
    token = probe.send(runtime.store, runtime.settings, runtime.transport)
    assert probe.last_probe(runtime.store)["state"] == "waiting"
    watch(runtime, threading.Event(), once=True)
    last = probe.last_probe(runtime.store)
    assert last is not None and last["token"] == token and last["ok"] and last["state"] == "answered"
    assert last["roundtrip_seconds"] is not None and last["roundtrip_seconds"] >= 0
    with runtime.store.session() as s:
        msg = s.scalars(select(Message)).one()
        assert (msg.outcome, msg.reason, msg.submission_id) == ("ignored", "probe", None)
        assert [n.kind for n in s.scalars(select(Notice))] == ["probe"]
    report = subprocess.run([sys.executable, "-m", "intake.cli", "status", "--json"],
                            env=clean_env(INTAKE_DATA_DIR=str(tmp_path), INTAKE_PROBE_INTERVAL="60"), cwd=REPO,
                            capture_output=True, text=True, timeout=60)
    assert json.loads(report.stdout)["probe"]["state"] == "answered"


def test_a_forged_probe_header_is_an_ordinary_mail(tmp_path: Path) -> None:
    runtime = build_runtime(load_settings({"INTAKE_DATA_DIR": str(tmp_path)}))
    raw = (EXAMPLES / "03-body-only-article.eml").read_bytes()
    forged = b"X-Intake-Probe: 0123456789abcdef.00000000000000000000000000000000\r\n" + raw
    message_id, _ = runtime.store.record_message(forged, "default")
    result = runtime.ingest(message_id)
    assert result["outcome"] == "accepted" and result["reason"] != "probe"


def test_an_overdue_probe_fails_and_raises_the_probe_alarm(tmp_path: Path) -> None:
    settings = load_settings({"INTAKE_DATA_DIR": str(tmp_path), "INTAKE_PROBE_INTERVAL": "60",
                              "INTAKE_PROBE_TIMEOUT": "5"})
    runtime = build_runtime(settings)
    probe.send(runtime.store, runtime.settings, runtime.transport)  # nobody polls: never answered
    from intake.tables import Event

    with runtime.store.session() as s:
        s.execute(update(Event).where(Event.kind == "probe.sent").values(created_at=utcnow() - timedelta(minutes=5)))
    assert probe.last_probe(runtime.store, 5.0)["state"] == "overdue"
    assert "probe" in Operations(runtime).alarms(running_for=1.0)
