#!/usr/bin/env python3
"""Regenerate the bundled fixture corpus under fixtures/corpus/.

Deterministic and rerunnable: the same dev corpus and the same library
versions give byte-identical files (gzip members are written with mtime=0;
the Parquet file embeds the pyarrow version in its footer, so its bytes can
change with another pyarrow release, its contents do not).

Source: the dev corpus in ../shared/corpora/dev/*.jsonl (one JSON object per
line: id, text, lang, source, licence).  A record is used only if
  * its licence has no NonCommercial clause (no "NC" in the licence string),
  * its text is at most MAX_TEXT_BYTES long, and
  * less than MAX_SHARED_SHARE of its text is made of paragraphs that also
    occur verbatim in another language's file (untranslated help pages);
from the usable records of a language, every k-th one in file order is taken.

Needs: Python >= 3.11, pyarrow and zstandard (pip install pyarrow zstandard);
they are only needed to regenerate the fixtures, not to use them.

Usage:
    python3 scripts/make-fixtures.py [--source-dir DIR] [--out DIR]
"""

from __future__ import annotations

import argparse
import base64
import datetime as dt
import gzip
import hashlib
import json
import os
import random
import sys
import uuid
from pathlib import Path

try:
    import pyarrow as pa
    import pyarrow.parquet as pq
    import zstandard
except ImportError as exc:  # pragma: no cover - environment problem
    sys.exit(f"make-fixtures.py needs pyarrow and zstandard ({exc}); "
             "run: pip install pyarrow zstandard")

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SOURCE = REPO_ROOT.parent / "shared" / "corpora" / "dev"
DEFAULT_OUT = REPO_ROOT / "fixtures" / "corpus"

FIELDS = ("id", "text", "lang", "source", "licence")
# Documents longer than this (UTF-8 bytes of text) are skipped, which keeps
# the whole fixture set near 300 kB of text while lengths still vary from a
# few dozen bytes to 4 kB.
MAX_TEXT_BYTES = 4000
# Namespace for the deterministic WARC record ids (uuid5).
WARC_NS = uuid.uuid5(uuid.NAMESPACE_URL, "https://example.org/eurocorpus/fixtures/wet")


# --------------------------------------------------------------------------
# reading and selecting
# --------------------------------------------------------------------------

# A document is left out when at least this share of its characters sits in
# paragraphs that also occur verbatim in another language's file: those are
# untranslated (English) LibreOffice help pages or pages of bare identifiers
# (e.g. lohelp-sv-00048 == lohelp-fi-00049, "Line breaks / Symbolic name ..."),
# which must not appear in a fixture labelled "sv" or "fr".
MAX_SHARED_SHARE = 0.5

_SHARED_PARAS: set[str] | None = None


def shared_paragraphs(source_dir: Path) -> set[str]:
    """Paragraphs (blank-line separated) found in more than one language file."""
    global _SHARED_PARAS
    if _SHARED_PARAS is None:
        langs_of: dict[str, set[str]] = {}
        for f in sorted(source_dir.glob("*.jsonl")):
            with open(f, encoding="utf-8") as fh:
                for line in fh:
                    if line.strip():
                        for para in json.loads(line)["text"].split("\n\n"):
                            langs_of.setdefault(para, set()).add(f.stem)
        _SHARED_PARAS = {p for p, langs in langs_of.items() if len(langs) > 1}
    return _SHARED_PARAS


def shared_share(text: str, shared: set[str]) -> float:
    paras = text.split("\n\n")
    total = sum(len(p) for p in paras) or 1
    return sum(len(p) for p in paras if p in shared) / total


def load(source_dir: Path, lang: str) -> list[tuple[dict, str]]:
    """All usable (record, raw line) pairs of one language, in file order."""
    shared = shared_paragraphs(source_dir)
    out = []
    with open(source_dir / f"{lang}.jsonl", encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line:
                continue
            rec = json.loads(line)
            if tuple(rec) != FIELDS:
                raise SystemExit(f"{lang}.jsonl: unexpected fields {tuple(rec)}")
            if "NC" in rec["licence"]:
                continue  # NonCommercial licences are not bundled
            if len(rec["text"].encode("utf-8")) > MAX_TEXT_BYTES:
                continue
            if shared_share(rec["text"], shared) >= MAX_SHARED_SHARE:
                continue  # untranslated / identifier-only page
            out.append((rec, line))
    return out


def every_kth(recs: list, n: int, offset: int = 0) -> list:
    """n records in file order: offset, offset+k, offset+2k, ... (k = len // n)."""
    k = max(1, len(recs) // n)
    picked = [recs[i] for i in range(offset, len(recs), k)][:n]
    if len(picked) != n:
        raise SystemExit(f"wanted {n} records, only {len(picked)} available")
    return picked


def dumps(rec: dict) -> str:
    """Same serialisation as the dev corpus (UTF-8, default separators)."""
    return json.dumps({f: rec[f] for f in FIELDS}, ensure_ascii=False)


# --------------------------------------------------------------------------
# writing
# --------------------------------------------------------------------------

def write_bytes(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def jsonl_bytes(lines: list[str]) -> bytes:
    return "".join(line + "\n" for line in lines).encode("utf-8")


def gz(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=9, mtime=0)


def zst(data: bytes) -> bytes:
    cctx = zstandard.ZstdCompressor(level=19, write_checksum=True, write_content_size=True)
    return cctx.compress(data)


SUMMARY: list[tuple[str, int, str, int, int]] = []


def note(path: Path, out_root: Path, docs: int, langs: list[str], text_bytes: int) -> None:
    SUMMARY.append((str(path.relative_to(out_root)), docs, ",".join(langs),
                    text_bytes, path.stat().st_size))


def text_len(recs: list[dict]) -> int:
    return sum(len(r["text"].encode("utf-8")) for r in recs)


# --------------------------------------------------------------------------
# fixtures
# --------------------------------------------------------------------------

def make_jsonl(src: Path, out: Path) -> None:
    jdir = out / "jsonl"

    # de.jsonl: 40 docs + 2 exact duplicates (same text/lang/source/licence,
    # different id) for dedup tests.  The copies are not adjacent to the
    # originals.
    de = every_kth(load(src, "de"), 40)
    lines = [raw for _, raw in de]
    for rec, raw in de:
        assert dumps(rec) == raw, "dev corpus serialisation changed"
    dup_a = dict(de[5][0], id=de[5][0]["id"] + "-dup")
    dup_b = dict(de[33][0], id=de[33][0]["id"] + "-dup")
    lines.insert(21, dumps(dup_a))   # copy of line 6 (de[5]) becomes line 22
    lines.append(dumps(dup_b))       # copy of line 35 (de[33]) becomes line 42, the last
    path = jdir / "de.jsonl"
    write_bytes(path, jsonl_bytes(lines))
    recs = [r for r, _ in de] + [dup_a, dup_b]
    note(path, out, len(lines), ["de"], text_len(recs))

    fr = every_kth(load(src, "fr"), 40)
    path = jdir / "fr.jsonl.gz"
    write_bytes(path, gz(jsonl_bytes([raw for _, raw in fr])))
    note(path, out, len(fr), ["fr"], text_len([r for r, _ in fr]))

    es = every_kth(load(src, "es"), 40)
    path = jdir / "es.jsonl.zst"
    write_bytes(path, zst(jsonl_bytes([raw for _, raw in es])))
    note(path, out, len(es), ["es"], text_len([r for r, _ in es]))

    # English Web Treebank: web, e-mail, reviews, answers ("mixed" genres).
    # Offset 5 of the stride picks up several documents carrying real e-mail
    # addresses and URLs (material for the GDPR/PII filter).
    en = every_kth(load(src, "en"), 30, offset=5)
    path = jdir / "en-mixed.json.gz"
    write_bytes(path, gz(jsonl_bytes([raw for _, raw in en])))
    note(path, out, len(en), ["en"], text_len([r for r, _ in en]))


def make_parquet(src: Path, out: Path) -> None:
    recs = [r for r, _ in every_kth(load(src, "nl"), 40)]
    recs += [r for r, _ in every_kth(load(src, "pt"), 40)]
    table = pa.table({f: pa.array([r[f] for r in recs], type=pa.string()) for f in FIELDS})
    path = out / "parquet" / "nl-pt.parquet"
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    pq.write_table(table, tmp, compression="zstd", row_group_size=25)
    os.replace(tmp, path)
    note(path, out, len(recs), ["nl", "pt"], text_len(recs))


def make_text(src: Path, out: Path) -> None:
    for lang in ("mt", "ga", "sl"):
        for i, (rec, _) in enumerate(every_kth(load(src, lang), 2), start=1):
            text = rec["text"]
            if not text.endswith("\n"):
                text += "\n"
            path = out / "text" / f"{lang}-{i:03d}.txt"
            write_bytes(path, text.encode("utf-8"))
            note(path, out, 1, [lang], len(rec["text"].encode("utf-8")))


# ---- WET ------------------------------------------------------------------

WET_LANGS = (("sv", "swe"), ("fi", "fin"), ("cs", "ces"))
HOSTS = ("www.example.org", "example.com", "blog.example.net", "news.example.org",
         "www.example.com", "example.net", "forum.example.org")
SECTIONS = {"sv": ("artiklar", "blogg", "hjalp"), "fi": ("artikkelit", "blogi", "ohje"),
            "cs": ("clanky", "blog", "napoveda")}


def warc_record(headers: list[tuple[str, str]], block: bytes) -> bytes:
    head = "WARC/1.0\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers) + "\r\n"
    return head.encode("utf-8") + block + b"\r\n\r\n"


def warc_date(t: dt.datetime) -> str:
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def make_wet(src: Path, out: Path) -> None:
    rng = random.Random(20240305)  # only for the synthetic dates / URL shapes
    base = dt.datetime(2024, 3, 5, 0, 0, 0)

    per_lang = {lang: [r for r, _ in every_kth(load(src, lang), 15)] for lang, _ in WET_LANGS}
    # interleave sv, fi, cs, sv, fi, cs, ... like a crawl segment mixes languages
    docs = [(lang, iso3, per_lang[lang][i]) for i in range(15) for lang, iso3 in WET_LANGS]

    members = []
    info = ("Software-Info: eurocorpus scripts/make-fixtures.py (synthetic sample)\r\n"
            "Extracted-Date: Tue, 05 Mar 2024 00:00:00 GMT\r\n"
            "robots: checked via crawler-commons (synthetic)\r\n"
            "isPartOf: EUROCORPUS-FIXTURE-2024-10\r\n"
            "operator: eurocorpus fixtures\r\n"
            "description: Synthetic WET sample; texts are real (UD treebanks, LibreOffice help), "
            "URLs, dates and record ids are made up\r\n"
            "publisher: eurocorpus\r\n").encode("utf-8")
    members.append(warc_record([
        ("WARC-Type", "warcinfo"),
        ("WARC-Date", warc_date(base)),
        ("WARC-Filename", "sample.warc.wet.gz"),
        ("WARC-Record-ID", f"<urn:uuid:{uuid.uuid5(WARC_NS, 'warcinfo')}>"),
        ("Content-Type", "application/warc-fields"),
        ("Content-Length", str(len(info))),
    ], info))

    text_bytes = 0
    for n, (lang, iso3, rec) in enumerate(docs):
        content = rec["text"].encode("utf-8")
        text_bytes += len(content)
        host = HOSTS[n % len(HOSTS)]
        scheme = "https" if n % 4 else "http"
        section = SECTIONS[lang][(n // 3) % 3]
        path = f"/{lang}/{section}/{rec['id']}"
        if n % 5 == 0:
            path += f"?page={n % 3 + 1}"
        elif n % 5 == 1:
            path += ".html"
        when = base + dt.timedelta(seconds=rng.randrange(0, 4 * 86400))
        digest = base64.b32encode(hashlib.sha1(content).digest()).decode("ascii")
        members.append(warc_record([
            ("WARC-Type", "conversion"),
            ("WARC-Target-URI", f"{scheme}://{host}{path}"),
            ("WARC-Date", warc_date(when)),
            ("WARC-Record-ID", f"<urn:uuid:{uuid.uuid5(WARC_NS, 'conversion/' + rec['id'])}>"),
            ("WARC-Refers-To", f"<urn:uuid:{uuid.uuid5(WARC_NS, 'response/' + rec['id'])}>"),
            ("WARC-Block-Digest", f"sha1:{digest}"),
            ("WARC-Identified-Content-Language", iso3),
            ("Content-Type", "text/plain"),
            ("Content-Length", str(len(content))),
        ], content))

    # Common Crawl style: every record is its own gzip member, concatenated.
    path = out / "wet" / "sample.warc.wet.gz"
    write_bytes(path, b"".join(gz(m) for m in members))
    note(path, out, len(docs), [lang for lang, _ in WET_LANGS], text_bytes)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--source-dir", type=Path, default=DEFAULT_SOURCE,
                    help=f"dev corpus directory (default: {DEFAULT_SOURCE})")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT,
                    help=f"output directory (default: {DEFAULT_OUT})")
    args = ap.parse_args()
    src, out = args.source_dir, args.out.resolve()
    if not src.is_dir():
        sys.exit(f"source dir {src} not found (see --source-dir)")

    make_jsonl(src, out)
    make_parquet(src, out)
    make_text(src, out)
    make_wet(src, out)

    print("| file | docs | langs | text bytes | file bytes |")
    print("|---|---:|---|---:|---:|")
    for name, docs, langs, tb, fb in SUMMARY:
        print(f"| `{name}` | {docs} | {langs} | {tb} | {fb} |")
    print(f"| **total** | {sum(s[1] for s in SUMMARY)} | | {sum(s[3] for s in SUMMARY)} "
          f"| {sum(s[4] for s in SUMMARY)} |")


if __name__ == "__main__":
    main()
