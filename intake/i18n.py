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
    "never": ("从未", "never"),
    "status_failed_notice": ("发送失败 通知 #{id}（{kind} → {to}）：{error}",
                             "FAILED notice #{id} ({kind} → {to}): {error}"),
    "status_failed_message": ("处理失败 邮件 #{id}（{sender}）：{error}（可用 intake replay 重新处理）",
                              "FAILED message #{id} ({sender}): {error} (intake replay re-queues it)"),
    "run_failed": ("处理中断：{error}", "Stopped by an error: {error}"),
}


def language() -> str:
    lang = os.environ.get("INTAKE_LANGUAGE") or ""
    return "en" if lang.lower().startswith("en") else "zh-CN"


def t(key: str, **values: object) -> str:
    zh, en = MESSAGES[key]
    return (en if language() == "en" else zh).format(**values)
