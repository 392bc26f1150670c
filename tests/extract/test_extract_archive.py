"""Zip attachments: GBK names, limits (count, size, ratio), path tricks, nested archives."""

from __future__ import annotations

import io
import zipfile

from extract_helpers import att, jpeg, sample_docx, zip_bytes, zip_with_gbk_names

from intake.extract.archive import expand
from intake.extract.limits import ExtractLimits

LIMITS = ExtractLimits()


def test_gbk_member_names_without_utf8_flag_are_decoded() -> None:
    blob = zip_with_gbk_names({"东山镇稿件.docx": sample_docx(), "图1 会场.jpg": jpeg()})
    members, reasons = expand(att("材料.zip", blob), LIMITS)
    assert [m.filename for m in members] == ["东山镇稿件.docx", "图1 会场.jpg"]
    assert reasons == []


def test_utf8_flagged_names_and_folders_keep_only_the_base_name() -> None:
    members, _ = expand(att("a.zip", zip_bytes({"稿件/春耕.txt": "正文".encode(), "__MACOSX/._x": b""})), LIMITS)
    assert [(m.filename, m.payload) for m in members] == [("春耕.txt", "正文".encode())]


def test_zip_bomb_by_ratio_is_unsafe() -> None:
    members, reasons = expand(att("bomb.zip", zip_bytes({"a.txt": b"\0" * (20 * 1024 * 1024)})), LIMITS)
    assert members == []
    assert [(r.code, r.severity) for r in reasons] == [("unsafe_attachment", "reject")]
    assert "ratio" in reasons[0].detail


def test_too_many_members_is_unsafe() -> None:
    blob = zip_bytes({f"{n}.txt": b"x" for n in range(5)})
    _, reasons = expand(att("many.zip", blob), ExtractLimits(max_archive_members=4))
    assert reasons[0].code == "unsafe_attachment"


def test_total_size_limit_is_unsafe() -> None:
    blob = zip_bytes({"a.txt": b"x" * 2000, "b.txt": b"y" * 2000})
    _, reasons = expand(att("big.zip", blob), ExtractLimits(max_archive_total_bytes=3000))
    assert reasons[0].code == "unsafe_attachment"


def test_path_traversal_member_makes_the_archive_unsafe() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("正文.txt", "正文".encode())
        zf.writestr("../../etc/cron.d/evil", b"* * * * * root true")
    members, reasons = expand(att("a.zip", out.getvalue()), LIMITS)
    assert members == []
    assert reasons[0].code == "unsafe_attachment" and ".." in reasons[0].detail


def test_absolute_member_path_is_unsafe() -> None:
    _, reasons = expand(att("a.zip", zip_bytes({"/tmp/x.txt": b"x"})), LIMITS)
    assert reasons[0].code == "unsafe_attachment"


def test_nested_archives_are_reported_not_expanded() -> None:
    inner = zip_bytes({"a.txt": b"x"})
    members, reasons = expand(att("a.zip", zip_bytes({"inner.zip": inner, "b.txt": b"y"})), LIMITS)
    assert [m.filename for m in members] == ["b.txt"]
    assert [(r.code, r.severity) for r in reasons] == [("unsupported_attachment", "warning")]


def test_rar_without_a_reader_is_an_unsupported_warning() -> None:
    members, reasons = expand(att("稿件.rar", b"Rar!\x1a\x07\x00"), LIMITS)
    assert members == [] and reasons[0].code == "unsupported_attachment"


def test_corrupt_zip_is_a_warning_not_a_crash() -> None:
    members, reasons = expand(att("a.zip", b"PK\x03\x04garbage"), LIMITS)
    assert members == [] and reasons[0].code == "unsupported_attachment"
