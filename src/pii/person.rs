//! `PERSON`: a person's name in running text, found without a model.
//!
//! Candidates are runs of capitalised words on one line ("Anna Maria
//! Kowalska", "Herr Dr. Klaus Weber", "Jan van der Berg"). A run is a name
//! when the evidence says so, and the evidence names the subtype (its
//! confidence, [`confidence`]):
//!
//! - `TITLE` (0.95): a title or salutation before it (`Herr`, `Mme`,
//!   `sig.ra`, `pan`, `κ.`, `г-жа`) or an honorific after it (`Kovács úr`);
//! - `LEXICON` (0.90): a given name followed by a surname, both in the name
//!   lexicon (or surname first, as Hungarian writes them), in any inflected
//!   form the language's rules reduce to a lexicon entry (`Janem Kowalskim`,
//!   `Petri Virtasen`, `Annának`);
//! - `MORPHOLOGY` (0.85): a given name followed by a word with a surname
//!   ending (`-ski`, `-ová`, `-escu`, `-opoulos`, `-auskas`, …);
//!   A name particle between them counts as a surname ending (`Vincent van
//!   Gogh`, `Colm Ó Catháin`, `Luís Vaz de Camões`);
//! - `CONTEXT` (0.80): capitalised words right after a label or phrase that
//!   introduces a name (`Name:`, `signed by`, `Imię i nazwisko:`) or alone
//!   on the line after a letter closing (`Mit freundlichen Grüßen`);
//! - `SHAPE` (0.70): a known given name followed by one or two capitalised
//!   words the lexicon does not know (`Ahmad Rahimi`, `Ιωάννης
//!   Καποδίστριας`), or, in Hungarian, preceded by one (`Petőfi Sándor`).
//!
//! Precision first: one capitalised word is never a name without a title or
//! a label; a run is dropped when it touches a word that makes places and
//! organisations (`Santa`, `Sankt`, `GmbH`, `Bank`, `Street`) or follows a
//! street word (`rue Victor Hugo` is a street). The lexicons are built from
//! national name statistics (`names.tsv`, `scripts/make-name-lexicon.py`)
//! and written per language (`person_cues.tsv`); sources in
//! `docs/pii-names.md`.

use rustc_hash::FxHashSet as HashSet;
use std::sync::OnceLock;

use super::words::{self, Word};

/// The subtypes, by decreasing confidence.
pub(crate) const TITLE: &str = "TITLE";
pub(crate) const LEXICON: &str = "LEXICON";
pub(crate) const MORPHOLOGY: &str = "MORPHOLOGY";
pub(crate) const CONTEXT: &str = "CONTEXT";
pub(crate) const SHAPE: &str = "SHAPE";

/// The confidence of a PERSON span of `subtype`: the precision of that kind
/// of evidence, as designed (the measured figures are in the README).
pub(crate) fn confidence(subtype: &str) -> f32 {
    match subtype {
        TITLE => 0.95,
        LEXICON => 0.90,
        MORPHOLOGY => 0.85,
        CONTEXT => 0.80,
        _ => 0.70,
    }
}

/// Most name words a span holds (given names, particles, surnames).
const MAX_NAME_WORDS: usize = 5;

struct Lexicon {
    given: HashSet<String>,
    surnames: HashSet<String>,
    /// [`words::latin_key_of_roman`] of every name, for Greek-script words.
    greek_given: HashSet<String>,
    greek_surnames: HashSet<String>,
    /// Folded; may hold dots and spaces (`dr.`, `de heer`, `prof. dr.`).
    titles: HashSet<String>,
    /// Letter openings (`Dear`, `Hallo`): a title before two name words.
    greetings: HashSet<String>,
    /// The last words of the titles and greetings, looked up first.
    title_last: HashSet<String>,
    titles_after: HashSet<String>,
    /// Folded phrases that introduce a name, and their last words.
    intros: Vec<String>,
    intro_last: HashSet<String>,
    closings: HashSet<String>,
    particles: HashSet<String>,
    /// Words of a name particle that are articles on their own (`der` of
    /// `van der`, `den`, `het`): a particle only after another.
    inner: HashSet<String>,
    stops: HashSet<String>,
    /// Month and weekday names: never in a name, but next to one.
    times: HashSet<String>,
}

fn lexicon() -> &'static Lexicon {
    static L: OnceLock<Lexicon> = OnceLock::new();
    L.get_or_init(|| {
        let mut l = Lexicon {
            given: HashSet::default(),
            surnames: HashSet::default(),
            greek_given: HashSet::default(),
            greek_surnames: HashSet::default(),
            titles: HashSet::default(),
            greetings: HashSet::default(),
            title_last: HashSet::default(),
            titles_after: HashSet::default(),
            intros: Vec::new(),
            intro_last: HashSet::default(),
            closings: HashSet::default(),
            particles: HashSet::default(),
            inner: HashSet::default(),
            stops: HashSet::default(),
            times: HashSet::default(),
        };
        let mut key = String::new();
        for line in include_str!("names.tsv").lines() {
            let Some((kind, name)) = line.split_once('\t') else { continue };
            let folded = words::fold(name);
            key.clear();
            words::latin_key_of_roman(&folded, &mut key);
            match kind {
                "G" => {
                    l.given.insert(folded);
                    l.greek_given.insert(key.clone());
                }
                "S" => {
                    l.surnames.insert(folded);
                    l.greek_surnames.insert(key.clone());
                }
                _ => {}
            }
        }
        for (kind, cue) in words::lexicon_entries(include_str!("person_cues.tsv")) {
            match kind {
                "title" => {
                    l.titles.insert(cue);
                }
                "greeting" => {
                    l.greetings.insert(cue);
                }
                "title_after" => {
                    l.titles_after.insert(cue);
                }
                "intro" => {
                    if let Some(last) = cue.split_whitespace().last() {
                        l.intro_last.insert(last.trim_end_matches(':').to_string());
                    }
                    l.intros.push(cue);
                }
                "closing" => {
                    l.closings.insert(cue.trim_end_matches([',', '.', '!']).to_string());
                }
                "particle" => {
                    let mut w = cue.split_whitespace();
                    if let Some(first) = w.next() {
                        if ARTICLES.contains(&first) {
                            l.inner.insert(first.to_string());
                        } else {
                            l.particles.insert(first.to_string());
                        }
                    }
                    l.inner.extend(w.map(str::to_string));
                }
                "stop" => {
                    l.stops.insert(cue.trim_end_matches('.').to_string());
                }
                "time" => {
                    l.times.insert(cue.trim_end_matches('.').to_string());
                }
                _ => {}
            }
        }
        for t in l.titles.iter().chain(&l.greetings) {
            if let Some(last) = t.split_whitespace().next_back() {
                l.title_last.insert(last.to_string());
            }
        }
        // Longest first, so "prof. dr." is tried before "dr.".
        l.intros.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
        l
    })
}

/// Capitalised articles and pronouns that are also given names somewhere
/// (`Les`, `Don`): never a name word.
const FUNCTION_WORDS: &[&str] = &[
    "les", "le", "la", "el", "il", "lo", "die", "der", "das", "the", "de", "het", "los", "las", "an", "na", "os", "as",
    "um", "una", "uno", "un", "une", "des", "sem", "jien", "ich", "je", "io", "yo", "eu", "ja", "jag", "jeg", "mijn",
    "ein", "eine", "einer", "einem", "einen", "eines", "στην", "στον", "στη", "στο", "την", "τον", "της", "του", "οι",
    "τα", "το", "η", "ο",
];

/// Particles that are also articles or prepositions (German `der`, Dutch
/// `het`, `in`, `op`): only inside a particle (`van der`, `in 't`).
const ARTICLES: &[&str] = &["der", "den", "dem", "het", "'t", "in", "op", "uit", "und", "las", "los"];

/// Endings an inflected name may carry, with what replaces them to give the
/// lexicon's nominative (folded spellings: `Kowalskiego` → `kowalski`,
/// `Virtasen` → `virtanen`, `Annának` → `anna`). Tried only when the word
/// itself is not in the lexicon, longest first within a language.
const INFLECTIONS: &[(&str, &[(&str, &str)])] = &[
    (
        "pl",
        &[
            ("skiego", "ski"),
            ("skiemu", "ski"),
            ("skim", "ski"),
            ("ska", "ski"),
            ("skiej", "ska"),
            ("cka", "cki"),
            ("ckiego", "cki"),
            ("ckim", "cki"),
            ("owi", ""),
            ("em", ""),
            ("ie", ""),
            ("ej", "a"),
            ("y", "a"),
            ("e", "a"),
            ("i", "a"),
            ("a", ""),
            ("u", ""),
        ],
    ),
    (
        "cs",
        &[
            ("ovou", "ova"),
            ("ove", "ova"),
            ("ovi", ""),
            ("ova", ""),
            ("eho", "y"),
            ("emu", "y"),
            ("ym", "y"),
            ("em", ""),
            ("ou", "a"),
            ("y", "a"),
            ("e", "a"),
            ("u", ""),
            ("u", "a"),
            ("e", ""),
            ("a", ""),
        ],
    ),
    (
        "sk",
        &[
            ("ovou", "ova"),
            ("ovej", "ova"),
            ("ovi", ""),
            ("ova", ""),
            ("eho", "y"),
            ("emu", "y"),
            ("ym", "y"),
            ("om", ""),
            ("ou", "a"),
            ("y", "a"),
            ("e", "a"),
            ("u", ""),
            ("u", "a"),
            ("e", ""),
            ("a", ""),
        ],
    ),
    (
        "sl",
        &[
            ("jem", ""),
            ("ja", ""),
            ("ju", ""),
            ("om", ""),
            ("em", ""),
            ("a", ""),
            ("u", ""),
            ("u", "o"),
            ("e", "a"),
            ("i", "a"),
            ("o", "a"),
        ],
    ),
    ("hr", &[("om", ""), ("em", ""), ("u", ""), ("a", ""), ("e", "a"), ("i", "a"), ("u", "a"), ("om", "a")]),
    (
        "fi",
        &[
            ("sen", "nen"),
            ("selle", "nen"),
            ("sella", "nen"),
            ("sesta", "nen"),
            ("seen", "nen"),
            ("lle", ""),
            ("lla", ""),
            ("lta", ""),
            ("sta", ""),
            ("ssa", ""),
            ("ksi", ""),
            ("n", ""),
            ("a", ""),
            ("aa", "a"),
        ],
    ),
    (
        "et",
        &[
            ("ile", ""),
            ("iga", ""),
            ("ilt", ""),
            ("ist", ""),
            ("is", ""),
            ("i", ""),
            ("le", ""),
            ("ga", ""),
            ("lt", ""),
        ],
    ),
    (
        "hu",
        &[
            ("nak", ""),
            ("nek", ""),
            ("val", ""),
            ("vel", ""),
            ("hoz", ""),
            ("hez", ""),
            ("nal", ""),
            ("nel", ""),
            ("rol", ""),
            ("tol", ""),
            ("ban", ""),
            ("ben", ""),
            ("ba", ""),
            ("be", ""),
            ("t", ""),
            ("e", ""),
            ("ne", ""),
        ],
    ),
    (
        "lt",
        &[
            ("iciui", "itis"),
            ("ciui", "tis"),
            ("iui", "ius"),
            ("ienei", "iene"),
            ("ienes", "iene"),
            ("ui", "as"),
            ("o", "as"),
            ("a", "as"),
            ("ai", "a"),
            ("os", "a"),
            ("ei", "e"),
            ("es", "e"),
            ("u", "us"),
            ("o", "is"),
            ("iene", "as"),
            ("aite", "as"),
            ("yte", "ys"),
            ("ute", "us"),
        ],
    ),
    (
        "lv",
        &[
            ("am", "s"),
            ("a", "s"),
            ("u", "s"),
            ("ai", "a"),
            ("as", "a"),
            ("ei", "e"),
            ("es", "e"),
            ("im", "is"),
            ("a", "is"),
        ],
    ),
    ("bg", &[("ova", "ov"), ("eva", "ev"), ("a", "")]),
    ("de", &[("s", "")]),
    ("nl", &[("s", "")]),
    ("sv", &[("s", "")]),
    ("da", &[("s", "")]),
    ("en", &[("'s", "")]),
    ("ga", &[("ain", "an"), ("in", "n")]),
    ("ro", &[("ei", "a"), ("ului", "")]),
];

/// Endings that mark a surname (folded), per language (`""`: in every
/// language): a capitalised word with one after a given name is a surname
/// even when the lexicon does not know it. Per language because the same
/// ending makes ordinary words elsewhere (Czech `babička`, Italian `nuova`).
const SURNAME_ENDINGS: &[(&str, &[&str])] = &[
    (
        "",
        &[
            "escu", "eanu", "opoulos", "opoulou", "poulos", "akis", "idis", "iadis", "sson", "ssen", "mann", "auskas",
            "auskiene", "evicius", "avicius", "aitis", "aitiene", "oglu", "ovic", "evic", "ovich",
        ],
    ),
    ("pl", &["ski", "ska", "cki", "cka", "dzki", "dzka", "wicz", "czyk"]),
    ("cs", &["ova", "sky"]),
    ("sk", &["ova", "sky"]),
    ("bg", &["ov", "ova", "ev", "eva", "ski", "ska"]),
    ("hr", &["ic"]),
    ("sl", &["ic"]),
    ("fi", &["nen"]),
    ("lt", &["iene", "aite", "yte", "ute"]),
    ("lv", &["ins", "ovs", "evs"]),
];

fn has_surname_ending(w: &str, lang: &str) -> bool {
    SURNAME_ENDINGS
        .iter()
        .filter(|(l, _)| l.is_empty() || lang.is_empty() || *l == lang)
        .flat_map(|(_, e)| e.iter())
        .any(|e| w.len() > e.len() + 2 && w.ends_with(e))
}

/// The same endings of Greek surnames, on [`words::latin_key_of_greek`] keys.
const GREEK_SURNAME_ENDINGS: &[&str] =
    &["opulos", "opulu", "akis", "aki", "idis", "idi", "iadis", "atos", "elis", "oglu"];

/// Whether a folded word `w`, or a base form the language's endings and
/// (Irish) lenition give back, passes `test` (`Kowalskiego` → `kowalski`,
/// `Sheáin` → `seain`).
fn known_by(w: &str, lang: &str, buf: &mut String, test: impl Fn(&str) -> bool) -> bool {
    if test(w) {
        return true;
    }
    let b = w.as_bytes();
    if (lang.is_empty() || lang == "ga") && b.len() > 3 && b[1] == b'h' && b"bcdfgmpst".contains(&b[0]) {
        buf.clear();
        buf.push(char::from(b[0]));
        buf.push_str(&w[2..]);
        if test(buf) {
            return true;
        }
    }
    // Only the rules whose suffix ends with the word's last byte: comparing
    // the word with each of the 145 suffixes was a quarter of PERSON's time.
    let Some(last) = b.last() else { return false };
    for &(l, suffix, repl) in &inflections_by_last_byte()[usize::from(*last)] {
        if (lang.is_empty() || l == lang) && w.len() >= suffix.len() + 3 && w.ends_with(suffix) {
            buf.clear();
            buf.push_str(&w[..w.len() - suffix.len()]);
            buf.push_str(repl);
            if test(buf) {
                return true;
            }
        }
    }
    false
}

/// One rule of [`INFLECTIONS`]: language, suffix, replacement.
type Inflection = (&'static str, &'static str, &'static str);

/// [`INFLECTIONS`] by the last byte of their suffix.
fn inflections_by_last_byte() -> &'static [Vec<Inflection>] {
    static BY_LAST: OnceLock<Vec<Vec<Inflection>>> = OnceLock::new();
    BY_LAST.get_or_init(|| {
        let mut by = vec![Vec::new(); 256];
        for &(lang, rules) in INFLECTIONS {
            for &(suffix, repl) in rules {
                let last = suffix.as_bytes().last().expect("inflection suffixes are not empty");
                by[usize::from(*last)].push((lang, suffix, repl));
            }
        }
        by
    })
}

/// Whether a folded word (or an inflected form of it) is in `set`.
fn known(w: &str, set: &HashSet<String>, lang: &str, buf: &mut String) -> bool {
    known_by(w, lang, buf, |x| set.contains(x))
}

/// Whether a folded word (or an inflected form of it) has a surname ending.
fn surname_shaped(w: &str, lang: &str, buf: &mut String) -> bool {
    known_by(w, lang, buf, |x| has_surname_ending(x, lang))
}

/// Whether a Greek key (or an inflected form: genitive `-ου`, vocative
/// `-ο`, feminine `-η`/`-α`) is in `set`.
fn known_greek(key: &str, set: &HashSet<String>, buf: &mut String) -> bool {
    if set.contains(key) {
        return true;
    }
    for (suffix, repls) in [("u", &["os", "is", "as"][..]), ("o", &["os"][..]), ("i", &["is"][..]), ("a", &["as"][..])]
    {
        if let Some(stem) = key.strip_suffix(suffix) {
            for r in repls {
                buf.clear();
                buf.push_str(stem);
                buf.push_str(r);
                if set.contains(buf.as_str()) {
                    return true;
                }
            }
        }
    }
    false
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Particle,
    Given,
    Surname,
    /// Not in the lexicon, but with a surname ending.
    Morph,
    /// Both a given name and a surname (`Martin`, `Thomas`).
    Both,
    Unknown,
}

/// Reusable buffers.
#[derive(Debug, Default)]
pub(crate) struct PersonScratch {
    run: Vec<Word>,
    classes: Vec<Class>,
    folded: String,
    key: String,
    buf: String,
    tmp: String,
}

/// Classifies one name word (folded in `s.folded`).
fn classify(word: &str, lang: &str, s: &mut PersonScratch) -> Class {
    let l = lexicon();
    s.folded.clear();
    if words::is_cyrillic(word) {
        // Lowercased in the scratch buffer, character by character: only a
        // capital sigma lowercases by its context (`str::to_lowercase`).
        s.tmp.clear();
        if word.contains('Σ') {
            s.tmp.push_str(&word.to_lowercase());
        } else {
            s.tmp.extend(word.chars().flat_map(char::to_lowercase));
        }
        words::translit_cyrillic(&s.tmp, &mut s.folded);
    } else {
        words::fold_into(word, &mut s.folded);
    }
    let f = s.folded.as_str();
    if l.particles.contains(f) || l.inner.contains(f) {
        return Class::Particle;
    }
    if FUNCTION_WORDS.contains(&f) {
        return Class::Unknown;
    }
    // An initial bridges given name and surname (Donald E. Keyhoe).
    let letters = word.chars().count();
    if letters == 1 && word.chars().all(char::is_uppercase) {
        return Class::Particle;
    }
    // One letter, or an acronym (EMY, NATO): not a name word.
    if letters < 2 || (letters <= 4 && word.chars().all(|c| !c.is_lowercase())) {
        return Class::Unknown;
    }
    let (given, surname, morph) = if words::is_greek(f) {
        s.key.clear();
        words::latin_key_of_greek(f, &mut s.key);
        let k = s.key.as_str();
        (
            known_greek(k, &l.greek_given, &mut s.buf),
            known_greek(k, &l.greek_surnames, &mut s.buf),
            GREEK_SURNAME_ENDINGS.iter().any(|e| k.len() > e.len() + 2 && k.ends_with(e)),
        )
    } else if f.contains('-') {
        // Hyphenated: a double given name when every part is one, a double
        // surname when a part is a surname.
        let parts = || f.split('-').filter(|p| !p.is_empty());
        let g = parts().all(|p| known(p, &l.given, lang, &mut s.buf));
        let sn = parts().any(|p| known(p, &l.surnames, lang, &mut s.buf));
        (g, sn && !g, false)
    } else {
        (
            known(f, &l.given, lang, &mut s.buf),
            known(f, &l.surnames, lang, &mut s.buf),
            surname_shaped(f, lang, &mut s.buf),
        )
    };
    match (given, surname) {
        (true, true) => Class::Both,
        (true, false) => Class::Given,
        (false, true) => Class::Surname,
        _ if morph => Class::Morph,
        _ => Class::Unknown,
    }
}

/// Finds the names in `text`; appends PERSON spans `(start, end, subtype)`.
pub(crate) fn find(text: &str, lang: &str, s: &mut PersonScratch, out: &mut Vec<(usize, usize, &'static str)>) {
    let l = lexicon();
    let lang = lang.get(..2).unwrap_or("");
    let mut from = 0;
    s.run.clear();
    while let Some(w) = words::next_word(text, from) {
        from = w.end;
        let joins = s.run.last().is_some_and(|p| joined(text, p, &w, l));
        if !joins && !s.run.is_empty() {
            let run = std::mem::take(&mut s.run);
            process(text, &run, lang, s, out);
            s.run = run;
            s.run.clear();
        }
        if w.cap || s.run.last().is_some_and(|p| continues_particle(text, p, &w, l)) {
            s.run.push(w);
        }
    }
    if !s.run.is_empty() {
        let run = std::mem::take(&mut s.run);
        process(text, &run, lang, s, out);
        s.run = run;
    }
}

/// Whether the lowercase word `w` after `prev` in a run is a name
/// particle: `van`, `de`, `Ó`; `der` only after another (`van der`).
fn continues_particle(text: &str, prev: &Word, w: &Word, l: &Lexicon) -> bool {
    // Particles are short: most words are rejected before folding.
    if text[w.start..w.end].chars().count() > 6 {
        return false;
    }
    let f = words::fold(&text[w.start..w.end]);
    l.particles.contains(&f)
        || (l.inner.contains(&f) && l.particles.contains(&words::fold(&text[prev.start..prev.end])))
}

/// Whether `w` continues the run ending with `prev`: one space (or a
/// no-break space) between them, or `. ` after a title or place word
/// (`Dr. Weber`, `St. Pölten`).
fn joined(text: &str, prev: &Word, w: &Word, l: &Lexicon) -> bool {
    let gap = &text[prev.end..w.start];
    match gap {
        " " | "\u{a0}" => true,
        // An initial (Donald E. Keyhoe, J. R. Tolkien).
        ". " | ".\u{a0}" if prev.cap && prev.end - prev.start == 1 && w.cap => true,
        ". " | ".\u{a0}" => {
            let mut t = words::fold(&text[prev.start..prev.end]);
            let bare = l.stops.contains(&t);
            t.push('.');
            bare || l.titles.contains(&t)
        }
        _ => false,
    }
}

/// Where the text searched before byte `at` starts: the line's start, at
/// most `n` bytes back (on a character boundary).
fn window_start(text: &str, at: usize, n: usize) -> usize {
    let mut from = at.saturating_sub(n);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    text[from..at].rfind('\n').map_or(from, |p| from + p + 1)
}

/// The title ending right before byte `at` on the same line (`pan`,
/// `sig.ra`, `de heer`, `κ.`), if any: `Some(weak)`, weak for a one-letter
/// abbreviation (`d.` is also a day, `m.` a year) and a greeting.
fn title_before(text: &str, at: usize, l: &Lexicon, cand: &mut String) -> Option<bool> {
    let before = &text[window_start(text, at, 32)..at];
    let mut tokens = before.split_whitespace().rev();
    // Most capitalised words follow the end of a sentence, not a title:
    // the last word decides before the two before it are read.
    let last = tokens.next()?;
    cand.clear();
    words::fold_into(last, cand);
    if !l.title_last.contains(cand.as_str()) {
        return None;
    }
    let mut toks: [&str; 3] = [last, "", ""];
    let mut n = 1;
    for t in tokens.take(2) {
        toks[n] = t;
        n += 1;
    }
    for k in 1..=n {
        cand.clear();
        for (i, t) in toks[..k].iter().rev().enumerate() {
            if i > 0 {
                cand.push(' ');
            }
            words::fold_into(t, cand);
        }
        if l.titles.contains(cand.as_str()) {
            return Some(cand.ends_with('.') && cand.chars().count() == 2);
        }
        if l.greetings.contains(cand.as_str()) {
            return Some(true);
        }
    }
    None
}

/// Whether a phrase that introduces a name (`Name:`, `signed by`) ends
/// right before byte `at` on the same line.
fn intro_before(text: &str, at: usize, l: &Lexicon, buf: &mut String) -> bool {
    let before = text[window_start(text, at, 64)..at].trim_end();
    let Some(last) = before.split_whitespace().next_back() else { return false };
    buf.clear();
    words::fold_into(last.trim_end_matches(':'), buf);
    if !l.intro_last.contains(buf.as_str()) {
        return false;
    }
    let mut from = before.len().saturating_sub(48);
    while !before.is_char_boundary(from) {
        from += 1;
    }
    buf.clear();
    words::fold_into(&before[from..], buf);
    let tail = buf.as_str();
    let last = tail.as_bytes().last().copied();
    l.intros.iter().any(|cue| {
        cue.as_bytes().last().copied() == last && tail.ends_with(cue.as_str()) && {
            let p = tail.len() - cue.len();
            p == 0 || !tail[..p].chars().next_back().is_some_and(char::is_alphanumeric)
        }
    })
}

/// Whether the run fills its line, and the line before it is a letter
/// closing ("Mit freundlichen Grüßen,").
fn after_closing(text: &str, start: usize, end: usize, l: &Lexicon) -> bool {
    let before = text[..start].trim_end_matches([' ', '\t']);
    if !before.ends_with('\n') {
        return false;
    }
    let line_end = text[end..].find('\n').map_or(text.len(), |p| end + p);
    if !text[end..line_end].trim().trim_matches(|c: char| c == ',' || c == '.').is_empty() {
        return false;
    }
    let prev = before[..before.len() - 1].trim_end();
    let prev_line = &prev[window_start(prev, prev.len(), 96)..];
    let closing = words::fold(prev_line.trim().trim_end_matches([',', '.', '!']));
    l.closings.contains(&closing)
}

/// Decides whether one run of capitalised words holds a name.
fn process(text: &str, run: &[Word], lang: &str, s: &mut PersonScratch, out: &mut Vec<(usize, usize, &'static str)>) {
    let l = lexicon();
    let word = |w: &Word| &text[w.start..w.end];
    // Most runs are one capitalised word starting a sentence: a name only
    // after a title or a label, or before an honorific (Kovács úr).
    if run.len() == 1 {
        let honorific = next_word_on_line(text, run[0].end).is_some_and(|w| {
            s.tmp.clear();
            words::fold_into(w, &mut s.tmp);
            l.titles_after.contains(s.tmp.as_str())
        });
        if !honorific
            && title_before(text, run[0].start, l, &mut s.tmp).is_none()
            && !intro_before(text, run[0].start, l, &mut s.tmp)
        {
            return;
        }
    }
    // A street word before the run makes it a street name (rue Victor
    // Hugo); a place or organisation word, a brand or an institution (la
    // firma Carolina Herrera, Fondation …).
    if let Some(prev) = previous_word(text, run[0].start) {
        let f = words::fold(prev);
        if super::address::is_street_before(&f) || l.stops.contains(f.trim_end_matches('.')) {
            return;
        }
    }
    // Split at place and organisation words (the parts touching one go
    // too) and at month and weekday names (the parts stay).
    let mut seg_start = 0;
    let mut killed_next = false;
    for i in 0..=run.len() {
        s.tmp.clear();
        if i < run.len() {
            words::fold_into(word(&run[i]), &mut s.tmp);
        }
        let stop = i < run.len() && l.stops.contains(s.tmp.as_str());
        let time = i < run.len() && l.times.contains(s.tmp.as_str());
        if i == run.len() || stop || time {
            let seg = &run[seg_start..i];
            if !seg.is_empty() && !killed_next && !stop {
                decide(text, seg, lang, s, out);
            }
            killed_next = stop;
            seg_start = i + 1;
        }
    }
}

/// The word right before byte `at`, one space away, with its dots
/// (`ul.`, `c/`).
fn previous_word(text: &str, at: usize) -> Option<&str> {
    let before = text[..at].strip_suffix([' ', '\u{a0}'])?;
    let start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '.' || c == '/'))
        .map_or(0, |(p, c)| p + c.len_utf8());
    let w = &before[start..];
    (!w.is_empty()).then_some(w)
}

/// The name in one segment of a run, if the evidence is enough.
fn decide(text: &str, seg: &[Word], lang: &str, s: &mut PersonScratch, out: &mut Vec<(usize, usize, &'static str)>) {
    let l = lexicon();
    let word = |w: &Word| &text[w.start..w.end];
    // Titles inside the run (Herr, Dr., Prof. Dr.) and before it (pan, κ.);
    // a one-letter title (M., D.) is also an abbreviation of anything, and
    // a greeting (Dear, Hallo) also greets by the given name alone.
    let mut a = 0;
    let before = title_before(text, seg[0].start, l, &mut s.tmp);
    let mut title = before.is_some();
    let mut weak_title = before == Some(true);
    while a < seg.len() {
        let t = &mut s.tmp;
        t.clear();
        words::fold_into(word(&seg[a]), t);
        let plain = l.titles.contains(t.as_str());
        let greeting = l.greetings.contains(t.as_str());
        t.push('.');
        let dotted = text[seg[a].end..].starts_with('.') && l.titles.contains(t.as_str());
        if plain || dotted || greeting {
            title = true;
            weak_title |= greeting || (dotted && t.chars().count() == 2);
            a += 1;
        } else {
            break;
        }
    }
    let names = &seg[a..];
    // After a title, a one-letter word is not a name (Gent. U vindt …).
    if names.is_empty() || (title && word(&names[0]).chars().count() < 2) {
        return;
    }
    let after = next_word_on_line(text, names[names.len() - 1].end).map(words::fold);
    if let Some(after) = &after {
        if super::address::is_street_after(after) || l.stops.contains(after.trim_end_matches('.')) {
            return; // Kossuth Lajos utca, Vytauto Didžiojo universiteto
        }
        title |= l.titles_after.contains(after);
    }
    s.classes.clear();
    for w in names {
        let c = classify(word(w), lang, s);
        s.classes.push(c);
    }
    let classes = std::mem::take(&mut s.classes);
    let found = if title && weak_title {
        // Two name words, or one the lexicon knows as a surname.
        let strong = classes.len() >= 2 || matches!(classes[0], Class::Surname | Class::Morph);
        if strong {
            choose(names, &classes, true, lang)
        } else {
            None
        }
    } else {
        choose(names, &classes, title, lang)
    };
    s.classes = classes;
    let context = |n: usize| {
        let (st, en) = (names[0].start, names[n - 1].end);
        // A form field's value ends its line or clause ("Name: Anna
        // Schmidt\n"); "name: String that is returned …" is a description.
        let field_ends = text[en..]
            .trim_start_matches([' ', '\t'])
            .chars()
            .next()
            .is_none_or(|c| matches!(c, '\n' | '\r' | ',' | ';' | '(' | ')' | '.' | '|' | '/' | '"' | '»' | '“'));
        (field_ends && intro_before(text, names[0].start, l, &mut String::new()))
            || (n >= 2 && after_closing(text, st, en, l))
    };
    // The shape alone is not enough after a preposition of place (u Mariji
    // Bistrici, do Jindřichova Hradce), at a sentence's start (Tai Latvijos,
    // Glad I), or for words that are not written like names: one letter,
    // an acronym, capitals inside (Art B, Vlade RH, Metoda GetFileLen).
    let found = match found {
        Some((i, j, SHAPE)) => {
            let unlike_name = names[i + 1..j].iter().any(|w| {
                let t = word(w);
                t.chars().count() < 3 || t.chars().skip(1).any(char::is_uppercase)
            });
            let after_place = i == 0 && previous_word(text, names[0].start).is_some_and(is_place_preposition);
            if unlike_name || after_place || sentence_start(text, names[i].start) {
                None
            } else {
                found
            }
        }
        f => f,
    };
    let (i, j, sub) = match found {
        // A label or closing says more than the shape of the words.
        Some((0, j, SHAPE)) if context(j) => (0, j, CONTEXT),
        Some(f) => f,
        None => {
            // Labels and letter closings vouch for words the lexicon lacks.
            let n = names.len().min(MAX_NAME_WORDS);
            if context(n) {
                (0, n, CONTEXT)
            } else {
                return;
            }
        }
    };
    out.push((names[i].start, names[j - 1].end, sub));
}

/// Whether byte `at` starts a sentence: the text's or a line's start, or
/// after `.`, `!`, `?` (and quotes) and a space.
fn sentence_start(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end_matches([' ', '\u{a0}', '"', '“', '„', '«', '\'', '(', '-', '–']);
    before.is_empty() || before.ends_with(['.', '!', '?', '\n', ':'])
}

/// Prepositions before a place ("in", "to") in the EU languages, where a
/// capitalised pair after them is more often a place than a person.
fn is_place_preposition(w: &str) -> bool {
    matches!(
        w,
        "u" | "v"
            | "ve"
            | "w"
            | "we"
            | "in"
            | "im"
            | "na"
            | "à"
            | "en"
            | "i"
            | "do"
            | "nach"
            | "naar"
            | "till"
            | "til"
            | "pri"
            | "au"
    )
}

fn next_word_on_line(text: &str, at: usize) -> Option<&str> {
    let rest = text[at..].strip_prefix([' ', '\u{a0}'])?;
    let w = words::next_word(rest, 0)?;
    (w.start == 0).then(|| &rest[w.start..w.end])
}

/// The span `[i, j)` of name words and its evidence, if the classes show a
/// name: title + words; given name(s) + surname; surname + given name.
fn choose(names: &[Word], c: &[Class], title: bool, lang: &str) -> Option<(usize, usize, &'static str)> {
    use Class::*;
    let n = names.len().min(MAX_NAME_WORDS);
    let c = &c[..n];
    let trim_particles = |mut j: usize| {
        while j > 0 && c[j - 1] == Particle {
            j -= 1;
        }
        j
    };
    if title {
        // After a title every capitalised word up to three is the name.
        let j = trim_particles(n.min(4));
        let start = c.iter().position(|&x| x != Particle).unwrap_or(j);
        return (j > 0 && start < j).then_some((0, j, TITLE));
    }
    let surname_like = |x: Class| matches!(x, Surname | Both | Morph);
    for i in 0..n {
        if !matches!(c[i], Given | Both) {
            continue;
        }
        // Given names (Anna Maria), then particles and surnames (van der
        // Berg, Ferreira da Silva), up to the last surname.
        let mut j = i + 1;
        while j < n && matches!(c[j], Given | Both) {
            j += 1;
        }
        let mut end = j;
        let mut sub = None;
        let mut k = j;
        while k < n {
            let mut q = k;
            while q < n && c[q] == Particle {
                q += 1;
            }
            let particles = q > k;
            if q < n && (surname_like(c[q]) || (particles && c[q] == Unknown)) {
                let evidence = if c[q] == Surname || c[q] == Both { LEXICON } else { MORPHOLOGY };
                sub = Some(match sub {
                    Some(LEXICON) => LEXICON,
                    _ => evidence,
                });
                end = q + 1;
                k = q + 1;
            } else {
                break;
            }
        }
        if let Some(sub) = sub {
            return Some((i, end, sub));
        }
        if j - i >= 2 && matches!(c[j - 1], Both) {
            // Friedrich Reinhold Kreutzwald: a word the lexicon lacks after
            // them is the surname.
            let e = if j < n && c[j] == Unknown { j + 1 } else { j };
            return Some((i, e, LEXICON));
        }
        // Surname first (Kovács Anna, Nowak Jan); in Hungarian any
        // capitalised word before a given name is its surname.
        if i > 0 && (surname_like(c[i - 1]) || (lang == "hu" && c[i - 1] == Unknown)) {
            let sub = if c[i - 1] == Unknown { SHAPE } else { LEXICON };
            return Some((i - 1, j, sub));
        }
        // A given name and one or two words the lexicon lacks.
        let mut e = j;
        while e < n && e < j + 2 && c[e] == Unknown {
            e += 1;
        }
        if e > j {
            return Some((i, e, SHAPE));
        }
        return None;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str, lang: &str) -> Vec<(String, &'static str)> {
        let mut out = Vec::new();
        find(text, lang, &mut PersonScratch::default(), &mut out);
        out.into_iter().map(|(a, b, s)| (text[a..b].to_string(), s)).collect()
    }

    #[test]
    fn given_name_and_surname_from_the_lexicon() {
        assert_eq!(names("Gestern hat Anna Schmidt angerufen.", "de"), vec![("Anna Schmidt".into(), LEXICON)]);
        assert_eq!(names("Am Montag kam Anna Maria Kowalska.", "pl"), vec![("Anna Maria Kowalska".into(), LEXICON)]);
        assert_eq!(names("Rozmawiałem z Janem Kowalskim.", "pl"), vec![("Janem Kowalskim".into(), LEXICON)]);
        assert_eq!(names("Tapasin Petri Virtasen eilen.", "fi"), vec![("Petri Virtasen".into(), LEXICON)]);
        assert_eq!(names("A levelet Kovács Annának küldtem.", "hu"), vec![("Kovács Annának".into(), LEXICON)]);
    }

    #[test]
    fn initials_and_offices() {
        assert_eq!(names("escrito por Donald E. Keyhoe, miembro", "es"), vec![("Donald E. Keyhoe".into(), MORPHOLOGY)]);
        assert!(names("Grazzi. MR SPEAKER: Il-Ministru", "mt").is_empty());
        assert!(names("Κύριε Πρόεδρε, επιτρέψτε μου", "el").is_empty());
    }

    #[test]
    fn titles_make_one_word_a_name() {
        assert_eq!(names("Sehr geehrter Herr Dr. Weber,", "de"), vec![("Weber".into(), TITLE)]);
        assert_eq!(names("Bonjour Mme Dubois.", "fr"), vec![("Dubois".into(), TITLE)]);
        assert_eq!(names("Rozmawiałem z pan Zieliński wczoraj", "pl"), vec![("Zieliński".into(), TITLE)]);
    }

    #[test]
    fn greek_and_bulgarian_names_match_their_romanisations() {
        assert_eq!(names("Ο Γιώργος Παπαδόπουλος ήρθε.", "el"), vec![("Γιώργος Παπαδόπουλος".into(), LEXICON)]);
        assert_eq!(names("Вчера Георги Иванов дойде.", "bg"), vec![("Георги Иванов".into(), LEXICON)]);
    }

    #[test]
    fn places_streets_and_single_words_are_not_names() {
        assert!(names("Wir fuhren nach Frankfurt am Main.", "de").is_empty());
        assert!(names("Die Basilika Santa Maria Maggiore ist alt.", "it").is_empty());
        assert!(names("Anna kommt morgen.", "de").is_empty());
        assert!(names("Il habite rue Victor Hugo depuis 2010.", "fr").is_empty());
    }

    #[test]
    fn closings_and_labels_vouch_for_unknown_names() {
        let t = "Danke.\n\nMit freundlichen Grüßen\nXaver Zwirbelhuber\n";
        assert_eq!(names(t, "de"), vec![("Xaver Zwirbelhuber".into(), CONTEXT)]);
        assert_eq!(names("Name: Zwirbelhuber", "de"), vec![("Zwirbelhuber".into(), CONTEXT)]);
    }
}
