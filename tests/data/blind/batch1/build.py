#!/usr/bin/env python3
"""Blind labelled corpus, batch 1: 34 invented Chinese submission mails + labels.json.

Run from /work/main:  .venv/bin/python tests/data/blind/batch1/build.py
All units, people, events and numbers are invented. Mobiles use 1380013 8xxx,
landlines 0571-8765xxxx. Output is byte-identical across runs except for the mails that
carry LibreOffice output (.doc/.wps/.pdf), see SOFFICE_CASES.
"""
import json
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True
sys.path.insert(0, HERE)

from mimekit import Mail, cleanup, docx_bytes, photo, soffice, txt_gbk  # noqa: E402

CASES = []          # (file name, builder)
SOFFICE_CASES = set()


def case(name, soffice_used=False):
    def deco(fn):
        CASES.append((name, fn))
        if soffice_used:
            SOFFICE_CASES.add(name)
        return fn
    return deco


def label(outcome="accepted", reason=None, missing=(), title=None, unit=None, authors=(), phone=None,
          reviewer=None, photo_count=0, captions=(), credit=None, fmt="docx", client="163",
          placement=(), note=None, warnings=None):
    d = {"outcome": outcome, "reason": reason, "missing": list(missing), "title": title,
         "source_unit": unit, "authors": list(authors), "phone": phone, "reviewer": reviewer,
         "photo_count": photo_count, "captions": list(captions), "photo_credit": credit,
         "format": fmt, "client": client, "placement": list(placement)}
    if note:
        d["note"] = note
    if warnings:
        d["warnings"] = list(warnings)
    return d


def rejected(reason, fmt, client, placement, note=None):
    return label(outcome="rejected", reason=reason, fmt=fmt, client=client, placement=placement, note=note)


# =========================================================================== family A
# metadata given without labels: signature blocks, news leads, closing lines

@case("01-sig-dashdash-lead-163-docx.eml")
def c01():
    title = "清河县举办2026年高素质农民培训班"
    doc = docx_bytes([
        ("title", title),
        ("p", "本网讯（通讯员 王芳 赵一鸣）3月10日至14日，清河县2026年第一期高素质农民培训班在县农业技术推广中心开班，"
              "来自全县12个乡镇的86名种植大户、家庭农场主和农民专业合作社负责人参加培训。"),
        ("p", "本次培训采取“理论授课+田间实训”相结合的方式，邀请市农科所专家围绕设施蔬菜栽培管理、病虫害绿色防控、"
              "农产品电商营销等内容进行授课，并组织学员到城东现代农业产业园现场观摩智能温室和水肥一体化设备。"),
        ("p", "“老师讲的都是我们种地时遇到的实际问题，听得懂、用得上。”来自柳林镇的种植大户周建平说。据了解，"
              "今年清河县计划分层分类开展培训8期，培育高素质农民500人以上，为乡村振兴提供人才支撑。"),
    ])
    plain = ("您好！\n\n附件是我局近期工作信息一篇，请审阅，如有问题请随时联系。谢谢！\n\n"
             "-- \n李明\n清河县农业农村局\n电话：0571-87651201\n")
    m = Mail("163", 1, "李明", "qhx_liming@163.com", "投稿", "Tue, 10 Mar 2026 16:42:18 +0800",
             plain=plain, attachments=[(title + ".docx", doc)])
    return m.render(), label(
        title=title, unit="清河县农业农村局", authors=["王芳", "赵一鸣"], phone="0571-87651201",
        client="163", placement=["subject_generic", "signature_block", "lead_correspondents"],
        note="Unit and phone only in the '-- ' signature; authors only in the lead （通讯员 王芳 赵一鸣）. "
             "李明 (sender, signature) is not an author.")


@case("02-html-sig-table-closing-byline-outlook-docx.eml")
def c02():
    title = "东湖区开展春季校园食品安全专项检查"
    doc = docx_bytes([
        ("title", title),
        ("p", "为切实保障广大师生“舌尖上的安全”，3月9日至13日，东湖区市场监督管理局联合区教育局组成4个检查组，"
              "对辖区中小学校、幼儿园食堂及校园周边食品经营单位开展春季开学食品安全专项检查。"),
        ("p", "检查组重点查看了食堂从业人员健康证明、食品原料进货查验记录、餐用具清洗消毒、“明厨亮灶”设施运行等情况，"
              "对发现的问题当场反馈、督促整改。此次检查共出动执法人员48人次，检查学校食堂63家、周边食品经营户112家，"
              "下达责令改正通知书7份。"),
        ("p", "下一步，该局将持续加强校园食品安全日常监管，常态化开展“双随机”抽查，守护师生饮食安全。"
              "（东湖区市场监督管理局　孙晓燕）"),
    ], author="sxy")
    plain = ("编辑老师您好：\n\n附件是我们近期的一篇工作动态，烦请审阅。\n\n谢谢！\n\n"
             "孙晓燕 | 综合科\n东湖区市场监督管理局\nTel: 138 0013 8102\n地址：东湖区滨湖路88号\n")
    sig = ('<table class="MsoNormalTable" border="0" cellspacing="0" cellpadding="0" style="border-collapse:collapse">\n'
           '<tr><td style="padding:0cm 5.4pt"><p class="MsoNormal"><b><span style="font-family:等线;color:#1F3864">孙晓燕</span></b>'
           '<span style="font-family:等线;color:#7F7F7F"> | 综合科</span></p></td></tr>\n'
           '<tr><td style="padding:0cm 5.4pt"><p class="MsoNormal"><span style="font-family:等线;color:#1F3864">东湖区市场监督管理局</span></p></td></tr>\n'
           '<tr><td style="padding:0cm 5.4pt"><p class="MsoNormal"><span lang="EN-US" style="font-family:等线;color:#7F7F7F">Tel: 138 0013 8102</span></p></td></tr>\n'
           '<tr><td style="padding:0cm 5.4pt"><p class="MsoNormal"><span style="font-family:等线;color:#7F7F7F">地址：东湖区滨湖路88号</span></p></td></tr>\n'
           '</table>')
    from mimekit import html_outlook
    html = html_outlook(["编辑老师您好：", "", "附件是我们近期的一篇工作动态，烦请审阅。", "", "谢谢！", ""], extra=sig)
    m = Mail("outlook", 2, "孙晓燕", "sunxiaoyan_dh@outlook.com", "新闻投稿",
             "Fri, 13 Mar 2026 07:25:40 +0000", plain=plain, html=html,
             attachments=[("校园食品安全专项检查.docx", doc)])
    return m.render(), label(
        title=title, unit="东湖区市场监督管理局", authors=["孙晓燕"], phone="13800138102",
        client="outlook", placement=["subject_generic", "signature_html_table", "closing_byline_unit_name"],
        note="Author and unit from the unlabelled closing （东湖区市场监督管理局　孙晓燕）; phone only in the HTML "
             "signature table ('Tel: 138 0013 8102'), also in the plain alternative.")


@case("03-gonggao-closing-qq-wps.eml", soffice_used=True)
def c03():
    title = "南屏县统计局开展“统计开放日”宣传活动"
    doc = docx_bytes([
        ("title", title),
        ("p", "南屏讯（通讯员 刘振华）为进一步增强全社会统计法治意识，营造依法统计、诚信统计的良好氛围，3月13日，"
              "南屏县统计局在县城人民广场开展“统计开放日”宣传活动。"),
        ("p", "活动现场，工作人员通过设置咨询台、摆放宣传展板、发放宣传资料等方式，向过往群众宣传统计法律法规及统计调查相关知识，"
              "耐心解答群众关于住户调查、价格调查等方面的疑问。活动共发放宣传资料600余份，接受现场咨询120余人次。"),
        ("p", "下一步，县统计局将继续创新宣传形式，推动统计知识进机关、进企业、进社区，不断提升统计工作的社会认知度和群众参与度。"),
        ("r", "（南屏县统计局供稿）"),
    ])
    wps = soffice(doc, "doc")
    plain = "老师好，发一篇我们局的稿子，麻烦审阅，谢谢！\n\n刘振华  13800138103\n"
    m = Mail("qq", 3, "刘振华", "2837461950@qq.com", "稿件", "Mon, 16 Mar 2026 10:05:22 +0800",
             plain=plain, attachments=[("统计开放日稿件.wps", wps)])
    return m.render(), label(
        title=title, unit="南屏县统计局", authors=["刘振华"], phone="13800138103", fmt="wps", client="qq",
        placement=["subject_generic", "closing_supplied_by", "lead_correspondents", "body_name_phone_line"],
        note="Unit from the closing （南屏县统计局供稿）; phone from the unlabelled body line '刘振华  13800138103'.")


@case("04-luokuan-unit-date-126-pdf.eml", soffice_used=True)
def c04():
    title = "临江区开展中小学教师信息技术应用能力提升培训"
    doc = docx_bytes([
        ("title", title),
        ("sub", "通讯员　周敏、吴昊"),
        ("p", "近日，临江区教育局组织开展2026年中小学教师信息技术应用能力提升培训，全区32所中小学的210余名骨干教师参加。"),
        ("p", "培训采用专家讲座、案例研讨和上机实操相结合的方式，围绕智慧课堂教学设计、数字教育资源应用、人工智能辅助备课等内容展开。"
              "参训教师分组完成了一节融合信息技术的示范课设计，并进行了现场展示和点评。"),
        ("p", "临江区教育局相关负责人表示，下一步将以此次培训为契机，推动信息技术与学科教学深度融合，"
              "全面提升教师数字素养和课堂教学质量。"),
        ("blank",),
        ("r", "临江区教育局"),
        ("r", "2026年3月18日"),
    ])
    pdf = soffice(doc, "pdf")
    plain = "您好！现报送我局工作信息一篇（PDF格式），请审核。\n联系人：周敏\n电话：138-0013-8104\n"
    m = Mail("126", 4, "周敏", "zhoumin_ljjy@126.com", "信息报送", "Wed, 18 Mar 2026 15:10:07 +0800",
             plain=plain, attachments=[("临江区教育局信息.pdf", pdf)])
    return m.render(), label(
        title=title, unit="临江区教育局", authors=["周敏", "吴昊"], phone="13800138104", fmt="pdf", client="126",
        placement=["subject_generic", "luokuan_unit_date", "byline_correspondents", "metadata_in_body"],
        note="The 22-character title wraps onto a second line in the PDF; label is the joined title. Unit only in the 落款 (unit line above the date); byline '通讯员　周敏、吴昊' under the title; phone in the mail body.")


@case("05-body-lead-reporter-gonggao-foxmail-plain.eml")
def c05():
    title = "安和县人民医院开展“世界防治结核病日”义诊宣传活动"
    plain = (
        "编辑老师：您好！以下是我院新闻稿，请审阅。\n\n"
        + title + "\n\n"
        "本报讯（记者 许喆 通讯员 邓  超）3月24日是“世界防治结核病日”。当天上午，安和县人民医院组织呼吸与危重症医学科、"
        "感染性疾病科、检验科等科室的医护人员，在县城中心广场开展义诊宣传活动。\n"
        "活动现场，医护人员为群众免费测量血压、血糖，提供健康咨询，并通过展板、宣传折页等形式，向群众讲解结核病的传播途径、"
        "早期症状和防治知识，提醒群众咳嗽、咳痰两周以上要及时到医院检查。活动共发放宣传资料800余份，义诊群众260余人次。\n"
        "下一步，该院将持续开展结核病防治知识进社区、进学校活动，提高群众防病意识。\n\n"
        "安和县人民医院办公室 供稿\n\n"
        "联系人：邓超　手机：138—0013—8105\n")
    m = Mail("foxmail", 5, "邓超", "dengchao_ahyy@163.com", "新闻稿", "Tue, 24 Mar 2026 17:32:45 +0800",
             plain=plain, plain_only=True)
    return m.render(), label(
        title=title, unit="安和县人民医院办公室", authors=["许喆", "邓超"], phone="13800138105", fmt="body",
        client="foxmail",
        placement=["subject_generic", "body_article_plain", "lead_correspondents", "closing_supplied_by",
                   "name_padding_space", "phone_emdash"],
        note="Body-only article after a greeting line; title is the first line of the article, not the greeting. "
             "Unit from 'XX办公室 供稿' kept with its 办公室 suffix as written. 许喆 (记者) and 邓超 (通讯员) both authors. "
             "GB2312 label on GBK text (喆).")


@case("06-sig-only-name-not-author-gov-doc.eml", soffice_used=True)
def c06():
    title = "落霞县林业局扎实开展春季森林防火巡查"
    doc = docx_bytes([
        ("title", title),
        ("p", "当前正值春季森林防火关键期，为切实做好森林防灭火工作，落霞县林业局自3月起在全县范围内开展春季森林防火巡查行动。"),
        ("p", "巡查中，工作人员深入林区、墓地、林缘农田等重点部位，检查护林员在岗履职、防火检查站值守、扑火物资储备等情况，"
              "并向林区群众发放森林防火宣传单，劝导群众不在林区野外用火、文明祭祀。截至目前，已累计出动巡查人员360余人次，"
              "排查整改隐患21处。"),
        ("p", "下一步，县林业局将严格落实24小时值班和领导带班制度，强化火情早期处置，全力确保全县森林资源安全。"),
    ], author="lyj")
    d = soffice(doc, "doc")
    plain = "您好，附件是我局近期工作信息，请审阅采用。\n\n陈立新\n落霞县林业局\n电话 0571-87651206\n"
    m = Mail("gov", 6, "落霞县林业局办公室", "bgs@lxlyj.gov.cn", "报送信息一篇",
             "Fri, 20 Mar 2026 11:03:52 +0800", plain=plain, attachments=[("林业局信息.doc", d)])
    return m.render(), label(
        outcome="incomplete", missing=["authors"], title=title, unit="落霞县林业局", authors=[],
        phone="0571-87651206", fmt="doc", client="gov",
        placement=["subject_generic", "signature_block_lines"],
        note="Per corpus convention a name in the mail signature is not an author unless labelled; the manuscript "
             "names nobody, so authors are missing. Unit and phone from the unlabelled signature lines.")


# =========================================================================== family B
# names typed the way people type them

@case("07-names-padded-163-docx.eml")
def c07():
    title = "青阳街道开展“邻里守望”志愿服务活动"
    doc = docx_bytes([
        ("title", title),
        ("l", "单位：滨海市青阳街道办事处"),
        ("l", "作者：刘  畅、江　涛、欧阳明月"),
        ("l", "联系电话：13800138107"),
        ("p", "为弘扬志愿服务精神，营造邻里互助的和谐氛围，3月5日，青阳街道组织辖区8个社区的120余名志愿者开展“邻里守望”志愿服务活动。"),
        ("p", "志愿者们分成若干小组，走进独居老人、困难家庭，开展清扫房屋、代购生活用品、健康义诊、政策宣讲等服务，"
              "并为行动不便的老人建立“一户一档”服务台账。活动当天共走访服务群众230余户。"),
        ("p", "下一步，青阳街道将把“邻里守望”打造成常态化志愿服务品牌，让更多居民在家门口感受到温暖。"),
    ])
    plain = "您好，附件为我街道投稿，请审阅！\n"
    m = Mail("163", 7, "江涛", "jiangtao_qyjd@163.com", "投稿：" + title, "Thu, 05 Mar 2026 18:20:11 +0800",
             plain=plain, attachments=[("邻里守望志愿服务.docx", doc)])
    return m.render(), label(
        title=title, unit="滨海市青阳街道办事处", authors=["刘畅", "江涛", "欧阳明月"], phone="13800138107",
        placement=["labels_top_after_title", "name_padding_space", "name_padding_fullwidth_space", "sep_dunhao"],
        note="'刘  畅' (two ASCII spaces) and '江　涛' (U+3000) are padded two-character names, aligned with 欧阳明月.")


@case("08-names-semicolon-outlook-doc.eml", soffice_used=True)
def c08():
    title = "城北区税务局推出十项举措优化春季办税服务"
    doc = docx_bytes([
        ("title", title),
        ("p", "近日，城北区税务局结合辖区纳税人缴费人需求，推出“延时服务、预约办税、一窗通办”等十项便民办税举措，"
              "进一步提升办税缴费便利度。"),
        ("p", "在区政务服务中心税务办税厅，工作人员正在为前来办理业务的企业财务人员讲解电子税务局操作流程。"
              "据介绍，今年以来，该局已为纳税人提供预约服务420余次、延时服务190余次，开展政策辅导12场。"),
        ("p", "下一步，城北区税务局将持续收集纳税人意见建议，不断优化服务举措，为经营主体发展营造良好税收营商环境。"),
        ("blank",),
        ("l", "撰稿：陈思远；林　涛；何静"),
        ("l", "单位：城北区税务局"),
        ("l", "电话：0571-87651208"),
        ("l", "审核：高建军"),
    ])
    d = soffice(doc, "doc")
    plain = "您好：\n\n附件为我局稿件，请审阅。\n\n陈思远\n"
    m = Mail("outlook", 8, "陈思远", "chensiyuan_cb@outlook.com", "城北区税务局投稿",
             "Mon, 09 Mar 2026 01:47:09 +0000", plain=plain,
             attachments=[("城北区税务局春季办税服务稿件.doc", d)])
    return m.render(), label(
        title=title, unit="城北区税务局", authors=["陈思远", "林涛", "何静"], phone="0571-87651208",
        reviewer="高建军", fmt="doc", client="outlook",
        placement=["labels_bottom", "sep_fullwidth_semicolon", "name_padding_fullwidth_space", "label_zhuangao"])


@case("09-names-ji-zhibi-qq-docx.eml")
def c09():
    title = "桃源社区“红色网格”打通服务群众“最后一米”"
    doc = docx_bytes([
        ("title", title),
        ("p", "“网格员隔三岔五就上门，有啥困难一个电话就能解决。”说起社区的网格化服务，桃源社区居民张阿姨赞不绝口。"),
        ("p", "今年以来，桃源社区党委以党建引领基层治理，将辖区划分为14个网格，由党员骨干担任网格长，组建“红色网格”服务队，"
              "常态化开展入户走访、矛盾调解、政策宣传等工作，做到“小事不出网格、大事不出社区”。"),
        ("p", "截至目前，“红色网格”服务队累计走访居民1800余户，收集并解决群众诉求260余件，群众满意度持续提升。"),
        ("blank",),
        ("l", "供稿单位：桃源街道桃源社区党委"),
        ("l", "执笔：张海波、刘宁及杨柳"),
        ("l", "联系方式：138 0013 8109"),
    ])
    plain = "老师您好，这是我们社区的投稿，请审阅，谢谢！\n"
    m = Mail("qq", 9, "杨柳", "1564098237@qq.com", "投稿（社区党建）", "Wed, 11 Mar 2026 09:58:30 +0800",
             plain=plain, attachments=[("桃源社区红色网格.docx", doc)])
    return m.render(), label(
        title=title, unit="桃源街道桃源社区党委", authors=["张海波", "刘宁", "杨柳"], phone="13800138109",
        client="qq", placement=["labels_bottom", "sep_ji", "label_zhibi", "phone_spaces"])


@case("10-names-multispace-163-txt-gbk.eml")
def c10():
    title = "河西区文化馆举办“非遗进校园”展演活动"
    txt = txt_gbk([
        title,
        "",
        "作者：赵  静    孙宏伟   钱多多",
        "单位：河西区文化馆",
        "电话：138 0013 8110",
        "",
        "　　3月17日下午，河西区文化馆“非遗进校园”展演活动在河西区第二实验小学举行，剪纸、皮影戏、花鼓灯等非遗项目轮番登场，"
        "让同学们近距离感受传统文化魅力。",
        "　　活动中，非遗传承人现场展示剪纸技艺，手把手教同学们剪出“福”字和生肖图案；皮影戏《龟与鹤》妙趣横生，引得台下阵阵掌声。",
        "　　据悉，今年河西区文化馆将组织非遗项目走进全区20所中小学，开展展演和体验课40场次，推动非遗保护传承从娃娃抓起。",
    ])
    plain = "您好，稿件在附件（txt格式），请查收。\n"
    m = Mail("163", 10, "钱多多", "qianduoduo_hxwhg@163.com", "稿件 河西区文化馆",
             "Tue, 17 Mar 2026 20:14:55 +0800", plain=plain, attachments=[("非遗进校园.txt", txt)])
    return m.render(), label(
        title=title, unit="河西区文化馆", authors=["赵静", "孙宏伟", "钱多多"], phone="13800138110", fmt="txt",
        placement=["labels_top_after_title", "sep_multiple_spaces", "name_padding_space", "phone_spaces", "txt_gbk_crlf"],
        note="'赵  静' (2 spaces) is one padded name; the 4 and 3 spaces after it separate names.")


# =========================================================================== family C
# captions in the mail body for photos attached as separate files

@case("11-body-captions-tu1-163-docx.eml")
def c11():
    title = "龙泉镇举办首届农民趣味运动会"
    doc = docx_bytes([
        ("title", title),
        ("l", "单位：龙泉镇人民政府"),
        ("l", "作者：韦丽娟"),
        ("l", "电话：13800138111"),
        ("p", "3月14日，龙泉镇首届农民趣味运动会在镇文体广场举行，全镇11个村（社区）的260余名村民参加比赛。"),
        ("p", "本次运动会设置拔河、同心协力、趣味托球跑、背篓投篮等8个项目，比赛现场加油声、欢笑声此起彼伏。"
              "经过一天的角逐，石板村代表队获得团体总分第一名。"),
        ("p", "“平时忙农活，难得这么热闹，既锻炼了身体，又增进了邻里感情。”参赛村民黄大姐说。"),
        ("l", "摄影：蒙小军"),
    ])
    plain = ("老师您好：\n附件为稿件和3张现场照片，照片说明如下：\n"
             "图1：图为拔河比赛现场，选手们奋力拼搏。\n"
             "图2：图为“同心协力”项目比赛中，村民们配合默契。\n"
             "图3：镇领导为获奖代表队颁奖。\n请审阅，谢谢！\n")
    att = [(title + ".docx", doc), ("IMG_2301.jpg", photo("11a")), ("IMG_2305.jpg", photo("11b")),
           ("IMG_2310.jpg", photo("11c"))]
    m = Mail("163", 11, "韦丽娟", "weilijuan_lq@163.com", "龙泉镇农民趣味运动会稿件（附照片）",
             "Sat, 14 Mar 2026 19:36:02 +0800", plain=plain, attachments=att)
    return m.render(), label(
        title=title, unit="龙泉镇人民政府", authors=["韦丽娟"], phone="13800138111", photo_count=3,
        captions=["图为拔河比赛现场，选手们奋力拼搏。", "图为“同心协力”项目比赛中，村民们配合默契。", "镇领导为获奖代表队颁奖。"],
        credit="蒙小军", placement=["labels_top_after_title", "captions_in_body_tuN", "photos_separate_camera_names"])


@case("12-body-captions-tuyi-qq-wps.eml", soffice_used=True)
def c12():
    title = "城西街道开展燃气安全“敲门行动”"
    doc = docx_bytes([
        ("title", title),
        ("p", "为切实防范化解燃气安全风险，近日，城西街道联合燃气公司、社区网格员组成工作专班，在辖区开展燃气安全“敲门行动”。"),
        ("p", "工作人员逐户检查燃气软管老化、燃气报警器安装、灶具熄火保护装置等情况，对检查中发现的隐患当场告知、限期整改，"
              "并为老旧小区居民免费更换老化软管。截至目前，共入户检查4300余户，整改隐患156处。"),
        ("p", "城西街道相关负责人表示，将建立燃气安全隐患排查长效机制，切实守护好群众生命财产安全。"),
        ("blank",),
        ("l", "供稿：城西街道办事处"),
        ("l", "撰稿：覃雪"),
        ("l", "电话：13800138112"),
    ])
    wps = soffice(doc, "doc")
    plain = ("您好，稿件见附件，照片3张：\n"
             "图一 社区网格员入户开展燃气安全检查\n"
             "图二 志愿者向居民发放燃气安全宣传手册\n"
             "图三 燃气公司技术人员为居民更换老化软管\n")
    att = [("稿件.wps", wps), ("DSC01234.JPG", photo("12a")), ("DSC01236.JPG", photo("12b")),
           ("DSC01241.JPG", photo("12c"))]
    m = Mail("qq", 12, "覃雪", "3092746158@qq.com", "稿件及照片", "Thu, 19 Mar 2026 14:27:44 +0800",
             plain=plain, attachments=att)
    return m.render(), label(
        title=title, unit="城西街道办事处", authors=["覃雪"], phone="13800138112", photo_count=3,
        captions=["社区网格员入户开展燃气安全检查", "志愿者向居民发放燃气安全宣传手册", "燃气公司技术人员为居民更换老化软管"],
        fmt="wps", client="qq",
        placement=["subject_generic", "labels_bottom", "captions_in_body_tu_chinese_numeral", "photos_separate_camera_names"],
        note="Caption lines numbered '图一 ', '图二 ', '图三 ' (Chinese numerals, space); the prefix is removed like '图1 '.")


@case("13-body-captions-zhaopian-outlook-docx.eml")
def c13():
    title = "云川市自然资源和规划局组织开展义务植树活动"
    doc = docx_bytes([
        ("title", title),
        ("p", "春回大地，万物复苏。3月12日，云川市自然资源和规划局组织机关干部职工及青年志愿者60余人，来到城郊凤凰山生态修复区开展义务植树活动。"),
        ("p", "活动现场，大家分工协作，挥锹铲土、扶苗培土、提水浇灌，干得热火朝天。经过两个多小时的努力，共栽植香樟、桂花等苗木800余株。"),
        ("p", "该局相关负责人表示，将持续推进国土绿化和生态修复工作，为建设美丽云川贡献力量。"),
        ("blank",),
        ("l", "单位：云川市自然资源和规划局　作者：彭飞　电话：0571-87651213"),
    ])
    plain = ("您好！\n附件是我单位春季义务植树活动的稿件和现场照片，照片说明：\n"
             "照片1 机关干部职工在植树点挥锹培土。\n"
             "照片2 青年志愿者为新栽树苗浇水。\n"
             "请审阅，谢谢！\n")
    att = [("植树活动.docx", doc), ("微信图片_20260312101532.jpg", photo("13a")),
           ("微信图片_20260312101547.jpg", photo("13b"))]
    m = Mail("outlook", 13, "彭飞", "pengfei_yczrzy@outlook.com", "报送：义务植树活动稿件及照片",
             "Thu, 12 Mar 2026 08:15:30 +0000", plain=plain, attachments=att)
    return m.render(), label(
        title=title, unit="云川市自然资源和规划局", authors=["彭飞"], phone="0571-87651213", photo_count=2,
        captions=["机关干部职工在植树点挥锹培土。", "青年志愿者为新栽树苗浇水。"], client="outlook",
        placement=["labels_bottom_one_line", "captions_in_body_zhaopianN", "photos_separate_wechat_names"],
        note="'照片1 ' prefixes removed. Labels all on one line separated by full-width spaces.")


# =========================================================================== family D
# generic subjects; manuscripts with and without a real title

@case("14-subject-zhuanfa-tougao-163-docx.eml")
def c14():
    title = "晴川县举办第三届青年教师教学技能大赛"
    doc = docx_bytes([
        ("l", "作者：周琳，罗文斌"),
        ("l", "单位：晴川县教育局"),
        ("l", "电话：138－0013－8114"),
        ("l", "审核：钱卫东"),
        ("blank",),
        ("title", title),
        ("p", "3月19日至20日，晴川县第三届青年教师教学技能大赛在县实验中学举行，来自全县中小学的68名青年教师同台竞技。"),
        ("p", "大赛分教学设计、课堂教学展示和教学反思三个环节，涵盖语文、数学、英语、科学等11个学科。参赛教师精心准备，"
              "充分运用信息化手段创设教学情境，展现了扎实的教学基本功和良好的专业素养。"),
        ("p", "据悉，大赛共评出一等奖12名、二等奖20名、三等奖30名。县教育局将以赛促教，进一步加强青年教师队伍建设。"),
    ], author="zl")
    plain = ("请审阅。\n\n\n"
             "-------- 转发邮件信息 --------\n"
             "发件人：\"周琳\" <zhoulin_qcjy@126.com>\n"
             "发送日期：2026-03-20 16:42:10\n"
             "收件人：\"宣传科\" <xck_qcjy@163.com>\n"
             "主题：投稿\n\n"
             "科长好，大赛的稿子写好了，麻烦您审一下。\n")
    m = Mail("163", 14, "晴川县教育局宣传科", "xck_qcjy@163.com", "转发：投稿", "Fri, 20 Mar 2026 17:05:33 +0800",
             plain=plain, attachments=[("青年教师教学技能大赛（周琳）.docx", doc)])
    return m.render(), label(
        title=title, unit="晴川县教育局", authors=["周琳", "罗文斌"], phone="13800138114", reviewer="钱卫东",
        placement=["subject_generic_forward", "forwarded_mail", "labels_top_before_title", "phone_fullwidth_dash", "sep_fullwidth_comma"],
        note="Labels come before the title line in the manuscript. Phone uses full-width dashes '－'.")


@case("15-notitle-subject-tougao-qq-docx.eml")
def c15():
    doc = docx_bytes([
        ("p", "3月20日上午，白沙镇召开2026年安全生产工作推进会，镇党委、政府班子成员，各村（社区）党组织书记及镇安监站、"
              "派出所、市场监管所等单位负责人参加会议。"),
        ("p", "会议通报了一季度全镇安全生产检查情况，分析了当前面临的形势，并对道路交通、自建房、森林防火、燃气使用等重点领域"
              "隐患排查整治工作进行了部署。会上，各村（社区）签订了2026年安全生产目标责任书。"),
        ("p", "会议要求，各单位要压紧压实安全生产责任，坚持问题导向，扎实开展隐患排查整治，坚决防范遏制各类安全事故发生。"),
        ("blank",),
        ("l", "单位：白沙镇人民政府　作者：梁晓红　电话：13800138115"),
    ], author="Administrator")
    plain = "您好，投稿一篇，请审核，谢谢。\n"
    m = Mail("qq", 15, "梁晓红", "1283947560@qq.com", "投稿", "Fri, 20 Mar 2026 15:48:19 +0800",
             plain=plain, attachments=[("新建 Microsoft Word 文档.docx", doc)])
    return m.render(), label(
        outcome="incomplete", missing=["title"], title=None, unit="白沙镇人民政府", authors=["梁晓红"],
        phone="13800138115", client="qq", placement=["subject_generic", "no_title", "labels_bottom_one_line"],
        note="No title anywhere: generic subject, default file name, manuscript starts straight into the lead.")


@case("16-notitle-subject-tougaojian-126-body.eml")
def c16():
    plain = (
        "近日，金桥社区联合辖区社区卫生服务中心开展“关爱老人 健康同行”义诊活动，为辖区60周岁以上老年人提供免费健康服务。\n"
        "活动现场，医护人员为老人们测量血压、血糖，进行心电图检查，并耐心解答老人们提出的健康问题，叮嘱他们注意合理膳食、"
        "适量运动、按时服药。社区工作人员还为行动不便的老人提供上门服务。活动共服务老年人150余人次。\n"
        "下一步，金桥社区将定期开展健康义诊活动，让辖区老人在家门口享受便捷的医疗服务。\n\n"
        "金桥社区居委会\n"
        "撰稿：钟  敏\n"
        "电话：（0571）87651216\n")
    m = Mail("126", 16, "钟敏", "zhongmin_jqsq@126.com", "投稿件", "Mon, 23 Mar 2026 10:31:08 +0800",
             plain=plain)
    return m.render(), label(
        outcome="incomplete", missing=["title"], title=None, unit="金桥社区居委会", authors=["钟敏"],
        phone="0571-87651216", fmt="body", client="126",
        placement=["subject_generic", "no_title", "body_article_plain_html", "unit_line_unlabelled",
                   "name_padding_space", "landline_brackets"],
        note="Body-only article whose first line is already the lead sentence, so there is no title. "
             "Unit from the unlabelled line above 撰稿; landline '（0571）87651216'.")


@case("17-notitle-forward-xinxibaosong-outlook-docx.eml")
def c17():
    doc = docx_bytes([
        ("p", "为切实做好春季道路交通安全工作，3月21日，石桥县交通运输局联合县公安局交警大队，在县客运中心站开展春运后期"
              "道路运输安全联合检查。"),
        ("p", "检查组重点对客运车辆安全技术状况、驾驶员从业资格、车载卫星定位装置运行以及站内“三不进站、六不出站”制度落实情况"
              "进行了检查，并对检查中发现的2起车辆灭火器过期问题责令立即整改。"),
        ("p", "县交通运输局相关负责人表示，将持续加大道路运输市场执法检查力度，为群众安全出行提供有力保障。"),
        ("blank",),
        ("l", "报送单位：石桥县交通运输局"),
        ("l", "拟稿人：韩雪"),
        ("l", "联系电话：13800138117（办公室：0571-87651217）"),
        ("l", "审核人：潘志刚"),
    ], author="hx")
    plain = ("转发给您，请审阅。\n\n"
             "________________________________\n"
             "发件人: 韩雪 <hanxue_sqjt@163.com>\n"
             "发送时间: 2026年3月23日 9:15\n"
             "收件人: 办公室 <bgs_sqjt@outlook.com>\n"
             "主题: 信息报送\n\n"
             "主任好，信息已写好，请审核。\n")
    m = Mail("outlook", 17, "石桥县交通运输局办公室", "bgs_sqjt@outlook.com", "转发: 信息报送",
             "Mon, 23 Mar 2026 03:02:47 +0000", plain=plain, attachments=[("信息报送.docx", doc)])
    return m.render(), label(
        outcome="incomplete", missing=["title"], title=None, unit="石桥县交通运输局", authors=["韩雪"],
        phone="13800138117", reviewer="潘志刚", client="outlook",
        placement=["subject_generic_forward", "forwarded_mail", "no_title", "labels_bottom", "label_nigaoren",
                   "phone_mobile_then_landline"],
        note="No title: subject, forwarded subject and file name are all '信息报送'; the manuscript starts with the lead. "
             "First number written (mobile) is the phone.")


@case("18-title-only-in-subject-foxmail-txt.eml")
def c18():
    title = "红星村开展人居环境整治“红黑榜”评比"
    txt = txt_gbk([
        "　　为进一步激发村民参与人居环境整治的积极性，近日，东坡镇红星村组织村“两委”干部、党员代表和村民代表，"
        "对全村6个村民小组开展人居环境整治“红黑榜”评比。",
        "　　评比组逐户查看房前屋后卫生、柴草堆放、庭院绿化等情况，现场打分、当场公示，评出“红榜”户32户、“黑榜”户5户，"
        "并对“黑榜”户明确整改要求和时限。",
        "　　“上了红榜脸上有光，谁也不想上黑榜。”村民罗大伯说。通过评比，村民们主动清理房前屋后，村容村貌明显改善。",
        "",
        "单位：东坡镇红星村党支部",
        "作者：罗佳",
        "电话：138 0013 8118",
    ])
    plain = "您好，稿子在附件里，请审阅，谢谢！\n\n罗佳\n"
    m = Mail("foxmail", 18, "罗佳", "luojia_hxc@126.com", "投稿：" + title, "Wed, 25 Mar 2026 21:09:36 +0800",
             plain=plain, attachments=[("稿子.txt", txt)])
    return m.render(), label(
        title=title, unit="东坡镇红星村党支部", authors=["罗佳"], phone="13800138118", fmt="txt", client="foxmail",
        placement=["subject_tougao_title", "title_only_in_subject", "labels_bottom", "phone_spaces", "txt_gbk_crlf"],
        note="README silent: the manuscript has no title line (starts with the lead), but the subject '投稿：标题' carries "
             "a real title, which an editor would use. Labelled accepted with the subject title.")


# =========================================================================== family E
# corrupt manuscripts with a two-line covering note

@case("19-corrupt-truncated-docx-163.eml")
def c19():
    full = docx_bytes([
        ("title", "丰乐镇抢抓农时推进春耕生产"),
        ("p", "连日来，丰乐镇抢抓晴好天气，组织农技人员深入田间地头指导群众开展春耕备耕，确保粮食生产开好头、起好步。" * 6),
        ("l", "作者：黄志勇"),
    ])
    bad = full[: len(full) * 45 // 100]
    plain = "您好，附件是我单位稿件，请审阅。\n联系人 黄志勇 13800138119\n"
    m = Mail("163", 19, "黄志勇", "huangzhiyong_fl@163.com", "投稿", "Sat, 21 Mar 2026 08:44:12 +0800",
             plain=plain, attachments=[("丰乐镇春耕生产稿件.docx", bad)])
    return m.render(), rejected("unreadable_manuscript", "docx", "163", ["corrupt_truncated", "covering_note"],
                                note="The .docx is cut at 45% of its bytes (zip central directory missing).")


@case("20-corrupt-random-docx-qq.eml")
def c20():
    bad = random.Random("case20").randbytes(23552)
    plain = "老师好，附件是我校稿件，请审阅。\n联系人：莫小兰 138-0013-8120\n"
    m = Mail("qq", 20, "莫小兰", "2038571946@qq.com", "投稿-实验小学", "Tue, 24 Mar 2026 12:16:50 +0800",
             plain=plain, attachments=[("投稿-实验小学.docx", bad)])
    return m.render(), rejected("unreadable_manuscript", "docx", "qq", ["corrupt_random_bytes", "covering_note"])


@case("21-corrupt-random-doc-outlook.eml")
def c21():
    bad = random.Random("case21").randbytes(30720)
    plain = "您好，附件是我中心稿件，请审阅。\n联系人 卢伟 0571-87651221\n"
    m = Mail("outlook", 21, "卢伟", "luwei_sbzx@outlook.com", "稿件", "Wed, 25 Mar 2026 06:38:21 +0000",
             plain=plain, attachments=[("社保中心稿件.doc", bad)])
    m.outlook_no_name = True
    return m.render(), rejected("unreadable_manuscript", "doc", "outlook",
                                ["corrupt_random_bytes", "covering_note", "rfc2231_only_filename"])


# =========================================================================== family F
# phones typed in many ways

@case("22-phone-fullwidth-digits-qq-docx.eml")
def c22():
    title = "长岭乡召开巩固拓展脱贫攻坚成果推进会"
    doc = docx_bytes([
        ("title", title),
        ("l", "供稿单位：长岭乡人民政府"),
        ("l", "作者：韦家宝和黄丽萍"),
        ("l", "联系电话：１３８００１３８１２２"),
        ("p", "3月26日，长岭乡召开巩固拓展脱贫攻坚成果推进会，总结分析前期工作，安排部署下一阶段重点任务。"),
        ("p", "会议通报了防止返贫动态监测帮扶、产业就业帮扶、易地搬迁后续扶持等工作进展情况，各驻村工作队和村党支部书记"
              "逐一汇报了本村工作开展情况及存在的问题。"),
        ("p", "会议强调，要坚决守住不发生规模性返贫的底线，聚焦产业发展和稳岗就业，持续增强脱贫群众内生发展动力。"),
    ])
    plain = "您好，附件是长岭乡投稿，请查收。\n"
    m = Mail("qq", 22, "韦家宝", "wjb_changling@qq.com", "长岭乡投稿", "Thu, 26 Mar 2026 18:03:27 +0800",
             plain=plain, attachments=[("长岭乡巩固脱贫成果推进会.docx", doc)])
    return m.render(), label(
        title=title, unit="长岭乡人民政府", authors=["韦家宝", "黄丽萍"], phone="13800138122", client="qq",
        placement=["labels_top_after_title", "phone_fullwidth_digits", "sep_he"])


@case("23-phone-landline-brackets-ext-outlook-pdf.eml", soffice_used=True)
def c23():
    title = "江南区举办就业援助月专场招聘会"
    doc = docx_bytes([
        ("title", title),
        ("p", "为帮助就业困难人员和零就业家庭成员实现就业，3月6日，江南区人力资源和社会保障局在区人力资源市场举办就业援助月专场招聘会。"),
        ("p", "招聘会共组织56家用人单位进场招聘，提供保洁、仓储、物业、家政、生产操作等岗位1200余个。现场设立政策咨询台，"
              "为求职者提供就业创业政策、职业技能培训等咨询服务。当天共有600余人次进场求职，初步达成就业意向180余人。"),
        ("p", "下一步，区人社局将持续开展就业援助专项活动，对就业困难人员实施“一人一档”精准帮扶。"),
        ("blank",),
        ("l", "单位：江南区人力资源和社会保障局"),
        ("l", "作者：黎明、苏晴"),
        ("l", "联系方式：（0571）87651223转8012，13800138123"),
    ])
    pdf = soffice(doc, "pdf")
    plain = "您好，附件为我局投稿（PDF），请审阅。\n\n苏晴\n"
    m = Mail("outlook", 23, "苏晴", "suqing_jnrs@outlook.com", "投稿：江南区举办就业援助月专场招聘会",
             "Fri, 06 Mar 2026 09:20:14 +0000", plain=plain, attachments=[("江南区就业援助月招聘会.pdf", pdf)])
    return m.render(), label(
        title=title, unit="江南区人力资源和社会保障局", authors=["黎明", "苏晴"], phone="0571-87651223转8012",
        fmt="pdf", client="outlook",
        placement=["subject_tougao_title", "labels_bottom", "landline_brackets", "landline_extension",
                   "phone_landline_then_mobile", "label_lianxifangshi"],
        note="README silent on extensions: the first number written is the landline with extension; an editor needs the "
             "extension to reach the author, so the label keeps it as '0571-87651223转8012'.")


@case("24-phone-yi-dash-lead-tail-163-doc.eml", soffice_used=True)
def c24():
    title = "松阳县审计局举办青年干部业务能力提升“微课堂”"
    doc = docx_bytes([
        ("title", title),
        ("p", "近日，松阳县审计局举办首期青年干部业务能力提升“微课堂”，局机关35周岁以下青年干部20余人参加。（通讯员 蒋文 潘美玲）"),
        ("p", "本期“微课堂”以“大数据审计方法运用”为主题，由局计算机审计中心业务骨干结合近年来的审计项目实例，讲解数据采集、"
              "清洗、分析和疑点核查的方法技巧。课后，青年干部围绕如何在审计实践中提升数据分析能力进行了交流讨论。"),
        ("p", "据了解，该局将每月举办一期“微课堂”，由青年干部轮流登台授课，推动青年干部在学中干、在干中学，不断提升审计业务能力。"),
        ("blank",),
        ("l", "报送单位：松阳县审计局　　手机：138一0013一8124"),
    ])
    d = soffice(doc, "doc")
    plain = "你好！附件是我局信息，请审阅。谢谢\n"
    m = Mail("163", 24, "潘美玲", "panmeiling_sysj@163.com", "松阳县审计局稿件", "Thu, 26 Mar 2026 11:27:39 +0800",
             plain=plain, attachments=[("审计局稿件.doc", d)])
    return m.render(), label(
        title=title, unit="松阳县审计局", authors=["蒋文", "潘美玲"], phone="13800138124", fmt="doc",
        placement=["lead_correspondents_tail", "labels_bottom_one_line", "phone_yi_as_dash"],
        note="Authors in '（通讯员 蒋文 潘美玲）' at the end of the lead paragraph; phone groups separated by the "
             "character 一 (typed with a Chinese IME instead of a dash).")


# =========================================================================== ordinary submissions

@case("25-labels-top-embedded-photos-163-docx.eml")
def c25():
    title = "玉溪镇开展“巾帼心向党 奋进新征程”主题宣讲活动"
    doc = docx_bytes([
        ("l", "来源：玉溪镇妇联"),
        ("l", "作者：陆雅琴"),
        ("l", "电话：13800138125"),
        ("l", "审核：覃永福"),
        ("blank",),
        ("title", title),
        ("p", "为庆祝“三八”国际妇女节，3月6日，玉溪镇妇联在镇新时代文明实践所开展“巾帼心向党 奋进新征程”主题宣讲活动，"
              "全镇妇女干部、巾帼志愿者代表等80余人参加。"),
        ("img", photo("25a")),
        ("cap", "图为宣讲现场。"),
        ("p", "宣讲员结合身边的巾帼榜样故事，用通俗易懂的语言宣讲党的惠民政策和妇女权益保障知识。随后，妇女代表们结合自身工作"
              "和生活实际交流发言，分享在乡村振兴、家庭建设中的心得体会。"),
        ("img", photo("25b")),
        ("cap", "图为妇女代表交流发言。"),
        ("p", "镇妇联负责人表示，将持续组织开展形式多样的宣讲活动，引导广大妇女在乡村振兴中建功立业。"),
    ], author="lyq")
    plain = "您好，附件为玉溪镇妇联投稿（含图片），请审阅。\n陆雅琴\n"
    m = Mail("163", 25, "陆雅琴", "luyaqin_yxfl@163.com", "玉溪镇妇联投稿", "Fri, 06 Mar 2026 17:50:03 +0800",
             plain=plain, attachments=[("巾帼宣讲活动.docx", doc)])
    return m.render(), label(
        title=title, unit="玉溪镇妇联", authors=["陆雅琴"], phone="13800138125", reviewer="覃永福", photo_count=2,
        captions=["图为宣讲现场。", "图为妇女代表交流发言。"],
        placement=["labels_top_before_title", "label_laiyuan", "photos_embedded", "caption_under_photo"])


@case("26-table-top-embedded-and-attached-gov-docx.eml")
def c26():
    title = "平湖市开展入河排污口专项排查整治"
    pic = photo("26a")
    doc = docx_bytes([
        ("table", [["供稿单位", "平湖市生态环境局", "联系电话", "0571-87651226"],
                   ["作　　者", "严  俊、郑欣怡", "审 核 人", "方国平"]]),
        ("blank",),
        ("title", title),
        ("p", "为持续改善水环境质量，平湖市生态环境局自3月起在全市范围内开展入河排污口专项排查整治行动，对全市主要河流、"
              "湖库沿岸的各类排污口进行全面排查。"),
        ("img", pic),
        ("cap", "图为执法人员乘船对入河排污口进行排查。"),
        ("p", "排查采取无人机航测、人工徒步、乘船巡查相结合的方式，逐一登记排污口位置、类型、排放情况，建立“一口一档”。"
              "截至目前，已排查河道岸线86公里，发现并登记排污口214个，对其中17个问题排污口下达整改通知。"),
        ("p", "下一步，该局将按照“查、测、溯、治”要求，分类推进排污口整治，确保年底前完成整治任务。"),
    ], author="yj")
    plain = "各位老师好：\n报送平湖市生态环境局信息一篇，原图另附。\n"
    m = Mail("gov", 26, "平湖市生态环境局", "xxk@phsthj.gov.cn", "报送信息：" + title,
             "Tue, 31 Mar 2026 16:12:45 +0800", plain=plain,
             attachments=[("入河排污口排查整治.docx", doc), ("DSC_0088.JPG", pic)])
    return m.render(), label(
        title=title, unit="平湖市生态环境局", authors=["严俊", "郑欣怡"], phone="0571-87651226", reviewer="方国平",
        photo_count=1, captions=["图为执法人员乘船对入河排污口进行排查。"], client="gov",
        placement=["labels_table_top", "photos_embedded", "caption_under_photo", "photo_also_attached_identical"],
        note="The attached DSC_0088.JPG is byte-identical to the embedded picture: one photo, caption from the line under it. "
             "Label cells are padded ('作　　者', '审 核 人'), as is the name '严  俊'.")


@case("27-labels-bottom-qianfa-captions-in-doc-qq-docx.eml")
def c27():
    title = "碧水县开展地震应急疏散演练"
    doc = docx_bytes([
        ("title", title),
        ("p", "为提高师生应对突发地震灾害的应急避险和自救互救能力，3月27日，碧水县应急管理局联合县教育局在县实验中学开展地震应急疏散演练。"),
        ("p", "随着警报声响起，师生们迅速用书包护住头部，在老师的引导下沿指定路线有序撤离至操场，全校1600余名师生仅用时3分12秒"
              "完成疏散。随后，县应急救援队员向学生演示了伤员包扎、搬运等急救技能。"),
        ("p", "演练结束后，工作人员对此次演练进行了点评，并为学生讲解了地震避险常识。"),
        ("blank",),
        ("l", "图1：碧水县实验中学学生在老师引导下有序疏散至操场。"),
        ("l", "图2：救援队员向学生演示伤员搬运方法。"),
        ("blank",),
        ("l", "单位：碧水县应急管理局"),
        ("l", "作者：蓝天佑;莫晓雯"),
        ("l", "电话：138 0013 8127"),
        ("l", "签发：黄国强"),
    ])
    plain = "您好，稿件和图片见附件，请审阅。\n"
    att = [("地震应急疏散演练.docx", doc), ("1.jpg", photo("27a")), ("2.jpg", photo("27b"))]
    m = Mail("qq", 27, "蓝天佑", "lantianyou_yj@qq.com", title, "Fri, 27 Mar 2026 16:40:58 +0800",
             plain=plain, attachments=att)
    return m.render(), label(
        title=title, unit="碧水县应急管理局", authors=["蓝天佑", "莫晓雯"], phone="13800138127", reviewer="黄国强",
        photo_count=2, captions=["碧水县实验中学学生在老师引导下有序疏散至操场。", "救援队员向学生演示伤员搬运方法。"],
        client="qq", placement=["subject_is_title", "labels_bottom", "label_qianfa", "sep_ascii_semicolon", "captions_end_of_manuscript",
                                "photos_separate"])


@case("28-luokuan-single-line-wen-tu-foxmail-docx.eml")
def c28():
    title = "青禾镇开展春季农机安全生产检查"
    doc = docx_bytes([
        ("title", title),
        ("sub", "文/ 胡蝶　图/ 高原"),
        ("p", "春耕时节，农机具使用频繁。为消除农机安全隐患，4月7日，青禾镇组织农机服务中心工作人员深入各村开展春季农机安全生产检查。"),
        ("img", photo("28a")),
        ("cap", "图为工作人员检查拖拉机灯光、制动装置。"),
        ("p", "检查中，工作人员对拖拉机、微耕机、收割机等农机具的制动、转向、灯光等安全部件逐一检查，并向农机手宣传农机安全操作规程，"
              "提醒大家不酒后驾驶、不无证驾驶、不违规载人。此次检查共检查农机具130余台，排查整改隐患9处。"),
        ("blank",),
        ("r", "青禾镇人民政府　2026年4月8日"),
    ], author="hudie")
    plain = "您好，附件是我镇稿件，请审阅。\n联系电话：13800138128\n胡蝶\n"
    m = Mail("foxmail", 28, "胡蝶", "hudie_qinghe@126.com", title, "Wed, 08 Apr 2026 10:22:17 +0800",
             plain=plain, attachments=[("青禾镇农机安全检查.docx", doc)])
    return m.render(), label(
        title=title, unit="青禾镇人民政府", authors=["胡蝶"], phone="13800138128", photo_count=1,
        captions=["图为工作人员检查拖拉机灯光、制动装置。"], credit="高原", client="foxmail",
        placement=["subject_is_title", "byline_wen_tu", "luokuan_single_line", "metadata_in_body", "photos_embedded",
                   "caption_under_photo"])


@case("29-subject-bracket-unit-outlook-docx.eml")
def c29():
    title = "滨江区开展“法律明白人”骨干培训"
    doc = docx_bytes([
        ("title", title),
        ("p", "为提升基层依法治理能力，3月30日至31日，滨江区司法局举办“法律明白人”骨干培训班，全区各镇街、村（社区）的"
              "“法律明白人”骨干150余人参加培训。"),
        ("p", "培训邀请律师、基层法律服务工作者围绕民法典婚姻家庭编、土地承包纠纷、矛盾纠纷调解技巧等内容进行授课，"
              "并组织学员开展模拟调解。"),
        ("p", "参训学员表示，将把所学知识运用到基层矛盾纠纷化解和普法宣传中，当好群众身边的“法律顾问”。"),
        ("blank",),
        ("l", "作者：吴  悦"),
        ("l", "联系电话：0571-8765 1229"),
        ("l", "审签：何志明"),
    ], author="wy")
    plain = "您好：\n附件为我局稿件，请审阅。\n谢谢！\n"
    m = Mail("outlook", 29, "吴悦", "wuyue_bjsf@outlook.com", "【滨江区司法局】" + title,
             "Tue, 31 Mar 2026 08:05:51 +0000", plain=plain, attachments=[("法律明白人培训.docx", doc)])
    return m.render(), label(
        title=title, unit="滨江区司法局", authors=["吴悦"], phone="0571-87651229", reviewer="何志明",
        client="outlook",
        placement=["subject_bracket_unit_title", "labels_bottom", "label_shenqian", "name_padding_space",
                   "landline_spaced"],
        note="Unit only in the 【单位】 subject prefix.")


@case("30-subject-unit-colon-title-126-pdf.eml", soffice_used=True)
def c30():
    title = "石门县开展“义诊进社区”活动"
    doc = docx_bytes([
        ("title", title),
        ("p", "为满足群众多层次健康服务需求，4月2日，石门县卫生健康局组织县人民医院、县中医院等医疗机构的30余名医务人员，"
              "走进城南社区开展“义诊进社区”活动。"),
        ("p", "义诊现场，医务人员为居民提供血压血糖测量、中医推拿、口腔检查和健康咨询等服务，并现场讲解高血压、糖尿病等慢性病"
              "预防知识。活动共服务群众420余人次，发放健康宣传资料1000余份。"),
        ("p", "据悉，今年石门县将组织开展“义诊进社区”活动24场次，实现城区社区全覆盖。"),
        ("blank",),
        ("l", "作者：黄晓东/邹琳"),
        ("l", "电话：13800138130"),
    ], author="hxd")
    pdf = soffice(doc, "pdf")
    plain = "您好，附件为稿件，请审阅。\n"
    m = Mail("126", 30, "黄晓东", "huangxiaodong_smws@126.com", "石门县卫生健康局：" + title,
             "Thu, 02 Apr 2026 17:18:26 +0800", plain=plain, attachments=[("义诊进社区.pdf", pdf)])
    return m.render(), label(
        title=title, unit="石门县卫生健康局", authors=["黄晓东", "邹琳"], phone="13800138130", fmt="pdf",
        client="126", placement=["subject_unit_colon_title", "labels_bottom", "sep_slash"],
        note="Unit only in the '单位：标题' subject.")


@case("31-html-body-inline-cid-qq.eml")
def c31():
    title = "红枫中学举行“学雷锋”志愿服务月启动仪式"
    p1 = ("3月5日上午，江州市红枫中学举行“学雷锋”志愿服务月启动仪式，全校师生1200余人参加。仪式上，学生代表宣读了"
          "志愿服务倡议书，全体志愿者面向志愿服务旗帜庄严宣誓。")
    p2 = ("启动仪式后，志愿者们分成12个小分队，走上街头清理校园周边卫生、整理共享单车，走进敬老院为老人表演节目、打扫房间。")
    p3 = "据悉，志愿服务月期间，该校将组织开展各类志愿服务活动30余场次。"
    cap1, cap2 = "图为学生志愿者庄严宣誓。", "图为志愿者清理校园周边卫生。"
    tail = ["来源：江州市红枫中学", "作者：凌  霄、杜若", "Tel：138-0013-8131", "把关人：苏振国"]
    cid1, cid2 = "3A7F1C20@E41B2D9C.6F1E2B69", "5B2C8D31@E41B2D9C.6F1E2B69"
    html = ('<meta http-equiv="Content-Type" content="text/html; charset=GB18030">'
            '<div style="font-family: 微软雅黑, sans-serif; font-size: 14px;">'
            '<div><b>%s</b></div><div><br></div><div>%s</div>'
            '<div><img src="cid:%s" style="width: 320px;"></div><div>%s</div>'
            '<div>%s</div><div><img src="cid:%s" style="width: 320px;"></div><div>%s</div>'
            '<div>%s</div><div><br></div>%s</div>'
            % (title, p1, cid1, cap1, p2, cid2, cap2, p3,
               "".join("<div>%s</div>" % t for t in tail)))
    plain = "\n".join([title, "", p1, cap1, p2, cap2, p3, ""] + tail) + "\n"
    m = Mail("qq", 31, "杜若", "duruo_hfzx@qq.com", "学雷锋活动投稿", "Thu, 05 Mar 2026 20:47:13 +0800",
             plain=plain, html=html,
             inline=[("C4A1@B2D3F5.jpg", photo("31a"), cid1), ("D7E2@B2D3F5.jpg", photo("31b"), cid2)])
    return m.render(), label(
        title=title, unit="江州市红枫中学", authors=["凌霄", "杜若"], phone="13800138131", reviewer="苏振国",
        photo_count=2, captions=[cap1, cap2], fmt="html", client="qq",
        placement=["body_article_html", "inline_cid_photos", "caption_after_inline_image", "labels_bottom",
                   "label_laiyuan", "label_baguanren", "phone_tel_prefix", "name_padding_space"])


# =========================================================================== negatives

@case("32-out-of-office-outlook.eml")
def c32():
    plain = ("您好！\n\n我于2026年3月16日至3月20日外出参加培训，期间无法及时查看邮件，返回后将尽快回复。"
             "如有急事，请致电0571-87651232。\n\n谢谢！\n宋佳\n")
    m = Mail("outlook", 32, "宋佳", "songjia_tjj@outlook.com", "自动答复: 来稿已收到（TG-20260317-0005）",
             "Tue, 17 Mar 2026 02:11:09 +0000", plain=plain,
             extra_headers=[("In-Reply-To", "<ack-TG-20260317-0005@localhost>"),
                            ("Auto-Submitted", "auto-replied"), ("X-Auto-Response-Suppress", "All")])
    return m.render(), label(outcome="ignored", reason="auto_reply", fmt="body", client="outlook",
                             placement=["out_of_office"])


@case("33-photos-only-qq.eml")
def c33():
    att = [("mmexport1774251832190.jpg", photo("33a")), ("mmexport1774251836427.jpg", photo("33b")),
           ("mmexport1774251840915.jpg", photo("33c"))]
    m = Mail("qq", 33, "阿杰", "1735920468@qq.com", "活动照片", "Mon, 23 Mar 2026 19:30:41 +0800",
             plain="", html='<meta http-equiv="Content-Type" content="text/html; charset=GB18030"><div><br></div>',
             attachments=att)
    return m.render(), rejected("no_manuscript", "none", "qq", ["photos_only", "empty_body"])


@case("34-forgot-attachment-gov.eml")
def c34():
    plain = "您好，稿件见附件，请查收。\n\n城关镇党政办 何晓静 13800138134\n"
    m = Mail("gov", 34, "何晓静", "hexiaojing@cgz.gov.cn", "投稿：城关镇召开2026年第一季度重点项目推进会",
             "Wed, 01 Apr 2026 09:12:05 +0800", plain=plain)
    return m.render(), rejected("no_manuscript", "none", "gov", ["attachment_forgotten", "subject_tougao_title"],
                                note="Covering note promises an attachment that is not there; no article text at all.")


# =========================================================================== main
def main():
    only = set(sys.argv[1:])
    labels = {}
    for name, fn in CASES:
        if only and name not in only:
            continue
        data, lab = fn()
        with open(os.path.join(HERE, name), "wb") as f:
            f.write(data)
        labels[name] = lab
        print("wrote", name, len(data))
    if not only:
        with open(os.path.join(HERE, "labels.json"), "w", encoding="utf-8") as f:
            json.dump(labels, f, ensure_ascii=False, indent=2)
            f.write("\n")
        with open(os.path.join(HERE, "soffice_cases.txt"), "w", encoding="utf-8") as f:
            f.write("\n".join(sorted(SOFFICE_CASES)) + "\n")
    cleanup()


if __name__ == "__main__":
    main()
