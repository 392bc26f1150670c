#!/usr/bin/env python3
"""Build the batch4 blind corpus: 32 invented Chinese submission mails + labels.json.

Run from the repository root:  .venv/bin/python tests/data/blind/batch4/build.py
Output is byte-identical on every run (LibreOffice output is cached in ./cache).
"""
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.dont_write_bytecode = True
sys.path.insert(0, str(HERE))

from clients import RENDER  # noqa: E402
from mimekit import make_docx, photo, random_bytes, soffice  # noqa: E402

MAILS = []


def label(outcome="accepted", reason=None, missing=(), title=None, unit=None, authors=(), phone=None,
          reviewer=None, captions=(), credit=None, fmt=None, client=None, placement=(), note=None):
    d = {"outcome": outcome, "reason": reason, "missing": list(missing), "title": title,
         "source_unit": unit, "authors": list(authors), "phone": phone, "reviewer": reviewer,
         "photo_count": len(captions), "captions": list(captions), "photo_credit": credit,
         "format": fmt, "client": client, "placement": list(placement)}
    if note:
        d["note"] = note
    return d


def empty(outcome, reason, fmt, client, placement, note):
    return label(outcome, reason, fmt=fmt, client=client, placement=placement, note=note)


def mail(name, client, from_name, from_addr, date, subject, body, attachments=(), lab=None, **kw):
    m = dict(name=name, client=client, from_name=from_name, from_addr=from_addr, date=date,
             subject=subject, body=body, attachments=[dict(a) for a in attachments], **kw)
    lab = dict(lab)
    lab["client"] = lab.get("client") or client
    MAILS.append((m, lab))


def A(name, data, **kw):
    return dict(name=name, data=data, **kw)


def J(seed):
    return photo(seed)


# =====================================================================================
# Ordinary submissions (01-12)
# =====================================================================================

p01 = [J("01a"), J("01b")]
d01 = make_docx([
    ("title", "南港区开展城镇燃气安全隐患集中排查整治"),
    ("line", "作者：林晓丽　符永强"),
    ("line", "单位：南港区住房和城乡建设局"),
    ("line", "联系电话：13800136101"),
    ("line", "审核人：邢志明"),
    ("p", "为切实防范化解城镇燃气安全风险，3月以来，南港区住房和城乡建设局联合区应急管理局、区市场监管局及各镇街，"
          "在全区范围内开展城镇燃气安全隐患集中排查整治行动，重点检查餐饮商户、农贸市场、老旧小区等人员密集场所。"),
    ("img", p01[0]),
    ("cap", "图为检查人员在南港农贸市场查看餐饮商户燃气管线。"),
    ("p", "检查中，工作人员逐户查看燃气管道、阀门、软管连接情况，检测燃气泄漏报警装置是否正常运行，对发现的软管老化、"
          "违规存放气瓶等问题当场督促整改，对一时难以整改的问题建立台账、限期销号。"),
    ("img", p01[1]),
    ("cap", "图为工作人员向商户讲解燃气泄漏报警器的使用方法。"),
    ("p", "截至目前，共检查餐饮商户312家、瓶装液化气供应站点9个，排查整改各类隐患87处。下一步，区住建局将持续压实企业"
          "主体责任和行业监管责任，推动燃气安全隐患动态清零。"),
])
mail("01-163-docx-top-labels-embedded.eml", "163", "林晓丽", "linxiaoli_ngzj@163.com",
     "Mon, 2 Mar 2026 09:12:33 +0800 (CST)",
     "南港区住房和城乡建设局+南港区开展城镇燃气安全隐患集中排查整治",
     "编辑您好：\n    附件是我局稿件《南港区开展城镇燃气安全隐患集中排查整治》，图片已插入文中，请审阅，谢谢！\n\n南港区住建局 林晓丽",
     [A("南港区开展城镇燃气安全隐患集中排查整治.docx", d01, split=True)],
     label(title="南港区开展城镇燃气安全隐患集中排查整治", unit="南港区住房和城乡建设局",
           authors=["林晓丽", "符永强"], phone="13800136101", reviewer="邢志明",
           captions=["图为检查人员在南港农贸市场查看餐饮商户燃气管线。", "图为工作人员向商户讲解燃气泄漏报警器的使用方法。"],
           fmt="docx", placement=["labels_top", "subject_unit_plus_title", "photos_embedded", "caption_under_photo",
                                  "attachment_name_split_encoded_words"]))

p02 = [J("02a"), J("02b")]
d02 = make_docx([
    ("title", "云溪镇卫生院：家庭医生签约服务送到村民家门口"),
    ("p", "3月3日上午，青湾县云溪镇卫生院家庭医生团队走进白石村，为村里的老年人、慢性病患者开展上门签约和健康随访服务。"),
    ("p", "活动现场，医护人员为村民测量血压、血糖，详细询问身体状况和用药情况，并结合每个人的健康档案给出饮食、运动方面的建议。"
          "对行动不便的老人，家庭医生团队逐户上门，把服务送到床前。"),
    ("p", "“以前看病要跑到镇上，现在医生上门来，心里踏实多了。”72岁的村民王阿婆说。据了解，今年以来云溪镇卫生院已完成"
          "家庭医生签约1860人，重点人群签约率达到85%以上。"),
    ("line", "图1：家庭医生团队在白石村为老人测量血压。"),
    ("line", "图2：医护人员为村民讲解慢性病用药知识。"),
    ("blank", None),
    ("line", "供稿单位：青湾县云溪镇卫生院"),
    ("line", "作者：黄丽娟"),
    ("line", "联系电话：138 0013 6102"),
    ("line", "审核：陈德明"),
])
mail("02-qq-docx-bottom-labels-jpgs.eml", "qq", "黄丽娟", "2846193750@qq.com",
     "Wed, 4 Mar 2026 10:31:46 +0800",
     "投稿：《云溪镇卫生院：家庭医生签约服务送到村民家门口》",
     "老师您好！附件为稿件及照片2张，请查收。",
     [A("云溪镇卫生院投稿.docx", d02), A("微信图片_20260303113015.jpg", p02[0]),
      A("微信图片_20260303113022.jpg", p02[1])],
     label(title="云溪镇卫生院：家庭医生签约服务送到村民家门口", unit="青湾县云溪镇卫生院", authors=["黄丽娟"],
           phone="13800136102", reviewer="陈德明",
           captions=["家庭医生团队在白石村为老人测量血压。", "医护人员为村民讲解慢性病用药知识。"],
           fmt="docx", placement=["labels_bottom", "subject_tougao_title", "photos_separate",
                                  "captions_in_manuscript", "mobile_spaces", "wechat_filenames"]))

p03 = [J("03a")]
d03 = make_docx([
    ("head", "投稿信息表"),
    ("table", [["稿件标题", "金融知识进万家 反诈宣传进社区"],
               ["投稿单位", "椰城农商银行城西支行"],
               ["作　　者", "吴婷婷、郑家豪"],
               ["联系电话", "13800136103（办公室：0898-66881203）"],
               ["审 核 人", "何振华"],
               ["投稿日期", "2026年3月5日"]]),
    ("blank", None),
    ("title", "金融知识进万家 反诈宣传进社区"),
    ("p", "为提升辖区居民防范电信网络诈骗的意识和能力，3月4日，椰城农商银行城西支行走进金盘社区，开展“金融知识进万家”"
          "主题宣传活动。"),
    ("p", "活动中，支行工作人员通过设置咨询台、发放宣传折页、讲解典型案例等方式，向居民介绍冒充客服退款、刷单返利、"
          "虚假投资理财等常见诈骗手法，提醒大家守好“钱袋子”。针对老年人群体，工作人员还现场演示了手机银行转账限额设置"
          "和国家反诈中心APP的安装使用。"),
    ("p", "本次活动共发放宣传资料400余份，现场解答群众咨询60余人次。"),
    ("line", "图1：支行工作人员向社区居民讲解防范电信网络诈骗知识。"),
])
mail("03-outlook-docx-info-table.eml", "outlook", "吴婷婷", "wutingting_cxzh@outlook.com",
     "Thu, 5 Mar 2026 16:05:41 +0800",
     "【椰城农商银行城西支行】金融知识进万家 反诈宣传进社区",
     "您好：\n附件为我行投稿材料（含投稿信息表），请审阅。\n\n吴婷婷\n椰城农商银行城西支行 综合部",
     [A("投稿-金融知识进万家 反诈宣传进社区.docx", d03), A("IMG_4521.JPG", p03[0])],
     label(title="金融知识进万家 反诈宣传进社区", unit="椰城农商银行城西支行", authors=["吴婷婷", "郑家豪"],
           phone="13800136103", reviewer="何振华",
           captions=["支行工作人员向社区居民讲解防范电信网络诈骗知识。"],
           fmt="docx", placement=["info_table", "subject_bracket_unit", "mobile_and_landline", "photos_separate",
                                  "captions_in_manuscript", "rfc2231_continuation"],
           note="投稿信息表 gives mobile first, office landline in brackets after it: label is the mobile."),
     odate="Thu, 05 Mar 2026 08:04:10 GMT")

d04 = make_docx([
    ("title", "春耕农资保供服务队走进田间地头"),
    ("sub", "撰稿：孙立军 周敏"),
    ("p", "眼下正值春耕备耕关键时期，淝水县供销合作社联合社组织农资保供服务队，深入全县12个乡镇开展农资送货下乡、"
          "农技指导服务。"),
    ("p", "在双河镇高岗村，服务队把化肥、种子、农膜直接送到种粮大户的田头，农技人员现场讲解测土配方施肥技术，帮助农户"
          "科学选种、合理用肥。“供销社把农资送到家门口，价格实惠，质量也放心。”种粮大户陈大伯说。"),
    ("p", "据统计，今年春耕期间全县供销系统已储备化肥1.2万吨、农药85吨、种子120吨，开展农技培训23场次，服务农户4600余户。"),
    ("blank", None),
    ("right", "淝水县供销合作社联合社"),
    ("right", "2026年3月9日"),
    ("line", "联系电话：0551-62331145"),
])
mail("04-126-doc-luokuan.eml", "126", "孙立军", "sunlijun_fsgx@126.com",
     "Mon, 9 Mar 2026 16:22:05 +0800 (CST)",
     "淝水县供销合作社联合社：春耕农资保供服务队走进田间地头",
     "稿件一篇，请审阅。",
     [A("春耕农资保供.doc", soffice(d04, "doc"))],
     label(title="春耕农资保供服务队走进田间地头", unit="淝水县供销合作社联合社", authors=["孙立军", "周敏"],
           phone="0551-62331145", fmt="doc",
           placement=["luokuan", "subject_unit_colon_title", "byline_zhuangao", "landline"]))

d05 = make_docx([
    ("title", "白沙湾街道“邻里节”让社区更有温度"),
    ("p", "3月7日，南港区白沙湾街道第三届“邻里节”在滨海花园小区广场启动。活动设置了邻里美食分享、旧物交换、便民服务等"
          "板块，吸引了600余名居民参与。"),
    ("p", "活动现场，居民们带来自家拿手的椰子饭、清补凉，摆上长桌请邻居品尝；旧物交换区里，孩子们用闲置的图书、玩具换来了"
          "新“宝贝”；理发、磨刀、家电维修等便民摊位前排起了长队。"),
    ("p", "白沙湾街道相关负责人表示，街道将以“邻里节”为契机，持续推动“近邻”服务品牌建设，让居民从“面对面”走向“心贴心”。"),
    ("blank", None),
    ("line", "作者：王喆　李镕"),
    ("line", "单位：南港区白沙湾街道办事处"),
    ("line", "联系电话：13800136105"),
    ("line", "签发：吴国栋"),
])
mail("05-foxmail-wps-signoff.eml", "foxmail", "王喆", "wangzhe_bsw@foxmail.com",
     "Tue, 10 Mar 2026 15:20:08 +0800",
     "投稿：白沙湾街道“邻里节”让社区更有温度",
     "编辑老师：\n    您好！附件是我街道“邻里节”活动稿件（WPS格式），请审阅。\n\n王喆\n2026-03-10",
     [A("白沙湾街道邻里节稿件.wps", soffice(d05, "doc"))],
     label(title="白沙湾街道“邻里节”让社区更有温度", unit="南港区白沙湾街道办事处", authors=["王喆", "李镕"],
           phone="13800136105", reviewer="吴国栋", fmt="wps",
           placement=["labels_bottom", "subject_tougao_title", "gb2312_label_gbk_text", "qianfa"]))

p06 = [J("06a")]
d06 = make_docx([
    ("title", "青湾县首届渔歌节暨海洋文化旅游推介活动在港北村开幕"),
    ("line", "作者：冯雅琪、蔡明远"),
    ("line", "单位：青湾县文化广电旅游体育局"),
    ("line", "手机：13800136106　办公电话：0898-66881206"),
    ("p", "3月10日，青湾县首届“渔歌节”暨海洋文化旅游推介活动在港北村渔港广场开幕。来自全县各镇的渔民歌手、文艺爱好者和"
          "游客3000余人齐聚一堂，共赏渔歌、共品海鲜。"),
    ("img", p06[0]),
    ("cap", "图为港北村渔民表演传统渔歌对唱。"),
    ("p", "开幕式上，港北村老渔民们身着传统服饰，以一曲《出海谣》拉开活动序幕。活动期间还将举办渔歌擂台赛、渔家美食集市、"
          "非遗手工艺展示等12项活动，持续至3月15日。"),
    ("p", "近年来，青湾县深入挖掘海洋渔业文化资源，推动文旅融合发展，打造了一批“渔村+民宿”“渔港+研学”特色旅游产品。"),
])
mail("06-sina-pdf-mobile-landline.eml", "sina", "冯雅琪", "fengyaqi_qwwl@sina.com",
     "Wed, 11 Mar 2026 11:05:19 +0800",
     "青湾县文化广电旅游体育局 青湾县首届渔歌节开幕",
     "您好，附件是我局稿件（PDF），请审阅。\n冯雅琪",
     [A("渔歌节开幕稿件.pdf", soffice(d06, "pdf"))],
     label(title="青湾县首届渔歌节暨海洋文化旅游推介活动在港北村开幕", unit="青湾县文化广电旅游体育局",
           authors=["冯雅琪", "蔡明远"], phone="13800136106",
           captions=["图为港北村渔民表演传统渔歌对唱。"], fmt="pdf",
           placement=["labels_top", "mobile_and_landline", "photos_embedded", "caption_under_photo",
                      "subject_unit_space_title", "pdf_title_wraps"],
           note="Title wraps onto two lines in the PDF; label is the joined title. Mobile is written first. (No curly quotes in this title: LibreOffice sets them in a Latin font and pypdf then reorders them.)"))

p07 = [J("07a"), J("07b")]
d07 = make_docx([
    ("line", "标  题：县委办公室举办“机关开放日”活动 邀请群众代表走进机关"),
    ("line", "作  者：钟晓燕、林峰"),
    ("line", "单  位：中共青湾县委办公室"),
    ("line", "电  话：13800136107"),
    ("line", "审核人：许文博"),
    ("blank", None),
    ("p", "3月12日，中共青湾县委办公室举办“机关开放日”活动，邀请人大代表、政协委员、企业职工和村（社区）群众代表共30人"
          "走进机关，零距离感受机关工作日常。"),
    ("img", p07[0]),
    ("cap", "图为群众代表参观县委办公室政务服务窗口。"),
    ("p", "代表们先后参观了县委办公室文电处理中心、督查工作室和党员活动室，详细了解公文流转、督查督办等工作流程。在座谈交流"
          "环节，代表们围绕优化营商环境、提升基层治理水平等话题踊跃发言，提出意见建议15条。"),
    ("img", p07[1]),
    ("cap", "图为座谈会现场。"),
    ("p", "县委办公室有关负责同志表示，将认真梳理代表们提出的意见建议，逐条研究办理，持续改进机关作风。"),
])
mail("07-govcn-docx-spaced-labels.eml", "coremail-gov", "钟晓燕", "zhongxiaoyan@qingwanxian.gov.cn",
     "Thu, 12 Mar 2026 17:40:12 +0800 (CST)",
     "中共青湾县委办公室—县委办公室举办“机关开放日”活动",
     "附件是县委办稿件，请审阅。\n\n钟晓燕\n县委办公室综合股",
     [A("县委办机关开放日稿件.docx", d07)],
     label(title="县委办公室举办“机关开放日”活动 邀请群众代表走进机关", unit="中共青湾县委办公室",
           authors=["钟晓燕", "林峰"], phone="13800136107", reviewer="许文博",
           captions=["图为群众代表参观县委办公室政务服务窗口。", "图为座谈会现场。"], fmt="docx",
           placement=["labels_top", "spaced_labels", "title_label", "subject_unit_dash_title", "photos_embedded",
                      "caption_under_photo"],
           note="Title comes from the '标  题：' label (no separate title line); the subject carries a shortened title."))

mail("08-139-body-plain.eml", "139", "邓雨萱", "13800136108@139.com",
     "Fri, 13 Mar 2026 20:15:37 +0800",
     "南港区海秀街道翠湖社区居委会 翠湖社区开展防汛应急演练",
     "翠湖社区开展防汛应急演练\n\n"
     "3月13日下午，南港区海秀街道翠湖社区联合辖区物业、社区卫生服务站开展防汛应急演练，社区干部、网格员、志愿者和居民群众共80余人参加。\n\n"
     "演练模拟强降雨导致小区地下车库进水、低洼处居民被困的场景。接到预警后，社区立即启动应急预案，网格员分头通知低洼处住户转移，"
     "物业人员迅速在车库入口堆放沙袋、启动抽水泵，志愿者引导居民有序撤离至临时安置点，卫生服务站医护人员现场开展伤员救护。\n\n"
     "整个演练过程历时40分钟，各环节衔接紧密、处置有序。通过演练，进一步检验了社区防汛应急预案的可操作性，提升了居民的防灾避险意识和自救互救能力。\n\n"
     "作者：邓雨萱\n单位：南港区海秀街道翠湖社区居委会\n电话：13800136108",
     [],
     label(title="翠湖社区开展防汛应急演练", unit="南港区海秀街道翠湖社区居委会", authors=["邓雨萱"],
           phone="13800136108", fmt="body",
           placement=["body_article", "labels_bottom", "subject_unit_space_title", "from_is_mobile_number"]))

p09 = [J("09a"), J("09b")]
d09 = make_docx([
    ("title", "我校举办第十届校园科技节"),
    ("sub", "文/钱思远"),
    ("p", "3月13日至14日，淝水县第二中学第十届校园科技节举行。本届科技节以“点燃科学梦想 争做创新少年”为主题，设置水火箭"
          "发射、机器人编程、科技小发明展评等8个项目，全校1500余名学生参与。"),
    ("p", "在水火箭发射比赛现场，各班参赛队伍精心调整发射角度和注水量，一枚枚“火箭”腾空而起，引来阵阵欢呼。科技小发明展区"
          "里，自动浇花器、智能垃圾分类箱等作品充满创意，吸引同学们驻足观看。"),
    ("p", "学校相关负责人介绍，科技节已连续举办十届，成为学校开展科普教育、培养学生创新实践能力的重要平台。"),
    ("line", "图1 学生展示自制水火箭"),
    ("line", "图2 评委老师听取参赛小组讲解"),
    ("blank", None),
    ("line", "审核：程卫东"),
    ("line", "联系电话：0551-6233 1109"),
])
mail("09-yeah-docx-unit-author-title-subject.eml", "yeah", "钱思远", "qiansiyuan_fs2z@yeah.net",
     "Mon, 16 Mar 2026 12:48:50 +0800 (CST)",
     "淝水县第二中学+钱思远+我校举办第十届校园科技节",
     "老师好，稿件和照片请查收。",
     [A("科技节稿件.docx", d09), A("1.jpg", p09[0]), A("2.jpg", p09[1])],
     label(title="我校举办第十届校园科技节", unit="淝水县第二中学", authors=["钱思远"], phone="0551-62331109",
           reviewer="程卫东", captions=["学生展示自制水火箭", "评委老师听取参赛小组讲解"], fmt="docx",
           placement=["subject_unit_author_title", "byline_wen", "photos_separate", "captions_in_manuscript",
                      "landline_spaced"],
           note="The unit appears only in the subject (单位+作者+标题); the manuscript says 我校."),
     subject_chunk=9)

p10 = [J("10a")]
t10 = ("标题：椰城市自然资源和规划局开展义务植树活动\n"
       "作者：韩冬梅\n"
       "单位：椰城市自然资源和规划局\n"
       "联系电话：138-0013-6110\n"
       "\n"
       "    3月12日是第48个植树节。当天上午，椰城市自然资源和规划局组织党员干部职工60余人，来到椰溪河畔生态修复区开展义务植树活动。\n"
       "    活动现场，大家分工协作，挥锹铲土、扶苗培土、提水浇灌，干得热火朝天。经过两个多小时的努力，共栽下黄花梨、小叶榄仁等苗木300余株。\n"
       "    近年来，该局持续推进国土绿化和生态修复工作，全市森林覆盖率稳定在38%以上。\n"
       "\n"
       "图1：党员干部在椰溪河畔生态修复区栽种苗木。\n")
mail("10-hotmail-txt-gbk.eml", "outlook-web", "韩冬梅", "handongmei_yczr@hotmail.com",
     "Tue, 17 Mar 2026 01:30:02 +0000",
     "椰城市自然资源和规划局：开展义务植树活动",
     "您好！\n附件为我局投稿（txt文本）和照片一张，请审阅。\n\n韩冬梅",
     [A("投稿.txt", t10.replace("\n", "\r\n").encode("gbk"), ctype="text/plain"), A("DSC02231.JPG", p10[0])],
     label(title="椰城市自然资源和规划局开展义务植树活动", unit="椰城市自然资源和规划局", authors=["韩冬梅"],
           phone="13800136110", captions=["党员干部在椰溪河畔生态修复区栽种苗木。"], fmt="txt",
           placement=["labels_top", "title_label", "mobile_dashes", "photos_separate", "captions_in_manuscript",
                      "txt_gbk_crlf", "subject_unit_colon_title"]),
     odate="Tue, 17 Mar 2026 01:29:40 GMT")

p11 = [J("11a")]
d11 = make_docx([
    ("title", "我院开展“学雷锋”志愿服务月活动"),
    ("line", "作者：杜若兰 盛家豪"),
    ("line", "单位：椰城职业技术学院宣传部"),
    ("line", "电话：（0898）6688 1211 转 8021"),
    ("line", "审稿：蒋红梅"),
    ("p", "3月是“学雷锋”志愿服务月。椰城职业技术学院围绕“弘扬雷锋精神 青春建功奉献”主题，组织全院21支青年志愿服务队"
          "开展系列志愿服务活动。"),
    ("img", p11[0]),
    ("cap", "图为汽车工程系志愿者为市民免费检查车辆。"),
    ("p", "活动期间，各志愿服务队发挥专业优势，走进社区、乡村和敬老院，开展家电义务维修、汽车安全检查、中小学生课业辅导、"
          "老年人智能手机教学等服务。截至目前，累计开展志愿服务活动46场，参与师生1200余人次，服务群众5000余人次。"),
])
mail("11-educn-docx-landline-ext.eml", "coremail-edu", "杜若兰", "durl@yczyjs.edu.cn",
     "Wed, 18 Mar 2026 14:02:45 +0800 (CST)",
     "椰城职业技术学院宣传部 我院开展“学雷锋”志愿服务月活动",
     "编辑部老师：\n    您好！附件是我院稿件，请审阅。\n\n杜若兰\n椰城职业技术学院宣传部",
     [A("学雷锋志愿服务月稿件.docx", d11)],
     label(title="我院开展“学雷锋”志愿服务月活动", unit="椰城职业技术学院宣传部", authors=["杜若兰", "盛家豪"],
           phone="0898-66881211-8021", reviewer="蒋红梅", captions=["图为汽车工程系志愿者为市民免费检查车辆。"],
           fmt="docx", placement=["labels_top", "landline_brackets_extension", "photos_embedded",
                                  "caption_under_photo", "subject_unit_space_title", "shengao"]))

p12 = [J("12a"), J("12b")]
cid12 = ["image001.jpg@01DCB7A2.5F3E1C40", "image002.jpg@01DCB7A2.5F3E1C40"]
t12 = [
    "3月12日是第21个“世界肾脏日”。当天上午，琼江县人民医院肾内科联合内分泌科、营养科在门诊大厅开展主题义诊活动。",
    "图为肾内科医生为群众解读检验报告。",
    "活动现场，医护人员为前来咨询的群众免费测量血压、血糖，进行尿常规快速检测，并耐心解答慢性肾病预防、饮食控制等方面的问题。"
    "营养科医生还现场讲解了“低盐低脂”饮食搭配方法。",
    "图为营养科医生向群众讲解健康饮食知识。",
    "本次义诊共服务群众210余人次，发放健康宣传资料500余份。",
    "作者：罗婉清　单位：琼江县人民医院　联系电话：13800136112　审核人：潘建军",
]
from clients import mso_p, outlook_html  # noqa: E402
h12 = outlook_html("\n".join([
    mso_p("编辑老师好！稿件如下，请审阅。"), mso_p(""),
    '<p class="MsoNormal" align="center" style="text-align:center"><b><span style="font-size:16.0pt">'
    '我院开展“世界肾脏日”义诊活动</span></b></p>',
    mso_p(t12[0]),
    '<p class="MsoNormal" align="center" style="text-align:center"><span lang="EN-US">'
    '<img width="320" height="240" style="width:3.3333in;height:2.5in" id="图片_x0020_1" src="cid:%s"></span></p>' % cid12[0],
    '<p class="MsoNormal" align="center" style="text-align:center">%s</p>' % t12[1],
    mso_p(t12[2]),
    '<p class="MsoNormal" align="center" style="text-align:center"><span lang="EN-US">'
    '<img width="320" height="240" style="width:3.3333in;height:2.5in" id="图片_x0020_2" src="cid:%s"></span></p>' % cid12[1],
    '<p class="MsoNormal" align="center" style="text-align:center">%s</p>' % t12[3],
    mso_p(t12[4]), mso_p(""), mso_p(t12[5]), mso_p(""),
    mso_p("罗婉清"), mso_p("琼江县人民医院宣传科"),
]))
mail("12-outlook-html-cid-photos.eml", "outlook", "罗婉清", "luowanqing_qjyy@outlook.com",
     "Thu, 19 Mar 2026 10:10:10 +0800",
     "【琼江县人民医院】我院开展“世界肾脏日”义诊活动",
     "编辑老师好！稿件如下，请审阅。\n\n我院开展“世界肾脏日”义诊活动\n" + t12[0] + "\n[cid:%s]\n" % cid12[0] + t12[1]
     + "\n" + t12[2] + "\n[cid:%s]\n" % cid12[1] + t12[3] + "\n" + t12[4] + "\n\n" + t12[5] + "\n\n罗婉清\n琼江县人民医院宣传科",
     [A("image001.jpg", p12[0], cid=cid12[0]), A("image002.jpg", p12[1], cid=cid12[1])],
     label(title="我院开展“世界肾脏日”义诊活动", unit="琼江县人民医院", authors=["罗婉清"], phone="13800136112",
           reviewer="潘建军", captions=["图为肾内科医生为群众解读检验报告。", "图为营养科医生向群众讲解健康饮食知识。"],
           fmt="body", placement=["body_article_html", "inline_cid_photos", "labels_bottom_one_line",
                                  "subject_bracket_unit"],
           note="All four labels share one line separated by U+3000; the first body line is a greeting, "
                "the article starts with the bold title."),
     html_body=h12, odate="Thu, 19 Mar 2026 02:09:30 GMT")

# =====================================================================================
# Hard families (13-30)
# =====================================================================================

# --- A: metadata without labels ------------------------------------------------------

d13 = make_docx([
    ("head", "新闻稿"),
    ("p", "本网讯（通讯员 吴晓峰）3月19日，椰城市龙华区供销合作社联合社“助农直播间”迎来第100场直播。当天，主播们走进新坡镇"
          "火龙果种植基地，通过镜头向网友展示果园风光和采摘过程，两个小时的直播共售出火龙果、地瓜干等农特产品1.8万元。"),
    ("p", "去年以来，龙华区供销社依托基层供销社网点，搭建“助农直播间”，培育本土“新农人”主播12名，帮助农户拓宽销售渠道。"
          "截至目前，直播间累计销售农特产品260余万元，带动600余户农户增收。"),
])
mail("13-qq-signature-no-title.eml", "qq", "吴晓峰", "1357924680@qq.com",
     "Fri, 20 Mar 2026 16:45:30 +0800", "稿件",
     "编辑老师：\n    您好！附件是我社关于“助农直播间”的稿件，请审阅。\n\n吴晓峰\n椰城市龙华区供销合作社联合社\n手机：13800136113",
     [A("稿件.docx", d13)],
     label("incomplete", missing=["title"], unit="椰城市龙华区供销合作社联合社", authors=["吴晓峰"],
           phone="13800136113", fmt="docx",
           placement=["signature_block_plain", "lead_correspondent", "generic_subject", "no_title"],
           note="The manuscript's only heading is the generic word 新闻稿 and the subject is 稿件: no real title "
                "anywhere. Unit and phone come from the mail signature; the author from the （通讯员 …） lead "
                "(same person as the signature)."))

p14 = [J("14a")]
d14 = make_docx([
    ("title", "南港经济开发区12个重点项目集中开工"),
    ("p", "3月20日，南港经济开发区2026年第一季度重点项目集中开工活动在临港智能制造产业园举行。此次集中开工的12个项目涵盖"
          "高端装备制造、新材料、冷链物流等领域，总投资48.6亿元。"),
    ("img", p14[0]),
    ("cap", "图为集中开工活动现场。"),
    ("p", "开发区管委会有关负责人表示，将持续深化“拿地即开工”审批改革，为项目建设提供全周期代办服务，推动项目早投产、早见效。"),
    ("right", "（文/顾文斌）"),
])
sig14 = ["顾文斌", "综合办公室　宣传干事", "南港经济开发区管理委员会", "电话：0898—6688 1214",
         "地址：椰城市南港区港湾大道88号"]
h14 = outlook_html("\n".join([mso_p("您好："), mso_p("附件是我委新闻稿，请审阅，谢谢。"), mso_p(""), mso_p(""),
    '<table class="MsoNormalTable" border="0" cellspacing="0" cellpadding="0" style="border-collapse:collapse">'
    '<tr><td style="border:none;border-left:solid #1F4E79 3.0pt;padding:0cm 5.4pt 0cm 5.4pt">'
    '<p class="MsoNormal"><b><span style="font-size:12.0pt;color:#1F4E79">%s</span></b></p>'
    '<p class="MsoNormal"><span style="font-size:9.0pt;color:#595959">%s</span></p>'
    '<p class="MsoNormal"><span style="font-size:9.0pt;color:#595959">%s</span></p>'
    '<p class="MsoNormal"><span style="font-size:9.0pt;color:#595959">%s</span></p>'
    '<p class="MsoNormal"><span style="font-size:9.0pt;color:#595959">%s</span></p>'
    '</td></tr></table>' % tuple(sig14)]))
mail("14-outlook-html-signature-emdash-phone.eml", "outlook", "顾文斌", "guwenbin@ngjjkfq.gov.cn",
     "Mon, 23 Mar 2026 09:05:11 +0800", "新闻稿一篇，请审阅",
     "您好：\n附件是我委新闻稿，请审阅，谢谢。\n\n\n" + "\n".join(sig14),
     [A("集中开工新闻稿.docx", d14)],
     label(title="南港经济开发区12个重点项目集中开工", unit="南港经济开发区管理委员会", authors=["顾文斌"],
           phone="0898-66881214", captions=["图为集中开工活动现场。"], fmt="docx",
           placement=["signature_block_html", "byline_wen_end", "phone_em_dash", "photos_embedded",
                      "caption_under_photo", "generic_subject"],
           note="Unit and phone only in the HTML signature table; the unit is the unit line, not the department "
                "line 综合办公室　宣传干事. The author is labelled in the manuscript (文/顾文斌). '0898—6688 1214' uses "
                "an em dash."),
     html_body=h14, odate="Mon, 23 Mar 2026 01:04:40 GMT")

d15 = make_docx([
    ("title", "淝水县“15分钟就业服务圈”实现乡镇全覆盖"),
    ("p", "本报讯（江淮晨报记者 陈晓 通讯员 刘洋 孙倩）“在家门口就能找到合适的工作，太方便了！”3月23日，在淝水县城关镇"
          "就业服务驿站，刚刚签下用工协议的村民张女士高兴地说。"),
    ("p", "今年以来，淝水县人社部门依托乡镇便民服务中心、村（社区）党群服务中心，建成就业服务驿站38个，提供岗位发布、求职"
          "登记、政策咨询、技能培训报名等“一站式”服务，实现“15分钟就业服务圈”乡镇全覆盖。"),
    ("p", "截至目前，各驿站累计发布岗位信息5600余个，帮助1200余名群众实现就近就业。"),
    ("right", "（淝水县人力资源和社会保障局 供稿）"),
])
mail("15-163utf8-lead-media-reporter-gonggao.eml", "163-utf8", "刘洋", "liuyang_fsrs@163.com",
     "Tue, 24 Mar 2026 11:20:41 +0800 (CST)", "信息",
     "您好，附件为信息一篇，请审阅。\n联系人：刘洋 13800136115",
     [A("就业服务圈信息.docx", d15)],
     label(title="淝水县“15分钟就业服务圈”实现乡镇全覆盖", unit="淝水县人力资源和社会保障局",
           authors=["陈晓", "刘洋", "孙倩"], phone="13800136115", fmt="docx",
           placement=["lead_media_reporter_correspondent", "closing_gonggao", "phone_in_body", "generic_subject"],
           note="Authors from the lead byline: the reporter (陈晓) and both correspondents; 江淮晨报 is the media outlet, "
                "not part of any name and not the source unit. Unit from the closing （… 供稿） line."))

mail("16-126-body-lead-supplier-fullwidth-phone.eml", "126", "符晓东", "fuxiaodong_gbpcs@126.com",
     "Wed, 25 Mar 2026 15:33:20 +0800 (CST)", "投稿信息一则",
     "港北派出所开展“反诈宣传进校园”活动\n\n"
     "青湾讯（记者 何佳 通讯员 符晓东）3月24日，青湾县公安局港北派出所民警走进港北中心小学，为全校师生上了一堂生动的反诈宣传课。\n\n"
     "民警结合发生在身边的真实案例，用通俗易懂的语言向师生讲解网络游戏装备交易、“免费领皮肤”、冒充老师收费等针对中小学生和家长的"
     "常见诈骗套路，并教授“不轻信、不透露、不转账”的防骗口诀。课后，民警还向学生发放了《致家长的一封信》，号召“小手拉大手”，"
     "共同筑牢家庭反诈防线。\n\n"
     "供稿单位　青湾县公安局港北派出所\n"
     "联系电话：１３８００１３６１１６",
     [],
     label(title="港北派出所开展“反诈宣传进校园”活动", unit="青湾县公安局港北派出所", authors=["何佳", "符晓东"],
           phone="13800136116", fmt="body",
           placement=["body_article", "lead_reporter_correspondent", "closing_supplier_no_colon",
                      "phone_fullwidth", "generic_subject"],
           note="'供稿单位' is followed by a full-width space, no colon. The phone is typed in full-width digits."))

p17 = [J("17a"), J("17b")]
d17 = make_docx([
    ("title", "琼江县第一小学开展“学雷锋 树新风”主题队日活动"),
    ("sub", "文/苏晓雯　图/邱子墨"),
    ("p", "3月5日是第63个“学雷锋纪念日”。当天，琼江县第一小学少先队大队组织各中队开展“学雷锋 树新风”主题队日活动。"),
    ("p", "少先队员们走进学校周边的椰风社区，清扫楼道、清理小广告，为社区的孤寡老人表演节目、送上亲手制作的贺卡。在校园里，"
          "各中队还开展了“雷锋故事我来讲”“学雷锋小标兵”评选等活动。"),
    ("p", "学校大队辅导员表示，学校将把学雷锋活动融入日常，引导少先队员从身边小事做起，争做新时代好少年。"),
    ("line", "图1：少先队员在椰风社区清扫楼道。"),
    ("line", "图2：少先队员为社区老人表演节目。"),
    ("blank", None),
    ("right", "琼江县第一小学"),
    ("right", "2026年3月6日"),
    ("line", "联系电话：13800136117"),
])
mail("17-iphone-luokuan-wen-tu.eml", "iphone", "苏晓雯", "3095127468@qq.com",
     "Fri, 6 Mar 2026 17:48:22 +0800", "琼江县第一小学学雷锋主题队日活动稿件",
     "稿件和照片见附件",
     [A("学雷锋主题队日稿件.docx", d17), A("IMG_2231.JPG", p17[0]), A("IMG_2234.JPG", p17[1])],
     label(title="琼江县第一小学开展“学雷锋 树新风”主题队日活动", unit="琼江县第一小学", authors=["苏晓雯"],
           phone="13800136117", captions=["少先队员在椰风社区清扫楼道。", "少先队员为社区老人表演节目。"],
           credit="邱子墨", fmt="docx",
           placement=["luokuan", "byline_wen_tu", "photos_separate", "captions_in_manuscript", "camera_filenames"],
           note="Photographer 邱子墨 (图/) is photo_credit, not an author. Unit from the 落款."),
     tail="\n\n发自我的iPhone")

# --- B: names as typed -----------------------------------------------------------------

d18 = make_docx([
    ("title", "云溪镇召开2026年春季森林防火工作部署会"),
    ("line", "作　　者：王　芳、李建国，张　敏 和 刘洋"),
    ("line", "单　　位：青湾县云溪镇人民政府"),
    ("line", "联系电话：１３８－００１３－６１１８"),
    ("line", "审　　核：邢　军"),
    ("p", "3月25日，青湾县云溪镇召开2026年春季森林防火工作部署会，镇领导班子成员、各村（社区）党支部书记、护林员代表共60"
          "余人参加会议。"),
    ("p", "会议通报了去冬今春全镇森林防火工作情况，分析了当前清明节前后野外用火管控面临的形势，对火源管控、隐患排查、应急"
          "值守、宣传教育等重点工作作出具体部署。会议要求，各村要严格落实网格化管护责任，在重点路口、林区入口设置防火"
          "检查点，坚决防范森林火灾发生。"),
    ("p", "会上，镇政府与各村签订了森林防火目标责任书。"),
])
mail("18-163-padded-names-fullwidth-phone.eml", "163", "王芳", "wangfang_yxz@163.com",
     "Thu, 26 Mar 2026 10:05:56 +0800 (CST)",
     "青湾县云溪镇人民政府+云溪镇召开2026年春季森林防火工作部署会",
     "您好，附件是我镇稿件，请审阅！",
     [A("云溪镇森林防火部署会.docx", d18)],
     label(title="云溪镇召开2026年春季森林防火工作部署会", unit="青湾县云溪镇人民政府",
           authors=["王芳", "李建国", "张敏", "刘洋"], phone="13800136118", reviewer="邢军", fmt="docx",
           placement=["labels_top", "padded_names_fullwidth", "mixed_separators", "phone_fullwidth",
                      "spaced_labels", "subject_unit_plus_title"],
           note="王　芳 / 张　敏 / 邢　军 are two-character names padded with U+3000 to align with three-character "
                "names; a human reads 王芳, not 王 + 芳. Separators 、 ， 和. Phone in full-width digits with "
                "full-width hyphens."))

d19 = make_docx([
    ("title", "我院举办2026年护理技能竞赛"),
    ("p", "为进一步提升护理人员的专业技能和应急处置能力，3月26日，椰城市第三人民医院举办2026年护理技能竞赛，来自全院18个"
          "临床科室的54名护士参赛。"),
    ("p", "竞赛分为理论考试和技能操作两部分，技能操作设置心肺复苏、静脉输液、无菌技术操作等项目。参赛选手沉着冷静、操作"
          "规范，充分展示了扎实的基本功和良好的职业素养。经过激烈角逐，急诊科、重症医学科代表队分获团体一、二等奖。"),
    ("p", "医院护理部负责人表示，将以赛促学、以赛促练，持续提升护理服务质量。"),
    ("blank", None),
    ("line", "撰稿：陈　静；周文杰/黄海 与 林晓燕"),
    ("line", "单位：椰城市第三人民医院"),
    ("line", "办公电话：0898-6688 1219 分机 803"),
    ("line", "审签：卓明辉"),
])
mail("19-qq-names-semicolon-slash-extension.eml", "qq", "陈静", "1928374650@qq.com",
     "Fri, 27 Mar 2026 18:20:14 +0800",
     "【椰城市第三人民医院】我院举办2026年护理技能竞赛",
     "老师您好，我院护理技能竞赛稿件见附件，请审核。",
     [A("护理技能竞赛稿件.docx", d19)],
     label(title="我院举办2026年护理技能竞赛", unit="椰城市第三人民医院", authors=["陈静", "周文杰", "黄海", "林晓燕"],
           phone="0898-66881219-803", reviewer="卓明辉", fmt="docx",
           placement=["labels_bottom", "padded_names_fullwidth", "mixed_separators", "landline_extension",
                      "subject_bracket_unit", "shenqian"],
           note="Separators ； / 与 mixed in one line; 陈　静 is padded. Extension typed as '分机 803'."))

d20 = make_docx([
    ("title", "老旧小区改造让居民住得更舒心"),
    ("line", "作者：郑  伟　吴丽华 及 马  骁"),
    ("line", "单位：淝水县住房和城乡建设局"),
    ("line", "电话：（0551）6233-1120"),
    ("p", "走进淝水县城关镇向阳小区，新铺的沥青路面平整干净，外墙保温改造后焕然一新，楼道里加装了扶手和感应灯，小区广场上"
          "老人们正在健身器材旁锻炼。"),
    ("p", "“以前一下雨路上全是积水，现在不仅路好走了，还多了停车位和充电桩。”在小区住了20多年的居民李大爷说。"),
    ("p", "2026年，淝水县计划改造老旧小区26个，惠及居民4300余户。改造中，县住建局坚持“居民点菜、政府端菜”，通过入户走访、"
          "召开居民议事会等方式征求意见，把加装电梯、增设充电桩、完善无障碍设施等群众最关心的事项列入改造清单。"),
])
mail("20-outlookweb-names-ascii-padding-brackets.eml", "outlook-web", "郑伟", "zhengwei_fszj@outlook.com",
     "Mon, 30 Mar 2026 00:47:09 +0000", "投稿：老旧小区改造让居民住得更舒心",
     "编辑老师您好：\n附件是我局投稿，请审阅。\n\n淝水县住建局 郑伟",
     [A("老旧小区改造稿件.docx", d20)],
     label(title="老旧小区改造让居民住得更舒心", unit="淝水县住房和城乡建设局", authors=["郑伟", "吴丽华", "马骁"],
           phone="0551-62331120", fmt="docx",
           placement=["labels_top", "padded_names_ascii", "separator_ji", "landline_brackets",
                      "subject_tougao_title"],
           note="'郑  伟' and '马  骁' are padded with two ASCII spaces; names are separated by U+3000 and 及. "
                "A human reads 郑伟, 吴丽华, 马骁. Uncertain label for a space-splitting extractor."),
     odate="Mon, 30 Mar 2026 00:46:50 GMT")

# --- C: captions in the mail body --------------------------------------------------------

p21 = [J("21a"), J("21b"), J("21c")]
d21 = make_docx([
    ("title", "南港区残联开展“全国爱耳日”宣传义诊活动"),
    ("p", "今年3月3日是第27个“全国爱耳日”。当天，椰城市南港区残疾人联合会联合区人民医院耳鼻喉科、椰城市聋人协会，在南港区"
          "文化广场开展“全国爱耳日”宣传义诊活动。"),
    ("p", "活动现场，医护人员为群众免费开展听力筛查，讲解噪声性听力损失、老年性耳聋的预防知识；工作人员向群众发放宣传资料，"
          "介绍残疾人辅助器具适配补贴政策；志愿者们则用手语与听障儿童互动交流。"),
    ("p", "本次活动共为320余名群众提供听力筛查和咨询服务，发放宣传资料800余份。"),
    ("blank", None),
    ("line", "作者：冯晓婷"),
    ("line", "单位：椰城市南港区残疾人联合会"),
    ("line", "电话：13800136121"),
])
mail("21-android-body-captions-camera-names.eml", "android", "冯晓婷", "fengxiaoting_ngcl@126.com",
     "Tue, 03 Mar 2026 18:12:40 +0800", "投稿",
     "附件是稿件，照片3张。\n图1：医护人员为听障人士检查听力。\n图2：工作人员向群众发放爱耳护耳宣传资料。\n"
     "图3：志愿者用手语与听障儿童交流。\n\n发自我的华为手机",
     [A("爱耳日稿件.docx", d21), A("IMG_20260303_093512.jpg", p21[0]), A("IMG_20260303_094207.jpg", p21[1]),
      A("IMG_20260303_101855.jpg", p21[2])],
     label(title="南港区残联开展“全国爱耳日”宣传义诊活动", unit="椰城市南港区残疾人联合会", authors=["冯晓婷"],
           phone="13800136121",
           captions=["医护人员为听障人士检查听力。", "工作人员向群众发放爱耳护耳宣传资料。", "志愿者用手语与听障儿童交流。"],
           fmt="docx", placement=["generic_subject", "captions_in_body", "camera_filenames", "labels_bottom"]))

p22 = [J("22a"), J("22b"), J("22c")]
d22 = make_docx([
    ("title", "港北村“共享菜园”成了邻里议事厅"),
    ("p", "春日里，青湾县港北镇港北村的“共享菜园”一片翠绿，生菜、空心菜、豆角长势喜人。这片曾经杂草丛生的闲置地，如今成了"
          "村民们种菜、聊天、议事的好去处。"),
    ("p", "去年以来，港北村“两委”组织党员和村民清理村内闲置地块，统一规划成40块小菜地，由村民认领种植。“大家一边种菜一边"
          "拉家常，村里的大事小事也常在这里商量。”村党支部书记说。今年以来，村“两委”已在菜园旁召开“板凳会”6次，收集解决"
          "村民诉求20余件。"),
    ("right", "（青湾县港北镇港北村委会　文/林小燕）"),
])
mail("22-sina-body-captions-chinese-numerals.eml", "sina-utf8", "林小燕", "linxiaoyan_gbc@sina.com",
     "Wed, 18 Mar 2026 21:03:17 +0800", "稿件：港北村“共享菜园”成了邻里议事厅",
     "您好，稿件在附件里，照片说明：\n图一 村民在共享菜园里一起种菜\n图二 村“两委”干部与村民在菜园旁议事\n谢谢！\n\n"
     "林小燕 13800136122",
     [A("共享菜园.docx", d22), A("DSC_0412.JPG", p22[0]), A("DSC_0415.JPG", p22[1]), A("DSC_0420.JPG", p22[2])],
     label(title="港北村“共享菜园”成了邻里议事厅", unit="青湾县港北镇港北村委会", authors=["林小燕"],
           phone="13800136122", captions=["村民在共享菜园里一起种菜", "村“两委”干部与村民在菜园旁议事", None],
           fmt="docx", placement=["captions_in_body_chinese_numerals", "camera_filenames", "unit_in_closing_paren",
                                  "phone_in_signature", "subject_gaojian_title"],
           note="'图一 '/'图二 ' prefixes removed like '图1 '. Three photos but only two captions: the third "
                "(DSC_0420.JPG, a camera name) has none -> null. Phone only in the body sign-off line."))

p23 = [J("23a"), J("23b"), J("23c")]
d23 = make_docx([
    ("title", "南港一中举办“校园开放日”活动"),
    ("line", "作者：欧阳明、谭雪"),
    ("line", "单位：椰城市南港区第一中学"),
    ("line", "联系电话：13800136123"),
    ("p", "3月18日，椰城市南港区第一中学举办“校园开放日”活动，邀请200余名家长代表走进校园，近距离了解学校教育教学和学生"
          "在校生活情况。"),
    ("p", "家长们参观了学校创新实验室、图书馆和学生食堂，观看了学生社团成果展示，并走进课堂随堂听课。在座谈交流环节，校领导"
          "介绍了学校课程改革和课后服务开展情况，并听取家长们的意见建议。"),
])
mail("23-139-body-caption-list-zhaopian.eml", "139", "欧阳明", "13800136123@139.com",
     "Thu, 19 Mar 2026 12:30:00 +0800",
     "椰城市南港区第一中学+南港一中举办“校园开放日”活动",
     "编辑老师好！稿件及照片已附上。\n\n附图说明：\n照片1：家长代表参观学校创新实验室。\n照片2：学生社团进行成果展示。\n"
     "照片3：校领导与家长代表座谈交流。",
     [A("校园开放日稿件.docx", d23), A("照片1.jpg", p23[0]), A("照片2.jpg", p23[1]), A("照片3.jpg", p23[2])],
     label(title="南港一中举办“校园开放日”活动", unit="椰城市南港区第一中学", authors=["欧阳明", "谭雪"],
           phone="13800136123",
           captions=["家长代表参观学校创新实验室。", "学生社团进行成果展示。", "校领导与家长代表座谈交流。"],
           fmt="docx", placement=["labels_top", "captions_in_body_list", "subject_unit_plus_title"],
           note="附图说明 list with '照片N：' prefixes (removed like 图N：). The file names 照片1.jpg… carry no caption."))

p24 = [J("24a"), J("24b"), J("24c")]
d24 = make_docx([
    ("title", "海秀街道新时代文明实践站开展“志愿服务月”集中行动"),
    ("line", "单位：南港区海秀街道办事处"),
    ("line", "作者：严可欣、欧阳俊"),
    ("line", "电话：0898－66881224"),
    ("p", "3月以来，南港区海秀街道新时代文明实践站组织党员志愿者、社区工作者和辖区单位志愿者，开展“志愿服务月”集中行动，"
          "把服务送到居民家门口。"),
    ("p", "在翠湖社区，志愿者们为60岁以上老人义务理发、修剪指甲；在椰林社区，电工志愿者逐户上门检查独居老人家中的电线、"
          "插座和燃气灶具，消除安全隐患；社区卫生服务站医生在各小区轮流坐诊，为居民测量血压、提供健康咨询。"),
    ("p", "据统计，集中行动开展以来，街道共组织志愿服务活动35场，服务居民2100余人次。"),
])
mail("24-yeah-reply-oneline-futu.eml", "yeah", "严可欣", "yankexin_hxjd@yeah.net",
     "Fri, 20 Mar 2026 09:58:33 +0800 (CST)", "回复：关于报送2026年3月宣传信息的通知",
     "稿件见附件。附图：1.党员志愿者为社区老人义务理发 2.志愿者上门检查独居老人家中用电安全 3.社区卫生服务站医生为居民义诊\n\n"
     "在 2026-03-16 10:20:15，\"南港区委宣传部\" <xcb_news@nangangqu.gov.cn> 写道：\n"
     ">各镇街、各部门：\n"
     ">    请于3月25日前报送本月宣传信息稿件。稿件请注明标题、作者、单位、联系电话及审核人，照片请单独附原图并附说明。\n"
     ">    联系人：区委宣传部新闻科 王老师，电话：0898-66880001\n"
     ">\n"
     ">南港区委宣传部\n"
     ">2026年3月16日",
     [A("海秀街道志愿服务月稿件.docx", d24), A("1.jpg", p24[0]), A("2.jpg", p24[1]), A("3.jpg", p24[2])],
     label(title="海秀街道新时代文明实践站开展“志愿服务月”集中行动", unit="南港区海秀街道办事处",
           authors=["严可欣", "欧阳俊"], phone="0898-66881224",
           captions=["党员志愿者为社区老人义务理发", "志愿者上门检查独居老人家中用电安全", "社区卫生服务站医生为居民义诊"],
           fmt="docx", placement=["reply_subject", "captions_one_line", "quoted_notice", "phone_fullwidth_dash",
                                  "labels_top"],
           note="Captions are on one line after '附图：' as '1.… 2.… 3.…'; numbering removed. The quoted notice "
                "(unit 南港区委宣传部, phone 0898-66880001) belongs to the site, not to the submission."),
     extra_headers=["In-Reply-To: <20260316102015.notice0316@nangangqu.gov.cn>"])

# --- D: generic subjects / no title --------------------------------------------------------

d25 = make_docx([
    ("title", "琼江县推出12条春季乡村旅游精品线路"),
    ("line", "作者：冯子涵"),
    ("line", "单位：琼江县文化广电旅游体育局"),
    ("line", "联系电话：13800136125"),
    ("line", "审核人：何慧"),
    ("p", "为满足群众春季踏青出游需求，近日，琼江县文化广电旅游体育局推出“春到琼江 乡约田园”12条春季乡村旅游精品线路，"
          "涵盖赏花踏青、农事体验、非遗研学、滨海休闲等主题。"),
    ("p", "其中，“十里桃花—古村寻踪”线路串联起石山村万亩桃园和明清古民居群；“稻田音乐—渔家美食”线路可体验插秧、赶海和"
          "渔家宴。县文旅局还联合景区、民宿推出“春游季”优惠活动，持续至5月底。"),
])
mail("25-outlook-forward-generic-subject.eml", "outlook", "何慧", "hehui_qjwlj@hotmail.com",
     "Mon, 23 Mar 2026 16:58:40 +0800", "FW: 投稿",
     "请审阅。\n\n何慧\n琼江县文化广电旅游体育局办公室\n\n________________________________\n"
     "发件人: 冯子涵 <fengzihan1990@163.com>\n发送时间: 2026年3月23日 16:42\n收件人: 何慧 <hehui_qjwlj@hotmail.com>\n"
     "主题: 投稿\n\n何主任，稿件已写好，请审核后帮忙报送。",
     [A("乡村旅游精品线路稿件.docx", d25)],
     label(title="琼江县推出12条春季乡村旅游精品线路", unit="琼江县文化广电旅游体育局", authors=["冯子涵"],
           phone="13800136125", reviewer="何慧", fmt="docx",
           placement=["forward_subject", "generic_subject", "labels_top"],
           note="Forwarded by the office (signature unit '…办公室'); the manuscript's own labels win. The "
                "forwarder 何慧 is the labelled 审核人, not an author."),
     thread_topic="投稿", odate="Mon, 23 Mar 2026 08:58:20 GMT")

d26 = make_docx([
    ("p", "3月24日是第31个“世界防治结核病日”。当天，南港区长流镇卫生院在长流墟集市开展结核病防治宣传活动，医务人员通过设置"
          "咨询台、发放宣传折页、现场讲解等方式，向群众普及结核病的传播途径、早期症状和国家免费诊治政策。"),
    ("p", "活动中，医务人员提醒群众，咳嗽、咳痰两周以上或痰中带血，应及时到结核病定点医疗机构就诊。本次活动共发放宣传资料"
          "600余份，接受群众咨询150余人次。"),
    ("blank", None),
    ("line", "单位：南港区长流镇卫生院"),
    ("line", "作者：邱美玲"),
    ("line", "电话：13800136126"),
])
mail("26-qq-no-title-generic-subject.eml", "qq", "邱美玲", "2233445566@qq.com",
     "Wed, 25 Mar 2026 08:40:12 +0800", "投稿",
     "老师好，投稿，谢谢！",
     [A("投稿.docx", d26)],
     label("incomplete", missing=["title"], unit="南港区长流镇卫生院", authors=["邱美玲"], phone="13800136126",
           fmt="docx", placement=["generic_subject", "no_title", "labels_bottom"],
           note="The manuscript starts directly with the lead paragraph; subject and file name are just 投稿."))

mail("27-163-body-luokuan-no-phone.eml", "163", "潘晓军", "panxiaojun_clz@163.com",
     "Thu, 26 Mar 2026 17:25:09 +0800 (CST)", "信息",
     "长流镇召开2026年河湖长制工作推进会\n\n"
     "（通讯员 潘晓军 严　冬）3月25日，南港区长流镇召开2026年河湖长制工作推进会，总结2025年河湖长制工作，部署今年重点任务。"
     "镇级河长、各村党支部书记和村级河长共40余人参加会议。\n\n"
     "会议通报了全镇河湖水质监测和问题整改情况。会议强调，各村级河长要落实每月巡河制度，对河道垃圾、违规排污、非法采砂等"
     "问题做到早发现、早处置，确保全镇河湖水清岸绿。\n\n"
     "南港区长流镇人民政府\n2026年3月25日",
     [],
     label("incomplete", missing=["phone"], title="长流镇召开2026年河湖长制工作推进会", unit="南港区长流镇人民政府",
           authors=["潘晓军", "严冬"], fmt="body",
           placement=["body_article", "lead_correspondent", "luokuan", "padded_names_fullwidth",
                      "generic_subject", "no_phone"],
           note="No phone number anywhere. 严　冬 is a padded two-character name inside a space-separated lead."))

# --- E: unreadable manuscripts ----------------------------------------------------------------

d28_full = make_docx([
    ("title", "青湾县开展建筑施工安全大检查"),
    ("line", "作者：蔡志强"),
    ("line", "单位：青湾县住房和城乡建设局"),
    ("line", "联系电话：13800136128"),
    ("p", "3月9日起，青湾县住房和城乡建设局组织3个检查组，对全县在建房屋市政工程开展建筑施工安全大检查。" * 4),
    ("img", J("28x")),
])
d28 = d28_full[: len(d28_full) * 45 // 100]
mail("28-163-truncated-docx.eml", "163", "蔡志强", "caizhiqiang_qwzj@163.com",
     "Tue, 10 Mar 2026 14:14:14 +0800 (CST)",
     "青湾县住房和城乡建设局+青湾县开展建筑施工安全大检查",
     "您好，附件是我局稿件《青湾县开展建筑施工安全大检查》，作者：蔡志强，电话：13800136128，请审阅。",
     [A("青湾县住建局稿件.docx", d28)],
     empty("rejected", "unreadable_manuscript", "docx", None, ["truncated_docx", "covering_note_with_metadata"],
           "The .docx is cut off (no zip central directory). The covering note names title, author and phone "
           "but carries no article text, so the mail is still unreadable_manuscript."))

mail("29-qq-random-bytes-doc.eml", "qq", "麦秋实", "1472583690@qq.com",
     "Thu, 12 Mar 2026 09:09:09 +0800", "【淝水县双河镇人民政府】稿件",
     "老师您好，附件为我镇稿件，请审阅。如打不开请告知，谢谢。\n\n麦秋实 13800136129",
     [A("双河镇稿件.doc", random_bytes("batch4-29", 24576))],
     empty("rejected", "unreadable_manuscript", "doc", None, ["random_bytes_doc", "covering_note"],
           "The .doc is 24 KiB of random bytes (no OLE header)."))

mail("30-outlook-zero-byte-docx.eml", "outlook", "谭晓光", "tanxiaoguang_qj@hotmail.com",
     "Tue, 31 Mar 2026 11:11:45 +0800", "投稿：琼江县开展春季爱国卫生运动",
     "您好，附件是稿件，请查收。\n\n谭晓光\n琼江县爱国卫生运动委员会办公室",
     [A("琼江县爱卫办稿件.docx", b"")],
     empty("rejected", "unreadable_manuscript", "docx", None, ["zero_byte_docx", "covering_note"],
           "The attachment is a zero-byte .docx; the subject names a title but there is no article."),
     odate="Tue, 31 Mar 2026 03:11:20 GMT")

# =====================================================================================
# Negatives (31-32)
# =====================================================================================

mail("31-126-auto-reply.eml", "126", "潘建军", "panjianjun_qjyy@126.com",
     "Fri, 20 Mar 2026 08:00:03 +0800 (CST)", "自动回复：您的投稿已收到",
     "您好，您的邮件我已收到。本人3月20日至27日外出学习，期间不便及时回复，急事请拨打13800136131。",
     [],
     empty("ignored", "auto_reply", "body", None, ["auto_submitted_auto_replied"],
           "Vacation responder (Auto-Submitted: auto-replied) answering our acknowledgement; it contains a phone "
           "number but is not a submission."),
     html=False,
     extra_headers=["Auto-Submitted: auto-replied",
                    "In-Reply-To: <ack.20260319.0042@localhost>",
                    "References: <ack.20260319.0042@localhost>"])

p32 = [J("32a"), J("32b")]
mail("32-iphone-photos-only.eml", "iphone", "陈思雨", "chensiyu_ngzj@163.com",
     "Mon, 2 Mar 2026 11:02:40 +0800", "补发照片",
     "上午发的稿件漏了两张照片，现补发，请查收。",
     [A("IMG_3301.JPG", p32[0]), A("IMG_3302.JPG", p32[1])],
     empty("rejected", "no_manuscript", "none", None, ["photos_only"],
           "Two photos and a one-line covering note, no article text."),
     tail="\n\n发自我的iPhone")


def main():
    labels = {}
    names = set()
    for m, lab in MAILS:
        assert m["name"] not in names, m["name"]
        names.add(m["name"])
        data = RENDER[m["client"]](m)
        (HERE / m["name"]).write_bytes(data)
        labels[m["name"]] = lab
    (HERE / "labels.json").write_text(json.dumps(labels, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print("wrote %d mails" % len(MAILS))


if __name__ == "__main__":
    main()
