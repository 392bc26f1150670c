#!/usr/bin/env python3
"""Build the labelled accuracy corpus: tests/data/corpus/NN-name.eml + labels.json.

Deterministic: run it twice and every file is byte-identical (see README.md).
All texts, units, people and numbers are invented.  Needs python-docx, Pillow, pypdf
and LibreOffice (`soffice`) for the .doc/.wps/.pdf cases.

    .venv/bin/python tests/data/build_corpus.py [--out DIR]
"""
# ruff: noqa: E501 -- fixture text: long Chinese lines stay unwrapped

from __future__ import annotations

import argparse
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from mailgen import (
    SUBMISSION,
    Article,
    Att,
    Photo,
    build_bounce,
    build_mail,
    encrypt_pdf,
    large_link_163,
    large_link_qq,
    make_7z,
    make_fake_exe,
    make_rar4,
    make_tnef,
    make_xlsx,
    make_zip,
    make_zip_bomb,
    when,
)

HERE = os.path.dirname(os.path.abspath(__file__))


def label(outcome, reason=None, *, title=None, unit=None, authors=(), phone=None, reviewer=None,
          photos=(), missing=(), fmt=None, client=None, placement=(), photo_credit=None, note=None, warnings=None):
    d = {
        "outcome": outcome,
        "reason": reason,
        "missing": list(missing),
        "title": title,
        "source_unit": unit,
        "authors": list(authors),
        "phone": phone,
        "reviewer": reviewer,
        "photo_count": len(photos),
        "captions": [p.caption if isinstance(p, Photo) else p for p in photos],
        "photo_credit": photo_credit,
        "format": fmt,
        "client": client,
        "placement": list(placement),
    }
    if note:
        d["note"] = note
    if warnings:
        d["warnings"] = list(warnings)
    return d


def ctx(unit, day, place):
    return {"unit": unit, "date": f"3月{day}日", "place": place}


CASES = []


def case(fn):
    CASES.append(fn)
    return fn


# =========================================================================== accepted: .docx, metadata placements


@case
def c01_docx_top_labels_163():
    unit, title = "青禾市机关事务管理局", "青禾市机关事务管理局部署开展“节能降碳 绿色机关”专项行动"
    photos = [Photo(101, "图为节能工作推进会现场。"), Photo(102, "图为工作人员检查办公区节能灯具更换情况。")]
    a = Article(title, "saving", ctx(unit, 2, "市行政中心三楼会议室"),
                head=[f"来源：{unit}", "作者：张晓岚", "联系电话：13800138000", "审核：王建国"],
                photos=photos, credit="（摄影：李明哲）")
    mail = build_mail("c01", "163", ("张晓岚", "qh_zhangxl2026@163.com"), f"{unit}投稿", when(2, 9, 12),
                      text=f"编辑老师您好：\n    附件是我局报送的稿件《{title}》，请审阅。\n\n张晓岚",
                      attachments=[Att(f"{title}.docx", a.docx())])
    return mail, label("accepted", title=title, unit=unit, authors=["张晓岚"], phone="13800138000",
                       reviewer="王建国", photos=photos, photo_credit="李明哲", fmt="docx", client="163",
                       placement=["labels_top", "photos_embedded"])


@case
def c02_docx_labels_next_line_qq():
    unit, title = "云岭县交通运输局", "云岭县交通运输局党员突击队参加防汛应急演练"
    photos = [Photo(111, "图为党员突击队员搬运沙袋加固堤坝。")]
    a = Article(title, "flood", ctx(unit, 3, "云岭县应急管理局"),
                head=["供稿单位：", unit, "撰稿人：", "刘雨桐　周子涵", "联系电话：", "13800138001"],
                photos=photos)
    mail = build_mail("c02", "qq", ("刘雨桐", "2720450917@qq.com"), "防汛应急演练稿件", when(3, 10, 5),
                      text="您好，稿件见附件，谢谢！",
                      attachments=[Att("防汛演练稿件.docx", a.docx())])
    return mail, label("accepted", title=title, unit=unit, authors=["刘雨桐", "周子涵"], phone="13800138001",
                       photos=photos, fmt="docx", client="qq",
                       placement=["labels_next_line", "authors_fullwidth_space", "photos_embedded"])


@case
def c03_docx_fullwidth_outlook():
    unit, title = "青禾市自然资源和规划局", "青禾市自然资源和规划局举办“青年说”读书交流会"
    a = Article(title, "youth", ctx(unit, 4, "局机关二楼党员活动室"),
                head=[f"来　源：{unit}", "作　者：陈思远、黄嘉怡", "联系电话: 138 0013 8002", "审　核：孙立新"])
    mail = build_mail("c03", "outlook", ("陈思远", "chensy@zrzy.qinghe.gov.example"), f"{title}", when(4, 14, 20),
                      text="编辑部：\n\n报送信息一篇，请审核。\n\n陈思远",
                      attachments=[Att(f"{title}.docx", a.docx())])
    return mail, label("accepted", title=title, unit=unit, authors=["陈思远", "黄嘉怡"], phone="13800138002",
                       reviewer="孙立新", fmt="docx", client="outlook",
                       placement=["labels_top", "fullwidth_spaces", "ascii_colon", "authors_dunhao", "mobile_spaces",
                                  "attname_rfc2231"])


@case
def c04_docx_luokuan_163():
    unit, title = "青禾市财政局机关党委", "重阳节前走访慰问离退休老党员"
    a = Article(title, "elderly", ctx(unit, 5, "澄溪区"),
                tail=["", "（撰稿：吴海峰；联系电话：13800138003）", unit, "2026年3月6日"])
    mail = build_mail("c04", "163", ("吴海峰", "wuhaifeng_cz@163.com"), "信息稿件", when(6, 8, 47),
                      text="请审阅附件稿件。",
                      attachments=[Att("走访慰问离退休老党员.docx", a.docx())])
    return mail, label("accepted", title=title, unit=unit, authors=["吴海峰"], phone="13800138003",
                       fmt="docx", client="163", placement=["luokuan_unit_date", "labels_bottom", "zhuangao"])


@case
def c05_subject_unit_plus_title_126():
    unit, title = "青禾市统计局", "统计数据质量提升推进会召开"
    a = Article(title, "training", ctx(unit, 6, "局机关五楼会议室"), head=["作者：郑晓雯", "电话：13800138004"])
    mail = build_mail("c05", "126", ("郑晓雯", "zhengxw_tj@126.com"), f"{unit}+{title}", when(6, 16, 3),
                      text="老师好，投稿一篇，请审阅。",
                      attachments=[Att(f"{title}.docx", a.docx())])
    return mail, label("accepted", title=title, unit=unit, authors=["郑晓雯"], phone="13800138004",
                       fmt="docx", client="126", placement=["unit_in_subject_plus", "labels_top"])


@case
def c06_subject_bracket_unit_wen_tu_qq():
    unit, title = "澄溪区市场监督管理局", "党员志愿者走进东湖社区开展便民服务"
    photos = [Photo(121, "图为党员志愿者为社区老人测量血压。"), Photo(122, "图为志愿者向居民讲解食品安全知识。")]
    a = Article(title, "volunteer", ctx(unit, 7, "东湖社区"), head=["文/林静　图/郭晨阳"],
                tail=["联系电话：13800138005"], photos=photos)
    mail = build_mail("c06", "qq", ("林静", "1590237781@qq.com"), f"【{unit}】{title}", when(7, 11, 30),
                      text="您好！附件是我单位的稿件，请查收。",
                      attachments=[Att(f"{title}.docx", a.docx())])
    return mail, label("accepted", title=title, unit=unit, authors=["林静"], phone="13800138005", photos=photos,
                       photo_credit="郭晨阳", fmt="docx", client="qq",
                       placement=["unit_in_subject_bracket", "wen_tu", "labels_bottom", "photos_embedded"])


@case
def c07_subject_tougao_foxmail():
    unit, title = "青禾市档案馆", "“书香机关”读书月活动启动"
    a = Article(title, "reading", ctx(unit, 8, "馆机关会议室"),
                head=[f"单位：{unit}", "作者：罗欣然", "手机：13800138006"])
    mail = build_mail("c07", "foxmail", ("罗欣然", "luoxinran_da@foxmail.com"), f"投稿：《{title}》", when(8, 9, 9),
                      text="编辑老师：\n　　您好！现投稿一篇，请审阅。\n罗欣然",
                      attachments=[Att(f"{title}.docx", a.docx())])
    return mail, label("accepted", title=title, unit=unit, authors=["罗欣然"], phone="13800138006",
                       fmt="docx", client="foxmail", placement=["subject_tougao", "labels_top", "attname_rfc2231"])


@case
def c08_meta_in_body_163():
    unit, title = "青禾市生态环境局", "青禾市生态环境局开展“垃圾分类 党员先行”主题实践活动"
    a = Article(title, "garbage", ctx(unit, 9, "柳湾社区"))
    body = (f"编辑老师您好：\n附件为我局稿件，相关信息如下：\n标题：{title}\n单位：{unit}\n"
            "作者：梁宇轩、宋佳\n联系电话：13800138007\n审核人：冯毅\n谢谢！")
    mail = build_mail("c08", "163", ("梁宇轩", "liangyx_sthj@163.com"), "投稿", when(9, 15, 41), text=body,
                      attachments=[Att("垃圾分类主题实践活动.docx", a.docx())])
    return mail, label("accepted", title=title, unit=unit, authors=["梁宇轩", "宋佳"], phone="13800138007",
                       reviewer="冯毅", fmt="docx", client="163", placement=["meta_in_mail_body"])


@case
def c09_signature_block_outlook():
    unit, title = "青禾市住房和城乡建设局", "“一窗通办”综合窗口正式运行"
    a = Article(title, "service", ctx(unit, 10, "青禾市"), head=["作者：谢天"])
    body = ("各位编辑老师好：\n\n附件是我局的一篇信息稿件，请审阅。\n\n谢谢！\n\n"
            f"--\n谢天\n{unit}\n手机：13800138008\n地址：青禾市政务中心东楼\n")
    mail = build_mail("c09", "outlook", ("谢天", "xietian@zjj.qinghe.gov.example"), "信息报送", when(10, 10, 18),
                      text=body, attachments=[Att("一窗通办综合窗口正式运行.docx", a.docx(), style="2231-only")])
    return mail, label("accepted", title=title, unit=unit, authors=["谢天"], phone="13800138008",
                       fmt="docx", client="outlook", placement=["signature_block", "attname_rfc2231_only"])


@case
def c10_nigaoren_docx_163():
    unit, title = "青禾市退役军人事务局", "青禾市退役军人事务局举办公文写作能力提升培训班"
    a = Article(title, "training", ctx(unit, 11, "局机关报告厅"),
                head=[f"拟稿单位：{unit}", "拟稿人：曾凡", "联系电话：13800138013", "审核：林静"])
    mail = build_mail("c10", "163", ("曾凡", "zengfan_tyjr@163.com"), f"{unit}—{title}", when(11, 17, 2),
                      text="您好，附件请查收。", attachments=[Att("公文写作培训班稿件.docx", a.docx())])
    return mail, label("accepted", title=title, unit=unit, authors=["曾凡"], phone="13800138013",
                       reviewer="林静", fmt="docx", client="163", placement=["labels_top", "nigaoren"])


@case
def c11_txt_utf8_comma_dashes_qq():
    unit, title = "青禾县人力资源和社会保障局", "青禾县人社局组织党员干部开展警示教育"
    a = Article(title, "integrity", ctx(unit, 12, "青禾县廉政教育馆"),
                head=[f"来源：{unit}", "作者：韩露，唐韵", "联系电话：138-0013-8009"])
    txt = a.text().encode("utf-8")
    mail = build_mail("c11", "qq", ("韩露", "3051887264@qq.com"), "警示教育稿件", when(12, 9, 55),
                      text="稿件见附件。", attachments=[Att("警示教育.txt", txt)])
    return mail, label("accepted", title=title, unit=unit, authors=["韩露", "唐韵"], phone="13800138009",
                       fmt="txt-utf8", client="qq", placement=["labels_top", "authors_comma", "mobile_dashes"])


@case
def c12_doc_he_qianfa_163():
    unit, title = "青禾市水利局", "青禾市水利局联合石桥镇开展汛前应急演练"
    photos = [Photo(131, "图为演练现场，党员突击队员转移“受困群众”。")]
    a = Article(title, "flood", ctx(unit, 13, "石桥镇"),
                head=[f"报送单位：{unit}", "作者：彭博和曾凡", "联系方式：13800138010", "签发：邓丽萍"], photos=photos)
    mail = build_mail("c12", "163", ("彭博", "pengbo_slj@163.com"), f"{unit} 汛前应急演练", when(13, 8, 30),
                      text="编辑老师好，稿件已按要求报送，请审核。",
                      attachments=[Att("汛前应急演练.doc", a.doc())])
    return mail, label("accepted", title=title, unit=unit, authors=["彭博", "曾凡"], phone="13800138010",
                       reviewer="邓丽萍", photos=photos, fmt="doc", client="163",
                       placement=["labels_top", "authors_he", "qianfa", "photos_embedded"])


@case
def c13_pdf_spaces_shending_outlook():
    unit, title = "青禾市教育局", "青禾市教育局机关党员赴红色教育基地开展主题党日活动"
    photos = [Photo(141, "图为党员在纪念馆前重温入党誓词。")]
    a = Article(title, "redtour", ctx(unit, 14, "青禾革命纪念馆"),
                head=["作者：高翔、马骁、胡婧", f"单位：{unit}", "电话：13800138011", "审定：曹睿"], photos=photos)
    mail = build_mail("c13", "outlook", ("高翔", "gaoxiang@jyj.qinghe.gov.example"), f"{title}（PDF版）",
                      when(14, 10, 10), text="您好：\n\n稿件为PDF格式，请查收。\n\n高翔",
                      attachments=[Att(f"{title}.pdf", a.pdf())])
    return mail, label("accepted", title=title, unit=unit, authors=["高翔", "马骁", "胡婧"], phone="13800138011",
                       reviewer="曹睿", photos=photos, fmt="pdf", client="outlook",
                       placement=["labels_top", "authors_dunhao", "shending", "photos_embedded"])


@case
def c14_tongxunyuan_lead_luokuan_qq():
    unit, title = "青禾市卫生健康委员会", "市卫健委党员志愿服务队走进柳湾村"
    a = Article(title, "volunteer", ctx(unit, 15, "柳湾村"), lead_prefix="本网讯（通讯员 萧瑾 何文彬）",
                tail=["", "联系电话：13800138012", unit, "2026年3月15日"])
    mail = build_mail("c14", "qq", ("萧瑾", "1203345678@qq.com"), title, when(15, 20, 12),
                      text="您好，附件是稿件，请审阅。", attachments=[Att(f"{title}.docx", a.docx())])
    return mail, label("accepted", title=title, unit=unit, authors=["萧瑾", "何文彬"], phone="13800138012",
                       fmt="docx", client="qq", placement=["tongxunyuan_lead", "luokuan_unit_date"])


@case
def c15_landline_spaced_foxmail():
    unit, title = "澄溪区人民政府办公室", "澄溪区政府办召开机关作风建设推进会"
    a = Article(title, "integrity", ctx(unit, 16, "区行政服务中心"),
                head=[f"供稿单位：{unit}", "作者：唐韵", "联系电话：0571-8765 4321"])
    mail = build_mail("c15", "foxmail", ("唐韵", "tangyun_cxq@foxmail.com"), f"{unit}：{title}", when(16, 11, 11),
                      text="附件稿件请查收。", attachments=[Att(f"{title}.docx", a.docx())])
    return mail, label("accepted", title=title, unit=unit, authors=["唐韵"], phone="0571-87654321",
                       fmt="docx", client="foxmail", placement=["labels_top", "landline_spaced"])


@case
def c16_wps_qq():
    unit, title = "云岭县农业农村局", "驻村工作队多措并举拓宽农产品销路"
    a = Article(title, "village", ctx(unit, 17, "云岭县柳湾村"),
                head=[f"来源：{unit}", "作者：何文彬", "联系电话：13800138015", "审核：马骁"])
    mail = build_mail("c16", "qq", ("何文彬", "2200918836@qq.com"), f"【{unit}】{title}", when(17, 9, 40),
                      text="WPS文档，请查收。", attachments=[Att(f"{title}.wps", a.doc())])
    return mail, label("accepted", title=title, unit=unit, authors=["何文彬"], phone="13800138015", reviewer="马骁",
                       fmt="wps", client="qq", placement=["labels_top"])


@case
def c17_txt_gbk_luokuan_zhibi_163():
    unit, title = "云岭县农业农村局", "云岭县农业农村局组织开展廉政警示教育活动"
    a = Article(title, "integrity", ctx(unit, 18, "县廉政教育基地"),
                head=["执笔：黄嘉怡", "手机：13800138016"], tail=["", f"{unit}　2026年3月18日"])
    txt = a.text(sep="\r\n").encode("gbk")
    mail = build_mail("c17", "163", ("黄嘉怡", "huangjy_nync@163.com"), "警示教育活动信息", when(18, 10, 2),
                      text="您好，附件为文本格式稿件。", attachments=[Att("廉政警示教育活动.txt", txt)])
    return mail, label("accepted", title=title, unit=unit, authors=["黄嘉怡"], phone="13800138016",
                       fmt="txt-gbk", client="163", placement=["labels_top", "zhibi", "luokuan_one_line"])


@case
def c18_txt_utf16_outlook():
    unit, title = "青禾市图书馆", "青禾市图书馆开设机关职工书屋"
    a = Article(title, "reading", ctx(unit, 19, "馆内二楼"),
                head=[f"信息来源：{unit}", "撰稿人：朱晓雯", "联系电话：13800138017"])
    txt = a.text(sep="\r\n").encode("utf-16")  # BOM + UTF-16LE, as Notepad's "Unicode"
    mail = build_mail("c18", "outlook", ("朱晓雯", "zhuxw@tsg.qinghe.gov.example"), f"稿件：{title}", when(19, 15, 0),
                      text="您好，稿件见附件。", attachments=[Att(f"{title}.txt", txt)])
    return mail, label("accepted", title=title, unit=unit, authors=["朱晓雯"], phone="13800138017",
                       fmt="txt-utf16", client="outlook", placement=["labels_top"])


@case
def c19_zip_gbk_members_163():
    unit, title = "青禾市图书馆", "“全民阅读”进机关活动走进市直单位"
    photos = [Photo(151, "读者在机关流动书架前选书", numbered=True), Photo(152, "图书馆工作人员介绍新书", numbered=True)]
    a = Article(title, "reading", ctx(unit, 20, "市行政中心"),
                head=[f"来源：{unit}", "作者：宋佳", "联系电话：13800138018"],
                tail=["", "图片说明："] + [p.caption_line(i + 1) for i, p in enumerate(photos)])
    z = make_zip([("全民阅读进机关/全民阅读进机关.docx", a.docx()),
                  ("全民阅读进机关/图1.jpg", photos[0].data), ("全民阅读进机关/图2.jpg", photos[1].data)],
                 gbk_names=True)
    mail = build_mail("c19", "163", ("宋佳", "songjia_tsg@163.com"), f"{unit}+{title}", when(20, 9, 21),
                      text="稿件和照片打包发送，请查收。", attachments=[Att("全民阅读进机关.zip", z)])
    return mail, label("accepted", title=title, unit=unit, authors=["宋佳"], phone="13800138018", photos=photos,
                       fmt="zip-gbk", client="163", placement=["labels_top", "captions_listed_in_manuscript"])


@case
def c20_zip_utf8_members_qq():
    unit, title = "青禾市发展和改革委员会机关党委", "市发改委机关党委开展“党员进社区”活动"
    photos = [Photo(161, "图为党员志愿者在社区开展政策宣讲。")]
    a = Article(title, "volunteer", ctx(unit, 21, "西塘社区"),
                head=[f"来源：{unit}", "作者：冯毅", "联系电话：13800138019"], photos=photos)
    z = make_zip([(f"{title}.docx", a.docx())])
    mail = build_mail("c20", "qq", ("冯毅", "826651043@qq.com"), "投稿", when(21, 14, 0),
                      text="附件压缩包内为稿件。", attachments=[Att("稿件.zip", z)])
    return mail, label("accepted", title=title, unit=unit, authors=["冯毅"], phone="13800138019", photos=photos,
                       fmt="zip-utf8", client="qq", placement=["labels_top", "photos_embedded"])


# =========================================================================== accepted: body articles, photos


@case
def c21_body_plain_163():
    unit, title = "中共青禾市委直属机关工委", "市直机关工委组织开展青年干部读书分享会"
    a = Article(title, "youth", ctx(unit, 22, "市直机关党员教育中心"),
                head=[f"来源：{unit}", "作者：邓丽萍", "联系电话：13800138020"])
    mail = build_mail("c21", "163", ("邓丽萍", "denglp_jggw@163.com"), f"投稿：{title}", when(22, 8, 5),
                      text=a.text(), alternative=False)
    return mail, label("accepted", title=title, unit=unit, authors=["邓丽萍"], phone="13800138020",
                       fmt="body-plain", client="163", placement=["labels_top", "subject_tougao"])


@case
def c22_body_html_only_qq():
    unit, title = "青禾市税务局第二税务分局", "税务分局党支部开展“便民办税春风行动”志愿服务"
    a = Article(title, "service", ctx(unit, 23, "城南办税服务厅"),
                head=[f"单位：{unit}", "作者：曹睿", "电话：13800138021"])
    html = '<meta http-equiv="Content-Type" content="text/html; charset=GB18030">' + a.html()
    mail = build_mail("c22", "qq", ("曹睿", "3388102974@qq.com"), title, when(23, 16, 45), html=html)
    return mail, label("accepted", title=title, unit=unit, authors=["曹睿"], phone="13800138021",
                       fmt="body-html", client="qq", placement=["labels_top"])


@case
def c23_separate_photos_body_captions_outlook():
    unit, title = "青禾市自然资源和规划局", "青禾市自然资源和规划局驻村工作队助力茶叶销售"
    photos = [Photo(171, "工作队员在茶园了解春茶长势", numbered=True, filename="IMG_2031.JPG"),
              Photo(172, "党员干部参与消费帮扶选购茶叶", numbered=True, filename="IMG_2035.JPG"),
              Photo(173, "村里新开设的线上店铺正在直播", numbered=True, filename="IMG_2040.JPG")]
    a = Article(title, "village", ctx(unit, 24, "云岭县石桥镇"),
                head=[f"来源：{unit}", "作者：孙立新", "联系电话：13800138022"])
    body = "您好：\n稿件和照片见附件，图片说明如下：\n" + "\n".join(p.caption_line(i + 1) for i, p in enumerate(photos)) + "\n\n孙立新"
    mail = build_mail("c23", "outlook", ("孙立新", "sunlx@zrzy.qinghe.gov.example"), title, when(24, 9, 3),
                      text=body, attachments=[Att(f"{title}.docx", a.docx())]
                      + [Att(p.filename, p.data) for p in photos])
    return mail, label("accepted", title=title, unit=unit, authors=["孙立新"], phone="13800138022", photos=photos,
                       fmt="docx", client="outlook", placement=["labels_top", "photos_separate", "captions_in_body"])


@case
def c24_embedded_and_originals_163():
    unit, title = "青禾市机关事务管理局", "市机关事务管理局组织干部职工参加义务植树"
    photos = [Photo(181, "图为干部职工在植树现场挥锹培土。", filename="DSC_0412.jpg"),
              Photo(182, "图为党员志愿者为新栽树苗浇水。", filename="DSC_0418.jpg")]
    a = Article(title, "garbage", ctx(unit, 25, "青禾市滨江公园"),
                head=[f"来源：{unit}", "作者：胡婧", "联系电话：13800138023", "审核：王建国"], photos=photos,
                credit="（摄影：马骁）")
    mail = build_mail("c24", "163", ("胡婧", "hujing_jgsw@163.com"), f"{unit}+{title}", when(25, 10, 30),
                      text="稿件见附件，原图另附。",
                      attachments=[Att(f"{title}.docx", a.docx())] + [Att(p.filename, p.data) for p in photos])
    return mail, label("accepted", title=title, unit=unit, authors=["胡婧"], phone="13800138023", reviewer="王建国",
                       photos=photos, photo_credit="马骁", fmt="docx", client="163",
                       placement=["labels_top", "photos_embedded", "photos_separate_identical"],
                       note="the two attached JPEGs are byte-identical to the two embedded pictures: count each once")


@case
def c25_caption_filenames_qq():
    unit, title = "青禾市生态环境局", "青禾市生态环境局开展世界水日主题宣传活动"
    photos = [Photo(191, "志愿者向市民发放节水宣传资料", filename="图1 志愿者向市民发放节水宣传资料.jpg"),
              Photo(192, "工作人员现场演示水质检测", filename="图2 工作人员现场演示水质检测.jpg")]
    a = Article(title, "saving", ctx(unit, 22, "滨江广场"),
                head=[f"来源：{unit}", "作者：周子涵", "联系电话：13800138024"])
    mail = build_mail("c25", "qq", ("周子涵", "1876620395@qq.com"), title, when(26, 11, 0), text="稿件及照片请查收。",
                      attachments=[Att(f"{title}.docx", a.docx())] + [Att(p.filename, p.data) for p in photos])
    return mail, label("accepted", title=title, unit=unit, authors=["周子涵"], phone="13800138024", photos=photos,
                       fmt="docx", client="qq", placement=["labels_top", "photos_separate", "captions_from_filenames"])


@case
def c26_big_photo_exif_orientation_163():
    unit, title = "青禾市发展和改革委员会机关党委", "市发改委开展“我为群众办实事”走访调研"
    photos = [Photo(201, "图为调研组在企业生产车间了解用工情况。", size=(2400, 1800), big=True, orientation=6,
                    filename="P20260327_101233.jpg")]
    a = Article(title, "service", ctx(unit, 27, "青禾高新区"),
                head=[f"来源：{unit}", "作者：林静", "联系电话：13800138025"])
    body = f"您好，附件为稿件及原图。\n图片说明：{photos[0].caption}\n林静"
    mail = build_mail("c26", "163", ("林静", "linjing_fgw@163.com"), title, when(27, 10, 1), text=body,
                      attachments=[Att(f"{title}.docx", a.docx()), Att(photos[0].filename, photos[0].data)])
    return mail, label("accepted", title=title, unit=unit, authors=["林静"], phone="13800138025", photos=photos,
                       fmt="docx", client="163", placement=["labels_top", "photos_separate", "captions_in_body",
                                                            "photo_1mb_plus", "exif_orientation"])


@case
def c27_html_inline_cid_163():
    unit, title = "澄溪区市场监督管理局", "澄溪区市场监管局开展“3·15”消费维权宣传"
    photos = [Photo(211, "图为执法人员向市民讲解消费维权知识。"), Photo(212, "图为现场发放宣传资料。")]
    a = Article(title, "volunteer", ctx(unit, 15, "澄溪区中心广场"),
                head=[f"来源：{unit}", "作者：王喆", "联系电话：13800138026"])
    html = a.html()
    html += "".join(f'<div><img src="cid:{211 + i}$coremail_img@163.com" width="600"></div><div>{p.caption}</div>'
                    for i, p in enumerate(photos))
    html = f'<div style="line-height:1.7;color:#000000;font-size:14px;font-family:Arial">{html}</div>'
    mail = build_mail("c27", "163", ("王喆", "wangzhe_scjg@163.com"), title, when(28, 9, 15), text=a.text(), html=html,
                      attachments=[Att(f"{i + 1}.jpg", p.data, inline_cid=f"{211 + i}$coremail_img@163.com")
                                   for i, p in enumerate(photos)])
    return mail, label("accepted", title=title, unit=unit, authors=["王喆"], phone="13800138026", photos=photos,
                       fmt="body-html", client="163", placement=["labels_top", "photos_inline_html", "gbk_only_chars"])


# =========================================================================== accepted: header / charset oddities


@case
def c28_raw8bit_filename_oe():
    unit, title = "青禾市统计局", "青禾市统计局党支部开展主题党日活动"
    a = Article(title, "redtour", ctx(unit, 3, "石桥镇红色教育基地"),
                head=[f"来源：{unit}", "作者：陈镕", "联系电话：13800138027"])
    body = f"您好！\r\n    附件是{unit}的稿件，请审阅。\r\n陈镕\r\n"
    mail = build_mail("c28", "oe", ("陈镕", "chenrong@tjj.qinghe.gov.example"), "主题党日活动稿件", when(3, 16, 40),
                      text=body, header_label="gb2312", alternative=False,
                      attachments=[Att("主题党日活动.docx", a.docx())])
    return mail, label("accepted", title=title, unit=unit, authors=["陈镕"], phone="13800138027", fmt="docx",
                       client="oe", placement=["labels_top", "attname_raw8bit_gbk", "gb2312_label_gbk_chars"])


@case
def c29_gb2312_label_gbk_chars_foxmail():
    unit, title = "青禾市教育局", "青禾市教育局组织机关党员开展读书分享活动"
    a = Article(title, "reading", ctx(unit, 5, "局机关会议室"))
    body = (f"编辑老师：\n    您好！现报送稿件一篇，请审阅。\n标题：{title}\n作者：王喆、陈镕\n"
            f"单位：{unit}\n手机：13800138028\n")
    mail = build_mail("c29", "foxmail", ("王喆", "wangzhe_jyj@foxmail.com"), f"投稿：{title}（王喆）", when(5, 18, 20),
                      text=body, attachments=[Att(f"{title}.docx", a.docx())])
    return mail, label("accepted", title=title, unit=unit, authors=["王喆", "陈镕"], phone="13800138028",
                       fmt="docx", client="foxmail",
                       placement=["meta_in_mail_body", "gb2312_label_gbk_chars", "attname_rfc2231"])


@case
def c30_coremail_folded_filename_utf8_subject():
    unit, title = "青禾县人力资源和社会保障局", "青禾县人社局“就业服务进园区”专场招聘会吸引三千余人次求职"
    a = Article(title, "service", ctx(unit, 7, "青禾县工业园区"),
                head=[f"来源：{unit}", "作者：孙立新、何文彬", "联系电话：13800138029", "审核：曹睿"])
    mail = build_mail("c30", "163", ("孙立新", "sunlixin_rsj@163.com"), f"{unit}{title}", when(7, 9, 45),
                      text="请审阅附件。", header_label="UTF-8", body_label="UTF-8",
                      attachments=[Att(f"{unit}关于“就业服务进园区”专场招聘会的信息稿件（定稿）.docx", a.docx(),
                                       split="fold")])
    return mail, label("accepted", title=title, unit=unit, authors=["孙立新", "何文彬"], phone="13800138029",
                       reviewer="曹睿", fmt="docx", client="163",
                       placement=["labels_top", "attname_rfc2047_split_folded", "utf8_subject"])


@case
def c31_caption_style_missing_caption_126():
    unit, title = "青禾市水利局", "青禾市水利局开展河湖“清四乱”专项行动"
    photos = [Photo(221, "执法人员在河道巡查", numbered=True), Photo(222, None),
              Photo(223, "志愿者清理河岸垃圾", numbered=True)]
    a = Article(title, "garbage", ctx(unit, 8, "青禾河沿线"),
                head=[f"来源：{unit}", "作者：罗欣然", "联系电话：13800138030"], photos=photos, credit="（吴海峰 摄）")
    mail = build_mail("c31", "126", ("罗欣然", "luoxr_slj@126.com"), f"{unit}+{title}", when(8, 14, 14),
                      text="附件请查收。", attachments=[Att(f"{title}.docx", a.docx(caption_style=True))])
    return mail, label("accepted", title=title, unit=unit, authors=["罗欣然"], phone="13800138030", photos=photos,
                       photo_credit="吴海峰", fmt="docx", client="126",
                       placement=["labels_top", "photos_embedded", "caption_style", "photo_without_caption"])


@case
def c32_mobile_and_landline_qq():
    unit, title = "青禾市卫生健康委员会", "市卫健委开展基层医疗服务能力提升培训"
    a = Article(title, "training", ctx(unit, 9, "市第一人民医院学术报告厅"),
                head=[f"来源：{unit}", "作者：邓丽萍", "手机：13800138031　办公电话：0571-87654320"])
    mail = build_mail("c32", "qq", ("邓丽萍", "2718830561@qq.com"), title, when(9, 10, 25), text="请查收。",
                      attachments=[Att(f"{title}.docx", a.docx())])
    return mail, label("accepted", title=title, unit=unit, authors=["邓丽萍"], phone="13800138031",
                       fmt="docx", client="qq", placement=["labels_top", "mobile_and_landline"],
                       note="two numbers: the label is the first one given")


@case
def c33_doc_luokuan_outlook():
    unit, title = "青禾市退役军人事务局", "青禾市退役军人事务局走访慰问老党员老战士"
    a = Article(title, "elderly", ctx(unit, 10, "澄溪区和云岭县"),
                tail=["", "（作者：高翔　联系电话：0571-87654321）", unit, "2026年3月10日"])
    mail = build_mail("c33", "outlook", ("高翔", "gaoxiang@tyjr.qinghe.gov.example"), title, when(10, 16, 5),
                      text="您好：\n\n附件为Word 97-2003格式稿件。", attachments=[Att(f"{title}.doc", a.doc())])
    return mail, label("accepted", title=title, unit=unit, authors=["高翔"], phone="0571-87654321",
                       fmt="doc", client="outlook", placement=["luokuan_unit_date", "labels_bottom", "landline"])


@case
def c34_body_plain_signature_qq():
    unit, title = "青禾市财政局机关党委", "财政局机关党委开展“清廉机关”建设主题党课"
    a = Article(title, "integrity", ctx(unit, 11, "局机关会议室"), head=["作者：冯毅　宋佳"])
    body = a.text() + f"\n--\n冯毅\n{unit}\n电话：138 0013 8032\n"
    mail = build_mail("c34", "qq", ("冯毅", "934401827@qq.com"), f"【{unit}】{title}", when(11, 21, 3), text=body)
    return mail, label("accepted", title=title, unit=unit, authors=["冯毅", "宋佳"], phone="13800138032",
                       fmt="body-plain", client="qq",
                       placement=["signature_block", "unit_in_subject_bracket", "authors_fullwidth_space", "mobile_spaces"])


@case
def c35_pdf_luokuan_qq():
    unit, title = "青禾市住房和城乡建设局", "市住建局开展建筑工地安全生产大检查"
    a = Article(title, "flood", ctx(unit, 12, "城东片区在建工地"),
                tail=["", "撰稿：梁宇轩　审核：谢天　联系电话：13800138033", f"{unit}", "2026年3月12日"])
    mail = build_mail("c35", "qq", ("梁宇轩", "1652093378@qq.com"), title, when(12, 9, 30), text="PDF稿件请查收",
                      attachments=[Att(f"{title}.pdf", a.pdf())])
    return mail, label("accepted", title=title, unit=unit, authors=["梁宇轩"], phone="13800138033", reviewer="谢天",
                       fmt="pdf", client="qq", placement=["luokuan_unit_date", "labels_bottom", "zhuangao"])


# =========================================================================== incomplete


@case
def c36_missing_phone_163():
    unit, title = "青禾市档案馆", "市档案馆开展“档案进机关”宣传活动"
    a = Article(title, "reading", ctx(unit, 13, "市行政中心"), head=[f"来源：{unit}", "作者：唐韵 朱晓雯"])
    mail = build_mail("c36", "163", ("唐韵", "tangyun_dag@163.com"), title, when(13, 10, 12), text="稿件见附件。",
                      attachments=[Att(f"{title}.docx", a.docx())])
    return mail, label("incomplete", missing=["phone"], title=title, unit=unit, authors=["唐韵", "朱晓雯"],
                       fmt="docx", client="163", placement=["labels_top", "authors_spaces"])


@case
def c37_missing_unit_txt_qq():
    title = "机关党员志愿者走进敬老院"
    a = Article(title, "volunteer", ctx("我们", 14, "石桥镇敬老院"), head=["作者：郭晨阳", "联系电话：13800138034"])
    mail = build_mail("c37", "qq", ("郭晨阳", "715536902@qq.com"), title, when(14, 19, 30), text="发一篇稿子",
                      attachments=[Att(f"{title}.txt", a.text().encode("gb18030"))])
    return mail, label("incomplete", missing=["source_unit"], title=title, authors=["郭晨阳"],
                       phone="13800138034", fmt="txt-gbk", client="qq", placement=["labels_top"],
                       note="the text names no unit (it says “我们党员志愿服务队”)")


@case
def c38_missing_authors_outlook():
    unit, title = "青禾市教育局", "青禾市教育局开展节约型机关创建活动"
    a = Article(title, "saving", ctx(unit, 15, "局机关"), head=[f"来源：{unit}", "联系电话：0571-87654322"])
    mail = build_mail("c38", "outlook", (None, "bgs@jyj.qinghe.gov.example"), title, when(15, 11, 50),
                      text="您好，附件为信息稿件。\n\n办公室", attachments=[Att(f"{title}.docx", a.docx())])
    return mail, label("incomplete", missing=["authors"], title=title, unit=unit, phone="0571-87654322",
                       fmt="docx", client="outlook", placement=["labels_top"])


@case
def c39_missing_unit_and_phone_body_163():
    title = "青年干部走进田间地头开展调研"
    a = Article(title, "village", ctx("我们", 16, "柳湾村"), head=["作者：马骁"])
    mail = build_mail("c39", "163", ("马骁", "maxiao_2026@163.com"), f"投稿：{title}", when(16, 13, 13), text=a.text())
    return mail, label("incomplete", missing=["source_unit", "phone"], title=title, authors=["马骁"],
                       fmt="body-plain", client="163", placement=["labels_top", "subject_tougao"])


@case
def c40_missing_phone_doc_wen_qq():
    unit, title = "云岭县交通运输局", "云岭县交通运输局组织开展公文写作培训"
    a = Article(title, "training", ctx(unit, 17, "局机关会议室"), head=[f"（{unit}　文/周子涵）"])
    mail = build_mail("c40", "qq", ("周子涵", "3120567784@qq.com"), title, when(17, 8, 8), text="附件",
                      attachments=[Att(f"{title}.doc", a.doc())])
    return mail, label("incomplete", missing=["phone"], title=title, unit=unit, authors=["周子涵"],
                       fmt="doc", client="qq", placement=["unit_and_wen_in_brackets"])


# =========================================================================== ignored


@case
def c41_auto_reply_163():
    mail = build_mail("c41", "163", ("张晓岚", "qh_zhangxl2026@163.com"), "自动回复：稿件已收到 [TG-20260302-0001]",
                      when(2, 9, 13), text="您好，我已收到您的来信，近期休假，将于3月9日后回复。\n张晓岚",
                      extra_headers=[("Auto-Submitted", "auto-replied"), ("In-Reply-To", "<ack-20260302-0001@localhost>")])
    return mail, label("ignored", "auto_reply", client="163", fmt="none")


@case
def c42_auto_reply_exchange_outlook():
    mail = build_mail("c42", "outlook", ("陈思远", "chensy@zrzy.qinghe.gov.example"),
                      "自动答复: 稿件已收到 [TG-20260304-0002]", when(4, 14, 21),
                      text="我目前不在办公室，3月10日返回。如有急事请联系办公室。",
                      extra_headers=[("Auto-Submitted", "auto-generated"), ("X-Auto-Response-Suppress", "All"),
                                     ("X-MS-Exchange-Inbox-Rules-Loop", "chensy@zrzy.qinghe.gov.example")])
    return mail, label("ignored", "auto_reply", client="outlook", fmt="none")


@case
def c43_autoreply_precedence_qq():
    mail = build_mail("c43", "qq", ("刘雨桐", "2720450917@qq.com"), "Re: 稿件已收到 [TG-20260303-0004]", when(3, 10, 6),
                      text="这是来自QQ邮箱的假期自动回复邮件。\n您好，我最近正在休假中，无法亲自回复您的邮件。",
                      extra_headers=[("X-Autoreply", "yes"), ("Precedence", "auto_reply")])
    return mail, label("ignored", "auto_reply", client="qq", fmt="none")


@case
def c44_bounce_dsn():
    mail = build_bounce("c44", "nobody_qh404@163.com", "稿件已收到：《乡村振兴调研》 [TG-20260318-0009]",
                        when(18, 11, 0, 7))
    return mail, label("ignored", "bounce", client="mailer-daemon", fmt="none")


@case
def c45_loop_x_loop():
    mail = build_mail("c45", "plain", ("投稿系统", "forward@qinghe.gov.example"), "Fwd: 稿件已收到 [TG-20260319-0010]",
                      when(19, 12, 0), text="---------- 转发的邮件 ----------\n您的稿件已收到，跟踪号 TG-20260319-0010。",
                      extra_headers=[("X-Loop", SUBMISSION)])
    return mail, label("ignored", "loop", client="plain", fmt="none")


@case
def c46_loop_own_address():
    mail = build_mail("c46", "plain", ("投稿邮箱", SUBMISSION), "稿件已收到 [TG-20260320-0011]", when(20, 12, 0),
                      text="您的稿件已收到，跟踪号 TG-20260320-0011。")
    return mail, label("ignored", "loop", client="plain", fmt="none",
                       note="From is the submission address itself (our own mail coming back)")


# =========================================================================== rejected


@case
def c47_no_manuscript_163():
    mail = build_mail("c47", "163", ("何文彬", "hewenbin_2026@163.com"), "投稿", when(21, 9, 0), text="请查收")
    return mail, label("rejected", "no_manuscript", client="163", fmt="none")


@case
def c48_photos_only_qq():
    photos = [Photo(231, None, filename="mmexport1773801234567.jpg"), Photo(232, None, filename="mmexport1773801239876.jpg")]
    mail = build_mail("c48", "qq", ("宋佳", "1098765021@qq.com"), "照片", when(22, 18, 0), text="照片请查收",
                      attachments=[Att(p.filename, p.data) for p in photos])
    return mail, label("rejected", "no_manuscript", client="qq", fmt="jpg-only",
                       note="photos but no article text")


@case
def c49_corrupt_docx_163():
    unit, title = "青禾市统计局", "统计局开展统计法治宣传"
    a = Article(title, "training", ctx(unit, 23, "局机关"), head=[f"来源：{unit}", "作者：郑晓雯", "电话：13800138004"])
    data = a.docx()
    mail = build_mail("c49", "163", ("郑晓雯", "zhengxw_tj@163.com"), f"{unit}+{title}", when(23, 10, 0),
                      text="附件请查收。", attachments=[Att(f"{title}.docx", data[: len(data) * 3 // 5])])
    return mail, label("rejected", "unreadable_manuscript", client="163", fmt="docx-corrupt",
                       note="the .docx is truncated (no zip central directory)")


@case
def c50_encrypted_pdf_outlook():
    unit, title = "青禾市教育局", "教育局开展机关读书月活动"
    a = Article(title, "reading", ctx(unit, 24, "局机关"), head=[f"来源：{unit}", "作者：高翔", "电话：13800138011"])
    mail = build_mail("c50", "outlook", ("高翔", "gaoxiang@jyj.qinghe.gov.example"), title, when(24, 10, 0),
                      text="附件PDF已加密，密码另行告知。", attachments=[Att(f"{title}.pdf", encrypt_pdf(a.pdf()))])
    return mail, label("rejected", "unreadable_manuscript", client="outlook", fmt="pdf-encrypted")


@case
def c51_exe_only_qq():
    mail = build_mail("c51", "qq", ("稿件", "3344556677@qq.com"), "稿件", when(25, 3, 14), text="请查收附件",
                      attachments=[Att("稿件.exe", make_fake_exe(51))])
    return mail, label("rejected", "unsupported_attachment", client="qq", fmt="exe")


@case
def c52_xlsx_only_163():
    x = make_xlsx([["序号", "单位", "活动名称", "参加人数"], ["1", "青禾市统计局", "主题党日", "35"],
                   ["2", "青禾市水利局", "志愿服务", "28"]])
    mail = build_mail("c52", "163", ("郑晓雯", "zhengxw_tj@163.com"), "三月份活动统计表", when(26, 9, 0),
                      text="统计表见附件。", attachments=[Att("三月份活动统计表.xlsx", x)])
    return mail, label("rejected", "unsupported_attachment", client="163", fmt="xlsx")


@case
def c53_zip_bomb_qq():
    unit, title = "青禾市图书馆", "图书馆开展读书月活动"
    a = Article(title, "reading", ctx(unit, 27, "馆内"), head=[f"来源：{unit}", "作者：宋佳", "电话：13800138018"])
    z = make_zip_bomb("照片原图/DSC_0001.jpg", 160, extra=[("稿件.docx", a.docx())])
    mail = build_mail("c53", "qq", ("宋佳", "1098765021@qq.com"), "稿件和照片", when(27, 9, 0), text="压缩包请查收。",
                      attachments=[Att("稿件和照片.zip", z)])
    return mail, label("rejected", "unsafe_attachment", client="qq", fmt="zip-bomb",
                       note="one member inflates to 160 MiB (ratio ~1000:1)")


@case
def c54_zip_traversal_163():
    unit, title = "青禾市水利局", "水利局开展河湖巡查"
    a = Article(title, "garbage", ctx(unit, 28, "青禾河"), head=[f"来源：{unit}", "作者：彭博", "电话：13800138010"])
    z = make_zip([("../../稿件.docx", a.docx()), ("../../../tmp/照片1.jpg", Photo(241).data)])
    mail = build_mail("c54", "163", ("彭博", "pengbo_slj@163.com"), "稿件", when(28, 9, 0), text="附件请查收。",
                      attachments=[Att("河湖巡查.zip", z)])
    return mail, label("rejected", "unsafe_attachment", client="163", fmt="zip-traversal")


@case
def c55_large_link_163():
    text, html = large_link_163("青禾市机关事务管理局3月稿件及原图.zip", "80.96M", "2026年4月1日 9:00", "c55")
    mail = build_mail("c55", "163", ("张晓岚", "qh_zhangxl2026@163.com"), "3月稿件及原图（超大附件）", when(2, 11, 0),
                      text="稿件和原图较大，使用超大附件发送，请下载。\n\n" + text,
                      html='<div style="line-height:1.7">稿件和原图较大，使用超大附件发送，请下载。</div><br>' + html)
    return mail, label("rejected", "external_link", client="163", fmt="link-163")


@case
def c56_large_link_qq():
    text, html = large_link_qq("防汛演练稿件及视频.rar", "156.3M", "2026年04月05日 10:05", "c56")
    mail = build_mail("c56", "qq", ("刘雨桐", "2720450917@qq.com"), "防汛演练稿件及视频", when(6, 10, 5),
                      text="文件太大，用中转站发的。\n\n" + text,
                      html='<meta http-equiv="Content-Type" content="text/html; charset=GB18030"><div>文件太大，用中转站发的。</div>' + html)
    return mail, label("rejected", "external_link", client="qq", fmt="link-qq")


# =========================================================================== held


@case
def c57_secrecy_in_text_163():
    unit, title = "青禾市发展和改革委员会机关党委", "市发改委机关党委召开党风廉政建设工作会议"
    a = Article(title, "integrity", ctx(unit, 9, "委机关会议室"), pre_title=["内部资料　注意保密"],
                head=[f"来源：{unit}", "作者：冯毅", "联系电话：13800138019", "审核：邓丽萍"])
    mail = build_mail("c57", "163", ("冯毅", "fengyi_fgw@163.com"), f"{unit}+{title}", when(9, 15, 0),
                      text="请审阅。", attachments=[Att(f"{title}.docx", a.docx())])
    return mail, label("held", "secrecy_marker", title=title, unit=unit, authors=["冯毅"], phone="13800138019",
                       reviewer="邓丽萍", fmt="docx", client="163", placement=["labels_top", "secrecy_in_text"])


@case
def c58_secrecy_in_filename_qq():
    unit, title = "青禾市财政局机关党委", "财政局机关党委部署年度党建重点工作"
    a = Article(title, "youth", ctx(unit, 10, "局机关"), head=[f"来源：{unit}", "作者：吴海峰", "联系电话：13800138003"])
    mail = build_mail("c58", "qq", ("吴海峰", "1500223377@qq.com"), title, when(10, 9, 0), text="附件请查收。",
                      attachments=[Att(f"（内部文件）{title}.docx", a.docx())])
    return mail, label("held", "secrecy_marker", title=title, unit=unit, authors=["吴海峰"], phone="13800138003",
                       fmt="docx", client="qq", placement=["labels_top", "secrecy_in_filename"])


@case
def c59_docx_form_table_top_163():
    unit, title = "青禾市审计局", "青禾市审计局举办“审计开放日”活动"
    a = Article(title, "service", ctx(unit, 11, "市审计局"),
                form=[["作者", "丁一、马晓二", "联系电话", "13800138035"], ["单位", unit, "审核人", "陈立诚"],
                      ["投稿日期", "2026年3月11日", "", ""]])
    mail = build_mail("c59", "163", ("丁一", "dingyi_sjj@163.com"), f"投稿：{title}", when(11, 10, 5),
                      text="编辑老师您好，稿件信息已填在文中的投稿信息表里。",
                      attachments=[Att(f"{title}.docx", a.docx())])
    return mail, label("accepted", title=title, unit=unit, authors=["丁一", "马晓二"], phone="13800138035",
                       reviewer="陈立诚", fmt="docx", client="163", placement=["form_table"])


@case
def c60_doc_form_table_vertical_end_qq():
    unit, title = "云岭县市场监督管理局", "云岭县市场监管局开展食品安全进校园活动"
    photos = [Photo(601, "图为执法人员检查学校食堂后厨。")]
    a = Article(title, "training", ctx(unit, 12, "云岭县第一中学"), photos=photos,
                form=[["作者姓名", "单位名称", "联系电话（手机）"], ["贺兰、龙飞", unit, "138 0013 8036"]],
                form_at_end=True)
    mail = build_mail("c60", "qq", ("贺兰", "2234567801@qq.com"), title, when(12, 15, 40), text="附件为稿件，请审阅。",
                      attachments=[Att(f"{title}.doc", a.doc())])
    return mail, label("accepted", title=title, unit=unit, authors=["贺兰", "龙飞"], phone="13800138036",
                       photos=photos, fmt="doc", client="qq", placement=["form_table", "photos_embedded"])


@case
def c61_rar4_gbk_members_163():
    unit, title = "青禾市林业局", "青禾市林业局组织党员开展义务植树活动"
    photos = [Photo(611, "党员干部在荒坡上栽种侧柏", filename="党员干部在荒坡上栽种侧柏.jpg"),
              Photo(612, "志愿者为新栽树苗培土浇水", filename="志愿者为新栽树苗培土浇水.jpg")]
    a = Article(title, "volunteer", ctx(unit, 14, "青禾山东坡"),
                head=[f"来源：{unit}", "作者：钟岳", "联系电话：13800138037"])
    rar = make_rar4([(f"义务植树/{title}.docx".encode("gbk"), a.docx())]
                    + [(f"义务植树/{p.filename}".encode("gbk"), p.data) for p in photos])
    mail = build_mail("c61", "163", ("钟岳", "zhongyue_lyj@163.com"), f"{unit}投稿", when(14, 11, 2),
                      text="稿件和照片用WinRAR压缩后发送，请查收。", attachments=[Att("义务植树.rar", rar)])
    return mail, label("accepted", title=title, unit=unit, authors=["钟岳"], phone="13800138037", photos=photos,
                       fmt="rar-gbk", client="163", placement=["labels_top", "captions_from_filenames"])


@case
def c62_7z_txt_gbk_qq():
    unit, title = "云岭县民政局", "云岭县民政局开展“敬老月”走访慰问活动"
    photos = [Photo(621, "图为工作人员为老人测量血压。")]
    a = Article(title, "elderly", ctx(unit, 15, "云岭县敬老院"),
                head=["作者：白雪、韦东", "联系电话：0571-87654302"], tail=["", unit, "2026年3月15日"])
    z7 = make_7z([(f"{title}.txt", a.text().encode("gbk")), ("图1.jpg", photos[0].data)])
    mail = build_mail("c62", "qq", ("白雪", "3345678902@qq.com"), title, when(15, 16, 30),
                      text=f"稿件及照片见压缩包。\n图1：{photos[0].caption}", attachments=[Att("投稿.7z", z7)])
    return mail, label("accepted", title=title, unit=unit, authors=["白雪", "韦东"], phone="0571-87654302",
                       photos=photos, fmt="7z-txt-gbk", client="qq",
                       placement=["luokuan", "captions_in_body", "landline"])


@case
def c63_two_articles_one_mail_163():
    unit = "青禾市科学技术局"
    first, second = "青禾市科技局开展科技特派员进企业活动", "青禾市科技局机关党支部开展主题党日活动"
    a = Article(first, "service", ctx(unit, 16, "青禾经济开发区"),
                head=[f"来源：{unit}", "作者：欧阳敏", "联系电话：13800138038"])
    b = Article(second, "integrity", ctx(unit, 17, "市科技馆"),
                head=[f"来源：{unit}", "作者：欧阳敏", "联系电话：13800138038"])
    mail = build_mail("c63", "163", ("欧阳敏", "ouyangmin_kjj@163.com"), f"{unit}投稿两篇", when(16, 14, 10),
                      text="编辑老师好，本月两篇稿件一并发送，请审阅。",
                      attachments=[Att(f"{first}.docx", a.docx()), Att(f"{second}.docx", b.docx())])
    return mail, label("accepted", title=first, unit=unit, authors=["欧阳敏"], phone="13800138038", fmt="docx",
                       client="163", placement=["labels_top", "two_articles"], warnings=["multiple_manuscripts"],
                       note="one mail registers one article; the second is named to the contributor and reviewers")


@case
def c64_outlook_winmail_dat():
    unit, title = "青禾市人民防空办公室", "青禾市人防办开展防空警报试鸣宣传活动"
    photos = [Photo(641, "图为工作人员向市民讲解防空警报信号。")]
    a = Article(title, "service", ctx(unit, 18, "人民广场"), photos=photos,
                head=[f"来源：{unit}", "作者：司马远", "联系电话：13800138039"])
    tnef = make_tnef([(f"{title}.docx".encode("gbk"), a.docx()), ("DSC_0641.jpg".encode("gbk"), photos[0].data)])
    mail = build_mail("c64", "outlook", ("司马远", "simayuan@rfb.qinghe.gov.example"), f"{unit}投稿",
                      when(18, 10, 45), text="附件是稿件和原图，请审阅。",
                      attachments=[Att("winmail.dat", tnef, ctype="application/ms-tnef")])
    return mail, label("accepted", title=title, unit=unit, authors=["司马远"], phone="13800138039",
                       photos=photos, fmt="docx-in-tnef", client="outlook",
                       placement=["labels_top", "photos_embedded", "winmail_dat"],
                       note="Outlook rich text: the .docx and the original photo travel inside winmail.dat")


# =========================================================================== build


def build(out_dir: str) -> dict:
    os.makedirs(out_dir, exist_ok=True)
    labels = {}
    for i, fn in enumerate(CASES, 1):
        slug = fn.__name__.split("_", 1)[1].replace("_", "-")
        name = f"{i:02d}-{slug}.eml"
        data, lab = fn()
        with open(os.path.join(out_dir, name), "wb") as f:
            f.write(data)
        labels[name] = lab
    with open(os.path.join(out_dir, "labels.json"), "w", encoding="utf-8") as f:
        json.dump(labels, f, ensure_ascii=False, indent=2, sort_keys=False)
        f.write("\n")
    return labels


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--out", default=os.path.join(HERE, "corpus"))
    args = ap.parse_args()
    labels = build(args.out)
    print(f"wrote {len(labels)} mails + labels.json to {args.out}")


if __name__ == "__main__":
    main()
