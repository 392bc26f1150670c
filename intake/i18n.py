"""CLI messages: Chinese first (zh-CN), English with INTAKE_LANGUAGE=en (or, for a desk page, `speaking`)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

MESSAGES: dict[str, tuple[str, ...]] = {
    "config_ok": ("配置检查通过。", "Configuration is valid."),
    "config_error": ("配置错误：{error}", "Configuration error: {error}"),
    "db_upgraded": ("数据库已升级到最新版本（{url}）。", "Database upgraded to the latest revision ({url})."),
    "no_input": ("找不到输入：{path}", "No such input: {path}"),
    "ingest_line": ("{outcome:<10} {tracking:<17} {reason:<22} {subject}",) * 2,
    "ingest_head": ("结果       受理编号          原因                   邮件主题",
                    "outcome    tracking id       reason                 subject"),
    "demo_seeded": ("已将 {count} 封示例来稿放入本地邮箱：{maildir}",
                    "Seeded {count} sample submissions into {maildir}"),
    "demo_drafts": ("草稿（HTML）：{path}", "Drafts (HTML): {path}"),
    "demo_outbox": ("发出的邮件（.eml）：{path}", "Outgoing mail (.eml): {path}"),
    "demo_db": ("数据库：{path}", "Database: {path}"),
    "no_examples": ("找不到示例来稿目录：{path}", "Sample directory not found: {path}"),
    "poll_start": ("开始监视邮箱：{names}（按 Ctrl+C 停止）", "Watching mailboxes: {names} (Ctrl+C to stop)"),
    "poll_stop": ("已停止。", "Stopped."),
    "replayed": ("已重新排队 {count} 封邮件。", "Re-queued {count} messages."),
    "status_mailbox": ("邮箱 {name}：最近一次成功轮询 {last}，UIDVALIDITY {uv}，最后 UID {uid}{error}",
                       "mailbox {name}: last successful poll {last}, UIDVALIDITY {uv}, last UID {uid}{error}"),
    "status_counts": ("邮件：{messages}；通知：{notices}", "messages: {messages}; notices: {notices}"),
    "status_unanswered": ("已保存但未回复的邮件：{ignored}；未发出的退稿通知：{not_sent}；"
                          "无人收到自动回复的投稿：{silent}",
                          "kept, never answered: {ignored}; rejections not sent: {not_sent}; "
                          "submissions nobody was answered for: {silent}"),
    "status_stale": ("警告：邮箱 {name} 已超过 {seconds:.0f} 秒未成功轮询",
                     "WARNING: mailbox {name} not polled for {seconds:.0f}s"),
    "status_never_polled": ("警告：邮箱 {name} 从未成功轮询"
                            "（检查 INTAKE_MAILBOX_URL 的地址、用户名和密码，以及 intake poll 是否在运行）",
                            "WARNING: mailbox {name} has never been polled successfully (check INTAKE_MAILBOX_URL's "
                            "host, user and password, and that intake poll is running)"),
    "status_waiting": ("邮箱 {name}：{count} 封邮件等待处理，最早的已等待 {seconds:.0f} 秒",
                       "mailbox {name}: {count} messages waiting, the oldest for {seconds:.0f}s"),
    "status_outcomes": ("处理结果：{outcomes}；投稿：{submissions}",
                        "outcomes: {outcomes}; submissions: {submissions}"),
    "status_queue": ("队列中待办任务：{depth}；等待重试的通知：{retrying}",
                     "tasks waiting in the queue: {depth}; notices waiting to retry: {retrying}"),
    "status_probe": ("端到端探测：{state}（发出 {sent}，往返 {seconds} 秒）",
                     "end-to-end probe: {state} (sent {sent}, round trip {seconds}s)"),
    "status_alarms": ("未解除的告警：{alarms}", "alarms raised: {alarms}"),
    "status_ok": ("状态：正常", "status: OK"),
    "status_attention": ("状态：需要处理（{problems}）", "status: ATTENTION ({problems})"),
    "status_failed_notice_old": ("（24 小时前）发送失败 通知 #{id}（{kind} → {to}）：{error}",
                                 "(older than 24 h) FAILED notice #{id} ({kind} → {to}): {error}"),
    "status_failed_message_old": ("（24 小时前）处理失败 邮件 #{id}（{sender}）：{error}",
                                  "(older than 24 h) FAILED message #{id} ({sender}): {error}"),
    "never": ("从未", "never"),
    "status_failed_notice": ("发送失败 通知 #{id}（{kind} → {to}）：{error}（可用 intake notices retry {id} 重发）",
                             "FAILED notice #{id} ({kind} → {to}): {error} (intake notices retry {id} resends it)"),
    "status_failed_message": ("处理失败 邮件 #{id}（{sender}）：{error}（可用 intake replay 重新处理）",
                              "FAILED message #{id} ({sender}): {error} (intake replay re-queues it)"),
    "poll_needs_broker": ("intake poll 只负责轮询并交给队列：请设置 INTAKE_BROKER_URL（如 redis://127.0.0.1:6379/0）；"
                          "不使用队列时请用 intake run（在本进程内处理）",
                          "intake poll only hands mail to the queue: set INTAKE_BROKER_URL "
                          "(e.g. redis://127.0.0.1:6379/0), or use intake run to process in this process"),
    "health_stale": ("邮箱 {name} 未在轮询", "mailbox {name} is not being polled"),
    "check_ok": ("✓ {name}（{setting}={target}）：{detail}", "ok   {name} ({setting}={target}): {detail}"),
    "check_failed": ("✗ {name}（{setting}={target}）：{detail}", "FAIL {name} ({setting}={target}): {detail}"),
    "config_not_ok": ("配置检查未通过：{errors} 项设置错误，{failed} 项连接失败。",
                      "Configuration check failed: {errors} invalid settings, {failed} failed connections."),
    "outage": ("无法连接（{setting}={target}）：{cause}", "Cannot reach {setting}={target}: {cause}"),
    "outage_unknown": ("无法连接服务器：{cause}", "Cannot reach a server: {cause}"),
    "submissions_head": ("受理编号          收到时间          状态            缺少            标题",
                         "tracking id       received          status          missing         title"),
    "submissions_line": ("{tracking:<17} {created:<17} {status:<15} {missing:<15} {title}（{contributor}）",
                         "{tracking:<17} {created:<17} {status:<15} {missing:<15} {title} ({contributor})"),
    "no_title": ("（无标题）", "(no title)"),
    "no_submission": ("找不到投稿：{wanted}", "No such submission: {wanted}"),
    "export_not_approved": ("投稿 {tracking} 尚未审核通过（当前状态：{status}），不能导出；确需导出请加 --force",
                            "Submission {tracking} is not approved (status: {status}); not exported "
                            "(--force exports it anyway)"),
    "export_no_draft": ("投稿 {tracking} 没有可导出的稿件内容", "Submission {tracking} has no draft to export"),
    "export_exists": ("目标已存在且不为空：{path}（加 --force 覆盖）",
                      "Target exists and is not empty: {path} (--force replaces it)"),
    "export_photo_missing": ("图片原件已不在存储中（可能已被清理）：{name}（{sha}…）",
                             "A photo is no longer stored (purged?): {name} ({sha}…)"),
    "export_done": ("已导出 {tracking}：{folder}（{photos} 张图片）{zip}",
                    "Exported {tracking}: {folder} ({photos} photos){zip}"),
    "export_zip": ("，压缩包：{path}", ", zip: {path}"),
    "show_file": ("文件 [{kind}] {name}（{size} 字节）{kept}", "file [{kind}] {name} ({size} bytes){kept}"),
    "purged": ("（原件已清理）", " (purged)"),
    "show_message": ("邮件 #{id} {outcome}：{sender}「{subject}」", "mail #{id} {outcome}: {sender} \"{subject}\""),
    "show_notice": ("通知 #{id} {kind} → {to}：{status}{error}", "notice #{id} {kind} → {to}: {status}{error}"),
    "retry_what": ("请给出通知编号，或用 --failed 重发全部失败的通知",
                   "Give notice ids, or --failed for every failed one"),
    "notices_retried": ("已将 {count} 条通知重新放入发件队列：{ids}", "Put {count} notices back in the outbox: {ids}"),
    "backfill_progress": ("已导入 {done}/{total} 封 · {rate:.1f} 封/秒 · 预计剩余 {eta}",
                          "{done}/{total} mails · {rate:.1f}/s · ETA {eta}"),
    "backfill_summary": ("补录完成：读到 {seen} 封，新存入 {stored} 封，已有 {known} 封（其中 {requeued} 封重新排队），"
                         "失败 {failed} 封，用时 {seconds:.1f} 秒；结果：{outcomes}",
                         "Backfill done: {seen} read, {stored} new, {known} already known ({requeued} re-queued), "
                         "{failed} failed, {seconds:.1f}s; outcomes: {outcomes}"),
    "purged_files": ("已清理 {files} 个超过 {days} 天的原始邮件和附件文件（{mb:.1f} MB），记录保留；"
                     "{shared} 个仍被较新的邮件引用，未删除",
                     "Purged {files} raw mail and attachment files older than {days} days ({mb:.1f} MB); records kept; "
                     "{shared} still used by newer mail were kept"),
    "purge_dry_run": ("（试运行）将清理 {files} 个超过 {days} 天的文件（{mb:.1f} MB）；{shared} 个仍被引用",
                      "(dry run) would purge {files} files older than {days} days ({mb:.1f} MB); "
                      "{shared} still in use"),
    "run_failed": ("处理中断：{error}", "Stopped by an error: {error}"),
    # intake stats: the monthly 通报 table (intake/stats.py)
    "stats_title": ("{year}年{month}月 投稿统计", "Submissions, {year}-{month:02d}"),
    "stats_unit": ("来源单位", "Unit"),
    "stats_submitted": ("报送", "Submitted"),
    "stats_accepted": ("受理", "Accepted"),
    "stats_adopted": ("采用", "Adopted"),
    "stats_rate": ("采用率", "Adoption rate"),
    "stats_days": ("平均审稿周期（天）", "Median review (days)"),
    "stats_total": ("合计", "Total"),
    "stats_no_unit": ("（未注明单位）", "(no unit given)"),
    "stats_rejected": ("另有 {count} 封邮件被退回（无稿件/格式不符等）",
                       "Also {count} mails were rejected (no manuscript, wrong format, …)"),
    "stats_bad_month": ("月份格式应为 YYYY-MM：{month}", "The month must be YYYY-MM: {month}"),
    "stats_xlsx_needs_out": ("--format xlsx 需要 --out 文件名", "--format xlsx needs --out FILE"),
    "stats_written": ("已写入 {path}", "Wrote {path}"),
    "stats_no_recipients": ("没有收件人：请设置 INTAKE_STATS_RECIPIENTS 或使用 --to",
                            "No recipients: set INTAKE_STATS_RECIPIENTS or give --to"),
    "stats_mailed": ("{month} 投稿统计已发送给 {to}", "The {month} statistics were mailed to {to}"),
    # intake web, intake user, intake decide
    "web_listening": ("编辑台已启动：{url}", "The editorial desk is at {url}"),
    "user_password_prompt": ("{address} 的密码：", "Password for {address}: "),
    "user_password_again": ("再输入一次：", "Again: "),
    "user_password_mismatch": ("两次输入的密码不一致", "The passwords differ"),
    "user_no_password": ("没有读到密码（标准输入的第一行）；只用反向代理登录请加 --no-password",
                         "No password read (the first line of standard input); --no-password for proxy login only"),
    "user_bad_address": ("不是有效的邮箱账号：{address}", "Not an e-mail address: {address}"),
    "user_bad_role": ("角色只能是 reviewer 或 admin：{role}", "The role must be reviewer or admin: {role}"),
    "user_short_password": ("密码至少 {minimum} 个字符", "The password needs at least {minimum} characters"),
    "user_added": ("已添加账号 {address}（{role}）", "Added {address} ({role})"),
    "user_updated": ("已更新账号 {address}（{role}）", "Updated {address} ({role})"),
    "user_unknown": ("没有这个账号：{address}", "No such account: {address}"),
    "user_disabled": ("已停用账号 {address}，其登录已全部退出", "Disabled {address} and ended its sessions"),
    "decide_comment_needed": ("退回或不予采用需要 --comment 审核意见", "return and reject need --comment"),
    "decide_not_decidable": ("{tracking} 不存在或当前不能审核", "{tracking} does not exist or cannot be decided now"),
    "decide_stale": ("{tracking} 在审核期间发生了变化，未作更改，请重试",
                     "{tracking} changed meanwhile: nothing done, try again"),
    "decide_repeated": ("{tracking} 已是这一审核结果，未重复记录或通知",
                        "{tracking} already has this decision: nothing done"),
    "decide_done": ("{tracking}：{status}（通知 {notices} 封）", "{tracking}: {status} ({notices} notices)"),
}


# The editorial desk's pages (intake/web, templates/web): desk_text(lang, key).
DESK: dict[str, tuple[str, str]] = {
    "desk": ("编辑台", "Editorial desk"),
    "nav_list": ("稿件列表", "Submissions"),
    "nav_stats": ("投稿统计", "Statistics"),
    "logout": ("退出", "Log out"),
    "signed_in_as": ("当前用户：{address}（{role}）", "Signed in as {address} ({role})"),
    "role_admin": ("管理员", "admin"),
    "role_reviewer": ("审稿人", "reviewer"),
    "other_lang": ("English", "中文"),
    "login_title": ("登录编辑台", "Log in to the editorial desk"),
    "username": ("账号（邮箱）", "Account (e-mail address)"),
    "password": ("密码", "Password"),
    "login": ("登录", "Log in"),
    "err_wrong": ("账号或密码不正确。", "Wrong account or password."),
    "err_too_many": ("登录失败次数过多，请 15 分钟后再试。", "Too many failed logins: try again in 15 minutes."),
    "err_csrf": ("页面已过期或请求来源无法确认，请刷新页面后重试。",
                 "The page has expired or the request could not be verified: reload the page and try again."),
    "err_not_found": ("没有这篇稿件，或您无权查看。", "No such submission, or it is not yours to see."),
    "err_stale": ("稿件状态已经变化（可能已有人审核，或投稿人已修改），未作任何更改。请刷新后重新审核。",
                  "The submission changed meanwhile (decided by someone else, or revised): nothing was changed. "
                  "Reload it and decide again."),
    "err_repeated": ("稿件已是这一审核结果（审核意见也相同），未重复记录，也未再次通知投稿人。",
                     "The submission already has this decision (with the same comment): nothing was recorded "
                     "or mailed again."),
    "err_export_not_approved": ("只有已采用的稿件才能导出。", "Only an adopted submission can be exported."),
    "err_not_decidable": ("这篇稿件当前不能审核（信息尚未补全）。",
                          "This submission cannot be decided yet (incomplete)."),
    "err_comment_needed": ("退回或不予采用时，请填写审核意见（将发送给投稿人）。",
                           "Returning or rejecting needs a comment (it is sent to the contributor)."),
    "err_bad_form": ("提交的表单不完整。", "The form was incomplete."),
    "err_bad_month": ("月份格式应为 YYYY-MM。", "The month must be YYYY-MM."),
    "back": ("返回稿件列表", "Back to the list"),
    "status": ("状态", "State"),
    "unit": ("来源单位", "Unit"),
    "date_from": ("收稿日期从", "Received from"),
    "date_to": ("至", "to"),
    "search": ("关键词", "Search"),
    "search_hint": ("标题、编号、单位、投稿人", "title, number, unit, contributor"),
    "filter": ("筛选", "Filter"),
    "clear": ("清除", "Clear"),
    "all": ("全部", "All"),
    "count": ("共 {n} 篇", "{n} in all"),
    "tracking": ("稿件编号", "Number"),
    "title": ("标题", "Title"),
    "authors": ("作者", "Authors"),
    "received": ("收稿时间", "Received"),
    "revision": ("版本", "Version"),
    "empty": ("没有符合条件的稿件。", "No submission matches."),
    "page": ("第 {page} / {pages} 页", "Page {page} of {pages}"),
    "prev": ("上一页", "Previous"),
    "next": ("下一页", "Next"),
    "st_incomplete": ("待补充信息", "Incomplete"),
    "st_pending_review": ("待审核", "To review"),
    "st_held": ("待人工核查", "Held"),
    "st_approved": ("已采用", "Adopted"),
    "st_returned": ("已退回修改", "Returned"),
    "st_rejected": ("不予采用", "Rejected"),
    "preview": ("稿件预览（按网站刊发样式）", "The article as the site would publish it"),
    "no_draft": ("没有可预览的稿件正文。", "No draft to show."),
    "metadata": ("稿件信息", "Metadata"),
    "field": ("项目", "Field"),
    "value": ("内容", "Value"),
    "found_in": ("来源位置", "Found in"),
    "missing_value": ("（缺）", "(missing)"),
    "required": ("必填", "required"),
    "contributor": ("投稿人", "Contributor"),
    "reviewers": ("审稿人", "Reviewers"),
    "not_answered": ("（系统来稿，不自动回复投稿人）", "(an automatic sender: the contributor is not answered)"),
    "words": ("字数", "Words"),
    "warnings": ("提示", "Warnings"),
    "photos": ("图片及图片说明", "Photos and captions"),
    "no_caption": ("（无图片说明）", "(no caption)"),
    "files": ("原始文件", "Original files"),
    "download": ("下载", "Download"),
    "revisions": ("修改记录", "Revisions"),
    "diff_title": ("第 {old} 版 → 第 {new} 版（{at}）", "Version {old} → {new} ({at})"),
    "no_change": ("正文没有变化。", "The text did not change."),
    "history": ("处理记录", "History"),
    "decision": ("审核", "Decision"),
    "approve": ("采用", "Adopt"),
    "return": ("退回修改", "Return for revision"),
    "reject": ("不予采用", "Reject"),
    "comment": ("审核意见（退回或不予采用时必填，将发送给投稿人）",
                "Comment (needed to return or reject; sent to the contributor)"),
    "decided": ("已记录：{status}。{mailed}", "Recorded: {status}. {mailed}"),
    "mailed": ("已通知投稿人。", "The contributor is told by mail."),
    "export": ("导出（HTML 片段、图片、JSON）", "Export (HTML fragment, photos, JSON)"),
    "decided_already": ("已审核：{status}。如需改变审核结果：", "Decided: {status}. To change the decision:"),
    "stats_for": ("统计月份", "Month"),
    "show": ("查看", "Show"),
    "csv": ("下载 CSV", "Download CSV"),
    "xlsx": ("下载 Excel", "Download Excel"),
    "ev_message.processed": ("处理来信", "mail processed"),
    "ev_notice.created": ("生成通知邮件", "notice written"),
    "ev_notice.sent": ("通知邮件已发出", "notice sent"),
    "ev_notice.failed": ("通知邮件发送失败", "notice failed"),
    "ev_decision.unverified": ("收到未通过验证的审核回复（未生效）", "an unverified decision (ignored)"),
    "ev_submission.incomplete": ("登记，待补充信息", "registered, incomplete"),
    "ev_submission.pending_review": ("进入待审核", "to review"),
    "ev_submission.held": ("待人工核查", "held"),
    "ev_submission.approved": ("采用", "adopted"),
    "ev_submission.returned": ("退回修改", "returned"),
    "ev_submission.rejected": ("不予采用", "rejected"),
    "nk_acknowledgement": ("收稿回执", "acknowledgement"),
    "nk_incomplete": ("补充信息通知", "missing information"),
    "nk_rejection": ("退稿说明", "rejection"),
    "nk_review_request": ("审稿通知", "review request"),
    "nk_decision": ("审核结果通知", "decision"),
    "nk_decision_unverified": ("审核回复未通过验证的提醒", "unverified decision warning"),
    "via_mail": ("回复邮件", "by reply"),
    "via_web": ("编辑台", "on the desk"),
    "via_cli": ("命令行", "from the command line"),
}


def desk_text(lang: str, key: str, **values: object) -> str:
    """A desk page's text in `lang` (zh-CN or en); an unknown key is shown as itself."""
    zh, en = DESK.get(key) or (key.removeprefix("ev_"),) * 2
    return (en if lang == "en" else zh).format(**values)


_SPEAKING: ContextVar[str | None] = ContextVar("intake_language", default=None)


@contextmanager
def speaking(lang: str) -> Iterator[None]:
    """t() in `lang` for this thread or task (a desk page in the reader's language), whatever INTAKE_LANGUAGE says."""
    token = _SPEAKING.set(lang)
    try:
        yield
    finally:
        _SPEAKING.reset(token)


def language() -> str:
    forced = _SPEAKING.get()
    if forced is not None:
        return "en" if forced == "en" else "zh-CN"
    lang = os.environ.get("INTAKE_LANGUAGE") or ""
    return "en" if lang.lower().startswith("en") else "zh-CN"


def t(message: str, **values: object) -> str:
    zh, en = MESSAGES[message]
    return (en if language() == "en" else zh).format(**values)
