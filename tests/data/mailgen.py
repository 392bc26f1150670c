"""Deterministic generator library for the team's own test mails and manuscripts.

Everything here is invented: units, people, events and phone numbers are fictional
(mobile numbers follow the 138-0013-8000 dummy pattern).  Every function is
deterministic: fixed dates, fixed Message-IDs and MIME boundaries derived from a case
key, seeded image content, zip members with fixed timestamps, and LibreOffice output
normalised (PDF dates / IDs).  Re-running the builders yields byte-identical files.

Used by ``tests/data/build_corpus.py`` and ``examples/build_examples.py``.
"""
# ruff: noqa: E501 -- fixture text: long Chinese lines stay unwrapped

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import io
import os
import random
import re
import shutil
import struct
import subprocess
import tempfile
import zipfile
import zlib
from dataclasses import dataclass, field
from email.utils import format_datetime

from PIL import Image, ImageDraw, ImageFilter

CRLF = b"\r\n"
#: the submission mailbox (matches the embedded default INTAKE_SUBMISSION_ADDRESS)
SUBMISSION = "tougao@localhost"
TZ = dt.timezone(dt.timedelta(hours=8))
FIXED_ZIP_TIME = (2026, 3, 2, 9, 0, 0)
#: the one CJK font every PDF is typeset in (fontconfig fallback between runs is not stable)
PDF_FONT = "WenQuanYi Micro Hei"


def h(key: str, n: int = 32) -> str:
    """Deterministic hex string derived from a key."""
    return hashlib.sha256(key.encode()).hexdigest()[:n]


def hnum(key: str, digits: int) -> str:
    return str(int(h(key, 16), 16))[:digits].rjust(digits, "7")


# --------------------------------------------------------------------------- images


def make_jpeg(
    seed: int,
    size: tuple[int, int] = (1024, 768),
    quality: int = 85,
    orientation: int | None = None,
    noise: int = 0,
    exif: bool = True,
) -> bytes:
    """A 'photo' (sky gradient, ground, buildings, a red banner, people) from a seed."""
    rng = random.Random(seed)
    w, hgt = size
    c1 = (rng.randrange(90, 160), rng.randrange(140, 200), rng.randrange(200, 255))
    c2 = (rng.randrange(200, 255), rng.randrange(200, 240), rng.randrange(170, 230))
    grad = Image.linear_gradient("L").resize((w, hgt))
    from PIL import ImageOps

    img = ImageOps.colorize(grad, c1, c2).convert("RGB")
    d = ImageDraw.Draw(img)
    horizon = int(hgt * rng.uniform(0.55, 0.7))
    ground = (rng.randrange(60, 120), rng.randrange(110, 160), rng.randrange(50, 90))
    d.rectangle([0, horizon, w, hgt], fill=ground)
    x = 0
    while x < w:  # buildings
        bw = rng.randrange(w // 14, w // 6)
        bh = rng.randrange(hgt // 8, hgt // 2)
        col = tuple(rng.randrange(150, 235) for _ in range(3))
        d.rectangle([x, horizon - bh, x + bw, horizon], fill=col, outline=(90, 90, 90))
        for wy in range(horizon - bh + 12, horizon - 12, max(12, hgt // 30)):
            for wx in range(x + 8, x + bw - 8, max(12, w // 50)):
                d.rectangle([wx, wy, wx + max(4, w // 160), wy + max(4, hgt // 120)], fill=(70, 90, 120))
        x += bw + rng.randrange(2, w // 40 + 3)
    bx = rng.randrange(w // 10, w // 3)  # red banner
    d.rectangle([bx, horizon - hgt // 5, bx + w // 2, horizon - hgt // 5 + hgt // 14], fill=(200, 20, 30))
    for _ in range(rng.randrange(8, 20)):  # people
        px = rng.randrange(0, w)
        py = rng.randrange(horizon + 10, hgt - 10)
        r = max(4, hgt // 60)
        col = tuple(rng.randrange(0, 255) for _ in range(3))
        d.ellipse([px - r, py - 3 * r, px + r, py - r], fill=(235, 200, 170))
        d.rectangle([px - r, py - r, px + r, py + 3 * r], fill=col)
    img = img.filter(ImageFilter.GaussianBlur(radius=1))
    if noise:
        nz = Image.frombytes("L", (w, hgt), rng.randbytes(w * hgt)).convert("RGB")
        img = Image.blend(img, nz, noise / 255)
    kw: dict = {"quality": quality}
    if exif:
        ex = Image.Exif()
        ex[0x010F] = "Fictional Camera Co."
        ex[0x0110] = "FC-100"
        ex[0x0132] = f"2026:03:0{1 + seed % 8} 10:{seed % 60:02d}:00"
        if orientation:
            ex[0x0112] = orientation
        kw["exif"] = ex.tobytes()
    out = io.BytesIO()
    img.save(out, "JPEG", **kw)
    return out.getvalue()


def make_big_jpeg(seed: int, size=(2400, 1800), lo=1_000_000, hi=1_100_000, orientation=None) -> bytes:
    """A ≥1 MB JPEG (noise tuned deterministically so the file lands in [lo, hi])."""
    best = b""
    for noise in range(10, 120, 6):
        data = make_jpeg(seed, size, quality=90, noise=noise, orientation=orientation)
        best = data
        if len(data) >= lo:
            break
    assert lo <= len(best) <= hi * 1.3, len(best)
    return best


# --------------------------------------------------------------------------- articles

# Body templates: every article is invented.  Placeholders: {unit} {date} {place}.
TOPICS: dict[str, list[tuple[str, str]]] = {
    "redtour": [
        ("p", "{date}，{unit}组织全体党员赴{place}开展“追寻红色足迹 赓续奋斗精神”主题党日活动，通过重温入党誓词、现场教学、交流研讨等形式，引导党员干部在沉浸式学习中坚定理想信念。"),
        ("h1", "一、重温誓词，筑牢信仰之基"),
        ("p", "在纪念馆前广场，全体党员面向党旗庄严宣誓，铿锵有力的誓言在广场上空回荡。大家纷纷表示，要时刻牢记党员身份，把誓言落实到每一项具体工作中。"),
        ("h1", "二、现场教学，汲取奋进力量"),
        ("h2", "（一）听一堂微党课"),
        ("p", "讲解员结合馆藏史料，讲述了先辈们在艰苦环境中开辟道路的感人事迹，一件件实物、一幅幅图片让党员们深受触动。"),
        ("h2", "（二）开一次座谈会"),
        ("p", "参观结束后，党员们围绕“如何在本职岗位上践行初心使命”畅谈体会，青年党员代表作了交流发言。"),
        ("h1", "三、学用结合，推动工作落实"),
        ("p", "下一步，各党支部将结合“三会一课”制度开展专题学习讨论，把红色教育成果转化为干事创业的实际行动。"),
    ],
    "volunteer": [
        ("p", "{date}，{unit}党员志愿服务队走进{place}，开展“党员进社区 服务零距离”志愿服务活动，为居民群众送去政策宣讲、健康义诊、家电维修等便民服务。"),
        ("h1", "一、政策宣讲接地气"),
        ("p", "志愿者们在社区广场设立咨询台，用通俗易懂的语言向居民讲解医保缴费、养老服务等与群众生活息息相关的政策，现场发放宣传资料三百余份。"),
        ("h1", "二、便民服务暖人心"),
        ("p", "义诊区前排起了长队，志愿者为老人测量血压、血糖并提供健康咨询；维修摊位前，几名党员志愿者忙着为居民检修电饭煲、台灯等小家电。"),
        ("h1", "三、常态长效见实效"),
        ("p", "据了解，该单位已与社区签订党建共建协议，今后将每月开展一次志愿服务，推动机关党员在服务群众中当先锋、作表率。"),
    ],
    "saving": [
        ("p", "为深入推进节约型机关建设，{date}，{unit}在{place}召开公共机构节能工作推进会，部署开展“节能降碳 绿色机关”专项行动。"),
        ("h1", "一、摸清家底，建立能耗台账"),
        ("p", "会议通报了上一年度全市公共机构能源资源消耗情况，要求各单位逐月填报水、电、燃气消耗数据，做到底数清、情况明。"),
        ("h1", "二、突出重点，推进节能改造"),
        ("h2", "（一）推广节能灯具"),
        ("p", "对办公区老旧照明设备实施改造，逐步更换为高效节能灯具，公共区域推行声控、光控照明。"),
        ("h2", "（二）规范空调使用"),
        ("p", "严格执行夏季不低于26摄氏度、冬季不高于20摄氏度的空调温度控制标准，倡导干部职工随手关灯、关空调。"),
        ("h1", "三、强化宣传，营造节约氛围"),
        ("p", "会议要求，要充分利用节能宣传周等时间节点，开展形式多样的宣传活动，引导干部职工从身边小事做起，争做绿色低碳的践行者。"),
    ],
    "youth": [
        ("p", "{date}，{unit}青年理论学习小组在{place}举办“青年说”读书交流会，十余名青年干部围绕理论学习与岗位实践分享心得体会。"),
        ("h1", "一、读原著，学原文"),
        ("p", "交流会上，青年干部结合近期研读的书目，谈认识、讲体会，从理论学习中找方法、找答案。"),
        ("h1", "二、谈体会，促提升"),
        ("p", "大家结合各自岗位，聚焦窗口服务、项目推进、基层调研等工作，交流了在实践中遇到的问题和解决办法，现场气氛热烈。"),
        ("h1", "三、建机制，求长效"),
        ("p", "据悉，该学习小组每月确定一个学习主题，采取“领学+自学+研讨”的方式，推动青年干部在学思践悟中成长成才。"),
    ],
    "village": [
        ("p", "{date}，{unit}驻村工作队来到{place}，围绕特色农产品销售难题开展专题调研，推动帮扶措施落地见效。"),
        ("h1", "一、实地走访找准症结"),
        ("p", "工作队先后走访种植大户和农户，查看茶园、果园长势，详细了解产量、销路和价格等情况，梳理出物流成本高、品牌知名度低等问题。"),
        ("h1", "二、多方联动拓宽销路"),
        ("p", "工作队牵线本地商超和机关食堂，签订农产品采购意向协议，并协助村里开设线上店铺，组织党员干部开展消费帮扶。"),
        ("h1", "三、党建引领增收致富"),
        ("p", "下一步，驻村工作队将继续发挥党组织战斗堡垒作用，帮助村集体发展特色产业，让群众的“钱袋子”鼓起来。"),
    ],
    "integrity": [
        ("p", "{date}，{unit}组织党员干部前往{place}开展警示教育活动，以案为鉴、以案促改，进一步筑牢拒腐防变思想防线。"),
        ("h1", "一、观看警示片，触动思想"),
        ("p", "党员干部集中观看了警示教育片，片中一个个典型案例发人深省，大家深刻认识到廉洁自律必须从小事小节做起。"),
        ("h1", "二、参观展馆，接受洗礼"),
        ("p", "在廉政教育展馆内，党员干部认真观看展板，聆听讲解，深入了解清廉家风故事和身边的反面典型。"),
        ("h1", "三、签订承诺，落实责任"),
        ("p", "活动最后，全体党员干部签订了廉洁从政承诺书，表示将严守纪律规矩，做到干净干事、担当作为。"),
    ],
    "training": [
        ("p", "为进一步提升机关干部公文写作水平，{date}，{unit}在{place}举办公文写作能力提升培训班，各科室业务骨干共六十余人参加培训。"),
        ("h1", "一、聚焦规范讲标准"),
        ("p", "授课老师围绕公文格式、行文规则、常见差错等内容，结合大量实例进行讲解，帮助学员掌握公文处理的基本要求。"),
        ("h1", "二、立足实战练本领"),
        ("h2", "（一）分组研讨"),
        ("p", "学员分组对通知、请示、报告等常用文种进行修改练习，互相点评、共同提高。"),
        ("h2", "（二）现场答疑"),
        ("p", "针对学员在日常工作中遇到的疑难问题，授课老师逐一作了解答。"),
        ("h1", "三、学以致用见成效"),
        ("p", "参训学员纷纷表示，培训内容实用、针对性强，将把所学运用到实际工作中，不断提高办文办会质量。"),
    ],
    "service": [
        ("p", "{date}，记者从{unit}获悉，{place}政务服务中心“一窗通办”综合窗口正式运行，群众办理不动产登记、社保业务等事项实现“只进一扇门、只取一次号”。"),
        ("h1", "一、党员先锋岗亮出来"),
        ("p", "服务中心在综合窗口设立党员先锋岗，党员干部佩戴党徽上岗，主动为群众提供帮办代办服务。"),
        ("h1", "二、办事流程简下来"),
        ("p", "通过梳理办事清单、精简申请材料，首批纳入综合窗口的一百余个事项平均办理时间缩短近一半。"),
        ("h1", "三、群众满意度提上去"),
        ("p", "“以前要跑好几个窗口，现在一个窗口就办好了。”前来办事的居民说。下一步，中心将持续优化服务，推动更多事项就近可办、一次办成。"),
    ],
    "flood": [
        ("p", "{date}，{unit}联合{place}开展防汛应急演练，机关党员突击队全程参与，检验了应急预案的可操作性和队伍的快速反应能力。"),
        ("h1", "一、模拟险情，快速响应"),
        ("p", "演练模拟强降雨导致河道水位上涨、低洼地带群众需紧急转移的情景。接到指令后，党员突击队迅速集结，携带救生衣、沙袋等物资赶赴现场。"),
        ("h1", "二、分工协作，有序处置"),
        ("p", "现场设置人员转移、堤坝加固、后勤保障等多个小组，各组按照预案有序开展处置工作，整个演练持续约一小时。"),
        ("h1", "三、总结复盘，查漏补缺"),
        ("p", "演练结束后，指挥部对演练情况进行点评，针对发现的问题提出了整改要求，确保汛期来临时拉得出、用得上、打得赢。"),
    ],
    "reading": [
        ("p", "{date}，{unit}在{place}举行“书香机关”读书月启动仪式，号召干部职工多读书、读好书，营造崇尚学习的良好氛围。"),
        ("h1", "一、开设读书角"),
        ("p", "该单位利用会议室一角建起了职工书屋，首批上架政治理论、历史文化、业务知识等类别图书一千余册，实行自助借阅。"),
        ("h1", "二、举办分享会"),
        ("p", "读书月期间，将举办四场读书分享会，邀请干部职工讲述阅读故事，分享读书收获。"),
        ("h1", "三、评选书香之星"),
        ("p", "活动结束时，将根据借阅记录和读书笔记评选“书香之星”，激励更多干部职工养成读书习惯。"),
    ],
    "elderly": [
        ("p", "重阳节前夕，{unit}机关党委组织党员干部走访慰问{place}的离退休老党员，为他们送上节日祝福和慰问品。"),
        ("h1", "一、登门看望送温暖"),
        ("p", "每到一户，党员干部都与老同志亲切交谈，详细询问他们的身体状况和生活情况，叮嘱他们保重身体。"),
        ("h1", "二、倾听建议聚合力"),
        ("p", "老同志们对单位近年来的发展变化表示欣慰，并结合自身经历就机关作风建设等提出了意见建议。"),
        ("h1", "三、用心用情做服务"),
        ("p", "该单位负责人表示，将建立老党员联系服务台账，常态化做好走访慰问工作，让老同志感受到组织的关怀。（{date}）"),
    ],
    "garbage": [
        ("p", "{date}，{unit}在{place}开展“垃圾分类 党员先行”主题实践活动，机关党员与社区居民一起学习垃圾分类知识、清理卫生死角。"),
        ("h1", "一、入户宣传讲知识"),
        ("p", "党员志愿者分组入户，向居民发放垃圾分类指南，耐心讲解厨余垃圾、可回收物、有害垃圾和其他垃圾的分类方法。"),
        ("h1", "二、现场督导促习惯"),
        ("p", "在小区垃圾投放点，志愿者现场指导居民正确投放，对分类不准确的情况进行示范纠正。"),
        ("h1", "三、共建共治美家园"),
        ("p", "活动当天共清理卫生死角十余处，居民们纷纷表示，将从自身做起，共同守护整洁美丽的生活环境。"),
    ],
}


@dataclass
class Photo:
    seed: int
    caption: str | None = None  # label value: caption without a "图N：" numbering prefix
    numbered: bool = False  # render as "图N：caption"
    size: tuple[int, int] = (1024, 768)
    big: bool = False
    orientation: int | None = None
    filename: str | None = None
    _data: bytes | None = field(default=None, repr=False)

    @property
    def data(self) -> bytes:
        if self._data is None:
            if self.big:
                self._data = make_big_jpeg(self.seed, self.size, orientation=self.orientation)
            else:
                self._data = make_jpeg(self.seed, self.size, orientation=self.orientation)
        return self._data

    def caption_line(self, n: int) -> str | None:
        if self.caption is None:
            return None
        return f"图{n}：{self.caption}" if self.numbered else self.caption


@dataclass
class Article:
    """A manuscript: title, metadata lines at the top/bottom, body blocks, photos."""

    title: str
    topic: str
    ctx: dict
    head: list[str] = field(default_factory=list)  # lines right under the title
    tail: list[str] = field(default_factory=list)  # closing lines (落款, contacts)
    photos: list[Photo] = field(default_factory=list)  # embedded in the manuscript
    credit: str | None = None  # photo credit line, e.g. "（摄影：李四）"
    lead_prefix: str = ""  # e.g. "本网讯（通讯员 张三 李四）"
    pre_title: list[str] = field(default_factory=list)  # lines above the title (e.g. secrecy marker)
    form: list[list[str]] = field(default_factory=list)  # a 投稿信息表 (rows of cells) under the title
    form_at_end: bool = False  # the form after the article instead

    def blocks(self) -> list[tuple]:
        body = [(k, v.format(**self.ctx)) for k, v in TOPICS[self.topic]]
        if self.lead_prefix:
            k, v = body[0]
            body[0] = (k, self.lead_prefix + v)
        out: list[tuple] = [("pre", t) for t in self.pre_title]
        out.append(("title", self.title))
        out += [("meta", t) for t in self.head]
        if self.form and not self.form_at_end:
            out.append(("table", self.form))
        # photos go after paragraphs 1, 2, 3 ... (counting only 'p' blocks)
        p_seen = 0
        queue = list(self.photos)
        n = 0
        for k, v in body:
            out.append((k, v))
            if k == "p":
                p_seen += 1
                if queue and p_seen >= 1:
                    ph = queue.pop(0)
                    n += 1
                    out.append(("img", ph))
                    cap = ph.caption_line(n)
                    if cap:
                        out.append(("caption", cap))
        while queue:
            ph = queue.pop(0)
            n += 1
            out.append(("img", ph))
            cap = ph.caption_line(n)
            if cap:
                out.append(("caption", cap))
        if self.credit:
            out.append(("credit", self.credit))
        out += [("tail", t) for t in self.tail]
        if self.form and self.form_at_end:
            out.append(("table", self.form))
        return out

    # ---- renderers
    def text(self, indent: str = "\u3000\u3000", sep: str = "\n", photo_placeholders: bool = False) -> str:
        lines: list[str] = []
        for b in self.blocks():
            k, v = b
            if k == "img":
                if photo_placeholders:
                    lines.append("[图片]")
                continue
            if k == "title":
                lines += [v, ""]
            elif k == "table":
                lines += ["\t".join(row) for row in v]
            elif k == "p":
                lines.append(indent + v)
            elif k == "tail":
                lines.append(v)
            else:
                lines.append(v)
        return sep.join(lines) + sep

    def html(self) -> str:
        parts = []
        for k, v in self.blocks():
            if k == "img":
                continue
            if k == "table":
                rows = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in v)
                parts.append(f"<table border=\"1\">{rows}</table>")
            elif k == "title":
                parts.append(f'<div style="text-align:center"><b><span style="font-size:18px">{v}</span></b></div>')
            elif k == "p":
                parts.append(f'<div style="text-indent:2em">{v}</div>')
            elif k in ("h1", "h2"):
                parts.append(f"<div><b>{v}</b></div>")
            else:
                parts.append(f"<div>{v}</div>")
        return "\n".join(parts)

    def docx(self, core_author: str = "Administrator", caption_style: bool = False, font: str | None = None) -> bytes:
        return make_docx(self.blocks(), core_author=core_author, caption_style=caption_style, font=font)

    def doc(self, **kw) -> bytes:
        return soffice_convert(self.docx(**kw), "docx", "doc")

    def pdf(self, **kw) -> bytes:
        kw.setdefault("font", PDF_FONT)
        return normalise_pdf(soffice_convert(self.docx(**kw), "docx", "pdf"))


_FONT_OVERRIDE: list[str] = []


def _font(run, east: str, size_pt: float | None = None, bold: bool = False) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Pt

    if _FONT_OVERRIDE:
        east = _FONT_OVERRIDE[0]

    run.font.name = east
    rpr = run._element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.insert(0, rfonts)
    rfonts.set(qn("w:eastAsia"), east)
    if size_pt:
        run.font.size = Pt(size_pt)
    run.bold = bold or None


def make_docx(blocks: list[tuple], core_author: str = "Administrator", caption_style: bool = False,
              font: str | None = None) -> bytes:
    """python-docx document from Article.blocks(); `font` overrides every run's font (used for PDF
    export, so LibreOffice embeds one installed font instead of a run-dependent fallback)."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    _FONT_OVERRIDE[:] = [font] if font else []
    d = docx.Document()
    cp = d.core_properties
    cp.author = core_author
    cp.last_modified_by = core_author
    cp.created = dt.datetime(2026, 3, 1, 8, 0, 0)
    cp.modified = dt.datetime(2026, 3, 1, 8, 30, 0)
    cp.revision = 1
    cp.title = ""
    for k, v in blocks:
        if k == "img":
            p = d.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            w = 14 if v.size[0] >= v.size[1] else 9
            p.add_run().add_picture(io.BytesIO(v.data), width=Cm(w))
            continue
        if k == "table":
            table = d.add_table(rows=len(v), cols=len(v[0]))
            table.style = "Table Grid"
            for r, row in enumerate(v):
                for c, value in enumerate(row):
                    _font(table.cell(r, c).paragraphs[0].add_run(value), "仿宋_GB2312", 14)
            d.add_paragraph()  # as Word does: a paragraph always follows a table (a document never ends in one)
            continue
        if k == "caption" and caption_style:
            p = d.add_paragraph(style="Caption")
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _font(p.add_run(v), "楷体_GB2312", 14)
            continue
        p = d.add_paragraph()
        if k == "title":
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _font(p.add_run(v), "方正小标宋简体", 22)
        elif k in ("meta", "pre"):
            _font(p.add_run(v), "楷体_GB2312", 16)
            if k == "meta" and not v.strip():
                pass
        elif k == "h1":
            p.paragraph_format.first_line_indent = Pt(32)
            _font(p.add_run(v), "黑体", 16)
        elif k == "h2":
            p.paragraph_format.first_line_indent = Pt(32)
            _font(p.add_run(v), "楷体_GB2312", 16, bold=True)
        elif k == "p":
            p.paragraph_format.first_line_indent = Pt(32)
            _font(p.add_run(v), "仿宋_GB2312", 16)
        elif k == "caption":
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _font(p.add_run(v), "楷体_GB2312", 14)
        elif k == "credit":
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            _font(p.add_run(v), "仿宋_GB2312", 16)
        elif k == "tail":
            if re.search(r"\d{4}年\d{1,2}月\d{1,2}日$", v) or v.endswith(("局", "委", "会", "部", "党委", "中心", "馆", "办公室")):
                p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            _font(p.add_run(v), "仿宋_GB2312", 16)
    _FONT_OVERRIDE[:] = []
    out = io.BytesIO()
    d.save(out)
    return rezip(out.getvalue())


def rezip(data: bytes) -> bytes:
    """Rewrite an OOXML zip with fixed member timestamps (python-docx stamps 'now')."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, FIXED_ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            z.writestr(zi, src.read(info.filename))
    return out.getvalue()


def soffice_convert(data: bytes, src_ext: str, dst_ext: str) -> bytes:
    if not shutil.which("soffice"):
        raise RuntimeError("soffice not available")
    with tempfile.TemporaryDirectory(prefix="mailgen-lo-") as tmp:
        src = os.path.join(tmp, "in." + src_ext)
        with open(src, "wb") as f:
            f.write(data)
        prof = "file://" + os.path.join(tmp, "profile")
        filt = {"doc": "doc:MS Word 97", "pdf": "pdf:writer_pdf_Export"}[dst_ext]
        subprocess.run(
            ["soffice", "--headless", f"-env:UserInstallation={prof}", "--convert-to", filt, "--outdir", tmp, src],
            check=True, capture_output=True, timeout=180,
        )
        with open(os.path.join(tmp, "in." + dst_ext), "rb") as f:
            return f.read()


def normalise_pdf(pdf: bytes) -> bytes:
    """Replace LibreOffice's time-dependent bytes with fixed values of the same length."""
    pdf = re.sub(rb"/CreationDate\(D:\d{14}", b"/CreationDate(D:20260302090000", pdf)
    pdf = re.sub(rb"/ModDate\(D:\d{14}", b"/ModDate(D:20260302090000", pdf)
    pdf = re.sub(rb"/ID\s*\[\s*<[0-9A-Fa-f]{32}>\s*<[0-9A-Fa-f]{32}>",
                 lambda m: re.sub(rb"[0-9A-Fa-f]{32}", b"5E1F2A3B4C5D6E7F8091A2B3C4D5E6F7", m.group(0)), pdf)
    pdf = re.sub(rb"/DocChecksum\s*/[0-9A-Fa-f]{32}", lambda m: m.group(0)[:-32] + b"0" * 32, pdf)
    return pdf


def encrypt_pdf(pdf: bytes, password: str = "qh2026") -> bytes:
    from pypdf import PdfReader, PdfWriter

    w = PdfWriter()
    for p in PdfReader(io.BytesIO(pdf)).pages:
        w.add_page(p)
    w.add_metadata({"/Producer": "LibreOffice", "/CreationDate": "D:20260302090000+08'00'"})
    import types

    import pypdf._encryption as pe
    import pypdf._writer as pw

    rng = random.Random(password)
    fake = types.SimpleNamespace(token_bytes=lambda n=16: rng.randbytes(n))
    saved = pw.secrets, pe.secrets
    pw.secrets = pe.secrets = fake  # pypdf draws file IDs / salts from `secrets`: make them seeded
    try:
        w.encrypt(user_password=password, owner_password=password + "-owner", algorithm="RC4-128")
        out = io.BytesIO()
        w.write(out)
    finally:
        pw.secrets, pe.secrets = saved
    return out.getvalue()


# --------------------------------------------------------------------------- archives and odd files


class _GbkZipInfo(zipfile.ZipInfo):
    """Zip member whose name is stored in GBK without the UTF-8 flag (Windows zip tools)."""

    def _encodeFilenameFlags(self):
        return self.filename.encode("gbk"), self.flag_bits & ~0x800


def make_zip(members: list[tuple[str, bytes]], gbk_names: bool = False) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members:
            zi = (_GbkZipInfo if gbk_names else zipfile.ZipInfo)(name, FIXED_ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            z.writestr(zi, data)
    return out.getvalue()


def make_7z(members: list[tuple[str, bytes]]) -> bytes:
    """A .7z archive written by libarchive (LZMA compressed)."""
    import libarchive  # the writer needs the system libarchive

    chunks: list[bytes] = []

    def write(data: bytes) -> int:
        chunks.append(bytes(data))
        return len(data)

    with libarchive.custom_writer(write, "7zip") as archive:
        for name, data in members:
            archive.add_file_from_memory(name, len(data), data)
    return b"".join(chunks)


def _crc16(header: bytes) -> bytes:
    return struct.pack("<H", zlib.crc32(header) & 0xFFFF)


def make_rar4(members: list[tuple[bytes, bytes]], flags: int = 0) -> bytes:
    """A RAR 4 archive of stored (uncompressed) members, names as raw bytes (GBK, as old WinRAR
    on Chinese Windows writes them); built from the RAR 4 technical note, no rar tool needed."""
    main = b"\x73" + struct.pack("<HHHI", 0, 13, 0, 0)
    out = [b"Rar!\x1a\x07\x00", _crc16(main) + main]
    for name, data in members:
        body = struct.pack("<HH", 0x8000 | flags, 32 + len(name))  # LONG_BLOCK (| 0x4 encrypted); header size
        body += struct.pack("<IIBIIBBHI", len(data), len(data), 2, zlib.crc32(data), 0x5A6B0000, 20, 0x30,
                            len(name), 0x20)  # sizes, Win32, CRC, DOS time, version 2.0, method store
        header = b"\x74" + body + name
        out += [_crc16(header) + header, data]
    end = b"\x7b" + struct.pack("<HH", 0x4000, 7)
    return b"".join([*out, _crc16(end) + end])


def _vint(n: int) -> bytes:
    out = bytearray()
    while True:
        byte, n = n & 0x7F, n >> 7
        out.append(byte | (0x80 if n else 0))
        if not n:
            return bytes(out)


def _rar5_block(fields: bytes) -> bytes:
    size = _vint(len(fields))
    return struct.pack("<I", zlib.crc32(size + fields)) + size + fields


def make_rar5(members: list[tuple[str, bytes]], encrypted_names: tuple[str, ...] = ()) -> bytes:
    """A RAR 5 archive of stored members with UTF-8 names (the WinRAR 5+ default format)."""
    out = [b"Rar!\x1a\x07\x01\x00", _rar5_block(_vint(1) + _vint(0) + _vint(0))]  # main header, no flags
    for name, data in members:
        raw = name.encode()
        # file header: type 2, flags: data area; file flags: CRC32 present; size, attributes,
        # CRC, compression (version 0, method store), host OS Windows, name
        fields = (_vint(2) + _vint(0x02) + _vint(len(data)) + _vint(0x04) + _vint(len(data)) + _vint(0x20)
                  + struct.pack("<I", zlib.crc32(data)) + _vint(0) + _vint(0) + _vint(len(raw)) + raw)
        out += [_rar5_block(fields), data]
    out.append(_rar5_block(_vint(5) + _vint(0) + _vint(0)))  # end of archive
    return b"".join(out)


def _tnef_attribute(level: int, attr_id: int, data: bytes) -> bytes:
    return struct.pack("<BII", level, attr_id, len(data)) + data + struct.pack("<H", sum(data) & 0xFFFF)


def make_tnef(members: list[tuple[bytes, bytes]], codepage: int = 936) -> bytes:
    """An Outlook winmail.dat (TNEF) carrying files; names as bytes in the sender's code page
    (GBK: 936). Built from the TNEF format notes: version, code page, message class, then per
    file its rendering data, title and data attributes."""
    out = [struct.pack("<IH", 0x223E9F78, 0x4F21),
           _tnef_attribute(1, 0x00089006, struct.pack("<I", 0x00010000)),  # attTnefVersion
           _tnef_attribute(1, 0x00069007, struct.pack("<II", codepage, 0)),  # attOemCodepage
           _tnef_attribute(1, 0x00078008, b"IPM.Microsoft Mail.Note\x00")]  # attMessageClass
    for name, data in members:
        out += [_tnef_attribute(2, 0x00069002, struct.pack("<HIHHI", 1, 0xFFFFFFFF, 0, 0, 0)),  # attAttachRenddata
                _tnef_attribute(2, 0x00018010, name + b"\x00"),  # attAttachTitle
                _tnef_attribute(2, 0x0006800F, data)]  # attAttachData
    return b"".join(out)


def make_zip_bomb(inner_name: str = "照片原图/DSC_0001.jpg", mbytes: int = 160, extra=()) -> bytes:
    """A real high-ratio member: `mbytes` MiB of zeros deflate to ~1/1000 of that."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for name, data in extra:
            zi = zipfile.ZipInfo(name, FIXED_ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data)
        zi = zipfile.ZipInfo(inner_name, FIXED_ZIP_TIME)
        zi.compress_type = zipfile.ZIP_DEFLATED
        chunk = b"\0" * (1 << 20)
        with z.open(zi, "w", force_zip64=True) as f:
            for _ in range(mbytes):
                f.write(chunk)
    return out.getvalue()


def make_xlsx(rows: list[list[str]]) -> bytes:
    """A minimal valid .xlsx (inline strings)."""
    from xml.sax.saxutils import escape

    def col(i: int) -> str:
        return chr(ord("A") + i)

    sheet_rows = "".join(
        f'<row r="{r + 1}">'
        + "".join(f'<c r="{col(c)}{r + 1}" t="inlineStr"><is><t>{escape(v)}</t></is></c>' for c, v in enumerate(row))
        + "</row>"
        for r, row in enumerate(rows)
    )
    files = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml": f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{sheet_rows}</sheetData></worksheet>',
    }
    return make_zip([(k, v.encode()) for k, v in files.items()])


def make_fake_exe(seed: int, size: int = 24_576) -> bytes:
    """Bytes that look like a PE executable (MZ/PE headers, junk): never runnable."""
    rng = random.Random(seed)
    head = bytearray(b"MZ" + b"\x90\x00" + b"\x00" * 56)
    head[0x3C:0x40] = (0x80).to_bytes(4, "little")
    head += b"\x00" * (0x80 - len(head))
    head += b"PE\x00\x00" + b"\x4c\x01"
    return bytes(head) + rng.randbytes(size - len(head))


# --------------------------------------------------------------------------- MIME assembly


def b64body(data: bytes, width: int = 76) -> bytes:
    enc = base64.b64encode(data)
    return CRLF.join(enc[i : i + width] for i in range(0, len(enc), width)) + CRLF


def qpbody(data: bytes) -> bytes:
    data = data.replace(b"\r\n", b"\n")
    return binascii.b2a_qp(data, istext=True).replace(b"\n", CRLF) + (CRLF if not data.endswith(b"\n") else b"")


CODEC = {"gbk": "gbk", "gb2312": "gbk", "gb18030": "gb18030", "utf-8": "utf-8", "x-gbk": "gbk"}


def _ew1(s: str, label: str, enc: str) -> str:
    raw = s.encode(CODEC[label.lower()])
    if enc == "B":
        return f"=?{label}?B?{base64.b64encode(raw).decode()}?="
    q = "".join(
        chr(b) if (chr(b).isalnum() and b < 128) or chr(b) in "!*+-/" else ("_" if b == 32 else f"={b:02X}")
        for b in raw
    )
    return f"=?{label}?Q?{q}?="


def ew(text: str, label: str = "GBK", enc: str = "B", limit: int = 75) -> list[str]:
    """RFC 2047 encoded words, split on character boundaries so each is <= limit."""
    words, cur = [], ""
    for ch in text:
        if cur and len(_ew1(cur + ch, label, enc)) > limit:
            words.append(_ew1(cur, label, enc))
            cur = ch
        else:
            cur += ch
    if cur:
        words.append(_ew1(cur, label, enc))
    return words


def rfc2231_segments(text: str, charset: str = "utf-8", seg: int = 54) -> list[str]:
    pct = "".join(
        c if (c.isascii() and (c.isalnum() or c in "-._")) else "".join(f"%{b:02X}" for b in c.encode(charset))
        for c in text
    )
    out, cur = [], ""
    for tok in re.findall(r"%[0-9A-F]{2}|.", pct):
        if len(cur) + len(tok) > seg:
            out.append(cur)
            cur = ""
        cur += tok
    out.append(cur)
    return out


def addr(name: str | None, address: str, label: str | None = "GBK", quote: bool = True) -> bytes:
    if not name:
        return address.encode()
    if label is None:
        return f'"{name}" <{address}>'.encode() if not name.isascii() else f"{name} <{address}>".encode()
    w = " ".join(ew(name, label))
    return (f'"{w}" <{address}>' if quote else f"{w} <{address}>").encode()


@dataclass
class Part:
    headers: list[tuple[str, bytes]]
    body: bytes = b""
    children: list[Part] = field(default_factory=list)
    boundary: str = ""
    preamble: bytes = b""

    def render(self) -> bytes:
        out = b"".join(n.encode() + b": " + v + CRLF for n, v in self.headers) + CRLF
        if self.children:
            out += self.preamble
            for c in self.children:
                out += b"--" + self.boundary.encode() + CRLF + c.render() + CRLF
            out += b"--" + self.boundary.encode() + b"--" + CRLF
        else:
            out += self.body
        return out


def text_part(text: str, subtype: str = "plain", label: str = "GBK", cte: str = "base64", codec: str | None = None) -> Part:
    raw = text.replace("\r\n", "\n").replace("\n", "\r\n").encode(codec or CODEC[label.lower()])
    if cte == "base64":
        body = b64body(raw)
    elif cte == "quoted-printable":
        body = qpbody(raw)
    else:
        body = raw if raw.endswith(CRLF) else raw + CRLF
    return Part([("Content-Type", f'text/{subtype}; charset="{label}"'.encode()),
                 ("Content-Transfer-Encoding", cte.encode())], body)


MIME_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "doc": "application/msword",
    "wps": "application/kswps",
    "pdf": "application/pdf",
    "txt": "text/plain",
    "zip": "application/x-zip-compressed",
    "rar": "application/octet-stream",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "exe": "application/x-msdownload",
}


@dataclass
class Att:
    filename: str
    data: bytes
    style: str | None = None  # None = client default; ew-gbk | ew-gb18030 | ew-utf8 | 2231 | 2231-only | raw8 | ascii
    ctype: str | None = None
    inline_cid: str | None = None  # for multipart/related HTML images
    split: str = "space"  # how several RFC 2047 words are joined inside the quotes: space | fold


def att_part(a: Att, style: str, client: str) -> Part:
    ext = a.filename.rsplit(".", 1)[-1].lower()
    ctype = a.ctype or MIME_TYPES.get(ext, "application/octet-stream")
    if client == "qq" and not ctype.startswith("image/"):
        ctype = "application/octet-stream"
    fn = a.filename
    disp = "inline" if a.inline_cid else "attachment"
    joiner = "\r\n\t" if a.split == "fold" else " "
    if fn.isascii() or style == "ascii":
        ct = f'{ctype}; name="{fn}"'.encode()
        cd = f'{disp}; filename="{fn}"'.encode()
    elif style.startswith("ew-"):
        label = {"ew-gbk": "GBK", "ew-gb18030": "gb18030", "ew-utf8": "UTF-8", "ew-gb2312": "gb2312"}[style]
        limit = 60 if a.split == "fold" else 75
        words = joiner.join(ew(fn, label, limit=limit))
        cs = '; charset="gb18030"' if style == "ew-gb18030" else ""
        ct = f'{ctype}{cs}; name="{words}"'.encode()
        cd = f'{disp}; filename="{words}"'.encode()
    elif style in ("2231", "2231-only"):
        segs = rfc2231_segments(fn)
        cont = ";\r\n\t".join(f"filename*{i}*={'utf-8' + chr(39) * 2 if i == 0 else ''}{s}" for i, s in enumerate(segs))
        name_param = f';\r\n\tname="{" ".join(ew(fn, "utf-8"))}"' if style == "2231" else ""
        ct = (ctype + name_param).encode()
        cd = f"{disp};\r\n\t{cont}".encode()
    elif style == "raw8":
        ct = ctype.encode() + b'; name="' + fn.encode("gbk") + b'"'
        cd = disp.encode() + b'; filename="' + fn.encode("gbk") + b'"'
    else:
        raise ValueError(style)
    hdrs = [("Content-Type", ct), ("Content-Transfer-Encoding", b"base64"), ("Content-Disposition", cd)]
    if a.inline_cid:
        hdrs.append(("Content-ID", f"<{a.inline_cid}>".encode()))
    return Part(hdrs, b64body(a.data))


def text_to_html(text: str, client: str) -> str:
    from html import escape

    lines = text.replace("\r\n", "\n").split("\n")
    divs = "".join(f"<div>{escape(x) if x.strip() else '<br>'}</div>" for x in lines)
    if client == "163":
        return f'<div style="line-height:1.7;color:#000000;font-size:14px;font-family:Arial">{divs}</div><br><br><span title="neteasefooter"><p>&nbsp;</p></span>'
    if client == "qq":
        return f'<meta http-equiv="Content-Type" content="text/html; charset=GB18030">{divs}'
    return f'<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body lang="ZH-CN"><div class="WordSection1">{divs}</div></body></html>'


CLIENT_DEFAULTS = {
    # body charset label, body transfer encoding, header charset label, attachment style, X-Mailer
    "163": ("GBK", "base64", "GBK", "ew-gbk",
            "Coremail Webmail Server Version XT5.0.14 build 20240801(9fd4f9b1) Copyright (c) 2002-2026 www.mailtech.cn 163com"),
    "126": ("GBK", "base64", "GBK", "ew-gbk",
            "Coremail Webmail Server Version XT5.0.14 build 20240801(9fd4f9b1) Copyright (c) 2002-2026 www.mailtech.cn 126com"),
    "qq": ("gb18030", "base64", "gb18030", "ew-gb18030", "QQMail 2.x"),
    "outlook": ("utf-8", "quoted-printable", "utf-8", "2231", "Microsoft Outlook 16.0"),
    "foxmail": ("GB2312", "base64", "GB2312", "2231", "Foxmail 7.2.25.375[cn]"),
    "oe": ("gb2312", "8bit", None, "raw8", "Microsoft Outlook Express 6.00.2900.5512"),
    "plain": ("utf-8", "8bit", "utf-8", "2231", None),
}


def message_id(client: str, key: str, local: str) -> str:
    if client in ("163", "126"):
        return f"<{h(key, 8)}.{h(key + 'a', 4)}.{h(key + 'b', 11)}.Coremail.{local}@{client}.com>"
    if client == "qq":
        return f"<tencent_{h(key, 32).upper()}{hnum(key, 4)}@qq.com>"
    if client == "outlook":
        return f"<000001da{h(key, 4)}${h(key + 'x', 8)}${h(key + 'y', 8)}@{local}>"
    if client == "foxmail":
        return f"<2026030{hnum(key, 1)}{hnum(key + 't', 9)}{hnum(key + 'u', 6)}@foxmail.com>"
    return f"<{h(key, 20)}@{local}>"


def boundary(client: str, key: str, n: int) -> str:
    k = f"{key}/{n}"
    if client in ("163", "126"):
        return f"----=_Part_{hnum(k, 6)}_{hnum(k + 'm', 9)}.{1772400000000 + int(h(k, 8), 16) % 9_000_000}"
    if client == "qq":
        return f"----=_NextPart_{h(k, 8).upper()}_{h(k + 'a', 8).upper()}_{h(k + 'b', 8).upper()}"
    if client in ("outlook", "oe"):
        return f"----=_NextPart_{n:03d}_{h(k, 4).upper()}_01DCA9{h(k + 'c', 2).upper()}.{h(k + 'd', 8).upper()}"
    if client == "foxmail":
        return f"----=_001_NextPart{hnum(k, 6)}_=----"
    return f"==============={hnum(k, 19)}=="


def build_mail(
    key: str,
    client: str,
    sender: tuple[str | None, str],
    subject: str,
    when: dt.datetime,
    text: str | None = None,
    html: str | None = None,
    attachments: list[Att] = (),
    to: str = SUBMISSION,
    extra_headers: list[tuple[str, bytes | str]] = (),
    body_label: str | None = None,
    body_cte: str | None = None,
    header_label: str | None = "default",
    subject_raw8: bool = False,
    alternative: bool = True,
) -> bytes:
    """Assemble one mail the way `client` writes it (see CLIENT_DEFAULTS)."""
    blabel, bcte, hlabel, astyle, mailer = CLIENT_DEFAULTS[client]
    blabel = body_label or blabel
    bcte = body_cte or bcte
    if header_label != "default":
        hlabel = header_label
    nb = iter(range(1, 10))
    inline = [a for a in attachments if a.inline_cid]
    files = [a for a in attachments if not a.inline_cid]

    # ---- body
    body_parts: list[Part] = []
    if text is not None:
        body_parts.append(text_part(text, "plain", blabel, bcte))
    if html is not None or (text is not None and alternative and client in ("163", "126", "qq", "outlook", "foxmail")):
        hh = html if html is not None else text_to_html(text or "", client)
        body_parts.append(text_part(hh, "html", blabel, bcte))
    if len(body_parts) == 2:
        body = Part([("Content-Type", f'multipart/alternative;\r\n\tboundary="{boundary(client, key, next(nb))}"'.encode())],
                    children=body_parts)
        body.boundary = body.headers[0][1].decode().split('boundary="')[1][:-1]
    elif body_parts:
        body = body_parts[0]
    else:
        body = text_part("", "plain", blabel, bcte)
    if inline:
        b = boundary(client, key, next(nb))
        body = Part([("Content-Type", f'multipart/related;\r\n\ttype="multipart/alternative";\r\n\tboundary="{b}"'.encode())],
                    children=[body] + [att_part(a, a.style or astyle, client) for a in inline], boundary=b)
    if files:
        b = boundary(client, key, next(nb))
        root = Part([("Content-Type", f'multipart/mixed;\r\n\tboundary="{b}"'.encode())],
                    children=[body] + [att_part(a, a.style or astyle, client) for a in files], boundary=b,
                    preamble=b"This is a multi-part message in MIME format." + CRLF + CRLF if client in ("outlook", "oe", "foxmail") else b"")
    else:
        root = body

    # ---- top-level headers, in the client's usual order
    date = format_datetime(when)
    if client in ("163", "126"):
        date += " (CST)"
    local = sender[1].split("@")[1] if client in ("outlook", "plain") else sender[1].split("@")[0]
    mid = message_id(client, key, local)
    if subject_raw8 or hlabel is None:
        subj = subject.encode("gbk")
        frm = addr(sender[0], sender[1], None) if sender[0] is None or sender[0].isascii() else (f'"{sender[0]}" <{sender[1]}>').encode("gbk")
    else:
        fold = "\r\n\t" if client == "outlook" else "\r\n "
        subj = fold.join(ew(subject, hlabel)).encode() if not subject.isascii() else subject.encode()
        frm = addr(sender[0], sender[1], hlabel, quote=client not in ("outlook",))
    hdrs: list[tuple[str, bytes]] = []
    ip = f"10.{int(h(key, 2), 16) % 200 + 10}.{int(h(key + 'q', 2), 16)}.{int(h(key + 'r', 2), 16)}"
    hdrs.append(("Received", (f"from mua.example (unknown [{ip}])\r\n\tby mx.localhost (Postfix) with ESMTP id "
                              f"{h(key, 10).upper()}\r\n\tfor <{to}>; {format_datetime(when + dt.timedelta(seconds=2))}").encode()))
    if client in ("163", "126"):
        hdrs += [("Date", date.encode()), ("From", frm), ("To", to.encode()), ("Subject", subj),
                 ("X-Priority", b"3"), ("X-Mailer", mailer.encode()),
                 ("X-NTES-SC", f"AL_Qu2c{h(key, 20)}".encode())]
    elif client == "qq":
        hdrs += [("X-QQ-FEAT", h(key + "f", 24).encode()), ("X-QQ-SSF", b"00000000000000F0"),
                 ("From", frm), ("To", f'"{to}" <{to}>'.encode()), ("Subject", subj),
                 ("Mime-Version", b"1.0")]
    else:
        hdrs += [("From", frm), ("To", to.encode()), ("Subject", subj), ("Date", date.encode())]
    for n, v in extra_headers:
        hdrs.append((n, v if isinstance(v, bytes) else v.encode()))
    if client == "qq":
        hdrs += [("Date", date.encode()), ("X-Priority", b"3"), ("Message-ID", mid.encode()),
                 ("X-QQ-MIME", b"TCMime 1.0 by Tencent"), ("X-Mailer", mailer.encode()), ("X-QQ-Mailer", mailer.encode())]
    elif client in ("163", "126"):
        hdrs += [("MIME-Version", b"1.0"), ("Message-ID", mid.encode()),
                 ("X-Coremail-Locale", b"zh_CN"), ("X-CM-TRANSID", f"{h(key + 't', 22)}--.{h(key + 'u', 6)}".encode()),
                 ("X-Originating-IP", f"[10.{hnum(key, 2)}.0.{int(h(key, 2), 16)}]".encode())]
    else:
        hdrs += [("Message-ID", mid.encode()), ("MIME-Version", b"1.0")]
        if mailer:
            hdrs.append(("X-Mailer", mailer.encode()))
        if client == "outlook":
            hdrs += [("Thread-Index", base64.b64encode(bytes.fromhex(h(key + "ti", 44)))),
                     ("Content-Language", b"zh-cn")]
    return b"".join(n.encode() + b": " + v + CRLF for n, v in hdrs) + root.render()


def when(day: int, hour: int = 9, minute: int = 0, second: int = 0) -> dt.datetime:
    return dt.datetime(2026, 3, day, hour, minute, second, tzinfo=TZ)


# --------------------------------------------------------------------------- special mails


def build_bounce(key: str, original_to: str, original_subject: str, w: dt.datetime) -> bytes:
    """A Postfix-style DSN (multipart/report) for one of our acknowledgements."""
    b = boundary("plain", key, 1)
    orig_mid = f"<{h(key + 'o', 16)}.ack@localhost>"
    ack_subject = " ".join(ew(original_subject, "utf-8"))
    text = (
        "This is the mail system at host mx.localhost.\r\n\r\n"
        "I'm sorry to have to inform you that your message could not\r\n"
        "be delivered to one or more recipients. It's attached below.\r\n\r\n"
        "                   The mail system\r\n\r\n"
        f"<{original_to}>: host mx.{original_to.split('@')[1]} said: 550 User not found: {original_to}\r\n"
        "    (in reply to RCPT TO command)\r\n"
    )
    status = (
        "Reporting-MTA: dns; mx.localhost\r\n"
        f"X-Postfix-Queue-ID: {h(key, 10).upper()}\r\n"
        f"Arrival-Date: {format_datetime(w - dt.timedelta(seconds=3))}\r\n\r\n"
        f"Final-Recipient: rfc822; {original_to}\r\n"
        f"Original-Recipient: rfc822;{original_to}\r\n"
        "Action: failed\r\n"
        "Status: 5.1.1\r\n"
        f"Remote-MTA: dns; mx.{original_to.split('@')[1]}\r\n"
        f"Diagnostic-Code: smtp; 550 User not found: {original_to}\r\n"
    )
    orig = (
        f"From: {SUBMISSION}\r\nTo: {original_to}\r\nSubject: {ack_subject}\r\n"
        f"Message-ID: {orig_mid}\r\nAuto-Submitted: auto-replied\r\nDate: {format_datetime(w - dt.timedelta(seconds=5))}\r\n"
        "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=\"utf-8\"\r\n"
    )
    parts = [
        Part([("Content-Description", b"Notification"), ("Content-Type", b"text/plain; charset=us-ascii")], text.encode()),
        Part([("Content-Description", b"Delivery report"), ("Content-Type", b"message/delivery-status")], status.encode()),
        Part([("Content-Description", b"Undelivered Message Headers"), ("Content-Type", b"text/rfc822-headers")], orig.encode()),
    ]
    root = Part([("Content-Type", f'multipart/report; report-type=delivery-status;\r\n\tboundary="{b}"'.encode())],
                children=parts, boundary=b, preamble=b"This is a MIME-encapsulated message." + CRLF + CRLF)
    hdrs = [
        ("Return-Path", b"<>"),
        ("Received", f"by mx.localhost (Postfix) id {h(key, 10).upper()}; {format_datetime(w)}".encode()),
        ("Date", format_datetime(w).encode()),
        ("From", b"MAILER-DAEMON@localhost (Mail Delivery System)"),
        ("Subject", b"Undelivered Mail Returned to Sender"),
        ("To", SUBMISSION.encode()),
        ("Auto-Submitted", b"auto-replied"),
        ("MIME-Version", b"1.0"),
        ("Message-Id", f"<{h(key, 20)}@mx.localhost>".encode()),
    ]
    return b"".join(n.encode() + b": " + v + CRLF for n, v in hdrs) + root.render()


def large_link_163(filename: str, size: str, expires: str, key: str) -> tuple[str, str]:
    p = h(key, 40)
    url = f"https://mail.163.com/large-attachment-download/index.html?p=X-NETEASE-HUGE-ATTACHMENT.{p}&file={h(key + 'f', 24)}"
    text = f"从网易163邮箱发来的超大附件\n\n{filename} ({size}, {expires} 到期)\n下载：{url}\n"
    html = (
        '<div style="clear:both;height:36px;padding:6px 10px;background:#f2f2f2">从网易163邮箱发来的超大附件</div>'
        f'<div style="padding:6px 10px"><a href="{url}" target="_blank">{filename}</a>'
        f' <span style="color:#909090">({size}, {expires} 到期)</span></div>'
    )
    return text, html


def large_link_qq(filename: str, size: str, expires: str, key: str) -> tuple[str, str]:
    url = f"https://wx.mail.qq.com/ftn/download?func=3&k={h(key, 48)}&key={h(key + 'k', 48)}&code={h(key + 'c', 8)}"
    text = f"从QQ邮箱发来的超大附件\n\n{filename} ({size}, 到期时间：{expires})\n进入下载页面：{url}\n"
    html = (
        '<div id="attachment" style="padding:2px;word-break:break-all;"><div style="padding:4px 0;font-size:14px;">从QQ邮箱发来的超大附件</div>'
        f'<div style="clear:both;padding:10px 6px;"><div class="bigatt_bt" title="{filename}">'
        f'<div style="font-size:12px;">{filename}</div><div style="color:#a0a0a0;">文件大小：{size}</div>'
        f'<div style="color:#a0a0a0;">到期时间：{expires}</div>'
        f'<a href="{url}" target="_blank" style="color:#1d63d9;">进入下载页面</a></div></div></div>'
    )
    return text, html
