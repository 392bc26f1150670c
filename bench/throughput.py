#!/usr/bin/env python3
"""Benchmark: throughput on a backlog of complete submissions, beside a bare FETCH+parse floor.

The mails: --mails (default 1000) distinct complete submissions, each from its own contributor
address, with a .docx manuscript (python-docx: title, 来源/单位, 作者, 联系电话 lines, headings
一、二、…, a few paragraphs whose words are drawn afresh for every mail, so duplicate detection
never fires) and 2 JPEG photos (Pillow, 800×600, ~60–140 KB, distinct). They are generated in
code (a process pool) and cached under artifacts/bench-throughput/cache/. Before the runs, 4 of
them (#0, #1, the middle, the last) go through `intake ingest --json` (SQLite, a throw-away sink):
all must come out `accepted`.

One run:

1. starts a private Dovecot, Redis, a fresh PostgreSQL database (--db sqlite: SQLite), an aiosmtpd
   sink (keeps headers only), 2 reviewers configured; APPENDs every mail to the INBOX (the
   backlog) and a second copy to another user's INBOX (for the floor);
2. starts one worker as `intake worker` does (celery prefork, --concurrency 2, task events) and
   waits until it is ready; then t0: starts `intake poll`, and waits until every contributor has
   an acknowledgement and every submission one review request per reviewer;
3. mails/s = mails / (last of those answers − t0). CPU s/mail = user+sys CPU of the poller's and
   the worker's process groups (the worker's main process and its prefork children, read from
   /proc/<pid>/stat just before stopping, worker's CPU at t0 subtracted; exited children are in
   cutime/cstime) / mails. Dovecot, Redis, PostgreSQL and the SMTP sink serve both sides and are
   left out of both figures;
4. then 3 s for late duplicates; exit status 1 if any contributor is unanswered or answered twice,
   answered with the wrong kind, or a review request is missing or duplicated;
5. the floor, on the second copy, after the system is stopped: one imapclient connection, SEARCH,
   FETCH BODY.PEEK[] in batches of 20 (the poller's batch), mailparser.parse_from_bytes, and every
   paragraph of the .docx walked with python-docx, in this process. CPU s/mail = this thread's
   CPU time. No store, no broker, no decision, no answers, no MOVE.

--runs K repeats the run (fresh servers and database, same mails) and prints medians. Every figure
goes to artifacts/bench-throughput/throughput-result.json (--logs for another folder), the logs of
the last run beside it.

--profile: the worker is one process (`--pool solo`) under pyinstrument (a sampling profiler, if
installed: `.venv/bin/pip install pyinstrument`; not a project dependency) or else cProfile. The
profiler starts at the first task (celery's task_prerun signal) and stops when the worker shuts
down, so the worker's boot is not in it. With pyinstrument, its samples are gc.freeze()d after each
task (task_postrun): they are Python lists, and the worker's gc.collect() after each mail would
otherwise scan them all, a cost that grows with the profile and that no unprofiled worker pays.
Prints the top 25 functions by cumulative time (project code: intake/, workers/) and by own time
(any code; inside tasks only with pyinstrument), and writes the profile (pyinstrument:
.pyisession, .txt, .html; cProfile: .prof) beside the JSON. Its mails/s and CPU are of a single
profiled process: not comparable with the normal run.

    .venv/bin/python bench/throughput.py [--mails 1000] [--runs 1] [--db postgresql|sqlite]
                                         [--profile [--profiler auto|pyinstrument|cprofile]]
"""

from __future__ import annotations

import argparse
import base64
import contextlib
import hashlib
import io
import json
import os
import pickle
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from email.message import EmailMessage
from email.utils import formatdate
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests import servers  # noqa: E402  (the same servers the integration tests use)
from tests.chaos.harness import (  # noqa: E402
    REVIEWERS,
    SUBMISSION_ADDRESS,
    ChaosResult,
    Ledger,
    _diagnose,
    _finish_figures,
)
from tests.chaos.mails import ChaosMail  # noqa: E402

BATCH = 20  # intake.poller.imap.BATCH: BODY.PEEK[] per FETCH
DOMAINS = ("163.com", "qq.com", "126.com", "foxmail.com", "outlook.com", "sina.com", "139.com")

# --------------------------------------------------------------------------- the mails

CITIES = ("青禾市", "云岭县", "白石镇", "东川区", "南湖街道", "西河县", "北岗乡", "临江市", "石门县", "柳溪镇",
          "金沙区", "龙泉街道", "松原市", "桃源县", "清水镇", "凤鸣区", "长林县", "望海市")
DEPTS = ("机关事务管理局", "农业农村局", "教育局", "人民政府", "档案馆", "卫生健康委员会", "文化和旅游局", "自然资源局",
         "市场监督管理局", "生态环境局", "应急管理局", "民政局", "人力资源和社会保障局", "住房和城乡建设局",
         "交通运输局", "水利局", "统计局", "审计局", "司法局", "团委", "妇联", "总工会", "科协", "图书馆")
ACTIVITIES = ("主题党日活动", "志愿服务活动", "理论学习交流会", "安全生产大检查", "垃圾分类宣传", "助老服务行动",
              "科普宣传周", "河湖巡查行动", "文化下乡演出", "防汛应急演练", "读书分享会", "政务公开日活动",
              "廉政教育专题课", "乡村振兴专题调研", "营商环境座谈会", "便民服务集市", "节能降碳宣传", "档案整理攻坚",
              "青年干部培训班", "网格化治理推进会", "消防安全培训", "义诊进社区活动", "法律援助咨询日", "植树护绿行动",
              "食品安全抽检", "非遗技艺展示", "就业招聘对接会", "关爱留守儿童活动", "禁毒宣传进校园", "反诈宣传进万家")
VERBS = ("扎实开展", "组织开展", "举办", "召开", "启动", "深入推进", "积极开展", "精心组织", "高质量推进", "创新开展")
PLACE_A = "柳杨桃梨枫松竹梅兰菊荷桂槐榆杏李桑棠芦苇青翠金银玉石"
PLACE_B = "溪湾坪岗坝塘桥湖山岭园岩泉洲滩坡冲峪"
PLACE_C = ("村", "社区", "小区", "街道", "园区", "村委会", "居委会")
ACTORS = ("党员干部", "志愿者", "网格员", "青年团员", "社区工作者", "驻村工作队", "农技人员", "医护人员", "教师代表",
          "退役军人", "巾帼志愿者", "青年突击队", "执法人员", "技术骨干", "机关干部", "离退休干部", "新时代文明实践员")
ACTIONS = ("走访", "宣讲", "排查", "整治", "调研", "慰问", "培训", "巡查", "清理", "讲解", "核查", "督导", "帮扶",
           "服务", "回访", "协调", "演示", "指导")
OBJECTS = ("独居老人", "困难家庭", "沿街商户", "小微企业", "种植大户", "留守儿童", "老旧小区", "农贸市场", "学校食堂",
           "出租房屋", "建筑工地", "河道沟渠", "电动车充电点", "文化广场", "养老机构", "合作社", "快递网点", "农家书屋",
           "卫生室", "公交站台")
RESULTS = ("群众满意度明显提升", "一批急难愁盼问题得到解决", "工作机制更加健全", "隐患整改率达到百分之百",
           "服务质效持续提升", "基层治理能力不断增强", "群众获得感显著增强", "形成了可复制的经验做法",
           "干部作风进一步转变", "宣传覆盖面持续扩大", "长效管理机制初步建立", "邻里关系更加和谐")
HEADS_A = ("强化组织领导", "聚焦群众需求", "创新工作方式", "压实工作责任", "注重宣传引导", "健全长效机制",
           "突出问题导向", "凝聚工作合力", "夯实基层基础", "坚持精准施策", "深化学用结合", "抓好督促落实")
HEADS_B = ("确保活动有序开展", "把好事办到群众心坎上", "让服务更有温度", "推动任务落地见效", "营造浓厚氛围",
           "形成常态长效", "提升工作实效", "守牢安全底线", "激发内生动力", "打通服务最后一公里")
TEMPLATES = (
    "{when}，{unit}组织{n1}名{actor}深入{place}，对{obj}逐一{act}，现场收集意见建议{n2}条。",
    "活动中，{actor}{act}了{obj}的实际困难，{name}同志带队协调解决具体问题{n2}件。",
    "针对{obj}存在的薄弱环节，工作组采取“{act}+{act2}”的方式，累计覆盖{n1}户，{result}。",
    "{place}负责人{name}介绍，自开展以来，共{act}{obj}{n3}处次，发放资料{n2}份。",
    "据统计，本次活动共投入{actor}{n1}人次，服务{obj}{n3}个，{result}。",
    "下一步，{unit}将继续围绕{obj}{act}工作，完善{act2}台账，推动{result2}。",
    "“{quote}”，参加活动的{actor}{name}说。",
    "为保证效果，{unit}提前制定方案，明确{n1}个责任小组，分片{act}{place}及周边{obj}。",
    "{actor}还结合{obj}的特点，现场{act2}{n2}次，手把手教大家掌握要点。",
    "截至{when}，{place}已{act}{obj}{n3}户，整改问题{n2}项，{result}。",
)
QUOTES = ("这样的活动办到了我们心坎上", "以后有困难就知道找谁了", "政策讲得明白，我们心里踏实",
          "能为群众做点实事，很有意义", "希望这样的活动常态化开展", "通过这次活动学到了很多")
SURNAMES = "张王李赵陈刘杨黄周吴徐孙马朱胡郭何林罗高郑梁谢宋唐韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁任卢"
GIVEN = "晓岚明哲文彬思远海燕建国春雨秋实志强丽华嘉怡子涵浩然雨桐宇轩欣悦梓萱俊杰雅琴"


def _person(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.sample(GIVEN, rng.choice((1, 2))))


def _place(rng: random.Random) -> str:
    return rng.choice(PLACE_A) + rng.choice(PLACE_B) + rng.choice(PLACE_C)


def _when(rng: random.Random) -> str:
    return f"{rng.randint(1, 12)}月{rng.randint(1, 28)}日" + rng.choice(("", "上午", "下午", "以来"))


def _sentence(rng: random.Random, unit: str, place: str) -> str:
    acts = rng.sample(ACTIONS, 2)
    return rng.choice(TEMPLATES).format(
        when=_when(rng), unit=unit, actor=rng.choice(ACTORS), place=rng.choice((place, _place(rng))),
        obj=rng.choice(OBJECTS), act=acts[0], act2=acts[1], name=_person(rng), n1=rng.randint(3, 300),
        n2=rng.randint(2, 900), n3=rng.randint(10, 5000), result=rng.choice(RESULTS),
        result2=rng.choice(RESULTS), quote=rng.choice(QUOTES))


def manuscript(rng: random.Random) -> tuple[str, str, bytes]:
    """(title, unit, .docx bytes): a complete article whose words are drawn afresh."""
    from docx import Document

    unit = rng.choice(CITIES) + rng.choice(DEPTS)
    place = _place(rng)
    title = f"{unit}在{place}{rng.choice(VERBS)}{rng.choice(ACTIVITIES)}"
    doc = Document()
    doc.add_heading(title, level=1)
    doc.add_paragraph(f"{rng.choice(('来源', '单位'))}：{unit}")
    doc.add_paragraph(f"作者：{'、'.join(_person(rng) for _ in range(rng.randint(1, 3)))}")
    doc.add_paragraph(f"联系电话：1380013{rng.randint(8000, 8999)}")
    doc.add_paragraph("".join(_sentence(rng, unit, place) for _ in range(rng.randint(2, 3))))
    heads = rng.sample(HEADS_A, 3)
    for number, head in zip("一二三", heads, strict=False):
        doc.add_heading(f"{number}、{head}，{rng.choice(HEADS_B)}", level=2)
        for _ in range(rng.randint(1, 2)):
            doc.add_paragraph("".join(_sentence(rng, unit, place) for _ in range(rng.randint(2, 4))))
    out = io.BytesIO()
    doc.save(out)
    return title, unit, out.getvalue()


def photo(rng: random.Random) -> bytes:
    """An 800×600 JPEG 'photo' (gradient, buildings, people, noise): ~60–140 KB, distinct per seed."""
    from tests.data.mailgen import make_jpeg

    return make_jpeg(rng.getrandbits(31), (800, 600), quality=85, noise=rng.randint(12, 32), exif=False)


def build_mail(job: tuple[int, int]) -> ChaosMail:
    seed, index = job
    rng = random.Random(seed * 1_000_003 + index)
    contributor = f"tp{seed}-{index:05d}@{DOMAINS[index % len(DOMAINS)]}"
    message_id = f"<tp-{seed}-{index:05d}-{rng.getrandbits(32):08x}@{contributor.split('@')[1]}>"
    title, unit, docx = manuscript(rng)
    msg = EmailMessage()
    msg["From"] = f"{_person(rng)} <{contributor}>"
    msg["To"] = SUBMISSION_ADDRESS
    msg["Subject"] = rng.choice(("投稿：", "【投稿】", "", "稿件-")) + title
    msg["Date"] = formatdate(localtime=True)
    msg["Message-ID"] = message_id
    msg.set_content(f"编辑老师您好：\n\n{unit}投稿一篇，附现场照片2张，请审阅。\n\n谢谢！")
    msg.add_attachment(docx, maintype="application",
                       subtype="vnd.openxmlformats-officedocument.wordprocessingml.document",
                       filename=f"{title[:24]}.docx")
    for k in (1, 2):
        msg.add_attachment(photo(rng), maintype="image", subtype="jpeg", filename=f"现场照片{k}.jpg")
    return ChaosMail(index, "accepted", contributor.lower(), message_id, msg.as_bytes(), "generated")


def build_mails(count: int, seed: int, cache: Path | None) -> list[ChaosMail]:
    """``count`` mails, from the cache if this file (the generator) has not changed since."""
    key = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:12]
    path = None if cache is None else cache / f"mails-{seed}-{count}-{key}.pickle"
    if path is not None and path.exists():
        with path.open("rb") as f:
            return pickle.load(f)  # our own cache file
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(os.cpu_count() or 2) as pool:
        mails = list(pool.map(build_mail, [(seed, i) for i in range(count)], chunksize=16))
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        for old in path.parent.glob(f"mails-{seed}-{count}-*.pickle"):
            old.unlink()
        with path.open("wb") as f:
            pickle.dump(mails, f)
    return mails


def preflight(mails: list[ChaosMail]) -> list[dict[str, Any]]:
    """`intake ingest --json` on mails #0, #1, the middle and the last (SQLite, throw-away sink)."""
    import secrets

    results = []
    with tempfile.TemporaryDirectory(prefix="intake-tp-check-") as tmp, servers.smtp_sink() as sink:
        env = {**os.environ, "INTAKE_DATA_DIR": f"{tmp}/data", "INTAKE_DATABASE_URL": f"sqlite:///{tmp}/i.sqlite3",
               "INTAKE_SMTP_URL": sink.url, "INTAKE_SUBMISSION_ADDRESS": SUBMISSION_ADDRESS,
               "INTAKE_REVIEWERS": ",".join(REVIEWERS), "INTAKE_SECRET_KEY": secrets.token_urlsafe(32),
               "PYTHONPATH": str(REPO)}
        env.pop("INTAKE_BROKER_URL", None)
        paths = []
        for mail in {m.index: m for m in (mails[0], mails[1 % len(mails)], mails[len(mails) // 2], mails[-1])}.values():
            p = Path(tmp) / f"{mail.index}.eml"
            p.write_bytes(mail.raw)
            paths.append(str(p))
        subprocess.run([sys.executable, "-m", "intake.cli", "db", "upgrade"], env=env, cwd=REPO, check=True,
                       capture_output=True)
        out = subprocess.run([sys.executable, "-m", "intake.cli", "ingest", "--json", *paths], env=env, cwd=REPO,
                             capture_output=True, text=True, timeout=300, check=False)
        for line in out.stdout.splitlines():
            with contextlib.suppress(ValueError):
                results.append(json.loads(line))
        if out.returncode != 0 or len(results) != len(paths):
            raise SystemExit(f"intake ingest --json failed ({out.returncode}):\n{out.stdout}\n{out.stderr}")
    return results


# --------------------------------------------------------------------------- the system


class HeaderSink(servers.SmtpSink):
    """The test sink, keeping only the header block of each mail (review requests carry the
    manuscript and photos: 2,000 of them would be ~0.5 GB in this process)."""

    refused = 0  # read by the chaos harness's figures: this sink never refuses

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        content = envelope.content if isinstance(envelope.content, bytes) else envelope.content.encode()
        end = content.find(b"\r\n\r\n")
        envelope.content = content if end < 0 else content[: end + 4]
        return await super().handle_DATA(server, session, envelope)


@contextlib.contextmanager
def header_sink() -> Iterator[HeaderSink]:
    with servers.running_sink(HeaderSink, enable_SMTPUTF8=True, data_size_limit=128 * 1024 * 1024) as sink:
        yield sink


def group_cpu(pgid: int) -> tuple[float, int]:
    """(user+sys CPU seconds, process count) of the live processes in process group ``pgid``,
    each with the CPU of its exited, waited-for children (cutime, cstime)."""
    tick = os.sysconf("SC_CLK_TCK")
    total, count = 0, 0
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            text = Path(entry.path, "stat").read_text()
        except OSError:
            continue
        fields = text[text.rindex(")") + 2:].split()  # fields[0] is field 3 (state) of proc(5)
        if int(fields[2]) == pgid:  # field 5: pgrp
            total += sum(int(x) for x in fields[11:15])  # fields 14-17: utime stime cutime cstime
            count += 1
    return total / tick, count


def start_worker(env: dict[str, str], logs: Path, profile: Path | None, profiler: str) -> servers.CeleryWorker:
    """The worker as `intake worker` runs it (prefork, 2 processes), or one solo process under a profiler."""
    name = "throughput"
    log_path = logs / "worker.log"
    if profile is None:
        cmd = [sys.executable, "-m", "intake.cli", "worker", "--", "--pool", "prefork", "--concurrency", "2",
               "-n", f"{name}@%h"]
    else:
        cmd = [sys.executable, str(Path(__file__).resolve()), "--profiled-worker", str(profile),
               "--profiler", profiler, "--", "worker", "-E", "--without-gossip", "--without-mingle", "-l", "info",
               "--pool", "solo", "-n", f"{name}@%h"]
    with log_path.open("wb") as log:
        proc = subprocess.Popen(cmd, cwd=REPO, env={**os.environ, "PYTHONUNBUFFERED": "1", **env},
                                stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                                start_new_session=True)
    worker = servers.CeleryWorker(proc, name, log_path)
    worker.wait_ready(120)
    return worker


def run_once(args: argparse.Namespace, mails: list[ChaosMail], logs: Path, number: int) -> dict[str, Any]:
    from bench.burst import append_parallel

    n = len(mails)
    profile = (logs / f"worker-profile.{'pyisession' if args.profiler == 'pyinstrument' else 'prof'}"
               if args.profile else None)
    fig: dict[str, Any] = {"run": number, "mails": n, "db": args.db, "review_files": args.review_files,
                           "loadavg_start": os.getloadavg()}
    with contextlib.ExitStack() as stack:
        dove = stack.enter_context(servers.dovecot_server(users={SUBMISSION_ADDRESS: "secret"}))
        stack.callback(lambda: _copy(dove.dir / "dovecot.log", logs / "dovecot.log"))
        floor_box = dove.fresh_user()
        redis_url = stack.enter_context(servers.redis_url())
        sink = stack.enter_context(header_sink())
        work = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="intake-throughput-")))
        db = stack.enter_context(servers.postgres_url()) if args.db == "postgresql" \
            else f"sqlite:///{work / 'intake.sqlite3'}"
        from tests.integration.deployment import deployment

        dep = stack.enter_context(deployment(
            database_url=db, broker_url=redis_url, mailbox_url=dove.url("INBOX"), smtp_url=sink.url,
            data_dir=work / "data", logs=logs, start_worker=lambda *a, **k: None,
            submission_address=SUBMISSION_ADDRESS, reviewers=",".join(REVIEWERS),
            unknown_sender_rejections_per_hour="0",
            **({"review_files": "link", "web_url": "http://127.0.0.1:8000"} if args.review_files == "link" else {})))

        say(f"[run {number}] APPEND the backlog: {n} mails to the INBOX, {n} to the floor's mailbox …")
        start = time.monotonic()
        _, uids = append_parallel(dove, mails, 4)
        append_parallel(floor_box, mails, 4)
        fig["append_s"] = round(time.monotonic() - start, 2)
        fig["backlog_mb"] = round(sum(len(m.raw) for m in mails) / 1e6, 1)

        worker = start_worker(dep.env, logs, profile, args.profiler)
        stack.callback(_stop_worker, worker)
        worker_cpu0, _ = group_cpu(worker.pid)
        ledger = Ledger(mails, sink, dove, dep)
        stack.callback(ledger.close)

        say(f"[run {number}] t0: `intake poll` starts on the backlog; worker "
            f"{'solo, profiled' if profile else 'prefork ×2'}")
        t0 = time.monotonic()
        poller = subprocess.Popen([sys.executable, "-m", "intake.cli", "poll"], env={**os.environ, **dep.env},
                                  cwd=REPO, stdout=(logs / "poller.log").open("wb"), stderr=subprocess.STDOUT,
                                  start_new_session=True)
        dep.pollers.append(poller)
        last_change, seen, next_report = t0, 0, t0 + 10
        done_at: float | None = None
        while time.monotonic() - t0 < args.timeout:
            answers = ledger.read_sink()
            now = time.monotonic()
            if len(sink.envelopes) != seen:
                seen, last_change = len(sink.envelopes), now
            times = [ledger.done_at(m) for m in mails]
            if all(t is not None for t in times):
                done_at = max(t for t in times if t is not None)
                break
            if now - last_change > args.quiet:
                break
            if now >= next_report:
                next_report = now + 10
                done = sum(t is not None for t in times)
                say(f"  t={now - t0:6.1f}s  at the sink {seen}, contributors answered "
                    f"{len(answers.to_contributor)}, fully done {done}/{n}")
            time.sleep(0.5)
        # CPU just before stopping: the poller's and the worker's process groups
        poller_cpu, poller_procs = group_cpu(poller.pid)
        worker_cpu, worker_procs = group_cpu(worker.pid)
        end = done_at if done_at is not None else time.monotonic()
        time.sleep(3.0)  # late duplicates
        inbox = ledger.inbox_uids()
        result = ChaosResult(n, {"accepted": n, "incomplete": 0, "rejected": 0})
        _finish_figures(result, ledger, inbox, dep)
        result.outstanding, result.outstanding_examples = _diagnose(ledger, inbox, uids, dep)
        dep.stop_pollers()
        _stop_worker(worker)

        elapsed = end - t0
        ours_cpu = poller_cpu + worker_cpu - worker_cpu0
        fig.update({
            "ours_s": round(elapsed, 2), "ours_mails_per_s": round(n / elapsed, 3) if done_at else None,
            "ours_cpu_s": round(ours_cpu, 2), "ours_cpu_s_per_mail": round(ours_cpu / n, 4),
            "poller_cpu_s": round(poller_cpu, 2), "worker_cpu_s": round(worker_cpu - worker_cpu0, 2),
            "worker_processes": worker_procs, "poller_processes": poller_procs,
            "all_answered": done_at is not None, "left_in_inbox": result.left_in_inbox,
            "unanswered": result.unanswered, "answered_twice": result.answered_twice,
            "wrong_answer": result.wrong_answer, "reviews_missing": result.reviews_missing,
            "reviews_duplicated": result.reviews_duplicated, "reviews_unexpected": result.reviews_unexpected,
            "messages_not_terminal": result.messages_not_terminal, "messages_failed": result.messages_failed,
            "stray_mails_at_sink": ledger.answers.stray, "outstanding": result.outstanding,
        })

        say(f"[run {number}] floor: FETCH + mailparser + python-docx on the same {n} mails …")
        floor = floor_run(floor_box, n)
        fig.update(floor)
        fig["ratio_mails_per_s"] = (round(fig["ours_mails_per_s"] / floor["floor_mails_per_s"], 4)
                                    if fig["ours_mails_per_s"] else None)
        fig["ratio_cpu_per_mail"] = round(fig["ours_cpu_s_per_mail"] / floor["floor_cpu_s_per_mail"], 2)
        fig["loadavg_end"] = os.getloadavg()
    if profile is not None:
        fig["profile"] = str(profile)
    return fig


def _stop_worker(worker: servers.CeleryWorker) -> None:
    """Warm shutdown; a profiled worker gets a minute to write its profile."""
    if worker.alive():
        worker.proc.terminate()
        with contextlib.suppress(subprocess.TimeoutExpired):
            worker.proc.wait(60)
    worker.stop()


def floor_run(box: servers.DovecotServer, n: int) -> dict[str, Any]:
    """The bare loop: FETCH BODY.PEEK[] by BATCH, mailparser, walk the .docx paragraphs."""
    import mailparser
    from docx import Document

    client = box.client(timeout=120)
    cpu0, start = time.thread_time(), time.monotonic()
    client.select_folder("INBOX", readonly=True)
    uids = sorted(client.search(["ALL"]))
    docs = paragraphs = chars = photos = 0
    for i in range(0, len(uids), BATCH):
        batch = uids[i:i + BATCH]
        data = client.fetch(batch, ["BODY.PEEK[]"])
        for uid in batch:
            parsed = mailparser.parse_from_bytes(data[uid][b"BODY[]"])
            for att in parsed.attachments:
                name = att.get("filename") or ""
                if name.endswith(".jpg"):
                    photos += 1
                if not name.endswith(".docx"):
                    continue
                payload = att["payload"]
                raw = base64.b64decode(payload) if att.get("binary") else payload.encode()
                docs += 1
                for para in Document(io.BytesIO(raw)).paragraphs:
                    paragraphs += 1
                    chars += len(para.text)
    wall, cpu = time.monotonic() - start, time.thread_time() - cpu0
    client.logout()
    if len(uids) != n or docs != n or photos != 2 * n:
        raise SystemExit(f"floor: {len(uids)} mails, {docs} .docx, {photos} photos; expected {n}, {n}, {2 * n}")
    return {"floor_s": round(wall, 2), "floor_mails_per_s": round(n / wall, 2), "floor_cpu_s": round(cpu, 2),
            "floor_cpu_s_per_mail": round(cpu / n, 4), "floor_paragraphs": paragraphs, "floor_chars": chars}


# --------------------------------------------------------------------------- the profiler


def profiled_worker(out: Path, kind: str, celery_args: list[str]) -> int:
    """Run `celery -A workers.app <celery_args>` here, profiling from the first task to shutdown."""
    import cProfile
    import gc

    from celery.signals import task_postrun, task_prerun

    outer = sys._getframe()
    state: dict[str, Any] = {}

    def begin(**_kwargs: Any) -> None:
        if state:
            return
        if kind == "pyinstrument":
            from pyinstrument import Profiler

            prof = Profiler(interval=0.001, async_mode="disabled")
            prof.start(caller_frame=outer)
        else:
            prof = cProfile.Profile()
            prof.enable()
        state["profiler"] = prof

    def set_records_aside(**_kwargs: Any) -> None:
        # pyinstrument keeps its samples as Python lists, which the worker's gc.collect() after
        # each mail (intake.runtime.collect_garbage) would scan over and over, more every minute;
        # frozen, they are out of its way, as the worker's start-up objects are (freeze_long_lived).
        gc.freeze()

    task_prerun.connect(begin, weak=False)
    if kind == "pyinstrument":
        task_postrun.connect(set_records_aside, weak=False)
    sys.argv = ["celery", "-A", "workers.app", *celery_args]
    from celery.__main__ import main as celery_main

    code: Any = 0
    try:
        celery_main()
    except SystemExit as exc:
        code = exc.code
    finally:
        prof = state.get("profiler")
        if prof is not None:
            if kind == "pyinstrument":
                prof.stop().save(out)
            else:
                prof.disable()
                prof.dump_stats(out)
    return code if isinstance(code, int) else 0


def _where(path: str | None) -> str:
    if not path:
        return ""
    p = Path(path)
    with contextlib.suppress(ValueError):
        return str(p.resolve().relative_to(REPO))
    parts = p.parts
    if "site-packages" in parts:
        return "/".join(parts[parts.index("site-packages") + 1:])
    return "/".join(parts[-2:])


def _ours(where: str) -> bool:
    return where.startswith(("intake/", "workers/"))


def profile_report(path: Path, kind: str, top: int = 25) -> dict[str, Any]:
    """Print top `top` by cumulative time (project code) and by own time; return them."""
    rows_cum: list[tuple[float, float, str]]
    rows_own: list[tuple[float, float, str]]
    if kind == "pyinstrument":
        from pyinstrument.renderers import ConsoleRenderer, HTMLRenderer
        from pyinstrument.session import Session

        session = Session.load(path)
        (path.with_suffix(".txt")).write_text(
            ConsoleRenderer(unicode=True, color=False, short_mode=False, show_all=False).render(session))
        with contextlib.suppress(Exception):
            path.with_suffix(".html").write_text(HTMLRenderer().render(session))
        root = session.root_frame(trim_stem=False)
        cum: dict[str, float] = {}
        own: dict[str, float] = {}
        in_task = [0.0]

        def walk(frame: Any, above: frozenset[str], inside: bool) -> None:
            where = _where(frame.file_path)
            key = f"{frame.function}  {where}:{frame.line_no}" if where and frame.line_no else frame.function
            if not frame.is_synthetic:
                if not inside and where.startswith("workers/tasks.py"):
                    inside = True
                    in_task[0] += frame.time
                if inside:
                    if key not in above:
                        cum[key] = cum.get(key, 0.0) + frame.time
                    own[key] = own.get(key, 0.0) + frame.total_self_time
                above = above | {key}
            for child in frame.children:
                walk(child, above, inside)

        total = root.time if root is not None else 0.0
        if root is not None:
            sys.setrecursionlimit(max(sys.getrecursionlimit(), 20000))
            walk(root, frozenset(), False)
        rows_cum = sorted(((t, own.get(k, 0.0), k) for k, t in cum.items() if _ours(k.split("  ")[-1])),
                          reverse=True)
        rows_own = sorted(((t, cum.get(k, 0.0), k) for k, t in own.items()), reverse=True)
        cpu = getattr(session, "cpu_time", None)
        header = (f"pyinstrument (sampling, wall clock, 1 ms): {total:.1f} s profiled"
                  + (f" ({cpu:.1f} s of it on a CPU)" if cpu else "")
                  + f", {in_task[0]:.1f} s inside tasks (workers/tasks.py); figures below are inside tasks only")
    else:
        import pstats

        st = pstats.Stats(str(path))
        total = st.total_tt  # type: ignore[attr-defined]
        entries = []
        for (file, line, func), (_cc, _nc, tt, ct, _callers) in st.stats.items():  # type: ignore[attr-defined]
            where = _where(file) if file != "~" else ""
            entries.append((ct, tt, f"{func}  {where}:{line}" if where and line else func))
        idle = ("poll' of 'select", "epoll", "select.select", "sleep")
        rows_cum = sorted((e for e in entries if _ours(e[2].split("  ")[-1])), reverse=True)
        rows_own = sorted(((tt, ct, k) for ct, tt, k in entries if not any(s in k for s in idle)), reverse=True)
        header = f"cProfile (deterministic, wall clock): {total:.1f} s in all, waits between tasks included"
    print(f"\nProfile of the worker (one solo process): {header}")
    print(f"\ntop {top} by cumulative time (intake/, workers/):")
    print(f"  {'cum s':>8} {'own s':>8}  function")
    for cum_t, own_t, key in rows_cum[:top]:
        print(f"  {cum_t:8.2f} {own_t:8.2f}  {key}")
    print(f"\ntop {top} by own time (any code):")
    print(f"  {'own s':>8} {'cum s':>8}  function")
    for own_t, cum_t, key in rows_own[:top]:
        print(f"  {own_t:8.2f} {cum_t:8.2f}  {key}")
    return {"profiler": kind, "file": str(path), "total_s": round(total, 2),
            "by_cumulative": [[round(a, 3), round(b, 3), k] for a, b, k in rows_cum[:100]],
            "by_own": [[round(a, 3), round(b, 3), k] for a, b, k in rows_own[:100]]}


# --------------------------------------------------------------------------- main


def say(msg: str) -> None:
    print(msg, flush=True)


def _copy(src: Path, dst: Path) -> None:
    with contextlib.suppress(OSError):
        shutil.copy(src, dst)


def _median(runs: list[dict[str, Any]], key: str) -> float | None:
    values = [r[key] for r in runs if isinstance(r.get(key), (int, float))]
    return statistics.median(values) if values else None


def main() -> int:
    if "--profiled-worker" in sys.argv[1:3]:  # the worker under the profiler (internal)
        hidden = argparse.ArgumentParser()
        hidden.add_argument("--profiled-worker", type=Path, required=True)
        hidden.add_argument("--profiler", required=True)
        hidden.add_argument("celery_args", nargs=argparse.REMAINDER)
        ns = hidden.parse_args()
        rest = ns.celery_args[1:] if ns.celery_args[:1] == ["--"] else ns.celery_args
        return profiled_worker(ns.profiled_worker, ns.profiler, rest)

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--mails", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=1, help="repeat, print medians")
    parser.add_argument("--db", choices=["postgresql", "sqlite"], default="postgresql")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--review-files", choices=["attach", "link"], default="attach",
                        help="INTAKE_REVIEW_FILES: attach (default) or link (the desk serves the files)")
    parser.add_argument("--profile", action="store_true", help="the worker: one solo process under a profiler")
    parser.add_argument("--profiler", choices=["auto", "pyinstrument", "cprofile"], default="auto")
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--quiet", type=float, default=120.0, help="give up after this long without a new answer")
    parser.add_argument("--timeout", type=float, default=3600.0)
    parser.add_argument("--no-cache", action="store_true", help="generate the mails afresh, do not cache them")
    parser.add_argument("--no-check", action="store_true", help="skip the `intake ingest --json` check")
    parser.add_argument("--logs", type=Path, default=REPO / "artifacts" / "bench-throughput")
    args = parser.parse_args()
    if args.profiler == "auto":
        try:
            import pyinstrument  # noqa: F401

            args.profiler = "pyinstrument"
        except ImportError:
            args.profiler = "cprofile"
    logs: Path = args.logs
    logs.mkdir(parents=True, exist_ok=True)

    start = time.monotonic()
    mails = build_mails(args.mails, args.seed, None if args.no_cache else logs / "cache")
    sizes = sorted(len(m.raw) for m in mails)
    say(f"{len(mails)} mails ready in {time.monotonic() - start:.1f} s (.docx + 2 JPEG each; "
        f"median {statistics.median(sizes) / 1024:.0f} KB, total {sum(sizes) / 1e6:.0f} MB)")
    check = []
    if not args.no_check:
        check = preflight(mails)
        outcomes = [r.get("outcome") for r in check]
        say(f"intake ingest --json on 4 of the mails: {outcomes}")
        if any(o != "accepted" for o in outcomes):
            print(json.dumps(check, ensure_ascii=False, indent=1))
            return 1

    runs = [run_once(args, mails, logs, k + 1) for k in range(args.runs)]
    worker_desc = (f"1 solo worker under {args.profiler}" if args.profile
                   else "`intake worker` prefork --concurrency 2")
    print()
    print(f"Throughput: backlog of {args.mails} complete submissions (.docx + 2 JPEG), {args.db}, Redis, "
          f"`intake poll`, {worker_desc}, 2 reviewers; {os.cpu_count()} CPUs; "
          f"{args.runs} run(s){', medians' if args.runs > 1 else ''}")
    rows = [
        ("ours: poller start → last answer", "ours_s", "{:.1f} s"),
        ("ours: mails/s", "ours_mails_per_s", "{:.2f}"),
        ("ours: CPU s/mail (poller + worker pool)", "ours_cpu_s_per_mail", "{:.4f}"),
        ("   poller CPU s / worker CPU s", None, ""),
        ("floor: FETCH + mailparser + python-docx", "floor_s", "{:.1f} s"),
        ("floor: mails/s", "floor_mails_per_s", "{:.1f}"),
        ("floor: CPU s/mail", "floor_cpu_s_per_mail", "{:.4f}"),
        ("ratio ours/floor, mails/s", "ratio_mails_per_s", "{:.3f}"),
        ("ratio ours/floor, CPU s/mail", "ratio_cpu_per_mail", "{:.1f}"),
    ]
    medians = {key: _median(runs, key) for key in runs[0] if _median(runs, key) is not None}
    width = max(len(r[0]) for r in rows)
    for label, key, fmt in rows:
        if key is None:
            value = f"{_median(runs, 'poller_cpu_s'):.1f} / {_median(runs, 'worker_cpu_s'):.1f}"
        else:
            value = "—" if medians.get(key) is None else fmt.format(medians[key])
        extra = "" if key is None or args.runs == 1 else "   runs: " + ", ".join(str(r.get(key)) for r in runs)
        print(f"  {label:<{width}}  {value}{extra}")
    print("  (Dovecot, Redis, PostgreSQL and the SMTP sink are shared and left out of both CPU figures)")
    checks = ("unanswered", "answered_twice", "wrong_answer", "reviews_missing", "reviews_duplicated",
              "reviews_unexpected")
    bad = [r for r in runs if not r["all_answered"] or any(r[c] for c in checks)]
    for r in runs:
        print(f"  run {r['run']}: " + ", ".join(f"{c} {r[c]}" for c in checks)
              + f", left in INBOX {r['left_in_inbox']}, rows not terminal {r['messages_not_terminal']}"
              + ("" if r["all_answered"] else f"  NOT ALL ANSWERED: {r['outstanding']}"))
    profile = None
    if args.profile:
        profile = profile_report(Path(runs[-1]["profile"]), args.profiler, args.top)
    out = logs / ("throughput-profile.json" if args.profile else "throughput-result.json")
    out.write_text(json.dumps({"args": {k: str(v) for k, v in vars(args).items()}, "cpus": os.cpu_count(),
                               "check": check, "medians": medians, "runs": runs, "profile": profile},
                              ensure_ascii=False, indent=1, default=str))
    print(f"\nfigures: {out}  logs: {logs}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
