"""intake.config: settings come from INTAKE_* variables and an optional TOML file, validated once."""

from __future__ import annotations

from pathlib import Path

import pytest

from intake.config import ConfigError, Settings, load_settings


def settings(tmp_path: Path, **env: str) -> Settings:
    return load_settings({"INTAKE_DATA_DIR": str(tmp_path), **env})


def write_toml(tmp_path: Path, text: str) -> str:
    path = tmp_path / "intake.toml"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_defaults_are_the_embedded_mode_of_design_section_8(tmp_path: Path) -> None:
    """With only a data dir, every core setting has its documented embedded default."""
    s = settings(tmp_path)
    assert s.data_dir == tmp_path.resolve()
    assert s.database_url == f"sqlite:///{tmp_path.resolve() / 'intake.sqlite3'}"
    assert s.broker_url is None and s.embedded
    assert s.smtp_url == f"file://{tmp_path.resolve() / 'outbox'}"
    assert s.submission_address == "tougao@localhost"
    assert s.reviewers == ("reviewer@localhost",)
    assert s.max_message_bytes == 52428800
    assert s.required_fields == ("title", "source_unit", "authors", "phone")


def test_default_mailbox_is_a_maildir_inside_the_data_dir(tmp_path: Path) -> None:
    """Without INTAKE_MAILBOX_URL the one mailbox is `maildir://<data dir>/Maildir`."""
    s = settings(tmp_path)
    assert len(s.mailboxes) == 1
    assert s.mailbox_url == f"maildir://{tmp_path.resolve() / 'Maildir'}"
    assert s.mailboxes[0].scheme == "maildir"
    assert s.mailboxes[0].name == "default"


def test_data_dir_default_is_intake_data_under_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """INTAKE_DATA_DIR unset means ./intake-data, made absolute."""
    monkeypatch.chdir(tmp_path)
    assert load_settings({}).data_dir == (tmp_path / "intake-data").resolve()


def test_environment_values_are_parsed_and_normalised(tmp_path: Path) -> None:
    """Comma lists are split and trimmed; addresses are lower-cased; integers are parsed."""
    s = settings(
        tmp_path,
        INTAKE_REVIEWERS=" Editor@Example.org , second@example.org ",
        INTAKE_SUBMISSION_ADDRESS="TouGao@Example.org",
        INTAKE_MAX_MESSAGE_BYTES="2048",
        INTAKE_REQUIRED_FIELDS="title, phone,reviewer",
        INTAKE_SMTP_URL="smtp+starttls://u:p@smtp.example.org:587",
        INTAKE_BROKER_URL="redis://127.0.0.1:6379/3",
    )
    assert s.reviewers == ("editor@example.org", "second@example.org")
    assert s.submission_address == "tougao@example.org"
    assert s.max_message_bytes == 2048
    assert s.required_fields == ("title", "phone", "reviewer")
    assert s.smtp_url == "smtp+starttls://u:p@smtp.example.org:587"
    assert s.broker_url == "redis://127.0.0.1:6379/3" and not s.embedded


def test_an_empty_environment_variable_counts_as_unset(tmp_path: Path) -> None:
    """INTAKE_X="" falls back to the TOML value or the default instead of failing."""
    toml = write_toml(tmp_path, 'site_name = "青禾日报"\n')
    s = settings(tmp_path, INTAKE_CONFIG=toml, INTAKE_SITE_NAME="", INTAKE_MAX_MESSAGE_BYTES="")
    assert s.site_name == "青禾日报"
    assert s.max_message_bytes == 52428800


def test_environment_beats_toml(tmp_path: Path) -> None:
    """A key set in both places takes the environment's value; TOML-only keys still apply."""
    toml = write_toml(
        tmp_path,
        'submission_address = "toml@example.org"\nmax_message_bytes = 4096\nsite_name = "青禾日报"\n'
        'reviewers = ["a@example.org", "b@example.org"]\n',
    )
    s = settings(tmp_path, INTAKE_CONFIG=toml, INTAKE_SUBMISSION_ADDRESS="env@example.org")
    assert s.submission_address == "env@example.org"
    assert s.max_message_bytes == 4096
    assert s.site_name == "青禾日报"
    assert s.reviewers == ("a@example.org", "b@example.org")


def test_toml_mailboxes_and_routing(tmp_path: Path) -> None:
    """[[mailboxes]] become MailboxSettings in order; [routing] is kept in `extra` for the router."""
    toml = write_toml(
        tmp_path,
        """
[[mailboxes]]
name = "tougao"
url = "imaps://tougao%40example.org:secret@imap.example.org:993/INBOX"
processed_action = "flag"

[[mailboxes]]
name = "local"
url = "maildir:///srv/mail/tougao"

[routing]
mode = "round_robin"
[[routing.rules]]
source_unit = "教育"
reviewers = ["edu@example.org"]
""",
    )
    s = settings(tmp_path, INTAKE_CONFIG=toml)
    assert [m.name for m in s.mailboxes] == ["tougao", "local"]
    assert s.mailboxes[0].scheme == "imaps"
    assert s.mailboxes[0].folder == "INBOX"
    assert s.mailboxes[0].processed_action == "flag"
    assert s.mailboxes[1].processed_action == "move"
    assert s.extra["routing"]["mode"] == "round_robin"
    assert s.extra["routing"]["rules"][0]["reviewers"] == ["edu@example.org"]


def test_intake_mailbox_url_replaces_the_toml_mailboxes(tmp_path: Path) -> None:
    """The environment wins for mailboxes too: INTAKE_MAILBOX_URL is then the only mailbox."""
    toml = write_toml(tmp_path, '[[mailboxes]]\nname = "a"\nurl = "maildir:///srv/a"\n')
    s = settings(tmp_path, INTAKE_CONFIG=toml, INTAKE_MAILBOX_URL="imap://u:p@127.0.0.1:1143/Tougao")
    assert len(s.mailboxes) == 1
    assert s.mailbox_url == "imap://u:p@127.0.0.1:1143/Tougao"
    assert s.mailboxes[0].folder == "Tougao"


@pytest.mark.parametrize(
    ("env", "setting"),
    [
        ({"INTAKE_SMTP_URL": "http://smtp.example.org"}, "INTAKE_SMTP_URL"),
        ({"INTAKE_SMTP_URL": "smtp://"}, "INTAKE_SMTP_URL"),
        ({"INTAKE_MAILBOX_URL": "pop3://u:p@pop.example.org"}, "INTAKE_MAILBOX_URL"),
        ({"INTAKE_DATABASE_URL": "mysql://u:p@db.example.org/intake"}, "INTAKE_DATABASE_URL"),
        ({"INTAKE_BROKER_URL": "amqp://guest@rabbit.example.org//"}, "INTAKE_BROKER_URL"),
        ({"INTAKE_REQUIRED_FIELDS": "title,email"}, "INTAKE_REQUIRED_FIELDS"),
        ({"INTAKE_REVIEWERS": "editor.example.org"}, "INTAKE_REVIEWERS"),
        ({"INTAKE_REVIEWERS": " , "}, "INTAKE_REVIEWERS"),
        ({"INTAKE_SUBMISSION_ADDRESS": "tou gao@example.org"}, "INTAKE_SUBMISSION_ADDRESS"),
        ({"INTAKE_SUBMISSION_ADDRESS": "a@b@c"}, "INTAKE_SUBMISSION_ADDRESS"),
        ({"INTAKE_MAX_MESSAGE_BYTES": "50MB"}, "INTAKE_MAX_MESSAGE_BYTES"),
        ({"INTAKE_MAX_MESSAGE_BYTES": "10"}, "INTAKE_MAX_MESSAGE_BYTES"),
        ({"INTAKE_RATE_LIMIT_PER_HOUR": "-1"}, "INTAKE_RATE_LIMIT_PER_HOUR"),
        ({"INTAKE_POLL_INTERVAL": "soon"}, "INTAKE_POLL_INTERVAL"),
        ({"INTAKE_IMAP_VERIFY_TLS": "maybe"}, "INTAKE_IMAP_VERIFY_TLS"),
        ({"INTAKE_LANGUAGE": "fr"}, "INTAKE_LANGUAGE"),
        ({"INTAKE_CONFIG": "/nonexistent/intake.toml"}, "INTAKE_CONFIG"),
    ],
)
def test_every_config_error_names_the_setting_at_fault(tmp_path: Path, env: dict[str, str], setting: str) -> None:
    """A bad value raises ConfigError whose `.setting` and message name the INTAKE_* variable."""
    with pytest.raises(ConfigError) as caught:
        settings(tmp_path, **env)
    assert caught.value.setting == setting
    assert str(caught.value).startswith(f"{setting}: ")


def test_invalid_toml_is_reported_against_intake_config(tmp_path: Path) -> None:
    """A TOML syntax error names INTAKE_CONFIG, not some later setting."""
    toml = write_toml(tmp_path, "max_message_bytes = = 3\n")
    with pytest.raises(ConfigError) as caught:
        settings(tmp_path, INTAKE_CONFIG=toml)
    assert caught.value.setting == "INTAKE_CONFIG"


def test_a_bad_toml_mailbox_names_its_position(tmp_path: Path) -> None:
    """A [[mailboxes]] entry with an unsupported URL is reported as mailboxes[i]."""
    toml = write_toml(tmp_path, '[[mailboxes]]\nname = "ok"\nurl = "maildir:///a"\n'
                                '[[mailboxes]]\nname = "bad"\nurl = "pop3://x@y"\n')
    with pytest.raises(ConfigError) as caught:
        settings(tmp_path, INTAKE_CONFIG=toml)
    assert caught.value.setting == "mailboxes[1]"


def test_duplicate_mailbox_names_are_refused(tmp_path: Path) -> None:
    """Two [[mailboxes]] with the same name would share poller state: refused."""
    toml = write_toml(tmp_path, '[[mailboxes]]\nname = "a"\nurl = "maildir:///a"\n'
                                '[[mailboxes]]\nname = "a"\nurl = "maildir:///b"\n')
    with pytest.raises(ConfigError) as caught:
        settings(tmp_path, INTAKE_CONFIG=toml)
    assert caught.value.setting == "mailboxes"


@pytest.mark.parametrize("url", ["filesystem://", "memory://"])
def test_celery_hostless_broker_urls_are_accepted(tmp_path: Path, url: str) -> None:
    """`filesystem://` (the embedded Celery transport, DESIGN §7) and `memory://` need no host."""
    assert settings(tmp_path, INTAKE_BROKER_URL=url).broker_url == url


def test_postgresql_unix_socket_url_is_accepted(tmp_path: Path) -> None:
    """A PostgreSQL URL whose host is a unix socket (`?host=/var/run/postgresql`) is valid libpq."""
    url = "postgresql+psycopg://intake@/intake?host=/var/run/postgresql"
    assert settings(tmp_path, INTAKE_DATABASE_URL=url).database_url == url


def test_a_bad_subject_pattern_or_routing_mode_is_named_at_start_up(tmp_path: Path) -> None:
    """TOML [rules] and [routing] are validated with the settings, not when the first mail arrives."""
    path = tmp_path / "intake.toml"
    path.write_text('[rules]\nsubject_pattern = "(unclosed"\n', encoding="utf-8")
    with pytest.raises(ConfigError) as bad_rule:
        load_settings({"INTAKE_CONFIG": str(path), "INTAKE_DATA_DIR": str(tmp_path)})
    assert bad_rule.value.setting == "rules.subject_pattern"
    path.write_text('[routing]\nmode = "random"\n', encoding="utf-8")
    with pytest.raises(ConfigError) as bad_mode:
        load_settings({"INTAKE_CONFIG": str(path), "INTAKE_DATA_DIR": str(tmp_path)})
    assert bad_mode.value.setting == "routing.mode"


def test_trust_settings_default_to_no_trusted_server_and_no_plus_address(tmp_path: Path) -> None:
    """INTAKE_SECRET_KEY unset, no INTAKE_TRUSTED_AUTHSERV_ID, INTAKE_REVIEW_REPLY_TOKEN_ADDRESS false."""
    s = settings(tmp_path)
    assert (s.secret_key, s.trusted_authserv_ids, s.review_reply_token_address) == (None, (), False)


def test_trust_settings_are_read_and_checked(tmp_path: Path) -> None:
    s = settings(tmp_path, INTAKE_SECRET_KEY="k" * 40, INTAKE_TRUSTED_AUTHSERV_ID="MX1.Example.org, mx2.example.org",
                 INTAKE_REVIEW_REPLY_TOKEN_ADDRESS="yes")
    assert s.secret_key == b"k" * 40 and s.review_reply_token_address
    assert s.trusted_authserv_ids == ("mx1.example.org", "mx2.example.org")
    assert "k" * 40 not in repr(s)


@pytest.mark.parametrize(("env", "setting"), [
    ({"INTAKE_SECRET_KEY": "too-short"}, "INTAKE_SECRET_KEY"),
    ({"INTAKE_TRUSTED_AUTHSERV_ID": "mx.example.org; dkim=pass"}, "INTAKE_TRUSTED_AUTHSERV_ID"),
    ({"INTAKE_REVIEW_REPLY_TOKEN_ADDRESS": "maybe"}, "INTAKE_REVIEW_REPLY_TOKEN_ADDRESS"),
])
def test_bad_trust_settings_name_the_setting(tmp_path: Path, env: dict[str, str], setting: str) -> None:
    with pytest.raises(ConfigError) as raised:
        settings(tmp_path, **env)
    assert raised.value.setting == setting


def test_backscatter_settings_have_their_documented_defaults(tmp_path: Path) -> None:
    """Spam level 5, rejections to unknown senders on, 30 per hour."""
    s = settings(tmp_path)
    assert (s.spam_level_threshold, s.reject_unknown_senders, s.unknown_sender_rejections_per_hour) == (5, True, 30)


def test_backscatter_settings_come_from_the_environment(tmp_path: Path) -> None:
    s = settings(tmp_path, INTAKE_SPAM_LEVEL_THRESHOLD="8", INTAKE_REJECT_UNKNOWN_SENDERS="false",
                 INTAKE_UNKNOWN_SENDER_REJECTIONS_PER_HOUR="0")
    assert (s.spam_level_threshold, s.reject_unknown_senders, s.unknown_sender_rejections_per_hour) == (8, False, 0)


@pytest.mark.parametrize(("name", "value"), [
    ("INTAKE_SPAM_LEVEL_THRESHOLD", "0"), ("INTAKE_SPAM_LEVEL_THRESHOLD", "five"),
    ("INTAKE_REJECT_UNKNOWN_SENDERS", "maybe"), ("INTAKE_UNKNOWN_SENDER_REJECTIONS_PER_HOUR", "-1"),
])
def test_bad_backscatter_settings_name_the_setting(tmp_path: Path, name: str, value: str) -> None:
    with pytest.raises(ConfigError) as err:
        settings(tmp_path, **{name: value})
    assert err.value.setting == name


def test_the_statistics_unit_aliases_are_checked_at_start_up(tmp_path: Path) -> None:
    """[stats.aliases] reaches the settings; an alias to an empty name fails at start-up, named."""
    good = write_toml(tmp_path, '[stats.aliases]\n"市财政局" = "青禾市财政局"\n')
    assert settings(tmp_path, INTAKE_CONFIG=good).extra["stats"] == {"aliases": {"市财政局": "青禾市财政局"}}
    bad = write_toml(tmp_path, '[stats.aliases]\n"市财政局" = " "\n')
    with pytest.raises(ConfigError) as caught:
        settings(tmp_path, INTAKE_CONFIG=bad)
    assert caught.value.setting == "stats.aliases"
