"""Distinct submissions for chaos and burst runs, one contributor address per mail.

Three kinds, each with the answer it must get:

- ``accepted``: a complete submission → acknowledgement to the contributor + one review request per
  reviewer. Taken from the accepted corpus mails (each at most once: a second copy would be a
  duplicate) and, for the rest, generated .docx articles whose text is unique (random CJK tokens in
  every sentence keep the 4-character shingles apart, so no two are near-duplicates).
- ``incomplete``: a manuscript without a required field → an incomplete notice. Copies of the
  examples and corpus mails that miss a field, with new addresses and Message-IDs (incomplete
  submissions are never compared for duplicates, so copies are fine).
- ``rejected``: no manuscript → a rejection. Copies of the no-manuscript / photos-only / xlsx-only mails.

Only the sender addresses (From, Reply-To, Sender, Return-Path) and the Message-ID are rewritten in
the copied mails; the rest of the bytes stay as the client wrote them.
"""

from __future__ import annotations

import io
import random
import re
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples"
CORPUS = REPO / "tests" / "data" / "corpus"

# Accepted corpus mails that need no LibreOffice (.doc/.wps cost ~1 s of CPU each on 2 cores).
ACCEPTED_CORPUS = (
    "01-docx-top-labels-163.eml", "02-docx-labels-next-line-qq.eml", "03-docx-fullwidth-outlook.eml",
    "04-docx-luokuan-163.eml", "05-subject-unit-plus-title-126.eml", "06-subject-bracket-unit-wen-tu-qq.eml",
    "07-subject-tougao-foxmail.eml", "08-meta-in-body-163.eml", "09-signature-block-outlook.eml",
    "10-nigaoren-docx-163.eml", "11-txt-utf8-comma-dashes-qq.eml", "14-tongxunyuan-lead-luokuan-qq.eml",
    "15-landline-spaced-foxmail.eml", "17-txt-gbk-luokuan-zhibi-163.eml", "18-txt-utf16-outlook.eml",
    "19-zip-gbk-members-163.eml", "20-zip-utf8-members-qq.eml", "21-body-plain-163.eml",
    "22-body-html-only-qq.eml", "34-body-plain-signature-qq.eml",
)
INCOMPLETE_SOURCES = (
    EXAMPLES / "05-missing-phone.eml", EXAMPLES / "06-missing-source-unit.eml",
    CORPUS / "36-missing-phone-163.eml", CORPUS / "37-missing-unit-txt-qq.eml",
    CORPUS / "38-missing-authors-outlook.eml", CORPUS / "39-missing-unit-and-phone-body-163.eml",
)
REJECTED_SOURCES = (
    EXAMPLES / "09-no-manuscript.eml", CORPUS / "47-no-manuscript-163.eml",
    CORPUS / "48-photos-only-qq.eml", CORPUS / "52-xlsx-only-163.eml",
)
ACKNOWLEDGEMENT, INCOMPLETE, REJECTION, REVIEW_REQUEST = "acknowledgement", "incomplete", "rejection", "review_request"
ANSWER_OF = {"accepted": ACKNOWLEDGEMENT, "incomplete": INCOMPLETE, "rejected": REJECTION}
# Subject prefixes of the zh-CN templates (templates/zh-CN/*.subject.j2).
KIND_OF_SUBJECT = (("【来稿已收到】", ACKNOWLEDGEMENT), ("【请补充稿件信息】", INCOMPLETE),
                   ("【来稿未能受理】", REJECTION), ("【重复来稿提示】", "duplicate"), ("【待审稿件】", REVIEW_REQUEST))
DOMAINS = ("163.com", "qq.com", "126.com", "foxmail.com", "outlook.com")


@dataclass(frozen=True)
class ChaosMail:
    index: int
    kind: str  # accepted | incomplete | rejected
    contributor: str  # lower-case address every answer must go to
    message_id: str  # with angle brackets, as in the Message-ID header
    raw: bytes
    source: str  # which file it was made from ("generated" for the .docx articles)

    @property
    def answer(self) -> str:
        return ANSWER_OF[self.kind]


def kind_of_subject(subject: str) -> str:
    for prefix, kind in KIND_OF_SUBJECT:
        if subject.startswith(prefix):
            return kind
    return "unknown"


# --------------------------------------------------------------------------- header rewriting

_HEADER_END = re.compile(rb"\r?\n\r?\n")
_ADDRESS_HEADERS = (b"from", b"reply-to", b"sender", b"return-path")


def _unfolded_headers(head: bytes) -> list[bytes]:
    """Header fields of a header block, each with its continuation lines (line ends kept)."""
    fields: list[bytes] = []
    for line in head.splitlines(keepends=True):
        if line[:1] in (b" ", b"\t") and fields:
            fields[-1] += line
        else:
            fields.append(line)
    return fields


def rewrite(raw: bytes, contributor: str, message_id: str) -> bytes:
    """The same mail from ``contributor`` with Message-ID ``message_id`` (other bytes untouched)."""
    match = _HEADER_END.search(raw)
    if match is None:
        raise ValueError("no header/body separator")
    head, rest = raw[: match.start()], raw[match.start():]
    eol = b"\r\n" if b"\r\n" in head else b"\n"
    out: list[bytes] = []
    seen_id = False
    for fld in _unfolded_headers(head + eol):
        name = fld.split(b":", 1)[0].strip().lower()
        if name in _ADDRESS_HEADERS:
            value = fld.split(b":", 1)[1]
            if b"<" in value:
                fld = re.sub(rb"<[^>]*>", b"<" + contributor.encode() + b">", fld, count=1)
            else:
                fld = fld.split(b":", 1)[0] + b": " + contributor.encode() + eol
        elif name == b"message-id":
            fld, seen_id = b"Message-ID: " + message_id.encode() + eol, True
        out.append(fld)
    if not seen_id:
        out.append(b"Message-ID: " + message_id.encode() + eol)
    return b"".join(out).rstrip(b"\r\n") + rest


# --------------------------------------------------------------------------- generated articles

_WORDS = ("机关党员", "志愿服务", "社区", "理论学习", "节能降碳", "乡村振兴", "便民服务", "主题党日", "调研", "座谈会",
          "青年干部", "廉政教育", "读书分享", "网格化", "文明创建", "应急演练", "档案整理", "政务公开", "安全生产",
          "基层治理", "营商环境", "民生实事", "垃圾分类", "助老服务", "科普宣传", "河湖巡查", "文化下乡")
_UNITS = ("青禾市机关事务管理局", "云岭县农业农村局", "白石镇人民政府", "东川区档案馆", "南湖街道办事处",
          "西河县教育局")
_SURNAMES = "张王李赵陈刘杨黄周吴徐孙马朱胡郭何林罗高"
_GIVEN = "晓岚明哲文彬思远海燕建国春雨秋实志强丽华"


def _cjk_token(rng: random.Random, n: int) -> str:
    return "".join(chr(rng.randint(0x4E00, 0x9FA5)) for _ in range(n))


def _person(rng: random.Random) -> str:
    return rng.choice(_SURNAMES) + "".join(rng.sample(_GIVEN, 2))


def generated_article(rng: random.Random, index: int) -> tuple[str, str, bytes]:
    """(subject, file name, .docx bytes) of a complete, unique article."""
    from docx import Document

    unit = rng.choice(_UNITS)
    topic = rng.choice(_WORDS)
    title = f"{unit}第{index}次{topic}活动{_cjk_token(rng, 3)}"
    doc = Document()
    doc.add_heading(title, level=1)
    doc.add_paragraph(f"来源：{unit}")
    doc.add_paragraph(f"作者：{_person(rng)}　{_person(rng)}")
    doc.add_paragraph(f"联系电话：1380013{rng.randint(8000, 8999)}")
    for n in range(5):
        words = "、".join(rng.sample(_WORDS, 4))
        doc.add_paragraph(f"第{n + 1}段：围绕{words}，{_cjk_token(rng, 12)}，{rng.randint(10, 9999)}户居民受益，"
                          f"{_cjk_token(rng, 10)}。")
    out = io.BytesIO()
    doc.save(out)
    return f"{unit}+{title}", f"{title[:20]}.docx", out.getvalue()


def _generated_mail(rng: random.Random, index: int, contributor: str, message_id: str, to: str) -> bytes:
    subject, filename, docx = generated_article(rng, index)
    msg = EmailMessage()
    msg["From"] = f"{_person(rng)} <{contributor}>"
    msg["To"] = to
    msg["Subject"] = subject
    msg["Date"] = formatdate(localtime=True)
    msg["Message-ID"] = message_id
    msg.set_content("您好，投稿一篇，请审阅。")
    msg.add_attachment(docx, maintype="application",
                       subtype="vnd.openxmlformats-officedocument.wordprocessingml.document", filename=filename)
    return msg.as_bytes()


# --------------------------------------------------------------------------- the mix


def build_mails(count: int, seed: int, to: str = "tougao@localhost", tag: str = "chaos",
                shares: tuple[float, float] = (0.6, 0.25)) -> list[ChaosMail]:
    """``count`` distinct mails: about 60 % accepted, 25 % incomplete, the rest rejected, shuffled."""
    rng = random.Random(seed)
    n_accepted = round(count * shares[0])
    n_incomplete = round(count * shares[1])
    kinds = ["accepted"] * n_accepted + ["incomplete"] * n_incomplete
    kinds += ["rejected"] * (count - len(kinds))
    rng.shuffle(kinds)
    corpus = [CORPUS / name for name in ACCEPTED_CORPUS]
    rng.shuffle(corpus)
    mails: list[ChaosMail] = []
    for index, kind in enumerate(kinds):
        contributor = f"{tag}{seed}-{index:04d}@{DOMAINS[index % len(DOMAINS)]}"
        message_id = f"<{tag}-{seed}-{index:04d}-{rng.getrandbits(32):08x}@{contributor.split('@')[1]}>"
        if kind == "accepted" and not corpus:
            raw, source = _generated_mail(rng, index, contributor, message_id, to), "generated"
        else:
            if kind == "accepted":
                path = corpus.pop()
            else:
                path = rng.choice(INCOMPLETE_SOURCES if kind == "incomplete" else REJECTED_SOURCES)
            raw, source = rewrite(path.read_bytes(), contributor, message_id), path.name
        mails.append(ChaosMail(index, kind, contributor, message_id, raw, source))
    return mails
