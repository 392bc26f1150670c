"""The 34 invented mails of batch 2, with their labels. Used by build.py.

Families (tag `fam:*` in `placement`):
  unlabelled   metadata given without labels (signature, news lead, 供稿 line, 落款)
  names        names typed with padding spaces and odd separators / labels
  captions     captions in the mail body for separately attached JPEGs
  generic      generic subject, real title in the manuscript
  notitle      generic subject and no title anywhere -> incomplete
  corrupt      unreadable manuscript -> rejected
  phones       odd phone spellings
  ordinary     ordinary submissions in varied styles
  negative     auto-reply, photos only
"""
from __future__ import annotations

import datetime as dt
import random

W = "\u3000"  # full-width space


def D(m, d, hh, mi, ss=0):
    return dt.datetime(2026, m, d, hh, mi, ss)


def specs(b):
    L = b.label
    M = []

    def add(**kw):
        kw.setdefault("attachments", [])
        M.append(kw)

    def jpg(name):
        return (name, b.make_jpeg("batch2/" + name))

    # ------------------------------------------------------------------ unlabelled metadata
    t01 = "桃岭镇全面开展汛前地质灾害隐患排查"
    add(name="01-signature-dashdash-163", client="163", date=D(4, 8, 10, 12, 33),
        from_name="彭小红", from_addr="pxh_tlz@163.com", subject="桃岭镇信息一篇",
        text="编辑老师您好：\n    附件是我镇近期工作信息一篇，另附现场照片一张，请审阅，谢谢！\n\n"
             "-- \n彭小红\n岚川县桃岭镇人民政府党政办\n13800139001\n",
        attachments=[
            ("桃岭镇汛前地质灾害隐患排查.docx", b.manuscript("docx", [
                ("title", t01),
                ("p", "为切实做好汛期地质灾害防治工作，保障人民群众生命财产安全，4月7日起，桃岭镇组织国土、水利、应急等部门工作人员，"
                      "深入全镇12个村（社区）开展汛前地质灾害隐患排查。"),
                ("p", "排查中，工作人员重点对辖区内切坡建房户、山塘水库、在建工地等区域逐一“过筛”，详细了解隐患点变形迹象、"
                      "监测预警设施运行及群测群防员履职情况，现场发放《地质灾害防治明白卡》300余份。对排查发现的3处新增隐患点，"
                      "镇里第一时间落实专人监测，设立警示标志，制定“一点一策”处置方案。"),
                ("p", "下一步，桃岭镇将持续压实镇村两级责任，严格落实24小时值班值守和汛期“三查”制度，确保安全度汛。"),
                ("r", "（撰稿：彭小红）"),
            ], author="彭小红")),
            jpg("IMG_3308.JPG"),
        ],
        label=L(title=t01, unit="岚川县桃岭镇人民政府党政办", authors=["彭小红"], phone="13800139001",
                captions=[None], fmt="docx", client="163",
                placement=["fam:unlabelled", "signature_block", "signature_dashdash", "labels_bottom", "photos_attached"],
                note="Unit and phone appear only in the '-- ' signature of the mail body (unit line kept whole, "
                     "党政办 included). The author is labelled in the manuscript (撰稿). IMG_3308.JPG has no caption."))

    t02 = "梧岭县自然资源局开展耕地保护宣传进村入户活动"
    sig02_plain = ("您好！\n\n附件是我局报送的信息稿件一篇，请审核，谢谢。\n\n \n\n"
                   "李  娜\n梧岭县自然资源局\n手机：138 0013 9002\n地址：梧岭县城关镇建设北路18号\n")
    html02 = (
        '<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns="http://www.w3.org/TR/REC-html40">'
        '<head><meta http-equiv=Content-Type content="text/html; charset=utf-8">'
        '<meta name=Generator content="Microsoft Word 15 (filtered medium)"></head>'
        "<body lang=ZH-CN link=\"#0563C1\" vlink=\"#954F72\" style='text-justify-trim:punctuation'>"
        "<div class=WordSection1>"
        "<p class=MsoNormal>您好！<span lang=EN-US><o:p></o:p></span></p>"
        "<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>"
        "<p class=MsoNormal>附件是我局报送的信息稿件一篇，请审核，谢谢。<span lang=EN-US><o:p></o:p></span></p>"
        "<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>"
        "<table class=MsoNormalTable border=0 cellspacing=0 cellpadding=0 style='border-collapse:collapse'>"
        "<tr><td style='border:none;border-right:solid #1F4E79 2.25pt;padding:0cm 8pt 0cm 0cm'>"
        "<p class=MsoNormal><b><span style='font-size:12.0pt;color:#1F4E79'>李&nbsp;&nbsp;娜</span></b></p></td>"
        "<td style='padding:0cm 0cm 0cm 8pt'>"
        "<p class=MsoNormal><span style='font-size:9.0pt;color:#595959'>梧岭县自然资源局</span></p>"
        "<p class=MsoNormal><span style='font-size:9.0pt;color:#595959'>手机：<span lang=EN-US>138 0013 9002</span></span></p>"
        "<p class=MsoNormal><span style='font-size:9.0pt;color:#595959'>地址：梧岭县城关镇建设北路<span lang=EN-US>18</span>号</span></p>"
        "</td></tr></table>"
        "<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p></div></body></html>")
    add(name="02-html-signature-outlook", client="outlook", date=D(4, 16, 15, 2, 41),
        from_name="李娜", from_addr="lina@wuling-zrzy.gov.cn", subject="信息报送（4月16日）",
        text=sig02_plain, html=html02,
        attachments=[("梧岭县自然资源局耕地保护宣传进村入户活动.docx", b.manuscript("docx", [
            ("title", t02),
            ("p", "本网讯（通讯员 李娜 吴昊）4月16日，梧岭县自然资源局组织党员志愿者走进城关镇石桥村、大塘村，"
                  "开展以“守住耕地红线 端牢中国饭碗”为主题的耕地保护宣传活动。"),
            ("p", "活动现场，志愿者通过悬挂横幅、发放宣传册、以案释法等方式，向村民讲解违法占用耕地建房的危害以及农村宅基地审批流程，"
                  "并现场解答群众关心的土地承包、建房选址等问题。活动共发放宣传资料600余份，接受群众咨询80余人次。"),
            ("p", "据了解，今年以来，该局已组织开展耕地保护宣传活动15场次，依托卫片执法监测及时发现并制止违法占地行为9起，"
                  "有效遏制了新增乱占耕地现象。"),
        ], author="lina"))],
        label=L(title=t02, unit="梧岭县自然资源局", authors=["李娜", "吴昊"], phone="13800139002",
                fmt="docx", client="outlook",
                placement=["fam:unlabelled", "signature_block", "signature_html_table", "lead_correspondents"],
                note="Unit and mobile come from the Outlook HTML signature (a two-column table; the plain part has the "
                     "same lines). Authors from the lead '本网讯（通讯员 李娜 吴昊）'. The signature name is padded "
                     "'李  娜'; she is an author because the lead names her."))

    t03 = "柘源县“非遗进校园”系列活动走进南岭小学"
    add(name="03-lead-benwangxun-gonggao-doc-qq", client="qq", date=D(5, 13, 21, 47, 5),
        from_name="春风十里", from_addr="2871034562@qq.com", subject="柘源县非遗进校园活动稿件",
        text="老师好，稿子在附件，麻烦看看，有问题随时联系，电话13800139003。\n",
        attachments=[("非遗进校园.doc", b.manuscript("doc", [
            ("title", t03),
            ("p", "本网讯（记者 宋佳 通讯员 邓凯 谭晓雯）5月12日，柘源县“非遗进校园”系列活动走进南岭镇中心小学，剪纸、竹编、"
                  "花鼓戏等非遗项目传承人与师生面对面交流，让孩子们在“看、听、学、做”中感受传统文化魅力。"),
            ("p", "在竹编体验区，县级非遗传承人手把手教学生起底、编织、收口，一根根竹篾在孩子们手中变成了小巧的杯垫和笔筒。"
                  "花鼓戏表演区，演员们的精彩唱段引得台下掌声不断，不少学生跟着学唱了起来。"),
            ("p", "“原来竹子能编出这么多花样，我回家要教奶奶一起编。”五年级学生小雨高兴地说。"),
            ("p", "据悉，今年柘源县将组织非遗项目进校园活动30场次，覆盖全县中小学，并在5所学校设立非遗传承教学点，"
                  "推动非遗保护与学校美育深度融合。"),
            ("p", "（柘源县融媒体中心 供稿）"),
        ], author="Administrator"))],
        label=L(title=t03, unit="柘源县融媒体中心", authors=["宋佳", "邓凯", "谭晓雯"], phone="13800139003",
                fmt="doc", client="qq",
                placement=["fam:unlabelled", "lead_benwangxun", "supplied_by_closing", "phone_in_body"],
                note="Authors from the lead '本网讯（记者 宋佳 通讯员 邓凯 谭晓雯）': the reporter is an author too. "
                     "Unit from the closing '（柘源县融媒体中心 供稿）'. Phone only in the mail body ('电话13800139003'). "
                     "The QQ nickname '春风十里' is not a name."))

    t04 = "枫陵区“夜市经济”规范管理见实效"
    add(name="04-luokuan-two-lines-wps-foxmail", client="foxmail", date=D(4, 20, 16, 45, 10),
        from_name="杨帆", from_addr="yangfan_cg@foxmail.com", subject="枫陵区城管执法局投稿",
        text="您好！\n    附件为我局近期工作信息，请审阅。\n    联系人：杨帆  138—0013—9004\n",
        attachments=[("夜市经济规范管理.wps", b.manuscript("wps", [
            ("title", t04),
            ("c", "文/杨帆" + W + "黄蕾"),
            ("p", "入夏以来，枫陵区城市管理和综合执法局坚持“疏堵结合、以疏为主”，对辖区滨江路、花果园两处夜市开展规范化管理，"
                  "既守住了市容秩序，又留住了城市“烟火气”。"),
            ("p", "该局联合属地街道科学划定摊位286个，统一配置遮阳伞、垃圾桶和油烟净化设备，推行“定时、定点、定责”管理模式，"
                  "每晚安排执法队员和志愿者巡查劝导，督促摊主落实“门前三包”。同时设立夜市投诉受理点，及时处理噪音扰民、占道经营等问题。"),
            ("p", "截至目前，两处夜市累计服务市民游客超过20万人次，带动周边就业400余人，相关投诉同比下降六成。"),
            ("blank",),
            ("r", "枫陵区城市管理和综合执法局"),
            ("r", "2026年4月20日"),
        ], author="杨帆"))],
        label=L(title=t04, unit="枫陵区城市管理和综合执法局", authors=["杨帆", "黄蕾"], phone="13800139004",
                fmt="wps", client="foxmail",
                placement=["fam:unlabelled", "luokuan_two_lines", "wen_slash", "phone_in_body", "phone_em_dash"],
                note="Unit from the two-line 落款 (unit line before the date). Authors from '文/杨帆　黄蕾' (full-width "
                     "space separator). Phone from the body line '联系人：杨帆  138—0013—9004' written with em dashes."))

    t05 = "岚川县举办2026年“春风行动”专场招聘会"
    add(name="05-signature-name-not-author-qq", client="qq", date=D(2, 27, 9, 3, 52),
        from_name="小刘", from_addr="1937462058@qq.com", subject="人社局稿件",
        text="您好，附件是我局的稿件，请查收。\n\n岚川县人力资源和社会保障局\n刘晓东\n13800139005\n",
        attachments=[("人社局稿件.docx", b.manuscript("docx", [
            ("title", t05),
            ("p", "2月26日，岚川县2026年“春风行动”暨就业援助月专场招聘会在县人力资源市场举行，62家企业提供就业岗位2100余个，"
                  "吸引3000余名求职者入场洽谈。"),
            ("p", "招聘会设置了企业招聘区、政策咨询区、技能培训报名区和劳务协作对接区，工作人员现场为求职者提供简历指导、社保查询和"
                  "创业担保贷款政策解读。针对返乡农民工、脱贫劳动力等重点群体，招聘会还开设了“绿色通道”，实行“一对一”岗位推荐。"),
            ("p", "据统计，当天共有860余人与企业达成初步就业意向。下一步，该县将陆续开展“送岗下乡”系列招聘活动12场，持续稳就业、促增收。"),
        ], author="微软用户"))],
        label=L(outcome="incomplete", missing=["authors"], title=t05, unit="岚川县人力资源和社会保障局",
                authors=[], phone="13800139005", fmt="docx", client="qq",
                placement=["fam:unlabelled", "signature_block", "no_author"],
                note="Unit and phone from the unlabelled signature lines of the body. 刘晓东 appears only as the sender's "
                     "signature name; per the corpus convention a signature name is not an author unless labelled, so "
                     "authors are missing (an editor would have to ask who wrote it)."))

    t06 = "梧岭县开展春季校园食品安全专项检查"
    html06 = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head>\n'
        '<body style="font-family:宋体;font-size:14px">\n'
        "<p>各位编辑：</p>\n<p>&nbsp;&nbsp;&nbsp;&nbsp;现报送我局信息一则，请予审核采用。</p>\n<p>&nbsp;</p>\n"
        f'<p align="center"><b><span style="font-size:18px">{t06}</span></b></p>\n'
        "<p>&nbsp;&nbsp;&nbsp;&nbsp;3月10日至20日，梧岭县市场监督管理局联合县教育局对全县46所中小学、幼儿园食堂及校园周边"
        "食品经营户开展春季开学食品安全专项检查。（通讯员 韩雪和潘宇航）</p>\n"
        "<p>&nbsp;&nbsp;&nbsp;&nbsp;检查组重点查看了食堂从业人员健康证明、食品原料采购索证索票、餐具清洗消毒、留样记录以及"
        "“明厨亮灶”建设等情况，对校园周边小卖部销售“三无”食品、过期食品等问题进行了排查。检查共出动执法人员120人次，"
        "发现问题隐患27个，已全部督促整改到位。</p>\n"
        "<p>&nbsp;&nbsp;&nbsp;&nbsp;下一步，该局将建立校园食品安全常态化监管机制，守护好师生“舌尖上的安全”。</p>\n"
        "<p>供稿：梧岭县市场监督管理局</p>\n<p>联系电话：0731-88661206</p>\n</body></html>\n")
    add(name="06-html-only-lead-gonggao-gov", client="html_only", date=D(3, 23, 11, 20, 0),
        from_name="梧岭县市场监管局", from_addr="wlscjgj@wuling.gov.cn", subject="报送信息",
        text="", html=html06,
        label=L(title=t06, unit="梧岭县市场监督管理局", authors=["韩雪", "潘宇航"], phone="0731-88661206",
                fmt="body_html", client="gov_html_only",
                placement=["fam:unlabelled", "body_html_only", "greeting_before_title", "lead_correspondents_end",
                           "supplied_by_gonggao_colon", "sep_he"],
                note="Article in a single text/html part (no plain alternative), after a two-line greeting; the title "
                     "is the bold centred line. Authors from '（通讯员 韩雪和潘宇航）' at the end of the lead "
                     "paragraph (和 separates two names). Unit from the closing line '供稿：梧岭县市场监督管理局'."))

    # ------------------------------------------------------------------ names
    t07 = "岚川县打好河湖“清四乱”攻坚战"
    add(name="07-padded-names-tougao-163", client="163", date=D(5, 6, 8, 51, 17),
        from_name="水利局办公室", from_addr="lcslj_bgs@163.com", subject="投稿",
        text="您好，投稿一篇，请审核！\n",
        attachments=[("河湖清四乱.docx", b.manuscript("docx", [
            ("l", "单位：岚川县水利局"),
            ("l", "作者：刘  洋、王晓明"),
            ("l", "电话：13800139007"),
            ("blank",),
            ("title", t07),
            ("p", "今年以来，岚川县水利局以河湖长制为抓手，聚焦乱占、乱采、乱堆、乱建等突出问题，组织开展河湖“清四乱”专项整治行动，"
                  "全县河湖面貌持续改善。"),
            ("p", "该局组建4个专项督查组，采取无人机巡河与人工巡查相结合的方式，对境内31条河流、58座水库开展“拉网式”排查，"
                  "建立问题清单、责任清单和整改清单，实行销号管理。截至4月底，累计清理河道垃圾1.2万立方米，拆除违章建筑17处，"
                  "整治非法采砂点6处。"),
            ("p", "同时，该县将河湖保护纳入村规民约，聘请民间河长、护河志愿者230余名，形成了“政府主导、部门联动、群众参与”的河湖管护格局。"),
        ], author="lcslj"))],
        label=L(title=t07, unit="岚川县水利局", authors=["刘洋", "王晓明"], phone="13800139007",
                fmt="docx", client="163",
                placement=["fam:names", "fam:generic", "subject_generic", "labels_top", "name_padding_ascii"],
                note="'刘  洋' is one two-character name padded with two ASCII spaces to align with the three-character "
                     "name; label 刘洋. Generic subject '投稿', title from the manuscript (first line after the labels)."))

    t08 = "鹤泉市第三中学举行“青春心向党”主题团日活动"
    add(name="08-fullwidth-padding-txt-qq", client="qq", date=D(5, 5, 17, 8, 40),
        from_name="静水流深", from_addr="3058126479@qq.com", subject="鹤泉三中团日活动稿件",
        text="老师您好！稿件以附件形式发送（txt格式），请查收。\n",
        attachments=[("团日活动.txt", b.manuscript("txt", [
            ("title", t08),
            ("blank",),
            ("p", "5月4日，鹤泉市第三中学举行“青春心向党 奋进新征程”主题团日活动，全校300余名团员青年参加。"),
            ("p", "活动在庄严的团歌声中拉开序幕。新团员面向团旗庄严宣誓，老团员代表重温入团誓词。随后，学校团委书记以"
                  "“新时代青年的使命与担当”为题讲授专题团课，勉励同学们把个人理想融入国家发展大局。"),
            ("p", "活动中，各班团支部还围绕“我身边的青春榜样”进行了分享交流，同学们讲述了身边同学志愿服务、刻苦钻研的感人故事，"
                  "现场气氛热烈。"),
            ("p", "此次活动进一步增强了团员青年的光荣感和使命感。"),
            ("blank",),
            ("l", "供稿单位：鹤泉市第三中学团委"),
            ("l", "撰稿人：陈" + W + "静" + W + "李国华"),
            ("l", "联系电话：13800139008"),
        ]))],
        label=L(title=t08, unit="鹤泉市第三中学团委", authors=["陈静", "李国华"], phone="13800139008",
                fmt="txt_gbk", client="qq",
                placement=["fam:names", "labels_bottom", "name_padding_fullwidth", "label_zhuangaoren"],
                note="GBK/CRLF .txt. '撰稿人：陈　静　李国华' uses U+3000 both as padding inside 陈静 and as the separator; "
                     "a single surname is not a name, so the authors are 陈静 and 李国华."))

    t09 = "城东街道首届“邻里文化节”开幕"
    add(name="09-mixed-separators-outlook", client="outlook", date=D(5, 18, 9, 37, 22),
        from_name="钱文博", from_addr="qianwb@hqcd.gov.cn", subject="城东街道“邻里节”稿件",
        text="您好：\n\n附件是城东街道“邻里节”活动的稿件，请审阅。\n\n谢谢！\n\n钱文博\n",
        attachments=[("城东街道邻里节活动稿件（修改版）.docx", b.manuscript("docx", [
            ("title", t09),
            ("p", "5月16日，鹤泉市城东街道首届“邻里文化节”在滨河公园开幕。活动以“邻里一家亲 共建幸福城”为主题，"
                  "吸引辖区9个社区2000余名居民参与。"),
            ("p", "开幕式上，社区居民自编自演的广场舞、快板、小品等节目轮番登场，“好邻居”“最美家庭”代表上台领奖。活动现场还设置了"
                  "便民服务区、邻里跳蚤市场和亲子游戏区，居民们换旧物、学技能、做游戏，其乐融融。"),
            ("p", "据介绍，本届邻里文化节将持续一个月，期间各社区将陆续开展邻里百家宴、楼栋议事会、才艺展演等活动20余场，"
                  "进一步拉近邻里距离，营造和谐社区氛围。"),
            ("blank",),
            ("l", "报送单位：鹤泉市城东街道办事处"),
            ("l", "供稿人：赵  磊，孙 悦；欧阳明月/钱文博"),
            ("l", "联系方式：13800139009"),
        ], author="钱文博"))],
        label=L(title=t09, unit="鹤泉市城东街道办事处", authors=["赵磊", "孙悦", "欧阳明月", "钱文博"],
                phone="13800139009", fmt="docx", client="outlook",
                placement=["fam:names", "labels_bottom", "name_padding_ascii", "sep_mixed", "label_gonggaoren"],
                note="'供稿人：赵  磊，孙 悦；欧阳明月/钱文博': padded names (two spaces, one space), separators ， ； and /, "
                     "compound surname 欧阳. The sender signs the body as 钱文博, who is also labelled in the manuscript."))

    # ------------------------------------------------------------------ captions in the body
    t10 = "柘源县开展高层建筑消防应急演练"
    add(name="10-captions-tu1-body-163", client="163", date=D(6, 10, 14, 26, 3),
        from_name="何平", from_addr="heping_xf@163.com", subject="消防演练稿件及照片",
        text="老师您好，稿件和照片见附件。\n图1：消防指战员在演练现场引导群众有序疏散\n图2：工作人员指导居民使用灭火器扑灭初期火灾\n",
        attachments=[
            ("柘源县开展高层建筑消防应急演练.docx", b.manuscript("docx", [
                ("title", t10),
                ("l", "拟稿：何平 蒋莉莉"),
                ("p", "6月9日下午，柘源县消防救援大队联合县住建局、城东社区在滨江花园小区开展高层建筑火灾事故应急疏散演练，"
                      "小区物业人员、居民等300余人参加。"),
                ("p", "随着警报响起，模拟起火楼层的居民用湿毛巾捂住口鼻，在楼栋长和志愿者引导下沿安全通道快速撤离。消防救援人员迅速出动，"
                      "铺设水带、架设拉梯、搜救被困人员，整个演练过程紧张有序。"),
                ("p", "演练结束后，消防救援人员现场讲解了家用灭火器的使用方法和高层住宅火灾逃生常识，并组织居民进行实操体验。"),
                ("l", "单位：柘源县消防救援大队"),
                ("l", "电话：138 0013 9010"),
            ], author="何平")),
            jpg("IMG_4521.JPG"),
            jpg("IMG_4522.JPG"),
        ],
        label=L(title=t10, unit="柘源县消防救援大队", authors=["何平", "蒋莉莉"], phone="13800139010",
                captions=["消防指战员在演练现场引导群众有序疏散", "工作人员指导居民使用灭火器扑灭初期火灾"],
                fmt="docx", client="163",
                placement=["fam:captions", "captions_body_tu1", "photos_attached", "label_nigao", "phone_spaces"],
                note="Captions '图1：…/图2：…' in the mail body for IMG_4521/IMG_4522 (attachment order); prefix removed."))

    t11 = "青禾县第五届油菜花节在石门乡开幕"
    add(name="11-captions-tuyi-wechat-qq", client="qq", date=D(3, 22, 20, 15, 44),
        from_name="青禾农业", from_addr="2648019375@qq.com", subject="青禾县油菜花节稿件",
        text="您好，稿件及图片见附件，图片说明如下：\n图一：游客在油菜花田间拍照留念\n图二：当地村民在集市上售卖特色农产品\n图三：文艺演出现场\n",
        attachments=[
            jpg("微信图片_20260321101502.jpg"),
            jpg("微信图片_20260321101515.jpg"),
            jpg("微信图片_20260321101533.jpg"),
            ("青禾县第五届油菜花节开幕.docx", b.manuscript("docx", [
                ("title", t11),
                ("p", "3月21日，青禾县第五届油菜花节在石门乡花溪村开幕。万亩油菜花竞相绽放，吸引了周边县市游客2万余人前来踏青赏花。"),
                ("p", "本届油菜花节以“花海石门 乡约青禾”为主题，设置了花田摄影大赛、农耕文化体验、特色农产品展销、乡村文艺汇演等活动。"
                      "现场，腊肉、土鸡蛋、菜籽油等农家特产备受游客青睐，不少摊位一上午就销售一空。"),
                ("p", "近年来，青禾县依托油菜种植产业，大力推动农文旅融合发展，带动沿线村民户均增收3000余元。"),
                ("l", "单位：青禾县农业农村局"),
                ("l", "执笔：覃海波、韦晓丽"),
                ("l", "联系电话：13800139011"),
            ], author="Administrator")),
        ],
        label=L(title=t11, unit="青禾县农业农村局", authors=["覃海波", "韦晓丽"], phone="13800139011",
                captions=["游客在油菜花田间拍照留念", "当地村民在集市上售卖特色农产品", "文艺演出现场"],
                fmt="docx", client="qq",
                placement=["fam:captions", "captions_body_tuyi", "photos_attached", "photos_before_manuscript",
                           "label_zhibi"],
                note="Captions numbered with Chinese numerals '图一：' in the body; the prefix is removed like '图1：'. "
                     "The three 微信图片 JPEGs come before the .docx in attachment order."))

    t12 = "鹤泉市第一人民医院“健康下乡”义诊活动走进柳溪村"
    add(name="12-fujian-tushuoming-doc-outlook", client="outlook", date=D(4, 27, 10, 5, 30),
        from_name="潘婷", from_addr="panting@hqdyyy.cn", subject="医院义诊活动稿件",
        text="您好！\n\n附件为稿件及照片，请审核。\n\n附图说明：\n1.义诊专家为柳溪村老人测量血压\n"
             "2.医护人员向村民讲解慢性病防治知识\n\n潘婷\n",
        attachments=[
            ("义诊活动走进柳溪村.doc", b.manuscript("doc", [
                ("title", t12),
                ("c", "文/潘婷" + W + "图/邓晓峰"),
                ("p", "为进一步提升农村群众健康水平，4月25日，鹤泉市第一人民医院组织心内科、内分泌科、骨科、眼科等科室的12名专家"
                      "走进柳溪村，开展“健康下乡”义诊活动。"),
                ("p", "义诊现场，专家们耐心为村民测量血压、血糖，询问病史，并提供用药指导和健康建议。针对农村老年人高血压、糖尿病等"
                      "慢性病患病率较高的情况，医护人员还开展了健康知识讲座，发放健康宣传资料500余份。"),
                ("p", "此次活动共为300余名村民提供了义诊服务，免费发放常用药品价值2万余元。"),
                ("l", "单位：鹤泉市第一人民医院"),
                ("l", "电话：0731-88661212"),
            ], author="panting")),
            jpg("DSC01234.JPG"),
            jpg("DSC01235.JPG"),
            jpg("DSC01238.JPG"),
        ],
        label=L(title=t12, unit="鹤泉市第一人民医院", authors=["潘婷"], phone="0731-88661212",
                captions=["义诊专家为柳溪村老人测量血压", "医护人员向村民讲解慢性病防治知识", None],
                credit="邓晓峰", fmt="doc", client="outlook",
                placement=["fam:captions", "captions_body_list", "photos_attached", "wen_tu_slash"],
                note="'附图说明：' with a '1.' '2.' list in the body; three DSC photos attached, the third has no "
                     "caption (null). 图/邓晓峰 is the photo credit, not an author."))

    t13 = "青禾县团委组织青年志愿者走进敬老院"
    add(name="13-captions-zhaopian-iphone", client="iphone", date=D(5, 11, 19, 2, 48),
        from_name="莫晓彤", from_addr="2905716384@qq.com", subject="团县委志愿服务稿件",
        text="稿件见附件\n照片1 志愿者为敬老院老人理发\n照片2 志愿者陪老人聊天、包饺子\n",
        text_after="\n\n发自我的iPhone\n",
        attachments=[
            jpg("IMG_0815.JPG"),
            jpg("IMG_0817.JPG"),
            ("青禾团县委志愿服务.docx", b.manuscript("docx", [
                ("title", t13),
                ("p", "5月10日，共青团青禾县委员会组织20余名青年志愿者走进县社会福利中心敬老院，开展“关爱老人 情暖夕阳”志愿服务活动。"),
                ("p", "志愿者们分成若干小组，有的为老人理发、修剪指甲，有的打扫房间、清洗被褥，有的陪老人聊天、包饺子，"
                      "敬老院里处处洋溢着欢声笑语。"),
                ("p", "据悉，青禾县团委已建立青年志愿者服务队27支，常态化开展助老、助学、环保等志愿服务，今年以来累计服务时长超过5000小时。"),
                ("l", "单位：共青团青禾县委员会"),
                ("l", "撰稿：梁思远及莫晓彤"),
                ("l", "联系电话：13800139013"),
            ], author="iPhone")),
        ],
        label=L(title=t13, unit="共青团青禾县委员会", authors=["梁思远", "莫晓彤"], phone="13800139013",
                captions=["志愿者为敬老院老人理发", "志愿者陪老人聊天、包饺子"], fmt="docx", client="iphone",
                placement=["fam:captions", "captions_body_zhaopian", "photos_inline_disposition", "sep_ji"],
                note="iOS Mail: the JPEGs are parts with Content-Disposition: inline between two text/plain parts "
                     "('发自我的iPhone' in the second). Captions '照片1 …' in the body; prefix removed. '及' separates "
                     "the two authors."))

    # ------------------------------------------------------------------ generic subjects, real title
    t14 = "柘源县举办高素质农民培训班助力春耕生产"
    add(name="14-fw-tougao-forwarded-163", client="163", date=D(5, 7, 8, 30, 12),
        from_name="柘源县农业农村局", from_addr="zynync_bgs@163.com", subject="Fw: 投稿",
        text="请审核发布，谢谢！\n\n\n\n\n-------- 转发邮件信息 --------\n"
             "发件人：\"谭志勇\" <tzy_nync@126.com>\n发送日期：2026-05-06 16:20:11\n"
             "收件人：\"zynync_bgs\" <zynync_bgs@163.com>\n主题：投稿\n您好，稿件见附件，请领导审核后报送。\n",
        attachments=[("高素质农民培训.docx", b.manuscript("docx", [
            ("l", "单位：柘源县农业农村局"),
            ("l", "作者：谭志勇"),
            ("l", "联系电话：13800139014"),
            ("l", "把关人：向东明"),
            ("blank",),
            ("title", t14),
            ("p", "5月6日，柘源县2026年高素质农民培育培训班在县农业技术推广中心开班，来自全县13个乡镇的种粮大户、家庭农场主和"
                  "农民合作社负责人共80人参加培训。"),
            ("p", "本次培训为期5天，邀请省农科院专家和县农技骨干授课，内容涵盖水稻绿色高产栽培、病虫害统防统治、农机社会化服务及"
                  "农产品电商营销等，并组织学员到现代农业示范园开展现场教学。"),
            ("p", "“专家讲得实在，回去就能用上。”种粮大户刘德胜说。据了解，今年该县计划培育高素质农民400人，为乡村振兴提供人才支撑。"),
        ], author="谭志勇"))],
        label=L(title=t14, unit="柘源县农业农村局", authors=["谭志勇"], phone="13800139014", reviewer="向东明",
                fmt="docx", client="163",
                placement=["fam:generic", "subject_fw_generic", "forwarded_block", "labels_top", "reviewer_baguanren"],
                note="Forwarded by the unit's office mailbox; subject 'Fw: 投稿', the title is the manuscript's. "
                     "把关人 is the reviewer. 刘德胜 in the article is an interviewee, not an author."))

    t15 = "望江社区：垃圾分类“积分兑换”激发居民参与热情"
    add(name="15-huifu-tougao-reply-qq", client="qq", date=D(5, 8, 15, 41, 9),
        from_name="宇", from_addr="1473920586@qq.com", subject="回复：投稿",
        text="您好，已补充联系电话：13800139015，修改稿见附件，谢谢！\n\n\n\n"
             "------------------ 原始邮件 ------------------\n"
             "发件人: \"投稿邮箱\"<tougao@localhost>;\n发送时间: 2026年5月8日(星期五) 上午10:03\n"
             "收件人: \"宇\"<1473920586@qq.com>;\n主题: 投稿\n\n"
             "您好！来稿已收到。稿件未注明联系电话，请补充后回复本邮件。\n",
        attachments=[("修改稿-望江社区垃圾分类.docx", b.manuscript("docx", [
            ("title", t15),
            ("p", "“今天投放厨余垃圾又攒了5个积分，可以换一袋洗衣粉了！”5月7日一早，枫陵区望江街道望江社区居民王阿姨在"
                  "垃圾分类积分兑换点高兴地说。"),
            ("p", "今年3月起，望江社区在辖区8个小区推行垃圾分类“积分兑换”制度，居民正确分类投放垃圾即可获得积分，积分可兑换"
                  "生活用品或参与社区公益服务。社区还组建了由楼栋长、党员、志愿者组成的督导队，在早晚投放高峰时段开展桶边指导。"),
            ("p", "两个多月来，社区垃圾分类参与率由不足40%提升至85%，厨余垃圾分出量增长了一倍多。"),
            ("blank",),
            ("l", "单位：枫陵区望江街道望江社区居委会"),
            ("l", "作者：郑宇与冯倩"),
        ], author="Administrator"))],
        label=L(title=t15, unit="枫陵区望江街道望江社区居委会", authors=["郑宇", "冯倩"], phone="13800139015",
                fmt="docx", client="qq",
                placement=["fam:generic", "subject_reply_generic", "quoted_reply", "labels_bottom", "phone_in_body",
                           "title_with_colon", "sep_yu"],
                note="A reply ('回复：投稿') carrying the revised manuscript; the phone is given in the reply text. "
                     "The title line itself contains a colon ('望江社区：…'); the whole line is the title. "
                     "'与' separates the authors."))

    # ------------------------------------------------------------------ no title anywhere
    add(name="16-no-title-body-xinxi-163", client="163", date=D(3, 5, 9, 14, 56),
        from_name="龙飞", from_addr="longfei_whg@163.com", subject="信息",
        text="3月3日晚，岚川县文化馆在县城文化广场举办“文化进万家 欢乐闹元宵”群众文艺展演，全县12支业余文艺队伍的200余名演员"
             "登台献艺，吸引近3000名群众观看。\n"
             "展演节目形式多样，既有热情奔放的腰鼓、舞龙舞狮，也有韵味悠长的地方小调和诗朗诵，充分展示了基层群众的精神风貌。"
             "演出间隙，工作人员还组织了猜灯谜、送春联等互动活动，现场气氛热烈。\n"
             "近年来，岚川县文化馆坚持“送文化”与“种文化”相结合，累计培育业余文艺队伍86支，让群众在家门口享受文化盛宴。\n"
             "（岚川县文化馆" + W + "通讯员 龙飞）\n联系电话：13800139016\n",
        label=L(outcome="incomplete", missing=["title"], title=None, unit="岚川县文化馆", authors=["龙飞"],
                phone="13800139016", fmt="body_plain", client="163",
                placement=["fam:notitle", "subject_generic", "body_plain", "no_title", "unit_correspondent_closing"],
                note="Body-only article that starts straight with the first paragraph (a full sentence ending in 。); "
                     "the subject is just '信息'. No title anywhere, so title is missing. Unit and author from "
                     "'（岚川县文化馆　通讯员 龙飞）'."))

    add(name="17-no-title-docx-xinwengao-126", client="126", date=D(6, 12, 16, 3, 27),
        from_name="城投集团党群部", from_addr="hqct_dqb@126.com", subject="新闻稿",
        text="您好，新闻稿见附件。\n",
        attachments=[("新闻稿.docx", b.manuscript("docx", [
            ("p", "近日，鹤泉市城市建设投资集团有限公司组织开展“安全生产月”应急救援综合演练，集团各部门、子公司负责人及一线员工"
                  "150余人参加。"),
            ("p", "演练模拟在建项目工地发生脚手架坍塌事故造成人员被困。接到报警后，现场指挥部迅速启动应急预案，警戒疏散、伤员搜救、"
                  "医疗救护、后勤保障等各小组按职责分工协同处置，仅用20分钟便完成全部救援任务。"),
            ("p", "演练结束后，集团安全总监对演练进行了点评，并就施工现场高处作业、临时用电等安全管理提出了具体要求。"),
            ("p", "今年以来，该集团已开展各类安全检查46次，整改隐患132处，为重点项目建设筑牢安全防线。"),
            ("blank",),
            ("l", "单位：鹤泉市城市建设投资集团有限公司"),
            ("l", "撰稿：黄海涛,林小满"),
            ("l", "电话：13800139017"),
        ], author="dqb"))],
        label=L(outcome="incomplete", missing=["title"], title=None, unit="鹤泉市城市建设投资集团有限公司",
                authors=["黄海涛", "林小满"], phone="13800139017", fmt="docx", client="126",
                placement=["fam:notitle", "subject_generic", "no_title", "labels_bottom", "generic_filename", "sep_ascii_comma"],
                note="Subject '新闻稿', file name '新闻稿.docx', and the manuscript begins with '近日，…' body text: "
                     "no title anywhere. Authors separated by an ASCII comma."))

    add(name="18-no-title-no-phone-wps-foxmail", client="foxmail", date=D(4, 29, 11, 48, 2),
        from_name="覃雯", from_addr="qinwen_sm@foxmail.com", subject="来稿",
        text="请审阅。\n",
        attachments=[("来稿.wps", b.manuscript("wps", [
            ("p", "4月以来，青禾县石门乡抢抓农时，组织全乡干部群众全力推进早稻集中育秧工作。（通讯员 覃 雯）"),
            ("p", "该乡在花溪村、龙潭村建设集中育秧点3个，推广机插秧、叠盘暗化等育秧新技术，由乡农技站技术人员驻点指导，"
                  "统一供种、统一育秧、统一管理，确保秧苗素质。目前，全乡已完成早稻育秧面积1800亩，可满足1.2万亩大田机插需要。"),
            ("p", "同时，乡里组织党员干部深入田间地头，帮助缺劳力农户抢插抢种，确保早稻面积稳定、季节不误。"),
            ("blank",),
            ("r", "青禾县石门乡人民政府"),
            ("r", "2026年4月28日"),
        ], author="qinwen"))],
        label=L(outcome="incomplete", missing=["title", "phone"], title=None, unit="青禾县石门乡人民政府",
                authors=["覃雯"], phone=None, fmt="wps", client="foxmail",
                placement=["fam:notitle", "subject_generic", "no_title", "no_phone", "luokuan_two_lines",
                           "lead_correspondents_end", "name_padding_ascii"],
                note="Subject '来稿', file '来稿.wps', text starts '4月以来，…': no title. No phone number anywhere "
                     "(the Foxmail signature is only the address). '（通讯员 覃 雯）' is one padded name, 覃雯."))

    # ------------------------------------------------------------------ corrupt manuscripts
    good19 = b.make_docx([("title", "岚川县司法局开展“法律明白人”培训"),
                          ("p", "为提升基层法治宣传队伍能力，岚川县司法局近日举办“法律明白人”骨干培训班。" * 6),
                          ("l", "作者：唐志刚"), ("l", "电话：13800139019")])
    add(name="19-truncated-docx-163", client="163", date=D(4, 14, 15, 9, 1),
        from_name="唐志刚", from_addr="tangzg_sfj@163.com", subject="岚川县司法局普法宣传稿件",
        text="您好，附件是我局报送的稿件，请审核。\n岚川县司法局 唐志刚 13800139019\n",
        attachments=[("岚川县司法局“法律明白人”培训稿件.docx", good19[: len(good19) * 55 // 100])],
        label=b.dropped("rejected", "unreadable_manuscript", "docx", "163",
                        ["fam:corrupt", "corrupt_truncated_docx", "covering_note"],
                        "The .docx is cut at 55 % of its bytes (no central directory). The two-line covering note "
                        "names unit, sender and phone but has no article."))

    rnd = random.Random("batch2/20")
    junk = bytes(rnd.randrange(256) for _ in range(31 * 1024))
    add(name="20-random-bytes-doc-qq", client="qq", date=D(5, 12, 8, 22, 37),
        from_name="卢霞", from_addr="1620483957@qq.com", subject="鹤泉三院护士节稿件",
        text="老师好，稿子在附件里，请查收。\n鹤泉市第三人民医院宣传科 卢霞\n",
        attachments=[("护士节活动稿件.doc", junk)],
        label=b.dropped("rejected", "unreadable_manuscript", "doc", "qq",
                        ["fam:corrupt", "corrupt_random_doc", "covering_note"],
                        "31 KiB of random bytes named .doc (no OLE header)."))

    add(name="21-zero-byte-docx-outlook", client="outlook", date=D(3, 30, 17, 31, 45),
        from_name="欧阳晨", from_addr="ouyangc@flqjyj.gov.cn", subject="枫陵区教育局信息",
        text="附件是我局的稿件，请审核发布。\n枫陵区教育局办公室 欧阳晨 0731-88661221\n",
        attachments=[("枫陵区教育局开展中小学教师信息技术能力培训.docx", b"")],
        label=b.dropped("rejected", "unreadable_manuscript", "docx", "outlook",
                        ["fam:corrupt", "corrupt_zero_byte_docx", "covering_note"],
                        "Zero-byte .docx (empty base64 body). The covering note is not an article."))

    # ------------------------------------------------------------------ phones
    t22 = "柘源县开展“世界读书日”全民阅读推广活动"
    add(name="22-fullwidth-digits-gaojian-126", client="126", date=D(4, 24, 10, 40, 19),
        from_name="曾丽", from_addr="zengli_tsg@126.com", subject="稿件",
        text="您好，附件是县图书馆世界读书日活动稿件，请审阅。\n",
        attachments=[("世界读书日活动.docx", b.manuscript("docx", [
            ("title", t22),
            ("p", "4月23日是第31个“世界读书日”，柘源县图书馆以“书香柘源 阅享未来”为主题，开展图书漂流、亲子共读、名家讲座、"
                  "旧书换新书等系列活动。"),
            ("p", "当天，县图书馆门前广场人头攒动，市民们在“图书漂流角”挑选心仪的书籍，在“旧书换新书”摊位以书易书。少儿阅览室里，"
                  "20组家庭参加亲子共读活动，孩子们在家长陪伴下分享读书心得。"),
            ("p", "活动期间，县图书馆还开通了“线上借阅”服务，读者通过手机即可预约借书、续借，让阅读更便捷。"),
            ("l", "单位：柘源县图书馆"),
            ("l", "作者：曾丽"),
            ("l", "联系电话：１３８－００１３－９０２２"),
        ], author="曾丽"))],
        label=L(title=t22, unit="柘源县图书馆", authors=["曾丽"], phone="13800139022", fmt="docx", client="126",
                placement=["fam:phones", "fam:generic", "subject_generic", "labels_bottom", "phone_fullwidth_digits",
                           "phone_fullwidth_dash"],
                note="Phone typed with full-width digits and full-width hyphens (１３８－００１３－９０２２); normalised "
                     "to 11 ASCII digits. Subject '稿件'."))

    t23 = "柘源县开展基层医务人员急救技能培训"
    add(name="23-landline-brackets-zhuan-pdf-gov", client="gov_coremail", date=D(5, 25, 9, 58, 33),
        from_name="柘源县卫健局", from_addr="zywjj@zheyuan.gov.cn", subject="卫健局信息报送", charset="GBK",
        text="您好！附件为我局信息稿件（PDF版），请审核。\n",
        attachments=[("急救技能培训.pdf", b.manuscript("pdf", [
            ("l", "供稿单位：柘源县卫生健康局"),
            ("l", "作者：韦国庆、谢安琪"),
            ("l", "联系电话：（0731）88661223转8012"),
            ("blank",),
            ("title", t23),
            ("p", "为提升基层医疗机构急诊急救能力，5月20日至22日，柘源县卫生健康局举办全县基层医务人员急救技能培训班，"
                  "各乡镇卫生院、社区卫生服务中心的医务骨干90余人参加。"),
            ("p", "培训采取理论授课与实操演练相结合的方式，县人民医院急诊科专家围绕心肺复苏、气道异物梗阻急救、创伤止血包扎、"
                  "骨折固定搬运等内容进行讲解和示范，学员们分组在模拟人上反复练习。培训结束后进行了技能考核，合格率达96%。"),
            ("p", "下一步，该局将持续开展急救技能“进乡村、进学校、进企业”活动，不断提升群众自救互救能力。"),
        ], author="zywjj"))],
        label=L(title=t23, unit="柘源县卫生健康局", authors=["韦国庆", "谢安琪"], phone="0731-88661223-8012",
                fmt="pdf", client="gov_coremail",
                placement=["fam:phones", "labels_top", "phone_landline_brackets", "phone_extension_zhuan"],
                note="Landline with the area code in full-width brackets and an extension: '（0731）88661223转8012'. "
                     "The README is silent on extensions; an editor needs it to reach the author, so the label keeps it "
                     "as a third dash group: 0731-88661223-8012."))

    t24 = "枫林街道以“红色物业”破解老旧小区治理难题"
    add(name="24-tel-mobile-first-foxmail", client="foxmail", date=D(6, 3, 14, 12, 50),
        from_name="彭浩", from_addr="penghao_fl@foxmail.com", subject="枫林街道稿件",
        text="您好：\n    附件是枫林街道的稿件，请审阅，谢谢！\n",
        attachments=[("枫林街道“红色物业”.docx", b.manuscript("docx", [
            ("title", t24),
            ("p", "今年以来，枫陵区枫林街道针对辖区老旧小区无物业管理、设施老化、矛盾纠纷多等问题，探索推行“红色物业”模式，"
                  "以党建引领破解基层治理难题。"),
            ("p", "街道指导17个老旧小区成立党支部，推动社区党组织、业主委员会、物业服务企业“三方联动”，引入国有物业公司提供"
                  "“菜单式”服务。截至目前，已完成楼道照明改造3200米，增设电动自行车充电桩260个，调解邻里纠纷58起。"),
            ("p", "“以前楼道黑乎乎的，现在灯亮了、路平了，住着舒心多了。”居民老周感慨道。"),
            ("blank",),
            ("l", "作者：彭浩"),
            ("l", "单位：枫陵区枫林街道办事处"),
            ("l", "Tel: 138 0013 9024 / 0731-8866 1224-8012"),
        ], author="penghao"))],
        label=L(title=t24, unit="枫陵区枫林街道办事处", authors=["彭浩"], phone="13800139024", fmt="docx",
                client="foxmail",
                placement=["fam:phones", "labels_bottom", "phone_tel_prefix", "phone_spaces", "phone_two_numbers"],
                note="'Tel: 138 0013 9024 / 0731-8866 1224-8012': the first number written (the mobile) is the label."))

    t25 = "梧岭县完成农村公路安全生命防护工程建设"
    add(name="25-yi-as-dash-body-139", client="139", date=D(6, 8, 12, 7, 14),
        from_name="武超", from_addr="wuchao_jt@139.com", subject="交通运输局投稿",
        text=t25 + "\n"
             "4月以来，梧岭县交通运输局对全县农村公路临水临崖、急弯陡坡等危险路段开展安全生命防护工程建设，累计完成投资1860万元。\n"
             "工程共涉及农村公路86条、里程210公里，新增波形护栏48公里、警示标志标牌920块、减速带300余处。施工期间，该局实行"
             "“一路一档”管理，加强质量安全巡查，确保工程建一条、成一条。\n"
             "项目建成后，将有效改善农村群众出行安全条件，为乡村振兴提供坚实交通保障。\n\n"
             "单位：梧岭县交通运输局  作者：武超\n联系方式：0731一88661225\n",
        label=L(title=t25, unit="梧岭县交通运输局", authors=["武超"], phone="0731-88661225", fmt="body_plain",
                client="139",
                placement=["fam:phones", "body_plain", "labels_bottom", "two_labels_one_line", "phone_yi_as_dash"],
                note="Article in the mail body, first line is the title. The landline is typed with the character 一 "
                     "(yi) instead of a dash: '0731一88661225'. Unit and author share one line."))

    # ------------------------------------------------------------------ ordinary
    t26 = "岚川县举办2026年防汛抢险应急演练"
    add(name="26-meta-table-top-docx-163", client="163", date=D(5, 29, 10, 16, 8),
        from_name="石敏", from_addr="shimin_yjj@163.com", subject="岚川县应急管理局稿件报送",
        text="您好，附件为我局稿件，请查收。\n",
        attachments=[("稿件报送单（应急管理局）.docx", b.manuscript("docx", [
            ("c", "稿件报送单"),
            ("table", [("稿件标题", t26), ("报送单位", "岚川县应急管理局"), ("作" + W + W + "者", "贺晓光、石" + W + "敏"),
                       ("联系电话", "13800139026"), ("审 核 人", "周建华（党组成员、副局长）")]),
            ("blank",),
            ("title", t26),
            ("p", "5月28日，岚川县2026年防汛抢险应急演练在清水河城区段举行，县应急、水利、消防、武警、民兵等12支队伍400余人参加。"),
            ("p", "演练模拟强降雨导致清水河水位暴涨、堤防出现管涌险情、沿河低洼地带群众被困等场景，设置了险情报告、会商研判、"
                  "群众转移、管涌封堵、水上救援等8个科目。各参演队伍按照预案快速响应、密切配合，圆满完成了各项演练任务。"),
            ("p", "通过演练，进一步检验了全县防汛应急预案的可操作性，提升了各部门协同作战和应急处置能力。"),
        ], author="石敏"))],
        label=L(title=t26, unit="岚川县应急管理局", authors=["贺晓光", "石敏"], phone="13800139026",
                reviewer="周建华", fmt="docx", client="163",
                placement=["fam:ordinary", "meta_table_top", "form_heading", "name_padding_fullwidth"],
                note="A '稿件报送单' form: heading line, then a 2-column table (labels padded: '作　　者', '审 核 人'), "
                     "then the title again and the text. '稿件报送单' is the form's name, not the title. The reviewer "
                     "cell carries a job title in brackets, removed."))

    t27 = "青禾县人民医院胸痛中心成功救治一名急性心梗患者"
    add(name="27-embedded-photos-captions-qq", client="qq", date=D(6, 4, 11, 33, 51),
        from_name="青禾县人民医院", from_addr="3190572846@qq.com", subject="青禾县人民医院稿件",
        text="您好，稿件见附件，请审阅！\n",
        attachments=[("胸痛中心.docx", b.manuscript("docx", [
            ("title", t27),
            ("c", "作者：向丽娟" + W + "廖志勇"),
            ("l", "单位：青禾县人民医院"),
            ("l", "TEL:13800139027"),
            ("l", "审核：何卫东"),
            ("p", "6月2日凌晨，一名58岁男性患者因突发胸痛被紧急送至青禾县人民医院。胸痛中心团队迅速启动绿色通道，从患者入院到"
                  "血管开通仅用时58分钟，远低于国家标准要求的90分钟。"),
            ("img", "batch2/27-a"),
            ("cap", "图为胸痛中心医护团队为患者实施急诊介入手术。"),
            ("p", "据介绍，该院胸痛中心自建成以来，与县域内乡镇卫生院、120急救站建立了“上下联动”救治网络，通过远程心电传输实现"
                  "“患者未到、信息先到”。今年以来，已成功救治急性心梗患者47例。"),
            ("img", "batch2/27-b"),
            ("cap", "图为医护人员在乡镇卫生院开展胸痛急救知识培训。"),
            ("r", "（摄影：廖志勇）"),
        ], author="xlj"))],
        label=L(title=t27, unit="青禾县人民医院", authors=["向丽娟", "廖志勇"], phone="13800139027",
                reviewer="何卫东",
                captions=["图为胸痛中心医护团队为患者实施急诊介入手术。", "图为医护人员在乡镇卫生院开展胸痛急救知识培训。"],
                credit="廖志勇", fmt="docx", client="qq",
                placement=["fam:ordinary", "labels_top", "photos_embedded", "captions_under_photo", "phone_tel_prefix"],
                note="Two pictures embedded in the .docx, each followed by a '图为…' caption line (kept whole). "
                     "'TEL:' prefix without a space."))

    t28 = "柘源县启动春季森林防火专项行动"
    add(name="28-subject-unit-author-title-126", client="126", date=D(2, 24, 15, 27, 40),
        from_name="袁芳", from_addr="yuanfang_lyj@126.com", subject="柘源县林业局+袁芳+柘源县启动春季森林防火专项行动",
        text="您好，附件是稿件，请审阅。\n",
        attachments=[(t28 + ".docx", b.manuscript("docx", [
            ("title", t28),
            ("p", "为有效防范森林火灾发生，2月中旬起，柘源县林业局在全县启动为期三个月的春季森林防火专项行动。"),
            ("p", "专项行动期间，该局组织护林员、森林消防队员对全县重点林区、林缘地带开展拉网式巡查，在主要进山路口设立临时检查站28个，"
                  "严查火种进山。同时，通过流动宣传车、村村响广播、微信群等渠道广泛宣传森林防火知识，引导群众文明祭祀、安全用火。"),
            ("p", "截至目前，全县已开展森林防火巡查1600余人次，排查整改火灾隐患35处，未发生一起森林火灾。"),
            ("l", "联系电话：13800139028"),
        ], author="袁芳"))],
        label=L(title=t28, unit="柘源县林业局", authors=["袁芳"], phone="13800139028", fmt="docx", client="126",
                placement=["fam:ordinary", "subject_unit_author_title", "phone_bottom"],
                note="'单位+作者+标题' subject; unit and author are only in the subject (the manuscript has only title, "
                     "text and phone). The subject is long and split into several GBK encoded words."))

    t29 = "鹤泉市第一中学学子在全省青少年科技创新大赛中获佳绩"
    add(name="29-bracket-unit-subject-qianfa-foxmail", client="foxmail", date=D(3, 18, 16, 55, 21),
        from_name="苏梦琪", from_addr="sumq_hq1z@foxmail.com",
        subject="【鹤泉市第一中学】我校学子在全省青少年科技创新大赛中获佳绩",
        text="编辑老师好！\n    附件是我校稿件，已经校领导审核，请审阅。\n",
        attachments=[("科技创新大赛获奖.docx", b.manuscript("docx", [
            ("title", t29),
            ("p", "近日，第41届省青少年科技创新大赛落下帷幕，鹤泉市第一中学选送的5个项目全部获奖，其中一等奖2项、二等奖2项、"
                  "三等奖1项，获奖数量和等次均创历史新高。"),
            ("p", "获得一等奖的《基于物联网的校园垃圾桶满溢监测系统》由高二学生团队历时半年研发完成，该系统可实时监测垃圾桶容量并"
                  "自动提醒清运，已在校内试点应用。"),
            ("p", "近年来，鹤泉市第一中学坚持开设科技创新校本课程，组建机器人、航模、编程等8个科技社团，着力培养学生创新精神和实践能力。"),
            ("l", "作者：苏梦琪"),
            ("l", "电话：13800139029"),
            ("l", "签发：马立新"),
        ], author="苏梦琪"))],
        label=L(title=t29, unit="鹤泉市第一中学", authors=["苏梦琪"], phone="13800139029", reviewer="马立新",
                fmt="docx", client="foxmail",
                placement=["fam:ordinary", "subject_bracket_unit", "labels_bottom", "reviewer_qianfa"],
                note="Unit only in the '【鹤泉市第一中学】…' subject. The subject's headline ('我校学子…') differs from "
                     "the manuscript's title line, which is the label."))

    t30 = "梧岭县为退役军人家庭送去新春慰问"
    add(name="30-labels-bottom-shenqian-doc-outlook", client="outlook", date=D(2, 10, 9, 46, 18),
        from_name="雷鸣", from_addr="leiming@wlxtyjr.gov.cn", subject="梧岭县退役军人事务局信息",
        text="您好！\n\n附件为我局信息一篇，请审核。\n\n雷鸣\n",
        attachments=[("新春慰问.doc", b.manuscript("doc", [
            ("title", t30),
            ("p", "新春佳节来临之际，梧岭县退役军人事务局组成5个慰问组，分赴全县13个乡镇走访慰问重点优抚对象、困难退役军人和"
                  "立功受奖现役军人家庭，为他们送去慰问金和慰问品，致以节日问候。"),
            ("p", "每到一户，慰问组都与退役军人及家属亲切交谈，详细了解他们的身体状况、家庭生活和实际困难，并宣讲退役军人优待抚恤、"
                  "就业创业等政策，对反映的问题逐一登记、跟踪解决。"),
            ("p", "此次慰问共走访退役军人家庭620户，发放慰问金及物资折合人民币48万元。"),
            ("blank",),
            ("l", "供稿单位：梧岭县退役军人事务局"),
            ("l", "撰稿：雷鸣;伍佳怡"),
            ("l", "审签：谢春生"),
            ("l", "联系电话：13800139030"),
        ], author="leiming"))],
        label=L(title=t30, unit="梧岭县退役军人事务局", authors=["雷鸣", "伍佳怡"], phone="13800139030",
                reviewer="谢春生", fmt="doc", client="outlook",
                placement=["fam:ordinary", "labels_bottom", "reviewer_shenqian", "sep_ascii_semicolon"],
                note="Authors separated by an ASCII semicolon (English input mode); 审签 is the reviewer."))

    t31 = "松湾区启动安全生产月系列活动"
    add(name="31-pdf-luokuan-one-line-outlookcom", client="outlook.com", date=D(6, 5, 18, 40, 6),
        from_name="骆文斌", from_addr="luowenbin_sw@outlook.com", subject="松湾区应急管理局 安全生产月活动",
        text="您好，\n附件是我们的稿件（PDF），请查收。\n\n获取 Outlook for Android\n",
        attachments=[("安全生产月活动启动.pdf", b.manuscript("pdf", [
            ("title", t31),
            ("c", "作者：骆文斌、童可欣"),
            ("p", "6月1日，松湾区“安全生产月”活动启动仪式暨安全宣传咨询日活动在区文化广场举行。区应急管理、消防、交警、市场监管等"
                  "20余个部门和重点企业设置咨询展位，向市民普及安全知识。"),
            ("p", "现场，工作人员通过展板展示、案例讲解、VR体验、灭火器实操等方式，向群众宣传安全生产、消防安全、交通安全等知识，"
                  "发放宣传资料5000余份。"),
            ("p", "据悉，活动月期间，松湾区将组织开展隐患排查整治、应急演练、安全培训等活动100余场次，全面压实企业安全生产主体责任。"),
            ("l", "联系电话：020-33226631"),
            ("blank",),
            ("r", "松湾区应急管理局" + W + "2026年6月5日"),
        ], author="luowenbin"))],
        label=L(title=t31, unit="松湾区应急管理局", authors=["骆文斌", "童可欣"], phone="020-33226631", fmt="pdf",
                client="outlook.com",
                placement=["fam:ordinary", "luokuan_one_line", "mobile_footer"],
                note="Unit from the one-line 落款 '松湾区应急管理局　2026年6月5日' (the subject also starts with the "
                     "unit). Sent from Outlook for Android."))

    t32 = "青禾县开展养老机构服务质量提升行动"
    add(name="32-body-greeting-labels-bottom-gov", client="gov_coremail", date=D(4, 2, 15, 3, 29),
        from_name="蒋涛", from_addr="jiangtao@qhxmzj.gov.cn", subject="民政局信息报送", charset="GBK",
        text="编辑您好，以下是我局信息稿件，请审阅：\n\n" + t32 + "\n"
             "    今年以来，青禾县民政局在全县开展养老机构服务质量提升行动，聚焦安全管理、生活照料、医养结合等方面，推动养老服务提质增效。\n"
             "    该局组织专业机构对全县19家养老机构开展等级评定和安全隐患排查，督促整改问题43个；举办养老护理员技能培训班4期，"
             "培训护理人员210人次；推动8家养老机构与乡镇卫生院签订医养结合协议，实现入住老人健康管理全覆盖。\n"
             "    下一步，青禾县将加快建设县级失能特困人员集中供养中心，进一步提升兜底保障能力。\n\n"
             "单位：青禾县民政局\n作者：蒋  涛\n电话：13800139032\n审核：韩志明\n",
        label=L(title=t32, unit="青禾县民政局", authors=["蒋涛"], phone="13800139032", reviewer="韩志明",
                fmt="body_plain", client="gov_coremail",
                placement=["fam:ordinary", "body_plain", "greeting_before_title", "labels_bottom", "name_padding_ascii"],
                note="Article in the body after a one-line greeting; the title is the first line of the article, "
                     "not the greeting."))

    # ------------------------------------------------------------------ negatives
    add(name="33-auto-reply-vacation-163", client="163", date=D(4, 21, 9, 0, 4),
        from_name="黄蕾", from_addr="huanglei_flcg@163.com", subject="自动回复：Re: 投稿",
        text="您好，我正在休假中，4月27日返岗，您的邮件已收到，返岗后会尽快回复。急事请拨打13800139033。\n",
        extra_headers=["Auto-Submitted: auto-replied",
                       "In-Reply-To: <ack-20260421-0001@localhost>"],
        label=b.dropped("ignored", "auto_reply", "none", "163", ["fam:negative", "auto_reply"],
                        "Vacation auto-reply (Auto-Submitted: auto-replied, subject 自动回复：). Must not become a draft "
                        "even though it mentions a phone number."))

    add(name="34-photos-only-iphone", client="iphone", date=D(3, 23, 7, 51, 30),
        from_name="韦晓丽", from_addr="weixl_nync@126.com", subject="照片",
        text="补发油菜花节照片\n",
        text_after="\n\n发自我的iPhone\n",
        attachments=[jpg("IMG_1201.JPG"), jpg("IMG_1202.JPG"), jpg("IMG_1205.JPG")],
        label=b.dropped("rejected", "no_manuscript", "photos_only", "iphone", ["fam:negative", "photos_only"],
                        "Three inline JPEGs and the line '补发油菜花节照片' (photos sent later for 11-…): no article."))

    assert len(M) == 34, len(M)
    assert len({m["name"] for m in M}) == 34
    return M
