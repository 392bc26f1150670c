"""Real servers for integration tests: Dovecot, Redis, PostgreSQL, an SMTP sink and Celery workers.

Every helper is a context manager that binds 127.0.0.1 only, starts fast and leaves nothing behind.
They follow the verified recipes in the shared services notes (private Dovecot instance per run,
aiosmtpd on a chosen free port, Celery worker as a subprocess). When a server cannot be had, the
helpers raise ``ServerUnavailable`` with a message saying what to start; only with
``INTAKE_TEST_ALLOW_SKIP=1`` do they skip the test instead (CI must never skip silently).
"""

from __future__ import annotations

import contextlib
import email
import email.policy
import grp
import os
import pwd
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from email.message import EmailMessage
from pathlib import Path
from typing import Any, TypeVar

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS_DIR = REPO_ROOT / "artifacts"
HOST = "127.0.0.1"


class ServerUnavailable(RuntimeError):
    """A server the tests need could not be reached or started."""


def unavailable(message: str) -> ServerUnavailable:
    """Skip the test if INTAKE_TEST_ALLOW_SKIP=1, else return the error for the caller to raise."""
    if os.environ.get("INTAKE_TEST_ALLOW_SKIP") == "1":
        pytest.skip(message)
    return ServerUnavailable(message)


# --------------------------------------------------------------------------- ports


def free_port() -> int:
    """A TCP port on 127.0.0.1 that was free a moment ago (bind to 0, read, close)."""
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def port_open(host: str, port: int, timeout: float = 0.2) -> bool:
    """True if something accepts TCP connections on host:port."""
    try:
        socket.create_connection((host, port), timeout).close()
    except OSError:
        return False
    return True


def wait_port(host: str, port: int, timeout: float = 10.0, proc: subprocess.Popen[Any] | None = None) -> None:
    """Wait until host:port accepts TCP connections; TimeoutError after ``timeout`` seconds.

    With ``proc``, fail at once (RuntimeError) if that process exits while we wait.
    """
    deadline = time.monotonic() + timeout
    while not port_open(host, port):
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"process {proc.args!r} exited with {proc.returncode} before {host}:{port} opened")
        if time.monotonic() > deadline:
            raise TimeoutError(f"{host}:{port} did not accept connections within {timeout} s")
        time.sleep(0.01)


def _tail(path: Path, lines: int = 40) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError as exc:
        return f"(no log: {exc})"


# --------------------------------------------------------------------------- Dovecot

@dataclass(frozen=True)
class TlsFiles:
    """A self-signed certificate for 127.0.0.1/localhost: ``cert`` doubles as the CA file clients trust."""

    cert: Path
    key: Path


def make_tls(folder: Path) -> TlsFiles:
    """Create a throwaway key and self-signed certificate (openssl) valid for 127.0.0.1 and localhost."""
    folder.mkdir(parents=True, exist_ok=True)
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost", "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True)
    key.chmod(0o644)  # Dovecot reads it as root before dropping privileges; the test dir is private
    return TlsFiles(cert, key)


_DOVECOT_CONF = """\
protocols = imap
listen = 127.0.0.1
base_dir = {D}/run
state_dir = {D}/state
instance_name = dovecot-test-{PORT}
log_path = {D}/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_failure_delay = 0
mail_location = maildir:{D}/mail/%u
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {D}/users
}
passdb {
  driver = static
  args = password={FRESH_PASSWORD}
  username_filter = *-fresh*@*
}
userdb {
  driver = static
  args = uid={UID} gid={GID} home={D}/mail/%u
}
namespace inbox {
  inbox = yes
  separator = /
{FOLDERS}}
service imap-login {
{CHROOT}  inet_listener imap {
    address = 127.0.0.1
    port = {PORT}
  }
  inet_listener imaps {
    address = 127.0.0.1
    port = {IMAPS_PORT}
  }
}
"""

_NON_ROOT_EXTRA = """\
default_internal_user = {UID}
default_internal_group = {GID}
default_login_user = {UID}
service anvil {
  chroot =
}
"""

FRESH_PASSWORD = "secret"
_APPENDUID = re.compile(rb"APPENDUID \d+ (\d+)")


@dataclass
class _DovecotInstance:
    """One dovecot master process and its directory; shared by every user view of it."""

    dir: Path
    port: int
    proc: subprocess.Popen[bytes] | None = None
    clients: list[Any] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def conf(self) -> Path:
        return self.dir / "dovecot.conf"

    def start(self, timeout: float = 10.0) -> None:
        with open(self.dir / "dovecot.stderr", "ab") as log:
            self.proc = subprocess.Popen(
                ["dovecot", "-F", "-c", str(self.conf)],
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # own process group: stop() can reap lingering children
            )
        try:
            wait_port(HOST, self.port, timeout, self.proc)
            self._wait_greeting(timeout)
        except (RuntimeError, TimeoutError, OSError) as exc:
            self.stop()
            raise ServerUnavailable(
                f"dovecot did not start: {exc}\n{_tail(self.dir / 'dovecot.log')}\n{_tail(self.dir / 'dovecot.stderr')}"
            ) from exc

    def _wait_greeting(self, timeout: float) -> None:
        # Wait for the "* OK" greeting, which imap-login sends once auth is up: a master stopped
        # before that takes ~6 s instead of ~1 s to exit.
        with socket.create_connection((HOST, self.port), timeout) as s:
            greeting = s.makefile("rb").readline()
            if not greeting.startswith(b"* OK"):
                raise RuntimeError(f"unexpected IMAP greeting {greeting!r}")
            s.sendall(b"a LOGOUT\r\n")

    def logout_clients(self) -> None:
        with self.lock:
            clients, self.clients = self.clients, []
        for c in clients:
            _logout_quietly(c)

    def stop(self) -> None:
        # A client still connected makes its imap child linger ~15 s after the master is gone.
        self.logout_clients()
        proc, self.proc = self.proc, None
        if proc is None:
            return
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(5)
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(proc.pid, signal.SIGKILL)  # stragglers (imap, imap-login) would keep the port


def _logout_quietly(client: Any) -> None:
    with contextlib.suppress(Exception):
        if getattr(client, "_idle_tag", None) is not None:
            client.idle_done()
    try:
        client.logout()
    except Exception:
        with contextlib.suppress(Exception):
            client.shutdown()


class DovecotServer:
    """A private Dovecot IMAP server, seen as one user (``user``/``password``).

    ``fresh_user()`` gives another view of the same server with a new, empty mailbox; ``restart()``,
    ``stop()`` and ``reset_uidvalidity()`` act on the whole server (every view).
    """

    host = HOST

    def __init__(self, instance: _DovecotInstance, user: str, password: str, imaps_port: int = 0) -> None:
        self._instance = instance
        self.user = user
        self.password = password
        self.imaps_port = imaps_port  # 0 unless started with tls=

    @property
    def port(self) -> int:
        return self._instance.port

    @property
    def dir(self) -> Path:
        return self._instance.dir

    @property
    def maildir(self) -> Path:
        """This user's Maildir root (INBOX); other folders are ``.Name`` below it."""
        return self.dir / "mail" / self.user

    def url(self, folder: str = "INBOX", scheme: str = "imap") -> str:
        """An ``imap://user:pass@host:port/FOLDER`` URL for INTAKE_MAILBOX_URL (``imaps``, ``imap+starttls`` too)."""
        from urllib.parse import quote

        port = self.imaps_port if scheme == "imaps" else self.port
        return f"{scheme}://{quote(self.user, safe='')}:{quote(self.password, safe='')}@{HOST}:{port}/{folder}"

    def client(self, *, timeout: float = 30.0) -> Any:
        """A new, logged-in ``imapclient.IMAPClient``; logged out when the server stops."""
        from imapclient import IMAPClient

        c = IMAPClient(HOST, port=self.port, ssl=False, timeout=timeout)
        c.login(self.user, self.password)
        with self._instance.lock:
            self._instance.clients.append(c)
        return c

    def close_clients(self) -> None:
        """Log out every client made by ``client()`` (on any view of this server)."""
        self._instance.logout_clients()

    def append(self, raw: bytes, folder: str = "INBOX", flags: Sequence[str] = ()) -> int:
        """Append a raw message to ``folder`` and return its UID (from APPENDUID)."""
        c = self.client()
        try:
            resp = c.append(folder, raw, flags=tuple(flags))
        finally:
            self._forget(c)
        m = _APPENDUID.search(resp if isinstance(resp, bytes) else str(resp).encode())
        if m is None:
            raise RuntimeError(f"no APPENDUID in {resp!r}")
        return int(m.group(1))

    def uids(self, folder: str = "INBOX") -> list[int]:
        """The UIDs currently in ``folder``, ascending."""
        c = self.client()
        try:
            c.select_folder(folder, readonly=True)
            return sorted(int(u) for u in c.search(["ALL"]))
        finally:
            self._forget(c)

    def uidvalidity(self, folder: str = "INBOX") -> int:
        """The folder's current UIDVALIDITY."""
        c = self.client()
        try:
            status = c.folder_status(folder, [b"UIDVALIDITY"])
            return int(status[b"UIDVALIDITY"])
        finally:
            self._forget(c)

    def fresh_user(self, local: str = "tougao", domain: str = "example.test") -> DovecotServer:
        """A view as a new user ``local-fresh<hex>@domain`` with an empty mailbox (password "secret").

        Any ``*-fresh*@*`` name logs in with FRESH_PASSWORD (a static passdb), because Dovecot
        re-reads an edited passwd-file only about once a second.
        """
        return DovecotServer(self._instance, f"{local}-fresh{secrets.token_hex(4)}@{domain}", FRESH_PASSWORD,
                             self.imaps_port)

    def stop(self) -> None:
        """Log clients out, then stop the server (SIGTERM; ~1 s). Mail stays in ``dir``."""
        self._instance.stop()

    def start(self) -> None:
        """Start a stopped server again on the same port and directory."""
        if self._instance.proc is None:
            self._instance.start()

    def restart(self) -> None:
        """Stop and start on the same port and directory, keeping all mail."""
        self.stop()
        self.start()

    def reset_uidvalidity(self, folder: str = "INBOX") -> tuple[int, int]:
        """Make Dovecot give ``folder`` a new UIDVALIDITY (as after a server-side rebuild).

        Stops the server, deletes the folder's ``dovecot-uidlist`` and index files (the messages
        stay), starts again. Dovecot then numbers the messages afresh under a new UIDVALIDITY.
        Returns ``(old, new)``; raises if it did not change.
        """
        old = self.uidvalidity(folder)
        self.stop()
        box = self.maildir if folder.upper() == "INBOX" else self.maildir / ("." + folder.replace("/", "."))
        for path in box.iterdir():
            if path.name == "dovecot-uidlist" or path.name.startswith("dovecot.index"):
                path.unlink()
        for path in self.maildir.glob("dovecot.list.index*"):  # caches each folder's UIDVALIDITY
            path.unlink()
        self.start()
        new = self.uidvalidity(folder)
        if new == old:
            raise RuntimeError(f"UIDVALIDITY of {folder} stayed {old}")
        return old, new

    def _forget(self, c: Any) -> None:
        with self._instance.lock:
            if c in self._instance.clients:
                self._instance.clients.remove(c)
        _logout_quietly(c)


def _dovecot_conf(d: Path, port: int, folders: Sequence[str], tls: TlsFiles | None = None,
                  imaps_port: int = 0) -> str:
    if os.geteuid() == 0:
        uid, gid, chroot, extra = "nobody", "nogroup", "", ""
    else:
        uid = pwd.getpwuid(os.geteuid()).pw_name
        gid = grp.getgrgid(os.getegid()).gr_name
        chroot, extra = "  chroot =\n", _NON_ROOT_EXTRA.replace("{UID}", uid).replace("{GID}", gid)
    boxes = "".join(f"  mailbox {name} {{\n    auto = subscribe\n  }}\n" for name in folders)
    conf = (
        _DOVECOT_CONF.replace("{FOLDERS}", boxes)
        .replace("{CHROOT}", chroot)
        .replace("{UID}", uid)
        .replace("{GID}", gid)
        .replace("{FRESH_PASSWORD}", FRESH_PASSWORD)
        .replace("{D}", str(d))
        .replace("{PORT}", str(port))
        .replace("{IMAPS_PORT}", str(imaps_port))
    )
    if tls is not None:
        conf = conf.replace("ssl = no\n", f"ssl = yes\nssl_cert = <{tls.cert}\nssl_key = <{tls.key}\n")
    return conf + extra


@contextlib.contextmanager
def dovecot_server(
    users: Mapping[str, str] | None = None,
    folders: Sequence[str] = ("Processed", "Rejected"),
    tls: TlsFiles | None = None,
) -> Iterator[DovecotServer]:
    """Run a private Dovecot IMAP server on a free 127.0.0.1 port (foreground ``dovecot -F -c``).

    ``users`` maps address to password (default ``tougao@example.test``/``secret``); the yielded
    server is seen as the first of them. ``folders`` are created and subscribed for every user.
    Works as root (mail owned by nobody:nogroup) and as an ordinary user.
    """
    if shutil.which("dovecot") is None:
        raise unavailable("dovecot is not installed (apt-get install dovecot-imapd)")
    users = dict(users or {"tougao@example.test": "secret"})
    d = Path(tempfile.mkdtemp(prefix="dovecot-", dir="/tmp"))  # tmp_path's 0700 parents block nobody
    port = free_port()
    (d / "mail").mkdir()
    d.chmod(0o755)
    if os.geteuid() == 0:
        shutil.chown(d / "mail", "nobody", "nogroup")
    (d / "users").write_text("".join(f"{u}:{{PLAIN}}{p}\n" for u, p in users.items()))
    imaps_port = free_port() if tls else 0
    (d / "dovecot.conf").write_text(_dovecot_conf(d, port, folders, tls, imaps_port))
    instance = _DovecotInstance(dir=d, port=port)
    instance.start()
    user, password = next(iter(users.items()))
    try:
        yield DovecotServer(instance, user, password, imaps_port)
    finally:
        instance.stop()
        shutil.rmtree(d, ignore_errors=True)


# --------------------------------------------------------------------------- Redis

_LOCK_DB = 15
_TEST_DBS = range(8, 15)


def _owner_is_gone(token: str) -> bool:
    """True if a lock token names a process on this host that no longer exists."""
    host, _, rest = token.partition(":")
    pid = rest.partition(":")[0]
    if host != socket.gethostname() or not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


@contextlib.contextmanager
def _shared_redis_db(port: int) -> Iterator[int]:
    """Claim a database index 8..14 on the shared Redis (lock keys live in db 15)."""
    import redis

    token = f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(4)}"
    locks = redis.Redis(host=HOST, port=port, db=_LOCK_DB)
    try:
        for index in secrets.SystemRandom().sample(list(_TEST_DBS), len(_TEST_DBS)):
            key = f"intake-test:db-lock:{index}"
            if locks.set(key, token, nx=True, ex=6 * 3600):
                break
            owner = locks.get(key)
            stale = owner is not None and _owner_is_gone(owner.decode()) and bool(locks.delete(key))
            if stale and locks.set(key, token, nx=True, ex=6 * 3600):  # a killed run's claim
                break
        else:
            raise unavailable(f"all Redis test databases {_TEST_DBS} on {HOST}:{port} are claimed")
        db = redis.Redis(host=HOST, port=port, db=index)
        db.flushdb()
        try:
            yield index
        finally:
            db.flushdb()
            db.close()
            if locks.get(key) == token.encode():  # ours (not expired and taken over)
                locks.delete(key)
    finally:
        locks.close()


@contextlib.contextmanager
def _private_redis() -> Iterator[int]:
    """Start ``redis-server`` on a free port without persistence; yield the port."""
    exe = shutil.which("redis-server")
    if exe is None:
        raise unavailable(f"no Redis on {HOST}:6379 and redis-server is not installed")
    d = Path(tempfile.mkdtemp(prefix="redis-"))
    port = free_port()
    cmd = [exe, "--bind", HOST, "--port", str(port), "--save", "", "--appendonly", "no", "--dir", str(d)]
    with open(d / "redis.log", "wb") as log:
        proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT)
    try:
        wait_port(HOST, port, 10, proc)
        yield port
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        shutil.rmtree(d, ignore_errors=True)


def _redis_answers(port: int) -> bool:
    import redis

    try:
        client = redis.Redis(host=HOST, port=port, socket_timeout=1, socket_connect_timeout=1)
        try:
            return bool(client.ping())
        finally:
            client.close()
    except redis.RedisError:
        return False


@contextlib.contextmanager
def redis_url() -> Iterator[str]:
    """Yield ``redis://127.0.0.1:PORT/N`` for a private, empty Redis database.

    Uses the Redis on 127.0.0.1:6379 when it answers PING (a database 8..14 claimed with a lock key
    so concurrent runs don't collide; flushed before and after); otherwise a private redis-server.
    """
    if _redis_answers(6379):
        with _shared_redis_db(6379) as index:
            yield f"redis://{HOST}:6379/{index}"
    else:
        with _private_redis() as port:
            yield f"redis://{HOST}:{port}/0"


# --------------------------------------------------------------------------- PostgreSQL

_ADMIN_URLS = (
    "postgresql://postgres@127.0.0.1:5432/postgres",
    "postgresql://postgres@/postgres?host=/var/run/postgresql",
)


def _admin_connect() -> tuple[Any, str]:
    import psycopg

    override = os.environ.get("INTAKE_TEST_POSTGRES_ADMIN_URL")
    candidates = [override] if override else list(_ADMIN_URLS)
    errors = []
    for url in candidates:
        plain = re.sub(r"^postgresql\+\w+://", "postgresql://", url)
        try:
            return psycopg.connect(plain, autocommit=True, connect_timeout=5), url
        except psycopg.Error as exc:
            errors.append(f"{url}: {exc}".strip())
    raise unavailable(
        "PostgreSQL is unreachable (start it: pg_ctlcluster --skip-systemctl-redirect "
        "$(ls /etc/postgresql) main start, or set INTAKE_TEST_POSTGRES_ADMIN_URL):\n" + "\n".join(errors)
    )


@contextlib.contextmanager
def postgres_url() -> Iterator[str]:
    """Create a fresh database ``intake_test_<hex>``; yield its ``postgresql+psycopg://`` URL; drop it.

    The admin connection is postgres@127.0.0.1:5432 (trust), then the unix socket; the environment
    variable INTAKE_TEST_POSTGRES_ADMIN_URL overrides both.
    """
    from sqlalchemy.engine import make_url

    admin, admin_url = _admin_connect()
    name = f"intake_test_{secrets.token_hex(6)}"
    try:
        admin.execute(f'CREATE DATABASE "{name}"')
        url = make_url(admin_url).set(drivername="postgresql+psycopg", database=name)
        try:
            yield url.render_as_string(hide_password=False)
        finally:
            admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
                (name,),
            )
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        admin.close()


# --------------------------------------------------------------------------- SMTP sink


@dataclass(frozen=True)
class Envelope:
    """One mail as the SMTP sink received it."""

    mail_from: str
    rcpt_tos: list[str]
    content: bytes
    received_at: float = field(default_factory=time.monotonic, compare=False)  # time.monotonic() at DATA

    @property
    def message(self) -> EmailMessage:
        return email.message_from_bytes(self.content, policy=email.policy.default)


class SmtpSink:
    """An in-process SMTP server that keeps every mail (aiosmtpd handler + its Controller)."""

    host = HOST

    def __init__(self, port: int, scheme: str = "smtp", credentials: tuple[str, str] | None = None) -> None:
        self.port = port
        self.scheme = scheme
        self.credentials = credentials
        self._envelopes: list[Envelope] = []
        self._failures: list[int] = []
        self._cond = threading.Condition()
        self.sessions = 0  # EHLOs seen: one per SMTP connection (STARTTLS repeats it)

    @property
    def url(self) -> str:
        """``smtp://127.0.0.1:PORT`` (or smtp+starttls/smtps, with user:password) for INTAKE_SMTP_URL."""
        auth = f"{self.credentials[0]}:{self.credentials[1]}@" if self.credentials else ""
        return f"{self.scheme}://{auth}{HOST}:{self.port}"

    @property
    def envelopes(self) -> list[Envelope]:
        with self._cond:
            return list(self._envelopes)

    def messages(self) -> list[EmailMessage]:
        """Received mails parsed with ``email.policy.default``. A method, not a property: aiosmtpd
        inspects its handler's members on every connection, which would re-parse every stored mail."""
        return [e.message for e in self.envelopes]

    def wait_for(self, count: int, timeout: float = 10.0) -> list[Envelope]:
        """Wait until at least ``count`` mails have arrived; return them all (TimeoutError if not)."""
        with self._cond:
            if not self._cond.wait_for(lambda: len(self._envelopes) >= count, timeout):
                raise TimeoutError(f"{len(self._envelopes)} of {count} mails arrived within {timeout} s")
            return list(self._envelopes)

    def fail_next(self, n: int = 1, code: int = 451) -> None:
        """Answer the next ``n`` DATA commands with ``code`` (4xx transient, 5xx permanent)."""
        with self._cond:
            self._failures.extend([code] * n)

    def clear(self) -> None:
        with self._cond:
            self._envelopes.clear()

    async def handle_EHLO(self, server: Any, session: Any, envelope: Any, hostname: str,
                          responses: list[str]) -> list[str]:  # aiosmtpd hook: count SMTP sessions
        with self._cond:
            self.sessions += 1
        session.host_name = hostname
        return responses

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # aiosmtpd hook
        with self._cond:
            if self._failures:
                code = self._failures.pop(0)
                kind = "Requested action aborted: try again later" if code < 500 else "Rejected"
                return f"{code} {kind} (sink fail_next)"
            content = envelope.content if isinstance(envelope.content, bytes) else envelope.content.encode()
            self._envelopes.append(Envelope(str(envelope.mail_from), [str(r) for r in envelope.rcpt_tos], content))
            self._cond.notify_all()
        return "250 OK"


@contextlib.contextmanager
def smtp_sink(
    tls: TlsFiles | None = None, mode: str = "plain", credentials: tuple[str, str] | None = None
) -> Iterator[SmtpSink]:
    """Run an aiosmtpd sink on a free port (not port 0: the Controller connects to itself).

    ``mode``: "plain", "starttls" (STARTTLS required) or "ssl" (implicit TLS); the TLS modes need
    ``tls``. With ``credentials`` the sink requires AUTH with that user and password.
    """
    import ssl as ssl_module

    from aiosmtpd.smtp import AuthResult

    def authenticate(_server: Any, _session: Any, _envelope: Any, _mechanism: str, data: Any) -> AuthResult:
        login = (data.login.decode(), data.password.decode()) if hasattr(data, "login") else None
        return AuthResult(success=login == credentials, handled=False)  # handled=False: aiosmtpd answers 535

    context = None
    if tls is not None:
        context = ssl_module.create_default_context(ssl_module.Purpose.CLIENT_AUTH)
        context.load_cert_chain(str(tls.cert), str(tls.key))
    options: dict[str, Any] = {"enable_SMTPUTF8": True, "data_size_limit": 128 * 1024 * 1024}
    if mode == "starttls":
        options.update(tls_context=context, require_starttls=True)
    elif mode == "ssl":
        options.update(ssl_context=context)
    if credentials:
        # aiosmtpd does not count implicit TLS as TLS for AUTH: require it only where STARTTLS is used
        options.update(authenticator=authenticate, auth_require_tls=mode == "starttls")
    scheme = {"plain": "smtp", "starttls": "smtp+starttls", "ssl": "smtps"}[mode]
    with running_sink(lambda port: SmtpSink(port, scheme, credentials), **options) as sink:
        yield sink


S = TypeVar("S", bound="SmtpSink")


@contextlib.contextmanager
def running_sink(make: Callable[[int], S], **options: Any) -> Iterator[S]:
    """Serve `make(port)` (an SmtpSink or a subclass) with aiosmtpd on a free 127.0.0.1 port; a port
    taken between choosing and binding is retried (5 times)."""
    from aiosmtpd.controller import Controller

    for attempt in range(5):
        sink = make(free_port())
        ctl = Controller(sink, hostname=HOST, port=sink.port, **options)
        try:
            ctl.start()
            break
        except Exception:
            if attempt == 4:
                raise
    try:
        yield sink
    finally:
        ctl.stop()


# --------------------------------------------------------------------------- Celery worker


class CeleryWorker:
    """A ``celery worker`` subprocess (own process group), logging to ``log_path``."""

    def __init__(self, proc: subprocess.Popen[bytes], name: str, log_path: Path) -> None:
        self.proc = proc
        self.name = name
        self.log_path = log_path

    @property
    def pid(self) -> int:
        return self.proc.pid

    @property
    def hostname(self) -> str:
        """The node name, as ``celery inspect`` and task results report it."""
        return f"{self.name}@{socket.gethostname()}"

    def log_text(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def alive(self) -> bool:
        return self.proc.poll() is None

    def kill9(self) -> None:
        """SIGKILL the worker and its pool children at once (a crash: no ack, no cleanup)."""
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait(10)

    def stop(self, timeout: float = 10.0) -> int:
        """Warm shutdown (SIGTERM), then SIGKILL after ``timeout`` s; return the exit code."""
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                self.kill9()
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.proc.pid, signal.SIGKILL)  # orphaned pool children
        return self.proc.returncode

    def wait_ready(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while " ready." not in self.log_text():
            if self.proc.poll() is not None:
                raise RuntimeError(
                    f"celery worker exited with {self.proc.returncode} before ready; log {self.log_path}:\n"
                    f"{_tail(self.log_path)}"
                )
            if time.monotonic() > deadline:
                self.stop()
                raise TimeoutError(
                    f"celery worker not ready within {timeout} s; log {self.log_path}:\n{_tail(self.log_path)}"
                )
            time.sleep(0.05)


@contextlib.contextmanager
def celery_worker(
    env: Mapping[str, str],
    app: str = "workers.app",
    concurrency: int = 1,
    pool: str = "solo",
    name: str | None = None,
    *,
    queues: Sequence[str] = (),
    log_path: Path | None = None,
    cwd: Path = REPO_ROOT,
    ready_timeout: float = 60.0,
    extra_args: Sequence[str] = (),
) -> Iterator[CeleryWorker]:
    """Run ``python -m celery -A APP worker`` with ``env`` merged over os.environ until the block ends.

    Waits for the " ready." log line (fails with the log tail otherwise). The log goes to
    ``log_path`` (default ``artifacts/workers/NAME.log``). On exit: SIGTERM, SIGKILL after 10 s.
    """
    name = name or f"worker-{secrets.token_hex(3)}"
    log_path = log_path or ARTIFACTS_DIR / "workers" / f"{name}.log"
    log_path.parent.mkdir(parents=True, exist_ok=True)
    cmd = [sys.executable, "-m", "celery", "-A", app, "worker", f"--pool={pool}", f"--concurrency={concurrency}"]
    cmd += ["--without-gossip", "--without-mingle", "--without-heartbeat", "-n", f"{name}@%h", "-l", "info"]
    if queues:
        cmd += ["-Q", ",".join(queues)]
    cmd += list(extra_args)
    full_env = {**os.environ, "PYTHONUNBUFFERED": "1", **env}
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(
            cmd,
            cwd=cwd,
            env=full_env,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    worker = CeleryWorker(proc, name, log_path)
    try:
        worker.wait_ready(ready_timeout)
        yield worker
    finally:
        worker.stop()


CeleryWorkerFactory = Callable[..., CeleryWorker]
"""Type of the ``celery_worker_factory`` fixture: ``start(env, app="workers.app", **kw)``."""
