"""The `intake` command: demo, config check, help and exit codes, as a user runs them."""

from __future__ import annotations

import mailbox
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def intake(*args: str, env: dict[str, str] | None = None, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("INTAKE_")}
    return subprocess.run([sys.executable, "-m", "intake.cli", *args], env={**clean, **(env or {})}, cwd=cwd,
                          capture_output=True, text=True, timeout=300, check=False)


def test_demo_prints_an_outcome_for_every_sample_and_where_the_results_are(tmp_path: Path) -> None:
    done = intake("demo", "--dir", str(tmp_path / "demo"))
    assert done.returncode == 0, done.stderr
    samples = sorted((REPO / "examples").glob("*.eml"))
    rows = [line for line in done.stdout.splitlines()
            if line.split()[:1] and line.split()[0] in ("accepted", "incomplete", "rejected", "ignored", "held",
                                                          "duplicate")]
    assert len(rows) == len(samples)
    assert str(tmp_path / "demo" / "drafts") in done.stdout and str(tmp_path / "demo" / "outbox") in done.stdout
    assert list((tmp_path / "demo" / "drafts").glob("TG-*.html"))
    assert list((tmp_path / "demo" / "outbox").glob("*.eml"))
    maildir = mailbox.Maildir(tmp_path / "demo" / "Maildir", create=False)
    assert len(maildir) == 0 and len(maildir.get_folder("Processed")) == len(samples)  # all filed away


def test_demo_refuses_to_wipe_a_folder_it_did_not_create(tmp_path: Path) -> None:
    (tmp_path / "precious.txt").write_text("keep me")
    done = intake("demo", "--dir", str(tmp_path))
    assert done.returncode != 0
    assert (tmp_path / "precious.txt").exists()


def test_config_check_names_the_bad_setting_and_exits_3() -> None:
    done = intake("config", "check", env={"INTAKE_SMTP_URL": "ftp://example.org"})
    assert done.returncode == 3
    assert "INTAKE_SMTP_URL" in done.stderr


def test_config_check_passes_on_defaults_and_hides_passwords(tmp_path: Path) -> None:
    done = intake("config", "check", env={"INTAKE_DATA_DIR": str(tmp_path),
                                          "INTAKE_MAILBOX_URL": "imaps://tougao:s3cret@imap.example.org/INBOX"})
    # the mailbox cannot be reached from here: one line names the setting, the password stays hidden
    assert done.returncode == 3, done.stdout + done.stderr
    failed = [line for line in done.stdout.splitlines() if line.startswith("✗")]
    assert len(failed) == 1 and "INTAKE_MAILBOX_URL=imaps://tougao:***@imap.example.org/INBOX" in failed[0]
    assert "s3cret" not in done.stdout + done.stderr
    offline = intake("config", "check", "--no-connect", env={"INTAKE_DATA_DIR": str(tmp_path),
                                                             "INTAKE_MAILBOX_URL": "imaps://tougao:s3cret@imap.example.org/INBOX"})
    assert offline.returncode == 0 and "配置检查通过" in offline.stdout and "s3cret" not in offline.stdout


def test_english_messages_on_request(tmp_path: Path) -> None:
    done = intake("config", "check", env={"INTAKE_DATA_DIR": str(tmp_path), "INTAKE_LANGUAGE": "en"})
    assert "Configuration is valid." in done.stdout


def test_every_command_has_help() -> None:
    for command in (["ingest"], ["run"], ["poll"], ["worker"], ["demo"], ["db", "upgrade"], ["config", "check"],
                    ["status"], ["replay"]):
        done = intake(*command, "--help")
        assert done.returncode == 0 and "usage:" in done.stdout, command


def test_missing_input_is_reported_and_fails(tmp_path: Path) -> None:
    done = intake("ingest", "--json", str(tmp_path / "nope.eml"), env={"INTAKE_DATA_DIR": str(tmp_path)})
    assert done.returncode == 1 and "nope.eml" in done.stderr


def test_run_once_processes_the_local_maildir_then_status_reports_it(tmp_path: Path) -> None:
    md = mailbox.Maildir(tmp_path / "Maildir", create=True)
    md.add((REPO / "examples" / "05-missing-phone.eml").read_bytes())
    env = {"INTAKE_DATA_DIR": str(tmp_path)}
    done = intake("run", "--once", env=env)
    assert done.returncode == 0, done.stderr
    assert len(md) == 0 and len(md.get_folder("Processed")) == 1
    status = intake("status", env=env)
    assert status.returncode == 0 and "processed 1" in status.stdout and "sent 1" in status.stdout


def test_worker_needs_a_broker_and_says_so() -> None:
    done = intake("worker")
    assert done.returncode == 3 and "INTAKE_BROKER_URL" in done.stderr


def test_without_a_secret_a_broker_deployment_fails_config_check_and_workers_refuse_to_start(
    tmp_path: Path, redis_url: str
) -> None:
    """With a broker (or PostgreSQL) INTAKE_SECRET_KEY is required: config check and both worker entries say so."""
    env = {"INTAKE_DATA_DIR": str(tmp_path), "INTAKE_BROKER_URL": redis_url}
    checked = intake("config", "check", env=env)
    assert checked.returncode == 3 and "INTAKE_SECRET_KEY" in checked.stderr, checked.stderr
    worker = intake("worker", env=env)
    assert worker.returncode == 3 and "INTAKE_SECRET_KEY" in worker.stderr
    clean = {k: v for k, v in os.environ.items() if not k.startswith("INTAKE_")}
    celery = subprocess.run([sys.executable, "-m", "celery", "-A", "workers.app", "worker", "--pool=solo"],
                            env={**clean, **env}, cwd=REPO, capture_output=True, text=True, timeout=120, check=False)
    assert celery.returncode != 0 and "INTAKE_SECRET_KEY" in celery.stdout + celery.stderr
    assert not (tmp_path / "secret.key").exists()
    ok = intake("config", "check", env={**env, "INTAKE_SECRET_KEY": "x" * 40})
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert "secret_source = INTAKE_SECRET_KEY" in ok.stdout and "x" * 40 not in ok.stdout


def test_worker_command_starts_a_celery_worker_with_both_tasks(tmp_path: Path, redis_url: str) -> None:
    import signal
    import time

    clean = {k: v for k, v in os.environ.items() if not k.startswith("INTAKE_")}
    env = {**clean, "INTAKE_DATA_DIR": str(tmp_path), "INTAKE_BROKER_URL": redis_url,
           "INTAKE_SECRET_KEY": "a-test-secret-key-of-at-least-32-characters"}
    log = tmp_path / "worker.log"
    with log.open("wb") as out:
        proc = subprocess.Popen([sys.executable, "-m", "intake.cli", "worker", "--", "--pool=solo", "-n", "cli@%h"],
                                env=env, cwd=REPO, stdout=out, stderr=subprocess.STDOUT)
        try:
            deadline = time.monotonic() + 60
            while "ready." not in log.read_text() and time.monotonic() < deadline and proc.poll() is None:
                time.sleep(0.1)
            text = log.read_text()
            assert "ready." in text and "intake.ingest" in text and "intake.send" in text, text[-2000:]
        finally:
            proc.send_signal(signal.SIGTERM)
            proc.wait(30)


def test_run_watches_the_maildir_until_sigterm_and_answers_new_mail(tmp_path: Path) -> None:
    """Embedded `intake run`: a mail dropped into the Maildir is answered within seconds; SIGTERM stops it cleanly."""
    import signal
    import time

    clean = {k: v for k, v in os.environ.items() if not k.startswith("INTAKE_")}
    env = {**clean, "INTAKE_DATA_DIR": str(tmp_path), "INTAKE_POLL_INTERVAL": "0.2"}
    proc = subprocess.Popen([sys.executable, "-m", "intake.cli", "run"], env=env, cwd=REPO,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        md = mailbox.Maildir(tmp_path / "Maildir", create=True)
        time.sleep(1.0)
        md.add((REPO / "examples" / "05-missing-phone.eml").read_bytes())
        deadline = time.monotonic() + 30
        while not list((tmp_path / "outbox").glob("*.eml")) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert len(list((tmp_path / "outbox").glob("*.eml"))) == 1
    finally:
        proc.send_signal(signal.SIGTERM)
        out, _ = proc.communicate(timeout=30)
    assert proc.returncode == 0, out
    assert "已停止" in out
