"""`intake export`: hand an approved submission to the site's CMS as files.

DIR/TRACKING_ID/ gets `article.html` (an HTML fragment for the CMS editor, rendered from
templates/export/article.html.j2 with the draft's template context), `photos/NN-name.ext` (the
photo bytes from the blob store, named by order and a sanitised name, never a path from the mail)
and `article.json` (the JSON contract's `draft` object with the tracking id and status). With
`zip_=True` also DIR/TRACKING_ID.zip holding the same files (paths relative to the folder).

The folder is written beside the target under a temporary name and renamed into place, so a
failed export never leaves half a folder under the tracking id.
"""

from __future__ import annotations

import json
import re
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from intake.clock import local_text
from intake.config import Settings
from intake.drafts import contract_json, from_stored, template_context
from intake.models import Draft
from intake.notices import environment, templates_dir
from intake.states import SubmissionStatus
from intake.store import Store
from intake.store.submissions import submission_by_tracking_id
from intake.text import safe_filename

TEMPLATE = "export/article.html.j2"
_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")
_EXTENSIONS = {"image/jpeg": "jpg", "image/png": "png", "image/gif": "gif", "image/webp": "webp",
               "image/bmp": "bmp", "image/tiff": "tif"}
MAX_STEM = 60


class ExportRefused(Exception):
    """The export cannot (or, without --force, may not) be made; `key`/`values` are its i18n message."""

    def __init__(self, key: str, **values: object) -> None:
        super().__init__(key)
        self.key = key
        self.values = values


@dataclass(frozen=True)
class Exported:
    folder: Path
    zip_path: Path | None
    photos: tuple[str, ...]  # paths relative to the folder, in draft order


@dataclass(frozen=True)
class _Loaded:
    tracking_id: str
    status: str
    draft: Draft
    date: str


def photo_file_name(index: int, filename: str, content_type: str) -> str:
    """`NN-stem.ext`: the photo's position (from 01) and its name reduced to ASCII letters, digits, - and _;
    the extension comes from the content type (the blob's real kind), else from the name."""
    name = safe_filename(filename, "photo")  # the last path component only, on one line
    stem, dot, ext = name.rpartition(".")
    if not dot:
        stem, ext = name, ""
    stem = _UNSAFE.sub("-", stem).strip("-_")[:MAX_STEM].strip("-_") or "photo"
    ext = _EXTENSIONS.get(content_type.lower()) or _UNSAFE.sub("", ext).lower()[:5] or "bin"
    return f"{index + 1:02d}-{stem}.{ext}"


def render_article(draft_context: dict[str, Any], photo_files: list[str]) -> str:
    """The HTML fragment (templates/export/article.html.j2)."""
    template = environment(str(templates_dir())).get_template(TEMPLATE)
    return template.render({"draft": draft_context, "photo_files": photo_files})


def _load(store: Store, settings: Settings, tracking_id: str, force: bool) -> _Loaded:
    with store.session() as s:
        sub = submission_by_tracking_id(s, tracking_id.strip().upper())
        if sub is None:
            raise ExportRefused("no_submission", wanted=tracking_id)
        if sub.status != SubmissionStatus.APPROVED and not force:
            raise ExportRefused("export_not_approved", tracking=sub.tracking_id, status=sub.status)
        if not sub.draft:
            raise ExportRefused("export_no_draft", tracking=sub.tracking_id)
        return _Loaded(sub.tracking_id, sub.status, from_stored(sub.draft),
                       local_text(sub.created_at, settings.tz, "%Y-%m-%d"))


def _occupied(path: Path) -> bool:
    if path.is_dir() and not path.is_symlink():
        return any(path.iterdir())
    return path.exists() or path.is_symlink()


def export_submission(store: Store, settings: Settings, tracking_id: str, out: Path, *, zip_: bool = False,
                      force: bool = False) -> Exported:
    """Write the export of one submission into `out`/TRACKING_ID/ (and TRACKING_ID.zip); see the module doc.

    Raises ExportRefused: unknown id, not approved (unless `force`), no draft, a non-empty target
    folder or an existing zip (unless `force`: then they are replaced), a photo no longer stored.
    """
    loaded = _load(store, settings, tracking_id, force)
    folder = out / loaded.tracking_id
    zip_path = out / f"{loaded.tracking_id}.zip" if zip_ else None
    for target in (folder, zip_path):
        if target is not None and _occupied(target) and not force:
            raise ExportRefused("export_exists", path=target)

    draft = loaded.draft
    names = [f"photos/{photo_file_name(i, p.filename, p.content_type)}" for i, p in enumerate(draft.photos)]
    context = template_context(draft, loaded.date)
    files: dict[str, bytes] = {}
    for photo, name in zip(draft.photos, names, strict=True):
        try:
            files[name] = store.blobs.get(photo.sha256)
        except FileNotFoundError as exc:
            raise ExportRefused("export_photo_missing", name=photo.filename, sha=photo.sha256[:12]) from exc
    files["article.html"] = render_article(context, names).encode("utf-8")
    document = {"tracking_id": loaded.tracking_id, "status": loaded.status, "draft": contract_json(draft),
                "photos": names}
    files["article.json"] = (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")

    out.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{loaded.tracking_id}.", dir=out))
    partial = staging.parent / f"{staging.name}.zip"
    try:
        for name, data in files.items():
            path = staging / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        if zip_path is not None:
            with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
                for name in ("article.html", "article.json", *names):
                    archive.writestr(name, files[name])
            partial.replace(zip_path)
        if folder.is_symlink() or folder.is_file():
            folder.unlink()
        elif folder.exists():
            shutil.rmtree(folder)  # --force (or an empty folder): the old export is replaced whole
        staging.rename(folder)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        partial.unlink(missing_ok=True)
        raise
    return Exported(folder, zip_path, tuple(names))
