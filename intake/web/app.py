"""The editorial desk: a server-rendered Starlette app over the same store, decisions and export.

Pages (docs/DESK.md): /login, / (the list with filters and counts), /s/TRACKING_ID (the draft as
the site would publish it, metadata with where each value was found, warnings, photos, original
files, revisions with a text diff, history, the decision form), /s/TRACKING_ID/export.zip,
/stats (the monthly table, CSV and XLSX). No JavaScript.

Who sees what: an admin every submission; a reviewer those a review request was sent to them for
(`assignments`); anything else is 404, the same as a tracking id that does not exist. Every POST
carries the session's CSRF token; decisions also carry the version the reviewer saw, so a second
click or a decision someone made meanwhile changes nothing (intake.decide.Stale).
"""

from __future__ import annotations

import difflib
import itertools
import logging
import secrets
import tempfile
import urllib.parse
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import jinja2
import nh3
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from intake import decide as decisions
from intake.clock import local_text
from intake.config import Settings
from intake.drafts import from_stored, stored_body_text, template_context
from intake.export import ExportRefused, export_submission, render_article
from intake.fields import KEYS
from intake.i18n import desk_text, speaking, t
from intake.notices import environment, templates_dir
from intake.runtime import Runtime
from intake.secret import require_secret
from intake.states import SubmissionStatus
from intake.store.desk import (
    Filters,
    assigned_reviewers,
    counts_by_status,
    is_assigned,
    list_submissions,
    revisions_of,
)
from intake.store.events import events_of_submission
from intake.store.submissions import files_of_submission, submission_by_tracking_id
from intake.tables import Submission
from intake.web import auth

log = logging.getLogger(__name__)

SESSION_COOKIE = "intake_desk"
LOGIN_COOKIE = "intake_login"
LANG_COOKIE = "intake_lang"
PAGE_SIZE = 50
MAX_FORM_BYTES = 64 * 1024
STATUSES = [s.value for s in SubmissionStatus]
ACTIONS = {"approve": SubmissionStatus.APPROVED, "return": SubmissionStatus.RETURNED,
           "reject": SubmissionStatus.REJECTED}
ARTICLE_TAGS = {"h1", "h2", "h3", "h4", "p", "br", "figure", "figcaption", "img", "strong", "em"}
HEADERS = {
    "Content-Security-Policy": "default-src 'none'; img-src 'self'; style-src 'self' 'unsafe-inline'; "
                               "form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cache-Control": "no-store",
}


class Desk:
    """The app's state: the runtime (settings, store, queue) and the page templates."""

    def __init__(self, runtime: Runtime) -> None:
        self.runtime = runtime
        self.settings: Settings = runtime.settings
        self.store = runtime.store
        self.secret = require_secret(self.settings)
        self.templates: jinja2.Environment = environment(str(templates_dir()))

    # ------------------------------------------------------------------ helpers

    def lang(self, request: Request) -> str:
        wanted = request.query_params.get("lang") or request.cookies.get(LANG_COOKIE) or self.settings.language
        return "en" if wanted.lower().startswith("en") else "zh-CN"

    def page(self, request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
        lang = self.lang(request)

        def text(key: str, **values: object) -> str:
            return desk_text(lang, key, **values)

        body = self.templates.get_template(f"web/{name}.html.j2").render(
            lang=lang, _=text, site_name=self.settings.site_name, path=request.url.path,
            query=request.url.query, **context)
        response = HTMLResponse(body, status_code=status_code, headers=HEADERS)
        if request.query_params.get("lang"):
            response.set_cookie(LANG_COOKIE, lang, max_age=365 * 86400, httponly=True, samesite="lax",
                                secure=self.settings.web_cookie_secure)
        return response

    def client(self, request: Request) -> str:
        """The browser's address: behind a trusted proxy, the last X-Forwarded-For hop it did not add itself
        (else every login failure would count against the proxy, and lock everyone out)."""
        peer = request.client.host if request.client else "-"
        trusted = self.settings.web_trusted_proxies
        if peer not in trusted:
            return peer
        hops = [h.strip() for h in ",".join(request.headers.getlist("x-forwarded-for")).split(",") if h.strip()]
        for hop in reversed(hops):
            if hop not in trusted:
                return hop[:64]
        return peer

    def user(self, request: Request) -> auth.User | None:
        return auth.user_of(self.store, request.cookies.get(SESSION_COOKIE))

    def proxy_user(self, request: Request) -> str | None:
        """The user a trusted reverse proxy names, or None (no such setting, not from the proxy, no header)."""
        header = self.settings.web_proxy_user_header
        peer = request.client.host if request.client else "-"
        if not header or peer not in self.settings.web_trusted_proxies:
            return None
        return (request.headers.get(header) or "").strip().lower() or None

    def proxied(self, request: Request) -> int | None:
        name = self.proxy_user(request)
        return auth.proxy_account(self.store, name) if name else None

    def set_session(self, response: Response, token: str) -> None:
        response.set_cookie(SESSION_COOKIE, token, max_age=self.settings.web_session_hours * 3600, httponly=True,
                            samesite="lax", secure=self.settings.web_cookie_secure, path="/")

    def visible(self, user: auth.User, tracking_id: str) -> Submission | None:
        """The submission when this user may see it; None for unknown and for someone else's alike."""
        with self.store.session() as s:
            sub = submission_by_tracking_id(s, tracking_id.strip().upper())
            if sub is None or not (user.admin or is_assigned(s, sub.id, user.address)):
                return None
            s.expunge(sub)
            return sub

    async def form(self, request: Request) -> dict[str, str] | None:
        """The posted form (small, urlencoded), or None when it is too large or not a form. Read in
        pieces up to the limit: a body without Content-Length is never held whole."""
        declared = request.headers.get("content-length") or "0"
        if not declared.isdigit() or int(declared) > MAX_FORM_BYTES:
            return None
        chunks: list[bytes] = []
        size = 0
        async for chunk in request.stream():
            size += len(chunk)
            if size > MAX_FORM_BYTES:
                return None
            chunks.append(chunk)
        body = b"".join(chunks)
        try:
            pairs = urllib.parse.parse_qsl(body.decode("utf-8"), keep_blank_values=True, max_num_fields=20)
        except (UnicodeDecodeError, ValueError):
            return None
        return dict(pairs)

    def refused(self, request: Request, key: str, status_code: int) -> HTMLResponse:
        return self.page(request, "message", status_code, user=self.user(request), message_key=key)


Form = dict[str, str] | None  # the posted form; {} for a GET, None for a POST that is no acceptable form
Handler = Callable[[Desk, Request, auth.User, Form], Response]


def _threaded(work: Callable[[Desk, Request, Form], Response]) -> Callable[[Request], Awaitable[Response]]:
    """An endpoint: a POST's form is read here, the database work runs in a thread."""

    async def endpoint(request: Request) -> Response:
        desk: Desk = request.app.state.desk
        form = await desk.form(request) if request.method == "POST" else {}
        return await run_in_threadpool(work, desk, request, form)

    return endpoint


def _signed_in(handler: Handler) -> Callable[[Request], Awaitable[Response]]:
    """The page for a logged-in user (else a redirect to /login)."""
    return _threaded(lambda desk, request, form: _as_user(desk, request, form, handler))


def _as_user(desk: Desk, request: Request, form: Form, handler: Handler) -> Response:
    user = desk.user(request)
    named = desk.proxy_user(request)
    if user is not None and named is not None and named != user.address:
        user = None  # the proxy now vouches for someone else (a shared computer): not the old session's user
    if user is None:
        account = desk.proxied(request)
        if account is not None and request.method == "GET":
            token = auth.start_session(desk.store, desk.settings, account)
            response = RedirectResponse(str(request.url), status_code=303)
            desk.set_session(response, token)
            return response
        if request.method != "GET":
            return desk.refused(request, "csrf", 403)
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        return RedirectResponse("/login?" + urllib.parse.urlencode({"next": target}), status_code=303)
    return handler(desk, request, user, form)


def _safe_next(value: str | None) -> str:
    """Only a path of this site (no scheme, no host, no //): never an open redirect."""
    if not value or not value.startswith("/") or value.startswith("//") or "\\" in value:
        return "/"
    return value


# ------------------------------------------------------------------ login

def _login_page(desk: Desk, request: Request, form: Form) -> Response:
    return _login_form(desk, request, None, 200)


def _login_form(desk: Desk, request: Request, error: str | None, status_code: int,
                address: str = "") -> Response:
    nonce = request.cookies.get(LOGIN_COOKIE) or secrets.token_urlsafe(24)
    response = desk.page(request, "login", status_code, user=None, error=error, address=address,
                         csrf=auth.login_csrf(desk.secret, nonce),
                         next=_safe_next(request.query_params.get("next")))
    response.set_cookie(LOGIN_COOKIE, nonce, max_age=3600, httponly=True, samesite="lax",
                        secure=desk.settings.web_cookie_secure, path="/login")
    return response


def _login(desk: Desk, request: Request, form: Form) -> Response:
    nonce = request.cookies.get(LOGIN_COOKIE)
    if form is None or not nonce or not auth.same(form.get("csrf"), auth.login_csrf(desk.secret, nonce)):
        return _login_form(desk, request, "csrf", 403)
    address, password = form.get("username", "").strip()[:320], form.get("password", "")[:1024]
    client = desk.client(request)
    if auth.login_blocked(desk.store, desk.settings, address, client):
        log.warning("desk login refused (too many failures): %s from %s", address, client)
        return _login_form(desk, request, "too_many", 429, address)
    account = auth.check_password(desk.store, desk.settings, address, password, client)
    if account is None:
        log.info("desk login failed: %s from %s", address, client)
        return _login_form(desk, request, "wrong", 401, address)
    token = auth.start_session(desk.store, desk.settings, account)
    response = RedirectResponse(_safe_next(form.get("next")), status_code=303)
    desk.set_session(response, token)
    response.delete_cookie(LOGIN_COOKIE, path="/login")
    log.info("desk login: %s from %s", address, client)
    return response


def _logout(desk: Desk, request: Request, form: Form) -> Response:
    user = desk.user(request)
    if user is None or form is None or not auth.same(form.get("csrf"), user.csrf):
        return desk.refused(request, "csrf", 403)
    auth.logout(desk.store, request.cookies.get(SESSION_COOKIE))
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response


# ------------------------------------------------------------------ the list

def _day(value: str | None, settings: Settings, plus: int = 0) -> datetime | None:
    if not value:
        return None
    try:
        day = datetime.strptime(value.strip(), "%Y-%m-%d")
    except ValueError:
        return None
    # A day in office time, compared in UTC (how the columns are stored; SQLite compares text)
    return (day.replace(tzinfo=settings.tz) + timedelta(days=plus)).astimezone(UTC)


@_signed_in
def submissions(desk: Desk, request: Request, user: auth.User, form: Form) -> Response:
    q = request.query_params
    status = q.get("status") if q.get("status") in STATUSES else None
    filters = Filters(
        status=status, unit=(q.get("unit") or "").strip()[:200] or None,
        since=_day(q.get("from"), desk.settings), until=_day(q.get("to"), desk.settings, plus=1),
        text=(q.get("q") or "").strip()[:200] or None, reviewer=None if user.admin else user.address)
    try:
        page_no = max(1, min(10_000, int(q.get("page") or 1)))
    except ValueError:
        page_no = 1
    with desk.store.session() as s:
        rows, total = list_submissions(s, filters, PAGE_SIZE, (page_no - 1) * PAGE_SIZE)
        counts = counts_by_status(s, filters)
        items = [{"tracking_id": r.tracking_id, "title": r.title or r.subject, "unit": r.source_unit or "",
                  "authors": "、".join(str(a) for a in r.authors or []), "status": r.status,
                  "revision": r.revision, "missing": list(r.missing or []), "warnings": len(r.warnings or []),
                  "created": local_text(r.created_at, desk.settings.tz, "%Y-%m-%d %H:%M")} for r in rows]
    keep = {k: v for k, v in q.items() if k in ("status", "unit", "from", "to", "q") and v}
    pages = max(1, -(-total // PAGE_SIZE))
    return desk.page(request, "list", user=user, items=items, total=total, counts=counts, statuses=STATUSES,
                     filters={k: q.get(k, "") for k in ("status", "unit", "from", "to", "q")},
                     page_no=page_no, pages=pages, keep=urllib.parse.urlencode(keep))


# ------------------------------------------------------------------ one submission

def _diff(old: str, new: str) -> list[tuple[str, str]]:
    """A line diff of two bodies as (kind, line): kind is ' ', '-', '+' or '@' (a hunk header)."""
    out: list[tuple[str, str]] = []
    for line in difflib.unified_diff(old.splitlines(), new.splitlines(), lineterm="", n=2):
        if line.startswith(("---", "+++")):
            continue
        out.append(("@" if line.startswith("@@") else line[:1] or " ", line[1:] if line[:1] in "+- " else line))
    return out


@_signed_in
def submission(desk: Desk, request: Request, user: auth.User, form: Form) -> Response:
    sub = desk.visible(user, request.path_params["tracking_id"])
    if sub is None:
        return desk.refused(request, "not_found", 404)
    tz = desk.settings.tz
    with desk.store.session() as s:
        files = [{"id": f.id, "kind": f.kind, "filename": f.filename, "size": f.size_bytes, "revision": f.revision}
                 for f in files_of_submission(s, sub.id)]
        events = [{"at": local_text(e.created_at, tz, "%Y-%m-%d %H:%M"), "kind": e.kind, "actor": e.actor,
                   "comment": (e.detail or {}).get("comment"), "via": (e.detail or {}).get("via"),
                   "reason": (e.detail or {}).get("reason"),
                   "notice": (e.detail or {}).get("kind") if e.kind.startswith("notice.") else None,
                   "to": ", ".join(str(a) for a in (e.detail or {}).get("to") or [])}
                  for e in events_of_submission(s, sub.id)]
        revisions = [(r.revision, local_text(r.created_at, tz, "%Y-%m-%d %H:%M"), r.draft)
                     for r in revisions_of(s, sub.id)]
        reviewers = assigned_reviewers(s, sub.id)
        version = decisions.version_of(s, sub).token()
    draft = from_stored(sub.draft) if sub.draft else None
    article, fields, photos = "", [], []
    if draft is not None:
        context = template_context(draft, local_text(sub.created_at, tz, "%Y-%m-%d"))
        urls = [f"/s/{sub.tracking_id}/photo/{i + 1}" for i in range(len(draft.photos))]
        article = nh3.clean(render_article(context, urls), tags=ARTICLE_TAGS,
                            attributes={"img": {"src", "alt"}}, url_schemes=set())
        fields = [{"key": key, "value": draft.field(key), "found_in": draft.found_in(key),
                   "required": key in desk.settings.required_fields} for key in KEYS]
        photos = [{"n": i + 1, "filename": p.filename, "caption": p.caption, "width": p.width, "height": p.height}
                  for i, p in enumerate(draft.photos)]
    diffs = []
    for (old_rev, _, old), (new_rev, at, new) in itertools.pairwise(revisions):
        diffs.append({"from": old_rev, "to": new_rev, "at": at,
                      "lines": _diff(stored_body_text(old or {}), stored_body_text(new or {}))})
    return desk.page(
        request, "submission", user=user, sub={
            "tracking_id": sub.tracking_id, "status": sub.status, "title": sub.title or sub.subject,
            "subject": sub.subject, "contributor": sub.contributor_addr, "contributor_name": sub.contributor_name,
            "revision": sub.revision, "missing": list(sub.missing or []),
            "warnings": list(dict.fromkeys(sub.warnings or [])),
            "created": local_text(sub.created_at, tz, "%Y-%m-%d %H:%M"), "auto_answer": sub.auto_answer,
            "decidable": sub.status in decisions.DECIDABLE, "word_count": sub.word_count},
        article=article, fields=fields, photos=photos, files=files, events=events, diffs=diffs,
        reviewers=reviewers, version=version, done=request.query_params.get("done"),
    )


@_signed_in
def photo(desk: Desk, request: Request, user: auth.User, form: Form) -> Response:
    sub = desk.visible(user, request.path_params["tracking_id"])
    n = int(request.path_params["n"])
    if sub is None or not sub.draft:
        return desk.refused(request, "not_found", 404)
    photos = from_stored(sub.draft).photos
    if not 1 <= n <= len(photos):
        return desk.refused(request, "not_found", 404)
    found = photos[n - 1]
    media = found.content_type if found.content_type.startswith("image/") and "svg" not in found.content_type \
        else "application/octet-stream"
    try:
        data = desk.store.blobs.get(found.sha256)
    except (FileNotFoundError, KeyError):
        return desk.refused(request, "not_found", 404)
    return Response(data, media_type=media, headers={**HEADERS, "Cache-Control": "private, max-age=3600"})


@_signed_in
def original(desk: Desk, request: Request, user: auth.User, form: Form) -> Response:
    sub = desk.visible(user, request.path_params["tracking_id"])
    if sub is None:
        return desk.refused(request, "not_found", 404)
    with desk.store.session() as s:
        wanted = [f for f in files_of_submission(s, sub.id) if f.id == int(request.path_params["file_id"])]
        found = (wanted[0].filename, wanted[0].sha256) if wanted else None
    if found is None:
        return desk.refused(request, "not_found", 404)
    try:
        data = desk.store.blobs.get(found[1])
    except (FileNotFoundError, KeyError):
        return desk.refused(request, "not_found", 404)
    return Response(data, media_type="application/octet-stream", headers={
        **HEADERS, "Content-Disposition": _attachment(found[0], "file")})


def _attachment(filename: str, fallback: str) -> str:
    """Content-Disposition for a download: an ASCII name and the real one as RFC 5987 filename*."""
    from intake.text import safe_filename

    name = safe_filename(filename, fallback)
    ascii_name = "".join(c if c.isascii() and c.isprintable() and c not in '"\\;' else "_" for c in name)
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{urllib.parse.quote(name, safe='')}"


@_signed_in
def decide_action(desk: Desk, request: Request, user: auth.User, form: Form) -> Response:
    if form is None or not auth.same(form.get("csrf"), user.csrf):
        log.warning("desk decision refused (CSRF) by %s from %s", user.address, desk.client(request))
        return desk.refused(request, "csrf", 403)
    sub = desk.visible(user, request.path_params["tracking_id"])
    if sub is None:
        return desk.refused(request, "not_found", 404)
    status = ACTIONS.get(form.get("action", ""))
    comment = form.get("comment", "").strip()
    seen = decisions.Version.parse(form.get("version", ""))
    if status is None or seen is None:
        return desk.refused(request, "bad_form", 400)
    if status != SubmissionStatus.APPROVED and not comment:
        return desk.refused(request, "comment_needed", 400)
    try:
        done = decisions.decide(desk.store, desk.settings, sub.tracking_id,
                                decisions.Act(status, comment, user.address, "web"), seen)
    except decisions.Stale:
        return desk.refused(request, "stale", 409)
    except decisions.Repeated:
        return desk.refused(request, "repeated", 409)
    except decisions.NotDecidable:
        return desk.refused(request, "not_decidable", 409)
    log.info("desk decision: %s %s by %s", done.tracking_id, done.status, user.address)
    for notice_id in done.notice_ids:
        try:
            desk.runtime.queue.send(notice_id)
        except Exception:  # recorded as pending: the workers' sweep sends it
            log.exception("could not hand notice %s on; the sweep will send it", notice_id)
    return RedirectResponse(f"/s/{done.tracking_id}?done={done.status}", status_code=303)


@_signed_in
def export_zip(desk: Desk, request: Request, user: auth.User, form: Form) -> Response:
    sub = desk.visible(user, request.path_params["tracking_id"])
    if sub is None:
        return desk.refused(request, "not_found", 404)
    with tempfile.TemporaryDirectory(prefix="intake-export-") as folder:
        try:
            done = export_submission(desk.store, desk.settings, sub.tracking_id, Path(folder), zip_=True)
        except ExportRefused as exc:
            if exc.key == "export_not_approved":  # the CLI's text suggests --force, which the desk has not
                return desk.refused(request, "export_not_approved", 409)
            with speaking(desk.lang(request)):
                return desk.page(request, "message", 409, user=user, message=t(exc.key, **exc.values))
        assert done.zip_path is not None
        data = done.zip_path.read_bytes()
    return Response(data, media_type="application/zip", headers={
        **HEADERS, "Content-Disposition": _attachment(f"{sub.tracking_id}.zip", "export.zip")})


# ------------------------------------------------------------------ statistics

@_signed_in
def stats_page(desk: Desk, request: Request, user: auth.User, form: Form) -> Response:
    from intake import stats

    now = datetime.now(desk.settings.tz)
    default = (now.replace(day=1) - timedelta(days=1)).strftime("%Y-%m") if now.day <= 7 else now.strftime("%Y-%m")
    month = request.query_params.get("month") or default
    try:
        year, mon = stats.parse_month(month)
    except ValueError:
        return desk.refused(request, "bad_month", 400)
    report = stats.collect(desk.store, desk.settings.tz, year, mon, stats.configured_aliases(desk.settings.extra))
    with speaking(desk.lang(request)):  # the table in the page's language
        return _stats_response(desk, request, user, report, year, mon)


def _stats_response(desk: Desk, request: Request, user: auth.User, report: Any, year: int, mon: int) -> Response:
    from intake import stats

    fmt = request.query_params.get("format")
    if fmt == "csv":
        return Response(stats.to_csv(report), media_type="text/csv; charset=utf-8", headers={
            **HEADERS, "Content-Disposition": _attachment(f"stats-{year}-{mon:02d}.csv", "stats.csv")})
    if fmt == "xlsx":
        return Response(stats.to_xlsx(report), headers={
            **HEADERS, "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "Content-Disposition": _attachment(f"stats-{year}-{mon:02d}.xlsx", "stats.xlsx")})
    return desk.page(request, "stats", user=user, title=stats.title(report), headers=stats.headers(),
                     rows=stats.cells(report), month=f"{year}-{mon:02d}", footer=stats.footer(report))


async def not_found(request: Request, exc: Exception) -> Response:
    desk: Desk = request.app.state.desk
    return desk.refused(request, "not_found", 404)


def create_app(runtime: Runtime) -> Starlette:
    routes = [
        Route("/login", _threaded(_login_page), methods=["GET"]),
        Route("/login", _threaded(_login), methods=["POST"]),
        Route("/logout", _threaded(_logout), methods=["POST"]),
        Route("/", submissions, methods=["GET"]),
        Route("/s/{tracking_id}", submission, methods=["GET"]),
        Route("/s/{tracking_id}/photo/{n:int}", photo, methods=["GET"]),
        Route("/s/{tracking_id}/file/{file_id:int}", original, methods=["GET"]),
        Route("/s/{tracking_id}/decide", decide_action, methods=["POST"]),
        Route("/s/{tracking_id}/export.zip", export_zip, methods=["GET"]),
        Route("/stats", stats_page, methods=["GET"]),
    ]
    app = Starlette(routes=routes, exception_handlers={404: not_found})
    app.state.desk = Desk(runtime)
    return app


__all__ = ["create_app"]
