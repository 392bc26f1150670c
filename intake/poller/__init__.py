"""Mailbox adapters (IMAP, Maildir), the Redis lease and the watcher loop.

The poller moves bytes: store raw → message row → enqueue → only then file
the mail away. It never parses a mail beyond its Message-ID.
"""
