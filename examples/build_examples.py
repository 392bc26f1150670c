#!/usr/bin/env python3
"""Build the sample submissions in examples/ (NN-name.eml + expected.json).

Same generator library as the test corpus (tests/data/mailgen.py); deterministic, so
re-running produces byte-identical files.  All texts, units, people and numbers are
invented.  Needs python-docx, Pillow, pypdf and LibreOffice (`soffice`) for 13/14.

    .venv/bin/python examples/build_examples.py
"""
# ruff: noqa: E501 -- fixture text: long Chinese lines stay unwrapped

from __future__ import annotations

import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tests", "data"))

from build_corpus import ctx, label  # noqa: E402
from mailgen import (  # noqa: E402
    Article,
    Att,
    Photo,
    build_bounce,
    build_mail,
    large_link_163,
    make_rar5,
    make_tnef,
    make_zip,
    when,
)

EXAMPLES = []


def example(fn):
    EXAMPLES.append(fn)
    return fn


@example
def docx_with_photos():
    unit, title = "青禾市机关事务管理局", "青禾市机关事务管理局开展“节能宣传周”系列活动"
    photos = [Photo(1001, "图为党员志愿者在机关大院向干部职工发放节能宣传手册。", size=(1600, 1200)),
              Photo(1002, "图为工作人员演示智能照明控制系统。", size=(1600, 1200))]
    a = Article(title, "saving", ctx(unit, 2, "市行政中心广场"),
                head=[f"来源：{unit}", "作者：张晓岚、李明哲", "联系电话：13800138000", "审核：王建国"],
                photos=photos, credit="（摄影：李明哲）")
    mail = build_mail("ex01", "163", ("张晓岚", "qh_zhangxl2026@163.com"), f"{unit}+{title}", when(2, 9, 30),
                      text=f"编辑老师您好：\n    现报送稿件《{title}》，文中配图两张，请审阅。\n\n张晓岚\n{unit}",
                      attachments=[Att(f"{unit}开展节能宣传周系列活动（含图片）.docx", a.docx())])
    return mail, label("accepted", title=title, unit=unit, authors=["张晓岚", "李明哲"], phone="13800138000",
                       reviewer="王建国", photos=photos, photo_credit="李明哲", fmt="docx", client="163",
                       placement=["labels_top", "photos_embedded", "attname_rfc2047_gbk_split"])


@example
def separate_photos_captions_in_body():
    unit, title = "云岭县农业农村局", "云岭县农业农村局驻村工作队帮助柳湾村打开春笋销路"
    photos = [Photo(1011, "驻村工作队员与村民一起采挖春笋", numbered=True, size=(2400, 1800), big=True,
                    filename="IMG_20260303_093012.jpg"),
              Photo(1012, "村党支部书记在线上店铺直播推介春笋", numbered=True, size=(800, 600), orientation=6,
                    filename="IMG_20260303_101544.jpg"),
              Photo(1013, "机关食堂采购的首批春笋装车", numbered=True, size=(640, 480), filename="微信图片_20260303.jpg")]
    a = Article(title, "village", ctx(unit, 3, "云岭县柳湾村"),
                head=[f"来源：{unit}", "作者：何文彬", "联系电话：138 0013 8015"])
    body = ("您好！附件是稿件和三张照片，图片说明如下：\n"
            + "\n".join(p.caption_line(i + 1) for i, p in enumerate(photos)) + "\n（摄影：何文彬）\n")
    mail = build_mail("ex02", "qq", ("何文彬", "2200918836@qq.com"), f"【{unit}】{title}", when(3, 10, 0), text=body,
                      attachments=[Att(f"{title}.docx", a.docx())] + [Att(p.filename, p.data) for p in photos])
    return mail, label("accepted", title=title, unit=unit, authors=["何文彬"], phone="13800138015", photos=photos,
                       photo_credit="何文彬", fmt="docx", client="qq",
                       placement=["labels_top", "photos_separate", "captions_in_body", "photo_1mb_plus",
                                  "exif_orientation", "attname_rfc2047_gb18030"])


@example
def body_only_article():
    unit, title = "中共青禾市委直属机关工委", "市直机关青年干部“喆思读书会”举行首场分享活动"
    a = Article(title, "youth", ctx(unit, 4, "市直机关党员教育中心"),
                head=[f"来源：{unit}", "作者：王喆", "联系电话：13800138020", "审核：邓丽萍"])
    mail = build_mail("ex03", "foxmail", ("王喆", "wangzhe_jggw@foxmail.com"), f"投稿：{title}", when(4, 15, 20),
                      text=a.text())
    return mail, label("accepted", title=title, unit=unit, authors=["王喆"], phone="13800138020", reviewer="邓丽萍",
                       fmt="body-plain", client="foxmail", placement=["labels_top", "gb2312_label_gbk_chars"])


@example
def gbk_txt_manuscript():
    unit, title = "青禾市统计局", "青禾市统计局开展“统计开放日”活动"
    a = Article(title, "service", ctx(unit, 5, "市统计局一楼大厅"),
                head=["作者：郑晓雯", "联系电话：13800138004"], tail=["", unit, "2026年3月5日"])
    mail = build_mail("ex04", "163", ("郑晓雯", "zhengxw_tj@163.com"), "统计开放日活动稿件", when(5, 11, 0),
                      text="老师好，稿件为txt文本，请查收。",
                      attachments=[Att("统计开放日活动.txt", a.text(sep="\r\n").encode("gbk"))])
    return mail, label("accepted", title=title, unit=unit, authors=["郑晓雯"], phone="13800138004",
                       fmt="txt-gbk", client="163", placement=["labels_top", "luokuan_unit_date"])


@example
def missing_phone():
    unit, title = "青禾市档案馆", "市档案馆举办“红色档案”主题展览"
    a = Article(title, "redtour", ctx(unit, 6, "市档案馆展厅"), head=[f"来源：{unit}", "作者：罗欣然"])
    mail = build_mail("ex05", "163", ("罗欣然", "luoxinran_dag@163.com"), title, when(6, 9, 5), text="请审阅附件。",
                      attachments=[Att(f"{title}.docx", a.docx())])
    return mail, label("incomplete", missing=["phone"], title=title, unit=unit, authors=["罗欣然"],
                       fmt="docx", client="163", placement=["labels_top"])


@example
def missing_source_unit():
    title = "机关党员志愿者清扫背街小巷"
    a = Article(title, "garbage", ctx("我们", 7, "老城区背街小巷"), head=["作者：郭晨阳", "手机：13800138034"])
    mail = build_mail("ex06", "qq", ("郭晨阳", "715536902@qq.com"), title, when(7, 20, 0), text="投一篇稿子",
                      attachments=[Att(f"{title}.docx", a.docx())])
    return mail, label("incomplete", missing=["source_unit"], title=title, authors=["郭晨阳"], phone="13800138034",
                       fmt="docx", client="qq", placement=["labels_top"])


@example
def auto_reply():
    mail = build_mail("ex07", "163", ("张晓岚", "qh_zhangxl2026@163.com"), "自动回复：稿件已收到 [TG-20260302-0001]",
                      when(2, 9, 31), text="您好，您的邮件已收到，我将尽快处理。\n本邮件为自动回复，请勿直接回复。",
                      extra_headers=[("Auto-Submitted", "auto-replied"),
                                     ("In-Reply-To", "<ack-20260302-0001@localhost>")])
    return mail, label("ignored", "auto_reply", client="163", fmt="none")


@example
def bounce():
    mail = build_bounce("ex08", "no_such_user_qh@163.com", "稿件已收到：《机关读书月》 [TG-20260308-0003]",
                        when(8, 10, 0, 9))
    return mail, label("ignored", "bounce", client="mailer-daemon", fmt="none")


@example
def no_manuscript():
    mail = build_mail("ex09", "qq", ("周子涵", "1876620395@qq.com"), "稿件", when(9, 8, 0), text="请查收")
    return mail, label("rejected", "no_manuscript", client="qq", fmt="none")


@example
def outlook_rfc2231_names():
    unit, title = "青禾市自然资源和规划局", "青禾市自然资源和规划局开展耕地保护宣传月活动"
    photos = [Photo(1021, "图为工作人员向村民讲解耕地保护政策。", filename="耕地保护宣传月活动现场照片（一）.jpg")]
    a = Article(title, "volunteer", ctx(unit, 10, "云岭县石桥镇"),
                head=[f"来源：{unit}", "撰稿：陈思远", "联系电话：0571-8765 4321", "签发：孙立新"])
    body = f"各位老师：\n\n报送稿件一篇，照片一张。\n图片说明：{photos[0].caption}\n\n陈思远\n{unit}办公室"
    mail = build_mail("ex10", "outlook", ("陈思远", "chensy@zrzy.qinghe.gov.example"), title, when(10, 14, 30),
                      text=body, attachments=[Att(f"{unit}关于开展耕地保护宣传月活动的信息稿件.docx", a.docx()),
                                              Att(photos[0].filename, photos[0].data)])
    return mail, label("accepted", title=title, unit=unit, authors=["陈思远"], phone="0571-87654321",
                       reviewer="孙立新", photos=photos, fmt="docx", client="outlook",
                       placement=["labels_top", "landline_spaced", "attname_rfc2231", "photos_separate"])


@example
def large_attachment_link():
    text, html = large_link_163("青禾市水利局防汛演练稿件及视频.zip", "112.40M", "2026年4月10日 10:20", "ex11")
    mail = build_mail("ex11", "163", ("彭博", "pengbo_slj@163.com"), "防汛演练稿件及视频（超大附件）", when(11, 10, 20),
                      text=text, html=html)
    return mail, label("rejected", "external_link", client="163", fmt="link-163")


@example
def secrecy_marker():
    unit, title = "青禾市财政局机关党委", "财政局机关党委研究部署年度巡察整改工作"
    a = Article(title, "integrity", ctx(unit, 12, "局机关会议室"), pre_title=["内部资料　注意保密"],
                head=[f"来源：{unit}", "作者：吴海峰", "联系电话：13800138003", "审核：冯毅"])
    mail = build_mail("ex12", "163", ("吴海峰", "wuhaifeng_cz@163.com"), f"{unit}+{title}", when(12, 16, 0),
                      text="请审阅。", attachments=[Att(f"{title}.docx", a.docx())])
    return mail, label("held", "secrecy_marker", title=title, unit=unit, authors=["吴海峰"], phone="13800138003",
                       reviewer="冯毅", fmt="docx", client="163", placement=["labels_top", "secrecy_in_text"])


@example
def doc_manuscript():
    unit, title = "青禾市水利局", "青禾市水利局党员突击队开展汛前隐患排查"
    photos = [Photo(1031, "图为党员突击队员检查水闸启闭设备。")]
    a = Article(title, "flood", ctx(unit, 13, "青禾河沿线"),
                head=[f"报送单位：{unit}", "作者：彭博 曾凡", "联系方式：13800138010", "审定：邓丽萍"], photos=photos)
    mail = build_mail("ex13", "126", ("彭博", "pengbo_slj@126.com"), f"{unit}+{title}", when(13, 9, 0),
                      text="附件为Word 97-2003文档。", attachments=[Att(f"{title}.doc", a.doc())])
    return mail, label("accepted", title=title, unit=unit, authors=["彭博", "曾凡"], phone="13800138010",
                       reviewer="邓丽萍", photos=photos, fmt="doc", client="126",
                       placement=["labels_top", "authors_spaces", "photos_embedded"])


@example
def pdf_manuscript():
    unit, title = "青禾市教育局", "青禾市教育局举办机关干部公文写作培训"
    a = Article(title, "training", ctx(unit, 14, "局机关报告厅"),
                tail=["", "（撰稿：高翔　联系电话：13800138011）", unit, "2026年3月14日"])
    mail = build_mail("ex14", "outlook", ("高翔", "gaoxiang@jyj.qinghe.gov.example"), title, when(14, 17, 0),
                      text="您好：\n\n稿件为PDF格式，请查收。", attachments=[Att(f"{title}.pdf", a.pdf())])
    return mail, label("accepted", title=title, unit=unit, authors=["高翔"], phone="13800138011",
                       fmt="pdf", client="outlook", placement=["luokuan_unit_date", "labels_bottom"])


@example
def zip_gbk_names():
    unit, title = "青禾市图书馆", "青禾市图书馆“送书进机关”活动走进市直单位"
    photos = [Photo(1041, "机关干部在流动书架前选书", numbered=True), Photo(1042, "图书馆馆员为干部办理借书证", numbered=True)]
    a = Article(title, "reading", ctx(unit, 15, "市行政中心"),
                head=[f"来源：{unit}", "作者：宋佳", "联系电话：13800138018"],
                tail=["", "图片说明："] + [p.caption_line(i + 1) for i, p in enumerate(photos)])
    z = make_zip([("送书进机关/送书进机关稿件.docx", a.docx()), ("送书进机关/图1.jpg", photos[0].data),
                  ("送书进机关/图2.jpg", photos[1].data)], gbk_names=True)
    mail = build_mail("ex15", "163", ("宋佳", "songjia_tsg@163.com"), f"{unit}+{title}", when(15, 9, 40),
                      text="稿件和照片打包发送，请查收。", attachments=[Att("送书进机关.zip", z)])
    return mail, label("accepted", title=title, unit=unit, authors=["宋佳"], phone="13800138018", photos=photos,
                       fmt="zip-gbk", client="163", placement=["labels_top", "captions_listed_in_manuscript"])


@example
def raw_gbk_filename():
    unit, title = "青禾市统计局", "青禾市统计局党支部开展“清廉机关”主题党日"
    a = Article(title, "integrity", ctx(unit, 16, "局机关"), head=[f"来源：{unit}", "作者：陈镕", "联系电话：13800138027"])
    mail = build_mail("ex16", "oe", ("陈镕", "chenrong@tjj.qinghe.gov.example"), "主题党日稿件", when(16, 16, 40),
                      text=f"您好！\n附件是{unit}的稿件，请审阅。\n陈镕\n", header_label="gb2312", alternative=False,
                      attachments=[Att("清廉机关主题党日.docx", a.docx())])
    return mail, label("accepted", title=title, unit=unit, authors=["陈镕"], phone="13800138027", fmt="docx",
                       client="oe", placement=["labels_top", "attname_raw8bit_gbk", "gb2312_label_gbk_chars"])


@example
def rar_with_form_table():
    unit, title = "青禾市审计局", "青禾市审计局举办“审计开放日”活动"
    photos = [Photo(1061, "市民代表参观审计业务展板", filename="市民代表参观审计业务展板.jpg", size=(1600, 1200))]
    a = Article(title, "service", ctx(unit, 17, "市审计局"),
                form=[["作者", "丁一、马晓二", "联系电话", "13800138040"], ["单位", unit, "审核人", "陈立诚"]])
    rar = make_rar5([(f"审计开放日/{title}.docx", a.docx()), (f"审计开放日/{photos[0].filename}", photos[0].data)])
    mail = build_mail("ex17", "163", ("丁一", "dingyi_sjj@163.com"), f"{unit}投稿", when(17, 10, 10),
                      text="稿件和原图用WinRAR打包发送，稿件信息填在文中的信息表里。", attachments=[Att("审计开放日.rar", rar)])
    return mail, label("accepted", title=title, unit=unit, authors=["丁一", "马晓二"], phone="13800138040",
                       reviewer="陈立诚", photos=photos, fmt="rar5", client="163",
                       placement=["form_table", "captions_from_filenames"])


@example
def outlook_winmail_dat():
    unit, title = "青禾市人民防空办公室", "青禾市人防办开展防空警报试鸣宣传活动"
    photos = [Photo(1071, "图为工作人员向市民讲解防空警报信号。", size=(1600, 1200))]
    a = Article(title, "service", ctx(unit, 18, "人民广场"), photos=photos,
                head=[f"来源：{unit}", "作者：司马远", "联系电话：13800138041"], credit="（司马远 摄）")
    tnef = make_tnef([(f"{title}.docx".encode("gbk"), a.docx()), ("DSC_1071.jpg".encode("gbk"), photos[0].data)])
    mail = build_mail("ex18", "outlook", ("司马远", "simayuan@rfb.qinghe.gov.example"), f"{unit}投稿",
                      when(18, 10, 45), text="附件是稿件和原图，请审阅。",
                      attachments=[Att("winmail.dat", tnef, ctype="application/ms-tnef")])
    return mail, label("accepted", title=title, unit=unit, authors=["司马远"], phone="13800138041", photos=photos,
                       photo_credit="司马远", fmt="docx-in-tnef", client="outlook",
                       placement=["labels_top", "photos_embedded", "winmail_dat"])


@example
def web_form_noreply():
    unit, title = "青禾市图书馆", "市图书馆党员志愿服务队走进柳荫社区"
    a = Article(title, "volunteer", ctx(unit, 19, "柳荫社区"),
                head=[f"来源：{unit}", "作者：白若溪", "联系电话：13800138090"])
    text = ("网站投稿表单提交通知\n\n投稿人：白若溪\n单位：青禾市图书馆\n联系电话：13800138090\n"
            f"稿件标题：{title}\n\n稿件见附件。本邮件由网站投稿系统自动发送，请勿直接回复。")
    mail = build_mail("ex19", "plain", ("青禾党建网投稿系统", "noreply@form.qinghe.gov.example"),
                      f"【网站投稿】{title}", when(19, 16, 40), text=text,
                      attachments=[Att(f"{title}.docx", a.docx())],
                      extra_headers=[("Auto-Submitted", "auto-generated"), ("X-Mailer", "PHPMailer 6.9.1")])
    return mail, label("accepted", title=title, unit=unit, authors=["白若溪"], phone="13800138090", fmt="docx",
                       client="web-form", placement=["labels_top", "noreply_sender", "auto_generated"],
                       warnings=["not_answered_automatic_sender"],
                       note="a web form's mail: registered and sent to the reviewers, nobody answered automatically")


@example
def spam_flagged():
    mail = build_mail("ex20", "plain", ("发票代开", "fp_service2026@mail.example"), "代开各类发票 税点优惠",
                      when(20, 3, 12), text="您好：本公司可代开增值税发票，税点优惠，欢迎来电咨询。",
                      extra_headers=[("X-Spam-Flag", "YES"),
                                     ("X-Spam-Status", "Yes, score=9.3 required=5.0 tests=BAYES_99,RDNS_NONE"),
                                     ("X-Spam-Level", "*********")])
    return mail, label("ignored", "spam", client="spamassassin", fmt="none",
                       note="marked by the site's SpamAssassin: kept, never answered")


@example
def reply_to_shared_mailbox():
    unit, title = "青禾市民政局", "市民政局开展“敬老月”走访慰问活动"
    a = Article(title, "elderly", ctx(unit, 21, "市社会福利院"),
                head=[f"来源：{unit}", "作者：钟雨桐", "联系电话：13800138091"])
    mail = build_mail("ex21", "163", ("民政局办公室", "qh_mzj_bgs@163.com"), f"{unit}+{title}", when(21, 10, 5),
                      text=f"编辑老师好：\n    受钟雨桐同志委托，报送稿件《{title}》，有事请直接联系作者。\n\n民政局办公室",
                      attachments=[Att(f"{title}.docx", a.docx())],
                      extra_headers=[("Reply-To", "zhongyt_mzj@163.com")])
    return mail, label("accepted", title=title, unit=unit, authors=["钟雨桐"], phone="13800138091", fmt="docx",
                       client="163", placement=["labels_top", "reply_to_author"],
                       note="a unit's shared mailbox sends on the author's behalf: the acknowledgement goes to Reply-To")


NAMES = {
    "docx_with_photos": "01-docx-with-photos",
    "separate_photos_captions_in_body": "02-separate-photos-captions-in-body",
    "body_only_article": "03-body-only-article",
    "gbk_txt_manuscript": "04-gbk-txt-manuscript",
    "missing_phone": "05-missing-phone",
    "missing_source_unit": "06-missing-source-unit",
    "auto_reply": "07-auto-reply",
    "bounce": "08-bounce",
    "no_manuscript": "09-no-manuscript",
    "outlook_rfc2231_names": "10-outlook-rfc2231-names",
    "large_attachment_link": "11-large-attachment-link",
    "secrecy_marker": "12-secrecy-marker",
    "doc_manuscript": "13-doc-manuscript",
    "pdf_manuscript": "14-pdf-manuscript",
    "zip_gbk_names": "15-zip-gbk-names",
    "raw_gbk_filename": "16-raw-gbk-filename",
    "rar_with_form_table": "17-rar-with-form-table",
    "outlook_winmail_dat": "18-outlook-winmail-dat",
    "web_form_noreply": "19-web-form-noreply",
    "spam_flagged": "20-spam-flagged",
    "reply_to_shared_mailbox": "21-reply-to-shared-mailbox",
}


def main(only: list[str] | None = None) -> None:
    """Write every example (or only the named ones, keeping the other entries of expected.json)."""
    expected = {}
    if only:
        with open(os.path.join(HERE, "expected.json"), encoding="utf-8") as f:
            expected = json.load(f)
    for fn in EXAMPLES:
        if only and NAMES[fn.__name__] not in only:
            continue
        name = NAMES[fn.__name__] + ".eml"
        data, lab = fn()
        with open(os.path.join(HERE, name), "wb") as f:
            f.write(data)
        expected[name] = lab
    with open(os.path.join(HERE, "expected.json"), "w", encoding="utf-8") as f:
        json.dump(expected, f, ensure_ascii=False, indent=2)
        f.write("\n")
    print(f"wrote {len(expected)} examples + expected.json to {HERE}")


if __name__ == "__main__":
    main(sys.argv[1:] or None)
