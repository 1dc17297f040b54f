#!/usr/bin/env python3
"""Build the GDPR evaluation set fixtures/pii/gdpr/<lang>.jsonl from its
hand-written sources fixtures/pii/gdpr/src/<lang>.txt.

The set labels people's names, street addresses, dates of birth and terms of
the special categories of personal data (GDPR art. 9, plus art. 10 criminal
matters), with hard negatives.  See fixtures/pii/gdpr/README.md for the
source format and the labelling conventions.

Source format (UTF-8):

    # comment
    === de-g001 country=DE
    Text with a [[PERSON|Anna Müller]] and a {{place|Frankfurt am Main}}.
    More lines of the same document.

Labelled span: [[TYPE|surface]], TYPE in PERSON, ADDRESS, DATE_OF_BIRTH,
SENSITIVE/<CAT>.  Hard negative: {{kind|surface}}.

The script aborts with file:line on malformed input: unbalanced markup,
unknown type/kind/category, overlapping spans, empty surface, surface with
leading/trailing whitespace, a DATE_OF_BIRTH without letters in the 64 bytes
before it or without a year in 1900-2030, duplicate ids, bad ids or countries,
text not in Unicode NFC.  It also enforces the proximity rule of the SENSITIVE
labels: an anchor is a PERSON or ADDRESS span, an e-mail address or a phone
number (9+ digits) of the document, except a PERSON with a year 1000-1899
within 100 characters (a historical figure; numbers inside ADDRESS spans are
not years).  A SENSITIVE span must lie within 100 characters of an anchor;
general_sensitive and historical_sensitive negatives must not, and a
historical_sensitive negative needs a year 1000-1899 within 100 characters.
After writing, every file is read back and each span is checked against the
text on UTF-8 bytes.

Usage:
    python3 scripts/make-gdpr-fixtures.py [--update-readme]

Prints counts per language; --update-readme also writes them into
fixtures/pii/gdpr/README.md between the <!-- counts:begin/end --> markers.
Output is deterministic.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GDPR_DIR = ROOT / "fixtures" / "pii" / "gdpr"
SRC_DIR = GDPR_DIR / "src"
README = GDPR_DIR / "README.md"

TYPES = ["PERSON", "ADDRESS", "DATE_OF_BIRTH", "SENSITIVE"]
CATEGORIES = ["HEALTH", "RELIGION", "POLITICS", "SEXUAL_ORIENTATION", "ETHNIC_ORIGIN",
              "TRADE_UNION", "GENETIC", "BIOMETRIC", "CRIMINAL"]
KINDS = ["place", "brand", "common_noun", "sentence_initial", "street_as_place",
         "non_birth_date", "general_sensitive", "historical_sensitive", "organisation"]

# Member states in which each official EU language is spoken (official or
# widely used); a document's country must be one of them.
COUNTRIES = {
    "bg": {"BG"}, "cs": {"CZ"}, "da": {"DK"}, "de": {"DE", "AT", "LU", "BE"},
    "el": {"GR", "CY"}, "en": {"IE", "MT"}, "es": {"ES"}, "et": {"EE"},
    "fi": {"FI"}, "fr": {"FR", "BE", "LU"}, "ga": {"IE"}, "hr": {"HR"},
    "hu": {"HU"}, "it": {"IT"}, "lt": {"LT"}, "lv": {"LV"}, "mt": {"MT"},
    "nl": {"NL", "BE"}, "pl": {"PL"}, "pt": {"PT"}, "ro": {"RO"},
    "sk": {"SK"}, "sl": {"SI"}, "sv": {"SE", "FI"},
}

DOB_CONTEXT_BYTES = 64   # a birth phrase must stand this close before a DATE_OF_BIRTH
SENSITIVE_WINDOW = 100   # characters between a SENSITIVE term and the person it is about

HEADER_RE = re.compile(r"=== (\S+) country=([A-Z]{2})\s*$")
MARKUP_RE = re.compile(r"\[\[([^\[\]{}|\n]*)\|([^\[\]{}|]*)\]\]|\{\{([^\[\]{}|\n]*)\|([^\[\]{}|]*)\}\}")
FORBIDDEN = ("[[", "]]", "{{", "}}", "|")
YEAR_RE = re.compile(r"(?<!\d)\d{4}(?!\d)")
OLD_YEAR_RE = re.compile(r"(?<![0-9A-Za-z])1[0-8]\d\d(?![0-9A-Za-z])")
EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# A phone number for the proximity rule: starts with + or a digit, at least 9 digits.
PHONE_RE = re.compile(r"\+?\d[\d \u00a0/().-]{7,}\d")


class SourceError(Exception):
    pass


def fail(path: Path, line: int, msg: str):
    raise SourceError(f"{path.relative_to(ROOT)}:{line}: {msg}")


def read_documents(path: Path):
    """Yield (doc_id, country, header_line, [(line_no, line_text), ...])."""
    raw = path.read_bytes()
    if raw.startswith(b"\xef\xbb\xbf"):
        fail(path, 1, "byte order mark")
    try:
        content = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        fail(path, content_line(raw, exc.start), f"not UTF-8 ({exc.reason})")
    if "\r" in content:
        fail(path, content[: content.index("\r")].count("\n") + 1, "carriage return")
    doc = None
    for no, line in enumerate(content.split("\n"), start=1):
        if line.startswith("#"):
            continue
        if line.startswith("==="):
            m = HEADER_RE.fullmatch(line)
            if not m:
                fail(path, no, f"bad document header {line!r} (want '=== <lang>-gNNN country=CC')")
            if doc is not None:
                yield doc
            doc = (m.group(1), m.group(2), no, [])
            continue
        if doc is None:
            if line.strip():
                fail(path, no, "text before the first '===' header")
            continue
        doc[3].append((no, line))
    if doc is not None:
        yield doc


def content_line(raw: bytes, pos: int) -> int:
    return raw[:pos].count(b"\n") + 1


def parse_document(path: Path, lang: str, doc_id: str, country: str, header_no: int, lines):
    while lines and not lines[-1][1].strip():
        lines.pop()
    if not lines:
        fail(path, header_no, f"{doc_id}: empty document")
    raw = "\n".join(text for _, text in lines)
    line_starts = []  # (offset in raw, source line number)
    off = 0
    for no, text in lines:
        line_starts.append((off, no))
        off += len(text) + 1

    def line_of(raw_pos: int) -> int:
        result = line_starts[0][1]
        for start, no in line_starts:
            if start > raw_pos:
                break
            result = no
        return result

    if not unicodedata.is_normalized("NFC", raw):
        fail(path, header_no, f"{doc_id}: text is not in Unicode NFC")

    out = []          # pieces of the plain text
    out_bytes = 0     # byte length of the plain text so far
    out_chars = 0
    spans, negatives = [], []
    items = []        # (start_byte, end_byte, start_char, end_char, is_span, label, line)
    pos = 0
    for m in MARKUP_RE.finditer(raw):
        gap = raw[pos:m.start()]
        check_gap(path, line_of, pos, gap, doc_id)
        out.append(gap)
        out_bytes += len(gap.encode("utf-8"))
        out_chars += len(gap)
        line = line_of(m.start())
        if m.group(1) is not None:
            label, surface, is_span = m.group(1), m.group(2), True
        else:
            label, surface, is_span = m.group(3), m.group(4), False
        if not surface:
            fail(path, line, f"{doc_id}: empty surface in {m.group(0)!r}")
        if surface != surface.strip():
            fail(path, line, f"{doc_id}: surface with leading/trailing whitespace in {m.group(0)!r}")
        if is_span:
            if label.startswith("SENSITIVE/"):
                cat = label[len("SENSITIVE/"):]
                if cat not in CATEGORIES:
                    fail(path, line, f"{doc_id}: unknown SENSITIVE category {cat!r}")
                typ, subtype = "SENSITIVE", cat
            elif label in ("PERSON", "ADDRESS", "DATE_OF_BIRTH"):
                typ, subtype = label, ""
            else:
                fail(path, line, f"{doc_id}: unknown span type {label!r}")
        elif label not in KINDS:
            fail(path, line, f"{doc_id}: unknown negative kind {label!r}")
        start = out_bytes
        size = len(surface.encode("utf-8"))
        item = (start, start + size, out_chars, out_chars + len(surface), is_span, line)
        if is_span:
            spans.append(({"start": start, "end": start + size, "type": typ, "subtype": subtype},
                          item, surface))
        else:
            negatives.append(({"start": start, "end": start + size, "kind": label}, item, surface))
        items.append(item)
        out.append(surface)
        out_bytes += size
        out_chars += len(surface)
        pos = m.end()
    tail = raw[pos:]
    check_gap(path, line_of, pos, tail, doc_id)
    out.append(tail)
    text = "".join(out)
    for bad in FORBIDDEN:
        if bad in text:
            fail(path, header_no, f"{doc_id}: {bad!r} left in the text (unbalanced markup)")

    items.sort()
    for a, b in zip(items, items[1:]):
        if b[0] < a[1]:
            fail(path, b[5], f"{doc_id}: overlapping spans")

    tb = text.encode("utf-8")
    for span, item, surface in spans:
        if span["type"] == "DATE_OF_BIRTH":
            before = tb[max(0, span["start"] - DOB_CONTEXT_BYTES):span["start"]].decode("utf-8", "ignore")
            if not any(c.isalpha() for c in before):
                fail(path, item[5], f"{doc_id}: DATE_OF_BIRTH {surface!r} has no birth phrase "
                     f"in the {DOB_CONTEXT_BYTES} bytes before it")
            years = YEAR_RE.findall(surface)
            if len(years) != 1 or not 1900 <= int(years[0]) <= 2030:
                fail(path, item[5], f"{doc_id}: DATE_OF_BIRTH {surface!r} needs one year in 1900-2030")

    # The proximity rule for special-category terms, measured in characters.
    # A PERSON with a year before 1900 (1000-1899) within the window on either
    # side is a historical figure and anchors nothing.  Numbers inside ADDRESS
    # spans are postcodes or house numbers, not years ("1070 Wien", "LV-1005").
    no_addr = list(text)
    for s, it, _ in spans:
        if s["type"] == "ADDRESS":
            no_addr[it[2]:it[3]] = "_" * (it[3] - it[2])
    no_addr = "".join(no_addr)

    def historical(a0: int, a1: int) -> bool:
        window = no_addr[max(0, a0 - SENSITIVE_WINDOW):a1 + SENSITIVE_WINDOW]
        return OLD_YEAR_RE.search(window) is not None

    anchors = [(it[2], it[3]) for s, it, _ in spans
               if s["type"] == "ADDRESS" or (s["type"] == "PERSON" and not historical(it[2], it[3]))]
    anchors += [(m.start(), m.end()) for m in EMAIL_RE.finditer(text)]
    anchors += [(m.start(), m.end()) for m in PHONE_RE.finditer(text)
                if sum(c.isdigit() for c in m.group(0)) >= 9]

    def near(item) -> bool:
        return any(max(a0 - item[3], item[2] - a1) <= SENSITIVE_WINDOW for a0, a1 in anchors)

    for span, item, surface in spans:
        if span["type"] == "SENSITIVE" and not near(item):
            fail(path, item[5], f"{doc_id}: SENSITIVE {surface!r} is not within {SENSITIVE_WINDOW} "
                 "characters of a PERSON, ADDRESS, e-mail or phone (label it general_sensitive?)")
    for neg, item, surface in negatives:
        if neg["kind"] in ("general_sensitive", "historical_sensitive") and near(item):
            fail(path, item[5], f"{doc_id}: {neg['kind']} {surface!r} is within {SENSITIVE_WINDOW} "
                 "characters of a (non-historical) PERSON, ADDRESS, e-mail or phone")
        if neg["kind"] == "historical_sensitive" and not historical(item[2], item[3]):
            fail(path, item[5], f"{doc_id}: historical_sensitive {surface!r} has no year before 1900 "
                 f"within {SENSITIVE_WINDOW} characters")

    spans.sort(key=lambda s: s[0]["start"])
    negatives.sort(key=lambda s: s[0]["start"])
    record = {
        "id": doc_id,
        "lang": lang,
        "country": country,
        "types": TYPES,
        "text": text,
        "spans": [s for s, _, _ in spans],
        "negatives": [n for n, _, _ in negatives],
    }
    surfaces = [surface for _, _, surface in spans] + [surface for _, _, surface in negatives]
    return record, surfaces


def check_gap(path: Path, line_of, pos: int, gap: str, doc_id: str):
    for bad in FORBIDDEN:
        i = gap.find(bad)
        if i >= 0:
            fail(path, line_of(pos + i), f"{doc_id}: stray {bad!r} (unbalanced or malformed markup)")


def build_language(path: Path, seen_ids: dict):
    lang = path.stem
    if lang not in COUNTRIES:
        fail(path, 1, f"unknown language {lang!r} (file name must be <lang>.txt)")
    id_re = re.compile(re.escape(lang) + r"-g\d{3}")
    records = []
    for doc_id, country, header_no, lines in read_documents(path):
        if not id_re.fullmatch(doc_id):
            fail(path, header_no, f"bad id {doc_id!r} (want {lang}-gNNN)")
        if doc_id in seen_ids:
            fail(path, header_no, f"duplicate id {doc_id!r} (first at {seen_ids[doc_id]})")
        seen_ids[doc_id] = f"{path.relative_to(ROOT)}:{header_no}"
        if country not in COUNTRIES[lang]:
            fail(path, header_no, f"{doc_id}: country {country} is not one of "
                 f"{sorted(COUNTRIES[lang])} for {lang}")
        records.append(parse_document(path, lang, doc_id, country, header_no, lines))
    if not records:
        fail(path, 1, "no documents")
    return lang, records


def dump(record) -> str:
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


def verify(out_path: Path, records):
    lines = out_path.read_text(encoding="utf-8").split("\n")
    if lines[-1] != "":
        sys.exit(f"{out_path}: missing final newline")
    lines = lines[:-1]
    if len(lines) != len(records):
        sys.exit(f"{out_path}: {len(lines)} lines read back, {len(records)} written")
    for no, (line, (record, surfaces)) in enumerate(zip(lines, records), start=1):
        obj = json.loads(line)
        if list(obj) != ["id", "lang", "country", "types", "text", "spans", "negatives"]:
            sys.exit(f"{out_path}:{no}: wrong keys {list(obj)}")
        if obj != record:
            sys.exit(f"{out_path}:{no}: record differs after reading back")
        tb = obj["text"].encode("utf-8")
        got = [tb[s["start"]:s["end"]].decode("utf-8") for s in obj["spans"]]
        got += [tb[n["start"]:n["end"]].decode("utf-8") for n in obj["negatives"]]
        if sorted(got) != sorted(surfaces):
            sys.exit(f"{out_path}:{no}: {obj['id']}: byte offsets do not give the surfaces")
        for key in ("spans", "negatives"):
            starts = [s["start"] for s in obj[key]]
            if starts != sorted(starts):
                sys.exit(f"{out_path}:{no}: {key} not sorted by start")


def stats(all_records) -> str:
    rows = []
    totals = Counter()
    cat_rows = []
    cat_totals = Counter()
    kind_rows = []
    kind_totals = Counter()
    for lang, records in all_records:
        c = Counter()
        cats = Counter()
        kinds = Counter()
        c["docs"] = len(records)
        for record, _ in records:
            if not record["spans"] and not record["negatives"]:
                c["plain"] += 1
            for s in record["spans"]:
                c[s["type"]] += 1
                if s["subtype"]:
                    cats[s["subtype"]] += 1
            for n in record["negatives"]:
                kinds[n["kind"]] += 1
                c["negatives"] += 1
        totals.update(c)
        cat_totals.update(cats)
        kind_totals.update(kinds)
        rows.append([lang] + [c[k] for k in ["docs", "plain"] + TYPES + ["negatives"]])
        cat_rows.append([lang] + [cats[k] for k in CATEGORIES])
        kind_rows.append([lang] + [kinds[k] for k in KINDS])
    rows.append(["all"] + [totals[k] for k in ["docs", "plain"] + TYPES + ["negatives"]])
    cat_rows.append(["all"] + [cat_totals[k] for k in CATEGORIES])
    kind_rows.append(["all"] + [kind_totals[k] for k in KINDS])

    def table(head, body):
        lines = ["| " + " | ".join(head) + " |", "|" + "|".join(["---"] + ["--:"] * (len(head) - 1)) + "|"]
        for r in body:
            lines.append("| " + " | ".join(str(x) for x in r) + " |")
        return "\n".join(lines)

    parts = [
        "Documents and labelled spans per language (`plain`: documents with no span and no negative):",
        "",
        table(["lang", "docs", "plain"] + TYPES + ["negatives"], rows),
        "",
        "`SENSITIVE` spans per category:",
        "",
        table(["lang"] + CATEGORIES, cat_rows),
        "",
        "Hard negatives per kind:",
        "",
        table(["lang"] + KINDS, kind_rows),
    ]
    return "\n".join(parts) + "\n"


def update_readme(text: str):
    begin, end = "<!-- counts:begin -->", "<!-- counts:end -->"
    content = README.read_text(encoding="utf-8")
    i, j = content.find(begin), content.find(end)
    if i < 0 or j < i:
        sys.exit(f"{README}: no {begin} ... {end} block")
    content = content[: i + len(begin)] + "\n" + text + content[j:]
    README.write_text(content, encoding="utf-8", newline="\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--update-readme", action="store_true",
                    help="write the counts into fixtures/pii/gdpr/README.md")
    args = ap.parse_args()

    sources = sorted(SRC_DIR.glob("*.txt"))
    if not sources:
        sys.exit(f"no sources in {SRC_DIR}")
    seen_ids: dict = {}
    all_records = []
    try:
        for path in sources:
            all_records.append(build_language(path, seen_ids))
    except SourceError as exc:
        sys.exit(f"error: {exc}")
    for lang, records in all_records:
        out_path = GDPR_DIR / f"{lang}.jsonl"
        body = "".join(dump(record) + "\n" for record, _ in records)
        out_path.write_text(body, encoding="utf-8", newline="\n")
        verify(out_path, records)
    text = stats(all_records)
    sys.stdout.write(text)
    if args.update_readme:
        update_readme(text)


if __name__ == "__main__":
    main()
