"""intake.secret: the secret comes from INTAKE_SECRET_KEY, or once from the data dir in embedded mode."""

from __future__ import annotations

import stat
import threading
from pathlib import Path

import pytest

from intake.config import ConfigError, Settings, load_settings
from intake.secret import (
    data_dir_secret,
    reply_address,
    reply_token,
    require_secret,
    token_matches,
    tokens_in,
    with_secret,
)

KEY = "0123456789abcdef0123456789abcdef-test"


def settings(tmp_path: Path, **env: str) -> Settings:
    return load_settings({"INTAKE_DATA_DIR": str(tmp_path), **env})


def test_embedded_mode_generates_a_private_key_once_and_reuses_it(tmp_path: Path) -> None:
    """No INTAKE_SECRET_KEY on SQLite without a broker: 32 random bytes in <data dir>/secret.key, mode 0600."""
    first = with_secret(settings(tmp_path)).secret_key
    path = tmp_path / "secret.key"
    assert first is not None and len(first) == 32 and path.read_bytes() == first
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert require_secret(settings(tmp_path)) == first  # a second process reads the same key


def test_processes_starting_together_agree_on_one_key(tmp_path: Path) -> None:
    """The file is linked into place atomically: whoever comes first, everyone reads the same bytes."""
    found: list[bytes] = []
    threads = [threading.Thread(target=lambda: found.append(data_dir_secret(tmp_path))) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(set(found)) == 1 and len(found) == 8
    assert [p.name for p in tmp_path.iterdir()] == ["secret.key"]  # no temporary files left


def test_the_environment_key_wins_and_no_file_is_written(tmp_path: Path) -> None:
    s = with_secret(settings(tmp_path, INTAKE_SECRET_KEY=KEY))
    assert s.secret_key == KEY.encode() and not (tmp_path / "secret.key").exists()


@pytest.mark.parametrize("env", [
    {"INTAKE_DATABASE_URL": "postgresql+psycopg://intake@db.example.org/intake"},
    {"INTAKE_BROKER_URL": "redis://127.0.0.1:6379/0"},
])
def test_with_postgresql_or_a_broker_the_key_is_required(tmp_path: Path, env: dict[str, str]) -> None:
    """Several hosts must share one key, so none is invented: the error names INTAKE_SECRET_KEY."""
    s = with_secret(settings(tmp_path, **env))
    assert s.secret_key is None and not (tmp_path / "secret.key").exists()
    with pytest.raises(ConfigError) as raised:
        require_secret(s)
    assert raised.value.setting == "INTAKE_SECRET_KEY"
    assert require_secret(settings(tmp_path, INTAKE_SECRET_KEY=KEY, **env)) == KEY.encode()


def test_a_filesystem_broker_keeps_the_embedded_key(tmp_path: Path) -> None:
    """Celery's filesystem transport is one host's data dir too."""
    assert with_secret(settings(tmp_path, INTAKE_BROKER_URL="filesystem://")).secret_key


def test_a_damaged_key_file_is_an_error_not_a_new_key(tmp_path: Path) -> None:
    (tmp_path / "secret.key").write_bytes(b"short")
    with pytest.raises(ConfigError, match=r"secret\.key"):
        data_dir_secret(tmp_path)


def test_reply_tokens_are_bound_to_the_submission_and_the_reviewer() -> None:
    key = KEY.encode()
    token = reply_token(key, "TG-20261202-0001", "editor@example.org")
    assert len(token) == 24 and token.isalnum() and token == token.lower()  # 120 bits of base32
    assert token == reply_token(key, "TG-20261202-0001", "Editor@Example.org ")
    others = {reply_token(key, "TG-20261202-0002", "editor@example.org"),
              reply_token(key, "TG-20261202-0001", "chief@example.org"),
              reply_token(b"another key of at least thirty-two bytes", "TG-20261202-0001", "editor@example.org")}
    assert token not in others and len(others) == 3
    assert token_matches(token, token) and not token_matches("x" * 24, token) and not token_matches("令牌", token)


def test_plus_addresses_of_our_mailbox_carry_the_token() -> None:
    address = reply_address("tougao@example.org", "abc234")
    assert address == "tougao+r-abc234@example.org"
    assert tokens_in([address.upper(), "tougao@example.org", "other+r-x@example.org", "tougao+r-y@evil.example"],
                     "tougao@example.org") == ["abc234"]
