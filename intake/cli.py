"""The `intake` command: ingest, run, poll, worker, flower, demo, db, config, status, submissions,
notices, replay, backfill, purge. User-facing lines are Chinese first (INTAKE_LANGUAGE=en for English).

Exit codes: 0 done; 1 a failure or, for `status`, something needs attention; 2 usage;
3 configuration invalid or a database, broker or mailbox that cannot be reached."""

from __future__ import annotations

import argparse
import json
import logging
import os
import signal
import sys
import threading
import time
from pathlib import Path
from typing import Any

from intake.backfill import read_inputs
from intake.config import ConfigError, MailboxSettings, Settings, load_settings
from intake.i18n import t
from intake.logs import context as log_context
from intake.outages import is_outage, outage_line
from intake.runtime import SWEEP_SECONDS, InlineQueue, Runtime, build_runtime, freeze_long_lived
from intake.states import MessageStatus

WARN_SECONDS = 30.0
OPS_LEASE = ":operations"  # the key intake:poller-lease::operations; no mailbox name starts with ":"

log = logging.getLogger("intake")

EXIT_OK, EXIT_FAILURE, EXIT_USAGE, EXIT_CONFIG = 0, 1, 2, 3


def _settings(env: dict[str, str] | None = None) -> Settings:
    try:
        return load_settings(env)
    except ConfigError as exc:
        print(t("config_error", error=exc), file=sys.stderr)
        raise SystemExit(EXIT_CONFIG) from exc


def _require_secret(settings: Settings) -> None:
    """Processing needs the secret (decisions, Message-IDs): say which setting is missing and stop."""
    from intake.secret import require_secret

    try:
        require_secret(settings)
    except ConfigError as exc:
        print(t("config_error", error=exc), file=sys.stderr)
        raise SystemExit(EXIT_CONFIG) from exc


def cmd_ingest(args: argparse.Namespace) -> int:
    settings = _settings()
    _require_secret(settings)
    runtime = build_runtime(settings, inline=True)
    status = EXIT_OK
    if not args.json:
        print(t("ingest_head"))
    for raw_path in args.paths:
        path = Path(raw_path)
        if not path.exists():
            print(t("no_input", path=path), file=sys.stderr)
            status = EXIT_FAILURE
            continue
        for name, raw in read_inputs(path):
            message_id, _ = runtime.store.record_message(raw, "cli")
            try:
                result = runtime.ingest(message_id)
            except Exception as exc:  # recorded as failed by the runtime; report and go on
                print(f"{name}: {type(exc).__name__}: {exc}", file=sys.stderr)
                status = EXIT_FAILURE
                continue
            _print_result(result, name, args.json)
    return status


def _print_result(result: dict[str, Any], name: str, as_json: bool) -> None:
    if as_json:
        print(json.dumps(result, ensure_ascii=False), flush=True)
        return
    title = (result.get("draft") or {}).get("title") or Path(name).name
    missing = ",".join(result.get("missing") or [])
    print(t("ingest_line", outcome=result["outcome"], tracking=result.get("tracking_id") or "-",
            reason=result.get("reason") or missing or "-", subject=title))


def _install_signals(stop: threading.Event) -> None:
    def handler(signum: int, _frame: object) -> None:
        log.info("signal %s: finishing the current message, then stopping", signum)
        stop.set()

    signal.signal(signal.SIGTERM, handler)
    signal.signal(signal.SIGINT, handler)


def _lease_for(settings: Settings, name: str) -> Any:
    from intake.poller.lease import NoLease, RedisLease

    if settings.broker_url and settings.broker_url.startswith(("redis://", "rediss://")):
        return RedisLease(settings.broker_url, name)
    return NoLease()


def watch(runtime: Runtime, stop: threading.Event, once: bool = False) -> None:
    """Run one watcher thread per mailbox plus the outbox sweeper until `stop`."""
    from intake.delivery import watcher
    from intake.operations import Operations
    from intake.status import warn_stale

    settings = runtime.settings
    if once:
        for box in settings.mailboxes:
            one = watcher(runtime, box, stop)
            if box.scheme == "maildir":
                one.run_maildir(once=True)
            else:
                one.sweep_imap_once()
        runtime.sweep()
        return
    local = runtime.queue if isinstance(runtime.queue, InlineQueue) else None
    if local is not None:
        local.defer()  # watcher threads hand ids over; this thread does the work

    def watching(box: MailboxSettings) -> None:
        with log_context(mailbox=box.name):
            watcher(runtime, box, stop, _lease_for(settings, box.name)).run()

    threads = [threading.Thread(target=watching, args=(box,), name=f"watch-{box.name}", daemon=True)
               for box in settings.mailboxes]
    ops = Operations(runtime)
    # Alarms and the monthly table come from one poller only (hot standby: the one holding this lease).
    ops_lease = _lease_for(settings, OPS_LEASE)
    for thread in threads:
        thread.start()
    print(t("poll_start", names=", ".join(b.name for b in settings.mailboxes)), flush=True)
    # Every SWEEP_SECONDS: hand on messages and notices nobody holds (a worker died, a task was
    # lost), so recovery takes seconds; every WARN_SECONDS: warn about mailboxes gone quiet.
    next_sweep = time.monotonic() + SWEEP_SECONDS
    next_warning = time.monotonic() + WARN_SECONDS
    while not stop.is_set():
        if local is not None:
            local.work(min(0.5, max(next_sweep - time.monotonic(), 0.0)))
        else:
            stop.wait(max(next_sweep - time.monotonic(), 0.0))
        if time.monotonic() < next_sweep or stop.is_set():
            continue
        next_sweep = time.monotonic() + SWEEP_SECONDS
        try:
            runtime.sweep()
            runtime.requeue_stale()
            if time.monotonic() >= next_warning:
                next_warning = time.monotonic() + WARN_SECONDS
                warn_stale(runtime.store, settings)
            if ops_lease.acquire():
                ops.tick()
        except Exception as exc:
            if is_outage(exc):  # one line per sweep while the database or broker is away, no traceback
                log.warning("sweep skipped: %s", outage_line(exc, settings))
            else:
                log.exception("sweep failed")
    if local is not None:
        local.work(5.0)  # finish what was handed over before the stop
    for thread in threads:
        thread.join(timeout=30)
    ops_lease.release()
    print(t("poll_stop"), flush=True)


def cmd_run(args: argparse.Namespace) -> int:
    settings = _settings()
    if args.command == "poll" and settings.broker_url is None:
        print(t("poll_needs_broker"), file=sys.stderr)
        return EXIT_CONFIG
    if settings.broker_url is None:  # work runs in this process; a poller alone needs no secret
        _require_secret(settings)
    runtime = build_runtime(settings)
    if settings.metrics_port and not args.once:
        from intake.metrics import serve

        try:
            serve(settings.metrics_port, runtime.store, settings, runtime.queue.backlog, settings.metrics_host)
        except OSError as exc:
            print(t("config_error", error=f"INTAKE_METRICS_PORT={settings.metrics_port}: {exc}"), file=sys.stderr)
            return EXIT_CONFIG
    if not args.once:
        freeze_long_lived()  # a long-running process: collect each mail's garbage right after it
    stop = threading.Event()
    _install_signals(stop)
    try:
        watch(runtime, stop, once=args.once)
    except Exception as exc:  # --once: one clear line instead of a traceback (the loop itself never raises)
        if is_outage(exc):
            print(outage_line(exc, settings), file=sys.stderr)
            return EXIT_CONFIG
        print(t("run_failed", error=f"{type(exc).__name__}: {exc}"), file=sys.stderr)
        return EXIT_FAILURE
    return EXIT_OK


def cmd_worker(args: argparse.Namespace) -> int:
    settings = _settings()
    if not settings.broker_url:
        print(t("config_error", error="INTAKE_BROKER_URL: a worker needs a broker (redis://…)"), file=sys.stderr)
        return EXIT_CONFIG
    _require_secret(settings)
    extra = args.celery_args[1:] if args.celery_args[:1] == ["--"] else args.celery_args
    if settings.metrics_port:  # the pool's processes write their timings here; the main process serves them
        import tempfile

        os.environ["PROMETHEUS_MULTIPROC_DIR"] = tempfile.mkdtemp(prefix="intake-metrics-")
    # -E: task events, which Flower shows (docker-compose.yml's flower service)
    argv = [sys.executable, "-m", "celery", "-A", "workers.app", "worker", "-E", "--without-gossip",
            "--without-mingle", "-l", args.loglevel, *extra]
    os.execv(sys.executable, argv)
    return EXIT_FAILURE  # not reached


def cmd_db_upgrade(_args: argparse.Namespace) -> int:
    from intake.store.connections import shown_url

    settings = _settings()
    runtime = build_runtime(settings, inline=True, migrate=True)
    print(t("db_upgraded", url=shown_url(runtime.store)))
    return EXIT_OK


def cmd_config_show(args: argparse.Namespace) -> int:
    from intake.checks import show

    rows = show(_settings())
    if args.json:
        print(json.dumps({r["setting"]: r["value"] for r in rows}, ensure_ascii=False, indent=2))
    else:
        for row in rows:
            print(f"{row['setting']} = {row['value']}")
    return EXIT_OK


def cmd_config_check(args: argparse.Namespace) -> int:
    from intake.checks import check

    report = check(connect=not args.no_connect)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
        return EXIT_OK if report["ok"] else EXIT_CONFIG
    for row in report["settings"]:
        print(f"{row['setting']} = {row['value']}")
    for error in report["errors"]:
        print(t("config_error", error=error["message"]), file=sys.stderr)
    for item in report["checks"]:
        key = "check_ok" if item["ok"] else "check_failed"
        print(t(key, name=item["name"], setting=item["setting"], target=item["target"], detail=item["detail"]))
    if report["ok"]:
        print(t("config_ok"))
        return EXIT_OK
    print(t("config_not_ok", errors=len(report["errors"]), failed=sum(not c["ok"] for c in report["checks"])),
          file=sys.stderr)
    return EXIT_CONFIG


def cmd_status(args: argparse.Namespace) -> int:
    from intake.status import collect, exit_code, render, warn_stale

    settings = _settings()
    runtime = build_runtime(settings, inline=True)
    if args.health:  # liveness: is every mailbox being polled (a never-polled one is not)?
        stale = warn_stale(runtime.store, settings)
        for name in stale:
            print(t("health_stale", name=name), file=sys.stderr)
        return EXIT_FAILURE if stale else EXIT_OK
    queue_depth = None
    if settings.broker_url:
        from intake.runtime import CeleryQueue

        queue_depth = CeleryQueue(settings).backlog()
    report = collect(runtime.store, settings, queue_depth)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        print(render(report, settings))
    return exit_code(report)


def cmd_submissions_list(args: argparse.Namespace) -> int:
    from intake.admin import list_submissions

    settings = _settings()
    rows = list_submissions(build_runtime(settings, inline=True).store, settings, args.status, args.days, args.limit)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return EXIT_OK
    print(t("submissions_head"))
    for row in rows:
        missing = ",".join(row["missing"]) or "-"
        print(t("submissions_line", tracking=row["tracking_id"], created=row["created_local"], status=row["status"],
                missing=missing, title=row["title"] or t("no_title"), contributor=row["contributor"]))
    return EXIT_OK


def cmd_submissions_show(args: argparse.Namespace) -> int:
    from intake.admin import NotFound, show_submission

    settings = _settings()
    try:
        row = show_submission(build_runtime(settings, inline=True).store, settings, args.key)
    except NotFound:
        print(t("no_submission", wanted=args.key), file=sys.stderr)
        return EXIT_FAILURE
    if args.json:
        print(json.dumps(row, ensure_ascii=False, indent=2))
        return EXIT_OK
    for key in ("tracking_id", "status", "outcome", "reason", "title", "source_unit", "authors", "phone",
                "reviewer", "contributor", "missing", "warnings", "revision", "created_local"):
        value = row[key]
        shown = ", ".join(map(str, value)) if isinstance(value, list) else ("-" if value is None else value)
        print(f"{key}: {shown}")
    for f in row["files"]:
        print(t("show_file", kind=f["kind"], name=f["filename"], size=f["size_bytes"],
                kept="" if f["kept"] else t("purged")))
    for m in row["messages"]:
        print(t("show_message", id=m["id"], outcome=m["outcome"] or m["status"], sender=m["sender"],
                subject=m["subject"]))
    for n in row["notices"]:
        print(t("show_notice", id=n["id"], kind=n["kind"], to=", ".join(n["to"]), status=n["status"],
                error=f" {n['error']}" if n["error"] else ""))
    for e in row["events"]:
        print(f"{e['at_local']} {e['kind']} ({e['actor']})")
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from intake.export import ExportRefused, export_submission

    settings = _settings()
    runtime = build_runtime(settings, inline=True)
    try:
        done = export_submission(runtime.store, settings, args.tracking_id, Path(args.out), zip_=args.zip,
                                 force=args.force)
    except ExportRefused as exc:
        print(t(exc.key, **exc.values), file=sys.stderr)
        return EXIT_FAILURE
    shown_zip = t("export_zip", path=done.zip_path) if done.zip_path else ""
    print(t("export_done", tracking=done.folder.name, folder=done.folder, photos=len(done.photos), zip=shown_zip))
    return EXIT_OK


def cmd_notices_retry(args: argparse.Namespace) -> int:
    from intake.admin import retry_notices

    if not args.ids and not args.failed:
        print(t("retry_what"), file=sys.stderr)
        return EXIT_USAGE
    settings = _settings()
    _require_secret(settings)
    runtime = build_runtime(settings)
    ids = retry_notices(runtime.store, args.ids, args.failed)
    for notice_id in ids:
        runtime.queue.send(notice_id)
    print(t("notices_retried", count=len(ids), ids=", ".join(map(str, ids)) or "-"))
    return EXIT_OK


def cmd_backfill(args: argparse.Namespace) -> int:
    from intake.backfill import backfill

    settings = _settings()
    _require_secret(settings)
    runtime = build_runtime(settings)
    try:
        summary = backfill(runtime, args.source)
    except FileNotFoundError:
        print(t("no_input", path=args.source), file=sys.stderr)
        return EXIT_FAILURE
    if args.json:
        print(json.dumps(summary, ensure_ascii=False, indent=2))
    else:
        print(t("backfill_summary", seen=summary["seen"], stored=summary["stored"], known=summary["known"],
                requeued=summary["requeued"], failed=summary["failed"], seconds=summary["seconds"],
                outcomes=", ".join(f"{k} {v}" for k, v in summary["outcomes"].items()) or "-"))
        for error in summary["errors"]:
            print(f"  {error['item']}: {error['error']}", file=sys.stderr)
    return EXIT_FAILURE if summary["failed"] else EXIT_OK


def cmd_purge(args: argparse.Namespace) -> int:
    from intake.admin import purge

    settings = _settings()
    result = purge(build_runtime(settings, inline=True).store, args.older_than, args.dry_run)
    if args.json:
        print(json.dumps(result))
    else:
        key = "purge_dry_run" if args.dry_run else "purged_files"
        print(t(key, files=result["files"], mb=result["bytes"] / 1e6, days=args.older_than,
                shared=result["kept_shared"]))
    return EXIT_OK


def cmd_stats(args: argparse.Namespace) -> int:
    from intake import stats

    try:
        year, month = stats.parse_month(args.month)
    except ValueError:
        print(t("stats_bad_month", month=args.month), file=sys.stderr)
        return EXIT_USAGE
    if args.format == "xlsx" and not args.out and not args.json:
        print(t("stats_xlsx_needs_out"), file=sys.stderr)
        return EXIT_USAGE
    settings = _settings()
    try:
        aliases = stats.configured_aliases(settings.extra)
    except ValueError as exc:
        print(t("config_error", error=exc), file=sys.stderr)
        return EXIT_CONFIG
    runtime = build_runtime(settings, inline=True)
    if args.mail:
        from intake.report import recipients, send_report

        to = tuple(a.strip().lower() for a in args.to.split(",") if a.strip()) if args.to else recipients(settings)
        if not to:
            print(t("stats_no_recipients"), file=sys.stderr)
            return EXIT_USAGE
        send_report(runtime, year, month, to, "cli")
        print(t("stats_mailed", month=f"{year}-{month:02d}", to=", ".join(to)), file=sys.stderr)
        return EXIT_OK
    report = stats.collect(runtime.store, settings.tz, year, month, aliases)
    if args.json:
        data = (json.dumps(stats.to_json(report, settings.timezone), ensure_ascii=False, indent=2) + "\n").encode()
    elif args.format == "csv":
        data = stats.to_csv(report)
    elif args.format == "xlsx":
        data = stats.to_xlsx(report)
    else:
        data = stats.render_table(report).encode()
    if args.out:
        Path(args.out).write_bytes(data)
        print(t("stats_written", path=args.out), file=sys.stderr)
    else:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    return EXIT_OK


def cmd_web(args: argparse.Namespace) -> int:
    from intake.web import serve

    settings = _settings()
    _require_secret(settings)
    print(t("web_listening", url=f"http://{args.host}:{args.port}/"), file=sys.stderr)
    serve(settings, args.host, args.port)
    return EXIT_OK


def _read_password(address: str) -> str | None:
    """The password from standard input (first line) when it is not a terminal; else asked twice."""
    import getpass

    if not sys.stdin.isatty():
        line = sys.stdin.readline()
        return line.rstrip("\r\n") or None
    first = getpass.getpass(t("user_password_prompt", address=address))
    if first != getpass.getpass(t("user_password_again")):
        print(t("user_password_mismatch"), file=sys.stderr)
        raise SystemExit(EXIT_USAGE)
    return first or None


def cmd_user_add(args: argparse.Namespace) -> int:
    from intake.web.auth import AccountError, add_user

    settings = _settings()
    password = None if args.no_password else _read_password(args.address)
    if password is None and not args.no_password:
        print(t("user_no_password"), file=sys.stderr)
        return EXIT_USAGE
    try:
        created = add_user(build_runtime(settings, inline=True).store, args.address, args.role, password)
    except AccountError as exc:
        print(t(exc.key, **exc.values), file=sys.stderr)
        return EXIT_USAGE
    print(t("user_added" if created else "user_updated", address=args.address.strip().lower(), role=args.role))
    return EXIT_OK


def cmd_user_disable(args: argparse.Namespace) -> int:
    from intake.web.auth import disable_user

    if not disable_user(build_runtime(_settings(), inline=True).store, args.address):
        print(t("user_unknown", address=args.address), file=sys.stderr)
        return EXIT_FAILURE
    print(t("user_disabled", address=args.address.strip().lower()))
    return EXIT_OK


def cmd_user_list(_args: argparse.Namespace) -> int:
    from intake.store.desk import all_accounts

    with build_runtime(_settings(), inline=True).store.session() as s:
        for account in all_accounts(s):
            state = "disabled" if account.disabled else ("proxy-only" if not account.password_hash else "active")
            print(f"{account.address}\t{account.role}\t{state}")
    return EXIT_OK


def cmd_decide(args: argparse.Namespace) -> int:
    from intake import decide

    settings = _settings()
    _require_secret(settings)
    runtime = build_runtime(settings)
    status = {"approve": "approved", "return": "returned", "reject": "rejected"}[args.action]
    if status != "approved" and not args.comment.strip():
        print(t("decide_comment_needed"), file=sys.stderr)
        return EXIT_USAGE
    try:
        done = decide.decide(runtime.store, settings, args.tracking_id,
                             decide.Act(status, args.comment, args.by, "cli"))
    except decide.NotDecidable:
        print(t("decide_not_decidable", tracking=args.tracking_id), file=sys.stderr)
        return EXIT_FAILURE
    except decide.Stale:
        print(t("decide_stale", tracking=args.tracking_id), file=sys.stderr)
        return EXIT_FAILURE
    except decide.Repeated:
        print(t("decide_repeated", tracking=args.tracking_id), file=sys.stderr)
        return EXIT_FAILURE
    for notice_id in done.notice_ids:
        runtime.queue.send(notice_id)
    print(t("decide_done", tracking=done.tracking_id, status=done.status, notices=len(done.notice_ids)))
    return EXIT_OK


def cmd_flower(args: argparse.Namespace) -> int:
    settings = _settings()
    if not settings.broker_url:
        print(t("poll_needs_broker"), file=sys.stderr)
        return EXIT_CONFIG
    extra = args.flower_args[1:] if args.flower_args[:1] == ["--"] else args.flower_args
    argv = [sys.executable, "-m", "celery", "-b", settings.broker_url, "flower", f"--address={args.address}",
            f"--port={args.port}", *extra]
    os.execv(sys.executable, argv)
    return EXIT_FAILURE  # not reached


def cmd_replay(args: argparse.Namespace) -> int:
    from intake.store.messages import replayable_messages
    from intake.tables import Event

    settings = _settings()
    runtime = build_runtime(settings)
    with runtime.store.session() as s:
        rows = replayable_messages(s, args.ids if args.ids and not args.failed else None)
        for msg in rows:
            msg.status, msg.attempts = MessageStatus.RECEIVED, 0
            s.add(Event(message_id=msg.id, kind="message.replayed", actor="cli"))
        ids = [m.id for m in rows]
    for message_id in ids:
        runtime.queue.ingest(message_id)
    print(t("replayed", count=len(ids)))
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    from intake.demo import run_demo

    return run_demo(Path(args.dir), Path(args.examples) if args.examples else None)


STATUS_EPILOG = """exit codes / 退出码:
  0  every mailbox polled lately, nothing failed in the last 24 h / 正常
  1  attention: a mailbox stale, never polled or failing; a notice or message failed in the last 24 h
     (with --health: a mailbox is not being polled) / 需要处理
  3  configuration invalid, or the database cannot be reached / 配置错误或数据库不可达"""


def build_parser() -> argparse.ArgumentParser:
    from intake import __version__

    parser = argparse.ArgumentParser(prog="intake", description="投稿邮箱机器人 / email submission intake bot",
                                     epilog=__doc__.split("\n\n", 1)[1] if __doc__ else None,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"intake {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="debug logging")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("ingest", help="process .eml files, Maildirs or mbox files now")
    p.add_argument("--json", action="store_true", help="print one JSON object per message (DESIGN.md §4)")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.set_defaults(func=cmd_ingest)
    p = sub.add_parser("run", help="poll the mailbox(es) and process (in process when no broker is set)")
    p.add_argument("--once", action="store_true", help="one sweep of every mailbox, then exit")
    p.set_defaults(func=cmd_run)
    p = sub.add_parser("poll", help="watch the mailbox(es) and enqueue to the broker (IMAP IDLE); needs a broker")
    p.add_argument("--once", action="store_true", help="one sweep of every mailbox, then exit")
    p.set_defaults(func=cmd_run)
    p = sub.add_parser("worker", help="start a Celery worker (with task events, for Flower)")
    p.add_argument("-l", "--loglevel", default="info")
    p.add_argument("celery_args", nargs=argparse.REMAINDER, help="passed on to celery worker")
    p.set_defaults(func=cmd_worker)
    p = sub.add_parser("flower", help="start Flower, the Celery monitor, on the broker (127.0.0.1:5555)")
    p.add_argument("--address", default="127.0.0.1")
    p.add_argument("--port", type=int, default=5555)
    p.add_argument("flower_args", nargs=argparse.REMAINDER, help="passed on to celery flower")
    p.set_defaults(func=cmd_flower)
    p = sub.add_parser("demo", help="process the sample submissions in a fresh local data folder")
    p.add_argument("--dir", default="intake-demo", help="data folder to (re)create (default: ./intake-demo)")
    p.add_argument("--examples", default=None, help="folder of sample .eml files (default: examples/)")
    p.set_defaults(func=cmd_demo)
    p = sub.add_parser("db", help="database commands")
    dbsub = p.add_subparsers(dest="db_command", required=True)
    dbsub.add_parser("upgrade", help="apply migrations").set_defaults(func=cmd_db_upgrade)
    p = sub.add_parser("config", help="configuration commands")
    csub = p.add_subparsers(dest="config_command", required=True)
    c = csub.add_parser("show", help="every setting, secrets masked")
    c.add_argument("--json", action="store_true")
    c.set_defaults(func=cmd_config_show)
    c = csub.add_parser("check", help="list every invalid setting and test each connection (exit 3 on any)")
    c.add_argument("--json", action="store_true")
    c.add_argument("--no-connect", action="store_true", help="validate the settings only")
    c.set_defaults(func=cmd_config_check)
    p = sub.add_parser("status", help="mailbox health, lag, counts, queue depth and recent failures",
                       epilog=STATUS_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--json", action="store_true")
    p.add_argument("--health", action="store_true", help="liveness only: exit 1 when a mailbox is not being polled")
    p.set_defaults(func=cmd_status)
    p = sub.add_parser("submissions", help="look submissions up")
    ssub = p.add_subparsers(dest="submissions_command", required=True)
    c = ssub.add_parser("list", help="the newest submissions")
    c.add_argument("--status", default=None, help="incomplete, pending_review, held, approved, returned")
    c.add_argument("--days", type=int, default=None, help="only the last N days")
    c.add_argument("--limit", type=int, default=50)
    c.add_argument("--json", action="store_true")
    c.set_defaults(func=cmd_submissions_list)
    c = ssub.add_parser("show", help="one submission: metadata, files, mails, notices, history")
    c.add_argument("key", metavar="TRACKING_ID|ID")
    c.add_argument("--json", action="store_true")
    c.set_defaults(func=cmd_submissions_show)
    p = sub.add_parser("export", help="write an approved submission for the CMS: DIR/TRACKING_ID/ with "
                                      "article.html, article.json and photos/")
    p.add_argument("tracking_id", metavar="TRACKING_ID")
    p.add_argument("--out", required=True, metavar="DIR", help="folder to write DIR/TRACKING_ID/ into")
    p.add_argument("--zip", action="store_true", help="also write DIR/TRACKING_ID.zip with the same files")
    p.add_argument("--force", action="store_true",
                   help="export a submission that is not approved, and replace an existing export")
    p.set_defaults(func=cmd_export)
    p = sub.add_parser("notices", help="outgoing mail commands")
    nsub = p.add_subparsers(dest="notices_command", required=True)
    c = nsub.add_parser("retry", help="send failed notices again (these ids, or --failed for all)")
    c.add_argument("ids", nargs="*", type=int)
    c.add_argument("--failed", action="store_true", help="every failed notice")
    c.set_defaults(func=cmd_notices_retry)
    p = sub.add_parser("replay", help="re-queue quarantined (failed) messages (these ids, or all)")
    p.add_argument("ids", nargs="*", type=int)
    p.add_argument("--failed", action="store_true", help="every quarantined message (the default without ids)")
    p.set_defaults(func=cmd_replay)
    p = sub.add_parser("backfill", help="bring in mail the poller never saw: a Maildir, mbox, .eml folder or "
                                        "imap[s]://user:pass@host/Folder (read only)")
    p.add_argument("source", metavar="MAILDIR|MBOX|IMAP-FOLDER")
    p.add_argument("--json", action="store_true", help="print the summary as JSON")
    p.set_defaults(func=cmd_backfill)
    p = sub.add_parser("purge", help="delete raw mail and attachments older than DAYS (records are kept)")
    p.add_argument("--older-than", type=int, required=True, metavar="DAYS")
    p.add_argument("--dry-run", action="store_true")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_purge)
    p = sub.add_parser("stats", help="the monthly table per source unit: submitted, accepted, adopted, adoption "
                                     "rate, median review days (a month in INTAKE_TIMEZONE)")
    p.add_argument("--month", required=True, metavar="YYYY-MM")
    p.add_argument("--format", choices=("table", "csv", "xlsx"), default="table",
                   help="table (default), csv (UTF-8 with BOM, CRLF), xlsx (needs --out)")
    p.add_argument("--out", default=None, metavar="FILE", help="write to FILE (default: standard output)")
    p.add_argument("--json", action="store_true", help="print the figures as JSON")
    p.add_argument("--mail", action="store_true", help="mail the table (text, HTML, CSV and XLSX attached) to "
                                                       "INTAKE_STATS_RECIPIENTS or --to")
    p.add_argument("--to", default=None, metavar="ADDR[,ADDR]", help="the recipients of --mail")
    p.set_defaults(func=cmd_stats)
    p = sub.add_parser("web", help="serve the editorial desk (the list, drafts, decisions, export, statistics)")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000)
    p.set_defaults(func=cmd_web)
    p = sub.add_parser("user", help="desk accounts")
    usub = p.add_subparsers(dest="user_command", required=True)
    c = usub.add_parser("add", help="add an account or set its role and password (read from standard input "
                                    "when it is not a terminal)")
    c.add_argument("address")
    c.add_argument("--role", choices=("reviewer", "admin"), default="reviewer")
    c.add_argument("--no-password", action="store_true", help="log in only through the trusted reverse proxy")
    c.set_defaults(func=cmd_user_add)
    c = usub.add_parser("disable", help="disable an account and end its sessions")
    c.add_argument("address")
    c.set_defaults(func=cmd_user_disable)
    usub.add_parser("list", help="every account: address, role, state").set_defaults(func=cmd_user_list)
    p = sub.add_parser("decide", help="decide on a submission as a reviewer (the same decision as a reply or "
                                      "the desk: the contributor is told)")
    p.add_argument("tracking_id", metavar="TRACKING_ID")
    p.add_argument("action", choices=("approve", "return", "reject"))
    p.add_argument("--comment", default="", help="the comment sent to the contributor (needed to return or reject)")
    p.add_argument("--by", required=True, metavar="ADDRESS", help="the reviewer the decision is recorded for")
    p.set_defaults(func=cmd_decide)
    return parser


def main(argv: list[str] | None = None) -> int:
    from intake.logs import setup

    args = build_parser().parse_args(argv)
    fmt = os.environ.get("INTAKE_LOG_FORMAT") or "text"
    try:
        setup(fmt, logging.DEBUG if args.verbose else logging.WARNING)
    except ValueError as exc:
        print(t("config_error", error=exc), file=sys.stderr)
        return EXIT_CONFIG
    if args.command in ("run", "poll") and not args.verbose:
        logging.getLogger("intake").setLevel(logging.INFO)
    if not args.verbose:  # mail-parser warns about every part type it leaves to us (delivery reports, …)
        logging.getLogger("mailparser").setLevel(logging.ERROR)
    try:
        code: int = args.func(args)
    except Exception as exc:
        if not is_outage(exc):
            raise
        print(outage_line(exc), file=sys.stderr)  # a server that cannot be reached: one line, no traceback
        return EXIT_CONFIG
    return code


if __name__ == "__main__":
    sys.exit(main())
