"""CLI messages: Chinese first (zh-CN), English with INTAKE_LANGUAGE=en."""

from __future__ import annotations

import os

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
}


def language() -> str:
    lang = os.environ.get("INTAKE_LANGUAGE") or ""
    return "en" if lang.lower().startswith("en") else "zh-CN"


def t(message: str, **values: object) -> str:
    zh, en = MESSAGES[message]
    return (en if language() == "en" else zh).format(**values)
