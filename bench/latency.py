#!/usr/bin/env python3
"""Benchmark: APPEND to the mailbox → acknowledgement received by the SMTP server.

Runs the real system (private Dovecot, Redis, `intake poll`, a Celery worker process,
an aiosmtpd sink; SQLite by default, `--db postgresql` for PostgreSQL) and, in the same
run, the floor: a bare client that IDLEs, FETCHes, parses with mail-parser and sends one
mail with smtplib. Prints median and p95 of both, and the pipeline's overhead.

    .venv/bin/python bench/latency.py [--mails 50] [--db sqlite|postgresql]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import secrets
import signal
import smtplib
import statistics
import subprocess
import sys
import tempfile
import time
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from pathlib import Path
from typing import Any

import mailparser
from docx import Document

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))

import servers  # noqa: E402  (tests/servers.py: the same servers the integration tests use)

PHRASES = ["机关党员", "志愿服务", "社区", "理论学习", "节能降碳", "乡村振兴", "便民服务", "主题党日", "调研", "座谈会",
           "青年干部", "廉政教育", "读书分享", "网格化", "文明创建", "应急演练", "档案整理", "政务公开"]


def manuscript(i: int) -> bytes:
    """A unique .docx article with the required metadata (so each mail is accepted, never a duplicate)."""
    doc = Document()
    doc.add_heading(f"青禾市第{i}批机关党员走进社区开展志愿服务", level=1)
    doc.add_paragraph("来源：青禾市机关事务管理局")
    doc.add_paragraph(f"作者：张晓岚　李明{i % 10}")
    doc.add_paragraph("联系电话：13800138000")
    for n in range(6):
        words = "、".join(PHRASES[(i * 7 + n * 3 + k) % len(PHRASES)] for k in range(5))
        doc.add_paragraph(f"第{i}次活动第{n + 1}段：围绕{words}等内容，党员干部深入一线，{i * 31 + n}户居民受益。")
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def submission(i: int, to: str) -> tuple[str, bytes]:
    msg = EmailMessage()
    msg["From"] = f"contributor{i}@163.com"
    msg["To"] = to
    msg["Subject"] = f"青禾市机关事务管理局+第{i}批志愿服务"
    msg["Date"] = formatdate(localtime=True)
    msg["Message-ID"] = msgid = make_msgid(f"bench{i}", "163.com")
    msg.set_content("您好，投稿一篇，请审阅。")
    msg.add_attachment(manuscript(i), maintype="application",
                       subtype="vnd.openxmlformats-officedocument.wordprocessingml.document",
                       filename=f"第{i}批志愿服务.docx")
    return msgid, msg.as_bytes()


def wait_reply(sink: servers.SmtpSink, msgid: str, timeout: float = 30.0) -> float:
    """When the mail to the contributor answering `msgid` arrived (the review request is not counted)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for env in sink.envelopes:
            to_contributor = any(r.startswith("contributor") for r in env.rcpt_tos)
            if to_contributor and b"In-Reply-To: " + msgid.encode() in env.content:
                return env.received_at
        time.sleep(0.002)
    raise TimeoutError(f"no reply to {msgid}")


def floor_once(dove: servers.DovecotServer, appender: Any, sink: servers.SmtpSink, raw: bytes, msgid: str) -> float:
    """IDLE notification + FETCH + bare mail-parser parse + one smtplib send: what no pipeline can beat."""
    watcher = dove.client()
    watcher.select_folder("INBOX")
    watcher.idle()
    start = time.monotonic()
    appender.append("INBOX", raw)
    while not any(r[1:2] == (b"EXISTS",) for r in watcher.idle_check(timeout=5)):
        pass
    watcher.idle_done()
    uid = max(watcher.search(["ALL"]))
    body = watcher.fetch([uid], ["BODY.PEEK[]"])[uid][b"BODY[]"]
    parsed = mailparser.parse_from_bytes(body)
    reply = EmailMessage()
    reply["From"], reply["To"], reply["Subject"] = "tougao@example.test", parsed.from_[0][1], "收到"
    reply["In-Reply-To"] = msgid
    reply.set_content(f"收到：{parsed.subject}")
    with smtplib.SMTP(sink.host, sink.port) as smtp:
        smtp.send_message(reply)
    watcher.delete_messages([uid])
    watcher.expunge()
    watcher.logout()
    return wait_reply(sink, msgid) - start


def summary(name: str, values: list[float]) -> str:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return f"{name:<28} median {statistics.median(values) * 1000:7.1f} ms   p95 {p95 * 1000:7.1f} ms   n={len(values)}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--mails", type=int, default=50)
    parser.add_argument("--db", choices=["sqlite", "postgresql"], default="sqlite")
    args = parser.parse_args()
    with contextlib.ExitStack() as stack:
        dove = stack.enter_context(servers.dovecot_server())
        redis_url = stack.enter_context(servers.redis_url())
        sink = stack.enter_context(servers.smtp_sink())
        data = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="intake-bench-")))
        db = stack.enter_context(servers.postgres_url()) if args.db == "postgresql" \
            else f"sqlite:///{data / 'intake.sqlite3'}"
        env = {**os.environ, "INTAKE_DATA_DIR": str(data), "INTAKE_DATABASE_URL": db, "INTAKE_BROKER_URL": redis_url,
               "INTAKE_MAILBOX_URL": dove.url("INBOX"), "INTAKE_SMTP_URL": sink.url,
               "INTAKE_SUBMISSION_ADDRESS": "tougao@example.test", "INTAKE_REVIEWERS": "editor@example.test",
               "INTAKE_RATE_LIMIT_PER_HOUR": "0", "INTAKE_SECRET_KEY": secrets.token_urlsafe(32),
               "PYTHONPATH": str(REPO)}
        subprocess.run([sys.executable, "-m", "intake.cli", "db", "upgrade"], env=env, check=True,
                       capture_output=True)
        worker = stack.enter_context(servers.celery_worker(env, "workers.app", name="bench",
                                                           log_path=data / "worker.log"))
        poller = subprocess.Popen([sys.executable, "-m", "intake.cli", "poll"], env=env, cwd=REPO,
                                  stdout=subprocess.DEVNULL, stderr=(data / "poller.log").open("wb"))
        stack.callback(lambda: (poller.send_signal(signal.SIGTERM), poller.wait(20)))
        mails = [submission(i, "tougao@example.test") for i in range(args.mails + 3)]
        floor_mails = [submission(10_000 + i, "tougao@example.test") for i in range(args.mails)]
        floor_box = dove.fresh_user()
        # APPEND over connections opened beforehand: the connect and LOGIN are not part of the latency
        appender, floor_appender = dove.client(), floor_box.client()

        warm = mails[:3]  # worker and poller warm-up, not measured
        for msgid, raw in warm:
            appender.append("INBOX", raw)
            wait_reply(sink, msgid)
        pipeline: list[float] = []
        floor: list[float] = []
        for (msgid, raw), (fid, fraw) in zip(mails[3:], floor_mails, strict=True):
            start = time.monotonic()
            appender.append("INBOX", raw)
            pipeline.append(wait_reply(sink, msgid) - start)
            time.sleep(0.2)  # let the review request go out before the next mail
            floor.append(floor_once(floor_box, floor_appender, sink, fraw, fid))
        print(f"APPEND → acknowledgement in the SMTP sink ({args.db}, Redis, 1 Celery worker, solo pool)")
        print(summary("full pipeline", pipeline))
        print(summary("floor (IDLE+FETCH+parse+send)", floor))
        overhead = [p - f for p, f in zip(pipeline, floor, strict=True)]
        print(f"{'pipeline overhead':<28} median {statistics.median(overhead) * 1000:7.1f} ms   "
              f"ratio of medians {statistics.median(pipeline) / statistics.median(floor):.2f}")
        _ = worker
    return 0


if __name__ == "__main__":
    sys.exit(main())
