"""The `intake` command: ingest, run, poll, worker, demo, db upgrade, config check, status, replay."""

from __future__ import annotations

import argparse
import json
import logging
import mailbox
import os
import signal
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import select

from intake.config import ConfigError, Settings, load_settings
from intake.i18n import t
from intake.runtime import SWEEP_SECONDS, InlineQueue, Runtime, build_runtime, freeze_long_lived
from intake.states import MessageStatus

WARN_SECONDS = 30.0

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


def read_inputs(path: Path) -> Iterator[tuple[str, bytes]]:
    """Raw mails from an .eml file, a Maildir, a folder of .eml files, or an mbox file."""
    if path.is_dir():
        if (path / "cur").is_dir() or (path / "new").is_dir():
            md = mailbox.Maildir(path, create=False)
            for key in sorted(md.iterkeys()):
                yield f"{path}/{key}", md.get_bytes(key)
            return
        for item in sorted(path.glob("*.eml")):
            yield str(item), item.read_bytes()
        return
    with path.open("rb") as fh:
        head = fh.read(5)
    if head == b"From ":
        for i, msg in enumerate(mailbox.mbox(path, create=False)):
            yield f"{path}#{i + 1}", msg.as_bytes()
        return
    yield str(path), path.read_bytes()


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
    threads = [threading.Thread(target=watcher(runtime, box, stop, _lease_for(settings, box.name)).run,
                                name=f"watch-{box.name}", daemon=True) for box in settings.mailboxes]
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
        except Exception:
            log.exception("sweep failed")
    if local is not None:
        local.work(5.0)  # finish what was handed over before the stop
    for thread in threads:
        thread.join(timeout=30)
    print(t("poll_stop"), flush=True)


def cmd_run(args: argparse.Namespace) -> int:
    settings = _settings()
    if settings.broker_url is None:  # work runs in this process; a poller alone needs no secret
        _require_secret(settings)
    runtime = build_runtime(settings)
    if not args.once:
        freeze_long_lived()  # a long-running process: collect each mail's garbage right after it
    stop = threading.Event()
    _install_signals(stop)
    try:
        watch(runtime, stop, once=args.once)
    except Exception as exc:  # --once: one clear line instead of a traceback (the loop itself never raises)
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
    argv = [sys.executable, "-m", "celery", "-A", "workers.app", "worker", "--without-gossip",
            "--without-mingle", "-l", args.loglevel, *extra]
    os.execv(sys.executable, argv)
    return EXIT_FAILURE  # not reached


def cmd_db_upgrade(_args: argparse.Namespace) -> int:
    settings = _settings()
    runtime = build_runtime(settings, inline=True, migrate=True)
    print(t("db_upgraded", url=runtime.store.engine.url.render_as_string(hide_password=True)))
    return EXIT_OK


def cmd_config_check(_args: argparse.Namespace) -> int:
    settings = _settings()
    for key in ("data_dir", "database_url", "broker_url", "smtp_url", "submission_address", "reviewers",
                "max_message_bytes", "required_fields", "language"):
        value = getattr(settings, key)
        print(f"{key} = {_redact(str(value))}")
    for box in settings.mailboxes:
        print(f"mailbox[{box.name}] = {_redact(box.url)} ({box.processed_action} → {box.processed_folder})")
    source = "INTAKE_SECRET_KEY" if settings.secret_key else (
        str(settings.data_dir / "secret.key") if settings.secret_in_data_dir else "-")
    print(f"secret_key = ({source})")
    print(f"trusted_authserv_id = {','.join(settings.trusted_authserv_ids) or '-'}")
    print(f"review_reply_token_address = {str(settings.review_reply_token_address).lower()}")
    if source == "-":
        _require_secret(settings)
    print(t("config_ok"))
    return EXIT_OK


def _redact(value: str) -> str:
    from urllib.parse import urlsplit

    parts = urlsplit(value)
    if parts.password:
        return value.replace(f":{parts.password}@", ":***@")
    return value


def cmd_status(args: argparse.Namespace) -> int:
    from intake.status import print_status, warn_stale

    settings = _settings()
    runtime = build_runtime(settings, inline=True)
    if args.health:  # for container health checks: only "is every mailbox being polled?"
        return EXIT_FAILURE if warn_stale(runtime.store, settings) else EXIT_OK
    return print_status(runtime.store, settings)


def cmd_replay(args: argparse.Namespace) -> int:
    from intake.tables import Event, Message

    settings = _settings()
    runtime = build_runtime(settings)
    with runtime.store.session() as s:
        query = select(Message).where(Message.status == MessageStatus.FAILED)
        if args.ids:
            query = select(Message).where(Message.id.in_(args.ids), Message.status != MessageStatus.PROCESSED)
        rows = list(s.scalars(query))
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


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="intake", description="投稿邮箱机器人 / email submission intake bot")
    parser.add_argument("-v", "--verbose", action="store_true", help="debug logging")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("ingest", help="process .eml files, Maildirs or mbox files now")
    p.add_argument("--json", action="store_true", help="print one JSON object per message (DESIGN.md §4)")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.set_defaults(func=cmd_ingest)
    p = sub.add_parser("run", help="poll the mailbox(es) and process (in process when no broker is set)")
    p.add_argument("--once", action="store_true", help="one sweep of every mailbox, then exit")
    p.set_defaults(func=cmd_run)
    p = sub.add_parser("poll", help="watch the mailbox(es) and enqueue to the broker (IMAP IDLE)")
    p.add_argument("--once", action="store_true", help="one sweep of every mailbox, then exit")
    p.set_defaults(func=cmd_run)
    p = sub.add_parser("worker", help="start a Celery worker")
    p.add_argument("-l", "--loglevel", default="info")
    p.add_argument("celery_args", nargs=argparse.REMAINDER, help="passed on to celery worker")
    p.set_defaults(func=cmd_worker)
    p = sub.add_parser("demo", help="process the sample submissions in a fresh local data folder")
    p.add_argument("--dir", default="intake-demo", help="data folder to (re)create (default: ./intake-demo)")
    p.add_argument("--examples", default=None, help="folder of sample .eml files (default: examples/)")
    p.set_defaults(func=cmd_demo)
    p = sub.add_parser("db", help="database commands")
    dbsub = p.add_subparsers(dest="db_command", required=True)
    dbsub.add_parser("upgrade", help="apply migrations").set_defaults(func=cmd_db_upgrade)
    p = sub.add_parser("config", help="configuration commands")
    csub = p.add_subparsers(dest="config_command", required=True)
    csub.add_parser("check", help="validate every setting").set_defaults(func=cmd_config_check)
    p = sub.add_parser("status", help="mailbox health, queue counts and permanent failures")
    p.add_argument("--health", action="store_true", help="exit 1 only when a mailbox has not been polled lately")
    p.set_defaults(func=cmd_status)
    p = sub.add_parser("replay", help="re-queue quarantined (failed) messages")
    p.add_argument("ids", nargs="*", type=int)
    p.set_defaults(func=cmd_replay)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.WARNING,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    if args.command in ("run", "poll") and not args.verbose:
        logging.getLogger("intake").setLevel(logging.INFO)
    if not args.verbose:  # mail-parser warns about every part type it leaves to us (delivery reports, …)
        logging.getLogger("mailparser").setLevel(logging.ERROR)
    code: int = args.func(args)
    return code


if __name__ == "__main__":
    sys.exit(main())

