"""The test servers in ``servers.py`` really work: each helper against its real server."""

from __future__ import annotations

import os
import smtplib
import socket
import textwrap
import time
from email.message import EmailMessage
from pathlib import Path

import pytest
import servers

pytestmark = pytest.mark.integration


def _mail(subject: str, body: str = "正文\n") -> bytes:
    msg = EmailMessage()
    msg["From"] = "张三 <zhangsan@example.test>"
    msg["To"] = "tougao@example.test"
    msg["Subject"] = subject
    msg.set_content(body)
    return msg.as_bytes()


# --------------------------------------------------------------------------- ports


def test_free_port_is_bindable_and_wait_port_times_out_on_it() -> None:
    port = servers.free_port()
    assert not servers.port_open("127.0.0.1", port)
    with pytest.raises(TimeoutError):
        servers.wait_port("127.0.0.1", port, timeout=0.2)


# --------------------------------------------------------------------------- Dovecot


def test_dovecot_append_returns_the_uid_and_fetch_returns_the_bytes(dovecot: servers.DovecotServer) -> None:
    raw = _mail("稿件：春天的故事")
    uid = dovecot.append(raw)
    assert dovecot.uids() == [uid]
    client = dovecot.client()
    client.select_folder("INBOX")
    fetched = client.fetch([uid], ["RFC822"])[uid][b"RFC822"]
    assert fetched.replace(b"\r\n", b"\n") == raw.replace(b"\r\n", b"\n")


def test_dovecot_fresh_users_have_empty_mailboxes_with_the_configured_folders(
    dovecot: servers.DovecotServer,
) -> None:
    dovecot.append(_mail("one"))
    other = dovecot.fresh_user()
    assert other.user != dovecot.user
    assert other.uids() == []
    folders = {f[2] for f in other.client().list_folders()}
    assert {"INBOX", "Processed", "Rejected"} <= folders
    assert other.client().has_capability("MOVE")


def test_dovecot_idle_reports_a_new_message(dovecot: servers.DovecotServer) -> None:
    watcher = dovecot.client()
    watcher.select_folder("INBOX")
    watcher.idle()
    started = time.monotonic()
    dovecot.append(_mail("idle"))
    responses = watcher.idle_check(timeout=5)
    watcher.idle_done()
    assert (1, b"EXISTS") in responses
    assert time.monotonic() - started < 5


def test_dovecot_restart_keeps_mail_uids_and_port(dovecot_private: servers.DovecotServer) -> None:
    uid = dovecot_private.append(_mail("keep me"), folder="Processed")
    port, validity = dovecot_private.port, dovecot_private.uidvalidity("Processed")
    dovecot_private.client()  # a logged-in client must not slow the stop down
    started = time.monotonic()
    dovecot_private.restart()
    assert time.monotonic() - started < 5
    assert dovecot_private.port == port
    assert dovecot_private.uids("Processed") == [uid]
    assert dovecot_private.uidvalidity("Processed") == validity


def test_dovecot_stop_closes_the_port(dovecot_private: servers.DovecotServer) -> None:
    dovecot_private.stop()
    assert not servers.port_open("127.0.0.1", dovecot_private.port)
    dovecot_private.start()
    assert dovecot_private.uids() == []


@pytest.mark.parametrize("folder", ["INBOX", "Processed"])
def test_dovecot_reset_uidvalidity_changes_it_and_keeps_the_messages(
    dovecot_private: servers.DovecotServer, folder: str
) -> None:
    for n in range(3):
        dovecot_private.append(_mail(f"m{n}"), folder=folder)
    client = dovecot_private.client()
    client.select_folder(folder)
    client.delete_messages([1])
    client.expunge()  # UIDs now 2, 3: after the reset Dovecot numbers them 1, 2
    old, new = dovecot_private.reset_uidvalidity(folder)
    assert new != old
    assert dovecot_private.uidvalidity(folder) == new
    assert dovecot_private.uids(folder) == [1, 2]


# --------------------------------------------------------------------------- Redis


def test_redis_url_is_a_private_empty_database(redis_url: str) -> None:
    import redis

    assert redis_url.startswith("redis://127.0.0.1:")
    client = redis.Redis.from_url(redis_url)
    try:
        assert client.ping()
        assert client.dbsize() == 0
        client.set("intake:probe", "稿件")
        assert client.get("intake:probe") == "稿件".encode()
    finally:
        client.close()


def test_redis_private_server_when_none_is_shared() -> None:
    import redis

    with servers._private_redis() as port:
        client = redis.Redis(host="127.0.0.1", port=port)
        assert client.ping()
        client.close()
    assert not servers.port_open("127.0.0.1", port)


# --------------------------------------------------------------------------- PostgreSQL


def test_postgres_url_gives_a_fresh_database_that_is_dropped_after() -> None:
    import sqlalchemy as sa

    with servers.postgres_url() as url:
        assert url.startswith("postgresql+psycopg://")
        name = sa.make_url(url).database
        engine = sa.create_engine(url)
        with engine.begin() as conn:
            conn.execute(sa.text("CREATE TABLE submission (id serial PRIMARY KEY, title text NOT NULL)"))
            conn.execute(sa.text("INSERT INTO submission (title) VALUES ('春天的故事')"))
        with engine.connect() as conn:
            assert conn.execute(sa.text("SELECT title FROM submission")).scalar_one() == "春天的故事"
        # left open on purpose: the drop must terminate it
        lingering = engine.connect()
    lingering.invalidate()
    engine.dispose()
    admin, _ = servers._admin_connect()
    try:
        exists = admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone()
    finally:
        admin.close()
    assert exists is None


# --------------------------------------------------------------------------- SMTP sink


def test_smtp_sink_receives_a_message_with_a_chinese_subject(smtp_sink: servers.SmtpSink) -> None:
    msg = EmailMessage()
    msg["From"] = "投稿 <tougao@example.test>"
    msg["To"] = "张三 <zhangsan@example.test>"
    msg["Subject"] = "稿件已收到：《春天的故事》"
    msg.set_content("您好，稿件已收到。")
    with smtplib.SMTP(smtp_sink.host, smtp_sink.port, timeout=10) as smtp:
        smtp.send_message(msg)
    (envelope,) = smtp_sink.wait_for(1, timeout=5)
    assert envelope.mail_from == "tougao@example.test"
    assert envelope.rcpt_tos == ["zhangsan@example.test"]
    received = smtp_sink.messages()[0]
    assert received["Subject"] == "稿件已收到：《春天的故事》"
    assert received.get_content().strip() == "您好，稿件已收到。"
    assert smtp_sink.url == f"smtp://127.0.0.1:{smtp_sink.port}"


@pytest.mark.parametrize("code", [451, 550])
def test_smtp_sink_fail_next_rejects_that_many_messages(smtp_sink: servers.SmtpSink, code: int) -> None:
    smtp_sink.fail_next(1, code=code)
    with smtplib.SMTP(smtp_sink.host, smtp_sink.port, timeout=10) as smtp:
        with pytest.raises(smtplib.SMTPDataError) as excinfo:
            smtp.sendmail("a@example.test", ["b@example.test"], b"Subject: 1\r\n\r\nx\r\n")
        assert excinfo.value.smtp_code == code
        smtp.sendmail("a@example.test", ["b@example.test"], b"Subject: 2\r\n\r\nx\r\n")
    assert [m["Subject"] for m in smtp_sink.messages()] == ["2"]


def test_smtp_sink_wait_for_times_out(smtp_sink: servers.SmtpSink) -> None:
    with pytest.raises(TimeoutError):
        smtp_sink.wait_for(1, timeout=0.1)


# --------------------------------------------------------------------------- Celery worker

_APP = """
import os
from celery import Celery

app = Celery("probe_app", broker=os.environ["INTAKE_BROKER_URL"], backend=os.environ["INTAKE_BROKER_URL"])

@app.task(name="probe.add")
def add(x, y):
    return x + y

@app.task(name="probe.pid")
def pid():
    return os.getpid()
"""


def test_celery_worker_runs_a_task_over_redis_and_kill9_kills_it(
    tmp_path: Path, redis_url: str, celery_worker_factory: servers.CeleryWorkerFactory
) -> None:
    from celery import Celery

    (tmp_path / "probe_app.py").write_text(textwrap.dedent(_APP))
    env = {"INTAKE_BROKER_URL": redis_url, "PYTHONPATH": str(tmp_path)}
    started = time.monotonic()
    worker = celery_worker_factory(env, app="probe_app")
    boot = time.monotonic() - started
    client = Celery("client", broker=redis_url, backend=redis_url)
    try:
        assert client.send_task("probe.add", (2, 3)).get(timeout=20) == 5
        assert client.send_task("probe.pid").get(timeout=20) == worker.pid  # solo pool: in the main process
    finally:
        client.close()
    assert " ready." in worker.log_text()
    assert boot < 30
    worker.kill9()
    assert not worker.alive()
    with pytest.raises(ProcessLookupError):
        os.kill(worker.pid, 0)
    assert worker.hostname.endswith("@" + socket.gethostname())


def test_celery_worker_that_cannot_start_fails_with_its_log(tmp_path: Path, redis_url: str) -> None:
    env = {"INTAKE_BROKER_URL": redis_url, "PYTHONPATH": str(tmp_path)}
    with (
        pytest.raises(RuntimeError, match="no_such_app"),
        servers.celery_worker(env, app="no_such_app", log_path=tmp_path / "w.log", ready_timeout=30),
    ):
        pass


def test_redis_url_takes_over_the_database_of_a_killed_run(redis_url: str) -> None:
    import redis

    if not redis_url.startswith("redis://127.0.0.1:6379/"):
        pytest.skip("only with the shared Redis on 6379")
    locks = redis.Redis(host="127.0.0.1", port=6379, db=15)
    dead_pid = 2**22 + 1  # above the default pid_max
    claimed = []
    try:
        for index in range(8, 15):
            key = f"intake-test:db-lock:{index}"
            if locks.set(key, f"{socket.gethostname()}:{dead_pid}:x", nx=True, ex=60):
                claimed.append(key)
        with servers.redis_url() as url:
            assert url.startswith("redis://127.0.0.1:6379/")
    finally:
        for key in claimed:
            if locks.get(key) == f"{socket.gethostname()}:{dead_pid}:x".encode():
                locks.delete(key)
        locks.close()
