"""Small text helpers shared by extractors, rules and templates."""

from __future__ import annotations

import re
from functools import lru_cache

# Han characters, for names and units: the basic block and Extensions A to G (䶮 U+4DAE, 𠇔 …).
# Rare characters are common enough in Chinese names that a pattern without them drops authors.
HAN = "\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0003134f"
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]")
_LATIN_WORD = re.compile(r"[A-Za-z0-9]+(?:[-'.][A-Za-z0-9]+)*")


def word_count(text: str) -> int:
    """CJK characters plus Latin words (the count editors use for 字数)."""
    cjk = len(_CJK.findall(text))
    latin = len(_LATIN_WORD.findall(_CJK.sub(" ", text)))
    return cjk + latin


_SPACES = re.compile(r"[ \t]+")


@lru_cache(maxsize=8192)
def clean_line(text: str) -> str:
    """Normalise one line: ideographic and no-break spaces to one space, trimmed; punctuation kept.

    Cached: extractors look at the same few dozen lines many times.
    """
    text = text.replace("\u3000", " ").replace("\xa0", " ").replace("\u200b", "")
    if "  " in text or "\t" in text:
        text = _SPACES.sub(" ", text)
    return text.strip()



def file_stem(filename: str | None) -> str:
    """A display file name without folders and extension ("稿件/春耕.docx" → "春耕")."""
    name = (filename or "").replace("\\", "/").rsplit("/", 1)[-1]
    return name.rsplit(".", 1)[0] if "." in name else name


_CJK_NAME = re.compile(r"[\u4e00-\u9fff]")


def decode_name(raw: bytes) -> str | None:
    """A file name in unknown 8-bit encoding (zip, RAR 4, TNEF): UTF-8 when it yields CJK or is
    ASCII, else GBK (GB18030); None when neither decodes. Short GBK names can be valid UTF-8
    ("图" is CD BC, i.e. "ͼ"), so UTF-8 wins only with CJK."""
    try:
        as_utf8 = raw.decode("utf-8")
        if raw.isascii() or _CJK_NAME.search(as_utf8):
            return as_utf8
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("gb18030")
    except UnicodeDecodeError:
        return None


_SURROGATES = re.compile(r"[\ud800-\udfff]")
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_LINE_CONTROLS = re.compile(r"[\x00-\x1f\x7f\x85\u2028\u2029]+")


def storable(text: str) -> str:
    """Text every database accepts: no NUL (PostgreSQL refuses it), no lone surrogates (not UTF-8)."""
    if "\x00" in text:
        text = text.replace("\x00", "")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = _SURROGATES.sub("\ufffd", text)
    return text


def clean_body(text: str) -> str:
    """A decoded body: storable, and without the C0 controls no editor wants (tabs and line ends stay)."""
    return _CONTROLS.sub("", storable(text))


def one_line(text: str) -> str:
    """A header value or a name: storable, on one line (CR, LF and every other control become a space)."""
    return _LINE_CONTROLS.sub(" ", storable(text)).strip()


MAX_FILENAME = 180


def safe_filename(name: str, fallback: str = "attachment") -> str:
    """An attachment name fit to show and to send on, never a path: one line, the last path component."""
    text = one_line(name).replace("\\", "/").rsplit("/", 1)[-1].strip()
    if len(text) > MAX_FILENAME:  # keep the extension: it says what the file is
        stem, dot, ext = text.rpartition(".")
        text = stem[: MAX_FILENAME - len(ext) - 1] + dot + ext if dot and len(ext) <= 10 else text[:MAX_FILENAME]
    return fallback if text.strip(". ") == "" else text
