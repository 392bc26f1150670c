"""Two worker hosts and a poller host, sharing only PostgreSQL and Redis, drain a backlog: everyone answered once.

Each "host" is a network namespace of its own (tests/netns.py: a bridge, veth pairs) with its own
empty INTAKE_DATA_DIR; `INTAKE_BLOB_URL=database:` keeps raw mails, attachments and notices in
PostgreSQL and `INTAKE_SECRET_KEY` is the same everywhere. PostgreSQL, Redis, Dovecot and the SMTP
sink stay on 127.0.0.1 of the root namespace, which the namespaces cannot reach; forwarders on the
bridge address are the only way to them, and they record which host connected.

Needs root (ip netns); skipped with the reason otherwise.
"""

from __future__ import annotations

import os
import random
import re
import sys
import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from email.message import EmailMessage
from email.parser import BytesHeaderParser
from email.policy import default as default_policy
from email.utils import formatdate
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from tests import netns, servers
from tests.chaos.mails import ACKNOWLEDGEMENT, REVIEW_REQUEST, generated_article, kind_of_subject
from tests.integration.deployment import INTAKE, REPO, Deployment, deployment

pytestmark = pytest.mark.integration

MAILS = 40
WORKER_HOSTS = ("worker-a", "worker-b")
REVIEWERS = ("editor@example.test", "chief@example.test")
SUBMISSION_ADDRESS = "tougao@example.test"
DEADLINE = 120.0
_HEADERS = BytesHeaderParser(policy=default_policy)
_INGESTED = re.compile(r"Task intake\.ingest\[[^]]+\] succeeded in .*?'message_id': '(<[^']+>)'")


@dataclass(frozen=True)
class Mail:
    contributor: str
    message_id: str
    raw: bytes


def backlog(count: int, seed: int = 7) -> list[Mail]:
    """``count`` complete submissions (a unique .docx article each), each from its own contributor."""
    rng = random.Random(seed)
    mails = []
    for i in range(count):
        contributor = f"multihost-{i:03d}@contributors.example"
        message_id = f"<multihost-{seed}-{i:03d}-{rng.getrandbits(32):08x}@contributors.example>"
        subject, filename, docx = generated_article(rng, i)
        msg = EmailMessage()
        msg["From"] = contributor
        msg["To"] = SUBMISSION_ADDRESS
        msg["Subject"] = subject
        msg["Date"] = formatdate(localtime=True)
        msg["Message-ID"] = message_id
        msg.set_content("您好，投稿一篇，请审阅。")
        msg.add_attachment(docx, maintype="application", filename=filename,
                           subtype="vnd.openxmlformats-officedocument.wordprocessingml.document")
        mails.append(Mail(contributor, message_id, msg.as_bytes()))
    return mails


@pytest.fixture
def hosts() -> Iterator[netns.Network]:
    reason = netns.unavailable_reason()
    if reason is not None:
        pytest.skip(reason)
    with netns.network([*WORKER_HOSTS, "poller"]) as net:
        yield net


def _via(url: str, forwarder: netns.Forwarder) -> str:
    """``url`` with its host:port replaced by the forwarder's (user, password, path and query kept)."""
    parts = urlsplit(url)
    auth = parts.netloc.rpartition("@")[0]
    netloc = f"{auth}@{forwarder.host}:{forwarder.port}" if auth else f"{forwarder.host}:{forwarder.port}"
    return urlunsplit(parts._replace(netloc=netloc))


class Answers:
    """What the sink got, per contributor (answer kinds) and per (original Message-ID, reviewer)."""

    def __init__(self, sink: servers.SmtpSink, mails: list[Mail]) -> None:
        self.sink, self.mails = sink, mails
        self.contributors = {m.contributor for m in mails}
        self.to_contributor: dict[str, list[str]] = defaultdict(list)
        self.reviews: dict[tuple[str, str], int] = defaultdict(int)
        self.stray: list[str] = []
        self._seen = 0

    def read(self) -> None:
        envelopes = self.sink.envelopes
        for env in envelopes[self._seen:]:
            head = _HEADERS.parsebytes(env.content)
            kind = kind_of_subject(str(head.get("Subject", "")))
            for rcpt in (r.lower() for r in env.rcpt_tos):
                if rcpt in REVIEWERS and kind == REVIEW_REQUEST:
                    self.reviews[(str(head.get("In-Reply-To", "")).strip(), rcpt)] += 1
                elif rcpt in self.contributors:
                    self.to_contributor[rcpt].append(kind)
                else:
                    self.stray.append(f"{kind} to {rcpt}")
        self._seen = len(envelopes)

    def complete(self) -> bool:
        return all(self.to_contributor.get(m.contributor) for m in self.mails) and all(
            self.reviews.get((m.message_id, r)) for m in self.mails for r in REVIEWERS)


def test_two_worker_hosts_in_their_own_namespaces_answer_every_contributor_once(
    hosts: netns.Network, postgres_url: str, redis_url: str, dovecot: Any, smtp_sink: servers.SmtpSink,
    tmp_path: Path, test_artifacts: Path,
) -> None:
    mails = backlog(MAILS)
    for mail in mails:  # the backlog: all of it in the INBOX before the poller starts
        dovecot.append(mail.raw)
    pg, redis = make_url(postgres_url), urlsplit(redis_url)
    assert pg.host and redis.hostname and redis.port
    targets = {"postgresql": (pg.host, pg.port or 5432), "redis": (redis.hostname, redis.port),
               "imap": (dovecot.host, dovecot.port), "smtp": (smtp_sink.host, smtp_sink.port)}
    with ExitStack() as stack:
        fwd = stack.enter_context(netns.forwarders(hosts.gateway, targets))
        for host in hosts.hosts.values():  # over the veth; 127.0.0.1:5432 of the root namespace unreachable
            netns.check_reach(host, sys.executable, (hosts.gateway, fwd["postgresql"].port), pg.port or 5432)
        database_url = pg.set(host=hosts.gateway, port=fwd["postgresql"].port).render_as_string(hide_password=False)
        dep: Deployment = stack.enter_context(deployment(  # runs `intake db upgrade` once, here
            database_url=database_url, broker_url=_via(redis_url, fwd["redis"]),
            mailbox_url=_via(dovecot.url("INBOX"), fwd["imap"]), smtp_url=_via(smtp_sink.url, fwd["smtp"]),
            data_dir=tmp_path / "migrate", logs=test_artifacts, start_worker=_no_worker,
            submission_address=SUBMISSION_ADDRESS, reviewers=",".join(REVIEWERS), blob_url="database:"))
        data_dirs = {label: tmp_path / label for label in hosts.hosts}
        for d in data_dirs.values():
            d.mkdir()

        def env(label: str) -> dict[str, str]:
            return {**os.environ, **dep.env, "INTAKE_DATA_DIR": str(data_dirs[label])}

        workers = {}
        for label in WORKER_HOSTS:
            log = test_artifacts / f"{label}.log"
            proc = hosts.hosts[label].popen(
                [*INTAKE, "worker", "--", "--pool=prefork", "--concurrency=2", "-n", f"{label}@%h"],
                env(label), log, REPO)
            workers[label] = servers.CeleryWorker(proc, label, log)
            stack.callback(workers[label].stop)
        for worker in workers.values():
            worker.wait_ready(60)
        dep.pollers.append(hosts.hosts["poller"].popen([*INTAKE, "-v", "poll"], env("poller"),
                                                       test_artifacts / "poller.log", REPO))
        stack.callback(dep.stop_pollers)  # before the workers stop

        answers = Answers(smtp_sink, mails)
        started = time.monotonic()
        while True:
            answers.read()
            if answers.complete() and not dovecot.uids("INBOX"):
                break
            dead = [w.name for w in workers.values() if not w.alive()] + \
                ["poller" for p in dep.pollers if p.poll() is not None]
            assert not dead, f"{dead} exited early; logs in {test_artifacts}"
            assert time.monotonic() - started < DEADLINE, (
                f"after {DEADLINE} s: {sum(1 for m in mails if answers.to_contributor.get(m.contributor))} of "
                f"{MAILS} contributors answered, {sum(answers.reviews.values())} of {MAILS * len(REVIEWERS)} "
                f"review requests; logs in {test_artifacts}")
            time.sleep(0.5)
        drained = time.monotonic() - started
        time.sleep(3.0)  # room for late duplicates
        answers.read()
        dep.stop_pollers()
        for worker in workers.values():
            worker.stop()

        unanswered = [m.contributor for m in mails if not answers.to_contributor.get(m.contributor)]
        twice = {c: k for c, k in answers.to_contributor.items() if len(k) > 1}
        assert unanswered == [] and twice == {}
        assert {k for kinds in answers.to_contributor.values() for k in kinds} == {ACKNOWLEDGEMENT}
        assert {key: n for key, n in answers.reviews.items() if n != 1} == {}
        assert len(answers.reviews) == MAILS * len(REVIEWERS) and answers.stray == []
        assert len(smtp_sink.envelopes) == MAILS * (1 + len(REVIEWERS))

        # Both worker hosts did part of the work, and each mail was ingested on one of them.
        ingested = {label: set(_INGESTED.findall(w.log_text())) for label, w in workers.items()}
        assert all(ingested.values()), {label: len(ids) for label, ids in ingested.items()}
        assert set.union(*ingested.values()) == {m.message_id for m in mails}
        # ...and each reached the servers over its own veth: by its address at the forwarders.
        address = {label: host.address for label, host in hosts.hosts.items()}
        for label in WORKER_HOSTS:
            for service in ("postgresql", "redis", "smtp"):
                assert fwd[service].peers[address[label]] > 0, (label, service, dict(fwd[service].peers))
        for service in ("postgresql", "redis", "imap"):
            assert fwd[service].peers[address["poller"]] > 0, ("poller", service, dict(fwd[service].peers))

        with dep.store.session() as s:
            from intake.tables import Blob, Message, Notice, Submission

            assert {m.status for m in s.scalars(select(Message))} == {"processed"}
            assert s.scalar(select(func.count()).select_from(Submission)) == MAILS
            assert [n.status for n in s.scalars(select(Notice))] == ["sent"] * MAILS * (1 + len(REVIEWERS))
            blobs = s.scalar(select(func.count()).select_from(Blob)) or 0
            assert blobs >= MAILS  # the raw mails, in PostgreSQL
        assert len(dovecot.uids("Processed")) == MAILS

        # No host kept a blob on its own disk.
        listing = {label: sorted(str(p.relative_to(d)) for p in d.rglob("*")) for label, d in data_dirs.items()}
        (test_artifacts / "data-dirs.txt").write_text(
            f"drained in {drained:.1f} s; ingested per host: { {k: len(v) for k, v in ingested.items()} }\n"
            + "".join(f"{label}: {files}\n" for label, files in listing.items()))
        assert {label: [f for f in files if f.startswith("raw")] for label, files in listing.items()} == \
            {label: [] for label in data_dirs}


def _no_worker(*_args: Any, **_kwargs: Any) -> None:
    raise AssertionError("workers run in their namespaces here, not through Deployment.worker()")
