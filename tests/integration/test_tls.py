"""TLS to the mail servers: IMAPS and STARTTLS with certificate verification on by default; SMTP too."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import servers

pytestmark = pytest.mark.integration

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "examples" / "05-missing-phone.eml"


@pytest.fixture(scope="module")
def tls(tmp_path_factory: pytest.TempPathFactory) -> servers.TlsFiles:
    return servers.make_tls(tmp_path_factory.mktemp("tls"))


@pytest.fixture(scope="module")
def dovecot_tls(tls: servers.TlsFiles) -> Iterator[servers.DovecotServer]:
    with servers.dovecot_server(tls=tls) as server:
        yield server


def run_once(tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """`intake run --once` in embedded mode (in-process work) against the given mailbox and SMTP server."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith("INTAKE_")}
    settings = {"INTAKE_DATA_DIR": str(tmp_path), "INTAKE_SUBMISSION_ADDRESS": "tougao@example.test",
                **{f"INTAKE_{k.upper()}": v for k, v in env.items()}}
    return subprocess.run([sys.executable, "-m", "intake.cli", "run", "--once"], env={**clean, **settings},
                          cwd=REPO, capture_output=True, text=True, timeout=120, check=False)


@pytest.mark.parametrize("scheme", ["imaps", "imap+starttls"])
def test_tls_mailbox_with_the_servers_ca_is_processed(
    scheme: str, dovecot_tls: servers.DovecotServer, tls: servers.TlsFiles, tmp_path: Path, smtp_sink: Any
) -> None:
    box = dovecot_tls.fresh_user()
    box.append(SAMPLE.read_bytes())
    done = run_once(tmp_path, mailbox_url=box.url("INBOX", scheme), tls_ca_file=str(tls.cert), smtp_url=smtp_sink.url)
    assert done.returncode == 0, done.stderr
    assert box.uids("INBOX") == [] and len(smtp_sink.wait_for(1, timeout=5)) == 1


def test_an_untrusted_certificate_is_refused_by_default(
    dovecot_tls: servers.DovecotServer, tmp_path: Path, smtp_sink: Any
) -> None:
    box = dovecot_tls.fresh_user()
    box.append(SAMPLE.read_bytes())
    done = run_once(tmp_path, mailbox_url=box.url("INBOX", "imaps"), smtp_url=smtp_sink.url)
    assert done.returncode == 1 and "CERTIFICATE_VERIFY_FAILED" in done.stderr
    assert len(box.uids("INBOX")) == 1 and smtp_sink.envelopes == []  # nothing touched

    insecure = run_once(tmp_path, mailbox_url=box.url("INBOX", "imaps"), smtp_url=smtp_sink.url,
                        imap_verify_tls="false")
    assert insecure.returncode == 0, insecure.stderr
    assert box.uids("INBOX") == []


@pytest.mark.parametrize("mode", ["starttls", "ssl"])
def test_smtp_over_tls_with_authentication(mode: str, tls: servers.TlsFiles, tmp_path: Path) -> None:
    import mailbox

    with servers.smtp_sink(tls=tls, mode=mode, credentials=("tougao@example.test", "smtp-secret")) as sink:
        md = mailbox.Maildir(tmp_path / "Maildir", create=True)
        md.add(SAMPLE.read_bytes())
        done = run_once(tmp_path, smtp_url=sink.url, tls_ca_file=str(tls.cert))
        assert done.returncode == 0, done.stderr
        [envelope] = sink.wait_for(1, timeout=10)
        assert envelope.rcpt_tos == ["luoxinran_dag@163.com"]


def test_smtp_with_a_wrong_password_is_recorded_as_a_permanent_failure(tls: servers.TlsFiles, tmp_path: Path) -> None:
    import mailbox

    from intake.config import load_settings
    from intake.runtime import build_runtime
    from intake.tables import Notice

    with servers.smtp_sink(tls=tls, mode="starttls", credentials=("tougao@example.test", "right")) as sink:
        md = mailbox.Maildir(tmp_path / "Maildir", create=True)
        md.add(SAMPLE.read_bytes())
        url = sink.url.replace(":right@", ":wrong@")
        assert run_once(tmp_path, smtp_url=url, tls_ca_file=str(tls.cert)).returncode == 0
        runtime = build_runtime(load_settings({"INTAKE_DATA_DIR": str(tmp_path)}))
        with runtime.store.session() as s:
            [notice] = s.query(Notice).all()
            assert notice.status == "failed" and notice.last_error and "535" in notice.last_error
        assert sink.envelopes == []
