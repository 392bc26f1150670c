"""Foreign-composer scenarios: submissions written by mail software the team did not write.

Every scenario is one invented submission (all units, people and numbers are made up; mobiles use
the 138-0013-80xx dummy range). It is composed three times, by independent implementations:

- ``nodemailer``: nodemailer's MailComposer, driven through ``compose.mjs`` (Node);
- ``python-default``: ``email.message.EmailMessage`` with ``email.policy.default`` (CRLF on output);
- ``python-compat32``: the legacy ``email.mime`` classes with ``email.policy.compat32`` (LF on output).

Each scenario states the outcome it expects under DESIGN.md §4 (the JSON contract of
``intake ingest --json``): outcome, reason, missing fields, title, authors, phone, the manuscript's
file name and the photos' file names, decoded exactly.

Manuscripts are built here with python-docx, photos with Pillow; both are deterministic.
"""

from __future__ import annotations

import base64
import io
import json
import random
import shutil
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass, field
from email import policy
from email.charset import BASE64, QP, Charset
from email.header import Header
from email.message import EmailMessage, Message
from email.mime.application import MIMEApplication
from email.mime.image import MIMEImage
from email.mime.message import MIMEMessage
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.utils import formataddr, parsedate_to_datetime
from functools import cache
from pathlib import Path

HERE = Path(__file__).resolve().parent
COMPOSERS = ("nodemailer", "python-default", "python-compat32")
TOUGAO = ("投稿邮箱", "tougao@localhost")
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
DATE = "Fri, 20 Nov 2026 09:30:00 +0800"


# --------------------------------------------------------------------------- model


@dataclass(frozen=True)
class Part:
    """One attached file."""

    filename: str
    content_type: str
    data: bytes
    cid: str | None = None  # set: an inline image referenced from the HTML body as cid:<cid>
    disposition: str = "attachment"


@dataclass(frozen=True)
class Mail:
    """What a contributor's mail says, independent of how a library writes it."""

    sender: tuple[str, str]
    subject: str
    message_id: str
    text: str | None
    html: str | None = None
    charset: str = "utf-8"  # of the text body (and of headers where the library lets us choose)
    cte: str = "base64"  # "base64" or "quoted-printable" for text parts
    attachments: tuple[Part, ...] = ()
    to: tuple[tuple[str, str], ...] = (TOUGAO,)
    reply_to: tuple[str, str] | None = None
    in_reply_to: str | None = None
    references: tuple[str, ...] = ()
    forward: Mail | None = None  # attached as message/rfc822
    date: str = DATE


@dataclass(frozen=True)
class Expect:
    outcome: str
    reason: str | None = None
    missing: tuple[str, ...] = ()
    title: str | None = None
    authors: tuple[str, ...] = ()
    source_unit: str | None = None
    phone: str | None = None
    manuscript: str | None = None  # the manuscript's file name as the draft reports it
    images: tuple[str, ...] = ()  # photo file names, in any order
    captions: tuple[str, ...] = ()  # captions that must be found, in any order
    notify: tuple[tuple[str, str], ...] = ()  # (kind, address) pairs that must be among the notifications


@dataclass(frozen=True)
class Scenario:
    name: str
    summary: str
    mail: Mail
    expect: Expect
    prior: Mail | None = None  # ingested first, in the same data dir (the mail this one replies to)
    prior_expect: Expect | None = None
    tags: tuple[str, ...] = field(default_factory=tuple)


# --------------------------------------------------------------------------- fixtures: documents and photos


def docx(paragraphs: Sequence[str], *, title: str | None = None, table: Sequence[tuple[str, str]] = ()) -> bytes:
    """A .docx: an optional centred bold title, the paragraphs, an optional two-column form table."""
    import docx as python_docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    document = python_docx.Document()
    document.core_properties.author = "foreign-tests"
    if title:
        heading = document.add_paragraph()
        heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
        heading.add_run(title).bold = True
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=2)
        for row, (label, value) in zip(grid.rows, table, strict=True):
            row.cells[0].text, row.cells[1].text = label, value
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def photo(seed: int, size: tuple[int, int] = (1280, 960), fmt: str = "JPEG") -> bytes:
    """A deterministic photo-like picture (gradient, shapes and noise so that it compresses like one)."""
    from PIL import Image, ImageDraw, ImageFilter

    rng = random.Random(seed)
    width, height = size
    image = Image.linear_gradient("L").resize(size).convert("RGB")
    draw = ImageDraw.Draw(image)
    for _ in range(40):
        x, y = rng.randrange(width), rng.randrange(height)
        r = rng.randrange(20, max(21, width // 6))
        color = (rng.randrange(256), rng.randrange(256), rng.randrange(256))
        draw.ellipse((x - r, y - r, x + r, y + r), fill=color)
    noise = Image.effect_noise(size, 40).convert("RGB")
    image = Image.blend(image.filter(ImageFilter.GaussianBlur(3)), noise, 0.15)
    out = io.BytesIO()
    if fmt == "JPEG":
        image.save(out, "JPEG", quality=88)
    else:
        image.save(out, fmt)
    return out.getvalue()


# --------------------------------------------------------------------------- texts (written for these tests)

ZUZHIBU_TITLE = "云岭县委组织部举办年轻干部综合能力提升培训班"
ZUZHIBU = [
    "11月16日至18日，云岭县委组织部在县委党校举办年轻干部综合能力提升培训班，来自县直各部门和各乡镇的"
    "62名年轻干部参加培训。",
    "一、突出政治引领，筑牢思想根基",
    "培训班把理论学习放在首位，邀请市委党校教师围绕党的创新理论作专题辅导，组织学员分组研讨，"
    "交流学习体会，引导年轻干部在学思践悟中坚定理想信念。",
    "二、聚焦实战实训，提升履职本领",
    "培训采取“课堂教学+现场教学+情景模拟”的方式，安排群众工作、应急处置、公文写作等实务课程，"
    "并组织学员到石桥镇柳湾村、县政务服务中心开展现场教学，让年轻干部在一线学方法、长本领。",
    "三、严格教育管理，锤炼过硬作风",
    "培训期间实行封闭式管理，设立临时党支部，落实考勤、学习心得和结业测试制度。下一步，县委组织部"
    "将跟踪培训成效，把培训表现作为年轻干部日常考核的重要参考。",
]

QINGLIAN_TITLE = "石桥镇开展“清廉村居”建设现场观摩活动"
QINGLIAN = [
    "11月12日，石桥镇组织各村（社区）党组织书记和村务监督委员会主任，开展“清廉村居”建设现场观摩活动。",
    "观摩组先后走进柳湾村、河口社区，实地察看村务公开栏、“三资”管理台账和廉政文化长廊，听取"
    "两地在小微权力清单、村级工程监管等方面的经验介绍。",
    "在随后召开的座谈会上，各村书记结合观摩所见，逐一查找本村在制度执行、监督落实中的短板，"
    "明确整改措施和完成时限。",
    "镇纪委负责同志表示，将以此次观摩为契机，推动“清廉村居”建设从“一处美”向“处处美”转变，"
    "让群众在家门口感受到清风正气。",
]

SHAONIANGONG_TITLE = "县教育体育局推动乡村学校少年宫常态化开放"
SHAONIANGONG = [
    "今年以来，县教育体育局把乡村学校少年宫建设作为办好人民满意教育的重要抓手，推动全县18所乡村"
    "学校少年宫在课后和周末常态化开放。",
    "（一）整合师资。各校统筹本校教师、志愿者和“五老”人员，组建书法、剪纸、篮球、合唱等兴趣小组，"
    "每周开展活动不少于三次。",
    "（二）完善场地。县教育体育局争取专项资金，为少年宫更新乐器、体育器材和图书，改造活动室21间。",
    "（三）强化评价。县里把少年宫开放情况纳入学校年度考核，每学期组织一次成果展示，"
    "让乡村孩子在家门口享受到丰富多彩的课外活动。",
]

LAOBING_TITLE = "市退役军人事务局“老兵宣讲团”走进校园"
LAOBING = [
    "11月14日，市退役军人事务局组织“老兵宣讲团”走进青禾市第三中学，为800余名师生讲述戍边故事。",
    "宣讲团成员、退役老兵周海涛结合自己在边防服役十二年的经历，讲述了巡逻路上的艰辛和坚守，"
    "现场不时响起热烈的掌声。",
    "宣讲结束后，老兵们与学生代表互动交流，并向学校赠送了《戍边日记》等图书。",
    "据介绍，今年以来“老兵宣讲团”已开展宣讲46场，覆盖学生和群众1.2万余人次。",
]

SHIPIN_TITLE = "县市场监管局开展“食品安全进校园”宣传活动"
SHIPIN = [
    "为提高中小学生食品安全意识，11月10日，县市场监管局联合县教育体育局在城关小学开展“食品安全进校园”"
    "宣传活动。",
    "执法人员通过展板讲解、快速检测演示和有奖问答等形式，教学生辨别“三无”食品、看懂食品标签，"
    "并提醒学生不买校园周边流动摊贩的食品。",
    "活动中，执法人员还对学校食堂进行了检查，重点查看食材采购台账、留样记录和后厨卫生，"
    "现场指出问题3处并督促整改。",
]

CHUNFENG_TITLE = "县人社局举办“春风行动”专场招聘会"
CHUNFENG = [
    "11月8日，县人力资源和社会保障局在县城文化广场举办“春风行动”专场招聘会，62家企业提供就业岗位1900余个。",
    "招聘会现场设置了政策咨询、技能培训报名和劳务输出登记等服务台，工作人员为求职群众讲解创业担保贷款、"
    "社保补贴等政策。",
    "据统计，当天进场求职群众2300余人次，初步达成就业意向436人。",
]

FEIYI_TITLE = "县文化和旅游局组织非遗传承人走进社区"
FEIYI = [
    "11月15日，县文化和旅游局组织剪纸、竹编、花灯制作等项目的非遗传承人走进河口社区，开展非遗展示体验活动。",
    "活动现场，传承人手把手教居民剪窗花、编竹篮，不少孩子在家长陪同下完成了自己的第一件作品。",
    "县文化和旅游局负责人介绍，今年将组织非遗进社区、进校园活动30场以上，让传统技艺融入群众生活。",
]

YIZHEN_TITLE = "县卫生健康局组织医疗专家赴边远乡镇义诊"
YIZHEN = [
    "11月11日，县卫生健康局组织县人民医院、县中医医院的15名医疗专家，到白岩乡开展义诊活动。",
    "专家们为群众免费测量血压、血糖，开展心电图检查，并就慢性病用药、季节性疾病预防等问题耐心解答。",
    "活动共接诊群众380余人次，发放健康宣传资料600余份，为12名重症患者开通了转诊绿色通道。",
]


def labels(unit: str, author: str, phone: str | None) -> list[str]:
    lines = [f"来源：{unit}", f"作者：{author}"]
    if phone:
        lines.append(f"联系电话：{phone}")
    return lines


# --------------------------------------------------------------------------- scenarios


def _scenarios() -> list[Scenario]:
    zuzhibu_name = "云岭县委组织部年轻干部培训班.docx"
    long_name = "中共云岭县委组织部关于举办二〇二六年度全县年轻干部综合能力提升培训班情况的信息报送稿（终稿）.docx"
    scenarios = [
        Scenario(
            "zuzhibu-docx",
            "县委组织部 news item: .docx with 来源/作者/联系电话 at the top; Chinese display name and subject",
            Mail(("云岭县委组织部 杨帆", "yangfan_zzb@163.com"), "【云岭县委组织部】" + ZUZHIBU_TITLE,
                 "<zuzhibu-docx.1@163.com>", "编辑老师您好：\n附件是我部一篇信息稿，请审阅。\n\n杨帆\n",
                 attachments=(Part(zuzhibu_name, DOCX, docx(
                     [*labels("中共云岭县委组织部", "杨帆", "13800138061"), *ZUZHIBU], title=ZUZHIBU_TITLE)),)),
            Expect("accepted", title=ZUZHIBU_TITLE, authors=("杨帆",), source_unit="中共云岭县委组织部",
                   phone="13800138061", manuscript=zuzhibu_name,
                   notify=(("acknowledgement", "yangfan_zzb@163.com"), ("review_request", "reviewer@localhost")))),
        Scenario(
            "long-rfc2231-name",
            "manuscript with a 50-character Chinese file name: RFC 2231 continuations (filename*0*=…) where the "
            "library writes them",
            Mail(("杨帆", "yangfan_zzb@163.com"), "投稿：" + ZUZHIBU_TITLE, "<long-name.2@163.com>",
                 "请查收附件中的稿件。\n", cte="quoted-printable",
                 attachments=(Part(long_name, DOCX, docx(
                     [*labels("中共云岭县委组织部", "杨帆", "13800138061"), *ZUZHIBU], title=ZUZHIBU_TITLE)),)),
            Expect("accepted", title=ZUZHIBU_TITLE, authors=("杨帆",), source_unit="中共云岭县委组织部",
                   phone="13800138061", manuscript=long_name)),
        Scenario(
            "gb18030-body-metadata",
            "GB18030 text body carrying the metadata (author with the 4-byte GB18030 character 䶮), .docx with the "
            "article only; GB18030 headers and file name under compat32",
            Mail(("石桥镇纪委 李䶮", "liyan_sqz@qq.com"), "石桥镇纪委 李䶮 " + QINGLIAN_TITLE, "<gb18030.3@qq.com>",
                 "您好！报送稿件一篇，详见附件。\n来源：云岭县石桥镇纪委\n作者：李䶮\n联系电话：138 0013 8062\n",
                 charset="gb18030",
                 attachments=(Part("清廉村居观摩.docx", DOCX, docx(QINGLIAN, title=QINGLIAN_TITLE)),)),
            Expect("accepted", title=QINGLIAN_TITLE, authors=("李䶮",), source_unit="云岭县石桥镇纪委",
                   phone="13800138062", manuscript="清廉村居观摩.docx")),
        Scenario(
            "body-only-qp",
            "the whole article in a quoted-printable UTF-8 text body, no attachment",
            Mail(("县教育体育局 刘晓东", "liuxd_jyj@126.com"), "投稿：" + SHAONIANGONG_TITLE, "<body-qp.4@126.com>",
                 "\n".join([SHAONIANGONG_TITLE, *labels("云岭县教育体育局", "刘晓东", "13800138063"),
                            *SHAONIANGONG]) + "\n", cte="quoted-printable"),
            Expect("accepted", title=SHAONIANGONG_TITLE, authors=("刘晓东",), source_unit="云岭县教育体育局",
                   phone="13800138063")),
        Scenario(
            "body-only-base64",
            "the whole article in a base64 UTF-8 text body, metadata at the end (落款 style)",
            Mail(("周海涛", "zhouht_tyjrj@163.com"), "投稿：" + LAOBING_TITLE, "<body-b64.5@163.com>",
                 "\n".join([LAOBING_TITLE, *LAOBING, "", "（作者：周海涛　联系电话：13800138064）",
                            "青禾市退役军人事务局"]) + "\n"),
            Expect("accepted", title=LAOBING_TITLE, authors=("周海涛",), source_unit="青禾市退役军人事务局",
                   phone="13800138064")),
        Scenario(
            "inline-image-html-body",
            "article in an HTML body with a photo inline (cid:) and its caption under it; text alternative too",
            Mail(("县文化和旅游局 陈静", "chenjing_wlj@163.com"), "投稿：" + FEIYI_TITLE, "<inline-img.6@163.com>",
                 "\n".join([FEIYI_TITLE, *labels("云岭县文化和旅游局", "陈静", "13800138065"), *FEIYI,
                            "[图片]", "图为非遗传承人教居民剪窗花。"]) + "\n",
                 html="<html><body>" + f"<p><b>{FEIYI_TITLE}</b></p>"
                 + "".join(f"<p>{line}</p>" for line in [*labels("云岭县文化和旅游局", "陈静", "13800138065"), *FEIYI])
                 + '<p><img src="cid:feiyi-photo-1@163.com" width="640"></p><p>图为非遗传承人教居民剪窗花。</p>'
                 + "</body></html>",
                 attachments=(Part("剪窗花.jpg", "image/jpeg", photo(6), cid="feiyi-photo-1@163.com",
                                   disposition="inline"),)),
            Expect("accepted", title=FEIYI_TITLE, authors=("陈静",), source_unit="云岭县文化和旅游局",
                   phone="13800138065", images=("剪窗花.jpg",), captions=("图为非遗传承人教居民剪窗花。",))),
        Scenario(
            "docx-plus-photos-captions-in-body",
            ".docx plus two JPEG photos with Chinese names; captions as 图1/图2 lines in the body",
            Mail(("县卫生健康局 马丽", "mali_wjj@qq.com"), "【云岭县卫生健康局】" + YIZHEN_TITLE, "<photos.7@qq.com>",
                 "稿件和照片见附件。\n图1：医疗专家为群众测量血压\n图2：专家为村民讲解慢性病用药知识\n",
                 attachments=(Part("义诊稿件.docx", DOCX, docx(
                     [*labels("云岭县卫生健康局", "马丽", "13800138066"), *YIZHEN], title=YIZHEN_TITLE)),
                     Part("图1.jpg", "image/jpeg", photo(71)), Part("图2.jpg", "image/jpeg", photo(72)))),
            Expect("accepted", title=YIZHEN_TITLE, authors=("马丽",), source_unit="云岭县卫生健康局",
                   phone="13800138066", manuscript="义诊稿件.docx", images=("图1.jpg", "图2.jpg"),
                   captions=("医疗专家为群众测量血压", "专家为村民讲解慢性病用药知识"))),
        Scenario(
            "png-photo-docx",
            ".docx plus one PNG photo named after its caption",
            Mail(("县人社局 赵敏", "zhaomin_rsj@163.com"), "投稿：" + CHUNFENG_TITLE, "<png.8@163.com>",
                 "您好，稿件请审。\n",
                 attachments=(Part("春风行动招聘会.docx", DOCX, docx(
                     [*labels("云岭县人力资源和社会保障局", "赵敏", "13800138067"), *CHUNFENG], title=CHUNFENG_TITLE)),
                     Part("招聘会现场求职群众咨询岗位信息.png", "image/png", photo(8, (1024, 768), "PNG")))),
            Expect("accepted", title=CHUNFENG_TITLE, authors=("赵敏",), source_unit="云岭县人力资源和社会保障局",
                   phone="13800138067", manuscript="春风行动招聘会.docx",
                   images=("招聘会现场求职群众咨询岗位信息.png",))),
        Scenario(
            "forwarded-rfc822",
            "an office colleague forwards the author's original mail (with its .docx) as a message/rfc822 attachment",
            Mail(("县市场监管局办公室", "bgs_scjgj@163.com"), "转发：" + SHIPIN_TITLE, "<forward.9@163.com>",
                 "编辑部：转发我局孙悦同志的稿件，请审阅。\n", forward=Mail(
                     ("孙悦", "sunyue_scjgj@qq.com"), "投稿：" + SHIPIN_TITLE, "<original.9@qq.com>",
                     "稿件见附件。\n", to=(("县市场监管局办公室", "bgs_scjgj@163.com"),),
                     attachments=(Part("食品安全进校园.docx", DOCX, docx(
                         [*labels("云岭县市场监督管理局", "孙悦", "13800138068"), *SHIPIN], title=SHIPIN_TITLE)),),
                     date="Thu, 19 Nov 2026 16:05:00 +0800")),
            Expect("accepted", title=SHIPIN_TITLE, authors=("孙悦",), source_unit="云岭县市场监督管理局",
                   phone="13800138068", manuscript="食品安全进校园.docx")),
        Scenario(
            "missing-phone",
            ".docx with 来源 and 作者 but no phone anywhere",
            Mail(("县教育体育局 刘晓东", "liuxd_jyj@126.com"), "投稿：" + SHAONIANGONG_TITLE, "<no-phone.10@126.com>",
                 "请审阅附件。\n", attachments=(Part("少年宫.docx", DOCX, docx(
                     [*labels("云岭县教育体育局", "刘晓东", None), *SHAONIANGONG], title=SHAONIANGONG_TITLE)),)),
            Expect("incomplete", missing=("phone",), title=SHAONIANGONG_TITLE, authors=("刘晓东",),
                   source_unit="云岭县教育体育局", manuscript="少年宫.docx",
                   notify=(("incomplete", "liuxd_jyj@126.com"),))),
        Scenario(
            "missing-phone-and-unit",
            "body-only article naming only its author: source unit and phone both missing",
            Mail(("赵敏", "zhaomin88@126.com"), "投稿：" + CHUNFENG_TITLE, "<no-unit.11@126.com>",
                 "\n".join([CHUNFENG_TITLE, "作者：赵敏", *CHUNFENG]) + "\n", cte="quoted-printable"),
            Expect("incomplete", missing=("source_unit", "phone"), title=CHUNFENG_TITLE, authors=("赵敏",))),
        Scenario(
            "no-manuscript",
            "'please find attached' with nothing attached",
            Mail(("孙悦", "sunyue_scjgj@qq.com"), "稿件", "<nothing.12@qq.com>", "老师好，稿件请查收。\n"),
            Expect("rejected", reason="no_manuscript", notify=(("rejection", "sunyue_scjgj@qq.com"),))),
        Scenario(
            "reply-to-personal",
            "sent from a shared unit mailbox with Reply-To the author's own address: the answer goes to Reply-To",
            Mail(("云岭县卫生健康局", "wjj_tougao@163.com"), "投稿：" + YIZHEN_TITLE, "<reply-to.13@163.com>",
                 "稿件见附件。\n", reply_to=("马丽", "mali_wjj@qq.com"),
                 attachments=(Part("义诊.docx", DOCX, docx(
                     [*labels("云岭县卫生健康局", "马丽", "13800138066"), *YIZHEN], title=YIZHEN_TITLE)),)),
            Expect("accepted", title=YIZHEN_TITLE, authors=("马丽",), source_unit="云岭县卫生健康局",
                   phone="13800138066", manuscript="义诊.docx", notify=(("acknowledgement", "mali_wjj@qq.com"),))),
        Scenario(
            "gb18030-txt-manuscript",
            "a GB18030 .txt manuscript with a Chinese name, CRLF line ends",
            Mail(("周海涛", "zhouht_tyjrj@163.com"), LAOBING_TITLE, "<txt.14@163.com>", "见附件。\n",
                 attachments=(Part("老兵宣讲团走进校园.txt", "text/plain", "\r\n".join(
                     [LAOBING_TITLE, *labels("青禾市退役军人事务局", "周海涛", "13800138064"), *LAOBING]
                 ).encode("gb18030")),)),
            Expect("accepted", title=LAOBING_TITLE, authors=("周海涛",), source_unit="青禾市退役军人事务局",
                   phone="13800138064", manuscript="老兵宣讲团走进校园.txt")),
        Scenario(
            "html-only-body",
            "an HTML-only mail (no text/plain part) carrying the article",
            Mail(("县文化和旅游局 陈静", "chenjing_wlj@163.com"), "投稿：" + FEIYI_TITLE, "<html-only.15@163.com>",
                 None, html="<html><body><div>" + f"<h3>{FEIYI_TITLE}</h3>" + "".join(
                     f"<div>{line}</div>" for line in [*labels("云岭县文化和旅游局", "陈静", "13800138065"), *FEIYI])
                 + "</div></body></html>", cte="quoted-printable"),
            Expect("accepted", title=FEIYI_TITLE, authors=("陈静",), source_unit="云岭县文化和旅游局",
                   phone="13800138065")),
    ]
    parent = Mail(("县教育体育局 刘晓东", "liuxd_jyj@126.com"), "投稿：" + SHAONIANGONG_TITLE, "<parent.16@126.com>",
                  "请审阅附件。\n", attachments=(Part("少年宫常态化开放.docx", DOCX, docx(
                      [*labels("云岭县教育体育局", "刘晓东", None), *SHAONIANGONG], title=SHAONIANGONG_TITLE)),))
    reply = Mail(parent.sender, "Re: " + parent.subject, "<reply.16@126.com>",
                 "您好，补充联系电话：138 0013 8069。\n\n"
                 "------------------ 原始邮件 ------------------\n> 请审阅附件。\n",
                 in_reply_to=parent.message_id, references=(parent.message_id,),
                 date="Fri, 20 Nov 2026 10:12:00 +0800")
    scenarios.append(Scenario(
        "reply-completes-phone",
        "a reply (In-Reply-To/References the first mail) giving the missing phone completes the submission",
        reply,
        Expect("accepted", title=SHAONIANGONG_TITLE, authors=("刘晓东",), source_unit="云岭县教育体育局",
               phone="13800138069", manuscript="少年宫常态化开放.docx"),
        prior=parent,
        prior_expect=Expect("incomplete", missing=("phone",), title=SHAONIANGONG_TITLE, authors=("刘晓东",),
                            manuscript="少年宫常态化开放.docx"),
    ))
    return scenarios


@cache
def scenarios() -> tuple[Scenario, ...]:
    return tuple(_scenarios())


# --------------------------------------------------------------------------- composers: Python email


def _split_type(content_type: str) -> tuple[str, str]:
    maintype, _, subtype = content_type.partition("/")
    return maintype, subtype


def compose_default(mail: Mail) -> EmailMessage:
    """``EmailMessage`` with ``policy.default``: the modern API (headers always UTF-8, RFC 2231 names)."""
    msg = EmailMessage(policy=policy.default)
    msg["From"] = formataddr(mail.sender)
    msg["To"] = ", ".join(formataddr(pair) for pair in mail.to)
    if mail.reply_to:
        msg["Reply-To"] = formataddr(mail.reply_to)
    msg["Subject"] = mail.subject
    msg["Date"] = mail.date
    msg["Message-ID"] = mail.message_id
    if mail.in_reply_to:
        msg["In-Reply-To"] = mail.in_reply_to
    if mail.references:
        msg["References"] = " ".join(mail.references)
    if mail.text is not None:
        msg.set_content(mail.text, charset=mail.charset, cte=mail.cte)
        if mail.html is not None:
            msg.add_alternative(mail.html, subtype="html", cte=mail.cte)
    elif mail.html is not None:
        msg.set_content(mail.html, subtype="html", cte=mail.cte)
    inline = [part for part in mail.attachments if part.cid]
    if inline:
        html_part = msg.get_body(("html",))
        assert html_part is not None, "an inline image needs an HTML body"
        for part in inline:
            html_part.add_related(part.data, *_split_type(part.content_type), cid=f"<{part.cid}>",
                                  filename=part.filename, disposition=part.disposition)
    for part in mail.attachments:
        if not part.cid:
            msg.add_attachment(part.data, *_split_type(part.content_type), filename=part.filename)
    if mail.forward is not None:
        msg.add_attachment(compose_default(mail.forward))
    return msg


def compose_compat32(mail: Mail) -> Message:
    """The legacy ``email.mime`` classes with ``policy.compat32``: ``Header`` objects, explicit charsets.

    This API lets us choose the header charset, so a GB18030 mail has GB18030 subject, display name
    and RFC 2231 file names (``filename*=gb18030''…``), the way older Chinese clients write them.
    """
    charset = Charset(mail.charset)
    charset.body_encoding = QP if mail.cte == "quoted-printable" else BASE64
    header_charset = mail.charset

    def text_part(text: str, subtype: str) -> MIMEText:
        part = MIMEText("", subtype, "utf-8")
        del part["Content-Transfer-Encoding"]
        part.set_payload(text, charset)
        return part

    body: Message
    if mail.text is not None and mail.html is not None:
        body = MIMEMultipart("alternative")
        body.attach(text_part(mail.text, "plain"))
        body.attach(text_part(mail.html, "html"))
    elif mail.text is not None:
        body = text_part(mail.text, "plain")
    else:
        assert mail.html is not None
        body = text_part(mail.html, "html")

    inline = [part for part in mail.attachments if part.cid]
    if inline:
        related = MIMEMultipart("related")
        related.attach(body)
        for part in inline:
            image = MIMEImage(part.data, _split_type(part.content_type)[1])
            image.add_header("Content-ID", f"<{part.cid}>")
            image.add_header("Content-Disposition", part.disposition, filename=(header_charset, "", part.filename))
            related.attach(image)
        body = related

    files = [part for part in mail.attachments if not part.cid]
    if files or mail.forward is not None:
        root: Message = MIMEMultipart("mixed")
        root.attach(body)
        for part in files:
            maintype, subtype = _split_type(part.content_type)
            item: Message
            if maintype == "image":
                item = MIMEImage(part.data, subtype)
            else:
                item = MIMEApplication(part.data, subtype) if maintype == "application" else MIMEApplication(
                    part.data, "octet-stream")
                if maintype != "application":
                    item.replace_header("Content-Type", part.content_type)
            item.add_header("Content-Disposition", part.disposition, filename=(header_charset, "", part.filename))
            root.attach(item)
        if mail.forward is not None:
            root.attach(MIMEMessage(compose_compat32(mail.forward)))
    else:
        root = body

    root["From"] = formataddr(mail.sender, charset=header_charset)
    root["To"] = ", ".join(formataddr(pair, charset=header_charset) for pair in mail.to)
    if mail.reply_to:
        root["Reply-To"] = formataddr(mail.reply_to, charset=header_charset)
    root["Subject"] = Header(mail.subject, header_charset)
    root["Date"] = mail.date
    root["Message-ID"] = mail.message_id
    if mail.in_reply_to:
        root["In-Reply-To"] = mail.in_reply_to
    if mail.references:
        root["References"] = " ".join(mail.references)
    return root


# --------------------------------------------------------------------------- Node


NPM_HINT = "cd tests/foreign && npm ci --no-audit --no-fund"


class NodeMissing(RuntimeError):
    """Node or the pinned npm packages are not installed: a setup error, never a reason to skip."""


def node_run(args: Sequence[str], stdin: str | None = None, timeout: float = 300) -> str:
    """Run ``node ARGS`` in tests/foreign and return its stdout; raise with stderr on failure."""
    node = shutil.which("node")
    if node is None:
        raise NodeMissing("node is not on PATH: install Node.js >= 18, then run: " + NPM_HINT)
    for package in ("nodemailer", "postal-mime", "mailparser"):
        if not (HERE / "node_modules" / package / "package.json").exists():
            raise NodeMissing(f"npm package {package} is not installed in tests/foreign/node_modules: run: {NPM_HINT}")
    done = subprocess.run([node, *args], cwd=HERE, input=stdin, capture_output=True, text=True,
                          timeout=timeout, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"node {' '.join(args)} exited {done.returncode}:\n{done.stderr}")
    return done.stdout


# --------------------------------------------------------------------------- composers: nodemailer


def _node_spec(mail: Mail) -> dict[str, object]:
    def pair(value: tuple[str, str]) -> dict[str, str]:
        return {"name": value[0], "address": value[1]}

    spec: dict[str, object] = {
        "from": pair(mail.sender),
        "to": [pair(value) for value in mail.to],
        "replyTo": pair(mail.reply_to) if mail.reply_to else None,
        "subject": mail.subject,
        "messageId": mail.message_id,
        "date": parsedate_to_datetime(mail.date).isoformat(),
        "inReplyTo": mail.in_reply_to,
        "references": list(mail.references),
        "text": mail.text,
        "textCharset": mail.charset,
        "textBytesBase64": None if mail.text is None else base64.b64encode(mail.text.encode(mail.charset)).decode(),
        "html": mail.html,
        "textEncoding": mail.cte,
        "attachments": [{"filename": part.filename, "contentType": part.content_type,
                         "base64": base64.b64encode(part.data).decode(), "cid": part.cid,
                         "disposition": part.disposition} for part in mail.attachments],
        "forward": _node_spec(mail.forward) if mail.forward is not None else None,
    }
    return spec


def compose_nodemailer(jobs: Sequence[tuple[str, Mail]], out_dir: Path) -> dict[str, Path]:
    """Compose every (name, mail) with nodemailer in one Node process; returns name → .eml path."""
    payload = json.dumps([{"name": name, "mail": _node_spec(mail)} for name, mail in jobs], ensure_ascii=False)
    done = node_run(["compose.mjs", str(out_dir)], stdin=payload)
    paths = [Path(path) for path in json.loads(done)]
    return {name: path for (name, _mail), path in zip(jobs, paths, strict=True)}


# --------------------------------------------------------------------------- one entry point


def compose_all(out_dir: Path) -> dict[tuple[str, str, str], Path]:
    """Compose every scenario (and its prior mail) with every composer.

    Returns {(scenario, composer, "mail" | "prior"): path}.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    jobs: list[tuple[str, str, str, Mail]] = []
    for scenario in scenarios():
        jobs.append((scenario.name, "mail", f"{scenario.name}", scenario.mail))
        if scenario.prior is not None:
            jobs.append((scenario.name, "prior", f"{scenario.name}.prior", scenario.prior))
    result: dict[tuple[str, str, str], Path] = {}
    node_paths = compose_nodemailer([(f"nodemailer/{stem}", mail) for _n, _r, stem, mail in jobs], out_dir)
    for name, role, stem, mail in jobs:
        result[(name, "nodemailer", role)] = node_paths[f"nodemailer/{stem}"]
        for composer, raw in (
            ("python-default", compose_default(mail).as_bytes(policy=policy.SMTP)),
            ("python-compat32", compose_compat32(mail).as_bytes()),
        ):
            path = out_dir / composer / f"{stem}.eml"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(raw)
            result[(name, composer, role)] = path
    return result


if __name__ == "__main__":  # python tests/foreign/scenarios.py OUTDIR: write every composed mail, for a look
    import sys

    for key, path in sorted(compose_all(Path(sys.argv[1] if len(sys.argv) > 1 else "foreign-mails")).items()):
        print(*key, path, sep="\t")
