#!/usr/bin/env python3
"""Build the per-language stop-word lists for Gopher's stop-word quality rule.

Gopher (Rae et al. 2021) keeps a document only if it contains at least 2
occurrences of its language's stop words (English: the, be, to, of, and, that,
have, with).  This script writes the lists for the 36 languages eurocorpus
supports, reproducibly, from

  * the stopwords-iso lists (MIT licence, https://github.com/stopwords-iso),
    as embedded in the `stop-words` crate (src/iso/stopwords-iso.json), and
  * the project's dev corpora (shared/corpora/dev/<lang>.jsonl),

plus hand-written data kept in this file (see HAND, ADD, EXCLUDE below).

Method per language (first rule that applies):

  en       Gopher's 8 words, exactly.
  iso+dev  candidates = (stopwords-iso list + ADD) - EXCLUDE; keep those among
           the TOP (default 100) most frequent word tokens of the dev corpus,
           ordered by frequency (ties: alphabetical), at most CAP (30).
  hand+dev (is, mt: no stopwords-iso list) candidates = HAND; same frequency
           filter, order and cap.
  hand+iso (gl, tr, ru: no dev text) HAND, intersected with stopwords-iso,
           in HAND's order (roughly most frequent first).
  hand     (sr, bs, mk, sq: neither) HAND as written.  Serbian: the Latin list
           plus its Cyrillic transliteration (made here, deterministically).

Romanian: each word written with s/t comma below (ș, ț) is followed by its
legacy cedilla spelling (ş, ţ), which is still common in web text.

Tokenisation (the same as the Rust rule must use): Unicode lowercase of the
whole text (Python str.lower()), then split on every character that is not
alphabetic (str.isalpha()), so "l'homme" -> "l", "homme" and "Straße" -> "straße".

Usage:
  python3 scripts/make-stopwords.py --iso PATH/stopwords-iso.json \\
      --dev ../shared/corpora/dev [--out src/quality/stopwords.txt] \\
      [--md src/quality/STOPWORDS.md] [--verify] [--fixtures fixtures/corpus]

  stopwords-iso.json: e.g. ~/.cargo/registry/src/*/stop-words-0.10.1/src/iso/
  (the crate is fetched by any cargo project that depends on `stop-words`).

--verify adds to STOPWORDS.md (and prints) the share of dev-corpus documents of
>= 200 and >= 500 characters that pass the rule (>= 2 stop-word occurrences),
and, with --fixtures, the share of the fixture corpus documents that pass.
Output is deterministic: the same inputs give the same bytes.
"""

import argparse
import collections
import gzip
import hashlib
import html.parser
import json
import os
import shutil
import subprocess
import sys

LANGS = sorted(
    "bg ca cs da de el en es et eu fi fr ga hr hu is it lt lv mt nl no pl pt ro "
    "sk sl sv uk gl sr bs mk sq tr ru".split()
)

GOPHER_EN = "the be to of and that have with".split()

TOP_N = 100
CAP = 30
MIN_HITS = 2  # Gopher: at least 2 stop-word occurrences

# ---------------------------------------------------------------------------
# Hand-written data.  Every word here is a function word (article,
# preposition, conjunction, pronoun, particle, auxiliary or copula form).
# ---------------------------------------------------------------------------

# Function words missing from the stopwords-iso list of a language although
# they are among the most frequent tokens of ordinary prose (the frequency
# filter below still applies to them).
ADD = {
    # Ukrainian: stopwords-iso 'uk' has only 73 words and lacks the commonest
    # prepositions/conjunctions (у/в, і, на, не, за ...).
    "uk": "у і в на не за а я його які яка вже або ще по ж то щоб тому тільки "
          "цього того після через ми".split(),
    # Estonian: stopwords-iso 'et' has 35 words and lacks ka, ning, või ...
    "et": "ka ning või kes nagu tema kuid veel vaid sest mitte juba üle ainult "
          "pärast nende need neid väga ole olid olnud oleks mille".split(),
    # Basque: relative/auxiliary forms and postpositions.
    "eu": "den duen diren dela bada baino bidez izango daiteke daitezke gisa "
          "baten".split(),
    # Lithuanian: prepositions, copula, pronoun forms.
    "lt": "į iš yra tačiau dėl buvo to už bus būtų jų kurios kuris kurie jo jos "
          "todėl būti".split(),
    # Latvian: pronouns, copula negation, relative words.
    "lv": "es kas nav to ko tas kad viņš viņa tu vēl man kur mēs tam tās šo "
          "savu viņu".split(),
    # Greek: ότι, είναι, ή ... are not in stopwords-iso 'el' (as spelt here).
    "el": "ότι είναι ή αλλά όπως αυτό αυτή οποία οποίο έχει έχουν ήταν είχε "
          "ενώ επίσης μεταξύ καθώς".split(),
    # Irish: forms of 'to be' and demonstratives.
    "ga": "bhí tá sin seo atá raibh bhfuil féin ann air eile san nuair "
          "bheith".split(),
    # Croatian: conjunction/prepositions.
    "hr": "dok zbog prema".split(),
    # Romanian: comma-below spellings (stopwords-iso uses cedilla or none).
    "ro": "și într își".split(),
}

# stopwords-iso entries that are NOT function words, or that are ambiguous
# tokens (one-letter elision fragments such as French l' d' n' s', which the
# tokeniser turns into "l", "d" ...; abbreviations; numerals; content words).
EXCLUDE = {
    "bg": "г време година години българия вчера софия има може".split(),
    "ca": "d l s n m t valor podeu feu".split(),  # podeu/feu: LibreOffice-help imperatives
    "cs": "li".split(),
    "da": "to".split(),
    "de": "beispiel gibt zurück folgende".split(),
    "el": "κ".split(),
    "es": "valor ejemplo dos parte uno".split(),
    "fi": "aika esimerkiksi kaksi lisää vuoden".split(),
    "fr": "l d n s j m t c qu valeur deux".split(),
    "ga": "d b t m n h".split(),
    "hr": "godine".split(),
    "hu": "s vissza új két első év nagy például".split(),
    "it": "l nome esempio uno".split(),
    "lv": "".split(),
    "nl": "eerste maken".split(),
    "no": "to år folk".split(),
    "pl": "pan roku lat dwie".split(),
    "pt": "anos dia ontem estado dois três segundo mil ano hoje h".split(),
    "ro": "b c i l n s mod timp mare".split(),
    "sk": "roku".split(),
    "sl": "primer".split(),
    "sv": "e två första följande".split(),
}

# Hand-written lists: the language's most frequent function words, roughly
# most frequent first (written from grammar knowledge; used where
# stopwords-iso has no list and/or there is no dev text).
HAND = {
    # Icelandic (no stopwords-iso list; dev text exists).
    "is": "að í og á það er sem ekki við um til með fyrir en var af ég hann "
          "hún þá eða eru þetta sér frá því hefur vera þar eins hafa þess svo "
          "upp út nú sé ef þegar hér".split(),
    # Maltese (no stopwords-iso list; dev text exists).  Articles il/l- and
    # the assimilated forms it-, is-, in- ... are left out except "il":
    # "l" is a one-letter fragment and it/is/in collide with English.
    "mt": "li il u ta tal ma kien fil biex dan minn fuq mill hemm din qed xi "
          "għall għal se hu fl kif jew jekk kienet meta kienu dawn tiegħu lil "
          "mhux huma hi għax min imma wara huwa ikun jkun dak dik dwar lill "
          "kull bħala fejn ukoll sa bejn lejn".split(),
    # Galician (stopwords-iso 'gl'; no dev text).
    "gl": "de a o e que en do da os as un unha no na se por para con non é ao "
          "dos das máis pero como ou ser foi polo pola seu súa lle tamén está "
          "ten nos nas cando entre sobre ata".split(),
    # Turkish (stopwords-iso 'tr'; no dev text).
    "tr": "ve bir bu da de için ile olarak çok daha gibi ne o en ki kadar "
          "sonra olan değil ama her mi ya veya ise göre şu ancak bile var yok "
          "hem diye tarafından olduğu".split(),
    # Russian (stopwords-iso 'ru'; no dev text).
    "ru": "и в не на что с по как это он к но из а у за о то же для от его "
          "так все она бы был они мы или".split(),
    # Serbian, Latin script (Cyrillic added by transliteration below).
    "sr": "i je u da se na za su od a sa koji ne o iz kao što to će ili ali "
          "koja koje bi do po biti ovo samo još".split(),
    # Bosnian, Latin script.
    "bs": "i je u da se na za su od a sa koji ne o iz kao što to će ili ali "
          "koja koje bi do po biti šta još kako".split(),
    # Macedonian, Cyrillic.
    "mk": "на и во да се за од со не е ќе што го ги а како но или тоа кој "
          "која кои до по при ова тој таа тие беше".split(),
    # Albanian.
    "sq": "të e në dhe i me një për që nga është u ka se do si janë më por "
          "edhe nuk ky kjo ai ajo tij saj duke kanë ishte".split(),
}

SOURCE_HAND = "written by hand: the language's most frequent function words"

# Serbian Latin -> Cyrillic (digraphs first).
SR_DIGRAPHS = {"lj": "љ", "nj": "њ", "dž": "џ"}
SR_LETTERS = dict(zip(
    "abcčćdđefghijklmnoprsštuvzž",
    "абцчћдђефгхијклмнопрсштувзж",
))


def sr_to_cyrillic(word):
    out = []
    i = 0
    while i < len(word):
        two = word[i:i + 2]
        if two in SR_DIGRAPHS:
            out.append(SR_DIGRAPHS[two])
            i += 2
        else:
            out.append(SR_LETTERS[word[i]])
            i += 1
    return "".join(out)


RO_CEDILLA = str.maketrans({"ș": "ş", "ț": "ţ"})
RO_COMMA = str.maketrans({"ş": "ș", "ţ": "ț"})


def tokens(text):
    """Lowercase, then split on every non-alphabetic character."""
    out = []
    cur = []
    for ch in text.lower():
        if ch.isalpha():
            cur.append(ch)
        elif cur:
            out.append("".join(cur))
            cur = []
    if cur:
        out.append("".join(cur))
    return out


def read_jsonl_lines(lines):
    for line in lines:
        line = line.strip()
        if line:
            yield json.loads(line)


def load_dev(dev_dir):
    """lang -> list of (id, source, text), file order."""
    dev = {}
    for lang in LANGS:
        path = os.path.join(dev_dir, lang + ".jsonl")
        if not os.path.exists(path):
            continue
        with open(path, encoding="utf-8") as f:
            dev[lang] = [(r["id"], r.get("source", ""), r["text"])
                         for r in read_jsonl_lines(f)]
    return dev


def frequency(docs):
    c = collections.Counter()
    for _, _, text in docs:
        c.update(tokens(text))
    return c


def ranked(counter):
    """Words by descending count, ties alphabetical (deterministic)."""
    return sorted(counter, key=lambda w: (-counter[w], w))


def build(iso, dev, top_n, cap):
    """Return lang -> dict(words, method, notes, ranks)."""
    result = {}
    for lang in LANGS:
        freq = frequency(dev[lang]) if lang in dev else None
        order = ranked(freq) if freq is not None else None
        rank = {w: i + 1 for i, w in enumerate(order)} if order else {}
        top = set(order[:top_n]) if order else set()
        iso_words = set(iso.get(lang, []))
        if lang == "ro":
            iso_words = {w.translate(RO_COMMA) for w in iso_words}
        notes = []
        if lang == "en":
            words = list(GOPHER_EN)
            method = "Gopher (Rae et al. 2021), exactly"
        elif iso_words and freq is not None:
            added = [w for w in ADD.get(lang, []) if w not in iso_words]
            excl = set(EXCLUDE.get(lang, []))
            cand = (iso_words | set(added)) - excl
            kept = [w for w in order[:top_n] if w in cand]
            words = kept[:cap]
            method = ("stopwords-iso ∩ top-%d dev-corpus tokens, by frequency, cap %d"
                      % (top_n, cap))
            used_added = [w for w in words if w in added]
            if used_added:
                notes.append("added by hand (function words missing from "
                             "stopwords-iso): " + " ".join(used_added))
            dropped = [w for w in order[:top_n] if w in iso_words and w in excl]
            if dropped:
                notes.append("stopwords-iso words among the top %d left out "
                             "(not function words / ambiguous fragments): %s"
                             % (top_n, " ".join(dropped)))
        elif lang in HAND and freq is not None:
            cand = set(HAND[lang])
            kept = [w for w in order[:top_n] if w in cand]
            words = kept[:cap]
            method = ("%s (no stopwords-iso list) ∩ top-%d dev-corpus tokens, "
                      "by frequency, cap %d" % (SOURCE_HAND, top_n, cap))
            missing = [w for w in HAND[lang] if w not in top]
            if missing:
                notes.append("hand-written words not in the top %d, left out: %s"
                             % (top_n, " ".join(missing)))
        elif lang in HAND and iso_words:
            words = [w for w in HAND[lang] if w in iso_words][:cap]
            method = ("%s ∩ stopwords-iso (no dev text), hand order, cap %d"
                      % (SOURCE_HAND, cap))
            missing = [w for w in HAND[lang] if w not in iso_words]
            if missing:
                notes.append("hand-written words not in stopwords-iso, left out: "
                             + " ".join(missing))
        elif lang in HAND:
            words = list(HAND[lang])
            assert len(words) <= cap, (lang, len(words))
            method = SOURCE_HAND + " (no stopwords-iso list, no dev text)"
            if lang == "sr":
                cyr = [sr_to_cyrillic(w) for w in words]
                words = words + cyr
                method += "; Latin list + its Cyrillic transliteration"
        else:
            raise SystemExit("no data for language %s" % lang)
        if lang == "ro":
            out = []
            for w in words:
                out.append(w)
                alt = w.translate(RO_CEDILLA)
                if alt != w:
                    out.append(alt)
            notes.append("cedilla spellings (ş ţ) added after their comma-below "
                         "forms (ș ț)")
            words = out
        assert len(words) == len(set(words)), (lang, words)
        for w in words:
            assert w == w.lower() and tokens(w) == [w], (lang, w)
        result[lang] = {
            "words": words,
            "method": method,
            "notes": notes,
            "ranks": [rank.get(w) for w in words] if rank else None,
        }
    return result


def hits(text, stop):
    return sum(1 for t in tokens(text) if t in stop)


def verify_dev(lists, dev):
    rows = []
    for lang in LANGS:
        if lang not in dev:
            continue
        stop = set(lists[lang]["words"])
        row = {"lang": lang, "docs": len(dev[lang])}
        fails = []
        for minlen in (200, 500):
            n = p = 0
            for doc_id, source, text in dev[lang]:
                if len(text) < minlen:
                    continue
                n += 1
                if hits(text, stop) >= MIN_HITS:
                    p += 1
                elif minlen == 200:
                    fails.append(doc_id)
            row[minlen] = (p, n)
        # >= 500 characters, by kind of source: UD treebank sentences
        # (ordinary prose) vs LibreOffice help pages (technical, with
        # untranslated API tables).
        for kind, pred in (("ud", lambda s: s.startswith("ud-")),
                           ("lo", lambda s: not s.startswith("ud-"))):
            n = p = 0
            for doc_id, source, text in dev[lang]:
                if len(text) >= 500 and pred(source):
                    n += 1
                    p += hits(text, stop) >= MIN_HITS
            row[kind] = (p, n)
        row["fails"] = fails
        rows.append(row)
    return rows


def read_fixture_docs(root):
    """(file, lang, text) for every document of the fixture corpus files."""
    docs = []
    skipped = []
    wet_lang = {"ces": "cs", "fin": "fi", "swe": "sv"}
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for name in sorted(filenames):
            path = os.path.join(dirpath, name)
            rel = os.path.relpath(path, root)
            if name.endswith(".txt"):
                with open(path, encoding="utf-8") as f:
                    docs.append((rel, name[:2], f.read()))
            elif name.endswith((".jsonl", ".json.gz", ".jsonl.gz", ".jsonl.zst")):
                if name.endswith(".gz"):
                    with gzip.open(path, "rt", encoding="utf-8") as f:
                        lines = f.readlines()
                elif name.endswith(".zst"):
                    if shutil.which("zstd") is None:
                        skipped.append(rel + " (no zstd binary)")
                        continue
                    data = subprocess.run(["zstd", "-dc", path], check=True,
                                          stdout=subprocess.PIPE).stdout
                    lines = data.decode("utf-8").splitlines()
                else:
                    with open(path, encoding="utf-8") as f:
                        lines = f.readlines()
                for r in read_jsonl_lines(lines):
                    docs.append((rel, r["lang"], r["text"]))
            elif name.endswith(".warc.wet.gz"):
                with gzip.open(path, "rb") as f:
                    data = f.read()
                pos = 0
                while True:
                    start = data.find(b"WARC/1.0\r\n", pos)
                    if start < 0:
                        break
                    hend = data.index(b"\r\n\r\n", start)
                    headers = {}
                    for line in data[start:hend].decode("utf-8").split("\r\n")[1:]:
                        k, _, v = line.partition(":")
                        headers[k.strip().lower()] = v.strip()
                    length = int(headers["content-length"])
                    body = data[hend + 4:hend + 4 + length]
                    pos = hend + 4 + length
                    if headers.get("warc-type") != "conversion":
                        continue
                    code = headers.get("warc-identified-content-language", "")
                    docs.append((rel, wet_lang.get(code, code),
                                 body.decode("utf-8")))
            elif name.endswith(".parquet"):
                try:
                    import pyarrow.parquet as pq  # optional, not stdlib
                except ImportError:
                    skipped.append(rel + " (pyarrow not installed)")
                    continue
                table = pq.read_table(path, columns=["lang", "text"]).to_pydict()
                for lang, text in zip(table["lang"], table["text"]):
                    docs.append((rel, lang, text))
    return docs, skipped


class _HelpParser(html.parser.HTMLParser):
    """Text of the h1-h3 and p elements of a LibreOffice help page."""

    def __init__(self):
        super().__init__()
        self.paras = []
        self.cur = None

    def handle_starttag(self, tag, attrs):
        if tag in ("p", "h1", "h2", "h3"):
            self.cur = []

    def handle_endtag(self, tag):
        if tag in ("p", "h1", "h2", "h3") and self.cur is not None:
            text = " ".join("".join(self.cur).split())
            if text:
                self.paras.append(text)
            self.cur = None

    def handle_data(self, data):
        if self.cur is not None:
            self.cur.append(data)


def load_lohelp(text_dir, max_docs=300, step=8):
    """Documents from an extracted LibreOffice help tree (.../help/<lang>/text):
    every `step`-th page in path order, its h1-h3/p paragraphs minus those
    that look English, pages of >= 200 characters, at most `max_docs`, each
    cut at 4000 characters."""
    files = sorted(os.path.join(dp, f) for dp, _, fn in os.walk(text_dir)
                   for f in fn if f.endswith(".html"))
    english = (" the ", " of ", " and ", " to ", " is ")
    docs = []
    for path in files[::step]:
        parser = _HelpParser()
        with open(path, encoding="utf-8") as f:
            parser.feed(f.read())
        paras = [p for p in parser.paras
                 if not any(k in " " + p.lower() + " " for k in english)]
        text = "\n\n".join(paras)
        if len(text) < 200:
            continue
        docs.append((os.path.relpath(path, text_dir), "libreoffice-help",
                     text[:4000]))
        if len(docs) >= max_docs:
            break
    return docs


def verify_fixtures(lists, root):
    docs, skipped = read_fixture_docs(root)
    per = collections.OrderedDict()
    for rel, lang, text in docs:
        stop = set(lists[lang]["words"]) if lang in lists else set()
        key = (rel, lang)
        n, p = per.get(key, (0, 0))
        per[key] = (n + 1, p + (1 if hits(text, stop) >= MIN_HITS else 0))
    return per, skipped


def fmt_frac(p, n):
    if n == 0:
        return "–"
    return "%.3f (%d/%d)" % (p / n, p, n)


def write_txt(path, lists, iso_path):
    lines = [
        "# Stop words for Gopher's stop-word quality rule (Rae et al. 2021):",
        "# keep a document only if it has >= 2 occurrences of these words.",
        "# Format: <ISO 639-1 code><TAB><words separated by one space>.",
        "# Match on tokens: Unicode-lowercased text split on every",
        "# non-alphabetic character (apostrophes and hyphens split too).",
        "# Generated by scripts/make-stopwords.py; see STOPWORDS.md for the",
        "# source of each line.  Sources: Gopher's 8 English words; the",
        "# stopwords-iso lists (MIT licence, (c) 2016 Gene Diaz,",
        "# github.com/stopwords-iso, as shipped in the stop-words crate)",
        "# filtered by token frequency in the dev corpora (data, not copied);",
        "# hand-written lists for is mt gl tr ru sr bs mk sq (project's own).",
    ]
    for lang in LANGS:
        lines.append(lang + "\t" + " ".join(lists[lang]["words"]))
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines) + "\n")


def write_md(path, lists, args, iso_sha, dev_rows, fix, fix_skipped,
             extra_rows=None):
    L = []
    L.append("# Stop-word lists (`stopwords.txt`)")
    L.append("")
    L.append("Used by Gopher's stop-word quality rule (Rae et al. 2021): a "
             "document is kept only if it contains at least %d occurrences "
             "(repeats count) of its language's stop words.  Gopher's English "
             "list is *the, be, to, of, and, that, have, with*." % MIN_HITS)
    L.append("")
    L.append("Generated by `scripts/make-stopwords.py` (Python 3, standard "
             "library only, deterministic); do not edit `stopwords.txt` by "
             "hand, edit the data in the script and rerun:")
    L.append("")
    L.append("```sh")
    L.append("python3 scripts/make-stopwords.py \\")
    L.append("    --iso ~/.cargo/registry/src/*/stop-words-0.10.1/src/iso/stopwords-iso.json \\")
    L.append("    --dev ../shared/corpora/dev --verify --fixtures fixtures/corpus")
    L.append("    # optional, for gl ru tr: --extra-lohelp gl=DIR ... (see below)")
    L.append("```")
    L.append("")
    L.append("Inputs of this run: stopwords-iso.json from the `stop-words` "
             "crate 0.10.1 (sha256 `%s`); dev corpora `shared/corpora/dev/*.jsonl`; "
             "top-N = %d, cap = %d." % (iso_sha, args.top, args.cap))
    L.append("")
    L.append("## Tokenisation")
    L.append("")
    L.append("Lowercase the text (Unicode lowercase), then split on every "
             "character that is not alphabetic (Python `str.isalpha()`, Rust "
             "`char::is_alphabetic()`): `l'homme` → `l`, `homme`; `Straße` "
             "stays one token; hyphens split (`il-ktieb` → `il`, `ktieb`).  "
             "Lowercase whole strings (Rust `str::to_lowercase`, which handles "
             "Greek final sigma: `ΤΗΣ` → `της`), not char by char.")
    L.append("")
    L.append("Known limits of this tokenisation: Turkish capital İ lowercases "
             "to i + U+0307 (combining dot, not alphabetic), so `İÇİN` gives "
             "`i`, `çi`, `n` and does not match `için` (mixed-case text is "
             "fine; all-caps Turkish is not); Greek all-caps text is usually "
             "written without accents, so accented stop words (`από`, "
             "`είναι`, `ότι`) do not match it, the unaccented ones (`και`, "
             "`το`, `να` ...) still do; Romanian is covered in both ș/ş "
             "spellings; no Unicode normalisation is applied (NFD text with "
             "combining accents splits words).")
    L.append("")
    L.append("## Method")
    L.append("")
    L.append("* **en**: Gopher's 8 words, exactly.")
    L.append("* **iso ∩ dev** (bg ca cs da de el es et eu fi fr ga hr hu it lt "
             "lv nl no pl pt ro sk sl sv uk): the stopwords-iso list of the "
             "language, plus a few hand-added function words that it lacks "
             "(`ADD` in the script), minus entries that are not function words "
             "or are ambiguous tokens (`EXCLUDE`: content words such as "
             "*valeur*, *anos*; numerals; abbreviations; one-letter elision "
             "fragments such as French *l*, *d*, *n*, *s*), restricted to the "
             "%d most frequent tokens of the language's dev corpus, ordered "
             "by frequency, at most %d." % (args.top, args.cap))
    L.append("* **hand ∩ dev** (is, mt: no stopwords-iso list): " + SOURCE_HAND +
             " (`HAND`), restricted to the top-%d dev-corpus tokens, by "
             "frequency, at most %d." % (args.top, args.cap))
    L.append("* **hand ∩ iso** (gl, tr, ru: no dev text): " + SOURCE_HAND +
             ", intersected with stopwords-iso, in hand order.")
    L.append("* **hand** (sr, bs, mk, sq: no stopwords-iso list, no dev text): " +
             SOURCE_HAND + ".  Serbian: the Latin list plus its Cyrillic "
             "transliteration (both scripts are in use).")
    L.append("* Romanian: cedilla spellings (ş, ţ) are added next to the "
             "comma-below ones (ș, ț).")
    L.append("")
    L.append("## Licences")
    L.append("")
    L.append("* stopwords-iso: MIT licence (c) 2016 Gene Diaz, "
             "https://github.com/stopwords-iso; read from the `stop-words` "
             "crate (MIT OR Apache-2.0), which embeds it unchanged.  The "
             "lists here are short selections of those words.")
    L.append("* Gopher's English list: from the paper (Rae et al. 2021, "
             "*Scaling Language Models: Methods, Analysis & Insights from "
             "Training Gopher*, appendix A); 8 common words, not "
             "copyrightable as such.")
    L.append("* Hand-written lists (`HAND`, `ADD`) are the project's own.")
    L.append("* Dev corpora (`shared/corpora/dev`, see its README for the "
             "provenance of every record): Universal Dependencies treebanks "
             "(CC BY-SA 3.0/4.0; bg el et hu it pl eu uk treebanks CC BY-NC-SA) "
             "and LibreOffice help (MPL-2.0).  They were used only to count "
             "word frequencies; no text of theirs is copied here, so their "
             "licences (including NonCommercial ones) do not attach to the "
             "lists.")
    L.append("")
    L.append("## Per language")
    L.append("")
    L.append("`rank` = each word's frequency rank among the tokens of the "
             "language's dev corpus (1 = most frequent), where there is one.")
    L.append("")
    L.append("| lang | words | source |")
    L.append("|---|---:|---|")
    for lang in LANGS:
        d = lists[lang]
        L.append("| %s | %d | %s |" % (lang, len(d["words"]), d["method"]))
    L.append("")
    for lang in LANGS:
        d = lists[lang]
        L.append("### %s (%d words)" % (lang, len(d["words"])))
        L.append("")
        L.append("Source: " + d["method"] + ".")
        L.append("")
        if d["ranks"]:
            L.append(" ".join("%s (%s)" % (w, r if r else "–")
                              for w, r in zip(d["words"], d["ranks"])))
        else:
            L.append(" ".join(d["words"]))
        for n in d["notes"]:
            L.append("")
            L.append("Note: " + n + ".")
        L.append("")
    if dev_rows is not None:
        L.append("## Verification on the dev corpora")
        L.append("")
        L.append("Share of dev-corpus documents with at least 200 / 500 "
                 "characters that pass the rule (>= %d stop-word occurrences). "
                 "Target: >= 0.99 for >= 500 characters." % MIN_HITS)
        L.append("")
        L.append("The last two pass columns split the >= 500-character "
                 "documents by source: UD treebank text (ordinary prose) and "
                 "LibreOffice help pages (technical; some are untranslated "
                 "English API tables, which the rule is meant to drop).")
        L.append("")
        L.append("When the lists were made (stop-words 0.10.1, this dev "
                 "corpus) every failing document was read: all failing "
                 "LibreOffice help pages (ca da fi fr sv) are untranslated "
                 "English API/property tables, number tables or lists of "
                 "identifiers, except four short technical Finnish pages "
                 "(`lohelp-fi-00003`, `-00012`, `-00053`, `-00111`, two of "
                 "them under 500 characters, with 0-1 list words); the failing UD documents are all short (200-500 "
                 "characters) prose in the agglutinative languages et fi lv "
                 "lt, which use few function words, plus one English Usenet "
                 "header (`ud-english-ewt-dev-00096`).  Every UD document of "
                 ">= 500 characters passes.")
        L.append("")
        L.append("| lang | docs | >= 200 chars pass | >= 500 chars pass | >= 500, UD | >= 500, LibreOffice help | failing docs (>= 200 chars) |")
        L.append("|---|---:|---:|---:|---:|---:|---|")
        for r in dev_rows:
            fails = ", ".join("`%s`" % f for f in r["fails"][:6])
            if len(r["fails"]) > 6:
                fails += ", … (%d)" % len(r["fails"])
            L.append("| %s | %d | %s | %s | %s | %s | %s |" % (
                r["lang"], r["docs"], fmt_frac(*r[200]), fmt_frac(*r[500]),
                fmt_frac(*r["ud"]), fmt_frac(*r["lo"]), fails))
        L.append("")
    if extra_rows:
        L.append("## Languages without dev text: LibreOffice help (informational)")
        L.append("")
        L.append("Hand-written lists checked on technical prose: pages of the "
                 "Debian packages libreoffice-help-LANG (MPL-2.0), extracted "
                 "with `dpkg-deb -x` and read with `--extra-lohelp "
                 "LANG=.../usr/share/libreoffice/help/LANG/text` (every 8th "
                 "page in path order, h1-h3/p text, English-looking "
                 "paragraphs dropped, pages of >= 200 characters, at most "
                 "300).  Help text is imperative and impersonal, so it is a "
                 "harder test than ordinary prose; the lists were not tuned "
                 "on it.")
        L.append("")
        L.append("| lang | docs | >= 200 chars pass | >= 500 chars pass |")
        L.append("|---|---:|---:|---:|")
        for r in extra_rows:
            L.append("| %s | %d | %s | %s |" % (
                r["lang"], r["docs"], fmt_frac(*r[200]), fmt_frac(*r[500])))
        L.append("")
    if fix is not None:
        L.append("## Fixture corpus (informational)")
        L.append("")
        L.append("Share of the documents of `fixtures/corpus` that pass "
                 "(all of them are real prose copied from the dev corpora, so "
                 "this is a consistency check, not a test on non-prose).")
        L.append("")
        L.append("| file | lang | docs | pass |")
        L.append("|---|---|---:|---:|")
        for (rel, lang), (n, p) in fix.items():
            L.append("| `%s` | %s | %d | %s |" % (rel, lang, n, fmt_frac(p, n)))
        for s in fix_skipped:
            L.append("| `%s` | – | – | skipped |" % s)
        L.append("")
    while L and L[-1] == "":
        L.pop()
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(L) + "\n")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    repo = os.path.dirname(here)
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--iso", required=True,
                    help="stopwords-iso.json (from the stop-words crate)")
    ap.add_argument("--dev", required=True,
                    help="directory with the dev corpora <lang>.jsonl")
    ap.add_argument("--out", default=os.path.join(repo, "src/quality/stopwords.txt"))
    ap.add_argument("--md", default=os.path.join(repo, "src/quality/STOPWORDS.md"))
    ap.add_argument("--top", type=int, default=TOP_N)
    ap.add_argument("--cap", type=int, default=CAP)
    ap.add_argument("--verify", action="store_true",
                    help="add the dev-corpus pass rates to STOPWORDS.md")
    ap.add_argument("--fixtures", help="fixture corpus directory (with --verify)")
    ap.add_argument("--extra-lohelp", action="append", default=[],
                    metavar="LANG=DIR",
                    help="with --verify: also check LANG (one without dev "
                         "text) on an extracted Debian libreoffice-help-LANG "
                         "tree, DIR = usr/share/libreoffice/help/LANG/text; "
                         "informational, not used to build the lists")
    args = ap.parse_args()

    with open(args.iso, "rb") as f:
        raw = f.read()
    iso_sha = hashlib.sha256(raw).hexdigest()
    iso = json.loads(raw.decode("utf-8"))
    dev = load_dev(args.dev)
    lists = build(iso, dev, args.top, args.cap)

    dev_rows = fix = extra_rows = None
    fix_skipped = []
    if args.verify:
        dev_rows = verify_dev(lists, dev)
        print("lang  docs  >=200 pass        >=500 pass        >=500 UD          >=500 LO-help")
        for r in dev_rows:
            print("%-4s %5d  %-17s %-17s %-17s %s" % (
                r["lang"], r["docs"], fmt_frac(*r[200]), fmt_frac(*r[500]),
                fmt_frac(*r["ud"]), fmt_frac(*r["lo"])))
        if args.extra_lohelp:
            extra = {}
            for spec in args.extra_lohelp:
                lang, _, d = spec.partition("=")
                extra[lang] = load_lohelp(d)
            extra_rows = verify_dev(lists, extra)
            for r in extra_rows:
                print("extra %-4s %5d  %-17s %s" % (
                    r["lang"], r["docs"], fmt_frac(*r[200]), fmt_frac(*r[500])))
        if args.fixtures:
            fix, fix_skipped = verify_fixtures(lists, args.fixtures)
            for (rel, lang), (n, p) in fix.items():
                print("fixture %-32s %-3s %s" % (rel, lang, fmt_frac(p, n)))
            for s in fix_skipped:
                print("fixture skipped: " + s)

    write_txt(args.out, lists, args.iso)
    write_md(args.md, lists, args, iso_sha, dev_rows, fix, fix_skipped,
             extra_rows)
    for lang in LANGS:
        print("%s\t%d\t%s" % (lang, len(lists[lang]["words"]),
                              " ".join(lists[lang]["words"])), file=sys.stderr)


if __name__ == "__main__":
    main()
