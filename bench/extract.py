#!/usr/bin/env python3
"""Benchmark: manuscript extraction per format, beside the bare library call on the same file.

Columns, all medians over N runs, each measurement in a fresh process so peaks don't mix:

- file: what we make of the file alone: `read_manuscript` (bytes → title, headings, paragraphs,
  tables, photos in document order) plus `find_metadata` over its lines (labels, 落款, credits);
- mail: `intake.extract.extract` on the whole mail (also the mail body, its HTML, large-attachment
  links, photo inspection, caption matching, secrecy markers, the extraction deadline);
- bare: the library call a minimal reader would make on the same file: python-docx open +
  paragraph walk; pypdf text of every page; charset-normalizer best() + line walk for .txt (the
  text counterpart of python-docx's paragraph walk); catdoc for .doc.

The .txt rows cover the three encodings at two lengths: the corpus briefs (about 300 characters)
and a full-length article (bench/data/long-article.txt, about 1,500 characters, 43 lines).

    .venv/bin/python bench/extract.py [--runs 30]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "tests" / "data" / "corpus"
ARTICLE = REPO / "bench" / "data" / "long-article.txt"

# row → (extension, a corpus mail whose manuscript is in that format, replacement text encoding
# or "native" for the built-in .doc reader)
CASES = {
    "docx": ("docx", "01-docx-top-labels-163.eml", None),
    "pdf": ("pdf", "13-pdf-spaces-shending-outlook.eml", None),
    "txt gbk brief": ("txt", "17-txt-gbk-luokuan-zhibi-163.eml", None),
    "txt utf-8 brief": ("txt", "11-txt-utf8-comma-dashes-qq.eml", None),
    "txt utf-16 brief": ("txt", "18-txt-utf16-outlook.eml", None),
    "txt gbk article": ("txt", "17-txt-gbk-luokuan-zhibi-163.eml", "gb18030"),
    "txt utf-8 article": ("txt", "11-txt-utf8-comma-dashes-qq.eml", "utf-8"),
    "txt utf-16 article": ("txt", "18-txt-utf16-outlook.eml", "utf-16"),
    "doc": ("doc", "12-doc-he-qianfa-163.eml", None),
    "doc native": ("doc", "12-doc-he-qianfa-163.eml", "native"),
}

CHILD = r"""
import dataclasses, io, json, resource, statistics, sys, time
sys.path.insert(0, {repo!r})
from intake.mail import parse_mail
from intake.extract import extract
from intake.extract.choose import read_manuscript
from intake.extract.labels import label_matches
from intake.extract.limits import ExtractLimits
from intake.extract.metadata import find_metadata
from intake.text import clean_line
mode, path, ext, encoding, article, runs = {mode!r}, {path!r}, {ext!r}, {encoding!r}, {article!r}, {runs}
mail = parse_mail(open(path, "rb").read())
att = next(a for a in mail.attachments if a.filename.lower().endswith("." + ext))
if encoding == "native":  # .doc through the built-in Word 97-2003 reader, as without LibreOffice
    import intake.extract.doc
    intake.extract.doc.soffice_convert = lambda *args, **kwargs: None
elif encoding:  # the full-length article in place of the corpus brief, same mail around it
    new = dataclasses.replace(att, payload=open(article, encoding="utf-8").read().encode(encoding))
    mail = dataclasses.replace(mail, attachments=tuple(new if a is att else a for a in mail.attachments))
    att = new
payload = att.payload
limits = ExtractLimits()

def bare():
    if ext == "docx":
        import docx
        return sum(len(p.text) for p in docx.Document(io.BytesIO(payload)).paragraphs)
    if ext == "pdf":
        import pypdf
        return sum(len(p.extract_text() or "") for p in pypdf.PdfReader(io.BytesIO(payload)).pages)
    if ext == "txt":
        import charset_normalizer
        text = str(charset_normalizer.from_bytes(payload).best())
        return [line.strip() for line in text.splitlines() if line.strip()]
    if ext == "doc":
        import subprocess, tempfile
        with tempfile.NamedTemporaryFile(suffix=".doc") as fh:
            fh.write(payload); fh.flush()
            return len(subprocess.run(["catdoc", "-w", "-d", "utf-8", fh.name], capture_output=True).stdout)


def cold():
    # A real worker sees each mail once: start every run with cold per-text caches (compiled
    # XPath and templates stay warm, as they do in a long-running worker).
    clean_line.cache_clear()
    label_matches.cache_clear()


def file_():
    cold()
    ms = read_manuscript(att, limits)
    return find_metadata([text for _, text in ms.text_lines()], [], "", ms.filename)


def mail_():
    cold()
    return extract(mail)


fn = {{"bare": bare, "file": file_, "mail": mail_}}[mode]
fn()  # warm-up: imports and caches are not what we measure
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
times = []
for _ in range(runs):
    t = time.perf_counter(); fn(); times.append(time.perf_counter() - t)
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - base
print(json.dumps({{"median_ms": statistics.median(times) * 1000, "peak_rss_kb": peak}}))
"""


def measure(mode: str, path: Path, ext: str, encoding: str | None, runs: int) -> dict[str, float]:
    code = CHILD.format(repo=str(REPO), mode=mode, path=str(path), ext=ext, encoding=encoding,
                        article=str(ARTICLE), runs=runs)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    print(f"{'format':<20}{'file':>11}{'mail':>11}{'bare':>11}{'file/bare':>11}{'mail/bare':>11}"
          f"{'mail peak RSS':>15}{'bare peak RSS':>15}")
    for row, (fmt, name, encoding) in CASES.items():
        path = CORPUS / name
        runs = max(3, args.runs // 10) if row == "doc" else args.runs
        file_, mail = (measure(m, path, fmt, encoding, runs) for m in ("file", "mail"))
        bare = measure("bare", path, fmt, encoding, runs)
        print(f"{row:<20}{file_['median_ms']:>8.3f} ms{mail['median_ms']:>8.3f} ms{bare['median_ms']:>8.3f} ms"
              f"{file_['median_ms'] / bare['median_ms']:>11.2f}{mail['median_ms'] / bare['median_ms']:>11.2f}"
              f"{mail['peak_rss_kb'] / 1024:>12.1f} MB{bare['peak_rss_kb'] / 1024:>12.1f} MB")
    print("file: read_manuscript + find_metadata of the file; mail: extract() of the whole mail; bare: python-docx "
          "open + paragraph walk, pypdf text of every page, charset-normalizer best() + line walk, catdoc for .doc "
          "(ours converts with LibreOffice to keep images and headings; 'doc native' is the built-in reader)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
