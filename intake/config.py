"""Settings from INTAKE_* environment variables and an optional TOML file, validated once.

The environment wins over the TOML file (`INTAKE_CONFIG=path`). Every error
names the setting at fault, so `intake config check` can tell ops exactly
what to fix. Components receive the whole frozen `Settings`; nothing reads
the environment after start-up.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import tzinfo
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from intake.clock import DEFAULT_TIMEZONE, zone
from intake.fields import DEFAULT_REQUIRED, KEYS

PROCESSED_ACTIONS = ("move", "flag", "delete")


class ConfigError(ValueError):
    """A setting is invalid; `setting` is the INTAKE_* name at fault."""

    def __init__(self, setting: str, message: str) -> None:
        super().__init__(f"{setting}: {message}")
        self.setting = setting


@dataclass(frozen=True)
class MailboxSettings:
    """One watched mailbox (several can be configured in TOML under [[mailboxes]])."""

    name: str
    url: str
    processed_folder: str = "Processed"
    rejected_folder: str = "Rejected"
    processed_action: str = "move"  # move | flag | delete

    @property
    def scheme(self) -> str:
        return urlsplit(self.url).scheme

    @property
    def folder(self) -> str:
        path = unquote(urlsplit(self.url).path).lstrip("/")
        return path or "INBOX"


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    database_url: str
    broker_url: str | None
    mailboxes: tuple[MailboxSettings, ...]
    smtp_url: str
    submission_address: str
    reviewers: tuple[str, ...]
    max_message_bytes: int
    required_fields: tuple[str, ...]
    language: str = "zh-CN"
    site_name: str = "编辑部"
    poll_interval: float = 60.0
    idle_timeout: float = 25 * 60.0
    # Longest IDLE cycle: at least this often IDLE is ended, the folder searched again (a safety
    # sweep whatever IDLE said) and a heartbeat recorded for health checks.
    heartbeat_interval: float = 60.0
    rate_limit_per_hour: int = 5
    max_review_attachment_bytes: int = 20 * 1024 * 1024
    duplicate_window_days: int = 90
    send_deadline_seconds: int = 24 * 3600
    send_claim_seconds: int = 15
    claim_seconds: int = 15  # a worker's lease on a message while it processes it (renewed while alive)
    imap_oauth2_token: str | None = None
    imap_verify_tls: bool = True
    smtp_verify_tls: bool = True
    tls_ca_file: str | None = None  # extra CA bundle for IMAP and SMTP servers (a private CA)
    secret_key: bytes | None = field(default=None, repr=False)  # INTAKE_SECRET_KEY, or the data dir's secret.key
    trusted_authserv_ids: tuple[str, ...] = ()  # Authentication-Results of these servers are believed
    review_reply_token_address: bool = False  # Reply-To: tougao+r-<token>@… on review requests
    # Trust and backscatter (DESIGN.md §6): spam verdicts, and rejections to senders never seen before.
    spam_level_threshold: int = 5  # X-Spam-Level stars from which a mail is spam
    reject_unknown_senders: bool = True  # false: never send a rejection to a sender never seen before
    unknown_sender_rejections_per_hour: int = 30  # all such rejections together; 0 = no cap
    timezone: str = DEFAULT_TIMEZONE  # INTAKE_TIMEZONE: tracking ids' day and every time shown to people
    # Operations (docs/OPERATIONS.md): /metrics, log format, alarm mails, the end-to-end probe.
    metrics_port: int | None = None  # serve Prometheus text on 127.0.0.1:PORT/metrics
    metrics_host: str = "127.0.0.1"
    log_format: str = "text"  # text | json
    ops_address: str | None = None  # alarms (mailbox silent, notices failing, quarantine, probe) go here
    probe_interval: float = 0.0  # seconds between end-to-end probes; 0 = off
    probe_timeout: float = 300.0  # a probe not acknowledged within this is a failure
    alarm_failed_notices: int = 1  # this many notices failed in the last hour raise an alarm
    # INTAKE_BLOB_URL: file:///dir (None: the data dir's raw/) or database: (several hosts, no shared disk)
    blob_url: str | None = None
    # The editorial desk (`intake web`, docs/DESK.md).
    web_url: str | None = None  # the desk's address as reviewers reach it: review requests link to it
    web_cookie_secure: bool = True  # Secure cookies (browsers keep them on https:// and on loopback http)
    web_session_hours: int = 12
    web_login_attempts: int = 5  # failed logins per account name or client address per 15 minutes
    web_proxy_user_header: str | None = None  # e.g. X-Remote-User, set by a trusted reverse proxy
    web_trusted_proxies: tuple[str, ...] = ()  # client addresses whose proxy header is believed
    review_files: str = "attach"  # attach: photos, draft.html, originals in the review request; link: the desk's
    stats_recipients: tuple[str, ...] = ()  # the monthly 通报 table by mail (`ops`: INTAKE_OPS_ADDRESS); () off
    extra: Mapping[str, Any] = field(default_factory=dict)

    @property
    def tz(self) -> tzinfo:
        return zone(self.timezone)

    @property
    def mailbox_url(self) -> str:
        return self.mailboxes[0].url

    @property
    def embedded(self) -> bool:
        return self.broker_url is None

    @property
    def secret_in_data_dir(self) -> bool:
        """One host's data dir holds everything (SQLite, no network broker): the secret may live there too."""
        local_broker = self.broker_url is None or self.broker_url.startswith(("filesystem://", "memory://"))
        return self.database_url.startswith("sqlite") and local_broker

    @property
    def raw_dir(self) -> Path:
        return self.data_dir / "raw"

    def with_overrides(self, **changes: Any) -> Settings:
        return replace(self, **changes)


def _review_files(value: str, web_url: Any) -> str:
    mode = _choice("INTAKE_REVIEW_FILES", value, ("attach", "link"))
    if mode == "link" and not web_url:
        raise ConfigError("INTAKE_REVIEW_FILES", "link needs INTAKE_WEB_URL (the desk the review request links to)")
    return mode


def _web_url(value: Any) -> str | None:
    if not value:
        return None
    url = str(value).strip().rstrip("/")
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ConfigError("INTAKE_WEB_URL", f"must be an http:// or https:// address, got {url!r}")
    return url


def _int(name: str, value: Any, minimum: int = 0) -> int:
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise ConfigError(name, f"expected an integer, got {value!r}") from None
    if number < minimum:
        raise ConfigError(name, f"must be >= {minimum}, got {number}")
    return number


def _float(name: str, value: Any, minimum: float = 0.0) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ConfigError(name, f"expected a number, got {value!r}") from None
    if number < minimum:
        raise ConfigError(name, f"must be >= {minimum}, got {number}")
    return number


def _bool(name: str, value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("1", "true", "yes", "on"):
        return True
    if text in ("0", "false", "no", "off"):
        return False
    raise ConfigError(name, f"expected true/false, got {value!r}")


def _choice(name: str, value: str, choices: tuple[str, ...]) -> str:
    if value not in choices:
        raise ConfigError(name, f"must be one of {', '.join(choices)}, got {value!r}")
    return value


def _list(value: Any) -> tuple[str, ...]:
    if isinstance(value, list | tuple):
        return tuple(str(v).strip() for v in value if str(v).strip())
    return tuple(v.strip() for v in str(value).split(",") if v.strip())


def _address(name: str, value: str) -> str:
    if value.count("@") != 1 or " " in value or value.startswith("@") or value.endswith("@"):
        raise ConfigError(name, f"not a mail address: {value!r}")
    return value.lower()


def _check_url(name: str, url: str, schemes: tuple[str, ...]) -> str:
    scheme = urlsplit(url).scheme
    if scheme not in schemes:
        raise ConfigError(name, f"scheme {scheme!r} not supported (use one of {', '.join(schemes)})")
    parts = urlsplit(url)
    unix_socket = scheme.startswith("postgres") and "host=" in parts.query
    if scheme not in ("file", "maildir", "sqlite", "filesystem", "memory") and not parts.hostname and not unix_socket:
        raise ConfigError(name, f"URL has no host: {url!r}")
    return url


def blob_location(url: str | None) -> tuple[str, Path | None]:
    """INTAKE_BLOB_URL read: ("file", directory, None for the data dir's raw/) or ("database", None).

    Unset, `file:` or `file:///abs/path`: files; `database:` or `db:`: the INTAKE_DATABASE_URL
    database. ValueError for anything else.
    """
    text = (url or "").strip()
    if not text:
        return "file", None
    parts = urlsplit(text)
    scheme = parts.scheme.lower()
    if scheme in ("database", "db"):
        if parts.netloc or parts.path or parts.query or parts.fragment:
            raise ValueError(f"{scheme}: takes no path or options (the database is INTAKE_DATABASE_URL): {url!r}")
        return "database", None
    if scheme == "file":
        if parts.netloc not in ("", "localhost") or parts.query or parts.fragment:
            raise ValueError(f"use file:///absolute/path, got {url!r}")
        path = unquote(parts.path)
        if not path:
            return "file", None
        if not path.startswith("/"):
            raise ValueError(f"file: needs an absolute path (file:///…), got {url!r}")
        return "file", Path(path)
    raise ValueError(f"scheme {scheme!r} not supported (use file:///path or database:), got {url!r}")


def _blob_url(value: Any, data_dir: Path) -> str:
    try:
        kind, path = blob_location(str(value or ""))
    except ValueError as exc:
        raise ConfigError("INTAKE_BLOB_URL", str(exc)) from None
    return "database:" if kind == "database" else f"file://{path or data_dir / 'raw'}"


MAILBOX_SCHEMES = ("imap", "imaps", "imap+starttls", "maildir")
SMTP_SCHEMES = ("smtp", "smtp+starttls", "smtps", "file")


def _mailbox(name: str, raw: Mapping[str, Any], setting: str) -> MailboxSettings:
    url = _check_url(setting, str(raw.get("url", "")), MAILBOX_SCHEMES)
    action = str(raw.get("processed_action", "move"))
    if action not in PROCESSED_ACTIONS:
        raise ConfigError(f"{setting}.processed_action", f"must be one of {', '.join(PROCESSED_ACTIONS)}")
    return MailboxSettings(
        name=name,
        url=url,
        processed_folder=str(raw.get("processed_folder", "Processed")),
        rejected_folder=str(raw.get("rejected_folder", "Rejected")),
        processed_action=action,
    )


def _read_toml(env: Mapping[str, str]) -> dict[str, Any]:
    path = env.get("INTAKE_CONFIG")
    if not path:
        return {}
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        raise ConfigError("INTAKE_CONFIG", f"file not found: {path}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError("INTAKE_CONFIG", f"invalid TOML in {path}: {exc}") from None


def _ca_file(value: Any) -> str | None:
    if not value:
        return None
    if not Path(str(value)).is_file():
        raise ConfigError("INTAKE_TLS_CA_FILE", f"file not found: {value}")
    return str(value)


MIN_SECRET_CHARS = 32


def _secret(value: Any) -> bytes | None:
    if not value:
        return None
    text = str(value).strip()
    if len(text) < MIN_SECRET_CHARS:
        raise ConfigError("INTAKE_SECRET_KEY", f"too short: use at least {MIN_SECRET_CHARS} random characters "
                          "(python -c 'import secrets; print(secrets.token_urlsafe(32))')")
    return text.encode("utf-8")


def _authserv_ids(value: Any) -> tuple[str, ...]:
    ids = tuple(v.lower() for v in _list(value or ""))
    for item in ids:
        if " " in item or ";" in item:
            raise ConfigError("INTAKE_TRUSTED_AUTHSERV_ID", f"not an authserv-id: {item!r}")
    return ids


def _extra(toml: Mapping[str, Any]) -> dict[str, Any]:
    """The [routing], [rules] and [stats] tables, checked here so a bad entry fails at start-up."""
    import re

    rules = toml.get("rules", {})
    pattern = rules.get("subject_pattern")
    if pattern is not None:
        try:
            re.compile(str(pattern))
        except re.error as exc:
            raise ConfigError("rules.subject_pattern", f"invalid regular expression: {exc}") from None
    mode = toml.get("routing", {}).get("mode", "all")
    if mode not in ("all", "round_robin"):
        raise ConfigError("routing.mode", f"must be all or round_robin, got {mode!r}")
    aliases = toml.get("stats", {}).get("aliases", {})
    if not isinstance(aliases, Mapping) or not all(isinstance(k, str) and isinstance(v, str) and v.strip()
                                                   for k, v in aliases.items()):
        raise ConfigError("stats.aliases", "must be a table of unit name = the name it counts under")
    return {k: v for k, v in toml.items() if k in ("routing", "rules", "stats")}


def load_settings(env: Mapping[str, str] | None = None) -> Settings:
    """Read and validate every setting; raise ConfigError naming the first bad one."""
    env = os.environ if env is None else env
    toml = _read_toml(env)

    def get(key: str, default: Any = None) -> Any:
        var = "INTAKE_" + key.upper()
        if var in env and env[var] != "":
            return env[var]
        return toml.get(key, default)

    data_dir = Path(str(get("data_dir", "./intake-data"))).expanduser().resolve()
    database_url = str(get("database_url") or f"sqlite:///{data_dir / 'intake.sqlite3'}")
    _check_url("INTAKE_DATABASE_URL", database_url.replace("+psycopg", "").replace("+pysqlite", ""),
               ("sqlite", "postgresql", "postgres"))
    broker = get("broker_url")
    broker_url = str(broker) if broker else None
    if broker_url:
        _check_url("INTAKE_BROKER_URL", broker_url, ("redis", "rediss", "filesystem", "memory"))

    mailbox_url = get("mailbox_url")
    mailboxes: list[MailboxSettings] = []
    if mailbox_url or not toml.get("mailboxes"):
        url = str(mailbox_url or f"maildir://{data_dir / 'Maildir'}")
        mailboxes.append(_mailbox("default", {**toml.get("mailbox", {}), "url": url}, "INTAKE_MAILBOX_URL"))
    for i, box in enumerate(toml.get("mailboxes", []) if not mailbox_url else []):
        mailboxes.append(_mailbox(str(box.get("name", f"mailbox{i}")), box, f"mailboxes[{i}]"))
    names = [m.name for m in mailboxes]
    if any(name.startswith(":") for name in names):  # ":operations" is the alarm poller's lease
        raise ConfigError("mailboxes", "a mailbox name cannot start with ':'")
    if len(set(names)) != len(names):
        raise ConfigError("mailboxes", "mailbox names must be unique")

    smtp_url = str(get("smtp_url") or f"file://{data_dir / 'outbox'}")
    _check_url("INTAKE_SMTP_URL", smtp_url, SMTP_SCHEMES)

    required = _list(get("required_fields", ",".join(DEFAULT_REQUIRED)))
    for name in required:
        if name not in KEYS:
            raise ConfigError("INTAKE_REQUIRED_FIELDS", f"unknown field {name!r} (known: {', '.join(KEYS)})")
    reviewers = tuple(_address("INTAKE_REVIEWERS", r) for r in _list(get("reviewers", "reviewer@localhost")))
    if not reviewers:
        raise ConfigError("INTAKE_REVIEWERS", "at least one reviewer address is required")
    language = str(get("language", "zh-CN"))
    if language not in ("zh-CN", "en"):
        raise ConfigError("INTAKE_LANGUAGE", f"must be zh-CN or en, got {language!r}")

    timezone = str(get("timezone", DEFAULT_TIMEZONE))
    try:
        zone(timezone)
    except ValueError as exc:
        raise ConfigError("INTAKE_TIMEZONE", str(exc)) from None

    return Settings(
        data_dir=data_dir,
        database_url=database_url,
        broker_url=broker_url,
        mailboxes=tuple(mailboxes),
        smtp_url=smtp_url,
        submission_address=_address("INTAKE_SUBMISSION_ADDRESS", str(get("submission_address", "tougao@localhost"))),
        reviewers=reviewers,
        max_message_bytes=_int("INTAKE_MAX_MESSAGE_BYTES", get("max_message_bytes", 52428800), 1024),
        required_fields=required,
        language=language,
        site_name=str(get("site_name", "编辑部")),
        poll_interval=_float("INTAKE_POLL_INTERVAL", get("poll_interval", 60), 0.05),
        idle_timeout=_float("INTAKE_IDLE_TIMEOUT", get("idle_timeout", 25 * 60), 1.0),
        heartbeat_interval=_float("INTAKE_HEARTBEAT_INTERVAL", get("heartbeat_interval", 60), 0.5),
        rate_limit_per_hour=_int("INTAKE_RATE_LIMIT_PER_HOUR", get("rate_limit_per_hour", 5), 0),
        max_review_attachment_bytes=_int(
            "INTAKE_MAX_REVIEW_ATTACHMENT_BYTES", get("max_review_attachment_bytes", 20 * 1024 * 1024), 0),
        duplicate_window_days=_int("INTAKE_DUPLICATE_WINDOW_DAYS", get("duplicate_window_days", 90), 0),
        send_deadline_seconds=_int("INTAKE_SEND_DEADLINE_SECONDS", get("send_deadline_seconds", 86400), 1),
        send_claim_seconds=_int("INTAKE_SEND_CLAIM_SECONDS", get("send_claim_seconds", 15), 1),
        claim_seconds=_int("INTAKE_CLAIM_SECONDS", get("claim_seconds", 15), 1),
        imap_oauth2_token=str(get("imap_oauth2_token")) if get("imap_oauth2_token") else None,
        imap_verify_tls=_bool("INTAKE_IMAP_VERIFY_TLS", get("imap_verify_tls", True)),
        smtp_verify_tls=_bool("INTAKE_SMTP_VERIFY_TLS", get("smtp_verify_tls", True)),
        tls_ca_file=_ca_file(get("tls_ca_file")),
        secret_key=_secret(get("secret_key")),
        trusted_authserv_ids=_authserv_ids(get("trusted_authserv_id")),
        review_reply_token_address=_bool("INTAKE_REVIEW_REPLY_TOKEN_ADDRESS", get("review_reply_token_address", False)),
        spam_level_threshold=_int("INTAKE_SPAM_LEVEL_THRESHOLD", get("spam_level_threshold", 5), 1),
        reject_unknown_senders=_bool("INTAKE_REJECT_UNKNOWN_SENDERS", get("reject_unknown_senders", True)),
        unknown_sender_rejections_per_hour=_int(
            "INTAKE_UNKNOWN_SENDER_REJECTIONS_PER_HOUR", get("unknown_sender_rejections_per_hour", 30), 0),
        timezone=timezone,
        metrics_port=_int("INTAKE_METRICS_PORT", get("metrics_port"), 1) if get("metrics_port") else None,
        metrics_host=str(get("metrics_host", "127.0.0.1")),
        log_format=_choice("INTAKE_LOG_FORMAT", str(get("log_format", "text")), ("text", "json")),
        ops_address=_address("INTAKE_OPS_ADDRESS", str(get("ops_address"))) if get("ops_address") else None,
        probe_interval=_float("INTAKE_PROBE_INTERVAL", get("probe_interval", 0), 0.0),
        probe_timeout=_float("INTAKE_PROBE_TIMEOUT", get("probe_timeout", 300), 1.0),
        alarm_failed_notices=_int("INTAKE_ALARM_FAILED_NOTICES", get("alarm_failed_notices", 1), 1),
        blob_url=_blob_url(get("blob_url"), data_dir),
        web_url=_web_url(get("web_url")),
        web_cookie_secure=_bool("INTAKE_WEB_COOKIE_SECURE", get("web_cookie_secure", True)),
        web_session_hours=_int("INTAKE_WEB_SESSION_HOURS", get("web_session_hours", 12), 1),
        web_login_attempts=_int("INTAKE_WEB_LOGIN_ATTEMPTS", get("web_login_attempts", 5), 1),
        web_proxy_user_header=str(get("web_proxy_user_header")).strip() if get("web_proxy_user_header") else None,
        web_trusted_proxies=_list(get("web_trusted_proxies", "")),
        review_files=_review_files(str(get("review_files", "attach")), get("web_url")),
        stats_recipients=tuple(r if r == "ops" else _address("INTAKE_STATS_RECIPIENTS", r)
                               for r in _list(get("stats_recipients", ""))),
        extra=_extra(toml),
    )
