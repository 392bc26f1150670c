#!/usr/bin/env python3
"""Benchmark: a worker's memory. Two modes; every measurement runs in a fresh child process.

Many mails (the default): extracts every .docx corpus mail `--rounds` times in one process (as
one worker process sees a stream of mails) and prints the process's peak RSS and the median time
per mail, once with the automatic collector only and once as a worker process runs
(`freeze_long_lived()` at start, `collect_garbage()` after each mail, as `Runtime.ingest` does).

    .venv/bin/python bench/memory.py [--rounds 10]

One big mail (`--big`), the issue's target: "a 25 MB mail with 10 photos; the worker's peak RSS
above idle ≤ 4× the mail's size". The parent builds a complete submission (a python-docx
manuscript with 来源/作者/联系电话 and a title, plus `--photos` JPEGs sized so that the mail is
`--mail-mb` MiB on the wire, CRLF and base64 included) and a small warm-up submission of the same
shape. For each of `--runs` runs it makes a fresh data dir (SQLite, file blob store, 2 reviewers,
the file outbox, or an aiosmtpd sink in the parent with `--smtp`) and records both mails there, as
the poller would. A fresh child process then does what a worker does: `build_runtime`, the warm-up
mail through `Runtime.ingest` (lazy imports, templates, the database connection),
`freeze_long_lived()`, then measures its idle RSS (VmRSS) and runs `Runtime.ingest` on the big
mail: the function the Celery task calls, here with the in-process queue, so the three notices
(acknowledgement + one review request per reviewer) are also sent in this call, as `intake run`
and `intake ingest` do (with Celery they are `intake.send` tasks, usually in the same worker).

The peak is the kernel's high-water mark, not a sample: VmHWM is reset (`echo 5 >
/proc/self/clear_refs`) right before the ingest and read again at each checkpoint (the entry and
exit of parse_mail, the stdlib and mail-parser parses, the attachment decoding, extract, plan,
compose_notices, record_notices, compose, Message.as_bytes, send_notice, transport.send, a large smtplib send),
then reset again. So each row of the stage table holds the exact peak RSS reached between two
checkpoints and the overall peak is their maximum, whatever C code (base64, regexes, zlib) held
the GIL meanwhile. (Where clear_refs cannot be written, a thread samples VmRSS every 5 ms.) The
checkpoints are wrappers installed by this script in the child only; intake is not changed.

It prints the mail's size, idle RSS, peak RSS, the peak above idle, its ratio to the mail's size
and the target (≤ 4.0), per run and as the median of the runs, the stage table of the median run
and the notices' sizes; it exits with 1 when the median ratio misses the target.

`--trace` adds one run under tracemalloc (after the warm-up, 16 frames): per stage the traced
memory at the checkpoint and the traced peak since the previous one, then the 15 largest
allocation sites (with the intake line that led to each) of the snapshot with the most traced
memory, taken at the checkpoint where the traced memory was highest (`--runs 0 --trace`: only that).

    .venv/bin/python bench/memory.py --big [--runs 3] [--smtp] [--trace] [--mail-mb 25] [--photos 10]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
MIB = 1024 * 1024
TARGET_RATIO = 4.0
REVIEWERS = ("reviewer1@localhost", "reviewer2@localhost")

CHILD = r"""
import json, resource, statistics, sys, time
sys.path.insert(0, {repo!r})
import intake.runtime, intake.service  # a worker's imports
from intake.extract import extract
from intake.mail import parse_mail
from pathlib import Path
paths = sorted(p for p in Path({corpus!r}).glob("*.eml") if "docx" in p.name)
mails = [parse_mail(p.read_bytes()) for p in paths]
if {collect}:
    intake.runtime.freeze_long_lived()  # as a worker process does once it has started
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
times = []
for _ in range({rounds}):
    for mail in mails:
        t = time.perf_counter()
        extract(mail)
        if {collect}:
            intake.runtime.collect_garbage()
        times.append(time.perf_counter() - t)
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({{"mails": len(times), "median_ms": statistics.median(times) * 1000,
                  "peak_rss_mb": peak / 1024, "growth_mb": (peak - base) / 1024}}))
"""


def run(collect: bool, rounds: int) -> dict[str, float]:
    code = CHILD.format(repo=str(REPO), corpus=str(REPO / "tests" / "data" / "corpus"), rounds=rounds,
                        collect=collect)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def many_main(rounds: int) -> int:
    print(f"{'mode':<28}{'mails':>7}{'median/mail':>14}{'peak RSS':>11}{'growth':>10}")
    for label, collect in (("automatic collector only", False), ("collect_garbage() per mail", True)):
        r = run(collect, rounds)
        print(f"{label:<28}{r['mails']:>7.0f}{r['median_ms']:>11.2f} ms{r['peak_rss_mb']:>8.1f} MB"
              f"{r['growth_mb']:>7.1f} MB")
    return 0


# --------------------------------------------------------------------------- the big mail

_UNITS = ("青禾市机关事务管理局", "云岭县农业农村局", "白石镇人民政府", "东川区档案馆", "南湖街道办事处")
_WORDS = ("志愿服务", "理论学习", "节能降碳", "乡村振兴", "便民服务", "主题党日", "基层治理", "文明创建", "应急演练")
_BASE64_GROWTH = 78 / 57  # 57 bytes per 76-character line + CRLF


def _cjk(rng: random.Random, n: int) -> str:
    return "".join(chr(rng.randint(0x4E00, 0x9FA5)) for _ in range(n))


def _manuscript(rng: random.Random, unit: str, title: str, author: str, photos: int) -> bytes:
    """A .docx a contributor writes: title, the labelled metadata, the article, the captions."""
    import io

    from docx import Document

    doc = Document()
    doc.add_heading(title, level=1)
    doc.add_paragraph(f"来源：{unit}")
    doc.add_paragraph(f"作者：{author}　李明哲")
    doc.add_paragraph(f"联系电话：1380013{rng.randint(8000, 8999)}")
    for n in range(12):
        words = "、".join(rng.sample(_WORDS, 3))
        doc.add_paragraph(f"围绕{words}，{_cjk(rng, 14)}，{rng.randint(10, 9999)}户居民受益。{_cjk(rng, 30)}，"
                          f"第{n + 1}项工作{_cjk(rng, 20)}，取得{_cjk(rng, 8)}的实效。")
    for n in range(photos):
        doc.add_paragraph(f"图{n + 1}：{unit}{_cjk(rng, 10)}活动现场（{author} 摄）")
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _render_photo(seed: int, width: int, height: int) -> bytes:
    """A photo-like JPEG: a sky gradient, ground, buildings and sensor noise (which keeps it large)."""
    import io

    from PIL import Image, ImageDraw, ImageOps

    rng = random.Random(seed)
    sky = ImageOps.colorize(Image.linear_gradient("L").resize((width, height)),
                            (rng.randrange(90, 160), rng.randrange(140, 200), rng.randrange(200, 255)),
                            (rng.randrange(200, 255), rng.randrange(200, 240), rng.randrange(170, 230)))
    img = sky.convert("RGB")
    draw = ImageDraw.Draw(img)
    horizon = int(height * rng.uniform(0.55, 0.7))
    draw.rectangle([0, horizon, width, height], fill=(rng.randrange(60, 120), rng.randrange(110, 160), 70))
    x = 0
    while x < width:
        w, h = rng.randrange(width // 14, width // 6), rng.randrange(height // 8, height // 2)
        draw.rectangle([x, horizon - h, x + w, horizon], fill=tuple(rng.randrange(150, 235) for _ in range(3)))
        x += w + rng.randrange(2, width // 40 + 3)
    noise = Image.frombytes("L", (width, height), rng.randbytes(width * height)).convert("RGB")
    img = Image.blend(img, noise, 0.12)
    exif = Image.Exif()
    exif[0x010F], exif[0x0110] = "Fictional Camera Co.", "FC-100"
    out = io.BytesIO()
    img.save(out, "JPEG", quality=88, exif=exif.tobytes())
    return out.getvalue()


def _photo(seed: int, target: int) -> bytes:
    """A JPEG within 2 % of `target` bytes (the pixel count is tuned; quality and noise stay)."""
    width, height = 2400, 1800
    data = _render_photo(seed, width, height)
    for _ in range(6):
        if abs(len(data) - target) <= 0.02 * target:
            break
        scale = (target / len(data)) ** 0.5
        width, height = max(64, round(width * scale)), max(48, round(height * scale))
        data = _render_photo(seed, width, height)
    return data


def build_submission(seed: int, wire_bytes: int, photos: int, tag: str) -> bytes:
    """A complete submission of about `wire_bytes` on the wire (CRLF, base64): .docx + photos."""
    from email.message import EmailMessage
    from email.policy import SMTP
    from email.utils import formatdate

    rng = random.Random(seed)
    unit, author = rng.choice(_UNITS), "王晓岚"
    title = f"{unit}开展{rng.choice(_WORDS)}活动{_cjk(rng, 4)}"
    docx = _manuscript(rng, unit, title, author, photos)
    header_room = 2000 + 400 * (photos + 1)
    per_photo = max(20_000, int((wire_bytes - header_room) / _BASE64_GROWTH - len(docx)) // max(photos, 1))
    msg = EmailMessage()
    msg["From"] = f"{author} <{tag}-{seed}@163.com>"
    msg["To"] = "tougao@localhost"
    msg["Subject"] = f"{unit}+{title}"
    msg["Date"] = formatdate(localtime=True)
    msg["Message-ID"] = f"<bench-{tag}-{seed}-{rng.getrandbits(40):010x}@163.com>"
    msg.set_content(f"编辑老师您好：\n\n投稿《{title}》，稿件和{photos}张现场照片见附件，请审阅。\n\n{unit} {author}\n")
    msg.add_attachment(docx, maintype="application",
                       subtype="vnd.openxmlformats-officedocument.wordprocessingml.document",
                       filename=f"{title}.docx")
    for n in range(photos):
        msg.add_attachment(_photo(seed * 100 + n, per_photo), maintype="image", subtype="jpeg",
                           filename=f"IMG_20260301_{1001 + n}.jpg")
    return msg.as_bytes(policy=SMTP)


# --------------------------------------------------------------------------- the child: a worker process


def _status_kib() -> dict[str, int]:
    with open("/proc/self/status") as fh:
        return {k: int(v.split()[0]) for k, v in (line.split(":", 1) for line in fh) if k in ("VmRSS", "VmHWM")}


def _reset_hwm() -> bool:
    try:
        with open("/proc/self/clear_refs", "w") as fh:
            fh.write("5")
        return True
    except OSError:
        return False


def _short(filename: str) -> str:
    for marker in ("site-packages/", f"lib/python{sys.version_info[0]}.{sys.version_info[1]}/"):
        if marker in filename:
            return filename.split(marker, 1)[1]
    try:
        return str(Path(filename).resolve().relative_to(REPO))
    except ValueError:
        return filename


def _top_sites(snapshot: Any, limit: int) -> list[dict[str, Any]]:
    """The largest allocation sites: (allocating line, the innermost intake line that led to it)."""
    groups: dict[tuple[str, str], list[int]] = {}
    for trace in snapshot.traces:
        frames = list(trace.traceback)  # oldest first
        site = frames[-1]
        ours = next((f for f in reversed(frames) if "/intake/" in f.filename), None)
        key = (f"{_short(site.filename)}:{site.lineno}", f"{_short(ours.filename)}:{ours.lineno}" if ours else "")
        entry = groups.setdefault(key, [0, 0])
        entry[0] += trace.size
        entry[1] += 1
    top = sorted(groups.items(), key=lambda item: -item[1][0])[:limit]
    return [{"site": site, "via": via, "bytes": size, "blocks": count} for (site, via), (size, count) in top]


class Probe:
    """Checkpoints at the entry and exit of the wrapped stages; per interval between two of them:
    the peak RSS (VmHWM, then reset), the RSS at its end and, when tracing, the traced memory."""

    def __init__(self, trace: bool) -> None:
        self.trace = trace
        self.active = False
        self.rows: list[dict[str, Any]] = []
        self.stack: list[str] = []
        self.counts: dict[str, int] = {}
        self.prev: tuple[str, str] = ("enter", "ingest")
        self.clock = 0.0
        self.hwm = _reset_hwm()
        self.sampled = 0  # the 5 ms sampler's maximum (kB) when clear_refs is not writable
        self.best_traced = 0
        self.snapshot: dict[str, Any] | None = None
        self.missing: list[str] = []
        if not self.hwm:
            import threading

            threading.Thread(target=self._sample, daemon=True).start()

    def _sample(self) -> None:
        while True:
            if self.active:
                self.sampled = max(self.sampled, _status_kib()["VmRSS"])
            time.sleep(0.005)

    def start(self) -> None:
        self.rows, self.stack, self.counts = [], ["ingest"], {}
        self.prev, self.clock = ("enter", "ingest"), time.perf_counter()
        if self.trace:
            import tracemalloc

            tracemalloc.reset_peak()
        self.sampled = _status_kib()["VmRSS"]
        _reset_hwm()
        self.active = True

    def stop(self) -> None:
        self._event("exit", "ingest")
        self.active = False

    def _label(self, kind: str, name: str) -> str:
        depth = "  " * max(len(self.stack) - 1, 0)
        if self.prev == ("enter", name) and kind == "exit":
            return depth + name
        where = self.stack[-1]
        start = "start" if self.prev[0] == "enter" else f"after {self.prev[1]}"
        end = "end" if kind == "exit" else f"before {name}"
        return f"{depth}({where}: {start} → {end})"

    def _event(self, kind: str, name: str) -> None:
        if not self.active:
            return
        status = _status_kib()
        now = time.perf_counter()
        row: dict[str, Any] = {"stage": self._label(kind, name), "ms": (now - self.clock) * 1000,
                               "end_kib": status["VmRSS"]}
        if self.hwm:
            row["peak_kib"] = status["VmHWM"]
        else:
            row["peak_kib"], self.sampled = max(self.sampled, status["VmRSS"]), status["VmRSS"]
        if self.trace:
            import tracemalloc

            current, peak = tracemalloc.get_traced_memory()
            row.update(traced=current, traced_peak=peak)
            if current > self.best_traced * 1.02:  # summarised and dropped before the peak is reset
                self.best_traced = current
                self.snapshot = {"at": f"{kind} {name}", "traced": current,
                                 "sites": _top_sites(tracemalloc.take_snapshot(), 15)}
            tracemalloc.reset_peak()
        self.rows.append(row)
        if kind == "enter":
            self.stack.append(name)
        elif self.stack and self.stack[-1] == name:
            self.stack.pop()
        self.prev = (kind, name)
        if self.hwm:
            _reset_hwm()
        self.clock = time.perf_counter()

    def wrap(self, owner: Any, attr: str, name: str, big_only: bool = False) -> None:
        """Replace owner.attr with a wrapper that checkpoints at its entry and exit (a name that is
        gone, intake being changed, is listed in `missing` and measured as part of its caller)."""
        original = getattr(owner, attr, None)
        if original is None:
            self.missing.append(f"{getattr(owner, '__name__', type(owner).__name__)}.{attr}")
            return
        probe = self

        def wrapper(*args: Any, **kwargs: Any) -> Any:
            if not probe.active or (big_only and not any(isinstance(a, bytes | bytearray) and len(a) > MIB
                                                         for a in args)):
                return original(*args, **kwargs)
            probe.counts[name] = probe.counts.get(name, 0) + 1
            label = name if probe.counts[name] == 1 else f"{name}#{probe.counts[name]}"
            probe._event("enter", label)
            try:
                return original(*args, **kwargs)
            finally:
                probe._event("exit", label)

        setattr(owner, attr, wrapper)


class _TracedTransport:
    def __init__(self, inner: Any, probe: Probe) -> None:
        self.inner = inner
        self.send: Callable[..., None] = inner.send
        probe.wrap(self, "send", "transport.send")


def child(spec: dict[str, Any]) -> dict[str, Any]:
    sys.path.insert(0, str(REPO))
    import email.message
    import email.parser
    import smtplib

    import mailparser
    from sqlalchemy import select

    import intake.mail
    import intake.outbox
    import intake.pipeline
    import intake.runtime
    import intake.service
    from intake.config import load_settings
    from intake.tables import Message, Notice

    runtime = intake.runtime.build_runtime(load_settings(), inline=True, migrate=False)
    probe = Probe(spec["trace"])
    probe.wrap(intake.service, "parse_mail", "parse_mail")
    probe.wrap(email.parser.Parser, "parse", "email.parser")  # the stdlib tree, under mail-parser
    probe.wrap(mailparser.MailParser, "parse", "mailparser.parse")
    probe.wrap(intake.mail, "_attachments_from_mailparser", "decode attachments")
    probe.wrap(intake.pipeline, "extract", "extract")
    probe.wrap(intake.service, "plan", "plan")
    probe.wrap(intake.service, "compose_notices", "compose_notices")
    probe.wrap(intake.service, "record_notices", "record_notices")
    probe.wrap(intake.outbox, "compose_into", "compose")
    probe.wrap(email.message.Message, "as_bytes", "as_bytes")
    probe.wrap(intake.runtime, "send_notice", "send_notice")
    probe.wrap(smtplib.SMTP, "send", "smtplib send", big_only=True)
    runtime.transport = _TracedTransport(runtime.transport, probe)  # type: ignore[assignment]

    warm = runtime.ingest(spec["warm"])  # lazy imports, templates, the connection, the outbox
    intake.runtime.freeze_long_lived()  # as a worker process does once it has started
    if spec["trace"]:
        import tracemalloc

        tracemalloc.start(16)
    idle = _status_kib()["VmRSS"]
    probe.start()
    result = runtime.ingest(spec["big"])
    probe.stop()
    if spec["trace"]:
        tracemalloc.stop()
    with runtime.store.session() as s:
        size = s.get_one(Message, spec["big"]).size_bytes
        notices = [{"kind": kind, "bytes": n, "status": status} for kind, n, status in s.execute(
            select(Notice.kind, Notice.size_bytes, Notice.status).where(Notice.message_id == spec["big"])
            .order_by(Notice.id))]
    return {"mail_bytes": size, "idle_kib": idle, "peak_kib": max(r["peak_kib"] for r in probe.rows),
            "hwm": probe.hwm, "rows": probe.rows, "notices": notices, "outcome": result.get("outcome"),
            "warm_outcome": warm.get("outcome"), "warnings": result.get("warnings"), "snapshot": probe.snapshot,
            "missing": probe.missing}


# --------------------------------------------------------------------------- the parent


class _Sink:
    """aiosmtpd hook: counts and drops every mail (it runs in the parent, outside the measurement)."""

    def __init__(self) -> None:
        self.mails: list[int] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.mails.append(len(envelope.content))
        return "250 OK"


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _prepare(data_dir: Path, smtp_url: str | None, warm: bytes, big: bytes) -> tuple[dict[str, str], int, int]:
    """The child's environment and the two stored message ids (recorded as the poller does)."""
    sys.path.insert(0, str(REPO))
    from intake.config import load_settings
    from intake.runtime import build_runtime

    env = {k: v for k, v in os.environ.items() if not k.startswith("INTAKE_")}
    env.update(INTAKE_DATA_DIR=str(data_dir), INTAKE_REVIEWERS=",".join(REVIEWERS), INTAKE_LOG_FORMAT="text")
    if smtp_url:
        env["INTAKE_SMTP_URL"] = smtp_url
    runtime = build_runtime(load_settings(env), inline=True)  # migrates; makes the data dir's secret.key
    warm_id, _ = runtime.store.record_message(warm, "bench")
    big_id, _ = runtime.store.record_message(big, "bench")
    runtime.store.dispose()
    return env, warm_id, big_id


def _one(work: Path, k: int, smtp_url: str | None, mails: tuple[bytes, bytes], trace: bool) -> dict[str, Any]:
    env, warm_id, big_id = _prepare(work / f"run{k}", smtp_url, *mails)
    spec = json.dumps({"warm": warm_id, "big": big_id, "trace": trace})
    done = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--child", spec], env=env, cwd=REPO,
                          capture_output=True, text=True, timeout=1800)
    if done.returncode != 0:
        raise SystemExit(f"child failed ({done.returncode}):\n{done.stderr[-4000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    if not smtp_url:
        result["delivered"] = len(list((work / f"run{k}" / "outbox").glob("*.eml")))
    return result


def _mib(kib: float) -> str:
    return f"{kib / 1024:7.1f} MiB"


def _check(r: dict[str, Any]) -> None:
    sent = [n for n in r["notices"] if n["status"] == "sent"]
    if r["outcome"] != "accepted" or len(sent) != 1 + len(REVIEWERS):
        raise SystemExit(f"the big mail was not processed as a complete submission: outcome {r['outcome']}, "
                         f"notices {r['notices']}, warnings {r['warnings']}")


def _stage_table(rows: list[dict[str, Any]], idle: int, traced: bool) -> None:
    width = max(len(r["stage"]) for r in rows) + 2
    if traced:
        print(f"{'stage':<{width}}{'ms':>8}{'traced current':>17}{'traced peak':>14}")
        for r in rows:
            print(f"{r['stage']:<{width}}{r['ms']:>8.0f}{r['traced'] / MIB:>13.1f} MiB"
                  f"{r['traced_peak'] / MIB:>10.1f} MiB")
        return
    print(f"{'stage':<{width}}{'ms':>8}{'peak above idle':>18}{'end above idle':>17}")
    for r in rows:
        print(f"{r['stage']:<{width}}{r['ms']:>8.0f}{_mib(r['peak_kib'] - idle):>18}{_mib(r['end_kib'] - idle):>17}")


def big_main(args: argparse.Namespace) -> int:
    work = Path(tempfile.mkdtemp(prefix="bench-memory-"))
    controller = None
    sink = _Sink()
    try:
        started = time.perf_counter()
        big = build_submission(1, int(args.mail_mb * MIB), args.photos, "big")
        warm = build_submission(2, 400_000, 2, "warm")
        print(f"mail: {len(big):,} bytes ({len(big) / MIB:.1f} MiB) on the wire, {args.photos} photos "
              f"(warm-up mail {len(warm) / 1024:.0f} KiB); built in {time.perf_counter() - started:.1f} s")
        smtp_url = None
        if args.smtp:
            from aiosmtpd.controller import Controller

            port = _free_port()
            controller = Controller(sink, hostname="127.0.0.1", port=port, data_size_limit=512 * MIB)
            controller.start()
            smtp_url = f"smtp://127.0.0.1:{port}"
        where = f"an aiosmtpd sink in the parent ({smtp_url})" if smtp_url else "the file outbox"
        print(f"notices sent to {where}")
        results = []
        for k in range(args.runs):
            before = len(sink.mails)
            r = _one(work, k, smtp_url, (warm, big), trace=False)
            if smtp_url:
                r["delivered"] = len(sink.mails) - before
            _check(r)
            above = r["peak_kib"] - r["idle_kib"]
            r["ratio"] = above * 1024 / r["mail_bytes"]
            results.append(r)
            print(f"run {k + 1}: idle {_mib(r['idle_kib'])}, peak {_mib(r['peak_kib'])}, above idle "
                  f"{_mib(above)}, ×{r['ratio']:.2f} the mail"
                  + ("" if r["hwm"] else " (sampled every 5 ms: clear_refs not writable)"))
        status = 0
        if results:
            med = sorted(results, key=lambda r: r["ratio"])[(len(results) - 1) // 2]
            ratio = statistics.median(r["ratio"] for r in results)
            idle = statistics.median(r["idle_kib"] for r in results)
            peak = statistics.median(r["peak_kib"] for r in results)
            above = statistics.median(r["peak_kib"] - r["idle_kib"] for r in results)
            verdict = "PASS" if ratio <= TARGET_RATIO else "FAIL"
            status = 0 if verdict == "PASS" else 1
            print(f"\nmedian of {len(results)} runs")
            print(f"  mail size        {med['mail_bytes'] / MIB:7.1f} MiB")
            print(f"  idle RSS         {_mib(idle)}")
            print(f"  peak RSS         {_mib(peak)}")
            print(f"  peak above idle  {_mib(above)}")
            print(f"  ratio            {ratio:7.2f} ×  (target ≤ {TARGET_RATIO})  {verdict}")
            print("  notices          " + ", ".join(f"{n['kind']} {n['bytes'] / MIB:.1f} MiB" for n in med["notices"])
                  + f"; {med['delivered']} mails delivered (warm-up mail's included)")
            top = max(med["rows"], key=lambda row: row["peak_kib"])
            print(f"  peak reached in  {top['stage'].strip()}")
            if med["missing"]:
                print(f"  not found (no checkpoint): {', '.join(med['missing'])}")
            print("\nstages of the median run (RSS: the kernel's high-water mark in each interval, "
                  f"idle {_mib(med['idle_kib']).strip()})")
            _stage_table(med["rows"], med["idle_kib"], traced=False)
        if args.trace:
            r = _one(work, args.runs, smtp_url, (warm, big), trace=True)
            _check(r)
            print("\nunder tracemalloc (Python allocations made during the ingest; RSS not comparable)")
            _stage_table(r["rows"], r["idle_kib"], traced=True)
            snap = r["snapshot"]
            if snap:
                print(f"\ntop 15 allocation sites, snapshot at '{snap['at']}' ({snap['traced'] / MIB:.1f} MiB traced)")
                print(f"{'MiB':>7}{'blocks':>8}  {'allocated at':<44} via")
                for site in snap["sites"]:
                    print(f"{site['bytes'] / MIB:>7.1f}{site['blocks']:>8}  {site['site']:<44} {site['via']}")
        return status
    finally:
        if controller is not None:
            controller.stop()
        if args.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=10, help="many-mails mode: passes over the corpus")
    parser.add_argument("--big", action="store_true", help="one big mail through Runtime.ingest (the issue's target)")
    parser.add_argument("--runs", type=int, default=3, help="--big: measured runs, a fresh process each")
    parser.add_argument("--mail-mb", type=float, default=25.0, help="--big: the mail's size on the wire, MiB")
    parser.add_argument("--photos", type=int, default=10, help="--big: JPEG photos in the mail")
    parser.add_argument("--smtp", action="store_true", help="--big: send to an aiosmtpd sink, not the file outbox")
    parser.add_argument("--trace", action="store_true", help="--big: one more run under tracemalloc")
    parser.add_argument("--keep", action="store_true", help="--big: keep the data dirs")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(json.loads(args.child))))
        return 0
    return big_main(args) if args.big else many_main(args.rounds)


if __name__ == "__main__":
    sys.exit(main())
