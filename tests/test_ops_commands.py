"""Ops commands on a populated database (SQLite and PostgreSQL), run as an operator runs them.

status [--json] [--health], submissions list|show, notices retry, purge, backfill, config check,
--version, friendly failures (exit 3, one line), INTAKE_TIMEZONE for tracking ids.
"""

from __future__ import annotations

import json
import mailbox
import os
import socket
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, update

from intake.config import ConfigError, load_settings
from intake.runtime import Runtime, build_runtime
from intake.tables import Event, MailboxState, Message, Notice, StoredFile, Submission, utcnow

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
SECRET = "test-only-secret-0123456789abcdefghij"
SAMPLES = ("01-docx-with-photos.eml", "03-body-only-article.eml", "05-missing-phone.eml", "09-no-manuscript.eml")


def intake(env: dict[str, str], *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "intake.cli", *args], env=env, cwd=REPO, capture_output=True,
                          text=True, timeout=timeout, check=False)


@pytest.fixture
def populated(tmp_path: Path, database_url: str, smtp_sink: Any) -> tuple[Runtime, dict[str, str], Any]:
    """Four submissions processed through a real SMTP server; one acknowledgement refused (550)."""
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("INTAKE_")},
           "INTAKE_DATA_DIR": str(tmp_path / "data"), "INTAKE_DATABASE_URL": database_url,
           "INTAKE_SECRET_KEY": SECRET, "INTAKE_SMTP_URL": smtp_sink.url,
           "INTAKE_SUBMISSION_ADDRESS": "tougao@example.test", "INTAKE_REVIEWERS": "editor@example.test"}
    runtime = build_runtime(load_settings(env), migrate=True)
    for i, name in enumerate(SAMPLES):
        if i == 1:
            smtp_sink.fail_next(1, 550)  # the next notice sent is refused for good
        message_id, _ = runtime.store.record_message((EXAMPLES / name).read_bytes(), "default")
        runtime.ingest(message_id)
    return runtime, env, smtp_sink


def _polled(runtime: Runtime, when: datetime | None = None) -> None:
    with runtime.store.session() as s:
        state = s.get(MailboxState, "default") or MailboxState(mailbox="default", last_uid=0)
        state.last_poll_at = when or utcnow()
        s.add(state)


def test_status_json_counts_failures_and_a_retry_repairs_them(populated: Any) -> None:
    runtime, env, sink = populated
    done = intake(env, "status", "--json")
    report = json.loads(done.stdout)
    assert done.returncode == 1  # never polled, and a notice failed in the last 24 h
    assert "mailbox_never_polled:default" in report["problems"] and "notices_failed_24h" in report["problems"]
    assert report["messages"] == {"processed": 4}
    assert sum(report["outcomes"].values()) == 4 and report["notices"]["failed"] == 1
    failed = report["failures_24h"]["notices"]
    assert len(failed) == 1 and failed[0]["error"].startswith("550")
    _polled(runtime)
    assert intake(env, "status").returncode == 1  # the failure still counts
    before = len(sink.envelopes)
    retried = intake(env, "notices", "retry", str(failed[0]["id"]))
    assert retried.returncode == 0, retried.stderr
    assert len(sink.wait_for(before + 1)) == before + 1  # sent, this time
    text = intake(env, "status")
    assert text.returncode == 0, text.stdout
    assert "状态：正常" in text.stdout and "邮件：processed 4" in text.stdout
    assert intake(env, "notices", "retry").returncode == 2  # neither ids nor --failed


def test_a_failure_older_than_a_day_is_listed_but_does_not_fail_status(populated: Any) -> None:
    runtime, env, _sink = populated
    _polled(runtime)
    with runtime.store.session() as s:
        s.execute(update(Event).where(Event.kind == "notice.failed").values(created_at=utcnow() - timedelta(days=2)))
    done = intake(env, "status")
    assert done.returncode == 0, done.stdout
    assert "（24 小时前）发送失败" in done.stdout


def test_status_health_is_liveness_only(populated: Any) -> None:
    runtime, env, _sink = populated
    assert intake(env, "status", "--health").returncode == 1  # never polled
    _polled(runtime)
    assert intake(env, "status", "--health").returncode == 0  # a failed notice is not a liveness matter
    _polled(runtime, utcnow() - timedelta(hours=2))
    stale = intake(env, "status", "--health")
    assert stale.returncode == 1 and "default" in stale.stderr


def test_submissions_list_and_show(populated: Any) -> None:
    runtime, env, _sink = populated
    rows = json.loads(intake(env, "submissions", "list", "--json").stdout)
    with runtime.store.session() as s:
        expected = sorted(s.scalars(select(Submission.tracking_id)))
    assert sorted(r["tracking_id"] for r in rows) == expected and expected
    incomplete = json.loads(intake(env, "submissions", "list", "--status", "incomplete", "--json").stdout)
    assert [r["missing"] for r in incomplete] == [["phone"]]
    text = intake(env, "submissions", "list")
    assert all(tid in text.stdout for tid in expected)
    shown = json.loads(intake(env, "submissions", "show", expected[0], "--json").stdout)
    assert shown["tracking_id"] == expected[0]
    assert shown["messages"] and shown["notices"] and [e for e in shown["events"] if e["kind"] == "notice.created"]
    assert all(f["kept"] for f in shown["files"])
    human = intake(env, "submissions", "show", expected[0].lower())
    assert human.returncode == 0 and expected[0] in human.stdout
    missing = intake(env, "submissions", "show", "TG-19990101-0001")
    assert missing.returncode == 1 and "找不到投稿" in missing.stderr


def test_purge_deletes_old_raw_mail_and_files_but_keeps_records_and_open_work(populated: Any) -> None:
    runtime, env, _sink = populated
    old = utcnow() - timedelta(days=400)
    with runtime.store.session() as s:
        s.execute(update(Message).values(received_at=old))
        s.execute(update(Submission).values(updated_at=old, created_at=old))
        s.execute(update(Notice).values(created_at=old))
        s.execute(update(Submission).where(Submission.status == "pending_review").values(status="approved"))
        open_raw = {m.sha256 for m in s.scalars(select(Message).join(
            Submission, Submission.id == Message.submission_id).where(Submission.status == "incomplete"))}
        files = [f.sha256 for f in s.scalars(
            select(StoredFile).join(Submission, Submission.id == StoredFile.submission_id)
            .where(Submission.status != "incomplete"))]
        assert files
        raws = [m.sha256 for m in s.scalars(select(Message))]
    dry = json.loads(intake(env, "purge", "--older-than", "30", "--dry-run", "--json").stdout)
    assert dry["files"] > 0 and all(runtime.store.blobs.exists(d) for d in raws)
    done = json.loads(intake(env, "purge", "--older-than", "30", "--json").stdout)
    assert done["files"] == dry["files"]
    assert all(runtime.store.blobs.exists(d) for d in open_raw)  # still incomplete: kept
    assert not any(runtime.store.blobs.exists(d) for d in set(raws) - open_raw)
    assert not any(runtime.store.blobs.exists(d) for d in files)
    with runtime.store.session() as s:
        assert s.scalar(select(Message.id).limit(1)) is not None  # records stay
    again = json.loads(intake(env, "purge", "--older-than", "30", "--json").stdout)
    assert again["files"] == 0


def test_backfill_a_maildir_processes_each_mail_once(populated: Any, tmp_path: Path) -> None:
    _runtime, env, sink = populated
    folder = mailbox.Maildir(tmp_path / "old", create=True)
    for name in ("01-docx-with-photos.eml", "13-doc-manuscript.eml", "14-pdf-manuscript.eml"):
        folder.add((EXAMPLES / name).read_bytes())  # 01 was already processed by the poller
    done = intake(env, "backfill", str(tmp_path / "old"), "--json", timeout=300)
    summary = json.loads(done.stdout)
    assert done.returncode == 0, done.stderr
    assert (summary["seen"], summary["stored"], summary["known"], summary["failed"]) == (3, 2, 1, 0)
    assert sum(summary["outcomes"].values()) == 2
    sent = len(sink.envelopes)
    again = json.loads(intake(env, "backfill", str(tmp_path / "old"), "--json", timeout=300).stdout)
    assert (again["stored"], again["known"], again["outcomes"]) == (0, 3, {})
    assert len(sink.envelopes) == sent  # nobody answered twice
    human = intake(env, "backfill", str(tmp_path / "old"))
    assert "补录完成：读到 3 封" in human.stdout


@pytest.mark.integration
def test_backfill_an_imap_folder_reads_it_without_moving_anything(populated: Any, dovecot: Any) -> None:
    _runtime, env, _sink = populated
    dovecot.client().create_folder("Archive")
    dovecot.append((EXAMPLES / "13-doc-manuscript.eml").read_bytes(), "Archive")
    dovecot.append((EXAMPLES / "14-pdf-manuscript.eml").read_bytes(), "Archive")
    done = intake(env, "backfill", dovecot.url("Archive"), "--json", timeout=300)
    summary = json.loads(done.stdout)
    assert (summary["seen"], summary["stored"], summary["failed"]) == (2, 2, 0), done.stderr
    assert len(dovecot.uids("Archive")) == 2  # read only


def test_config_check_lists_every_bad_setting_at_once() -> None:
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("INTAKE_")},
           "INTAKE_SMTP_URL": "ftp://x", "INTAKE_LANGUAGE": "fr", "INTAKE_TIMEZONE": "Mars/Olympus"}
    done = intake(env, "config", "check", "--json")
    report = json.loads(done.stdout)
    assert done.returncode == 3 and not report["ok"]
    assert {e["setting"] for e in report["errors"]} == {"INTAKE_SMTP_URL", "INTAKE_LANGUAGE", "INTAKE_TIMEZONE"}


@pytest.mark.integration
def test_config_check_tests_every_connection(tmp_path: Path, postgres_url: str, redis_url: str, dovecot: Any,
                                             smtp_sink: Any) -> None:
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("INTAKE_")},
           "INTAKE_DATA_DIR": str(tmp_path), "INTAKE_DATABASE_URL": postgres_url, "INTAKE_BROKER_URL": redis_url,
           "INTAKE_MAILBOX_URL": dovecot.url(), "INTAKE_SMTP_URL": smtp_sink.url, "INTAKE_SECRET_KEY": SECRET}
    done = intake(env, "config", "check", "--json")
    report = json.loads(done.stdout)
    assert [c["name"] for c in report["checks"]] == ["database", "broker", "mailbox default", "smtp"]
    assert all(c["ok"] for c in report["checks"]), report["checks"]
    assert "no schema yet" in report["checks"][0]["detail"] and done.returncode == 0
    assert all(isinstance(r["value"], str) and not r["value"].startswith("(") for r in report["settings"])
    wrong = dovecot.url().replace(f":{dovecot.password}@", ":wrong-password@")
    bad = intake({**env, "INTAKE_MAILBOX_URL": wrong}, "config", "check")
    assert bad.returncode == 3
    line = next(x for x in bad.stdout.splitlines() if x.startswith("✗"))
    assert "INTAKE_MAILBOX_URL" in line and "wrong-password" not in bad.stdout + bad.stderr


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_an_unreachable_database_is_one_line_and_exit_3(tmp_path: Path) -> None:
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("INTAKE_")},
           "INTAKE_DATA_DIR": str(tmp_path), "INTAKE_SECRET_KEY": SECRET,
           "INTAKE_DATABASE_URL": f"postgresql+psycopg://intake:pw@127.0.0.1:{_closed_port()}/intake"}
    for args in (("status",), ("submissions", "list"), ("db", "upgrade")):
        done = intake(env, *args)
        assert done.returncode == 3, (args, done.stderr)
        assert "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1, done.stderr
        assert "INTAKE_DATABASE_URL" in done.stderr and ":pw@" not in done.stderr


def test_poll_without_a_broker_refuses_instead_of_processing_in_process(tmp_path: Path) -> None:
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("INTAKE_")}, "INTAKE_DATA_DIR": str(tmp_path)}
    mailbox.Maildir(tmp_path / "Maildir", create=True).add((EXAMPLES / "03-body-only-article.eml").read_bytes())
    done = intake(env, "poll", "--once")
    assert done.returncode == 3 and "INTAKE_BROKER_URL" in done.stderr
    assert len(mailbox.Maildir(tmp_path / "Maildir", create=False)) == 1  # untouched


def test_version_is_the_installed_distributions() -> None:
    from importlib.metadata import version

    done = intake(dict(os.environ), "--version")
    assert done.returncode == 0 and done.stdout.strip() == f"intake {version('submission-intake')}"


def test_tracking_ids_follow_the_office_day_not_the_hosts(tmp_path: Path, database_url: str) -> None:
    """In a UTC container, 17:00 UTC is already the next day in Beijing: the counter rolls over then."""
    late = datetime(2026, 12, 2, 17, 0, tzinfo=UTC)
    for zone, day in (("Asia/Shanghai", "20261203"), ("UTC", "20261202")):
        settings = load_settings({"INTAKE_DATA_DIR": str(tmp_path / zone.replace("/", "-")),
                                  "INTAKE_DATABASE_URL": database_url, "INTAKE_TIMEZONE": zone,
                                  "INTAKE_SECRET_KEY": SECRET})
        runtime = build_runtime(settings, migrate=True)
        with runtime.store.session() as s:
            first = runtime.store.next_tracking_id(s, late)
        assert first.startswith(f"TG-{day}-"), (zone, first)
    assert load_settings({}).timezone == "Asia/Shanghai"
    with pytest.raises(ConfigError, match="INTAKE_TIMEZONE"):
        load_settings({"INTAKE_TIMEZONE": "Beijing"})


def test_received_at_in_mails_is_office_time(tmp_path: Path) -> None:
    env = {"INTAKE_DATA_DIR": str(tmp_path), "INTAKE_TIMEZONE": "Asia/Shanghai"}
    runtime = build_runtime(load_settings(env))
    message_id, _ = runtime.store.record_message((EXAMPLES / "03-body-only-article.eml").read_bytes(), "default")
    at = datetime(2026, 12, 2, 23, 30, tzinfo=UTC)
    with runtime.store.session() as s:
        s.get_one(Message, message_id).received_at = at
    runtime.ingest(message_id)
    ack = sorted((tmp_path / "outbox").glob("*acknowledgement*.eml"))
    assert ack and "2026-12-03 07:30" in ack[0].read_bytes().decode("utf-8", "replace") + _decoded(ack[0])


def _decoded(path: Path) -> str:
    import email
    import email.policy

    msg = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    return "".join(part.get_content() for part in msg.walk() if part.get_content_type() == "text/plain")


def test_an_unreachable_mailbox_or_broker_is_one_line_and_exit_3(tmp_path: Path) -> None:
    port = _closed_port()
    base = {**{k: v for k, v in os.environ.items() if not k.startswith("INTAKE_")},
            "INTAKE_DATA_DIR": str(tmp_path), "INTAKE_SECRET_KEY": SECRET}
    mailbox_down = intake({**base, "INTAKE_MAILBOX_URL": f"imap://tougao:pw@127.0.0.1:{port}/INBOX"}, "run", "--once")
    assert mailbox_down.returncode == 3 and "INTAKE_MAILBOX_URL=imap://tougao:***@" in mailbox_down.stderr
    runtime = build_runtime(load_settings({"INTAKE_DATA_DIR": str(tmp_path)}))
    message_id, _ = runtime.store.record_message((EXAMPLES / "03-body-only-article.eml").read_bytes(), "default")
    with runtime.store.session() as s:
        s.get_one(Message, message_id).status = "failed"
    broker = {**base, "INTAKE_BROKER_URL": f"redis://127.0.0.1:{port}/0"}
    replay = intake(broker, "replay")
    assert replay.returncode == 3 and "INTAKE_BROKER_URL" in replay.stderr
    for done in (mailbox_down, replay):
        assert "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1, done.stderr
    status = json.loads(intake(broker, "status", "--json").stdout)
    assert "broker_unreachable" in status["problems"] and status["queue_depth"] is None


def test_replay_and_config_show_on_a_populated_database(populated: Any) -> None:
    runtime, env, _sink = populated
    with runtime.store.session() as s:
        target = s.scalars(select(Message).order_by(Message.id)).first()
        assert target is not None
        target.status, target.error = "failed", "RuntimeError: simulated"
        target_id = target.id
    status = json.loads(intake(env, "status", "--json").stdout)
    assert status["quarantined"] == 1 and status["failures_24h"]["messages"] == []  # no message.failed event
    done = intake(env, "replay")
    assert done.returncode == 0 and "已重新排队 1 封邮件" in done.stdout
    with runtime.store.session() as s:
        assert s.get_one(Message, target_id).status == "processed"  # re-run in process (embedded mode)
    shown = json.loads(intake(env, "config", "show", "--json").stdout)
    assert shown["INTAKE_SECRET_KEY"] == "***" and SECRET not in json.dumps(shown)
    assert shown["INTAKE_REVIEWERS"] == "editor@example.test" and shown["INTAKE_TIMEZONE"] == "Asia/Shanghai"
    text = intake(env, "config", "show").stdout
    assert "INTAKE_REQUIRED_FIELDS = title,source_unit,authors,phone" in text and "('" not in text


def test_backfill_progress_shows_count_rate_and_eta_on_a_terminal_only() -> None:
    import io

    from intake.backfill import Progress

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    screen, pipe = Terminal(), io.StringIO()
    live = Progress(200, screen, started=0.0)
    assert live.line(50, now=10.0) == "已导入 50/200 封 · 5.0 封/秒 · 预计剩余 0:30"
    live.update(50, force=True)
    live.finish(200)
    assert screen.getvalue().startswith("\r已导入") and screen.getvalue().endswith("\n")
    quiet = Progress(200, pipe)
    quiet.update(50, force=True)
    quiet.finish(200)
    assert pipe.getvalue() == ""
