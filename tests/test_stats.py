"""`intake stats`: the monthly 通报 table per source unit, on SQLite and PostgreSQL.

The database is seeded by really ingesting mails (units written several ways, one without a unit,
rejected mails), two submissions are decided by real reviewer replies, and the rest get the statuses and
the Event rows the decision code writes; then every time is moved to a chosen one. Every expected
figure below is worked out by hand (office time Asia/Shanghai, UTC+8):

  #   unit as written            registered (UTC)         first decision            later
  S1  青禾市财政局               12-01 02:00              approved 12-02 02:00  1.0 d (real reply)
  S2  青禾市 财政局 (space)      12-03 00:00              returned 12-06 00:00  3.0 d (real reply), approved 12-08
  S3  市财政局 (alias)           11-30 17:00 = 12-01 01:00 Shanghai: December; pending review
  S10 青禾市　财政局 (U+3000)    12-05 00:00              approved 12-09 12:00  4.5 d
  S4  青禾市民政局（办公室）机关党委  12-10 00:00              approved 12-12 00:00  2.0 d
  S5  青禾市民政局(办公室)机关党委    12-11 00:00              returned 12-16 00:00  5.0 d
  S6  青禾市教育局               12-20 00:00              held (secrecy), no decision
  S11 青禾市教育局               12-21 00:00              approved 12-21 12:00  0.5 d
  S7  (no unit: incomplete)      12-15 00:00              never reached review
  S8  青禾市教育局               12-31 16:30 = 01-01 00:30 Shanghai: January, not counted
  S9  青禾市财政局               11-30 15:30 = 11-30 23:30 Shanghai: November (approved in December), not counted
  R1, R2 rejected mails 12-05 and 11-30 17:30 (December in Shanghai); R3 12-31 17:00 (January)

  青禾市财政局            4 submitted, 4 accepted, 3 adopted, 75.0 %, median(1.0, 3.0, 4.5) = 3.0
  青禾市教育局            2, 2, 1, 50.0 %, median(0.5) = 0.5
  青禾市民政局（办公室）机关党委  2, 2, 1, 50.0 %, median(2.0, 5.0) = 3.5   (ties on 2: sorted by unit, 教 < 民)
  （未注明单位）          1, 0, 0, 0.0 %, —
  合计                    9, 8, 5, 55.6 % (5/9), median(0.5, 1.0, 2.0, 3.0, 4.5, 5.0) = 2.5
  另有 2 封邮件被退回
"""

from __future__ import annotations

import csv
import io
import json
import os
import random
import subprocess
import sys
from datetime import UTC, datetime
from email.message import EmailMessage
from pathlib import Path

import pytest
from openpyxl import load_workbook  # type: ignore[import-untyped]
from sqlalchemy import select

from intake import stats
from intake.clock import zone
from intake.runtime import Runtime
from intake.tables import Event, Message, Submission
from tests.trust_support import EDITOR, RuntimeFactory, ingest, make, outbox, runtime_factory

__all__ = ["runtime_factory"]  # fixtures

REPO = Path(__file__).resolve().parents[1]
HANZI = "党建工作会议学习贯彻精神组织开展主题教育活动干部群众基层服务推进落实发展改革创新安全生产民生保障社区街道志愿"


def at(month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=UTC)


def article(n: int) -> str:
    """A manuscript text of its own (no two are near-duplicates)."""
    rng = random.Random(n)
    return "".join("".join(rng.choice(HANZI) for _ in range(24)) + "。" for _ in range(12))


def manuscript(n: int, unit: str | None) -> str:
    unit_line = f"供稿单位：{unit}\n" if unit is not None else ""
    return f"第{n}期基层党建工作简报\n{unit_line}作者：张三\n联系电话：13912345678\n{article(n)}"


def submit(rt: Runtime, n: int, unit: str | None) -> str:
    result = ingest(rt, make(sender=f"通讯员{n} <writer{n}@163.com>", manuscript=manuscript(n, unit),
                             subject=f"投稿：简报第{n}期", msgid=f"<s{n}@163.com>"))
    assert result["outcome"] == ("accepted" if unit is not None else "incomplete"), result
    return str(result["tracking_id"])


def review_request(rt: Runtime, tracking_id: str) -> EmailMessage:
    return next(m for m in reversed(outbox(rt)) if m["To"] == EDITOR and tracking_id in str(m["Subject"]))


def decide(rt: Runtime, review: EmailMessage, first_line: str, n: int) -> None:
    """The reviewer's reply, as tests/test_review_decisions.py sends it."""
    answer = EmailMessage()
    answer["From"], answer["To"] = EDITOR, str(review["Reply-To"] or review["From"])
    answer["Subject"] = "回复：" + str(review["Subject"])
    answer["Message-ID"] = f"<decision-{n}@example.test>"
    answer["In-Reply-To"] = answer["References"] = str(review["Message-ID"])
    answer.set_content(f"{first_line}\n\n在 2026-12-01 10:00:00，投稿邮箱 写道：\n> 各位编辑：\n")
    result = ingest(rt, answer.as_bytes())
    assert (result["outcome"], result["reason"]) == ("ignored", "review_decision"), result


def place(rt: Runtime, tracking_id: str, registered: datetime, decisions: list[datetime] | None = None,
          add: list[tuple[str, datetime]] | None = None, status: str | None = None) -> None:
    """Move a submission to `registered` (its row and the event its registration wrote), re-time its real
    decisions (in order) and add the Event rows the decision code writes for seeded ones."""
    with rt.store.session() as s:
        sub = s.scalars(select(Submission).where(Submission.tracking_id == tracking_id)).one()
        sub.created_at = registered
        s.get_one(Message, sub.first_message_id).received_at = registered
        events = list(s.scalars(select(Event).where(Event.submission_id == sub.id,
                                                    Event.kind.like("submission.%")).order_by(Event.id)))
        assert events[0].kind in ("submission.pending_review", "submission.incomplete")
        events[0].created_at = registered
        real = events[1:]
        assert [e.actor for e in real] == [EDITOR] * len(real)  # what the decision path writes
        assert len(real) == len(decisions or [])
        for event, when in zip(real, decisions or [], strict=True):
            event.created_at = when
        if status == "held":  # registered as held (secrecy markers), not pending review
            events[0].kind = "submission.held"
        for kind, when in add or []:
            s.add(Event(submission_id=sub.id, message_id=sub.first_message_id, kind=f"submission.{kind}",
                        actor=EDITOR, detail={"comment": ""}, created_at=when))
        if status or add:
            sub.status = status or (add or [])[-1][0]


def reject(rt: Runtime, n: int, received: datetime) -> None:
    result = ingest(rt, make(sender=f"stranger{n}@qq.com", manuscript=None, body="请查收", msgid=f"<r{n}@qq.com>"))
    assert result["outcome"] == "rejected" and result["tracking_id"] is None, result
    with rt.store.session() as s:
        s.scalars(select(Message).where(Message.message_id_header == f"<r{n}@qq.com>")).one().received_at = received


@pytest.fixture
def seeded(runtime_factory: RuntimeFactory, tmp_path: Path) -> Runtime:
    config = tmp_path / "intake.toml"
    config.write_text('[stats.aliases]\n"市财政局" = "青禾市财政局"\n', encoding="utf-8")
    rt = runtime_factory(config=str(config))
    units = {1: "青禾市财政局", 2: "青禾市 财政局", 3: "市财政局", 10: "青禾市　财政局",
             4: "青禾市民政局（办公室）机关党委", 5: "青禾市民政局(办公室)机关党委", 6: "青禾市教育局",
             11: "青禾市教育局", 7: None, 8: "青禾市教育局", 9: "青禾市财政局"}
    ids = {n: submit(rt, n, unit) for n, unit in units.items()}
    with rt.store.session() as s:  # the units arrive written differently: normalisation has work to do
        stored = {tid: unit for tid, unit in s.execute(select(Submission.tracking_id, Submission.source_unit))}
    # (extraction already turns U+3000 into a plain space; clean_unit handles both: test_units_are_normalised…)
    assert {stored[ids[n]] for n in (1, 2, 3, 10)} == {"青禾市财政局", "青禾市 财政局", "市财政局"}, stored
    assert stored[ids[5]] == "青禾市民政局(办公室)机关党委" and stored[ids[7]] is None

    # Real decisions: S1 approved; S2 returned, then approved.
    decide(rt, review_request(rt, ids[1]), "通过", 1)
    review2 = review_request(rt, ids[2])
    decide(rt, review2, "退回：请补充图片说明", 2)
    decide(rt, review2, "通过", 3)

    place(rt, ids[1], at(12, 1, 2), decisions=[at(12, 2, 2)])
    place(rt, ids[2], at(12, 3), decisions=[at(12, 6), at(12, 8)])
    place(rt, ids[3], at(11, 30, 17))
    place(rt, ids[10], at(12, 5), add=[("approved", at(12, 9, 12))])
    place(rt, ids[4], at(12, 10), add=[("approved", at(12, 12))])
    place(rt, ids[5], at(12, 11), add=[("returned", at(12, 16))])
    place(rt, ids[6], at(12, 20), status="held")
    place(rt, ids[11], at(12, 21), add=[("approved", at(12, 21, 12))])
    place(rt, ids[7], at(12, 15))
    place(rt, ids[8], at(12, 31, 16, 30), add=[("approved", at(12, 31, 20))])
    place(rt, ids[9], at(11, 30, 15, 30), add=[("approved", at(12, 2))])
    reject(rt, 1, at(12, 5))
    reject(rt, 2, at(11, 30, 17, 30))
    reject(rt, 3, at(12, 31, 17))
    return rt


EXPECTED = [  # unit, submitted, accepted, adopted, rate, median days
    ["青禾市财政局", "4", "4", "3", "75.0%", "3.0"],
    ["青禾市教育局", "2", "2", "1", "50.0%", "0.5"],
    ["青禾市民政局（办公室）机关党委", "2", "2", "1", "50.0%", "3.5"],
    ["（未注明单位）", "1", "0", "0", "0.0%", "—"],
    ["合计", "9", "8", "5", "55.6%", "2.5"],
]
HEADER = ["来源单位", "报送", "受理", "采用", "采用率", "平均审稿周期（天）"]
FOOTER = "另有 2 封邮件被退回（无稿件/格式不符等）"


def report_of(rt: Runtime, month: int = 12, tz: str = "Asia/Shanghai") -> stats.Report:
    """The report as `intake stats` makes it, the aliases read from the runtime's TOML (INTAKE_CONFIG)."""
    aliases = stats.configured_aliases(rt.settings.extra)
    assert aliases == {"市财政局": "青禾市财政局"}
    return stats.collect(rt.store, zone(tz), 2026, month, aliases)


def test_the_month_per_unit(seeded: Runtime, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("INTAKE_LANGUAGE", raising=False)
    report = report_of(seeded)
    assert stats.cells(report) == EXPECTED
    assert report.rejected_mails == 2
    table = stats.render_table(report)
    lines = table.splitlines()
    assert lines[0] == "2026年12月 投稿统计" and lines[-1] == FOOTER
    assert lines[1].split() == HEADER
    assert [line.split() for line in lines if line.split()[0] in {r[0] for r in EXPECTED}] == EXPECTED
    body = [line for line in lines[1:-1] if not line.startswith("-")]
    assert len({stats.width(line) for line in body}) == 1  # aligned: every line as wide on a terminal
    assert stats.to_json(report, "Asia/Shanghai")["totals"] == {
        "unit": None, "submitted": 9, "accepted": 8, "adopted": 5, "adoption_rate_percent": 55.6,
        "median_review_days": 2.5}

    monkeypatch.setenv("INTAKE_LANGUAGE", "en")
    english = stats.render_table(report).splitlines()
    assert english[0] == "Submissions, 2026-12" and english[1].split()[:2] == ["Unit", "Submitted"]
    assert "(no unit given)" in stats.render_table(report) and english[-1].startswith("Also 2 mails")


def test_the_month_is_the_offices(seeded: Runtime) -> None:
    """In UTC, S3 (11-30 17:00) and R2 are November's, S8 (12-31 16:30) and R3 December's."""
    utc = report_of(seeded, tz="UTC")
    assert [(r.unit, r.submitted, r.accepted, r.adopted) for r in utc.rows] == [
        ("青禾市教育局", 3, 3, 2), ("青禾市财政局", 3, 3, 3), ("青禾市民政局（办公室）机关党委", 2, 2, 1),
        (None, 1, 0, 0)]
    assert utc.rejected_mails == 2  # R1 and R3
    november = report_of(seeded, month=11)
    assert stats.cells(november) == [["青禾市财政局", "1", "1", "1", "100.0%", "1.4"],  # 32.5 h
                                     ["合计", "1", "1", "1", "100.0%", "1.4"]]
    assert november.rejected_mails == 0
    empty = report_of(seeded, month=6)
    assert stats.cells(empty) == [["合计", "0", "0", "0", "—", "—"]]


def test_csv_and_xlsx(seeded: Runtime, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("INTAKE_LANGUAGE", raising=False)
    report = report_of(seeded)
    data = stats.to_csv(report)
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data and b"\n" not in data.replace(b"\r\n", b"")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert rows == [HEADER, *EXPECTED, [FOOTER]]

    path = tmp_path / "stats.xlsx"
    path.write_bytes(stats.to_xlsx(report))
    sheet = load_workbook(path).active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[0][0] == "2026年12月 投稿统计" and values[1] == HEADER
    assert values[2] == ["青禾市财政局", 4, 4, 3, 0.75, 3.0]
    assert values[5] == ["（未注明单位）", 1, 0, 0, 0.0, "—"]
    assert values[6][:4] == ["合计", 9, 8, 5] and values[6][4] == pytest.approx(5 / 9) and values[6][5] == 2.5
    assert values[7][0] == FOOTER
    assert sheet["E3"].number_format == "0.0%" and sheet["E7"].number_format == "0.0%"
    assert sheet["A7"].font.bold and sheet.column_dimensions["A"].width >= 22
    assert "A1:F1" in {str(r) for r in sheet.merged_cells.ranges}


def test_the_cli_writes_the_csv(seeded: Runtime, tmp_path: Path) -> None:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("INTAKE_")}
    env = {**clean, "INTAKE_DATABASE_URL": seeded.settings.database_url, "INTAKE_DATA_DIR": str(tmp_path / "data"),
           "INTAKE_CONFIG": str(tmp_path / "intake.toml")}

    def run(*args: str) -> subprocess.CompletedProcess[bytes]:
        return subprocess.run([sys.executable, "-m", "intake.cli", "stats", *args], env=env, cwd=REPO,
                              capture_output=True, timeout=120, check=False)

    done = run("--month", "2026-12", "--format", "csv")
    assert done.returncode == 0, done.stderr.decode()
    assert done.stdout.startswith(b"\xef\xbb\xbf")
    assert list(csv.reader(io.StringIO(done.stdout.decode("utf-8-sig"), newline=""))) == [HEADER, *EXPECTED,
                                                                                         [FOOTER]]
    as_json = json.loads(run("--month", "2026-12", "--json").stdout)
    assert as_json["rejected_mails"] == 2 and as_json["units"][0]["unit"] == "青禾市财政局"
    assert run("--month", "2026-12", "--format", "xlsx").returncode == 2  # xlsx needs --out
    assert run("--month", "2026-13").returncode == 2
    out = tmp_path / "dec.xlsx"
    assert run("--month", "2026-12", "--format", "xlsx", "--out", str(out)).returncode == 0
    assert load_workbook(out).active["B3"].value == 4


def test_units_are_normalised_and_aliased() -> None:
    aliases = stats.aliases_of({"市财政局": "青禾市财政局", "民政局 (办公室)": "青禾市民政局（办公室）机关党委"})
    assert stats.unit_of(" 市 财政局\u3000", aliases) == "青禾市财政局"
    assert stats.unit_of("民政局（办公室）", aliases) == "青禾市民政局（办公室）机关党委"
    assert stats.unit_of("青禾市民政局(办公室)机关党委", aliases) == "青禾市民政局（办公室）机关党委"
    assert stats.unit_of("\u3000 ", aliases) is None and stats.unit_of(None, aliases) is None
    with pytest.raises(ValueError, match=r"stats\.aliases"):
        stats.aliases_of({"市财政局": 3})


def test_only_a_reviewers_decision_times_the_review() -> None:
    """A `submission.returned` written by intake itself (a revision re-entering the status) is no decision;
    an approval counts once however often it is given."""
    reg = at(12, 1)
    subs = [(1, "甲单位", "approved", reg), (2, "甲单位", "pending_review", reg)]
    events = [(1, "submission.pending_review", "system", reg), (1, "submission.approved", EDITOR, at(12, 3)),
              (1, "submission.approved", EDITOR, at(12, 4)), (2, "submission.returned", "system", at(12, 2))]
    report = stats.compute(2026, 12, subs, events, 0, {})
    assert stats.cells(report) == [["甲单位", "2", "2", "1", "50.0%", "2.0"], ["合计", "2", "2", "1", "50.0%", "2.0"]]
