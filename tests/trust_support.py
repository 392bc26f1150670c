"""Shared by the trust and routing tests: a runtime on SQLite or PostgreSQL, mails, and the outbox.

Not a test module. The `runtime` fixture is parametrized over both databases; `make`
builds a contributor's mail with a .txt manuscript (or none) and extra headers.
"""

from __future__ import annotations

import email
import email.policy
from collections.abc import Callable, Iterator
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest

from intake.config import load_settings
from intake.runtime import Runtime, build_runtime

OWN = "tougao@example.test"
EDITOR = "editor@example.test"
ARTICLE = "11月24日，市直机关工委举办青年干部读书分享会，六十余名青年干部参加活动。" * 6
LABELS = ("市直机关工委举办青年干部读书分享会\n供稿单位：青禾市财政局机关党委\n作者：张三 李四\n"
          "联系电话：13912345678\n")
NO_PHONE = LABELS.replace("联系电话：13912345678\n", "")

RuntimeFactory = Callable[..., Runtime]


@pytest.fixture
def runtime_factory(database_url: str, tmp_path: Path) -> Iterator[RuntimeFactory]:
    """`factory(**INTAKE_settings)` → a runtime with a file outbox on `database_url` (tests/conftest.py:
    every test runs on SQLite and on PostgreSQL)."""
    made: list[Runtime] = []

    def factory(**env: str) -> Runtime:
        settings = load_settings({
            "INTAKE_DATA_DIR": str(tmp_path / "data"), "INTAKE_DATABASE_URL": database_url,
            "INTAKE_SUBMISSION_ADDRESS": OWN, "INTAKE_REVIEWERS": EDITOR, "INTAKE_RATE_LIMIT_PER_HOUR": "0",
            "INTAKE_SECRET_KEY": "trust-routing-tests-" + "k" * 24,  # required outside the embedded mode
            **{f"INTAKE_{k.upper()}": v for k, v in env.items()},
        })
        made.append(build_runtime(settings, migrate=True))
        return made[-1]

    yield factory
    for runtime in made:
        runtime.store.dispose()


@pytest.fixture
def runtime(runtime_factory: RuntimeFactory) -> Runtime:
    return runtime_factory()


def make(sender: str = "张晓琳 <a@163.com>", manuscript: str | None = LABELS + ARTICLE,
         body: str = "编辑老师好，附件是稿件。", subject: str = "投稿：读书分享会", msgid: str = "<m1@163.com>",
         **headers: str) -> bytes:
    """A contributor's mail; `headers` use underscores for dashes (Reply_To=…)."""
    message = EmailMessage()
    message["From"] = sender
    message["To"] = OWN
    message["Subject"] = subject
    message["Message-ID"] = msgid
    message["Date"] = "Thu, 26 Nov 2026 10:00:00 +0800"
    for name, value in headers.items():
        message[name.replace("_", "-")] = value
    message.set_content(body)
    if manuscript is not None:
        message.add_attachment(manuscript.encode("utf-8"), maintype="text", subtype="plain", filename="稿件.txt")
    return message.as_bytes()


def ingest(runtime: Runtime, raw: bytes) -> dict[str, Any]:
    message_id, _ = runtime.store.record_message(raw, "test")
    return runtime.ingest(message_id)


def outbox(runtime: Runtime) -> list[EmailMessage]:
    folder = runtime.settings.data_dir / "outbox"
    files = sorted(folder.glob("*.eml"), key=lambda p: int(p.name.split("-")[0])) if folder.exists() else []
    return [email.message_from_bytes(p.read_bytes(), policy=email.policy.default)  # type: ignore[misc]
            for p in files]


def text_of(mail: EmailMessage) -> str:
    return str(mail.get_body(("plain",)).get_content())  # type: ignore[union-attr]


def kinds(result: dict[str, Any]) -> list[tuple[str, list[str]]]:
    return [(n["kind"], n["to"]) for n in result["notifications"]]
