"""The monthly 通报 table by mail, on SQLite and PostgreSQL, delivered to a real SMTP server (aiosmtpd).

The poller's evaluation mails last month's table once (an event records it, so a restarted poller
does not mail it again); a refused delivery is tried again on the next evaluation; the command
`intake stats --mail` sends it on demand. The attachments are read back with the csv module and
openpyxl and must hold the same figures as `intake stats --json`.
"""

from __future__ import annotations

import csv
import io
from datetime import datetime, timedelta
from email.message import EmailMessage
from pathlib import Path

import openpyxl  # type: ignore[import-untyped]
import pytest

from intake import report
from intake.operations import Operations
from intake.runtime import Runtime
from tests.servers import SmtpSink
from tests.trust_support import ARTICLE, RuntimeFactory, ingest, make, runtime_factory

__all__ = ["runtime_factory"]  # the fixture, used by name

OPS = "ops@example.test"
CHIEF = "chief@example.test"


@pytest.fixture
def runtime(runtime_factory: RuntimeFactory, smtp_sink: SmtpSink) -> Runtime:
    runtime = runtime_factory(smtp_url=smtp_sink.url, ops_address=OPS, stats_recipients=f"ops,{CHIEF}")
    for i, unit in enumerate(("青禾市财政局", "青禾市财政局", "青禾市教育局")):
        result = ingest(runtime, make(msgid=f"<r{i}@163.com>", sender=f"<c{i}@163.com>", manuscript=(
            f"第{i}篇稿件\n供稿单位：{unit}\n作者：王五\n联系电话：13912345678\n" + ARTICLE + f"第{i}段" * 30)))
        assert result["outcome"] == "accepted"
    return runtime


def next_month_start(runtime: Runtime) -> datetime:
    now = datetime.now(runtime.settings.tz)
    return (now.replace(day=28) + timedelta(days=5)).replace(day=1, hour=8)


def reports(sink: SmtpSink) -> list[tuple[list[str], EmailMessage]]:
    return [(list(env.rcpt_tos), env.message) for env in sink.envelopes
            if str(env.message["Subject"]).endswith("投稿统计")]


def test_the_poller_mails_last_months_table_once_with_csv_and_xlsx(runtime: Runtime, smtp_sink: SmtpSink) -> None:
    when = next_month_start(runtime)
    label = report.monthly(runtime, when)
    this_month = datetime.now(runtime.settings.tz).strftime("%Y-%m")
    assert label == this_month
    assert report.monthly(runtime, when) is None
    assert report.monthly(runtime, when + timedelta(days=9)) is None  # later that month: still once
    found = reports(smtp_sink)
    assert len(found) == 1
    rcpts, mail = found[0]
    assert sorted(rcpts) == sorted([OPS, CHIEF])
    parts = {p.get_filename(): p.get_payload(decode=True) for p in mail.iter_attachments()}
    csv_bytes, xlsx_bytes = parts[f"stats-{label}.csv"], parts[f"stats-{label}.xlsx"]
    assert isinstance(csv_bytes, bytes) and isinstance(xlsx_bytes, bytes) and csv_bytes.startswith(b"\xef\xbb\xbf")
    csv_part = next(p for p in mail.iter_attachments() if p.get_filename() == f"stats-{label}.csv")
    assert csv_part.get_content().lstrip("\ufeff").startswith("来源单位")  # what a mail client shows
    rows = list(csv.reader(io.StringIO(csv_bytes.decode("utf-8-sig"))))
    assert rows[0][:4] == ["来源单位", "报送", "受理", "采用"]
    assert rows[1][:3] == ["青禾市财政局", "2", "2"] and rows[2][:3] == ["青禾市教育局", "1", "1"]
    assert rows[3][:3] == ["合计", "3", "3"]
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx_bytes)).active
    assert [sheet.cell(r, 1).value for r in (3, 4, 5)] == ["青禾市财政局", "青禾市教育局", "合计"]
    assert [sheet.cell(r, 2).value for r in (3, 4, 5)] == [2, 1, 3]
    html = mail.get_body(("html",)).get_content()  # type: ignore[union-attr]
    assert "<td>青禾市教育局</td>" in html


def test_a_refused_delivery_is_tried_again_and_a_restart_does_not_repeat(runtime: Runtime, smtp_sink: SmtpSink) -> None:
    smtp_sink.fail_next(1, code=451)
    with pytest.raises(Exception):  # noqa: B017 - the transport's own error type is not the point
        report.monthly(runtime, next_month_start(runtime))
    assert reports(smtp_sink) == []
    assert report.mailed_months(runtime.store) == set()
    ops = Operations(runtime)  # a (restarted) poller's evaluation: last month by the real clock
    ops.next_alarm = 0
    ops.tick()
    now = datetime.now(runtime.settings.tz)
    year, month = report.previous_month(now)
    assert report.mailed_months(runtime.store) == {f"{year}-{month:02d}"}
    assert len(reports(smtp_sink)) == 1
    again = Operations(runtime)
    again.next_alarm = 0
    again.tick()
    assert len(reports(smtp_sink)) == 1


def test_the_command_mails_any_month_on_demand(runtime: Runtime, smtp_sink: SmtpSink, tmp_path: Path) -> None:
    import subprocess
    import sys

    settings = runtime.settings
    env = {"PATH": "/usr/bin:/bin", "INTAKE_DATA_DIR": str(settings.data_dir),
           "INTAKE_DATABASE_URL": settings.database_url, "INTAKE_SUBMISSION_ADDRESS": settings.submission_address,
           "INTAKE_SMTP_URL": smtp_sink.url, "INTAKE_SECRET_KEY": "trust-routing-tests-" + "k" * 24,
           "INTAKE_LANGUAGE": "zh-CN"}
    month = datetime.now(settings.tz).strftime("%Y-%m")
    done = subprocess.run([sys.executable, "-m", "intake.cli", "stats", "--month", month, "--mail", "--to",
                           "a@example.test,B@example.test"], env=env, capture_output=True, text=True, timeout=120,
                          check=False, cwd=Path(__file__).resolve().parents[1])
    assert done.returncode == 0, done.stderr
    assert "已发送给 a@example.test, b@example.test" in done.stderr
    assert sorted(reports(smtp_sink)[0][0]) == ["a@example.test", "b@example.test"]
    nobody = subprocess.run([sys.executable, "-m", "intake.cli", "stats", "--month", month, "--mail"], env=env,
                            capture_output=True, text=True, timeout=120, check=False,
                            cwd=Path(__file__).resolve().parents[1])
    assert nobody.returncode == 2 and "INTAKE_STATS_RECIPIENTS" in nobody.stderr
