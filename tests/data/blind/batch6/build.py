#!/usr/bin/env python3
"""Blind test batch 6: 32 invented submissions of April 2026 and their labels.

Run from the repository root:  .venv/bin/python tests/data/blind/batch6/build.py
Writes NN-*.eml and labels.json next to this file. Deterministic: fixed zip timestamps, seeded photos,
hand-made PDFs; the one pypdf-encrypted PDF (random salt) is cached in cache/ keyed by the sha256 of its source.
All units, people, places, events and numbers are invented.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import io
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.dont_write_bytecode = True
sys.path.insert(0, str(HERE))

import mimekit as mk  # noqa: E402
from mimekit import Leaf, Multi, b64lines, ew, ewfold, rfc2231, rfcdate, text_leaf  # noqa: E402

CACHE = HERE / "cache"
TO = "tougao@localhost"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
TZ = mk.TZ

LABELS: dict[str, dict] = {}
OUT: dict[str, bytes] = {}


def when(d: int, h: int, mi: int, s: int) -> dt.datetime:
    return dt.datetime(2026, 4, d, h, mi, s, tzinfo=TZ)


def date_hdr(t: dt.datetime, suffix: str = "") -> str:
    return "Date: " + rfcdate(t.year, t.month, t.day, t.hour, t.minute, t.second, suffix)


def received(t: dt.datetime, helo: str, ip: str, qid: str) -> list[str]:
    return [
        f"Return-Path: <{helo.split('|')[1]}>" if "|" in helo else "Return-Path: <>",
        f"Received: from {helo.split('|')[0]} ([{ip}])\r\n\tby mx.localhost (Postfix) with ESMTPS id {qid}\r\n"
        f"\tfor <{TO}>; {rfcdate(t.year, t.month, t.day, t.hour, t.minute, min(t.second + 2, 59))}",
    ]


def label(name: str, outcome: str, *, reason=None, missing=(), title=None, source_unit=None, authors=(), phone=None,
          reviewer=None, captions=(), photo_credit=None, fmt, client, placement=(), note=None, warnings=None):
    d = {
        "outcome": outcome,
        "reason": reason,
        "missing": list(missing),
        "title": title,
        "source_unit": source_unit,
        "authors": list(authors),
        "phone": phone,
        "reviewer": reviewer,
        "photo_count": len(captions),
        "captions": list(captions),
        "photo_credit": photo_credit,
        "format": fmt,
        "client": client,
        "placement": list(placement),
    }
    if note:
        d["note"] = note
    if warnings:
        d["warnings"] = warnings
    LABELS[name] = d


def esc(s: str) -> str:
    return html.escape(s, quote=False)


def blocks_text(blocks: list[tuple]) -> str:
    """Plain text of document blocks (for body-only mails and .txt files)."""
    return "\n".join(b[1] for b in blocks if b[0] in ("title", "p", "h", "meta", "right", "cap"))


# ------------------------------------------------------------------ client-specific pieces

def coremail_html(lines: list[str]) -> str:
    inner = "".join("<div><br></div>" if not ln else f"<div>{esc(ln)}</div>" for ln in lines)
    return ('<div style="line-height:1.7;color:#000000;font-size:14px;font-family:Arial">' + inner
            + '</div><br><br><span title="neteasefooter"><p>&nbsp;</p></span>')


def coremail_att(fname: str, data: bytes, ctype: str, cs: str = "GBK", maxbytes: int = 0) -> Leaf:
    words = ew(fname, cs, "B", maxbytes)
    n = "\r\n\t".join(words)
    return Leaf([f'Content-Type: {ctype}; \r\n\tname="{n}"', "Content-Transfer-Encoding: base64",
                 f'Content-Disposition: attachment; \r\n\tfilename="{n}"'], b64lines(data))


def qq_att(fname: str, data: bytes) -> Leaf:
    n = ew(fname, "gb18030")[0]
    return Leaf([f'Content-Type: application/octet-stream;\r\n\tcharset="gb18030";\r\n\tname="{n}"',
                 f'Content-Disposition: attachment; filename="{n}"', "Content-Transfer-Encoding: base64"],
                b64lines(data))


def qq_html(lines: list[str]) -> str:
    return ('<meta http-equiv="Content-Type" content="text/html; charset=GB18030">'
            + "".join("<div><br></div>" if not ln else f"<div>{esc(ln)}</div>" for ln in lines))


def outlook_att(fname: str, data: bytes, ctype: str) -> Leaf:
    n = ew(fname, "utf-8")[0]
    return Leaf([f'Content-Type: {ctype};\r\n\tname="{n}"', "Content-Transfer-Encoding: base64",
                 "Content-Disposition: attachment;\r\n\t" + rfc2231("filename", fname, "utf-8", 40)],
                b64lines(data))


def outlook_html(paras: list[str], sig_html: str = "") -> str:
    body = "".join(
        '<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>' if not p else
        f'<p class=MsoNormal><span style=\'font-family:"微软雅黑",sans-serif\'>{esc(p)}<span lang=EN-US>'
        f'<o:p></o:p></span></span></p>' for p in paras)
    return (
        '<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
        'xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40">'
        '<head><meta http-equiv=Content-Type content="text/html; charset=utf-8">'
        '<meta name=Generator content="Microsoft Word 15 (filtered medium)">'
        '<style><!--\n/* Font Definitions */\n@font-face\n\t{font-family:等线;}\n'
        'p.MsoNormal, li.MsoNormal, div.MsoNormal\n\t{margin:0cm;text-align:justify;text-justify:inter-ideograph;'
        'font-size:10.5pt;font-family:等线;}\n--></style></head>'
        '<body lang=ZH-CN link="#0563C1" vlink="#954F72" style=\'word-wrap:break-word;text-justify-trim:punctuation\'>'
        f'<div class=WordSection1>{body}{sig_html}</div></body></html>'
    )


def foxmail_att(fname: str, data: bytes, cs: str = "GB2312") -> Leaf:
    n = ew(fname, cs)[0]
    return Leaf([f'Content-Type: application/octet-stream;\r\n\tname="{n}"', "Content-Transfer-Encoding: base64",
                 f'Content-Disposition: attachment;\r\n\tfilename="{n}"'], b64lines(data))


def iphone_att(fname: str, data: bytes, ctype: str, inline: bool = False) -> Leaf:
    n = ew(fname, "utf-8")[0] if any(ord(c) > 127 for c in fname) else fname
    disp = "inline" if inline else "attachment"
    fn = rfc2231("filename", fname) if any(ord(c) > 127 for c in fname) else f"filename={fname}"
    return Leaf([f'Content-Type: {ctype};\r\n\tname="{n}";\r\n\tx-unix-mode=0644',
                 f"Content-Disposition: {disp};\r\n\t{fn}", "Content-Transfer-Encoding: base64"], b64lines(data))


def utf8_att(fname: str, data: bytes, ctype: str, cs: str = "UTF-8") -> Leaf:
    n = ew(fname, cs)[0]
    return Leaf([f'Content-Type: {ctype}; name="{n}"', f'Content-Disposition: attachment; filename="{n}"',
                 "Content-Transfer-Encoding: base64"], b64lines(data))


def simple_html(lines: list[str], style: str) -> str:
    return f'<div style="{style}">' + "".join(
        "<div><br></div>" if not ln else f"<div>{esc(ln)}</div>" for ln in lines) + "</div>"


def ctype_multi(sub: str, boundary: str) -> str:
    return f'Content-Type: multipart/{sub};\r\n\tboundary="{boundary}"'


def jpeg_names(seed: str, n: int) -> list[bytes]:
    return [mk.photo(f"{seed}-{i}") for i in range(1, n + 1)]


def doc_when(t: dt.datetime, hours: int = 20) -> dt.datetime:
    return t - dt.timedelta(hours=hours, minutes=13)


# ------------------------------------------------------------------ 01  163 Coremail GBK, plain docx, embedded photos
def m01() -> None:
    name = "01-docx-plain-labels-163.eml"
    t = when(1, 9, 12, 33)
    p1, p2 = jpeg_names("m01", 2)
    title = "筑南区召开2026年机关党建“领航工程”推进会"
    blocks = [
        ("title", title),
        ("meta", "单位：黔岭市筑南区直属机关工委"),
        ("meta", "作者：罗文斌、田甜"),
        ("meta", "联系电话：13800136101"),
        ("meta", "审核人：张国栋"),
        ("p", "3月31日，筑南区召开2026年机关党建“领航工程”推进会，总结2025年度机关党建工作，部署今年重点任务。"
              "区直各部门党组（党委）分管负责同志、机关党组织书记共80余人参加会议。"),
        ("p", "会议指出，过去一年，全区各级机关党组织坚持把政治建设摆在首位，深入开展“强基提质”行动，机关党建与业务"
              "工作融合度明显提升，12个机关党支部被评为“四强”党支部。"),
        ("p", "会议强调，今年要重点抓好三方面工作。"),
        ("h", "一、在政治引领上持续用力"),
        ("p", "要坚持第一议题制度，完善理论学习中心组学习和支部“三会一课”学习计划，推动学习成果转化为推动发展的实际成效。"),
        ("img", p1),
        ("cap", "图为推进会现场。"),
        ("h", "二、在基层组织上夯实基础"),
        ("p", "要对照标准化规范化建设要求，逐个支部开展“体检”，对软弱涣散的支部建立整改台账，年底前实现全部销号。"),
        ("h", "三、在作风建设上久久为功"),
        ("p", "要围绕群众反映强烈的办事难点，组织机关党员下沉一线，每季度开展一次“走流程、找堵点”活动，"
              "切实解决群众急难愁盼问题。"),
        ("img", p2),
        ("cap", "图为与会人员交流支部工作经验。"),
        ("p", "会上，区人社局、区市场监管局等4个单位党组织作交流发言。"),
    ]
    docx = mk.make_docx(blocks, author="罗文斌", when=doc_when(t))
    body = ["编辑老师您好：", "    附件为我单位稿件，含图片2张，请审阅。谢谢！", "", "罗文斌"]
    alt = Multi([ctype_multi("alternative", "----=_Part_301245_1180725371.1775005953120")],
                "----=_Part_301245_1180725371.1775005953120",
                [text_leaf("\n".join(body), "GBK", quoted_cs=False),
                 text_leaf(coremail_html(body), "GBK", subtype="html", quoted_cs=False)])
    top = Multi([ctype_multi("mixed", "----=_Part_301244_1603186418.1775005953120")],
                "----=_Part_301244_1603186418.1775005953120",
                [alt, coremail_att(f"{title}.docx", docx, DOCX, maxbytes=36)])
    hdrs = received(t, "m16-42.163.com|luowb_zn@163.com", "203.0.113.42", "4Zb7Qm1kX2z9T") + [
        date_hdr(t, " (CST)"),
        f'From: "{ew("罗文斌", "GBK")[0]}" <luowb_zn@163.com>',
        f"To: {TO}",
        "Subject: " + ewfold(f"投稿：{title}", "GBK", maxbytes=36),
        "X-Priority: 3",
        "X-Mailer: Coremail Webmail Server Version XT5.0.14 build 20240801(9da12a7b)\r\n Copyright (c) 2002-2026 www.mailtech.cn 163com",
        "X-NTES-SC: AL_Qu2cBPydvE0o5SKYbekfmkcVh+c6W8K0u/0u3YRQP5E0lynr7i4XYg1sL0vQ0c2TNxGmqE3t0N8V0eFjW5GmRQ0=",
        "MIME-Version: 1.0",
        "Message-ID: <5e2f1a0b.6c3d.19d4a2b1c3e.Coremail.luowb_zn@163.com>",
        "X-Coremail-Locale: zh_CN",
        "X-CM-TRANSID:_____wD3P5F2oyxoLuQGAA--.31457S2",
        "X-Originating-IP: [203.0.113.42]",
    ]
    OUT[name] = mk.render(hdrs, top)
    label(name, "accepted", title=title, source_unit="黔岭市筑南区直属机关工委", authors=["罗文斌", "田甜"],
          phone="13800136101", reviewer="张国栋", captions=["图为推进会现场。", "图为与会人员交流支部工作经验。"],
          fmt="docx", client="163", placement=["labels_top", "photos_embedded", "captions_under_photo",
                                              "subject_tougao_title", "plain_ordinary"],
          note="Plain well-formed case: every field labelled at the top of the manuscript.")


# ------------------------------------------------------------------ 02  QQ, body-only, subject 投稿, signature after "-- "
def m02() -> None:
    name = "02-body-lead-signature-qq.eml"
    t = when(2, 10, 21, 6)
    title = "岚溪县司法局开展“法律明白人”春季培训"
    art = [
        title,
        "本网讯（通讯员 陈静 吴海峰）3月31日至4月1日，岚溪县司法局举办2026年“法律明白人”春季培训班，全县12个乡镇"
        "（街道）的160余名“法律明白人”参加培训。",
        "本次培训采取“专题授课+案例研讨+现场观摩”的方式进行。授课老师围绕民法典婚姻家庭编、土地承包经营纠纷处理、"
        "人民调解工作方法等群众关心的内容，结合身边典型案例逐条讲解，让学员听得懂、记得住、用得上。",
        "在案例研讨环节，学员们分组对邻里宅基地纠纷、赡养纠纷等6个案例进行讨论，交流化解矛盾的经验做法。随后，学员们"
        "来到城关镇石板村人民调解委员会，现场观摩调解员调处一起土地边界纠纷的全过程。",
        "“以前遇到纠纷只知道劝，现在知道该依据哪条规定、按什么程序办了。”来自青岗镇的学员杨德华说。",
        "据了解，岚溪县目前共培育“法律明白人”1100余名，实现每个村（社区）至少有3名“法律明白人”。下一步，县司法局将"
        "建立“法律明白人”积分管理制度，定期开展考核评价，推动他们在普法宣传、矛盾排查、法律援助引导等方面发挥更大作用。",
    ]
    lines = ["老师好，以下是稿件，请审阅。", ""] + [a for x in art for a in (x, "")] + [
        "-- ", "岚溪县司法局", "陈静", "手机：138 0013 6102"]
    b = "----=_NextPart_6618A3B2_0F4C2D18_3A5B1C2E"
    top = Multi([ctype_multi("alternative", b)], b,
                [text_leaf("\n".join(lines), "gb18030"), text_leaf(qq_html(lines), "gb18030", subtype="html")],
                preamble="This is a multi-part message in MIME format.")
    hdrs = received(t, "smtpbg151.qq.com|2581736490@qq.com", "198.51.100.151", "4Zc1Hx3LmT8kW") + [
        "X-QQ-FEAT: 3HJLcW1pJe2w6eWj8bFT0s9K1d1u4oVqM0s5Yv3l2yA=",
        "X-QQ-SSF: 00000000000000F000000000000000Z",
        "X-QQ-XMAILINFO: NwYbU7m1+3HqkQmAZd5aWQ2kB1sM2oG0fT0=",
        "X-QQ-mid: xmsezb2t1775096466t8e3c1a9f",
        f'From: "{ew("陈静", "gb18030")[0]}" <2581736490@qq.com>',
        f'To: "{ew("tougao", "gb18030")[0]}" <{TO}>',
        "Subject: " + ew("投稿", "gb18030")[0],
        "Mime-Version: 1.0",
        "Content-Transfer-Encoding: 8Bit",
        date_hdr(t),
        "X-Priority: 3",
        "Message-ID: <tencent_9A1C2E3B4D5F60718293A4B5C6D7E8F90A05@qq.com>",
        "X-QQ-MIME: TCMime 1.0 by Tencent",
        "X-Mailer: QQMail 2.x",
        "X-QQ-Mailer: QQMail 2.x",
    ]
    OUT[name] = mk.render(hdrs, top)
    label(name, "accepted", title=title, source_unit="岚溪县司法局", authors=["陈静", "吴海峰"], phone="13800136102",
          fmt="body", client="qq", placement=["body_only", "subject_generic", "lead_correspondents",
                                             "signature_block_dashes", "phone_spaced"],
          note="Unit and phone only in the '-- ' signature; authors from the （通讯员 …） lead (陈静 is labelled there, "
               "so the signature name is consistent with it).")


# ------------------------------------------------------------------ 03  Outlook forward "Fw: 投稿", 附图说明 in quoted part
def m03() -> None:
    name = "03-docx-fw-fututuoming-outlook.eml"
    t = when(3, 8, 47, 19)
    title = "椰澜县开展“学雷锋”志愿服务集中活动"
    blocks = [
        ("title", title),
        ("p", "3月28日，椰澜县精神文明建设指导委员会办公室在县文化广场组织开展“学雷锋·树新风”志愿服务集中活动，"
              "县直单位和椰林镇的20支志愿服务队、300余名志愿者参加。"),
        ("p", "活动现场设置了义诊咨询、政策宣讲、反诈宣传、家电维修、理发等12个服务摊位。县人民医院的医护人员为群众测量"
              "血压、血糖，解答健康问题；县公安局民警通过案例向老年群众讲解电信网络诈骗的常见手法和防范要点；县供电公司"
              "党员服务队为群众免费检修小家电。"),
        ("p", "“今天带着家里的电饭锅过来，一会儿就修好了，还不要钱。”家住文化广场附近的黎阿婆高兴地说。"),
        ("p", "据统计，当天活动共发放宣传资料2600余份，为群众提供义诊、咨询等服务900余人次。"),
        ("p", "近年来，椰澜县坚持把志愿服务作为新时代文明实践的重要载体，建立“群众点单、中心派单、志愿者接单、群众评单”"
              "工作机制，全县注册志愿者达4.2万人。下一步，县文明办将推动志愿服务常态化、项目化开展，让文明新风吹进千家万户。"),
        ("blank",),
        ("meta", "供稿单位：椰澜县精神文明建设指导委员会办公室"),
        ("meta", "作者：符晓梅 王海"),
        ("meta", "联系电话：138-0013-6103"),
    ]
    docx = mk.make_docx(blocks, author="fxm", when=doc_when(t, 16))
    photos = jpeg_names("m03", 3)
    caps = ["志愿者在椰澜县文化广场为群众义诊。", "民警向老年群众讲解防范电信网络诈骗知识。",
            "县供电公司党员服务队为群众免费检修小家电。"]
    paras = [
        "黄主任：", "转给您，请审阅。", "", "黄志远", "",
        "________________________________",
        "发件人: 符晓梅 <fxm0402@126.com>",
        "发送时间: 2026年4月2日 17:46",
        "收件人: 黄志远 <hzy_ylwmb@163.com>",
        "主题: 投稿",
        "",
        "黄老师好，稿件和照片在附件，附图说明：",
        f"1. {caps[0]}", f"2. {caps[1]}", f"3. {caps[2]}",
        "符晓梅",
    ]
    ba = "----=_NextPart_001_0010_01DCC336.6651AA10"
    alt = Multi([ctype_multi("alternative", ba)], ba,
                [text_leaf("\n".join(paras), "utf-8", "quoted-printable"),
                 text_leaf(outlook_html(paras), "utf-8", "quoted-printable", subtype="html")])
    bm = "----=_NextPart_000_000F_01DCC336.6651AA10"
    parts = [alt, outlook_att("椰澜县学雷锋志愿服务活动稿件.docx", docx, DOCX)]
    for i, p in enumerate(photos):
        parts.append(outlook_att(f"微信图片_2026040216{30 + i:02d}1{i}.jpg", p, "image/jpeg"))
    top = Multi([ctype_multi("mixed", bm)], bm, parts, preamble="This is a multipart message in MIME format.")
    hdrs = received(t, "m12-88.163.com|hzy_ylwmb@163.com", "203.0.113.88", "4Zd0Pq7RnV3sB") + [
        "From: " + ew("黄志远", "utf-8")[0] + " <hzy_ylwmb@163.com>",
        f"To: <{TO}>",
        "Subject: " + ew("Fw: 投稿", "utf-8")[0],
        date_hdr(t),
        "Message-ID: <000a01dcc2f3$5b2e6a10$118b3e30$@163.com>",
        "MIME-Version: 1.0",
        "X-Mailer: Microsoft Outlook 16.0",
        "Thread-Index: AQHcwvNbLmoQEYs+MMM1oqkYd2Vw8A==",
        "Content-Language: zh-cn",
    ]
    OUT[name] = mk.render(hdrs, top)
    label(name, "accepted", title=title, source_unit="椰澜县精神文明建设指导委员会办公室", authors=["符晓梅", "王海"],
          phone="13800136103", captions=caps, fmt="docx", client="outlook",
          placement=["forwarded", "subject_generic", "labels_bottom", "photos_attached", "captions_body_fututuoming",
                     "rfc2231_continuation", "phone_dashed", "names_space_separated"],
          note="Forwarded by 黄志远 (From); the original sender's 附图说明 list (1. 2. 3.) sits in the quoted part. "
               "Captions are the list items with the '1. ' numbering removed, matched to the attachments in order. "
               "The unit keeps 办公室 because that is the 供稿单位 line as written.")


# ------------------------------------------------------------------ 04  126, media-unit reporters in lead, 供稿 closing
def m04() -> None:
    name = "04-docx-reporters-gonggao-126.eml"
    t = when(4, 16, 5, 48)
    title = "全区首个“15分钟政务服务圈”在桂馨街道启用"
    blocks = [
        ("title", title),
        ("p", "本报讯（筑南区融媒体中心记者 杨帆 实习生 卢晓）4月2日，筑南区首个“15分钟政务服务圈”在桂馨街道正式启用。"
              "今后，辖区群众在家门口即可办理社保、医保、民政、公积金等128项高频政务服务事项。"),
        ("p", "记者在桂馨街道便民服务中心看到，大厅设置了综合受理、自助服务、帮办代办等功能区，工作人员正耐心地为前来"
              "办事的群众提供指导。“以前办退休手续要跑好几个部门，现在在街道一个窗口就办完了。”刚办完业务的居民刘女士说。"),
        ("p", "据介绍，“15分钟政务服务圈”以街道便民服务中心为枢纽、社区便民服务站为节点，同步在银行网点、邮政网点设置"
              "12个自助服务点，推动政务服务向群众身边延伸。街道还组建了一支由28名党员干部组成的帮办代办队伍，为老年人、"
              "残疾人等特殊群体提供上门服务。"),
        ("p", "筑南区政务服务中心相关负责人表示，下一步将总结桂馨街道的经验做法，年内在全区9个街道全面推开，让群众办事"
              "“少跑腿、好办事”。"),
        ("right", "（筑南区融媒体中心供稿）"),
    ]
    docx = mk.make_docx(blocks, author="Administrator", when=doc_when(t, 5))
    body = ["老师您好：", "    附件是稿件，请审阅。", "    联系人：杨帆，电话：0851-88661204", "    审稿：覃永刚", ""]
    ba = "----=_Part_88123_553920122.1775289948301"
    alt = Multi([ctype_multi("alternative", ba)], ba,
                [text_leaf("\n".join(body), "GBK", quoted_cs=False),
                 text_leaf(coremail_html(body), "GBK", subtype="html", quoted_cs=False)])
    bm = "----=_Part_88122_1210932211.1775289948301"
    top = Multi([ctype_multi("mixed", bm)], bm, [alt, coremail_att("15分钟政务服务圈.docx", docx, DOCX)])
    hdrs = received(t, "m15-112.126.com|znrmt_yangfan@126.com", "203.0.113.112", "4Zf3Lr2WpQ6nC") + [
        date_hdr(t, " (CST)"),
        f'From: "{ew("杨帆", "GBK")[0]}" <znrmt_yangfan@126.com>',
        f"To: {TO}",
        "Subject: " + ewfold(f"稿件：{title}", "GBK", maxbytes=30),
        "X-Priority: 3",
        "X-Mailer: Coremail Webmail Server Version XT5.0.14 build 20240801(9da12a7b)\r\n Copyright (c) 2002-2026 www.mailtech.cn 126com",
        "MIME-Version: 1.0",
        "Message-ID: <2d9e8f71.4a2b.19d5c7e3f4a.Coremail.znrmt_yangfan@126.com>",
        "X-Coremail-Locale: zh_CN",
        "X-CM-TRANSID:LMGowAD3_1x0tlBosuMBAA--.8812S2",
        "X-Originating-IP: [203.0.113.112]",
    ]
    OUT[name] = mk.render(hdrs, top)
    label(name, "accepted", title=title, source_unit="筑南区融媒体中心", authors=["杨帆", "卢晓"],
          phone="0851-88661204", reviewer="覃永刚", fmt="docx", client="126",
          placement=["lead_reporters", "gonggao_closing", "metadata_in_body", "landline", "reviewer_shengao"],
          note="Authors come from the lead (roles 记者 and 实习生 removed); the unit from the closing （…供稿）; phone and "
               "审稿 from the mail body.")


# ------------------------------------------------------------------ 05  Foxmail GB2312 label, padded names, dedup photo
def m05() -> None:
    name = "05-docx-padded-names-dedup-foxmail.eml"
    t = when(5, 15, 3, 41)
    title = "岚溪县举办首届中小学思政课教学展评活动"
    ph = mk.photo("m05-1")
    blocks = [
        ("title", title),
        ("meta", "单位：岚溪县教育局"),
        ("meta", "作者：王  喆、李  芳、赵文镕"),
        ("meta", "电话：138-0013-6105"),
        ("meta", "签发：杨光明"),
        ("p", "4月2日至3日，岚溪县首届中小学思政课教学展评活动在县第一中学举行。来自全县28所中小学的42名思政课教师同台"
              "竞技，展示教学风采。"),
        ("p", "本次展评活动分小学、初中、高中三个组别进行，采取现场授课与说课答辩相结合的方式。参赛教师紧扣教材内容，把"
              "家乡发展变化、身边的先进人物等鲜活素材融入课堂，通过情景剧、小组辩论、实地调查汇报等多种形式，引导学生在"
              "参与中感悟道理。"),
        ("img", ph),
        ("cap", "图为参赛教师进行现场授课展示。"),
        ("p", "评委由县教研室教研员和省级骨干教师组成，从教学目标、教学设计、课堂实施、教学效果等方面进行综合评分。经过"
              "两天的角逐，共评选出一等奖6名、二等奖12名、三等奖18名。"),
        ("p", "县教育局相关负责人介绍，近年来，岚溪县坚持把思政课建设作为落实立德树人根本任务的关键课程，建立大中小学"
              "思政课一体化集体备课制度，组建了5个思政课名师工作室。下一步，县教育局将把优秀课例汇编成册，在全县推广，"
              "进一步提升思政课教学质量。"),
    ]
    docx = mk.make_docx(blocks, author="赵文镕", when=doc_when(t, 3))
    body = ["您好！", "    附件是我局稿件，作者王喆、李芳、赵文镕，另附现场照片原图一张，请审阅。", "", "赵文镕",
            "", "", "zhaowr_lx@foxmail.com"]
    ba = "----=_002_NextPart181733064402_=----"
    fox_html = ('<html><head><meta http-equiv="content-type" content="text/html; charset=GB2312"><style>body '
                '{ line-height: 1.5; }body { font-size: 14px; font-family: "Microsoft YaHei UI"; color: rgb(0, 0, 0); '
                'line-height: 1.5; }</style></head><body>\n'
                + "".join(f"<div>{esc(x) or '<br>'}</div>" for x in body[:5])
                + '<hr style="width: 210px; height: 1px;" color="#b5c4df" size="1" align="left">\n'
                '<div><span><div style="MARGIN: 10px; FONT-FAMILY: verdana; FONT-SIZE: 10pt"><div>'
                'zhaowr_lx@foxmail.com</div></div></span></div></body></html>')
    alt = Multi([ctype_multi("alternative", ba)], ba,
                [text_leaf("\n".join(body), "GB2312"), text_leaf(fox_html, "GB2312", subtype="html")])
    bm = "----=_001_NextPart745201533861_=----"
    top = Multi([ctype_multi("mixed", bm)], bm,
                [alt, foxmail_att("岚溪县思政课教学展评.docx", docx), foxmail_att("展评活动现场.jpg", ph)],
                preamble="This is a multi-part message in MIME format.")
    hdrs = received(t, "smtpbgjp3.qq.com|zhaowr_lx@foxmail.com", "198.51.100.63", "4Zg8Ns4TkY1mD") + [
        date_hdr(t),
        f'From: "{ew("赵文镕", "GB2312")[0]}" <zhaowr_lx@foxmail.com>',
        f"To: tougao <{TO}>",
        "Subject: " + ew(f"岚溪县教育局—{title}", "GB2312")[0],
        "X-Priority: 3",
        "X-Has-Attach: yes",
        "X-Mailer: Foxmail 7.2.25.375[cn]",
        "Mime-Version: 1.0",
        "Message-ID: <202604051503410136825@foxmail.com>",
    ]
    OUT[name] = mk.render(hdrs, top)
    label(name, "accepted", title=title, source_unit="岚溪县教育局", authors=["王喆", "李芳", "赵文镕"],
          phone="13800136105", reviewer="杨光明", captions=["图为参赛教师进行现场授课展示。"], fmt="docx",
          client="foxmail",
          placement=["labels_top", "names_padded", "sep_dunhao", "gb2312_label_gbk_text", "photos_embedded",
                     "photo_dedup_attached_original", "subject_unit_dash_title", "reviewer_qianfa", "phone_dashed"],
          note="王  喆 and 李  芳 are two-character names padded with two spaces (not separators). The embedded photo "
               "and the attached 展评活动现场.jpg are byte-identical: one photo.")


# ------------------------------------------------------------------ 06  163 out-of-office auto reply
def m06() -> None:
    name = "06-auto-reply-ooo-163.eml"
    t = when(6, 8, 0, 14)
    body = ["您好！您的来信已收到。", "本人4月6日至4月10日参加市委党校主体班培训，期间不能及时查看邮件，如有急事请与单位"
            "办公室联系。谢谢！", "", "（此邮件为自动回复）"]
    top = text_leaf("\n".join(body), "GBK", quoted_cs=False)
    hdrs = received(t, "m16-7.163.com|lihong_lxjy@163.com", "203.0.113.7", "4Zh2Kc9VbM5qE") + [
        date_hdr(t, " (CST)"),
        f'From: "{ew("李红", "GBK")[0]}" <lihong_lxjy@163.com>',
        f"To: {TO}",
        "Subject: " + ewfold("自动回复：来稿回执：岚溪县举办首届中小学思政课教学展评活动", "GBK", maxbytes=40),
        "In-Reply-To: <ack.20260405150512.7f3a@localhost>",
        "References: <ack.20260405150512.7f3a@localhost>",
        "Auto-Submitted: auto-replied",
        "X-Mailer: Coremail Webmail Server Version XT5.0.14 build 20240801(9da12a7b)\r\n Copyright (c) 2002-2026 www.mailtech.cn 163com",
        "MIME-Version: 1.0",
        "Message-ID: <autoreply.6f1e2d3c.19d6a0b1c2d.Coremail.lihong_lxjy@163.com>",
    ]
    OUT[name] = mk.render(hdrs, top)
    label(name, "ignored", reason="auto_reply", fmt="none", client="163",
          placement=["auto_submitted_auto_replied", "subject_zidonghuifu"])


# ------------------------------------------------------------------ 07  iPhone, subject 稿件, no title, full-width phone
def m07() -> None:
    name = "07-docx-no-title-fullwidth-phone-iphone.eml"
    t = when(7, 21, 14, 52)
    blocks = [
        ("p", "本网讯（通讯员 邢  伟 陈小曼）4月6日，椰澜县农业农村局组织农技专家和党员干部深入椰林镇、南岭镇等地，开展"
              "春耕备耕技术指导服务，帮助农户解决生产中的实际困难。"),
        ("p", "在椰林镇东湖村的瓜菜基地，农技专家蹲在田间查看秧苗长势，手把手向种植户讲解水肥一体化管理和病虫害绿色防控"
              "技术。“今年雨水偏少，要注意适时灌溉，防止秧苗缺水。”县农业技术推广中心高级农艺师王秋菊提醒大家。"),
        ("p", "在南岭镇槟榔种植区，党员干部向农户发放农资使用明白纸，讲解化肥、农药的辨别方法，提醒群众到正规农资门店购买，"
              "切实维护自身权益。"),
        ("p", "据悉，今年以来，椰澜县农业农村局共组织技术指导服务队26支，开展田间培训80余场次，培训农户3500余人次，发放"
              "技术资料1.2万份，为全年粮食和瓜菜生产打下坚实基础。"),
        ("right", "（椰澜县农业农村局供稿）"),
        ("meta", "联系电话：１３８００１３６１０７"),
    ]
    docx = mk.make_docx(blocks, author="陈小曼", when=doc_when(t, 4))
    bnd = "Apple-Mail-5C1D2E3F-4A5B-6C7D-8E9F-0A1B2C3D4E5F"
    top = Multi([f"Content-Type: multipart/mixed; boundary={bnd}", "Content-Transfer-Encoding: 7bit"], bnd, [
        text_leaf("请审阅", "utf-8", quoted_cs=False),
        iphone_att("稿件0407.docx", docx, DOCX),
        text_leaf("\n\n发自我的iPhone", "utf-8", quoted_cs=False),
    ])
    hdrs = received(t, "smtpbg23.qq.com|3156624807@qq.com", "198.51.100.23", "4Zj5Wd1XcN7rF") + [
        "From: " + ew("陈小曼", "utf-8")[0] + " <3156624807@qq.com>",
        "Mime-Version: 1.0 (1.0)",
        date_hdr(t),
        "Subject: " + ew("稿件", "utf-8")[0],
        "Message-Id: <5C1D2E3F-4A5B-6C7D-8E9F-0A1B2C3D4E5F@qq.com>",
        f"To: {TO}",
        "X-Mailer: iPhone Mail (22E240)",
    ]
    OUT[name] = mk.render(hdrs, top)
    label(name, "incomplete", missing=["title"], source_unit="椰澜县农业农村局", authors=["邢伟", "陈小曼"],
          phone="13800136107", fmt="docx", client="iphone",
          placement=["subject_generic", "no_title", "lead_correspondents", "names_padded", "gonggao_closing",
                     "phone_fullwidth", "iphone_split_text_parts"],
          note="The manuscript starts with the 本网讯 lead: there is no title line anywhere, and the subject is only "
               "稿件. In the lead 邢  伟 is a padded two-character name (two spaces) and one space separates it from 陈小曼.")


# ------------------------------------------------------------------ 08  Outlook HTML signature, landline with 转 extension
def m08() -> None:
    name = "08-body-html-signature-extension-outlook.eml"
    t = when(8, 11, 36, 2)
    title = "琼湾市税务局开展“春雨润苗”专项服务行动"
    art = [
        title,
        "文/林晓燕",
        "为帮助小微企业和个体工商户用足用好税费优惠政策，今年以来，琼湾市税务局以“春雨润苗”专项服务行动为抓手，推出"
        "“送政策、解难题、优服务”系列举措，助力经营主体轻装上阵。",
        "一、精准推送政策。依托税收大数据，对全市1.6万户小微企业和个体工商户进行分类画像，通过电子税务局、短信、微信群"
        "等渠道“点对点”推送适用的优惠政策2.3万条次。",
        "二、上门解决难题。组建12支由业务骨干组成的“税务服务专员”队伍，走进园区、商圈和市场，面对面了解企业涉税诉求，"
        "现场解答问题460余个。",
        "三、持续优化服务。在办税服务厅设置“小微企业服务专窗”，推行“预约办”“延时办”，对首次办理涉税业务的新办企业"
        "提供“一对一”辅导。",
        "“税务专员上门讲解后，我们享受到了增值税减免政策，一季度节省了不少资金。”琼湾市海润商贸有限公司负责人说。",
        "截至3月底，全市小微企业和个体工商户一季度享受各类税费优惠1.8亿元。",
    ]
    sig = ["林晓燕", "琼湾市税务局", "电话：0898-6677 1208 转 8021", "手机：138 0013 6108", "地址：琼湾市滨海大道88号"]
    plain = ["编辑同志：", "您好！现将我局稿件发送给您，请审阅。", ""] + art + ["", "", "此致", "敬礼", "", ""] + sig
    sig_html = (
        '<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>'
        '<table class=MsoNormalTable border=0 cellspacing=0 cellpadding=0 style=\'border-collapse:collapse\'>'
        '<tr><td width=4 style=\'background:#C00000;padding:0cm\'></td><td style=\'padding:0cm 0cm 0cm 8pt\'>'
        + "".join(f'<p class=MsoNormal><b><span style=\'font-size:10.5pt;color:#C00000\'>{esc(sig[0])}</span></b></p>'
                  if i == 0 else
                  f'<p class=MsoNormal><span style=\'font-size:9pt;color:#595959\'>{esc(s)}</span></p>'
                  for i, s in enumerate(sig))
        + "</td></tr></table>")
    html_paras = ["编辑同志：", "您好！现将我局稿件发送给您，请审阅。", ""] + art + ["", "此致", "敬礼"]
    ba = "----=_NextPart_000_0021_01DCC6C1.2B8E4F30"
    top = Multi([ctype_multi("alternative", ba)], ba,
                [text_leaf("\n".join(plain), "utf-8", "quoted-printable"),
                 text_leaf(outlook_html(html_paras, sig_html), "utf-8", "quoted-printable", subtype="html")],
                preamble="This is a multipart message in MIME format.")
    hdrs = received(t, "mail.qwsw-example.cn|linxy@qwsw-example.cn", "192.0.2.17", "4Zk9Bf6YdP2tG") + [
        "From: " + ew("林晓燕", "utf-8")[0] + " <linxy@qwsw-example.cn>",
        f"To: <{TO}>",
        "Subject: " + ew(f"投稿：{title}", "utf-8")[0],
        date_hdr(t),
        "Message-ID: <002001dcc6c1$2b8e4f30$82acdd90$@qwsw-example.cn>",
        "MIME-Version: 1.0",
        "X-Mailer: Microsoft Outlook 16.0",
        "Thread-Index: AQHcxsErjk8wgqzdkJBgUC3nVbXs2w==",
        "Content-Language: zh-cn",
    ]
    OUT[name] = mk.render(hdrs, top)
    label(name, "accepted", title=title, source_unit="琼湾市税务局", authors=["林晓燕"], phone="0898-66771208-8021",
          fmt="body", client="outlook",
          placement=["body_only", "html_signature", "wen_slash", "landline_extension_zhuan", "mobile_and_landline",
                     "subject_tougao_title"],
          note="Unit and phones only in the Outlook HTML signature table (also present in the text part). The first "
               "number written is the office landline with 转 extension.")


# ------------------------------------------------------------------ 09  QQ, truncated docx with a covering note
def m09() -> None:
    name = "09-docx-truncated-note-qq.eml"
    t = when(9, 9, 40, 27)
    blocks = [
        ("title", "椰澜县开展“健康义诊进乡村”活动"),
        ("p", "4月8日，椰澜县卫生健康委员会组织县人民医院、县中医院的30余名医务人员走进南岭镇北岸村，开展“健康义诊进"
              "乡村”活动，为村民提供免费测血压、测血糖、心电图检查和健康咨询等服务。"),
        ("p", "活动现场，医务人员耐心询问村民的身体状况，详细解答村民提出的健康问题，并针对高血压、糖尿病等慢性病患者"
              "提出个性化的用药和饮食建议。当天共接诊村民260余人次，发放健康宣传资料800余份。"),
        ("meta", "作者：李娜  电话：13800136109"),
    ]
    docx = mk.make_docx(blocks, author="李娜", when=doc_when(t, 2))
    broken = docx[: int(len(docx) * 0.55)]
    lines = ["老师好！", "附件是我委稿件《椰澜县开展“健康义诊进乡村”活动》，请查收。", "联系人：李娜 13800136109"]
    b = "----=_NextPart_66226D3B_10A2C3D8_4B6E2F1A"
    alt_b = "----=_NextPart_66226D3B_10A2C3D8_2C1F0E9D"
    alt = Multi([ctype_multi("alternative", alt_b)], alt_b,
                [text_leaf("\n".join(lines), "gb18030"), text_leaf(qq_html(lines), "gb18030", subtype="html")])
    top = Multi([ctype_multi("mixed", b)], b, [alt, qq_att("健康义诊进乡村.docx", broken)],
                preamble="This is a multi-part message in MIME format.")
    hdrs = received(t, "smtpbg62.qq.com|1874430265@qq.com", "198.51.100.62", "4Zm3Cg8ZfR4vH") + [
        "X-QQ-mid: xmsezb5t1775698827tc41d0e2b",
        f'From: "{ew("李娜", "gb18030")[0]}" <1874430265@qq.com>',
        f'To: "{ew("tougao", "gb18030")[0]}" <{TO}>',
        "Subject: " + ew("椰澜县卫健委投稿", "gb18030")[0],
        "Mime-Version: 1.0",
        "Content-Transfer-Encoding: 8Bit",
        date_hdr(t),
        "X-Priority: 3",
        "Message-ID: <tencent_1F3E5D7C9B0A2E4C6D8F0A1B3C5D7E9F2B08@qq.com>",
        "X-QQ-MIME: TCMime 1.0 by Tencent",
        "X-Mailer: QQMail 2.x",
        "X-QQ-Mailer: QQMail 2.x",
    ]
    OUT[name] = mk.render(hdrs, top)
    label(name, "rejected", reason="unreadable_manuscript", fmt="docx-truncated", client="qq",
          placement=["covering_note", "truncated_docx"],
          note="The .docx is cut at 55 % (no central directory). The covering note names the title in 《》 and a "
               "contact, but the manuscript itself cannot be read.")


# ------------------------------------------------------------------ 10  网易邮箱大师 (Android), one-line mobile signature
def m10() -> None:
    name = "10-docx-mobile-signature-mailmaster.eml"
    t = when(10, 19, 42, 8)
    title = "黔岭市开展2026年“守护母亲河”生态环境执法专项行动"
    blocks = [
        ("title", title),
        ("p", "4月8日，黔岭市生态环境局召开“守护母亲河”生态环境执法专项行动部署会，全面启动为期6个月的专项执法行动，"
              "重点整治黔岭河流域涉水环境违法问题。"),
        ("p", "此次专项行动聚焦三方面重点任务：一是排查整治入河排污口，对流域内已登记的236个排污口逐一核查，对设置不规范、"
              "超标排放的限期整改；二是严查工业企业违法排污，对重点排污单位开展“双随机”抽查，对自动监测数据异常的企业"
              "实施现场检查；三是加强农村生活污水和畜禽养殖污染监管，督促规模养殖场配套建设粪污处理设施。"),
        ("p", "为确保行动取得实效，市生态环境局成立了由局主要负责同志任组长的工作专班，实行“周调度、月通报”制度，并邀请"
              "人大代表、政协委员和群众代表参与执法检查，主动接受社会监督。对发现的环境违法行为，将依法从严查处，典型案例"
              "及时向社会公开曝光。"),
        ("p", "市生态环境局有关负责人表示，将以专项行动为契机，推动建立流域生态环境保护长效机制，让黔岭河水更清、岸更绿。"),
        ("meta", "（撰稿：宋佳 何俊）"),
    ]
    docx = mk.make_docx(blocks, author="songjia", when=doc_when(t, 6))
    lines = ["新闻稿见附件，麻烦老师审阅。", "", "宋佳｜黔岭市生态环境局｜13800136110", "", "发自网易邮箱大师"]
    html_b = ('<div style="font-size:14px;font-family:PingFang SC,Microsoft YaHei,sans-serif;">'
              '<div>新闻稿见附件，麻烦老师审阅。</div><div><br></div>'
              '<div id="ntes_mail_signature"><div>宋佳｜黔岭市生态环境局｜13800136110</div></div>'
              '<div><br></div><div id="ntes_mail_footer" style="color:#999999">发自网易邮箱大师</div></div>')
    ba = "----=_Part_19_2143917211.1775821328120"
    alt = Multi([ctype_multi("alternative", ba)], ba,
                [text_leaf("\n".join(lines), "UTF-8", quoted_cs=False),
                 text_leaf(html_b, "UTF-8", subtype="html", quoted_cs=False)])
    bm = "----=_Part_18_1837201.1775821328120"
    top = Multi([ctype_multi("mixed", bm)], bm, [alt, utf8_att("守护母亲河专项行动.docx", docx, DOCX)])
    hdrs = received(t, "m1320.mail.163.com|songjia_qlhb@163.com", "203.0.113.132", "4Zn6Dh2AgS8wJ") + [
        date_hdr(t, " (GMT+08:00)"),
        "From: " + ew("宋佳", "UTF-8")[0] + " <songjia_qlhb@163.com>",
        f'To: "{TO}" <{TO}>',
        "Message-ID: <7d2c1f0e.1b3a.19d7f2c3a41.Coremail.songjia_qlhb@163.com>",
        "Subject: " + ew("新闻稿", "UTF-8")[0],
        "MIME-Version: 1.0",
        "X-Mailer: MailMaster Android 7.20.4",
        "X-NTES-SC: AL_Qu2cBPyZvE8o4SGZYukfmkcVh+c6W8K0u/0u3YRQP5E0lynr7i4XYg1sL0vQ0c2TNxGmqE3t0N8V0eFjW5GmRQ0=",
    ]
    OUT[name] = mk.render(hdrs, top)
    label(name, "accepted", title=title, source_unit="黔岭市生态环境局", authors=["宋佳", "何俊"], phone="13800136110",
          fmt="docx", client="mailmaster",
          placement=["subject_generic", "mobile_signature_one_line", "zhuangao_bracket_end"],
          note="Unit and phone only in the one-line signature 宋佳｜黔岭市生态环境局｜13800136110; authors from the "
               "manuscript's （撰稿：宋佳 何俊）.")


# ------------------------------------------------------------------ 11  139 mail, semicolon names, em-dash landline, 审签
def m11() -> None:
    name = "11-docx-semicolons-emdash-139.eml"
    t = when(11, 14, 27, 55)
    title = "筑南区市场监管局开展校园食品安全“守护行动”"
    blocks = [
        ("title", title),
        ("meta", "作者：龙  敏；杨光辉;韦小雨"),
        ("meta", "单位：黔岭市筑南区市场监督管理局"),
        ("meta", "联系电话：0851—8866 1211"),
        ("meta", "审签：郑建华"),
        ("p", "为切实保障广大师生“舌尖上的安全”，4月上旬，筑南区市场监督管理局联合区教育局开展春季学期校园食品安全"
              "“守护行动”，对辖区46所中小学、幼儿园食堂及校园周边食品经营户进行全面检查。"),
        ("h", "（一）突出重点环节"),
        ("p", "检查人员重点查看学校食堂从业人员健康证明、食品原料进货查验记录、餐具清洗消毒、食品留样等关键环节，督促学校"
              "严格落实校长（园长）陪餐制度和食品安全总监、食品安全员制度。"),
        ("h", "（二）强化周边治理"),
        ("p", "对校园周边200米范围内的小卖部、小餐饮店开展拉网式排查，重点查处销售“三无”食品、过期食品和价格低廉的"
              "“五毛食品”等行为。"),
        ("h", "（三）推动社会共治"),
        ("p", "邀请家长代表担任“食安监督员”，参与食堂开放日活动，实地了解食堂管理情况。"),
        ("p", "行动中，共检查学校食堂46家、校园周边食品经营户137户，发现并督促整改问题隐患32处，下架不合格食品15批次。"
              "下一步，区市场监管局将建立问题整改“回头看”机制，确保问题隐患动态清零。"),
    ]
    docx = mk.make_docx(blocks, author="龙敏", when=doc_when(t, 3))
    html_b = ('<div style="font-family:微软雅黑;font-size:14px;line-height:1.5;"><p>您好，附件是我局的投稿，请审阅。</p>'
              '<p><br></p><p>龙敏</p></div><div id="signature139" style="color:#888;font-size:12px">'
              '<p>来自139邮箱</p></div>')
    bm = "----=_Part_3_1712345.1775888875210"
    top = Multi([ctype_multi("mixed", bm)], bm, [
        text_leaf(html_b, "UTF-8", subtype="html", quoted_cs=False),
        Leaf([f'Content-Type: application/msword; name="{ew("校园食品安全守护行动.docx", "UTF-8")[0]}"',
              "Content-Transfer-Encoding: base64",
              f'Content-Disposition: attachment; filename="{ew("校园食品安全守护行动.docx", "UTF-8")[0]}"'],
             b64lines(docx)),
    ])
    hdrs = received(t, "n139-17.mail.139.com|13800136111@139.com", "203.0.113.139", "4Zp1Ej5BhT9xK") + [
        "X-RM-TRANSID: 2afd69e12b5a4c4-0a1b2",
        "X-RM-SPAM-FLAG: 00000000",
        date_hdr(t),
        f'From: "{ew("龙敏", "UTF-8")[0]}" <13800136111@139.com>',
        f'To: "tougao" <{TO}>',
        "Message-ID: <2afd69e12b5a4c4-0a1b2.Richmail.00013800136111@139.com>",
        "Subject: " + ew(f"投稿-{title}", "UTF-8")[0],
        "MIME-Version: 1.0",
        "X-Mailer: Richmail",
        "X-Priority: 3",
    ]
    OUT[name] = mk.render(hdrs, top)
    label(name, "accepted", title=title, source_unit="黔岭市筑南区市场监督管理局", authors=["龙敏", "杨光辉", "韦小雨"],
          phone="0851-88661211", reviewer="郑建华", fmt="docx", client="139",
          placement=["labels_top", "sep_semicolon_mixed", "names_padded", "landline_emdash", "reviewer_shenqian",
                     "html_only_body", "docx_labelled_msword"],
          note="Names separated by a full-width ； and then an ASCII ;. The landline is typed 0851—8866 1211 (em dash). "
               "The From address 13800136111@139.com is a 139 mailbox, not a labelled phone. The .docx part is "
               "labelled application/msword.")


# ------------------------------------------------------------------ 12  iPhone photos only
def m12() -> None:
    name = "12-photos-only-iphone.eml"
    t = when(12, 13, 8, 40)
    photos = jpeg_names("m12", 3)
    bnd = "Apple-Mail-A81F3C2D-7E6B-4D5A-9C0B-1E2F3A4B5C6D"
    parts = [text_leaf("上午发的稿件配图，补发三张。", "utf-8", quoted_cs=False)]
    for i, p in enumerate(photos):
        parts.append(iphone_att(f"IMG_45{21 + i}.JPG", p, "image/jpeg", inline=True))
    parts.append(text_leaf("\n\n发自我的iPhone", "utf-8", quoted_cs=False))
    top = Multi([f"Content-Type: multipart/mixed; boundary={bnd}", "Content-Transfer-Encoding: 7bit"], bnd, parts)
    hdrs = received(t, "m16-91.163.com|wuxd_yl@163.com", "203.0.113.91", "4Zq4Fk8CjV2yL") + [
        "From: " + ew("吴晓东", "utf-8")[0] + " <wuxd_yl@163.com>",
        "Mime-Version: 1.0 (1.0)",
        date_hdr(t),
        "Subject: " + ew("照片", "utf-8")[0],
        "Message-Id: <A81F3C2D-7E6B-4D5A-9C0B-1E2F3A4B5C6D@163.com>",
        f"To: {TO}",
        "X-Mailer: iPhone Mail (22E240)",
    ]
    OUT[name] = mk.render(hdrs, top)
    label(name, "rejected", reason="no_manuscript", fmt="photos", client="iphone",
          placement=["photos_only", "inline_disposition_images"],
          note="Three camera photos and one sentence saying they belong to a manuscript sent earlier: no article text.")


# ------------------------------------------------------------------ 13  Alimail, 落款, 图N lines at end, 把关人
def m13() -> None:
    name = "13-docx-luokuan-captions-end-alimail.eml"
    t = when(13, 10, 20, 30)
    title = "黔岭市医保局推动“医保服务不出村”落地见效"
    caps = ["医保工作人员在村卫生室指导参保群众使用医保码。", "村级医保服务站工作人员为群众办理异地就医备案。"]
    blocks = [
        ("title", title),
        ("p", "今年以来，黔岭市医疗保障局聚焦群众办理医保业务“最后一公里”问题，依托村卫生室建设村级医保服务站，推动参保"
              "登记、医保缴费、异地就医备案等高频事项在村里就能办。"),
        ("p", "一、建强服务阵地。按照“有场所、有人员、有设备、有制度”的标准，目前全市已建成村级医保服务站512个，覆盖率"
              "达到93%。"),
        ("p", "二、下放经办事项。梳理公布村级可办的医保服务事项清单，将12项高频事项下沉至村级服务站，群众平均办理时间由"
              "原来的2天缩短至20分钟以内。"),
        ("p", "三、加强人员培训。采取集中授课与跟班学习相结合的方式，对村级医保服务员开展全覆盖培训，今年已培训800余人次。"),
        ("p", "“以前给在外地打工的儿子办备案，要跑到县城，现在在村卫生室就办好了。”岚溪县青岗镇村民罗大爷说。"),
        ("p", "下一步，市医保局将持续完善村级医保服务站运行管理机制，让群众在家门口享受更加便捷的医保服务。"),
        ("blank",),
        ("meta", f"图1：{caps[0]}"),
        ("meta", f"图2：{caps[1]}"),
        ("blank",),
        ("meta", "执笔：谭思远 欧阳兰"),
        ("meta", "把关人：周  明"),
        ("right", "黔岭市医疗保障局"),
        ("right", "2026年4月13日"),
    ]
    docx = mk.make_docx(blocks, author="谭思远", when=doc_when(t, 1))
    photos = jpeg_names("m13", 2)
    lines = ["您好！", "附件是我局稿件及配图2张，请审阅。", "联系方式：138 0013 6113", "", "谭思远"]
    html_b = ('<div class="__aliyun_email_body_block"><div  style="line-height:1.7;font-family:Tahoma,Arial,STHeiti,'
              'SimSun;font-size:14.0px;color:#000000;">'
              + "".join(f'<div  style="clear:both;">{esc(x) or "<br >"}</div>' for x in lines) + "</div></div>")
    ba = "----=ALIBOUNDARY_55913_7f4ae9d1b700_66218e2b_3c1a0"
    alt = Multi([ctype_multi("alternative", ba)], ba,
                [text_leaf("\n".join(lines), "UTF-8", quoted_cs=False),
                 text_leaf(html_b, "UTF-8", subtype="html", quoted_cs=False)])
    bm = "----=ALIBOUNDARY_55912_7f4ae9d1b700_66218e2b_3c19f"
    top = Multi([ctype_multi("mixed", bm)], bm, [
        alt, utf8_att("医保服务不出村.docx", docx, DOCX),
        Leaf(['Content-Type: image/jpeg; name="1.jpg"', 'Content-Disposition: attachment; filename="1.jpg"',
              "Content-Transfer-Encoding: base64"], b64lines(photos[0])),
        Leaf(['Content-Type: image/jpeg; name="2.jpg"', 'Content-Disposition: attachment; filename="2.jpg"',
              "Content-Transfer-Encoding: base64"], b64lines(photos[1])),
    ])
    hdrs = received(t, "out30-131.freemail.mail.aliyun.com|tansiyuan_ql@aliyun.com", "192.0.2.131",
                    "4Zr7Gm1DkW5zM") + [
        "X-Alimail-AntiSpam: AC=CONTINUE;BC=0.07362165|-1;CH=green;DM=|CONTINUE|false|;DS=CONTINUE|ham_regular_dialog|0.0144;FP=0|0|0|0|0|-1|-1|-1;HT=ay29a033018046049;MF=tansiyuan_ql@aliyun.com;NM=1;PH=DS;RN=1;SR=0;TI=SMTPD_---0WQ3xYz_1776046830;",
        date_hdr(t),
        f'From: "{ew("谭思远", "UTF-8")[0]}" <tansiyuan_ql@aliyun.com>',
        f'To: "tougao" <{TO}>',
        f'Reply-To: "{ew("谭思远", "UTF-8")[0]}" <tansiyuan_ql@aliyun.com>',
        "Message-ID: <3c1a2b4d-5e6f-4a7b-9c8d-0e1f2a3b4c5d.tansiyuan_ql@aliyun.com>",
        "Subject: " + ew("黔岭市医疗保障局投稿", "UTF-8")[0],
        "X-Mailer: Alimail-Mailagent revision 4",
        "MIME-Version: 1.0",
        "x-aliyun-mail-creator: W4_5558412_v4Mozilla/5.0 (Windows NT 10.0; Win64; x64)",
    ]
    OUT[name] = mk.render(hdrs, top)
    label(name, "accepted", title=title, source_unit="黔岭市医疗保障局", authors=["谭思远", "欧阳兰"],
          phone="13800136113", reviewer="周明", captions=caps, fmt="docx", client="alimail",
          placement=["luokuan_two_lines", "captions_manuscript_end", "photos_attached", "zhibi", "reviewer_baguanren",
                     "names_padded", "phone_in_body_spaced"],
          note="Photos 1.jpg and 2.jpg are separate attachments; their captions are the 图1：/图2： lines at the end "
               "of the manuscript. 把关人：周  明 is a padded two-character name.")


# ------------------------------------------------------------------ 14  sina, GBK CRLF .txt, slash between names, FW phone
def m14() -> None:
    name = "14-txt-gbk-slash-fullwidth-sina.eml"
    t = when(14, 9, 35, 12)
    title = "岚溪县举办2026年“春风行动”专场招聘会"
    txt_lines = [
        title, "",
        "    4月10日，岚溪县人力资源和社会保障局在县城文体广场举办2026年“春风行动”暨就业援助月专场招聘会，为城乡劳动者、"
        "高校毕业生和企业搭建供需对接平台。",
        "    招聘会吸引了县内外86家企业参加，提供电子信息、食品加工、商贸物流、家政服务等岗位2300余个，其中月薪5000元"
        "以上的岗位占比近三成。现场还设置了政策咨询、职业指导、技能培训报名等服务台，工作人员向求职者讲解就业创业扶持政策"
        "和职业技能提升补贴政策。",
        "    “在家门口就能找到合适的工作，离家近，还能照顾老人孩子。”在一家食品企业达成就业意向的青岗镇村民吴翠兰说。",
        "    据统计，本次招聘会共有1800余人进场求职，初步达成就业意向620人。岚溪县人社局相关负责人表示，今年将持续开展"
        "线上线下招聘活动，全年计划举办各类招聘会40场以上，帮助更多群众实现家门口就业。",
        "",
        "单位：岚溪县人力资源和社会保障局",
        "作者：覃  丽/蒙德华",
        "电话：１３８－００１３－６１１４",
        "",
    ]
    txt = "\r\n".join(txt_lines).encode("gbk")
    lines = ["您好：", "    稿件见附件（txt格式），请审阅，谢谢！", "", "岚溪县人社局 覃丽"]
    sina_html = ('<div style="font-size:14px;font-family:宋体;">'
                 + "".join(f"<div>{esc(x) or '<br>'}</div>" for x in lines) + "</div>")
    ba = "=-sinamail_alt_3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c"
    alt = Multi([ctype_multi("alternative", ba)], ba,
                [text_leaf("\n".join(lines), "GBK"), text_leaf(sina_html, "GBK", subtype="html")])
    bm = "=-sinamail_mix_7a1c9e3b5d2f4a6c8e0b1d3f5a7c9e2b"
    top = Multi([ctype_multi("mixed", bm)], bm, [
        alt,
        Leaf([f'Content-Type: text/plain; name="{ew("春风行动招聘会.txt", "GBK")[0]}"',
              "Content-Transfer-Encoding: base64",
              f'Content-Disposition: attachment; filename="{ew("春风行动招聘会.txt", "GBK")[0]}"'], b64lines(txt)),
    ])
    hdrs = received(t, "mail3-166.sinamail.sina.com.cn|qinli_lxrs@sina.com", "192.0.2.166", "4Zs2Hn4ElX8aN") + [
        "X-Sender: qinli_lxrs@sina.com",
        "X-SMAIL-MID: 7812345609812",
        date_hdr(t),
        f'From: "{ew("覃丽", "GBK")[0]}" <qinli_lxrs@sina.com>',
        f"To: {TO}",
        "Subject: " + ew(f"稿件：{title}", "GBK")[0],
        "Message-ID: <20260414093512.2F1A3B4C5D@webmail.sina.com>",
        "MIME-Version: 1.0",
        "X-Mailer: Sina WebMail 4.0",
        "X-Priority: 3",
    ]
    OUT[name] = mk.render(hdrs, top)
    label(name, "accepted", title=title, source_unit="岚溪县人力资源和社会保障局", authors=["覃丽", "蒙德华"],
          phone="13800136114", fmt="txt-gbk-crlf", client="sina",
          placement=["labels_bottom", "sep_slash", "names_padded", "phone_fullwidth_dashes"],
          note="Authors 覃  丽/蒙德华: a padded name and a slash separator. Phone in full-width digits with full-width "
               "hyphens １３８－００１３－６１１４. The mail signature says 岚溪县人社局 (abbreviation); the labelled unit "
               "is the .txt's 单位 line.")


# ------------------------------------------------------------------ 15  126 body-only, 【单位】subject, no phone
def m15() -> None:
    name = "15-body-bracket-subject-no-phone-126.eml"
    t = when(15, 17, 2, 9)
    title = "椰澜县开展“情暖夕阳”养老服务质量提升行动"
    art = [
        title,
        "本网讯（通讯员 黎明 符晓东）为进一步提升养老服务水平，近日，椰澜县民政局启动“情暖夕阳”养老服务质量提升行动，"
        "围绕安全管理、服务规范、人员素质三个方面，对全县14家养老机构开展为期3个月的集中整治提升。",
        "行动开展以来，县民政局联合消防、市场监管、卫生健康等部门组成联合检查组，逐家检查养老机构消防设施、食品安全、"
        "医疗护理等情况，建立问题清单和整改台账，目前已督促整改问题23个。",
        "同时，县民政局组织开展养老护理员职业技能培训，邀请三甲医院护理专家讲授失能老人照护、压疮预防、应急救护等实用"
        "技能，首期培训学员65名。",
        "“护工们比以前更专业了，老人们住得安心，我们子女也放心。”在县社会福利中心探望母亲的陈先生说。",
        "下一步，椰澜县将推动建立养老机构服务质量星级评定制度，引导养老机构提档升级，让老年人享受更加优质的养老服务。",
    ]
    lines = art + ["", "黎明"]
    ba = "----=_Part_120344_902311873.1776243729551"
    top = Multi([ctype_multi("alternative", ba)], ba,
                [text_leaf("\n".join(lines), "GBK", quoted_cs=False),
                 text_leaf(coremail_html(lines), "GBK", subtype="html", quoted_cs=False)])
    hdrs = received(t, "m15-33.126.com|liming_ylmz@126.com", "203.0.113.33", "4Zt5Jp7FmY1bP") + [
        date_hdr(t, " (CST)"),
        f'From: "{ew("黎明", "GBK")[0]}" <liming_ylmz@126.com>',
        f"To: {TO}",
        "Subject: " + ewfold(f"【椰澜县民政局】{title}", "GBK", maxbytes=45),
        "X-Priority: 3",
        "X-Mailer: Coremail Webmail Server Version XT5.0.14 build 20240801(9da12a7b)\r\n Copyright (c) 2002-2026 www.mailtech.cn 126com",
        "MIME-Version: 1.0",
        "Message-ID: <41ac2e9b.7d3f.19d8e6b2a7c.Coremail.liming_ylmz@126.com>",
        "X-Coremail-Locale: zh_CN",
        "X-Originating-IP: [203.0.113.33]",
    ]
    OUT[name] = mk.render(hdrs, top)
    label(name, "incomplete", missing=["phone"], title=title, source_unit="椰澜县民政局", authors=["黎明", "符晓东"],
          fmt="body", client="126",
          placement=["body_only", "subject_bracket_unit", "lead_correspondents", "no_phone"],
          note="No phone number anywhere; the signature is just the name 黎明.")


# ------------------------------------------------------------------ 16  Foxmail, 供稿 closing, signature name only -> no author
def m16() -> None:
    name = "16-docx-gonggao-signature-name-no-author-foxmail.eml"
    t = when(16, 16, 48, 21)
    title = "琼湾市统计局开展“统计法治宣传进企业”活动"
    blocks = [
        ("title", title),
        ("p", "4月14日，琼湾市统计局组织业务骨干走进琼湾高新技术产业园区，开展“统计法治宣传进企业”活动，为园区60余家"
              "规模以上企业的统计人员送去政策“大礼包”。"),
        ("p", "活动中，市统计局工作人员围绕统计法律法规、统计数据质量、联网直报平台操作等内容进行了专题讲解，并结合近年来"
              "查处的统计违法典型案例，提醒企业依法依规如实报送统计数据，坚决杜绝虚报、瞒报、拒报等行为。"),
        ("p", "在互动交流环节，企业统计人员就统计报表填报口径、研发费用统计等问题踊跃提问，工作人员逐一进行解答。针对部分"
              "企业统计人员变动频繁、业务不熟练的情况，市统计局还现场建立了企业统计人员服务群，提供“线上+线下”常态化业务"
              "指导。"),
        ("p", "据了解，今年以来，市统计局已累计开展统计普法宣传活动9场，覆盖企业400余家。下一步，该局将持续加强统计法治"
              "宣传教育，推动企业统计基础工作规范化建设，为提高统计数据质量打牢基础。"),
        ("right", "（琼湾市统计局供稿）"),
    ]
    docx = mk.make_docx(blocks, author="Lenovo", when=doc_when(t, 25))
    body = ["编辑老师：", "    您好！附件为我局稿件，请审阅。", "", "--", "吴海燕", "手机：13800136116", "", "",
            "wuhy_qwtj@foxmail.com"]
    ba = "----=_002_NextPart305418725524_=----"
    fox_html = ('<html><head><meta http-equiv="content-type" content="text/html; charset=GB2312"><style>body '
                '{ line-height: 1.5; }</style></head><body>\n'
                + "".join(f"<div>{esc(x) or '<br>'}</div>" for x in body[:6])
                + '<hr style="width: 210px; height: 1px;" color="#b5c4df" size="1" align="left">\n'
                '<div><span><div style="MARGIN: 10px; FONT-FAMILY: verdana; FONT-SIZE: 10pt"><div>'
                'wuhy_qwtj@foxmail.com</div></div></span></div></body></html>')
    alt = Multi([ctype_multi("alternative", ba)], ba,
                [text_leaf("\n".join(body), "GB2312"), text_leaf(fox_html, "GB2312", subtype="html")])
    bm = "----=_001_NextPart462305918127_=----"
    top = Multi([ctype_multi("mixed", bm)], bm, [alt, foxmail_att("统计法治宣传进企业.docx", docx)],
                preamble="This is a multi-part message in MIME format.")
    hdrs = received(t, "smtpbgsg2.qq.com|wuhy_qwtj@foxmail.com", "198.51.100.82", "4Zu8Kq1GnZ4cQ") + [
        date_hdr(t),
        f'From: "{ew("吴海燕", "GB2312")[0]}" <wuhy_qwtj@foxmail.com>',
        f"To: tougao <{TO}>",
        "Subject: " + ew(f"投稿：{title}", "GB2312")[0],
        "X-Priority: 3",
        "X-Has-Attach: yes",
        "X-Mailer: Foxmail 7.2.25.375[cn]",
        "Mime-Version: 1.0",
        "Message-ID: <202604161648215402337@foxmail.com>",
    ]
    OUT[name] = mk.render(hdrs, top)
    label(name, "incomplete", missing=["authors"], title=title, source_unit="琼湾市统计局", phone="13800136116",
          fmt="docx", client="foxmail",
          placement=["gonggao_closing", "signature_block_dashes", "signature_name_not_author", "no_author"],
          note="The only person named is 吴海燕 in the mail signature; neither the manuscript nor the body labels her "
               "as author (README: a signature name is not an author unless labelled).")


# ------------------------------------------------------------------ 17  Outlook, password-protected PDF with a note
def m17(pdf_src: bytes) -> None:
    name = "17-pdf-encrypted-note-outlook.eml"
    t = when(17, 10, 55, 43)
    key = hashlib.sha256(pdf_src).hexdigest()
    cached = CACHE / f"encrypted-{key[:24]}.pdf"
    if cached.exists():
        enc_pdf = cached.read_bytes()
    else:
        from pypdf import PdfReader, PdfWriter

        w = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_src)))
        w.encrypt(user_password="rf0417", owner_password="rf0417-owner", algorithm="AES-128")
        buf = io.BytesIO()
        w.write(buf)
        enc_pdf = buf.getvalue()
        CACHE.mkdir(exist_ok=True)
        cached.write_bytes(enc_pdf)
    paras = ["您好！", "附件PDF是我办稿件《琼湾市开展防空警报试鸣暨防灾减灾宣传活动》，文件设置了打开密码，如需密码请来电。",
             "", "何志伟", "琼湾市人民防空办公室", "0898-6677 1717"]
    ba = "----=_NextPart_001_0033_01DCCDF2.5C7A8B10"
    alt = Multi([ctype_multi("alternative", ba)], ba,
                [text_leaf("\n".join(paras), "utf-8", "quoted-printable"),
                 text_leaf(outlook_html(paras), "utf-8", "quoted-printable", subtype="html")])
    bm = "----=_NextPart_000_0032_01DCCDF2.5C7A8B10"
    top = Multi([ctype_multi("mixed", bm)], bm, [alt, outlook_att("防空警报试鸣宣传稿.pdf", enc_pdf, "application/pdf")],
                preamble="This is a multipart message in MIME format.")
    hdrs = received(t, "m16-55.163.com|hezw_qwrf@163.com", "203.0.113.55", "4Zv1Lr4HpA7dR") + [
        "From: " + ew("何志伟", "utf-8")[0] + " <hezw_qwrf@163.com>",
        f"To: <{TO}>",
        "Subject: " + ew("投稿：琼湾市开展防空警报试鸣暨防灾减灾宣传活动", "utf-8")[0],
        date_hdr(t),
        "Message-ID: <003101dccdf2$5c7a8b10$15709f30$@163.com>",
        "MIME-Version: 1.0",
        "X-Mailer: Microsoft Outlook 16.0",
        "Thread-Index: AQHczfJcemiLEBVwnzDD6zR9qXb3vg==",
        "Content-Language: zh-cn",
    ]
    OUT[name] = mk.render(hdrs, top)
    label(name, "rejected", reason="unreadable_manuscript", fmt="pdf-encrypted", client="outlook",
          placement=["covering_note", "password_protected_pdf"],
          note="AES-128 user password; the password is not in the mail (the note says to phone for it).")


def pdf17_source() -> bytes:
    blocks = [
        ("title", "琼湾市开展防空警报试鸣暨防灾减灾宣传活动"),
        ("meta", "琼湾市人民防空办公室  何志伟"),
        ("p", "4月16日上午，琼湾市组织开展防空警报试鸣暨防灾减灾宣传活动。全市136台防空警报器按照预警、空袭、解除三种"
              "信号依次鸣响，市区主要路口、广场同步设置宣传咨询点。"),
        ("p", "活动中，工作人员通过展板、宣传册和互动问答等形式，向群众讲解防空警报信号识别、紧急疏散避险和地震、台风等"
              "灾害自救互救知识，共发放宣传资料1.5万份，现场解答群众咨询600余人次。"),
    ]
    return mk.make_pdf(blocks, info={"Producer": "Microsoft® Word 2019", "Creator": "Microsoft® Word 2019",
                                     "CreationDate": "D:20260416183012+08'00'", "Author": "hezw"})


# ------------------------------------------------------------------ 18  QQ, subject 来稿, one-line labels, 审核 with title
def m18() -> None:
    name = "18-docx-laigao-oneline-labels-qq.eml"
    t = when(18, 8, 30, 51)
    title = "黔岭市退役军人事务局开展“老兵讲党史”进校园活动"
    p1, p2 = jpeg_names("m18", 2)
    caps = ["图为老战士向学生讲述革命故事。", "图为同学们为老兵佩戴红领巾。"]
    blocks = [
        ("title", title),
        ("p", "4月15日，黔岭市退役军人事务局组织“老兵宣讲团”走进黔岭市第三中学，开展“老兵讲党史”进校园活动，600余名"
              "师生聆听宣讲。"),
        ("p", "宣讲中，86岁的老战士杨德明结合自己参军入伍、保家卫国的亲身经历，讲述了一个个感人至深的战斗故事，同学们听得"
              "聚精会神。"),
        ("img", p1), ("cap", caps[0]),
        ("p", "“老兵宣讲团”成员、退役军人罗建华以“传承红色基因，争做时代新人”为主题，勉励同学们珍惜今天的幸福生活，努力"
              "学习，将来为建设家乡贡献力量。宣讲结束后，同学们为老兵们佩戴红领巾，并向老兵们赠送了亲手制作的贺卡。"),
        ("img", p2), ("cap", caps[1]),
        ("p", "“听了爷爷们讲的故事，我更加懂得了今天的幸福生活来之不易。”初二（3）班学生王雨萱说。"),
        ("p", "据了解，黔岭市“老兵宣讲团”成立于2021年，现有成员35名，累计开展宣讲活动160余场，受众4万余人次。"),
        ("blank",),
        ("meta", "供稿：黔岭市退役军人事务局　撰稿：付  强　审核：办公室主任 潘志刚　电话：13800136118"),
    ]
    docx = mk.make_docx(blocks, author="付强", when=doc_when(t, 14))
    lines = ["您好，来稿一篇，请审阅！"]
    b = "----=_NextPart_6632A1C0_1B3D5F70_7E9A2C4B"
    alt_b = "----=_NextPart_6632A1C0_1B3D5F70_1A2B3C4D"
    alt = Multi([ctype_multi("alternative", alt_b)], alt_b,
                [text_leaf("\n".join(lines), "gb18030"), text_leaf(qq_html(lines), "gb18030", subtype="html")])
    top = Multi([ctype_multi("mixed", b)], b, [alt, qq_att("老兵讲党史进校园.docx", docx)],
                preamble="This is a multi-part message in MIME format.")
    hdrs = received(t, "smtpbg150.qq.com|1130967842@qq.com", "198.51.100.150", "4Zw4Ms7JqB1eS") + [
        "X-QQ-mid: xmsezb3t1776472251t7f2e9c01",
        f'From: "{ew("付强", "gb18030")[0]}" <1130967842@qq.com>',
        f'To: "{ew("tougao", "gb18030")[0]}" <{TO}>',
        "Subject: " + ew("来稿", "gb18030")[0],
        "Mime-Version: 1.0",
        "Content-Transfer-Encoding: 8Bit",
        date_hdr(t),
        "X-Priority: 3",
        "Message-ID: <tencent_6B8D0F2A4C6E8A0B2D4F6A8C0E2B4D6F8A09@qq.com>",
        "X-QQ-MIME: TCMime 1.0 by Tencent",
        "X-Mailer: QQMail 2.x",
        "X-QQ-Mailer: QQMail 2.x",
    ]
    OUT[name] = mk.render(hdrs, top)
    label(name, "accepted", title=title, source_unit="黔岭市退役军人事务局", authors=["付强"], phone="13800136118",
          reviewer="潘志刚", captions=caps, fmt="docx", client="qq",
          placement=["subject_generic", "labels_one_line_bottom", "fullwidth_space_between_labels", "names_padded",
                     "reviewer_with_title", "photos_embedded", "captions_under_photo"],
          note="All metadata on one line separated by U+3000; 审核：办公室主任 潘志刚 — the reviewer label is the name "
               "without the title.")


# ------------------------------------------------------------------ 19  163 UTF-8, PDF with wrapped title and image
def m19() -> None:
    name = "19-pdf-wrapped-title-163.eml"
    t = when(19, 20, 16, 37)
    title = "琼湾市交通运输局扎实推进“四好农村路”建设一季度新改建农村公路86公里"
    ph = mk.photo("m19-1")
    cap = "图为施工人员在椰澜县南岭镇铺设沥青路面。"
    blocks = [
        ("title", title),
        ("meta", "单位：琼湾市交通运输局"),
        ("meta", "作者：郑伟、蔡小琳"),
        ("meta", "电话：13800136119"),
        ("p", "今年以来，琼湾市交通运输局坚持把“四好农村路”建设作为服务乡村振兴的重要抓手，抢抓春季施工黄金期，全力推进"
              "农村公路建设。一季度，全市新改建农村公路86公里，完成年度计划的32%。"),
        ("p", "一、抓统筹，压实建设责任。市交通运输局对全年42个农村公路项目实行清单化管理，明确责任人和完成时限，每周召开"
              "调度会，及时协调解决征地拆迁、材料供应等问题。"),
        ("p", "二、抓质量，打造放心工程。严格落实项目法人责任制、工程监理制和质量终身责任制，组织开展质量安全专项检查3轮，"
              "发现并督促整改问题41个。"),
        ("img", ph, 320, 240),
        ("cap", cap),
        ("p", "三、抓管护，巩固建设成果。全面推行农村公路“路长制”，聘用乡村护路员680名，确保农村公路“有人管、有钱管、"
              "管得好”。"),
        ("p", "下一步，市交通运输局将持续加大投入力度，确保全年新改建农村公路270公里以上，为群众出行和产业发展提供更好的"
              "交通保障。"),
    ]
    pdf = mk.make_pdf(blocks, info={"Producer": "WPS 文字", "Creator": "WPS 文字", "Author": "zhengwei",
                                    "CreationDate": "D:20260419165802+08'00'", "ModDate": "D:20260419165802+08'00'"})
    body = ["您好，稿件为PDF格式，见附件。", "", "郑伟"]
    ba = "----=_Part_200117_1488201337.1776600997014"
    alt = Multi([ctype_multi("alternative", ba)], ba,
                [text_leaf("\n".join(body), "UTF-8", quoted_cs=False),
                 text_leaf(coremail_html(body), "UTF-8", subtype="html", quoted_cs=False)])
    bm = "----=_Part_200116_401133906.1776600997014"
    top = Multi([ctype_multi("mixed", bm)], bm,
                [alt, coremail_att("四好农村路建设.pdf", pdf, "application/pdf", cs="UTF-8")])
    hdrs = received(t, "m16-19.163.com|zhengwei_qwjt@163.com", "203.0.113.19", "4Zx7Nt1KrC4fT") + [
        date_hdr(t, " (CST)"),
        f'From: "{ew("郑伟", "UTF-8")[0]}" <zhengwei_qwjt@163.com>',
        f"To: {TO}",
        "Subject: " + ewfold(f"投稿：{title}", "UTF-8", maxbytes=45),
        "X-Priority: 3",
        "X-Mailer: Coremail Webmail Server Version XT5.0.14 build 20240801(9da12a7b)\r\n Copyright (c) 2002-2026 www.mailtech.cn 163com",
        "MIME-Version: 1.0",
        "Message-ID: <63b1e07c.5a9d.19da9c3e2f0.Coremail.zhengwei_qwjt@163.com>",
        "X-Coremail-Locale: zh_CN",
        "X-Originating-IP: [203.0.113.19]",
    ]
    OUT[name] = mk.render(hdrs, top)
    label(name, "accepted", title=title, source_unit="琼湾市交通运输局", authors=["郑伟", "蔡小琳"],
          phone="13800136119", captions=[cap], fmt="pdf", client="163-utf8",
          placement=["labels_top", "pdf_title_wrapped", "photos_embedded_pdf", "captions_under_photo", "sep_dunhao"],
          note="Hand-made PDF (CID font, Identity-H with ToUnicode) whose title wraps onto a second line.")


# ------------------------------------------------------------------ 20  WPS mail, WPS docx, 及 separator, landline (办) + mobile
def m20() -> None:
    name = "20-docx-ji-separator-two-phones-wpsmail.eml"
    t = when(20, 15, 11, 4)
    title = "椰澜县住建局开展城镇燃气安全隐患排查整治"
    blocks = [
        ("title", title),
        ("meta", "单位：椰澜县住房和城乡建设局"),
        ("meta", "作者：王  芳 及 郑小龙"),
        ("meta", "联系电话：0898-6677 3420（办） 13800136120（手机）"),
        ("meta", "审定：李卫东"),
        ("p", "为切实保障人民群众生命财产安全，4月以来，椰澜县住房和城乡建设局组织开展城镇燃气安全隐患排查整治，坚决遏制"
              "燃气安全事故发生。"),
        ("p", "（一）全面排查燃气经营企业。检查组对全县3家管道燃气企业、9家瓶装液化石油气充装站和供应站逐一检查，重点检查"
              "企业安全生产责任制落实、气瓶充装和检验、应急处置预案等情况。"),
        ("p", "（二）深入检查餐饮用气场所。联合消防救援、市场监管等部门，对县城和各乡镇的餐饮店开展“拉网式”检查，督促"
              "商户规范使用燃气，按规定安装可燃气体报警装置。"),
        ("p", "（三）加强居民用户安全宣传。组织燃气企业入户安检，发放安全用气宣传手册，提醒群众定期检查燃气软管，及时更换"
              "老化、破损的连接管和不合格的灶具。"),
        ("p", "截至目前，共检查燃气企业12家、餐饮用气场所386家，入户安检居民用户5200余户，发现并整改隐患147处。县住建局"
              "相关负责人表示，将持续保持高压态势，对排查出的隐患实行闭环管理，确保整改到位。"),
    ]
    docx = mk.make_docx(blocks, author="王芳", when=doc_when(t, 2), app="wps")
    body = ["老师，您好！", "附件为我局稿件，请审阅。", "", "椰澜县住建局办公室"]
    html_b = ('<html><head><meta charset="UTF-8"></head><body><div style="font-family:\'Microsoft YaHei\';'
              'font-size:14px">' + "".join(f"<p>{esc(x) or '<br/>'}</p>" for x in body) + "</div></body></html>")
    ba = "----=_Part_wps_alt_20260420151104_3377"
    alt = Multi([ctype_multi("alternative", ba)], ba,
                [text_leaf("\n".join(body), "UTF-8", "quoted-printable", quoted_cs=False),
                 text_leaf(html_b, "UTF-8", "quoted-printable", subtype="html", quoted_cs=False)])
    bm = "----=_Part_wps_mix_20260420151104_3376"
    fname = "燃气安全隐患排查整治（住建局）.docx"
    top = Multi([ctype_multi("mixed", bm)], bm, [alt, Leaf(
        [f"Content-Type: {DOCX}; name*=UTF-8''" + rfc2231("x", fname, "UTF-8").split("''", 1)[1],
         "Content-Transfer-Encoding: base64",
         "Content-Disposition: attachment; " + rfc2231("filename", fname, "UTF-8")], b64lines(docx))])
    hdrs = received(t, "smtp.wps-mail-example.cn|wangfang_ylzj@wps-mail-example.cn", "192.0.2.200",
                    "4Zy1Pv4LsD7gV") + [
        "From: " + ew("王芳", "UTF-8")[0] + " <wangfang_ylzj@wps-mail-example.cn>",
        f"To: {TO}",
        "Subject: " + ew(f"椰澜县住建局：{title}", "UTF-8")[0],
        date_hdr(t),
        "Message-ID: <wps.20260420151104.8c3e1a7f2b@wps-mail-example.cn>",
        "MIME-Version: 1.0",
        "X-Mailer: WPS Mail 2.9.0 (Windows)",
    ]
    OUT[name] = mk.render(hdrs, top)
    label(name, "accepted", title=title, source_unit="椰澜县住房和城乡建设局", authors=["王芳", "郑小龙"],
          phone="0898-66773420", reviewer="李卫东", fmt="docx-wps", client="wpsmail",
          placement=["labels_top", "sep_ji", "names_padded", "landline_then_mobile", "reviewer_shending",
                     "rfc2231_name_and_filename", "subject_unit_colon_title"],
          note="Phone line gives the office landline first, then the mobile: the label is the first one written. The "
               "subject's unit part (椰澜县住建局) is an abbreviation; the labelled unit is the manuscript's 单位 line.")


# ------------------------------------------------------------------ 21  126, corrupt docx (damaged deflate stream)
def m21() -> None:
    name = "21-docx-corrupt-crc-126.eml"
    t = when(21, 11, 19, 58)
    blocks = [
        ("title", "岚溪县水务局开展农村饮水安全大排查"),
        ("p", "为确保农村群众喝上放心水、安全水，4月以来，岚溪县水务局组织技术人员对全县168处农村集中供水工程开展拉网式"
              "排查，重点检查水源保护、净化消毒设施运行和水质检测等情况。"),
        ("p", "排查中发现的管网老化、消毒设备故障等问题，已全部建立台账，明确整改责任和时限。目前已完成整改问题37个，"
              "其余问题正在加快推进。"),
        ("meta", "作者：韦东  联系电话：13800136121"),
    ]
    docx = mk.make_docx(blocks, author="韦东", when=doc_when(t, 2))
    broken = mk.corrupt_zip_member(docx, "word/document.xml")
    body = ["老师好，附件稿件请查收，谢谢！", "", "岚溪县水务局 韦东 13800136121"]
    ba = "----=_Part_140822_1932011441.1776741598117"
    alt = Multi([ctype_multi("alternative", ba)], ba,
                [text_leaf("\n".join(body), "GBK", quoted_cs=False),
                 text_leaf(coremail_html(body), "GBK", subtype="html", quoted_cs=False)])
    bm = "----=_Part_140821_877231901.1776741598117"
    top = Multi([ctype_multi("mixed", bm)], bm, [alt, coremail_att("农村饮水安全大排查.docx", broken, DOCX)])
    hdrs = received(t, "m15-61.126.com|weidong_lxsw@126.com", "203.0.113.61", "4Zz4Qw7MtE1hW") + [
        date_hdr(t, " (CST)"),
        f'From: "{ew("韦东", "GBK")[0]}" <weidong_lxsw@126.com>',
        f"To: {TO}",
        "Subject: " + ew("岚溪县水务局稿件", "GBK")[0],
        "X-Priority: 3",
        "X-Mailer: Coremail Webmail Server Version XT5.0.14 build 20240801(9da12a7b)\r\n Copyright (c) 2002-2026 www.mailtech.cn 126com",
        "MIME-Version: 1.0",
        "Message-ID: <1f7b3e2a.2c8d.19db4a6e1d2.Coremail.weidong_lxsw@126.com>",
        "X-Coremail-Locale: zh_CN",
    ]
    OUT[name] = mk.render(hdrs, top)
    label(name, "rejected", reason="unreadable_manuscript", fmt="docx-corrupt", client="126",
          placement=["covering_note", "corrupt_docx_crc"],
          note="Complete zip structure, but 300 bytes in the middle of word/document.xml's deflate stream are damaged "
               "(inflate error / CRC mismatch). The covering note has a unit, name and phone but no article.")


# ------------------------------------------------------------------ 22  Outlook Express style, raw 8-bit GBK names, UTF-8 txt
def m22() -> None:
    name = "22-txt-utf8-raw8bit-filenames-oe.eml"
    t = when(22, 11, 5, 17)
    title = "桂馨街道开展“银龄关爱”入户走访活动"
    txt = "\n".join([
        title,
        "文/何  娟　图/苏建新",
        "",
        "4月20日，筑南区桂馨街道组织社区干部、网格员和志愿者，对辖区独居、空巢、高龄老人开展“银龄关爱”入户走访活动。",
        "走访中，工作人员与老人们拉家常，详细了解他们的身体状况、生活需求和家庭困难，帮助老人检查家中水电燃气使用情况，"
        "排除安全隐患。志愿者还为老人们测量血压、整理房间，叮嘱他们注意饮食起居，遇到困难及时与社区联系。",
        "“社区的同志经常来看我，有什么事打个电话就来了，比亲人还亲。”家住桂馨社区的82岁独居老人张奶奶说。",
        "据了解，桂馨街道共有独居、空巢、高龄老人420余人。街道为每位老人建立了“一人一档”服务台账，落实网格员每周至少"
        "上门探访一次，并为行动不便的老人安装了一键呼叫设备。下一步，街道将进一步整合辖区资源，推动助餐、助医、助洁等"
        "服务上门，让老人们安享幸福晚年。",
        "",
        "联系电话：138 0013 6122",
        "",
    ]).encode("utf-8")
    photos = jpeg_names("m22", 2)
    fnames = ["银龄关爱稿件.txt", "图1 社区干部入户走访独居老人.jpg", "图2 志愿者为老人测量血压.jpg"]
    body = ["您好：", "    附件是我们街道的稿件和两张照片，请审阅。", "", "桂馨街道党政办 何娟"]
    bm = "----=_NextPart_000_0007_01DCD1F9.8A2B3C40"
    parts = [text_leaf("\n".join(body), "gb2312")]
    for fn, data, ct in zip(fnames, [txt, *photos], ["application/octet-stream", "image/jpeg", "image/jpeg"]):
        raw = fn.encode("gbk")
        parts.append(Leaf([b'Content-Type: ' + ct.encode() + b';\r\n\tname="' + raw + b'"',
                           b"Content-Transfer-Encoding: base64",
                           b'Content-Disposition: attachment;\r\n\tfilename="' + raw + b'"'], b64lines(data)))
    top = Multi([ctype_multi("mixed", bm)], bm, parts, preamble="This is a multi-part message in MIME format.")
    hdrs = received(t, "PC-20190315ABCD|hejuan_gx@126.com", "192.0.2.45", "4Z1a7Rx1NvF4jX") + [
        "Message-ID: <000801dcd1f9$8a2b3c40$0201a8c0@PC20190315ABCD>",
        f'From: "{ew("何娟", "gb2312")[0]}" <hejuan_gx@126.com>',
        f"To: <{TO}>",
        "Subject: " + ew(f"筑南区桂馨街道办事处：{title}", "gb2312")[0],
        date_hdr(t),
        "MIME-Version: 1.0",
        "X-Priority: 3",
        "X-MSMail-Priority: Normal",
        "X-Mailer: Microsoft Outlook Express 6.00.2900.5931",
        "X-MimeOLE: Produced By Microsoft MimeOLE V6.00.2900.6157",
    ]
    OUT[name] = mk.render(hdrs, top)
    label(name, "accepted", title=title, source_unit="筑南区桂馨街道办事处", authors=["何娟"], phone="13800136122",
          captions=["社区干部入户走访独居老人", "志愿者为老人测量血压"], photo_credit="苏建新", fmt="txt-utf8",
          client="outlook-express",
          placement=["subject_unit_colon_title", "wen_tu_slash", "names_padded", "captions_filename",
                     "raw_8bit_gbk_filenames", "utf8_txt_without_bom"],
          note="File names are raw 8-bit GBK in quoted parameters; the .txt content is UTF-8 without BOM. Captions "
               "come from the file names (图1 / 图2 prefix and .jpg removed).")


# ------------------------------------------------------------------ 23  163 HTML with cid inline photos, one-line 落款
def m23() -> None:
    name = "23-body-cid-inline-luokuan-163.eml"
    t = when(23, 16, 40, 25)
    title = "黔岭市举办“书香黔岭·全民阅读”主题活动"
    p1, p2 = jpeg_names("m23", 2)
    caps = ["4月22日，市民在活动现场挑选图书。", "图为小读者参加亲子共读活动。"]
    seg1 = [
        title,
        "（文/蒙佳　吴晓东）",
        "4月22日，由黔岭市文化广电旅游局主办的“书香黔岭·全民阅读”主题活动在市图书馆广场启动。活动现场设置了图书展销、"
        "好书推荐、非遗体验、亲子共读等多个区域，吸引了3000余名市民参与。",
    ]
    seg2 = [
        caps[0],
        "启动仪式上，市图书馆发布了“2026年度黔岭好书推荐书目”，向农家书屋、社区书屋捐赠图书5000册。本土作家代表分享了"
        "自己的创作经历和阅读感悟，鼓励市民多读书、读好书。",
    ]
    seg3 = [
        caps[1],
        "据悉，本次主题活动将持续至5月底，期间全市各级图书馆、文化馆将陆续开展读书分享会、经典诵读比赛、“流动图书车"
        "进乡村”等120余场阅读推广活动，进一步营造全民阅读的浓厚氛围。",
        "",
        "联系电话：13800136123",
        "黔岭市文化广电旅游局　2026年4月23日",
    ]
    cid1 = "6e2a1b3c$1$19dba2c3d4e$Coremail$mengjia_qlwl$163.com"
    cid2 = "6e2a1b3c$2$19dba2c3d4e$Coremail$mengjia_qlwl$163.com"

    def divs(xs):
        return "".join("<div><br></div>" if not x else f"<div>{esc(x)}</div>" for x in xs)

    html_b = ('<div style="line-height:1.7;color:#000000;font-size:14px;font-family:Arial">' + divs(seg1)
              + f'<div><img src="cid:{cid1}" width="320" height="240" orgwidth="320" orgheight="240"></div>'
              + divs(seg2)
              + f'<div><img src="cid:{cid2}" width="320" height="240" orgwidth="320" orgheight="240"></div>'
              + divs(seg3) + '</div><br><br><span title="neteasefooter"><p>&nbsp;</p></span>')
    plain = "\n".join(seg1 + seg2 + seg3)
    bal = "----=_Part_230871_1790213318.1776933625871"
    alt = Multi([ctype_multi("alternative", bal)], bal,
                [text_leaf(plain, "GBK", quoted_cs=False),
                 text_leaf(html_b, "GBK", subtype="html", quoted_cs=False)])
    brel = "----=_Part_230870_212330987.1776933625871"
    imgs = []
    for cid, data, fn in ((cid1, p1, "IMG_0452.JPG"), (cid2, p2, "IMG_0467.JPG")):
        imgs.append(Leaf([f'Content-Type: image/jpeg; name="{fn}"', "Content-Transfer-Encoding: base64",
                          f'Content-Disposition: inline; filename="{fn}"', f"Content-ID: <{cid}>"], b64lines(data)))
    top = Multi([ctype_multi("related", brel)], brel, [alt, *imgs])
    hdrs = received(t, "m16-23.163.com|mengjia_qlwl@163.com", "203.0.113.23", "4Z2b1Sy4PwG7kY") + [
        date_hdr(t, " (CST)"),
        f'From: "{ew("蒙佳", "GBK")[0]}" <mengjia_qlwl@163.com>',
        f"To: {TO}",
        "Subject: " + ewfold(f"投稿：{title}", "GBK", maxbytes=42),
        "X-Priority: 3",
        "X-Mailer: Coremail Webmail Server Version XT5.0.14 build 20240801(9da12a7b)\r\n Copyright (c) 2002-2026 www.mailtech.cn 163com",
        "MIME-Version: 1.0",
        "Message-ID: <3a0c7e1f.8b2d.19dba2c3d4e.Coremail.mengjia_qlwl@163.com>",
        "X-Coremail-Locale: zh_CN",
        "X-Originating-IP: [203.0.113.23]",
    ]
    OUT[name] = mk.render(hdrs, top)
    label(name, "accepted", title=title, source_unit="黔岭市文化广电旅游局", authors=["蒙佳", "吴晓东"],
          phone="13800136123", captions=caps, fmt="body-html-cid", client="163",
          placement=["body_only", "cid_inline_photos", "captions_after_inline_image", "luokuan_one_line",
                     "wen_slash_fullwidth_space", "subject_tougao_title"],
          note="Unit from the one-line 落款 '单位　2026年4月23日' (U+3000 before the date). Captions are the lines "
               "right after each inline image; the first one is a dated sentence without 图为.")


# ------------------------------------------------------------------ 24  Outlook, plain ordinary docx with 来源/审核人
def m24() -> None:
    name = "24-docx-plain-laiyuan-outlook.eml"
    t = when(24, 9, 26, 40)
    title = "琼湾市机关事务管理局推进机关食堂“光盘行动”常态化"
    ph = mk.photo("m24-1")
    cap = "图为干部职工在市直机关食堂参与“光盘打卡”。"
    blocks = [
        ("title", title),
        ("meta", "来源：琼湾市机关事务管理局"),
        ("meta", "作者：许文静、梁超"),
        ("meta", "联系电话：13800136124"),
        ("meta", "审核人：林志坚"),
        ("p", "今年以来，琼湾市机关事务管理局把制止餐饮浪费作为机关作风建设的重要内容，在市直机关食堂持续推进“光盘行动”"
              "常态化，取得明显成效。"),
        ("p", "一是完善制度管理。修订《市直机关食堂管理办法》，推行“按需备餐、小份供应”，根据每日就餐人数动态调整采购和"
              "备餐计划，从源头上减少浪费。"),
        ("p", "二是创新供餐方式。推出半份菜、小份菜，设置“光盘打卡”自助机，就餐人员“光盘”后可获得积分，积分可兑换水果"
              "等小礼品，引导干部职工养成节约习惯。"),
        ("img", ph), ("cap", cap),
        ("p", "三是加强宣传引导。在食堂醒目位置张贴节约粮食宣传海报，在餐桌摆放提示牌，定期通报各单位“光盘”情况，营造"
              "“节约光荣、浪费可耻”的良好氛围。"),
        ("p", "据统计，一季度市直机关食堂日均餐厨垃圾量较去年同期下降18%，人均餐费支出下降6%。"),
    ]
    docx = mk.make_docx(blocks, author="许文静", when=doc_when(t, 18))
    paras = ["编辑老师：", "您好！附件是我局稿件，请审阅。", "", "许文静"]
    ba = "----=_NextPart_001_0045_01DCD3A8.7E1F2C60"
    alt = Multi([ctype_multi("alternative", ba)], ba,
                [text_leaf("\n".join(paras), "utf-8", "quoted-printable"),
                 text_leaf(outlook_html(paras), "utf-8", "quoted-printable", subtype="html")])
    bm = "----=_NextPart_000_0044_01DCD3A8.7E1F2C60"
    top = Multi([ctype_multi("mixed", bm)], bm, [alt, outlook_att(f"{title}.docx", docx, DOCX)],
                preamble="This is a multipart message in MIME format.")
    hdrs = received(t, "mail.qwjgsw-example.cn|xuwj@qwjgsw-example.cn", "192.0.2.24", "4Z3c4Tz7QxH1mZ") + [
        "From: " + ew("许文静", "utf-8")[0] + " <xuwj@qwjgsw-example.cn>",
        f"To: <{TO}>",
        "Subject: " + ew(f"投稿：{title}", "utf-8")[0],
        date_hdr(t),
        "Message-ID: <004301dcd3a8$7e1f2c60$7a5d8520$@qwjgsw-example.cn>",
        "MIME-Version: 1.0",
        "X-Mailer: Microsoft Outlook 16.0",
        "Thread-Index: AQHc06h+HyxgLbW3R02qz3F0mD1pTw==",
        "Content-Language: zh-cn",
    ]
    OUT[name] = mk.render(hdrs, top)
    label(name, "accepted", title=title, source_unit="琼湾市机关事务管理局", authors=["许文静", "梁超"],
          phone="13800136124", reviewer="林志坚", captions=[cap], fmt="docx", client="outlook",
          placement=["labels_top", "laiyuan_label", "photos_embedded", "captions_under_photo", "rfc2231_continuation",
                     "plain_ordinary"])


# ------------------------------------------------------------------ 25  126 postmaster bounce (DSN)
def m25() -> None:
    name = "25-bounce-dsn-126.eml"
    t = when(25, 7, 52, 3)
    txt = ["您好，很遗憾您的邮件未能成功发送。", "", "原邮件信息：", "    发件人：tougao@localhost",
           "    收件人：fanyl_lx@126.com", "    主　题：来稿回执：岚溪县林业局开展春季森林防火宣传",
           "    发送时间：2026-04-25 07:51:58", "", "退信原因：收件人邮箱地址不存在。",
           "", "This is the mail system at host m15-114.126.com.", "I'm sorry to have to inform you that your message "
           "could not be delivered to one or more recipients.", "<fanyl_lx@126.com>: 550 User not found: fanyl_lx@126.com"]
    dsn = ("Reporting-MTA: dns; m15-114.126.com\r\nX-Postfix-Queue-ID: 1A2B3C4D5E\r\nArrival-Date: "
           + rfcdate(2026, 4, 25, 7, 51, 58) + "\r\n\r\nFinal-Recipient: rfc822; fanyl_lx@126.com\r\n"
           "Original-Recipient: rfc822;fanyl_lx@126.com\r\nAction: failed\r\nStatus: 5.1.1\r\n"
           "Remote-MTA: dns; mx.126.com\r\nDiagnostic-Code: smtp; 550 User not found: fanyl_lx@126.com\r\n")
    orig = ("Return-Path: <tougao@localhost>\r\nFrom: tougao@localhost\r\nTo: fanyl_lx@126.com\r\n"
            "Subject: " + ew("来稿回执：岚溪县林业局开展春季森林防火宣传", "UTF-8")[0] + "\r\n"
            "Date: " + rfcdate(2026, 4, 25, 7, 51, 58) + "\r\nMessage-ID: <ack.20260425075158.9c2e@localhost>\r\n"
            "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n")
    b = "1A2B3C4D5E.1777074723/m15-114.126.com"
    top = Multi(['Content-Type: multipart/report; report-type=delivery-status;\r\n\tboundary="' + b + '"'], b, [
        Leaf(["Content-Description: Notification", "Content-Type: text/plain; charset=GBK",
              "Content-Transfer-Encoding: base64"], b64lines(mk.enc(mk.crlf("\n".join(txt)), "GBK"))),
        Leaf(["Content-Description: Delivery report", "Content-Type: message/delivery-status"], dsn),
        Leaf(["Content-Description: Undelivered Message Headers", "Content-Type: text/rfc822-headers"], orig),
    ], preamble="This is a MIME-encapsulated message.")
    hdrs = ["Return-Path: <>",
            f"Received: from m15-114.126.com ([203.0.113.114])\r\n\tby mx.localhost (Postfix) with ESMTPS id "
            f"4Z4d7Uw1RyJ4nA\r\n\tfor <{TO}>; {rfcdate(2026, 4, 25, 7, 52, 5)}",
            date_hdr(t, " (CST)"),
            "From: MAILER-DAEMON@m15-114.126.com (Mail Delivery System)",
            "Subject: " + ew("系统退信", "GBK")[0] + " Undelivered Mail Returned to Sender",
            f"To: {TO}",
            "Auto-Submitted: auto-replied",
            "MIME-Version: 1.0",
            "Message-Id: <20260424235203.7F1E2D3C4B@m15-114.126.com>"]
    OUT[name] = mk.render(hdrs, top)
    label(name, "ignored", reason="bounce", fmt="none", client="126-postmaster",
          placement=["multipart_report", "mailer_daemon", "auto_submitted_auto_replied"],
          note="DSN for one of our own acknowledgements; it also carries Auto-Submitted: auto-replied.")


# ------------------------------------------------------------------ 26  163 GBK QP, 转发：稿件, comma-mixed names, 审稿
def m26() -> None:
    name = "26-docx-forward-commas-shengao-163.eml"
    t = when(26, 9, 3, 29)
    title = "岚溪县林业局开展春季森林防火“十进”宣传"
    blocks = [
        ("title", title),
        ("meta", "作者：石  磊,韦春燕，蒙  涛"),
        ("meta", "单位：岚溪县林业局"),
        ("meta", "手机号：138 0013 6126"),
        ("meta", "审稿：杨  勇"),
        ("p", "清明前后是森林防火的关键时期。为进一步增强群众森林防火意识，4月以来，岚溪县林业局组织开展春季森林防火宣传"
              "“十进”活动，推动防火宣传进机关、进学校、进企业、进村寨、进林区、进景区、进寺庙、进家庭、进墓区、进工地。"),
        ("p", "活动中，林业局工作人员深入各乡镇，通过悬挂横幅、张贴标语、发放宣传资料、流动宣传车播放等形式，向群众宣传"
              "森林防火法律法规和安全用火常识，提醒群众文明祭扫，不在林区吸烟、烧纸、燃放鞭炮。"),
        ("p", "在青岗镇中心小学，护林员为学生们上了一堂生动的森林防火安全课，并开展“小手拉大手”活动，引导学生将防火知识"
              "带回家中。在重点林区入口，县林业局设置了防火检查站，对进山人员进行登记并劝导其交出火种。"),
        ("p", "截至目前，共悬挂宣传横幅320余条，发放宣传资料2.6万份，开展宣传活动80余场次。全县未发生森林火灾。"),
    ]
    docx = mk.make_docx(blocks, author="石磊", when=doc_when(t, 17))
    body = ["请审阅。", "", "", "", "-------- 转发邮件信息 --------",
            "发件人：\"石磊\" <shilei_lxly@126.com>", "发送日期：2026-04-25 16:20:11",
            "收件人：\"韦春燕\" <weicy_lxly@163.com>", "主题：稿件", "韦姐，稿子写好了，你看一下帮忙投一下。"]
    ba = "----=_Part_260331_1021944180.1777165409120"
    alt = Multi([ctype_multi("alternative", ba)], ba,
                [text_leaf("\n".join(body), "GBK", "quoted-printable", quoted_cs=False),
                 text_leaf(coremail_html(body), "GBK", "quoted-printable", subtype="html", quoted_cs=False)])
    bm = "----=_Part_260330_654207713.1777165409120"
    top = Multi([ctype_multi("mixed", bm)], bm,
                [alt, coremail_att("岚溪县林业局森林防火十进宣传稿件.docx", docx, DOCX, maxbytes=18)])
    hdrs = received(t, "m16-101.163.com|weicy_lxly@163.com", "203.0.113.101", "4Z5e1Vx4SzK7pB") + [
        date_hdr(t, " (CST)"),
        f'From: "{ew("韦春燕", "GBK", "Q")[0]}" <weicy_lxly@163.com>',
        f"To: {TO}",
        "Subject: " + ew("转发：稿件", "GBK", "Q")[0],
        "X-Priority: 3",
        "X-Mailer: Coremail Webmail Server Version XT5.0.14 build 20240801(9da12a7b)\r\n Copyright (c) 2002-2026 www.mailtech.cn 163com",
        "MIME-Version: 1.0",
        "Message-ID: <7c4e2a10.3d1f.19dc5b8a3e7.Coremail.weicy_lxly@163.com>",
        "X-Coremail-Locale: zh_CN",
        "X-Originating-IP: [203.0.113.101]",
    ]
    OUT[name] = mk.render(hdrs, top)
    label(name, "accepted", title=title, source_unit="岚溪县林业局", authors=["石磊", "韦春燕", "蒙涛"],
          phone="13800136126", reviewer="杨勇", fmt="docx", client="163",
          placement=["forwarded", "subject_generic", "gbk_q_encoding", "sep_ascii_and_fullwidth_comma",
                     "names_padded", "reviewer_shengao", "rfc2047_split_filename"],
          note="Separators: an ASCII comma, then a full-width comma; 石  磊, 蒙  涛 and 杨  勇 are padded two-character "
               "names. Subject and From are =?GBK?Q?; the body is GBK quoted-printable; the file name is split over "
               "several encoded words.")


# ------------------------------------------------------------------ 27  sina, body-only, no title, no phone, signature unit
def m27() -> None:
    name = "27-body-no-title-no-phone-sina.eml"
    t = when(27, 18, 7, 33)
    art = [
        "本报讯（通讯员：麦小红 陈国强）4月24日，椰澜县南岭镇召开2026年“美丽庭院”创建工作推进会，总结前期工作成效，"
        "部署下一阶段任务。全镇12个村（社区）的党组织书记、妇联主席参加会议。",
        "会议通报了一季度“美丽庭院”创建情况。今年以来，南岭镇以农村人居环境整治为抓手，发动群众开展庭院“三清三拆”，"
        "即清垃圾、清杂物、清沟渠，拆危房、拆旱厕、拆违建，共清理垃圾杂物1800余吨，拆除危旧房屋和违章建筑260余处，评选"
        "“美丽庭院”示范户312户。",
        "会上，北岸村、椰子园村党支部书记分别交流了发动群众参与庭院整治的经验做法。",
        "会议要求，各村（社区）要充分发挥党员干部的示范带头作用，通过积分评比、流动红旗等方式激发群众内生动力，推动"
        "“美丽庭院”从“一处美”向“一片美”转变，确保年底前全镇“美丽庭院”示范户达到800户以上。",
    ]
    lines = art + ["", "--", "椰澜县南岭镇人民政府"]
    sina_html = ('<div style="font-size:14px;font-family:宋体;">'
                 + "".join(f"<div>{esc(x) or '<br>'}</div>" for x in lines) + "</div>")
    ba = "=-sinamail_alt_9c8b7a6f5e4d3c2b1a0f9e8d7c6b5a49"
    top = Multi([ctype_multi("alternative", ba)], ba,
                [text_leaf("\n".join(lines), "GBK"), text_leaf(sina_html, "GBK", subtype="html")])
    hdrs = received(t, "mail3-172.sinamail.sina.com.cn|mxh_nlz@sina.com", "192.0.2.172", "4Z6f4Wy7TaL1qC") + [
        "X-Sender: mxh_nlz@sina.com",
        "X-SMAIL-MID: 7812398004127",
        date_hdr(t),
        f'From: "{ew("麦小红", "GBK")[0]}" <mxh_nlz@sina.com>',
        f"To: {TO}",
        "Subject: " + ew("投稿", "GBK")[0],
        "Message-ID: <20260427180733.6A7B8C9D0E@webmail.sina.com>",
        "MIME-Version: 1.0",
        "X-Mailer: Sina WebMail 4.0",
        "X-Priority: 3",
    ]
    OUT[name] = mk.render(hdrs, top)
    label(name, "incomplete", missing=["title", "phone"], source_unit="椰澜县南岭镇人民政府",
          authors=["麦小红", "陈国强"], fmt="body", client="sina",
          placement=["body_only", "subject_generic", "no_title", "no_phone", "lead_correspondents_colon",
                     "signature_block_dashes"],
          note="The body starts with the 本报讯 lead, which is not a title; the subject is only 投稿. The signature has "
               "the unit line only, no phone.")


# ------------------------------------------------------------------ 28  QQ, docx without any unit (我局), 和 separator
def m28() -> None:
    name = "28-docx-no-unit-he-separator-qq.eml"
    t = when(28, 12, 14, 6)
    title = "春日植树添新绿，党员先锋护青山"
    blocks = [
        ("title", title),
        ("meta", "作者：潘  婷 和 罗小军"),
        ("meta", "电话：13800136128"),
        ("p", "4月25日，我局机关党委组织50余名党员干部来到城郊的凤凰山植树点，开展“党员义务植树”主题党日活动。"),
        ("p", "活动现场，党员干部们分工协作，扶苗、培土、浇水，干得热火朝天。大家一边劳动，一边交流植树经验，现场充满了"
              "欢声笑语。经过两个多小时的努力，共栽下桂花、香樟等树苗600余株。"),
        ("p", "“植树既是为城市添绿，也是一次生动的党性教育。作为党员，就是要在小事中体现担当。”参加活动的年轻党员小周说。"),
        ("p", "活动结束前，党员们在党旗下重温入党誓词，并为新栽的树苗挂上“党员责任林”标识牌，明确专人负责后续的浇水、"
              "养护工作，确保种一棵、活一棵。"),
        ("p", "近年来，局机关党委坚持把主题党日与志愿服务、生态文明建设相结合，累计组织党员参加义务植树、河道保洁等志愿"
              "服务活动40余次，引导党员干部在服务群众、服务发展中践行初心使命。"),
    ]
    docx = mk.make_docx(blocks, author="潘婷", when=doc_when(t, 3))
    lines = ["老师好，投稿一篇，请审阅。"]
    b = "----=_NextPart_66422F71_0C5E8B3A_2D7F1E60"
    alt_b = "----=_NextPart_66422F71_0C5E8B3A_5A3C1E0F"
    alt = Multi([ctype_multi("alternative", alt_b)], alt_b,
                [text_leaf("\n".join(lines), "gb18030"), text_leaf(qq_html(lines), "gb18030", subtype="html")])
    top = Multi([ctype_multi("mixed", b)], b, [alt, qq_att("植树稿件.docx", docx)],
                preamble="This is a multi-part message in MIME format.")
    hdrs = received(t, "smtpbg71.qq.com|2067381954@qq.com", "198.51.100.71", "4Z7g7Xz1UbM4rD") + [
        "X-QQ-mid: xmsezb1t1777349646t0b4d8e2a",
        f'From: "{ew("潘婷", "gb18030")[0]}" <2067381954@qq.com>',
        f'To: "{ew("tougao", "gb18030")[0]}" <{TO}>',
        "Subject: " + ew(f"投稿：{title}", "gb18030")[0],
        "Mime-Version: 1.0",
        "Content-Transfer-Encoding: 8Bit",
        date_hdr(t),
        "X-Priority: 3",
        "Message-ID: <tencent_2E4A6C8E0A2C4E6A8C0E2A4C6E8A0C2E4A07@qq.com>",
        "X-QQ-MIME: TCMime 1.0 by Tencent",
        "X-Mailer: QQMail 2.x",
        "X-QQ-Mailer: QQMail 2.x",
    ]
    OUT[name] = mk.render(hdrs, top)
    label(name, "incomplete", missing=["source_unit"], title=title, authors=["潘婷", "罗小军"], phone="13800136128",
          fmt="docx", client="qq",
          placement=["labels_top", "sep_he", "names_padded", "no_unit", "subject_tougao_title"],
          note="The manuscript only says 我局 / 局机关党委; no unit name appears in labels, 落款, subject or signature.")


# ------------------------------------------------------------------ 29  Foxmail HTML signature, 照片N captions, 签发 with title
def m29() -> None:
    name = "29-docx-zhaopian-captions-html-signature-foxmail.eml"
    t = when(29, 10, 2, 47)
    title = "琼湾市应急管理局组织开展防汛应急演练"
    blocks = [
        ("title", title),
        ("meta", "作者：黄  丹、符国庆"),
        ("p", "为检验防汛应急预案的可操作性，提升应对强降雨、洪涝灾害的实战能力，4月27日，琼湾市应急管理局联合市水务局、"
              "消防救援支队等单位在琼湾水库下游开展2026年防汛应急综合演练。"),
        ("p", "演练模拟强降雨导致水库下游河道水位暴涨、部分村庄被洪水围困的情景，设置了险情报告、会商研判、人员转移、"
              "水上救援、堤坝抢险等8个科目。接到险情报告后，市防汛指挥部迅速启动应急响应，各救援力量按照预案分工快速"
              "集结，冲锋舟、无人机、应急通信车等装备同步投入救援。"),
        ("p", "演练现场，应急救援队员驾驶冲锋舟穿梭在模拟受灾区域，将“被困群众”安全转移；抢险队员在堤坝上紧张有序地"
              "装填沙袋、封堵管涌。整个演练历时1个半小时，各环节衔接紧密、处置高效。"),
        ("p", "市应急管理局相关负责人表示，目前全市已进入汛期，各相关单位要进一步压实防汛责任，加强值班值守和监测预警，"
              "确保安全度汛。"),
    ]
    docx = mk.make_docx(blocks, author="huangdan", when=doc_when(t, 20))
    photos = jpeg_names("m29", 2)
    caps = ["应急救援队员驾驶冲锋舟转移“被困群众”。", "抢险队员在堤坝上装填沙袋封堵管涌。"]
    body = ["您好，附件为我局稿件及2张照片，请审阅。", f"照片1：{caps[0]}", f"照片2：{caps[1]}",
            "签发：陈  刚（局党组成员、副局长）"]
    sig = ["黄丹", "琼湾市应急管理局", "手机：１３８ ００１３ ６１２９"]
    plain = body + ["", "", "", ""] + sig
    fox_html = ('<html><head><meta http-equiv="content-type" content="text/html; charset=UTF-8"><style>body '
                '{ line-height: 1.5; }body { font-size: 14px; font-family: "Microsoft YaHei UI"; color: rgb(0, 0, 0); '
                'line-height: 1.5; }</style></head><body>\n'
                + "".join(f"<div>{esc(x)}</div>" for x in body)
                + '<div><br></div><hr style="width: 210px; height: 1px;" color="#b5c4df" size="1" align="left">\n'
                '<div><span><div style="MARGIN: 10px; FONT-FAMILY: verdana; FONT-SIZE: 10pt">'
                '<table border="0" cellpadding="0" cellspacing="0"><tr><td style="border-left:3px solid #1f5fa8;'
                'padding-left:8px"><div style="font-weight:bold;color:#1f5fa8">' + esc(sig[0]) + "</div>"
                + "".join(f'<div style="color:#666666">{esc(s)}</div>' for s in sig[1:])
                + "</td></tr></table></div></span></div></body></html>")
    ba = "----=_002_NextPart627183940551_=----"
    alt = Multi([ctype_multi("alternative", ba)], ba,
                [text_leaf("\n".join(plain), "UTF-8"), text_leaf(fox_html, "UTF-8", "quoted-printable",
                                                                 subtype="html")])
    bm = "----=_001_NextPart318205746193_=----"
    top = Multi([ctype_multi("mixed", bm)], bm, [
        alt, foxmail_att("防汛应急演练稿件.docx", docx, "UTF-8"),
        Leaf(['Content-Type: application/octet-stream;\r\n\tname="DSC_0412.JPG"', "Content-Transfer-Encoding: base64",
              'Content-Disposition: attachment;\r\n\tfilename="DSC_0412.JPG"'], b64lines(photos[0])),
        Leaf(['Content-Type: application/octet-stream;\r\n\tname="DSC_0418.JPG"', "Content-Transfer-Encoding: base64",
              'Content-Disposition: attachment;\r\n\tfilename="DSC_0418.JPG"'], b64lines(photos[1])),
    ], preamble="This is a multi-part message in MIME format.")
    hdrs = received(t, "smtpbgau1.qq.com|huangdan_qwyj@foxmail.com", "198.51.100.91", "4Z8h1Ya4VcN7sE") + [
        date_hdr(t),
        f'From: "{ew("黄丹", "UTF-8")[0]}" <huangdan_qwyj@foxmail.com>',
        f"To: tougao <{TO}>",
        "Subject: " + ew(f"投稿 {title}", "UTF-8")[0],
        "X-Priority: 3",
        "X-Has-Attach: yes",
        "X-Mailer: Foxmail 7.2.25.375[cn]",
        "Mime-Version: 1.0",
        "Message-ID: <202604291002470823316@foxmail.com>",
    ]
    OUT[name] = mk.render(hdrs, top)
    label(name, "accepted", title=title, source_unit="琼湾市应急管理局", authors=["黄丹", "符国庆"],
          phone="13800136129", reviewer="陈刚", captions=caps, fmt="docx", client="foxmail-utf8",
          placement=["html_signature", "phone_fullwidth_spaced", "captions_body_zhaopian", "photos_attached",
                     "reviewer_qianfa_with_title", "names_padded", "combo"],
          note="Combination: unit and phone only in the Foxmail HTML signature (phone in full-width digits with "
               "spaces); captions as 照片1：/照片2： lines in the body (prefix removed like 图1：); 签发：陈  刚（…） — "
               "padded name followed by the title in brackets.")


# ------------------------------------------------------------------ 30  iPhone one-line signature with landline+extension
def m30() -> None:
    name = "30-docx-iphone-oneline-signature-extension.eml"
    t = when(29, 21, 33, 18)
    title = "椰澜县审计局以“三个强化”推动审计整改落地见效"
    blocks = [
        ("title", title),
        ("meta", "文/符丽 陈海波"),
        ("meta", "审核：王建军"),
        ("p", "今年以来，椰澜县审计局坚持把审计整改作为审计工作的“后半篇文章”，通过“三个强化”推动审计查出问题整改到位。"),
        ("h", "（一）强化责任落实"),
        ("p", "建立审计整改“对账销号”制度，将审计查出的问题逐项分解到被审计单位，明确整改责任人、整改措施和完成时限，"
              "整改完成一项、销号一项。"),
        ("h", "（二）强化跟踪督促"),
        ("p", "对整改难度较大的问题，实行“一问题一台账”跟踪管理，审计组定期上门了解整改进展，对整改不力的单位进行约谈提醒。"),
        ("h", "（三）强化结果运用"),
        ("p", "将审计整改情况纳入县直单位年度绩效考核，与纪检监察、组织人事等部门建立协作机制，推动审计结果和整改情况作为"
              "干部考核、任免的重要参考。"),
        ("p", "截至目前，2025年度审计查出的68个问题已整改完成61个，整改率达89.7%，推动建立健全制度23项。"),
    ]
    docx = mk.make_docx(blocks, author="符丽", when=doc_when(t, 5))
    bnd = "Apple-Mail-0E9D8C7B-6A5F-4E3D-2C1B-0A9F8E7D6C5B"
    top = Multi([f"Content-Type: multipart/mixed; boundary={bnd}", "Content-Transfer-Encoding: 7bit"], bnd, [
        text_leaf("稿件见附件，请审阅。\n椰澜县审计局 符丽 0898-66773030转805", "utf-8", quoted_cs=False),
        iphone_att("审计整改稿件.docx", docx, DOCX),
        text_leaf("\n\n发自我的iPhone", "utf-8", quoted_cs=False),
    ])
    hdrs = received(t, "smtp.qq.com|3382901746@qq.com", "198.51.100.30", "4Z9i4Zb7WdP1tF") + [
        "From: " + ew("符丽", "utf-8")[0] + " <3382901746@qq.com>",
        "Mime-Version: 1.0 (1.0)",
        date_hdr(t),
        "Subject: " + ew("审计局稿件", "utf-8")[0],
        "Message-Id: <0E9D8C7B-6A5F-4E3D-2C1B-0A9F8E7D6C5B@qq.com>",
        f"To: {TO}",
        "X-Mailer: iPhone Mail (22E240)",
    ]
    OUT[name] = mk.render(hdrs, top)
    label(name, "accepted", title=title, source_unit="椰澜县审计局", authors=["符丽", "陈海波"],
          phone="0898-66773030-805", reviewer="王建军", fmt="docx", client="iphone",
          placement=["mobile_signature_one_line", "landline_extension_zhuan", "wen_slash_space", "reviewer_shenhe",
                     "iphone_split_text_parts", "combo"],
          note="Unit and phone only in the one-line signature typed above 发自我的iPhone: '椰澜县审计局 符丽 "
               "0898-66773030转805'.")


# ------------------------------------------------------------------ 31  网易邮箱大师 PC, U+3000 separators, 图N in body, camera names
def m31() -> None:
    name = "31-docx-fullwidth-sep-captions-body-mailmaster.eml"
    t = when(30, 9, 17, 50)
    title = "筑南区税务局开展“税惠春风进企业”政策宣讲"
    blocks = [
        ("title", title),
        ("meta", "供稿单位：国家税务总局黔岭市筑南区税务局"),
        ("meta", "作者：李春燕　王  磊　何  琳"),
        ("meta", "联系电话：138 0013 6131"),
        ("p", "4月28日，国家税务总局黔岭市筑南区税务局组织青年业务骨干组成“税惠春风”宣讲小分队，走进筑南经济开发区，"
              "为园区企业送上税费优惠政策“及时雨”。"),
        ("p", "宣讲会上，宣讲人员结合企业所属行业特点，重点解读了研发费用加计扣除、先进制造业企业增值税加计抵减、小型"
              "微利企业所得税优惠等政策，并现场演示了电子税务局相关功能的操作流程。"),
        ("p", "宣讲结束后，税务干部深入生产车间，与企业负责人、财务人员面对面交流，了解企业在发展中遇到的涉税难题，对能够"
              "现场解答的当场答复，对需要进一步研究的建立问题台账，承诺限时回复。"),
        ("p", "“税务部门送政策上门，讲得清楚、算得明白，我们对用好优惠政策更有信心了。”黔岭恒达机械制造有限公司财务负责人说。"),
        ("p", "今年以来，筑南区税务局已开展各类政策宣讲活动18场，覆盖企业1100余户。"),
    ]
    docx = mk.make_docx(blocks, author="李春燕", when=doc_when(t, 22))
    photos = jpeg_names("m31", 3)
    caps = ["税务干部向企业财务人员讲解最新优惠政策。", "税务干部在生产车间了解企业涉税需求。", None]
    lines = ["编辑老师好，稿件及照片见附件。", f"图1：{caps[0]}", f"图2：{caps[1]}", "谢谢！", "", "李春燕"]
    html_b = ('<div style="font-family:\'微软雅黑\';font-size:14px;color:#000000">'
              + "".join(f"<div>{esc(x) or '<br>'}</div>" for x in lines)
              + '</div><div id="ntes-pcmail-signature" style="font-family:\'微软雅黑\'"><div style="font-size:12px;'
              'color:#999999">发自网易邮箱大师</div></div>')
    ba = "----=_Part_31_2093318871.1777511870422"
    alt = Multi([ctype_multi("alternative", ba)], ba,
                [text_leaf("\n".join(lines + ["", "发自网易邮箱大师"]), "UTF-8", quoted_cs=False),
                 text_leaf(html_b, "UTF-8", subtype="html", quoted_cs=False)])
    bm = "----=_Part_30_1102993442.1777511870422"
    parts = [alt, coremail_att("税惠春风进企业.docx", docx, DOCX, cs="UTF-8")]
    for fn, p in zip(["IMG_20260428_101233.jpg", "IMG_20260428_103517.jpg", "IMG_20260428_110842.jpg"], photos):
        parts.append(Leaf([f'Content-Type: image/jpeg; name="{fn}"', "Content-Transfer-Encoding: base64",
                           f'Content-Disposition: attachment; filename="{fn}"'], b64lines(p)))
    top = Multi([ctype_multi("mixed", bm)], bm, parts)
    hdrs = received(t, "m16-131.163.com|lichy_znsw@163.com", "203.0.113.131", "4Z0j7Ac1XeQ4uG") + [
        date_hdr(t, " (CST)"),
        f'From: "{ew("李春燕", "UTF-8")[0]}" <lichy_znsw@163.com>',
        f"To: {TO}",
        "Subject: " + ew(f"筑南区税务局投稿：{title}", "UTF-8")[0],
        "MIME-Version: 1.0",
        "Message-ID: <4d8e2f6a.9c1b.19de0f7a3b5.Coremail.lichy_znsw@163.com>",
        "X-Mailer: MailMasterPC/4.20.2.1004 (Windows 11 24H2)",
        "X-CUSTOM-MAIL-MASTER-SENT-ID: 4F3A2B1C-0D9E-8F7A-6B5C-4D3E2F1A0B9C",
    ]
    OUT[name] = mk.render(hdrs, top)
    label(name, "accepted", title=title, source_unit="国家税务总局黔岭市筑南区税务局", authors=["李春燕", "王磊", "何琳"],
          phone="13800136131", captions=caps, fmt="docx", client="mailmaster-pc",
          placement=["labels_top", "sep_fullwidth_space", "names_padded", "captions_body_tu", "photos_attached",
                     "camera_filenames", "caption_missing_third", "combo"],
          note="Three camera-named JPEGs; the body gives 图1：/图2： only, so the third photo has no caption (null). "
               "Names: U+3000 separates them, two ASCII spaces pad 王  磊 and 何  琳. The subject's unit part "
               "筑南区税务局 is an abbreviation; the labelled unit is the manuscript's 供稿单位 line.")


# ------------------------------------------------------------------ 32  Alimail, 请审阅, 拟稿人, mobile then office landline, 落款
def m32() -> None:
    name = "32-docx-qingshenyue-luokuan-alimail.eml"
    t = when(30, 17, 45, 2)
    title = "筑南区举办新时代文明实践“理论宣讲大比武”"
    ph = mk.photo("m32-1")
    cap = "图为宣讲员在决赛现场进行宣讲。"
    blocks = [
        ("title", title),
        ("p", "4月28日，筑南区新时代文明实践“理论宣讲大比武”决赛在区新时代文明实践中心举行，经过初赛选拔的16名基层宣讲员"
              "同台比拼。"),
        ("p", "比赛中，选手们紧扣党的创新理论，结合基层实践和身边故事，用通俗易懂的语言、生动鲜活的事例，讲政策、讲变化、"
              "讲发展，既有理论深度，又有生活温度。来自桂馨街道的社区网格员刘敏以《网格里的“小事”》为题，讲述了网格员"
              "帮助居民解决急难愁盼问题的故事，赢得现场阵阵掌声。"),
        ("img", ph), ("cap", cap),
        ("p", "评委从宣讲内容、语言表达、现场效果等方面进行综合评分，最终评选出一等奖2名、二等奖4名、三等奖6名。获奖选手"
              "将纳入区级宣讲人才库，深入机关、社区、企业、学校开展巡回宣讲。"),
        ("p", "据悉，筑南区现有各类基层宣讲队伍56支、宣讲员800余名，今年以来累计开展宣讲活动1200余场次。"),
        ("blank",),
        ("meta", "拟稿人：唐宁 吴志鹏"),
        ("meta", "手机：138 0013 6132，办公室：0851-8866 3200"),
        ("right", "黔岭市筑南区委宣传部"),
        ("right", "2026年4月29日"),
    ]
    docx = mk.make_docx(blocks, author="tangning", when=doc_when(t, 24))
    lines = ["老师好，请审阅。"]
    html_b = ('<div class="__aliyun_email_body_block"><div  style="line-height:1.7;font-family:Tahoma,Arial,STHeiti,'
              'SimSun;font-size:14.0px;color:#000000;"><div  style="clear:both;">老师好，请审阅。</div></div></div>')
    ba = "----=ALIBOUNDARY_91327_7f2b4c6d8e00_6631a6c2_51e2b"
    alt = Multi([ctype_multi("alternative", ba)], ba,
                [text_leaf("\n".join(lines), "UTF-8", quoted_cs=False),
                 text_leaf(html_b, "UTF-8", subtype="html", quoted_cs=False)])
    bm = "----=ALIBOUNDARY_91326_7f2b4c6d8e00_6631a6c2_51e2a"
    top = Multi([ctype_multi("mixed", bm)], bm, [alt, utf8_att("理论宣讲大比武.docx", docx, DOCX)])
    hdrs = received(t, "out30-99.freemail.mail.aliyun.com|tangning_zn@aliyun.com", "192.0.2.99",
                    "4Z1k1Bd4YfR7vH") + [
        "X-Alimail-AntiSpam: AC=CONTINUE;BC=0.06511938|-1;CH=green;DM=|CONTINUE|false|;DS=CONTINUE|ham_regular_dialog|0.0098;FP=0|0|0|0|0|-1|-1|-1;HT=ay29a033018047212;MF=tangning_zn@aliyun.com;NM=1;PH=DS;RN=1;SR=0;TI=SMTPD_---0WR8aBc_1777542302;",
        date_hdr(t),
        f'From: "{ew("唐宁", "UTF-8")[0]}" <tangning_zn@aliyun.com>',
        f'To: "tougao" <{TO}>',
        "Message-ID: <8a7b6c5d-4e3f-4a2b-9c1d-0e9f8a7b6c5d.tangning_zn@aliyun.com>",
        "Subject: " + ew("请审阅", "UTF-8")[0],
        "X-Mailer: Alimail-Mailagent revision 4",
        "MIME-Version: 1.0",
    ]
    OUT[name] = mk.render(hdrs, top)
    label(name, "accepted", title=title, source_unit="黔岭市筑南区委宣传部", authors=["唐宁", "吴志鹏"],
          phone="13800136132", captions=[cap], fmt="docx", client="alimail",
          placement=["subject_generic", "luokuan_two_lines", "nigaoren", "mobile_then_landline", "photos_embedded",
                     "captions_under_photo", "no_reviewer", "combo"],
          note="Mobile written first, then the office landline: the label is the mobile.")


def main() -> None:
    for f in (m01, m02, m03, m04, m05, m06, m07, m08, m09, m10, m11, m12, m13, m14, m15, m16):
        f()
    m17(pdf17_source())
    for f in (m18, m19, m20, m21, m22, m23, m24, m25, m26, m27, m28, m29, m30, m31, m32):
        f()
    for old in HERE.glob("*.eml"):
        if old.name not in OUT:
            old.unlink()
    for name, data in OUT.items():
        (HERE / name).write_bytes(data)
    ordered = dict(sorted(LABELS.items()))
    (HERE / "labels.json").write_text(json.dumps(ordered, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {len(OUT)} mails and labels.json")


if __name__ == "__main__":
    main()
