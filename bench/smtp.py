#!/usr/bin/env python3
"""Benchmark: delivering a burst of notices to a relay, one connection per mail vs. reused.

Sends N mails (a 6 kB acknowledgement each) to a private aiosmtpd relay three ways, in the same
run: intake.smtp with connection reuse (the default), intake.smtp with `reuse_seconds=0` (one
connection per mail, as before), and the floor: bare smtplib sending all N over one connection.
Over STARTTLS with AUTH (`--tls`) each new connection also costs a TLS handshake and a login,
which is where reuse matters most. Prints the median of `--runs` runs, mails/s, and the ratios.

    .venv/bin/python bench/smtp.py [--mails 300] [--runs 5] [--tls]
"""

from __future__ import annotations

import argparse
import smtplib
import statistics
import sys
import tempfile
import time
import warnings
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

import servers  # noqa: E402

from intake.smtp import SmtpTransport, close_connections, transport_from_url  # noqa: E402

BODY = ("您好！您的稿件已收到，受理编号 TG-20261203-0001。\r\n" * 80).encode()


def mail(i: int) -> bytes:
    head = (f"From: tougao@example.test\r\nTo: a{i}@163.com\r\nSubject: ack {i}\r\n"
            f"Message-ID: <bench.{i}@example.test>\r\nMIME-Version: 1.0\r\n"
            "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n")
    return head.encode() + BODY


def timed(send_all: object, sink: servers.SmtpSink, n: int) -> float:
    sink.clear()
    started = time.perf_counter()
    send_all()  # type: ignore[operator]
    sink.wait_for(n, timeout=300)
    return time.perf_counter() - started


def main() -> int:
    warnings.filterwarnings("ignore", message="Session.login_data")  # aiosmtpd's, once per login
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mails", type=int, default=300)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--tls", action="store_true", help="STARTTLS and AUTH, as a real submission relay")
    args = parser.parse_args()
    mails = [mail(i) for i in range(args.mails)]
    with tempfile.TemporaryDirectory() as tmp:
        tls = servers.make_tls(Path(tmp)) if args.tls else None
        mode = "starttls" if args.tls else "plain"
        creds = ("tougao", "secret") if args.tls else None
        with servers.smtp_sink(tls, mode, creds) as sink:
            base = transport_from_url(sink.url, verify_tls=False)
            assert isinstance(base, SmtpTransport)
            reused, fresh = base, replace(base, reuse_seconds=0)

            def with_transport(transport: SmtpTransport) -> None:
                for i, raw in enumerate(mails):
                    transport.send(raw, "tougao@example.test", (f"a{i}@163.com",), str(i))
                close_connections()

            def bare() -> None:
                import ssl

                client = smtplib.SMTP(sink.host, sink.port, timeout=30)
                if args.tls:
                    context = ssl.create_default_context()
                    context.check_hostname, context.verify_mode = False, ssl.CERT_NONE
                    client.starttls(context=context)
                    client.login(*creds)  # type: ignore[misc]
                for i, raw in enumerate(mails):
                    client.sendmail("tougao@example.test", [f"a{i}@163.com"], raw)
                client.quit()

            results: dict[str, list[float]] = {"bare smtplib, one connection": [], "intake, reused": [],
                                               "intake, one per mail": []}
            for _ in range(args.runs):
                results["bare smtplib, one connection"].append(timed(bare, sink, args.mails))
                results["intake, reused"].append(timed(lambda: with_transport(reused), sink, args.mails))
                results["intake, one per mail"].append(timed(lambda: with_transport(fresh), sink, args.mails))
    floor = statistics.median(results["bare smtplib, one connection"])
    print(f"{args.mails} mails × {args.runs} runs, {'STARTTLS+AUTH' if args.tls else 'plain SMTP'}; medians:")
    for name, times in results.items():
        median = statistics.median(times)
        print(f"  {name:<30} {median:7.3f} s  {args.mails / median:7.1f} mails/s  ×{median / floor:.2f} of the floor")
    return 0


if __name__ == "__main__":
    sys.exit(main())
