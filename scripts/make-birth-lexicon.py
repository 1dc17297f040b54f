#!/usr/bin/env python3
"""Build src/pii/birth_dates.tsv, the lexicon of the DATE_OF_BIRTH detector.

The detector reports a date of birth when a date follows a phrase that
introduces one ("born on 12 March 1980", "geboren am 3.4.1975", "ur. 5 stycznia
1990").  Per language the file holds

  trigger    hand-written phrases that introduce a birth date (TRIGGERS below),
  m01..m12   every CLDR spelling of each month name (so "12 marca" is a date),
  order      the usual order of day, month and year in numeric dates.

Month names and the order come from Unicode CLDR through the Python package
Babel; the CLDR and Babel versions are written into the file header, because
another Babel can give other bytes.  See docs/pii-birth-dates.md.

Usage:
  python3 -m pip install babel
  python3 scripts/make-birth-lexicon.py [--out src/pii/birth_dates.tsv] [--check]

--check regenerates in memory and exits 1 if the file on disk differs.
Output is deterministic: the same Babel version gives the same bytes.
"""

import argparse
import re
import sys
import unicodedata
from pathlib import Path

import babel
from babel import Locale
from babel.core import get_cldr_version

ROOT = Path(__file__).resolve().parent.parent

# The 24 official EU languages, then Norwegian, Icelandic, Catalan, Basque, Galician.
LANGS = sorted(
    "bg cs da de el en es et fi fr ga hr hu it lt lv mt nl pl pt ro sk sl sv "
    "no is ca eu gl".split()
)

# Regional locales whose month spellings are common in European text and differ
# from the main locale: de_AT has "Jänner", en_GB/en_IE abbreviate "Sept".  The
# others add nothing today but keep the lexicon right if CLDR changes.  Only the
# main locale (the language code itself) decides the numeric `order`.
EXTRA_LOCALES = {
    "de": ["de_AT", "de_CH"],
    "el": ["el_CY"],
    "en": ["en_GB", "en_IE"],
    "fr": ["fr_BE"],
    "nl": ["nl_BE"],
    "no": ["nn"],
    "pt": ["pt_PT"],
    "sv": ["sv_FI"],
}

# Phrases as they stand right before the date, lowercase.  Rules (precision
# first; a misspelt form only costs recall, a form with another meaning costs
# precision):
#  * no bare single-letter abbreviations: Swedish/Danish/Norwegian "f." and
#    Finnish "s." also abbreviate many other words;
#  * no genealogical "*" sign;
#  * no word that also means something else: Italian bare "nato" (also NATO,
#    "vertice Nato 11-12 luglio"), Galician "nada" (= "nothing"), "birthday"
#    words (a birthday party is not a birth date);
#  * both genders where the language marks them.
# Apostrophe phrases get a U+2019 twin and Romanian ș/ț phrases a cedilla twin
# automatically (see expand_trigger).  The doc lists the reference checked for
# each language.
TRIGGERS = {
    "bg": ["дата на раждане", "рождена дата", "роден на", "родена на", "роден", "родена"],
    "ca": ["data de naixement", "nascut el", "nascuda el", "nascut l'", "nascuda l'",
           "va néixer el", "va néixer l'", "nascut", "nascuda"],
    "cs": ["datum narození", "narozen dne", "narozena dne", "narozen", "narozena",
           "narodil se", "narodila se", "se narodil", "se narodila", "nar."],
    "da": ["fødselsdato", "født den", "født d.", "født"],
    "de": ["geburtsdatum", "geboren am", "geb. am", "geboren", "geb."],
    "el": ["ημερομηνία γέννησης", "ημερομηνία γεννήσεως", "ημ/νία γέννησης",
           "ημ. γέννησης", "γεννήθηκε στις", "γεννήθηκε", "γεννημένος", "γεννημένη"],
    "en": ["date of birth", "birth date", "birthdate", "born on", "born", "d.o.b.", "dob"],
    "es": ["fecha de nacimiento", "fecha nac.", "nacido/a el", "nacido el", "nacida el",
           "nació el", "nacido", "nacida"],
    "et": ["sünniaeg", "sünnikuupäev", "sündinud", "sündis"],
    # Basque is verb-final: "1980ko martxoaren 12an jaio zen" puts the verb after
    # the date, so the form labels carry most of the weight.
    "eu": ["jaiotze-data", "jaiotze data", "jaioteguna", "jaiotza", "jaio zen"],
    "fi": ["syntymäaika", "syntymäpäivämäärä", "syntynyt", "syntyi"],
    "fr": ["date de naissance", "né(e) le", "né le", "née le", "né", "née"],
    "ga": ["dáta breithe", "rugadh é ar", "rugadh í ar", "rugadh é", "rugadh í", "rugadh"],
    "gl": ["data de nacemento", "naceu o", "nado o", "nacido o", "nacida o"],
    "hr": ["datum rođenja", "rođen je", "rođena je", "rođen", "rođena", "rodio se",
           "rodila se", "se rodio", "se rodila", "rođ."],
    "hu": ["születési idő", "születési dátum", "született", "szül."],
    "is": ["fæðingardagur", "fæddist þann", "fæddist", "fæddur", "fædd"],
    "it": ["data di nascita", "nato/a il", "nato il", "nata il", "nato l'", "nata l'",
           "nacque il"],
    "lt": ["gimimo data", "gimė", "gimęs", "gimusi", "gim."],
    "lv": ["dzimšanas datums", "dzimis", "dzimusi", "dzim."],
    "mt": ["data tat-twelid", "twieled", "twieldet", "imwieled", "imwielda"],
    "nl": ["geboortedatum", "geboren op", "geboren", "geb."],
    "no": ["fødselsdato", "født den", "født", "fødd"],
    "pl": ["data urodzenia", "urodzony dnia", "urodzona dnia", "urodził się",
           "urodziła się", "się urodził", "się urodziła", "urodzony", "urodzona", "ur."],
    "pt": ["data de nascimento", "nascido em", "nascida em", "nasceu em", "nascido a",
           "nascida a", "nasceu a", "nascido", "nascida"],
    "ro": ["data nașterii", "data de naștere", "născut la", "născută la", "născut pe",
           "născută pe", "născut", "născută"],
    "sk": ["dátum narodenia", "narodený", "narodená", "narodil sa", "narodila sa",
           "sa narodil", "sa narodila", "nar."],
    "sl": ["datum rojstva", "rojen", "rojena", "rodil se je", "rodila se je",
           "se je rodil", "se je rodila", "roj."],
    "sv": ["födelsedatum", "född den", "född", "föddes den", "föddes"],
}


def nfc(s):
    return unicodedata.normalize("NFC", s)


def dedup(items):
    return list(dict.fromkeys(items))


def expand_trigger(lang, t):
    """The phrase plus the spellings web text also uses for it."""
    out = [t]
    if "'" in t:  # typographic apostrophe, as CLDR and word processors write it
        out.append(t.replace("'", "\u2019"))
    if lang == "ro":  # legacy cedilla letters, still common on the web
        out += [o.replace("ș", "ş").replace("ț", "ţ") for o in out]
    return out


def triggers(lang):
    forms = []
    for t in TRIGGERS[lang]:
        t = nfc(t)
        assert t == t.lower() and t == t.strip(), (lang, t)
        assert "*" not in t and "|" not in t and "\t" not in t, (lang, t)
        # A lone letter with a dot ("f.", "s.") abbreviates too many words.
        assert not re.fullmatch(r"\w\.?", t), (lang, t)
        forms += expand_trigger(lang, t)
    return dedup(forms)


def month_forms(lang, month):
    """Every CLDR spelling of one month, lowercase: wide before abbreviated,
    format (genitive in Slavic, Greek, Finnish ...) before stand-alone."""
    forms = []
    for loc in [lang] + EXTRA_LOCALES.get(lang, []):
        months = Locale.parse(loc).months
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                f = nfc(months[context][width][month]).lower().strip()
                if lang == "ca":
                    # CLDR writes the preposition into Catalan format months
                    # ("de gener", "d’abril"); the name alone is the month.
                    f = re.sub(r"^(de |d['\u2019])", "", f)
                if f.isdigit():
                    continue
                if width == "abbreviated":
                    bare = f.rstrip(".")
                    if sum(c.isalpha() for c in bare) < 3:  # "ma", "ju": too ambiguous
                        continue
                    full = {nfc(months[c]["wide"][month]).lower() for c in months}
                    # An "abbreviation" that is the full name (German März,
                    # Danish maj) gets no dotted twin.
                    forms += [bare] if bare in full else [bare, bare + "."]
                else:
                    forms.append(f)
    return dedup(forms)


def numeric_order(lang):
    """dmy / ymd / mdy from the main locale's CLDR short date pattern."""
    pattern = Locale.parse(lang).date_formats["short"].pattern
    pattern = re.sub(r"'[^']*'", "", pattern)  # drop quoted literals such as 'г'
    letters = {"d": "d", "M": "m", "L": "m", "y": "y"}
    order = "".join(dedup(letters[c] for c in pattern if c in letters))
    assert order in ("dmy", "ymd", "mdy"), (lang, pattern)
    return order


def build():
    lines = [
        "# Birth-date lexicon of the DATE_OF_BIRTH detector (src/pii/).",
        "# Generated by scripts/make-birth-lexicon.py; do not edit. See docs/pii-birth-dates.md.",
        f"# Month names and numeric order: Unicode CLDR {get_cldr_version()} via Babel "
        f"{babel.__version__} (Unicode License v3).",
        "# Trigger phrases: written for eurocorpus.",
        "# LANG<TAB>FIELD<TAB>FORM|FORM|...  FIELD: trigger, m01..m12, order.",
    ]
    summary = []
    for lang in LANGS:
        trig = triggers(lang)
        lines.append(f"{lang}\ttrigger\t{'|'.join(trig)}")
        n_month = 0
        for m in range(1, 13):
            forms = month_forms(lang, m)
            assert forms, (lang, m)
            n_month += len(forms)
            lines.append(f"{lang}\tm{m:02d}\t{'|'.join(forms)}")
        order = numeric_order(lang)
        lines.append(f"{lang}\torder\t{order}")
        summary.append((lang, len(trig), n_month, order))
    return "\n".join(lines) + "\n", summary


def verify(text):
    """Every language has a trigger line, m01..m12 and an order line, once."""
    seen = {}
    for line in text.splitlines():
        if line.startswith("#"):
            continue
        lang, field, value = line.split("\t")
        assert value and "" not in value.split("|"), line
        seen.setdefault(lang, []).append(field)
    want = ["trigger"] + [f"m{m:02d}" for m in range(1, 13)] + ["order"]
    assert sorted(seen) == LANGS, sorted(seen)
    for lang, fields in seen.items():
        assert fields == want, (lang, fields)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=ROOT / "src/pii/birth_dates.tsv")
    ap.add_argument("--check", action="store_true", help="exit 1 if --out is stale")
    args = ap.parse_args()

    text, summary = build()
    verify(text)
    print(f"Babel {babel.__version__}, CLDR {get_cldr_version()}")
    print("lang  triggers  month-forms  order")
    for lang, n_trig, n_month, order in summary:
        flag = "" if 4 <= n_trig <= 12 else "  (outside 4-12)"
        print(f"{lang:4}  {n_trig:8}  {n_month:11}  {order}{flag}")

    if args.check:
        current = args.out.read_text(encoding="utf-8") if args.out.exists() else ""
        if current != text:
            sys.exit(f"{args.out} is stale: rerun scripts/make-birth-lexicon.py")
        return
    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
