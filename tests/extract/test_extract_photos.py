"""Photos: Pillow checks, orientation, pixel bombs, warnings, captions and credits."""

from __future__ import annotations

import io

from extract_helpers import att, heic, jpeg, mail, sample_docx
from PIL import Image

from intake.extract import extract
from intake.extract.captions import credits_in, filename_caption, match_captions, numbered_captions
from intake.extract.limits import ExtractLimits
from intake.extract.photos import inspect_photo, photo_warnings
from intake.models import Finding, Photo
from intake.rules.severity import severity

LIMITS = ExtractLimits()


def photo(data: bytes, caption: str | None = "会场", source: str = "attachment") -> Photo:
    result = inspect_photo("p.jpg", data, caption, source, LIMITS)
    assert isinstance(result, Photo)
    return result


def test_jpeg_is_measured_and_hashed() -> None:
    p = photo(jpeg(640, 480))
    assert (p.width, p.height, p.content_type) == (640, 480, "image/jpeg")
    assert len(p.sha256) == 64 and p.size_bytes > 0


def test_exif_orientation_6_swaps_width_and_height() -> None:
    p = photo(jpeg(640, 480, orientation=6))
    assert (p.width, p.height) == (480, 640)


def test_pixel_bomb_is_unsafe_without_decoding() -> None:
    out = io.BytesIO()
    Image.new("1", (20000, 10000)).save(out, "PNG")  # 200 M pixels (over the 180 M limit), a few kB
    result = inspect_photo("bomb.png", out.getvalue(), None, "attachment", LIMITS)
    assert isinstance(result, Finding) and result.code == "unsafe_attachment"


def test_not_an_image_is_an_unreadable_photo_warning() -> None:
    result = inspect_photo("x.jpg", b"not an image", None, "attachment", LIMITS)
    assert isinstance(result, Finding) and (result.code, severity(result)) == ("unreadable_photo", "warning")


def test_small_photo_warns_large_edge_does_not() -> None:
    codes = [r.code for r in photo_warnings([photo(jpeg(640, 480))], True, True)]
    assert codes == ["photo_too_small"]
    assert photo_warnings([photo(jpeg(2000, 1000))], True, True) == []


def test_caption_warnings_and_missing_credit() -> None:
    photos = [photo(jpeg(2000, 1000), None), photo(jpeg(2000, 1000), "长" * 101)]
    codes = [r.code for r in photo_warnings(photos, False, True)]
    assert codes == ["photo_missing_caption", "caption_too_long", "no_photo_credit"]


def test_photos_only_in_the_manuscript() -> None:
    codes = [r.code for r in photo_warnings([photo(jpeg(2000, 1000), source="docx")], True, False)]
    assert codes == ["photos_only_in_manuscript"]


def test_numbered_caption_lines_in_several_forms() -> None:
    lines = ["图1：党员志愿者清扫楼道", "图二 居民议事会现场", "【图3】老党员讲党课", "图片4、社区书记发言"]
    assert numbered_captions(lines) == {
        1: "党员志愿者清扫楼道", 2: "居民议事会现场", 3: "老党员讲党课", 4: "社区书记发言"}


def test_captions_match_by_file_number_then_order_then_file_name() -> None:
    names = ["2.jpg", "IMG_2031.jpg", "微信图片_20261120093512.jpg", "党员志愿者清扫楼道.jpg"]
    body = ["图1：第一张", "图2：第二张"]
    assert match_captions(names, body, [], []) == ["第二张", "第二张", None, "党员志愿者清扫楼道"]


def test_embedded_captions_pass_to_originals_when_counts_match() -> None:
    assert match_captions(["IMG_1.jpg"], [], [], ["议事会现场"]) == ["议事会现场"]


def test_descriptive_file_names_only() -> None:
    assert filename_caption("01-老党员讲党课.jpg") == "老党员讲党课"
    assert filename_caption("DSC00012.JPG") is None
    assert filename_caption("微信图片_20261120.jpg") is None


def test_credits_inside_captions() -> None:
    assert credits_in(["议事会现场（郑凯 摄）", "摄影：林小燕", None]) == ("郑凯", "林小燕")


def test_heic_photo_is_handed_on_as_jpeg_with_its_own_name() -> None:
    data = heic(800, 600)
    result = inspect_photo("IMG_0412.HEIC", data, "会场", "attachment", LIMITS)
    assert isinstance(result, Photo)
    assert (result.filename, result.content_type) == ("IMG_0412.jpg", "image/jpeg")
    assert (result.width, result.height) == (800, 600)
    assert result.data is not None and result.data.startswith(b"\xff\xd8\xff") and result.size_bytes == len(result.data)
    with Image.open(io.BytesIO(result.data)) as img:
        assert (img.format, img.size) == ("JPEG", (800, 600))
        assert img.getexif().get(0x0112, 1) == 1  # upright: nobody turns it again


def test_heic_pixel_bomb_is_unsafe_before_conversion() -> None:
    result = inspect_photo("big.heic", heic(1200, 1000), None, "attachment", ExtractLimits(max_image_pixels=1_000_000))
    assert isinstance(result, Finding) and result.code == "unsafe_attachment"


def test_a_mail_with_heic_photos_gets_jpeg_photos_in_the_draft() -> None:
    atts = (att("稿件.docx", sample_docx()), att("IMG_0001.heic", heic(), "image/heic"))
    result = extract(mail(attachments=atts))
    assert result.draft is not None
    assert [(p.filename, p.content_type) for p in result.draft.photos] == [("IMG_0001.jpg", "image/jpeg")]
    assert "unreadable_photo" not in [r.code for r in result.findings]
