"""Archive attachments (.zip; .7z, .rar 4/5 via libarchive): GBK names, limits (count, size, ratio),
path tricks, nested and encrypted members."""

from __future__ import annotations

import io
import random
import zipfile

import pytest
from extract_helpers import att, jpeg, sample_docx, zip_bytes, zip_with_gbk_names

from intake.extract import archive
from intake.extract.archive import expand
from intake.extract.limits import ExtractLimits
from intake.rules.severity import severity
from tests.data.mailgen import make_7z as sevenzip_bytes
from tests.data.mailgen import make_rar4 as rar4_bytes
from tests.data.mailgen import make_rar5 as rar5_bytes

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
    assert [(r.code, severity(r)) for r in reasons] == [("unsafe_attachment", "reject")]
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
    assert [(r.code, severity(r)) for r in reasons] == [("unsupported_attachment", "warning")]


def test_rar_without_libarchive_is_an_unsupported_warning(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(archive, "_libarchive", lambda: None)
    members, reasons = expand(att("稿件.rar", rar5_bytes([("稿件.txt", "正文".encode())])), LIMITS)
    assert members == [] and reasons[0].code == "unsupported_attachment" and "not installed" in reasons[0].detail


def test_7z_members_are_read_with_folders_dropped_from_names() -> None:
    blob = sevenzip_bytes([("投稿/东山镇稿件.docx", sample_docx()), ("投稿/图1 会场.jpg", jpeg())])
    members, reasons = expand(att("材料.7z", blob), LIMITS)
    assert [(m.filename, m.content_type) for m in members] == [
        ("东山镇稿件.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ("图1 会场.jpg", "image/jpeg")]
    assert members[0].payload == sample_docx() and reasons == []


def test_rar4_gbk_names_and_rar5_utf8_names_are_decoded() -> None:
    old = rar4_bytes([("东山镇稿件.txt".encode("gbk"), "作者：张三".encode("gbk"))])
    new = rar5_bytes([("投稿/东山镇稿件.txt", "作者：张三".encode())])
    assert [(m.filename, m.payload) for m in expand(att("a.rar", old), LIMITS)[0]] == [
        ("东山镇稿件.txt", "作者：张三".encode("gbk"))]
    assert [(m.filename, m.payload) for m in expand(att("b.rar", new), LIMITS)[0]] == [
        ("东山镇稿件.txt", "作者：张三".encode())]


def test_7z_bomb_is_cut_off_at_the_ratio_limit() -> None:
    blob = sevenzip_bytes([("a.txt", b"\0" * (8 * 1024 * 1024))])
    assert len(blob) < 8 * 1024  # what makes it a bomb: over 1000 to 1
    members, reasons = expand(att("bomb.7z", blob), LIMITS)
    assert members == [] and [(r.code, severity(r)) for r in reasons] == [("unsafe_attachment", "reject")]


@pytest.mark.parametrize(("limits", "word"), [
    (ExtractLimits(max_archive_members=4), "members"),
    (ExtractLimits(max_archive_total_bytes=3000), "limits"),
    (ExtractLimits(max_attachment_bytes=1500), "attachment"),
])
def test_7z_count_and_size_limits_are_unsafe(limits: ExtractLimits, word: str) -> None:
    blob = sevenzip_bytes([(f"{n}.txt", bytes([65 + n]) * 2000) for n in range(5)])
    members, reasons = expand(att("many.7z", blob), limits)
    assert members == [] and reasons[0].code == "unsafe_attachment" and word in reasons[0].detail


@pytest.mark.parametrize("evil", ["../../etc/cron.d/evil", "/etc/cron.d/evil"])
def test_rar_and_7z_path_tricks_are_unsafe(evil: str) -> None:
    for name, blob in (("a.rar", rar5_bytes([("正文.txt", "正文".encode()), (evil, b"* * * * * root true")])),
                       ("a.7z", sevenzip_bytes([("正文.txt", "正文".encode()), (evil, b"* * * * * root true")]))):
        members, reasons = expand(att(name, blob), LIMITS)
        assert members == [] and [(r.code, r.detail) for r in reasons] == [
            ("unsafe_attachment", f"member path not allowed: {evil}")]


def test_encrypted_and_nested_members_are_skipped_with_a_warning() -> None:
    locked = rar4_bytes([("密件.docx".encode("gbk"), b"\x00" * 64)], flags=0x4)
    members, reasons = expand(att("a.rar", locked), LIMITS)
    assert members == [] and [(r.code, r.detail) for r in reasons] == [
        ("unsupported_attachment", "encrypted archive member")]
    nested = sevenzip_bytes([("inner.rar", locked), ("b.txt", b"y")])
    members, reasons = expand(att("b.7z", nested), LIMITS)
    assert [m.filename for m in members] == ["b.txt"]
    assert [(r.code, r.detail) for r in reasons] == [("unsupported_attachment", "nested archive not expanded")]


def test_corrupt_rar_is_a_warning_not_a_crash() -> None:
    blob = rar5_bytes([("稿件.txt", "正文".encode() * 100)])
    members, reasons = expand(att("a.rar", blob[:60]), LIMITS)
    assert members == [] and reasons[0].code == "unsupported_attachment"


def test_corrupt_zip_is_a_warning_not_a_crash() -> None:
    members, reasons = expand(att("a.zip", b"PK\x03\x04garbage"), LIMITS)
    assert members == [] and reasons[0].code == "unsupported_attachment"


def test_a_zip_renamed_to_rar_is_still_read() -> None:
    members, reasons = expand(att("稿件.rar", zip_bytes({"春耕.txt": "正文".encode()})), LIMITS)
    assert [(m.filename, m.payload) for m in members] == [("春耕.txt", "正文".encode())] and reasons == []


def test_damaged_rar_and_7z_give_reasons_never_exceptions() -> None:
    rng = random.Random(20261126)
    originals = {"a.7z": sevenzip_bytes([("稿件.docx", sample_docx()), ("图1.jpg", jpeg())]),
                 "b.rar": rar5_bytes([("稿件.docx", sample_docx()), ("图1.jpg", jpeg())]),
                 "c.rar": rar4_bytes([("稿件.docx".encode("gbk"), sample_docx())])}
    for name, blob in originals.items():
        for _ in range(150):
            damaged = bytearray(blob)
            for _ in range(rng.randint(1, 8)):
                damaged[rng.randrange(len(damaged))] = rng.randrange(256)
            if rng.random() < 0.3:
                damaged = damaged[: rng.randrange(len(damaged))]
            members, reasons = expand(att(name, bytes(damaged)), LIMITS)  # raises nothing
            assert all(r.code in ("unsupported_attachment", "unsafe_attachment") for r in reasons)
            assert all(len(m.payload) <= LIMITS.max_attachment_bytes for m in members)
