"""The deployment's secret and the unguessable values derived from it.

The secret is INTAKE_SECRET_KEY; in embedded mode (SQLite, no network broker: one host's data
dir holds everything) an unset key is generated once into `<data dir>/secret.key` (32 random
bytes, mode 0600) and reused. With PostgreSQL or a Redis broker the processes may run on several
hosts, which must share one key, so it has to be configured (`intake config check` says so).

Derived values: the tokens that let a reviewer's reply prove it answers the review request we
sent to that reviewer (DESIGN.md §9). Our Message-IDs are keyed the same way (intake.notices).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import secrets
import tempfile
from contextlib import suppress
from pathlib import Path

from intake.config import ConfigError, Settings

SECRET_FILE = "secret.key"
SECRET_BYTES = 32
TOKEN_PREFIX = "r-"  # tougao+r-<token>@example.org
TOKEN_BYTES = 15  # 120 bits, 24 base32 characters


def with_secret(settings: Settings) -> Settings:
    """The settings with the secret filled in where it can be: the environment's, else the data dir's."""
    if settings.secret_key or not settings.secret_in_data_dir:
        return settings
    return settings.with_overrides(secret_key=data_dir_secret(settings.data_dir))


def require_secret(settings: Settings) -> bytes:
    """The secret, or a ConfigError naming INTAKE_SECRET_KEY when a multi-host setup has none."""
    if settings.secret_key:
        return settings.secret_key
    if settings.secret_in_data_dir:
        return data_dir_secret(settings.data_dir)
    raise ConfigError(
        "INTAKE_SECRET_KEY",
        "required with PostgreSQL or a broker: set the same random value (32+ characters) on every host, "
        "e.g. python -c 'import secrets; print(secrets.token_urlsafe(32))'")


def data_dir_secret(data_dir: Path) -> bytes:
    """`<data dir>/secret.key`, created atomically (0600) by whichever process comes first."""
    path = data_dir / SECRET_FILE
    if not path.exists():
        data_dir.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=data_dir, prefix=".secret-")  # mkstemp creates it 0600
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(secrets.token_bytes(SECRET_BYTES))
                fh.flush()
                os.fsync(fh.fileno())
            with suppress(FileExistsError):  # another process linked its key first: use that one
                os.link(tmp, path)
        finally:
            os.unlink(tmp)
    data = path.read_bytes()
    if len(data) < SECRET_BYTES:
        raise ConfigError("INTAKE_SECRET_KEY", f"{path} is shorter than {SECRET_BYTES} bytes: restore it or set "
                          "INTAKE_SECRET_KEY (a new key voids the tokens of review requests already sent)")
    return data


def _mac(secret: bytes, purpose: str, *parts: str) -> bytes:
    message = "\x1f".join((purpose, *parts)).encode("utf-8")
    return hmac.new(secret, message, hashlib.sha256).digest()


def reply_token(secret: bytes, tracking_id: str, reviewer: str) -> str:
    """The token of one reviewer for one submission: lower-case base32, 120 bits."""
    digest = _mac(secret, "review-reply", tracking_id, reviewer.strip().lower())[:TOKEN_BYTES]
    return base64.b32encode(digest).decode("ascii").lower()


def reply_address(submission_address: str, token: str) -> str:
    """`tougao+r-<token>@example.org`: the Reply-To of a review request."""
    local, _, domain = submission_address.rpartition("@")
    return f"{local}+{TOKEN_PREFIX}{token}@{domain}"


def tokens_in(addresses: list[str], submission_address: str) -> list[str]:
    """The tokens of the plus addresses of our mailbox among `addresses` (any case)."""
    local, _, domain = submission_address.lower().rpartition("@")
    prefix = f"{local}+{TOKEN_PREFIX}"
    found = []
    for address in addresses:
        addr_local, _, addr_domain = address.strip().lower().rpartition("@")
        if addr_domain == domain and addr_local.startswith(prefix):
            found.append(addr_local[len(prefix):])
    return found


def token_matches(token: str, expected: str) -> bool:
    return hmac.compare_digest(token.encode("ascii", "replace"), expected.encode("ascii"))
