"""The shortcuts of the text path give exactly the answers of the full computation.

`find_hits` skips lines that cannot carry metadata before running its regexes, and
`lines_to_items` looks for the title in the first lines only. Both are checked here against
the slow path on every text line of the corpus and the examples: manuscripts and mail bodies.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from intake.extract import labels
from intake.extract.body import mail_body_lines
from intake.extract.choose import read_manuscript, sort_attachments
from intake.extract.limits import ExtractLimits
from intake.extract.metadata import title_index
from intake.extract.text import _title, lines_to_items
from intake.mail import parse_mail
from intake.text import clean_line

ROOT = Path(__file__).resolve().parents[2]
MAILS = sorted((ROOT / "tests" / "data" / "corpus").glob("*.eml")) + sorted((ROOT / "examples").glob("*.eml"))
# credits of every shape the prefilter must let through
CREDITS = ["青禾网讯（通讯员 萧瑾 何文彬）3月15日，机关党委组织开展主题党日活动，党员干部参加。",
           "李四 摄", "王五、赵六 摄影", "（钱七 摄）", "（云岭县交通运输局 文/周子涵）", "本报记者 孙八",
           "来 源：东山镇党委", "【作者】吴九", "文/郑十 图/冯一"]
ARTICLE = (ROOT / "bench" / "data" / "long-article.txt").read_text(encoding="utf-8").split("\n")


def _texts() -> list[list[str]]:
    """Every mail body, and every manuscript that reads without LibreOffice, as lists of lines."""
    out = [ARTICLE, CREDITS]
    limits = ExtractLimits()
    for path in MAILS:
        mail = parse_mail(path.read_bytes())
        out.append(mail_body_lines(mail))
        for att in sort_attachments(mail.attachments, limits).manuscripts:
            if att.extension in ("docx", "pdf", "txt"):
                try:
                    out.append([text for _, text in read_manuscript(att, limits).text_lines()])
                except Exception:  # unreadable samples have no lines to compare
                    continue
    return out


TEXTS = _texts()


def test_the_corpus_gives_the_shortcuts_something_to_skip() -> None:
    assert len(TEXTS) > 70
    lines = [clean_line(x) for text in TEXTS for x in text if clean_line(x)]
    skipped = [x for x in lines if not labels._may_carry_metadata(x)]
    assert len(skipped) > len(lines) / 3  # the prefilter matters on real text


def test_prefilter_never_hides_a_label(monkeypatch: pytest.MonkeyPatch) -> None:
    fast = [labels.find_hits(text) for text in TEXTS]
    monkeypatch.setattr(labels, "_may_carry_metadata", lambda line: True)
    slow = [labels.find_hits(text) for text in TEXTS]
    assert fast == slow
    assert sum(len(hits) for hits, _ in fast) > 120


@pytest.mark.parametrize("extra", [0, 20])
def test_windowed_title_equals_the_whole_text_title(extra: int) -> None:
    # `extra` metadata lines above the text push the title out of the window: the slow path decides
    for text in TEXTS:
        cleaned = [clean_line(x) for x in ["来源：东山镇党委"] * extra + text]
        _, used = labels.find_hits(cleaned)
        assert _title(cleaned) == title_index(cleaned, used), cleaned[:3]


def test_title_after_a_long_metadata_block_is_found() -> None:
    lines = ["作者：张三"] * 15 + ["春耕时节话党建", "正文第一段。" * 10]
    items = lines_to_items(lines)
    assert [it.kind for it in items][-2:] == ["title", "paragraph"]
