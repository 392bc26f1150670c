"""intake.spam: the site's filter verdicts and DMARC failures at our own MX make a mail spam (never read,
never answered); look-alike headers and verdicts of other servers do not. Sources are in intake/spam.py."""

from __future__ import annotations

import pytest

from intake.classify import classify, no_auto_answer, not_a_submission
from intake.mail import parse_mail
from intake.models import ParsedMail
from intake.spam import spam_verdict

OWN = "tougao@localhost"
MX = "mx.qinghe.gov.example"


def mail(headers: str = "") -> ParsedMail:
    raw = ("From: 张晓琳 <qh_zhangxl2026@163.com>\r\nTo: tougao@localhost\r\nSubject: tougao\r\n"
           f"Message-ID: <s1@163.com>\r\n{headers}MIME-Version: 1.0\r\n"
           "Content-Type: text/plain; charset=utf-8\r\n\r\nhello\r\n")
    return parse_mail(raw.encode("utf-8"))


def verdict(headers: str, threshold: int = 5, trusted: str | None = MX) -> str | None:
    reason = spam_verdict(mail(headers), threshold, (trusted,) if trusted else ())
    if reason is not None:
        assert (reason.code, reason.severity) == ("spam", "ignore") and reason.data["header"]
    return reason.code if reason else None


@pytest.mark.parametrize("headers", [
    "X-Spam-Flag: YES\r\n",
    "X-Spam-Flag: yes\r\n",
    "X-Spam-Status: Yes, score=9.3 required=5.0 tests=BAYES_99,RDNS_NONE autolearn=no\r\n",
    "X-Spam-Level: *****\r\n",
    "X-Spam-Level: ***************\r\n",
], ids=["flag", "flag-lower", "status", "level-5", "level-15"])
def test_spamassassin_verdicts_make_spam(headers: str) -> None:
    """SpamAssassin: X-Spam-Flag YES, X-Spam-Status Yes, or X-Spam-Level at or above the threshold."""
    assert verdict(headers) == "spam"


@pytest.mark.parametrize("headers", [
    "X-Spam-Flag: NO\r\n",
    "X-Spam-Status: No, score=1.2 required=5.0 tests=HTML_MESSAGE\r\n",
    "X-Spam-Level: ****\r\n",
    "X-Spam-Level: \r\n",
], ids=["flag-no", "status-no", "level-4", "level-empty"])
def test_spamassassin_ham_is_not_spam(headers: str) -> None:
    """A negative flag or status, and a level under the threshold (default 5), are not spam."""
    assert verdict(headers) is None


def test_the_spam_level_threshold_is_configurable() -> None:
    """INTAKE_SPAM_LEVEL_THRESHOLD=3 makes three stars spam; the default 5 does not."""
    assert verdict("X-Spam-Level: ***\r\n", threshold=3) == "spam"
    assert verdict("X-Spam-Level: ***\r\n") is None


@pytest.mark.parametrize("headers", [
    "X-Spam: Yes\r\n",
    "X-Rspamd-Action: add header\r\n",
    "X-Rspamd-Action: rewrite subject\r\n",
    "X-Rspamd-Action: reject\r\n",
], ids=["x-spam", "add-header", "rewrite-subject", "reject"])
def test_rspamd_verdicts_make_spam(headers: str) -> None:
    """rspamd (milter_headers): X-Spam: Yes, or an action that marks spam."""
    assert verdict(headers) == "spam"


@pytest.mark.parametrize("headers", [
    "X-Spam: No\r\n",
    "X-Rspamd-Action: no action\r\nX-Rspamd-Score: 1.5\r\nX-Rspamd-Server: mx\r\n",
    "X-Rspamd-Action: greylist\r\n",
], ids=["x-spam-no", "no-action", "greylist"])
def test_rspamd_ham_is_not_spam(headers: str) -> None:
    """`no action` and `greylist` are not spam verdicts."""
    assert verdict(headers) is None


@pytest.mark.parametrize("headers", [
    "X-Forefront-Antispam-Report: CIP:203.0.113.7;CTRY:CN;LANG:zh;SCL:5;SRV:;IPV:NLI;SFV:SPM;H:mail.example;"
    "PTR:;CAT:SPM;SFS:(13230031);DIR:INB;\r\n",
    "X-Forefront-Antispam-Report: CIP:203.0.113.7;SFV:SKS;SCL:1;DIR:INB;\r\n",
    "X-Forefront-Antispam-Report: CIP:203.0.113.7;SFV:SKB;DIR:INB;\r\n",
    "X-Forefront-Antispam-Report: CIP:203.0.113.7;CAT:HPHSH;SFV:NSPM;SCL:1;DIR:INB;\r\n",
    "X-Forefront-Antispam-Report: CIP:203.0.113.7;SFV:NSPM;SCL:6;DIR:INB;\r\n",
    "X-MS-Exchange-Organization-SCL: 5\r\n",
    "X-MS-Exchange-Organization-SCL: 9\r\n",
], ids=["sfv-spm", "sfv-sks", "sfv-skb", "cat-hphsh", "report-scl-6", "org-scl-5", "org-scl-9"])
def test_microsoft_365_verdicts_make_spam(headers: str) -> None:
    """Exchange Online Protection: SFV:SPM/SKS/SKB, a spam or phishing CAT, or an SCL of 5 or more."""
    assert verdict(headers) == "spam"


@pytest.mark.parametrize("headers", [
    "X-Forefront-Antispam-Report: CIP:203.0.113.7;CTRY:CN;SCL:1;SRV:;IPV:NLI;SFV:NSPM;CAT:NONE;DIR:INB;\r\n",
    "X-Forefront-Antispam-Report: CIP:203.0.113.7;SCL:-1;SFV:SKI;DIR:INT;\r\n",
    "X-MS-Exchange-Organization-SCL: -1\r\n",
    "X-MS-Exchange-Organization-SCL: 1\r\n",
    "X-Forefront-Antispam-Report: CIP:203.0.113.7;SRV:BULK;SFV:NSPM;SCL:1;CAT:BULK;\r\n",
], ids=["nspm", "intra-org", "scl-bypass", "scl-1", "bulk-is-not-spam"])
def test_microsoft_365_ham_is_not_spam(headers: str) -> None:
    """NSPM, SKI, SCL -1..4 and bulk are not spam verdicts."""
    assert verdict(headers) is None


@pytest.mark.parametrize("headers", [
    "X-QQ-SPAM: true\r\nX-QQ-mid: bizesmtp72t1664502612t298uzz8\r\nX-QQ-SSF: 0000000000000000000000000000000\r\n",
    "X-Coremail-Antispam: 1Uf129KBjDUn29KB7ZKAUJUUUUU529EdanIXcx71UUUUU7v73VFW2AGmfu7bjvjm3AaLaJ3UbIYCTnIWIevJa73\r\n",
    "X-CM-TRANSID: x8mowAAX4tcS6zReRf_REg--.49102S3\r\n",
], ids=["tencent-exmail-outbound", "coremail", "coremail-transid"])
def test_tencent_and_netease_stamps_are_not_verdicts(headers: str) -> None:
    """X-QQ-SPAM is stamped on ordinary mail *sent* through Tencent Exmail; Coremail's are opaque: not spam."""
    assert verdict(headers) is None


def test_dmarc_fail_at_our_own_mx_is_spam() -> None:
    """Authentication-Results of INTAKE_TRUSTED_AUTHSERV_ID saying dmarc=fail → spam."""
    headers = (f"Authentication-Results: {MX}; spf=fail smtp.mailfrom=163.com; dkim=none;\r\n"
               " dmarc=fail (p=REJECT sp=REJECT dis=NONE) header.from=163.com\r\n")
    assert verdict(headers) == "spam"


def test_dmarc_fail_is_found_below_another_servers_header() -> None:
    """Another hop's header first, ours second: ours still counts."""
    headers = ("Authentication-Results: relay.example.net; dmarc=pass header.from=163.com\r\n"
               f"Authentication-Results: {MX.upper()}; dmarc=fail header.from=163.com\r\n")
    assert verdict(headers) == "spam"


def test_only_the_topmost_header_of_our_server_counts() -> None:
    """Our MX said pass on top; a copy below claiming our id and dmarc=fail (the sender's) is not believed."""
    headers = (f"Authentication-Results: {MX}; dmarc=pass header.from=163.com\r\n"
               f"Authentication-Results: {MX}; dmarc=fail header.from=163.com\r\n")
    assert verdict(headers) is None


def test_any_of_several_trusted_servers_counts() -> None:
    """INTAKE_TRUSTED_AUTHSERV_ID may name several servers (comma-separated)."""
    reason = spam_verdict(mail("Authentication-Results: mx2.example; dmarc=fail header.from=163.com\r\n"),
                          5, ("mx1.example", "mx2.example"))
    assert reason is not None and reason.code == "spam"


@pytest.mark.parametrize(("headers", "trusted"), [
    (f"Authentication-Results: {MX}; dkim=pass header.d=163.com; dmarc=pass header.from=163.com\r\n", MX),
    ("Authentication-Results: evil.example; dmarc=fail header.from=163.com\r\n", MX),
    (f"Authentication-Results: {MX}; dmarc=fail header.from=163.com\r\n", None),
    (f"Authentication-Results: {MX}; dmarc=\r\n", MX),
    ("Authentication-Results: ;;; ===\r\n", MX),
], ids=["pass", "other-server", "no-trusted-id", "broken-value", "garbage"])
def test_dmarc_counts_only_when_our_server_says_fail(headers: str, trusted: str | None) -> None:
    """A pass, another server's verdict, no configured id, or an unparsable header: not spam."""
    assert verdict(headers, trusted=trusted) is None


def test_spam_is_not_a_submission_even_from_a_known_person() -> None:
    """classify: spam is decided before auto-reply or list checks, and it is 'not a submission'."""
    spam = mail("X-Spam-Flag: YES\r\nList-Id: <news.example>\r\n")
    found = not_a_submission(spam, OWN)
    assert found is not None and found.code == "spam"
    reason = classify(spam, OWN)
    assert reason is not None and reason.code == "spam"
    assert no_auto_answer(mail("X-Spam-Flag: YES\r\n")) is None, "spam is not an automatic-sender question"
