"""Desk accounts, logins, sessions and CSRF tokens.

- Passwords are argon2id hashes (argon2-cffi); an account without one logs in only through a
  trusted reverse proxy (INTAKE_WEB_PROXY_USER_HEADER from INTAKE_WEB_TRUSTED_PROXIES).
- A session is a random token in an HttpOnly, SameSite=Lax (Secure unless turned off) cookie;
  the database keeps only its sha256, with the session's CSRF token and expiry.
- Every form posts the session's CSRF token in a hidden field; the login form, before any
  session exists, posts an HMAC of a random pre-login cookie (double submit, keyed by the secret).
- Failed logins are counted per account name and per client address over 15 minutes; at
  INTAKE_WEB_LOGIN_ATTEMPTS the login is refused before the password is even checked.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from intake.config import Settings
from intake.store import Store
from intake.store.desk import (
    account_by_address,
    end_session,
    end_sessions_of,
    failures_since,
    forget_failures,
    purge_expired_sessions,
    session_by_token_hash,
)
from intake.tables import Account, DeskSession, LoginFailure, utcnow

ROLES = ("reviewer", "admin")
FAILURE_WINDOW = timedelta(minutes=15)
MIN_PASSWORD = 10
_hasher = PasswordHasher()
# A hash to verify against when the account does not exist, so both cases take the same time.
_DUMMY = _hasher.hash("not a password of anyone")


class AccountError(ValueError):
    """`intake user add` refused: `key` is the i18n message."""

    def __init__(self, key: str, **values: object) -> None:
        super().__init__(key)
        self.key, self.values = key, values


@dataclass(frozen=True)
class User:
    """Who is logged in (what every page and decision needs; no ORM object crosses requests)."""

    id: int
    address: str
    role: str
    csrf: str

    @property
    def admin(self) -> bool:
        return self.role == "admin"


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogateescape")).hexdigest()


def add_user(store: Store, address: str, role: str, password: str | None) -> bool:
    """Create the account, or set its role and password. True when it was new."""
    address = address.strip().lower()
    if "@" not in address or len(address) > 320 or any(c.isspace() for c in address):
        raise AccountError("user_bad_address", address=address)
    if role not in ROLES:
        raise AccountError("user_bad_role", role=role)
    if password is not None and len(password) < MIN_PASSWORD:
        raise AccountError("user_short_password", minimum=MIN_PASSWORD)
    hashed = _hasher.hash(password) if password is not None else None
    with store.session() as s:
        account = account_by_address(s, address)
        if account is None:
            s.add(Account(address=address, role=role, password_hash=hashed))
            return True
        account.role, account.disabled = role, False
        if hashed is not None:
            account.password_hash = hashed
            end_sessions_of(s, account.id)  # a new password logs every browser out
        return False


def disable_user(store: Store, address: str) -> bool:
    with store.session() as s:
        account = account_by_address(s, address)
        if account is None:
            return False
        account.disabled = True
        end_sessions_of(s, account.id)
        return True


def failure_keys(address: str, client: str) -> tuple[str, str]:
    return (f"account:{address.strip().lower()[:320]}", f"client:{client[:64]}")


def login_blocked(store: Store, settings: Settings, address: str, client: str) -> bool:
    with store.session() as s:
        return failures_since(s, failure_keys(address, client), utcnow() - FAILURE_WINDOW) \
            >= settings.web_login_attempts


def check_password(store: Store, settings: Settings, address: str, password: str, client: str) -> int | None:
    """The account id when the password is right (and the account enabled); records a failure otherwise."""
    address = address.strip().lower()
    with store.session() as s:
        account = account_by_address(s, address)
        found = (account.id, account.password_hash, account.disabled) if account is not None else None
    ok = False
    try:
        ok = _hasher.verify(found[1] if found and found[1] else _DUMMY, password)
    except (VerificationError, InvalidHashError):
        ok = False
    keys = failure_keys(address, client)
    with store.session() as s:
        if ok and found is not None and found[1] and not found[2]:
            forget_failures(s, keys[:1])
            forget_failures(s, keys[1:], utcnow() - FAILURE_WINDOW)
            return found[0]
        for key in keys:
            s.add(LoginFailure(key=key))
    return None


def proxy_account(store: Store, address: str) -> int | None:
    """The enabled account a trusted proxy names, or None."""
    with store.session() as s:
        account = account_by_address(s, address)
        return account.id if account is not None and not account.disabled else None


def start_session(store: Store, settings: Settings, account_id: int) -> str:
    """A new session for the account; returns the cookie's token."""
    token = secrets.token_urlsafe(32)
    now = utcnow()
    with store.session() as s:
        purge_expired_sessions(s, now)
        s.add(DeskSession(token_sha256=token_hash(token), account_id=account_id, csrf=secrets.token_urlsafe(32),
                          created_at=now, expires_at=now + timedelta(hours=settings.web_session_hours)))
    return token


def user_of(store: Store, token: str | None) -> User | None:
    if not token or len(token) > 200:
        return None
    with store.session() as s:
        found = session_by_token_hash(s, token_hash(token), utcnow())
        if found is None:
            return None
        account = s.get(Account, found.account_id)
        if account is None or account.disabled:
            return None
        return User(account.id, account.address, account.role, found.csrf)


def logout(store: Store, token: str | None) -> None:
    if token:
        with store.session() as s:
            end_session(s, token_hash(token))


def same(a: str | None, b: str | None) -> bool:
    return bool(a) and bool(b) and hmac.compare_digest(str(a).encode(), str(b).encode())


def login_csrf(secret: bytes, nonce: str) -> str:
    """The login form's token: bound to the browser's pre-login cookie by the secret key."""
    return hmac.new(secret, b"desk-login:" + nonce.encode(), hashlib.sha256).hexdigest()
