#!/usr/bin/env python3
"""Benchmark: manuscript extraction per format, beside the bare library call on the same file.

For each format (.docx, .pdf, .txt, and .doc via LibreOffice when installed) it prints the
median wall time over N runs and the peak RSS growth, for `intake.extract.extract` on the
whole mail and for the bare call (python-docx open + paragraph walk; pypdf text of every
page; bytes.decode). Each measurement runs in a fresh process so peaks don't mix.

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

CASES = {  # row → (extension, a corpus mail whose manuscript is in that format)
    "docx": ("docx", "01-docx-top-labels-163.eml"),
    "pdf": ("pdf", "13-pdf-spaces-shending-outlook.eml"),
    "txt utf-8": ("txt", "11-txt-utf8-comma-dashes-qq.eml"),
    "txt gbk": ("txt", "17-txt-gbk-luokuan-zhibi-163.eml"),
    "txt utf-16": ("txt", "18-txt-utf16-outlook.eml"),
    "doc": ("doc", "12-doc-he-qianfa-163.eml"),
}

CHILD = r"""
import io, json, resource, statistics, sys, time
sys.path.insert(0, {repo!r})
from intake.mail import parse_mail
from intake.extract import extract
mode, path, ext, runs = {mode!r}, {path!r}, {ext!r}, {runs}
mail = parse_mail(open(path, "rb").read())
payload = next(a.payload for a in mail.attachments if a.filename.lower().endswith("." + ext))

def bare():
    if ext == "docx":
        import docx
        return sum(len(p.text) for p in docx.Document(io.BytesIO(payload)).paragraphs)
    if ext == "pdf":
        import pypdf
        return sum(len(p.extract_text() or "") for p in pypdf.PdfReader(io.BytesIO(payload)).pages)
    if ext == "txt" and {mode!r} == "bare":
        import charset_normalizer
        return len(str(charset_normalizer.from_bytes(payload).best()))
    if ext == "txt":
        for cs in ("utf-8", "gb18030"):
            try:
                return len(payload.decode(cs))
            except UnicodeDecodeError:
                pass
    if ext == "doc":
        import subprocess, tempfile
        with tempfile.NamedTemporaryFile(suffix=".doc") as fh:
            fh.write(payload); fh.flush()
            return len(subprocess.run(["catdoc", "-w", "-d", "utf-8", fh.name], capture_output=True).stdout)

from intake.extract.labels import label_matches
from intake.text import clean_line


def ours():
    # A real worker sees each mail once: start every run with cold per-text caches (compiled
    # XPath and templates stay warm, as they do in a long-running worker).
    clean_line.cache_clear()
    label_matches.cache_clear()
    return extract(mail)


fn = {{"bare": bare, "decode": bare}}.get(mode) or ours
fn()  # warm-up: imports and caches are not what we measure
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
times = []
for _ in range(runs):
    t = time.perf_counter(); fn(); times.append(time.perf_counter() - t)
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - base
print(json.dumps({{"median_ms": statistics.median(times) * 1000, "peak_rss_kb": peak}}))
"""


def measure(mode: str, path: Path, ext: str, runs: int) -> dict[str, float]:
    code = CHILD.format(repo=str(REPO), mode=mode, path=str(path), ext=ext, runs=runs)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    print(f"{'format':<11}{'intake median':>15}{'bare median':>13}{'ratio':>8}"
          f"{'intake peak RSS':>18}{'bare peak RSS':>15}")
    for row, (fmt, name) in CASES.items():
        path = CORPUS / name
        runs = max(3, args.runs // 10) if fmt == "doc" else args.runs
        ours, bare = measure("intake", path, fmt, runs), measure("bare", path, fmt, runs)
        ratio = ours["median_ms"] / bare["median_ms"] if bare["median_ms"] else float("nan")
        print(f"{row:<11}{ours['median_ms']:>12.2f} ms{bare['median_ms']:>10.2f} ms{ratio:>8.2f}"
              f"{ours['peak_rss_kb'] / 1024:>15.1f} MB{bare['peak_rss_kb'] / 1024:>12.1f} MB   ({path.name})")
    decode = measure("decode", CORPUS / CASES["txt gbk"][1], "txt", args.runs)
    print(f"txt gbk, bare strict UTF-8/GB18030 decode only (no library): {decode['median_ms']:.3f} ms")
    print("bare: python-docx open + paragraph walk; pypdf text of every page; charset-normalizer best() for .txt; "
          "catdoc for .doc (ours converts with LibreOffice to keep images and headings)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
