"""Per-client message composition for the batch4 corpus (hand-set headers)."""
import html
from email.utils import parsedate_to_datetime

from mimekit import (CRLF, b64_lines, codec, digits, ew, is_ascii, leaf, multipart,
                     qp_lines, rfc2231_segments, text_to_html_divs, to_bytes, token)

CT = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "doc": "application/msword",
    "wps": "application/vnd.ms-works",
    "pdf": "application/pdf",
    "txt": "text/plain",
    "jpg": "image/jpeg",
}


def ctype_for(name):
    return CT[name.rsplit(".", 1)[-1].lower()]


def body_lines(text, cs, tenc):
    if tenc == "base64":
        return b64_lines(text.replace("\n", CRLF).encode(codec(cs)))
    if tenc == "quoted-printable":
        return qp_lines(text, cs)
    raise ValueError(tenc)


# ------------------------------------------------------------------ text parts

def text_part(style, text, subtype, cs, tenc):
    if style == "qq":
        h = ["Content-Type: text/%s;" % subtype, '\tcharset="%s"' % cs,
             "Content-Transfer-Encoding: %s" % tenc]
    elif style in ("outlook", "hotmail"):
        h = ['Content-Type: text/%s; charset="%s"' % (subtype, cs),
             "Content-Transfer-Encoding: %s" % tenc]
    elif style == "apple":
        h = ["Content-Type: text/%s;" % subtype, "\tcharset=utf-8",
             "Content-Transfer-Encoding: %s" % tenc]
    elif style == "foxmail":
        h = ["Content-Type: text/%s;" % subtype, '\tcharset="%s"' % cs,
             "Content-Transfer-Encoding: %s" % tenc]
    else:  # coremail, sina, 139, android
        h = ["Content-Type: text/%s; charset=%s" % (subtype, cs),
             "Content-Transfer-Encoding: %s" % tenc]
    return leaf(h, body_lines(text, cs, tenc))


def att_part(style, att, cs):
    name, data = att["name"], att["data"]
    ct = att.get("ctype") or ctype_for(name)
    size = len(data)
    if style == "qq":
        nm = name if is_ascii(name) else ew(name, "gb18030")[0]
        h = ["Content-Type: application/octet-stream;", '\tcharset="gb18030";', '\tname="%s"' % nm,
             'Content-Disposition: attachment; filename="%s"' % nm,
             "Content-Transfer-Encoding: base64"]
    elif style == "outlook":
        if is_ascii(name):
            h = ["Content-Type: %s; name=\"%s\"" % (ct, name),
                 "Content-Description: %s" % name,
                 'Content-Disposition: attachment; filename="%s"; size=%d;' % (name, size),
                 '\tcreation-date="%s";' % att["odate"], '\tmodification-date="%s"' % att["odate"]]
        else:
            word = ew(name, "utf-8")[0]
            segs = rfc2231_segments(name)
            h = ["Content-Type: %s;" % ct, '\tname="%s"' % word,
                 "Content-Description: %s" % word, "Content-Disposition: attachment;"]
            for i, s in enumerate(segs):
                h.append("\tfilename*%d*=%s%s;" % (i, "utf-8''" if i == 0 else "", s))
            h += ["\tsize=%d; creation-date=\"%s\";" % (size, att["odate"]),
                  '\tmodification-date="%s"' % att["odate"]]
        h.append("Content-Transfer-Encoding: base64")
        if att.get("cid"):
            h.insert(2, "Content-ID: <%s>" % att["cid"])
            h = [x.replace("Content-Disposition: attachment", "Content-Disposition: inline") for x in h]
    elif style == "apple":
        if is_ascii(name):
            h = ["Content-Type: %s;" % ct, "\tname=%s;" % name,
                 "\tx-apple-part-url=%s" % att["apple_id"],
                 "Content-Disposition: inline;", "\tfilename=%s" % name,
                 "Content-Transfer-Encoding: base64",
                 "Content-Id: <%s>" % att["apple_id"]]
        else:
            segs = rfc2231_segments(name, seg=1000)
            h = ["Content-Type: %s;" % ct, "\tx-unix-mode=0644;",
                 '\tname="%s"' % ew(name, "utf-8")[0],
                 "Content-Disposition: attachment;", "\tfilename*=utf-8''%s" % segs[0],
                 "Content-Transfer-Encoding: base64"]
    elif style == "android":
        nm = name if is_ascii(name) else ew(name, "UTF-8")[0]
        h = ["Content-Type: %s; " % ct, ' name="%s"' % nm,
             "Content-Transfer-Encoding: base64",
             "Content-Disposition: attachment;", ' filename="%s"; size=%d' % (nm, size)]
    elif style == "foxmail":
        nm = name if is_ascii(name) else ew(name, cs)[0]
        h = ["Content-Type: %s;" % ct, '\tname="%s"' % nm,
             "Content-Transfer-Encoding: base64",
             "Content-Disposition: attachment;", '\tfilename="%s"' % nm]
    else:  # coremail family, sina, 139, hotmail web
        if is_ascii(name):
            nm_lines = ['\tname="%s"' % name]
            fn_lines = ['\tfilename="%s"' % name]
        elif att.get("split"):
            words = ew(name, cs, chunk=6)
            # split into several encoded words and folded inside the quotes
            nm_lines = ['\tname="%s' % words[0]] + [" %s" % w for w in words[1:-1]] + [' %s"' % words[-1]]
            fn_lines = ['\tfilename="%s' % words[0]] + [" %s" % w for w in words[1:-1]] + [' %s"' % words[-1]]
        else:
            w = ew(name, cs)[0]
            nm_lines = ['\tname="%s"' % w]
            fn_lines = ['\tfilename="%s"' % w]
        h = ["Content-Type: %s; " % ct] + nm_lines + ["Content-Transfer-Encoding: base64",
                                                     "Content-Disposition: attachment; "] + fn_lines
        if att.get("cid"):
            h.append("Content-ID: <%s>" % att["cid"])
    return leaf(h, b64_lines(data))


# ------------------------------------------------------------------ bodies

def coremail_html(text):
    return ('<div style="line-height:1.7;color:#000000;font-size:14px;font-family:Arial">'
            + "".join("<div>%s</div>" % (html.escape(l) if l else "<br>") for l in text.split("\n"))
            + "</div>")


def qq_html(text, cs="GB18030"):
    return ('<meta http-equiv="Content-Type" content="text/html; charset=%s">' % cs
            + text_to_html_divs(text))


def foxmail_html(text, sig):
    return ('<html><head><meta http-equiv="content-type" content="text/html; charset=GB2312">'
            '<style>body { line-height: 1.5; }blockquote { margin-top: 0px; margin-bottom: 0px; '
            'margin-left: 0.5em; }body { font-size: 14px; font-family: "Microsoft YaHei UI"; '
            'color: rgb(0, 0, 0); line-height: 1.5; }</style></head><body>' + CRLF
            + "".join("<div><span></span>%s</div>" % (html.escape(l) if l else "<br>") for l in text.split("\n"))
            + CRLF + '<hr style="width: 210px; height: 1px;" color="#b5c4df" size="1" align="left">' + CRLF
            + '<div><span><div style="MARGIN: 10px; FONT-FAMILY: verdana; FONT-SIZE: 10pt">'
            + "<div>%s</div></div></span></div>" % html.escape(sig) + CRLF + "</body></html>")


def outlook_html(inner):
    return ('<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
            'xmlns:w="urn:schemas-microsoft-com:office:word" xmlns:m="http://schemas.microsoft.com/office/2004/12/omml" '
            'xmlns="http://www.w3.org/TR/REC-html40">\n<head>\n'
            '<meta http-equiv="Content-Type" content="text/html; charset=utf-8">\n'
            '<meta name="Generator" content="Microsoft Word 15 (filtered medium)">\n'
            '<style><!--\n/* Font Definitions */\n@font-face\n\t{font-family:等线;\n\tpanose-1:2 1 6 0 3 1 1 1 1 1;}\n'
            'p.MsoNormal, li.MsoNormal, div.MsoNormal\n\t{margin:0cm;\n\ttext-align:justify;\n\tfont-size:10.5pt;\n'
            '\tfont-family:等线;}\n--></style>\n</head>\n'
            '<body lang="ZH-CN" link="#0563C1" vlink="#954F72" style="word-wrap:break-word;text-justify-trim:punctuation">\n'
            '<div class="WordSection1">\n' + inner + '\n</div>\n</body>\n</html>')


def mso_p(text, bold=False):
    if not text:
        return '<p class="MsoNormal"><span lang="EN-US"><o:p>&nbsp;</o:p></span></p>'
    t = html.escape(text)
    if bold:
        t = "<b>%s</b>" % t
    return '<p class="MsoNormal">%s<span lang="EN-US"><o:p></o:p></span></p>' % t


# ------------------------------------------------------------------ assembly

def assemble(style, m, cs, tenc, plain, htm, bnd_mixed, bnd_alt, bnd_rel=None, preamble=None,
             html_tenc=None):
    atts = [a for a in m.get("attachments", []) if not a.get("cid")]
    inline = [a for a in m.get("attachments", []) if a.get("cid")]
    if htm is not None:
        body = multipart(["Content-Type: multipart/alternative;", '\tboundary="%s"' % bnd_alt], bnd_alt,
                         [text_part(style, plain, "plain", cs, tenc),
                          text_part(style, htm, "html", cs, html_tenc or tenc)])
    else:
        body = text_part(style, plain, "plain", cs, tenc)
    if inline:
        body = multipart(["Content-Type: multipart/related;", '\tboundary="%s";' % bnd_rel,
                          '\ttype="multipart/alternative"'], bnd_rel,
                         [body] + [att_part(style, a, cs) for a in inline])
    if atts:
        top = multipart(["Content-Type: multipart/mixed;", '\tboundary="%s"' % bnd_mixed], bnd_mixed,
                        [body] + [att_part(style, a, cs) for a in atts], preamble=preamble)
    else:
        top = body
    # split top entity into its own header lines and the rest
    i = top.index("")
    return top[:i], top[i:]


def addr(name, address, cs, quoted=True, label=None):
    w = ew(name, cs, label=label)[0]
    return ('"%s" <%s>' % (w, address)) if quoted else ("%s <%s>" % (w, address))


def subj(text, cs, chunk=None, label=None, fold="\r\n\t"):
    words = ew(text, cs, chunk=chunk, label=label)
    return "Subject: " + fold.join(words)


def finish(headers, ct_lines, rest):
    return to_bytes(headers + ct_lines + rest)


# --- Coremail (163 / 126 / yeah.net / gov.cn / edu.cn) ---

def coremail(m, cs="GBK", server="163com", product="XT5.0.14 build 20240801(9da12a7b)"):
    n = m["name"]
    user = m["from_addr"]
    ts = "%d%s" % (int(parsedate_to_datetime(m["date"].split(" (")[0]).timestamp()), digits(n, "ms", n=3))
    bnd_mixed = "----=_Part_%s_%s.%s" % (digits(n, "p1", n=6), digits(n, "p2", n=10), ts)
    bnd_alt = "----=_Part_%s_%s.%s" % (digits(n, "p3", n=6), digits(n, "p4", n=10), ts)
    htm = coremail_html(m["body"]) if m.get("html", True) else None
    ct, rest = assemble("coremail", m, cs, "base64", m["body"], htm, bnd_mixed, bnd_alt)
    headers = [
        "Received: from %s ( [192.0.2.%d] ) by ajax-webmail-wmsvr-40-%d (Coremail) ; %s"
        % (user.replace("@", "$"), int(digits(n, "ip", n=2)) + 10, int(digits(n, "sv", n=2)) + 100, m["date"]),
        "Date: %s" % m["date"],
        "From: %s" % addr(m["from_name"], user, cs),
        "To: tougao@localhost",
        subj(m["subject"], cs, chunk=m.get("subject_chunk")),
        "X-Priority: 3",
        "X-Mailer: Coremail Webmail Server Version %s" % product,
        " Copyright (c) 2002-2026 www.mailtech.cn %s" % server,
    ] + m.get("extra_headers", []) + [
        "X-NTES-SC: AL_%s" % token(n, "sc", n=40, alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"),
    ]
    headers.append("MIME-Version: 1.0")
    tail = [
        "Message-ID: <%s.%s.%x.Coremail.%s>" % (token(n, "a", n=8), token(n, "b", n=4), int(ts), user),
        "X-Coremail-Locale: zh_CN",
        "X-CM-TRANSID:%s" % token(n, "tid", n=28, alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_"),
        "X-Originating-IP: [192.0.2.%d]" % (int(digits(n, "ip", n=2)) + 10),
    ]
    return to_bytes(headers + ct + tail + rest)


# --- QQ mail ---

def qq(m):
    n = m["name"]
    hexu = lambda k, l=8: token(n, k, n=l, alphabet="0123456789ABCDEF")
    bnd_mixed = "----=_NextPart_%s_%s_%s" % (hexu("m1"), hexu("m2"), hexu("m3"))
    bnd_alt = "----=_NextPart_%s_%s_%s" % (hexu("a1"), hexu("a2"), hexu("a3"))
    ct, rest = assemble("qq", m, "gb18030", "base64", m["body"], qq_html(m["body"]), bnd_mixed, bnd_alt,
                        preamble="This is a multi-part message in MIME format.")
    headers = [
        "From: %s" % addr(m["from_name"], m["from_addr"], "gb18030"),
        'To: "%s" <tougao@localhost>' % ew("投稿邮箱", "gb18030")[0],
        subj(m["subject"], "gb18030"),
        "Mime-Version: 1.0",
    ] + ct + [
        "Content-Transfer-Encoding: 8Bit",
        "Date: %s" % m["date"],
        "X-Priority: 3",
        "Message-ID: <tencent_%s@qq.com>" % token(n, "mid", n=34, alphabet="0123456789ABCDEF"),
        "X-QQ-MIME: TCMime 1.0 by Tencent",
        "X-Mailer: QQMail 2.x",
        "X-QQ-Mailer: QQMail 2.x",
    ] + m.get("extra_headers", [])
    return to_bytes(headers + rest)


# --- Outlook desktop (UTF-8 QP) and Outlook.com web (gb2312 base64) ---

def outlook(m, web=False):
    n = m["name"]
    box = "TYZPR06MB%s" % digits(n, "box", n=4)
    idc = token(n, "oid", n=24, alphabet="0123456789ABCDEF")
    bnd_mixed = "_004_%s%s_" % (box, idc)
    bnd_alt = "_000_%s%s_" % (box, idc)
    bnd_rel = "_005_%s%s_" % (box, idc)
    for a in m.get("attachments", []):
        a.setdefault("odate", m["odate"])
    cs = "gb2312" if web else "utf-8"
    tenc = "base64" if web else "quoted-printable"
    htm = m.get("html_body")
    if htm is None:
        htm = outlook_html("\n".join(mso_p(l) for l in m["body"].split("\n")))
    style = "hotmail" if web else "outlook"
    ct, rest = assemble(style, m, cs, tenc, m["body"], htm, bnd_mixed, bnd_alt, bnd_rel)
    has_att = "yes" if m.get("attachments") else "no"
    headers = [
        "From: %s" % addr(m["from_name"], m["from_addr"], cs, quoted=False),
        'To: "tougao@localhost" <tougao@localhost>',
        subj(m["subject"], cs),
        "Thread-Topic: %s" % ew(m.get("thread_topic", m["subject"]), cs)[0],
        "Thread-Index: Ad%s" % token(n, "ti", n=30, alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"),
        "Date: %s" % m["date"],
        "Message-ID: <%s%s@%s.apcprd06.prod.outlook.com>" % (box, idc, box),
    ] + m.get("extra_headers", []) + [
        "Accept-Language: zh-CN, en-US",
        "Content-Language: zh-CN",
        "X-MS-Has-Attach: %s" % has_att,
        "X-MS-TNEF-Correlator:",
    ] + ct + ["MIME-Version: 1.0"]
    return to_bytes(headers + rest)


# --- Foxmail (GB2312 label, GBK bytes) ---

def foxmail(m):
    n = m["name"]
    num = digits(n, "fx", n=12)
    bnd_mixed = "----=_001_NextPart%s_=----" % num
    bnd_alt = "----=_002_NextPart%s_=----" % digits(n, "fx2", n=12)
    sig = m["from_addr"]
    plain = m["body"] + "\n\n\n" + sig + "\n"
    ct, rest = assemble("foxmail", m, "GB2312", "base64", plain, foxmail_html(m["body"], sig),
                        bnd_mixed, bnd_alt, preamble="This is a multi-part message in MIME format.")
    headers = [
        "Date: %s" % m["date"],
        "From: %s" % addr(m["from_name"], m["from_addr"], "GB2312"),
        "To: tougao <tougao@localhost>",
        subj(m["subject"], "GB2312"),
        "X-Priority: 3",
        "X-GUID: %s" % "-".join(token(n, "g%d" % i, n=k, alphabet="0123456789ABCDEF") for i, k in enumerate((8, 4, 4, 4, 12))),
        "X-Has-Attach: %s" % ("yes" if m.get("attachments") else "no"),
        "X-Mailer: Foxmail 7.2.25.228[cn]",
        "Mime-Version: 1.0",
        "Message-ID: <%s%s@foxmail.com>" % (parsedate_to_datetime(m["date"]).strftime("%Y%m%d%H%M%S"),
                                            digits(n, "fmid", n=7)),
    ] + ct
    return to_bytes(headers + rest)


# --- iPhone Mail ---

def iphone(m):
    n = m["name"]
    uid = lambda k: "-".join(token(n, k + str(i), n=l, alphabet="0123456789ABCDEF")
                             for i, l in enumerate((8, 4, 4, 4, 12)))
    bnd = "Apple-Mail-%s" % uid("b")
    for a in m.get("attachments", []):
        a.setdefault("apple_id", uid(a["name"]).replace("-", "")[:8] + "-" + uid(a["name"] + "x"))
    children = [text_part("apple", m["body"], "plain", "utf-8", "quoted-printable")]
    for a in m.get("attachments", []):
        children.append(att_part("apple", a, "utf-8"))
    if m.get("tail"):
        children.append(text_part("apple", m["tail"], "plain", "utf-8", "quoted-printable"))
    top = multipart(["Content-Type: multipart/mixed; boundary=%s" % bnd,
                     "Content-Transfer-Encoding: 7bit"], bnd, children)
    i = top.index("")
    headers = [top[0], top[1],
               "From: %s" % addr(m["from_name"], m["from_addr"], "utf-8", quoted=False),
               "Mime-Version: 1.0 (1.0)",
               "Date: %s" % m["date"],
               subj(m["subject"], "utf-8"),
               "Message-Id: <%s@%s>" % (uid("mid"), m["from_addr"].split("@")[1]),
               "To: tougao@localhost",
               "X-Mailer: iPhone Mail (22D82)"]
    return to_bytes(headers + top[i:])


# --- Android (AOSP-based e-mail app) ---

def android(m):
    n = m["name"]
    bnd = "--_com.android.email_%s" % digits(n, "and", n=15)
    ct, rest = assemble("android", m, "utf-8", "base64", m["body"], None, bnd, bnd + "alt")
    headers = [
        "MIME-Version: 1.0",
        subj(m["subject"], "UTF-8"),
        "From: %s" % addr(m["from_name"], m["from_addr"], "UTF-8", quoted=False),
        "To: tougao@localhost",
        "Date: %s" % m["date"],
        "Message-ID: <%s@email.android.com>" % token(n, "am", n=24, alphabet="abcdefghijklmnopqrstuvwxyz0123456789"),
        "Importance: normal",
        "X-Priority: 3",
    ] + ct
    return to_bytes(headers + rest)


# --- Sina webmail ---

def sina(m, cs="GBK"):
    n = m["name"]
    bnd_mixed = "=-sinamail_mix_%s" % token(n, "sm", n=32)
    bnd_alt = "=-sinamail_alt_%s" % token(n, "sa", n=32)
    ct, rest = assemble("sina", m, cs, "base64", m["body"], coremail_html(m["body"]), bnd_mixed, bnd_alt)
    headers = [
        "X-Mailer: SinaMail 3.0",
        "X-Sender: %s" % m["from_addr"],
        "MIME-Version: 1.0",
        "From: %s" % addr(m["from_name"], m["from_addr"], cs),
        "To: tougao@localhost",
        subj(m["subject"], cs),
        "Date: %s" % m["date"],
        "Message-ID: <%s.%s@webmail.sinamail.sina.com.cn>" % (digits(n, "sd", n=14), token(n, "sx", n=9, alphabet="0123456789ABCDEF")),
        "X-MID: %s" % token(n, "xmid", n=20, alphabet="0123456789ABCDEF"),
    ] + ct
    return to_bytes(headers + rest)


# --- 139 (Richmail) ---

def r139(m):
    n = m["name"]
    bnd_mixed = "----=_Part_%s_%s.%s" % (digits(n, "r1", n=5), digits(n, "r2", n=9), digits(n, "r3", n=13))
    bnd_alt = "----=_Part_%s_%s.%s" % (digits(n, "r4", n=5), digits(n, "r5", n=9), digits(n, "r3", n=13))
    htm = coremail_html(m["body"]) if m.get("html", True) else None
    ct, rest = assemble("139", m, "utf-8", "base64", m["body"], htm, bnd_mixed, bnd_alt)
    headers = [
        "X-RM-TRACEID:[%s]" % token(n, "trace", n=12),
        "Date: %s" % m["date"],
        "From: %s" % addr(m["from_name"], m["from_addr"], "utf-8"),
        "To: tougao@localhost",
        "Message-ID: <%s.Richmail.%s@139.com>" % (token(n, "rm", n=16), digits(n, "rmn", n=20)),
        subj(m["subject"], "utf-8"),
        "MIME-Version: 1.0",
    ] + ct + [
        "X-Priority: 3",
        "X-RM-TagInfo: emlType=0",
        "X-RM-VIRUSINFO: 0",
        "X-Mailer: Richmail_Webapp(3.0)",
    ]
    return to_bytes(headers + rest)


RENDER = {
    "163": lambda m: coremail(m, "GBK", "163com"),
    "163-utf8": lambda m: coremail(m, "UTF-8", "163com"),
    "126": lambda m: coremail(m, "GBK", "126com"),
    "yeah": lambda m: coremail(m, "GBK", "yeahnet"),
    "coremail-gov": lambda m: coremail(m, "UTF-8", m["from_addr"].split("@")[1],
                                       "XT3.0.8 build 20230620(a1b2c3d4)"),
    "coremail-edu": lambda m: coremail(m, "GBK", m["from_addr"].split("@")[1],
                                       "XT6.0.2 build 20241112(5f6e7d8c)"),
    "qq": qq,
    "outlook": lambda m: outlook(m, web=False),
    "outlook-web": lambda m: outlook(m, web=True),
    "foxmail": foxmail,
    "iphone": iphone,
    "android": android,
    "sina": lambda m: sina(m, "GBK"),
    "sina-utf8": lambda m: sina(m, "UTF-8"),
    "139": r139,
}
